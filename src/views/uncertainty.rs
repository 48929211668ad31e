//! Uncertainty: each cohort's share with its 95 % Wilson interval, the place's pooled figure and
//! the country's.

use crate::gather::Gather;
use super::{Figures, Words};
use crate::chart::*;
use crate::data::{Dataset, Gender};
use crate::outcome::stats::*;
use crate::outcome::*;
use crate::place::Place;
use crate::text::*;
use serde::Serialize;

/// The uncertainty view: each cohort's share with its interval where counts are published, and
/// the pooled figure.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UncertaintyView {
    pub name: String,
    pub cohorts: Vec<u16>,
    pub shares: Vec<Share>,
    pub estimates: Vec<Option<Estimate>>,
    pub pooled: Option<Pooled>,
    /// Where today's kommune has no figure because its former kommuner's counts cannot be summed:
    /// each former kommune's own pooled figure.
    pub formers: Vec<FormerPooled>,
    pub land: Option<Pooled>,
}

pub fn uncertainty_view(ds: &Dataset, place: &Place) -> Option<UncertaintyView> {
    let s = subjects(ds, place);
    let cohorts = cohorts(ds, 1);
    let land = Subject::Region(s.land);
    Some(UncertaintyView {
        name: s.name.clone(),
        shares: s.kommune.shares(&cohorts, 1, Gender::Alle),
        estimates: cohorts.iter().map(|&c| counts_of(&s.kommune, c).and_then(|(x, n)| Estimate::new(x, n))).gather(),
        pooled: pooled(&s.kommune, &cohorts),
        formers: formers_pooled(&s, &cohorts),
        land: pooled(&land, &cohorts),
        cohorts,
    })
}

impl Figures for UncertaintyView {
    const KEY: &'static str = "uncertainty";

    fn open(ds: &Dataset, place: &Place, _cohort: Option<u16>) -> Option<Self> {
        uncertainty_view(ds, place)
    }

    fn name(t: &Texts) -> &'static str {
        t.view_uncertainty
    }

    fn title(&self, lang: Lang) -> String {
        fill(texts(lang).title_uncertainty, &[("name", &self.name)])
    }

    fn words(&self, lang: Lang) -> Words {
        uncertainty_text(self, lang)
    }

    fn draw(&self, root: &Area, title: &str, p: &Paint) -> DrawResult {
        uncertainty(root, self, title, p)
    }
}

fn uncertainty_text(v: &UncertaintyView, lang: Lang) -> Words {
    let t = texts(lang);
    let mut summary = match &v.pooled {
        Some(p) => fill(
            t.summary_pooled,
            &[
                ("cohorts", &cohort_list(&p.cohorts)),
                ("p", &format_decimal(p.estimate.percent, lang)),
                ("x", &format_int(p.estimate.count, lang)),
                ("n", &format_int(p.estimate.finished, lang)),
                ("name", &v.name),
                ("lo", &format_decimal(p.estimate.low, lang)),
                ("hi", &format_decimal(p.estimate.high, lang)),
            ],
        ),
        // No year with published counts: why, from the newest cohort.
        None => match v.shares.last() {
            Some(share) if share.percent().is_none() => say::cannot_show(&v.name, share, lang),
            _ => say::sentence(&fill(t.summary_none, &[("name", &v.name), ("reason", t.no_pooled)])),
        },
    };
    if let Some(formers) = say::formers_pooled(&v.formers, lang) {
        summary.push(' ');
        summary.push_str(&formers);
    }
    if let Some(land) = &v.land {
        summary.push(' ');
        summary.push_str(&fill(t.summary_compare, &[("who", t.land), ("p", &format_decimal(land.estimate.percent, lang))]));
    }
    let mut used = Vec::new();
    let mut rows: Vec<Vec<String>> = v
        .cohorts
        .iter()
        .zip(v.estimates.iter().zip(&v.shares))
        .map(|(c, (e, share))| match e {
            Some(e) => estimate_row(c.to_string(), e, lang),
            None => {
                let cell = share_cell(share, lang, &mut used);
                vec![c.to_string(), cell.clone(), cell.clone(), cell.clone(), cell.clone(), cell]
            }
        })
        .gather();
    if let Some(p) = &v.pooled {
        rows.push(estimate_row(format!("{} {}", t.pooled, cohort_list(&p.cohorts)), &p.estimate, lang));
    }
    for f in &v.formers {
        let label = former_label(&f.former, lang);
        match &f.pooled {
            Some(p) => rows.push(estimate_row(format!("{label} {}", cohort_list(&p.cohorts)), &p.estimate, lang)),
            None => rows.push(std::iter::once(label).chain(std::iter::repeat_n("–".to_string(), 5)).gather()),
        }
    }
    if let Some(p) = &v.land {
        rows.push(estimate_row(format!("{} {}", t.land, cohort_list(&p.cohorts)), &p.estimate, lang));
    }
    let headers = [t.col_cohort, t.col_in_work, t.col_finished, t.col_percent, t.col_low, t.col_high].map(String::from).to_vec();
    // "Samlet: … for {cohorts}" only where something was pooled.
    let note = fill(t.note_uncertainty, &[("cohorts", &v.pooled.as_ref().map_or_else(String::new, |p| cohort_list(&p.cohorts)))]);
    let notes = match &v.pooled {
        Some(_) => vec![note],
        None => vec![note.split_once(". ").map_or(note.clone(), |(first, _)| format!("{first}."))],
    };
    let table = Table { caption: v.title(lang), headers, rows, footnotes: footnotes(&used, lang) };
    Words { summary, notes, table }
}

fn estimate_row(label: String, e: &Estimate, lang: Lang) -> Vec<String> {
    vec![
        label,
        format_int(e.count, lang),
        format_int(e.finished, lang),
        format_decimal(e.percent, lang),
        format_decimal(e.low, lang),
        format_decimal(e.high, lang),
    ]
}


/// Each cohort's share with its 95 % interval, then the pooled figure and the country's.
fn uncertainty<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, v: &UncertaintyView, title: &str, p: &Paint) -> ChartResult<DB> {
    let (t, s, th) = (texts(p.lang), p.scale, p.theme);
    let area = frame(root, title, p)?;
    let small = v.estimates.iter().flatten().any(|e| e.finished < say::SMALL);
    let area = if small { small_note(&area, p)? } else { area };
    // The goal's label above the plot, where no interval can run through it; the former
    // kommuner's names where their own figures stand in the pooled column.
    let mut items = vec![(t.goal_label.to_string(), Swatch::Dash(th.goal))];
    for (k, f) in v.formers.iter().enumerate() {
        let label = former_label(&f.former, p.lang);
        let label = match f.pooled {
            Some(_) => label,
            None => format!("{label}: {}", t.suppressed_short),
        };
        items.push((label, Swatch::Marker(Marker::Diamond, th.formers[k % th.formers.len()])));
    }
    let plot = legend(&area, &items, p)?;
    let n = v.cohorts.len();
    // x: the cohorts at 0..n, then a gap, the pooled figure and the country's, a column each as
    // wide as the longest word of their labels needs (with fifteen cohorts on a phone, wider than
    // a cohort's), from the plot's width less its margins and axis.
    let longest = [t.pooled, t.land].iter().flat_map(|l| l.split(' ')).map(label_width).fold(0.0, f64::max);
    let unit_guess = (plot.dim_in_pixel().0 as f64 - 82.0 * s) / (n as f64 + 2.7);
    let gap = ((longest + 8.0) * s / unit_guess).max(1.0);
    let (pooled_x, land_x) = (n as f64 - 0.5 + gap, n as f64 - 0.5 + 2.0 * gap);
    let end = land_x + 0.6 * gap;
    let labels: Vec<String> = v.cohorts.iter().map(|c| c.to_string()).chain([t.pooled.to_string(), t.land.to_string()]).gather();
    let xs: Vec<f64> = (0..n).map(|i| i as f64).chain([pooled_x, land_x]).gather();
    let mut chart = ChartBuilder::on(&plot)
        .margin_left(px(8.0, s) as u32)
        .margin_right(px(16.0, s) as u32)
        .margin_top(px(6.0, s) as u32)
        .x_label_area_size(px(44.0, s) as u32)
        .y_label_area_size(px(58.0, s) as u32)
        .build_cartesian_2d(Linear::from(-0.6f64..end), Linear::from(0f64..100f64))?;
    themed(chart.configure_mesh().disable_x_mesh(), p)
        .x_labels(0)
        .y_labels(6)
        .y_label_formatter(&|y| format_percent(*y as u16, p.lang))
        .x_desc(t.axis_uncertainty)
        .y_desc(t.axis_percent)
        .draw()?;
    // Each column's label within its column's width ("Hele landet" on two lines on a phone).
    let unit = chart.backend_coord(&(1.0, 0.0)).0 - chart.backend_coord(&(0.0, 0.0)).0;
    let line_h = px(13.0 * 1.1, s);
    // Every cohort's year where there is room, else every other or third, the newest always.
    let year = label_width("2024") * s + 6.0 * s;
    let every = (1..=n.max(1)).find(|k| *k as f64 * unit as f64 >= year).unwrap_or(n.max(1));
    for (i, (x, label)) in xs.iter().zip(&labels).enumerate() {
        if i < n && !(n - 1 - i).is_multiple_of(every) {
            continue;
        }
        for (k, line) in wrap(label, 13.0 * s, unit - px(6.0, s)).into_iter().enumerate() {
            chart.draw_series(std::iter::once(
                EmptyElement::at((*x, 0.0)) + Text::new(line, (0, px(8.0, s) + k as i32 * line_h), font(13.0, s, th.text).pos(Pos::new(HPos::Center, VPos::Top))),
            ))?;
        }
    }
    let goal = GOAL_PERCENT as f64;
    chart.draw_series(DashedLineSeries::new([(-0.6, goal), (end, goal)], px(6.0, s), px(4.0, s), stroke(th.goal, 1.5, s)))?;
    // Why a cohort has no interval, at the foot of its column: neighbouring cohorts of one
    // reason share one label, on as many lines as their width needs, and a label that would run
    // into the one beside it stands higher.
    let mut gaps: Vec<(usize, usize, &str)> = Vec::new();
    for (i, (e, share)) in v.estimates.iter().zip(&v.shares).enumerate() {
        match e {
            Some(e) => {
                interval_bar(&mut chart, i as f64, e, th.kommune, Marker::Circle, e.finished < say::SMALL, p)?;
                record::hit(chart.backend_coord(&(i as f64, e.percent)), 0, say::tip_estimate(&v.name, &say::finished_in(v.cohorts[i] as i32, p.lang), e, t.source_table, p.lang));
            }
            None => {
                let why = match share {
                    Share::NoCompleters => t.cell_no_completers,
                    Share::Incomplete { .. } => t.cell_incomplete,
                    Share::Divided | Share::NoData => "–",
                    Share::NotYet => t.not_yet_short,
                    Share::NotApplicable => t.not_applicable_short,
                    _ => t.suppressed_short,
                };
                match gaps.last_mut() {
                    Some((_, to, w)) if *w == why && *to + 1 == i => *to = i,
                    _ => gaps.push((i, i, why)),
                }
            }
        }
    }
    let mut taken: Vec<TextBox> = Vec::new();
    let (size, line_h) = (12.0 * s, px(12.0 * 1.1, s));
    for (from, to, why) in gaps {
        let (mid, axis) = chart.backend_coord(&((from + to) as f64 / 2.0, 0.0));
        let lines = wrap(&format!("({why})"), size, unit * (to - from + 1) as i32 - px(6.0, s));
        let w = lines.iter().map(|l| record::text_size(l, size).0 as i32).max().unwrap_or(0);
        let h = (lines.len() as i32 - 1) * line_h + (size * 0.8).round() as i32;
        let candidates = (0..4).map(|up| {
            let bottom = axis - px(8.0, s) - up * line_h;
            (bottom, TextBox { left: mid - w / 2, right: mid + w / 2, top: bottom - h, bottom })
        });
        let Some(bottom) = first_free(&mut taken, candidates) else { continue };
        let n_lines = lines.len() as i32;
        for (k, line) in lines.into_iter().enumerate() {
            let dy = bottom - axis - (n_lines - 1 - k as i32) * line_h;
            chart.draw_series(std::iter::once(
                EmptyElement::at(((from + to) as f64 / 2.0, 0.0)) + Text::new(line, (0, dy), font(12.0, s, th.muted).pos(Pos::new(HPos::Center, VPos::Bottom))),
            ))?;
        }
    }
    // Explorable after the cohorts, in the order drawn: pooled, former kommuner, the country.
    let pooled_when = |cohorts: &[u16]| say::pooled_over(cohorts, p.lang);
    if let Some(pooled) = &v.pooled {
        interval_bar(&mut chart, pooled_x, &pooled.estimate, th.kommune, Marker::Diamond, pooled.estimate.finished < say::SMALL, p)?;
        let at = chart.backend_coord(&(pooled_x, pooled.estimate.percent));
        record::hit(at, 0, say::tip_estimate(&v.name, &pooled_when(&pooled.cohorts), &pooled.estimate, t.source_table, p.lang));
    }
    // The former kommuner's own, side by side in the pooled column, in their legend's colours.
    let m = v.formers.len() as f64;
    for (k, f) in v.formers.iter().enumerate() {
        let Some(pooled) = &f.pooled else { continue };
        let x = pooled_x + (k as f64 - (m - 1.0) / 2.0) * 0.3 * gap;
        interval_bar(&mut chart, x, &pooled.estimate, th.formers[k % th.formers.len()], Marker::Diamond, pooled.estimate.finished < say::SMALL, p)?;
        let at = chart.backend_coord(&(x, pooled.estimate.percent));
        record::hit(at, 0, say::tip_estimate(&former_label(&f.former, p.lang), &pooled_when(&pooled.cohorts), &pooled.estimate, t.source_table, p.lang));
    }
    if let Some(land) = &v.land {
        interval_bar(&mut chart, land_x, &land.estimate, th.land, Marker::Square, false, p)?;
        let at = chart.backend_coord(&(land_x, land.estimate.percent));
        record::hit(at, 0, say::tip_estimate(t.land, &pooled_when(&land.cohorts), &land.estimate, t.source_table, p.lang));
    }
    root.present()
}

