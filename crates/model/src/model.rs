//! The shape of SSB table 10824 as this project holds it: regions × status years × cells.
//!
//! Used by the importers (`intro-status-import`, which the build script runs) and by the library
//! (which decodes the embedded copy), so it depends on nothing but `std`.

/// Status years (November of the year SSB measured the status) the importers accept.
pub const STATUS_YEAR_RANGE: std::ops::RangeInclusive<u16> = 2000..=2100;
/// Years since finishing (or leaving) the programme, as in the table: 1 to 5.
pub const YEARS_AFTER: [u8; 5] = [1, 2, 3, 4, 5];

/// One published value: a number, or the SSB symbol that says why there is none. Each symbol
/// stays apart to the screen: `:` (suppressed because too few persons), `..` (not available yet;
/// SSB's `...` too) and `.` (not applicable: the kommune did not exist). A real zero is
/// `Value(0)` and never any of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cell {
    /// `:`: too few persons to publish.
    Suppressed,
    /// `..` (or `...`): the figure is not available yet.
    NotYet,
    /// `.`: not applicable, e.g. the kommune did not exist.
    NotApplicable,
    Value(u16),
}

impl Cell {
    #[inline]
    pub fn value(self) -> Option<u16> {
        match self {
            Cell::Value(v) => Some(v),
            _ => None,
        }
    }

    /// SSB's symbol for a cell without a figure (`:`, `..`, `.`); `None` for a value.
    #[inline]
    pub fn symbol(self) -> Option<&'static str> {
        match self {
            Cell::Suppressed => Some(":"),
            Cell::NotYet => Some(".."),
            Cell::NotApplicable => Some("."),
            Cell::Value(_) => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    Land,
    Fylke,
    Kommune,
    Bydel,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::Land, Level::Fylke, Level::Kommune, Level::Bydel];
    #[inline]
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Land => "land",
            Level::Fylke => "fylke",
            Level::Kommune => "kommune",
            Level::Bydel => "bydel",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Gender {
    Alle,
    Menn,
    Kvinner,
}

impl Gender {
    pub const ALL: [Gender; 3] = [Gender::Alle, Gender::Menn, Gender::Kvinner];
    #[inline]
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Alle => "alle",
            Gender::Menn => "menn",
            Gender::Kvinner => "kvinner",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Everyone who finished or left the programme (the denominator).
    Alle,
    /// In work and/or education ("Sysselsatt og / eller under utdanning, i alt").
    Arbutd,
    /// Registered unemployed and/or on a labour-market measure.
    LedigTiltak,
    /// Other or unknown status.
    Annet,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Alle, Status::Arbutd, Status::LedigTiltak, Status::Annet];
    #[inline]
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Alle => "alle",
            Status::Arbutd => "arbutd",
            Status::LedigTiltak => "ledig_tiltak",
            Status::Annet => "annet",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    Count,
    Percent,
}

/// Cells per (region, status year): 5 years-after × 3 genders × 4 statuses × 2 units.
pub const CELLS_PER_YEAR: usize = 5 * 3 * 4 * 2;
/// Cells per (region, status year, years after).
pub const CELLS_PER_YEARS_AFTER: usize = 3 * 4 * 2;

/// Position of one cell inside a status year's block.
#[inline]
pub fn cell_index(years_after: u8, gender: Gender, status: Status, unit: Unit) -> usize {
    debug_assert!((1..=5).contains(&years_after));
    let ya = (years_after - 1) as usize;
    let g = gender as usize;
    let s = status as usize;
    let u = match unit {
        Unit::Count => 0,
        Unit::Percent => 1,
    };
    ((ya * 3 + g) * 4 + s) * 2 + u
}

/// The eight cells of one (years after, gender) inside a status year's block, next to each
/// other: count and per cent of each [`Status`] in turn (see [`cell_index`]).
#[inline]
pub fn cells_of(years_after: u8, gender: Gender) -> std::ops::Range<usize> {
    let first = cell_index(years_after, gender, Status::Alle, Unit::Count);
    first..first + 8
}

/// SSB's per cent: `round(100 × count / total)` with halves up, for `total > 0`; saturates at
/// `u16::MAX`.
#[inline]
pub fn percent_of(count: u16, total: u32) -> u16 {
    let (c, t) = (count as u64, total as u64);
    u16::try_from((200 * c + t) / (2 * t)).unwrap_or(u16::MAX)
}

/// A region as the table names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    pub level: Level,
    /// The code as in the source, normalised: `0` for the country, 2-digit fylke, 4-digit kommune,
    /// 6-digit Oslo bydel (`030101`).
    pub code: String,
    /// The label SSB gives the region in table 10824's metadata.
    pub name: String,
}

/// All figures for one region: one block of [`CELLS_PER_YEAR`] cells per status year the region
/// has a row for. A status year that is missing means "no row", not zero and not suppressed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionData {
    pub region: Region,
    pub years: Years,
}

/// A region's status years, each with its [`CELLS_PER_YEAR`] cells, oldest first: a vector kept
/// sorted and searched by halves, not a `BTreeMap`, whose tree code weighed some kilobytes in the
/// wasm. Its methods are the `BTreeMap` ones the project uses, alike in what they do.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Years(Vec<(u16, Vec<Cell>)>);

impl Years {
    #[inline]
    pub fn new() -> Years {
        Years(Vec::new())
    }

    /// From rows whose years are strictly increasing, as the decoder reads them.
    #[inline]
    pub(crate) fn from_sorted(rows: Vec<(u16, Vec<Cell>)>) -> Years {
        debug_assert!(rows.windows(2).all(|w| w[0].0 < w[1].0));
        Years(rows)
    }

    #[inline]
    fn find(&self, year: u16) -> Result<usize, usize> {
        self.0.binary_search_by(|(y, _)| y.cmp(&year))
    }

    #[inline]
    pub fn get(&self, year: &u16) -> Option<&Vec<Cell>> {
        self.find(*year).ok().map(|i| &self.0[i].1)
    }

    #[inline]
    pub fn get_mut(&mut self, year: &u16) -> Option<&mut Vec<Cell>> {
        self.find(*year).ok().map(|i| &mut self.0[i].1)
    }

    #[inline]
    pub fn contains_key(&self, year: &u16) -> bool {
        self.find(*year).is_ok()
    }

    /// Sets a year's cells, returning those it had.
    #[inline]
    pub fn insert(&mut self, year: u16, cells: Vec<Cell>) -> Option<Vec<Cell>> {
        match self.find(year) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, cells)),
            Err(i) => {
                self.0.insert(i, (year, cells));
                None
            }
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    #[inline]
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &u16> + ExactSizeIterator + Clone {
        self.0.iter().map(|(y, _)| y)
    }

    #[inline]
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &Vec<Cell>> + ExactSizeIterator + Clone {
        self.0.iter().map(|(_, cells)| cells)
    }

    #[inline]
    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut Vec<Cell>> + ExactSizeIterator {
        self.0.iter_mut().map(|(_, cells)| cells)
    }

    #[inline]
    pub fn iter(&self) -> YearsIter<'_> {
        YearsIter(self.0.iter())
    }
}

/// What iterating over `&Years` gives: each year and its cells, oldest first.
#[derive(Clone)]
pub struct YearsIter<'a>(std::slice::Iter<'a, (u16, Vec<Cell>)>);

impl<'a> Iterator for YearsIter<'a> {
    type Item = (&'a u16, &'a Vec<Cell>);
    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(y, cells)| (y, cells))
    }
    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl DoubleEndedIterator for YearsIter<'_> {
    #[inline]
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(y, cells)| (y, cells))
    }
}

impl ExactSizeIterator for YearsIter<'_> {}

impl std::ops::Index<&u16> for Years {
    type Output = Vec<Cell>;
    #[inline]
    fn index(&self, year: &u16) -> &Vec<Cell> {
        self.get(year).expect("no such status year")
    }
}

impl<'a> IntoIterator for &'a Years {
    type Item = (&'a u16, &'a Vec<Cell>);
    type IntoIter = YearsIter<'a>;
    #[inline]
    fn into_iter(self) -> YearsIter<'a> {
        self.iter()
    }
}

impl IntoIterator for Years {
    type Item = (u16, Vec<Cell>);
    type IntoIter = std::vec::IntoIter<(u16, Vec<Cell>)>;
    #[inline]
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// In any order; a year given twice keeps its last cells, as a `BTreeMap` would.
impl FromIterator<(u16, Vec<Cell>)> for Years {
    #[inline]
    fn from_iter<I: IntoIterator<Item = (u16, Vec<Cell>)>>(rows: I) -> Years {
        let mut years = Years::new();
        for (year, cells) in rows {
            years.insert(year, cells);
        }
        years
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Dataset {
    pub regions: Vec<RegionData>,
    /// Today's kommuner and where their figures come from.
    pub map: KommuneMap,
    /// Hele landet, one year after, both genders, as published outside the table extract (per
    /// cent, with counts where the publication gave them): every per cent a vendored source
    /// states, for any cohort, oldest cohort first, each from its preferred source. A cohort's
    /// figures stand in order of preference: the first is the one to show where the table has
    /// none (SSB's own publication first); the others differ from it and are named beside it.
    pub national: Vec<PublishedPoint>,
    /// What the source line says: table, fetch date, preliminary flag.
    pub source: SourceInfo,
}

/// A national figure published outside the table extract (SSB releases, IMDi, news quoting
/// SSB), one year after, both genders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishedPoint {
    pub cohort: u16,
    pub percent: u16,
    pub finished: Option<u16>,
    pub count: Option<u16>,
    pub source_url: String,
}

/// SSB's number for the table this project shows.
pub const TABLE: &str = "10824";

/// What the source line says about the figures: SSB's table number, when they were fetched (or,
/// if that is not known, when SSB last updated the table), and whether SSB marks any of them as
/// preliminary ("foreløpige tall"). Dates are `YYYY-MM-DD`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceInfo {
    pub table: String,
    pub fetched: Option<String>,
    pub updated: Option<String>,
    pub preliminary: bool,
    /// Not SSB's figures: the table says "syntetiske tall" (`cargo xtask synth`, for tests and the
    /// benchmark only); everything drawn or written from it says so.
    pub synthetic: bool,
}

impl Default for SourceInfo {
    #[inline]
    fn default() -> Self {
        SourceInfo { table: TABLE.to_string(), fetched: None, updated: None, preliminary: false, synthetic: false }
    }
}

impl Dataset {
    /// Every status year any region has, oldest first.
    #[inline]
    pub fn status_years(&self) -> Vec<u16> {
        // Every year from the first to the last that some region has: in order without a sort
        // (the standard library's would add kilobytes to the wasm, see the main crate's `src/sort.rs`).
        let first = self.regions.iter().filter_map(|r| r.years.keys().next()).min();
        let last = self.regions.iter().filter_map(|r| r.years.keys().next_back()).max();
        match (first, last) {
            (Some(&first), Some(&last)) => (first..=last).filter(|y| self.regions.iter().any(|r| r.years.contains_key(y))).collect(),
            _ => Vec::new(),
        }
    }

    /// A region by level and code. The build stores regions in (level, code) order, so this is a
    /// binary search; a dataset in another order is still searched right, only slower.
    #[inline]
    pub fn region(&self, level: Level, code: &str) -> Option<&RegionData> {
        match self.regions.binary_search_by(|r| (r.region.level, r.region.code.as_str()).cmp(&(level, code))) {
            Ok(i) => Some(&self.regions[i]),
            Err(_) => self.regions.iter().find(|r| r.region.level == level && r.region.code == code),
        }
    }

    #[inline]
    pub fn land(&self) -> &RegionData {
        self.region(Level::Land, "0").expect("the extract has a national row")
    }

    #[inline]
    pub fn kommuner(&self) -> impl Iterator<Item = &RegionData> {
        self.regions.iter().filter(|r| r.region.level == Level::Kommune)
    }
}

/// Cohort (the year the programme was finished or left) = status year − years after.
#[inline]
pub fn cohort_of(status_year: u16, years_after: u8) -> u16 {
    status_year - years_after as u16
}

/// The status year at which a cohort is observed `years_after` years later.
#[inline]
pub fn status_year_of(cohort: u16, years_after: u8) -> u16 {
    cohort + years_after as u16
}

impl RegionData {
    /// One published cell, or `None` where the region has no row for that status year.
    #[inline]
    pub fn cell(&self, status_year: u16, years_after: u8, gender: Gender, status: Status, unit: Unit) -> Option<Cell> {
        if !(1..=5).contains(&years_after) {
            return None;
        }
        Some(self.years.get(&status_year)?[cell_index(years_after, gender, status, unit)])
    }
}

/// How a kommune of the data (2011–2014 numbers) lives on in one of today's kommuner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The kommune number as in the data.
    pub code: String,
    /// Set when the old kommune was later divided: today's kommune holds only part of it, so its
    /// figures can be shown beside, never summed into or divided for, today's kommune.
    pub split: Option<Split>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split {
    pub year: u16,
    /// The name of the kommune that was divided, as KLASS gives it at the split.
    pub name: String,
}

/// A kommune of today's map (KLASS 131, the newest version vendored).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TodayKommune {
    pub code: String,
    /// KLASS name, e.g. "Trondheim - Tråante".
    pub name: String,
    /// Official names in other languages or spellings, for search (e.g. "Porsáŋgu").
    pub other_names: Vec<String>,
    /// Today's fylke number (first two digits of the kommune number).
    pub fylke: String,
    /// The kommuner of the data that make up this kommune, oldest number first.
    pub sources: Vec<Source>,
    /// Every other number and name it or its parts had in a KLASS 131 version since 2011, by
    /// number: what a page or a reader may still call it.
    pub former: Vec<Former>,
    /// The kommuner of this map it shares a land border with (a stretch of border, not a single
    /// point), by number in the map's order (ascending); symmetric. From Kartverket's polygons,
    /// clipped to the coastline: a kommune of islands has none. Empty for every kommune where the
    /// data directory has no polygons or the map is older than theirs (see the importer's
    /// `neighbours` module).
    pub neighbours: Vec<String>,
}

/// A number and name of a KLASS 131 version since 2011 that lives on in one of today's kommuner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Former {
    pub code: String,
    pub name: String,
    /// Set when that kommune was divided: today's kommune holds only part of it, and so does
    /// each other kommune with the same former number.
    pub divided: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TodayFylke {
    pub code: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct KommuneMap {
    /// The KLASS version's first year, e.g. 2024.
    pub version: u16,
    pub kommuner: Vec<TodayKommune>,
    pub fylker: Vec<TodayFylke>,
    /// Today's kommuner drawn as a map; empty where the data directory has no polygons.
    pub shapes: MapShapes,
}

/// The map's [`Shapes`], decoded when first drawn: the map is one view of several, and its
/// some 1 500 arcs took a sixth of the decoding that every first chart waits for. Shared: every
/// map view opened holds the same decoded shapes.
#[derive(Clone, Default)]
pub struct MapShapes(std::sync::Arc<LazyShapes>);

#[derive(Default)]
struct LazyShapes {
    /// The shapes section as the codec wrote it, and the number of kommuner it is for.
    coded: Vec<u8>,
    kommuner: usize,
    decoded: std::sync::OnceLock<(std::sync::Arc<Shapes>, Option<String>)>,
}

impl MapShapes {
    /// Shapes to decode from the codec's section when first asked for.
    pub fn coded(coded: Vec<u8>, kommuner: usize) -> Self {
        MapShapes(std::sync::Arc::new(LazyShapes { coded, kommuner, ..LazyShapes::default() }))
    }
    fn decoded(&self) -> &(std::sync::Arc<Shapes>, Option<String>) {
        let lazy = &*self.0;
        lazy.decoded.get_or_init(|| match lazy.coded.is_empty() {
            true => Default::default(),
            false => match crate::codec::decode_shapes(&lazy.coded, lazy.kommuner) {
                Ok(shapes) => (shapes.into(), None),
                Err(e) => (Default::default(), Some(e)),
            },
        })
    }
    /// The shapes, decoded on the first call; none (no map) where the section is corrupt.
    pub fn get(&self) -> &Shapes {
        &self.decoded().0
    }
    /// The same shapes, held: one decoding, however many hold them.
    pub fn shared(&self) -> std::sync::Arc<Shapes> {
        std::sync::Arc::clone(&self.decoded().0)
    }
    /// Why the section could not be decoded, if it could not.
    pub fn error(&self) -> Option<&str> {
        self.decoded().1.as_deref()
    }
}

impl From<Shapes> for MapShapes {
    fn from(shapes: Shapes) -> Self {
        let lazy = LazyShapes::default();
        let _ = lazy.decoded.set((shapes.into(), None));
        MapShapes(std::sync::Arc::new(lazy))
    }
}

impl PartialEq for MapShapes {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl Eq for MapShapes {}

impl std::fmt::Debug for MapShapes {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        self.get().fmt(f)
    }
}

/// Today's kommuner as a map, from Kartverket's polygons of 2024: projected (UTM zone 33, as
/// Norway's own maps), simplified so that a border two kommuner share stays one line (each
/// stretch of border or coast is one [`Shapes::arcs`] entry that both outlines use), quantized.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Shapes {
    /// Every point lies in `0..=width` × `0..=height` grid units; x grows to the east, y to the
    /// south (as on a screen).
    pub width: i32,
    pub height: i32,
    /// The length of a grid unit in metres.
    pub unit_m: u32,
    /// Each stretch of border or coast once: its points in order, at least two; an arc's ends are
    /// where the kommuner on its sides change.
    pub arcs: Vec<Vec<[i32; 2]>>,
    /// One per kommune of [`KommuneMap::kommuner`], in its order (or none at all).
    pub kommuner: Vec<Shape>,
}

/// A kommune's outline on the map.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Shape {
    /// Its outer rings (land areas), largest first, at least one; holes are left out (another
    /// kommune's rings fill them). A ring is a closed loop of arcs, each `i >= 0` for
    /// `arcs[i]` as stored or `i < 0` for `arcs[!i]` reversed, each starting where the one
    /// before ends.
    pub rings: Vec<Vec<i32>>,
    /// A point well inside its largest ring, for its label and for exploring it.
    pub label: [i32; 2],
}

impl Shapes {
    /// A ring's points in order, each once (the first is not repeated at the end).
    pub fn ring(&self, refs: &[i32]) -> Vec<[i32; 2]> {
        ring_points(&self.arcs, refs)
    }
}

/// The arc a ring's reference is to: `i` itself, or `!i` for an arc walked backwards.
pub fn arc_index(r: i32) -> usize {
    (if r < 0 { !r } else { r }) as usize
}

/// A ring's points from its arcs (see [`Shape::rings`]), whatever the points are (the map's
/// grid, or pixels once drawn): each arc from its second point on, backwards where the reference
/// says so; a reference to no arc adds nothing.
pub fn ring_points<T: Copy>(arcs: &[Vec<T>], refs: &[i32]) -> Vec<T> {
    let mut points = Vec::new();
    for &r in refs {
        let Some(arc) = arcs.get(arc_index(r)) else { continue };
        let n = arc.len();
        for i in 1..n {
            points.push(arc[if r < 0 { n - 1 - i } else { i }]);
        }
    }
    points
}
