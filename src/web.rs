//! The only code that knows the browser: wasm-bindgen exports the JS shell calls.
//! Everything here is a thin wrapper over the native-tested core.

use crate::chart::draw_goal;
use crate::data::{Dataset, Level};
use crate::outcome::{goal_view, GoalComparison};
use crate::text::{goal_notes, goal_table, texts, Lang, Table, Texts};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

#[wasm_bindgen(start)]
pub fn start() {
    // A Rust panic reaches the console with its message instead of "unreachable".
    console_error_panic_hook::set_once();
}

fn lang(tag: &str) -> Lang {
    Lang::parse(tag).unwrap_or(Lang::Nb)
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    serde_wasm_bindgen::to_value(value).map_err(|e| JsError::new(&e.to_string()))
}

#[derive(Serialize)]
struct KommuneItem<'a> {
    code: &'a str,
    name: &'a str,
    other_names: &'a [String],
    fylke: &'a str,
}

#[derive(Serialize)]
struct Choice<'a> {
    code: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct Choices<'a> {
    version: u16,
    fylker: Vec<Choice<'a>>,
    kommuner: Vec<KommuneItem<'a>>,
    /// Oslo's bydeler, chosen under Oslo.
    bydeler: Vec<Choice<'a>>,
}

/// Norwegian alphabetical order: æ, ø, å after z.
fn sort_key(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(|c| match c {
            'æ' | 'ä' => '{',
            'ø' | 'ö' => '|',
            'å' => '}',
            c => c,
        })
        .collect()
}

/// What the kommune chooser offers: today's fylker and kommuner (with names in other languages
/// for search) in Norwegian alphabetical order, and Oslo's bydeler.
#[wasm_bindgen]
pub fn choices() -> Result<JsValue, JsError> {
    let ds = Dataset::embedded();
    let mut fylker: Vec<Choice> = ds.map.fylker.iter().map(|f| Choice { code: &f.code, name: &f.name }).collect();
    fylker.sort_by_cached_key(|f| sort_key(f.name));
    let mut kommuner: Vec<KommuneItem> = ds
        .map
        .kommuner
        .iter()
        .map(|k| KommuneItem { code: &k.code, name: &k.name, other_names: &k.other_names, fylke: &k.fylke })
        .collect();
    kommuner.sort_by_cached_key(|k| (sort_key(k.name), k.code.to_string()));
    let bydeler = ds
        .regions
        .iter()
        .filter(|r| r.region.level == Level::Bydel)
        .map(|r| Choice { code: &r.region.code, name: &r.region.name })
        .collect();
    to_js(&Choices { version: ds.map.version, fylker, kommuner, bydeler })
}

/// The widget's fixed texts in a language (`nb`, `nn`, `no`, `en`; anything else gives bokmål).
#[wasm_bindgen]
pub fn ui_texts(lang_tag: &str) -> Result<JsValue, JsError> {
    let t: &Texts = texts(lang(lang_tag));
    to_js(t)
}

fn view_for(code: &str, lang: Lang) -> Result<GoalComparison, JsError> {
    goal_view(Dataset::embedded(), code).ok_or_else(|| JsError::new(&unknown(code, lang)))
}

/// "Ukjent kommunenummer: «abcd»", with the code shortened and shown as text, never as markup.
fn unknown(code: &str, lang: Lang) -> String {
    let shown: String = code.chars().take(40).collect();
    format!("{}: «{shown}»", texts(lang).unknown_kommune)
}

#[derive(Serialize)]
struct GoalPage {
    code: String,
    name: String,
    table: Table,
    notes: Vec<String>,
}

/// The goal view's text parts for a kommune: table and notes. Unknown codes are an error
/// with a message for the page.
#[wasm_bindgen]
pub fn goal_page(code: &str, lang_tag: &str) -> Result<JsValue, JsError> {
    let lang = lang(lang_tag);
    let view = view_for(code, lang)?;
    to_js(&GoalPage {
        code: view.kommune.code.clone(),
        name: view.kommune.name.clone(),
        table: goal_table(&view, lang),
        notes: goal_notes(&view, lang),
    })
}

/// Draws the goal chart for a kommune on a canvas whose pixel size is already set;
/// `scale` is the device pixel ratio times any shrinking for narrow widgets.
#[wasm_bindgen]
pub fn draw_goal_chart(canvas: HtmlCanvasElement, code: &str, lang_tag: &str, scale: f64) -> Result<(), JsError> {
    let lang = lang(lang_tag);
    let view = view_for(code, lang)?;
    let backend = CanvasBackend::with_canvas_object(canvas).ok_or_else(|| JsError::new("no 2D canvas context"))?;
    let root = backend.into_drawing_area();
    draw_goal(&root, &view, lang, scale).map_err(|e| JsError::new(&e.to_string()))
}
