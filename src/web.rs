//! The only code that knows the browser: wasm-bindgen exports the JS shell calls.
//! Everything here is a thin wrapper over the native-tested core.

use crate::chart::draw_goal;
use crate::data::Dataset;
use crate::outcome::goal_comparison;
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

/// Every kommune in the data, `{code, name}`, in Norwegian alphabetical order.
#[wasm_bindgen]
pub fn kommuner() -> Result<JsValue, JsError> {
    let mut list: Vec<KommuneItem> =
        Dataset::embedded().kommuner().map(|r| KommuneItem { code: &r.region.code, name: &r.region.name }).collect();
    list.sort_by_cached_key(|k| (sort_key(k.name), k.code.to_string()));
    to_js(&list)
}

/// The widget's fixed texts in a language (`nb`, `nn`, `no`, `en`; anything else gives bokmål).
#[wasm_bindgen]
pub fn ui_texts(lang_tag: &str) -> Result<JsValue, JsError> {
    let t: &Texts = texts(lang(lang_tag));
    to_js(t)
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
    let view = goal_comparison(Dataset::embedded(), code)
        .ok_or_else(|| JsError::new(&format!("{}: {code:?}", texts(lang).unknown_kommune)))?;
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
    let view = goal_comparison(Dataset::embedded(), code)
        .ok_or_else(|| JsError::new(&format!("{}: {code:?}", texts(lang).unknown_kommune)))?;
    let backend = CanvasBackend::with_canvas_object(canvas).ok_or_else(|| JsError::new("no 2D canvas context"))?;
    let root = backend.into_drawing_area();
    draw_goal(&root, &view, lang, scale).map_err(|e| JsError::new(&e.to_string()))
}
