//! Flight frames: people displaced from the places a flight word names.

use frontline_core::SubEventType;
use frontline_lang::TriggerKind;

use super::territory::is_event_kind;
use super::Frame;
use crate::reader::SentenceReader;
use crate::spot::{PlaceMention, PlaceRole, TriggerMention};

/// An event word this close after a flight word is what people fled ("fleeing intense
/// fighting in X", "نزوح هربا من القصف"): its places are the flight's too.
const CAUSE_DISTANCE: usize = 3;

impl<'s> SentenceReader<'_, 's> {
    /// People fleeing the places that follow the trigger ("fled Ariha"), else those named
    /// before it in its clause ("residents of Ariha fled"). The places after it are those of
    /// its own clause, up to the next event told ("a wave of flight from X, while the
    /// factions shelled Y": Y is where the shells fell, not where people fled from), unless
    /// that event is what they fled.
    pub(crate) fn flight(&self, trigger: &'s TriggerMention, frames: &mut Vec<Frame<'s>>) {
        let origin = |p: &&PlaceMention| {
            p.role == PlaceRole::Site && self.is_named_place(p) || matches!(p.role, PlaceRole::Region { .. })
        };
        let places = &self.spotted.places;
        let next_event = self
            .spotted
            .triggers
            .iter()
            .find(|t| {
                t.start >= trigger.end + CAUSE_DISTANCE
                    && is_event_kind(t.trigger.kind)
                    && t.trigger.kind != TriggerKind::Flee
            })
            .map_or(self.spotted.tokens.len(), |t| t.start);
        let after: Vec<&PlaceMention> = places
            .iter()
            .filter(|p| p.start >= trigger.end && p.end <= next_event && self.same_clause(trigger.end, p.start))
            .filter(origin)
            .collect();
        let origins = if after.is_empty() {
            let before = |p: &&PlaceMention| p.end <= trigger.start && self.same_clause(p.end, trigger.start);
            places.iter().filter(before).filter(origin).collect()
        } else {
            after
        };
        for place in origins {
            frames.push(Frame::new(SubEventType::Displacement, place, trigger));
        }
    }
}
