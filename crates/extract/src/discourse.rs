//! The discourse: what earlier sentences of the article established and later ones refer
//! back to (who "they" are, whose warplanes struck last, the attack a damage report
//! follows, the episode's date), and how a sentence stands to what it reports
//! (hypothetical, claimed by someone), which town "the town" is and which places "the
//! villages" are.

use frontline_core::{ActorId, SubEventType};
use frontline_gazetteer::Gazetteer;
use frontline_lang::{LanguagePack, Lexicon, RegionSide, Token, TokenKind, TriggerKind};

use crate::context::ArticleContext;
use crate::dates::DateWindow;
use crate::frames::is_event_kind;
use crate::place::HOME_COUNTRY;
use crate::reader::SentenceReader;
use crate::segment::{Sentence, SentenceKind};
use crate::spot::{
    announcing, marker_before, role_of, span_text, ActorMention, PlaceMention, PlaceRole, Referent, Spotted,
    TriggerMention,
};

/// How far before a trigger a lead of a lapse may end: right before it, or before an article
/// ("weeks after the capture of").
const LAPSE_REACH: usize = 2;
/// The most words of a lead of a lapse ("بعد أيام من").
const LAPSE_LEAD_WORDS: usize = 4;
/// How many tokens may stand before a sentence's reminder opening (a conjunction, a
/// quotation mark).
const RECALL_OPENING: usize = 2;
/// How many words (an adjective: "weeks of heavy bombardment") may stand between a stretch
/// of time and the deed it governs.
const DURATION_REACH: usize = 1;

/// The prose sentences of a report's lead, which name the city the report is about.
pub(crate) const LEAD_SENTENCES: usize = 3;

/// How many sentences back a damage report may look for the attack that caused it.
pub(crate) const ATTACK_MEMORY: usize = 3;

/// What earlier sentences established.
#[derive(Default)]
pub(crate) struct Discourse<'g> {
    /// The last named subject, for "they"/"ils".
    last_subject: Option<ActorMention>,
    /// The last actor of an air strike.
    last_air_actor: Option<ActorMention>,
    /// The last attack reported.
    pub last_attack: Option<Attack>,
    /// The last bombing told with no place ("a suicide car bomb killed four at a Kurdish
    /// checkpoint"), for the sentence after it that says where it hit.
    pub placeless_bombing: Option<PlacelessBombing>,
    /// The last bombing told with its places: the sentence's index and its prose index.
    pub placed_bombing: Option<(usize, usize)>,
    /// The prose indexes of sentences whose bombings a later sentence, naming no place, told
    /// were suicide attacks ("seven car bombs exploded in Tartus and Jableh. Five were driven
    /// by suicide bombers").
    pub suicide_told: Vec<usize>,
    /// Points of places resolved so far.
    pub near: Vec<(f64, f64)>,
    /// The last town of the home country an event was placed at: what the report is about
    /// there, by which it situates the villages no table has that it names next.
    /// The gazetteer's own place, not a copy of its names, unless the reading is explained.
    pub last_town: Option<std::borrow::Cow<'g, frontline_gazetteer::Place>>,
    /// The first city of the home country the report's lead (its first [`LEAD_SENTENCES`]
    /// prose sentences) named, whether or not it told an event there: the city a report's
    /// quarters are in when nothing nearer says ("a massacre in Deir ez-Zor ... the shelling
    /// hit a night protest in the Jubaila quarter").
    pub first_city: Option<&'g frontline_gazetteer::Place>,
    /// The last window a sentence stated: the sentences after it that state none tell of
    /// the same episode.
    last_window: Option<DateWindow>,
    /// Interventions told with no place ("security forces dispersed the protesters"): the
    /// sentence's index and the window it gave, for the protest the report told nearest.
    pub placeless_interventions: Vec<(usize, Option<DateWindow>)>,
    /// Arrests and abductions told with no place ("They arrested him"): the sentence's index
    /// and the type, for the raid told just before them.
    pub placeless_detentions: Vec<(usize, SubEventType)>,
}

/// An attack as later sentences may refer to it ("the hospital was destroyed").
#[derive(Clone)]
pub(crate) struct Attack {
    pub kind: TriggerKind,
    pub sentence: usize,
    pub actor: Option<ActorMention>,
    /// The window the attack's own sentence gave, if it gave one.
    pub window: Option<DateWindow>,
}

/// A bombing its sentence did not place.
#[derive(Clone)]
pub(crate) struct PlacelessBombing {
    pub sub_event_type: SubEventType,
    pub sentence: usize,
    pub actor: Option<ActorMention>,
    pub window: Option<DateWindow>,
}

impl Discourse<'_> {
    /// An attack later sentences may refer back to; the actor of an air strike also stands
    /// for the next strikes that name none.
    pub(crate) fn remember_attack(&mut self, attack: Attack) {
        let air_actor = if attack.kind == TriggerKind::AirStrike { attack.actor.clone() } else { None };
        self.last_attack = Some(attack);
        if air_actor.is_some() {
            self.last_air_actor = air_actor;
        }
    }

    /// The actor of the last air strike that named one.
    pub(crate) fn last_air_actor(&self) -> Option<ActorMention> {
        self.last_air_actor.clone()
    }

    /// The last named subject when it is an armed side: who did a deed of force the report
    /// tells without naming its doer.
    pub(crate) fn last_armed_subject(&self) -> Option<ActorMention> {
        self.last_subject.clone().filter(|a| a.id.is_armed())
    }

    /// The sentence's first actor is who a pronoun in the next ones stands for; where the
    /// sentence blames a side for a deed ("the opposition blamed the regime"), that side.
    pub(crate) fn remember_subject(&mut self, spotted: &Spotted, blamed: Option<ActorMention>) {
        if let Some(subject) = blamed.or_else(|| spotted.actors.first().cloned()) {
            self.last_subject = Some(subject);
        }
    }

    /// The window a sentence that states none takes: that of the last sentence that stated
    /// one. A narrative's time of reference holds until the text sets another (the report
    /// goes on telling the day its lead dated); what happened before it is told so, in
    /// the pluperfect or with a date of its own.
    pub(crate) fn carried_window(&self) -> Option<DateWindow> {
        self.last_window.clone()
    }

    /// The window a sentence stated, for the undated sentences after it.
    pub(crate) fn remember_window(&mut self, window: DateWindow) {
        self.last_window = Some(window);
    }
}

impl<'s> SentenceReader<'_, 's> {
    /// The last subject of the discourse, when a subject pronoun stands before the trigger
    /// ("they struck", "elles ont repris").
    pub(crate) fn pronoun_subject(&self, trigger: &TriggerMention, discourse: &Discourse) -> Option<ActorMention> {
        let s = self.spotted;
        let pronoun = (0..trigger.start).any(|i| self.ctx.pack.subject_pronouns.match_at(&s.tokens, i).is_some());
        pronoun.then(|| discourse.last_subject.clone()).flatten()
    }

    /// A trigger is hypothetical when a marker ("would", "pourrait", a conditional verb)
    /// stands on it or before it in its clause, or when the trigger is itself the subject of
    /// a conditional ("La prise de X pourrait ...", "The capture of X would ..."). A purpose
    /// clause marks only what follows its opening word: "arrested dozens in order to
    /// conscript them" tells an arrest. A deed someone is charged with is no more told.
    pub(crate) fn is_hypothetical(&self, trigger: &TriggerMention) -> bool {
        let s = self.spotted;
        let before = |start: usize, end: usize| {
            start < trigger.end && (end > trigger.start || self.same_clause(end, trigger.start))
        };
        let subject_before = s.actors.iter().any(|a| a.end <= trigger.start && self.same_clause(a.end, trigger.start));
        let modal = s.hypothetical.iter().any(|&(start, end)| {
            let governs = start >= trigger.end && !subject_before && self.same_clause(trigger.end, start);
            before(start, end) || governs
        });
        modal
            || s.purposes.iter().any(|&(start, end)| before(start, end))
            || self.is_awaited(trigger)
            || self.is_charged(trigger)
            || self.is_denied(trigger)
    }

    /// Whether a word of denial ends right before the trigger, or a word or two before it
    /// with only words between ("no new clashes", "دون تسجيل أي حالات اعتقال"): the deed
    /// did not happen. Not a failure ("n'ont pas réussi à s'emparer de"): an attempt that
    /// failed was fought all the same.
    fn is_denied(&self, trigger: &TriggerMention) -> bool {
        const WORDS_BETWEEN: usize = 2;
        const DENIAL_LENGTH: usize = 5;
        let (tokens, pack) = (&self.spotted.tokens, self.ctx.pack);
        self.lead_before(trigger, &pack.denials, WORDS_BETWEEN, DENIAL_LENGTH).is_some_and(|denial| {
            !(denial.start..trigger.start).any(|at| pack.failure_markers.match_at(tokens, at).is_some())
        })
    }

    /// The nearest phrase of `leads` (of at most `lead_length` words) that ends right before
    /// the trigger or at most `words_between` words before it, with only words between: a
    /// word that governs the trigger from before it ("without any clashes", "after fierce
    /// clashes").
    pub(crate) fn lead_before<'p, T: Clone>(
        &self,
        trigger: &TriggerMention,
        leads: &'p Lexicon<T>,
        words_between: usize,
        lead_length: usize,
    ) -> Option<frontline_lang::Hit<'p, T>> {
        let tokens = &self.spotted.tokens;
        (trigger.start.saturating_sub(words_between)..=trigger.start)
            .rev()
            .take_while(|&end| tokens[end..trigger.start].iter().all(|t| t.kind == TokenKind::Word))
            .find_map(|end| leads.match_ending_at(tokens, end, lead_length))
    }

    /// Whether a word of a charge stands right before the trigger ("بتهمة قتال", "accused of
    /// attacking"): the deed is what someone is accused of.
    fn is_charged(&self, trigger: &TriggerMention) -> bool {
        let tokens = &self.spotted.tokens;
        // The charge may be quoted: بتهمة "قتال الدولة".
        let quoted = trigger.start > 0 && tokens[trigger.start - 1].kind == TokenKind::Punct;
        let end = if quoted { trigger.start - 1 } else { trigger.start };
        end > 0 && self.ctx.pack.accusations.match_ending_at(tokens, end, 4).is_some()
    }

    /// An adjective of what is awaited right beside the trigger ("an imminent offensive",
    /// "هجوم مرتقب", "l'offensive attendue"): it qualifies that word alone, not the rest of
    /// its clause ("نزوح ... تخوفاً من هجوم مرتقب": the flight happened).
    fn is_awaited(&self, trigger: &TriggerMention) -> bool {
        self.qualified_beside(trigger, &self.ctx.pack.awaited, 1)
    }

    /// Whether a word of `qualifiers` stands right after the trigger, or ends right before
    /// it within `words_before` words: an adjective that qualifies the deed itself.
    fn qualified_beside(&self, trigger: &TriggerMention, qualifiers: &Lexicon<()>, words_before: usize) -> bool {
        let tokens = &self.spotted.tokens;
        qualifiers.match_at(tokens, trigger.end).is_some()
            || trigger.start > 0 && qualifiers.match_ending_at(tokens, trigger.start, words_before).is_some()
    }

    /// A trigger is habitual when it is an imperfect verb (it starts with one of the pack's
    /// imperfect prefixes) that an auxiliary of the past or of continuance governs in its
    /// clause, a few words before it ("كانت تقصف": was shelling, used to shell; "لا تزال
    /// تقصف": is still shelling): testimony of what goes on over a time, background to the
    /// news rather than an event of it.
    ///
    /// The auxiliary governs too the imperfect verbs joined after the one it governs, however
    /// far ("ما زالت تحاصر عاصمة المحافظة وتقصف المدينة": still besieging the capital and
    /// shelling the town).
    pub(crate) fn is_habitual(&self, trigger: &TriggerMention) -> bool {
        let pack = self.ctx.pack;
        let tokens = &self.spotted.tokens;
        let imperfect = |at: usize| {
            tokens.get(at).is_some_and(|verb| {
                verb.kind == TokenKind::Word
                    && pack.imperfect_prefixes.iter().any(|prefix| {
                        verb.norm.starts_with(prefix.as_str())
                            && verb.norm.chars().count() >= prefix.chars().count() + MIN_VERB_STEM
                    })
            })
        };
        let joined = trigger.start > 0 && pack.list_connectors.match_ending_at(tokens, trigger.start, 1).is_some();
        imperfect(trigger.start)
            && pack.habitual_auxiliaries.spans_at(tokens, &self.spotted.starts).into_iter().any(|(_, end)| {
                end <= trigger.start
                    && (trigger.start - end <= HABITUAL_REACH
                        || joined && (end..=end + HABITUAL_REACH).any(|at| at < trigger.start && imperfect(at)))
                    && self.same_clause(end, trigger.start)
            })
    }

    /// Whether the trigger is governed by an auxiliary of the pluperfect right before it
    /// ("had bombed", "avaient déjà pillé") in a sentence that gives no date: what
    /// had happened before the time the report tells of, background. With a date ("avait
    /// été repris vendredi dernier") the date says whether it is news; after a word of
    /// saying ("affirmant que ... avaient pillé", "said that ... had") the pluperfect is
    /// reported speech's shift of tense, and what is reported may be news. In a relative clause
    /// ("the rebels, who had signed a deal, were killed on Monday") the pluperfect tells what
    /// the noun had done before, whatever day the main clause gives.
    pub(crate) fn is_anterior(&self, trigger: &TriggerMention) -> bool {
        let (tokens, pack) = (&self.spotted.tokens, self.ctx.pack);
        let Some(auxiliary) = pack.anterior_auxiliaries.match_ending_at(tokens, trigger.start, 3) else {
            return false;
        };
        let in_relative_clause = pack.relative_pronouns.match_ending_at(tokens, auxiliary.start, 1).is_some();
        in_relative_clause || self.spotted.dates.is_empty() && !self.claim_before(trigger.start)
    }

    /// Whether fighting is told as what a place has been undergoing or a side is engaged in
    /// over time ("Quneitra has seen heavy fighting", "the SDF is battling IS for Raqqa", "la
    /// ville a connu de violents combats"), in a sentence that gives no date: a state of
    /// affairs, background. The phrase ends a few words before the trigger, or on it.
    pub(crate) fn is_ongoing_state(&self, trigger: &TriggerMention) -> bool {
        /// The most words between the phrase and the fighting it governs ("heavy", "the
        /// most concentrated").
        const STATE_REACH: usize = 4;
        let tokens = &self.spotted.tokens;
        self.spotted.dates.is_empty()
            && self.ctx.pack.ongoing_states.spans_at(tokens, &self.spotted.starts).into_iter().any(|(start, end)| {
                start <= trigger.start
                    && end <= trigger.end
                    && trigger.start.saturating_sub(end) <= STATE_REACH
                    && self.same_clause(end.min(trigger.start), trigger.start)
            })
    }

    /// Whether the sentence opens as a reminder to the reader ("it is worth noting that",
    /// "pour rappel", "يذكر أن", after a conjunction at most) and gives no date: what it
    /// recalls is background to the news, not an event of it.
    pub(crate) fn is_recalled(&self) -> bool {
        let tokens = &self.spotted.tokens;
        self.spotted.dates.is_empty()
            && (0..=RECALL_OPENING).any(|at| self.ctx.pack.background_leads.match_at(tokens, at).is_some())
    }

    /// Whether the trigger is what a lapse of days or more runs from ("days after capturing
    /// Aleppo", "au lendemain de la prise de", "بعد أيام من سيطرة"): an earlier event, by
    /// which the sentence dates its own; background, whatever date the sentence gives.
    pub(crate) fn follows_a_lapse(&self, trigger: &TriggerMention) -> bool {
        let tokens = &self.spotted.tokens;
        self.ctx.pack.lapse_leads.last_end_within(tokens, trigger.start, LAPSE_REACH, LAPSE_LEAD_WORDS).is_some()
    }

    /// Whether an event word follows a word of concession ("despite the ceasefire", "despite
    /// shelling", "malgré l'accord de cessez-le-feu", "رغم وقف إطلاق النار"): what the
    /// sentence's event happened in spite of is told as its background, not as news.
    pub(crate) fn is_conceded(&self, trigger: &TriggerMention) -> bool {
        /// An article and an adjective may stand between ("despite the fragile truce").
        const CONCESSION_REACH: usize = 3;
        const CONCESSION_LEAD_WORDS: usize = 4;
        self.ctx
            .pack
            .concessive_leads
            .last_end_within(&self.spotted.tokens, trigger.start, CONCESSION_REACH, CONCESSION_LEAD_WORDS)
            .is_some()
    }

    /// Whether the trigger is what a protest told before it in its sentence is against: a
    /// word of grievance ends a few words before it ("a protest against abductions of
    /// medics", "ضد اعتقال الشبان"). The grievance is told before, not news of its own.
    pub(crate) fn is_a_grievance(&self, trigger: &TriggerMention) -> bool {
        /// An article and an adjective may stand between ("against the continued shelling").
        const GRIEVANCE_REACH: usize = 3;
        const GRIEVANCE_LEAD_WORDS: usize = 5;
        let s = self.spotted;
        let protest_before = s.triggers.iter().any(|t| t.end <= trigger.start && t.names_a_protest());
        protest_before
            && !trigger.names_a_protest()
            && self
                .ctx
                .pack
                .grievance_leads
                .last_end_within(&s.tokens, trigger.start, GRIEVANCE_REACH, GRIEVANCE_LEAD_WORDS)
                .is_some()
    }

    /// "the downed drone", "a kidnapped man": a one-word trigger with the form of a past
    /// participle, between an attributive lead and a word that is no function word,
    /// qualifies that noun; the deed is one the report told before or takes as known.
    pub(crate) fn qualifies_the_noun_after(&self, trigger: &TriggerMention) -> bool {
        let (tokens, pack) = (&self.spotted.tokens, self.ctx.pack);
        trigger.end == trigger.start + 1
            && pack.has_past_participle_form(&tokens[trigger.start].norm)
            && pack.attributive_leads.match_ending_at(tokens, trigger.start, 3).is_some()
            && tokens.get(trigger.end).is_some_and(|t| t.kind == TokenKind::Word && !pack.is_function_token(t))
    }

    /// Whether an adjective of recurrence qualifies the trigger, right after it or right
    /// before it ("daily strikes", "des frappes quotidiennes", "غارات يومية"): the deed
    /// recurs over time, background to the sentence's news.
    pub(crate) fn recurs(&self, trigger: &TriggerMention) -> bool {
        self.qualified_beside(trigger, &self.ctx.pack.recurring, 2)
    }

    /// Whether the trigger names a campaign by its place ("the battle of Aleppo", "les
    /// combats de Qousseir", "معركة الغوطة الشرقية", "معارك ريف حماة"): a word of battle right
    /// before a place's name, a region's word at most between. The report refers to weeks of
    /// fighting there, not to fighting on a day. The phrase may open a word before the
    /// trigger ("the battle of").
    pub(crate) fn names_a_campaign(&self, trigger: &TriggerMention) -> bool {
        let s = self.spotted;
        let pack = self.ctx.pack;
        let name_at = |at: usize| {
            let region = pack.region_words.match_at(&s.tokens, at).filter(|hit| *hit.value == RegionSide::Before);
            let name_start = region.map_or(at, |region| region.end);
            s.places.iter().any(|p| p.start == at || p.start == name_start)
        };
        [trigger.start, trigger.start.saturating_sub(1)].into_iter().any(|at| {
            pack.campaign_names.match_at(&s.tokens, at).is_some_and(|hit| hit.end >= trigger.end && name_at(hit.end))
        })
    }

    /// Whether a stretch of time stands right before the trigger ("weeks of bombardment",
    /// "des mois de siège"): the deed went on over that time, background.
    pub(crate) fn governed_by_a_duration(&self, trigger: &TriggerMention) -> bool {
        self.spotted.duration_ends.iter().any(|&end| end <= trigger.start && trigger.start - end <= DURATION_REACH)
    }

    /// Whether a word of saying ("said", "a affirmé", "أعلن") stands before token `at`.
    pub(crate) fn claim_before(&self, at: usize) -> bool {
        self.spotted.claims.iter().any(|&(start, _)| start < at)
    }

    /// The side the sentence says owns an attack: the subject of a word of responsibility
    /// ("ISIS claimed responsibility", "L'EI a revendiqué les attaques"), or the agent of its
    /// passive ("revendiquées par l'organisation État islamique"). A side unnamed ("no group
    /// has claimed", "n'a pas été revendiquée") owns nothing.
    pub(crate) fn owner_of_attacks(&self) -> Option<ActorId> {
        /// How many words may stand between a side and its word of responsibility ("تبنى
        /// *تنظيم* داعش", "ISIS *has since* claimed").
        const OWNER_REACH: usize = 3;
        let s = self.spotted;
        let pack = self.ctx.pack;
        let named = |a: &&ActorMention| !a.unidentified;
        pack.responsibility.spans_at(&s.tokens, &s.starts).into_iter().find_map(|(start, end)| {
            let agent = pack.passive_agent.match_at(&s.tokens, end).and_then(|marker| {
                s.actors.iter().filter(named).find(|a| a.start >= marker.start && a.start <= marker.end + 1)
            });
            let subject = || {
                s.actors
                    .iter()
                    .filter(named)
                    .rev()
                    .find(|a| a.end <= start && start - a.end <= OWNER_REACH && self.same_clause(a.end, start))
            };
            // A verb-first language names the subject after the verb ("تبنى تنظيم داعش").
            let after = || {
                pack.agent_right_after_trigger
                    .then(|| s.actors.iter().filter(named).find(|a| a.start >= end && a.start - end <= OWNER_REACH))
                    .flatten()
            };
            agent.or_else(subject).or_else(after).map(|a| a.id)
        })
    }

    /// Who the sentence says reports it: a named source, or an actor just before a claim
    /// word ("le Commandement ... a annoncé").
    pub(crate) fn claimant(&self) -> Option<(String, Option<ActorId>)> {
        let s = self.spotted;
        if let Some(&(a, b)) = s.sources.first() {
            return Some((span_text(self.text, &s.tokens, a, b), None));
        }
        s.claims.iter().find_map(|&(claim_start, _)| {
            s.actors
                .iter()
                .rev()
                .find(|a| a.end <= claim_start && claim_start - a.end <= 6)
                .map(|a| (a.text.clone(), Some(a.id)))
        })
    }
}

/// The most words between an auxiliary of the past and the imperfect verb it governs
/// ("كانت [قوات النظام] تقصف": the regime's forces were shelling).
const HABITUAL_REACH: usize = 3;
/// The fewest letters a verb keeps after its imperfect prefix: the shortest roots have three.
const MIN_VERB_STEM: usize = 3;

/// How many prose sentences back a definite place noun ("the town") looks for the
/// settlement it refers to: a report returns to a town within its episode, not pages later.
const PLACE_ANAPHORA_SENTENCES: usize = 3;
/// How many words may stand between a place noun and a name it announces ("the town *of*
/// X", "la ville *syrienne de* X"): a noun with a name there is no reference back.
const NAME_AFTER_NOUN: usize = 3;

/// A settlement the discourse named, as a later "the town" may refer to it.
#[derive(Clone)]
struct Settlement {
    /// The prose sentence that named it.
    sentence: usize,
    name: String,
    /// The kind of settlement the text called it ("the village of X"), if it did.
    kind: Option<u32>,
    /// The governorate of the sentence that named it.
    admin1: Option<String>,
    /// The place of the home country its name resolves to, if any: "Ramouseh", a quarter,
    /// and "Aleppo" name one town. Told by its address in the gazetteer, which holds each
    /// place once: comparing it costs no string.
    place: Option<usize>,
}

impl Settlement {
    fn is(&self, other: &Settlement) -> bool {
        self.place.is_some() && self.place == other.place || self.name == other.name
    }
}

/// Whether reports call a group's fighters by their kind once they have named it ("the
/// Islamic State ... the jihadists", "تنظيم الدولة ... التنظيم"): a group with a name of its
/// own, unlike the opposition at large, which those nouns name themselves.
fn named_by_its_kind(id: ActorId) -> bool {
    matches!(id.as_str(), "ISIS" | "HTS")
}

/// Nouns of a group's kind ("the jihadists", "le groupe", "التنظيم") stand for the last
/// such group the report named: each mention that is only such a noun takes its id, and
/// one that was no actor yet becomes one. Before any is named they stand for the group the
/// report names later when it names only one ("Les djihadistes ont enlevé 230 civils ...
/// les militants de l'EI"): a lead calls the doers by their kind and names them below.
pub(crate) fn resolve_group_anaphora(split: &[Sentence<'_>], spotted: &mut [Option<Spotted>], pack: &LanguagePack) {
    if pack.group_anaphors.is_empty() {
        return;
    }
    let mut named: Option<ActorId> = only_group_named_by_its_kind(spotted, pack);
    for (sentence, spotted) in split.iter().zip(spotted.iter_mut()) {
        let Some(s) = spotted else { continue };
        let anaphors = pack.group_anaphors.spans_at(&s.tokens, &s.starts);
        for actor in &mut s.actors {
            let is_anaphor = anaphors.iter().any(|&(start, end)| start <= actor.start && end == actor.end);
            match named {
                Some(group) if is_anaphor && actor.joint.is_none() => actor.id = group,
                _ if !is_anaphor && named_by_its_kind(actor.id) => named = Some(actor.id),
                _ => {}
            }
        }
        let Some(group) = named else { continue };
        for (start, end) in anaphors {
            if s.actors.iter().any(|a| a.start < end && start < a.end) {
                continue;
            }
            let at = s.actors.iter().position(|a| a.start > start).unwrap_or(s.actors.len());
            let text = span_text(sentence.text, &s.tokens, start, end);
            let mention = ActorMention { start, end, id: group, text, joint: None, allies: None, unidentified: false };
            s.actors.insert(at, mention);
        }
    }
}

/// The one group with a name of its own ([`named_by_its_kind`]) the report names other
/// than by its kind, if it names only one. Only the sentences that name such a group are
/// looked at for its anaphors: most name none.
fn only_group_named_by_its_kind(spotted: &[Option<Spotted>], pack: &LanguagePack) -> Option<ActorId> {
    let names_a_group = |a: &ActorMention| named_by_its_kind(a.id) || a.joint.is_some_and(named_by_its_kind);
    let mut only = None;
    for s in spotted.iter().flatten() {
        if !s.actors.iter().any(names_a_group) {
            continue;
        }
        let anaphors = pack.group_anaphors.spans_at(&s.tokens, &s.starts);
        let by_name =
            s.actors.iter().filter(|a| !anaphors.iter().any(|&(start, end)| start <= a.start && end == a.end));
        for id in by_name.flat_map(|a| std::iter::once(a.id).chain(a.joint)).filter(|&id| named_by_its_kind(id)) {
            match only {
                Some(group) if group != id => return None,
                _ => only = Some(id),
            }
        }
    }
    only
}

/// A name the report shows to be a person's in one sentence ("Omar said", "President X") is
/// that person in its other sentences too ("Omar (a pseudonym) lost five relatives"), unless
/// it names a governorate, a country or a city: those stand for their authorities in speech
/// ("Damascus said") and are still places elsewhere.
pub(crate) fn people_stay_people(spotted: &mut [Option<Spotted>], gazetteer: &Gazetteer) {
    let mut people: Vec<String> = Vec::new();
    for place in spotted.iter().flatten().flat_map(|s| &s.places) {
        if place.role == PlaceRole::Person && !people.contains(&place.text) {
            people.push(place.text.clone());
        }
    }
    people.retain(|name| {
        gazetteer.governorate_named(name).is_none()
            && gazetteer.country_named(name).is_none()
            && gazetteer.resolve_in_country(name, HOME_COUNTRY).is_none_or(|place| !place.is_major())
    });
    if people.is_empty() {
        return;
    }
    for place in spotted.iter_mut().flatten().flat_map(|s| &mut s.places) {
        if people.contains(&place.text) {
            place.role = PlaceRole::Person;
        }
    }
}

/// Definite place nouns with no name after them ("Jets struck Ariha. ... Later, shelling
/// hit the town") refer back to the last settlement the discourse named: each becomes a
/// mention of that place where the noun stands, so that every frame reader sees the place
/// as if it were named again. The discourse is the episode: a few sentences back at most,
/// and a heading starts another.
///
/// A noun the body has named no settlement for yet ("The town came under fire at dawn")
/// refers to the town of the headline, the report's subject; the headline is read for it
/// only then.
pub(crate) fn resolve_place_anaphora<'h>(
    split: &[Sentence<'_>],
    spotted: &mut [Option<Spotted>],
    ctx: &ArticleContext<'_>,
    headline: impl FnOnce() -> Option<(usize, &'h Spotted<'h>)>,
) {
    let pack = ctx.pack;
    if pack.place_anaphors.is_empty() && pack.sameness_words.is_empty() {
        return;
    }
    let mut named: Vec<Settlement> = Vec::new();
    // The last list of places named ("A, B and C"), and the prose sentence that named it.
    let mut last_list: Option<(usize, Vec<PlaceMention>)> = None;
    let mut prose = 0;
    let mut headline = Some(headline);
    // Whether the body has named a settlement yet.
    let mut body_named = false;
    // Every settlement the body has named, once each.
    let mut every: Vec<Settlement> = Vec::new();
    for (index, (sentence, spotted)) in split.iter().zip(spotted.iter_mut()).enumerate() {
        let Some(s) = spotted else {
            if sentence.kind == SentenceKind::Heading {
                named.clear();
            }
            continue;
        };
        named.retain(|n| prose - n.sentence <= PLACE_ANAPHORA_SENTENCES);
        let reader =
            SentenceReader { ctx, spotted: s, index, prose_index: prose, start: sentence.start, text: sentence.text };
        let admin1 = reader.sentence_admin1();
        let mut resolved: Vec<PlaceMention> = Vec::new();
        let mut places = s.places.iter().peekable();
        for (start, end, kind) in place_anaphors(s, pack) {
            // The settlements named before the noun are in the discourse it refers to.
            while let Some(place) = places.next_if(|p| p.start < start) {
                named.extend(reader.settlement(place, &admin1));
            }
            body_named |= !named.is_empty();
            if !body_named {
                if let Some(read_headline) = headline.take() {
                    named.extend(headline_settlements(read_headline, ctx, prose));
                }
            }
            let Some(antecedent) = antecedent(&named, kind, prose) else {
                continue;
            };
            let text = antecedent.name.clone();
            let referent = Referent { admin1: antecedent.admin1.clone() };
            let role = role_of(&text, &s.tokens, start, end, pack, ctx.gazetteer, &s.claims);
            named.push(Settlement {
                sentence: prose,
                name: text.clone(),
                kind: antecedent.kind.or(Some(kind)),
                admin1: antecedent.admin1.clone(),
                place: antecedent.place,
            });
            resolved.push(PlaceMention { start, end, text, role, after_place_noun: true, referent: Some(referent) });
        }
        for place in places {
            named.extend(reader.settlement(place, &admin1));
        }
        for n in &named {
            if !every.iter().any(|e: &Settlement| e.is(n)) {
                every.push(n.clone());
            }
        }
        // "The fighting went on all day on Tuesday": a sentence that tells of an event on a day
        // of its own and names no place at all, in a report that has named one town only,
        // tells of that town; not when it calls the place by a noun ("a nearby town": another),
        // nor once the town is out of the episode (named more sentences back than a noun may
        // refer).
        let placeless_news = s.places.is_empty()
            && resolved.is_empty()
            && !s.triggers.is_empty()
            && !s.dates.is_empty()
            && pack.place_nouns.spans_at(&s.tokens, &s.starts).is_empty();
        if let [town] = every.as_slice() {
            if placeless_news && named.iter().any(|n| n.is(town)) {
                let at = s.tokens.len();
                resolved.push(PlaceMention {
                    start: at,
                    end: at,
                    text: town.name.clone(),
                    role: PlaceRole::Site,
                    after_place_noun: true,
                    referent: Some(Referent { admin1: town.admin1.clone() }),
                });
            }
        }
        last_list = last_list.filter(|(sentence, _)| prose - sentence <= PLACE_ANAPHORA_SENTENCES);
        let lists = reader.lists_of_sites();
        for (start, end) in list_anaphors(s, pack) {
            let earlier_here = lists_referred_to(&lists, start);
            let referent = |item: &PlaceMention| PlaceMention {
                start,
                end,
                referent: Some(Referent { admin1: admin1.clone() }),
                after_place_noun: true,
                ..item.clone()
            };
            match (earlier_here, &last_list) {
                (Some(items), _) => resolved.extend(items.into_iter().map(referent)),
                (None, Some((_, list))) => resolved.extend(list.iter().map(referent)),
                (None, None) => {}
            }
        }
        // Only the sentence's last list is kept for the sentences after it.
        if let Some(list) = lists.last() {
            last_list = Some((prose, list.iter().map(|&p| p.clone()).collect()));
        }
        if !resolved.is_empty() {
            s.places.extend(resolved);
            s.places.sort_by_key(|p| p.start);
        }
        prose += 1;
    }
}

/// The settlements a headline names, as if named in the prose sentence `prose`.
fn headline_settlements<'h>(
    read_headline: impl FnOnce() -> Option<(usize, &'h Spotted<'h>)>,
    ctx: &ArticleContext<'_>,
    prose: usize,
) -> Vec<Settlement> {
    let Some((index, spotted)) = read_headline() else {
        return Vec::new();
    };
    let reader = SentenceReader { ctx, spotted, index, prose_index: prose, start: 0, text: "" };
    let admin1 = reader.sentence_admin1();
    spotted.places.iter().filter_map(|place| reader.settlement(place, &admin1)).collect()
}

/// A sentence that places an event only in a governorate ("rebels shot down a helicopter in
/// Hama province") is detailed by the next one when that one tells of no other deed and
/// names where, in that governorate ("It was shot down near Rahbat al-Khattab, 5 km from
/// Hama"): its sites and the places it happened near become mentions of the first sentence,
/// at its end, where the event is placed (the governorate then summarises them).
pub(crate) fn details_after_a_governorate(spotted: &mut [Option<Spotted>], ctx: &ArticleContext<'_>) {
    for index in 0..spotted.len().saturating_sub(1) {
        let (Some(lead), Some(follower)) = (&spotted[index], &spotted[index + 1]) else {
            continue;
        };
        let Some(governorate) = lone_governorate(lead, ctx) else {
            continue;
        };
        if follower.triggers.iter().any(|t| is_event_kind(t.trigger.kind)) {
            continue;
        }
        let details: Vec<PlaceMention> = follower
            .places
            .iter()
            .filter(|p| {
                matches!(p.role, PlaceRole::Site | PlaceRole::Near)
                    && ctx.home.admin1(&p.text).is_some_and(|admin1| admin1 == governorate)
            })
            .cloned()
            .collect();
        if details.is_empty() {
            continue;
        }
        if let Some(lead) = &mut spotted[index] {
            let end = lead.tokens.len();
            let referent = Referent { admin1: Some(governorate.clone()) };
            lead.places.extend(details.into_iter().map(|place| PlaceMention {
                start: end,
                end,
                referent: Some(referent.clone()),
                ..place
            }));
        }
    }
}

/// The governorate of a sentence that tells of a deed and places it nowhere finer: a
/// trigger of an event, one region, and no place named as a site or as where it happened
/// near.
fn lone_governorate(s: &Spotted, ctx: &ArticleContext<'_>) -> Option<String> {
    let deed = s.triggers.iter().any(|t| match t.trigger.kind {
        TriggerKind::Incident => t.trigger.sub_event_type.is_some(),
        kind => !matches!(kind, TriggerKind::Kill | TriggerKind::Wound | TriggerKind::Damage | TriggerKind::Target),
    });
    if !deed || s.places.iter().any(|p| matches!(p.role, PlaceRole::Site | PlaceRole::Near) && ctx.is_named_place(p)) {
        return None;
    }
    let mut regions = s.places.iter().filter_map(|p| match &p.role {
        PlaceRole::Region { admin1 } => Some(admin1.clone()),
        _ => None,
    });
    match (regions.next(), regions.next()) {
        (Some(admin1), None) => admin1,
        _ => None,
    }
}

/// The definite place nouns of a sentence that name no place themselves: no name follows
/// them in their clause, no word makes them another place ("the neighbouring village"), and
/// they are no part of a name.
fn place_anaphors(s: &Spotted, pack: &LanguagePack) -> Vec<(usize, usize, u32)> {
    let mut found = Vec::new();
    // Every reference starts with a word of one of three lexicons (a noun of sameness's
    // place, a word of sameness, an anaphoric place noun): one test of a token's bits
    // against the three joined passes the tokens none may start, rather than three lookups
    // at each. A lexicon without a bit may start anywhere.
    let starts = [pack.same_place_nouns.start_bit(), pack.sameness_words.start_bit(), pack.place_anaphors.start_bit()]
        .into_iter()
        .try_fold(0, |bits, bit| bit.map(|bit| bits | bit));
    let mut i = 0;
    while i < s.tokens.len() {
        if let Some(bits) = starts {
            match s.tokens[i..].iter().position(|t| t.first_of & bits != 0) {
                Some(skip) => i += skip,
                None => break,
            }
        }
        if let Some((start, end)) = same_place_at(s, pack, i) {
            found.push((start, end, ANY_KIND));
            i = end;
            continue;
        }
        let hit = pack.place_anaphors.match_at(&s.tokens, i).map(|hit| (hit.start, hit.end, *hit.value));
        let Some((start, end, kind)) = hit.or_else(|| modified_anaphor_at(s, pack, i)) else {
            i += 1;
            continue;
        };
        let inside_name = s.places.iter().any(|p| p.start < end && start < p.end);
        let name_after = s.places.iter().any(|p| {
            p.start >= end
                && p.start <= end + NAME_AFTER_NOUN
                && !s.tokens[end..p.start].iter().any(|t| t.kind == TokenKind::Punct)
        });
        let another_place = pack.other_place_words.match_at(&s.tokens, end).is_some();
        if !inside_name && !name_after && !another_place {
            found.push((start, end, kind));
        }
        i = end;
    }
    found
}

/// A definite place noun with modifiers between its determiner and itself, starting at `i`
/// ("la *grande* ville", "the *besieged* town"): the determiner of one of the pack's
/// anaphors, up to `modifiers_before_noun` words that make it no other place ("the *other*
/// town"), then the anaphor's noun. A name among the words ("the Aleppo town") is found
/// inside the phrase, and the phrase then refers to nothing.
fn modified_anaphor_at(s: &Spotted, pack: &LanguagePack, i: usize) -> Option<(usize, usize, u32)> {
    let tokens = &s.tokens;
    if pack.modifiers_before_noun == 0 || !pack.place_anaphors.may_start_with(tokens.get(i)?) {
        return None;
    }
    let modifier = |t: &Token| t.kind == TokenKind::Word && !t.number_word && !pack.other_place_words.has_word(&t.norm);
    (i + 1..=i + pack.modifiers_before_noun).take_while(|&at| tokens.get(at).is_some_and(modifier)).find_map(|at| {
        let noun = pack.anaphor_nouns.match_at(tokens, at + 1)?;
        Some((i, noun.end, *noun.value))
    })
}

/// The places a plural anaphor at `start` refers to among the sentence's lists before it: the
/// last list; when a place noun announced it ("قريتي المناخ والفيصلية"), every list before
/// it a place noun announced as well ("هجوم على قرى A وB وعلى قريتي C وD أسفر عن السيطرة
/// على تلك القرى": those villages are all four).
fn lists_referred_to<'p>(lists: &[Vec<&'p PlaceMention>], start: usize) -> Option<Vec<&'p PlaceMention>> {
    let before: Vec<&Vec<&PlaceMention>> =
        lists.iter().filter(|list| list.last().is_some_and(|p| p.end <= start)).collect();
    let last = *before.last()?;
    let announced = |list: &Vec<&PlaceMention>| list.first().is_some_and(|p| p.after_place_noun);
    let from = if announced(last) {
        before.iter().rposition(|list| !announced(list)).map_or(0, |i| i + 1)
    } else {
        before.len() - 1
    };
    Some(before[from..].iter().flat_map(|list| list.iter().copied()).collect())
}

/// The plural place nouns of a sentence that refer back to a list ("the villages", "ces
/// localités"): no name follows them, no word makes them other places ("the neighbouring
/// villages"), and they are no part of a name.
fn list_anaphors(s: &Spotted, pack: &LanguagePack) -> Vec<(usize, usize)> {
    pack.list_anaphors
        .spans_at(&s.tokens, &s.starts)
        .into_iter()
        .filter(|&(start, end)| {
            let inside_name = s.places.iter().any(|p| p.start < end && start < p.end);
            let name_after = s.places.iter().any(|p| p.start >= end && p.start <= end + NAME_AFTER_NOUN);
            let other_places = pack.other_place_words.match_at(&s.tokens, end).is_some();
            !inside_name && !name_after && !other_places
        })
        .collect()
}

/// The kind of place a word of sameness refers to: any ("the same road" is on the way to
/// or in the last place named, whatever kind of place the text called it).
const ANY_KIND: u32 = u32::MAX;

/// A place noun with a word of sameness before or after it, starting at `i` ("بذات الطريق":
/// on the same road; "في المنطقة ذاتها": in the same area), outside any name: a reference
/// back to the place last named.
fn same_place_at(s: &Spotted, pack: &LanguagePack, i: usize) -> Option<(usize, usize)> {
    let tokens = &s.tokens;
    let noun_then_word = pack
        .same_place_nouns
        .match_at(tokens, i)
        .and_then(|noun| pack.sameness_words.match_at(tokens, noun.end).map(|word| (i, word.end)));
    let word_then_noun = || {
        pack.sameness_words
            .match_at(tokens, i)
            .and_then(|word| pack.same_place_nouns.match_at(tokens, word.end).map(|noun| (i, noun.end)))
    };
    noun_then_word
        .or_else(word_then_noun)
        .filter(|&(start, end)| !s.places.iter().any(|p| p.start < end && start < p.end))
}

impl SentenceReader<'_, '_> {
    /// A mention that names a settlement a later "the town" may refer to: a site (or where
    /// things happened near), named as such in the country.
    fn settlement(&self, place: &PlaceMention, admin1: &Option<String>) -> Option<Settlement> {
        if !matches!(place.role, PlaceRole::Site | PlaceRole::Near) {
            return None;
        }
        let pack = self.ctx.pack;
        let tokens = &self.spotted.tokens;
        // A town that only gives a bearing ("Qaryatayn, southwest of Palmyra") is not the
        // town the report is about.
        if marker_before(&pack.bearing_markers, tokens, place.start).is_some() {
            return None;
        }
        let kind = announcing(tokens, place.start, pack, &pack.settlement_nouns).map(|h| *h.value);
        // A place a noun calls something else than a settlement ("the neighbourhoods of A",
        // "the airport of B") is no town.
        if kind.is_none()
            && place.after_place_noun
            && announcing(tokens, place.start, pack, &pack.place_nouns).is_some()
        {
            return None;
        }
        // A name the gazetteer knows only by a close spelling may be no place at all ("the
        // Red Crescent"): a town referred back to is one the text called so, or a name known
        // as written.
        let at_home = self.ctx.home.place(&place.text).filter(|p| p.country == HOME_COUNTRY);
        let known = at_home.is_some() && self.ctx.gazetteer.knows_name(&place.text);
        let named = place.after_place_noun || known;
        named.then(|| Settlement {
            sentence: self.prose_index,
            name: place.text.clone(),
            kind,
            admin1: admin1.clone(),
            place: at_home.map(|p| std::ptr::from_ref(p) as usize),
        })
    }
}

/// The settlement a definite noun of a kind refers to. One its own sentence named before
/// it ("In Jableh, ... the hospital of the town"), else one of the sentences before: of its
/// kind first ("the village of A ... B ... the village" is A), then the most recent. None
/// when two places answer equally ("Jets struck A and B. ... the town").
fn antecedent(named: &[Settlement], kind: u32, sentence: usize) -> Option<&Settlement> {
    let rank = |n: &Settlement| u8::from(n.kind != Some(kind));
    let own: Vec<&Settlement> = named.iter().filter(|n| n.sentence == sentence).collect();
    let candidates: Vec<&Settlement> = if own.is_empty() { named.iter().collect() } else { own };
    let best = candidates.iter().map(|n| rank(n)).min()?;
    let last = candidates.iter().rev().find(|n| rank(n) == best)?;
    let rival = candidates.iter().any(|n| rank(n) == best && n.sentence == last.sentence && n.name != last.name);
    (!rival).then_some(*last)
}
