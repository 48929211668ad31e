//! `cargo xtask build --full-size`: the widget built on the synthetic full-size table (issue 21:
//! status years 2011–2025, fifteen cohorts, the reforms of 2018, 2020 and 2024; see `synth.rs`),
//! into `target/full-size/dist/` — never `dist/`: its figures are invented, for the benchmark and
//! for looking at fifteen cohorts in a browser, and every chart made from them says "syntetiske
//! tall". Its data directory is a copy of `data/` with the synthetic table where `cargo xtask
//! refresh` puts SSB's, in `target/full-size/data/`; the wasm compiles in a target directory of its
//! own, so that the release build's stays as it is and neither rebuilds the other's.

use super::{script_from, synth, write, write_demo, Result};
use intro_status_import::table10824;
use std::path::PathBuf;

/// Where the full-size build lives, under the repository.
pub const DIR: &str = "target/full-size";

/// The seed of the synthetic table the full-size build embeds (the one its tests read).
const SEED: u64 = 1;

/// Builds `target/full-size/dist/intro-status.js` and its demo page; returns the script's path.
pub fn build() -> Result<PathBuf> {
    let root = super::root();
    let scratch = root.join(DIR);
    let data = scratch.join("data");
    // Only what changed is written: an unchanged file keeps its time, and cargo its build.
    super::copy_changed(&root.join("data"), &data)?;
    let table = synth::generate(&root.join("data"), SEED)?;
    super::write_if_changed(&data.join("ssb10824").join(table10824::FILE_NAME), table.as_bytes())?;
    let (script, wasm_len) = script_from(false, Some((&data, &scratch.join("target"), &scratch.join("wasm-bindgen"))))?;
    let dist = scratch.join("dist");
    std::fs::create_dir_all(&dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let js = dist.join("intro-status.js");
    write(&js, script.as_bytes())?;
    write_demo(&dist)?;
    eprintln!("xtask: wrote {} ({} bytes, wasm {wasm_len} bytes) and its index.html, from the synthetic table (seed {SEED}); not SSB's figures", js.display(), script.len());
    Ok(js)
}
