//! The kommune chooser: today's kommuner and the table's bydeler, ranked for what the reader
//! types ([`search`]). The page only puts the options it is given into its listbox.

use crate::gather::Gather;
use crate::data::{Dataset, Level, TodayKommune};
use crate::place::{bydel_kommune, Place};
use crate::sort::sort_by_cached_key;
use crate::text::{sort_key, texts, Lang};
use serde::Serialize;

/// One entry of the list: the code it chooses and what it says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// Lower case without diacritics, hyphens and dashes as spaces, æ as "ae", ø as "o" and å as
/// "a", so "porsangu" finds Porsáŋgu, "tråante" Tråante and "baerum" Bærum. A table of its own
/// rather than Unicode's: std's case mapping and decomposition tables would weigh kilobytes in
/// the wasm. Search compares [`search_key`]s, which fold further.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, 'Æ' | 'æ') {
            out.push_str("ae");
            continue;
        }
        out.push(match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            'Ø' | 'ø' => 'o',
            'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => 'a',
            'Ç' | 'ç' | 'Ć'..='č' => 'c',
            'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => 'e',
            'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => 'i',
            'Ñ' | 'ñ' | 'Ń'..='ň' => 'n',
            'Ò'..='Ö' | 'ò'..='ö' | 'Ō'..='ő' => 'o',
            'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => 'u',
            'Ý' | 'ý' | 'ÿ' => 'y',
            'Ď' | 'ď' | 'Đ' | 'đ' => 'd',
            'Ŋ' | 'ŋ' => 'n',
            'Š' | 'š' | 'Ś'..='ş' => 's',
            'Ŧ' | 'ŧ' | 'Ţ'..='ť' => 't',
            'Ž' | 'ž' | 'Ź'..='ż' => 'z',
            '-' | '–' => ' ',
            c => c,
        });
    }
    out
}

/// What search compares: [`fold`], then "aa", "ae" and "oe" as the one letter they stand for
/// (å, æ, ø in ASCII), on both sides, so that "aalesund" and "alesund" find Ålesund, "baerum"
/// and "berum" Bærum, "tromsoe" and "tromso" Tromsø.
pub fn search_key(text: &str) -> String {
    let folded = fold(text.trim());
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        let digraph = match (out.chars().next_back(), c) {
            (Some('a'), 'a') => Some('a'),
            (Some('a'), 'e') => Some('e'),
            (Some('o'), 'e') => Some('o'),
            _ => None,
        };
        match digraph {
            Some(d) => {
                out.pop();
                out.push(d);
            }
            None => out.push(c),
        }
    }
    out
}

/// "Bergen (4601)".
pub fn kommune_label(k: &TodayKommune) -> String {
    format!("{} ({})", k.name, k.code)
}

/// "Oslo – Gamle Oslo (bydel)".
pub fn bydel_label(kommune: &str, bydel: &str, lang: Lang) -> String {
    format!("{kommune} – {bydel} ({})", texts(lang).bydel)
}

/// The list's entry for one place: what a widget's list holds until it is first used, without
/// making the whole list.
pub fn one(lang: Lang, place: &Place) -> Option<Choice> {
    Some(match *place {
        Place::Kommune(k) => Choice { value: k.code.clone(), label: kommune_label(k) },
        Place::Bydel { region, today, .. } => {
            Choice { value: region.region.code.clone(), label: bydel_label(&today?.name, &region.region.name, lang) }
        }
    })
}

/// One option of a search: the code it chooses, what the list says, and why a former number or
/// name found it ("tidligere Klæbu (5030)").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Match {
    pub value: String,
    pub label: String,
    pub note: Option<String>,
}

/// What a search found: "3 kommuner passer" (nothing without a search) and the options, best first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SearchResult {
    pub count: String,
    pub options: Vec<Match>,
}

/// The most options a search shows; `count` still says how many matched.
pub const SEARCH_LIMIT: usize = 50;

/// How well a name (a [`search_key`]) matches a query: 0 the whole name, 1 its start, 2 the
/// start of a later word ("tråante", "oslo" in "Oslo – Gamle Oslo"), 5 anywhere.
fn name_tier(name: &str, query: &str) -> Option<u8> {
    if name == query {
        Some(0)
    } else if name.starts_with(query) {
        Some(1)
    } else if name.split(' ').skip(1).any(|w| w.starts_with(query)) {
        Some(2)
    } else if name.contains(query) {
        Some(5)
    } else {
        None
    }
}

/// How well a number matches a query of digits, with or without its leading zero: 3 the whole
/// number, 4 its start.
fn code_tier(code: &str, query: &str) -> Option<u8> {
    let bare = code.trim_start_matches('0');
    if code == query || bare == query {
        Some(3)
    } else if code.starts_with(query) || bare.starts_with(query) {
        Some(4)
    } else {
        None
    }
}

/// A place's rank for a query: the best of its names and numbers. Today's rank `2 × tier`, a
/// former's `2 × tier + 3` (a former name whole, after today's names' starts: "berg" finds Bergen
/// before Senja, which was Berg); lower is better.
fn rank(query: &str, digits: bool, names: &[&str], code: &str, former: bool) -> Option<u8> {
    let tier = match digits {
        true => code_tier(code, query),
        false => names.iter().filter_map(|n| name_tier(&search_key(n), query)).min(),
    }?;
    Some(2 * tier + 3 * former as u8)
}

/// Today's kommuner and listed bydeler that match what the reader typed (as typed: trimmed and
/// folded here, see [`search_key`]), best first: whole name, start of the name, start of a later
/// word, number, anywhere in the name; today's names and numbers before former ones of the same
/// kind; ties in Norwegian alphabetical order. A match by a former number or name is today's
/// kommune with a note saying so. At most [`SEARCH_LIMIT`]. An empty search is every kommune
/// and listed bydel, alphabetical, with no count.
pub fn search(ds: &Dataset, lang: Lang, query: &str) -> SearchResult {
    let t = texts(lang);
    let q = search_key(query);
    let digits = !q.is_empty() && q.bytes().all(|b| b.is_ascii_digit());
    let mut found: Vec<(u8, String, Match)> = Vec::new();
    for k in &ds.map.kommuner {
        let mut names: Vec<&str> = vec![&k.name, k.name.split(" (").next().unwrap_or(&k.name)];
        k.other_names.iter().map(String::as_str).gather_into(&mut names);
        let today = rank(&q, digits, &names, &k.code, false);
        let former = k
            .former
            .iter()
            .filter_map(|f| Some((rank(&q, digits, &[&f.name, f.name.split(" (").next().unwrap_or(&f.name)], &f.code, true)?, f)))
            .min_by_key(|(r, f)| (*r, std::cmp::Reverse(f.code.as_str())));
        let (best, note) = match (today, former) {
            _ if q.is_empty() => (0, None),
            (Some(r), Some((fr, _))) if r <= fr => (r, None),
            (Some(r), None) => (r, None),
            (_, Some((fr, f))) => {
                let text = if f.divided { t.search_former_part } else { t.search_former };
                (fr, Some(text.replace("{name}", &format!("{} ({})", f.name, f.code))))
            }
            (None, None) => continue,
        };
        found.push((best, sort_key(&k.name), Match { value: k.code.clone(), label: kommune_label(k), note }));
    }
    for r in ds.regions.iter().filter(|r| r.region.level == Level::Bydel) {
        let Some(k) = bydel_kommune(ds, &r.region.code) else { continue };
        let label = bydel_label(&k.name, &r.region.name, lang);
        let whole = format!("{} – {}", k.name, r.region.name);
        let best = match rank(&q, digits, &[&r.region.name, &whole], &r.region.code, false) {
            _ if q.is_empty() => 0,
            Some(best) => best,
            None => continue,
        };
        found.push((best, sort_key(&label), Match { value: r.region.code.clone(), label, note: None }));
    }
    let n = found.len();
    let mut options: Vec<Match> = sort_by_cached_key(found, |(rank, key, _)| (*rank, key.clone())).into_iter().map(|(_, _, m)| m).gather();
    let count = match (q.is_empty(), n) {
        (true, _) => String::new(),
        (false, 0) => t.search_none.to_string(),
        (false, 1) => t.search_count_one.to_string(),
        (false, n) => t.search_count.replace("{n}", &n.to_string()),
    };
    if !q.is_empty() {
        options.truncate(SEARCH_LIMIT);
    }
    SearchResult { count, options }
}
