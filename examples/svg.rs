//! Renders a view natively to SVG: `cargo run --example svg -- 0301 goal [cohort] [nb|nn|en] [dark]`.
use intro_status::outcome::views::{view_data, ViewKind};
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = args.first().map_or("0301", String::as_str);
    let kind = ViewKind::parse(args.get(1).map_or("goal", String::as_str)).expect("view");
    let cohort = args.get(2).and_then(|c| c.parse().ok());
    let lang = intro_status::text::Lang::parse(args.get(3).map_or("nb", String::as_str)).unwrap();
    let theme = if args.get(4).is_some_and(|d| d == "dark") { &intro_status::chart::DARK } else { &intro_status::chart::LIGHT };
    let ds = intro_status::data::Dataset::embedded();
    let v = view_data(ds, kind, code, cohort).expect("known code");
    let text = intro_status::text::view_text(&v, lang);
    eprintln!("{}\n{:?}\n{:?}", text.summary, text.notes, text.table);
    print!("{}", intro_status::chart::svg(&v, lang, theme, 720, 420));
}
