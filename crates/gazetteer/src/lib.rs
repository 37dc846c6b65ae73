//! Places for frontline: GeoNames dumps read as published, one folding of names for both
//! the gazetteer and the articles, an index from folded names to places, and the
//! resolution of a mention in the context of its article (country, governorate, the other
//! places it names). Knows nothing of articles or events.

mod fold;
mod geonames;
mod resolve;
mod tables;

use std::collections::HashMap;
use std::io::BufRead;

pub use fold::{bounded_distance, fold_name, skeleton};
pub use geonames::read_dump;
pub use resolve::{Candidate, Context, MatchLevel, Resolution};
pub use tables::{Country, Governorate};

#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("{origin}, line {line}: {message}")]
    Read {
        origin: String,
        line: usize,
        message: String,
    },
    #[error("{origin}: {message}")]
    Io { origin: String, message: String },
}

/// A GeoNames place.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub geonameid: u32,
    pub name: String,
    pub ascii_name: String,
    pub alternate_names: Vec<String>,
    pub latitude: f64,
    pub longitude: f64,
    /// GeoNames feature class: P populated place, A administrative area, ...
    pub feature_class: char,
    pub feature_code: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub admin1: String,
    pub population: u64,
}

/// The built-in world table prepared by build.rs (may be empty when it could not be fetched).
const WORLD: &str = include_str!(concat!(env!("OUT_DIR"), "/world.tsv"));

/// Places and their names, indexed by folded key and by skeleton.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    by_id: HashMap<u32, usize>,
    by_key: HashMap<String, Vec<usize>>,
    by_skeleton: HashMap<String, Vec<usize>>,
    /// Folded keys of each country's places, for bounded fuzzy matching within a country.
    keys_by_country: HashMap<String, Vec<(String, usize)>>,
    governorates: Vec<Governorate>,
    countries: Vec<Country>,
}

impl Gazetteer {
    /// frontline's own tables only: governorates, countries and exonyms, no towns.
    pub fn tables_only() -> Gazetteer {
        Gazetteer {
            governorates: tables::governorates(),
            countries: tables::countries(),
            ..Gazetteer::default()
        }
    }

    /// The default gazetteer: GeoNames' world towns built in, plus frontline's tables.
    pub fn builtin() -> Gazetteer {
        let mut gazetteer = Gazetteer::tables_only();
        // The built-in table was validated when the binary was built.
        if let Ok(places) = read_dump(WORLD.as_bytes(), "built-in world gazetteer") {
            gazetteer.add_places(places);
        }
        gazetteer.add_exonyms();
        gazetteer
    }

    /// Whether the built-in world table made it into this build.
    pub fn has_builtin_world() -> bool {
        !WORLD.is_empty()
    }

    /// Adds every place of a GeoNames dump; a place already known by id is replaced.
    pub fn add_dump(
        &mut self,
        reader: impl BufRead,
        origin: &str,
    ) -> Result<usize, GazetteerError> {
        let places = read_dump(reader, origin)?;
        let count = places.len();
        self.add_places(places);
        self.add_exonyms();
        Ok(count)
    }

    fn add_places(&mut self, places: Vec<Place>) {
        for place in places {
            match self.by_id.get(&place.geonameid) {
                Some(&index) => {
                    let mut merged = place;
                    merged
                        .alternate_names
                        .append(&mut self.places[index].alternate_names);
                    self.places[index] = merged;
                    self.index_names(index);
                }
                None => {
                    let index = self.places.len();
                    self.by_id.insert(place.geonameid, index);
                    self.places.push(place);
                    self.index_names(index);
                }
            }
        }
    }

    /// Exonyms name places by id, so they apply once those places are loaded.
    fn add_exonyms(&mut self) {
        for (geonameid, names) in tables::exonyms() {
            if let Some(&index) = self.by_id.get(&geonameid) {
                let place = &mut self.places[index];
                for name in names {
                    if !place.alternate_names.contains(&name) {
                        place.alternate_names.push(name);
                    }
                }
                self.index_names(index);
            }
        }
    }

    fn index_names(&mut self, index: usize) {
        let place = &self.places[index];
        let mut keys: Vec<String> = std::iter::once(&place.name)
            .chain(std::iter::once(&place.ascii_name))
            .chain(place.alternate_names.iter())
            .map(|n| fold_name(n))
            .filter(|k| !k.is_empty())
            .collect();
        keys.sort();
        keys.dedup();
        let country = place.country.clone();
        for key in keys {
            let skeleton = skeleton(&key);
            push_unique(self.by_key.entry(key.clone()).or_default(), index);
            if skeleton.replace(' ', "").len() >= 3 {
                push_unique(self.by_skeleton.entry(skeleton).or_default(), index);
            }
            self.keys_by_country
                .entry(country.clone())
                .or_default()
                .push((key, index));
        }
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    pub fn place(&self, geonameid: u32) -> Option<&Place> {
        self.by_id.get(&geonameid).map(|&i| &self.places[i])
    }

    pub fn governorates(&self) -> &[Governorate] {
        &self.governorates
    }

    pub fn governorate(&self, country: &str, admin1: &str) -> Option<&Governorate> {
        self.governorates
            .iter()
            .find(|g| g.country == country && g.admin1 == admin1)
    }

    /// The governorate a name designates, by its own names or its capital's.
    pub fn governorate_named(&self, mention: &str) -> Option<&Governorate> {
        let key = fold_name(mention);
        if key.is_empty() {
            return None;
        }
        self.governorates.iter().find(|g| g.keys.contains(&key))
    }

    /// The country a name designates ("Syrie", "Turkey").
    pub fn country_named(&self, mention: &str) -> Option<&Country> {
        let key = fold_name(mention);
        if key.is_empty() {
            return None;
        }
        self.countries.iter().find(|c| c.keys.contains(&key))
    }

    pub fn country(&self, iso2: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.iso2 == iso2)
    }
}

fn push_unique(list: &mut Vec<usize>, index: usize) {
    if !list.contains(&index) {
        list.push(index);
    }
}
