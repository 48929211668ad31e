//! What the native tests share: the frozen fixture (`tests/fixtures/data/`, a copy of `data/` that
//! `cargo xtask refresh` never touches) imported once, and the few steps many tests take on it —
//! resolving a place, opening a view, drawing it with the fixture's source line.
//!
//! Each test file takes what it needs (`mod common;`), so not every item is used in every one.
#![allow(dead_code)]

use intro_status::chart::{svg_of, Drawing, Paint, Theme};
use intro_status::data::{Dataset, Level, RegionData};
use intro_status::outcome::Share;
use intro_status::place::Place;
use intro_status::text::{source_line, Lang};
use intro_status::views::goal::GoalComparison;
use intro_status::views::{view_data, Opened, ViewData, ViewKind};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// `tests/fixtures/data/`: the import inputs of `data/` as they were, frozen for the core tests.
pub fn fixture_root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/data"))
}

/// The fixture's table 10824 (the 2015 CSV extract and its metadata).
pub fn fixture_table_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/data/ssb10824"))
}

/// The fixture, imported once as the build imports `data/`.
pub fn fixture() -> &'static Dataset {
    static FIXTURE: OnceLock<Dataset> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        intro_status_import::import::import_data(fixture_root()).unwrap_or_else(|e| panic!("tests/fixtures/data/{e}"))
    })
}

/// The raw sources `data/` was made from (`../shared/data/raw/`, beside the repository): what
/// the truth checks on the embedded data compare with.
pub fn raw_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/raw");
    assert!(dir.is_dir(), "{} is not there: the truth checks read the raw sources (see data/SOURCES.md)", dir.display());
    dir
}

/// A page's code as a place of the fixture.
pub fn place(code: &str) -> Place<'static> {
    Place::resolve(fixture(), code).unwrap_or_else(|| panic!("{code} is no place"))
}

/// A view's figures for a code of the fixture, `None` where the view has none.
pub fn view(kind: ViewKind, code: &str, cohort: Option<u16>) -> Option<ViewData> {
    view_data(fixture(), kind, &place(code), cohort)
}

/// A view's figures for its default cohort, which must be there.
pub fn data(kind: ViewKind, code: &str) -> ViewData {
    view(kind, code, None).unwrap_or_else(|| panic!("{code} {kind:?}"))
}

/// A view opened as a widget opens it: figures, language and the fixture's source line.
pub fn open(kind: ViewKind, code: &str, cohort: Option<u16>, lang: Lang) -> Opened {
    Opened::open(fixture(), &place(code), kind, cohort, lang).unwrap_or_else(|| panic!("{code} {kind:?} {cohort:?}"))
}

/// The goal view for a code as a page gives it (a kommune, an old number or a bydel).
pub fn goal_view(code: &str) -> Option<GoalComparison> {
    intro_status::views::goal::goal_view(fixture(), &Place::resolve(fixture(), code)?)
}

/// A view's chart on `size` device pixels, with the fixture's source line under it.
pub fn draw(v: &ViewData, lang: Lang, theme: &Theme, scale: f64, size: (u32, u32)) -> Drawing {
    v.draw(&Paint { lang, theme, scale, source: &source_line(&fixture().source, lang) }, size)
}

/// A view's chart as an SVG document of `width` × `height` pixels.
pub fn svg(v: &ViewData, lang: Lang, theme: &Theme, width: u32, height: u32) -> String {
    svg_of(draw(v, lang, theme, 1.0, (width, height)))
}

/// An SVG on one line, for searching texts that plotters may break.
pub fn flat(svg: &str) -> String {
    svg.replace('\n', "")
}

/// A published share with both counts.
pub fn published(percent: u16, count: u16, finished: u16) -> Share {
    Share::Published { percent, count: Some(count), finished: Some(finished) }
}

/// The fields of one line of a comma-separated file, with `"…"` quoting (`""` inside).
pub fn csv_fields(line: &str) -> Vec<String> {
    let (mut fields, mut field, mut quoted, mut chars) = (Vec::new(), String::new(), false, line.chars().peekable());
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(std::mem::take(&mut field)),
            c => field.push(c),
        }
    }
    fields.push(field);
    fields
}

/// The rows of a comma-separated file with a header, each as column name → value.
pub fn csv_rows(path: &std::path::Path) -> Vec<std::collections::HashMap<String, String>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines();
    let header = csv_fields(lines.next().expect("a header"));
    lines.filter(|l| !l.is_empty()).map(|l| header.iter().cloned().zip(csv_fields(l)).collect()).collect()
}

/// The table rows a place's figures are summed from: a kommune's former kommuner (none if one of
/// them was divided, as figures are never divided), or the bydel's own row.
pub fn source_rows<'a>(ds: &'a Dataset, code: &str) -> Vec<&'a RegionData> {
    if code.len() == 6 {
        return ds.region(Level::Bydel, code).into_iter().collect();
    }
    let k = ds.map.kommuner.iter().find(|k| k.code == code).unwrap();
    if k.sources.iter().any(|s| s.split.is_some()) {
        return Vec::new();
    }
    k.sources.iter().filter_map(|s| ds.region(Level::Kommune, &s.code)).collect()
}
