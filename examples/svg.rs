//! Renders the goal view natively to SVG: `cargo run --example svg -- 0301 > oslo.svg`.
fn main() {
    let code = std::env::args().nth(1).unwrap_or("0301".into());
    let ds = intro_status::data::Dataset::embedded();
    let v = intro_status::outcome::goal_view(ds, &code).expect("known code");
    print!("{}", intro_status::chart::goal_svg(&v, intro_status::text::Lang::Nb, 720, 420));
}
