//! Outcomes: what became of a cohort, as published — counts and per cent, each a value or
//! suppressed — and the series the views draw.

use crate::data::{cohort_of, status_year_of, Cell, Dataset, Gender, Level, RegionData, Status, Unit};
use serde::Serialize;

/// The national goal: 70 % in work or education one year after the programme.
pub const GOAL_PERCENT: u16 = 70;

/// What became of one cohort in one region, `years_after` years after finishing, for one gender.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub status_year: u16,
    pub cohort: u16,
    pub years_after: u8,
    pub gender: Gender,
    /// Indexed by [`Status`]: finished (alle), in work or education, unemployed/measures, other.
    pub counts: [Cell; 4],
    pub percents: [Cell; 4],
}

impl Outcome {
    pub fn finished(&self) -> Cell {
        self.counts[Status::Alle as usize]
    }
    pub fn count(&self, s: Status) -> Cell {
        self.counts[s as usize]
    }
    pub fn percent(&self, s: Status) -> Cell {
        self.percents[s as usize]
    }
    /// The share in work or education, as the views show it.
    pub fn share(&self) -> Share {
        match (self.finished(), self.percent(Status::Arbutd)) {
            (Cell::Value(0), _) => Share::NoCompleters,
            (_, Cell::Value(percent)) => Share::Published {
                percent,
                count: self.count(Status::Arbutd).value(),
                finished: self.finished().value(),
            },
            (_, Cell::Suppressed) => Share::Suppressed { finished: self.finished().value() },
        }
    }
}

/// The share in work or education for one point of a series.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Share {
    /// Per cent as published by SSB, with the counts where they are published too.
    Published { percent: u16, count: Option<u16>, finished: Option<u16> },
    /// SSB suppressed the figure (`:`): too few persons. The number who finished may still be
    /// published.
    Suppressed { finished: Option<u16> },
    /// Nobody finished the programme in that region that year (a real zero).
    NoCompleters,
    /// The region has no row for that status year (e.g. it did not exist yet).
    NoData,
}

impl Share {
    pub fn percent(&self) -> Option<u16> {
        match self {
            Share::Published { percent, .. } => Some(*percent),
            _ => None,
        }
    }
}

/// One region's outcome for a cohort, or `None` where the table has no such cell
/// (the status year is outside 2011–2014 or the region has no row that year).
pub fn outcome(region: &RegionData, cohort: u16, years_after: u8, gender: Gender) -> Option<Outcome> {
    let status_year = status_year_of(cohort, years_after);
    let get = |s, u| region.cell(status_year, years_after, gender, s, u);
    let mut counts = [Cell::Suppressed; 4];
    let mut percents = [Cell::Suppressed; 4];
    for s in Status::ALL {
        counts[s as usize] = get(s, Unit::Count)?;
        percents[s as usize] = get(s, Unit::Percent)?;
    }
    Some(Outcome { status_year, cohort, years_after, gender, counts, percents })
}

/// [`outcome`] for a region given by level and code.
pub fn query(ds: &Dataset, level: Level, code: &str, cohort: u16, years_after: u8, gender: Gender) -> Option<Outcome> {
    outcome(ds.region(level, code)?, cohort, years_after, gender)
}

/// Cohorts the data follow `years_after` years later, oldest first.
pub fn cohorts(ds: &Dataset, years_after: u8) -> Vec<u16> {
    ds.status_years().iter().map(|&y| cohort_of(y, years_after)).collect()
}

/// One series of shares by cohort.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Series {
    pub code: String,
    pub name: String,
    pub points: Vec<Share>,
}

pub fn share_series(region: &RegionData, cohorts: &[u16], years_after: u8, gender: Gender) -> Series {
    Series {
        code: region.region.code.clone(),
        name: region.region.name.clone(),
        points: cohorts
            .iter()
            .map(|&c| outcome(region, c, years_after, gender).map_or(Share::NoData, |o| o.share()))
            .collect(),
    }
}

/// The first view: a kommune's share in work or education one year after, by cohort, beside
/// the country and the goal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GoalComparison {
    pub cohorts: Vec<u16>,
    pub kommune: Series,
    pub land: Series,
    pub goal: u16,
}

pub fn goal_comparison(ds: &Dataset, kommune_code: &str) -> Option<GoalComparison> {
    let kommune = ds.region(Level::Kommune, kommune_code)?;
    let cohorts = cohorts(ds, 1);
    Some(GoalComparison {
        kommune: share_series(kommune, &cohorts, 1, Gender::Alle),
        land: share_series(ds.land(), &cohorts, 1, Gender::Alle),
        cohorts,
        goal: GOAL_PERCENT,
    })
}
