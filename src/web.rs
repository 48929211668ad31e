//! The only code that knows the browser: wasm-bindgen exports the JS shell calls.
//! Everything here is a thin wrapper over the native-tested core.

use crate::chart::{draw, Paint, DARK, LIGHT};
use crate::data::{Dataset, Level};
use crate::outcome::{bydel_kommune, today_kommune};
use crate::outcome::views::{view_data, ViewData, ViewKind};
use crate::sort::sort_by_cached_key;
use crate::text::{texts, view_name, view_text, Lang, Texts, ViewText};
use plotters::prelude::DrawingBackend;
use plotters_canvas::CanvasBackend;
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

#[wasm_bindgen(start)]
pub fn start() {
    // A Rust panic reaches the console with its message, and the page as an
    // `intro-status:panic` event on window, so the widget that hit it can say what happened
    // (the instance itself traps and is replaced).
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if let Some(window) = web_sys::window() {
            let init = web_sys::CustomEventInit::new();
            init.set_detail(&JsValue::from_str(&info.to_string()));
            if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("intro-status:panic", &init) {
                let _ = window.dispatch_event(&event);
            }
        }
    }));
}

fn lang(tag: &str) -> Lang {
    Lang::parse(tag).unwrap_or(Lang::Nb)
}

/// Plain JS objects (not `Map`s, which `#[serde(flatten)]` would otherwise give).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
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
    /// Bydeler, each chosen under its kommune.
    bydeler: Vec<BydelItem<'a>>,
}

#[derive(Serialize)]
struct BydelItem<'a> {
    code: &'a str,
    name: &'a str,
    /// Today's kommune it lies in.
    kommune: &'a str,
}


/// What the kommune chooser offers: today's fylker and kommuner (with names in other languages
/// for search) in Norwegian alphabetical order, and the bydeler with their kommune.
#[wasm_bindgen]
pub fn choices() -> Result<JsValue, JsError> {
    let ds = Dataset::embedded_one_year_after();
    let fylker: Vec<Choice> = ds.map.fylker.iter().map(|f| Choice { code: &f.code, name: &f.name }).collect();
    let fylker = sort_by_cached_key(fylker, |f| crate::text::sort_key(f.name));
    let kommuner: Vec<KommuneItem> = ds
        .map
        .kommuner
        .iter()
        .map(|k| KommuneItem { code: &k.code, name: &k.name, other_names: &k.other_names, fylke: &k.fylke })
        .collect();
    let kommuner = sort_by_cached_key(kommuner, |k| (crate::text::sort_key(k.name), k.code));
    let bydeler = ds
        .regions
        .iter()
        .filter(|r| r.region.level == Level::Bydel)
        // A bydel whose kommune number lives on in no one kommune of today has no place in the
        // list; its number still works in the `kommune` attribute.
        .filter_map(|r| Some(BydelItem { code: &r.region.code, name: &r.region.name, kommune: &bydel_kommune(ds, &r.region.code)?.code }))
        .collect();
    to_js(&Choices { version: ds.map.version, fylker, kommuner, bydeler })
}

#[derive(Serialize)]
struct OneChoice<'a> {
    code: &'a str,
    name: &'a str,
    /// For a bydel, the name of its kommune (the first four digits of its code).
    kommune: Option<&'a str>,
}

/// The chooser's entry for one code (today's kommune or a bydel), or `null`: what a widget's
/// list holds until it is first used, without building the whole list.
#[wasm_bindgen]
pub fn choice(code: &str) -> Result<JsValue, JsError> {
    let ds = Dataset::embedded_one_year_after();
    let one = today_kommune(ds, code).map(|k| OneChoice { code: &k.code, name: &k.name, kommune: None }).or_else(|| {
        let r = ds.region(Level::Bydel, code)?;
        let kommune = bydel_kommune(ds, code)?;
        Some(OneChoice { code: &r.region.code, name: &r.region.name, kommune: Some(&kommune.name) })
    });
    match one {
        Some(one) => to_js(&one),
        None => Ok(JsValue::NULL),
    }
}

#[derive(Serialize)]
struct UiTexts {
    #[serde(flatten)]
    texts: &'static Texts,
    /// The view switch: `[{key, name}]` in order.
    views: Vec<ViewChoice>,
    /// "Kilde: SSB, statistikkbanken tabell 10824[, hentet …][, foreløpige tall]".
    source_line: String,
}

#[derive(Serialize)]
struct ViewChoice {
    key: &'static str,
    name: &'static str,
}

/// The widget's fixed texts in a language (`nb`, `nn`, `no`, `en`; anything else gives bokmål).
#[wasm_bindgen]
pub fn ui_texts(lang_tag: &str) -> Result<JsValue, JsError> {
    let lang = lang(lang_tag);
    let views = ViewKind::ALL.iter().map(|&k| ViewChoice { key: k.key(), name: view_name(k, lang) }).collect();
    to_js(&UiTexts { texts: texts(lang), views, source_line: crate::text::source(lang) })
}

thread_local! {
    /// The last view computed, so the page's text and its chart share one computation.
    static LAST: RefCell<Option<((String, ViewKind, Option<u16>), ViewData)>> = const { RefCell::new(None) };
}

/// The embedded data a view needs: decoded only as far as one year after, unless it reads more.
fn dataset(kind: ViewKind) -> &'static Dataset {
    match kind.one_year_after_only() {
        true => Dataset::embedded_one_year_after(),
        false => Dataset::embedded(),
    }
}

fn with_view<T>(code: &str, view: &str, cohort: Option<u16>, lang: Lang, f: impl FnOnce(&ViewData) -> T) -> Result<T, JsError> {
    let t = texts(lang);
    let kind = ViewKind::parse(view).ok_or_else(|| JsError::new(&format!("{}: «{}»", t.unknown_view, shorten(view))))?;
    let key = (code.to_string(), kind, cohort);
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if last.as_ref().map(|(k, _)| k) != Some(&key) {
            let data = view_data(dataset(kind), kind, code, cohort)
                .ok_or_else(|| JsError::new(&format!("{}: «{}»", t.unknown_kommune, shorten(code))))?;
            *last = Some((key, data));
        }
        Ok(f(&last.as_ref().expect("just set").1))
    })
}

/// At most 40 characters of what a page gave, shown as text, never as markup.
fn shorten(s: &str) -> String {
    s.chars().take(40).collect()
}

#[derive(Serialize)]
struct ViewPage {
    /// The code the view is for (an old kommune number becomes today's).
    code: String,
    view: &'static str,
    /// For views about one cohort: the cohort shown and those to choose from.
    cohort: Option<u16>,
    cohorts: Vec<u16>,
    #[serde(flatten)]
    text: ViewText,
}

/// Everything but the chart of one view: title, summary, notes and table. Unknown codes and
/// views are errors with a message for the page.
#[wasm_bindgen]
pub fn view_page(code: &str, view: &str, cohort: Option<u16>, lang_tag: &str) -> Result<JsValue, JsError> {
    let lang = lang(lang_tag);
    let page = with_view(code, view, cohort, lang, |data| {
        let kind = ViewKind::parse(view).expect("parsed in with_view");
        let resolved = crate::outcome::resolve(dataset(kind), code).unwrap_or_default();
        let (cohort, cohorts) = data.cohort_choice().map_or((None, Vec::new()), |(c, cs)| (Some(c), cs.to_vec()));
        ViewPage { code: resolved, view: kind.key(), cohort, cohorts, text: view_text(data, lang) }
    })?;
    to_js(&page)
}

/// One view as an SVG document, drawn by the same code as the canvas.
#[wasm_bindgen]
pub fn view_svg(code: &str, view: &str, cohort: Option<u16>, lang_tag: &str, dark: bool) -> Result<String, JsError> {
    let lang = lang(lang_tag);
    let theme = if dark { &DARK } else { &LIGHT };
    with_view(code, view, cohort, lang, |data| crate::chart::svg(data, lang, theme, crate::chart::WIDTH, crate::chart::HEIGHT))
}

/// The figures a view shows, as CSV with its source line and the meaning of its marks.
#[wasm_bindgen]
pub fn view_csv(code: &str, view: &str, cohort: Option<u16>, lang_tag: &str) -> Result<String, JsError> {
    let lang = lang(lang_tag);
    with_view(code, view, cohort, lang, |data| crate::text::view_csv(&view_text(data, lang), lang))
}

/// For the browser tests only: a Rust panic, to check that a widget reports it and the page
/// and the other widgets carry on.
#[wasm_bindgen]
pub fn test_panic() {
    panic!("test panic requested by the page");
}

/// Draws one view on a canvas whose pixel size is already set; `scale` is the device pixel
/// ratio times any shrinking for narrow widgets.
#[wasm_bindgen]
pub fn draw_view(canvas: HtmlCanvasElement, code: &str, view: &str, cohort: Option<u16>, lang_tag: &str, scale: f64, dark: bool) -> Result<(), JsError> {
    let lang = lang(lang_tag);
    let mut backend = CanvasBackend::with_canvas_object(canvas).ok_or_else(|| JsError::new("no 2D canvas context"))?;
    let theme = if dark { &DARK } else { &LIGHT };
    let drawing = with_view(code, view, cohort, lang, |data| draw(data, &Paint { lang, theme, scale }, backend.get_size()))?;
    drawing.replay(&mut backend).map_err(|e| JsError::new(&e.to_string()))
}
