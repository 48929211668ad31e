//! Every kommune ranked: each of today's kommuner with enough completers over the newest cohorts
//! pooled (the years of those with published counts), as a dot with its 95 % interval, highest share first; the chosen place highlighted,
//! the goal and the country as lines, and kommuner whose interval lies wholly above or below the
//! country's share marked. The words say the rank with what it can and cannot mean.

use crate::gather::Gather;
use super::{Figures, Words};
use crate::chart::*;
use crate::data::Dataset;
use crate::outcome::stats::*;
use crate::outcome::*;
use crate::place::Place;
use crate::text::*;
use serde::Serialize;

/// The newest this many cohorts (one year after) are pooled: for each kommune, those of them
/// whose counts SSB published (a kommune with one suppressed year is not left out for it; which
/// years each figure covers is in the table).
pub const COHORTS: usize = 3;
/// A kommune is ranked where at least this many finished over its pooled years together.
pub const MIN_FINISHED: u32 = 20;

/// Where a kommune's interval lies against the country's share.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Against {
    /// The whole interval above it.
    Above,
    /// The whole interval below it.
    Below,
    /// The interval holds it: the difference may be chance.
    Overlaps,
}

/// One ranked kommune.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Ranked {
    pub code: String,
    pub name: String,
    /// 1 for the highest share; kommuner with the same share share a rank.
    pub rank: usize,
    /// The cohorts pooled: those of the view's with published counts.
    pub cohorts: Vec<u16>,
    pub estimate: Estimate,
    pub against: Against,
}

/// Why the chosen kommune is not among the ranked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NotRanked {
    /// Fewer than [`MIN_FINISHED`] finished in the years with published counts.
    TooFew { finished: u32 },
    /// Every year's counts are published, and nobody finished.
    NoCompleters,
    /// Today's kommune has no figure in any of the years: its former kommuner's counts cannot be
    /// summed, one of them being suppressed.
    NotSummable,
    /// No year has both counts published.
    Unpublished,
    /// Today's kommune holds part of a divided kommune: figures are never divided.
    Divided,
}

/// The ranking, and the chosen place's part in it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RankingView {
    /// The chosen place: a kommune, or a bydel.
    pub name: String,
    /// For a bydel: the kommune it lies in, whose rank the view shows (bydeler are not ranked).
    pub kommune: Option<String>,
    pub cohorts: Vec<u16>,
    /// Every ranked kommune, highest share first (then by name).
    pub ranked: Vec<Ranked>,
    /// The chosen kommune's place in `ranked`.
    pub chosen: Option<usize>,
    pub not_ranked: Option<NotRanked>,
    /// The chosen kommune's own pooled figure where it has too few to be ranked.
    pub own: Option<Pooled>,
    /// The ranks the chosen kommune could hold within the intervals: one more than the number
    /// of kommuner wholly above its interval, and the number not wholly below it.
    pub rank_range: Option<(usize, usize)>,
    /// Where the chosen kommune's former kommuner cannot be summed: each one's own pooled figure.
    pub formers: Vec<FormerPooled>,
    /// The country's share over the same cohorts.
    pub land: Option<Estimate>,
    pub goal: u16,
}

impl RankingView {
    fn chosen_kommune(&self) -> Option<&Ranked> {
        self.chosen.map(|i| &self.ranked[i])
    }

    fn marked(&self, against: Against) -> usize {
        self.ranked.iter().filter(|r| r.against == against).count()
    }
}

/// Whether `a` is a larger share than `b`, exactly (counts cross-multiplied).
fn larger(a: &Estimate, b: &Estimate) -> bool {
    a.count as u64 * b.finished as u64 > b.count as u64 * a.finished as u64
}

/// Why a kommune (`subject`, today's) has no ranked figure over `cohorts`, if it has none, with
/// its own pooled figure where SSB published counts: the one rule the ranking and the map share.
pub(crate) fn standing(subject: &Subject, cohorts: &[u16]) -> (Option<Pooled>, Option<NotRanked>) {
    match pooled(subject, cohorts) {
        Some(p) if p.estimate.finished >= MIN_FINISHED => (Some(p), None),
        Some(p) => {
            let finished = p.estimate.finished;
            (Some(p), Some(NotRanked::TooFew { finished }))
        }
        None if matches!(subject, Subject::Parts { divided: true, .. }) => (None, Some(NotRanked::Divided)),
        None if cohorts.iter().all(|&c| published_counts(subject, c) == Some((0, 0))) => (None, Some(NotRanked::NoCompleters)),
        // A former kommune suppressed in a year several have a row: the sum cannot be made.
        None if cohorts.iter().any(|&c| matches!(subject.share(c, 1, crate::data::Gender::Alle), Share::Incomplete { .. })) => (None, Some(NotRanked::NotSummable)),
        None => (None, Some(NotRanked::Unpublished)),
    }
}

pub fn ranking_view(ds: &Dataset, place: &Place) -> Option<RankingView> {
    let all = cohorts(ds, 1);
    let cohorts = all[all.len().saturating_sub(COHORTS)..].to_vec();
    let land = pooled(&Subject::Region(ds.land()), &cohorts).map(|p| p.estimate);
    let mut ranked: Vec<Ranked> = ds
        .map
        .kommuner
        .iter()
        .filter_map(|k| {
            let Pooled { cohorts, estimate } = pooled(&today_subject(ds, k), &cohorts)?;
            let against = match &land {
                Some(l) if estimate.low > l.percent => Against::Above,
                Some(l) if estimate.high < l.percent => Against::Below,
                _ => Against::Overlaps,
            };
            (estimate.finished >= MIN_FINISHED).then(|| Ranked { code: k.code.clone(), name: k.name.clone(), rank: 0, cohorts, estimate, against })
        })
        .gather();
    crate::sort::sort_by(&mut ranked, |a, b| larger(&a.estimate, &b.estimate) || (!larger(&b.estimate, &a.estimate) && sort_key(&a.name) < sort_key(&b.name)));
    for i in 0..ranked.len() {
        ranked[i].rank = match i {
            0 => 1,
            _ if !larger(&ranked[i - 1].estimate, &ranked[i].estimate) => ranked[i - 1].rank,
            _ => i + 1,
        };
    }
    // A bydel is shown by its kommune's rank.
    let (k, kommune) = match *place {
        Place::Kommune(k) => (k, None),
        Place::Bydel { today, .. } => (today?, today.map(|k| k.name.clone())),
    };
    let chosen = ranked.iter().position(|r| r.code == k.code);
    // Why not, only where it is not; the former kommuner's own figures where they cannot be summed.
    let (own, not_ranked) = match chosen {
        Some(_) => (None, None),
        None => standing(&today_subject(ds, k), &cohorts),
    };
    let formers = match not_ranked {
        Some(NotRanked::NotSummable) => formers_pooled(&subjects(ds, &Place::Kommune(k)), &cohorts),
        _ => Vec::new(),
    };
    let rank_range = chosen.map(|i| {
        let e = &ranked[i].estimate;
        let above = ranked.iter().filter(|r| r.estimate.low > e.high).count();
        let below = ranked.iter().filter(|r| r.estimate.high < e.low).count();
        (above + 1, ranked.len() - below)
    });
    Some(RankingView { name: place.name().to_string(), kommune, cohorts, ranked, chosen, not_ranked, own, rank_range, formers, land, goal: GOAL_PERCENT })
}

impl Figures for RankingView {
    const KEY: &'static str = "ranking";

    fn open(ds: &Dataset, place: &Place, _cohort: Option<u16>) -> Option<Self> {
        ranking_view(ds, place)
    }

    fn name(t: &Texts) -> &'static str {
        t.view_ranking
    }

    fn title(&self, lang: Lang) -> String {
        let w = words(lang);
        let total = format_int(self.ranked.len() as u32, lang);
        let pairs = [("name", self.chosen_kommune().map_or(self.name.as_str(), |r| r.name.as_str())), ("total", total.as_str()), ("cohorts", &cohort_list(&self.cohorts))];
        fill(if self.chosen.is_some() { w.title } else { w.title_not_ranked }, &pairs)
    }

    fn words(&self, lang: Lang) -> Words {
        ranking_text(self, lang)
    }

    fn draw(&self, root: &Area, title: &str, p: &Paint) -> DrawResult {
        ranking(root, self, title, p)
    }
}

/// The view's own words, in each language.
struct RankWords {
    title: &'static str,
    title_not_ranked: &'static str,
    rank: &'static str,
    bydel: &'static str,
    above: &'static str,
    below: &'static str,
    overlaps: &'static str,
    range: &'static str,
    too_few: &'static str,
    no_completers: &'static str,
    unpublished: &'static str,
    not_summable: &'static str,
    divided: &'static str,
    top: &'static str,
    rule: &'static str,
    marks: &'static str,
    caption: &'static str,
    foot_land: &'static str,
    foot_range: &'static str,
    not_ranked_row: &'static str,
    col_rank: &'static str,
    col_against: &'static str,
    cell_above: &'static str,
    cell_below: &'static str,
    legend_above: &'static str,
    legend_below: &'static str,
    others: &'static str,
    axis: &'static str,
}

const NB: RankWords = RankWords {
    title: "{name} blant {total} kommuner, {cohorts}",
    title_not_ranked: "{total} kommuner rangert, {cohorts}: {name} er ikke med",
    rank: "{name} er nr. {rank} av {total} kommuner med minst {min} som avsluttet introduksjonsprogrammet i {cohorts}: {p} prosent ({x} av {n}) var i arbeid eller utdanning ett år etter, mot {land} prosent i hele landet.",
    bydel: "Rangeringen gjelder kommuner; {name} ligger i {kommune}.",
    above: "Hele intervallet ({lo}–{hi} prosent) ligger over landsgjennomsnittet.",
    below: "Hele intervallet ({lo}–{hi} prosent) ligger under landsgjennomsnittet.",
    overlaps: "Intervallet ({lo}–{hi} prosent) overlapper landsgjennomsnittet, så forskjellen kan være tilfeldig.",
    range: "Med usikkerheten kan plassen være alt fra nr. {best} til nr. {worst}.",
    too_few: "{name} er ikke med: bare {n} avsluttet i {cohorts}, færre enn {min}.",
    no_completers: "{name} er ikke med: ingen avsluttet introduksjonsprogrammet i {cohorts}.",
    unpublished: "{name} er ikke med: SSB har ikke publisert tallene for noen av årene {cohorts} (for få deltakere).",
    not_summable: "{name} er ikke med: tallene for de tidligere kommunene kan ikke legges sammen, fordi en av dem har for få deltakere.",
    divided: "{name} er ikke med: kommunen har fått deler av en kommune som ble delt, og tallene deles ikke.",
    top: "Av de {total} rangerte kommunene har {top} den høyeste andelen, {p} prosent; hele landet {land} prosent.",
    rule: "Med er kommuner der minst {min} avsluttet til sammen i de av årene {cohorts} der SSB har publisert både antallet som avsluttet og antallet i arbeid eller utdanning (tabellen viser hvilke år hver kommune er samlet for). Streken gjennom hvert punkt er et 95 %-intervall.",
    marks: "{above} kommuner ligger med hele intervallet over landsgjennomsnittet (▲), {below} under (▼).",
    caption: "Alle {total} rangerte kommuner (minst {min} som avsluttet), samlet for {cohorts}, høyest andel først",
    foot_land: "Hele landet {cohorts}: {p} prosent ({x} av {n}).",
    foot_range: "{name}: nr. {rank}, med usikkerheten alt fra nr. {best} til nr. {worst}.",
    not_ranked_row: "ikke rangert",
    col_rank: "Nr.",
    col_against: "Mot landet",
    cell_above: "over",
    cell_below: "under",
    legend_above: "klart over landet",
    legend_below: "klart under landet",
    others: "Andre kommuner",
    axis: "Kommunene, høyest andel til venstre",
};

const NN: RankWords = RankWords {
    title: "{name} blant {total} kommunar, {cohorts}",
    title_not_ranked: "{total} kommunar rangerte, {cohorts}: {name} er ikkje med",
    rank: "{name} er nr. {rank} av {total} kommunar med minst {min} som avslutta introduksjonsprogrammet i {cohorts}: {p} prosent ({x} av {n}) var i arbeid eller utdanning eitt år etter, mot {land} prosent i heile landet.",
    bydel: "Rangeringa gjeld kommunar; {name} ligg i {kommune}.",
    above: "Heile intervallet ({lo}–{hi} prosent) ligg over landsgjennomsnittet.",
    below: "Heile intervallet ({lo}–{hi} prosent) ligg under landsgjennomsnittet.",
    overlaps: "Intervallet ({lo}–{hi} prosent) overlappar landsgjennomsnittet, så skilnaden kan vere tilfeldig.",
    range: "Med uvissa kan plassen vere alt frå nr. {best} til nr. {worst}.",
    too_few: "{name} er ikkje med: berre {n} avslutta i {cohorts}, færre enn {min}.",
    no_completers: "{name} er ikkje med: ingen avslutta introduksjonsprogrammet i {cohorts}.",
    unpublished: "{name} er ikkje med: SSB har ikkje publisert tala for nokon av åra {cohorts} (for få deltakarar).",
    not_summable: "{name} er ikkje med: tala for dei tidlegare kommunane kan ikkje leggjast saman, fordi ein av dei har for få deltakarar.",
    divided: "{name} er ikkje med: kommunen har fått delar av ein kommune som vart delt, og tala blir ikkje delte.",
    top: "Av dei {total} rangerte kommunane har {top} den høgaste delen, {p} prosent; heile landet {land} prosent.",
    rule: "Med er kommunar der minst {min} avslutta til saman i dei av åra {cohorts} der SSB har publisert både talet som avslutta og talet i arbeid eller utdanning (tabellen viser kva år kvar kommune er samla for). Streken gjennom kvart punkt er eit 95 %-intervall.",
    marks: "{above} kommunar ligg med heile intervallet over landsgjennomsnittet (▲), {below} under (▼).",
    caption: "Alle {total} rangerte kommunar (minst {min} som avslutta), samla for {cohorts}, høgaste del først",
    foot_land: "Heile landet {cohorts}: {p} prosent ({x} av {n}).",
    foot_range: "{name}: nr. {rank}, med uvissa alt frå nr. {best} til nr. {worst}.",
    not_ranked_row: "ikkje rangert",
    col_rank: "Nr.",
    col_against: "Mot landet",
    cell_above: "over",
    cell_below: "under",
    legend_above: "klart over landet",
    legend_below: "klart under landet",
    others: "Andre kommunar",
    axis: "Kommunane, høgaste del til venstre",
};

const EN: RankWords = RankWords {
    title: "{name} among {total} municipalities, {cohorts}",
    title_not_ranked: "{total} municipalities ranked, {cohorts}: {name} is not among them",
    rank: "{name} ranks {rank} of {total} municipalities with at least {min} who finished the introduction programme in {cohorts}: {p} per cent ({x} of {n}) were in work or education one year later, against {land} per cent in Norway as a whole.",
    bydel: "The ranking is of municipalities; {name} lies in {kommune}.",
    above: "The whole interval ({lo}–{hi} per cent) lies above the national share.",
    below: "The whole interval ({lo}–{hi} per cent) lies below the national share.",
    overlaps: "The interval ({lo}–{hi} per cent) overlaps the national share, so the difference may be chance.",
    range: "Given the uncertainty, the rank could be anything from {best} to {worst}.",
    too_few: "{name} is not ranked: only {n} finished in {cohorts}, fewer than {min}.",
    no_completers: "{name} is not ranked: nobody finished the introduction programme in {cohorts}.",
    unpublished: "{name} is not ranked: Statistics Norway has published the figures for none of the years {cohorts} (too few participants).",
    not_summable: "{name} is not ranked: the figures of its former municipalities cannot be added up, as one of them has too few participants.",
    divided: "{name} is not ranked: the municipality received part of a municipality that was divided, and figures are never divided.",
    top: "Of the {total} municipalities ranked, {top} has the highest share, {p} per cent; Norway as a whole {land} per cent.",
    rule: "Ranked are municipalities where at least {min} finished in all, over those of the years {cohorts} for which Statistics Norway has published both the number who finished and the number in work or education (the table shows the years of each). The line through each point is a 95 % interval.",
    marks: "{above} municipalities lie with their whole interval above the national share (▲), {below} below it (▼).",
    caption: "All {total} municipalities ranked (at least {min} who finished), pooled over {cohorts}, highest share first",
    foot_land: "Norway as a whole, {cohorts}: {p} per cent ({x} of {n}).",
    foot_range: "{name}: rank {rank}, given the uncertainty anything from {best} to {worst}.",
    not_ranked_row: "not ranked",
    col_rank: "Rank",
    col_against: "Against Norway",
    cell_above: "above",
    cell_below: "below",
    legend_above: "clearly above Norway",
    legend_below: "clearly below Norway",
    others: "Other municipalities",
    axis: "Municipalities, highest share on the left",
};

fn words(lang: Lang) -> &'static RankWords {
    match lang {
        Lang::Nb => &NB,
        Lang::Nn => &NN,
        Lang::En => &EN,
    }
}

fn ranking_text(v: &RankingView, lang: Lang) -> Words {
    let (t, w) = (texts(lang), words(lang));
    let total = format_int(v.ranked.len() as u32, lang);
    let cohorts = cohort_list(&v.cohorts);
    let min = format_int(MIN_FINISHED, lang);
    let land = v.land.as_ref().map_or("–".to_string(), |l| format_decimal(l.percent, lang));
    let mut summary = Vec::new();
    if let Some(kommune) = &v.kommune {
        summary.push(fill(w.bydel, &[("name", &v.name), ("kommune", kommune)]));
    }
    match (v.chosen_kommune(), v.not_ranked) {
        (Some(r), _) => {
            let e = &r.estimate;
            let rank = format_int(r.rank as u32, lang);
            let (p, x, n) = (format_decimal(e.percent, lang), format_int(e.count, lang), format_int(e.finished, lang));
            let pairs = [("name", r.name.as_str()), ("rank", &rank), ("total", &total), ("min", &min), ("cohorts", &cohorts), ("p", &p), ("x", &x), ("n", &n), ("land", &land)];
            summary.push(fill(w.rank, &pairs));
            let (lo, hi) = (format_decimal(e.low, lang), format_decimal(e.high, lang));
            let against = match r.against {
                Against::Above => w.above,
                Against::Below => w.below,
                Against::Overlaps => w.overlaps,
            };
            summary.push(fill(against, &[("lo", &lo), ("hi", &hi)]));
            if let Some((best, worst)) = v.rank_range.filter(|(b, w)| b != w) {
                summary.push(fill(w.range, &[("best", &format_int(best as u32, lang)), ("worst", &format_int(worst as u32, lang))]));
            }
        }
        (None, Some(why)) => {
            let name = v.kommune.as_deref().unwrap_or(&v.name);
            let (template, n) = match why {
                NotRanked::TooFew { finished } => (w.too_few, finished),
                NotRanked::NoCompleters => (w.no_completers, 0),
                NotRanked::Unpublished => (w.unpublished, 0),
                NotRanked::NotSummable => (w.not_summable, 0),
                NotRanked::Divided => (w.divided, 0),
            };
            summary.push(fill(template, &[("name", name), ("n", &format_int(n, lang)), ("cohorts", &cohorts), ("min", &min)]));
            summary.extend(say::formers_pooled(&v.formers, lang));
            if let Some(top) = v.ranked.first() {
                summary.push(fill(w.top, &[("total", &total), ("top", &top.name), ("p", &format_decimal(top.estimate.percent, lang)), ("land", &land)]));
            }
        }
        (None, None) => {}
    }
    let notes = vec![
        fill(w.rule, &[("cohorts", &cohorts), ("min", &min)]),
        fill(w.marks, &[("above", &format_int(v.marked(Against::Above) as u32, lang)), ("below", &format_int(v.marked(Against::Below) as u32, lang))]),
    ];
    let row = |rank: String, name: String, cohorts: &[u16], e: &Estimate, against: Against| {
        let against = match against {
            Against::Above => w.cell_above,
            Against::Below => w.cell_below,
            Against::Overlaps => "",
        };
        let figures = [format_int(e.count, lang), format_int(e.finished, lang), format_decimal(e.percent, lang), format_decimal(e.low, lang), format_decimal(e.high, lang)];
        [rank, name, cohort_list(cohorts)].into_iter().chain(figures).chain([against.to_string()]).collect::<Vec<String>>()
    };
    let mut rows: Vec<Vec<String>> = v.ranked.iter().map(|r| row(r.rank.to_string(), r.name.clone(), &r.cohorts, &r.estimate, r.against)).gather();
    // A kommune that is not ranked still shows what it has: its own figure, or its former kommuner's.
    let unranked = |name: &str| say::labelled(name, &format!("({})", w.not_ranked_row));
    if let Some(p) = &v.own {
        rows.push(row("–".into(), unranked(v.kommune.as_deref().unwrap_or(&v.name)), &p.cohorts, &p.estimate, Against::Overlaps));
    }
    for f in &v.formers {
        if let Some(p) = &f.pooled {
            rows.push(row("–".into(), unranked(&former_label(&f.former, lang)), &p.cohorts, &p.estimate, Against::Overlaps));
        }
    }
    let headers = [w.col_rank, t.col_kommune, t.col_cohorts, t.col_in_work, t.col_finished, t.col_percent, t.col_low, t.col_high, w.col_against].map(String::from).to_vec();
    let mut footnotes = Vec::new();
    if let Some(l) = &v.land {
        footnotes.push(fill(w.foot_land, &[("cohorts", &cohorts), ("p", &land), ("x", &format_int(l.count, lang)), ("n", &format_int(l.finished, lang))]));
    }
    if let (Some(r), Some((best, worst))) = (v.chosen_kommune(), v.rank_range) {
        let pairs = [("name", r.name.as_str()), ("rank", &format_int(r.rank as u32, lang)), ("best", &format_int(best as u32, lang)), ("worst", &format_int(worst as u32, lang))];
        footnotes.push(fill(w.foot_range, &pairs));
    }
    let table = Table { caption: fill(w.caption, &[("total", &total), ("cohorts", &cohorts), ("min", &min)]), headers, rows, footnotes };
    Words { summary: summary.join(" "), notes, table }
}

/// Every ranked kommune left to right, highest share first: its interval as a line, its share
/// as a dot (▲ or ▼ where the interval lies wholly above or below the country's share); the
/// chosen kommune in its colour and named; the goal and the country as lines across.
fn ranking<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, v: &RankingView, title: &str, p: &Paint) -> ChartResult<DB> {
    let (t, w, s, th) = (texts(p.lang), words(p.lang), p.scale, p.theme);
    let area = frame(root, title, p)?;
    let marker = |a: Against| match a {
        Against::Above => Marker::Triangle,
        Against::Below => Marker::TriangleDown,
        Against::Overlaps => Marker::Circle,
    };
    let mut items: Vec<(String, Swatch)> = Vec::new();
    if let Some(r) = v.chosen_kommune() {
        items.push((r.name.clone(), Swatch::Marker(marker(r.against), th.kommune)));
    }
    items.push((w.others.to_string(), Swatch::Marker(Marker::Circle, th.muted)));
    items.push((w.legend_above.to_string(), Swatch::Marker(Marker::Triangle, th.text)));
    items.push((w.legend_below.to_string(), Swatch::Marker(Marker::TriangleDown, th.text)));
    let plot = legend(&area, &items, p)?;
    let n = v.ranked.len().max(1) as f64;
    let mut chart = ChartBuilder::on(&plot)
        .margin_left(px(8.0, s) as u32)
        .margin_right(px(16.0, s) as u32)
        .margin_top(px(20.0, s) as u32)
        .x_label_area_size(px(30.0, s) as u32)
        .y_label_area_size(px(58.0, s) as u32)
        .build_cartesian_2d(Linear::from(0.0..n + 1.0), Linear::from(0f64..100f64))?;
    themed(chart.configure_mesh().disable_x_mesh(), p)
        .x_labels(0)
        .y_labels(6)
        .y_label_formatter(&|y| format_percent(*y as u16, p.lang))
        .x_desc(w.axis)
        .y_desc(t.axis_percent)
        .draw()?;
    let mut taken: Vec<TextBox> = Vec::new();
    // The goal and the country: lines across, each named at its right end (the names drawn last,
    // on a backdrop, over the intervals that cross them).
    let mut named = Vec::new();
    let ends = [(v.goal as f64, t.goal_label.to_string(), th.goal, true)]
        .into_iter()
        .chain(v.land.as_ref().map(|l| (l.percent, format!("{} {} %", t.land, format_decimal(l.percent, p.lang)), th.land, false)));
    for (y, label, color, dashed) in ends {
        let line = stroke(color, 1.5, s);
        match dashed {
            true => chart.draw_series(DashedLineSeries::new([(0.0, y), (n + 1.0, y)], px(6.0, s), px(4.0, s), line))?,
            false => chart.draw_series(std::iter::once(PathElement::new(vec![(0.0, y), (n + 1.0, y)], line)))?,
        };
        let at = chart.backend_coord(&(n + 1.0, y));
        let candidates = [(-px(2.0, s), VPos::Bottom), (px(2.0, s), VPos::Top)]
            .map(|(dy, vp)| ((dy, vp), TextBox::new(&label, 12.0 * s, (at.0, at.1 + dy), Pos::new(HPos::Right, vp))));
        if let Some((dy, vp)) = first_free(&mut taken, candidates) {
            let placed = candidates.iter().find(|(key, _)| key.0 == dy).map(|(_, b)| *b);
            named.push((label, y, dy, vp, color, placed));
        }
    }
    let r = px(2.5, s).max(2);
    let others = || v.ranked.iter().enumerate().filter(|(i, _)| Some(*i) != v.chosen).map(|(i, k)| (i as f64 + 1.0, k));
    let color = |k: &Ranked| if k.against == Against::Overlaps { th.muted } else { th.text };
    // The intervals first, then the points over them (and the SVG writes each colour's
    // intervals as one path).
    for clear in [false, true] {
        for (x, k) in others().filter(|(_, k)| (k.against != Against::Overlaps) == clear) {
            chart.draw_series(std::iter::once(PathElement::new(vec![(x, k.estimate.low), (x, k.estimate.high)], stroke(color(k), 1.0, s))))?;
        }
    }
    // Every kommune explorable in rank order, the chosen one last (where the keyboard starts).
    let tip = |k: &Ranked| {
        let who = format!("{} ({} {})", k.name, if p.lang == Lang::En { "no." } else { "nr." }, k.rank);
        let when = say::pooled_over(&k.cohorts, p.lang);
        say::tip_estimate(&who, &when, &k.estimate, texts(p.lang).source_table, p.lang)
    };
    for (x, k) in others() {
        record::hit(chart.backend_coord(&(x, k.estimate.percent)), 0, tip(k));
        chart.draw_series(std::iter::once(EmptyElement::at((x, k.estimate.percent)) + marker_glyph(marker(k.against), (0, 0), r, color(k).filled())))?;
        // The chosen kommune's name must not hide a point.
        taken.push(TextBox::around(chart.backend_coord(&(x, k.estimate.percent)), r + 1));
    }
    // The chosen kommune last, over the others: thicker, larger, named above its interval or
    // below it, as near as it can be without covering a point, with a thin line to it.
    if let (Some(i), Some(k)) = (v.chosen, v.chosen_kommune()) {
        let (x, e) = (i as f64 + 1.0, &k.estimate);
        let line = stroke(th.kommune, 2.5, s);
        chart.draw_series(std::iter::once(PathElement::new(vec![(x, e.low), (x, e.high)], line)))?;
        let big = px(5.0, s);
        record::hit(chart.backend_coord(&(x, e.percent)), 0, tip(k));
        chart.draw_series(std::iter::once(EmptyElement::at((x, e.percent)) + marker_glyph(marker(k.against), (0, 0), big, th.kommune.filled())))?;
        let label = format!("{} {} %", k.name, format_decimal(e.percent, p.lang));
        let h_pos = if (i as f64) < n / 2.0 { HPos::Left } else { HPos::Right };
        let (top, bottom) = (chart.backend_coord(&(x, e.high)), chart.backend_coord(&(x, e.low)));
        let (plot_top, plot_bottom) = (chart.backend_coord(&(x, 100.0)).1, chart.backend_coord(&(x, 0.0)).1);
        let step = px(8.0, s);
        let ups: Vec<_> = (0..).map(|k| (top, VPos::Bottom, -px(4.0, s) - k * step, e.high)).take_while(|&(at, _, dy, _)| at.1 + dy - px(13.0, s) >= plot_top - px(16.0, s)).gather();
        let downs: Vec<_> = (0..).map(|k| (bottom, VPos::Top, px(4.0, s) + k * step, e.low)).take_while(|&(at, _, dy, _)| at.1 + dy + px(13.0, s) <= plot_bottom).gather();
        // Nearest first, above and below in turn, then whichever side has room left.
        let turns = (0..ups.len().max(downs.len())).flat_map(|k| [ups.get(k), downs.get(k)]).flatten().cloned();
        let candidates = turns.map(|(at, vp, dy, y)| ((vp, dy, y, at), TextBox::new(&label, 13.0 * s, (at.0, at.1 + dy), Pos::new(h_pos, vp))));
        if let Some((vp, dy, y, at)) = first_free(&mut taken, candidates) {
            // On a backdrop, as the lines' names: over the intervals it crosses.
            let b = TextBox::new(&label, 13.0 * s, (at.0, at.1 + dy), Pos::new(h_pos, vp));
            let pad = px(2.0, s);
            root.draw(&Rectangle::new([(b.left - pad, b.top - pad), (b.right + pad, b.bottom + pad)], th.background.mix(0.85).filled()))?;
            if dy.abs() > px(4.0, s) {
                let end = at.1 + dy + if dy < 0 { px(2.0, s) } else { -px(2.0, s) };
                root.draw(&PathElement::new(vec![at, (at.0, end)], stroke(th.kommune, 1.0, s)))?;
            }
            chart.draw_series(std::iter::once(EmptyElement::at((x, y)) + Text::new(label, (0, dy), font(13.0, s, th.kommune).pos(Pos::new(h_pos, vp)))))?;
        }
    }
    for (label, y, dy, vp, color, placed) in named {
        if let Some(b) = placed {
            let pad = px(2.0, s);
            root.draw(&Rectangle::new([(b.left - pad, b.top - pad), (b.right + pad, b.bottom + pad)], th.background.mix(0.85).filled()))?;
        }
        chart.draw_series(std::iter::once(EmptyElement::at((n + 1.0, y)) + Text::new(label, (0, dy), font(12.0, s, color).pos(Pos::new(HPos::Right, vp)))))?;
    }
    root.present()
}
