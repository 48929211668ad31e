//! The import of SSB table 10824 and the codec, against the source cells: on the frozen fixture
//! (`tests/fixtures/data/`, see `common`), which `cargo xtask refresh` never touches. The checks
//! of the embedded data (what the widget ships) are in `tests/embedded.rs`.

mod common;

use common::{fixture, fixture_table_dir};
use intro_status::data::{
    cell_index, Cell, Dataset, Gender, KommuneMap, Level, PublishedPoint, Region, RegionData, Source, SourceInfo, Split, Status,
    TodayFylke, TodayKommune, Unit, Years, CELLS_PER_YEAR, YEARS_AFTER,
};
use intro_status::outcome::{query, Share};
use intro_status_import::codec;
use intro_status_import::import::{import_dir, parse_extract};

fn counts(level: Level, code: &str, cohort: u16, gender: Gender) -> (Cell, Cell, Cell, Cell, Cell) {
    let o = query(fixture(), level, code, cohort, 1, gender).expect("cell exists");
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
    let o = query(fixture(), Level::Kommune, "0301", 2013, 1, Gender::Alle).unwrap();
    assert_eq!(o.status_year, 2014);
    assert_eq!(o.share(), Share::Published { percent: 56, count: Some(140), finished: Some(251) });
}

#[test]
fn suppressed_is_not_zero_and_zero_is_not_suppressed() {
    let ds = fixture();
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
    let ds = fixture();
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
fn the_fixture_round_trips_and_garbage_does_not_decode() {
    round_trip(fixture(), "the extract");
    assert!(codec::decode(b"garbage").is_err());
    let mut truncated = codec::encode(fixture());
    truncated.truncate(truncated.len() / 2);
    assert!(codec::decode(&truncated).is_err());
}

/// The codec's predictions fit SSB's figures: the encoded extract stays small (23 016 bytes when
/// this was written; 156 949 with the codec before; 27 100 since it carries every kommune number
/// and name since 2011, about 2 400 of them for the 523 former numbers; 28 256 with the 736 pairs
/// of neighbouring kommuner, 1 116 bytes), so a change that loses a prediction shows.
#[test]
fn the_encoded_extract_stays_compact() {
    let fresh = fixture();
    let n = codec::encode(fresh).len();
    assert!(n < 49_000, "the encoded data grew to {n} bytes");
    // Per cents follow from the counts: beside a published total, all but a few dozen.
    let mut off = 0;
    for cells in fresh.regions.iter().flat_map(|r| r.years.values()) {
        for ya in YEARS_AFTER {
            for g in Gender::ALL {
                let total = cells[cell_index(ya, g, Status::Alle, Unit::Count)];
                for s in Status::ALL {
                    let (count, percent) = (cells[cell_index(ya, g, s, Unit::Count)], cells[cell_index(ya, g, s, Unit::Percent)]);
                    off += codec::predicted_percent(count, total).is_some_and(|p| p != percent) as usize;
                }
            }
        }
    }
    assert!(off < 50, "{off} per cents differ from the prediction");
}

/// Round trip, and the part decoded as far as one year after is that part of the dataset, the
/// rest suppressed.
fn round_trip(ds: &Dataset, what: &str) {
    let bytes = codec::encode(ds);
    let back = codec::decode(&bytes).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(&back == ds, "{what}: the codec changes the dataset");
    let first = codec::decode_one_year_after(&bytes).unwrap_or_else(|e| panic!("{what}, one year after: {e}"));
    assert!(first == one_year_after(ds), "{what}: decoding one year after gives other cells");
}

/// `ds` with every cell two to five years after suppressed.
fn one_year_after(ds: &Dataset) -> Dataset {
    let mut ds = ds.clone();
    for cells in ds.regions.iter_mut().flat_map(|r| r.years.values_mut()) {
        cells[cell_index(2, Gender::Alle, Status::Alle, Unit::Count)..].fill(Cell::Suppressed);
    }
    ds
}

fn kommune(code: &str, name: &str, other_names: &[&str], fylke: &str, sources: &[(&str, Option<(u16, &str)>)]) -> TodayKommune {
    TodayKommune {
        code: code.into(),
        name: name.into(),
        other_names: other_names.iter().map(|s| s.to_string()).collect(),
        fylke: fylke.into(),
        sources: sources
            .iter()
            .map(|(code, split)| Source { code: code.to_string(), split: split.map(|(year, name)| Split { year, name: name.into() }) })
            .collect(),
        former: Vec::new(),
        neighbours: Vec::new(),
    }
}

/// Cells that follow every prediction the codec makes (sums, per cents, the cohort a year on),
/// for breaking one at a time.
fn consistent_row(seed: u16) -> Vec<Cell> {
    let mut cells = vec![Cell::Value(0); CELLS_PER_YEAR];
    for ya in YEARS_AFTER {
        let parts = |g: u16| [10 + seed + g, 3 + g, 5 + seed % 7];
        for (g, gender) in Gender::ALL.into_iter().enumerate() {
            let p: [u16; 3] = if g == 0 { [0, 1, 2].map(|i| parts(1)[i] + parts(2)[i]) } else { parts(g as u16) };
            let total = p.iter().sum::<u16>();
            for (s, status) in Status::ALL.into_iter().enumerate() {
                let count = if s == 0 { total } else { p[s - 1] };
                cells[cell_index(ya, gender, status, Unit::Count)] = Cell::Value(count);
                cells[cell_index(ya, gender, status, Unit::Percent)] = Cell::Value(((200 * count as u32 + total as u32) / (2 * total as u32)) as u16);
            }
        }
    }
    cells
}

/// A dataset that breaks each prediction of the codec, and hits its edges: suppressed beside
/// real zeros, u16::MAX, years 0 and 65535, codes that are not numbers.
fn adversarial() -> Dataset {
    use Gender::{Alle as All, Kvinner, Menn};
    use Status::{Alle as Total, Annet, Arbutd, LedigTiltak};
    let set = |cells: &mut Vec<Cell>, ya, g, s, u, c| cells[cell_index(ya, g, s, u)] = c;
    let (count, pct) = (Unit::Count, Unit::Percent);
    let mut rows = Years::new();
    rows.insert(2011, consistent_row(0));
    // The cohort a year on: everything jumps.
    let mut r = consistent_row(0);
    set(&mut r, 2, Menn, Total, count, Cell::Value(u16::MAX));
    set(&mut r, 2, Kvinner, Arbutd, count, Cell::Value(0));
    set(&mut r, 3, Menn, Annet, count, Cell::Suppressed);
    rows.insert(2012, r);
    // Sums that do not add up, both ways, and a status sum below zero.
    let mut r = consistent_row(3);
    set(&mut r, 1, All, Arbutd, count, Cell::Value(1));
    set(&mut r, 1, All, LedigTiltak, count, Cell::Value(u16::MAX));
    set(&mut r, 2, Menn, Total, count, Cell::Value(2));
    set(&mut r, 2, Menn, Annet, count, Cell::Value(7));
    set(&mut r, 3, Kvinner, Total, count, Cell::Value(0));
    set(&mut r, 3, Kvinner, Arbutd, count, Cell::Value(4));
    // Per cents that do not follow: wrong, 100 for a part, beside a suppressed count, suppressed
    // beside a published one, over 100, u16::MAX.
    set(&mut r, 4, Menn, Arbutd, pct, Cell::Value(99));
    set(&mut r, 4, Menn, LedigTiltak, pct, Cell::Value(100));
    set(&mut r, 4, Menn, Total, pct, Cell::Suppressed);
    set(&mut r, 4, Kvinner, Total, pct, Cell::Value(0));
    set(&mut r, 4, All, Annet, count, Cell::Suppressed);
    set(&mut r, 4, All, Annet, pct, Cell::Value(13));
    set(&mut r, 5, Kvinner, Arbutd, pct, Cell::Value(u16::MAX));
    // A suppressed total whose parts' per cents reveal it, do not, or are suppressed.
    set(&mut r, 5, Menn, Total, count, Cell::Suppressed);
    set(&mut r, 5, Menn, Arbutd, pct, Cell::Value(80));
    set(&mut r, 5, Menn, LedigTiltak, pct, Cell::Value(100));
    set(&mut r, 5, Menn, Annet, pct, Cell::Suppressed);
    rows.insert(2014, r); // no 2013: the cohorts of 2014 have no year before
    // A block where nobody finished but a per cent says otherwise, and a block of zeros beside
    // suppressed cells.
    let mut r = vec![Cell::Value(0); CELLS_PER_YEAR];
    set(&mut r, 1, All, Total, pct, Cell::Value(100));
    set(&mut r, 2, Menn, Total, count, Cell::Suppressed);
    set(&mut r, 2, Menn, Total, pct, Cell::Suppressed);
    set(&mut r, 3, All, Annet, count, Cell::Value(u16::MAX));
    rows.insert(u16::MAX, r);
    let mut everything_suppressed = Years::new();
    everything_suppressed.insert(0, vec![Cell::Suppressed; CELLS_PER_YEAR]);
    everything_suppressed.insert(1, vec![Cell::Value(u16::MAX); CELLS_PER_YEAR]);
    let region = |level, code: &str, name: &str, years| RegionData { region: Region { level, code: code.into(), name: name.into() }, years };
    let mut kommuner = vec![
        kommune("0301", "Oslo kommune", &[], "03", &[("0301", None)]),
        kommune("1108", "Eigersund", &["Eigersund"], "11", &[("9999", None), ("1101", Some((2020, "Eigersund")))]),
        kommune("5001", "Rana - Raane", &["Raane", "Rana"], "50", &[]),
        kommune("5002", "Rana - Raane", &["Rana", "Raane"], "Trøndelag", &[("K-1", Some((u16::MAX, "")))]),
        kommune("7", "Ø - æ", &[], "", &[("", None), ("0000", None)]),
    ];
    // Neighbours from the first to the last, and two side by side; 1108 has none.
    for (a, b) in [(0, 4), (2, 3), (0, 2)] {
        let (ca, cb) = (kommuner[a].code.clone(), kommuner[b].code.clone());
        kommuner[a].neighbours.push(cb);
        kommuner[b].neighbours.push(ca);
    }
    for k in &mut kommuner {
        k.neighbours.sort();
    }
    Dataset {
        regions: vec![
            region(Level::Kommune, "0301", "Oslo kommune", rows),
            region(Level::Kommune, "1101", "Eigersund", Years::new()),
            region(Level::Bydel, "030101", "Gamle Oslo", everything_suppressed),
            // Codes that are not plain numbers, out of order, and a repeated one.
            region(Level::Land, "", "", Years::new()),
            region(Level::Fylke, "1234567890", "Ti sifre", Years::new()),
            region(Level::Fylke, "00", "Nuller", Years::new()),
            region(Level::Kommune, "K-1", "Bokstaver", Years::new()),
            region(Level::Kommune, "1101", "Eigersund igjen", Years::new()),
        ],
        map: KommuneMap {
            version: u16::MAX,
            fylker: vec![TodayFylke { code: "03".into(), name: "Oslo".into() }, TodayFylke { code: String::new(), name: "Ø".into() }],
            kommuner,
            shapes: Default::default(),
        },
        national: vec![PublishedPoint { cohort: u16::MAX, percent: 0, finished: Some(u16::MAX), count: None, source_url: String::new() }],
        source: SourceInfo { table: "10824".into(), fetched: Some("2025-01-02".into()), updated: None, preliminary: true, synthetic: true },
    }
}

#[test]
fn codec_round_trips_data_that_break_every_prediction() {
    round_trip(&adversarial(), "adversarial");
    round_trip(&Dataset::default(), "empty");
    // The extract, with cells overwritten at random (xorshift; any seed will do).
    let mut ds = fixture().clone();
    let mut state = 0x0001_0824_u64;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    for round in 0..8 {
        for _ in 0..300 {
            let r = next(ds.regions.len());
            let Some(cells) = ds.regions[r].years.values_mut().nth(next(4)) else { continue };
            cells[next(CELLS_PER_YEAR)] = match next(5) {
                0 => Cell::Suppressed,
                1 => Cell::Value(0),
                2 => Cell::Value(u16::MAX),
                3 => Cell::Value(next(5) as u16),
                _ => Cell::Value(next(1000) as u16),
            };
        }
        round_trip(&ds, &format!("perturbed extract, round {round}"));
    }
}

fn first_error(file: &str, text: &str) -> String {
    parse_extract(file, text).unwrap_err().to_string()
}

#[test]
fn malformed_files_fail_with_file_line_and_column() {
    let file = "intro_status_arbutd-fylke-2014.csv";
    let good = std::fs::read_to_string(fixture_table_dir().join(file)).unwrap();
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
    assert!(e.starts_with(&format!("{file}:2:2: land 0, status year 2014, 1 year after (cohort 2013), alle, alle count: empty cell")), "{e}");
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
    let land = fixture().land();
    assert_eq!(land.cell(2014, 1, Gender::Kvinner, Status::Annet, Unit::Count), Some(Cell::Value(689)));
    assert_eq!(land.cell(2014, 1, Gender::Kvinner, Status::Annet, Unit::Percent), Some(Cell::Value(39)));
}

#[test]
fn regions_are_found_in_order_and_out_of_it() {
    let ds = fixture();
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

#[test]
fn the_cells_of_one_years_after_and_gender_lie_side_by_side_by_status_then_unit() {
    // `outcome` reads them as one slice: count and per cent of each status in turn.
    for ya in 1..=5 {
        for g in [Gender::Alle, Gender::Menn, Gender::Kvinner] {
            let at: Vec<usize> = Status::ALL.iter().flat_map(|&s| [cell_index(ya, g, s, Unit::Count), cell_index(ya, g, s, Unit::Percent)]).collect();
            assert_eq!(intro_status::data::cells_of(ya, g).collect::<Vec<_>>(), at, "{ya} {g:?}");
        }
    }
}
