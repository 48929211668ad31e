//! Charts, drawn with plotters once into a display list ([`Drawing`], see [`record`]), which is
//! then replayed on a `<canvas>` in the browser (plotters-canvas), or as SVG for tests,
//! downloads and the no-JS fallback.
//!
//! Every size is multiplied by `Paint::scale` (the device pixel ratio in the browser, times any
//! shrinking for a narrow widget), so the same layout is crisp at any resolution. Colours come
//! from a [`Theme`], light or dark, each checked for contrast against its own background.

use crate::gather::Gather;
pub mod record;
pub mod svg;

pub use record::Drawing;
pub use plotters::prelude::*;
pub use plotters::style::text_anchor::{HPos, Pos, VPos};
pub use plotters::coord::Shift;

use crate::outcome::stats::Estimate;
use crate::outcome::Share;
use crate::text::{format_percent, say, short_word, texts, Lang};
use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, ValueFormatter};
use plotters::coord::types::RangedCoordf64;
use std::ops::Range;

/// What every view draws on: the recorder's area (see [`record`]).
pub type Area<'a> = DrawingArea<record::Recorder<'a>, Shift>;
pub type DrawResult = Result<(), DrawingAreaErrorKind<std::convert::Infallible>>;
pub type ChartResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;
type LineCtx<'a, DB> = ChartContext<'a, DB, Cartesian2d<Linear, Linear>>;

/// A point of a line chart: a whole-number x (a cohort, years after) on the charts' one
/// coordinate type ([`Linear`] both ways, so that plotters' chart code is in the wasm once).
fn xy(x: i32, y: f64) -> (f64, f64) {
    (x as f64, y)
}

/// Every numeric axis here: plotters' `RangedCoordf64`, without its default label printer.
/// Every axis that shows labels is given its own formatter (in the reader's language), so that
/// printer was never called; but it was compiled in, and with it std's float formatting (some
/// 18 KB of wasm). An axis given no formatter shows no label text.
#[derive(Clone)]
pub struct Linear(RangedCoordf64);

impl From<Range<f64>> for Linear {
    fn from(r: Range<f64>) -> Self {
        Linear(r.into())
    }
}

impl Ranged for Linear {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;
    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.0.map(value, limit)
    }
    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        let r = self.0.range();
        key_points(r.start, r.end, hint.max_num_points())
    }
    fn range(&self) -> Range<f64> {
        self.0.range()
    }
    fn axis_pixel_range(&self, limit: (i32, i32)) -> Range<i32> {
        self.0.axis_pixel_range(limit)
    }
}

/// The key points (ticks) of an axis from `a` to `b`, at most `max` of them: the rule of plotters'
/// `RangedCoordf64`, which `tests/all_views.rs` holds this to point for point. The scale starts
/// at the power of ten below the span, is divided by 2, 5 and 10 while the points stay within
/// `max`, and the points are its multiples, counted up from a multiple of a tenth of the scale
/// it started from. Written here so that the wasm needs no `powf` (plotters' `10f64.powf(…)` pulled in a
/// general power function, 2.6 KB of code): the power of ten is multiplied out, exactly.
pub fn key_points(a: f64, b: f64, max: usize) -> Vec<f64> {
    if max == 0 || a.is_nan() || b.is_nan() {
        return Vec::new();
    }
    let (lo, hi) = (a.min(b), a.max(b));
    if (lo - hi).abs() < f64::EPSILON {
        return vec![lo];
    }
    // Remainder of `x` by `m` on the side of `m`'s sign; one that rounds to `m` is 0.
    let rem = |x: f64, m: f64| {
        let q = x / m;
        let r = x - if m > 0.0 { q.floor() } else { q.ceil() } * m;
        if (r - m).abs() < f64::EPSILON { 0.0 } else { r }
    };
    // The first multiple of `step` at or after `lo`, and the last at or before `hi`.
    let first = |step: f64| {
        let x = lo - rem(lo, step);
        if x < lo { x + step } else { x }
    };
    let last = |step: f64| hi - rem(hi, step);
    let exponent = (hi - lo).log(10.0).floor() as i32;
    let mut scale = (0..exponent.unsigned_abs()).fold(1.0, |p, _| p * 10.0);
    if exponent < 0 {
        scale = 1.0 / scale;
    }
    let mut grain = scale / 10.0;
    if 1 + ((hi - lo) / scale).floor() as usize > max {
        scale *= 10.0;
        grain *= 10.0;
    }
    'finer: loop {
        let coarse = scale;
        for by in [2.0, 5.0, 10.0] {
            let n = 1.0 + (last(coarse / by) - first(coarse / by)) / coarse * by;
            if n.round() as usize > max {
                break 'finer;
            }
            scale = coarse / by;
        }
        scale = coarse / 10.0;
        grain /= 10.0;
    }
    // Counted from a multiple of the grain below the first point, so that a long run of
    // additions cannot stall on a large base.
    let start = first(scale);
    let base = (start / grain).floor() * grain;
    let mut offset = start - base;
    let end = last(scale);
    let mut points = Vec::new();
    while end - offset - base >= -f64::EPSILON {
        if (offset / grain).round() * grain < 0.0 {
            offset += grain;
        }
        points.push(offset + base);
        offset += scale;
    }
    points
}

impl ValueFormatter<f64> for Linear {
    fn format(_: &f64) -> String {
        String::new()
    }
}

/// The colours of a chart. Lines and text reach at least 4.5:1 against `background` (lines need
/// only 3:1; they get text contrast anyway, since their labels are drawn in the same colour).
#[derive(Clone, Copy, Debug)]
pub struct Theme {
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub kommune: RGBColor,
    pub land: RGBColor,
    pub fylke: RGBColor,
    pub goal: RGBColor,
    /// Former kommuner, shown beside today's where it has no figure of its own.
    pub formers: [RGBColor; 4],
    /// In work or education, unemployed or on measures, other.
    pub status: [RGBColor; 3],
}

pub const LIGHT: Theme = Theme {
    background: RGBColor(0xff, 0xff, 0xff),
    text: RGBColor(0x1a, 0x1a, 0x1a),
    muted: RGBColor(0x59, 0x59, 0x59),
    grid: RGBColor(0xdd, 0xdd, 0xdd),
    kommune: RGBColor(0x1d, 0x4f, 0x91),
    land: RGBColor(0xa3, 0x3b, 0x12),
    fylke: RGBColor(0x2e, 0x6b, 0x30),
    goal: RGBColor(0x4a, 0x4a, 0x4a),
    formers: [RGBColor(0x6a, 0x3d, 0x9a), RGBColor(0x00, 0x69, 0x5c), RGBColor(0x7a, 0x52, 0x00), RGBColor(0x5c, 0x5c, 0x5c)],
    status: [RGBColor(0x1d, 0x4f, 0x91), RGBColor(0xa8, 0x4a, 0x00), RGBColor(0x6b, 0x6b, 0x6b)],
};

pub const DARK: Theme = Theme {
    background: RGBColor(0x12, 0x12, 0x12),
    text: RGBColor(0xee, 0xee, 0xee),
    muted: RGBColor(0xb8, 0xb8, 0xb8),
    grid: RGBColor(0x3a, 0x3a, 0x3a),
    kommune: RGBColor(0x8a, 0xb4, 0xf8),
    land: RGBColor(0xf4, 0xa0, 0x6b),
    fylke: RGBColor(0x81, 0xc9, 0x84),
    goal: RGBColor(0xc8, 0xc8, 0xc8),
    formers: [RGBColor(0xc5, 0xa3, 0xf0), RGBColor(0x5f, 0xd4, 0xc4), RGBColor(0xe0, 0xbf, 0x6a), RGBColor(0xbd, 0xbd, 0xbd)],
    status: [RGBColor(0x5b, 0x8f, 0xd9), RGBColor(0xd9, 0x80, 0x3a), RGBColor(0x8c, 0x8c, 0x8c)],
};

/// How to paint: language, colours and scale.
#[derive(Clone, Copy, Debug)]
pub struct Paint<'a> {
    pub lang: Lang,
    pub theme: &'a Theme,
    pub scale: f64,
    /// The source line under the chart.
    pub source: &'a str,
}

/// The charts' font family: plotters' [`FontFamily::SansSerif`], whose name this is.
pub const FONT: &str = "sans-serif";
/// Default chart size in CSS pixels.
pub const WIDTH: u32 = 720;
pub const HEIGHT: u32 = 420;

/// A chart's box on the page: its size in CSS pixels, in device pixels, and the scale to draw at.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct Layout {
    pub css_width: u32,
    pub css_height: u32,
    pub width: u32,
    pub height: u32,
    /// The device pixel ratio times the text's shrinking for a narrow chart.
    pub scale: f64,
}

/// The chart's box for a figure `width` CSS pixels wide (0 where the page could not tell) at a
/// device pixel ratio: at most 720 × 420, no lower than 300. The chart's text shrinks with its
/// width, but no further than to 0.75 of its size at any width: the smallest text a chart draws
/// is 12 px ([`MIN_TEXT`]), so none is ever below 9 CSS pixels.
pub fn layout(width: f64, dpr: f64) -> Layout {
    let css_width = if width > 0.0 { width.min(WIDTH as f64) } else { WIDTH as f64 };
    let css_height = (css_width * 0.62).clamp(300.0, HEIGHT as f64).round();
    boxed(css_width, css_height, dpr, (css_width / WIDTH as f64).clamp(MIN_SHRINK, 1.0))
}

/// A box of `css_width` × `css_height` CSS pixels at a device pixel ratio (1 where the page gave
/// none that makes sense), its text shrunk (or grown) by `shrink`.
fn boxed(css_width: f64, css_height: f64, dpr: f64, shrink: f64) -> Layout {
    let dpr = if dpr > 0.0 && dpr.is_finite() { dpr } else { 1.0 };
    Layout {
        css_width: css_width.round() as u32,
        css_height: css_height.round() as u32,
        width: (css_width * dpr).round() as u32,
        height: (css_height * dpr).round() as u32,
        scale: dpr * shrink,
    }
}

/// The chart's box where it takes over a static rendering (`crate::embed`) of `width` × `height`
/// CSS pixels: that box exactly, so nothing on the page moves, and the text at the size the
/// static chart's text had there ([`crate::embed::STATIC_SIZE`] drawn at text scale 1, shown at
/// `width`), but never below 9 CSS pixels.
pub fn takeover(width: f64, height: f64, dpr: f64) -> Layout {
    let (w, h) = (width.clamp(1.0, 4.0 * WIDTH as f64), height.clamp(1.0, 4.0 * HEIGHT as f64));
    boxed(w, h, dpr, (w / crate::embed::STATIC_SIZE.0 as f64).clamp(MIN_SHRINK, 1.5))
}

/// The smallest text a chart draws, before shrinking; and the most a narrow chart shrinks its
/// text: 12 × 0.75 = 9 CSS pixels.
pub const MIN_TEXT: f64 = 12.0;
pub const MIN_SHRINK: f64 = 0.75;

pub(crate) fn font(size: f64, scale: f64, color: RGBColor) -> TextStyle<'static> {
    // The family as plotters' enum, not the name: `FontFamily::from(&str)` lowercases the name
    // with std's Unicode case tables, kilobytes in the wasm.
    let mut style = TextStyle::from((FontFamily::SansSerif, size * scale).into_font());
    style.color = color.to_backend_color();
    style
}

/// Where a line of text stands, in device pixels, as the recorder measures text.
#[derive(Clone, Copy)]
pub(crate) struct TextBox {
    pub(crate) left: i32,
    pub(crate) right: i32,
    pub(crate) top: i32,
    pub(crate) bottom: i32,
}

impl TextBox {
    /// Text of `size` device pixels anchored at `at` by `pos`; its ink about 0.8 of its size high.
    pub(crate) fn new(text: &str, size: f64, at: (i32, i32), pos: Pos) -> TextBox {
        let w = record::text_size(text, size).0 as i32;
        let h = (size * 0.8).round() as i32;
        let left = match pos.h_pos {
            HPos::Left => at.0,
            HPos::Center => at.0 - w / 2,
            HPos::Right => at.0 - w,
        };
        let top = match pos.v_pos {
            VPos::Top => at.1,
            VPos::Center => at.1 - h / 2,
            VPos::Bottom => at.1 - h,
        };
        TextBox { left, right: left + w, top, bottom: top + h }
    }

    /// The square of half-side `r` around `c`.
    pub(crate) fn around(c: (i32, i32), r: i32) -> TextBox {
        TextBox { left: c.0 - r, right: c.0 + r, top: c.1 - r, bottom: c.1 + r }
    }

    /// Whether the two come within a pixel of each other.
    fn overlaps(&self, other: &TextBox) -> bool {
        self.left <= other.right && other.left <= self.right && self.top <= other.bottom && other.top <= self.bottom
    }
}

/// The first of `candidates` (a placement and its box) whose box is clear of every box `taken`;
/// that box is then taken too.
pub(crate) fn first_free<T>(taken: &mut Vec<TextBox>, candidates: impl IntoIterator<Item = (T, TextBox)>) -> Option<T> {
    let (place, b) = candidates.into_iter().find(|(_, b)| !taken.iter().any(|o| o.overlaps(b)))?;
    taken.push(b);
    Some(place)
}

/// Where the goal's label goes, given its dashed line from `left` to `right_x` (device pixels):
/// above the line at its left end, else below it, else at its right end, else in the middle, else
/// anywhere along it, the first that keeps clear of what is `taken`; `None` where every place
/// is. Returns the offset from the line's left end and the anchor; the label is taken from then
/// on. The line itself is taken either way.
fn place_goal_label(taken: &mut Vec<TextBox>, label: &str, left: (i32, i32), right_x: i32, s: f64) -> Option<((i32, i32), Pos)> {
    let (gx, gy) = left;
    let d = px(6.0, s);
    let mid = (gx + right_x) / 2;
    let w = record::text_size(label, 12.0 * s).0 as i32;
    let fixed = [(gx + d, HPos::Left), (right_x, HPos::Right), (mid, HPos::Center)];
    // Then every few pixels along the line, left to right.
    let step = px(6.0, s).max(1) as usize;
    let along = (gx + d..=(right_x - w).max(gx + d)).step_by(step).map(|x| (x, HPos::Left));
    let candidates: Vec<_> = fixed
        .into_iter()
        .chain(along)
        .flat_map(|(x, h)| [(x, -d, h, VPos::Bottom), (x, d, h, VPos::Top)])
        .map(|(x, dy, h, v)| (((x - gx, dy), Pos::new(h, v)), TextBox::new(label, 12.0 * s, (x, gy + dy), Pos::new(h, v))))
        .gather();
    let place = first_free(taken, candidates);
    taken.push(TextBox { left: gx, right: right_x, top: gy - 1, bottom: gy + 1 });
    place
}

/// A font size no larger than `size` (CSS pixels) at which `text` fits `room` device pixels at
/// scale `s`, as the recorder measures text.
/// Never below [`MIN_TEXT`]: what does not fit then must be wrapped.
pub(crate) fn size_to_fit(text: &str, size: f64, s: f64, room: f64) -> f64 {
    size.min(size * room / (record::text_size(text, size * s).0 as f64).max(1.0)).max(MIN_TEXT)
}

/// The width of a label in 13 px text, in CSS pixels, as the recorder measures text.
pub(crate) fn label_width(text: &str) -> f64 {
    record::text_size(text, 13.0).0 as f64
}

pub(crate) fn px(v: f64, s: f64) -> i32 {
    (v * s).round() as i32
}

pub(crate) fn stroke(color: RGBColor, width: f64, s: f64) -> ShapeStyle {
    color.stroke_width((width * s).max(1.0).round() as u32)
}

/// The mesh's colours and fonts, the same in every chart.
pub(crate) fn themed<'m, 'a, 'b, X: Ranged, Y: Ranged, DB: DrawingBackend>(
    mesh: &'m mut plotters::chart::MeshStyle<'a, 'b, X, Y, DB>,
    p: &Paint,
) -> &'m mut plotters::chart::MeshStyle<'a, 'b, X, Y, DB> {
    let (s, th) = (p.scale, p.theme);
    // No light lines: transparent, and the recorder keeps nothing that draws nothing.
    mesh.light_line_style(TRANSPARENT)
        .bold_line_style(stroke(th.grid, 1.0, s))
        .axis_style(stroke(th.muted, 1.0, s))
        .label_style(font(13.0, s, th.text))
        .axis_desc_style(font(13.0, s, th.text))
}

/// Background, title above, source line below; returns the area between.
pub(crate) fn frame<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    title: &str,
    p: &Paint,
) -> Result<DrawingArea<DB, Shift>, DrawingAreaErrorKind<DB::ErrorType>> {
    let s = p.scale;
    root.fill(&p.theme.background)?;
    // The title is centred by the backend itself, with the font it really draws (plotters'
    // `titled` would centre it by the recorder's estimate).
    let (w, _) = root.dim_in_pixel();
    // 17 px, or smaller where a long name would not fit the width.
    // The room less a twentieth: a browser draws small text a little wider than the estimate
    // (hinting), and a title is the one text that spans the whole width.
    let room = (w as f64 - 8.0) * 0.95;
    let size = size_to_fit(title, 17.0, s, room);
    // Where even that is too wide, on two lines or more, broken between words.
    let lines = wrap(title, size * s, room as i32);
    let line_h = (size * 1.15 * s).round() as i32;
    for (k, line) in lines.iter().enumerate() {
        root.draw(&Text::new(line.clone(), (w as i32 / 2, px(6.0, s) + k as i32 * line_h), font(size, s, p.theme.text).pos(Pos::new(HPos::Center, VPos::Top))))?;
    }
    let body = root.margin(px(32.0, s) + (lines.len() as i32 - 1).max(0) * line_h, 0, 0, 0);
    // The source line, on two lines where it is too wide (a refreshed table's "hentet …" on a phone).
    let source = wrap(p.source, 12.0 * s, ((w as f64 - 20.0 * s) * 0.95) as i32);
    let source_h = px(12.0 * 1.15, s);
    let footer_h = (px(24.0, s) + (source.len() as i32 - 1).max(0) * source_h) as u32;
    let (plot, footer) = body.split_vertically(body.dim_in_pixel().1.saturating_sub(footer_h));
    for (k, line) in source.into_iter().enumerate() {
        footer.draw(&Text::new(line, (px(10.0, s), px(6.0, s) + k as i32 * source_h), font(12.0, s, p.theme.muted)))?;
    }
    Ok(plot)
}

#[derive(Clone, Copy, Debug)]
pub(crate) enum Marker {
    Circle,
    Square,
    Triangle,
    /// Pointing down.
    TriangleDown,
    Diamond,
}

/// How one line is told apart: by colour, and also by dashes and marker shape.
#[derive(Clone, Copy)]
pub(crate) struct LineStyle {
    pub(crate) color: RGBColor,
    pub(crate) width: f64,
    pub(crate) dash: Option<(f64, f64)>,
    pub(crate) marker: Marker,
}

/// How far a line's point markers reach from their centre, in device pixels (a triangle one
/// pixel further, see [`marker_glyph`]).
pub(crate) fn marker_radius(style: LineStyle, s: f64) -> i32 {
    px(style.width + 2.5, s) + matches!(style.marker, Marker::Triangle | Marker::TriangleDown) as i32
}

pub(crate) fn marker_glyph<DB: DrawingBackend>(marker: Marker, (x, y): (i32, i32), r: i32, style: ShapeStyle) -> DynElement<'static, DB, (i32, i32)> {
    match marker {
        Marker::Circle => Circle::new((x, y), r, style).into_dyn(),
        Marker::Square => Rectangle::new([(x - r, y - r), (x + r, y + r)], style).into_dyn(),
        Marker::Triangle => {
            // Pointing up, on a circle of radius r + 1 (what plotters' TriangleMarker draws, which
            // computes the corners with sin and cos at run time and fills even an outline).
            let (size, half_base) = (r + 1, (r + 1) * 866 / 1000);
            outline_or_fill(vec![(x, y - size), (x + half_base, y + size / 2), (x - half_base, y + size / 2), (x, y - size)], style)
        }
        Marker::TriangleDown => {
            let (size, half_base) = (r + 1, (r + 1) * 866 / 1000);
            outline_or_fill(vec![(x, y + size), (x + half_base, y - size / 2), (x - half_base, y - size / 2), (x, y + size)], style)
        }
        Marker::Diamond => outline_or_fill(vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y), (x, y - r)], style),
    }
}

/// A closed shape: filled, or its outline.
pub(crate) fn outline_or_fill<DB: DrawingBackend>(pts: Vec<(i32, i32)>, style: ShapeStyle) -> DynElement<'static, DB, (i32, i32)> {
    if style.filled {
        Polygon::new(pts, style).into_dyn()
    } else {
        PathElement::new(pts, style).into_dyn()
    }
}

/// One line of a line chart.
pub(crate) struct Line<'a> {
    pub(crate) label: String,
    pub(crate) points: &'a [Share],
    pub(crate) style: LineStyle,
    /// Points drawn hollow besides those of fewer than ten completers ([`small_n`]).
    pub(crate) hollow: Vec<bool>,
}

/// Whether a share comes from fewer than ten completers ([`crate::text::say::SMALL`]), where the
/// number who finished is published: such a point is drawn hollow, and the chart says so.
pub(crate) fn small_n(share: &Share) -> bool {
    matches!(share, Share::Published { finished: Some(n), .. } if (*n as u32) < crate::text::say::SMALL)
}

/// The countries' later years beside a chart of the table's cohorts: a panel of its own right
/// of the plot, on the same percent scale, in the line's style.
pub(crate) struct Later<'a> {
    pub(crate) xs: Vec<i32>,
    pub(crate) points: &'a [Share],
    pub(crate) style: LineStyle,
    /// Per x: when, and where the figure was published, as a tooltip says them.
    pub(crate) whens: Vec<String>,
    pub(crate) sources: Vec<String>,
}

/// A line's label right of a line chart: its text, the line's style (`None`: the goal's dash),
/// the point it belongs to, and the height it is drawn at (device pixels).
type DirectLabel<'a> = (&'a str, Option<LineStyle>, (f64, f64), i32);

/// A line chart over whole-number x values (cohorts, or years after).
pub(crate) struct LineChart<'a> {
    pub(crate) title: String,
    pub(crate) xs: Vec<i32>,
    pub(crate) x_desc: &'a str,
    /// Per x: when, as a point's tooltip says it ("avsluttet 2013").
    pub(crate) whens: Vec<String>,
    /// Back to front; the last is the main line, whose values are written on its points and
    /// whose gaps are explained at the foot of the plot.
    pub(crate) lines: Vec<Line<'a>>,
    pub(crate) goal: Option<u16>,
    /// The country's figures after the table's cohorts, in a panel of their own.
    pub(crate) later: Option<Later<'a>>,
}

/// Runs of consecutive published points, so a suppressed point is a gap, never a zero.
fn published_runs(xs: &[i32], points: &[Share]) -> Vec<Vec<(f64, f64)>> {
    let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    for (x, s) in xs.iter().zip(points) {
        match s.percent() {
            Some(p) => runs.last_mut().expect("never empty").push(xy(*x, p as f64)),
            None => runs.push(Vec::new()),
        }
    }
    runs.retain(|r| !r.is_empty());
    runs
}

/// Each published point of a line as an explorable point of `series` ([`record::hit`]), its
/// tooltip from the line's label, `whens[i]` and the source `source(i)` names.
fn explore<DB: DrawingBackend>(chart: &LineCtx<'_, DB>, xs: &[i32], line: &Line, series: u16, whens: &[String], source: impl Fn(usize) -> String, p: &Paint) {
    for (i, (x, share)) in xs.iter().zip(line.points).enumerate() {
        if let (Some(v), Some(when)) = (share.percent(), whens.get(i)) {
            record::hit(chart.backend_coord(&xy(*x, v as f64)), series, say::tip(&line.label, when, share, &source(i), p.lang));
        }
    }
}

fn draw_line<DB: DrawingBackend>(chart: &mut LineCtx<'_, DB>, xs: &[i32], line: &Line, p: &Paint) -> ChartResult<DB> {
    let s = p.scale;
    let style = line.style;
    let line_stroke = stroke(style.color, style.width, s);
    let r = px(style.width + 2.5, s);
    for run in published_runs(xs, line.points) {
        match style.dash {
            Some((dash, gap)) => {
                chart.draw_series(DashedLineSeries::new(run.clone(), px(dash, s), px(gap, s), line_stroke))?;
            }
            None => {
                chart.draw_series(LineSeries::new(run.clone(), line_stroke))?;
            }
        }
        for &pt in &run {
            let hollow = xs.iter().position(|&x| x as f64 == pt.0).is_some_and(|i| line.hollow.get(i) == Some(&true) || small_n(&line.points[i]));
            let fill = if hollow { p.theme.background.filled() } else { style.color.filled() };
            chart.draw_series(std::iter::once(EmptyElement::at(pt) + marker_glyph(style.marker, (0, 0), r, fill)))?;
            if hollow {
                let edge = stroke(style.color, 1.5, s);
                chart.draw_series(std::iter::once(EmptyElement::at(pt) + marker_glyph(style.marker, (0, 0), r, edge)))?;
            }
        }
    }
    Ok(())
}

pub(crate) fn line_chart<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, spec: &LineChart, p: &Paint) -> ChartResult<DB> {
    let (t, s, th) = (texts(p.lang), p.scale, p.theme);
    let plot_area = frame(root, &spec.title, p)?;
    // A hollow point needs its word: on a line of its own under the plot.
    let plot_area = match spec.lines.iter().any(|l| l.points.iter().any(small_n)) {
        true => small_note(&plot_area, p)?,
        false => plot_area,
    };
    // The country's later years, where there are any, take the right third.
    let later_w = match spec.later {
        Some(_) => (plot_area.dim_in_pixel().0 as f64 * 0.32).round() as u32,
        None => 0,
    };
    let first = *spec.xs.first().unwrap_or(&0);
    let last = *spec.xs.last().unwrap_or(&0);
    // Direct labels stand right of the last x: make room for the widest one, the goal's among
    // them (its label stands there where the plot has no free place for it).
    let goal_label = spec.goal.map(|_| t.goal_label);
    let widest = spec.lines.iter().map(|l| l.label.as_str()).chain(goal_label).map(label_width).fold(0.0, f64::max);
    let label_px = (widest + 36.0) * s;
    let plot_w = plot_area.dim_in_pixel().0 as f64 - later_w as f64 - 66.0 * s;
    // The x axis runs one step past the last x, so the labels have that step and the margin:
    // step + margin = label_px, where step = (plot_w − margin) / steps.
    let steps = (last - first + 2) as f64;
    let wanted = (label_px * steps - plot_w) / (steps - 1.0);
    // Where they would take more than 45 % of the width (a phone, a long fylke name), a legend
    // above the plot names the lines instead, main line first, then the goal, and the plot has
    // the width (a narrow plot has too little room beside its points for the goal's label).
    let direct_labels = wanted <= plot_w * 0.45;
    let plot_area = match direct_labels {
        true => plot_area,
        false => {
            let mut items: Vec<(String, Swatch)> = spec.lines.iter().rev().map(|l| (l.label.clone(), Swatch::Marker(l.style.marker, l.style.color))).gather();
            items.extend(goal_label.map(|g| (g.to_string(), Swatch::Dash(th.goal))));
            legend(&plot_area, &items, p)?
        }
    };
    let (plot_area, later_area) = match &spec.later {
        Some(_) => {
            let (main, later) = plot_area.split_horizontally(plot_area.dim_in_pixel().0 - later_w);
            (main, Some(later))
        }
        None => (plot_area, None),
    };
    let right_margin = if direct_labels { wanted.max(12.0 * s) } else { 12.0 * s };
    // The width per x, once the labels' room is taken; a year label needs about 3 ems.
    let step_px = (plot_w - right_margin) / steps;
    let right_margin = right_margin as u32;
    let mut chart = ChartBuilder::on(&plot_area)
        .margin_left(px(8.0, s) as u32)
        .margin_right(right_margin)
        .margin_top(px(6.0, s) as u32)
        .x_label_area_size(px(44.0, s) as u32)
        .y_label_area_size(px(58.0, s) as u32)
        .build_cartesian_2d(Linear::from((first - 1) as f64..(last + 1) as f64), Linear::from(0f64..100f64))?;
    let xs = spec.xs.clone();
    let every = if step_px >= 13.0 * 2.8 * s { 1 } else if step_px >= 13.0 * 1.4 * s { 2 } else { 3 };
    themed(chart.configure_mesh().disable_x_mesh(), p)
        .x_labels((last - first + 3) as usize)
        // Every x where there is room, every other where there is not. The axis's key points are
        // whole numbers here (`key_points_are_plotters_own` holds them to an integer axis's).
        .x_label_formatter(&|&x| match x as i32 {
            x if xs.contains(&x) && (x - first) % every == 0 => x.to_string(),
            _ => String::new(),
        })
        .y_labels(6)
        .y_label_formatter(&|y| format_percent(*y as u16, p.lang))
        .x_desc(spec.x_desc)
        .y_desc(t.axis_percent)
        .draw()?;

    // Where texts cannot go inside the plot: on the points' markers, on the other lines, or on
    // texts already there. A value or label written over them could not be read.
    let mut taken: Vec<TextBox> = Vec::new();
    // The main line's own strokes: its values keep clear of them where they can.
    let mut own_strokes: Vec<TextBox> = Vec::new();
    for (i, line) in spec.lines.iter().enumerate() {
        let main = i + 1 == spec.lines.len();
        let r = marker_radius(line.style, s) + 1;
        let half_width = px(line.style.width / 2.0, s).max(1);
        for run in published_runs(&spec.xs, line.points) {
            let at: Vec<(i32, i32)> = run.iter().map(|pt| chart.backend_coord(pt)).gather();
            at.iter().map(|&c| TextBox::around(c, r)).gather_into(&mut taken);
            let strokes = if main { &mut own_strokes } else { &mut taken };
            for pair in at.windows(2) {
                let ((x0, y0), (x1, y1)) = (pair[0], pair[1]);
                let n = ((x1 - x0).abs().max((y1 - y0).abs()) / px(4.0, s).max(1)).max(1);
                (1..n).map(|k| TextBox::around((x0 + (x1 - x0) * k / n, y0 + (y1 - y0) * k / n), half_width)).gather_into(strokes);
            }
        }
    }
    // The country's later years first: the texts of the plot beside keep clear of what it drew.
    if let (Some(later), Some(area)) = (&spec.later, later_area) {
        taken.extend(draw_later(&area, later, spec.goal, spec.lines.len() as u16, p)?);
    }
    // The goal's label on its line where it keeps clear of the points; else among the lines'
    // labels right of the plot (or, with a legend, in the legend).
    let mut goal_beside = None;
    if let Some(goal) = spec.goal {
        let goal = goal as f64;
        // Up to the last x: right of it stand the lines' labels.
        chart.draw_series(DashedLineSeries::new([xy(first - 1, goal), xy(last, goal)], px(6.0, s), px(4.0, s), stroke(th.goal, 1.5, s)))?;
        let (left, right_x) = (chart.backend_coord(&xy(first - 1, goal)), chart.backend_coord(&xy(last, goal)).0);
        match direct_labels.then(|| place_goal_label(&mut taken, t.goal_label, left, right_x, s)) {
            Some(Some((offset, pos))) => {
                chart.draw_series(std::iter::once(EmptyElement::at(xy(first - 1, goal)) + Text::new(t.goal_label.to_string(), offset, font(12.0, s, th.goal).pos(pos))))?;
            }
            Some(None) => goal_beside = Some(goal),
            None => taken.push(TextBox { left: left.0, right: right_x, top: left.1 - 1, bottom: left.1 + 1 }),
        }
    }
    for (i, line) in spec.lines.iter().enumerate() {
        draw_line(&mut chart, &spec.xs, line, p)?;
        explore(&chart, &spec.xs, line, i as u16, &spec.whens, |_| t.source_table.to_string(), p);
    }

    // Direct labels right of the last x, each at the height of its line's last published point
    // (the goal's at its own) and led by the line's marker (the goal's by a dash), spread so they
    // never overlap.
    let mut labels: Vec<DirectLabel> = Vec::new();
    for line in spec.lines.iter().filter(|_| direct_labels) {
        if let Some(v) = line.points.iter().rev().find_map(|s| s.percent()) {
            let at = xy(last, v as f64);
            labels.push((&line.label, Some(line.style), at, chart.backend_coord(&at).1));
        }
    }
    if let Some(goal) = goal_beside {
        labels.push((t.goal_label, None, xy(last, goal), chart.backend_coord(&xy(last, goal)).1));
    }
    crate::sort::sort_by_key(&mut labels, |l| l.3);
    let min_gap = px(16.0, s);
    for i in 1..labels.len() {
        if labels[i].3 - labels[i - 1].3 < min_gap {
            labels[i].3 = labels[i - 1].3 + min_gap;
        }
    }
    // Lines ending at 0 % push their labels below the axis, into its years: up again from there.
    let lowest = chart.backend_coord(&xy(first, 0.0)).1;
    for i in (0..labels.len()).rev() {
        let limit = labels.get(i + 1).map_or(lowest, |next| next.3 - min_gap);
        labels[i].3 = labels[i].3.min(limit);
    }
    for (label, style, at, y) in labels {
        let (x0, y0) = chart.backend_coord(&at);
        let dy = y - y0;
        taken.push(TextBox::around((x0 + px(16.0, s), y), px(4.0, s) + 1));
        taken.push(TextBox::new(label, 13.0 * s, (x0 + px(26.0, s), y), Pos::new(HPos::Left, VPos::Center)));
        let color = style.map_or(th.goal, |st| st.color);
        match style {
            Some(st) => {
                let glyph = marker_glyph(st.marker, (px(16.0, s), dy), px(4.0, s), st.color.filled());
                chart.draw_series(std::iter::once(EmptyElement::at(at) + glyph))?;
            }
            None => {
                let (a, b) = (px(11.0, s), px(21.0, s));
                let dash = PathElement::new(vec![(a, dy), (b, dy)], stroke(th.goal, 1.5, s));
                chart.draw_series(std::iter::once(EmptyElement::at(at) + dash))?;
            }
        }
        chart.draw_series(std::iter::once(
            EmptyElement::at(at) + Text::new(label.to_string(), (px(26.0, s), dy), font(13.0, s, color).pos(Pos::new(HPos::Left, VPos::Center))),
        ))?;
    }

    let Some((main, others)) = spec.lines.split_last() else { return root.present() };
    // The main line's value on each point: above, or below where another line runs higher;
    // on the other side where that one is taken (a marker, another line, the goal's line or
    // label, a value beside it, the title, the axis); left out where both are (the table has
    // every value).
    let plot_top = chart.backend_coord(&xy(first, 100.0)).1 - px(6.0, s);
    let plot_bottom = chart.backend_coord(&xy(first, 0.0)).1;
    let (plot_left, plot_right) = (chart.backend_coord(&xy(first - 1, 0.0)).0, root.dim_in_pixel().0 as i32);
    for (i, (x, share)) in spec.xs.iter().zip(main.points).enumerate() {
        let Some(v) = share.percent() else { continue };
        let text = format_percent(v, p.lang);
        let below_first = others.iter().any(|o| o.points.get(i).and_then(|s| s.percent()).is_some_and(|l| l > v && l - v < 8));
        let above = (0, px(-10.0, s), Pos::new(HPos::Center, VPos::Bottom));
        let below = (0, px(10.0, s), Pos::new(HPos::Center, VPos::Top));
        let at = chart.backend_coord(&xy(*x, v as f64));
        let [first_side, second_side] = if below_first { [below, above] } else { [above, below] };
        // Beside the point, right then left, where neither above nor below keeps off the line
        // (a lone peak at 100 %, where above is outside the plot and below is the line itself).
        let right = (px(8.0, s), 0, Pos::new(HPos::Left, VPos::Center));
        let left = (px(-8.0, s), 0, Pos::new(HPos::Right, VPos::Center));
        let candidates = [first_side, second_side, right, left]
            .map(|(dx, dy, pos)| ((dx, dy, pos), TextBox::new(&text, 12.0 * s, (at.0 + dx, at.1 + dy), pos)))
            .into_iter()
            .filter(|(_, b)| b.top >= plot_top && b.bottom < plot_bottom && b.left >= plot_left && b.right <= plot_right);
        // A side off the line's own strokes first; else (a steep peak or dip) the first two that
        // fit in the plot, on the line or not.
        let off_own = candidates.clone().filter(|(_, b)| !own_strokes.iter().any(|o| o.overlaps(b)));
        let Some((dx, dy, pos)) = first_free(&mut taken, off_own.chain(candidates.take(2))) else { continue };
        chart.draw_series(std::iter::once(EmptyElement::at(xy(*x, v as f64)) + Text::new(text, (dx, dy), font(12.0, s, main.style.color).pos(pos))))?;
    }
    // Gaps say why, at the foot of the plot, main line first: each in its line's colour, named
    // where there is room ("Bergen: skjult"), else led by its marker, on the lowest of four lines
    // where it keeps clear of what is there; the table has every gap the chart cannot word.
    let r = px(4.0, s);
    // A named label pushed aside by the plot's edge by more than half a step between cohorts
    // would stand under another cohort (Herøy's "skjult" for 2011, at the left edge, beside
    // 2010 on a phone): then the short word, which fits where its gap is.
    let half_step = match spec.xs.as_slice() {
        [x0, x1, ..] => (chart.backend_coord(&xy(*x1, 0.0)).0 - chart.backend_coord(&xy(*x0, 0.0)).0).abs() / 2,
        _ => i32::MAX,
    };
    for line in spec.lines.iter().rev() {
        // Neighbouring gaps of one reason share one label, centred under them.
        let mut gaps: Vec<(i32, i32, &str)> = Vec::new();
        for (i, (x, share)) in spec.xs.iter().zip(line.points).enumerate() {
            // Divided and no data have no short word: said once, in the notes, or plain from the table.
            let Some(why) = short_word(share, t) else { continue };
            match gaps.last_mut() {
                Some((_, to, w)) if *w == why && i > 0 && spec.xs[i - 1] == *to => *to = *x,
                _ => gaps.push((*x, *x, why)),
            }
        }
        for (from, to, why) in gaps {
            let (a, b) = (chart.backend_coord(&xy(from, 0.0)), chart.backend_coord(&xy(to, 0.0)));
            let at = ((a.0 + b.0) / 2, a.1);
            let h = (12.0 * s * 0.8).round() as i32;
            // Named, the label needs no marker; the short word is led by the line's marker, which
            // tells the lines apart without colour. (A marker before a name, floating in the plot,
            // read as a point of the line: Vinje's ten gaps of fifteen cohorts on a phone.)
            let texts = [(format!("{}: {why}", line.label), false), (why.to_string(), true)];
            let candidates = texts.iter().flat_map(|(text, led)| {
                let lead = if *led { 2 * r + px(3.0, s) } else { 0 };
                let w = record::text_size(text, 12.0 * s).0 as i32 + lead;
                let left = (at.0 - w / 2).clamp(plot_left, (plot_right - w).max(plot_left));
                let near = *led || (left - (at.0 - w / 2)).abs() <= half_step;
                (0..4).filter(move |_| near).map(move |up| {
                    let bottom = at.1 + px(-8.0 - 15.0 * up as f64, s);
                    ((text.clone(), lead, left, bottom), TextBox { left, right: left + w, top: bottom - h, bottom })
                })
            });
            let Some((text, lead, left, bottom)) = first_free(&mut taken, candidates) else { continue };
            let (dx, dy) = (left - a.0, bottom - a.1);
            if lead > 0 {
                let glyph = marker_glyph(line.style.marker, (dx + r, dy - h / 2), r, line.style.color.filled());
                chart.draw_series(std::iter::once(EmptyElement::at(xy(from, 0.0)) + glyph))?;
            }
            chart.draw_series(std::iter::once(
                EmptyElement::at(xy(from, 0.0)) + Text::new(text, (dx + lead, dy), font(12.0, s, line.style.color).pos(Pos::new(HPos::Left, VPos::Bottom))),
            ))?;
        }
    }
    root.present()
}

/// The country's later years in a panel of their own right of the plot: the same percent scale
/// and margins as the plot beside it, the line in its style, its first and last value, the goal's
/// line, a heading and, under the years, that these are published figures.
/// Returns what it drew, as boxes the plot beside must keep clear of.
fn draw_later<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    later: &Later,
    goal: Option<u16>,
    series: u16,
    p: &Paint,
) -> Result<Vec<TextBox>, DrawingAreaErrorKind<DB::ErrorType>> {
    let (t, s, th) = (texts(p.lang), p.scale, p.theme);
    let (Some(&first), Some(&last)) = (later.xs.first(), later.xs.last()) else { return Ok(Vec::new()) };
    let mut chart = ChartBuilder::on(area)
        .margin_left(px(14.0, s) as u32)
        .margin_right(px(12.0, s) as u32)
        .margin_top(px(6.0, s) as u32)
        .x_label_area_size(px(44.0, s) as u32)
        .y_label_area_size(0)
        .build_cartesian_2d(Linear::from((first - 1) as f64..(last + 1) as f64), Linear::from(0f64..100f64))?;
    let ends = [first, last];
    themed(chart.configure_mesh().disable_x_mesh(), p)
        .x_labels((last - first + 3) as usize)
        .x_label_formatter(&|&x| match x as i32 {
            x if ends.contains(&x) => x.to_string(),
            _ => String::new(),
        })
        .y_labels(6)
        .y_label_formatter(&|_| String::new())
        .x_desc(t.goal_later_source)
        .draw()?;
    let mut taken = Vec::new();
    // The heading at the top, in as many lines as the panel's width needs.
    let (left, top) = chart.backend_coord(&xy(first - 1, 100.0));
    let room = chart.backend_coord(&xy(last + 1, 100.0)).0 - left - px(4.0, s);
    for (k, line) in wrap(t.goal_later, 12.0 * s, room).into_iter().enumerate() {
        let at = (px(4.0, s), px(2.0, s) + k as i32 * px(14.0, s));
        taken.push(TextBox::new(&line, 12.0 * s, (left + at.0, top + at.1), Pos::new(HPos::Left, VPos::Top)));
        chart.draw_series(std::iter::once(
            EmptyElement::at(xy(first - 1, 100.0)) + Text::new(line, at, font(12.0, s, later.style.color).pos(Pos::new(HPos::Left, VPos::Top))),
        ))?;
    }
    if let Some(goal) = goal {
        let goal = goal as f64;
        chart.draw_series(DashedLineSeries::new([xy(first - 1, goal), xy(last + 1, goal)], px(6.0, s), px(4.0, s), stroke(th.goal, 1.5, s)))?;
        let (a, b) = (chart.backend_coord(&xy(first - 1, goal)), chart.backend_coord(&xy(last + 1, goal)));
        taken.push(TextBox { left: a.0, right: b.0, top: a.1 - 1, bottom: a.1 + 1 });
    }
    let line = Line { label: t.land.to_string(), points: later.points, style: later.style, hollow: vec![] };
    let r = marker_radius(later.style, s) + 1;
    for run in published_runs(&later.xs, later.points) {
        run.iter().map(|pt| TextBox::around(chart.backend_coord(pt), r)).gather_into(&mut taken);
    }
    draw_line(&mut chart, &later.xs, &line, p)?;
    explore(&chart, &later.xs, &line, series, &later.whens, |i| later.sources.get(i).cloned().unwrap_or_default(), p);
    // The first and the last value, above the point or else below it.
    let published: Vec<(i32, u16)> = later.xs.iter().zip(later.points).filter_map(|(x, s)| Some((*x, s.percent()?))).gather();
    let ends: Vec<&(i32, u16)> = match published.as_slice() {
        [] => vec![],
        [one] => vec![one],
        [a, .., b] => vec![a, b],
    };
    for &&(x, v) in &ends {
        let text = format_percent(v, p.lang);
        let at = chart.backend_coord(&xy(x, v as f64));
        // A line higher where the goal's line runs just above the point.
        let candidates = [(px(-10.0, s), VPos::Bottom), (px(10.0, s), VPos::Top), (px(-22.0, s), VPos::Bottom)]
            .map(|(dy, vpos)| ((dy, vpos), TextBox::new(&text, 12.0 * s, (at.0, at.1 + dy), Pos::new(HPos::Center, vpos))));
        let Some((dy, vpos)) = first_free(&mut taken, candidates) else { continue };
        chart.draw_series(std::iter::once(
            EmptyElement::at(xy(x, v as f64)) + Text::new(text, (0, dy), font(12.0, s, later.style.color).pos(Pos::new(HPos::Center, vpos))),
        ))?;
    }
    Ok(taken)
}

/// `text` in lines of at most `room` device pixels at `size` device pixels, broken between words.
pub(crate) fn wrap(text: &str, size: f64, room: i32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if record::text_size(&format!("{line} {word}"), size).0 as i32 <= room => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// `text` at `size` device pixels on as few lines as keep within `room` device pixels, broken
/// between words, or `None` where that takes more than `max_lines` or a word alone is too wide.
pub(crate) fn fit_lines(text: &str, size: f64, room: i32, max_lines: usize) -> Option<Vec<String>> {
    let lines = wrap(text, size, room);
    (lines.len() <= max_lines && lines.iter().all(|l| record::text_size(l, size).0 as i32 <= room)).then_some(lines)
}

/// A row's label right-aligned left of the rows at `y`, within `room` device pixels: in 13 px
/// text, smaller (down to [`MIN_TEXT`]) where that keeps it on one line, else on two lines or
/// more, broken between words.
pub(crate) fn row_label<DB: DrawingBackend>(chart: &mut RowsChart<'_, DB>, y: f64, text: &str, color: RGBColor, room: f64, p: &Paint) -> ChartResult<DB> {
    let s = p.scale;
    let size = size_to_fit(text, 13.0, s, room);
    let lines = wrap(text, size * s, room as i32);
    let line_h = (size * 1.1 * s).round() as i32;
    let top = -(lines.len() as i32 - 1) * line_h / 2;
    for (k, line) in lines.into_iter().enumerate() {
        chart.draw_series(std::iter::once(
            EmptyElement::at((0.0, y)) + Text::new(line, (px(-8.0, s), top + k as i32 * line_h), font(size, s, color).pos(Pos::new(HPos::Right, VPos::Center))),
        ))?;
    }
    Ok(())
}

/// The room left of a rows chart's rows for their labels, in device pixels.
pub(crate) fn row_label_room<DB: DrawingBackend>(chart: &RowsChart<'_, DB>, s: f64) -> f64 {
    chart.backend_coord(&(0.0, 0.0)).0 as f64 - 12.0 * s
}

/// Splits a line off the foot of `area` for what a hollow marker means, draws it there and
/// returns the rest.
pub(crate) fn small_note<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, p: &Paint) -> Result<DrawingArea<DB, Shift>, DrawingAreaErrorKind<DB::ErrorType>> {
    let (s, th) = (p.scale, p.theme);
    let h = px(18.0, s);
    let (rest, foot) = area.split_vertically(area.dim_in_pixel().1.saturating_sub(h as u32));
    let (r, x, y) = (px(4.0, s), px(12.0, s), h / 2);
    foot.draw(&(EmptyElement::at((x + r, y)) + marker_glyph(Marker::Circle, (0, 0), r, th.background.filled())))?;
    foot.draw(&(EmptyElement::at((x + r, y)) + marker_glyph(Marker::Circle, (0, 0), r, stroke(th.text, 1.5, s))))?;
    let text = texts(p.lang).chart_small;
    foot.draw(&Text::new(text, (x + 2 * r + px(6.0, s), y), font(12.0, s, th.muted).pos(Pos::new(HPos::Left, VPos::Center))))?;
    Ok(rest)
}

/// A drawing as an SVG document (tests, downloads), of the drawing's size (see [`svg`]).
pub fn svg_of(drawing: Drawing) -> String {
    svg::write(&drawing, svg::SvgKind::Document)
}

pub(crate) fn kommune_style(th: &Theme) -> LineStyle {
    LineStyle { color: th.kommune, width: 3.0, dash: None, marker: Marker::Circle }
}
pub(crate) fn land_style(th: &Theme) -> LineStyle {
    LineStyle { color: th.land, width: 2.0, dash: Some((8.0, 4.0)), marker: Marker::Square }
}
/// The `i`th place a reader compares with: its own marker and dash besides a colour, so that
/// no two of the six are told apart by colour alone, and none has the style of the kommune, the
/// fylke, the country or a former kommune (solid diamonds, which never appear here: with `i`
/// counted after the formers, the colours differ from theirs too).
pub(crate) fn compare_style(th: &Theme, i: usize) -> LineStyle {
    // Dotted, then long dashes: never solid like the kommune's and the former kommuner's lines.
    const MARKERS: [Marker; 6] = [Marker::TriangleDown, Marker::Square, Marker::Circle, Marker::Circle, Marker::TriangleDown, Marker::Triangle];
    let dash = if i % 6 < 3 { (2.0, 3.0) } else { (10.0, 3.0) };
    LineStyle { color: th.formers[i % th.formers.len()], width: 2.0, dash: Some(dash), marker: MARKERS[i % 6] }
}

/// What leads a legend's word: a square in the style (bars), or a line's marker in its colour.
#[derive(Clone, Copy)]
pub(crate) enum Swatch {
    Square(ShapeStyle),
    Marker(Marker, RGBColor),
    /// A dashed line (the goal's).
    Dash(RGBColor),
}

/// Where each legend item goes, in rows of 28 px across `width` device pixels: (x, row).
fn legend_places(items: &[(String, Swatch)], width: i32, s: f64) -> Vec<(i32, i32)> {
    let (r, start) = (px(6.0, s), px(12.0, s));
    let (mut x, mut row) = (start, 0);
    let mut places = Vec::new();
    for (label, _) in items {
        let w = 2 * r + px(6.0 + label_width(label), s);
        if x > start && x + w > width - px(4.0, s) {
            x = start;
            row += 1;
        }
        places.push((x, row));
        x += w + px(8.0, s);
    }
    places
}

/// Splits off the top of `area` for a legend of swatches and words, in as many rows as its
/// width needs, draws it there and returns the rest.
pub(crate) fn legend<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, items: &[(String, Swatch)], p: &Paint) -> Result<DrawingArea<DB, Shift>, DrawingAreaErrorKind<DB::ErrorType>> {
    let s = p.scale;
    let places = legend_places(items, area.dim_in_pixel().0 as i32, s);
    let rows = places.last().map_or(1, |&(_, row)| row + 1);
    let (legend_area, rest) = area.split_vertically(px(28.0, s) * rows);
    let r = px(6.0, s);
    for ((label, swatch), (x, row)) in items.iter().zip(places) {
        let y = px(10.0, s) + px(28.0, s) * row;
        match *swatch {
            Swatch::Square(style) => {
                legend_area.draw(&Rectangle::new([(x, y - r), (x + 2 * r, y + r)], style))?;
                if !style.filled {
                    // An outlined swatch still needs its edge visible.
                    legend_area.draw(&Rectangle::new([(x, y - r), (x + 2 * r, y + r)], stroke(p.theme.text, 1.0, s)))?;
                }
            }
            Swatch::Marker(marker, color) => legend_area.draw(&(EmptyElement::at((x + r, y)) + marker_glyph(marker, (0, 0), px(4.0, s), color.filled())))?,
            Swatch::Dash(color) => {
                for (from, to) in [(x, x + r - px(1.0, s)), (x + r + px(1.0, s), x + 2 * r)] {
                    legend_area.draw(&PathElement::new(vec![(from, y), (to, y)], stroke(color, 1.5, s)))?;
                }
            }
        }
        legend_area.draw(&Text::new(label.clone(), (x + 2 * r + px(6.0, s), y), font(13.0, s, p.theme.text).pos(Pos::new(HPos::Left, VPos::Center))))?;
    }
    Ok(rest)
}

/// A chart of rows over a numeric x axis.
pub(crate) type RowsChart<'a, DB> = ChartContext<'a, DB, Cartesian2d<Linear, Linear>>;

/// A chart of horizontal rows `0..rows` (the first row at the top) over `0..x_max`, with room on
/// the left for the widest of `labels` (13 px text), up to half the width.
pub(crate) fn rows_chart<'a, 'l, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    rows: usize,
    labels: impl IntoIterator<Item = &'l str>,
    x_max: f64,
    p: &Paint,
) -> Result<RowsChart<'a, DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    let s = p.scale;
    let widest = labels.into_iter().map(label_width).fold(0.0, f64::max);
    ChartBuilder::on(area)
        .margin_left(px(8.0, s) as u32)
        .margin_right(px(24.0, s) as u32)
        .margin_top(px(6.0, s) as u32)
        .x_label_area_size(px(40.0, s) as u32)
        .y_label_area_size(((widest + 16.0) * s).min(area.dim_in_pixel().0 as f64 * 0.5) as u32)
        .build_cartesian_2d(Linear::from(0f64..x_max), Linear::from(0f64..rows as f64))
}

pub(crate) fn interval_bar<DB: DrawingBackend>(
    chart: &mut RowsChart<'_, DB>,
    x: f64,
    e: &Estimate,
    color: RGBColor,
    marker: Marker,
    hollow: bool,
    p: &Paint,
) -> ChartResult<DB> {
    let s = p.scale;
    let line = stroke(color, 2.0, s);
    let cap = 0.08;
    chart.draw_series(std::iter::once(PathElement::new(vec![(x, e.low), (x, e.high)], line)))?;
    chart.draw_series(std::iter::once(PathElement::new(vec![(x - cap, e.low), (x + cap, e.low)], line)))?;
    chart.draw_series(std::iter::once(PathElement::new(vec![(x - cap, e.high), (x + cap, e.high)], line)))?;
    hollow_or_filled(chart, (x, e.percent), marker, px(5.0, s), color, hollow, p)
}

/// A marker at `at`, filled, or hollow (in the background's colour with an edge in `color`) for
/// a figure from fewer than ten completers.
pub(crate) fn hollow_or_filled<DB: DrawingBackend, CT: CoordTranslate>(
    chart: &mut ChartContext<'_, DB, CT>,
    at: CT::From,
    marker: Marker,
    r: i32,
    color: RGBColor,
    hollow: bool,
    p: &Paint,
) -> ChartResult<DB>
where
    CT::From: Clone + 'static,
{
    let fill = if hollow { p.theme.background.filled() } else { color.filled() };
    chart.draw_series(std::iter::once(EmptyElement::at(at.clone()) + marker_glyph(marker, (0, 0), r, fill)))?;
    if hollow {
        chart.draw_series(std::iter::once(EmptyElement::at(at) + marker_glyph(marker, (0, 0), r, stroke(color, 1.5, p.scale))))?;
    }
    Ok(())
}

