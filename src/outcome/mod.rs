//! Outcomes: what became of a cohort, as published — counts and per cent, each a value or
//! suppressed — and the series the views draw.

use crate::gather::Gather;
use crate::data::{cohort_of, percent_of, status_year_of, Cell, Dataset, Gender, Level, RegionData, Source, Status, TodayFylke, TodayKommune, Unit};
use crate::data::Embedded;
use crate::place::Place;
use serde::Serialize;

pub mod stats;

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
            (_, Cell::NotYet) => Share::NotYet,
            (_, Cell::NotApplicable) => Share::NotApplicable,
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
    /// SSB has no figure yet (`..`).
    NotYet,
    /// Not applicable (`.`): the kommune did not exist.
    NotApplicable,
    /// Nobody finished the programme in that region that year (a real zero).
    NoCompleters,
    /// Today's kommune is several former kommuner, and at least one of them has this cell
    /// suppressed, so no sum can be shown (their own figures are shown instead).
    Incomplete { finished: Option<u16> },
    /// Today's kommune holds part of a former kommune that was divided: numbers are never divided,
    /// so there is no figure for today's kommune as a whole.
    Divided,
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
    if !(1..=5).contains(&years_after) {
        return None;
    }
    // The status year's row found once, and the eight cells side by side in it.
    let cells = region.years.get(&status_year)?.get(crate::data::cells_of(years_after, gender))?;
    let mut counts = [Cell::Suppressed; 4];
    let mut percents = [Cell::Suppressed; 4];
    for s in Status::ALL {
        counts[s as usize] = cells[2 * s as usize];
        percents[s as usize] = cells[2 * s as usize + 1];
    }
    Some(Outcome { status_year, cohort, years_after, gender, counts, percents })
}

/// [`outcome`] for a region given by level and code.
pub fn query(ds: &Dataset, level: Level, code: &str, cohort: u16, years_after: u8, gender: Gender) -> Option<Outcome> {
    outcome(ds.region(level, code)?, cohort, years_after, gender)
}

/// Cohorts the data follow `years_after` years later, oldest first.
pub fn cohorts(ds: &Dataset, years_after: u8) -> Vec<u16> {
    status_years(ds).iter().map(|&y| cohort_of(y, years_after)).gather()
}

/// One series of shares by cohort.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Series {
    pub code: String,
    pub name: String,
    pub points: Vec<Share>,
}

pub fn share_series(region: &RegionData, cohorts: &[u16], years_after: u8, gender: Gender) -> Series {
    let subject = Subject::Region(region);
    Series { code: region.region.code.clone(), name: region.region.name.clone(), points: subject.shares(cohorts, years_after, gender) }
}

/// Whom a bar or series stands for; the text module words the label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Who {
    Region(String),
    /// A former kommune, shown where today's kommune has no figure of its own.
    Former(Former),
    /// Today's fylke (or, for a bydel, Oslo), or the fylke as the table had it (the fylke of the day).
    Fylke { name: String, today: bool },
    Land,
}

/// Sums outcomes of several former kommuner into one: a count only where every part publishes
/// it (a real 0 counts as 0), the per cent recomputed from the summed counts. One part alone is
/// carried over unchanged, its published per cent included.
pub fn combine(parts: &[Outcome]) -> Option<Outcome> {
    let (first, rest) = parts.split_first()?;
    if rest.is_empty() {
        return Some(first.clone());
    }
    let mut out = first.clone();
    for s in Status::ALL {
        let i = s as usize;
        let sum = parts.iter().try_fold(0u32, |acc, p| p.counts[i].value().map(|v| acc + v as u32));
        out.counts[i] = match sum.and_then(|v| u16::try_from(v).ok()) {
            Some(v) => Cell::Value(v),
            None => gap(parts.iter().map(|p| p.counts[i])),
        };
    }
    for s in Status::ALL {
        out.percents[s as usize] = match (out.finished(), out.count(s)) {
            (Cell::Value(0), _) => Cell::Value(0), // as SSB writes it where nobody finished
            (Cell::Value(f), Cell::Value(c)) => Cell::Value(percent_of(c, f as u32)),
            (f, c) => gap([f, c].into_iter()),
        };
    }
    Some(out)
}

/// Why a sum has no figure, from its parts' cells: suppressed if any part is (too few persons
/// is what a reader most needs to know), else not yet if any part is, else not applicable.
fn gap(cells: impl Iterator<Item = Cell> + Clone) -> Cell {
    [Cell::Suppressed, Cell::NotYet, Cell::NotApplicable].into_iter().find(|g| cells.clone().any(|c| c == *g)).unwrap_or(Cell::Suppressed)
}

/// Whatever a view shows a figure for: one region of the table, or several summed (today's
/// kommune from its former kommuner, today's fylke from the fylker of the day).
#[derive(Clone, Debug)]
pub enum Subject<'a> {
    Region(&'a RegionData),
    /// Summed where every part publishes a cell; `divided` when a part is only partly inside,
    /// in which case there is never a figure.
    Parts { parts: Vec<&'a RegionData>, divided: bool },
}

impl<'a> Subject<'a> {
    /// The outcome, summed where there are several parts; `None` where there is no row or the
    /// subject holds part of a divided kommune.
    pub fn outcome(&self, cohort: u16, years_after: u8, gender: Gender) -> Option<Outcome> {
        match self {
            Subject::Region(r) => outcome(r, cohort, years_after, gender),
            Subject::Parts { divided: true, .. } => None,
            // One part: its own outcome, as `combine` gives it, without gathering.
            Subject::Parts { parts, .. } if parts.len() == 1 => outcome(parts[0], cohort, years_after, gender),
            Subject::Parts { parts, .. } => {
                let present: Vec<Outcome> = parts.iter().filter_map(|r| outcome(r, cohort, years_after, gender)).gather();
                combine(&present)
            }
        }
    }

    pub fn share(&self, cohort: u16, years_after: u8, gender: Gender) -> Share {
        if let Subject::Parts { divided: true, .. } = self {
            return Share::Divided;
        }
        // A sum only where several parts have a row that year: a kommune renumbered (0834 →
        // 3825 → 4036 Vinje) has one part a year, and a suppressed cell there is just that.
        let year = status_year_of(cohort, years_after);
        let several = matches!(self, Subject::Parts { parts, .. } if parts.iter().filter(|r| r.years.get(&year).is_some()).count() > 1);
        match self.outcome(cohort, years_after, gender).map(|o| o.share()) {
            None => Share::NoData,
            Some(Share::Suppressed { finished }) if several => Share::Incomplete { finished },
            Some(share) => share,
        }
    }

    pub fn shares(&self, cohorts: &[u16], years_after: u8, gender: Gender) -> Vec<Share> {
        cohorts.iter().map(|&c| self.share(c, years_after, gender)).gather()
    }
}

pub fn today_subject<'a>(ds: &'a Dataset, k: &TodayKommune) -> Subject<'a> {
    Subject::Parts {
        parts: k.sources.iter().filter_map(|s| ds.region(Level::Kommune, &s.code)).gather(),
        divided: k.sources.iter().any(|s| s.split.is_some()),
    }
}

/// How a former kommune is labelled beside today's: "tidligere <name>" and, for a divided one,
/// the year it was divided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Former {
    pub code: String,
    pub name: String,
    pub divided: Option<u16>,
}

/// A series of a former kommune, shown where today's kommune has no figure of its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FormerSeries {
    pub former: Former,
    pub series: Series,
}

/// The region a kommune is compared with: today's fylke where its figures can be summed from
/// published cells for every cohort, otherwise the fylke of the day, named as such.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FylkeSeries {
    /// True for today's fylke (or, for a bydel, Oslo), false for the fylke of the day (as the table had it).
    pub today: bool,
    pub series: Series,
}

/// What a view compares: the chosen region, its former kommuner, its fylke and the country.
#[derive(Clone, Debug)]
pub struct Subjects<'a> {
    pub code: String,
    pub name: String,
    pub kommune: Subject<'a>,
    pub formers: Vec<(Former, &'a RegionData)>,
    /// Label, whether it is today's fylke, and how to compute it.
    pub fylke: Option<(String, bool, Subject<'a>)>,
    pub land: &'a RegionData,
}

/// [`Dataset::status_years`], kept for the embedded data: every view asks for it, several times,
/// and it walks every region.
pub fn status_years(ds: &Dataset) -> Vec<u16> {
    static EMBEDDED: std::sync::OnceLock<Vec<u16>> = std::sync::OnceLock::new();
    match ds.is_embedded() {
        true => EMBEDDED.get_or_init(|| ds.status_years()).clone(),
        false => ds.status_years(),
    }
}

/// Today's fylke as a subject, where every one-year-after cohort can be summed from published
/// cells (see [`today_fylke_parts`]).
pub fn fylke_subject<'a>(ds: &'a Dataset, fylke: &TodayFylke) -> Option<Subject<'a>> {
    today_fylke_subject(ds, fylke, &cohorts(ds, 1))
}

/// [`today_fylke_parts`] as a subject, kept per fylke for the embedded data: deciding it scans
/// every kommune's sources and sums their cells, the larger part of computing a view.
fn today_fylke_subject<'a>(ds: &'a Dataset, fylke: &TodayFylke, cohorts: &[u16]) -> Option<Subject<'a>> {
    let parts = if ds.is_embedded() {
        // (fylke code, cohorts) → the parts' positions in `ds.regions`.
        type Memo = Vec<((String, Vec<u16>), Option<Vec<usize>>)>;
        static MEMO: std::sync::Mutex<Memo> = std::sync::Mutex::new(Vec::new());
        let mut memo = MEMO.lock().unwrap_or_else(|e| e.into_inner());
        let key = (fylke.code.clone(), cohorts.to_vec());
        let kept = match memo.iter().find(|(k, _)| *k == key) {
            Some((_, kept)) => kept.clone(),
            None => {
                let position = |r: &RegionData| ds.regions.iter().position(|x| std::ptr::eq(x, r)).expect("a region of ds");
                let kept = today_fylke_parts(ds, fylke, cohorts).map(|parts| parts.into_iter().map(position).gather());
                memo.push((key, kept.clone()));
                kept
            }
        };
        kept.map(|ix: Vec<usize>| ix.into_iter().map(|i| &ds.regions[i]).gather())
    } else {
        today_fylke_parts(ds, fylke, cohorts)
    };
    parts.map(|parts| Subject::Parts { parts, divided: false })
}

/// The regions whose sum is today's fylke, if every one-year-after cohort can be summed from
/// published kommune cells of kommuner lying wholly in it, or from the fylker of the day it
/// consists of.
fn today_fylke_parts<'a>(ds: &'a Dataset, fylke: &TodayFylke, cohorts: &[u16]) -> Option<Vec<&'a RegionData>> {
    let mut sources: Vec<&Source> = ds.map.kommuner.iter().filter(|k| k.fylke == fylke.code).flat_map(|k| k.sources.iter()).gather();
    // A former kommune divided across fylker cannot be counted for either.
    let crosses = sources.iter().any(|s| {
        ds.map.kommuner.iter().any(|k| k.fylke != fylke.code && k.sources.iter().any(|o| o.code == s.code))
    });
    if crosses {
        return None;
    }
    crate::sort::sort_by(&mut sources, |a, b| a.code < b.code);
    sources.dedup_by(|a, b| a.code == b.code);
    let complete = |parts: &[&RegionData]| {
        let sum = Subject::Parts { parts: parts.to_vec(), divided: false };
        sum.shares(cohorts, 1, Gender::Alle).iter().all(|p| p.percent().is_some())
    };
    let kommuner: Vec<&RegionData> = sources.iter().filter_map(|s| ds.region(Level::Kommune, &s.code)).gather();
    if complete(&kommuner) {
        return Some(kommuner);
    }
    // Where today's fylke is exactly one or more fylker of the day (Rogaland, Agder = Aust- and
    // Vest-Agder, …), their published rows sum the same way.
    let mut old_fylker: Vec<&str> = sources.iter().map(|s| &s.code[..2]).gather();
    crate::sort::sort_by(&mut old_fylker, |a, b| a < b);
    old_fylker.dedup();
    let exact = ds
        .kommuner()
        .filter(|r| old_fylker.contains(&&r.region.code[..2]))
        .all(|r| sources.iter().any(|s| s.code == r.region.code));
    let rows: Vec<&RegionData> = old_fylker.iter().filter_map(|f| ds.region(Level::Fylke, f)).gather();
    if !exact || rows.len() != old_fylker.len() {
        return None;
    }
    complete(&rows).then_some(rows)
}

/// The fylke of the day (as the table had it) in which most of a kommune's completers lived: each source weighs
/// with its published numbers of finished, one year after, over all status years.
fn fylke_of_the_day<'a>(ds: &'a Dataset, sources: &[Source]) -> Option<&'a RegionData> {
    let mut weights: Vec<(&str, u32)> = Vec::new();
    for s in sources {
        let finished: u32 = ds.region(Level::Kommune, &s.code).map_or(0, |r| {
            r.years.keys().filter_map(|&y| r.cell(y, 1, Gender::Alle, Status::Alle, Unit::Count)?.value()).map(u32::from).sum()
        });
        let f = &s.code[..2];
        match weights.iter_mut().find(|(c, _)| *c == f) {
            Some(e) => e.1 += finished,
            None => weights.push((f, finished)),
        }
    }
    // The first listed (lowest number) wins a tie.
    let best = weights.iter().rev().max_by_key(|(_, n)| *n)?.0;
    ds.region(Level::Fylke, best)
}

/// The place's own figures: today's kommune summed from its former kommuner, or the bydel's row.
pub fn place_subject<'a>(ds: &'a Dataset, place: &Place<'a>) -> Subject<'a> {
    match *place {
        Place::Kommune(k) => today_subject(ds, k),
        Place::Bydel { region, .. } => Subject::Region(region),
    }
}

/// The subjects of every view for a place.
pub fn subjects<'a>(ds: &'a Dataset, place: &Place<'a>) -> Subjects<'a> {
    let land = ds.land();
    let cohorts = cohorts(ds, 1);
    let code = place.code().to_string();
    let name = place.name().to_string();
    let k = match *place {
        // Compared with its own kommune: the one its first four digits numbered in the table.
        Place::Bydel { kommune, .. } => {
            let fylke = Some((kommune.region.name.clone(), true, Subject::Region(kommune)));
            return Subjects { code, name, kommune: place_subject(ds, place), formers: Vec::new(), fylke, land };
        }
        Place::Kommune(k) => k,
    };
    let kommune = place_subject(ds, place);
    let formers = k
        .sources
        .iter()
        .filter_map(|s| {
            let r = ds.region(Level::Kommune, &s.code)?;
            Some((Former { code: s.code.clone(), name: r.region.name.clone(), divided: s.split.as_ref().map(|x| x.year) }, r))
        })
        .gather();
    let fylke = ds
        .map
        .fylker
        .iter()
        .find(|f| f.code == k.fylke)
        .and_then(|f| Some((f.name.clone(), true, today_fylke_subject(ds, f, &cohorts)?)))
        .or_else(|| fylke_of_the_day(ds, &k.sources).map(|r| (r.region.name.clone(), false, Subject::Region(r))))
        // Oslo is a fylke of one kommune: the same figures twice would tell nothing.
        .filter(|(_, _, f)| f.shares(&cohorts, 1, Gender::Alle) != kommune.shares(&cohorts, 1, Gender::Alle));
    Subjects { code, name, kommune, formers, fylke, land }
}

