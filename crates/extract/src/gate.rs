//! The gate: the language's trained models decide each proposed event's sub-event type and
//! whether it is kept (with the model's probability, calibrated, as its confidence); an
//! event whose text names no actor takes the actor that usually carries out its type.

use frontline_core::short::compare;
use frontline_core::{ActorId, Event, SubEventType};
use frontline_lang::{Calibration, LanguagePack};

use crate::features::LanguageModels;
use crate::proposed::{Proposals, Proposed};

/// A candidate whose text names no actor1 takes the actor that, in the gold, most often
/// carries out its type in its year and governorate (the language's `#actor` lines), when
/// there is one; not one whose text says its doer is unknown.
// In place: a proposed event is large, and moving it in and out cost more than the test.
pub(crate) fn with_usual_actor(candidate: &mut Proposed, pack: &LanguagePack) {
    let event = &mut candidate.event;
    if event.actor1_id.is_some() || candidate.doer_unknown {
        return;
    }
    let Some(year) = event.date_end.or(event.event_date).map(|d| chrono::Datelike::year(&d)) else {
        return;
    };
    let usual = pack.weights.usual_actor(event.sub_event_type.as_str(), year, event.admin1.as_deref());
    if let Some(actor) = usual.and_then(ActorId::parse) {
        event.actor1_id = Some(actor);
        event.actor1 = Some(actor.display_name().to_string());
    }
}

/// The candidate with the sub-event type the language's type model gives it (the rules'
/// type is one of the features it weighs); as the rules typed it when no model was trained.
pub(crate) fn typed(candidate: &mut Proposed, pack: &LanguagePack) {
    let best = pack.weights.best_type(candidate.type_features.iter().map(String::as_str));
    let Some(sub) = best.and_then(|(name, _)| SubEventType::parse(name)) else { return };
    if sub != candidate.event.sub_event_type {
        // The real-event features that name the type follow it, as `retype_candidate`
        // renames them.
        retype_candidate(&mut candidate.event, &mut [], sub);
        candidate.candidate.sub_event_type = sub;
    }
}

/// Gives a proposed event another sub-event type for what the discourse tells of it: its
/// event, the facts the real-event model weighs and the type the rules chose among the type
/// model's features (`rule=`), as if the rules had typed it so.
pub(crate) fn retype_proposed(proposed: &mut Proposed, new: SubEventType) {
    let old = proposed.event.sub_event_type;
    retype_candidate(&mut proposed.event, &mut [], new);
    proposed.candidate.sub_event_type = new;
    let (from, to) = (format!("rule={}", old.as_str()), format!("rule={}", new.as_str()));
    for feature in proposed.type_features.iter_mut().filter(|f| **f == from) {
        feature.clone_from(&to);
    }
    proposed.type_features.sort_by(|a, b| compare(a, b));
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

/// The candidates the language's real-event model keeps, all of them as the rules made them
/// when no model was trained; each with its score (the confidence model's probability, else
/// the real-event model's, else the rules' confidence) made the chance that it is right by
/// the language's calibration, when `frontline train` fitted one.
pub(crate) fn weighed(
    mut candidates: Proposals,
    models: &LanguageModels,
    calibration: Option<&Calibration>,
) -> Proposals {
    // Kept in place, in order: a proposed event is large, and each was moved out and back.
    candidates.retain_mut(|c| {
        let kept_by = match &models.real_event {
            Some(model) => {
                let p = model.probability(&c.candidate);
                if p < model.threshold() {
                    return false;
                }
                p
            }
            None => c.event.confidence,
        };
        let score = models.confidence.as_ref().map_or(kept_by, |model| model.probability(&c.candidate));
        let confidence = calibration.map_or(score, |calibration| calibration.apply(score));
        c.event.confidence = (confidence * 100.0).round() / 100.0;
        true
    });
    candidates
}
