//! The importers of intro-status, which the build script, `cargo xtask refresh` and the tests
//! run natively (the wasm never parses CSV or JSON): SSB table 10824 as the CSV extract
//! ([`import`], which also reads the whole data directory as the build does) or as JSON-stat 2.0
//! ([`table10824`] on [`jsonstat`]), today's kommune map from KLASS 131 ([`klass`]), and the
//! encoder of the compact binary the library embeds ([`codec`]). The types are
//! `intro_status_model`'s, re-exported as [`model`].
//!
//! Modules depend one way: `import` → `table10824` → `jsonstat`; `import` → `klass`; all on the
//! model.

pub mod codec;
pub mod import;
pub mod jsonstat;
pub mod klass;
pub mod table10824;

pub use intro_status_model as model;
