//! Every word the widget shows, in bokmål, nynorsk and English, and number formatting.

use crate::gather::Gather;
use crate::outcome::{Former, FylkeSeries, Share, Who};
use serde::Serialize;

pub mod say;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Lang {
    Nb,
    Nn,
    En,
}

impl Lang {
    /// From a BCP 47 tag as found in a `lang` attribute: `nb`, `nn`, `no` (= bokmål), `en`, or
    /// their three-letter forms, with or without a region (`nb-NO`). Unknown tags give `None`.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        LANG_TAGS.iter().find(|(tag, _)| *tag == primary).map(|&(_, lang)| lang)
    }
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        }
    }
}

/// The fixed texts of the widget in one language. (Serialize is for the tests and xtask; the
/// wasm sends the shell only its few, `web::ShellTexts`.)
#[derive(Debug, Serialize)]
pub struct Texts {
    pub choose_kommune: &'static str,
    pub goal_title: &'static str,
    pub axis_cohort: &'static str,
    pub axis_percent: &'static str,
    pub land: &'static str,
    pub goal_label: &'static str,
    pub suppressed: &'static str,
    pub suppressed_short: &'static str,
    /// SSB's `..`: the figure is not out yet; in a cell, chart label or note, and short.
    pub not_yet: &'static str,
    pub not_yet_short: &'static str,
    /// SSB's `.`: not applicable, the kommune did not exist; and short.
    pub not_applicable: &'static str,
    pub not_applicable_short: &'static str,
    pub no_completers: &'static str,
    pub no_data: &'static str,
    pub col_cohort: &'static str,
    pub col_finished: &'static str,
    pub col_in_work: &'static str,
    pub col_percent: &'static str,
    pub table_caption: &'static str,
    pub col_source: &'static str,
    /// Source cell of rows from table 10824.
    pub source_table: &'static str,
    /// Footnote for a percent-only national figure: "{cohort}: {url}".
    pub footnote_published: &'static str,
    /// Note under the goal chart: "{first}–{last}".
    pub note_published: &'static str,
    pub unknown_kommune: &'static str,
    /// Cell text where a merged kommune's parts are not all published.
    pub incomplete: &'static str,
    /// Cell text where today's kommune holds part of a divided kommune.
    pub divided: &'static str,
    /// "tidligere {name}".
    pub former: &'static str,
    /// "tidligere {name} (delt {year})".
    pub former_divided: &'static str,
    /// "{name} (fylket den gang)": the fylke as the table had it, whatever its years.
    pub fylke_of_the_day: &'static str,
    /// Note: the merged kommune's sum is blocked by a suppressed part.
    pub note_incomplete: &'static str,
    /// Note: a former kommune was divided; "{names}".
    pub note_divided: &'static str,
    /// Note: the fylke shown is the fylke of the day; "{name}".
    pub note_fylke_of_the_day: &'static str,
    pub search_label: &'static str,
    pub search_count: &'static str,
    pub search_count_one: &'static str,
    /// Short cell texts of the table, each explained in a footnote.
    pub cell_no_completers: &'static str,
    pub cell_incomplete: &'static str,
    /// Footnotes: "{cell} = {meaning}".
    pub footnote: &'static str,
    pub bydel: &'static str,
    pub axis_years_after: &'static str,
    pub axis_share_of_finished: &'static str,
    pub axis_uncertainty: &'static str,
    pub axis_pooled: &'static str,
    pub axis_kommuner: &'static str,
    pub menn: &'static str,
    pub kvinner: &'static str,
    pub pooled: &'static str,
    pub no_pooled: &'static str,
    pub status_arbutd: &'static str,
    pub status_ledig: &'static str,
    pub status_annet: &'static str,
    pub country_none: &'static str,
    pub country_fewer: &'static str,
    pub country_ten: &'static str,
    pub view_goal: &'static str,
    pub view_status: &'static str,
    pub view_gender: &'static str,
    pub view_followup: &'static str,
    pub view_uncertainty: &'static str,
    pub view_similar: &'static str,
    pub view_ranking: &'static str,
    pub view_map: &'static str,
    pub view_country: &'static str,
    pub title_status: &'static str,
    pub title_gender: &'static str,
    pub title_followup: &'static str,
    pub title_uncertainty: &'static str,
    pub title_similar: &'static str,
    pub title_country: &'static str,
    pub choose_view: &'static str,
    pub choose_cohort: &'static str,
    pub show_table: &'static str,
    pub show_chart: &'static str,
    pub col_region: &'static str,
    pub col_years_after: &'static str,
    pub col_status_year: &'static str,
    pub col_low: &'static str,
    pub col_high: &'static str,
    pub col_cohorts: &'static str,
    pub col_kommune: &'static str,
    pub col_group: &'static str,
    pub col_count_kommuner: &'static str,
    pub word_percent: &'static str,
    pub summary_goal: &'static str,
    pub summary_goal_no_counts: &'static str,
    pub summary_none: &'static str,
    pub summary_compare: &'static str,
    pub summary_goal_line: &'static str,
    pub summary_status: &'static str,
    pub summary_status_short: &'static str,
    pub summary_gender: &'static str,
    pub summary_gender_land: &'static str,
    pub summary_followup: &'static str,
    pub summary_followup_land: &'static str,
    pub summary_pooled: &'static str,
    pub summary_similar: &'static str,
    pub summary_country: &'static str,
    pub note_followup: &'static str,
    pub note_uncertainty: &'static str,
    pub note_similar: &'static str,
    pub note_country: &'static str,
    pub unknown_view: &'static str,
    pub download_png: &'static str,
    pub download_svg: &'static str,
    pub download_csv: &'static str,
    /// The shell's own words: the table toggle's other state, the canvas's name (the chart is
    /// described by the title and summary above it), a chart the browser would not draw, and the
    /// widget's region name before the place ("Introduksjonsprogrammet: Bergen").
    pub hide_table: &'static str,
    pub chart_label: &'static str,
    /// The live chart's label: what it is, and that its points can be explored by keyboard.
    pub chart_explore: &'static str,
    pub no_chart: &'static str,
    pub programme: &'static str,
    /// Source cell beside the country's figure where another source gives a different one:
    /// "{source}" the cell so far, "{p}" the other per cent, "{host}" where it is published.
    pub source_other: &'static str,
    /// Footnote for such a differing national figure: "{cohort}", "{p}", "{url}".
    pub footnote_other: &'static str,
    // similar view
    /// Title with one peer: "{name}".
    pub similar_title_one: &'static str,
    /// Title with no peer: "{name}".
    pub similar_title_none: &'static str,
    /// Title where the place has no pooled figure: "{name}".
    pub similar_title_no_own: &'static str,
    /// Counts of peers, 0 to 5, as words ("{count}").
    pub similar_counts: [&'static str; 6],
    /// Summary, more qualify than are shown: "{cohorts}", "{total}", "{lo}", "{hi}", "{count}", "{list}".
    pub similar_summary_more: &'static str,
    /// Summary, two to five qualify, all shown: "{cohorts}", "{count}", "{lo}", "{hi}", "{list}".
    pub similar_summary_all: &'static str,
    /// Summary, one qualifies: "{cohorts}", "{lo}", "{hi}", "{list}".
    pub similar_summary_one: &'static str,
    /// Summary, none qualifies: "{cohorts}", "{lo}", "{hi}", "{name}".
    pub similar_summary_none: &'static str,
    /// Summary, nobody finished: "{name}", "{cohorts}".
    pub similar_summary_no_completers: &'static str,
    /// Summary, no published counts to pool: "{name}", "{cohorts}".
    pub similar_summary_unpublished: &'static str,
    /// Summary, part of a divided kommune: "{name}", "{cohorts}".
    pub similar_summary_divided: &'static str,
    /// One peer in the summary's list: "{name}", "{p}", "{n}".
    pub similar_item: &'static str,
    /// The word before the last item of a list.
    pub similar_and: &'static str,
    /// Note, no peer: "{lo}", "{hi}", "{cohorts}".
    pub similar_note_few_none: &'static str,
    /// Note, one peer: "{lo}", "{hi}", "{cohorts}".
    pub similar_note_few_one: &'static str,
    /// Note, two to four peers: "{count}", "{lo}", "{hi}", "{cohorts}".
    pub similar_note_few: &'static str,
    /// Note where the place has no pooled figure: "{name}".
    pub similar_note_no_own: &'static str,
    /// Table captions: all qualifying shown ("{name}", "{lo}", "{hi}", "{cohorts}"), more qualify
    /// than are shown (also "{count}", "{total}"), none qualifies, no figure of the place's own.
    pub similar_caption: &'static str,
    pub similar_caption_more: &'static str,
    pub similar_caption_none: &'static str,
    pub similar_caption_no_own: &'static str,
    // finding a place (issue 17)
    /// The search's count where nothing matches.
    pub search_none: &'static str,
    /// A search match's note, found by a former number or name: "{name}" ("Klæbu (5030)").
    pub search_former: &'static str,
    /// The same for a kommune that holds part of a divided one: "{name}".
    pub search_former_part: &'static str,
    /// A name nothing has: "{x}".
    pub unknown_name: &'static str,
    /// A name several places have: "{x}", "{list}" ("1515 Herøy (Møre og Romsdal), Møre og
    /// Romsdal; …").
    pub ambiguous: &'static str,
    /// A number or name of a kommune divided among several of today's: "{old}", "{list}".
    pub divided_among: &'static str,
    /// Notice, found by a former number or name of a kommune merged into today's: "{old}", "{new}".
    pub notice_part_of: &'static str,
    /// Notice, found by a former number or name of the same kommune: "{old}", "{new}".
    pub notice_now: &'static str,
    /// Notice, a `cohort` that is no cohort of the figures: "{x}", "{shown}", "{list}".
    pub notice_cohort: &'static str,
    // comparison places (issue 18)
    /// The comparison picker's label.
    pub compare_add: &'static str,
    /// A comparison place's remove button: "{name}".
    pub compare_remove: &'static str,
    /// The one-click group of bordering kommuner.
    pub compare_neighbours: &'static str,
    /// Notice, a `compare` entry that names no place: "{x}".
    pub compare_unknown: &'static str,
    /// Notice, more places than a chart shows: "{n}".
    pub compare_too_many: &'static str,
    /// Notice, today's fylke whose figures cannot be summed from the table's cells: "{name}".
    pub compare_not_summable: &'static str,
    /// Note: the kommuner sharing a border with the place, from Kartverket's map: "{name}", "{list}".
    pub note_neighbours: &'static str,
    // charts: gaps, small numbers, the goal's later years (issue 16); kept together for merges
    /// After a status bar of which only the first shares are published.
    pub status_rest_hidden: &'static str,
    /// The chart's note where a point or bar stands for fewer than ten completers.
    pub chart_small: &'static str,
    /// The goal chart's panel of the country's later years, beyond the table's.
    pub goal_later: &'static str,
    /// Under its years: that they are published figures (the notes and footnotes name where).
    pub goal_later_source: &'static str,
}

pub static NB: Texts = Texts {
    choose_kommune: "Velg kommune",
    goal_title: "I arbeid eller utdanning ett år etter introduksjonsprogrammet",
    axis_cohort: "Avsluttet programmet (år)",
    axis_percent: "Prosent",
    land: "Hele landet",
    goal_label: "Nasjonalt mål 70 %",
    suppressed: "for få deltakere til at tall kan vises",
    suppressed_short: "skjult",
    not_yet: "tall mangler ennå",
    not_yet_short: "mangler",
    not_applicable: "kommunen fantes ikke",
    not_applicable_short: "fantes ikke",
    no_completers: "ingen deltakere avsluttet i perioden",
    no_data: "ingen tall",
    col_cohort: "Avsluttet",
    col_finished: "Avsluttet, personer",
    col_in_work: "I arbeid eller utdanning",
    col_percent: "Prosent",
    table_caption: "Andel i arbeid eller utdanning ett år etter, etter år programmet ble avsluttet",
    col_source: "Kilde",
    source_table: "SSB tabell 10824",
    footnote_published: "{cohort}: Hele landet, bare prosent, publisert i {url}",
    note_published: "Hele landet {first}–{last} (feltet til høyre): prosent publisert av SSB og IMDi etter tabelluttrekket; kildene står under tabellen.",
    unknown_kommune: "Ukjent kommunenummer",
    incomplete: "kan ikke summeres fordi en av de tidligere kommunene har for få deltakere",
    divided: "ingen tall for hele kommunen",
    former: "tidligere {name}",
    former_divided: "tidligere {name} (delt {year})",
    fylke_of_the_day: "{name} (fylket den gang)",
    note_incomplete: "{kommune} er slått sammen av flere tidligere kommuner. Der en av dem har for få deltakere, kan ikke tallene summeres; da vises tallene for de tidligere kommunene.",
    note_divided: "{names} ble delt. Tall deles aldri opp, så {kommune} har ikke egne tall for disse årene; tallene for de tidligere kommunene vises i stedet.",
    note_fylke_of_the_day: "Fylket vises slik det var den gang ({name}), fordi tall for dagens fylke ikke kan summeres fra publiserte kommunetall.",
    search_label: "Søk etter kommune (navn eller nummer)",
    search_count: "{n} kommuner passer",
    search_count_one: "1 kommune passer",
    cell_no_completers: "ingen",
    cell_incomplete: "ikke summert",
    footnote: "{cell}: {meaning}",
    bydel: "bydel",
    axis_years_after: "År etter avsluttet program",
    axis_share_of_finished: "Andel av dem som avsluttet",
    axis_uncertainty: "Avsluttet programmet (år), samlet og hele landet",
    axis_pooled: "I arbeid eller utdanning ett år etter, samlet for {cohorts} (95 % intervall)",
    axis_kommuner: "Antall kommuner",
    menn: "menn",
    kvinner: "kvinner",
    pooled: "Samlet",
    no_pooled: "ingen publiserte antall å samle",
    status_arbutd: "I arbeid eller utdanning",
    status_ledig: "Ledig eller på tiltak",
    status_annet: "Annet eller ukjent",
    country_none: "Ingen avsluttet",
    country_fewer: "Færre enn ti (også skjulte)",
    country_ten: "Ti eller flere",
    view_goal: "Mål og sammenligning",
    view_status: "Status ett år etter",
    view_gender: "Kjønn",
    view_followup: "Ett til fem år etter",
    view_uncertainty: "Usikkerhet",
    view_similar: "Like store kommuner",
    view_ranking: "Alle kommuner",
    view_map: "Kart",
    view_country: "Hele landet",
    title_status: "{name}: status ett år etter, avsluttet {cohort}",
    title_gender: "{name}: i arbeid eller utdanning ett år etter, menn og kvinner",
    title_followup: "{name}: avsluttet {cohort}, i arbeid eller utdanning ett til fem år etter",
    title_uncertainty: "{name}: andel i arbeid eller utdanning med 95 % usikkerhetsintervall",
    title_similar: "{name} og {count} kommuner med omtrent like mange deltakere",
    title_country: "Kommuner etter antall som avsluttet i {cohort}",
    choose_view: "Velg visning",
    choose_cohort: "Avsluttet år",
    show_table: "Vis tabell",
    show_chart: "Vis figur",
    col_region: "Område",
    col_years_after: "År etter",
    col_status_year: "Målt i november",
    col_low: "Nedre grense (95 %)",
    col_high: "Øvre grense (95 %)",
    col_cohorts: "År samlet",
    col_kommune: "Kommune",
    col_group: "Gruppe",
    col_count_kommuner: "Kommuner",
    word_percent: "prosent",
    summary_goal: "I {name} var {p} prosent ({x} av {n}) av dem som avsluttet introduksjonsprogrammet i {cohort}, i arbeid eller utdanning ett år etter.",
    summary_goal_no_counts: "I {name} var {p} prosent av dem som avsluttet introduksjonsprogrammet i {cohort}, i arbeid eller utdanning ett år etter.",
    summary_none: "For {name} finnes ingen publisert andel: {reason}.",
    summary_compare: "{who}: {p} prosent.",
    summary_goal_line: "Målet er 70 prosent.",
    summary_status: "Av de {n} i {name} som avsluttet i {cohort}, var {a} prosent i arbeid eller utdanning, {b} prosent ledige eller på tiltak og {c} prosent i annen eller ukjent situasjon ett år etter.",
    summary_status_short: "{who}: {a}, {b} og {c} prosent.",
    summary_gender: "I {name} var {m} av mennene og {k} av kvinnene som avsluttet i {cohort}, i arbeid eller utdanning ett år etter.",
    summary_gender_land: "Hele landet: menn {m}, kvinner {k}.",
    summary_followup: "Av dem i {name} som avsluttet i {cohort}, var {first} i arbeid eller utdanning {ya1} år etter og {last} {ya2} år etter.",
    summary_followup_land: "Hele landet: {first} og {last}.",
    summary_pooled: "Samlet for {cohorts} var {p} prosent ({x} av {n}) i {name} i arbeid eller utdanning ett år etter, med 95 prosent usikkerhetsintervall fra {lo} til {hi} prosent.",
    summary_similar: "I {name} avsluttet {n} introduksjonsprogrammet i {cohorts}, og {p} prosent av dem var i arbeid eller utdanning ett år etter.",
    summary_country: "Av {k} kommuner i {year} hadde {with} deltakere som avsluttet introduksjonsprogrammet i {cohort}; {few} av dem hadde færre enn ti, medregnet {sup} der antallet er skjult.",
    note_followup: "Bare år med publiserte tall for hele landet vises; kullet {cohort} kan følges i {n} år i tabelluttrekket.",
    note_uncertainty: "Intervallet er et Wilson-intervall (95 %) beregnet fra publiserte antall. Samlet: summen av publiserte antall for {cohorts}.",
    note_similar: "Omtrent like mange betyr mellom halvparten og dobbelt så mange som avsluttet som i {name}; de nærmeste vises først, høyst fem. Alle tallene er summer av publiserte antall for de samme årene: årene der {name} har publiserte antall ({cohorts}). En kommune er bare med hvis den har publiserte antall for hvert av disse årene.",
    note_country: "Kommuneinndelingen i {year}. Der antallet som avsluttet er skjult, var det færre enn ti.",
    unknown_view: "Ukjent visning",
    download_png: "Last ned PNG",
    download_svg: "Last ned SVG",
    download_csv: "Last ned tall (CSV)",
    hide_table: "Skjul tabell",
    chart_label: "Diagram, beskrevet i teksten over",
    chart_explore: "Diagram, beskrevet i teksten over. Piltastene går gjennom punktene.",
    no_chart: "Diagrammet kunne ikke tegnes i denne nettleseren. Tabellen under har alle tallene.",
    programme: "Introduksjonsprogrammet",
    source_other: "{source} (avvikende tall: {p} i {host})",
    footnote_other: "{cohort}: Hele landet, avvikende tall ({p}) publisert i {url}",
    // similar view
    similar_title_one: "{name} og én kommune med omtrent like mange deltakere",
    similar_title_none: "{name}: ingen kommuner med omtrent like mange deltakere",
    similar_title_no_own: "{name}: ingen tall å sammenligne andre kommuner med",
    similar_counts: ["ingen", "én", "to", "tre", "fire", "fem"],
    similar_summary_more: "I {cohorts} hadde {total} andre kommuner mellom {lo} og {hi} som avsluttet; de {count} nærmeste i antall er {list}.",
    similar_summary_all: "I {cohorts} hadde {count} andre kommuner mellom {lo} og {hi} som avsluttet: {list}.",
    similar_summary_one: "I {cohorts} hadde bare én annen kommune mellom {lo} og {hi} som avsluttet: {list}.",
    similar_summary_none: "Ingen annen kommune hadde publiserte antall for {cohorts} og mellom {lo} og {hi} som avsluttet, så figuren viser bare {name}.",
    similar_summary_no_completers: "Ingen avsluttet introduksjonsprogrammet i {name} i {cohorts}, så det er ingen andel å vise og ingen størrelse å sammenligne andre kommuner etter.",
    similar_summary_unpublished: "For {name} finnes ingen publiserte antall å samle for {cohorts}, så det er ingen andel å vise og ingen størrelse å sammenligne andre kommuner etter.",
    similar_summary_divided: "{name} har ingen egne tall for {cohorts} fordi en tidligere kommune ble delt og tall aldri deles opp, så det er ingen størrelse å sammenligne andre kommuner etter.",
    similar_item: "{name} {p} prosent av {n}",
    similar_and: "og",
    similar_note_few_none: "Ingen annen kommune hadde publiserte antall for {cohorts} og mellom {lo} og {hi} som avsluttet.",
    similar_note_few_one: "Bare én annen kommune hadde publiserte antall for {cohorts} og mellom {lo} og {hi} som avsluttet.",
    similar_note_few: "Bare {count} andre kommuner hadde publiserte antall for {cohorts} og mellom {lo} og {hi} som avsluttet.",
    similar_note_no_own: "Kommuner sammenlignes med kommuner som hadde mellom halvparten og dobbelt så mange som avsluttet, summert fra publiserte antall for de samme årene. Fordi {name} ikke har noen andel fra egne publiserte antall, er det ingenting å sammenligne etter, og ingen kommuner vises.",
    similar_caption: "{name} og kommuner med mellom {lo} og {hi} som avsluttet i {cohorts}",
    similar_caption_more: "{name} og de {count} nærmeste av {total} kommuner med mellom {lo} og {hi} som avsluttet i {cohorts}",
    similar_caption_none: "{name}: ingen andre kommuner med mellom {lo} og {hi} som avsluttet i {cohorts}",
    similar_caption_no_own: "{name}: ingen tall for {cohorts} å sammenligne andre kommuner med",
    search_none: "Ingen kommuner passer",
    search_former: "tidligere {name}",
    search_former_part: "har en del av tidligere {name}",
    unknown_name: "Fant ingen kommune eller bydel som heter «{x}»",
    ambiguous: "«{x}» kan være flere steder: {list}. Velg ett av dem, eller bruk nummeret.",
    divided_among: "{old} ble delt mellom {list}. Velg en av dem.",
    notice_part_of: "{old} er nå en del av {new}.",
    notice_now: "{old} er nå {new}.",
    notice_cohort: "Kullet «{x}» finnes ikke i tallene; viser {shown}. Kull med tall: {list}.",
    compare_add: "Legg til sammenligning",
    compare_remove: "Fjern {name}",
    compare_neighbours: "Nabokommuner",
    compare_unknown: "Fant ingen kommune, bydel eller fylke «{x}» å sammenligne med.",
    compare_too_many: "Viser de {n} første stedene å sammenligne med.",
    compare_not_summable: "{name} kan ikke vises: fylkets tall kan ikke summeres fra tabellens celler.",
    note_neighbours: "Nabokommuner til {name}: {list} (felles landegrense på Kartverkets kommunekart fra 2024, © Kartverket, CC BY 4.0).",
    status_rest_hidden: "resten skjult",
    chart_small: "Hul markør: færre enn 10 deltakere",
    goal_later: "Hele landet, senere år",
    goal_later_source: "publiserte tall",
};

pub static NN: Texts = Texts {
    choose_kommune: "Vel kommune",
    goal_title: "I arbeid eller utdanning eitt år etter introduksjonsprogrammet",
    axis_cohort: "Avslutta programmet (år)",
    axis_percent: "Prosent",
    land: "Heile landet",
    goal_label: "Nasjonalt mål 70 %",
    suppressed: "for få deltakarar til at tal kan visast",
    suppressed_short: "skjult",
    not_yet: "tal manglar enno",
    not_yet_short: "manglar",
    not_applicable: "kommunen fanst ikkje",
    not_applicable_short: "fanst ikkje",
    no_completers: "ingen deltakarar avslutta i perioden",
    no_data: "ingen tal",
    col_cohort: "Avslutta",
    col_finished: "Avslutta, personar",
    col_in_work: "I arbeid eller utdanning",
    col_percent: "Prosent",
    table_caption: "Del i arbeid eller utdanning eitt år etter, etter år programmet vart avslutta",
    col_source: "Kjelde",
    source_table: "SSB tabell 10824",
    footnote_published: "{cohort}: Heile landet, berre prosent, publisert i {url}",
    note_published: "Heile landet {first}–{last} (feltet til høgre): prosent publisert av SSB og IMDi etter tabelluttrekket; kjeldene står under tabellen.",
    unknown_kommune: "Ukjent kommunenummer",
    incomplete: "kan ikkje summerast fordi ein av dei tidlegare kommunane har for få deltakarar",
    divided: "ingen tal for heile kommunen",
    former: "tidlegare {name}",
    former_divided: "tidlegare {name} (delt {year})",
    fylke_of_the_day: "{name} (fylket den gongen)",
    note_incomplete: "{kommune} er slått saman av fleire tidlegare kommunar. Der ein av dei har for få deltakarar, kan ikkje tala summerast; då blir tala for dei tidlegare kommunane viste.",
    note_divided: "{names} vart delt. Tal blir aldri delte opp, så {kommune} har ikkje eigne tal for desse åra; tala for dei tidlegare kommunane blir viste i staden.",
    note_fylke_of_the_day: "Fylket blir vist slik det var den gongen ({name}), fordi tal for dagens fylke ikkje kan summerast frå publiserte kommunetal.",
    search_label: "Søk etter kommune (namn eller nummer)",
    search_count: "{n} kommunar passar",
    search_count_one: "1 kommune passar",
    cell_no_completers: "ingen",
    cell_incomplete: "ikkje summert",
    footnote: "{cell}: {meaning}",
    bydel: "bydel",
    axis_years_after: "År etter avslutta program",
    axis_share_of_finished: "Del av dei som avslutta",
    axis_uncertainty: "Avslutta programmet (år), samla og heile landet",
    axis_pooled: "I arbeid eller utdanning eitt år etter, samla for {cohorts} (95 % intervall)",
    axis_kommuner: "Talet på kommunar",
    menn: "menn",
    kvinner: "kvinner",
    pooled: "Samla",
    no_pooled: "ingen publiserte tal å samle",
    status_arbutd: "I arbeid eller utdanning",
    status_ledig: "Ledig eller på tiltak",
    status_annet: "Anna eller ukjent",
    country_none: "Ingen avslutta",
    country_fewer: "Færre enn ti (også skjulte)",
    country_ten: "Ti eller fleire",
    view_goal: "Mål og samanlikning",
    view_status: "Status eitt år etter",
    view_gender: "Kjønn",
    view_followup: "Eitt til fem år etter",
    view_uncertainty: "Uvisse",
    view_similar: "Like store kommunar",
    view_ranking: "Alle kommunar",
    view_map: "Kart",
    view_country: "Heile landet",
    title_status: "{name}: status eitt år etter, avslutta {cohort}",
    title_gender: "{name}: i arbeid eller utdanning eitt år etter, menn og kvinner",
    title_followup: "{name}: avslutta {cohort}, i arbeid eller utdanning eitt til fem år etter",
    title_uncertainty: "{name}: del i arbeid eller utdanning med 95 % uvisseintervall",
    title_similar: "{name} og {count} kommunar med om lag like mange deltakarar",
    title_country: "Kommunar etter talet som avslutta i {cohort}",
    choose_view: "Vel vising",
    choose_cohort: "Avslutta år",
    show_table: "Vis tabell",
    show_chart: "Vis figur",
    col_region: "Område",
    col_years_after: "År etter",
    col_status_year: "Målt i november",
    col_low: "Nedre grense (95 %)",
    col_high: "Øvre grense (95 %)",
    col_cohorts: "År samla",
    col_kommune: "Kommune",
    col_group: "Gruppe",
    col_count_kommuner: "Kommunar",
    word_percent: "prosent",
    summary_goal: "I {name} var {p} prosent ({x} av {n}) av dei som avslutta introduksjonsprogrammet i {cohort}, i arbeid eller utdanning eitt år etter.",
    summary_goal_no_counts: "I {name} var {p} prosent av dei som avslutta introduksjonsprogrammet i {cohort}, i arbeid eller utdanning eitt år etter.",
    summary_none: "For {name} finst det ingen publisert del: {reason}.",
    summary_compare: "{who}: {p} prosent.",
    summary_goal_line: "Målet er 70 prosent.",
    summary_status: "Av dei {n} i {name} som avslutta i {cohort}, var {a} prosent i arbeid eller utdanning, {b} prosent ledige eller på tiltak og {c} prosent i anna eller ukjend situasjon eitt år etter.",
    summary_status_short: "{who}: {a}, {b} og {c} prosent.",
    summary_gender: "I {name} var {m} av mennene og {k} av kvinnene som avslutta i {cohort}, i arbeid eller utdanning eitt år etter.",
    summary_gender_land: "Heile landet: menn {m}, kvinner {k}.",
    summary_followup: "Av dei i {name} som avslutta i {cohort}, var {first} i arbeid eller utdanning {ya1} år etter og {last} {ya2} år etter.",
    summary_followup_land: "Heile landet: {first} og {last}.",
    summary_pooled: "Samla for {cohorts} var {p} prosent ({x} av {n}) i {name} i arbeid eller utdanning eitt år etter, med 95 prosent uvisseintervall frå {lo} til {hi} prosent.",
    summary_similar: "I {name} avslutta {n} introduksjonsprogrammet i {cohorts}, og {p} prosent av dei var i arbeid eller utdanning eitt år etter.",
    summary_country: "Av {k} kommunar i {year} hadde {with} deltakarar som avslutta introduksjonsprogrammet i {cohort}; {few} av dei hadde færre enn ti, medrekna {sup} der talet er skjult.",
    note_followup: "Berre år med publiserte tal for heile landet blir viste; kullet {cohort} kan følgjast i {n} år i tabelluttrekket.",
    note_uncertainty: "Intervallet er eit Wilson-intervall (95 %) rekna ut frå publiserte tal. Samla: summen av publiserte tal for {cohorts}.",
    note_similar: "Om lag like mange tyder mellom halvparten og dobbelt så mange som avslutta som i {name}; dei næraste blir viste først, høgst fem. Alle tala er summar av publiserte tal for dei same åra: åra der {name} har publiserte tal ({cohorts}). Ein kommune er berre med om han har publiserte tal for kvart av desse åra.",
    note_country: "Kommuneinndelinga i {year}. Der talet som avslutta er skjult, var det færre enn ti.",
    unknown_view: "Ukjend vising",
    download_png: "Last ned PNG",
    download_svg: "Last ned SVG",
    download_csv: "Last ned tal (CSV)",
    hide_table: "Skjul tabell",
    chart_label: "Diagram, skildra i teksten over",
    chart_explore: "Diagram, skildra i teksten over. Piltastane går gjennom punkta.",
    no_chart: "Diagrammet kunne ikkje teiknast i denne nettlesaren. Tabellen under har alle tala.",
    programme: "Introduksjonsprogrammet",
    source_other: "{source} (avvikande tal: {p} i {host})",
    footnote_other: "{cohort}: Heile landet, avvikande tal ({p}) publisert i {url}",
    // similar view
    similar_title_one: "{name} og ein kommune med om lag like mange deltakarar",
    similar_title_none: "{name}: ingen kommunar med om lag like mange deltakarar",
    similar_title_no_own: "{name}: ingen tal å samanlikne andre kommunar med",
    similar_counts: ["ingen", "ein", "to", "tre", "fire", "fem"],
    similar_summary_more: "I {cohorts} hadde {total} andre kommunar mellom {lo} og {hi} som avslutta; dei {count} næraste i tal er {list}.",
    similar_summary_all: "I {cohorts} hadde {count} andre kommunar mellom {lo} og {hi} som avslutta: {list}.",
    similar_summary_one: "I {cohorts} hadde berre ein annan kommune mellom {lo} og {hi} som avslutta: {list}.",
    similar_summary_none: "Ingen annan kommune hadde publiserte tal for {cohorts} og mellom {lo} og {hi} som avslutta, så figuren viser berre {name}.",
    similar_summary_no_completers: "Ingen avslutta introduksjonsprogrammet i {name} i {cohorts}, så det er ingen del å vise og ingen storleik å samanlikne andre kommunar etter.",
    similar_summary_unpublished: "For {name} finst det ingen publiserte tal å samle for {cohorts}, så det er ingen del å vise og ingen storleik å samanlikne andre kommunar etter.",
    similar_summary_divided: "{name} har ingen eigne tal for {cohorts} fordi ein tidlegare kommune vart delt og tal aldri blir delte opp, så det er ingen storleik å samanlikne andre kommunar etter.",
    similar_item: "{name} {p} prosent av {n}",
    similar_and: "og",
    similar_note_few_none: "Ingen annan kommune hadde publiserte tal for {cohorts} og mellom {lo} og {hi} som avslutta.",
    similar_note_few_one: "Berre ein annan kommune hadde publiserte tal for {cohorts} og mellom {lo} og {hi} som avslutta.",
    similar_note_few: "Berre {count} andre kommunar hadde publiserte tal for {cohorts} og mellom {lo} og {hi} som avslutta.",
    similar_note_no_own: "Kommunar blir samanlikna med kommunar som hadde mellom halvparten og dobbelt så mange som avslutta, summert frå publiserte tal for dei same åra. Fordi {name} ikkje har nokon del frå eigne publiserte tal, er det ingenting å samanlikne etter, og ingen kommunar blir viste.",
    similar_caption: "{name} og kommunar med mellom {lo} og {hi} som avslutta i {cohorts}",
    similar_caption_more: "{name} og dei {count} næraste av {total} kommunar med mellom {lo} og {hi} som avslutta i {cohorts}",
    similar_caption_none: "{name}: ingen andre kommunar med mellom {lo} og {hi} som avslutta i {cohorts}",
    similar_caption_no_own: "{name}: ingen tal for {cohorts} å samanlikne andre kommunar med",
    search_none: "Ingen kommunar passar",
    search_former: "tidlegare {name}",
    search_former_part: "har ein del av tidlegare {name}",
    unknown_name: "Fann ingen kommune eller bydel som heiter «{x}»",
    ambiguous: "«{x}» kan vere fleire stader: {list}. Vel ein av dei, eller bruk nummeret.",
    divided_among: "{old} vart delt mellom {list}. Vel ein av dei.",
    notice_part_of: "{old} er no ein del av {new}.",
    notice_now: "{old} er no {new}.",
    notice_cohort: "Kullet «{x}» finst ikkje i tala; viser {shown}. Kull med tal: {list}.",
    compare_add: "Legg til samanlikning",
    compare_remove: "Fjern {name}",
    compare_neighbours: "Nabokommunar",
    compare_unknown: "Fann ingen kommune, bydel eller fylke «{x}» å samanlikne med.",
    compare_too_many: "Viser dei {n} første stadene å samanlikne med.",
    compare_not_summable: "{name} kan ikkje visast: tala for fylket kan ikkje summerast frå cellene i tabellen.",
    note_neighbours: "Nabokommunar til {name}: {list} (felles landegrense på kommunekartet til Kartverket frå 2024, © Kartverket, CC BY 4.0).",
    status_rest_hidden: "resten skjult",
    chart_small: "Hol markør: færre enn 10 deltakarar",
    goal_later: "Heile landet, seinare år",
    goal_later_source: "publiserte tal",
};

pub static EN: Texts = Texts {
    choose_kommune: "Choose municipality",
    goal_title: "In work or education one year after the introduction programme",
    axis_cohort: "Finished the programme (year)",
    axis_percent: "Per cent",
    land: "Norway",
    goal_label: "National goal 70%",
    suppressed: "too few participants to show figures",
    suppressed_short: "hidden",
    not_yet: "figures not available yet",
    not_yet_short: "not yet",
    not_applicable: "the municipality did not exist",
    not_applicable_short: "did not exist",
    no_completers: "no participants finished in the period",
    no_data: "no figures",
    col_cohort: "Finished",
    col_finished: "Finished, persons",
    col_in_work: "In work or education",
    col_percent: "Per cent",
    table_caption: "Share in work or education one year after, by year the programme was finished",
    col_source: "Source",
    source_table: "SSB table 10824",
    footnote_published: "{cohort}: Norway, per cent only, published at {url}",
    note_published: "Norway {first}–{last} (the panel on the right): per cent published by SSB and IMDi after the table extract; the sources are listed below the table.",
    unknown_kommune: "Unknown municipality number",
    incomplete: "cannot be summed because one of the former municipalities has too few participants",
    divided: "no figure for the municipality as a whole",
    former: "former {name}",
    former_divided: "former {name} (divided {year})",
    fylke_of_the_day: "{name} (county at the time)",
    note_incomplete: "{kommune} was formed from several former municipalities. Where one of them has too few participants, the figures cannot be summed; the former municipalities' own figures are shown instead.",
    note_divided: "{names} was divided. Figures are never split, so {kommune} has no figures of its own for these years; the former municipalities' figures are shown instead.",
    note_fylke_of_the_day: "The county is shown as it was at the time ({name}), because figures for today's county cannot be summed from published municipal figures.",
    search_label: "Search for a municipality (name or number)",
    search_count: "{n} municipalities match",
    search_count_one: "1 municipality matches",
    cell_no_completers: "none",
    cell_incomplete: "not summed",
    footnote: "{cell}: {meaning}",
    bydel: "district",
    axis_years_after: "Years after finishing the programme",
    axis_share_of_finished: "Share of those who finished",
    axis_uncertainty: "Finished the programme (year), pooled and Norway",
    axis_pooled: "In work or education one year after, {cohorts} pooled (95% interval)",
    axis_kommuner: "Number of municipalities",
    menn: "men",
    kvinner: "women",
    pooled: "Pooled",
    no_pooled: "no published counts to pool",
    status_arbutd: "In work or education",
    status_ledig: "Unemployed or on a measure",
    status_annet: "Other or unknown",
    country_none: "None finished",
    country_fewer: "Fewer than ten (incl. hidden)",
    country_ten: "Ten or more",
    view_goal: "Goal and comparison",
    view_status: "Status one year after",
    view_gender: "Gender",
    view_followup: "One to five years after",
    view_uncertainty: "Uncertainty",
    view_similar: "Similar municipalities",
    view_ranking: "All municipalities",
    view_map: "Map",
    view_country: "The whole country",
    title_status: "{name}: status one year after, finished {cohort}",
    title_gender: "{name}: in work or education one year after, men and women",
    title_followup: "{name}: finished {cohort}, in work or education one to five years after",
    title_uncertainty: "{name}: share in work or education with 95% intervals",
    title_similar: "{name} and {count} municipalities with about as many participants",
    title_country: "Municipalities by number who finished in {cohort}",
    choose_view: "Choose a view",
    choose_cohort: "Year finished",
    show_table: "Show table",
    show_chart: "Show chart",
    col_region: "Area",
    col_years_after: "Years after",
    col_status_year: "Measured in November",
    col_low: "Lower bound (95%)",
    col_high: "Upper bound (95%)",
    col_cohorts: "Years pooled",
    col_kommune: "Municipality",
    col_group: "Group",
    col_count_kommuner: "Municipalities",
    word_percent: "per cent",
    summary_goal: "In {name}, {p} per cent ({x} of {n}) of those who finished the introduction programme in {cohort} were in work or education one year later.",
    summary_goal_no_counts: "In {name}, {p} per cent of those who finished the introduction programme in {cohort} were in work or education one year later.",
    summary_none: "For {name} there is no published share: {reason}.",
    summary_compare: "{who}: {p} per cent.",
    summary_goal_line: "The goal is 70 per cent.",
    summary_status: "Of the {n} in {name} who finished in {cohort}, {a} per cent were in work or education, {b} per cent unemployed or on a measure and {c} per cent in another or unknown situation one year later.",
    summary_status_short: "{who}: {a}, {b} and {c} per cent.",
    summary_gender: "In {name}, {m} of the men and {k} of the women who finished in {cohort} were in work or education one year later.",
    summary_gender_land: "Norway: men {m}, women {k}.",
    summary_followup: "Of those in {name} who finished in {cohort}, {first} were in work or education {ya1} year(s) later and {last} {ya2} years later.",
    summary_followup_land: "Norway: {first} and {last}.",
    summary_pooled: "Pooled over {cohorts}, {p} per cent ({x} of {n}) in {name} were in work or education one year later, with a 95 per cent interval from {lo} to {hi} per cent.",
    summary_similar: "In {name}, {n} finished the introduction programme in {cohorts}, and {p} per cent of them were in work or education one year later.",
    summary_country: "Of {k} municipalities in {year}, {with} had participants who finished the introduction programme in {cohort}; {few} of them had fewer than ten, including {sup} where the number is hidden.",
    note_followup: "Only years with published national figures are shown; the {cohort} cohort can be followed for {n} years in the table extract.",
    note_uncertainty: "The interval is a 95% Wilson interval computed from published counts. Pooled: the sum of published counts for {cohorts}.",
    note_similar: "About as many means between half and twice as many who finished as in {name}; the nearest come first, at most five. Every figure is a sum of published counts over the same years: the years in which {name} has published counts ({cohorts}). A municipality is included only if it has published counts for each of those years.",
    note_country: "Municipalities as they were in {year}. Where the number who finished is hidden, it was fewer than ten.",
    unknown_view: "Unknown view",
    download_png: "Download PNG",
    download_svg: "Download SVG",
    download_csv: "Download figures (CSV)",
    hide_table: "Hide table",
    chart_label: "Chart, described in the text above",
    chart_explore: "Chart, described in the text above. The arrow keys go through its points.",
    no_chart: "This browser could not draw the chart. The table below has every figure.",
    programme: "The introduction programme",
    source_other: "{source} (differing figure: {p} at {host})",
    footnote_other: "{cohort}: Norway, differing figure ({p}) published at {url}",
    // similar view
    similar_title_one: "{name} and one municipality with about as many participants",
    similar_title_none: "{name}: no municipalities with about as many participants",
    similar_title_no_own: "{name}: no figures to compare other municipalities by",
    similar_counts: ["no", "one", "two", "three", "four", "five"],
    similar_summary_more: "In {cohorts}, {total} other municipalities had between {lo} and {hi} who finished; the {count} nearest in number are {list}.",
    similar_summary_all: "In {cohorts}, {count} other municipalities had between {lo} and {hi} who finished: {list}.",
    similar_summary_one: "In {cohorts}, only one other municipality had between {lo} and {hi} who finished: {list}.",
    similar_summary_none: "No other municipality had published counts for {cohorts} and between {lo} and {hi} who finished, so the chart shows {name} alone.",
    similar_summary_no_completers: "Nobody finished the introduction programme in {name} in {cohorts}, so there is no share to show and no size to compare other municipalities by.",
    similar_summary_unpublished: "{name} has no published counts to pool for {cohorts}, so there is no share to show and no size to compare other municipalities by.",
    similar_summary_divided: "{name} has no figures of its own for {cohorts} because a former municipality was divided and figures are never divided, so there is no size to compare other municipalities by.",
    similar_item: "{name} {p} per cent of {n}",
    similar_and: "and",
    similar_note_few_none: "No other municipality had published counts for {cohorts} and between {lo} and {hi} who finished.",
    similar_note_few_one: "Only one other municipality had published counts for {cohorts} and between {lo} and {hi} who finished.",
    similar_note_few: "Only {count} other municipalities had published counts for {cohorts} and between {lo} and {hi} who finished.",
    similar_note_no_own: "Municipalities are compared with those that had between half and twice as many who finished, summed from published counts over the same years. As {name} has no share from published counts of its own, there is nothing to compare by, and no municipalities are shown.",
    similar_caption: "{name} and municipalities with between {lo} and {hi} who finished in {cohorts}",
    similar_caption_more: "{name} and the {count} nearest of {total} municipalities with between {lo} and {hi} who finished in {cohorts}",
    similar_caption_none: "{name}: no other municipalities with between {lo} and {hi} who finished in {cohorts}",
    similar_caption_no_own: "{name}: no figures for {cohorts} to compare other municipalities by",
    search_none: "No municipalities match",
    search_former: "formerly {name}",
    search_former_part: "holds part of former {name}",
    unknown_name: "No municipality or city district is called «{x}»",
    ambiguous: "«{x}» could be several places: {list}. Choose one, or use the number.",
    divided_among: "{old} was divided among {list}. Choose one of them.",
    notice_part_of: "{old} is now part of {new}.",
    notice_now: "{old} is now {new}.",
    notice_cohort: "There are no figures for the cohort «{x}»; showing {shown}. Cohorts with figures: {list}.",
    compare_add: "Add comparison",
    compare_remove: "Remove {name}",
    compare_neighbours: "Neighbouring municipalities",
    compare_unknown: "No municipality, district or county «{x}» to compare with.",
    compare_too_many: "Showing the first {n} places to compare with.",
    compare_not_summable: "{name} cannot be shown: the county's figures cannot be summed from the table's cells.",
    note_neighbours: "Municipalities bordering {name}: {list} (a shared land border on the Norwegian Mapping Authority's municipality map of 2024, © Kartverket, CC BY 4.0).",
    status_rest_hidden: "rest hidden",
    chart_small: "Hollow marker: fewer than 10 participants",
    goal_later: "Norway, later years",
    goal_later_source: "published figures",
};

/// What a widget says before the core runs, or where it cannot: the shell carries these,
/// written into it at build time.
#[derive(Debug, Serialize)]
pub struct BootTexts {
    pub csp: &'static str,
    pub failed: &'static str,
    pub crashed: &'static str,
    pub loading: &'static str,
    /// An unsupported `lang`: "{x}" is the tag.
    pub language: &'static str,
}

pub fn boot_texts(lang: Lang) -> BootTexts {
    match lang {
        Lang::Nb => BootTexts {
            csp: "Figuren kan ikke vises fordi nettstedets sikkerhetsregler (Content-Security-Policy) stopper WebAssembly. Nettredaktøren må legge til 'wasm-unsafe-eval' i script-src.",
            failed: "Figuren kan ikke vises i denne nettleseren: ",
            crashed: "Det oppstod en feil i figuren, og den ble startet på nytt: ",
            loading: "Laster statistikk …",
            language: "Ukjent språk «{x}»; viser bokmål.",
        },
        Lang::Nn => BootTexts {
            csp: "Figuren kan ikkje visast fordi sikkerheitsreglane til nettstaden (Content-Security-Policy) stoppar WebAssembly. Nettredaktøren må leggje til 'wasm-unsafe-eval' i script-src.",
            failed: "Figuren kan ikkje visast i denne nettlesaren: ",
            crashed: "Det oppstod ein feil i figuren, og han vart starta på nytt: ",
            loading: "Lastar statistikk …",
            language: "Ukjent språk «{x}»; viser bokmål.",
        },
        Lang::En => BootTexts {
            csp: "The chart cannot be shown because this site's Content-Security-Policy blocks WebAssembly. The site's editor needs to add 'wasm-unsafe-eval' to script-src.",
            failed: "The chart cannot be shown in this browser: ",
            crashed: "The chart hit an error and was restarted: ",
            loading: "Loading statistics …",
            language: "Unknown language «{x}»; showing Norwegian Bokmål.",
        },
    }
}

/// The primary language subtags the widget knows, and the language each gives (see
/// [`Lang::parse`]): what the shell needs to choose its boot texts before the core runs.
pub const LANG_TAGS: [(&str, Lang); 7] =
    [("nb", Lang::Nb), ("no", Lang::Nb), ("nob", Lang::Nb), ("nn", Lang::Nn), ("nno", Lang::Nn), ("en", Lang::En), ("eng", Lang::En)];

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
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
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
        Share::NotYet => t.not_yet.to_string(),
        Share::NotApplicable => t.not_applicable.to_string(),
        Share::NoCompleters => t.no_completers.to_string(),
        Share::NoData => t.no_data.to_string(),
        Share::Incomplete { .. } => t.incomplete.to_string(),
        Share::Divided => t.divided.to_string(),
    }
}

/// Fills `{key}` placeholders of a text.
pub fn fill(template: &str, pairs: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in pairs {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// "tidligere Stokke (delt 2017)" / "tidligere Andebu".
pub fn former_label(f: &Former, lang: Lang) -> String {
    let t = texts(lang);
    match f.divided {
        Some(year) => fill(t.former_divided, &[("name", &f.name), ("year", &year.to_string())]),
        None => fill(t.former, &[("name", &f.name)]),
    }
}

/// The label of the fylke series: today's fylke by name, the fylke of the day marked as such.
pub fn fylke_label(f: &FylkeSeries, lang: Lang) -> String {
    who_label(&Who::Fylke { name: f.series.name.clone(), today: f.today }, lang)
}

/// A data table as the page shows it beside the chart: caption, column headers, rows of text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Table {
    pub caption: String,
    pub headers: Vec<String>,
    /// The first cell of each row is its header (the cohort).
    pub rows: Vec<Vec<String>>,
    /// What the short cell texts used in the table mean.
    pub footnotes: Vec<String>,
}

impl Table {
    /// The rows ordered by column `col` (its header's button in the widget): by number where
    /// the cell is one as the table writes it ("1 234", "57,8", "62 %"), numbers before words
    /// and gaps, words in Norwegian alphabetical order; rows that tie keep their order.
    pub fn sorted_rows(&self, col: usize, descending: bool) -> Vec<Vec<String>> {
        let key = |row: &Vec<String>| {
            let cell = row.get(col).map_or("", String::as_str);
            (number(cell).is_none(), number(cell).unwrap_or(0), sort_key(cell))
        };
        let mut rows = self.rows.clone();
        crate::sort::sort_by(&mut rows, |a, b| match descending && key(a).0 == key(b).0 {
            true => key(b) < key(a),
            false => key(a) < key(b),
        });
        rows
    }
}

/// A table cell's number in thousandths ("1 234" → 1 234 000, "57,8" → 57 800, "62 %" → 62 000),
/// read without std's float parsing; `None` for anything else (words, "–", year ranges).
fn number(cell: &str) -> Option<i64> {
    let s: String = cell.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '%')).collect();
    let (neg, s) = match s.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest),
        None => (false, s.as_str()),
    };
    let (int, frac) = s.split_once([',', '.']).unwrap_or((s, ""));
    if int.is_empty() || frac.len() > 3 || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) || int.len() > 12 {
        return None;
    }
    let digits = |d: &str| d.bytes().fold(0i64, |n, b| n * 10 + (b - b'0') as i64);
    let v = digits(int) * 1000 + digits(frac) * [1000, 100, 10, 1][frac.len()];
    Some(if neg { -v } else { v })
}

/// A share as a table cell: the per cent, or a short word that a footnote explains.
pub(crate) fn share_cell(share: &Share, lang: Lang, used: &mut Vec<Share>) -> String {
    let t = texts(lang);
    let key = match share {
        Share::Published { percent, .. } => return format_percent(*percent, lang),
        Share::Suppressed { .. } => Share::Suppressed { finished: None },
        Share::Incomplete { .. } => Share::Incomplete { finished: None },
        other => *other,
    };
    if !used.contains(&key) {
        used.push(key);
    }
    match share {
        Share::Published { .. } => unreachable!(),
        other => short_word(other, t).unwrap_or("–"),
    }
    .to_string()
}

/// The short word a gap in the figures has in a table cell or under a chart ("skjult", "ingen", …),
/// one per symbol; `None` for a published share and for those only said in full (divided, no data).
pub(crate) fn short_word(share: &Share, t: &Texts) -> Option<&'static str> {
    match share {
        Share::Suppressed { .. } => Some(t.suppressed_short),
        Share::NotYet => Some(t.not_yet_short),
        Share::NotApplicable => Some(t.not_applicable_short),
        Share::Incomplete { .. } => Some(t.cell_incomplete),
        Share::NoCompleters => Some(t.cell_no_completers),
        Share::Divided | Share::NoData | Share::Published { .. } => None,
    }
}

pub(crate) fn footnotes(used: &[Share], lang: Lang) -> Vec<String> {
    let t = texts(lang);
    used.iter()
        .map(|s| {
            let cell = short_word(s, t).unwrap_or("–");
            let meaning = match s {
                Share::Incomplete { .. } => t.incomplete.to_string(),
                Share::NoData => t.no_data.to_string(),
                other => format_share(other, lang),
            };
            say::sentence(&fill(t.footnote, &[("cell", cell), ("meaning", &meaning)]))
        })
        .gather()
}

/// "www.ssb.no" from "https://www.ssb.no/utdanning/…"; on GitHub, the repository too.
pub fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let parts = if rest.starts_with("github.com/") { 3 } else { 1 };
    let end = rest.match_indices('/').nth(parts - 1).map_or(rest.len(), |(i, _)| i);
    &rest[..end]
}

/// The three statuses, in the order of the status split.
pub fn legend_texts(lang: Lang) -> [&'static str; 3] {
    let t = texts(lang);
    [t.status_arbutd, t.status_ledig, t.status_annet]
}

pub fn who_label(who: &Who, lang: Lang) -> String {
    match who {
        Who::Region(name) => name.clone(),
        Who::Former(f) => former_label(f, lang),
        Who::Fylke { name, today: true } => name.clone(),
        Who::Fylke { name, today: false } => fill(texts(lang).fylke_of_the_day, &[("name", name)]),
        Who::Land => texts(lang).land.to_string(),
    }
}

pub fn pct_word(p: u16, lang: Lang) -> String {
    format!("{p} {}", texts(lang).word_percent)
}

/// The share as a summary says it: "56 prosent" or why there is none.
pub fn share_words(share: &Share, lang: Lang) -> String {
    match share.percent() {
        Some(p) => pct_word(p, lang),
        None => format_share(share, lang),
    }
}

pub fn cohort_list(cohorts: &[u16]) -> String {
    match (cohorts.first(), cohorts.last()) {
        (Some(a), Some(b)) if cohorts.len() == (b - a + 1) as usize && a != b => format!("{a}–{b}"),
        _ => cohorts.iter().map(u16::to_string).gather().join(", "),
    }
}


/// Lower case as `str::to_lowercase` gives it for Latin-1 and Latin Extended-A (U+0000–U+017F:
/// every letter of the widget's texts and of kommune names, Sami ones included); other
/// characters unchanged. Its own small table: std's case tables would weigh kilobytes in the wasm.
pub fn lower(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let u = c as u32;
        let to = match u {
            0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => u + 0x20,
            // İ: a dotted i, as std writes it.
            0x130 => {
                out.push_str("i\u{307}");
                continue;
            }
            0x178 => 0xFF,
            0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if u & 1 == 0 => u + 1,
            0x139..=0x148 | 0x179..=0x17E if u & 1 == 1 => u + 1,
            _ => u,
        };
        out.push(char::from_u32(to).unwrap_or(c));
    }
    out
}

/// A key for Norwegian alphabetical order: æ, ø, å after z (as in kommune lists).
/// At most 40 characters of what a page gave (an attribute, a search), trimmed, to quote in a
/// message: shown as text, never as markup.
pub fn shorten(s: &str) -> String {
    s.trim().chars().take(40).collect()
}

pub fn sort_key(name: &str) -> String {
    lower(name)
        .chars()
        .map(|c| match c {
            'æ' | 'ä' => '{',
            'ø' | 'ö' => '|',
            'å' => '}',
            c => c,
        })
        .collect()
}

/// A number with one decimal, decimal comma in Norwegian ("49,6"), point in English: the same
/// digits as `format!("{:.1}")` (the exact binary value rounded, ties to even), written without
/// std's float formatting, which would bring ~18 KB of code into the wasm.
pub fn format_decimal(v: f64, lang: Lang) -> String {
    if !v.is_finite() {
        return (if v.is_nan() { "NaN" } else if v > 0.0 { "inf" } else { "-inf" }).to_string();
    }
    let tenths = tenths(v.abs());
    let sign = if v.is_sign_negative() { "-" } else { "" };
    let point = if lang == Lang::En { '.' } else { ',' };
    format!("{sign}{}{point}{}", tenths / 10, tenths % 10)
}

/// `a` × 10 rounded to the nearest integer, ties to even, exactly (`a` finite, ≥ 0).
fn tenths(a: f64) -> u64 {
    use std::cmp::Ordering::{Equal, Greater, Less};
    let near = (a * 10.0).round() as u64;
    let even = |x: u64| if x.is_multiple_of(2) { x } else { x + 1 };
    if near > 0 {
        match half_above(a, near - 1) {
            Less => return near - 1,
            Equal => return even(near - 1),
            Greater => {}
        }
    }
    match half_above(a, near) {
        Greater => near + 1,
        Equal => even(near),
        Less => near,
    }
}

/// How `a` × 10 compares with `j` + ½, exactly: 20 a against 2 j + 1, with `a` = m · 2^e.
fn half_above(a: f64, j: u64) -> std::cmp::Ordering {
    let bits = a.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1 << 52) - 1);
    let (m, e) = if exp == 0 { (frac, -1074) } else { (frac | 1 << 52, exp - 1075) };
    let (lhs, rhs) = (20 * m as u128, 2 * j as u128 + 1);
    // A shift that would pass 128 bits means that side is the larger.
    if e >= 0 {
        if e as u32 >= lhs.leading_zeros() {
            return std::cmp::Ordering::Greater;
        }
        (lhs << e).cmp(&rhs)
    } else {
        if e.unsigned_abs() >= rhs.leading_zeros() {
            return std::cmp::Ordering::Less;
        }
        lhs.cmp(&(rhs << e.unsigned_abs()))
    }
}

/// A view's figures as CSV, exactly as the table shows them: title, header, rows, the footnotes
/// explaining marks such as "skjult", and the source line.
pub fn view_csv(text: &crate::views::ViewText, source: &str) -> String {
    fn field(s: &str) -> String {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    }
    let line = |cells: &[String]| cells.iter().map(|c| field(&c.replace('\u{a0}', " "))).gather().join(",");
    let mut out = Vec::new();
    out.push(field(&text.title));
    out.push(line(&text.table.headers));
    for row in &text.table.rows {
        out.push(line(row));
    }
    // Plain spaces throughout, as in the rows: "54 %", not a no-break space a spreadsheet keeps.
    for note in text.table.footnotes.iter().chain(&text.notes) {
        out.push(field(&note.replace('\u{a0}', " ")));
    }
    out.push(field(source));
    out.join("\r\n") + "\r\n"
}
/// The source line under every view: SSB's table, when the figures were fetched (or, when that
/// is not known, when SSB last updated the table), and whether SSB marks them as preliminary.
/// "Kilde: SSB, statistikkbanken tabell 10824, hentet 25.11.2025, foreløpige tall".
pub fn source_line(source: &crate::data::SourceInfo, lang: Lang) -> String {
    let (kilde, hentet, oppdatert, forelopig, syntetiske) = match lang {
        Lang::Nb => ("Kilde: SSB, statistikkbanken tabell", "hentet", "oppdatert", "foreløpige tall", "SYNTETISKE TALL, ikke SSBs"),
        Lang::Nn => ("Kjelde: SSB, statistikkbanken tabell", "henta", "oppdatert", "førebelse tal", "SYNTETISKE TAL, ikkje SSB sine"),
        Lang::En => ("Source: Statistics Norway, StatBank table", "retrieved", "updated", "preliminary figures", "SYNTHETIC FIGURES, not Statistics Norway's"),
    };
    if source.synthetic {
        return format!("{syntetiske} ({kilde} {})", source.table);
    }
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
    let parts: Vec<&str> = date.split('-').gather();
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
