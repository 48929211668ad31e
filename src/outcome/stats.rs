//! Uncertainty: Wilson intervals around a share, and figures pooled over cohorts from published
//! counts only.

use crate::gather::Gather;
use super::Subject;
use crate::data::{Cell, Gender, Status};
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

pub(crate) fn counts_of(subject: &Subject, cohort: u16) -> Option<(u32, u32)> {
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


/// A cohort's published counts, in work or education and finished; a real zero who finished
/// counts as (0, 0). `None` where either is suppressed or there is no cell.
pub fn published_counts(subject: &Subject, cohort: u16) -> Option<(u32, u32)> {
    let o = subject.outcome(cohort, 1, Gender::Alle)?;
    match (o.finished(), o.count(Status::Arbutd)) {
        (Cell::Value(0), _) => Some((0, 0)),
        (Cell::Value(n), Cell::Value(x)) if x <= n => Some((x as u32, n as u32)),
        _ => None,
    }
}

/// The sum of published counts over exactly `cohorts`, if each is published and someone finished.
pub fn pooled_over(subject: &Subject, cohorts: &[u16]) -> Option<Pooled> {
    let (mut x, mut n) = (0, 0);
    for &c in cohorts {
        let (cx, cn) = published_counts(subject, c)?;
        x += cx;
        n += cn;
    }
    Some(Pooled { cohorts: cohorts.to_vec(), estimate: Estimate::new(x, n)? })
}

/// A former kommune's own pooled figure, shown where today's kommune has none because the former
/// kommuner's counts cannot be summed (see [`super::Share::Incomplete`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FormerPooled {
    pub former: super::Former,
    /// `None` where the former kommune has no cohort with both counts published.
    pub pooled: Option<Pooled>,
}

/// Each former kommune's pooled figure over `cohorts`, where today's kommune cannot be summed from
/// them in any of those cohorts; empty otherwise.
pub fn formers_pooled(s: &super::Subjects, cohorts: &[u16]) -> Vec<FormerPooled> {
    let unsummable = cohorts.iter().any(|&c| matches!(s.kommune.share(c, 1, Gender::Alle), super::Share::Incomplete { .. }));
    if !unsummable || pooled(&s.kommune, cohorts).is_some() {
        return Vec::new();
    }
    s.formers.iter().map(|(f, r)| FormerPooled { former: f.clone(), pooled: pooled(&Subject::Region(r), cohorts) }).gather()
}
