//! Assembling events from the mentions of each sentence, with what earlier sentences of the
//! article established (who "they" are, whose warplanes struck last, which governorate the
//! article is about), then keeping one event per type, place and overlapping dates.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use frontline_core::{ActorId, Article, Control, Event, Extent, SubEventType};
use frontline_gazetteer::{Context, Gazetteer, Place};
use frontline_lang::{LanguagePack, Token, TokenKind, TriggerKind};

use crate::casualties::{self, Casualties};
use crate::dates::{best_for, default_window, DateWindow};
use crate::features::{Candidate, DateOrigin, Resolution};
use crate::segment::{sentences, SentenceKind};
use crate::spot::{span_text, spot, ActorMention, PlaceMention, PlaceRole, Spotted, TriggerMention};

/// A figure the article gives over a period or without a place: kept on the article, not
/// made an event.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub killed: Option<u32>,
    pub injured: Option<u32>,
    pub evidence: String,
}

/// How one sentence was read.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceTrace {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: SentenceKind,
    pub mentions: Vec<String>,
    /// Ids of the events this sentence gave (before merging within the article).
    pub events: Vec<String>,
    /// Why triggers gave no event, and other decisions.
    pub notes: Vec<String>,
    /// Whether mentions and notes were written: only when a reading is explained, since
    /// writing them costs a good part of the reading.
    pub recording: bool,
}

impl SentenceTrace {
    fn note(&mut self, note: impl FnOnce() -> String) {
        if self.recording {
            self.notes.push(note());
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    pub events: Vec<Event>,
    /// The features of each event, in the order of `events`: what the trained model
    /// weighed (`frontline train` learns from them).
    pub features: Vec<Vec<String>>,
    /// What the type model weighed of each event, in the order of `events`.
    pub type_features: Vec<Vec<String>>,
    /// How each sentence was read; empty unless explained ([`crate::Extractor::explain`]).
    pub sentences: Vec<SentenceTrace>,
    pub figures: Vec<Figure>,
    /// Set when the article was not read at all.
    pub note: Option<String>,
}

impl Extraction {
    pub fn unread(note: String) -> Extraction {
        Extraction { note: Some(note), ..Extraction::default() }
    }
}

/// Words written joined that the tokenizer split (clitics, elisions): each as its pieces,
/// the form each piece was matched in after the arrow where it differs from the text.
fn joined_words(tokens: &[Token]) -> Vec<Vec<String>> {
    let mut words: Vec<Vec<String>> = Vec::new();
    let mut previous_end = None;
    for token in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        let piece = if frontline_core::fold_word(&token.text) == token.norm.as_str() {
            token.text.to_string()
        } else {
            format!("{} ({})", token.text, token.norm)
        };
        match words.last_mut() {
            Some(word) if previous_end == Some(token.start) => word.push(piece),
            _ => words.push(vec![piece]),
        }
        previous_end = Some(token.end);
    }
    words.retain(|pieces| pieces.len() > 1);
    words
}

/// The country frontline covers; articles are read as being about it.
const HOME_COUNTRY: &str = "SY";
/// How many sentences back a damage report may look for the attack that caused it.
const ATTACK_MEMORY: usize = 3;
/// How far after a territory trigger its first place may stand.
const OBJECT_WINDOW: usize = 10;

/// What earlier sentences established.
#[derive(Default)]
struct Discourse {
    /// The last named subject, for "they"/"ils".
    last_subject: Option<ActorMention>,
    /// The last actor of an air strike.
    last_air_actor: Option<ActorMention>,
    /// The last attack reported.
    last_attack: Option<Attack>,
    /// Points of places resolved so far.
    near: Vec<(f64, f64)>,
    /// The last window a sentence stated, and that sentence's index: the sentences right
    /// after it that state none tell of the same episode.
    last_window: Option<(usize, DateWindow)>,
}

/// How many sentences after a dated one an undated sentence takes its date from.
const DATE_CARRY_SENTENCES: usize = 1;

/// An attack as later sentences may refer to it ("the hospital was destroyed").
#[derive(Clone)]
struct Attack {
    kind: TriggerKind,
    sentence: usize,
    actor: Option<ActorMention>,
    /// The window the attack's own sentence gave, if it gave one.
    window: Option<DateWindow>,
}

struct ArticleContext<'a> {
    article: &'a Article,
    pack: &'a LanguagePack,
    gazetteer: &'a Gazetteer,
    home: HomeNames<'a>,
    /// The governorate the article names most.
    admin1: Option<String>,
    /// Non-state actor named most, the usual loser of government gains.
    main_opposition: ActorId,
    /// For each place named (folded): how many prose sentences name it, and the first.
    place_sentences: FxHashMap<String, (usize, usize)>,
    /// How many sentences the article has.
    sentences: usize,
}

/// A candidate event and its features, before the trained model weighs it.
struct Proposed {
    event: Event,
    features: Vec<String>,
    type_features: Vec<String>,
}

/// How much of the reading an extraction keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Events, figures and the article's note.
    Events,
    /// Also how each sentence was read.
    Trace,
}

pub fn extract(article: &Article, pack: &LanguagePack, gazetteer: &Gazetteer, detail: Detail) -> Extraction {
    let recording = detail == Detail::Trace;
    let mut split = sentences(&article.text, pack);
    let spotted: Vec<Option<Spotted>> = split
        .iter_mut()
        .map(|s| {
            let tokens = std::mem::take(&mut s.tokens);
            (s.kind == SentenceKind::Body).then(|| spot(s.text, tokens, pack, gazetteer, article.published))
        })
        .collect();
    let home = HomeNames::new(gazetteer);
    let admin1 = dominant_governorate(&spotted, &home);
    let context = ArticleContext {
        article,
        pack,
        gazetteer,
        home,
        admin1,
        main_opposition: main_opposition(&spotted),
        place_sentences: place_sentences(&spotted),
        sentences: spotted.iter().flatten().count(),
    };
    let mut proposed: Vec<Proposed> = Vec::new();
    let mut prose_index = 0;
    let mut discourse = Discourse::default();
    let mut extraction = Extraction::default();
    for (index, (sentence, spotted)) in split.iter().zip(&spotted).enumerate() {
        let mut trace = SentenceTrace {
            start: sentence.start,
            end: sentence.end,
            text: if recording { sentence.text.to_string() } else { String::new() },
            kind: sentence.kind,
            mentions: Vec::new(),
            events: Vec::new(),
            notes: Vec::new(),
            recording,
        };
        if let Some(spotted) = spotted {
            let reader = SentenceReader {
                ctx: &context,
                spotted,
                index,
                prose_index,
                start: sentence.start,
                text: sentence.text,
            };
            prose_index += 1;
            let events = reader.read(&mut discourse, &mut trace, &mut extraction.figures);
            if recording {
                trace.events = events.iter().map(|e| e.event.event_id.clone()).collect();
            }
            proposed.extend(events);
        } else {
            trace.note(|| format!("{:?}: not the article's prose, no events", sentence.kind));
        }
        if recording {
            extraction.sentences.push(trace);
        }
    }
    let typed: Vec<Proposed> =
        proposed.into_iter().map(|p| typed(p, pack)).map(|p| with_usual_actor(p, pack)).collect();
    for kept in weighed(one_per_type_place_and_day(typed), pack) {
        extraction.events.push(kept.event);
        extraction.features.push(kept.features);
        extraction.type_features.push(kept.type_features);
    }
    extraction
}

/// A candidate whose text names no actor1 takes the actor that, in the gold, most often
/// carries out its type in its year (the language's `#actor` lines), when there is one.
fn with_usual_actor(mut candidate: Proposed, pack: &LanguagePack) -> Proposed {
    let event = &mut candidate.event;
    if event.actor1_id.is_some() {
        return candidate;
    }
    let Some(year) = event.date_end.or(event.event_date).map(|d| chrono::Datelike::year(&d)) else {
        return candidate;
    };
    if let Some(actor) = pack.weights.usual_actor(event.sub_event_type.as_str(), year).and_then(ActorId::parse) {
        event.actor1_id = Some(actor);
        event.actor1 = Some(actor.display_name().to_string());
        event.event_id = event.derive_id();
    }
    candidate
}

/// The candidate with the sub-event type the language's type model gives it (the rules'
/// type is one of the features it weighs); as the rules typed it when no model was trained.
fn typed(mut candidate: Proposed, pack: &LanguagePack) -> Proposed {
    let best = pack.weights.best_type(candidate.type_features.iter().map(String::as_str));
    let Some(sub) = best.and_then(|(name, _)| SubEventType::parse(name)) else { return candidate };
    if sub != candidate.event.sub_event_type {
        retype_candidate(&mut candidate.event, &mut candidate.features, sub);
    }
    candidate
}

/// Gives an event another sub-event type, and its real-event features with it (those
/// that name the type): what the type model does, and `frontline train` when it learns.
pub fn retype_candidate(event: &mut Event, features: &mut [String], new: SubEventType) {
    let old = event.sub_event_type;
    event.sub_event_type = new;
    event.event_type = new.event_type();
    // Control belongs to territorial types only.
    if !new.is_territorial() {
        event.control = None;
    }
    event.event_id = event.derive_id();
    let (from, to) = (format!("type={}", old.as_str()), format!("type={}", new.as_str()));
    for f in features.iter_mut() {
        if let Some(rest) = f.strip_prefix(&from) {
            *f = format!("{to}{rest}");
        }
    }
}

/// The candidates the language's trained model keeps, each with the model's probability
/// as its confidence; all of them, as the rules made them, when no model was trained.
fn weighed(candidates: Vec<Proposed>, pack: &LanguagePack) -> Vec<Proposed> {
    let weights = &pack.weights;
    if weights.is_empty() {
        return candidates;
    }
    candidates
        .into_iter()
        .filter_map(|mut c| {
            let p = weights.probability(c.features.iter().map(String::as_str));
            c.event.confidence = (p * 100.0).round() / 100.0;
            (p >= weights.threshold).then_some(c)
        })
        .collect()
}

/// For each place named in the article's prose, folded: in how many sentences, and the first.
fn place_sentences(spotted: &[Option<Spotted>]) -> FxHashMap<String, (usize, usize)> {
    let mut seen: FxHashMap<String, (usize, usize)> = FxHashMap::default();
    // Indexed among the prose sentences, as the readers count them.
    for (index, s) in spotted.iter().flatten().enumerate() {
        let mut names: Vec<String> = s.places.iter().map(|p| frontline_gazetteer::fold_mention(&p.text)).collect();
        names.sort();
        names.dedup();
        for name in names {
            seen.entry(name).and_modify(|(count, _)| *count += 1).or_insert((1, index));
        }
    }
    seen
}

fn dominant_governorate(spotted: &[Option<Spotted>], home: &HomeNames<'_>) -> Option<String> {
    let gazetteer = home.gazetteer;
    let mut counts: HashMap<String, usize> = HashMap::new();
    for s in spotted.iter().flatten() {
        for place in &s.places {
            let admin1 = match &place.role {
                PlaceRole::Region { admin1: Some(a) } => Some(a.clone()),
                PlaceRole::Region { admin1: None } => home.admin1(&place.text),
                PlaceRole::Site => gazetteer.governorate_named(&place.text).map(|g| g.admin1.clone()),
                _ => None,
            };
            if let Some(a) = admin1 {
                *counts.entry(a).or_default() += 1;
            }
        }
    }
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map(|(a, _)| a)
}

/// Names resolved in the home country with no other context (is it a place? which
/// governorate?); the gazetteer remembers the answers.
struct HomeNames<'g> {
    gazetteer: &'g Gazetteer,
}

impl<'g> HomeNames<'g> {
    fn new(gazetteer: &'g Gazetteer) -> HomeNames<'g> {
        HomeNames { gazetteer }
    }

    fn place(&self, name: &str) -> Option<&'g Place> {
        self.gazetteer.resolve_in_country(name, HOME_COUNTRY)
    }

    fn admin1(&self, name: &str) -> Option<String> {
        self.place(name).filter(|p| p.country == HOME_COUNTRY).map(|p| p.admin1.clone())
    }

    /// The district of the place a name designates, when the gazetteer knows it.
    fn admin2(&self, name: &str) -> Option<String> {
        self.place(name).filter(|p| p.country == HOME_COUNTRY && !p.admin2.is_empty()).map(|p| p.admin2.clone())
    }
}

fn main_opposition(spotted: &[Option<Spotted>]) -> ActorId {
    let mut counts: HashMap<ActorId, usize> = HashMap::new();
    for s in spotted.iter().flatten() {
        for actor in
            s.actors.iter().filter(|a| !a.id.is_state() && matches!(a.id.as_str(), "OPP" | "HTS" | "ISIS" | "SDF"))
        {
            *counts.entry(actor.id).or_default() += 1;
        }
    }
    let fallback = ActorId::parse("OPP").expect("OPP is in the actor table");
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map_or(fallback, |(a, _)| a)
}

/// A place chosen for an event, before it is resolved.
struct Draft<'s> {
    sub_event_type: SubEventType,
    place: &'s PlaceMention,
    actor1: Option<ActorMention>,
    actor2: Option<ActorMention>,
    control: Option<(ActorId, Option<ActorId>, Extent)>,
    trigger: &'s TriggerMention,
    confidence: f64,
    /// The date window of the sentence this draft refers back to, used when its own
    /// sentence gives none.
    inherited_window: Option<DateWindow>,
}

impl<'s> Draft<'s> {
    fn new(sub_event_type: SubEventType, place: &'s PlaceMention, trigger: &'s TriggerMention) -> Draft<'s> {
        Draft {
            sub_event_type,
            place,
            actor1: None,
            actor2: None,
            control: None,
            trigger,
            confidence: trigger.trigger.confidence,
            inherited_window: None,
        }
    }

    fn by(mut self, actor1: Option<ActorMention>) -> Draft<'s> {
        self.actor1 = actor1;
        self
    }
}

struct SentenceReader<'a, 's> {
    ctx: &'a ArticleContext<'a>,
    spotted: &'s Spotted,
    index: usize,
    /// The index among the article's prose sentences: headings, captions and credit lines
    /// do not move a sentence's place in the report.
    prose_index: usize,
    /// Byte offset of the sentence in the article.
    start: usize,
    text: &'s str,
}

impl<'s> SentenceReader<'_, 's> {
    fn read(&self, discourse: &mut Discourse, trace: &mut SentenceTrace, figures: &mut Vec<Figure>) -> Vec<Proposed> {
        self.describe(trace);
        let casualties = casualties::read(self.spotted, self.ctx.pack);
        let mut drafts: Vec<Draft<'s>> = Vec::new();
        for trigger in &self.spotted.triggers {
            if self.is_disrupted(trigger) {
                trace.note(|| format!("{:?}: what was shot down or intercepted, not an attack", trigger.text));
                continue;
            }
            let kind = self.reading_of(trigger);
            if matches!(kind, TriggerKind::AirStrike | TriggerKind::Shelling) {
                let actor = self.attacker(trigger, kind, discourse);
                let window = best_for(&self.spotted.dates, trigger.start).map(|d| d.window.clone());
                discourse.last_attack = Some(Attack { kind, sentence: self.index, actor: actor.clone(), window });
                if kind == TriggerKind::AirStrike && actor.is_some() {
                    discourse.last_air_actor = actor;
                }
            }
            if matches!(kind, TriggerKind::Kill | TriggerKind::Wound | TriggerKind::Intervention) {
                continue;
            }
            if self.is_hypothetical(trigger) {
                trace.note(|| format!("{:?}: hypothetical or intended, not an event", trigger.text));
                continue;
            }
            if self.spotted.aggregate {
                trace.note(|| format!("{:?}: counted over a period, kept as a figure", trigger.text));
                continue;
            }
            let before = drafts.len();
            match kind {
                TriggerKind::Take | TriggerKind::Fall | TriggerKind::Withdraw => {
                    self.territory(trigger, discourse, &mut drafts, trace)
                }
                TriggerKind::AirStrike | TriggerKind::Shelling => self.attack(trigger, kind, discourse, &mut drafts),
                TriggerKind::Damage => self.damage(trigger, discourse, &mut drafts, trace),
                TriggerKind::Clash => self.clash(trigger, discourse, &mut drafts),
                TriggerKind::Flee => self.flight(trigger, &mut drafts),
                TriggerKind::Incident => self.incident(trigger, &mut drafts),
                // Read above as one of the kinds before, or with the triggers they qualify.
                TriggerKind::Kill
                | TriggerKind::Wound
                | TriggerKind::Bombard
                | TriggerKind::Assault
                | TriggerKind::Intervention => {}
            }
            if drafts.len() == before && !matches!(kind, TriggerKind::Damage) {
                trace.note(|| format!("{:?}: no place where it happened", trigger.text));
            }
        }
        if let Some(subject) = self.spotted.actors.first() {
            discourse.last_subject = Some(subject.clone());
        }
        if !casualties.is_empty() && (drafts.is_empty() || self.spotted.aggregate) {
            figures.push(Figure {
                killed: casualties.killed,
                injured: casualties.injured,
                evidence: self.text.to_string(),
            });
        }
        let carried = discourse
            .last_window
            .as_ref()
            .filter(|(sentence, _)| self.index - sentence <= DATE_CARRY_SENTENCES)
            .map(|(_, window)| window.clone());
        // The window this sentence's events take (the date nearest their trigger), else the
        // last it states: a dateline comes first, the event's own day after it.
        let stated = drafts
            .first()
            .and_then(|d| best_for(&self.spotted.dates, d.trigger.start))
            .or(self.spotted.dates.last())
            .map(|d| d.window.clone());
        let mut events: Vec<Proposed> = Vec::new();
        for mut draft in drafts {
            if events
                .iter()
                .any(|e| e.event.sub_event_type == draft.sub_event_type && e.event.mention == draft.place.text)
            {
                continue;
            }
            if self.spotted.dates.is_empty() && draft.inherited_window.is_none() {
                draft.inherited_window = carried.clone();
            }
            let event = self.build(draft, discourse, trace);
            events.push(event);
        }
        if let Some(window) = stated {
            discourse.last_window = Some((self.index, window));
        }
        if !self.spotted.aggregate {
            attach_casualties(&mut events, &casualties);
        }
        events
    }

    fn describe(&self, trace: &mut SentenceTrace) {
        if !trace.recording {
            return;
        }
        let s = self.spotted;
        let text = |a: usize, b: usize| span_text(self.text, &s.tokens, a, b);
        trace
            .mentions
            .extend(joined_words(&s.tokens).into_iter().map(|pieces| format!("split {}", pieces.join(" + "))));
        trace.mentions.extend(s.triggers.iter().map(|t| format!("trigger {:?} ({:?})", t.text, t.trigger.kind)));
        trace.mentions.extend(s.actors.iter().map(|a| match a.joint {
            Some(j) => format!("actor {:?} = {} with {}", a.text, a.id, j),
            None => format!("actor {:?} = {}", a.text, a.id),
        }));
        trace.mentions.extend(s.places.iter().map(|p| format!("place {:?} as {:?}", p.text, p.role)));
        trace.mentions.extend(s.dates.iter().map(|d| format!("date {:?}: {}", text(d.start, d.end), d.window.rule)));
        trace.mentions.extend(s.numbers.iter().map(|n| format!("number {:?} = {}", text(n.start, n.end), n.value)));
        trace.mentions.extend(s.sources.iter().map(|&(a, b)| format!("source {:?}", text(a, b))));
        for &(a, b) in &s.hypothetical {
            trace.mentions.push(format!("marker: hypothetical {:?}", text(a, b)));
        }
        if s.aggregate {
            trace.mentions.push("marker: aggregate over a period".into());
        }
    }

    /// Territory: the places that follow the trigger, taken by its subject (or, for "fell
    /// to", by the actor that follows).
    fn territory(
        &self,
        trigger: &'s TriggerMention,
        discourse: &Discourse,
        drafts: &mut Vec<Draft<'s>>,
        trace: &mut SentenceTrace,
    ) {
        let kind = trigger.trigger.kind;
        let mut objects = self.objects_after(trigger);
        // "X fell to ...", and the passive "X was recaptured by ...": the places come first.
        if objects.is_empty() && (kind == TriggerKind::Fall || self.agent_follows(trigger)) {
            objects = self.list_before(trigger);
        }
        // "In X, the army took control of the town": the place noun stands for the place fronted.
        if objects.is_empty() {
            objects = self.fronted_place(trigger).into_iter().collect();
        }
        if objects.is_empty() {
            return;
        }
        let actor = match kind {
            TriggerKind::Fall => self.actor_after(trigger.end, 5).or_else(|| self.subject_of(trigger, discourse)),
            _ => self.subject_of(trigger, discourse).or_else(|| self.actor_after(trigger.end, 5)),
        };
        let Some(actor) = actor else {
            trace.note(|| format!("{:?}: no actor for the territory change", trigger.text));
            return;
        };
        let extent = self.extent(trigger, objects[0]);
        // The other side of the war is the usual loser (or, for a withdrawal, gainer).
        let other_side = if sides_with_state(actor.id) { self.ctx.main_opposition } else { syrian_state() };
        let (gained, lost, sub_event_type) = if kind == TriggerKind::Withdraw {
            (other_side, Some(actor.id), SubEventType::NonViolentTransfer)
        } else {
            let lost = self.previous_holder().unwrap_or(other_side);
            let unopposed = !self.ctx.pack.non_violent.find_all(&self.spotted.tokens).is_empty();
            let sub = if unopposed {
                SubEventType::NonViolentTransfer
            } else if sides_with_state(actor.id) {
                SubEventType::GovernmentRegainsTerritory
            } else {
                SubEventType::NonStateActorOvertakesTerritory
            };
            (actor.id, Some(lost).filter(|l| *l != actor.id), sub)
        };
        for place in objects {
            let mut draft = Draft::new(sub_event_type, place, trigger).by(Some(actor.clone()));
            draft.control = Some((gained, lost, extent));
            drafts.push(draft);
        }
    }

    /// The first place after a trigger (within a few words, in the same clause), and the
    /// places listed with it ("A, B et C, en plus de D").
    fn objects_after(&self, trigger: &TriggerMention) -> Vec<&'s PlaceMention> {
        let s = self.spotted;
        // A governorate named first only situates the place that follows ("Idlib's Saraqib").
        let governorate_context = |p: &&PlaceMention| matches!(p.role, PlaceRole::Region { admin1: Some(_) });
        let Some(first) = s.places.iter().filter(|p| p.start >= trigger.end).find(|p| !governorate_context(p)) else {
            return Vec::new();
        };
        if first.start - trigger.end > OBJECT_WINDOW
            || !self.same_clause(trigger.end, first.start)
            || !is_territory_object(first)
        {
            return Vec::new();
        }
        if s.triggers.iter().any(|t| t.start >= trigger.end && t.start < first.start && is_event_kind(t.trigger.kind)) {
            return Vec::new();
        }
        let mut objects = vec![first];
        for place in s.places.iter().filter(|p| p.start > first.start) {
            let last = objects[objects.len() - 1];
            if !self.only_connectors(last.end, place.start) {
                break;
            }
            if place.role == PlaceRole::Site {
                objects.push(place);
            } else if !matches!(place.role, PlaceRole::Region { .. } | PlaceRole::Landmark) {
                break;
            }
        }
        objects
    }

    /// Whether the tokens between two positions only join items of a list: connectors,
    /// place nouns, small words, and the region a group of items lies in ("the villages A
    /// and B in the Hama countryside, along with the villages of C").
    fn only_connectors(&self, from: usize, to: usize) -> bool {
        let tokens = &self.spotted.tokens;
        let pack = self.ctx.pack;
        // A region or landmark between items situates them ("Sarmin, à l'est d'Idleb, ainsi
        // que Khan Cheikhoun").
        let aside_at = |at: usize| {
            self.spotted
                .places
                .iter()
                .find(|p| p.start == at && matches!(p.role, PlaceRole::Region { .. } | PlaceRole::Landmark))
                .map(|p| p.end)
        };
        let mut at = from;
        while at < to {
            let small_word = pack.function_words.contains(tokens[at].norm.as_str()).then_some(at + 1);
            let hit = pack
                .list_connectors
                .match_at(tokens, at)
                .or_else(|| pack.list_introducers.match_at(tokens, at))
                .or_else(|| pack.place_nouns.match_at(tokens, at))
                .or_else(|| {
                    pack.region_words.match_at(tokens, at).map(|h| frontline_lang::Hit {
                        start: h.start,
                        end: h.end,
                        value: &(),
                    })
                })
                .or_else(|| pack.directions.match_at(tokens, at))
                .or_else(|| pack.landmark_markers.match_at(tokens, at))
                .map(|h| h.end)
                .or_else(|| aside_at(at))
                .or(small_word);
            match hit {
                Some(end) if end <= to => at = end,
                _ => return false,
            }
        }
        true
    }

    /// No clause break between two token positions: a comma is allowed only before a list
    /// ("plusieurs villages, dont : A").
    fn same_clause(&self, from: usize, to: usize) -> bool {
        let tokens = &self.spotted.tokens;
        (from..to).all(|i| {
            let t = &tokens[i];
            if t.is_punct(";.!?()") {
                return false;
            }
            if t.is_punct(",") {
                return self.ctx.pack.list_introducers.match_at(tokens, i + 1).is_some();
            }
            true
        })
    }

    /// Whether an agent word and an actor follow the trigger: the passive "was taken *by* the
    /// army", "a été reprise *par* l'armée".
    fn agent_follows(&self, trigger: &TriggerMention) -> bool {
        let s = self.spotted;
        self.ctx
            .pack
            .agent_markers
            .match_at(&s.tokens, trigger.end)
            .is_some_and(|marker| s.actors.iter().any(|a| a.start >= marker.end && a.start <= marker.end + 2))
    }

    /// A place noun without a name after the trigger ("the town", "la ville") read as the
    /// named site the sentence put before it ("In Saraqib, ... took control of the town").
    fn fronted_place(&self, trigger: &TriggerMention) -> Option<&'s PlaceMention> {
        let s = self.spotted;
        let tokens = &s.tokens;
        let end = (trigger.end + OBJECT_WINDOW).min(tokens.len());
        let noun = (trigger.end..end)
            .take_while(|&i| !tokens[i].is_punct(";.!?(),"))
            .find_map(|i| self.ctx.pack.place_nouns.match_at(tokens, i))?;
        let named_after = s.places.iter().any(|p| p.start >= noun.end && p.start <= noun.end + 2);
        if named_after {
            return None;
        }
        s.places.iter().rev().find(|p| p.end <= trigger.start && p.role == PlaceRole::Site && self.is_named_place(p))
    }

    /// The places listed before a trigger, in the same clause ("A and B fell to ...").
    fn list_before(&self, trigger: &TriggerMention) -> Vec<&'s PlaceMention> {
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

    /// A trigger is hypothetical when a marker ("would", "pourrait", a conditional verb)
    /// stands on it or before it in its clause, or when the trigger is itself the subject of
    /// a conditional ("La prise de X pourrait ...", "The capture of X would ...").
    fn is_hypothetical(&self, trigger: &TriggerMention) -> bool {
        let s = self.spotted;
        let subject_before = s.actors.iter().any(|a| a.end <= trigger.start && self.same_clause(a.end, trigger.start));
        s.hypothetical.iter().any(|&(start, end)| {
            let before = start < trigger.end && (end > trigger.start || self.same_clause(end, trigger.start));
            let governs = start >= trigger.end && !subject_before && self.same_clause(trigger.end, start);
            before || governs
        })
    }

    /// The subject of a trigger: the nearest actor before it, or for a pronoun, the last
    /// subject of the discourse.
    fn subject_of(&self, trigger: &TriggerMention, discourse: &Discourse) -> Option<ActorMention> {
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

    /// The last subject of the discourse, when a subject pronoun stands before the trigger
    /// ("they struck", "elles ont repris").
    fn pronoun_subject(&self, trigger: &TriggerMention, discourse: &Discourse) -> Option<ActorMention> {
        let s = self.spotted;
        let pronoun = (0..trigger.start).any(|i| self.ctx.pack.subject_pronouns.match_at(&s.tokens, i).is_some());
        pronoun.then(|| discourse.last_subject.clone()).flatten()
    }

    fn actor_after(&self, from: usize, within: usize) -> Option<ActorMention> {
        self.spotted.actors.iter().find(|a| a.start >= from && a.start <= from + within).cloned()
    }

    /// "la majeure partie de", "most of" between the trigger and its first place.
    fn extent(&self, trigger: &TriggerMention, first: &PlaceMention) -> Extent {
        let tokens = &self.spotted.tokens;
        let partial = (trigger.start..first.start)
            .any(|i| self.ctx.pack.partial.match_at(tokens, i).is_some_and(|h| h.end <= first.start));
        if partial {
            Extent::Partial
        } else {
            Extent::Full
        }
    }

    fn previous_holder_spans(&self) -> Vec<(usize, usize)> {
        self.ctx.pack.previous_holder.find_all(&self.spotted.tokens).iter().map(|h| (h.start, h.end)).collect()
    }

    /// "auparavant sous le contrôle des forces du régime": who held the places before.
    fn previous_holder(&self) -> Option<ActorId> {
        self.previous_holder_spans().into_iter().find_map(|(_, end)| {
            self.spotted.actors.iter().find(|a| a.start >= end && a.start <= end + 2).map(|a| a.id)
        })
    }

    /// Who carried out an attack: an actor right after the trigger ("frappes russes",
    /// "bombardment by Russia"), else the nearest before it.
    fn attacker(&self, trigger: &TriggerMention, kind: TriggerKind, discourse: &Discourse) -> Option<ActorMention> {
        self.attacker_in_sentence(trigger)
            .or_else(|| self.pronoun_subject(trigger, discourse))
            .or_else(|| (kind == TriggerKind::AirStrike).then(|| discourse.last_air_actor.clone()).flatten())
    }

    /// The attacker the sentence names: an actor on the trigger or right after it
    /// ("frappes russes"), or introduced after it by an agent word ("bombardment by Russia",
    /// "raids du régime"); else a nationality word just before it ("Turkish drones"); else
    /// the nearest actor before it in its clause. Civilians and rescuers are victims, never
    /// attackers.
    fn attacker_in_sentence(&self, trigger: &TriggerMention) -> Option<ActorMention> {
        let s = self.spotted;
        let pack = self.ctx.pack;
        let armed = |a: &&ActorMention| a.id.inter_code() != 7;
        // After the trigger, only an actor that shares its words ("frappes russes") or that an
        // agent word introduces; a bare actor after a verb is its object ("struck SDF positions").
        let agent = |a: &ActorMention| {
            a.start < trigger.end
                || (a.start <= trigger.end + 3 && pack.agent_markers.match_ending_at(&s.tokens, a.start, 2).is_some())
        };
        let demonym_after = pack.demonyms.match_at(&s.tokens, trigger.end).map(|h| self.nationality_actor(h));
        let after =
            s.actors.iter().filter(armed).find(|a| a.end > trigger.start && agent(a)).cloned().or(demonym_after);
        let demonym = || {
            let named = |start: usize, end: usize| s.actors.iter().any(|a| a.start < end && start < a.end);
            let hit = pack.demonyms.match_ending_at(&s.tokens, trigger.start, 2).filter(|h| !named(h.start, h.end));
            hit.map(|h| self.nationality_actor(h))
        };
        let before = || {
            s.actors
                .iter()
                .filter(armed)
                .rev()
                .find(|a| a.end <= trigger.start && self.same_clause(a.end, trigger.start))
                .cloned()
        };
        after.or_else(demonym).or_else(before)
    }

    /// An actor named only by a nationality word ("Turkish drones", "frappes russes").
    fn nationality_actor(&self, hit: frontline_lang::Hit<'_, ActorId>) -> ActorMention {
        ActorMention {
            start: hit.start,
            end: hit.end,
            id: *hit.value,
            text: span_text(self.text, &self.spotted.tokens, hit.start, hit.end),
            joint: None,
            allies: None,
        }
    }

    /// Who was attacked: an armed actor after the trigger, in its clause, that is not the
    /// attacker ("struck SDF positions").
    fn target_actor(&self, trigger: &TriggerMention, attacker: Option<&ActorMention>) -> Option<ActorMention> {
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

    /// Bombings and assaults read as air strikes when aircraft carry them (aircraft named
    /// in the sentence, or an air force as the attacker), else as shelling or a clash.
    fn reading_of(&self, trigger: &TriggerMention) -> TriggerKind {
        let kind = trigger.trigger.kind;
        if !matches!(kind, TriggerKind::Bombard | TriggerKind::Assault) {
            return kind;
        }
        let aircraft_named = !self.ctx.pack.aerial.find_all(&self.spotted.tokens).is_empty();
        let air_force = self.attacker_in_sentence(trigger).is_some_and(|a| a.id.as_str() == "RUS");
        match (kind, aircraft_named || air_force) {
            (_, true) => TriggerKind::AirStrike,
            (TriggerKind::Bombard, false) => TriggerKind::Shelling,
            _ => TriggerKind::Clash,
        }
    }

    /// Places hit by an attack: the sites of the sentence, else its region.
    fn attack(
        &self,
        trigger: &'s TriggerMention,
        kind: TriggerKind,
        discourse: &Discourse,
        drafts: &mut Vec<Draft<'s>>,
    ) {
        let sub_event_type =
            if kind == TriggerKind::AirStrike { SubEventType::AirDroneStrike } else { SubEventType::Shelling };
        let actor = self.attacker(trigger, kind, discourse);
        let target = self.target_actor(trigger, actor.as_ref());
        for place in self.targets(trigger) {
            let mut draft = Draft::new(sub_event_type, place, trigger).by(actor.clone());
            draft.actor2 = target.clone();
            drafts.push(draft);
        }
    }

    /// Sites that are named as such (resolved in the gazetteer, or announced by a place
    /// noun), else places it happened near, else the first region of the sentence.
    ///
    /// A sentence may report two attacks ("strikes killed 5 in A, while raids near B killed
    /// 4"): each takes the places of its own stretch, from the previous attack word to the
    /// next one, those after it first.
    fn targets(&self, trigger: &TriggerMention) -> Vec<&'s PlaceMention> {
        let s = self.spotted;
        let is_attack = |t: &&TriggerMention| {
            matches!(t.trigger.kind, TriggerKind::AirStrike | TriggerKind::Shelling) && !self.is_disrupted(t)
        };
        // Attack words side by side ("drones struck") are one attack.
        let next =
            s.triggers.iter().filter(is_attack).find(|t| t.start > trigger.end).map_or(s.tokens.len(), |t| t.start);
        let previous = s.triggers.iter().filter(is_attack).rev().find(|t| t.end <= trigger.start).map_or(0, |t| t.end);
        let stretches = [(trigger.end, next), (previous, trigger.start)];
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
        s.places.iter().filter(|p| matches!(p.role, PlaceRole::Region { .. })).take(1).collect()
    }

    fn is_named_place(&self, place: &PlaceMention) -> bool {
        place.after_place_noun || self.ctx.home.place(&place.text).is_some()
    }

    /// Damage ("was destroyed") caused by the attack reported just before.
    fn damage(
        &self,
        trigger: &'s TriggerMention,
        discourse: &Discourse,
        drafts: &mut Vec<Draft<'s>>,
        trace: &mut SentenceTrace,
    ) {
        let Some(attack) = &discourse.last_attack else {
            trace.note(|| format!("{:?}: damage with no attack reported before it", trigger.text));
            return;
        };
        if self.index.saturating_sub(attack.sentence) > ATTACK_MEMORY {
            trace.note(|| format!("{:?}: the last attack reported is too far back", trigger.text));
            return;
        }
        let sub_event_type =
            if attack.kind == TriggerKind::AirStrike { SubEventType::AirDroneStrike } else { SubEventType::Shelling };
        let sites: Vec<&PlaceMention> =
            self.spotted.places.iter().filter(|p| p.role == PlaceRole::Site && self.is_named_place(p)).collect();
        for place in sites {
            let mut draft = Draft::new(sub_event_type, place, trigger).by(attack.actor.clone());
            draft.inherited_window = attack.window.clone();
            drafts.push(draft);
        }
    }

    /// Fighting at named sites, between the actor before the trigger and the one after.
    fn clash(&self, trigger: &'s TriggerMention, discourse: &Discourse, drafts: &mut Vec<Draft<'s>>) {
        let s = self.spotted;
        let before = s
            .actors
            .iter()
            .rev()
            .find(|a| a.end <= trigger.start && self.same_clause(a.end, trigger.start))
            .cloned()
            .or_else(|| self.pronoun_subject(trigger, discourse));
        let mut after = s.actors.iter().filter(|a| a.start >= trigger.end && self.same_clause(trigger.end, a.start));
        // "X clashed with Y"; or both after the trigger: "combats ont opposé X à Y".
        let actor1 = before.or_else(|| after.next().cloned());
        let actor2 = after.find(|a| Some(a.id) != actor1.as_ref().map(|x| x.id)).cloned();
        let named_site = |p: &&PlaceMention| p.role == PlaceRole::Site && self.is_named_place(p);
        let in_clause = |p: &&PlaceMention| p.start >= trigger.end && self.same_clause(trigger.end, p.start);
        let mut places: Vec<&PlaceMention> = s.places.iter().filter(named_site).filter(in_clause).collect();
        // "In Sarmin, the army clashed with rebels": the site put before the clause, ahead of
        // its subject (a place after the subject is what another verb did to it).
        let first_actor = s.actors.first().map_or(trigger.start, |a| a.start.min(trigger.start));
        if places.is_empty() {
            places = s.places.iter().filter(named_site).filter(|p| p.end <= first_actor).take(1).collect();
        }
        for place in places {
            let mut draft = Draft::new(SubEventType::ArmedClash, place, trigger).by(actor1.clone());
            draft.actor2 = actor2.clone();
            drafts.push(draft);
        }
    }

    /// A weapon named as the object of a disruption ("shot down a *drone*", "intercepted
    /// *missiles*"): what was stopped, not an attack of its own.
    fn is_disrupted(&self, trigger: &TriggerMention) -> bool {
        const OBJECT_DISTANCE: usize = 3;
        self.spotted.triggers.iter().any(|t| {
            t.trigger.sub_event_type == Some(SubEventType::DisruptedWeaponsUse)
                && t.end <= trigger.start
                && trigger.start - t.end <= OBJECT_DISTANCE
        })
    }

    /// An event a word names on its own ("roadside bomb", "arrested", "protest"): its type is
    /// the trigger's, actor1 the agent the sentence names (the protesters, for a protest),
    /// its places the sentence's sites, else its region. A protest in a sentence that tells
    /// of forces acting against it is a protest with intervention.
    fn incident(&self, trigger: &'s TriggerMention, drafts: &mut Vec<Draft<'s>>) {
        let Some(mut sub_event_type) = trigger.trigger.sub_event_type else {
            return;
        };
        let protest = matches!(sub_event_type, SubEventType::PeacefulProtest | SubEventType::ProtestWithIntervention);
        let intervened = self.spotted.triggers.iter().any(|t| t.trigger.kind == TriggerKind::Intervention);
        if sub_event_type == SubEventType::PeacefulProtest && intervened {
            sub_event_type = SubEventType::ProtestWithIntervention;
        }
        let actor = if protest {
            ActorId::parse("PROT").map(|id| ActorMention {
                start: trigger.start,
                end: trigger.end,
                id,
                text: trigger.text.clone(),
                joint: None,
                allies: None,
            })
        } else {
            self.attacker_in_sentence(trigger)
        };
        for place in self.targets(trigger) {
            drafts.push(Draft::new(sub_event_type, place, trigger).by(actor.clone()));
        }
    }

    /// People fleeing the places that follow the trigger ("fled Ariha"), else those named
    /// before it in its clause ("residents of Ariha fled").
    fn flight(&self, trigger: &'s TriggerMention, drafts: &mut Vec<Draft<'s>>) {
        let origin = |p: &&PlaceMention| {
            p.role == PlaceRole::Site && self.is_named_place(p) || matches!(p.role, PlaceRole::Region { .. })
        };
        let places = &self.spotted.places;
        let after: Vec<&PlaceMention> = places.iter().filter(|p| p.start >= trigger.end).filter(origin).collect();
        let origins = if after.is_empty() {
            let before = |p: &&PlaceMention| p.end <= trigger.start && self.same_clause(p.end, trigger.start);
            places.iter().filter(before).filter(origin).collect()
        } else {
            after
        };
        for place in origins {
            drafts.push(Draft::new(SubEventType::Displacement, place, trigger));
        }
    }

    /// The governorate this sentence names (a region, else a landmark near which things
    /// happen), else the article's.
    fn sentence_admin1(&self) -> Option<String> {
        let places = &self.spotted.places;
        let region = places.iter().find_map(|p| match &p.role {
            PlaceRole::Region { admin1: Some(a) } => Some(a.clone()),
            PlaceRole::Region { admin1: None } => self.ctx.home.admin1(&p.text),
            _ => None,
        });
        let landmark =
            || places.iter().filter(|p| p.role == PlaceRole::Landmark).find_map(|p| self.ctx.home.admin1(&p.text));
        region.or_else(landmark).or_else(|| self.ctx.admin1.clone())
    }

    /// The district this sentence names: that of a region below a governorate ("the
    /// countryside of Maarat al-Numan", "Jabal al-Zawiya region").
    fn sentence_admin2(&self) -> Option<String> {
        self.spotted.places.iter().find_map(|p| match &p.role {
            PlaceRole::Region { admin1: None } => self.ctx.home.admin2(&p.text),
            _ => None,
        })
    }

    fn build(&self, draft: Draft<'_>, discourse: &mut Discourse, trace: &mut SentenceTrace) -> Proposed {
        let ctx = self.ctx;
        let admin1_hint = self.sentence_admin1();
        let placed = self.place(draft.place, admin1_hint, discourse, trace);
        let stated = best_for(&self.spotted.dates, draft.trigger.start).map(|d| d.window.clone());
        let date_origin = match (&stated, &draft.inherited_window) {
            (Some(_), _) => DateOrigin::Stated,
            (None, Some(_)) => DateOrigin::Inherited,
            (None, None) => DateOrigin::Default,
        };
        let window =
            stated.or_else(|| draft.inherited_window.clone()).unwrap_or_else(|| default_window(ctx.article.published));
        let mut confidence = draft.confidence * placed.confidence_factor;
        if draft.actor1.is_none() && draft.sub_event_type != SubEventType::Displacement {
            confidence *= 0.85;
        }
        if self.spotted.dates.is_empty() && draft.inherited_window.is_none() {
            confidence *= 0.9;
        }
        let claimed_by = self.claimant();
        let candidate = self.candidate(&draft, &placed, date_origin, claimed_by.is_some());
        // The type model's features cost a string per trigger and actor of the sentence:
        // made only when a type model will read them, or when no model is loaded at all
        // (as `frontline train` reads, to learn one).
        let weights = &ctx.pack.weights;
        let wanted = !weights.by_type.is_empty() || weights.is_empty();
        let type_features = if wanted { candidate.type_features() } else { Vec::new() };
        let features = candidate.features();
        if let (Some(claimant), Some(actor)) = (&claimed_by, &draft.actor1) {
            // A side's claim about its own gains is worth less than a monitor's report.
            if claimant.1 == Some(actor.id) {
                confidence *= 0.85;
            }
        }
        let (actor1_id, actor1, assoc1) = actor_fields(draft.actor1.as_ref());
        let (actor2_id, actor2, assoc2) = actor_fields(draft.actor2.as_ref());
        let mut event = Event {
            event_id: String::new(),
            event_date: window.day_of(),
            date_start: window.start,
            date_end: window.end,
            time_precision: window.precision,
            event_type: draft.sub_event_type.event_type(),
            sub_event_type: draft.sub_event_type,
            actor1,
            actor1_id,
            assoc_actor_1: assoc1,
            actor2,
            actor2_id,
            assoc_actor_2: assoc2,
            location: placed.location,
            mention: draft.place.text.clone(),
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
            fatalities: 0,
            civilian_fatalities: None,
            child_fatalities: None,
            injuries: None,
            control: draft.control.map(|(gained_by, lost_by, extent)| Control { gained_by, lost_by, extent }),
            article_id: ctx.article.id.clone(),
            language: ctx.article.language.clone(),
            evidence: self.text.to_string(),
            evidence_start: self.start,
            evidence_end: self.start + self.text.len(),
            confidence: (confidence * 100.0).round() / 100.0,
            trigger: draft.trigger.text.clone(),
            claimed_by: claimed_by.map(|c| c.0),
        };
        event.event_id = event.derive_id();
        trace.note(|| {
            format!(
                "{} at {} ({}) from {:?}, dated by: {}",
                event.sub_event_type.as_str(),
                event.location,
                placed.how,
                draft.trigger.text,
                window.rule
            )
        });
        Proposed { event, features, type_features }
    }

    /// The facts of a draft that the trained model weighs.
    fn candidate<'d>(
        &'d self,
        draft: &'d Draft<'_>,
        placed: &Placed,
        date: DateOrigin,
        claimed: bool,
    ) -> Candidate<'d> {
        let s = self.spotted;
        let (place_sentences, place_first_sentence) = self
            .ctx
            .place_sentences
            .get(&frontline_gazetteer::fold_mention(&draft.place.text))
            .copied()
            .unwrap_or((1, self.prose_index));
        Candidate {
            sub_event_type: draft.sub_event_type,
            trigger_kind: draft.trigger.trigger.kind,
            trigger: &draft.trigger.text,
            trigger_confidence: draft.trigger.trigger.confidence,
            role: &draft.place.role,
            after_place_noun: draft.place.after_place_noun,
            resolution: placed.resolution,
            abroad: placed.iso != SYRIA_ISO,
            place_offset: draft.place.start as isize - draft.trigger.start as isize,
            actor1: draft.actor1.as_ref().map(|a| a.id),
            has_actor2: draft.actor2.is_some(),
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
            hypothetical_in_sentence: !s.hypothetical.is_empty(),
            sentence_triggers: &s.triggers,
            sentence_actors: &s.actors,
        }
    }

    /// Who the sentence says reports it: a named source, or an actor just before a claim
    /// word ("la Direction ... a annoncé").
    fn claimant(&self) -> Option<(String, Option<ActorId>)> {
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

    fn place(
        &self,
        mention: &PlaceMention,
        admin1_hint: Option<String>,
        discourse: &mut Discourse,
        trace: &mut SentenceTrace,
    ) -> Placed {
        let gazetteer = self.ctx.gazetteer;
        if let PlaceRole::Region { admin1: Some(code) } = &mention.role {
            if let Some(g) = gazetteer.governorate(HOME_COUNTRY, code) {
                return Placed::governorate(g, gazetteer, 0.8, "a governorate".into());
            }
        }
        let context = Context {
            country: Some(HOME_COUNTRY.to_string()),
            admin1: admin1_hint.clone(),
            admin2: self.sentence_admin2(),
            near: discourse.near.clone(),
        };
        // The account of the choice only when the reading is explained.
        let (place, reason) = if trace.recording {
            let resolution = gazetteer.resolve(&mention.text, &context);
            (resolution.place, resolution.reason)
        } else {
            (gazetteer.resolve_place(&mention.text, &context).cloned(), String::new())
        };
        if let Some(place) = place {
            let region = matches!(mention.role, PlaceRole::Region { .. } | PlaceRole::Near);
            let point = (place.latitude, place.longitude);
            // Each point once: every candidate of later places is measured against them all.
            if !discourse.near.contains(&point) {
                discourse.near.push(point);
            }
            let governorate = gazetteer.governorate(&place.country, &place.admin1);
            let country = gazetteer.country(&place.country);
            let hierarchy = |name: &str| (!name.is_empty()).then(|| name.to_string());
            return Placed {
                location: place.name.clone(),
                geonameid: place.geonameid,
                pcode: place.pcode.clone(),
                admin2: hierarchy(&place.admin2),
                admin3: hierarchy(&place.admin3),
                latitude: Some(place.latitude),
                longitude: Some(place.longitude),
                geo_precision: if region { 2 } else { 1 },
                admin1: governorate.map(|g| g.name.clone()),
                country: country.map_or_else(|| place.country.clone(), |c| c.name.clone()),
                iso: country.map_or(0, |c| c.iso_numeric),
                confidence_factor: if region { 0.85 } else { 1.0 },
                resolution: Resolution::Point,
                how: reason,
            };
        }
        trace.note(|| format!("{:?} not in the gazetteer: {}", mention.text, reason));
        // A place the gazetteer lacks is kept by name at the smallest region the text gives.
        let governorate = admin1_hint.and_then(|code| gazetteer.governorate(HOME_COUNTRY, &code));
        match governorate {
            Some(g) => Placed {
                location: mention.text.clone(),
                resolution: Resolution::Unresolved,
                ..Placed::governorate(g, gazetteer, 0.9, format!("placed in {} governorate", g.name))
            },
            None => Placed::country(mention, gazetteer),
        }
    }
}

struct Placed {
    location: String,
    geonameid: Option<u32>,
    pcode: Option<String>,
    admin2: Option<String>,
    admin3: Option<String>,
    latitude: Option<f64>,
    longitude: Option<f64>,
    geo_precision: u8,
    admin1: Option<String>,
    country: String,
    iso: u16,
    confidence_factor: f64,
    resolution: Resolution,
    how: String,
}

/// Syria's ISO 3166 number: places elsewhere are rarely the war's events.
const SYRIA_ISO: u16 = 760;

impl Placed {
    fn governorate(g: &frontline_gazetteer::Governorate, gazetteer: &Gazetteer, factor: f64, how: String) -> Placed {
        let country = gazetteer.country(&g.country);
        Placed {
            location: g.name.clone(),
            geonameid: None,
            pcode: None,
            admin2: None,
            admin3: None,
            latitude: Some(g.latitude),
            longitude: Some(g.longitude),
            geo_precision: 3,
            admin1: Some(g.name.clone()),
            country: country.map_or_else(|| g.country.clone(), |c| c.name.clone()),
            iso: country.map_or(0, |c| c.iso_numeric),
            confidence_factor: factor,
            resolution: Resolution::Governorate,
            how,
        }
    }

    fn country(mention: &PlaceMention, gazetteer: &Gazetteer) -> Placed {
        let country = gazetteer.country(HOME_COUNTRY);
        Placed {
            location: mention.text.clone(),
            geonameid: None,
            pcode: None,
            admin2: None,
            admin3: None,
            latitude: country.map(|c| c.latitude),
            longitude: country.map(|c| c.longitude),
            geo_precision: 3,
            admin1: None,
            country: country.map_or_else(|| HOME_COUNTRY.to_string(), |c| c.name.clone()),
            iso: country.map_or(0, |c| c.iso_numeric),
            confidence_factor: 0.8,
            resolution: Resolution::Unresolved,
            how: "no region given: placed in the country".into(),
        }
    }
}

fn syrian_state() -> ActorId {
    ActorId::parse("SYR_GOV").expect("SYR_GOV is in the actor table")
}

/// Government gains: the Syrian state and the forces fighting on its side.
fn sides_with_state(actor: ActorId) -> bool {
    matches!(actor.as_str(), "SYR_GOV" | "RUS" | "IRN" | "HEZ")
}

/// A territory change names a town, or a region that is not a whole governorate.
fn is_territory_object(place: &PlaceMention) -> bool {
    matches!(place.role, PlaceRole::Site | PlaceRole::Region { admin1: None })
}

fn is_event_kind(kind: TriggerKind) -> bool {
    !matches!(kind, TriggerKind::Kill | TriggerKind::Wound)
}

fn actor_fields(actor: Option<&ActorMention>) -> (Option<ActorId>, Option<String>, Option<String>) {
    match actor {
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

/// The sentence's toll goes to its first event; the others of the same sentence report the
/// same toll and must not count it again.
fn attach_casualties(events: &mut [Proposed], casualties: &Casualties) {
    if let Some(first) = events.first_mut().map(|p| &mut p.event) {
        first.fatalities = casualties.killed.unwrap_or(0);
        first.civilian_fatalities = casualties.civilians_killed;
        first.child_fatalities = casualties.children_killed;
        first.injuries = casualties.injured;
    }
}

fn overlaps(a: &Event, b: &Event) -> bool {
    match (a.date_start, a.date_end, b.date_start, b.date_end) {
        (Some(s1), Some(e1), Some(s2), Some(e2)) => s1 <= e2 && s2 <= e1,
        _ => true,
    }
}

fn place_key(e: &Event) -> String {
    e.geonameid.map_or_else(|| frontline_gazetteer::fold_mention(&e.mention), |id| id.to_string())
}

/// ACLED's rule within one article: one event per type, place and day. Two readings of the
/// same event keep the narrower date window, the higher toll and the higher confidence.
fn one_per_type_place_and_day(events: Vec<Proposed>) -> Vec<Proposed> {
    let mut kept: Vec<Proposed> = Vec::new();
    for proposed in events {
        let event = &proposed.event;
        let same = kept.iter_mut().find(|k| {
            let k = &k.event;
            k.sub_event_type == event.sub_event_type && place_key(k) == place_key(event) && overlaps(k, event)
        });
        match same {
            None => kept.push(proposed),
            Some(existing) => {
                let fatalities = existing.event.fatalities.max(event.fatalities);
                let confidence = existing.event.confidence.max(event.confidence);
                // A place the article returns to is a stronger candidate than either reading.
                let mut features = std::mem::take(&mut existing.features);
                if !features.iter().any(|f| f == READ_TWICE) {
                    features.push(READ_TWICE.to_string());
                }
                if event.window_days() < existing.event.window_days() {
                    *existing = proposed;
                }
                existing.features = features;
                existing.event.fatalities = fatalities;
                existing.event.confidence = confidence;
            }
        }
    }
    kept
}

/// The feature of a candidate read in more than one sentence.
const READ_TWICE: &str = "read_twice";
