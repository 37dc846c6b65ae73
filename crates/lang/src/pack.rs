//! The pack file format (`data/<code>/pack.toml`) and its compiled form.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use frontline_core::{fold_word, ActorId, SubEventType};
use serde::Deserialize;

use crate::clitics::{Clitics, Vocabulary};
use crate::lexicon::{FirstWords, KeyTable, Lexicon, LexiconBits, Pattern, LEXICON_BITS};
use crate::tokens::{tokenize, Token, TokenKind, WordRules};
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
    /// Shelling: artillery, mortars, shells.
    Shelling,
    /// Bombing or projectiles that may come from the air or the ground ("bombarded", "a
    /// bombardé", "missiles", "rockets"): an air strike when aircraft are named or the
    /// attacker flies (docs/annotation.md §3: missiles from jets are air strikes), else
    /// shelling.
    Bombard,
    /// An attack by an armed group ("attacked", "ont attaqué"): an air strike when aircraft
    /// carry it, else an armed clash.
    Assault,
    /// Targeting that names no means of its own ("استهدف": targeted): an air strike when
    /// aircraft are named or the attacker flies, shelling when the sentence names ground
    /// fire, else the attack told just before it going on; alone, no event (people are
    /// targeted by gunfire, raids and bombs as much as by shells).
    Target,
    /// Fighting between two armed sides.
    Clash,
    /// One side's assault on a place ("stormed", "pris d'assaut"): read as fighting there,
    /// but it is the move that takes the place, so the taking, when told, is the battle.
    Storm,
    /// Damage whose cause is the attack last mentioned ("was destroyed", "touchés"), or that
    /// attack named again where it happened ("the blast took place in", "وقع الانفجار في").
    Damage,
    /// People fleeing ("fuient", "fled", "displacement").
    Flee,
    /// A death toll cue ("tués", "killed").
    Kill,
    /// An injury cue ("blessés", "wounded").
    Wound,
    /// A word that names an event of one sub-event type on its own ("roadside bomb",
    /// "arrested", "protest", "ceasefire"): the trigger entry gives the type; the agent is
    /// actor1 and the sentence's sites are its places.
    Incident,
    /// Security forces acting against a protest ("dispersed", "fired on the demonstrators"):
    /// makes the protest of its sentence a protest with intervention.
    Intervention,
}

impl TriggerKind {
    /// The kind's name as features write it: the variant's, as `{:?}` writes it, without
    /// the formatting machinery.
    pub fn name(self) -> &'static str {
        match self {
            TriggerKind::Take => "Take",
            TriggerKind::Fall => "Fall",
            TriggerKind::Withdraw => "Withdraw",
            TriggerKind::AirStrike => "AirStrike",
            TriggerKind::Shelling => "Shelling",
            TriggerKind::Bombard => "Bombard",
            TriggerKind::Assault => "Assault",
            TriggerKind::Target => "Target",
            TriggerKind::Clash => "Clash",
            TriggerKind::Storm => "Storm",
            TriggerKind::Damage => "Damage",
            TriggerKind::Flee => "Flee",
            TriggerKind::Kill => "Kill",
            TriggerKind::Wound => "Wound",
            TriggerKind::Incident => "Incident",
            TriggerKind::Intervention => "Intervention",
        }
    }

    /// A change of who holds ground.
    pub fn is_territorial(self) -> bool {
        matches!(self, TriggerKind::Take | TriggerKind::Fall | TriggerKind::Withdraw)
    }

    /// Fighting or fire: what wins a place by force, or tells that a deployment met
    /// resistance.
    pub fn is_fighting(self) -> bool {
        matches!(
            self,
            TriggerKind::Clash
                | TriggerKind::Storm
                | TriggerKind::Assault
                | TriggerKind::Shelling
                | TriggerKind::Bombard
                | TriggerKind::AirStrike
        )
    }
}

/// A trigger as found: its kind and how sure a reading it gives.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trigger {
    pub kind: TriggerKind,
    pub confidence: f64,
    /// The sub-event type an incident trigger names.
    pub sub_event_type: Option<SubEventType>,
    /// The only side that uses what the trigger names (barrel bombs are the Syrian
    /// government's): its actor where the text names none.
    pub actor: Option<ActorId>,
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
    /// Whether names are written with capitals (false: names are found by the gazetteer and
    /// by place nouns instead).
    #[serde(default = "yes")]
    cased: bool,
    /// Ranges of code points ("0600-06FF") of a script only this language writes: a text
    /// mostly in those letters is in this language, however short.
    #[serde(default)]
    script: Vec<String>,
    /// Letter forms read as one letter ("ة" = "ه"); "" drops the letter.
    #[serde(default)]
    letter_variants: HashMap<String, String>,
    /// Each string: the ten digits 0..9 of another script.
    #[serde(default)]
    digits: Vec<String>,
    /// Prefixes written joined to the next word (conjunctions, prepositions), each with what
    /// the word gets back when one is split off ("لل" = "ال": the article's alef is not
    /// written after "ل").
    #[serde(default)]
    proclitics: HashMap<String, String>,
    /// Proclitics that seldom stand before a word of two letters: after them, what remains
    /// keeps three letters or more to be split off.
    #[serde(default)]
    longer_stems_after: Vec<String>,
    /// Proclitics that lead a pair of proclitics before a name of three letters or fewer
    /// ("وبحلب": and in Aleppo); after any other pair such a name is a word of its own.
    #[serde(default)]
    pairs_before_short_names: Vec<String>,
    /// Suffixes written joined to the word before (attached pronouns).
    #[serde(default)]
    enclitics: Vec<String>,
    /// A word's final letter as written before an enclitic, and as written alone ("ت" = "ة").
    #[serde(default)]
    bound_forms: HashMap<String, String>,
    /// Person and number affixes of verbs, "-" standing for the stem ("-وا": they did;
    /// "ي-ون": they do): an unknown word that is a listed word with one of them is read as
    /// that word.
    #[serde(default)]
    inflections: Vec<String>,
    /// Marks of the script that do the work of a Latin one ("،" = ",", "؛" = ";"): where a
    /// clause or a list breaks, the engine reads them as that mark.
    #[serde(default)]
    punctuation: HashMap<String, String>,
    abbreviations: Vec<String>,
    function_words: Vec<String>,
    /// Letters that `letter_variants` folds but that set a function word apart from a name
    /// ("ى": the preposition "على" is not the name "علي"): a function word written with one of
    /// them is that word only where the text writes it so.
    #[serde(default)]
    function_word_letters: Vec<String>,
    subject_pronouns: Vec<String>,
    caption_markers: Vec<String>,
    /// Auxiliaries of a compound tense ("a", "ont", "has"): an adverb may stand between one
    /// and its participle ("a aujourd'hui libéré", "has reportedly seized").
    #[serde(default)]
    auxiliaries: Vec<String>,
    /// The adverbs that may so stand inside a verb, and the endings that make a word one
    /// ("-ment", "-ly").
    #[serde(default)]
    inserted_adverbs: Vec<String>,
    #[serde(default)]
    adverb_endings: Vec<String>,
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
    /// Words that may stand between a month and its year ("نوفمبر عام 2013").
    #[serde(default)]
    year_words: Vec<String>,
    /// Words before a year alone that make it a date ("in 2018", "en 2018", "عام 2018").
    #[serde(default)]
    year_leads: Vec<String>,
    /// Words after a month that make it the last such month before publication
    /// ("أيلول الماضي": last September).
    #[serde(default)]
    last_month_words: Vec<String>,
    /// Words beside a weekday that make it a past one, not the day of publication ("last
    /// Tuesday", "mardi dernier", "الثلاثاء الماضي" in a report of a Tuesday: a week before).
    #[serde(default)]
    past_qualifiers: Vec<String>,
    /// The month before the month of publication, named as such ("last month", "le mois
    /// dernier", "الشهر الماضي").
    #[serde(default)]
    previous_month: Vec<String>,
    /// The seasons, winter first, then spring, summer and autumn: with a year ("à
    /// l'automne 2011", "in the summer of 2012", "صيف 2012") each is that season's months.
    #[serde(default)]
    seasons: Vec<Vec<String>>,
    /// Words before a month that make it a time ("in October", "en octobre", "في تشرين"):
    /// the last such month on or before publication. Without them a month name may be
    /// another word ("may").
    #[serde(default)]
    month_leads: Vec<String>,
    /// Words between two days of one month that make them one stretch ("August 9th and
    /// 10th", "les 9 et 10 août", "du 9 au 12 mars", "يومي 9 و10 آب").
    #[serde(default)]
    day_joiners: Vec<String>,
    /// A time back from publication: words before the count ("il y a", "قبل"), words after
    /// the unit ("ago"), and the units with their days ("three weeks ago", "il y a trois
    /// semaines", "قبل ثلاثة أسابيع"; a dual counts itself: "قبل يومين").
    #[serde(default)]
    ago_leads: Vec<String>,
    #[serde(default)]
    ago_follows: Vec<String>,
    #[serde(default)]
    time_units: Vec<TimeUnit>,
    /// A stretch that ends at publication: words before a count and its unit ("over the
    /// past two days", "au cours des", "خلال") and words that may follow the count or the
    /// unit ("48 dernières heures", "24 ساعة الماضية").
    #[serde(default)]
    span_leads: Vec<String>,
    /// Relative days that count from the day their sentence named before them, when it
    /// named one ("late Tuesday ... earlier in the day", "vendredi ... la veille").
    #[serde(default)]
    anaphoric_days: Vec<String>,
    #[serde(default)]
    span_follows: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TimeUnit {
    words: Vec<String>,
    #[serde(default)]
    days: u64,
    /// A unit shorter than a day gives its hours instead ("heures", "ساعة").
    #[serde(default)]
    hours: u64,
    /// A plural names no count of its own ("il y a des semaines", "قبل أيام"): only with a
    /// number before it is it a time back.
    #[serde(default)]
    plural: bool,
    /// The count a dual carries ("أسبوعين": two weeks).
    #[serde(default)]
    count: Option<u64>,
}

/// A word for a unit of time, as a time back from publication reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnitOfTime {
    /// Its days; 0 for a unit shorter than a day.
    pub days: u64,
    /// Its hours, for a unit shorter than a day; 0 otherwise.
    pub hours: u64,
    /// A plural, which needs a number before it.
    pub plural: bool,
    /// The count the word carries itself (a dual).
    pub count: Option<u64>,
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
    /// The place nouns in the plural or the dual ("قرى", "بلدتي"): only they announce a list
    /// of names whose items a comma parts.
    #[serde(default)]
    list_place_nouns: Vec<String>,
    region_before: Vec<String>,
    region_after: Vec<String>,
    directions: Vec<String>,
    near_markers: Vec<String>,
    /// A direction or a distance from a place ("east of", "à 5 km de", "شرق").
    #[serde(default)]
    bearing_markers: Vec<String>,
    landmark_markers: Vec<String>,
    locatives: Vec<String>,
    facility_nouns: Vec<String>,
    /// Titles and given names after which a name is a person's ("President Assad").
    #[serde(default)]
    person_titles: Vec<String>,
    /// Nouns of news outlets ("agency", "TV", "قناة"): a name right before or after one is
    /// the outlet's.
    #[serde(default)]
    outlet_nouns: Vec<String>,
    origin_markers: Vec<String>,
    /// Words that stand right before a name where the script has no capitals to show one
    /// (prepositions of place): a one-word name the gazetteer knows counts only after them.
    #[serde(default)]
    name_cues: Vec<String>,
    /// Nouns of time, measure and kind ("hour", "kilometre", "type"): never a name nor the
    /// start of one, whatever cue or place noun stands before them.
    #[serde(default)]
    not_names: Vec<String>,
    /// Settlements by kind ("city", "town", "village"): the nouns that announce a name of
    /// that kind, and the definite phrases that refer back to one named before.
    #[serde(default)]
    settlements: std::collections::BTreeMap<String, SettlementEntry>,
    /// Words right after a definite place noun that make it another place than one named
    /// before ("the *neighbouring* village", "the *industrial* city").
    #[serde(default)]
    other_place_words: Vec<String>,
    /// Adjectives that, right after a place noun, say what kind of place it is rather than
    /// name it ("a *nearby* area", "*new* villages"): alone they are no name.
    #[serde(default)]
    place_qualifiers: Vec<String>,
    /// Endings of an adjective of relation (Arabic nisba "ـية": "منطقة صحراوية", a desert
    /// area): an indefinite word ending so right after a place noun qualifies it, as the
    /// `place_qualifiers` do, unless a place is named exactly so.
    #[serde(default)]
    qualifier_endings: Vec<String>,
    /// Endings of a dual or plural noun in its absolute state (Arabic "ـين", "ـان"): a noun
    /// so written is in no construct and announces no name ("بلدتين محاصرتين": two besieged
    /// towns), while its construct state drops them ("بلدتي X وY": the towns of X and Y).
    #[serde(default)]
    absolute_endings: Vec<String>,
    /// Beginnings that make a word definite (Arabic "ال"): a definite word is no qualifier of
    /// an indefinite noun, whatever its ending.
    #[serde(default)]
    definite_starts: Vec<String>,
    /// Definite titles that head a name in construct with a person's name (Arabic "الشيخ
    /// رسلان", "السيدة زينب"): the one exception to a definite word heading no construct.
    #[serde(default)]
    name_titles: Vec<String>,
    /// Beginnings of a word that make it a prepositional phrase, not the name a place noun
    /// announces (Arabic "للنازحين": for the displaced; a name follows its noun directly).
    #[serde(default)]
    not_name_starts: Vec<String>,
    /// Endings of a word that make it no name: an attached pronoun (Arabic "يقطنها": lives
    /// in it), which no village's name carries.
    #[serde(default)]
    not_name_ends: Vec<String>,
    /// Words whose preposition after them takes their object, not a place ("تطالب
    /// بالحرية": demanding freedom, whatever village is called so).
    #[serde(default)]
    governing_words: Vec<String>,
    /// Words that set a place between two named ones ("between"): near the first, the
    /// second only bounds it.
    #[serde(default)]
    between_markers: Vec<String>,
    /// Words of sameness ("the *same* road", "the area *itself*"): with one of
    /// `same_place_nouns` before or after them, they refer back to the place last named.
    #[serde(default)]
    sameness_words: Vec<String>,
    /// Nouns of places and ways that a word of sameness makes a reference back ("road",
    /// "area", "town").
    #[serde(default)]
    same_place_nouns: Vec<String>,
    /// Plural place nouns that refer back to the list of places last named ("the army
    /// entered *the villages*", "*ces localités*", "*تلك القرى*").
    #[serde(default)]
    list_anaphors: Vec<String>,
    /// How many words may stand between the determiner of a definite place noun and the
    /// noun: adjectives before it ("la *grande* ville", "the *besieged* town"); none where
    /// adjectives follow the noun.
    #[serde(default)]
    modifiers_before_noun: usize,
}

/// One kind of settlement: "the *town* of X" names one; "the town", later, refers to it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SettlementEntry {
    nouns: Vec<String>,
    /// Nouns that name the kind after the name, where the language allows it ("the Dweila
    /// *neighbourhood*").
    #[serde(default)]
    nouns_after: Vec<String>,
    anaphors: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EventsSection {
    partial: Vec<String>,
    list_connectors: Vec<String>,
    list_introducers: Vec<String>,
    hypothetical: Vec<String>,
    /// Words that open a purpose clause ("in order to", "afin de", "بهدف"): what follows them
    /// is aimed at, not done; the deed told before them still happened.
    #[serde(default)]
    purpose_markers: Vec<String>,
    #[serde(default)]
    hypothetical_suffixes: Vec<String>,
    /// Auxiliaries of the past or of continuance that, before an imperfect verb, tell what
    /// went on over time rather than what happened ("was shelling", "used to target", "is
    /// still besieging"): background.
    #[serde(default)]
    habitual_auxiliaries: Vec<String>,
    /// Auxiliaries of the pluperfect, right before the verb they govern ("had taken", "avait
    /// arrêté"): what happened before the time the report tells of.
    #[serde(default)]
    anterior_auxiliaries: Vec<String>,
    /// What a place has been undergoing, or a side is engaged in, over time ("has seen
    /// heavy fighting", "is battling", "a connu des combats"): fighting it governs is a
    /// state of affairs, not an event of the report's day.
    #[serde(default)]
    ongoing_states: Vec<String>,
    /// Prefixes that mark a verb's imperfect (its person prefixes, where the language has
    /// them).
    #[serde(default)]
    imperfect_prefixes: Vec<String>,
    /// Relative pronouns ("which", "that"): a clause opened by one right after a place
    /// tells of that place.
    #[serde(default)]
    relative_pronouns: Vec<String>,
    /// Participles of saying that open a reported clause after a mark ("، مضيفا أن",
    /// ", adding that"): the clause before ends at the mark.
    #[serde(default)]
    reported_clause_leads: Vec<String>,
    /// Words that say who did a deed is not known ("unknown", "unidentified"): an actor
    /// they qualify, or they alone, name no one.
    #[serde(default)]
    unidentified: Vec<String>,
    /// Words that tie armed men to their side ("loyal to", "تابعة ل"): bare armed men
    /// followed by them and a named side are that side's.
    #[serde(default)]
    affiliations: Vec<String>,
    /// Words that send people somewhere ("to", "towards"): after a word of flight, the
    /// places that follow them are where people went, not where they fled from.
    #[serde(default)]
    flight_destinations: Vec<String>,
    /// Words before the side a place is handed over to ("handed over the town to the army",
    /// "سلمت المدينة للجيش"): that side gains it.
    #[serde(default)]
    handover_recipients: Vec<String>,
    /// Nouns of property ("houses", "farmland"): seized, they are looted, not ground taken.
    #[serde(default)]
    property_nouns: Vec<String>,
    /// Small words between an attack word and what it aims at ("opened fire on the", "sur
    /// les", "على"): a settlement right after them is the target.
    #[serde(default)]
    aim_words: Vec<String>,
    /// Words of seizing, finding, handing over or storing weapons ("seized", "a cache of",
    /// "ضبط"): a weapon word they govern names arms held, not an attack.
    #[serde(default)]
    weapon_holding: Vec<String>,
    /// Head nouns of armed or ruling bodies ("forces", "regime", "party"): a name right
    /// before one names whose the body is ("Assad forces"), not a place.
    #[serde(default)]
    actor_heads: Vec<String>,
    aggregate: Vec<String>,
    /// Stretches of time before a noun of a deed ("weeks of", "des mois de").
    #[serde(default)]
    durations: Vec<String>,
    allies: Vec<String>,
    /// "backed by", "appuyée par", "بدعم من": the actor after it backs the one before.
    #[serde(default)]
    backing: Vec<String>,
    /// Actor names that say what kind of fighter, not whose ("les terroristes", "jihadists"):
    /// before an agent marker and a named group, the group is the actor.
    #[serde(default)]
    generic_fighters: Vec<String>,
    /// Nouns of armed bodies, men or machines ("قوات", "forces", "drone"): with a nationality
    /// word next to them ("قوات تركية", "Turkish troops") they name that state's forces.
    #[serde(default)]
    armed_bodies: Vec<String>,
    previous_holder: Vec<String>,
    organisations: Vec<String>,
    claim_markers: Vec<String>,
    /// Words by which a side owns an attack ("claimed responsibility", "a revendiqué", "تبنى").
    #[serde(default)]
    responsibility: Vec<String>,
    /// Words for the people of a place ("residents of", « habitants de », "أهالي").
    #[serde(default)]
    residents: Vec<String>,
    agent_markers: Vec<String>,
    /// "par", "by", "من قبل": the agent of a passive, which may stand some words after the
    /// deed, past its object ("des roquettes lancées par les rebelles").
    #[serde(default)]
    passive_agent: Vec<String>,
    /// Words that open a participial clause after a comma ("en" of "en tirant"): with a
    /// word of `participle_suffixes` after them, or that word alone, the clause's doer is
    /// the main clause's subject ("..., firing shells").
    #[serde(default)]
    gerund_openers: Vec<String>,
    /// Words that open a clause put before the main one and sharing its subject ("After
    /// shelling the town, the army ...", "Après avoir pilonné le quartier, l'armée ...").
    #[serde(default)]
    fronted_clause_openers: Vec<String>,
    /// Words that introduce the means a deed was done with ("with", "بـ"): an aircraft or a
    /// force of a named side after them did the deed.
    #[serde(default)]
    instrument_markers: Vec<String>,
    /// Words by which one side blames another for a deed ("accused", "اتهم"): the side after
    /// them is who the report says did it.
    #[serde(default)]
    blame_markers: Vec<String>,
    #[serde(default)]
    participle_suffixes: Vec<String>,
    /// Whether an actor right after a trigger is its agent: verb-subject order ("قصفت قوات
    /// النظام") and a verbal noun's agent as its genitive ("قصف قوات النظام").
    #[serde(default)]
    agent_right_after_trigger: bool,
    /// Endings by which a verb agrees in person with its subject, and endings of nouns that
    /// look like them but make plurals.
    #[serde(default)]
    agreement_endings: Vec<String>,
    #[serde(default)]
    plural_endings: Vec<String>,
    /// Nouns of units that head the phrase naming a subject ("*وحدات* الهندسة في الجيش"):
    /// an actor in that phrase, after a verb, is still its subject.
    #[serde(default)]
    unit_nouns: Vec<String>,
    aerial: Vec<String>,
    /// Words for forces on the ground ("troops", "tanks", "دوريات").
    #[serde(default)]
    ground_forces: Vec<String>,
    /// Words that say a place changed hands without fighting ("without a fight").
    #[serde(default)]
    non_violent: Vec<String>,
    /// Words before a participle of taking that make it describe the noun after it ("the
    /// recaptured town", "the newly liberated city"): background, no new take.
    #[serde(default)]
    attributive_leads: Vec<String>,
    /// Endings of a past participle ("-ed"): a trigger so ending between an attributive lead
    /// and a noun describes the noun ("the *downed* drone", "a *kidnapped* man"), told of
    /// a deed the report has told or takes as known, not a new one.
    #[serde(default)]
    past_participle_endings: Vec<String>,
    /// Words of people leaving a place in numbers ("began evacuating", "خروج"): done under an
    /// agreement, the agreement taking effect there.
    #[serde(default)]
    evacuation: Vec<String>,
    /// "and their families" after armed men: fighters who leave with their families leave
    /// under an agreement.
    #[serde(default)]
    families: Vec<String>,
    /// Proclitics that, joined to a verbal noun, make it a purpose ("لاستعادة": to regain).
    #[serde(default)]
    purpose_proclitics: Vec<String>,
    /// Particles that, written right before an infinitive of taking, make it a purpose ("an
    /// offensive to retake"), and the words before such a particle that make the infinitive
    /// a deed done ("managed to retake").
    #[serde(default)]
    purpose_particles: Vec<String>,
    #[serde(default)]
    achievement_leads: Vec<String>,
    /// Words of fighting off an attack ("repelled"): the attack's side named after them
    /// attacked.
    #[serde(default)]
    repelling: Vec<String>,
    /// Words that tell a force moved into a place or took position there without saying it
    /// fought ("a pris position à", "deployed in"): with no fighting in the sentence, a
    /// non-violent transfer.
    #[serde(default)]
    deployment: Vec<String>,
    /// Words that open what a deed was done under or after ("under", "following", "بموجب"):
    /// followed closely by a word of agreement, the deed was agreed.
    #[serde(default)]
    accord_leads: Vec<String>,
    /// Words before fighting that make it the way a place told beside it was won ("after",
    /// "à l'issue de", "عقب").
    #[serde(default)]
    fighting_leads: Vec<String>,
    /// Nouns of agreement ("deal", "reconciliation", "تسوية").
    #[serde(default)]
    accord_nouns: Vec<String>,
    /// Nouns of a group's kind that stand for the last such group named ("the jihadists",
    /// "التنظيم").
    #[serde(default)]
    group_anaphors: Vec<String>,
    /// Leads of a lapse after an earlier event ("days after", "au lendemain de").
    #[serde(default)]
    lapse_leads: Vec<String>,
    /// Prepositions that mark what a verb of control took, where the verb comes first ("على").
    #[serde(default)]
    object_prepositions: Vec<String>,
    /// Words that make the fighting after them the circumstance of another event ("amid",
    /// "au milieu de", "وسط").
    #[serde(default)]
    circumstance_leads: Vec<String>,
    /// Words of concession ("despite the truce", "malgré l'accord", "رغم الهدنة").
    #[serde(default)]
    concessive_leads: Vec<String>,
    /// Posts and men of an armed side ("a checkpoint", "army positions", "حاجز").
    #[serde(default)]
    military_objects: Vec<String>,
    /// Words that hedge whose a deed was ("believed to be", "يرجح أنها").
    #[serde(default)]
    attribution_hedges: Vec<String>,
    /// Words that introduce a quoted slogan ("reading", "scandant", "هتفوا").
    #[serde(default)]
    slogan_leads: Vec<String>,
    /// Openings of a sentence that recalls what the reader should know ("it is worth noting
    /// that", "pour rappel", "يذكر أن").
    #[serde(default)]
    background_leads: Vec<String>,
    /// Verbs of concluding that take a noun of agreement ("reached", "ont signé").
    #[serde(default)]
    concluding_verbs: Vec<String>,
    /// Verbs of gaining that take a noun of control ("imposed", "a repris").
    #[serde(default)]
    control_verbs: Vec<String>,
    /// Nouns of control ("control", "contrôle").
    #[serde(default)]
    control_nouns: Vec<String>,
    /// Verbs of bringing down that take a noun of an aircraft or a missile ("abattu").
    #[serde(default)]
    downing_verbs: Vec<String>,
    /// Nouns of what flies and can be brought down ("drone", "hélicoptère", "missile").
    #[serde(default)]
    airborne_weapons: Vec<String>,
    /// Verbs by which a place passes to the side named after them, before a noun of control
    /// ("came under regime control").
    #[serde(default)]
    yielding_verbs: Vec<String>,
    /// Phrases in which a trigger word has another sense, one that tells no event.
    #[serde(default)]
    other_senses: Vec<String>,
    /// Words that give a name to what comes before them ("dubbed", "تحت اسم").
    #[serde(default)]
    naming_words: Vec<String>,
    /// Words that tell an attempt failed ("failed to", "فشلت في").
    #[serde(default)]
    failure_markers: Vec<String>,
    /// Air-strike words that name a raid on the ground as well ("raid").
    #[serde(default)]
    raid_words: Vec<String>,
    /// Words by which a raid goes into a place ("raid into the village", "raid dans le
    /// camp"): aircraft strike on places, troops go into them.
    #[serde(default)]
    ground_entry: Vec<String>,
    /// The label a side gives its enemies ("terrorists"), naming no group.
    #[serde(default)]
    enemy_labels: Vec<String>,
    /// Adjectives of what recurs ("daily", "quotidiennes", "يومية").
    #[serde(default)]
    recurring: Vec<String>,
    /// Battle words that, right before a place's name, name a campaign ("the battle of Aleppo").
    #[serde(default)]
    campaign_names: Vec<String>,
    /// Words that make a weekday a coming one ("next Saturday", "samedi prochain").
    #[serde(default)]
    future_qualifiers: Vec<String>,
    /// Adjectives of what is awaited ("imminent", "مرتقب").
    #[serde(default)]
    awaited: Vec<String>,
    /// Words of a charge ("بتهمة", "accused of"): the deed right after them is what someone is
    /// accused of, no event the report tells.
    #[serde(default)]
    accusations: Vec<String>,
    /// Words that deny the deed a few words after them ("without any", "لم يسجل").
    #[serde(default)]
    denials: Vec<String>,
    /// Words that open what a protest is against ("against", "contre", "ضد").
    #[serde(default)]
    grievance_leads: Vec<String>,
    victims: Vec<String>,
    demonyms: Vec<ActorEntry>,
    /// Words that name the side holding a place ("rebel-held", "pro-régime").
    #[serde(default)]
    held_areas: Vec<ActorEntry>,
    civilians: Vec<String>,
    children: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorEntry {
    id: String,
    #[serde(alias = "words")]
    names: Vec<String>,
    /// Names matched only as written, capitals and all: "IS", which in lower case is a verb.
    #[serde(default)]
    acronyms: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TriggerEntry {
    kind: TriggerKind,
    words: Vec<String>,
    #[serde(default = "default_confidence")]
    confidence: f64,
    /// For `incident` triggers: ACLED's spelling of the sub-event type they name.
    #[serde(default)]
    sub_event_type: Option<String>,
    /// The actor id of the only side that uses the weapon the words name.
    #[serde(default)]
    actor: Option<String>,
}

fn default_confidence() -> f64 {
    0.8
}

fn yes() -> bool {
    true
}

/// A language pack ready for use: every list compiled into a [`Lexicon`].
#[derive(Debug, Clone)]
pub struct LanguagePack {
    pub code: String,
    pub rules: WordRules,
    /// Names are capitalised in this language's script.
    pub cased: bool,
    /// The code point ranges of a script only this language writes.
    pub script: Vec<(char, char)>,
    /// Marks of the script and the Latin mark each does the work of ("،" → ',').
    pub punctuation: Vec<(String, char)>,
    /// How words split off the clitics written joined to them.
    pub clitics: Clitics,
    /// Folded words ending in "." that do not end a sentence ("m.", "gen.").
    pub abbreviations: HashSet<String>,
    /// Folded words that are never names even when capitalized ("les", "the").
    pub function_words: HashSet<String>,
    /// Folded function words written with a letter of `function_word_letters`: each is that
    /// word only where the text writes one of those letters in it.
    spelled_function_words: HashSet<String>,
    function_word_letters: Vec<char>,
    /// Folded adjectives that after a place noun qualify it and are no name.
    pub place_qualifiers: HashSet<String>,
    /// Folded endings of adjectives of relation, and folded beginnings of definite words.
    qualifier_endings: Vec<String>,
    absolute_endings: Vec<String>,
    definite_starts: Vec<String>,
    name_titles: HashSet<String>,
    /// Folded beginnings of a word that is no name unless the gazetteer knows it.
    not_name_starts: Vec<String>,
    not_name_ends: Vec<String>,
    /// Words whose preposition takes their object (see the file's `governing_words`).
    pub governing_words: Lexicon<()>,
    pub subject_pronouns: Lexicon<()>,
    pub caption_markers: Lexicon<()>,
    /// Folded auxiliaries, adverbs and adverb endings (see the file's `auxiliaries`).
    auxiliaries: HashSet<String>,
    inserted_adverbs: HashSet<String>,
    adverb_endings: Vec<String>,
    /// Month number 1..=12.
    pub months: Lexicon<u32>,
    /// Weekday number 0 (Monday) ..= 6.
    pub weekdays: Lexicon<u32>,
    pub relative_days: Lexicon<i64>,
    pub since: Lexicon<()>,
    pub recent: Lexicon<()>,
    pub past_tense: Lexicon<()>,
    pub year_words: Lexicon<()>,
    /// Before a year alone: it is a date, the whole year.
    pub year_leads: Lexicon<()>,
    /// After a month: the last such month before publication.
    pub last_month_words: Lexicon<()>,
    /// Beside a weekday: a past one, a week back when publication falls on that day.
    pub past_qualifiers: Lexicon<()>,
    /// The whole month before the month of publication.
    pub previous_month: Lexicon<()>,
    /// Season number 0 (winter) ..= 3 (autumn).
    pub seasons: Lexicon<u32>,
    /// Before a month without a day or year: the last such month on or before publication.
    pub month_leads: Lexicon<()>,
    /// Between two days of one month: the days and those between them.
    pub day_joiners: Lexicon<()>,
    /// Before a count of time back from publication ("il y a", "قبل").
    pub ago_leads: Lexicon<()>,
    /// After a unit of time back from publication ("ago").
    pub ago_follows: Lexicon<()>,
    /// Units of time ("weeks", "يومين").
    pub time_units: Lexicon<UnitOfTime>,
    /// Before a count of time that ends at publication ("over the past", "خلال").
    pub span_leads: Lexicon<()>,
    /// Relative days counted from a day their sentence named before them.
    pub anaphoric_days: Lexicon<()>,
    /// After the count or its unit of such a stretch ("dernières", "الماضية").
    pub span_follows: Lexicon<()>,
    /// Numbers written in words, with their values; a token that is one alone is marked
    /// [`Token::number_word`].
    pub number_words: Lexicon<u64>,
    pub vague_quantities: Lexicon<u64>,
    pub place_nouns: Lexicon<()>,
    /// Folded place nouns that announce several names (see the file's `list_place_nouns`).
    list_place_nouns: HashSet<String>,
    pub region_words: Lexicon<RegionSide>,
    pub directions: Lexicon<()>,
    pub near_markers: Lexicon<()>,
    /// A direction or a distance from the place named after it: by a town, what happens is
    /// near it; from a governorate's name, in that part of the governorate.
    pub bearing_markers: Lexicon<()>,
    pub landmark_markers: Lexicon<()>,
    /// Words that put a place inside a larger one right after it: "Sarmin *in* Idlib".
    pub locatives: Lexicon<()>,
    pub facility_nouns: Lexicon<()>,
    /// Titles and given names after which a name is a person's, not a place ("President
    /// Bashar al-Assad", "le président Bachar el-Assad").
    pub person_titles: Lexicon<()>,
    /// Nouns of news outlets: a name right before or after one ("Hawar News Agency",
    /// "قناة الميادين") names the outlet, a source, not the town it may share a name with.
    pub outlet_nouns: Lexicon<()>,
    pub origin_markers: Lexicon<()>,
    pub name_cues: Lexicon<()>,
    /// Nouns of time, measure and kind that are never a name nor start one.
    pub not_names: Lexicon<()>,
    /// Nouns that announce a settlement's name ("the *town* of X"), with its kind: an index
    /// into `settlement_kinds`.
    pub settlement_nouns: Lexicon<u32>,
    /// Nouns right after a settlement's name that tell its kind ("the X *neighbourhood*"),
    /// as `settlement_nouns` do before it.
    pub settlement_nouns_after: Lexicon<u32>,
    /// Definite phrases that refer back to a settlement named before ("the town", "la
    /// localité", "البلدة"), with the kind they call it.
    pub place_anaphors: Lexicon<u32>,
    /// The nouns of the `place_anaphors` of more than one word, without their determiner
    /// ("ville" of "la ville"), with their kind: what a definite phrase with modifiers
    /// between determiner and noun ends with ("the *besieged* town").
    pub anaphor_nouns: Lexicon<u32>,
    /// How many modifiers may stand between an anaphor's determiner and its noun.
    pub modifiers_before_noun: usize,
    /// The kinds of settlement the pack tells apart, as its file names them.
    pub settlement_kinds: Vec<String>,
    /// Words after a definite place noun that make it another place ("le village *voisin*").
    pub other_place_words: Lexicon<()>,
    /// "between": of two places after it, the second only bounds what the first places.
    pub between_markers: Lexicon<()>,
    pub sameness_words: Lexicon<()>,
    pub same_place_nouns: Lexicon<()>,
    /// Plural place nouns that refer back to the list of places last named.
    pub list_anaphors: Lexicon<()>,
    pub partial: Lexicon<()>,
    pub list_connectors: Lexicon<()>,
    pub list_introducers: Lexicon<()>,
    /// Words that make what they govern hypothetical or intended, each with whether it opens
    /// a purpose clause ("in order to", "بهدف": true), which marks only what follows it.
    pub hypothetical: Lexicon<bool>,
    pub hypothetical_suffixes: Vec<String>,
    pub habitual_auxiliaries: Lexicon<()>,
    pub anterior_auxiliaries: Lexicon<()>,
    pub ongoing_states: Lexicon<()>,
    pub imperfect_prefixes: Vec<String>,
    /// Pronouns that open a relative clause ("who", "qui", "التي"): the noun before them is
    /// the clause's subject or object, the clause's verb its deed.
    pub relative_pronouns: Lexicon<()>,
    /// Participles of saying that open a reported clause after a mark: a clause break.
    pub reported_clause_leads: Lexicon<()>,
    pub unidentified: Lexicon<()>,
    /// Words that tie armed men to a side named after them ("gunmen loyal to the regime",
    /// "مجموعة مسلحة تابعة للنظام"): then the men are known; and the side a victims' unit
    /// belongs to ("فيلق الشام التابع لفصائل المعارضة") is the victims'. Looked up only at
    /// such men or sides, so it takes no bit of the index of first words.
    pub affiliations: Lexicon<()>,
    pub flight_destinations: Lexicon<()>,
    /// Before the side a place is handed over to. Looked up only after the place a side
    /// withdrew from, so it takes no bit of the index of first words.
    pub handover_recipients: Lexicon<()>,
    pub property_nouns: Lexicon<()>,
    /// Between an attack word and what it aims at.
    pub aim_words: Lexicon<()>,
    pub weapon_holding: Lexicon<()>,
    /// After a name, the body it names the owner of ("Assad forces"): no place.
    pub actor_heads: Lexicon<()>,
    pub aggregate: Lexicon<()>,
    /// Stretches of time before a noun of a deed ("weeks of bombardment", "des mois de
    /// siège"): the deed they govern went on over that time, background; the rest of the
    /// sentence may still tell the news ("after weeks of bombardment, the army took X").
    pub durations: Lexicon<()>,
    pub allies: Lexicon<()>,
    /// Words that name a side's backer or partner in a deed ("backed by", "in cooperation
    /// with", "بالاشتراك مع"): the side after them is the associate of the one before, not
    /// the subject of the verb.
    pub backing: Lexicon<()>,
    pub generic_fighters: Lexicon<()>,
    pub armed_bodies: Lexicon<()>,
    pub previous_holder: Lexicon<()>,
    pub organisations: Lexicon<()>,
    pub claim_markers: Lexicon<()>,
    /// Words by which a side owns an attack: the side named as their subject (or, after a
    /// passive, their agent) did the bombings the report tells of with no doer.
    pub responsibility: Lexicon<()>,
    /// Words for the people of a place: the place after them is where they live, and, when
    /// they flee, where they flee from.
    pub residents: Lexicon<()>,
    /// Words that introduce who did something, after the deed: "by", "par", "du".
    pub agent_markers: Lexicon<()>,
    /// Words that introduce the agent of a passive ("par", "by"), farther from the deed.
    pub passive_agent: Lexicon<()>,
    /// Words that open a participial clause ("en" tirant), and the endings of participles
    /// ("ant", "ing").
    pub gerund_openers: Lexicon<()>,
    pub participle_suffixes: Vec<String>,
    /// Words that open a clause put before the main one whose doer is its subject.
    pub fronted_clause_openers: Lexicon<()>,
    /// Words that introduce the means a deed was done with.
    pub instrument_markers: Lexicon<()>,
    /// Words by which one side blames another for a deed.
    pub blame_markers: Lexicon<()>,
    /// An actor right after a trigger is its agent, not its object: languages whose verbs
    /// come before their subjects and whose verbal nouns take their agent as a genitive.
    pub agent_right_after_trigger: bool,
    /// Endings of a verb conjugated for its subject ("قصفت": she shelled), which a verbal
    /// noun does not carry; a word ending in one of `plural_endings` ("غارات") is a noun.
    agreement_endings: Vec<String>,
    plural_endings: Vec<String>,
    /// Nouns of units heading a subject's phrase ("units of the army").
    pub unit_nouns: Lexicon<()>,
    /// Words for aircraft and air forces: what makes a bombing an air strike.
    pub aerial: Lexicon<()>,
    /// Words for forces on the ground: a side that strikes from the air does not when its
    /// troops or tanks are named as the doers ("Israeli troops raided the village").
    pub ground_forces: Lexicon<()>,
    /// Words that say a place changed hands without fighting: a take is then a
    /// non-violent transfer of territory.
    pub non_violent: Lexicon<()>,
    /// Words before a participle of taking that make it an attribute of the noun after it.
    pub attributive_leads: Lexicon<()>,
    /// Endings of a past participle, which after an attributive lead qualifies a noun.
    past_participle_endings: Vec<String>,
    /// Words of people leaving a place in numbers: under an agreement, it takes effect there.
    pub evacuation: Lexicon<()>,
    /// Words of families going with armed men ("militants and their families"): such a
    /// departure is an evacuation agreed, whether or not the sentence names the deal.
    pub families: Lexicon<()>,
    /// Proclitics that, joined to a verbal noun, make it a purpose.
    pub purpose_proclitics: Lexicon<()>,
    /// Particles that, right before an infinitive of taking, make it a purpose; and the
    /// words before one that make it a deed done.
    pub purpose_particles: Lexicon<()>,
    pub achievement_leads: Lexicon<()>,
    /// Words of fighting off an attack: the attack's side named after them attacked.
    pub repelling: Lexicon<()>,
    /// Words that tell a force moved into a place without saying it fought.
    pub deployment: Lexicon<()>,
    /// Words that open what a deed was done under or after ("under", "following").
    pub accord_leads: Lexicon<()>,
    /// Words before fighting that make it the way a place told beside it was won: "took
    /// the town after fierce clashes", "سيطرت على البلدة عقب اشتباكات". The taking codes
    /// that fighting; ACLED gives it no clash of its own.
    pub fighting_leads: Lexicon<()>,
    /// Nouns of agreement: after an accord lead, a place taken under one changed hands
    /// without a fight ("entered the town under a Russian-brokered deal").
    pub accord_nouns: Lexicon<()>,
    /// Nouns of a group's kind ("the jihadists", "le groupe", "التنظيم"): once the report
    /// has named a group such nouns stand for, they stand for it.
    pub group_anaphors: Lexicon<()>,
    /// Leads of a lapse ("days after", "au lendemain de", "بعد أيام من"): the trigger after
    /// one is an earlier event the sentence dates its own by.
    pub lapse_leads: Lexicon<()>,
    /// Prepositions that mark what a verb of control took, in a language whose verb comes
    /// first: its subject, with a relative clause, may stand between the two ("سيطر جيش
    /// الفتح الذي يضم ... على بلدة أريحا"). None where the subject comes first. Looked up
    /// only after a verb of control, so it takes no bit of the index of first words.
    pub object_prepositions: Lexicon<()>,
    /// Words that make the fighting after them the setting of another event the sentence
    /// tells ("fled amid clashes", "وسط اشتباكات", "au milieu des combats"), not an event of its own.
    pub circumstance_leads: Lexicon<()>,
    /// Words of concession ("despite", "malgré", "رغم"): the event word after one is the
    /// background the sentence's event happened in spite of, not news of its own.
    pub concessive_leads: Lexicon<()>,
    /// Posts, vehicles and men of an armed side ("attacked a checkpoint", "l'assaut contre
    /// des positions de l'armée", "هجوم على حاجز"): an assault on them met armed men, a fight
    /// between two sides, where an assault on a village that names no defender is not.
    pub military_objects: Lexicon<()>,
    /// Words that hedge whose a deed or its means were ("warplanes believed to be Russian",
    /// "طائرات حربية يرجح أنها روسية"): the side named after them is the likely doer, which the
    /// coding rules accept.
    pub attribution_hedges: Lexicon<()>,
    /// Words that introduce a slogan in quotation marks ("banners reading", "scandant",
    /// "هتفوا"): the names quoted after them are chanted or written, no places of events.
    pub slogan_leads: Lexicon<()>,
    /// Openings of a sentence that recalls what the reader should know ("it is worth
    /// noting that", "pour rappel", "يذكر أن"): with no date of its own, what it tells is
    /// background, not the news.
    pub background_leads: Lexicon<()>,
    /// Verbs of concluding: within a few words before a noun of agreement, an agreement
    /// ("reached a ceasefire deal").
    pub concluding_verbs: Lexicon<()>,
    /// Verbs of gaining: within a few words before a noun of control, a take ("won total
    /// control of").
    pub control_verbs: Lexicon<()>,
    /// Nouns of control.
    pub control_nouns: Lexicon<()>,
    /// Verbs of bringing down: within a few words before a noun of what flies, a weapon's
    /// use disrupted ("ont abattu mardi un hélicoptère"). Alone they may tell a killing
    /// ("abattu par balles").
    pub downing_verbs: Lexicon<()>,
    /// Nouns of aircraft and missiles, what a verb of bringing down brings down.
    pub airborne_weapons: Lexicon<()>,
    /// Verbs of passing under a side: within a few words before a noun of control, the place
    /// before them fell to the side the noun is said of ("came under regime control").
    pub yielding_verbs: Lexicon<()>,
    /// Phrases in which a trigger word has another sense, one that tells no event ("military
    /// gatherings": troops massed, not a protest): a trigger inside one is no trigger.
    pub other_senses: Lexicon<()>,
    /// Words that give a name to the noun before them ("an offensive dubbed ...", "معركة
    /// جديدة تحت اسم ..."): a battle word so named is a named operation, a campaign.
    pub naming_words: Lexicon<()>,
    /// Words that tell an attempt failed, right before what was attempted ("failed to
    /// capture", "فشلت في السيطرة على"): a taking that failed is an attack repelled.
    pub failure_markers: Lexicon<()>,
    /// Air-strike words that also name a raid on the ground ("raid", "raids", not "air
    /// raid"): told with an arrest, an abduction or a storming in their sentence, they name
    /// that operation, not a strike from the air.
    pub raid_words: Lexicon<()>,
    pub ground_entry: Lexicon<()>,
    /// The label a side gives its enemies ("terrorists", "الإرهابيين", "terroristes"): an
    /// actor named by it alone is the opposition for whoever speaks, but no group the report
    /// identifies.
    pub enemy_labels: Lexicon<()>,
    /// Adjectives of what recurs ("daily strikes", "des bombardements réguliers", "غارات
    /// يومية"): the deed they qualify goes on over time, background to the news.
    pub recurring: Lexicon<()>,
    /// Words of battle that, right before a place's name, make the name a campaign's ("the
    /// battle of Aleppo", "les combats de Qousseir", "معركة الغوطة"): weeks of fighting that
    /// the report refers to, not fighting at a place on a day.
    pub campaign_names: Lexicon<()>,
    /// Words that make a weekday beside them a coming one ("next Saturday", "samedi
    /// prochain", "السبت المقبل"): what the sentence dates so has not happened yet.
    pub future_qualifiers: Lexicon<()>,
    /// Adjectives of what is awaited ("an imminent offensive", "هجوم مرتقب", "une offensive
    /// imminente"): the event word they qualify, right beside them, has not happened.
    pub awaited: Lexicon<()>,
    /// Before a deed: what someone is accused of ("executed on charges of fighting IS").
    pub accusations: Lexicon<()>,
    /// Words that deny the deed named right after them, or a word or two later: "no
    /// clashes were reported", "sans aucune arrestation", "من دون تسجيل أي حالات اعتقال".
    pub denials: Lexicon<()>,
    /// Words that open what a protest is against: "a protest against abductions of medics",
    /// "manifestation contre les arrestations", "احتجاجا على اعتقال": after a protest word, the
    /// deed they govern is the protesters' grievance, told before, not news of its own.
    pub grievance_leads: Lexicon<()>,
    /// Nouns for people killed or wounded: "civilians", "soldats".
    pub victims: Lexicon<()>,
    /// Nationality words that join a named actor: "Russian and *Syrian* warplanes".
    pub demonyms: Lexicon<ActorId>,
    /// Words that name the side holding the place they qualify ("rebel-held Douma", "des
    /// quartiers prorégime", "aux mains des rebelles"): fire there that names no doer is its
    /// enemy's.
    pub held_areas: Lexicon<ActorId>,
    pub civilians: Lexicon<()>,
    pub children: Lexicon<()>,
    pub actors: Lexicon<ActorId>,
    /// Actors' names matched only as written ("IS" for the Islamic State; "is" is a verb).
    pub actor_acronyms: Vec<(String, ActorId)>,
    pub triggers: Lexicon<Trigger>,
    /// The trained model that keeps or drops candidate events (`data/<code>/weights.tsv`);
    /// empty when none was trained, and the rules decide alone.
    pub weights: crate::Weights,
    /// For each word's key, the lexicons with a phrase starting with it (one bit each), as
    /// the place of its bits in `first_word_bits`: looked up at every token, in a table a
    /// probe or two reads (a general hash table's probe cost several times as many), which
    /// keeps 16 bytes a slot rather than the bits' own 32.
    first_words: KeyTable<u32>,
    /// The distinct sets of bits `first_words` points to.
    first_word_bits: Box<[LexiconBits]>,
    /// The stems and numbers phrases start with, each with its lexicon's bit: a token they
    /// match may start a phrase of that lexicon whatever its word.
    first_stems: Vec<(Pattern, LexiconBits)>,
    /// For each first byte of a word that is no number, the bits of the stems a word so
    /// starting may match: most words need not be compared with any.
    stem_bits_by_first_byte: Box<[LexiconBits; 256]>,
    /// For each first byte of a word that is no number, the stems of `first_stems` (with
    /// their bits) a word so starting may match: a word is compared with those only, not
    /// with every stem of the pack.
    stems_by_first_byte: Vec<Box<[(Pattern, LexiconBits)]>>,
    /// The bits of the lexicons with a phrase starting with a number (`#`): a number word
    /// ("deux", "two") may start one, though its first letter is no digit's.
    number_first_bits: LexiconBits,
    /// Every word of every lexicon: what a word stripped of its clitics must be to be split.
    vocabulary: Vocabulary,
}

/// The most adverbs that stand between an auxiliary and its participle.
const MAX_INSERTED_ADVERBS: usize = 2;
/// The fewest letters a verb keeps before its person ending ("قصفت": قصف).
const MIN_VERB_ROOT: usize = 3;

impl LanguagePack {
    /// Reads a pack from its TOML text; `origin` names it in errors.
    pub fn from_toml(source: &str, origin: &str) -> Result<LanguagePack, PackError> {
        let file: PackFile = toml::from_str(source)
            .map_err(|e| PackError::Syntax { origin: origin.to_string(), message: e.to_string() })?;
        compile(file, origin)
    }

    pub fn tokenize<'t>(&self, text: &'t str) -> Vec<Token<'t>> {
        let mut tokens = tokenize(text, &self.rules);
        if !self.clitics.is_empty() {
            tokens = self.clitics.segment(text, tokens, &self.rules, &self.vocabulary);
        }
        for token in &mut tokens {
            self.index_token(token);
        }
        tokens
    }

    /// Records in a token the lexicons a phrase of which may start with it: by its word, or
    /// by a stem or number it matches.
    // Always in line: `#[inline]` left it a call at every token, which saved and restored
    // more registers than the look-up it makes.
    #[inline(always)]
    fn index_token(&self, token: &mut Token) {
        // The bits are kept in a register as well as written to the token: read back from the
        // token, they were read whole while written in halves, a read that waits for both
        // writes to reach the cache.
        let mut first_of = self
            .first_words
            .get(token.key)
            .and_then(|&place| self.first_word_bits.get(place as usize))
            .map_or(0, |&b| b);
        token.first_of = first_of;
        // A number written as one word ("deux", "ثلاثة"), which a lexicon's `#` stands for as
        // for digits: a phrase of the number words the token alone matches (its lexicon bits
        // spare most words the look-up).
        token.number_word = self.number_words.match_at(std::slice::from_ref(token), 0).is_some();
        if token.number_word {
            first_of |= self.number_first_bits;
            token.first_of = first_of;
        }
        // Most words start with a letter no stem starts with: one byte tells.
        let first_byte = token.norm.as_bytes().first().copied();
        let may_match = match first_byte {
            Some(byte) if token.kind != TokenKind::Number => self.stem_bits_by_first_byte[usize::from(byte)],
            _ => LexiconBits::MAX,
        };
        if may_match & !first_of == 0 {
            return;
        }
        self.index_stems(token, first_byte);
    }

    /// The part of [`LanguagePack::index_token`] few tokens reach: the stems and numbers the
    /// token may match. Kept apart, so that the part every token takes is short enough to
    /// stand in the tokenizer's loop without a call.
    #[inline(never)]
    fn index_stems(&self, token: &mut Token, first_byte: Option<u8>) {
        match first_byte {
            Some(byte) if token.kind != TokenKind::Number => {
                // Each of these may match a word starting with the byte.
                for (stem, bit) in self.stems_by_first_byte[usize::from(byte)].iter() {
                    if token.first_of & bit == 0 && stem.matches(token) {
                        token.first_of |= bit;
                    }
                }
            }
            _ => {
                for (stem, bit) in &self.first_stems {
                    if token.first_of & bit == 0
                        && stem.may_match_first_byte(first_byte, token.kind)
                        && stem.matches(token)
                    {
                        token.first_of |= bit;
                    }
                }
            }
        }
    }

    /// Whether a token is one of `marks`, or a mark of the script that does the work of one
    /// of them ("،" for ",").
    #[inline]
    pub fn is_mark(&self, token: &Token, marks: &str) -> bool {
        token.is_punct(marks)
            || token.kind == TokenKind::Punct
                && self.punctuation.iter().any(|(mark, latin)| *mark == token.text && marks.contains(*latin))
    }

    /// Whether a period written right after `word` closes an abbreviation, not a sentence
    /// or a clause: a lone capital initial ("J.", "U.") or one of the pack's abbreviations
    /// ("Gen.", "M.").
    pub fn abbreviates(&self, word: &str) -> bool {
        let mut chars = word.chars();
        let lone_initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
        lone_initial || self.abbreviations.contains(&fold_word(&format!("{word}.")))
    }

    /// Whether a folded word is a word of one of the pack's lexicons (or a function word).
    pub fn knows(&self, norm: &str) -> bool {
        self.vocabulary.knows(norm)
    }

    /// Splits off the clitics of each word that `knows` does not accept whole but accepts
    /// without them (a gazetteer's names, say); words the pack knows, those `knows` accepts
    /// and those `whole` names (a country's name: "لبنان" is not ل + a village) stay whole.
    pub fn split_clitics_where<'t>(
        &self,
        text: &'t str,
        tokens: Vec<Token<'t>>,
        whole: impl Fn(&str) -> bool,
        knows: impl Fn(&str) -> bool,
    ) -> Vec<Token<'t>> {
        if self.clitics.is_empty() {
            return tokens;
        }
        let keep_whole = |word: &str| self.vocabulary.knows(word) || knows(word) || whole(word);
        let mut tokens = self.clitics.segment_where(text, tokens, &self.rules, keep_whole, &knows);
        for token in &mut tokens {
            self.index_token(token);
        }
        tokens
    }

    /// Reads a token as the word written, without the inflection the pack's tokenizer took
    /// off it: a name that has the form of a dual or plural ("القريتين", the town of
    /// al-Qaryatayn, not "the two villages").
    pub fn read_as_written(&self, token: &mut Token) {
        token.norm = self.rules.fold(token.text).into();
        token.key = crate::tokens::word_key(&token.norm);
        self.index_token(token);
    }

    /// The word without a joined conjunction that joins list items ("وكفرعميم" → "كفرعميم"),
    /// when it carries one.
    pub fn without_joined_connector(&self, norm: &str) -> Option<String> {
        self.clitics
            .proclitic_splits(norm)
            .find(|(form, _, _)| self.list_connectors.has_word(form))
            .map(|(_, restore, rest)| format!("{restore}{rest}"))
    }

    /// Whether a folded word has the form of an indefinite adjective of relation (see
    /// `qualifier_endings`): it ends so, is longer than the ending, and is not definite.
    pub fn has_qualifier_form(&self, norm: &str) -> bool {
        self.has_qualifier_ending(norm) && !self.is_definite(norm)
    }

    /// Whether a noun token is written in its absolute state (see `absolute_endings`): the
    /// word as written ends so, and the lexicon's word it was read as does not.
    pub fn in_absolute_state(&self, token: &Token) -> bool {
        !self.absolute_endings.is_empty() && {
            let written = self.rules.fold(token.text);
            self.absolute_endings.iter().any(|e| written.ends_with(e.as_str()) && !token.norm.ends_with(e.as_str()))
        }
    }

    /// Whether a word as written is a verb that agrees with its subject by an ending
    /// ("قصفت": she shelled), not a plural noun that ends alike ("غارات"), with a root of
    /// [`MIN_VERB_ROOT`] letters at least before the ending.
    pub fn agrees_by_ending(&self, token: &Token) -> bool {
        if self.agreement_endings.is_empty() {
            return false;
        }
        let written = self.rules.fold(token.text);
        let ends_in = |endings: &[String]| {
            endings.iter().any(|ending| {
                written.ends_with(ending.as_str()) && written.chars().count() >= ending.chars().count() + MIN_VERB_ROOT
            })
        };
        ends_in(&self.agreement_endings) && !ends_in(&self.plural_endings)
    }

    /// Whether a token is an auxiliary of a compound tense ("a", "ont", "has").
    pub fn is_auxiliary(&self, token: &Token) -> bool {
        self.auxiliaries.contains(token.norm.as_str())
    }

    /// Where the token at `at` is an auxiliary and one or two adverbs stand inside the verb
    /// it begins ("a aujourd'hui libéré", "a été finalement reprise"), the indexes of the
    /// verb's words without them: the auxiliaries, the participle and the word after it.
    pub fn verb_without_adverbs(&self, tokens: &[Token], at: usize) -> Option<Vec<usize>> {
        let is_auxiliary = |t: &Token| self.is_auxiliary(t);
        if self.auxiliaries.is_empty() || !is_auxiliary(tokens.get(at)?) {
            return None;
        }
        let is_adverb = |t: &Token| {
            t.kind == TokenKind::Word
                && (self.inserted_adverbs.contains(t.norm.as_str())
                    || self.adverb_endings.iter().any(|e| t.norm.len() > e.len() + 2 && t.norm.ends_with(e.as_str())))
        };
        let mut words = vec![at];
        let mut adverbs = 0;
        let mut next = at + 1;
        while let Some(token) = tokens.get(next) {
            if is_adverb(token) {
                adverbs += 1;
            } else if is_auxiliary(token) {
                words.push(next);
            } else {
                break;
            }
            next += 1;
        }
        let participle = tokens.get(next).is_some_and(|t| t.kind == TokenKind::Word);
        if adverbs == 0 || adverbs > MAX_INSERTED_ADVERBS || !participle {
            return None;
        }
        words.push(next);
        if next + 1 < tokens.len() {
            words.push(next + 1);
        }
        Some(words)
    }

    /// Whether a place noun's word announces several names (see `list_place_nouns`).
    pub fn announces_a_list(&self, noun: &Token) -> bool {
        self.list_place_nouns.contains(noun.norm.as_str())
    }

    /// Whether a folded word has the form of a past participle: it ends in one of the
    /// pack's endings and is longer than it.
    pub fn has_past_participle_form(&self, norm: &str) -> bool {
        has_one_of_endings(norm, &self.past_participle_endings)
    }

    fn has_qualifier_ending(&self, word: &str) -> bool {
        has_one_of_endings(word, &self.qualifier_endings)
    }

    /// Whether a folded word bears the definite article (see `definite_starts`).
    pub fn is_definite(&self, norm: &str) -> bool {
        self.definite_starts.iter().any(|s| norm.len() > s.len() && norm.starts_with(s.as_str()))
    }

    /// Whether a folded word with the article may still head a construct: a title before a
    /// person's name (see `name_titles`).
    pub fn is_name_title(&self, norm: &str) -> bool {
        self.name_titles.contains(norm)
    }

    /// Whether a folded word is a definite adjective that qualifies places: the article on a
    /// listed qualifier or on an adjective of relation ("الحدودية": on the border). After a
    /// definite name it agrees with the name ("مدينة إعزاز الحدودية") and is no part of it.
    pub fn is_definite_qualifier(&self, norm: &str) -> bool {
        self.definite_starts
            .iter()
            .filter_map(|s| norm.strip_prefix(s.as_str()))
            .any(|bare| self.place_qualifiers.contains(bare) || self.has_qualifier_ending(bare))
    }

    /// Whether a folded word begins as no name does (see `not_name_starts`), a joined list
    /// conjunction aside ("وللنازحين").
    pub fn starts_as_no_name(&self, norm: &str) -> bool {
        let starts = |word: &str| self.not_name_starts.iter().any(|start| word.starts_with(start.as_str()));
        starts(norm) || self.without_joined_connector(norm).is_some_and(|word| starts(&word))
    }

    /// Whether a folded word ends as no name does (see `not_name_ends`), its stem keeping
    /// three letters at least: a shorter word that ends so is a word of its own.
    pub fn ends_as_no_name(&self, norm: &str) -> bool {
        self.not_name_ends
            .iter()
            .any(|end| norm.ends_with(end.as_str()) && norm.chars().count() >= end.chars().count() + 3)
    }

    /// Whether the token at `i` is an attached pronoun split off the word before it
    /// ("محيطه" = محيط + ه): part of no name.
    pub fn is_split_enclitic(&self, tokens: &[Token], i: usize) -> bool {
        i > 0 && tokens[i - 1].end == tokens[i].start && self.clitics.is_enclitic(&tokens[i].norm)
    }

    /// The readings of a folded word without the clitics joined to it, the word itself first
    /// ("وبسراقب" → "وبسراقب", "بسراقب", "سراقب"): for looking names up.
    pub fn clitic_readings(&self, norm: &str) -> Vec<String> {
        self.clitics.readings(norm)
    }

    /// Gives each lexicon a bit and records, for each word, the lexicons with a phrase
    /// starting with it: one lookup per token then spares the others theirs; and gathers
    /// every word of every lexicon into the vocabulary.
    fn index_words(&mut self) {
        let mut first_words: HashMap<u64, LexiconBits> = HashMap::default();
        let mut first_stems: Vec<(Pattern, LexiconBits)> = Vec::new();
        let mut vocabulary = Vocabulary::default();
        for (index, lexicon) in self.lexicons_mut().into_iter().enumerate() {
            if index < LEXICON_BITS {
                let bit: LexiconBits = 1 << index;
                lexicon.set_bit(bit);
                for key in lexicon.first_word_keys() {
                    *first_words.entry(key).or_default() |= bit;
                }
                first_stems.extend(lexicon.first_stems().into_iter().map(|stem| (stem, bit)));
            }
            lexicon.add_words(&mut vocabulary);
        }
        for word in &self.function_words {
            vocabulary.add_word(word);
        }
        // Few sets of bits are distinct: each is kept once, and the table holds its place.
        let mut places: HashMap<LexiconBits, u32> = HashMap::default();
        let mut distinct: Vec<LexiconBits> = Vec::new();
        let mut by_key: HashMap<u64, u32> = HashMap::default();
        for (key, bits) in first_words {
            let place = *places.entry(bits).or_insert_with(|| {
                distinct.push(bits);
                u32::try_from(distinct.len() - 1).unwrap_or(u32::MAX)
            });
            by_key.insert(key, place);
        }
        self.first_words = KeyTable::of(&by_key);
        self.first_word_bits = distinct.into_boxed_slice();
        let mut stem_bits_by_first_byte: Box<[LexiconBits; 256]> = Box::new([0; 256]);
        let mut stems_by_first_byte = Vec::with_capacity(256);
        for (byte, bits) in stem_bits_by_first_byte.iter_mut().enumerate() {
            let mut stems = Vec::new();
            for (stem, bit) in &first_stems {
                if stem.may_match_first_byte(u8::try_from(byte).ok(), TokenKind::Word) {
                    *bits |= bit;
                    stems.push((stem.clone(), *bit));
                }
            }
            stems_by_first_byte.push(stems.into_boxed_slice());
        }
        self.stems_by_first_byte = stems_by_first_byte;
        self.number_first_bits =
            first_stems.iter().filter(|(stem, _)| matches!(stem, Pattern::Number)).fold(0, |bits, (_, bit)| bits | bit);
        self.first_stems = first_stems;
        self.stem_bits_by_first_byte = stem_bits_by_first_byte;
        self.vocabulary = vocabulary;
    }

    /// Every lexicon of the pack (one left out is only looked up the slow way).
    /// How many lexicons the pack has: each needs a bit of [`LexiconBits`] (a test holds
    /// the built-in packs to it), or it is looked for in every sentence.
    pub fn lexicon_count(&mut self) -> usize {
        self.lexicons_mut().len()
    }

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
            &mut self.year_words,
            &mut self.year_leads,
            &mut self.last_month_words,
            &mut self.past_qualifiers,
            &mut self.previous_month,
            &mut self.seasons,
            &mut self.month_leads,
            &mut self.day_joiners,
            &mut self.ago_leads,
            &mut self.ago_follows,
            &mut self.time_units,
            &mut self.span_leads,
            &mut self.anaphoric_days,
            &mut self.span_follows,
            &mut self.number_words,
            &mut self.vague_quantities,
            &mut self.place_nouns,
            &mut self.region_words,
            &mut self.directions,
            &mut self.near_markers,
            &mut self.bearing_markers,
            &mut self.landmark_markers,
            &mut self.locatives,
            &mut self.facility_nouns,
            &mut self.person_titles,
            &mut self.outlet_nouns,
            &mut self.origin_markers,
            &mut self.name_cues,
            &mut self.not_names,
            &mut self.settlement_nouns,
            &mut self.settlement_nouns_after,
            &mut self.place_anaphors,
            &mut self.anaphor_nouns,
            &mut self.other_place_words,
            &mut self.between_markers,
            &mut self.sameness_words,
            &mut self.same_place_nouns,
            &mut self.list_anaphors,
            &mut self.unit_nouns,
            &mut self.partial,
            &mut self.list_connectors,
            &mut self.list_introducers,
            &mut self.hypothetical,
            &mut self.habitual_auxiliaries,
            &mut self.anterior_auxiliaries,
            &mut self.ongoing_states,
            &mut self.relative_pronouns,
            &mut self.reported_clause_leads,
            &mut self.governing_words,
            &mut self.unidentified,
            &mut self.flight_destinations,
            &mut self.property_nouns,
            &mut self.aim_words,
            &mut self.weapon_holding,
            &mut self.actor_heads,
            &mut self.aggregate,
            &mut self.durations,
            &mut self.allies,
            &mut self.backing,
            &mut self.generic_fighters,
            &mut self.armed_bodies,
            &mut self.previous_holder,
            &mut self.organisations,
            &mut self.claim_markers,
            &mut self.responsibility,
            &mut self.residents,
            &mut self.agent_markers,
            &mut self.passive_agent,
            &mut self.gerund_openers,
            &mut self.fronted_clause_openers,
            &mut self.instrument_markers,
            &mut self.blame_markers,
            &mut self.aerial,
            &mut self.ground_forces,
            &mut self.non_violent,
            &mut self.attributive_leads,
            &mut self.evacuation,
            &mut self.families,
            &mut self.purpose_proclitics,
            &mut self.purpose_particles,
            &mut self.achievement_leads,
            &mut self.repelling,
            &mut self.deployment,
            &mut self.accord_leads,
            &mut self.fighting_leads,
            &mut self.accord_nouns,
            &mut self.group_anaphors,
            &mut self.lapse_leads,
            &mut self.circumstance_leads,
            &mut self.concessive_leads,
            &mut self.military_objects,
            &mut self.attribution_hedges,
            &mut self.slogan_leads,
            &mut self.background_leads,
            &mut self.concluding_verbs,
            &mut self.control_verbs,
            &mut self.control_nouns,
            &mut self.downing_verbs,
            &mut self.airborne_weapons,
            &mut self.yielding_verbs,
            &mut self.other_senses,
            &mut self.naming_words,
            &mut self.failure_markers,
            &mut self.raid_words,
            &mut self.ground_entry,
            &mut self.enemy_labels,
            &mut self.awaited,
            &mut self.recurring,
            &mut self.campaign_names,
            &mut self.future_qualifiers,
            &mut self.accusations,
            &mut self.denials,
            &mut self.grievance_leads,
            &mut self.victims,
            &mut self.demonyms,
            &mut self.held_areas,
            &mut self.civilians,
            &mut self.children,
            &mut self.actors,
            &mut self.triggers,
        ]
    }

    /// Whether a token is a function word as written: a word folded to one but written
    /// without the letter that sets that function word apart ("علي", the name, folded as
    /// the preposition "على") is not.
    pub fn is_function_token(&self, token: &Token) -> bool {
        self.is_function_word(&token.norm)
            && (!self.spelled_function_words.contains(token.norm.as_str())
                || token.text.chars().any(|c| self.function_word_letters.contains(&c)))
    }

    /// Whether the pack knows a token's word as written: a word folded to a function word
    /// the text writes without that word's own letter ("علي", the name Ali, folds to "على",
    /// on) is another word, unknown to the pack.
    pub fn knows_token(&self, token: &Token) -> bool {
        let spelled_otherwise = self.spelled_function_words.contains(token.norm.as_str())
            && !token.text.chars().any(|c| self.function_word_letters.contains(&c));
        self.knows(&token.norm) && !spelled_otherwise
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

/// One character from a pack's string, or an error naming what it is for.
fn one_char(text: &str, what: &str, origin: &str) -> Result<char, PackError> {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(invalid(origin, format!("{what}: {text:?} is not one character"))),
    }
}

/// "0600-06FF" → ('\u{600}', '\u{6ff}').
fn code_point_range(text: &str, origin: &str) -> Result<(char, char), PackError> {
    let bad = || invalid(origin, format!("words.script: {text:?} is not a range such as \"0600-06FF\""));
    let (a, b) = text.split_once('-').ok_or_else(bad)?;
    let point = |hex: &str| u32::from_str_radix(hex.trim(), 16).ok().and_then(char::from_u32);
    Ok((point(a).ok_or_else(bad)?, point(b).ok_or_else(bad)?))
}

/// The word rules of a pack: boundaries, letter variants and digits.
fn word_rules(words: &WordsSection, origin: &str) -> Result<WordRules, PackError> {
    let mut letters = HashMap::default();
    for (from, to) in &words.letter_variants {
        let from = one_char(from, "words.letter_variants", origin)?;
        let to = if to.is_empty() { None } else { Some(one_char(to, "words.letter_variants", origin)?) };
        letters.insert(from, to);
    }
    let mut digits = HashMap::default();
    for set in &words.digits {
        let chars: Vec<char> = set.chars().collect();
        if chars.len() != 10 {
            return Err(invalid(origin, format!("words.digits: {set:?} is not the ten digits 0..9")));
        }
        for (value, c) in chars.into_iter().enumerate() {
            digits.insert(c, char::from(b'0' + value as u8));
        }
    }
    Ok(WordRules::new(
        words.elisions.iter().map(|w| fold_word(w)).collect(),
        words.clitics.iter().map(|w| fold_word(w)).collect(),
    )
    .with_spelling(letters, digits))
}

/// The actor a pack names by its id, or an error naming the pack.
fn actor_id(id: &str, origin: &str) -> Result<ActorId, PackError> {
    ActorId::parse(id).ok_or_else(|| invalid(origin, format!("unknown actor id {id:?}")))
}

/// The actors' names written in capitals, as written, each with its actor.
fn actor_acronyms(entries: &[ActorEntry], origin: &str) -> Result<Vec<(String, ActorId)>, PackError> {
    let mut acronyms = Vec::new();
    for entry in entries.iter().filter(|e| !e.acronyms.is_empty()) {
        let id = actor_id(&entry.id, origin)?;
        acronyms.extend(entry.acronyms.iter().map(|a| (a.clone(), id)));
    }
    Ok(acronyms)
}

fn compile(file: PackFile, origin: &str) -> Result<LanguagePack, PackError> {
    let rules = word_rules(&file.words, origin)?;
    let script = file.words.script.iter().map(|r| code_point_range(r, origin)).collect::<Result<Vec<_>, _>>()?;
    let punctuation = file
        .words
        .punctuation
        .iter()
        .map(|(mark, latin)| Ok((mark.clone(), one_char(latin, "words.punctuation", origin)?)))
        .collect::<Result<Vec<_>, PackError>>()?;
    let clitics = Clitics::new(
        file.words
            .proclitics
            .iter()
            .map(|(form, restore)| (rules.fold(form).to_string(), rules.fold(restore).to_string()))
            .collect(),
        // Two spellings of one pronoun fold alike: each is tried once.
        file.words.enclitics.iter().map(|w| rules.fold(w).to_string()).fold(Vec::new(), |mut unique, w| {
            if !unique.contains(&w) {
                unique.push(w);
            }
            unique
        }),
        file.words
            .bound_forms
            .iter()
            .map(|(bound, free)| (rules.fold(bound).to_string(), rules.fold(free).to_string()))
            .collect(),
        file.words
            .inflections
            .iter()
            .map(|affix| match affix.split_once('-') {
                Some((before, after)) => Ok((rules.fold(before).to_string(), rules.fold(after).to_string())),
                None => {
                    Err(invalid(origin, format!("inflection {affix:?}: write the stem as \"-\" (\"-وا\", \"ي-ون\")")))
                }
            })
            .collect::<Result<Vec<_>, _>>()?,
    )
    .with_longer_stems_after(fold_each(&rules, &file.words.longer_stems_after))
    .with_pairs_before_short_names(fold_each(&rules, &file.words.pairs_before_short_names))
    .with_written_enclitics(file.words.enclitics.iter().map(|w| crate::tokens::fold(w).to_string()).collect());
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
            let id = actor_id(&entry.id, origin)?;
            names.extend(entry.names.iter().map(|n| (n.as_str(), id)));
        }
        Ok(Lexicon::new(names, &rules))
    };
    let mut triggers = Vec::new();
    for entry in &file.triggers {
        if !(0.0..=1.0).contains(&entry.confidence) {
            return Err(invalid(origin, format!("trigger confidence {} is not in 0..1", entry.confidence)));
        }
        let sub_event_type = match (&entry.sub_event_type, entry.kind) {
            (Some(name), TriggerKind::Incident) => Some(
                SubEventType::parse(name).ok_or_else(|| invalid(origin, format!("unknown sub_event_type {name:?}")))?,
            ),
            (None, TriggerKind::Incident) => {
                return Err(invalid(origin, "an incident trigger needs its sub_event_type".into()))
            }
            (Some(_), _) => return Err(invalid(origin, "only incident triggers name a sub_event_type".into())),
            (None, _) => None,
        };
        let actor = entry.actor.as_deref().map(|id| actor_id(id, origin)).transpose()?;
        let trigger = Trigger { kind: entry.kind, confidence: entry.confidence, sub_event_type, actor };
        triggers.extend(entry.words.iter().map(|w| (w.as_str(), trigger)));
    }
    let region_words = file
        .places
        .region_before
        .iter()
        .map(|w| (w.as_str(), RegionSide::Before))
        .chain(file.places.region_after.iter().map(|w| (w.as_str(), RegionSide::After)));
    // Kinds are numbered in the file's sorted order (a BTreeMap's): the same pack always
    // gives the same numbers.
    let settlement_kinds: Vec<String> = file.places.settlements.keys().cloned().collect();
    let by_kind = |words: fn(&SettlementEntry) -> &Vec<String>| {
        Lexicon::new(
            file.places
                .settlements
                .values()
                .enumerate()
                .flat_map(move |(kind, entry)| words(entry).iter().map(move |w| (w.as_str(), kind as u32))),
            &rules,
        )
    };
    let settlement_nouns = by_kind(|e| &e.nouns);
    let settlement_nouns_after = by_kind(|e| &e.nouns_after);
    let function_word_letters = file
        .words
        .function_word_letters
        .iter()
        .map(|l| one_char(l, "words.function_word_letters", origin))
        .collect::<Result<Vec<char>, PackError>>()?;
    let place_anaphors = by_kind(|e| &e.anaphors);
    let anaphor_nouns = Lexicon::new(
        file.places.settlements.values().enumerate().flat_map(|(kind, entry)| {
            entry
                .anaphors
                .iter()
                .filter_map(move |phrase| phrase.split_once(' ').map(|(_, noun)| (noun.trim(), kind as u32)))
        }),
        &rules,
    );
    let mut pack = LanguagePack {
        abbreviations: fold_each(&rules, &file.words.abbreviations),
        function_words: fold_each(&rules, &file.words.function_words),
        spelled_function_words: file
            .words
            .function_words
            .iter()
            .filter(|w| w.chars().any(|c| function_word_letters.contains(&c)))
            .map(|w| rules.fold(w).to_string())
            .collect(),
        function_word_letters: function_word_letters.clone(),
        place_qualifiers: fold_each(&rules, &file.places.place_qualifiers),
        qualifier_endings: fold_each(&rules, &file.places.qualifier_endings),
        absolute_endings: fold_each(&rules, &file.places.absolute_endings),
        definite_starts: fold_each(&rules, &file.places.definite_starts),
        name_titles: fold_each(&rules, &file.places.name_titles),
        not_name_starts: fold_each(&rules, &file.places.not_name_starts),
        not_name_ends: fold_each(&rules, &file.places.not_name_ends),
        governing_words: set(&file.places.governing_words),
        subject_pronouns: set(&file.words.subject_pronouns),
        auxiliaries: fold_each(&rules, &file.words.auxiliaries),
        inserted_adverbs: fold_each(&rules, &file.words.inserted_adverbs),
        adverb_endings: fold_each(&rules, &file.words.adverb_endings),
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
        year_words: set(&file.dates.year_words),
        year_leads: set(&file.dates.year_leads),
        last_month_words: set(&file.dates.last_month_words),
        past_qualifiers: set(&file.dates.past_qualifiers),
        previous_month: set(&file.dates.previous_month),
        seasons: if file.dates.seasons.is_empty() {
            Lexicon::new(std::iter::empty(), &rules)
        } else {
            numbered(&file.dates.seasons, 4, 0, "dates.seasons")?
        },
        month_leads: set(&file.dates.month_leads),
        day_joiners: set(&file.dates.day_joiners),
        ago_leads: set(&file.dates.ago_leads),
        ago_follows: set(&file.dates.ago_follows),
        time_units: Lexicon::new(
            file.dates.time_units.iter().flat_map(|u| {
                let unit = UnitOfTime { days: u.days, hours: u.hours, plural: u.plural, count: u.count };
                u.words.iter().map(move |w| (w.as_str(), unit))
            }),
            &rules,
        ),
        span_leads: set(&file.dates.span_leads),
        anaphoric_days: set(&file.dates.anaphoric_days),
        span_follows: set(&file.dates.span_follows),
        number_words: Lexicon::new(file.numbers.words.iter().map(|(w, v)| (w.as_str(), *v)), &rules),
        vague_quantities: Lexicon::new(
            file.numbers.vague.iter().flat_map(|q| q.words.iter().map(move |w| (w.as_str(), q.value))),
            &rules,
        ),
        place_nouns: set(&file.places.place_nouns),
        list_place_nouns: fold_each(&rules, &file.places.list_place_nouns),
        region_words: Lexicon::new(region_words, &rules),
        directions: set(&file.places.directions),
        near_markers: set(&file.places.near_markers),
        bearing_markers: set(&file.places.bearing_markers),
        landmark_markers: set(&file.places.landmark_markers),
        locatives: set(&file.places.locatives),
        facility_nouns: set(&file.places.facility_nouns),
        person_titles: set(&file.places.person_titles),
        outlet_nouns: set(&file.places.outlet_nouns),
        origin_markers: set(&file.places.origin_markers),
        name_cues: set(&file.places.name_cues),
        not_names: set(&file.places.not_names),
        settlement_nouns,
        settlement_nouns_after,
        place_anaphors,
        anaphor_nouns,
        modifiers_before_noun: file.places.modifiers_before_noun,
        settlement_kinds,
        other_place_words: set(&file.places.other_place_words),
        between_markers: set(&file.places.between_markers),
        sameness_words: set(&file.places.sameness_words),
        same_place_nouns: set(&file.places.same_place_nouns),
        list_anaphors: set(&file.places.list_anaphors),
        partial: set(&file.events.partial),
        list_connectors: set(&file.events.list_connectors),
        list_introducers: set(&file.events.list_introducers),
        // One lexicon, scanned once: a purpose clause's opening word is told by its value.
        hypothetical: Lexicon::new(
            file.events
                .hypothetical
                .iter()
                .map(|w| (w.as_str(), false))
                .chain(file.events.purpose_markers.iter().map(|w| (w.as_str(), true))),
            &rules,
        ),
        hypothetical_suffixes: fold_each(&rules, &file.events.hypothetical_suffixes),
        habitual_auxiliaries: set(&file.events.habitual_auxiliaries),
        anterior_auxiliaries: set(&file.events.anterior_auxiliaries),
        ongoing_states: set(&file.events.ongoing_states),
        imperfect_prefixes: fold_each(&rules, &file.events.imperfect_prefixes),
        relative_pronouns: set(&file.events.relative_pronouns),
        reported_clause_leads: set(&file.events.reported_clause_leads),
        unidentified: set(&file.events.unidentified),
        affiliations: set(&file.events.affiliations),
        flight_destinations: set(&file.events.flight_destinations),
        handover_recipients: set(&file.events.handover_recipients),
        property_nouns: set(&file.events.property_nouns),
        aim_words: set(&file.events.aim_words),
        weapon_holding: set(&file.events.weapon_holding),
        actor_heads: set(&file.events.actor_heads),
        aggregate: set(&file.events.aggregate),
        durations: set(&file.events.durations),
        allies: set(&file.events.allies),
        backing: set(&file.events.backing),
        generic_fighters: set(&file.events.generic_fighters),
        armed_bodies: set(&file.events.armed_bodies),
        previous_holder: set(&file.events.previous_holder),
        organisations: set(&file.events.organisations),
        claim_markers: set(&file.events.claim_markers),
        responsibility: set(&file.events.responsibility),
        residents: set(&file.events.residents),
        agent_markers: set(&file.events.agent_markers),
        passive_agent: set(&file.events.passive_agent),
        gerund_openers: set(&file.events.gerund_openers),
        fronted_clause_openers: set(&file.events.fronted_clause_openers),
        instrument_markers: set(&file.events.instrument_markers),
        blame_markers: set(&file.events.blame_markers),
        participle_suffixes: fold_each(&rules, &file.events.participle_suffixes),
        agent_right_after_trigger: file.events.agent_right_after_trigger,
        agreement_endings: fold_each(&rules, &file.events.agreement_endings),
        plural_endings: fold_each(&rules, &file.events.plural_endings),
        unit_nouns: set(&file.events.unit_nouns),
        aerial: set(&file.events.aerial),
        ground_forces: set(&file.events.ground_forces),
        non_violent: set(&file.events.non_violent),
        attributive_leads: set(&file.events.attributive_leads),
        past_participle_endings: fold_each(&rules, &file.events.past_participle_endings),
        evacuation: set(&file.events.evacuation),
        families: set(&file.events.families),
        purpose_proclitics: set(&file.events.purpose_proclitics),
        purpose_particles: set(&file.events.purpose_particles),
        achievement_leads: set(&file.events.achievement_leads),
        repelling: set(&file.events.repelling),
        deployment: set(&file.events.deployment),
        accord_leads: set(&file.events.accord_leads),
        fighting_leads: set(&file.events.fighting_leads),
        accord_nouns: set(&file.events.accord_nouns),
        group_anaphors: set(&file.events.group_anaphors),
        lapse_leads: set(&file.events.lapse_leads),
        object_prepositions: set(&file.events.object_prepositions),
        circumstance_leads: set(&file.events.circumstance_leads),
        concessive_leads: set(&file.events.concessive_leads),
        military_objects: set(&file.events.military_objects),
        attribution_hedges: set(&file.events.attribution_hedges),
        slogan_leads: set(&file.events.slogan_leads),
        background_leads: set(&file.events.background_leads),
        concluding_verbs: set(&file.events.concluding_verbs),
        control_verbs: set(&file.events.control_verbs),
        control_nouns: set(&file.events.control_nouns),
        downing_verbs: set(&file.events.downing_verbs),
        airborne_weapons: set(&file.events.airborne_weapons),
        yielding_verbs: set(&file.events.yielding_verbs),
        other_senses: set(&file.events.other_senses),
        naming_words: set(&file.events.naming_words),
        failure_markers: set(&file.events.failure_markers),
        raid_words: set(&file.events.raid_words),
        ground_entry: set(&file.events.ground_entry),
        enemy_labels: set(&file.events.enemy_labels),
        awaited: set(&file.events.awaited),
        recurring: set(&file.events.recurring),
        campaign_names: set(&file.events.campaign_names),
        future_qualifiers: set(&file.events.future_qualifiers),
        accusations: set(&file.events.accusations),
        denials: set(&file.events.denials),
        grievance_leads: set(&file.events.grievance_leads),
        victims: set(&file.events.victims),
        demonyms: actor_lexicon(&file.events.demonyms)?,
        held_areas: actor_lexicon(&file.events.held_areas)?,
        civilians: set(&file.events.civilians),
        children: set(&file.events.children),
        actors: actor_lexicon(&file.actors)?,
        actor_acronyms: actor_acronyms(&file.actors, origin)?,
        triggers: Lexicon::new(triggers, &rules),
        weights: crate::Weights::default(),
        rules,
        cased: file.words.cased,
        script,
        punctuation,
        clitics,
        code: file.code,
        first_words: KeyTable::default(),
        first_word_bits: Box::default(),
        first_stems: Vec::new(),
        stem_bits_by_first_byte: Box::new([0; 256]),
        stems_by_first_byte: Vec::new(),
        number_first_bits: 0,
        vocabulary: Vocabulary::default(),
    };
    pack.index_words();
    Ok(pack)
}

/// Each of a pack's words folded as the text's tokens are, so that they compare with them.
fn fold_each<C: FromIterator<String>>(rules: &WordRules, words: &[String]) -> C {
    words.iter().map(|w| rules.fold(w).to_string()).collect()
}

/// Whether a word ends in one of `endings` and is longer than it.
fn has_one_of_endings(word: &str, endings: &[String]) -> bool {
    endings.iter().any(|e| word.len() > e.len() && word.ends_with(e.as_str()))
}
