//! `cargo xtask synth [--out FILE] [--seed N] [--data DIR]`: a synthetic, full-size table 10824
//! for the tests and the benchmark only — never for the widget's `data/` or `dist/`.
//!
//! It writes one PxWebApi v2 JSON-stat 2.0 response of table 10824 for status years 2011–2025
//! (default `target/synth/table10824.jsonstat2.json`), in the layout `cargo xtask refresh --from
//! DIR` reads, so that a refresh, the build and the benchmark can be run on a table as large as
//! SSB's is today:
//!
//! - **2011–2014 are SSB's real cells**, exactly as the vendored CSV extract has them
//!   (`data/ssb10824/*.csv`, read by the build's own CSV import), on the codes of that extract.
//! - **2015–2025 are synthetic** ("syntetiske tall", said in the label and the notes): per
//!   kommune and Oslo bydel, the number who finished in a cohort is drawn around the region's
//!   real 2011–2014 mean one year after (a kommune of a later structure gets the means of the
//!   2014 kommuner it was made from, through KLASS's change table), scaled by a cohort wave and
//!   with Poisson noise; 1.5 % leave the count each year after; menn/kvinner split binomially at
//!   the real national share; statuses binomially at the real national shares by years after and
//!   gender, plus a fixed effect per region and noise per year. Kommune 0301 is the sum of its
//!   bydeler, a fylke the sum of its kommuner of that year, Hele landet the sum of all kommuner.
//!   Per cent = round(100 · count / finished), halves up (0 where nobody finished, 100 for the
//!   total). Deterministic for a seed (one SplitMix64 stream, regions in code order).
//! - **Suppression, as inferred from the real extract** ([`suppress`]): a count of 1 or 2 is `:`
//!   (a 0 is always shown); where a gender's total is `:`, so is every status of it that is not 0;
//!   where a gender's total is shown and its statuses hide anything, at least two statuses are
//!   `:` and together they hide at least 4 persons (else the next smallest non-zero status goes
//!   too); where Hele/alle is shown and one of menn/kvinner is `:`, the other is too; a per cent is
//!   `:` exactly where its count is. Applied until nothing changes.
//! - **Region codes across the reforms** as SSB lists them in one table: every code any status
//!   year had is a category; a kommune code has figures in the years KLASS 131 (`data/klass131/`)
//!   says it was valid (the version in force on 1 January of the status year; for 2011–2014 the
//!   years the extract has it), `.` (not applicable) in the others. Fylker: the two first digits
//!   of the year's kommuner (19 to 2017, Trøndelag 50 from 2018, 11 in 2020–2023, 15 from 2024).
//!   A code no longer valid in 2025 is labelled with its years, as PxWebApi v2 does
//!   (`Halden (2011-2019)`). Oslo's bydeler are plain six digits (`030101`): PxWebApi v2's default
//!   code list gives plain codes, the letter-suffixed `030101a` is PxWeb v1's form, and the
//!   extract and the widget use the six digits.
//! - **`..` (not available yet)**: status year 2025, 4 and 5 years after, everywhere; and the
//!   whole of 2025 for Oslo's bydeler (published later than the kommuner, in this synthetic table).

use intro_status_import::{import, jsonstat, model::*, table10824};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Result<T = ()> = std::result::Result<T, String>;

pub const FIRST_YEAR: u16 = 2011;
pub const LAST_REAL_YEAR: u16 = 2014;
pub const LAST_YEAR: u16 = 2025;
pub const DEFAULT_SEED: u64 = 1;
/// What the dataset's label and first note say: these are not SSB's figures.
pub const SYNTHETIC: &str = "syntetiske tall";

#[derive(Debug)]
pub struct Options {
    pub out: PathBuf,
    pub seed: u64,
    pub data: PathBuf,
}

pub fn default_out(root: &Path) -> PathBuf {
    root.join("target/synth").join(table10824::FILE_NAME)
}

pub fn parse_args(args: &[String], root: &Path) -> Result<Options> {
    let usage = "usage: cargo xtask synth [--out FILE] [--seed N] [--data DIR]";
    let mut o = Options { out: default_out(root), seed: DEFAULT_SEED, data: root.join("data") };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => o.out = PathBuf::from(it.next().ok_or(usage)?),
            "--seed" => o.seed = it.next().ok_or(usage)?.parse().map_err(|_| format!("{usage}: the seed is a whole number"))?,
            "--data" => o.data = PathBuf::from(it.next().ok_or(usage)?),
            _ => return Err(usage.into()),
        }
    }
    Ok(o)
}

/// Refuses an output inside the repository's `data/` or `dist/`: a synthetic table there would
/// be built into the widget.
pub fn check_out(out: &Path, root: &Path) -> Result {
    let abs = |p: &Path| {
        let p = if p.is_absolute() { p.to_path_buf() } else { std::env::current_dir().unwrap_or_default().join(p) };
        // The nearest existing ancestor, canonical, with the rest appended.
        let mut existing = p.as_path();
        let mut rest = Vec::new();
        while !existing.exists() {
            match (existing.parent(), existing.file_name()) {
                (Some(parent), Some(name)) => {
                    rest.push(name.to_os_string());
                    existing = parent;
                }
                _ => break,
            }
        }
        let mut c = existing.canonicalize().unwrap_or_else(|_| existing.to_path_buf());
        for n in rest.iter().rev() {
            c.push(n);
        }
        c
    };
    let out = abs(out);
    for dir in ["data", "dist"] {
        if out.starts_with(abs(&root.join(dir))) {
            return Err(format!("{}: a synthetic table is never written into {dir}/ (it is for tests and the benchmark only)", out.display()));
        }
    }
    Ok(())
}

pub fn run(args: &[String]) -> Result {
    let root = super::root();
    let o = parse_args(args, &root)?;
    check_out(&o.out, &root)?;
    let text = generate(&o.data, o.seed)?;
    if let Some(dir) = o.out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&o.out, &text).map_err(|e| format!("{}: {e}", o.out.display()))?;
    eprintln!(
        "xtask: wrote {} ({} bytes): table {TABLE}, status years {FIRST_YEAR}–{LAST_YEAR}, {SYNTHETIC} after {LAST_REAL_YEAR}, seed {}",
        o.out.display(),
        text.len(),
        o.seed
    );
    eprintln!(
        "xtask: to read it as SSB's: copy data/ to a scratch directory, then\n  cargo xtask refresh --from {} --data SCRATCH --no-build",
        o.out.parent().map_or(".".into(), |d| d.display().to_string())
    );
    Ok(())
}

// --- Randomness --------------------------------------------------------------------------------

/// SplitMix64: small, fast and the same on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x1082_4000_2011_2025)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn normal(&mut self) -> f64 {
        let (u, v) = (1.0 - self.unit(), self.unit());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
    pub fn poisson(&mut self, mean: f64) -> u32 {
        if mean <= 0.0 {
            return 0;
        }
        if mean > 30.0 {
            return (mean + mean.sqrt() * self.normal()).round().max(0.0) as u32;
        }
        let limit = (-mean).exp();
        let (mut k, mut p) = (0, self.unit());
        while p > limit {
            k += 1;
            p *= self.unit();
        }
        k
    }
    pub fn binomial(&mut self, n: u32, p: f64) -> u32 {
        (0..n).filter(|_| self.unit() < p).count() as u32
    }
}

// --- Suppression -------------------------------------------------------------------------------

/// Counts of one (region, status year, years after): `[gender][status]`, in the model's order
/// (alle, menn, kvinner × alle = finished, arbutd, ledig/tiltak, annet).
pub type Block = [[u32; 4]; 3];

/// Which cells of a block SSB would show as `:`, by the rule inferred from the real extract
/// (see the module's notes). Applied until nothing changes.
pub fn suppress(c: &Block) -> [[bool; 4]; 3] {
    let mut sup = c.map(|g| g.map(|v| (1..=2).contains(&v)));
    loop {
        let mut changed = false;
        for g in 0..3 {
            if sup[g][0] {
                for s in 1..4 {
                    if c[g][s] > 0 && !sup[g][s] {
                        sup[g][s] = true;
                        changed = true;
                    }
                }
                continue;
            }
            loop {
                let hidden = c[g][0] as i64 - (1..4).filter(|&s| !sup[g][s]).map(|s| c[g][s] as i64).sum::<i64>();
                let n = (1..4).filter(|&s| sup[g][s]).count();
                if n == 0 || !(n == 1 || hidden < 4) {
                    break;
                }
                let next = (1..4).filter(|&s| !sup[g][s] && c[g][s] > 0).min_by_key(|&s| (c[g][s], s));
                match next {
                    Some(s) => {
                        sup[g][s] = true;
                        changed = true;
                    }
                    None => break,
                }
            }
        }
        for s in 0..4 {
            if sup[0][s] {
                continue;
            }
            for (hid, other) in [(1, 2), (2, 1)] {
                if sup[hid][s] && !sup[other][s] {
                    if c[other][s] > 0 {
                        sup[other][s] = true;
                    } else if c[0][s] > 0 {
                        sup[0][s] = true;
                    }
                    changed = true;
                }
            }
        }
        if !changed {
            return sup;
        }
    }
}

/// One block as the model's cells for one years after, written into a year's 120 cells.
fn block_cells(c: &Block, ya: u8, cells: &mut [Cell]) {
    let sup = suppress(c);
    for (g_i, g) in Gender::ALL.into_iter().enumerate() {
        let total = c[g_i][0];
        for (s_i, s) in Status::ALL.into_iter().enumerate() {
            let (count, percent) = if sup[g_i][s_i] {
                (Cell::Suppressed, Cell::Suppressed)
            } else {
                let p = if total == 0 { 0 } else { percent_of(c[g_i][s_i] as u16, total) };
                (Cell::Value(c[g_i][s_i] as u16), Cell::Value(p))
            };
            cells[cell_index(ya, g, s, Unit::Count)] = count;
            cells[cell_index(ya, g, s, Unit::Percent)] = percent;
        }
    }
}

// --- KLASS 131 ---------------------------------------------------------------------------------

// The KLASS files as refresh reads them.
use crate::refresh::{KlassChange, KlassChanges, KlassVersion};

/// KLASS 131 versions by the year they start: code → name (without 9999 Uoppgitt).
fn read_versions(klass: &Path) -> Result<BTreeMap<u16, BTreeMap<String, String>>> {
    let mut out = BTreeMap::new();
    for e in std::fs::read_dir(klass).map_err(|e| format!("{}: {e}", klass.display()))? {
        let p = e.map_err(|e| e.to_string())?.path();
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if !(name.starts_with(import::MAP_VERSION_PREFIX) && name.ends_with(".json")) {
            continue;
        }
        let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let v: KlassVersion = serde_json::from_str(intro_status_import::without_bom(&text)).map_err(|e| format!("{}: {e}", p.display()))?;
        let year: u16 = v.valid_from.get(..4).and_then(|y| y.parse().ok()).ok_or_else(|| format!("{name}: validFrom {:?}", v.valid_from))?;
        out.insert(year, v.items.into_iter().filter(|i| i.code != "9999").map(|i| (i.code, i.name)).collect());
    }
    Ok(out)
}

fn read_changes(klass: &Path) -> Result<Vec<KlassChange>> {
    let name = import::newest(klass.parent().unwrap_or(klass), import::MAP_CHANGES_PREFIX).map_err(|e| e.to_string())?;
    let p = klass.parent().unwrap_or(klass).join(name);
    let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
    let c: KlassChanges = serde_json::from_str(intro_status_import::without_bom(&text)).map_err(|e| format!("{}: {e}", p.display()))?;
    Ok(c.changes)
}

/// Fylke names the 2015 metadata and today's list do not have (2020–2023 only).
const FYLKER_2020: [(&str, &str); 3] = [("30", "Viken"), ("38", "Vestfold og Telemark"), ("54", "Troms og Finnmark")];

fn cohort_wave(cohort: u16) -> f64 {
    match cohort {
        ..=2013 => 1.0,
        2014 => 1.1,
        2015 => 1.2,
        2016 => 1.5,
        2017 => 2.0,
        2018 => 2.1,
        2019 => 1.8,
        2020 => 1.4,
        2021 => 1.1,
        2022 => 1.0,
        2023 => 1.4,
        _ => 2.2,
    }
}

/// A (region, status year) with figures, real or synthetic (`:` where suppressed; `..` where
/// [`not_yet`] says). A year a region has no row for is `.`: the code did not exist then.
#[derive(Clone)]
enum Row {
    Cells(Vec<Cell>),
}

/// The whole synthetic table as PxWebApi v2 JSON-stat 2.0 text.
pub fn generate(data: &Path, seed: u64) -> Result<String> {
    Ok(jsonstat::write(&cube(data, seed)?))
}

/// The whole synthetic table as a cube.
pub fn cube(data: &Path, seed: u64) -> Result<jsonstat::Cube> {
    let real = import::import_dir(&data.join("ssb10824")).map_err(|e| e.to_string())?;
    let klass = data.join(import::MAP_DIR);
    let versions = read_versions(&klass)?;
    let changes = read_changes(&klass)?;
    let version_of = |y: u16| versions.range(..=y).next_back().map(|(_, v)| v).ok_or_else(|| format!("no KLASS 131 version for {y}"));
    let structure_of = |y: u16| versions.range(..=y).next_back().map(|(&k, _)| k).unwrap_or(0);

    // The real national shares, summed over 2011–2014: menn of the finished, and each status of
    // the finished, by years after and gender.
    let land = real.regions.iter().find(|r| r.region.level == Level::Land).ok_or("the extract has no Hele landet")?;
    let mut sums = [[[0f64; 4]; 3]; 5];
    for cells in land.years.values() {
        for ya in YEARS_AFTER {
            for (g_i, g) in Gender::ALL.into_iter().enumerate() {
                for (s_i, s) in Status::ALL.into_iter().enumerate() {
                    sums[ya as usize - 1][g_i][s_i] += cells[cell_index(ya, g, s, Unit::Count)].value().unwrap_or(0) as f64;
                }
            }
        }
    }
    let menn_share = |ya: u8| {
        let (m, t) = (sums[ya as usize - 1][1][0], sums[ya as usize - 1][0][0]);
        if t > 0.0 { m / t } else { sums[0][1][0] / sums[0][0][0] }
    };
    let share = |ya: u8, g: usize, s: usize| {
        let t = sums[ya as usize - 1][g][0];
        if t > 0.0 { sums[ya as usize - 1][g][s] / t } else { sums[0][g][s] / sums[0][g][0] }
    };

    // Each real region's mean number who finished, one year after (a `:` counts as 1.5).
    let mut mean: BTreeMap<(Level, String), f64> = BTreeMap::new();
    for r in &real.regions {
        let v: Vec<f64> = r
            .years
            .values()
            .map(|c| match c[cell_index(1, Gender::Alle, Status::Alle, Unit::Count)] {
                Cell::Value(v) => v as f64,
                _ => 1.5,
            })
            .collect();
        if !v.is_empty() {
            mean.insert((r.region.level, r.region.code.clone()), v.iter().sum::<f64>() / v.len() as f64);
        }
    }

    // Kommune means carried through the reforms: the 2014 kommuner's means, moved along KLASS's
    // change table (a split shares equally), read at each structure's start.
    let mut mass: BTreeMap<String, f64> =
        version_of(LAST_REAL_YEAR)?.keys().map(|k| (k.clone(), mean.get(&(Level::Kommune, k.clone())).copied().unwrap_or(1.0))).collect();
    let mut by_date: BTreeMap<&str, Vec<&KlassChange>> = BTreeMap::new();
    for c in &changes {
        if c.occurred.as_str() > "2014-12-31" {
            by_date.entry(c.occurred.as_str()).or_default().push(c);
        }
    }
    let mut means_at: BTreeMap<u16, BTreeMap<String, f64>> = BTreeMap::new();
    let mut dates = by_date.iter().peekable();
    for (&year, codes) in versions.range(LAST_REAL_YEAR + 1..) {
        let start = format!("{year}-01-01");
        while let Some((_, list)) = dates.next_if(|(d, _)| **d <= start.as_str()) {
            let mut fanout: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
            for c in list {
                fanout.entry(c.old_code.as_str()).or_default().insert(c.new_code.as_str());
            }
            let moved: Vec<(&str, f64)> = fanout.keys().map(|old| (*old, mass.remove(*old).unwrap_or(0.0))).collect();
            for (old, m) in moved {
                let news = &fanout[old];
                for new in news {
                    *mass.entry(new.to_string()).or_default() += m / news.len() as f64;
                }
            }
        }
        means_at.insert(year, codes.keys().map(|k| (k.clone(), mass.get(k).copied().filter(|m| *m > 0.0).unwrap_or(1.0))).collect());
    }

    let bydeler: Vec<(String, String)> =
        real.regions.iter().filter(|r| r.region.level == Level::Bydel).map(|r| (r.region.code.clone(), r.region.name.clone())).collect();

    // Every region the table lists: (level, code) → label, and its rows by status year.
    let mut names: BTreeMap<(Level, String), String> = BTreeMap::new();
    let mut rows: BTreeMap<(Level, String), BTreeMap<u16, Row>> = BTreeMap::new();
    for r in &real.regions {
        names.insert((r.region.level, r.region.code.clone()), r.region.name.clone());
        for (&y, cells) in &r.years {
            rows.entry((r.region.level, r.region.code.clone())).or_default().insert(y, Row::Cells(cells.clone()));
        }
    }
    let fylke_names: BTreeMap<String, String> = std::fs::read_to_string(data.join(import::MAP_FYLKER_FILE))
        .map_err(|e| format!("{}: {e}", import::MAP_FYLKER_FILE))?
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once(',').map(|(c, n)| (c.to_string(), n.to_string())))
        .chain(FYLKER_2020.iter().map(|(c, n)| (c.to_string(), n.to_string())))
        .collect();

    let mut rng = Rng::new(seed);
    let mut effect: BTreeMap<String, f64> = BTreeMap::new();
    let mut cohorts: BTreeMap<(String, u16, u16), u32> = BTreeMap::new();
    for year in LAST_REAL_YEAR + 1..=LAST_YEAR {
        let structure = structure_of(year);
        let kommuner = version_of(year)?;
        let mut sums: BTreeMap<(Level, String), [Block; 5]> = BTreeMap::new();
        // One synthetic region-year: five blocks.
        let mut draw = |code: &str, m: f64, rng: &mut Rng| -> [Block; 5] {
            let e = *effect.entry(code.to_string()).or_insert_with(|| 0.06 * rng.normal());
            let mut out = [[[0u32; 4]; 3]; 5];
            for ya in YEARS_AFTER {
                let cohort = year - ya as u16;
                let base = *cohorts.entry((code.to_string(), cohort, structure)).or_insert_with(|| rng.poisson(m * cohort_wave(cohort)));
                let n = rng.binomial(base, 1.0 - 0.015 * (ya as f64 - 1.0));
                let b = &mut out[ya as usize - 1];
                let menn = rng.binomial(n, menn_share(ya));
                for (g, n_g) in [(1, menn), (2, n - menn)] {
                    let noise = 0.03 * rng.normal();
                    let p1 = (share(ya, g, 1) + e + noise).clamp(0.05, 0.95);
                    let p2 = (share(ya, g, 2) / (1.0 - share(ya, g, 1)).max(0.05)).clamp(0.0, 0.9);
                    let a = rng.binomial(n_g, p1);
                    let l = rng.binomial(n_g - a, p2);
                    b[g] = [n_g, a, l, n_g - a - l];
                }
                b[0] = [0, 1, 2, 3].map(|s| b[1][s] + b[2][s]);
            }
            out
        };
        for (code, _) in &bydeler {
            let m = mean.get(&(Level::Bydel, code.clone())).copied().unwrap_or(0.5);
            let blocks = draw(code, m, &mut rng);
            sums.insert((Level::Bydel, code.clone()), blocks);
            add(sums.entry((Level::Kommune, "0301".into())).or_insert([[[0; 4]; 3]; 5]), &blocks);
        }
        for code in kommuner.keys() {
            let blocks = if code == "0301" {
                sums[&(Level::Kommune, "0301".to_string())]
            } else {
                let m = means_at[&structure][code];
                let b = draw(code, m, &mut rng);
                sums.insert((Level::Kommune, code.clone()), b);
                b
            };
            add(sums.entry((Level::Fylke, code[..2].to_string())).or_insert([[[0; 4]; 3]; 5]), &blocks);
            add(sums.entry((Level::Land, "0".into())).or_insert([[[0; 4]; 3]; 5]), &blocks);
        }
        for (key, blocks) in sums {
            let mut cells = vec![Cell::Suppressed; CELLS_PER_YEAR];
            for ya in YEARS_AFTER {
                block_cells(&blocks[ya as usize - 1], ya, &mut cells);
            }
            if !names.contains_key(&key) {
                let name = match key.0 {
                    Level::Kommune => kommuner[&key.1].clone(),
                    Level::Fylke => fylke_names.get(&key.1).cloned().unwrap_or_else(|| format!("Fylke {}", key.1)),
                    _ => key.1.clone(),
                };
                names.insert(key.clone(), name);
            }
            rows.entry(key).or_default().insert(year, Row::Cells(cells));
        }
    }

    // Labels: a code without figures in the last year says the years it had them.
    let labels: BTreeMap<(Level, String), String> = names
        .into_iter()
        .map(|(key, name)| {
            let years = &rows[&key];
            let (first, last) = (*years.keys().next().expect("every region has a row"), *years.keys().next_back().expect("a row"));
            let label = if last < LAST_YEAR { format!("{name} ({first}-{last})") } else { name };
            (key, label)
        })
        .collect();
    Ok(to_cube(&labels, &rows, seed))
}

fn add(to: &mut [Block; 5], from: &[Block; 5]) {
    for (a, b) in to.iter_mut().zip(from) {
        for (ga, gb) in a.iter_mut().zip(b) {
            for (x, y) in ga.iter_mut().zip(gb) {
                *x += y;
            }
        }
    }
}

/// `..` (not available yet): 2025, 4 and 5 years after; all of 2025 for Oslo's bydeler.
fn not_yet(level: Level, year: u16, ya: u8) -> bool {
    year == LAST_YEAR && (ya >= 4 || level == Level::Bydel)
}

fn category(id: &str, label: &str) -> jsonstat::Category {
    jsonstat::Category { id: id.into(), label: Some(label.into()), note: Vec::new(), unit: None }
}

fn to_cube(labels: &BTreeMap<(Level, String), String>, rows: &BTreeMap<(Level, String), BTreeMap<u16, Row>>, seed: u64) -> jsonstat::Cube {
    use table10824::{CONTENTS_CODES, GENDER_CODES, STATUS_CODES, YEARS_AFTER_CODES};
    // SSB's order: codes as text put each fylke before its kommuner and Oslo before its bydeler.
    let mut regions: Vec<&(Level, String)> = labels.keys().collect();
    regions.sort_by(|a, b| a.1.cmp(&b.1));
    let years: Vec<u16> = (FIRST_YEAR..=LAST_YEAR).collect();
    let mut contents: Vec<jsonstat::Category> = CONTENTS_CODES.iter().map(|(c, _, l)| category(c, l)).collect();
    for (cat, base) in contents.iter_mut().zip(["personer", "prosent"]) {
        cat.unit = Some(serde_json::json!({ "base": base, "decimals": 0 }));
    }
    let dims: [(&str, &str, Vec<jsonstat::Category>); 6] = [
        ("Region", "region", regions.iter().map(|k| category(&k.1, &labels[*k])).collect()),
        ("Kjonn", "kjønn", GENDER_CODES.iter().map(|(c, _, l)| category(c, l)).collect()),
        ("IntroAvbrudd", "avsluttet eller avbrutt introduksjonsprogram", YEARS_AFTER_CODES.iter().map(|(c, _, l)| category(c, l)).collect()),
        ("Arbeidsmarkedsstatus", "arbeidsmarkedsstatus", STATUS_CODES.iter().map(|(c, _, l)| category(c, l)).collect()),
        ("ContentsCode", "statistikkvariabel", contents),
        ("Tid", "år", years.iter().map(|y| category(&y.to_string(), &y.to_string())).collect()),
    ];
    let dimensions = dims
        .into_iter()
        .map(|(id, label, categories)| jsonstat::Dimension {
            id: id.into(),
            label: Some(label.into()),
            categories,
            note: Vec::new(),
            extension: Some(serde_json::json!({ "elimination": false, "show": "value", "codelists": [] })),
            link: None,
        })
        .collect();
    let note = format!(
        "Syntetiske tall: status {FIRST_YEAR}–{LAST_REAL_YEAR} er SSBs egne tall (uttrekket fra 2015), {}–{LAST_YEAR} er trukket tilfeldig \
         (cargo xtask synth --seed {seed}) til tester og ytelsesmåling, ikke til publisering. Synthetic figures after {LAST_REAL_YEAR}.",
        LAST_REAL_YEAR + 1
    );
    let mut cube = jsonstat::Cube {
        label: Some(format!(
            "{TABLE}: Tidligere deltakere i introduksjonsprogrammet for innvandrere, etter region, kjønn, avsluttet eller avbrutt \
             introduksjonsprogram, arbeidsmarkedsstatus, statistikkvariabel og år {FIRST_YEAR}-{LAST_YEAR} ({SYNTHETIC} etter {LAST_REAL_YEAR})"
        )),
        source: Some(format!("Statistisk sentralbyrå ({SYNTHETIC} etter {LAST_REAL_YEAR})")),
        updated: Some(format!("{LAST_YEAR}-12-01T07:00:00Z")),
        note: vec![note],
        role: Some(serde_json::json!({ "time": ["Tid"], "metric": ["ContentsCode"], "geo": ["Region"] })),
        extension: Some(serde_json::json!({ "px": {
            "infofile": "None", "tableid": TABLE, "decimals": 0, "official-statistics": false, "aggregallowed": false,
            "copyright": false, "language": "no", "contents": format!("{TABLE}: Tidligere deltakere i introduksjonsprogrammet ({SYNTHETIC})"),
            "descriptiondefault": false, "heading": ["ContentsCode", "Tid"],
            "stub": ["Region", "Kjonn", "IntroAvbrudd", "Arbeidsmarkedsstatus"], "matrix": "IntroStatus",
            "subject-code": "in", "subject-area": "Innvandring og innvandrere" } })),
        dimensions,
        values: Vec::new(),
        status: Vec::new(),
        symbols: Vec::new(),
    };
    let n = cube.cell_count();
    cube.values = Vec::with_capacity(n);
    let mut symbols: Vec<(usize, &str)> = Vec::new();
    for key in &regions {
        let region_rows = &rows[*key];
        for (_, g, _) in GENDER_CODES {
            for (_, ya, _) in YEARS_AFTER_CODES {
                for (_, s, _) in STATUS_CODES {
                    for (_, u, _) in CONTENTS_CODES {
                        for &y in &years {
                            let i = cube.values.len();
                            let cell = match region_rows.get(&y) {
                                None => Err("."),
                                Some(Row::Cells(_)) if not_yet(key.0, y, ya) => Err(".."),
                                Some(Row::Cells(cells)) => match cells[cell_index(ya, g, s, u)] {
                                    Cell::Value(v) => Ok(v),
                                    symbol => Err(symbol.symbol().unwrap_or(":")),
                                },
                            };
                            match cell {
                                Ok(v) => cube.values.push(Some(v as f64)),
                                Err(sym) => {
                                    cube.values.push(None);
                                    symbols.push((i, sym));
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    for (i, s) in symbols {
        cube.set_status(i, Some(s)).expect("three symbols");
    }
    cube
}

#[cfg(test)]
mod tests;
