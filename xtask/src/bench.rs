//! `cargo xtask bench`: intro-status beside a Chart.js 4 page drawing the same chart from the same
//! data, measured in one headless Chromium run (issue 9).
//!
//! 1. builds `dist/` in release and asks the native binary for every figure on today's kommune map
//!    (`export --map 2024`, the kommuner the widget offers);
//! 2. writes into `target/bench/` a reference script (Chart.js's job: the goal chart, data inlined
//!    as JSON) and five pages: ours and the reference, with one chart and with 20, and ours with
//!    one chart pasted as the builder's static snippet (issue 20: drawn in the HTML, taken over);
//! 3. serves the repository on 127.0.0.1 and lets `bench/run.mjs` load the pages in Chromium;
//! 4. prints the table of `bench/run.mjs`'s samples: absolute figures, ours / Chart.js, targets.
//!
//! Nothing here is a test: the figures depend on the machine. The pure parts below are tested.

use super::Result;
use serde::Deserialize;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, Stdio};
use intro_status::data::{Dataset, Embedded};
use intro_status::embed::{snippets, Choices};
use intro_status::text::Lang;
use intro_status::views::ViewKind;

/// The kommune the one-chart pages start on.
const FIRST_KOMMUNE: &str = "0301";
/// Charts on the many-widget pages.
const MANY: usize = 20;
/// Kommune switches measured per page (after a few unmeasured ones).
const SWITCHES: usize = 120;
const SWITCH_TARGET_MS: f64 = 4.0;
const MANY_TARGET_MS: f64 = 100.0;
const FIRST_CHART_TARGET_RATIO: f64 = 0.5;
/// Issue 20: with the static snippet, the chart is visible after at most this share of the time
/// Chart.js takes to show its first chart, and the widget is live by Chart.js's time.
const STATIC_VISIBLE_TARGET_RATIO: f64 = 0.2;
const STATIC_LIVE_TARGET_RATIO: f64 = 1.0;
/// Issue 19: a view switch to the map, against one to the goal chart.
const MAP_TARGET_RATIO: f64 = 2.0;
/// Issue 21: the full-size synthetic table adds at most 15 KB gzip to the script.
const FULL_SIZE_MORE_BYTES: u64 = 15_000;

/// Today's kommune names: the KLASS 131 version the widget's map is built on.
const KLASS_VERSION: &str = "data/klass131/ssb_klass131_kommuneinndeling_version_2024.json";

pub fn run() -> Result {
    super::setup_test()?;
    super::build()?;
    // Issue 21: the same widget built on the synthetic full-size table (2011–2025), beside it.
    super::full_size::build()?;
    let root = super::root();
    let csv = export_csv(&root)?;
    let klass = std::fs::read_to_string(root.join(KLASS_VERSION)).map_err(|e| format!("{KLASS_VERSION}: {e}"))?;
    let data = reference_data(&csv, &kommune_names(&klass)?)?;

    let dir = root.join("target/bench");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let script = std::fs::read(root.join("dist/intro-status.js")).map_err(|e| format!("dist/intro-status.js: {e}"))?;
    write_pages(&root, &dir, &data, &super::standalone::sri(&script))?;

    let port = start_server(&root)?;
    let samples_path = dir.join("samples.json");
    super::run(
        Command::new("node")
            .arg("bench/run.mjs")
            .arg(format!("http://127.0.0.1:{port}/"))
            .arg(&samples_path)
            .env("CHROMIUM", "/usr/bin/chromium")
            .current_dir(&root),
    )?;
    let text = std::fs::read_to_string(&samples_path).map_err(|e| format!("{}: {e}", samples_path.display()))?;
    let samples: Samples = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", samples_path.display()))?;
    let report = report(&samples)?;
    std::fs::write(dir.join("table.md"), &report).map_err(|e| format!("target/bench/table.md: {e}"))?;
    println!("{report}");
    Ok(())
}

/// `intro-status export`: every figure of the embedded data as CSV.
fn export_csv(root: &Path) -> Result<String> {
    let mut cmd = Command::new(super::cargo());
    cmd.args(["run", "--release", "--quiet", "--package", "intro-status", "--bin", "intro-status", "--", "export", "--map", "2024"])
        .current_dir(root)
        .stderr(Stdio::inherit());
    eprintln!("xtask: running {cmd:?}");
    let out = cmd.output().map_err(|e| format!("cannot run cargo: {e}"))?;
    if !out.status.success() {
        return Err(format!("intro-status export failed with {}", out.status));
    }
    String::from_utf8(out.stdout).map_err(|e| format!("export is not UTF-8: {e}"))
}

/// Kommune names by code from the KLASS 131 version (the names the widget shows).
fn kommune_names(klass: &str) -> Result<BTreeMap<String, String>> {
    let version: serde_json::Value = serde_json::from_str(klass).map_err(|e| format!("{KLASS_VERSION}: {e}"))?;
    let items = version["classificationItems"].as_array().ok_or_else(|| format!("{KLASS_VERSION}: no classificationItems"))?;
    Ok(items
        .iter()
        .filter_map(|i| Some((i["code"].as_str()?.to_string(), i["name"].as_str()?.to_string())))
        .collect())
}

/// What the reference page draws: for every kommune, and for Hele landet, the per cent in work or
/// education one year after, by cohort. `None` is a gap, exactly where the widget leaves one:
/// SSB suppressed the figure, nobody finished, or the region has no row that year.
#[derive(Debug, PartialEq)]
struct ReferenceData {
    cohorts: Vec<u16>,
    land: Vec<Option<u16>>,
    /// (code, name, per cent by cohort), in the order of the export.
    kommuner: Vec<(String, String, Vec<Option<u16>>)>,
}

/// Cohort → (number who finished, per cent in work or education), as the export writes them.
type ByCohort = BTreeMap<u16, (Option<String>, Option<String>)>;

fn reference_data(csv: &str, names: &BTreeMap<String, String>) -> Result<ReferenceData> {
    let mut lines = csv.lines();
    let header = lines.next().unwrap_or("");
    if header != "level,region,status_year,cohort,years_after,gender,status,count,percent,note" {
        return Err(format!("unexpected export header {header:?}"));
    }
    // A kommune made of several former ones has its sum row first ("sum av …"), then, where a
    // part is suppressed, the parts' own rows; a kommune holding part of a divided one has only
    // the parts' rows. The widget shows the sum, or a gap: so does the reference.
    let mut seen: BTreeSet<(String, String, String, String)> = BTreeSet::new();
    // (level, code) → cohort → (finished, per cent in work or education), as published.
    let mut cells: BTreeMap<(String, String), ByCohort> = BTreeMap::new();
    let mut order = Vec::new();
    for (i, line) in lines.enumerate() {
        let f: Vec<&str> = line.split(',').collect();
        let [level, code, _year, cohort, years_after, gender, status, count, percent, note] = f[..] else {
            return Err(format!("export line {}: {line:?}", i + 2));
        };
        if years_after != "1" || gender != "alle" || !matches!(level, "kommune" | "land") {
            continue;
        }
        let first = seen.insert((code.to_string(), cohort.to_string(), status.to_string(), String::new()));
        let divided_part = note.contains("(delt ");
        if !first || divided_part {
            // A part's own row after the sum, or a divided kommune's part: not today's figure.
            if divided_part {
                let key = (level.to_string(), code.to_string());
                if !cells.contains_key(&key) && level == "kommune" {
                    order.push(code.to_string());
                }
                let cohort: u16 = cohort.parse().map_err(|_| format!("export line {}: cohort {cohort:?}", i + 2))?;
                cells.entry(key).or_default().entry(cohort).or_default();
            }
            continue;
        }
        let cohort: u16 = cohort.parse().map_err(|_| format!("export line {}: cohort {cohort:?}", i + 2))?;
        let key = (level.to_string(), code.to_string());
        if !cells.contains_key(&key) && level == "kommune" {
            order.push(code.to_string());
        }
        let cell = cells.entry(key).or_default().entry(cohort).or_default();
        match status {
            "alle" => cell.0 = Some(count.to_string()),
            "arbutd" => cell.1 = Some(percent.to_string()),
            _ => {}
        }
    }
    let land = cells.get(&("land".to_string(), "0".to_string())).ok_or("the export has no Hele landet")?;
    let cohorts: Vec<u16> = land.keys().copied().collect::<BTreeSet<_>>().into_iter().collect();
    let series = |by_cohort: &ByCohort| -> Vec<Option<u16>> {
        cohorts
            .iter()
            .map(|c| match by_cohort.get(c) {
                Some((finished, _)) if finished.as_deref() == Some("0") => None,
                Some((_, Some(percent))) => percent.parse().ok(),
                _ => None,
            })
            .collect()
    };
    let kommuner = order
        .iter()
        .map(|code| {
            let name = names.get(code).cloned().unwrap_or_else(|| code.clone());
            (code.clone(), name, series(&cells[&("kommune".to_string(), code.clone())]))
        })
        .collect();
    Ok(ReferenceData { land: series(land), cohorts, kommuner })
}

impl ReferenceData {
    fn to_json(&self) -> String {
        let kommuner: Vec<_> = self.kommuner.iter().map(|(code, name, values)| json!([code, name, values])).collect();
        json!({ "cohorts": self.cohorts, "land": self.land, "kommuner": kommuner }).to_string()
    }

    fn codes(&self) -> Vec<&str> {
        self.kommuner.iter().map(|k| k.0.as_str()).collect()
    }
}

/// `MANY` kommuner spread over the list, for the 20-chart pages.
fn spread_codes<'a>(codes: &[&'a str], n: usize) -> Vec<&'a str> {
    (0..n.min(codes.len())).map(|i| codes[i * codes.len() / n.min(codes.len())]).collect()
}

/// The kommuner to switch to, in turn: the list from the start, never the one already shown.
fn switch_codes<'a>(codes: &[&'a str], first: &str, n: usize) -> Vec<&'a str> {
    codes.iter().copied().filter(|c| *c != first).cycle().take(n).collect()
}

fn write_pages(root: &Path, dir: &Path, data: &ReferenceData, integrity: &str) -> Result {
    let read = |p: &str| std::fs::read_to_string(root.join(p)).map_err(|e| format!("{p}: {e}"));
    let harness = read("bench/harness.js")?;
    let reference = format!("var REFERENCE_DATA = {};\n{}", data.to_json(), read("bench/reference.js")?);
    let write = |name: &str, text: &str| super::write(&dir.join(name), text.as_bytes());
    write("reference.js", &reference)?;

    let codes = data.codes();
    if !codes.contains(&FIRST_KOMMUNE) {
        return Err(format!("the data has no kommune {FIRST_KOMMUNE}"));
    }
    // Ours: the widget's element and one script. Theirs: a container, Chart.js and the reference script.
    // (kind, ready event, drawn event, scripts, switch): see bench/harness.js.
    let ours = ("ours", "intro-status:ready", "intro-status:rendered", vec!["/dist/intro-status.js"],
        "function (code) { document.querySelector(\"intro-status\").setAttribute(\"kommune\", code); }");
    let theirs = ("reference", "reference:rendered", "reference:rendered", vec!["/node_modules/chart.js/dist/chart.umd.min.js", "/target/bench/reference.js"],
        "function (code) { referenceShow(document.querySelector(\".reference\"), code); }");
    for (kind, ready, drawn, scripts, switch) in [ours, theirs] {
        for charts in [vec![FIRST_KOMMUNE], spread_codes(&codes, MANY)] {
            let elements: String = charts
                .iter()
                .map(|c| match kind {
                    "ours" => format!("<intro-status kommune=\"{c}\"></intro-status>\n"),
                    _ => format!("<div class=\"reference\" data-kommune=\"{c}\"></div>\n"),
                })
                .collect();
            let tags: String = scripts.iter().map(|s| format!("<script src=\"{s}\"></script>\n")).collect();
            let name = format!("{kind}-{}.html", charts.len());
            let page = format!(
                "<!doctype html>\n<html lang=\"nb\">\n<head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"><title>bench: {name}</title>\n\
                 <style>body{{margin:8px;font-family:sans-serif}}</style></head>\n<body>\n{elements}\
                 <script>\n{harness}BENCH.start({ready:?}, {drawn:?}, {n}, {switch});\n</script>\n{tags}</body>\n</html>\n",
                n = charts.len()
            );
            write(&name, &page)?;
        }
    }
    write("static-1.html", &static_page(&harness, integrity)?)?;
    // Ours on the synthetic full-size table: the one-chart page with that build's script.
    let ours_page = std::fs::read_to_string(dir.join("ours-1.html")).map_err(|e| format!("ours-1.html: {e}"))?;
    write("full-1.html", &ours_page.replace("\"/dist/intro-status.js\"", &format!("\"/{}/dist/intro-status.js\"", super::full_size::DIR)))?;
    // The browser's floor: a fresh page with one line of text and the harness, no chart at all.
    write(
        "floor-1.html",
        &format!(
            "<!doctype html>\n<html lang=\"nb\">\n<head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"><title>bench: floor-1.html</title>\n\
             <style>body{{margin:8px;font-family:sans-serif}}</style></head>\n<body>\n<p>Introduksjonsprogrammet</p>\n<script>\n{harness}\
             BENCH.start(\"floor:ready\", \"floor:ready\", 1, function () {{}});\n\
             document.querySelector(\"p\").dispatchEvent(new CustomEvent(\"floor:ready\", {{ bubbles: true }}));\n</script>\n</body>\n</html>\n"
        ),
    )?;
    let plan = json!({ "first": FIRST_KOMMUNE, "switches": switch_codes(&codes, FIRST_KOMMUNE, SWITCHES) });
    write("plan.json", &plan.to_string())
}

/// Ours with one chart as a web editor pastes the builder's static snippet (the chart, its words
/// and table drawn in the HTML; the script and its integrity at the end), the harness in the head
/// so that it hears the widget's events however early.
fn static_page(harness: &str, integrity: &str) -> Result<String> {
    let page = intro_status::page::open_page(Dataset::embedded_one_year_after(), FIRST_KOMMUNE, ViewKind::Goal, "", "", Lang::Nb)?;
    let choices = Choices { src: "/dist/intro-status.js", integrity, ..Default::default() };
    let snippet = snippets(&page.opened, &page.region, &choices).static_element;
    Ok(format!(
        "<!doctype html>\n<html lang=\"nb\">\n<head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"><title>bench: static-1.html</title>\n\
         <style>body{{margin:8px;font-family:sans-serif}}</style>\n\
         <script>\n{harness}BENCH.start(\"intro-status:ready\", \"intro-status:rendered\", 1, function () {{}});\n</script></head>\n<body>\n{snippet}</body>\n</html>\n"
    ))
}

/// Serves the repository on a free port of 127.0.0.1 for as long as the xtask runs.
fn start_server(root: &Path) -> Result<u16> {
    let listener = TcpListener::bind(("127.0.0.1", 0)).map_err(|e| format!("cannot listen on 127.0.0.1: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let root = root.to_path_buf();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            std::thread::spawn(move || {
                let _ = super::serve::handle(stream, &root);
            });
        }
    });
    Ok(port)
}

/// What `bench/run.mjs` writes.
#[derive(Clone, Debug, Deserialize)]
struct Samples {
    date: String,
    cpu: String,
    cores: usize,
    chromium: String,
    chartjs: String,
    ours: PageSamples,
    reference: PageSamples,
    /// Ours with the static snippet: only the one-chart figures.
    #[serde(default, rename = "static")]
    static_page: PageSamples,
    /// A page with one line of text: the browser's own time to a first paint.
    #[serde(default)]
    floor: PageSamples,
    /// Ours built on the synthetic full-size table (issue 21): only the one-chart figures.
    #[serde(default)]
    full: PageSamples,
}

/// Times in ms from the page's script start (or the switch), bytes as loaded.
#[derive(Clone, Debug, Default, Deserialize)]
struct PageSamples {
    scripts: Vec<Script>,
    first_drawn: Vec<f64>,
    first_painted: Vec<f64>,
    /// The same two from navigation (`t0` added).
    #[serde(default)]
    nav_drawn: Vec<f64>,
    #[serde(default)]
    nav_painted: Vec<f64>,
    /// Navigation → first contentful paint; the page's cumulative layout shift (null where the
    /// browser gave none).
    #[serde(default)]
    fcp: Vec<Option<f64>>,
    #[serde(default)]
    cls: Vec<Option<f64>>,
    switch_drawn: Vec<f64>,
    switch_painted: Vec<f64>,
    many_drawn: Vec<f64>,
    many_painted: Vec<f64>,
    /// Until every chart of the 20 is drawn: ours draws those that wait for the screen right after
    /// the first screen's frame, as for printing.
    #[serde(default)]
    many_all: Vec<f64>,
    heap_used: Vec<f64>,
    heap_buffers: Vec<f64>,
    /// Ours only (issue 19): a view switch on the one-chart page → chart drawn, to the goal view
    /// and to the map, in turns.
    #[serde(default)]
    view_goal: Vec<f64>,
    #[serde(default)]
    view_map: Vec<f64>,
}

#[derive(Clone, Debug, Deserialize)]
struct Script {
    url: String,
    raw: u64,
    gzip: u64,
}

/// Median and range of a sample.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Summary {
    median: f64,
    min: f64,
    max: f64,
    n: usize,
}

fn summary(xs: &[f64]) -> Option<Summary> {
    let mut v: Vec<f64> = xs.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let m = v.len() / 2;
    let median = if v.len() % 2 == 1 { v[m] } else { (v[m - 1] + v[m]) / 2.0 };
    Some(Summary { median, min: v[0], max: v[v.len() - 1], n: v.len() })
}

/// Figures the browser may not have given (null in the samples) as NaN, which `summary` skips.
fn known(xs: &[Option<f64>]) -> Vec<f64> {
    xs.iter().map(|x| x.unwrap_or(f64::NAN)).collect()
}

/// 495542 → "495 542 B".
fn bytes(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(ch);
    }
    out + " B"
}

fn ms(s: &Summary) -> String {
    format!("{:.1} ms ({:.1}–{:.1}, n={})", s.median, s.min, s.max, s.n)
}

fn ratio(ours: f64, theirs: f64) -> String {
    if theirs > 0.0 {
        format!("{:.2}×", ours / theirs)
    } else {
        "–".into()
    }
}

fn met(ok: bool) -> &'static str {
    if ok {
        "yes"
    } else {
        "**no**"
    }
}

/// The table, in Markdown, with the machine and run above it.
fn report(s: &Samples) -> Result<String> {
    let need = |xs: &[f64], what: &str| summary(xs).ok_or_else(|| format!("no samples for {what}"));
    let (o, r) = (&s.ours, &s.reference);
    let total = |p: &PageSamples, f: fn(&Script) -> u64| p.scripts.iter().map(f).sum::<u64>();
    let ours_file = o.scripts.iter().find(|x| x.url.ends_with("/dist/intro-status.js")).ok_or("no dist/intro-status.js loaded")?;
    // The size target: no heavier than Chart.js's library alone (70 902 B for 4.6.1).
    let library = r.scripts.iter().find(|x| x.url.ends_with("/chart.umd.min.js")).ok_or("no chart.umd.min.js loaded")?.gzip;

    let mut rows: Vec<[String; 6]> = Vec::new();
    let mut row = |what: &str, ours: String, theirs: String, ratio: String, target: String, ok: Option<bool>| {
        rows.push([what.into(), ours, theirs, ratio, target, ok.map_or(String::new(), |b| met(b).into())]);
    };
    for (what, f) in [("scripts incl. data, raw", (|x: &Script| x.raw) as fn(&Script) -> u64), ("scripts incl. data, gzip -9", |x| x.gzip)] {
        let (a, b) = (total(o, f), total(r, f));
        row(what, bytes(a), bytes(b), ratio(a as f64, b as f64), String::new(), None);
    }
    row(
        "dist/intro-status.js vs chart.umd.min.js alone, gzip -9",
        bytes(ours_file.gzip),
        bytes(library),
        ratio(ours_file.gzip as f64, library as f64),
        format!("≤ {}", bytes(library)),
        Some(ours_file.gzip <= library),
    );
    let (a, b) = (need(&o.first_drawn, "ours first chart")?, need(&r.first_drawn, "Chart.js first chart")?);
    let ok = a.median <= FIRST_CHART_TARGET_RATIO * b.median;
    row("script start → first chart drawn", ms(&a), ms(&b), ratio(a.median, b.median), "≤ 0.5× Chart.js".into(), Some(ok));
    let (a, b) = (need(&o.first_painted, "ours first paint")?, need(&r.first_painted, "Chart.js first paint")?);
    row("script start → next frame after it", ms(&a), ms(&b), ratio(a.median, b.median), String::new(), None);
    let (a, b) = (need(&o.switch_drawn, "ours switch")?, need(&r.switch_drawn, "Chart.js switch")?);
    let ok = a.median <= SWITCH_TARGET_MS;
    row("kommune switch → new chart drawn", ms(&a), ms(&b), ratio(a.median, b.median), "≤ 4 ms median".into(), Some(ok));
    let (a, b) = (need(&o.switch_painted, "ours switch paint")?, need(&r.switch_painted, "Chart.js switch paint")?);
    row("kommune switch → next frame after it", ms(&a), ms(&b), ratio(a.median, b.median), String::new(), None);
    let (a, b) = (need(&o.many_drawn, "ours 20 widgets")?, need(&r.many_drawn, "Chart.js 20 charts")?);
    let ok = a.median <= MANY_TARGET_MS;
    row(&format!("{MANY} widgets: script start → all ready (charts near the screen drawn)"), ms(&a), ms(&b), ratio(a.median, b.median), "≤ 100 ms".into(), Some(ok));
    let (a, b) = (need(&o.many_painted, "ours 20 widgets paint")?, need(&r.many_painted, "Chart.js 20 charts paint")?);
    row(&format!("{MANY} widgets: script start → next frame after it"), ms(&a), ms(&b), ratio(a.median, b.median), String::new(), None);
    let (a, b) = (need(&o.many_all, "ours 20 widgets, all drawn")?, need(&r.many_all, "Chart.js 20 charts, all drawn")?);
    row(&format!("{MANY} widgets: script start → every chart drawn"), ms(&a), ms(&b), ratio(a.median, b.median), String::new(), None);
    // Issue 20: the static snippet. Chart.js's first chart counts as visible at the frame after it
    // is drawn, ours at the first contentful paint (the page holds nothing but the snippet).
    let st = &s.static_page;
    let chartjs_visible = need(&r.nav_painted, "Chart.js from navigation")?;
    let a = need(&known(&st.fcp), "static snippet, first contentful paint")?;
    let ok = a.median <= STATIC_VISIBLE_TARGET_RATIO * chartjs_visible.median;
    let b = chartjs_visible;
    row("static snippet: navigation → chart visible (first contentful paint; Chart.js: frame after drawn)", ms(&a), ms(&b), ratio(a.median, b.median), format!("≤ {STATIC_VISIBLE_TARGET_RATIO}× Chart.js"), Some(ok));
    let (a, b) = (need(&st.nav_drawn, "static snippet, widget live")?, need(&r.nav_drawn, "Chart.js drawn from navigation")?);
    let ok = a.median <= STATIC_LIVE_TARGET_RATIO * b.median;
    row("static snippet: navigation → widget live (chart redrawn by the script)", ms(&a), ms(&b), ratio(a.median, b.median), format!("≤ {STATIC_LIVE_TARGET_RATIO}× Chart.js"), Some(ok));
    let a = need(&known(&s.floor.fcp), "the floor page's first contentful paint")?;
    row("the browser's floor: navigation → first paint of a page with one line of text", ms(&a), ms(&chartjs_visible), ratio(a.median, chartjs_visible.median), String::new(), None);
    let shifts = known(&st.cls);
    if shifts.iter().any(|x| !x.is_finite()) || shifts.is_empty() {
        return Err("no layout-shift figures for the static snippet".into());
    }
    let worst = shifts.iter().copied().fold(0.0, f64::max);
    row("static snippet: cumulative layout shift at take-over (largest of the loads)", format!("{worst:.4} (n={})", shifts.len()), String::new(), String::new(), "= 0".into(), Some(worst == 0.0));
    // Issue 19: the map drawn takes at most twice the goal chart (ours alone; Chart.js draws no map).
    let (a, b) = (need(&o.view_map, "ours view switch to the map")?, need(&o.view_goal, "ours view switch to the goal view")?);
    row("view switch → map drawn (Chart.js column: → goal chart drawn, ours)", ms(&a), ms(&b), ratio(a.median, b.median), format!("≤ {MAP_TARGET_RATIO}× the goal chart"), Some(a.median <= MAP_TARGET_RATIO * b.median));
    // Issue 21: the full-size table (synthetic, 2011–2025) weighs at most 15 KB more, and draws
    // its first chart as soon (ours against ours).
    let full = &s.full;
    let full_file = full.scripts.iter().find(|x| x.url.ends_with("/full-size/dist/intro-status.js")).ok_or("no full-size script loaded")?;
    let more = full_file.gzip as i64 - ours_file.gzip as i64;
    row("full-size synthetic table 2011–2025: script, gzip -9 (Chart.js column: today's data, ours)", bytes(full_file.gzip), bytes(ours_file.gzip), format!("+{}", bytes(more.max(0) as u64)), format!("≤ +{}", bytes(FULL_SIZE_MORE_BYTES)), Some(more <= FULL_SIZE_MORE_BYTES as i64));
    let (a, b) = (need(&full.first_drawn, "full-size first chart")?, need(&o.first_drawn, "ours first chart")?);
    row("full-size synthetic table: script start → first chart drawn (Chart.js column: today's data, ours)", ms(&a), ms(&b), ratio(a.median, b.median), String::new(), None);
    for (what, xo, xr) in [("JS heap used after load (after GC)", &o.heap_used, &r.heap_used), ("+ ArrayBuffers (wasm memory) after load", &o.heap_buffers, &r.heap_buffers)] {
        let (a, b) = (need(xo, what)?, need(xr, what)?);
        row(what, bytes(a.median as u64), bytes(b.median as u64), ratio(a.median, b.median), String::new(), None);
    }

    let mut out = format!(
        "{} · {} × {} · {} · Chart.js {} · `cargo xtask bench`\n\n\
         | measure | intro-status | Chart.js | ours / Chart.js | target | met |\n|---|---|---|---|---|---|\n",
        s.date, s.cores, s.cpu, s.chromium, s.chartjs
    );
    for r in rows {
        out += &format!("| {} |\n", r.join(" | "));
    }
    out += "\nTimes: median (min–max, number of samples), ms. Scripts as loaded over HTTP from 127.0.0.1; gzip = GNU `gzip -9 -n`.\n";
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "level,region,status_year,cohort,years_after,gender,status,count,percent,note\n\
        land,0,2011,2010,1,alle,alle,2897,100,\n\
        land,0,2011,2010,1,alle,arbutd,1771,61,\n\
        land,0,2012,2011,1,alle,alle,3490,100,\n\
        land,0,2012,2011,1,alle,arbutd,2185,63,\n\
        land,0,2012,2010,2,alle,arbutd,2000,70,\n\
        kommune,3001,2011,2010,1,alle,alle,:,:,tidligere 0101 Halden\n\
        kommune,3001,2011,2010,1,alle,arbutd,:,:,tidligere 0101 Halden\n\
        kommune,3001,2012,2011,1,alle,alle,0,0,tidligere 0101 Halden\n\
        kommune,3001,2012,2011,1,alle,arbutd,0,0,tidligere 0101 Halden\n\
        kommune,3002,2012,2011,1,alle,alle,21,100,sum av 0104 Moss + 0136 Rygge\n\
        kommune,3002,2012,2011,1,alle,arbutd,10,48,sum av 0104 Moss + 0136 Rygge\n\
        kommune,3002,2012,2011,1,alle,arbutd,4,40,tidligere 0104 Moss\n\
        kommune,3002,2012,2011,1,menn,arbutd,5,40,sum av 0104 Moss + 0136 Rygge\n\
        kommune,3907,2012,2011,1,alle,alle,7,100,tidligere 0720 Stokke (delt 2017)\n\
        kommune,3907,2012,2011,1,alle,arbutd,5,71,tidligere 0720 Stokke (delt 2017)\n\
        fylke,01,2012,2011,1,alle,arbutd,10,48,\n";

    fn names() -> BTreeMap<String, String> {
        [("3001", "Halden"), ("3002", "Moss"), ("3907", "Sandefjord")].map(|(a, b)| (a.to_string(), b.to_string())).into()
    }

    #[test]
    fn reference_data_leaves_gaps_where_the_widget_does() {
        let d = reference_data(CSV, &names()).unwrap();
        assert_eq!(d.cohorts, [2010, 2011]);
        assert_eq!(d.land, [Some(61), Some(63)]);
        assert_eq!(
            d.kommuner,
            [
                // Suppressed, then nobody finished: both gaps, never 0.
                ("3001".to_string(), "Halden".to_string(), vec![None, None]),
                // No row for 2010 at all: a gap; the sum, not a part's or the men's 40 %.
                ("3002".to_string(), "Moss".to_string(), vec![None, Some(48)]),
                // Part of a divided kommune: never today's figure.
                ("3907".to_string(), "Sandefjord".to_string(), vec![None, None]),
            ]
        );
        assert_eq!(
            d.to_json(),
            r#"{"cohorts":[2010,2011],"kommuner":[["3001","Halden",[null,null]],["3002","Moss",[null,48]],["3907","Sandefjord",[null,null]]],"land":[61,63]}"#
        );
    }

    #[test]
    fn reference_data_refuses_a_foreign_csv() {
        assert!(reference_data("a,b\n1,2\n", &names()).is_err());
        assert!(reference_data("level,region,status_year,cohort,years_after,gender,status,count,percent,note\n", &names()).is_err());
    }

    #[test]
    fn names_come_from_klass() {
        let klass = r#"{"validFrom":"2024-01-01","classificationItems":[{"code":"4601","name":"Bergen"},{"code":"5001","name":"Trondheim - Tråante"}]}"#;
        let n = kommune_names(klass).unwrap();
        assert_eq!(n["4601"], "Bergen");
        assert_eq!(n["5001"], "Trondheim - Tråante");
        assert!(kommune_names("{}").is_err());
    }

    #[test]
    fn summary_has_median_and_range() {
        assert_eq!(summary(&[3.0, 1.0, 2.0]), Some(Summary { median: 2.0, min: 1.0, max: 3.0, n: 3 }));
        assert_eq!(summary(&[4.0, 1.0, 2.0, 10.0]).unwrap().median, 3.0);
        assert_eq!(summary(&[f64::NAN, 5.0]).unwrap().n, 1);
        assert_eq!(summary(&[]), None);
    }

    #[test]
    fn codes_for_many_charts_and_switches() {
        let codes = ["a", "b", "c", "d", "e"];
        assert_eq!(spread_codes(&codes, 2), ["a", "c"]);
        assert_eq!(spread_codes(&codes, 9), codes);
        assert_eq!(switch_codes(&codes, "b", 6), ["a", "c", "d", "e", "a", "c"]);
    }

    #[test]
    fn formats_bytes_and_ratios() {
        assert_eq!(bytes(495_542), "495 542 B");
        assert_eq!(bytes(70), "70 B");
        assert_eq!(bytes(100_000), "100 000 B");
        assert_eq!(ratio(3.0, 2.0), "1.50×");
        assert_eq!(ratio(3.0, 0.0), "–");
    }

    fn page(scripts: Vec<Script>, t: f64) -> PageSamples {
        PageSamples {
            scripts,
            first_drawn: vec![t, t + 2.0, t + 1.0],
            first_painted: vec![t + 10.0],
            nav_drawn: vec![t + 100.0],
            nav_painted: vec![t + 110.0],
            fcp: vec![Some(t / 2.0)],
            cls: vec![Some(0.0), Some(0.0)],
            switch_drawn: vec![t / 10.0; 3],
            switch_painted: vec![t / 10.0 + 8.0],
            many_drawn: vec![t * 3.0],
            many_painted: vec![t * 3.0 + 9.0],
            many_all: vec![t * 5.0],
            heap_used: vec![1e6],
            heap_buffers: vec![2e5],
            view_goal: vec![t / 10.0],
            view_map: vec![t / 6.0],
        }
    }

    #[test]
    fn report_says_which_targets_are_met() {
        let s = Samples {
            date: "2025-01-01".into(),
            cpu: "cpu".into(),
            cores: 2,
            chromium: "Chromium 1".into(),
            chartjs: "4.6.1".into(),
            ours: page(vec![Script { url: "http://x/dist/intro-status.js".into(), raw: 495_542, gzip: 150_000 }], 30.0),
            reference: page(
                vec![
                    Script { url: "http://x/node_modules/chart.js/dist/chart.umd.min.js".into(), raw: 210_082, gzip: 70_902 },
                    Script { url: "http://x/target/bench/reference.js".into(), raw: 20_000, gzip: 5_000 },
                ],
                80.0,
            ),
            static_page: page(vec![], 10.0),
            floor: page(vec![], 38.0),
            full: page(vec![Script { url: "http://x/target/full-size/dist/intro-status.js".into(), raw: 560_000, gzip: 161_000 }], 33.0),
        };
        let t = report(&s).unwrap();
        // The full-size table: 11 000 B more, within 15 000; its first chart beside today's.
        assert!(t.contains("| 161 000 B | 150 000 B | +11 000 B | ≤ +15 000 B | yes |"), "{t}");
        assert!(t.contains("first chart drawn (Chart.js column: today's data, ours) | 34.0 ms (33.0–35.0, n=3) | 31.0 ms (30.0–32.0, n=3) | 1.10× |"), "{t}");
        let heavy = page(vec![Script { url: "http://x/target/full-size/dist/intro-status.js".into(), raw: 560_000, gzip: 165_001 }], 33.0);
        assert!(report(&Samples { full: heavy, ..s.clone() }).unwrap().contains("| +15 001 B | ≤ +15 000 B | **no** |"));
        assert!(report(&Samples { full: PageSamples::default(), ..s.clone() }).is_err());
        // Visible at 5 ms against Chart.js's frame at 190 ms: 0.03×; live at 110 against 180 ms.
        assert!(t.contains("| 5.0 ms (5.0–5.0, n=1) | 190.0 ms (190.0–190.0, n=1) | 0.03× | ≤ 0.2× Chart.js | yes |"), "{t}");
        assert!(t.contains("| 110.0 ms (110.0–110.0, n=1) | 180.0 ms (180.0–180.0, n=1) | 0.61× | ≤ 1× Chart.js | yes |"), "{t}");
        assert!(t.contains("| 0.0000 (n=2) |  |  | = 0 | yes |"), "{t}");
        assert!(t.contains("one line of text | 19.0 ms (19.0–19.0, n=1) | 190.0 ms (190.0–190.0, n=1) | 0.10× |  |  |"), "{t}");
        let mut shifted = page(vec![], 10.0);
        shifted.cls = vec![Some(0.0), Some(0.02)];
        let t = report(&Samples { static_page: shifted, ..s.clone() }).unwrap();
        assert!(t.contains("| 0.0200 (n=2) |  |  | = 0 | **no** |"), "{t}");
        let mut unknown = page(vec![], 10.0);
        unknown.cls = vec![None];
        assert!(report(&Samples { static_page: unknown, ..s.clone() }).is_err());
        assert!(t.contains("| scripts incl. data, raw | 495 542 B | 230 082 B | 2.15× |  |  |"), "{t}");
        assert!(t.contains("| 150 000 B | 70 902 B | 2.12× | ≤ 70 902 B | **no** |"), "{t}");
        // 31 ms against 81 ms: 0.38×, within 0.5×.
        assert!(t.contains("| script start → first chart drawn | 31.0 ms (30.0–32.0, n=3) | 81.0 ms (80.0–82.0, n=3) | 0.38× | ≤ 0.5× Chart.js | yes |"), "{t}");
        // 3 ms switch meets 4 ms; 90 ms for 20 meets 100 ms.
        assert!(t.contains("| kommune switch → new chart drawn | 3.0 ms"), "{t}");
        assert!(t.contains("| ≤ 4 ms median | yes |"), "{t}");
        assert!(t.contains("| ≤ 100 ms | yes |"), "{t}");
        assert!(report(&Samples { ours: PageSamples::default(), ..s }).is_err());
    }
}
