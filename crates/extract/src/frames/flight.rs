//! Flight frames: people displaced from the places a flight word names.

use frontline_core::SubEventType;
use frontline_lang::{TokenKind, TriggerKind};

use super::territory::is_event_kind;
use super::Frame;
use crate::reader::SentenceReader;
use crate::spot::{PlaceMention, PlaceRole, TriggerMention};

/// How close after a flight word an event word, with no punctuation between, is what people
/// fled ("fleeing intense fighting in X"): its places are the flight's too.
const CAUSE_DISTANCE: usize = 3;
/// The most tokens between a site and the region after it that situates it ("in rural",
/// "بريف", "dans la province de").
const SITUATING_GAP: usize = 4;

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
                t.start >= trigger.end
                    && is_event_kind(t.trigger.kind)
                    && t.trigger.kind != TriggerKind::Flee
                    && !self.is_cause_of_flight(trigger, t)
            })
            .map_or(self.spotted.tokens.len(), |t| t.start);
        // "نزوح إلى مناطق في ريف دمشق": the places after a word that sends people somewhere
        // are where they went.
        let destination = self
            .ctx
            .pack
            .flight_destinations
            .spans_at(&self.spotted.tokens, &self.spotted.starts)
            .into_iter()
            .find(|&(start, _)| start >= trigger.end)
            .map_or(usize::MAX, |(start, _)| start);
        let after: Vec<&PlaceMention> = places
            .iter()
            .filter(|p| p.start >= trigger.end && p.end <= next_event && self.same_clause(trigger.end, p.start))
            .filter(|p| p.start < destination)
            .filter(origin)
            .collect();
        let origins = if after.is_empty() {
            // "the villages of A, B, ... and K were emptied of their people": a list whose
            // items a place noun or a known name makes places, each an origin.
            // Places a word of destination lists ("وإلى حمص وحلب"), where an earlier flight
            // went, are no origin of this one.
            let listed: Vec<&PlaceMention> =
                self.list_before(trigger).into_iter().filter(|p| !self.listed_as_destination(p)).collect();
            if listed.len() > 1 && listed.iter().any(|p| self.is_named_place(p)) {
                listed
            } else {
                let before = |p: &&PlaceMention| {
                    p.end <= trigger.start && self.same_clause(p.end, trigger.start) && !self.listed_as_destination(p)
                };
                let in_clause: Vec<&PlaceMention> = places.iter().filter(before).filter(origin).collect();
                if in_clause.is_empty() {
                    self.home_of_residents(trigger).into_iter().collect()
                } else {
                    in_clause
                }
            }
        } else {
            after
        };
        let situating: Vec<usize> =
            origins.iter().filter(|p| self.situates_a_site(p, &origins)).map(|p| p.start).collect();
        for place in origins.into_iter().filter(|p| !situating.contains(&p.start)) {
            frames.push(Frame::new(SubEventType::Displacement, place, trigger));
        }
    }

    /// Whether a place is an item of a list a word of destination opens ("إلى حمص وحلب ودير
    /// الزور": to Homs, Aleppo and Deir ez-Zor): only places and list connectors between.
    fn listed_as_destination(&self, place: &PlaceMention) -> bool {
        let s = self.spotted;
        let pack = self.ctx.pack;
        let in_a_place = |i: usize| s.places.iter().any(|p| p.start <= i && i < p.end);
        pack.flight_destinations.spans_at(&s.tokens, &s.starts).into_iter().any(|(_, end)| {
            end <= place.start
                && (end..place.start).all(|i| in_a_place(i) || pack.list_connectors.match_at(&s.tokens, i).is_some())
        })
    }

    /// The place whose people the sentence names before the flight word, however long the
    /// aside between ("des milliers d'habitants de Homs, membres pour la plupart de ..., ont
    /// fui"): the people of a place who flee, flee it.
    fn home_of_residents(&self, trigger: &TriggerMention) -> Option<&'s PlaceMention> {
        let s = self.spotted;
        let people = self.ctx.pack.residents.spans_at(&s.tokens, &s.starts);
        s.places.iter().find(|p| {
            p.end <= trigger.start
                && p.role == PlaceRole::Site
                && self.is_named_place(p)
                && people.iter().any(|&(_, end)| end == p.start)
        })
    }

    /// Whether a region right after a site, with no list connector between, situates it
    /// ("from Saraqeb in rural Idlib", "من سراقب بريف إدلب"): people fled the site, and the
    /// region is no origin of its own.
    fn situates_a_site(&self, region: &PlaceMention, origins: &[&PlaceMention]) -> bool {
        let tokens = &self.spotted.tokens;
        let pack = self.ctx.pack;
        matches!(region.role, PlaceRole::Region { .. })
            && origins.iter().any(|site| {
                site.role == PlaceRole::Site
                    && site.end <= region.start
                    && region.start - site.end <= SITUATING_GAP
                    && (site.end..region.start).all(|i| pack.list_connectors.match_at(tokens, i).is_none())
            })
    }

    /// Whether an event word is what people fled: within a few words after the flight word,
    /// nothing but words between ("fleeing intense fighting", "نزوح هربا من القصف").
    fn is_cause_of_flight(&self, flight: &TriggerMention, event: &TriggerMention) -> bool {
        let tokens = &self.spotted.tokens;
        event.start < flight.end + CAUSE_DISTANCE
            && tokens[flight.end..event.start].iter().all(|t| t.kind != TokenKind::Punct)
    }
}
