//! The native core, every kommune × every view: figures, table and summary, and the chart as
//! SVG. `cargo bench --bench core`. Not a test: see BENCHMARKS.md.

use criterion::{criterion_group, criterion_main, Criterion};
use intro_status::chart::LIGHT;
use intro_status::data::{Dataset, Embedded};
use intro_status::place::Place;
use intro_status::text::Lang;
use intro_status::views::{Opened, ViewKind};
use std::hint::black_box;
use std::time::Duration;

fn every_kommune(c: &mut Criterion) {
    let ds = Dataset::embedded();
    let codes: Vec<&str> = ds.map.kommuner.iter().map(|k| k.code.as_str()).collect();
    assert_eq!(codes.len(), 357);

    let mut group = c.benchmark_group(format!("every view, all {} kommuner", codes.len()));
    group.bench_function("figures + table + summary", |b| {
        b.iter(|| {
            for code in &codes {
                for kind in ViewKind::ALL {
                    let place = Place::resolve(ds, black_box(code)).expect("today's kommune");
                    let view = Opened::open(ds, &place, kind, None, Lang::Nb).expect("every kommune has every view");
                    black_box(view.text());
                }
            }
        })
    });
    group.bench_function("figures + table + summary + SVG chart 720×420", |b| {
        b.iter(|| {
            for code in &codes {
                for kind in ViewKind::ALL {
                    let place = Place::resolve(ds, black_box(code)).expect("today's kommune");
                    let view = Opened::open(ds, &place, kind, None, Lang::Nb).expect("every kommune has every view");
                    black_box(view.text());
                    black_box(view.svg(&LIGHT, 720, 420));
                }
            }
        })
    });
    group.finish();
}

criterion_group! {
    name = core;
    // Quick: a few seconds in all on two cores.
    config = Criterion::default().sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = every_kommune
}
criterion_main!(core);
