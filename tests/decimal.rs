//! The widget's one-decimal numbers (`text::format_decimal`, written without std's float
//! formatting, which would bring ~18 KB into the wasm) against `format!("{:.1}")`: on every
//! share and 95 % interval bound of up to 1 500 completers, on exact ties, and on values drawn
//! from the whole range of doubles.

use intro_status::outcome::stats::wilson;
use intro_status::text::{format_decimal, Lang};

fn std_nb(v: f64) -> String {
    format!("{v:.1}").replace('.', ",")
}

fn check(v: f64) {
    assert_eq!(format_decimal(v, Lang::En), format!("{v:.1}"), "{v:e} ({:#x})", v.to_bits());
}

#[test]
fn every_share_and_interval_bound_as_std_prints_it() {
    for n in 1..=1500u32 {
        for x in 0..=n {
            check(100.0 * x as f64 / n as f64);
            // The interval's bounds as the widget prints them: in per cent.
            let (lo, hi) = wilson(x, n).unwrap();
            check(100.0 * lo);
            check(100.0 * hi);
        }
    }
}

#[test]
fn ties_go_to_the_even_tenth_as_in_std() {
    // k/20 is exact where the binary allows it (0.25, 0.75, 1.25 …): a true tie.
    for k in 0..=4000u32 {
        check(k as f64 / 20.0);
        check(k as f64 * 0.05);
    }
    assert_eq!(format_decimal(0.25, Lang::En), "0.2");
    assert_eq!(format_decimal(0.75, Lang::En), "0.8");
    assert_eq!(format_decimal(62.15, Lang::Nb), std_nb(62.15));
}

#[test]
fn any_double_as_std_prints_it() {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..400_000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let v = f64::from_bits(state);
        if v.is_finite() && v.abs() < 1e15 {
            check(v);
        }
        // And a value of the size the widget shows, with random low bits.
        check((state >> 11) as f64 / (1u64 << 53) as f64 * 100.0);
    }
    for v in [0.0, -0.0, -0.04, -0.05, -0.06, 1e-300, 5e-324, 0.05, 0.049_999_999_999_999_996, 99.95, 99.949_999_999_999_99, 1e14 + 0.05] {
        check(v);
    }
    assert_eq!(format_decimal(49.55, Lang::Nb), std_nb(49.55));
    assert_eq!(format_decimal(62.0, Lang::Nb), "62,0");
    assert_eq!(format_decimal(f64::NAN, Lang::Nb), "NaN");
}
