//! The figures of every view after the first: status split, gender, follow-up, uncertainty,
//! similar kommuner, and the country picture. Each is computed from published cells only, with
//! the same [`Subject`] rules as the goal view.

use super::{cohorts, outcome, resolve, subjects, today_subject, Share, Subject, Subjects};
use crate::data::{Cell, Dataset, Gender, Level, Status};
use serde::Serialize;

/// 1.96: the normal quantile for a two-sided 95 % interval.
const Z95: f64 = 1.959_963_984_540_054;

/// Wilson score interval (95 %) for `x` successes of `n`, as proportions; `None` for `n = 0`.
pub fn wilson(x: u32, n: u32) -> Option<(f64, f64)> {
    if n == 0 || x > n {
        return None;
    }
    let (x, n) = (x as f64, n as f64);
    let p = x / n;
    let z2 = Z95 * Z95;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = Z95 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denom;
    Some(((centre - half).max(0.0), (centre + half).min(1.0)))
}

/// A share with its counts and 95 % interval, where both counts are published.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Estimate {
    pub count: u32,
    pub finished: u32,
    /// Exact proportion count / finished, in per cent.
    pub percent: f64,
    pub low: f64,
    pub high: f64,
}

impl Estimate {
    pub fn new(count: u32, finished: u32) -> Option<Estimate> {
        let (lo, hi) = wilson(count, finished)?;
        Some(Estimate { count, finished, percent: 100.0 * count as f64 / finished as f64, low: 100.0 * lo, high: 100.0 * hi })
    }
}

fn counts_of(subject: &Subject, cohort: u16) -> Option<(u32, u32)> {
    let o = subject.outcome(cohort, 1, Gender::Alle)?;
    match (o.count(Status::Arbutd), o.finished()) {
        (Cell::Value(x), Cell::Value(n)) if n > 0 => Some((x as u32, n as u32)),
        _ => None,
    }
}

/// A figure over all cohorts with published counts: the sum of published counts only, with the
/// cohorts it covers and its own interval.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Pooled {
    pub cohorts: Vec<u16>,
    pub estimate: Estimate,
}

pub fn pooled(subject: &Subject, cohorts: &[u16]) -> Option<Pooled> {
    let mut used = Vec::new();
    let (mut x, mut n) = (0, 0);
    for &c in cohorts {
        if let Some((cx, cn)) = counts_of(subject, c) {
            used.push(c);
            x += cx;
            n += cn;
        }
    }
    Some(Pooled { estimate: Estimate::new(x, n)?, cohorts: used })
}

/// The uncertainty view: each cohort's share with its interval where counts are published, and
/// the pooled figure.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UncertaintyView {
    pub name: String,
    pub cohorts: Vec<u16>,
    pub shares: Vec<Share>,
    pub estimates: Vec<Option<Estimate>>,
    pub pooled: Option<Pooled>,
    pub land: Option<Pooled>,
}

pub fn uncertainty_view(ds: &Dataset, code: &str) -> Option<UncertaintyView> {
    let s = subjects(ds, code)?;
    let cohorts = cohorts(ds, 1);
    let land = Subject::Region(s.land);
    Some(UncertaintyView {
        name: s.name.clone(),
        shares: s.kommune.shares(&cohorts, 1, Gender::Alle),
        estimates: cohorts.iter().map(|&c| counts_of(&s.kommune, c).and_then(|(x, n)| Estimate::new(x, n))).collect(),
        pooled: pooled(&s.kommune, &cohorts),
        land: pooled(&land, &cohorts),
        cohorts,
    })
}

/// One bar of the status split: per cent in work or education, unemployed or on measures, and
/// other, each as published (or summed); the reason where the bar cannot be drawn.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatusBar {
    pub who: Who,
    pub finished: Option<u16>,
    /// Per cent for arbutd, ledig/tiltak, annet; `None` where not published.
    pub percents: [Option<u16>; 3],
    /// What the work-or-education share is, for the wording of gaps.
    pub share: Share,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatusView {
    pub name: String,
    pub cohort: u16,
    pub cohorts: Vec<u16>,
    pub bars: Vec<StatusBar>,
}

const SPLIT: [Status; 3] = [Status::Arbutd, Status::LedigTiltak, Status::Annet];

/// Whom a bar or series stands for; the text module words the label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Who {
    Region(String),
    /// Today's fylke (or, for a bydel, Oslo), or the fylke of 2011–2014.
    Fylke { name: String, today: bool },
    Land,
}

fn status_bar(who: Who, subject: &Subject, cohort: u16) -> StatusBar {
    let share = subject.share(cohort, 1, Gender::Alle);
    let o = subject.outcome(cohort, 1, Gender::Alle);
    let percents = match (&o, &share) {
        (Some(o), Share::Published { .. }) => SPLIT.map(|s| o.percent(s).value()),
        _ => [None; 3],
    };
    StatusBar { who, finished: o.and_then(|o| o.finished().value()), percents, share }
}

/// What a view compares, region and fylke (the country is added by each view).
fn compared<'a>(s: &'a Subjects<'a>) -> Vec<(Who, &'a Subject<'a>)> {
    let mut out = vec![(Who::Region(s.name.clone()), &s.kommune)];
    if let Some((name, today, subject)) = &s.fylke {
        out.push((Who::Fylke { name: name.clone(), today: *today }, subject));
    }
    out
}

/// The status split for one cohort (the newest where `cohort` is `None`).
pub fn status_view(ds: &Dataset, code: &str, cohort: Option<u16>) -> Option<StatusView> {
    let s = subjects(ds, code)?;
    let cohorts = cohorts(ds, 1);
    let cohort = cohort.filter(|c| cohorts.contains(c)).or(cohorts.last().copied())?;
    let land = Subject::Region(s.land);
    let mut bars: Vec<StatusBar> = compared(&s).into_iter().map(|(who, subject)| status_bar(who, subject, cohort)).collect();
    bars.push(status_bar(Who::Land, &land, cohort));
    Some(StatusView { name: s.name.clone(), cohort, cohorts, bars })
}


/// Menn and kvinner, by cohort, for the region and the country.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GenderView {
    pub name: String,
    pub cohorts: Vec<u16>,
    pub kommune_menn: Vec<Share>,
    pub kommune_kvinner: Vec<Share>,
    pub land_menn: Vec<Share>,
    pub land_kvinner: Vec<Share>,
}

pub fn gender_view(ds: &Dataset, code: &str) -> Option<GenderView> {
    let s = subjects(ds, code)?;
    let cohorts = cohorts(ds, 1);
    let land = Subject::Region(s.land);
    Some(GenderView {
        name: s.name.clone(),
        kommune_menn: s.kommune.shares(&cohorts, 1, Gender::Menn),
        kommune_kvinner: s.kommune.shares(&cohorts, 1, Gender::Kvinner),
        land_menn: land.shares(&cohorts, 1, Gender::Menn),
        land_kvinner: land.shares(&cohorts, 1, Gender::Kvinner),
        cohorts,
    })
}

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
    let years = super::status_years(ds);
    let mut out: Vec<u16> = (1..=5u8)
        .flat_map(|ya| years.iter().map(move |&y| y - ya as u16))
        .filter(|&c| years_after_of(ds, c).len() >= 2)
        .collect();
    crate::sort::sort_by(&mut out, |a, b| a < b);
    out.dedup();
    out
}

fn years_after_of(ds: &Dataset, cohort: u16) -> Vec<u8> {
    // Only points where the country has completers: cohort 2006 five years after is published
    // as 0 finished everywhere, which says nothing about that cohort.
    (1..=5u8)
        .filter(|&ya| outcome(ds.land(), cohort, ya, Gender::Alle).is_some_and(|o| o.finished().value().unwrap_or(0) > 0))
        .collect()
}

pub fn follow_up_view(ds: &Dataset, code: &str, cohort: Option<u16>) -> Option<FollowUpView> {
    let s = subjects(ds, code)?;
    let cohorts = follow_up_cohorts(ds);
    // The default: the newest cohort followed the longest.
    let default = cohorts.iter().copied().max_by_key(|&c| (years_after_of(ds, c).len(), c))?;
    let cohort = cohort.filter(|c| cohorts.contains(c)).unwrap_or(default);
    let years_after = years_after_of(ds, cohort);
    let land = Subject::Region(s.land);
    Some(FollowUpView {
        name: s.name.clone(),
        kommune: years_after.iter().map(|&ya| s.kommune.share(cohort, ya, Gender::Alle)).collect(),
        land: years_after.iter().map(|&ya| land.share(cohort, ya, Gender::Alle)).collect(),
        years_after,
        cohort,
        cohorts,
    })
}

/// The five kommuner with the nearest pooled number of completers, beside the chosen one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SimilarView {
    pub code: String,
    pub name: String,
    pub own: Option<Pooled>,
    pub peers: Vec<Peer>,
    pub goal: u16,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Peer {
    pub code: String,
    pub name: String,
    pub pooled: Pooled,
}

pub fn similar_view(ds: &Dataset, code: &str) -> Option<SimilarView> {
    let code = resolve(ds, code)?;
    let s = subjects(ds, &code)?;
    let cohorts = cohorts(ds, 1);
    let own = pooled(&s.kommune, &cohorts);
    // Without completers of its own, a kommune has no size to compare by.
    if own.is_none() {
        return Some(SimilarView { code, name: s.name.clone(), own, peers: Vec::new(), goal: super::GOAL_PERCENT });
    }
    let mut peers: Vec<Peer> = ds
        .map
        .kommuner
        .iter()
        .filter(|k| k.code != code)
        .filter_map(|k| Some(Peer { code: k.code.clone(), name: k.name.clone(), pooled: pooled(&today_subject(ds, k), &cohorts)? }))
        .collect();
    let n0 = own.as_ref().map_or(0, |p| p.estimate.finished) as i64;
    crate::sort::sort_by(&mut peers, |a, b| {
        let far = |p: &Peer| (p.pooled.estimate.finished as i64 - n0).abs();
        (far(a), &a.code) < (far(b), &b.code)
    });
    peers.truncate(5);
    crate::sort::sort_by(&mut peers, |a, b| a.pooled.estimate.percent > b.pooled.estimate.percent);
    Some(SimilarView { code, name: s.name.clone(), own, peers, goal: super::GOAL_PERCENT })
}

/// For the newest cohort: how many kommuner (of that year's map) had completers, and how many
/// had fewer than ten — a suppressed total counts as fewer than ten.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CountryView {
    pub cohort: u16,
    pub status_year: u16,
    pub kommuner: u32,
    pub none: u32,
    pub fewer_than_ten: u32,
    pub ten_or_more: u32,
    /// Of those with fewer than ten: how many had their total suppressed.
    pub suppressed: u32,
}

pub fn country_view(ds: &Dataset) -> Option<CountryView> {
    let cohort = *cohorts(ds, 1).last()?;
    let status_year = cohort + 1;
    let mut v = CountryView { cohort, status_year, kommuner: 0, none: 0, fewer_than_ten: 0, ten_or_more: 0, suppressed: 0 };
    // Kommuner of that year's map: a number that no longer existed then is skipped.
    for r in ds.kommuner() {
        let Some(o) = outcome(r, cohort, 1, Gender::Alle) else { continue };
        if superseded(ds, &r.region.code, status_year) {
            continue;
        }
        v.kommuner += 1;
        match o.finished() {
            Cell::Value(0) => v.none += 1,
            Cell::Value(n) if n < 10 => v.fewer_than_ten += 1,
            Cell::Value(_) => v.ten_or_more += 1,
            Cell::Suppressed => {
                v.fewer_than_ten += 1;
                v.suppressed += 1;
            }
        }
    }
    Some(v)
}

/// Whether a kommune number of the data had been replaced by another by `status_year` (both
/// old and new numbers have rows in the extract; the old one then holds only zeros).
fn superseded(ds: &Dataset, code: &str, status_year: u16) -> bool {
    // The extract's own structure: old codes carry "(-YYYY)" in their label, the last year they
    // existed ("Harstad (-2012)").
    ds.region(Level::Kommune, code)
        .and_then(|r| r.region.name.rsplit_once("(-"))
        .and_then(|(_, y)| y.trim_end_matches(')').parse::<u16>().ok())
        .is_some_and(|last| status_year > last)
}

/// The views of the widget, in the order of its view switch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ViewKind {
    Goal,
    Status,
    Gender,
    FollowUp,
    Uncertainty,
    Similar,
    Country,
}

impl ViewKind {
    pub const ALL: [ViewKind; 7] =
        [ViewKind::Goal, ViewKind::Status, ViewKind::Gender, ViewKind::FollowUp, ViewKind::Uncertainty, ViewKind::Similar, ViewKind::Country];

    /// Whether the view reads only one year after (every view but the follow-up), so that it
    /// can be computed from [`crate::data::codec::decode_one_year_after`]'s part of the data.
    pub fn one_year_after_only(self) -> bool {
        self != ViewKind::FollowUp
    }

    /// The name pages use in `view="…"`.
    pub fn key(self) -> &'static str {
        match self {
            ViewKind::Goal => "goal",
            ViewKind::Status => "status",
            ViewKind::Gender => "gender",
            ViewKind::FollowUp => "followup",
            ViewKind::Uncertainty => "uncertainty",
            ViewKind::Similar => "similar",
            ViewKind::Country => "country",
        }
    }

    /// From a page's `view` attribute; also accepts "trend" for the goal view.
    pub fn parse(key: &str) -> Option<ViewKind> {
        let key = key.trim().to_ascii_lowercase();
        if key == "trend" {
            return Some(ViewKind::Goal);
        }
        ViewKind::ALL.into_iter().find(|v| v.key() == key)
    }

    /// Whether the view is about one chosen cohort.
    pub fn has_cohort(self) -> bool {
        matches!(self, ViewKind::Status | ViewKind::FollowUp)
    }
}

/// The figures of one view, ready to draw, tabulate and summarise.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum ViewData {
    Goal(super::GoalComparison),
    Status(StatusView),
    Gender(GenderView),
    FollowUp(FollowUpView),
    Uncertainty(UncertaintyView),
    Similar(SimilarView),
    Country(CountryView),
}

impl ViewData {
    /// The cohort chosen in a view about one cohort, and the cohorts to choose from.
    pub fn cohort_choice(&self) -> Option<(u16, &[u16])> {
        match self {
            ViewData::Status(v) => Some((v.cohort, &v.cohorts)),
            ViewData::FollowUp(v) => Some((v.cohort, &v.cohorts)),
            _ => None,
        }
    }
}

/// The figures of a view for a code as a page gives it (see [`resolve`]); `cohort` chooses the
/// cohort of the status split and the follow-up (their default where `None` or unknown).
pub fn view_data(ds: &Dataset, kind: ViewKind, code: &str, cohort: Option<u16>) -> Option<ViewData> {
    Some(match kind {
        ViewKind::Goal => ViewData::Goal(super::goal_view(ds, code)?),
        ViewKind::Status => ViewData::Status(status_view(ds, code, cohort)?),
        ViewKind::Gender => ViewData::Gender(gender_view(ds, code)?),
        ViewKind::FollowUp => ViewData::FollowUp(follow_up_view(ds, code, cohort)?),
        ViewKind::Uncertainty => ViewData::Uncertainty(uncertainty_view(ds, code)?),
        ViewKind::Similar => ViewData::Similar(similar_view(ds, code)?),
        ViewKind::Country => {
            resolve(ds, code)?;
            ViewData::Country(country_view(ds)?)
        }
    })
}
