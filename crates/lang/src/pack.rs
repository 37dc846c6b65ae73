//! The pack file format (`data/<code>/pack.toml`) and its compiled form.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use frontline_core::{fold_word, ActorId};
use serde::Deserialize;

use crate::lexicon::{FirstWords, Lexicon};
use crate::tokens::{tokenize, Token, WordRules};
use crate::PackError;

/// What a trigger word does in a sentence; the engine gives each kind its reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TriggerKind {
    /// The subject takes the places that follow ("ont repris", "seized").
    Take,
    /// The places fall to the actor that follows ("fell to", "tombées aux mains de").
    Fall,
    /// The subject leaves the places that follow ("withdrew from").
    Withdraw,
    /// Bombing from the air ("frappes aériennes", "airstrikes", "raids").
    AirStrike,
    /// Shelling, artillery, rockets, missiles.
    Shelling,
    /// Bombing that may come from the air or the ground ("bombarded", "a bombardé"): an
    /// air strike when aircraft are named or the attacker flies, else shelling.
    Bombard,
    /// An attack by an armed group ("attacked", "ont attaqué"): an air strike when aircraft
    /// carry it, else an armed clash.
    Assault,
    /// Fighting between two armed sides.
    Clash,
    /// Damage whose cause is the attack last mentioned ("was destroyed", "touchés").
    Damage,
    /// People fleeing ("fuient", "fled", "displacement").
    Flee,
    /// A death toll cue ("tués", "killed").
    Kill,
    /// An injury cue ("blessés", "wounded").
    Wound,
}

/// A trigger as found: its kind and how sure a reading it gives.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trigger {
    pub kind: TriggerKind,
    pub confidence: f64,
}

/// Which side of a construction a marker belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegionSide {
    /// "rural Idlib", "la campagne d'Idlib": the region word precedes the name.
    Before,
    /// "Idlib province", "Hama countryside": it follows.
    After,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PackFile {
    code: String,
    words: WordsSection,
    dates: DatesSection,
    numbers: NumbersSection,
    places: PlacesSection,
    events: EventsSection,
    actors: Vec<ActorEntry>,
    triggers: Vec<TriggerEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WordsSection {
    #[serde(default)]
    elisions: Vec<String>,
    #[serde(default)]
    clitics: Vec<String>,
    abbreviations: Vec<String>,
    function_words: Vec<String>,
    subject_pronouns: Vec<String>,
    caption_markers: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DatesSection {
    months: Vec<Vec<String>>,
    weekdays: Vec<Vec<String>>,
    relative_days: Vec<RelativeDay>,
    since: Vec<String>,
    recent: Vec<String>,
    past_tense: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RelativeDay {
    words: Vec<String>,
    offset: i64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NumbersSection {
    words: HashMap<String, u64>,
    vague: Vec<VagueQuantity>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VagueQuantity {
    words: Vec<String>,
    value: u64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlacesSection {
    place_nouns: Vec<String>,
    region_before: Vec<String>,
    region_after: Vec<String>,
    directions: Vec<String>,
    near_markers: Vec<String>,
    landmark_markers: Vec<String>,
    locatives: Vec<String>,
    facility_nouns: Vec<String>,
    origin_markers: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EventsSection {
    partial: Vec<String>,
    list_connectors: Vec<String>,
    list_introducers: Vec<String>,
    hypothetical: Vec<String>,
    #[serde(default)]
    hypothetical_suffixes: Vec<String>,
    aggregate: Vec<String>,
    allies: Vec<String>,
    previous_holder: Vec<String>,
    organisations: Vec<String>,
    claim_markers: Vec<String>,
    agent_markers: Vec<String>,
    aerial: Vec<String>,
    victims: Vec<String>,
    demonyms: Vec<ActorEntry>,
    civilians: Vec<String>,
    children: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorEntry {
    id: String,
    #[serde(alias = "words")]
    names: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TriggerEntry {
    kind: TriggerKind,
    words: Vec<String>,
    #[serde(default = "default_confidence")]
    confidence: f64,
}

fn default_confidence() -> f64 {
    0.8
}

/// A language pack ready for use: every list compiled into a [`Lexicon`].
#[derive(Debug, Clone)]
pub struct LanguagePack {
    pub code: String,
    pub rules: WordRules,
    /// Folded words ending in "." that do not end a sentence ("m.", "gen.").
    pub abbreviations: HashSet<String>,
    /// Folded words that are never names even when capitalized ("les", "the").
    pub function_words: HashSet<String>,
    pub subject_pronouns: Lexicon<()>,
    pub caption_markers: Lexicon<()>,
    /// Month number 1..=12.
    pub months: Lexicon<u32>,
    /// Weekday number 0 (Monday) ..= 6.
    pub weekdays: Lexicon<u32>,
    pub relative_days: Lexicon<i64>,
    pub since: Lexicon<()>,
    pub recent: Lexicon<()>,
    pub past_tense: Lexicon<()>,
    pub number_words: Lexicon<u64>,
    pub vague_quantities: Lexicon<u64>,
    pub place_nouns: Lexicon<()>,
    pub region_words: Lexicon<RegionSide>,
    pub directions: Lexicon<()>,
    pub near_markers: Lexicon<()>,
    pub landmark_markers: Lexicon<()>,
    /// Words that put a place inside a larger one right after it: "Binnish *in* Idlib".
    pub locatives: Lexicon<()>,
    pub facility_nouns: Lexicon<()>,
    pub origin_markers: Lexicon<()>,
    pub partial: Lexicon<()>,
    pub list_connectors: Lexicon<()>,
    pub list_introducers: Lexicon<()>,
    pub hypothetical: Lexicon<()>,
    pub hypothetical_suffixes: Vec<String>,
    pub aggregate: Lexicon<()>,
    pub allies: Lexicon<()>,
    pub previous_holder: Lexicon<()>,
    pub organisations: Lexicon<()>,
    pub claim_markers: Lexicon<()>,
    /// Words that introduce who did something, after the deed: "by", "par", "du".
    pub agent_markers: Lexicon<()>,
    /// Words for aircraft and air forces: what makes a bombing an air strike.
    pub aerial: Lexicon<()>,
    /// Nouns for people killed or wounded: "civilians", "soldats".
    pub victims: Lexicon<()>,
    /// Nationality words that join a named actor: "Russian and *Syrian* warplanes".
    pub demonyms: Lexicon<ActorId>,
    pub civilians: Lexicon<()>,
    pub children: Lexicon<()>,
    pub actors: Lexicon<ActorId>,
    pub triggers: Lexicon<Trigger>,
    /// For each word's key, the lexicons with a phrase starting with it (one bit each).
    first_words: HashMap<u64, u64>,
}

impl LanguagePack {
    /// Reads a pack from its TOML text; `origin` names it in errors.
    pub fn from_toml(source: &str, origin: &str) -> Result<LanguagePack, PackError> {
        let file: PackFile = toml::from_str(source)
            .map_err(|e| PackError::Syntax { origin: origin.to_string(), message: e.to_string() })?;
        compile(file, origin)
    }

    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        let mut tokens = tokenize(text, &self.rules);
        for token in &mut tokens {
            token.first_of = self.first_words.get(&token.key).copied().unwrap_or(0);
        }
        tokens
    }

    /// Gives each lexicon a bit and records, for each word, the lexicons with a phrase
    /// starting with it: one lookup per token then spares the others theirs.
    fn index_first_words(&mut self) {
        let mut first_words: HashMap<u64, u64> = HashMap::default();
        for (index, lexicon) in self.lexicons_mut().into_iter().enumerate().take(64) {
            let bit = 1u64 << index;
            lexicon.set_bit(bit);
            for key in lexicon.first_word_keys() {
                *first_words.entry(key).or_default() |= bit;
            }
        }
        self.first_words = first_words;
    }

    /// Every lexicon of the pack (one left out is only looked up the slow way).
    fn lexicons_mut(&mut self) -> Vec<&mut dyn FirstWords> {
        vec![
            &mut self.subject_pronouns,
            &mut self.caption_markers,
            &mut self.months,
            &mut self.weekdays,
            &mut self.relative_days,
            &mut self.since,
            &mut self.recent,
            &mut self.past_tense,
            &mut self.number_words,
            &mut self.vague_quantities,
            &mut self.place_nouns,
            &mut self.region_words,
            &mut self.directions,
            &mut self.near_markers,
            &mut self.landmark_markers,
            &mut self.locatives,
            &mut self.facility_nouns,
            &mut self.origin_markers,
            &mut self.partial,
            &mut self.list_connectors,
            &mut self.list_introducers,
            &mut self.hypothetical,
            &mut self.aggregate,
            &mut self.allies,
            &mut self.previous_holder,
            &mut self.organisations,
            &mut self.claim_markers,
            &mut self.agent_markers,
            &mut self.aerial,
            &mut self.victims,
            &mut self.demonyms,
            &mut self.civilians,
            &mut self.children,
            &mut self.actors,
            &mut self.triggers,
        ]
    }

    /// Whether a folded word is a function word, or starts with an elided one ("l'armee").
    pub fn is_function_word(&self, folded: &str) -> bool {
        self.function_words.contains(folded)
            || folded.find('\'').is_some_and(|at| self.function_words.contains(&folded[..=at]))
    }
}

fn invalid(origin: &str, message: String) -> PackError {
    PackError::Invalid { origin: origin.to_string(), message }
}

fn compile(file: PackFile, origin: &str) -> Result<LanguagePack, PackError> {
    let rules = WordRules::new(
        file.words.elisions.iter().map(|w| fold_word(w)).collect(),
        file.words.clitics.iter().map(|w| fold_word(w)).collect(),
    );
    let set = |words: &[String]| Lexicon::new(words.iter().map(|w| (w.as_str(), ())), &rules);
    let numbered = |groups: &[Vec<String>], expected: usize, base: u32, what: &str| {
        if groups.len() != expected {
            return Err(invalid(origin, format!("{what}: expected {expected} entries, found {}", groups.len())));
        }
        Ok(Lexicon::new(
            groups.iter().enumerate().flat_map(|(i, names)| names.iter().map(move |n| (n.as_str(), i as u32 + base))),
            &rules,
        ))
    };
    let actor_lexicon = |entries: &[ActorEntry]| -> Result<Lexicon<ActorId>, PackError> {
        let mut names = Vec::new();
        for entry in entries {
            let id =
                ActorId::parse(&entry.id).ok_or_else(|| invalid(origin, format!("unknown actor id {:?}", entry.id)))?;
            names.extend(entry.names.iter().map(|n| (n.as_str(), id)));
        }
        Ok(Lexicon::new(names, &rules))
    };
    let mut triggers = Vec::new();
    for entry in &file.triggers {
        if !(0.0..=1.0).contains(&entry.confidence) {
            return Err(invalid(origin, format!("trigger confidence {} is not in 0..1", entry.confidence)));
        }
        let trigger = Trigger { kind: entry.kind, confidence: entry.confidence };
        triggers.extend(entry.words.iter().map(|w| (w.as_str(), trigger)));
    }
    let region_words = file
        .places
        .region_before
        .iter()
        .map(|w| (w.as_str(), RegionSide::Before))
        .chain(file.places.region_after.iter().map(|w| (w.as_str(), RegionSide::After)));
    let mut pack = LanguagePack {
        abbreviations: file.words.abbreviations.iter().map(|w| fold_word(w)).collect(),
        function_words: file.words.function_words.iter().map(|w| fold_word(w)).collect(),
        subject_pronouns: set(&file.words.subject_pronouns),
        caption_markers: set(&file.words.caption_markers),
        months: numbered(&file.dates.months, 12, 1, "dates.months")?,
        weekdays: numbered(&file.dates.weekdays, 7, 0, "dates.weekdays")?,
        relative_days: Lexicon::new(
            file.dates.relative_days.iter().flat_map(|r| r.words.iter().map(move |w| (w.as_str(), r.offset))),
            &rules,
        ),
        since: set(&file.dates.since),
        recent: set(&file.dates.recent),
        past_tense: set(&file.dates.past_tense),
        number_words: Lexicon::new(file.numbers.words.iter().map(|(w, v)| (w.as_str(), *v)), &rules),
        vague_quantities: Lexicon::new(
            file.numbers.vague.iter().flat_map(|q| q.words.iter().map(move |w| (w.as_str(), q.value))),
            &rules,
        ),
        place_nouns: set(&file.places.place_nouns),
        region_words: Lexicon::new(region_words, &rules),
        directions: set(&file.places.directions),
        near_markers: set(&file.places.near_markers),
        landmark_markers: set(&file.places.landmark_markers),
        locatives: set(&file.places.locatives),
        facility_nouns: set(&file.places.facility_nouns),
        origin_markers: set(&file.places.origin_markers),
        partial: set(&file.events.partial),
        list_connectors: set(&file.events.list_connectors),
        list_introducers: set(&file.events.list_introducers),
        hypothetical: set(&file.events.hypothetical),
        hypothetical_suffixes: file.events.hypothetical_suffixes.iter().map(|w| fold_word(w)).collect(),
        aggregate: set(&file.events.aggregate),
        allies: set(&file.events.allies),
        previous_holder: set(&file.events.previous_holder),
        organisations: set(&file.events.organisations),
        claim_markers: set(&file.events.claim_markers),
        agent_markers: set(&file.events.agent_markers),
        aerial: set(&file.events.aerial),
        victims: set(&file.events.victims),
        demonyms: actor_lexicon(&file.events.demonyms)?,
        civilians: set(&file.events.civilians),
        children: set(&file.events.children),
        actors: actor_lexicon(&file.actors)?,
        triggers: Lexicon::new(triggers, &rules),
        rules,
        code: file.code,
        first_words: HashMap::default(),
    };
    pack.index_first_words();
    Ok(pack)
}
