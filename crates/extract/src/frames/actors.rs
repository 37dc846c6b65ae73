//! The actors that fill a frame's agent and target slots: the subject before a trigger,
//! the actor an agent word introduces after it, the attacker of a strike and its target,
//! and who held the places before.

use frontline_core::ActorId;
use frontline_lang::TriggerKind;

use crate::discourse::Discourse;
use crate::reader::SentenceReader;
use crate::spot::{is_bracketed_alias, span_text, tied_by_affiliation, ActorMention, TriggerMention};

/// The most words from a unit noun, or a passive agent marker, to the actor it names.
const UNIT_PHRASE: usize = 4;

/// Quotation marks that may stand between a word and the name it governs.
const QUOTES: &str = "\"'«»“”„";

/// How far after a deed the agent of a passive may stand ("roquettes à fragmentation
/// lancées par les terroristes", "اختطاف عدد من أهالي القرية من قبل التنظيم"), in its clause.
const PASSIVE_AGENT_REACH: usize = 12;
/// The most words of a marker of who holds a place ("sous le contrôle de l'").
const HOLDER_WORDS: usize = 6;

impl<'s> SentenceReader<'_, 's> {
    /// The subject of a trigger: the nearest actor before it, or for a pronoun, the last
    /// subject of the discourse.
    pub(crate) fn subject_of(&self, trigger: &TriggerMention, discourse: &Discourse) -> Option<ActorMention> {
        let s = self.spotted;
        let holder_spans = self.previous_holder_spans();
        let named = s.actors.iter().rev().find(|a| {
            a.end <= trigger.start && !holder_spans.iter().any(|&(hs, he)| a.start >= hs && a.start <= he + 1)
        });
        if let Some(actor) = named {
            return Some(actor.clone());
        }
        self.pronoun_subject(trigger, discourse)
    }

    pub(crate) fn actor_after(&self, from: usize, within: usize) -> Option<ActorMention> {
        self.spotted.actors.iter().find(|a| a.start >= from && a.start <= from + within).cloned()
    }

    pub(crate) fn previous_holder_spans(&self) -> Vec<(usize, usize)> {
        self.ctx.pack.previous_holder.spans_at(&self.spotted.tokens, &self.spotted.starts)
    }

    /// "jusque-là sous le contrôle de l'armée": who held the places before. The actor may
    /// begin with the marker's last word (an elided article both end).
    pub(crate) fn previous_holder(&self) -> Option<ActorId> {
        self.holder_named().map(|a| a.id)
    }

    /// The actor a marker of holding names ("held by the rebels", "sous le contrôle de
    /// l'armée").
    fn holder_named(&self) -> Option<&'s ActorMention> {
        self.previous_holder_spans().into_iter().find_map(|(start, end)| {
            self.spotted.actors.iter().find(|a| a.start >= start && a.end > end && a.start <= end + 2)
        })
    }

    /// The side a word of a held area names ("rebel-held", "prorégime"), as an actor at
    /// that word.
    fn holder_of_the_area(&self) -> Option<ActorMention> {
        let hit =
            self.ctx.pack.held_areas.find_all_at(&self.spotted.tokens, &self.spotted.starts).into_iter().next()?;
        Some(self.actor_at(hit))
    }

    /// The other side of the war from the side the sentence says holds the place struck
    /// ("shelling on neighbourhoods held by the rebels", "قصف على الأحياء الخاضعة لسيطرة
    /// المعارضة"): fire on a side's ground that names no doer is its enemy's, the state's on
    /// the opposition's ground and the opposition's on the state's.
    fn enemy_of_the_holder(&self) -> Option<ActorMention> {
        let holder = self.holder_named().cloned().or_else(|| self.holder_of_the_area())?;
        // Only the two sides of the civil war: the ground of the Kurds or of the Islamic State
        // has more than one enemy.
        let in_the_civil_war = holder.id.sides_with_state() || matches!(holder.id.as_str(), "OPP" | "HTS");
        in_the_civil_war.then(|| ActorMention {
            id: self.other_side_of_the_war(holder.id),
            joint: None,
            allies: None,
            unidentified: false,
            ..holder
        })
    }

    /// Who carried out an attack: an actor right after the trigger ("frappes russes",
    /// "shelling by the army"), else the nearest before it.
    pub(crate) fn attacker(
        &self,
        trigger: &TriggerMention,
        kind: TriggerKind,
        discourse: &Discourse,
    ) -> Option<ActorMention> {
        self.attacker_in_sentence(trigger)
            .or_else(|| self.pronoun_subject(trigger, discourse))
            .or_else(|| self.enemy_of_the_holder())
            .or_else(|| (kind == TriggerKind::AirStrike).then(|| discourse.last_air_actor()).flatten())
            // The armed side the report last made its subject, when it could have done the
            // deed: only states fly aircraft.
            .or_else(|| discourse.last_armed_subject().filter(|a| kind != TriggerKind::AirStrike || a.id.is_state()))
    }

    /// The attacker the sentence names: an actor on the trigger or right after it
    /// ("frappes russes"), or introduced after it by an agent word ("shelling by Turkey",
    /// "raids du régime"); else a nationality word just before it ("Turkish drones"); else
    /// the nearest actor before it in its clause. Civilians and rescuers are victims, never
    /// attackers.
    pub(crate) fn attacker_in_sentence(&self, trigger: &TriggerMention) -> Option<ActorMention> {
        let s = self.spotted;
        let pack = self.ctx.pack;
        let armed = |a: &&ActorMention| a.id.inter_code() != 7;
        // "frappes russes", and the means' nationality in "استهداف مسيرة تركية" (a
        // verbal noun's genitive is its doer).
        // The means may be a weapon word of its own ("استهدفت صواريخ إسرائيلية").
        let weapon_end = || {
            s.triggers.iter().find(|t| t.start == trigger.end && t.trigger.kind == TriggerKind::Bombard).map(|t| t.end)
        };
        let means_end =
            pack.aerial.match_at(&s.tokens, trigger.end).map(|hit| hit.end).or_else(weapon_end).unwrap_or(trigger.end);
        let demonym_after = pack
            .demonyms
            .match_at(&s.tokens, trigger.end)
            .or_else(|| pack.demonyms.match_at(&s.tokens, means_end))
            .map(|h| self.actor_at(h));
        let after = self.agent_on_or_after(trigger).or(demonym_after);
        let demonym = || {
            let named = |start: usize, end: usize| s.actors.iter().any(|a| a.start < end && start < a.end);
            let hit = pack.demonyms.match_ending_at(&s.tokens, trigger.start, 2).filter(|h| !named(h.start, h.end));
            hit.map(|h| self.actor_at(h))
        };
        let before = || {
            s.actors
                .iter()
                .filter(armed)
                .rev()
                .find(|a| {
                    a.end <= trigger.start
                        && self.same_clause(a.end, trigger.start)
                        && !self.among_the_killed(a, trigger)
                        && !self.holds_a_place(a)
                })
                .cloned()
        };
        after
            .or_else(demonym)
            .or_else(before)
            .or_else(|| self.nationality_of_earlier_attack(trigger))
            .or_else(|| self.main_subject_of_participle(trigger))
            .or_else(|| self.main_subject_after_fronted_clause(trigger))
    }

    /// The doer of a deed told in a clause put before the main one ("After shelling the
    /// town, the army stormed it", "Après avoir pilonné le quartier, l'armée a lancé un
    /// assaut"): the main clause's subject, an armed actor that opens it right after the
    /// fronted clause's comma. The clause opens the sentence, or follows a comma.
    fn main_subject_after_fronted_clause(&self, trigger: &TriggerMention) -> Option<ActorMention> {
        /// The most words before the subject in the main clause (an article, an adverb).
        const SUBJECT_REACH: usize = 2;
        let s = self.spotted;
        let pack = self.ctx.pack;
        let tokens = &s.tokens;
        let opener = (0..trigger.start)
            .rev()
            .take_while(|&i| !pack.is_mark(&tokens[i], ",;.!?"))
            .find(|&i| pack.fronted_clause_openers.match_at(tokens, i).is_some())?;
        if opener > 0 && !pack.is_mark(&tokens[opener - 1], ",") {
            return None;
        }
        let comma = (trigger.end..tokens.len())
            .take_while(|&i| !pack.is_mark(&tokens[i], ";.!?"))
            .find(|&i| pack.is_mark(&tokens[i], ","))?;
        s.actors
            .iter()
            .find(|a| a.start > comma && a.start <= comma + 1 + SUBJECT_REACH && a.id.inter_code() != 7)
            .cloned()
    }

    /// Whether an actor names the side of people a killing or wounding struck, not who did
    /// the deed: a word for the victims right before its name (or a few words before, the
    /// preposition and a description between: "members of Islamist group HTS"), or right
    /// after it ("an SDF fighter"), with a word of killing or wounding in its clause, before
    /// the actor or between the actor and the deed. "قتل أربعة عناصر من الدفاع المدني وعنصر
    /// من جيش الإسلام بانفجار عبوتين", "two members of the SDF lost their lives when a bomb
    /// exploded", "أربعة عناصر في قوات النظام قتلوا ... نتيجة انفجار عبوة".
    pub(crate) fn among_the_killed(&self, actor: &ActorMention, deed: &TriggerMention) -> bool {
        /// The most words between a word for the victims and the name of their side: a
        /// description may stand between ("members of the Islamist militant group X", "أشخاص
        /// معظمهم من مقاتلي X").
        const VICTIMS_REACH: usize = 6;
        let s = self.spotted;
        let pack = self.ctx.pack;
        // Only a preposition or a description between the victims and their side, no other
        // name or deed ("troops were killed in Israeli strikes": the strikes' side).
        let name_or_deed_between = |from: usize, to: usize| {
            s.actors.iter().any(|a| a.start >= from && a.end <= to)
                || s.triggers.iter().any(|t| t.start >= from && t.end <= to)
        };
        let victims_before = (actor.start.saturating_sub(VICTIMS_REACH)..=actor.start).any(|end| {
            end > 0
                && pack.victims.match_ending_at(&s.tokens, end, 2).is_some()
                && !name_or_deed_between(end, actor.start)
        });
        let victims_after = pack.victims.match_at(&s.tokens, actor.end).is_some();
        let toll = |t: &&TriggerMention| {
            matches!(t.trigger.kind, TriggerKind::Kill | TriggerKind::Wound)
                && if t.end <= actor.start {
                    self.same_clause(t.end, actor.start)
                } else {
                    t.start >= actor.end && t.end <= deed.start && self.same_clause(actor.end, t.start)
                }
        };
        if !(victims_before || victims_after) || !s.triggers.iter().any(|t| toll(&t)) {
            // "two members of the Syrian Democratic Forces (SDF) were killed": another name of
            // the side, in a bracket right after its name, names the same victims.
            // "القائد في فيلق الشام التابع لفصائل المعارضة" (the commander in Faylaq al-Sham,
            // which belongs to the opposition factions): the side a victims' unit belongs to
            // is theirs too.
            let same_victims = self.named_just_before_in_a_bracket(actor).or_else(|| self.unit_affiliated_to(actor));
            return same_victims.is_some_and(|named| self.among_the_killed(named, deed));
        }
        // "killed 10 members of Nusra that attacked the locals": the dead of a relative clause
        // whose verb is the deed did it.
        !pack
            .relative_pronouns
            .spans_at(&s.tokens, &s.starts)
            .into_iter()
            .any(|(start, end)| start >= actor.end && end <= deed.start)
    }

    /// The mention of the same side whose bracket this one stands in, right after its name
    /// ("Forces démocratiques syriennes (FDS)").
    fn named_just_before_in_a_bracket(&self, actor: &ActorMention) -> Option<&ActorMention> {
        let s = self.spotted;
        s.actors.iter().rev().find(|named| {
            named.id == actor.id
                && named.end < actor.start
                && is_bracketed_alias(&s.tokens, named.end, actor.start, self.ctx.pack)
        })
    }

    /// The unit a word of affiliation ties to this side, right before it ("فيلق الشام التابع
    /// لفصائل المعارضة", "a brigade affiliated with the SNA").
    fn unit_affiliated_to(&self, actor: &ActorMention) -> Option<&ActorMention> {
        let s = self.spotted;
        s.actors.iter().find(|unit| tied_by_affiliation(&s.tokens, self.ctx.pack, unit.end, actor.start))
    }

    /// The armed actor the trigger itself names or that follows it as its doer: one that
    /// shares its words ("frappes russes"), or that an agent word introduces ("an attack by
    /// ISIS", "هجوم للجيش"); a bare actor after a verb is its object ("struck SDF positions").
    pub(crate) fn agent_on_or_after(&self, trigger: &TriggerMention) -> Option<ActorMention> {
        let s = self.spotted;
        let pack = self.ctx.pack;
        let armed = |a: &&ActorMention| a.id.inter_code() != 7;
        let passive_agent_markers = pack.passive_agent.spans_at(&s.tokens, &s.starts);
        let agent = |a: &ActorMention| {
            a.start < trigger.end
                || (a.start <= trigger.end + 3 && self.introduced_as_agent(a))
                || (pack.agent_right_after_trigger
                    && (self.right_after(trigger, a) || self.heads_unit(trigger, a))
                    && !self.verb_after_its_subject(trigger))
                || self.passive_agent_of(trigger, a, &passive_agent_markers)
                || self.instrument_of(trigger, a)
                || self.hedged_doer(trigger, a)
        };
        s.actors.iter().filter(armed).find(|a| a.end > trigger.start && agent(a) && !self.holds_a_place(a)).cloned()
    }

    /// Whether an agent word introduces the actor: right before its name ("هجوم للجيش"), or
    /// before a noun of its units or men ("محاولة تسلل لفصائل الجيش الوطني": an infiltration
    /// attempt by factions of the National Army).
    fn introduced_as_agent(&self, a: &ActorMention) -> bool {
        let tokens = &self.spotted.tokens;
        let pack = self.ctx.pack;
        let marker_ends_at = |end: usize| pack.agent_markers.match_ending_at(tokens, end, 2).is_some();
        // "بقصف لـ"التحالف الدولي"": the name in quotes after its marker.
        let quoted = a.start.checked_sub(1).filter(|&quote| tokens[quote].is_punct(QUOTES));
        marker_ends_at(a.start)
            || quoted.is_some_and(marker_ends_at)
            || pack.unit_nouns.match_ending_at(tokens, a.start, 2).is_some_and(|unit| marker_ends_at(unit.start))
    }

    /// Whether the trigger is a verb told after its subject: an armed side stands before it
    /// in its clause, not among the dead nor the holder of a place, and the verb agrees with
    /// it by an ending ("خلايا التنظيم استهدفت قوات النظام": the cells targeted the regime's
    /// forces). What follows such a verb is its object. A verbal noun has no such ending and
    /// takes its doer as its genitive ("صدت الفصائل هجوم القوات": the forces attacked).
    pub(crate) fn verb_after_its_subject(&self, trigger: &TriggerMention) -> bool {
        self.spotted.tokens.get(trigger.start).is_some_and(|verb| self.ctx.pack.agrees_by_ending(verb))
            && self
                .subject_before(trigger)
                .is_some_and(|a| a.id.inter_code() != 7 && !self.among_the_killed(a, trigger) && !self.holds_a_place(a))
    }

    /// Whether the actor is named as the one who holds a place ("neighbourhoods held by
    /// rebels", "الخاضعة لسيطرة المعارضة"): who holds a target did not strike it. The
    /// marker ends at the actor, a word before it, or on its first word (an elided article).
    fn holds_a_place(&self, a: &ActorMention) -> bool {
        let tokens = &self.spotted.tokens;
        (a.start.saturating_sub(1)..=a.start + 1)
            .any(|end| end > 0 && self.ctx.pack.previous_holder.match_ending_at(tokens, end, HOLDER_WORDS).is_some())
    }

    /// The nationality word right after an earlier trigger of the clause ("القصف التركي طال
    /// عبر الطيران والمدفعية": the Turkish bombardment struck, by aircraft and artillery): the
    /// means told after it are that side's. Any trigger counts, not only attack words.
    fn nationality_of_earlier_attack(&self, trigger: &TriggerMention) -> Option<ActorMention> {
        let s = self.spotted;
        let pack = self.ctx.pack;
        s.triggers
            .iter()
            .rev()
            .filter(|t| t.end <= trigger.start && self.same_clause(t.end, trigger.start))
            .find_map(|t| pack.demonyms.match_at(&s.tokens, t.end))
            .map(|hit| self.actor_at(hit))
    }

    /// The doer of a deed told in a participial clause ("..., en tirant des obus", "...,
    /// firing shells"): the subject of the clause before it, the sentence's first armed
    /// actor before the clause's comma.
    fn main_subject_of_participle(&self, trigger: &TriggerMention) -> Option<ActorMention> {
        let s = self.spotted;
        let pack = self.ctx.pack;
        let tokens = &s.tokens;
        let comma = (0..trigger.start)
            .rev()
            .take_while(|&i| !pack.is_mark(&tokens[i], ";.!?"))
            .find(|&i| pack.is_mark(&tokens[i], ","))?;
        let mut verb = comma + 1;
        if let Some(opener) = pack.gerund_openers.match_at(tokens, verb) {
            verb = opener.end;
        }
        let participle = tokens.get(verb).is_some_and(|t| {
            t.kind == frontline_lang::TokenKind::Word
                && !pack.function_words.contains(t.norm.as_str())
                && pack.list_introducers.match_at(tokens, verb).is_none()
                && pack
                    .participle_suffixes
                    .iter()
                    .any(|suffix| t.norm.len() > suffix.len() + 2 && t.norm.ends_with(suffix.as_str()))
        });
        // "..., alleging they attacked": a clause of its own, with its own subject.
        let own_subject = (verb..trigger.start).any(|i| pack.subject_pronouns.match_at(tokens, i).is_some());
        if !participle || own_subject || !self.same_clause(verb, trigger.start) {
            return None;
        }
        s.actors.iter().find(|a| a.end <= comma && a.id.inter_code() != 7).cloned()
    }

    /// The nearest actor before a trigger, in its clause: its subject, when it has one.
    pub(crate) fn actor_before_in_clause(&self, trigger: &TriggerMention) -> Option<&'s ActorMention> {
        self.spotted.actors.iter().rev().find(|a| a.end <= trigger.start && self.same_clause(a.end, trigger.start))
    }

    /// The actor before a trigger that is its subject: in its clause, with no other event
    /// word between them ("قتل عنصر من قسد وأصيب اثنان إثر استهداف مسيرة": the fighters
    /// killed and wounded are not who targeted).
    pub(crate) fn subject_before(&self, trigger: &TriggerMention) -> Option<&'s ActorMention> {
        self.actor_before_in_clause(trigger)
            .filter(|actor| !self.spotted.triggers.iter().any(|t| t.start >= actor.end && t.end <= trigger.start))
    }

    /// Whether an actor stands right after the trigger, a quotation mark aside ("اعتقلت
    /// هيئة تحرير الشام", "قصف "قوات النظام"").
    pub(crate) fn right_after(&self, trigger: &TriggerMention, actor: &ActorMention) -> bool {
        let tokens = &self.spotted.tokens;
        actor.start == trigger.end
            || (actor.start == trigger.end + 1 && tokens.get(trigger.end).is_some_and(|t| t.is_punct(QUOTES)))
    }

    /// Whether an actor stands in a unit's phrase right after the trigger ("فككت وحدات
    /// الهندسة في الجيش": the army's engineering units defused), with no actor before it.
    fn heads_unit(&self, trigger: &TriggerMention, actor: &ActorMention) -> bool {
        let s = self.spotted;
        self.ctx.pack.unit_nouns.match_at(&s.tokens, trigger.end).is_some()
            && actor.start > trigger.end
            && actor.start - trigger.end <= UNIT_PHRASE
            && self.same_clause(trigger.end, actor.start)
            && !s.actors.iter().any(|b| b.start >= trigger.end && b.start < actor.start)
    }

    /// Whether an actor is the side a hedge names a few words after the deed or its means
    /// ("airstrikes believed to be Russian", "قصف جوي يرجح أنه روسي"): the likely doer.
    fn hedged_doer(&self, trigger: &TriggerMention, actor: &ActorMention) -> bool {
        const HEDGE_REACH: usize = 6;
        const HEDGE_WORDS: usize = 3;
        let tokens = &self.spotted.tokens;
        actor.start > trigger.end
            && actor.start - trigger.end <= HEDGE_REACH
            && self.same_clause(trigger.end, actor.start)
            && self.ctx.pack.attribution_hedges.match_ending_at(tokens, actor.start, HEDGE_WORDS).is_some()
    }

    /// Whether an actor is the agent of a passive deed: one of the sentence's passive agent
    /// markers ("par", "by", "من قبل") introduces it, in the trigger's clause, even after the
    /// deed's object ("lancées mardi par les rebelles", "the abduction of villagers by ISIS").
    pub(super) fn passive_agent_of(
        &self,
        trigger: &TriggerMention,
        actor: &ActorMention,
        markers: &[(usize, usize)],
    ) -> bool {
        actor.start >= trigger.end
            && actor.start - trigger.end <= PASSIVE_AGENT_REACH
            && self.same_clause(trigger.end, actor.start)
            && markers
                .iter()
                // The marker may take the actor's article in ("by the", "par l'").
                .any(|&(start, end)| {
                    start >= trigger.end && start < actor.start && actor.start.saturating_sub(end) <= UNIT_PHRASE
                })
    }

    /// Whether an actor is the means a deed was done with, and so its doer: an aircraft or a
    /// force of a side that an instrument word introduces after the deed, in its clause
    /// ("targeted the house with an Israeli drone", "استهداف منزلهما بطائرة مسيرة إسرائيلية").
    fn instrument_of(&self, trigger: &TriggerMention, actor: &ActorMention) -> bool {
        let s = self.spotted;
        let pack = self.ctx.pack;
        // The means' own word may stand before the side's name ("بطائرة مسيرة إسرائيلية").
        let means_before = pack.aerial.match_ending_at(&s.tokens, actor.start, 3).map_or(actor.start, |h| h.start);
        // Or after it, named by its nationality word ("with an Israeli drone").
        let means = (means_before..=actor.end).any(|i| {
            pack.aerial.match_at(&s.tokens, i).is_some() || pack.ground_forces.match_at(&s.tokens, i).is_some()
        });
        means
            && actor.start > trigger.end
            && actor.start - trigger.end <= PASSIVE_AGENT_REACH
            && self.same_clause(trigger.end, actor.start)
            && ([actor.start, means_before]
                .iter()
                .any(|&end| pack.instrument_markers.match_ending_at(&s.tokens, end, 2).is_some())
                // "بقصف لطائرات حربية روسية" (by Russian warplanes): an agent word before the
                // means names their side the doer, as it does before a side's own name.
                || means_before < actor.start && pack.agent_markers.match_ending_at(&s.tokens, means_before, 2).is_some())
    }

    /// The side a sentence blames for a deed: the last armed actor a few words after a word
    /// of blaming, in its clause ("the opposition blamed the regime", "اتهمت المعارضة النظام":
    /// where the verb comes first, its subject stands between).
    pub(crate) fn blamed(&self) -> Option<ActorMention> {
        /// The most words from the word of blaming to the side blamed.
        const BLAME_REACH: usize = 4;
        let s = self.spotted;
        // Read for every sentence: most name no side to blame.
        if s.actors.is_empty() {
            return None;
        }
        let (_, end) = self.ctx.pack.blame_markers.spans_at(&s.tokens, &s.starts).into_iter().next()?;
        s.actors
            .iter()
            .rev()
            .find(|a| {
                a.start >= end && a.start <= end + BLAME_REACH && self.same_clause(end, a.start) && a.id.is_armed()
            })
            .cloned()
    }

    /// The actor a word of a side's lexicon names where it stands: a nationality word
    /// ("Turkish drones", "frappes russes") or a held area ("rebel-held").
    pub(crate) fn actor_at(&self, hit: frontline_lang::Hit<'_, ActorId>) -> ActorMention {
        ActorMention {
            start: hit.start,
            end: hit.end,
            id: *hit.value,
            text: span_text(self.text, &self.spotted.tokens, hit.start, hit.end),
            joint: None,
            allies: None,
            unidentified: false,
        }
    }

    /// Who was attacked: an armed actor after the trigger, in its clause, that is not the
    /// attacker ("struck SDF positions").
    pub(crate) fn target_actor(
        &self,
        trigger: &TriggerMention,
        attacker: Option<&ActorMention>,
    ) -> Option<ActorMention> {
        self.spotted
            .actors
            .iter()
            .find(|a| {
                a.start >= trigger.end
                    && self.same_clause(trigger.end, a.start)
                    && Some(a.id) != attacker.map(|x| x.id)
                    && attacker.is_none_or(|x| a.start >= x.end)
            })
            .cloned()
    }
}
