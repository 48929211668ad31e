//! Prints the figures of the views after the first for a place: `cargo run --example views -- 0301`.
use intro_status::data::Embedded;
use intro_status::place::Place;
use intro_status::views::{country::country_view, followup::*, similar::similar_view, status::status_view, uncertainty::uncertainty_view};
fn main() {
    let ds = intro_status::data::Dataset::embedded();
    println!("{:?}", country_view(ds));
    println!("{:?}", follow_up_cohorts(ds));
    let code = std::env::args().nth(1).unwrap_or("0301".into());
    let place = Place::resolve(ds, &code).expect("known code");
    println!("{:#?}", status_view(ds, &place, None));
    println!("{:?}", follow_up_view(ds, &place, None));
    println!("{:?}", uncertainty_view(ds, &place));
    let s = similar_view(ds, &place).unwrap();
    println!("own {:?}", s.own);
    for p in s.peers {
        println!("  {} {} {:?}", p.code, p.name, p.pooled);
    }
}
