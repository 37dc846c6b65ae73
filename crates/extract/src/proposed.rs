//! From a frame to a proposed event: its place resolved, its date window chosen, its
//! confidence, and the features the gate's trained models weigh.

use frontline_core::{ActorId, Control, Event, SubEventType};
use frontline_lang::{TokenKind, TriggerKind};

use crate::dates::{best_for, default_window, DateMention, DateWindow};
use crate::discourse::Discourse;
use crate::features::{role_name, word_form, Candidate, DateOrigin};
use crate::frames::Frame;
use crate::place::Placed;
use crate::reader::SentenceReader;
use crate::spot::ActorMention;
use crate::trace::SentenceTrace;

/// A candidate event and its features, before the trained model weighs it. Large (an event,
/// its features and flags): the reading and the dedupe passes hold it boxed, so that each
/// step moves a pointer, not the whole of it.
pub(crate) struct Proposed {
    pub event: Event,
    /// What the real-event model weighs, as facts: named only if the event is kept.
    pub candidate: Candidate,
    /// What the type model weighs.
    pub type_features: Vec<String>,
    /// The text says the doer is unknown ("unknown gunmen"): actor1 stays null, and no
    /// usual actor of the type stands in for it.
    pub doer_unknown: bool,
    /// Read from an assault that met no defender the report tells of (`Frame::unopposed`).
    pub unopposed: bool,
    /// Read from an assault whose sentence tells of fighting too (`Frame::met_fighting`).
    pub met_fighting: bool,
    /// Read from fighting told as the way a place was won (`Frame::means_of_a_taking`).
    pub means_of_a_taking: bool,
    /// Dated by a period of a month or more (`DateWindow::period`): no episode.
    pub over_a_period: bool,
}

/// Proposed events, each boxed (see [`Proposed`]); the box is what the vector moves about.
#[allow(clippy::vec_box)]
pub(crate) type Proposals = Vec<Box<Proposed>>;

impl<'a, 's> SentenceReader<'a, 's> {
    /// The event a frame proposes, with its features.
    pub(crate) fn build(
        &self,
        frame: Frame<'_>,
        discourse: &mut Discourse<'a>,
        trace: &mut SentenceTrace,
    ) -> Box<Proposed> {
        let ctx = self.ctx;
        // A place referred back to ("the town") is the one resolved where it was named.
        let admin1_hint = match &frame.place.referent {
            Some(referent) => referent.admin1.clone().or_else(|| self.sentence_admin1()),
            None => self.admin1_near(frame.place),
        };
        let placed = self.place(frame.place, admin1_hint, discourse, trace);
        let (window, date_origin) = self.window(&frame, discourse.carried_window());
        let claimed_by = self.claimant();
        let candidate = self.candidate(&frame, &placed, date_origin, claimed_by.is_some());
        // The type model's features cost a string per trigger and actor of the sentence:
        // made only when a type model will read them, or when no weights at all are loaded
        // (as `frontline train` reads, to learn one). The built-in packs keep no type model
        // but do keep other weights: nothing reads the features then.
        let weights = &ctx.pack.weights;
        let wanted = !weights.by_type.is_empty() || weights.is_blank();
        let type_features =
            if wanted { candidate.type_features(&self.spotted.triggers, &self.spotted.actors) } else { Vec::new() };
        let confidence = self.confidence(&frame, &placed, claimed_by.as_ref());
        let toll = frame.casualties.clone().unwrap_or_default();
        let (actor1_id, actor1, assoc1) = actor_fields(frame.agent.as_ref());
        let (actor2_id, actor2, assoc2) = actor_fields(frame.target.as_ref());
        let mut event = Event {
            event_id: String::new(),
            event_date: window.day_of(),
            date_start: window.start,
            date_end: window.end,
            time_precision: window.precision,
            event_type: frame.sub_event_type.event_type(),
            sub_event_type: frame.sub_event_type,
            actor1,
            actor1_id,
            assoc_actor_1: assoc1,
            actor2,
            actor2_id,
            assoc_actor_2: assoc2,
            location: placed.location,
            mention: frame.place.text.clone(),
            geonameid: placed.geonameid,
            latitude: placed.latitude,
            longitude: placed.longitude,
            geo_precision: placed.geo_precision,
            admin1: placed.admin1,
            admin2: placed.admin2,
            admin3: placed.admin3,
            pcode: placed.pcode,
            country: placed.country,
            iso: placed.iso,
            fatalities: toll.killed.unwrap_or(0),
            civilian_fatalities: toll.civilians_killed,
            child_fatalities: toll.children_killed,
            injuries: toll.injured,
            control: frame.control.map(|(gained_by, lost_by, extent)| Control { gained_by, lost_by, extent }),
            article_id: ctx.article.id.clone(),
            language: ctx.article.language.clone(),
            evidence: self.text.to_string(),
            evidence_start: self.start,
            evidence_end: self.start + self.text.len(),
            confidence: (confidence * 100.0).round() / 100.0,
            trigger: frame.trigger.text.clone(),
            claimed_by: claimed_by.map(|c| c.0),
        };
        // The id is derived once the event is kept (what it hashes does not change after
        // this); a traced reading lists the ids of each sentence's events now.
        if trace.recording {
            event.event_id = event.derive_id();
        }
        trace.note(|| {
            format!(
                "{} at {} ({}) from {:?}, dated by: {}",
                event.sub_event_type.as_str(),
                event.location,
                placed.how,
                frame.trigger.text,
                window.rule
            )
        });
        let doer_unknown = frame.assailant_untold || frame.agent.as_ref().is_some_and(|a| a.unidentified);
        Box::new(Proposed {
            event,
            candidate,
            type_features,
            doer_unknown,
            unopposed: frame.unopposed,
            met_fighting: frame.met_fighting,
            means_of_a_taking: frame.means_of_a_taking,
            over_a_period: window.period,
        })
    }

    /// The frame's date window: that of the event of an earlier sentence it names again
    /// ("the blast took place in X"), when that sentence dated it; else the one its sentence
    /// gives its place ("in Latakia on Saturday, and in Hama on Thursday"), else the one it
    /// states nearest its trigger (a stretch back counted from the day the discourse is
    /// telling of), else the one it refers back to, else the week before publication; and
    /// which of these it is.
    fn window(&self, frame: &Frame<'_>, carried: Option<DateWindow>) -> (DateWindow, DateOrigin) {
        if let Some(time) = frame.time.as_ref().filter(|_| frame.time_of_the_event_referred_to) {
            return (time.clone(), DateOrigin::Inherited);
        }
        let reference = carried.and_then(|c| c.end);
        let stated = self
            .date_of_place(frame)
            .or_else(|| best_for(&self.spotted.dates, frame.trigger.start))
            .map(|d| d.anchored_at(reference));
        let date_origin = match (&stated, &frame.time) {
            (Some(_), _) => DateOrigin::Stated,
            (None, Some(_)) => DateOrigin::Inherited,
            (None, None) => DateOrigin::Default,
        };
        let window =
            stated.or_else(|| frame.time.clone()).unwrap_or_else(|| default_window(self.ctx.article.published));
        (window, date_origin)
    }

    /// The day written right after the frame's place, when its sentence gives more than one
    /// ("in Latakia on Saturday, and in Hama on Thursday", "à Hama jeudi"): each place its
    /// own day. At most one word (a preposition) stands between them.
    fn date_of_place(&self, frame: &Frame<'_>) -> Option<&DateMention> {
        let s = self.spotted;
        if s.dates.len() < 2 {
            return None;
        }
        let after = frame.place.end;
        s.dates.iter().filter(|d| d.relative_clause.is_none_or(|opens| opens <= frame.trigger.start)).find(|d| {
            d.start == after || d.start == after + 1 && s.tokens.get(after).is_some_and(|t| t.kind == TokenKind::Word)
        })
    }

    /// How sure the rules are of a frame: the trigger's confidence, less for a place
    /// resolved loosely, for no actor, for no date, and for a side's claim about itself.
    fn confidence(&self, frame: &Frame<'_>, placed: &Placed, claimed_by: Option<&(String, Option<ActorId>)>) -> f64 {
        let mut confidence = frame.confidence * placed.confidence_factor;
        if frame.agent.is_none() && frame.sub_event_type != SubEventType::Displacement {
            confidence *= 0.85;
        }
        if self.spotted.dates.is_empty() && frame.time.is_none() {
            confidence *= 0.9;
        }
        if let (Some(claimant), Some(actor)) = (claimed_by, &frame.agent) {
            // A side's claim about its own gains is worth less than a monitor's report.
            if claimant.1 == Some(actor.id) {
                confidence *= 0.85;
            }
        }
        confidence
    }

    /// The facts of a frame that the trained model weighs.
    pub(crate) fn candidate(&self, frame: &Frame<'_>, placed: &Placed, date: DateOrigin, claimed: bool) -> Candidate {
        let s = self.spotted;
        let (place_sentences, place_first_sentence) = self
            .ctx
            .place_sentences
            .get(&frontline_gazetteer::fold_mention(&frame.place.text))
            .copied()
            .unwrap_or((1, self.prose_index));
        Candidate {
            sub_event_type: frame.sub_event_type,
            trigger_kind: frame.trigger.trigger.kind,
            trigger: word_form(&frame.trigger.text),
            trigger_confidence: frame.trigger.trigger.confidence,
            role: role_name(&frame.place.role),
            after_place_noun: frame.place.after_place_noun,
            resolution: placed.resolution,
            spelling: placed.matched.map(|m| m.level),
            rivals: placed.matched.map_or(0, |m| m.rivals),
            place_offset: frame.place.start as isize - frame.trigger.start as isize,
            actor1: frame.agent.as_ref().filter(|a| !a.unidentified).map(|a| a.id),
            has_actor2: frame.target.is_some(),
            date,
            sentence: self.prose_index,
            sentences: self.ctx.sentences,
            place_sentences,
            place_first_sentence,
            triggers_in_sentence: s.triggers.len(),
            places_in_sentence: s.places.len(),
            sentence_tokens: s.tokens.len(),
            tolls_in_sentence: s
                .triggers
                .iter()
                .any(|t| matches!(t.trigger.kind, TriggerKind::Kill | TriggerKind::Wound)),
            claimed,
            source_named: !s.sources.is_empty(),
            hypothetical_in_sentence: !s.hypothetical.is_empty() || !s.purposes.is_empty(),
            read_twice: false,
        }
    }
}

pub(crate) fn actor_fields(actor: Option<&ActorMention>) -> (Option<ActorId>, Option<String>, Option<String>) {
    match actor.filter(|a| !a.unidentified) {
        None => (None, None, None),
        Some(a) => {
            let assoc = match (a.joint, &a.allies) {
                (Some(j), Some(allies)) => Some(format!("{}; {}", j.display_name(), allies)),
                (Some(j), None) => Some(j.display_name().to_string()),
                (None, Some(allies)) => Some(allies.clone()),
                (None, None) => None,
            };
            (Some(a.id), Some(a.id.display_name().to_string()), assoc)
        }
    }
}
