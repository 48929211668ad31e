use intro_status::outcome::views::*;
fn main() {
    let ds = intro_status::data::Dataset::embedded();
    println!("{:?}", country_view(ds));
    println!("{:?}", follow_up_cohorts(ds));
    let code = std::env::args().nth(1).unwrap_or("0301".into());
    println!("{:#?}", status_view(ds, &code, None));
    println!("{:?}", follow_up_view(ds, &code, None));
    println!("{:?}", uncertainty_view(ds, &code));
    let s = similar_view(ds, &code).unwrap();
    println!("own {:?}", s.own);
    for p in s.peers { println!("  {} {} {:?}", p.code, p.name, p.pooled); }
}
