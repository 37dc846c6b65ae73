//! Incident frames: an event a word names on its own (a roadside bomb, an arrest, a
//! protest), typed by its trigger.

use frontline_core::{ActorId, SubEventType};
use frontline_lang::TriggerKind;

use super::Frame;
use crate::reader::SentenceReader;
use crate::spot::{ActorMention, TriggerMention};

impl<'s> SentenceReader<'_, 's> {
    /// An event a word names on its own ("roadside bomb", "arrested", "protest"): its type is
    /// the trigger's, actor1 the agent the sentence names (the protesters, for a protest),
    /// its places the sentence's sites, else its region. A protest in a sentence that tells
    /// of forces acting against it is a protest with intervention.
    pub(crate) fn incident(&self, trigger: &'s TriggerMention, frames: &mut Vec<Frame<'s>>) {
        let Some(mut sub_event_type) = trigger.trigger.sub_event_type else {
            return;
        };
        let protest = matches!(sub_event_type, SubEventType::PeacefulProtest | SubEventType::ProtestWithIntervention);
        let intervened = self.spotted.triggers.iter().any(|t| t.trigger.kind == TriggerKind::Intervention);
        if sub_event_type == SubEventType::PeacefulProtest && intervened {
            sub_event_type = SubEventType::ProtestWithIntervention;
        }
        let actor = if protest {
            ActorId::parse("PROT").map(|id| ActorMention {
                start: trigger.start,
                end: trigger.end,
                id,
                text: trigger.text.clone(),
                joint: None,
                allies: None,
            })
        } else {
            self.attacker_in_sentence(trigger)
        };
        for place in self.targets(trigger) {
            frames.push(Frame::new(sub_event_type, place, trigger).by(actor.clone()));
        }
    }
}
