//! Goal and comparison: a place's share in work or education one year after, by cohort, beside
//! its fylke, Hele landet and the national goal of 70 %.

use crate::gather::Gather;
use super::{Figures, Words};
use crate::compare::{Compared, Other};
use crate::chart::{compare_style, kommune_style, land_style, line_chart, Area, DrawResult, Later, Line, LineChart, LineStyle, Marker, Paint};
use crate::data::{Dataset, Gender};
use crate::outcome::stats::{pooled, Estimate, Pooled};
use crate::outcome::{cohorts, share_series, subjects, FormerSeries, FylkeSeries, Series, Share, Who, GOAL_PERCENT};
use crate::place::Place;
use crate::text::*;
use serde::Serialize;

/// The first view: a region's share in work or education one year after, by cohort, beside its
/// fylke, Hele landet and the national goal. Hele landet runs on to the newest cohort published
/// outside the table extract; those points carry their source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoalComparison {
    pub cohorts: Vec<u16>,
    pub kommune: Series,
    /// Former kommuner's own series, where today's kommune has a gap they can fill.
    pub formers: Vec<FormerSeries>,
    pub fylke: Option<FylkeSeries>,
    /// The places a reader compares with ([`crate::compare`]), in the order given.
    pub compare: Vec<Compared>,
    pub land: Series,
    /// Per cohort: the address of the publication a percent-only national point comes from;
    /// `None` for points from table 10824, and where the country has no figure at all.
    pub land_sources: Vec<Option<String>>,
    /// Per cohort: the national figures other sources give that differ from the one shown
    /// (the table's, else the preferred publication's), in order of preference; empty where
    /// every source agrees.
    pub land_others: Vec<Vec<OtherFigure>>,
    /// How many of the cohorts (from the first) table 10824 covers; after them only the
    /// country has published figures.
    pub table_cohorts: usize,
    /// The place's figures over the table's cohorts with published counts, pooled
    /// ([`crate::outcome::stats::pooled`]).
    pub pooled: Option<Pooled>,
    pub goal: u16,
}

/// A national figure a source gives for a cohort that differs from the one the view shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OtherFigure {
    pub percent: u16,
    /// The publication's address.
    pub source_url: String,
}

/// The goal view for a place.
pub fn goal_view(ds: &Dataset, place: &Place) -> Option<GoalComparison> {
    let s = subjects(ds, place);
    let table_cohorts = cohorts(ds, 1);
    let newest = table_cohorts.last().copied().unwrap_or(0);
    // Hele landet runs from the table's first cohort to the newest any source has a figure for.
    let first = table_cohorts.first().copied().or_else(|| ds.national.first().map(|p| p.cohort)).unwrap_or(0);
    let last = ds.national.iter().map(|p| p.cohort).fold(newest, u16::max);
    let all: Vec<u16> = (first..=last).gather();
    let kommune = Series { code: s.code.clone(), name: s.name.clone(), points: s.kommune.shares(&all, 1, Gender::Alle) };
    let gaps = kommune.points.iter().any(|p| matches!(p, Share::Incomplete { .. } | Share::Divided));
    let formers = if gaps {
        s.formers
            .iter()
            .map(|(f, r)| FormerSeries { former: f.clone(), series: share_series(r, &all, 1, Gender::Alle) })
            .gather()
    } else {
        Vec::new()
    };
    let fylke = s.fylke.as_ref().map(|(name, today, subject)| FylkeSeries {
        today: *today,
        series: Series { code: String::new(), name: name.clone(), points: subject.shares(&all, 1, Gender::Alle) },
    });
    let mut land = share_series(s.land, &all, 1, Gender::Alle);
    let mut land_sources = vec![None; all.len()];
    let mut land_others = vec![Vec::new(); all.len()];
    for (i, &c) in all.iter().enumerate() {
        // This cohort's published figures, the preferred first (see `Dataset::national`).
        let mut published = ds.national.iter().filter(|p| p.cohort == c);
        // The table's own figure stands where it has one; else the preferred publication's.
        let shown = match land.points[i].percent() {
            Some(p) => p,
            None => match published.next() {
                Some(p) => {
                    land.points[i] = Share::Published { percent: p.percent, count: p.count, finished: p.finished };
                    land_sources[i] = Some(p.source_url.clone());
                    p.percent
                }
                None => continue,
            },
        };
        land_others[i] = published
            .filter(|p| p.percent != shown)
            .map(|p| OtherFigure { percent: p.percent, source_url: p.source_url.clone() })
            .gather();
    }
    Some(GoalComparison {
        cohorts: all,
        kommune,
        formers,
        fylke,
        compare: Vec::new(),
        land,
        land_sources,
        land_others,
        pooled: pooled(&s.kommune, &table_cohorts),
        table_cohorts: table_cohorts.len(),
        goal: GOAL_PERCENT,
    })
}

impl Figures for GoalComparison {
    const KEY: &'static str = "goal";

    fn open(ds: &Dataset, place: &Place, _cohort: Option<u16>) -> Option<Self> {
        goal_view(ds, place)
    }

    fn name(t: &Texts) -> &'static str {
        t.view_goal
    }

    fn title(&self, lang: Lang) -> String {
        format!("{}: {}", self.kommune.name, texts(lang).goal_title)
    }

    fn words(&self, lang: Lang) -> Words {
        Words { summary: goal_summary(self, lang), notes: goal_notes(self, lang), table: goal_table(self, lang) }
    }

    fn draw(&self, root: &Area, title: &str, p: &Paint) -> DrawResult {
        line_chart(root, &goal_spec(self, title.to_string(), p), p)
    }

    const COMPARES: bool = true;

    /// Each place's line over the same cohorts; today's fylke given again is left out.
    fn compare(&mut self, others: &[Other]) {
        let fylke = self.fylke.as_ref().map(|f| Who::Fylke { name: f.series.name.clone(), today: f.today });
        self.compare = others.iter().filter(|o| Some(&o.who) != fylke.as_ref()).map(|o| o.series(&self.cohorts, Gender::Alle)).gather();
    }
}

/// The place's pooled figures where they cover more than one cohort.
fn pooled_over_several(v: &GoalComparison) -> Option<(Vec<u16>, Estimate)> {
    v.pooled.as_ref().filter(|p| p.cohorts.len() > 1).map(|p| (p.cohorts.clone(), p.estimate.clone()))
}

/// The cohort whose share the summary gives: the newest of the data where it has one; where it
/// has none, the newest that has, unless the former kommuner's own figures are given instead.
fn headline_index(v: &GoalComparison) -> Option<usize> {
    let i = v.table_cohorts.checked_sub(1)?;
    match v.kommune.points[i] {
        Share::Published { .. } => Some(i),
        Share::Incomplete { .. } | Share::Divided if !v.formers.is_empty() => None,
        _ => (0..i).rev().find(|&j| v.kommune.points[j].percent().is_some()),
    }
}

/// Where the share at `j` comes from fewer than ten completers, what the summary gives with its
/// interval: the place's figures pooled over the cohorts with published counts, where more than
/// one has them, else that cohort's own.
fn small_estimate(v: &GoalComparison, j: usize) -> Option<(Vec<u16>, Estimate)> {
    let Share::Published { count: Some(x), finished: Some(n), .. } = v.kommune.points[j] else { return None };
    if n as u32 >= say::SMALL {
        return None;
    }
    match pooled_over_several(v) {
        Some(pooled) => Some(pooled),
        None => Some((vec![v.cohorts[j]], Estimate::new(x as u32, n as u32)?)),
    }
}

/// The headline: the newest cohort of the data, the same for every widget. A share from fewer
/// than ten completers stands only with its counts, and the place's pooled share with its
/// interval and a caution comes first; where the newest cohort has no share, the reason in a
/// sentence of its own, then what there is: the former kommuner's own figures, or the newest
/// cohort that has one, named. Then the fylke and the country for the same cohort, and the goal.
pub fn goal_summary(v: &GoalComparison, lang: Lang) -> String {
    let t = texts(lang);
    let Some(i) = v.table_cohorts.checked_sub(1) else { return String::new() };
    let (c, name) = (v.cohorts[i], &v.kommune.name);
    let mut out = Vec::new();
    let headline = |share: &Share, cohort: u16| {
        say::sentence(&match (lang, say::share_words(share, lang)) {
            (_, None) => String::new(),
            (Lang::Nb, Some(w)) => format!("I {name} var {w} av dem som avsluttet introduksjonsprogrammet i {cohort}, i arbeid eller utdanning ett år etter"),
            (Lang::Nn, Some(w)) => format!("I {name} var {w} av dei som avslutta introduksjonsprogrammet i {cohort}, i arbeid eller utdanning eitt år etter"),
            (Lang::En, Some(w)) => format!("In {name}, {w} of those who finished the introduction programme in {cohort} were in work or education one year later"),
        })
    };
    let few = |cohort: u16, x: u16, n: u16| {
        let (x, n) = (format_int(x as u32, lang), format_int(n as u32, lang));
        say::sentence(&match lang {
            Lang::Nb => format!("Av de {n} som avsluttet i {cohort}, var {x} i arbeid eller utdanning ett år etter"),
            Lang::Nn => format!("Av dei {n} som avslutta i {cohort}, var {x} i arbeid eller utdanning eitt år etter"),
            Lang::En => format!("Of the {n} who finished in {cohort}, {x} were in work or education one year later"),
        })
    };
    // A small place: its pooled share first, with the interval and the caution.
    let small = |share: &Share| matches!(share, Share::Published { finished: Some(n), .. } if (*n as u32) < say::SMALL);
    let pooled_first = |out: &mut Vec<String>, cohort: u16, x: u16, n: u16| {
        let pooled = pooled_over_several(v);
        if let Some((cohorts, e)) = pooled {
            let (px, pn) = (format_int(e.count, lang), format_int(e.finished, lang));
            let p = crate::data::percent_of(e.count as u16, e.finished);
            let years = say::cohorts(&cohorts, lang);
            out.push(say::sentence(&match lang {
                Lang::Nb => format!("Samlet for dem som avsluttet i {years} var {p} prosent ({px} av {pn}) i {name} i arbeid eller utdanning ett år etter"),
                Lang::Nn => format!("Samla for dei som avslutta i {years} var {p} prosent ({px} av {pn}) i {name} i arbeid eller utdanning eitt år etter"),
                Lang::En => format!("Pooled over those who finished in {years}, {p} per cent ({px} of {pn}) in {name} were in work or education one year later"),
            }));
            out.push(say::caution(&e, lang));
            out.push(few(cohort, x, n));
        } else {
            out.push(few(cohort, x, n));
            if let Some(e) = Estimate::new(x as u32, n as u32) {
                out.push(say::caution(&e, lang));
            }
        }
    };
    let share = &v.kommune.points[i];
    match *share {
        Share::Published { count: Some(x), finished: Some(n), .. } if small(share) => pooled_first(&mut out, c, x, n),
        Share::Published { .. } => out.push(headline(share, c)),
        _ => {
            out.push(say::cannot_show(&say::those_in(name, c, lang), share, lang));
            let formers: Vec<String> = v
                .formers
                .iter()
                .map(|f| {
                    let s = &f.series.points[i];
                    // Per cent only: the table has the former kommuner's per cents, not their counts.
                    let w = say::percent_or_reason(s, lang);
                    say::labelled(&former_label(&f.former, lang), &w)
                })
                .gather();
            if matches!(share, Share::Incomplete { .. } | Share::Divided) && !formers.is_empty() {
                out.push(say::sentence(&match lang {
                    Lang::Nb => format!("De tidligere kommunene hver for seg i {c}: {}", formers.join("; ")),
                    Lang::Nn => format!("Dei tidlegare kommunane kvar for seg i {c}: {}", formers.join("; ")),
                    Lang::En => format!("The former municipalities one by one in {c}: {}", formers.join("; ")),
                }));
            } else if let Some(j) = (0..i).rev().find(|&j| v.kommune.points[j].percent().is_some()) {
                let older = &v.kommune.points[j];
                match *older {
                    Share::Published { count: Some(x), finished: Some(n), .. } if small(older) => pooled_first(&mut out, v.cohorts[j], x, n),
                    _ => out.push(headline(older, v.cohorts[j])),
                }
            }
        }
    }
    let mut compare: Vec<String> = v.compare.iter().map(|o| say::labelled(&who_label(&o.who, lang), &say::percent_or_reason(&o.points[i], lang))).gather();
    if let Some(f) = &v.fylke {
        compare.push(say::labelled(&fylke_label(f, lang), &say::percent_or_reason(&f.series.points[i], lang)));
    }
    // "hele landet" inside a Norwegian sentence; "Norway" stays a name.
    let land = match lang {
        Lang::En => t.land.to_string(),
        _ => lower(t.land),
    };
    compare.push(format!("{land} {}", say::percent_or_reason(&v.land.points[i], lang)));
    if let Some(list) = say::list(&compare, lang) {
        out.push(say::for_comparison(c, &list, lang));
    }
    out.push(t.summary_goal_line.to_string());
    say::paragraph(out)
}

/// Notes under the goal chart: why the kommune's line has gaps, and which fylke is shown.
pub fn goal_notes(view: &GoalComparison, lang: Lang) -> Vec<String> {
    let t = texts(lang);
    let points = &view.kommune.points[..view.table_cohorts];
    let mut notes = Vec::new();
    // Which years the place's own figures cover: the country's line runs on from other sources.
    if let (Some(first), Some(last)) = (view.cohorts.first(), view.cohorts.get(view.table_cohorts.wrapping_sub(1))) {
        let name = &view.kommune.name;
        notes.push(say::sentence(&match lang {
            Lang::Nb => format!("Tallene for {name} gjelder dem som avsluttet i {first}–{last}, fra SSBs tabell 10824"),
            Lang::Nn => format!("Tala for {name} gjeld dei som avslutta i {first}–{last}, frå tabell 10824 hjå SSB"),
            Lang::En => format!("The figures for {name} cover those who finished in {first}–{last}, from Statistics Norway's table 10824"),
        }));
    }
    if !points.is_empty() && points.iter().all(|p| *p == Share::NoCompleters) {
        notes.push(say::sentence(&format!("{}: {}", view.kommune.name, t.no_completers)));
    } else {
        for (c, s) in view.cohorts.iter().zip(points) {
            if matches!(s, Share::Suppressed { .. } | Share::NotYet | Share::NotApplicable | Share::NoCompleters | Share::NoData) {
                notes.push(say::sentence(&format!("{c}: {}", format_share(s, lang))));
            }
        }
    }
    if points.iter().any(|p| matches!(p, Share::Incomplete { .. })) {
        notes.push(fill(t.note_incomplete, &[("kommune", &view.kommune.name)]));
    }
    if points.contains(&Share::Divided) {
        let names: Vec<String> = view.formers.iter().filter(|f| f.former.divided.is_some()).map(|f| f.former.name.clone()).gather();
        notes.push(fill(t.note_divided, &[("names", &names.join(", ")), ("kommune", &view.kommune.name)]));
    }
    let published: Vec<u16> = view.cohorts.iter().zip(&view.land_sources).filter(|(_, u)| u.is_some()).map(|(c, _)| *c).gather();
    if let (Some(first), Some(last)) = (published.first(), published.last()) {
        notes.push(fill(t.note_published, &[("first", &first.to_string()), ("last", &last.to_string())]));
    }
    if let Some(f) = view.fylke.as_ref().filter(|f| !f.today) {
        notes.push(fill(t.note_fylke_of_the_day, &[("name", &f.series.name)]));
    }
    notes
}

fn count_text(count: Option<u16>, lang: Lang) -> String {
    count.map_or_else(|| texts(lang).suppressed_short.to_string(), |c| format_int(c as u32, lang))
}

/// The goal view's figures as a table: per cohort, the kommune's finished, in work or
/// education and per cent; the fylke's, the country's and any former kommuner's per cent.
pub fn goal_table(view: &GoalComparison, lang: Lang) -> Table {
    let t = texts(lang);
    let k = &view.kommune.name;
    let pct = lower(t.col_percent);
    let mut headers = vec![
        t.col_cohort.to_string(),
        format!("{k}: {}", lower(t.col_finished)),
        format!("{k}: {}", lower(t.col_in_work)),
        format!("{k}: {pct}"),
    ];
    let mut extra: Vec<&[Share]> = Vec::new();
    for o in &view.compare {
        headers.push(format!("{}: {pct}", who_label(&o.who, lang)));
        extra.push(&o.points);
    }
    if let Some(f) = &view.fylke {
        headers.push(format!("{}: {pct}", fylke_label(f, lang)));
        extra.push(&f.series.points);
    }
    headers.push(format!("{}: {pct}", t.land));
    extra.push(&view.land.points);
    for f in &view.formers {
        headers.push(format!("{}: {pct}", former_label(&f.former, lang)));
        extra.push(&f.series.points);
    }
    headers.push(t.col_source.to_string());
    let mut used = Vec::new();
    let rows = view
        .cohorts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let kommune = &view.kommune.points[i];
            let (finished, in_work) = match kommune {
                Share::Published { count, finished, .. } => (count_text(*finished, lang), count_text(*count, lang)),
                Share::Suppressed { finished } | Share::Incomplete { finished } => {
                    (count_text(*finished, lang), t.suppressed_short.to_string())
                }
                Share::NoCompleters => ("0".to_string(), "0".to_string()),
                Share::NoData => ("–".to_string(), "–".to_string()),
                Share::NotYet => ("–".to_string(), t.not_yet_short.to_string()),
                Share::NotApplicable => ("–".to_string(), t.not_applicable_short.to_string()),
                Share::Divided => ("–".to_string(), "–".to_string()),
            };
            let mut row = vec![c.to_string(), finished, in_work, share_cell(kommune, lang, &mut used)];
            extra.iter().map(|s| share_cell(&s[i], lang, &mut used)).gather_into(&mut row);
            row.push(goal_source_cell(view, i, lang));
            row
        })
        .gather();
    let mut notes = footnotes(&used, lang);
    for (i, c) in view.cohorts.iter().enumerate() {
        let cohort = c.to_string();
        if let Some(url) = &view.land_sources[i] {
            notes.push(say::sentence(&fill(t.footnote_published, &[("cohort", &cohort), ("url", url)])));
        }
        for o in &view.land_others[i] {
            notes.push(say::sentence(&fill(t.footnote_other, &[("cohort", &cohort), ("p", &format_percent(o.percent, lang)), ("url", &o.source_url)])));
        }
    }
    // The interval of a small place's headline, which its summary cites.
    if let Some((cohorts, e)) = headline_index(view).and_then(|j| small_estimate(view, j)) {
        let (x, n) = (format_int(e.count, lang), format_int(e.finished, lang));
        let (p, lo, hi) = (crate::data::percent_of(e.count as u16, e.finished), format_decimal(e.low, lang), format_decimal(e.high, lang));
        let years = say::cohorts(&cohorts, lang);
        notes.push(say::sentence(&match lang {
            Lang::Nb => format!("{years}: {x} av {n} i arbeid eller utdanning, {p} prosent; 95 prosent usikkerhetsintervall {lo}–{hi} prosent"),
            Lang::Nn => format!("{years}: {x} av {n} i arbeid eller utdanning, {p} prosent; 95 prosent uvisseintervall {lo}–{hi} prosent"),
            Lang::En => format!("{years}: {x} of {n} in work or education, {p} per cent; 95 per cent interval {lo}–{hi} per cent"),
        }));
    }
    Table { caption: format!("{k}: {}", t.table_caption), headers, rows, footnotes: notes }
}

/// The source cell of a cohort's row: where its figures come from. "SSB tabell 10824" where any
/// of them is the table's (the country's included); the publication's host where the country's
/// figure is a publication's; each differing figure of another source with its host beside the
/// country's; "–" where the row has no figure at all.
fn goal_source_cell(view: &GoalComparison, i: usize, lang: Lang) -> String {
    let t = texts(lang);
    // A figure of the table: a cell it publishes, suppresses or gives as nobody finished.
    let of_table = |s: &Share| !matches!(s, Share::NoData | Share::Divided);
    let mut from_table = view.kommune.points.get(i).is_some_and(of_table)
        || view.fylke.as_ref().is_some_and(|f| of_table(&f.series.points[i]))
        || view.formers.iter().any(|f| of_table(&f.series.points[i]))
        || view.compare.iter().any(|o| of_table(&o.points[i]));
    let mut land = match &view.land_sources[i] {
        Some(url) => host_of(url).to_string(),
        None if of_table(&view.land.points[i]) => {
            from_table = false;
            t.source_table.to_string()
        }
        None => String::new(),
    };
    let mut seen: Vec<(u16, &str)> = Vec::new();
    for o in &view.land_others[i] {
        let other = (o.percent, host_of(&o.source_url));
        if !seen.contains(&other) {
            seen.push(other);
            land = fill(t.source_other, &[("source", &land), ("p", &format_percent(o.percent, lang)), ("host", other.1)]);
        }
    }
    match (from_table, land.is_empty()) {
        (true, true) => t.source_table.to_string(),
        (true, false) => format!("{}; {land}", t.source_table),
        (false, true) => "–".to_string(),
        (false, false) => land,
    }
}

/// Goal and comparison over the table's cohorts: former kommuner (thin), fylke, country, and the
/// kommune on top; the country's later years, published outside the table, in a panel of their
/// own right of them, so the place's years have the width.
fn goal_spec<'a>(v: &'a GoalComparison, title: String, p: &Paint) -> LineChart<'a> {
    let th = p.theme;
    let k = v.table_cohorts.min(v.cohorts.len());
    let mut lines = Vec::new();
    for (i, f) in v.formers.iter().enumerate() {
        let color = th.formers[i % th.formers.len()];
        let style = LineStyle { color, width: 1.5, dash: None, marker: Marker::Diamond };
        lines.push(Line { label: former_label(&f.former, p.lang), points: &f.series.points[..k], style, hollow: vec![] });
    }
    for (i, o) in v.compare.iter().enumerate() {
        lines.push(Line { label: who_label(&o.who, p.lang), points: &o.points[..k], style: compare_style(th, v.formers.len() + i), hollow: vec![] });
    }
    if let Some(f) = &v.fylke {
        let style = LineStyle { color: th.fylke, width: 2.0, dash: Some((3.0, 3.0)), marker: Marker::Triangle };
        lines.push(Line { label: fylke_label(f, p.lang), points: &f.series.points[..k], style, hollow: vec![] });
    }
    lines.push(Line { label: texts(p.lang).land.to_string(), points: &v.land.points[..k], style: land_style(th), hollow: vec![] });
    lines.push(Line { label: v.kommune.name.clone(), points: &v.kommune.points[..k], style: kommune_style(th), hollow: vec![] });
    let when = |c: &u16| say::finished_in(*c as i32, p.lang);
    let later = (k < v.cohorts.len()).then(|| Later {
        xs: v.cohorts[k..].iter().map(|&c| c as i32).gather(),
        points: &v.land.points[k..],
        style: land_style(th),
        whens: v.cohorts[k..].iter().map(when).gather(),
        sources: v.land_sources[k..].iter().map(|u| u.as_deref().map_or(texts(p.lang).source_table, host_of).to_string()).gather(),
    });
    LineChart {
        title,
        xs: v.cohorts[..k].iter().map(|&c| c as i32).gather(),
        x_desc: texts(p.lang).axis_cohort,
        whens: v.cohorts[..k].iter().map(when).gather(),
        lines,
        goal: Some(v.goal),
        later,
    }
}


/// [`goal_view`] for today's kommune number (for callers that know they have one).
pub fn goal_comparison(ds: &Dataset, kommune_code: &str) -> Option<GoalComparison> {
    goal_view(ds, &Place::Kommune(crate::place::today_kommune(ds, kommune_code)?))
}
