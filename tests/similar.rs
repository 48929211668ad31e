//! The similar view on the frozen fixture: peers are kommuner with between half and twice the
//! chosen place's number who finished, summed from published counts over the same cohorts (those
//! in which the place's counts are published), nearest first, at most five — checked against sums
//! of the fixture's cells made here, independently of the view — and what the view says with
//! none, one and several peers, in nb, nn and en.

mod common;

use common::{source_rows, data, fixture as ds, flat, open, svg, view};
use intro_status::chart::LIGHT;
use intro_status::data::{cell_index, Cell, Dataset, Gender, Level, RegionData, Status, Unit};
use intro_status::place::Place;
use intro_status::text::Lang;
use intro_status::views::similar::{similar_view, Missing, SimilarView, MAX_PEERS};
use intro_status::views::{ViewData, ViewKind, ViewText};

const LANGS: [Lang; 3] = [Lang::Nb, Lang::Nn, Lang::En];

/// The cohorts the fixture follows one year after: status years 2011–2014.
const COHORTS: [u16; 4] = [2010, 2011, 2012, 2013];

fn similar(code: &str) -> SimilarView {
    let ViewData::Similar(v) = data(ViewKind::Similar, code) else { panic!("{code}") };
    v
}

fn text(v: &SimilarView, lang: Lang) -> ViewText {
    ViewData::Similar(v.clone()).text(lang)
}

/// (in work or education, finished) for a cohort, summed over the rows that have a row that year,
/// where each publishes both counts; `None` otherwise.
fn counts(rows: &[&RegionData], cohort: u16) -> Option<(u32, u32)> {
    let year = cohort + 1;
    let present: Vec<&&RegionData> = rows.iter().filter(|r| r.years.contains_key(&year)).collect();
    if present.is_empty() {
        return None;
    }
    let (mut x, mut n) = (0, 0);
    for r in present {
        let cell = |s| r.years[&year][cell_index(1, Gender::Alle, s, Unit::Count)];
        match (cell(Status::Alle), cell(Status::Arbutd)) {
            (Cell::Value(f), Cell::Value(a)) => {
                n += f as u32;
                x += a as u32;
            }
            _ => return None,
        }
    }
    Some((x, n))
}

/// The sum over `cohorts`, if every one is published.
fn sum(rows: &[&RegionData], cohorts: &[u16]) -> Option<(u32, u32)> {
    cohorts.iter().try_fold((0, 0), |(x, n), &c| counts(rows, c).map(|(cx, cn)| (x + cx, n + cn)))
}

/// How far a number who finished is from the place's, as a ratio (0 for as many).
fn distance(p: u32, n: u32) -> f64 {
    (p as f64 / n as f64).ln().abs()
}

/// What the view must show for a place, made from the cells: the cohorts, its own sum, and every
/// kommune that qualifies with its sum.
struct Expected {
    cohorts: Vec<u16>,
    own: (u32, u32),
    qualifying: Vec<(String, (u32, u32))>,
}

fn expected(ds: &Dataset, code: &str) -> Expected {
    let own_rows = source_rows(ds, code);
    let cohorts: Vec<u16> = COHORTS.into_iter().filter(|&c| counts(&own_rows, c).is_some()).collect();
    let own = sum(&own_rows, &cohorts).unwrap_or((0, 0));
    let n = own.1 as f64;
    let qualifying = ds
        .map
        .kommuner
        .iter()
        .filter(|k| k.code != code && own.1 > 0)
        .filter_map(|k| Some((k.code.clone(), sum(&source_rows(ds, &k.code), &cohorts)?)))
        .filter(|(_, (_, p))| (n / 2.0..=2.0 * n).contains(&(*p as f64)))
        .collect();
    Expected { cohorts, own, qualifying }
}

/// Checks a place's view against sums made from the cells; returns the number of peers.
fn check_against_cells(ds: &Dataset, v: &SimilarView, code: &str) -> usize {
    let e = expected(ds, code);
    if e.own.1 == 0 {
        assert!(v.own.is_none() && v.peers.is_empty() && v.range.is_none() && v.missing.is_some(), "{code}: no completers, no peers");
        return 0;
    }
    let own = v.own.as_ref().unwrap_or_else(|| panic!("{code}: {} finished, but no figure", e.own.1));
    assert_eq!((own.cohorts.as_slice(), own.estimate.count, own.estimate.finished), (e.cohorts.as_slice(), e.own.0, e.own.1), "{code}: own sum");
    assert_eq!(v.cohorts, e.cohorts, "{code}: the cohorts");
    let n = e.own.1;
    assert_eq!(v.range, Some((n.div_ceil(2), 2 * n)), "{code}: the range");
    assert_eq!(v.qualifying, e.qualifying.len(), "{code}: how many qualify");
    assert_eq!(v.peers.len(), e.qualifying.len().min(MAX_PEERS), "{code}: how many are shown");
    assert!(v.peers.len() <= 5);
    let mut farthest = 0.0f64;
    for p in &v.peers {
        assert_ne!(p.code, code, "{code} is its own peer");
        let (_, (x, f)) = e.qualifying.iter().find(|(c, _)| *c == p.code).unwrap_or_else(|| panic!("{code}: {} does not qualify", p.code));
        // Over the same cohorts, the same sums as the cells give, within the factor of two.
        assert_eq!(p.pooled.cohorts, e.cohorts, "{code}: {} over other cohorts", p.code);
        assert_eq!((p.pooled.estimate.count, p.pooled.estimate.finished), (*x, *f), "{code}: {}", p.code);
        assert!(2 * f >= n && *f <= 2 * n, "{code}: {} has {f} against {n}", p.code);
        // Nearest first.
        let d = distance(*f, n);
        assert!(d >= farthest - 1e-12, "{code}: {} is out of order", p.code);
        farthest = d;
    }
    // None left out is nearer than the farthest shown.
    for (c, (_, f)) in e.qualifying.iter().filter(|(c, _)| !v.peers.iter().any(|p| p.code == *c)) {
        assert!(distance(*f, n) >= farthest - 1e-12, "{code}: {c} ({f}) is nearer than the peers");
    }
    v.peers.len()
}

#[test]
fn the_fixture_is_what_these_tests_assume() {
    assert_eq!(ds().status_years(), [2011, 2012, 2013, 2014]);
    // Where nobody finished, nobody is counted in work or education either: a real zero is a
    // published count of 0 both ways, so "published counts" means the same to view and test.
    for r in &ds().regions {
        for cells in r.years.values() {
            if cells[cell_index(1, Gender::Alle, Status::Alle, Unit::Count)] == Cell::Value(0) {
                assert_eq!(cells[cell_index(1, Gender::Alle, Status::Arbutd, Unit::Count)], Cell::Value(0), "{}", r.region.code);
            }
        }
    }
}

#[test]
fn peers_are_within_a_factor_of_two_over_the_same_cohorts() {
    // Oslo and Bergen (one peer each: each other), small kommuner (Lødingen 3 finished, Vinje 4),
    // Sarpsborg (24 qualify, five shown), Stavanger (a merger published in 2010 only), no
    // completers (Sokndal), divided (Sandefjord), a bydel.
    let named = [("0301", 1), ("4601", 1), ("1851", 2), ("4036", 4), ("3105", 5), ("1103", 5), ("1111", 0), ("3907", 0), ("030101", 5)];
    for (code, peers) in named {
        let v = similar(code);
        assert_eq!(check_against_cells(ds(), &v, code), peers, "{code}");
    }
    // And every other kommune and bydel of the fixture.
    let mut shown = [0; MAX_PEERS + 1];
    let bydeler = ds().regions.iter().filter(|r| r.region.level == Level::Bydel).map(|r| r.region.code.clone());
    for code in ds().map.kommuner.iter().map(|k| k.code.clone()).chain(bydeler) {
        let v = similar(&code);
        shown[check_against_cells(ds(), &v, &code)] += 1;
    }
    // Every count of peers occurs (0 only where there is nothing to compare by).
    assert!(shown.iter().all(|&s| s > 0), "{shown:?}");
}

#[test]
fn oslo_has_one_peer_and_says_why_not_more() {
    let v = similar("0301");
    assert_eq!(v.peers.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Bergen"]);
    let nb = text(&v, Lang::Nb);
    assert_eq!(nb.title, "Oslo og én kommune med omtrent like mange deltakere");
    assert_eq!(
        nb.summary,
        "I Oslo avsluttet 1\u{a0}030 introduksjonsprogrammet i 2010–2013, og 59,3 prosent av dem var i arbeid eller utdanning ett år etter. \
         I 2010–2013 hadde bare én annen kommune mellom 515 og 2\u{a0}060 som avsluttet: Bergen 57,1 prosent av 863."
    );
    assert_eq!(
        nb.notes,
        [
            "Omtrent like mange betyr mellom halvparten og dobbelt så mange som avsluttet som i Oslo; de nærmeste vises først, høyst fem. \
             Alle tallene er summer av publiserte antall for de samme årene: årene der Oslo har publiserte antall (2010–2013). \
             En kommune er bare med hvis den har publiserte antall for hvert av disse årene.",
            "Bare én annen kommune hadde publiserte antall for 2010–2013 og mellom 515 og 2\u{a0}060 som avsluttet.",
        ]
    );
    let nn = text(&v, Lang::Nn);
    assert_eq!(nn.title, "Oslo og ein kommune med om lag like mange deltakarar");
    assert!(nn.summary.ends_with("I 2010–2013 hadde berre ein annan kommune mellom 515 og 2\u{a0}060 som avslutta: Bergen 57,1 prosent av 863."), "{}", nn.summary);
    assert_eq!(nn.notes[1], "Berre ein annan kommune hadde publiserte tal for 2010–2013 og mellom 515 og 2\u{a0}060 som avslutta.");
    let en = text(&v, Lang::En);
    assert_eq!(en.title, "Oslo and one municipality with about as many participants");
    assert_eq!(
        en.summary,
        "In Oslo, 1,030 finished the introduction programme in 2010–2013, and 59.3 per cent of them were in work or education one year later. \
         In 2010–2013, only one other municipality had between 515 and 2,060 who finished: Bergen 57.1 per cent of 863."
    );
    assert_eq!(en.notes[1], "Only one other municipality had published counts for 2010–2013 and between 515 and 2,060 who finished.");
    // The table: Oslo, then Bergen, over the same cohorts, under a caption with the range.
    assert_eq!(nb.table.caption, "Oslo og kommuner med mellom 515 og 2\u{a0}060 som avsluttet i 2010–2013");
    assert_eq!(en.table.caption, "Oslo and municipalities with between 515 and 2,060 who finished in 2010–2013");
    assert_eq!(nb.table.rows.len(), 2);
    assert_eq!(nb.table.rows[1], ["Bergen", "2010–2013", "493", "863", "57,1", "53,8", "60,4"]);
}

/// The fixture with Bergen's count in work or education for cohort 2010 suppressed: Oslo's one
/// peer no longer has published counts for all of Oslo's cohorts, so Oslo has none.
fn without_bergen_2010() -> Dataset {
    let mut ds = ds().clone();
    let bergen: Vec<String> = ds.map.kommuner.iter().find(|k| k.code == "4601").unwrap().sources.iter().map(|s| s.code.clone()).collect();
    for r in ds.regions.iter_mut().filter(|r| r.region.level == Level::Kommune && bergen.contains(&r.region.code)) {
        if let Some(cells) = r.years.get_mut(&2011) {
            cells[cell_index(1, Gender::Alle, Status::Arbutd, Unit::Count)] = Cell::Suppressed;
        }
    }
    ds
}

#[test]
fn with_no_peer_the_view_says_why_and_still_shows_its_own_figure() {
    let ds = without_bergen_2010();
    let v = similar_view(&ds, &Place::resolve(&ds, "0301").unwrap()).unwrap();
    assert_eq!(check_against_cells(&ds, &v, "0301"), 0);
    assert_eq!((v.qualifying, v.own.as_ref().map(|o| o.estimate.finished)), (0, Some(1030)));
    let said = |lang| text(&v, lang);
    let (nb, nn, en) = (said(Lang::Nb), said(Lang::Nn), said(Lang::En));
    assert_eq!(nb.title, "Oslo: ingen kommuner med omtrent like mange deltakere");
    assert_eq!(nn.title, "Oslo: ingen kommunar med om lag like mange deltakarar");
    assert_eq!(en.title, "Oslo: no municipalities with about as many participants");
    assert!(
        nb.summary.ends_with(" Ingen annen kommune hadde publiserte antall for 2010–2013 og mellom 515 og 2\u{a0}060 som avsluttet, så figuren viser bare Oslo."),
        "{}",
        nb.summary
    );
    assert!(
        nn.summary.ends_with(" Ingen annan kommune hadde publiserte tal for 2010–2013 og mellom 515 og 2\u{a0}060 som avslutta, så figuren viser berre Oslo."),
        "{}",
        nn.summary
    );
    assert!(
        en.summary.ends_with(" No other municipality had published counts for 2010–2013 and between 515 and 2,060 who finished, so the chart shows Oslo alone."),
        "{}",
        en.summary
    );
    assert_eq!(nb.notes[1], "Ingen annen kommune hadde publiserte antall for 2010–2013 og mellom 515 og 2\u{a0}060 som avsluttet.");
    assert_eq!(nn.notes[1], "Ingen annan kommune hadde publiserte tal for 2010–2013 og mellom 515 og 2\u{a0}060 som avslutta.");
    assert_eq!(en.notes[1], "No other municipality had published counts for 2010–2013 and between 515 and 2,060 who finished.");
    assert_eq!(nb.table.rows, [["Oslo", "2010–2013", "611", "1\u{a0}030", "59,3", "56,3", "62,3"]]);
    assert_eq!(nn.table.caption, "Oslo: ingen andre kommunar med mellom 515 og 2\u{a0}060 som avslutta i 2010–2013");
    // The chart: Oslo's own figure, no other kommune.
    let out = flat(&svg(&ViewData::Similar(v), Lang::Nb, &LIGHT, 720, 420));
    assert!(out.contains("Oslo (1\u{a0}030)") && !out.contains("Bergen"), "{out}");
}

#[test]
fn with_nothing_to_compare_by_the_view_says_why() {
    // Sokndal: nobody finished in 2010–2013.
    let v = similar("1111");
    assert_eq!(v.missing, Some(Missing::NoCompleters));
    let [nb, nn, en] = LANGS.map(|l| text(&v, l));
    assert_eq!(nb.title, "Sokndal: ingen tall å sammenligne andre kommuner med");
    assert_eq!(nn.title, "Sokndal: ingen tal å samanlikne andre kommunar med");
    assert_eq!(en.title, "Sokndal: no figures to compare other municipalities by");
    assert_eq!(
        nb.summary,
        "Ingen avsluttet introduksjonsprogrammet i Sokndal i 2010–2013, så det er ingen andel å vise og ingen størrelse å sammenligne andre kommuner etter."
    );
    assert_eq!(
        en.summary,
        "Nobody finished the introduction programme in Sokndal in 2010–2013, so there is no share to show and no size to compare other municipalities by."
    );
    assert_eq!(
        nb.notes,
        ["Kommuner sammenlignes med kommuner som hadde mellom halvparten og dobbelt så mange som avsluttet, summert fra publiserte antall for de samme årene. \
          Fordi Sokndal ikke har noen andel fra egne publiserte antall, er det ingenting å sammenligne etter, og ingen kommuner vises."]
    );
    assert!(nn.notes[0].ends_with("Fordi Sokndal ikkje har nokon del frå eigne publiserte tal, er det ingenting å samanlikne etter, og ingen kommunar blir viste."));
    assert!(en.notes[0].ends_with("As Sokndal has no share from published counts of its own, there is nothing to compare by, and no municipalities are shown."));
    assert_eq!(nb.table.caption, "Sokndal: ingen tall for 2010–2013 å sammenligne andre kommuner med");
    assert_eq!(nb.table.rows, [["Sokndal", "–", "–", "–", "–", "–", "–"]]);
    // The chart says why there is no figure.
    let out = flat(&svg(&ViewData::Similar(v), Lang::Nb, &LIGHT, 720, 420));
    assert!(out.contains("(ingen deltakere avsluttet i perioden)"), "{out}");
    // Suppressed (Asker, a merger) and divided (Sandefjord) say their own reasons.
    let v = similar("3203");
    assert_eq!(v.missing, Some(Missing::Unpublished));
    assert_eq!(
        text(&v, Lang::Nb).summary,
        "For Asker finnes ingen publiserte antall å samle for 2010–2013, så det er ingen andel å vise og ingen størrelse å sammenligne andre kommuner etter. \
         De tidligere kommunene hver for seg: tidligere Asker 67,3 prosent (35 av 52) for 2011 og 2013; tidligere Røyken 70,6 prosent (12 av 17) for 2011; \
         tidligere Hurum 47,1 prosent (8 av 17) for 2012."
    );
    let v = similar("3907");
    assert_eq!(v.missing, Some(Missing::Divided));
    assert!(text(&v, Lang::En).summary.starts_with("Sandefjord has no figures of its own for 2010–2013 because a former municipality was divided"));
}

#[test]
fn several_peers_are_counted_and_listed() {
    // Lødingen: 3 finished in 2010 and 2012; two kommuner have 2–6 over those cohorts.
    let v = similar("1851");
    let nb = text(&v, Lang::Nb);
    assert_eq!(nb.title, "Lødingen og to kommuner med omtrent like mange deltakere");
    assert_eq!(
        nb.summary,
        "I Lødingen avsluttet 3 introduksjonsprogrammet i 2010 og 2012, og 100,0 prosent av dem var i arbeid eller utdanning ett år etter. \
         I 2010 og 2012 hadde to andre kommuner mellom 2 og 6 som avsluttet: Luster 100,0 prosent av 4 og Gildeskål 100,0 prosent av 5."
    );
    assert_eq!(nb.notes[1], "Bare to andre kommuner hadde publiserte antall for 2010 og 2012 og mellom 2 og 6 som avsluttet.");
    assert_eq!(text(&v, Lang::Nn).title, "Lødingen og to kommunar med om lag like mange deltakarar");
    assert_eq!(text(&v, Lang::En).title, "Lødingen and two municipalities with about as many participants");
    // Sarpsborg: 24 qualify, the five nearest are shown, and no note says "only".
    let v = similar("3105");
    let en = text(&v, Lang::En);
    assert_eq!(en.title, "Sarpsborg and five municipalities with about as many participants");
    assert!(
        en.summary.ends_with(
            " In 2010, 2011 and 2013, 24 other municipalities had between 44 and 176 who finished; the five nearest in number are \
             Lillehammer 60.7 per cent of 89, Levanger - Levangke 73.6 per cent of 87, Hadsel 59.3 per cent of 86, Haugesund 65.4 per cent of 81 and Molde 79.0 per cent of 81."
        ),
        "{}",
        en.summary
    );
    assert_eq!(en.table.caption, "Sarpsborg and the five nearest of 24 municipalities with between 44 and 176 who finished in 2010, 2011 and 2013");
    assert_eq!(en.notes.len(), 1);
    assert!(en.notes[0].contains("the years in which Sarpsborg has published counts (2010, 2011 and 2013)"));
}

/// Every kommune and bydel, in every language: titles and sentences as they should be.
#[test]
fn every_text_reads_right() {
    let bydeler = ds().regions.iter().filter(|r| r.region.level == Level::Bydel).map(|r| r.region.code.clone());
    let counts = |lang| match lang {
        Lang::Nb => [" og to kommuner ", " og tre kommuner ", " og fire kommuner ", " og fem kommuner "],
        Lang::Nn => [" og to kommunar ", " og tre kommunar ", " og fire kommunar ", " og fem kommunar "],
        Lang::En => [" and two municipalities ", " and three municipalities ", " and four municipalities ", " and five municipalities "],
    };
    for code in ds().map.kommuner.iter().map(|k| k.code.clone()).chain(bydeler) {
        for lang in LANGS {
            let o = open(ViewKind::Similar, &code, None, lang);
            let ViewData::Similar(v) = &o.data else { panic!() };
            let t = o.text();
            let k = v.peers.len();
            if k >= 2 {
                assert!(t.title.contains(counts(lang)[k - 2]), "{code} {lang:?}: {}", t.title);
            }
            assert!(!t.title.ends_with('.') && !t.title.is_empty(), "{code} {lang:?}: {}", t.title);
            for s in std::iter::once(&t.summary).chain(&t.notes) {
                let what = format!("{code} {lang:?}: «{s}»");
                assert!(s.ends_with('.') && !s.ends_with("..") && s.chars().next().is_some_and(char::is_uppercase), "{what}");
                for bad in ["  ", " .", " ,", ":.", ": .", ", ,", ",.", "{", "}", "()", "–."] {
                    assert!(!s.contains(bad), "{what} has «{bad}»");
                }
            }
            for s in [&t.title, &t.summary].into_iter().chain(&t.notes) {
                assert!(!s.contains("  ") && !s.contains('{'), "{code} {lang:?}: «{s}»");
            }
            // A list of peers in the summary only where there are peers, one item each.
            let items = t.summary.matches(if lang == Lang::En { " per cent of " } else { " prosent av " }).count();
            assert_eq!(items, k + v.own.is_some() as usize, "{code} {lang:?}: {}", t.summary);
            // Where the place has no figure because its former kommuner cannot be summed (issue
            // 16), a row for each of those too.
            assert_eq!(t.table.rows.len(), 1 + k + v.formers.len(), "{code} {lang:?}");
            // One note with the rule, and one more where fewer than five are shown for want of more.
            assert_eq!(t.notes.len(), if v.own.is_some() && k < MAX_PEERS { 2 } else { 1 }, "{code} {lang:?}");
        }
    }
    // Numbers in the language's own form.
    let v = view(ViewKind::Similar, "0301", None).unwrap();
    assert!(v.text(Lang::Nb).notes[1].contains("515 og 2\u{a0}060"));
    assert!(v.text(Lang::En).notes[1].contains("515 and 2,060"));
}
