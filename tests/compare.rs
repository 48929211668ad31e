//! Places to compare with (`compare="4601 5001 46"`) on the frozen fixture: what an entry names
//! (today's and former numbers, names, bydeler, fylker today and of the day), what is left out
//! and said (unknown, not summable, repeats, the place itself, past six), and the goal, status
//! and gender views with them — their figures checked against the fixture's cells summed here,
//! their tables and summaries naming every place in nb, nn and en.

mod common;

use common::{fixture as ds, flat, place, source_rows};
use intro_status::chart::LIGHT;
use intro_status::compare::{others, MAX};
use intro_status::data::{cell_index, Cell, Gender, Status, Unit};
use intro_status::outcome::{Share, Who};
use intro_status::page::open_page;
use intro_status::text::Lang;
use intro_status::views::{Opened, ViewData, ViewKind};

fn codes(attr: &str, chosen: &str) -> Vec<String> {
    others(ds(), attr, &place(chosen), Lang::Nb).places.iter().map(|o| o.code.clone()).collect()
}

fn notices(attr: &str, chosen: &str, lang: Lang) -> Vec<String> {
    others(ds(), attr, &place(chosen), lang).notices
}

fn opened(kind: ViewKind, chosen: &str, attr: &str, lang: Lang) -> Opened {
    let o = others(ds(), attr, &place(chosen), lang);
    Opened::compared(ds(), &place(chosen), kind, None, lang, &o.places).unwrap()
}

/// The share in work or education of a kommune of today for a cohort, summed from its former
/// kommuner's cells in the fixture: `Some((x, n))` where every part publishes both counts.
fn counts(code: &str, cohort: u16) -> Option<(u16, u16)> {
    let year = cohort + 1;
    let mut out = (0, 0);
    for r in source_rows(ds(), code).iter().filter(|r| r.years.contains_key(&year)) {
        let cell = |s| r.years[&year][cell_index(1, Gender::Alle, s, Unit::Count)];
        let (Cell::Value(n), Cell::Value(x)) = (cell(Status::Alle), cell(Status::Arbutd)) else { return None };
        out = (out.0 + x, out.1 + n);
    }
    Some(out)
}

#[test]
fn an_entry_is_any_number_or_name_a_bydel_or_a_fylke() {
    // Today's number, a former one (Bergen's 1201), a former kommune merged into today's (Klæbu
    // 5030 → Trondheim 5001), a name, a bydel (Gamle Oslo), a fylke today (Rogaland 11) and of
    // the day (Hordaland 12, gone since 2020).
    assert_eq!(codes("1201 5030 Bærum 030101 11 12", "4036"), ["4601", "5001", "3201", "030101", "11", "12"]);
    let o = others(ds(), "12 11", &place("4036"), Lang::Nb);
    assert_eq!(o.places[0].who, Who::Fylke { name: "Hordaland".into(), today: false });
    assert_eq!(o.places[1].who, Who::Fylke { name: "Rogaland".into(), today: true });
    // Names with spaces, separated by commas.
    assert_eq!(codes("Nordre Land, Sør-Fron; 1103", "4036"), ["3448", "3438", "1103"]);
    // The same place twice (by two numbers), and the place itself, once and not at all.
    assert_eq!(codes("4601 1201 4601 4036 Vinje", "4036"), ["4601"]);
    // Oslo's fylke beside Oslo: the same figures, left out without a word.
    assert_eq!(codes("03 4601", "0301"), ["4601"]);
    assert!(notices("03 4601", "0301", Lang::Nb).is_empty());
}

#[test]
fn what_is_not_taken_is_said_in_each_language() {
    assert_eq!(codes("9999 xyz 4601", "0301"), ["4601"]);
    assert_eq!(
        notices("9999 xyz", "0301", Lang::Nb),
        ["Fant ingen kommune, bydel eller fylke «9999» å sammenligne med.", "Fant ingen kommune, bydel eller fylke «xyz» å sammenligne med."]
    );
    assert_eq!(notices("9999", "0301", Lang::Nn), ["Fann ingen kommune, bydel eller fylke «9999» å samanlikne med."]);
    assert_eq!(notices("9999", "0301", Lang::En), ["No municipality, district or county «9999» to compare with."]);
    // Today's Vestland (46) cannot be summed from the table: Hornindal, of Sogn og Fjordane, went to Volda.
    assert_eq!(notices("46", "0301", Lang::Nb), ["Vestland kan ikke vises: fylkets tall kan ikke summeres fra tabellens celler."]);
    // Past six: the first six, and a word.
    let eight = "4601 5001 1103 3201 1508 3301 1804 5501";
    assert_eq!(codes(eight, "0301").len(), MAX);
    assert_eq!(notices(eight, "0301", Lang::En), ["Showing the first 6 places to compare with."]);
    // A name several kommuner had: the page's own message for it.
    assert!(notices("Herøy", "0301", Lang::Nb)[0].contains("Herøy"), "{:?}", notices("Herøy", "0301", Lang::Nb));
    // Garbage is said shortened, never echoed whole; thousands of entries, a few lines.
    let long = "x".repeat(500);
    assert!(notices(&long, "0301", Lang::Nb)[0].len() < 200);
    let flood = (0..10_000).map(|i| format!("x{i}")).collect::<Vec<_>>().join(" ");
    assert_eq!(notices(&flood, "0301", Lang::Nb).len(), 3);
    assert_eq!(codes(&format!("{flood} 4601"), "0301"), Vec::<String>::new(), "only the first entries are read");
}

#[test]
fn the_goal_view_draws_tabulates_and_says_each_place() {
    let o = opened(ViewKind::Goal, "0301", "4601,5001", Lang::Nb);
    let ViewData::Goal(v) = &o.data else { panic!() };
    assert_eq!(o.compare, ["4601", "5001"]);
    assert_eq!(v.compare.len(), 2);
    // Bergen, each cohort of the table, against its cells; Trondheim has none summed (Klæbu is
    // suppressed), and says so.
    for (i, &c) in v.cohorts[..v.table_cohorts].iter().enumerate() {
        match (counts("4601", c), &v.compare[0].points[i]) {
            (Some((x, n)), Share::Published { count, finished, .. }) => assert_eq!((*count, *finished), (Some(x), Some(n)), "{c}"),
            (want, got) => panic!("{c}: {want:?} {got:?}"),
        }
    }
    // The newest: Bergen 2013 in the fixture (status year 2014), 57 %.
    assert_eq!(v.compare[0].points[v.table_cohorts - 1].percent(), Some(57));
    assert!(matches!(v.compare[1].points[v.table_cohorts - 1], Share::Incomplete { .. }));
    let text = o.text();
    assert!(text.table.headers.contains(&"Bergen: prosent".to_string()), "{:?}", text.table.headers);
    assert!(text.table.headers.contains(&"Trondheim - Tråante: prosent".to_string()));
    assert!(text.summary.contains("Til sammenligning, for dem som avsluttet i 2013: Bergen 57 prosent, Trondheim - Tråante (tallene for de tidligere kommunene kan ikke summeres"), "{}", text.summary);
    let svg = flat(&intro_status::chart::svg_of(o.drawing(&LIGHT, 1.0, (720, 420))));
    // Bergen by its line's label; Trondheim, with no point to draw, by the word for its gap.
    assert!(svg.contains(">Bergen<") && svg.contains(">Trondheim - Tråante: ikke summert<"), "each place named on the chart");
    for lang in [Lang::Nn, Lang::En] {
        let s = opened(ViewKind::Goal, "0301", "4601", lang).text().summary;
        assert!(s.contains("Bergen 57 p"), "{lang:?}: {s}");
    }
}

#[test]
fn status_and_gender_show_each_place_and_other_views_none() {
    let o = opened(ViewKind::Status, "4036", "4601 11", Lang::En);
    let rows: Vec<String> = o.text().table.rows.iter().map(|r| r[0].clone()).collect();
    // Vinje, its former kommuner none, the places, its fylke, the country.
    assert_eq!(rows, ["Vinje", "Bergen", "Rogaland", "Telemark", "Norway"]);
    assert!(o.text().summary.contains("Bergen: 57, "), "{}", o.text().summary);
    let g = opened(ViewKind::Gender, "4036", "4601", Lang::Nb);
    let t = g.text();
    assert_eq!(t.table.headers[3..5], ["Bergen, menn".to_string(), "Bergen, kvinner".to_string()]);
    assert!(t.summary.contains("Til sammenligning, for dem som avsluttet i 2013: Bergen menn "), "{}", t.summary);
    // A place with no figure for either, for one reason: the reason once.
    let both = opened(ViewKind::Gender, "4601", "4036", Lang::En).text().summary;
    assert!(both.contains("For comparison, for those who finished in 2013: Vinje (nobody finished the programme that year)."), "{both}");
    let svg = flat(&intro_status::chart::svg_of(g.drawing(&LIGHT, 1.0, (720, 420))));
    assert!(svg.contains(">Bergen<") && svg.contains(">Vinje<") && svg.contains(">Hele landet<"));
    // The ranking does not compare: no places, nothing said.
    let r = opened(ViewKind::Ranking, "4036", "4601", Lang::Nb);
    assert!(r.compare.is_empty());
    let page = open_page(ds(), "4036", ViewKind::Ranking, "", "9999", Lang::Nb).unwrap();
    assert!(page.notice.is_none() && page.compare.is_empty());
    // A page's comparison: its chips, and its notice.
    let page = open_page(ds(), "4036", ViewKind::Goal, "", "1201 9999", Lang::Nb).unwrap();
    assert_eq!((page.compare[0].value.as_str(), page.compare[0].label.as_str()), ("4601", "Bergen"));
    assert_eq!(page.notice.as_deref(), Some("Fant ingen kommune, bydel eller fylke «9999» å sammenligne med."));
}

/// Who finished over the fixture's cohorts (status years 2011–2014, one year after), per year
/// summed from today's kommune's former kommuners' cells where every one there publishes it
/// (else none that year).
fn finished(code: &str) -> u32 {
    let rows = source_rows(ds(), code);
    (2011..=2014)
        .map(|year| {
            let cells: Vec<Cell> = rows.iter().filter_map(|r| r.years.get(&year)).map(|c| c[cell_index(1, Gender::Alle, Status::Alle, Unit::Count)]).collect();
            cells.iter().map(|c| c.value().map(u32::from)).sum::<Option<u32>>().unwrap_or(0)
        })
        .sum()
}

#[test]
fn neighbours_are_one_group_the_largest_six_and_a_note_names_them_all() {
    use intro_status::compare::{neighbour_group, neighbours};
    // Vinje's seven land neighbours on Kartverket's 2024 map (Eidfjord touches at a point only).
    let all: Vec<&str> = neighbours(ds(), &place("4036")).iter().map(|k| k.code.as_str()).collect();
    assert_eq!(all, ["1134", "3338", "4022", "4026", "4034", "4222", "4618"]);
    // The group: six, most who finished first; the one left out has no more than any in it.
    let group: Vec<String> = neighbour_group(ds(), &place("4036")).split(' ').map(String::from).collect();
    assert_eq!(group.len(), 6);
    let left_out = all.iter().find(|c| !group.iter().any(|g| g == *c)).unwrap();
    assert!(group.iter().all(|g| finished(g) >= finished(left_out)), "{group:?} {left_out}");
    assert!(group.windows(2).all(|w| finished(&w[0]) >= finished(&w[1])), "{group:?}");
    // Compared with all of them: the note names all seven, with the map's source.
    let o = opened(ViewKind::Goal, "4036", &group.join(" "), Lang::Nb);
    let notes = o.text().notes;
    assert_eq!(
        notes.last().unwrap(),
        "Nabokommuner til Vinje: Suldal, Nore og Uvdal, Seljord, Tinn, Tokke, Bykle og Ullensvang (felles landegrense på Kartverkets kommunekart fra 2024, © Kartverket, CC BY 4.0)."
    );
    // Not when one compared is no neighbour; not for an island, nor for a bydel.
    assert!(!opened(ViewKind::Goal, "4036", "4026 4601", Lang::Nb).text().notes.iter().any(|n| n.starts_with("Nabokommuner")));
    assert_eq!(neighbour_group(ds(), &place("1151")), "");
    assert_eq!(neighbour_group(ds(), &place("030101")), "");
    // Oslo's eight, the page's group six of them.
    assert_eq!(neighbours(ds(), &place("0301")).len(), 8);
    let page = open_page(ds(), "0301", ViewKind::Status, "", "", Lang::En).unwrap();
    assert_eq!(page.neighbours.split(' ').count(), 6);
    assert!(open_page(ds(), "0301", ViewKind::Ranking, "", "", Lang::En).unwrap().neighbours.is_empty());
}
