//! The places a reader compares the chosen one with: a widget's `compare="5001 1103 46"`
//! resolved once, like the place itself, into typed values the views take.
//!
//! An entry is anything [`crate::place::find`] takes (a kommune number old or new, a bydel, a
//! name), or a fylke: today's by number or name where its figures can be summed from the table's
//! published cells, else the fylke of that number as the table had it, named as such. Entries are
//! separated by spaces, or by commas where there are any (so names with spaces can be given:
//! `compare="Nordre Land, Sør-Fron"`). The chosen place, repeats and entries past [`MAX`] are
//! left out; what is left out for a reason the reader should know is said in a notice.

use crate::gather::Gather;
use crate::choose::search_key;
use crate::data::{Dataset, Gender, Level};
use crate::outcome::{cohorts, fylke_subject, place_subject, today_subject, Share, Subject, Who};
use crate::place::{find, not_found_message, Place};
use crate::text::{fill, shorten, texts, Lang};

/// The most places one chart compares with besides the chosen one and its fylke and country.
pub const MAX: usize = 6;

/// A place compared with the chosen one: its number (as `compare` takes it back), how charts
/// and tables name it, and its figures.
#[derive(Clone, Debug)]
pub struct Other<'a> {
    pub code: String,
    pub who: Who,
    pub subject: Subject<'a>,
}

/// What a `compare` attribute comes to: the places, and what the page is told about entries not
/// taken (one line each), if any.
#[derive(Clone, Debug, Default)]
pub struct Others<'a> {
    pub places: Vec<Other<'a>>,
    pub notices: Vec<String>,
}

/// The places `attr` names to compare with `chosen` (see the module's doc).
pub fn others<'a>(ds: &'a Dataset, attr: &str, chosen: &Place, lang: Lang) -> Others<'a> {
    let t = texts(lang);
    let separators: &[char] = if attr.contains([',', ';']) { &[',', ';'] } else { &[' ', '\t', '\n'] };
    let mut out = Others::default();
    let mut too_many = false;
    // A page's garbage (thousands of entries) costs a few lookups and says a few lines, no more.
    let mut said = |n: String| {
        if out.notices.len() < 3 {
            out.notices.push(n);
        }
    };
    let mut places: Vec<Other<'a>> = Vec::new();
    for entry in attr.split(separators).map(str::trim).filter(|e| !e.is_empty()).take(4 * MAX) {
        let other = match resolve(ds, entry, lang) {
            Ok(o) => o,
            Err(why) => {
                said(why.unwrap_or_else(|| fill(t.compare_unknown, &[("x", &shorten(entry))])));
                continue;
            }
        };
        let other = match other {
            Ok(o) => o,
            Err(name) => {
                said(fill(t.compare_not_summable, &[("name", &name)]));
                continue;
            }
        };
        // Oslo's fylke beside Oslo would be the same figures twice.
        let same = || {
            let cohorts = cohorts(ds, 1);
            other.subject.shares(&cohorts, 1, Gender::Alle) == place_subject(ds, chosen).shares(&cohorts, 1, Gender::Alle)
        };
        if other.code == chosen.code() || places.iter().any(|o| o.code == other.code) || (matches!(other.who, Who::Fylke { .. }) && same()) {
            continue;
        }
        if places.len() == MAX {
            too_many = true;
            continue;
        }
        places.push(other);
    }
    if too_many {
        out.notices.push(fill(t.compare_too_many, &[("n", &MAX.to_string())]));
    }
    out.places = places;
    out
}

/// One entry: the place (or `Err(name)`: today's fylke that cannot be summed), or why not (`None`:
/// no place of that number or name).
type Resolved<'a> = Result<Result<Other<'a>, String>, Option<String>>;

fn resolve<'a>(ds: &'a Dataset, entry: &str, lang: Lang) -> Resolved<'a> {
    if let Some(f) = fylke(ds, entry) {
        return Ok(f);
    }
    match find(ds, entry) {
        Ok(found) => {
            let place = found.place;
            Ok(Ok(Other { code: place.code().to_string(), who: Who::Region(place.name().to_string()), subject: place_subject(ds, &place) }))
        }
        Err(crate::place::NotFound::Unknown) => Err(None),
        Err(why) => Err(Some(not_found_message(ds, entry, &why, lang))),
    }
}

/// A fylke by number ("46", "12") or today's name ("Vestland"): today's where its figures can be
/// summed, else the table's fylke of that number.
fn fylke<'a>(ds: &'a Dataset, entry: &str) -> Option<Result<Other<'a>, String>> {
    let number = entry.len() == 2 && entry.bytes().all(|b| b.is_ascii_digit());
    let key = search_key(entry);
    let today = ds.map.fylker.iter().find(|f| if number { f.code == entry } else { search_key(&f.name) == key });
    if let Some(f) = today {
        if let Some(subject) = fylke_subject(ds, f) {
            return Some(Ok(Other { code: f.code.clone(), who: Who::Fylke { name: f.name.clone(), today: true }, subject }));
        }
    }
    let code = today.map_or(entry, |f| f.code.as_str());
    match ds.region(Level::Fylke, code).filter(|_| number) {
        Some(r) => Some(Ok(Other { code: code.to_string(), who: Who::Fylke { name: r.region.name.clone(), today: false }, subject: Subject::Region(r) })),
        None => today.map(|f| Err(f.name.clone())),
    }
}

/// A compared place's shares by cohort, as a view keeps them.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Compared {
    pub code: String,
    pub who: Who,
    pub points: Vec<Share>,
}

impl Other<'_> {
    /// The place's shares in work or education one year after, for `cohorts`, by `gender`.
    pub fn series(&self, cohorts: &[u16], gender: Gender) -> Compared {
        Compared { code: self.code.clone(), who: self.who.clone(), points: self.subject.shares(cohorts, 1, gender) }
    }
}

/// Today's kommuner sharing a land border with `place` on Kartverket's map of 2024, in the map's
/// order; none for a bydel.
pub fn neighbours<'a>(ds: &'a Dataset, place: &Place) -> Vec<&'a crate::data::TodayKommune> {
    let Place::Kommune(k) = place else { return Vec::new() };
    ds.map.kommuner.iter().filter(|n| k.neighbours.contains(&n.code)).gather()
}

/// The one-click comparison group: the neighbours, at most [`MAX`]: those with the most who
/// finished over the table's cohorts (as published; a suppressed count counts as none), as
/// `compare` takes them ("3201 3205 …").
pub fn neighbour_group(ds: &Dataset, place: &Place) -> String {
    let cohorts = cohorts(ds, 1);
    let finished = |k: &crate::data::TodayKommune| -> u32 {
        let s = today_subject(ds, k);
        cohorts.iter().filter_map(|&c| s.outcome(c, 1, Gender::Alle)?.finished().value()).map(u32::from).sum()
    };
    let mut all: Vec<(u32, &str)> = neighbours(ds, place).into_iter().map(|k| (finished(k), k.code.as_str())).gather();
    // Most first; the map's order among equals.
    crate::sort::sort_by(&mut all, |a, b| a.0 > b.0);
    all.truncate(MAX);
    all.iter().map(|(_, c)| *c).gather().join(" ")
}

/// Where every place compared with borders on `place`: a note naming all its neighbours, with
/// the map's source.
pub fn neighbours_note(ds: &Dataset, place: &Place, others: &[Other], lang: Lang) -> Option<String> {
    let all = neighbours(ds, place);
    let bordering = |o: &Other| all.iter().any(|k| k.code == o.code);
    if others.is_empty() || !others.iter().all(bordering) {
        return None;
    }
    let names: Vec<String> = all.iter().map(|k| k.name.clone()).gather();
    let list = crate::text::say::list(&names, lang)?;
    Some(fill(texts(lang).note_neighbours, &[("name", place.name()), ("list", &list)]))
}
