//! The only code that knows the browser: wasm-bindgen exports the JS shell calls. Everything
//! here is a thin wrapper over the native-tested core: the shell passes a widget's attributes as
//! the page gave them, and holds one [`View`] per widget state, which it frees.

use crate::gather::Gather;
use crate::chart::{layout as chart_layout, Theme, DARK, HEIGHT, LIGHT, WIDTH};
use crate::data::Dataset;
use crate::data::Embedded;
use crate::text::{shorten, source_line, texts, Lang, Texts};
use crate::views::{Opened, ViewKind, ViewText};
use plotters::prelude::DrawingBackend;
use plotters_canvas::CanvasBackend;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

// Talc rather than std's dlmalloc: the same job in some 3 KB less wasm. Single-threaded wasm
// (no atomics), which is what the widget is built as.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

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

/// The language of a widget's `lang` tag (its own or the page's), the nearest the widget speaks
/// (see [`crate::page::nearest_lang`]).
fn lang(tag: &str) -> Lang {
    crate::page::nearest_lang(tag).0
}

/// Plain JS objects (not `Map`s, which `#[serde(flatten)]` would otherwise give).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
}

/// The embedded data a view needs: decoded only as far as one year after, unless it reads more.
fn dataset(kind: ViewKind) -> &'static Dataset {
    match kind.one_year_after_only() {
        true => Dataset::embedded_one_year_after(),
        false => Dataset::embedded(),
    }
}

#[derive(Serialize)]
struct Ui {
    /// The language the widget speaks: `nb`, `nn` or `en`.
    lang: &'static str,
    /// For the console: why the tag was not taken as it stands ("Ukjent språk «se»; viser
    /// bokmål."), if it was not.
    warning: Option<String>,
    texts: ShellTexts,
    /// The view switch: `[{key, name}]` in order, those the widget offers.
    views: Vec<ViewChoice>,
    /// "Kilde: SSB, statistikkbanken tabell 10824[, hentet …][, foreløpige tall]".
    source_line: String,
}

/// The words the shell puts on its own controls: only these cross to JS (all of [`Texts`] would
/// cost ~8 KB of wasm to serialise, and time on every first render of a language).
#[derive(Serialize)]
struct ShellTexts {
    choose_kommune: &'static str,
    choose_cohort: &'static str,
    choose_view: &'static str,
    chart_explore: &'static str,
    show_table: &'static str,
    hide_table: &'static str,
    no_chart: &'static str,
    download_png: &'static str,
    download_svg: &'static str,
    download_csv: &'static str,
    compare_add: &'static str,
    compare_remove: &'static str,
    compare_neighbours: &'static str,
}

impl ShellTexts {
    fn of(t: &'static Texts) -> ShellTexts {
        ShellTexts {
            choose_kommune: t.choose_kommune,
            choose_cohort: t.choose_cohort,
            choose_view: t.choose_view,
            chart_explore: t.chart_explore,
            show_table: t.show_table,
            hide_table: t.hide_table,
            no_chart: t.no_chart,
            download_png: t.download_png,
            download_svg: t.download_svg,
            download_csv: t.download_csv,
            compare_add: t.compare_add,
            compare_remove: t.compare_remove,
            compare_neighbours: t.compare_neighbours,
        }
    }
}

#[derive(Serialize)]
struct ViewChoice {
    key: &'static str,
    name: &'static str,
}

/// A widget's fixed texts for its `lang` tag (its own or the page's), in the nearest language
/// the widget speaks, and a warning for the console where the tag is none of them (see
/// [`crate::page::nearest_lang`]). An empty tag is bokmål without a warning. `views`: the
/// widget's `views="…"` attribute, which views its tabs offer (see [`crate::views::offered`]).
#[wasm_bindgen]
pub fn ui(lang_tag: &str, views: &str) -> Result<JsValue, JsError> {
    let (lang, warning) = crate::page::nearest_lang(lang_tag);
    let views = crate::views::offered(views).iter().map(|&k| ViewChoice { key: k.key(), name: k.name(lang) }).gather();
    let source_line = source_line(&Dataset::embedded_one_year_after().source, lang);
    to_js(&Ui { lang: lang.code(), warning, texts: ShellTexts::of(texts(lang)), views, source_line })
}

/// The view a `view` attribute names: empty is the goal view, "trend" its older name.
fn view_kind(view: &str) -> Option<ViewKind> {
    match view.trim() {
        "" => Some(ViewKind::Goal),
        v => ViewKind::parse(v),
    }
}

/// The key of the view a `view` attribute names, if any: the tab a widget marks while it has
/// no kommune to open the view for.
#[wasm_bindgen]
pub fn view_key(view: &str) -> Option<String> {
    view_kind(view).map(|k| k.key().to_string())
}

/// What the reader typed in the search, in a language: `{count, options: [{value, label,
/// note}]}`, best first, at most 50 (see [`crate::choose::search`]); `note` is `null` but where a
/// former number or name found the option ("tidligere Klæbu (5030)").
#[wasm_bindgen]
pub fn search(query: &str, lang_tag: &str) -> Result<JsValue, JsError> {
    to_js(&crate::choose::search(Dataset::embedded_one_year_after(), lang(lang_tag), query))
}

/// The chart's box for a figure `width` CSS pixels wide at a device pixel ratio (see
/// [`crate::chart::layout`]): `{css_width, css_height, width, height, scale}`; where `height`
/// is above 0, the box of a static rendering being taken over (see [`crate::chart::takeover`]).
#[wasm_bindgen]
pub fn layout(width: f64, dpr: f64, height: f64) -> Result<JsValue, JsError> {
    to_js(&if height > 0.0 { crate::chart::takeover(width, height, dpr) } else { chart_layout(width, dpr) })
}

/// One widget's state: a view of a place, in a language, for a cohort, computed once. The
/// shell holds it while the state lasts, and frees it.
#[wasm_bindgen]
pub struct View {
    opened: Opened,
    /// The explorable points of the chart last drawn (see [`View::step`]).
    hits: std::cell::RefCell<Vec<crate::chart::record::Hit>>,
    /// The view's name in `view="…"`, and what the kommune list shows for the place.
    key: &'static str,
    choice: Option<crate::choose::Choice>,
    notice: Option<String>,
    region: String,
    compare: Vec<crate::choose::Choice>,
    neighbours: String,
}

#[derive(Serialize)]
struct ViewPage<'a> {
    /// The code the view is for (an old kommune number becomes today's).
    code: &'a str,
    view: &'static str,
    /// For views about one cohort: the cohort shown and those to choose from.
    cohort: Option<u16>,
    cohorts: &'a [u16],
    /// The place's entry in the kommune list.
    choice: Option<&'a crate::choose::Choice>,
    /// A name for downloads: "intro-status-0301-status-2013".
    file_name: String,
    /// Where the attributes were not taken as they stand: a former number or name, a cohort
    /// without figures (see [`crate::page::Page::notice`]); `null` otherwise.
    notice: Option<&'a str>,
    /// The widget's name as a region of the page: "Introduksjonsprogrammet: Bergen".
    region: &'a str,
    /// Whether the view shows places to compare with, and those it shows (`[{value, label}]`).
    compares: bool,
    compare: &'a [crate::choose::Choice],
    /// The one-click group of neighbours, as `compare` takes it; empty where there are none.
    neighbours: &'a str,
    /// Whether the table's rows are left out (a table of every kommune, the map's): the shell
    /// asks for them (`rows`) when the table is shown, sorted or printed.
    rows_later: bool,
    #[serde(flatten)]
    text: ViewText,
}

/// Tables longer than this come without their rows (see `ViewPage::rows_later`): the map's 357
/// rows to JS and into a hidden table took longer than drawing the map.
const ROWS_AT_ONCE: usize = 150;

#[wasm_bindgen]
impl View {
    /// Opens a view from a widget's attributes as the page gave them: `kommune` (any number or
    /// name a page may hold, see [`crate::place::find`]), `view` (empty: the goal view), `cohort`
    /// (a year of the view's cohorts, else the view's default with a notice), `compare` (places to
    /// compare with, see [`crate::compare::others`]) and the `lang` tag.
    /// An unknown, ambiguous or divided kommune or an unknown view is an error with a message
    /// for the page, in its language (see [`crate::page::open_page`]).
    pub fn open(kommune: &str, view: &str, cohort: &str, compare: &str, lang_tag: &str) -> Result<View, JsError> {
        let lang = lang(lang_tag);
        let kind = view_kind(view).ok_or_else(|| JsError::new(&format!("{}: «{}»", texts(lang).unknown_view, shorten(view))))?;
        let page = crate::page::open_page(dataset(kind), kommune, kind, cohort, compare, lang).map_err(|e| JsError::new(&e))?;
        Ok(View { opened: page.opened, hits: Default::default(), key: kind.key(), choice: page.choice, notice: page.notice, region: page.region, compare: page.compare, neighbours: page.neighbours })
    }

    /// Everything but the chart: `{code, view, cohort, cohorts, choice, file_name, notice, title,
    /// summary, notes, table}`.
    pub fn page(&self) -> Result<JsValue, JsError> {
        let (cohort, cohorts) = self.opened.data.cohort_choice().map_or((None, &[][..]), |(c, cs)| (Some(c), cs));
        let code = &self.opened.code;
        let file_name = match cohort {
            Some(c) => format!("intro-status-{code}-{}-{c}", self.key),
            None => format!("intro-status-{code}-{}", self.key),
        };
        let notice = self.notice.as_deref();
        let compares = self.opened.kind().compares();
        let (mut text, left_out) = self.opened.text_without_rows();
        let rows_later = left_out || text.table.rows.len() > ROWS_AT_ONCE;
        if rows_later {
            text.table.rows.clear();
        }
        to_js(&ViewPage { code, view: self.key, cohort, cohorts, choice: self.choice.as_ref(), file_name, notice, region: &self.region, compares, compare: &self.compare, neighbours: &self.neighbours, rows_later, text })
    }

    /// Draws the chart on a canvas whose pixel size is already set (see [`layout`]), at a scale;
    /// returns its explorable points in the canvas's pixels, in the order drawn (see
    /// [`crate::chart::record::hit`]), as `[at, texts, picks]`: `at` an `Int32Array` of x, y and
    /// series of each point in turn, `texts` their tooltips, `picks` their kommuner by space;
    /// a point that picks a kommune (the map's) without its text, which [`View::tip`] gives.
    pub fn draw(&self, canvas: HtmlCanvasElement, scale: f64, dark: bool) -> Result<JsValue, JsError> {
        let mut backend = CanvasBackend::with_canvas_object(canvas).ok_or_else(|| JsError::new("no 2D canvas context"))?;
        let drawing = self.opened.drawing(theme(dark), scale, backend.get_size());
        replay(&drawing, &mut backend).map_err(|e| JsError::new(&e.to_string()))?;
        // The points flat, so that a map's 357 are two arrays and a string, not 357 objects; its
        // tooltips stay here until one is shown (`tip`), `null` in `texts`.
        let hs = &drawing.hits;
        let at: Vec<i32> = hs.iter().flat_map(|h| [h.x, h.y, h.series.into()]).gather();
        let texts: web_sys::js_sys::Array = hs.iter().map(|h| if h.text.is_empty() { JsValue::NULL } else { JsValue::from_str(&h.text) }).collect();
        let picks = match hs.iter().any(|h| h.pick.is_some()) {
            true => hs.iter().map(|h| h.pick.as_deref().unwrap_or("")).gather().join(" "),
            false => String::new(),
        };
        let hits: JsValue = [JsValue::from(web_sys::js_sys::Int32Array::from(&at[..])), texts.into(), JsValue::from_str(&picks)].into_iter().collect::<web_sys::js_sys::Array>().into();
        *self.hits.borrow_mut() = drawing.hits;
        Ok(hits)
    }

    /// The tooltip of point `i` of the chart last drawn (for the points `draw` gave without one).
    pub fn tip(&self, i: usize) -> Option<String> {
        self.hits.borrow().get(i).map(|h| self.opened.tip(h))
    }

    /// The point of the chart last drawn that a key moves to from point `from` (-1: none shown),
    /// or -1 where the key moves nowhere (see [`crate::chart::record::step`]).
    pub fn step(&self, from: i32, key: &str) -> i32 {
        let from = usize::try_from(from).ok();
        crate::chart::record::step(&self.hits.borrow(), from, key).map_or(-1, |i| i as i32)
    }

    /// The point of the chart last drawn whose area holds `(x, y)` (device pixels): a kommune on
    /// the map; -1 where none does (see [`crate::chart::record::at`]).
    pub fn at(&self, x: f64, y: f64) -> i32 {
        crate::chart::record::at(&self.hits.borrow(), x as i32, y as i32).map_or(-1, |i| i as i32)
    }

    /// The chart as an SVG document, drawn by the same code as the canvas.
    pub fn svg(&self, dark: bool) -> String {
        self.opened.svg(theme(dark), WIDTH, HEIGHT)
    }

    /// The table's rows ordered by column `col` (see [`crate::text::Table::sorted_rows`]); a
    /// column past the last gives the table's own order.
    pub fn rows(&self, col: usize, descending: bool) -> Result<JsValue, JsError> {
        to_js(&self.opened.text().table.sorted_rows(col, descending))
    }

    /// The figures as CSV with the source line and the meaning of their marks.
    pub fn csv(&self) -> String {
        self.opened.csv()
    }

    /// What an editor pastes for this view (the builder page, `dist/embed.html`):
    /// `{element, script, iframe, static}` (see [`crate::embed::snippets`]).
    pub fn embed(&self, views: &str, theme: &str, controls: &str, cohort: bool, src: &str, integrity: &str) -> Result<JsValue, JsError> {
        let choices = crate::embed::Choices { views, theme, controls, cohort, src, integrity };
        to_js(&crate::embed::snippets(&self.opened, &self.region, &choices))
    }
}

/// [`crate::chart::Drawing::replay`] on a canvas, with each run of paths or polygons of one
/// style as one canvas path (a map's hundreds of borders and areas in a few calls of each kind).
fn replay(drawing: &crate::chart::Drawing, backend: &mut CanvasBackend) -> Result<(), plotters_backend::DrawingErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>> {
    use crate::chart::record::{replay_op, Op};
    backend.ensure_prepared()?;
    for (ops, batch) in drawing.runs() {
        match (batch, ops.first()) {
            (Some(fill), Some(Op::Path(_, style) | Op::Polygon(_, style))) => {
                let shapes = ops.iter().filter_map(|op| match op {
                    Op::Path(p, _) | Op::Polygon(p, _) => Some(p.as_slice()),
                    _ => None,
                });
                backend.draw_batch(shapes, style, fill);
            }
            _ => {
                for op in ops {
                    replay_op(op, backend)?;
                }
            }
        }
    }
    backend.present()
}

fn theme(dark: bool) -> &'static Theme {
    if dark {
        &DARK
    } else {
        &LIGHT
    }
}

/// For the browser tests only: a Rust panic, to check that a widget reports it and the page
/// and the other widgets carry on.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen]
pub fn test_panic() {
    panic!("test panic requested by the page");
}
