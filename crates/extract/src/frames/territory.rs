//! Territory frames: who took, lost or left which places ("took control of A and B",
//! "A fell to", "was recaptured by"), with the other side of the war as the usual loser.

use frontline_core::{ActorId, Extent, SubEventType};
use frontline_lang::TriggerKind;

use super::Frame;
use crate::discourse::Discourse;
use crate::reader::SentenceReader;
use crate::spot::{ActorMention, PlaceMention, PlaceRole, TriggerMention};
use crate::trace::SentenceTrace;

/// How far after a territory trigger its first place may stand.
pub(crate) const OBJECT_WINDOW: usize = 10;
/// The most words of a lead that makes an infinitive a deed done ("were able to").
const ACHIEVEMENT_LEAD_WORDS: usize = 2;
/// The most words between a relative pronoun and the verb of its clause ("التي [كانت قد]
/// سيطرت").
const RELATIVE_CLAUSE_LEAD: usize = 2;

impl<'s> SentenceReader<'_, 's> {
    /// Territory: the places that follow the trigger, taken by its subject (or, for "fell
    /// to", by the actor that follows); `kind` is how the trigger reads in its sentence.
    pub(crate) fn territory(
        &self,
        trigger: &'s TriggerMention,
        kind: TriggerKind,
        discourse: &Discourse,
        frames: &mut Vec<Frame<'s>>,
        trace: &mut SentenceTrace,
    ) {
        if kind == TriggerKind::Take && self.is_purpose(trigger) {
            trace.note(|| format!("{:?}: what a side set out to take, not a take", trigger.text));
            return;
        }
        if kind == TriggerKind::Take && self.tells_who_holds(trigger) {
            trace.note(|| format!("{:?}: tells who holds a place, not a take", trigger.text));
            return;
        }
        if kind == TriggerKind::Take && self.describes_the_place_after(trigger) {
            trace.note(|| format!("{:?}: describes the place after it, tells no new take", trigger.text));
            return;
        }
        let mut objects = self.objects_after(trigger);
        // "X fell to ...", and the passive "X was recaptured by ...": the places come first,
        // and the taker after.
        let passive = self.agent_follows(trigger);
        if objects.is_empty() && (kind == TriggerKind::Fall || passive) {
            objects = self.list_before(trigger);
            if objects.is_empty() {
                objects = self.places_of_the_subject(trigger);
            }
        }
        // "In X, the army took control of the town": the place noun stands for the place fronted.
        if objects.is_empty() {
            objects = self.fronted_place(trigger).into_iter().collect();
        }
        // "the town of X, which the factions took": the place the relative clause is about.
        let relative = if objects.is_empty() { self.relative_antecedent(trigger) } else { None };
        if let Some((place, _)) = relative {
            objects.push(place);
        }
        // "seized farmland planted with 360 olive trees in the village of X": what was taken
        // is named at length before the place it lies in.
        if objects.is_empty() && kind == TriggerKind::Take {
            objects = self.site_of_property_taken(trigger).into_iter().collect();
        }
        if objects.is_empty() {
            return;
        }
        let actor = match (kind, relative) {
            // The relative clause's subject: inside it, before or right after its verb; never
            // an actor of the clause the place belongs to.
            (_, Some((_, pronoun_end))) => self
                .spotted
                .actors
                .iter()
                .rev()
                .find(|a| a.start >= pronoun_end && a.end <= trigger.start)
                .cloned()
                .or_else(|| self.actor_after(trigger.end, 5)),
            (_, None) if kind == TriggerKind::Fall || passive => {
                self.actor_after(trigger.end, 5).or_else(|| self.subject_of(trigger, discourse))
            }
            _ => self.subject_of(trigger, discourse).or_else(|| self.actor_after(trigger.end, 5)),
        };
        let Some(actor) = actor else {
            trace.note(|| format!("{:?}: no actor for the territory change", trigger.text));
            return;
        };
        // "seized farmland in the village of X": property taken is looted, not ground won.
        if kind == TriggerKind::Take && self.seizes_property(trigger, objects[0]) {
            for place in objects {
                frames.push(Frame::new(SubEventType::Looting, place, trigger).by(Some(actor.clone())));
            }
            return;
        }
        // Ground passes from one side to another: a party the text leaves unknown ("un groupe
        // armé est entré dans le village") holds none, and the control map has no side for it.
        if actor.unidentified {
            trace.note(|| format!("{:?}: the doer is unidentified; no territory change", trigger.text));
            return;
        }
        let extent = self.extent(trigger, objects[0]);
        // The other side of the war is the usual loser (or, for a withdrawal, gainer).
        let other_side = self.other_side_of_the_war(actor.id);
        // "The SDF handed over the town to the army": the side a place is handed to gains it
        // and is the event's actor (docs/annotation.md, the table of types); the side that
        // withdrew lost it.
        let recipient = objects
            .last()
            .filter(|_| kind == TriggerKind::Withdraw)
            .and_then(|last| self.recipient_after(last))
            .filter(|r| r.id != actor.id);
        let (actor, gained, lost, sub_event_type) = match recipient {
            Some(recipient) => {
                let gained = recipient.id;
                (recipient, gained, Some(actor.id), SubEventType::NonViolentTransfer)
            }
            None => self.gain_and_loss(actor, kind, other_side),
        };
        for place in objects {
            let mut frame = Frame::new(sub_event_type, place, trigger).by(Some(actor.clone()));
            frame.control = Some((gained, lost, extent));
            frames.push(frame);
        }
    }

    /// The side the sentence hands a place over to: an actor right after a word of handing
    /// to ("to the army", "للجيش"), after the place, in its clause.
    fn recipient_after(&self, place: &PlaceMention) -> Option<ActorMention> {
        const RECIPIENT_REACH: usize = 2;
        let s = self.spotted;
        let hit = (place.end..(place.end + RECIPIENT_REACH).min(s.tokens.len()))
            .find_map(|at| self.ctx.pack.handover_recipients.match_at(&s.tokens, at))?;
        self.actor_after(hit.end, 1).filter(|a| self.same_clause(place.end, a.start))
    }

    /// Who gains and who loses a place the actor took, or gave up with no side named to
    /// receive it, and the event's type.
    fn gain_and_loss(
        &self,
        actor: ActorMention,
        kind: TriggerKind,
        other_side: ActorId,
    ) -> (ActorMention, ActorId, Option<ActorId>, SubEventType) {
        if kind == TriggerKind::Withdraw {
            let lost = actor.id;
            (actor, other_side, Some(lost), SubEventType::NonViolentTransfer)
        } else {
            let lost = self.previous_holder().unwrap_or(other_side);
            let sub = if self.spotted.unopposed {
                SubEventType::NonViolentTransfer
            } else if actor.id.sides_with_state() {
                SubEventType::GovernmentRegainsTerritory
            } else {
                SubEventType::NonStateActorOvertakesTerritory
            };
            let gained = actor.id;
            (actor, gained, Some(lost).filter(|l| *l != gained), sub)
        }
    }

    /// The side of the war a side fights: the report's main opposition for the state and its
    /// allies, the state for everyone else.
    pub(crate) fn other_side_of_the_war(&self, side: ActorId) -> ActorId {
        if side.sides_with_state() {
            self.ctx.main_opposition
        } else {
            syrian_state()
        }
    }

    /// The first place after a trigger (within a few words, in the same clause), and the
    /// places listed with it ("A, B et C, en plus de D").
    pub(crate) fn objects_after(&self, trigger: &TriggerMention) -> Vec<&'s PlaceMention> {
        let s = self.spotted;
        // A governorate named first only situates the place that follows ("Idlib's Saraqib").
        let governorate_context = |p: &&PlaceMention| matches!(p.role, PlaceRole::Region { admin1: Some(_) });
        // The places of a subject between the verb and its object's preposition are not taken.
        let from = self.governed_object_start(trigger).unwrap_or(trigger.end);
        let Some(mut first) = s.places.iter().filter(|p| p.start >= from).find(|p| !governorate_context(p)) else {
            return Vec::new();
        };
        // "took two villages in rural Afrin, namely A and B": a region that situates the
        // places a list then names is no object; the list's first item is.
        let listed_after = || {
            s.places.iter().find(|p| {
                p.start > first.end
                    && self.introduced_list(trigger.end, p.start)
                    && self.same_clause(first.end, p.start)
            })
        };
        if matches!(first.role, PlaceRole::Region { .. }) {
            if let Some(item) = listed_after() {
                first = item;
            }
        }
        let introduced = self.introduced_list(trigger.end, first.start);
        if first.start - from > OBJECT_WINDOW && !introduced
            || !self.same_clause(trigger.end, first.start)
            || !is_territory_object(first)
        {
            return Vec::new();
        }
        if s.triggers.iter().any(|t| t.start >= trigger.end && t.start < first.start && is_event_kind(t.trigger.kind)) {
            return Vec::new();
        }
        // The places a plural noun refers back to ("entered the villages") share its span.
        let mut objects: Vec<&PlaceMention> =
            s.places.iter().filter(|p| p.start == first.start && p.end == first.end).collect();
        for place in s.places.iter().filter(|p| p.start > first.start) {
            let last = objects[objects.len() - 1];
            if !self.only_connectors(last.end, place.start) {
                break;
            }
            // The items of a list a word such as "namely" introduced are places taken, even
            // those that also name a district ("هما شيخ الحديد وجنديرس").
            if place.role == PlaceRole::Site || is_territory_object(place) && introduced {
                objects.push(place);
            } else if !matches!(place.role, PlaceRole::Region { .. } | PlaceRole::Landmark) {
                break;
            }
        }
        objects
    }

    /// Where the object of a verb of control starts when its subject stands between the verb
    /// and the preposition that marks the object ("وسيطر (جيش الفتح) الذي يضم جبهة النصرة ...
    /// على بلدة أريحا"): right after that preposition, if it comes in the trigger's clause
    /// before any other deed. The verb governs the preposition when the two, side by side,
    /// are a phrase of taking of the pack ("سيطر على").
    fn governed_object_start(&self, trigger: &TriggerMention) -> Option<usize> {
        /// A subject with a relative clause or a list of allies may run this long.
        const SUBJECT_REACH: usize = 24;
        let s = self.spotted;
        let pack = self.ctx.pack;
        if pack.object_prepositions.is_empty() {
            return None;
        }
        let deed_at = |i: usize| s.triggers.iter().any(|t| t.start == i && is_event_kind(t.trigger.kind));
        let preposition = (trigger.end + 1..s.tokens.len().min(trigger.end + SUBJECT_REACH))
            .take_while(|&i| !deed_at(i))
            .find(|&i| pack.object_prepositions.match_at(&s.tokens, i).is_some())?;
        let phrase: Vec<_> =
            s.tokens[trigger.start..trigger.end].iter().chain([&s.tokens[preposition]]).cloned().collect();
        let governs = pack
            .triggers
            .match_at(&phrase, 0)
            .is_some_and(|hit| hit.end == phrase.len() && hit.value.kind == TriggerKind::Take);
        (governs && self.same_clause(trigger.end, preposition)).then_some(preposition + 1)
    }

    /// Whether the place at `place` opens a list that a word such as "namely", "dont",
    /// "وهي" introduces within reach of the trigger ("took several villages west of Aleppo,
    /// namely A, B and C"), or a colon or a dash does ("took three villages on Tuesday: A, B
    /// and C").
    fn introduced_list(&self, trigger_end: usize, place: usize) -> bool {
        let s = self.spotted;
        let pack = self.ctx.pack;
        let mark = || (place > 0 && pack.is_mark(&s.tokens[place - 1], ":—–")).then_some(place - 1);
        let introducer = pack.list_introducers.match_ending_at(&s.tokens, place, 3).map(|hit| hit.start).or_else(mark);
        // A long object of common nouns may stand between ("pris le contrôle de toutes les
        // localités et les villages de cette poche, notamment A et B"): no place and no
        // other deed before the list, in the trigger's clause.
        let only_common_nouns_before = |start: usize| {
            self.same_clause(trigger_end, start)
                && !s.places.iter().any(|p| p.start >= trigger_end && p.end <= start)
                && !s.triggers.iter().any(|t| t.start >= trigger_end && t.end <= start)
        };
        introducer.is_some_and(|start| {
            start >= trigger_end && (start - trigger_end <= OBJECT_WINDOW || only_common_nouns_before(start))
        })
    }

    /// Whether an agent word and an actor follow the trigger: the passive "was taken *by* the
    /// army", "a été reprise *par* l'armée".
    /// A date may stand between the verb and its agent ("repris vendredi dernier par les
    /// forces loyalistes"); the actor's name may take in the marker's article ("by *the
    /// Syrian army*", "par *l'armée*").
    pub(crate) fn agent_follows(&self, trigger: &TriggerMention) -> bool {
        let s = self.spotted;
        let after_date = s.dates.iter().find(|d| d.start == trigger.end).map_or(trigger.end, |d| d.end);
        self.ctx
            .pack
            .agent_markers
            .match_at(&s.tokens, after_date)
            .is_some_and(|marker| s.actors.iter().any(|a| a.start > marker.start && a.start <= marker.end + 2))
    }

    /// A place noun without a name after the trigger ("the town", "la ville") read as the
    /// named site the sentence put before it ("In Saraqib, ... took control of the town").
    pub(crate) fn fronted_place(&self, trigger: &TriggerMention) -> Option<&'s PlaceMention> {
        let s = self.spotted;
        let tokens = &s.tokens;
        let end = (trigger.end + OBJECT_WINDOW).min(tokens.len());
        let noun = (trigger.end..end)
            .take_while(|&i| !self.ctx.pack.is_mark(&tokens[i], ";.!?(),"))
            .find_map(|i| self.ctx.pack.place_nouns.match_at(tokens, i))?;
        let named_after = s.places.iter().any(|p| p.start >= noun.end && p.start <= noun.end + 2);
        if named_after {
            return None;
        }
        s.places.iter().rev().find(|p| p.end <= trigger.start && p.role == PlaceRole::Site && self.is_named_place(p))
    }

    /// The named site a relative clause opened right after it is about, when the trigger is
    /// that clause's verb ("مدينة صوران، والتي سيطرت عليها الفصائل": the city of Suran,
    /// which the factions took): the site, and where the relative pronoun ends. Between the
    /// site and the pronoun only a comma or a conjunction; between the pronoun and the
    /// trigger a few words of its clause at most.
    fn relative_antecedent(&self, trigger: &TriggerMention) -> Option<(&'s PlaceMention, usize)> {
        let s = self.spotted;
        let pack = self.ctx.pack;
        let (start, end) = pack
            .relative_pronouns
            .spans_at(&s.tokens, &s.starts)
            .into_iter()
            .rev()
            .find(|&(_, end)| end <= trigger.start && trigger.start - end <= RELATIVE_CLAUSE_LEAD)?;
        // "التي تسيطر عليها": who holds the place, not who took it.
        let holds = self.previous_holder_spans().iter().any(|&(hs, he)| hs < trigger.end && start < he);
        if holds || !self.same_clause(end, trigger.start) {
            return None;
        }
        let place = s.places.iter().rev().find(|p| p.end <= start)?;
        let joined =
            (place.end..start).all(|i| pack.list_connectors.match_at(&s.tokens, i).is_some_and(|h| h.end <= start));
        // "the city that ISIS entered in September", of a city referred back to: a clause that
        // tells which place it is, by what is known of it, tells no news.
        let site = place.role == PlaceRole::Site && place.referent.is_none() && self.is_named_place(place);
        (joined && site && start - place.end <= 2).then_some((place, end))
    }

    /// The places listed before a trigger, in the same clause ("A and B fell to ...").
    pub(crate) fn list_before(&self, trigger: &TriggerMention) -> Vec<&'s PlaceMention> {
        let places = &self.spotted.places;
        let Some(last) = places.iter().rposition(|p| {
            p.end <= trigger.start && p.role == PlaceRole::Site && self.same_clause(p.end, trigger.start)
        }) else {
            return Vec::new();
        };
        let mut first = last;
        while first > 0 {
            let previous = &places[first - 1];
            if previous.role != PlaceRole::Site || !self.only_connectors(previous.end, places[first].start) {
                break;
            }
            first -= 1;
        }
        places[first..=last].iter().collect()
    }

    /// The named sites a subject long with asides names before its verb ("The base of A, and
    /// large parts of the town of A, on the edge of B, were recaptured by"), when the verb
    /// tells the sentence's first deed: the sites before it.
    fn places_of_the_subject(&self, trigger: &TriggerMention) -> Vec<&'s PlaceMention> {
        let s = self.spotted;
        let deed_before = s.triggers.iter().any(|t| t.end <= trigger.start && is_event_kind(t.trigger.kind));
        if deed_before {
            return Vec::new();
        }
        s.places
            .iter()
            .filter(|p| p.end <= trigger.start && p.role == PlaceRole::Site && self.is_named_place(p))
            .collect()
    }

    /// Whether a noun of property stands between a trigger and its first place, as what was
    /// taken ("استولوا على أراض زراعية في قرية X": they seized farmland in the village of X).
    fn seizes_property(&self, trigger: &TriggerMention, first: &PlaceMention) -> bool {
        let tokens = &self.spotted.tokens;
        (trigger.end..first.start).any(|i| self.ctx.pack.property_nouns.match_at(tokens, i).is_some())
    }

    /// The first named site after a noun of property that the trigger's clause takes ("seized
    /// farmland ... in the village of X"), in the same clause.
    fn site_of_property_taken(&self, trigger: &TriggerMention) -> Option<&'s PlaceMention> {
        let tokens = &self.spotted.tokens;
        let property = (trigger.end..tokens.len())
            .take_while(|&i| self.same_clause(trigger.end, i))
            .find(|&i| self.ctx.pack.property_nouns.match_at(tokens, i).is_some())?;
        self.spotted.places.iter().find(|p| {
            p.start > property
                && p.role == PlaceRole::Site
                && self.is_named_place(p)
                && self.same_clause(trigger.end, p.start)
        })
    }

    /// "لاستعادة بعض الأحياء": a purpose proclitic joined to the trigger; "an offensive to
    /// retake": a purpose particle right before it, unless a word before the particle tells
    /// the taking was done ("managed to retake"). French has none: "il a fallu trois jours
    /// pour reprendre la ville" tells a taking done.
    fn is_purpose(&self, trigger: &TriggerMention) -> bool {
        let tokens = &self.spotted.tokens;
        let pack = self.ctx.pack;
        if trigger.start == 0 {
            return false;
        }
        let proclitic = tokens[trigger.start - 1].end == tokens[trigger.start].start
            && pack.purpose_proclitics.match_at(tokens, trigger.start - 1).is_some_and(|h| h.end == trigger.start);
        let particle = pack.purpose_particles.match_ending_at(tokens, trigger.start, 1).is_some_and(|particle| {
            pack.achievement_leads.match_ending_at(tokens, particle.start, ACHIEVEMENT_LEAD_WORDS).is_none()
        });
        proclitic || particle
    }

    /// "حي تحت سيطرة الفصائل" (a quarter under the factions' control): a word of taking
    /// inside a phrase of the pack's `previous_holder` tells who holds the place.
    fn tells_who_holds(&self, trigger: &TriggerMention) -> bool {
        self.previous_holder_spans().iter().any(|&(start, end)| start <= trigger.start && trigger.end <= end)
    }

    /// "the recaptured town of X", "the newly liberated Abu Kamal": a participle of taking
    /// between an attributive lead and a place (or a place noun) qualifies it.
    fn describes_the_place_after(&self, trigger: &TriggerMention) -> bool {
        let (tokens, pack) = (&self.spotted.tokens, self.ctx.pack);
        pack.attributive_leads.match_ending_at(tokens, trigger.start, 3).is_some()
            && (pack.place_nouns.match_at(tokens, trigger.end).is_some()
                || self.spotted.places.iter().any(|p| p.start == trigger.end))
    }

    /// "la majeure partie de", "most of" between the trigger and its first place.
    pub(crate) fn extent(&self, trigger: &TriggerMention, first: &PlaceMention) -> Extent {
        let tokens = &self.spotted.tokens;
        let partial = (trigger.start..first.start)
            .any(|i| self.ctx.pack.partial.match_at(tokens, i).is_some_and(|h| h.end <= first.start));
        if partial {
            Extent::Partial
        } else {
            Extent::Full
        }
    }
}

pub(crate) fn syrian_state() -> ActorId {
    ActorId::parse("SYR_GOV").expect("SYR_GOV is in the actor table")
}

/// A territory change names a town, or a region that is not a whole governorate.
pub(crate) fn is_territory_object(place: &PlaceMention) -> bool {
    matches!(place.role, PlaceRole::Site | PlaceRole::Region { admin1: None })
}

pub(crate) fn is_event_kind(kind: TriggerKind) -> bool {
    !matches!(kind, TriggerKind::Kill | TriggerKind::Wound)
}
