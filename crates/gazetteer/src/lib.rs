//! Places for frontline: GeoNames dumps read as published, one folding of names for both
//! the gazetteer and the articles, an index from folded names to places (fst maps, cached
//! on disk), and the resolution of a mention in the context of its article (country,
//! governorate, the other places it names). Knows nothing of articles or events.

mod build;
mod cache;
mod consonants;
mod fold;
mod geonames;
mod memo;
mod resolve;
mod sources;
mod tables;

use std::collections::HashMap;

use frontline_core::short::same;
use rustc_hash::FxHashMap;

pub use build::GazetteerBuilder;
pub use cache::{default_cache_dir, load_or_build, LoadReport};
pub use consonants::consonants;
use fold::read_folded_mention;
pub use fold::{bounded_distance, fold_mention, fold_name, skeleton};
pub use geonames::{read_alternate_names, read_dump, AlternateName};
pub use resolve::{distance_km, Candidate, Chosen, Context, MatchLevel, Resolution};
pub use sources::{detect_format, read_communities, read_syrian_archive, SourceFormat};
pub use tables::{Country, Governorate};

#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("{origin}, line {line}: {message}")]
    Read { origin: String, line: usize, message: String },
    #[error("{origin}: {message}")]
    Io { origin: String, message: String },
    #[error("{origin}: {message}")]
    Format { origin: String, message: String },
}

/// A place: a GeoNames row, an OCHA community, a Syrian Archive location, or several of
/// them joined when they name the same place.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// None for a place GeoNames does not list (most villages).
    pub geonameid: Option<u32>,
    /// OCHA/HNAP community P-code ("C4068"), when OCHA lists the place.
    pub pcode: Option<String>,
    pub name: String,
    pub ascii_name: String,
    /// Empty once indexed: the index holds their folded forms.
    pub alternate_names: Vec<String>,
    pub latitude: f64,
    pub longitude: f64,
    /// GeoNames feature class: P populated place, A administrative area, ...
    pub feature_class: char,
    pub feature_code: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub admin1: String,
    /// District and sub-district (OCHA's English names), empty when unknown.
    pub admin2: String,
    pub admin3: String,
    pub population: u64,
}

/// The feature code of frontline's named regions (GeoNames' code for a region).
pub const REGION_FEATURE_CODE: &str = "RGN";

/// How far from a point the nearest town may lie for the point to be in its governorate.
pub const GOVERNORATE_AT_KM: f64 = 25.0;

impl Place {
    /// One of frontline's named regions (data/regions.tsv): an area, not a settlement.
    pub fn is_region(&self) -> bool {
        self.feature_code == REGION_FEATURE_CODE
    }

    /// A capital, of the country, a governorate or a district, a city, or a named region: a
    /// place the press names often enough that a short skeleton or a close spelling is more
    /// likely it than a village.
    pub fn is_major(&self) -> bool {
        matches!(self.feature_code.as_str(), "PPLC" | "PPLA" | "PPLA2")
            || self.is_region()
            || self.population >= 100_000
    }

    /// "geonames:ID", else "pcode:C...", else the name: how a place is told apart.
    pub fn key(&self) -> String {
        match (&self.geonameid, &self.pcode) {
            (Some(id), _) => format!("geonames:{id}"),
            (None, Some(pcode)) => format!("pcode:{pcode}"),
            (None, None) => format!("name:{}", self.name),
        }
    }
}

/// The built-in world table prepared by build.rs (may be empty when it could not be fetched).
pub(crate) const WORLD: &str = include_str!(concat!(env!("OUT_DIR"), "/world.tsv"));

/// A country's folded names, each with the place it names, by their length in bytes: a
/// fuzzy lookup visits only the lengths within its edit limit.
type CountryNames = std::sync::Arc<Vec<Vec<(String, u32)>>>;

/// Places and their names: folded keys and their vowel-less skeletons, each an fst map to
/// a list of places.
pub struct Gazetteer {
    /// Tells this gazetteer from others in the memos kept per thread.
    instance: u64,
    places: Vec<Place>,
    by_id: HashMap<u32, usize>,
    keys: fst::Map<Vec<u8>>,
    skeletons: fst::Map<Vec<u8>>,
    /// Latin names by their consonant classes, for Arabic mentions of places known only by
    /// Latin names.
    consonants: fst::Map<Vec<u8>>,
    /// The lists the maps point into: a length, then that many place indexes.
    postings: Vec<u32>,
    governorates: Vec<Governorate>,
    /// The governorates that lie inside another ([`Governorate::surrounded_by`]), each the
    /// first row of its country and code (the one [`Gazetteer::governorate`] finds): most
    /// have none, and [`Gazetteer::governorate_holds`] asks only of these.
    surrounded: Vec<usize>,
    countries: Vec<Country>,
    /// Each folded name of a governorate or a country, with the first row of its table that
    /// has it: every place mention asks whether it names one, and a scan of the tables
    /// compared it with hundreds of names.
    governorate_by_key: FxHashMap<String, usize>,
    country_by_key: FxHashMap<String, usize>,
    /// The folded names of the named regions ([`Place::is_region`]): every place mention asks
    /// whether it names one.
    region_keys: rustc_hash::FxHashSet<String>,
    /// Countries by ISO alpha-2 code, likewise.
    country_by_iso2: FxHashMap<String, usize>,
    /// Each country's folded names, gathered on the first fuzzy lookup in that country: a
    /// bounded edit distance over a few thousand names is far cheaper than a Levenshtein
    /// automaton over the world's.
    names_by_country: std::sync::RwLock<HashMap<String, CountryNames>>,
}

impl Gazetteer {
    /// frontline's own tables only: governorates, countries and exonyms, no towns.
    pub fn tables_only() -> Gazetteer {
        GazetteerBuilder::new().build()
    }

    /// The default gazetteer: GeoNames' world towns built in, plus frontline's tables.
    /// Builds the index each time; [`load_or_build`] caches it.
    pub fn builtin() -> Gazetteer {
        GazetteerBuilder::builtin().build()
    }

    /// Whether the built-in world table made it into this build.
    pub fn has_builtin_world() -> bool {
        !WORLD.is_empty()
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

    /// The place of an OCHA community P-code.
    pub fn place_by_pcode(&self, pcode: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.pcode.as_deref() == Some(pcode))
    }

    /// Every place, in index order.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    pub fn governorates(&self) -> &[Governorate] {
        &self.governorates
    }

    pub fn governorate(&self, country: &str, admin1: &str) -> Option<&Governorate> {
        self.governorates.iter().find(|g| same(&g.country, country) && same(&g.admin1, admin1))
    }

    /// The governorate of the populated place nearest a point, when one lies within
    /// [`GOVERNORATE_AT_KM`]: where a gold event's coordinates lie, for learning who usually
    /// acts there.
    pub fn governorate_at(&self, latitude: f64, longitude: f64) -> Option<&Governorate> {
        let point = (latitude, longitude);
        let nearest = self
            .places
            .iter()
            .filter(|p| p.feature_class == 'P')
            .map(|p| (resolve::distance_km(point, (p.latitude, p.longitude)), p))
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .filter(|(km, _)| *km <= GOVERNORATE_AT_KM)?;
        self.governorate(&nearest.1.country, &nearest.1.admin1)
    }

    /// Whether a place of governorate `admin1` lies in the governorate a text names: the
    /// same one, or a city governorate and the one around it ("rural Damascus" and "north
    /// of Damascus" name either).
    pub fn governorate_holds(&self, country: &str, named: &str, admin1: &str) -> bool {
        // What `self.governorate(country, code)` would say surrounds the code: only the few
        // surrounded rows are scanned, not every governorate.
        let around = |code: &str| {
            self.surrounded
                .iter()
                .map(|&row| &self.governorates[row])
                .find(|g| same(&g.country, country) && same(&g.admin1, code))
                .and_then(|g| g.surrounded_by.as_deref())
        };
        named == admin1 || around(named) == Some(admin1) || around(admin1) == Some(named)
    }

    /// The governorate a name designates, by its own names or its capital's.
    pub fn governorate_named(&self, mention: &str) -> Option<&Governorate> {
        let found = read_folded_mention(mention, |key| {
            if key.is_empty() {
                return None;
            }
            self.governorate_by_key.get(key).copied()
        });
        found.map(|i| &self.governorates[i])
    }

    /// The country a name designates ("Syrie", "Turkey").
    pub fn country_named(&self, mention: &str) -> Option<&Country> {
        let found = read_folded_mention(mention, |key| {
            if key.is_empty() {
                return None;
            }
            self.country_by_key.get(key).copied()
        });
        found.map(|i| &self.countries[i])
    }

    pub fn country(&self, iso2: &str) -> Option<&Country> {
        self.country_by_iso2.get(iso2).map(|&i| &self.countries[i])
    }

    /// The places listed at a postings offset.
    fn posting(&self, offset: u64) -> &[u32] {
        let start = offset as usize;
        let len = self.postings.get(start).copied().unwrap_or(0) as usize;
        self.postings.get(start + 1..start + 1 + len).unwrap_or(&[])
    }

    /// Places whose folded name is exactly `key`.
    fn with_key(&self, key: &str) -> &[u32] {
        self.keys.get(key).map_or(&[], |offset| self.posting(offset))
    }

    /// Places whose skeleton is exactly `skeleton`.
    fn with_skeleton(&self, skeleton: &str) -> &[u32] {
        self.skeletons.get(skeleton).map_or(&[], |offset| self.posting(offset))
    }

    /// Places whose Latin names have the consonant classes `classes`.
    fn with_consonants(&self, classes: &str) -> &[u32] {
        self.consonants.get(classes).map_or(&[], |offset| self.posting(offset))
    }

    /// Places of `country` whose folded name is within `limit` edits of `key`.
    fn near_key(&self, key: &str, limit: usize, country: &str) -> Vec<u32> {
        let names = self.country_names(country);
        let lengths = key.len().saturating_sub(limit)..=key.len() + limit;
        let pattern = fold::NearPattern::new(key);
        let distance = |name: &str| match &pattern {
            Some(pattern) if name.is_ascii() => pattern.distance(name, limit),
            _ => bounded_distance(key, name, limit),
        };
        lengths
            .filter_map(|length| names.get(length))
            .flatten()
            .filter(|(name, _)| distance(name) <= limit)
            .map(|(_, index)| *index)
            .collect()
    }

    /// Whether some place is named exactly this (after folding): a cheap test for finding
    /// names in text whose script has no capitals.
    pub fn knows_name(&self, mention: &str) -> bool {
        self.knows_name_remembered(mention)
    }

    /// [`Gazetteer::knows_name`], looked up in the names.
    fn knows_name_looked_up(&self, mention: &str) -> bool {
        read_folded_mention(mention, |key| !key.is_empty() && self.keys.contains_key(key.as_bytes()))
    }

    /// Whether the mention names one of frontline's named regions (a mountain, a plain, a
    /// rural belt: [`Place::is_region`]) as written.
    pub fn names_a_region(&self, mention: &str) -> bool {
        read_folded_mention(mention, |key| !key.is_empty() && self.region_keys.contains(key))
    }

    /// Whether a place of `country` is named so, as written or but for its vowels ("Ourm
    /// al-Kubra" for Urum al-Kubra): a spelling, not a mere resemblance.
    pub fn knows_spelling_in(&self, mention: &str, country: &str) -> bool {
        self.knows_spelling_in_remembered(mention, country)
    }

    /// [`Gazetteer::knows_spelling_in`] looked up: the folded key, then its skeleton, in
    /// the names' automata.
    pub(crate) fn knows_spelling_looked_up(&self, mention: &str, country: &str) -> bool {
        let key = fold_mention(mention);
        if key.is_empty() {
            return false;
        }
        let at_home = |&i: &u32| self.places[i as usize].country == country;
        self.with_key(&key).iter().any(at_home) || self.with_skeleton(&skeleton(&key)).iter().any(at_home)
    }

    /// Whether an Arabic mention has the consonants of a place of `country` known by Latin
    /// names only ("قبتان الجبل" for Qabtan Eljabal), as resolution would match it.
    pub fn knows_name_by_consonants(&self, mention: &str, country: &str) -> bool {
        self.by_consonants_in(&fold_mention(mention), country, None).next().is_some()
    }

    /// The places of `country` whose Latin names have the consonant classes of an Arabic
    /// folded key. A key of fewer classes than a whole country needs is looked up in the
    /// governorate `admin1` only, when the text names one.
    pub(crate) fn by_consonants_in<'a>(
        &'a self,
        key: &str,
        country: &'a str,
        admin1: Option<&'a str>,
    ) -> impl Iterator<Item = u32> + 'a {
        let arabic = consonants::is_arabic(key);
        // A ta marbuta before the next word is read t ("معرة النعمان", Maarat al-Numan) or
        // left unwritten ("السيدة زينب", Sayyeda Zeinab): both readings are looked up.
        let silent = arabic.then(|| consonants::with_joined_ta_marbuta_silent(key)).flatten();
        let keys = std::iter::once(key.to_string()).chain(silent).filter(move |_| arabic);
        keys.flat_map(move |key| {
            let classes = consonants::consonant_classes(&key);
            let in_governorate_only = classes.as_ref().is_some_and(|c| c.chars().count() < consonants::MIN_CLASSES);
            // An Arabic nisba meets only the Latin names that keep it.
            let classes = classes.map(|c| consonants::marked_as_nisba(&c, &key).unwrap_or(c));
            let indexes = match classes {
                Some(classes) if !in_governorate_only || admin1.is_some() => self.with_consonants(&classes),
                _ => &[][..],
            };
            indexes.iter().copied().filter(move |&i| {
                let place = &self.places[i as usize];
                place.country == country && (!in_governorate_only || admin1 == Some(place.admin1.as_str()))
            })
        })
    }

    /// Whether some place's name has this word as its first word ("كفر" of "كفر نبل").
    pub fn knows_name_starting_with(&self, word: &str) -> bool {
        self.names_starting_with(word, 1) >= 1
    }

    /// How many names of places have this word as their first word and go on after it,
    /// counted up to `limit`: a word that begins many ("خربة", a ruin; "تل", a hill) is the
    /// head of a compound name more often than a name alone.
    pub fn names_starting_with(&self, word: &str, limit: usize) -> usize {
        use fst::{IntoStreamer, Streamer};
        let mut prefix = fold_mention(word);
        if prefix.is_empty() {
            return 0;
        }
        prefix.push(' ');
        let mut stream = self.keys.range().ge(prefix.as_bytes()).into_stream();
        let mut count = 0;
        while count < limit && stream.next().is_some_and(|(name, _)| name.starts_with(prefix.as_bytes())) {
            count += 1;
        }
        count
    }

    /// The place a mention means when all the context is the country the article is about.
    pub fn resolve_in_country(&self, mention: &str, country: &str) -> Option<&Place> {
        self.resolve_in_country_matched(mention, country).map(|(place, _)| place)
    }

    /// [`Gazetteer::resolve_in_country`], with how the place's name met the mention.
    pub fn resolve_in_country_matched(&self, mention: &str, country: &str) -> Option<(&Place, MatchLevel)> {
        self.resolved_in_country(mention, country).map(|(index, level)| (&self.places[index], level))
    }

    fn country_names(&self, country: &str) -> CountryNames {
        if let Some(names) = self.names_by_country.read().ok().and_then(|m| m.get(country).cloned()) {
            return names;
        }
        use fst::{IntoStreamer, Streamer};
        // Whether each place is of the country, told in one pass over the places in their
        // order: the stream below asks it of every place each name points to, in the order
        // of the names, where reading the place's string each time cost a cache miss or two.
        let of_country: Vec<bool> = self.places.iter().map(|place| place.country == country).collect();
        let mut names: Vec<Vec<(String, u32)>> = Vec::new();
        let mut stream = self.keys.stream().into_stream();
        while let Some((key, offset)) = stream.next() {
            for &index in self.posting(offset) {
                if of_country.get(index as usize) == Some(&true) {
                    if names.len() <= key.len() {
                        names.resize_with(key.len() + 1, Vec::new);
                    }
                    names[key.len()].push((String::from_utf8_lossy(key).into_owned(), index));
                }
            }
        }
        let names = std::sync::Arc::new(names);
        if let Ok(mut map) = self.names_by_country.write() {
            map.insert(country.to_string(), names.clone());
        }
        names
    }
}
