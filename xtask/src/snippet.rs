//! `cargo xtask snippet KOMMUNE [--view V] [--lang L]`: what a web editor pastes, for one place,
//! with the `integrity` of this build: the element and script, the script-tag form, and the
//! iframe form with its resize listener (issue 20; the static rendering inside is still to come).

use crate::{build_dist, standalone::sri, Result};
use intro_status::data::{Dataset, Embedded};
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
    let usage = "usage: cargo xtask snippet KOMMUNE [--view V] [--lang nb|nn|en]";
    let (mut place, mut view, mut lang) = (None, None, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--view" => view = Some(it.next().ok_or(usage)?.as_str()),
            "--lang" => lang = Some(it.next().ok_or(usage)?.as_str()),
            other if place.is_none() && !other.starts_with("--") => place = Some(other),
            _ => return Err(usage.into()),
        }
    }
    let ds = Dataset::embedded();
    let query = place.ok_or(usage)?;
    let found = intro_status::place::find(ds, query)
        .map_err(|why| intro_status::place::not_found_message(ds, query, &why, Lang::En))?;
    let (code, name) = (found.place.code(), found.place.name());
    let mut attrs = format!("kommune=\"{code}\"");
    let mut query_string = format!("kommune={code}");
    if let Some(v) = view {
        let key = ViewKind::parse(v).ok_or_else(|| format!("unknown view «{v}»"))?.key();
        attrs.push_str(&format!(" view=\"{key}\""));
        query_string.push_str(&format!("&amp;view={key}"));
    }
    if let Some(l) = lang {
        let code = Lang::parse(l).ok_or_else(|| format!("unknown language «{l}»: nb, nn or en"))?.code();
        attrs.push_str(&format!(" lang=\"{code}\""));
        query_string.push_str(&format!("&amp;lang={code}"));
    }
    let data_attrs = attrs.replace("kommune=", "data-kommune=").replace(" view=", " data-view=").replace(" lang=", " data-lang=");
    Ok(format!(
        "<!-- {name}: the element where the chart should stand, and the script once on the page -->\n\
         <intro-status {attrs}></intro-status>\n\
         <script src=\"/assets/intro-status.js\" integrity=\"{integrity}\"></script>\n\n\
         <!-- or one tag where it should stand (in <body>) -->\n\
         <script src=\"/assets/intro-status.js\" integrity=\"{integrity}\" {data_attrs}></script>\n\n\
         <!-- or, where the CMS allows no scripts in the article, an iframe; the listener (in the page's template) sizes it -->\n\
         <iframe src=\"/assets/frame.html?{query_string}\" title=\"Introduksjonsprogrammet: {name}\" style=\"width:100%;height:1100px;border:0\"></iframe>\n\
         <script>addEventListener(\"message\", (e) => {{ if (e.data && e.data.type === \"intro-status:height\")\n  \
         for (const f of document.querySelectorAll(\"iframe\")) if (f.contentWindow === e.source) f.style.height = e.data.height + \"px\"; }});</script>\n"
    ))
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
    fn unknown_places_views_and_languages_are_said() {
        assert!(snippets(&args(&["9999"]), "x").unwrap_err().contains("9999"));
        assert!(snippets(&args(&["Herøy"]), "x").unwrap_err().contains("1515"));
        assert_eq!(snippets(&args(&["0301", "--view", "pie"]), "x").unwrap_err(), "unknown view «pie»");
        assert!(snippets(&args(&["0301", "--lang", "se"]), "x").unwrap_err().contains("«se»"));
        assert!(snippets(&args(&[]), "x").unwrap_err().starts_with("usage"));
    }
}
