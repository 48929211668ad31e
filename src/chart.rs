//! Charts, drawn with plotters on any `DrawingBackend`: a `<canvas>` in the browser
//! (plotters-canvas), SVG natively for tests and the no-JS fallback.
//!
//! Every size is multiplied by `scale` (the device pixel ratio in the browser), so the same
//! layout is crisp at any resolution.

use crate::outcome::{GoalComparison, Series, Share};
use crate::text::{format_percent, texts, Lang};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub type ChartResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Colours chosen for at least 4.5:1 against white, so lines and their labels stay legible.
pub const KOMMUNE_COLOR: RGBColor = RGBColor(0x1d, 0x4f, 0x91);
pub const LAND_COLOR: RGBColor = RGBColor(0xa3, 0x3b, 0x12);
pub const GOAL_COLOR: RGBColor = RGBColor(0x4a, 0x4a, 0x4a);
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
    let mut chart = ChartBuilder::on(&plot_area)
        .margin_left((8.0 * s) as u32)
        .margin_right((12.0 * s) as u32)
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
        .x_label_formatter(&|x| if cohorts.contains(&(*x as u16)) { x.to_string() } else { String::new() })
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
        [(first - 1, goal), (last + 1, goal)],
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

    // Hele landet: dashed, square markers.
    let land_style = LAND_COLOR.stroke_width((2.0 * s) as u32);
    for run in published_runs(&view.cohorts, &view.land) {
        chart.draw_series(DashedLineSeries::new(run.clone(), (8.0 * s) as i32, (4.0 * s) as i32, land_style))?;
        let r = (4.5 * s) as i32;
        chart.draw_series(run.iter().map(|&p| {
            EmptyElement::at(p) + Rectangle::new([(-r, -r), (r, r)], LAND_COLOR.filled())
        }))?;
    }
    // The kommune: solid, round markers.
    let kommune_style = KOMMUNE_COLOR.stroke_width((3.0 * s) as u32);
    for run in published_runs(&view.cohorts, &view.kommune) {
        chart.draw_series(LineSeries::new(run.clone(), kommune_style))?;
        chart.draw_series(run.iter().map(|&p| Circle::new(p, (5.0 * s) as i32, KOMMUNE_COLOR.filled())))?;
    }

    // Direct labels at each series' last published point, pushed apart when they would overlap.
    let mut labels = Vec::new();
    for (series, color) in [(&view.kommune, KOMMUNE_COLOR), (&view.land, LAND_COLOR)] {
        if let Some((c, p)) = view.cohorts.iter().zip(&series.points).rev().find_map(|(c, s)| Some((*c, s.percent()?))) {
            let name = if series.code == "0" { t.land.to_string() } else { series.name.clone() };
            let at = (c as i32, p as f64);
            labels.push((name, color, at, chart.backend_coord(&at).1));
        }
    }
    let min_gap = (16.0 * s) as i32;
    if let [a, b] = labels.as_mut_slice() {
        let gap = (a.3 - b.3).abs();
        if gap < min_gap {
            let push = (min_gap - gap + 1) / 2;
            let (upper, lower) = if a.3 <= b.3 { (a, b) } else { (b, a) };
            upper.3 -= push;
            lower.3 += push;
        }
    }
    for (name, color, at, y) in labels {
        let dy = y - chart.backend_coord(&at).1;
        chart.draw_series(std::iter::once(
            EmptyElement::at(at)
                + Text::new(name, ((12.0 * s) as i32, dy), font(13.0, s, color).pos(Pos::new(HPos::Left, VPos::Center))),
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
            Share::Suppressed { .. } => t.suppressed_short,
            Share::NoCompleters => "0",
            _ => t.no_data,
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
