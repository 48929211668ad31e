//! `cargo xtask refresh [--from DIR] [--data DIR] [--no-build] [--summary]`: new figures from SSB,
//! one command. `--summary` prints a pull request's text (markdown) on standard output: status
//! years added, figures changed, today's kommuner affected, warnings (see [`summary`]).
//!
//! Online (no `--from`) it fetches
//! - table 10824 from SSB's PxWebApi v2 as JSON-stat 2.0: every region and status year, genders
//!   0/1/2 (total, menn, kvinner), years after 01–05, statuses 00/1/2/3, persons and per cent by
//!   residence during the programme (`DeltakereProg`, `DeltakereProg1`). It reads the table's
//!   metadata first to check those codes still exist and to stay under the API's cell limit,
//!   fetching a few years at a time and joining them when the whole table is too large;
//! - KLASS 131 (kommuneinndeling): every version valid from five years before the first status
//!   year until today, and the change table 1971–today.
//!
//! `--from DIR` takes the same files already downloaded: one `*.jsonstat2.json` (the table),
//! optionally `table10824.fetch.json` (when and where it was fetched; else the file's date is the
//! fetch date), and any `ssb_klass131_kommuneinndeling_version_<YYYY>.json` and
//! `ssb_klass131_changes_1971_to_<YYYY-MM-DD>.json`.
//!
//! Either way the files are written to a temporary directory and read there exactly as the build
//! reads them, and then the whole data directory as it would be after the refresh (the KLASS 131
//! map of today's kommuner included); only if that succeeds are they moved into `data/`
//! (`--data DIR` for another directory), and the widget is rebuilt (`cargo xtask build`;
//! `--no-build` skips it). A refresh that fails validation prints every located error and leaves
//! `data/` as it was.

use intro_status_import::{import, jsonstat, model, table10824};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};
use table10824::FetchInfo;

type Result<T = ()> = std::result::Result<T, String>;

pub const PXWEB: &str = "https://data.ssb.no/api/pxwebapi/v2";
pub const KLASS: &str = "https://data.ssb.no/api/klass/v1";
/// The cell limit when SSB's `/config` does not say (PxWebApi's documented default at SSB).
const DEFAULT_MAX_CELLS: usize = 800_000;
/// Responses larger than this are refused (the whole table is a few MB).
const MAX_BODY: u64 = 200 * 1024 * 1024;
const KLASS_VERSION_PREFIX: &str = "ssb_klass131_kommuneinndeling_version_";
const KLASS_CHANGES_PREFIX: &str = "ssb_klass131_changes_1971_to_";
/// Where the refresh puts KLASS 131 inside the data directory.
const KLASS_DIR: &str = "klass131";
/// Where the table goes inside the data directory.
const TABLE_DIR: &str = "ssb10824";

/// The codes the project uses, requested explicitly (Region and Tid: all).
const SELECTION: [(&str, &str); 4] = [
    (table10824::DIM_GENDER, "0,1,2"),
    (table10824::DIM_YEARS_AFTER, "01,02,03,04,05"),
    (table10824::DIM_STATUS, "00,1,2,3"),
    (table10824::DIM_CONTENTS, "DeltakereProg,DeltakereProg1"),
];

#[derive(Debug)]
pub struct Options {
    pub from: Option<PathBuf>,
    pub data: PathBuf,
    pub build: bool,
    /// Print a pull request's text on standard output.
    pub summary: bool,
}

pub fn parse_args(args: &[String], root: &Path) -> Result<Options> {
    let usage = "usage: cargo xtask refresh [--from DIR] [--data DIR] [--no-build] [--summary]";
    let mut o = Options { from: None, data: root.join("data"), build: true, summary: false };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--from" => o.from = Some(PathBuf::from(it.next().ok_or(usage)?)),
            "--data" => o.data = PathBuf::from(it.next().ok_or(usage)?),
            "--no-build" => o.build = false,
            "--summary" => o.summary = true,
            _ => return Err(usage.into()),
        }
    }
    Ok(o)
}

/// The files one refresh installs.
#[derive(Debug, Clone)]
pub struct Download {
    /// Table 10824 as JSON-stat 2.0, as SSB sent it (or joined from several responses).
    pub table: String,
    pub fetch: FetchInfo,
    /// KLASS 131 files: (file name, contents as SSB sent them).
    pub klass: Vec<(String, String)>,
}

pub fn run(args: &[String]) -> Result {
    let o = parse_args(args, &super::root())?;
    let download = match &o.from {
        Some(dir) => read_downloaded(dir)?,
        None => fetch_online(&today())?,
    };
    // The data as the build reads them before, for the summary (nothing to compare if unreadable).
    let before = if o.summary { import::import_data(&o.data).ok() } else { None };
    let report = install(&download, &o.data)?;
    eprint!("{report}");
    if o.summary {
        let after = import::import_data(&o.data).map_err(|e| format!("data/{e}"))?;
        print!("{}", summary(before.as_ref(), &after, &report));
    }
    eprintln!(
        "xtask: table {} fetched {} installed in {} ({} warnings), {} KLASS 131 files",
        model::TABLE,
        download.fetch.fetched,
        o.data.display(),
        report.warnings.len(),
        download.klass.len()
    );
    if o.build {
        super::build()?;
    }
    Ok(())
}

// --- Installing ------------------------------------------------------------------------------

/// Writes the download to a temporary directory, reads it there as the build does, and only
/// then moves each file into `data`. On any error `data` is left as it was.
pub fn install(d: &Download, data: &Path) -> Result<table10824::Report> {
    let stage = std::env::temp_dir().join(format!("intro-status-refresh-{}-{}", std::process::id(), nanos()));
    let result = stage_and_check(d, &stage).and_then(|(report, files)| {
        check_whole(data, &stage, &files)?;
        move_into(&stage, data, &files)?;
        Ok(report)
    });
    std::fs::remove_dir_all(&stage).ok();
    result
}

fn nanos() -> u128 {
    SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_nanos())
}

fn write(path: &Path, text: &str) -> Result {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Stages every file and validates it; returns the report and the staged files (relative paths).
fn stage_and_check(d: &Download, stage: &Path) -> Result<(table10824::Report, Vec<PathBuf>)> {
    let mut files = Vec::new();
    let table = Path::new(TABLE_DIR).join(table10824::FILE_NAME);
    let fetch = Path::new(TABLE_DIR).join(table10824::FETCH_FILE_NAME);
    write(&stage.join(&table), &d.table)?;
    write(&stage.join(&fetch), &(serde_json::to_string_pretty(&d.fetch).expect("two strings") + "\n"))?;
    files.push(table);
    files.push(fetch);

    // The report (warnings) from the reader; then the very read the build does.
    let report = table10824::read(&d.table).map_err(|e| format!("{}: {e}", table10824::FILE_NAME))?.report;
    let dataset = import::import_data_dir(&stage.join(TABLE_DIR))?;
    if dataset.source.fetched.as_deref() != Some(d.fetch.fetched.as_str()) {
        return Err("the staged fetch date did not read back".into());
    }

    let mut changes = 0;
    for (name, text) in &d.klass {
        check_klass_file(name, text)?;
        changes += name.starts_with(KLASS_CHANGES_PREFIX) as usize;
        let rel = Path::new(KLASS_DIR).join(name);
        write(&stage.join(&rel), text)?;
        files.push(rel);
    }
    if changes > 1 {
        return Err("more than one KLASS 131 change table".into());
    }
    Ok((report, files))
}

/// Reads the whole data directory as the next build will: `data` with the staged files over it
/// (a new change table replacing the old), through the build's own import, KLASS 131 map and
/// all. A download that passes the checks of its files but not the map (a kommune of the data
/// that ends in no kommune of the newest version, say) is refused here, with the build's
/// message, and not at the next build.
fn check_whole(data: &Path, stage: &Path, files: &[PathBuf]) -> Result {
    let whole = stage.join(".whole");
    super::copy_changed(data, &whole)?;
    for rel in files {
        std::fs::copy(stage.join(rel), whole.join(rel)).map_err(|e| format!("{}: {e}", whole.join(rel).display()))?;
    }
    drop_old_change_tables(&whole, files)?;
    import::import_data(&whole).map(drop).map_err(|e| format!("the data as the build would read it: data/{e}"))
}

/// Where `files` bring a change table, the other change tables in `data` go.
fn drop_old_change_tables(data: &Path, files: &[PathBuf]) -> Result {
    let new_changes: Vec<&str> = files
        .iter()
        .filter_map(|f| f.file_name()?.to_str())
        .filter(|n| n.starts_with(KLASS_CHANGES_PREFIX))
        .collect();
    if let [keep] = new_changes.as_slice() {
        let dir = data.join(KLASS_DIR);
        for entry in std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
            let name = entry.map_err(|e| e.to_string())?.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(KLASS_CHANGES_PREFIX) && name.ends_with(".json") && name != *keep {
                std::fs::remove_file(dir.join(&*name)).map_err(|e| format!("{name}: {e}"))?;
            }
        }
    }
    Ok(())
}

/// Moves staged files into `data`: each is copied beside its destination and renamed over it,
/// so a file is either the old or the new one. A new change table replaces the old ones.
fn move_into(stage: &Path, data: &Path, files: &[PathBuf]) -> Result {
    for rel in files {
        let dest = data.join(rel);
        let dir = dest.parent().expect("files are inside a directory");
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let tmp = dir.join(format!(".{}.refresh-tmp", rel.file_name().and_then(|n| n.to_str()).unwrap_or("file")));
        std::fs::copy(stage.join(rel), &tmp).map_err(|e| format!("{}: {e}", tmp.display()))?;
        std::fs::rename(&tmp, &dest).map_err(|e| format!("{}: {e}", dest.display()))?;
    }
    drop_old_change_tables(data, files)
}

#[derive(serde::Deserialize)]
pub(crate) struct KlassVersion {
    #[serde(rename = "validFrom")]
    pub(crate) valid_from: String,
    #[serde(rename = "classificationItems")]
    pub(crate) items: Vec<KlassItem>,
}

#[derive(serde::Deserialize)]
pub(crate) struct KlassItem {
    pub(crate) code: String,
    pub(crate) name: String,
}

#[derive(serde::Deserialize)]
pub(crate) struct KlassChanges {
    #[serde(rename = "codeChanges")]
    pub(crate) changes: Vec<KlassChange>,
}

#[derive(serde::Deserialize)]
pub(crate) struct KlassChange {
    #[serde(rename = "oldCode")]
    pub(crate) old_code: String,
    #[serde(rename = "newCode")]
    pub(crate) new_code: String,
    #[serde(rename = "changeOccurred")]
    pub(crate) occurred: String,
}

fn is_kommune_code(c: &str) -> bool {
    c.len() == 4 && c.bytes().all(|b| b.is_ascii_digit())
}

/// A KLASS 131 file is what its name says: a version starting in that year with kommune codes
/// and names, or a change table with dated code changes.
pub fn check_klass_file(name: &str, text: &str) -> Result {
    let json_err = |e: serde_json::Error| format!("{name}: line {} column {}: {e}", e.line(), e.column());
    if let Some(year) = name.strip_prefix(KLASS_VERSION_PREFIX).and_then(|r| r.strip_suffix(".json")) {
        let v: KlassVersion = serde_json::from_str(intro_status_import::without_bom(text)).map_err(json_err)?;
        if !v.valid_from.starts_with(year) || year.len() != 4 {
            return Err(format!("{name}: validFrom is {:?}, not in {year}", v.valid_from));
        }
        if v.items.is_empty() {
            return Err(format!("{name}: no classificationItems"));
        }
        if let Some((i, item)) = v.items.iter().enumerate().find(|(_, x)| !is_kommune_code(&x.code) || x.name.is_empty()) {
            return Err(format!("{name}: classificationItems[{i}]: {:?} {:?} is not a kommune code and name", item.code, item.name));
        }
        Ok(())
    } else if let Some(date) = name.strip_prefix(KLASS_CHANGES_PREFIX).and_then(|r| r.strip_suffix(".json")) {
        if !table10824::is_date(date) {
            return Err(format!("{name}: {date:?} in the name is not a date"));
        }
        let c: KlassChanges = serde_json::from_str(intro_status_import::without_bom(text)).map_err(json_err)?;
        if let Some((i, ch)) = c.changes.iter().enumerate().find(|(_, x)| {
            !is_kommune_code(&x.old_code) || !is_kommune_code(&x.new_code) || !table10824::is_date(&x.occurred) || x.occurred.as_str() > date
        }) {
            return Err(format!(
                "{name}: codeChanges[{i}]: {:?} → {:?} on {:?} is not a kommune code change up to {date}",
                ch.old_code, ch.new_code, ch.occurred
            ));
        }
        Ok(())
    } else {
        Err(format!("{name}: not a KLASS 131 file name ({KLASS_VERSION_PREFIX}YYYY.json or {KLASS_CHANGES_PREFIX}YYYY-MM-DD.json)"))
    }
}

// --- Files already downloaded ----------------------------------------------------------------

/// Reads what `--from DIR` names.
pub fn read_downloaded(dir: &Path) -> Result<Download> {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let mut tables = Vec::new();
    let mut klass = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .map(|e| e.map(|e| e.path()).map_err(|e| e.to_string()))
        .collect::<Result<_>>()?;
    entries.sort();
    for path in entries {
        let Some(name) = path.file_name().and_then(|n| n.to_str()).map(String::from) else { continue };
        if name.ends_with(".jsonstat2.json") {
            tables.push(path);
        } else if (name.starts_with(KLASS_VERSION_PREFIX) || name.starts_with(KLASS_CHANGES_PREFIX)) && name.ends_with(".json") {
            klass.push((name, read(&path)?));
        }
    }
    let [table] = tables.as_slice() else {
        return Err(format!("{}: expected one *.jsonstat2.json (table 10824), found {}", dir.display(), tables.len()));
    };
    let sidecar = dir.join(table10824::FETCH_FILE_NAME);
    let fetch = if sidecar.exists() {
        table10824::parse_fetch_info(&read(&sidecar)?).map_err(|e| format!("{}: {e}", sidecar.display()))?
    } else {
        // The file's own date is when it was downloaded.
        let modified = std::fs::metadata(table).and_then(|m| m.modified()).map_err(|e| format!("{}: {e}", table.display()))?;
        FetchInfo { fetched: date_of(modified), from: Some(format!("file {}", table.display())) }
    };
    Ok(Download { table: read(table)?, fetch, klass })
}

// --- Online ----------------------------------------------------------------------------------

/// The PxWebApi v2 URL for table 10824's data, as JSON-stat 2.0: the selection above, all
/// regions, and the status years given (`*` for all). Brackets are percent-encoded.
pub fn data_url(years: &str) -> String {
    let mut url = format!("{PXWEB}/tables/{}/data?lang=no&outputFormat=json-stat2", model::TABLE);
    let mut add = |dim: &str, codes: &str| url.push_str(&format!("&valueCodes%5B{dim}%5D={codes}"));
    add(table10824::DIM_REGION, "*");
    for (dim, codes) in SELECTION {
        add(dim, codes);
    }
    add(table10824::DIM_TIME, years);
    url
}

pub fn metadata_url() -> String {
    format!("{PXWEB}/tables/{}/metadata?lang=no&outputFormat=json-stat2", model::TABLE)
}

pub fn klass_index_url() -> String {
    format!("{KLASS}/classifications/131.json")
}

pub fn klass_version_url(id: u64) -> String {
    format!("{KLASS}/versions/{id}.json")
}

pub fn klass_changes_url(to: &str) -> String {
    format!("{KLASS}/classifications/131/changes.json?from=1971-01-01&to={to}")
}

/// Status years in groups small enough for the cell limit, oldest first.
pub fn year_chunks(years: &[String], cells_per_year: usize, max_cells: usize) -> Vec<Vec<String>> {
    let per = (max_cells / cells_per_year.max(1)).max(1);
    years.chunks(per).map(|c| c.to_vec()).collect()
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(600)))
        .http_status_as_error(false)
        .build()
        .into()
}

fn get(agent: &ureq::Agent, url: &str) -> Result<String> {
    eprintln!("xtask: GET {url}");
    let mut response = agent.get(url).header("Accept", "application/json").call().map_err(|e| format!("{url}: {e}"))?;
    let status = response.status();
    let body = response
        .body_mut()
        .with_config()
        .limit(MAX_BODY)
        .read_to_string()
        .map_err(|e| format!("{url}: {e}"))?;
    if !status.is_success() {
        let excerpt: String = body.chars().take(400).collect();
        return Err(format!("{url}: HTTP {status}: {excerpt}"));
    }
    Ok(body)
}

#[derive(serde::Deserialize)]
struct PxConfig {
    #[serde(rename = "maxDataCells")]
    max_data_cells: Option<usize>,
}

#[derive(serde::Deserialize)]
struct KlassIndex {
    versions: Vec<KlassVersionRef>,
}

#[derive(serde::Deserialize)]
struct KlassVersionRef {
    id: u64,
    #[serde(rename = "validFrom")]
    valid_from: String,
    #[serde(rename = "validTo")]
    valid_to: Option<String>,
}

/// KLASS versions valid at some time from `from` (a date) until `to`, as (id, validFrom).
fn versions_between(index: &KlassIndex, from: &str, to: &str) -> Vec<(u64, String)> {
    let mut out: Vec<(u64, String)> = index
        .versions
        .iter()
        .filter(|v| v.valid_from.as_str() <= to && v.valid_to.as_deref().is_none_or(|t| t > from))
        .map(|v| (v.id, v.valid_from.clone()))
        .collect();
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out
}

fn fetch_online(today: &str) -> Result<Download> {
    let agent = agent();
    let meta = jsonstat::parse_metadata(&get(&agent, &metadata_url())?).map_err(|e| format!("{}: {e}", metadata_url()))?;
    for (dim, codes) in SELECTION {
        let (_, d) = meta.dimension(dim).ok_or_else(|| format!("table {} no longer has the dimension {dim}", model::TABLE))?;
        for code in codes.split(',') {
            if !d.categories.iter().any(|c| c.id == code) {
                let have: Vec<&str> = d.categories.iter().map(|c| c.id.as_str()).collect();
                return Err(format!("table {}'s {dim} no longer has the code {code}; it has {}", model::TABLE, have.join(", ")));
            }
        }
    }
    let count = |dim: &str| meta.dimension(dim).map_or(0, |(_, d)| d.categories.len());
    let years: Vec<String> = meta
        .dimension(table10824::DIM_TIME)
        .ok_or("the metadata has no Tid")?
        .1
        .categories
        .iter()
        .map(|c| c.id.clone())
        .collect();
    let per_year: usize = count(table10824::DIM_REGION) * SELECTION.iter().map(|(_, c)| c.split(',').count()).product::<usize>();
    let max_cells = get(&agent, &format!("{PXWEB}/config"))
        .ok()
        .and_then(|t| serde_json::from_str::<PxConfig>(&t).ok())
        .and_then(|c| c.max_data_cells)
        .unwrap_or(DEFAULT_MAX_CELLS);
    let chunks = year_chunks(&years, per_year, max_cells);
    let (table, from) = if chunks.len() <= 1 {
        let url = data_url("*");
        (get(&agent, &url)?, url)
    } else {
        eprintln!("xtask: {} cells per status year, limit {max_cells}: fetching {} parts", per_year, chunks.len());
        let mut parts = Vec::new();
        for chunk in &chunks {
            let url = data_url(&chunk.join(","));
            parts.push(jsonstat::parse(&get(&agent, &url)?).map_err(|e| format!("{url}: {e}"))?);
        }
        let joined = jsonstat::Cube::concat(parts, table10824::DIM_TIME).map_err(|e| e.to_string())?;
        (jsonstat::write(&joined), data_url("*"))
    };

    let first_year: i32 = years.iter().filter_map(|y| y.parse().ok()).min().ok_or("table 10824 lists no status years")?;
    // Cohorts go back five years before the first status year.
    let from_date = format!("{}-01-01", first_year - 5);
    let index: KlassIndex = serde_json::from_str(&get(&agent, &klass_index_url())?).map_err(|e| format!("{}: {e}", klass_index_url()))?;
    let mut klass = Vec::new();
    for (id, valid_from) in versions_between(&index, &from_date, today) {
        let name = format!("{KLASS_VERSION_PREFIX}{}.json", &valid_from.get(..4).unwrap_or("????"));
        if klass.iter().any(|(n, _)| *n == name) {
            return Err(format!("two KLASS 131 versions start in {}; {name} would hold both", &valid_from[..4.min(valid_from.len())]));
        }
        klass.push((name, get(&agent, &klass_version_url(id))?));
    }
    klass.push((format!("{KLASS_CHANGES_PREFIX}{today}.json"), get(&agent, &klass_changes_url(today))?));
    Ok(Download { table, fetch: FetchInfo { fetched: today.to_string(), from: Some(from) }, klass })
}

// --- Dates -----------------------------------------------------------------------------------

/// Today (UTC) as `YYYY-MM-DD`.
pub fn today() -> String {
    date_of(SystemTime::now())
}

fn date_of(t: SystemTime) -> String {
    let secs = match t.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(d) => d.as_secs() as i64,
        Err(e) => -(e.duration().as_secs() as i64),
    };
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// The proleptic Gregorian date `days` after 1970-01-01 (eras of 400 years, years from March).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468; // days since 0000-03-01
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_from_march + 2) / 5 + 1) as u32;
    let month = if month_from_march < 10 { month_from_march + 3 } else { month_from_march - 9 } as u32;
    let year = year_of_era + era * 400 + (month <= 2) as i64;
    (year, month, day)
}

// --- The pull request's text -------------------------------------------------------------------

/// Consecutive years as ranges: "2015–2025", "2011, 2013–2014"; "none" for none.
fn year_ranges(years: &[u16]) -> String {
    let mut parts: Vec<(u16, u16)> = Vec::new();
    for &y in years {
        match parts.last_mut() {
            Some((_, to)) if *to + 1 == y => *to = y,
            _ => parts.push((y, y)),
        }
    }
    if parts.is_empty() {
        return "none".into();
    }
    parts.iter().map(|&(a, b)| if a == b { a.to_string() } else { format!("{a}–{b}") }).collect::<Vec<_>>().join(", ")
}

/// One cell of a status year's block in words: "1 year after, alle, arbutd, count".
fn cell_words(i: usize) -> String {
    use model::{Gender, Status, CELLS_PER_YEARS_AFTER};
    let ya = i / CELLS_PER_YEARS_AFTER + 1;
    let rest = i % CELLS_PER_YEARS_AFTER;
    let (g, s, u) = (Gender::ALL[rest / 8], Status::ALL[rest / 2 % 4], if rest.is_multiple_of(2) { "count" } else { "per cent" });
    format!("{ya} year{} after, {}, {}, {u}", if ya == 1 { "" } else { "s" }, g.as_str(), s.as_str())
}

fn cell_text(c: model::Cell) -> String {
    c.value().map_or_else(|| format!("`{}`", c.symbol().unwrap_or(":")), |v| v.to_string())
}

/// A refresh as a pull request's text (markdown, English): the fetch, status years added and
/// removed, figures changed in the years both have (how many, and the first few with old → new),
/// today's kommuner affected (a changed or added figure of any of their numbers since 2011), and
/// the import's warnings by kind (known defects, `..`/`.` cells kept apart, …). `before` is
/// `None` when the data directory could not be read before the refresh.
pub fn summary(before: Option<&model::Dataset>, after: &model::Dataset, report: &table10824::Report) -> String {
    use std::collections::BTreeSet;
    use std::fmt::Write;
    const EXAMPLES: usize = 5;
    const KOMMUNER: usize = 30;
    let mut out = String::new();
    let src = &after.source;
    let _ = writeln!(out, "## SSB table {}: new figures\n", src.table);
    let _ = writeln!(
        out,
        "Fetched {}{}{}.\n",
        src.fetched.as_deref().unwrap_or("(date unknown)"),
        src.updated.as_deref().map_or(String::new(), |u| format!(", updated by SSB {u}")),
        if src.preliminary { "; SSB marks some figures as preliminary" } else { "" }
    );
    let empty = model::Dataset::default();
    let before = before.unwrap_or(&empty);
    let (old_years, new_years) = (before.status_years(), after.status_years());
    let added: Vec<u16> = new_years.iter().copied().filter(|y| !old_years.contains(y)).collect();
    let removed: Vec<u16> = old_years.iter().copied().filter(|y| !new_years.contains(y)).collect();
    let _ = writeln!(out, "### Status years\n");
    let _ = writeln!(out, "- added: {}", year_ranges(&added));
    let _ = writeln!(out, "- removed: {}", year_ranges(&removed));
    let _ = writeln!(out, "- now: {}\n", year_ranges(&new_years));

    // Cells that differ in (region, year)s both have; cells of (region, year)s that are new.
    let (mut changed, mut new_cells) = (0usize, 0usize);
    let mut examples = Vec::new();
    let mut touched: BTreeSet<(model::Level, String)> = BTreeSet::new();
    for r in &after.regions {
        let old = before.region(r.region.level, &r.region.code);
        for (y, cells) in &r.years {
            match old.and_then(|o| o.years.get(y)) {
                None => {
                    new_cells += cells.len();
                    touched.insert((r.region.level, r.region.code.clone()));
                }
                Some(old_cells) => {
                    for (i, (a, b)) in old_cells.iter().zip(cells).enumerate() {
                        if a != b {
                            changed += 1;
                            touched.insert((r.region.level, r.region.code.clone()));
                            if examples.len() < EXAMPLES {
                                let level = r.region.level.as_str();
                                let (code, name, words) = (&r.region.code, &r.region.name, cell_words(i));
                                examples.push(format!("- {level} {code} {name}, status year {y}, {words}: {} → {}", cell_text(*a), cell_text(*b)));
                            }
                        }
                    }
                }
            }
        }
    }
    let _ = writeln!(out, "### Figures\n");
    let _ = writeln!(out, "- {changed} figures changed in status years the data had already");
    let _ = writeln!(out, "- {new_cells} figures in status years new to a region\n");
    if !examples.is_empty() {
        let _ = writeln!(out, "For example:\n\n{}\n", examples.join("\n"));
    }

    // Today's kommuner with a touched figure under their own number, a source's or a former one.
    let affected: Vec<&model::TodayKommune> = after
        .map
        .kommuner
        .iter()
        .filter(|k| {
            let codes = std::iter::once(&k.code).chain(k.sources.iter().map(|s| &s.code)).chain(k.former.iter().map(|f| &f.code));
            codes.into_iter().any(|c| touched.contains(&(model::Level::Kommune, c.clone())))
        })
        .collect();
    let _ = writeln!(out, "### Kommuner affected\n");
    let _ = writeln!(out, "{} of today's {} kommuner (KLASS 131, {}):\n", affected.len(), after.map.kommuner.len(), after.map.version);
    for k in affected.iter().take(KOMMUNER) {
        let _ = writeln!(out, "- {} {}", k.code, k.name);
    }
    if affected.len() > KOMMUNER {
        let _ = writeln!(out, "- … and {} more", affected.len() - KOMMUNER);
    }
    let _ = writeln!(out);

    let _ = writeln!(out, "### Warnings\n");
    if report.warnings.is_empty() && report.notes.is_empty() {
        let _ = writeln!(out, "None.");
    }
    let mut kinds: Vec<table10824::Problem> = report.warnings.iter().map(|w| w.problem).collect();
    kinds.sort();
    kinds.dedup();
    for p in kinds {
        let of: Vec<&table10824::Issue> = report.warnings.iter().filter(|w| w.problem == p).collect();
        let _ = writeln!(out, "- {p:?}: {} (first: {})", of.len(), of[0]);
    }
    for n in &report.notes {
        let _ = writeln!(out, "- note: {n}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn repo() -> PathBuf {
        super::super::root()
    }

    fn fixtures() -> PathBuf {
        repo().join("tests/fixtures")
    }

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("intro-status-{name}-{}-{}", std::process::id(), nanos()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// Every file below `dir`, relative path → bytes.
    fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut out = BTreeMap::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    out.insert(p.strip_prefix(dir).unwrap().to_path_buf(), std::fs::read(&p).unwrap());
                }
            }
        }
        out
    }

    /// A copy of the repository's `data/` to refresh, instead of the real one.
    fn data_copy() -> PathBuf {
        let dir = temp("data").join("data");
        crate::copy_changed(&repo().join("data"), &dir).unwrap();
        dir
    }

    #[test]
    fn refresh_from_the_fixture_directory_into_a_copy_of_data() {
        let real_before = snapshot(&repo().join("data"));
        let data = data_copy();
        let o = parse_args(&["--from".into(), fixtures().display().to_string(), "--data".into(), data.display().to_string(), "--no-build".into()], &repo())
            .unwrap();
        assert!(!o.build);
        let download = read_downloaded(o.from.as_deref().unwrap()).unwrap();
        assert!(table10824::is_date(&download.fetch.fetched), "{:?}", download.fetch);
        assert_eq!(download.klass.len(), 2);
        let report = install(&download, &o.data).unwrap();
        // The extract's four known defects (`check::KNOWN_DEFECTS`), reported and let through.
        assert_eq!(report.count(table10824::Problem::KnownDefect), 4);

        let table = data.join("ssb10824").join(table10824::FILE_NAME);
        assert_eq!(std::fs::read(&table).unwrap(), std::fs::read(fixtures().join("10824.jsonstat2.json")).unwrap());
        for name in ["ssb_klass131_kommuneinndeling_version_2013.json", "ssb_klass131_changes_1971_to_2025-01-02.json"] {
            assert_eq!(std::fs::read(data.join("klass131").join(name)).unwrap(), std::fs::read(fixtures().join(name)).unwrap());
        }
        // What the build now reads: the JSON-stat file, with its fetch date, equal to the CSV.
        let csv = import::import_dir(&data.join("ssb10824")).unwrap();
        let built = import::import_data_dir(&data.join("ssb10824")).unwrap();
        assert_eq!(built.regions, csv.regions);
        assert_eq!(built.source.fetched.as_deref(), Some(download.fetch.fetched.as_str()));
        let fetch = std::fs::read_to_string(data.join("ssb10824").join(table10824::FETCH_FILE_NAME)).unwrap();
        assert!(fetch.contains("\"from\": \"file ") && fetch.contains("10824.jsonstat2.json"), "{fetch}");
        // Nothing left behind, and the real data/ untouched.
        assert!(!snapshot(&data).keys().any(|p| p.to_string_lossy().contains("refresh-tmp")));
        assert_eq!(snapshot(&repo().join("data")), real_before);
        std::fs::remove_dir_all(data.parent().unwrap()).ok();
    }

    fn download_from_fixtures() -> Download {
        read_downloaded(&fixtures()).unwrap()
    }

    #[test]
    fn a_refresh_that_fails_validation_leaves_data_untouched() {
        let data = data_copy();
        let before = snapshot(&data);
        let good = download_from_fixtures();

        let mut bad = good.clone();
        bad.table = good.table.replacen("\"status\":{\"", "\"status\":{\"0\":\"x\",\"", 1);
        let e = install(&bad, &data).unwrap_err();
        assert!(e.contains("unknown status symbol \"x\""), "{e}");
        assert!(e.starts_with("table10824.jsonstat2.json: table 10824 refused, 1 error:\n  $.status[\"0\"] (Region=0, Kjonn=0,"), "{e}");
        assert_eq!(snapshot(&data), before);

        let mut bad = good.clone();
        bad.klass[0].1 = bad.klass[0].1.replacen("\"newCode\":\"1201\"", "\"newCode\":\"12O1\"", 1);
        let e = install(&bad, &data).unwrap_err();
        assert!(e.starts_with("ssb_klass131_changes_1971_to_2025-01-02.json: codeChanges[0]: \"1248\" → \"12O1\""), "{e}");
        assert_eq!(snapshot(&data), before);

        let mut bad = good.clone();
        bad.fetch.fetched = "i dag".into();
        assert!(install(&bad, &data).unwrap_err().contains("not a date"));
        assert_eq!(snapshot(&data), before);

        // No table at all in the directory.
        let empty = temp("empty");
        assert!(read_downloaded(&empty).unwrap_err().contains("expected one *.jsonstat2.json (table 10824), found 0"));
        std::fs::remove_dir_all(data.parent().unwrap()).ok();
        std::fs::remove_dir_all(empty).ok();
    }

    /// A table whose figures cannot be (a count above the number who finished, the statuses
    /// together above it, a per cent off its counts): refused with the cells, nothing written.
    #[test]
    fn an_impossible_table_is_refused_and_data_is_left_as_it_was() {
        let data = data_copy();
        let before = snapshot(&data);
        let good = download_from_fixtures();
        let cube = jsonstat::parse(&good.table).unwrap();
        // Oslo kommune, 2014, one year after, both genders: 251 finished, 140 (56 %) in work or
        // education, 11 unemployed or on measures, 100 other.
        let at = |status: &str, contents: &str| {
            let strides = cube.strides();
            [("Region", "0301"), ("Kjonn", "0"), ("IntroAvbrudd", "01"), ("Arbeidsmarkedsstatus", status), ("ContentsCode", contents), ("Tid", "2014")]
                .iter()
                .map(|(dim, id)| {
                    let (d, dimension) = cube.dimension(dim).unwrap();
                    strides[d] * dimension.categories.iter().position(|c| c.id == *id).unwrap()
                })
                .sum::<usize>()
        };
        for (status, contents, value, says) in [
            ("1", "DeltakereProg", 252.0, "arbutd count 252 is above the 251 who finished"),
            ("3", "DeltakereProg", 101.0, "the statuses together, arbutd 140 + ledig_tiltak 11 + annet 101 = 252, are above the 251 who finished"),
            ("1", "DeltakereProg1", 60.0, "arbutd per cent 60 disagrees with its counts: 140 of the 251 who finished is 55.8 %"),
        ] {
            let mut broken = cube.clone();
            let i = at(status, contents);
            assert!(broken.values[i].is_some());
            broken.values[i] = Some(value);
            let mut bad = good.clone();
            bad.table = jsonstat::write(&broken);
            let e = install(&bad, &data).unwrap_err();
            assert!(e.starts_with("table10824.jsonstat2.json: table 10824 refused, "), "{e}");
            assert!(e.contains(&format!("kommune 0301, status year 2014, 1 year after (cohort 2013), alle: {says}; cells: ")), "{e}");
            assert_eq!(snapshot(&data), before, "data/ is as it was");
        }
        std::fs::remove_dir_all(data.parent().unwrap()).ok();
    }

    /// A KLASS version each of whose files is well formed, but on which the build cannot map the
    /// data (Bergen gone from the newest version): refused at refresh with the build's message,
    /// `data/` as it was. Before the whole data was read at refresh, this passed and the next
    /// build failed.
    #[test]
    fn a_download_the_kommune_map_cannot_take_is_refused_before_anything_moves() {
        let data = data_copy();
        let before = snapshot(&data);
        let mut d = download_from_fixtures();
        let v2024 = std::fs::read_to_string(repo().join("data/klass131/ssb_klass131_kommuneinndeling_version_2024.json")).unwrap();
        let mut version: serde_json::Value = serde_json::from_str(&v2024).unwrap();
        version["validFrom"] = "2030-01-01".into();
        version["classificationItems"].as_array_mut().unwrap().retain(|k| k["code"] != "4601");
        let name = format!("{KLASS_VERSION_PREFIX}2030.json");
        let text = serde_json::to_string(&version).unwrap();
        check_klass_file(&name, &text).unwrap();
        d.klass.push((name, text));
        let e = install(&d, &data).unwrap_err();
        assert!(e.starts_with("the data as the build would read it: data/klass131"), "{e}");
        assert!(e.contains("4601") || e.contains("1201"), "{e}");
        assert_eq!(snapshot(&data), before);
        std::fs::remove_dir_all(data.parent().unwrap()).ok();
    }

    #[test]
    fn a_new_change_table_replaces_the_old_and_a_fetch_sidecar_gives_the_date() {
        let data = data_copy();
        let mut d = download_from_fixtures();
        install(&d, &data).unwrap();
        let text = d.klass.iter().find(|(n, _)| n.starts_with(KLASS_CHANGES_PREFIX)).unwrap().1.clone();
        d.klass = vec![(format!("{KLASS_CHANGES_PREFIX}2025-11-25.json"), text)];
        d.fetch = FetchInfo { fetched: "2025-11-25".into(), from: Some(data_url("*")) };
        install(&d, &data).unwrap();
        let names: Vec<String> = std::fs::read_dir(data.join("klass131")).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
        assert!(names.contains(&"ssb_klass131_changes_1971_to_2025-11-25.json".to_string()), "{names:?}");
        assert!(!names.contains(&"ssb_klass131_changes_1971_to_2025-01-02.json".to_string()), "{names:?}");
        assert!(names.contains(&"ssb_klass131_kommuneinndeling_version_2013.json".to_string()), "versions stay: {names:?}");

        // The sidecar `--from` reads.
        let dir = temp("download");
        std::fs::copy(fixtures().join("10824.jsonstat2.json"), dir.join("table10824.jsonstat2.json")).unwrap();
        std::fs::write(dir.join(table10824::FETCH_FILE_NAME), "{\"fetched\": \"2025-11-25\", \"from\": \"https://example\"}").unwrap();
        let d = read_downloaded(&dir).unwrap();
        assert_eq!(d.fetch, FetchInfo { fetched: "2025-11-25".into(), from: Some("https://example".into()) });
        assert!(d.klass.is_empty());
        let ds = import::import_data_dir(&data.join("ssb10824")).unwrap();
        assert_eq!(ds.source.fetched.as_deref(), Some("2025-11-25"));
        std::fs::remove_dir_all(data.parent().unwrap()).ok();
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn urls_for_pxwebapi_v2_and_klass() {
        assert_eq!(
            data_url("*"),
            "https://data.ssb.no/api/pxwebapi/v2/tables/10824/data?lang=no&outputFormat=json-stat2\
             &valueCodes%5BRegion%5D=*&valueCodes%5BKjonn%5D=0,1,2&valueCodes%5BIntroAvbrudd%5D=01,02,03,04,05\
             &valueCodes%5BArbeidsmarkedsstatus%5D=00,1,2,3&valueCodes%5BContentsCode%5D=DeltakereProg,DeltakereProg1\
             &valueCodes%5BTid%5D=*"
        );
        assert_eq!(metadata_url(), "https://data.ssb.no/api/pxwebapi/v2/tables/10824/metadata?lang=no&outputFormat=json-stat2");
        assert_eq!(klass_version_url(473), "https://data.ssb.no/api/klass/v1/versions/473.json");
        assert_eq!(
            klass_changes_url("2025-11-25"),
            "https://data.ssb.no/api/klass/v1/classifications/131/changes.json?from=1971-01-01&to=2025-11-25"
        );
        assert_eq!(klass_index_url(), "https://data.ssb.no/api/klass/v1/classifications/131.json");
    }

    #[test]
    fn years_are_fetched_in_parts_under_the_cell_limit() {
        let years: Vec<String> = (2011..=2024).map(|y| y.to_string()).collect();
        // ~1 100 regions × 3 × 5 × 4 × 2 = 132 000 cells a year; 800 000 allow six years a request.
        let chunks = year_chunks(&years, 132_000, 800_000);
        assert_eq!(chunks.iter().map(Vec::len).collect::<Vec<_>>(), [6, 6, 2]);
        assert_eq!(year_chunks(&years, 10, 800_000).len(), 1);
        assert_eq!(year_chunks(&years, 900_000, 800_000).len(), 14, "one year a request at least");
    }

    #[test]
    fn klass_versions_that_overlap_the_table_years() {
        let text = std::fs::read_to_string(repo().join("tests/fixtures/ssb_klass131_kommuneinndeling_version_2013.json")).unwrap();
        check_klass_file("ssb_klass131_kommuneinndeling_version_2013.json", &text).unwrap();
        assert!(check_klass_file("ssb_klass131_kommuneinndeling_version_2014.json", &text).unwrap_err().contains("validFrom is \"2013-01-01\", not in 2014"));
        assert!(check_klass_file("klass.json", &text).unwrap_err().contains("not a KLASS 131 file name"));
        let index = KlassIndex {
            versions: vec![
                KlassVersionRef { id: 1, valid_from: "2002-01-01".into(), valid_to: Some("2006-01-01".into()) },
                KlassVersionRef { id: 2, valid_from: "2006-01-01".into(), valid_to: Some("2008-01-01".into()) },
                KlassVersionRef { id: 4, valid_from: "2024-01-01".into(), valid_to: None },
                KlassVersionRef { id: 3, valid_from: "2013-01-01".into(), valid_to: Some("2015-01-01".into()) },
            ],
        };
        let picked: Vec<u64> = versions_between(&index, "2006-01-01", "2025-11-25").iter().map(|v| v.0).collect();
        assert_eq!(picked, [2, 3, 4]);
    }

    #[test]
    fn dates_from_the_clock() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(20_417), (2025, 11, 25));
        assert_eq!(date_of(SystemTime::UNIX_EPOCH + Duration::from_secs(20_417 * 86_400 + 86_399)), "2025-11-25");
        assert!(table10824::is_date(&today()));
    }
}
