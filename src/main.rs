//! `intro-status export`: every embedded figure as CSV on stdout; `intro-status view`: what the
//! widget shows for places and views; `intro-status search`: what its search finds (see `usage`).

use intro_status::data::Embedded;
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
        Some("view") => std::process::exit(view(&args[1..])),
        Some("search") if args.len() > 1 => std::process::exit(search(&args[1..].join(" "))),
        _ => usage(),
    }
}

fn usage() -> ! {
    eprintln!("usage: intro-status export               every embedded figure of SSB table 10824 as CSV (the source's kommune numbers)");
    eprintln!("       intro-status export --map 2024    the same on today's kommune map, with a note column");
    eprintln!("       intro-status view PLACE... [--view V] [--cohort YEAR] [--compare PLACES] [--lang nb|nn|en] [--format text|csv|svg|json]");
    eprintln!("       intro-status view --all [--lang L] [--format F]   every kommune and bydel of today, every view");
    eprintln!("         PLACE: a kommune number (any since 2011), a bydel number, or a name (today's or former); V: a view's key (default: every view)");
    eprintln!("         PLACES: up to six to compare with in the goal, status and gender views, as compare=\"…\" takes them: \"4601,5001\", \"5001 46\"");
    eprintln!("       intro-status search QUERY         the kommuner and bydeler the widget's search finds, best first: NUMBER<TAB>NAME");
    std::process::exit(2);
}

/// `view`: what the widget shows, on stdout; the exit status for the process.
fn view(args: &[String]) -> i32 {
    use intro_status::text::Lang;
    use intro_status::views::ViewKind;
    use intro_status::window::{all_places, find_place, render, Format};
    let (mut queries, mut kinds, mut cohort, mut lang, mut format, mut all) = (Vec::new(), ViewKind::ALL.to_vec(), None, Lang::Nb, Format::Text, false);
    let mut compare = String::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |what: &str| it.next().cloned().unwrap_or_else(|| {
            eprintln!("intro-status: {arg} needs {what}");
            usage()
        });
        match arg.as_str() {
            "--all" => all = true,
            "--view" => {
                let v = value("a view");
                kinds = vec![ViewKind::parse(&v).unwrap_or_else(|| {
                    eprintln!("intro-status: no view is called «{v}»");
                    usage()
                })];
            }
            "--cohort" => cohort = Some(value("a year").parse::<u16>().unwrap_or_else(|_| usage())),
            "--compare" => compare = value("places"),
            "--lang" => lang = Lang::parse(&value("a language")).unwrap_or_else(|| usage()),
            "--format" => format = Format::parse(&value("a format")).unwrap_or_else(|| usage()),
            flag if flag.starts_with("--") => usage(),
            place => queries.push(place.to_string()),
        }
    }
    let ds = Dataset::embedded();
    let places = if all {
        all_places(ds)
    } else {
        if queries.is_empty() {
            usage();
        }
        let mut places = Vec::new();
        for q in &queries {
            match find_place(ds, q) {
                Ok(p) => places.push(p),
                Err(e) => {
                    eprintln!("intro-status: {e}");
                    return 1;
                }
            }
        }
        places
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for place in &places {
        for &kind in &kinds {
            let Some(text) = render(ds, place, kind, cohort, lang, format, &compare) else { continue };
            if let Err(e) = out.write_all(text.as_bytes()) {
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    eprintln!("intro-status: {e}");
                }
                return 1;
            }
        }
    }
    i32::from(out.flush().is_err())
}

/// `search`: what the widget's search finds for a query, best first, one `number<TAB>name` a
/// line (today's kommune number, or the bydel's); the exit status for the process (1: nothing).
fn search(query: &str) -> i32 {
    use intro_status::place::Place;
    let ds = Dataset::embedded();
    let found = intro_status::choose::search(ds, intro_status::text::Lang::Nb, query);
    if found.options.is_empty() {
        eprintln!("intro-status: no kommune or bydel matches «{query}»");
        return 1;
    }
    let mut out = String::new();
    for m in &found.options {
        let name = match Place::resolve(ds, &m.value) {
            Some(Place::Kommune(k)) => k.name.as_str(),
            _ => m.label.as_str(),
        };
        out += &format!("{}\t{name}\n", m.value);
    }
    print!("{out}");
    0
}
