//! `dist/embed.html` (bokmål), `dist/embed-nn.html` and `dist/embed-en.html`: the page where a
//! web editor builds the snippet (issue 20). Written here from the core's words
//! (`intro_status::embed::builder_texts`) and lists; its small script (`www/embed.js`, inlined)
//! only carries the form's choices to the preview widget and the core's snippets (`View.embed`)
//! into the page. Works from file://: the script is loaded beside the page, without `integrity`
//! (a file has no origin to check it against); the snippets carry this build's.

use crate::{read_text, root, write, Result};
use intro_status::chart::svg::escape;
use intro_status::data::{Dataset, Embedded, Level};
use intro_status::embed::{builder_texts, BuilderTexts};
use intro_status::text::{sort_key, Lang};
use intro_status::views::ViewKind;
use std::fmt::Write as _;
use std::path::Path;

/// The page's file name in each language.
pub fn file_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "embed.html",
        Lang::Nn => "embed-nn.html",
        Lang::En => "embed-en.html",
    }
}

/// Writes the three pages into `dist`, for a build whose intro-status.js has `integrity`.
pub fn write_pages(dist: &Path, integrity: &str) -> Result {
    let script = read_text(&root().join("www/embed.js"))?;
    for lang in [Lang::Nb, Lang::Nn, Lang::En] {
        write(&dist.join(file_name(lang)), page(builder_texts(lang), integrity, &script).as_bytes())?;
    }
    Ok(())
}

/// The three languages, each by its own name.
const LANGUAGES: [(Lang, &str); 3] = [(Lang::Nb, "Bokmål"), (Lang::Nn, "Nynorsk"), (Lang::En, "English")];

/// A group of radio buttons, the one whose value is `checked` chosen.
fn radios(out: &mut String, legend: &str, name: &str, options: &[(&str, &str)], checked: &str) {
    let _ = write!(out, "<fieldset><legend>{legend}</legend>");
    for (value, label) in options {
        let checked = if *value == checked { " checked" } else { "" };
        let _ = write!(out, "<label><input type=\"radio\" name=\"{name}\" value=\"{value}\"{checked}> {label}</label>");
    }
    out.push_str("</fieldset>");
}

fn page(t: &BuilderTexts, integrity: &str, script: &str) -> String {
    let lang = t.lang;
    let words = intro_status::text::texts(lang);
    let ds = Dataset::embedded();
    let mut html = format!(
        "<!doctype html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"referrer\" content=\"no-referrer\">\n\
         <title>{title} – intro-status</title>\n<style>\n{css}</style>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n<p>{intro}</p>\n",
        code = lang.code(),
        title = t.title,
        intro = t.intro,
        css = CSS,
    );
    html.push_str("<nav aria-label=\"");
    html.push_str(t.languages);
    html.push_str("\"><ul class=\"langs\">");
    for (l, name) in LANGUAGES {
        let current = if l == lang { " aria-current=\"page\"" } else { "" };
        let _ = write!(html, "<li><a href=\"{}\" lang=\"{}\"{current}>{name}</a></li>", file_name(l), l.code());
    }
    let _ = write!(html, "</ul></nav>\n<noscript><p>{}</p></noscript>\n", t.no_script);
    let _ = write!(html, "<form id=\"choices\" data-integrity=\"{}\"><h2>{}</h2>", escape(integrity), t.options);
    // The place: any kommune or bydel by number or name, with today's as suggestions.
    let _ = write!(html, "<p><label for=\"kommune\">{}</label><input id=\"kommune\" name=\"kommune\" value=\"0301\" list=\"places\" autocomplete=\"off\"></p><datalist id=\"places\">", words.choose_kommune);
    let mut places: Vec<(String, &str)> = ds.map.kommuner.iter().map(|k| (k.name.clone(), k.code.as_str())).collect();
    places.extend(ds.regions.iter().filter(|r| r.region.level == Level::Bydel).map(|r| (r.region.name.clone(), r.region.code.as_str())));
    places.sort_by_cached_key(|(name, code)| (sort_key(name), code.to_string()));
    for (name, code) in places {
        let _ = write!(html, "<option value=\"{code}\" label=\"{}\"></option>", escape(&name));
    }
    html.push_str("</datalist>");
    let _ = write!(html, "<p><label for=\"view\">{}</label><select id=\"view\" name=\"view\">", words.choose_view);
    for kind in ViewKind::ALL {
        let _ = write!(html, "<option value=\"{}\">{}</option>", kind.key(), kind.name(lang));
    }
    html.push_str("</select></p>");
    let _ = write!(html, "<fieldset><legend>{}</legend>", t.views);
    for kind in ViewKind::ALL {
        let _ = write!(html, "<label><input type=\"checkbox\" name=\"views\" value=\"{}\" checked> {}</label>", kind.key(), kind.name(lang));
    }
    html.push_str("</fieldset>");
    radios(&mut html, t.languages, "lang", &LANGUAGES.map(|(l, name)| (l.code(), name)), lang.code());
    radios(&mut html, t.theme, "theme", &[("", t.theme_auto), ("light", t.theme_light), ("dark", t.theme_dark)], "");
    radios(&mut html, t.controls, "controls", &[("", t.controls_all), ("views", t.controls_views), ("none", t.controls_none)], "");
    let _ = write!(html, "<p><label><input type=\"checkbox\" name=\"cohort\"> {}</label></p>", t.cohort);
    let _ = write!(html, "<p><label for=\"compare\">{}</label><input id=\"compare\" name=\"compare\" autocomplete=\"off\" spellcheck=\"false\"></p>", t.compare);
    let _ = writeln!(html, "<p><label for=\"src\">{}</label><input id=\"src\" name=\"src\" value=\"/assets/intro-status.js\" spellcheck=\"false\"></p></form>", t.src);
    let _ = write!(html, "<section aria-labelledby=\"preview-h\"><h2 id=\"preview-h\">{}</h2>\n<intro-status id=\"preview\" kommune=\"0301\" lang=\"{}\"></intro-status></section>\n", t.preview, lang.code());
    let _ = write!(html, "<section class=\"out\"><p id=\"copied\" role=\"status\" data-copied=\"{}\" data-failed=\"{}\"></p>", t.copied, t.copy_failed);
    for (key, label, note) in [("element", t.element, ""), ("script", t.script, ""), ("iframe", t.iframe, ""), ("static", t.static_element, t.static_note)] {
        let _ = write!(html, "<h2><label for=\"out-{key}\">{label}</label></h2>");
        if !note.is_empty() {
            let _ = write!(html, "<p>{note}</p>");
        }
        let _ = write!(html, "<textarea id=\"out-{key}\" readonly rows=\"5\" spellcheck=\"false\"></textarea><button type=\"button\" data-copy=\"out-{key}\">{} <span class=\"sr\">{label}</span></button>", t.copy);
    }
    let _ = write!(html, "</section>\n<p><a href=\"index.html\">{}</a></p>\n</main>\n<script src=\"intro-status.js\"></script>\n<script>\n{script}</script>\n</body>\n</html>\n", t.back);
    html
}

const CSS: &str = "body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;margin:0 auto;max-width:860px;padding:1rem;color:#1a1a1a;background:#fff;line-height:1.5}\n\
:root{color-scheme:light}\nh1{font-size:1.5rem}h2{font-size:1.15rem;margin:1.25rem 0 .25rem}\n\
.langs{display:flex;gap:1rem;list-style:none;padding:0}\n\
fieldset{border:1px solid #767676;margin:.75rem 0;padding:.25rem .75rem .5rem}\nfieldset label{display:inline-block;margin:.25rem 1rem .25rem 0}\n\
form p label{display:block;font-weight:600}\ninput[type=text],input:not([type]),select{font:inherit;padding:.3rem;border:1px solid #595959;border-radius:3px;min-width:16rem;max-width:100%}\n\
textarea{display:block;width:100%;box-sizing:border-box;font:13px/1.4 ui-monospace,monospace;border:1px solid #595959}\n\
button{font:inherit;margin:.35rem 0;padding:.3rem .9rem;border:1px solid #1a1a1a;border-radius:3px;background:#f2f2f2;color:#1a1a1a;cursor:pointer}\n\
:focus-visible{outline:3px solid #1f4e9a;outline-offset:2px}\n#copied{min-height:1.5em;font-weight:600}\n\
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}\n";
