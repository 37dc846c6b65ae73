//! Builds the web page's assets and embeds them: writes `OUT_DIR/web/*` and
//! `OUT_DIR/assets.rs`, a table of `include_bytes!` the server serves from.
//!
//! The page's front-end packages (Leaflet, boundary data) come from npm, pinned by
//! `web/package-lock.json`: `npm ci` installs them once per target folder, under
//! `target/frontline-data/web`, reinstalling when the lock file changes; then
//! `node web/build.mjs` copies and converts what the page needs into `OUT_DIR/web`.
//! `FRONTLINE_WEB_DIST` may name a folder already built by `npm run build` instead.
//! Without npm or node (or when `npm ci` cannot reach the registry), the API still builds:
//! the page served at `/` then only says how to get the map, and the build warns so.
//! `FRONTLINE_NPM` and `FRONTLINE_NODE` name other npm and node programs.

use std::{
    env, fs,
    path::{Path, PathBuf},
    process::{self, Command},
};

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let web = manifest.join("web");
    println!("cargo:rerun-if-env-changed=FRONTLINE_WEB_DIST");
    println!("cargo:rerun-if-env-changed=FRONTLINE_NPM");
    println!("cargo:rerun-if-env-changed=FRONTLINE_NODE");
    println!("cargo:rerun-if-changed=build.rs");
    for input in ["src", "build.mjs", "package.json", "package-lock.json"] {
        println!("cargo:rerun-if-changed={}", web.join(input).display());
    }
    let dist = match env::var_os("FRONTLINE_WEB_DIST") {
        Some(dir) => {
            println!("cargo:rerun-if-changed={}", PathBuf::from(&dir).display());
            PathBuf::from(dir)
        }
        None => {
            let dist = out_dir.join("web");
            let built =
                install_packages(&web, &cache_dir(&out_dir)).and_then(|modules| run_build(&web, &modules, &dist));
            if let Err(why) = built {
                println!("cargo:warning=frontline-api: the web map is not built ({why}); the API works, and `/` says how to get the map (install npm and node, then build again)");
                without_map(&dist).unwrap_or_else(|e| fail(&e));
            }
            dist
        }
    };
    let table = asset_table(&dist).unwrap_or_else(|why| fail(&why));
    fs::write(out_dir.join("assets.rs"), table).expect("OUT_DIR is writable");
}

/// A page in place of the map, for a build without npm.
fn without_map(dist: &Path) -> Result<(), String> {
    let _ = fs::remove_dir_all(dist);
    fs::create_dir_all(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>frontline</title></head>\n\
<body><h1>frontline</h1><p>This build of frontline has no web map: npm and node were not found when it was \
built. The API works: <a href=\"/api/openapi.json\">/api/openapi.json</a>, \
<a href=\"/api/events\">/api/events</a>.</p><p>For the map, install npm (Debian: <code>apt-get install npm</code>) \
and build again.</p></body></html>\n";
    fs::write(dist.join("index.html"), page).map_err(|e| format!("{}: {e}", dist.display()))
}

fn program(variable: &str, default: &str) -> String {
    env::var(variable).unwrap_or_else(|_| default.to_owned())
}

fn fail(why: &str) -> ! {
    eprintln!("\nfrontline-api: cannot build the web page: {why}\n");
    eprintln!(
        "The page's packages come from npm at build time. Install node and npm \
         (Debian: apt-get install npm), or set FRONTLINE_WEB_DIST to a folder built by \
         `npm ci && npm run build` in crates/api/web.\n"
    );
    process::exit(1);
}

/// Shared by the build profiles, beside the gazetteer's cache (target/frontline-data).
fn cache_dir(out_dir: &Path) -> PathBuf {
    out_dir
        .ancestors()
        .nth(4)
        .map(|target| target.join("frontline-data").join("web"))
        .unwrap_or_else(|| out_dir.join("web-packages"))
}

/// `npm ci` of the lock file into the cache, unless the cache holds that lock file's
/// install already. Installs into a fresh folder and renames it, so that two builds at
/// once never see half an install.
fn install_packages(web: &Path, cache: &Path) -> Result<PathBuf, String> {
    let lock = fs::read(web.join("package-lock.json")).unwrap_or_else(|e| fail(&format!("web/package-lock.json: {e}")));
    let modules = cache.join("node_modules");
    if fs::read(cache.join("package-lock.json")).ok().as_ref() == Some(&lock) && modules.is_dir() {
        return Ok(modules);
    }
    let parent = cache.parent().unwrap_or(cache);
    let staging = parent.join(format!("web-install-{}", process::id()));
    let _ = fs::remove_dir_all(&staging);
    fs::create_dir_all(&staging).unwrap_or_else(|e| fail(&format!("{}: {e}", staging.display())));
    for file in ["package.json", "package-lock.json"] {
        fs::copy(web.join(file), staging.join(file)).unwrap_or_else(|e| fail(&format!("web/{file}: {e}")));
    }
    let status = Command::new(program("FRONTLINE_NPM", "npm"))
        .args(["ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund"])
        .args(["--loglevel=error"])
        .current_dir(&staging)
        .status()
        .map_err(|e| format!("cannot run npm: {e}"))?;
    if !status.success() {
        let _ = fs::remove_dir_all(&staging);
        return Err(format!("`npm ci` failed ({status})"));
    }
    let _ = fs::remove_dir_all(cache);
    if fs::rename(&staging, cache).is_err() {
        // Another build installed it meanwhile: use theirs.
        let _ = fs::remove_dir_all(&staging);
    }
    Ok(modules)
}

fn run_build(web: &Path, modules: &Path, dist: &Path) -> Result<(), String> {
    let status = Command::new(program("FRONTLINE_NODE", "node"))
        .arg(web.join("build.mjs"))
        .arg("--modules")
        .arg(modules)
        .arg("--out")
        .arg(dist)
        .status()
        .map_err(|e| format!("cannot run node: {e}"))?;
    if !status.success() {
        return Err(format!("`node web/build.mjs` failed ({status})"));
    }
    Ok(())
}

/// `(name, content type, bytes)` for every file of the built page.
fn asset_table(dist: &Path) -> Result<String, String> {
    let mut names: Vec<String> = fs::read_dir(dist)
        .map_err(|e| format!("{}: {e}", dist.display()))?
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().is_file())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    if !names.iter().any(|n| n == "index.html") {
        return Err(format!("{} has no index.html", dist.display()));
    }
    let mut table = String::from(
        "/// `(file name, content type, bytes)` of every file of the built web page.\n\
         pub(crate) const ASSETS: &[(&str, &str, &[u8])] = &[\n",
    );
    for name in &names {
        let path = dist.join(name);
        table.push_str(&format!(
            "    ({name:?}, {:?}, include_bytes!({:?})),\n",
            content_type(name),
            path.display().to_string()
        ));
    }
    table.push_str("];\n");
    Ok(table)
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}
