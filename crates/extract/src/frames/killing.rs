//! Killing frames: a killing the sentence tells with its doer and its civilian dead, and
//! with no other deed ("Syrian government forces killed three civilians in Nawa", "قتلت
//! قوات النظام ثلاثة مدنيين", "le groupe État islamique a tué 36 personnes"): violence against
//! civilians, an attack (docs/annotation.md §3). A toll alone ("three civilians were
//! killed") names no doer and stays a toll of the sentence's other events.

use frontline_core::SubEventType;

use super::territory::is_event_kind;
use super::Frame;
use crate::reader::SentenceReader;
use crate::spot::{ActorMention, TriggerMention};

/// The most words between a word of killing and the civilians it killed ("killed at least
/// three civilians", "قتلت قوات النظام ثلاثة مدنيين": the verb's subject between them).
const VICTIMS_REACH: usize = 6;
/// The most words between a killing's subject and its verb (an auxiliary, an adverb).
const SUBJECT_GAP: usize = 2;

impl<'s> SentenceReader<'_, 's> {
    /// The side that killed civilians, when the sentence tells a killing so and no other
    /// deed: the subject before the word (or, in a verb-first clause, right after it), or
    /// the agent of its passive ("three civilians were killed by regime forces").
    pub(crate) fn killer_of_civilians(&self, trigger: &TriggerMention) -> Option<ActorMention> {
        let s = self.spotted;
        if s.triggers.iter().any(|t| is_event_kind(t.trigger.kind)) {
            return None;
        }
        // Killed from the air, the deed is a strike the sentence's aircraft made.
        if self.aircraft_spans().next().is_some() {
            return None;
        }
        let tokens = &s.tokens;
        let civilians = |at: usize| self.ctx.pack.civilians.match_at(tokens, at).is_some();
        let after = (trigger.end..(trigger.end + VICTIMS_REACH).min(tokens.len()))
            .find(|&at| civilians(at))
            .filter(|&at| self.same_clause(trigger.end, at));
        let before = (trigger.start.saturating_sub(VICTIMS_REACH)..trigger.start)
            .find(|&at| civilians(at))
            .filter(|&at| self.same_clause(at, trigger.start));
        let armed = |a: &ActorMention| a.id.is_armed();
        if after.is_some() {
            // The subject right before the verb ("forces killed", "a tué"), not a side named
            // earlier in the sentence ("missiles fired from the army's bases, killing").
            let first = self.subject_before(trigger).filter(|a| trigger.start - a.end <= SUBJECT_GAP).cloned();
            let verb_first = || s.actors.iter().find(|a| self.right_after(trigger, a)).cloned();
            return first.or_else(verb_first).filter(armed);
        }
        if before.is_some() && self.agent_follows(trigger) {
            return self.actor_after(trigger.end, 5).filter(armed);
        }
        None
    }

    /// The attack of a killing of civilians, at the sentence's sites (else its region).
    pub(crate) fn killing(&self, trigger: &'s TriggerMention, killer: &ActorMention, frames: &mut Vec<Frame<'s>>) {
        for place in self.targets(trigger) {
            frames.push(Frame::new(SubEventType::Attack, place, trigger).by(Some(killer.clone())));
        }
    }
}
