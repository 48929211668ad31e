//! The encoder of the compact binary form the library embeds: the layout, the decoder and the
//! model of the counts, which the encoder shares with it, are `intro_status_model::codec`. The
//! decoder is re-exported here, so that a round trip needs one module.

use intro_status_model::codec::{code_region, data_name, name_parts, percent_cells, predict_percents, Bit, Coder, CountModel};
pub use intro_status_model::codec::{decode, decode_one_year_after, predicted_percent, MAGIC};
use intro_status_model::*;

// ---------------------------------------------------------------------------------------------
// Plain bytes

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

/// A code such as `0301`: if it is 1 to 9 digits, their number, then the difference of its
/// value from `prev` (the value of the code before, updated) zig-zagged, so that sorted codes
/// take a byte or two; else `0` and the code as a string.
fn put_code(out: &mut Vec<u8>, prev: &mut u32, code: &str) {
    match code_value(code) {
        Some(v) => {
            put_varint(out, code.len() as u32);
            let d = v as i64 - *prev as i64;
            put_varint(out, ((d << 1) ^ (d >> 63)) as u32);
            *prev = v;
        }
        None => {
            put_varint(out, 0);
            put_str(out, code);
        }
    }
}

/// A signed number zig-zagged (0, -1, 1, -2, … as 0, 1, 2, 3, …), so that a small one of either
/// sign takes a byte.
fn put_signed(out: &mut Vec<u8>, v: i32) {
    put_varint(out, ((v << 1) ^ (v >> 31)) as u32);
}

fn put_cell(out: &mut Vec<u8>, c: Cell) {
    put_varint(out, c.value().map_or(0, |v| v as u32 + 1));
}

/// The value of a code of 1 to 9 digits, where [`put_code`] stores codes as numbers.
fn code_value(code: &str) -> Option<u32> {
    ((1..=9).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit()))
        .then(|| code.bytes().fold(0, |v, b| v * 10 + (b - b'0') as u32))
}

// ---------------------------------------------------------------------------------------------
// The range encoder (the decoder and what they share: `intro_status_model::codec`)

/// LZMA's range encoder (carry propagation through a cached byte), with 16-bit probabilities.
struct Encoder {
    low: u64,
    range: u32,
    cache: u8,
    pending: u64,
    out: Vec<u8>,
}

impl Encoder {
    fn new() -> Self {
        Encoder { low: 0, range: u32::MAX, cache: 0, pending: 1, out: Vec::new() }
    }
    fn encode(&mut self, bound: u32, bit: bool) {
        if bit {
            self.low += bound as u64;
            self.range -= bound;
        } else {
            self.range = bound;
        }
        while self.range < 1 << 24 {
            self.range <<= 8;
            self.shift_low();
        }
    }
    fn shift_low(&mut self) {
        if (self.low as u32) < 0xFF00_0000 || (self.low >> 32) != 0 {
            let carry = (self.low >> 32) as u8;
            let mut byte = self.cache;
            while self.pending > 0 {
                self.out.push(byte.wrapping_add(carry));
                byte = 0xFF;
                self.pending -= 1;
            }
            self.cache = (self.low >> 24) as u8;
        }
        self.pending += 1;
        self.low = (self.low & 0x00FF_FFFF) << 8;
    }
    fn finish(mut self) -> Vec<u8> {
        for _ in 0..5 {
            self.shift_low();
        }
        self.out
    }
}

impl Coder for Encoder {
    fn bit(&mut self, model: &mut Bit, bit: bool) -> bool {
        self.encode((self.range >> 16) * model.p0 as u32, bit);
        model.update(bit);
        bit
    }
    fn even(&mut self, bit: bool) -> bool {
        self.encode(self.range >> 1, bit);
        bit
    }
}

// ---------------------------------------------------------------------------------------------
// Encoding

pub fn encode(ds: &Dataset) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    let regions: Vec<Region> = ds.regions.iter().map(|r| r.region.clone()).collect();
    put_varint(&mut out, regions.len() as u32);
    out.extend(regions.iter().map(|r| r.level as u8));
    let mut prev = 0;
    for r in &regions {
        put_code(&mut out, &mut prev, &r.code);
    }
    for r in &regions {
        put_str(&mut out, &r.name);
    }
    for r in &ds.regions {
        put_varint(&mut out, r.years.len() as u32);
        let mut last = None;
        for &y in r.years.keys() {
            put_varint(&mut out, last.map_or(y, |l: u16| y - l - 1) as u32);
            last = Some(y);
        }
    }
    // The cells marked `..` or `.` are listed apart; everything else codes them as `:`.
    let plain = |c: Cell| if c.value().is_none() { Cell::Suppressed } else { c };
    let mut symbols = Vec::new();
    let mut gap = 0u32;
    for cells in ds.regions.iter().flat_map(|r| r.years.values()) {
        for &c in cells {
            match c {
                Cell::NotYet | Cell::NotApplicable => {
                    symbols.push((gap, (c == Cell::NotApplicable) as u8));
                    gap = 0;
                }
                _ => gap += 1,
            }
        }
    }
    put_source(&mut out, &ds.source, !symbols.is_empty());
    put_map(&mut out, &ds.map, &regions);
    put_varint(&mut out, ds.national.len() as u32);
    for p in &ds.national {
        let opt = |v: Option<u16>| v.map_or(0, |v| v as u32 + 1);
        for v in [p.cohort as u32, p.percent as u32, opt(p.finished), opt(p.count)] {
            put_varint(&mut out, v);
        }
        put_str(&mut out, &p.source_url);
    }

    let mut exceptions = Vec::new();
    let mut gap = 0u32;
    for cells in ds.regions.iter().flat_map(|r| r.years.values()) {
        let cells: Vec<Cell> = cells.iter().map(|&c| plain(c)).collect();
        assert_eq!(cells.len(), CELLS_PER_YEAR, "every status year has {CELLS_PER_YEAR} cells");
        let mut predicted = cells.clone();
        predict_percents(&mut predicted, 5);
        for i in percent_cells() {
            if cells[i] == predicted[i] {
                gap += 1;
            } else {
                exceptions.push((gap, cells[i]));
                gap = 0;
            }
        }
    }
    put_varint(&mut out, exceptions.len() as u32);
    for (gap, cell) in exceptions {
        put_varint(&mut out, gap);
        put_cell(&mut out, cell);
    }
    if !symbols.is_empty() {
        put_varint(&mut out, symbols.len() as u32);
        for (gap, symbol) in symbols {
            put_varint(&mut out, gap);
            out.push(symbol);
        }
    }

    let mut coder = Encoder::new();
    let mut model = CountModel::new();
    let mut rows_of: Vec<Vec<(u16, Vec<Cell>)>> =
        ds.regions.iter().map(|r| r.years.iter().map(|(&y, cells)| (y, cells.iter().map(|&c| plain(c)).collect())).collect()).collect();
    for ya in YEARS_AFTER {
        for rows in &mut rows_of {
            code_region(&mut coder, &mut model, rows, ya).expect("encoding cannot fail");
        }
    }
    out.extend(coder.finish());
    out
}

fn put_source(out: &mut Vec<u8>, source: &SourceInfo, has_symbols: bool) {
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
    out.push(source.preliminary as u8 | (has_symbols as u8) << 1 | (source.synthetic as u8) << 2);
}

fn put_map(out: &mut Vec<u8>, map: &KommuneMap, regions: &[Region]) {
    put_varint(out, map.version as u32);
    put_varint(out, map.fylker.len() as u32);
    for f in &map.fylker {
        put_str(out, &f.code);
        put_str(out, &f.name);
    }
    let kommuner = &map.kommuner;
    put_varint(out, kommuner.len() as u32);
    let mut prev = 0;
    for k in kommuner {
        put_code(out, &mut prev, &k.code);
    }
    let mut prev = 0;
    for k in kommuner {
        put_varint(out, k.sources.len() as u32);
        for s in &k.sources {
            put_code(out, &mut prev, &s.code);
            match &s.split {
                None => out.push(0),
                Some(split) => {
                    put_varint(out, split.year as u32 + 1);
                    put_str(out, &split.name);
                }
            }
        }
    }
    for k in kommuner {
        let codes = std::iter::once(&k.code).chain(k.sources.iter().map(|s| &s.code));
        match codes.map(|c| data_name(regions, c)).position(|n| n == Some(k.name.as_str())) {
            Some(i) => put_varint(out, i as u32 + 1),
            None => {
                put_varint(out, 0);
                put_str(out, &k.name);
            }
        }
    }
    for k in kommuner {
        if k.other_names == name_parts(&k.name) {
            out.push(0);
        } else {
            put_varint(out, k.other_names.len() as u32 + 1);
            for n in &k.other_names {
                put_str(out, n);
            }
        }
    }
    for k in kommuner {
        if k.code.get(..2) == Some(k.fylke.as_str()) {
            out.push(0);
        } else {
            put_varint(out, k.fylke.len() as u32 + 1);
            out.extend_from_slice(k.fylke.as_bytes());
        }
    }
    let mut prev = 0;
    for k in kommuner {
        put_varint(out, k.former.len() as u32);
        let mut before: Option<&str> = None;
        for f in &k.former {
            put_code(out, &mut prev, &f.code);
            let divided = f.divided as u32;
            let name = Some(f.name.as_str());
            let tag = match () {
                _ if name == Some(k.name.as_str()) => 0,
                _ if name == data_name(regions, &f.code) => 1,
                _ if name == before => 2,
                _ => f.name.len() as u32 + 3,
            };
            put_varint(out, tag << 1 | divided);
            if tag > 2 {
                out.extend_from_slice(f.name.as_bytes());
            }
            before = name;
        }
    }
    // Borders: each pair once, at the kommune earlier in the map, as gaps between map indexes
    // (neighbours are mostly in the same fylke, so a gap is nearly always one byte); the decoder
    // gives each pair to both kommuner's lists.
    let index: std::collections::HashMap<&str, usize> = kommuner.iter().enumerate().map(|(i, k)| (k.code.as_str(), i)).collect();
    for (i, k) in kommuner.iter().enumerate() {
        let mut at: Vec<usize> = Vec::with_capacity(k.neighbours.len());
        for n in &k.neighbours {
            let j = *index.get(n.as_str()).unwrap_or_else(|| panic!("neighbour {n} of kommune {} is no kommune of the map", k.code));
            assert!(kommuner[j].neighbours.contains(&k.code), "kommune {} borders on {n}, but {n} not on it", k.code);
            at.push(j);
        }
        assert!(at.windows(2).all(|w| w[0] < w[1]) && !at.contains(&i), "kommune {}: neighbours out of the map's order, or itself", k.code);
        let later: Vec<usize> = at.into_iter().filter(|&j| j > i).collect();
        put_varint(out, later.len() as u32);
        let mut before = i;
        for j in later {
            put_varint(out, (j - before - 1) as u32);
            before = j;
        }
    }
    let section = shapes_section(map.shapes.get(), kommuner.len());
    put_varint(out, section.len() as u32);
    out.extend_from_slice(&section);
}

/// The map's shapes section, which [`encode`] writes after its length at the end of the kommune
/// map (see the layout in `intro_status_model::codec`); the tests weigh it.
pub fn shapes_section(shapes: &Shapes, kommuner: usize) -> Vec<u8> {
    let mut out = Vec::new();
    put_shapes(&mut out, shapes, kommuner);
    out
}

/// The shapes, each arc's points in line where a ring first walks it: the point a ring is at
/// (where the arc before ended, or where its first arc began) is not stored again, and every
/// point is a difference from the point before. Panics on shapes the layout cannot hold: arcs
/// not numbered in the order they are first used, an arc no ring uses, a ring that does not
/// close (what `intro_status_import::shapes` makes never is).
fn put_shapes(out: &mut Vec<u8>, shapes: &Shapes, kommuner: usize) {
    if shapes.kommuner.is_empty() {
        assert!(*shapes == Shapes::default(), "shapes without kommuner");
        out.push(0);
        return;
    }
    assert_eq!(shapes.kommuner.len(), kommuner, "one shape per kommune of the map");
    assert!(shapes.width >= 0 && shapes.height >= 0, "a map of negative size");
    out.push(1);
    put_varint(out, shapes.width as u32);
    put_varint(out, shapes.height as u32);
    put_varint(out, shapes.unit_m);
    // The point before: each point is stored as its difference from it.
    let mut cursor = [0i32; 2];
    let put_point = |out: &mut Vec<u8>, cursor: &mut [i32; 2], p: [i32; 2]| {
        put_signed(out, p[0] - cursor[0]);
        put_signed(out, p[1] - cursor[1]);
        *cursor = p;
    };
    let (mut next_arc, mut last) = (0usize, 0i64);
    for shape in &shapes.kommuner {
        put_varint(out, shape.rings.len() as u32);
        let mut first_start = None;
        for ring in &shape.rings {
            assert!(!ring.is_empty(), "a ring without arcs");
            put_varint(out, ring.len() as u32);
            let (mut start, mut at) = (None, None);
            for (j, &r) in ring.iter().enumerate() {
                let (i, reversed) = if r < 0 { ((!r) as usize, true) } else { (r as usize, false) };
                let mut points = shapes.arcs[i].clone();
                if reversed {
                    points.reverse();
                }
                assert!(points.len() >= 2, "arc {i} has fewer than two points");
                assert!(at.is_none_or(|p| p == points[0]), "a ring's arc {i} does not start where the one before ends");
                if i == next_arc {
                    out.push(reversed as u8);
                    next_arc += 1;
                    let skip_first = at.is_some() as usize;
                    let skip_last = (j == ring.len() - 1) as usize;
                    put_varint(out, (points.len() - skip_first - skip_last) as u32);
                    for &p in &points[skip_first..points.len() - skip_last] {
                        put_point(out, &mut cursor, p);
                    }
                } else {
                    assert!(i < next_arc, "arc {i} is used before arc {next_arc}: arcs must be numbered as first used");
                    let d = i as i64 - last;
                    put_varint(out, 2 + ((((d << 1) ^ (d >> 63)) as u32) << 1 | reversed as u32));
                }
                last = i as i64;
                start = start.or(Some(points[0]));
                at = points.last().copied();
                cursor = points[points.len() - 1];
            }
            assert!(at == start, "a ring does not end where it starts");
            first_start = first_start.or(start);
        }
        // The label, from the start of the kommune's first (largest) ring, which it lies in.
        cursor = first_start.unwrap_or(cursor);
        put_point(out, &mut cursor, shape.label);
    }
    assert_eq!(next_arc, shapes.arcs.len(), "an arc no ring uses");
}
