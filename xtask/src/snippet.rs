//! `cargo xtask snippet KOMMUNE [--view V] [--lang L] [--compare "5001 46"] [--static] [--src URL]`: what a web editor
//! pastes, for one place, with the `integrity` of this build: the element and script, the
//! script-tag form and the iframe form with its resize listener; with `--static`, instead, the
//! element with the chart already drawn inside (`intro_status::embed`, the same code the builder
//! page `dist/embed.html` runs in the browser).

use crate::{build_dist, standalone::sri, Result};
use intro_status::data::{Dataset, Embedded};
use intro_status::embed::{snippets as make, Choices};
use intro_status::text::Lang;
use intro_status::views::ViewKind;

pub fn run(args: &[String]) -> Result {
    let script = std::fs::read(build_dist()?).map_err(|e| format!("dist/intro-status.js: {e}"))?;
    println!("{}", snippets(args, &sri(&script))?);
    Ok(())
}

/// The snippets for the command's arguments; an unknown place, view or language is an error
/// that says which.
fn snippets(args: &[String], integrity: &str) -> Result<String> {
    let usage = "usage: cargo xtask snippet KOMMUNE [--view V] [--lang nb|nn|en] [--compare \"5001 46\"] [--static] [--src URL]";
    let (mut place, mut view, mut lang, mut src, mut fixed, mut compare) = (None, None, None, "", false, "");
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--view" => view = Some(it.next().ok_or(usage)?.as_str()),
            "--lang" => lang = Some(it.next().ok_or(usage)?.as_str()),
            "--src" => src = it.next().ok_or(usage)?.as_str(),
            "--compare" => compare = it.next().ok_or(usage)?.as_str(),
            "--static" => fixed = true,
            other if place.is_none() && !other.starts_with("--") => place = Some(other),
            _ => return Err(usage.into()),
        }
    }
    let kind = match view {
        Some(v) => ViewKind::parse(v).ok_or_else(|| format!("unknown view «{v}»"))?,
        None => ViewKind::Goal,
    };
    let lang = match lang {
        Some(l) => Lang::parse(l).ok_or_else(|| format!("unknown language «{l}»: nb, nn or en"))?,
        None => Lang::Nb,
    };
    let query = place.ok_or(usage)?;
    let ds = if kind.one_year_after_only() { Dataset::embedded_one_year_after() } else { Dataset::embedded() };
    let page = intro_status::page::open_page(ds, query, kind, "", compare, lang)?;
    if let Some(notice) = &page.notice {
        eprintln!("{notice}");
    }
    let s = make(&page.opened, &page.region, &Choices { src, integrity, ..Default::default() });
    Ok(if fixed {
        format!("<!-- {}: the chart drawn in place (readable before and without the script), which the script then takes over -->\n{}", page.region, s.static_element)
    } else {
        format!(
            "<!-- {0}: the element where the chart should stand, and the script once on the page -->\n{1}\n\
             <!-- or one tag where it should stand (in <body>) -->\n{2}\n\
             <!-- or, where the CMS allows no scripts in the article, an iframe; the listener (in the page's template) sizes it -->\n{3}",
            page.region, s.element, s.script, s.iframe
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_former_name_gives_todays_number_in_every_form() {
        let out = snippets(&args(&["Klæbu", "--view", "status", "--lang", "nn"]), "sha384-X").unwrap();
        assert!(out.contains("<intro-status kommune=\"5001\" view=\"status\" lang=\"nn\"></intro-status>"), "{out}");
        assert!(out.contains("integrity=\"sha384-X\" data-kommune=\"5001\" data-view=\"status\" data-lang=\"nn\"></script>"), "{out}");
        assert!(out.contains("frame.html?kommune=5001&amp;view=status&amp;lang=nn\" title=\"Introduksjonsprogrammet: Trondheim - Tråante\""), "{out}");
    }

    #[test]
    fn the_static_form_holds_the_chart_and_its_words() {
        let out = snippets(&args(&["4036", "--static", "--src", "/js/intro-status.js"]), "sha384-X").unwrap();
        assert!(out.contains("<intro-status kommune=\"4036\" view=\"goal\" lang=\"nb\" style=\"display:block;margin:1em 0\"><div class=\"is-static\""), "{out}");
        assert!(out.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 330\""), "{out}");
        assert!(out.contains(">Vis tabell</summary><table"), "{out}");
        assert!(out.contains("</intro-status>\n<script src=\"/js/intro-status.js\" integrity=\"sha384-X\"></script>"), "{out}");
    }

    #[test]
    fn unknown_places_views_and_languages_are_said() {
        assert!(snippets(&args(&["9999"]), "x").unwrap_err().contains("9999"));
        assert!(snippets(&args(&["Herøy"]), "x").unwrap_err().contains("1515"));
        assert_eq!(snippets(&args(&["0301", "--view", "pie"]), "x").unwrap_err(), "unknown view «pie»");
        assert!(snippets(&args(&["0301", "--lang", "se"]), "x").unwrap_err().contains("«se»"));
        assert!(snippets(&args(&[]), "x").unwrap_err().starts_with("usage"));
    }
}
