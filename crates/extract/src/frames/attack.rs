//! Attack frames: air strikes and shelling at the places of their stretch of the sentence,
//! damage reports tied to the attack just before them, and what a bombing or an assault is
//! read as.

use frontline_core::SubEventType;
use frontline_lang::TriggerKind;

use super::territory::is_event_kind;
use super::Frame;
use crate::discourse::{Discourse, ATTACK_MEMORY};
use crate::reader::SentenceReader;
use crate::spot::{one_connector_between, ActorMention, PlaceMention, PlaceRole, TriggerMention};
use crate::trace::SentenceTrace;

/// How many tokens stand between two spans (0 when they touch or overlap).
fn gap(a: (usize, usize), b: (usize, usize)) -> usize {
    if a.1 <= b.0 {
        b.0 - a.1
    } else {
        a.0.saturating_sub(b.1)
    }
}

/// How many tokens after a targeting word its instrument may stand ("targeting it with an
/// anti-tank missile").
const INSTRUMENT_REACH: usize = 5;
/// How far after a word of bombardment the air-dropped weapon it was made with may stand
/// (its subject and object between, verb first: "قصفت قوات النظام بلدة X بالبراميل").
const AIR_WEAPON_REACH: usize = 8;

/// The most tokens between the noun a relative clause is about and its pronoun (a comma).
const RELATIVE_ANTECEDENT_GAP: usize = 1;

/// How many tokens from an assault word its own means may stand ("attaque menée par des
/// drones", "هجوم بطائرات مسيرة").
const ASSAULT_MEANS_REACH: usize = 3;

impl<'s> SentenceReader<'_, 's> {
    /// Bombings and assaults read as air strikes when aircraft carry them (aircraft named
    /// in the sentence, or an air force as the attacker), else as shelling or a clash. A
    /// bombing that names no attacker of its own ("the bombardment targeted X") goes on with
    /// the air strike told just before it.
    pub(crate) fn reading_of(&self, trigger: &TriggerMention, discourse: &Discourse) -> TriggerKind {
        let kind = trigger.trigger.kind;
        // "les troupes ont quitté la ville": armed men leaving a place withdraw from it;
        // people leave their homes as refugees.
        if kind == TriggerKind::Flee && self.armed_subject_in_clause(trigger) {
            return TriggerKind::Withdraw;
        }
        // "فشلت في السيطرة على", "failed to capture": a taking that failed is an attack
        // repelled, fighting at the place (docs/annotation.md §3).
        if matches!(kind, TriggerKind::Take | TriggerKind::Storm) && self.failed_attempt(trigger) {
            return TriggerKind::Clash;
        }
        // "Russian warplanes shelled X": aircraft that shell strike from the air.
        if kind == TriggerKind::Shelling && self.aircraft_fire_it(trigger) {
            return TriggerKind::AirStrike;
        }
        if !matches!(kind, TriggerKind::Bombard | TriggerKind::Assault | TriggerKind::Target) {
            return kind;
        }
        let aircraft: Vec<(usize, usize)> = self
            .aircraft_spans()
            .filter(|&(start, end)| {
                // "[la direction] a ciblé un avion": with its subject before it, an aircraft
                // right after the word is its object, what was hit, not what hit (verb-first
                // "استهدفت طائرات" has its subject there). A noun's complement is its means
                // ("attaques de drones").
                let object = kind == TriggerKind::Target
                    && start >= trigger.end
                    && start <= trigger.end + 1
                    && self.subject_before(trigger).is_some();
                // An assault is made from the air only by the aircraft its own phrase names ("a
                // drone attack", "هجوم بطائرات مسيرة", "attaque de drones"): aircraft told of
                // elsewhere in the sentence carry another attack, and the assault is fighting.
                let means_of_assault = kind != TriggerKind::Assault
                    || end + ASSAULT_MEANS_REACH >= trigger.start && start <= trigger.end + ASSAULT_MEANS_REACH;
                means_of_assault && !object
            })
            .collect();
        // "قصفت قوات النظام البلدة بالبراميل", "bombarded the town with barrel bombs": a
        // weapon only aircraft drop, named in the bombardment's clause, is what it was made
        // with.
        let air_weapon = kind == TriggerKind::Bombard
            && self.spotted.triggers.iter().any(|t| {
                t.trigger.kind == TriggerKind::AirStrike
                    && t.trigger.actor.is_some()
                    && t.start >= trigger.end
                    && t.start <= trigger.end + AIR_WEAPON_REACH
                    && self.same_clause(trigger.end, t.start)
            });
        let aircraft_named = !aircraft.is_empty() || air_weapon;
        // "Russian warplanes were seen over X. Then they struck Y": a pronoun subject is the
        // actor it stands for.
        let attacker = self.attacker_in_sentence(trigger).or_else(|| self.pronoun_subject(trigger, discourse));
        let air_force = attacker.as_ref().is_some_and(|a| a.id.attacks_from_the_air() && !self.on_the_ground(a));
        let recent_attack = discourse
            .last_attack
            .as_ref()
            .filter(|a| self.index.saturating_sub(a.sentence) <= ATTACK_MEMORY)
            .map(|a| a.kind);
        if kind == TriggerKind::Target {
            // A rocket or a missile that is the targeting's own instrument, right after it
            // ("استهدافها بصاروخ مضاد للدروع", "targeted it with a missile"), is fired from the
            // ground unless aircraft are named nearer (docs/annotation.md §3), or unless the
            // side that fired it fires only from the air ("صواريخ إسرائيلية").
            let instrument = |t: &TriggerMention| {
                !air_force
                    && t.trigger.kind == TriggerKind::Bombard
                    && t.start >= trigger.end
                    && t.start <= trigger.end + INSTRUMENT_REACH
            };
            let ground_fire: Vec<(usize, usize)> = self
                .spotted
                .triggers
                .iter()
                .filter(|t| t.trigger.kind == TriggerKind::Shelling || instrument(t))
                .map(|t| (t.start, t.end))
                .collect();
            // The means named nearest the targeting is its means ("targeted X with artillery
            // shells", "باستهداف ... بالقذائف"), whoever fired and whatever aircraft another
            // part of the sentence names.
            let nearest =
                |spans: &[(usize, usize)]| spans.iter().map(|&span| gap((trigger.start, trigger.end), span)).min();
            if let Some(fire) = nearest(&ground_fire) {
                if nearest(&aircraft).is_none_or(|air| fire < air) {
                    return TriggerKind::Shelling;
                }
            }
            return if aircraft_named || air_force {
                TriggerKind::AirStrike
            } else if !ground_fire.is_empty() {
                TriggerKind::Shelling
            } else {
                recent_attack.unwrap_or(TriggerKind::Target)
            };
        }
        // "Des frappes aériennes ont touché le port, la deuxième attaque de ce type": an
        // assault that names no doer of its own, after an air strike its sentence told,
        // names that strike again.
        let air_strike_of_sentence = discourse
            .last_attack
            .as_ref()
            .is_some_and(|a| a.sentence == self.index && a.kind == TriggerKind::AirStrike);
        let air_strike_going_on = attacker.is_none()
            && match kind {
                TriggerKind::Bombard => recent_attack == Some(TriggerKind::AirStrike),
                TriggerKind::Assault => air_strike_of_sentence,
                _ => false,
            };
        match (kind, aircraft_named || air_force || air_strike_going_on) {
            (_, true) => TriggerKind::AirStrike,
            (TriggerKind::Bombard, false) => TriggerKind::Shelling,
            _ => TriggerKind::Clash,
        }
    }

    /// Whether an air-strike word that also names a raid on the ground ("raid", not "air
    /// raid") is told with an arrest, an abduction or a storming in its sentence, or goes
    /// into a place ("un nouveau raid dans plusieurs villages", "a raid into the camp"), with
    /// no aircraft: it names that operation ("lors d'un raid contre leur repaire", "stormed a
    /// village in an overnight raid"), which those words code, not a strike from the air.
    pub(crate) fn is_a_raid_on_the_ground(&self, trigger: &TriggerMention) -> bool {
        /// The most words between the raid and the word by which it goes in ("un raid de
        /// grande envergure dans").
        const ENTRY_REACH: usize = 4;
        let s = self.spotted;
        let pack = self.ctx.pack;
        let raid_word = trigger.trigger.kind == TriggerKind::AirStrike
            && pack.raid_words.match_at(&s.tokens, trigger.start).is_some_and(|hit| hit.end == trigger.end);
        if !raid_word {
            return false;
        }
        let goes_into_a_place = (trigger.end..=trigger.end + ENTRY_REACH)
            .take_while(|&at| at < s.tokens.len() && self.same_clause(trigger.end, at))
            .any(|at| pack.ground_entry.match_at(&s.tokens, at).is_some());
        let on_the_ground = goes_into_a_place
            || s.triggers.iter().any(|t| {
                t.trigger.kind == TriggerKind::Storm
                    || matches!(t.trigger.sub_event_type, Some(SubEventType::Arrests | SubEventType::Abduction))
            });
        on_the_ground && self.aircraft_spans().next().is_none()
    }

    /// Whether aircraft are the doers of a shelling word in a language whose subject comes
    /// first: named before it in its clause, a few words at most, with no other shelling word
    /// between ("warplanes and artillery shelled": the artillery shelled, the warplanes
    /// struck). Where the doer follows its verb, aircraft before a shelling word are another
    /// means of the same bombardment ("قصف من الطائرات ومدفعية الهاون").
    fn aircraft_fire_it(&self, trigger: &TriggerMention) -> bool {
        const SUBJECT_REACH: usize = 8;
        if self.ctx.pack.agent_right_after_trigger {
            return false;
        }
        let shelling_between = |from: usize| {
            self.spotted
                .triggers
                .iter()
                .any(|t| t.trigger.kind == TriggerKind::Shelling && t.start >= from && t.start < trigger.start)
        };
        self.aircraft_spans().any(|(_, end)| {
            end <= trigger.start
                && trigger.start - end <= SUBJECT_REACH
                && self.same_clause(end, trigger.start)
                && !shelling_between(end)
        })
    }

    /// The spans of the aircraft the sentence names, not those of an air force in another
    /// sense ("Air Force Intelligence", a security agency).
    pub(crate) fn aircraft_spans(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        let other_senses = &self.spotted.other_senses;
        self.ctx
            .pack
            .aerial
            .find_all_at(&self.spotted.tokens, &self.spotted.starts)
            .into_iter()
            .map(|hit| (hit.start, hit.end))
            .filter(|&(start, end)| !other_senses.iter().any(|&(s, e)| s <= start && end <= e))
    }

    /// A rocket or missile word right after a targeting word or a word of air strike
    /// ("targeting it with an anti-tank missile", "استهدافها بصاروخ", "عدواناً جوياً برشقات من
    /// الصواريخ"): the instrument of that attack, one attack with it.
    pub(crate) fn is_instrument_of_targeting(&self, trigger: &TriggerMention) -> bool {
        trigger.trigger.kind == TriggerKind::Bombard
            && self.spotted.triggers.iter().any(|t| {
                matches!(t.trigger.kind, TriggerKind::Target | TriggerKind::AirStrike)
                    && t.end <= trigger.start
                    && trigger.start <= t.end + INSTRUMENT_REACH
            })
    }

    /// Whether a failure marker stands before the trigger in its clause, a few words at
    /// most before it ("failed to capture", "ont échoué à reprendre", and verb-first "فشلت
    /// قوات النظام في السيطرة على" with the subject between them).
    fn failed_attempt(&self, trigger: &TriggerMention) -> bool {
        const REACH: usize = 8;
        const MARKER_LENGTH: usize = 5;
        let tokens = &self.spotted.tokens;
        self.ctx
            .pack
            .failure_markers
            .last_end_within(tokens, trigger.start, REACH, MARKER_LENGTH)
            .is_some_and(|end| self.same_clause(end, trigger.start))
    }

    /// Whether an actor is named by its forces on the ground ("Israeli troops", "les chars
    /// israéliens", "دوريات إسرائيلية"): a word of them in its name or right after it.
    fn on_the_ground(&self, actor: &ActorMention) -> bool {
        let tokens = &self.spotted.tokens;
        let ground = &self.ctx.pack.ground_forces;
        (actor.start..=actor.end.min(tokens.len())).any(|at| ground.match_at(tokens, at).is_some())
    }

    /// The side a weapon the trigger names belongs to, when only one side uses it ("براميل
    /// متفجرة": barrel bombs are dropped by the Syrian government's helicopters alone); else
    /// the side of such a weapon its clause names as the attack's means ("قصف ... بالبراميل
    /// المتفجرة").
    fn weapon_user(&self, trigger: &TriggerMention) -> Option<ActorMention> {
        let named_by = |t: &TriggerMention| t.trigger.actor.map(|id| ActorMention::named_by(t, id));
        named_by(trigger).or_else(|| {
            self.spotted
                .triggers
                .iter()
                .filter(|t| {
                    let (from, to) =
                        if t.start >= trigger.end { (trigger.end, t.start) } else { (t.end, trigger.start) };
                    t.start != trigger.start && from <= to && self.same_clause(from, to)
                })
                .find_map(named_by)
        })
    }

    /// Whether the nearest actor before a trigger, in its clause, is an armed one (not
    /// civilians, rescuers or protesters), with no deed of its own between: "an ISIS attack
    /// on Hasaka has displaced 60,000" names the side of the attack that drove people out,
    /// not a side that left.
    fn armed_subject_in_clause(&self, trigger: &TriggerMention) -> bool {
        self.actor_before_in_clause(trigger).is_some_and(|a| {
            !matches!(a.id.inter_code(), 6 | 7)
                && self
                    .relative_pronoun_before(trigger)
                    .is_none_or(|pronoun| a.end + RELATIVE_ANTECEDENT_GAP >= pronoun)
                && !self
                    .spotted
                    .triggers
                    .iter()
                    .any(|t| t.start >= a.end && t.end <= trigger.start && is_event_kind(t.trigger.kind))
        })
    }

    /// Where a relative pronoun starts that opens the trigger's clause right before it ("la
    /// population qui fuit", "the families who fled"): the clause's subject is the noun the
    /// pronoun follows, not an actor told further back ("l'arrivée des rebelles a provoqué la
    /// panique parmi la population qui fuit": the people flee, not the rebels).
    fn relative_pronoun_before(&self, trigger: &TriggerMention) -> Option<usize> {
        let (s, pack) = (self.spotted, self.ctx.pack);
        let (start, end) = pack
            .relative_pronouns
            .spans_at(&s.tokens, &s.starts)
            .into_iter()
            .rev()
            .find(|&(_, end)| end <= trigger.start)?;
        let auxiliaries_between = (end..trigger.start).all(|i| pack.is_auxiliary(&s.tokens[i]));
        auxiliaries_between.then_some(start)
    }

    /// Places hit by an attack: the sites of the sentence, else its region.
    pub(crate) fn attack(
        &self,
        trigger: &'s TriggerMention,
        kind: TriggerKind,
        discourse: &Discourse,
        frames: &mut Vec<Frame<'s>>,
    ) {
        let sub_event_type =
            if kind == TriggerKind::AirStrike { SubEventType::AirDroneStrike } else { SubEventType::Shelling };
        let actor = self.attacker(trigger, kind, discourse).or_else(|| self.weapon_user(trigger));
        let target = self.target_actor(trigger, actor.as_ref());
        for place in self.targets(trigger) {
            let mut frame = Frame::new(sub_event_type, place, trigger).by(actor.clone());
            frame.target = target.clone();
            frames.push(frame);
        }
    }

    /// Sites that are named as such (resolved in the gazetteer, or announced by a place
    /// noun), else places it happened near, else the first region of the sentence.
    ///
    /// A sentence may report two attacks ("strikes killed 5 in A, while raids near B killed
    /// 4"): each takes the places of its own stretch, from the previous attack word to the
    /// next one, those after it first.
    pub(crate) fn targets(&self, trigger: &TriggerMention) -> Vec<&'s PlaceMention> {
        let s = self.spotted;
        let is_attack = |t: &&TriggerMention| {
            matches!(t.trigger.kind, TriggerKind::AirStrike | TriggerKind::Shelling) && !self.is_disrupted(t)
        };
        // Attack words side by side ("drones struck", "قصف صاروخي استهدف": a rocket shelling
        // that targeted), or joined as one attack's means ("air and artillery strikes",
        // "بالقصف الجوي والمدفعي"), have one stretch, theirs together.
        let joined =
            |end: usize, start: usize| end == start || one_connector_between(&s.tokens, self.ctx.pack, end, start);
        let (mut start, mut end) = (trigger.start, trigger.end);
        while let Some(t) = s.triggers.iter().filter(is_attack).find(|t| joined(t.end, start) && t.start < start) {
            start = t.start;
        }
        while let Some(t) = s.triggers.iter().filter(is_attack).find(|t| joined(end, t.start) && t.end > end) {
            end = t.end;
        }
        // A reported clause ("، لافتا أن دوريات ... كثفت في أحياء ...") tells of other deeds
        // and their places.
        let reported = |i: &usize| self.opens_a_reported_clause(*i);
        let next = s.triggers.iter().filter(is_attack).find(|t| t.start > end).map_or(s.tokens.len(), |t| t.start);
        let next = (end..next).find(reported).unwrap_or(next);
        let previous = s.triggers.iter().filter(is_attack).rev().find(|t| t.end <= start).map_or(0, |t| t.end);
        let previous = (previous..start).rev().find(reported).unwrap_or(previous);
        let stretches = [(end, next), (previous, start)];
        for (from, to) in stretches {
            for role in [PlaceRole::Site, PlaceRole::Near] {
                let places: Vec<&PlaceMention> = s
                    .places
                    .iter()
                    .filter(|p| p.start >= from && p.end <= to && p.role == role && self.is_named_place(p))
                    .collect();
                if !places.is_empty() {
                    return places;
                }
            }
        }
        // With no site, the region of the trigger's own stretch ("... بريف دمشق، فيما أسقطت
        // مسيرة بريف القنيطرة": the downing in Quneitra's), else the sentence's first.
        let region = |p: &&PlaceMention| matches!(p.role, PlaceRole::Region { .. });
        stretches
            .iter()
            .find_map(|&(from, to)| s.places.iter().filter(region).find(|p| p.start >= from && p.end <= to))
            .or_else(|| s.places.iter().find(region))
            .into_iter()
            .collect()
    }

    /// Damage ("was destroyed") caused by the attack reported just before.
    pub(crate) fn damage(
        &self,
        trigger: &'s TriggerMention,
        discourse: &mut Discourse,
        frames: &mut Vec<Frame<'s>>,
        trace: &mut SentenceTrace,
    ) {
        let recent = |sentence: usize| self.index.saturating_sub(sentence) <= ATTACK_MEMORY;
        let bombing = discourse.placeless_bombing.as_ref().filter(|b| recent(b.sentence));
        if let Some(bombing) =
            bombing.filter(|b| discourse.last_attack.as_ref().is_none_or(|a| a.sentence < b.sentence))
        {
            // "A suicide car bomb killed four. ... The blast hit a checkpoint near Ras al-Ain":
            // the sites it hit, else the places it hit near.
            let near = || self.spotted.places.iter().filter(|p| p.role == PlaceRole::Near && self.is_named_place(p));
            let places: Vec<&PlaceMention> = self.named_sites().collect();
            let places = if places.is_empty() { near().collect() } else { places };
            for place in &places {
                let mut frame = Frame::new(bombing.sub_event_type, place, trigger).by(bombing.actor.clone());
                frame.time = bombing.window.clone();
                frame.time_of_the_event_referred_to = bombing.sentence != self.index && frame.time.is_some();
                frames.push(frame);
            }
            // Placed now: later damage is not that bombing's again.
            if !places.is_empty() {
                discourse.placeless_bombing = None;
            }
            return;
        }
        let Some(attack) = &discourse.last_attack else {
            trace.note(|| format!("{:?}: damage with no attack reported before it", trigger.text));
            return;
        };
        if self.index.saturating_sub(attack.sentence) > ATTACK_MEMORY {
            trace.note(|| format!("{:?}: the last attack reported is too far back", trigger.text));
            return;
        }
        // "destroyed a tank as fierce clashes went on": damage told with fighting of its own
        // sentence is that fighting's toll, not the work of a bombing told before.
        if attack.sentence != self.index && self.tells_of_fighting() {
            trace.note(|| format!("{:?}: damage done in the fighting this sentence tells of", trigger.text));
            return;
        }
        let sub_event_type =
            if attack.kind == TriggerKind::AirStrike { SubEventType::AirDroneStrike } else { SubEventType::Shelling };
        for place in self.named_sites() {
            let mut frame = Frame::new(sub_event_type, place, trigger).by(attack.actor.clone());
            frame.time = attack.window.clone();
            frame.time_of_the_event_referred_to = attack.sentence != self.index && frame.time.is_some();
            frames.push(frame);
        }
    }

    /// The sentence's sites that are named as places.
    fn named_sites(&self) -> impl Iterator<Item = &'s PlaceMention> + '_ {
        self.spotted.places.iter().filter(|p| p.role == PlaceRole::Site && self.is_named_place(p))
    }

    /// Whether the sentence tells of fighting between two sides (clashes, an assault), or of
    /// a blow of its own ("destroyed a tank, targeting it with an anti-armour missile",
    /// "إثر استهدافها بصاروخ"): damage it tells is that deed's, not an earlier attack's.
    fn tells_of_fighting(&self) -> bool {
        self.spotted.triggers.iter().any(|t| {
            matches!(
                t.trigger.kind,
                TriggerKind::Clash
                    | TriggerKind::Storm
                    | TriggerKind::Assault
                    | TriggerKind::Target
                    | TriggerKind::Bombard
            )
        })
    }

    /// A weapon named as the object of a disruption ("shot down a *drone*", "intercepted
    /// *missiles*"): what was stopped, not an attack of its own.
    pub(crate) fn is_disrupted(&self, trigger: &TriggerMention) -> bool {
        const OBJECT_DISTANCE: usize = 3;
        self.incident_just_before(trigger, OBJECT_DISTANCE, is_a_downing) || self.means_of_a_downing(trigger)
    }

    /// Whether a weapon word is what an aircraft or a missile was brought down with: an
    /// instrument word introduces it (an article may stand between) after a downing in its
    /// clause ("abattu un hélicoptère à l'aide d'un missile", "downed a drone with a missile").
    fn means_of_a_downing(&self, trigger: &TriggerMention) -> bool {
        /// The most words from the downing to the instrument word.
        const MEANS_REACH: usize = 6;
        /// The most words of an instrument word ("à l'aide d'").
        const MARKER_WORDS: usize = 4;
        if !names_a_weapon(trigger) {
            return false;
        }
        let tokens = &self.spotted.tokens;
        let marker_start = [trigger.start, trigger.start.saturating_sub(1)].into_iter().find_map(|end| {
            self.ctx.pack.instrument_markers.match_ending_at(tokens, end, MARKER_WORDS).map(|hit| hit.start)
        });
        marker_start.is_some_and(|start| {
            self.spotted.triggers.iter().any(|t| {
                is_a_downing(t) && t.end <= start && start - t.end <= MEANS_REACH && self.same_clause(t.end, start)
            })
        })
    }

    /// "les défenses antiaériennes ont repoussé une attaque de drones": an attack from the air
    /// that the sentence's air defences repelled is what they disrupted.
    pub(crate) fn is_fought_off_by_air_defence(&self, trigger: &TriggerMention, discourse: &Discourse) -> bool {
        let s = self.spotted;
        s.triggers.iter().any(|t| t.trigger.sub_event_type == Some(SubEventType::DisruptedWeaponsUse))
            && s.triggers.iter().any(|repelling| {
                self.air_attack_repelled_by(repelling, discourse).is_some_and(|attack| std::ptr::eq(attack, trigger))
            })
    }

    /// "seized weapons including rockets and mortar shells", "a découvert des roquettes",
    /// "ضبط كميات من القذائف", "discovered a car bomb workshop": a weapon or bomb word that a
    /// word of seizing, finding, handing over or storing governs, in its clause and with no
    /// other event word between (other arms may be: a list of them), names arms held, not an
    /// attack.
    pub(crate) fn is_a_weapon_held(&self, trigger: &TriggerMention) -> bool {
        /// The most words between the holding word and the weapon ("a saisi des armes, dont
        /// deux millions d'obus").
        const HOLDING_REACH: usize = 16;
        let tokens = &self.spotted.tokens;
        let arms = |t: &TriggerMention| names_a_weapon(t) || names_a_bomb(t);
        arms(trigger)
            && self.ctx.pack.weapon_holding.spans_at(tokens, &self.spotted.starts).into_iter().any(|(_, end)| {
                end <= trigger.start
                    && trigger.start - end <= HOLDING_REACH
                    && self.same_clause(end, trigger.start)
                    && !self.spotted.triggers.iter().any(|t| t.start >= end && t.end <= trigger.start && !arms(t))
            })
    }

    /// "a rocket attack on X", "a mortar attack": a word of attack that a weapon's word
    /// qualifies, written right against it, is one attack, the weapon's; not fighting besides.
    pub(crate) fn is_an_attack_by_the_weapon_beside(&self, trigger: &TriggerMention) -> bool {
        trigger.trigger.kind == TriggerKind::Assault
            && self
                .spotted
                .triggers
                .iter()
                .any(|t| names_a_weapon(t) && (t.end == trigger.start || trigger.end == t.start))
    }

    /// "an IED targeted a patrol", "عبوة ناسفة استهدفت": a bombing verb whose subject is a
    /// bomb just named tells what that bomb did, not another attack.
    pub(crate) fn is_said_of_a_bomb(&self, trigger: &TriggerMention) -> bool {
        const SUBJECT_DISTANCE: usize = 2;
        matches!(trigger.trigger.kind, TriggerKind::Bombard | TriggerKind::Assault | TriggerKind::Target)
            && self.incident_just_before(trigger, SUBJECT_DISTANCE, |t| {
                names_a_bomb(t) && self.same_clause(t.end, trigger.start)
            })
    }

    /// Whether a trigger that `is` ends at most `within` tokens before `trigger`.
    fn incident_just_before(
        &self,
        trigger: &TriggerMention,
        within: usize,
        is: impl Fn(&TriggerMention) -> bool,
    ) -> bool {
        self.spotted.triggers.iter().any(|t| t.end <= trigger.start && trigger.start - t.end <= within && is(t))
    }
}

/// Whether a trigger tells a weapon's use disrupted: an aircraft or a missile brought down,
/// a bomb defused.
fn is_a_downing(trigger: &TriggerMention) -> bool {
    trigger.trigger.sub_event_type == Some(SubEventType::DisruptedWeaponsUse)
}

/// Whether a trigger names a bomb ("car bomb", "عبوة ناسفة"): arms too, when found or seized.
fn names_a_bomb(trigger: &TriggerMention) -> bool {
    matches!(trigger.trigger.sub_event_type, Some(SubEventType::RemoteExplosive | SubEventType::SuicideBomb))
}

/// Whether a trigger is a word of fire from a weapon: a shelling, an air strike or a
/// bombardment ("rockets", "mortar", "airstrikes").
fn names_a_weapon(trigger: &TriggerMention) -> bool {
    matches!(trigger.trigger.kind, TriggerKind::Shelling | TriggerKind::AirStrike | TriggerKind::Bombard)
}
