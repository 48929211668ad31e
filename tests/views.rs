//! The goal view: its figures equal the source cells, and its SVG shows them. On the frozen
//! fixture (`tests/fixtures/data/`, see `common`).

mod common;

use common::{fixture, flat, published, svg};
use intro_status::chart::LIGHT;
use intro_status::outcome::Share;
use intro_status::text::{format_int, Lang};
use intro_status::views::goal::{goal_comparison, goal_notes, goal_table, GoalComparison};
use intro_status::views::ViewData;

fn goal_svg(v: &GoalComparison, lang: Lang, width: u32, height: u32) -> String {
    svg(&ViewData::Goal(v.clone()), lang, &LIGHT, width, height)
}

#[test]
fn oslo_goal_view_equals_source_cells() {
    let v = goal_comparison(fixture(), "0301").unwrap();
    // Table 10824 covers cohorts 2010–2013; the country runs on to 2023 in published figures.
    assert_eq!(v.cohorts, (2010..=2023).collect::<Vec<u16>>());
    assert_eq!(v.table_cohorts, 4);
    // Cohort 2014: 58 % (SSB via Norway Today), percent only; 2016: 4 790 / 2 980 = 62 %;
    // 2017: 63 % and 2020: 60 % (ssb.no articles); 2022: 3 170 / 2 060 = 65 % (ssb.no/introinnv).
    assert_eq!(v.land.points[4], Share::Published { percent: 58, count: None, finished: None });
    assert!(v.land_sources[4].as_deref().unwrap().contains("norwaytoday.info"));
    assert_eq!(v.land.points[6], published(62, 2980, 4790));
    assert_eq!(v.land.points[7], Share::Published { percent: 63, count: None, finished: None });
    assert_eq!(v.land.points[10], Share::Published { percent: 60, count: None, finished: None });
    assert!(v.land_sources[7].as_deref().unwrap().starts_with("https://www.ssb.no/"));
    assert_eq!(v.land.points[12], published(65, 2060, 3170));
    assert_eq!(v.land_sources[3], None);
    assert_eq!(v.kommune.points[4], Share::NoData);
    assert_eq!(v.kommune.name, "Oslo");
    assert_eq!(v.kommune.points[3], published(56, 140, 251));
    assert_eq!(v.land.points[3], published(62, 2388, 3842));
    // Cohort 2010 (status 2011), national: 2 897 finished, 1 771 in work or education = 61 %.
    assert_eq!(v.land.points[0], published(61, 1771, 2897));
    assert_eq!(v.goal, 70);
    let table = goal_table(&v, Lang::Nb);
    // Oslo is its own fylke today: no second, identical line.
    assert!(v.fylke.is_none());
    assert_eq!(table.rows[3], ["2013", "251", "140", "56\u{a0}%", "62\u{a0}%", "SSB tabell 10824"]);
    assert_eq!(table.rows[4], ["2014", "–", "–", "–", "58\u{a0}%", "norwaytoday.info"]);
    assert_eq!(table.headers[4], "Hele landet: prosent");
    assert!(table.footnotes.iter().any(|f| f.starts_with("2014: Hele landet, bare prosent, publisert i http://norwaytoday.info/")));
    // Cohort 2010: the table's 61 %; Steinkjer kommune quotes SSB's older Monitor series, 54 %.
    assert_eq!(
        goal_table(&v, Lang::En).rows[0],
        ["2010", "239", "141", "59%", "61%", "SSB table 10824 (differing figure: 54% at www.steinkjer.kommune.no)"]
    );
    assert_eq!(table.rows[7], ["2017", "–", "–", "–", "63\u{a0}%", "www.ssb.no"]);
    let svg = flat(&goal_svg(&v, Lang::Nb, 720, 420));
    assert!(svg.starts_with("<svg"), "{}", &svg[..80]);
    for text in ["Oslo: I arbeid eller utdanning", "56\u{a0}%", "Hele landet", "Nasjonalt mål 70 %", "Kilde: SSB, statistikkbanken tabell 10824", ">2013<"] {
        assert!(svg.contains(text), "SVG lacks {text:?}");
    }
    assert!(!svg.contains("(skjult)"), "Oslo has no suppressed cohort");
}

#[test]
fn suppressed_cohort_is_a_gap_with_a_note() {
    // 3105 Sarpsborg (0105 until 2020): cohort 2012 suppressed, the others published.
    let v = goal_comparison(fixture(), "3105").unwrap();
    assert_eq!(v.kommune.points[2], Share::Suppressed { finished: Some(30) });
    let table = goal_table(&v, Lang::Nb);
    // Østfold of 2011–2014 beside it (today's Østfold cannot be summed): 2013 = 59 / 136 = 43 %.
    assert_eq!(table.rows[2], ["2012", "30", "skjult", "skjult", "52\u{a0}%", "62\u{a0}%", "SSB tabell 10824"]);
    assert_eq!(table.rows[3], ["2013", "28", "15", "54\u{a0}%", "43\u{a0}%", "62\u{a0}%", "SSB tabell 10824"]);
    assert_eq!(table.footnotes[0], "Skjult: for få deltakere til at tall kan vises.");
    assert_eq!(v.kommune.points[3], published(54, 15, 28));
    let notes = goal_notes(&v, Lang::Nb);
    assert_eq!(notes[0], "Tallene for Sarpsborg gjelder dem som avsluttet i 2010–2013, fra SSBs tabell 10824.");
    assert_eq!(notes[1], "2012: for få deltakere til at tall kan vises.");
    let svg = goal_svg(&v, Lang::Nb, 720, 420);
    // The gap's label names its line (issue 16).
    assert!(svg.contains("Sarpsborg: skjult"), "{svg}");
    // The kommune line is drawn in two pieces (2010–2011 and 2013 alone), never through 0 %.
    assert!(svg.contains("54\u{a0}%") && svg.contains("44\u{a0}%") && svg.contains("33\u{a0}%"));
}

#[test]
fn unknown_kommune_has_no_view() {
    assert!(goal_comparison(fixture(), "9999").is_none());
    assert!(goal_comparison(fixture(), "abcd").is_none());
    // A fylke code is not a kommune.
    assert!(goal_comparison(fixture(), "03").is_none());
}

#[test]
fn numbers_are_formatted_per_language() {
    assert_eq!(format_int(3842, Lang::Nb), "3\u{a0}842");
    assert_eq!(format_int(3842, Lang::En), "3,842");
    assert_eq!(format_int(251, Lang::Nn), "251");
    assert_eq!(format_int(1_234_567, Lang::Nb), "1\u{a0}234\u{a0}567");
}

#[test]
fn kommune_names_sort_the_norwegian_way() {
    let mut names = vec!["Ås", "Ørland", "Æsj", "Zrk", "Oslo", "Åfjord"];
    names.sort_by_key(|n| intro_status::text::sort_key(n));
    assert_eq!(names, ["Oslo", "Zrk", "Æsj", "Ørland", "Åfjord", "Ås"]);
}

/// A bydel is compared with, and listed under, its own kommune: the one its first four digits
/// number. The extract has Oslo's only; a refreshed table with Bergen's (numbered under Bergen's
/// 2011–2014 number, 1201) must not put them under Oslo.
#[test]
fn a_bydel_belongs_to_the_kommune_of_its_number() {
    use intro_status::data::{Level, RegionData};
    use intro_status::outcome::subjects;
    use intro_status::place::{bydel_kommune, Place};
    let mut ds = fixture().clone();
    // A made-up Bergen bydel with Gamle Oslo's cells (only where it is listed is checked).
    let mut bergen = ds.region(Level::Bydel, "030101").expect("Gamle Oslo").clone();
    bergen.region.code = "120101".into();
    bergen.region.name = "Bergenhus".into();
    ds.regions.push(RegionData { ..bergen });

    assert_eq!(bydel_kommune(&ds, "120101").map(|k| k.code.as_str()), Some("4601"));
    assert_eq!(bydel_kommune(&ds, "030101").map(|k| k.code.as_str()), Some("0301"));
    assert_eq!(bydel_kommune(&ds, "999901"), None);
    let s = subjects(&ds, &Place::resolve(&ds, "120101").expect("a bydel in the data"));
    let (parent, _, _) = s.fylke.expect("compared with its kommune");
    assert_eq!((s.name.as_str(), parent.as_str()), ("Bergenhus", "Bergen"));
    let s = subjects(&ds, &Place::resolve(&ds, "030101").expect("Gamle Oslo"));
    assert_eq!(s.fylke.expect("Oslo").0, "Oslo kommune");
}
