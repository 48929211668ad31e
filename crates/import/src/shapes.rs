//! Today's kommuner drawn as a map ([`Shapes`]), from the same polygons of Kartverket's as the
//! neighbours (`data/kartverket/kartverket_kommuner_2024_S_robhop.geojson`, read by
//! [`crate::neighbours`]): projected, split into shared arcs, simplified, quantized, made once
//! here at build time so that the wasm only decodes and draws them.
//!
//! - Projection: UTM zone 33N on ETRS89 (EPSG:25833), as Norway's own maps, by Krüger's series
//!   ([`utm33`]); then a grid of [`Params::unit_m`] metres with y downwards and its origin at the
//!   top-left corner of the map's bounding box.
//! - Topology: the file draws each border once for both sides (see `neighbours`), so a ring is
//!   cut into arcs wherever the kommuner on its sides change (and at every point where more than
//!   two segments meet), and each arc is stored once: simplified once, it stays the same line on
//!   both sides, with no slivers and no gaps. Holes are left out (the file has two, triangles of
//!   a neighbour's land, which then draw as the surrounding kommune's). At three triple points a
//!   vertex of one outline lies on a segment of another without being its vertex; the vertex is
//!   put into that segment first, so the three borders meet at one point there too.
//! - Simplification: Douglas–Peucker on each arc, keeping its ends, with a finer tolerance in the
//!   Oslo area, which the map shows magnified; then quantization to the grid, without repeated
//!   points. Small islands are left out, but never a kommune's largest ring nor a ring that shares
//!   a border with another kommune (so that every pair of [`crate::neighbours`] stays a pair of
//!   the map). A ring that simplification or quantization would flatten to less than a triangle
//!   is kept with finer arcs if it is its kommune's largest, else left out.
//! - Label: the point of the largest ring farthest from its edges (a "pole of inaccessibility"),
//!   on the quantized ring.
//!
//! Runs natively only (build script, tests); the wasm carries the result in the embedded binary
//! (`codec`).

use crate::neighbours::{key, map_matches, read_outlines, Key, Outlines};
use intro_status_model::{arc_index, ring_points, KommuneMap, Shape, Shapes};
use std::collections::{BinaryHeap, HashMap, HashSet};

/// What the map is made with. [`Params::default`] is what the build uses; the tests try others to
/// show the trade-off between detail and bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    /// Metres per grid unit. The Oslo inset shows about 2–3 pixels per kilometre, so a unit of
    /// 250 m is below a pixel there and far below one on the whole country.
    pub unit_m: u32,
    /// Douglas–Peucker tolerance in metres: no simplified arc strays farther from the original.
    pub tolerance_m: f64,
    /// The tolerance inside [`OSLO_AREA`], which the map draws magnified.
    pub oslo_tolerance_m: f64,
    /// Rings of islands (no border with another kommune) smaller than this, in km², are left out
    /// unless they are their kommune's largest.
    pub min_island_km2: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params { unit_m: 250, tolerance_m: 1_500.0, oslo_tolerance_m: 250.0, min_island_km2: 20.0 }
    }
}

/// Oslo and the Akershus kommuner around it, `[[west, south], [east, north]]` in degrees: the area
/// the map shows magnified, simplified with [`Params::oslo_tolerance_m`].
pub const OSLO_AREA: [[f64; 2]; 2] = [[10.2, 59.6], [11.3, 60.2]];

/// The map and what it took.
#[derive(Clone, Debug, PartialEq)]
pub struct Map {
    pub shapes: Shapes,
    /// UTM 33 easting and northing (metres) of the grid's origin, its top-left corner: a point
    /// `[x, y]` lies at easting `origin[0] + x × unit_m`, northing `origin[1] − y × unit_m`.
    pub origin: [f64; 2],
    pub stats: Stats,
}

/// Sizes before and after simplification, for the tests and the report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Outer rings in the file, and those on the map.
    pub rings_in: usize,
    pub rings_out: usize,
    /// Distinct positions of the file's outer rings (a shared vertex once), and the points of
    /// the map's arcs (each arc once, its ends included).
    pub points_in: usize,
    pub points_out: usize,
    /// Arcs of the topology, and those the map keeps.
    pub arcs_in: usize,
    pub arcs_out: usize,
}

/// Projects longitude and latitude (degrees, ETRS89 on GRS80) to UTM zone 33N, EPSG:25833:
/// `[easting, northing]` in metres. Krüger's series in the third flattening to n⁴ (as
/// Lantmäteriet gives it for SWEREF 99 TM, the same projection), good to well under a millimetre
/// across Norway, 16° from the central meridian at most.
pub fn utm33(lon: f64, lat: f64) -> [f64; 2] {
    const A: f64 = 6_378_137.0;
    const F: f64 = 1.0 / 298.257_222_101;
    const K0: f64 = 0.9996;
    const LON0: f64 = 15.0;
    const FALSE_EASTING: f64 = 500_000.0;
    let e2 = F * (2.0 - F);
    let n = F / (2.0 - F);
    let a_hat = A / (1.0 + n) * (1.0 + n.powi(2) / 4.0 + n.powi(4) / 64.0);
    // The conformal latitude's series.
    let (a, b, c, d) = (
        e2,
        (5.0 * e2.powi(2) - e2.powi(3)) / 6.0,
        (104.0 * e2.powi(3) - 45.0 * e2.powi(4)) / 120.0,
        1237.0 * e2.powi(4) / 1260.0,
    );
    let beta = [
        n / 2.0 - 2.0 * n.powi(2) / 3.0 + 5.0 * n.powi(3) / 16.0 + 41.0 * n.powi(4) / 180.0,
        13.0 * n.powi(2) / 48.0 - 3.0 * n.powi(3) / 5.0 + 557.0 * n.powi(4) / 1440.0,
        61.0 * n.powi(3) / 240.0 - 103.0 * n.powi(4) / 140.0,
        49561.0 * n.powi(4) / 161280.0,
    ];
    let phi = lat.to_radians();
    let dlon = (lon - LON0).to_radians();
    let s2 = phi.sin().powi(2);
    let conformal = phi - phi.sin() * phi.cos() * (a + s2 * (b + s2 * (c + s2 * d)));
    let xi = (conformal.tan() / dlon.cos()).atan();
    let eta = (conformal.cos() * dlon.sin()).atanh();
    let (mut x, mut y) = (xi, eta);
    for (j, b) in beta.iter().enumerate() {
        let k = 2.0 * (j + 1) as f64;
        x += b * (k * xi).sin() * (k * eta).cosh();
        y += b * (k * xi).cos() * (k * eta).sinh();
    }
    [FALSE_EASTING + K0 * a_hat * y, K0 * a_hat * x]
}

/// The map of the kommuner of a GeoJSON file's text (see `neighbours` for what it must be) for
/// `map`, or `None` where the map is older than the polygons (the rule of
/// [`crate::neighbours::apply`]: a map of their year or later must have exactly their kommune
/// numbers, else this is an error). The caller adds the file's name to an error.
pub fn build(text: &str, map: &KommuneMap, params: &Params) -> Result<Option<Map>, String> {
    build_from(&read_outlines(text)?, map, params)
}

/// Gives `map` its shapes from the polygons ([`build`] with the default [`Params`]): empty for a
/// map older than the polygons.
pub fn apply(map: &mut KommuneMap, text: &str) -> Result<(), String> {
    apply_outlines(map, &read_outlines(text)?)
}

pub(crate) fn apply_outlines(map: &mut KommuneMap, outlines: &Outlines) -> Result<(), String> {
    map.shapes = build_from(outlines, map, &Params::default())?.map(|m| m.shapes).unwrap_or_default().into();
    Ok(())
}

pub(crate) fn build_from(outlines: &Outlines, map: &KommuneMap, params: &Params) -> Result<Option<Map>, String> {
    if !map_matches(map, &outlines.kommuner)? {
        return Ok(None);
    }
    if params.unit_m == 0 {
        return Err("a grid unit of 0 m".into());
    }
    let index: HashMap<&str, usize> = map.kommuner.iter().enumerate().map(|(i, k)| (k.code.as_str(), i)).collect();
    let mut rings = Vec::new();
    for ((k, points), &hole) in outlines.rings.iter().zip(&outlines.hole) {
        if !hole {
            rings.push((index[outlines.kommuner[*k].as_str()], points.clone()));
        }
    }
    let rings_in = rings.len();
    insert_vertices_on_segments(&mut rings);
    let topo = Topology::new(&rings, &map.kommuner.iter().map(|k| k.code.as_str()).collect::<Vec<_>>())?;
    let mut built = topo.simplify(map.kommuner.len(), params)?;
    built.stats.rings_in = rings_in;
    Ok(Some(built))
}

/// Puts every vertex that lies on another ring's segment (not at its ends) into that segment:
/// where a border meets another in the middle of its segment, both then have the meeting point,
/// and the segments on either side become shared segments (see the module doc).
fn insert_vertices_on_segments(rings: &mut [(usize, Vec<[f64; 2]>)]) {
    const CELL: f64 = 0.05;
    /// About a centimetre: the file's three cases lie exactly on the line.
    const EPS: f64 = 1e-7;
    let cell = |v: f64| (v / CELL).floor() as i64;
    let mut grid: HashMap<(i64, i64), Vec<(usize, usize)>> = HashMap::new();
    for (r, (_, points)) in rings.iter().enumerate() {
        for (s, pair) in points.windows(2).enumerate() {
            let (a, b) = (pair[0], pair[1]);
            for x in cell(a[0].min(b[0]))..=cell(a[0].max(b[0])) {
                for y in cell(a[1].min(b[1]))..=cell(a[1].max(b[1])) {
                    grid.entry((x, y)).or_default().push((r, s));
                }
            }
        }
    }
    // The points to put in: ring, segment, distance from the segment's start, point.
    let mut inserts: Vec<(usize, usize, f64, [f64; 2])> = Vec::new();
    let mut seen: HashSet<Key> = HashSet::new();
    for (_, points) in rings.iter() {
        for &v in points {
            if !seen.insert(key(v)) {
                continue;
            }
            for &(r, s) in grid.get(&(cell(v[0]), cell(v[1]))).into_iter().flatten() {
                let (a, b) = (rings[r].1[s], rings[r].1[s + 1]);
                if key(a) == key(v) || key(b) == key(v) {
                    continue;
                }
                let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
                let len = dx.hypot(dy);
                if len == 0.0 {
                    continue;
                }
                let off = ((v[0] - a[0]) * dy - (v[1] - a[1]) * dx).abs() / len;
                let t = ((v[0] - a[0]) * dx + (v[1] - a[1]) * dy) / len;
                // A segment in several cells of the grid is found once per cell.
                if off < EPS && t > 0.0 && t < len && !inserts.iter().any(|&(r2, s2, _, p)| (r2, s2, key(p)) == (r, s, key(v))) {
                    inserts.push((r, s, t, v));
                }
            }
        }
    }
    // From each ring's last segment back, so that the earlier positions stay valid; along each
    // segment from its end back, each put in right after the segment's start.
    inserts.sort_by(|x, y| (x.0, y.1).cmp(&(y.0, x.1)).then(y.2.total_cmp(&x.2)));
    for (r, s, _, p) in inserts {
        rings[r].1.insert(s + 1, p);
    }
}

/// The polygons as arcs: each distinct vertex once (projected), each arc once as a list of
/// vertices, each ring a list of arc references as [`Shape::rings`] has them.
struct Topology {
    lonlat: Vec<[f64; 2]>,
    xy: Vec<[f64; 2]>,
    arcs: Vec<Vec<u32>>,
    /// Per outer ring: its kommune (index in the map), its arc references, its area in m².
    rings: Vec<(usize, Vec<i32>, f64)>,
    /// Per arc: how many rings use it.
    users: Vec<u8>,
    /// The kommune numbers, in the map's order: for what errors say.
    codes: Vec<String>,
}

impl Topology {
    fn new(rings: &[(usize, Vec<[f64; 2]>)], codes: &[&str]) -> Result<Topology, String> {
        let mut ids: HashMap<Key, u32> = HashMap::new();
        let (mut lonlat, mut xy) = (Vec::new(), Vec::new());
        let mut cycles: Vec<(usize, Vec<u32>)> = Vec::new();
        for (k, points) in rings {
            let mut cycle: Vec<u32> = Vec::with_capacity(points.len());
            for &p in &points[..points.len() - 1] {
                let id = *ids.entry(key(p)).or_insert_with(|| {
                    lonlat.push(p);
                    xy.push(utm33(p[0], p[1]));
                    (lonlat.len() - 1) as u32
                });
                if cycle.last() != Some(&id) {
                    cycle.push(id);
                }
            }
            while cycle.len() > 1 && cycle.first() == cycle.last() {
                cycle.pop();
            }
            if cycle.len() < 3 {
                return Err(format!("kommune {}: a ring of fewer than three distinct positions", codes[*k]));
            }
            cycles.push((*k, cycle));
        }
        // Per undirected segment the kommuner whose rings have it, and per vertex its distinct
        // neighbouring vertices.
        let seg = |a: u32, b: u32| if a < b { (a, b) } else { (b, a) };
        let mut owners: HashMap<(u32, u32), Vec<usize>> = HashMap::new();
        let mut adjacent: Vec<Vec<u32>> = vec![Vec::new(); lonlat.len()];
        for (k, cycle) in &cycles {
            for (i, &a) in cycle.iter().enumerate() {
                let b = cycle[(i + 1) % cycle.len()];
                let list = owners.entry(seg(a, b)).or_default();
                if list.contains(k) || list.len() == 2 {
                    let p = lonlat[a as usize];
                    return Err(format!(
                        "kommune {}: the segment from {}, {} is drawn by more than one ring of it or by three kommuner",
                        codes[*k], p[0], p[1]
                    ));
                }
                list.push(*k);
                list.sort();
                for (u, w) in [(a, b), (b, a)] {
                    if !adjacent[u as usize].contains(&w) {
                        adjacent[u as usize].push(w);
                    }
                }
            }
        }
        // A junction: where other than two segments meet, or the kommuner on the sides change.
        let junction: Vec<bool> = (0..lonlat.len() as u32)
            .map(|v| match adjacent[v as usize].as_slice() {
                [u, w] => owners[&seg(v, *u)] != owners[&seg(v, *w)],
                _ => true,
            })
            .collect();
        let mut arcs: Vec<Vec<u32>> = Vec::new();
        let mut arc_ids: HashMap<Vec<u32>, u32> = HashMap::new();
        let mut out_rings = Vec::new();
        for (k, cycle) in cycles {
            let n = cycle.len();
            let start = match (0..n).find(|&i| junction[cycle[i] as usize]) {
                Some(i) => i,
                // An island, or a whole coast: one closed arc from its westernmost point, which
                // any simplification keeps anyway.
                None => (0..n).min_by(|&i, &j| xy[cycle[i] as usize][0].total_cmp(&xy[cycle[j] as usize][0])).unwrap_or(0),
            };
            let walk: Vec<u32> = (0..=n).map(|i| cycle[(start + i) % n]).collect();
            let mut refs = Vec::new();
            let mut from = 0;
            for i in 1..walk.len() {
                if i == walk.len() - 1 || junction[walk[i] as usize] {
                    let piece = walk[from..=i].to_vec();
                    let reversed: Vec<u32> = piece.iter().rev().copied().collect();
                    let forward = piece <= reversed;
                    let canonical = if forward { piece } else { reversed };
                    let id = *arc_ids.entry(canonical.clone()).or_insert_with(|| {
                        arcs.push(canonical);
                        (arcs.len() - 1) as u32
                    });
                    refs.push(if forward { id as i32 } else { !(id as i32) });
                    from = i;
                }
            }
            let area = ring_area(&walk.iter().map(|&v| xy[v as usize]).collect::<Vec<_>>()).abs();
            out_rings.push((k, refs, area));
        }
        let mut users = vec![0u8; arcs.len()];
        for (_, refs, _) in &out_rings {
            for &r in refs {
                users[arc_index(r)] += 1;
            }
        }
        Ok(Topology { lonlat, xy, arcs, rings: out_rings, users, codes: codes.iter().map(|c| c.to_string()).collect() })
    }

    /// Chooses the rings, simplifies and quantizes their arcs, and assembles the [`Shapes`] of
    /// `kommuner` kommuner (see the module doc).
    fn simplify(&self, kommuner: usize, params: &Params) -> Result<Map, String> {
        if kommuner == 0 {
            return Ok(Map { shapes: Shapes::default(), origin: [0.0; 2], stats: Stats::default() });
        }
        let unit = params.unit_m as f64;
        // The largest ring of each kommune, and which rings stay.
        let mut largest: Vec<Option<usize>> = vec![None; kommuner];
        for (i, (k, _, area)) in self.rings.iter().enumerate() {
            if largest[*k].is_none_or(|j| *area > self.rings[j].2) {
                largest[*k] = Some(i);
            }
        }
        if let Some(k) = largest.iter().position(Option::is_none) {
            return Err(format!("kommune {} has no outer ring", self.codes[k]));
        }
        let is_largest = |i: usize| largest[self.rings[i].0] == Some(i);
        let mut kept: Vec<bool> = (0..self.rings.len())
            .map(|i| {
                let (_, refs, area) = &self.rings[i];
                is_largest(i) || *area >= params.min_island_km2 * 1e6 || refs.iter().any(|&r| self.users[arc_index(r)] > 1)
            })
            .collect();
        // The grid's provisional origin; the map is moved to its bounding box at the end.
        let (mut west, mut north) = (f64::INFINITY, f64::NEG_INFINITY);
        for (i, (_, refs, _)) in self.rings.iter().enumerate() {
            if kept[i] {
                for &r in refs {
                    for &v in &self.arcs[arc_index(r)] {
                        west = west.min(self.xy[v as usize][0]);
                        north = north.max(self.xy[v as usize][1]);
                    }
                }
            }
        }
        let quantize = |v: u32| {
            let [e, n] = self.xy[v as usize];
            [((e - west) / unit).round() as i32, ((north - n) / unit).round() as i32]
        };
        let in_oslo = |v: u32| {
            let [lon, lat] = self.lonlat[v as usize];
            (OSLO_AREA[0][0]..=OSLO_AREA[1][0]).contains(&lon) && (OSLO_AREA[0][1]..=OSLO_AREA[1][1]).contains(&lat)
        };
        // Each arc's tolerance is its own factor times the tolerance where its points lie: a
        // largest ring that simplification flattens gets its arcs' factors halved, and again.
        let mut factor = vec![1.0f64; self.arcs.len()];
        let mut quantized: Vec<Vec<[i32; 2]>>;
        loop {
            quantized = self
                .arcs
                .iter()
                .enumerate()
                .map(|(a, arc)| {
                    let tolerance = |v: u32| factor[a] * if in_oslo(v) { params.oslo_tolerance_m } else { params.tolerance_m };
                    let mut points: Vec<[i32; 2]> = Vec::new();
                    for v in douglas_peucker(arc, &self.xy, tolerance) {
                        let q = quantize(v);
                        if points.last() != Some(&q) {
                            points.push(q);
                        }
                    }
                    points
                })
                .collect();
            let mut refine = Vec::new();
            for (i, (_, refs, _)) in self.rings.iter().enumerate() {
                if kept[i] && !is_flat_ring(&quantized, refs) {
                    continue;
                }
                if kept[i] && is_largest(i) {
                    refine.push(i);
                } else {
                    kept[i] = false;
                }
            }
            if refine.is_empty() {
                break;
            }
            for i in refine {
                for &r in &self.rings[i].1 {
                    let a = arc_index(r);
                    if factor[a] < 1e-3 {
                        let (k, _, _) = self.rings[i];
                        return Err(format!("kommune {}: its largest ring is less than a triangle on the grid even unsimplified", self.codes[k]));
                    }
                    factor[a] /= 2.0;
                }
            }
        }

        // Assemble: kommuner in the map's order, each's rings largest first; arcs numbered and
        // turned as first used, as the codec stores them, arcs that collapsed to a point left out.
        let mut shapes = Shapes { unit_m: params.unit_m, ..Shapes::default() };
        // Per arc of the topology, the reference in the new numbering that walks it forwards.
        let mut renumbered: Vec<Option<i32>> = vec![None; self.arcs.len()];
        let mut by_kommune: Vec<Vec<(i64, Vec<i32>)>> = vec![Vec::new(); kommuner];
        for (i, (k, refs, _)) in self.rings.iter().enumerate() {
            if kept[i] {
                let refs: Vec<i32> = refs.iter().copied().filter(|&r| quantized[arc_index(r)].len() > 1).collect();
                let area = ring_area_i(&ring_points(&quantized, &refs));
                by_kommune[*k].push((area.abs(), refs));
            }
        }
        for rings in &mut by_kommune {
            rings.sort_by_key(|(area, _)| std::cmp::Reverse(*area));
            let mut shape = Shape::default();
            for (_, refs) in rings.iter() {
                let mut out = Vec::with_capacity(refs.len());
                for &r in refs {
                    let a = arc_index(r);
                    let new = *renumbered[a].get_or_insert_with(|| {
                        let mut points = quantized[a].clone();
                        if r < 0 {
                            points.reverse();
                        }
                        shapes.arcs.push(points);
                        // Stored the way this first reference walks it.
                        let id = shapes.arcs.len() as i32 - 1;
                        if r < 0 {
                            !id
                        } else {
                            id
                        }
                    });
                    out.push(if r < 0 { !new } else { new });
                }
                shape.rings.push(out);
            }
            shapes.kommuner.push(shape);
        }
        // To the bounding box.
        let (mut min, mut max) = ([i32::MAX; 2], [i32::MIN; 2]);
        for p in shapes.arcs.iter().flatten() {
            for d in 0..2 {
                min[d] = min[d].min(p[d]);
                max[d] = max[d].max(p[d]);
            }
        }
        for p in shapes.arcs.iter_mut().flatten() {
            for d in 0..2 {
                p[d] -= min[d];
            }
        }
        shapes.width = max[0] - min[0];
        shapes.height = max[1] - min[1];
        for k in 0..kommuner {
            let label = {
                let ring = shapes.ring(&shapes.kommuner[k].rings[0]);
                pole_of_inaccessibility(&ring)
            };
            shapes.kommuner[k].label = label;
        }
        let stats = Stats {
            rings_in: 0,
            rings_out: shapes.kommuner.iter().map(|s| s.rings.len()).sum(),
            points_in: self.lonlat.len(),
            points_out: shapes.arcs.iter().map(Vec::len).sum(),
            arcs_in: self.arcs.len(),
            arcs_out: shapes.arcs.len(),
        };
        let origin = [west + min[0] as f64 * unit, north - min[1] as f64 * unit];
        Ok(Map { shapes, origin, stats })
    }
}


/// Whether a ring of quantized arcs is less than a triangle: fewer than three distinct points,
/// or no area.
fn is_flat_ring(arcs: &[Vec<[i32; 2]>], refs: &[i32]) -> bool {
    let points = ring_points(arcs, refs);
    let mut distinct = points.clone();
    distinct.sort();
    distinct.dedup();
    distinct.len() < 3 || ring_area_i(&points) == 0
}

/// Twice the signed area of a closed ring (the first point not repeated), in grid units².
fn ring_area_i(points: &[[i32; 2]]) -> i64 {
    let n = points.len();
    (0..n)
        .map(|i| {
            let (a, b) = (points[i], points[(i + 1) % n]);
            a[0] as i64 * b[1] as i64 - b[0] as i64 * a[1] as i64
        })
        .sum()
}

/// The signed area of a ring whose last point repeats its first, in m².
fn ring_area(points: &[[f64; 2]]) -> f64 {
    points.windows(2).map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1]).sum::<f64>() / 2.0
}

/// Douglas–Peucker on one arc (vertex ids, into `xy`): the vertices kept, its ends always. A
/// vertex is kept where it lies farther than `tolerance(vertex)` from the line that would
/// replace it, so the tolerance can differ by place. A closed arc's "line" is its start point.
fn douglas_peucker(arc: &[u32], xy: &[[f64; 2]], tolerance: impl Fn(u32) -> f64) -> Vec<u32> {
    let n = arc.len();
    let mut keep = vec![false; n];
    keep[0] = true;
    keep[n - 1] = true;
    let mut stack = vec![(0, n - 1)];
    while let Some((i, j)) = stack.pop() {
        let (a, b) = (xy[arc[i] as usize], xy[arc[j] as usize]);
        let mut worst = (1.0, None);
        for (k, &v) in arc.iter().enumerate().take(j).skip(i + 1) {
            let ratio = distance_to_segment(xy[v as usize], a, b) / tolerance(v).max(1e-9);
            if ratio > worst.0 {
                worst = (ratio, Some(k));
            }
        }
        if let (_, Some(k)) = worst {
            keep[k] = true;
            stack.push((i, k));
            stack.push((k, j));
        }
    }
    arc.iter().zip(keep).filter(|(_, k)| *k).map(|(&v, _)| v).collect()
}

fn distance_to_segment(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 { 0.0 } else { (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0) };
    (p[0] - a[0] - t * dx).hypot(p[1] - a[1] - t * dy)
}

/// The distance from `p` to a ring's edges, positive inside and negative outside.
fn signed_distance(p: [f64; 2], ring: &[[f64; 2]]) -> f64 {
    let mut inside = false;
    let mut best = f64::INFINITY;
    let n = ring.len();
    for i in 0..n {
        let (a, b) = (ring[i], ring[(i + 1) % n]);
        if (a[1] > p[1]) != (b[1] > p[1]) && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0] {
            inside = !inside;
        }
        best = best.min(distance_to_segment(p, a, b));
    }
    if inside {
        best
    } else {
        -best
    }
}

/// The point of a ring (first point not repeated) farthest from its edges, to a grid unit: the
/// search of Mapbox's "polylabel", square cells split while one could hold a better point. On
/// integers, since the label is a grid point.
fn pole_of_inaccessibility(ring: &[[i32; 2]]) -> [i32; 2] {
    let ring: Vec<[f64; 2]> = ring.iter().map(|p| [p[0] as f64, p[1] as f64]).collect();
    let (mut min, mut max) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
    for p in &ring {
        for d in 0..2 {
            min[d] = min[d].min(p[d]);
            max[d] = max[d].max(p[d]);
        }
    }
    let size = (max[0] - min[0]).min(max[1] - min[1]);
    if ring.is_empty() || size <= 0.0 {
        return ring.first().map_or([0, 0], |p| [p[0] as i32, p[1] as i32]);
    }
    /// A square cell: its centre, half its side, the distance of its centre, and the most
    /// distance a point of it can have.
    struct Cell {
        c: [f64; 2],
        h: f64,
        d: f64,
        max: f64,
    }
    impl PartialEq for Cell {
        fn eq(&self, o: &Self) -> bool {
            self.max == o.max
        }
    }
    impl Eq for Cell {}
    impl PartialOrd for Cell {
        fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
            Some(self.cmp(o))
        }
    }
    impl Ord for Cell {
        fn cmp(&self, o: &Self) -> std::cmp::Ordering {
            self.max.total_cmp(&o.max)
        }
    }
    let cell = |c: [f64; 2], h: f64| {
        let d = signed_distance(c, &ring);
        Cell { c, h, d, max: d + h * std::f64::consts::SQRT_2 }
    };
    let mut queue = BinaryHeap::new();
    let h = size / 2.0;
    let mut x = min[0];
    while x < max[0] {
        let mut y = min[1];
        while y < max[1] {
            queue.push(cell([x + h, y + h], h));
            y += size;
        }
        x += size;
    }
    // Candidates are grid points: the best so far starts at the ring's nearest grid point to the
    // middle of its bounding box.
    let snap = |p: [f64; 2]| [p[0].round(), p[1].round()];
    let mut best = cell(snap([(min[0] + max[0]) / 2.0, (min[1] + max[1]) / 2.0]), 0.0);
    while let Some(c) = queue.pop() {
        let snapped = cell(snap(c.c), 0.0);
        if snapped.d > best.d {
            best = snapped;
        }
        if c.max - best.d <= 0.5 || c.h < 0.25 {
            continue;
        }
        let h = c.h / 2.0;
        for (dx, dy) in [(-h, -h), (h, -h), (-h, h), (h, h)] {
            queue.push(cell([c.c[0] + dx, c.c[1] + dy], h));
        }
    }
    [best.c[0] as i32, best.c[1] as i32]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utm33_gives_the_meridian_arc_on_the_central_meridian() {
        // GRS80's meridian arc from the equator: 4 984 944.378 m to 45°, 6 654 072.819 m to 60°,
        // scaled by 0.9996.
        let [e, n] = utm33(15.0, 45.0);
        assert!((e - 500_000.0).abs() < 1e-6 && (n - 0.9996 * 4_984_944.378).abs() < 0.01, "{e} {n}");
        let [e, n] = utm33(15.0, 60.0);
        assert!((e - 500_000.0).abs() < 1e-6 && (n - 0.9996 * 6_654_072.819).abs() < 0.01, "{e} {n}");
        // East and west of the meridian alike.
        let (w, east) = (utm33(9.0, 62.0), utm33(21.0, 62.0));
        assert!((w[0] + east[0] - 1_000_000.0).abs() < 1e-6 && (w[1] - east[1]).abs() < 1e-6);
    }

    #[test]
    fn douglas_peucker_keeps_the_ends_and_the_corners() {
        let xy = [[0.0, 0.0], [1.0, 0.1], [2.0, 0.0], [3.0, 5.0], [4.0, 0.0], [0.0, 0.0]];
        assert_eq!(douglas_peucker(&[0, 1, 2, 3, 4], &xy, |_| 1.0), [0, 2, 3, 4]);
        assert_eq!(douglas_peucker(&[0, 1, 2, 3, 4], &xy, |_| 10.0), [0, 4]);
        // A finer tolerance at vertex 1 keeps it, and then vertex 2 is near enough the new line.
        assert_eq!(douglas_peucker(&[0, 1, 2, 3, 4], &xy, |v| if v == 1 { 0.05 } else { 1.0 }), [0, 1, 3, 4]);
        // A closed arc keeps its farthest point from the start, then what is far from the two
        // lines to it; with a large tolerance, a triangle's worth at most.
        assert_eq!(douglas_peucker(&[0, 2, 3, 4, 5], &xy, |_| 1.0), [0, 2, 3, 4, 5]);
        assert_eq!(douglas_peucker(&[0, 2, 3, 4, 5], &xy, |_| 4.0), [0, 3, 5]);
    }

    fn map_of(codes: &[&str]) -> KommuneMap {
        let kommune = |c: &&str| intro_status_model::TodayKommune {
            code: c.to_string(),
            name: c.to_string(),
            other_names: Vec::new(),
            fylke: c[..2].to_string(),
            sources: Vec::new(),
            former: Vec::new(),
            neighbours: Vec::new(),
        };
        KommuneMap { version: 2024, kommuner: codes.iter().map(kommune).collect(), fylker: Vec::new(), shapes: Default::default() }
    }

    /// 0003 is a tall rectangle whose east side is one segment; 0001 and 0002, two squares
    /// stacked on its east, meet in the middle of that segment. The meeting point is put into it,
    /// so that the three borders meet there: 6 arcs, 3 of them borders.
    #[test]
    fn a_border_meeting_a_segment_in_its_middle_splits_it() {
        let polygon = |code: &str, ring: &str| {
            format!(r#"{{"type":"Feature","properties":{{"kommunenummer":"{code}"}},"geometry":{{"type":"Polygon","coordinates":[{ring}]}}}}"#)
        };
        let text = format!(
            r#"{{"type":"FeatureCollection","features":[{},{},{}]}}"#,
            polygon("0001", "[[10.1,60.0],[10.2,60.0],[10.2,60.1],[10.1,60.1],[10.1,60.0]]"),
            polygon("0002", "[[10.1,60.1],[10.2,60.1],[10.2,60.2],[10.1,60.2],[10.1,60.1]]"),
            polygon("0003", "[[10.0,60.0],[10.1,60.0],[10.1,60.2],[10.0,60.2],[10.0,60.0]]"),
        );
        let map = build(&text, &map_of(&["0001", "0002", "0003"]), &Params::default()).unwrap().unwrap();
        let s = &map.shapes;
        assert_eq!(s.arcs.len(), 6, "{:?}", s.arcs);
        let mut uses = vec![0; s.arcs.len()];
        for &r in s.kommuner.iter().flat_map(|k| k.rings.iter().flatten()) {
            uses[arc_index(r)] += 1;
        }
        assert_eq!(uses.iter().filter(|&&u| u == 2).count(), 3, "{uses:?}");
        // 0003's ring: its coast and its two borders.
        assert_eq!(s.kommuner[2].rings[0].len(), 3);
    }

    #[test]
    fn the_pole_of_an_l_is_in_its_thick_part() {
        // An L: a 100 × 20 bar along the top and a 20 × 100 bar down the left, y downwards.
        let l = [[0, 0], [100, 0], [100, 20], [20, 20], [20, 100], [0, 100]];
        let p = pole_of_inaccessibility(&l);
        assert!(signed_distance([p[0] as f64, p[1] as f64], &l.map(|p| [p[0] as f64, p[1] as f64])) >= 9.0, "{p:?}");
        let square = [[0, 0], [40, 0], [40, 40], [0, 40]];
        assert_eq!(pole_of_inaccessibility(&square), [20, 20]);
    }
}
