//! `cargo xtask build --full-size`: the widget built on the synthetic full-size table (issue 21:
//! status years 2011–2025, fifteen cohorts, the reforms of 2018, 2020 and 2024; see `synth.rs`),
//! into `target/full-size/dist/` — never `dist/`: its figures are invented, for the benchmark and
//! for looking at fifteen cohorts in a browser, and every chart made from them says "syntetiske
//! tall". Its data directory is a copy of `data/` with the synthetic table where `cargo xtask
//! refresh` puts SSB's, in `target/full-size/data/`; the wasm compiles in a target directory of its
//! own, so that the release build's stays as it is and neither rebuilds the other's.

use super::{script_from, synth, write, write_demo, Result};
use intro_status_import::table10824;
use std::path::{Path, PathBuf};

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
    sync(&root.join("data"), &data)?;
    let table = synth::generate(&root.join("data"), SEED)?;
    write_if_changed(&data.join("ssb10824").join(table10824::FILE_NAME), table.as_bytes())?;
    let (script, wasm_len) = script_from(false, Some((&data, &scratch.join("target"), &scratch.join("wasm-bindgen"))))?;
    let dist = scratch.join("dist");
    std::fs::create_dir_all(&dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let js = dist.join("intro-status.js");
    write(&js, script.as_bytes())?;
    write_demo(&dist)?;
    eprintln!("xtask: wrote {} ({} bytes, wasm {wasm_len} bytes) and its index.html, from the synthetic table (seed {SEED}); not SSB's figures", js.display(), script.len());
    Ok(js)
}

/// Copies every file under `from` to the same place under `to` where its bytes differ.
fn sync(from: &Path, to: &Path) -> Result {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| format!("{}: {e}", from.display()))?;
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if src.is_dir() {
            sync(&src, &dst)?;
        } else {
            write_if_changed(&dst, &std::fs::read(&src).map_err(|e| format!("{}: {e}", src.display()))?)?;
        }
    }
    Ok(())
}

fn write_if_changed(path: &Path, bytes: &[u8]) -> Result {
    match std::fs::read(path) {
        Ok(old) if old == bytes => Ok(()),
        _ => write(path, bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sync_writes_only_what_differs() {
        let tmp = std::env::temp_dir().join(format!("intro-status-sync-{}", std::process::id()));
        let (from, to) = (tmp.join("from"), tmp.join("to"));
        std::fs::create_dir_all(from.join("sub")).unwrap();
        std::fs::write(from.join("a.txt"), "a").unwrap();
        std::fs::write(from.join("sub/b.txt"), "b").unwrap();
        sync(&from, &to).unwrap();
        assert_eq!(std::fs::read_to_string(to.join("sub/b.txt")).unwrap(), "b");
        // Unchanged: left as it is (its time too); changed: written.
        let before = std::fs::metadata(to.join("a.txt")).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(from.join("sub/b.txt"), "b2").unwrap();
        sync(&from, &to).unwrap();
        assert_eq!(std::fs::metadata(to.join("a.txt")).unwrap().modified().unwrap(), before);
        assert_eq!(std::fs::read_to_string(to.join("sub/b.txt")).unwrap(), "b2");
        std::fs::remove_dir_all(tmp).ok();
    }
}
