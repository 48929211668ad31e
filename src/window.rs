//! A window on every sentence: what the widget shows for a place and view, natively, as text,
//! CSV, SVG or one JSON object a line (`intro-status view …`). Tests and reviewers read the
//! widget's words here without a browser.

use crate::chart::LIGHT;
use crate::data::{Dataset, Level};
use crate::place::Place;
use crate::text::Lang;
use crate::views::{Opened, ViewKind, ViewText};
use serde::Serialize;

/// How `view` writes each view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Csv,
    Svg,
    Json,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        Some(match s {
            "text" => Format::Text,
            "csv" => Format::Csv,
            "svg" => Format::Svg,
            "json" => Format::Json,
            _ => return None,
        })
    }
}

/// One view as `--format json` writes it: exactly what the widget shows besides the chart.
#[derive(Serialize)]
struct JsonView<'a> {
    place: &'a str,
    view: &'static str,
    title: &'a str,
    summary: &'a str,
    notes: &'a [String],
    table: JsonTable<'a>,
}

#[derive(Serialize)]
struct JsonTable<'a> {
    header: &'a [String],
    rows: &'a [Vec<String>],
    footnotes: &'a [String],
}

/// Every place `view --all` shows: today's kommuner, then the bydeler, in the data's order.
pub fn all_places(ds: &Dataset) -> Vec<Place<'_>> {
    let kommuner = ds.map.kommuner.iter().map(Place::Kommune);
    let bydeler = ds.regions.iter().filter(|r| r.region.level == Level::Bydel).filter_map(|r| Place::resolve(ds, &r.region.code));
    kommuner.chain(bydeler).collect()
}

/// One view of one place in a format; `None` where the place has no such view. `compare`: places
/// to compare with, as a widget's `compare` attribute takes them (shown in the views that show
/// them; what is not taken is said on stderr).
pub fn render(ds: &Dataset, place: &Place, kind: ViewKind, cohort: Option<u16>, lang: Lang, format: Format, compare: &str) -> Option<String> {
    let others = crate::compare::others(ds, compare, place, lang);
    if kind.compares() {
        for n in &others.notices {
            eprintln!("intro-status: {n}");
        }
    }
    let opened = Opened::compared(ds, place, kind, cohort, lang, &others.places)?;
    Some(match format {
        Format::Csv => opened.csv(),
        Format::Svg => opened.svg(&LIGHT, crate::chart::WIDTH, crate::chart::HEIGHT),
        Format::Json => {
            let ViewText { title, summary, notes, table } = opened.text();
            let json = JsonView {
                place: &opened.code,
                view: kind.key(),
                title: &title,
                summary: &summary,
                notes: &notes,
                table: JsonTable { header: &table.headers, rows: &table.rows, footnotes: &table.footnotes },
            };
            serde_json::to_string(&json).expect("strings serialise") + "\n"
        }
        Format::Text => {
            let ViewText { title, summary, notes, table } = opened.text();
            let mut out = format!("== {} {} · {} · {}\n{title}\n\n{summary}\n", opened.code, place.name(), kind.key(), lang.code());
            for n in &notes {
                out += &format!("- {n}\n");
            }
            out += &format!("\n{}\n{}\n", table.caption, table.headers.join(" | "));
            for row in &table.rows {
                out += &(row.join(" | ") + "\n");
            }
            for f in &table.footnotes {
                out += &format!("  {f}\n");
            }
            out += &format!("{}\n\n", opened.source);
            out
        }
    })
}

/// The place a reader names on the command line: any number or name [`crate::place::find`]
/// takes. An unknown, ambiguous or divided one is an error that says so, in English.
pub fn find_place<'a>(ds: &'a Dataset, query: &str) -> Result<Place<'a>, String> {
    crate::place::find(ds, query).map(|f| f.place).map_err(|why| crate::place::not_found_message(ds, query, &why, Lang::En))
}
