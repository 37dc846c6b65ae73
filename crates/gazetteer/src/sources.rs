//! Gazetteer sources other than GeoNames: OCHA's table of Syrian communities (P-codes,
//! English and Arabic names, alternative spellings, governorate/district/sub-district) and
//! the Syrian Archive's location list (English and Arabic names). Each is read into
//! [`Place`]s; the builder then joins them to the GeoNames places they repeat. Which of the
//! formats a file holds is told by its content, not its name.

use std::io::{BufRead, Read};

use crate::{fold_name, tables, GazetteerError, Place};

/// What a gazetteer file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    /// GeoNames places: country file, cities table, allCountries (19 columns).
    GeoNamesDump,
    /// GeoNames alternateNamesV2 (10 columns).
    GeoNamesAlternateNames,
    /// OCHA communities CSV (a header with `pcode` and `name_en`).
    OchaCommunities,
    /// Syrian Archive locations: a JSON array of objects with `name` and `arabic_name`.
    SyrianArchive,
}

/// Tells the format from the first line of a file.
pub fn detect_format(mut reader: impl BufRead, origin: &str) -> Result<SourceFormat, GazetteerError> {
    let mut first = String::new();
    reader
        .read_line(&mut first)
        .map_err(|e| GazetteerError::Io { origin: origin.to_string(), message: e.to_string() })?;
    let first = first.trim_start_matches('\u{feff}').trim_end_matches(['\n', '\r']);
    if first.trim_start().starts_with('[') {
        return Ok(SourceFormat::SyrianArchive);
    }
    let header: Vec<&str> = first.split(',').map(str::trim).collect();
    if header.contains(&"pcode") && header.contains(&"name_en") {
        return Ok(SourceFormat::OchaCommunities);
    }
    // Tab-separated lines are GeoNames': a row of the wrong width is then reported by line.
    match first.split('\t').count() {
        10 => Ok(SourceFormat::GeoNamesAlternateNames),
        n if n > 1 || first.is_empty() => Ok(SourceFormat::GeoNamesDump),
        _ => Err(GazetteerError::Format {
            origin: origin.to_string(),
            message: "neither a GeoNames dump (19 tab-separated columns), an OCHA communities CSV \
                      (a header with pcode and name_en) nor a Syrian Archive JSON array"
                .into(),
        }),
    }
}

/// The GeoNames admin1 code of a governorate as OCHA or the Syrian Archive write it
/// ("Idleb", "Al-Hasakeh", "DEIR EZZOR "); empty when it is none of Syria's.
fn admin1_code(governorates: &[tables::Governorate], name: &str) -> String {
    let key = fold_name(name);
    governorates.iter().find(|g| g.keys.contains(&key)).map(|g| g.admin1.clone()).unwrap_or_default()
}

/// A name and the parts of a composite one ("Bostan - Sarstan", "Jurnek (Mayslon)"), each
/// a name the place goes by.
fn name_and_parts(name: &str, into: &mut Vec<String>) {
    let name = name.trim();
    if name.is_empty() {
        return;
    }
    into.push(name.to_string());
    let cleaned = name.replace(['(', ')'], " - ");
    let parts: Vec<&str> = cleaned.split(" - ").map(str::trim).filter(|p| !p.is_empty()).collect();
    if parts.len() > 1 {
        into.extend(parts.iter().map(|p| p.to_string()));
    }
}

/// Reads an OCHA communities CSV (`syr_communities.csv`, or the repository's trimmed copy
/// with fewer columns). Rows without coordinates are skipped: they cannot place an event.
/// A row that names its GeoNames match (`other_source_id` "geonames:ID") keeps that id, so
/// that the builder joins it to the GeoNames place.
pub fn read_communities(reader: impl Read, origin: &str) -> Result<Vec<Place>, GazetteerError> {
    let governorates = tables::governorates();
    let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
    let error = |line: usize, message: String| GazetteerError::Read { origin: origin.to_string(), line, message };
    let headers = csv.headers().map_err(|e| error(1, e.to_string()))?.clone();
    let column = |name: &str| headers.iter().position(|h| h.trim() == name);
    let (Some(pcode), Some(name_en)) = (column("pcode"), column("name_en")) else {
        return Err(error(1, "an OCHA communities header needs pcode and name_en".into()));
    };
    let (lat, lon) = (column("lat"), column("lon"));
    let name_columns: Vec<usize> = ["name_ar", "osm_name_en", "osm_name_ar"].iter().filter_map(|c| column(c)).collect();
    let (alt, other, admin1, admin2, admin3) =
        (column("alt_names"), column("other_source_id"), column("admin1_en"), column("admin2_en"), column("admin3_en"));
    let mut places = Vec::new();
    for (index, record) in csv.records().enumerate() {
        let line = index + 2;
        let record = record.map_err(|e| error(line, e.to_string()))?;
        let field = |c: Option<usize>| c.and_then(|c| record.get(c)).map(str::trim).unwrap_or("");
        let number = |c: Option<usize>| field(c).parse::<f64>().ok().filter(|v| v.is_finite());
        let (Some(latitude), Some(longitude)) = (number(lat), number(lon)) else {
            continue;
        };
        if !(-90.0..=90.0).contains(&latitude) || !(-180.0..=180.0).contains(&longitude) {
            return Err(error(line, format!("coordinates {latitude}, {longitude} are out of range")));
        }
        let name = field(Some(name_en)).to_string();
        let code = field(Some(pcode)).to_string();
        if name.is_empty() || code.is_empty() {
            return Err(error(line, "a community needs a pcode and an English name".into()));
        }
        let mut names = Vec::new();
        name_and_parts(&name, &mut names);
        for &c in &name_columns {
            name_and_parts(field(Some(c)), &mut names);
        }
        for alternative in field(alt).split(';') {
            name_and_parts(alternative, &mut names);
        }
        names.sort();
        names.dedup();
        let geonameid = field(other).strip_prefix("geonames:").and_then(|id| id.parse().ok());
        places.push(Place {
            geonameid,
            pcode: Some(code),
            admin2: field(admin2).to_string(),
            admin3: field(admin3).to_string(),
            ..syrian_place(name, names, (latitude, longitude), admin1_code(&governorates, field(admin1)))
        });
    }
    Ok(places)
}

/// A populated place of Syria from a table that gives no population or feature code.
fn syrian_place(
    name: String,
    alternate_names: Vec<String>,
    (latitude, longitude): (f64, f64),
    admin1: String,
) -> Place {
    Place {
        geonameid: None,
        pcode: None,
        ascii_name: name.clone(),
        name,
        alternate_names,
        latitude,
        longitude,
        feature_class: 'P',
        feature_code: "PPL".into(),
        country: "SY".into(),
        admin1,
        admin2: String::new(),
        admin3: String::new(),
        population: 0,
    }
}

#[derive(serde::Deserialize)]
struct ArchiveLocation {
    #[serde(default)]
    name: String,
    #[serde(default)]
    arabic_name: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    latitude: serde_json::Value,
    #[serde(default)]
    longitude: serde_json::Value,
}

fn coordinate(value: &serde_json::Value) -> Option<f64> {
    match value {
        serde_json::Value::Number(n) => n.as_f64(),
        serde_json::Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
    .filter(|v: &f64| v.is_finite() && *v != 0.0)
}

/// Reads the Syrian Archive's `locations.json`. Entries without a usable coordinate or
/// name are skipped.
pub fn read_syrian_archive(reader: impl Read, origin: &str) -> Result<Vec<Place>, GazetteerError> {
    let governorates = tables::governorates();
    let locations: Vec<ArchiveLocation> = serde_json::from_reader(reader).map_err(|e| GazetteerError::Read {
        origin: origin.to_string(),
        line: e.line(),
        message: e.to_string(),
    })?;
    let mut places = Vec::new();
    for location in locations {
        let (Some(latitude), Some(longitude)) = (coordinate(&location.latitude), coordinate(&location.longitude))
        else {
            continue;
        };
        let name = location.name.trim().to_string();
        if name.is_empty() || !(-90.0..=90.0).contains(&latitude) || !(-180.0..=180.0).contains(&longitude) {
            continue;
        }
        let mut names = Vec::new();
        name_and_parts(&location.arabic_name, &mut names);
        places.push(syrian_place(name, names, (latitude, longitude), admin1_code(&governorates, &location.region)));
    }
    Ok(places)
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMMUNITIES: &str = "\
pcode,name_en,name_ar,admin1_en,admin2_en,admin3_en,lat,lon,other_source_id,alt_names
C4068,Kafr Nobol,كفر نبل,Idleb,Al Mara,Kafr Nobol,35.614655,36.560266,geonames:168661,Kafranbel;Kafr Nabl
C9999,Nowhere,,Idleb,Al Mara,Kafr Nobol,,,,
C5553,Bostan - Sarstan,,Tartous,Safita,Ras El-Khashufeh,34.853965,36.047302,,
";

    #[test]
    fn reads_communities_with_names_hierarchy_and_link() {
        let places = read_communities(COMMUNITIES.as_bytes(), "fixture.csv").expect("valid rows");
        assert_eq!(places.len(), 2, "the row without coordinates is skipped");
        let kafr = &places[0];
        assert_eq!((kafr.pcode.as_deref(), kafr.geonameid), (Some("C4068"), Some(168661)));
        assert_eq!((kafr.admin1.as_str(), kafr.admin2.as_str(), kafr.admin3.as_str()), ("12", "Al Mara", "Kafr Nobol"));
        assert!(kafr.alternate_names.iter().any(|n| n == "كفر نبل"));
        assert!(kafr.alternate_names.iter().any(|n| n == "Kafranbel"));
        assert!(places[1].alternate_names.iter().any(|n| n == "Sarstan"), "{:?}", places[1].alternate_names);
        assert_eq!(places[1].admin1, "14");
    }

    #[test]
    fn a_bad_community_row_names_its_line() {
        let text = "pcode,name_en,lat,lon\nC1,A,36.1,37.1\nC2,B,95,37\n";
        let err = read_communities(text.as_bytes(), "bad.csv").unwrap_err().to_string();
        assert!(err.contains("bad.csv, line 3"), "{err}");
    }

    #[test]
    fn reads_the_syrian_archive_list() {
        let text = r#"[{"name": "Akramiyah", "arabic_name": " الأكرمية", "region": "ALEPPO ", "latitude": "36.19", "longitude": "37.11", "id": 2},
                       {"name": "No point", "arabic_name": "", "region": "QUINETRA", "latitude": "", "longitude": "", "id": 3}]"#;
        let places = read_syrian_archive(text.as_bytes(), "locations.json").expect("valid list");
        assert_eq!(places.len(), 1);
        assert_eq!(places[0].admin1, "09");
        assert_eq!(places[0].alternate_names, ["الأكرمية"]);
        assert!(read_syrian_archive("{".as_bytes(), "x.json").is_err());
    }

    #[test]
    fn formats_are_told_by_content() {
        let detect = |text: &str| detect_format(text.as_bytes(), "f").ok();
        assert_eq!(detect(COMMUNITIES), Some(SourceFormat::OchaCommunities));
        assert_eq!(detect("[{\"name\": \"x\"}]"), Some(SourceFormat::SyrianArchive));
        assert_eq!(detect(&"a\t".repeat(18)), Some(SourceFormat::GeoNamesDump));
        assert_eq!(detect(&"a\t".repeat(9)), Some(SourceFormat::GeoNamesAlternateNames));
        assert_eq!(detect("hello, world"), None);
    }
}
