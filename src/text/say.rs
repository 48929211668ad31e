//! Sentences built from parts, so none can come out wrong: a figure's clause is a value or, in a
//! sentence of its own, the reason there is none; a list with nothing in it leaves its clause
//! out; plurals are real; every sentence starts with a capital and ends with a full stop.

use crate::gather::Gather;
use super::{format_decimal, format_int, Lang};
use crate::outcome::stats::Estimate;
use crate::outcome::Share;

/// Why a share cannot be shown, short enough to follow a colon: "for få deltakere".
pub fn reason(share: &Share, lang: Lang) -> &'static str {
    match (share, lang) {
        (Share::Suppressed { .. }, Lang::Nb) => "for få deltakere til at tall kan vises",
        (Share::Suppressed { .. }, Lang::Nn) => "for få deltakarar til at tal kan visast",
        (Share::Suppressed { .. }, Lang::En) => "too few participants for figures to be shown",
        (Share::NotYet, Lang::Nb) => "tall mangler ennå",
        (Share::NotYet, Lang::Nn) => "tal manglar enno",
        (Share::NotYet, Lang::En) => "figures are not available yet",
        (Share::NotApplicable, Lang::Nb) => "kommunen fantes ikke",
        (Share::NotApplicable, Lang::Nn) => "kommunen fanst ikkje",
        (Share::NotApplicable, Lang::En) => "the municipality did not exist",
        (Share::NoCompleters, Lang::Nb) => "ingen avsluttet programmet det året",
        (Share::NoCompleters, Lang::Nn) => "ingen avslutta programmet det året",
        (Share::NoCompleters, Lang::En) => "nobody finished the programme that year",
        (Share::Incomplete { .. }, Lang::Nb) => "tallene for de tidligere kommunene kan ikke summeres, fordi en av dem har for få deltakere",
        (Share::Incomplete { .. }, Lang::Nn) => "tala for dei tidlegare kommunane kan ikkje summerast, fordi ein av dei har for få deltakarar",
        (Share::Incomplete { .. }, Lang::En) => "the former municipalities' figures cannot be added up, because one of them has too few participants",
        (Share::Divided, Lang::Nb) => "en av de tidligere kommunene ble delt, og tall deles aldri opp",
        (Share::Divided, Lang::Nn) => "ein av dei tidlegare kommunane vart delt, og tal blir aldri delte opp",
        (Share::Divided, Lang::En) => "one of the former municipalities was divided, and figures are never divided",
        (Share::NoData, Lang::Nb) => "tabellen har ingen tall for det året",
        (Share::NoData, Lang::Nn) => "tabellen har ingen tal for det året",
        (Share::NoData, Lang::En) => "the table has no figures for that year",
        (Share::Published { .. }, _) => "",
    }
}

/// "For kvinnene i Trondheim kan andelen ikke vises: for få deltakere til at tall kan vises."
/// `whose` is who the share is for, as it follows "for".
pub fn cannot_show(whose: &str, share: &Share, lang: Lang) -> String {
    let lead = match lang {
        Lang::Nb => format!("For {whose} kan andelen ikke vises"),
        Lang::Nn => format!("For {whose} kan ikkje delen visast"),
        Lang::En => format!("For {whose}, the share cannot be shown"),
    };
    sentence(&format!("{lead}: {}", reason(share, lang)))
}

/// "dem i Oslo som avsluttet i 2013": who a cohort's share is for, as it follows "For".
pub fn those_in(place: &str, cohort: u16, lang: Lang) -> String {
    match lang {
        Lang::Nb => format!("dem i {place} som avsluttet i {cohort}"),
        Lang::Nn => format!("dei i {place} som avslutta i {cohort}"),
        Lang::En => format!("those in {place} who finished in {cohort}"),
    }
}

/// "56 prosent", or the reason there is none in brackets: a share where it stands beside others.
pub fn percent_or_reason(share: &Share, lang: Lang) -> String {
    share.percent().map_or_else(|| format!("({})", reason(share, lang)), |p| percent_words(p, lang))
}

/// A place's label and what follows it in a list: "Bergen 57 prosent", "Bergen (for få
/// deltakere)"; a label that ends in its own brackets takes the reason inside them, so that a
/// screen reader never reads two asides in a row: "Hordaland (fylket den gang; tabellen har ingen
/// tall for det året)".
pub fn labelled(label: &str, what: &str) -> String {
    match (label.strip_suffix(')'), what.strip_prefix('(')) {
        (Some(open), Some(aside)) => format!("{open}; {aside}"),
        _ => format!("{label} {what}"),
    }
}

/// "56 prosent", "56 per cent".
pub fn percent_words(p: u16, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{p} per cent"),
        _ => format!("{p} prosent"),
    }
}

/// "56 prosent (140 av 251)", or the per cent alone where the counts are not published.
pub fn share_words(share: &Share, lang: Lang) -> Option<String> {
    let Share::Published { percent, count, finished } = *share else { return None };
    Some(match (count, finished) {
        (Some(x), Some(n)) => format!("{} ({})", percent_words(percent, lang), of(x as u32, n as u32, lang)),
        _ => percent_words(percent, lang),
    })
}

/// A point's tooltip: "Bergen, avsluttet 2013: 57 prosent (115 av 203); 95 prosent
/// usikkerhetsintervall 50,4–63,4 prosent. Kilde: SSB tabell 10824.", the reason where there is no
/// figure, the per cent alone where the counts are not published.
pub fn tip(who: &str, when: &str, share: &Share, source: &str, lang: Lang) -> String {
    let what = share_words(share, lang).unwrap_or_else(|| reason(share, lang).to_string());
    let interval = match *share {
        Share::Published { count: Some(x), finished: Some(n), .. } => Estimate::new(x as u32, n as u32).map(|e| interval(&e, lang)),
        _ => None,
    };
    format!("{who}, {when}: {what}{}. {}: {source}.", interval.unwrap_or_default(), super::texts(lang).col_source)
}

/// A tooltip for a figure with its counts ("Bergen, samlet 2011–2013: 57 prosent (355 av 614);
/// 95 prosent usikkerhetsintervall …. SSB tabell 10824").
pub fn tip_estimate(who: &str, when: &str, e: &Estimate, source: &str, lang: Lang) -> String {
    let p = crate::data::percent_of(e.count as u16, e.finished);
    format!("{who}, {when}: {} ({}){}. {}: {source}.", percent_words(p, lang), of(e.count, e.finished, lang), interval(e, lang), super::texts(lang).col_source)
}

/// "; 95 prosent usikkerhetsintervall 50,4–63,4 prosent".
pub fn interval(e: &Estimate, lang: Lang) -> String {
    let (lo, hi) = (format_decimal(e.low, lang), format_decimal(e.high, lang));
    match lang {
        Lang::Nb => format!("; 95 prosent usikkerhetsintervall {lo}–{hi} prosent"),
        Lang::Nn => format!("; 95 prosent uvisseintervall {lo}–{hi} prosent"),
        Lang::En => format!("; 95 per cent interval {lo}–{hi} per cent"),
    }
}

/// "avsluttet 2013", "avslutta 2013", "finished 2013": when a cohort finished, in a tooltip.
pub fn finished_in(cohort: i32, lang: Lang) -> String {
    match lang {
        Lang::Nb => format!("avsluttet {cohort}"),
        Lang::Nn => format!("avslutta {cohort}"),
        Lang::En => format!("finished {cohort}"),
    }
}

/// "samlet 2011–2013", "pooled 2011–2013": when a pooled figure is for, in a tooltip.
pub fn pooled_over(cohorts: &[u16], lang: Lang) -> String {
    format!("{} {}", super::lower(super::texts(lang).pooled), self::cohorts(cohorts, lang))
}

/// "Til sammenligning, for dem som avsluttet i 2013: {list}." (the goal and gender summaries).
pub fn for_comparison(cohort: u16, list: &str, lang: Lang) -> String {
    sentence(&match lang {
        Lang::Nb => format!("Til sammenligning, for dem som avsluttet i {cohort}: {list}"),
        Lang::Nn => format!("Til samanlikning, for dei som avslutta i {cohort}: {list}"),
        Lang::En => format!("For comparison, for those who finished in {cohort}: {list}"),
    })
}

/// "140 av 251", "140 of 251".
pub fn of(x: u32, n: u32, lang: Lang) -> String {
    let word = match lang {
        Lang::En => "of",
        _ => "av",
    };
    format!("{} {word} {}", format_int(x, lang), format_int(n, lang))
}

/// "a, b og c"; `None` for no items.
pub fn list(items: &[String], lang: Lang) -> Option<String> {
    let and = match lang {
        Lang::En => "and",
        _ => "og",
    };
    match items {
        [] => None,
        [one] => Some(one.clone()),
        [rest @ .., last] => Some(format!("{} {and} {last}", rest.join(", "))),
    }
}

/// Cohorts as a reader says them: "2010–2013" where they run on, else "2010, 2011 og 2013".
pub fn cohorts(cohorts: &[u16], lang: Lang) -> String {
    match (cohorts.first(), cohorts.last()) {
        (Some(a), Some(b)) if a != b && cohorts.len() == (b - a + 1) as usize => format!("{a}–{b}"),
        _ => list(&cohorts.iter().map(u16::to_string).gather(), lang).unwrap_or_default(),
    }
}

/// "ett år etter", "fire år etter"; "one year later", "four years later".
pub fn years_after(n: u8, lang: Lang) -> String {
    const NB: [&str; 6] = ["null", "ett", "to", "tre", "fire", "fem"];
    const NN: [&str; 6] = ["null", "eitt", "to", "tre", "fire", "fem"];
    const EN: [&str; 6] = ["zero", "one", "two", "three", "four", "five"];
    let i = n as usize;
    match lang {
        Lang::Nb => format!("{} år etter", NB.get(i).map_or_else(|| n.to_string(), |w| w.to_string())),
        Lang::Nn => format!("{} år etter", NN.get(i).map_or_else(|| n.to_string(), |w| w.to_string())),
        Lang::En => {
            let word = EN.get(i).map_or_else(|| n.to_string(), |w| w.to_string());
            format!("{word} {} later", if n == 1 { "year" } else { "years" })
        }
    }
}

/// "De tidligere kommunene hver for seg: tidligere Trondheim 53,1 prosent (870 av 1 638) for
/// 2010–2013; tidligere Klæbu (ingen publiserte antall å samle)." Each former kommune's pooled
/// figure, where today's kommune has none; `None` where there are none.
pub fn formers_pooled(formers: &[crate::outcome::stats::FormerPooled], lang: Lang) -> Option<String> {
    let items: Vec<String> = formers
        .iter()
        .map(|f| {
            let name = super::former_label(&f.former, lang);
            match &f.pooled {
                Some(p) => {
                    let e = &p.estimate;
                    let pct = match lang {
                        Lang::En => format!("{} per cent", format_decimal(e.percent, lang)),
                        _ => format!("{} prosent", format_decimal(e.percent, lang)),
                    };
                    format!("{name} {pct} ({}) for {}", of(e.count, e.finished, lang), cohorts(&p.cohorts, lang))
                }
                None => labelled(&name, &format!("({})", super::texts(lang).no_pooled)),
            }
        })
        .gather();
    let list = items.join("; ");
    if list.is_empty() {
        return None;
    }
    Some(sentence(&match lang {
        Lang::Nb => format!("De tidligere kommunene hver for seg: {list}"),
        Lang::Nn => format!("Dei tidlegare kommunane kvar for seg: {list}"),
        Lang::En => format!("The former municipalities one by one: {list}"),
    }))
}

/// A share from a count this small stands only with its counts, its interval and a caution.
pub const SMALL: u32 = 10;

/// "Med så få deltakere er tallet usikkert: 95 prosent usikkerhetsintervall fra 26,8 til 73,2
/// prosent."
pub fn caution(e: &Estimate, lang: Lang) -> String {
    let (lo, hi) = (format_decimal(e.low, lang), format_decimal(e.high, lang));
    sentence(&match lang {
        Lang::Nb => format!("Med så få deltakere er tallet svært usikkert: det sanne nivået kan ligge mellom {lo} og {hi} prosent (95 prosent usikkerhetsintervall)"),
        Lang::Nn => format!("Med så få deltakarar er talet svært usikkert: det sanne nivået kan liggje mellom {lo} og {hi} prosent (95 prosent uvisseintervall)"),
        Lang::En => format!("With so few participants the figure is very uncertain: the true level may lie between {lo} and {hi} per cent (95 per cent interval)"),
    })
}

/// A sentence as the widget writes it: single spaces, a capital first letter, a full stop last.
pub fn sentence(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    let mut chars = out.chars();
    let mut out = match chars.next() {
        Some(first) if first.is_ascii_lowercase() => first.to_ascii_uppercase().to_string() + chars.as_str(),
        Some('ø') => "Ø".to_string() + chars.as_str(),
        Some('å') => "Å".to_string() + chars.as_str(),
        Some('æ') => "Æ".to_string() + chars.as_str(),
        _ => out,
    };
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

/// Sentences joined into a paragraph.
pub fn paragraph(sentences: impl IntoIterator<Item = String>) -> String {
    sentences.into_iter().filter(|s| !s.is_empty()).gather().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_plurals() {
        assert_eq!(list(&[], Lang::Nb), None);
        assert_eq!(list(&["a".into()], Lang::Nb).unwrap(), "a");
        assert_eq!(list(&["a".into(), "b".into(), "c".into()], Lang::En).unwrap(), "a, b and c");
        assert_eq!(years_after(1, Lang::En), "one year later");
        assert_eq!(years_after(4, Lang::En), "four years later");
        assert_eq!(years_after(1, Lang::Nn), "eitt år etter");
        assert_eq!(sentence("  for  få. "), "For få.");
        assert_eq!(sentence("ønsket"), "Ønsket.");
        assert_eq!(cannot_show("kvinnene", &Share::Suppressed { finished: None }, Lang::Nb), "For kvinnene kan andelen ikke vises: for få deltakere til at tall kan vises.");
    }
}
