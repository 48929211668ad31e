//! The compact binary form of a [`Dataset`] that the build script writes and the library embeds:
//! the layout, the decoder, and the model of the counts that the encoder shares
//! (`intro_status_import::codec::encode`, which only the build and the tools run).
//!
//! The wasm that carries these bytes is gzipped for transport, so what counts is the size after
//! gzip. Text (codes, names, the kommune map) is stored plainly, column by column, where gzip
//! finds its repeats, and without what it can be derived from (a map name that repeats a data
//! kommune's name, other names that are the name's parts, a fylke that is the code's first two
//! digits). The 112 200 counts, which gzip compresses poorly, come last, coded with an adaptive
//! binary range coder that is told what the table's structure predicts: a whole block of zeros
//! where nobody finished, "alle" = menn + kvinner, "annet" = alle − the other two statuses, a
//! cohort's count a year earlier, and which neighbouring cells are suppressed. Per cents are
//! stored only where they differ from [`predicted_percent`], which holds for all but a few dozen
//! cells of SSB's extract; those beside a suppressed total reveal it and are range-coded too.
//!
//! Layout (integers are LEB128 varints unless noted; a string is its byte length, then UTF-8; a
//! code is as `put_code` writes it: the number of digits and the zig-zagged difference of its
//! value from the code before in its column, or, if it is not 1 to 9 digits, `0` and a string):
//! - magic `b"IS10824\x08"`
//! - regions, as columns: their number `n`; `n` level bytes; `n` codes; `n` names; `n` lists of
//!   status years (their number, the first year, then each next year − the year before − 1).
//! - the source: table number (string), fetch date and update date (each `0`, or `1` and the
//!   string), a flags byte: bit 0 preliminary, bit 2 synthetic figures, bit 1 "the symbol list below is there" (so that
//!   data with no `..` or `.` code as they did before those had cells of their own).
//! - today's kommune map: KLASS version year; fylker (their number, then code and name as
//!   strings); kommuner, as columns: their number `m`; `m` codes; `m` lists of sources (their
//!   number, then per source its code, in one column with all sources before it, and `0` or the
//!   split year + 1 and the name of the kommune that was divided); `m` names (`0` and the name,
//!   or `i` ≥ 1: the name the data give the kommune of the `i`-th code of the kommune's own code
//!   and its sources' codes, found as `data_name` finds it); `m` lists of other names (`0` for the `name_parts` of the name,
//!   else their number + 1 and the strings); `m` fylker (`0` for the first two characters of
//!   the code, else length + 1 and the bytes); `m` lists of former numbers and names (their
//!   number, then per entry its code, in one column with all entries before it, and `v`: bit 0
//!   the divided flag, `v >> 1` = `0` for the kommune's own name, `1` for the name the data
//!   give the same code, `2` for the entry before's, else the name's length + 3 and its bytes);
//!   `m` lists of neighbours, each pair once, in the list of the kommune earlier in the map:
//!   the number of its neighbours later in the map, then per neighbour its index in the map − the
//!   index before (the kommune's own, first) − 1. The decoder adds each pair to both lists.
//!   Then the map's [`Shapes`], as a section of their own, its length in bytes first (so that
//!   they can be decoded when first drawn, [`decode_shapes`]): a byte `0` (none), or `1` and
//!   width, height and metres per unit,
//!   then per kommune of the map (`m`, in order) its rings: their number; per ring its number of
//!   arc references, then each reference, and last the label (a point). Arcs are numbered in the
//!   order they are first referenced, and their points stand where that is: a reference `0` (`1`)
//!   is the next arc, walked forwards (backwards), followed by the number of its points stored
//!   and those points in walking order, its first point left out where the ring is at one (the
//!   end of the arc before in the ring) and its last where it closes the ring (the ring's start);
//!   a reference `v` ≥ 2 is an arc already read: `(v − 2) >> 1` the zig-zagged difference of its
//!   number from the arc referenced before (in any ring), bit 0 of `v − 2` set if walked
//!   backwards. A point is the zig-zagged difference of x, then of y, from the point before: the
//!   last point stored, or after a reference the end it walks to; a label from the start of its
//!   kommune's first ring.
//! - the national figures published outside the extract: their number; per figure (in the
//!   dataset's order, which is each cohort's order of preference) cohort, per cent, finished + 1
//!   and in work or education + 1 (`0` = not published), source URL.
//! - the per-cent exceptions: their number; per exception the number of per-cent cells (the odd
//!   [`cell_index`]es of every region's status years, in order) since the exception before, and
//!   the cell (`0` suppressed, else value + 1).
//! - if the flags say so, the cells marked `..` or `.`: their number; per cell the number of
//!   cells (in [`cell_index`] order through every region's status years) since the one before,
//!   and a byte, `0` for `..` ([`Cell::NotYet`]) or `1` for `.` ([`Cell::NotApplicable`]). Every
//!   part above and below has these cells as [`Cell::Suppressed`].
//! - to the end of the data: the range-coded counts, and the per cents that [`predicted_percent`]
//!   leaves open: one year after for every region's status years in order, then two years
//!   after, and so on (see `code_region`), so that [`decode_one_year_after`] can stop early.
//!
//! Decoding checks what it reads: corrupt input gives an `Err`, never a panic, and every count
//! the decoder allocates or loops for is bounded by the input's length.

use crate::model::*;

pub const MAGIC: &[u8; 8] = b"IS10824\x08";

// ---------------------------------------------------------------------------------------------
// Plain bytes (the encoder's `put_*` write them)

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    #[inline]
    fn byte(&mut self) -> Result<u8, String> {
        let b = *self.bytes.get(self.pos).ok_or_else(|| format!("data ends early at byte {}", self.pos))?;
        self.pos += 1;
        Ok(b)
    }
    #[inline]
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
    #[inline]
    fn u16(&mut self, what: &str) -> Result<u16, String> {
        u16::try_from(self.varint()?).map_err(|_| format!("{what} out of range at byte {}", self.pos))
    }
    /// `0` for none, else the number + 1.
    #[inline]
    fn optional_u16(&mut self) -> Result<Option<u16>, String> {
        match self.varint()? {
            0 => Ok(None),
            v => u16::try_from(v - 1).map(Some).map_err(|_| format!("number out of range at byte {}", self.pos)),
        }
    }
    /// A count of items that each take at least one byte: never more than the bytes left, so a
    /// corrupt count cannot make the decoder allocate or loop without bound.
    #[inline]
    fn count(&mut self) -> Result<usize, String> {
        let n = self.varint()? as usize;
        if n > self.bytes.len() - self.pos {
            return Err(format!("count {n} at byte {} exceeds the data", self.pos));
        }
        Ok(n)
    }
    #[inline]
    fn take(&mut self, len: usize) -> Result<&'a [u8], String> {
        let end = self.pos.checked_add(len).filter(|&e| e <= self.bytes.len()).ok_or("data runs past the end")?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    #[inline]
    fn string(&mut self) -> Result<String, String> {
        let len = self.varint()? as usize;
        let s = self.take(len)?;
        std::str::from_utf8(s).map(str::to_string).map_err(|e| e.to_string())
    }
    /// A code as `put_code` wrote it.
    #[inline]
    fn code(&mut self, prev: &mut u32) -> Result<String, String> {
        let digits = self.varint()? as usize;
        if digits == 0 {
            return self.string();
        }
        let d = self.varint()?;
        let v = *prev as i64 + ((d >> 1) as i64 ^ -((d & 1) as i64));
        if digits > 9 || !(0..10i64.pow(digits as u32)).contains(&v) {
            return Err(format!("bad code at byte {}", self.pos));
        }
        *prev = v as u32;
        // Written out by hand: `format!` per code was a noticeable part of decoding in the browser.
        let mut code = vec![b'0'; digits];
        let mut rest = v as u32;
        for d in code.iter_mut().rev() {
            *d = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
        Ok(String::from_utf8(code).expect("ASCII digits"))
    }
    /// A point stored as its zig-zagged difference from `from`.
    #[inline]
    fn point(&mut self, from: [i32; 2]) -> Result<[i32; 2], String> {
        let mut p = from;
        for c in &mut p {
            let d = self.varint()?;
            *c = c.checked_add((d >> 1) as i32 ^ -((d & 1) as i32)).ok_or_else(|| format!("point out of range at byte {}", self.pos))?;
        }
        Ok(p)
    }
    #[inline]
    fn cell(&mut self) -> Result<Cell, String> {
        Ok(match self.varint()? {
            0 => Cell::Suppressed,
            v => Cell::Value(u16::try_from(v - 1).map_err(|_| "cell value out of range")?),
        })
    }
}

// ---------------------------------------------------------------------------------------------
// The range coder

/// An adaptive model of one binary decision: the probability that the bit is 0, in 1/65536,
/// learnt from the bits seen in this context. It starts at even odds and moves fast while it has
/// seen few bits (the step is 1/(seen + 2), as a running average), then settles at 1/32 so it can
/// follow drifts.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct Bit {
    pub p0: u16,
    seen: u8,
}

impl Bit {
    const NEW: Bit = Bit { p0: 1 << 15, seen: 0 };
    const SETTLED: u8 = 30;

    #[inline]
    pub fn update(&mut self, bit: bool) {
        // 65536 / (seen + 2), so the step needs no division.
        const STEP: [i32; Bit::SETTLED as usize + 1] = {
            let mut t = [0; Bit::SETTLED as usize + 1];
            let mut i = 0;
            while i < t.len() {
                t[i] = 65536 / (i as i32 + 2);
                i += 1;
            }
            t
        };
        let target = if bit { 0 } else { 65536 };
        let p0 = self.p0 as i32;
        let p0 = p0 + (((target - p0) * STEP[self.seen as usize]) >> 16);
        // Never certain: a bit the model thought impossible still costs only about 11 bits.
        self.p0 = p0.clamp(32, 65536 - 32) as u16;
        self.seen = (self.seen + 1).min(Bit::SETTLED);
    }
}

/// Either side of the range coder: the model code in [`code_region`] and below is written once,
/// for both, so the encoder and decoder cannot drift apart. Public for the encoder in
/// `intro-status-import`, like the other `#[doc(hidden)]` items here.
#[doc(hidden)]
pub trait Coder {
    /// Encodes `bit`, or decodes a bit (ignoring `bit`); returns the bit and updates `model`.
    fn bit(&mut self, model: &mut Bit, bit: bool) -> bool;
    /// A bit at even odds, not modelled.
    fn even(&mut self, bit: bool) -> bool;
    /// Whether the decoder has read past its input (corrupt data): the caller stops early.
    #[inline]
    fn overrun(&self) -> bool {
        false
    }
}

struct Decoder<'a> {
    bytes: &'a [u8],
    pos: usize,
    range: u32,
    code: u32,
}

impl<'a> Decoder<'a> {
    #[inline]
    fn new(bytes: &'a [u8]) -> Result<Self, String> {
        // The encoder's first byte is always 0 (nothing carries into it).
        if bytes.len() < 5 || bytes[0] != 0 {
            return Err("the coded counts are corrupt".into());
        }
        let code = u32::from_be_bytes([bytes[1], bytes[2], bytes[3], bytes[4]]);
        Ok(Decoder { bytes, pos: 5, range: u32::MAX, code })
    }
    #[inline]
    fn decode(&mut self, bound: u32) -> bool {
        let bit = self.code >= bound;
        if bit {
            self.code -= bound;
            self.range -= bound;
        } else {
            self.range = bound;
        }
        while self.range < 1 << 24 {
            self.range <<= 8;
            // Past the end, read zeros; `finish` then reports the overrun.
            self.code = (self.code << 8) | *self.bytes.get(self.pos).unwrap_or(&0) as u32;
            self.pos += 1;
        }
        bit
    }
    /// Every byte the encoder wrote is read exactly once by the end.
    #[inline]
    fn finish(self) -> Result<(), String> {
        match self.pos == self.bytes.len() {
            true => Ok(()),
            false => Err("the coded counts are corrupt (wrong length)".into()),
        }
    }
}

impl Coder for Decoder<'_> {
    #[inline]
    fn bit(&mut self, model: &mut Bit, _: bool) -> bool {
        let bit = self.decode((self.range >> 16) * model.p0 as u32);
        model.update(bit);
        bit
    }
    #[inline]
    fn even(&mut self, _: bool) -> bool {
        self.decode(self.range >> 1)
    }
    #[inline]
    fn overrun(&self) -> bool {
        self.pos > self.bytes.len()
    }
}

/// Longest Elias-gamma length prefix: enough for any residual of a u16 from a sum of two.
const GAMMA_BITS: usize = 20;

/// `x` in Elias gamma: the bit length of `x + 1` in unary (each position its own model), then
/// the bits of `x + 1` below its top bit at even odds.
#[inline]
fn gamma<C: Coder>(c: &mut C, models: &mut [Bit; GAMMA_BITS], x: u32) -> Result<u32, String> {
    // The decoder passes a placeholder for `x`, whose bits are never used.
    let x1 = x.saturating_add(1);
    let len = 32 - x1.leading_zeros() as usize;
    let mut decoded_len = 1;
    while c.bit(&mut models[decoded_len - 1], decoded_len < len) {
        decoded_len += 1;
        if decoded_len == GAMMA_BITS {
            return Err("the coded counts are corrupt (number too long)".into());
        }
    }
    let mut v = 1u32;
    for i in (0..decoded_len - 1).rev() {
        v = v << 1 | c.even(x1 >> i & 1 == 1) as u32;
    }
    Ok(v - 1)
}

// ---------------------------------------------------------------------------------------------
// The model of the counts

/// The order in which a block's genders are coded: the parts before their sum.
const GENDER_ORDER: [Gender; 3] = [Gender::Menn, Gender::Kvinner, Gender::Alle];

/// What a cell is, for the contexts: 0 no such row, 1 suppressed, 2 zero, 3 a positive count.
#[inline]
fn kind(c: Option<Cell>) -> usize {
    match c {
        None => 0,
        Some(Cell::Value(0)) => 2,
        Some(Cell::Value(_)) => 3,
        Some(_) => 1,
    }
}

/// How big a total is, for the contexts of its parts: 0 suppressed, 1 zero, 2 up to 4, 3 up to
/// 9, 4 up to 19, 5 more.
#[inline]
fn total_class(c: Cell) -> usize {
    match c {
        Cell::Suppressed | Cell::NotYet | Cell::NotApplicable => 0,
        Cell::Value(0) => 1,
        Cell::Value(1..=4) => 2,
        Cell::Value(5..=9) => 3,
        Cell::Value(10..=19) => 4,
        Cell::Value(_) => 5,
    }
}

/// Where the prediction of a positive count comes from (a model each).
#[derive(Clone, Copy)]
enum Predictor {
    /// Gender "alle" = menn + kvinner (holds wherever both are published, but for a few cells
    /// SSB perturbed).
    GenderSum = 0,
    /// "Annet" = alle − in work or education − unemployed or on a measure.
    StatusSum = 1,
    /// The same cell a year earlier, for the same cohort (one year after less): the cohort's
    /// size barely changes, its statuses somewhat. One model per status, so 2..=5.
    LastYear = 2,
}
const PREDICTORS: usize = 6;
/// Contexts for counts without a prediction: by status and bit length of a related count.
const PLAIN_CONTEXTS: usize = 4 * 18;
/// Contexts for "suppressed?" and "zero?": the cell's gender and status, what it was a year
/// earlier, what its gender's total is, what the genders it sums are, and what the statuses
/// before it are (those three only where they apply, in 3 kinds each as they are in this row).
const KIND_CONTEXTS: usize = 12 * 4 * 6 * 9 * 9;

#[doc(hidden)]
pub struct CountModel {
    zero_block: [Bit; 5 * 3],
    percent_suppressed: Bit,
    percent_by_hidden: Bit,
    hidden: [Bit; GAMMA_BITS],
    plain_percent: [Bit; GAMMA_BITS],
    suppressed: Vec<Bit>,
    zero: Vec<Bit>,
    exact: [Bit; PREDICTORS],
    negative: [Bit; PREDICTORS],
    residual: [[Bit; GAMMA_BITS]; PREDICTORS],
    plain: Vec<[Bit; GAMMA_BITS]>,
}

#[allow(clippy::new_without_default)] // a fresh model for one pass of the coder, not a default
impl CountModel {
    #[inline]
    pub fn new() -> Self {
        CountModel {
            zero_block: [Bit::NEW; 5 * 3],
            percent_suppressed: Bit::NEW,
            percent_by_hidden: Bit::NEW,
            hidden: [Bit::NEW; GAMMA_BITS],
            plain_percent: [Bit::NEW; GAMMA_BITS],
            suppressed: vec![Bit::NEW; KIND_CONTEXTS],
            zero: vec![Bit::NEW; KIND_CONTEXTS],
            exact: [Bit::NEW; PREDICTORS],
            negative: [Bit::NEW; PREDICTORS],
            residual: [[Bit::NEW; GAMMA_BITS]; PREDICTORS],
            plain: vec![[Bit::NEW; GAMMA_BITS]; PLAIN_CONTEXTS],
        }
    }
}

/// Position of a count in a (status year, years after) block of [`CELLS_PER_YEARS_AFTER`] cells.
#[inline]
fn at(g: Gender, s: Status) -> usize {
    cell_index(1, g, s, Unit::Count)
}

/// Position of a per cent in a block.
#[inline]
fn percent_at(g: Gender, s: Status) -> usize {
    cell_index(1, g, s, Unit::Percent)
}

/// Codes the counts of one region's rows (status year, cells) `ya` years after. Per row, first
/// "are all 12 counts 0?" (nobody finished; modelled by years after and whether the cohort's
/// block a year earlier was), else each count in the order [`GENDER_ORDER`] × [`Status::ALL`]
/// (the total first), so that every count is coded after the counts its context and prediction
/// use: the block's earlier counts, the cohort's block a year earlier (the row before, one year
/// after less), and the totals of the cohorts a year older (the row before, `ya` years after)
/// and a year younger (this row, one year after less). The coder goes through every region one
/// year after, then every region two years after, and so on, so those are all coded before;
/// and a reader that needs only one year after can stop after the first pass. The encoder
/// passes the real cells, which stay as they are; the decoder passes placeholders and gets the
/// counts filled in. Per cents are left alone.
///
/// Per count: "suppressed?", then "zero?" (each modelled by [`KIND_CONTEXTS`]), then a positive
/// count as its difference from the first prediction that applies (gender sum, status sum, the
/// cohort a year earlier): "exact?", then sign and gamma-coded size. Without a prediction, the
/// count − 1 in gamma, modelled by status and the size of a related count (the gender's total
/// for a part; for a total, menn's total for kvinner, else the total of the cohort a year older
/// or, failing that, a year younger). After a positive part of a suppressed total, its per cent
/// ([`code_hidden_percent`]).
#[doc(hidden)]
#[inline]
pub fn code_region<C: Coder>(c: &mut C, m: &mut CountModel, rows: &mut [(u16, Vec<Cell>)], ya: u8) -> Result<(), String> {
    use Status::*;
    const N: usize = CELLS_PER_YEARS_AFTER;
    let all_zero = |block: &[Cell]| Gender::ALL.iter().all(|&g| Status::ALL.iter().all(|&s| block[at(g, s)] == Cell::Value(0)));
    let start = cell_index(ya, Gender::Alle, Status::Alle, Unit::Count);
    for i in 0..rows.len() {
        // The row a year earlier, if the region has it (years are sorted and distinct).
        let prev = i.checked_sub(1).filter(|&p| rows[p].0 + 1 == rows[i].0);
        // The same cohort a year earlier (one year after less), and the totals of the
        // cohorts a year older (the row before, as many years after) and a year younger.
        let before: Option<&[Cell]> = prev.filter(|_| ya > 1).map(|p| &rows[p].1[start - N..start]);
        let older_total = |g| prev.and_then(|p| rows[p].1[start + at(g, Alle)].value());
        let younger_total = |g| if ya > 1 { rows[i].1[start - N + at(g, Alle)].value() } else { None };
        let ctx = (ya as usize - 1) * 3 + before.map_or(0, |b| 1 + all_zero(b) as usize);
        let mut block = [Cell::Value(0); N];
        block.copy_from_slice(&rows[i].1[start..start + N]);
        if c.bit(&mut m.zero_block[ctx], all_zero(&block)) {
            block = [Cell::Value(0); N];
        } else {
            for g in GENDER_ORDER {
                for s in Status::ALL {
                    let kind_before = kind(before.map(|b| b[at(g, s)]));
                    let cell = code_count(c, m, &block, g, s, kind_before, || match s {
                        Alle if g == Gender::Kvinner => block[at(Gender::Menn, Alle)].value(),
                        Alle => older_total(g).or(younger_total(g)),
                        _ => block[at(g, Alle)].value(),
                    }, before.and_then(|b| b[at(g, s)].value()))?;
                    block[at(g, s)] = cell;
                    if let (Cell::Value(count @ 1..), Cell::Suppressed) = (cell, block[at(g, Alle)]) {
                        block[percent_at(g, s)] = code_hidden_percent(c, m, count, block[percent_at(g, s)])?;
                    }
                }
            }
        }
        rows[i].1[start..start + N].copy_from_slice(&block);
        if c.overrun() {
            return Err("the coded counts end early".into());
        }
    }
    Ok(())
}

/// Codes the count (gender `g`, status `s`) of `block`, whose earlier counts are known; see
/// [`code_region`]. `kind_before` and `last_year` are the same count of the cohort a year
/// earlier; `related` gives the count that scales a count without prediction.
#[inline]
// The coder, its model and the cell's context, passed apart so the hot loop keeps them in locals.
#[allow(clippy::too_many_arguments)]
fn code_count<C: Coder>(
    c: &mut C,
    m: &mut CountModel,
    block: &[Cell],
    g: Gender,
    s: Status,
    kind_before: usize,
    related: impl FnOnce() -> Option<u16>,
    last_year: Option<u16>,
) -> Result<Cell, String> {
    use Status::*;
    let now = |g, s| kind(Some(block[at(g, s)])) - 1;
    let value = |g, s| block[at(g, s)].value().map(i64::from);
    let total = if s == Alle { 0 } else { total_class(block[at(g, Alle)]) };
    let genders = match g {
        Gender::Alle => now(Gender::Menn, s) * 3 + now(Gender::Kvinner, s),
        Gender::Kvinner => now(Gender::Menn, s),
        Gender::Menn => 0,
    };
    let parts = match s {
        Annet => now(g, Arbutd) * 3 + now(g, LedigTiltak),
        LedigTiltak => now(g, Arbutd),
        _ => 0,
    };
    let ctx = ((((g as usize * 4 + s as usize) * 4 + kind_before) * 6 + total) * 9 + genders) * 9 + parts;

    let cell = block[at(g, s)];
    if c.bit(&mut m.suppressed[ctx], cell == Cell::Suppressed) {
        return Ok(Cell::Suppressed);
    }
    if c.bit(&mut m.zero[ctx], cell == Cell::Value(0)) {
        return Ok(Cell::Value(0));
    }
    // The decoder's placeholder is never read below: only the encoder's bits depend on `v`.
    let v = cell.value().unwrap_or(1) as i64;
    let gender_sum = match g {
        Gender::Alle => value(Gender::Menn, s).zip(value(Gender::Kvinner, s)).map(|(a, b)| a + b),
        _ => None,
    };
    let status_sum = match (s, value(g, Alle), value(g, Arbutd), value(g, LedigTiltak)) {
        (Annet, Some(t), Some(a), Some(l)) => Some(t - a - l),
        _ => None,
    };
    let prediction = gender_sum
        .map(|p| (Predictor::GenderSum as usize, p))
        .or(status_sum.map(|p| (Predictor::StatusSum as usize, p)))
        .or(last_year.map(|p| (Predictor::LastYear as usize + s as usize, p as i64)));
    let v = match prediction {
        Some((src, p)) => {
            let d = v - p;
            if c.bit(&mut m.exact[src], d == 0) {
                p
            } else {
                let negative = c.bit(&mut m.negative[src], d < 0);
                let size = gamma(c, &mut m.residual[src], (d.unsigned_abs() as u32).wrapping_sub(1))? as i64 + 1;
                if negative { p - size } else { p + size }
            }
        }
        None => {
            let size = related().map_or(0, |r| 17 - r.leading_zeros() as usize);
            gamma(c, &mut m.plain[s as usize * 18 + size], (v - 1) as u32)? as i64 + 1
        }
    };
    match u16::try_from(v) {
        Ok(v) if v > 0 => Ok(Cell::Value(v)),
        _ => Err("the coded counts are corrupt (count out of range)".into()),
    }
}

/// The per cent SSB publishes beside a count: `round(100 × count / total)` (halves up) of the
/// gender's total, so 100 for the total itself; 0 where nobody finished; suppressed with the
/// count (a symbol with its symbol). `None` where the total is suppressed but the count is not: SSB then publishes a per
/// cent that reveals the hidden total, and `code_hidden_percent` codes it with the counts.
#[inline]
pub fn predicted_percent(count: Cell, total: Cell) -> Option<Cell> {
    match (count, total) {
        (Cell::Value(0), _) => Some(Cell::Value(0)),
        (Cell::Value(c), Cell::Value(t)) if t > 0 => Some(Cell::Value(percent_of(c, t as u32))),
        (Cell::Value(_), Cell::Value(_)) => Some(Cell::Suppressed),
        (Cell::Value(_), _) => None,
        (symbol, _) => Some(symbol),
    }
}


/// The per cent of a positive count whose gender's total is suppressed: "suppressed?", then, if
/// it is the per cent of `count + hidden` for some `hidden` ≥ 1 (what SSB's per cents are: the
/// total hides `hidden` more persons, nearly always 1–3), "by hidden total?" and `hidden − 1`
/// in gamma, else the per cent in gamma.
#[inline]
fn code_hidden_percent<C: Coder>(c: &mut C, m: &mut CountModel, count: u16, cell: Cell) -> Result<Cell, String> {
    if c.bit(&mut m.percent_suppressed, cell == Cell::Suppressed) {
        return Ok(Cell::Suppressed);
    }
    let p = cell.value().unwrap_or(0);
    // The smallest total whose per cent is p: 100 × count / total < p + ½.
    let total = 200 * count as u32 / (2 * p as u32 + 1) + 1;
    let hidden = total.saturating_sub(count as u32);
    let by_hidden = (1..=1 << 16).contains(&hidden) && percent_of(count, total) == p;
    if c.bit(&mut m.percent_by_hidden, by_hidden) {
        let hidden = gamma(c, &mut m.hidden, hidden.wrapping_sub(1))? + 1;
        Ok(Cell::Value(percent_of(count, count as u32 + hidden)))
    } else {
        let p = gamma(c, &mut m.plain_percent, p as u32)?;
        u16::try_from(p).map(Cell::Value).map_err(|_| "the coded counts are corrupt (per cent out of range)".into())
    }
}

/// Sets every per-cent cell of a row `1..=last` years after to its [`predicted_percent`], where
/// there is one.
#[doc(hidden)]
#[inline]
pub fn predict_percents(cells: &mut [Cell], last: u8) {
    for ya in 1..=last {
        for g in Gender::ALL {
            let total = cells[cell_index(ya, g, Status::Alle, Unit::Count)];
            for s in Status::ALL {
                let count = cells[cell_index(ya, g, s, Unit::Count)];
                if let Some(p) = predicted_percent(count, total) {
                    cells[cell_index(ya, g, s, Unit::Percent)] = p;
                }
            }
        }
    }
}

/// The per-cent cells of a row, in the order the exceptions count them: the odd cells, as the
/// unit varies fastest in [`cell_index`].
#[doc(hidden)]
#[inline]
pub fn percent_cells() -> impl Iterator<Item = usize> {
    (1..CELLS_PER_YEAR).step_by(2)
}

/// The name the data give kommune `code`, which most names of today's map repeat. A binary
/// search in the (level, code) order the build stores regions in; in another order it may miss,
/// but the same way when encoding and decoding.
#[doc(hidden)]
#[inline]
pub fn data_name<'a>(regions: &'a [Region], code: &str) -> Option<&'a str> {
    let i = regions.binary_search_by(|r| (r.level, r.code.as_str()).cmp(&(Level::Kommune, code))).ok()?;
    Some(&regions[i].name)
}

/// The names a kommune's name joins with " - " ("Rana - Raane"), sorted: what its other names
/// nearly always are.
#[doc(hidden)]
#[inline]
pub fn name_parts(name: &str) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    if name.contains(" - ") {
        for part in name.split(" - ") {
            // Sorted by insertion (a handful of parts), which keeps a sort routine out of the wasm.
            let at = parts.iter().position(|p| p.as_str() > part).unwrap_or(parts.len());
            parts.insert(at, part.to_string());
        }
    }
    parts
}

// ---------------------------------------------------------------------------------------------
// Decoding
//
// Plain loops rather than iterator chains: each `collect` of a `Result` with its own closure is
// another copy of the iterator machinery in the wasm.

#[inline]
pub fn decode(bytes: &[u8]) -> Result<Dataset, String> {
    decode_through(bytes, 5)
}

/// The data as far as one year after, which is all that every view but the follow-up reads:
/// the first fifth of the coded counts. The cells for two to five years after are
/// [`Cell::Suppressed`], so that whatever reads them by mistake shows no figure at all rather
/// than a wrong one. About a fifth of the decoding work, which matters for the first chart:
/// the browser runs it once, in its baseline compiler.
#[inline]
pub fn decode_one_year_after(bytes: &[u8]) -> Result<Dataset, String> {
    decode_through(bytes, 1)
}

/// Decodes the counts `1..=last` years after (see [`decode_one_year_after`]).
#[inline]
fn decode_through(bytes: &[u8], last: u8) -> Result<Dataset, String> {
    if !bytes.starts_with(MAGIC) {
        return Err("not an intro-status data file (bad magic or version)".into());
    }
    let mut r = Reader { bytes, pos: MAGIC.len() };
    let n = r.count()?;
    let mut regions = Vec::with_capacity(n);
    for &b in r.take(n)? {
        let level = *Level::ALL.get(b as usize).ok_or("unknown level")?;
        regions.push(Region { level, code: String::new(), name: String::new() });
    }
    let mut prev = 0;
    for region in &mut regions {
        region.code = r.code(&mut prev)?;
    }
    for region in &mut regions {
        region.name = r.string()?;
    }
    // Every cell starts suppressed, so what is not decoded below reads as suppressed; the coder
    // overwrites the rest. Copying one blank row is a memory copy, where `vec![cell; n]` writes
    // the cells one by one (which the browser's baseline compiler runs slowly).
    let blank = [Cell::Suppressed; CELLS_PER_YEAR];
    let mut rows_of = Vec::with_capacity(n);
    for _ in 0..n {
        let mut rows: Vec<(u16, Vec<Cell>)> = Vec::new();
        for _ in 0..r.count()? {
            let year = match rows.last() {
                None => r.u16("status year")?,
                Some(&(last, _)) => u16::try_from(last as u32 + 1 + r.varint()?).map_err(|_| "status year out of range")?,
            };
            rows.push((year, blank.to_vec()));
        }
        rows_of.push(rows);
    }
    let (source, has_symbols) = get_source(&mut r)?;
    let map = get_map(&mut r, &regions)?;
    let mut national = Vec::new();
    for _ in 0..r.count()? {
        let (cohort, percent) = (r.u16("cohort")?, r.u16("per cent")?);
        let (finished, count) = (r.optional_u16()?, r.optional_u16()?);
        national.push(PublishedPoint { cohort, percent, finished, count, source_url: r.string()? });
    }
    // Where the per-cent exceptions go, counted in per-cent cells from the first.
    let mut exceptions = Vec::new();
    let mut at = 0usize;
    for _ in 0..r.count()? {
        at = at.saturating_add(r.varint()? as usize);
        exceptions.push((at, r.cell()?));
        at = at.saturating_add(1);
    }
    // Where the cells marked `..` or `.` are, counted in cells from the first; the coder above
    // has them as suppressed.
    let mut symbols = Vec::new();
    let mut at = 0usize;
    for _ in 0..if has_symbols { r.count()? } else { 0 } {
        at = at.saturating_add(r.varint()? as usize);
        symbols.push((at, if r.byte()? == 0 { Cell::NotYet } else { Cell::NotApplicable }));
        at = at.saturating_add(1);
    }

    let mut coder = Decoder::new(&bytes[r.pos..])?;
    let mut model = CountModel::new();
    for ya in 1..=last {
        for rows in &mut rows_of {
            code_region(&mut coder, &mut model, rows, ya)?;
        }
    }
    // Not decoded: from the first cell of the next years after to the end of the row.
    let decoded = match YEARS_AFTER.get(last as usize) {
        Some(&next) => cell_index(next, Gender::Alle, Status::Alle, Unit::Count),
        None => {
            coder.finish()?;
            CELLS_PER_YEAR
        }
    };

    let per_row = CELLS_PER_YEAR / 2;
    let mut exceptions = exceptions.into_iter().peekable();
    let mut symbols = symbols.into_iter().peekable();
    let mut row_number = 0;
    let mut data = Vec::with_capacity(n);
    for (region, rows) in regions.into_iter().zip(rows_of) {
        let mut years = Vec::with_capacity(rows.len());
        for (year, mut cells) in rows {
            predict_percents(&mut cells, last);
            while let Some(&(at, cell)) = exceptions.peek().filter(|(at, _)| at / per_row == row_number) {
                let i = percent_cells().nth(at % per_row).ok_or("bad per-cent exception")?;
                if i < decoded {
                    cells[i] = cell;
                }
                exceptions.next();
            }
            while let Some(&(at, cell)) = symbols.peek().filter(|(at, _)| at / CELLS_PER_YEAR == row_number) {
                if at % CELLS_PER_YEAR < decoded {
                    cells[at % CELLS_PER_YEAR] = cell;
                }
                symbols.next();
            }
            years.push((year, cells));
            row_number += 1;
        }
        // In order: each status year is read as the one before + 1 + what the data says.
        data.push(RegionData { region, years: Years::from_sorted(years) });
    }
    if exceptions.next().is_some() || symbols.next().is_some() {
        return Err("a per-cent exception or a symbol lies past the last cell".into());
    }
    Ok(Dataset { regions: data, map, national, source })
}

#[inline]
fn get_source(r: &mut Reader) -> Result<(SourceInfo, bool), String> {
    let table = r.string()?;
    let mut date = || -> Result<Option<String>, String> {
        match r.byte()? {
            0 => Ok(None),
            1 => r.string().map(Some),
            b => Err(format!("bad date flag {b}")),
        }
    };
    let fetched = date()?;
    let updated = date()?;
    let flags = r.byte()?;
    if flags > 7 {
        return Err(format!("bad source flags {flags}"));
    }
    Ok((SourceInfo { table, fetched, updated, preliminary: flags & 1 == 1, synthetic: flags & 4 == 4 }, flags & 2 == 2))
}

#[inline]
fn get_map(r: &mut Reader, regions: &[Region]) -> Result<KommuneMap, String> {
    let version = r.u16("map version")?;
    let mut fylker = Vec::new();
    for _ in 0..r.count()? {
        fylker.push(TodayFylke { code: r.string()?, name: r.string()? });
    }
    let m = r.count()?;
    let mut kommuner = Vec::with_capacity(m);
    let mut prev = 0;
    for _ in 0..m {
        let code = r.code(&mut prev)?;
        kommuner.push(TodayKommune {
            code,
            name: String::new(),
            other_names: Vec::new(),
            fylke: String::new(),
            sources: Vec::new(),
            former: Vec::new(),
            neighbours: Vec::new(),
        });
    }
    let mut prev = 0;
    for k in &mut kommuner {
        for _ in 0..r.count()? {
            let code = r.code(&mut prev)?;
            let split = match r.varint()? {
                0 => None,
                y => Some(Split { year: u16::try_from(y - 1).map_err(|_| "split year out of range")?, name: r.string()? }),
            };
            k.sources.push(Source { code, split });
        }
    }
    for k in &mut kommuner {
        k.name = match r.varint()? as usize {
            0 => r.string()?,
            i => {
                let code = if i == 1 { Some(&k.code) } else { k.sources.get(i - 2).map(|s| &s.code) };
                code.and_then(|c| data_name(regions, c)).ok_or_else(|| format!("bad name reference {i}"))?.to_string()
            }
        };
    }
    for k in &mut kommuner {
        let n = r.count()?;
        if n == 0 {
            k.other_names = name_parts(&k.name);
        }
        for _ in 1..n {
            k.other_names.push(r.string()?);
        }
    }
    for k in &mut kommuner {
        k.fylke = match r.varint()? as usize {
            0 => k.code.get(..2).ok_or_else(|| format!("kommune {:?} has no fylke prefix", k.code))?.to_string(),
            len => std::str::from_utf8(r.take(len - 1)?).map_err(|e| e.to_string())?.to_string(),
        };
    }
    let mut prev = 0;
    for k in &mut kommuner {
        for _ in 0..r.count()? {
            let code = r.code(&mut prev)?;
            let v = r.varint()?;
            let name = match v >> 1 {
                0 => k.name.clone(),
                1 => data_name(regions, &code).ok_or("bad former name reference")?.to_string(),
                2 => k.former.last().ok_or("bad former name reference")?.name.clone(),
                len => std::str::from_utf8(r.take(len as usize - 3)?).map_err(|e| e.to_string())?.to_string(),
            };
            k.former.push(Former { code, name, divided: v & 1 == 1 });
        }
    }
    // Borders, each pair at its kommune earlier in the map: both lists come out in map order,
    // since every kommune before one is read before its own later neighbours.
    for i in 0..m {
        let mut at = i;
        for _ in 0..r.count()? {
            at = at.checked_add(r.varint()? as usize).and_then(|j| j.checked_add(1)).filter(|&j| j < m).ok_or("bad neighbour")?;
            let (a, b) = (kommuner[i].code.clone(), kommuner[at].code.clone());
            kommuner[i].neighbours.push(b);
            kommuner[at].neighbours.push(a);
        }
    }
    // The shapes are decoded when first drawn (`MapShapes::get`, through `decode_shapes`).
    let len = r.count()?;
    let shapes = MapShapes::coded(r.take(len)?.to_vec(), m);
    Ok(KommuneMap { version, kommuner, fylker, shapes })
}

/// The map's shapes from their section (see the layout above) for a map of `m` kommuner.
pub fn decode_shapes(section: &[u8], m: usize) -> Result<Shapes, String> {
    let mut r = Reader { bytes: section, pos: 0 };
    let shapes = get_shapes(&mut r, m)?;
    match r.pos == section.len() {
        true => Ok(shapes),
        false => Err("the map's shapes are corrupt (wrong length)".into()),
    }
}

/// The map's shapes (see the layout above), in one pass: each arc's points are read where a ring
/// first walks it, the points the ring is at taken from the arcs before.
#[inline]
fn get_shapes(r: &mut Reader, m: usize) -> Result<Shapes, String> {
    match r.byte()? {
        0 => return Ok(Shapes::default()),
        1 => {}
        b => return Err(format!("bad shapes flag {b}")),
    }
    let size = |r: &mut Reader| i32::try_from(r.varint()?).map_err(|_| format!("map size out of range at byte {}", r.pos));
    let (width, height) = (size(r)?, size(r)?);
    let unit_m = r.varint()?;
    let mut shapes = Shapes { width, height, unit_m, arcs: Vec::new(), kommuner: Vec::with_capacity(m) };
    let mut cursor = [0i32; 2];
    let mut last = 0usize;
    for _ in 0..m {
        let mut shape = Shape::default();
        let mut first_start = None;
        for _ in 0..r.count()? {
            let n = r.count()?;
            if n == 0 {
                return Err(format!("a ring without arcs at byte {}", r.pos));
            }
            let mut ring = Vec::with_capacity(n);
            let (mut start, mut at): (Option<[i32; 2]>, Option<[i32; 2]>) = (None, None);
            for j in 0..n {
                let v = r.varint()?;
                let (i, reversed) = if v < 2 {
                    // A new arc, walked forwards (0) or backwards (1), its points in walking order.
                    let stored = r.count()?;
                    let mut points = Vec::with_capacity(stored + 2);
                    points.extend(at);
                    for _ in 0..stored {
                        cursor = r.point(cursor)?;
                        points.push(cursor);
                    }
                    if j == n - 1 {
                        points.extend(start.or(points.first().copied()));
                    }
                    if points.len() < 2 {
                        return Err(format!("an arc of fewer than two points at byte {}", r.pos));
                    }
                    if v == 1 {
                        points.reverse();
                    }
                    shapes.arcs.push(points);
                    (shapes.arcs.len() - 1, v == 1)
                } else {
                    let w = v - 2;
                    let d = (w >> 2) as i64 ^ -((w >> 1 & 1) as i64);
                    let i = usize::try_from(last as i64 + d).ok().filter(|&i| i < shapes.arcs.len()).ok_or("bad arc reference")?;
                    (i, w & 1 == 1)
                };
                last = i;
                let arc = &shapes.arcs[i];
                let (first, end) = if reversed { (arc[arc.len() - 1], arc[0]) } else { (arc[0], arc[arc.len() - 1]) };
                start = start.or(Some(first));
                at = Some(end);
                cursor = end;
                // `i` is below `arcs.len()`, which is at most the input's length.
                ring.push(if reversed { !(i as i32) } else { i as i32 });
            }
            first_start = first_start.or(start);
            shape.rings.push(ring);
        }
        cursor = first_start.unwrap_or(cursor);
        cursor = r.point(cursor)?;
        shape.label = cursor;
        shapes.kommuner.push(shape);
    }
    Ok(shapes)
}
