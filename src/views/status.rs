//! Status one year after: in work or education, unemployed or on measures, and other, for one
//! cohort, for the place, its fylke and the country.

use crate::gather::Gather;
use super::{Figures, Words};
use crate::chart::*;
use crate::data::{Dataset, Gender, Status};
use crate::outcome::*;
use crate::place::Place;
use crate::text::*;
use serde::Serialize;

/// One bar of the status split: per cent in work or education, unemployed or on measures, and
/// other, each as published (or summed); the reason where the bar cannot be drawn.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatusBar {
    pub who: Who,
    pub finished: Option<u16>,
    /// Per cent for arbutd, ledig/tiltak, annet; `None` where not published.
    pub percents: [Option<u16>; 3],
    /// What the work-or-education share is, for the wording of gaps.
    pub share: Share,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatusView {
    pub name: String,
    pub cohort: u16,
    pub cohorts: Vec<u16>,
    pub bars: Vec<StatusBar>,
}

const SPLIT: [Status; 3] = [Status::Arbutd, Status::LedigTiltak, Status::Annet];

fn status_bar(who: Who, subject: &Subject, cohort: u16) -> StatusBar {
    let share = subject.share(cohort, 1, Gender::Alle);
    let o = subject.outcome(cohort, 1, Gender::Alle);
    let percents = match (&o, &share) {
        (Some(o), Share::Published { .. }) => SPLIT.map(|s| o.percent(s).value()),
        _ => [None; 3],
    };
    StatusBar { who, finished: o.and_then(|o| o.finished().value()), percents, share }
}

/// What a view compares, region and fylke (the country is added by each view).
fn compared<'a>(s: &'a Subjects<'a>) -> Vec<(Who, &'a Subject<'a>)> {
    let mut out = vec![(Who::Region(s.name.clone()), &s.kommune)];
    if let Some((name, today, subject)) = &s.fylke {
        out.push((Who::Fylke { name: name.clone(), today: *today }, subject));
    }
    out
}

/// The status split for one cohort (the newest where `cohort` is `None`).
pub fn status_view(ds: &Dataset, place: &Place, cohort: Option<u16>) -> Option<StatusView> {
    let s = subjects(ds, place);
    let cohorts = cohorts(ds, 1);
    let cohort = cohort.filter(|c| cohorts.contains(c)).or(cohorts.last().copied())?;
    let land = Subject::Region(s.land);
    let mut bars: Vec<StatusBar> = compared(&s).into_iter().map(|(who, subject)| status_bar(who, subject, cohort)).gather();
    // Where today's kommune has no figure of its own, each former kommune's, after it.
    if matches!(bars[0].share, Share::Incomplete { .. } | Share::Divided) {
        let formers = s.formers.iter().map(|(f, r)| status_bar(Who::Former(f.clone()), &Subject::Region(r), cohort));
        bars.splice(1..1, formers);
    }
    bars.push(status_bar(Who::Land, &land, cohort));
    Some(StatusView { name: s.name.clone(), cohort, cohorts, bars })
}


impl Figures for StatusView {
    const KEY: &'static str = "status";
    const HAS_COHORT: bool = true;

    fn open(ds: &Dataset, place: &Place, cohort: Option<u16>) -> Option<Self> {
        status_view(ds, place, cohort)
    }

    fn name(t: &Texts) -> &'static str {
        t.view_status
    }

    fn title(&self, lang: Lang) -> String {
        fill(texts(lang).title_status, &[("name", &self.name), ("cohort", &self.cohort.to_string())])
    }

    fn words(&self, lang: Lang) -> Words {
        status_text(self, lang)
    }

    fn draw(&self, root: &Area, title: &str, p: &Paint) -> DrawResult {
        status(root, self, title, p)
    }

    fn cohort_choice(&self) -> Option<(u16, &[u16])> {
        Some((self.cohort, &self.cohorts))
    }
    const COMPARES: bool = true;

    /// A bar for each place, after the chosen place's (and its former kommuner'), before the
    /// fylke's and the country's; today's fylke given again is left out.
    fn compare(&mut self, others: &[crate::compare::Other]) {
        let at = self.bars.iter().position(|b| matches!(b.who, Who::Fylke { .. } | Who::Land)).unwrap_or(self.bars.len());
        let new: Vec<StatusBar> = others
            .iter()
            .filter(|o| !self.bars.iter().any(|b| b.who == o.who))
            .map(|o| status_bar(o.who.clone(), &o.subject, self.cohort))
            .gather();
        self.bars.splice(at..at, new);
    }
}

fn status_text(v: &StatusView, lang: Lang) -> Words {
    let t = texts(lang);
    let num = |p: Option<u16>| p.map_or_else(|| t.suppressed_short.to_string(), |p| p.to_string());
    // Where only the share in work or education is published, it alone, and why not the others.
    let others_hidden = match lang {
        Lang::Nb => "de andre andelene er skjult fordi de gjelder for få personer",
        Lang::Nn => "dei andre delane er skjulte fordi dei gjeld for få personar",
        Lang::En => "the other shares are hidden because they concern too few people",
    };
    let mut out = Vec::new();
    for (i, bar) in v.bars.iter().enumerate() {
        let who = who_label(&bar.who, lang);
        let [a, b, c] = bar.percents;
        let all = b.is_some() && c.is_some();
        if i == 0 {
            out.push(match (bar.finished, a) {
                (Some(n), Some(_)) if all => fill(
                    t.summary_status,
                    &[("n", &format_int(n as u32, lang)), ("name", &who), ("cohort", &v.cohort.to_string()), ("a", &num(a)), ("b", &num(b)), ("c", &num(c))],
                ),
                // The share published, the number who finished not.
                (None, Some(a)) => say::sentence(&match lang {
                    Lang::Nb => format!("Av dem i {who} som avsluttet i {}, var {a} prosent i arbeid eller utdanning ett år etter; antallet som avsluttet, er skjult fordi det er lite", v.cohort),
                    Lang::Nn => format!("Av dei i {who} som avslutta i {}, var {a} prosent i arbeid eller utdanning eitt år etter; talet som avslutta, er skjult fordi det er lite", v.cohort),
                    Lang::En => format!("Of those in {who} who finished in {}, {a} per cent were in work or education one year later; the number who finished is hidden because it is small", v.cohort),
                }),
                (Some(n), Some(a)) => say::sentence(&match lang {
                    Lang::Nb => format!("Av de {} i {who} som avsluttet i {}, var {a} prosent i arbeid eller utdanning ett år etter; {others_hidden}", format_int(n as u32, lang), v.cohort),
                    Lang::Nn => format!("Av dei {} i {who} som avslutta i {}, var {a} prosent i arbeid eller utdanning eitt år etter; {others_hidden}", format_int(n as u32, lang), v.cohort),
                    Lang::En => format!("Of the {} in {who} who finished in {}, {a} per cent were in work or education one year later; {others_hidden}", format_int(n as u32, lang), v.cohort),
                }),
                _ => say::cannot_show(&say::those_in(&who, v.cohort, lang), &bar.share, lang),
            });
        } else if let Some(a) = a {
            out.push(say::sentence(&match all {
                true => fill(t.summary_status_short, &[("who", &who), ("a", &a.to_string()), ("b", &num(b)), ("c", &num(c))]),
                false => match lang {
                    Lang::En => format!("{who}: {a} per cent in work or education"),
                    _ => format!("{who}: {a} prosent i arbeid eller utdanning"),
                },
            }));
        } else if matches!(bar.who, Who::Region(_)) {
            // A place compared with: named even where it has no figure, and why.
            out.push(say::sentence(&format!("{who}: {}", format_share(&bar.share, lang))));
        }
    }
    let summary = say::paragraph(out);
    let mut used = Vec::new();
    let rows = v
        .bars
        .iter()
        .map(|bar| {
            let mut row = vec![who_label(&bar.who, lang), bar.finished.map_or_else(|| t.suppressed_short.to_string(), |n| format_int(n as u32, lang))];
            match bar.share {
                Share::Published { .. } => bar.percents.iter().map(|p| p.map_or_else(|| t.suppressed_short.to_string(), |p| format_percent(p, lang))).gather_into(&mut row),
                other => std::iter::repeat_n(share_cell(&other, lang, &mut used), 3).gather_into(&mut row),
            }
            row
        })
        .gather();
    let headers = [t.col_region, t.col_finished, t.status_arbutd, t.status_ledig, t.status_annet].map(String::from).to_vec();
    let table = Table { caption: v.title(lang), headers, rows, footnotes: footnotes(&used, lang) };
    Words { summary, notes: Vec::new(), table }
}


/// The status split: one stacked horizontal bar per region.
fn status<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, v: &StatusView, title: &str, p: &Paint) -> ChartResult<DB> {
    let (s, th) = (p.scale, p.theme);
    let area = frame(root, title, p)?;
    let small = v.bars.iter().any(|b| b.percents[0].is_some() && b.finished.is_some_and(|n| (n as u32) < say::SMALL));
    let area = if small { small_note(&area, p)? } else { area };
    let names = legend_texts(p.lang);
    let items: Vec<(String, Swatch)> = names.iter().zip(th.status).map(|(n, c)| (n.to_string(), Swatch::Square(c.filled()))).gather();
    let plot = legend(&area, &items, p)?;
    let n = v.bars.len();
    let labels: Vec<String> = v.bars.iter().map(|b| who_label(&b.who, p.lang)).gather();
    let mut chart = rows_chart(&plot, n, labels.iter().map(String::as_str), 100.0, p)?;
    themed(chart.configure_mesh().disable_y_mesh(), p)
        .x_labels(6)
        .x_label_formatter(&|x| format_percent(*x as u16, p.lang))
        .y_labels(0)
        .x_desc(texts(p.lang).axis_share_of_finished)
        .draw()?;
    // A long label ("Møre og Romsdal (county at the time)") smaller where it would not fit left
    // of the bars on a phone, and on two lines where even that does not.
    let room = row_label_room(&chart, s);
    let per_percent = (chart.backend_coord(&(100.0, 0.0)).0 - chart.backend_coord(&(0.0, 0.0)).0) as f64 / 100.0;
    for (i, (bar, label)) in v.bars.iter().zip(&labels).enumerate() {
        // The first bar at the top.
        let y0 = (n - 1 - i) as f64 + 0.2;
        let y1 = y0 + 0.6;
        let mid = (y0 + y1) / 2.0;
        row_label(&mut chart, mid, label, th.text, room, p)?;
        // Explorable at the middle of the share in work or education (at the axis where none).
        let at = chart.backend_coord(&(bar.percents[0].unwrap_or(0) as f64 / 2.0, mid));
        record::hit(at, i as u16, say::tip(label, &say::finished_in(v.cohort as i32, p.lang), &bar.share, texts(p.lang).source_table, p.lang));
        // The published shares from the first on: all three, or where only some are published
        // (a small place's share in work or education alone), those, and a word for the rest.
        let parts: Vec<u16> = bar.percents.iter().map_while(|p| *p).gather();
        // Why the rest is not drawn, in words, and in the table's short word for where those do
        // not fit.
        let t = texts(p.lang);
        let why = match (bar.share, parts.len()) {
            (Share::Published { .. }, 3) => None,
            (Share::Published { .. }, _) => Some((t.status_rest_hidden.to_string(), t.suppressed_short.to_string())),
            (share, _) => Some((crate::text::format_share(&share, p.lang), crate::text::share_cell(&share, p.lang, &mut Vec::new()))),
        };
        let small = bar.finished.is_some_and(|n| (n as u32) < say::SMALL);
        // A value inside its segment where it fits there.
        let fits = |text: &str, from: f64, to: f64| record::text_size(text, 13.0 * s).0 as f64 + 2.0 * s <= (to - from) * per_percent;
        let mut all_inside = true;
        let mut x = 0.0;
        for (k, &pct) in parts.iter().enumerate() {
            let x1 = (x + pct as f64).min(100.0);
            // Hollow, outlined in the segment's colour, for fewer than ten completers.
            let (fill, edge, ink) = match small {
                false => (th.status[k].filled(), stroke(th.background, 1.0, s), th.background),
                true => (th.background.filled(), stroke(th.status[k], 2.0, s), th.text),
            };
            chart.draw_series(std::iter::once(Rectangle::new([(x, y0), (x1, y1)], fill)))?;
            // A thin gap between segments, so they are told apart without colour too.
            chart.draw_series(std::iter::once(Rectangle::new([(x, y0), (x1, y1)], edge)))?;
            let text = format_percent(pct, p.lang);
            match pct >= 8 && fits(&text, x, x1) {
                true => {
                    chart.draw_series(std::iter::once(
                        EmptyElement::at(((x + x1) / 2.0, mid)) + Text::new(text, (0, 0), font(13.0, s, ink).pos(Pos::new(HPos::Center, VPos::Center))),
                    ))?;
                }
                false => all_inside = false,
            }
            x = x1;
        }
        if let Some((long, short)) = why {
            // After what is drawn, why the rest is not: in words, on two lines where one is too
            // wide, else in the short word. A share too small to carry its value inside: all of
            // them, in the legend's order.
            let written: Vec<String> = parts.iter().map(|&pct| format_percent(pct, p.lang)).gather();
            let with = |why: &str| match all_inside {
                true => format!("({why})"),
                false => format!("{} ({why})", written.join(" + ")),
            };
            let (size, line_h) = (12.0 * s, px(12.0 * 1.1, s));
            let room = root.dim_in_pixel().0 as i32 - chart.backend_coord(&(x.max(1.0), mid)).0 - px(8.0, s);
            let lines = fit_lines(&with(&long), size, room, 1)
                .or_else(|| fit_lines(&with(&long), size, room, 2))
                .or_else(|| fit_lines(&with(&short), size, room, 2))
                .unwrap_or_else(|| vec![with(&short)]);
            let top = -(lines.len() as i32 - 1) * line_h / 2;
            for (k, line) in lines.into_iter().enumerate() {
                chart.draw_series(std::iter::once(
                    EmptyElement::at((x.max(1.0), mid))
                        + Text::new(line, (px(4.0, s), top + k as i32 * line_h), font(12.0, s, th.muted).pos(Pos::new(HPos::Left, VPos::Center))),
                ))?;
            }
        }
    }
    root.present()
}

