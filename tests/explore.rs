//! Every point explorable (issue 18): the hits each chart records beside its drawing — where a
//! reader's pointer or the arrow keys find a point, and what its tooltip says. On the frozen
//! fixture: each hit lies on something the same drawing drew, inside the chart; the goal view
//! has one per published point of every line; the tooltips carry the real figures (Bergen's
//! 2013: 115 of 203; the country's: 2 388 of 3 842) with their interval and source, in nb, nn
//! and en; and every view of the long tail (Vinje, Sokndal, a bydel) has points or says why not.

mod common;

use common::{data, draw, open};
use intro_status::chart::record::Op;
use intro_status::chart::LIGHT;
use intro_status::outcome::Share;
use intro_status::text::Lang;
use intro_status::views::{ViewData, ViewKind};

/// The corners of what an op covers, in device pixels.
fn extent(op: &Op) -> Option<((i32, i32), (i32, i32))> {
    let of = |pts: &[(i32, i32)]| {
        let (xs, ys) = (pts.iter().map(|p| p.0), pts.iter().map(|p| p.1));
        Some(((xs.clone().min()?, ys.clone().min()?), (xs.max()?, ys.max()?)))
    };
    match op {
        Op::Circle(c, r, _, _) => Some(((c.0 - *r as i32, c.1 - *r as i32), (c.0 + *r as i32, c.1 + *r as i32))),
        Op::Rect(a, b, _, _) => Some(((a.0.min(b.0), a.1.min(b.1)), (a.0.max(b.0), a.1.max(b.1)))),
        Op::Polygon(pts, _) | Op::Path(pts, _) => of(pts),
        Op::Line(a, b, _) => of(&[*a, *b]),
        _ => None,
    }
}

#[test]
fn every_hit_lies_on_the_drawing() {
    for code in ["4601", "4036", "0301", "030101", "1111", "5001"] {
        for kind in ViewKind::ALL {
            let Some(v) = common::view(kind, code, None) else { continue };
            for (size, scale) in [((720, 420), 1.0), ((1080, 1188), 3.0)] {
                let d = draw(&v, Lang::Nb, &LIGHT, scale, size);
                for h in &d.hits {
                    assert!(h.x >= 0 && h.y >= 0 && h.x <= size.0 as i32 && h.y <= size.1 as i32, "{code} {kind:?}: {h:?} outside");
                    let on = d.ops.iter().filter_map(extent).any(|(a, b)| a.0 - 2 <= h.x && h.x <= b.0 + 2 && a.1 - 2 <= h.y && h.y <= b.1 + 2);
                    assert!(on, "{code} {kind:?} at {scale}: {h:?} lies on nothing drawn");
                    // A map's kommune says its tooltip when shown (`tip`), not at every draw.
                    let text = match &h.pick {
                        Some(pick) if h.text.is_empty() => v.tip(pick, Lang::Nb).unwrap_or_default(),
                        _ => h.text.clone(),
                    };
                    assert!(text.ends_with('.') && !text.contains("{"), "{code} {kind:?}: {text}");
                }
            }
        }
    }
}

#[test]
fn the_goal_view_has_a_point_for_every_published_figure_with_its_counts() {
    let v = data(ViewKind::Goal, "4601");
    let ViewData::Goal(g) = &v else { panic!() };
    let published = |points: &[Share]| points.iter().filter(|s| s.percent().is_some()).count();
    let lines = published(&g.kommune.points) + published(&g.land.points) + g.fylke.as_ref().map_or(0, |f| published(&f.series.points));
    let d = draw(&v, Lang::Nb, &LIGHT, 1.0, (720, 420));
    assert_eq!(d.hits.len(), lines);
    // The keyboard starts at the last: the place's newest point.
    let last = d.hits.last().unwrap();
    assert_eq!(
        last.text,
        "Bergen, avsluttet 2013: 57 prosent (115 av 203); 95 prosent usikkerhetsintervall 49,8–63,3 prosent. Kilde: SSB tabell 10824."
    );
    // The national 2013 row of SSB 10824 (status year 2014): 2 388 of 3 842, 62 %.
    assert!(d.hits.iter().any(|h| h.text.starts_with("Hele landet, avsluttet 2013: 62 prosent (2\u{a0}388 av 3\u{a0}842); 95 prosent")), "{:#?}", d.hits);
    // The country's later years: percent only, with the publication's host.
    assert!(d.hits.iter().any(|h| h.text == "Hele landet, avsluttet 2014: 58 prosent. Kilde: norwaytoday.info."));
    // Each line its own series, the later panel one more.
    let mut series: Vec<u16> = d.hits.iter().map(|h| h.series).collect();
    series.dedup();
    assert!(series.len() >= 4, "{series:?}");
}

#[test]
fn tooltips_speak_each_language_and_every_view_has_points() {
    let en = open(ViewKind::Goal, "4601", None, Lang::En).drawing(&LIGHT, 1.0, (720, 420));
    assert_eq!(en.hits.last().unwrap().text, "Bergen, finished 2013: 57 per cent (115 of 203); 95 per cent interval 49.8–63.3 per cent. Source: SSB table 10824.");
    let nn = open(ViewKind::Status, "4601", None, Lang::Nn).drawing(&LIGHT, 1.0, (720, 420));
    assert!(nn.hits[0].text.starts_with("Bergen, avslutta 2013: 57 prosent (115 av 203); 95 prosent uvisseintervall"), "{}", nn.hits[0].text);
    // Every view has something to explore for a kommune with figures; the ranking names the rank.
    for kind in ViewKind::ALL {
        let d = open(kind, "4601", None, Lang::Nb).drawing(&LIGHT, 1.0, (720, 420));
        assert!(!d.hits.is_empty(), "{kind:?}");
    }
    let r = open(ViewKind::Ranking, "4601", None, Lang::Nb).drawing(&LIGHT, 1.0, (720, 420));
    assert!(r.hits.last().unwrap().text.starts_with("Bergen (nr. "), "{}", r.hits.last().unwrap().text);
    // Sokndal (nobody finished): nothing to point at in its goal view but the country's line.
    let d = open(ViewKind::Goal, "1111", None, Lang::Nb).drawing(&LIGHT, 1.0, (720, 420));
    assert!(d.hits.iter().all(|h| !h.text.starts_with("Sokndal")), "{:#?}", d.hits);
}
