//! One to five years after: one cohort followed over the years the table has, for the place and
//! the country.

use crate::gather::Gather;
use super::{Figures, Words};
use crate::chart::*;
use crate::data::{Dataset, Gender};
use crate::outcome::*;
use crate::place::Place;
use crate::text::*;
use serde::Serialize;

/// One cohort followed one to five years after finishing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FollowUpView {
    pub name: String,
    pub cohort: u16,
    /// Cohorts the data follow at least two years.
    pub cohorts: Vec<u16>,
    /// Years after for which the data have this cohort.
    pub years_after: Vec<u8>,
    pub kommune: Vec<Share>,
    pub land: Vec<Share>,
}

/// Cohorts with two or more years-after points in the data.
pub fn follow_up_cohorts(ds: &Dataset) -> Vec<u16> {
    let years = status_years(ds);
    let mut out: Vec<u16> = (1..=5u8)
        .flat_map(|ya| years.iter().map(move |&y| y - ya as u16))
        .filter(|&c| years_after_of(ds, c).len() >= 2)
        .gather();
    crate::sort::sort_by(&mut out, |a, b| a < b);
    out.dedup();
    out
}

fn years_after_of(ds: &Dataset, cohort: u16) -> Vec<u8> {
    // Only points where the country has completers: cohort 2006 five years after is published
    // as 0 finished everywhere, which says nothing about that cohort.
    (1..=5u8)
        .filter(|&ya| outcome(ds.land(), cohort, ya, Gender::Alle).is_some_and(|o| o.finished().value().unwrap_or(0) > 0))
        .gather()
}

pub fn follow_up_view(ds: &Dataset, place: &Place, cohort: Option<u16>) -> Option<FollowUpView> {
    let s = subjects(ds, place);
    let cohorts = follow_up_cohorts(ds);
    // The default: the newest cohort followed the longest.
    let default = cohorts.iter().copied().max_by_key(|&c| (years_after_of(ds, c).len(), c))?;
    let cohort = cohort.filter(|c| cohorts.contains(c)).unwrap_or(default);
    let years_after = years_after_of(ds, cohort);
    let land = Subject::Region(s.land);
    Some(FollowUpView {
        name: s.name.clone(),
        kommune: years_after.iter().map(|&ya| s.kommune.share(cohort, ya, Gender::Alle)).gather(),
        land: years_after.iter().map(|&ya| land.share(cohort, ya, Gender::Alle)).gather(),
        years_after,
        cohort,
        cohorts,
    })
}

impl Figures for FollowUpView {
    const KEY: &'static str = "followup";
    const ALL_YEARS_AFTER: bool = true;
    const HAS_COHORT: bool = true;

    fn open(ds: &Dataset, place: &Place, cohort: Option<u16>) -> Option<Self> {
        follow_up_view(ds, place, cohort)
    }

    fn name(t: &Texts) -> &'static str {
        t.view_followup
    }

    fn title(&self, lang: Lang) -> String {
        fill(texts(lang).title_followup, &[("name", &self.name), ("cohort", &self.cohort.to_string())])
    }

    fn words(&self, lang: Lang) -> Words {
        follow_up_text(self, lang)
    }

    fn draw(&self, root: &Area, title: &str, p: &Paint) -> DrawResult {
        line_chart(root, &follow_up_spec(self, title.to_string(), p), p)
    }

    fn cohort_choice(&self) -> Option<(u16, &[u16])> {
        Some((self.cohort, &self.cohorts))
    }
}

/// The cohort's share the first and the last year it is followed, each a value or, in a
/// sentence of its own, the reason there is none; then the country's.
fn follow_up_summary(v: &FollowUpView, lang: Lang) -> String {
    let (Some(&ya1), Some(&ya2)) = (v.years_after.first(), v.years_after.last()) else { return String::new() };
    let (first, last) = (&v.kommune[0], &v.kommune[v.kommune.len() - 1]);
    let (name, c) = (&v.name, v.cohort);
    let pct = |s: &Share| s.percent().map(|p| say::percent_words(p, lang));
    let (when1, when2) = (say::years_after(ya1, lang), say::years_after(ya2, lang));
    let lead = match lang {
        Lang::Nb => format!("Av dem i {name} som avsluttet i {c}, var"),
        Lang::Nn => format!("Av dei i {name} som avslutta i {c}, var"),
        Lang::En => format!("Of those in {name} who finished in {c},"),
    };
    let work = match lang {
        Lang::En => "were in work or education",
        _ => "i arbeid eller utdanning",
    };
    let and = if lang == Lang::En { "and" } else { "og" };
    let not_then = |when: &str, s: &Share| {
        say::sentence(&match lang {
            Lang::Nb => format!("{when} kan andelen ikke vises: {}", say::reason(s, lang)),
            Lang::Nn => format!("{when} kan ikkje delen visast: {}", say::reason(s, lang)),
            Lang::En => format!("{when}, the share cannot be shown: {}", say::reason(s, lang)),
        })
    };
    let mut out = Vec::new();
    let one_year = ya1 == ya2;
    match (pct(first), pct(last)) {
        (Some(a), _) if one_year => out.push(say::sentence(&format!("{lead} {a} {work} {when1}"))),
        (Some(a), Some(b)) => out.push(say::sentence(&format!("{lead} {a} {work} {when1} {and} {b} {when2}"))),
        (Some(a), None) => {
            out.push(say::sentence(&format!("{lead} {a} {work} {when1}")));
            out.push(not_then(&when2, last));
        }
        (None, Some(b)) => {
            out.push(say::sentence(&format!("{lead} {b} {work} {when2}")));
            out.push(not_then(&when1, first));
        }
        (None, _) => {
            out.push(say::cannot_show(&say::those_in(name, c, lang), first, lang));
        }
    }
    let (l1, l2) = (say::percent_or_reason(&v.land[0], lang), say::percent_or_reason(&v.land[v.land.len() - 1], lang));
    let land_name = texts(lang).land;
    out.push(say::sentence(&match one_year {
        true => format!("{land_name}: {l1} {when1}"),
        false => format!("{land_name}: {l1} {when1} {and} {l2} {when2}"),
    }));
    say::paragraph(out)
}

fn follow_up_text(v: &FollowUpView, lang: Lang) -> Words {
    let t = texts(lang);
    let summary = follow_up_summary(v, lang);
    let mut used = Vec::new();
    let rows = v
        .years_after
        .iter()
        .enumerate()
        .map(|(i, ya)| {
            let finished = match v.kommune[i] {
                Share::Published { finished: Some(n), .. } | Share::Suppressed { finished: Some(n) } | Share::Incomplete { finished: Some(n) } => format_int(n as u32, lang),
                Share::NoCompleters => "0".to_string(),
                _ => "–".to_string(),
            };
            vec![
                ya.to_string(),
                (v.cohort + *ya as u16).to_string(),
                finished,
                share_cell(&v.kommune[i], lang, &mut used),
                share_cell(&v.land[i], lang, &mut used),
            ]
        })
        .gather();
    let headers = vec![
        t.col_years_after.to_string(),
        t.col_status_year.to_string(),
        format!("{}: {}", v.name, lower(t.col_finished)),
        format!("{}: {}", v.name, lower(t.col_percent)),
        format!("{}: {}", t.land, lower(t.col_percent)),
    ];
    let notes = vec![fill(t.note_followup, &[("cohort", &v.cohort.to_string()), ("n", &v.years_after.len().to_string())])];
    let table = Table { caption: v.title(lang), headers, rows, footnotes: footnotes(&used, lang) };
    Words { summary, notes, table }
}


/// One cohort followed 1–5 years after finishing: kommune against land.
fn follow_up_spec<'a>(v: &'a FollowUpView, title: String, p: &Paint) -> LineChart<'a> {
    let th = p.theme;
    LineChart {
        title,
        xs: v.years_after.iter().map(|&y| y as i32).gather(),
        x_desc: texts(p.lang).axis_years_after,
        whens: v.years_after.iter().map(|&ya| format!("{}, {}", say::finished_in(v.cohort as i32, p.lang), say::years_after(ya, p.lang))).gather(),
        lines: vec![
            Line { label: texts(p.lang).land.to_string(), points: &v.land, style: land_style(th), hollow: vec![] },
            Line { label: v.name.clone(), points: &v.kommune, style: kommune_style(th), hollow: vec![] },
        ],
        goal: None,
        later: None,
    }
}

