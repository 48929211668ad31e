//! Charts are drawn once, onto a [`Recorder`], into a [`Drawing`]: a display list of the
//! primitives plotters asked for, which [`Drawing::replay`] then hands to the real backend (the
//! `<canvas>` in the browser, SVG for tests, downloads and the no-JS fallback).
//!
//! Why not draw on those backends directly:
//! - One instantiation. The chart code is generic over plotters' `DrawingBackend`; drawn directly,
//!   the wasm build carries all of it twice, for the canvas and for the SVG download. Now only the
//!   recorder instantiates it, and per backend there is just the small `replay`.
//! - No DOM text measurement. On wasm32 plotters measures text by adding a styled `<span>` to the
//!   host page's `<body>` and reading its size: a forced layout per label, a change to a page that
//!   is not ours, and refused under a CSP without 'unsafe-inline'. The recorder answers
//!   `estimate_text_size` itself, from [`text_size`].
//! - The same layout everywhere. That metric is a fixed table, so the layout is the same natively
//!   and in the browser, not naive font metrics here and the browser's fonts there.
//!
//! Text is recorded with its anchor (`HPos`/`VPos`), rotation and font and passed on unchanged: the
//! canvas and SVG backends place anchored text themselves, with the fonts they really draw with.

use crate::gather::Gather;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingAreaErrorKind, IntoDrawingArea};
use plotters_backend::text_anchor::Pos;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontFamily, FontStyle,
    FontTransform,
};
use std::convert::Infallible;

/// A line or fill: the colour and stroke width plotters passed.
#[derive(Clone, Copy)]
pub struct Stroke {
    pub color: BackendColor,
    pub width: u32,
}

impl Stroke {
    fn of<S: BackendStyle>(style: &S) -> Self {
        Stroke { color: style.color(), width: style.stroke_width() }
    }
}

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        self.color
    }
    fn stroke_width(&self) -> u32 {
        self.width
    }
}

/// A text style as plotters passed it; replayed, it measures with [`text_size`] and draws no
/// pixels of its own (the canvas and SVG backends draw text themselves).
#[derive(Clone)]
pub struct Font {
    pub family: String,
    pub size: f64,
    pub style: FontStyle,
    pub color: BackendColor,
    pub anchor: Pos,
    pub transform: FontTransform,
}

impl BackendTextStyle for Font {
    type FontError = Infallible;
    fn color(&self) -> BackendColor {
        self.color
    }
    fn size(&self) -> f64 {
        self.size
    }
    fn transform(&self) -> FontTransform {
        self.transform.clone()
    }
    fn style(&self) -> FontStyle {
        self.style
    }
    fn anchor(&self) -> Pos {
        self.anchor
    }
    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(&self.family)
    }
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Infallible> {
        let (w, h) = text_size(text, self.size);
        Ok(((0, 0), (w as i32, h as i32)))
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(&self, _: &str, _: BackendCoord, _: F) -> Result<Result<(), E>, Infallible> {
        Ok(Ok(()))
    }
}

/// One primitive, in device pixels.
#[derive(Clone)]
pub enum Op {
    Pixel(BackendCoord, BackendColor),
    Line(BackendCoord, BackendCoord, Stroke),
    /// Upper left, bottom right, style, filled.
    Rect(BackendCoord, BackendCoord, Stroke, bool),
    Path(Vec<BackendCoord>, Stroke),
    /// Centre, radius, style, filled.
    Circle(BackendCoord, u32, Stroke, bool),
    Polygon(Vec<BackendCoord>, Stroke),
    /// The text, its style, and the anchor point its style's `anchor` refers to.
    Text(String, Font, BackendCoord),
}

/// A point a reader can explore by pointer or keyboard: where it is drawn (device pixels), the
/// series it belongs to (the points of one line or row, numbered in drawing order) and what its
/// tooltip says (place, when, share, x of n, interval, source).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Hit {
    pub x: i32,
    pub y: i32,
    pub series: u16,
    pub text: String,
    /// What choosing the point picks: a kommune's number on the map, where clicking, tapping
    /// or Enter opens the view for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pick: Option<String>,
    /// The outlines that are the point's on the chart (a kommune on the map): a pointer within
    /// them is on it (see [`at`]).
    #[serde(skip)]
    pub area: Vec<Vec<BackendCoord>>,
}

thread_local! {
    /// The hits of the chart being recorded ([`Drawing::record`]); `None` outside a recording.
    static HITS: std::cell::RefCell<Option<Vec<Hit>>> = const { std::cell::RefCell::new(None) };
}

/// Marks a point of the chart being recorded as explorable, at `at` in device pixels (what
/// `ChartContext::backend_coord` gives). The chart code draws through plotters, which passes
/// only shapes to the backend: what a shape stands for comes here, beside them.
pub fn hit(at: BackendCoord, series: u16, text: String) {
    push(Hit { x: at.0, y: at.1, series, text, pick: None, area: Vec::new() });
}

/// [`hit`] for a point that stands for an area of the chart (a kommune on the map): `area` its
/// outlines, `pick` what choosing it picks. Its tooltip is left empty, for the view to say when
/// it is shown (`Figures::tip`): a map's 357 are not worth writing at every draw.
pub fn region(at: BackendCoord, series: u16, pick: String, area: Vec<Vec<BackendCoord>>) {
    push(Hit { x: at.0, y: at.1, series, text: String::new(), pick: Some(pick), area });
}

fn push(hit: Hit) {
    HITS.with(|h| {
        if let Some(hits) = h.borrow_mut().as_mut() {
            hits.push(hit);
        }
    });
}

/// The point whose area holds `(x, y)` (device pixels), the innermost where areas nest (a
/// kommune inside another); `None` where no area does.
pub fn at(hits: &[Hit], x: i32, y: i32) -> Option<usize> {
    let size = |h: &Hit| h.area.iter().flatten().fold((i32::MAX, i32::MIN), |(lo, hi), p| (lo.min(p.0), hi.max(p.0)));
    let within = (0..hits.len()).filter(|&i| contains(&hits[i].area, (x, y))).min_by_key(|&i| {
        let (lo, hi) = size(&hits[i]);
        hi.saturating_sub(lo)
    });
    // On an area's own point, where its outline, simplified to whole pixels, just misses it.
    let on_point = || (0..hits.len()).filter(|&i| !hits[i].area.is_empty() && (hits[i].x - x).abs() <= 3 && (hits[i].y - y).abs() <= 3).min_by_key(|&i| (hits[i].x - x).abs() + (hits[i].y - y).abs());
    within.or_else(on_point)
}

/// Whether `rings` hold `(x, y)` (even–odd: a ring inside another is a hole).
pub fn contains(rings: &[Vec<BackendCoord>], (x, y): BackendCoord) -> bool {
    let inside = |ring: &Vec<BackendCoord>| {
        let mut odd = false;
        for (i, &(x1, y1)) in ring.iter().enumerate() {
            let (x2, y2) = ring[(i + 1) % ring.len()];
            // Whether the edge crosses the row at y to the right of x (cross-multiplied, signed).
            let d = (y2 - y1).signum() as i64;
            let (left, right) = ((x - x1) as i64 * (y2 - y1) as i64 * d, (y - y1) as i64 * (x2 - x1) as i64 * d);
            if (y1 > y) != (y2 > y) && left < right {
                odd = !odd;
            }
        }
        odd
    };
    rings.iter().filter(|r| inside(r)).count() % 2 == 1
}

/// The point a key moves to among `hits`, from the point `from` (`None`: none shown yet, and any
/// key starts at the last drawn, the place's own newest point in a line chart): ArrowLeft and
/// ArrowRight along the series by x; ArrowUp and
/// ArrowDown to the nearest point (by x) of the series before or after (as Left and Right do past
/// a series' ends: a row of one point is one step); Home and End to the series' ends. `None` for any other key, or where there is nothing to explore.
pub fn step(hits: &[Hit], from: Option<usize>, key: &str) -> Option<usize> {
    let last = hits.len().checked_sub(1)?;
    if !matches!(key, "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" | "Home" | "End") {
        return None;
    }
    let Some(p) = from.and_then(|i| hits.get(i).map(|h| (i, h))) else { return Some(last) };
    let (i, h) = p;
    // The series' points in x order.
    let of = |s: u16| {
        let mut v: Vec<usize> = (0..hits.len()).filter(|&j| hits[j].series == s).gather();
        crate::sort::sort_by(&mut v, |a, b| hits[*a].x < hits[*b].x);
        v
    };
    // The nearest point of the next series up (-1) or down (+1), in series order.
    let other = |down: bool| {
        let s = hits.iter().map(|o| o.series).filter(|&s| if down { s > h.series } else { s < h.series });
        let s = if down { s.min() } else { s.max() };
        s.map_or(i, |s| of(s).into_iter().min_by_key(|&j| (hits[j].x - h.x).abs()).unwrap_or(i))
    };
    let same = of(h.series);
    let k = same.iter().position(|&j| j == i).unwrap_or(0);
    Some(match key {
        "Home" => same[0],
        "End" => same[same.len() - 1],
        "ArrowLeft" => k.checked_sub(1).map_or_else(|| other(false), |k| same[k]),
        "ArrowRight" => same.get(k + 1).copied().unwrap_or_else(|| other(true)),
        "ArrowUp" => other(false),
        _ => other(true),
    })
}

/// A recorded chart: its size in device pixels, what to draw, in order, and the points a
/// reader can explore.
#[derive(Clone)]
pub struct Drawing {
    pub size: (u32, u32),
    pub ops: Vec<Op>,
    pub hits: Vec<Hit>,
}

impl Drawing {
    /// Records what `draw` draws on an area of `size` device pixels.
    pub fn record(size: (u32, u32), draw: impl FnOnce(&DrawingArea<Recorder, Shift>) -> Result<(), DrawingAreaErrorKind<Infallible>>) -> Drawing {
        let mut ops = Vec::new();
        HITS.with(|h| *h.borrow_mut() = Some(Vec::new()));
        // The recorder cannot fail; plotters' own errors (a shared backend, a bad layout) would be
        // bugs in the chart code.
        draw(&Recorder { size, ops: &mut ops }.into_drawing_area()).expect("recording a chart cannot fail");
        let hits = HITS.with(|h| h.borrow_mut().take()).unwrap_or_default();
        Drawing { size, ops, hits }
    }

    /// Multiplies the size of every text by `factor`.
    pub fn scale_text(&mut self, factor: f64) {
        for op in &mut self.ops {
            if let Op::Text(_, font, _) = op {
                font.size *= factor;
            }
        }
    }

    /// Draws the recording on `backend`, which should be of the recorded size.
    pub fn replay<DB: DrawingBackend>(&self, backend: &mut DB) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        backend.ensure_prepared()?;
        for op in &self.ops {
            replay_op(op, backend)?;
        }
        backend.present()
    }

    /// The ops in runs a backend can draw at once: consecutive open paths (`false`) or polygons
    /// (`true`) of one style, each run with at least two; every other op alone (`None`).
    pub fn runs(&self) -> Vec<(&[Op], Option<bool>)> {
        let key = |op: &Op| match op {
            Op::Path(_, s) => Some((false, s.color.rgb, s.color.alpha.to_bits(), s.width)),
            Op::Polygon(_, s) => Some((true, s.color.rgb, s.color.alpha.to_bits(), s.width)),
            _ => None,
        };
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.ops.len() {
            let k = key(&self.ops[i]);
            let mut j = i + 1;
            while k.is_some() && j < self.ops.len() && key(&self.ops[j]) == k {
                j += 1;
            }
            out.push((&self.ops[i..j], k.filter(|_| j - i > 1).map(|k| k.0)));
            i = j;
        }
        out
    }
}

/// Draws one op on a backend.
pub fn replay_op<DB: DrawingBackend>(op: &Op, backend: &mut DB) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    match op {
        Op::Pixel(at, color) => backend.draw_pixel(*at, *color),
        Op::Line(from, to, s) => backend.draw_line(*from, *to, s),
        Op::Rect(ul, br, s, fill) => backend.draw_rect(*ul, *br, s, *fill),
        Op::Path(points, s) => backend.draw_path(points.iter().copied(), s),
        Op::Circle(center, r, s, fill) => backend.draw_circle(*center, *r, s, *fill),
        Op::Polygon(points, s) => backend.fill_polygon(points.iter().copied(), s),
        Op::Text(text, font, at) => backend.draw_text(text, font, *at),
    }
}

/// The backend the charts are drawn on: it records instead of drawing.
pub struct Recorder<'a> {
    size: (u32, u32),
    ops: &'a mut Vec<Op>,
}

impl Recorder<'_> {
    /// Keeps an op unless its colour is fully transparent: it would draw nothing, and each op
    /// costs draw calls on the canvas (a chart's mesh has dozens of invisible light lines).
    fn keep(&mut self, color: BackendColor, op: impl FnOnce() -> Op) -> Result<(), DrawingErrorKind<Infallible>> {
        if color.alpha > 0.0 {
            self.ops.push(op());
        }
        Ok(())
    }
}

impl DrawingBackend for Recorder<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }
    fn draw_pixel(&mut self, at: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<Infallible>> {
        self.keep(color, || Op::Pixel(at, color))
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), DrawingErrorKind<Infallible>> {
        self.keep(style.color(), || Op::Line(from, to, Stroke::of(style)))
    }
    fn draw_rect<S: BackendStyle>(&mut self, ul: BackendCoord, br: BackendCoord, style: &S, fill: bool) -> Result<(), DrawingErrorKind<Infallible>> {
        self.keep(style.color(), || Op::Rect(ul, br, Stroke::of(style), fill))
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result<(), DrawingErrorKind<Infallible>> {
        self.keep(style.color(), || Op::Path(path.into_iter().gather(), Stroke::of(style)))
    }
    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, r: u32, style: &S, fill: bool) -> Result<(), DrawingErrorKind<Infallible>> {
        self.keep(style.color(), || Op::Circle(center, r, Stroke::of(style), fill))
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Result<(), DrawingErrorKind<Infallible>> {
        self.keep(style.color(), || Op::Polygon(vert.into_iter().gather(), Stroke::of(style)))
    }
    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, at: BackendCoord) -> Result<(), DrawingErrorKind<Infallible>> {
        let font = Font {
            family: style.family().as_str().to_string(),
            size: style.size(),
            style: style.style(),
            color: style.color(),
            anchor: style.anchor(),
            transform: style.transform(),
        };
        self.ops.push(Op::Text(text.to_string(), font, at));
        Ok(())
    }
    fn estimate_text_size<T: BackendTextStyle>(&self, text: &str, style: &T) -> Result<(u32, u32), DrawingErrorKind<Infallible>> {
        Ok(text_size(text, style.size()))
    }
}

/// The width and height, in pixels, of one line of `text` at font size `size`, for a sans-serif
/// font: advance widths close to Helvetica's and Arial's, and their line height. The same on
/// every platform.
pub fn text_size(text: &str, size: f64) -> (u32, u32) {
    let em: u32 = text.chars().map(advance).sum();
    ((em as f64 / 1000.0 * size).round() as u32, (1.15 * size).round() as u32)
}

/// The advance width of a character in thousandths of an em.
fn advance(c: char) -> u32 {
    match c {
        'i' | 'j' | 'l' | '\'' | '|' => 222,
        ' ' | '\u{a0}' | '.' | ',' | ':' | ';' | '!' | '/' | 'f' | 't' | 'I' => 278,
        'r' | '(' | ')' | '-' | '[' | ']' => 333,
        'c' | 'k' | 's' | 'v' | 'x' | 'y' | 'z' | 'J' => 500,
        'F' | 'T' | 'Z' | 'ø' => 611,
        'A' | 'B' | 'E' | 'K' | 'P' | 'S' | 'V' | 'X' | 'Y' | 'Å' => 667,
        'w' | 'C' | 'D' | 'H' | 'N' | 'R' | 'U' => 722,
        'G' | 'O' | 'Q' | 'Ø' => 778,
        'm' | 'M' => 833,
        '%' | 'æ' => 889,
        'W' => 944,
        'Æ' => 1000,
        // Digits, most lower case, 'L', 'å', en dash, and anything not listed.
        _ => 556,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_go_along_a_series_and_between_series() {
        let hit = |x, y, series| Hit { x, y, series, text: format!("{series}:{x}"), pick: None, area: Vec::new() };
        // Two lines of three points (drawn out of x order), and a row of one.
        let hits = [hit(30, 5, 0), hit(10, 5, 0), hit(20, 5, 0), hit(10, 9, 1), hit(20, 9, 1), hit(31, 9, 1), hit(50, 1, 4)];
        let name = |i: Option<usize>| i.map(|i| hits[i].text.clone());
        // Nothing shown: any arrow starts at the last drawn.
        assert_eq!(name(step(&hits, None, "ArrowLeft")), Some("4:50".into()));
        assert_eq!(step(&hits, None, "a"), None);
        assert_eq!(step(&[], None, "ArrowLeft"), None);
        // Along series 1 by x; past its ends, as Down and Up: the nearest of series 4, of series 0.
        assert_eq!(name(step(&hits, Some(4), "ArrowRight")), Some("1:31".into()));
        assert_eq!(name(step(&hits, Some(5), "ArrowRight")), Some("4:50".into()));
        assert_eq!(name(step(&hits, Some(3), "ArrowLeft")), Some("0:10".into()));
        // Up and down: the nearest x in the series before or after; none beyond: stay.
        assert_eq!(name(step(&hits, Some(2), "ArrowDown")), Some("1:20".into()));
        assert_eq!(name(step(&hits, Some(5), "ArrowUp")), Some("0:30".into()));
        assert_eq!(name(step(&hits, Some(1), "ArrowUp")), Some("0:10".into()));
        // Home and End: the series' ends by x.
        assert_eq!(name(step(&hits, Some(0), "Home")), Some("0:10".into()));
        assert_eq!(name(step(&hits, Some(1), "End")), Some("0:30".into()));
    }

    #[test]
    fn text_size_is_a_sans_serif_estimate() {
        // Helvetica: "Bergen" is 3.224 em wide; digits are 0.556 em.
        assert_eq!(text_size("Bergen", 100.0), (322, 115));
        assert_eq!(text_size("2024", 10.0).0, 22);
        assert_eq!(text_size("", 13.0), (0, 15));
        assert!(text_size("Bærum", 13.0).0 > text_size("Berum", 13.0).0);
    }
}
