//! What a widget's attributes come to before a view is drawn, platform-free so that it is
//! tested natively: the language a `lang` tag gives, the place a `kommune` names, the cohort a
//! `cohort` names, and what the page is told where one was not taken as it stands. `web.rs`
//! only wraps these.

use crate::gather::Gather;
use crate::choose::{one, Choice};
use crate::data::Dataset;
use crate::place::{find, former_notice, not_found_message};
use crate::text::{boot_texts, cohort_list, shorten, texts, Lang};
use crate::views::{Opened, ViewKind};

/// The language of a `lang` tag, the nearest the widget speaks: bokmål for `nb`, `no`, `nob`
/// (with or without a region, `nb-NO`), nynorsk for `nn`, `nno`, English for `en`, `eng`.
/// Any other tag gives bokmål and a warning for the console ("Ukjent språk «se»; viser
/// bokmål."); an empty tag is bokmål without one.
pub fn nearest_lang(tag: &str) -> (Lang, Option<String>) {
    match (Lang::parse(tag), tag.trim()) {
        (Some(lang), _) => (lang, None),
        (None, "") => (Lang::Nb, None),
        (None, tag) => (Lang::Nb, Some(boot_texts(Lang::Nb).language.replace("{x}", &shorten(tag)))),
    }
}

/// One widget's view, opened from its attributes.
pub struct Page {
    pub opened: Opened,
    /// The place's entry in the kommune list.
    pub choice: Option<Choice>,
    /// What the page should say about the attributes: the place was found by a former number or
    /// name ("Klæbu (5030) er nå en del av Trondheim - Tråante (5001)."), the cohort is not one
    /// of the figures' (and which are); both, a line each.
    pub notice: Option<String>,
    /// The widget's name as a region of the page: "Introduksjonsprogrammet: Bergen".
    pub region: String,
    /// The places the view compares with, as the picker lists them (code and name); empty in a
    /// view that shows none.
    pub compare: Vec<Choice>,
    /// The one-click group of neighbours, as `compare` takes it (see
    /// [`crate::compare::neighbour_group`]); empty where the view compares none or there are none.
    pub neighbours: String,
}

/// Opens a view from a widget's attributes as the page gave them: `kommune` (any number or name
/// [`find`] takes), `cohort` (a year of the view's cohorts; empty: the view's default; anything
/// else: the default, and a notice naming the cohorts there are), `compare` (places to compare
/// with, see [`crate::compare::others`]; entries not taken are said in the notice). An unknown,
/// ambiguous or divided place is an error with a message for the page, in its language.
pub fn open_page(ds: &Dataset, kommune: &str, kind: ViewKind, cohort: &str, compare: &str, lang: Lang) -> Result<Page, String> {
    let found = find(ds, kommune).map_err(|why| not_found_message(ds, kommune, &why, lang))?;
    let unknown = || format!("{}: «{}»", texts(lang).unknown_kommune, shorten(kommune));
    let others = match kind.compares() {
        true => crate::compare::others(ds, compare, &found.place, lang),
        false => Default::default(),
    };
    let open = |cohort| Opened::compared(ds, &found.place, kind, cohort, lang, &others.places).ok_or_else(unknown);
    let mut opened = open(None)?;
    let mut notices: Vec<String> = former_notice(&found, lang).into_iter().gather();
    notices.extend_from_slice(&others.notices);
    let asked = cohort.trim();
    if let Some((shown, cohorts)) = opened.data.cohort_choice().filter(|_| !asked.is_empty()) {
        let year = asked.parse::<u16>().ok().filter(|y| asked.len() == 4 && cohorts.contains(y));
        match year {
            Some(y) if y == shown => {}
            Some(y) => opened = open(Some(y))?,
            None => notices.push(
                texts(lang)
                    .notice_cohort
                    .replace("{x}", &shorten(asked))
                    .replace("{shown}", &shown.to_string())
                    .replace("{list}", &cohort_list(cohorts)),
            ),
        }
    }
    let notice = (!notices.is_empty()).then(|| notices.join("\n"));
    let region = format!("{}: {}", texts(lang).programme, found.place.name());
    let compare = others.places.iter().map(|o| Choice { value: o.code.clone(), label: crate::text::who_label(&o.who, lang) }).gather();
    let neighbours = if kind.compares() { crate::compare::neighbour_group(ds, &found.place) } else { String::new() };
    Ok(Page { opened, choice: one(lang, &found.place), notice, region, compare, neighbours })
}
