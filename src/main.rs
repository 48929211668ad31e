//! `intro-status export`: every embedded figure as CSV on stdout.

use intro_status::{data::Dataset, export};
use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("export") if args.len() == 1 || (args.len() == 3 && args[1] == "--map") => {
            let ds = Dataset::embedded();
            if args.len() == 3 && args[2] != ds.map.version.to_string() {
                eprintln!("intro-status: this build holds the kommune map of {}, not {:?}", ds.map.version, args[2]);
                std::process::exit(2);
            }
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let result = if args.len() == 3 { export::write_csv_today(ds, &mut out) } else { export::write_csv(ds, &mut out) }
                .and_then(|_| out.flush());
            if let Err(e) = result {
                // A closed pipe (`| head`) is not an error worth a message.
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    eprintln!("intro-status: export failed: {e}");
                    std::process::exit(1);
                }
            }
        }
        _ => {
            eprintln!("usage: intro-status export               every embedded figure of SSB table 10824 as CSV (the source's kommune numbers)");
            eprintln!("       intro-status export --map 2024    the same on today's kommune map, with a note column");
            std::process::exit(2);
        }
    }
}
