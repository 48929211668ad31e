//! `dist/intro-status-standalone.html`: the whole widget in one HTML file, for a case worker who
//! saves it and opens it from disk with no network, and the snippet an editor pastes.
//!
//! - The script is inlined (no external reference of any kind), behind a Content-Security-Policy
//!   that lets only that script run (by its hash), lets it compile the wasm and loads or sends
//!   nothing: the browser itself then keeps the promise that nothing leaves the page.
//! - Without JavaScript the page still has every figure: the build draws each of today's kommuner's
//!   goal view natively (the same chart code as the canvas, as SVG) with its table, grouped by
//!   fylke, into `<noscript>` inside the `<intro-status>` element.
//! - [`sri`] gives the `integrity="sha384-…"` value for the snippet.

use base64::Engine;
use intro_status::chart::svg::escape as esc;
use intro_status::chart::LIGHT;
use intro_status::data::{Dataset, Embedded};
use intro_status::place::Place;
use intro_status::text::Lang;
use intro_status::views::{Opened, ViewKind, ViewText};
use sha2::{Digest, Sha384};
use std::fmt::Write as _;
use std::path::Path;

/// The chart size of the static SVGs, in CSS pixels (the widget's default).
const SVG_WIDTH: u32 = 720;
const SVG_HEIGHT: u32 = 420;

/// The Content-Security-Policy line a kommune site needs for the snippet: the script comes from
/// the site itself and compiles its wasm from bytes (no `eval` of JavaScript, no inline script).
pub const CSP_LINE: &str = "script-src 'self' 'wasm-unsafe-eval'";

/// `sha384-…` of some bytes, as a Subresource Integrity value.
pub fn sri(bytes: &[u8]) -> String {
    format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes)))
}

/// What the build prints for editors: the snippet with its integrity hash and the CSP line.
pub fn snippet(script: &[u8]) -> String {
    let integrity = sri(script);
    format!(
        "integrity=\"{integrity}\"\n\n\
         Snippet (intro-status.js served from your own site):\n  \
         <script src=\"/path/to/intro-status.js\" integrity=\"{integrity}\" data-kommune=\"0301\"></script>\n\
         From another origin, add crossorigin=\"anonymous\" (the server must then send Access-Control-Allow-Origin).\n\n\
         Content-Security-Policy the page needs:\n  {CSP_LINE}\n\
         (nothing for styles: the widget's are a constructed stylesheet in its shadow root)\n"
    )
}

/// Writes `dist/intro-status-standalone.html` from the bundled script; returns its size in bytes.
pub fn write(dist: &Path, script: &str) -> Result<usize, String> {
    let html = page(script, &fallback(Dataset::embedded()))?;
    let path = dist.join("intro-status-standalone.html");
    std::fs::write(&path, html.as_bytes()).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(html.len())
}

/// The script as the text of an inline `<script>`: the HTML parser ends the element at the first
/// `</script`, and normalises line breaks (which the CSP hash is computed over).
fn inline_script(script: &str) -> Result<String, String> {
    if script.contains("<!--") {
        // `<!--` followed by `<script` would switch the parser into its double-escaped state.
        return Err("the bundle contains `<!--`, which cannot be inlined into a <script> safely".into());
    }
    let mut out = script.replace("\r\n", "\n").replace('\r', "\n");
    // `<\/script` means the same inside the strings, regexps and comments where it can occur.
    for tag in ["</script", "</SCRIPT", "</Script"] {
        out = out.replace(tag, &format!("<\\/{}", &tag[2..]));
    }
    if out.to_ascii_lowercase().contains("</script") {
        return Err("the bundle contains `</script` in a spelling that cannot be escaped".into());
    }
    Ok(out)
}

/// Where the browser runs scripts but cannot run the widget (no WebAssembly, no
/// `DecompressionStream`), the `<noscript>` fallback would stay hidden, its markup only text: this
/// makes it content, which the widget then shows as its fallback.
const UNPACK_FALLBACK: &str = "if (typeof WebAssembly !== \"object\" || typeof DecompressionStream !== \"function\") { \
    const n = document.querySelector(\"intro-status > noscript\"); \
    if (n) { const d = document.createElement(\"div\"); d.innerHTML = n.textContent; n.replaceWith(d); } }\n";

fn page(script: &str, fallback: &str) -> Result<String, String> {
    let inline = format!("{UNPACK_FALLBACK}{}", inline_script(script)?);
    let hash = sri(inline.as_bytes());
    // Only this script runs; it may compile its wasm; the page's own <style> (and the static
    // fallback's) are inline styles; PNG, SVG and CSV are saved as blob: links. Nothing is
    // fetched: no connect-src, img-src, font-src or form-action beyond the defaults of 'none'.
    let csp = format!(
        "default-src 'none'; script-src '{hash}' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; \
         base-uri 'none'; form-action 'none'"
    );
    let mut html = String::with_capacity(inline.len() + fallback.len() + 4096);
    html.push_str("<!doctype html>\n<html lang=\"nb\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">");
    html.push_str(concat!(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        "<meta name=\"referrer\" content=\"no-referrer\">\n",
        "<title>Introduksjonsprogrammet: i arbeid eller utdanning ett år etter – intro-status</title>\n",
        "<style>\n",
        "body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;margin:0 auto;max-width:800px;padding:1rem;color:#1a1a1a;background:#fff;line-height:1.5}\n",
        "h1{font-size:1.5rem}\n",
        "@media (prefers-color-scheme:dark){body{color:#eee;background:#121212}}\n",
        ".is-static h2{font-size:1.25rem;margin:1.5rem 0 .5rem}\n",
        ".is-static details{margin:.25rem 0}\n",
        ".is-static summary{cursor:pointer;padding:.25rem 0}\n",
        ".is-static svg{display:block;max-width:100%;height:auto;background:#fff}\n",
        ".is-static table{border-collapse:collapse;font-variant-numeric:tabular-nums;margin:.5rem 0}\n",
        ".is-static caption{text-align:left;font-weight:600}\n",
        ".is-static th,.is-static td{padding:.25rem .5rem;border-bottom:1px solid #595959;text-align:right}\n",
        ".is-static th[scope=row],.is-static thead th:first-child{text-align:left}\n",
        "</style>\n</head>\n<body>\n<main>\n",
        "<h1>Hvor mange er i arbeid eller utdanning ett år etter introduksjonsprogrammet?</h1>\n",
        "<p>Velg en kommune for å se andelen som var i arbeid eller utdanning ett år etter at de avsluttet\n",
        "introduksjonsprogrammet, sammenlignet med hele landet og det nasjonale målet på 70 prosent.</p>\n",
        "<intro-status sync-hash>",
    ));
    html.push_str("<noscript>");
    html.push_str(fallback);
    html.push_str("</noscript></intro-status>\n</main>\n<script>");
    html.push_str(&inline);
    html.push_str("</script>\n</body>\n</html>\n");
    Ok(html)
}


/// Every kommune's goal view as static SVG and table, in `<details>` grouped by fylke.
fn fallback(ds: &Dataset) -> String {
    // First every piece of HTML and every chart, then the charts with their shared parts drawn once.
    enum Piece {
        Html(String),
        Svg(String),
    }
    let mut pieces = Vec::new();
    let mut html = String::new();
    html.push_str(
        "<div class=\"is-static\"><p>Figuren kan ikke velges her, fordi nettleseren ikke kjører den \
         (JavaScript er slått av, eller WebAssembly mangler). Under står tallene for hver kommune: \
         åpne kommunen for å se figur og tabell.</p>",
    );
    let mut fylker: Vec<_> = ds.map.fylker.iter().collect();
    fylker.sort_by_cached_key(|f| intro_status::text::sort_key(&f.name));
    for f in fylker {
        let mut kommuner: Vec<_> = ds.map.kommuner.iter().filter(|k| k.fylke == f.code).collect();
        if kommuner.is_empty() {
            continue;
        }
        kommuner.sort_by_cached_key(|k| (intro_status::text::sort_key(&k.name), k.code.clone()));
        let _ = write!(html, "<section><h2>{}</h2>", esc(&f.name));
        for k in kommuner {
            let _ = write!(html, "<details id=\"k{}\"><summary>{} ({})</summary>", esc(&k.code), esc(&k.name), esc(&k.code));
            match Opened::open(ds, &Place::Kommune(k), ViewKind::Goal, None, Lang::Nb) {
                Some(view) => {
                    let text = view.text();
                    pieces.push(Piece::Html(std::mem::take(&mut html)));
                    pieces.push(Piece::Svg(compact_svg(&view.svg(&LIGHT, SVG_WIDTH, SVG_HEIGHT), &text.title)));
                    html.push_str(&static_text(&text));
                }
                None => html.push_str("<p>Ingen tall for denne kommunen.</p>"),
            }
            html.push_str("</details>");
        }
        html.push_str("</section>");
    }
    html.push_str("<p>Kilde: SSB, statistikkbanken tabell 10824</p></div>");
    pieces.push(Piece::Html(html));

    let charts: Vec<&str> = pieces.iter().filter_map(|p| if let Piece::Svg(s) = p { Some(s.as_str()) } else { None }).collect();
    let shared = Shared::find(&charts);
    let mut out = shared.defs();
    for p in &pieces {
        match p {
            Piece::Html(h) => out.push_str(h),
            Piece::Svg(s) => out.push_str(&shared.apply(s)),
        }
    }
    out
}

/// Elements that several charts draw alike (axes, ticks, grid, Hele landet, the goal, a fylke's
/// line), each defined once in a hidden `<svg>` and drawn in place with `<use>`: the same pixels
/// in the same paint order, a fraction of the bytes. Runs of such elements that recur together
/// become one group, drawn with one `<use>`.
struct Shared {
    /// Element → its id; run of element ids → the group's id.
    ids: std::collections::HashMap<String, String>,
    groups: std::collections::HashMap<Vec<String>, String>,
    /// Elements and groups in order of definition (a group after the elements it uses).
    defs: Vec<String>,
}

/// What a `<use href="#…"/>` costs; elements not much longer stay where they are.
const USE_COST: usize = 24;

impl Shared {
    fn find(charts: &[&str]) -> Shared {
        let mut count: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        let mut order = Vec::new();
        for chart in charts {
            for e in svg_elements(chart).1 {
                let n = count.entry(e).or_insert(0);
                if *n == 0 {
                    order.push(e);
                }
                *n += 1;
            }
        }
        let mut shared = Shared { ids: Default::default(), groups: Default::default(), defs: Vec::new() };
        for e in order.into_iter().filter(|e| count[e] >= 2 && e.len() > USE_COST) {
            let id = format!("s{:x}", shared.ids.len());
            let name_end = e.find([' ', '/', '>']).expect("an element");
            // `<name` → `<name id="…"`.
            shared.defs.push(format!("{} id=\"{id}\"{}", &e[..name_end], &e[name_end..]));
            shared.ids.insert(e.to_string(), id);
        }
        let mut runs: std::collections::HashMap<Vec<String>, usize> = Default::default();
        let mut run_order = Vec::new();
        for chart in charts {
            for run in shared.runs(chart) {
                if run.len() >= 2 {
                    let n = runs.entry(run.clone()).or_insert(0);
                    if *n == 0 {
                        run_order.push(run);
                    }
                    *n += 1;
                }
            }
        }
        for run in run_order.into_iter().filter(|r| runs[r] >= 2) {
            let id = format!("g{:x}", shared.groups.len());
            let mut g = format!("<g id=\"{id}\">");
            for e in &run {
                let _ = write!(g, "<use href=\"#{e}\"/>");
            }
            g.push_str("</g>");
            shared.defs.push(g);
            shared.groups.insert(run, id);
        }
        shared
    }

    /// The ids of each run of consecutive shared elements in a chart.
    fn runs(&self, chart: &str) -> Vec<Vec<String>> {
        let mut runs = vec![Vec::new()];
        for e in svg_elements(chart).1 {
            match self.ids.get(e) {
                Some(id) => runs.last_mut().expect("one run at least").push(id.clone()),
                None if runs.last().is_some_and(|r| r.is_empty()) => {}
                None => runs.push(Vec::new()),
            }
        }
        runs.retain(|r| !r.is_empty());
        runs
    }

    fn defs(&self) -> String {
        let mut out = format!(
            "<svg width=\"0\" height=\"0\" style=\"position:absolute\" aria-hidden=\"true\" font-family=\"{}\"><defs>",
            intro_status::chart::FONT
        );
        self.defs.iter().for_each(|d| out.push_str(d));
        out.push_str("</defs></svg>");
        out
    }

    fn apply(&self, chart: &str) -> String {
        let (open, elements) = svg_elements(chart);
        let mut out = String::with_capacity(chart.len() / 3);
        out.push_str(open);
        let mut run: Vec<String> = Vec::new();
        let flush = |run: &mut Vec<String>, out: &mut String| {
            match self.groups.get(run.as_slice()) {
                Some(g) => {
                    let _ = write!(out, "<use href=\"#{g}\"/>");
                }
                None => run.iter().for_each(|id| {
                    let _ = write!(out, "<use href=\"#{id}\"/>");
                }),
            }
            run.clear();
        };
        for e in elements {
            match self.ids.get(e) {
                Some(id) => run.push(id.clone()),
                None => {
                    flush(&mut run, &mut out);
                    out.push_str(e);
                }
            }
        }
        flush(&mut run, &mut out);
        out.push_str("</svg>");
        out
    }
}

/// A compact chart's opening tag and its elements (self-closing, or with text content).
fn svg_elements(chart: &str) -> (&str, Vec<&str>) {
    let open_end = chart.find('>').map_or(chart.len(), |i| i + 1);
    let body = chart[open_end..].strip_suffix("</svg>").unwrap_or(&chart[open_end..]);
    let mut elements = Vec::new();
    let mut rest = body;
    while !rest.is_empty() {
        let tag_end = rest.find('>').map_or(rest.len(), |i| i + 1);
        let end = if rest[..tag_end].ends_with("/>") {
            tag_end
        } else {
            let name_end = rest[1..].find([' ', '>']).map_or(rest.len(), |i| i + 1);
            let close = format!("</{}>", &rest[1..name_end]);
            rest.find(&close).map_or(rest.len(), |i| i + close.len())
        };
        elements.push(&rest[..end]);
        rest = &rest[end..];
    }
    (&chart[..open_end], elements)
}

/// Summary, table, footnotes and notes of a view as HTML.
fn static_text(text: &ViewText) -> String {
    let mut out = String::new();
    let _ = write!(out, "<p>{}</p>", esc(&text.summary));
    let t = &text.table;
    intro_status::embed::table_html(&mut out, t, "", "");
    for list in [&t.footnotes, &text.notes] {
        if !list.is_empty() {
            out.push_str("<ul>");
            for n in list {
                let _ = write!(out, "<li>{}</li>", esc(n));
            }
            out.push_str("</ul>");
        }
    }
    out
}

/// A plotters SVG made fit for inlining into HTML and about a third of its size: no XML
/// declaration, line breaks or indentation; coordinates with at most two decimals; attributes
/// that only restate a default (`opacity="1"`, `text-anchor="start"`) left out, the font family
/// said once on the root; and each run of consecutive unfilled lines and polylines of one stroke
/// merged into one `<path>` (same pixels, same paint order). Scalable (viewBox) and named for
/// assistive technology.
fn compact_svg(svg: &str, title: &str) -> String {
    let mut joined = String::with_capacity(svg.len());
    for line in svg.lines() {
        let line = line.trim();
        if !line.is_empty() && !line.starts_with("<?xml") {
            // Text content keeps its inner spaces; only the indentation between tags goes.
            joined.push_str(line);
        }
    }
    let joined = shorten_numbers(&joined);
    let mut out = String::with_capacity(joined.len() / 2);
    // The stroke and width of the path being built, and its `d`.
    let mut run: Option<(String, String, String)> = None;
    let flush = |run: &mut Option<(String, String, String)>, out: &mut String| {
        if let Some((stroke, width, d)) = run.take() {
            let _ = write!(out, "<path fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{width}\" d=\"{}\"/>", d.trim_end());
        }
    };
    let mut rest = joined.as_str();
    while let Some(lt) = rest.find('<') {
        if lt > 0 {
            flush(&mut run, &mut out);
            out.push_str(&rest[..lt]);
        }
        let gt = rest[lt..].find('>').map_or(rest.len(), |i| lt + i + 1);
        let tag = &rest[lt..gt];
        rest = &rest[gt..];
        let Some((name, attrs, closed)) = parse_tag(tag) else {
            flush(&mut run, &mut out);
            out.push_str(tag);
            continue;
        };
        let get = |k: &str| attrs.iter().find(|(a, _)| *a == k).map(|(_, v)| *v);
        let segment = match name {
            "line" if closed => match (get("x1"), get("y1"), get("x2"), get("y2")) {
                (Some(x1), Some(y1), Some(x2), Some(y2)) => Some(format!("M{x1} {y1} {x2} {y2} ")),
                _ => None,
            },
            "polyline" if closed && get("fill") == Some("none") => get("points").map(|p| format!("M{} ", p.trim())),
            _ => None,
        };
        let mergeable = segment.is_some()
            && attrs.iter().all(|(k, v)| matches!(*k, "x1" | "y1" | "x2" | "y2" | "points" | "fill" | "stroke" | "stroke-width") || (*k == "opacity" && *v == "1"));
        if let (Some(seg), true) = (segment, mergeable) {
            let stroke = get("stroke").unwrap_or("none").to_string();
            let width = get("stroke-width").unwrap_or("1").to_string();
            match &mut run {
                Some((s, w, d)) if *s == stroke && *w == width => d.push_str(&seg),
                _ => {
                    flush(&mut run, &mut out);
                    run = Some((stroke, width, seg));
                }
            }
            continue;
        }
        flush(&mut run, &mut out);
        out.push('<');
        out.push_str(name);
        if name == "svg" {
            let _ = write!(out, " viewBox=\"0 0 {SVG_WIDTH} {SVG_HEIGHT}\" width=\"{SVG_WIDTH}\" height=\"{SVG_HEIGHT}\" font-family=\"{}\" role=\"img\" aria-label=\"{}\"", intro_status::chart::FONT, esc(title));
        }
        for (k, v) in &attrs {
            let default = match (name, *k) {
                ("svg", _) => true,
                (_, "opacity") => *v == "1",
                ("text", "text-anchor") => *v == "start",
                ("text", "font-family") => *v == intro_status::chart::FONT,
                _ => false,
            };
            if !default {
                let _ = write!(out, " {k}=\"{v}\"");
            }
        }
        out.push_str(if closed { "/>" } else { ">" });
    }
    flush(&mut run, &mut out);
    out.push_str(rest);
    out
}

/// A start tag: its name, attributes (values as written, still escaped) and whether it closes itself.
type Tag<'a> = (&'a str, Vec<(&'a str, &'a str)>, bool);

/// `<name a="b" …/>` → its [`Tag`]. `None` for closing tags and anything unexpected, which are
/// then copied as they are.
fn parse_tag(tag: &str) -> Option<Tag<'_>> {
    let inner = tag.strip_prefix('<')?.strip_suffix('>')?;
    let (inner, closed) = match inner.strip_suffix('/') {
        Some(i) => (i, true),
        None => (inner, false),
    };
    if !inner.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let name_end = inner.find(char::is_whitespace).unwrap_or(inner.len());
    let name = &inner[..name_end];
    let mut attrs = Vec::new();
    let mut rest = inner[name_end..].trim_start();
    while !rest.is_empty() {
        let eq = rest.find('=')?;
        let key = rest[..eq].trim();
        let after = rest[eq + 1..].strip_prefix('"')?;
        let end = after.find('"')?;
        attrs.push((key, &after[..end]));
        rest = after[end + 1..].trim_start();
    }
    Some((name, attrs, closed))
}

/// `12.000000` → `12`, `3.250000` → `3.25`, inside attribute values (digits after a point).
fn shorten_numbers(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'.' && i > 0 && b[i - 1].is_ascii_digit() && i + 1 < b.len() && b[i + 1].is_ascii_digit() {
            let start = i + 1;
            let mut end = start;
            while end < b.len() && b[end].is_ascii_digit() {
                end += 1;
            }
            // Keep at most two decimals (a hundredth of a CSS pixel), without trailing zeros.
            let digits = &s[start..end.min(start + 2)];
            let digits = digits.trim_end_matches('0');
            if !digits.is_empty() {
                out.push('.');
                out.push_str(digits);
            }
            i = end;
            continue;
        }
        let ch = s[i..].chars().next().expect("in bounds");
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sri_is_sha384_in_base64() {
        // The SHA-384 test vector "abc" (FIPS 180-2), base64 as in the SRI spec's examples.
        assert_eq!(sri(b"abc"), "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn");
    }

    #[test]
    fn inline_script_cannot_end_early() {
        let js = inline_script("var a = \"</script><b>\";\r\nvar b = '</SCRIPT>';").unwrap();
        assert_eq!(js, "var a = \"<\\/script><b>\";\nvar b = '<\\/SCRIPT>';");
        assert!(inline_script("var a = '<!--';").is_err());
    }

    #[test]
    fn numbers_lose_needless_decimals() {
        assert_eq!(shorten_numbers("x=\"12.000000\" y=\"3.256\" t=\"v1.5 2.50\""), "x=\"12\" y=\"3.25\" t=\"v1.5 2.5\"");
    }

    #[test]
    fn runs_of_lines_of_one_stroke_become_one_path() {
        let svg = "<?xml version=\"1.0\"?>\n<svg width=\"720\" height=\"420\" viewBox=\"0 0 720 420\" xmlns=\"http://www.w3.org/2000/svg\">\n\
            <line opacity=\"1\" stroke=\"#DDD\" stroke-width=\"1\" x1=\"0\" y1=\"1.000\" x2=\"5\" y2=\"1\"/>\n\
            <polyline fill=\"none\" opacity=\"1\" stroke=\"#DDD\" stroke-width=\"1\" points=\"1,2 3,4 \"/>\n\
            <polyline fill=\"none\" opacity=\"1\" stroke=\"#A00\" stroke-width=\"2\" points=\"5,6 7,8 \"/>\n\
            <text x=\"1\" y=\"2\" text-anchor=\"start\" font-family=\"sans-serif\" opacity=\"1\" fill=\"#111\">\nA &amp; B\n</text>\n\
            <line opacity=\"0.5\" stroke=\"#DDD\" stroke-width=\"1\" x1=\"0\" y1=\"1\" x2=\"5\" y2=\"1\"/>\n</svg>\n";
        assert_eq!(
            compact_svg(svg, "T <1>"),
            "<svg viewBox=\"0 0 720 420\" width=\"720\" height=\"420\" font-family=\"sans-serif\" role=\"img\" aria-label=\"T &lt;1&gt;\">\
             <path fill=\"none\" stroke=\"#DDD\" stroke-width=\"1\" d=\"M0 1 5 1 M1,2 3,4\"/>\
             <path fill=\"none\" stroke=\"#A00\" stroke-width=\"2\" d=\"M5,6 7,8\"/>\
             <text x=\"1\" y=\"2\" fill=\"#111\">A &amp; B</text>\
             <line opacity=\"0.5\" stroke=\"#DDD\" stroke-width=\"1\" x1=\"0\" y1=\"1\" x2=\"5\" y2=\"1\"/></svg>"
        );
    }

    #[test]
    fn shared_elements_are_drawn_with_use_in_place() {
        let long = format!("<text x=\"1\" fill=\"#000\">{}</text>", "x".repeat(30));
        let axis = "<path d=\"M0 0 100 0 100 100 0 100 0 0\"/>";
        let a = format!("<svg role=\"img\"><rect width=\"1\" height=\"2\"/>{long}{axis}<path d=\"M0 0 1 1 2 2 3 3 4 4 5 5\"/></svg>");
        let b = format!("<svg role=\"img\"><path d=\"M9 9 9 9 9 9 9 9 9 9 9 9 9 9\"/>{long}{axis}</svg>");
        let c = format!("<svg role=\"img\">{axis}<path d=\"M9 9 9 9 9 9 9 9 9 9 9 9 9 9 8\"/>{long}</svg>");
        let shared = Shared::find(&[&a, &b, &c]);
        assert_eq!(shared.apply(&a), "<svg role=\"img\"><rect width=\"1\" height=\"2\"/><use href=\"#g0\"/><path d=\"M0 0 1 1 2 2 3 3 4 4 5 5\"/></svg>");
        assert_eq!(shared.apply(&b), "<svg role=\"img\"><path d=\"M9 9 9 9 9 9 9 9 9 9 9 9 9 9\"/><use href=\"#g0\"/></svg>");
        assert_eq!(shared.apply(&c), "<svg role=\"img\"><use href=\"#s1\"/><path d=\"M9 9 9 9 9 9 9 9 9 9 9 9 9 9 8\"/><use href=\"#s0\"/></svg>");
        assert!(shared.defs().contains(&format!(
            "<defs><text id=\"s0\" x=\"1\" fill=\"#000\">{}</text><path id=\"s1\" d=\"M0 0 100 0 100 100 0 100 0 0\"/><g id=\"g0\"><use href=\"#s0\"/><use href=\"#s1\"/></g></defs>",
            "x".repeat(30)
        )));
    }

    #[test]
    fn sharing_loses_nothing_every_chart_expands_to_itself() {
        let ds = Dataset::embedded();
        let charts: Vec<String> = ds
            .map
            .kommuner
            .iter()
            .filter_map(|k| Opened::open(ds, &Place::Kommune(k), ViewKind::Goal, None, Lang::Nb))
            .map(|v| compact_svg(&v.svg(&LIGHT, SVG_WIDTH, SVG_HEIGHT), "t"))
            .collect();
        let refs: Vec<&str> = charts.iter().map(String::as_str).collect();
        let shared = Shared::find(&refs);
        let element: std::collections::HashMap<&str, &str> = shared.ids.iter().map(|(e, id)| (id.as_str(), e.as_str())).collect();
        let group: std::collections::HashMap<&str, &Vec<String>> = shared.groups.iter().map(|(run, id)| (id.as_str(), run)).collect();
        let mut saved = 0;
        for chart in &refs {
            let applied = shared.apply(chart);
            saved += chart.len() - applied.len();
            let mut expanded = Vec::new();
            for e in svg_elements(&applied).1 {
                match e.strip_prefix("<use href=\"#").and_then(|r| r.strip_suffix("\"/>")) {
                    Some(id) if group.contains_key(id) => expanded.extend(group[id].iter().map(|i| element[i.as_str()])),
                    Some(id) => expanded.push(element[id]),
                    None => expanded.push(e),
                }
            }
            assert_eq!(expanded, svg_elements(chart).1);
        }
        assert!(saved > shared.defs().len() * 10, "sharing saves {saved} bytes for {} of definitions", shared.defs().len());
    }

    #[test]
    fn the_page_is_self_contained_with_every_kommune_static() {
        let html = page("console.log(1);", &fallback(Dataset::embedded())).unwrap();
        assert!(html.contains("<intro-status sync-hash><noscript>"));
        assert!(!html.contains(" src="), "no external references");
        assert_eq!(html.matches("href=\"").count(), html.matches("<use href=\"#").count(), "links only within the page");
        assert_eq!(html.matches("<details id=\"k").count(), 357);
        assert_eq!(html.matches("<svg").count(), 357 + 1, "a chart per kommune and the shared parts");
        // The policy allows exactly the page's inline script: the fallback's unpacking, then the widget.
        assert!(html.contains(&format!("'{}'", sri(format!("{UNPACK_FALLBACK}console.log(1);").as_bytes()))));
        // Oslo, cohort 2013: 251 finished, 140 in work or education, 56 %; Hele landet 62 %.
        let oslo = &html[html.find("<details id=\"k0301\">").unwrap()..];
        let oslo = &oslo[..oslo.find("</details>").unwrap()];
        assert!(oslo.contains("<tr><th scope=\"row\">2013</th><td>251</td><td>140</td><td>56\u{a0}%</td><td>62\u{a0}%</td>"), "{oslo}");
        assert!(oslo.contains("aria-label=\"Oslo: "));
    }
}
