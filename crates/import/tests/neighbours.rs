//! Today's kommuner and their neighbours as the build makes them: from the repository's `data/`
//! (KLASS 131's map of 2024 and Kartverket's polygons of 2024) through the import, and through
//! the codec into what the widget embeds; the rules of [`import::add_neighbours`] on small data
//! directories of their own. The geometry itself is tested in `src/neighbours.rs`.

mod common;

use common::map_of;
use intro_status_import::model::{KommuneMap, TodayKommune};
use intro_status_import::{codec, import, neighbours};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn data_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

fn data() -> &'static intro_status_import::model::Dataset {
    static DATA: OnceLock<intro_status_import::model::Dataset> = OnceLock::new();
    DATA.get_or_init(|| import::import_data(&data_root()).unwrap_or_else(|e| panic!("data/{e}")))
}

fn kommune(code: &str) -> &'static TodayKommune {
    data().map.kommuner.iter().find(|k| k.code == code).unwrap_or_else(|| panic!("no kommune {code}"))
}

/// `code name` of each neighbour, for messages and the report.
fn named(code: &str) -> Vec<String> {
    kommune(code).neighbours.iter().map(|n| format!("{n} {}", kommune(n).name)).collect()
}

fn codes(code: &str) -> Vec<&'static str> {
    kommune(code).neighbours.iter().map(String::as_str).collect()
}

#[test]
fn every_kommune_of_today_has_its_neighbours() {
    let map = &data().map;
    // The map is KLASS 131's version of 2024 (357 kommuner), and the polygons have the same 357
    // numbers: else the import would have failed.
    assert_eq!((map.version, map.kommuner.len()), (2024, 357));
    for code in ["0301", "5001", "4036"] {
        println!("{code} {}: {}", kommune(code).name, named(code).join(", "));
    }
    assert_eq!(codes("0301"), ["3201", "3205", "3207", "3220", "3222", "3232", "3234", "3305"]);
    assert!(codes("5001").contains(&"5031") && codes("5031").contains(&"5001"), "Trondheim and Malvik");
    assert_eq!(codes("4036"), ["1134", "3338", "4022", "4026", "4034", "4222", "4618"]);
    let mut pairs = 0;
    for k in &map.kommuner {
        assert!(!k.neighbours.contains(&k.code), "{} is its own neighbour", k.code);
        assert!(k.neighbours.windows(2).all(|w| w[0] < w[1]), "{}: {:?} not sorted", k.code, k.neighbours);
        for n in &k.neighbours {
            assert!(kommune(n).neighbours.contains(&k.code), "{} borders on {n}, not {n} on it", k.code);
        }
        pairs += k.neighbours.len();
    }
    assert_eq!(pairs, 2 * 736);
    let alone: Vec<&str> = map.kommuner.iter().filter(|k| k.neighbours.is_empty()).map(|k| k.code.as_str()).collect();
    for island in ["1151", "1856", "1835", "1857", "1144", "4633"] {
        assert!(alone.contains(&island), "{island} {:?}", named(island));
    }
    assert_eq!(alone.len(), 26, "{alone:?}");
}

/// The neighbours survive the codec, whole and one year after alike, in a section of about a
/// kilobyte: per kommune its number of later neighbours, then their gaps.
#[test]
fn neighbours_round_trip_through_the_codec_in_little_room() {
    let ds = data();
    let bytes = codec::encode(ds);
    assert!(codec::decode(&bytes).unwrap() == *ds, "the codec changes the dataset");
    assert!(codec::decode_one_year_after(&bytes).unwrap().map == ds.map, "decoding one year after changes the map");
    // Without neighbours the section is one zero byte per kommune, and the bytes before it the same.
    let mut bare = ds.clone();
    without_neighbours(&mut bare.map);
    let without = codec::encode(&bare);
    let section = bytes.len() - without.len() + bare.map.kommuner.len();
    let start = bytes.iter().zip(&without).position(|(a, b)| a != b).unwrap();
    println!("neighbour section: {section} bytes at byte {start} of {}", bytes.len());
    assert!(section < 1200, "the neighbour section grew to {section} bytes");
    // Corrupt bytes there give an error or some other map, never a panic.
    for at in (start..start + section).step_by(5) {
        for value in [0x00, 0x7f, 0xff] {
            let mut bad = bytes.clone();
            bad[at] = value;
            let _ = codec::decode_one_year_after(&bad);
        }
    }
}

fn without_neighbours(map: &mut KommuneMap) {
    for k in &mut map.kommuner {
        k.neighbours.clear();
    }
}

/// A map of a few kommuner whose pairs lie far apart in the map's order (gaps of more than a
/// byte's 127), with a kommune alone and one bordering on the first and the last.
#[test]
fn far_neighbours_and_the_map_ends_round_trip() {
    let mut ds = data().clone();
    let m = ds.map.kommuner.len();
    without_neighbours(&mut ds.map);
    let mut link = |a: usize, b: usize| {
        let (ca, cb) = (ds.map.kommuner[a].code.clone(), ds.map.kommuner[b].code.clone());
        ds.map.kommuner[a].neighbours.push(cb);
        ds.map.kommuner[b].neighbours.push(ca);
    };
    link(0, m - 1);
    link(0, 200);
    link(1, 2);
    link(200, m - 1);
    link(100, 101);
    for k in &mut ds.map.kommuner {
        k.neighbours.sort();
    }
    let back = codec::decode(&codec::encode(&ds)).unwrap();
    assert!(back.map == ds.map);
    let code = |i: usize| ds.map.kommuner[i].code.clone();
    assert_eq!(back.map.kommuner[0].neighbours, [code(200), code(m - 1)]);
    assert_eq!(back.map.kommuner[m - 1].neighbours, [code(0), code(200)]);
    assert_eq!(back.map.kommuner[3].neighbours, Vec::<String>::new());
}

// --- The rules of `add_neighbours`, on data directories of their own -----------------------

fn scratch(name: &str, geojson: Option<&str>) -> PathBuf {
    common::scratch("neighbours", name, geojson)
}

/// Two unit squares side by side, 0001 and 0002.
fn two_squares() -> String {
    let feature = |code: &str, x: u8| {
        format!(
            r#"{{"type":"Feature","properties":{{"kommunenummer":"{code}"}},"geometry":{{"type":"Polygon","coordinates":[[[{x},0],[{},0],[{},1],[{x},1],[{x},0]]]}}}}"#,
            x + 1,
            x + 1
        )
    };
    format!(r#"{{"type":"FeatureCollection","features":[{},{}]}}"#, feature("0001", 0), feature("0002", 1))
}

#[test]
fn without_the_polygons_there_are_no_neighbours() {
    let dir = scratch("absent", None);
    let mut map = map_of(2024, &["0001", "0002"]);
    import::add_neighbours(&dir, &mut map).unwrap();
    assert!(map.kommuner.iter().all(|k| k.neighbours.is_empty()));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn the_map_and_the_polygons_must_have_the_same_kommuner() {
    let dir = scratch("same", Some(&two_squares()));
    let mut map = map_of(2024, &["0001", "0002"]);
    import::add_neighbours(&dir, &mut map).unwrap();
    assert_eq!(map.kommuner[0].neighbours, ["0002"]);
    assert_eq!(map.kommuner[1].neighbours, ["0001"]);
    // A later map too, with the same kommuner.
    let mut later = map_of(2026, &["0001", "0002"]);
    import::add_neighbours(&dir, &mut later).unwrap();
    assert_eq!(later.kommuner[0].neighbours, ["0002"]);
    // A kommune of the map that the file lacks, and one of the file the map lacks.
    let e = import::add_neighbours(&dir, &mut map_of(2024, &["0001", "0002", "0003"])).unwrap_err().to_string();
    assert!(e.starts_with(neighbours::FILE) && e.contains("not in the file: 1 (0003)"), "{e}");
    let e = import::add_neighbours(&dir, &mut map_of(2025, &["0001"])).unwrap_err().to_string();
    assert!(e.contains("kommuner of the file not in KLASS 131 version 2025: 1 (0002)"), "{e}");
    // A map older than the polygons numbers kommuner otherwise: none get neighbours, no error.
    let mut old = map_of(2023, &["0001", "0003"]);
    import::add_neighbours(&dir, &mut old).unwrap();
    assert!(old.kommuner.iter().all(|k| k.neighbours.is_empty()));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_malformed_file_is_an_error_naming_it() {
    let broken = two_squares().replace(r#""kommunenummer":"0002""#, r#""kommunenummer":2"#);
    let dir = scratch("malformed", Some(&broken));
    let e = import::add_neighbours(&dir, &mut map_of(2024, &["0001", "0002"])).unwrap_err();
    assert_eq!(e.file, neighbours::FILE);
    let text = e.to_string();
    assert!(text.starts_with("kartverket/kartverket_kommuner_2024_S_robhop.geojson: invalid type: integer `2`, expected a string at line 1 column"), "{text}");
    std::fs::remove_dir_all(dir).ok();
}
