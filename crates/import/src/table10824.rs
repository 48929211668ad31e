//! SSB table 10824 in JSON-stat 2.0: a cube from PxWebApi v2 read into the project's [`Dataset`]
//! with validation, and a dataset written back in SSB's layout.
//!
//! Native only, like `jsonstat.rs`: the build script and `cargo xtask refresh` use it through this
//! crate. It reads one file's text; the data directory (this file or the CSV extract) is
//! [`crate::import::import_data_dir`]'s.
//!
//! # SSB's conventions, and what becomes of them
//!
//! Dimensions (ids as PxWebApi uses them, in any order; the order comes from `id`):
//! `Region`, `Kjonn` (`0` both, `1` menn, `2` kvinner), `IntroAvbrudd` (`01`–`05`: finished 1–5
//! years before the status year), `Arbeidsmarkedsstatus` (`00` all, `1` work/education, `2`
//! unemployed/measures, `3` other; the sub-statuses `11`, `15`, … are read past),
//! `ContentsCode` (`DeltakereProg` persons by residence during the programme, `DeltakereProg1` the
//! same in per cent; `Deltakere`/`Deltakere1`, by current residence, are read past), `Tid`
//! (status year). Any other dimension must have exactly one category.
//!
//! Region codes: `0` the country (`00` too), 2 digits a fylke, 4 a kommune, 6 an Oslo bydel;
//! `K-0301`/`F-03` (PxWebApi's aggregation code lists) are read as the plain code; the PxWeb v1
//! forms `030101a` and `030100aa` (Oslo i alt) too. Kommune codes of several structures side by
//! side (`1729` and `1756`) are separate regions, as SSB publishes them. `030100` (Oslo i alt in
//! the bydel list) is compared with kommune `0301` and not kept. `N01`… (næringsregioner) are read
//! past. Two categories that normalise to the same region are duplicate cells: an error.
//!
//! Status symbols (SSB's standard table symbols):
//! - `:` — not published for confidentiality (too few persons) → [`Cell::Suppressed`].
//! - `..` — data not available; `.` — not applicable (the category was not in use, e.g. a
//!   kommune number that did not exist that year); `...` — not yet available. **None of them is
//!   ever a zero.** A region's status year whose cells are all like this is *not published*: the
//!   region has no row for that year (the widget says "no figures"). Inside a year that does have
//!   figures such a cell keeps its meaning: `..` and `...` become [`Cell::NotYet`], `.`
//!   [`Cell::NotApplicable`], each worded apart to the screen; the report lists each such year
//!   as a warning, so it is never silent.
//! - `-` — nil, a real zero (older tables) → `Value(0)`.
//! - `*` — preliminary figure: the value is kept and the dataset is marked preliminary.
//! - a value of `null` with no status, or a sparse cell not given, is *missing*: an error
//!   ("cohort missing"), because SSB always says why a figure is absent.
//! - anything else is an unknown status: an error.
//!
//! Values: counts are whole numbers 0–65 535, per cent whole numbers 0–100 (table 10824 publishes
//! whole per cent); anything else is "count out of range", an error.
//!
//! Figures against each other ([`crate::check`], the same check the CSV extract goes through):
//! a status count above the number who finished, the statuses together above it, or a per cent
//! one point or more from 100 × count ÷ finished is refused, with the cells. The few such figures
//! of the vendored 2015 extract ([`crate::check::KNOWN_DEFECTS`]) are let through exactly as they
//! stand and reported ([`Problem::KnownDefect`]).
//!
//! Reported, not refused: Oslo i alt differing from kommune 0301.

use crate::check::{self, Rule};
use crate::jsonstat::{self, Cube, ErrorKind};
use intro_status_model::*;
use std::collections::BTreeMap;
use std::fmt;

/// The JSON-stat 2.0 file `cargo xtask refresh` writes into `data/ssb10824/`, read by the build
/// in place of the CSV extract when it is there.
pub const FILE_NAME: &str = "table10824.jsonstat2.json";
/// Beside it: when and from where it was fetched (`{"fetched": "YYYY-MM-DD", "from": "…"}`).
pub const FETCH_FILE_NAME: &str = "table10824.fetch.json";

pub const DIM_REGION: &str = "Region";
pub const DIM_GENDER: &str = "Kjonn";
pub const DIM_YEARS_AFTER: &str = "IntroAvbrudd";
pub const DIM_STATUS: &str = "Arbeidsmarkedsstatus";
pub const DIM_CONTENTS: &str = "ContentsCode";
pub const DIM_TIME: &str = "Tid";
/// The dimensions in the order of table 10824's metadata (and of what [`write`] writes).
pub const DIMENSIONS: [&str; 6] = [DIM_REGION, DIM_GENDER, DIM_YEARS_AFTER, DIM_STATUS, DIM_CONTENTS, DIM_TIME];

pub const GENDER_CODES: [(&str, Gender, &str); 3] =
    [("0", Gender::Alle, "Begge kjønn"), ("1", Gender::Menn, "Menn"), ("2", Gender::Kvinner, "Kvinner")];
pub const YEARS_AFTER_CODES: [(&str, u8, &str); 5] = [
    ("01", 1, "Ett år tidligere"),
    ("02", 2, "To år tidligere"),
    ("03", 3, "Tre år tidligere"),
    ("04", 4, "Fire år tidligere"),
    ("05", 5, "Fem år tidligere"),
];
pub const STATUS_CODES: [(&str, Status, &str); 4] = [
    ("00", Status::Alle, "Arbeidssituasjon i alt"),
    ("1", Status::Arbutd, "Sysselsatt og / eller under utdanning, i alt"),
    ("2", Status::LedigTiltak, "Registrert arbeidsledig og/eller på tiltak, i alt"),
    ("3", Status::Annet, "Annen eller ukjent status, i alt"),
];
/// Sub-statuses of the table, read past.
pub const SUB_STATUS_CODES: [&str; 12] = ["11", "15", "05", "21", "22", "32", "31", "33", "34", "35", "80", "08"];
pub const CONTENTS_CODES: [(&str, Unit, &str); 2] = [
    ("DeltakereProg", Unit::Count, "Personer, etter bosted ved programdeltakelse"),
    ("DeltakereProg1", Unit::Percent, "Personer, etter bosted ved programdeltakelse (prosent)"),
];
/// By current residence: another measure, read past.
pub const OTHER_CONTENTS_CODES: [&str; 2] = ["Deltakere", "Deltakere1"];

const TITLE: &str = "Tidligere deltakere i introduksjonsprogrammet for innvandrere, etter region, kjønn, \
avsluttet eller avbrutt introduksjonsprogram, arbeidsmarkedsstatus, statistikkvariabel og år";
const DIMENSION_LABELS: [&str; 6] =
    ["region", "kjønn", "avsluttet eller avbrutt introduksjonsprogram", "arbeidsmarkedsstatus", "statistikkvariabel", "år"];
/// The note [`write`] gives a preliminary dataset, so that reading it back keeps the flag.
const PRELIMINARY_NOTE: &str = "Foreløpige tall";

/// At most this many errors are collected before the reader stops listing them.
const MAX_ERRORS: usize = 200;

/// What went wrong, or what is worth a look. The first group refuses the data; the second is
/// reported and the data are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Problem {
    /// Not JSON-stat 2.0, or broken JSON.
    Format,
    /// The cube is some other table.
    WrongTable,
    MissingDimension,
    /// A dimension lacks a category the project needs (e.g. `Kjonn` without `2`).
    MissingCategory,
    /// A dimension this table does not have, with more than one category.
    UnexpectedDimension,
    /// A category code the table does not have (a region, gender, status, … code).
    UnknownCategory,
    /// A cell status symbol SSB does not use.
    UnknownStatus,
    /// A cell with both a value and a status that says there is none (e.g. `:` and `5`).
    StatusConflict,
    /// A count that is not a whole number 0–65 535, or a per cent not a whole number 0–100.
    CountOutOfRange,
    /// Cells with neither a value nor a status: a cohort (or a cell of it) missing for a region.
    CohortMissing,
    /// The same cell twice: a duplicate key, category or sparse cell, or two region codes that
    /// mean the same region.
    DuplicateCell,
    /// A status count larger than the number who finished.
    CountExceedsTotal,
    /// The status counts together larger than the number who finished.
    StatusesExceedTotal,
    /// A per cent one point or more from 100 × count ÷ finished (or not 0 where nobody finished).
    PercentMismatch,
    // --- reported, not refused ---
    /// One of [`crate::check::KNOWN_DEFECTS`]: a figure of the vendored extract that breaks a
    /// rule above, let through exactly as it stands.
    KnownDefect,
    /// `..`, `.` or `...` inside a status year that has figures: kept as its own cell, never 0.
    NotAvailable,
    /// Oslo i alt (bydel list) and kommune 0301 publish different figures for a cell.
    OsloTotalDiffers,
    /// A region without a label: its code is its name.
    MissingLabel,
}

impl Problem {
    pub fn is_error(self) -> bool {
        self < Problem::KnownDefect
    }
}

/// One located finding. `location` is a JSON path, often with the cell's categories:
/// `$.value[1234] (Region=0301, Kjonn=0, IntroAvbrudd=01, …)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub problem: Problem,
    pub location: String,
    pub message: String,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// Warnings and notes from reading a table that was accepted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub warnings: Vec<Issue>,
    pub notes: Vec<String>,
}

impl Report {
    pub fn count(&self, p: Problem) -> usize {
        self.warnings.iter().filter(|w| w.problem == p).count()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for n in &self.notes {
            writeln!(f, "note: {n}")?;
        }
        const SHOWN: usize = 25;
        for w in self.warnings.iter().take(SHOWN) {
            writeln!(f, "warning: {w}")?;
        }
        if self.warnings.len() > SHOWN {
            writeln!(f, "warning: … and {} more", self.warnings.len() - SHOWN)?;
        }
        Ok(())
    }
}

/// A table that was read and accepted.
#[derive(Debug, Clone)]
pub struct Imported {
    pub dataset: Dataset,
    pub report: Report,
}

/// A table that was refused: every error found (up to a limit), and what else was noticed.
#[derive(Debug, Clone)]
pub struct Rejected {
    pub errors: Vec<Issue>,
    /// Errors beyond those listed.
    pub more: usize,
    pub report: Report,
}

impl Rejected {
    pub fn has(&self, p: Problem) -> bool {
        self.errors.iter().any(|e| e.problem == p)
    }
}

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const SHOWN: usize = 30;
        let total = self.errors.len() + self.more;
        write!(f, "table {TABLE} refused, {total} error{}:", if total == 1 { "" } else { "s" })?;
        for e in self.errors.iter().take(SHOWN) {
            write!(f, "\n  {e}")?;
        }
        if total > SHOWN {
            write!(f, "\n  … and {} more", total - SHOWN)?;
        }
        Ok(())
    }
}

impl std::error::Error for Rejected {}

#[derive(Default)]
struct Findings {
    errors: Vec<Issue>,
    more: usize,
    report: Report,
}

impl Findings {
    fn error(&mut self, problem: Problem, location: impl Into<String>, message: impl Into<String>) {
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(Issue { problem, location: location.into(), message: message.into() });
        } else {
            self.more += 1;
        }
    }
    fn warn(&mut self, problem: Problem, location: impl Into<String>, message: impl Into<String>) {
        self.report.warnings.push(Issue { problem, location: location.into(), message: message.into() });
    }
    fn reject(self) -> Rejected {
        Rejected { errors: self.errors, more: self.more, report: self.report }
    }
}

/// Reads a JSON-stat 2.0 text of table 10824.
pub fn read(text: &str) -> Result<Imported, Rejected> {
    let cube = jsonstat::parse(text).map_err(|e| {
        let problem = if e.kind == ErrorKind::Duplicate { Problem::DuplicateCell } else { Problem::Format };
        let mut f = Findings::default();
        f.error(problem, e.path, e.message);
        f.reject()
    })?;
    from_cube(&cube)
}

/// What a region category is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum RegionKind {
    Region(Level, String),
    /// `030100`: Oslo i alt in the bydel list.
    OsloTotal,
    /// Næringsregioner (`N01`…): not part of this project.
    Ignored,
}

fn classify_region(raw: &str) -> Result<RegionKind, String> {
    let bad = || format!("{raw:?} is not a region code of table {TABLE} (country, fylke, kommune or bydel)");
    let (prefix, rest) = match raw.split_once('-') {
        Some((p @ ("K" | "F"), r)) => (Some(p), r),
        Some(_) => return Err(bad()),
        None => (None, raw),
    };
    if prefix.is_none() && rest.len() > 1 && rest.starts_with('N') && rest[1..].bytes().all(|b| b.is_ascii_digit()) {
        return Ok(RegionKind::Ignored);
    }
    let digits = rest.trim_end_matches(|c: char| c.is_ascii_lowercase());
    let lettered = digits.len() != rest.len();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || (lettered && (prefix.is_some() || digits.len() != 6)) {
        return Err(bad());
    }
    Ok(match (prefix, digits.len()) {
        (None, 1) if digits == "0" => RegionKind::Region(Level::Land, "0".into()),
        (None, 2) if digits == "00" => RegionKind::Region(Level::Land, "0".into()),
        (None | Some("F"), 2) => RegionKind::Region(Level::Fylke, digits.into()),
        (None | Some("K"), 4) => RegionKind::Region(Level::Kommune, digits.into()),
        (None, 6) if digits == "030100" => RegionKind::OsloTotal,
        (None, 6) => RegionKind::Region(Level::Bydel, digits.into()),
        _ => return Err(bad()),
    })
}

fn category_path(dim: &str, pos: usize, code: &str) -> String {
    format!("$.dimension.{dim}.category.index[{pos}] ({code:?})")
}

/// Positions in `dim` of the categories `known` names, in `known`'s order; codes in `skip` are
/// read past; any other code is an error, as is a known code the dimension lacks.
fn map_axis(cube: &Cube, dim: &str, known: &[&str], skip: &[&str], f: &mut Findings) -> Vec<usize> {
    let Some((_, d)) = cube.dimension(dim) else { return Vec::new() };
    let mut found: Vec<Option<usize>> = vec![None; known.len()];
    for (pos, c) in d.categories.iter().enumerate() {
        match known.iter().position(|k| *k == c.id) {
            Some(k) if found[k].is_some() => {
                f.error(Problem::DuplicateCell, category_path(dim, pos, &c.id), "the same category twice")
            }
            Some(k) => found[k] = Some(pos),
            None if skip.contains(&c.id.as_str()) => {}
            None => f.error(
                Problem::UnknownCategory,
                category_path(dim, pos, &c.id),
                format!("unknown {dim} code {:?}; table {TABLE} has {}", c.id, known.iter().chain(skip).copied().collect::<Vec<_>>().join(", ")),
            ),
        }
    }
    for (k, p) in known.iter().zip(&found) {
        if p.is_none() {
            f.error(Problem::MissingCategory, format!("$.dimension.{dim}.category.index"), format!("no {dim} category {k:?}"));
        }
    }
    found.into_iter().map(|p| p.unwrap_or(0)).collect()
}

/// The table number the cube says it is (`extension.px.tableid`, else the label's `NNNNN:`).
fn table_id(cube: &Cube) -> Option<String> {
    let from_px = cube.extension.as_ref().and_then(|e| e.get("px")?.get("tableid")?.as_str().map(String::from));
    from_px.or_else(|| {
        let (id, _) = cube.label.as_deref()?.split_once(':')?;
        (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())).then(|| id.to_string())
    })
}

/// A region's label without the years PxWebApi v2 adds to a code no longer valid: "Halden
/// (2020-2023)" → "Halden"; any other label as it is.
fn without_period(label: &str) -> String {
    let period = label.strip_suffix(')').and_then(|l| l.rsplit_once(" (")).filter(|(_, years)| {
        let (a, b) = years.split_once(['-', '–']).unwrap_or(("", "x"));
        [a, b].iter().all(|y| y.is_empty() || (y.len() == 4 && y.bytes().all(|c| c.is_ascii_digit()))) && a.len() == 4
    });
    period.map_or(label, |(name, _)| name).to_string()
}

#[test]
fn a_label_loses_only_its_period() {
    assert_eq!(without_period("Halden (2020-2023)"), "Halden");
    assert_eq!(without_period("Hordaland (2011-2019)"), "Hordaland");
    assert_eq!(without_period("Vinje (2024-)"), "Vinje");
    assert_eq!(without_period("Herøy (Nordland)"), "Herøy (Nordland)");
    assert_eq!(without_period("Porsanger - Porsáŋgu - Porsanki"), "Porsanger - Porsáŋgu - Porsanki");
    assert_eq!(without_period("(2011-2019)"), "(2011-2019)");
}

fn mentions_preliminary(text: &str) -> bool {
    let t = text.to_lowercase();
    ["foreløpig", "forelopig", "førebels", "preliminary", "provisional"].iter().any(|m| t.contains(m))
}

fn strings_in(json: &serde_json::Value, out: &mut Vec<String>) {
    match json {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings_in(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| strings_in(x, out)),
        _ => {}
    }
}

/// `YYYY-MM-DD` and nothing else.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
        && (1..=12).contains(&s[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u8>().unwrap_or(0))
}

/// A cell as the table gives it, before it becomes a [`Cell`].
#[derive(Clone, Copy, PartialEq)]
enum Raw {
    Value(u16),
    Suppressed,
    /// `..` or `...`: not available (yet).
    NotAvailable,
    /// `.`: not applicable (the kommune did not exist).
    NotApplicable,
    Missing,
}

const NOT_AVAILABLE: [&str; 3] = ["..", ".", "..."];

fn symbol_meaning(s: &str) -> &'static str {
    match s {
        ":" => "not published for confidentiality",
        ".." => "data not available",
        "." => "not applicable",
        "..." => "not yet available",
        "-" => "nil",
        "*" => "preliminary",
        _ => "unknown",
    }
}

fn read_cell(cube: &Cube, i: usize, unit: Unit, preliminary: &mut bool, f: &mut Findings) -> Raw {
    let value = cube.values.get(i).copied().flatten();
    let status = cube.status_of(i);
    let at = || format!("$.value[{i}] ({})", cube.describe(i));
    let number = |v: f64, f: &mut Findings| {
        let (max, what) = match unit {
            Unit::Count => (u16::MAX as f64, "count"),
            Unit::Percent => (100.0, "per cent"),
        };
        if v.fract() != 0.0 || !(0.0..=max).contains(&v) {
            f.error(Problem::CountOutOfRange, at(), format!("{what} {v} is not a whole number from 0 to {max}"));
            return Raw::Suppressed;
        }
        Raw::Value(v as u16)
    };
    match (value, status) {
        (Some(v), None) => number(v, f),
        (Some(v), Some("*")) => {
            *preliminary = true;
            number(v, f)
        }
        (Some(0.0), Some("-")) => Raw::Value(0),
        (Some(v), Some(s)) if s == ":" || s == "-" || NOT_AVAILABLE.contains(&s) => {
            f.error(
                Problem::StatusConflict,
                format!("$.status[\"{i}\"] ({})", cube.describe(i)),
                format!("the cell has the value {v} and the status {s:?} ({})", symbol_meaning(s)),
            );
            Raw::Suppressed
        }
        (None, Some(":")) => Raw::Suppressed,
        (None, Some("-")) => Raw::Value(0),
        (None, Some(".")) => Raw::NotApplicable,
        (None, Some(s)) if NOT_AVAILABLE.contains(&s) => Raw::NotAvailable,
        (None, None) | (None, Some("*")) => Raw::Missing,
        (_, Some(s)) => {
            f.error(
                Problem::UnknownStatus,
                format!("$.status[\"{i}\"] ({})", cube.describe(i)),
                format!("unknown status symbol {s:?}; SSB uses \":\", \"..\", \".\", \"...\", \"-\" and \"*\""),
            );
            Raw::Suppressed
        }
    }
}

/// Maps a JSON-stat cube of table 10824 into a [`Dataset`], validating it.
pub fn from_cube(cube: &Cube) -> Result<Imported, Rejected> {
    let mut f = Findings::default();
    if let Some(t) = table_id(cube).filter(|t| t != TABLE) {
        f.error(Problem::WrongTable, "$.extension.px.tableid", format!("this is table {t}, not {TABLE}"));
        return Err(f.reject());
    }
    let ids: Vec<&str> = cube.dimensions.iter().map(|d| d.id.as_str()).collect();
    for id in DIMENSIONS {
        if !ids.contains(&id) {
            f.error(Problem::MissingDimension, "$.id", format!("no dimension {id:?}; the cube has {}", ids.join(", ")));
        }
    }
    for (i, d) in cube.dimensions.iter().enumerate() {
        if !DIMENSIONS.contains(&d.id.as_str()) {
            if d.categories.len() == 1 {
                f.report.notes.push(format!("dimension {:?} has one category ({:?}); read past", d.id, d.categories[0].id));
            } else {
                f.error(
                    Problem::UnexpectedDimension,
                    format!("$.id[{i}]"),
                    format!("dimension {:?} with {} categories is not part of table {TABLE}", d.id, d.categories.len()),
                );
            }
        }
    }
    if cube.values.len() != cube.cell_count() {
        f.error(Problem::Format, "$.value", format!("{} values for {} cells", cube.values.len(), cube.cell_count()));
    }
    if !f.errors.is_empty() {
        return Err(f.reject());
    }

    let gender = map_axis(cube, DIM_GENDER, &GENDER_CODES.map(|c| c.0), &[], &mut f);
    let years_after = map_axis(cube, DIM_YEARS_AFTER, &YEARS_AFTER_CODES.map(|c| c.0), &[], &mut f);
    let status = map_axis(cube, DIM_STATUS, &STATUS_CODES.map(|c| c.0), &SUB_STATUS_CODES, &mut f);
    let contents = map_axis(cube, DIM_CONTENTS, &CONTENTS_CODES.map(|c| c.0), &OTHER_CONTENTS_CODES, &mut f);

    let (_, tid) = cube.dimension(DIM_TIME).expect("checked above");
    let mut years: Vec<(u16, usize)> = Vec::new();
    for (pos, c) in tid.categories.iter().enumerate() {
        match c.id.parse::<u16>() {
            Ok(y) if c.id.len() == 4 && c.id.bytes().all(|b| b.is_ascii_digit()) && STATUS_YEAR_RANGE.contains(&y) => years.push((y, pos)),
            _ => f.error(Problem::UnknownCategory, category_path(DIM_TIME, pos, &c.id), format!("{:?} is not a status year", c.id)),
        }
    }
    years.sort();

    let (_, reg) = cube.dimension(DIM_REGION).expect("checked above");
    let mut regions: BTreeMap<(Level, String), usize> = BTreeMap::new();
    let mut oslo_total: Option<usize> = None;
    let mut ignored = Vec::new();
    for (pos, c) in reg.categories.iter().enumerate() {
        match classify_region(&c.id) {
            Ok(RegionKind::Region(level, code)) => {
                if let Some(&first) = regions.get(&(level, code.clone())) {
                    f.error(
                        Problem::DuplicateCell,
                        category_path(DIM_REGION, pos, &c.id),
                        format!(
                            "{} {code} again (also {:?} at index {first}): every one of its cells would be there twice",
                            level.as_str(),
                            reg.categories[first].id
                        ),
                    );
                } else {
                    regions.insert((level, code), pos);
                }
            }
            Ok(RegionKind::OsloTotal) => match oslo_total {
                Some(first) => f.error(
                    Problem::DuplicateCell,
                    category_path(DIM_REGION, pos, &c.id),
                    format!("Oslo i alt again (also {:?} at index {first})", reg.categories[first].id),
                ),
                None => oslo_total = Some(pos),
            },
            Ok(RegionKind::Ignored) => ignored.push(c.id.clone()),
            Err(m) => f.error(Problem::UnknownCategory, category_path(DIM_REGION, pos, &c.id), m),
        }
    }
    if !ignored.is_empty() {
        f.report.notes.push(format!("{} næringsregioner ({} …) read past", ignored.len(), ignored[0]));
    }
    if !f.errors.is_empty() {
        return Err(f.reject());
    }

    // Offsets of the 120 cells of one (region, status year) block, in the model's cell order.
    let strides = cube.strides();
    let stride = |id: &str| strides[cube.dimension(id).expect("checked above").0];
    let (s_reg, s_time) = (stride(DIM_REGION), stride(DIM_TIME));
    let mut offsets = vec![(0usize, Unit::Count); CELLS_PER_YEAR];
    for (ya_i, &(_, ya, _)) in YEARS_AFTER_CODES.iter().enumerate() {
        for (g_i, &(_, g, _)) in GENDER_CODES.iter().enumerate() {
            for (s_i, &(_, s, _)) in STATUS_CODES.iter().enumerate() {
                for (u_i, &(_, u, _)) in CONTENTS_CODES.iter().enumerate() {
                    let off = years_after[ya_i] * stride(DIM_YEARS_AFTER)
                        + gender[g_i] * stride(DIM_GENDER)
                        + status[s_i] * stride(DIM_STATUS)
                        + contents[u_i] * stride(DIM_CONTENTS);
                    offsets[cell_index(ya, g, s, u)] = (off, u);
                }
            }
        }
    }

    let mut preliminary = false;
    let mut not_published_rows = 0;
    let mut read_block = |pos: usize, (level, code): (Level, &str), what: &str, f: &mut Findings, preliminary: &mut bool| -> Years {
        let mut out = Years::new();
        for &(year, ypos) in &years {
            let base = pos * s_reg + ypos * s_time;
            let raw: Vec<Raw> = offsets.iter().map(|&(off, unit)| read_cell(cube, base + off, unit, preliminary, f)).collect();
            let n = |r: Raw| raw.iter().filter(|x| **x == r).count();
            let (missing, not_available) = (n(Raw::Missing), n(Raw::NotAvailable) + n(Raw::NotApplicable));
            if not_available == CELLS_PER_YEAR {
                not_published_rows += 1;
                continue;
            }
            if missing > 0 {
                for (k, chunk) in raw.chunks(CELLS_PER_YEARS_AFTER).enumerate() {
                    let gone = chunk.iter().filter(|r| **r == Raw::Missing).count();
                    if gone == 0 {
                        continue;
                    }
                    let ya = k as u8 + 1;
                    let first = chunk.iter().position(|r| *r == Raw::Missing).expect("gone > 0");
                    let i = base + offsets[k * CELLS_PER_YEARS_AFTER + first].0;
                    let cohort = year as i32 - ya as i32;
                    let message = if gone == CELLS_PER_YEARS_AFTER {
                        format!("cohort {cohort} ({ya} years after, status year {year}) is missing for {what}: no values and no status")
                    } else {
                        format!("{gone} of the {CELLS_PER_YEARS_AFTER} cells of cohort {cohort} ({ya} years after, status year {year}) are missing for {what}")
                    };
                    f.error(Problem::CohortMissing, format!("$.value[{i}] ({})", cube.describe(i)), message);
                }
                continue;
            }
            if not_available > 0 {
                let first = raw.iter().position(|r| matches!(r, Raw::NotAvailable | Raw::NotApplicable)).expect("not_available > 0");
                let i = base + offsets[first].0;
                f.warn(
                    Problem::NotAvailable,
                    format!("$.status[\"{i}\"] ({})", cube.describe(i)),
                    format!("{not_available} cells of {what}, status year {year}, are \"..\"/\".\" (not available yet / not applicable); kept as such, never zero"),
                );
            }
            let cells: Vec<Cell> = raw
                .into_iter()
                .map(|r| match r {
                    Raw::Value(v) => Cell::Value(v),
                    Raw::NotAvailable => Cell::NotYet,
                    Raw::NotApplicable => Cell::NotApplicable,
                    Raw::Suppressed | Raw::Missing => Cell::Suppressed,
                })
                .collect();
            // The figures against each other: the same check the CSV extract goes through.
            for v in check::check_year(level, code, year, &cells) {
                let i = base + offsets[v.cells[0]].0;
                let location = format!("$.value[{i}] ({})", cube.describe(i));
                let message = v.describe(what, year, |c| format!("$.value[{}]", base + offsets[c].0));
                match (v.known, v.rule) {
                    (Some(why), _) => f.warn(Problem::KnownDefect, location, format!("{message}: {why}")),
                    (None, Rule::CountAboveTotal) => f.error(Problem::CountExceedsTotal, location, message),
                    (None, Rule::StatusesAboveTotal) => f.error(Problem::StatusesExceedTotal, location, message),
                    (None, Rule::PercentMismatch) => f.error(Problem::PercentMismatch, location, message),
                }
            }
            out.insert(year, cells);
        }
        out
    };

    let mut data = Vec::with_capacity(regions.len());
    for ((level, code), pos) in &regions {
        // "Halden (2020-2023)": PxWebApi v2 labels a code no longer valid with its years; the
        // widget names a place by its name (KLASS's years are in the map).
        let label = reg.categories[*pos].label.as_deref().map(without_period);
        let what = format!("{} {code}", level.as_str());
        let years = read_block(*pos, (*level, code), &what, &mut f, &mut preliminary);
        let name = label.unwrap_or_else(|| {
            f.warn(Problem::MissingLabel, category_path(DIM_REGION, *pos, &reg.categories[*pos].id), format!("{what} has no label"));
            code.clone()
        });
        data.push(RegionData { region: Region { level: *level, code: code.clone(), name }, years });
    }
    let oslo_total = oslo_total.map(|pos| read_block(pos, (Level::Kommune, "030100"), "Oslo i alt (030100)", &mut f, &mut preliminary));
    if not_published_rows > 0 {
        f.report
            .notes
            .push(format!("{not_published_rows} region-years are wholly \"..\"/\".\" (not available): those regions have no row for those years"));
    }
    if !f.errors.is_empty() {
        return Err(f.reject());
    }

    if let Some(total) = oslo_total {
        match data.iter().find(|r| r.region.level == Level::Kommune && r.region.code == "0301") {
            None => f.report.notes.push("Oslo i alt (030100) but no kommune 0301; not kept".into()),
            Some(oslo) => {
                for (year, cells) in &total {
                    let Some(kommune) = oslo.years.get(year) else { continue };
                    let differs = cells.iter().zip(kommune).filter(|(a, b)| matches!((a, b), (Cell::Value(x), Cell::Value(y)) if x != y)).count();
                    if differs > 0 {
                        f.warn(
                            Problem::OsloTotalDiffers,
                            format!("Region=030100, Tid={year}"),
                            format!("Oslo i alt differs from kommune 0301 in {differs} cells"),
                        );
                    }
                }
            }
        }
    }

    // Preliminary: a `*` on a cell, or a note (dataset, dimension, category) or an extension
    // string that says so.
    let mut texts: Vec<String> = cube.note.clone();
    for d in &cube.dimensions {
        texts.extend(d.note.iter().cloned());
        for c in &d.categories {
            texts.extend(c.note.iter().cloned());
        }
    }
    if let Some(e) = &cube.extension {
        strings_in(e, &mut texts);
    }
    if let Some(t) = texts.iter().find(|t| mentions_preliminary(t)) {
        preliminary = true;
        f.report.notes.push(format!("SSB marks figures as preliminary: {t:?}"));
    } else if preliminary {
        f.report.notes.push("SSB marks figures as preliminary (status \"*\")".into());
    }

    let updated = cube.updated.as_deref().and_then(|u| u.get(..10)).filter(|d| is_date(d)).map(String::from);
    if cube.updated.is_some() && updated.is_none() {
        f.report.notes.push(format!("`updated` {:?} is not a date; not used", cube.updated.as_deref().unwrap_or("")));
    }
    // `cargo xtask synth`'s table says what it is in its label and first note.
    let synthetic = texts.iter().chain(cube.label.iter()).any(|t| t.to_lowercase().contains("syntetiske tall"));
    let source = SourceInfo { table: TABLE.into(), fetched: None, updated, preliminary, synthetic };
    let dataset = Dataset { regions: data, source, ..Default::default() };
    Ok(Imported { dataset, report: f.report })
}

// --- Writing -------------------------------------------------------------------------------

fn category(id: &str, label: &str) -> jsonstat::Category {
    jsonstat::Category { id: id.into(), label: Some(label.into()), note: Vec::new(), unit: None }
}

/// A dataset as table 10824's JSON-stat 2.0 cube: the dimensions, codes and labels SSB uses, the
/// four main statuses and counts and per cent by residence during the programme. A region's
/// status year without a row is written as `.` (not applicable), which reads back as "no row".
pub fn to_cube(ds: &Dataset) -> Cube {
    let years = ds.status_years();
    let region = |r: &RegionData| {
        let code = match r.region.level {
            Level::Land => "0".to_string(),
            _ => r.region.code.clone(),
        };
        category(&code, &r.region.name)
    };
    let mut contents: Vec<jsonstat::Category> = CONTENTS_CODES.iter().map(|(c, _, l)| category(c, l)).collect();
    for (cat, base) in contents.iter_mut().zip(["personer", "prosent"]) {
        cat.unit = Some(serde_json::json!({ "base": base, "decimals": 0 }));
    }
    let categories: [Vec<jsonstat::Category>; 6] = [
        ds.regions.iter().map(region).collect(),
        GENDER_CODES.iter().map(|(c, _, l)| category(c, l)).collect(),
        YEARS_AFTER_CODES.iter().map(|(c, _, l)| category(c, l)).collect(),
        STATUS_CODES.iter().map(|(c, _, l)| category(c, l)).collect(),
        contents,
        years.iter().map(|y| category(&y.to_string(), &y.to_string())).collect(),
    ];
    let dimensions: Vec<jsonstat::Dimension> = DIMENSIONS
        .iter()
        .zip(DIMENSION_LABELS)
        .zip(categories)
        .map(|((id, label), categories)| jsonstat::Dimension {
            id: id.to_string(),
            label: Some(label.into()),
            categories,
            note: Vec::new(),
            extension: None,
            link: None,
        })
        .collect();
    let span = match (years.first(), years.last()) {
        (Some(a), Some(b)) if a != b => format!(" {a}-{b}"),
        (Some(a), _) => format!(" {a}"),
        _ => String::new(),
    };
    let mut cube = Cube {
        label: Some(format!("{TABLE}: {TITLE}{span}")),
        source: Some("Statistisk sentralbyrå".into()),
        updated: ds.source.updated.as_ref().map(|d| format!("{d}T00:00:00Z")),
        note: if ds.source.preliminary { vec![PRELIMINARY_NOTE.into()] } else { Vec::new() },
        role: Some(serde_json::json!({ "time": [DIM_TIME], "metric": [DIM_CONTENTS], "geo": [DIM_REGION] })),
        extension: Some(serde_json::json!({ "px": { "infofile": "None", "tableid": ds.source.table, "decimals": 0, "language": "no" } })),
        dimensions,
        values: Vec::new(),
        status: Vec::new(),
        symbols: Vec::new(),
    };
    let n = cube.cell_count();
    cube.values.reserve(n);
    let mut symbols: Vec<(usize, &str)> = Vec::new();
    for r in &ds.regions {
        for (_, g, _) in GENDER_CODES {
            for (_, ya, _) in YEARS_AFTER_CODES {
                for (_, s, _) in STATUS_CODES {
                    for (_, u, _) in CONTENTS_CODES {
                        for y in &years {
                            let cell = r.years.get(y).and_then(|cells| cells.get(cell_index(ya, g, s, u)).copied());
                            let i = cube.values.len();
                            match cell {
                                Some(Cell::Value(v)) => cube.values.push(Some(v as f64)),
                                Some(c) => {
                                    cube.values.push(None);
                                    symbols.push((i, c.symbol().expect("not a value")));
                                }
                                None => {
                                    cube.values.push(None);
                                    symbols.push((i, "."));
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    for (i, s) in symbols {
        cube.set_status(i, Some(s)).expect("two symbols");
    }
    cube
}

/// [`to_cube`] as JSON-stat 2.0 text.
pub fn write(ds: &Dataset) -> String {
    jsonstat::write(&to_cube(ds))
}

// --- The data directory --------------------------------------------------------------------

/// When and from where [`FILE_NAME`] was fetched.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FetchInfo {
    /// `YYYY-MM-DD`.
    pub fetched: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
}

pub fn parse_fetch_info(text: &str) -> Result<FetchInfo, String> {
    let info: FetchInfo = serde_json::from_str(crate::without_bom(text)).map_err(|e| e.to_string())?;
    if !is_date(&info.fetched) {
        return Err(format!("\"fetched\" is {:?}, not a date YYYY-MM-DD", info.fetched));
    }
    Ok(info)
}
