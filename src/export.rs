//! Every embedded figure as CSV, one row per (region, status year, years after, gender, status),
//! so any number the widget shows can be traced back to its cell in SSB table 10824.

use crate::data::{cohort_of, Cell, Dataset, Gender, Status, Unit, YEARS_AFTER};
use std::io::{self, Write};

pub const HEADER: &str = "level,region,status_year,cohort,years_after,gender,status,count,percent";

fn cell(c: Cell) -> String {
    match c {
        Cell::Value(v) => v.to_string(),
        Cell::Suppressed => ":".to_string(),
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
