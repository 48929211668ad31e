//! Build, serve and test tasks for intro-status: `cargo xtask <task>`.
//!
//! - `build`: compile the core to wasm, run wasm-bindgen, write `dist/intro-status.js` (one classic
//!   script, wasm inlined), `dist/index.html` and `dist/intro-status-standalone.html` (everything
//!   inlined, with a static no-JS fallback), and print the snippet with its SRI hash.
//! - `serve [--port N]`: build, then serve the repository on 127.0.0.1 (the demo is `index.html`).
//! - `test`: install what the tests need, run the native tests, build, run the browser tests.
//! - `setup`: only install what builds and tests need.
//!
//! Each task installs its own tools on a fresh machine: the wasm target through rustup,
//! wasm-bindgen-cli at exactly the version in Cargo.lock, Debian's chromium and chromium-driver,
//! and the npm packages from package-lock.json.

mod bench;
mod refresh;
mod serve;
mod standalone;

use base64::Engine;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build") => build().map(|_| ()),
        Some("serve") => serve(&args[1..]),
        Some("test") => test(),
        Some("bench") => bench::run(),
        Some("setup") => setup_build().and_then(|_| setup_test()),
        Some("refresh") => refresh::run(&args[1..]),
        _ => Err("usage: cargo xtask (build | serve [--port N] | test | setup | refresh [--from DIR])".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_path_buf()
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

fn run(cmd: &mut Command) -> Result {
    eprintln!("xtask: running {cmd:?}");
    let status = cmd.status().map_err(|e| format!("cannot start {:?}: {e}", cmd.get_program()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{:?} failed with {status}", cmd.get_program()))
    }
}

fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The exact wasm-bindgen version in Cargo.lock: the CLI must match it.
fn locked_wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".into())
}

fn wasm_bindgen_bin() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    home.join("bin").join("wasm-bindgen")
}

fn setup_build() -> Result {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if !installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    let version = locked_wasm_bindgen_version()?;
    let have = output(Command::new(wasm_bindgen_bin()).arg("--version")).unwrap_or_default();
    if have.split_whitespace().nth(1) != Some(version.as_str()) {
        // `--locked` fails for wasm-bindgen-cli; the exact version is what matters.
        run(Command::new(cargo()).args(["install", "wasm-bindgen-cli", "--version", &format!("={version}")]))?;
    }
    Ok(())
}

fn setup_test() -> Result {
    if !Path::new("/usr/bin/chromium").exists() || !Path::new("/usr/bin/chromedriver").exists() {
        let sudo = output(Command::new("id").arg("-u")).is_some_and(|u| u.trim() != "0");
        let apt = |args: &[&str]| {
            let mut c = if sudo { Command::new("sudo") } else { Command::new("apt-get") };
            if sudo {
                c.arg("apt-get");
            }
            c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
            run(&mut c)
        };
        apt(&["update", "-qq"])?;
        apt(&["install", "-y", "-qq", "chromium", "chromium-driver"])?;
    }
    let root = root();
    let stamp = root.join("node_modules/.package-lock.json");
    let lock = root.join("package-lock.json");
    let fresh = match (std::fs::metadata(&stamp).and_then(|m| m.modified()), std::fs::metadata(&lock).and_then(|m| m.modified())) {
        (Ok(s), Ok(l)) => s >= l,
        _ => false,
    };
    if !fresh {
        run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&root))?;
    }
    Ok(())
}

/// Builds `dist/` and returns the path of `dist/intro-status.js`.
fn build() -> Result<PathBuf> {
    setup_build()?;
    let root = root();
    run(Command::new(cargo())
        .args(["build", "--release", "--target", "wasm32-unknown-unknown", "--lib", "--package", "intro-status"])
        .current_dir(&root))?;
    let wasm = root.join("target/wasm32-unknown-unknown/release/intro_status.wasm");
    let bindgen_out = root.join("target/wasm-bindgen");
    run(Command::new(wasm_bindgen_bin())
        .args(["--target", "no-modules", "--no-typescript", "--remove-name-section", "--remove-producers-section", "--out-dir"])
        .arg(&bindgen_out)
        .arg(&wasm))?;
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()));
    let glue = String::from_utf8(read(&bindgen_out.join("intro_status.js"))?).map_err(|e| e.to_string())?;
    let wasm_bytes = read(&bindgen_out.join("intro_status_bg.wasm"))?;
    let shell = String::from_utf8(read(&root.join("www/widget.js"))?).map_err(|e| e.to_string())?;
    let script = bundle(&glue, &wasm_bytes, &shell);

    let dist = root.join("dist");
    std::fs::create_dir_all(&dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let js_path = dist.join("intro-status.js");
    write(&js_path, script.as_bytes())?;
    let index = String::from_utf8(read(&root.join("index.html"))?).map_err(|e| e.to_string())?;
    let dist_index = index.replace("src=\"dist/intro-status.js\"", "src=\"intro-status.js\"");
    if dist_index == index {
        return Err("index.html does not load dist/intro-status.js".into());
    }
    write(&dist.join("index.html"), dist_index.as_bytes())?;
    let standalone = standalone::write(&dist, &script)?;
    eprintln!(
        "xtask: wrote {} ({} bytes, wasm {} bytes), dist/index.html and dist/intro-status-standalone.html ({standalone} bytes)",
        js_path.display(),
        script.len(),
        wasm_bytes.len()
    );
    // What an editor pastes: printed last, so it is what the terminal shows.
    println!("{}", standalone::snippet(script.as_bytes()));
    Ok(js_path)
}

fn write(path: &Path, bytes: &[u8]) -> Result {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// The wasm, gzipped: the page inflates it with the browser's own `DecompressionStream`, so the
/// base64 inside the script carries compressed bytes (a third smaller over the wire than
/// base64 of the raw wasm, which gzip cannot squeeze well). Zopfli writes ordinary gzip a few
/// per cent smaller than zlib's best, at the cost of seconds at build time.
fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    zopfli::compress(zopfli::Options::default(), zopfli::Format::Gzip, bytes, &mut out).expect("writing to memory");
    out
}

/// One classic script: the glue (as a factory, so a crashed instance can be replaced by a fresh
/// one), the gzipped wasm as base64 and the shell, in one function scope.
fn bundle(glue: &str, wasm: &[u8], shell: &str) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(gzip(wasm));
    format!(
        "/*! intro-status: work or education after the introduction programme, per kommune. \
         Data: Statistics Norway (SSB), StatBank table 10824, CC BY 4.0. */\n\
         (function () {{\n\"use strict\";\nfunction makeGlue() {{\n{glue}\nreturn wasm_bindgen;\n}}\n\
         var WASM_BASE64 = \"{b64}\";\n{shell}\n}})();\n"
    )
}

fn serve(args: &[String]) -> Result {
    let port = match args {
        [] => 8000,
        [flag, n] if flag == "--port" => n.parse().map_err(|_| format!("bad port {n:?}"))?,
        _ => return Err("usage: cargo xtask serve [--port N]".into()),
    };
    build()?;
    serve::serve(&root(), port)
}

fn test() -> Result {
    setup_build()?;
    setup_test()?;
    let root = root();
    run(Command::new(cargo()).args(["test", "--workspace"]).current_dir(&root))?;
    build()?;
    run(Command::new("node")
        .args(["--test", "--test-concurrency=1", "tests/browser/"])
        .env("CHROMIUM", "/usr/bin/chromium")
        .current_dir(&root))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundle_is_one_scope_with_the_wasm_inlined() {
        let js = bundle("let wasm_bindgen = 1;", &[0, 97, 115, 109], "run();");
        assert!(js.contains("(function () {\n\"use strict\";\nfunction makeGlue() {\nlet wasm_bindgen = 1;\nreturn wasm_bindgen;\n}"));
        let b64 = js.split("var WASM_BASE64 = \"").nth(1).unwrap().split('"').next().unwrap();
        let gz = base64::engine::general_purpose::STANDARD.decode(b64).unwrap();
        let mut wasm = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gz[..]), &mut wasm).unwrap();
        assert_eq!(wasm, [0, 97, 115, 109]);
        assert!(js.trim_end().ends_with("run();\n})();"));
    }

    #[test]
    fn reads_the_locked_wasm_bindgen_version() {
        let v = locked_wasm_bindgen_version().unwrap();
        assert!(v.starts_with("0.2."), "{v}");
    }
}
