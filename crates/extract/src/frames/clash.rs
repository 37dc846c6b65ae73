//! Clash frames: fighting at named sites, between the actor before the trigger and the one
//! after it.

use frontline_core::SubEventType;
use frontline_lang::{TokenKind, TriggerKind};

use super::Frame;
use crate::discourse::Discourse;
use crate::reader::SentenceReader;
use crate::spot::{ActorMention, PlaceMention, PlaceRole, TriggerMention};

/// Quotation marks that may open an operation's name ("معركة “ردع العدوان”", "la bataille
/// « X »"), single ones as Arabic prose sets them too.
const OPENING_QUOTES: &str = "\"“”«„‘’'";

impl<'s> SentenceReader<'_, 's> {
    /// Whether a protest is told in the clash word's clause ("clashes between protesters and
    /// forces", "اشتباكات بين مجموعتين، إحداهما خرجت في مسيرة"): protesters are no organised
    /// armed group, and a clash with them is the protest's (docs/annotation.md §3, §12).
    pub(crate) fn protest_in_clause(&self, trigger: &TriggerMention) -> bool {
        // The sides of a clash are named beside it; a protest told far off in a long
        // clause is another event.
        const SIDES_REACH: usize = 10;
        self.spotted.triggers.iter().any(|t| {
            t.trigger.sub_event_type == Some(SubEventType::PeacefulProtest)
                && if t.start >= trigger.end {
                    t.start - trigger.end <= SIDES_REACH && self.same_clause(trigger.end, t.start)
                } else {
                    trigger.start - t.end <= SIDES_REACH && self.same_clause(t.end, trigger.start)
                }
        })
    }

    /// Whether the fighting word acts on protesters: named right after it in its clause
    /// ("attacked the demonstrators", "ont attaqué les manifestants", "هاجموا المتظاهرين"),
    /// or before it as the subject of its passive ("participants in the demonstration were
    /// attacked by loyalists"): force used on a protest. Protesters named before an active
    /// word are as often those who condemn the attacks ("a protest condemning the attacks on").
    pub(crate) fn protesters_attacked(&self, trigger: &TriggerMention) -> bool {
        const OBJECT_REACH: usize = 3;
        let passive = || self.agent_follows(trigger);
        self.spotted.triggers.iter().any(|t| {
            t.trigger.sub_event_type == Some(SubEventType::PeacefulProtest)
                && if t.start >= trigger.end {
                    t.start - trigger.end <= OBJECT_REACH && self.same_clause(trigger.end, t.start)
                } else {
                    passive() && self.same_clause(t.end, trigger.start)
                }
        })
    }

    /// Whether a word of the pack's `fighting_leads` stands before the fighting word, with at
    /// most a few words (an article, an adjective, "days of") between them and no mark:
    /// "after fierce clashes", "à l'issue de violents combats", "عقب اشتباكات".
    fn led_as_means(&self, trigger: &TriggerMention) -> bool {
        const LEAD_LENGTH: usize = 4;
        const WORDS_BETWEEN: usize = 3;
        self.lead_before(trigger, &self.ctx.pack.fighting_leads, WORDS_BETWEEN, LEAD_LENGTH).is_some()
    }

    /// Whether a battle word heads the name of an operation: a name opened in quotes right
    /// after it ("معركة “يا عباد الله اثبتوا”"), or a naming word after it or after one more
    /// word ("معركة جديدة تحت اسم ...", "a battle dubbed ..."). A named operation is a
    /// campaign of days, not fighting at a place on a day; ACLED codes the fights and
    /// takings the report tells of within it.
    pub(crate) fn names_an_operation(&self, trigger: &TriggerMention) -> bool {
        let tokens = &self.spotted.tokens;
        // An opening quote stands apart from the word before it; a closing one is set
        // against it ("told of \"fierce clashes\" in ...").
        let opening_quote = |at: usize| {
            tokens.get(at).is_some_and(|t| {
                t.kind == TokenKind::Punct
                    && t.text.chars().all(|c| OPENING_QUOTES.contains(c))
                    && at
                        .checked_sub(1)
                        .and_then(|before| tokens.get(before))
                        .is_some_and(|before| before.end < t.start)
            })
        };
        let naming = &self.ctx.pack.naming_words;
        // The battle word may be the name's own first word, in quotes after a naming word
        // ("تحت اسم “معركة اليرموك”").
        const NAMING_LENGTH: usize = 3;
        let first_word_of_a_name = trigger.start.checked_sub(1).is_some_and(|quote| {
            opening_quote(quote) && naming.match_ending_at(tokens, quote, NAMING_LENGTH).is_some()
        });
        opening_quote(trigger.end)
            || first_word_of_a_name
            || (trigger.end..=trigger.end + 1).any(|at| naming.match_at(tokens, at).is_some())
    }

    /// Fighting at named sites, between the actor before the trigger and the one after.
    /// Whether the side that storms is the crowd a word of protest names just before, in
    /// the storm's clause with no actor between ("protesters storming the building", "des
    /// manifestants ... ont pris d'assaut le bâtiment").
    fn protesters_storm(&self, storm: &TriggerMention) -> bool {
        let s = self.spotted;
        let crowd = s.triggers.iter().rev().find(|t| t.end <= storm.start && t.names_a_protest());
        crowd.is_some_and(|crowd| {
            self.same_clause(crowd.end, storm.start)
                && !s.actors.iter().any(|a| a.start >= crowd.end && a.end <= storm.start)
        })
    }

    /// The attack from the air a word of repelling fought off, a few words after it in its
    /// clause ("ont repoussé vendredi une attaque de drones").
    pub(crate) fn air_attack_repelled_by(
        &self,
        repelling: &TriggerMention,
        discourse: &Discourse,
    ) -> Option<&'s TriggerMention> {
        const ATTACK_REACH: usize = 4;
        let s = self.spotted;
        self.ctx.pack.repelling.match_at(&s.tokens, repelling.start)?;
        s.triggers.iter().find(|t| {
            t.start >= repelling.end
                && t.start - repelling.end <= ATTACK_REACH
                && self.same_clause(repelling.end, t.start)
                && self.reading_of(t, discourse) == TriggerKind::AirStrike
        })
    }

    /// Whether the sentence names the posts, vehicles or men of an armed side as what the
    /// assault struck: after its word ("attacked a checkpoint", "هجوم على حاجز عسكري"), or
    /// before it as the dead or wounded ("13 soldiers were killed in an ambush") or as the
    /// subject of a passive ("a checkpoint was attacked by ISIS"). Armed men named before it
    /// otherwise are the assailants ("militiamen stormed the village").
    fn assails_armed_men(&self, assault: &TriggerMention) -> bool {
        let s = self.spotted;
        let struck_before = |start: usize| {
            s.triggers.iter().any(|t| {
                matches!(t.trigger.kind, TriggerKind::Kill | TriggerKind::Wound)
                    && t.start >= start
                    && t.end <= assault.start
            })
        };
        self.ctx.pack.military_objects.spans_at(&s.tokens, &s.starts).into_iter().any(|(start, end)| {
            start >= assault.end || end <= assault.start && (struck_before(end) || self.agent_follows(assault))
        })
    }

    /// The place of a locative phrase set off by a comma after a word, with no other deed
    /// between them ("fighting raged between A and B, near X"): a phrase that opens on a
    /// locative or a word of nearness, not a new clause, and names its place within a few
    /// words ("in the deserts of Palmyra").
    fn locative_after_comma(&self, trigger: &TriggerMention) -> Option<&'s PlaceMention> {
        const PHRASE_WORDS: usize = 4;
        const SIDES_REACH: usize = 24;
        let s = self.spotted;
        let pack = self.ctx.pack;
        let tokens = &s.tokens;
        let last = tokens.len().min(trigger.end + SIDES_REACH);
        // The commas (and dashes) within the sides' reach; any other mark ends the clause.
        let marks = (trigger.end..last).filter(|&i| tokens[i].kind == TokenKind::Punct);
        let commas = marks.take_while(|&i| pack.is_mark(&tokens[i], ",-"));
        let (phrase, opens) = commas
            .filter_map(|i| {
                let opens =
                    pack.locatives.match_at(tokens, i + 1).or_else(|| pack.near_markers.match_at(tokens, i + 1))?;
                Some((i + 1, opens.end))
            })
            .next()?;
        let place = s.places.iter().find(|p| p.start >= phrase)?;
        let deed_between = s.triggers.iter().any(|t| t.start > trigger.end && t.start < place.start);
        (place.start <= opens + PHRASE_WORDS && !deed_between).then_some(place)
    }

    pub(crate) fn clash(&self, trigger: &'s TriggerMention, discourse: &Discourse, frames: &mut Vec<Frame<'s>>) {
        let s = self.spotted;
        // In a language whose subject comes first, an actor before the fighting with another deed
        // between is that deed's ("13 members of the security forces were killed in the
        // clashes": the dead, not a side); where the verb comes first, the actor before it
        // is the sentence's topic, the side that fought.
        let before = if self.ctx.pack.agent_right_after_trigger {
            self.actor_before_in_clause(trigger)
        } else {
            self.subject_before(trigger)
        };
        // "Three soldiers were killed in an attack on a checkpoint", "مقتل ثلاثة عناصر من قوات
        // النظام بهجوم": the side whose men an assault killed is the side it struck, not its
        // assailant, whom the sentence leaves unnamed; no side it names, nor the report's last
        // subject, stands in for the assailant if it is that side.
        let one_sided = matches!(trigger.trigger.kind, TriggerKind::Assault | TriggerKind::Storm);
        let struck = one_sided
            .then(|| {
                s.actors.iter().rev().filter(|a| a.end <= trigger.start).find(|a| self.among_the_killed(a, trigger))
            })
            .flatten()
            .cloned();
        let not_struck = |a: &ActorMention| struck.as_ref().is_none_or(|x| x.id != a.id);
        let before = before.filter(|a| not_struck(a)).cloned().or_else(|| self.pronoun_subject(trigger, discourse));
        let mut after = s.actors.iter().filter(|a| a.start >= trigger.end && self.same_clause(trigger.end, a.start));
        // "X clashed with Y"; or both after the trigger: "combats ont opposé X à Y".
        // "صد هجوم للجيش", "an attack by ISIS was repelled": the side the trigger names as
        // attacking comes first (docs/annotation.md §3).
        // "Rebels repelled an army attack": the side of the attack fought off attacked.
        let attacker_repelled = || {
            const ATTACK_REACH: usize = 4;
            self.ctx.pack.repelling.match_at(&s.tokens, trigger.start)?;
            self.actor_after(trigger.end, ATTACK_REACH).filter(|a| self.same_clause(trigger.end, a.start))
        };
        // Fighting whose sentence names no side was fought by the armed side the report
        // last made its subject.
        let actor1 = self
            .agent_on_or_after(trigger)
            .or_else(attacker_repelled)
            .or_else(|| before.clone())
            .or_else(|| after.next().cloned())
            .or_else(|| discourse.last_armed_subject())
            .filter(not_struck);
        // The side before the fighting, when the attacker was named after it ("أحبط مجلس منبج
        // العسكري محاولة تسلل لفصائل الجيش الوطني": the council met the factions).
        let other_side = |a: &ActorMention| Some(a.id) != actor1.as_ref().map(|x| x.id);
        let actor2 = struck
            .clone()
            .or_else(|| after.find(|a| other_side(a)).cloned())
            .or_else(|| before.filter(|a| other_side(a)));
        // "Protesters stormed the governorate building": a crowd that breaks in is no armed
        // side, and a clash is fought by two.
        if trigger.trigger.kind == TriggerKind::Storm && self.protesters_storm(trigger) {
            return;
        }
        // "repelled a drone attack": fire from the air is fought off by air defences, which
        // the sentence's words of air defence code; no side met another on the ground.
        if self.air_attack_repelled_by(trigger, discourse).is_some() {
            return;
        }
        // Fighting "near X" or "on the outskirts of X" is coded at X, as an attack there is.
        let named_site =
            |p: &&PlaceMention| matches!(p.role, PlaceRole::Site | PlaceRole::Near) && self.is_named_place(p);
        // "After hours of fighting, the factions took A, B and C": the places a take after
        // the fighting names are what was taken, where the fighting ended.
        let taken = |p: &PlaceMention| {
            s.triggers.iter().any(|t| t.start >= trigger.end && t.end <= p.start && t.trigger.kind.is_territorial())
        };
        let in_clause =
            |p: &&PlaceMention| p.start >= trigger.end && self.same_clause(trigger.end, p.start) && !taken(p);
        let mut places: Vec<&PlaceMention> = s.places.iter().filter(named_site).filter(in_clause).collect();
        // "clashes broke out between ISIS on the one hand and the army on the other, in the
        // desert of Palmyra": the sides set off by commas, the place follows as an adjunct.
        if places.is_empty() {
            places = self.locative_after_comma(trigger).into_iter().filter(named_site).collect();
        }
        // "In Sarmin, the army clashed with rebels": the site put before the clause, ahead of
        // its subject (a place after the subject is what another verb did to it).
        let first_actor = s.actors.first().map_or(trigger.start, |a| a.start.min(trigger.start));
        if places.is_empty() {
            places = s.places.iter().filter(named_site).filter(|p| p.end <= first_actor).take(1).collect();
        }
        // "IS seized the air base at Deir Ezzor in fierce fighting", "the rebels entered Hama
        // and were engaged in street fighting": fighting told after a taking in its clause,
        // with no place of its own, was fought where the taking was; fighting the taking came
        // after ("took X after fierce clashes") is its means, no event of its own. A clause
        // after a comma ("..., confirmant la poursuite des combats") tells of the front at
        // large.
        let means_of_a_taking = trigger.trigger.kind == TriggerKind::Clash && self.led_as_means(trigger);
        if places.is_empty() && trigger.trigger.kind == TriggerKind::Clash && !means_of_a_taking {
            let taking = s.triggers.iter().rev().find(|t| {
                t.end <= trigger.start && t.trigger.kind.is_territorial() && self.same_clause(t.end, trigger.start)
            });
            if let Some(taking) = taking {
                let taken_or_around = |p: &&PlaceMention| named_site(p) || p.role == PlaceRole::Region { admin1: None };
                // Between the taking and the fighting, which share a clause: in it too.
                let in_its_clause = |p: &&PlaceMention| p.start >= taking.end && p.end <= trigger.start;
                places = s.places.iter().rev().filter(taken_or_around).find(in_its_clause).into_iter().collect();
            }
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
        // A fight is between two armed sides: an assault whose sentence names no other side,
        // no post or men of one and no fighting ("stormed the village", "raided several
        // villages") met no defender the report tells of.
        let other_side = |a: &ActorMention| Some(a.id) != actor1.as_ref().map(|x| x.id);
        let met_fighting = s.triggers.iter().any(|t| t.trigger.kind == TriggerKind::Clash);
        let unopposed = matches!(trigger.trigger.kind, TriggerKind::Storm | TriggerKind::Assault)
            && !s.actors.iter().any(other_side)
            && !met_fighting
            && !self.assails_armed_men(trigger);
        for place in places {
            let mut frame = Frame::new(SubEventType::ArmedClash, place, trigger).by(actor1.clone());
            frame.target = actor2.clone();
            frame.unopposed = unopposed;
            frame.met_fighting = met_fighting;
            frame.means_of_a_taking = means_of_a_taking;
            frame.assailant_untold = actor1.is_none() && struck.is_some();
            frames.push(frame);
        }
    }
}
