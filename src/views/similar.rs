//! Similar kommuner: those with about as many completers as the chosen place — between half and
//! twice as many, summed over the same cohorts from published counts only — the nearest five at
//! most, with their intervals, beside the place's own.

use crate::gather::Gather;
use super::{Figures, Words};
use crate::chart::*;
use crate::data::Dataset;
use crate::outcome::stats::*;
use crate::outcome::*;
use crate::place::Place;
use crate::text::*;
use serde::Serialize;

/// At most this many peers are shown.
pub const MAX_PEERS: usize = 5;

/// The chosen place beside the kommuner with about as many completers over the same cohorts.
///
/// The rule: the cohorts are those in which the place's own counts (finished, and in work or
/// education) are published, a real zero included; every figure is the sum of published counts
/// over exactly those cohorts; a kommune qualifies if it has published counts for each of them
/// and between half and twice the place's number who finished ([`SimilarView::range`]). The
/// nearest by ratio come first, at most [`MAX_PEERS`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SimilarView {
    pub code: String,
    pub name: String,
    /// The cohorts every figure is summed over: those in which the place's counts are published
    /// (every cohort of the data where it has no figure of its own).
    pub cohorts: Vec<u16>,
    pub own: Option<Pooled>,
    /// Why there is no figure of the place's own, where there is none.
    pub missing: Option<Missing>,
    /// The numbers who finished a peer may have: ⌈n/2⌉ and 2n for the place's own n.
    pub range: Option<(u32, u32)>,
    /// How many kommuner qualify; the peers are the nearest [`MAX_PEERS`] of them.
    pub qualifying: usize,
    /// Nearest first.
    pub peers: Vec<Peer>,
    /// Where the place has no figure because its former kommuner's counts cannot be summed: each
    /// former kommune's own pooled figure, shown instead of nothing (no peers are sought by them).
    pub formers: Vec<FormerPooled>,
    pub goal: u16,
}

/// Why a place has no pooled figure of its own, and so nothing to compare kommuner by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    /// Every cohort's counts are published, and nobody finished.
    NoCompleters,
    /// Today's kommune holds part of a divided kommune: figures are never divided.
    Divided,
    /// No cohort with a completer has both counts published (suppressed, not summable, no row).
    Unpublished,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Peer {
    pub code: String,
    pub name: String,
    pub pooled: Pooled,
}

/// Whether `a` is nearer than `b` to `n` by ratio: max(a, n)/min(a, n) < max(b, n)/min(b, n).
fn nearer(a: u32, b: u32, n: u32) -> bool {
    let (a_hi, a_lo) = (a.max(n) as u64, a.min(n) as u64);
    let (b_hi, b_lo) = (b.max(n) as u64, b.min(n) as u64);
    a_hi * b_lo < b_hi * a_lo
}

pub fn similar_view(ds: &Dataset, place: &Place) -> Option<SimilarView> {
    let code = place.code().to_string();
    let s = subjects(ds, place);
    let all = cohorts(ds, 1);
    let cohorts: Vec<u16> = all.iter().copied().filter(|&c| published_counts(&s.kommune, c).is_some()).gather();
    let own = pooled_over(&s.kommune, &cohorts);
    let mut view =
        SimilarView { code, name: s.name.clone(), cohorts, own: None, missing: None, range: None, qualifying: 0, peers: Vec::new(), formers: Vec::new(), goal: GOAL_PERCENT };
    // Without completers of its own, a place has no size to compare by.
    let Some(own) = own else {
        view.missing = Some(match &s.kommune {
            Subject::Parts { divided: true, .. } => Missing::Divided,
            _ if view.cohorts.len() == all.len() => Missing::NoCompleters,
            _ => Missing::Unpublished,
        });
        view.formers = formers_pooled(&s, &all);
        view.cohorts = all;
        return Some(view);
    };
    let n = own.estimate.finished;
    let mut peers: Vec<Peer> = ds
        .map
        .kommuner
        .iter()
        .filter(|k| k.code != view.code)
        .filter_map(|k| Some(Peer { code: k.code.clone(), name: k.name.clone(), pooled: pooled_over(&today_subject(ds, k), &view.cohorts)? }))
        .filter(|p| (n..=4 * n).contains(&(2 * p.pooled.estimate.finished)))
        .gather();
    crate::sort::sort_by(&mut peers, |a, b| {
        let (fa, fb) = (a.pooled.estimate.finished, b.pooled.estimate.finished);
        nearer(fa, fb, n) || (!nearer(fb, fa, n) && a.code < b.code)
    });
    view.qualifying = peers.len();
    peers.truncate(MAX_PEERS);
    view.range = Some((n.div_ceil(2), 2 * n));
    view.own = Some(own);
    view.peers = peers;
    Some(view)
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
        let t = texts(lang);
        let template = match (&self.own, self.peers.len()) {
            (None, _) => t.similar_title_no_own,
            (Some(_), 0) => t.similar_title_none,
            (Some(_), 1) => t.similar_title_one,
            (Some(_), _) => t.title_similar,
        };
        fill(template, &[("name", &self.name), ("count", count_word(self.peers.len(), lang))])
    }

    fn words(&self, lang: Lang) -> Words {
        similar_text(self, lang)
    }

    fn draw(&self, root: &Area, title: &str, p: &Paint) -> DrawResult {
        similar(root, self, title, p)
    }
}

/// A count of peers (at most [`MAX_PEERS`]) as a word: "to", "fem".
fn count_word(k: usize, lang: Lang) -> &'static str {
    texts(lang).similar_counts[k.min(MAX_PEERS)]
}

/// "2010–2013", "2010, 2011 og 2013", "2013".
fn years(cohorts: &[u16], lang: Lang) -> String {
    let list = cohort_list(cohorts);
    if !list.contains(", ") {
        return list;
    }
    let words: Vec<String> = cohorts.iter().map(u16::to_string).gather();
    and_list(&words, lang)
}

/// "a, b og c".
fn and_list(items: &[String], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), texts(lang).similar_and),
    }
}

/// Why a place has no figure, as the chart says it beside its name.
fn missing_reason(m: Missing, t: &Texts) -> &'static str {
    match m {
        Missing::NoCompleters => t.no_completers,
        Missing::Divided => t.divided,
        Missing::Unpublished => t.no_pooled,
    }
}

/// A table row of a pooled figure: name, cohorts, in work or education, finished, per cent and
/// its interval.
fn pooled_row(label: String, p: &Pooled, lang: Lang) -> Vec<String> {
    let e = &p.estimate;
    let decimals = [e.percent, e.low, e.high].map(|x| format_decimal(x, lang));
    [label, cohort_list(&p.cohorts), format_int(e.count, lang), format_int(e.finished, lang)].into_iter().chain(decimals).gather()
}

fn similar_text(v: &SimilarView, lang: Lang) -> Words {
    let t = texts(lang);
    let name = v.name.as_str();
    let cohorts = years(&v.cohorts, lang);
    let (summary, notes, caption) = match (&v.own, v.range) {
        (Some(own), Some((lo, hi))) => {
            let e = &own.estimate;
            let (lo, hi) = (format_int(lo, lang), format_int(hi, lang));
            let list: Vec<String> = v
                .peers
                .iter()
                .map(|p| {
                    let e = &p.pooled.estimate;
                    fill(t.similar_item, &[("name", &p.name), ("p", &format_decimal(e.percent, lang)), ("n", &format_int(e.finished, lang))])
                })
                .gather();
            let k = v.peers.len();
            let pairs = [
                ("name", name),
                ("cohorts", cohorts.as_str()),
                ("lo", lo.as_str()),
                ("hi", hi.as_str()),
                ("count", count_word(k, lang)),
                ("total", &format_int(v.qualifying as u32, lang)),
                ("list", &and_list(&list, lang)),
            ];
            let own_sentence =
                fill(t.summary_similar, &[("name", name), ("n", &format_int(e.finished, lang)), ("cohorts", &cohorts), ("p", &format_decimal(e.percent, lang))]);
            let peers_sentence = match k {
                0 => t.similar_summary_none,
                1 => t.similar_summary_one,
                _ if v.qualifying > k => t.similar_summary_more,
                _ => t.similar_summary_all,
            };
            let mut notes = vec![fill(t.note_similar, &pairs)];
            if k < MAX_PEERS {
                let few = match k {
                    0 => t.similar_note_few_none,
                    1 => t.similar_note_few_one,
                    _ => t.similar_note_few,
                };
                notes.push(fill(few, &pairs));
            }
            let caption = match k {
                0 => t.similar_caption_none,
                _ if v.qualifying > k => t.similar_caption_more,
                _ => t.similar_caption,
            };
            (format!("{own_sentence} {}", fill(peers_sentence, &pairs)), notes, fill(caption, &pairs))
        }
        _ => {
            let summary = match v.missing {
                Some(Missing::NoCompleters) => t.similar_summary_no_completers,
                Some(Missing::Divided) => t.similar_summary_divided,
                _ => t.similar_summary_unpublished,
            };
            let pairs = [("name", name), ("cohorts", cohorts.as_str())];
            let summary = match say::formers_pooled(&v.formers, lang) {
                Some(formers) => format!("{} {formers}", fill(summary, &pairs)),
                None => fill(summary, &pairs),
            };
            (summary, vec![fill(t.similar_note_no_own, &pairs)], fill(t.similar_caption_no_own, &pairs))
        }
    };
    let mut rows = Vec::new();
    match &v.own {
        Some(own) => {
            for (name, p) in std::iter::once((&v.name, own)).chain(v.peers.iter().map(|p| (&p.name, &p.pooled))) {
                rows.push(pooled_row(name.clone(), p, lang));
            }
        }
        None => {
            rows.push(std::iter::once(v.name.clone()).chain(std::iter::repeat_n("–".to_string(), 6)).gather());
            for f in &v.formers {
                let label = former_label(&f.former, lang);
                rows.push(match &f.pooled {
                    Some(p) => pooled_row(label, p, lang),
                    None => std::iter::once(label).chain(std::iter::repeat_n("–".to_string(), 6)).gather(),
                });
            }
        }
    }
    let headers = [t.col_kommune, t.col_cohorts, t.col_in_work, t.col_finished, t.col_percent, t.col_low, t.col_high].map(String::from).to_vec();
    // The caption says what the table holds, with every number of the summary the rows lack.
    let table = Table { caption, headers, rows, footnotes: Vec::new() };
    Words { summary, notes, table }
}

/// The chosen place and its peers, nearest first: pooled share with interval, one row each.
fn similar<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, v: &SimilarView, title: &str, p: &Paint) -> ChartResult<DB> {
    let (t, s, th) = (texts(p.lang), p.scale, p.theme);
    let plot = frame(root, title, p)?;
    // The place, then its peers nearest first, or, where it has no figure because its former
    // kommuner cannot be summed, each of those with its own.
    let mut rows: Vec<(String, Option<&Estimate>, RGBColor)> = vec![(v.name.clone(), v.own.as_ref().map(|o| &o.estimate), th.kommune)];
    v.peers.iter().map(|peer| (peer.name.clone(), Some(&peer.pooled.estimate), th.text)).gather_into(&mut rows);
    for (k, f) in v.formers.iter().enumerate() {
        rows.push((former_label(&f.former, p.lang), f.pooled.as_ref().map(|p| &p.estimate), th.formers[k % th.formers.len()]));
    }
    let n = rows.len();
    let labels: Vec<String> = rows
        .iter()
        .map(|(name, e, _)| match e {
            Some(e) => format!("{name} ({})", crate::text::format_int(e.finished, p.lang)),
            None => name.clone(),
        })
        .gather();
    let small = rows.iter().any(|(_, e, _)| e.is_some_and(|e| e.finished < say::SMALL));
    let plot = if small { small_note(&plot, p)? } else { plot };
    // The axis's description on a line of its own under the tick labels (plotters' own place for
    // it runs into them on a phone), smaller where it must be, and on two lines where
    // even that is too wide.
    let (w, h) = plot.dim_in_pixel();
    // The same cohorts as every row: "samlet for 2010–2013".
    let axis = fill(t.axis_pooled, &[("cohorts", &say::cohorts(&v.cohorts, p.lang))]);
    let size = size_to_fit(&axis, 13.0, s, w as f64 - 16.0 * s);
    let line = (size * s * 1.3).ceil() as u32;
    // On two lines where even the smallest size does not fit.
    let lines = wrap(&axis, size * s, (w as f64 - 16.0 * s) as i32);
    let (upper, lower) = plot.split_vertically(h.saturating_sub(line * lines.len() as u32));
    for (k, text) in lines.into_iter().enumerate() {
        let y = (line as i32) * k as i32 + line as i32 / 2;
        lower.draw(&Text::new(text, (w as i32 / 2, y), font(size, s, th.text).pos(Pos::new(HPos::Center, VPos::Center))))?;
    }
    let mut chart = rows_chart(&upper, n, labels.iter().map(String::as_str), 100.0, p)?;
    let percent = |x: &f64| format_percent(*x as u16, p.lang);
    themed(chart.configure_mesh().disable_y_mesh(), p).x_labels(6).x_label_formatter(&percent).y_labels(0).draw()?;
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
    let row_px = (chart.plotting_area().dim_in_pixel().1 as f64 / n as f64).max(1.0);
    let room = row_label_room(&chart, s);
    for (i, ((_, e, color), label)) in rows.iter().zip(labels).enumerate() {
        let (y, color, own) = ((n - 1 - i) as f64 + 0.5, *color, i == 0);
        row_label(&mut chart, y, &label, color, room, p)?;
        let Some(e) = e else {
            let reason = match own {
                true => missing_reason(v.missing.unwrap_or(Missing::Unpublished), t),
                false => t.no_pooled,
            };
            // On as many lines as the room right of it needs.
            let (size, line_h) = (12.0 * s, px(12.0 * 1.1, s));
            let room = root.dim_in_pixel().0 as i32 - chart.backend_coord(&(1.0, y)).0 - px(4.0, s);
            let text = format!("({reason})");
            let lines = fit_lines(&text, size, room, 3).unwrap_or_else(|| vec![text]);
            let top = -(lines.len() as i32 - 1) * line_h / 2;
            for (k, line) in lines.into_iter().enumerate() {
                chart.draw_series(std::iter::once(
                    EmptyElement::at((1.0, y)) + Text::new(line, (0, top + k as i32 * line_h), font(12.0, s, th.muted).pos(Pos::new(HPos::Left, VPos::Center))),
                ))?;
            }
            continue;
        };
        let line = stroke(color, 2.0, s);
        // The caps 8 px high, however few the rows.
        let cap = px(8.0, s) as f64 / row_px;
        chart.draw_series(std::iter::once(PathElement::new(vec![(e.low, y), (e.high, y)], line)))?;
        chart.draw_series(std::iter::once(PathElement::new(vec![(e.low, y - cap), (e.low, y + cap)], line)))?;
        chart.draw_series(std::iter::once(PathElement::new(vec![(e.high, y - cap), (e.high, y + cap)], line)))?;
        let marker = if own { Marker::Circle } else { Marker::Diamond };
        hollow_or_filled(&mut chart, (e.percent, y), marker, px(5.0, s), color, e.finished < say::SMALL, p)?;
        let when = say::pooled_over(&v.cohorts, p.lang);
        record::hit(chart.backend_coord(&(e.percent, y)), i as u16, say::tip_estimate(&label, &when, e, t.source_table, p.lang));
    }
    root.present()
}
