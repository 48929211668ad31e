//! The map view (issue 19) on the frozen fixture: every one of today's 357 kommuner drawn once,
//! outlined when chosen, found again where a pointer lands on it; its colour class from the
//! same pooled counts the ranking sums from the cells; the patterned classes for too few, nobody
//! and not summable; the words in nb, nn and en for the long tail.

mod common;

use common::{data, fixture as ds, open};
use intro_status::chart::record::{at, Op};
use intro_status::chart::{svg_of, DARK, LIGHT};
use intro_status::text::Lang;
use intro_status::views::map::{Class, MapView};
use intro_status::views::ranking::MIN_FINISHED;
use intro_status::views::{ViewData, ViewKind};

fn map(code: &str) -> MapView {
    let ViewData::Map(v) = data(ViewKind::Map, code) else { panic!("{code}") };
    v
}

#[test]
fn every_kommune_is_drawn_once_outlined_when_chosen_and_found_under_the_pointer() {
    let ds = ds();
    assert_eq!(ds.map.kommuner.len(), 357);
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("map");
    std::fs::create_dir_all(&dir).unwrap();
    for (n, k) in ds.map.kommuner.iter().enumerate() {
        // Every kommune chosen once, at desktop size; every tenth also on a phone and in the dark.
        let sizes: &[((u32, u32), f64, bool)] = if n % 10 == 0 { &[((720, 420), 1.0, false), ((1080, 900), 2.25, true)] } else { &[((720, 420), 1.0, false)] };
        for &(size, scale, dark) in sizes {
            let o = open(ViewKind::Map, &k.code, None, Lang::Nb);
            let theme = if dark { &DARK } else { &LIGHT };
            let d = o.drawing(theme, scale, size);
            let picks: Vec<&str> = d.hits.iter().filter_map(|h| h.pick.as_deref()).collect();
            assert_eq!(picks.len(), 357, "{}: every kommune is a point", k.code);
            for other in &ds.map.kommuner {
                assert_eq!(picks.iter().filter(|&&p| p == other.code).count(), 1, "{} on the map of {}", other.code, k.code);
            }
            // The chosen one last (where the keyboard starts), and outlined: a line in the text's
            // colour along one of its own outlines.
            let chosen = d.hits.last().unwrap();
            assert_eq!(chosen.pick.as_deref(), Some(k.code.as_str()));
            assert!(!chosen.area.is_empty(), "{} has an outline", k.code);
            // Its tooltip, said by the view when shown (not written at every draw).
            assert!(chosen.text.is_empty());
            assert!(o.tip(chosen).starts_with(&format!("{} (", k.name)), "{}", o.tip(chosen));
            let ink = theme.text;
            let outlined = d.ops.iter().any(|op| match op {
                Op::Path(points, stroke) => {
                    let (r, g, b) = stroke.color.rgb;
                    (r, g, b) == (ink.0, ink.1, ink.2) && stroke.width == (2.0 * scale).round() as u32 && chosen.area.iter().any(|ring| points.len() == ring.len() + 1 && points[..ring.len()] == ring[..])
                }
                _ => false,
            });
            assert!(outlined, "{} outlined", k.code);
            // Where a pointer lands on a kommune's point, it is on that kommune, but for a kommune
            // a few pixels across, whose outline rounding to whole pixels may miss.
            // (or on a kommune a few pixels across beside it).
            let tiny = |h: &intro_status::chart::record::Hit| {
                let (x0, x1) = h.area.iter().flatten().fold((i32::MAX, i32::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
                let (y0, y1) = h.area.iter().flatten().fold((i32::MAX, i32::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
                (x1 - x0).min(y1 - y0) < (6.0 * scale) as i32
            };
            let mut missed = 0;
            for (i, h) in d.hits.iter().enumerate().filter(|_| n % 10 == 0) {
                let found = at(&d.hits, h.x, h.y);
                if found != Some(i) {
                    missed += 1;
                    assert!(tiny(h) || found.is_some_and(|j| tiny(&d.hits[j])), "{:?} at its own point on the map of {} ({found:?})", h.pick, k.code);
                }
            }
            assert!(missed <= 12, "{missed} kommuner missed at their own points on the map of {}", k.code);
        }
        if ["0301", "4601", "5001", "4036", "1151", "3201"].contains(&k.code.as_str()) {
            let o = open(ViewKind::Map, &k.code, None, Lang::Nb);
            std::fs::write(dir.join(format!("{}.svg", k.code)), o.svg(&LIGHT, 720, 420)).unwrap();
            // A phone's chart: 360 × 300 CSS pixels, text at 0.75.
            std::fs::write(dir.join(format!("{}-phone.svg", k.code)), svg_of(o.drawing(&DARK, 0.75, (360, 300)))).unwrap();
        }
    }
}

#[test]
fn each_kommune_is_coloured_by_the_pooled_counts_the_ranking_ranks() {
    let v = map("4601");
    let ViewData::Ranking(r) = data(ViewKind::Ranking, "4601") else { panic!() };
    assert_eq!(v.cohorts, [2011, 2012, 2013]);
    assert_eq!(v.kommuner.len(), 357);
    let shared = v.kommuner.iter().filter(|k| matches!(k.class, Class::Share(_))).count();
    assert_eq!(shared, r.ranked.len(), "coloured exactly where ranked");
    for ranked in &r.ranked {
        let m = v.kommuner.iter().find(|k| k.code == ranked.code).unwrap();
        let e = &m.pooled.as_ref().unwrap().estimate;
        assert_eq!((e.count, e.finished), (ranked.estimate.count, ranked.estimate.finished), "{}", m.code);
        let class = [40, 50, 60, 70].iter().filter(|&&b| e.count * 100 >= b * e.finished).count() as u8;
        assert_eq!(m.class, Class::Share(class), "{}", m.code);
    }
    for m in v.kommuner.iter().filter(|k| !matches!(k.class, Class::Share(_))) {
        assert!(m.pooled.as_ref().is_none_or(|p| p.estimate.finished < MIN_FINISHED || m.class == Class::NotSummable), "{}", m.code);
    }
    // Bergen: 2011–2013 pooled from the fixture's cells, as the ranking's tests check them.
    let bergen = &v.kommuner[v.chosen.unwrap()];
    assert_eq!(bergen.code, "4601");
    let e = &bergen.pooled.as_ref().unwrap().estimate;
    assert!(e.finished >= MIN_FINISHED);
    // Every class the legend names is on the real map.
    for c in Class::ALL {
        assert!(v.kommuner.iter().any(|k| k.class == c), "{c:?} on the map");
    }
}

#[test]
fn the_words_say_the_spread_and_the_chosen_kommunes_class_in_three_languages() {
    let text = |code: &str, lang| open(ViewKind::Map, code, None, lang).text();
    let v = map("4601");
    let count = |f: &dyn Fn(Class) -> bool| v.kommuner.iter().filter(|k| f(k.class)).count();
    let top = count(&|c| c == Class::Share(4));
    let few = count(&|c| c == Class::TooFew);
    let nb = text("4601", Lang::Nb);
    assert!(nb.title.starts_with("Bergen og de andre kommunene på kartet, 2011–2013"), "{}", nb.title);
    assert!(nb.summary.starts_with("I Bergen var "), "{}", nb.summary);
    assert!(nb.summary.contains(&format!("Av de 357 kommunene har {top} minst 70 prosent")), "{}", nb.summary);
    assert!(nb.summary.contains(&format!("og {few} for få deltakere til å vises")), "{}", nb.summary);
    assert_eq!(nb.table.rows.len(), 357);
    // For a page that asks for the rows when it shows them: all the same but the rows.
    let (brief, left_out) = open(ViewKind::Map, "4601", None, Lang::Nb).text_without_rows();
    assert!(left_out && brief.table.rows.is_empty());
    assert_eq!((&brief.title, &brief.summary, &brief.notes, &brief.table.headers, &brief.table.footnotes), (&nb.title, &nb.summary, &nb.notes, &nb.table.headers, &nb.table.footnotes));
    assert!(!open(ViewKind::Goal, "4601", None, Lang::Nb).text_without_rows().1);
    assert!(nb.notes.iter().any(|n| n.contains("© Kartverket")));
    let en = text("4601", Lang::En);
    assert!(en.summary.starts_with("In Bergen, "), "{}", en.summary);
    assert!(en.summary.contains("Of the 357 municipalities"), "{}", en.summary);
    let nn = text("4601", Lang::Nn);
    assert!(nn.summary.contains("Av dei 357 kommunane"), "{}", nn.summary);
    // The long tail: a kommune for each patterned class says why it has no colour.
    for (class, nb_words, en_words) in [
        (Class::TooFew, "for få deltakere til å få en farge", "too few participants to be coloured"),
        (Class::NoCompleters, "Ingen avsluttet introduksjonsprogrammet i", "Nobody finished the introduction programme in"),
        (Class::NotSummable, "får ingen farge på kartet", "is not coloured on the map"),
    ] {
        let k = v.kommuner.iter().find(|k| k.class == class).unwrap();
        let (nb, en) = (text(&k.code, Lang::Nb), text(&k.code, Lang::En));
        assert!(nb.summary.contains(nb_words) && nb.summary.contains(&k.name), "{}: {}", k.code, nb.summary);
        assert!(en.summary.contains(en_words), "{}: {}", k.code, en.summary);
    }
    // A bydel: its kommune is marked.
    let bydel = text("030101", Lang::Nb);
    assert!(bydel.summary.starts_with("Kartet viser kommuner; Gamle Oslo ligger i Oslo."), "{}", bydel.summary);
    assert!(bydel.title.starts_with("Oslo og de andre"), "{}", bydel.title);
}

#[test]
fn a_map_drawn_again_at_the_same_size_is_the_same_drawing() {
    // The outlines in pixels are kept from the last map drawn: drawn again (kept), after another
    // size (made anew), after another kommune and theme (kept), the drawing is the same.
    let (bergen, vinje) = (open(ViewKind::Map, "4601", None, Lang::Nb), open(ViewKind::Map, "4036", None, Lang::En));
    let drawn = |o: &intro_status::views::Opened, theme, scale, size| {
        let d = o.drawing(theme, scale, size);
        (d.hits.clone(), svg_of(d))
    };
    let first = drawn(&bergen, &LIGHT, 1.0, (720, 420));
    assert_eq!(drawn(&bergen, &LIGHT, 1.0, (720, 420)), first);
    let phone = drawn(&vinje, &DARK, 3.0, (1080, 900));
    assert_ne!(phone, first);
    assert_eq!(drawn(&bergen, &LIGHT, 1.0, (720, 420)), first);
    let _ = drawn(&vinje, &DARK, 1.0, (720, 420));
    assert_eq!(drawn(&bergen, &LIGHT, 1.0, (720, 420)), first);
    assert_eq!(drawn(&vinje, &DARK, 3.0, (1080, 900)), phone);
}
