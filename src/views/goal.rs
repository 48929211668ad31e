//! Goal and comparison: a place's share in work or education one year after, by cohort, beside
//! its fylke, Hele landet and the national goal of 70 %.

use super::{Figures, Words};
use crate::chart::{kommune_style, land_style, line_chart, Area, DrawResult, Line, LineChart, LineStyle, Marker, Paint};
use crate::data::{Dataset, Gender};
use crate::outcome::{cohorts, share_series, subjects, FormerSeries, FylkeSeries, Series, Share, GOAL_PERCENT};
use crate::place::Place;
use crate::text::*;
use serde::Serialize;

/// The first view: a region's share in work or education one year after, by cohort, beside its
/// fylke, Hele landet and the national goal. Hele landet runs on to the newest cohort published
/// outside the table extract; those points carry their source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GoalComparison {
    pub cohorts: Vec<u16>,
    pub kommune: Series,
    /// Former kommuner's own series, where today's kommune has a gap they can fill.
    pub formers: Vec<FormerSeries>,
    pub fylke: Option<FylkeSeries>,
    pub land: Series,
    /// Per cohort: the address of the publication a percent-only national point comes from;
    /// `None` for points from table 10824.
    pub land_sources: Vec<Option<String>>,
    /// How many of the cohorts (from the first) table 10824 covers; after them only the
    /// country has published figures.
    pub table_cohorts: usize,
    pub goal: u16,
}

/// The goal view for a place.
pub fn goal_view(ds: &Dataset, place: &Place) -> Option<GoalComparison> {
    let s = subjects(ds, place);
    let table_cohorts = cohorts(ds, 1);
    let newest = table_cohorts.last().copied().unwrap_or(0);
    let extra: Vec<&crate::data::PublishedPoint> = ds.national.iter().filter(|p| p.cohort > newest).collect();
    let last = extra.last().map_or(newest, |p| p.cohort);
    let all: Vec<u16> = (table_cohorts.first().copied().unwrap_or(newest)..=last).collect();
    let kommune = Series { code: s.code.clone(), name: s.name.clone(), points: s.kommune.shares(&all, 1, Gender::Alle) };
    let gaps = kommune.points.iter().any(|p| matches!(p, Share::Incomplete { .. } | Share::Divided));
    let formers = if gaps {
        s.formers
            .iter()
            .map(|(f, r)| FormerSeries { former: f.clone(), series: share_series(r, &all, 1, Gender::Alle) })
            .collect()
    } else {
        Vec::new()
    };
    let fylke = s.fylke.as_ref().map(|(name, today, subject)| FylkeSeries {
        today: *today,
        series: Series { code: String::new(), name: name.clone(), points: subject.shares(&all, 1, Gender::Alle) },
    });
    let mut land = share_series(s.land, &all, 1, Gender::Alle);
    let mut land_sources = vec![None; all.len()];
    for p in extra {
        let i = (p.cohort - all[0]) as usize;
        land.points[i] = Share::Published { percent: p.percent, count: p.count, finished: p.finished };
        land_sources[i] = Some(p.source_url.clone());
    }
    Some(GoalComparison { cohorts: all, kommune, formers, fylke, land, land_sources, table_cohorts: table_cohorts.len(), goal: GOAL_PERCENT })
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
}

pub fn goal_summary(v: &GoalComparison, lang: Lang) -> String {
    let t = texts(lang);
    let table = &v.cohorts[..v.table_cohorts];
    let newest = table.iter().zip(&v.kommune.points).rev().find(|(_, s)| s.percent().is_some());
    let mut out = match newest {
        Some((c, Share::Published { percent, count: Some(x), finished: Some(n) })) => fill(
            t.summary_goal,
            &[
                ("name", &v.kommune.name),
                ("p", &percent.to_string()),
                ("x", &format_int(*x as u32, lang)),
                ("n", &format_int(*n as u32, lang)),
                ("cohort", &c.to_string()),
            ],
        ),
        Some((c, s)) => fill(
            t.summary_goal_no_counts,
            &[("name", &v.kommune.name), ("p", &s.percent().unwrap_or(0).to_string()), ("cohort", &c.to_string())],
        ),
        None => {
            let reason = v.kommune.points.first().map_or_else(|| t.no_data.to_string(), |s| format_share(s, lang));
            fill(t.summary_none, &[("name", &v.kommune.name), ("reason", &reason)])
        }
    };
    if let Some((c, _)) = newest {
        let i = v.cohorts.iter().position(|x| x == c).unwrap_or(0);
        if let Some(f) = &v.fylke {
            out.push(' ');
            out.push_str(&fill(t.summary_compare, &[("who", &fylke_label(f, lang)), ("p", &share_number(&f.series.points[i], lang))]));
        }
        out.push(' ');
        out.push_str(&fill(t.summary_compare, &[("who", t.land), ("p", &share_number(&v.land.points[i], lang))]));
    }
    out.push(' ');
    out.push_str(t.summary_goal_line);
    out
}

/// The number alone ("62"), or the reason where there is none.
fn share_number(share: &Share, lang: Lang) -> String {
    share.percent().map_or_else(|| format_share(share, lang), |p| p.to_string())
}

/// Notes under the goal chart: why the kommune's line has gaps, and which fylke is shown.
pub fn goal_notes(view: &GoalComparison, lang: Lang) -> Vec<String> {
    let t = texts(lang);
    let points = &view.kommune.points[..view.table_cohorts];
    let mut notes = Vec::new();
    if !points.is_empty() && points.iter().all(|p| *p == Share::NoCompleters) {
        notes.push(format!("{}: {}", view.kommune.name, t.no_completers));
    } else {
        for (c, s) in view.cohorts.iter().zip(points) {
            if matches!(s, Share::Suppressed { .. } | Share::NoCompleters | Share::NoData) {
                notes.push(format!("{c}: {}", format_share(s, lang)));
            }
        }
    }
    if points.iter().any(|p| matches!(p, Share::Incomplete { .. })) {
        notes.push(fill(t.note_incomplete, &[("kommune", &view.kommune.name)]));
    }
    if points.contains(&Share::Divided) {
        let names: Vec<String> = view.formers.iter().filter(|f| f.former.divided.is_some()).map(|f| f.former.name.clone()).collect();
        notes.push(fill(t.note_divided, &[("names", &names.join(", ")), ("kommune", &view.kommune.name)]));
    }
    let published: Vec<u16> = view.cohorts.iter().zip(&view.land_sources).filter(|(_, u)| u.is_some()).map(|(c, _)| *c).collect();
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
    let pct = t.col_percent.to_lowercase();
    let mut headers = vec![
        t.col_cohort.to_string(),
        format!("{k}: {}", t.col_finished.to_lowercase()),
        format!("{k}: {}", t.col_in_work.to_lowercase()),
        format!("{k}: {pct}"),
    ];
    let mut extra: Vec<&Series> = Vec::new();
    if let Some(f) = &view.fylke {
        headers.push(format!("{}: {pct}", fylke_label(f, lang)));
        extra.push(&f.series);
    }
    headers.push(format!("{}: {pct}", t.land));
    extra.push(&view.land);
    for f in &view.formers {
        headers.push(format!("{}: {pct}", former_label(&f.former, lang)));
        extra.push(&f.series);
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
                Share::Divided => ("–".to_string(), "–".to_string()),
            };
            let mut row = vec![c.to_string(), finished, in_work, share_cell(kommune, lang, &mut used)];
            row.extend(extra.iter().map(|s| share_cell(&s.points[i], lang, &mut used)));
            row.push(match &view.land_sources[i] {
                Some(url) => host_of(url).to_string(),
                None => t.source_table.to_string(),
            });
            row
        })
        .collect();
    let mut notes = footnotes(&used, lang);
    for (c, url) in view.cohorts.iter().zip(&view.land_sources) {
        if let Some(url) = url {
            notes.push(fill(t.footnote_published, &[("cohort", &c.to_string()), ("url", url)]));
        }
    }
    Table { caption: format!("{k}: {}", t.table_caption), headers, rows, footnotes: notes }
}

/// Goal and comparison: former kommuner (thin), fylke, country, and the kommune on top.
fn goal_spec<'a>(v: &'a GoalComparison, title: String, p: &Paint) -> LineChart<'a> {
    let th = p.theme;
    let mut lines = Vec::new();
    for (i, f) in v.formers.iter().enumerate() {
        let color = th.formers[i % th.formers.len()];
        let style = LineStyle { color, width: 1.5, dash: None, marker: Marker::Diamond };
        lines.push(Line { label: former_label(&f.former, p.lang), points: &f.series.points, style, hollow: vec![] });
    }
    if let Some(f) = &v.fylke {
        let style = LineStyle { color: th.fylke, width: 2.0, dash: Some((3.0, 3.0)), marker: Marker::Triangle };
        lines.push(Line { label: fylke_label(f, p.lang), points: &f.series.points, style, hollow: vec![] });
    }
    let hollow = v.land_sources.iter().map(Option::is_some).collect();
    lines.push(Line { label: texts(p.lang).land.to_string(), points: &v.land.points, style: land_style(th), hollow });
    lines.push(Line { label: v.kommune.name.clone(), points: &v.kommune.points, style: kommune_style(th), hollow: vec![] });
    LineChart {
        title,
        xs: v.cohorts.iter().map(|&c| c as i32).collect(),
        x_desc: texts(p.lang).axis_cohort,
        lines,
        goal: Some(v.goal),
    }
}


/// [`goal_view`] for today's kommune number (for callers that know they have one).
pub fn goal_comparison(ds: &Dataset, kommune_code: &str) -> Option<GoalComparison> {
    goal_view(ds, &Place::Kommune(crate::place::today_kommune(ds, kommune_code)?))
}
