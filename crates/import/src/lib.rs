//! The importers of intro-status, which the build script, `cargo xtask refresh` and the tests
//! run natively (the wasm never parses CSV or JSON): SSB table 10824 as the CSV extract
//! ([`import`], which also reads the whole data directory as the build does) or as JSON-stat 2.0
//! ([`table10824`] on [`jsonstat`]), today's kommune map from KLASS 131 ([`klass`]), which
//! kommuner border on which from Kartverket's polygons ([`neighbours`]) and the map drawn from
//! them ([`shapes`]), and the encoder of the compact binary the library embeds ([`codec`]). The
//! types are `intro_status_model`'s, re-exported as [`model`].
//!
//! Modules depend one way: `import` → `table10824` → `jsonstat`; `import` → `klass`; `import` →
//! `shapes` → `neighbours`; `import` and `table10824` → `check` (the one check of the figures
//! against each other, which both readers of the table run); all on the model.
//!
//! Every reader of a file's text reads past a UTF-8 byte order mark at its start
//! ([`without_bom`]): spreadsheet programs on Windows write one before CSV and JSON alike.

pub mod check;
pub mod codec;
pub mod import;
pub mod jsonstat;
pub mod klass;
pub mod neighbours;
pub mod shapes;
pub mod table10824;

pub use intro_status_model as model;

/// A file's text without the UTF-8 byte order mark (U+FEFF) some programs put at its start.
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}
