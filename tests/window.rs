//! `intro-status view`: the widget's words for any place, natively. Runs the built binary on the
//! embedded data: mostly its shape, and one truth check.

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_intro-status")).arg("view").args(args).output().expect("the binary runs");
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn json_is_one_object_a_line_with_what_the_widget_shows() {
    let (code, out, err) = run(&["0301", "1201", "--view", "goal", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).expect("a JSON object")).collect();
    assert_eq!(lines.len(), 2);
    // An old number is shown as today's kommune.
    assert_eq!((lines[0]["place"].as_str(), lines[1]["place"].as_str()), (Some("0301"), Some("4601")));
    for l in &lines {
        for key in ["view", "title", "summary", "notes", "table"] {
            assert!(!l[key].is_null(), "{key} missing in {l}");
        }
        let header = l["table"]["header"].as_array().unwrap().len();
        assert!(l["table"]["rows"].as_array().unwrap().iter().all(|r| r.as_array().unwrap().len() == header));
    }
    // A truth check on the embedded data (it follows a refresh only by hand): Oslo's 2014 row in
    // SSB's extract, cohort 2013, 251 finished and 140 in work or education, 56 %.
    let summary = lines[0]["summary"].as_str().unwrap();
    assert!(summary.starts_with("I Oslo var 56 prosent (140 av 251)"), "{summary}");
}

#[test]
fn every_place_and_view_has_its_line() {
    let (code, out, err) = run(&["--all", "--format", "json", "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    // Every kommune of today and every bydel, seven views each (357 and 18 in today's data).
    use intro_status::data::{Dataset, Embedded, Level};
    let ds = Dataset::embedded();
    let places = ds.map.kommuner.len() + ds.regions.iter().filter(|r| r.region.level == Level::Bydel).count();
    assert_eq!(out.lines().count(), places * intro_status::views::ViewKind::ALL.len());
}

#[test]
fn places_by_number_or_name_and_a_clear_refusal() {
    let (code, out, _) = run(&["tråante", "--view", "status", "--lang", "nn"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("== 5001 Trondheim - Tråante · status · nn\n"), "{out}");
    let (code, out, err) = run(&["herøy"]);
    assert_ne!(code, 0);
    assert!(out.is_empty());
    assert!(err.contains("1515 Herøy (Møre og Romsdal)") && err.contains("1818 Herøy (Nordland)"), "{err}");
    let (code, _, err) = run(&["9999"]);
    assert_ne!(code, 0);
    assert!(err.contains("«9999»"), "{err}");
}

#[test]
fn csv_and_svg_are_the_downloads() {
    let (code, out, _) = run(&["030106", "--view", "goal", "--format", "csv"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Ullern: I arbeid eller utdanning") && out.trim_end().ends_with("\"Kilde: SSB, statistikkbanken tabell 10824\""), "{out}");
    let (code, out, _) = run(&["030106", "--view", "goal", "--format", "svg"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("<svg") && out.contains("Ullern"));
}

#[test]
fn search_prints_todays_numbers_best_first() {
    let search = |q: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_intro-status")).arg("search").arg(q).output().expect("the binary runs");
        (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
    };
    let (code, out, _) = search("tromso");
    assert_eq!(code, 0);
    assert!(out.starts_with("5501\tTromsø"), "{out}");
    let (code, out, _) = search("5030");
    assert_eq!((code, out.lines().next()), (0, Some("5001\tTrondheim - Tråante")));
    let (code, out, err) = search("xyzzy");
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(err.contains("«xyzzy»"), "{err}");
}

#[test]
fn compare_adds_the_places_with_their_figures() {
    // A truth check on the embedded data: Bergen's (1201's) 2014 row in SSB's extract, cohort
    // 2013: 203 finished, 57 % in work or education, 9 % unemployed or on measures, 34 % other.
    let (code, out, err) = run(&["0301", "--view", "status", "--compare", "4601,5001", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    let rows = v["table"]["rows"].as_array().unwrap();
    let bergen = rows.iter().find(|r| r[0] == "Bergen").expect("a row for Bergen");
    assert_eq!(bergen.as_array().unwrap()[1..], ["203", "57\u{a0}%", "9\u{a0}%", "34\u{a0}%"]);
    assert!(rows.iter().any(|r| r[0] == "Trondheim - Tråante"), "{rows:?}");
    let (code, out, err) = run(&["0301", "--view", "goal", "--compare", "4601 9999", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert!(v["summary"].as_str().unwrap().contains("Til sammenligning, for dem som avsluttet i 2013: Bergen 57 prosent"), "{v}");
    // What was not taken, on stderr.
    assert!(err.contains("«9999»"), "{err}");
}
