//! Renders a view natively to SVG: `cargo run --example svg -- 0301 goal [cohort] [nb|nn|en] [dark]`.
use intro_status::data::Embedded;
use intro_status::place::Place;
use intro_status::views::{Opened, ViewKind};
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = args.first().map_or("0301", String::as_str);
    let kind = ViewKind::parse(args.get(1).map_or("goal", String::as_str)).expect("view");
    let cohort = args.get(2).and_then(|c| c.parse().ok());
    let lang = intro_status::text::Lang::parse(args.get(3).map_or("nb", String::as_str)).unwrap();
    let theme = if args.get(4).is_some_and(|d| d == "dark") { &intro_status::chart::DARK } else { &intro_status::chart::LIGHT };
    let ds = intro_status::data::Dataset::embedded();
    let place = Place::resolve(ds, code).expect("known code");
    let v = Opened::open(ds, &place, kind, cohort, lang).expect("a view for it");
    let text = v.text();
    eprintln!("{}\n{:?}\n{:?}", text.summary, text.notes, text.table);
    print!("{}", v.svg(theme, 720, 420));
}
