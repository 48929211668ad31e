//! Today's kommune map (KLASS 131, 2024): every rule of issue 4 on real cells, those of the
//! frozen fixture (`tests/fixtures/data/`, see `common`).

mod common;

use common::{fixture as ds, goal_view, published};
use intro_status::data::Level;
use intro_status::outcome::Share;
use intro_status::place::{resolve, today_kommune};
use intro_status::text::Lang;
use intro_status::views::goal::{goal_comparison, goal_notes, goal_table};

fn sources(code: &str) -> Vec<String> {
    today_kommune(ds(), code)
        .unwrap_or_else(|| panic!("{code} is not one of today's kommuner"))
        .sources
        .iter()
        .map(|s| match &s.split {
            Some(split) => format!("{}/{} {}", s.code, split.name, split.year),
            None => s.code.clone(),
        })
        .collect()
}

#[test]
fn all_357_kommuner_of_2024_resolve_and_every_old_kommune_lives_on() {
    let map = &ds().map;
    assert_eq!(map.version, 2024);
    assert_eq!(map.kommuner.len(), 357);
    assert_eq!(map.fylker.len(), 15);
    for k in &map.kommuner {
        assert!(!k.sources.is_empty(), "{} has no source", k.code);
        for s in &k.sources {
            assert!(ds().region(Level::Kommune, &s.code).is_some(), "{} ← {} not in the data", k.code, s.code);
        }
        assert!(map.fylker.iter().any(|f| f.code == k.fylke));
        assert!(goal_comparison(ds(), &k.code).is_some(), "{} has no view", k.code);
    }
    for r in ds().kommuner() {
        assert!(
            map.kommuner.iter().any(|k| k.sources.iter().any(|s| s.code == r.region.code)),
            "{} {} is lost",
            r.region.code,
            r.region.name
        );
    }
}

#[test]
fn renumbering_carries_the_series_over_unchanged() {
    // 1201 Bergen → 4601 Bergen (2020). Cohort 2013: 203 finished, 115 = 57 %.
    assert_eq!(sources("4601"), ["1201"]);
    let v = goal_comparison(ds(), "4601").unwrap();
    assert_eq!(v.kommune.name, "Bergen");
    assert_eq!(v.kommune.points[3], published(57, 115, 203));
    assert!(v.formers.is_empty());
    // An editor's old number finds today's kommune.
    assert_eq!(resolve(ds(), "1201").as_deref(), Some("4601"));
}

#[test]
fn a_merge_sums_counts_when_every_part_is_published_and_recomputes_the_per_cent() {
    // 1103 Stavanger = 1103 Stavanger + 1141 Finnøy + 1142 Rennesøy (2020).
    // Cohort 2010: 70 + 0 (a real zero) + 4 = 74 finished; 44 + 0 + 4 = 48 → 65 %.
    assert_eq!(sources("1103"), ["1103", "1141", "1142"]);
    let v = goal_comparison(ds(), "1103").unwrap();
    assert_eq!(v.kommune.points[0], published(65, 48, 74));
    // 1508 Ålesund (2024) = 1504 Ålesund + 1523 Ørskog + 1529 Skodje + 1546 Sandøy, the three
    // latter with real zeros: cohort 2013 = 1504's own 24 / 15 = 63 %.
    let v = goal_comparison(ds(), "1508").unwrap();
    assert_eq!(v.kommune.points[3], published(63, 15, 24));
}

#[test]
fn a_merge_with_a_suppressed_part_shows_no_sum_but_the_former_kommuner() {
    // 3203 Asker = 0220 Asker + 0627 Røyken + 0628 Hurum. Cohort 2011: Asker 19/26, Røyken 12/17,
    // Hurum 10 finished with work or education suppressed → no sum.
    assert_eq!(sources("3203"), ["0220", "0627", "0628"]);
    let v = goal_comparison(ds(), "3203").unwrap();
    assert_eq!(v.kommune.points[1], Share::Incomplete { finished: Some(53) });
    let names: Vec<&str> = v.formers.iter().map(|f| f.former.name.as_str()).collect();
    assert_eq!(names, ["Asker", "Røyken", "Hurum"]);
    assert_eq!(v.formers[0].series.points[1], published(73, 19, 26));
    assert_eq!(v.formers[1].series.points[1], published(71, 12, 17));
    assert_eq!(v.formers[2].series.points[1], Share::Suppressed { finished: Some(10) });
    let table = goal_table(&v, Lang::Nb);
    assert_eq!(table.headers[6], "tidligere Asker: prosent");
    assert_eq!(table.rows[1][3], "ikke summert");
    assert!(table.footnotes.contains(&"Ikke summert: kan ikke summeres fordi en av de tidligere kommunene har for få deltakere.".to_string()));
    assert_eq!(table.rows[1][6], "73\u{a0}%");
    assert!(goal_notes(&v, Lang::Nb).iter().any(|n| n.starts_with("Asker er slått sammen av flere tidligere kommuner")));
}

#[test]
fn a_split_is_never_divided() {
    // 0720 Stokke was divided in 2017 between Sandefjord and Tønsberg.
    assert_eq!(sources("3907"), ["0706", "0719", "0720/Stokke 2017"]);
    assert_eq!(sources("3905"), ["0704", "0716", "0720/Stokke 2017"]);
    let v = goal_comparison(ds(), "3907").unwrap();
    assert!(v.kommune.points[..v.table_cohorts].iter().all(|p| *p == Share::Divided));
    let stokke = v.formers.iter().find(|f| f.former.code == "0720").unwrap();
    assert_eq!(intro_status::text::former_label(&stokke.former, Lang::Nb), "tidligere Stokke (delt 2017)");
    // Stokke, cohort 2013: 7 finished, work or education suppressed — shown as such, never split.
    assert_eq!(stokke.series.points[3], Share::Suppressed { finished: Some(7) });
    // 1850 Tysfjord (2020) and 5012 Snillfjord (2020, the former 1613) likewise.
    assert!(sources("1806").contains(&"1850/Tysfjord - Divtasvuodna 2020".to_string()));
    assert!(sources("1875").contains(&"1850/Tysfjord - Divtasvuodna 2020".to_string()));
    for k in ["5055", "5056", "5059"] {
        assert!(sources(k).contains(&"1613/Snillfjord 2020".to_string()), "{k}: {:?}", sources(k));
    }
    assert_eq!(resolve(ds(), "0720"), None, "a divided kommune has no single successor");
}

#[test]
fn a_re_created_kommune_gets_its_former_self_back() {
    // 1534 Haram merged into 1507 Ålesund in 2020 and came back as 1580 Haram in 2024.
    assert_eq!(sources("1580"), ["1534"]);
    assert_eq!(sources("1508"), ["1504", "1523", "1529", "1546"]);
    let v = goal_comparison(ds(), "1580").unwrap();
    let haram = ds().region(Level::Kommune, "1534").unwrap();
    let own = intro_status::outcome::share_series(haram, &v.cohorts, 1, intro_status::data::Gender::Alle);
    assert_eq!(v.kommune.points, own.points);
}

#[test]
fn codes_that_changed_before_2014_are_carried_too() {
    // 1901 Harstad (to 2012) and 1903 Harstad both live on in 5503; 1729 and 1756 in 5053 Inderøy.
    assert_eq!(sources("5503"), ["1901", "1903"]);
    assert_eq!(sources("5053"), ["1729", "1756"]);
}

#[test]
fn sami_and_kven_names_are_searchable() {
    let names = |code: &str| today_kommune(ds(), code).unwrap().other_names.clone();
    assert!(names("5622").contains(&"Porsáŋgu".to_string()), "{:?}", names("5622"));
    assert!(names("5610").contains(&"Kárášjohka".to_string()));
    assert!(names("5001").contains(&"Tråante".to_string()));
    assert_eq!(today_kommune(ds(), "5001").unwrap().name, "Trondheim - Tråante");
    // Haram's names are not Ålesund's.
    assert!(names("1580").is_empty(), "{:?}", names("1580"));
}

#[test]
fn no_completers_is_not_too_few() {
    // 1111 Sokndal: nobody finished in any of the cohorts.
    let v = goal_comparison(ds(), "1111").unwrap();
    assert!(v.kommune.points[..v.table_cohorts].iter().all(|p| *p == Share::NoCompleters));
    assert_eq!(goal_notes(&v, Lang::Nb)[1], "Sokndal: ingen deltakere avsluttet i perioden.");
    // 3118 Indre Østfold has finished counts, but every share is suppressed or unsummable.
    let v = goal_comparison(ds(), "3118").unwrap();
    assert!(v.kommune.points[..v.table_cohorts].iter().all(|p| p.percent().is_none() && *p != Share::NoCompleters));
}

#[test]
fn fylke_is_todays_where_it_can_be_summed_else_the_fylke_of_the_day() {
    // Kristiansand: today's Agder is exactly Aust-Agder + Vest-Agder of the day, so their published
    // rows sum: cohort 2013 = (110 + 235) finished, (67 + 159) = 226 in work or education → 66 %.
    let v = goal_comparison(ds(), "4204").unwrap();
    let f = v.fylke.as_ref().unwrap();
    assert_eq!((f.today, f.series.name.as_str()), (true, "Agder"));
    assert_eq!(f.series.points[3], published(66, 226, 345));
    // Stavanger: today's Rogaland is Rogaland of the day: 297 / 213 = 72 %.
    let f = goal_comparison(ds(), "1103").unwrap().fylke.unwrap();
    assert_eq!((f.today, f.series.name.as_str()), (true, "Rogaland"));
    assert_eq!(f.series.points[3], published(72, 213, 297));
    // Oslo is a fylke of one kommune: computable, but the same line as the kommune, so not shown.
    assert!(goal_comparison(ds(), "0301").unwrap().fylke.is_none());
    // Bergen: Vestland cannot be summed from published kommune cells → Hordaland of the day.
    let v = goal_comparison(ds(), "4601").unwrap();
    let f = v.fylke.clone().unwrap();
    assert!(!f.today);
    assert_eq!(f.series.name, "Hordaland");
    // Hordaland, status 2014: 318 finished, 199 = 63 %.
    assert_eq!(f.series.points[3], published(63, 199, 318));
    assert!(goal_notes(&v, Lang::Nb).iter().any(|n| n.contains("(Hordaland)")));
}

#[test]
fn oslo_bydeler_are_selectable_with_the_same_rules() {
    // 030106 Ullern, cohort 2013: 5 finished, in work or education suppressed.
    let v = goal_view("030106").unwrap();
    assert_eq!(v.kommune.name, "Ullern");
    assert_eq!(v.kommune.points[3], Share::Suppressed { finished: Some(5) });
    assert_eq!(v.fylke.as_ref().unwrap().series.name, "Oslo kommune");
    // 030116 Sentrum: nobody finished.
    let v = goal_view("030116").unwrap();
    assert_eq!(v.kommune.points[3], Share::NoCompleters);
}

#[test]
fn unknown_codes_resolve_to_nothing() {
    for bad in ["9999", "abcd", "", "<img onerror=alert(1)>", "03", "0", "03010"] {
        assert_eq!(resolve(ds(), bad), None, "{bad:?}");
        assert!(goal_view(bad).is_none());
    }
}

#[test]
fn export_on_todays_map() {
    let mut out = Vec::new();
    intro_status::export::write_csv_today(ds(), &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("level,region,status_year,cohort,years_after,gender,status,count,percent,note"));
    let lines: Vec<&str> = lines.collect();
    let has = |l: &str| lines.contains(&l);
    assert!(has("kommune,4601,2014,2013,1,alle,arbutd,115,57,tidligere 1201 Bergen"));
    assert!(has("kommune,0301,2014,2013,1,alle,arbutd,140,56,"));
    assert!(has("kommune,1103,2011,2010,1,alle,arbutd,48,65,sum av 1103 Stavanger + 1141 Finnøy + 1142 Rennesøy"));
    assert!(has("kommune,3203,2012,2011,1,alle,arbutd,:,:,sum av 0220 Asker + 0627 Røyken + 0628 Hurum"));
    assert!(has("kommune,3203,2012,2011,1,alle,arbutd,19,73,tidligere 0220 Asker"));
    assert!(has("kommune,3907,2014,2013,1,alle,alle,7,100,tidligere 0720 Stokke (delt 2017)"));
    assert!(has("land,0,2014,2013,1,alle,arbutd,2388,62,"));
    assert!(has("bydel,030106,2014,2013,1,alle,alle,5,100,"));
    // No merged row for a kommune holding part of a divided one.
    assert!(!lines.iter().any(|l| l.starts_with("kommune,3907,") && l.contains("sum av")));
    // Every one of the 357 kommuner appears.
    let regions: std::collections::BTreeSet<&str> =
        lines.iter().filter(|l| l.starts_with("kommune,")).map(|l| l.split(',').nth(1).unwrap()).collect();
    assert_eq!(regions.len(), 357);
}
