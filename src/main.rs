//! `intro-status export`: every embedded figure as CSV on stdout.

use intro_status::{data::Dataset, export};
use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("export") if args.len() == 1 => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let result = export::write_csv(Dataset::embedded(), &mut out).and_then(|_| out.flush());
            if let Err(e) = result {
                // A closed pipe (`| head`) is not an error worth a message.
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    eprintln!("intro-status: export failed: {e}");
                    std::process::exit(1);
                }
            }
        }
        _ => {
            eprintln!("usage: intro-status export    write every embedded figure of SSB table 10824 as CSV to stdout");
            std::process::exit(2);
        }
    }
}
