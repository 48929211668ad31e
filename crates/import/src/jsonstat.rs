//! JSON-stat 2.0 as SSB's PxWebApi writes it: a typed reader into a dense [`Cube`], and a writer
//! back to the same layout. Knows the format, not table 10824 (that is `table10824.rs`).
//!
//! Native only: the build script, the tests and `cargo xtask refresh` use it; the wasm never
//! parses JSON. It depends on nothing but `std`, `serde` and `serde_json`.
//!
//! What the reader accepts, as the format allows:
//! - `value` as an array (dense, `null` for a cell without a figure) or an object (sparse,
//!   `{"<flat index>": number}`);
//! - `status` as one string for every cell, an array, or a sparse object;
//! - `category.index` as an array of ids or an object `{id: position}`, or absent when `label`
//!   names exactly one category;
//! - dimension order from `id`, sizes from `size`; values in row-major order (last id fastest).
//!
//! Every structural problem is an [`Error`] with a JSON path; a JSON syntax or type problem
//! carries serde_json's line and column. Duplicate keys in any JSON object the reader uses,
//! duplicate category ids and duplicate sparse cells are errors of their own kind
//! ([`ErrorKind::Duplicate`]), never silently overwritten.

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;
use std::collections::HashSet;
use std::fmt;

/// The most cells one cube may have (the product of `size`). Table 10824 with every region and
/// year is well under a million; the bound keeps a malformed `size` from allocating gigabytes.
pub const MAX_CELLS: usize = 20_000_000;
/// The most distinct status symbols one cube may use (SSB uses a handful).
pub const MAX_SYMBOLS: usize = 250;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Not JSON, or JSON of the wrong shape (a string where a number belongs, …).
    Syntax,
    /// Valid JSON that breaks JSON-stat's rules (sizes, indexes, lengths).
    Structure,
    /// The same key, category or cell twice.
    Duplicate,
}

/// A located reader error: `path` is a JSON path (`$.dimension.Region.category.index`) or, for
/// syntax errors, `line L column C`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    pub path: String,
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for Error {}

fn structure(path: impl Into<String>, message: impl Into<String>) -> Error {
    Error { kind: ErrorKind::Structure, path: path.into(), message: message.into() }
}

fn duplicate(path: impl Into<String>, message: impl Into<String>) -> Error {
    Error { kind: ErrorKind::Duplicate, path: path.into(), message: message.into() }
}

/// A dataset as a dense cube: every cell has a value or `None`, and a status symbol or none.
#[derive(Debug, Clone, PartialEq)]
pub struct Cube {
    pub label: Option<String>,
    pub source: Option<String>,
    /// As in the file, e.g. `2025-02-25T07:00:00Z`.
    pub updated: Option<String>,
    pub note: Vec<String>,
    pub role: Option<Json>,
    pub extension: Option<Json>,
    pub dimensions: Vec<Dimension>,
    /// Row-major, the last dimension fastest. Empty for a metadata response.
    pub values: Vec<Option<f64>>,
    /// Per cell: 0 for no status, else `symbols[n - 1]`. Empty when no cell has a status.
    pub status: Vec<u8>,
    pub symbols: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Dimension {
    pub id: String,
    pub label: Option<String>,
    pub categories: Vec<Category>,
    pub note: Vec<String>,
    pub extension: Option<Json>,
    pub link: Option<Json>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    pub id: String,
    pub label: Option<String>,
    pub note: Vec<String>,
    pub unit: Option<Json>,
}

impl Cube {
    /// The number of cells the dimensions span.
    pub fn cell_count(&self) -> usize {
        self.dimensions.iter().map(|d| d.categories.len()).product()
    }

    /// How far apart consecutive categories of each dimension are in the flat arrays.
    pub fn strides(&self) -> Vec<usize> {
        let mut strides = vec![1; self.dimensions.len()];
        for i in (0..self.dimensions.len().saturating_sub(1)).rev() {
            strides[i] = strides[i + 1] * self.dimensions[i + 1].categories.len();
        }
        strides
    }

    pub fn dimension(&self, id: &str) -> Option<(usize, &Dimension)> {
        self.dimensions.iter().enumerate().find(|(_, d)| d.id == id)
    }

    /// The status symbol of one cell, if it has one.
    pub fn status_of(&self, index: usize) -> Option<&str> {
        match self.status.get(index) {
            Some(&n) if n > 0 => self.symbols.get(n as usize - 1).map(String::as_str),
            _ => None,
        }
    }

    /// The category position in each dimension of one flat index.
    pub fn coordinates(&self, mut index: usize) -> Vec<usize> {
        let mut out = vec![0; self.dimensions.len()];
        for (i, d) in self.dimensions.iter().enumerate().rev() {
            let n = d.categories.len().max(1);
            out[i] = index % n;
            index /= n;
        }
        out
    }

    /// One cell named by its categories: `Region=0301, Kjonn=0, …`.
    pub fn describe(&self, index: usize) -> String {
        self.coordinates(index)
            .iter()
            .zip(&self.dimensions)
            .map(|(&c, d)| format!("{}={}", d.id, d.categories.get(c).map_or("?", |c| c.id.as_str())))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Sets (or clears, with `None`) the status of one cell.
    pub fn set_status(&mut self, index: usize, symbol: Option<&str>) -> Result<(), Error> {
        let code = match symbol {
            None => 0,
            Some(s) => match self.symbols.iter().position(|x| x == s) {
                Some(p) => p + 1,
                None => {
                    if self.symbols.len() >= MAX_SYMBOLS {
                        return Err(structure("$.status", format!("more than {MAX_SYMBOLS} different status symbols")));
                    }
                    self.symbols.push(s.to_string());
                    self.symbols.len()
                }
            },
        };
        if code == 0 && self.status.is_empty() {
            return Ok(());
        }
        if self.status.is_empty() {
            self.status = vec![0; self.values.len().max(self.cell_count())];
        }
        match self.status.get_mut(index) {
            Some(slot) => {
                *slot = code as u8;
                Ok(())
            }
            None => Err(structure(format!("$.status[\"{index}\"]"), "cell index beyond the cube")),
        }
    }

    fn check_values(&self) -> Result<(), Error> {
        let n = self.cell_count();
        if self.values.len() != n || !(self.status.is_empty() || self.status.len() == n) {
            return Err(structure("$.value", format!("{} values for {n} cells", self.values.len())));
        }
        Ok(())
    }

    /// The same cube with its dimensions in another order (`ids` names every dimension once).
    pub fn reorder(&self, ids: &[&str]) -> Result<Cube, Error> {
        self.check_values()?;
        let order: Vec<usize> = ids
            .iter()
            .map(|id| self.dimension(id).map(|(i, _)| i).ok_or_else(|| structure("$.id", format!("no dimension {id:?}"))))
            .collect::<Result<_, _>>()?;
        if order.len() != self.dimensions.len() || order.iter().collect::<HashSet<_>>().len() != order.len() {
            return Err(structure("$.id", "the new order must name every dimension exactly once"));
        }
        let mut out = Cube { dimensions: order.iter().map(|&i| self.dimensions[i].clone()).collect(), ..self.clone() };
        out.values = vec![None; self.values.len()];
        out.status = if self.status.is_empty() { Vec::new() } else { vec![0; self.status.len()] };
        let new_strides = out.strides();
        for old in 0..self.values.len() {
            let coords = self.coordinates(old);
            let new: usize = order.iter().zip(&new_strides).map(|(&i, s)| coords[i] * s).sum();
            out.values[new] = self.values[old];
            if !self.status.is_empty() {
                out.status[new] = self.status[old];
            }
        }
        Ok(out)
    }

    /// The cube restricted to some categories of one dimension, in the order given.
    pub fn select(&self, dim: &str, ids: &[&str]) -> Result<Cube, Error> {
        self.check_values()?;
        let (d, dimension) = self.dimension(dim).ok_or_else(|| structure("$.id", format!("no dimension {dim:?}")))?;
        let picks: Vec<usize> = ids
            .iter()
            .map(|id| {
                dimension
                    .categories
                    .iter()
                    .position(|c| c.id == *id)
                    .ok_or_else(|| structure(format!("$.dimension.{dim}"), format!("no category {id:?}")))
            })
            .collect::<Result<_, _>>()?;
        let mut out = self.clone();
        out.dimensions[d].categories = picks.iter().map(|&p| dimension.categories[p].clone()).collect();
        let strides = self.strides();
        let inner = strides[d];
        let outer: usize = self.dimensions[..d].iter().map(|x| x.categories.len()).product();
        let n = dimension.categories.len();
        out.values = Vec::with_capacity(outer * picks.len() * inner);
        let mut status = Vec::new();
        for o in 0..outer {
            for &p in &picks {
                let start = (o * n + p) * inner;
                out.values.extend_from_slice(&self.values[start..start + inner]);
                if !self.status.is_empty() {
                    status.extend_from_slice(&self.status[start..start + inner]);
                }
            }
        }
        out.status = status;
        Ok(out)
    }

    /// Joins cubes that differ only in the categories of one dimension (e.g. responses fetched
    /// a few years at a time) into one, categories in the order of `parts`.
    pub fn concat(parts: Vec<Cube>, dim: &str) -> Result<Cube, Error> {
        let mut parts = parts.into_iter();
        let mut out = parts.next().ok_or_else(|| structure("$", "nothing to join"))?;
        for (n, part) in parts.enumerate() {
            out = concat_two(out, part, dim).map_err(|e| Error { message: format!("part {}: {}", n + 2, e.message), ..e })?;
        }
        Ok(out)
    }
}

fn concat_two(a: Cube, b: Cube, dim: &str) -> Result<Cube, Error> {
    a.check_values()?;
    b.check_values()?;
    let (d, _) = a.dimension(dim).ok_or_else(|| structure("$.id", format!("no dimension {dim:?}")))?;
    let same_shape = a.dimensions.len() == b.dimensions.len()
        && a.dimensions.iter().zip(&b.dimensions).enumerate().all(|(i, (x, y))| {
            x.id == y.id && (i == d || x.categories.iter().map(|c| &c.id).eq(y.categories.iter().map(|c| &c.id)))
        });
    if !same_shape {
        return Err(structure("$.dimension", format!("the cubes differ in more than dimension {dim:?}")));
    }
    let seen: HashSet<&str> = a.dimensions[d].categories.iter().map(|c| c.id.as_str()).collect();
    if let Some(c) = b.dimensions[d].categories.iter().find(|c| seen.contains(c.id.as_str())) {
        return Err(duplicate(format!("$.dimension.{dim}.category.index"), format!("category {:?} is in both cubes", c.id)));
    }
    let inner = a.strides()[d];
    let outer: usize = a.dimensions[..d].iter().map(|x| x.categories.len()).product();
    let (na, nb) = (a.dimensions[d].categories.len(), b.dimensions[d].categories.len());
    let mut out = Cube { values: Vec::with_capacity(a.values.len() + b.values.len()), status: Vec::new(), ..a.clone() };
    out.dimensions[d].categories.extend(b.dimensions[d].categories.iter().cloned());
    for o in 0..outer {
        out.values.extend_from_slice(&a.values[o * na * inner..(o + 1) * na * inner]);
        out.values.extend_from_slice(&b.values[o * nb * inner..(o + 1) * nb * inner]);
    }
    let mut index = 0;
    for o in 0..outer {
        for (cube, n) in [(&a, na), (&b, nb)] {
            for i in o * n * inner..(o + 1) * n * inner {
                out.set_status(index, cube.status_of(i))?;
                index += 1;
            }
        }
    }
    Ok(out)
}

// --- Reading -------------------------------------------------------------------------------

/// Reads a JSON-stat 2.0 dataset with its values.
pub fn parse(text: &str) -> Result<Cube, Error> {
    parse_impl(text, true)
}

/// Reads a JSON-stat 2.0 metadata response (PxWebApi's `/tables/{id}/metadata`): dimensions,
/// categories and labels, and an empty `value`.
pub fn parse_metadata(text: &str) -> Result<Cube, Error> {
    parse_impl(text, false)
}

#[derive(Deserialize)]
struct RawDataset {
    version: Option<String>,
    class: Option<String>,
    label: Option<String>,
    source: Option<String>,
    updated: Option<String>,
    note: Option<Vec<String>>,
    role: Option<Json>,
    id: Vec<String>,
    size: Vec<u64>,
    dimension: UniqueMap<RawDimension>,
    extension: Option<Json>,
    value: Option<RawValues>,
    status: Option<RawStatus>,
}

#[derive(Deserialize)]
struct RawDimension {
    label: Option<String>,
    category: RawCategory,
    note: Option<Vec<String>>,
    extension: Option<Json>,
    link: Option<Json>,
}

#[derive(Deserialize)]
struct RawCategory {
    index: Option<RawIndex>,
    label: Option<UniqueMap<String>>,
    note: Option<UniqueMap<Vec<String>>>,
    unit: Option<UniqueMap<Json>>,
}

/// A JSON object as its entries in order; a key that comes twice is an error, not an overwrite.
struct UniqueMap<V>(Vec<(String, V)>);

impl<V> UniqueMap<V> {
    fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

const DUPLICATE_KEY: &str = "duplicate key";

impl<'de, V: Deserialize<'de>> Deserialize<'de> for UniqueMap<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V_<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for V_<V> {
            type Value = UniqueMap<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut seen = HashSet::new();
                let mut out = Vec::new();
                while let Some(k) = map.next_key::<String>()? {
                    if !seen.insert(k.clone()) {
                        return Err(de::Error::custom(format!("{DUPLICATE_KEY} {k:?}")));
                    }
                    out.push((k, map.next_value()?));
                }
                Ok(UniqueMap(out))
            }
        }
        d.deserialize_map(V_(std::marker::PhantomData))
    }
}

enum RawIndex {
    List(Vec<String>),
    Map(UniqueMap<u64>),
}

impl<'de> Deserialize<'de> for RawIndex {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V_;
        impl<'de> Visitor<'de> for V_ {
            type Value = RawIndex;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an array of category ids or an object of positions")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawIndex, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    out.push(s);
                }
                Ok(RawIndex::List(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawIndex, A::Error> {
                UniqueMap::deserialize(de::value::MapAccessDeserializer::new(map)).map(RawIndex::Map)
            }
        }
        d.deserialize_any(V_)
    }
}

enum RawValues {
    Dense(Vec<Option<f64>>),
    Sparse(UniqueMap<Option<f64>>),
}

impl<'de> Deserialize<'de> for RawValues {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V_;
        impl<'de> Visitor<'de> for V_ {
            type Value = RawValues;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an array of numbers or an object of numbers")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawValues, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 20));
                while let Some(v) = seq.next_element::<Option<f64>>()? {
                    out.push(v);
                }
                Ok(RawValues::Dense(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawValues, A::Error> {
                UniqueMap::deserialize(de::value::MapAccessDeserializer::new(map)).map(RawValues::Sparse)
            }
        }
        d.deserialize_any(V_)
    }
}

enum RawStatus {
    All(String),
    Dense(Vec<Option<String>>),
    Sparse(UniqueMap<Option<String>>),
}

impl<'de> Deserialize<'de> for RawStatus {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V_;
        impl<'de> Visitor<'de> for V_ {
            type Value = RawStatus;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, an array of strings or an object of strings")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<RawStatus, E> {
                Ok(RawStatus::All(s.to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawStatus, A::Error> {
                let mut out = Vec::new();
                while let Some(v) = seq.next_element::<Option<String>>()? {
                    out.push(v);
                }
                Ok(RawStatus::Dense(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawStatus, A::Error> {
                UniqueMap::deserialize(de::value::MapAccessDeserializer::new(map)).map(RawStatus::Sparse)
            }
        }
        d.deserialize_any(V_)
    }
}

/// A sparse key: the decimal flat index of a cell.
fn cell_key(key: &str, total: usize, path: &str) -> Result<usize, Error> {
    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_digit()) {
        return Err(structure(format!("{path}[{key:?}]"), "key is not a cell index (a whole number)"));
    }
    match key.parse::<usize>() {
        Ok(i) if i < total => Ok(i),
        _ => Err(structure(format!("{path}[{key:?}]"), format!("cell index beyond the cube's {total} cells"))),
    }
}

fn parse_impl(text: &str, with_values: bool) -> Result<Cube, Error> {
    let raw: RawDataset = serde_json::from_str(crate::without_bom(text)).map_err(|e| {
        let message = e.to_string();
        let kind = if message.contains(DUPLICATE_KEY) { ErrorKind::Duplicate } else { ErrorKind::Syntax };
        // serde_json appends " at line L column C"; the path says it instead.
        let message = message.rsplit_once(" at line ").map_or(message.clone(), |(m, _)| m.to_string());
        Error { kind, path: format!("line {} column {}", e.line(), e.column()), message }
    })?;
    if let Some(v) = raw.version.as_deref().filter(|v| *v != "2.0") {
        return Err(structure("$.version", format!("version {v:?}; this reader knows JSON-stat 2.0")));
    }
    if let Some(c) = raw.class.as_deref().filter(|c| *c != "dataset") {
        return Err(structure("$.class", format!("class {c:?}; expected a \"dataset\"")));
    }
    if raw.id.len() != raw.size.len() {
        return Err(structure("$.size", format!("{} sizes for {} dimension ids", raw.size.len(), raw.id.len())));
    }
    let mut seen = HashSet::new();
    for (i, id) in raw.id.iter().enumerate() {
        if !seen.insert(id.as_str()) {
            return Err(duplicate(format!("$.id[{i}]"), format!("dimension {id:?} is listed twice")));
        }
    }
    for (key, _) in &raw.dimension.0 {
        if !seen.contains(key.as_str()) {
            return Err(structure(format!("$.dimension.{key}"), "a dimension that `id` does not list"));
        }
    }
    let mut total: usize = 1;
    for (i, &s) in raw.size.iter().enumerate() {
        total = usize::try_from(s)
            .ok()
            .and_then(|s| total.checked_mul(s))
            .filter(|&t| t <= MAX_CELLS)
            .ok_or_else(|| structure(format!("$.size[{i}]"), format!("more than {MAX_CELLS} cells")))?;
    }

    let mut dimensions = Vec::with_capacity(raw.id.len());
    let mut raw_dims = raw.dimension.0;
    for (i, id) in raw.id.iter().enumerate() {
        let pos = raw_dims
            .iter()
            .position(|(k, _)| k == id)
            .ok_or_else(|| structure(format!("$.dimension.{id}"), "listed in `id` but not described in `dimension`"))?;
        let (_, d) = raw_dims.swap_remove(pos);
        let dimension = read_dimension(id, d)?;
        if dimension.categories.len() as u64 != raw.size[i] {
            return Err(structure(
                format!("$.size[{i}]"),
                format!("dimension {id:?} has {} categories, but size says {}", dimension.categories.len(), raw.size[i]),
            ));
        }
        dimensions.push(dimension);
    }

    let mut cube = Cube {
        label: raw.label,
        source: raw.source,
        updated: raw.updated,
        note: raw.note.unwrap_or_default(),
        role: raw.role,
        extension: raw.extension,
        dimensions,
        values: Vec::new(),
        status: Vec::new(),
        symbols: Vec::new(),
    };
    if !with_values {
        return Ok(cube);
    }
    cube.values = match raw.value {
        None => return Err(structure("$.value", "no values")),
        Some(RawValues::Dense(v)) => {
            if v.len() != total {
                return Err(structure("$.value", format!("{} values for {total} cells (the product of `size`)", v.len())));
            }
            v
        }
        Some(RawValues::Sparse(m)) => {
            let mut v = vec![None; total];
            let mut set = vec![false; total];
            for (k, x) in m.0 {
                let i = cell_key(&k, total, "$.value")?;
                if std::mem::replace(&mut set[i], true) {
                    return Err(duplicate(format!("$.value[{k:?}]"), format!("cell {i} is given twice ({})", cube.describe(i))));
                }
                v[i] = x;
            }
            v
        }
    };
    match raw.status {
        None => {}
        Some(RawStatus::All(s)) => {
            for i in 0..total {
                cube.set_status(i, Some(&s))?;
            }
        }
        Some(RawStatus::Dense(list)) => {
            // JSON-stat allows a shorter array? No: one status per value, as `value`.
            if list.len() != total {
                return Err(structure("$.status", format!("{} statuses for {total} cells", list.len())));
            }
            for (i, s) in list.iter().enumerate() {
                if let Some(s) = s.as_deref().filter(|s| !s.is_empty()) {
                    cube.set_status(i, Some(s)).map_err(|e| Error { path: format!("$.status[{i}]"), ..e })?;
                }
            }
        }
        Some(RawStatus::Sparse(m)) => {
            let mut set = HashSet::new();
            for (k, s) in m.0 {
                let i = cell_key(&k, total, "$.status")?;
                if !set.insert(i) {
                    return Err(duplicate(format!("$.status[{k:?}]"), format!("cell {i} has two statuses ({})", cube.describe(i))));
                }
                if let Some(s) = s.as_deref().filter(|s| !s.is_empty()) {
                    cube.set_status(i, Some(s)).map_err(|e| Error { path: format!("$.status[{k:?}]"), ..e })?;
                }
            }
        }
    }
    Ok(cube)
}

fn read_dimension(id: &str, d: RawDimension) -> Result<Dimension, Error> {
    let path = format!("$.dimension.{id}.category");
    let labels = d.category.label;
    let ids: Vec<String> = match d.category.index {
        Some(RawIndex::List(list)) => list,
        Some(RawIndex::Map(map)) => {
            let n = map.0.len();
            let mut slots: Vec<Option<String>> = vec![None; n];
            for (k, p) in map.0 {
                let slot = usize::try_from(p)
                    .ok()
                    .and_then(|p| slots.get_mut(p))
                    .ok_or_else(|| structure(format!("{path}.index.{k}"), format!("position {p} is outside 0..{n}")))?;
                if let Some(other) = slot {
                    return Err(duplicate(format!("{path}.index.{k}"), format!("position {p} is also {other:?}'s")));
                }
                *slot = Some(k);
            }
            slots.into_iter().map(|s| s.expect("n distinct positions below n fill every slot")).collect()
        }
        None => match &labels {
            Some(l) if l.0.len() == 1 => vec![l.0[0].0.clone()],
            _ => return Err(structure(format!("{path}.index"), "no index, and not exactly one labelled category")),
        },
    };
    let mut seen = HashSet::new();
    for (i, c) in ids.iter().enumerate() {
        if !seen.insert(c.as_str()) {
            return Err(duplicate(format!("{path}.index[{i}]"), format!("category {c:?} is listed twice")));
        }
    }
    if let Some(l) = &labels {
        if let Some((k, _)) = l.0.iter().find(|(k, _)| !seen.contains(k.as_str())) {
            return Err(structure(format!("{path}.label.{k}"), "a label for a category the index does not have"));
        }
    }
    let notes = d.category.note;
    let units = d.category.unit;
    let categories = ids
        .into_iter()
        .map(|cid| Category {
            label: labels.as_ref().and_then(|l| l.get(&cid)).cloned(),
            note: notes.as_ref().and_then(|n| n.get(&cid)).cloned().unwrap_or_default(),
            unit: units.as_ref().and_then(|u| u.get(&cid)).cloned(),
            id: cid,
        })
        .collect();
    Ok(Dimension {
        id: id.to_string(),
        label: d.label,
        categories,
        note: d.note.unwrap_or_default(),
        extension: d.extension,
        link: d.link,
    })
}

// --- Writing -------------------------------------------------------------------------------

/// Writes a cube as compact JSON-stat 2.0 in PxWebApi's member order: `version`, `class`,
/// `label`, `source`, `updated`, `note`, `role`, `id`, `size`, `dimension`, `extension`,
/// `value` (dense, `null` where there is no figure; whole numbers without a decimal point),
/// `status` (sparse object).
pub fn write(cube: &Cube) -> String {
    serde_json::to_string(&OutDataset(cube)).expect("a cube always serialises")
}

struct OutDataset<'a>(&'a Cube);
struct OutDimensions<'a>(&'a [Dimension]);
struct OutDimension<'a>(&'a Dimension);
struct OutCategory<'a>(&'a [Category]);
struct OutValues<'a>(&'a [Option<f64>]);
struct OutStatus<'a>(&'a Cube);

impl Serialize for OutDataset<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("version", "2.0")?;
        m.serialize_entry("class", "dataset")?;
        if let Some(l) = &c.label {
            m.serialize_entry("label", l)?;
        }
        if let Some(x) = &c.source {
            m.serialize_entry("source", x)?;
        }
        if let Some(x) = &c.updated {
            m.serialize_entry("updated", x)?;
        }
        if !c.note.is_empty() {
            m.serialize_entry("note", &c.note)?;
        }
        if let Some(x) = &c.role {
            m.serialize_entry("role", x)?;
        }
        m.serialize_entry("id", &c.dimensions.iter().map(|d| &d.id).collect::<Vec<_>>())?;
        m.serialize_entry("size", &c.dimensions.iter().map(|d| d.categories.len()).collect::<Vec<_>>())?;
        m.serialize_entry("dimension", &OutDimensions(&c.dimensions))?;
        if let Some(x) = &c.extension {
            m.serialize_entry("extension", x)?;
        }
        m.serialize_entry("value", &OutValues(&c.values))?;
        if c.status.iter().any(|&s| s > 0) {
            m.serialize_entry("status", &OutStatus(c))?;
        }
        m.end()
    }
}

impl Serialize for OutDimensions<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for d in self.0 {
            m.serialize_entry(&d.id, &OutDimension(d))?;
        }
        m.end()
    }
}

impl Serialize for OutDimension<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.0;
        let mut m = s.serialize_map(None)?;
        if let Some(l) = &d.label {
            m.serialize_entry("label", l)?;
        }
        m.serialize_entry("category", &OutCategory(&d.categories))?;
        if !d.note.is_empty() {
            m.serialize_entry("note", &d.note)?;
        }
        if let Some(x) = &d.extension {
            m.serialize_entry("extension", x)?;
        }
        if let Some(x) = &d.link {
            m.serialize_entry("link", x)?;
        }
        m.end()
    }
}

impl Serialize for OutCategory<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        /// `{id: f(category)}` for the categories where `f` gives something.
        struct Members<'a, T>(&'a [Category], fn(usize, &'a Category) -> Option<T>);
        impl<'a, T: Serialize> Serialize for Members<'a, T> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(None)?;
                for (i, c) in self.0.iter().enumerate() {
                    if let Some(v) = (self.1)(i, c) {
                        m.serialize_entry(&c.id, &v)?;
                    }
                }
                m.end()
            }
        }
        let cats = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("index", &Members(cats, |i, _| Some(i)))?;
        if cats.iter().any(|c| c.label.is_some()) {
            m.serialize_entry("label", &Members(cats, |_, c| c.label.as_ref()))?;
        }
        if cats.iter().any(|c| !c.note.is_empty()) {
            m.serialize_entry("note", &Members(cats, |_, c| Some(&c.note).filter(|n| !n.is_empty())))?;
        }
        if cats.iter().any(|c| c.unit.is_some()) {
            m.serialize_entry("unit", &Members(cats, |_, c| c.unit.as_ref()))?;
        }
        m.end()
    }
}

impl Serialize for OutValues<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for v in self.0 {
            match v {
                None => seq.serialize_element(&None::<u8>)?,
                Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => seq.serialize_element(&(*x as i64))?,
                Some(x) => seq.serialize_element(x)?,
            }
        }
        seq.end()
    }
}

impl Serialize for OutStatus<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        for i in 0..self.0.status.len() {
            if let Some(sym) = self.0.status_of(i) {
                m.serialize_entry(&i.to_string(), sym)?;
            }
        }
        m.end()
    }
}
