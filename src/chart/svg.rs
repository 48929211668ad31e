//! A recorded [`Drawing`] as SVG: the download, the tests' view of a chart, the no-JS fallback and
//! the static rendering an editor pastes (`crate::embed`). Written here rather than by plotters'
//! SVG backend, because the drawing is already a display list of whole device pixels:
//!
//! - compact: integer coordinates, the font family once on the root, no attribute that restates a
//!   default, and each run of lines and open paths of one stroke merged into one `<path>` (same
//!   pixels, same paint order): a chart with its table fits in an HTML block;
//! - the text at the size the canvas draws it (plotters' backend divides it by 1.24);
//! - no float formatting: sizes and opacities are written from integers, which keeps Rust's float
//!   printing out of the wasm.

use super::record::{Drawing, Font, Op, Stroke};
use super::FONT;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, FontStyle, FontTransform};
use std::fmt::Write as _;

/// How the `<svg>` element opens: a document of its own (with `xmlns`, for a file) or inline in
/// HTML, scaled to the width of its box, with an accessible name.
pub enum SvgKind<'a> {
    Document,
    Inline { label: &'a str, style: &'a str },
}

/// The drawing as SVG, in CSS pixels of its recorded size.
pub fn write(drawing: &Drawing, kind: SvgKind<'_>) -> String {
    let (w, h) = drawing.size;
    let mut out = String::with_capacity(64 * drawing.ops.len());
    let _ = write!(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT}\"");
    match kind {
        SvgKind::Document => {
            let _ = write!(out, " width=\"{w}\" height=\"{h}\">");
        }
        SvgKind::Inline { label, style } => {
            let _ = write!(out, " role=\"img\" aria-label=\"{}\" style=\"{style}\">", escape(label));
        }
    }
    // The stroke of the path being built, and its `d`.
    let mut run: Option<(Stroke, String)> = None;
    for op in &drawing.ops {
        let segment = match op {
            Op::Line(a, b, _) => Some(format!("M{} {} {} {}", a.0, a.1, b.0, b.1)),
            Op::Path(points, _) if !points.is_empty() => Some(points.iter().enumerate().fold(String::new(), |mut d, (i, p)| {
                let _ = write!(d, "{}{} {}", if i == 0 { "M" } else { " " }, p.0, p.1);
                d
            })),
            _ => None,
        };
        if let (Some(seg), Op::Line(_, _, s) | Op::Path(_, s)) = (segment, op) {
            match &mut run {
                Some((r, d)) if same(r, s) => d.push_str(&seg),
                _ => {
                    flush(&mut run, &mut out);
                    run = Some((*s, seg));
                }
            }
            continue;
        }
        flush(&mut run, &mut out);
        match op {
            Op::Pixel(at, c) => {
                let _ = write!(out, "<rect x=\"{}\" y=\"{}\" width=\"1\" height=\"1\"{}/>", at.0, at.1, paint("fill", *c));
            }
            Op::Rect(ul, br, s, filled) => {
                let _ = write!(out, "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{}/>", ul.0, ul.1, br.0 - ul.0, br.1 - ul.1, fill_or_stroke(s, *filled));
            }
            Op::Circle(c, r, s, filled) => {
                let _ = write!(out, "<circle cx=\"{}\" cy=\"{}\" r=\"{r}\"{}/>", c.0, c.1, fill_or_stroke(s, *filled));
            }
            Op::Polygon(points, s) => {
                out.push_str("<polygon points=\"");
                for (i, p) in points.iter().enumerate() {
                    let _ = write!(out, "{}{},{}", if i == 0 { "" } else { " " }, p.0, p.1);
                }
                let _ = write!(out, "\"{}/>", paint("fill", s.color));
            }
            Op::Text(text, font, at) => text_element(&mut out, text, font, *at),
            Op::Line(..) | Op::Path(..) => {}
        }
    }
    flush(&mut run, &mut out);
    out.push_str("</svg>");
    out
}

fn same(a: &Stroke, b: &Stroke) -> bool {
    a.width == b.width && a.color.rgb == b.color.rgb && a.color.alpha == b.color.alpha
}

fn flush(run: &mut Option<(Stroke, String)>, out: &mut String) {
    if let Some((s, d)) = run.take() {
        let _ = write!(out, "<path fill=\"none\"{} d=\"{d}\"/>", stroke(&s));
    }
}

fn fill_or_stroke(s: &Stroke, filled: bool) -> String {
    if filled {
        paint("fill", s.color)
    } else {
        format!(" fill=\"none\"{}", stroke(s))
    }
}

fn stroke(s: &Stroke) -> String {
    let mut out = paint("stroke", s.color);
    if s.width != 1 {
        let _ = write!(out, " stroke-width=\"{}\"", s.width);
    }
    out
}

/// ` fill="#RRGGBB"` (or stroke), with its opacity where the colour is not opaque.
fn paint(attr: &str, c: BackendColor) -> String {
    let mut out = format!(" {attr}=\"{}\"", hex(c.rgb));
    if c.alpha < 1.0 {
        let _ = write!(out, " {attr}-opacity=\"{}\"", hundredths((c.alpha.max(0.0) * 100.0).round() as u32));
    }
    out
}

/// A colour as CSS and SVG write it: `#RRGGBB`.
pub fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02X}{g:02X}{b:02X}")
}

/// `n` hundredths as a decimal with no trailing zeros: 1250 → "12.5", 900 → "9", 5 → "0.05".
fn hundredths(n: u32) -> String {
    let (whole, frac) = (n / 100, n % 100);
    match frac {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}.{}", f / 10),
        f => format!("{whole}.{f:02}"),
    }
}

fn text_element(out: &mut String, text: &str, font: &Font, (x, y): (i32, i32)) {
    let _ = write!(out, "<text x=\"{x}\" y=\"{y}\"");
    // Where the anchor point is on the text, as the canvas's textBaseline and textAlign put it.
    match font.anchor.v_pos {
        VPos::Top => out.push_str(" dy=\"0.76em\""),
        VPos::Center => out.push_str(" dy=\"0.5ex\""),
        VPos::Bottom => out.push_str(" dy=\"-0.5ex\""),
    }
    match font.anchor.h_pos {
        HPos::Left => {}
        HPos::Center => out.push_str(" text-anchor=\"middle\""),
        HPos::Right => out.push_str(" text-anchor=\"end\""),
    }
    let _ = write!(out, " font-size=\"{}\"{}", hundredths((font.size.max(0.0) * 100.0).round() as u32), paint("fill", font.color));
    match font.style {
        FontStyle::Normal => {}
        FontStyle::Bold => out.push_str(" font-weight=\"bold\""),
        other => {
            let _ = write!(out, " font-style=\"{}\"", other.as_str());
        }
    }
    let degrees = match font.transform {
        FontTransform::Rotate90 => 90,
        FontTransform::Rotate180 => 180,
        FontTransform::Rotate270 => 270,
        _ => 0,
    };
    if degrees != 0 {
        let _ = write!(out, " transform=\"rotate({degrees} {x} {y})\"");
    }
    let _ = write!(out, ">{}</text>", escape(text));
}

/// Text for an HTML or XML text node or a quoted attribute.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hundredths_are_written_without_floats() {
        assert_eq!(hundredths(1250), "12.5");
        assert_eq!(hundredths(900), "9");
        assert_eq!(hundredths(975), "9.75");
        assert_eq!(hundredths(5), "0.05");
        assert_eq!(hundredths(0), "0");
    }

    #[test]
    fn lines_of_one_stroke_become_one_path_and_text_keeps_its_size() {
        use plotters::prelude::*;
        let drawing = Drawing::record((100, 50), |area| {
            area.draw(&PathElement::new(vec![(0, 0), (10, 10)], BLACK))?;
            area.draw(&PathElement::new(vec![(20, 0), (30, 10), (40, 0)], BLACK))?;
            area.draw(&Circle::new((5, 5), 3, RED.filled()))?;
            area.draw(&Text::new("a < b & c", (50, 25), ("sans-serif", 13.5).into_font()))
        });
        let svg = write(&drawing, SvgKind::Document);
        assert!(svg.contains("<path fill=\"none\" stroke=\"#000000\" d=\"M0 0 10 10M20 0 30 10 40 0\"/>"), "{svg}");
        assert!(svg.contains("<circle cx=\"5\" cy=\"5\" r=\"3\" fill=\"#FF0000\"/>"), "{svg}");
        assert!(svg.contains("font-size=\"13.5\"") && svg.contains(">a &lt; b &amp; c</text>"), "{svg}");
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 50\"") && svg.ends_with("</svg>"));
    }
}
