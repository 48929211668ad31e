//! intro-status: how many of those who finished the introduction programme for refugees are in
//! work or education one year later, per Norwegian kommune (SSB table 10824).
//!
//! The core (data, outcome, chart, text) is platform-free and tested natively; only `web` knows
//! the browser.

pub mod chart;
pub mod choose;
pub mod compare;
pub mod data;
pub mod embed;
pub mod export;
pub mod gather;
pub mod outcome;
pub mod page;
pub mod place;
pub mod sort;
pub mod text;
pub mod views;
#[cfg(not(target_arch = "wasm32"))]
pub mod window;
#[cfg(target_arch = "wasm32")]
pub mod web;
