//! The ranking view on the frozen fixture: every kommune with at least 20 who finished over the
//! newest three cohorts' published counts, highest share first — checked against sums of the
//! fixture's cells made here, independently of the view — with Bergen's real figures, the ranks
//! and their uncertainty, why a kommune is not ranked (too few, nobody, not summable, divided,
//! unpublished), a bydel shown by its kommune, and the words in nb, nn and en.

mod common;

use common::{source_rows, data, fixture as ds, flat, svg};
use intro_status::chart::LIGHT;
use intro_status::data::{cell_index, Cell, Dataset, Gender, RegionData, Status, Unit};
use intro_status::text::Lang;
use intro_status::views::ranking::{Against, NotRanked, RankingView, MIN_FINISHED};
use intro_status::views::{ViewData, ViewKind, ViewText};

/// The newest three cohorts the fixture follows one year after (status years 2012–2014).
const NEWEST: [u16; 3] = [2011, 2012, 2013];

fn ranking(code: &str) -> RankingView {
    let ViewData::Ranking(v) = data(ViewKind::Ranking, code) else { panic!("{code}") };
    v
}

fn text(v: &RankingView, lang: Lang) -> ViewText {
    ViewData::Ranking(v.clone()).text(lang)
}

/// (in work or education, finished) for a cohort, summed over the rows present that year, where
/// each publishes both counts and someone finished; `None` otherwise.
fn counts(rows: &[&RegionData], cohort: u16) -> Option<(u32, u32)> {
    let year = cohort + 1;
    let present: Vec<&&RegionData> = rows.iter().filter(|r| r.years.contains_key(&year)).collect();
    let (mut x, mut n) = (0, 0);
    for r in &present {
        let cell = |s| r.years[&year][cell_index(1, Gender::Alle, s, Unit::Count)];
        let (Cell::Value(f), Cell::Value(a)) = (cell(Status::Alle), cell(Status::Arbutd)) else { return None };
        n += f as u32;
        x += a as u32;
    }
    (n > 0).then_some((x, n))
}

/// Every kommune that qualifies, with its (x, n) over the cohorts it has published.
fn expected(ds: &Dataset) -> Vec<(String, u32, u32)> {
    ds.map
        .kommuner
        .iter()
        .filter_map(|k| {
            let rows = source_rows(ds, &k.code);
            let (x, n) = NEWEST.iter().filter_map(|&c| counts(&rows, c)).fold((0, 0), |(x, n), (cx, cn)| (x + cx, n + cn));
            (n >= MIN_FINISHED).then(|| (k.code.clone(), x, n))
        })
        .collect()
}

#[test]
fn every_ranked_kommune_is_summed_from_the_cells_and_in_order() {
    let v = ranking("4601");
    assert_eq!(v.cohorts, NEWEST);
    let mut want = expected(ds());
    let mut got: Vec<(String, u32, u32)> = v.ranked.iter().map(|r| (r.code.clone(), r.estimate.count, r.estimate.finished)).collect();
    assert_eq!(got.len(), 73, "73 kommuner have at least 20 who finished in 2011–2013");
    want.sort();
    got.sort();
    assert_eq!(got, want);
    // Highest share first; a rank is one more than the number with a larger share.
    for (i, r) in v.ranked.iter().enumerate() {
        let share = |e: &intro_status::outcome::stats::Estimate| e.count as f64 / e.finished as f64;
        let larger = v.ranked.iter().filter(|o| share(&o.estimate) > share(&r.estimate)).count();
        assert_eq!(r.rank, larger + 1, "{}", r.name);
        if i > 0 {
            assert!(share(&v.ranked[i - 1].estimate) >= share(&r.estimate));
        }
        let land = v.land.as_ref().unwrap().percent;
        let against = if r.estimate.low > land { Against::Above } else if r.estimate.high < land { Against::Below } else { Against::Overlaps };
        assert_eq!(r.against, against, "{}", r.name);
    }
}

#[test]
fn bergen_is_ranked_with_its_real_figures() {
    let v = ranking("4601");
    // SSB 10824, former 1201 Bergen: 219 + 192 + 203 finished in 2011–2013, 125 + 115 + 115 in
    // work or education one year after (status years 2012–2014).
    let b = &v.ranked[v.chosen.unwrap()];
    assert_eq!((b.name.as_str(), b.estimate.count, b.estimate.finished, b.rank), ("Bergen", 355, 614, 50));
    assert_eq!(b.against, Against::Below);
    assert_eq!(v.rank_range, Some((8, 72)));
    // The country over the same cohorts, from its cells; 2013 is the national 2014 row, 2 388 of 3 842.
    let land = v.land.as_ref().unwrap();
    assert_eq!(counts(&[ds().land()], 2013), Some((2_388, 3_842)));
    let (x, n) = NEWEST.iter().filter_map(|&c| counts(&[ds().land()], c)).fold((0, 0), |(x, n), (cx, cn)| (x + cx, n + cn));
    assert_eq!((land.count, land.finished), (x, n));
    assert_eq!((land.count, land.finished), (6_955, 11_175));
    let t = text(&v, Lang::Nb);
    assert_eq!(t.title, "Bergen blant 73 kommuner, 2011–2013");
    assert!(t.summary.starts_with("Bergen er nr. 50 av 73 kommuner med minst 20 som avsluttet introduksjonsprogrammet i 2011–2013: 57,8 prosent (355 av 614) var i arbeid eller utdanning ett år etter, mot 62,2 prosent i hele landet. Hele intervallet (53,9–61,7 prosent) ligger under landsgjennomsnittet. Med usikkerheten kan plassen være alt fra nr. 8 til nr. 72."), "{}", t.summary);
    assert_eq!(t.table.rows.len(), 73);
    assert_eq!(t.table.headers[0], "Nr.");
    assert_eq!(t.table.footnotes, ["Hele landet 2011–2013: 62,2 prosent (6\u{a0}955 av 11\u{a0}175).", "Bergen: nr. 50, med usikkerheten alt fra nr. 8 til nr. 72."]);
    let row = t.table.rows.iter().find(|r| r[1] == "Bergen").unwrap();
    assert_eq!(row, &["50", "Bergen", "2011–2013", "355", "614", "57,8", "53,9", "61,7", "under"]);
    let en = text(&v, Lang::En);
    assert!(en.summary.starts_with("Bergen ranks 50 of 73 municipalities"), "{}", en.summary);
    assert!(en.summary.contains("The whole interval (53.9–61.7 per cent) lies below the national share."), "{}", en.summary);
    let nn = text(&v, Lang::Nn);
    assert!(nn.summary.contains("Heile intervallet (53,9–61,7 prosent) ligg under landsgjennomsnittet."), "{}", nn.summary);
    // The chart names Bergen with its share.
    assert!(flat(&svg(&data(ViewKind::Ranking, "4601"), Lang::Nb, &LIGHT, 720, 420)).contains(">Bergen 57,8 %<"));
}

#[test]
fn why_a_kommune_is_not_ranked() {
    let cases = [
        ("5001", NotRanked::NotSummable, "Trondheim - Tråante er ikke med: tallene for de tidligere kommunene kan ikke legges sammen, fordi en av dem har for få deltakere. De tidligere kommunene hver for seg: tidligere Trondheim 52,9 prosent (244 av 461) for 2011–2013;"),
        ("4036", NotRanked::TooFew { finished: 4 }, "Vinje er ikke med: bare 4 avsluttet i 2011–2013, færre enn 20."),
        ("1111", NotRanked::NoCompleters, "Sokndal er ikke med: ingen avsluttet introduksjonsprogrammet i 2011–2013."),
        ("3907", NotRanked::Divided, "Sandefjord er ikke med: kommunen har fått deler av en kommune som ble delt"),
        ("1112", NotRanked::Unpublished, "Lund er ikke med: SSB har ikke publisert tallene for noen av årene 2011–2013"),
    ];
    for (code, why, words) in cases {
        let v = ranking(code);
        assert_eq!((v.chosen, v.not_ranked, v.rank_range), (None, Some(why), None), "{code}");
        assert_eq!(v.ranked.len(), 73, "{code}: the ranking is the same for all");
        let t = text(&v, Lang::Nb);
        assert!(t.summary.starts_with(words), "{code}: {}", t.summary);
        assert!(t.summary.ends_with("Av de 73 rangerte kommunene har Molde den høyeste andelen, 81,4 prosent; hele landet 62,2 prosent."), "{code}: {}", t.summary);
        assert!(t.title.ends_with("er ikke med"), "{}", t.title);
    }
    // What an unranked kommune has is still in the table, under the ranked ones.
    let last = |code: &str| text(&ranking(code), Lang::Nb).table.rows.last().unwrap().clone();
    assert_eq!(&last("4036")[..5], ["–", "Vinje (ikke rangert)", "2012", "4", "4"]);
    assert_eq!(&last("5001")[..5], ["–", "tidligere Trondheim (ikke rangert)", "2011–2013", "244", "461"]);
    assert_eq!(text(&ranking("1111"), Lang::Nb).table.rows.len(), 73);
    let en = text(&ranking("4036"), Lang::En);
    assert!(en.summary.starts_with("Vinje is not ranked: only 4 finished in 2011–2013, fewer than 20."), "{}", en.summary);
}

#[test]
fn a_bydel_is_shown_by_its_kommune() {
    let v = ranking("030101");
    let oslo = &v.ranked[v.chosen.unwrap()];
    assert_eq!((oslo.code.as_str(), oslo.estimate.count, oslo.estimate.finished), ("0301", 470, 791));
    let t = text(&v, Lang::Nb);
    assert_eq!(t.title, "Oslo blant 73 kommuner, 2011–2013");
    assert!(t.summary.starts_with("Rangeringen gjelder kommuner; Gamle Oslo ligger i Oslo. Oslo er nr. 43 av 73"), "{}", t.summary);
    assert!(t.summary.contains("overlapper landsgjennomsnittet, så forskjellen kan være tilfeldig"), "{}", t.summary);
}

#[test]
fn the_notes_state_the_rule_and_count_the_marks() {
    let v = ranking("4601");
    let above = v.ranked.iter().filter(|r| r.against == Against::Above).count();
    let below = v.ranked.iter().filter(|r| r.against == Against::Below).count();
    assert_eq!((above, below), (7, 7));
    let t = text(&v, Lang::Nb);
    assert!(t.notes[0].starts_with("Med er kommuner der minst 20 avsluttet til sammen i de av årene 2011–2013 der SSB har publisert"), "{}", t.notes[0]);
    assert_eq!(t.notes[1], "7 kommuner ligger med hele intervallet over landsgjennomsnittet (▲), 7 under (▼).");
    // A kommune pooled over fewer years says which.
    let row = t.table.rows.iter().find(|r| r[1] == "Vestvågøy").unwrap();
    assert_eq!(row[2], "2013");
}

#[test]
fn the_table_sorts_by_any_column_numbers_as_numbers() {
    let t = text(&ranking("4601"), Lang::Nb).table;
    let column = |rows: &[Vec<String>], c: usize| rows.iter().map(|r| r[c].clone()).collect::<Vec<_>>();
    // By finished, ascending: 20 before 101 before 614 (as text, "101" would come first).
    let by_finished = column(&t.sorted_rows(4, false), 4);
    let numbers: Vec<u32> = by_finished.iter().map(|c| c.replace(['\u{a0}', ' '], "").parse().unwrap()).collect();
    assert!(numbers.windows(2).all(|w| w[0] <= w[1]), "{by_finished:?}");
    assert_eq!(numbers[0], 20);
    // By per cent, descending: the table's own order; "57,8" read as 57.8.
    assert_eq!(column(&t.sorted_rows(5, true), 1), column(&t.rows, 1));
    // By name: Norwegian order, Å after Ø; rows that tie keep their order.
    let names = column(&t.sorted_rows(1, false), 1);
    assert!(names.windows(2).all(|w| intro_status::text::sort_key(&w[0]) <= intro_status::text::sort_key(&w[1])), "{names:?}");
    let last = names.iter().rposition(|n| n.starts_with('Ø')).unwrap_or(0);
    assert!(names[last..].iter().skip(1).all(|n| n.starts_with('Å')), "{names:?}");
    // A column of words and empty cells: in alphabetical order, the empty ones first.
    let against = column(&t.sorted_rows(8, false), 8);
    assert_eq!(against.first().map(String::as_str), Some(""));
    assert_eq!(against.last().map(String::as_str), Some("under"));
}

#[test]
fn every_ranked_kommune_is_named_in_its_chart_on_a_desktop_and_a_phone() {
    use intro_status::chart::{layout, svg::escape, svg_of};
    let v = ranking("4601");
    for r in &v.ranked {
        let d = data(ViewKind::Ranking, &r.code);
        let name = escape(&format!("{} {} %", r.name, intro_status::text::format_decimal(r.estimate.percent, Lang::Nb)));
        for width in [720u32, 360, 310] {
            let l = layout(width as f64, 1.0);
            let chart = flat(&svg_of(common::draw(&d, Lang::Nb, &LIGHT, l.scale, (width, l.height))));
            assert!(chart.contains(&format!(">{name}<")), "{} at {width} px: no «{name}»", r.code);
        }
    }
}
