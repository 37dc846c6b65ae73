//! frontline's own small tables (data/*.tsv): governorates with the point used for
//! region-level events, countries, exonyms GeoNames lacks, and named regions.

use crate::fold_name;

const GOVERNORATES: &str = include_str!("../data/governorates.tsv");
const COUNTRIES: &str = include_str!("../data/countries.tsv");
const EXONYMS: &str = include_str!("../data/exonyms.tsv");
const REGIONS: &str = include_str!("../data/regions.tsv");

/// A first-level administrative division and the point an event placed only there gets.
#[derive(Debug, Clone, PartialEq)]
pub struct Governorate {
    pub country: String,
    pub admin1: String,
    pub name: String,
    pub capital_geonameid: u32,
    pub latitude: f64,
    pub longitude: f64,
    /// Folded forms of its names and its capital's.
    pub keys: Vec<String>,
    /// The governorate around a city governorate (Rif Dimashq around Damascus): "rural
    /// Damascus" and "north of Damascus" name either.
    pub surrounded_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    pub iso2: String,
    pub iso_numeric: u16,
    pub name: String,
    pub latitude: f64,
    pub longitude: f64,
    pub keys: Vec<String>,
    /// Whether reports name its cities often enough that a capital or a big city of it may be
    /// what a name means ("Beirut", "Ankara"): the war's neighbours and the powers in it.
    /// Other countries are named as countries only (a broker, a backer).
    pub cities_named: bool,
}

fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| l.split('\t').collect())
}

fn keys<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut keys: Vec<String> = names.into_iter().map(fold_name).filter(|k| !k.is_empty()).collect();
    keys.sort();
    keys.dedup();
    keys
}

// The tables are part of the source tree; the tests below check every row parses, so the
// parsing here may treat a malformed row as a build defect.
pub fn governorates() -> Vec<Governorate> {
    rows(GOVERNORATES)
        .filter(|f| f.len() == 8)
        .map(|f| Governorate {
            country: f[0].to_string(),
            admin1: f[1].to_string(),
            name: f[2].to_string(),
            capital_geonameid: f[4].parse().unwrap_or(0),
            latitude: f[5].parse().unwrap_or(f64::NAN),
            longitude: f[6].parse().unwrap_or(f64::NAN),
            keys: keys(std::iter::once(f[2]).chain(f[3].split(','))),
            surrounded_by: (!f[7].is_empty()).then(|| f[7].to_string()),
        })
        .collect()
}

pub fn countries() -> Vec<Country> {
    rows(COUNTRIES)
        .filter(|f| f.len() == 7)
        .map(|f| Country {
            iso2: f[0].to_string(),
            iso_numeric: f[1].parse().unwrap_or(0),
            name: f[2].to_string(),
            latitude: f[4].parse().unwrap_or(f64::NAN),
            longitude: f[5].parse().unwrap_or(f64::NAN),
            keys: keys(std::iter::once(f[2]).chain(f[3].split(',')).filter(|n| !n.is_empty())),
            cities_named: f[6] == "cities",
        })
        .collect()
}

/// Which place an exonym row names: a GeoNames place by its id, or a community of the village
/// table by its P-code (a village GeoNames lacks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExonymKey {
    GeonameId(u32),
    Pcode(String),
}

pub fn exonyms() -> Vec<(ExonymKey, Vec<String>)> {
    rows(EXONYMS)
        .filter(|f| f.len() == 2)
        .filter_map(|f| {
            let key = match f[0].parse() {
                Ok(id) => ExonymKey::GeonameId(id),
                Err(_) if f[0].starts_with('C') => ExonymKey::Pcode(f[0].to_string()),
                Err(_) => return None,
            };
            Some((key, f[1].split(',').map(str::to_string).collect()))
        })
        .collect()
}

/// A named region (a mountain, a plain, a rural belt) and the point its events get.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    pub country: String,
    pub admin1: String,
    pub name: String,
    pub other_names: Vec<String>,
    pub latitude: f64,
    pub longitude: f64,
}

pub fn regions() -> Vec<Region> {
    rows(REGIONS)
        .filter(|f| f.len() == 6)
        .map(|f| Region {
            country: f[0].to_string(),
            admin1: f[1].to_string(),
            name: f[2].to_string(),
            other_names: f[3].split(',').filter(|n| !n.is_empty()).map(str::to_string).collect(),
            latitude: f[4].parse().unwrap_or(f64::NAN),
            longitude: f[5].parse().unwrap_or(f64::NAN),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damascus_is_surrounded_by_its_countryside_and_no_other_governorate_by_any() {
        let surrounded: Vec<(String, Option<String>)> = governorates()
            .into_iter()
            .filter(|g| g.surrounded_by.is_some())
            .map(|g| (g.name, g.surrounded_by))
            .collect();
        assert_eq!(surrounded, [("Damascus".to_string(), Some("08".to_string()))]);
    }

    #[test]
    fn every_table_row_parses() {
        assert_eq!(rows(GOVERNORATES).count(), governorates().len());
        assert_eq!(governorates().len(), 14);
        assert!(governorates().iter().all(|g| g.latitude.is_finite() && g.capital_geonameid > 0));
        assert_eq!(rows(COUNTRIES).count(), countries().len());
        assert!(countries().iter().all(|c| c.iso_numeric > 0 && c.latitude.is_finite()));
        assert_eq!(rows(EXONYMS).count(), exonyms().len());
        assert_eq!(rows(REGIONS).count(), regions().len());
        assert!(regions()
            .iter()
            .all(|r| r.latitude.is_finite() && r.longitude.is_finite() && !r.other_names.is_empty()));
    }
}
