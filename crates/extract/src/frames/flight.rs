//! Flight frames: people displaced from the places a flight word names.

use frontline_core::SubEventType;

use super::Frame;
use crate::reader::SentenceReader;
use crate::spot::{PlaceMention, PlaceRole, TriggerMention};

impl<'s> SentenceReader<'_, 's> {
    /// People fleeing the places that follow the trigger ("fled Ariha"), else those named
    /// before it in its clause ("residents of Ariha fled").
    pub(crate) fn flight(&self, trigger: &'s TriggerMention, frames: &mut Vec<Frame<'s>>) {
        let origin = |p: &&PlaceMention| {
            p.role == PlaceRole::Site && self.is_named_place(p) || matches!(p.role, PlaceRole::Region { .. })
        };
        let places = &self.spotted.places;
        let after: Vec<&PlaceMention> = places.iter().filter(|p| p.start >= trigger.end).filter(origin).collect();
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
