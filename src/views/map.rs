//! Today's kommuner on a map (Kartverket's polygons of 2024, [`crate::data::Shapes`]), each
//! coloured by its share in work or education one year after, pooled over the newest cohorts as
//! the ranking pools them (at least [`MIN_FINISHED`] who finished). Kommuner with too few, with
//! nobody who finished, or whose former kommuner cannot be summed each have a pattern of their
//! own, so no class is told by colour alone. The chosen kommune is outlined and named; the Oslo
//! area is drawn again, magnified, in an inset. Every kommune is a point to explore, and picking
//! one (click, tap, Enter) opens the view for it.

use crate::gather::Gather;
use super::ranking::{standing, NotRanked, COHORTS, MIN_FINISHED};
use super::{Figures, Words};
use crate::chart::*;
use crate::data::{arc_index, ring_points, Dataset, Embedded, Shapes};
use crate::outcome::stats::*;
use crate::outcome::*;
use crate::place::Place;
use crate::text::*;
use serde::Serialize;

/// Where the colour classes above the first begin, in per cent: under 40, 40–50, 50–60, 60–70,
/// and the goal, 70 and over.
pub const BREAKS: [u32; 4] = [40, 50, 60, 70];
/// Half the side of the Oslo inset's square, in metres around Oslo's label point.
const INSET_HALF_M: i32 = 30_000;

/// How a kommune is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    /// Its pooled share's class: 0 (under 40 %) to 4 (70 % and over).
    Share(u8),
    /// Fewer than [`MIN_FINISHED`] finished in the years SSB published, or no year published at
    /// all (SSB suppresses too few).
    TooFew,
    /// Every year published, and nobody finished.
    NoCompleters,
    /// Its former kommuner's counts cannot be summed (one is suppressed), or it holds part of a
    /// divided kommune, whose figures are never divided.
    NotSummable,
}

impl Class {
    /// In the legend's order: the highest share first, then the patterns.
    pub const ALL: [Class; 8] = [Class::Share(4), Class::Share(3), Class::Share(2), Class::Share(1), Class::Share(0), Class::TooFew, Class::NoCompleters, Class::NotSummable];

    fn of(e: &Estimate) -> Class {
        Class::Share(BREAKS.iter().filter(|&&b| e.count * 100 >= b * e.finished).count() as u8)
    }
}

/// One kommune on the map.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mapped {
    pub code: String,
    pub name: String,
    pub fylke: String,
    pub class: Class,
    /// Its pooled figure, where SSB published counts (also for too few to colour).
    pub pooled: Option<Pooled>,
    /// Why it has no colour, where it has none.
    pub why: Option<NotRanked>,
    /// Its fylke's place in today's map: its row for the arrow keys.
    #[serde(skip)]
    series: u16,
}

/// Every kommune of today on the map, the chosen one among them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MapView {
    /// The chosen place: a kommune, or a bydel.
    pub name: String,
    /// For a bydel: the kommune it lies in, which the map marks.
    pub kommune: Option<String>,
    pub cohorts: Vec<u16>,
    /// In the order of today's map (by number).
    pub kommuner: Vec<Mapped>,
    /// The chosen kommune's place in `kommuner`.
    pub chosen: Option<usize>,
    /// The country's share over the same cohorts.
    pub land: Option<Estimate>,
    #[serde(skip)]
    shapes: std::sync::Arc<Shapes>,
}

impl MapView {
    /// A kommune's label point on the map's grid.
    fn label_of(&self, code: &str) -> Option<[i32; 2]> {
        self.kommuner.iter().position(|m| m.code == code).map(|i| self.shapes.kommuner[i].label)
    }

    fn count(&self, f: impl Fn(&Mapped) -> bool) -> usize {
        self.kommuner.iter().filter(|k| f(k)).count()
    }
}

pub fn map_view(ds: &Dataset, place: &Place) -> Option<MapView> {
    let shapes = ds.map.shapes.shared();
    if shapes.kommuner.len() != ds.map.kommuner.len() || shapes.kommuner.is_empty() {
        return None;
    }
    let all = cohorts(ds, 1);
    let cohorts = all[all.len().saturating_sub(COHORTS)..].to_vec();
    let land = pooled(&Subject::Region(ds.land()), &cohorts).map(|p| p.estimate);
    let kommuner = kommuner_of(ds, &cohorts);
    let (k, kommune) = match *place {
        Place::Kommune(k) => (Some(k), None),
        Place::Bydel { today, .. } => (today, today.map(|k| k.name.clone())),
    };
    let chosen = k.and_then(|k| kommuner.iter().position(|m| m.code == k.code));
    Some(MapView { name: place.name().to_string(), kommune, cohorts, kommuner, chosen, land, shapes })
}

/// Today's kommuner with their standing over `cohorts` (the ranking's rule), kept for the
/// embedded data: each map opened would otherwise sum the 357 kommuner's cells anew, most of the
/// time it takes to open (both embedded datasets have the same one-year-after cells).
fn kommuner_of(ds: &Dataset, cohorts: &[u16]) -> Vec<Mapped> {
    static EMBEDDED: std::sync::OnceLock<(Vec<u16>, Vec<Mapped>)> = std::sync::OnceLock::new();
    match ds.is_embedded() {
        true => match EMBEDDED.get_or_init(|| (cohorts.to_vec(), mapped(ds, cohorts))) {
            (kept, kommuner) if kept == cohorts => kommuner.clone(),
            _ => mapped(ds, cohorts),
        },
        false => mapped(ds, cohorts),
    }
}

fn mapped(ds: &Dataset, cohorts: &[u16]) -> Vec<Mapped> {
    ds.map
        .kommuner
        .iter()
        .map(|k| {
            let fylke = ds.map.fylker.iter().position(|f| f.code == k.fylke);
            // The ranking's rule: coloured where it would be ranked, else why not.
            let (pooled, why) = standing(&today_subject(ds, k), cohorts);
            let class = match (&pooled, why) {
                (Some(p), None) => Class::of(&p.estimate),
                (_, Some(NotRanked::NoCompleters)) => Class::NoCompleters,
                (_, Some(NotRanked::NotSummable | NotRanked::Divided)) => Class::NotSummable,
                _ => Class::TooFew,
            };
            let fylke_name = fylke.map_or(String::new(), |i| ds.map.fylker[i].name.clone());
            Mapped { code: k.code.clone(), name: k.name.clone(), fylke: fylke_name, class, pooled, why, series: fylke.unwrap_or(0) as u16 }
        })
        .gather()
}

impl Figures for MapView {
    const KEY: &'static str = "map";

    fn open(ds: &Dataset, place: &Place, _cohort: Option<u16>) -> Option<Self> {
        map_view(ds, place)
    }

    fn name(t: &Texts) -> &'static str {
        t.view_map
    }

    fn title(&self, lang: Lang) -> String {
        let name = self.kommune.as_deref().unwrap_or(&self.name);
        fill(words(lang).title, &[("name", name), ("cohorts", &cohort_list(&self.cohorts))])
    }

    fn words(&self, lang: Lang) -> Words {
        map_text(self, lang, true)
    }

    fn words_without_rows(&self, lang: Lang) -> Option<Words> {
        Some(map_text(self, lang, false))
    }

    fn tip(&self, pick: &str, lang: Lang) -> Option<String> {
        self.kommuner.iter().find(|m| m.code == pick).map(|m| tip(m, &self.cohorts, lang))
    }

    fn draw(&self, root: &Area, title: &str, p: &Paint) -> DrawResult {
        draw_map(root, self, title, p)
    }
}

/// The view's own words, in each language.
struct MapWords {
    title: &'static str,
    classes: [&'static str; 8],
    share: &'static str,
    too_few: &'static str,
    unpublished: &'static str,
    no_completers: &'static str,
    not_summable: &'static str,
    divided: &'static str,
    bydel: &'static str,
    spread: &'static str,
    rule: &'static str,
    drawn: &'static str,
    credit: &'static str,
    caption: &'static str,
    col_fylke: &'static str,
    col_map: &'static str,
    inset: &'static str,
    foot_land: &'static str,
    foot_classes: &'static str,
}

const NB: MapWords = MapWords {
    title: "{name} og de andre kommunene på kartet, {cohorts}",
    classes: ["70 % og over", "60–70 %", "50–60 %", "40–50 %", "under 40 %", "for få deltakere", "ingen avsluttet", "kan ikke summeres"],
    share: "I {name} var {p} prosent ({x} av {n}) i arbeid eller utdanning ett år etter, av dem som avsluttet introduksjonsprogrammet i {cohorts}: på kartet «{class}».",
    too_few: "{name} har for få deltakere til å få en farge på kartet: bare {n} avsluttet i {cohorts}, færre enn {min}.",
    unpublished: "{name} har for få deltakere til å få en farge på kartet: SSB har ikke publisert tallene for noen av årene {cohorts}.",
    no_completers: "Ingen avsluttet introduksjonsprogrammet i {name} i {cohorts}.",
    not_summable: "{name} får ingen farge på kartet: tallene for de tidligere kommunene kan ikke legges sammen, fordi en av dem har for få deltakere.",
    divided: "{name} får ingen farge på kartet: kommunen har fått deler av en kommune som ble delt, og tallene deles ikke.",
    bydel: "Kartet viser kommuner; {name} ligger i {kommune}.",
    spread: "Av de {total} kommunene har {top} minst 70 prosent i arbeid eller utdanning, {low} under 50 prosent, og {few} for få deltakere til å vises; i {none} avsluttet ingen, og for {sum} kan tallene ikke legges sammen. Hele landet: {land} prosent.",
    rule: "Fargen er andelen i arbeid eller utdanning ett år etter, samlet for de av årene {cohorts} der SSB har publisert både antallet som avsluttet og antallet i arbeid eller utdanning, der minst {min} avsluttet til sammen. Kommuner med færre, eller der SSB har skjult tallene, er skravert.",
    drawn: "Kartet viser dagens {total} kommuner, forenklet; Oslo-området er forstørret i en egen rute.",
    credit: "Kart: © Kartverket (CC BY 4.0).",
    caption: "Alle {total} kommuner på kartet, samlet for {cohorts}",
    col_fylke: "Fylke",
    col_map: "På kartet",
    inset: "Oslo-området",
    foot_land: "Hele landet {cohorts}: {p} prosent ({x} av {n}).",
    foot_classes: "Kommuner per farge og mønster: {list} (under 50 % til sammen {low}), i alt {total}.",
};

const NN: MapWords = MapWords {
    title: "{name} og dei andre kommunane på kartet, {cohorts}",
    classes: ["70 % og over", "60–70 %", "50–60 %", "40–50 %", "under 40 %", "for få deltakarar", "ingen avslutta", "kan ikkje summerast"],
    share: "I {name} var {p} prosent ({x} av {n}) i arbeid eller utdanning eitt år etter, av dei som avslutta introduksjonsprogrammet i {cohorts}: på kartet «{class}».",
    too_few: "{name} har for få deltakarar til å få ein farge på kartet: berre {n} avslutta i {cohorts}, færre enn {min}.",
    unpublished: "{name} har for få deltakarar til å få ein farge på kartet: SSB har ikkje publisert tala for nokon av åra {cohorts}.",
    no_completers: "Ingen avslutta introduksjonsprogrammet i {name} i {cohorts}.",
    not_summable: "{name} får ingen farge på kartet: tala for dei tidlegare kommunane kan ikkje leggjast saman, fordi ein av dei har for få deltakarar.",
    divided: "{name} får ingen farge på kartet: kommunen har fått delar av ein kommune som vart delt, og tala blir ikkje delte.",
    bydel: "Kartet viser kommunar; {name} ligg i {kommune}.",
    spread: "Av dei {total} kommunane har {top} minst 70 prosent i arbeid eller utdanning, {low} under 50 prosent, og {few} for få deltakarar til å visast; i {none} avslutta ingen, og for {sum} kan tala ikkje leggjast saman. Heile landet: {land} prosent.",
    rule: "Fargen er delen i arbeid eller utdanning eitt år etter, samla for dei av åra {cohorts} der SSB har publisert både talet som avslutta og talet i arbeid eller utdanning, der minst {min} avslutta til saman. Kommunar med færre, eller der SSB har skjult tala, er skraverte.",
    drawn: "Kartet viser dagens {total} kommunar, forenkla; Oslo-området er forstørra i ei eiga rute.",
    credit: "Kart: © Kartverket (CC BY 4.0).",
    caption: "Alle {total} kommunar på kartet, samla for {cohorts}",
    col_fylke: "Fylke",
    col_map: "På kartet",
    inset: "Oslo-området",
    foot_land: "Heile landet {cohorts}: {p} prosent ({x} av {n}).",
    foot_classes: "Kommunar per farge og mønster: {list} (under 50 % til saman {low}), i alt {total}.",
};

const EN: MapWords = MapWords {
    title: "{name} and the other municipalities on the map, {cohorts}",
    classes: ["70 % and over", "60–70 %", "50–60 %", "40–50 %", "under 40 %", "too few participants", "nobody finished", "cannot be summed"],
    share: "In {name}, {p} per cent ({x} of {n}) of those who finished the introduction programme in {cohorts} were in work or education one year later: on the map, “{class}”.",
    too_few: "{name} has too few participants to be coloured on the map: only {n} finished in {cohorts}, fewer than {min}.",
    unpublished: "{name} has too few participants to be coloured on the map: Statistics Norway has published the figures for none of the years {cohorts}.",
    no_completers: "Nobody finished the introduction programme in {name} in {cohorts}.",
    not_summable: "{name} is not coloured on the map: the figures of its former municipalities cannot be added up, as one of them has too few participants.",
    divided: "{name} is not coloured on the map: it received part of a municipality that was divided, and figures are never divided.",
    bydel: "The map shows municipalities; {name} lies in {kommune}.",
    spread: "Of the {total} municipalities, {top} have at least 70 per cent in work or education, {low} under 50 per cent, and {few} too few participants to show; in {none} nobody finished, and for {sum} the figures cannot be added up. Norway as a whole: {land} per cent.",
    rule: "The colour is the share in work or education one year later, pooled over those of the years {cohorts} for which Statistics Norway has published both the number who finished and the number in work or education, where at least {min} finished in all. Municipalities with fewer, or whose figures Statistics Norway has suppressed, are hatched.",
    drawn: "The map shows today's {total} municipalities, simplified; the Oslo area is magnified in a box of its own.",
    credit: "Map: © Kartverket (CC BY 4.0).",
    caption: "All {total} municipalities on the map, pooled over {cohorts}",
    col_fylke: "County",
    col_map: "On the map",
    inset: "Oslo area",
    foot_land: "Norway as a whole, {cohorts}: {p} per cent ({x} of {n}).",
    foot_classes: "Municipalities by colour and pattern: {list} (under 50 % together {low}), {total} in all.",
};

fn words(lang: Lang) -> &'static MapWords {
    match lang {
        Lang::Nb => &NB,
        Lang::Nn => &NN,
        Lang::En => &EN,
    }
}

fn class_label(c: Class, lang: Lang) -> &'static str {
    let i = Class::ALL.iter().position(|&a| a == c).unwrap_or(0);
    words(lang).classes[i]
}

/// The map's words; its table without rows unless `rows` (357 of them, for a page that shows them
/// later).
fn map_text(v: &MapView, lang: Lang, rows: bool) -> Words {
    let (t, w) = (texts(lang), words(lang));
    let total = format_int(v.kommuner.len() as u32, lang);
    let cohorts = cohort_list(&v.cohorts);
    let min = format_int(MIN_FINISHED, lang);
    let mut summary = Vec::new();
    if let Some(kommune) = &v.kommune {
        summary.push(fill(w.bydel, &[("name", &v.name), ("kommune", kommune)]));
    }
    if let Some(m) = v.chosen.map(|i| &v.kommuner[i]) {
        let name = m.name.as_str();
        let n = m.pooled.as_ref().map_or(0, |p| p.estimate.finished);
        summary.push(match (m.why, &m.pooled) {
            (None, Some(p)) => {
                let e = &p.estimate;
                let (pc, x, n) = (format_decimal(e.percent, lang), format_int(e.count, lang), format_int(e.finished, lang));
                fill(w.share, &[("name", name), ("p", &pc), ("x", &x), ("n", &n), ("cohorts", &cohort_list(&p.cohorts)), ("class", class_label(m.class, lang))])
            }
            (why, _) => {
                let template = match why {
                    Some(NotRanked::TooFew { .. }) => w.too_few,
                    Some(NotRanked::NoCompleters) => w.no_completers,
                    Some(NotRanked::NotSummable) => w.not_summable,
                    Some(NotRanked::Divided) => w.divided,
                    _ => w.unpublished,
                };
                // "bare 4 avsluttet i …": the years those were counted in, where some were not published.
                let years = m.pooled.as_ref().map_or(cohorts.clone(), |p| cohort_list(&p.cohorts));
                fill(template, &[("name", name), ("n", &format_int(n, lang)), ("cohorts", &years), ("min", &min)])
            }
        });
    }
    let count = |f: &dyn Fn(Class) -> bool| format_int(v.count(|k| f(k.class)) as u32, lang);
    let land = v.land.as_ref().map_or("–".to_string(), |l| format_decimal(l.percent, lang));
    let low = count(&|c| matches!(c, Class::Share(0 | 1)));
    let pairs = [
        ("total", total.clone()),
        ("top", count(&|c| c == Class::Share(4))),
        ("low", low.clone()),
        ("few", count(&|c| c == Class::TooFew)),
        ("none", count(&|c| c == Class::NoCompleters)),
        ("sum", count(&|c| c == Class::NotSummable)),
        ("land", land),
    ];
    summary.push(fill(w.spread, &pairs.iter().map(|(k, v)| (*k, v.as_str())).gather()));
    let notes = vec![fill(w.rule, &[("cohorts", &cohorts), ("min", &min)]), fill(w.drawn, &[("total", &total)]), w.credit.to_string()];
    let rows = v
        .kommuner
        .iter()
        .filter(|_| rows)
        .map(|k| {
            let figures = match &k.pooled {
                Some(p) => [cohort_list(&p.cohorts), format_int(p.estimate.count, lang), format_int(p.estimate.finished, lang), format_decimal(p.estimate.percent, lang)],
                None => [cohorts.clone(), "–".into(), "–".into(), "–".into()],
            };
            [k.name.clone(), k.fylke.clone()].into_iter().chain(figures).chain([class_label(k.class, lang).to_string()]).gather()
        })
        .gather();
    let headers = [t.col_kommune, w.col_fylke, t.col_cohorts, t.col_in_work, t.col_finished, t.col_percent, w.col_map].map(String::from).to_vec();
    // Every number the summary says, in the table too: the country, and the kommuner per class.
    let mut footnotes = Vec::new();
    if let Some(l) = &v.land {
        footnotes.push(fill(w.foot_land, &[("cohorts", &cohorts), ("p", &format_decimal(l.percent, lang)), ("x", &format_int(l.count, lang)), ("n", &format_int(l.finished, lang))]));
    }
    let list: Vec<String> = Class::ALL.iter().map(|&c| format!("{}: {}", class_label(c, lang), count(&|k| k == c))).gather();
    footnotes.push(fill(w.foot_classes, &[("list", &list.join(", ")), ("low", &low), ("total", &total)]));
    let table = Table { caption: fill(w.caption, &[("total", &total), ("cohorts", &cohorts)]), headers, rows, footnotes };
    Words { summary: summary.join(" "), notes, table }
}

// ---------------------------------------------------------------------------------------------
// Drawing

/// The fill of each share class, lowest first, and of the patterned classes: in a light theme a
/// darker colour is a larger share, in a dark one a lighter; one sequential hue ramp (yellow,
/// green, blue), which reads the same with every common colour vision deficiency.
fn fills(th: &Theme) -> ([RGBColor; 5], RGBColor, RGBColor) {
    let light = th.background.0 > 0x80;
    let ramp = [RGBColor(0xed, 0xf8, 0xb1), RGBColor(0x7f, 0xcd, 0xbb), RGBColor(0x41, 0xb6, 0xc4), RGBColor(0x22, 0x5e, 0xa8), RGBColor(0x0c, 0x2c, 0x84)];
    match light {
        true => (ramp, RGBColor(0xf4, 0xf4, 0xf4), RGBColor(0x6e, 0x6e, 0x6e)),
        // The darkest at least 3:1 against the dark background.
        false => ([RGBColor(0x5a, 0x6f, 0xc4), RGBColor(0x2f, 0x9b, 0xb3), RGBColor(0x4c, 0xbf, 0x8a), RGBColor(0xa8, 0xd9, 0x5b), RGBColor(0xff, 0xf3, 0xa0)], RGBColor(0x2a, 0x2a, 0x2a), RGBColor(0xa8, 0xa8, 0xa8)),
    }
}

type P = (i32, i32);

/// From the map's grid to device pixels: `origin + (point − from) × k`.
#[derive(Clone, Copy)]
struct Project {
    from: (f64, f64),
    origin: (f64, f64),
    k: f64,
}

impl Project {
    fn at(&self, p: [i32; 2]) -> P {
        (nearest((p[0] as f64 - self.from.0) * self.k + self.origin.0), nearest((p[1] as f64 - self.from.1) * self.k + self.origin.1))
    }
}

/// `v` to the nearest whole pixel (halves up): `floor` is one wasm instruction, where `round`
/// is a call into libm, and a map puts some 20 000 points in pixels per draw.
fn nearest(v: f64) -> i32 {
    (v + 0.5).floor() as i32
}

/// The part of a ring inside a rectangle (Sutherland–Hodgman, one edge at a time).
fn clip(ring: &[P], (x0, y0, x1, y1): (i32, i32, i32, i32)) -> Vec<P> {
    let mut out = ring.to_vec();
    // Each edge: whether a point is inside, and where a segment crosses it.
    for side in 0..4 {
        let inside = |p: P| match side {
            0 => p.0 >= x0,
            1 => p.0 <= x1,
            2 => p.1 >= y0,
            _ => p.1 <= y1,
        };
        let cross = |a: P, b: P| {
            let (a0, a1, b0, b1) = (a.0 as f64, a.1 as f64, b.0 as f64, b.1 as f64);
            match side {
                0 | 1 => {
                    let x = if side == 0 { x0 } else { x1 } as f64;
                    (x as i32, (a1 + (b1 - a1) * (x - a0) / (b0 - a0)).round() as i32)
                }
                _ => {
                    let y = if side == 2 { y0 } else { y1 } as f64;
                    ((a0 + (b0 - a0) * (y - a1) / (b1 - a1)).round() as i32, y as i32)
                }
            }
        };
        let input = std::mem::take(&mut out);
        for (i, &b) in input.iter().enumerate() {
            let a = input[(i + input.len() - 1) % input.len()];
            match (inside(a), inside(b)) {
                (true, true) => out.push(b),
                (true, false) => out.push(cross(a, b)),
                (false, true) => {
                    out.push(cross(a, b));
                    out.push(b);
                }
                (false, false) => {}
            }
        }
    }
    out
}

/// The stretches of the lines x + dir·y = c (c a multiple of `gap`, so that neighbouring areas'
/// hatching lines up) that lie inside `rings` (even–odd), one stretch where it runs on through
/// neighbouring rings. Each edge adds its crossings to the lines it crosses.
fn hatch(rings: &[&Vec<P>], gap: i32, dir: i32) -> Vec<Vec<P>> {
    let u = |p: P| p.0 + dir * p.1;
    let (lo, hi) = rings.iter().copied().flatten().fold((i32::MAX, i32::MIN), |(lo, hi), &p| (lo.min(u(p)), hi.max(u(p))));
    if lo > hi {
        return Vec::new();
    }
    let first = lo.div_euclid(gap);
    let mut lines: Vec<Vec<i32>> = vec![Vec::new(); (hi.div_euclid(gap) - first + 1) as usize];
    for ring in rings {
        for (i, &a) in ring.iter().enumerate() {
            let b = ring[(i + 1) % ring.len()];
            let (ua, ub) = (u(a), u(b));
            // The lines c with min < c <= max: crossed once, counted once at a shared vertex.
            let (min, max) = (ua.min(ub), ua.max(ub));
            for k in (min.div_euclid(gap) + 1)..=max.div_euclid(gap) {
                let c = k * gap;
                let x = a.0 as f64 + (c - ua) as f64 / (ub - ua) as f64 * (b.0 - a.0) as f64;
                lines[(k - first) as usize].push(nearest(x));
            }
        }
    }
    let mut out = Vec::new();
    for (k, mut xs) in lines.into_iter().enumerate() {
        let c = (first + k as i32) * gap;
        crate::sort::sort_by(&mut xs, |a, b| a < b);
        let at = |x: i32| (x, dir * (c - x));
        let mut last: Option<(i32, i32)> = None;
        for pair in xs.chunks_exact(2) {
            match last {
                // Through a border into a neighbour of the same pattern: one stretch.
                Some((from, to)) if pair[0] - to <= 1 => last = Some((from, pair[1])),
                Some((from, to)) => {
                    out.push(vec![at(from), at(to)]);
                    last = Some((pair[0], pair[1]));
                }
                None => last = Some((pair[0], pair[1])),
            }
        }
        if let Some((from, to)) = last {
            out.push(vec![at(from), at(to)]);
        }
    }
    out
}

/// Fills kommuner (each a class and its rings) in their classes' fills, then the patterns over
/// them: one hatching for too few, cross-hatching for what cannot be summed, dots for nobody
/// finished. Drawn class by class, so that a canvas draws each fill and pattern as one path.
fn paint<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, kommuner: &[(Class, &[Vec<P>])], p: &Paint) -> ChartResult<DB> {
    let (ramp, blank, ink) = fills(p.theme);
    for class in Class::ALL {
        let color = match class {
            Class::Share(i) => ramp[i as usize],
            _ => blank,
        };
        for ring in kommuner.iter().filter(|(c, _)| *c == class).flat_map(|(_, rings)| rings.iter()) {
            root.draw(&Polygon::new(ring.clone(), color.filled()))?;
        }
    }
    let gap = px(6.0, p.scale).max(3);
    let line = stroke(ink, 1.0, p.scale);
    let rings = |of: &[Class]| kommuner.iter().filter(|(c, _)| of.contains(c)).flat_map(|(_, rings)| rings.iter()).gather();
    for (dir, of) in [(-1, &[Class::TooFew, Class::NotSummable][..]), (1, &[Class::NotSummable][..])] {
        for seg in hatch(&rings(of), gap, dir) {
            root.draw(&PathElement::new(seg, line))?;
        }
    }
    let d = px(1.0, p.scale).max(1);
    for (_, rings) in kommuner.iter().filter(|(c, _)| *c == Class::NoCompleters) {
        let (x0, y0, x1, y1) = bounds(rings);
        let mut xs: Vec<f64> = Vec::new();
        for y in (y0.div_euclid(gap) * gap..=y1).step_by(gap as usize) {
            // Every other row shifted half a step: a regular dot pattern.
            let shift = if y.div_euclid(gap) % 2 == 0 { 0 } else { gap / 2 };
            // Where the row crosses the outlines (the crossings `record::contains` counts): a
            // dot is inside where an odd number of them lie to its right.
            xs.clear();
            for ring in rings.iter() {
                for (i, &(ax, ay)) in ring.iter().enumerate() {
                    let (bx, by) = ring[(i + 1) % ring.len()];
                    if (ay > y) != (by > y) {
                        xs.push(ax as f64 + (y - ay) as f64 * (bx - ax) as f64 / (by - ay) as f64);
                    }
                }
            }
            if xs.is_empty() {
                continue;
            }
            crate::sort::sort_by(&mut xs, |a, b| a < b);
            let mut left = 0;
            for x in ((x0.div_euclid(gap) * gap + shift)..=x1).step_by(gap as usize) {
                while left < xs.len() && xs[left] <= x as f64 {
                    left += 1;
                }
                if (xs.len() - left) % 2 == 1 {
                    root.draw(&Polygon::new(vec![(x - d, y - d), (x + d, y - d), (x + d, y + d), (x - d, y + d)], ink.filled()))?;
                }
            }
        }
    }
    Ok(())
}

fn bounds(rings: &[Vec<P>]) -> (i32, i32, i32, i32) {
    rings.iter().flatten().fold((i32::MAX, i32::MAX, i32::MIN, i32::MIN), |(a, b, c, d), &(x, y)| (a.min(x), b.min(y), c.max(x), d.max(y)))
}

/// Where the map, its legend and the inset go in the plot area (device pixels).
struct Plan {
    main: Project,
    legend: P,
    inset: Option<(Project, (i32, i32, i32, i32))>,
}

/// The whole map as large as fits in `area`, at its top left.
fn main_projection(sh: &Shapes, (ax, ay, ar, ab): (i32, i32, i32, i32)) -> Project {
    let k = ((ab - ay) as f64 / sh.height.max(1) as f64).min((ar - ax) as f64 / sh.width.max(1) as f64);
    Project { from: (0.0, 0.0), origin: (ax as f64, ay as f64), k }
}

/// `main_arcs`: the map's arcs in `main`'s pixels.
fn plan(v: &MapView, area: (i32, i32, i32, i32), legend: P, s: f64, main: Project, main_arcs: &[Vec<P>]) -> Plan {
    let sh = &v.shapes;
    let (ax, ay, ar, ab) = area;
    let (aw, ah) = (ar - ax, ab - ay);
    let k = main.k;
    // The lowest point of the map at or east of each x (once, from every point's pixel), to find
    // the room the map leaves free east of its southern part: a box whose left edge is at x and
    // whose top is below it covers nothing.
    let mut lowest = vec![ay - 1; (aw.max(0) + 2) as usize];
    for &(x, y) in main_arcs.iter().flatten() {
        let i = (x - ax).clamp(0, aw + 1) as usize;
        lowest[i] = lowest[i].max(y);
    }
    for i in (0..lowest.len() - 1).rev() {
        lowest[i] = lowest[i].max(lowest[i + 1]);
    }
    let free_below = |x: i32| lowest[(x - ax).clamp(0, aw + 1) as usize];
    let gap = px(6.0, s);
    let (lw, lh) = legend;
    let lx = ar - lw;
    let ly = (free_below(lx) + gap).max(ay);
    let legend_at = (lx, ly);
    let oslo = v.label_of("0301");
    let half = INSET_HALF_M / sh.unit_m.max(1) as i32;
    let inset_at = |o: [i32; 2], (x, y): P, side: i32| {
        let from = ((o[0] - half) as f64, (o[1] - half) as f64);
        (Project { from, origin: (x as f64, y as f64), k: side as f64 / (2 * half).max(1) as f64 }, (x, y, x + side, y + side))
    };
    // A wide chart: the inset between the map and the legend, as tall as the map.
    let map_right = ax + (sh.width as f64 * k).round() as i32;
    let between = lx - gap - (map_right + gap);
    if between >= px(160.0, s) {
        let side = between.min(ah);
        let inset = oslo.map(|o| inset_at(o, (map_right + gap + (between - side) / 2, ab - side), side));
        return Plan { main, legend: (lx, ay), inset };
    }
    // Else the largest square that fits below the legend at the right edge, clear of the map.
    let top = ly + lh + gap;
    let inset = oslo.and_then(|o| {
        let mut side = (ab - top).min(aw / 2);
        while side >= px(70.0, s) {
            let x = ar - side;
            if free_below(x) + gap <= top.max(ab - side) {
                return Some(inset_at(o, (x, ab - side), side));
            }
            side -= px(4.0, s).max(1);
        }
        None
    });
    Plan { main, legend: legend_at, inset }
}

/// The map's outlines in pixels for one layout: what a draw needs before it paints, and the same
/// for every kommune chosen and every theme.
struct Geometry {
    /// Every arc on the main map, without what is finer than a pixel.
    arcs: std::rc::Rc<Vec<Vec<P>>>,
    /// Whether each arc is a border two kommuner share (see [`shared_arcs`]).
    shared: Vec<Option<bool>>,
    /// Each kommune's rings on the main map.
    rings: Vec<Vec<Vec<P>>>,
    /// Each kommune's rings in the inset, clipped to it; none for those outside it.
    inset: Vec<Vec<Vec<P>>>,
    /// Each kommune's label point in the inset, where it is there.
    in_inset: Vec<Option<P>>,
}

/// What [`Geometry`] was made from: the shapes (held, so that their address stays theirs), the
/// projections and the inset's box, and the scale (the size of a kommune too small to see).
#[derive(PartialEq)]
struct Layout {
    shapes: std::sync::Arc<Shapes>,
    main: [u64; 5],
    inset: Option<([u64; 5], [i32; 4])>,
    scale: u64,
}

fn bits(p: &Project) -> [u64; 5] {
    [p.from.0, p.from.1, p.origin.0, p.origin.1, p.k].map(f64::to_bits)
}

thread_local! {
    /// The geometry of the map drawn last: a switch of kommune, of theme, or back to the map at
    /// the same size draws the same outlines.
    static LAST: std::cell::RefCell<Option<(Layout, std::rc::Rc<Geometry>)>> = const { std::cell::RefCell::new(None) };
}

/// Every arc in `main`'s pixels; the last map's where it had the same shapes and projection.
fn main_arcs(shapes: &std::sync::Arc<Shapes>, main: Project) -> std::rc::Rc<Vec<Vec<P>>> {
    let same = |(last, _): &&(Layout, std::rc::Rc<Geometry>)| std::sync::Arc::ptr_eq(&last.shapes, shapes) && last.main == bits(&main);
    LAST.with(|l| l.borrow().as_ref().filter(same).map(|(_, g)| std::rc::Rc::clone(&g.arcs))).unwrap_or_else(|| std::rc::Rc::new(shapes.arcs.iter().map(|a| pixels(a, &main)).gather()))
}

/// The outlines for `plan`, from `main_arcs` (the arcs in the plan's main projection); the last
/// ones again where the layout is the same.
fn geometry(shapes: &std::sync::Arc<Shapes>, plan: &Plan, s: f64, main_arcs: std::rc::Rc<Vec<Vec<P>>>) -> std::rc::Rc<Geometry> {
    let layout = Layout { shapes: std::sync::Arc::clone(shapes), main: bits(&plan.main), inset: plan.inset.map(|(p, b)| (bits(&p), [b.0, b.1, b.2, b.3])), scale: s.to_bits() };
    if let Some(geo) = LAST.with(|l| l.borrow().as_ref().filter(|(last, _)| *last == layout).map(|(_, g)| std::rc::Rc::clone(g))) {
        return geo;
    }
    let sh = &**shapes;
    let rings: Vec<Vec<Vec<P>>> = sh
        .kommuner
        .iter()
        .map(|k| {
            let mut rings: Vec<Vec<P>> = k.rings.iter().filter_map(|r| ring_of(&main_arcs, r)).gather();
            if rings.is_empty() {
                // Smaller than a pixel or two (an island kommune on a phone): a small square, so
                // that every kommune is on the map.
                let ((x, y), d) = (plan.main.at(k.label), px(1.5, s).max(1));
                rings.push(vec![(x - d, y - d), (x + d, y - d), (x + d, y + d), (x - d, y + d)]);
            }
            rings
        })
        .gather();
    let mut inset = vec![Vec::new(); sh.kommuner.len()];
    let mut in_inset = vec![None; sh.kommuner.len()];
    if let Some((proj, b)) = plan.inset {
        // Only the kommuner that reach into the inset (by their outlines on the main map), and
        // only their arcs in the inset's pixels.
        let corner = |x: f64, y: f64| plan.main.at([x as i32, y as i32]);
        let (m0, m1) = (corner(proj.from.0, proj.from.1), corner(proj.from.0 + (b.2 - b.0) as f64 / proj.k + 1.0, proj.from.1 + (b.3 - b.1) as f64 / proj.k + 1.0));
        let reaches = |rings: &Vec<Vec<P>>| {
            let (x0, y0, x1, y1) = bounds(rings);
            x1 >= m0.0 - 1 && x0 <= m1.0 + 1 && y1 >= m0.1 - 1 && y0 <= m1.1 + 1
        };
        let mut arcs: Vec<Vec<P>> = vec![Vec::new(); sh.arcs.len()];
        for (i, k) in sh.kommuner.iter().enumerate().filter(|(i, _)| reaches(&rings[*i])) {
            for &r in k.rings.iter().flatten() {
                let a = arc_index(r);
                if arcs.get(a).is_some_and(|a| a.is_empty()) {
                    arcs[a] = pixels(&sh.arcs[a], &proj);
                }
            }
            inset[i] = k.rings.iter().filter_map(|r| ring_of(&arcs, r)).map(|r| clip(&r, b)).filter(|r| r.len() >= 3).gather();
            let label = proj.at(k.label);
            if !inset[i].is_empty() && label.0 > b.0 && label.0 < b.2 && label.1 > b.1 && label.1 < b.3 {
                in_inset[i] = Some(label);
            }
        }
    }
    let geo = std::rc::Rc::new(Geometry { arcs: main_arcs, shared: shared_arcs(sh), rings, inset, in_inset });
    LAST.with(|l| *l.borrow_mut() = Some((layout, std::rc::Rc::clone(&geo))));
    geo
}

fn draw_map<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, v: &MapView, title: &str, p: &Paint) -> ChartResult<DB> {
    let (w, s, th) = (words(p.lang), p.scale, p.theme);
    // The map's credit goes under it, with the data's source.
    let source = format!("{}. {}", p.source, w.credit);
    let p = &Paint { source: &source, ..*p };
    let area = frame(root, title, p)?;
    let (bx, by) = area.get_base_pixel();
    let (aw, ah) = area.dim_in_pixel();
    let pad = px(8.0, s);
    let rect = (bx + pad, by + px(2.0, s), bx + aw as i32 - pad, by + ah as i32 - px(2.0, s));
    // The legend: a swatch and words a row each.
    let (row, sw, text) = (px(16.0, s), px(14.0, s), 12.0);
    let legend_w = sw + px(6.0, s) + Class::ALL.iter().map(|&c| record::text_size(class_label(c, p.lang), text * s).0 as i32).max().unwrap_or(0);
    let legend_h = row * Class::ALL.len() as i32;
    let sh = &v.shapes;
    let main = main_projection(sh, rect);
    let main_arcs = main_arcs(sh, main);
    let plan = plan(v, rect, (legend_w, legend_h), s, main, &main_arcs);
    let inset_title_w = record::text_size(w.inset, text * s).0 as i32 + px(8.0, s);
    let geo = geometry(sh, &plan, s, main_arcs);
    // The map: every kommune filled, then the borders over them (each once), then the chosen one.
    let painted: Vec<(Class, &[Vec<P>])> = v.kommuner.iter().zip(&geo.rings).map(|(m, r)| (m.class, r.as_slice())).gather();
    paint(root, &painted, p)?;
    // Borders in the background's colour; the coast a little darker (lighter in the dark), so
    // that the lightest class still stands out from the sea.
    let border = th.background.mix(0.75).stroke_width(1);
    let coast = fills(th).2.mix(0.6).stroke_width(1);
    for want in [true, false] {
        for (arc, _) in geo.arcs.iter().zip(&geo.shared).filter(|(_, &sh)| sh == Some(want)) {
            root.draw(&PathElement::new(arc.clone(), if want { border } else { coast }))?;
        }
    }
    // The inset: the kommuner there clipped to its box, their outlines as borders.
    if let Some((proj, b)) = plan.inset {
        root.draw(&Rectangle::new([(b.0, b.1), (b.2, b.3)], th.background.filled()))?;
        let painted: Vec<(Class, &[Vec<P>])> = v.kommuner.iter().zip(&geo.inset).filter(|(_, r)| !r.is_empty()).map(|(m, r)| (m.class, r.as_slice())).gather();
        paint(root, &painted, p)?;
        for ring in geo.inset.iter().flatten() {
            root.draw(&PathElement::new(closed(ring), border))?;
        }
        root.draw(&Rectangle::new([(b.0, b.1), (b.2, b.3)], stroke(th.muted, 1.0, s)))?;
        // Where the inset is on the map.
        let (half, o) = (proj.from, proj.k);
        let (a, z) = (plan.main.at([half.0 as i32, half.1 as i32]), plan.main.at([(half.0 + (b.2 - b.0) as f64 / o) as i32, (half.1 + (b.3 - b.1) as f64 / o) as i32]));
        root.draw(&Rectangle::new([a, z], stroke(th.text, 1.0, s)))?;
        let name = w.inset;
        let tw = inset_title_w - px(8.0, s);
        root.draw(&Rectangle::new([(b.0 + 1, b.1 + 1), (b.0 + tw + px(8.0, s), b.1 + px(16.0, s))], th.background.filled()))?;
        root.draw(&Text::new(name.to_string(), (b.0 + px(4.0, s), b.1 + px(8.0, s)), font(text, s, th.text).pos(Pos::new(HPos::Left, VPos::Center))))?;
    }
    // The legend.
    let (lx, ly) = plan.legend;
    for (k, &c) in Class::ALL.iter().enumerate() {
        let y = ly + k as i32 * row;
        let swatch = vec![(lx, y + px(2.0, s)), (lx + sw, y + px(2.0, s)), (lx + sw, y + row - px(2.0, s)), (lx, y + row - px(2.0, s))];
        paint(root, &[(c, std::slice::from_ref(&swatch))], p)?;
        root.draw(&Rectangle::new([swatch[0], swatch[2]], stroke(th.muted, 1.0, s)))?;
        root.draw(&Text::new(class_label(c, p.lang).to_string(), (lx + sw + px(6.0, s), y + row / 2), font(text, s, th.text).pos(Pos::new(HPos::Left, VPos::Center))))?;
    }
    // Each kommune's outlines wherever it is drawn: on the map and in the inset.
    let mut hit_areas: Vec<Vec<Vec<P>>> = geo.rings.iter().zip(&geo.inset).map(|(m, i)| m.iter().chain(i).cloned().gather()).gather();
    let in_inset = &geo.in_inset;
    // The chosen kommune: outlined (a halo under a dark line), wherever it is drawn.
    if let Some(i) = v.chosen {
        for ring in &hit_areas[i] {
            root.draw(&PathElement::new(closed(ring), stroke(th.background, 4.0, s)))?;
            root.draw(&PathElement::new(closed(ring), stroke(th.text, 2.0, s)))?;
        }
    }
    // Where the land is, for the chosen kommune's name to keep off it where it can: each
    // outline's box, and which of them are small enough to vanish under a label.
    let small = px(14.0, s);
    let land: Vec<(TextBox, bool)> = hit_areas
        .iter()
        .zip(&v.kommuner)
        .flat_map(|(rings, m)| rings.iter().map(move |r| (r, m.class == Class::NoCompleters)))
        .map(|(r, dotted)| {
            let (l, t, rr, b) = bounds(std::slice::from_ref(r));
            // Small, or dotted: what a label would hide.
            (TextBox { left: l, right: rr, top: t, bottom: b }, dotted || (rr - l <= small && b - t <= small))
        })
        .gather();
    // Every kommune to explore, by fylke (the Oslo area's in the inset last but the chosen), the
    // chosen one last: where the keyboard starts.
    let fylker = v.kommuner.iter().map(|m| m.series).max().unwrap_or(0) + 1;
    let order = (0..v.kommuner.len()).filter(|&i| Some(i) != v.chosen).chain(v.chosen);
    for i in order {
        let m = &v.kommuner[i];
        let (at, series) = match in_inset[i] {
            Some(at) => (at, fylker),
            None => (within(&hit_areas[i], plan.main.at(sh.kommuner[i].label)), m.series),
        };
        record::region(at, series, m.code.clone(), std::mem::take(&mut hit_areas[i]));
    }
    // The chosen kommune's name and share, in a box beside it, clear of the legend and the inset.
    if let Some(i) = v.chosen {
        let m = &v.kommuner[i];
        let at = in_inset[i].unwrap_or_else(|| plan.main.at(sh.kommuner[i].label));
        let label = match (&m.pooled, m.why) {
            (Some(pooled), None) => format!("{} {} %", m.name, format_decimal(pooled.estimate.percent, p.lang)),
            _ => format!("{}: {}", m.name, class_label(m.class, p.lang)),
        };
        let mut fixed = vec![TextBox { left: plan.legend.0, right: plan.legend.0 + legend_w, top: plan.legend.1, bottom: plan.legend.1 + legend_h }];
        if let Some((_, b)) = plan.inset {
            fixed.push(match in_inset[i] {
                // Its name over the inset's own.
                Some(_) => TextBox { left: b.0, right: b.0 + inset_title_w, top: b.1, bottom: b.1 + px(16.0, s) },
                None => TextBox { left: b.0, right: b.2, top: b.1, bottom: b.3 },
            });
        }
        let avoid = |small_only: bool| fixed.iter().copied().chain(land.iter().filter(|(_, small)| *small || !small_only).map(|(b, _)| *b)).gather();
        let (all, small) = (avoid(false), avoid(true));
        // The name alone where name and class find no room; none where neither does (the title
        // names it too).
        let size = 13.0;
        let placed = [label, m.name.clone()].into_iter().find_map(|label| {
            let (w, h) = (record::text_size(&label, size * s).0 as i32 + px(8.0, s), px(18.0, s));
            let near = near(at, (w, h), rect, s);
            // Off the land if it can be near (the sea, the neighbours' countries), else off the
            // small and the dotted kommuner, near or anywhere.
            let found = [(&near, &all), (&near, &small)].into_iter().find_map(|(c, a)| first_free(&mut a.clone(), c.iter().copied()));
            let found = found.or_else(|| first_free(&mut small.clone(), anywhere(at, (w, h), rect, s)));
            found.map(|xy| (label, xy, (w, h)))
        });
        if let Some((label, (x, y), (tw, th_))) = placed {
            let (cx, cy) = (at.0.clamp(x, x + tw), at.1.clamp(y, y + th_));
            root.draw(&PathElement::new(vec![at, (cx, cy)], stroke(th.text, 1.0, s)))?;
            root.draw(&Rectangle::new([(x, y), (x + tw, y + th_)], th.background.filled()))?;
            root.draw(&Rectangle::new([(x, y), (x + tw, y + th_)], stroke(th.text, 1.0, s)))?;
            root.draw(&Text::new(label, (x + px(4.0, s), y + th_ / 2), font(size, s, th.text).pos(Pos::new(HPos::Left, VPos::Center))))?;
        }
    }
    root.present()
}

/// Places for a box of `size` beside the point `at`, in eight directions, further and further,
/// kept inside `rect`.
fn near(at: P, (w, h): P, rect: (i32, i32, i32, i32), s: f64) -> Vec<(P, TextBox)> {
    [14.0, 24.0, 36.0, 52.0, 72.0, 96.0, 128.0]
        .into_iter()
        .flat_map(|d| {
            let (d, e) = (px(d, s), px(d * 0.7, s));
            [(d, -h / 2), (-d - w, -h / 2), (-w / 2, -d - h), (-w / 2, d), (e, -e - h), (-e - w, -e - h), (e, e), (-e - w, e)]
        })
        .map(|(dx, dy)| boxed((at.0 + dx, at.1 + dy), (w, h), rect))
        .gather()
}

/// Every place for a box of `size` in `rect` on a grid of 8 px, the nearest to `at` first.
fn anywhere(at: P, (w, h): P, rect: (i32, i32, i32, i32), s: f64) -> Vec<(P, TextBox)> {
    let step = px(8.0, s).max(1) as usize;
    let mut all: Vec<(P, TextBox)> = (rect.1..=(rect.3 - h).max(rect.1))
        .step_by(step)
        .flat_map(|y| (rect.0..=(rect.2 - w).max(rect.0)).step_by(step).map(move |x| boxed((x, y), (w, h), rect)))
        .gather();
    let far = |b: &TextBox| {
        let (dx, dy) = ((b.left + b.right) / 2 - at.0, (b.top + b.bottom) / 2 - at.1);
        dx as i64 * dx as i64 + dy as i64 * dy as i64
    };
    crate::sort::sort_by(&mut all, |a, b| far(&a.1) < far(&b.1));
    all
}

/// A box of `size` at `(x, y)`, moved inside `rect`.
fn boxed((x, y): P, (w, h): P, rect: (i32, i32, i32, i32)) -> (P, TextBox) {
    let (x, y) = (x.clamp(rect.0, (rect.2 - w).max(rect.0)), y.clamp(rect.1, (rect.3 - h).max(rect.1)));
    ((x, y), TextBox { left: x, right: x + w, top: y, bottom: y + h })
}

/// A kommune's tooltip: its share with counts and interval where it has a colour; else its
/// class, with its counts where SSB published them.
fn tip(m: &Mapped, cohorts: &[u16], lang: Lang) -> String {
    let source = texts(lang).source_table;
    let who = format!("{} ({})", m.name, m.fylke);
    match (&m.pooled, m.why) {
        (Some(p), None) => say::tip_estimate(&who, &say::pooled_over(&p.cohorts, lang), &p.estimate, source, lang),
        (Some(p), Some(_)) => format!("{who}, {}: {} ({}). {}: {source}.", say::pooled_over(&p.cohorts, lang), class_label(m.class, lang), say::of(p.estimate.count, p.estimate.finished, lang), texts(lang).col_source),
        (None, _) => format!("{who}, {}: {}. {}: {source}.", say::pooled_over(cohorts, lang), class_label(m.class, lang), texts(lang).col_source),
    }
}

/// For each arc: whether two kommuner share it (a border, not the coast); `None` for one no
/// ring uses.
fn shared_arcs(sh: &Shapes) -> Vec<Option<bool>> {
    let mut uses = vec![0u8; sh.arcs.len()];
    for r in sh.kommuner.iter().flat_map(|k| &k.rings).flatten() {
        if let Some(u) = uses.get_mut(arc_index(*r)) {
            *u = u.saturating_add(1);
        }
    }
    uses.into_iter().map(|u| (u > 0).then_some(u > 1)).gather()
}

/// A ring of arcs in pixels (see [`Shapes::ring`]), without repeated points; `None` where it
/// shrinks below a triangle.
fn ring_of(arcs: &[Vec<P>], refs: &[i32]) -> Option<Vec<P>> {
    let mut out = ring_points(arcs, refs);
    out.dedup();
    while out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    (out.len() >= 3).then_some(out)
}

/// A ring as a line that ends where it starts.
fn closed(ring: &[P]) -> Vec<P> {
    ring.iter().chain(ring.first()).copied().gather()
}

/// `at`, or a point a pixel or two from it inside `rings`, where the outlines in whole pixels
/// just miss it: a pointer on a kommune's point is on the kommune.
fn within(rings: &[Vec<P>], at: P) -> P {
    let near = (0..=3).flat_map(|d: i32| (-d..=d).flat_map(move |dx| (-d..=d).map(move |dy| (at.0 + dx, at.1 + dy))));
    near.into_iter().find(|&q| record::contains(rings, q)).unwrap_or(at)
}

/// An arc in pixels without the points within a pixel of the one before (the grid is finer
/// than a pixel); its ends kept, so that the rings made of it still meet.
fn pixels(arc: &[[i32; 2]], proj: &Project) -> Vec<P> {
    let mut out: Vec<P> = Vec::with_capacity(arc.len());
    for (i, &q) in arc.iter().enumerate() {
        let q = proj.at(q);
        match out.last_mut() {
            Some(&mut last) if (q.0 - last.0).abs() <= 1 && (q.1 - last.1).abs() <= 1 => {
                if i == arc.len() - 1 && out.len() > 1 {
                    *out.last_mut().unwrap() = q;
                } else if i == arc.len() - 1 && last != q {
                    out.push(q);
                }
            }
            _ => out.push(q),
        }
    }
    out
}
