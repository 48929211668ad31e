//! The few checks of the embedded data: the figures the widget really ships, against the raw
//! sources they came from (`../shared/data/raw/`, see its SOURCES.md and published/README.md).
//!
//! Every other native test runs on the frozen fixture (`tests/fixtures/data/`). These read the
//! embedded data, so they follow a refresh of `data/` (`cargo xtask refresh`): they compare with
//! the raw source files, not with figures written here. Should one fail after a refresh, SSB's
//! new table says something else than the raw source for the same cell: look at which, before
//! changing anything.

mod common;

use common::{csv_rows, fixture, raw_dir};
use intro_status::data::{cell_index, Cell, Dataset, Embedded, Gender, Level, Status, Unit};
use intro_status::outcome::{query, Share};
use intro_status::views::goal::goal_comparison;
use intro_status_import::codec;
use intro_status_import::import::{import_data, EXTRACT_FILES};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// `data/`, which the build embeds.
fn data_root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))
}

/// The raw SSB table 10824 extract of 2015, byte for byte (SOURCES.md, D).
fn raw_extract_dir() -> PathBuf {
    raw_dir().join("ssb10824_extract_2015")
}

/// One cell of a raw extract file: where it goes and what the file says (a number or `:`).
struct RawCell {
    level: &'static str,
    code: String,
    status_year: u16,
    years_after: u8,
    gender: Gender,
    status: Status,
    unit: Unit,
    value: String,
}

/// Every cell of one raw extract file, read with nothing but `split(';')` (not the importer).
/// The bydel files' `301` (Oslo i alt) is left out: the importer checks it against kommune 0301.
fn raw_cells(file: &str) -> Vec<RawCell> {
    let path = raw_extract_dir().join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut rows = text.lines();
    let header: Vec<&str> = rows.next().unwrap().split(';').collect();
    let mut out = Vec::new();
    for row in rows.filter(|r| !r.is_empty()) {
        let cells: Vec<&str> = row.split(';').collect();
        let raw = cells[0];
        let (level, code) = match (header[0], raw) {
            ("fylke_nr", "0" | "00") => ("land", "0".to_string()),
            ("fylke_nr", _) => ("fylke", format!("{raw:0>2}")),
            ("kommune_nr", _) => ("kommune", format!("{raw:0>4}")),
            ("bydel_nr", "301") => continue,
            ("bydel_nr", _) => ("bydel", format!("{raw:0>6}")),
            _ => panic!("unexpected header {}", header[0]),
        };
        for (name, value) in header.iter().zip(&cells).skip(1) {
            // avslutta.ettaar_kjonn.alle_avslutning.status.4.arbutd_aar.2014_enhet.personer
            let p: Vec<&str> = name.split('_').collect();
            let years_after = ["ettaar", "toaar", "treaar", "fireaar", "femaar"]
                .iter()
                .position(|y| p[0] == format!("avslutta.{y}"))
                .unwrap_or_else(|| panic!("{file}: {name}")) as u8
                + 1;
            let gender = match &p[1][6..] {
                "alle" => Gender::Alle,
                "1" => Gender::Menn,
                "0" => Gender::Kvinner,
                g => panic!("{file}: gender {g}"),
            };
            let status = match p[2].trim_start_matches("avslutning.status.4.") {
                "alle" => Status::Alle,
                "arbutd" => Status::Arbutd,
                "ledig.tiltak" => Status::LedigTiltak,
                "annet" => Status::Annet,
                s => panic!("{file}: status {s}"),
            };
            let unit = if p[4] == "enhet.personer" { Unit::Count } else { Unit::Percent };
            let status_year = p[3][4..].parse().unwrap();
            out.push(RawCell { level, code: code.clone(), status_year, years_after, gender, status, unit, value: value.to_string() });
        }
    }
    out
}

/// What the raw file's `value` is as a cell.
fn raw_value(value: &str) -> Cell {
    match value {
        ":" => Cell::Suppressed,
        v => Cell::Value(v.parse().unwrap_or_else(|_| panic!("{v:?} in the raw extract"))),
    }
}

/// The embedded cell where a raw cell goes, if the embedded data have that region and year.
fn embedded_cell(c: &RawCell) -> Option<Cell> {
    let level = match c.level {
        "land" => Level::Land,
        "fylke" => Level::Fylke,
        "kommune" => Level::Kommune,
        _ => Level::Bydel,
    };
    let cells = Dataset::embedded().region(level, &c.code)?.years.get(&c.status_year)?;
    Some(cells[cell_index(c.years_after, c.gender, c.status, c.unit)])
}

/// Every cell of one region's row in one raw file against the embedded data: the row must be
/// there and agree to the last cell. Returns how many cells were compared.
fn row_agrees(file: &str, level: &str, code: &str) -> usize {
    let row: Vec<RawCell> = raw_cells(file).into_iter().filter(|c| c.level == level && c.code == code).collect();
    assert!(!row.is_empty(), "no {level} {code} in the raw {file}");
    for c in &row {
        let embedded = embedded_cell(c).unwrap_or_else(|| panic!("the embedded data have no {level} {code} for status year {}", c.status_year));
        assert_eq!(
            embedded,
            raw_value(&c.value),
            "{level} {code}, status year {}, {} years after, {:?} {:?} {:?}: the embedded data against the raw {file}",
            c.status_year,
            c.years_after,
            c.gender,
            c.status,
            c.unit
        );
    }
    row.len()
}

/// The embedded data are what the build makes of `data/` (whichever table is there), stored in
/// the (level, code) order lookups rely on, and the codec gives them back unchanged.
#[test]
fn embedded_copy_equals_a_fresh_import_of_data() {
    let embedded = Dataset::embedded();
    let fresh = import_data(data_root()).expect("data/ imports");
    assert!(&fresh == embedded, "the embedded data differ from a fresh import of data/");
    assert!(embedded.regions.windows(2).all(|w| (w[0].region.level, &w[0].region.code) < (w[1].region.level, &w[1].region.code)));
    assert!(codec::decode(&codec::encode(embedded)).unwrap() == *embedded, "the codec changes the embedded data");
}

/// The country, cohort 2013 one year after (status year 2014), as the widget ships it: SSB's
/// release of 2015-12-21 (3 842 finished, 2 388 in work or education = 62 %; menn and kvinner;
/// the other statuses), as typed in from ssb.no in the raw sources, and every cell of row `00`
/// of the raw extract. Reads the embedded data and the raw files, no figure of its own.
#[test]
fn national_2014_row_is_ssbs_release() {
    let release = raw_dir().join("ssb_national_status_ett_aar_etter_compiled_from_pages.csv");
    let mut checked = 0;
    for row in csv_rows(&release) {
        if (row["avslutningsaar"].as_str(), row["maaleaar_november"].as_str(), row["grunnlag"].as_str()) != ("2013", "2014", "stated") {
            continue;
        }
        let gender = match row["gruppe"].as_str() {
            "alle" => Gender::Alle,
            "menn" => Gender::Menn,
            "kvinner" => Gender::Kvinner,
            _ => continue,
        };
        let status = match row["maal"].as_str() {
            "andel_arbeid_eller_utdanning_pct" => Status::Arbutd,
            "andel_ledig_eller_tiltak_pct" => Status::LedigTiltak,
            "andel_annen_eller_ukjent_pct" => Status::Annet,
            _ => continue,
        };
        let number = |col: &str| Cell::Value(row[col].parse().unwrap_or_else(|_| panic!("{col} {:?}", row[col])));
        let o = query(Dataset::embedded(), Level::Land, "0", 2013, 1, gender).expect("the embedded data have cohort 2013 nationally");
        let shipped = (o.finished(), o.count(status), o.percent(status));
        assert_eq!(shipped, (number("antall_i_alt"), number("antall"), number("verdi")), "{gender:?} {status:?} against {}", row["kilde_url"]);
        checked += 1;
    }
    // alle: three statuses; menn and kvinner: work or education.
    assert!(checked >= 5, "only {checked} rows of SSB's release for cohort 2013 in {}", release.display());
    let cells = row_agrees("intro_status_arbutd-fylke-2014.csv", "land", "0");
    assert_eq!(cells, 120, "5 years after × 3 genders × 4 statuses × count and per cent");
}

/// Oslo, cohort 2013 one year after, as the widget ships it: every cell of the raw extract's
/// 2014 row for 0301, the published rows copied from it (alle, menn, kvinner), and the goal view
/// a page opens for Oslo. Reads the embedded data and the raw files, no figure of its own.
#[test]
fn oslo_2014_row_is_the_raw_extracts() {
    row_agrees("intro_status_arbutd-kommune-2014.csv", "kommune", "0301");
    let published = raw_dir().join("published/kommune_results.csv");
    let rows: Vec<_> = csv_rows(&published)
        .into_iter()
        .filter(|r| r["measure"] == "one_year_after" && r["cohort_year"] == "2013" && r["region_code"] == "0301" && r["age_group"] == "alle")
        .collect();
    let mut alle = None;
    for row in &rows {
        let gender = match row["gender"].as_str() {
            "alle" => Gender::Alle,
            "menn" => Gender::Menn,
            "kvinner" => Gender::Kvinner,
            g => panic!("gender {g}"),
        };
        let number = |col: &str| row[col].parse::<u16>().unwrap_or_else(|_| panic!("{col} {:?}", row[col]));
        let share = Share::Published { percent: number("percent"), count: Some(number("in_work_or_education")), finished: Some(number("finished")) };
        let o = query(Dataset::embedded(), Level::Kommune, "0301", 2013, 1, gender).expect("Oslo, cohort 2013");
        assert_eq!(o.share(), share, "Oslo {gender:?} against {}", published.display());
        if gender == Gender::Alle {
            alle = Some(share);
        }
    }
    assert_eq!(rows.len(), 3, "Oslo's rows for cohort 2013 in {}", published.display());
    // What the page shows: the goal view of the embedded data, at cohort 2013.
    let v = goal_comparison(Dataset::embedded(), "0301").expect("Oslo has a goal view");
    let at = v.cohorts.iter().position(|&c| c == 2013).expect("the goal view has cohort 2013");
    assert_eq!(Some(v.kommune.points[at]), alle);
}

/// Every cell of the raw extract against the export of the embedded data (the CSV download of
/// the whole table): every figure the widget has is traceable to its source cell, and none is
/// lost. For the status years the extract has, the export has nothing the extract has not;
/// later status years, which a refresh brings, are not in the extract to compare with.
#[test]
fn export_holds_every_source_cell() {
    let mut export = Vec::new();
    intro_status::export::write_csv(Dataset::embedded(), &mut export).unwrap();
    let export = String::from_utf8(export).unwrap();
    let mut lines = export.lines();
    assert_eq!(lines.next(), Some("level,region,status_year,cohort,years_after,gender,status,count,percent"));
    let mut by_key: HashMap<String, (String, String)> = HashMap::new();
    let mut status_year_of: HashMap<String, u16> = HashMap::new();
    for line in lines {
        let f: Vec<&str> = line.split(',').collect();
        assert_eq!(f.len(), 9, "{line}");
        assert_eq!(f[2].parse::<u16>().unwrap() - f[4].parse::<u16>().unwrap(), f[3].parse::<u16>().unwrap());
        let key = [f[0], f[1], f[2], f[4], f[5], f[6]].join(",");
        assert!(by_key.insert(key.clone(), (f[7].to_string(), f[8].to_string())).is_none(), "duplicate {line}");
        status_year_of.insert(key, f[2].parse().unwrap());
    }
    let mut checked = 0;
    let mut raw_years = std::collections::BTreeSet::new();
    for file in EXTRACT_FILES {
        for c in raw_cells(file) {
            let gender = match c.gender {
                Gender::Alle => "alle",
                Gender::Menn => "menn",
                Gender::Kvinner => "kvinner",
            };
            let status = match c.status {
                Status::Alle => "alle",
                Status::Arbutd => "arbutd",
                Status::LedigTiltak => "ledig_tiltak",
                Status::Annet => "annet",
            };
            let key = format!("{},{},{},{},{gender},{status}", c.level, c.code, c.status_year, c.years_after);
            let (count, percent) = by_key.get(&key).unwrap_or_else(|| panic!("{key} not exported"));
            let exported = if c.unit == Unit::Count { count } else { percent };
            assert_eq!(exported, &c.value, "{file}: {key} {:?}", c.unit);
            raw_years.insert(c.status_year);
            checked += 1;
        }
    }
    let comparable = status_year_of.values().filter(|y| raw_years.contains(y)).count();
    assert!(checked > 0 && raw_years.contains(&2014), "the raw extract has no cells");
    assert_eq!(checked, comparable * 2, "the export has rows for status years {raw_years:?} that are not in the raw extract");
}

/// The fixture is a true copy of `data/` as it was: wherever the embedded data have a region
/// and status year of the fixture, every cell of it is the same. This holds today for every
/// cell, and after a refresh for those SSB still publishes as it did in 2015. Should SSB have
/// revised some, the code is not wrong and the fixture stays as it is (it is frozen, see
/// tests/fixtures/data/README.md): narrow this check to what SSB left alone, or delete it.
#[test]
fn fixture_agrees_with_the_embedded_data() {
    let (fixture, embedded) = (fixture(), Dataset::embedded());
    let mut compared = 0;
    let mut differs = Vec::new();
    for r in &fixture.regions {
        let Some(e) = embedded.region(r.region.level, &r.region.code) else { continue };
        for (year, cells) in &r.years {
            let Some(other) = e.years.get(year) else { continue };
            compared += 1;
            if let Some(i) = (0..cells.len()).find(|&i| cells[i] != other[i]) {
                differs.push(format!("{} {} status year {year}, cell {i}: fixture {:?}, embedded {:?}", r.region.level.as_str(), r.region.code, cells[i], other[i]));
            }
        }
    }
    assert!(compared > 0, "the embedded data share no region and status year with the fixture");
    assert!(
        differs.is_empty(),
        "{} of {compared} region-years differ between tests/fixtures/data/ and the embedded data, e.g.:\n{}\n\
         The fixture is frozen: do not refresh it. If SSB revised these cells, narrow or delete this check.",
        differs.len(),
        differs.iter().take(20).cloned().collect::<Vec<_>>().join("\n")
    );
}

/// Every kommune number and name of every raw KLASS 131 version since 2011
/// (`../shared/data/raw/ssb_klass131_kommuneinndeling_version_*.json`) finds one of today's
/// kommuner in the embedded data, or is a kommune later divided, whose message names each of
/// today's kommuner it was divided among. Today's numbers find themselves.
#[test]
fn every_klass_number_and_name_since_2011_finds_todays_kommune() {
    use intro_status::place::{find, not_found_message, NotFound, Place};
    use intro_status::text::Lang;
    let ds = Dataset::embedded();
    let mut versions: Vec<PathBuf> = std::fs::read_dir(raw_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_str().unwrap().starts_with("ssb_klass131_kommuneinndeling_version_"))
        .collect();
    versions.sort();
    let (mut checked, mut divided) = (0, 0);
    for path in &versions {
        let version: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        if version["validTo"].as_str().is_some_and(|to| to <= "2011-01-01") {
            continue;
        }
        let today = version["validTo"].is_null();
        for item in version["classificationItems"].as_array().unwrap() {
            let (code, name) = (item["code"].as_str().unwrap(), item["name"].as_str().unwrap());
            if code == "9999" {
                continue;
            }
            match find(ds, code) {
                Ok(f) => {
                    assert!(matches!(f.place, Place::Kommune(_)), "{code}");
                    assert!(!today || f.place.code() == code, "{code} of today finds {}", f.place.code());
                }
                Err(why @ NotFound::Divided { .. }) => {
                    let NotFound::Divided { into, .. } = &why else { unreachable!() };
                    assert!(into.len() > 1 && !today, "{code} {name}");
                    let message = not_found_message(ds, code, &why, Lang::Nb);
                    assert!(into.iter().all(|k| message.contains(&format!("{} ({})", k.name, k.code))), "{message}");
                    divided += 1;
                }
                Err(_) => panic!("{} {code} {name} finds nothing", path.display()),
            }
            // Its name finds a place too, or says which ones it could be.
            match find(ds, name) {
                Ok(_) | Err(NotFound::Divided { .. }) | Err(NotFound::Ambiguous(_)) => {}
                Err(NotFound::Unknown) => panic!("{} {name} ({code}) finds nothing", path.display()),
            }
            checked += 1;
        }
    }
    assert!(checked > 4000 && divided > 0, "{checked} numbers, {divided} divided");
}

#[test]
fn the_maps_kept_figures_for_the_embedded_data_are_the_figures_made_anew() {
    // The map keeps its 357 kommuner's standings for the embedded data (`views::map`); a copy of
    // the data is not the embedded data, so its map computes them afresh. Both datasets (whole,
    // and as far as one year after) give the same.
    use intro_status::place::Place;
    use intro_status::views::{view_data, ViewData, ViewKind};
    let map = |ds: &Dataset| match view_data(ds, ViewKind::Map, &Place::resolve(ds, "4036").unwrap(), None) {
        Some(ViewData::Map(m)) => m,
        _ => panic!("a map of Vinje"),
    };
    let (kept, again, fresh) = (map(Dataset::embedded_one_year_after()), map(Dataset::embedded()), map(&Dataset::embedded().clone()));
    assert_eq!(kept.kommuner.len(), 357);
    assert_eq!(kept, fresh);
    assert_eq!(again, fresh);
}
