//! Menn and kvinner: the share in work or education one year after, by cohort, for the place and
//! the country.

use super::{Figures, Words};
use crate::chart::*;
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

    fn draw(&self, root: &Area, title: &str, p: &Paint) -> DrawResult {
        gender(root, self, title, p)
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
            for series in [&v.kommune_menn, &v.kommune_kvinner, &v.land_menn, &v.land_kvinner] {
                row.push(share_cell(&series[i], lang, &mut used));
            }
            row
        })
        .collect();
    let headers = vec![
        t.col_cohort.to_string(),
        format!("{}, {}", v.name, t.menn),
        format!("{}, {}", v.name, t.kvinner),
        format!("{}, {}", t.land, t.menn),
        format!("{}, {}", t.land, t.kvinner),
    ];
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
    let items: Vec<(String, Swatch)> = groups.iter().map(|(_, c, f, l)| (l.clone(), Swatch::Square(swatch(*c, *f)))).collect();
    let plot = legend(&area, &items, p)?;
    let first = *v.cohorts.first().unwrap_or(&0) as i32;
    let last = *v.cohorts.last().unwrap_or(&0) as i32;
    let cohorts: Vec<i32> = v.cohorts.iter().map(|&c| c as i32).collect();
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

