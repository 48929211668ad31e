//! Every view, for real kommuner of every kind, against source cells: figures, SVG, table and
//! summary agree. All on the frozen fixture (`tests/fixtures/data/`, see `common`), so a refresh
//! of `data/` leaves these figures as they are.

mod common;

use common::{data, draw, fixture as ds, flat, open, svg, view};
use intro_status::chart::{layout, DARK, LIGHT};
use intro_status::outcome::stats::wilson;
use intro_status::outcome::{Share, Who};
use intro_status::place::Place;
use intro_status::text::{source_line, Lang};
use intro_status::views::followup::follow_up_cohorts;
use intro_status::views::{view_data, ViewData, ViewKind, ViewText};

fn view_text(v: &ViewData, lang: Lang) -> ViewText {
    v.text(lang)
}

#[test]
fn wilson_intervals_match_independent_values() {
    // Computed independently (Python, the textbook formula): 140 of 251 and 0 of 5.
    let (lo, hi) = wilson(140, 251).unwrap();
    assert!((lo - 0.495_915_073_8).abs() < 1e-9 && (hi - 0.617_881_166_9).abs() < 1e-9, "{lo} {hi}");
    let (lo, hi) = wilson(0, 5).unwrap();
    assert!(lo == 0.0 && (hi - 0.434_482_464_8).abs() < 1e-9, "{lo} {hi}");
    let (lo, hi) = wilson(2388, 3842).unwrap();
    assert!((lo - 0.606_101_067_1).abs() < 1e-9 && (hi - 0.636_758_658_1).abs() < 1e-9);
    assert_eq!(wilson(1, 0), None);
    assert_eq!(wilson(6, 5), None);
}

#[test]
fn status_split_equals_source_cells() {
    // Oslo, cohort 2013: 251 finished; 56 % work or education, 4 % unemployed/measures, 40 % other.
    let ViewData::Status(v) = data(ViewKind::Status, "0301") else { panic!() };
    assert_eq!(v.cohort, 2013);
    assert_eq!(v.bars[0].finished, Some(251));
    assert_eq!(v.bars[0].percents, [Some(56), Some(4), Some(40)]);
    // Oslo has no separate fylke line; the country: 62, 11, 27.
    assert_eq!(v.bars.len(), 2);
    assert_eq!(v.bars[1].who, Who::Land);
    assert_eq!(v.bars[1].percents, [Some(62), Some(11), Some(27)]);
    // A chosen cohort: 2011 (status 2012) for Bergen: 219 finished.
    let ViewData::Status(v) = view(ViewKind::Status, "4601", Some(2011)).unwrap() else { panic!() };
    assert_eq!((v.cohort, v.bars[0].finished), (2011, Some(219)));
    let text = view_text(&ViewData::Status(v.clone()), Lang::Nb);
    assert!(text.summary.starts_with("Av de 219 i Bergen som avsluttet i 2011, var 57 prosent i arbeid eller utdanning"), "{}", text.summary);
    let svg = flat(&svg(&ViewData::Status(v), Lang::Nb, &LIGHT, 720, 420));
    assert!(svg.contains("Bergen: status ett år etter, avsluttet 2011") && svg.contains("57\u{a0}%"));
}

#[test]
fn status_split_of_a_suppressed_bar_is_a_gap_with_its_reason() {
    // 3105 Sarpsborg, cohort 2012: 30 finished, work or education suppressed.
    let ViewData::Status(v) = view(ViewKind::Status, "3105", Some(2012)).unwrap() else { panic!() };
    assert_eq!(v.bars[0].percents, [None, None, None]);
    assert_eq!(v.bars[0].share, Share::Suppressed { finished: Some(30) });
    let svg = flat(&svg(&ViewData::Status(v.clone()), Lang::Nb, &LIGHT, 720, 420));
    assert!(svg.contains("(for få deltakere til at tall kan vises)"));
    let text = view_text(&ViewData::Status(v), Lang::Nb);
    assert_eq!(text.table.rows[0], ["Sarpsborg", "30", "skjult", "skjult", "skjult"]);
}

#[test]
fn gender_equals_source_cells() {
    // Hele landet, cohort 2013: menn 72 %, kvinner 50 %; Oslo: menn 112 finished …
    let ViewData::Gender(v) = data(ViewKind::Gender, "0301") else { panic!() };
    assert_eq!(v.land_menn[3], Share::Published { percent: 72, count: Some(1487), finished: Some(2056) });
    assert_eq!(v.land_kvinner[3], Share::Published { percent: 50, count: Some(901), finished: Some(1786) });
    assert!(matches!(v.kommune_menn[3], Share::Published { finished: Some(112), .. }));
    let text = view_text(&ViewData::Gender(v), Lang::Nb);
    assert!(text.summary.contains("Hele landet i 2013: menn 72 prosent, kvinner 50 prosent."), "{}", text.summary);
}

#[test]
fn follow_up_follows_one_cohort() {
    // Hele landet, cohort 2010: 1 year after (status 2011) 61 %, 4 years after (status 2014) 62 %.
    let ViewData::FollowUp(v) = data(ViewKind::FollowUp, "4601") else { panic!() };
    assert_eq!(v.cohort, 2010);
    assert_eq!(v.years_after, [1, 2, 3, 4]);
    assert_eq!(v.land[0].percent(), Some(61));
    assert_eq!(v.land[3], Share::Published { percent: 62, count: Some(1733), finished: Some(2786) });
    // Every cohort on offer has two or more points.
    assert_eq!(follow_up_cohorts(ds()), [2007, 2008, 2009, 2010, 2011, 2012]);
    let ViewData::FollowUp(v) = view(ViewKind::FollowUp, "4601", Some(2012)).unwrap() else { panic!() };
    assert_eq!(v.years_after, [1, 2]);
    let svg = flat(&svg(&ViewData::FollowUp(v), Lang::En, &LIGHT, 720, 420));
    assert!(svg.contains("Bergen: finished 2012, in work or education one to five years after"));
}

#[test]
fn uncertainty_and_pooling_use_published_counts_only() {
    // Oslo 2013: 140 of 251, interval 49.6–61.8 %.
    let ViewData::Uncertainty(v) = data(ViewKind::Uncertainty, "0301") else { panic!() };
    let e = v.estimates[3].as_ref().unwrap();
    assert_eq!((e.count, e.finished), (140, 251));
    assert!((e.low - 49.591_507).abs() < 1e-4 && (e.high - 61.788_117).abs() < 1e-4);
    // Pooled Oslo 2010–2013: 141+166+164+140 = 611 of 239+270+270+251 = 1 030.
    let pooled = v.pooled.as_ref().unwrap();
    assert_eq!((pooled.cohorts.as_slice(), pooled.estimate.count, pooled.estimate.finished), (&[2010, 2011, 2012, 2013][..], 611, 1030));
    // 3105 Sarpsborg: cohort 2012 is suppressed, so it is left out of the pool.
    let ViewData::Uncertainty(v) = data(ViewKind::Uncertainty, "3105") else { panic!() };
    assert_eq!(v.estimates[2], None);
    assert_eq!(v.pooled.as_ref().unwrap().cohorts, [2010, 2011, 2013]);
    let text = view_text(&ViewData::Uncertainty(v.clone()), Lang::Nb);
    assert!(text.summary.starts_with("Samlet for 2010, 2011, 2013 var"), "{}", text.summary);
    let svg = flat(&svg(&ViewData::Uncertainty(v), Lang::Nb, &LIGHT, 720, 420));
    assert!(svg.contains(">Samlet<") && svg.contains("(skjult)"));
}

#[test]
fn similar_kommuner_are_the_nearest_by_pooled_completers() {
    // Bergen: 863 finished in 2010–2013, all four cohorts published.
    let ViewData::Similar(v) = data(ViewKind::Similar, "4601") else { panic!() };
    let own = v.own.as_ref().unwrap();
    assert_eq!((own.cohorts.as_slice(), own.estimate.finished), (&[2010, 2011, 2012, 2013][..], 863));
    assert_eq!((v.cohorts.as_slice(), v.range), (&[2010, 2011, 2012, 2013][..], Some((432, 1726))));
    // Between half and twice as many over the same cohorts: Oslo (1 030) alone.
    let peers: Vec<(&str, &[u16], u32)> = v.peers.iter().map(|p| (p.code.as_str(), p.pooled.cohorts.as_slice(), p.pooled.estimate.finished)).collect();
    assert_eq!(peers, [("0301", &[2010, 2011, 2012, 2013][..], 1030)]);
    assert_eq!(v.qualifying, 1);
    // No kommune left out has published counts for all four cohorts and a number within the
    // factor of two.
    for k in ds().map.kommuner.iter().filter(|k| k.code != "4601" && k.code != "0301") {
        let ViewData::Similar(o) = data(ViewKind::Similar, &k.code) else { continue };
        if let Some(p) = o.own.filter(|p| p.cohorts == own.cohorts) {
            assert!(!(432..=1726).contains(&p.estimate.finished), "{} ({}) is within the factor of two", k.code, p.estimate.finished);
        }
    }
    // A kommune with no completers has nothing to compare by, and says so.
    let ViewData::Similar(v) = data(ViewKind::Similar, "1111") else { panic!() };
    assert!(v.own.is_none() && v.peers.is_empty() && v.range.is_none());
    let text = view_text(&ViewData::Similar(v), Lang::Nn);
    assert_eq!(text.title, "Sokndal: ingen tal å samanlikne andre kommunar med");
    assert_eq!(
        text.summary,
        "Ingen avslutta introduksjonsprogrammet i Sokndal i 2010–2013, så det er ingen del å vise og ingen storleik å samanlikne andre kommunar etter."
    );
}

#[test]
fn country_picture_for_the_newest_cohort() {
    let ViewData::Country(v) = data(ViewKind::Country, "0301") else { panic!() };
    assert_eq!((v.cohort, v.status_year), (2013, 2014));
    // 428 kommuner in the 2014 file; the groups add up.
    assert_eq!(v.kommuner, 428);
    assert_eq!(v.none + v.fewer_than_ten + v.ten_or_more, v.kommuner);
    assert_eq!((v.none, v.fewer_than_ten, v.ten_or_more, v.suppressed), (155, 157, 116, 53));
    let text = view_text(&ViewData::Country(v), Lang::Nb);
    assert!(text.summary.starts_with("Av 428 kommuner i 2014 hadde 273 deltakere"), "{}", text.summary);
}

#[test]
fn every_view_draws_for_every_kind_of_kommune_in_every_language_and_theme() {
    // Large, small, merged with a suppressed part, suppressed cohort, divided, no completers, bydel.
    // Opened as a widget opens them: with the source line of the data, under the chart and in the CSV.
    for code in ["0301", "4601", "5622", "3203", "3105", "3907", "1111", "030106"] {
        for kind in ViewKind::ALL {
            for lang in [Lang::Nb, Lang::Nn, Lang::En] {
                let o = open(kind, code, None, lang);
                assert_eq!(o.source, source_line(&ds().source, lang));
                for theme in [&LIGHT, &DARK] {
                    let out = o.svg(theme, 720, 420);
                    assert!(out.starts_with("<svg") && out.contains("</svg>"), "{code} {kind:?}");
                    assert!(flat(&out).contains(&o.source), "{code} {kind:?} {lang:?}: no source line under the chart");
                }
                let text = o.text();
                assert!(!text.summary.is_empty() && !text.table.rows.is_empty(), "{code} {kind:?} {lang:?}");
                for row in &text.table.rows {
                    assert_eq!(row.len(), text.table.headers.len(), "{code} {kind:?}");
                }
                assert!(o.csv().contains(&o.source), "{code} {kind:?} {lang:?}: no source line in the CSV");
            }
        }
    }
}

#[test]
fn views_parse_from_page_attributes() {
    assert_eq!(ViewKind::parse("trend"), Some(ViewKind::Goal));
    assert_eq!(ViewKind::parse(" Status "), Some(ViewKind::Status));
    assert_eq!(ViewKind::parse("followup"), Some(ViewKind::FollowUp));
    assert_eq!(ViewKind::parse("pie"), None);
    assert!(Place::resolve(ds(), "9999").is_none());
}

/// The widget computes every view but the follow-up from the data decoded only as far as one
/// year after (`Dataset::embedded_one_year_after`). Each of those views comes out the same from
/// that part as from the whole; the follow-up, which reads further, does not (so the comparison
/// can tell). The goal view, which most pages show, for every code the data and today's map
/// know; the others, for every cohort, for every seventh code and every kind of kommune. The
/// fixture is encoded as the build encodes `data/`, and decoded both ways as the widget decodes.
#[test]
fn views_that_read_one_year_after_need_no_more_of_the_data() {
    use intro_status_import::codec;
    let bytes = codec::encode(ds());
    let whole = &codec::decode(&bytes).unwrap();
    assert!(whole == ds(), "the codec changes the fixture");
    let part = codec::decode_one_year_after(&bytes).unwrap();
    let mut codes: Vec<&str> = whole.regions.iter().map(|r| r.region.code.as_str()).collect();
    codes.extend(whole.map.kommuner.iter().map(|k| k.code.as_str()));
    // Large, small, merged with a suppressed part, suppressed cohort, divided, no completers, bydel.
    let kinds_of_kommune = ["0301", "4601", "5622", "3203", "3105", "3907", "1111", "030106"];
    let mut follow_up_differs = false;
    for (i, &code) in codes.iter().enumerate() {
        for kind in ViewKind::ALL {
            if kind != ViewKind::Goal && i % 7 != 0 && !kinds_of_kommune.contains(&code) {
                continue;
            }
            let cohorts: &[Option<u16>] = match kind {
                ViewKind::Status | ViewKind::FollowUp => &[None, Some(2010), Some(2011), Some(2012), Some(2013)],
                _ => &[None],
            };
            for &cohort in cohorts {
                let (Some(in_part), Some(in_whole)) = (Place::resolve(&part, code), Place::resolve(whole, code)) else {
                    assert!(Place::resolve(whole, code).is_none(), "{code} is a place in the whole only");
                    continue;
                };
                let (a, b) = (view_data(&part, kind, &in_part, cohort), view_data(whole, kind, &in_whole, cohort));
                match kind.one_year_after_only() {
                    true => assert!(a == b, "{code} {kind:?} {cohort:?} differs when decoded one year after"),
                    false => follow_up_differs |= a != b,
                }
            }
        }
    }
    assert!(follow_up_differs, "the follow-up came out the same from one year after: the comparison cannot tell");
}

/// The SVG (download and no-JS fallback) writes every text at the size the chart asked for,
/// which is what the canvas draws (plotters' SVG backend would divide it by 1.24 unasked).
#[test]
fn svg_text_has_the_size_the_canvas_draws() {
    use intro_status::chart::record::Op;
    for kind in [ViewKind::Goal, ViewKind::Status] {
        let v = data(kind, "0301");
        let drawing = draw(&v, Lang::Nb, &LIGHT, 1.0, (720, 420));
        let asked: Vec<f64> = drawing.ops.iter().filter_map(|op| if let Op::Text(_, f, _) = op { Some(f.size) } else { None }).collect();
        let out = svg(&v, Lang::Nb, &LIGHT, 720, 420);
        let written: Vec<f64> = out.split("font-size=\"").skip(1).map(|s| s.split('"').next().unwrap().parse().unwrap()).collect();
        assert_eq!(written.len(), asked.len(), "{kind:?}: one <text> per text drawn");
        assert!(asked.iter().any(|&s| s >= 16.0), "{kind:?}: a title is drawn large");
        for (w, a) in written.iter().zip(&asked) {
            assert!((w - a).abs() < 0.01, "{kind:?}: font-size {w} in the SVG, {a} on the canvas");
        }
    }
}

/// A text's box in a recorded chart: left, right, top, bottom (device pixels) and the text.
type TextBox<'a> = (f64, f64, f64, f64, &'a str);

/// The boxes of a drawing's texts, as the recorder measures them (Helvetica's advances, which
/// Arial and Liberation Sans share; the ink about 0.8 of the size high). Rotated text (the y
/// axis title) and empty text (a year without its label) are left out.
fn text_boxes(drawing: &intro_status::chart::record::Drawing) -> Vec<TextBox<'_>> {
    use intro_status::chart::record::{text_size, Op};
    use plotters::style::text_anchor::{HPos, VPos};
    use plotters::style::FontTransform;
    let mut boxes = Vec::new();
    for op in &drawing.ops {
        let Op::Text(text, font, (x, y)) = op else { continue };
        if !matches!(font.transform, FontTransform::None) || text.is_empty() {
            continue;
        }
        let w = text_size(text, font.size).0 as f64;
        let left = match font.anchor.h_pos {
            HPos::Left => *x as f64,
            HPos::Center => *x as f64 - w / 2.0,
            HPos::Right => *x as f64 - w,
        };
        let h = font.size * 0.8;
        let top = match font.anchor.v_pos {
            VPos::Top => *y as f64,
            VPos::Center => *y as f64 - h / 2.0,
            VPos::Bottom => *y as f64 - h,
        };
        boxes.push((left, left + w, top, top + h, text.as_str()));
    }
    boxes
}

/// The boxes of a drawing's point markers (circles, squares, triangles, diamonds, filled or
/// outlined), told from bars and lines by their size: at most `max` pixels across.
fn marker_boxes(drawing: &intro_status::chart::record::Drawing, max: f64) -> Vec<(f64, f64, f64, f64)> {
    use intro_status::chart::record::Op;
    let bbox = |pts: &[(i32, i32)]| {
        let xs = pts.iter().map(|p| p.0 as f64);
        let ys = pts.iter().map(|p| p.1 as f64);
        (xs.clone().fold(f64::MAX, f64::min), xs.fold(f64::MIN, f64::max), ys.clone().fold(f64::MAX, f64::min), ys.fold(f64::MIN, f64::max))
    };
    let mut boxes = Vec::new();
    for op in &drawing.ops {
        let b = match op {
            Op::Circle((x, y), r, _, _) => (*x as f64 - *r as f64, *x as f64 + *r as f64, *y as f64 - *r as f64, *y as f64 + *r as f64),
            Op::Rect(a, b, _, _) => bbox(&[*a, *b]),
            Op::Polygon(pts, _) => bbox(pts),
            // An outlined marker is a closed path; the lines are open ones.
            Op::Path(pts, _) if pts.len() > 2 && pts.first() == pts.last() => bbox(pts),
            _ => continue,
        };
        if b.1 - b.0 <= max && b.3 - b.2 <= max {
            boxes.push(b);
        }
    }
    boxes
}

fn overlap(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    a.0 < b.1 - 0.5 && b.0 < a.1 - 0.5 && a.2 < b.3 - 0.5 && b.2 < a.3 - 0.5
}

/// The widths and languages the chart tests draw every kommune's charts at: the full 720 px, and
/// 360, 330 and 300 px (phones), each in the widget's own layout for that width (its text no
/// smaller than 0.7 of its size at 360 px, 515 px's proportions below), in nb, nn and en.
const LAYOUTS: [(u32, Lang); 6] = [(720, Lang::Nb), (360, Lang::Nb), (720, Lang::Nn), (330, Lang::Nn), (310, Lang::Nb), (300, Lang::En)];

#[test]
fn the_layouts_are_the_widgets() {
    let l = layout(360.0, 3.0);
    assert_eq!((l.css_width, l.css_height, l.width, l.height), (360, 300, 1080, 900));
    // Text shrinks no further than to 0.75 of its size: 9 px for the smallest, 12 px.
    assert!((l.scale - 3.0 * 0.75).abs() < 1e-9, "{}", l.scale);
    assert_eq!((layout(1000.0, 1.0).css_width, layout(1000.0, 1.0).css_height, layout(1000.0, 1.0).scale), (720, 420, 1.0));
    assert_eq!(layout(0.0, 1.0).css_width, 720);
    assert!((layout(600.0, 1.0).scale - 600.0 / 720.0).abs() < 1e-9);
    assert!((layout(300.0, 1.0).scale - 0.75).abs() < 1e-9);
}

/// Issue 17, item 4: at every width the widget has (300 px and up), no text of any kommune's
/// chart, in any view, is drawn below 9 CSS pixels (the drawings here are at a pixel ratio of 1,
/// so a device pixel is a CSS pixel).
#[test]
fn chart_text_is_never_below_9_css_px() {
    use intro_status::chart::record::Op;
    let mut problems = Vec::new();
    let mut narrow = 0;
    each_chart(|chart, _, width, drawing| {
        narrow += (width <= 360) as usize;
        for op in &drawing.ops {
            if let Op::Text(text, font, _) = op {
                if font.size < 9.0 - 1e-9 && !text.is_empty() {
                    problems.push(format!("{chart}: «{text}» at {:.2} px", font.size));
                }
            }
        }
    });
    assert!(narrow > 0);
    problems.dedup();
    assert!(problems.is_empty(), "{} problems, e.g.:\n{}", problems.len(), problems.iter().take(40).cloned().collect::<Vec<_>>().join("\n"));
}

/// The texts of a drawing.
fn drawn_texts(drawing: &intro_status::chart::record::Drawing) -> Vec<String> {
    use intro_status::chart::record::Op;
    drawing.ops.iter().filter_map(|op| if let Op::Text(t, _, _) = op { Some(t.clone()) } else { None }).collect()
}

/// Issue 16: a share from fewer than ten completers is a hollow marker (the background's fill, an
/// edge in the line's colour), and the chart says what a hollow marker means; a place without
/// such a share has neither.
#[test]
fn small_numbers_are_hollow_and_said_so() {
    use intro_status::chart::record::Op;
    use intro_status::text::texts;
    let white = |op: &Op| matches!(op, Op::Circle(_, _, st, true) if (st.color.rgb) == (255, 255, 255));
    for lang in [Lang::Nb, Lang::Nn, Lang::En] {
        // Vinje: 2012's 100 % is from fewer than ten.
        let v = data(ViewKind::Goal, "4036");
        let drawing = draw(&v, lang, &LIGHT, 1.0, (720, 420));
        assert!(drawn_texts(&drawing).iter().any(|t| t == texts(lang).chart_small), "{lang:?}: the note on hollow markers");
        assert!(drawing.ops.iter().any(white), "{lang:?}: a hollow circle");
        let oslo = draw(&data(ViewKind::Goal, "0301"), lang, &LIGHT, 1.0, (720, 420));
        assert!(!drawn_texts(&oslo).iter().any(|t| t == texts(lang).chart_small));
        assert!(!oslo.ops.iter().any(white), "Oslo has no small share");
    }
}

/// Issue 16: a gap's label names its line ("Vinje: skjult"), in its colour.
#[test]
fn gap_labels_name_their_line() {
    let v = data(ViewKind::Goal, "4036");
    let nb = drawn_texts(&draw(&v, Lang::Nb, &LIGHT, 1.0, (720, 420)));
    assert!(nb.iter().any(|t| t == "Vinje: skjult"), "{nb:?}");
    assert!(!nb.iter().any(|t| t == "(skjult)"), "{nb:?}");
    let en = drawn_texts(&draw(&v, Lang::En, &LIGHT, 1.0, (720, 420)));
    assert!(en.iter().any(|t| t.starts_with("Vinje: ")), "{en:?}");
    let trondheim = drawn_texts(&draw(&data(ViewKind::Goal, "5001"), Lang::Nb, &LIGHT, 1.0, (720, 420)));
    assert!(trondheim.iter().any(|t| t == "Trondheim - Tråante: ikke summert"), "{trondheim:?}");
}

/// A named gap label ("Vinje: skjult") has no marker before it: floating in the plot above the
/// axis, a marker read as a point of the line. Every circle between the chart's highest and
/// lowest point is a point. And Vinje's lone peak at 100 % (2012, after 0 % in 2011) has its
/// value beside it: above is outside the plot, below is its own line.
#[test]
fn gap_labels_have_no_stray_markers_and_a_peak_keeps_its_value_off_its_line() {
    use intro_status::chart::record::Op;
    let v = data(ViewKind::Goal, "4036");
    for size in [(360, 300), (720, 420)] {
        let d = draw(&v, Lang::Nb, &LIGHT, 1.0, size);
        let (top, bottom) = (d.hits.iter().map(|h| h.y).min().unwrap(), d.hits.iter().map(|h| h.y).max().unwrap());
        let stray: Vec<_> = d
            .ops
            .iter()
            .filter_map(|op| if let Op::Circle(c, ..) = op { Some(*c) } else { None })
            .filter(|c| c.1 > top && c.1 < bottom && !d.hits.iter().any(|h| (h.x - c.0).abs() <= 1 && (h.y - c.1).abs() <= 1))
            .collect();
        assert!(stray.is_empty(), "{size:?}: circles that are not points: {stray:?}");
        let peak = d.hits.iter().find(|h| h.text.starts_with("Vinje") && h.text.contains("2012")).unwrap();
        assert!(peak.text.contains("100 prosent"), "{}", peak.text);
        // The value's «100 %», not the axis's (left of the plot).
        let label = d.ops.iter().filter_map(|op| if let Op::Text(t, _, at) = op { (t.starts_with("100") && t.ends_with('%')).then_some(*at) } else { None }).max().unwrap();
        assert!(label.0 > peak.x + 4 && (label.1 - peak.y).abs() <= 2, "{size:?}: «100 %» at {label:?}, the point at {:?}", (peak.x, peak.y));
    }
}

/// A gap's label stands at its cohort: Herøy (Møre og Romsdal) has three gaps (2010 suppressed,
/// 2011 and 2013 nobody finished: SSB's `:` and zeros), and a named label that the plot's edge
/// would push under another cohort gives way to the short word (on a phone, both 2010's and
/// 2011's stood at the left edge, beside 2010).
#[test]
fn each_gap_label_stands_at_its_own_cohort() {
    use intro_status::chart::record::{text_size, Op};
    let v = data(ViewKind::Goal, "1515");
    for width in [360, 720] {
        let l = layout(width as f64, 1.0);
        let d = draw(&v, Lang::Nb, &LIGHT, l.scale, (width, l.height));
        let texts: Vec<(&str, f64, (i32, i32))> = d.ops.iter().filter_map(|op| if let Op::Text(t, f, at) = op { Some((t.as_str(), f.size, *at)) } else { None }).collect();
        let year_x = |y: &str| texts.iter().find(|(t, ..)| *t == y).map(|(_, _, at)| at.0).unwrap_or_else(|| panic!("{width} px: no label {y}"));
        let xs = ["2010", "2011", "2012", "2013"].map(year_x);
        let half_step = (xs[1] - xs[0]) / 2;
        let mut at_years: Vec<(&str, usize)> = texts
            .iter()
            .filter(|(t, ..)| ["skjult", "ingen"].iter().any(|w| *t == *w || t.ends_with(&format!(": {w}"))))
            .map(|&(t, size, at)| {
                let centre = at.0 + text_size(t, size).0 as i32 / 2;
                let (year, x) = xs.iter().enumerate().min_by_key(|(_, x)| (**x - centre).abs()).unwrap();
                // A short word's marker stands before it: its centre lies a little right of the pair's.
                assert!((x - centre).abs() <= half_step, "{width} px: «{t}» centred at {centre}, its nearest cohort at {x}");
                (t.rsplit(' ').next().unwrap(), year)
            })
            .collect();
        at_years.sort_by_key(|&(_, year)| year);
        assert_eq!(at_years, [("skjult", 0), ("ingen", 1), ("ingen", 3)], "{width} px");
    }
}

/// Issue 16: where today's kommune cannot be summed from its former kommuner, the uncertainty
/// and similar views show each former kommune's own figure, by name, in words, table and chart.
#[test]
fn merged_kommuner_that_cannot_be_summed_show_their_former_kommuner() {
    for kind in [ViewKind::Uncertainty, ViewKind::Similar] {
        let v = data(kind, "5001");
        let text = v.text(Lang::Nb);
        assert!(text.summary.contains("tidligere Trondheim"), "{kind:?}: {}", text.summary);
        assert!(text.table.rows.iter().any(|r| r[0].starts_with("tidligere Trondheim") && r[3] != "–"), "{kind:?}: {:?}", text.table.rows);
        assert!(text.table.rows.iter().any(|r| r[0].starts_with("tidligere Klæbu")), "{kind:?}");
        let drawn = drawn_texts(&draw(&v, Lang::Nb, &LIGHT, 1.0, (720, 420)));
        assert!(drawn.iter().any(|t| t.starts_with("tidligere Trondheim")), "{kind:?}: {drawn:?}");
    }
}

/// Every kommune's figures in every view, computed once for the tests that draw them all (the
/// fixture is not the embedded data, whose shared figures the core keeps: computing them is a
/// good part of drawing every chart).
fn every_view() -> &'static [(String, ViewKind, ViewData)] {
    static ALL: std::sync::OnceLock<Vec<(String, ViewKind, ViewData)>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| ds().map.kommuner.iter().flat_map(|k| ViewKind::ALL.map(|kind| (k.code.clone(), kind, data(kind, &k.code)))).collect())
}

/// Draws every kommune's chart in every view at every one of [`LAYOUTS`] and hands each drawing
/// to `check`, with a name for it ("0301 Goal Nb at 720 px") and its scale and width.
fn each_chart(mut check: impl FnMut(&str, f64, u32, &intro_status::chart::record::Drawing)) {
    let views = every_view();
    assert_eq!(views.len(), ds().map.kommuner.len() * ViewKind::ALL.len());
    for (code, kind, v) in views {
        for (width, lang) in LAYOUTS {
            let l = layout(width as f64, 1.0);
            let (height, scale) = (l.height, l.scale);
            let drawing = draw(v, lang, &LIGHT, scale, (width, height));
            check(&format!("{code} {kind:?} {lang:?} at {width} px"), scale, width, &drawing);
        }
    }
}

/// Every text of every kommune's chart in every view (the longest names, fylke names and
/// gap notes among them) lies inside the drawing, and no two texts overlap.
#[test]
fn chart_text_stays_inside_the_drawing_and_apart() {
    let mut problems = Vec::new();
    each_chart(|chart, _, width, drawing| {
        let boxes = text_boxes(drawing);
        for (i, &(left, right, top, bottom, text)) in boxes.iter().enumerate() {
            if left < -0.5 || right > width as f64 + 0.5 {
                problems.push(format!("{chart}: «{text}» runs from {left:.0} to {right:.0}"));
            }
            for &(l, r, t, b, other) in &boxes[..i] {
                if overlap((left, right, top, bottom), (l, r, t, b)) {
                    problems.push(format!("{chart}: «{text}» overlaps «{other}»"));
                }
            }
        }
    });
    problems.dedup();
    assert!(problems.is_empty(), "{} problems, e.g.:\n{}", problems.len(), problems.iter().take(80).cloned().collect::<Vec<_>>().join("\n"));
}

/// No text of any kommune's chart, in any view, lies on a point's marker: a value written over
/// another line's square or triangle cannot be read (the table has every value the chart leaves
/// out). Markers are at most 14 px across at 720 px.
#[test]
fn chart_text_keeps_clear_of_markers() {
    let mut problems = Vec::new();
    let mut values = 0;
    each_chart(|chart, scale, _, drawing| {
        let markers = marker_boxes(drawing, 14.0 * scale);
        for (left, right, top, bottom, text) in text_boxes(drawing) {
            values += text.ends_with('%') as usize;
            if markers.iter().any(|&m| overlap((left, right, top, bottom), m)) {
                problems.push(format!("{chart}: «{text}» lies on a marker"));
            }
        }
    });
    // Sanity: the check sees markers at all (Oslo's goal chart has Oslo's, the country's).
    let oslo = draw(&data(ViewKind::Goal, "0301"), Lang::Nb, &LIGHT, 1.0, (720, 420));
    assert!(marker_boxes(&oslo, 14.0).len() >= 8, "{}", marker_boxes(&oslo, 14.0).len());
    eprintln!("{values} texts ending in % checked");
    assert!(problems.is_empty(), "{} problems, e.g.:\n{}", problems.len(), problems.iter().take(40).cloned().collect::<Vec<_>>().join("\n"));
}

/// The axes' key points (`chart::key_points`, written to spare the wasm a power function) are
/// plotters' own, point for point, over the spans the charts use and many more: whole and
/// fractional, negative, tiny and large, with any number of points allowed.
#[test]
fn key_points_are_plotters_own() {
    use plotters::coord::ranged1d::Ranged;
    use plotters::coord::types::RangedCoordf64;
    let ends = [-1e6, -1234.5, -100.0, -7.25, -0.6, -0.5, -0.013, 0.0, 0.004, 0.3, 0.5, 1.0, 2.5, 9.0, 10.0, 17.5, 99.9, 100.0, 101.0, 356.0, 1000.0, 2011.5, 2025.5, 65_536.0, 3.3e7];
    let mut compared = 0;
    for &a in &ends {
        for &b in &ends {
            if a >= b {
                continue;
            }
            for max in [0, 1, 2, 3, 5, 6, 7, 10, 11, 12, 21, 31, 100] {
                let theirs = RangedCoordf64::from(a..b).key_points(max);
                assert_eq!(intro_status::chart::key_points(a, b, max), theirs, "{a}..{b}, at most {max}");
                compared += 1;
            }
        }
    }
    // The line charts' x axis, one step either side of the cohorts (or years after), with a
    // label allowed at each: the whole numbers plotters gave when that axis was of integers.
    use plotters::coord::types::RangedCoordi32;
    for first in (1..=6).chain(2005..=2026) {
        for last in first..first + 16 {
            let ints: Vec<f64> = RangedCoordi32::from(first - 1..last + 1).key_points((last - first + 3) as usize).into_iter().map(f64::from).collect();
            assert_eq!(intro_status::chart::key_points((first - 1) as f64, (last + 1) as f64, (last - first + 3) as usize), ints, "{first}..={last}");
        }
    }
    // The per-cent axis of every chart: 0–100 with six labels.
    assert_eq!(intro_status::chart::key_points(0.0, 100.0, 6), [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
    assert!(compared > 3000);
}
