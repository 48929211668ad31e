//! Every sentence the widget writes, on the frozen fixture (`tests/fixtures/data/`, see `common`):
//! every place of today (kommuner, then bydeler, as `window::all_places` lists them) × every view ×
//! nb, nn and en, each view computed once and worded in the three languages. Three tests:
//!
//! - `every_sentence_keeps_the_rules` checks the rules below and fails with the number of
//!   violations, counted by rule and language, and the first 60, grouped by rule
//!   (`INTRO_STATUS_SENTENCES_ALL=1` lists them all). Each names the language, place, view and
//!   the text it is about.
//! - `snapshots_of_varied_places` compares what ~30 chosen places show, every view in nb, nn and en
//!   in the text layout of `intro-status view` (`window::render`, `Format::Text`), with
//!   `tests/snapshots/<code>-<name>.txt`, exactly. `INTRO_STATUS_BLESS=1 cargo test --test
//!   sentences` rewrites them (and removes snapshots of places no longer chosen).
//! - `the_checks_catch_what_they_should` runs the rules' machinery on made-up sentences.
//!
//! # The rules
//!
//! 1. **numbers**: every number in a summary appears in that view's table: in a cell, a column
//!    header or the caption. Numbers are compared as written, after folding the language's
//!    thousands separator (a no-break space in nb and nn, "3 842"; a comma in en, "3,842") and
//!    its decimal comma (nb, nn) or point (en): "49,6" matches "49,6", never "50" or "49,60".
//!    Years and per cents are numbers like any other; a number inside a place's name is not one.
//! 2. **dangling**: no empty list or dangling clause, in any text of a view (title, summary,
//!    notes, caption, headers, cells, footnotes): none of "for .", " ,", ", .", " .", " ;",
//!    " :", ",,", ",.", ";.", ":.", ": .", ": ,", "()", "( ", " )", and no doubled space (two
//!    spaces, no-break spaces included, side by side), no space at either end.
//! 3. **placeholder**: no "{" or "}", the marks of a template's slot left unfilled.
//! 4. **plural crutch**: no "(s)" crutch: a word that runs straight into one to three
//!    lower-case letters in brackets, as in "year(s)" or "kommune(r)". Say the number the data
//!    has ("1 year", "2 years").
//! 5. **glued reason**: the reason a figure is missing (for a suppressed cell, a real zero, no
//!    row, a merged kommune that cannot be summed, a divided one: as `format_share` words it
//!    from `Texts::suppressed`, `no_completers`, `no_data`, `incomplete`, `divided`, and as
//!    `say::reason` does) never stands where a number should, in a summary or a note. It is
//!    glued in when it comes
//!    (a) right after a word that introduces a value: "av", "og", "var", "er", "menn",
//!    "kvinner", … in nb and nn, "of", "and", "were", "was", "men", "women", … in en
//!    ("58 prosent av mennene og kan ikke summeres … av kvinnene");
//!    (b) right before words that follow a value: "av mennene", "var", … in nb and nn, "of the
//!    men", "were", … in en ("In Asker, cannot be summed … of the men", but not "Narvik has no
//!    figures of its own");
//!    (c) before a unit ("prosent", "per cent", "%"), with nothing between but numbers, other
//!    reasons, "," and "og"/"and" ("Hele landet: ingen tall prosent.", "skjult, 4 og 40
//!    prosent");
//!    (d) as an item of a list of values: after a unit and a comma ("56 prosent, for få
//!    deltakere …"), or after a number and a comma when the list goes on after it ("56, skjult
//!    og 40"), but not in "In 2013, no participants finished in the period."
//!    The table's short words for the same (`suppressed_short` "skjult", `cell_incomplete`,
//!    `cell_no_completers` "ingen", and "–") are held to (c) and (d) only, as they are also
//!    ordinary words ("der antallet er skjult", "og ingen størrelse å sammenligne").
//! 6. **full stop**: every summary, note and footnote ends with a full stop. Not with "…": an
//!    ellipsis says a sentence was cut short, and these are whole sentences (a screen reader
//!    reads it as a pause or as "dot dot dot"); nor with no mark at all, as a footnote ending in
//!    an address does: the address is followed by the full stop.
//! 7. **capital**: every summary, note and footnote starts with a capital letter or a digit.
//! 8. **title stop**: no title ends with a full stop.
//! 9. **empty**: no view stands empty: its summary is not empty and its table has a row.

mod common;

use common::fixture;
use intro_status::data::Dataset;
use intro_status::outcome::{cohorts, subjects, Share};
use intro_status::place::Place;
use intro_status::text::{format_share, say, texts, Lang, Table};
use intro_status::views::{view_data, ViewKind, ViewText};
use intro_status::window::{all_places, render, Format};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const LANGS: [Lang; 3] = [Lang::Nb, Lang::Nn, Lang::En];

/// One view of one place in one language: what a widget shows besides the chart.
struct Shown {
    /// "0301 Oslo".
    place: String,
    view: &'static str,
    lang: Lang,
    text: ViewText,
}

/// Every place × view × language of the fixture, computed once (each view's figures once, then
/// worded in each language), on as many threads as there are cores.
fn everything() -> &'static [Shown] {
    static ALL: OnceLock<Vec<Shown>> = OnceLock::new();
    ALL.get_or_init(|| {
        let ds = fixture();
        let places = all_places(ds);
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(places.len().max(1));
        let chunk = places.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let workers: Vec<_> = places.chunks(chunk.max(1)).map(|part| scope.spawn(move || shown_of(ds, part))).collect();
            workers.into_iter().flat_map(|w| w.join().expect("a worker wording views")).collect()
        })
    })
}

fn empty_view() -> ViewText {
    let table = Table { caption: String::new(), headers: Vec::new(), rows: Vec::new(), footnotes: Vec::new() };
    ViewText { title: String::new(), summary: String::new(), notes: Vec::new(), table }
}

fn shown_of(ds: &Dataset, places: &[Place]) -> Vec<Shown> {
    let mut out = Vec::new();
    for place in places {
        let name = format!("{} {}", place.code(), place.name());
        for kind in ViewKind::ALL {
            let data = view_data(ds, kind, place, None);
            for lang in LANGS {
                // A view the place does not have stands empty, and says so under rule 9.
                let text = data.as_ref().map_or_else(empty_view, |d| d.text(lang));
                out.push(Shown { place: name.clone(), view: kind.key(), lang, text });
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The rules

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Rule {
    Numbers,
    Dangling,
    Placeholder,
    PluralCrutch,
    GluedReason,
    FullStop,
    Capital,
    TitleStop,
    Empty,
}

impl Rule {
    fn says(self) -> &'static str {
        match self {
            Rule::Numbers => "numbers: every number in a summary appears in the view's table (cells, headers, caption, footnotes), the goal's 70 aside",
            Rule::Dangling => "dangling: no empty list or dangling clause, no doubled or outer space",
            Rule::Placeholder => "placeholder: no \"{\" or \"}\" left from a template",
            Rule::PluralCrutch => "plural crutch: no \"year(s)\"",
            Rule::GluedReason => "glued reason: a reason for a missing figure never stands where a number should",
            Rule::FullStop => "full stop: every summary, note and footnote ends with \".\"",
            Rule::Capital => "capital: every summary, note and footnote starts with a capital letter or a digit (a footnote also with the table's mark «–»)",
            Rule::TitleStop => "title stop: no title ends with \".\"",
            Rule::Empty => "empty: a summary is never empty, a table has at least one row",
        }
    }
}

struct Violation<'a> {
    rule: Rule,
    shown: &'a Shown,
    field: Field,
    what: String,
    text: String,
}

impl std::fmt::Display for Violation<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let s = self.shown;
        write!(f, "{} · {} · {} · {}: {}\n        «{}»", s.lang.code(), s.place, s.view, self.field, self.what, self.text)
    }
}

/// Which text of a view.
#[derive(Clone, Copy, Debug)]
enum Field {
    Title,
    Summary,
    Note(usize),
    Caption,
    Header(usize),
    Cell(usize, usize),
    Footnote(usize),
    Table,
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Field::Title => write!(f, "title"),
            Field::Summary => write!(f, "summary"),
            Field::Note(i) => write!(f, "note {}", i + 1),
            Field::Caption => write!(f, "caption"),
            Field::Header(i) => write!(f, "header {}", i + 1),
            Field::Cell(r, c) => write!(f, "cell {}.{}", r + 1, c + 1),
            Field::Footnote(i) => write!(f, "footnote {}", i + 1),
            Field::Table => write!(f, "table"),
        }
    }
}

/// The texts of a view, each with its place in it, in the order a page shows them.
fn fields(t: &ViewText) -> Vec<(Field, &str)> {
    let mut out = vec![(Field::Title, t.title.as_str()), (Field::Summary, t.summary.as_str())];
    out.extend(t.notes.iter().enumerate().map(|(i, n)| (Field::Note(i), n.as_str())));
    out.push((Field::Caption, t.table.caption.as_str()));
    out.extend(t.table.headers.iter().enumerate().map(|(i, h)| (Field::Header(i), h.as_str())));
    for (r, row) in t.table.rows.iter().enumerate() {
        out.extend(row.iter().enumerate().map(|(c, cell)| (Field::Cell(r, c), cell.as_str())));
    }
    out.extend(t.table.footnotes.iter().enumerate().map(|(i, n)| (Field::Footnote(i), n.as_str())));
    out
}

/// The sentences of a view: summary, notes and footnotes.
fn sentences(t: &ViewText) -> Vec<(Field, &str)> {
    let mut out = vec![(Field::Summary, t.summary.as_str())];
    out.extend(t.notes.iter().enumerate().map(|(i, n)| (Field::Note(i), n.as_str())));
    out.extend(t.table.footnotes.iter().enumerate().map(|(i, n)| (Field::Footnote(i), n.as_str())));
    out
}

/// What the rules need besides the views: place names with digits in them, and per language
/// the reason texts.
struct Context {
    digit_names: Vec<String>,
    reasons: [Reasons; 3],
}

struct Reasons {
    /// Lower-case, longest first: (text, whether it is a whole reason rather than a table's short word).
    words: Vec<(String, bool)>,
    /// Words after which a reason stands in a value's place.
    before_value: &'static [&'static str],
    /// Words before which a reason stands in a value's place ("{m} av mennene").
    after_value: &'static [&'static [&'static str]],
}

fn context(ds: &Dataset) -> Context {
    let mut digit_names: Vec<String> = ds
        .map
        .kommuner
        .iter()
        .flat_map(|k| std::iter::once(&k.name).chain(&k.other_names))
        .chain(ds.regions.iter().map(|r| &r.region.name))
        .filter(|n| n.chars().any(|c| c.is_ascii_digit()))
        .cloned()
        .collect();
    digit_names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let reasons = LANGS.map(|lang| {
        let t = texts(lang);
        // Each reason as the table's footnotes give it (`format_share`, from `Texts`) and as the
        // sentences give it (`say::reason`).
        let missing = [
            Share::Suppressed { finished: None },
            Share::NotYet,
            Share::NotApplicable,
            Share::NoCompleters,
            Share::NoData,
            Share::Incomplete { finished: None },
            Share::Divided,
        ];
        let long = missing.iter().flat_map(|s| [format_share(s, lang), say::reason(s, lang).to_string()]).map(|w| (w.to_lowercase(), true));
        let short = [t.suppressed_short, t.not_yet_short, t.not_applicable_short, t.cell_incomplete, t.cell_no_completers, "–"].map(|w| (w.to_lowercase(), false));
        let mut words: Vec<(String, bool)> = long.chain(short).filter(|(w, _)| !w.is_empty()).collect();
        words.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
        words.dedup_by(|a, b| a.0 == b.0);
        let before_value: &'static [&'static str] = match lang {
            Lang::Nb => &["av", "og", "var", "er", "ble", "menn", "kvinner", "mennene", "kvinnene", "fra", "til", "mellom"],
            Lang::Nn => &["av", "og", "var", "er", "vart", "blei", "menn", "kvinner", "mennene", "kvinnene", "frå", "til", "mellom"],
            Lang::En => &["of", "and", "were", "was", "is", "are", "men", "women", "from", "to", "between"],
        };
        let after_value: &'static [&'static [&'static str]] = match lang {
            Lang::Nb => &[&["av", "mennene"], &["av", "kvinnene"], &["av", "dem"], &["var"], &["ble"]],
            Lang::Nn => &[&["av", "mennene"], &["av", "kvinnene"], &["av", "dei"], &["var"], &["vart"], &["blei"]],
            Lang::En => &[&["of", "the", "men"], &["of", "the", "women"], &["of", "those"], &["of", "them"], &["were"], &["was"]],
        };
        Reasons { words, before_value, after_value }
    });
    Context { digit_names, reasons }
}

fn lang_index(lang: Lang) -> usize {
    LANGS.iter().position(|&l| l == lang).expect("a language of LANGS")
}

/// The numbers of a text as written, each folded to its digits with "." before any decimals:
/// "3 842" (nb) and "3,842" (en) are "3842", "49,6" (nb) and "49.6" (en) are "49.6". A digit
/// straight after a letter is part of a word, not a number.
fn numbers(text: &str, lang: Lang) -> Vec<String> {
    let (thousands, decimal): (&[char], char) = match lang {
        Lang::En => (&[','], '.'),
        _ => (&['\u{a0}', '\u{202f}'], ','),
    };
    let c: Vec<char> = text.chars().collect();
    let digit = |i: usize| c.get(i).is_some_and(char::is_ascii_digit);
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if !digit(i) || (i > 0 && c[i - 1].is_alphanumeric()) {
            i += 1;
            continue;
        }
        let mut n = String::new();
        while digit(i) {
            n.push(c[i]);
            i += 1;
        }
        // A group of exactly three digits after a thousands separator.
        while i < c.len() && thousands.contains(&c[i]) && (1..=3).all(|k| digit(i + k)) && !digit(i + 4) {
            n.extend(&c[i + 1..i + 4]);
            i += 4;
        }
        if i < c.len() && c[i] == decimal && digit(i + 1) {
            n.push('.');
            i += 1;
            while digit(i) {
                n.push(c[i]);
                i += 1;
            }
        }
        out.push(n);
    }
    out
}

/// The text with every place name that has a digit in it blanked out, also where an aside went
/// inside the name's own brackets ("tidligere Inderøy (-2011; ingen publiserte antall å samle)",
/// `say::labelled`).
fn without_digit_names(text: &str, cx: &Context) -> String {
    let mut out = text.to_string();
    for name in &cx.digit_names {
        out = out.replace(name.as_str(), " ");
        if let Some(open) = name.strip_suffix(')') {
            out = out.replace(&format!("{open}; "), " ");
        }
    }
    out
}

/// Substrings that leave a list empty or a clause dangling; and `") ("`: two asides in a row
/// ("Hordaland (fylket den gang) (for få deltakere …)"), which a screen reader reads as one
/// muddle; `say::labelled` puts the second inside the first.
const DANGLING: [&str; 19] =
    ["for .", " ,", ", .", " .", " ;", " :", ",,", ",.", ";.", ":.", ": .", ": ,", "()", "( ", " )", "..", ",;", ";,", ") ("];

/// A token of a sentence, for finding reasons in value slots.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Tok<'a> {
    Word(&'a str),
    Num,
    /// "prosent", "per cent", "%".
    Unit,
    Punct(char),
    /// One of the reason texts; `true` for a whole reason, `false` for a table's short word.
    Reason(usize, bool),
}

fn is_boundary(c: Option<char>) -> bool {
    c.is_none_or(|c| !c.is_alphanumeric())
}

/// The lower-cased text as tokens, each reason text one token.
fn tokens<'a>(low: &'a str, r: &Reasons) -> Vec<Tok<'a>> {
    // Reason spans, longest first, not overlapping, on word boundaries.
    let mut spans: Vec<(usize, usize, usize, bool)> = Vec::new();
    for (k, (w, long)) in r.words.iter().enumerate() {
        for (at, _) in low.match_indices(w.as_str()) {
            let end = at + w.len();
            let clear = is_boundary(low[..at].chars().next_back()) && is_boundary(low[end..].chars().next());
            if clear && !spans.iter().any(|&(a, e, _, _)| at < e && a < end) {
                spans.push((at, end, k, *long));
            }
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < low.len() {
        if let Some(&(_, end, k, long)) = spans.iter().find(|s| s.0 == i) {
            out.push(Tok::Reason(k, long));
            i = end;
            continue;
        }
        let rest = &low[i..];
        let ch = rest.chars().next().expect("inside the text");
        if ch.is_whitespace() {
            i += ch.len_utf8();
        } else if ch.is_ascii_digit() {
            let len = rest
                .char_indices()
                .find(|&(j, c)| {
                    !(c.is_ascii_digit() || ([',', '.', '\u{a0}'].contains(&c) && rest[j + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit())))
                })
                .map_or(rest.len(), |(j, _)| j);
            out.push(Tok::Num);
            i += len;
        } else if ch == '%' {
            out.push(Tok::Unit);
            i += 1;
        } else if rest.starts_with("per cent") && is_boundary(rest["per cent".len()..].chars().next()) {
            out.push(Tok::Unit);
            i += "per cent".len();
        } else if ch.is_alphabetic() {
            let len = rest.char_indices().find(|&(_, c)| !(c.is_alphanumeric() || c == '-' || c == '\'')).map_or(rest.len(), |(j, _)| j);
            let word = &rest[..len];
            out.push(if word == "prosent" { Tok::Unit } else { Tok::Word(word) });
            i += len;
        } else {
            out.push(Tok::Punct(ch));
            i += ch.len_utf8();
        }
    }
    out
}

/// Where a reason text stands in a value's place: the reason and why, for each.
fn glued_reasons(text: &str, r: &Reasons) -> Vec<String> {
    let low = text.to_lowercase();
    let toks = tokens(&low, r);
    let mut out = Vec::new();
    for (i, tok) in toks.iter().enumerate() {
        let Tok::Reason(k, long) = *tok else { continue };
        let reason = &r.words[k].0;
        let before = |back: usize| i.checked_sub(back).map(|j| toks[j]);
        if let (true, Some(Tok::Word(w))) = (long, before(1)) {
            if r.before_value.contains(&w) {
                out.push(format!("«{reason}» right after «{w}», where a value belongs"));
                continue;
            }
        }
        let next_is = |words: &[&str]| words.iter().enumerate().all(|(k, w)| toks.get(i + 1 + k) == Some(&Tok::Word(w)));
        if let (true, Some(words)) = (long, r.after_value.iter().find(|words| next_is(words))) {
            out.push(format!("«{reason}» right before «{}», where a value belongs", words.join(" ")));
            continue;
        }
        // The run of values the reason stands in: numbers, other reasons, "," and "og"/"and".
        let list = |t: &Tok| matches!(t, Tok::Num | Tok::Reason(..) | Tok::Punct(',') | Tok::Word("og" | "and"));
        let end = toks[i + 1..].iter().position(|t| !list(t)).map_or(toks.len(), |p| i + 1 + p);
        if toks.get(end) == Some(&Tok::Unit) {
            out.push(format!("«{reason}» in a number's slot, before its unit"));
            continue;
        }
        // After "56 prosent," or "56," when the list goes on after it ("56, skjult og 40").
        let goes_on = matches!(toks.get(i + 1), Some(Tok::Punct(',') | Tok::Word("og" | "and")))
            && matches!(toks.get(i + 2), Some(Tok::Num | Tok::Reason(..)));
        if before(1) == Some(Tok::Punct(',')) && (before(2) == Some(Tok::Unit) || (before(2) == Some(Tok::Num) && goes_on)) {
            out.push(format!("«{reason}» as an item of a list of values"));
        }
    }
    out
}

/// A word running straight into one to three lower-case letters in brackets: "year(s)".
fn plural_crutch(text: &str) -> Option<String> {
    let c: Vec<char> = text.chars().collect();
    for (i, &ch) in c.iter().enumerate() {
        if ch != '(' || i == 0 || !c[i - 1].is_alphabetic() {
            continue;
        }
        let close = c[i + 1..].iter().position(|&x| x == ')').map(|p| i + 1 + p);
        if let Some(close) = close {
            let inside = &c[i + 1..close];
            if (1..=3).contains(&inside.len()) && inside.iter().all(|x| x.is_lowercase()) {
                let start = c[..i].iter().rposition(|x| !x.is_alphabetic()).map_or(0, |p| p + 1);
                return Some(c[start..=close].iter().collect());
            }
        }
    }
    None
}

/// What a text breaks of the rules that hold for every text of a view, whatever its place:
/// dangling clauses, placeholders, plural crutches.
fn text_findings(text: &str) -> Vec<(Rule, String)> {
    let mut out = Vec::new();
    let mut found: Vec<String> = DANGLING.iter().filter(|p| text.contains(*p)).map(|p| format!("«{p}»")).collect();
    let mut chars = text.chars().peekable();
    let mut doubled = false;
    while let Some(c) = chars.next() {
        doubled |= c.is_whitespace() && chars.peek().is_some_and(|d| d.is_whitespace());
    }
    if doubled {
        found.push("a doubled space".to_string());
    }
    if text.starts_with(char::is_whitespace) || text.ends_with(char::is_whitespace) {
        found.push("a space at an end".to_string());
    }
    if !found.is_empty() {
        out.push((Rule::Dangling, found.join(", ")));
    }
    if text.contains(['{', '}']) {
        out.push((Rule::Placeholder, "a slot left unfilled".to_string()));
    }
    if let Some(word) = plural_crutch(text) {
        out.push((Rule::PluralCrutch, format!("«{word}»")));
    }
    out
}

/// What the checks learn of a text once, for every view that shows it again (most cells, headers
/// and footnotes stand in many views).
#[derive(Default)]
struct Memo<'a> {
    findings: HashMap<&'a str, Vec<(Rule, String)>>,
    numbers: HashMap<(usize, &'a str), Vec<String>>,
    glued: HashMap<(usize, &'a str), Vec<String>>,
}

fn check<'a>(shown: &'a Shown, cx: &Context, memo: &mut Memo<'a>, out: &mut Vec<Violation<'a>>) {
    let t = &shown.text;
    let lang = shown.lang;
    let mut add = |rule, field: Field, what: String, text: &str| {
        out.push(Violation { rule, shown, field, what, text: text.to_string() });
    };

    // 1. Numbers of the summary in the table.
    let mut table: BTreeSet<String> = BTreeSet::new();
    // The table's footnotes are part of it (a pooled figure's interval stands there); the goal,
    // 70 %, is the programme's, not a figure of the data.
    table.insert(intro_status::outcome::GOAL_PERCENT.to_string());
    for cell in std::iter::once(&t.table.caption).chain(&t.table.headers).chain(t.table.rows.iter().flatten()).chain(&t.table.footnotes) {
        let numbers = memo.numbers.entry((lang_index(lang), cell.as_str())).or_insert_with(|| numbers(&without_digit_names(cell, cx), lang));
        table.extend(numbers.iter().cloned());
    }
    let mut missing: Vec<String> = Vec::new();
    for n in numbers(&without_digit_names(&t.summary, cx), lang) {
        if !table.contains(&n) && !missing.contains(&n) {
            missing.push(n);
        }
    }
    if !missing.is_empty() {
        let list = missing.iter().map(|n| format!("«{n}»")).collect::<Vec<_>>().join(", ");
        add(Rule::Numbers, Field::Summary, format!("{list} not in the table"), &t.summary);
    }

    // 2–4. Dangling clauses, placeholders, plural crutches, in every text.
    for (field, text) in fields(t) {
        for (rule, what) in memo.findings.entry(text).or_insert_with(|| text_findings(text)) {
            add(*rule, field, what.clone(), text);
        }
    }

    // 5. Reasons glued into a value's place, in the summary and the notes.
    let reasons = &cx.reasons[lang_index(lang)];
    let prose = std::iter::once((Field::Summary, t.summary.as_str())).chain(t.notes.iter().enumerate().map(|(i, n)| (Field::Note(i), n.as_str())));
    for (field, text) in prose {
        for what in memo.glued.entry((lang_index(lang), text)).or_insert_with(|| glued_reasons(text, reasons)) {
            add(Rule::GluedReason, field, what.clone(), text);
        }
    }

    // 6–7. Sentences end with a full stop and start with a capital or a digit.
    for (field, text) in sentences(t) {
        if text.is_empty() {
            continue;
        }
        if !text.ends_with('.') {
            let end: String = text.chars().rev().take(12).collect::<Vec<_>>().into_iter().rev().collect();
            add(Rule::FullStop, field, format!("ends «…{end}»"), text);
        }
        let first = text.chars().next().expect("not empty");
        // A footnote may start with the table's own mark for "no figure", "–".
        let mark = first == '–' && matches!(field, Field::Footnote(_));
        if !(first.is_uppercase() || first.is_ascii_digit() || mark) {
            add(Rule::Capital, field, format!("starts «{first}»"), text);
        }
    }

    // 8. Titles.
    if t.title.trim_end().ends_with('.') {
        add(Rule::TitleStop, Field::Title, "ends with a full stop".to_string(), &t.title);
    }

    // 9. Nothing empty.
    if t.summary.trim().is_empty() {
        add(Rule::Empty, Field::Summary, "empty".to_string(), &t.summary);
    }
    if t.table.rows.is_empty() {
        add(Rule::Empty, Field::Table, "no rows".to_string(), &t.table.caption);
    }
}

/// The violations as a report: the count, counts by rule and language, and the first `limit`
/// grouped by rule (taken from every rule in turn, so each rule shows some).
fn report(violations: &[Violation], shown: usize, limit: usize) -> String {
    let mut by_rule: BTreeMap<Rule, Vec<&Violation>> = BTreeMap::new();
    for v in violations {
        by_rule.entry(v.rule).or_default().push(v);
    }
    let per_lang = |vs: &[&Violation]| LANGS.map(|l| format!("{} {}", l.code(), vs.iter().filter(|v| v.shown.lang == l).count())).join(", ");
    let all: Vec<&Violation> = violations.iter().collect();
    let mut out = format!(
        "{} violations of the sentence rules in {shown} views (every place × view × language; {}):\n",
        violations.len(),
        per_lang(&all)
    );
    for (rule, vs) in &by_rule {
        let _ = writeln!(out, "  {:>5}  {} ({})", vs.len(), rule.says(), per_lang(vs));
    }
    // Round-robin over the rules up to the limit.
    let mut take: BTreeMap<Rule, usize> = BTreeMap::new();
    let mut left = limit.min(violations.len());
    while left > 0 {
        for (rule, vs) in &by_rule {
            let n = take.entry(*rule).or_default();
            if *n < vs.len() && left > 0 {
                *n += 1;
                left -= 1;
            }
        }
    }
    let _ = writeln!(out, "\nThe first {}, by rule:", limit.min(violations.len()));
    for (rule, vs) in &by_rule {
        let n = take[rule];
        let _ = writeln!(out, "\n[{}] {n} of {}", rule.says(), vs.len());
        for v in &vs[..n] {
            let _ = writeln!(out, "  {v}");
        }
    }
    out
}

#[test]
fn every_sentence_keeps_the_rules() {
    let all = everything();
    let cx = context(fixture());
    let mut violations = Vec::new();
    let mut memo = Memo::default();
    for shown in all {
        check(shown, &cx, &mut memo, &mut violations);
    }
    let limit = if std::env::var_os("INTRO_STATUS_SENTENCES_ALL").is_some() { usize::MAX } else { 60 };
    assert!(violations.is_empty(), "{}", report(&violations, all.len(), limit));
}

/// The same rules with places compared: every place of the fixture beside its neighbours on
/// Kartverket's map (the one-click group), a bydel and a fylke of the day, in the views that
/// show them — the long tail compared with the long tail.
#[test]
fn every_sentence_keeps_the_rules_with_places_compared() {
    let ds = fixture();
    let cx = context(ds);
    let places = all_places(ds);
    let mut all = Vec::new();
    for place in &places {
        let attr = format!("{} 030101 12", intro_status::compare::neighbour_group(ds, place));
        for kind in ViewKind::ALL.into_iter().filter(|k| k.compares()) {
            for lang in LANGS {
                let others = intro_status::compare::others(ds, &attr, place, lang);
                let Some(o) = intro_status::views::Opened::compared(ds, place, kind, None, lang, &others.places) else { continue };
                all.push(Shown { place: format!("{} {} + {attr}", place.code(), place.name()), view: kind.key(), lang, text: o.text() });
            }
        }
    }
    let (mut violations, mut memo) = (Vec::new(), Memo::default());
    for shown in &all {
        check(shown, &cx, &mut memo, &mut violations);
    }
    assert!(violations.is_empty(), "{}", report(&violations, all.len(), 60));
}

/// The rules' own machinery, on sentences made up to break them.
#[test]
fn the_checks_catch_what_they_should() {
    assert_eq!(numbers("I Oslo var 56 prosent (140 av 1\u{a0}030) i 2013, 49,6 til 61,8 prosent.", Lang::Nb), ["56", "140", "1030", "2013", "49.6", "61.8"]);
    assert_eq!(numbers("Pooled over 2010, 2011, 2013: 1,030 at 49.6%, 2010–2013.", Lang::En), ["2010", "2011", "2013", "1030", "49.6", "2010", "2013"]);
    assert_eq!(numbers("B2 og 3\u{a0}842 (nb) eller 12 345", Lang::Nb), ["3842", "12", "345"]);
    assert_eq!(plural_crutch("1 year(s) later"), Some("year(s)".to_string()));
    assert_eq!(plural_crutch("Herøy (Nordland) og Oslo (2013)"), None);
    assert_eq!(text_findings("Hordaland (fylket den gang) (for få deltakere).").len(), 1);
    assert!(text_findings("Hordaland (fylket den gang; for få deltakere).").is_empty());
    let cx = context(fixture());
    let nb = &cx.reasons[0];
    let glued = |s: &str| glued_reasons(s, nb);
    let incomplete = format_share(&Share::Incomplete { finished: None }, Lang::Nb);
    assert_eq!(glued(&format!("I Asker var 58 prosent av mennene og {incomplete} av kvinnene.")).len(), 1);
    assert_eq!(glued("Hele landet: ingen tall prosent.").len(), 1);
    assert_eq!(glued("Hele landet: menn 72 prosent, kvinner for få deltakere til at tall kan vises.").len(), 1);
    assert_eq!(glued("Av de 30 i Sarpsborg var skjult, skjult og skjult prosent i arbeid.").len(), 3);
    assert_eq!(glued("Oslo: 56 prosent, for få deltakere til at tall kan vises, 40 prosent.").len(), 1);
    assert_eq!(glued("Hele landet: 56 prosent, for få deltakere til at tall kan vises.").len(), 1);
    // A reason standing as its own clause, and the short words as ordinary words, are fine.
    assert!(glued("For Sokndal finnes ingen publisert andel: ingen deltakere avsluttet i perioden.").is_empty());
    assert!(glued("2012: for få deltakere til at tall kan vises").is_empty());
    assert!(glued_reasons("In 2013, no participants finished in the period.", &cx.reasons[2]).is_empty());
    assert_eq!(glued_reasons("In Asker, too few participants to show figures of the men.", &cx.reasons[2]).len(), 1);
    assert!(glued_reasons("Narvik has no figures of its own for 2010–2013.", &cx.reasons[2]).is_empty());
    assert!(glued("Der antallet er skjult, var det færre enn ti; det er ingen andel å vise og ingen størrelse.").is_empty());
}

// ---------------------------------------------------------------------------------------------
// Snapshots

/// What a snapshot place is; each is checked on the fixture, so that a changed fixture cannot
/// quietly leave a place standing for a kind it no longer is.
#[derive(Clone, Copy, Debug)]
enum Kind {
    /// 60 or more finished in some cohort (summed or not).
    Large,
    /// A published share of 1–9 who finished.
    Small,
    /// Nobody finished in any cohort: real zeros, not gaps.
    NoneFinished,
    /// A cohort with its share suppressed (`:`).
    Suppressed,
    /// Several former kommuner, summed in every cohort.
    MergedSummable,
    /// Several former kommuner, not summable in some cohort (a part suppressed).
    MergedNotSummable,
    /// Holds part of a divided kommune.
    Divided,
    /// One former kommune under another number (a re-created kommune is one too).
    Renumbered,
    /// Official names in more than one language.
    Sami,
    /// Published shares, suppressed ones and real zeros, all in one kommune.
    Mixed,
    Bydel,
}

impl Kind {
    fn holds(self, ds: &Dataset, place: &Place) -> bool {
        let shares = subjects(ds, place).kommune.shares(&cohorts(ds, 1), 1, intro_status::data::Gender::Alle);
        let finished = |s: &Share| match *s {
            Share::Published { finished, .. } | Share::Suppressed { finished } | Share::Incomplete { finished } => finished,
            _ => None,
        };
        let kommune = match place {
            Place::Kommune(k) => Some(*k),
            Place::Bydel { .. } => None,
        };
        let sources = kommune.map_or(0, |k| k.sources.len());
        let split = kommune.is_some_and(|k| k.sources.iter().any(|s| s.split.is_some()));
        let incomplete = shares.iter().any(|s| matches!(s, Share::Incomplete { .. }));
        match self {
            Kind::Large => shares.iter().filter_map(finished).any(|n| n >= 60),
            Kind::Small => shares.iter().any(|s| matches!(s, Share::Published { finished: Some(1..=9), .. })),
            Kind::NoneFinished => shares.iter().all(|s| *s == Share::NoCompleters),
            Kind::Suppressed => shares.iter().any(|s| matches!(s, Share::Suppressed { .. })),
            Kind::MergedSummable => sources > 1 && !split && !incomplete,
            Kind::MergedNotSummable => sources > 1 && !split && incomplete,
            Kind::Divided => split,
            Kind::Renumbered => kommune.is_some_and(|k| k.sources.len() == 1 && k.sources[0].code != k.code),
            Kind::Sami => kommune.is_some_and(|k| k.other_names.len() > 1),
            Kind::Mixed => {
                shares.iter().any(|s| s.percent().is_some())
                    && shares.iter().any(|s| matches!(s, Share::Suppressed { .. }))
                    && shares.contains(&Share::NoCompleters)
            }
            Kind::Bydel => kommune.is_none(),
        }
    }
}

/// The places of the snapshots: what each is, and why it is there. Figures are the fixture's,
/// one year after, cohorts 2010–2013 ("S" suppressed, "I" not summable).
const SNAPSHOT_PLACES: &[(&str, &[Kind], &str)] = {
    use Kind::*;
    &[
        // Large.
        ("0301", &[Large], "the capital: every cohort published (140 of 251 in 2013); the bydeler are compared with it"),
        ("4601", &[Large, Renumbered], "every cohort published (249, 219, 192, 203 finished); 1201 until 2020"),
        ("5001", &[Large, MergedNotSummable, Sami], "1601 Trondheim + 1662 Klæbu: never summable (133 finished in 2010 but Klæbu suppressed); a Sami name"),
        ("1103", &[Large, MergedNotSummable], "Stavanger + Finnøy + Rennesøy: summed for 2010 (48 of 74), not summable after"),
        ("4204", &[Large, MergedNotSummable], "Kristiansand + Søgne + Songdalen: summed for 2010 (67 of 102), 126–157 finished and not summable after"),
        ("3301", &[Large, MergedNotSummable], "Drammen + Nedre Eiker + Svelvik: not summable in any cohort, 65 and 74 finished"),
        // Small: 1–9 completers.
        ("1124", &[Small, Suppressed], "Sola: 5 of 5 (100 %) in 2010, suppressed cohorts between published ones"),
        ("1532", &[Small, Suppressed], "Giske: 100 % of 6, 4 and 5, and one suppressed cohort"),
        ("1515", &[Small, Suppressed], "Herøy (Møre og Romsdal): 0 % of 5 published (a real 0 %), real zeros and a suppressed cohort; a fylke in the name"),
        ("5522", &[Small, Suppressed], "Salangen: 3 of 3 in 2012, the fewest published; a real zero in 2013"),
        // None finished.
        ("1111", &[NoneFinished], "Sokndal: nobody finished 2010–2013 (real zeros, said as such)"),
        ("1151", &[NoneFinished], "Utsira, the smallest kommune: nobody finished"),
        // Suppressed.
        ("3105", &[Suppressed, Renumbered], "Sarpsborg: 30 finished in 2012 but the share suppressed; 0105 until 2020"),
        ("4214", &[Suppressed], "Froland: every cohort suppressed, even the number who finished"),
        ("3901", &[Suppressed], "Horten: every share suppressed, the number who finished (6–8) published"),
        // Merged and summable.
        ("1108", &[MergedSummable], "Sandnes + Forsand: summed in every cohort"),
        ("5503", &[MergedSummable, Sami], "Harstad + Bjarkøy: summed in every cohort; a Sami name"),
        ("1578", &[MergedSummable, NoneFinished], "Fjord (Norddal + Stordal): a sum of real zeros"),
        // Merged and not summable.
        ("3203", &[MergedNotSummable], "Asker + Hurum + Røyken: not summable in any cohort"),
        ("3118", &[MergedNotSummable], "Indre Østfold: five former kommuner, never summable"),
        ("3909", &[MergedNotSummable], "Larvik + Lardal: summed for 2010–2011, not summable for 2012–2013"),
        ("1579", &[MergedNotSummable], "Hustadvika (Fræna + Eide): real zeros summed for 2010–2011, not summable after"),
        // Divided.
        ("3905", &[Divided], "Tønsberg: holds part of Stokke (divided 2017), so no figure of its own"),
        ("3907", &[Divided], "Sandefjord: the other part of Stokke"),
        ("1875", &[Divided, Sami], "Hábmer - Hamarøy: holds part of Tysfjord (divided 2020); the Sami name first"),
        // Re-created.
        ("1580", &[Renumbered, Suppressed], "Haram: in Ålesund 2020–2023, re-created in 2024 with its own 1534 figures back"),
        // Renumbered only.
        ("4003", &[Renumbered], "Skien: 0806 until 2020, nothing else changed; every cohort published (108 finished in 2013)"),
        // Sami names.
        ("5612", &[Sami, NoneFinished], "Guovdageaidnu - Kautokeino: a Sami name first, nobody finished"),
        ("5622", &[Sami, Suppressed], "Porsanger - Porsángu - Porsanki: three names; real zeros and suppressed cohorts"),
        // Vinje.
        ("4036", &[Mixed], "Vinje: suppressed with the number who finished hidden, 0 % of a hidden number, 100 % of 4, a real zero"),
        // Bydeler.
        ("030106", &[Bydel, Suppressed], "Ullern: suppressed cohorts around 7 of 14, compared with Oslo"),
        ("030116", &[Bydel], "Sentrum: 80 % published while the number who finished is hidden, then real zeros"),
    ]
};

fn snapshot_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots")
}

/// "5001-trondheim" for "Trondheim - Tråante": the number and the name's first part, in ASCII.
fn snapshot_name(place: &Place) -> String {
    let name = place.name().split(" - ").next().unwrap_or_default();
    let name = name.split(" (").next().unwrap_or_default();
    let mut slug = String::new();
    for c in intro_status::choose::fold(name).chars() {
        match c {
            'æ' => slug.push_str("ae"),
            'ø' => slug.push('o'),
            c if c.is_ascii_alphanumeric() => slug.push(c),
            _ if !slug.ends_with('-') => slug.push('-'),
            _ => {}
        }
    }
    format!("{}-{}", place.code(), slug.trim_matches('-'))
}

/// What a snapshot holds: the place's kind and why it is there, then every view in nb, nn and
/// en as `intro-status view --format text` writes it.
fn snapshot(ds: &Dataset, place: &Place, kinds: &[Kind], why: &str) -> String {
    let kinds: Vec<String> = kinds.iter().map(|k| format!("{k:?}")).collect();
    let mut out = format!("# {} {} ({}): {why}\n\n", place.code(), place.name(), kinds.join(", "));
    for kind in ViewKind::ALL {
        for lang in LANGS {
            match render(ds, place, kind, None, lang, Format::Text, "") {
                Some(text) if kind == ViewKind::Map => out += &abridged(&text, place),
                Some(text) => out += &text,
                None => out += &format!("== {} {} · {} · {}: no such view\n\n", place.code(), place.name(), kind.key(), lang.code()),
            }
        }
    }
    out
}

/// The map's text with its table of every kommune cut to the first three rows and the place's
/// own (the same 357 rows in every snapshot would bury what differs).
fn abridged(text: &str, place: &Place) -> String {
    let own = match place {
        Place::Kommune(k) => k.name.as_str(),
        Place::Bydel { today, .. } => today.map_or("", |k| k.name.as_str()),
    };
    let (mut out, mut rows, mut left) = (String::new(), None::<usize>, 0);
    for line in text.lines() {
        match rows {
            None if line.contains(" | ") => rows = Some(0),
            Some(n) if line.contains(" | ") => {
                rows = Some(n + 1);
                if n >= 3 && !line.starts_with(&format!("{own} | ")) {
                    left += 1;
                    continue;
                }
            }
            Some(_) if left > 0 => {
                out += &format!("… and {left} rows more\n");
                left = 0;
            }
            _ => {}
        }
        out += line;
        out.push('\n');
    }
    out
}

#[test]
fn snapshots_of_varied_places() {
    let ds = fixture();
    let dir = snapshot_dir();
    let bless = std::env::var_os("INTRO_STATUS_BLESS").is_some();
    let mut problems = Vec::new();
    let mut names = BTreeSet::new();
    for &(code, kinds, why) in SNAPSHOT_PLACES {
        let place = Place::resolve(ds, code).unwrap_or_else(|| panic!("{code} is no place of the fixture"));
        assert_eq!(place.code(), code, "{code} is an old number: name places by today's");
        for kind in kinds {
            assert!(kind.holds(ds, &place), "{code} {} is not {kind:?} in the fixture: choose another place ({why})", place.name());
        }
        let name = snapshot_name(&place);
        assert!(names.insert(name.clone()), "two snapshots named {name}");
        let path = dir.join(format!("{name}.txt"));
        let shown = snapshot(ds, &place, kinds, why);
        if bless {
            std::fs::create_dir_all(&dir).expect("tests/snapshots/ can be made");
            std::fs::write(&path, &shown).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            continue;
        }
        let Ok(stored) = std::fs::read_to_string(&path) else {
            problems.push(format!("tests/snapshots/{name}.txt is missing"));
            continue;
        };
        if stored != shown {
            let (line, (was, is)) = stored
                .lines()
                .chain(std::iter::repeat("<end of file>"))
                .zip(shown.lines().chain(std::iter::repeat("<end of file>")))
                .enumerate()
                .find(|(_, (a, b))| a != b)
                .unwrap_or((0, ("", "")));
            let changed = stored.lines().zip(shown.lines()).filter(|(a, b)| a != b).count();
            problems.push(format!(
                "tests/snapshots/{name}.txt differs ({changed} lines; line counts {} and {}), first at line {}:\n    snapshot: {was}\n    now:      {is}",
                stored.lines().count(),
                shown.lines().count(),
                line + 1
            ));
        }
    }
    // Snapshots of places no longer chosen.
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries.flatten() {
            let file = entry.file_name().to_string_lossy().into_owned();
            let Some(stem) = file.strip_suffix(".txt") else { continue };
            if !names.contains(stem) {
                if bless {
                    std::fs::remove_file(entry.path()).unwrap_or_else(|e| panic!("{file}: {e}"));
                } else {
                    problems.push(format!("tests/snapshots/{file} is no chosen place's"));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} of {} snapshots do not match what the widget shows now:\n{}\n\nIf the change is meant, \
         rewrite them with INTRO_STATUS_BLESS=1 cargo test --test sentences, and read the diff.",
        problems.len(),
        SNAPSHOT_PLACES.len(),
        problems.join("\n")
    );
}
