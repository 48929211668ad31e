//! Charts, drawn with plotters on any `DrawingBackend`: a `<canvas>` in the browser
//! (plotters-canvas), SVG natively for tests and the no-JS fallback.
//!
//! Every size is multiplied by `scale` (the device pixel ratio in the browser), so the same
//! layout is crisp at any resolution.

use crate::outcome::{GoalComparison, Series, Share};
use crate::text::{former_label, format_percent, fylke_label, texts, Lang};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub type ChartResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Colours chosen for at least 4.5:1 against white, so lines and their labels stay legible.
pub const KOMMUNE_COLOR: RGBColor = RGBColor(0x1d, 0x4f, 0x91);
pub const LAND_COLOR: RGBColor = RGBColor(0xa3, 0x3b, 0x12);
pub const GOAL_COLOR: RGBColor = RGBColor(0x4a, 0x4a, 0x4a);
pub const FYLKE_COLOR: RGBColor = RGBColor(0x2e, 0x6b, 0x30);
/// Former kommuner, shown beside today's where it has no figure of its own.
pub const FORMER_COLORS: [RGBColor; 4] =
    [RGBColor(0x6a, 0x3d, 0x9a), RGBColor(0x00, 0x69, 0x5c), RGBColor(0x7a, 0x52, 0x00), RGBColor(0x5c, 0x5c, 0x5c)];
pub const TEXT_COLOR: RGBColor = RGBColor(0x1a, 0x1a, 0x1a);
pub const MUTED_COLOR: RGBColor = RGBColor(0x59, 0x59, 0x59);
pub const FONT: &str = "sans-serif";

/// Default chart size in CSS pixels.
pub const WIDTH: u32 = 720;
pub const HEIGHT: u32 = 420;

fn font(size: f64, scale: f64, color: RGBColor) -> TextStyle<'static> {
    let mut style = TextStyle::from((FONT, size * scale).into_font());
    style.color = color.to_backend_color();
    style
}

#[derive(Clone, Copy)]
enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
}

/// How one series is told apart: by colour, and also by dashes and marker shape.
struct LineStyle {
    color: RGBColor,
    width: f64,
    dash: Option<(f64, f64)>,
    marker: Marker,
}

fn draw_line<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<plotters::coord::types::RangedCoordi32, plotters::coord::types::RangedCoordf64>>,
    cohorts: &[u16],
    series: &Series,
    style: &LineStyle,
    hollow: &[bool],
    s: f64,
) -> ChartResult<DB> {
    let stroke = style.color.stroke_width((style.width * s).max(1.0) as u32);
    let r = ((style.width + 2.5) * s) as i32;
    for run in published_runs(cohorts, series) {
        match style.dash {
            Some((dash, gap)) => {
                chart.draw_series(DashedLineSeries::new(run.clone(), (dash * s) as i32, (gap * s) as i32, stroke))?;
            }
            None => {
                chart.draw_series(LineSeries::new(run.clone(), stroke))?;
            }
        }
        for &p in &run {
            // A percent-only point (published outside the table) is drawn hollow.
            let is_hollow = cohorts.iter().position(|&c| c as i32 == p.0).is_some_and(|i| hollow.get(i) == Some(&true));
            let fill = if is_hollow { WHITE.filled() } else { style.color.filled() };
            let edge = style.color.stroke_width((1.5 * s).max(1.0) as u32);
            let glyph = marker_glyph(style.marker, (0, 0), r, fill);
            chart.draw_series(std::iter::once(EmptyElement::at(p) + glyph))?;
            if is_hollow {
                chart.draw_series(std::iter::once(EmptyElement::at(p) + marker_glyph(style.marker, (0, 0), r, edge)))?;
            }
        }
    }
    Ok(())
}

fn marker_glyph<DB: DrawingBackend>(marker: Marker, (x, y): (i32, i32), r: i32, style: ShapeStyle) -> DynElement<'static, DB, (i32, i32)> {
    match marker {
        Marker::Circle => Circle::new((x, y), r, style).into_dyn(),
        Marker::Square => Rectangle::new([(x - r, y - r), (x + r, y + r)], style).into_dyn(),
        Marker::Triangle => TriangleMarker::new((x, y), r + 1, style).into_dyn(),
        Marker::Diamond => {
            let pts = vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y), (x, y - r)];
            if style.filled { Polygon::new(pts, style).into_dyn() } else { PathElement::new(pts, style).into_dyn() }
        }
    }
}

/// Runs of consecutive published points, so a suppressed cohort is a gap, never a zero.
fn published_runs(cohorts: &[u16], series: &Series) -> Vec<Vec<(i32, f64)>> {
    let mut runs: Vec<Vec<(i32, f64)>> = vec![Vec::new()];
    for (c, s) in cohorts.iter().zip(&series.points) {
        match s.percent() {
            Some(p) => runs.last_mut().unwrap().push((*c as i32, p as f64)),
            None => runs.push(Vec::new()),
        }
    }
    runs.retain(|r| !r.is_empty());
    runs
}

/// The direct labels of the goal view's lines.
fn series_labels(view: &GoalComparison, lang: Lang) -> Vec<String> {
    let mut labels: Vec<String> = view.formers.iter().map(|f| former_label(&f.former, lang)).collect();
    labels.extend(view.fylke.iter().map(|f| fylke_label(f, lang)));
    labels.push(texts(lang).land.to_string());
    labels.push(view.kommune.name.clone());
    labels
}

/// The goal view: the kommune's share in work or education one year after, by cohort, beside
/// Hele landet and the national goal.
pub fn draw_goal<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &GoalComparison,
    lang: Lang,
    scale: f64,
) -> ChartResult<DB> {
    let t = texts(lang);
    let s = scale;
    root.fill(&WHITE)?;
    let title = format!("{}: {}", view.kommune.name, t.goal_title);
    let body = root.titled(&title, font(17.0, s, TEXT_COLOR))?;
    let footer_h = (24.0 * s) as u32;
    let (plot_area, footer) = body.split_vertically(body.dim_in_pixel().1.saturating_sub(footer_h));
    footer.draw(&Text::new(
        t.source.to_string(),
        ((10.0 * s) as i32, (6.0 * s) as i32),
        font(12.0, s, MUTED_COLOR),
    ))?;

    let first = *view.cohorts.first().unwrap_or(&2010) as i32;
    let last = *view.cohorts.last().unwrap_or(&2013) as i32;
    // Direct labels stand right of the last cohort: make room for the longest one.
    let longest = series_labels(view, lang).iter().map(|l| l.chars().count()).max().unwrap_or(0) as f64;
    let label_px = longest * 13.0 * 0.58 * s + 36.0 * s;
    let plot_w = plot_area.dim_in_pixel().0 as f64 - 66.0 * s;
    let step_px = plot_w / (last - first + 2) as f64;
    let right_margin = (label_px - step_px).max(12.0 * s).min(plot_w * 0.4) as u32;
    let mut chart = ChartBuilder::on(&plot_area)
        .margin_left((8.0 * s) as u32)
        .margin_right(right_margin)
        .margin_top((6.0 * s) as u32)
        .x_label_area_size((44.0 * s) as u32)
        .y_label_area_size((58.0 * s) as u32)
        .build_cartesian_2d(first - 1..last + 1, 0f64..100f64)?;

    let cohorts = view.cohorts.clone();
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(0xdd, 0xdd, 0xdd).stroke_width(s.max(1.0) as u32))
        .axis_style(MUTED_COLOR.stroke_width(s.max(1.0) as u32))
        .x_labels((last - first + 3) as usize)
        .x_label_formatter(&|x| {
            // Every year where there is room, every other year where there is not.
            let every = if step_px >= 40.0 * s { 1 } else { 2 };
            if cohorts.contains(&(*x as u16)) && (x - first) % every == 0 { x.to_string() } else { String::new() }
        })
        .y_labels(6)
        .y_label_formatter(&|y| format_percent(*y as u16, lang))
        .x_desc(t.axis_cohort)
        .y_desc(t.axis_percent)
        .label_style(font(13.0, s, TEXT_COLOR))
        .axis_desc_style(font(13.0, s, TEXT_COLOR))
        .draw()?;

    // The goal as a dashed line across the whole width, labelled directly.
    let goal = view.goal as f64;
    chart.draw_series(DashedLineSeries::new(
        // Up to the last cohort: right of it stand the lines' labels.
        [(first - 1, goal), (last, goal)],
        (6.0 * s) as i32,
        (4.0 * s) as i32,
        GOAL_COLOR.stroke_width((1.5 * s).max(1.0) as u32),
    ))?;
    chart.draw_series(std::iter::once(
        EmptyElement::at((first - 1, goal))
            + Text::new(
                t.goal_label.to_string(),
                ((6.0 * s) as i32, (-6.0 * s) as i32),
                font(12.0, s, GOAL_COLOR).pos(Pos::new(HPos::Left, VPos::Bottom)),
            ),
    ))?;

    // Lines, back to front: former kommuner (thin), the fylke, the country, the kommune on top.
    let mut lines: Vec<(String, &Series, LineStyle)> = Vec::new();
    for (i, f) in view.formers.iter().enumerate() {
        let color = FORMER_COLORS[i % FORMER_COLORS.len()];
        lines.push((former_label(&f.former, lang), &f.series, LineStyle { color, width: 1.5, dash: None, marker: Marker::Diamond }));
    }
    if let Some(f) = &view.fylke {
        lines.push((fylke_label(f, lang), &f.series, LineStyle { color: FYLKE_COLOR, width: 2.0, dash: Some((3.0, 3.0)), marker: Marker::Triangle }));
    }
    lines.push((t.land.to_string(), &view.land, LineStyle { color: LAND_COLOR, width: 2.0, dash: Some((8.0, 4.0)), marker: Marker::Square }));
    lines.push((view.kommune.name.clone(), &view.kommune, LineStyle { color: KOMMUNE_COLOR, width: 3.0, dash: None, marker: Marker::Circle }));
    let hollow: Vec<bool> = view.land_sources.iter().map(Option::is_some).collect();
    for (_, series, style) in &lines {
        let hollow: &[bool] = if std::ptr::eq(*series, &view.land) { &hollow } else { &[] };
        draw_line(&mut chart, &view.cohorts, series, style, hollow, s)?;
    }

    // Direct labels right of the last cohort, each at the height of its series' last published
    // point and led by the series' marker, spread so they never overlap.
    let mut labels = Vec::new();
    for (name, series, style) in &lines {
        if let Some(p) = series.points.iter().rev().find_map(|s| s.percent()) {
            let at = (last, p as f64);
            labels.push((name.clone(), style, at, chart.backend_coord(&at).1));
        }
    }
    labels.sort_by_key(|l| l.3);
    let min_gap = (16.0 * s) as i32;
    for i in 1..labels.len() {
        if labels[i].3 - labels[i - 1].3 < min_gap {
            labels[i].3 = labels[i - 1].3 + min_gap;
        }
    }
    for (name, style, at, y) in labels {
        let dy = y - chart.backend_coord(&at).1;
        let x = (16.0 * s) as i32;
        let r = (4.0 * s) as i32;
        let glyph = marker_glyph(style.marker, (x, dy), r, style.color.filled());
        chart.draw_series(std::iter::once(EmptyElement::at(at) + glyph))?;
        chart.draw_series(std::iter::once(
            EmptyElement::at(at)
                + Text::new(name, ((26.0 * s) as i32, dy), font(13.0, s, style.color).pos(Pos::new(HPos::Left, VPos::Center))),
        ))?;
    }
    // The kommune's value on each of its points: above, or below where the country runs higher.
    for ((c, share), land) in view.cohorts.iter().zip(&view.kommune.points).zip(&view.land.points) {
        let Some(p) = share.percent() else { continue };
        let below = land.percent().is_some_and(|l| l > p);
        let (dy, vpos) = if below { ((10.0 * s) as i32, VPos::Top) } else { ((-10.0 * s) as i32, VPos::Bottom) };
        chart.draw_series(std::iter::once(
            EmptyElement::at((*c as i32, p as f64))
                + Text::new(format_percent(p, lang), (0, dy), font(12.0, s, KOMMUNE_COLOR).pos(Pos::new(HPos::Center, vpos))),
        ))?;
    }
    // Gaps say why, at the foot of the plot.
    for (c, share) in view.cohorts.iter().zip(&view.kommune.points) {
        if share.percent().is_some() {
            continue;
        }
        let why = match share {
            Share::Suppressed { .. } | Share::Incomplete { .. } => t.suppressed_short,
            Share::NoCompleters => "0",
            // Said once, in the notes (divided), or plain from the table (no data).
            Share::Divided | Share::NoData | Share::Published { .. } => continue,
        };
        chart.draw_series(std::iter::once(
            EmptyElement::at((*c as i32, 0.0))
                + Text::new(
                    format!("({why})"),
                    (0, (-8.0 * s) as i32),
                    font(12.0, s, MUTED_COLOR).pos(Pos::new(HPos::Center, VPos::Bottom)),
                ),
        ))?;
    }
    root.present()
}

/// The goal view as an SVG document (natively: tests, downloads, the no-JS fallback).
#[cfg(not(target_arch = "wasm32"))]
pub fn goal_svg(view: &GoalComparison, lang: Lang, width: u32, height: u32) -> String {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        draw_goal(&root, view, lang, 1.0).expect("drawing to a string cannot fail");
    }
    out
}
