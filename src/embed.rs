//! What a web editor pastes (issue 20), for one opened view: the element and script, the
//! script-tag form, the iframe form, and the element with a **static rendering** inside — the
//! chart as inline SVG (the same drawing as the canvas, see [`crate::chart::svg`]) with its title,
//! summary, notes, table and source, so a reader sees the chart before the script has run, or
//! without it; the widget then takes it over in place (`www/widget.js`, "take-over").
//!
//! Made here, platform-free, for `cargo xtask snippet` and for the builder page (`dist/embed.html`,
//! through the wasm `View.embed`). The static rendering has no scripts, event handlers, ids or
//! `<style>`: only elements and inline `style` attributes any HTML block accepts, so two snippets
//! can share a page and a CMS's sanitiser has little to strip.

use crate::gather::Gather;
use crate::chart::svg::{escape, hex, write as write_svg, SvgKind};
use crate::chart::{DARK, LIGHT};
use crate::text::{texts, Lang, Table};
use crate::views::{Opened, ViewKind};
use std::fmt::Write as _;

/// The static chart's drawing, in CSS pixels at text scale 1: shown at its box's width (at most
/// [`STATIC_MAX_WIDTH`]), its smallest text (12 px) stays at 9 CSS px or more down to a 300 px box.
pub const STATIC_SIZE: (u32, u32) = (400, 330);
pub const STATIC_MAX_WIDTH: u32 = 600;

/// The editor's choices beyond the place, view, cohort and language of the opened view, as the
/// builder page or the command line gave them. Unknown values are left out of the snippet.
#[derive(Default)]
pub struct Choices<'a> {
    /// View keys the tabs offer, separated by spaces or commas.
    pub views: &'a str,
    /// `light` or `dark`; anything else: follow the page.
    pub theme: &'a str,
    /// `views` or `none`; anything else: all controls.
    pub controls: &'a str,
    /// Whether the snippet names the cohort shown (only for views about one cohort).
    pub cohort: bool,
    /// Where intro-status.js lies on the editor's site (frame.html beside it).
    pub src: &'a str,
    /// `sha384-…` of this build's intro-status.js.
    pub integrity: &'a str,
}

/// The four snippets, each ready to paste.
#[derive(serde::Serialize)]
pub struct Snippets {
    pub element: String,
    pub script: String,
    pub iframe: String,
    /// The element with the static rendering inside, and the script.
    #[serde(rename = "static")]
    pub static_element: String,
}

/// The attributes of the widget element for an opened view and the editor's choices:
/// `(name, value)`, in the order they are written.
fn attributes(o: &Opened, c: &Choices) -> Vec<(&'static str, String)> {
    let mut attrs = vec![("kommune", o.code.clone()), ("view", o.kind().key().to_string()), ("lang", o.lang.code().to_string())];
    if let Some((cohort, _)) = o.data.cohort_choice().filter(|_| c.cohort) {
        attrs.push(("cohort", cohort.to_string()));
    }
    if !o.compare.is_empty() {
        attrs.push(("compare", o.compare.join(" ")));
    }
    let views = crate::views::offered(c.views);
    if views != ViewKind::ALL {
        attrs.push(("views", views.iter().map(|v| v.key()).gather().join(" ")));
    }
    if matches!(c.theme, "light" | "dark") {
        attrs.push(("theme", c.theme.to_string()));
    }
    if matches!(c.controls, "views" | "none") {
        attrs.push(("controls", c.controls.to_string()));
    }
    attrs
}

/// The snippets for an opened view (see [`Choices`]); `region` names the widget on the page
/// ("Introduksjonsprogrammet: Bergen", see [`crate::page::Page::region`]).
pub fn snippets(o: &Opened, region: &str, c: &Choices) -> Snippets {
    let attrs = attributes(o, c);
    let src = escape(if c.src.trim().is_empty() { "/assets/intro-status.js" } else { c.src.trim() });
    let integrity = escape(c.integrity);
    let list = |prefix: &str| attrs.iter().fold(String::new(), |mut s, (k, v)| {
        let _ = write!(s, " {prefix}{k}=\"{}\"", escape(v));
        s
    });
    let script = format!("<script src=\"{src}\" integrity=\"{integrity}\"");
    let element = format!("<intro-status{}></intro-status>\n{script}></script>\n", list(""));
    let query = attrs.iter().map(|(k, v)| format!("{k}={}", query_escape(v))).gather().join("&amp;");
    let frame = match src.rfind('/') {
        Some(i) => format!("{}frame.html", &src[..=i]),
        None => "frame.html".to_string(),
    };
    let iframe = format!(
        "<iframe src=\"{frame}?{query}\" title=\"{}\" style=\"width:100%;height:1100px;border:0\"></iframe>\n\
         <script>addEventListener(\"message\", (e) => {{ if (e.data && e.data.type === \"intro-status:height\")\n  \
         for (const f of document.querySelectorAll(\"iframe\")) if (f.contentWindow === e.source) f.style.height = e.data.height + \"px\"; }});</script>\n",
        escape(region)
    );
    // The element's box as the widget's stylesheet will make it (`:host`), before that sheet is there.
    let static_element = format!("<intro-status{} style=\"display:block;margin:1em 0\">{}</intro-status>\n{script}></script>\n", list(""), static_html(o, region, c.theme == "dark"));
    Snippets { element, script: format!("{script}{}></script>\n", list("data-")), iframe, static_element }
}

/// A value in a URL's query: what is not a letter, digit or `-._~` percent-encoded.
fn query_escape(v: &str) -> String {
    v.bytes().fold(String::new(), |mut s, b| {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => s.push(b as char),
            _ => {
                let _ = write!(s, "%{b:02X}");
            }
        }
        s
    })
}

/// The static rendering of an opened view, in the order the live widget shows it: title
/// (a heading), summary, chart, notes, the table behind "Vis tabell", source line.
pub fn static_html(o: &Opened, region: &str, dark: bool) -> String {
    let t = texts(o.lang);
    let text = o.text();
    let theme = if dark { &DARK } else { &LIGHT };
    let [bg, fg, muted] = [theme.background, theme.text, theme.muted].map(|c| hex((c.0, c.1, c.2)));
    // The live widget's box and text styles (www/widget.css), said inline: the same look before
    // the script as after it, whatever the page's own styles, so the take-over moves nothing.
    let mut out = format!(
        "<div class=\"is-static\" lang=\"{}\" role=\"region\" aria-label=\"{}\" style=\"padding:.5em;max-width:760px;box-sizing:border-box;\
         font:medium/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;text-align:left;overflow-wrap:break-word;hyphens:auto;color:{fg};background:{bg}\">",
        o.lang.code(),
        escape(region)
    );
    let _ = write!(out, "<div role=\"heading\" aria-level=\"2\" style=\"font-weight:600;font-size:1.125em;margin:0 0 .25em\">{}</div>", escape(&text.title));
    let _ = write!(out, "<p style=\"margin:0 0 .5em\">{}</p>", escape(&text.summary));
    let style = format!("display:block;width:100%;max-width:{STATIC_MAX_WIDTH}px;height:auto;background:{bg}");
    out.push_str(&write_svg(&o.drawing(theme, 1.0, STATIC_SIZE), SvgKind::Inline { label: t.chart_label, style: &style }));
    let notes = format!("margin:.25em 0 0;padding-left:1.25em;font-size:.9375em;color:{muted}");
    list(&mut out, &text.notes, &notes);
    // The row of the widget's buttons: the table's (here a disclosure, working without the
    // script) and, kept invisible, the three downloads the script adds, so the row is as tall.
    let button = format!("min-height:44px;box-sizing:border-box;padding:.25em .5em;border:1px solid {muted};border-radius:4px;white-space:nowrap");
    let table = &text.table;
    let _ = write!(out, "<div style=\"display:flex;flex-wrap:wrap;gap:.5em;margin:.75em 0 0;align-items:flex-start\"><details style=\"max-width:100%;overflow-x:auto\"><summary style=\"{button};cursor:pointer\">{}</summary>", t.show_table);
    table_html(&mut out, table, "border-collapse:collapse;font-size:.9375em;margin-top:.75em", "text-align:left;font-weight:600");
    list(&mut out, &table.footnotes, "list-style:none;padding:0;font-size:.875em");
    // As the widget's: one group of three inline buttons, wrapping within it.
    out.push_str("</details><span aria-hidden=\"true\" style=\"visibility:hidden\">");
    for word in [t.download_png, t.download_svg, t.download_csv] {
        let _ = write!(out, "<span style=\"{button};display:inline-block\">{word}</span>");
    }
    let _ = write!(out, "</span></div><p style=\"font-size:.875em;color:{muted};margin:.5em 0 0\">{}</p></div>", escape(&o.source));
    out
}

/// A view's table as HTML: its caption, column headers and rows (each headed by its first cell),
/// with `style` on the table and `caption_style` on the caption where they are not empty.
pub fn table_html(out: &mut String, table: &Table, style: &str, caption_style: &str) {
    let attr = |s: &str| if s.is_empty() { String::new() } else { format!(" style=\"{s}\"") };
    let _ = write!(out, "<table{}><caption{}>{}</caption><thead><tr>", attr(style), attr(caption_style), escape(&table.caption));
    for h in &table.headers {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(h));
    }
    out.push_str("</tr></thead><tbody>");
    for row in &table.rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let cell_tag = if i == 0 { "th scope=\"row\"" } else { "td" };
            let _ = write!(out, "<{cell_tag}>{}</{}>", escape(cell), &cell_tag[..2]);
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

fn list(out: &mut String, items: &[String], style: &str) {
    if !items.is_empty() {
        let _ = write!(out, "<ul style=\"{style}\">");
        for n in items {
            let _ = write!(out, "<li>{}</li>", escape(n));
        }
        out.push_str("</ul>");
    }
}

/// The builder page's own words (`dist/embed.html`), in each language.
pub struct BuilderTexts {
    pub lang: Lang,
    pub title: &'static str,
    pub intro: &'static str,
    pub preview: &'static str,
    pub options: &'static str,
    pub views: &'static str,
    pub theme: &'static str,
    pub theme_auto: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub controls: &'static str,
    pub controls_all: &'static str,
    pub controls_views: &'static str,
    pub controls_none: &'static str,
    pub cohort: &'static str,
    /// The places to compare with (`compare`), as numbers.
    pub compare: &'static str,
    pub src: &'static str,
    pub element: &'static str,
    pub script: &'static str,
    pub iframe: &'static str,
    pub static_element: &'static str,
    pub static_note: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub languages: &'static str,
    pub back: &'static str,
    pub no_script: &'static str,
}

pub fn builder_texts(lang: Lang) -> &'static BuilderTexts {
    match lang {
        Lang::Nb => &NB,
        Lang::Nn => &NN,
        Lang::En => &EN,
    }
}

static NB: BuilderTexts = BuilderTexts {
    lang: Lang::Nb,
    title: "Lag kode for nettsiden din",
    intro: "Velg kommune og visning i figuren, og hva den skal tilby. Kopier så koden inn i publiseringsverktøyet (CMS-et). Alt lages her i nettleseren; ingenting sendes noe sted.",
    preview: "Slik blir figuren",
    options: "Valg",
    views: "Visninger leseren kan velge",
    theme: "Farger",
    theme_auto: "Som siden rundt",
    theme_light: "Lyse",
    theme_dark: "Mørke",
    controls: "Valg i figuren",
    controls_all: "Kommune og visning",
    controls_views: "Bare visning",
    controls_none: "Ingen",
    cohort: "Vis dette avslutningsåret, også når nyere tall kommer",
    compare: "Sammenlign med (kommune-, bydels- eller fylkesnummer, skilt med mellomrom; i målvisningen, status og kjønn)",
    src: "Adressen til intro-status.js på nettstedet ditt",
    element: "Element og skript",
    script: "Ett skript-element der figuren skal stå",
    iframe: "Iframe (der publiseringsverktøyet ikke tillater skript i artikkelen)",
    static_element: "Element med figuren ferdig tegnet inni",
    static_note: "Leseren ser figuren, sammendraget og tabellen straks, også uten JavaScript; skriptet tar over på samme sted. Med valg i figuren kommer valgene i tillegg over figuren når skriptet tar over.",
    copy: "Kopier",
    copied: "Kopiert.",
    copy_failed: "Kunne ikke kopiere: merk teksten og kopier den selv.",
    languages: "Språk",
    back: "Tilbake til demosiden",
    no_script: "Denne siden trenger JavaScript for å lage koden. Bruk ellers «cargo xtask snippet».",
};

static NN: BuilderTexts = BuilderTexts {
    lang: Lang::Nn,
    title: "Lag kode for nettsida di",
    intro: "Vel kommune og vising i figuren, og kva han skal tilby. Kopier så koden inn i publiseringsverktøyet (CMS-et). Alt blir laga her i nettlesaren; ingenting blir sendt nokon stad.",
    preview: "Slik blir figuren",
    options: "Val",
    views: "Visingar lesaren kan velje",
    theme: "Fargar",
    theme_auto: "Som sida rundt",
    theme_light: "Lyse",
    theme_dark: "Mørke",
    controls: "Val i figuren",
    controls_all: "Kommune og vising",
    controls_views: "Berre vising",
    controls_none: "Ingen",
    cohort: "Vis dette avslutningsåret, også når nyare tal kjem",
    compare: "Samanlikn med (kommune-, bydels- eller fylkesnummer, skilde med mellomrom; i målvisinga, status og kjønn)",
    src: "Adressa til intro-status.js på nettstaden din",
    element: "Element og skript",
    script: "Eitt skript-element der figuren skal stå",
    iframe: "Iframe (der publiseringsverktøyet ikkje tillèt skript i artikkelen)",
    static_element: "Element med figuren ferdig teikna inni",
    static_note: "Lesaren ser figuren, samandraget og tabellen med ein gong, også utan JavaScript; skriptet tek over på same staden. Med val i figuren kjem vala i tillegg over figuren når skriptet tek over.",
    copy: "Kopier",
    copied: "Kopiert.",
    copy_failed: "Kunne ikkje kopiere: merk teksten og kopier han sjølv.",
    languages: "Språk",
    back: "Tilbake til demosida",
    no_script: "Denne sida treng JavaScript for å lage koden. Bruk elles «cargo xtask snippet».",
};

static EN: BuilderTexts = BuilderTexts {
    lang: Lang::En,
    title: "Make the code for your web page",
    intro: "Choose the kommune and view in the chart, and what it should offer. Then copy the code into your publishing tool (CMS). Everything is made here in the browser; nothing is sent anywhere.",
    preview: "The chart as it will look",
    options: "Options",
    views: "Views the reader can choose",
    theme: "Colours",
    theme_auto: "As the page around",
    theme_light: "Light",
    theme_dark: "Dark",
    controls: "Choices in the chart",
    controls_all: "Kommune and view",
    controls_views: "View only",
    controls_none: "None",
    cohort: "Show this cohort, also when newer figures come",
    compare: "Compare with (municipality, district or county numbers, separated by spaces; in the goal, status and gender views)",
    src: "Where intro-status.js lies on your site",
    element: "Element and script",
    script: "One script element where the chart should stand",
    iframe: "Iframe (where the publishing tool allows no scripts in the article)",
    static_element: "Element with the chart already drawn inside",
    static_note: "The reader sees the chart, summary and table at once, also without JavaScript; the script takes over in the same place. With choices in the chart, the choices appear above it when the script takes over.",
    copy: "Copy",
    copied: "Copied.",
    copy_failed: "Could not copy: select the text and copy it yourself.",
    languages: "Language",
    back: "Back to the demo page",
    no_script: "This page needs JavaScript to make the code. Otherwise use «cargo xtask snippet».",
};
