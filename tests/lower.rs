//! The widget's own lower case (`text::lower`, a small table instead of std's Unicode case
//! tables in the wasm) against std's `to_lowercase`, on everything the widget lowercases: its
//! texts in all three languages and every name in the embedded data; and on every character of
//! Latin-1 and Latin Extended-A.

use intro_status::chart::FONT;
use intro_status::data::{Dataset, Embedded};
use intro_status::text::{lower, texts, Lang};
use plotters::style::FontFamily;

#[test]
fn lower_is_std_lowercase_on_latin_1_and_latin_extended_a() {
    for c in (0..=0x17F).filter_map(char::from_u32) {
        let s = c.to_string();
        assert_eq!(lower(&s), s.to_lowercase(), "U+{:04X}", c as u32);
    }
}

fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(o) => o.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

#[test]
fn lower_is_std_lowercase_on_every_text() {
    let mut all = Vec::new();
    for lang in [Lang::Nb, Lang::Nn, Lang::En] {
        strings(&serde_json::to_value(texts(lang)).unwrap(), &mut all);
    }
    assert!(all.len() > 100, "{} texts", all.len());
    for s in &all {
        assert_eq!(lower(s), s.to_lowercase(), "{s}");
    }
}

#[test]
fn lower_is_std_lowercase_on_every_name() {
    let ds = Dataset::embedded();
    let mut names: Vec<&str> = ds.regions.iter().map(|r| r.region.name.as_str()).collect();
    for k in &ds.map.kommuner {
        names.push(&k.name);
        names.extend(k.other_names.iter().map(String::as_str));
        names.extend(k.former.iter().map(|f| f.name.as_str()));
    }
    names.extend(ds.map.fylker.iter().map(|f| f.name.as_str()));
    assert!(names.len() > 400, "{} names", names.len());
    for s in names {
        assert_eq!(lower(s), s.to_lowercase(), "{s}");
    }
}

/// The charts name their font as plotters' enum (its string form would pull in std's case
/// tables); what the SVG and the canvas say is still [`FONT`].
#[test]
fn the_chart_font_is_plotters_sans_serif() {
    assert_eq!(FontFamily::SansSerif.as_str(), FONT);
}
