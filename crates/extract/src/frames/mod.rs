//! Candidate frames: each trigger of a sentence read into frames, one per place it
//! happened, with typed role slots (who acted, against whom, where, when, the toll). The
//! readers of each kind of trigger live in the submodules; the actors that fill the slots
//! are found in `actors`.

mod actors;
mod attack;
mod clash;
mod flight;
mod incident;
mod killing;
mod territory;

pub(crate) use territory::is_event_kind;

use frontline_core::{ActorId, Extent, SubEventType};
use frontline_lang::TriggerKind;

use crate::casualties::Casualties;
use crate::dates::{best_for, DateWindow};
use crate::discourse::{Attack, Discourse};
use crate::reader::SentenceReader;
use crate::spot::{ActorMention, PlaceMention, TriggerMention};
use crate::trace::SentenceTrace;

/// What a trigger says happened at one place, before the place is resolved.
pub(crate) struct Frame<'s> {
    pub sub_event_type: SubEventType,
    pub trigger: &'s TriggerMention,
    /// Who acted: actor1. Its backer, when the text names one with it ("Russian and Syrian
    /// warplanes", "and allied militias"), rides on the mention as its joint actor and allies.
    pub agent: Option<ActorMention>,
    /// Who was acted against: actor2.
    pub target: Option<ActorMention>,
    pub place: &'s PlaceMention,
    /// The date window of the sentence this frame refers back to, used when its own
    /// sentence gives none.
    pub time: Option<DateWindow>,
    /// Whether `time` is the window of an event an earlier sentence told and this one
    /// refers back to ("A car bomb killed seven on Tuesday. ... the blast, which went off in
    /// X where fighting has gone on for months"): that event's day, whatever else this
    /// sentence dates.
    pub time_of_the_event_referred_to: bool,
    /// The sentence's toll, on its first frame only: the others of the same sentence report
    /// the same toll and must not count it again.
    pub casualties: Option<Casualties>,
    /// Who gained and who lost the place, and how much of it: territorial types only.
    pub control: Option<(ActorId, Option<ActorId>, Extent)>,
    pub confidence: f64,
    /// An assault whose sentence names no other side, no post or men of one and no fighting:
    /// a raid that met no defender the report tells of, kept only if the reading makes it
    /// another event (an arrest, an abduction).
    pub unopposed: bool,
    /// An assault whose sentence tells of fighting too ("stormed the quarter, setting off
    /// clashes with his group"): a battle, whatever arrests follow it.
    pub met_fighting: bool,
    /// Fighting told as the way a place was won ("took the town after fierce clashes"): a
    /// taking at its place on its day codes it.
    pub means_of_a_taking: bool,
    /// An assault the sentence tells only by the side it struck ("three soldiers were killed
    /// in an attack"): its assailant is untold, and no usual actor stands in for it.
    pub assailant_untold: bool,
}

impl<'s> Frame<'s> {
    fn new(sub_event_type: SubEventType, place: &'s PlaceMention, trigger: &'s TriggerMention) -> Frame<'s> {
        Frame {
            sub_event_type,
            trigger,
            agent: None,
            target: None,
            place,
            time: None,
            time_of_the_event_referred_to: false,
            casualties: None,
            control: None,
            confidence: trigger.trigger.confidence,
            unopposed: false,
            met_fighting: false,
            means_of_a_taking: false,
            assailant_untold: false,
        }
    }

    fn by(mut self, agent: Option<ActorMention>) -> Frame<'s> {
        self.agent = agent;
        self
    }
}

impl<'s> SentenceReader<'_, 's> {
    /// The frames of the sentence's triggers, in their order. An attack is remembered in the
    /// discourse as it is read, hypothetical or not, for the damage reports after it; what
    /// was shot down, what is hypothetical and what is counted over a period make no frame.
    pub(crate) fn frames(&self, discourse: &mut Discourse, trace: &mut SentenceTrace) -> Vec<Frame<'s>> {
        let mut frames: Vec<Frame<'s>> = Vec::new();
        // A reminder to the reader is a property of the whole sentence.
        let recalled = self.is_recalled();
        for trigger in &self.spotted.triggers {
            if self.is_disrupted(trigger) {
                trace.note(|| format!("{:?}: what was shot down or intercepted, not an attack", trigger.text));
                continue;
            }
            if self.is_a_raid_on_the_ground(trigger) {
                trace.note(|| {
                    format!(
                        "{:?}: a raid on the ground, the arrest, abduction or storming its sentence tells",
                        trigger.text
                    )
                });
                continue;
            }
            if self.is_instrument_of_targeting(trigger) {
                trace.note(|| {
                    format!("{:?}: what the attack before it was made with, not another attack", trigger.text)
                });
                continue;
            }
            if self.is_a_weapon_held(trigger) {
                trace.note(|| format!("{:?}: arms seized, found or handed over, not an attack", trigger.text));
                continue;
            }
            if self.is_an_attack_by_the_weapon_beside(trigger) {
                trace.note(|| format!("{:?}: the attack of the weapon named beside it, not fighting", trigger.text));
                continue;
            }
            if self.is_said_of_a_bomb(trigger) {
                trace.note(|| format!("{:?}: what the bomb just named did, not another attack", trigger.text));
                continue;
            }
            if self.is_fought_off_by_air_defence(trigger, discourse) {
                trace.note(|| format!("{:?}: the attack from the air defences fought off, not a strike", trigger.text));
                continue;
            }
            let kind = self.reading_of(trigger, discourse);
            if matches!(kind, TriggerKind::AirStrike | TriggerKind::Shelling) {
                let actor = self.attacker(trigger, kind, discourse);
                let window = best_for(&self.spotted.dates, trigger.start).map(|d| d.window.clone());
                discourse.remember_attack(Attack { kind, sentence: self.index, actor, window });
            }
            // An intervention qualifies the protest of its sentence; alone ("attacked
            // protesters", "dispersed the demonstrators"), it tells of the protest too.
            let lone_intervention = kind == TriggerKind::Intervention && !self.tells_of_a_protest();
            // A toll qualifies the deed of its sentence; a killing of civilians told with its
            // doer and no other deed is the deed.
            let killer = if kind == TriggerKind::Kill { self.killer_of_civilians(trigger) } else { None };
            if kind == TriggerKind::Kill && killer.is_none()
                || kind == TriggerKind::Wound
                || kind == TriggerKind::Intervention && !lone_intervention
            {
                continue;
            }
            if kind == TriggerKind::Clash && self.protest_in_clause(trigger) {
                trace.note(|| format!("{:?}: the clash of a protest, not fighting between armed sides", trigger.text));
                continue;
            }
            if matches!(kind, TriggerKind::Clash | TriggerKind::Storm) && self.names_an_operation(trigger) {
                trace.note(|| {
                    format!("{:?}: the name of an operation, a campaign, not a fight at a place", trigger.text)
                });
                continue;
            }
            if self.is_hypothetical(trigger) {
                trace.note(|| format!("{:?}: hypothetical or intended, not an event", trigger.text));
                continue;
            }
            if self.is_habitual(trigger) {
                trace.note(|| {
                    format!(
                        "{:?}: what goes on over time (an auxiliary of the past or of continuance, then an \
                         imperfect verb), background",
                        trigger.text
                    )
                });
                continue;
            }
            if recalled {
                trace.note(|| format!("{:?}: in a reminder to the reader with no date: background", trigger.text));
                continue;
            }
            if matches!(kind, TriggerKind::Clash) && self.is_ongoing_state(trigger) {
                trace
                    .note(|| format!("{:?}: fighting told as an ongoing state with no date: background", trigger.text));
                continue;
            }
            if self.is_anterior(trigger) {
                trace.note(|| {
                    format!(
                        "{:?}: pluperfect with no date or in a relative clause, what had happened before: background",
                        trigger.text
                    )
                });
                continue;
            }
            if self.follows_a_lapse(trigger) {
                trace.note(|| {
                    format!("{:?}: what the sentence's events came days or more after: background", trigger.text)
                });
                continue;
            }
            if self.is_conceded(trigger) {
                trace
                    .note(|| format!("{:?}: what the sentence's event happened in spite of, background", trigger.text));
                continue;
            }
            if self.is_a_grievance(trigger) {
                trace.note(|| format!("{:?}: what a protest is against, told before: background", trigger.text));
                continue;
            }
            if kind == TriggerKind::Clash && self.names_a_campaign(trigger) {
                trace.note(|| format!("{:?}: names a campaign by its place, background", trigger.text));
                continue;
            }
            if self.qualifies_the_noun_after(trigger) {
                trace.note(|| {
                    format!("{:?}: a participle that qualifies the noun after it, no deed told", trigger.text)
                });
                continue;
            }
            if self.recurs(trigger) {
                trace.note(|| format!("{:?}: a deed that recurs over time, background", trigger.text));
                continue;
            }
            if self.governed_by_a_duration(trigger) {
                trace.note(|| format!("{:?}: what went on over a stretch of time, background", trigger.text));
                continue;
            }
            if self.spotted.aggregate {
                trace.note(|| format!("{:?}: counted over a period, kept as a figure", trigger.text));
                continue;
            }
            let before = frames.len();
            match kind {
                TriggerKind::Take | TriggerKind::Fall | TriggerKind::Withdraw => {
                    self.territory(trigger, kind, discourse, &mut frames, trace)
                }
                TriggerKind::AirStrike | TriggerKind::Shelling => self.attack(trigger, kind, discourse, &mut frames),
                TriggerKind::Damage => self.damage(trigger, discourse, &mut frames, trace),
                TriggerKind::Clash | TriggerKind::Storm => self.clash(trigger, discourse, &mut frames),
                TriggerKind::Flee => self.flight(trigger, &mut frames),
                TriggerKind::Incident => self.incident(trigger, discourse, &mut frames),
                TriggerKind::Intervention => self.lone_intervention(trigger, discourse, &mut frames),
                TriggerKind::Kill => {
                    if let Some(killer) = &killer {
                        self.killing(trigger, killer, &mut frames);
                    }
                }
                // Read above as one of the kinds before, or with the triggers they qualify;
                // targeting whose means nothing tells is no event of its own.
                TriggerKind::Wound | TriggerKind::Bombard | TriggerKind::Assault | TriggerKind::Target => {}
            }
            if frames.len() == before && !matches!(kind, TriggerKind::Damage) {
                trace.note(|| format!("{:?}: no place where it happened", trigger.text));
            }
        }
        self.without_fighting_as_a_setting(frames, trace)
    }

    /// Fighting the sentence names as the setting of another of its events ("fled amid
    /// clashes", "وسط احتدام المعارك") is no event of its own; with no other event, the
    /// fighting is the event ("killed during clashes in X").
    fn without_fighting_as_a_setting(&self, mut frames: Vec<Frame<'s>>, trace: &mut SentenceTrace) -> Vec<Frame<'s>> {
        if frames.iter().all(|f| f.sub_event_type == SubEventType::ArmedClash) {
            return frames;
        }
        let tokens = &self.spotted.tokens;
        let leads = &self.ctx.pack.circumstance_leads;
        frames.retain(|f| {
            let setting = f.sub_event_type == SubEventType::ArmedClash
                && f.trigger.trigger.kind == TriggerKind::Clash
                && leads.last_end_within(tokens, f.trigger.start, SETTING_REACH, SETTING_LEAD_WORDS).is_some();
            if setting {
                trace
                    .note(|| format!("{:?}: the fighting another event of the sentence happened amid", f.trigger.text));
            }
            !setting
        });
        frames
    }
}

/// How far before a word of fighting a lead of its setting may end: right before it, or
/// before an article or a word of intensity ("amid the clashes", "وسط احتدام المعارك").
const SETTING_REACH: usize = 2;
/// The most words of a lead of a setting ("in the midst of").
const SETTING_LEAD_WORDS: usize = 4;
