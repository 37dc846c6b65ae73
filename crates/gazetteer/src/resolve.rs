//! Choosing the place a mention means: candidates by folded key, then skeleton, then
//! bounded fuzzy match within the article's country; ranked by country, governorate,
//! distance to the article's other places, feature class and population.

use std::cell::RefCell;
use std::rc::Rc;

use frontline_core::short::same;

use crate::memo::Memo;
use crate::{bounded_distance, fold_mention, fold_name, skeleton, Gazetteer, Place};

/// The places whose names meet a mention, each with the level it met at.
type Found = Rc<[(usize, MatchLevel)]>;

/// What the memo of candidates keeps for a mention: the candidates, and for each the parts
/// of its score that depend only on what the memo is keyed by.
type Remembered = (Found, Rc<[FixedScore]>);

/// The parts of a candidate's score that depend on the place, the level its name met the
/// mention at, and the country and governorate the text names (what the memo of candidates
/// is keyed by): worked out once per remembered candidate, not at every ranking, where
/// each read the place's strings (a cache miss each) and took a sine and a cosine.
#[derive(Debug, Clone, Copy)]
struct FixedScore {
    /// The level's points, with the country's and the governorate's when they are the text's.
    before_district: f64,
    /// The place as a unit vector ([`unit_vector`]).
    unit: [f64; 3],
    /// The points of its feature code, and of its population.
    feature: f64,
    population: f64,
    /// Its GeoNames id, `u32::MAX` without one: the tie-break of equal scores.
    geonameid: u32,
    /// The [`district_key`] of its district's name: a place whose key differs from the
    /// named district's is not in it, told without reading the place.
    district: u64,
}

/// A hash of a district's name, for [`FixedScore::district`]: equal names, equal keys.
fn district_key(admin2: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(admin2)
}

/// How many mentions' candidates a thread remembers before it starts afresh.
const CANDIDATE_MEMO_LIMIT: usize = 100_000;

/// Why the best candidate of a mention is not taken.
enum Refusal {
    /// Only a close spelling, in another governorate than the text names.
    OutsideGovernorate,
    /// Only a resemblance, far from every place the article has placed.
    FarFromTheArticle,
    /// Outside the article's country, and not a major place named exactly.
    Abroad,
}

/// How a candidate's name met the mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchLevel {
    /// Within edit distance of the folded key, in the article's country.
    Fuzzy,
    /// An Arabic mention with the consonants of a Latin name, in the article's country.
    Transliterated,
    /// Same consonant skeleton.
    Skeleton,
    /// Same folded key.
    Exact,
}

impl MatchLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            MatchLevel::Fuzzy => "Fuzzy",
            MatchLevel::Transliterated => "Transliterated",
            MatchLevel::Skeleton => "Skeleton",
            MatchLevel::Exact => "Exact",
        }
    }
}

/// What the article tells about where its places are.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// ISO alpha-2 of the country the article is about.
    pub country: Option<String>,
    /// Governorate the surrounding words name ("la campagne d'Idlib").
    pub admin1: Option<String>,
    /// District the surrounding words name, as the gazetteer writes it ("Al Mara" for the
    /// countryside of Maarat al-Numan).
    pub admin2: Option<String>,
    /// Points already resolved in the same article.
    pub near: Vec<(f64, f64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub geonameid: Option<u32>,
    pub pcode: Option<String>,
    pub name: String,
    pub country: String,
    pub admin1: String,
    pub level: MatchLevel,
    pub score: f64,
    /// The reasons behind the score, for `frontline explain`.
    pub why: Vec<String>,
}

/// The place a mention resolves to, and how sure the choice is: how its name met the
/// mention, and how many other places (at most 7) met it as well as the chosen one did.
#[derive(Debug, Clone, Copy)]
pub struct Chosen<'g> {
    pub place: &'g Place,
    pub level: MatchLevel,
    pub rivals: usize,
}

/// How many candidates after the first met the mention as well as it did: the match levels
/// of the ranked candidates, best first.
fn rivals(levels: impl IntoIterator<Item = MatchLevel>) -> usize {
    let mut levels = levels.into_iter();
    let Some(first) = levels.next() else { return 0 };
    levels.filter(|&level| level == first).count()
}

#[derive(Debug, Clone, PartialEq)]
pub struct Resolution {
    pub place: Option<Place>,
    pub candidates: Vec<Candidate>,
    /// Why the winner won, or why there is none.
    pub reason: String,
}

impl Resolution {
    /// How the best candidate's name met the mention, and how many other candidates met it
    /// as well: what [`Chosen`] tells of the place [`Gazetteer::chosen`] gives.
    pub fn best_match(&self) -> Option<(MatchLevel, usize)> {
        let best = self.candidates.first()?;
        Some((best.level, rivals(self.candidates.iter().map(|c| c.level))))
    }
}

const EARTH_DIAMETER_KM: f64 = 12742.0;

pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let rad = std::f64::consts::PI / 180.0;
    let h = ((b.0 - a.0) * rad / 2.0).sin().powi(2)
        + (a.0 * rad).cos() * (b.0 * rad).cos() * ((b.1 - a.1) * rad / 2.0).sin().powi(2);
    EARTH_DIAMETER_KM * h.sqrt().asin()
}

/// The distance from a point to the nearest of others.
#[cfg(test)]
fn nearest_km(point: (f64, f64), others: &[(f64, f64)]) -> Option<f64> {
    nearest_km_to(point, &NearPoints::of(others))
}

/// Adds a candidate not found yet, at the level it was found at first.
fn push(found: &mut Vec<(usize, MatchLevel)>, index: u32, level: MatchLevel) {
    let index = index as usize;
    if !found.iter().any(|(i, _)| *i == index) {
        found.push((index, level));
    }
}

/// How far from every place an article has placed a candidate found by its Arabic name's
/// letters may lie before the places its consonants recall are looked up as well.
const FAR_FROM_THE_ARTICLE_KM: f64 = 150.0;

/// An article's resolved points, prepared once for all the candidates a mention's are
/// measured against (not once per candidate and point).
struct NearPoints {
    /// Each point as a unit vector: the chord between two of them gives their distance with
    /// no trigonometry per pair, where the haversine took two sines.
    units: Vec<[f64; 3]>,
}

/// Points turned into unit vectors: each point as the bits of its coordinates, and its
/// vector.
type TurnedPoints = (Vec<(u64, u64)>, Vec<[f64; 3]>);

impl NearPoints {
    fn of(points: &[(f64, f64)]) -> NearPoints {
        NearPoints { units: points.iter().map(|&point| unit_vector(point)).collect() }
    }

    /// [`NearPoints::of`], reusing the unit vectors of the points the thread turned last
    /// when they begin the list: an article's points only grow, and each of its place
    /// mentions is ranked against them all (a sine and a cosine a point and a ranking).
    fn of_remembered(points: &[(f64, f64)]) -> NearPoints {
        if points.is_empty() {
            return NearPoints { units: Vec::new() };
        }
        thread_local! {
            static LAST: RefCell<TurnedPoints> = const { RefCell::new((Vec::new(), Vec::new())) };
        }
        let bits = |&(lat, lon): &(f64, f64)| (lat.to_bits(), lon.to_bits());
        LAST.with_borrow_mut(|(turned, units)| {
            let begins = turned.len() <= points.len() && turned.iter().zip(points).all(|(t, p)| *t == bits(p));
            if !begins {
                turned.clear();
                units.clear();
            }
            for point in &points[turned.len()..] {
                turned.push(bits(point));
                units.push(unit_vector(*point));
            }
            NearPoints { units: units.clone() }
        })
    }
}

/// A point of the sphere, in degrees, as a unit vector from its centre.
fn unit_vector((lat, lon): (f64, f64)) -> [f64; 3] {
    let (lat, lon) = (lat.to_radians(), lon.to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

/// [`nearest_km`] against points already turned into unit vectors: the shortest chord, then
/// one arc sine for it (the great-circle distance grows with the chord).
fn nearest_km_to(point: (f64, f64), others: &NearPoints) -> Option<f64> {
    nearest_km_to_unit(unit_vector(point), others)
}

/// [`nearest_km_to`] from a point already turned into a unit vector.
fn nearest_km_to_unit([x, y, z]: [f64; 3], others: &NearPoints) -> Option<f64> {
    let shortest_squared = others
        .units
        .iter()
        .map(|&[ox, oy, oz]| (x - ox).powi(2) + (y - oy).powi(2) + (z - oz).powi(2))
        .min_by(f64::total_cmp)?;
    // The chord of an arc of angle a is 2 sin(a / 2).
    Some(EARTH_DIAMETER_KM * (shortest_squared.sqrt() / 2.0).min(1.0).asin())
}

/// Whether a skeleton has too few consonants (under four) to tell villages apart alone.
fn is_short_skeleton(skeleton: &str) -> bool {
    skeleton.replace(' ', "").chars().count() < 4
}

/// Whether a place's name is within two edits of a folded mention.
fn spelled_close(key: &str, place: &Place) -> bool {
    [&place.name, &place.ascii_name].iter().any(|name| bounded_distance(key, &fold_name(name), 2) <= 2)
}

/// The points a candidate's score starts from, by how its name met the mention.
fn level_points(level: MatchLevel) -> f64 {
    match level {
        MatchLevel::Exact => 30.0,
        MatchLevel::Skeleton => 20.0,
        MatchLevel::Fuzzy => 10.0,
        MatchLevel::Transliterated => 15.0,
    }
}

/// The points of a place's feature code: the kinds of place the press names most.
fn feature_points(place: &Place) -> f64 {
    match place.feature_code.as_str() {
        "PPLC" => 5.0,
        "PPLA" => 4.0,
        // A named region is as often in the news as a district's seat.
        "PPLA2" | crate::REGION_FEATURE_CODE => 3.0,
        "PPLA3" | "PPLA4" => 2.0,
        _ if place.feature_class == 'P' => 1.0,
        _ => 0.0,
    }
}

/// The points of a place's population.
fn population_points(place: &Place) -> f64 {
    ((place.population as f64) + 1.0).log10() * 0.5
}

/// The points of a place in the country the text names.
const COUNTRY_POINTS: f64 = 25.0;
/// The points of a place in the governorate the text names.
const GOVERNORATE_POINTS: f64 = 10.0;
/// The points of a place in the district the text names.
const DISTRICT_POINTS: f64 = 6.0;

/// Whether a place is in the country the text names.
fn in_named_country(place: &Place, context: &Context) -> bool {
    context.country.as_deref().is_some_and(|c| same(c, &place.country))
}

/// Whether a place is in the district the text names.
fn in_named_district(place: &Place, context: &Context) -> bool {
    context.admin2.as_deref().is_some_and(|a| !a.is_empty() && a == place.admin2)
}

/// What a place loses for lying `nearest` km from the article's other places.
fn distance_penalty(nearest: f64) -> f64 {
    (nearest / 50.0).min(8.0)
}

/// Appends the decimal digits of a number.
fn push_decimal(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

impl Gazetteer {
    /// [`Gazetteer::candidates`], remembered per thread: they depend on the mention, the
    /// country and the governorate only, and reports name the same places again and again.
    fn candidates_remembered(&self, mention: &str, context: &Context) -> Remembered {
        thread_local! {
            static FOUND: RefCell<Memo<Remembered>> = RefCell::new(Memo::new(CANDIDATE_MEMO_LIMIT));
            static KEY: RefCell<String> = RefCell::default();
        }
        KEY.with_borrow_mut(|key| {
            let (country, admin1) = (context.country.as_deref().unwrap_or(""), context.admin1.as_deref().unwrap_or(""));
            self.fill_memo_key(key, &[country, admin1, mention]);
            FOUND.with(|memo| {
                Memo::get_or_compute(memo, key, || {
                    let found: Found = self.candidates(mention, context).into();
                    let fixed = found.iter().map(|&(index, level)| self.fixed_score(index, level, context)).collect();
                    (found, fixed)
                })
            })
        })
    }

    /// The index of the place a mention means with no other context than its country,
    /// remembered per thread: a pure function of the two, asked for every place mention (is
    /// it a place? in which governorate?), where ranking the candidates each time cost more
    /// than finding them.
    pub(crate) fn resolved_in_country(&self, mention: &str, country: &str) -> Option<(usize, MatchLevel)> {
        thread_local! {
            static RESOLVED: RefCell<Memo<Option<(usize, MatchLevel)>>> = RefCell::new(Memo::new(CANDIDATE_MEMO_LIMIT));
            static KEY: RefCell<String> = RefCell::default();
        }
        KEY.with_borrow_mut(|key| {
            self.fill_memo_key(key, &[country, mention]);
            RESOLVED.with(|memo| {
                Memo::get_or_compute(memo, key, || {
                    self.choose(mention, &Context { country: Some(country.to_string()), ..Context::default() })
                        .map(|(index, level, _)| (index, level))
                })
            })
        })
    }

    /// The key a per-thread memo keeps an answer under: this gazetteer and the parts asked
    /// of it, each after a separator no name holds (put together by hand: `write!` costs
    /// more than the lookup it keys). Each memo has its own buffer, as one
    /// answer may be computed while another memo's key is being read.
    fn fill_memo_key(&self, key: &mut String, parts: &[&str]) {
        key.clear();
        push_decimal(key, self.instance);
        for part in parts {
            key.push('\u{1}');
            key.push_str(part);
        }
    }

    /// [`Gazetteer::knows_name`], remembered per thread: a pure function of the mention,
    /// asked again and again of the same words (every capitalised run and every Arabic word
    /// a name may start with), where walking the names' automaton costs some thousand
    /// instructions a time.
    pub(crate) fn knows_name_remembered(&self, mention: &str) -> bool {
        thread_local! {
            static KNOWN: RefCell<Memo<bool>> = RefCell::new(Memo::new(CANDIDATE_MEMO_LIMIT));
            static KEY: RefCell<String> = RefCell::default();
        }
        KEY.with_borrow_mut(|key| {
            self.fill_memo_key(key, &[mention]);
            KNOWN.with(|memo| Memo::get_or_compute(memo, key, || self.knows_name_looked_up(mention)))
        })
    }

    /// [`Gazetteer::knows_spelling_in`], remembered per thread: a pure function of the
    /// mention and the country, asked of every item of a list of places, where walking the
    /// names' automata twice costs some thousand instructions a time.
    pub(crate) fn knows_spelling_in_remembered(&self, mention: &str, country: &str) -> bool {
        thread_local! {
            static KNOWN: RefCell<Memo<bool>> = RefCell::new(Memo::new(CANDIDATE_MEMO_LIMIT));
            static KEY: RefCell<String> = RefCell::default();
        }
        KEY.with_borrow_mut(|key| {
            self.fill_memo_key(key, &[country, mention]);
            KNOWN.with(|memo| Memo::get_or_compute(memo, key, || self.knows_spelling_looked_up(mention, country)))
        })
    }

    /// Every place whose name meets the mention, with the best level it met at.
    fn candidates(&self, mention: &str, context: &Context) -> Vec<(usize, MatchLevel)> {
        let country = context.country.as_deref();
        let key = fold_mention(mention);
        if key.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<(usize, MatchLevel)> = Vec::new();
        for &index in self.with_key(&key) {
            push(&mut found, index, MatchLevel::Exact);
        }
        let at_home = |place: &Place| country.is_some_and(|c| same(c, &place.country));
        // A name written exactly as a city of a country the reports name ("أنقرة", "Erbil",
        // "بيروت") is that city: a village at home that only resembles it is not.
        let names_a_city_abroad = !found.iter().any(|&(i, _)| at_home(&self.places[i]))
            && found.iter().any(|&(i, _)| self.is_named_city_abroad(&self.places[i], country));
        if names_a_city_abroad {
            return found;
        }
        // A name written exactly as a town the press names often (a seat, a region, a city)
        // is that town: its spelling is settled, so a village whose name only resembles it
        // ("Tal Abbud" for Tal Abyad) is not a rival, wherever the text places it.
        if found.iter().any(|&(i, _)| at_home(&self.places[i]) && self.places[i].is_major()) {
            return found;
        }
        // Three consonants are too few to tell villages apart ("Sahyan" / "Shin"): such a
        // match counts for a city, for a village in the governorate the text names ("Benin"
        // for Banan in rural Aleppo), or for the one village at home that has them.
        let in_named_governorate =
            |place: &Place| at_home(place) && context.admin1.as_deref().is_some_and(|a| same(a, &place.admin1));
        let skeleton = skeleton(&key);
        let short_skeleton = is_short_skeleton(&skeleton);
        let with_skeleton = self.with_skeleton(&skeleton);
        let alone_at_home = with_skeleton.iter().filter(|&&i| at_home(&self.places[i as usize])).count() == 1;
        for &index in with_skeleton {
            let place = &self.places[index as usize];
            // With thousands of villages, three consonants also join names of different
            // lengths ("Nairab" / "Nayrabiyeh"): the spelling must be close as well.
            if !short_skeleton
                || place.is_major()
                || ((in_named_governorate(place) || alone_at_home && at_home(place)) && spelled_close(&key, place))
            {
                push(&mut found, index, MatchLevel::Skeleton);
            }
        }
        // An Arabic mention of a place known only by Latin names: its consonants, at home,
        // when no name of the place at home is written so, or, when the text names a
        // governorate, none in it is: "العبارة" in rural Raqqa is Abbara there, not Abra of
        // Hasakah whose Arabic name differs from it by a vowel.
        // (And when all it found there lies far from the article's places: see
        // `with_consonant_matches_when_far`, which the article's points decide.)
        if let (Some(country), false) = (country, found.iter().any(|(i, _)| self.found_where_told(*i, context))) {
            self.push_consonant_matches(&mut found, &key, country, context);
        }
        // A close spelling in the article's country, for names mangled in translation
        // ("Halle" for Haleb). A short name one letter from a village is noise; from a
        // city, more often a mangled spelling of it.
        // Only when nothing at home has the name or its skeleton: the costliest lookup.
        let length = key.chars().count();
        let found_at_home = found.iter().any(|(i, _)| at_home(&self.places[*i]));
        if let (Some(country), false, true) = (country, found_at_home, length >= 4) {
            let limit = if length >= 10 { 2 } else { 1 };
            for index in self.near_key(&key, limit, country) {
                let place = &self.places[index as usize];
                if length >= 6 || place.is_major() {
                    push(&mut found, index, MatchLevel::Fuzzy);
                }
            }
        }
        found
    }

    /// The place of `country` nearest one of `points`, within `km` of it, whose name meets
    /// the mention as written, but for its vowels (with a close spelling too when few
    /// consonants are left) or, for an Arabic mention, by its consonants: the namesake that
    /// lies by the places a text names with the mention, where the best-ranked one lies far
    /// off.
    pub fn namesake_near(
        &self,
        mention: &str,
        country: &str,
        points: &[(f64, f64)],
        km: f64,
    ) -> Option<(&Place, MatchLevel)> {
        let key = fold_mention(mention);
        if key.is_empty() {
            return None;
        }
        let skeleton = skeleton(&key);
        let short_skeleton = is_short_skeleton(&skeleton);
        let exact = self.with_key(&key).iter().map(|&i| (i, MatchLevel::Exact));
        let by_skeleton = self.with_skeleton(&skeleton).iter().map(|&i| (i, MatchLevel::Skeleton));
        let by_consonants = self.by_consonants_in(&key, country, None).map(|i| (i, MatchLevel::Transliterated));
        let near = NearPoints::of(points);
        // The distance first: a short skeleton's names are many, and only the few near the
        // point have their spelling compared.
        exact
            .chain(by_skeleton)
            .chain(by_consonants)
            .map(|(i, level)| (&self.places[i as usize], level))
            .filter(|(place, _)| place.country == country)
            .filter_map(|(place, level)| {
                let nearest = nearest_km_to((place.latitude, place.longitude), &near)?;
                Some((nearest, place, level))
            })
            .filter(|&(distance, _, _)| distance <= km)
            .filter(|&(_, place, level)| level != MatchLevel::Skeleton || !short_skeleton || spelled_close(&key, place))
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, place, level)| (place, level))
    }

    /// A capital (of a country or a province) or a city of 100,000 people, in a country whose
    /// cities reports name (the country table), other than the article's own. District seats are
    /// left out: they share their Arabic names with villages at home ("الريحانية").
    fn is_named_city_abroad(&self, place: &Place, home: Option<&str>) -> bool {
        let of_note = matches!(place.feature_code.as_str(), "PPLC" | "PPLA") || place.population >= 100_000;
        home != Some(place.country.as_str()) && of_note && self.country(&place.country).is_some_and(|c| c.cities_named)
    }

    /// Resolves a mention in its context. A mention that only resembles a place abroad,
    /// when the article is about a country, stays unresolved rather than forced abroad.
    pub fn resolve(&self, mention: &str, context: &Context) -> Resolution {
        let ranked = self.ranked(mention, context);
        let candidates: Vec<Candidate> =
            ranked.iter().map(|&(_, _, index, level)| self.candidate(index, level, context)).collect();
        let (Some(&(_, _, index, level)), Some(best)) = (ranked.first(), candidates.first()) else {
            return Resolution { place: None, candidates, reason: "no place of that name in the gazetteer".into() };
        };
        let reason = match self.refusal(index, level, context) {
            Some(Refusal::OutsideGovernorate) => {
                format!(
                    "only a close spelling of {} ({}), outside the governorate the text names",
                    best.name, best.admin1
                )
            }
            Some(Refusal::FarFromTheArticle) => {
                format!("only resembles {} ({}), far from the article's other places", best.name, best.admin1)
            }
            Some(Refusal::Abroad) => {
                format!("only resembles {} ({}), outside the article's country", best.name, best.country)
            }
            None => {
                let reason = format!("{} won: {}", best.name, best.why.join(", "));
                let place = self.places.get(index).cloned();
                return Resolution { place, candidates, reason };
            }
        };
        Resolution { place: None, candidates, reason }
    }

    /// The place [`Gazetteer::resolve`] chooses, without the account of the choice: for
    /// reading articles in bulk.
    pub fn resolve_place(&self, mention: &str, context: &Context) -> Option<&Place> {
        self.chosen(mention, context).map(|chosen| chosen.place)
    }

    /// The place [`Gazetteer::resolve_place`] chooses, with how its name met the mention and
    /// how many other places met it as well.
    pub fn chosen(&self, mention: &str, context: &Context) -> Option<Chosen<'_>> {
        self.choose(mention, context).map(|(index, level, rivals)| Chosen { place: &self.places[index], level, rivals })
    }

    /// The index of the place [`Gazetteer::chosen`] chooses, its match level and rivals.
    fn choose(&self, mention: &str, context: &Context) -> Option<(usize, MatchLevel, usize)> {
        let ranked = self.ranked(mention, context);
        let &(_, _, index, level) = ranked.first()?;
        self.refusal(index, level, context).is_none().then(|| (index, level, rivals(ranked.iter().map(|r| r.3))))
    }

    /// The candidates, best first (at most 8): score, GeoNames id (places without one
    /// last among equals), index, match level.
    fn ranked(&self, mention: &str, context: &Context) -> Vec<(f64, u32, usize, MatchLevel)> {
        let (remembered, fixed) = self.candidates_remembered(mention, context);
        let found = self.with_consonant_matches_when_far(mention, context, Rc::clone(&remembered));
        // The remembered candidates come with their fixed scores; places added to them are
        // scored in full.
        let fixed = if Rc::ptr_eq(&found, &remembered) { &fixed[..] } else { &[] };
        // A lone candidate needs no score to come first.
        let alone = found.len() == 1;
        let near = NearPoints::of_remembered(if alone { &[] } else { &context.near });
        let district = context.admin2.as_deref().filter(|a| !a.is_empty()).map(district_key);
        let mut ranked: Vec<(f64, u32, usize, MatchLevel)> = found
            .iter()
            .enumerate()
            .map(|(at, &(index, level))| match fixed.get(at) {
                Some(fixed) => {
                    let score = if alone { 0.0 } else { self.score_from_fixed(index, fixed, context, district, &near) };
                    (score, fixed.geonameid, index, level)
                }
                None => {
                    let score = if alone { 0.0 } else { self.score(index, level, context, &near, None) };
                    (score, self.places[index].geonameid.unwrap_or(u32::MAX), index, level)
                }
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        ranked.truncate(8);
        ranked
    }

    /// Whether a candidate is at home, in the governorate the text names if it names one.
    fn found_where_told(&self, index: usize, context: &Context) -> bool {
        let place = &self.places[index];
        context.country.as_deref().is_some_and(|c| same(c, &place.country))
            && context.admin1.as_deref().is_none_or(|a| same(a, &place.admin1))
    }

    /// The candidates, with the places an Arabic mention's consonants recall at home when
    /// everything it found where the text places it lies far from every place the article
    /// has placed: "مسرابا" by Douma is Misraba there (known by its Latin name), not Masrab of
    /// Aleppo, whose Arabic name differs from it by a vowel. Kept apart from the remembered
    /// candidates, which depend on the mention, the country and the governorate only.
    fn with_consonant_matches_when_far(&self, mention: &str, context: &Context, found: Found) -> Found {
        let Some(country) = context.country.as_deref() else { return found };
        // Cheap tests first: most mentions are not Arabic (any letter of the Arabic table
        // tells, folded or not), or have no point to be far from.
        let arabic = crate::consonants::is_arabic(mention);
        if !arabic || context.near.is_empty() || found.iter().any(|&(_, level)| level == MatchLevel::Transliterated) {
            return found;
        }
        let near = NearPoints::of(&context.near);
        let far = |index: usize| {
            let place = &self.places[index];
            nearest_km_to((place.latitude, place.longitude), &near).is_some_and(|km| km > FAR_FROM_THE_ARTICLE_KM)
        };
        let mut where_told = found.iter().filter(|&&(i, _)| self.found_where_told(i, context)).peekable();
        if where_told.peek().is_none() || !where_told.all(|&(i, _)| far(i)) {
            return found;
        }
        let mut all = found.to_vec();
        self.push_consonant_matches(&mut all, &fold_mention(mention), country, context);
        all.into()
    }

    /// Adds the places at home whose Latin names have the consonants of an Arabic mention
    /// (folded as `key`), in the governorate the text names if it names one.
    fn push_consonant_matches(
        &self,
        found: &mut Vec<(usize, MatchLevel)>,
        key: &str,
        country: &str,
        context: &Context,
    ) {
        for index in self.by_consonants_in(key, country, context.admin1.as_deref()) {
            push(found, index, MatchLevel::Transliterated);
        }
    }

    /// Why the best candidate may not be taken, if it may not.
    fn refusal(&self, index: usize, level: MatchLevel, context: &Context) -> Option<Refusal> {
        let best = &self.places[index];
        // A name that only resembles the mention must not contradict the governorate the
        // text gives (a city governorate names the one around it too: "غوطة دمشق").
        if level != MatchLevel::Exact
            && context.admin1.as_deref().is_some_and(|a| !self.governorate_holds(&best.country, a, &best.admin1))
        {
            return Some(Refusal::OutsideGovernorate);
        }
        // A look-alike far from everything else the article places is more likely a local
        // place the gazetteer lacks than a namesake across the country.
        if level != MatchLevel::Exact
            && context.near.len() >= 2
            && nearest_km_to((best.latitude, best.longitude), &NearPoints::of(&context.near))
                .is_some_and(|km| km > FAR_FROM_THE_ARTICLE_KM)
        {
            return Some(Refusal::FarFromTheArticle);
        }
        let at_home = context.country.as_deref().is_none_or(|c| c == best.country);
        let major_abroad = !at_home && level == MatchLevel::Exact && best.population >= 100_000;
        (!at_home && !major_abroad).then_some(Refusal::Abroad)
    }

    /// A candidate's score; its reasons are written to `why` when asked for (only the few
    /// candidates a resolution keeps are explained).
    fn score(
        &self,
        index: usize,
        level: MatchLevel,
        context: &Context,
        near: &NearPoints,
        mut why: Option<&mut Vec<String>>,
    ) -> f64 {
        let place = &self.places[index];
        let mut explain = |reason: &dyn Fn() -> String| {
            if let Some(why) = why.as_deref_mut() {
                why.push(reason());
            }
        };
        let label = match level {
            MatchLevel::Exact => "same name",
            MatchLevel::Skeleton => "same name but for vowels",
            MatchLevel::Fuzzy => "close spelling",
            MatchLevel::Transliterated => "same consonants in Latin script",
        };
        let mut score = level_points(level);
        explain(&|| label.to_string());
        if in_named_country(place, context) {
            score += COUNTRY_POINTS;
            explain(&|| format!("in the article's country {}", place.country));
        }
        if self.in_named_governorate(place, context) {
            score += GOVERNORATE_POINTS;
            explain(&|| format!("in the governorate the text names ({})", place.admin1));
        }
        if in_named_district(place, context) {
            score += DISTRICT_POINTS;
            explain(&|| format!("in the district the text names ({})", place.admin2));
        }
        if let Some(nearest) = nearest_km_to((place.latitude, place.longitude), near) {
            score -= distance_penalty(nearest);
            explain(&|| format!("{nearest:.0} km from the article's other places"));
        }
        score += feature_points(place);
        score += population_points(place);
        score
    }

    /// The parts of [`Gazetteer::score`] that depend on the place, the level and the
    /// context's country and governorate only, each worked out as `score` does.
    fn fixed_score(&self, index: usize, level: MatchLevel, context: &Context) -> FixedScore {
        let place = &self.places[index];
        let mut before_district = level_points(level);
        if in_named_country(place, context) {
            before_district += COUNTRY_POINTS;
        }
        if self.in_named_governorate(place, context) {
            before_district += GOVERNORATE_POINTS;
        }
        FixedScore {
            before_district,
            unit: unit_vector((place.latitude, place.longitude)),
            feature: feature_points(place),
            population: population_points(place),
            geonameid: place.geonameid.unwrap_or(u32::MAX),
            district: district_key(&place.admin2),
        }
    }

    /// Whether a place is in the governorate the text names (or one it surrounds).
    fn in_named_governorate(&self, place: &Place, context: &Context) -> bool {
        context.admin1.as_deref().is_some_and(|a| self.governorate_holds(&place.country, a, &place.admin1))
    }

    /// [`Gazetteer::score`] from its fixed parts: the same sums in the same order, so the
    /// same number to the last bit.
    /// `district`: the [`district_key`] of the district the context names, if it names one.
    fn score_from_fixed(
        &self,
        index: usize,
        fixed: &FixedScore,
        context: &Context,
        district: Option<u64>,
        near: &NearPoints,
    ) -> f64 {
        let mut score = fixed.before_district;
        // The place itself (a cache miss or two among 200,000 places: its row, its
        // district's name) is read only when its district's key is the named district's,
        // mostly when it lies there; that read was most of the time ranking took.
        if district.is_some_and(|key| key == fixed.district) && self.in_named_district_of(index, context) {
            score += DISTRICT_POINTS;
        }
        if let Some(nearest) = nearest_km_to_unit(fixed.unit, near) {
            score -= distance_penalty(nearest);
        }
        score += fixed.feature;
        score += fixed.population;
        score
    }

    /// [`in_named_district`] of the place at `index`: not in line, so that the place is
    /// not read before the caller's test of the keys.
    #[inline(never)]
    fn in_named_district_of(&self, index: usize, context: &Context) -> bool {
        in_named_district(&self.places[index], context)
    }

    fn candidate(&self, index: usize, level: MatchLevel, context: &Context) -> Candidate {
        let place = &self.places[index];
        let mut why = Vec::new();
        let score = self.score(index, level, context, &NearPoints::of(&context.near), Some(&mut why));
        Candidate {
            geonameid: place.geonameid,
            pcode: place.pcode.clone(),
            name: place.name.clone(),
            country: place.country.clone(),
            admin1: place.admin1.clone(),
            level,
            score,
            why,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fixture in GeoNames format: a Syrian village and foreign towns of nearly the same
    /// names, written for these tests.
    const FIXTURE: &str = "\
900001\tKafr Nubl\tKafr Nubl\tKafr Nabl,Kfarnabel\t35.6137\t36.5614\tP\tPPLA3\tSY\t\t12\t\t\t\t0\t\t\tAsia/Damascus\t2020-01-01
900002\tKafr Nabl\tKafr Nabl\t\t33.9\t35.6\tP\tPPL\tLB\t\t04\t\t\t\t2000\t\t\tAsia/Beirut\t2020-01-01
900003\tHalle\tHalle\t\t51.48\t11.97\tP\tPPLA2\tDE\t\t14\t\t\t\t238000\t\t\tEurope/Berlin\t2020-01-01
900004\tHalab\tHalab\tHaleb,Alep,Aleppo\t36.2\t37.16\tP\tPPLA\tSY\t\t09\t\t\t\t1600000\t\t\tAsia/Damascus\t2020-01-01
900005\tTall Rif`at\tTall Rif`at\tTell Rifaat\t36.47\t37.09\tP\tPPLA3\tSY\t\t09\t\t\t\t0\t\t\tAsia/Damascus\t2020-01-01
900006\tTell Rifaat\tTell Rifaat\t\t32.0\t35.9\tP\tPPL\tJO\t\t02\t\t\t\t500\t\t\tAsia/Amman\t2020-01-01
900007\tJablah\tJablah\tJableh\t35.36\t35.93\tP\tPPLA2\tSY\t\t02\t\t\t\t65000\t\t\tAsia/Damascus\t2020-01-01
900008\tTqad\tTqad\tTeqad\t36.19\t36.87\tP\tPPL\tSY\t\t09\t\t\t\t0\t\t\tAsia/Damascus\t2020-01-01
";

    fn gazetteer() -> Gazetteer {
        let mut builder = crate::GazetteerBuilder::new();
        builder.add_dump(FIXTURE.as_bytes(), "fixture").expect("fixture parses");
        builder.build()
    }

    fn syria() -> Context {
        Context { country: Some("SY".into()), ..Context::default() }
    }

    #[test]
    fn the_syrian_village_beats_a_foreign_namesake() {
        let r = gazetteer().resolve("Kfar Nabel", &syria());
        assert_eq!(r.place.and_then(|p| p.geonameid), Some(900001), "{}", r.reason);
        assert!(r.candidates.iter().any(|c| c.geonameid == Some(900002)), "the namesake stays a candidate");
    }

    #[test]
    fn a_mangled_name_resolves_at_home_not_abroad() {
        let r = gazetteer().resolve("Halle", &syria());
        assert_eq!(r.place.and_then(|p| p.geonameid), Some(900004), "{}", r.reason);
    }

    #[test]
    fn three_consonants_name_the_one_village_at_home_that_has_them() {
        // "Taqad" is spelled close to Tqad, the only village with its consonants.
        let r = gazetteer().resolve("Taqad", &syria());
        assert_eq!(r.place.and_then(|p| p.geonameid), Some(900008), "{}", r.reason);
    }

    #[test]
    fn a_point_lies_in_the_governorate_of_the_town_nearest_it() {
        let g = gazetteer();
        assert_eq!(g.governorate_at(35.62, 36.57).map(|gov| gov.admin1.as_str()), Some("12"));
        assert_eq!(g.governorate_at(36.19, 36.87).map(|gov| gov.admin1.as_str()), Some("09"));
        // Far from every town of the tables: no governorate.
        assert!(g.governorate_at(20.0, 10.0).is_none());
    }

    #[test]
    fn governorate_context_breaks_ties() {
        let mut context = syria();
        context.admin1 = Some("09".into());
        let r = gazetteer().resolve("Tal Refaat", &context);
        assert_eq!(r.place.and_then(|p| p.geonameid), Some(900005));
    }

    #[test]
    fn a_district_capital_is_found_by_its_consonants_whatever_its_vowels() {
        // Three consonants are too few to tell villages apart, but a district's capital is
        // the town the press names: "Jeblah" is Jablah.
        let r = gazetteer().resolve("Jeblah", &syria());
        assert_eq!(r.place.and_then(|p| p.geonameid), Some(900007), "{}", r.reason);
    }

    #[test]
    fn consonants_find_the_village_in_the_named_governorate_past_a_vowel_variant_elsewhere() {
        // A village of Hasakah whose Arabic name differs by a vowel, and one of Raqqa known
        // only by its Latin name (places written for this test).
        let dump = "\
900101\tAbra\tAbra\tعبرة\t37.02\t41.78\tP\tPPL\tSY\t\t01\t\t\t\t0\t\t\tAsia/Damascus\t2020-01-01
900102\tAbbara\tAbbara\t\t36.15\t39.02\tP\tPPL\tSY\t\t04\t\t\t\t0\t\t\tAsia/Damascus\t2020-01-01
";
        let mut builder = crate::GazetteerBuilder::new();
        builder.add_dump(dump.as_bytes(), "fixture").expect("fixture parses");
        let gazetteer = builder.build();
        let mut raqqa = syria();
        raqqa.admin1 = Some("04".into());
        let r = gazetteer.resolve("العبارة", &raqqa);
        assert_eq!(r.place.and_then(|p| p.geonameid), Some(900102), "{}", r.reason);
        // With no governorate named, the name written so at home stands.
        let r = gazetteer.resolve("العبارة", &syria());
        assert_eq!(r.place.and_then(|p| p.geonameid), Some(900101), "{}", r.reason);
    }

    #[test]
    fn an_arabic_nisba_meets_only_latin_names_that_keep_it() {
        // Two villages of Hasakah known only by Latin names, of the same consonants, one
        // with the ending of a nisba (places written for this test).
        let dump = "\
900111\tRuwaished\tRuwaished\t\t36.70\t40.90\tP\tPPL\tSY\t\t01\t\t\t\t0\t\t\tAsia/Damascus\t2020-01-01
900112\tRashidiyeh\tRashidiyeh\t\t36.60\t40.80\tP\tPPL\tSY\t\t01\t\t\t\t0\t\t\tAsia/Damascus\t2020-01-01
";
        let mut builder = crate::GazetteerBuilder::new();
        builder.add_dump(dump.as_bytes(), "fixture").expect("fixture parses");
        let gazetteer = builder.build();
        let mut hasakah = syria();
        hasakah.admin1 = Some("01".into());
        let r = gazetteer.resolve("الرشيدية", &hasakah);
        assert_eq!(r.place.and_then(|p| p.geonameid), Some(900112), "{}", r.reason);
        assert!(r.candidates.iter().all(|c| c.geonameid != Some(900111)), "{}", r.reason);
        // A name without the nisba may still be the Latin name with it.
        let r = gazetteer.resolve("الرشيد", &hasakah);
        assert!(r.candidates.iter().any(|c| c.geonameid == Some(900112)), "{}", r.reason);
    }

    #[test]
    fn the_chosen_place_tells_how_its_name_met_the_mention_and_who_else_bears_it() {
        let g = gazetteer();
        let shared = g.chosen("Kafr Nabl", &syria()).expect("the Syrian village");
        assert_eq!((shared.place.geonameid, shared.level, shared.rivals), (Some(900001), MatchLevel::Exact, 1));
        let alone = g.chosen("Jablah", &syria()).expect("Jablah");
        assert_eq!((alone.level, alone.rivals), (MatchLevel::Exact, 0));
        let by_consonants = g.chosen("Jeblah", &syria()).expect("Jablah by its consonants");
        assert_eq!(by_consonants.level, MatchLevel::Skeleton);
        // The account of the choice says the same.
        let r = g.resolve("Kafr Nabl", &syria());
        assert_eq!(r.best_match(), Some((MatchLevel::Exact, 1)));
    }

    #[test]
    fn an_unknown_name_stays_unresolved() {
        let r = gazetteer().resolve("Talmenes", &syria());
        assert!(r.place.is_none());
        assert!(!r.reason.is_empty());
    }

    #[test]
    fn a_namesake_near_a_point_is_found_by_any_spelling_of_its_name() {
        let g = gazetteer();
        let by_kafr_nubl = (35.60, 36.55);
        for mention in ["Kafr Nabl", "Kafr Nubl", "كفر نبل"] {
            let found = g.namesake_near(mention, "SY", &[by_kafr_nubl], 40.0).map(|(p, _)| p.name.as_str());
            assert_eq!(found, Some("Kafr Nubl"), "{mention}");
        }
        // Lebanon's Kafr Nabl is not Syria's, and nothing of the name lies by Aleppo.
        assert!(g.namesake_near("Kafr Nabl", "SY", &[(36.2, 37.16)], 40.0).is_none());
        assert!(g.namesake_near("Kafr Nabl", "LB", &[by_kafr_nubl], 40.0).is_none());
    }

    #[test]
    fn distance_is_haversine() {
        let d = distance_km((36.2, 37.16), (35.93, 36.63));
        assert!((50.0..65.0).contains(&d), "{d}");
        let nearest = nearest_km((36.2, 37.16), &[(33.5, 36.3), (35.93, 36.63)]).expect("a distance");
        assert!((nearest - d).abs() < 1e-9, "{nearest} against {d}");
        assert_eq!(nearest_km((36.2, 37.16), &[]), None);
    }
}

#[cfg(test)]
mod builtin_tests {
    use super::*;
    use std::sync::OnceLock;

    fn builtin() -> &'static Gazetteer {
        static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
        GAZETTEER.get_or_init(Gazetteer::builtin)
    }

    fn resolved(name: &str) -> Option<u32> {
        let syria = Context { country: Some("SY".into()), ..Context::default() };
        builtin().resolve(name, &syria).place.and_then(|p| p.geonameid)
    }

    #[test]
    fn a_city_governorate_and_the_one_around_it_hold_each_others_places() {
        let g = builtin();
        // Damascus (13) and Rif Dimashq (08) either way; Idlib (12) holds only its own.
        assert!(g.governorate_holds("SY", "13", "08") && g.governorate_holds("SY", "08", "13"));
        assert!(g.governorate_holds("SY", "12", "12"));
        assert!(!g.governorate_holds("SY", "12", "08") && !g.governorate_holds("SY", "13", "12"));
    }

    #[test]
    fn the_built_in_gazetteer_resolves_every_governorate_capital() {
        assert!(Gazetteer::has_builtin_world(), "built without the GeoNames table: is npm installed?");
        for governorate in builtin().governorates() {
            if governorate.admin1 == "08" {
                continue; // Rif Dimashq's point is Douma, not a capital of the same name.
            }
            assert_eq!(resolved(&governorate.name), Some(governorate.capital_geonameid), "{}", governorate.name);
        }
    }

    #[test]
    fn exonyms_translations_and_transliterations() {
        let aleppo = Some(170063);
        for name in ["Alep", "Aleppo", "Halab", "Haleb", "Halle"] {
            assert_eq!(resolved(name), aleppo, "{name}");
        }
        assert_eq!(resolved("Damas"), Some(170654));
        assert_eq!(resolved("Lattaquié"), Some(173576));
        assert_eq!(resolved("Idleb"), Some(169389));
        for name in ["Maaret al-Numan", "Maarat al-Nouman", "Ma`arrat an Nu`man", "Ma'arrat al-Nu'man"] {
            assert_eq!(resolved(name), Some(167611), "{name}");
        }
        assert_eq!(resolved("Maarrat Misrin"), Some(167605), "another town");
        assert_eq!(resolved("Saraqeb"), Some(164816));
        // A village only the OCHA table has, by the names frontline's exonyms give it.
        for name in ["Fuaa", "Foua", "الفوعة"] {
            let place = builtin().resolve_place(name, &Context::default());
            assert_eq!(place.and_then(|p| p.pcode.as_deref()), Some("C3905"), "{name}");
        }
    }

    #[test]
    fn a_named_region_is_a_place_of_its_own_in_every_language() {
        let at_home = Context { country: Some("SY".into()), ..Context::default() };
        for name in ["Jabal al-Zawiya", "Djebel Zawiya", "جبل الزاوية"] {
            let place = builtin().resolve_place(name, &at_home).expect("resolved");
            assert!(place.is_region(), "{name}: {}", place.name);
            assert_eq!(place.admin1, "12", "{name}");
        }
        // Qalamoun is the mountains north of Damascus before the Latakia village named alike.
        for name in ["Qalamoun", "القلمون"] {
            let place = builtin().resolve_place(name, &at_home).expect("resolved");
            assert_eq!((place.is_region(), place.admin1.as_str()), (true, "08"), "{name}");
        }
        assert!(builtin().names_a_region("الغوطة الشرقية"));
        assert!(!builtin().names_a_region("Saraqib"));
    }

    #[test]
    fn a_seat_named_exactly_is_not_outranked_by_a_look_alike_where_the_text_is() {
        // The text is in Ras al-Ain district of Hasakah, where Tal Abbud differs from the
        // name of Raqqa's district seat Tall Abyad by its vowels only.
        let in_ras_al_ain = Context {
            country: Some("SY".into()),
            admin1: Some("01".into()),
            admin2: Some("Ras Al Ain".into()),
            ..Context::default()
        };
        let place = builtin().resolve_place("Tal Abyad", &in_ras_al_ain).expect("resolved");
        assert_eq!((place.admin1.as_str(), place.geonameid), ("04", Some(163750)));
    }

    #[test]
    fn a_look_alike_far_from_the_articles_places_is_no_place() {
        // "Al-Atala" only resembles Atil of Suwayda; an article whose places are by the
        // Euphrates at the Iraqi border means a local place the gazetteer lacks.
        let by_the_border =
            Context { country: Some("SY".into()), near: vec![(34.45, 40.93), (34.69, 40.83)], ..Context::default() };
        assert!(builtin().resolve_place("Al-Atala", &by_the_border).is_none());
        // One place is too little to judge by; with none, the resemblance stands.
        let by_one = Context { country: Some("SY".into()), near: vec![(34.45, 40.93)], ..Context::default() };
        assert_eq!(builtin().resolve_place("Al-Atala", &by_one).map(|p| p.admin1.as_str()), Some("05"));
        let alone = Context { country: Some("SY".into()), ..Context::default() };
        assert_eq!(builtin().resolve_place("Al-Atala", &alone).map(|p| p.admin1.as_str()), Some("05"));
    }

    #[test]
    fn a_namesake_goes_where_the_text_is() {
        let in_idlib = Context { country: Some("SY".into()), admin1: Some("12".into()), ..Context::default() };
        let place = builtin().resolve_place("Ras al-Ain", &in_idlib).expect("resolved");
        assert_eq!((place.admin1.as_str(), place.pcode.as_deref()), ("12", Some("C3902")));
        // No governorate named, but the article's other places are in south-east Idlib.
        let near_saraqib = Context { country: Some("SY".into()), near: vec![(35.8645, 36.8059)], ..Context::default() };
        assert_eq!(builtin().resolve_place("Ras al-Ain", &near_saraqib).map(|p| p.admin1.as_str()), Some("12"));
        // Alone, the town of Hasakah, the largest.
        assert_eq!(resolved("Ras al-Ain"), Some(165509));
        // The district named is enough: Hama's village of the name, in Hama district.
        let in_hama_district =
            Context { country: Some("SY".into()), admin2: Some("Hama".into()), ..Context::default() };
        assert_eq!(
            builtin().resolve_place("Ras al-Ain", &in_hama_district).and_then(|p| p.pcode.as_deref()),
            Some("C3067")
        );
    }

    #[test]
    fn a_village_is_one_place_with_every_record_of_it() {
        let syria = Context { country: Some("SY".into()), ..Context::default() };
        for name in ["Kafranbel", "Kafr Nobol", "كفر نبل", "Kafr Nabl"] {
            let place = builtin().resolve_place(name, &syria).expect(name);
            assert_eq!((place.geonameid, place.pcode.as_deref()), (Some(168661), Some("C4068")), "{name}");
            assert_eq!((place.admin2.as_str(), place.admin3.as_str()), ("Al Mara", "Kafr Nobol"));
        }
        let village = builtin().resolve_place("Telamnas", &syria).expect("an OCHA village");
        assert_eq!((village.geonameid, village.pcode.as_deref()), (None, Some("C3974")));
        assert_eq!(builtin().resolve_place("Talmenes", &syria).and_then(|p| p.pcode.as_deref()), Some("C3974"));
    }

    #[test]
    fn a_name_that_resembles_a_place_abroad_is_resolved_at_home() {
        let place = |name: &str| {
            let syria = Context { country: Some("SY".into()), ..Context::default() };
            builtin().resolve(name, &syria).place.map(|p| p.country)
        };
        let in_rural_aleppo = Context { country: Some("SY".into()), admin1: Some("09".into()), ..Context::default() };
        assert_eq!(builtin().resolve("Benin", &in_rural_aleppo).place.map(|p| p.country).as_deref(), Some("SY"));
        assert_eq!(place("Benin"), None, "not forced abroad, nor on a village of any governorate");
        assert_eq!(place("Halle").as_deref(), Some("SY"));
        // A large foreign city without a Syrian lookalike stays where it is.
        assert_eq!(place("Dusseldorf").as_deref(), Some("DE"));
        // A small foreign village only resembling a name is not forced on the article.
        assert_eq!(place("Tall Zurayqat"), None);
    }

    #[test]
    fn a_city_abroad_named_exactly_beats_a_village_at_home_that_only_resembles_it() {
        let syria = Context { country: Some("SY".into()), ..Context::default() };
        let country = |name: &str| builtin().resolve(name, &syria).place.map(|p| p.country);
        // Each of these has the consonants (or the skeleton) of a Syrian village.
        for (name, abroad) in [("أنقرة", "TR"), ("بيروت", "LB"), ("بغداد", "IQ"), ("Erbil", "IQ")] {
            assert_eq!(country(name).as_deref(), Some(abroad), "{name}");
        }
        // A district seat abroad whose Arabic name villages at home bear stays at home.
        assert_eq!(country("الريحانية").as_deref(), Some("SY"));
        assert_eq!(builtin().country_named("تركيا").map(|c| c.iso2.as_str()), Some("TR"));
    }

    #[test]
    fn countries_that_broker_or_back_a_side_are_countries_in_each_language() {
        // Qatar shares its name with a Syrian village: named as a country, it is the country.
        for (name, iso2) in
            [("Qatar", "QA"), ("قطر", "QA"), ("Arabie saoudite", "SA"), ("Kazakhstan", "KZ"), ("ألمانيا", "DE")]
        {
            assert_eq!(builtin().country_named(name).map(|c| c.iso2.as_str()), Some(iso2), "{name}");
        }
    }
}
