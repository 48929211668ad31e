//! The data: SSB table 10824 (status of former participants in the introduction programme),
//! regions and cohorts, embedded at build time in a compact binary form.
//!
//! The model and the decoder are the `intro-status-model` crate (`crates/model`), re-exported
//! here whole; the importers and the encoder, which the build script runs, are
//! `intro-status-import` (`crates/import`). What is the library's own is the embedded copy,
//! reached through the [`Embedded`] trait: `Dataset::embedded()` where it is in scope.

pub use intro_status_model::*;
pub use intro_status_model::{codec, model};
use std::sync::OnceLock;

static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/ssb10824.bin"));
static EMBEDDED_DATA: OnceLock<Dataset> = OnceLock::new();
static EMBEDDED_ONE_YEAR_AFTER: OnceLock<Dataset> = OnceLock::new();

/// The source line every view carries.
pub const SOURCE_NB: &str = "Kilde: SSB, statistikkbanken tabell 10824";

/// The dataset embedded at build time, on [`Dataset`] (a type of another crate, so a trait):
/// `use crate::data::Embedded;` and then `Dataset::embedded()`.
pub trait Embedded {
    /// The dataset embedded at build time, decoded once.
    fn embedded() -> &'static Dataset;

    /// The embedded dataset as far as one year after ([`codec::decode_one_year_after`]: later
    /// cells read as suppressed), for views that read nothing else: a fifth of the decoding,
    /// which the first chart on a page waits for. The whole dataset once that is decoded.
    fn embedded_one_year_after() -> &'static Dataset;

    /// Whether this is the embedded dataset, whole or as far as one year after (without
    /// decoding it if nobody has yet): what is worked out once from its regions, status years and
    /// one-year-after cells, which both have alike, can be kept for the life of the program.
    fn is_embedded(&self) -> bool;
}

impl Embedded for Dataset {
    fn embedded() -> &'static Dataset {
        EMBEDDED_DATA.get_or_init(|| codec::decode(EMBEDDED).expect("embedded data was written by build.rs"))
    }

    fn embedded_one_year_after() -> &'static Dataset {
        match EMBEDDED_DATA.get() {
            Some(all) => all,
            None => EMBEDDED_ONE_YEAR_AFTER
                .get_or_init(|| codec::decode_one_year_after(EMBEDDED).expect("embedded data was written by build.rs")),
        }
    }

    fn is_embedded(&self) -> bool {
        [&EMBEDDED_DATA, &EMBEDDED_ONE_YEAR_AFTER].iter().any(|d| d.get().is_some_and(|d| std::ptr::eq(d, self)))
    }
}
