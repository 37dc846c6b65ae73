//! The discourse: what earlier sentences of the article established and later ones refer
//! back to (who "they" are, whose warplanes struck last, the attack a damage report
//! follows, the episode's date), and how a sentence stands to what it reports
//! (hypothetical, claimed by someone).

use frontline_core::ActorId;
use frontline_lang::TriggerKind;

use crate::dates::DateWindow;
use crate::reader::SentenceReader;
use crate::spot::{span_text, ActorMention, Spotted, TriggerMention};

/// How many sentences back a damage report may look for the attack that caused it.
pub(crate) const ATTACK_MEMORY: usize = 3;

/// What earlier sentences established.
#[derive(Default)]
pub(crate) struct Discourse {
    /// The last named subject, for "they"/"ils".
    last_subject: Option<ActorMention>,
    /// The last actor of an air strike.
    last_air_actor: Option<ActorMention>,
    /// The last attack reported.
    pub last_attack: Option<Attack>,
    /// Points of places resolved so far.
    pub near: Vec<(f64, f64)>,
    /// The last window a sentence stated, and that sentence's index: the sentences right
    /// after it that state none tell of the same episode.
    last_window: Option<(usize, DateWindow)>,
}

/// How many sentences after a dated one an undated sentence takes its date from.
const DATE_CARRY_SENTENCES: usize = 1;

/// An attack as later sentences may refer to it ("the hospital was destroyed").
#[derive(Clone)]
pub(crate) struct Attack {
    pub kind: TriggerKind,
    pub sentence: usize,
    pub actor: Option<ActorMention>,
    /// The window the attack's own sentence gave, if it gave one.
    pub window: Option<DateWindow>,
}

impl Discourse {
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

    /// The sentence's first actor is who a pronoun in the next ones stands for.
    pub(crate) fn remember_subject(&mut self, spotted: &Spotted) {
        if let Some(subject) = spotted.actors.first() {
            self.last_subject = Some(subject.clone());
        }
    }

    /// The window a sentence that states none takes from the dated sentence just before it
    /// (the same episode).
    pub(crate) fn carried_window(&self, sentence: usize) -> Option<DateWindow> {
        self.last_window
            .as_ref()
            .filter(|(dated, _)| sentence - dated <= DATE_CARRY_SENTENCES)
            .map(|(_, window)| window.clone())
    }

    /// The window a sentence stated, for the undated sentences after it.
    pub(crate) fn remember_window(&mut self, sentence: usize, window: DateWindow) {
        self.last_window = Some((sentence, window));
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
    /// a conditional ("La prise de X pourrait ...", "The capture of X would ...").
    pub(crate) fn is_hypothetical(&self, trigger: &TriggerMention) -> bool {
        let s = self.spotted;
        let subject_before = s.actors.iter().any(|a| a.end <= trigger.start && self.same_clause(a.end, trigger.start));
        s.hypothetical.iter().any(|&(start, end)| {
            let before = start < trigger.end && (end > trigger.start || self.same_clause(end, trigger.start));
            let governs = start >= trigger.end && !subject_before && self.same_clause(trigger.end, start);
            before || governs
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
