//! The one check of table 10824's figures against each other, which both readers run on every
//! (region, status year) they read — the CSV extract ([`crate::import::parse_extract`]) and
//! JSON-stat ([`crate::table10824::from_cube`]), so the build, `cargo xtask refresh` and the tests
//! refuse the same tables. It sees a year's block of [`CELLS_PER_YEAR`] cells (negative and
//! non-integer counts never get that far: both readers refuse them as they parse a cell).
//!
//! For each years-after and gender, where the number who finished (`alle` count) is published:
//! - a status count above it ([`Rule::CountAboveTotal`]);
//! - the published status counts together above it ([`Rule::StatusesAboveTotal`]); a suppressed
//!   status counts as nothing, so this is a lower bound and never a false alarm;
//! - a published per cent that is not 100 × count ÷ finished rounded up or down, i.e. one point or
//!   more from it ([`Rule::PercentMismatch`]); SSB rounds halves up, so a correct figure is always
//!   within half a point. Where nobody finished, any per cent but 0 is refused.
//!
//! Suppressed cells (`:`) are never compared. A count of 0 is a real zero and is compared.
//!
//! [`KNOWN_DEFECTS`] lists the figures of the vendored 2015 extract that break a rule: those
//! exact figures in those exact cells are let through as a [`Violation::known`] (the JSON-stat
//! reader reports them as warnings); any other figure in the same cells is refused.

use intro_status_model::*;

/// What a block of figures must not do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// A status count above the number who finished.
    CountAboveTotal,
    /// The status counts together above the number who finished.
    StatusesAboveTotal,
    /// A per cent that disagrees with its counts beyond rounding.
    PercentMismatch,
}

/// One broken rule in one (years after, gender) of a status year's block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub rule: Rule,
    pub years_after: u8,
    pub gender: Gender,
    /// The cells concerned, as positions in the year's block ([`cell_index`]), the offending
    /// one first and the number who finished last.
    pub cells: Vec<usize>,
    /// What is wrong, with the figures: `arbutd count 300 is above the 251 who finished`.
    pub what: String,
    /// Where these are exactly the figures of a [`KNOWN_DEFECTS`] entry: why they are let through.
    pub known: Option<&'static str>,
}

/// A cell's name by its position in a year's block: `arbutd count`, `annet per cent`.
pub fn cell_name(index: usize) -> String {
    let unit = if index.is_multiple_of(2) { "count" } else { "per cent" };
    format!("{} {unit}", Status::ALL[(index / 2) % 4].as_str())
}

/// `bydel 030105, status year 2014, 2 years after (cohort 2012), kvinner`.
pub fn place(region: &str, year: u16, years_after: u8, gender: Gender) -> String {
    let s = if years_after == 1 { "" } else { "s" };
    format!("{region}, status year {year}, {years_after} year{s} after (cohort {}), {}", year as i32 - years_after as i32, gender.as_str())
}

impl Violation {
    /// The whole located message: `{place}: {what}; cells: {cell}, …`, each cell named by
    /// `cell` in the reader's own terms (a CSV column, a JSON-stat `$.value` index).
    pub fn describe(&self, region: &str, year: u16, cell: impl Fn(usize) -> String) -> String {
        let cells: Vec<String> = self.cells.iter().map(|&i| format!("{} ({})", cell_name(i), cell(i))).collect();
        format!("{}: {}; cells: {}", place(region, year, self.years_after, self.gender), self.what, cells.join(", "))
    }
}

/// One figure of the vendored extract that breaks a rule, let through exactly as it stands.
pub struct KnownDefect {
    pub level: Level,
    pub code: &'static str,
    pub year: u16,
    pub years_after: u8,
    pub gender: Gender,
    pub status: Status,
    /// Count, number who finished, per cent, as published.
    pub figures: (u16, u16, u16),
}

const COPIED_COUNTS: &str = "a known defect of the 2015 extract (its bydel counts of kvinner 2 years after, status year \
2014, are those of 1 year after), let through as published";

/// The figures of the vendored extract (`data/ssb10824/intro_status_arbutd-bydel-2014.csv`, and
/// the fixture written from it) that break a rule. In that file every bydel's counts of kvinner
/// 2 years after (status year 2014) equal its counts 1 year after, suppressions and all, while
/// the per cent are those of 2 years after (030110: 75 % in work or education is 9 of 12, which
/// are `alle` − `menn` 2 years after: 14 − 5 of 17 − 5). Where both are published the per cent
/// cannot be the counts' own; these four are those cells.
pub const KNOWN_DEFECTS: [KnownDefect; 4] = [
    KnownDefect { level: Level::Bydel, code: "030105", year: 2014, years_after: 2, gender: Gender::Kvinner, status: Status::Annet, figures: (9, 12, 0) },
    KnownDefect { level: Level::Bydel, code: "030110", year: 2014, years_after: 2, gender: Gender::Kvinner, status: Status::Annet, figures: (4, 14, 25) },
    KnownDefect { level: Level::Bydel, code: "030111", year: 2014, years_after: 2, gender: Gender::Kvinner, status: Status::Annet, figures: (7, 13, 58) },
    KnownDefect { level: Level::Bydel, code: "030112", year: 2014, years_after: 2, gender: Gender::Kvinner, status: Status::Arbutd, figures: (5, 14, 62) },
];

/// Every broken rule of one region's status year (`cells` in the model's order, as
/// [`cell_index`] places them). `level` and `code` (normalised, as in [`Region`]) only pick out
/// [`KNOWN_DEFECTS`]. A block that is not [`CELLS_PER_YEAR`] long is not checked.
pub fn check_year(level: Level, code: &str, year: u16, cells: &[Cell]) -> Vec<Violation> {
    let mut out = Vec::new();
    if cells.len() != CELLS_PER_YEAR {
        return out;
    }
    for ya in YEARS_AFTER {
        for g in Gender::ALL {
            let at = |s, u| cell_index(ya, g, s, u);
            let get = |s, u| cells[at(s, u)];
            let Cell::Value(total) = get(Status::Alle, Unit::Count) else { continue };
            let total_at = at(Status::Alle, Unit::Count);
            let mut push = |rule, cells: Vec<usize>, what: String, known: Option<&'static str>| {
                out.push(Violation { rule, years_after: ya, gender: g, cells, what, known });
            };
            let mut single_above = false;
            for s in Status::ALL {
                let (count, percent) = (get(s, Unit::Count), get(s, Unit::Percent));
                if let Cell::Value(c) = count {
                    if c > total {
                        single_above = true;
                        push(Rule::CountAboveTotal, vec![at(s, Unit::Count), total_at], format!("{} {c} is above the {total} who finished", cell_name(at(s, Unit::Count))), None);
                    }
                }
                let Cell::Value(p) = percent else { continue };
                let p_at = at(s, Unit::Percent);
                if total == 0 {
                    if p != 0 {
                        push(Rule::PercentMismatch, vec![p_at, total_at], format!("{} {p} where nobody finished", cell_name(p_at)), None);
                    }
                    continue;
                }
                let Cell::Value(c) = count else { continue };
                let exact = 100.0 * c as f64 / total as f64;
                if (exact - p as f64).abs() >= 1.0 {
                    let known = KNOWN_DEFECTS
                        .iter()
                        .any(|k| (k.level, k.code, k.year, k.years_after, k.gender, k.status, k.figures) == (level, code, year, ya, g, s, (c, total, p)))
                        .then_some(COPIED_COUNTS);
                    // The total's own per cent is compared with itself: no cell twice.
                    let cells = if s == Status::Alle { vec![p_at, total_at] } else { vec![p_at, at(s, Unit::Count), total_at] };
                    push(
                        Rule::PercentMismatch,
                        cells,
                        format!("{} {p} disagrees with its counts: {c} of the {total} who finished is {exact:.1} %", cell_name(p_at)),
                        known,
                    );
                }
            }
            if single_above {
                continue; // the sum is above too; one error says it
            }
            let statuses = [Status::Arbutd, Status::LedigTiltak, Status::Annet];
            let published: Vec<(Status, u16)> = statuses.iter().filter_map(|&s| get(s, Unit::Count).value().map(|c| (s, c))).collect();
            let sum: u32 = published.iter().map(|&(_, c)| c as u32).sum();
            if sum > total as u32 {
                let terms: Vec<String> = published.iter().map(|&(s, c)| format!("{} {c}", s.as_str())).collect();
                let suppressed: Vec<&str> = statuses.iter().filter(|&&s| get(s, Unit::Count) == Cell::Suppressed).map(|s| s.as_str()).collect();
                let and_suppressed = if suppressed.is_empty() { String::new() } else { format!(" (and {} suppressed)", suppressed.join(", ")) };
                let mut cells: Vec<usize> = published.iter().map(|&(s, _)| at(s, Unit::Count)).collect();
                cells.push(total_at);
                push(
                    Rule::StatusesAboveTotal,
                    cells,
                    format!("the statuses together, {} = {sum}{and_suppressed}, are above the {total} who finished", terms.join(" + ")),
                    None,
                );
            }
        }
    }
    out
}

/// The years after and gender of a position in a year's block (the inverse of [`cell_index`]
/// but for status and unit).
pub fn years_after_and_gender(index: usize) -> (u8, Gender) {
    ((index / CELLS_PER_YEARS_AFTER) as u8 + 1, Gender::ALL[(index / 8) % 3])
}
