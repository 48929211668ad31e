//! Reads the SSB table 10824 extract (the six `;`-separated files in `data/ssb10824/`) and the
//! table's region labels into a [`Dataset`]. Runs natively only: in the build script, which turns
//! the result into the compact form the wasm embeds, and in tests. No CSV parser ships in the wasm.
//!
//! Every column is read: status years, 1–5 years after, the three genders, the four statuses,
//! counts and per cent. Anything unexpected fails with the file, line and column.
//!
//! [`import_data`] and [`import_data_dir`] read the data directory as the build does: SSB's
//! JSON-stat file through [`table10824`] where it is there, else the extract. This module uses
//! `table10824`, never the other way round.

use crate::{check, table10824};
use intro_status_model::*;
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

/// The extract's files, in the order they are read. Level and years come from each file's header.
pub const EXTRACT_FILES: [&str; 6] = [
    "intro_status_arbutd-fylke-2011_2013.csv",
    "intro_status_arbutd-fylke-2014.csv",
    "intro_status_arbutd-kommune-2011_2013.csv",
    "intro_status_arbutd-kommune-2014.csv",
    "intro_status_arbutd-bydel-2011_2013.csv",
    "intro_status_arbutd-bydel-2014.csv",
];
/// Table 10824's PxWeb metadata, whose `Region` variable labels every region in the extract.
pub const METADATA_FILE: &str = "ssb10824_metadata_circa2015.json";

/// A located import error. `line` and `column` are 1-based; 0 means "the whole file".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (0, _) => write!(f, "{}: {}", self.file, self.message),
            (l, 0) => write!(f, "{}:{}: {}", self.file, l, self.message),
            (l, c) => write!(f, "{}:{}:{}: {}", self.file, l, c, self.message),
        }
    }
}

impl std::error::Error for ImportError {}

fn err(file: &str, line: usize, column: usize, message: impl Into<String>) -> ImportError {
    ImportError { file: file.to_string(), line, column, message: message.into() }
}

/// One data row of one file: a region and its cells for each status year in that file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractRow {
    pub level: Level,
    /// Normalised code (see [`Region::code`]); `0301` for the bydel files' "Oslo i alt" row.
    pub code: String,
    pub line: usize,
    pub years: Vec<(u16, Vec<Cell>)>,
}

/// Where a header column's value goes: status year and position in that year's block.
#[derive(Debug, Clone, Copy)]
struct Target {
    year: u16,
    index: usize,
    unit: Unit,
}

fn parse_header_name(name: &str) -> Result<Target, String> {
    let bad = || format!("unexpected column name {name:?}");
    let parts: Vec<&str> = name.split('_').collect();
    let [ya, kjonn, status, aar, enhet] = parts.as_slice() else { return Err(bad()) };
    let years_after = match ya.strip_prefix("avslutta.").ok_or_else(bad)? {
        "ettaar" => 1,
        "toaar" => 2,
        "treaar" => 3,
        "fireaar" => 4,
        "femaar" => 5,
        other => return Err(format!("unknown years-after code {other:?} in {name:?}")),
    };
    // IMDi's dimension dictionary: 1 = menn, 0 = kvinner.
    let gender = match kjonn.strip_prefix("kjonn.").ok_or_else(bad)? {
        "alle" => Gender::Alle,
        "1" => Gender::Menn,
        "0" => Gender::Kvinner,
        other => return Err(format!("unknown gender code {other:?} in {name:?}")),
    };
    let status = match status.strip_prefix("avslutning.status.4.").ok_or_else(bad)? {
        "alle" => Status::Alle,
        "arbutd" => Status::Arbutd,
        "ledig.tiltak" => Status::LedigTiltak,
        "annet" => Status::Annet,
        other => return Err(format!("unknown status code {other:?} in {name:?}")),
    };
    let year: u16 = aar
        .strip_prefix("aar.")
        .and_then(|y| y.parse().ok())
        .filter(|y| STATUS_YEAR_RANGE.contains(y))
        .ok_or_else(|| format!("no plausible status year in {name:?}"))?;
    let unit = match enhet.strip_prefix("enhet.").ok_or_else(bad)? {
        "personer" => Unit::Count,
        "prosent" => Unit::Percent,
        other => return Err(format!("unknown unit {other:?} in {name:?}")),
    };
    Ok(Target { year, index: cell_index(years_after, gender, status, unit), unit })
}

fn normalise_code(level: Level, raw: &str) -> Result<(Level, String), String> {
    if raw.is_empty() || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("region code {raw:?} is not a number"));
    }
    let n: u32 = raw.parse().map_err(|_| format!("region code {raw:?} is out of range"))?;
    Ok(match level {
        Level::Fylke if n == 0 => (Level::Land, "0".to_string()),
        Level::Fylke if n < 100 => (Level::Fylke, format!("{n:02}")),
        Level::Kommune if n < 10_000 => (Level::Kommune, format!("{n:04}")),
        // The bydel files carry Oslo as a whole as `301`; it is the kommune row 0301 again.
        Level::Bydel if n == 301 => (Level::Kommune, "0301".to_string()),
        Level::Bydel if (30_100..30_200).contains(&n) => (Level::Bydel, format!("{n:06}")),
        _ => return Err(format!("region code {raw:?} does not fit a {} file", level.as_str())),
    })
}

fn level_of_file(file: &str) -> Result<Level, ImportError> {
    for (tag, level) in [("-kommune-", Level::Kommune), ("-fylke-", Level::Fylke), ("-bydel-", Level::Bydel)] {
        if file.contains(tag) {
            return Ok(level);
        }
    }
    Err(err(file, 0, 0, "file name names no level (-kommune-, -fylke- or -bydel-)"))
}

/// Parses one extract file. `file` is its name, used for the level and in error messages.
pub fn parse_extract(file: &str, text: &str) -> Result<Vec<ExtractRow>, ImportError> {
    let level = level_of_file(file)?;
    let text = crate::without_bom(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Err(err(file, 1, 0, e.to_string())),
        None => return Err(err(file, 0, 0, "the file is empty")),
    };
    let first = header.get(0).unwrap_or("");
    let expected_first = format!("{}_nr", level.as_str());
    if first != expected_first {
        return Err(err(file, 1, 1, format!("first column is {first:?}, expected {expected_first:?}")));
    }
    let mut targets = Vec::with_capacity(header.len());
    let mut seen: BTreeMap<(u16, usize), usize> = BTreeMap::new();
    for (i, name) in header.iter().enumerate().skip(1) {
        let t = parse_header_name(name).map_err(|m| err(file, 1, i + 1, m))?;
        if let Some(prev) = seen.insert((t.year, t.index), i + 1) {
            return Err(err(file, 1, i + 1, format!("column {name:?} repeats column {prev}")));
        }
        targets.push(t);
    }
    let years: Vec<u16> = seen.keys().map(|k| k.0).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    if years.is_empty() {
        return Err(err(file, 1, 0, "the header has no data columns"));
    }
    for &y in &years {
        let n = seen.keys().filter(|k| k.0 == y).count();
        if n != CELLS_PER_YEAR {
            return Err(err(
                file,
                1,
                0,
                format!("status year {y} has {n} columns, expected {CELLS_PER_YEAR} (5 years after × 3 genders × 4 statuses × count and per cent)"),
            ));
        }
    }

    let mut rows = Vec::new();
    for record in records {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line() as usize).unwrap_or(0);
            err(file, line, 0, e.to_string())
        })?;
        let line = record.position().map(|p| p.line() as usize).unwrap_or(0);
        if record.len() == 1 && record.get(0) == Some("") {
            continue; // a blank line, e.g. at the end of the file
        }
        if record.len() != header.len() {
            return Err(err(file, line, 0, format!("{} fields, the header has {}", record.len(), header.len())));
        }
        let (row_level, code) = normalise_code(level, &record[0]).map_err(|m| err(file, line, 1, m))?;
        let region = format!("{} {code}", row_level.as_str());
        // A cell's place in the table's terms, for messages: region, status year, years after,
        // gender and the cell.
        let at = |t: &Target| {
            let (ya, g) = check::years_after_and_gender(t.index);
            format!("{}, {}", check::place(&region, t.year, ya, g), check::cell_name(t.index))
        };
        let mut blocks: Vec<(u16, Vec<Cell>)> =
            years.iter().map(|&y| (y, vec![Cell::Suppressed; CELLS_PER_YEAR])).collect();
        for (i, (raw, t)) in record.iter().skip(1).zip(&targets).enumerate() {
            let cell = parse_cell(raw).map_err(|m| err(file, line, i + 2, format!("{}: {m}", at(t))))?;
            if t.unit == Unit::Percent && matches!(cell, Cell::Value(p) if p > 100) {
                return Err(err(file, line, i + 2, format!("{}: per cent {raw} is over 100", at(t))));
            }
            let block = &mut blocks.iter_mut().find(|b| b.0 == t.year).expect("year listed").1;
            block[t.index] = cell;
        }
        // The figures against each other: the same check the JSON-stat reader runs.
        for (year, cells) in &blocks {
            let column = |index: usize| {
                let c = targets.iter().position(|t| t.year == *year && t.index == index).expect("every cell has a column") + 2;
                format!("column {c}")
            };
            if let Some(v) = check::check_year(row_level, &code, *year, cells).into_iter().find(|v| v.known.is_none()) {
                let first = targets.iter().position(|t| t.year == *year && t.index == v.cells[0]).expect("a column") + 2;
                return Err(err(file, line, first, v.describe(&region, *year, column)));
            }
        }
        rows.push(ExtractRow { level: row_level, code, line, years: blocks });
    }
    Ok(rows)
}

/// `:` is SSB's mark for a suppressed cell; anything else must be a whole number 0–65 535.
pub fn parse_cell(raw: &str) -> Result<Cell, String> {
    match raw {
        ":" => Ok(Cell::Suppressed),
        ".." | "..." => Ok(Cell::NotYet),
        "." => Ok(Cell::NotApplicable),
        "" => Err("empty cell (expected a number or ':')".to_string()),
        s if s.bytes().all(|b| b.is_ascii_digit()) => {
            s.parse().map(Cell::Value).map_err(|_| format!("{s:?} is too large for a count or per cent"))
        }
        s => match s.trim().parse::<f64>() {
            Ok(v) if v < 0.0 => Err(format!("{s:?} is negative: a count or per cent is a whole number from 0, or ':' (suppressed)")),
            Ok(v) if v.is_finite() => Err(format!("{s:?} is not a whole number: a count or per cent is a whole number from 0, or ':' (suppressed)")),
            _ => Err(format!("{s:?} is neither a number nor ':' (suppressed)")),
        },
    }
}

/// Region labels from table 10824's PxWeb metadata (`variables[code=Region]`), keyed by the
/// normalised code.
pub fn parse_labels(file: &str, text: &str) -> Result<BTreeMap<String, String>, ImportError> {
    #[derive(serde::Deserialize)]
    struct Meta {
        variables: Vec<Variable>,
    }
    #[derive(serde::Deserialize)]
    struct Variable {
        code: String,
        values: Vec<String>,
        #[serde(rename = "valueTexts")]
        value_texts: Vec<String>,
    }
    let meta: Meta = serde_json::from_str(crate::without_bom(text)).map_err(|e| err(file, e.line(), e.column(), e.to_string()))?;
    let region = meta
        .variables
        .into_iter()
        .find(|v| v.code == "Region")
        .ok_or_else(|| err(file, 0, 0, "no variable with code \"Region\""))?;
    if region.values.len() != region.value_texts.len() {
        return Err(err(file, 0, 0, "Region has different numbers of values and valueTexts"));
    }
    let mut labels = BTreeMap::new();
    for (code, text) in region.values.into_iter().zip(region.value_texts) {
        // Bydel codes carry a letter suffix in PxWeb ("030101a"); Oslo i alt is "030100aa".
        let digits = code.trim_end_matches(|c: char| c.is_ascii_alphabetic()).to_string();
        labels.insert(digits, text);
    }
    Ok(labels)
}

/// Reads the whole extract in `dir` into a dataset, checking that every region has a label and
/// that the bydel files' "Oslo i alt" row equals kommune 0301.
pub fn import_dir(dir: &Path) -> Result<Dataset, ImportError> {
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name)).map_err(|e| err(&dir.join(name).display().to_string(), 0, 0, e.to_string()))
    };
    let labels = parse_labels(METADATA_FILE, &read(METADATA_FILE)?)?;
    let mut files = Vec::new();
    for name in EXTRACT_FILES {
        files.push((name, read(name)?));
    }
    import_texts(&files, &labels)
}

/// Reads `data/ssb10824/` as the build does: SSB's JSON-stat 2.0 file ([`table10824::FILE_NAME`],
/// with the fetch date from [`table10824::FETCH_FILE_NAME`]) when it is there, else the CSV
/// extract ([`import_dir`]).
pub fn import_data_dir(dir: &Path) -> Result<Dataset, String> {
    use table10824::{FETCH_FILE_NAME, FILE_NAME};
    let json = dir.join(FILE_NAME);
    if !json.exists() {
        return import_dir(dir).map_err(|e| e.to_string());
    }
    let text = std::fs::read_to_string(&json).map_err(|e| format!("{FILE_NAME}: {e}"))?;
    let mut dataset = table10824::read(&text).map_err(|e| format!("{FILE_NAME}: {e}"))?.dataset;
    let fetch = dir.join(FETCH_FILE_NAME);
    if fetch.exists() {
        let text = std::fs::read_to_string(&fetch).map_err(|e| format!("{FETCH_FILE_NAME}: {e}"))?;
        dataset.source.fetched = Some(table10824::parse_fetch_info(&text).map_err(|e| format!("{FETCH_FILE_NAME}: {e}"))?.fetched);
    }
    Ok(dataset)
}

/// Files of today's kommune map, relative to the data root.
/// The KLASS 131 files: the newest version (by year in the name) is today's map, and the newest
/// change table (by date in the name) carries the old numbers onto it. `cargo xtask refresh`
/// adds newer ones beside these.
pub const MAP_DIR: &str = "klass131";
pub const MAP_VERSION_PREFIX: &str = "ssb_klass131_kommuneinndeling_version_";
pub const MAP_CHANGES_PREFIX: &str = "ssb_klass131_changes_1971_to_";
pub const MAP_FYLKER_FILE: &str = "names/fylker_2024.csv";
pub const MAP_NAMES_FILE: &str = "names/kommunenavn_geonorge_2023.csv";
pub const PUBLISHED_FILE: &str = "published/fylke_national_results.csv";
/// National figures typed in from SSB's, IMDi's and news pages, one row per figure with its
/// source URL and whether the page stated it or it was worked out (`grunnlag`).
pub const COMPILED_FILE: &str = "published/ssb_national_status_ett_aar_etter_compiled_from_pages.csv";
/// Every vendored source of national figures, in the order that breaks ties between them.
pub const NATIONAL_FILES: [&str; 2] = [PUBLISHED_FILE, COMPILED_FILE];

/// One national figure (one year after, both genders, all ages) as one source states it, before
/// the sources are merged by [`merge_national`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NationalFigure {
    pub point: PublishedPoint,
    /// The source's note says the figure is, or may be, preliminary ("foreløpig").
    pub preliminary: bool,
}

/// Whether a source URL is SSB's own publication: ssb.no or one of its hosts (statbank.ssb.no).
pub fn is_ssb(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("").to_ascii_lowercase();
    host == "ssb.no" || host.ends_with(".ssb.no")
}

/// Whether a source's note calls its figure preliminary, or possibly so.
fn says_preliminary(note: &str) -> bool {
    let note = note.to_lowercase();
    note.contains("preliminary") || note.contains("foreløpig")
}

/// A whole number field of a CSV row: `None` where empty.
fn whole_number(file: &str, line: usize, column: usize, raw: &str) -> Result<Option<u16>, ImportError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    raw.parse::<f64>()
        .ok()
        .filter(|v| v.fract() == 0.0 && (0.0..=65535.0).contains(v))
        .map(|v| Some(v as u16))
        .ok_or_else(|| err(file, line, column, format!("{raw:?} is not a whole number")))
}

/// The columns of a CSV header, by name, or an error naming the first that is missing.
fn columns<const N: usize>(file: &str, headers: &csv::StringRecord, names: [&str; N]) -> Result<[usize; N], ImportError> {
    let mut out = [0; N];
    for (i, name) in names.iter().enumerate() {
        out[i] = headers.iter().position(|h| h == *name).ok_or_else(|| err(file, 1, 0, format!("no column {name:?}")))?;
    }
    Ok(out)
}

/// A per cent over 100, or a count over its total, is a typing error in the source.
fn check_figure(file: &str, line: usize, p: &PublishedPoint) -> Result<(), ImportError> {
    if p.percent > 100 {
        return Err(err(file, line, 0, format!("{} per cent is over 100", p.percent)));
    }
    if let (Some(x), Some(n)) = (p.count, p.finished) {
        if x > n {
            return Err(err(file, line, 0, format!("{x} in work or education of {n} finished")));
        }
    }
    Ok(())
}

/// National one-year-after figures of the published results file (`fylke_national_results.csv`):
/// region 0, both genders, all ages, every row with a cohort and a per cent, in file order.
pub fn parse_published(file: &str, text: &str) -> Result<Vec<NationalFigure>, ImportError> {
    let mut reader = csv::ReaderBuilder::new().from_reader(crate::without_bom(text).as_bytes());
    let headers = reader.headers().map_err(|e| err(file, 1, 0, e.to_string()))?.clone();
    let [measure, cohort, region, gender, age, finished, count, percent, url, note] = columns(
        file,
        &headers,
        ["measure", "cohort_year", "region_code", "gender", "age_group", "finished", "in_work_or_education", "percent", "source_url", "note"],
    )?;
    let mut figures = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| err(file, e.position().map_or(0, |p| p.line() as usize), 0, e.to_string()))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        if &record[measure] != "one_year_after" || &record[region] != "0" || &record[gender] != "alle" || &record[age] != "alle" {
            continue;
        }
        let number = |i: usize| whole_number(file, line, i + 1, &record[i]);
        let (Some(c), Some(p)) = (number(cohort)?, number(percent)?) else { continue };
        let point = PublishedPoint { cohort: c, percent: p, finished: number(finished)?, count: number(count)?, source_url: record[url].to_string() };
        check_figure(file, line, &point)?;
        figures.push(NationalFigure { point, preliminary: says_preliminary(&record[note]) });
    }
    Ok(figures)
}

/// The share in work or education one year after, `alle`, of the hand-compiled national file
/// (`ssb_national_status_ett_aar_etter_compiled_from_pages.csv`), in file order. Only figures
/// the page stated (`grunnlag` = `stated`): a `derived` one was worked out from words such as
/// "økning på 4 prosentpoeng" and is no published figure. Counts only as a pair (in work or
/// education and its total): a lone total is rounded on its page ("nær 8 200").
pub fn parse_compiled(file: &str, text: &str) -> Result<Vec<NationalFigure>, ImportError> {
    let mut reader = csv::ReaderBuilder::new().from_reader(crate::without_bom(text).as_bytes());
    let headers = reader.headers().map_err(|e| err(file, 1, 0, e.to_string()))?.clone();
    let [cohort, status_year, group, measure, value, count, total, url, basis, note] = columns(
        file,
        &headers,
        ["avslutningsaar", "maaleaar_november", "gruppe", "maal", "verdi", "antall", "antall_i_alt", "kilde_url", "grunnlag", "merknad"],
    )?;
    let mut figures = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| err(file, e.position().map_or(0, |p| p.line() as usize), 0, e.to_string()))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        if &record[group] != "alle" || &record[measure] != "andel_arbeid_eller_utdanning_pct" {
            continue;
        }
        match &record[basis] {
            "stated" => {}
            "derived" => continue,
            other => return Err(err(file, line, basis + 1, format!("grunnlag {other:?} is neither \"stated\" nor \"derived\""))),
        }
        let number = |i: usize| whole_number(file, line, i + 1, &record[i]);
        let (Some(c), Some(p)) = (number(cohort)?, number(value)?) else {
            return Err(err(file, line, 0, "a stated figure needs avslutningsaar and verdi"));
        };
        if number(status_year)? != c.checked_add(1) {
            return Err(err(file, line, status_year + 1, format!("status year {:?} is not the year after cohort {c}", &record[status_year])));
        }
        let (count, finished) = match (number(count)?, number(total)?) {
            (Some(x), Some(n)) => (Some(x), Some(n)),
            _ => (None, None),
        };
        let point = PublishedPoint { cohort: c, percent: p, finished, count, source_url: record[url].to_string() };
        check_figure(file, line, &point)?;
        figures.push(NationalFigure { point, preliminary: says_preliminary(&record[note]) });
    }
    Ok(figures)
}

/// Every source's national figures as one list, by cohort, each cohort's figures in order of
/// preference (the first is the one to show where table 10824 has none):
/// 1. SSB's own publication (ssb.no, statbank.ssb.no) before anyone else's (IMDi, news);
/// 2. a figure its source does not call preliminary before one that it does;
/// 3. with both counts, then with the number finished, before per cent only;
/// 4. in the order of the sources ([`NATIONAL_FILES`]) and of their rows.
///
/// Of the figures a cohort's sources agree on, only the preferred is kept (the same per cent
/// from another page adds nothing the widget shows); the same figure from the same URL in two
/// sources gives it the counts either has. Every differing figure is kept, each with its
/// preferred source: the widget names them beside the one it shows.
pub fn merge_national(figures: impl IntoIterator<Item = NationalFigure>) -> Vec<PublishedPoint> {
    let mut merged: Vec<NationalFigure> = Vec::new();
    for f in figures {
        let p = &f.point;
        match merged.iter_mut().find(|m| (m.point.cohort, m.point.percent, &m.point.source_url) == (p.cohort, p.percent, &p.source_url)) {
            Some(m) => {
                if m.point.finished.is_none() {
                    m.point.finished = p.finished;
                }
                if m.point.count.is_none() {
                    m.point.count = p.count;
                }
                m.preliminary |= f.preliminary;
            }
            None => merged.push(f),
        }
    }
    let counts = |p: &PublishedPoint| match (p.count, p.finished) {
        (Some(_), Some(_)) => 0,
        (_, Some(_)) => 1,
        _ => 2,
    };
    // A stable sort keeps the sources' order among equals.
    merged.sort_by_key(|f| (f.point.cohort, !is_ssb(&f.point.source_url), f.preliminary, counts(&f.point)));
    let mut kept: Vec<PublishedPoint> = Vec::new();
    for f in merged {
        if !kept.iter().any(|k| (k.cohort, k.percent) == (f.point.cohort, f.point.percent)) {
            kept.push(f.point);
        }
    }
    kept
}

/// Everything the build embeds: the table from `<root>/ssb10824/`, today's kommune map from
/// `<root>/klass131/` and `<root>/names/` (with its kommuner's neighbours and shapes from
/// `<root>/kartverket/`, as [`add_neighbours`] and [`add_shapes`] give them, the file read once),
/// and the national figures published elsewhere from
/// `<root>/published/` ([`NATIONAL_FILES`], merged by [`merge_national`]).
pub fn import_data(root: &Path) -> Result<Dataset, ImportError> {
    let dir = root.join("ssb10824");
    // SSB's JSON-stat 2.0 file from `cargo xtask refresh` when it is there, else the CSV extract.
    let mut ds = if dir.join(table10824::FILE_NAME).exists() {
        import_data_dir(&dir).map_err(|m| err(&format!("ssb10824/{}", table10824::FILE_NAME), 0, 0, m))?
    } else {
        import_dir(&dir).map_err(|mut e| {
            if !e.file.starts_with('/') {
                e.file = format!("ssb10824/{}", e.file);
            }
            e
        })?
    };
    let read = |name: &str| std::fs::read_to_string(root.join(name)).map_err(|e| err(name, 0, 0, e.to_string()));
    let version_file = newest(root, MAP_VERSION_PREFIX)?;
    let changes_file = newest(root, MAP_CHANGES_PREFIX)?;
    let (version, changes, fylker, names) =
        (read(&version_file)?, read(&changes_file)?, read(MAP_FYLKER_FILE)?, read(MAP_NAMES_FILE)?);
    let mut history = Vec::new();
    for file in versions(root)?.into_iter().filter(|f| *f != version_file) {
        let text = read(&file)?;
        history.push((file, text));
    }
    let kommuner: Vec<&Region> = ds.regions.iter().filter(|r| r.region.level == Level::Kommune).map(|r| &r.region).collect();
    let inputs = crate::klass::MapInputs {
        version: (&version_file, &version),
        changes: (&changes_file, &changes),
        fylker: (MAP_FYLKER_FILE, &fylker),
        names: (MAP_NAMES_FILE, &names),
        history: history.iter().map(|(f, t)| (f.as_str(), t.as_str())).collect(),
    };
    ds.map = crate::klass::build_map(&kommuner, &inputs).map_err(|m| err("klass131", 0, 0, m))?;
    add_polygons(root, &mut ds.map, true, true)?;
    let mut national = parse_published(PUBLISHED_FILE, &read(PUBLISHED_FILE)?)?;
    national.extend(parse_compiled(COMPILED_FILE, &read(COMPILED_FILE)?)?);
    ds.national = merge_national(national);
    // (level, code) order, which lookups rely on (see `Dataset::region`).
    ds.regions.sort_by(|a, b| (a.region.level, &a.region.code).cmp(&(b.region.level, &b.region.code)));
    Ok(ds)
}

/// Gives today's kommuner their neighbours from Kartverket's polygons, `<root>/`[`neighbours::FILE`]
/// (see [`neighbours::apply`] for when the map and the file must agree). Without that file (a
/// data directory from before it was vendored) every kommune's neighbours stay empty.
///
/// [`neighbours::FILE`]: crate::neighbours::FILE
/// [`neighbours::apply`]: crate::neighbours::apply
pub fn add_neighbours(root: &Path, map: &mut KommuneMap) -> Result<(), ImportError> {
    add_polygons(root, map, true, false)
}

/// Gives today's kommuner their shapes on the map from Kartverket's polygons,
/// `<root>/`[`neighbours::FILE`], by the rules of [`add_neighbours`]: without that file, or for a
/// map older than the polygons, the shapes stay empty (see [`shapes`]).
///
/// [`neighbours::FILE`]: crate::neighbours::FILE
/// [`shapes`]: crate::shapes
pub fn add_shapes(root: &Path, map: &mut KommuneMap) -> Result<(), ImportError> {
    add_polygons(root, map, false, true)
}

/// [`add_neighbours`] and [`add_shapes`] from one reading of the file (it is 1.2 MB of JSON).
fn add_polygons(root: &Path, map: &mut KommuneMap, neighbours: bool, shapes: bool) -> Result<(), ImportError> {
    use crate::neighbours::{apply, borders, read_outlines, FILE};
    let path = root.join(FILE);
    if !path.exists() {
        return Ok(());
    }
    let text = std::fs::read_to_string(&path).map_err(|e| err(FILE, 0, 0, e.to_string()))?;
    let outlines = read_outlines(&text).map_err(|m| err(FILE, 0, 0, m))?;
    if neighbours {
        apply(map, &borders(&outlines)).map_err(|m| err(FILE, 0, 0, m))?;
    }
    if shapes {
        crate::shapes::apply_outlines(map, &outlines).map_err(|m| err(FILE, 0, 0, m))?;
    }
    Ok(())
}

/// Every `klass131/ssb_klass131_kommuneinndeling_version_<YYYY>.json`, oldest first, relative
/// to `root`.
pub fn versions(root: &Path) -> Result<Vec<String>, ImportError> {
    let dir = root.join(MAP_DIR);
    let entries = std::fs::read_dir(&dir).map_err(|e| err(MAP_DIR, 0, 0, e.to_string()))?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with(MAP_VERSION_PREFIX) && n.ends_with(".json"))
        .map(|n| format!("{MAP_DIR}/{n}"))
        .collect();
    names.sort();
    Ok(names)
}

/// `klass131/<prefix>…json` with the greatest name (the newest year or date), relative to `root`.
pub fn newest(root: &Path, prefix: &str) -> Result<String, ImportError> {
    let dir = root.join(MAP_DIR);
    let entries = std::fs::read_dir(&dir).map_err(|e| err(MAP_DIR, 0, 0, e.to_string()))?;
    entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with(prefix) && n.ends_with(".json"))
        .max()
        .map(|n| format!("{MAP_DIR}/{n}"))
        .ok_or_else(|| err(MAP_DIR, 0, 0, format!("no {prefix}*.json")))
}

/// [`import_dir`] on texts already read: `(file name, contents)` pairs.
pub fn import_texts(files: &[(&str, String)], labels: &BTreeMap<String, String>) -> Result<Dataset, ImportError> {
    let mut regions: BTreeMap<(Level, String), RegionData> = BTreeMap::new();
    let mut oslo_aggregate = Vec::new();
    for (file, text) in files {
        let in_bydel_file = level_of_file(file)? == Level::Bydel;
        for row in parse_extract(file, text)? {
            if in_bydel_file && row.level == Level::Kommune {
                oslo_aggregate.push((file.to_string(), row));
                continue;
            }
            let label_key = if row.level == Level::Land { "0".to_string() } else { row.code.clone() };
            let name = labels
                .get(&label_key)
                .ok_or_else(|| err(file, row.line, 1, format!("region {} has no label in {METADATA_FILE}", row.code)))?;
            let entry = regions.entry((row.level, row.code.clone())).or_insert_with(|| RegionData {
                region: Region { level: row.level, code: row.code.clone(), name: name.clone() },
                years: Default::default(),
            });
            for (year, cells) in row.years {
                if entry.years.insert(year, cells).is_some() {
                    return Err(err(file, row.line, 1, format!("region {} appears twice for status year {year}", row.code)));
                }
            }
        }
    }
    for (file, row) in oslo_aggregate {
        let oslo = regions
            .get(&(Level::Kommune, "0301".to_string()))
            .ok_or_else(|| err(&file, row.line, 1, "Oslo i alt row, but no kommune 0301"))?;
        // The bydel table suppresses more cells (so no bydel can be worked out by subtraction);
        // wherever both publish a value, they must agree.
        for (year, cells) in &row.years {
            let kommune = oslo.years.get(year).ok_or_else(|| {
                err(&file, row.line, 1, format!("Oslo i alt has status year {year}, kommune 0301 has not"))
            })?;
            let differs = cells.iter().zip(kommune).position(|pair| matches!(pair, (Cell::Value(a), Cell::Value(b)) if a != b));
            if let Some(i) = differs {
                return Err(err(&file, row.line, 0, format!("Oslo i alt differs from kommune 0301 in status year {year} (cell {i})")));
            }
        }
    }
    Ok(Dataset { regions: regions.into_values().collect(), ..Default::default() })
}
