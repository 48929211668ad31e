//! SSB's symbols kept apart to the screen: `:` (too few), `..` (not yet), `.` (the kommune did
//! not exist) and `0` (nobody finished) each have their own words in a view's table, summary,
//! notes and chart, in nb, nn and en.
//!
//! SYNTHETIC DATA: the dataset is the frozen fixture with Oslo's one-year-after cells of each
//! status year overwritten in the test (one symbol a year). SSB never published these values.

mod common;

use intro_status::chart::{svg_of, Paint, LIGHT};
use intro_status::data::{cell_index, Cell, Dataset, Gender, Level, Status, Unit};
use intro_status::outcome::Share;
use intro_status::place::Place;
use intro_status::text::{source_line, texts, Lang};
use intro_status::views::{view_data, ViewKind};

/// Synthetic: Oslo's cohorts 2010–2013 (status years 2011–2014), one year after, both genders:
/// 2010 nobody finished (`0`), 2011 `:`, 2012 `..`, 2013 `.`.
fn synthetic() -> Dataset {
    let mut ds = common::fixture().clone();
    let oslo = ds.regions.iter_mut().find(|r| r.region.level == Level::Kommune && r.region.code == "0301").expect("Oslo");
    let years = [(2011, Cell::Value(0)), (2012, Cell::Suppressed), (2013, Cell::NotYet), (2014, Cell::NotApplicable)];
    for (year, cell) in years {
        let cells = oslo.years.get_mut(&year).expect("Oslo has the year");
        for s in Status::ALL {
            for u in [Unit::Count, Unit::Percent] {
                // Nobody finished: every count and per cent 0; else the status's cells carry
                // the symbol, and the total too.
                cells[cell_index(1, Gender::Alle, s, u)] = cell;
            }
        }
    }
    ds
}

/// The words of each reason, by cohort 2010–2013: the long (notes, footnotes, summary) and the
/// short (table cells, chart gap labels).
fn words(lang: Lang) -> [(u16, &'static str, &'static str); 4] {
    let t = texts(lang);
    let (yet, did_not) = match lang {
        Lang::Nb => ("tall mangler ennå", "kommunen fantes ikke"),
        Lang::Nn => ("tal manglar enno", "kommunen fanst ikkje"),
        Lang::En => ("figures not available yet", "the municipality did not exist"),
    };
    assert_eq!((t.not_yet, t.not_applicable), (yet, did_not));
    [
        (2010, t.no_completers, t.cell_no_completers),
        (2011, t.suppressed, t.suppressed_short),
        (2012, t.not_yet, t.not_yet_short),
        (2013, t.not_applicable, t.not_applicable_short),
    ]
}

#[test]
fn the_symbols_reach_their_shares() {
    let ds = synthetic();
    let place = Place::resolve(&ds, "0301").unwrap();
    let goal = intro_status::views::goal::goal_view(&ds, &place).unwrap();
    let at = |c: u16| goal.kommune.points[goal.cohorts.iter().position(|&x| x == c).unwrap()];
    assert_eq!(at(2010), Share::NoCompleters);
    assert!(matches!(at(2011), Share::Suppressed { .. }));
    assert_eq!(at(2012), Share::NotYet);
    assert_eq!(at(2013), Share::NotApplicable);
}

#[test]
fn each_reason_has_its_own_words_in_table_notes_summary_and_chart() {
    let ds = synthetic();
    let place = Place::resolve(&ds, "0301").unwrap();
    for lang in [Lang::Nb, Lang::Nn, Lang::En] {
        let words = words(lang);
        // The short words differ from each other, and so do the long ones.
        for (i, a) in words.iter().enumerate() {
            for b in &words[i + 1..] {
                assert!(a.1 != b.1 && a.2 != b.2, "{lang:?}: {a:?} and {b:?}");
            }
        }
        let view = view_data(&ds, ViewKind::Goal, &place, None).unwrap();
        let text = view.text(lang);
        for (cohort, long, short) in words {
            let row = text.table.rows.iter().find(|r| r[0] == cohort.to_string()).unwrap_or_else(|| panic!("{cohort}"));
            assert!(row.iter().any(|c| c == short), "{lang:?} {cohort}: {row:?} lacks {short:?}");
            assert!(text.table.footnotes.iter().any(|f| f.to_lowercase().contains(&short.to_lowercase()) && f.to_lowercase().contains(&long.to_lowercase())), "{lang:?}: footnotes {:?} lack {short:?} = {long:?}", text.table.footnotes);
            if cohort > 2010 {
                assert!(text.notes.iter().any(|n| n.starts_with(&format!("{cohort}: ")) && n.to_lowercase().contains(&long.to_lowercase())), "{lang:?}: notes {:?} lack {cohort}: {long:?}", text.notes);
            }
            // A summary of the cohort (the goal view's for the newest, the views that take a
            // cohort for the others) says the reason in its words.
            let reason = intro_status::text::say::reason(&view_for(&ds, &place, cohort), lang);
            let summaries: Vec<String> = ViewKind::ALL.iter().filter_map(|&k| view_data(&ds, k, &place, Some(cohort))).map(|v| v.text(lang).summary).collect();
            assert!(cohort == 2010 || summaries.iter().any(|s| s.contains(reason)), "{lang:?} {cohort}: {summaries:#?} lack {reason:?}");
        }
        // The chart labels its gaps with the short words, each its own.
        let source = source_line(&ds.source, lang);
        let svg = svg_of(view.draw(&Paint { lang, theme: &LIGHT, scale: 1.0, source: &source }, (720, 420))).replace('\n', "");
        for (cohort, _, short) in &words[1..] {
            assert!(svg.contains(short), "{lang:?}: the chart has no gap label {short:?} ({cohort})");
        }
    }
}

/// Oslo's share for one cohort.
fn view_for(ds: &Dataset, place: &Place, cohort: u16) -> Share {
    let goal = intro_status::views::goal::goal_view(ds, place).unwrap();
    goal.kommune.points[goal.cohorts.iter().position(|&x| x == cohort).unwrap()]
}

#[test]
fn the_csv_download_gives_each_symbol_back() {
    let ds = synthetic();
    let mut out = Vec::new();
    intro_status::export::write_csv(&ds, &mut out).unwrap();
    let csv = String::from_utf8(out).unwrap();
    for (year, symbol) in [(2012, ":"), (2013, ".."), (2014, ".")] {
        let line = format!("kommune,0301,{year},{},1,alle,arbutd,{symbol},{symbol}", year - 1);
        assert!(csv.lines().any(|l| l == line), "no line {line:?}");
    }
}
