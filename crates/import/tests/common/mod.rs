//! What the tests of Kartverket's polygons (neighbours, shapes) share: data directories of their
//! own, and today's maps of a few made-up kommuner.

use intro_status_import::model::{KommuneMap, TodayKommune};
use intro_status_import::neighbours;
use std::path::PathBuf;

/// An empty data directory in the temp folder, `kartverket/` holding `geojson` if given.
pub fn scratch(test: &str, name: &str, geojson: Option<&str>) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("intro-status-{test}-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(dir.join("kartverket")).unwrap();
    if let Some(text) = geojson {
        std::fs::write(dir.join(neighbours::FILE), text).unwrap();
    }
    dir
}

/// Today's map of KLASS version `version` with kommuner of these numbers and nothing else.
pub fn map_of(version: u16, codes: &[&str]) -> KommuneMap {
    let kommuner = codes
        .iter()
        .map(|c| TodayKommune {
            code: c.to_string(),
            name: format!("Kommune {c}"),
            other_names: Vec::new(),
            fylke: c[..2].to_string(),
            sources: Vec::new(),
            former: Vec::new(),
            neighbours: Vec::new(),
        })
        .collect();
    KommuneMap { version, kommuner, fylker: Vec::new(), shapes: Default::default() }
}
