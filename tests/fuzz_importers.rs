//! A bounded, seeded fuzz run of the importers inside `cargo test`: thousands of mutations of
//! real files (the JSON-stat 2.0 writer's output and the CSV extract), each of which must come
//! back as a `Result`, never a panic. What is accepted must also survive writing and reading
//! again, and the binary codec.
//!
//! The same importers have `cargo fuzz` targets in `fuzz/` for open-ended runs (README,
//! developer notes). `INTRO_STATUS_FUZZ_CASES=N` changes the number of cases per seed here.

mod common;

use intro_status::data::Dataset;
use intro_status_import::import::{import_dir, import_texts, parse_extract, parse_labels, METADATA_FILE};
use intro_status_import::{codec, jsonstat, table10824};
use serde_json::Value;
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

/// xorshift64*: small, seeded, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn cases() -> usize {
    std::env::var("INTRO_STATUS_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(1500)
}

/// The seeds' CSV extract: the frozen copy in `tests/fixtures/data/` (see `common`).
fn data_dir() -> &'static Path {
    common::fixture_table_dir()
}

/// Tokens that matter to the formats, spliced in by the byte mutator.
const JSON_TOKENS: [&str; 24] = [
    "\"", ":", ",", "{", "}", "[", "]", "null", "-1", "0.5", "1e309", "18446744073709551616", "\"..\"", "\".\"",
    "\":\"", "\"*\"", "\"-\"", "\"K-0301\"", "\"030100aa\"", "\"N01\"", "\"value\":{", "\"status\":\"", "\"index\":[", "\u{e5}",
];
const CSV_TOKENS: [&str; 14] = [";", "\n", "\r\n", "\"", ":", "", "-1", "99999", "4294967296", "_", "aar.2014", "kjonn.9", "\u{f8}", "enhet.prosent"];

fn mutate_bytes(rng: &mut Rng, text: &str, tokens: &[&str]) -> String {
    let mut b = text.as_bytes().to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(b.len() + 1);
        match rng.below(6) {
            0 if !b.is_empty() => {
                let i = at.min(b.len() - 1);
                b[i] ^= 1 << rng.below(8);
            }
            1 => {
                let t = rng.pick(tokens).as_bytes();
                b.splice(at..at, t.iter().copied());
            }
            2 => {
                let end = (at + rng.below(64)).min(b.len());
                b.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(64)).min(b.len());
                let chunk = b[at..end].to_vec();
                let to = rng.below(b.len() + 1);
                b.splice(to..to, chunk);
            }
            4 => b.truncate(at),
            _ => {
                let t = rng.pick(tokens).as_bytes();
                let end = (at + t.len()).min(b.len());
                b.splice(at..end, t.iter().copied());
            }
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

fn odd_value(rng: &mut Rng) -> Value {
    let pick = [
        Value::Null,
        Value::from(-1),
        Value::from(0),
        Value::from(0.5),
        Value::from(1e300),
        Value::from(u64::MAX),
        Value::from(70_000),
        Value::from(101),
        Value::from(""),
        Value::from(".."),
        Value::from(":"),
        Value::from("*"),
        Value::from("x"),
        Value::from("K-0301"),
        Value::from("0301"),
        Value::from("2014"),
        Value::Array(vec![]),
        Value::Array(vec![Value::from("0"), Value::from("0")]),
        Value::Object(Default::default()),
        serde_json::json!({"0": 1, "1": null}),
        serde_json::json!({"index": {"0": 5}}),
    ];
    rng.pick(&pick).clone()
}

/// Changes one node of a JSON value: replace it, drop a member or element, or duplicate one.
fn mutate_json(rng: &mut Rng, v: &mut Value, depth: usize) {
    let descend = depth < 8 && rng.below(4) != 0;
    match v {
        Value::Object(map) if !map.is_empty() => {
            let keys: Vec<String> = map.keys().cloned().collect();
            let k = rng.pick(&keys).clone();
            match (descend, rng.below(8)) {
                (true, _) => mutate_json(rng, map.get_mut(&k).unwrap(), depth + 1),
                (false, 0) => {
                    map.remove(&k);
                }
                (false, 1) => {
                    let x = map[&k].clone();
                    map.insert(format!("{k}{}", rng.below(3)), x);
                }
                _ => {
                    map.insert(k, odd_value(rng));
                }
            }
        }
        Value::Array(a) if !a.is_empty() => {
            let i = rng.below(a.len());
            match (descend, rng.below(6)) {
                (true, _) => mutate_json(rng, &mut a[i], depth + 1),
                (false, 0) => {
                    a.remove(i);
                }
                (false, 1) => {
                    let x = a[i].clone();
                    a.insert(rng.below(a.len() + 1), x);
                }
                (false, 2) => {
                    let j = rng.below(a.len());
                    a.swap(i, j)
                }
                _ => a[i] = odd_value(rng),
            }
        }
        _ => *v = odd_value(rng),
    }
}

/// Runs `f` and turns a panic into the input that caused it.
fn no_panic(what: &str, case: usize, input: &str, failures: &mut Vec<String>, f: impl FnOnce()) {
    if catch_unwind(AssertUnwindSafe(f)).is_err() {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-failures");
        std::fs::create_dir_all(&dir).ok();
        let file = dir.join(format!("{what}-{case}.txt"));
        std::fs::write(&file, input).ok();
        failures.push(format!("{what} case {case}: panicked; input in {}", file.display()));
    }
}

/// A JSON-stat text through the reader; what is accepted must round-trip and encode.
fn check_jsonstat(text: &str) {
    if let Ok(imported) = table10824::read(text) {
        let again = table10824::read(&table10824::write(&imported.dataset)).expect("what was accepted is written readably");
        assert_eq!(again.dataset, imported.dataset, "write then read changes the dataset");
        assert_eq!(codec::decode(&codec::encode(&imported.dataset)).expect("codec"), imported.dataset);
    }
    let _ = jsonstat::parse_metadata(text);
}

fn small_seeds() -> Vec<String> {
    let mut ds: Dataset = import_dir(data_dir()).unwrap();
    let keep = ["0", "03", "0301", "030101", "1729", "1756"];
    ds.regions.retain(|r| keep.contains(&r.region.code.as_str()));
    let dense = table10824::write(&ds);
    // The same cube with a sparse `value`, `status` as an array, and `index` as arrays.
    let mut v: Value = serde_json::from_str(&dense).unwrap();
    let values = v["value"].as_array().unwrap().clone();
    v["value"] = Value::Object(values.iter().enumerate().filter(|(_, x)| !x.is_null()).map(|(i, x)| (i.to_string(), x.clone())).collect());
    let mut statuses = vec![Value::Null; values.len()];
    for (k, s) in v["status"].as_object().unwrap() {
        statuses[k.parse::<usize>().unwrap()] = s.clone();
    }
    v["status"] = Value::Array(statuses);
    for dim in v["dimension"].as_object_mut().unwrap().values_mut() {
        let mut ids: Vec<(String, u64)> =
            dim["category"]["index"].as_object().unwrap().iter().map(|(k, p)| (k.clone(), p.as_u64().unwrap())).collect();
        ids.sort_by_key(|x| x.1);
        dim["category"]["index"] = Value::from(ids.into_iter().map(|x| x.0).collect::<Vec<_>>());
    }
    vec![dense, v.to_string()]
}

#[test]
fn jsonstat_reader_never_panics() {
    let seeds = small_seeds();
    let mut rng = Rng(0x1082_4201_5000);
    let mut failures = Vec::new();
    let n = cases();
    for case in 0..n {
        let seed = &seeds[case % seeds.len()];
        let text = if case % 2 == 0 {
            mutate_bytes(&mut rng, seed, &JSON_TOKENS)
        } else {
            let mut v: Value = serde_json::from_str(seed).unwrap();
            for _ in 0..1 + rng.below(3) {
                mutate_json(&mut rng, &mut v, 0);
            }
            v.to_string()
        };
        no_panic("jsonstat", case, &text, &mut failures, || check_jsonstat(&text));
    }
    assert!(failures.is_empty(), "{} of {n} cases panicked:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn csv_importer_never_panics() {
    let labels_text = std::fs::read_to_string(data_dir().join(METADATA_FILE)).unwrap();
    let labels: BTreeMap<String, String> = parse_labels(METADATA_FILE, &labels_text).unwrap();
    let files = ["intro_status_arbutd-fylke-2014.csv", "intro_status_arbutd-bydel-2014.csv"];
    let seeds: Vec<(&str, String)> = files.iter().map(|f| (*f, std::fs::read_to_string(data_dir().join(f)).unwrap())).collect();
    let mut rng = Rng(0x0301_2014);
    let mut failures = Vec::new();
    let n = cases();
    for case in 0..n {
        let (name, seed) = &seeds[case % seeds.len()];
        let text = if case % 3 == 2 {
            // One cell or header field replaced.
            let mut lines: Vec<Vec<String>> = seed.lines().map(|l| l.split(';').map(String::from).collect()).collect();
            let l = rng.below(lines.len());
            let c = rng.below(lines[l].len());
            lines[l][c] = rng.pick(&CSV_TOKENS).to_string();
            lines.iter().map(|l| l.join(";")).collect::<Vec<_>>().join("\n")
        } else {
            mutate_bytes(&mut rng, seed, &CSV_TOKENS)
        };
        no_panic("csv", case, &text, &mut failures, || {
            let _ = parse_extract(name, &text);
            if let Ok(ds) = import_texts(&[(name, text.clone())], &labels) {
                assert_eq!(codec::decode(&codec::encode(&ds)).expect("codec"), ds);
                let back = table10824::read(&table10824::write(&ds)).expect("the CSV dataset as JSON-stat reads");
                assert_eq!(back.dataset, ds);
            }
        });
        // The metadata file too, now and then.
        if case % 10 == 0 {
            let meta = mutate_bytes(&mut rng, &labels_text, &JSON_TOKENS);
            no_panic("labels", case, &meta, &mut failures, || {
                let _ = parse_labels(METADATA_FILE, &meta);
            });
        }
    }
    assert!(failures.is_empty(), "{} of {n} cases panicked:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn codec_decoder_never_panics() {
    let mut ds: Dataset = import_dir(data_dir()).unwrap();
    ds.regions.truncate(8);
    let bytes = codec::encode(&ds);
    let mut rng = Rng(0x0c0d_ec00);
    let mut failures = Vec::new();
    for case in 0..cases() {
        let mut b = bytes.clone();
        for _ in 0..1 + rng.below(4) {
            let i = rng.below(b.len());
            match rng.below(3) {
                0 => b[i] = rng.next() as u8,
                1 => b.truncate(i.max(1)),
                _ => b.insert(i, 0xff),
            }
        }
        let shown = format!("{b:?}");
        no_panic("codec", case, &shown, &mut failures, || {
            let _ = codec::decode(&b);
            let _ = codec::decode_one_year_after(&b);
        });
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
