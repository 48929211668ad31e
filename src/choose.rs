//! The kommune chooser: today's kommuner grouped by today's fylke, each with its bydeler, in
//! Norwegian alphabetical order, filtered by what the reader types. The page only puts the
//! options it is given into its list.

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

/// The options of one fylke.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Group {
    pub label: String,
    pub options: Vec<Choice>,
}

/// What the list holds for a search.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct List {
    /// The first, empty entry: "Velg kommune …".
    pub placeholder: String,
    pub groups: Vec<Group>,
    /// The kommune chosen now, where the search hides it: kept choosable after the groups.
    pub current: Option<Choice>,
    /// "3 kommuner passer", or nothing without a search.
    pub count: String,
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

/// " Oslo – Gamle Oslo (bydel)", indented under its kommune.
pub fn bydel_label(kommune: &str, bydel: &str, lang: Lang) -> String {
    format!("\u{2003}{kommune} – {bydel} ({})", texts(lang).bydel)
}

/// Whether a search (folded) finds a code or any of the names: the code from its start, a
/// name anywhere.
fn matches(query: &str, code: &str, names: &[&str]) -> bool {
    query.is_empty() || code.starts_with(query) || names.iter().any(|n| fold(n).contains(query))
}

/// The list's first, empty entry: "Velg kommune …".
pub fn placeholder(lang: Lang) -> String {
    format!("{} …", texts(lang).choose_kommune)
}

/// The list for a search (as typed: it is trimmed and folded here), keeping `current` (the
/// code chosen now) choosable.
pub fn list(ds: &Dataset, lang: Lang, search: &str, current: &str) -> List {
    let t = texts(lang);
    let query = fold(search.trim());
    let fylker = sort_by_cached_key(ds.map.fylker.iter().collect(), |f| sort_key(&f.name));
    let kommuner = sort_by_cached_key(ds.map.kommuner.iter().collect(), |k| (sort_key(&k.name), k.code.as_str()));
    let bydeler: Vec<(&str, &str, &str)> = ds
        .regions
        .iter()
        .filter(|r| r.region.level == Level::Bydel)
        // A bydel whose kommune number lives on in no one kommune of today has no place in the
        // list; its number still works in the `kommune` attribute.
        .filter_map(|r| Some((r.region.code.as_str(), r.region.name.as_str(), bydel_kommune(ds, &r.region.code)?.code.as_str())))
        .collect();
    let mut shown = 0;
    let mut groups = Vec::new();
    for f in fylker {
        let mut options = Vec::new();
        for k in kommuner.iter().filter(|k| k.fylke == f.code) {
            let names: Vec<&str> = std::iter::once(k.name.as_str()).chain(k.other_names.iter().map(String::as_str)).collect();
            let kommune_matches = matches(&query, &k.code, &names);
            if kommune_matches {
                options.push(Choice { value: k.code.clone(), label: kommune_label(k) });
                shown += 1;
            }
            // Its bydeler after it: all where the kommune matches, else those that match
            // themselves (each then counted as a match).
            for &(code, name, _) in bydeler.iter().filter(|b| b.2 == k.code) {
                if matches(&query, code, &[name, &k.name]) {
                    options.push(Choice { value: code.to_string(), label: bydel_label(&k.name, name, lang) });
                    shown += !kommune_matches as usize;
                }
            }
        }
        if !options.is_empty() {
            groups.push(Group { label: f.name.clone(), options });
        }
    }
    let current = match Place::resolve(ds, current) {
        Some(Place::Kommune(k)) if !groups.iter().any(|g| g.options.iter().any(|o| o.value == k.code)) => {
            Some(Choice { value: k.code.clone(), label: kommune_label(k) })
        }
        _ => None,
    };
    let count = match (query.is_empty(), shown) {
        (true, _) => String::new(),
        (false, 1) => t.search_count_one.to_string(),
        (false, n) => t.search_count.replace("{n}", &n.to_string()),
    };
    List { placeholder: placeholder(lang), groups, current, count }
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
