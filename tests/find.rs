//! Finding a place as people name it (issue 17): every KLASS 131 number and name since 2011,
//! the search's folding and ranking, and what a page is told. On the frozen fixture
//! (`tests/fixtures/data/`, see `common`).

mod common;

use common::fixture as ds;
use intro_status::choose::{search, search_key};
use intro_status::page::{nearest_lang, open_page};
use intro_status::place::{find, former_notice, not_found_message, NotFound, Place};
use intro_status::text::Lang;
use intro_status::views::ViewKind;

fn code_of(query: &str) -> String {
    match find(ds(), query) {
        Ok(f) => f.place.code().to_string(),
        Err(e) => panic!("{query}: {}", not_found_message(ds(), query, &e, Lang::En)),
    }
}

#[test]
fn every_number_since_2011_finds_todays_kommune() {
    for (query, today) in [
        ("3024", "3201"), // Bærum 2020–2023
        ("0219", "3201"), // Bærum until 2019
        ("5401", "5501"), // Tromsø 2020–2023
        ("1507", "1508"), // Ålesund 2020–2023, Haram left in 2024
        ("1534", "1580"), // Haram until 2019, re-created in 2024
        ("3005", "3301"), // Drammen 2020–2023
        ("5030", "5001"), // Klæbu 2018–2019
        ("1201", "4601"), // Bergen 2011–2019
        ("0723", "3911"), // Tjøme, merged into Færder
        ("301", "0301"),  // the leading zero dropped
        ("0301", "0301"),
        ("30101", "030101"),
        ("Bergen (4601)", "4601"), // as the list labels it
    ] {
        assert_eq!(code_of(query), today, "{query}");
    }
}

#[test]
fn names_today_and_former_in_any_spelling() {
    for (query, today) in [
        ("Bergen", "4601"),
        ("Trondheim - Tråante", "5001"),
        ("Tråante", "5001"),
        ("traante", "5001"),
        ("Klæbu", "5001"),
        ("klaebu", "5001"),
        ("TROMSOE", "5501"),
        ("Aalesund", "1508"),
        ("Porsangu", "5622"),
        ("Gamle Oslo", "030101"),
    ] {
        assert_eq!(code_of(query), today, "{query}");
    }
    // Found by a former number or name: the page is told, in its language.
    let klaebu = find(ds(), "5030").unwrap();
    assert_eq!(former_notice(&klaebu, Lang::Nb).unwrap(), "Klæbu (5030) er nå en del av Trondheim - Tråante (5001).");
    assert_eq!(former_notice(&klaebu, Lang::Nn).unwrap(), "Klæbu (5030) er no ein del av Trondheim - Tråante (5001).");
    assert_eq!(former_notice(&klaebu, Lang::En).unwrap(), "Klæbu (5030) is now part of Trondheim - Tråante (5001).");
    // Only the number changed: nothing to tell the reader.
    assert!(former_notice(&find(ds(), "1201").unwrap(), Lang::Nb).is_none());
    assert!(former_notice(&find(ds(), "3024").unwrap(), Lang::Nb).is_none());
    assert!(former_notice(&find(ds(), "4601").unwrap(), Lang::Nb).is_none());
    assert!(former_notice(&find(ds(), "Tråante").unwrap(), Lang::Nb).is_none());
}

#[test]
fn ambiguous_divided_and_unknown_say_which() {
    let Err(why @ NotFound::Ambiguous(_)) = find(ds(), "Herøy") else { panic!("Herøy is two kommuner") };
    let message = not_found_message(ds(), "Herøy", &why, Lang::Nb);
    assert!(message.contains("1515 Herøy (Møre og Romsdal), Møre og Romsdal") && message.contains("1818 Herøy (Nordland), Nordland"), "{message}");
    for query in ["5012", "1613", "Snillfjord"] {
        let Err(why @ NotFound::Divided { .. }) = find(ds(), query) else { panic!("{query} was divided") };
        assert_eq!(
            not_found_message(ds(), query, &why, Lang::En),
            format!(
                "Snillfjord ({}) was divided among Heim (5055), Hitra (5056), Orkland (5059). Choose one of them.",
                if query == "1613" { "1613" } else { "5012" }
            )
        );
    }
    assert!(matches!(find(ds(), "9999"), Err(NotFound::Unknown)));
    assert_eq!(not_found_message(ds(), "9999", &NotFound::Unknown, Lang::Nb), "Ukjent kommunenummer: «9999»");
    assert_eq!(not_found_message(ds(), "Bergn", &NotFound::Unknown, Lang::Nn), "Fann ingen kommune eller bydel som heiter «Bergn»");
    assert!(Place::resolve(ds(), "").is_none());
}

/// The codes a search finds, best first.
fn found(query: &str) -> Vec<String> {
    search(ds(), Lang::Nb, query).options.into_iter().map(|m| m.value).collect()
}

#[test]
fn search_folds_as_people_type() {
    assert_eq!(search_key("Ålesund"), search_key("aalesund"));
    assert_eq!(search_key("Bærum"), search_key("baerum"));
    assert_eq!(search_key("Bærum"), search_key("berum"));
    assert_eq!(search_key("Tromsø"), search_key("tromsoe"));
    assert_eq!(search_key("Porsáŋgu"), "porsangu");
    for (query, code) in [("tromso", "5501"), ("tromsø", "5501"), ("baerum", "3201"), ("klæbu", "5001"), ("klaebu", "5001"), ("aalesund", "1508"), ("tråante", "5001")] {
        assert_eq!(found(query).first().map(String::as_str), Some(code), "{query}: {:?}", found(query));
    }
}

#[test]
fn search_ranks_names_before_numbers_before_substrings() {
    let berg = found("berg");
    assert_eq!(berg[0], "4601", "{berg:?}");
    let flesberg = berg.iter().position(|c| c == "3334").unwrap();
    assert!(berg.iter().position(|c| c == "5530").unwrap() < flesberg, "Senja (formerly Berg) before Flesberg: {berg:?}");
    let os = found("os");
    assert_eq!(&os[..3], ["3430", "5020", "0301"], "Os, Osen, Oslo: {os:?}");
    assert!(os.iter().position(|c| c == "4228").is_none_or(|h| h > 3), "Hægebostad after: {os:?}");
    // A later word: the bydeler of "Oslo – …" after Oslo itself.
    let oslo = search(ds(), Lang::Nb, "oslo");
    assert_eq!(oslo.options[0].value, "0301");
    let gamle = oslo.options.iter().find(|m| m.value == "030101").unwrap();
    assert_eq!(gamle.label, "Oslo – Gamle Oslo (bydel)");
    // Numbers, and former numbers with a note in the language.
    let klaebu = search(ds(), Lang::Nb, "5030");
    assert_eq!((klaebu.options[0].value.as_str(), klaebu.options[0].note.as_deref()), ("5001", Some("tidligere Klæbu (5030)")));
    assert_eq!(search(ds(), Lang::Nn, "klæbu").options[0].note.as_deref(), Some("tidlegare Klæbu (5030)"));
    assert_eq!(search(ds(), Lang::En, "klæbu").options[0].note.as_deref(), Some("formerly Klæbu (5030)"));
    assert_eq!(search(ds(), Lang::Nb, "trondheim").options[0].note, None);
    let snillfjord = search(ds(), Lang::En, "snillfjord");
    assert_eq!(snillfjord.options.iter().map(|m| m.value.as_str()).collect::<Vec<_>>(), ["5055", "5056", "5059"]);
    assert_eq!(snillfjord.options[0].note.as_deref(), Some("holds part of former Snillfjord (5012)"));
}

#[test]
fn search_counts_and_caps() {
    let all = search(ds(), Lang::Nb, "  ");
    assert_eq!(all.count, "");
    assert_eq!(all.options.len(), 357 + 18, "every kommune and listed bydel");
    assert!(all.options.iter().all(|m| m.note.is_none()));
    let labels: Vec<String> = all.options.iter().map(|m| intro_status::text::sort_key(&m.label)).collect();
    assert!(labels.windows(2).all(|w| w[0] <= w[1]), "alphabetical");
    let e = search(ds(), Lang::Nb, "e");
    assert_eq!(e.options.len(), 50);
    assert!(e.count.ends_with("kommuner passer") && e.count != "50 kommuner passer", "{}", e.count);
    assert_eq!(search(ds(), Lang::Nb, "tromsø").count, "1 kommune passer");
    assert_eq!(search(ds(), Lang::Nb, "xyzzy").count, "Ingen kommuner passer");
    assert_eq!(search(ds(), Lang::Nn, "xyzzy").count, "Ingen kommunar passar");
    assert_eq!(search(ds(), Lang::En, "xyzzy").count, "No municipalities match");
}

#[test]
fn a_page_is_told_what_was_not_taken_as_it_stands() {
    let page = open_page(ds(), "Klæbu", ViewKind::Status, "", "", Lang::Nb).unwrap();
    assert_eq!(page.opened.code, "5001");
    assert_eq!(page.notice.as_deref(), Some("Klæbu (5030) er nå en del av Trondheim - Tråante (5001)."));
    assert!(open_page(ds(), "5001", ViewKind::Status, "", "", Lang::Nb).unwrap().notice.is_none());
    // A cohort without figures: the newest, and which there are.
    let newest = open_page(ds(), "0301", ViewKind::Status, "", "", Lang::Nb).unwrap();
    let (shown, cohorts) = newest.opened.data.cohort_choice().unwrap();
    let (shown, first) = (shown, cohorts[0]);
    for bad in ["9999", "NaN", "abc", "2005"] {
        let page = open_page(ds(), "0301", ViewKind::Status, bad, "", Lang::Nb).unwrap();
        assert_eq!(page.opened.data.cohort_choice().unwrap().0, shown, "{bad}");
        assert_eq!(
            page.notice.as_deref(),
            Some(format!("Kullet «{bad}» finnes ikke i tallene; viser {shown}. Kull med tall: {first}–{shown}.").as_str())
        );
    }
    let en = open_page(ds(), "0301", ViewKind::Status, "9999", "", Lang::En).unwrap().notice.unwrap();
    assert!(en.starts_with("There are no figures for the cohort «9999»; showing"), "{en}");
    let nn = open_page(ds(), "0301", ViewKind::Status, "9999", "", Lang::Nn).unwrap().notice.unwrap();
    assert!(nn.starts_with("Kullet «9999» finst ikkje i tala"), "{nn}");
    // A cohort there is: that one, no notice.
    let older = open_page(ds(), "0301", ViewKind::Status, &first.to_string(), "", Lang::Nb).unwrap();
    assert_eq!((older.opened.data.cohort_choice().unwrap().0, older.notice), (first, None));
    // Both at once, a line each.
    let both = open_page(ds(), "5030", ViewKind::Status, "abc", "", Lang::Nb).unwrap().notice.unwrap();
    assert_eq!(both.lines().count(), 2, "{both}");
    // An ambiguous name is the page's error, in its language.
    let e = open_page(ds(), "Herøy", ViewKind::Goal, "", "", Lang::Nn).err().unwrap();
    assert!(e.starts_with("«Herøy» kan vere fleire stader"), "{e}");
}

#[test]
fn a_lang_tag_gives_the_nearest_language() {
    for (tag, lang) in [("nb-NO", Lang::Nb), ("no", Lang::Nb), ("nob", Lang::Nb), ("nn-NO", Lang::Nn), ("nno", Lang::Nn), ("en-GB", Lang::En), ("eng", Lang::En), ("", Lang::Nb)] {
        assert_eq!(nearest_lang(tag), (lang, None), "{tag}");
    }
    assert_eq!(nearest_lang("se"), (Lang::Nb, Some("Ukjent språk «se»; viser bokmål.".to_string())));
    assert_eq!(nearest_lang("de-DE").0, Lang::Nb);
}
