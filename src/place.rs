//! A place as a page names it, resolved once into a typed value that every view takes.
//!
//! A page gives a string (`kommune="1201"`); [`Place::resolve`] turns it into today's kommune or a
//! bydel of the table, and nothing after that parses strings again.

use crate::data::{Dataset, Level, RegionData, TodayKommune};

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
    /// The place a page's code names: today's kommune number or a bydel number as they are; a
    /// kommune number of 2011–2014 that lives on in exactly one of today's kommuner becomes that
    /// kommune (so "1201" finds Bergen, 4601). Anything else is `None`.
    pub fn resolve(ds: &'a Dataset, code: &str) -> Option<Place<'a>> {
        let code = code.trim();
        if code.len() == 6 {
            let region = ds.region(Level::Bydel, code)?;
            let kommune = ds.region(Level::Kommune, code.get(..4)?)?;
            return Some(Place::Bydel { region, kommune, today: today_of(ds, &code[..4]) });
        }
        today_of(ds, code).map(Place::Kommune)
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
