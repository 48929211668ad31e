//! Build, serve and test tasks for intro-status: `cargo xtask <task>`.
//!
//! - `build`: compile the core to wasm, run wasm-bindgen, write `dist/intro-status.js` (one classic
//!   script, wasm, styles and boot texts inlined), `dist/index.html` and `dist/intro-status-standalone.html`
//!   (everything inlined, with a static no-JS fallback), and print the snippet with its SRI hash.
//!   `build --test-hooks` also writes the browser tests' build, `target/test-dist/intro-status.js`.
//! - `serve [--port N]`: build, then serve the repository on 127.0.0.1 (the demo is `index.html`).
//! - `test`: install what the tests need, run the native tests, build (dist/ and the tests' build),
//!   run the browser tests.
//! - `setup`: only install what builds and tests need.
//! - `synth [--out FILE] [--seed N]`: a synthetic full-size table 10824 for tests and the benchmark
//!   only (`synth.rs`), under `target/synth/`, never in `data/` or `dist/`.
//!
//! Each task installs its own tools on a fresh machine: the wasm target through rustup,
//! wasm-bindgen-cli at exactly the version in Cargo.lock, Debian's chromium and chromium-driver,
//! and the npm packages from package-lock.json.

mod bench;
mod builder;
mod full_size;
mod refresh;
mod serve;
mod minify;
mod snippet;
mod standalone;
mod synth;

use base64::Engine;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build") if args.get(1).is_some_and(|a| a == "--test-hooks") => build_with_test_hooks(),
        Some("build") if args.get(1).is_some_and(|a| a == "--full-size") => full_size::build().map(|_| ()),
        Some("build") => build().map(|_| ()),
        Some("serve") => serve(&args[1..]),
        Some("test") => test(),
        Some("bench") => bench::run(),
        Some("setup") => setup_build().and_then(|_| setup_test()),
        Some("refresh") => refresh::run(&args[1..]),
        Some("synth") => synth::run(&args[1..]),
        Some("snippet") => snippet::run(&args[1..]),
        _ => Err("usage: cargo xtask (build [--test-hooks | --full-size] | serve [--port N] | test | setup | refresh [--from DIR] | synth [--out FILE] [--seed N] | snippet KOMMUNE [--view V] [--lang L])".into()),
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

fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
}

fn wasm_bindgen_bin() -> PathBuf {
    cargo_home().join("bin").join("wasm-bindgen")
}

/// `--remap-path-prefix` flags for the wasm (as `CARGO_ENCODED_RUSTFLAGS`): a panic's location
/// names its source file, and without these the wasm would carry this machine's paths to the
/// toolchain's sources and to cargo's registry, so that the same commit built the same bytes
/// (and the same `integrity`) only in the same directories. The toolchain's sources are mapped
/// to the name its prebuilt std already uses (`/rustc/COMMIT`), so each such path is stored once.
fn remap_flags() -> String {
    let mut flags = Vec::new();
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let sysroot = output(Command::new(&rustc).args(["--print", "sysroot"])).unwrap_or_default();
    let commit = output(Command::new(&rustc).arg("-vV")).unwrap_or_default();
    let commit = commit.lines().find_map(|l| l.strip_prefix("commit-hash: ")).unwrap_or("unknown").trim().to_string();
    if !sysroot.trim().is_empty() {
        flags.push(format!("--remap-path-prefix={}/lib/rustlib/src/rust=/rustc/{commit}", sysroot.trim()));
    }
    flags.push(format!("--remap-path-prefix={}=/cargo", cargo_home().display()));
    flags.push(format!("--remap-path-prefix={}=.", root().display()));
    flags.join("\x1f")
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

fn read(p: &Path) -> Result<Vec<u8>> {
    std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))
}

fn read_text(p: &Path) -> Result<String> {
    String::from_utf8(read(p)?).map_err(|e| format!("{}: {e}", p.display()))
}

/// Compiles the core and bundles it with the shell; returns the script and the wasm's size.
/// `test_hooks`: the browser tests' build, with the shell's test hooks and the core's
/// `test-hooks` feature (where Cargo.toml declares it). It compiles into the same target/ as the
/// release build: the feature recompiles only the intro-status crate.
fn script(test_hooks: bool) -> Result<(String, usize)> {
    script_from(test_hooks, None)
}

/// [`script`], or with `other` = (data directory, target directory, wasm-bindgen's output) the
/// core built on another data directory (`build.rs` reads `INTRO_STATUS_DATA`) in a target
/// directory of its own (see [`full_size`]).
fn script_from(test_hooks: bool, other: Option<(&Path, &Path, &Path)>) -> Result<(String, usize)> {
    setup_build()?;
    let root = root();
    let mut cargo_build = Command::new(cargo());
    cargo_build.args(["build", "--release", "--target", "wasm32-unknown-unknown", "--lib", "--package", "intro-status"]);
    cargo_build.env("CARGO_ENCODED_RUSTFLAGS", remap_flags());
    if test_hooks && declares_feature(&read_text(&root.join("Cargo.toml"))?, "test-hooks") {
        cargo_build.args(["--features", "test-hooks"]);
    }
    let target = match other {
        Some((data, target, _)) => {
            cargo_build.env("INTRO_STATUS_DATA", data).env("CARGO_TARGET_DIR", target);
            target.to_path_buf()
        }
        None => root.join("target"),
    };
    run(cargo_build.current_dir(&root))?;
    let wasm = target.join("wasm32-unknown-unknown/release/intro_status.wasm");
    let bindgen_out = match other {
        Some((_, _, out)) => out.to_path_buf(),
        None => root.join(if test_hooks { "target/wasm-bindgen-test" } else { "target/wasm-bindgen" }),
    };
    run(Command::new(wasm_bindgen_bin())
        .args(["--target", "no-modules", "--no-typescript", "--remove-name-section", "--remove-producers-section", "--out-dir"])
        .arg(&bindgen_out)
        .arg(&wasm))?;
    let glue = read_text(&bindgen_out.join("intro_status.js"))?;
    let wasm_bytes = read(&bindgen_out.join("intro_status_bg.wasm"))?;
    let css = read_text(&root.join("www/widget.css"))?;
    let shell = read_text(&root.join("www/widget.js"))?;
    Ok((minify::minify(&bundle(&glue, &wasm_bytes, &css, &shell, test_hooks))?, wasm_bytes.len()))
}

/// Whether Cargo.toml's `[features]` table has `name`.
fn declares_feature(manifest: &str, name: &str) -> bool {
    let mut in_features = false;
    manifest.lines().map(str::trim).any(|line| {
        if line.starts_with('[') {
            in_features = line == "[features]";
            return false;
        }
        in_features && line.split('=').next().is_some_and(|key| key.trim().trim_matches('"') == name)
    })
}

/// The browser tests' build, `target/test-dist/intro-status.js`, then `dist/`: in that order, so
/// that target/ is left with the release wasm and a later `build` has nothing to recompile.
fn build_with_test_hooks() -> Result {
    let (script, _) = script(true)?;
    let dir = root().join("target/test-dist");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    write(&dir.join("intro-status.js"), script.as_bytes())?;
    build().map(|_| ())
}

/// Builds `dist/`, prints what an editor pastes, and returns the path of `dist/intro-status.js`.
fn build() -> Result<PathBuf> {
    let js_path = build_dist()?;
    let script = read(&js_path)?;
    // What an editor pastes: printed last, so it is what the terminal shows.
    println!("{}", standalone::snippet(&script));
    Ok(js_path)
}

/// Builds `dist/` and returns the path of `dist/intro-status.js`, printing nothing on stdout.
pub(crate) fn build_dist() -> Result<PathBuf> {
    let root = root();
    let (script, wasm_len) = script(false)?;

    let dist = root.join("dist");
    std::fs::create_dir_all(&dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let js_path = dist.join("intro-status.js");
    write(&js_path, script.as_bytes())?;
    write_demo(&dist)?;
    // The iframe form, for CMSes that strip scripts and custom elements: the same widget.
    write(&dist.join("frame.html"), read_text(&root.join("www/frame.html"))?.as_bytes())?;
    let standalone = standalone::write(&dist, &script)?;
    // The page where an editor builds the snippet, with this build's integrity in it.
    builder::write_pages(&dist, &standalone::sri(script.as_bytes()))?;
    eprintln!(
        "xtask: wrote {} ({} bytes, wasm {} bytes), dist/index.html, dist/frame.html, dist/embed*.html and dist/intro-status-standalone.html ({standalone} bytes)",
        js_path.display(),
        script.len(),
        wasm_len
    );
    Ok(js_path)
}

/// The demo page, `index.html`, into a directory beside the script it loads.
fn write_demo(dir: &Path) -> Result {
    let index = read_text(&root().join("index.html"))?;
    let dist_index = index.replace("src=\"dist/intro-status.js\"", "src=\"intro-status.js\"");
    if dist_index == index {
        return Err("index.html does not load dist/intro-status.js".into());
    }
    write(&dir.join("index.html"), dist_index.replace("href=\"dist/", "href=\"").as_bytes())
}

/// Copies every file under `from` to the same place under `to` where its bytes differ: an
/// unchanged file keeps its time (and cargo, watching it, its build).
pub(crate) fn copy_changed(from: &Path, to: &Path) -> Result {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| format!("{}: {e}", from.display()))?;
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if src.is_dir() {
            copy_changed(&src, &dst)?;
        } else {
            write_if_changed(&dst, &std::fs::read(&src).map_err(|e| format!("{}: {e}", src.display()))?)?;
        }
    }
    Ok(())
}

pub(crate) fn write_if_changed(path: &Path, bytes: &[u8]) -> Result {
    match std::fs::read(path) {
        Ok(old) if old == bytes => Ok(()),
        _ => write(path, bytes),
    }
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

/// The stylesheet on one line: comments dropped, each run of whitespace one space.
fn collapse_css(css: &str) -> String {
    let mut out = String::new();
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        out.push(' ');
        rest = rest[start + 2..].split_once("*/").map_or("", |(_, after)| after);
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a widget says before the core runs, or where it cannot (`text::boot_texts`), as a JSON
/// object keyed by every primary language subtag the core knows (`text::LANG_TAGS`): the shell
/// looks up the nearest `lang`'s, and falls back to `nb`.
fn boot_json() -> String {
    let map: serde_json::Map<String, serde_json::Value> = intro_status::text::LANG_TAGS
        .iter()
        .map(|&(tag, lang)| (tag.to_string(), serde_json::to_value(intro_status::text::boot_texts(lang)).expect("texts serialize")))
        .collect();
    serde_json::to_string(&map).expect("a map serializes")
}

/// The browser tests' hooks, which the shell calls on their events (`TEST_HOOKS`): only in the
/// tests' build, so that dist/ names none of them.
const TEST_HOOKS: &str = "{ panic: function (core) { core.test_panic(); } }";

/// One classic script: the glue (as a factory, so a crashed instance can be replaced by a fresh
/// one), the gzipped wasm as base64, the boot texts, the stylesheet as a string, the browser
/// tests' hooks (`false` outside their build), and the shell, in one function scope.
fn bundle(glue: &str, wasm: &[u8], css: &str, shell: &str, test_hooks: bool) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(gzip(wasm));
    let style = serde_json::to_string(&collapse_css(css)).expect("a string serializes");
    let boot = boot_json();
    let hooks = if test_hooks { TEST_HOOKS } else { "false" };
    format!(
        "/*! intro-status: work or education after the introduction programme, per kommune. \
         Data: Statistics Norway (SSB), StatBank table 10824, CC BY 4.0. */\n\
         (function () {{\n\"use strict\";\nfunction makeGlue() {{\n{glue}\nreturn wasm_bindgen;\n}}\n\
         var WASM_BASE64 = \"{b64}\";\nvar BOOT = {boot};\nvar STYLE = {style};\nvar TEST_HOOKS = {hooks};\n{shell}\n}})();\n"
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
    // No lint warnings, natively (every target) and in the wasm the browser runs.
    let clippy = |args: &[&str]| run(Command::new(cargo()).args(["clippy", "--quiet"]).args(args).args(["--", "-D", "warnings"]).current_dir(&root));
    clippy(&["--workspace", "--all-targets"])?;
    clippy(&["--target", "wasm32-unknown-unknown", "--lib", "--package", "intro-status"])?;
    build_with_test_hooks()?;
    run(Command::new("node")
        .args(["--test", "--test-concurrency=1", "tests/browser/"])
        .env("CHROMIUM", "/usr/bin/chromium")
        .current_dir(&root))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_changed_writes_only_what_differs() {
        let tmp = std::env::temp_dir().join(format!("intro-status-sync-{}", std::process::id()));
        let (from, to) = (tmp.join("from"), tmp.join("to"));
        std::fs::create_dir_all(from.join("sub")).unwrap();
        std::fs::write(from.join("a.txt"), "a").unwrap();
        std::fs::write(from.join("sub/b.txt"), "b").unwrap();
        copy_changed(&from, &to).unwrap();
        assert_eq!(std::fs::read_to_string(to.join("sub/b.txt")).unwrap(), "b");
        // Unchanged: left as it is (its time too); changed: written.
        let before = std::fs::metadata(to.join("a.txt")).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(from.join("sub/b.txt"), "b2").unwrap();
        copy_changed(&from, &to).unwrap();
        assert_eq!(std::fs::metadata(to.join("a.txt")).unwrap().modified().unwrap(), before);
        assert_eq!(std::fs::read_to_string(to.join("sub/b.txt")).unwrap(), "b2");
        std::fs::remove_dir_all(tmp).ok();
    }

    /// The vendored plotters-canvas (vendor/plotters-canvas/PATCHED.md) cannot run its own tests
    /// here (they need a browser and wasm-bindgen-test): its `css_number` and the test beside it
    /// are compiled alone with rustc and run.
    #[test]
    fn vendored_canvas_writes_numbers_as_css_reads_them() {
        let src = std::fs::read_to_string(root().join("vendor/plotters-canvas/src/canvas.rs")).unwrap();
        let start = src.find("/// `v` with at most three decimals").expect("css_number's doc line");
        let end = start + src[start..].find("\n}\n").expect("css_number's end") + 3;
        let tests = src.find("#[cfg(test)]\nmod css_number_tests").expect("its tests");
        let dir = root().join("target/vendored-css-number");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("lib.rs"), format!("{}\n{}", &src[start..end], &src[tests..])).unwrap();
        let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
        let built = Command::new(rustc).args(["--edition", "2021", "--test", "lib.rs", "-o", "css_number"]).current_dir(&dir).status().unwrap();
        assert!(built.success());
        let out = Command::new(dir.join("css_number")).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
        assert!(String::from_utf8_lossy(&out.stdout).contains("1 passed"));
    }

    #[test]
    fn bundle_is_one_scope_with_the_wasm_and_styles_inlined() {
        let css = "/* tokens */\n:host {\n  --x: \"a\" ;\n}\n/* why */ .a,\n.b { color: red; }\n";
        let js = bundle("let wasm_bindgen = 1;", &[0, 97, 115, 109], css, "run();", false);
        assert!(js.contains("(function () {\n\"use strict\";\nfunction makeGlue() {\nlet wasm_bindgen = 1;\nreturn wasm_bindgen;\n}"));
        let b64 = js.split("var WASM_BASE64 = \"").nth(1).unwrap().split('"').next().unwrap();
        let gz = base64::engine::general_purpose::STANDARD.decode(b64).unwrap();
        let mut wasm = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gz[..]), &mut wasm).unwrap();
        assert_eq!(wasm, [0, 97, 115, 109]);
        assert!(js.contains("\nvar STYLE = \":host { --x: \\\"a\\\" ; } .a, .b { color: red; }\";\nvar TEST_HOOKS = false;\nrun();\n"), "{js}");
        assert!(js.trim_end().ends_with("run();\n})();"));
        assert!(!js.contains("test_panic"));
        assert!(bundle("", &[], "", "", true).contains(&format!("\nvar TEST_HOOKS = {TEST_HOOKS};\n")));
    }

    #[test]
    fn boot_texts_are_keyed_by_every_language_tag() {
        let js = bundle("", &[], "", "", false);
        let boot = js.split("\nvar BOOT = ").nth(1).unwrap().split(";\nvar STYLE = ").next().unwrap();
        let boot: serde_json::Value = serde_json::from_str(boot).unwrap();
        for (tag, loading) in [("nb", "Laster statistikk …"), ("no", "Laster statistikk …"), ("nn", "Lastar statistikk …"), ("en", "Loading statistics …")] {
            assert_eq!(boot[tag]["loading"], loading, "{tag}");
        }
        assert!(boot["nb"]["csp"].as_str().unwrap().contains("wasm-unsafe-eval"));
    }

    #[test]
    fn finds_a_feature_only_in_the_features_table() {
        let manifest = "[package]\nname = \"x\"\n[features]\ndefault = []\ntest-hooks = []\n[dependencies]\nother = \"1\"\n";
        assert!(declares_feature(manifest, "test-hooks"));
        assert!(!declares_feature(manifest, "other"));
        assert!(!declares_feature("[dependencies]\ntest-hooks = \"1\"\n", "test-hooks"));
    }

    #[test]
    fn reads_the_locked_wasm_bindgen_version() {
        let v = locked_wasm_bindgen_version().unwrap();
        assert!(v.starts_with("0.2."), "{v}");
    }
}
