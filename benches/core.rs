//! The native core, every kommune: the goal view's figures (comparison, table, notes) and its
//! chart as SVG. `cargo bench --bench core`. Not a test: see BENCHMARKS.md.

use criterion::{criterion_group, criterion_main, Criterion};
use intro_status::chart::goal_svg;
use intro_status::data::Dataset;
use intro_status::outcome::goal_comparison;
use intro_status::text::{goal_notes, goal_table, Lang};
use std::hint::black_box;
use std::time::Duration;

fn every_kommune(c: &mut Criterion) {
    let ds = Dataset::embedded();
    let codes: Vec<&str> = ds.kommuner().map(|r| r.region.code.as_str()).collect();
    assert!(codes.len() > 400, "only {} kommuner", codes.len());

    let mut group = c.benchmark_group(format!("goal view, all {} kommuner", codes.len()));
    group.bench_function("figures: comparison + table + notes", |b| {
        b.iter(|| {
            for code in &codes {
                let view = goal_comparison(ds, black_box(code)).expect("every kommune has a view");
                black_box(goal_table(&view, Lang::Nb));
                black_box(goal_notes(&view, Lang::Nb));
            }
        })
    });
    group.bench_function("figures + SVG chart 720×420", |b| {
        b.iter(|| {
            for code in &codes {
                let view = goal_comparison(ds, black_box(code)).expect("every kommune has a view");
                black_box(goal_table(&view, Lang::Nb));
                black_box(goal_notes(&view, Lang::Nb));
                black_box(goal_svg(&view, Lang::Nb, 720, 420));
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
