//! Building a gazetteer: places from dumps and tables, the villages of OCHA and the Syrian
//! Archive joined to the GeoNames places they repeat, their names folded once into sorted
//! key lists, then fst maps.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;

use crate::sources::{detect_format, read_communities, read_syrian_archive, SourceFormat};
use crate::{
    distance_km, fold_name, read_alternate_names, read_dump, skeleton, tables, Gazetteer, GazetteerError, Place, WORLD,
};

/// The OCHA communities of Syria with coordinates, trimmed from ../shared by
/// scripts/gazetteer/vendor_villages.py (data/villages/README.md gives sources and licences).
pub(crate) const VILLAGES: &str = include_str!("../data/villages/syr_communities.csv");
/// The Syrian Archive's locations, trimmed the same way.
pub(crate) const ARCHIVE: &str = include_str!("../data/villages/syrian_archive.json");

/// How far apart two records of one village may lie: OCHA, OSM and GeoNames points of one
/// village are mostly within a kilometre or two of each other.
const SAME_PLACE_KM: f64 = 3.0;
/// How far from a village a GeoNames place may lie and still take its district and
/// sub-district.
const HIERARCHY_KM: f64 = 5.0;

/// Gathers places and names before the index is built.
#[derive(Default)]
pub struct GazetteerBuilder {
    places: Vec<Place>,
    by_id: HashMap<u32, usize>,
    /// OCHA communities, joined to the places above when the index is built.
    communities: Vec<Place>,
    /// Syrian Archive locations, joined to the places above or the communities.
    archive: Vec<Place>,
}

impl GazetteerBuilder {
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// The built-in world table (validated when the binary was built) and Syria's villages.
    pub fn builtin() -> GazetteerBuilder {
        let mut builder = GazetteerBuilder::new();
        if let Ok(places) = read_dump(WORLD.as_bytes(), "built-in world gazetteer") {
            builder.add_places(places);
        }
        // The tests of this crate read every row of the vendored tables.
        if let Ok(places) = read_communities(VILLAGES.as_bytes(), "built-in OCHA communities") {
            builder.communities.extend(places);
        }
        if let Ok(places) = read_syrian_archive(ARCHIVE.as_bytes(), "built-in Syrian Archive locations") {
            builder.archive.extend(places);
        }
        builder
    }

    /// Adds a gazetteer file of any format [`detect_format`] knows; returns the format and
    /// how many rows it gave.
    pub fn add_file(&mut self, path: &Path) -> Result<(SourceFormat, usize), GazetteerError> {
        let origin = path.display().to_string();
        let open = || {
            std::fs::File::open(path)
                .map(BufReader::new)
                .map_err(|e| GazetteerError::Io { origin: origin.clone(), message: e.to_string() })
        };
        let format = detect_format(open()?, &origin)?;
        let count = match format {
            SourceFormat::GeoNamesDump => self.add_dump(open()?, &origin)?,
            SourceFormat::GeoNamesAlternateNames => self.add_alternate_names(open()?, &origin)?,
            SourceFormat::OchaCommunities => {
                let places = read_communities(open()?, &origin)?;
                let count = places.len();
                self.communities.extend(places);
                count
            }
            SourceFormat::SyrianArchive => {
                let places = read_syrian_archive(open()?, &origin)?;
                let count = places.len();
                self.archive.extend(places);
                count
            }
        };
        Ok((format, count))
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
            let known = place.geonameid.and_then(|id| self.by_id.get(&id).copied());
            match known {
                Some(index) => {
                    place.alternate_names.append(&mut self.places[index].alternate_names);
                    self.places[index] = place;
                }
                None => {
                    if let Some(id) = place.geonameid {
                        self.by_id.insert(id, self.places.len());
                    }
                    self.places.push(place);
                }
            }
        }
    }

    pub fn len(&self) -> usize {
        self.places.len() + self.communities.len() + self.archive.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Joins the OCHA communities and Syrian Archive locations to the places they repeat
    /// (the GeoNames id OCHA gives, else the same name or skeleton within a few km), so that
    /// one village is one place with every name; the rest become places of their own. A
    /// GeoNames place of Syria then takes the district and sub-district of the nearest
    /// community.
    fn join_villages(&mut self) {
        let communities = std::mem::take(&mut self.communities);
        let hierarchy: Vec<(f64, f64, String, String, String)> = communities
            .iter()
            .map(|c| (c.latitude, c.longitude, c.admin1.clone(), c.admin2.clone(), c.admin3.clone()))
            .collect();
        let mut names = NameIndex::new(&self.places, |p| p.country == "SY" && p.feature_class == 'P');
        for community in communities {
            let linked = community.geonameid.and_then(|id| self.by_id.get(&id).copied());
            let target = linked.filter(|&i| self.places[i].pcode.is_none()).or_else(|| {
                names.nearby(&community, &self.places, SAME_PLACE_KM).find(|&i| self.places[i].pcode.is_none())
            });
            match target {
                Some(index) => join(&mut self.places[index], community),
                None => {
                    let mut community = community;
                    community.geonameid = None;
                    self.places.push(community);
                }
            }
        }
        names = NameIndex::new(&self.places, |p| p.country == "SY");
        for location in std::mem::take(&mut self.archive) {
            let near = names.nearby(&location, &self.places, SAME_PLACE_KM).next();
            // Hand-entered points are sometimes far off: a name the governorate has once
            // is the same place wherever the point fell. Spelled the same, not only with the
            // same consonants: far apart, "Latameh" and "Latma" are two villages.
            let same_governorate = || {
                let mut found = names.spelled(&location).filter(|&i| self.places[i].admin1 == location.admin1);
                let first = found.next();
                first.filter(|_| found.next().is_none() && !location.admin1.is_empty())
            };
            match near.or_else(same_governorate) {
                Some(index) => join(&mut self.places[index], location),
                None => self.places.push(location),
            }
        }
        let grid = Grid::new(hierarchy.iter().map(|h| (h.0, h.1)));
        for place in self.places.iter_mut().filter(|p| p.country == "SY" && p.admin2.is_empty()) {
            let nearest = grid
                .around(place.latitude, place.longitude)
                .filter(|&i| hierarchy[i].2 == place.admin1)
                .map(|i| (distance_km((place.latitude, place.longitude), (hierarchy[i].0, hierarchy[i].1)), i))
                .filter(|(d, _)| *d <= HIERARCHY_KM)
                .min_by(|a, b| a.0.total_cmp(&b.0));
            if let Some((_, i)) = nearest {
                place.admin2 = hierarchy[i].3.clone();
                place.admin3 = hierarchy[i].4.clone();
            }
        }
    }

    /// Folds every name once and builds the index. frontline's exonyms are added here, to
    /// whichever of their places are present: those of villages by P-code once the village
    /// table is joined; and its named regions, as places of their own.
    pub fn build(mut self) -> Gazetteer {
        let exonyms = tables::exonyms();
        for (key, names) in &exonyms {
            if let tables::ExonymKey::GeonameId(id) = key {
                if let Some(&index) = self.by_id.get(id) {
                    self.places[index].alternate_names.extend(names.iter().cloned());
                }
            }
        }
        self.join_villages();
        for (key, names) in exonyms {
            if let tables::ExonymKey::Pcode(pcode) = key {
                if let Some(place) = self.places.iter_mut().find(|p| p.pcode.as_deref() == Some(pcode.as_str())) {
                    place.alternate_names.extend(names);
                }
            }
        }
        self.places.extend(tables::regions().into_iter().map(region_place));
        let mut keys: Vec<(String, u32)> = Vec::new();
        let mut skeletons: Vec<(String, u32)> = Vec::new();
        let mut consonant_keys: Vec<(String, u32)> = Vec::new();
        for (index, place) in self.places.iter_mut().enumerate() {
            let index = index as u32;
            let names = std::iter::once(&place.name)
                .chain(std::iter::once(&place.ascii_name))
                .chain(place.alternate_names.iter());
            for key in names.map(|n| fold_name(n)).filter(|k| !k.is_empty()) {
                let skeleton = skeleton(&key);
                // Skeletons of fewer than three consonants collide too easily to be used.
                if skeleton.replace(' ', "").chars().count() >= 3 {
                    skeletons.push((skeleton, index));
                }
                // Latin names only: Arabic ones are found by their own keys.
                if !crate::consonants::is_arabic(&key) {
                    if let Some(classes) = crate::consonants::consonant_classes(&key) {
                        // Indexed also with the mark of its nisba, where an Arabic nisba looks.
                        if let Some(marked) = crate::consonants::marked_as_nisba(&classes, &key) {
                            consonant_keys.push((marked, index));
                        }
                        consonant_keys.push((classes, index));
                    }
                }
                keys.push((key, index));
            }
            place.alternate_names = Vec::new();
        }
        let mut postings = Vec::new();
        let keys = fst_map(keys, &mut postings);
        let skeletons = fst_map(skeletons, &mut postings);
        let consonants = fst_map(consonant_keys, &mut postings);
        Gazetteer::from_parts(self.places, keys, skeletons, consonants, postings)
    }
}

/// A named region as a place: GeoNames' class L (an area), code RGN.
fn region_place(region: tables::Region) -> Place {
    Place {
        geonameid: None,
        pcode: None,
        ascii_name: region.name.clone(),
        name: region.name,
        alternate_names: region.other_names,
        latitude: region.latitude,
        longitude: region.longitude,
        feature_class: 'L',
        feature_code: crate::REGION_FEATURE_CODE.to_string(),
        country: region.country,
        admin1: region.admin1,
        admin2: String::new(),
        admin3: String::new(),
        population: 0,
    }
}

/// Another record of a place joins it: its names, P-code and hierarchy where the place
/// lacks them; the place keeps its point and GeoNames id.
fn join(place: &mut Place, other: Place) {
    place.alternate_names.push(other.name);
    place.alternate_names.extend(other.alternate_names);
    if place.pcode.is_none() {
        place.pcode = other.pcode;
    }
    if place.admin2.is_empty() {
        place.admin2 = other.admin2;
        place.admin3 = other.admin3;
    }
    if place.admin1.is_empty() {
        place.admin1 = other.admin1;
    }
}

/// The folded names and skeletons of some places, for joining records of one place.
struct NameIndex {
    by_name: HashMap<String, Vec<usize>>,
}

impl NameIndex {
    fn new(places: &[Place], keep: impl Fn(&Place) -> bool) -> NameIndex {
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, place) in places.iter().enumerate().filter(|(_, p)| keep(p)) {
            for key in folded_names(place) {
                by_name.entry(key).or_default().push(index);
            }
        }
        for list in by_name.values_mut() {
            list.dedup();
        }
        NameIndex { by_name }
    }

    /// Places sharing a folded name or skeleton with `place`, in index order.
    fn named(&self, place: &Place) -> impl Iterator<Item = usize> {
        let mut found: Vec<usize> =
            folded_names(place).iter().filter_map(|k| self.by_name.get(k)).flatten().copied().collect();
        found.sort_unstable();
        found.dedup();
        found.into_iter()
    }

    /// Places sharing a folded name with `place` (not only a skeleton), in index order.
    fn spelled(&self, place: &Place) -> impl Iterator<Item = usize> {
        let mut found: Vec<usize> = folded_names(place)
            .iter()
            .filter(|k| !k.starts_with(SKELETON_MARK))
            .filter_map(|k| self.by_name.get(k))
            .flatten()
            .copied()
            .collect();
        found.sort_unstable();
        found.dedup();
        found.into_iter()
    }

    /// Places sharing a name with `place` within `km` of it, nearest first.
    fn nearby<'a>(&self, place: &Place, places: &'a [Place], km: f64) -> impl Iterator<Item = usize> + 'a {
        let point = (place.latitude, place.longitude);
        let mut near: Vec<(f64, usize)> = self
            .named(place)
            .map(|i| (distance_km(point, (places[i].latitude, places[i].longitude)), i))
            .filter(|(d, _)| *d <= km)
            .collect();
        near.sort_by(|a, b| a.0.total_cmp(&b.0));
        near.into_iter().map(|(_, i)| i)
    }
}

/// What sets a skeleton apart from a folded name among a place's keys.
const SKELETON_MARK: char = '\u{1}';

/// A place's folded names, and their skeletons (marked apart from the names).
fn folded_names(place: &Place) -> Vec<String> {
    let mut keys = Vec::new();
    for name in std::iter::once(&place.name).chain(std::iter::once(&place.ascii_name)).chain(&place.alternate_names) {
        let key = fold_name(name);
        if key.is_empty() {
            continue;
        }
        let skeleton = skeleton(&key);
        if skeleton.replace(' ', "").chars().count() >= 3 {
            keys.push(format!("{SKELETON_MARK}{skeleton}"));
        }
        keys.push(key);
    }
    keys.sort();
    keys.dedup();
    keys
}

/// Points bucketed by tenths of a degree (about 11 km), for nearest-point questions.
struct Grid {
    cells: HashMap<(i32, i32), Vec<usize>>,
}

impl Grid {
    fn cell(latitude: f64, longitude: f64) -> (i32, i32) {
        ((latitude * 10.0).floor() as i32, (longitude * 10.0).floor() as i32)
    }

    fn new(points: impl Iterator<Item = (f64, f64)>) -> Grid {
        let mut cells: HashMap<(i32, i32), Vec<usize>> = HashMap::new();
        for (index, (latitude, longitude)) in points.enumerate() {
            cells.entry(Grid::cell(latitude, longitude)).or_default().push(index);
        }
        Grid { cells }
    }

    /// The points of the cell of a point and of the eight around it.
    fn around(&self, latitude: f64, longitude: f64) -> impl Iterator<Item = usize> + '_ {
        let (row, column) = Grid::cell(latitude, longitude);
        (-1..=1)
            .flat_map(move |dr| (-1..=1).map(move |dc| (row + dr, column + dc)))
            .filter_map(|cell| self.cells.get(&cell))
            .flatten()
            .copied()
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
        consonants: fst::Map<Vec<u8>>,
        postings: Vec<u32>,
    ) -> Gazetteer {
        let by_id = places.iter().enumerate().filter_map(|(i, p)| Some((p.geonameid?, i))).collect();
        static INSTANCES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let governorates = tables::governorates();
        let countries = tables::countries();
        Gazetteer {
            instance: INSTANCES.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            places,
            by_id,
            keys,
            skeletons,
            consonants,
            postings,
            governorate_by_key: first_row_by_key(governorates.iter().map(|g| g.keys.as_slice())),
            country_by_key: first_row_by_key(countries.iter().map(|c| c.keys.as_slice())),
            country_by_iso2: first_row_by_key(countries.iter().map(|c| std::slice::from_ref(&c.iso2))),
            region_keys: tables::regions()
                .into_iter()
                .flat_map(|r| std::iter::once(r.name).chain(r.other_names))
                .map(|name| fold_name(&name))
                .filter(|key| !key.is_empty())
                .collect(),
            surrounded: surrounded_rows(&governorates),
            governorates,
            countries,
            names_by_country: Default::default(),
        }
    }
}

/// The rows of governorates inside another, each the first of its country and code: what
/// a scan of every row for the code, then a look at its surrounding governorate, finds.
fn surrounded_rows(governorates: &[tables::Governorate]) -> Vec<usize> {
    (0..governorates.len())
        .filter(|&row| {
            let g = &governorates[row];
            g.surrounded_by.is_some()
                && !governorates[..row].iter().any(|earlier| earlier.country == g.country && earlier.admin1 == g.admin1)
        })
        .collect()
}

/// Each key of a table's rows, with the first row that has it: what a scan of the rows in
/// order would find.
fn first_row_by_key<'a>(rows: impl Iterator<Item = &'a [String]>) -> rustc_hash::FxHashMap<String, usize> {
    let mut index = rustc_hash::FxHashMap::default();
    for (row, keys) in rows.enumerate() {
        for key in keys {
            index.entry(key.clone()).or_insert(row);
        }
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{read_communities, read_syrian_archive, Context};

    /// Two villages of one governorate 24 km apart, and locations of the Syrian Archive whose
    /// points fell far from the village they name.
    fn built(archive: &str) -> Gazetteer {
        let communities =
            "pcode,name_en,admin1_en,lat,lon\nC1,Latma,Hama,35.3341,36.3603\nC2,Kafr Nabudah,Hama,35.4000,36.5000\n";
        let mut builder = GazetteerBuilder::new();
        builder.communities = read_communities(communities.as_bytes(), "communities.csv").expect("valid table");
        builder.archive = read_syrian_archive(archive.as_bytes(), "locations.json").expect("valid list");
        builder.build()
    }

    fn longitude_of(gazetteer: &Gazetteer, name: &str) -> Option<f64> {
        let syria = Context { country: Some("SY".into()), ..Context::default() };
        gazetteer.resolve_place(name, &syria).map(|p| p.longitude)
    }

    #[test]
    fn a_far_location_joins_a_village_spelled_alike_but_not_one_with_only_its_consonants() {
        let far = |name: &str| {
            format!(
                r#"[{{"name": "{name}", "arabic_name": "", "region": "HAMA", "latitude": "35.3267", "longitude": "36.6218"}}]"#
            )
        };
        // "Latameh" has the consonants of "Latma": another village, which keeps its own point.
        let apart = built(&far("Latameh"));
        assert_eq!(longitude_of(&apart, "Latameh"), Some(36.6218));
        assert_eq!(longitude_of(&apart, "Latma"), Some(36.3603));
        // The same spelling is the same village wherever the hand-entered point fell.
        let joined = built(&far("Kafr Nabudah"));
        assert_eq!(longitude_of(&joined, "Kafr Nabudah"), Some(36.5));
    }

    #[test]
    fn an_arabic_name_of_two_consonants_meets_a_latin_name_only_in_the_governorate_the_text_names() {
        let communities =
            "pcode,name_en,admin1_en,lat,lon\nC1,Tira,As-Sweida,32.7617,36.4410\nC2,Kafr Nabudah,Hama,35.4,36.5\n";
        let mut builder = GazetteerBuilder::new();
        builder.communities = read_communities(communities.as_bytes(), "communities.csv").expect("valid table");
        let gazetteer = builder.build();
        let syria = Context { country: Some("SY".into()), ..Context::default() };
        let sweida = gazetteer.resolve_place("Tira", &syria).map(|p| p.admin1.clone()).expect("Tira by its own name");
        // "الطيرة": t-r, too few consonants to look up in the whole country.
        assert!(gazetteer.resolve_place("الطيرة", &syria).is_none());
        let in_sweida = Context { admin1: Some(sweida), ..syria.clone() };
        assert_eq!(gazetteer.resolve_place("الطيرة", &in_sweida).map(|p| p.longitude), Some(36.4410));
        let hama = gazetteer.resolve_place("Kafr Nabudah", &syria).map(|p| p.admin1.clone());
        assert!(gazetteer.resolve_place("الطيرة", &Context { admin1: hama, ..syria }).is_none());
    }
}
