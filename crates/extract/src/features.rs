//! What the trained model sees of a candidate event: named binary features of its trigger,
//! place, actors, date and position in the article. The rules propose candidates; the
//! model, whose weights `frontline train` learns from the annotated corpus, decides which
//! assert a new event and how sure that is (`frontline_lang::Weights`).
//!
//! Feature names are stable strings (`type=Armed clash`, `sentence=0`): a weights file is
//! read by a linguist as a list of cues and how much each counts.

use frontline_core::{ActorId, SubEventType};
use frontline_lang::TriggerKind;

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
pub(crate) struct Candidate<'a> {
    pub sub_event_type: SubEventType,
    pub trigger_kind: TriggerKind,
    /// The trigger as written, folded.
    pub trigger: &'a str,
    /// The confidence the pack gives the trigger.
    pub trigger_confidence: f64,
    pub role: &'a PlaceRole,
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
    /// Every trigger and actor of the sentence: what the type model reads.
    pub sentence_triggers: &'a [TriggerMention],
    pub sentence_actors: &'a [ActorMention],
}

impl Candidate<'_> {
    /// What the type model weighs: the type the rules chose, the candidate's trigger, and
    /// every trigger and actor of its sentence.
    pub(crate) fn type_features(&self) -> Vec<String> {
        let mut f = vec![
            format!("rule={}", self.sub_event_type.as_str()),
            format!("t={}", word_form(self.trigger)),
            format!("k={:?}", self.trigger_kind),
            format!("a1={}", self.actor1.map_or("none", |a| a.as_str())),
            format!("role={}", role_name(self.role)),
        ];
        for t in self.sentence_triggers {
            f.push(format!("sw={}", word_form(&t.text)));
            f.push(format!("sk={:?}", t.trigger.kind));
            if let Some(sub) = t.trigger.sub_event_type {
                f.push(format!("st={}", sub.as_str()));
            }
        }
        f.extend(self.sentence_actors.iter().map(|a| format!("sa={}", a.id.as_str())));
        if self.tolls_in_sentence {
            f.push("toll".into());
        }
        f.sort();
        f.dedup();
        f
    }

    pub(crate) fn features(&self) -> Vec<String> {
        let sub = self.sub_event_type.as_str();
        let sentence = bin(self.sentence, &[0, 1, 2, 4, 8]);
        let mut f = vec![
            format!("type={sub}"),
            format!("kind={:?}", self.trigger_kind),
            format!("trigger={}", word_form(self.trigger)),
            format!("trigger_confidence={}", bin((self.trigger_confidence * 10.0) as usize, &[5, 7, 8, 9])),
            format!("role={}", role_name(self.role)),
            format!("resolution={:?}", self.resolution),
            format!("place_offset={}", offset_bin(self.place_offset)),
            format!("actor1={}", self.actor1.map_or("none", |a| a.as_str())),
            format!("date={:?}", self.date),
            format!("sentence={sentence}"),
            format!("sentence_share={}", bin(self.sentence * 4 / self.sentences.max(1), &[0, 1, 2, 3])),
            format!("place_sentences={}", bin(self.place_sentences, &[1, 2, 3])),
            format!("place_first_sentence={}", bin(self.place_first_sentence, &[0, 1, 2, 4])),
            format!("triggers_in_sentence={}", bin(self.triggers_in_sentence, &[1, 2, 3])),
            format!("places_in_sentence={}", bin(self.places_in_sentence, &[1, 2, 3, 5])),
            format!("sentence_tokens={}", bin(self.sentence_tokens, &[10, 20, 35, 60])),
            // Conjunctions the linear model cannot form itself: a type is likelier at some
            // places, sentences and dates than at others.
            format!("type={sub}&resolution={:?}", self.resolution),
            format!("type={sub}&sentence={sentence}"),
            format!("type={sub}&date={:?}", self.date),
            format!("type={sub}&actor1={}", self.actor1.is_some()),
        ];
        let flags = [
            (self.after_place_noun, "after_place_noun"),
            (self.abroad, "abroad"),
            (self.has_actor2, "actor2"),
            (self.tolls_in_sentence, "toll_in_sentence"),
            (self.claimed, "claimed"),
            (self.source_named, "source_named"),
            (self.hypothetical_in_sentence, "hypothetical_in_sentence"),
        ];
        f.extend(flags.iter().filter(|(on, _)| *on).map(|(_, name)| name.to_string()));
        f
    }
}

/// A trigger as a feature names it: lower case, its words joined by single spaces (a
/// hard-wrapped line breaks a phrase with a newline).
fn word_form(text: &str) -> String {
    text.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

/// The largest bound not above `value`, or "<first" below them all; the last bound reads
/// as "that or more".
fn bin(value: usize, bounds: &[usize]) -> String {
    match bounds.iter().rev().find(|&&b| value >= b) {
        Some(&b) if Some(&b) == bounds.last() => format!("{b}+"),
        Some(b) => b.to_string(),
        None => format!("<{}", bounds[0]),
    }
}

fn offset_bin(offset: isize) -> String {
    let side = if offset < 0 { "before" } else { "after" };
    format!("{side}:{}", bin(offset.unsigned_abs(), &[0, 3, 6, 11]))
}

fn role_name(role: &PlaceRole) -> &'static str {
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
        assert_eq!(bin(0, &[1, 2, 3]), "<1");
        assert_eq!(bin(2, &[1, 2, 3]), "2");
        assert_eq!(bin(7, &[1, 2, 3]), "3+");
        assert_eq!(offset_bin(-4), "before:3");
        assert_eq!(offset_bin(12), "after:11+");
        assert_eq!(word_form("Frappes\n  aériennes"), "frappes aériennes");
    }
}
