//! Any bytes through the CSV extract importer (as a fylke, kommune or bydel file, chosen by the
//! first byte) and the region label reader: a `Result`, never a panic.
#![no_main]

use intro_status_import::{codec, import, table10824};

const NAMES: [&str; 3] =
    ["intro_status_arbutd-fylke-2014.csv", "intro_status_arbutd-kommune-2014.csv", "intro_status_arbutd-bydel-2014.csv"];

/// The real region labels, so that rows get past the label lookup.
fn labels() -> &'static std::collections::BTreeMap<String, String> {
    static LABELS: std::sync::OnceLock<std::collections::BTreeMap<String, String>> = std::sync::OnceLock::new();
    LABELS.get_or_init(|| {
        let text = include_str!("../../data/ssb10824/ssb10824_metadata_circa2015.json");
        import::parse_labels(import::METADATA_FILE, text).expect("the vendored metadata reads")
    })
}

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let Some((&which, rest)) = bytes.split_first() else { return };
    let text = String::from_utf8_lossy(rest).into_owned();
    let name = NAMES[which as usize % NAMES.len()];
    let _ = import::parse_labels(import::METADATA_FILE, &text);
    let _ = import::parse_extract(name, &text);
    if let Ok(ds) = import::import_texts(&[(name, text)], labels()) {
        assert_eq!(codec::decode(&codec::encode(&ds)).expect("codec"), ds);
        assert_eq!(table10824::read(&table10824::write(&ds)).expect("as JSON-stat").dataset, ds);
    }
});
