//! The drawing of each view.

use super::*;
use crate::outcome::views::{CountryView, Estimate, FollowUpView, GenderView, SimilarView, StatusView, UncertaintyView};
use crate::outcome::GoalComparison;
use crate::text::{former_label, fylke_label, legend_texts, who_label};

fn kommune_style(th: &Theme) -> LineStyle {
    LineStyle { color: th.kommune, width: 3.0, dash: None, marker: Marker::Circle }
}
fn land_style(th: &Theme) -> LineStyle {
    LineStyle { color: th.land, width: 2.0, dash: Some((8.0, 4.0)), marker: Marker::Square }
}

/// Goal and comparison: former kommuner (thin), fylke, country, and the kommune on top.
pub(super) fn goal_spec<'a>(v: &'a GoalComparison, title: String, p: &Paint) -> LineChart<'a> {
    let th = p.theme;
    let mut lines = Vec::new();
    for (i, f) in v.formers.iter().enumerate() {
        let color = th.formers[i % th.formers.len()];
        let style = LineStyle { color, width: 1.5, dash: None, marker: Marker::Diamond };
        lines.push(Line { label: former_label(&f.former, p.lang), points: &f.series.points, style, hollow: vec![] });
    }
    if let Some(f) = &v.fylke {
        let style = LineStyle { color: th.fylke, width: 2.0, dash: Some((3.0, 3.0)), marker: Marker::Triangle };
        lines.push(Line { label: fylke_label(f, p.lang), points: &f.series.points, style, hollow: vec![] });
    }
    let hollow = v.land_sources.iter().map(Option::is_some).collect();
    lines.push(Line { label: texts(p.lang).land.to_string(), points: &v.land.points, style: land_style(th), hollow });
    lines.push(Line { label: v.kommune.name.clone(), points: &v.kommune.points, style: kommune_style(th), hollow: vec![] });
    LineChart {
        title,
        xs: v.cohorts.iter().map(|&c| c as i32).collect(),
        x_desc: texts(p.lang).axis_cohort,
        lines,
        goal: Some(v.goal),
    }
}

/// One cohort followed 1–5 years after finishing: kommune against land.
pub(super) fn follow_up_spec<'a>(v: &'a FollowUpView, title: String, p: &Paint) -> LineChart<'a> {
    let th = p.theme;
    LineChart {
        title,
        xs: v.years_after.iter().map(|&y| y as i32).collect(),
        x_desc: texts(p.lang).axis_years_after,
        lines: vec![
            Line { label: texts(p.lang).land.to_string(), points: &v.land, style: land_style(th), hollow: vec![] },
            Line { label: v.name.clone(), points: &v.kommune, style: kommune_style(th), hollow: vec![] },
        ],
        goal: None,
    }
}

/// What leads a legend's word: a square in the style (bars), or a line's marker in its colour.
#[derive(Clone, Copy)]
pub(super) enum Swatch {
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
pub(super) fn legend<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, items: &[(String, Swatch)], p: &Paint) -> Result<DrawingArea<DB, Shift>, DrawingAreaErrorKind<DB::ErrorType>> {
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

/// A chart of horizontal rows `0..rows` (the first row at the top) over `0..x_max`, with room on
/// the left for the widest of `labels` (13 px text), up to half the width.
fn rows_chart<'a, 'l, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    rows: usize,
    labels: impl IntoIterator<Item = &'l str>,
    x_max: f64,
    p: &Paint,
) -> Result<ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>, DrawingAreaErrorKind<DB::ErrorType>> {
    let s = p.scale;
    let widest = labels.into_iter().map(label_width).fold(0.0, f64::max);
    ChartBuilder::on(area)
        .margin_left(px(8.0, s) as u32)
        .margin_right(px(24.0, s) as u32)
        .margin_top(px(6.0, s) as u32)
        .x_label_area_size(px(40.0, s) as u32)
        .y_label_area_size(((widest + 16.0) * s).min(area.dim_in_pixel().0 as f64 * 0.5) as u32)
        .build_cartesian_2d(0f64..x_max, 0f64..rows as f64)
}

/// The status split: one stacked horizontal bar per region.
pub(super) fn status<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, v: &StatusView, title: &str, p: &Paint) -> ChartResult<DB> {
    let (s, th) = (p.scale, p.theme);
    let area = frame(root, title, p)?;
    let names = legend_texts(p.lang);
    let items: Vec<(String, Swatch)> = names.iter().zip(th.status).map(|(n, c)| (n.to_string(), Swatch::Square(c.filled()))).collect();
    let plot = legend(&area, &items, p)?;
    let n = v.bars.len();
    let labels: Vec<String> = v.bars.iter().map(|b| who_label(&b.who, p.lang)).collect();
    let mut chart = rows_chart(&plot, n, labels.iter().map(String::as_str), 100.0, p)?;
    themed(chart.configure_mesh().disable_y_mesh(), p)
        .x_labels(6)
        .x_label_formatter(&|x| format_percent(*x as u16, p.lang))
        .y_labels(0)
        .x_desc(texts(p.lang).axis_share_of_finished)
        .draw()?;
    for (i, (bar, label)) in v.bars.iter().zip(&labels).enumerate() {
        // The first bar at the top.
        let y0 = (n - 1 - i) as f64 + 0.2;
        let y1 = y0 + 0.6;
        let mid = (y0 + y1) / 2.0;
        chart.draw_series(std::iter::once(
            EmptyElement::at((0.0, mid))
                + Text::new(label.clone(), (px(-8.0, s), 0), font(13.0, s, th.text).pos(Pos::new(HPos::Right, VPos::Center))),
        ))?;
        let parts: Option<Vec<u16>> = bar.percents.iter().copied().collect();
        let Some(parts) = parts else {
            // Why there is no bar, in words; in the table's short word where those do not fit.
            let room = root.dim_in_pixel().0 as i32 - chart.backend_coord(&(1.0, mid)).0 - px(4.0, s);
            let long = format!("({})", crate::text::format_share(&bar.share, p.lang));
            let why = match record::text_size(&long, 12.0 * s).0 as i32 <= room {
                true => long,
                false => format!("({})", crate::text::share_cell(&bar.share, p.lang, &mut Vec::new())),
            };
            chart.draw_series(std::iter::once(
                EmptyElement::at((1.0, mid)) + Text::new(why, (0, 0), font(12.0, s, th.muted).pos(Pos::new(HPos::Left, VPos::Center))),
            ))?;
            continue;
        };
        let mut x = 0.0;
        for (k, &pct) in parts.iter().enumerate() {
            let x1 = (x + pct as f64).min(100.0);
            chart.draw_series(std::iter::once(Rectangle::new([(x, y0), (x1, y1)], th.status[k].filled())))?;
            // A thin gap between segments, so they are told apart without colour too.
            chart.draw_series(std::iter::once(Rectangle::new([(x, y0), (x1, y1)], stroke(th.background, 1.0, s))))?;
            if pct >= 8 {
                chart.draw_series(std::iter::once(
                    EmptyElement::at(((x + x1) / 2.0, mid))
                        + Text::new(format_percent(pct, p.lang), (0, 0), font(13.0, s, th.background).pos(Pos::new(HPos::Center, VPos::Center))),
                ))?;
            }
            x = x1;
        }
    }
    root.present()
}

/// Menn and kvinner side by side, per cohort: kommune filled, country outlined.
pub(super) fn gender<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, v: &GenderView, title: &str, p: &Paint) -> ChartResult<DB> {
    let (t, s, th) = (texts(p.lang), p.scale, p.theme);
    let area = frame(root, title, p)?;
    let groups: [(&[Share], RGBColor, bool, String); 4] = [
        (&v.kommune_menn, th.kommune, true, format!("{} {}", v.name, t.menn)),
        (&v.kommune_kvinner, th.kommune, false, format!("{} {}", v.name, t.kvinner)),
        (&v.land_menn, th.land, true, format!("{} {}", t.land, t.menn)),
        (&v.land_kvinner, th.land, false, format!("{} {}", t.land, t.kvinner)),
    ];
    let swatch = |color: RGBColor, filled: bool| if filled { color.filled() } else { stroke(color, 2.0, s) };
    let items: Vec<(String, Swatch)> = groups.iter().map(|(_, c, f, l)| (l.clone(), Swatch::Square(swatch(*c, *f)))).collect();
    let plot = legend(&area, &items, p)?;
    let first = *v.cohorts.first().unwrap_or(&0) as i32;
    let last = *v.cohorts.last().unwrap_or(&0) as i32;
    let cohorts: Vec<i32> = v.cohorts.iter().map(|&c| c as i32).collect();
    let mut chart = ChartBuilder::on(&plot)
        .margin_left(px(8.0, s) as u32)
        .margin_right(px(16.0, s) as u32)
        // Room above a bar at 100 % for its value.
        .margin_top(px(14.0, s) as u32)
        .x_label_area_size(px(44.0, s) as u32)
        .y_label_area_size(px(58.0, s) as u32)
        .build_cartesian_2d((first as f64 - 0.5)..(last as f64 + 0.5), 0f64..100f64)?;
    themed(chart.configure_mesh().disable_x_mesh(), p)
        .x_labels(cohorts.len() * 2 + 1)
        .x_label_formatter(&|x| {
            let r = x.round();
            if (x - r).abs() < 1e-6 && cohorts.contains(&(r as i32)) { format!("{r}") } else { String::new() }
        })
        .y_labels(6)
        .y_label_formatter(&|y| format_percent(*y as u16, p.lang))
        .x_desc(t.axis_cohort)
        .y_desc(t.axis_percent)
        .draw()?;
    let w = 0.18;
    for (ci, &c) in v.cohorts.iter().enumerate() {
        for (gi, (shares, color, filled, _)) in groups.iter().enumerate() {
            let x0 = c as f64 - 2.0 * w + gi as f64 * w + 0.01;
            let x1 = x0 + w - 0.02;
            let share = &shares[ci];
            let Some(v) = share.percent() else {
                chart.draw_series(std::iter::once(
                    EmptyElement::at(((x0 + x1) / 2.0, 0.0)) + Text::new("–", (0, px(-4.0, s)), font(13.0, s, th.muted).pos(Pos::new(HPos::Center, VPos::Bottom))),
                ))?;
                continue;
            };
            let fill = if *filled { color.filled() } else { th.background.filled() };
            chart.draw_series(std::iter::once(Rectangle::new([(x0, 0.0), (x1, v as f64)], fill)))?;
            chart.draw_series(std::iter::once(Rectangle::new([(x0, 0.0), (x1, v as f64)], stroke(*color, 2.0, s))))?;
            chart.draw_series(std::iter::once(
                EmptyElement::at(((x0 + x1) / 2.0, v as f64))
                    + Text::new(format!("{v}"), (0, px(-3.0, s)), font(11.0, s, *color).pos(Pos::new(HPos::Center, VPos::Bottom))),
            ))?;
        }
    }
    root.present()
}

fn interval_bar<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    x: f64,
    e: &Estimate,
    color: RGBColor,
    marker: Marker,
    p: &Paint,
) -> ChartResult<DB> {
    let s = p.scale;
    let line = stroke(color, 2.0, s);
    let cap = 0.08;
    chart.draw_series(std::iter::once(PathElement::new(vec![(x, e.low), (x, e.high)], line)))?;
    chart.draw_series(std::iter::once(PathElement::new(vec![(x - cap, e.low), (x + cap, e.low)], line)))?;
    chart.draw_series(std::iter::once(PathElement::new(vec![(x - cap, e.high), (x + cap, e.high)], line)))?;
    chart.draw_series(std::iter::once(EmptyElement::at((x, e.percent)) + marker_glyph(marker, (0, 0), px(5.0, s), color.filled())))?;
    Ok(())
}

/// Each cohort's share with its 95 % interval, then the pooled figure and the country's.
pub(super) fn uncertainty<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, v: &UncertaintyView, title: &str, p: &Paint) -> ChartResult<DB> {
    let (t, s, th) = (texts(p.lang), p.scale, p.theme);
    let area = frame(root, title, p)?;
    // The goal's label above the plot, where no interval can run through it.
    let plot = legend(&area, &[(t.goal_label.to_string(), Swatch::Dash(th.goal))], p)?;
    let n = v.cohorts.len();
    // x: the cohorts at 0..n, then a gap, the pooled figure and the country's.
    let labels: Vec<String> = v.cohorts.iter().map(|c| c.to_string()).chain([t.pooled.to_string(), t.land.to_string()]).collect();
    let xs: Vec<f64> = (0..n).map(|i| i as f64).chain([n as f64 + 0.5, n as f64 + 1.5]).collect();
    let mut chart = ChartBuilder::on(&plot)
        .margin_left(px(8.0, s) as u32)
        .margin_right(px(16.0, s) as u32)
        .margin_top(px(6.0, s) as u32)
        .x_label_area_size(px(44.0, s) as u32)
        .y_label_area_size(px(58.0, s) as u32)
        .build_cartesian_2d(-0.6f64..(n as f64 + 2.1), 0f64..100f64)?;
    themed(chart.configure_mesh().disable_x_mesh(), p)
        .x_labels(0)
        .y_labels(6)
        .y_label_formatter(&|y| format_percent(*y as u16, p.lang))
        .x_desc(t.axis_uncertainty)
        .y_desc(t.axis_percent)
        .draw()?;
    for (x, label) in xs.iter().zip(&labels) {
        chart.draw_series(std::iter::once(
            EmptyElement::at((*x, 0.0)) + Text::new(label.clone(), (0, px(8.0, s)), font(13.0, s, th.text).pos(Pos::new(HPos::Center, VPos::Top))),
        ))?;
    }
    let goal = GOAL as f64;
    chart.draw_series(DashedLineSeries::new([(-0.6, goal), (n as f64 + 2.1, goal)], px(6.0, s), px(4.0, s), stroke(th.goal, 1.5, s)))?;
    for (i, (e, share)) in v.estimates.iter().zip(&v.shares).enumerate() {
        match e {
            Some(e) => interval_bar(&mut chart, i as f64, e, th.kommune, Marker::Circle, p)?,
            None => {
                let why = match share {
                    Share::NoCompleters => t.cell_no_completers,
                    Share::Divided | Share::NoData => "–",
                    _ => t.suppressed_short,
                };
                chart.draw_series(std::iter::once(
                    EmptyElement::at((i as f64, 0.0))
                        + Text::new(format!("({why})"), (0, px(-8.0, s)), font(12.0, s, th.muted).pos(Pos::new(HPos::Center, VPos::Bottom))),
                ))?;
            }
        }
    }
    if let Some(pooled) = &v.pooled {
        interval_bar(&mut chart, n as f64 + 0.5, &pooled.estimate, th.kommune, Marker::Diamond, p)?;
    }
    if let Some(land) = &v.land {
        interval_bar(&mut chart, n as f64 + 1.5, &land.estimate, th.land, Marker::Square, p)?;
    }
    root.present()
}

const GOAL: u16 = crate::outcome::GOAL_PERCENT;

/// The chosen kommune and its five peers by size: pooled share with interval, one row each.
pub(super) fn similar<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, v: &SimilarView, title: &str, p: &Paint) -> ChartResult<DB> {
    let (t, s, th) = (texts(p.lang), p.scale, p.theme);
    let plot = frame(root, title, p)?;
    let mut rows: Vec<(String, Option<&Estimate>, bool)> = vec![(v.name.clone(), v.own.as_ref().map(|o| &o.estimate), true)];
    rows.extend(v.peers.iter().map(|peer| (peer.name.clone(), Some(&peer.pooled.estimate), false)));
    let n = rows.len();
    let labels: Vec<String> = rows
        .iter()
        .map(|(name, e, _)| match e {
            Some(e) => format!("{name} ({})", crate::text::format_int(e.finished, p.lang)),
            None => name.clone(),
        })
        .collect();
    let mut chart = rows_chart(&plot, n, labels.iter().map(String::as_str), 100.0, p)?;
    // The axis's description under the plot where it fits there; else under the whole drawing,
    // smaller if it must be (a phone).
    let under_plot = record::text_size(t.axis_pooled, 13.0 * s).0 as f64 <= chart.plotting_area().dim_in_pixel().0 as f64;
    let percent = |x: &f64| format_percent(*x as u16, p.lang);
    let mut mesh = chart.configure_mesh();
    themed(mesh.disable_y_mesh(), p).x_labels(6).x_label_formatter(&percent).y_labels(0);
    if under_plot {
        mesh.x_desc(t.axis_pooled);
    }
    mesh.draw()?;
    if !under_plot {
        let (w, h) = plot.dim_in_pixel();
        let size = size_to_fit(t.axis_pooled, 13.0, s, w as f64 - 16.0 * s);
        plot.draw(&Text::new(t.axis_pooled, (w as i32 / 2, h as i32 - px(2.0, s)), font(size, s, th.text).pos(Pos::new(HPos::Center, VPos::Bottom))))?;
    }
    let goal = v.goal as f64;
    chart.draw_series(DashedLineSeries::new([(goal, 0.0), (goal, n as f64)], px(6.0, s), px(4.0, s), stroke(th.goal, 1.5, s)))?;
    // Its label right of the line, or left of it where it would run off the drawing.
    let right_room = root.dim_in_pixel().0 as i32 - chart.backend_coord(&(goal, n as f64)).0 - px(8.0, s);
    let (dx, h_pos) = match record::text_size(t.goal_label, 12.0 * s).0 as i32 <= right_room {
        true => (px(4.0, s), HPos::Left),
        false => (px(-4.0, s), HPos::Right),
    };
    chart.draw_series(std::iter::once(
        EmptyElement::at((goal, n as f64)) + Text::new(t.goal_label.to_string(), (dx, px(2.0, s)), font(12.0, s, th.goal).pos(Pos::new(h_pos, VPos::Top))),
    ))?;
    for (i, ((_, e, own), label)) in rows.iter().zip(labels).enumerate() {
        let y = (n - 1 - i) as f64 + 0.5;
        let color = if *own { th.kommune } else { th.text };
        chart.draw_series(std::iter::once(
            EmptyElement::at((0.0, y)) + Text::new(label, (px(-8.0, s), 0), font(13.0, s, color).pos(Pos::new(HPos::Right, VPos::Center))),
        ))?;
        let Some(e) = e else {
            chart.draw_series(std::iter::once(
                EmptyElement::at((1.0, y)) + Text::new(format!("({})", t.no_pooled), (0, 0), font(12.0, s, th.muted).pos(Pos::new(HPos::Left, VPos::Center))),
            ))?;
            continue;
        };
        let line = stroke(color, 2.0, s);
        let cap = 0.15;
        chart.draw_series(std::iter::once(PathElement::new(vec![(e.low, y), (e.high, y)], line)))?;
        chart.draw_series(std::iter::once(PathElement::new(vec![(e.low, y - cap), (e.low, y + cap)], line)))?;
        chart.draw_series(std::iter::once(PathElement::new(vec![(e.high, y - cap), (e.high, y + cap)], line)))?;
        let marker = if *own { Marker::Circle } else { Marker::Diamond };
        chart.draw_series(std::iter::once(EmptyElement::at((e.percent, y)) + marker_glyph(marker, (0, 0), px(5.0, s), color.filled())))?;
    }
    root.present()
}

/// The country picture: how many kommuner had none, fewer than ten, or ten or more completers.
pub(super) fn country<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, v: &CountryView, title: &str, p: &Paint) -> ChartResult<DB> {
    let (t, s, th) = (texts(p.lang), p.scale, p.theme);
    let plot = frame(root, title, p)?;
    let rows = [(t.country_none, v.none), (t.country_fewer, v.fewer_than_ten), (t.country_ten, v.ten_or_more)];
    let max = rows.iter().map(|r| r.1).max().unwrap_or(1).max(1) as f64 * 1.15;
    let mut chart = rows_chart(&plot, rows.len(), rows.iter().map(|r| r.0), max, p)?;
    themed(chart.configure_mesh().disable_y_mesh(), p)
        .x_labels(6)
        .x_label_formatter(&|x| format!("{}", x.round() as i64))
        .y_labels(0)
        .x_desc(t.axis_kommuner)
        .draw()?;
    for (i, (label, count)) in rows.iter().enumerate() {
        let y0 = (2 - i) as f64 + 0.2;
        let y1 = y0 + 0.6;
        let mid = (y0 + y1) / 2.0;
        chart.draw_series(std::iter::once(
            EmptyElement::at((0.0, mid)) + Text::new(label.to_string(), (px(-8.0, s), 0), font(13.0, s, th.text).pos(Pos::new(HPos::Right, VPos::Center))),
        ))?;
        chart.draw_series(std::iter::once(Rectangle::new([(0.0, y0), (*count as f64, y1)], th.kommune.filled())))?;
        chart.draw_series(std::iter::once(
            EmptyElement::at((*count as f64, mid))
                + Text::new(crate::text::format_int(*count, p.lang), (px(6.0, s), 0), font(13.0, s, th.text).pos(Pos::new(HPos::Left, VPos::Center))),
        ))?;
    }
    root.present()
}
