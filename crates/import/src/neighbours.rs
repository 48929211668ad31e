//! Which of today's kommuner border on which, from Kartverket's kommune polygons of 2024
//! (`data/kartverket/kartverket_kommuner_2024_S_robhop.geojson`, simplified and clipped to the
//! coastline by `robhop/fylker-og-kommuner`): two kommuner are neighbours when their outlines
//! share at least one border *segment*. Meeting at a single point (a four-corner point) is not
//! a border, and neither is a fjord between them: the polygons are land only, so a kommune of
//! islands has no neighbours.
//!
//! The method follows from how the file draws borders. It was made from TopoJSON, where a border
//! is one arc that both kommuner use, and written out as GeoJSON it still is: of its 29 969
//! segments (31 071 positions in 1 102 rings of 357 features, 151 Polygon and 206 MultiPolygon),
//! 7 071 are shared, each by exactly two kommuner with bit-identical end points, always walked in
//! opposite directions, and none by three. Nothing is shared only approximately: a test of every
//! pair of segments of different kommuner that lie along each other (collinear within 10⁻⁵°,
//! about a metre, and overlapping) finds exactly the pairs the identical segments give. So a
//! border is found by exact comparison of segments (end points in either order), with no
//! tolerance to choose; the tests below keep checking that this holds for the vendored file.
//!
//! What that gives: 736 pairs of neighbours; 26 kommuner without one (Utsira, Røst, Træna, Værøy,
//! Kvitsøy, Fedje and the other island kommuner); 12 pairs that meet at one point only, the
//! diagonals of 6 four-corner points (Vinje and Eidfjord, Drammen and Modum, …), which are left
//! out. At three triple points (Frogn/Vestby/Ås, Stavanger/Sandnes/Sola and
//! Flekkefjord/Kvinesdal/Sirdal) a vertex of one outline lies on a segment of another without
//! being one of its vertices; each of those pairs shares whole segments elsewhere, so no pair
//! depends on it.
//!
//! Runs natively only (build script, refresh, tests); the wasm carries the result, each
//! [`TodayKommune::neighbours`](intro_status_model::TodayKommune::neighbours).

use intro_status_model::KommuneMap;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The polygons, relative to the data directory. Absent (an older data directory), every
/// kommune's neighbours stay empty.
pub const FILE: &str = "kartverket/kartverket_kommuner_2024_S_robhop.geojson";
/// The KLASS 131 version whose kommuner the polygons are: from this version on, the map and the
/// file must have the same kommune numbers.
pub const MAP_YEAR: u16 = 2024;

/// The borders of the file's kommuner.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Borders {
    /// Every kommune number of the file, each with those it shares at least one border segment
    /// with (none for a kommune of islands). Symmetric; never a kommune itself.
    pub neighbours: BTreeMap<String, BTreeSet<String>>,
    /// Pairs of kommuner (lower number first) whose outlines meet at points only, with no
    /// segment in common: not neighbours.
    pub point_touches: BTreeSet<(String, String)>,
    /// Distinct segments that more than one kommune's outline has.
    pub shared_segments: usize,
}

#[derive(Deserialize)]
struct Collection {
    #[serde(rename = "type")]
    kind: String,
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    properties: Properties,
    geometry: Geometry,
}

#[derive(Deserialize)]
struct Properties {
    kommunenummer: String,
}

/// GeoJSON positions may carry a third number (height), so a position is read as a list.
#[derive(Deserialize)]
#[serde(tag = "type", content = "coordinates")]
enum Geometry {
    Polygon(Vec<Vec<Vec<f64>>>),
    MultiPolygon(Vec<Vec<Vec<Vec<f64>>>>),
}

/// The file read: its kommune numbers in file order, and every ring (outer or hole) as a closed
/// list of lon/lat points with the index of its kommune. The map's shapes (`crate::shapes`) are
/// drawn from the same reading.
pub(crate) struct Outlines {
    pub(crate) kommuner: Vec<String>,
    pub(crate) rings: Vec<(usize, Vec<[f64; 2]>)>,
    /// Per ring of `rings`: whether it is a hole (not the first ring of its polygon). The
    /// borders count holes like any ring; the map leaves them out.
    pub(crate) hole: Vec<bool>,
}

/// A point as its exact bits, to compare and hash: the file repeats a shared vertex digit for
/// digit, so the same text gives the same `f64` on both sides. `+ 0.0` makes -0 and 0 one.
pub(crate) type Key = (u64, u64);

pub(crate) fn key(p: [f64; 2]) -> Key {
    ((p[0] + 0.0).to_bits(), (p[1] + 0.0).to_bits())
}

/// Reads the GeoJSON FeatureCollection: every feature a Polygon or MultiPolygon with the string
/// property `kommunenummer` (four digits, each kommune once), every ring closed with at least
/// four positions, as GeoJSON requires. What is wrong is said with the feature (1-based), its
/// kommune and ring, or with serde_json's line and column.
pub(crate) fn read_outlines(text: &str) -> Result<Outlines, String> {
    let collection: Collection = serde_json::from_str(crate::without_bom(text)).map_err(|e| e.to_string())?;
    if collection.kind != "FeatureCollection" {
        return Err(format!("type {:?}, expected \"FeatureCollection\"", collection.kind));
    }
    let mut out = Outlines { kommuner: Vec::new(), rings: Vec::new(), hole: Vec::new() };
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (i, feature) in collection.features.into_iter().enumerate() {
        let number = i + 1;
        let code = feature.properties.kommunenummer;
        if code.len() != 4 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("feature {number}: kommunenummer {code:?} is not four digits"));
        }
        if let Some(before) = seen.insert(code.clone(), number) {
            return Err(format!("feature {number}: kommune {code} is feature {before} as well"));
        }
        let polygons = match feature.geometry {
            Geometry::Polygon(rings) => vec![rings],
            Geometry::MultiPolygon(polygons) => polygons,
        };
        let at = |ring: usize| format!("feature {number} (kommune {code}), ring {ring}");
        let mut ring_number = 0;
        for (ring_in_polygon, ring) in polygons.into_iter().flat_map(|p| p.into_iter().enumerate()) {
            ring_number += 1;
            let mut points = Vec::with_capacity(ring.len());
            for position in &ring {
                match position.as_slice() {
                    [lon, lat, ..] => points.push([*lon, *lat]),
                    _ => return Err(format!("{}: a position without longitude and latitude ({position:?})", at(ring_number))),
                }
            }
            if points.len() < 4 {
                return Err(format!("{}: {} positions, a ring has at least four", at(ring_number), points.len()));
            }
            if key(points[0]) != key(points[points.len() - 1]) {
                return Err(format!("{}: the ring does not end where it starts", at(ring_number)));
            }
            out.rings.push((out.kommuner.len(), points));
            out.hole.push(ring_in_polygon > 0);
        }
        if ring_number == 0 {
            return Err(format!("feature {number} (kommune {code}) has no ring"));
        }
        out.kommuner.push(code);
    }
    Ok(out)
}

/// The kommuner that share each segment, and those that share each vertex, by exact end points.
pub(crate) fn borders(outlines: &Outlines) -> Borders {
    // Per segment (end points in either order) and per vertex: the kommuner (indexes) with it.
    let mut segments: HashMap<(Key, Key), Vec<usize>> = HashMap::new();
    let mut vertices: HashMap<Key, Vec<usize>> = HashMap::new();
    for (k, points) in &outlines.rings {
        for pair in points.windows(2) {
            let (a, b) = (key(pair[0]), key(pair[1]));
            if a == b {
                continue; // a repeated position is no segment
            }
            let owners = segments.entry(if a < b { (a, b) } else { (b, a) }).or_default();
            if !owners.contains(k) {
                owners.push(*k);
            }
            let owners = vertices.entry(a).or_default();
            if !owners.contains(k) {
                owners.push(*k);
            }
        }
    }
    let pairs_of = |owners: &[usize]| {
        let mut pairs = Vec::new();
        for (i, &a) in owners.iter().enumerate() {
            for &b in &owners[i + 1..] {
                pairs.push((a.min(b), a.max(b)));
            }
        }
        pairs
    };
    let shared: Vec<&Vec<usize>> = segments.values().filter(|o| o.len() > 1).collect();
    let bordering: BTreeSet<(usize, usize)> = shared.iter().flat_map(|o| pairs_of(o)).collect();
    let touching: BTreeSet<(usize, usize)> = vertices.values().flat_map(|o| pairs_of(o)).collect();
    let code = |i: usize| outlines.kommuner[i].clone();
    let mut neighbours: BTreeMap<String, BTreeSet<String>> = outlines.kommuner.iter().map(|c| (c.clone(), BTreeSet::new())).collect();
    for &(a, b) in &bordering {
        neighbours.entry(code(a)).or_default().insert(code(b));
        neighbours.entry(code(b)).or_default().insert(code(a));
    }
    let point_touches = touching
        .difference(&bordering)
        .map(|&(a, b)| if code(a) < code(b) { (code(a), code(b)) } else { (code(b), code(a)) })
        .collect();
    Borders { neighbours, point_touches, shared_segments: shared.len() }
}

/// The borders of the kommuner of a GeoJSON file's text (see [`read_outlines`] for what it must
/// be). The message of an error says what is wrong and where, not the file's name: the caller
/// adds it.
pub fn parse(text: &str) -> Result<Borders, String> {
    read_outlines(text).map(|o| borders(&o))
}

/// Gives each kommune of `map` its neighbours. A map of KLASS 131's version [`MAP_YEAR`] or
/// later must have exactly the file's kommune numbers: a number on one side only is an error
/// (polygons of another map would give some kommuner wrong neighbours, or none). An older map
/// numbers many kommuner differently (Viken's and Vestfold og Telemark's, Troms og Finnmark's)
/// and draws others otherwise, so it gets no neighbours rather than a few.
pub fn apply(map: &mut KommuneMap, borders: &Borders) -> Result<(), String> {
    for k in &mut map.kommuner {
        k.neighbours.clear();
    }
    if !map_matches(map, borders.neighbours.keys())? {
        return Ok(());
    }
    for k in &mut map.kommuner {
        // In code order: the order of the map, which the codec relies on.
        k.neighbours = borders.neighbours.get(&k.code).into_iter().flatten().cloned().collect();
    }
    Ok(())
}

/// Whether the polygons of kommuner `in_file` are to be applied to `map`: `false` for a map
/// older than [`MAP_YEAR`], `true` for a later one with exactly the file's numbers, and an error
/// naming the numbers on one side only otherwise (see [`apply`]). The map's shapes
/// (`crate::shapes`) follow the same rule.
pub(crate) fn map_matches<'a>(map: &KommuneMap, in_file: impl IntoIterator<Item = &'a String>) -> Result<bool, String> {
    if map.version < MAP_YEAR {
        return Ok(false);
    }
    let listed = |codes: Vec<&String>| {
        let n = codes.len();
        let mut s: Vec<&str> = codes.into_iter().take(10).map(String::as_str).collect();
        if n > 10 {
            s.push("…");
        }
        format!("{n} ({})", s.join(", "))
    };
    let in_map: BTreeSet<&String> = map.kommuner.iter().map(|k| &k.code).collect();
    let in_file: BTreeSet<&String> = in_file.into_iter().collect();
    let not_in_file: Vec<&String> = in_map.difference(&in_file).copied().collect();
    let not_in_map: Vec<&String> = in_file.difference(&in_map).copied().collect();
    if !not_in_file.is_empty() || !not_in_map.is_empty() {
        let mut what = Vec::new();
        if !not_in_file.is_empty() {
            what.push(format!("kommuner of KLASS 131 version {} not in the file: {}", map.version, listed(not_in_file)));
        }
        if !not_in_map.is_empty() {
            what.push(format!("kommuner of the file not in KLASS 131 version {}: {}", map.version, listed(not_in_map)));
        }
        return Err(format!("{}; the polygons must be of today's kommuner (vendor newer ones with the map)", what.join("; ")));
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vendored_text() -> String {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data").join(FILE);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    fn vendored() -> &'static Borders {
        static BORDERS: std::sync::OnceLock<Borders> = std::sync::OnceLock::new();
        BORDERS.get_or_init(|| parse(&vendored_text()).unwrap_or_else(|e| panic!("{FILE}: {e}")))
    }

    fn of(code: &str) -> Vec<&str> {
        vendored().neighbours.get(code).unwrap_or_else(|| panic!("no kommune {code}")).iter().map(String::as_str).collect()
    }

    /// What the module doc says about the file, so that a newer file drawn otherwise fails here
    /// and not quietly in the widget: every shared segment has identical end points on both
    /// sides, is shared by two kommuner only and walked in opposite directions.
    #[test]
    fn the_file_draws_each_border_once_for_both_sides() {
        let o = read_outlines(&vendored_text()).unwrap();
        assert_eq!(o.kommuner.len(), 357);
        assert_eq!(o.rings.len(), 1102);
        // Two of them holes: triangles of Nome's land in Skien and of Sandefjord's in Larvik.
        let holes: Vec<&str> = o.rings.iter().zip(&o.hole).filter(|(_, h)| **h).map(|((k, _), _)| o.kommuner[*k].as_str()).collect();
        assert_eq!(holes, ["4003", "3909"]);
        assert_eq!(o.rings.iter().map(|(_, p)| p.len()).sum::<usize>(), 31_071);
        let mut directed: HashMap<(Key, Key), Vec<usize>> = HashMap::new();
        for (k, points) in &o.rings {
            for pair in points.windows(2) {
                directed.entry((key(pair[0]), key(pair[1]))).or_default().push(*k);
            }
        }
        assert_eq!(directed.len(), 29_969, "no segment is walked twice the same way");
        let mut shared = 0;
        for (&(a, b), owners) in &directed {
            assert_eq!(owners.len(), 1);
            if let Some(other) = directed.get(&(b, a)) {
                assert_ne!(owners, other, "a kommune walks a segment both ways");
                shared += 1;
            }
        }
        assert_eq!(shared, 2 * 7071);
        assert_eq!(vendored().shared_segments, 7071);
        let pairs: usize = vendored().neighbours.values().map(BTreeSet::len).sum();
        assert_eq!(pairs, 2 * 736);
    }

    /// The check behind the exact method: wherever a segment of one kommune runs along one of
    /// another kommune (collinear within 10⁻⁵°, about a metre, and overlapping by more than
    /// 10⁻⁶°), the two are neighbours by identical segments, so no border is drawn only nearly
    /// alike on its two sides.
    #[test]
    fn segments_that_run_along_each_other_are_the_same_segment() {
        let o = read_outlines(&vendored_text()).unwrap();
        // Each segment (its kommune and end points) in every cell of a 0.05° grid it reaches.
        type Segment = (usize, [f64; 2], [f64; 2]);
        const CELL: f64 = 0.05;
        let mut grid: HashMap<(i64, i64), Vec<Segment>> = HashMap::new();
        for (k, points) in &o.rings {
            for pair in points.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                let cells = |i: usize| (a[i].min(b[i]) / CELL).floor() as i64..=(a[i].max(b[i]) / CELL).floor() as i64;
                for x in cells(0) {
                    for y in cells(1) {
                        grid.entry((x, y)).or_default().push((*k, a, b));
                    }
                }
            }
        }
        // How far `c`–`d` runs along `a`–`b`: its overlap along the line, if both its ends are
        // within `EPS` of it.
        const EPS: f64 = 1e-5;
        let along = |a: [f64; 2], b: [f64; 2], c: [f64; 2], d: [f64; 2]| {
            let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
            let len = dx.hypot(dy);
            let (ux, uy) = (dx / len, dy / len);
            let off = |p: [f64; 2]| ((p[0] - a[0]) * uy - (p[1] - a[1]) * ux).abs();
            let t = |p: [f64; 2]| (p[0] - a[0]) * ux + (p[1] - a[1]) * uy;
            if off(c) > EPS || off(d) > EPS {
                return 0.0;
            }
            let (t0, t1) = (t(c).min(t(d)), t(c).max(t(d)));
            (t1.min(len) - t0.max(0.0)).max(0.0)
        };
        let mut geometric = BTreeSet::new();
        for segments in grid.values() {
            for (i, &(k, a, b)) in segments.iter().enumerate() {
                for &(l, c, d) in &segments[i + 1..] {
                    if k != l && along(a, b, c, d) > 1e-6 {
                        geometric.insert((o.kommuner[k.min(l)].clone(), o.kommuner[k.max(l)].clone()));
                    }
                }
            }
        }
        let exact: BTreeSet<(String, String)> = vendored()
            .neighbours
            .iter()
            .flat_map(|(a, ns)| ns.iter().filter(move |b| a < *b).map(move |b| (a.clone(), b.clone())))
            .collect();
        let geometric: BTreeSet<(String, String)> = geometric.into_iter().map(|(a, b)| if a < b { (a, b) } else { (b, a) }).collect();
        assert_eq!(geometric.difference(&exact).collect::<Vec<_>>(), Vec::<&(String, String)>::new());
        assert_eq!(exact.difference(&geometric).collect::<Vec<_>>(), Vec::<&(String, String)>::new());
    }

    #[test]
    fn oslo_trondheim_and_vinje_border_on_whom_they_do() {
        // Bærum, Lillestrøm, Nordre Follo, Enebakk, Lørenskog, Nittedal, Lunner, Ringerike: over
        // Nordmarka to Lunner and Ringerike; Asker and Nesodden lie across the fjord.
        assert_eq!(of("0301"), ["3201", "3205", "3207", "3220", "3222", "3232", "3234", "3305"]);
        // Melhus, Malvik and (through Klæbu, merged in 2020) Selbu; Skaun and Indre Fosen lie
        // across the fjord.
        assert_eq!(of("5001"), ["5028", "5031", "5032"]);
        assert!(of("5031").contains(&"5001"));
        // Suldal, Nore og Uvdal, Seljord, Tinn, Tokke, Bykle, Ullensvang; Eidfjord only at a
        // four-corner point (below).
        assert_eq!(of("4036"), ["1134", "3338", "4022", "4026", "4034", "4222", "4618"]);
    }

    #[test]
    fn neighbours_are_symmetric_and_never_the_kommune_itself() {
        for (a, ns) in &vendored().neighbours {
            assert!(!ns.contains(a), "{a} is its own neighbour");
            for b in ns {
                assert!(vendored().neighbours[b].contains(a), "{a} borders {b}, not {b} {a}");
            }
        }
    }

    #[test]
    fn island_kommuner_have_no_neighbours() {
        // Utsira, Kvitsøy, Røst, Værøy, Træna, Fedje, and Hvaler, Færder, Vestvågøy.
        for code in ["1151", "1144", "1856", "1857", "1835", "4633", "3110", "3911", "1860"] {
            assert_eq!(of(code), Vec::<&str>::new(), "{code}");
        }
        let alone: Vec<&str> = vendored().neighbours.iter().filter(|(_, n)| n.is_empty()).map(|(c, _)| c.as_str()).collect();
        assert_eq!(alone.len(), 26, "{alone:?}");
        assert!(!of("4601").is_empty(), "Bergen borders on the mainland kommuner around it");
    }

    /// The six four-corner points of the file: at each, four kommuner meet in one vertex, and
    /// the two diagonal pairs share nothing else.
    #[test]
    fn a_four_corner_point_is_no_border() {
        let touches = &vendored().point_touches;
        assert_eq!(touches.len(), 12, "{touches:?}");
        for (a, b) in [("4036", "4619"), ("3338", "4618"), ("3301", "3316"), ("3312", "3314"), ("5034", "5037"), ("5607", "5630")] {
            assert!(touches.contains(&(a.to_string(), b.to_string())), "{a} {b} meet at a point");
            assert!(!of(a).contains(&b), "{a} {b}");
        }
        // The other diagonal of Vinje's point is a border: Nore og Uvdal–Vinje, Vinje–Ullensvang.
        assert!(of("4036").contains(&"3338") && of("4036").contains(&"4618"));
    }

    /// Two squares side by side, a third touching one at a corner only, a fourth an island.
    #[test]
    fn a_small_file() {
        let square = |x: f64, y: f64| format!("[[{x},{y}],[{},{y}],[{},{}],[{x},{}],[{x},{y}]]", x + 1.0, x + 1.0, y + 1.0, y + 1.0);
        // With what else GeoJSON and this file's features have: a name, an id, a bounding box.
        let feature = |code: &str, geometry: String| {
            format!(r#"{{"type":"Feature","id":1,"properties":{{"id":"{code}","kommunenummer":"{code}","kommunenavn":"Å"}},"geometry":{geometry}}}"#)
        };
        let polygon = |x, y| format!(r#"{{"type":"Polygon","bbox":[0,0,1,1],"coordinates":[{}]}}"#, square(x, y));
        let text = format!(
            r#"{{"type":"FeatureCollection","features":[{},{},{},{}]}}"#,
            feature("0001", polygon(0.0, 0.0)),
            feature("0002", polygon(1.0, 0.0)),
            feature("0003", format!(r#"{{"type":"MultiPolygon","coordinates":[[{}],[{}]]}}"#, square(2.0, 1.0), square(9.0, 9.0))),
            feature("0004", polygon(5.0, 5.0)),
        );
        let b = parse(&text).unwrap();
        let list = |c: &str| b.neighbours[c].iter().map(String::as_str).collect::<Vec<_>>();
        assert_eq!(list("0001"), ["0002"]);
        assert_eq!(list("0002"), ["0001"]);
        assert_eq!(list("0003"), Vec::<&str>::new());
        assert_eq!(list("0004"), Vec::<&str>::new());
        assert_eq!(b.point_touches, BTreeSet::from([("0002".to_string(), "0003".to_string())]));
        assert_eq!(b.shared_segments, 1);
    }

    #[test]
    fn a_malformed_file_says_what_is_wrong() {
        let cases = [
            ("", "EOF"),
            (r#"{"type":"Topology","features":[]}"#, "FeatureCollection"),
            (r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kommunenummer":301},"geometry":null}]}"#, "line 1 column"),
            (r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[]}}]}"#, "kommunenummer"),
            (r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kommunenummer":"301"},"geometry":{"type":"Polygon","coordinates":[]}}]}"#, "not four digits"),
            (r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kommunenummer":"0301"},"geometry":{"type":"Point","coordinates":[1,2]}}]}"#, "Point"),
            (r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kommunenummer":"0301"},"geometry":{"type":"Polygon","coordinates":[]}}]}"#, "no ring"),
            (r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kommunenummer":"0301"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,2]]]}}]}"#, "does not end where it starts"),
            (r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kommunenummer":"0301"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}}]}"#, "at least four"),
            (r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kommunenummer":"0301"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1],[1,1],[0,0]]]}}]}"#, "without longitude and latitude ([1.0])"),
            (r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kommunenummer":"0301"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},{"type":"Feature","properties":{"kommunenummer":"0301"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}"#, "feature 1 as well"),
        ];
        for (text, says) in cases {
            let e = parse(text).err().unwrap_or_else(|| panic!("{text:?} parsed"));
            assert!(e.contains(says), "{text:?}: {e}");
        }
        // Cut short anywhere, the real file is an error, never a panic.
        let text = vendored_text();
        for end in [1, 100, text.len() / 2, text.len() - 3] {
            let end = (end..text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(end);
            assert!(parse(&text[..end]).is_err());
        }
    }
}
