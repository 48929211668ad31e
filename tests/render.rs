//! Not a check: renders charts as SVG for a person to look at (`INTRO_STATUS_RENDER=DIR cargo
//! test --test render -- --ignored`), each view of a few kommuner at 720 and 360 px in the
//! widget's own layout for that width. Optional `INTRO_STATUS_CODES=5001,3203` and
//! `INTRO_STATUS_WIDTHS=720,300`.

mod common;

use common::{draw, fixture};
use intro_status::chart::{layout, svg_of, LIGHT};
use intro_status::place::Place;
use intro_status::text::Lang;
use intro_status::views::{view_data, ViewKind};

#[test]
#[ignore]
fn render_charts_to_look_at() {
    let Ok(dir) = std::env::var("INTRO_STATUS_RENDER") else { return };
    let codes = std::env::var("INTRO_STATUS_CODES").unwrap_or_else(|_| "5001,3203,4204,4036,1111,030101".into());
    let widths = std::env::var("INTRO_STATUS_WIDTHS").unwrap_or_else(|_| "720,360".into());
    std::fs::create_dir_all(&dir).unwrap();
    for code in codes.split(',') {
        let place = Place::resolve(fixture(), code).unwrap_or_else(|| panic!("{code} is no place"));
        for kind in ViewKind::ALL {
            let Some(v) = view_data(fixture(), kind, &place, None) else { continue };
            for width in widths.split(',').map(|w| w.parse::<u32>().unwrap()) {
                let l = layout(width as f64, 1.0);
                let drawing = draw(&v, Lang::Nb, &LIGHT, l.scale, (l.width, l.height));
                std::fs::write(format!("{dir}/{code}-{kind:?}-{width}.svg"), svg_of(drawing)).unwrap();
            }
        }
    }
}
