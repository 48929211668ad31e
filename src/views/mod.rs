//! The views, one module each: its figures, its words and its drawing, over the shared
//! machinery of [`crate::outcome`] (series, sums, intervals), [`crate::text`] (words, numbers,
//! tables) and [`crate::chart`] (line chart, legends, layout).
//!
//! [`registry!`] below owns the list of views, their order on the view switch and their keys. A
//! new view is one new file with a type that implements [`Figures`], and one line there.

use crate::gather::Gather;
use crate::compare::Other;
use crate::chart::record::Hit;
use crate::chart::{svg_of, Area, DrawResult, Drawing, Paint, Theme};
use crate::data::Dataset;
use crate::place::Place;
use crate::text::{source_line, texts, view_csv, Lang, Table, Texts};
use serde::Serialize;

/// What every view does: compute its figures for a place, say them, draw them.
pub trait Figures: Sized {
    /// The name pages use in `view="…"`.
    const KEY: &'static str;
    /// Whether the view reads cells beyond one year after: the others can be computed from
    /// [`crate::data::codec::decode_one_year_after`]'s part of the data.
    const ALL_YEARS_AFTER: bool = false;
    /// Whether the view is about one chosen cohort.
    const HAS_COHORT: bool = false;
    /// Whether the view shows places a reader compares with ([`Figures::compare`]).
    const COMPARES: bool = false;
    /// The figures for a place; `cohort` chooses the cohort of a view about one (its default
    /// where `None` or unknown).
    fn open(ds: &Dataset, place: &Place, cohort: Option<u16>) -> Option<Self>;
    /// The view's name on the view switch.
    fn name(t: &Texts) -> &'static str;
    fn title(&self, lang: Lang) -> String;
    /// Everything but the title that a page shows besides the chart.
    fn words(&self, lang: Lang) -> Words;
    fn draw(&self, root: &Area, title: &str, p: &Paint) -> DrawResult;
    /// The cohort chosen in a view about one cohort, and the cohorts to choose from.
    fn cohort_choice(&self) -> Option<(u16, &[u16])> {
        None
    }
    /// Adds the places a reader compares with (see [`crate::compare`]), in a view that
    /// [`Figures::COMPARES`].
    fn compare(&mut self, _others: &[Other]) {}
    /// [`Figures::words`] with the table's rows left out, for a view whose table is long (the
    /// map's 357 rows): a page asks for them when it shows them. `None`: the view has no such
    /// shortcut.
    fn words_without_rows(&self, _lang: Lang) -> Option<Words> {
        None
    }
    /// The tooltip of a point drawn without one ([`crate::chart::record::region`]), by what it
    /// picks.
    fn tip(&self, _pick: &str, _lang: Lang) -> Option<String> {
        None
    }
}

/// A view's summary (one paragraph saying what the chart shows, with the same numbers), notes
/// and table.
pub struct Words {
    pub summary: String,
    pub notes: Vec<String>,
    pub table: Table,
}

/// Everything a page shows of a view besides the chart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ViewText {
    pub title: String,
    pub summary: String,
    pub notes: Vec<String>,
    pub table: Table,
}

macro_rules! registry {
    ($($variant:ident => $module:ident :: $ty:ident,)*) => {
        $(pub mod $module;)*

        /// The views of the widget, in the order of its view switch.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum ViewKind {
            $($variant,)*
        }

        const COUNT: usize = [$(stringify!($variant)),*].len();

        impl ViewKind {
            pub const ALL: [ViewKind; COUNT] = [$(ViewKind::$variant,)*];

            /// The name pages use in `view="…"`.
            pub fn key(self) -> &'static str {
                match self {
                    $(ViewKind::$variant => <$module::$ty as Figures>::KEY,)*
                }
            }

            /// Whether the view reads only one year after (see [`Figures::ALL_YEARS_AFTER`]).
            pub fn one_year_after_only(self) -> bool {
                match self {
                    $(ViewKind::$variant => !<$module::$ty as Figures>::ALL_YEARS_AFTER,)*
                }
            }

            /// Whether the view is about one chosen cohort.
            pub fn has_cohort(self) -> bool {
                match self {
                    $(ViewKind::$variant => <$module::$ty as Figures>::HAS_COHORT,)*
                }
            }

            /// Whether the view shows places a reader compares with.
            pub fn compares(self) -> bool {
                match self {
                    $(ViewKind::$variant => <$module::$ty as Figures>::COMPARES,)*
                }
            }

            /// The name of a view on its switch.
            pub fn name(self, lang: Lang) -> &'static str {
                match self {
                    $(ViewKind::$variant => <$module::$ty as Figures>::name(texts(lang)),)*
                }
            }
        }

        /// The figures of one view, ready to draw, tabulate and summarise.
        #[derive(Clone, Debug, PartialEq, Serialize)]
        pub enum ViewData {
            $($variant($module::$ty),)*
        }

        impl ViewData {
            pub fn kind(&self) -> ViewKind {
                match self {
                    $(ViewData::$variant(_) => ViewKind::$variant,)*
                }
            }

            pub fn title(&self, lang: Lang) -> String {
                match self {
                    $(ViewData::$variant(v) => v.title(lang),)*
                }
            }

            pub fn words(&self, lang: Lang) -> Words {
                match self {
                    $(ViewData::$variant(v) => v.words(lang),)*
                }
            }

            pub fn draw_on(&self, root: &Area, title: &str, p: &Paint) -> DrawResult {
                match self {
                    $(ViewData::$variant(v) => v.draw(root, title, p),)*
                }
            }

            /// The cohort chosen in a view about one cohort, and the cohorts to choose from.
            pub fn cohort_choice(&self) -> Option<(u16, &[u16])> {
                match self {
                    $(ViewData::$variant(v) => v.cohort_choice(),)*
                }
            }

            /// Adds the places a reader compares with, where the view shows them.
            pub fn compare(&mut self, others: &[Other]) {
                match self {
                    $(ViewData::$variant(v) => v.compare(others),)*
                }
            }

            /// The words without the table's rows, where the view has a shortcut for them.
            pub fn words_without_rows(&self, lang: Lang) -> Option<Words> {
                match self {
                    $(ViewData::$variant(v) => v.words_without_rows(lang),)*
                }
            }

            /// The tooltip of a point drawn without one, by what it picks.
            pub fn tip(&self, pick: &str, lang: Lang) -> Option<String> {
                match self {
                    $(ViewData::$variant(v) => v.tip(pick, lang),)*
                }
            }
        }

        /// The figures of a view for a place.
        pub fn view_data(ds: &Dataset, kind: ViewKind, place: &Place, cohort: Option<u16>) -> Option<ViewData> {
            match kind {
                $(ViewKind::$variant => <$module::$ty as Figures>::open(ds, place, cohort).map(ViewData::$variant),)*
            }
        }
    };
}

registry! {
    Goal => goal::GoalComparison,
    Status => status::StatusView,
    Gender => gender::GenderView,
    FollowUp => followup::FollowUpView,
    Uncertainty => uncertainty::UncertaintyView,
    Similar => similar::SimilarView,
    Ranking => ranking::RankingView,
    Map => map::MapView,
    Country => country::CountryView,
}

impl ViewKind {
    /// From a page's `view` attribute (any case, spaces around); "trend" is the goal view's
    /// older name.
    pub fn parse(key: &str) -> Option<ViewKind> {
        let key = key.trim().to_ascii_lowercase();
        if key == "trend" {
            return Some(ViewKind::Goal);
        }
        ViewKind::ALL.into_iter().find(|v| v.key() == key)
    }
}

/// The views a widget's `views="…"` attribute offers, in its order (names or keys separated by
/// spaces or commas, each once; unknown ones left out); all of them where it names none.
pub fn offered(attr: &str) -> Vec<ViewKind> {
    let mut chosen: Vec<ViewKind> = Vec::new();
    for kind in attr.split([' ', ',', '\t', '\n']).filter_map(ViewKind::parse) {
        if !chosen.contains(&kind) {
            chosen.push(kind);
        }
    }
    if chosen.is_empty() {
        ViewKind::ALL.to_vec()
    } else {
        chosen
    }
}

impl ViewData {
    /// Title, summary, notes and table.
    pub fn text(&self, lang: Lang) -> ViewText {
        self.titled(self.words(lang), lang)
    }

    /// The view's words (all of them, or without the table's rows) with its title.
    fn titled(&self, words: Words, lang: Lang) -> ViewText {
        let Words { summary, notes, table } = words;
        ViewText { title: self.title(lang), summary, notes, table }
    }

    /// The chart, on an area of `size` device pixels, as a display list to replay on the canvas
    /// or as SVG.
    pub fn draw(&self, p: &Paint, size: (u32, u32)) -> Drawing {
        let title = self.title(p.lang);
        Drawing::record(size, |root| self.draw_on(root, &title, p))
    }
}

/// One view opened for a place, a cohort and a language: what one widget shows, computed once,
/// with the source line of the data it was computed from.
#[derive(Clone, Debug)]
pub struct Opened {
    /// The place's code as the view is for it (an old kommune number becomes today's).
    pub code: String,
    pub lang: Lang,
    pub data: ViewData,
    /// "Kilde: SSB, statistikkbanken tabell 10824[, hentet …][, foreløpige tall]".
    pub source: String,
    /// The codes of the places the view compares with, as `compare="…"` gives them back; empty
    /// in a view that shows none.
    pub compare: Vec<String>,
    /// A note about the comparison: where every place compared with borders on this one, its
    /// neighbours (see [`crate::compare::neighbours_note`]).
    pub compare_note: Option<String>,
}

impl Opened {
    pub fn open(ds: &Dataset, place: &Place, kind: ViewKind, cohort: Option<u16>, lang: Lang) -> Option<Opened> {
        Opened::compared(ds, place, kind, cohort, lang, &[])
    }

    /// [`Opened::open`] with places to compare with (shown where the view [`ViewKind::compares`]).
    pub fn compared(ds: &Dataset, place: &Place, kind: ViewKind, cohort: Option<u16>, lang: Lang, others: &[Other]) -> Option<Opened> {
        let mut data = view_data(ds, kind, place, cohort)?;
        let others = if kind.compares() { others } else { &[] };
        data.compare(others);
        let compare = others.iter().map(|o| o.code.clone()).gather();
        let compare_note = crate::compare::neighbours_note(ds, place, others, lang);
        Some(Opened { code: place.code().to_string(), lang, data, source: source_line(&ds.source, lang), compare, compare_note })
    }

    pub fn kind(&self) -> ViewKind {
        self.data.kind()
    }

    pub fn text(&self) -> ViewText {
        self.with_compare_note(self.data.text(self.lang))
    }

    /// [`Opened::text`] with the table's rows left out where the view can leave them out cheaply
    /// (`true`; see [`Figures::words_without_rows`]), else all of it (`false`).
    pub fn text_without_rows(&self) -> (ViewText, bool) {
        match self.data.words_without_rows(self.lang) {
            Some(words) => (self.with_compare_note(self.data.titled(words, self.lang)), true),
            None => (self.text(), false),
        }
    }

    /// A view's text with the note about the places it compares with, last.
    fn with_compare_note(&self, mut text: ViewText) -> ViewText {
        self.compare_note.iter().cloned().gather_into(&mut text.notes);
        text
    }

    /// What a point of the chart says when shown: its own text, or the view's words for what it
    /// picks (a kommune on the map).
    pub fn tip(&self, hit: &Hit) -> String {
        match (&hit.pick, hit.text.is_empty()) {
            (Some(pick), true) => self.data.tip(pick, self.lang).unwrap_or_default(),
            _ => hit.text.clone(),
        }
    }

    /// How to paint this view in a theme at a scale.
    pub fn paint<'a>(&'a self, theme: &'a Theme, scale: f64) -> Paint<'a> {
        Paint { lang: self.lang, theme, scale, source: &self.source }
    }

    /// The chart on an area of `size` device pixels.
    pub fn drawing(&self, theme: &Theme, scale: f64, size: (u32, u32)) -> Drawing {
        self.data.draw(&self.paint(theme, scale), size)
    }

    /// The chart as an SVG document of `width` × `height` CSS pixels.
    pub fn svg(&self, theme: &Theme, width: u32, height: u32) -> String {
        svg_of(self.drawing(theme, 1.0, (width, height)))
    }

    /// The figures as CSV, exactly as the table shows them, with the source line.
    pub fn csv(&self) -> String {
        view_csv(&self.text(), &self.source)
    }
}
