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

use std::fmt::{self, Write as _};

use rustc_hash::FxHashMap;

use frontline_core::{ActorId, SubEventType};
use frontline_lang::{TriggerKind, Weights};

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
    pub abroad: bool,
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
        let mut f = vec![
            format!("rule={}", self.sub_event_type.as_str()),
            format!("t={}", self.trigger),
            format!("k={:?}", self.trigger_kind),
            format!("a1={}", self.actor1.map_or("none", |a| a.as_str())),
            format!("role={}", self.role),
        ];
        for t in triggers {
            f.push(format!("sw={}", word_form(&t.text)));
            f.push(format!("sk={:?}", t.trigger.kind));
            if let Some(sub) = t.trigger.sub_event_type {
                f.push(format!("st={}", sub.as_str()));
            }
        }
        f.extend(actors.iter().map(|a| format!("sa={}", a.id.as_str())));
        if self.tolls_in_sentence {
            f.push("toll".into());
        }
        f.sort();
        f.dedup();
        f
    }

    /// The real-event model's features, named.
    pub(crate) fn features(&self) -> Vec<String> {
        let mut names = Vec::with_capacity(32);
        self.each_feature(|name| names.push(name.to_owned()));
        names
    }

    /// Each real-event feature's name in turn, put together from its pieces in one buffer:
    /// naming a feature costs neither an allocation nor the formatting machinery (the model
    /// names every candidate's features to weigh it).
    fn each_feature(&self, visit: impl FnMut(&str)) {
        let mut out = Namer { name: String::with_capacity(96), visit };
        let sub = self.sub_event_type.as_str();
        let sentence = Bin::of(self.sentence, SENTENCE);
        let resolution = self.resolution.as_str();
        let date = self.date.as_str();
        out.name(&["type=", sub]);
        out.name_kind(self.trigger_kind);
        out.name(&["trigger=", &self.trigger]);
        out.name_bin("trigger_confidence=", Bin::of((self.trigger_confidence * 10.0) as usize, TRIGGER_CONFIDENCE));
        out.name(&["role=", self.role]);
        out.name(&["resolution=", resolution]);
        let side = if self.place_offset < 0 { "before:" } else { "after:" };
        let offset = Bin::of(self.place_offset.unsigned_abs(), PLACE_OFFSET);
        out.name(&["place_offset=", side, offset.below, offset.bound, offset.or_more]);
        out.name(&["actor1=", self.actor1.map_or("none", |a| a.as_str())]);
        out.name(&["date=", date]);
        out.name_bin("sentence=", sentence);
        out.name_bin("sentence_share=", Bin::of(self.sentence * 4 / self.sentences.max(1), SENTENCE_SHARE));
        out.name_bin("place_sentences=", Bin::of(self.place_sentences, PLACE_SENTENCES));
        out.name_bin("place_first_sentence=", Bin::of(self.place_first_sentence, PLACE_FIRST_SENTENCE));
        out.name_bin("triggers_in_sentence=", Bin::of(self.triggers_in_sentence, TRIGGERS_IN_SENTENCE));
        out.name_bin("places_in_sentence=", Bin::of(self.places_in_sentence, PLACES_IN_SENTENCE));
        out.name_bin("sentence_tokens=", Bin::of(self.sentence_tokens, SENTENCE_TOKENS));
        // Conjunctions the linear model cannot form itself: a type is likelier at some
        // places, sentences and dates than at others.
        out.name(&["type=", sub, "&resolution=", resolution]);
        out.name(&["type=", sub, "&sentence=", sentence.below, sentence.bound, sentence.or_more]);
        out.name(&["type=", sub, "&date=", date]);
        out.name(&["type=", sub, "&actor1=", if self.actor1.is_some() { "true" } else { "false" }]);
        let flags = [
            (self.after_place_noun, "after_place_noun"),
            (self.abroad, "abroad"),
            (self.has_actor2, "actor2"),
            (self.tolls_in_sentence, "toll_in_sentence"),
            (self.claimed, "claimed"),
            (self.source_named, "source_named"),
            (self.hypothetical_in_sentence, "hypothetical_in_sentence"),
            (self.read_twice, READ_TWICE),
        ];
        for (_, flag) in flags.iter().filter(|(on, _)| *on) {
            out.name(&[flag]);
        }
    }
}

/// Writes feature names into one buffer and hands each to a visitor.
struct Namer<F> {
    name: String,
    visit: F,
}

impl<F: FnMut(&str)> Namer<F> {
    fn name(&mut self, pieces: &[&str]) {
        self.name.clear();
        for piece in pieces {
            self.name.push_str(piece);
        }
        (self.visit)(&self.name);
    }

    fn name_bin(&mut self, family: &str, bin: Bin) {
        self.name(&[family, bin.below, bin.bound, bin.or_more]);
    }

    /// The trigger's kind as its `Debug` form names it.
    fn name_kind(&mut self, kind: TriggerKind) {
        self.name.clear();
        let _ = write!(self.name, "kind={kind:?}");
        (self.visit)(&self.name);
    }
}

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
/// writes (a fast hash: the names are the extractor's own, not an attacker's).
pub(crate) struct Model {
    bias: f64,
    threshold: f64,
    by_feature: FxHashMap<Box<str>, f64>,
}

impl Model {
    /// `None` when no model was trained for the language.
    pub(crate) fn new(weights: &Weights) -> Option<Model> {
        if weights.is_empty() {
            return None;
        }
        let by_feature = weights.by_feature.iter().map(|(name, &w)| (Box::from(name.as_str()), w)).collect();
        Some(Model { bias: weights.bias, threshold: weights.threshold, by_feature })
    }

    /// The probability that the candidate is a real event: `σ(bias + Σ weight)` over its
    /// features in their order, as [`Weights::probability`] gives it for their names.
    pub(crate) fn probability(&self, candidate: &Candidate) -> f64 {
        let mut sum = -0.0;
        candidate.each_feature(|name| {
            if let Some(w) = self.by_feature.get(name) {
                sum += w;
            }
        });
        1.0 / (1.0 + (-(self.bias + sum)).exp())
    }

    /// The probability below which a candidate is not kept.
    pub(crate) fn threshold(&self) -> f64 {
        self.threshold
    }
}

/// A trigger as a feature names it: lower case, its words joined by single spaces (a
/// hard-wrapped line breaks a phrase with a newline).
pub(crate) fn word_form(text: &str) -> String {
    text.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ")
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

/// A value put in its bin, as a feature names it: the largest bound not above the value,
/// or "<first" below them all; the last bound reads as "that or more".
#[derive(Clone, Copy)]
struct Bin {
    below: &'static str,
    bound: &'static str,
    or_more: &'static str,
}

impl Bin {
    fn of(value: usize, bounds: Bounds) -> Bin {
        let last = bounds.len() - 1;
        match bounds.iter().rposition(|&(b, _)| value >= b) {
            Some(i) => Bin { below: "", bound: bounds[i].1, or_more: if i == last { "+" } else { "" } },
            None => Bin { below: "<", bound: bounds[0].1, or_more: "" },
        }
    }
}

impl fmt::Display for Bin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}{}", self.below, self.bound, self.or_more)
    }
}

pub(crate) fn role_name(role: &PlaceRole) -> &'static str {
    match role {
        PlaceRole::Site => "site",
        PlaceRole::Region { .. } => "region",
        PlaceRole::Near => "near",
        PlaceRole::Landmark => "landmark",
        PlaceRole::Origin => "origin",
        PlaceRole::Country => "country",
        PlaceRole::Facility => "facility",
        PlaceRole::Person => "person",
    }
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
            format!("type={sub}&resolution={:?}", c.resolution),
            format!("type={sub}&sentence={sentence}"),
            format!("type={sub}&date={:?}", c.date),
            format!("type={sub}&actor1={}", c.actor1.is_some()),
        ];
        let flags = [
            (c.after_place_noun, "after_place_noun"),
            (c.abroad, "abroad"),
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

    #[test]
    fn names_put_together_equal_the_formatted_ones() {
        let mut c = Candidate {
            sub_event_type: SubEventType::AirDroneStrike,
            trigger_kind: TriggerKind::AirStrike,
            trigger: "frappes aériennes".into(),
            trigger_confidence: 0.85,
            role: "site",
            after_place_noun: true,
            resolution: Resolution::Point,
            abroad: false,
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
