//! Incident frames: an event a word names on its own (a roadside bomb, an arrest, a
//! protest), typed by its trigger.

use frontline_core::{ActorId, SubEventType};
use frontline_lang::{RegionSide, TriggerKind};

use super::Frame;
use crate::dates::best_for;
use crate::discourse::{Discourse, PlacelessBombing, ATTACK_MEMORY};
use crate::reader::SentenceReader;
use crate::spot::{one_connector_between, ActorMention, PlaceMention, PlaceRole, TriggerMention};

impl<'s> SentenceReader<'_, 's> {
    /// An event a word names on its own ("roadside bomb", "arrested", "protest"): its type is
    /// the trigger's, actor1 the agent the sentence names (the protesters, for a protest),
    /// its places the sentence's sites, else its region. A protest at the place that forces
    /// acted against (see [`Self::intervened_places`]) is a protest with intervention.
    pub(crate) fn incident(&self, trigger: &'s TriggerMention, discourse: &mut Discourse, frames: &mut Vec<Frame<'s>>) {
        let Some(sub_event_type) = trigger.trigger.sub_event_type else {
            return;
        };
        // Shooting at a protest is the protest's intervention (see below), not an attack of
        // its own.
        if sub_event_type == SubEventType::Attack && self.tells_of_a_protest() {
            return;
        }
        // "unknown gunmen" as a word of attack names only who did it: the deed the sentence
        // tells with it ("kidnapped", "a bomb they planted") is the event.
        if sub_event_type == SubEventType::Attack && self.names_only_the_doer(trigger) {
            return;
        }
        // "withdrew from the village under an agreement with Russia", "سلمت سلاحها وفقا لاتفاق":
        // a deal named as what another deed was done under is that deed's way, not an event
        // of its own.
        if sub_event_type == SubEventType::Agreement && self.names_the_deal_a_deed_was_done_under(trigger) {
            return;
        }
        // Fire opened on villages, not on people, is ground fire on them: shelling.
        let sub_event_type = if sub_event_type == SubEventType::Attack && self.fires_at_settlements(trigger) {
            SubEventType::Shelling
        } else {
            sub_event_type
        };
        let protest = matches!(sub_event_type, SubEventType::PeacefulProtest | SubEventType::ProtestWithIntervention);
        let actor = if protest {
            protesters(trigger)
        } else if sub_event_type == SubEventType::Agreement {
            // A deal whose sentence names no party was made by the armed side the report
            // last made its subject.
            self.first_party().or_else(|| discourse.last_armed_subject())
        } else if sub_event_type == SubEventType::Arrests {
            // "Israeli forces entered the village. Three young men were detained": an arrest
            // that names no force is made by the armed side the report last made its subject.
            self.attacker_in_sentence(trigger).or_else(|| discourse.last_armed_subject())
        } else if sub_event_type == SubEventType::DisruptedWeaponsUse {
            self.defender(trigger)
        } else if matches!(sub_event_type, SubEventType::RemoteExplosive | SubEventType::SuicideBomb) {
            // "a mine left by terrorists", "إرهابيين زرعوا عبوة": a bomb whose planter the
            // report names only by the label a side gives its enemies was planted by no one
            // it identifies.
            self.attacker_in_sentence(trigger).filter(|a| !self.named_only_by_a_label(a))
        } else {
            self.attacker_in_sentence(trigger)
        };
        let mut places = self.targets(trigger);
        // "an agreement for the fighters to leave Douma for Jarablos", "اعتقال ... ونقلهم إلى
        // دمشق": where people are sent is not where the deal, the arrest or the abduction
        // was; a march to a square still demonstrates there.
        if !protest {
            places.retain(|place| !self.is_destination(place));
        }
        // Placed by nothing nearer than a governorate, an incident on a road is placed at the
        // first town the road is named by ("abducted on the road between Taqad and Bilanta",
        // docs/annotation.md §12). A town named as where something was heading is no such
        // place, but for what is shot down on its way ("downed two drones launched towards
        // Hmeimim"): that is downed by the place it was heading for.
        if places.iter().all(|p| matches!(p.role, PlaceRole::Region { .. })) {
            let first_landmark = self.spotted.places.iter().find(|p| p.role == PlaceRole::Landmark);
            let downed = sub_event_type == SubEventType::DisruptedWeaponsUse;
            if let Some(landmark) = first_landmark.filter(|p| downed || !self.is_destination(p)) {
                places = vec![landmark];
            }
        }
        // A bombing told with no place: the next sentences may say where it hit.
        if places.is_empty() && matches!(sub_event_type, SubEventType::RemoteExplosive | SubEventType::SuicideBomb) {
            discourse.placeless_bombing = Some(PlacelessBombing {
                sub_event_type,
                sentence: self.index,
                actor: actor.clone(),
                window: best_for(&self.spotted.dates, trigger.start).map(|d| d.window.clone()),
            });
        }
        self.remember_bombing(sub_event_type, places.is_empty(), discourse);
        if places.is_empty() && matches!(sub_event_type, SubEventType::Arrests | SubEventType::Abduction) {
            discourse.placeless_detentions.push((self.prose_index, sub_event_type));
        }
        // "Security forces dispersed the demonstration": a protest met with force where the
        // sentence names no place is the one told nearby (see
        // `protests_met_by_placeless_interventions`).
        // A toll alone does not tell that force met this protest.
        let force = || self.interventions().any(|t| !matches!(t.trigger.kind, TriggerKind::Kill | TriggerKind::Wound));
        if protest && places.is_empty() && force() {
            let window = best_for(&self.spotted.dates, trigger.start).map(|d| d.window.clone());
            discourse.placeless_interventions.push((self.prose_index, window));
        }
        let intervened =
            if sub_event_type == SubEventType::PeacefulProtest { self.intervened_places(&places) } else { Vec::new() };
        for (i, place) in places.into_iter().enumerate() {
            let sub_event_type =
                if intervened.contains(&i) { SubEventType::ProtestWithIntervention } else { sub_event_type };
            frames.push(Frame::new(sub_event_type, place, trigger).by(actor.clone()));
        }
    }

    /// Whether a word of agreement follows a lead of accord in its clause ("under a deal",
    /// "en vertu d'un accord", "بموجب اتفاق") while the sentence tells another deed than a
    /// toll: the deal is what that deed was done under. Not when people leave under it
    /// ("ont quitté le quartier en vertu d'un accord"): that is the deal taking effect
    /// (docs/annotation.md §12).
    fn names_the_deal_a_deed_was_done_under(&self, trigger: &TriggerMention) -> bool {
        // The lead, then an article or an adjective at most before the word of agreement.
        const LEAD_REACH: usize = 3;
        let s = self.spotted;
        let pack = self.ctx.pack;
        let governed = pack
            .accord_leads
            .last_end_within(&s.tokens, trigger.start, LEAD_REACH, LEAD_REACH)
            .is_some_and(|end| self.same_clause(end, trigger.start));
        governed
            && pack.evacuation.spans_at(&s.tokens, &s.starts).is_empty()
            && s.triggers.iter().any(|t| {
                t.trigger.sub_event_type != Some(SubEventType::Agreement)
                    && !matches!(t.trigger.kind, TriggerKind::Kill | TriggerKind::Wound)
            })
    }

    /// A bombing told with its places is remembered; a suicide attack told right after it
    /// with none is what that bombing was.
    fn remember_bombing(&self, sub_event_type: SubEventType, placeless: bool, discourse: &mut Discourse) {
        match (sub_event_type, placeless) {
            (SubEventType::RemoteExplosive, false) => discourse.placed_bombing = Some((self.index, self.prose_index)),
            (SubEventType::SuicideBomb, true) => {
                let recent =
                    |&(sentence, _): &(usize, usize)| sentence < self.index && self.index - sentence <= ATTACK_MEMORY;
                if let Some((_, prose)) = discourse.placed_bombing.take_if(|b| recent(b)) {
                    discourse.suicide_told.push(prose);
                    // The bombing is placed already: no later sentence places it again.
                    discourse.placeless_bombing = None;
                }
            }
            _ => {}
        }
    }

    /// Whether a place is where someone is sent: a word of destination ("to", "إلى",
    /// "vers") right before it, or before its place noun; or an item of a list whose item
    /// before it is one ("transported the stolen goods to Aleppo and Damascus").
    pub(crate) fn is_destination(&self, place: &PlaceMention) -> bool {
        let tokens = &self.spotted.tokens;
        let pack = self.ctx.pack;
        let destinations = &pack.flight_destinations;
        // The noun before the name: "to the town of X", "إلى محافظة السويداء".
        let noun = pack
            .place_nouns
            .match_ending_at(tokens, place.start, 2)
            .map(|h| h.start)
            .or_else(|| {
                pack.region_words
                    .match_ending_at(tokens, place.start, 2)
                    .filter(|h| *h.value == RegionSide::Before)
                    .map(|h| h.start)
            })
            .unwrap_or(place.start);
        if destinations.match_ending_at(tokens, noun, 3).is_some() {
            return true;
        }
        let item_before = self.spotted.places.iter().rev().find(|p| p.end <= place.start);
        item_before.is_some_and(|before| {
            one_connector_between(tokens, pack, before.end, place.start) && self.is_destination(before)
        })
    }

    /// Whether what an attack word aims at is settlements ("opened fire on the villages of
    /// A and B", "ont ouvert le feu sur les villages de"): a settlement noun right after it,
    /// or after the pack's words of aim. One after another word only says where the attack
    /// happened ("gunmen in the town of").
    fn fires_at_settlements(&self, trigger: &TriggerMention) -> bool {
        let tokens = &self.spotted.tokens;
        let pack = self.ctx.pack;
        let target = pack.aim_words.match_at(tokens, trigger.end).map_or(trigger.end, |aim| aim.end);
        pack.settlement_nouns.match_at(tokens, target).is_some()
    }

    /// "Forces attacked protesters in X": a protest with intervention at the sentence's
    /// places, though no word of the sentence names the protest alone.
    /// With no place, it qualifies the protest the report tells nearest (see
    /// `protests_met_by_placeless_interventions`).
    pub(crate) fn lone_intervention(
        &self,
        trigger: &'s TriggerMention,
        discourse: &mut Discourse,
        frames: &mut Vec<Frame<'s>>,
    ) {
        let targets = self.targets(trigger);
        if targets.is_empty() {
            let window = best_for(&self.spotted.dates, trigger.start).map(|d| d.window.clone());
            discourse.placeless_interventions.push((self.prose_index, window));
        }
        for place in targets {
            frames.push(Frame::new(SubEventType::ProtestWithIntervention, place, trigger).by(protesters(trigger)));
        }
    }

    /// Who disrupted a weapon: the armed side the trigger's words name ("Syrian air
    /// defences"), else its subject: in a verb-first language the side right after the verb
    /// ("أسقطت فصائل المعارضة طائرة للنظام") unless the verb follows its subject, else the
    /// nearest armed side before it in its clause. Not an actor further after it: that is
    /// whose drone or missiles were downed
    /// ("abattu un drone des terroristes", "تصدت لصواريخ أطلقتها إسرائيل").
    fn defender(&self, trigger: &TriggerMention) -> Option<ActorMention> {
        let armed = |a: &&ActorMention| a.id.is_armed();
        let actors = &self.spotted.actors;
        let named = actors.iter().filter(armed).find(|a| a.start < trigger.end && trigger.start < a.end);
        // "a drone was brought down by the army": the agent of the passive.
        let passive_agent = || {
            let markers = self.ctx.pack.passive_agent.spans_at(&self.spotted.tokens, &self.spotted.starts);
            actors.iter().filter(armed).find(|a| self.passive_agent_of(trigger, a, &markers))
        };
        let verb_first_subject = || {
            actors
                .iter()
                .filter(armed)
                .find(|a| self.ctx.pack.agent_right_after_trigger && self.right_after(trigger, a))
                .filter(|_| !self.verb_after_its_subject(trigger))
        };
        let subject = || {
            actors.iter().filter(armed).rev().find(|a| a.end <= trigger.start && self.same_clause(a.end, trigger.start))
        };
        named.or_else(passive_agent).or_else(verb_first_subject).or_else(subject).cloned()
    }

    /// Whether an actor's words are only the label a side gives its enemies ("terrorists",
    /// "الإرهابيين"), naming no group.
    fn named_only_by_a_label(&self, actor: &ActorMention) -> bool {
        let labels = &self.ctx.pack.enemy_labels;
        labels.match_at(&self.spotted.tokens, actor.start).is_some_and(|hit| hit.end == actor.end)
    }

    /// Whether a trigger is only the words naming an unidentified doer ("مسلحين مجهولين")
    /// and another word of the sentence names a deed of its own type (a kidnapping, a bomb).
    fn names_only_the_doer(&self, trigger: &TriggerMention) -> bool {
        let s = self.spotted;
        let doer = s.actors.iter().any(|a| a.unidentified && a.start <= trigger.start && trigger.end <= a.end);
        doer && s.triggers.iter().any(|t| {
            t.trigger.kind == TriggerKind::Incident
                && !matches!(t.trigger.sub_event_type, Some(SubEventType::Attack) | None)
        })
    }

    /// The first party an agreement's sentence names: actor1 of an agreement
    /// (docs/annotation.md §3), not the side a word of doing would point to. The first of
    /// the parties a word of "between" sets out ("fighters left under a deal between the army
    /// and the rebels"), else the first side named at all.
    fn first_party(&self) -> Option<ActorMention> {
        /// The most words between "between" and the first party ("between the army").
        const PARTY_LEAD: usize = 2;
        let tokens = &self.spotted.tokens;
        let between = &self.ctx.pack.between_markers;
        let identified = || self.spotted.actors.iter().filter(|a| !a.unidentified);
        let set_out = |a: &&ActorMention| {
            (0..=PARTY_LEAD).any(|lead| a.start > lead && between.match_ending_at(tokens, a.start - lead, 1).is_some())
        };
        identified().find(set_out).or_else(|| identified().next()).cloned()
    }

    /// Whether a word of the sentence names a protest.
    pub(crate) fn tells_of_a_protest(&self) -> bool {
        self.spotted.triggers.iter().any(TriggerMention::names_a_protest)
    }

    /// The words of the sentence that tell of force used on people: an intervention, an
    /// attack, a toll, or fighting that acts on protesters ("attacked the demonstrators").
    fn interventions(&self) -> impl Iterator<Item = &'s TriggerMention> + '_ {
        self.spotted.triggers.iter().filter(|t| {
            matches!(t.trigger.kind, TriggerKind::Intervention | TriggerKind::Kill | TriggerKind::Wound)
                || t.trigger.sub_event_type == Some(SubEventType::Attack)
                || matches!(t.trigger.kind, TriggerKind::Clash | TriggerKind::Assault) && self.protesters_attacked(t)
        })
    }

    /// Which of a protest's places forces acted against: for each word of intervention in
    /// the sentence ("dispersed", "tear gas"), of an attack on people ("shot", "opened
    /// fire": whom but the protesters), or of a toll (protesters "killed", "wounded": a
    /// protest no one fired on has none), the place nearest before it, else the nearest
    /// after it. A sentence listing the towns that marched and then telling that one march was
    /// broken up tells of one intervention, not of one in every town.
    fn intervened_places(&self, places: &[&PlaceMention]) -> Vec<usize> {
        self.interventions()
            .filter_map(|t| {
                let before = places.iter().enumerate().filter(|(_, p)| p.end <= t.start).max_by_key(|(_, p)| p.end);
                let after = places.iter().enumerate().filter(|(_, p)| p.start >= t.end).min_by_key(|(_, p)| p.start);
                before.or(after).map(|(i, _)| i)
            })
            .collect()
    }
}

/// The protesters, actor1 of a protest, named by the word that tells of it.
fn protesters(trigger: &TriggerMention) -> Option<ActorMention> {
    ActorId::parse("PROT").map(|id| ActorMention::named_by(trigger, id))
}
