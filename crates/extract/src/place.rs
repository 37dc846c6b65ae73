//! Place resolution: a place mention to a point of the gazetteer, a governorate or the
//! country, with the governorate and district the sentence (else the article) gives as
//! context and the points resolved so far as neighbours.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use frontline_gazetteer::{distance_km, Context, Gazetteer, MatchLevel, Place};

use crate::discourse::Discourse;
use crate::features::Resolution;
use crate::reader::SentenceReader;
use crate::spot::{announcing, describing, PlaceMention, PlaceRole, Spotted};
use crate::trace::SentenceTrace;

/// The country frontline covers; articles are read as being about it.
pub(crate) const HOME_COUNTRY: &str = "SY";

/// How far (in tokens) after a place the gazetteer lacks the town that situates it may be
/// named: "X, near Y", "X, à 5 km au nord de la ville de Y", "X التابعة لناحية Y".
const SITUATING_REACH: usize = 12;
/// How far from the town a sentence situates a place by the place may lie: a village "near"
/// a town is within a few kilometres of it, a district's breadth at most.
const SITUATING_KM: f64 = 40.0;

/// How near (km) to a point the report has already placed a village of another governorate
/// than the text names may stand and still be the one meant: villages on a governorate's
/// border are named with their neighbours across it (al-Atarib with Idlib's towns), while a
/// namesake elsewhere lies a governorate away.
const NEIGHBOUR_KM: f64 = 35.0;

/// Syria's ISO 3166 number: places elsewhere are rarely the war's events.
pub(crate) const SYRIA_ISO: u16 = 760;

/// The governorate the article names most, as a region or by its seat's name: the context
/// of the places its sentences leave unsituated.
pub(crate) fn dominant_governorate(spotted: &[Option<Spotted>], home: &HomeNames<'_>) -> Option<String> {
    let gazetteer = home.gazetteer;
    // The most named wins, ties to the first code: the hash order does not matter.
    let mut counts: FxHashMap<String, usize> = FxHashMap::default();
    for s in spotted.iter().flatten() {
        for place in &s.places {
            let admin1 = match &place.role {
                PlaceRole::Region { admin1: Some(a) } => Some(a.clone()),
                PlaceRole::Region { admin1: None } => home.admin1(&place.text),
                PlaceRole::Site => gazetteer.governorate_named(&place.text).map(|g| g.admin1.clone()),
                _ => None,
            };
            if let Some(a) = admin1 {
                *counts.entry(a).or_default() += 1;
            }
        }
    }
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map(|(a, _)| a)
}

/// Names resolved in the home country with no other context (is it a place? which
/// governorate?); the gazetteer remembers the answers.
pub(crate) struct HomeNames<'g> {
    gazetteer: &'g Gazetteer,
}

impl<'g> HomeNames<'g> {
    pub(crate) fn new(gazetteer: &'g Gazetteer) -> HomeNames<'g> {
        HomeNames { gazetteer }
    }

    pub(crate) fn place(&self, name: &str) -> Option<&'g Place> {
        self.gazetteer.resolve_in_country(name, HOME_COUNTRY)
    }

    pub(crate) fn admin1(&self, name: &str) -> Option<String> {
        self.place(name).filter(|p| p.country == HOME_COUNTRY).map(|p| p.admin1.clone())
    }

    /// The governorate of the place a name designates, when its spelling names it (not a
    /// close spelling, which may be another region's name).
    pub(crate) fn admin1_spelled(&self, name: &str) -> Option<String> {
        self.gazetteer
            .resolve_in_country_matched(name, HOME_COUNTRY)
            .filter(|(p, level)| p.country == HOME_COUNTRY && *level != MatchLevel::Fuzzy)
            .map(|(p, _)| p.admin1.clone())
    }

    /// The district of the place a name designates, when the gazetteer knows it.
    pub(crate) fn admin2(&self, name: &str) -> Option<String> {
        self.place(name).filter(|p| p.country == HOME_COUNTRY && !p.admin2.is_empty()).map(|p| p.admin2.clone())
    }
}

/// A place mention resolved: the event's location fields, how sure the resolution is, and
/// (when explained) why this place was chosen.
pub(crate) struct Placed {
    pub location: String,
    pub geonameid: Option<u32>,
    pub pcode: Option<String>,
    pub admin2: Option<String>,
    pub admin3: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub geo_precision: u8,
    pub admin1: Option<String>,
    pub country: String,
    pub iso: u16,
    pub confidence_factor: f64,
    pub resolution: Resolution,
    /// How the gazetteer's name met the mention, when it found the place.
    pub matched: Option<Match>,
    pub how: String,
}

/// How a place's name met its mention: how closely, and how many other places met it as
/// well (a name many villages bear is a less certain place).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Match {
    pub level: frontline_gazetteer::MatchLevel,
    pub rivals: usize,
}

impl Placed {
    pub(crate) fn governorate(
        g: &frontline_gazetteer::Governorate,
        gazetteer: &Gazetteer,
        factor: f64,
        how: String,
    ) -> Placed {
        let country = gazetteer.country(&g.country);
        Placed {
            location: g.name.clone(),
            geonameid: None,
            pcode: None,
            admin2: None,
            admin3: None,
            latitude: Some(g.latitude),
            longitude: Some(g.longitude),
            geo_precision: 3,
            admin1: Some(g.name.clone()),
            country: country.map_or_else(|| g.country.clone(), |c| c.name.clone()),
            iso: country.map_or(0, |c| c.iso_numeric),
            confidence_factor: factor,
            resolution: Resolution::Governorate,
            matched: None,
            how,
        }
    }

    /// A place the gazetteer lacks, at the point of the town it stands near.
    /// At a place of the gazetteer; a region's point is a less precise place.
    fn at(place: &Place, matched: Option<Match>, region: bool, how: String, gazetteer: &Gazetteer) -> Placed {
        let governorate = gazetteer.governorate(&place.country, &place.admin1);
        let country = gazetteer.country(&place.country);
        let hierarchy = |name: &str| (!name.is_empty()).then(|| name.to_string());
        Placed {
            location: place.name.clone(),
            geonameid: place.geonameid,
            pcode: place.pcode.clone(),
            admin2: hierarchy(&place.admin2),
            admin3: hierarchy(&place.admin3),
            latitude: Some(place.latitude),
            longitude: Some(place.longitude),
            geo_precision: if region { 2 } else { 1 },
            admin1: governorate.map(|g| g.name.clone()),
            country: country.map_or_else(|| place.country.clone(), |c| c.name.clone()),
            iso: country.map_or(0, |c| c.iso_numeric),
            confidence_factor: if region { 0.85 } else { 1.0 },
            resolution: Resolution::Point,
            matched,
            how,
        }
    }

    fn near_town(mention: &PlaceMention, town: &Place, gazetteer: &Gazetteer) -> Placed {
        let governorate = gazetteer.governorate(&town.country, &town.admin1);
        let country = gazetteer.country(&town.country);
        Placed {
            location: mention.text.clone(),
            geonameid: None,
            pcode: None,
            admin2: (!town.admin2.is_empty()).then(|| town.admin2.clone()),
            admin3: None,
            latitude: Some(town.latitude),
            longitude: Some(town.longitude),
            geo_precision: 2,
            admin1: governorate.map(|g| g.name.clone()),
            country: country.map_or_else(|| town.country.clone(), |c| c.name.clone()),
            iso: country.map_or(0, |c| c.iso_numeric),
            confidence_factor: 0.9,
            resolution: Resolution::Unresolved,
            matched: None,
            how: format!("near {}", town.name),
        }
    }

    pub(crate) fn country(mention: &PlaceMention, gazetteer: &Gazetteer) -> Placed {
        let country = gazetteer.country(HOME_COUNTRY);
        Placed {
            location: mention.text.clone(),
            geonameid: None,
            pcode: None,
            admin2: None,
            admin3: None,
            latitude: country.map(|c| c.latitude),
            longitude: country.map(|c| c.longitude),
            geo_precision: 3,
            admin1: None,
            country: country.map_or_else(|| HOME_COUNTRY.to_string(), |c| c.name.clone()),
            iso: country.map_or(0, |c| c.iso_numeric),
            confidence_factor: 0.8,
            resolution: Resolution::Unresolved,
            matched: None,
            how: "no region given: placed in the country".into(),
        }
    }
}

/// Whether a place is a city of the home country: one a quarter may be in.
fn is_home_city(place: &Place) -> bool {
    place.country == HOME_COUNTRY && place.feature_class == 'P' && place.is_major()
}

impl<'a> SentenceReader<'a, '_> {
    pub(crate) fn place(
        &self,
        mention: &PlaceMention,
        admin1_hint: Option<String>,
        discourse: &mut Discourse<'a>,
        trace: &mut SentenceTrace,
    ) -> Placed {
        let gazetteer = self.ctx.gazetteer;
        if let PlaceRole::Region { admin1: Some(code) } = &mention.role {
            if let Some(g) = gazetteer.governorate(HOME_COUNTRY, code) {
                return Placed::governorate(g, gazetteer, 0.8, "a governorate".into());
            }
        }
        let context = Context {
            country: Some(HOME_COUNTRY.to_string()),
            admin1: admin1_hint.clone(),
            admin2: self.sentence_admin2(Some(mention)),
            near: discourse.near.clone(),
        };
        // The account of the choice only when the reading is explained.
        // The gazetteer's own place when nothing is explained: no copy of its names.
        let resolve = |context: &Context| -> (Option<(Cow<'_, Place>, Match)>, String) {
            if trace.recording {
                let resolution = gazetteer.resolve(&mention.text, context);
                let matched = resolution.best_match().map(|(level, rivals)| Match { level, rivals });
                (resolution.place.map(Cow::Owned).zip(matched), resolution.reason)
            } else {
                let chosen = gazetteer.chosen(&mention.text, context);
                let found = chosen.map(|c| (Cow::Borrowed(c.place), Match { level: c.level, rivals: c.rivals }));
                (found, String::new())
            }
        };
        let (mut place, mut reason) = resolve(&context);
        // A governorate the sentence does not state (the article's, or a landmark's) only
        // guesses where a village is: a close spelling outside it is still the village meant
        // when it stands by the places the report has named (a village of Jabal al-Zawiya,
        // in Idlib, in a report mostly on Hama), or is a city named in several words
        // ("Maaret al-Noomane" in a report on Aleppo): a single word that resembles a city
        // ("Home", "سلامة") is as often an ordinary word.
        // Nor does such a guess make a village of the article's governorate the city the
        // text calls one ("the city of Duma", Rif Dimashq's, in a report on Hama's front
        // where a village bears the name too): a city is named from afar.
        let guessed = context.admin1.is_some() && self.stated_admin1(Some(mention)).is_none();
        let village_not_city = || place.as_ref().is_some_and(|(p, _)| !p.is_major()) && self.called_a_city(mention);
        if guessed && (place.is_none() || village_not_city()) {
            let (found, why) = resolve(&Context { admin1: None, ..context.clone() });
            if place.is_none() {
                if let Some(found) = found.filter(|(p, _)| {
                    self.near_placed(p, discourse) || (p.is_major() && mention.text.split_whitespace().nth(1).is_some())
                }) {
                    place = Some(found);
                    reason = format!("{why}, outside the governorate guessed from the article");
                }
            } else if let Some(city) = found.filter(|(p, _)| p.is_major() && p.country == HOME_COUNTRY) {
                place = Some(city);
                reason = format!("{why}, the city the text names rather than a village of the guessed governorate");
            }
        }
        // A village of that name in another governorate than the one its sentence names is
        // another village, one no table has ("the villages of al-Rashidiya and
        // al-Rayhaniya in Hasakah province": the tables know only Latakia's Rayhaniya),
        // unless it stands by the places the report has named: a village across the border.
        if let Some((elsewhere, _)) = place.take_if(|(place, _)| {
            mention.role == PlaceRole::Site
                && self.outside_named_governorates(place)
                && !self.near_placed(place, discourse)
        }) {
            reason = format!("only {}, in another governorate than its sentence names", elsewhere.name);
        }
        // A quarter's name that only resembles a place's (a close spelling, the same
        // consonants but for vowels, or an Arabic name with a Latin name's consonants) is a
        // town's elsewhere, not the quarter ("حي الجبيلة" is no quarter of Jableh).
        if let Some((village, _)) =
            place.take_if(|(_, matched)| matched.level < MatchLevel::Exact && self.called_a(mention, "quarter"))
        {
            reason = format!("only {}, whose name a quarter's resembles", village.name);
        }
        // Nor is a quarter a village of its name far from the quarter's city ("the Dweila
        // neighbourhood of Damascus": the tables' Dweila is in Idlib).
        if let Some((village, _)) = place.take_if(|(p, _)| {
            !p.is_major()
                && self.city_of_a_quarter(mention, discourse).is_some_and(|city| {
                    distance_km((p.latitude, p.longitude), (city.latitude, city.longitude)) > SITUATING_KM
                })
        }) {
            reason = format!("only {}, far from the city the quarter is in", village.name);
        }
        // A name that only resembles a place's (a close spelling, the same consonants) is not
        // that place when it lies far from the town the sentence situates the name by ("تلة
        // X بالقرب من بلدة Y"): it is a hill or a hamlet by Y that no table has.
        if let Some((far, _)) = place.take_if(|(p, matched)| {
            matched.level < MatchLevel::Exact
                && self.situating_town(mention, None, discourse).is_some_and(|town| {
                    distance_km((p.latitude, p.longitude), (town.latitude, town.longitude)) > SITUATING_KM
                })
        }) {
            reason = format!("only {}, far from the town its sentence situates it by", far.name);
        }
        let namesake = place
            .as_ref()
            .filter(|(p, _)| !self.near_placed(p, discourse))
            .and_then(|(p, matched)| self.namesake_by_list(mention, p, matched));
        if let Some((near, level)) = namesake {
            reason = format!("{}, the namesake by the other places of its list", near.name);
            place = Some((Cow::Borrowed(near), Match { level, rivals: 1 }));
        }
        if let Some((place, matched)) = place {
            let region = matches!(mention.role, PlaceRole::Region { .. } | PlaceRole::Near);
            let point = (place.latitude, place.longitude);
            // Each point once: every candidate of later places is measured against them all.
            if !discourse.near.contains(&point) {
                discourse.near.push(point);
            }
            if !region && place.country == HOME_COUNTRY && place.feature_class == 'P' {
                discourse.last_town = Some(place.clone());
            }
            return Placed::at(&place, Some(matched), region, reason, gazetteer);
        }
        trace.note(|| format!("{:?} not in the gazetteer: {}", mention.text, reason));
        // A quarter no table has is its city's (docs/annotation.md §12): "حي العرضي بدير
        // الزور" is an event in the city of Deir ez-Zor, one with any other there that day.
        if let Some(city) = self.city_of_a_quarter(mention, discourse) {
            trace.note(|| format!("a quarter of {}: placed at the city", city.name));
            return Placed::at(city, None, false, format!("a quarter of {}", city.name), gazetteer);
        }
        // A place the gazetteer lacks is kept by name at the smallest region the text gives:
        // the town it situates the place by ("X, near Ain Issa", "قرية X بريف معرة النعمان"),
        // else the governorate (docs/annotation.md §12 places such villages so).
        if let Some(town) = self.situating_town(mention, admin1_hint.as_deref(), discourse) {
            trace.note(|| format!("placed at {}, which the sentence situates it by", town.name));
            return Placed::near_town(mention, town, gazetteer);
        }
        // Else a village stands at the town the report was telling of in that governorate (or
        // anywhere, when no governorate is known): "the villages of X and Y" after a paragraph
        // on Tal Tamr are Tal Tamr's villages. A region ("the Jabal al-Zawiya region") is no
        // village near a town.
        let last_town = discourse
            .last_town
            .as_deref()
            .filter(|town| mention.role == PlaceRole::Site && admin1_hint.as_deref().is_none_or(|a| a == town.admin1));
        if let Some(town) = last_town {
            trace.note(|| format!("placed at {}, the town the report told of last in its governorate", town.name));
            return Placed::near_town(mention, town, gazetteer);
        }
        let governorate = admin1_hint.and_then(|code| gazetteer.governorate(HOME_COUNTRY, &code));
        match governorate {
            Some(g) => Placed {
                location: mention.text.clone(),
                resolution: Resolution::Unresolved,
                ..Placed::governorate(g, gazetteer, 0.9, format!("placed in {} governorate", g.name))
            },
            None => Placed::country(mention, gazetteer),
        }
    }

    /// The namesake of a list's item that lies by the other places of the list, when the
    /// place chosen for it lies far from all of them ("the towns of Khalidiya and Khan
    /// Touman": the Khalidiya by Khan Touman, not the one a district away): the items of a
    /// list are neighbours. A city named exactly is that city; a place by those the report
    /// has placed is kept (the caller's test), and so is the one place a name met.
    fn namesake_by_list(
        &self,
        mention: &PlaceMention,
        chosen: &Place,
        matched: &Match,
    ) -> Option<(&'a Place, MatchLevel)> {
        // A name no other place met as well has no namesake to prefer.
        if matched.rivals == 0 || chosen.is_major() && matched.level == MatchLevel::Exact {
            return None;
        }
        let (first, last) = self.list_of(mention)?;
        let siblings = self.spotted.places.iter().filter(|p| p.start >= first.start && p.end <= last.end);
        let mut points: Vec<(f64, f64)> = Vec::new();
        // Most lists name neighbours: the first item found near the chosen place ends the
        // search.
        for sibling in siblings.filter(|p| p.start != mention.start) {
            let Some(place) = self.ctx.home.place(&sibling.text).filter(|p| p.country == HOME_COUNTRY) else {
                continue;
            };
            let point = (place.latitude, place.longitude);
            if distance_km((chosen.latitude, chosen.longitude), point) <= SITUATING_KM {
                return None;
            }
            points.push(point);
        }
        if points.is_empty() {
            return None;
        }
        self.ctx.gazetteer.namesake_near(&mention.text, HOME_COUNTRY, &points, SITUATING_KM)
    }

    /// The town of the home country, in the governorate given if any, by which the words
    /// right after a place mention situate it ("X, near Ain Issa", "X au nord de Y",
    /// "قرية X بريف Y"): the first named within a few words after it. The town's own name
    /// is resolved as the sentence's places are, in its governorate and by the places the
    /// report has placed: a town that situates another is no better known than it.
    fn situating_town(&self, mention: &PlaceMention, admin1: Option<&str>, discourse: &Discourse) -> Option<&'a Place> {
        let town = self
            .spotted
            .places
            .iter()
            .filter(|p| p.start >= mention.end && p.start - mention.end <= SITUATING_REACH)
            .find(|p| matches!(p.role, PlaceRole::Near | PlaceRole::Landmark | PlaceRole::Region { admin1: None }))?;
        let context = Context {
            country: Some(HOME_COUNTRY.to_string()),
            admin1: admin1.map(str::to_string).or_else(|| self.sentence_admin1_besides(Some(town))),
            admin2: None,
            near: discourse.near.clone(),
        };
        self.ctx
            .gazetteer
            .resolve_place(&town.text, &context)
            .filter(|town| town.country == HOME_COUNTRY && admin1.is_none_or(|a| town.admin1 == a))
    }

    /// The city a quarter the text announces as one ("حي X", "the neighbourhood of X") is
    /// in: the first city named within a few words after it ("بدير الزور", "وسط العاصمة
    /// دمشق", "in Aleppo"), a governorate's name being its seat's; else the city the report
    /// told of last, or else the report's first.
    fn city_of_a_quarter<'p>(&'p self, mention: &PlaceMention, discourse: &'p Discourse) -> Option<&'p Place> {
        // The items of a list of quarters are all quarters ("حيي الكلاسة وبستان القصر
        // بحلب"), and the city after the list situates each of them.
        let (first, last) = self.list_of(mention).unwrap_or((mention, mention));
        if !self.called_a(first, "quarter") {
            return None;
        }
        self.spotted
            .places
            .iter()
            .filter(|p| p.start >= last.end && p.start - last.end <= SITUATING_REACH)
            .filter(|p| p.role != PlaceRole::Origin)
            .find_map(|p| self.ctx.home.place(&p.text))
            .filter(|place| is_home_city(place))
            .or(discourse.last_town.as_deref().filter(|place| is_home_city(place)))
            .or(discourse.first_city)
    }

    /// The first city of the home country the sentence names as a site (not as a region,
    /// nor as where people are sent: "the convoy left for Idlib").
    pub(crate) fn first_city_named(&self) -> Option<&'a Place> {
        self.spotted
            .places
            .iter()
            .filter(|p| p.role == PlaceRole::Site && !self.is_destination(p))
            .filter_map(|p| self.ctx.home.place(&p.text))
            .find(|place| is_home_city(place))
    }

    /// Whether the text calls the place a city ("the city of X", "مدينة X", "la ville de X"):
    /// announced by a settlement noun of the kind the packs name `city`.
    fn called_a_city(&self, mention: &PlaceMention) -> bool {
        self.called_a(mention, "city")
    }

    /// Whether a settlement noun of the kind the packs name `kind` announces the place, or
    /// follows its name where the language puts it there ("the X neighbourhood").
    fn called_a(&self, mention: &PlaceMention, kind: &str) -> bool {
        let pack = self.ctx.pack;
        let tokens = &self.spotted.tokens;
        announcing(tokens, mention.start, pack, &pack.settlement_nouns)
            .or_else(|| pack.settlement_nouns_after.match_at(tokens, mention.end))
            .or_else(|| describing(tokens, mention.end, pack, &pack.settlement_nouns))
            .and_then(|hit| pack.settlement_kinds.get(*hit.value as usize))
            .is_some_and(|k| k == kind)
    }

    /// Whether a place of the home country lies within [`NEIGHBOUR_KM`] of a point the report
    /// has already placed.
    fn near_placed(&self, place: &Place, discourse: &Discourse) -> bool {
        place.country == HOME_COUNTRY
            && discourse.near.iter().any(|&point| distance_km((place.latitude, place.longitude), point) <= NEIGHBOUR_KM)
    }

    /// The governorate this sentence names (a region, else a landmark near which things
    /// happen), else the article's.
    pub(crate) fn sentence_admin1(&self) -> Option<String> {
        self.sentence_admin1_besides(None)
    }

    /// [`Self::sentence_admin1`] from the sentence's places other than a name being
    /// resolved: a region's name does not situate itself ("the Aqraba area" tells nothing of
    /// which Aqraba).
    fn sentence_admin1_besides(&self, resolved: Option<&PlaceMention>) -> Option<String> {
        let places = &self.spotted.places;
        let landmark = || {
            places
                .iter()
                .filter(|p| p.role == PlaceRole::Landmark && !same_name(p, resolved))
                .find_map(|p| self.ctx.home.admin1(&p.text))
        };
        self.stated_admin1(resolved)
            .or_else(landmark)
            .or_else(|| self.ctx.governorate_just_before(self.index).map(str::to_string))
            .or_else(|| self.ctx.admin1.clone())
    }

    /// The governorate in which this sentence situates a place: when it names several, the
    /// one named nearest the place (a roundup's "X in Hama ..., Y in Daraa" puts each
    /// village in its own), else as [`Self::sentence_admin1`].
    pub(crate) fn admin1_near(&self, mention: &PlaceMention) -> Option<String> {
        let gap = |p: &PlaceMention| {
            if p.start >= mention.end {
                p.start - mention.end
            } else {
                mention.start.saturating_sub(p.end)
            }
        };
        // A governorate named as where people or goods were going ("trucks carrying goods to
        // Suwayda province were ambushed near X") does not situate what happened on the way.
        let governorates: Vec<(usize, &str)> = self
            .spotted
            .places
            .iter()
            .filter_map(|p| p.role.governorate().map(|a| (p, a)))
            .filter(|(p, _)| !self.is_destination(p))
            .map(|(p, a)| (gap(p), a))
            .collect();
        let several = governorates.iter().any(|(_, a)| *a != governorates[0].1);
        match governorates.iter().min_by_key(|(gap, _)| *gap) {
            Some((_, nearest)) if several => Some((*nearest).to_string()),
            _ => self.sentence_admin1_besides(Some(mention)),
        }
    }

    /// Whether a village of the home country lies in none of the governorates its sentence
    /// names ("Hasakah province", "محافظة الحسكة"), when it names some. A city is named
    /// from afar often enough to stand where the tables put it. A governorate's seat named
    /// by the governorate's name counts as naming the governorate ("In Hama, security forces
    /// fired on protesters in the town of Halfaya, ... in Daraa": Halfaya is Hama's).
    fn outside_named_governorates(&self, place: &Place) -> bool {
        let gazetteer = self.ctx.gazetteer;
        let places = &self.spotted.places;
        let regions: Vec<&str> = places.iter().filter_map(|p| p.role.governorate()).collect();
        let holds = |admin1: &str| gazetteer.governorate_holds(HOME_COUNTRY, admin1, &place.admin1);
        let seat_of_its_governorate = || {
            places.iter().filter(|p| p.role == PlaceRole::Site).any(|p| {
                gazetteer.governorate_named(&p.text).is_some_and(|g| g.country == HOME_COUNTRY && holds(&g.admin1))
            })
        };
        // A village a few kilometres from a named governorate's seat is across its border
        // ("Arnah, north of Quneitra": Rif Dimashq's), not a namesake a governorate away.
        let by_a_named_seat = || {
            regions
                .iter()
                .filter_map(|a| gazetteer.governorate(HOME_COUNTRY, a))
                .any(|g| distance_km((place.latitude, place.longitude), (g.latitude, g.longitude)) <= NEIGHBOUR_KM)
        };
        place.country == HOME_COUNTRY
            && !place.is_major()
            && !regions.is_empty()
            && !regions.iter().any(|a| holds(a))
            && !seat_of_its_governorate()
            && !by_a_named_seat()
    }

    /// The governorate this sentence names as a region ("Hasakah province", "ريف إدلب"), or
    /// in which a region it names lies ("Jabal al-Zawiya"): not by a close spelling of the
    /// region's name ("Sheikh Barakat mountain", Aleppo's, is not Idlib's Sheikh Barakeh).
    /// Not by the name being `resolved` itself.
    fn stated_admin1(&self, resolved: Option<&PlaceMention>) -> Option<String> {
        self.spotted.places.iter().filter(|p| !same_name(p, resolved)).find_map(|p| match &p.role {
            PlaceRole::Region { admin1: Some(a) } => Some(a.clone()),
            PlaceRole::Region { admin1: None } => self.ctx.home.admin1_spelled(&p.text),
            _ => None,
        })
    }

    /// The district this sentence names: that of a region below a governorate ("the
    /// countryside of Ariha", "the Jabal Akrad region"), other than the name being `resolved`.
    fn sentence_admin2(&self, resolved: Option<&PlaceMention>) -> Option<String> {
        self.spotted.places.iter().filter(|p| !same_name(p, resolved)).find_map(|p| match &p.role {
            PlaceRole::Region { admin1: None } => self.ctx.home.admin2(&p.text),
            _ => None,
        })
    }
}

/// Whether a place mention bears the name being resolved.
fn same_name(place: &PlaceMention, resolved: Option<&PlaceMention>) -> bool {
    resolved.is_some_and(|r| r.text == place.text)
}
