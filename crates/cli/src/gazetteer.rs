//! `frontline gazetteer`: importing gazetteer files (GeoNames dumps, OCHA communities,
//! Syrian Archive locations) into the user's data folder, fetching a country's dump from
//! GeoNames, listing what is loaded, and resolving names by hand or for scripts. Imported
//! files are used by every later run, through the cached index.

use std::fs;
use std::io::Read;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use frontline_gazetteer::{load_or_build, Gazetteer, GazetteerBuilder, LoadReport, SourceFormat};

/// Where GeoNames publishes its dumps; `--url` or FRONTLINE_GEONAMES_URL replace it.
pub const GEONAMES_DUMPS: &str = "https://download.geonames.org/export/dump";

/// `$FRONTLINE_DATA_DIR`, else `$XDG_DATA_HOME/frontline`, else `~/.local/share/frontline`.
pub fn data_dir() -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os("FRONTLINE_DATA_DIR") {
        return Ok(PathBuf::from(dir));
    }
    if let Some(dir) = std::env::var_os("XDG_DATA_HOME") {
        return Ok(PathBuf::from(dir).join("frontline"));
    }
    let home = std::env::var_os("HOME").context("no HOME: set FRONTLINE_DATA_DIR")?;
    Ok(PathBuf::from(home).join(".local/share/frontline"))
}

fn imports_dir() -> Result<PathBuf> {
    Ok(data_dir()?.join("gazetteer"))
}

/// The files imported so far, in name order.
pub fn imported_dumps() -> Result<Vec<PathBuf>> {
    let dir = imports_dir()?;
    let Ok(entries) = fs::read_dir(&dir) else {
        return Ok(Vec::new());
    };
    let mut dumps: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "csv" || x == "json"))
        .collect();
    dumps.sort();
    Ok(dumps)
}

/// The gazetteer for a run: built in, imported dumps, then the dumps given for this run.
pub fn load(extra: &[PathBuf]) -> Result<(Gazetteer, LoadReport)> {
    let mut dumps = imported_dumps()?;
    dumps.extend(extra.iter().cloned());
    let cache = frontline_gazetteer::default_cache_dir();
    let (gazetteer, report) = load_or_build(&dumps, cache.as_deref()).context("cannot load the gazetteer")?;
    if let Some(warning) = &report.cache_warning {
        eprintln!("warning: gazetteer index not cached: {warning}");
    }
    Ok((gazetteer, report))
}

/// Checks a file parses before it is imported (a bad line names the file and line), and
/// tells its format.
fn validate(path: &Path) -> Result<(SourceFormat, usize)> {
    let (format, count) = GazetteerBuilder::new().add_file(path)?;
    if count == 0 {
        bail!("{}: no places in this {format:?} file", path.display());
    }
    Ok((format, count))
}

/// The extension an imported file keeps, by its format.
fn extension(format: SourceFormat) -> &'static str {
    match format {
        SourceFormat::GeoNamesDump | SourceFormat::GeoNamesAlternateNames => "txt",
        SourceFormat::OchaCommunities => "csv",
        SourceFormat::SyrianArchive => "json",
    }
}

pub fn add(files: &[PathBuf]) -> Result<ExitCode> {
    let dir = imports_dir()?;
    fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for file in files {
        let (format, rows) = validate(file)?;
        let name = file.file_name().context("a gazetteer file, not a folder")?;
        let target = dir.join(Path::new(name).with_extension(extension(format)));
        fs::copy(file, &target).with_context(|| format!("cannot copy {} to {}", file.display(), target.display()))?;
        eprintln!("imported {} ({format:?}, {rows} rows) as {}", file.display(), target.display());
    }
    let (_, report) = load(&[])?;
    eprintln!("gazetteer: {} places, index built in {:.1} s", report.places, report.elapsed.as_secs_f64());
    Ok(ExitCode::SUCCESS)
}

/// Downloads `<base>/<CC>.zip`, extracts `<CC>.txt` into the imports folder.
pub fn fetch(country: &str, base: Option<&str>) -> Result<ExitCode> {
    let code = country.trim().to_uppercase();
    if code.len() != 2 || !code.chars().all(|c| c.is_ascii_alphabetic()) {
        bail!("{country:?} is not a two-letter country code (e.g. SY)");
    }
    let env_base = std::env::var("FRONTLINE_GEONAMES_URL").ok();
    let base = base.or(env_base.as_deref()).unwrap_or(GEONAMES_DUMPS).trim_end_matches('/');
    let url = format!("{base}/{code}.zip");
    eprintln!("fetching {url}");
    let response = ureq::get(&url).call().with_context(|| format!("cannot fetch {url}"))?;
    let mut body = Vec::new();
    response
        .into_body()
        .into_reader()
        .take(512 << 20)
        .read_to_end(&mut body)
        .with_context(|| format!("cannot read {url}"))?;
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(body)).with_context(|| format!("{url} is not a zip archive"))?;
    let member = format!("{code}.txt");
    let mut entry = archive.by_name(&member).with_context(|| format!("{url} has no {member}"))?;
    let dir = imports_dir()?;
    fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let partial = dir.join(format!("{member}.partial"));
    let mut out = fs::File::create(&partial).with_context(|| format!("cannot write {}", partial.display()))?;
    std::io::copy(&mut entry, &mut out).with_context(|| format!("cannot extract {member}"))?;
    let (_, rows) = validate(&partial)?;
    let target = dir.join(&member);
    fs::rename(&partial, &target)?;
    eprintln!("imported {member} ({rows} places) as {}", target.display());
    let (_, report) = load(&[])?;
    eprintln!("gazetteer: {} places, index built in {:.1} s", report.places, report.elapsed.as_secs_f64());
    Ok(ExitCode::SUCCESS)
}

pub fn list() -> Result<ExitCode> {
    let (gazetteer, report) = load(&[])?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "built in: GeoNames cities500 ({}), OCHA communities and Syrian Archive locations of Syria",
        if Gazetteer::has_builtin_world() { "present" } else { "missing: built without npm" }
    )?;
    for dump in imported_dumps()? {
        writeln!(out, "imported: {}", dump.display())?;
    }
    writeln!(
        out,
        "{} places; index {} in {:.2} s{}",
        gazetteer.len(),
        if report.from_cache { "loaded from cache" } else { "built" },
        report.elapsed.as_secs_f64(),
        report.cache_file.map(|f| format!(" ({})", f.display())).unwrap_or_default()
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Shows the candidates for each name and why the winner won; with `json`, one object a
/// line. Succeeds when every name resolves.
pub fn resolve(names: &[String], admin1: Option<String>, json: bool, extra: &[PathBuf]) -> Result<ExitCode> {
    let (gazetteer, _) = load(extra)?;
    // A governorate given by name ("Idlib") or by code ("12").
    let admin1 = match admin1 {
        Some(given) => match gazetteer.governorate_named(&given) {
            Some(g) => Some(g.admin1.clone()),
            None if gazetteer.governorate("SY", &given).is_some() => Some(given),
            None => bail!("{given:?} is no governorate of Syria (give a name such as Idlib, or its code such as 12)"),
        },
        None => None,
    };
    let context = frontline_gazetteer::Context { country: Some("SY".into()), admin1, ..Default::default() };
    let mut all = true;
    let mut out = std::io::stdout().lock();
    for name in names {
        let resolution = gazetteer.resolve(name, &context);
        all &= resolution.place.is_some();
        if json {
            writeln!(out, "{}", resolution_json(&gazetteer, name, &resolution))?;
        } else {
            print_resolution(&mut out, name, &resolution)?;
        }
    }
    Ok(if all { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn resolution_json(gazetteer: &Gazetteer, name: &str, resolution: &frontline_gazetteer::Resolution) -> String {
    let place = resolution.place.as_ref();
    let text = |value: Option<&str>| value.filter(|v| !v.is_empty()).map(str::to_string);
    serde_json::json!({
        "name": name,
        "location": place.map(|p| &p.name),
        "latitude": place.map(|p| p.latitude),
        "longitude": place.map(|p| p.longitude),
        "geonameid": place.and_then(|p| p.geonameid),
        "pcode": place.and_then(|p| p.pcode.as_deref()),
        "country": place.map(|p| &p.country),
        "admin1": place.and_then(|p| gazetteer.governorate(&p.country, &p.admin1)).map(|g| &g.name),
        "admin2": text(place.map(|p| p.admin2.as_str())),
        "admin3": text(place.map(|p| p.admin3.as_str())),
        "why": resolution.reason,
    })
    .to_string()
}

fn print_resolution(
    out: &mut impl std::io::Write,
    name: &str,
    resolution: &frontline_gazetteer::Resolution,
) -> std::io::Result<()> {
    match &resolution.place {
        Some(p) => writeln!(
            out,
            "{name} → {} ({}) {:.4}, {:.4} [{} {}{}]",
            p.name,
            p.key(),
            p.latitude,
            p.longitude,
            p.country,
            p.admin1,
            [&p.admin2, &p.admin3].iter().filter(|a| !a.is_empty()).map(|a| format!(" / {a}")).collect::<String>()
        ),
        None => writeln!(out, "{name} → not resolved"),
    }?;
    writeln!(out, "  {}", resolution.reason)?;
    for c in &resolution.candidates {
        let id = match (&c.geonameid, &c.pcode) {
            (Some(id), Some(pcode)) => format!("{id}, {pcode}"),
            (Some(id), None) => id.to_string(),
            (None, Some(pcode)) => pcode.clone(),
            (None, None) => "-".into(),
        };
        writeln!(
            out,
            "  candidate {} ({id}, {} {}) {:?} score {:.1}: {}",
            c.name,
            c.country,
            c.admin1,
            c.level,
            c.score,
            c.why.join(", ")
        )?;
    }
    Ok(())
}
