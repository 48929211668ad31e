//! Every embedded figure as CSV, one row per (region, status year, years after, gender, status),
//! so any number the widget shows can be traced back to its cell in SSB table 10824.

use crate::gather::Gather;
use crate::data::{cohort_of, Cell, Dataset, Gender, Status, Unit, YEARS_AFTER};
use std::io::{self, Write};

pub const HEADER: &str = "level,region,status_year,cohort,years_after,gender,status,count,percent";

fn cell(c: Cell) -> String {
    match c {
        Cell::Value(v) => v.to_string(),
        symbol => symbol.symbol().unwrap_or(":").to_string(),
    }
}

pub fn write_csv(ds: &Dataset, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{HEADER}")?;
    for r in &ds.regions {
        for &year in r.years.keys() {
            for ya in YEARS_AFTER {
                for g in Gender::ALL {
                    for s in Status::ALL {
                        let (Some(count), Some(percent)) =
                            (r.cell(year, ya, g, s, Unit::Count), r.cell(year, ya, g, s, Unit::Percent))
                        else {
                            continue; // the region has no row for this status year
                        };
                        writeln!(
                            out,
                            "{},{},{},{},{},{},{},{},{}",
                            r.region.level.as_str(),
                            r.region.code,
                            year,
                            cohort_of(year, ya),
                            ya,
                            g.as_str(),
                            s.as_str(),
                            cell(count),
                            cell(percent)
                        )?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// The same figures on today's kommune map (`export --map <version>`): region = today's kommune
/// number, and a last column `note` naming the former kommuner summed or shown (empty where
/// nothing changed). Where a sum cannot be shown (a part suppressed) or a former kommune was
/// divided, the former kommuner's own rows follow, each with its note.
pub fn write_csv_today(ds: &Dataset, out: &mut impl Write) -> io::Result<()> {
    use crate::data::{Level, RegionData, Source};
    use crate::outcome::{combine, outcome, Outcome};
    writeln!(out, "{HEADER},note")?;
    let row = |out: &mut dyn Write, level: &str, code: &str, o: &Outcome, note: &str| -> io::Result<()> {
        for s in Status::ALL {
            writeln!(
                out,
                "{level},{code},{},{},{},{},{},{},{},{}",
                o.status_year,
                o.cohort,
                o.years_after,
                o.gender.as_str(),
                s.as_str(),
                cell(o.count(s)),
                cell(o.percent(s)),
                note
            )?;
        }
        Ok(())
    };
    let former = |r: &RegionData, s: &Source| match &s.split {
        Some(split) => format!("tidligere {} {} (delt {})", r.region.code, r.region.name, split.year),
        None => format!("tidligere {} {}", r.region.code, r.region.name),
    };
    let years = ds.status_years();
    let fixed = ds.regions.iter().filter(|r| matches!(r.region.level, Level::Land | Level::Bydel));
    for r in fixed {
        for &year in r.years.keys() {
            for ya in YEARS_AFTER {
                for g in Gender::ALL {
                    if let Some(o) = outcome(r, cohort_of(year, ya), ya, g) {
                        row(out, r.region.level.as_str(), &r.region.code, &o, "")?;
                    }
                }
            }
        }
    }
    for k in &ds.map.kommuner {
        let parts: Vec<(&Source, &RegionData)> =
            k.sources.iter().filter_map(|s| Some((s, ds.region(Level::Kommune, &s.code)?))).gather();
        let divided = parts.iter().any(|(s, _)| s.split.is_some());
        for &year in &years {
            for ya in YEARS_AFTER {
                for g in Gender::ALL {
                    let cohort = cohort_of(year, ya);
                    let present: Vec<(&Source, &RegionData, Outcome)> =
                        parts.iter().filter_map(|(s, r)| Some((*s, *r, outcome(r, cohort, ya, g)?))).gather();
                    if present.is_empty() {
                        continue;
                    }
                    let show_parts = if divided {
                        true
                    } else {
                        let outcomes: Vec<Outcome> = present.iter().map(|p| p.2.clone()).gather();
                        let sum = combine(&outcomes).expect("at least one part");
                        let note = match present.as_slice() {
                            [(_, r, _)] if r.region.code == k.code => String::new(),
                            [(s, r, _)] => former(r, s),
                            many => format!(
                                "sum av {}",
                                many.iter().map(|(_, r, _)| format!("{} {}", r.region.code, r.region.name)).gather().join(" + ")
                            ),
                        };
                        row(out, "kommune", &k.code, &sum, &note)?;
                        present.len() > 1
                            && Status::ALL.iter().any(|&s| sum.count(s).value().is_none() || sum.percent(s).value().is_none())
                    };
                    if show_parts {
                        for (s, r, o) in &present {
                            row(out, "kommune", &k.code, o, &former(r, s))?;
                        }
                    }
                }
            }
        }
    }
    Ok(())
}
