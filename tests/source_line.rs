//! The source line: table number, fetch date and SSB's preliminary flag, in three languages.

mod common;

use intro_status::data::SourceInfo;
use intro_status::text::{format_date, source_line, Lang};
use intro_status_import::import::import_dir;

fn source(fetched: Option<&str>, updated: Option<&str>, preliminary: bool) -> SourceInfo {
    SourceInfo {
        table: "10824".into(),
        fetched: fetched.map(String::from),
        updated: updated.map(String::from),
        preliminary,
        synthetic: false,
    }
}

#[test]
fn synthetic_figures_say_so_first_in_every_language() {
    let s = SourceInfo { synthetic: true, ..source(Some("2025-11-25"), None, false) };
    assert_eq!(source_line(&s, Lang::Nb), "SYNTETISKE TALL, ikke SSBs (Kilde: SSB, statistikkbanken tabell 10824)");
    assert_eq!(source_line(&s, Lang::Nn), "SYNTETISKE TAL, ikkje SSB sine (Kjelde: SSB, statistikkbanken tabell 10824)");
    assert_eq!(source_line(&s, Lang::En), "SYNTHETIC FIGURES, not Statistics Norway's (Source: Statistics Norway, StatBank table 10824)");
}

#[test]
fn fetched_preliminary_in_every_language() {
    let s = source(Some("2025-11-25"), Some("2025-06-18"), true);
    assert_eq!(source_line(&s, Lang::Nb), "Kilde: SSB, statistikkbanken tabell 10824, hentet 25.11.2025, foreløpige tall");
    assert_eq!(source_line(&s, Lang::Nn), "Kjelde: SSB, statistikkbanken tabell 10824, henta 25.11.2025, førebelse tal");
    assert_eq!(
        source_line(&s, Lang::En),
        "Source: Statistics Norway, StatBank table 10824, retrieved 25 November 2025, preliminary figures"
    );
}

#[test]
fn final_figures_say_nothing_about_it() {
    let s = source(Some("2025-01-02"), None, false);
    assert_eq!(source_line(&s, Lang::Nb), "Kilde: SSB, statistikkbanken tabell 10824, hentet 02.01.2025");
    assert_eq!(source_line(&s, Lang::En), "Source: Statistics Norway, StatBank table 10824, retrieved 2 January 2025");
}

#[test]
fn without_a_fetch_date_ssbs_update_date_is_named_as_such() {
    let s = source(None, Some("2025-06-18"), false);
    assert_eq!(source_line(&s, Lang::Nb), "Kilde: SSB, statistikkbanken tabell 10824, oppdatert 18.06.2025");
    assert_eq!(source_line(&s, Lang::Nn), "Kjelde: SSB, statistikkbanken tabell 10824, oppdatert 18.06.2025");
    assert_eq!(source_line(&s, Lang::En), "Source: Statistics Norway, StatBank table 10824, updated 18 June 2025");
}

#[test]
fn the_csv_extract_has_neither_date_and_keeps_todays_line() {
    // The 2015 extract (the frozen copy the core tests run on, and what the widget shows until
    // a refresh) carries no fetch date: the line names the table alone.
    let csv = import_dir(common::fixture_table_dir()).unwrap();
    let line = source_line(&csv.source, Lang::Nb);
    assert_eq!(line, "Kilde: SSB, statistikkbanken tabell 10824");
    assert_eq!(source_line(&SourceInfo::default(), Lang::Nn), "Kjelde: SSB, statistikkbanken tabell 10824");
}

#[test]
fn odd_dates_are_shown_as_they_are() {
    assert_eq!(format_date("2025-13-01", Lang::Nb), "2025-13-01");
    assert_eq!(format_date("i går", Lang::En), "i går");
    assert_eq!(format_date("2025-1-5", Lang::Nb), "05.01.2025");
}
