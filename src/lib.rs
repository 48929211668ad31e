//! intro-status: how many of those who finished the introduction programme for refugees are in
//! work or education one year later, per Norwegian kommune (SSB table 10824).
//!
//! The core (data, outcome, chart, text) is platform-free and tested natively; only `web` knows
//! the browser.

pub mod chart;
pub mod data;
pub mod export;
pub mod outcome;
pub mod sort;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod web;
