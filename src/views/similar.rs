//! Similar kommuner: the five with the nearest pooled number of completers, with their
//! intervals, beside the place's own.

use super::{Figures, Words};
use crate::chart::*;
use crate::data::Dataset;
use crate::outcome::stats::*;
use crate::outcome::*;
use crate::place::Place;
use crate::text::*;
use serde::Serialize;

/// The five kommuner with the nearest pooled number of completers, beside the chosen one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SimilarView {
    pub code: String,
    pub name: String,
    pub own: Option<Pooled>,
    pub peers: Vec<Peer>,
    pub goal: u16,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Peer {
    pub code: String,
    pub name: String,
    pub pooled: Pooled,
}

pub fn similar_view(ds: &Dataset, place: &Place) -> Option<SimilarView> {
    let code = place.code().to_string();
    let s = subjects(ds, place);
    let cohorts = cohorts(ds, 1);
    let own = pooled(&s.kommune, &cohorts);
    // Without completers of its own, a kommune has no size to compare by.
    if own.is_none() {
        return Some(SimilarView { code, name: s.name.clone(), own, peers: Vec::new(), goal: GOAL_PERCENT });
    }
    let mut peers: Vec<Peer> = ds
        .map
        .kommuner
        .iter()
        .filter(|k| k.code != code)
        .filter_map(|k| Some(Peer { code: k.code.clone(), name: k.name.clone(), pooled: pooled(&today_subject(ds, k), &cohorts)? }))
        .collect();
    let n0 = own.as_ref().map_or(0, |p| p.estimate.finished) as i64;
    crate::sort::sort_by(&mut peers, |a, b| {
        let far = |p: &Peer| (p.pooled.estimate.finished as i64 - n0).abs();
        (far(a), &a.code) < (far(b), &b.code)
    });
    peers.truncate(5);
    crate::sort::sort_by(&mut peers, |a, b| a.pooled.estimate.percent > b.pooled.estimate.percent);
    Some(SimilarView { code, name: s.name.clone(), own, peers, goal: GOAL_PERCENT })
}

impl Figures for SimilarView {
    const KEY: &'static str = "similar";

    fn open(ds: &Dataset, place: &Place, _cohort: Option<u16>) -> Option<Self> {
        similar_view(ds, place)
    }

    fn name(t: &Texts) -> &'static str {
        t.view_similar
    }

    fn title(&self, lang: Lang) -> String {
        fill(texts(lang).title_similar, &[("name", &self.name)])
    }

    fn words(&self, lang: Lang) -> Words {
        similar_text(self, lang)
    }

    fn draw(&self, root: &Area, title: &str, p: &Paint) -> DrawResult {
        similar(root, self, title, p)
    }
}

fn similar_text(v: &SimilarView, lang: Lang) -> Words {
    let t = texts(lang);
    let summary = match &v.own {
        Some(own) => {
            let list: Vec<String> =
                v.peers.iter().map(|p| format!("{} {}", p.name, pct_word(p.pooled.estimate.percent.round() as u16, lang))).collect();
            let mut s = fill(t.summary_similar, &[("name", &v.name), ("n", &format_int(own.estimate.finished, lang)), ("list", &list.join(", "))]);
            s.push(' ');
            s.push_str(&fill(t.summary_compare, &[("who", &v.name), ("p", &format_decimal(own.estimate.percent, lang))]));
            s
        }
        None => fill(t.summary_none, &[("name", &v.name), ("reason", t.no_pooled)]),
    };
    let mut rows = Vec::new();
    let own = v.own.as_ref().map(|o| (v.name.clone(), o));
    for (name, p) in own.into_iter().chain(v.peers.iter().map(|p| (p.name.clone(), &p.pooled))) {
        let e = &p.estimate;
        rows.push(vec![
            name,
            cohort_list(&p.cohorts),
            format_int(e.count, lang),
            format_int(e.finished, lang),
            format_decimal(e.percent, lang),
            format_decimal(e.low, lang),
            format_decimal(e.high, lang),
        ]);
    }
    if v.own.is_none() {
        rows.insert(0, std::iter::once(v.name.clone()).chain(std::iter::repeat_n("–".to_string(), 6)).collect());
    }
    let headers = [t.col_kommune, t.col_cohorts, t.col_in_work, t.col_finished, t.col_percent, t.col_low, t.col_high].map(String::from).to_vec();
    let table = Table { caption: v.title(lang), headers, rows, footnotes: Vec::new() };
    Words { summary, notes: vec![t.note_similar.to_string()], table }
}


/// The chosen kommune and its five peers by size: pooled share with interval, one row each.
fn similar<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, v: &SimilarView, title: &str, p: &Paint) -> ChartResult<DB> {
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

