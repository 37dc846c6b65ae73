//! The orchestrator: an article's sentences are spotted, each prose sentence is read into
//! candidate frames through the discourse of the sentences before it, each frame becomes a
//! proposed event (its place resolved, its date chosen), the gate types and weighs them, and
//! one event is kept per type, place and day.
//!
//! The stages, each its own module: `segment` and `spot` (sentences and their mentions),
//! `context` (what the whole article establishes), `frames` (triggers with their role
//! slots), `discourse` (what earlier sentences established), `place` (place resolution),
//! `proposed` (a frame made an event, with its features), `gate` (the trained models and
//! the usual actor), `dedupe` (one event per type, place and day).

use std::cell::OnceCell;

use frontline_core::{ActorId, Article, Event, SubEventType};
use frontline_gazetteer::Gazetteer;
use frontline_lang::LanguagePack;

use crate::casualties;
use crate::context::ArticleContext;
use crate::dates::{before_news_window, best_for, DateWindow};
use crate::dedupe::{
    attacks_by_suicide_bombers, battles_by_outcome, bombs_by_suicide, one_per_type_place_and_day,
    protests_by_intervention, protests_met_by_placeless_interventions, raids_by_detentions, raids_made_detentions,
    summaries_of_details, without_unopposed_raids,
};
use crate::discourse::{
    details_after_a_governorate, people_stay_people, resolve_group_anaphora, resolve_place_anaphora, Discourse,
    LEAD_SENTENCES,
};
use crate::features::{EventFeatures, LanguageModels, Resolution};
use crate::gate::{retype_proposed, typed, weighed, with_usual_actor};
use crate::place::SYRIA_ISO;
use crate::proposed::{Proposals, Proposed};
use crate::reader::SentenceReader;
use crate::segment::{sentences, Sentence, SentenceKind};
use crate::spot::{spot, Spotted};
use crate::trace::SentenceTrace;

/// ACLED's time precision of a window of a month or more.
const MONTH_PRECISION: u8 = 3;

/// A figure the article gives over a period or without a place: kept on the article, not
/// made an event.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub killed: Option<u32>,
    pub injured: Option<u32>,
    pub evidence: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    pub events: Vec<Event>,
    /// The features of each event, in the order of `events`: what the trained model
    /// weighed (`frontline train` learns from them), named when iterated.
    pub features: EventFeatures,
    /// What the type model weighed of each event, in the order of `events`: empty for each
    /// when the pack has weights but no type model (as the built-in packs), which nothing
    /// would read.
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

/// How much of the reading an extraction keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Events, figures and the article's note.
    Events,
    /// Also how each sentence was read.
    Trace,
}

/// The events of an article, with its figures, and the trace of each sentence when the
/// reading is explained.
pub fn extract(
    article: &Article,
    pack: &LanguagePack,
    models: &LanguageModels,
    gazetteer: &Gazetteer,
    detail: Detail,
) -> Extraction {
    let recording = detail == Detail::Trace;
    let mut split = sentences(&article.text, pack);
    let mut spotted = spot_prose(&mut split, article, pack, gazetteer);
    people_stay_people(&mut spotted, gazetteer);
    let context = ArticleContext::new(article, pack, gazetteer, &spotted);
    // The headline's mentions, read at most once: for a place noun the body names no town
    // for, and for a body that tells no event.
    let headline: OnceCell<Option<(usize, Spotted)>> = OnceCell::new();
    let read_headline = || {
        headline
            .get_or_init(|| {
                headline_of(&split, pack).map(|(index, headline)| {
                    (index, spot(headline.text, pack.tokenize(headline.text), pack, gazetteer, article.published))
                })
            })
            .as_ref()
            .map(|(index, spotted)| (*index, spotted))
    };
    resolve_place_anaphora(&split, &mut spotted, &context, read_headline);
    details_after_a_governorate(&mut spotted, &context);
    resolve_group_anaphora(&split, &mut spotted, pack);
    let mut proposed: Proposals = Vec::new();
    let mut prose_index = 0;
    let mut discourse = Discourse::default();
    let mut extraction = Extraction::default();
    // The side the report says owns its attacks ("ISIS claimed responsibility").
    let mut owner: Option<ActorId> = None;
    for (index, (sentence, spotted)) in split.iter().zip(&spotted).enumerate() {
        let mut trace = SentenceTrace::new(sentence, recording);
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
            owner = owner.or_else(|| reader.owner_of_attacks());
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
    // A report whose body tells no event may tell it in its headline alone (a short item, a
    // page that kept little of its body): the headline is read as prose then.
    if proposed.is_empty() {
        if let Some((index, spotted)) = read_headline() {
            let headline = &split[index];
            let mut trace = SentenceTrace::new(headline, recording);
            trace.note(|| "the body tells no event: its headline is read as prose".to_string());
            let reader = SentenceReader {
                ctx: &context,
                spotted,
                index,
                prose_index,
                start: headline.start,
                text: headline.text,
            };
            let events = reader.read(&mut discourse, &mut trace, &mut extraction.figures);
            if recording {
                trace.events = events.iter().map(|e| e.event.event_id.clone()).collect();
                extraction.sentences.push(trace);
            }
            proposed.extend(events);
        }
    }
    for p in proposed.iter_mut().filter(|p| {
        p.event.sub_event_type == SubEventType::RemoteExplosive
            && discourse.suicide_told.contains(&p.candidate.sentence)
    }) {
        retype_proposed(p, SubEventType::SuicideBomb);
    }
    attacks_by_suicide_bombers(&mut proposed);
    if let Some(owner) = owner {
        for p in proposed.iter_mut().filter(|p| is_ownable(p)) {
            p.event.actor1_id = Some(owner);
            p.event.actor1 = Some(owner.display_name().to_string());
        }
    }
    for p in &mut proposed {
        typed(p, pack);
        with_usual_actor(p, pack);
    }
    protests_met_by_placeless_interventions(&mut proposed, &discourse.placeless_interventions);
    raids_made_detentions(&mut proposed, &discourse.placeless_detentions);
    without_unopposed_raids(&mut proposed);
    // The clash a battle's outcome subsumes, and the peaceful reading of a protest that was
    // dispersed, go only when the model keeps the outcome.
    let weighed = weighed(one_per_type_place_and_day(proposed), models, pack.weights.calibration.as_ref());
    let kept_events = summaries_of_details(bombs_by_suicide(protests_by_intervention(raids_by_detentions(
        battles_by_outcome(weighed),
    ))));
    // Sized once: an event is large, and each growth copied those before it.
    extraction.events.reserve_exact(kept_events.len());
    extraction.type_features.reserve_exact(kept_events.len());
    for kept in kept_events {
        // Its parts moved out of the box one by one, not the whole moved out first.
        let Proposed { mut event, candidate, type_features, .. } = *kept;
        if event.event_id.is_empty() {
            event.event_id = event.derive_id();
        }
        extraction.features.push(candidate);
        extraction.events.push(event);
        extraction.type_features.push(type_features);
    }
    extraction
}

/// An attack a side may claim, told with no doer: a bombing or an attack on people whose
/// doer the text neither names nor calls unknown.
fn is_ownable(p: &Proposed) -> bool {
    matches!(p.event.sub_event_type, SubEventType::RemoteExplosive | SubEventType::SuicideBomb | SubEventType::Attack)
        && p.event.actor1_id.is_none()
        && !p.doer_unknown
}

/// The fewest words a headline has: shorter lines before the body are datelines, bylines
/// and dates.
const HEADLINE_MIN_WORDS: usize = 4;

/// The report's headline: the first line before its body long enough to be one.
fn headline_of<'a, 't>(split: &'a [Sentence<'t>], pack: &LanguagePack) -> Option<(usize, &'a Sentence<'t>)> {
    let body = split.iter().position(|s| s.kind == SentenceKind::Body).unwrap_or(split.len());
    split[..body].iter().enumerate().find(|(_, s)| {
        s.kind == SentenceKind::Heading
            && pack.tokenize(s.text).iter().filter(|t| t.kind == frontline_lang::TokenKind::Word).count()
                >= HEADLINE_MIN_WORDS
    })
}

/// The mentions of each prose sentence (`None` for headings, captions, credit lines); the
/// sentences give up their tokens to them.
fn spot_prose<'a>(
    split: &mut [Sentence<'a>],
    article: &Article,
    pack: &LanguagePack,
    gazetteer: &Gazetteer,
) -> Vec<Option<Spotted<'a>>> {
    split
        .iter_mut()
        .map(|s| {
            let tokens = std::mem::take(&mut s.tokens);
            (s.kind == SentenceKind::Body).then(|| spot(s.text, tokens, pack, gazetteer, article.published))
        })
        .collect()
}

impl<'a, 's> SentenceReader<'a, 's> {
    /// The window an undated sentence takes from the dated one before it. A sentence that
    /// reports, before its event, what a side announced ("وأعلن جيش العزة السيطرة على ...")
    /// brings a new statement, of the day it was made as often as of the episode told
    /// before: its events happened on that episode's day or after it, up to publication. A
    /// monitor or an agency quoted on the episode (a named source) goes on telling it.
    fn carried_into_claim(&self, carried: &DateWindow, trigger: usize) -> DateWindow {
        let s = self.spotted;
        let claimed = s.sources.is_empty() && self.claim_before(trigger);
        match self.ctx.article.published {
            Some(published) if claimed => carried.through(published, "carried into a statement made by publication"),
            _ => carried.clone(),
        }
    }

    /// The proposed events of one prose sentence; a toll it gives without an event, or over
    /// a period, is kept as a figure of the article.
    fn read(&self, discourse: &mut Discourse<'a>, trace: &mut SentenceTrace, figures: &mut Vec<Figure>) -> Proposals {
        self.describe(trace);
        let casualties = casualties::read(self.spotted, self.ctx.pack);
        let mut frames = self.frames(discourse, trace);
        discourse.remember_subject(self.spotted, self.blamed());
        if !casualties.is_empty() && (frames.is_empty() || self.spotted.aggregate) {
            figures.push(Figure {
                killed: casualties.killed,
                injured: casualties.injured,
                evidence: self.text.to_string(),
            });
        }
        let carried = discourse.carried_window();
        // The window this sentence's events take (the date nearest their trigger), else the
        // last day it states: a dateline comes first, the event's own day after it; a month
        // or a year it also names ("the worst toll since 2011") dates no episode.
        let stated = frames
            .first()
            .and_then(|f| best_for(&self.spotted.dates, f.trigger.start))
            .or_else(|| self.spotted.dates.iter().rev().find(|d| d.window.precision < MONTH_PRECISION))
            .map(|d| d.anchored_at(carried.as_ref().and_then(|c| c.end)));
        if !self.spotted.aggregate {
            if let Some(first) = frames.first_mut() {
                first.casualties = Some(casualties);
            }
        }
        let mut events: Proposals = Vec::new();
        for mut frame in frames {
            // Two triggers of one sentence naming the same type at the same place tell of
            // one event.
            if events
                .iter()
                .any(|e| e.event.sub_event_type == frame.sub_event_type && e.event.mention == frame.place.text)
            {
                continue;
            }
            if self.spotted.dates.is_empty() && frame.time.is_none() {
                frame.time = carried.as_ref().map(|w| self.carried_into_claim(w, frame.trigger.start));
            }
            let announced_place = frame.place.after_place_noun || self.listed_with_a_known_place(frame.place);
            let proposed = self.build(frame, discourse, trace);
            // frontline covers one country: a place the gazetteer puts abroad ("Genève",
            // "Tel-Aviv") is where talks are held or a side sits, not where the event is.
            if proposed.event.iso != SYRIA_ISO {
                trace.note(|| format!("{:?} is abroad: no event there", proposed.event.location));
                continue;
            }
            // A name the gazetteer does not know is a person's, a party's or a people's far
            // more often than a village's, unless a place noun announces it ("the village of
            // X") or it is an item of a list of places the gazetteer knows.
            if proposed.candidate.resolution == Resolution::Unresolved && !announced_place {
                trace.note(|| format!("{:?}: unknown, and announced as no place: no event", proposed.event.mention));
                continue;
            }
            if proposed.over_a_period {
                trace.note(|| "told over a period of a month or more: a tally or background".to_string());
                continue;
            }
            if before_news_window(proposed.event.date_end, self.ctx.article.published) {
                trace.note(|| format!("dated before the news window (ends {:?}): background", proposed.event.date_end));
                continue;
            }
            events.push(proposed);
        }
        // A month or a longer span dates a period the report recalls ("since December
        // 2024"), not the episode the next sentence goes on telling.
        if let Some(window) = stated.filter(|w| w.precision < MONTH_PRECISION) {
            discourse.remember_window(window);
        }
        if discourse.first_city.is_none() && self.prose_index < LEAD_SENTENCES {
            discourse.first_city = self.first_city_named();
        }
        events
    }
}
