//! Title, table, summary and notes of every view, in each language, from the same figures the
//! chart draws.

use super::*;
use crate::outcome::views::{CountryView, FollowUpView, GenderView, SimilarView, StatusView, UncertaintyView, ViewData, ViewKind, Who};
use crate::outcome::Share;

/// Everything a page shows of a view besides the chart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ViewText {
    pub title: String,
    /// One paragraph saying what the chart shows, with the same numbers.
    pub summary: String,
    pub notes: Vec<String>,
    pub table: Table,
}

/// The name of a view on its switch.
pub fn view_name(kind: ViewKind, lang: Lang) -> &'static str {
    let t = texts(lang);
    match kind {
        ViewKind::Goal => t.view_goal,
        ViewKind::Status => t.view_status,
        ViewKind::Gender => t.view_gender,
        ViewKind::FollowUp => t.view_followup,
        ViewKind::Uncertainty => t.view_uncertainty,
        ViewKind::Similar => t.view_similar,
        ViewKind::Country => t.view_country,
    }
}

/// The three statuses, in the order of the status split.
pub fn legend_texts(lang: Lang) -> [&'static str; 3] {
    let t = texts(lang);
    [t.status_arbutd, t.status_ledig, t.status_annet]
}

pub fn who_label(who: &Who, lang: Lang) -> String {
    match who {
        Who::Region(name) => name.clone(),
        Who::Fylke { name, today: true } => name.clone(),
        Who::Fylke { name, today: false } => fill(texts(lang).fylke_of_the_day, &[("name", name)]),
        Who::Land => texts(lang).land.to_string(),
    }
}

pub fn view_title(view: &ViewData, lang: Lang) -> String {
    let t = texts(lang);
    match view {
        ViewData::Goal(v) => format!("{}: {}", v.kommune.name, t.goal_title),
        ViewData::Status(v) => fill(t.title_status, &[("name", &v.name), ("cohort", &v.cohort.to_string())]),
        ViewData::Gender(v) => fill(t.title_gender, &[("name", &v.name)]),
        ViewData::FollowUp(v) => fill(t.title_followup, &[("name", &v.name), ("cohort", &v.cohort.to_string())]),
        ViewData::Uncertainty(v) => fill(t.title_uncertainty, &[("name", &v.name)]),
        ViewData::Similar(v) => fill(t.title_similar, &[("name", &v.name)]),
        ViewData::Country(v) => fill(t.title_country, &[("cohort", &v.cohort.to_string())]),
    }
}

pub fn view_text(view: &ViewData, lang: Lang) -> ViewText {
    let title = view_title(view, lang);
    let (summary, notes, table) = match view {
        ViewData::Goal(v) => (goal_summary(v, lang), goal_notes(v, lang), goal_table(v, lang)),
        ViewData::Status(v) => status_text(v, lang),
        ViewData::Gender(v) => gender_text(v, lang),
        ViewData::FollowUp(v) => follow_up_text(v, lang),
        ViewData::Uncertainty(v) => uncertainty_text(v, lang),
        ViewData::Similar(v) => similar_text(v, lang),
        ViewData::Country(v) => country_text(v, lang),
    };
    ViewText { title, summary, notes, table }
}

fn pct_word(p: u16, lang: Lang) -> String {
    format!("{p} {}", texts(lang).word_percent)
}

/// The share as a summary says it: "56 prosent" or why there is none.
fn share_words(share: &Share, lang: Lang) -> String {
    match share.percent() {
        Some(p) => pct_word(p, lang),
        None => format_share(share, lang),
    }
}

fn goal_summary(v: &GoalComparison, lang: Lang) -> String {
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

fn status_text(v: &StatusView, lang: Lang) -> (String, Vec<String>, Table) {
    let t = texts(lang);
    let num = |p: Option<u16>| p.map_or_else(|| t.suppressed_short.to_string(), |p| p.to_string());
    let mut summary = String::new();
    for (i, bar) in v.bars.iter().enumerate() {
        let who = who_label(&bar.who, lang);
        let [a, b, c] = bar.percents;
        if i == 0 {
            summary = match (bar.finished, a.is_some()) {
                (Some(n), true) => fill(
                    t.summary_status,
                    &[("n", &format_int(n as u32, lang)), ("name", &who), ("cohort", &v.cohort.to_string()), ("a", &num(a)), ("b", &num(b)), ("c", &num(c))],
                ),
                _ => fill(t.summary_none, &[("name", &who), ("reason", &format_share(&bar.share, lang))]),
            };
        } else if a.is_some() {
            summary.push(' ');
            summary.push_str(&fill(t.summary_status_short, &[("who", &who), ("a", &num(a)), ("b", &num(b)), ("c", &num(c))]));
        }
    }
    let mut used = Vec::new();
    let rows = v
        .bars
        .iter()
        .map(|bar| {
            let mut row = vec![who_label(&bar.who, lang), bar.finished.map_or_else(|| t.suppressed_short.to_string(), |n| format_int(n as u32, lang))];
            match bar.share {
                Share::Published { .. } => row.extend(bar.percents.iter().map(|p| p.map_or_else(|| t.suppressed_short.to_string(), |p| format_percent(p, lang)))),
                other => row.extend(std::iter::repeat_n(share_cell(&other, lang, &mut used), 3)),
            }
            row
        })
        .collect();
    let headers = [t.col_region, t.col_finished, t.status_arbutd, t.status_ledig, t.status_annet].map(String::from).to_vec();
    let table = Table { caption: view_title(&ViewData::Status(v.clone()), lang), headers, rows, footnotes: footnotes(&used, lang) };
    (summary, Vec::new(), table)
}

fn gender_text(v: &GenderView, lang: Lang) -> (String, Vec<String>, Table) {
    let t = texts(lang);
    let newest = (0..v.cohorts.len()).rev().find(|&i| v.kommune_menn[i].percent().is_some() || v.kommune_kvinner[i].percent().is_some());
    let mut summary = match newest {
        Some(i) => fill(
            t.summary_gender,
            &[
                ("name", &v.name),
                ("m", &share_words(&v.kommune_menn[i], lang)),
                ("k", &share_words(&v.kommune_kvinner[i], lang)),
                ("cohort", &v.cohorts[i].to_string()),
            ],
        ),
        None => fill(t.summary_none, &[("name", &v.name), ("reason", &format_share(&v.kommune_menn[v.cohorts.len() - 1], lang))]),
    };
    let i = newest.unwrap_or(v.cohorts.len() - 1);
    summary.push(' ');
    summary.push_str(&fill(t.summary_gender_land, &[("m", &share_words(&v.land_menn[i], lang)), ("k", &share_words(&v.land_kvinner[i], lang))]));
    let mut used = Vec::new();
    let rows = v
        .cohorts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut row = vec![c.to_string()];
            for series in [&v.kommune_menn, &v.kommune_kvinner, &v.land_menn, &v.land_kvinner] {
                row.push(share_cell(&series[i], lang, &mut used));
            }
            row
        })
        .collect();
    let headers = vec![
        t.col_cohort.to_string(),
        format!("{}, {}", v.name, t.menn),
        format!("{}, {}", v.name, t.kvinner),
        format!("{}, {}", t.land, t.menn),
        format!("{}, {}", t.land, t.kvinner),
    ];
    let table = Table { caption: view_title(&ViewData::Gender(v.clone()), lang), headers, rows, footnotes: footnotes(&used, lang) };
    (summary, Vec::new(), table)
}

fn follow_up_text(v: &FollowUpView, lang: Lang) -> (String, Vec<String>, Table) {
    let t = texts(lang);
    let (first, last) = (0, v.years_after.len().saturating_sub(1));
    let mut summary = fill(
        t.summary_followup,
        &[
            ("name", &v.name),
            ("cohort", &v.cohort.to_string()),
            ("first", &share_words(&v.kommune[first], lang)),
            ("last", &share_words(&v.kommune[last], lang)),
            ("ya1", &v.years_after[first].to_string()),
            ("ya2", &v.years_after[last].to_string()),
        ],
    );
    summary.push(' ');
    summary.push_str(&fill(t.summary_followup_land, &[("first", &share_words(&v.land[first], lang)), ("last", &share_words(&v.land[last], lang))]));
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
        .collect();
    let headers = vec![
        t.col_years_after.to_string(),
        t.col_status_year.to_string(),
        format!("{}: {}", v.name, t.col_finished.to_lowercase()),
        format!("{}: {}", v.name, t.col_percent.to_lowercase()),
        format!("{}: {}", t.land, t.col_percent.to_lowercase()),
    ];
    let notes = vec![fill(t.note_followup, &[("cohort", &v.cohort.to_string()), ("n", &v.years_after.len().to_string())])];
    let table = Table { caption: view_title(&ViewData::FollowUp(v.clone()), lang), headers, rows, footnotes: footnotes(&used, lang) };
    (summary, notes, table)
}

fn cohort_list(cohorts: &[u16]) -> String {
    match (cohorts.first(), cohorts.last()) {
        (Some(a), Some(b)) if cohorts.len() == (b - a + 1) as usize && a != b => format!("{a}–{b}"),
        _ => cohorts.iter().map(u16::to_string).collect::<Vec<_>>().join(", "),
    }
}

fn uncertainty_text(v: &UncertaintyView, lang: Lang) -> (String, Vec<String>, Table) {
    let t = texts(lang);
    let mut summary = match &v.pooled {
        Some(p) => fill(
            t.summary_pooled,
            &[
                ("cohorts", &cohort_list(&p.cohorts)),
                ("p", &format_decimal(p.estimate.percent, lang)),
                ("x", &format_int(p.estimate.count, lang)),
                ("n", &format_int(p.estimate.finished, lang)),
                ("name", &v.name),
                ("lo", &format_decimal(p.estimate.low, lang)),
                ("hi", &format_decimal(p.estimate.high, lang)),
            ],
        ),
        None => fill(t.summary_none, &[("name", &v.name), ("reason", t.no_pooled)]),
    };
    if let Some(land) = &v.land {
        summary.push(' ');
        summary.push_str(&fill(t.summary_compare, &[("who", t.land), ("p", &format_decimal(land.estimate.percent, lang))]));
    }
    let mut used = Vec::new();
    let mut rows: Vec<Vec<String>> = v
        .cohorts
        .iter()
        .zip(v.estimates.iter().zip(&v.shares))
        .map(|(c, (e, share))| match e {
            Some(e) => estimate_row(c.to_string(), e, lang),
            None => {
                let cell = share_cell(share, lang, &mut used);
                vec![c.to_string(), cell.clone(), cell.clone(), cell.clone(), cell.clone(), cell]
            }
        })
        .collect();
    if let Some(p) = &v.pooled {
        rows.push(estimate_row(format!("{} {}", t.pooled, cohort_list(&p.cohorts)), &p.estimate, lang));
    }
    if let Some(p) = &v.land {
        rows.push(estimate_row(format!("{} {}", t.land, cohort_list(&p.cohorts)), &p.estimate, lang));
    }
    let headers = [t.col_cohort, t.col_in_work, t.col_finished, t.col_percent, t.col_low, t.col_high].map(String::from).to_vec();
    let notes = vec![fill(t.note_uncertainty, &[("cohorts", &v.pooled.as_ref().map_or_else(String::new, |p| cohort_list(&p.cohorts)))])];
    let table = Table { caption: view_title(&ViewData::Uncertainty(v.clone()), lang), headers, rows, footnotes: footnotes(&used, lang) };
    (summary, notes, table)
}

fn estimate_row(label: String, e: &crate::outcome::views::Estimate, lang: Lang) -> Vec<String> {
    vec![
        label,
        format_int(e.count, lang),
        format_int(e.finished, lang),
        format_decimal(e.percent, lang),
        format_decimal(e.low, lang),
        format_decimal(e.high, lang),
    ]
}

fn similar_text(v: &SimilarView, lang: Lang) -> (String, Vec<String>, Table) {
    let t = texts(lang);
    let summary = match &v.own {
        Some(own) => {
            let list: Vec<String> =
                v.peers.iter().map(|p| format!("{} {}", p.name, pct_word(p.pooled.estimate.percent.round() as u16, lang))).collect();
            let mut s = fill(t.summary_similar, &[("name", &v.name), ("n", &format_int(own.estimate.finished, lang)), ("list", &list.join(", "))]);
            s.push(' ');
            s.push_str(&fill(t.summary_compare, &[("who", &v.name), ("p", &format_decimal(own.estimate.percent, lang))]));
            s
        }
        None => fill(t.summary_none, &[("name", &v.name), ("reason", t.no_pooled)]),
    };
    let mut rows = Vec::new();
    let own = v.own.as_ref().map(|o| (v.name.clone(), o));
    for (name, p) in own.into_iter().chain(v.peers.iter().map(|p| (p.name.clone(), &p.pooled))) {
        let e = &p.estimate;
        rows.push(vec![
            name,
            cohort_list(&p.cohorts),
            format_int(e.count, lang),
            format_int(e.finished, lang),
            format_decimal(e.percent, lang),
            format_decimal(e.low, lang),
            format_decimal(e.high, lang),
        ]);
    }
    if v.own.is_none() {
        rows.insert(0, std::iter::once(v.name.clone()).chain(std::iter::repeat_n("–".to_string(), 6)).collect());
    }
    let headers = [t.col_kommune, t.col_cohorts, t.col_in_work, t.col_finished, t.col_percent, t.col_low, t.col_high].map(String::from).to_vec();
    let table = Table { caption: view_title(&ViewData::Similar(v.clone()), lang), headers, rows, footnotes: Vec::new() };
    (summary, vec![t.note_similar.to_string()], table)
}

fn country_text(v: &CountryView, lang: Lang) -> (String, Vec<String>, Table) {
    let t = texts(lang);
    let summary = fill(
        t.summary_country,
        &[
            ("k", &format_int(v.kommuner, lang)),
            ("year", &v.status_year.to_string()),
            ("with", &format_int(v.fewer_than_ten + v.ten_or_more, lang)),
            ("cohort", &v.cohort.to_string()),
            ("few", &format_int(v.fewer_than_ten, lang)),
            ("sup", &format_int(v.suppressed, lang)),
        ],
    );
    let rows = [(t.country_none, v.none), (t.country_fewer, v.fewer_than_ten), (t.country_ten, v.ten_or_more)]
        .iter()
        .map(|(label, n)| vec![label.to_string(), format_int(*n, lang)])
        .collect();
    let table = Table {
        caption: view_title(&ViewData::Country(v.clone()), lang),
        headers: vec![t.col_group.to_string(), t.col_count_kommuner.to_string()],
        rows,
        footnotes: Vec::new(),
    };
    (summary, vec![fill(t.note_country, &[("year", &v.status_year.to_string())])], table)
}
