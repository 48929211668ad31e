//! The whole country: for the newest cohort, how many kommuner had completers and how many fewer
//! than ten.

use crate::gather::Gather;
use super::{Figures, Words};
use crate::chart::*;
use crate::data::{Cell, Dataset, Gender, Level};
use crate::outcome::*;
use crate::place::Place;
use crate::text::*;
use serde::Serialize;

/// For the newest cohort: how many kommuner (of that year's map) had completers, and how many
/// had fewer than ten — a suppressed total counts as fewer than ten.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CountryView {
    pub cohort: u16,
    pub status_year: u16,
    pub kommuner: u32,
    pub none: u32,
    pub fewer_than_ten: u32,
    pub ten_or_more: u32,
    /// Of those with fewer than ten: how many had their total suppressed.
    pub suppressed: u32,
}

pub fn country_view(ds: &Dataset) -> Option<CountryView> {
    let cohort = *cohorts(ds, 1).last()?;
    let status_year = cohort + 1;
    let mut v = CountryView { cohort, status_year, kommuner: 0, none: 0, fewer_than_ten: 0, ten_or_more: 0, suppressed: 0 };
    // Kommuner of that year's map: a number that no longer existed then is skipped.
    for r in ds.kommuner() {
        let Some(o) = outcome(r, cohort, 1, Gender::Alle) else { continue };
        // A number that did not exist (`.`) or whose total is not out yet (`..`) is not counted.
        if superseded(ds, &r.region.code, status_year) || matches!(o.finished(), Cell::NotYet | Cell::NotApplicable) {
            continue;
        }
        v.kommuner += 1;
        match o.finished() {
            Cell::Value(0) => v.none += 1,
            Cell::Value(n) if n < 10 => v.fewer_than_ten += 1,
            Cell::Value(_) => v.ten_or_more += 1,
            Cell::Suppressed | Cell::NotYet | Cell::NotApplicable => {
                v.fewer_than_ten += 1;
                v.suppressed += 1;
            }
        }
    }
    Some(v)
}

/// Whether a kommune number of the data had been replaced by another by `status_year` (both
/// old and new numbers have rows in the extract; the old one then holds only zeros).
fn superseded(ds: &Dataset, code: &str, status_year: u16) -> bool {
    // The extract's own structure: old codes carry "(-YYYY)" in their label, the last year they
    // existed ("Harstad (-2012)").
    ds.region(Level::Kommune, code)
        .and_then(|r| r.region.name.rsplit_once("(-"))
        .and_then(|(_, y)| y.trim_end_matches(')').parse::<u16>().ok())
        .is_some_and(|last| status_year > last)
}

impl Figures for CountryView {
    const KEY: &'static str = "country";

    fn open(ds: &Dataset, _place: &Place, _cohort: Option<u16>) -> Option<Self> {
        country_view(ds)
    }

    fn name(t: &Texts) -> &'static str {
        t.view_country
    }

    fn title(&self, lang: Lang) -> String {
        fill(texts(lang).title_country, &[("cohort", &self.cohort.to_string())])
    }

    fn words(&self, lang: Lang) -> Words {
        country_text(self, lang)
    }

    fn draw(&self, root: &Area, title: &str, p: &Paint) -> DrawResult {
        country(root, self, title, p)
    }
}

fn country_text(v: &CountryView, lang: Lang) -> Words {
    let t = texts(lang);
    let summary = fill(
        t.summary_country,
        &[
            ("k", &format_int(v.kommuner, lang)),
            ("year", &v.status_year.to_string()),
            ("with", &format_int(v.fewer_than_ten + v.ten_or_more, lang)),
            ("cohort", &v.cohort.to_string()),
            ("few", &format_int(v.fewer_than_ten, lang)),
            ("sup", &format_int(v.suppressed, lang)),
        ],
    );
    let year = v.status_year;
    // Every number the summary says has its row: the groups, then the totals and the hidden ones.
    let (with, total, hidden) = match lang {
        Lang::Nb => ("Med deltakere som avsluttet".to_string(), format!("Kommuner i {year}, i alt"), "Færre enn ti, antallet skjult".to_string()),
        Lang::Nn => ("Med deltakarar som avslutta".to_string(), format!("Kommunar i {year}, i alt"), "Færre enn ti, talet skjult".to_string()),
        Lang::En => ("With participants who finished".to_string(), format!("Municipalities in {year}, in all"), "Fewer than ten, number hidden".to_string()),
    };
    let rows = [
        (t.country_none.to_string(), v.none),
        (t.country_fewer.to_string(), v.fewer_than_ten),
        (t.country_ten.to_string(), v.ten_or_more),
        (with, v.fewer_than_ten + v.ten_or_more),
        (hidden, v.suppressed),
        (total, v.kommuner),
    ]
    .iter()
    .map(|(label, n)| vec![label.clone(), format_int(*n, lang)])
    .gather();
    let table = Table {
        caption: v.title(lang),
        headers: vec![t.col_group.to_string(), t.col_count_kommuner.to_string()],
        rows,
        footnotes: Vec::new(),
    };
    Words { summary, notes: vec![fill(t.note_country, &[("year", &v.status_year.to_string())])], table }
}

/// The country picture: how many kommuner had none, fewer than ten, or ten or more completers.
fn country<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, v: &CountryView, title: &str, p: &Paint) -> ChartResult<DB> {
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
        let tip = format!("{label}: {} ({}). {}: {}.", crate::text::format_int(*count, p.lang), lower(t.axis_kommuner), t.col_source, t.source_table);
        record::hit(chart.backend_coord(&(*count as f64, mid)), i as u16, tip);
        chart.draw_series(std::iter::once(
            EmptyElement::at((*count as f64, mid))
                + Text::new(crate::text::format_int(*count, p.lang), (px(6.0, s), 0), font(13.0, s, th.text).pos(Pos::new(HPos::Left, VPos::Center))),
        ))?;
    }
    root.present()
}
