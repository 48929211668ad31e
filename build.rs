//! Imports the vendored SSB table 10824 data (`data/ssb10824/`) and writes the compact binary
//! the library embeds: SSB's JSON-stat 2.0 file from `cargo xtask refresh` when it is there, else
//! the CSV extract; with it today's kommune map, and which kommuner border on which
//! (`data/kartverket/`). A malformed file fails the build with its file and location. The importers
//! and the encoder are the `intro-status-import` crate (`crates/import`). `INTRO_STATUS_DATA`
//! names another data directory (the full-size build's; never set for `dist/`).

use intro_status_import::{codec, import, neighbours, table10824};
use std::path::PathBuf;

fn main() {
    // `INTRO_STATUS_DATA`: another data directory, for `cargo xtask build --full-size` (a copy of
    // data/ with the synthetic full-size table, built into a target directory of its own).
    println!("cargo:rerun-if-env-changed=INTRO_STATUS_DATA");
    let root = match std::env::var_os("INTRO_STATUS_DATA") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("data"),
    };
    for f in import::EXTRACT_FILES.iter().chain([&import::METADATA_FILE]) {
        println!("cargo:rerun-if-changed={}", root.join("ssb10824").join(f).display());
    }
    println!("cargo:rerun-if-changed={}", root.join(import::MAP_DIR).display());
    for f in [import::MAP_FYLKER_FILE, import::MAP_NAMES_FILE].iter().chain(&import::NATIONAL_FILES) {
        println!("cargo:rerun-if-changed={}", root.join(f).display());
    }
    // SSB's JSON-stat file and its fetch note exist only after `cargo xtask refresh`: a missing
    // file would make cargo run this script on every build, so the folder is watched for them.
    for f in [table10824::FILE_NAME, table10824::FETCH_FILE_NAME] {
        let path = root.join("ssb10824").join(f);
        println!("cargo:rerun-if-changed={}", if path.exists() { path } else { root.join("ssb10824") }.display());
    }
    // Kartverket's polygons, for which kommuner border on which; a data directory without them
    // builds with no neighbours, and the folder is watched for them as above.
    let borders = root.join(neighbours::FILE);
    println!("cargo:rerun-if-changed={}", if borders.exists() { borders } else { root.clone() }.display());
    let dataset = match import::import_data(&root) {
        Ok(d) => d,
        Err(e) => {
            // `cargo:warning` shows the message even when cargo hides build-script output.
            println!("cargo:warning=intro-status data import failed: {e}");
            eprintln!("error: data/{e}");
            std::process::exit(1);
        }
    };
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("ssb10824.bin");
    std::fs::write(&out, codec::encode(&dataset)).expect("write embedded data");
}
