//! What the trained model sees of a candidate event: named binary features of its trigger,
//! place, actors, date and position in the article. The rules propose candidates; the
//! model, whose weights `frontline train` learns from the annotated corpus, decides which
//! assert a new event and how sure that is (`frontline_lang::Weights`).
//!
//! Feature names are stable strings (`type=Armed clash`, `sentence=0`): a weights file is
//! read by a linguist as a list of cues and how much each counts. A candidate keeps the
//! facts its features are made of, not the strings: the model looks each name up as it is
//! written into one reused buffer ([`Model`]), and the strings themselves are made only for
//! the events an extraction keeps.

use std::cell::RefCell;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};

use rustc_hash::FxHashMap;

use frontline_core::short::{compare, joined, same};
use frontline_core::{ActorId, SubEventType};
use frontline_gazetteer::MatchLevel;
use frontline_lang::{ConfidenceModel, TriggerKind, Weights};

use crate::spot::{ActorMention, PlaceRole, TriggerMention};

/// How a candidate's date window was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateOrigin {
    /// Its own sentence gives it.
    Stated,
    /// An earlier sentence of the same episode gave it.
    Inherited,
    /// Nothing dates it: the week before publication.
    Default,
}

impl DateOrigin {
    /// The name a feature gives it: its `Debug` form.
    fn as_str(self) -> &'static str {
        match self {
            DateOrigin::Stated => "Stated",
            DateOrigin::Inherited => "Inherited",
            DateOrigin::Default => "Default",
        }
    }
}

/// Where the candidate's place resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Resolution {
    /// A point of the gazetteer.
    Point,
    /// A whole governorate.
    Governorate,
    /// Not found: kept at the smallest region the text gives.
    Unresolved,
}

impl Resolution {
    /// The name a feature gives it: its `Debug` form.
    fn as_str(self) -> &'static str {
        match self {
            Resolution::Point => "Point",
            Resolution::Governorate => "Governorate",
            Resolution::Unresolved => "Unresolved",
        }
    }
}

/// The facts about one candidate that its features are made of.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Candidate {
    pub sub_event_type: SubEventType,
    pub trigger_kind: TriggerKind,
    /// The trigger as a feature names it ([`word_form`]).
    pub trigger: String,
    /// The confidence the pack gives the trigger.
    pub trigger_confidence: f64,
    pub role: &'static str,
    pub after_place_noun: bool,
    pub resolution: Resolution,
    /// How the gazetteer's name met the place's mention ("none" unresolved), and how many
    /// other places' names met it as well.
    pub spelling: Option<MatchLevel>,
    pub rivals: usize,
    /// Tokens from the trigger to the place: negative when the place comes first.
    pub place_offset: isize,
    pub actor1: Option<ActorId>,
    pub has_actor2: bool,
    pub date: DateOrigin,
    /// The sentence's index and the article's count of prose sentences.
    pub sentence: usize,
    pub sentences: usize,
    /// How many sentences name this place, and the first that does.
    pub place_sentences: usize,
    pub place_first_sentence: usize,
    pub triggers_in_sentence: usize,
    pub places_in_sentence: usize,
    pub sentence_tokens: usize,
    pub tolls_in_sentence: bool,
    pub claimed: bool,
    pub source_named: bool,
    pub hypothetical_in_sentence: bool,
    /// Read in more than one sentence of the article: a place the article returns to is a
    /// stronger candidate than either reading.
    pub read_twice: bool,
}

/// The feature of a candidate read in more than one sentence.
const READ_TWICE: &str = "read_twice";

impl Candidate {
    /// What the type model weighs: the type the rules chose, the candidate's trigger, and
    /// every trigger and actor of its sentence.
    pub(crate) fn type_features(&self, triggers: &[TriggerMention], actors: &[ActorMention]) -> Vec<String> {
        // Names put together in a string of their exact length: `format!` costs several
        // times as much, and `concat` more than two appends.
        let mut f = Vec::with_capacity(6 + 3 * triggers.len() + actors.len());
        f.extend([
            joined("rule=", self.sub_event_type.as_str()),
            joined("t=", &self.trigger),
            joined("k=", self.trigger_kind.name()),
            joined("a1=", self.actor1.map_or("none", |a| a.as_str())),
            joined("role=", self.role),
        ]);
        for t in triggers {
            let mut sw = String::with_capacity("sw=".len() + t.text.len());
            sw.push_str("sw=");
            push_word_form(&t.text, &mut sw);
            f.push(sw);
            f.push(joined("sk=", t.trigger.kind.name()));
            if let Some(sub) = t.trigger.sub_event_type {
                f.push(joined("st=", sub.as_str()));
            }
        }
        f.extend(actors.iter().map(|a| joined("sa=", a.id.as_str())));
        if self.tolls_in_sentence {
            f.push("toll".into());
        }
        // Compared in line, not by `memcmp`: the names are short.
        f.sort_by(|a, b| compare(a, b));
        f.dedup_by(|a, b| same(a, b));
        f
    }

    /// The real-event model's features, named.
    pub(crate) fn features(&self) -> Vec<String> {
        let mut names = Names(Vec::with_capacity(32));
        self.each_feature(&mut names);
        names.0
    }

    /// Each real-event feature in turn: its key (see [`Key`]) and how to write its name.
    /// Names are put together from their pieces in one buffer, without an allocation or the
    /// formatting machinery; a sink that knows a key's weight does not write it at all.
    fn each_feature(&self, out: &mut impl Sink) {
        let sub = self.sub_event_type;
        let (sub_name, sub_key) = (sub.as_str(), sub as u32);
        let sentence = Bin::of(self.sentence, SENTENCE);
        let resolution = self.resolution.as_str();
        let date = self.date.as_str();
        let actor1 = self.actor1.map_or("none", |a| a.as_str());
        let actor1_key = self.actor1.and_then(|a| ActorId::all().position(|b| b == a)).map_or(0, |i| i as u32 + 1);
        let confidence = Bin::of((self.trigger_confidence * 10.0) as usize, TRIGGER_CONFIDENCE);
        let (side, side_key) = if self.place_offset < 0 { ("before:", 0) } else { ("after:", 1) };
        let offset = Bin::of(self.place_offset.unsigned_abs(), PLACE_OFFSET);
        let share = Bin::of(self.sentence * 4 / self.sentences.max(1), SENTENCE_SHARE);
        let place_sentences = Bin::of(self.place_sentences, PLACE_SENTENCES);
        let place_first = Bin::of(self.place_first_sentence, PLACE_FIRST_SENTENCE);
        let triggers = Bin::of(self.triggers_in_sentence, TRIGGERS_IN_SENTENCE);
        let places = Bin::of(self.places_in_sentence, PLACES_IN_SENTENCE);
        let tokens = Bin::of(self.sentence_tokens, SENTENCE_TOKENS);
        let spelling = self.spelling.map_or("none", MatchLevel::as_str);
        let spelling_key = self.spelling.map_or(0, |level| level as u32 + 1);
        let rivals = Bin::of(self.rivals, RIVALS);
        let role_key = ROLES.iter().position(|r| *r == self.role).map_or(u32::MAX, |i| i as u32);
        out.feature(key(0, sub_key), |n| n.pieces(&["type=", sub_name]));
        out.feature(key(1, self.trigger_kind as u32), |n| n.kind(self.trigger_kind));
        // The trigger's words are open-ended: weighed by name.
        out.feature(None, |n| n.pieces(&["trigger=", &self.trigger]));
        out.feature(key(2, confidence.index), |n| n.bin("trigger_confidence=", confidence));
        out.feature(key(3, role_key), |n| n.pieces(&["role=", self.role]));
        out.feature(key(4, self.resolution as u32), |n| n.pieces(&["resolution=", resolution]));
        out.feature(key(5, side_key * 8 + offset.index), |n| {
            n.pieces(&["place_offset=", side, offset.below, offset.bound, offset.or_more])
        });
        out.feature(key(6, actor1_key), |n| n.pieces(&["actor1=", actor1]));
        out.feature(key(7, self.date as u32), |n| n.pieces(&["date=", date]));
        out.feature(key(8, sentence.index), |n| n.bin("sentence=", sentence));
        out.feature(key(9, share.index), |n| n.bin("sentence_share=", share));
        out.feature(key(10, place_sentences.index), |n| n.bin("place_sentences=", place_sentences));
        out.feature(key(11, place_first.index), |n| n.bin("place_first_sentence=", place_first));
        out.feature(key(12, triggers.index), |n| n.bin("triggers_in_sentence=", triggers));
        out.feature(key(13, places.index), |n| n.bin("places_in_sentence=", places));
        out.feature(key(14, tokens.index), |n| n.bin("sentence_tokens=", tokens));
        out.feature(key(20, spelling_key), |n| n.pieces(&["spelling=", spelling]));
        out.feature(key(21, rivals.index), |n| n.bin("rivals=", rivals));
        // Conjunctions the linear model cannot form itself: a type is likelier at some
        // places, sentences and dates than at others.
        out.feature(key(15, sub_key * 8 + self.resolution as u32), |n| {
            n.pieces(&["type=", sub_name, "&resolution=", resolution])
        });
        out.feature(key(16, sub_key * 8 + sentence.index), |n| {
            n.pieces(&["type=", sub_name, "&sentence=", sentence.below, sentence.bound, sentence.or_more])
        });
        out.feature(key(17, sub_key * 8 + self.date as u32), |n| n.pieces(&["type=", sub_name, "&date=", date]));
        let (has_actor1, has_actor1_key) = if self.actor1.is_some() { ("true", 1) } else { ("false", 0) };
        out.feature(key(18, sub_key * 2 + has_actor1_key), |n| n.pieces(&["type=", sub_name, "&actor1=", has_actor1]));
        let flags = [
            (self.after_place_noun, "after_place_noun"),
            (self.has_actor2, "actor2"),
            (self.tolls_in_sentence, "toll_in_sentence"),
            (self.claimed, "claimed"),
            (self.source_named, "source_named"),
            (self.hypothetical_in_sentence, "hypothetical_in_sentence"),
            (self.read_twice, READ_TWICE),
        ];
        for (i, (on, flag)) in flags.iter().enumerate() {
            if *on {
                out.feature(key(19, i as u32), |n| n.pieces(&[flag]));
            }
        }
    }
}

/// A feature as a number: its family (the order [`Candidate::each_feature`] names them in)
/// and its value's index in that family. Two features have the same key only if they have
/// the same name, so a key's weight, once found by name, stands for the name.
type Key = Option<u32>;

/// The key of family `family`, value `value`; none for a value out of the family's range
/// (weighed by name).
fn key(family: u32, value: u32) -> Key {
    (value < 1 << 16).then_some(family << 16 | value)
}

/// Where [`Candidate::each_feature`] puts each feature.
trait Sink {
    fn feature(&mut self, key: Key, name: impl FnOnce(&mut Name));
}

/// A feature's name, written into a reused buffer.
struct Name(String);

impl Name {
    fn pieces(&mut self, pieces: &[&str]) {
        self.0.clear();
        for piece in pieces {
            self.0.push_str(piece);
        }
    }

    fn bin(&mut self, family: &str, bin: Bin) {
        self.pieces(&[family, bin.below, bin.bound, bin.or_more]);
    }

    /// The trigger's kind as its `Debug` form names it.
    fn kind(&mut self, kind: TriggerKind) {
        self.0.clear();
        self.0.push_str("kind=");
        self.0.push_str(kind.name());
    }
}

/// Collects the names.
struct Names(Vec<String>);

impl Sink for Names {
    fn feature(&mut self, _: Key, name: impl FnOnce(&mut Name)) {
        let mut written = Name(String::new());
        name(&mut written);
        self.0.push(written.0);
    }
}

/// The names of the roles a place mention has, as features give them.
const ROLES: [&str; 8] = ["site", "region", "near", "landmark", "origin", "country", "facility", "person"];

/// The real-event features of each event an extraction keeps, in the order of its events:
/// kept as the facts they are made of and named when asked for, since only `frontline
/// train` reads them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventFeatures(Vec<Candidate>);

impl EventFeatures {
    pub(crate) fn push(&mut self, candidate: Candidate) {
        self.0.push(candidate);
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The features of the event at `index`, named.
    pub fn get(&self, index: usize) -> Option<Vec<String>> {
        self.0.get(index).map(Candidate::features)
    }

    /// The features of each event, named.
    pub fn iter(&self) -> impl Iterator<Item = Vec<String>> + '_ {
        self.0.iter().map(Candidate::features)
    }
}

impl IntoIterator for EventFeatures {
    type Item = Vec<String>;
    type IntoIter = Named;

    fn into_iter(self) -> Named {
        Named(self.0.into_iter())
    }
}

/// The features of each event of an extraction, named one event at a time.
pub struct Named(std::vec::IntoIter<Candidate>);

impl Iterator for Named {
    type Item = Vec<String>;

    fn next(&mut self) -> Option<Vec<String>> {
        self.0.next().map(|c| c.features())
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

/// A language's real-event model, its weights keyed for lookups by the names a candidate
/// writes (a fast hash: the names are the extractor's own, not an attacker's), and by the
/// features' keys once a name has given a key's weight.
pub(crate) struct Model {
    /// Tells this model's keys from another's in the memo of weights by key.
    id: u64,
    bias: f64,
    threshold: f64,
    by_feature: FxHashMap<Box<str>, f64>,
}

/// A language's trained models: the one that keeps real events and the one that states how
/// sure an event is. Either may be missing: the rules then decide, or give the confidence.
pub(crate) struct LanguageModels {
    pub(crate) real_event: Option<Model>,
    pub(crate) confidence: Option<Model>,
}

impl LanguageModels {
    pub(crate) const NONE: LanguageModels = LanguageModels { real_event: None, confidence: None };
}

/// The models made so far: each has its own id.
static MODELS: AtomicU64 = AtomicU64::new(0);

/// The most keys the memo of each thread holds before it starts again (a few hundred are
/// used per model).
const MEMO_KEYS: usize = 100_000;

thread_local! {
    /// Each key's weight (none: the model does not weigh the feature), by model id.
    static WEIGHT_OF_KEY: RefCell<FxHashMap<(u64, u32), Option<f64>>> = RefCell::new(FxHashMap::default());
}

impl Model {
    /// `None` when no model was trained for the language.
    pub(crate) fn new(weights: &Weights) -> Option<Model> {
        if weights.is_empty() {
            return None;
        }
        Some(Model::keyed(weights.bias, weights.threshold, &weights.by_feature))
    }

    /// The confidence model of a language, keyed for lookups as the real-event model is.
    pub(crate) fn for_confidence(confidence: &ConfidenceModel) -> Model {
        Model::keyed(confidence.bias, 0.0, &confidence.by_feature)
    }

    fn keyed(bias: f64, threshold: f64, weights: &std::collections::HashMap<String, f64>) -> Model {
        let by_feature = weights.iter().map(|(name, &w)| (Box::from(name.as_str()), w)).collect();
        Model { id: MODELS.fetch_add(1, Ordering::Relaxed), bias, threshold, by_feature }
    }

    /// The probability that the candidate is a real event: `σ(bias + Σ weight)` over its
    /// features in their order, as [`Weights::probability`] gives it for their names.
    pub(crate) fn probability(&self, candidate: &Candidate) -> f64 {
        let sum = WEIGHT_OF_KEY.with(|memo| {
            let mut memo = memo.borrow_mut();
            if memo.len() > MEMO_KEYS {
                memo.clear();
            }
            let mut weigher =
                Weigher { model: self, memo: &mut memo, name: Name(String::with_capacity(96)), sum: -0.0 };
            candidate.each_feature(&mut weigher);
            weigher.sum
        });
        1.0 / (1.0 + (-(self.bias + sum)).exp())
    }

    /// The probability below which a candidate is not kept.
    pub(crate) fn threshold(&self) -> f64 {
        self.threshold
    }

    fn weight_of_name(&self, name: &str) -> Option<f64> {
        self.by_feature.get(name).copied()
    }
}

/// Sums the weights of a candidate's features, in their order.
struct Weigher<'m> {
    model: &'m Model,
    memo: &'m mut FxHashMap<(u64, u32), Option<f64>>,
    name: Name,
    sum: f64,
}

impl Sink for Weigher<'_> {
    fn feature(&mut self, key: Key, name: impl FnOnce(&mut Name)) {
        let known = key.and_then(|k| self.memo.get(&(self.model.id, k)).copied());
        let weight = match known {
            // Tests check that a key stands for one name.
            Some(weight) if !cfg!(debug_assertions) => weight,
            _ => {
                name(&mut self.name);
                let weight = self.model.weight_of_name(&self.name.0);
                if let Some(k) = key {
                    let memo = self.memo.entry((self.model.id, k)).or_insert(weight);
                    assert!(*memo == weight, "feature key {k:#x} names two features ({:?})", self.name.0);
                }
                weight
            }
        };
        if let Some(w) = weight {
            self.sum += w;
        }
    }
}

/// Whether the confidence model weighs a feature: the evidence an event rests on (its type,
/// how its date and its place were found, how closely the gazetteer's name met the place's
/// mention and how many other places bear it, how many places its sentence names, whether
/// it was read twice), not the words that triggered it. Few, so that the few hundred coded
/// events of the corpus fit them without learning their noise.
pub fn weighs_for_confidence(name: &str) -> bool {
    const EVIDENCE: [&str; 6] = ["type=", "date=", "resolution=", "places_in_sentence=", "spelling=", "rivals="];
    name == READ_TWICE || (!name.contains('&') && EVIDENCE.iter().any(|family| name.starts_with(family)))
}

/// A trigger as a feature names it: lower case, its words joined by single spaces (a
/// hard-wrapped line breaks a phrase with a newline).
pub(crate) fn word_form(text: &str) -> String {
    let mut form = String::with_capacity(text.len());
    push_word_form(text, &mut form);
    form
}

/// [`word_form`], written at the end of a string.
fn push_word_form(text: &str, form: &mut String) {
    for (at, word) in text.split_whitespace().enumerate() {
        if at > 0 {
            form.push(' ');
        }
        // Most words are ASCII: copied whole and lowered where they were written, rather
        // than a string each, or a char at a time.
        if word.is_ascii() {
            let at = form.len();
            form.push_str(word);
            form[at..].make_ascii_lowercase();
        } else {
            form.push_str(&word.to_lowercase());
        }
    }
}

/// The bounds of each binned feature, with their names.
type Bounds = &'static [(usize, &'static str)];
const SENTENCE: Bounds = &[(0, "0"), (1, "1"), (2, "2"), (4, "4"), (8, "8")];
const TRIGGER_CONFIDENCE: Bounds = &[(5, "5"), (7, "7"), (8, "8"), (9, "9")];
const PLACE_OFFSET: Bounds = &[(0, "0"), (3, "3"), (6, "6"), (11, "11")];
const SENTENCE_SHARE: Bounds = &[(0, "0"), (1, "1"), (2, "2"), (3, "3")];
const PLACE_SENTENCES: Bounds = &[(1, "1"), (2, "2"), (3, "3")];
const PLACE_FIRST_SENTENCE: Bounds = &[(0, "0"), (1, "1"), (2, "2"), (4, "4")];
const TRIGGERS_IN_SENTENCE: Bounds = &[(1, "1"), (2, "2"), (3, "3")];
const PLACES_IN_SENTENCE: Bounds = &[(1, "1"), (2, "2"), (3, "3"), (5, "5")];
const SENTENCE_TOKENS: Bounds = &[(10, "10"), (20, "20"), (35, "35"), (60, "60")];
const RIVALS: Bounds = &[(0, "0"), (1, "1"), (2, "2")];

/// A value put in its bin, as a feature names it: the largest bound not above the value,
/// or "<first" below them all; the last bound reads as "that or more".
#[derive(Clone, Copy)]
struct Bin {
    /// Which of the bins: 0 below the first bound, `i + 1` from bound `i` on.
    index: u32,
    below: &'static str,
    bound: &'static str,
    or_more: &'static str,
}

impl Bin {
    fn of(value: usize, bounds: Bounds) -> Bin {
        let last = bounds.len() - 1;
        match bounds.iter().rposition(|&(b, _)| value >= b) {
            Some(i) => {
                Bin { index: i as u32 + 1, below: "", bound: bounds[i].1, or_more: if i == last { "+" } else { "" } }
            }
            None => Bin { index: 0, below: "<", bound: bounds[0].1, or_more: "" },
        }
    }
}

impl fmt::Display for Bin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}{}", self.below, self.bound, self.or_more)
    }
}

pub(crate) fn role_name(role: &PlaceRole) -> &'static str {
    ROLES[match role {
        PlaceRole::Site => 0,
        PlaceRole::Region { .. } => 1,
        PlaceRole::Near => 2,
        PlaceRole::Landmark => 3,
        PlaceRole::Origin => 4,
        PlaceRole::Country => 5,
        PlaceRole::Facility => 6,
        PlaceRole::Person => 7,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_fall_in_their_bins() {
        let bounds: Bounds = &[(1, "1"), (2, "2"), (3, "3")];
        assert_eq!(Bin::of(0, bounds).to_string(), "<1");
        assert_eq!(Bin::of(2, bounds).to_string(), "2");
        assert_eq!(Bin::of(7, bounds).to_string(), "3+");
        assert_eq!(Bin::of(4, PLACE_OFFSET).to_string(), "3");
        assert_eq!(Bin::of(12, PLACE_OFFSET).to_string(), "11+");
        assert_eq!(word_form("Frappes\n  aériennes"), "frappes aériennes");
    }

    #[test]
    fn names_are_the_debug_forms_and_the_numbers() {
        for d in [DateOrigin::Stated, DateOrigin::Inherited, DateOrigin::Default] {
            assert_eq!(d.as_str(), format!("{d:?}"));
        }
        for r in [Resolution::Point, Resolution::Governorate, Resolution::Unresolved] {
            assert_eq!(r.as_str(), format!("{r:?}"));
        }
        let all = [
            SENTENCE,
            TRIGGER_CONFIDENCE,
            PLACE_OFFSET,
            SENTENCE_SHARE,
            PLACE_SENTENCES,
            PLACE_FIRST_SENTENCE,
            TRIGGERS_IN_SENTENCE,
            PLACES_IN_SENTENCE,
            SENTENCE_TOKENS,
            RIVALS,
        ];
        for (bound, name) in all.iter().flat_map(|b| b.iter()) {
            assert_eq!(bound.to_string(), *name);
        }
    }

    /// The names as `format!` writes them, the way they were first defined.
    fn formatted(c: &Candidate) -> Vec<String> {
        fn bin(value: usize, bounds: &[usize]) -> String {
            match bounds.iter().rev().find(|&&b| value >= b) {
                Some(&b) if Some(&b) == bounds.last() => format!("{b}+"),
                Some(b) => b.to_string(),
                None => format!("<{}", bounds[0]),
            }
        }
        let sub = c.sub_event_type.as_str();
        let sentence = bin(c.sentence, &[0, 1, 2, 4, 8]);
        let side = if c.place_offset < 0 { "before" } else { "after" };
        let mut f = vec![
            format!("type={sub}"),
            format!("kind={:?}", c.trigger_kind),
            format!("trigger={}", c.trigger),
            format!("trigger_confidence={}", bin((c.trigger_confidence * 10.0) as usize, &[5, 7, 8, 9])),
            format!("role={}", c.role),
            format!("resolution={:?}", c.resolution),
            format!("place_offset={side}:{}", bin(c.place_offset.unsigned_abs(), &[0, 3, 6, 11])),
            format!("actor1={}", c.actor1.map_or("none", |a| a.as_str())),
            format!("date={:?}", c.date),
            format!("sentence={sentence}"),
            format!("sentence_share={}", bin(c.sentence * 4 / c.sentences.max(1), &[0, 1, 2, 3])),
            format!("place_sentences={}", bin(c.place_sentences, &[1, 2, 3])),
            format!("place_first_sentence={}", bin(c.place_first_sentence, &[0, 1, 2, 4])),
            format!("triggers_in_sentence={}", bin(c.triggers_in_sentence, &[1, 2, 3])),
            format!("places_in_sentence={}", bin(c.places_in_sentence, &[1, 2, 3, 5])),
            format!("sentence_tokens={}", bin(c.sentence_tokens, &[10, 20, 35, 60])),
            format!("spelling={}", c.spelling.map_or("none".to_string(), |l| format!("{l:?}"))),
            format!("rivals={}", bin(c.rivals, &[0, 1, 2])),
            format!("type={sub}&resolution={:?}", c.resolution),
            format!("type={sub}&sentence={sentence}"),
            format!("type={sub}&date={:?}", c.date),
            format!("type={sub}&actor1={}", c.actor1.is_some()),
        ];
        let flags = [
            (c.after_place_noun, "after_place_noun"),
            (c.has_actor2, "actor2"),
            (c.tolls_in_sentence, "toll_in_sentence"),
            (c.claimed, "claimed"),
            (c.source_named, "source_named"),
            (c.hypothetical_in_sentence, "hypothetical_in_sentence"),
            (c.read_twice, READ_TWICE),
        ];
        f.extend(flags.iter().filter(|(on, _)| *on).map(|(_, name)| name.to_string()));
        f
    }

    /// Candidates of every type, kind, role, actor and bin, deterministically varied.
    fn varied_candidates() -> Vec<Candidate> {
        let kinds = [TriggerKind::Take, TriggerKind::AirStrike, TriggerKind::Clash, TriggerKind::Incident];
        let actors: Vec<Option<ActorId>> = std::iter::once(None).chain(ActorId::all().map(Some)).collect();
        let mut state: u64 = 7;
        let mut next = |n: usize| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 33) as usize % n
        };
        let mut out = Vec::new();
        for (i, &sub) in SubEventType::ALL.iter().enumerate() {
            for j in 0..40 {
                out.push(Candidate {
                    sub_event_type: sub,
                    trigger_kind: kinds[(i + j) % kinds.len()],
                    trigger: ["raids", "frappes aériennes", "took"][next(3)].into(),
                    trigger_confidence: next(11) as f64 / 10.0,
                    role: ROLES[next(ROLES.len())],
                    after_place_noun: next(2) == 0,
                    resolution: [Resolution::Point, Resolution::Governorate, Resolution::Unresolved][next(3)],
                    spelling: [None, Some(MatchLevel::Exact), Some(MatchLevel::Skeleton), Some(MatchLevel::Fuzzy)]
                        [next(4)],
                    rivals: next(5),
                    place_offset: next(30) as isize - 15,
                    actor1: actors[next(actors.len())],
                    has_actor2: next(2) == 0,
                    date: [DateOrigin::Stated, DateOrigin::Inherited, DateOrigin::Default][next(3)],
                    sentence: next(12),
                    sentences: next(12),
                    place_sentences: next(5),
                    place_first_sentence: next(7),
                    triggers_in_sentence: next(5),
                    places_in_sentence: next(7),
                    sentence_tokens: next(80),
                    tolls_in_sentence: next(2) == 0,
                    claimed: next(2) == 0,
                    source_named: next(2) == 0,
                    hypothetical_in_sentence: next(2) == 0,
                    read_twice: next(2) == 0,
                });
            }
        }
        out
    }

    #[test]
    fn the_model_by_keys_weighs_as_the_weights_by_names() {
        let candidates = varied_candidates();
        let mut weights = Weights { bias: -0.3, threshold: 0.5, ..Weights::default() };
        // Every other name the candidates have, each its own weight.
        let mut names: Vec<String> = candidates.iter().flat_map(Candidate::features).collect();
        names.sort();
        names.dedup();
        for (i, name) in names.iter().enumerate().filter(|(i, _)| i % 2 == 0) {
            weights.by_feature.insert(name.clone(), (i as f64 * 0.37).sin());
        }
        let model = Model::new(&weights).expect("a trained model");
        // Twice: the second time the keys' weights come from the memo.
        for _ in 0..2 {
            for c in &candidates {
                let by_name = weights.probability(c.features().iter().map(String::as_str));
                assert_eq!(model.probability(c).to_bits(), by_name.to_bits(), "{:?}", c.features());
            }
        }
    }

    #[test]
    fn names_put_together_equal_the_formatted_ones() {
        for c in varied_candidates() {
            assert_eq!(c.features(), formatted(&c));
        }
        let mut c = Candidate {
            sub_event_type: SubEventType::AirDroneStrike,
            trigger_kind: TriggerKind::AirStrike,
            trigger: "frappes aériennes".into(),
            trigger_confidence: 0.85,
            role: "site",
            after_place_noun: true,
            resolution: Resolution::Point,
            spelling: Some(MatchLevel::Transliterated),
            rivals: 1,
            place_offset: -4,
            actor1: ActorId::parse("RUS"),
            has_actor2: false,
            date: DateOrigin::Inherited,
            sentence: 3,
            sentences: 9,
            place_sentences: 2,
            place_first_sentence: 0,
            triggers_in_sentence: 5,
            places_in_sentence: 0,
            sentence_tokens: 61,
            tolls_in_sentence: true,
            claimed: false,
            source_named: true,
            hypothetical_in_sentence: false,
            read_twice: true,
        };
        for (offset, sentence, tokens) in [(-4, 3, 61), (0, 0, 9), (12, 8, 20), (7, 100, 35)] {
            c.place_offset = offset;
            c.sentence = sentence;
            c.sentence_tokens = tokens;
            c.actor1 = if sentence == 0 { None } else { c.actor1 };
            assert_eq!(c.features(), formatted(&c));
        }
    }
}
