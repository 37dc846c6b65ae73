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

    /// Each real-event feature's name in turn, written into one buffer: naming a feature
    /// costs no allocation.
    fn each_feature(&self, mut visit: impl FnMut(&str)) {
        let mut name = String::with_capacity(96);
        let mut emit = |args: fmt::Arguments<'_>| {
            name.clear();
            let _ = name.write_fmt(args);
            visit(&name);
        };
        let sub = self.sub_event_type.as_str();
        let sentence = Bin(self.sentence, &[0, 1, 2, 4, 8]);
        let actor1 = self.actor1.map_or("none", |a| a.as_str());
        emit(format_args!("type={sub}"));
        emit(format_args!("kind={:?}", self.trigger_kind));
        emit(format_args!("trigger={}", self.trigger));
        emit(format_args!("trigger_confidence={}", Bin((self.trigger_confidence * 10.0) as usize, &[5, 7, 8, 9])));
        emit(format_args!("role={}", self.role));
        emit(format_args!("resolution={:?}", self.resolution));
        emit(format_args!("place_offset={}", OffsetBin(self.place_offset)));
        emit(format_args!("actor1={actor1}"));
        emit(format_args!("date={:?}", self.date));
        emit(format_args!("sentence={sentence}"));
        emit(format_args!("sentence_share={}", Bin(self.sentence * 4 / self.sentences.max(1), &[0, 1, 2, 3])));
        emit(format_args!("place_sentences={}", Bin(self.place_sentences, &[1, 2, 3])));
        emit(format_args!("place_first_sentence={}", Bin(self.place_first_sentence, &[0, 1, 2, 4])));
        emit(format_args!("triggers_in_sentence={}", Bin(self.triggers_in_sentence, &[1, 2, 3])));
        emit(format_args!("places_in_sentence={}", Bin(self.places_in_sentence, &[1, 2, 3, 5])));
        emit(format_args!("sentence_tokens={}", Bin(self.sentence_tokens, &[10, 20, 35, 60])));
        // Conjunctions the linear model cannot form itself: a type is likelier at some
        // places, sentences and dates than at others.
        emit(format_args!("type={sub}&resolution={:?}", self.resolution));
        emit(format_args!("type={sub}&sentence={sentence}"));
        emit(format_args!("type={sub}&date={:?}", self.date));
        emit(format_args!("type={sub}&actor1={}", self.actor1.is_some()));
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
            visit(flag);
        }
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

/// A value put in its bin, as a feature names it: the largest bound not above the value,
/// or "<first" below them all; the last bound reads as "that or more".
struct Bin(usize, &'static [usize]);

impl fmt::Display for Bin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Bin(value, bounds) = *self;
        match bounds.iter().rev().find(|&&b| value >= b) {
            Some(&b) if Some(&b) == bounds.last() => write!(f, "{b}+"),
            Some(b) => write!(f, "{b}"),
            None => write!(f, "<{}", bounds[0]),
        }
    }
}

/// Tokens from the trigger to the place, binned, with the side the place stands on.
struct OffsetBin(isize);

impl fmt::Display for OffsetBin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let side = if self.0 < 0 { "before" } else { "after" };
        write!(f, "{side}:{}", Bin(self.0.unsigned_abs(), &[0, 3, 6, 11]))
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
        assert_eq!(Bin(0, &[1, 2, 3]).to_string(), "<1");
        assert_eq!(Bin(2, &[1, 2, 3]).to_string(), "2");
        assert_eq!(Bin(7, &[1, 2, 3]).to_string(), "3+");
        assert_eq!(OffsetBin(-4).to_string(), "before:3");
        assert_eq!(OffsetBin(12).to_string(), "after:11+");
        assert_eq!(word_form("Frappes\n  aériennes"), "frappes aériennes");
    }
}
