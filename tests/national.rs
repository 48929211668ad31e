//! Hele landet in the goal view from every vendored national source (issue 16, item 9): on the
//! frozen fixture (`tests/fixtures/data/`, see `common`), checked against the raw sources the
//! vendored files were copied from (`../shared/data/raw/`), read here with nothing but a line
//! split, not the importer.

mod common;

use common::{csv_rows, fixture, fixture_root, goal_view, raw_dir};
use intro_status::data::{codec, Dataset, Embedded, PublishedPoint};
use intro_status::outcome::Share;
use intro_status::text::{fill, format_percent, host_of, texts, Lang};
use intro_status::views::goal::{goal_table, GoalComparison, OtherFigure};
use intro_status_import::codec::encode;
use intro_status_import::import::{self, is_ssb, merge_national, parse_compiled, NationalFigure};
use std::collections::BTreeSet;
use std::path::Path;

const COMPILED: &str = "ssb_national_status_ett_aar_etter_compiled_from_pages.csv";
const RESULTS: &str = "published/fylke_national_results.csv";

/// One national figure of a raw source: one year after, both genders, all ages.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Raw {
    cohort: u16,
    percent: u16,
    url: String,
    /// The page states it (`derived` rows of the compiled file were worked out from words).
    stated: bool,
    file: &'static str,
}

/// Every national figure of both raw sources the widget reads.
fn raw_figures() -> Vec<Raw> {
    let mut out = Vec::new();
    for row in csv_rows(&raw_dir().join(RESULTS)) {
        let national = (row["measure"].as_str(), row["region_code"].as_str(), row["gender"].as_str(), row["age_group"].as_str())
            == ("one_year_after", "0", "alle", "alle");
        if national && !row["cohort_year"].is_empty() && !row["percent"].is_empty() {
            let (cohort, percent) = (row["cohort_year"].parse().unwrap(), row["percent"].parse().unwrap());
            out.push(Raw { cohort, percent, url: row["source_url"].clone(), stated: true, file: RESULTS });
        }
    }
    for row in csv_rows(&raw_dir().join(COMPILED)) {
        if (row["gruppe"].as_str(), row["maal"].as_str()) == ("alle", "andel_arbeid_eller_utdanning_pct") {
            let (cohort, percent) = (row["avslutningsaar"].parse().unwrap(), row["verdi"].parse().unwrap());
            out.push(Raw { cohort, percent, url: row["kilde_url"].clone(), stated: row["grunnlag"] == "stated", file: COMPILED });
        }
    }
    assert!(out.len() > 20, "only {} national figures in the raw sources", out.len());
    out
}

/// The distinct stated figures of a cohort, as (per cent, URL).
fn stated(raw: &[Raw], cohort: u16) -> BTreeSet<(u16, String)> {
    raw.iter().filter(|f| f.cohort == cohort && f.stated).map(|f| (f.percent, f.url.clone())).collect()
}

fn oslo() -> GoalComparison {
    goal_view("0301").expect("Oslo has a goal view")
}

fn at(v: &GoalComparison, cohort: u16) -> usize {
    v.cohorts.iter().position(|&c| c == cohort).unwrap_or_else(|| panic!("no cohort {cohort} in {:?}", v.cohorts))
}

#[test]
fn the_vendored_files_are_the_raw_sources_byte_for_byte() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let raw = std::fs::read(raw_dir().join(COMPILED)).unwrap();
    for copy in [repo.join("data/published").join(COMPILED), fixture_root().join("published").join(COMPILED)] {
        assert!(std::fs::read(&copy).unwrap() == raw, "{} is not the raw file", copy.display());
    }
    assert!(import::NATIONAL_FILES.contains(&import::COMPILED_FILE));
}

#[test]
fn cohorts_2017_and_2020_show_ssbs_figures() {
    let (v, raw) = (oslo(), raw_figures());
    for (cohort, expected) in [(2017, 63), (2020, 60)] {
        let figures = stated(&raw, cohort);
        // One page states each: SSB's, and nothing in the results file.
        assert_eq!(figures.len(), 1, "cohort {cohort}: {figures:?}");
        let (percent, url) = figures.into_iter().next().unwrap();
        assert_eq!(percent, expected, "cohort {cohort} in the raw source");
        assert!(url.starts_with("https://www.ssb.no/") && is_ssb(&url), "{url}");
        let i = at(&v, cohort);
        assert_eq!(v.land.points[i], Share::Published { percent, count: None, finished: None }, "cohort {cohort}");
        assert_eq!(v.land_sources[i].as_deref(), Some(url.as_str()), "cohort {cohort}");
        assert!(v.land_others[i].is_empty());
        for lang in [Lang::Nb, Lang::Nn, Lang::En] {
            let table = goal_table(&v, lang);
            let row = &table.rows[i];
            assert_eq!(row[0], cohort.to_string());
            assert_eq!(row[row.len() - 2], format_percent(percent, lang), "{lang:?} {row:?}");
            assert_eq!(row.last().unwrap(), host_of(&url), "{lang:?} {row:?}");
            assert_eq!(row.last().unwrap(), "www.ssb.no");
            let note = fill(texts(lang).footnote_published, &[("cohort", &cohort.to_string()), ("url", &url)]) + ".";
            assert!(table.footnotes.contains(&note), "{lang:?}: no footnote {note:?} in {:?}", table.footnotes);
        }
    }
}

#[test]
fn no_cohort_a_source_holds_is_blank() {
    let (v, raw) = (oslo(), raw_figures());
    assert_eq!(v.cohorts, (2010..=2023).collect::<Vec<u16>>());
    for (i, &c) in v.cohorts.iter().enumerate() {
        let figures = stated(&raw, c);
        let shown = v.land.points[i].percent();
        assert_eq!(shown.is_some(), !figures.is_empty() || i < v.table_cohorts, "cohort {c}: {:?} against {figures:?}", v.land.points[i]);
        // A publication's figure is shown with the URL of a source that states it.
        if let Some(url) = &v.land_sources[i] {
            assert!(figures.contains(&(shown.unwrap(), url.clone())), "cohort {c}: {shown:?} from {url} is in no source");
        }
    }
    // Every cohort of the axis has a national figure now, the last one published by IMDi.
    assert!(v.land.points.iter().all(|p| p.percent().is_some()), "{:?}", v.land.points);
}

#[test]
fn disagreeing_sources_show_the_preferred_and_name_the_other() {
    let (v, raw) = (oslo(), raw_figures());
    let mut disagree = Vec::new();
    for (i, &c) in v.cohorts.iter().enumerate() {
        let figures = stated(&raw, c);
        let shown = v.land.points[i].percent().unwrap();
        let others: BTreeSet<(u16, String)> = figures.iter().filter(|(p, _)| *p != shown).cloned().collect();
        // Each differing per cent once, from a source that states it.
        let named: BTreeSet<u16> = v.land_others[i].iter().map(|o| o.percent).collect();
        assert_eq!(named, others.iter().map(|o| o.0).collect(), "cohort {c}: shown {shown}");
        assert_eq!(named.len(), v.land_others[i].len(), "cohort {c}");
        for o in &v.land_others[i] {
            assert!(others.contains(&(o.percent, o.source_url.clone())), "cohort {c}: {o:?}");
        }
        // SSB's own publication is preferred wherever one states a figure.
        if let Some(url) = &v.land_sources[i] {
            if figures.iter().any(|(_, u)| is_ssb(u)) {
                assert!(is_ssb(url), "cohort {c}: {url} shown although SSB publishes a figure: {figures:?}");
            }
        }
        if !others.is_empty() {
            disagree.push(c);
        }
    }
    // 2010: the table's 61 % against SSB's older Monitor series (54 %, quoted by Steinkjer
    // kommune); 2019: two SSB articles, 61 % (2021, possibly preliminary) and 62 % (2022).
    assert_eq!(disagree, [2010, 2019]);

    // 2019: the compiled file's figure (SSB's later article) is shown, the results file's named.
    let compiled: Vec<Raw> = raw_figures_of(COMPILED, 2019);
    let results: Vec<Raw> = raw_figures_of(RESULTS, 2019);
    assert_eq!((compiled.len(), results.len()), (1, 1));
    let (shown, other) = (&compiled[0], &results[0]);
    assert_ne!(shown.percent, other.percent);
    let i = at(&v, 2019);
    assert_eq!(v.land.points[i], Share::Published { percent: shown.percent, count: None, finished: None });
    assert_eq!(v.land_sources[i].as_deref(), Some(shown.url.as_str()));
    assert_eq!(v.land_others[i], [OtherFigure { percent: other.percent, source_url: other.url.clone() }]);
    let nb = goal_table(&v, Lang::Nb);
    let (host, other_host) = (host_of(&shown.url), host_of(&other.url));
    assert_eq!(nb.rows[i].last().unwrap(), &format!("{host} (avvikende tall: {}\u{a0}% i {other_host})", other.percent));
    assert_eq!(nb.rows[i].last().unwrap(), "www.ssb.no (avvikende tall: 61\u{a0}% i www.ssb.no)");
    assert!(nb.footnotes.contains(&format!("2019: Hele landet, avvikende tall ({}\u{a0}%) publisert i {}.", other.percent, other.url)), "{:?}", nb.footnotes);

    // 2010: the table's figure, and the other with its host.
    let i = at(&v, 2010);
    let steinkjer: Vec<Raw> = raw_figures_of(RESULTS, 2010).into_iter().filter(|f| f.url.contains("steinkjer")).collect();
    assert_eq!(steinkjer.len(), 1);
    assert_eq!(v.land_sources[i], None, "the table's own figure");
    assert_ne!(v.land.points[i].percent(), Some(steinkjer[0].percent));
    assert_eq!(v.land_others[i], [OtherFigure { percent: steinkjer[0].percent, source_url: steinkjer[0].url.clone() }]);
    let host = host_of(&steinkjer[0].url);
    assert_eq!(host, "www.steinkjer.kommune.no");
    let en = goal_table(&v, Lang::En);
    assert_eq!(en.rows[i].last().unwrap(), &format!("SSB table 10824 (differing figure: {}% at {host})", steinkjer[0].percent));
    assert_eq!(nb.rows[i].last().unwrap(), &format!("SSB tabell 10824 (avvikende tall: 54\u{a0}% i {host})"));
    assert!(en.footnotes.iter().any(|f| f.starts_with("2010: Norway, differing figure (54%) published at https://www.steinkjer.kommune.no/")));
}

/// The stated figures of one raw file for one cohort.
fn raw_figures_of(file: &str, cohort: u16) -> Vec<Raw> {
    raw_figures().into_iter().filter(|f| f.file == file && f.cohort == cohort && f.stated).collect()
}

#[test]
fn derived_figures_are_never_shown() {
    let (v, raw) = (oslo(), raw_figures());
    let derived: Vec<&Raw> = raw.iter().filter(|f| !f.stated).collect();
    assert!(!derived.is_empty(), "the compiled file has derived rows");
    for d in derived {
        if stated(&raw, d.cohort).iter().any(|(p, _)| *p == d.percent) {
            continue;
        }
        assert!(
            !fixture().national.iter().any(|p| (p.cohort, p.percent) == (d.cohort, d.percent)),
            "derived {d:?} was imported"
        );
        if let Some(i) = v.cohorts.iter().position(|&c| c == d.cohort) {
            assert_ne!(v.land.points[i].percent(), Some(d.percent), "{d:?}");
            assert!(v.land_others[i].iter().all(|o| o.percent != d.percent), "{d:?}");
        }
    }
    // Cohort 2021: 64 % was worked out from "økning på 4 prosentpoeng"; SSB states 65 %.
    let i = at(&v, 2021);
    assert_eq!(v.land.points[i].percent(), Some(65));
    assert!(is_ssb(v.land_sources[i].as_deref().unwrap()));
    assert!(v.land_others[i].is_empty());
}

#[test]
fn the_importer_reads_every_stated_figure_of_every_source() {
    let raw = raw_figures();
    // Every per cent any source states for a cohort, once, from a source that states it.
    let want: BTreeSet<(u16, u16)> = raw.iter().filter(|f| f.stated).map(|f| (f.cohort, f.percent)).collect();
    let national = &fixture().national;
    let got: BTreeSet<(u16, u16)> = national.iter().map(|p| (p.cohort, p.percent)).collect();
    assert_eq!(got, want);
    assert_eq!(got.len(), national.len(), "each per cent of a cohort once");
    for p in national {
        let sources: Vec<&str> = raw.iter().filter(|f| f.stated && (f.cohort, f.percent) == (p.cohort, p.percent)).map(|f| f.url.as_str()).collect();
        assert!(sources.contains(&p.source_url.as_str()), "{p:?} from none of {sources:?}");
        // SSB's page where SSB states the figure.
        assert_eq!(is_ssb(&p.source_url), sources.iter().any(|u| is_ssb(u)), "{p:?}: {sources:?}");
    }
    assert!(national.windows(2).all(|w| w[0].cohort <= w[1].cohort), "oldest cohort first");
    // Each cohort's first figure is SSB's wherever SSB states one.
    for c in national.iter().map(|p| p.cohort).collect::<BTreeSet<_>>() {
        let of: Vec<&PublishedPoint> = national.iter().filter(|p| p.cohort == c).collect();
        if of.iter().any(|p| is_ssb(&p.source_url)) {
            assert!(is_ssb(&of[0].source_url), "cohort {c}: {of:?}");
        }
    }
    // Counts come with the figure where the page gave them: cohort 2016 from ssb.no, 4 790 / 2 980.
    let c2016 = national.iter().find(|p| p.cohort == 2016).unwrap();
    assert_eq!((c2016.percent, c2016.count, c2016.finished), (62, Some(2980), Some(4790)));
    // "nær 8 200" finished in 2018 is rounded, no count.
    assert!(national.iter().filter(|p| p.cohort == 2018).all(|p| p.finished.is_none()));
}

#[test]
fn no_row_credits_the_table_unless_its_figures_are_the_tables() {
    let mut checked = 0;
    for code in ["0301", "3105", "4601", "5001", "1108", "030101", "1580", "5444", "3803"] {
        let Some(v) = goal_view(code) else { continue };
        checked += 1;
        for lang in [Lang::Nb, Lang::Nn, Lang::En] {
            let t = texts(lang);
            let table = goal_table(&v, lang);
            for (i, row) in table.rows.iter().enumerate() {
                let cell = row.last().unwrap();
                let table_figure = |s: &Share| !matches!(s, Share::NoData | Share::Divided);
                let any_table = i < v.table_cohorts
                    && (table_figure(&v.kommune.points[i])
                        || v.land_sources[i].is_none() && table_figure(&v.land.points[i])
                        || v.fylke.as_ref().is_some_and(|f| table_figure(&f.series.points[i]))
                        || v.formers.iter().any(|f| table_figure(&f.series.points[i])));
                assert_eq!(cell.contains(t.source_table), any_table, "{code} {lang:?} row {row:?}");
                match &v.land_sources[i] {
                    Some(url) => assert!(cell.contains(host_of(url)), "{code} {lang:?} {row:?}"),
                    None if !any_table => assert_eq!(cell, "–", "{code} {lang:?} {row:?}"),
                    None => {}
                }
            }
        }
    }
    assert!(checked >= 6, "only {checked} places have a goal view");
}

#[test]
fn a_row_without_figures_credits_no_source_and_a_mixed_row_both() {
    let mut v = oslo();
    // Cohort 2017 as it was before: no national figure, nothing else in the row.
    let i = at(&v, 2017);
    v.land.points[i] = Share::NoData;
    v.land_sources[i] = None;
    v.land_others[i].clear();
    // Cohort 2014 with a kommune figure from the table beside the published national one.
    let j = at(&v, 2014);
    v.kommune.points[j] = Share::Suppressed { finished: None };
    for lang in [Lang::Nb, Lang::Nn, Lang::En] {
        let table = goal_table(&v, lang);
        assert_eq!(table.rows[i].last().unwrap(), "–");
        assert!(!table.footnotes.iter().any(|f| f.starts_with("2017:")), "{:?}", table.footnotes);
        assert_eq!(table.rows[j].last().unwrap(), &format!("{}; norwaytoday.info", texts(lang).source_table));
    }
}

#[test]
fn the_codec_keeps_every_figure_and_its_order() {
    let ds = fixture();
    let back = codec::decode(&encode(ds)).unwrap();
    assert_eq!(back.national, ds.national);
    assert_eq!(codec::decode_one_year_after(&encode(ds)).unwrap().national, ds.national);
    // Several figures for one cohort, in the order given (not sorted by per cent or URL).
    let point = |cohort, percent, url: &str, counts: Option<(u16, u16)>| PublishedPoint {
        cohort,
        percent,
        count: counts.map(|c| c.0),
        finished: counts.map(|c| c.1),
        source_url: url.to_string(),
    };
    let small = Dataset {
        national: vec![
        point(2019, 62, "https://www.ssb.no/b", None),
        point(2019, 61, "https://www.ssb.no/a", Some((0, u16::MAX))),
        point(2019, 100, "", Some((7, 7))),
        point(2020, 60, "https://www.ssb.no/c", None),
        ],
        ..Dataset::default()
    };
    assert_eq!(codec::decode(&encode(&small)).unwrap(), small);
}

#[test]
fn the_embedded_data_have_the_same_national_figures() {
    assert_eq!(Dataset::embedded().national, fixture().national, "data/published/ and the fixture hold the same files");
}

fn figure(cohort: u16, percent: u16, url: &str, counts: Option<(u16, u16)>, preliminary: bool) -> NationalFigure {
    NationalFigure {
        point: PublishedPoint { cohort, percent, count: counts.map(|c| c.0), finished: counts.map(|c| c.1), source_url: url.into() },
        preliminary,
    }
}

#[test]
fn merging_prefers_ssb_then_final_then_counts_then_the_first_source() {
    let merged = merge_national([
        figure(2019, 61, "https://imdi.no/x", Some((2, 3)), false),
        figure(2019, 60, "https://www.ssb.no/maybe", None, true),
        figure(2019, 62, "https://www.ssb.no/later", None, false),
        figure(2018, 66, "https://statbank.ssb.no/y", None, false),
        figure(2018, 66, "https://www.ssb.no/z", Some((5, 8)), false),
        figure(2018, 66, "https://www.ssb.no/z", None, false),
        figure(2017, 63, "https://news.example/ssb.no/", None, false),
        // The same figure twice, once called preliminary: it is so, and ranks after a final one.
        figure(2016, 50, "https://www.ssb.no/a", Some((1, 2)), false),
        figure(2016, 50, "https://www.ssb.no/a", None, true),
        figure(2016, 51, "https://www.ssb.no/b", None, false),
    ]);
    let order: Vec<(u16, u16, &str)> = merged.iter().map(|p| (p.cohort, p.percent, p.source_url.as_str())).collect();
    assert_eq!(
        order,
        [
            (2016, 51, "https://www.ssb.no/b"),
            (2016, 50, "https://www.ssb.no/a"),
            (2017, 63, "https://news.example/ssb.no/"),
            // 66 % twice: once, from the page with counts (the same figure from the same URL
            // twice is one, with the counts either gives).
            (2018, 66, "https://www.ssb.no/z"),
            (2019, 62, "https://www.ssb.no/later"),
            (2019, 60, "https://www.ssb.no/maybe"),
            (2019, 61, "https://imdi.no/x"),
        ]
    );
    assert_eq!((merged[3].count, merged[3].finished), (Some(5), Some(8)));
    assert_eq!((merged[1].count, merged[1].finished), (Some(1), Some(2)));
    assert!(is_ssb("https://statbank.ssb.no/en/x") && is_ssb("http://SSB.no") && !is_ssb("https://news.example/ssb.no/"));
    assert!(!is_ssb("https://notssb.no/") && !is_ssb("https://www.ssb.no.example.com/"));
}

#[test]
fn the_compiled_file_is_read_as_stated_and_checked() {
    let head = "avslutningsaar,maaleaar_november,gruppe,maal,verdi,antall,antall_i_alt,kilde_url,grunnlag,merknad\n";
    let read = |rows: &str| parse_compiled("c.csv", &format!("{head}{rows}"));
    let ok = read(
        "2017,2018,alle,andel_arbeid_eller_utdanning_pct,63,,,https://www.ssb.no/a,stated,\n\
         2017,2018,menn,andel_arbeid_eller_utdanning_pct,72,,,https://www.ssb.no/a,derived,\n\
         2021,2022,alle,andel_arbeid_eller_utdanning_pct,64,,,https://www.ssb.no/b,derived,usikker\n\
         2018,2019,alle,andel_arbeid_eller_utdanning_pct,66,,8200,https://www.ssb.no/c,stated,nær 8 200\n\
         2013,2014,alle,andel_arbeid_eller_utdanning_pct,62,2388,3842,https://statbank.ssb.no/d,stated,\n\
         2013,2014,alle,andel_ledig_eller_tiltak_pct,11,421,3842,https://statbank.ssb.no/d,stated,\n\
         2020,2021,alle,andel_arbeid_eller_utdanning_pct,60,,,https://www.ssb.no/e,stated,\"FORELØPIGE tall (sept.)\"\n",
    )
    .unwrap();
    let points: Vec<&PublishedPoint> = ok.iter().map(|f| &f.point).collect();
    let point = |cohort, percent, counts: Option<(u16, u16)>, url: &str| PublishedPoint {
        cohort,
        percent,
        count: counts.map(|c| c.0),
        finished: counts.map(|c| c.1),
        source_url: url.to_string(),
    };
    assert_eq!(
        points,
        [
            &point(2017, 63, None, "https://www.ssb.no/a"),
            &point(2018, 66, None, "https://www.ssb.no/c"),
            &point(2013, 62, Some((2388, 3842)), "https://statbank.ssb.no/d"),
            &point(2020, 60, None, "https://www.ssb.no/e"),
        ]
    );
    assert_eq!(ok.iter().map(|f| f.preliminary).collect::<Vec<_>>(), [false, false, false, true]);
    for (rows, what) in [
        ("2017,2018,alle,andel_arbeid_eller_utdanning_pct,63,,,u,guessed,\n", "grunnlag"),
        ("2017,2017,alle,andel_arbeid_eller_utdanning_pct,63,,,u,stated,\n", "status year"),
        ("2017,2018,alle,andel_arbeid_eller_utdanning_pct,163,,,u,stated,\n", "over 100"),
        ("2017,2018,alle,andel_arbeid_eller_utdanning_pct,63.5,,,u,stated,\n", "whole number"),
        ("2017,2018,alle,andel_arbeid_eller_utdanning_pct,63,9,8,u,stated,\n", "of 8 finished"),
        ("2017,2018,alle,andel_arbeid_eller_utdanning_pct,,,,u,stated,\n", "verdi"),
    ] {
        let e = read(rows).expect_err(what);
        assert!(e.to_string().contains(what) && e.line == 2, "{what}: {e}");
    }
    assert!(parse_compiled("c.csv", "avslutningsaar,verdi\n").unwrap_err().to_string().contains("maaleaar_november"));
}
