//! Clash frames: fighting at named sites, between the actor before the trigger and the one
//! after it.

use frontline_core::SubEventType;
use frontline_lang::TriggerKind;

use super::Frame;
use crate::discourse::Discourse;
use crate::reader::SentenceReader;
use crate::spot::{PlaceMention, PlaceRole, TriggerMention};

impl<'s> SentenceReader<'_, 's> {
    /// Fighting at named sites, between the actor before the trigger and the one after.
    pub(crate) fn clash(&self, trigger: &'s TriggerMention, discourse: &Discourse, frames: &mut Vec<Frame<'s>>) {
        let s = self.spotted;
        let before = self.actor_before_in_clause(trigger).cloned().or_else(|| self.pronoun_subject(trigger, discourse));
        let mut after = s.actors.iter().filter(|a| a.start >= trigger.end && self.same_clause(trigger.end, a.start));
        // "X clashed with Y"; or both after the trigger: "combats ont opposé X à Y".
        // "صد هجوم للجيش", "an attack by ISIS was repelled": the side the trigger names as
        // attacking comes first (docs/annotation.md §3).
        let actor1 = self.agent_on_or_after(trigger).or(before).or_else(|| after.next().cloned());
        let actor2 = after.find(|a| Some(a.id) != actor1.as_ref().map(|x| x.id)).cloned();
        // Fighting "near X" or "on the outskirts of X" is coded at X, as an attack there is.
        let named_site =
            |p: &&PlaceMention| matches!(p.role, PlaceRole::Site | PlaceRole::Near) && self.is_named_place(p);
        let in_clause = |p: &&PlaceMention| p.start >= trigger.end && self.same_clause(trigger.end, p.start);
        let mut places: Vec<&PlaceMention> = s.places.iter().filter(named_site).filter(in_clause).collect();
        // "In Sarmin, the army clashed with rebels": the site put before the clause, ahead of
        // its subject (a place after the subject is what another verb did to it).
        let first_actor = s.actors.first().map_or(trigger.start, |a| a.start.min(trigger.start));
        if places.is_empty() {
            places = s.places.iter().filter(named_site).filter(|p| p.end <= first_actor).take(1).collect();
        }
        // Fighting "in the province of Daraa", with no town named: one clash in that region
        // (docs/annotation.md §5: region-level events only when no town is named).
        // Only a word of fighting itself: an assault or an ambush "in" a region is told of
        // one side's move, placed by the town it struck when the report names one.
        if places.is_empty()
            && trigger.trigger.kind == TriggerKind::Clash
            && !s.places.iter().any(|p| p.role == PlaceRole::Site && self.is_named_place(p))
        {
            places = s
                .places
                .iter()
                .filter(|p| matches!(p.role, PlaceRole::Region { .. }))
                .filter(in_clause)
                .take(1)
                .collect();
        }
        for place in places {
            let mut frame = Frame::new(SubEventType::ArmedClash, place, trigger).by(actor1.clone());
            frame.target = actor2.clone();
            frames.push(frame);
        }
    }
}
