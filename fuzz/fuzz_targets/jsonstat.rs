//! Any bytes through the JSON-stat 2.0 reader of table 10824: a `Result`, never a panic; what is
//! accepted writes and reads back to the same dataset, and survives the binary codec.
#![no_main]

use intro_status_import::{codec, jsonstat, table10824};

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let _ = jsonstat::parse_metadata(text);
    if let Ok(imported) = table10824::read(text) {
        let again = table10824::read(&table10824::write(&imported.dataset)).expect("what was accepted is written readably");
        assert_eq!(again.dataset, imported.dataset);
        assert_eq!(codec::decode(&codec::encode(&imported.dataset)).expect("codec"), imported.dataset);
    }
});
