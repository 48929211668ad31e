//! Today's kommuner as a map, as the build makes them from the repository's `data/` (KLASS 131's
//! map of 2024 and Kartverket's polygons of 2024) and as the codec carries them: topology,
//! geography, size. How they are made is in `src/shapes.rs`.

mod common;

use common::map_of;
use intro_status_import::model::{Dataset, Shapes};
use intro_status_import::shapes::{self, Params};
use intro_status_import::{codec, import, neighbours};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn data_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

fn data() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| import::import_data(&data_root()).unwrap_or_else(|e| panic!("data/{e}")))
}

fn polygons() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let path = data_root().join(neighbours::FILE);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    })
}

fn built() -> &'static shapes::Map {
    static MAP: OnceLock<shapes::Map> = OnceLock::new();
    MAP.get_or_init(|| shapes::build(polygons(), &data().map, &Params::default()).unwrap().expect("a map of 2024"))
}

fn gzip(bytes: &[u8]) -> usize {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap().len()
}

fn shapes() -> &'static Shapes {
    data().map.shapes.get()
}

/// The import gives the map these shapes (with the default parameters), one per kommune of
/// KLASS 131's map of 2024.
#[test]
fn the_import_gives_every_kommune_of_today_a_shape() {
    assert_eq!((data().map.version, data().map.kommuner.len()), (2024, 357));
    assert!(*shapes() == built().shapes);
    let m = built();
    println!("{:?}, unit {} m, {} × {} units, origin {:?}", m.stats, shapes().unit_m, shapes().width, shapes().height, m.origin);
}

/// Pairs of segments of the map's arcs that cross (each at a point inside both), which
/// simplification can make where two lines run close: a fjord's two shores, a narrow sound.
fn crossings(s: &Shapes) -> Vec<(usize, usize)> {
    const CELL: i32 = 64;
    let segments: Vec<(usize, [i32; 2], [i32; 2])> =
        s.arcs.iter().enumerate().flat_map(|(a, arc)| arc.windows(2).map(move |w| (a, w[0], w[1]))).collect();
    let mut grid: BTreeMap<(i32, i32), Vec<usize>> = BTreeMap::new();
    for (i, (_, p, q)) in segments.iter().enumerate() {
        for x in p[0].min(q[0]) / CELL..=p[0].max(q[0]) / CELL {
            for y in p[1].min(q[1]) / CELL..=p[1].max(q[1]) / CELL {
                grid.entry((x, y)).or_default().push(i);
            }
        }
    }
    let cross = |o: [i32; 2], a: [i32; 2], b: [i32; 2]| {
        ((a[0] - o[0]) as i64 * (b[1] - o[1]) as i64 - (a[1] - o[1]) as i64 * (b[0] - o[0]) as i64).signum()
    };
    let mut found = BTreeSet::new();
    for cell in grid.values() {
        for (n, &i) in cell.iter().enumerate() {
            for &j in &cell[n + 1..] {
                let ((a, p, q), (b, r, t)) = (segments[i], segments[j]);
                let proper = cross(p, q, r) * cross(p, q, t) < 0 && cross(r, t, p) * cross(r, t, q) < 0;
                if proper {
                    found.insert((a.min(b), a.max(b)));
                }
            }
        }
    }
    found.into_iter().collect()
}

/// Detail against bytes, for choosing [`Params`]: `cargo test -p intro-status-import --test
/// shapes -- --ignored --nocapture`.
#[test]
#[ignore]
fn trade_off() {
    let base = Params::default();
    let mut tries = vec![base.clone()];
    for t in [500.0, 750.0, 1000.0, 1250.0, 1500.0, 2000.0] {
        for o in [150.0, 250.0, 400.0] {
            tries.push(Params { tolerance_m: t, oslo_tolerance_m: o, ..base.clone() });
        }
    }
    tries.push(Params { tolerance_m: 1.0, oslo_tolerance_m: 1.0, ..base.clone() });
    for u in [125, 200, 250] {
        tries.push(Params { unit_m: u, ..base.clone() });
    }
    for i in [5.0, 10.0, 20.0, 50.0, 100.0] {
        tries.push(Params { min_island_km2: i, ..base.clone() });
    }
    // Where the default's arcs cross, by the kommuner that walk them.
    let s = &built().shapes;
    let walkers = |a: usize| -> Vec<&str> {
        (0..s.kommuner.len())
            .filter(|&k| s.kommuner[k].rings.iter().flatten().any(|&r| (if r < 0 { !r } else { r }) as usize == a))
            .map(|k| data().map.kommuner[k].code.as_str())
            .collect()
    };
    for (a, b) in crossings(s) {
        println!("arc {a} {:?} crosses arc {b} {:?} near {:?}", walkers(a), walkers(b), s.arcs[a][0]);
    }
    for p in tries {
        let t = std::time::Instant::now();
        let m = shapes::build(polygons(), &data().map, &p).unwrap().unwrap();
        let took = t.elapsed();
        let bytes = codec::shapes_section(&m.shapes, data().map.kommuner.len());
        println!(
            "unit {:>3} m, tolerance {:>5} m (Oslo {:>4} m), islands ≥ {:>3} km²: rings {:>4}/{}, arcs {:>4}/{}, points {:>5}/{}, {:>6} bytes, gzip {:>6}, {} crossing arcs ({took:.0?})",
            p.unit_m,
            p.tolerance_m,
            p.oslo_tolerance_m,
            p.min_island_km2,
            m.stats.rings_out,
            m.stats.rings_in,
            m.stats.arcs_out,
            m.stats.arcs_in,
            m.stats.points_out,
            m.stats.points_in,
            bytes.len(),
            gzip(&bytes),
            crossings(&m.shapes).len()
        );
    }
}

/// The map as an SVG in the temporary directory, each kommune in a colour of its own, its label a
/// dot, and the Oslo area beside it at 3 pixels per kilometre, to look at: `cargo test -p
/// intro-status-import --test shapes -- --ignored draw`.
#[test]
#[ignore]
fn draw() {
    let s = &built().shapes;
    let path_of = |k: usize, scale: f64, dx: f64, dy: f64| {
        let mut d = String::new();
        for ring in &s.kommuner[k].rings {
            for (i, p) in s.ring(ring).iter().enumerate() {
                d += &format!("{}{:.1},{:.1} ", if i == 0 { "M" } else { "L" }, p[0] as f64 * scale + dx, p[1] as f64 * scale + dy);
            }
            d += "Z ";
        }
        d
    };
    // The whole map at a pixel per 4 units (1 km), the inset 900 pixels wide around Oslo's label.
    let (whole, inset, side) = (0.25, 3.0 * s.unit_m as f64 / 1000.0, 900.0);
    let oslo = label("0301");
    let (ox, oy) = (s.width as f64 * whole + 20.0 - oslo[0] as f64 * inset + side / 2.0, -(oslo[1] as f64) * inset + side / 2.0);
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}"><rect width="100%" height="100%" fill="white"/><clipPath id="c"><rect x="{}" y="0" width="{side}" height="{side}"/></clipPath>"#,
        s.width as f64 * whole + 20.0 + side,
        s.height as f64 * whole,
        s.width as f64 * whole + 20.0
    );
    for k in 0..s.kommuner.len() {
        let colour = format!("hsl({},60%,70%)", (k * 137) % 360);
        let l = s.kommuner[k].label;
        svg += &format!(r#"<path d="{}" fill="{colour}" stroke="black" stroke-width="0.3"/>"#, path_of(k, whole, 0.0, 0.0));
        svg += &format!(r#"<circle cx="{}" cy="{}" r="1"/>"#, l[0] as f64 * whole, l[1] as f64 * whole);
        svg += &format!(r#"<g clip-path="url(#c)"><path d="{}" fill="{colour}" stroke="black" stroke-width="0.5"/>"#, path_of(k, inset, ox, oy));
        svg += &format!(r#"<circle cx="{}" cy="{}" r="2"/></g>"#, l[0] as f64 * inset + ox, l[1] as f64 * inset + oy);
    }
    let path = std::env::temp_dir().join("intro-status-shapes.svg");
    std::fs::write(&path, svg + "</svg>").unwrap();
    println!("{}", path.display());
    // The same as JSON, per kommune its rings' points and its label, for other tools.
    let json: Vec<String> = (0..s.kommuner.len())
        .map(|k| {
            let rings: Vec<String> = s.kommuner[k].rings.iter().map(|r| format!("{:?}", s.ring(r))).collect();
            format!(r#"{{"code":"{}","label":{:?},"rings":[{}]}}"#, data().map.kommuner[k].code, s.kommuner[k].label, rings.join(","))
        })
        .collect();
    std::fs::write(std::env::temp_dir().join("intro-status-shapes.json"), format!("[{}]", json.join(","))).unwrap();
}

fn index(code: &str) -> usize {
    data().map.kommuner.iter().position(|k| k.code == code).unwrap_or_else(|| panic!("no kommune {code}"))
}

fn label(code: &str) -> [i32; 2] {
    built().shapes.kommuner[index(code)].label
}

/// A ring's arcs in walking order, each as its points.
fn walked(s: &Shapes, ring: &[i32]) -> Vec<Vec<[i32; 2]>> {
    ring.iter()
        .map(|&r| {
            let mut arc = s.arcs[if r < 0 { !r } else { r } as usize].clone();
            if r < 0 {
                arc.reverse();
            }
            arc
        })
        .collect()
}

/// Twice a ring's area in units² (its first point not repeated).
fn area2(points: &[[i32; 2]]) -> i64 {
    (0..points.len())
        .map(|i| {
            let (a, b) = (points[i], points[(i + 1) % points.len()]);
            a[0] as i64 * b[1] as i64 - b[0] as i64 * a[1] as i64
        })
        .sum()
}

fn inside(p: [i32; 2], ring: &[[i32; 2]]) -> bool {
    let (x, y) = (p[0] as f64, p[1] as f64);
    let mut inside = false;
    for i in 0..ring.len() {
        let (a, b) = (ring[i].map(f64::from), ring[(i + 1) % ring.len()].map(f64::from));
        if (a[1] > y) != (b[1] > y) && x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0] {
            inside = !inside;
        }
    }
    inside
}

#[test]
fn every_ring_is_closed_and_on_the_map() {
    let s = shapes();
    assert_eq!(s.kommuner.len(), 357);
    assert!(s.unit_m > 0 && s.unit_m <= 250 && s.width > 0 && s.height > 0);
    let on_map = |p: [i32; 2]| (0..=s.width).contains(&p[0]) && (0..=s.height).contains(&p[1]);
    for arc in &s.arcs {
        assert!(arc.len() >= 2, "an arc of {} points", arc.len());
        assert!(arc.windows(2).all(|w| w[0] != w[1]), "a repeated point in {arc:?}");
        assert!(arc.iter().all(|&p| on_map(p)), "{arc:?} leaves the map");
    }
    // The map is the bounding box: each of its edges has a point on it.
    let points = || s.arcs.iter().flatten();
    assert_eq!((points().map(|p| p[0]).min(), points().map(|p| p[0]).max()), (Some(0), Some(s.width)));
    assert_eq!((points().map(|p| p[1]).min(), points().map(|p| p[1]).max()), (Some(0), Some(s.height)));
    for (k, shape) in data().map.kommuner.iter().zip(&s.kommuner) {
        assert!(!shape.rings.is_empty(), "{} has no ring", k.code);
        let mut areas = Vec::new();
        for ring in &shape.rings {
            let arcs = walked(s, ring);
            for pair in arcs.windows(2) {
                assert_eq!(pair[0].last(), pair[1].first(), "{}: an arc starts elsewhere than the one before ends", k.code);
            }
            assert_eq!(arcs.last().unwrap().last(), arcs[0].first(), "{}: a ring does not close", k.code);
            let points = s.ring(ring);
            let mut distinct = points.clone();
            distinct.sort();
            distinct.dedup();
            assert!(distinct.len() >= 3 && area2(&points) != 0, "{}: a ring less than a triangle: {points:?}", k.code);
            areas.push(area2(&points).abs());
        }
        assert!(areas.windows(2).all(|w| w[0] >= w[1]), "{}: rings not largest first: {areas:?}", k.code);
        assert!(on_map(shape.label) && inside(shape.label, &s.ring(&shape.rings[0])), "{}: label {:?} not in its largest ring", k.code, shape.label);
    }
}

/// Each stretch of border is one arc that the kommuner on its two sides walk in opposite
/// directions; a stretch of coast is walked by its kommune alone.
#[test]
fn every_arc_is_walked_once_or_by_two_kommuner_in_opposite_directions() {
    let s = shapes();
    let mut uses: Vec<Vec<(usize, bool)>> = vec![Vec::new(); s.arcs.len()];
    for (k, shape) in s.kommuner.iter().enumerate() {
        for &r in shape.rings.iter().flatten() {
            uses[if r < 0 { !r } else { r } as usize].push((k, r < 0));
        }
    }
    let (mut coast, mut border) = (0, 0);
    for (a, u) in uses.iter().enumerate() {
        match u.as_slice() {
            [_] => coast += 1,
            [(k, x), (l, y)] => {
                assert!(k != l && x != y, "arc {a}: {u:?}");
                border += 1;
            }
            _ => panic!("arc {a} is walked {} times", u.len()),
        }
    }
    println!("{coast} arcs of coast, {border} of border");
}

/// The kommuner that walk a common arc are exactly the neighbours of [`neighbours`]: every
/// border survived simplification as a line both sides share.
#[test]
fn the_arcs_border_on_whom_the_polygons_do() {
    let s = shapes();
    let codes: Vec<&String> = data().map.kommuner.iter().map(|k| &k.code).collect();
    let mut walkers: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); s.arcs.len()];
    for (k, shape) in s.kommuner.iter().enumerate() {
        for &r in shape.rings.iter().flatten() {
            walkers[if r < 0 { !r } else { r } as usize].insert(k);
        }
    }
    let mut from_arcs: BTreeMap<String, BTreeSet<String>> = codes.iter().map(|&c| (c.clone(), BTreeSet::new())).collect();
    for w in walkers.iter().filter(|w| w.len() == 2) {
        let v: Vec<usize> = w.iter().copied().collect();
        from_arcs.get_mut(codes[v[0]]).unwrap().insert(codes[v[1]].clone());
        from_arcs.get_mut(codes[v[1]]).unwrap().insert(codes[v[0]].clone());
    }
    let borders = neighbours::parse(polygons()).unwrap();
    assert!(from_arcs == borders.neighbours, "the map's borders differ from the polygons'");
    assert_eq!(from_arcs.values().map(BTreeSet::len).sum::<usize>(), 2 * 736);
}

#[test]
fn the_map_is_norway() {
    let s = shapes();
    let (oslo, trondheim, vardo) = (label("0301"), label("5001"), label("5634"));
    assert!(oslo[1] > trondheim[1], "Oslo {oslo:?} lies south of Trondheim {trondheim:?}");
    assert!(oslo[0] < vardo[0], "Oslo {oslo:?} lies west of Vardø {vardo:?}");
    // The kommune with the map's southernmost and easternmost points.
    let extreme = |by: &dyn Fn([i32; 2]) -> i32| {
        let k = (0..s.kommuner.len())
            .max_by_key(|&k| s.kommuner[k].rings.iter().flat_map(|r| s.ring(r)).map(by).max())
            .unwrap();
        data().map.kommuner[k].code.as_str()
    };
    let south = extreme(&|p| p[1]);
    assert!(south == "4205" || south == "4204", "the southernmost kommune is {south}");
    // Sør-Varanger is 5605 (5626 is Gamvik, on the coast farther north and west).
    assert_eq!(extreme(&|p| p[0]), "5605", "Sør-Varanger is the easternmost");
    assert_eq!(data().map.kommuner[index("5605")].name, "Sør-Varanger");
    // Back to UTM 33 through the grid: Oslo's label is in Oslo (its centre lies near E 262 000,
    // N 6 650 000; the label is where the kommune is widest, in Nordmarka or the city).
    let m = built();
    let (e, n) = (m.origin[0] + oslo[0] as f64 * s.unit_m as f64, m.origin[1] - oslo[1] as f64 * s.unit_m as f64);
    let off = (e - 262_000.0).hypot(n - 6_650_000.0);
    assert!(off < 15_000.0, "Oslo's label at E {e:.0}, N {n:.0}: {off:.0} m from its centre");
    // And the projection itself: Oslo's centre (10.75° E, 59.91° N).
    let [e, n] = shapes::utm33(10.75, 59.91);
    assert!((e - 262_000.0).abs() < 2_000.0 && (n - 6_650_000.0).abs() < 2_000.0, "E {e:.0}, N {n:.0}");
}

/// The section the shapes add to the embedded data, gzipped as the page ships it, stays within
/// its budget (the issue allows 25 KB; see `trade_off` for what detail costs).
#[test]
fn the_shapes_stay_within_their_budget() {
    let bytes = codec::shapes_section(shapes(), data().map.kommuner.len());
    let gz = gzip(&bytes);
    println!("shapes section: {} bytes, {gz} gzipped (-9); {} arcs, {} points", bytes.len(), shapes().arcs.len(), built().stats.points_out);
    assert!(gz <= 20_000, "the shapes grew to {gz} bytes gzipped");
}

/// The shapes survive the codec, whole and one year after alike.
#[test]
fn the_shapes_round_trip_through_the_codec() {
    let ds = data();
    let bytes = codec::encode(ds);
    let back = codec::decode(&bytes).unwrap();
    assert!(back.map.shapes == ds.map.shapes, "the codec changes the shapes");
    assert!(back == *ds);
    assert!(codec::decode_one_year_after(&bytes).unwrap().map.shapes == ds.map.shapes);
    // What the shapes add to the decoding every first chart waits for, now that they are
    // decoded when first drawn (a copy of their bytes), and what drawing them first costs
    // (a debug build is much slower than the wasm's release build).
    let mut bare = ds.clone();
    bare.map.shapes = Default::default();
    let bare_bytes = codec::encode(&bare);
    let time = |bytes: &[u8]| {
        let t = std::time::Instant::now();
        for _ in 0..5 {
            codec::decode_one_year_after(bytes).unwrap();
        }
        t.elapsed() / 5
    };
    let first_drawn = {
        let t = std::time::Instant::now();
        assert!(!codec::decode_one_year_after(&bytes).unwrap().map.shapes.get().arcs.is_empty());
        t.elapsed()
    };
    println!("decoding one year after: {:.2?} with the shapes, {:.2?} without; {first_drawn:.2?} with them decoded", time(&bytes), time(&bare_bytes));
}

/// Corrupt bytes in the shapes section give an error (the data's, or the shapes' when first
/// drawn: then no map) or other shapes, never a panic. On the
/// map with a few regions of figures, which the map does not need, so that each decoding is
/// quick.
#[test]
fn corrupt_shapes_do_not_panic() {
    let mut ds = data().clone();
    ds.regions.truncate(8);
    let bytes = codec::encode(&ds);
    assert!(codec::decode(&bytes).unwrap() == ds);
    let section = codec::shapes_section(ds.map.shapes.get(), ds.map.kommuner.len());
    let start = bytes.windows(section.len()).position(|w| w == section.as_slice()).expect("the section is in the data");
    let mut decoded = 0;
    // About a hundred places through the section (each decoding takes milliseconds in a debug build).
    for at in (start..start + section.len()).step_by(section.len() / 97) {
        for value in [0x00, 0x01, 0x7f, 0xff] {
            let mut bad = bytes.clone();
            bad[at] = value;
            // The shapes are decoded when first asked for: this asks.
            decoded += codec::decode_one_year_after(&bad).is_ok_and(|d| d.map.shapes.error().is_none()) as usize;
        }
        assert!(codec::decode(&bytes[..at]).is_err());
    }
    println!("{decoded} corrupt copies decoded to other shapes");
}

// --- The rules of `add_shapes`, on data directories of their own ----------------------------

fn scratch(name: &str, geojson: Option<&str>) -> PathBuf {
    common::scratch("shapes", name, geojson)
}

/// Near Oslo: 0001 and 0002 two squares of 0.1° side by side, 0003 an island square apart, and
/// 0002 with a small island too (0.01°, about half a km², left out).
fn small_file() -> String {
    let square = |x: f64, y: f64, side: f64| {
        format!("[[{x},{y}],[{},{y}],[{},{}],[{x},{}],[{x},{y}]]", x + side, x + side, y + side, y + side)
    };
    let feature = |code: &str, polygons: Vec<String>| {
        let polygons: Vec<String> = polygons.into_iter().map(|p| format!("[{p}]")).collect();
        format!(r#"{{"type":"Feature","properties":{{"kommunenummer":"{code}"}},"geometry":{{"type":"MultiPolygon","coordinates":[{}]}}}}"#, polygons.join(","))
    };
    format!(
        r#"{{"type":"FeatureCollection","features":[{},{},{}]}}"#,
        feature("0001", vec![square(10.5, 59.8, 0.1)]),
        feature("0002", vec![square(10.6, 59.8, 0.1), square(10.75, 59.85, 0.01)]),
        feature("0003", vec![square(11.0, 59.8, 0.1)]),
    )
}

#[test]
fn a_small_file_gives_three_arcs_and_an_island() {
    let dir = scratch("small", Some(&small_file()));
    let mut map = map_of(2024, &["0001", "0002", "0003"]);
    import::add_shapes(&dir, &mut map).unwrap();
    let s = map.shapes.get();
    // The border, the coast of each square beside it, the island: one arc each.
    assert_eq!(s.arcs.len(), 4, "{:?}", s.arcs);
    assert_eq!(s.kommuner.iter().map(|k| k.rings.len()).collect::<Vec<_>>(), [1, 1, 1]);
    assert_eq!(s.kommuner[0].rings[0].len(), 2);
    assert_eq!(s.kommuner[2].rings[0].len(), 1);
    let island = &s.arcs[s.kommuner[2].rings[0][0] as usize];
    assert_eq!((island.len(), island.first(), s.ring(&s.kommuner[2].rings[0]).len()), (5, island.last(), 4));
    // The border: walked by 0001 and (reversed) by 0002, the meridian 10.6° E for 0.1°: 11.1 km
    // long, 3.8° off the grid's north (the meridians converge on 15° E).
    let border: Vec<i32> = s.kommuner[0].rings[0].iter().filter(|r| s.kommuner[1].rings[0].contains(&!**r)).copied().collect();
    assert_eq!(border.len(), 1);
    let line = &s.arcs[if border[0] < 0 { !border[0] } else { border[0] } as usize];
    let (dx, dy) = ((line[1][0] - line[0][0]) as f64, (line[1][1] - line[0][1]) as f64);
    assert_eq!(line.len(), 2);
    assert!((dx.hypot(dy) * s.unit_m as f64 - 11_100.0).abs() < 300.0, "{line:?}");
    assert!(((dx / dy).atan().to_degrees().abs() - 3.8).abs() < 1.5, "{line:?}");
    // 0003 lies east of 0001, and the labels in the middle of the squares.
    assert!(s.kommuner[2].label[0] > s.kommuner[0].label[0]);
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn without_the_polygons_or_for_an_older_map_there_are_no_shapes() {
    let dir = scratch("absent", None);
    let mut map = map_of(2024, &["0001", "0002", "0003"]);
    import::add_shapes(&dir, &mut map).unwrap();
    assert!(*map.shapes.get() == Shapes::default());
    std::fs::remove_dir_all(dir).ok();
    let dir = scratch("old", Some(&small_file()));
    let mut old = map_of(2023, &["0001", "0009"]);
    import::add_shapes(&dir, &mut old).unwrap();
    assert!(*old.shapes.get() == Shapes::default());
    // Without shapes, the section is one byte and the map still round trips.
    assert_eq!(codec::shapes_section(old.shapes.get(), 2), [0]);
    // A map of 2024 with other kommuner is an error naming the file.
    let e = import::add_shapes(&dir, &mut map_of(2024, &["0001", "0002"])).unwrap_err().to_string();
    assert!(e.starts_with(neighbours::FILE) && e.contains("kommuner of the file not in KLASS 131 version 2024: 1 (0003)"), "{e}");
    std::fs::remove_dir_all(dir).ok();
}
