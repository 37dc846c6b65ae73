//! Building a gazetteer: places from dumps and tables, their names folded once into sorted
//! key lists, then fst maps.

use std::collections::HashMap;
use std::io::BufRead;

use crate::{fold_name, read_alternate_names, read_dump, skeleton, tables, Gazetteer, GazetteerError, Place, WORLD};

/// Gathers places and names before the index is built.
#[derive(Default)]
pub struct GazetteerBuilder {
    places: Vec<Place>,
    by_id: HashMap<u32, usize>,
}

impl GazetteerBuilder {
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// The built-in world table (validated when the binary was built).
    pub fn builtin() -> GazetteerBuilder {
        let mut builder = GazetteerBuilder::new();
        if let Ok(places) = read_dump(WORLD.as_bytes(), "built-in world gazetteer") {
            builder.add_places(places);
        }
        builder
    }

    /// Adds every place of a GeoNames dump (country file, cities table, allCountries); a
    /// place already known by id is replaced, keeping the names it had.
    pub fn add_dump(&mut self, reader: impl BufRead, origin: &str) -> Result<usize, GazetteerError> {
        let places = read_dump(reader, origin)?;
        let count = places.len();
        self.add_places(places);
        Ok(count)
    }

    /// Adds the names of GeoNames' alternateNamesV2 table to the places already known.
    pub fn add_alternate_names(&mut self, reader: impl BufRead, origin: &str) -> Result<usize, GazetteerError> {
        let mut added = 0;
        for name in read_alternate_names(reader, origin)? {
            if let Some(&index) = self.by_id.get(&name.geonameid) {
                self.places[index].alternate_names.push(name.name);
                added += 1;
            }
        }
        Ok(added)
    }

    pub fn add_places(&mut self, places: Vec<Place>) {
        for mut place in places {
            match self.by_id.get(&place.geonameid) {
                Some(&index) => {
                    place.alternate_names.append(&mut self.places[index].alternate_names);
                    self.places[index] = place;
                }
                None => {
                    self.by_id.insert(place.geonameid, self.places.len());
                    self.places.push(place);
                }
            }
        }
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Folds every name once and builds the index. frontline's exonyms are added here, to
    /// whichever of their places are present.
    pub fn build(mut self) -> Gazetteer {
        for (geonameid, names) in tables::exonyms() {
            if let Some(&index) = self.by_id.get(&geonameid) {
                self.places[index].alternate_names.extend(names);
            }
        }
        let mut keys: Vec<(String, u32)> = Vec::new();
        let mut skeletons: Vec<(String, u32)> = Vec::new();
        for (index, place) in self.places.iter_mut().enumerate() {
            let index = index as u32;
            let names = std::iter::once(&place.name)
                .chain(std::iter::once(&place.ascii_name))
                .chain(place.alternate_names.iter());
            for key in names.map(|n| fold_name(n)).filter(|k| !k.is_empty()) {
                let skeleton = skeleton(&key);
                // Skeletons of fewer than three consonants collide too easily to be used.
                if skeleton.replace(' ', "").len() >= 3 {
                    skeletons.push((skeleton, index));
                }
                keys.push((key, index));
            }
            place.alternate_names = Vec::new();
        }
        let mut postings = Vec::new();
        let keys = fst_map(keys, &mut postings);
        let skeletons = fst_map(skeletons, &mut postings);
        Gazetteer::from_parts(self.places, keys, skeletons, postings)
    }
}

/// Sorts (key, place) pairs, writes each key's places into `postings` and maps the key to
/// where its list starts.
pub(crate) fn fst_map(mut pairs: Vec<(String, u32)>, postings: &mut Vec<u32>) -> fst::Map<Vec<u8>> {
    pairs.sort();
    pairs.dedup();
    let mut builder = fst::MapBuilder::memory();
    for group in pairs.chunk_by(|a, b| a.0 == b.0) {
        let offset = postings.len() as u64;
        postings.push(group.len() as u32);
        postings.extend(group.iter().map(|(_, i)| *i));
        // Keys arrive sorted and unique, which is all the builder asks.
        let _ = builder.insert(group[0].0.as_bytes(), offset);
    }
    let bytes = builder.into_inner().unwrap_or_default();
    fst::Map::new(bytes).unwrap_or_default()
}

impl Gazetteer {
    pub(crate) fn from_parts(
        places: Vec<Place>,
        keys: fst::Map<Vec<u8>>,
        skeletons: fst::Map<Vec<u8>>,
        postings: Vec<u32>,
    ) -> Gazetteer {
        let by_id = places.iter().enumerate().map(|(i, p)| (p.geonameid, i)).collect();
        static INSTANCES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        Gazetteer {
            instance: INSTANCES.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            places,
            by_id,
            keys,
            skeletons,
            postings,
            governorates: tables::governorates(),
            countries: tables::countries(),
            names_by_country: Default::default(),
        }
    }
}
