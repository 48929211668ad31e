//! Menn and kvinner: the share in work or education one year after, by cohort, for the place and
//! the country.

use crate::gather::Gather;
use super::{Figures, Words};
use crate::chart::*;
use crate::compare::{Compared, Other};
use crate::data::{Dataset, Gender};
use crate::outcome::*;
use crate::place::Place;
use crate::text::*;
use serde::Serialize;

/// Menn and kvinner, by cohort, for the region and the country.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GenderView {
    pub name: String,
    pub cohorts: Vec<u16>,
    pub kommune_menn: Vec<Share>,
    pub kommune_kvinner: Vec<Share>,
    pub land_menn: Vec<Share>,
    pub land_kvinner: Vec<Share>,
    /// The places a reader compares with ([`crate::compare`]): men's and women's shares.
    pub compare: Vec<(Compared, Compared)>,
}

pub fn gender_view(ds: &Dataset, place: &Place) -> Option<GenderView> {
    let s = subjects(ds, place);
    let cohorts = cohorts(ds, 1);
    let land = Subject::Region(s.land);
    Some(GenderView {
        name: s.name.clone(),
        kommune_menn: s.kommune.shares(&cohorts, 1, Gender::Menn),
        kommune_kvinner: s.kommune.shares(&cohorts, 1, Gender::Kvinner),
        land_menn: land.shares(&cohorts, 1, Gender::Menn),
        land_kvinner: land.shares(&cohorts, 1, Gender::Kvinner),
        compare: Vec::new(),
        cohorts,
    })
}

impl Figures for GenderView {
    const KEY: &'static str = "gender";

    fn open(ds: &Dataset, place: &Place, _cohort: Option<u16>) -> Option<Self> {
        gender_view(ds, place)
    }

    fn name(t: &Texts) -> &'static str {
        t.view_gender
    }

    fn title(&self, lang: Lang) -> String {
        fill(texts(lang).title_gender, &[("name", &self.name)])
    }

    fn words(&self, lang: Lang) -> Words {
        gender_text(self, lang)
    }

    /// Bars per cohort; with places compared, or where a cohort's four bars would be narrower than
    /// 6 px (fifteen cohorts on a phone), a row per place for the newest cohort (the table has
    /// every cohort).
    fn draw(&self, root: &Area, title: &str, p: &Paint) -> DrawResult {
        let unit = (root.dim_in_pixel().0 as f64 - 82.0 * p.scale) / self.cohorts.len().max(1) as f64;
        match self.compare.is_empty() && unit * 0.18 >= 6.0 * p.scale {
            true => gender(root, self, title, p),
            false => gender_rows(root, self, title, p),
        }
    }

    const COMPARES: bool = true;

    fn compare(&mut self, others: &[Other]) {
        self.compare = others.iter().map(|o| (o.series(&self.cohorts, Gender::Menn), o.series(&self.cohorts, Gender::Kvinner))).gather();
    }
}

/// The newest cohort's shares of men and women, each a value or, in a sentence of its own, the
/// reason there is none; an older cohort's where the newest has neither; then the country's.
fn gender_summary(v: &GenderView, lang: Lang) -> String {
    let Some(i) = v.cohorts.len().checked_sub(1) else { return String::new() };
    let c = v.cohorts[i];
    // Per cents only: the table has no counts by gender.
    let words = |s: &Share| s.percent().map(|p| say::percent_words(p, lang));
    let (men, women) = (words(&v.kommune_menn[i]), words(&v.kommune_kvinner[i]));
    let (name, mut out) = (&v.name, Vec::new());
    let (of_men, of_women) = match lang {
        Lang::En => ("the men", "the women"),
        Lang::Nb | Lang::Nn => ("mennene", "kvinnene"),
    };
    let rest = match lang {
        Lang::Nb => format!("som avsluttet i {c}, i arbeid eller utdanning ett år etter"),
        Lang::Nn => format!("som avslutta i {c}, i arbeid eller utdanning eitt år etter"),
        Lang::En => format!("who finished in {c} were in work or education one year later"),
    };
    let (was, of, and) = match lang {
        Lang::En => ("", "of", "and"),
        Lang::Nb | Lang::Nn => ("var ", "av", "og"),
    };
    let lead = match lang {
        Lang::En => format!("In {name},"),
        _ => format!("I {name}"),
    };
    match (&men, &women) {
        (Some(m), Some(k)) => out.push(say::sentence(&format!("{lead} {was}{m} {of} {of_men} {and} {k} {of} {of_women} {rest}"))),
        (Some(m), None) => {
            out.push(say::sentence(&format!("{lead} {was}{m} {of} {of_men} {rest}")));
            out.push(say::cannot_show(of_women, &v.kommune_kvinner[i], lang));
        }
        (None, Some(k)) => {
            out.push(say::sentence(&format!("{lead} {was}{k} {of} {of_women} {rest}")));
            out.push(say::cannot_show(of_men, &v.kommune_menn[i], lang));
        }
        (None, None) => {
            let whose = match lang {
                Lang::Nb => format!("menn og kvinner i {name} som avsluttet i {c}"),
                Lang::Nn => format!("menn og kvinner i {name} som avslutta i {c}"),
                Lang::En => format!("men and women in {name} who finished in {c}"),
            };
            out.push(say::cannot_show(&whose, &v.kommune_menn[i], lang));
            // The newest cohort with a figure for either, named.
            let older = (0..i).rev().find(|&j| v.kommune_menn[j].percent().is_some() || v.kommune_kvinner[j].percent().is_some());
            if let Some(j) = older {
                let (m, k) = (say::percent_or_reason(&v.kommune_menn[j], lang), say::percent_or_reason(&v.kommune_kvinner[j], lang));
                out.push(say::sentence(&match lang {
                    Lang::Nb => format!("Det nyeste tallet er for dem som avsluttet i {}: menn {m}, kvinner {k}", v.cohorts[j]),
                    Lang::Nn => format!("Det nyaste talet er for dei som avslutta i {}: menn {m}, kvinner {k}", v.cohorts[j]),
                    Lang::En => format!("The newest figure is for those who finished in {}: men {m}, women {k}", v.cohorts[j]),
                }));
            }
        }
    }
    // Men's and women's shares; one reason, once, where neither has a figure for the same reason.
    let pair = |men: &Share, women: &Share| match (men.percent(), women.percent(), lang) {
        (None, None, _) if say::reason(men, lang) == say::reason(women, lang) => format!("({})", say::reason(men, lang)),
        (.., Lang::En) => format!("men {}, women {}", say::percent_or_reason(men, lang), say::percent_or_reason(women, lang)),
        _ => format!("menn {}, kvinner {}", say::percent_or_reason(men, lang), say::percent_or_reason(women, lang)),
    };
    let places: Vec<String> = v.compare.iter().map(|(m, k)| say::labelled(&who_label(&m.who, lang), &pair(&m.points[i], &k.points[i]))).gather();
    if !places.is_empty() {
        out.push(say::for_comparison(c, &places.join("; "), lang));
    }
    let (lm, lk) = (say::percent_or_reason(&v.land_menn[i], lang), say::percent_or_reason(&v.land_kvinner[i], lang));
    let land = texts(lang).land;
    out.push(say::sentence(&match lang {
        Lang::En => format!("{land} in {c}: men {lm}, women {lk}"),
        Lang::Nb | Lang::Nn => format!("{land} i {c}: menn {lm}, kvinner {lk}"),
    }));
    say::paragraph(out)
}

fn gender_text(v: &GenderView, lang: Lang) -> Words {
    let t = texts(lang);
    let summary = gender_summary(v, lang);
    let mut used = Vec::new();
    let rows = v
        .cohorts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut row = vec![c.to_string()];
            let compared = v.compare.iter().flat_map(|(m, k)| [&m.points, &k.points]);
            for series in [&v.kommune_menn, &v.kommune_kvinner].into_iter().chain(compared).chain([&v.land_menn, &v.land_kvinner]) {
                row.push(share_cell(&series[i], lang, &mut used));
            }
            row
        })
        .gather();
    let mut headers = vec![t.col_cohort.to_string(), format!("{}, {}", v.name, t.menn), format!("{}, {}", v.name, t.kvinner)];
    for (m, _) in &v.compare {
        let name = who_label(&m.who, lang);
        headers.push(format!("{name}, {}", t.menn));
        headers.push(format!("{name}, {}", t.kvinner));
    }
    headers.push(format!("{}, {}", t.land, t.menn));
    headers.push(format!("{}, {}", t.land, t.kvinner));
    let table = Table { caption: v.title(lang), headers, rows, footnotes: footnotes(&used, lang) };
    Words { summary, notes: Vec::new(), table }
}


/// Menn and kvinner side by side, per cohort: kommune filled, country outlined.
fn gender<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, v: &GenderView, title: &str, p: &Paint) -> ChartResult<DB> {
    let (t, s, th) = (texts(p.lang), p.scale, p.theme);
    let area = frame(root, title, p)?;
    let groups: [(&[Share], RGBColor, bool, String); 4] = [
        (&v.kommune_menn, th.kommune, true, format!("{} {}", v.name, t.menn)),
        (&v.kommune_kvinner, th.kommune, false, format!("{} {}", v.name, t.kvinner)),
        (&v.land_menn, th.land, true, format!("{} {}", t.land, t.menn)),
        (&v.land_kvinner, th.land, false, format!("{} {}", t.land, t.kvinner)),
    ];
    let swatch = |color: RGBColor, filled: bool| if filled { color.filled() } else { stroke(color, 2.0, s) };
    let items: Vec<(String, Swatch)> = groups.iter().map(|(_, c, f, l)| (l.clone(), Swatch::Square(swatch(*c, *f)))).gather();
    let plot = legend(&area, &items, p)?;
    let first = *v.cohorts.first().unwrap_or(&0) as i32;
    let last = *v.cohorts.last().unwrap_or(&0) as i32;
    let cohorts: Vec<i32> = v.cohorts.iter().map(|&c| c as i32).gather();
    let mut chart = ChartBuilder::on(&plot)
        .margin_left(px(8.0, s) as u32)
        .margin_right(px(16.0, s) as u32)
        // Room above a bar at 100 % for its value, and for the one beside, a line higher.
        .margin_top(px(26.0, s) as u32)
        .x_label_area_size(px(44.0, s) as u32)
        .y_label_area_size(px(58.0, s) as u32)
        .build_cartesian_2d(Linear::from((first as f64 - 0.5)..(last as f64 + 0.5)), Linear::from(0f64..100f64))?;
    themed(chart.configure_mesh().disable_x_mesh(), p)
        .x_labels(cohorts.len() * 2 + 1)
        .x_label_formatter(&|x| {
            let r = x.round();
            if (x - r).abs() < 1e-6 && cohorts.contains(&(r as i32)) { (r as i32).to_string() } else { String::new() }
        })
        .y_labels(6)
        .y_label_formatter(&|y| format_percent(*y as u16, p.lang))
        .x_desc(t.axis_cohort)
        .y_desc(t.axis_percent)
        .draw()?;
    let w = 0.18;
    let mut taken: Vec<TextBox> = Vec::new();
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
            let when = say::finished_in(c as i32, p.lang);
            record::hit(chart.backend_coord(&((x0 + x1) / 2.0, v as f64)), gi as u16, say::tip(&groups[gi].3, &when, share, t.source_table, p.lang));
            let fill = if *filled { color.filled() } else { th.background.filled() };
            chart.draw_series(std::iter::once(Rectangle::new([(x0, 0.0), (x1, v as f64)], fill)))?;
            chart.draw_series(std::iter::once(Rectangle::new([(x0, 0.0), (x1, v as f64)], stroke(*color, 2.0, s))))?;
            // The value above its bar; a line higher where it would run into the one beside (two
            // bars at 100 on a phone); left out where neither is free (the table has every value).
            let text = format!("{v}");
            let at = chart.backend_coord(&((x0 + x1) / 2.0, v as f64));
            let candidates = [px(-3.0, s), px(-3.0 - 12.0, s)]
                .map(|dy| (dy, TextBox::new(&text, 12.0 * s, (at.0, at.1 + dy), Pos::new(HPos::Center, VPos::Bottom))));
            let Some(dy) = first_free(&mut taken, candidates) else { continue };
            chart.draw_series(std::iter::once(
                EmptyElement::at(((x0 + x1) / 2.0, v as f64)) + Text::new(text, (0, dy), font(12.0, s, *color).pos(Pos::new(HPos::Center, VPos::Bottom))),
            ))?;
        }
    }
    root.present()
}


/// With places to compare with: the newest cohort, a row per place (the chosen one first, the
/// country last) named on its left, men (■) above women (◆), each with its value; where a share
/// has no figure, the table's short word for why.
fn gender_rows<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, v: &GenderView, title: &str, p: &Paint) -> ChartResult<DB> {
    let (t, s, th) = (texts(p.lang), p.scale, p.theme);
    let Some(i) = v.cohorts.len().checked_sub(1) else { return root.present() };
    let c = v.cohorts[i];
    let area = frame(root, title, p)?;
    let (men, women) = (Marker::Square, Marker::Diamond);
    // "menn" → "Menn": every word here begins with an ASCII letter.
    let cap = |w: &str| w[..1].to_ascii_uppercase() + &w[1..];
    let items = [(cap(t.menn), Swatch::Marker(men, th.text)), (cap(t.kvinner), Swatch::Marker(women, th.text))];
    let plot = legend(&area, &items, p)?;
    let mut rows: Vec<(String, RGBColor, &Share, &Share)> = vec![(v.name.clone(), th.kommune, &v.kommune_menn[i], &v.kommune_kvinner[i])];
    for (k, (m, w)) in v.compare.iter().enumerate() {
        rows.push((who_label(&m.who, p.lang), compare_style(th, k).color, &m.points[i], &w.points[i]));
    }
    rows.push((t.land.to_string(), th.land, &v.land_menn[i], &v.land_kvinner[i]));
    let n = rows.len();
    let mut chart = rows_chart(&plot, n, rows.iter().map(|r| r.0.as_str()), 100.0, p)?;
    let desc = match p.lang {
        Lang::Nb => format!("Andel av dem som avsluttet i {c}"),
        Lang::Nn => format!("Del av dei som avslutta i {c}"),
        Lang::En => format!("Share of those who finished in {c}"),
    };
    themed(chart.configure_mesh().disable_y_mesh(), p)
        .x_labels(6)
        .x_label_formatter(&|x| format_percent(*x as u16, p.lang))
        .y_labels(0)
        .x_desc(desc)
        .draw()?;
    let room = row_label_room(&chart, s);
    for (k, (label, color, m, w)) in rows.iter().enumerate() {
        let mid = (n - 1 - k) as f64 + 0.5;
        row_label(&mut chart, mid, label, th.text, room, p)?;
        for (share, marker, y, who) in [(m, men, mid + 0.18, t.menn), (w, women, mid - 0.18, t.kvinner)] {
            let (x, text, ink) = match share.percent() {
                Some(pct) => {
                    hollow_or_filled(&mut chart, (pct as f64, y), marker, px(5.0, s), *color, small_n(share), p)?;
                    let tip = say::tip(&format!("{label}, {who}"), &say::finished_in(c as i32, p.lang), share, t.source_table, p.lang);
                    record::hit(chart.backend_coord(&(pct as f64, y)), k as u16, tip);
                    (pct as f64, format_percent(pct, p.lang), *color)
                }
                None => (0.0, share_cell(share, p.lang, &mut Vec::new()), th.muted),
            };
            // The value right of its marker, or left of it near 100 %.
            let right = x <= 80.0;
            let (dx, pos) = if right { (px(9.0, s), HPos::Left) } else { (px(-9.0, s), HPos::Right) };
            chart.draw_series(std::iter::once(EmptyElement::at((x, y)) + Text::new(text, (dx, 0), font(12.0, s, ink).pos(Pos::new(pos, VPos::Center)))))?;
        }
    }
    root.present()
}
