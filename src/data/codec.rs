//! The compact binary form of a [`Dataset`] that the build script writes and the library embeds.
//!
//! Layout (all integers LEB128 varints unless noted):
//! - magic `b"IS10824\x01"`
//! - region count; per region: level (byte), code (length + UTF-8), name (length + UTF-8),
//!   number of status years, and each status year
//! - then per region and status year, per years-after 1..=5: a flag byte, `0` when all 24 cells
//!   are a real zero (nobody finished), else `1` followed by 24 cells, each `0` for suppressed or
//!   value + 1.
//! - then the source: table number (string), fetch date and update date (each a flag byte, `1`
//!   followed by the string, or `0`), and the preliminary flag (byte).
//!
//! - then today's kommune map: KLASS version year; fylker (code, name); kommuner (code, name,
//!   other names, fylke, sources: code and, for a split, year and name).
//!
//! - then the national figures published after the extract: cohort, per cent, finished + 1 and
//!   in work or education + 1 (0 = not published), source URL.
//!
//! Shared with the build script through `#[path]`.

use super::model::*;

pub const MAGIC: &[u8; 8] = b"IS10824\x02";

fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u32);
    out.extend_from_slice(s.as_bytes());
}

pub fn encode(ds: &Dataset) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    put_varint(&mut out, ds.regions.len() as u32);
    for r in &ds.regions {
        out.push(r.region.level as u8);
        put_str(&mut out, &r.region.code);
        put_str(&mut out, &r.region.name);
        put_varint(&mut out, r.years.len() as u32);
        for &year in r.years.keys() {
            put_varint(&mut out, year as u32);
        }
    }
    for r in &ds.regions {
        for cells in r.years.values() {
            for chunk in cells.chunks(CELLS_PER_YEARS_AFTER) {
                if chunk.iter().all(|c| *c == Cell::Value(0)) {
                    out.push(0);
                    continue;
                }
                out.push(1);
                for c in chunk {
                    put_varint(&mut out, match c {
                        Cell::Suppressed => 0,
                        Cell::Value(v) => *v as u32 + 1,
                    });
                }
            }
        }
    }
    let map = &ds.map;
    put_varint(&mut out, map.version as u32);
    put_varint(&mut out, map.fylker.len() as u32);
    for f in &map.fylker {
        put_str(&mut out, &f.code);
        put_str(&mut out, &f.name);
    }
    put_varint(&mut out, map.kommuner.len() as u32);
    for k in &map.kommuner {
        put_str(&mut out, &k.code);
        put_str(&mut out, &k.name);
        put_varint(&mut out, k.other_names.len() as u32);
        for n in &k.other_names {
            put_str(&mut out, n);
        }
        put_str(&mut out, &k.fylke);
        put_varint(&mut out, k.sources.len() as u32);
        for s in &k.sources {
            put_str(&mut out, &s.code);
            match &s.split {
                None => out.push(0),
                Some(split) => {
                    out.push(1);
                    put_varint(&mut out, split.year as u32);
                    put_str(&mut out, &split.name);
                }
            }
        }
    }
    put_varint(&mut out, ds.national.len() as u32);
    for p in &ds.national {
        let opt = |v: Option<u16>| v.map_or(0, |v| v as u32 + 1);
        for v in [p.cohort as u32, p.percent as u32, opt(p.finished), opt(p.count)] {
            put_varint(&mut out, v);
        }
        put_str(&mut out, &p.source_url);
    }
    put_source(&mut out, &ds.source);
    out
}

fn put_source(out: &mut Vec<u8>, source: &SourceInfo) {
    put_str(out, &source.table);
    for date in [&source.fetched, &source.updated] {
        match date {
            Some(d) => {
                out.push(1);
                put_str(out, d);
            }
            None => out.push(0),
        }
    }
    out.push(source.preliminary as u8);
}

fn get_source(r: &mut Reader) -> Result<SourceInfo, String> {
    let table = r.string()?;
    let mut date = || -> Result<Option<String>, String> { if r.byte()? == 0 { Ok(None) } else { r.string().map(Some) } };
    let fetched = date()?;
    let updated = date()?;
    let preliminary = r.byte()? != 0;
    Ok(SourceInfo { table, fetched, updated, preliminary })
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, String> {
        let b = *self.bytes.get(self.pos).ok_or_else(|| format!("data ends early at byte {}", self.pos))?;
        self.pos += 1;
        Ok(b)
    }
    fn varint(&mut self) -> Result<u32, String> {
        let mut v: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            v |= ((b & 0x7f) as u32) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(format!("overlong number at byte {}", self.pos))
    }
    fn string(&mut self) -> Result<String, String> {
        let len = self.varint()? as usize;
        let end = self.pos.checked_add(len).filter(|&e| e <= self.bytes.len()).ok_or("string runs past the end")?;
        let s = std::str::from_utf8(&self.bytes[self.pos..end]).map_err(|e| e.to_string())?.to_string();
        self.pos = end;
        Ok(s)
    }
}

pub fn decode(bytes: &[u8]) -> Result<Dataset, String> {
    if !bytes.starts_with(MAGIC) {
        return Err("not an intro-status data file (bad magic)".into());
    }
    let mut r = Reader { bytes, pos: MAGIC.len() };
    let n = r.varint()? as usize;
    let mut regions = Vec::with_capacity(n.min(10_000));
    let mut year_lists = Vec::with_capacity(n.min(10_000));
    for _ in 0..n {
        let level = *Level::ALL.get(r.byte()? as usize).ok_or("unknown level")?;
        let code = r.string()?;
        let name = r.string()?;
        let count = r.varint()?;
        let years = (0..count)
            .map(|_| r.varint().and_then(|y| u16::try_from(y).map_err(|_| "status year out of range".to_string())))
            .collect::<Result<Vec<u16>, String>>()?;
        year_lists.push(years);
        regions.push(RegionData { region: Region { level, code, name }, years: Default::default() });
    }
    for (region, years) in regions.iter_mut().zip(year_lists) {
        for year in years {
            let mut cells = Vec::with_capacity(CELLS_PER_YEAR);
            for _ in YEARS_AFTER {
                if r.byte()? == 0 {
                    cells.extend([Cell::Value(0); CELLS_PER_YEARS_AFTER]);
                    continue;
                }
                for _ in 0..CELLS_PER_YEARS_AFTER {
                    cells.push(match r.varint()? {
                        0 => Cell::Suppressed,
                        v => Cell::Value(u16::try_from(v - 1).map_err(|_| "cell value out of range")?),
                    });
                }
            }
            region.years.insert(year, cells);
        }
    }
    let version = u16::try_from(r.varint()?).map_err(|_| "map version out of range")?;
    let fylker = (0..r.varint()?)
        .map(|_| Ok(TodayFylke { code: r.string()?, name: r.string()? }))
        .collect::<Result<Vec<_>, String>>()?;
    let mut kommuner = Vec::new();
    for _ in 0..r.varint()? {
        let code = r.string()?;
        let name = r.string()?;
        let other_names = (0..r.varint()?).map(|_| r.string()).collect::<Result<Vec<_>, String>>()?;
        let fylke = r.string()?;
        let mut sources = Vec::new();
        for _ in 0..r.varint()? {
            let code = r.string()?;
            let split = match r.byte()? {
                0 => None,
                1 => Some(Split {
                    year: u16::try_from(r.varint()?).map_err(|_| "split year out of range")?,
                    name: r.string()?,
                }),
                b => return Err(format!("bad split flag {b}")),
            };
            sources.push(Source { code, split });
        }
        kommuner.push(TodayKommune { code, name, other_names, fylke, sources });
    }
    let mut national = Vec::new();
    for _ in 0..r.varint()? {
        let mut num = || -> Result<u16, String> { u16::try_from(r.varint()?).map_err(|_| "number out of range".to_string()) };
        let (cohort, percent, finished, count) = (num()?, num()?, num()?, num()?);
        let opt = |v: u16| v.checked_sub(1);
        national.push(PublishedPoint { cohort, percent, finished: opt(finished), count: opt(count), source_url: r.string()? });
    }
    let source = get_source(&mut r)?;
    if r.pos != bytes.len() {
        return Err(format!("{} bytes left over after the data", bytes.len() - r.pos));
    }
    Ok(Dataset { regions, map: KommuneMap { version, kommuner, fylker }, national, source })
}
