//! Today's kommune map: carries every kommune number of the data (2011–2014) onto the newest
//! KLASS 131 version through KLASS's change table. Native only: the build script runs it and the
//! result is embedded.
//!
//! Rules (see issue 4): a renumbering or a merge carries the old kommune over whole; a split marks
//! each successor as holding only part of it; a split that re-creates a kommune which had been
//! merged away (1580 Haram in 2024 = the pre-2020 1534 Haram) is recognised by name and gives the
//! re-created kommune its former self, whole, and the remainder the other former parts, whole.

use intro_status_model::{Former, KommuneMap, Level, Region, Source, Split, TodayFylke, TodayKommune};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    pub old_code: String,
    pub old_name: String,
    pub new_code: String,
    pub new_name: String,
    pub change_occurred: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Changes {
    code_changes: Vec<Change>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Version {
    valid_from: String,
    #[serde(default)]
    valid_to: Option<String>,
    classification_items: Vec<Item>,
}

/// Former numbers and names count from this day on: any version valid after it is read.
pub const FORMER_SINCE: &str = "2011-01-01";

#[derive(Deserialize)]
struct Item {
    code: String,
    name: String,
}

/// Inputs, as text, with file names for messages.
pub struct MapInputs<'a> {
    pub version: (&'a str, &'a str),
    pub changes: (&'a str, &'a str),
    /// `fylkesnummer,fylkesnavn` for today's fylker.
    pub fylker: (&'a str, &'a str),
    /// `kommunenummer_2023,navn,sprak`: official names per language on the 2020–2023 map.
    pub names: (&'a str, &'a str),
    /// Earlier versions (file name, text): those valid at any time since [`FORMER_SINCE`] give
    /// today's kommuner their former numbers and names; older or newer ones are left out.
    pub history: Vec<(&'a str, &'a str)>,
}

fn same_name(a: &str, b: &str) -> bool {
    // "Sande (Møre og Romsdal)" and "Sande" are the same kommune name for this purpose.
    let base = |s: &str| s.split(" (").next().unwrap_or(s).trim().to_lowercase();
    base(a) == base(b)
}

struct Tracer<'a> {
    /// (old code) → changes, sorted by date.
    by_old: BTreeMap<&'a str, Vec<&'a Change>>,
    /// (new code) → changes that created it, sorted by date.
    by_new: BTreeMap<&'a str, Vec<&'a Change>>,
}

impl<'a> Tracer<'a> {
    fn new(changes: &'a [Change]) -> Self {
        let mut by_old: BTreeMap<&str, Vec<&Change>> = BTreeMap::new();
        let mut by_new: BTreeMap<&str, Vec<&Change>> = BTreeMap::new();
        for c in changes {
            by_old.entry(&c.old_code).or_default().push(c);
            by_new.entry(&c.new_code).or_default().push(c);
        }
        for v in by_old.values_mut().chain(by_new.values_mut()) {
            v.sort_by(|a, b| a.change_occurred.cmp(&b.change_occurred));
        }
        Tracer { by_old, by_new }
    }

    /// Where `code` (as it stood after `after`, entered from former kommune `via_name`) ends up.
    fn trace(&self, code: &str, after: &str, via_name: &str, split: Option<Split>, out: &mut Vec<(String, Option<Split>)>) {
        let next = self.by_old.get(code).and_then(|cs| cs.iter().find(|c| c.change_occurred.as_str() > after));
        let Some(first) = next else {
            out.push((code.to_string(), split));
            return;
        };
        let date = first.change_occurred.as_str();
        let steps: Vec<&Change> = self.by_old[code].iter().copied().filter(|c| c.change_occurred == date).collect();
        let successors: BTreeSet<&str> = steps.iter().map(|c| c.new_code.as_str()).collect();
        if successors.len() == 1 {
            let c = steps[0];
            // Entering a merger: remember which former kommune we are, for a later re-creation.
            let via = if c.old_code != c.new_code { c.old_name.as_str() } else { via_name };
            return self.trace(&c.new_code, date, via, split, out);
        }
        // A split of `code`. Does it re-create kommuner that had been merged into it?
        let own_name = first.old_name.as_str();
        let parts: Vec<&str> = self
            .by_new
            .get(code)
            .map(|cs| cs.iter().filter(|c| c.change_occurred.as_str() <= date && c.old_code != code).map(|c| c.old_name.as_str()).collect())
            .unwrap_or_default();
        let recreated: Vec<&Change> = steps
            .iter()
            .copied()
            .filter(|s| !same_name(&s.new_name, own_name) && parts.iter().any(|p| same_name(p, &s.new_name)))
            .collect();
        if !recreated.is_empty() {
            if let Some(own) = recreated.iter().find(|s| same_name(&s.new_name, via_name)) {
                return self.trace(&own.new_code, date, &own.new_name, split, out);
            }
            let rest: Vec<&Change> = steps.iter().copied().filter(|s| !recreated.iter().any(|r| r.new_code == s.new_code)).collect();
            if rest.len() == 1 {
                return self.trace(&rest[0].new_code, date, via_name, split, out);
            }
        }
        let year: u16 = date[..4].parse().unwrap_or(0);
        for s in &steps {
            let part = split.clone().or_else(|| Some(Split { year, name: own_name.to_string() }));
            self.trace(&s.new_code, date, &s.new_name, part, out);
        }
    }
}

/// Builds today's map for the kommuner of the data. Every data kommune must end in the target
/// version, and every kommune of the target version must have at least one source.
pub fn build_map(data_kommuner: &[&Region], inputs: &MapInputs) -> Result<KommuneMap, String> {
    let version: Version = serde_json::from_str(crate::without_bom(inputs.version.1)).map_err(|e| format!("{}: {e}", inputs.version.0))?;
    let changes: Changes = serde_json::from_str(crate::without_bom(inputs.changes.1)).map_err(|e| format!("{}: {e}", inputs.changes.0))?;
    let version_year: u16 = version.valid_from.get(..4).and_then(|y| y.parse().ok()).ok_or("version has no validFrom year")?;
    // Only changes up to the target version count.
    let cutoff = version.valid_from.clone();
    let relevant: Vec<Change> = changes.code_changes.into_iter().filter(|c| c.change_occurred <= cutoff).collect();
    let tracer = Tracer::new(&relevant);

    let targets: BTreeMap<&str, &str> = version
        .classification_items
        .iter()
        .filter(|i| i.code != "9999")
        .map(|i| (i.code.as_str(), i.name.as_str()))
        .collect();
    let mut sources: BTreeMap<String, Vec<Source>> = BTreeMap::new();
    for region in data_kommuner {
        debug_assert_eq!(region.level, Level::Kommune);
        let mut ends = Vec::new();
        tracer.trace(&region.code, "2010-12-31", &region.name, None, &mut ends);
        for (target, split) in ends {
            if !targets.contains_key(target.as_str()) {
                return Err(format!(
                    "kommune {} {} ends as {target}, which is not in KLASS 131 version {version_year}",
                    region.code, region.name
                ));
            }
            sources.entry(target).or_default().push(Source { code: region.code.clone(), split });
        }
    }

    let former = former_numbers(&tracer, &targets, &inputs.history, &cutoff)?;

    // Names in other languages, carried from the 2020–2023 numbers onto today's.
    let mut names_2023: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (i, line) in inputs.names.1.lines().enumerate().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let [code, name, _lang] = f.as_slice() else {
            return Err(format!("{}:{}: expected 3 fields", inputs.names.0, i + 1));
        };
        names_2023.entry(code.to_string()).or_default().push(name.to_string());
    }
    let mut fylker = Vec::new();
    for (i, line) in inputs.fylker.1.lines().enumerate().skip(1) {
        let (code, name) = line.split_once(',').ok_or_else(|| format!("{}:{}: expected 2 fields", inputs.fylker.0, i + 1))?;
        fylker.push(TodayFylke { code: code.to_string(), name: name.to_string() });
    }

    let mut kommuner = Vec::new();
    for (&code, &name) in &targets {
        let mut srcs = sources.remove(code).ok_or_else(|| format!("today's kommune {code} {name} has no kommune of the data"))?;
        srcs.sort_by(|a, b| a.code.cmp(&b.code));
        let fylke = code[..2].to_string();
        if !fylker.iter().any(|f| f.code == fylke) {
            return Err(format!("kommune {code} {name}: fylke {fylke} is not in {}", inputs.fylker.0));
        }
        // Names for search: the parts of the KLASS name, and Geonorge's official names of the
        // kommune with the same number in 2023 (or of the one it was renumbered from).
        let mut other: BTreeSet<String> = name.split(" - ").filter(|n| *n != name).map(str::to_string).collect();
        let former_2023: Vec<&str> = relevant
            .iter()
            .filter(|c| c.new_code == code && c.change_occurred == cutoff)
            .map(|c| c.old_code.as_str())
            .chain(std::iter::once(code))
            .collect();
        for c in former_2023 {
            for n in names_2023.get(c).into_iter().flatten() {
                if same_name(n, name) || name.split(" - ").any(|p| p == n) {
                    continue;
                }
                // Only names of the same kommune: skip the names of a kommune merged in.
                if relevant.iter().any(|ch| ch.old_code == c && ch.new_code == code && !same_name(&ch.old_name, &ch.new_name)) {
                    continue;
                }
                other.insert(n.clone());
            }
        }
        let mut former: Vec<Former> = former.get(code).into_iter().flatten().filter(|f| (f.code.as_str(), f.name.as_str()) != (code, name)).cloned().collect();
        former.sort_by(|a, b| (&a.code, &a.name).cmp(&(&b.code, &b.name)));
        former.dedup();
        kommuner.push(TodayKommune {
            code: code.to_string(),
            name: name.to_string(),
            other_names: other.into_iter().collect(),
            fylke,
            sources: srcs,
            former,
            // From the polygons, after the map: `neighbours::apply`.
            neighbours: Vec::new(),
        });
    }
    Ok(KommuneMap { version: version_year, kommuner, fylker, shapes: Default::default() })
}

/// Every number and name of the versions valid since [`FORMER_SINCE`] (before `cutoff`, today's
/// version), by today's kommune it lives on in: wholly where its chain of changes ends in that
/// one alone, else as divided in each it ends in.
fn former_numbers(
    tracer: &Tracer,
    targets: &BTreeMap<&str, &str>,
    history: &[(&str, &str)],
    cutoff: &str,
) -> Result<BTreeMap<String, Vec<Former>>, String> {
    let mut former: BTreeMap<String, Vec<Former>> = BTreeMap::new();
    for (file, text) in history {
        let version: Version = serde_json::from_str(crate::without_bom(text)).map_err(|e| format!("{file}: {e}"))?;
        if version.valid_from.as_str() >= cutoff || version.valid_to.as_deref().is_some_and(|to| to <= FORMER_SINCE) {
            continue;
        }
        for item in version.classification_items.iter().filter(|i| i.code != "9999") {
            let mut ends = Vec::new();
            tracer.trace(&item.code, &version.valid_from, &item.name, None, &mut ends);
            let into: BTreeSet<&str> = ends.iter().map(|(c, _)| c.as_str()).collect();
            for &target in &into {
                if !targets.contains_key(target) {
                    return Err(format!("{file}: kommune {} {} ends as {target}, which is not in today's version", item.code, item.name));
                }
                let entry = Former { code: item.code.clone(), name: item.name.clone(), divided: into.len() > 1 };
                former.entry(target.to_string()).or_default().push(entry);
            }
        }
    }
    Ok(former)
}
