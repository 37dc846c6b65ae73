//! The index cached on disk: built once from the built-in table and the dumps given, then
//! loaded without folding a single name. The cache file is named after what it was built
//! from (the built-in table, each dump's path, size and modification time, the folding
//! version), so a change of any of them builds a new one.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use crate::{Gazetteer, GazetteerBuilder, GazetteerError, Place, WORLD};

/// Bump when folding or the file layout changes: old caches are then ignored.
const FORMAT: &str = "frontline-gazetteer-cache-3";

/// How the gazetteer was obtained, for messages and benchmarks.
#[derive(Debug, Clone)]
pub struct LoadReport {
    pub places: usize,
    pub from_cache: bool,
    pub elapsed: Duration,
    pub cache_file: Option<PathBuf>,
    /// Why the cache could not be written, when it could not.
    pub cache_warning: Option<String>,
}

/// `$FRONTLINE_CACHE_DIR`, else `$XDG_CACHE_HOME/frontline`, else `~/.cache/frontline`.
pub fn default_cache_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("FRONTLINE_CACHE_DIR") {
        return Some(PathBuf::from(dir));
    }
    if let Some(dir) = std::env::var_os("XDG_CACHE_HOME") {
        return Some(PathBuf::from(dir).join("frontline"));
    }
    std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache").join("frontline"))
}

fn stamp(dumps: &[PathBuf]) -> Result<String, GazetteerError> {
    let mut hasher = Sha256::new();
    hasher.update(FORMAT.as_bytes());
    // A change to the folding or to what is indexed makes a new cache.
    hasher.update(include_str!("fold.rs").as_bytes());
    hasher.update(include_str!("build.rs").as_bytes());
    hasher.update(include_str!("sources.rs").as_bytes());
    hasher.update(include_str!("consonants.rs").as_bytes());
    hasher.update(include_str!("../data/consonants.tsv").as_bytes());
    hasher.update(include_str!("../data/governorates.tsv").as_bytes());
    hasher.update(crate::build::VILLAGES.as_bytes());
    hasher.update(crate::build::ARCHIVE.as_bytes());
    hasher.update(include_str!("../data/exonyms.tsv").as_bytes());
    hasher.update(include_str!("../data/regions.tsv").as_bytes());
    hasher.update(WORLD.len().to_le_bytes());
    hasher.update(&WORLD.as_bytes()[..WORLD.len().min(4096)]);
    for dump in dumps {
        let meta = fs::metadata(dump).map_err(|e| io_error(dump, e))?;
        let modified =
            meta.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).unwrap_or_default();
        hasher.update(dump.to_string_lossy().as_bytes());
        hasher.update(meta.len().to_le_bytes());
        hasher.update(modified.as_nanos().to_le_bytes());
    }
    Ok(hasher.finalize().iter().take(12).map(|b| format!("{b:02x}")).collect())
}

fn io_error(path: &Path, error: std::io::Error) -> GazetteerError {
    GazetteerError::Io { origin: path.display().to_string(), message: error.to_string() }
}

/// The built-in gazetteer plus the files given (GeoNames country or cities files,
/// alternateNamesV2, OCHA communities CSV, Syrian Archive JSON), from the cache when it is
/// there.
pub fn load_or_build(dumps: &[PathBuf], cache_dir: Option<&Path>) -> Result<(Gazetteer, LoadReport), GazetteerError> {
    let started = Instant::now();
    let cache_file = match cache_dir {
        Some(dir) => Some(dir.join(format!("gazetteer-{}.idx", stamp(dumps)?))),
        None => None,
    };
    if let Some(path) = &cache_file {
        if let Some(gazetteer) = fs::read(path).ok().and_then(|bytes| decode(&bytes)) {
            let report = LoadReport {
                places: gazetteer.len(),
                from_cache: true,
                elapsed: started.elapsed(),
                cache_file,
                cache_warning: None,
            };
            return Ok((gazetteer, report));
        }
    }
    let gazetteer = build(dumps)?;
    let cache_warning = cache_file.as_ref().and_then(|path| write_cache(path, &gazetteer).err());
    let report = LoadReport {
        places: gazetteer.len(),
        from_cache: false,
        elapsed: started.elapsed(),
        cache_file,
        cache_warning,
    };
    Ok((gazetteer, report))
}

fn build(dumps: &[PathBuf]) -> Result<Gazetteer, GazetteerError> {
    let mut builder = GazetteerBuilder::builtin();
    for dump in dumps {
        builder.add_file(dump)?;
    }
    Ok(builder.build())
}

fn write_cache(path: &Path, gazetteer: &Gazetteer) -> Result<(), String> {
    let dir = path.parent().ok_or("no cache folder")?;
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    // Written aside then renamed, so a reader never sees half a cache.
    let partial = path.with_extension(format!("partial-{}", std::process::id()));
    let mut file = fs::File::create(&partial).map_err(|e| format!("{}: {e}", partial.display()))?;
    file.write_all(&encode(gazetteer)).map_err(|e| format!("{}: {e}", partial.display()))?;
    fs::rename(&partial, path).map_err(|e| format!("{}: {e}", path.display()))
}

fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
    out.extend_from_slice(bytes);
}

fn encode(gazetteer: &Gazetteer) -> Vec<u8> {
    let (places, keys, skeletons, postings) =
        (&gazetteer.places, &gazetteer.keys, &gazetteer.skeletons, &gazetteer.postings);
    let mut out = Vec::with_capacity(32 << 20);
    out.extend_from_slice(FORMAT.as_bytes());
    out.extend_from_slice(&(places.len() as u64).to_le_bytes());
    for p in places {
        // GeoNames ids start at 1: 0 stands for none.
        out.extend_from_slice(&p.geonameid.unwrap_or(0).to_le_bytes());
        out.extend_from_slice(&p.latitude.to_le_bytes());
        out.extend_from_slice(&p.longitude.to_le_bytes());
        out.extend_from_slice(&p.population.to_le_bytes());
        out.extend_from_slice(&(p.feature_class as u32).to_le_bytes());
        let pcode = p.pcode.as_deref().unwrap_or("");
        for text in [&p.name, &p.ascii_name, &p.feature_code, &p.country, &p.admin1, &p.admin2, &p.admin3, pcode] {
            put_bytes(&mut out, text.as_bytes());
        }
    }
    let posting_bytes: Vec<u8> = postings.iter().flat_map(|v| v.to_le_bytes()).collect();
    put_bytes(&mut out, &posting_bytes);
    put_bytes(&mut out, keys.as_fst().as_bytes());
    put_bytes(&mut out, skeletons.as_fst().as_bytes());
    put_bytes(&mut out, gazetteer.consonants.as_fst().as_bytes());
    out
}

/// Reads what [`encode`] wrote; None for anything else (an old or damaged cache).
fn decode(bytes: &[u8]) -> Option<Gazetteer> {
    let mut reader = Reader { bytes, at: 0 };
    if reader.take(FORMAT.len())? != FORMAT.as_bytes() {
        return None;
    }
    let count = reader.u64()? as usize;
    let mut places = Vec::with_capacity(count.min(bytes.len() / 40));
    for _ in 0..count {
        let geonameid = u32::from_le_bytes(reader.take(4)?.try_into().ok()?);
        let latitude = f64::from_le_bytes(reader.take(8)?.try_into().ok()?);
        let longitude = f64::from_le_bytes(reader.take(8)?.try_into().ok()?);
        let population = reader.u64()?;
        let feature_class = char::from_u32(u32::from_le_bytes(reader.take(4)?.try_into().ok()?))?;
        let mut text = || reader.text();
        let (name, ascii_name, feature_code, country, admin1) = (text()?, text()?, text()?, text()?, text()?);
        let (admin2, admin3, pcode) = (text()?, text()?, text()?);
        places.push(Place {
            geonameid: (geonameid != 0).then_some(geonameid),
            pcode: (!pcode.is_empty()).then_some(pcode),
            admin2,
            admin3,
            name,
            ascii_name,
            alternate_names: Vec::new(),
            latitude,
            longitude,
            feature_class,
            feature_code,
            country,
            admin1,
            population,
        });
    }
    let postings = reader.block()?.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
    let keys = fst::Map::new(reader.block()?.to_vec()).ok()?;
    let skeletons = fst::Map::new(reader.block()?.to_vec()).ok()?;
    let consonants = fst::Map::new(reader.block()?.to_vec()).ok()?;
    Some(Gazetteer::from_parts(places, keys, skeletons, consonants, postings))
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let slice = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(slice)
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn block(&mut self) -> Option<&'a [u8]> {
        let len = usize::try_from(self.u64()?).ok()?;
        self.take(len)
    }

    fn text(&mut self) -> Option<String> {
        String::from_utf8(self.block()?.to_vec()).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // A village of our own making, so that no built-in place answers in its stead.
    const FIXTURE: &str = "900001\tTall Zurayqat\tTall Zurayqat\tTell Zreiqat\t35.6137\t36.5614\tP\tPPLA3\tSY\t\t12\t\t\t\t0\t\t\tAsia/Damascus\t2020-01-01\n";

    #[test]
    fn the_cache_round_trips_and_is_used_the_second_time() {
        let dir = tempfile::tempdir().expect("temp dir");
        let dump = dir.path().join("fixture.txt");
        fs::write(&dump, FIXTURE).expect("write fixture");
        let cache = dir.path().join("cache");
        let (first, report) = load_or_build(std::slice::from_ref(&dump), Some(&cache)).expect("builds");
        assert!(!report.from_cache);
        assert!(report.cache_warning.is_none(), "{:?}", report.cache_warning);
        let (second, report) = load_or_build(&[dump], Some(&cache)).expect("loads");
        assert!(report.from_cache);
        assert_eq!(first.len(), second.len());
        let syria = crate::Context { country: Some("SY".into()), ..Default::default() };
        let found = second.resolve("Tal Zuraykat", &syria).place.and_then(|p| p.geonameid);
        assert_eq!(found, Some(900001));
    }

    #[test]
    fn a_damaged_cache_is_rebuilt() {
        assert!(decode(b"not a cache").is_none());
        let dir = tempfile::tempdir().expect("temp dir");
        let dump = dir.path().join("fixture.txt");
        fs::write(&dump, FIXTURE).expect("write fixture");
        let cache = dir.path().join("cache");
        let (_, report) = load_or_build(std::slice::from_ref(&dump), Some(&cache)).expect("builds");
        let file = report.cache_file.expect("a cache file");
        fs::write(&file, b"frontline-gazetteer-cache-3 truncated").expect("damage it");
        let (_, report) = load_or_build(&[dump], Some(&cache)).expect("rebuilds");
        assert!(!report.from_cache);
    }

    #[test]
    fn a_missing_dump_is_an_error_naming_it() {
        let err = load_or_build(&[PathBuf::from("/no/such/SY.txt")], None).err().expect("an error");
        assert!(err.to_string().contains("/no/such/SY.txt"), "{err}");
    }
}
