//! The data: SSB table 10824 (status of former participants in the introduction programme),
//! regions and cohorts, embedded at build time in a compact binary form.

pub mod codec;
#[cfg(not(target_arch = "wasm32"))]
pub mod import;
#[cfg(not(target_arch = "wasm32"))]
pub mod klass;
#[cfg(not(target_arch = "wasm32"))]
pub mod jsonstat;
#[cfg(not(target_arch = "wasm32"))]
pub mod table10824;
pub mod model;

pub use model::*;
use std::sync::OnceLock;

static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/ssb10824.bin"));
static EMBEDDED_DATA: OnceLock<Dataset> = OnceLock::new();
static EMBEDDED_ONE_YEAR_AFTER: OnceLock<Dataset> = OnceLock::new();

/// The source line every view carries.
pub const SOURCE_NB: &str = "Kilde: SSB, statistikkbanken tabell 10824";

impl Dataset {
    /// The dataset embedded at build time, decoded once.
    pub fn embedded() -> &'static Dataset {
        EMBEDDED_DATA.get_or_init(|| codec::decode(EMBEDDED).expect("embedded data was written by build.rs"))
    }

    /// The embedded dataset as far as one year after ([`codec::decode_one_year_after`]: later
    /// cells read as suppressed), for views that read nothing else: a fifth of the decoding,
    /// which the first chart on a page waits for. The whole dataset once that is decoded.
    pub fn embedded_one_year_after() -> &'static Dataset {
        match EMBEDDED_DATA.get() {
            Some(all) => all,
            None => EMBEDDED_ONE_YEAR_AFTER
                .get_or_init(|| codec::decode_one_year_after(EMBEDDED).expect("embedded data was written by build.rs")),
        }
    }

    /// Whether this is the embedded dataset, whole or as far as one year after (without
    /// decoding it if nobody has yet): what is worked out once from its regions, status years and
    /// one-year-after cells, which both have alike, can be kept for the life of the program.
    pub fn is_embedded(&self) -> bool {
        [&EMBEDDED_DATA, &EMBEDDED_ONE_YEAR_AFTER].iter().any(|d| d.get().is_some_and(|d| std::ptr::eq(d, self)))
    }

    /// A region by level and code. The build stores regions in (level, code) order, so this is a
    /// binary search; a dataset in another order is still searched right, only slower.
    pub fn region(&self, level: Level, code: &str) -> Option<&RegionData> {
        match self.regions.binary_search_by(|r| (r.region.level, r.region.code.as_str()).cmp(&(level, code))) {
            Ok(i) => Some(&self.regions[i]),
            Err(_) => self.regions.iter().find(|r| r.region.level == level && r.region.code == code),
        }
    }

    pub fn land(&self) -> &RegionData {
        self.region(Level::Land, "0").expect("the extract has a national row")
    }

    pub fn kommuner(&self) -> impl Iterator<Item = &RegionData> {
        self.regions.iter().filter(|r| r.region.level == Level::Kommune)
    }
}

/// Cohort (the year the programme was finished or left) = status year − years after.
pub fn cohort_of(status_year: u16, years_after: u8) -> u16 {
    status_year - years_after as u16
}

/// The status year at which a cohort is observed `years_after` years later.
pub fn status_year_of(cohort: u16, years_after: u8) -> u16 {
    cohort + years_after as u16
}

impl RegionData {
    /// One published cell, or `None` where the region has no row for that status year.
    pub fn cell(&self, status_year: u16, years_after: u8, gender: Gender, status: Status, unit: Unit) -> Option<Cell> {
        if !(1..=5).contains(&years_after) {
            return None;
        }
        Some(self.years.get(&status_year)?[cell_index(years_after, gender, status, unit)])
    }
}
