//! Imports the vendored SSB table 10824 data (`data/ssb10824/`) and writes the compact binary
//! the library embeds: SSB's JSON-stat 2.0 file from `cargo xtask refresh` when it is there, else
//! the CSV extract. A malformed file fails the build with its file and location.

#[allow(dead_code)]
#[path = "src/data/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "src/data/import.rs"]
mod import;
#[allow(dead_code)]
#[path = "src/data/codec.rs"]
mod codec;
#[allow(dead_code)]
#[path = "src/data/klass.rs"]
mod klass;
#[allow(dead_code)]
#[path = "src/data/jsonstat.rs"]
mod jsonstat;
#[allow(dead_code)]
#[path = "src/data/table10824.rs"]
mod table10824;

use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("data");
    for f in import::EXTRACT_FILES.iter().chain([&import::METADATA_FILE]) {
        println!("cargo:rerun-if-changed={}", root.join("ssb10824").join(f).display());
    }
    println!("cargo:rerun-if-changed={}", root.join(import::MAP_DIR).display());
    for f in [import::MAP_FYLKER_FILE, import::MAP_NAMES_FILE, import::PUBLISHED_FILE] {
        println!("cargo:rerun-if-changed={}", root.join(f).display());
    }
    for f in [table10824::FILE_NAME, table10824::FETCH_FILE_NAME] {
        println!("cargo:rerun-if-changed={}", root.join("ssb10824").join(f).display());
    }
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
