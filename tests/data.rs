//! The embedded data against the source cells of SSB table 10824.

use intro_status::data::import::{import_data, import_dir, parse_extract, EXTRACT_FILES};
use intro_status::data::{codec, Cell, Dataset, Gender, Level, Status, Unit};
use intro_status::outcome::{query, Share};
use std::collections::HashMap;
use std::path::Path;

fn data_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data/ssb10824"))
}

fn counts(level: Level, code: &str, cohort: u16, gender: Gender) -> (Cell, Cell, Cell, Cell, Cell) {
    let o = query(Dataset::embedded(), level, code, cohort, 1, gender).expect("cell exists");
    (o.finished(), o.count(Status::Arbutd), o.percent(Status::Arbutd), o.count(Status::LedigTiltak), o.count(Status::Annet))
}

#[test]
fn national_cohort_2013_one_year_after() {
    use Cell::Value as V;
    // SSB's release of 2015-12-21: 3 842 finished, 2 388 in work or education = 62 %.
    assert_eq!(counts(Level::Land, "0", 2013, Gender::Alle), (V(3842), V(2388), V(62), V(421), V(1033)));
    let (f, a, p, _, _) = counts(Level::Land, "0", 2013, Gender::Menn);
    assert_eq!((f, a, p), (V(2056), V(1487), V(72)));
    let (f, a, p, _, _) = counts(Level::Land, "0", 2013, Gender::Kvinner);
    assert_eq!((f, a, p), (V(1786), V(901), V(50)));
}

#[test]
fn oslo_cohort_2013() {
    use Cell::Value as V;
    assert_eq!(counts(Level::Kommune, "0301", 2013, Gender::Alle), (V(251), V(140), V(56), V(11), V(100)));
    let o = query(Dataset::embedded(), Level::Kommune, "0301", 2013, 1, Gender::Alle).unwrap();
    assert_eq!(o.status_year, 2014);
    assert_eq!(o.share(), Share::Published { percent: 56, count: Some(140), finished: Some(251) });
}

#[test]
fn suppressed_is_not_zero_and_zero_is_not_suppressed() {
    let ds = Dataset::embedded();
    // 0105 Sarpsborg, cohort 2012: 30 finished, in work or education suppressed (`:`), other 13.
    let o = query(ds, Level::Kommune, "0105", 2012, 1, Gender::Alle).unwrap();
    assert_eq!(o.finished(), Cell::Value(30));
    assert_eq!(o.count(Status::Arbutd), Cell::Suppressed);
    assert_eq!(o.count(Status::Annet), Cell::Value(13));
    assert_eq!(o.share(), Share::Suppressed { finished: Some(30) });
    // 0118 Aremark, cohort 2013: nobody finished — a real zero.
    let o = query(ds, Level::Kommune, "0118", 2013, 1, Gender::Alle).unwrap();
    assert_eq!(o.finished(), Cell::Value(0));
    assert_eq!(o.share(), Share::NoCompleters);
    // 0125 Eidsberg, cohort 2013: finished suppressed, but 0 in work or education is published.
    let o = query(ds, Level::Kommune, "0125", 2013, 1, Gender::Alle).unwrap();
    assert_eq!(o.finished(), Cell::Suppressed);
    assert_eq!(o.share(), Share::Published { percent: 0, count: Some(0), finished: None });
    // Oslo bydel 030106 Ullern, cohort 2013: 5 finished, in work or education suppressed.
    let o = query(ds, Level::Bydel, "030106", 2013, 1, Gender::Alle).unwrap();
    assert_eq!((o.finished(), o.count(Status::Arbutd), o.count(Status::LedigTiltak)), (Cell::Value(5), Cell::Suppressed, Cell::Value(0)));
}

#[test]
fn every_level_and_every_dimension_is_there() {
    let ds = Dataset::embedded();
    let n = |l| ds.regions.iter().filter(|r| r.region.level == l).count();
    assert_eq!(n(Level::Land), 1);
    assert_eq!(n(Level::Fylke), 19);
    assert_eq!(n(Level::Bydel), 18);
    assert!(n(Level::Kommune) >= 428, "{}", n(Level::Kommune));
    assert_eq!(ds.region(Level::Fylke, "20").unwrap().region.name, "Finnmark - Finnmárku");
    assert_eq!(ds.region(Level::Kommune, "0301").unwrap().region.name, "Oslo kommune");
    // Four years after, status 2011 = cohort 2007, national: 2 512 finished.
    let o = query(ds, Level::Land, "0", 2007, 4, Gender::Alle).unwrap();
    assert_eq!((o.status_year, o.finished()), (2011, Cell::Value(2512)));
    // Five years after, status 2012 = cohort 2007 again: 2 482 (the same cohort followed on).
    assert_eq!(query(ds, Level::Land, "0", 2007, 5, Gender::Alle).unwrap().finished(), Cell::Value(2482));
    // Cohort 2006 (five years after, status 2011) is published as 0 finished nationally.
    assert_eq!(query(ds, Level::Land, "0", 2006, 5, Gender::Alle).unwrap().finished(), Cell::Value(0));
    // No status year 2015 in the extract.
    assert!(query(ds, Level::Land, "0", 2014, 1, Gender::Alle).is_none());
}

#[test]
fn embedded_copy_equals_a_fresh_import_and_round_trips() {
    let fresh = import_data(data_dir().parent().unwrap()).expect("vendored data imports");
    assert!(&fresh == Dataset::embedded(), "the embedded data differ from a fresh import");
    assert!(codec::decode(&codec::encode(&fresh)).unwrap() == fresh, "the codec does not round-trip");
    assert!(codec::decode(b"garbage").is_err());
    let mut truncated = codec::encode(&fresh);
    truncated.truncate(truncated.len() / 2);
    assert!(codec::decode(&truncated).is_err());
}

/// Reads every cell of the raw files with nothing but `split(';')` and compares it with the
/// export: every figure the widget has is traceable to its source cell, and none is lost.
#[test]
fn export_holds_every_source_cell() {
    let mut export = Vec::new();
    intro_status::export::write_csv(Dataset::embedded(), &mut export).unwrap();
    let export = String::from_utf8(export).unwrap();
    let mut lines = export.lines();
    assert_eq!(lines.next(), Some("level,region,status_year,cohort,years_after,gender,status,count,percent"));
    let mut by_key: HashMap<String, (String, String)> = HashMap::new();
    for line in lines {
        let f: Vec<&str> = line.split(',').collect();
        assert_eq!(f.len(), 9, "{line}");
        assert_eq!(f[2].parse::<u16>().unwrap() - f[4].parse::<u16>().unwrap(), f[3].parse::<u16>().unwrap());
        let key = [f[0], f[1], f[2], f[4], f[5], f[6]].join(",");
        assert!(by_key.insert(key, (f[7].to_string(), f[8].to_string())).is_none(), "duplicate {line}");
    }
    let mut checked = 0;
    for file in EXTRACT_FILES {
        let text = std::fs::read_to_string(data_dir().join(file)).unwrap();
        let mut rows = text.lines();
        let header: Vec<&str> = rows.next().unwrap().split(';').collect();
        for row in rows.filter(|r| !r.is_empty()) {
            let cells: Vec<&str> = row.split(';').collect();
            let raw = cells[0];
            let (level, code) = match (header[0], raw) {
                ("fylke_nr", "0" | "00") => ("land", "0".to_string()),
                ("fylke_nr", _) => ("fylke", format!("{:0>2}", raw)),
                ("kommune_nr", _) => ("kommune", format!("{:0>4}", raw)),
                ("bydel_nr", "301") => continue, // Oslo i alt, checked by the importer against 0301
                ("bydel_nr", _) => ("bydel", format!("{:0>6}", raw)),
                _ => panic!("unexpected header {}", header[0]),
            };
            for (name, value) in header.iter().zip(&cells).skip(1) {
                // avslutta.ettaar_kjonn.alle_avslutning.status.4.arbutd_aar.2014_enhet.personer
                let p: Vec<&str> = name.split('_').collect();
                let ya = ["ettaar", "toaar", "treaar", "fireaar", "femaar"]
                    .iter()
                    .position(|y| p[0] == format!("avslutta.{y}"))
                    .unwrap()
                    + 1;
                let gender = match &p[1][6..] { "alle" => "alle", "1" => "menn", "0" => "kvinner", g => panic!("{g}") };
                let status = p[2].trim_start_matches("avslutning.status.4.").replace("ledig.tiltak", "ledig_tiltak");
                let year = &p[3][4..];
                let key = format!("{level},{code},{year},{ya},{gender},{status}");
                let (count, percent) = by_key.get(&key).unwrap_or_else(|| panic!("{key} not exported"));
                let exported = if p[4] == "enhet.personer" { count } else { percent };
                assert_eq!(exported, value, "{file}: {key} {}", p[4]);
                checked += 1;
            }
        }
    }
    assert_eq!(checked, by_key.len() * 2, "the export has rows that are not in the source");
}

fn first_error(file: &str, text: &str) -> String {
    parse_extract(file, text).unwrap_err().to_string()
}

#[test]
fn malformed_files_fail_with_file_line_and_column() {
    let file = "intro_status_arbutd-fylke-2014.csv";
    let good = std::fs::read_to_string(data_dir().join(file)).unwrap();
    assert!(parse_extract(file, &good).is_ok());

    // A letter in line 3 (fylke 01), column 4 (its first arbutd count).
    let mut lines: Vec<String> = good.lines().map(String::from).collect();
    let mut cells: Vec<String> = lines[2].split(';').map(String::from).collect();
    cells[3] = "5x".into();
    lines[2] = cells.join(";");
    let e = first_error(file, &lines.join("\n"));
    assert!(e.starts_with("intro_status_arbutd-fylke-2014.csv:3:4: "), "{e}");
    assert!(e.contains("\"5x\""), "{e}");

    // A missing field.
    let mut short = good.lines().map(String::from).collect::<Vec<_>>();
    short[5] = short[5].rsplit_once(';').unwrap().0.to_string();
    assert!(first_error(file, &short.join("\n")).starts_with(&format!("{file}:6: 120 fields, the header has 121")));

    // An unknown status in the header, column 2.
    let bad_header = good.replacen("status.4.alle_aar.2014", "status.4.ukjent_aar.2014", 1);
    let e = first_error(file, &bad_header);
    assert!(e.starts_with(&format!("{file}:1:2: unknown status code \"ukjent\"")), "{e}");

    // An empty cell, and a number too large.
    let e = first_error(file, &good.replacen(";3842;", ";;", 1));
    assert!(e.starts_with(&format!("{file}:2:2: empty cell")), "{e}");
    let e = first_error(file, &good.replacen(";3842;", ";99999;", 1));
    assert!(e.starts_with(&format!("{file}:2:2: ")), "{e}");

    // A region code that is not a number.
    let e = first_error(file, &good.replacen("\n01;", "\nOst;", 1));
    assert!(e.starts_with(&format!("{file}:3:1: region code \"Ost\"")), "{e}");

    // A whole file missing from a data directory.
    let dir = std::env::temp_dir().join(format!("intro-status-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let e = import_dir(&dir).unwrap_err().to_string();
    assert!(e.contains("ssb10824_metadata_circa2015.json"), "{e}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn unit_cells_are_read_from_their_own_column() {
    // Percent and count must not be swapped: national 2014, other status, kvinner: 689 = 39 %.
    let land = Dataset::embedded().land();
    assert_eq!(land.cell(2014, 1, Gender::Kvinner, Status::Annet, Unit::Count), Some(Cell::Value(689)));
    assert_eq!(land.cell(2014, 1, Gender::Kvinner, Status::Annet, Unit::Percent), Some(Cell::Value(39)));
}

#[test]
fn regions_are_found_in_order_and_out_of_it() {
    let ds = Dataset::embedded();
    // The build stores them in (level, code) order, which the binary search relies on.
    assert!(ds.regions.windows(2).all(|w| (w[0].region.level, &w[0].region.code) < (w[1].region.level, &w[1].region.code)));
    let mut shuffled = ds.clone();
    shuffled.regions.reverse();
    for (level, code) in [(Level::Kommune, "0301"), (Level::Land, "0"), (Level::Bydel, "030106"), (Level::Fylke, "20")] {
        assert_eq!(ds.region(level, code).map(|r| &r.region.code), Some(&code.to_string()));
        assert_eq!(shuffled.region(level, code).map(|r| &r.region.code), Some(&code.to_string()));
    }
    assert!(ds.region(Level::Kommune, "03").is_none());
}
