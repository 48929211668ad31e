//! Impossible tables are refused (issue 17, item 9), by the CSV extract's reader and the
//! JSON-stat reader alike, since both run `intro_status_import::check`: a status count above the
//! number who finished, the statuses together above it, a per cent that disagrees with its
//! counts beyond rounding, and negative or non-integer counts. Each test starts from a valid
//! table and breaks one cell; the error must name the file (or JSON path), region, status year,
//! years after, gender and cells. Also: a UTF-8 BOM is read past, and the real data pass.
//!
//! That `cargo xtask refresh` then leaves `data/` untouched is tested beside `install`, in
//! `xtask/src/refresh.rs` (`an_impossible_table_is_refused_and_data_is_left_as_it_was`).

use intro_status_import::check::{self, Rule, KNOWN_DEFECTS};
use intro_status_import::import::{self, import_data, import_data_dir, import_dir, parse_extract};
use intro_status_import::jsonstat::{self, Cube};
use intro_status_import::model::{cell_index, Cell, Dataset, Gender, Level, Status, Unit, CELLS_PER_YEAR};
use intro_status_import::table10824::{self, Problem};
use std::path::{Path, PathBuf};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The frozen fixture's table (the real 2015 extract, see tests/fixtures/data/README.md).
fn fixture_table() -> PathBuf {
    repo().join("tests/fixtures/data/ssb10824")
}

const FYLKE_2014: &str = "intro_status_arbutd-fylke-2014.csv";
const BYDEL_2014: &str = "intro_status_arbutd-bydel-2014.csv";

fn read(file: &str) -> String {
    std::fs::read_to_string(fixture_table().join(file)).unwrap()
}

/// One CSV file of the extract as cells, to break one of them.
struct Csv(Vec<Vec<String>>);

impl Csv {
    fn open(file: &str) -> Csv {
        Csv(read(file).lines().map(|l| l.split(';').map(String::from).collect()).collect())
    }
    /// (line index, column index) of a region's row and a header's column.
    fn at(&self, code: &str, column: &str) -> (usize, usize) {
        let c = self.0[0].iter().position(|h| h == column).unwrap_or_else(|| panic!("{column}"));
        let l = self.0.iter().position(|r| r[0] == code).unwrap_or_else(|| panic!("{code}"));
        (l, c)
    }
    fn get(&self, code: &str, column: &str) -> &str {
        let (l, c) = self.at(code, column);
        &self.0[l][c]
    }
    fn set(&mut self, code: &str, column: &str, value: &str) {
        let (l, c) = self.at(code, column);
        self.0[l][c] = value.to_string();
    }
    fn text(&self) -> String {
        self.0.iter().map(|l| l.join(";")).collect::<Vec<_>>().join("\n") + "\n"
    }
}

/// A column of the 2014 files, one year after, both genders.
fn col(status: &str, unit: &str) -> String {
    format!("avslutta.ettaar_kjonn.alle_avslutning.status.4.{status}_aar.2014_enhet.{unit}")
}

/// Østfold (fylke 01), 2014, one year after, both genders, as SSB published it: 136 finished,
/// 59 (43 %) in work or education, 39 (29 %) unemployed or on measures, 38 (28 %) other.
fn ostfold() -> Csv {
    let csv = Csv::open(FYLKE_2014);
    let figures: Vec<&str> = ["alle", "arbutd", "ledig.tiltak", "annet"].iter().map(|s| csv.get("01", &col(s, "personer"))).collect();
    assert_eq!(figures, ["136", "59", "39", "38"]);
    assert_eq!(csv.get("01", &col("arbutd", "prosent")), "43");
    parse_extract(FYLKE_2014, &csv.text()).expect("the file as it is passes");
    csv
}

fn csv_error(csv: &Csv) -> String {
    parse_extract(FYLKE_2014, &csv.text()).expect_err("the broken table was accepted").to_string()
}

// --- A small JSON-stat table: real figures of the fixture, a few regions --------------------

fn small() -> Dataset {
    let mut ds = import_dir(&fixture_table()).unwrap();
    ds.regions.retain(|r| ["0", "03", "0301", "030101"].contains(&r.region.code.as_str()));
    ds
}

fn index(cube: &Cube, cats: &[(&str, &str)]) -> usize {
    let strides = cube.strides();
    cats.iter()
        .map(|(dim, id)| {
            let (d, dimension) = cube.dimension(dim).unwrap();
            strides[d] * dimension.categories.iter().position(|c| c.id == *id).unwrap()
        })
        .sum()
}

/// Oslo kommune, 2014, one year after, both genders: 251 finished, 140 (56 %) in work or education.
fn oslo<'a>(status: &'a str, contents: &'a str) -> [(&'static str, &'a str); 6] {
    [
        ("Region", "0301"),
        ("Kjonn", "0"),
        ("IntroAvbrudd", "01"),
        ("Arbeidsmarkedsstatus", status),
        ("ContentsCode", contents),
        ("Tid", "2014"),
    ]
}

fn json_errors(cube: &Cube) -> table10824::Rejected {
    table10824::read(&jsonstat::write(cube)).expect_err("the broken table was accepted")
}

// --- One test per rule ----------------------------------------------------------------------

#[test]
fn a_status_count_above_the_number_who_finished_is_refused() {
    let mut csv = ostfold();
    csv.set("01", &col("arbutd", "personer"), "137");
    assert_eq!(
        csv_error(&csv),
        "intro_status_arbutd-fylke-2014.csv:3:4: fylke 01, status year 2014, 1 year after (cohort 2013), alle: \
         arbutd count 137 is above the 136 who finished; cells: arbutd count (column 4), alle count (column 2)"
    );

    let mut cube = table10824::to_cube(&small());
    let i = index(&cube, &oslo("1", "DeltakereProg"));
    let total = index(&cube, &oslo("00", "DeltakereProg"));
    assert_eq!((cube.values[i], cube.values[total]), (Some(140.0), Some(251.0)));
    cube.values[i] = Some(252.0);
    let e = json_errors(&cube);
    assert!(e.has(Problem::CountExceedsTotal), "{e}");
    assert_eq!(
        e.errors[0].to_string(),
        format!(
            "$.value[{i}] (Region=0301, Kjonn=0, IntroAvbrudd=01, Arbeidsmarkedsstatus=1, ContentsCode=DeltakereProg, Tid=2014): \
             kommune 0301, status year 2014, 1 year after (cohort 2013), alle: arbutd count 252 is above the 251 who finished; \
             cells: arbutd count ($.value[{i}]), alle count ($.value[{total}])"
        )
    );
}

#[test]
fn the_statuses_together_above_the_number_who_finished_are_refused() {
    // Østfold's "other" 38 → 40 (with its per cent 28 → 29, as 40 of 136 is 29.4 %): each status
    // is below 136, together they are 138.
    let mut csv = ostfold();
    csv.set("01", &col("annet", "personer"), "40");
    csv.set("01", &col("annet", "prosent"), "29");
    assert_eq!(
        csv_error(&csv),
        "intro_status_arbutd-fylke-2014.csv:3:4: fylke 01, status year 2014, 1 year after (cohort 2013), alle: \
         the statuses together, arbutd 59 + ledig_tiltak 39 + annet 40 = 138, are above the 136 who finished; \
         cells: arbutd count (column 4), ledig_tiltak count (column 5), annet count (column 6), alle count (column 2)"
    );
    // A suppressed status counts as nothing: the published ones alone are already too many.
    csv.set("01", &col("ledig.tiltak", "personer"), ":");
    csv.set("01", &col("ledig.tiltak", "prosent"), ":");
    csv.set("01", &col("annet", "personer"), "80");
    csv.set("01", &col("annet", "prosent"), "59");
    assert!(csv_error(&csv).contains("the statuses together, arbutd 59 + annet 80 = 139 (and ledig_tiltak suppressed), are above the 136"));

    // Oslo: 140 + 11 + 100 = 251; one more "other" (and its per cent still 40) is 252.
    let mut cube = table10824::to_cube(&small());
    let annet = index(&cube, &oslo("3", "DeltakereProg"));
    assert_eq!(cube.values[annet], Some(100.0));
    cube.values[annet] = Some(101.0);
    let e = json_errors(&cube);
    assert_eq!(e.errors.len(), 1, "{e}");
    assert_eq!(e.errors[0].problem, Problem::StatusesExceedTotal);
    assert!(
        e.errors[0].message.starts_with(
            "kommune 0301, status year 2014, 1 year after (cohort 2013), alle: the statuses together, arbutd 140 + ledig_tiltak 11 + annet 101 = 252, are above the 251 who finished; cells: arbutd count ($.value["
        ),
        "{e}"
    );
}

#[test]
fn a_per_cent_that_disagrees_with_its_counts_is_refused() {
    // 59 of 136 is 43.4 %: 43 (rounded) and 44 (a point up) pass, 45 does not.
    let mut csv = ostfold();
    csv.set("01", &col("arbutd", "prosent"), "44");
    parse_extract(FYLKE_2014, &csv.text()).expect("within rounding");
    csv.set("01", &col("arbutd", "prosent"), "45");
    assert_eq!(
        csv_error(&csv),
        "intro_status_arbutd-fylke-2014.csv:3:7: fylke 01, status year 2014, 1 year after (cohort 2013), alle: \
         arbutd per cent 45 disagrees with its counts: 59 of the 136 who finished is 43.4 %; \
         cells: arbutd per cent (column 7), arbutd count (column 4), alle count (column 2)"
    );
    // The total's own per cent is 100.
    let mut csv = ostfold();
    csv.set("01", &col("alle", "prosent"), "99");
    assert!(csv_error(&csv).ends_with("alle: alle per cent 99 disagrees with its counts: 136 of the 136 who finished is 100.0 %; cells: alle per cent (column 3), alle count (column 2)"));

    let mut cube = table10824::to_cube(&small());
    let p = index(&cube, &oslo("1", "DeltakereProg1"));
    assert_eq!(cube.values[p], Some(56.0));
    cube.values[p] = Some(90.0);
    let e = json_errors(&cube);
    assert_eq!(e.errors.len(), 1, "{e}");
    assert_eq!(e.errors[0].problem, Problem::PercentMismatch);
    assert!(e.errors[0].location.starts_with(&format!("$.value[{p}] (Region=0301, Kjonn=0, IntroAvbrudd=01, Arbeidsmarkedsstatus=1, ContentsCode=DeltakereProg1, Tid=2014)")), "{e}");
    assert!(e.errors[0].message.contains("alle: arbutd per cent 90 disagrees with its counts: 140 of the 251 who finished is 55.8 %"), "{e}");
}

/// Synthetic figures (made up for the rule, not SSB's): one block of one region and year.
#[test]
fn rounding_and_nobody_finished_on_a_synthetic_block() {
    let block = |total: u16, arbutd: u16, percent: u16| {
        let mut cells = vec![Cell::Suppressed; CELLS_PER_YEAR];
        cells[cell_index(3, Gender::Menn, Status::Alle, Unit::Count)] = Cell::Value(total);
        cells[cell_index(3, Gender::Menn, Status::Arbutd, Unit::Count)] = Cell::Value(arbutd);
        cells[cell_index(3, Gender::Menn, Status::Arbutd, Unit::Percent)] = Cell::Value(percent);
        check::check_year(Level::Kommune, "9999", 2020, &cells)
    };
    // 1 of 3 is 33.3 %; 2 of 3 is 66.7 %; 1 of 8 is 12.5 % (SSB rounds halves up: 13).
    for (t, c, p) in [(3, 1, 33), (3, 1, 34), (3, 2, 67), (3, 2, 66), (8, 1, 13), (8, 1, 12), (0, 0, 0), (5, 0, 0), (5, 5, 100)] {
        assert_eq!(block(t, c, p), [], "{c} of {t} at {p} %");
    }
    for (t, c, p) in [(3, 1, 35), (3, 1, 32), (5, 5, 99), (5, 0, 1)] {
        let v = block(t, c, p);
        assert_eq!(v.len(), 1, "{c} of {t} at {p} %: {v:?}");
        assert_eq!((v[0].rule, v[0].years_after, v[0].gender), (Rule::PercentMismatch, 3, Gender::Menn));
    }
    // Nobody finished: any per cent but 0 is impossible.
    let v = block(0, 0, 40);
    assert_eq!(v[0].what, "arbutd per cent 40 where nobody finished");
    assert_eq!(
        v[0].describe("kommune 9999", 2020, |i| format!("#{i}")),
        "kommune 9999, status year 2020, 3 years after (cohort 2017), menn: arbutd per cent 40 where nobody finished; \
         cells: arbutd per cent (#59), alle count (#56)"
    );
}

#[test]
fn negative_or_non_integer_counts_are_refused() {
    for (value, says) in [("-59", "\"-59\" is negative"), ("58.5", "\"58.5\" is not a whole number"), ("59.0", "\"59.0\" is not a whole number")] {
        let mut csv = ostfold();
        csv.set("01", &col("arbutd", "personer"), value);
        let e = csv_error(&csv);
        assert!(
            e.starts_with(&format!("intro_status_arbutd-fylke-2014.csv:3:4: fylke 01, status year 2014, 1 year after (cohort 2013), alle, arbutd count: {says}")),
            "{e}"
        );
    }
    for (value, says) in [(-1.0, "count -1 is not a whole number from 0 to 65535"), (140.5, "count 140.5 is not a whole number from 0 to 65535")] {
        let mut cube = table10824::to_cube(&small());
        let i = index(&cube, &oslo("1", "DeltakereProg"));
        cube.values[i] = Some(value);
        let e = json_errors(&cube);
        assert_eq!(e.errors[0].problem, Problem::CountOutOfRange);
        assert_eq!(
            e.errors[0].to_string(),
            format!("$.value[{i}] (Region=0301, Kjonn=0, IntroAvbrudd=01, Arbeidsmarkedsstatus=1, ContentsCode=DeltakereProg, Tid=2014): {says}")
        );
    }
}

// --- The build's path: the data directory ---------------------------------------------------

fn temp(name: &str) -> PathBuf {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    let dir = std::env::temp_dir().join(format!("intro-status-refuse-{name}-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The fixture's table directory copied, each file through `f`.
fn table_copy(name: &str, f: impl Fn(&str, String) -> String) -> PathBuf {
    let dir = temp(name);
    for e in std::fs::read_dir(fixture_table()).unwrap() {
        let p = e.unwrap().path();
        let file = p.file_name().unwrap().to_str().unwrap().to_string();
        std::fs::write(dir.join(&file), f(&file, std::fs::read_to_string(&p).unwrap())).unwrap();
    }
    dir
}

#[test]
fn the_builds_csv_import_refuses_with_the_file_and_the_json_stat_file_too() {
    let mut csv = ostfold();
    csv.set("01", &col("arbutd", "personer"), "137");
    let broken = csv.text();
    let dir = table_copy("csv", |file, text| if file == FYLKE_2014 { broken.clone() } else { text });
    let e = import_data_dir(&dir).unwrap_err();
    assert!(e.starts_with("intro_status_arbutd-fylke-2014.csv:3:4: fylke 01, status year 2014, 1 year after (cohort 2013), alle: arbutd count 137"), "{e}");

    // The same table as SSB's JSON-stat file in the directory, which the build reads first.
    let mut ds = import_dir(&fixture_table()).unwrap();
    let oslo = ds.regions.iter_mut().find(|r| r.region.code == "0301").unwrap();
    oslo.years.get_mut(&2014).unwrap()[cell_index(1, Gender::Alle, Status::Arbutd, Unit::Count)] = Cell::Value(300);
    std::fs::write(dir.join(table10824::FILE_NAME), table10824::write(&ds)).unwrap();
    let e = import_data_dir(&dir).unwrap_err();
    assert!(e.starts_with("table10824.jsonstat2.json: table 10824 refused, 2 errors:\n  $.value["), "{e}");
    assert!(e.contains("kommune 0301, status year 2014, 1 year after (cohort 2013), alle: arbutd count 300 is above the 251 who finished"), "{e}");
    assert!(e.contains("arbutd per cent 56 disagrees with its counts: 300 of the 251 who finished is 119.5 %"), "{e}");
    std::fs::remove_dir_all(dir).ok();
}

// --- A byte order mark ----------------------------------------------------------------------

const BOM: &str = "\u{feff}";

#[test]
fn a_bom_at_the_start_of_a_csv_file_is_read_past() {
    let plain = parse_extract(FYLKE_2014, &read(FYLKE_2014)).unwrap();
    assert_eq!(parse_extract(FYLKE_2014, &format!("{BOM}{}", read(FYLKE_2014))).unwrap(), plain);
    // Every file of the directory with a BOM, the metadata JSON too: the same dataset.
    let dir = table_copy("bom-csv", |_, text| format!("{BOM}{text}"));
    assert!(std::fs::read(dir.join(FYLKE_2014)).unwrap().starts_with(&[0xEF, 0xBB, 0xBF]));
    assert_eq!(import_data_dir(&dir).unwrap(), import_dir(&fixture_table()).unwrap());
    // The national figures' CSV files too.
    for (file, parse) in [
        (import::PUBLISHED_FILE, import::parse_published as fn(&str, &str) -> Result<_, _>),
        (import::COMPILED_FILE, import::parse_compiled),
    ] {
        let text = std::fs::read_to_string(repo().join("tests/fixtures/data").join(file)).unwrap();
        assert_eq!(parse(file, &format!("{BOM}{text}")).unwrap(), parse(file, &text).unwrap(), "{file}");
    }
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_bom_at_the_start_of_a_json_stat_file_is_read_past() {
    let text = table10824::write(&small());
    let plain = table10824::read(&text).unwrap().dataset;
    assert_eq!(table10824::read(&format!("{BOM}{text}")).unwrap().dataset, plain);
    assert!(jsonstat::parse_metadata(&format!("{BOM}{text}")).is_ok());
    assert_eq!(
        table10824::parse_fetch_info(&format!("{BOM}{{\"fetched\": \"2025-11-25\"}}")).unwrap().fetched,
        "2025-11-25"
    );
    // As the build reads it from the data directory, with its fetch file.
    let dir = temp("bom-json");
    std::fs::write(dir.join(table10824::FILE_NAME), format!("{BOM}{text}")).unwrap();
    std::fs::write(dir.join(table10824::FETCH_FILE_NAME), format!("{BOM}{{\"fetched\": \"2025-11-25\"}}")).unwrap();
    let ds = import_data_dir(&dir).unwrap();
    assert_eq!(ds.regions, plain.regions);
    assert_eq!(ds.source.fetched.as_deref(), Some("2025-11-25"));
    std::fs::remove_dir_all(dir).ok();
}

// --- The real data pass ---------------------------------------------------------------------

#[test]
fn the_vendored_data_and_the_fixture_pass_and_break_no_rule_but_the_known_defects() {
    for root in [repo().join("data"), repo().join("tests/fixtures/data")] {
        let ds = import_data(&root).unwrap_or_else(|e| panic!("{}: {e}", root.display()));
        let mut known = Vec::new();
        for r in &ds.regions {
            for (&year, cells) in &r.years {
                for v in check::check_year(r.region.level, &r.region.code, year, cells) {
                    let where_ = v.describe(&format!("{} {}", r.region.level.as_str(), r.region.code), year, |i| i.to_string());
                    assert!(v.known.is_some(), "{}: {where_}", root.display());
                    known.push((r.region.code.clone(), v.rule));
                }
            }
        }
        // Each known defect is there, exactly once: the list names figures the data have.
        assert_eq!(known.len(), KNOWN_DEFECTS.len(), "{}: {known:?}", root.display());
        for k in &KNOWN_DEFECTS {
            assert!(known.contains(&(k.code.to_string(), Rule::PercentMismatch)), "{}", k.code);
            let cell = |s, u| ds.region(k.level, k.code).unwrap().cell(k.year, k.years_after, k.gender, s, u);
            let (c, t, p) = k.figures;
            assert_eq!(
                [cell(k.status, Unit::Count), cell(Status::Alle, Unit::Count), cell(k.status, Unit::Percent)],
                [Cell::Value(c), Cell::Value(t), Cell::Value(p)].map(Some)
            );
        }
    }
    // The fixture written as JSON-stat reads with the four reported, nothing refused.
    let text = std::fs::read_to_string(repo().join("tests/fixtures/10824.jsonstat2.json")).unwrap();
    let report = table10824::read(&text).unwrap_or_else(|e| panic!("{e}")).report;
    assert_eq!(report.count(Problem::KnownDefect), KNOWN_DEFECTS.len(), "{report}");
}

/// What the known defects are: in the bydel file of 2014 every bydel's counts of kvinner two years
/// after equal its counts one year after, while the per cent are two years after's own. The
/// exception is for those figures only: another per cent in the same cell is refused.
#[test]
fn the_known_defects_are_copied_counts_and_let_through_only_as_they_stand() {
    let csv = Csv::open(BYDEL_2014);
    let column = |ya: &str, status: &str, unit: &str| format!("avslutta.{ya}_kjonn.0_avslutning.status.4.{status}_aar.2014_enhet.{unit}");
    for row in csv.0.iter().skip(1).filter(|r| r.len() > 1) {
        for status in ["alle", "arbutd", "ledig.tiltak", "annet"] {
            assert_eq!(csv.get(&row[0], &column("toaar", status, "personer")), csv.get(&row[0], &column("ettaar", status, "personer")), "{}", row[0]);
        }
    }
    // Frogner (030105): 9 of 12 "other", 0 % as published; 1 % there is refused.
    assert_eq!(csv.get("30105", &column("toaar", "annet", "prosent")), "0");
    let mut broken = Csv::open(BYDEL_2014);
    broken.set("30105", &column("toaar", "annet", "prosent"), "1");
    let e = parse_extract(BYDEL_2014, &broken.text()).unwrap_err().to_string();
    assert!(
        e.contains(": bydel 030105, status year 2014, 2 years after (cohort 2012), kvinner: annet per cent 1 disagrees with its counts: 9 of the 12 who finished is 75.0 %"),
        "{e}"
    );
}
