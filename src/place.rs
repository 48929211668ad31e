//! A place as a page names it, resolved once into a typed value that every view takes.
//!
//! A page gives a string (`kommune="1201"`); [`Place::resolve`] turns it into today's kommune or a
//! bydel of the table, and nothing after that parses strings again.

use crate::gather::Gather;
use crate::choose::search_key;
use crate::data::{Dataset, Former, Level, RegionData, TodayKommune};
use crate::text::{shorten, texts, Lang};

/// Where a view's figures are for.
#[derive(Clone, Copy, Debug)]
pub enum Place<'a> {
    /// One of today's kommuner (KLASS 131, the newest version vendored).
    Kommune(&'a TodayKommune),
    /// A bydel of the table (six digits), compared with the kommune its first four digits
    /// numbered in the table, and listed under the one of today's kommuner that number lives on in.
    Bydel {
        region: &'a RegionData,
        /// The table's row for the kommune of the bydel's first four digits.
        kommune: &'a RegionData,
        /// Today's kommune it lies in, where its number lives on in exactly one.
        today: Option<&'a TodayKommune>,
    },
}

impl<'a> Place<'a> {
    /// The place a page's or reader's string names, where it names exactly one (see [`find`]):
    /// "4601", "1201", "301", "5030", "Bergen", "Tråante", "Klæbu". Anything else is `None`.
    pub fn resolve(ds: &'a Dataset, query: &str) -> Option<Place<'a>> {
        find(ds, query).ok().map(|f| f.place)
    }

    /// Today's number of a kommune, or the bydel's own number.
    pub fn code(&self) -> &'a str {
        match self {
            Place::Kommune(k) => &k.code,
            Place::Bydel { region, .. } => &region.region.code,
        }
    }

    /// The name the views use: KLASS's for a kommune, the table's for a bydel.
    pub fn name(&self) -> &'a str {
        match self {
            Place::Kommune(k) => &k.name,
            Place::Bydel { region, .. } => &region.region.name,
        }
    }
}

/// A place as a string found it, and the former number or name it was found by, if it was.
#[derive(Clone, Copy, Debug)]
pub struct Found<'a> {
    pub place: Place<'a>,
    pub via: Option<Via<'a>>,
}

/// A former kommune's name and number of its day: "Klæbu", "5030".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Via<'a> {
    pub name: &'a str,
    pub code: &'a str,
}

impl Via<'_> {
    /// "Klæbu (5030)".
    pub fn label(&self) -> String {
        format!("{} ({})", self.name, self.code)
    }
}

/// Why a string names no one place.
#[derive(Clone, Debug)]
pub enum NotFound<'a> {
    /// No place has that number or name.
    Unknown,
    /// A name several places have or had; the places, in the map's order.
    Ambiguous(Vec<Place<'a>>),
    /// A kommune (of its day) divided among several of today's, which are `into`.
    Divided { old: Via<'a>, into: Vec<&'a TodayKommune> },
}

/// The place a page or a reader names, once:
/// - a number: today's kommune number; a bydel's; any kommune number of a KLASS 131 version
///   since 2011 whose kommune lives on wholly in one of today's ("3024" Bærum, "5030" Klæbu →
///   5001, "1507" Ålesund → 1508); with its leading zero dropped ("301", "30101");
/// - a name, in any case and with or without accents ([`search_key`]): today's (whole, without
///   its "(fylke)", or one of the parts of "Trondheim - Tråante"), a name in another language, a
///   bydel's, else a former name ("Klæbu");
/// - "Bergen (4601)", as the list labels it: its number.
///
/// A name several places have is [`NotFound::Ambiguous`]; a number or name of a kommune later
/// divided is [`NotFound::Divided`], with the kommuner it was divided among.
pub fn find<'a>(ds: &'a Dataset, query: &str) -> Result<Found<'a>, NotFound<'a>> {
    let mut q = query.trim();
    // "Bergen (4601)": the number in the brackets.
    if let Some(code) = q.strip_suffix(')').and_then(|r| r.rsplit_once(" (")).map(|(_, c)| c).filter(|c| is_number(c)) {
        q = code;
    }
    if is_number(q) {
        return find_number(ds, q);
    }
    let key = search_key(q);
    if key.is_empty() {
        return Err(NotFound::Unknown);
    }
    let named = |name: &str| names_of(name).any(|n| search_key(n) == key);
    // Today's names first: the place of that name today.
    let today: Vec<Place> = ds
        .map
        .kommuner
        .iter()
        .filter(|k| named(&k.name) || k.other_names.iter().any(|n| named(n)))
        .map(Place::Kommune)
        .chain(bydeler(ds).filter(|p| named(p.name())))
        .gather();
    match today.len() {
        1 => return Ok(Found { place: today[0], via: None }),
        0 => {}
        _ => return Err(NotFound::Ambiguous(today)),
    }
    // Then former names.
    let former: Vec<(&TodayKommune, &Former)> =
        ds.map.kommuner.iter().flat_map(|k| k.former.iter().filter(|f| named(&f.name)).map(move |f| (k, f))).gather();
    let mut kommuner: Vec<&TodayKommune> = Vec::new();
    for (k, _) in &former {
        if !kommuner.iter().any(|o| o.code == k.code) {
            kommuner.push(k);
        }
    }
    match (kommuner.as_slice(), former.iter().map(|(_, f)| f.code.as_str()).max()) {
        ([], _) | (_, None) => Err(NotFound::Unknown),
        // One kommune had the name, and it lives on in one of today's (the newest number of it).
        ([k], Some(code)) if former.iter().all(|(_, f)| !f.divided) => {
            let f = former.iter().map(|(_, f)| f).find(|f| f.code == code).expect("the newest is one of them");
            Ok(Found { place: Place::Kommune(k), via: Some(Via { name: &f.name, code: &f.code }) })
        }
        // A kommune of its day, divided (by its newest number).
        (_, Some(code)) if former.iter().all(|(_, f)| f.divided) => {
            let f = former.iter().map(|(_, f)| f).find(|f| f.code == code).expect("the newest is one of them");
            Err(NotFound::Divided { old: Via { name: &f.name, code: &f.code }, into: kommuner })
        }
        _ => Err(NotFound::Ambiguous(kommuner.into_iter().map(Place::Kommune).gather())),
    }
}

/// 1 to 6 ASCII digits.
fn is_number(s: &str) -> bool {
    (1..=6).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// A number as a page gives it, with its leading zero dropped or not.
fn find_number<'a>(ds: &'a Dataset, q: &str) -> Result<Found<'a>, NotFound<'a>> {
    let padded;
    let code = match q.len() {
        3 | 5 => {
            padded = format!("0{q}");
            &padded
        }
        _ => q,
    };
    if code.len() == 6 {
        let region = ds.region(Level::Bydel, code).ok_or(NotFound::Unknown)?;
        let kommune = ds.region(Level::Kommune, &code[..4]).ok_or(NotFound::Unknown)?;
        return Ok(Found { place: Place::Bydel { region, kommune, today: today_of(ds, &code[..4]) }, via: None });
    }
    if let Some(k) = today_kommune(ds, code) {
        return Ok(Found { place: Place::Kommune(k), via: None });
    }
    // Where the number lives on: the data's kommuner (2011–2014) and every former number.
    let mut into: Vec<&TodayKommune> = Vec::new();
    let mut old: Option<Via> = None;
    for k in &ds.map.kommuner {
        let source = k.sources.iter().find(|s| s.code == code);
        let former = k.former.iter().find(|f| f.code == code);
        if source.is_none() && former.is_none() {
            continue;
        }
        if old.is_none() {
            old = match (former, source) {
                (Some(f), _) => Some(Via { name: &f.name, code: &f.code }),
                (None, Some(s)) => ds.region(Level::Kommune, &s.code).map(|r| Via { name: &r.region.name, code: &s.code }),
                (None, None) => None,
            };
        }
        into.push(k);
    }
    match (into.as_slice(), old) {
        ([k], Some(old)) => Ok(Found { place: Place::Kommune(k), via: Some(old) }),
        // In several of today's kommuner: divided (KLASS does not give one number to two).
        ([_, _, ..], Some(old)) => Err(NotFound::Divided { old, into }),
        _ => Err(NotFound::Unknown),
    }
}

/// The forms a name is known by: whole, without its "(fylke)", and each part of "Trondheim -
/// Tråante" or "Oslo – Gamle Oslo".
fn names_of(name: &str) -> impl Iterator<Item = &str> {
    let bare = name.split(" (").next().unwrap_or(name);
    [name, bare].into_iter().chain(bare.split(" - ").filter(move |p| *p != bare))
}

/// Every bydel of the table, as a place.
fn bydeler(ds: &Dataset) -> impl Iterator<Item = Place<'_>> {
    ds.regions.iter().filter(|r| r.region.level == Level::Bydel).filter_map(|r| {
        let kommune = ds.region(Level::Kommune, r.region.code.get(..4)?)?;
        Some(Place::Bydel { region: r, kommune, today: today_of(ds, &r.region.code[..4]) })
    })
}

/// One of several places, for a message that lists them: "1515 Herøy (Møre og Romsdal), Møre og
/// Romsdal".
pub fn choice_item(ds: &Dataset, place: &Place) -> String {
    let fylke = match place {
        Place::Kommune(k) => Some(k.fylke.as_str()),
        Place::Bydel { today, .. } => today.map(|k| k.fylke.as_str()),
    };
    let fylke = fylke.and_then(|f| ds.map.fylker.iter().find(|x| x.code == f)).map(|f| f.name.as_str());
    let name = match place {
        Place::Kommune(k) => k.name.clone(),
        Place::Bydel { region, kommune, today } => format!("{} – {}", today.map_or(kommune.region.name.as_str(), |k| &k.name), region.region.name),
    };
    match fylke {
        Some(f) => format!("{} {name}, {f}", place.code()),
        None => format!("{} {name}", place.code()),
    }
}

/// Why nothing was found, in a language, for the page: "{query}" is what it gave.
pub fn not_found_message(ds: &Dataset, query: &str, why: &NotFound, lang: Lang) -> String {
    let t = texts(lang);
    let shown = shorten(query);
    match why {
        NotFound::Unknown if is_number(query.trim()) => format!("{}: «{shown}»", t.unknown_kommune),
        NotFound::Unknown => t.unknown_name.replace("{x}", &shown),
        NotFound::Ambiguous(places) => {
            let list: Vec<String> = places.iter().map(|p| choice_item(ds, p)).gather();
            t.ambiguous.replace("{x}", &shown).replace("{list}", &list.join("; "))
        }
        NotFound::Divided { old, into } => {
            let list: Vec<String> = into.iter().map(|k| format!("{} ({})", k.name, k.code)).gather();
            t.divided_among.replace("{old}", &old.label()).replace("{list}", &list.join(", "))
        }
    }
}

/// What a page says when a place was found by a former number or name: "Klæbu (5030) er nå en
/// del av Trondheim - Tråante (5001)." — "en del av" where another former kommune (of another
/// name) lives on wholly in it too, else "er nå" (a new name); nothing where only the number
/// changed (Bergen 1201 → 4601).
pub fn former_notice(found: &Found, lang: Lang) -> Option<String> {
    let (Place::Kommune(k), Some(via)) = (found.place, found.via) else { return None };
    // Another former kommune: one whose name shares no part with the one found by.
    let same = |name: &str| names_of(name).any(|n| names_of(via.name).any(|v| search_key(v) == search_key(n)));
    let merged = k.former.iter().any(|f| !f.divided && f.code != via.code && !same(&f.name));
    // A number that only changed (Bergen 1201 → 4601) needs no word to the reader: the list
    // shows today's number under the same name.
    if !merged && same(&k.name) {
        return None;
    }
    let t = texts(lang);
    let text = if merged { t.notice_part_of } else { t.notice_now };
    Some(text.replace("{old}", &via.label()).replace("{new}", &format!("{} ({})", k.name, k.code)))
}

/// Today's kommune a number names: today's own number, or one of 2011–2014 that lives on in
/// exactly one of today's kommuner.
fn today_of<'a>(ds: &'a Dataset, code: &str) -> Option<&'a TodayKommune> {
    if let Some(k) = today_kommune(ds, code) {
        return Some(k);
    }
    let mut targets = ds.map.kommuner.iter().filter(|k| k.sources.iter().any(|s| s.code == code));
    match (targets.next(), targets.next()) {
        (Some(k), None) => Some(k),
        _ => None,
    }
}

/// Today's kommune by today's number.
pub fn today_kommune<'a>(ds: &'a Dataset, code: &str) -> Option<&'a TodayKommune> {
    ds.map.kommuner.iter().find(|k| k.code == code)
}

/// Today's kommune a bydel lies in: the one its first four digits (its kommune's number in the
/// table) live on in, so a bydel numbered under Bergen's old 1201 is listed under 4601.
pub fn bydel_kommune<'a>(ds: &'a Dataset, bydel: &str) -> Option<&'a TodayKommune> {
    today_of(ds, bydel.get(..4)?)
}

/// The code a page gives, as the views take it (see [`Place::resolve`]): today's kommune number
/// or the bydel's number.
pub fn resolve(ds: &Dataset, code: &str) -> Option<String> {
    Place::resolve(ds, code).map(|p| p.code().to_string())
}
