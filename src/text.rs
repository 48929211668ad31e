//! Every word the widget shows, in bokmål, nynorsk and English, and number formatting.

use crate::outcome::{GoalComparison, Share};
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Lang {
    Nb,
    Nn,
    En,
}

impl Lang {
    /// From a BCP 47 tag as found in a `lang` attribute: `nb`, `nn`, `no` (= bokmål), `en`,
    /// with or without a region (`nb-NO`). Unknown tags give `None`.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "nb" | "no" => Some(Lang::Nb),
            "nn" => Some(Lang::Nn),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        }
    }
}

/// The fixed texts of the widget in one language.
#[derive(Debug, Serialize)]
pub struct Texts {
    pub choose_kommune: &'static str,
    pub goal_title: &'static str,
    pub axis_cohort: &'static str,
    pub axis_percent: &'static str,
    pub land: &'static str,
    pub goal_label: &'static str,
    pub source: &'static str,
    pub suppressed: &'static str,
    pub suppressed_short: &'static str,
    pub no_completers: &'static str,
    pub no_data: &'static str,
    pub col_cohort: &'static str,
    pub col_finished: &'static str,
    pub col_in_work: &'static str,
    pub col_percent: &'static str,
    pub table_caption: &'static str,
    pub unknown_kommune: &'static str,
}

pub static NB: Texts = Texts {
    choose_kommune: "Velg kommune",
    goal_title: "I arbeid eller utdanning ett år etter introduksjonsprogrammet",
    axis_cohort: "Avsluttet programmet (år)",
    axis_percent: "Prosent",
    land: "Hele landet",
    goal_label: "Nasjonalt mål 70 %",
    source: "Kilde: SSB, statistikkbanken tabell 10824",
    suppressed: "for få deltakere til at tall kan vises",
    suppressed_short: "skjult",
    no_completers: "ingen deltakere avsluttet i perioden",
    no_data: "ingen tall",
    col_cohort: "Avsluttet",
    col_finished: "Avsluttet, personer",
    col_in_work: "I arbeid eller utdanning",
    col_percent: "Prosent",
    table_caption: "Andel i arbeid eller utdanning ett år etter, etter år programmet ble avsluttet",
    unknown_kommune: "Ukjent kommunenummer",
};

pub static NN: Texts = Texts {
    choose_kommune: "Vel kommune",
    goal_title: "I arbeid eller utdanning eitt år etter introduksjonsprogrammet",
    axis_cohort: "Avslutta programmet (år)",
    axis_percent: "Prosent",
    land: "Heile landet",
    goal_label: "Nasjonalt mål 70 %",
    source: "Kjelde: SSB, statistikkbanken tabell 10824",
    suppressed: "for få deltakarar til at tal kan visast",
    suppressed_short: "skjult",
    no_completers: "ingen deltakarar avslutta i perioden",
    no_data: "ingen tal",
    col_cohort: "Avslutta",
    col_finished: "Avslutta, personar",
    col_in_work: "I arbeid eller utdanning",
    col_percent: "Prosent",
    table_caption: "Del i arbeid eller utdanning eitt år etter, etter år programmet vart avslutta",
    unknown_kommune: "Ukjent kommunenummer",
};

pub static EN: Texts = Texts {
    choose_kommune: "Choose municipality",
    goal_title: "In work or education one year after the introduction programme",
    axis_cohort: "Finished the programme (year)",
    axis_percent: "Per cent",
    land: "Norway",
    goal_label: "National goal 70%",
    source: "Source: Statistics Norway, StatBank table 10824",
    suppressed: "too few participants to show figures",
    suppressed_short: "hidden",
    no_completers: "no participants finished in the period",
    no_data: "no figures",
    col_cohort: "Finished",
    col_finished: "Finished, persons",
    col_in_work: "In work or education",
    col_percent: "Per cent",
    table_caption: "Share in work or education one year after, by year the programme was finished",
    unknown_kommune: "Unknown municipality number",
};

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Nb => &NB,
        Lang::Nn => &NN,
        Lang::En => &EN,
    }
}

/// A whole number with the language's thousands separator: a no-break space in Norwegian
/// ("3 842"), a comma in English ("3,842").
pub fn format_int(n: u32, lang: Lang) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Lang::En => ",",
        _ => "\u{a0}",
    };
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(ch);
    }
    out
}

/// A per cent as the language writes it: "56 %" in Norwegian, "56%" in English.
pub fn format_percent(p: u16, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{p}%"),
        _ => format!("{p}\u{a0}%"),
    }
}

/// A share for a table cell or a note.
pub fn format_share(share: &Share, lang: Lang) -> String {
    let t = texts(lang);
    match share {
        Share::Published { percent, .. } => format_percent(*percent, lang),
        Share::Suppressed { .. } => t.suppressed.to_string(),
        Share::NoCompleters => t.no_completers.to_string(),
        Share::NoData => t.no_data.to_string(),
    }
}

/// Notes under the goal chart: one per cohort whose kommune value is a gap, saying why.
pub fn goal_notes(view: &GoalComparison, lang: Lang) -> Vec<String> {
    view.cohorts
        .iter()
        .zip(&view.kommune.points)
        .filter(|(_, s)| s.percent().is_none())
        .map(|(c, s)| format!("{c}: {}", format_share(s, lang)))
        .collect()
}

/// A data table as the page shows it beside the chart: caption, column headers, rows of text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Table {
    pub caption: String,
    pub headers: Vec<String>,
    /// The first cell of each row is its header (the cohort).
    pub rows: Vec<Vec<String>>,
}

fn count_text(count: Option<u16>, lang: Lang) -> String {
    count.map_or_else(|| texts(lang).suppressed_short.to_string(), |c| format_int(c as u32, lang))
}

/// The goal view's figures as a table: per cohort, the kommune's finished, in work or
/// education and per cent, and the country's per cent.
pub fn goal_table(view: &GoalComparison, lang: Lang) -> Table {
    let t = texts(lang);
    let k = &view.kommune.name;
    let rows = view
        .cohorts
        .iter()
        .zip(view.kommune.points.iter().zip(&view.land.points))
        .map(|(c, (kommune, land))| {
            let (finished, in_work) = match kommune {
                Share::Published { count, finished, .. } => (count_text(*finished, lang), count_text(*count, lang)),
                Share::Suppressed { finished } => (count_text(*finished, lang), t.suppressed_short.to_string()),
                Share::NoCompleters => ("0".to_string(), "0".to_string()),
                Share::NoData => (t.no_data.to_string(), t.no_data.to_string()),
            };
            vec![c.to_string(), finished, in_work, format_share(kommune, lang), format_share(land, lang)]
        })
        .collect();
    Table {
        caption: format!("{k}: {}", t.table_caption),
        headers: vec![
            t.col_cohort.to_string(),
            format!("{k}: {}", t.col_finished.to_lowercase()),
            format!("{k}: {}", t.col_in_work.to_lowercase()),
            format!("{k}: {}", t.col_percent.to_lowercase()),
            format!("{}: {}", t.land, t.col_percent.to_lowercase()),
        ],
        rows,
    }
}

/// The source line under every view: SSB's table, when the figures were fetched (or, when that
/// is not known, when SSB last updated the table), and whether SSB marks them as preliminary.
/// "Kilde: SSB, statistikkbanken tabell 10824, hentet 25.11.2025, foreløpige tall".
pub fn source_line(source: &crate::data::SourceInfo, lang: Lang) -> String {
    let (kilde, hentet, oppdatert, forelopig) = match lang {
        Lang::Nb => ("Kilde: SSB, statistikkbanken tabell", "hentet", "oppdatert", "foreløpige tall"),
        Lang::Nn => ("Kjelde: SSB, statistikkbanken tabell", "henta", "oppdatert", "førebelse tal"),
        Lang::En => ("Source: Statistics Norway, StatBank table", "retrieved", "updated", "preliminary figures"),
    };
    let mut line = format!("{kilde} {}", source.table);
    if let Some(d) = &source.fetched {
        line.push_str(&format!(", {hentet} {}", format_date(d, lang)));
    } else if let Some(d) = &source.updated {
        line.push_str(&format!(", {oppdatert} {}", format_date(d, lang)));
    }
    if source.preliminary {
        line.push_str(&format!(", {forelopig}"));
    }
    line
}

/// A `YYYY-MM-DD` date as the language writes it: "25.11.2025", "25 November 2025". Anything
/// else is returned as it is.
pub fn format_date(date: &str, lang: Lang) -> String {
    const MONTHS: [&str; 12] =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    let parts: Vec<&str> = date.split('-').collect();
    let [y, m, d] = parts.as_slice() else { return date.to_string() };
    let (Ok(month), Ok(day)) = (m.parse::<usize>(), d.parse::<u8>()) else { return date.to_string() };
    if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return date.to_string();
    }
    match lang {
        Lang::En => format!("{day} {} {y}", MONTHS[month - 1]),
        _ => format!("{day:02}.{month:02}.{y}"),
    }
}
