//! One event per type, place and day within an article (ACLED's rule): two readings of the
//! same event become one.

use chrono::NaiveDate;
use frontline_core::{
    Event, EventType, SubEventType,
    SubEventType::{
        Abduction, ArmedClash, Arrests, Attack, PeacefulProtest, ProtestWithIntervention, RemoteExplosive, SuicideBomb,
    },
};
use frontline_lang::TriggerKind;

use crate::dates::DateWindow;
use crate::gate::retype_proposed;
use crate::proposed::{Proposals, Proposed};

/// Whether two events' date windows share a day (an event without one overlaps any).
fn overlaps(a: &Event, b: &Event) -> bool {
    share_a_day((a.date_start, a.date_end), (b.date_start, b.date_end))
}

/// Whether two windows, each a first and a last day, share a day (an open one shares any).
fn share_a_day(a: (Option<NaiveDate>, Option<NaiveDate>), b: (Option<NaiveDate>, Option<NaiveDate>)) -> bool {
    match (a, b) {
        ((Some(s1), Some(e1)), (Some(s2), Some(e2))) => s1 <= e2 && s2 <= e1,
        _ => true,
    }
}

/// A raid: an assault or a storming read as a clash.
fn is_raid(p: &Proposed) -> bool {
    p.event.sub_event_type == ArmedClash
        && matches!(p.candidate.trigger_kind, TriggerKind::Assault | TriggerKind::Storm)
}

/// What an event's place is, for telling two readings of one place apart from two places.
#[derive(PartialEq, Clone, Copy)]
enum PlaceKind {
    /// A place of the gazetteer, a town or a village.
    Gazetteer,
    /// A whole governorate, placed at its seat.
    Governorate,
    /// A village the gazetteer lacks, placed at its governorate's seat under its own name.
    NamedOnly,
}

impl PlaceKind {
    fn of(e: &Event) -> PlaceKind {
        if e.geonameid.is_some() || e.pcode.is_some() {
            PlaceKind::Gazetteer
        } else if e.admin1.as_deref() == Some(e.location.as_str()) {
            PlaceKind::Governorate
        } else {
            PlaceKind::NamedOnly
        }
    }
}

/// Where an event is counted: its point, what kind of place stands there, and the name of
/// a village the gazetteer lacks.
struct PlaceKey {
    point: Option<(i64, i64)>,
    kind: PlaceKind,
    name: String,
}

impl PlaceKey {
    fn of(e: &Event) -> PlaceKey {
        let point =
            e.latitude.zip(e.longitude).map(|(lat, lon)| ((lat * 1e3).round() as i64, (lon * 1e3).round() as i64));
        PlaceKey { point, kind: PlaceKind::of(e), name: frontline_gazetteer::fold_mention(&e.location) }
    }

    /// Two readings of one place: the same point read as the same kind of place (a town
    /// from GeoNames and from the village table is one), or a governorate and a place at
    /// its seat (the town, or a village the gazetteer lacks that the text names there); two
    /// villages the gazetteer lacks are one only by name.
    fn same_place(&self, other: &PlaceKey) -> bool {
        use PlaceKind::*;
        if self.point.is_none() || self.point != other.point {
            return self.point.is_none() && other.point.is_none() && self.name == other.name;
        }
        match (self.kind, other.kind) {
            (NamedOnly, NamedOnly) => self.name == other.name,
            (Gazetteer, NamedOnly) | (NamedOnly, Gazetteer) => false,
            _ => true,
        }
    }
}

/// ACLED's rule within one article: one event per type, place and day. Two readings of the
/// same event keep the narrower date window, the higher toll and the higher confidence.
pub(crate) fn one_per_type_place_and_day(events: Proposals) -> Proposals {
    // Each kept event's place key, worked out once, beside the kept events (apart from
    // them, so that the kept events are returned as they are, not moved once more).
    // Sized once for all (a proposed event is large: each growth copied those before it).
    let mut kept: Proposals = Vec::with_capacity(events.len());
    let mut kept_keys: Vec<PlaceKey> = Vec::with_capacity(events.len());
    for proposed in events {
        let event = &proposed.event;
        let key = PlaceKey::of(event);
        let same = kept.iter_mut().zip(kept_keys.iter_mut()).find(|(k, k_key)| {
            k.event.sub_event_type == event.sub_event_type && k_key.same_place(&key) && overlaps(&k.event, event)
        });
        match same {
            None => {
                kept.push(proposed);
                kept_keys.push(key);
            }
            Some((existing, existing_key)) => {
                let fatalities = existing.event.fatalities.max(event.fatalities);
                let confidence = existing.event.confidence.max(event.confidence);
                // The first reading's features stay, marked as read twice; the narrower
                // reading's event and type features replace the first's.
                let mut candidate = existing.candidate.clone();
                candidate.read_twice = true;
                // The place a governorate-wide reading and a named one share is the named one.
                let named = [(&existing.event, existing_key.kind), (event, key.kind)]
                    .into_iter()
                    .find(|(_, kind)| *kind != PlaceKind::Governorate)
                    .map(|(e, _)| (e.location.clone(), e.mention.clone()));
                if event.window_days() < existing.event.window_days() {
                    *existing = proposed;
                    *existing_key = key;
                }
                if let Some((location, mention)) = named.filter(|_| existing_key.kind == PlaceKind::Governorate) {
                    existing.event.location = location;
                    existing.event.mention = mention;
                    existing.event.event_id = existing.event.derive_id();
                    *existing_key = PlaceKey::of(&existing.event);
                }
                existing.candidate = candidate;
                existing.event.fatalities = fatalities;
                existing.event.confidence = confidence;
            }
        }
    }
    kept
}

/// A report that tells of strikes "across Idlib province" and then of those on named towns
/// of the province gives the province-wide reading as the summary of the details: an event
/// placed at a whole governorate goes where the same report places an event of its type,
/// on a day they share, at a town or village of that governorate (ACLED codes the details;
/// a province-wide total is not a place's toll).
pub(crate) fn summaries_of_details(events: Proposals) -> Proposals {
    // Only an event placed at a whole governorate may summarise others: without one, the
    // events stay as they are, with no key folded nor event moved.
    if !events.iter().any(|p| PlaceKind::of(&p.event) == PlaceKind::Governorate) {
        return events;
    }
    let keys: Vec<PlaceKey> = events.iter().map(|p| PlaceKey::of(&p.event)).collect();
    let summarises = |e: &Event, key: &PlaceKey| {
        key.kind == PlaceKind::Governorate
            && events.iter().zip(&keys).any(|(detail, detail_key)| {
                let detail = &detail.event;
                detail_key.kind != PlaceKind::Governorate
                    && detail.geo_precision < 3
                    && detail.sub_event_type == e.sub_event_type
                    && detail.admin1 == e.admin1
                    && overlaps(detail, e)
            })
    };
    let dropped: Vec<bool> = events.iter().zip(&keys).map(|(p, key)| summarises(&p.event, key)).collect();
    events.into_iter().zip(dropped).filter_map(|(p, dropped)| (!dropped).then_some(p)).collect()
}

/// A battle is coded once, by its outcome: where a report tells that a place changed hands
/// by fighting (a battle sub-type other than Armed clash) and also the assault on it that
/// day ("regime forces stormed the town", or "attacked it", and "the army recaptured it"),
/// the assault is the taking, and the outcome's event keeps the higher toll; so is the
/// fighting told as the way the place was won ("took the town after fierce clashes").
/// Clashes told as fighting between two sides ("fierce clashes unfolded there") stay an
/// event of their own, as the corpus codes them beside the place's fall.
pub(crate) fn battles_by_outcome(events: Proposals) -> Proposals {
    let storm = |p: &Proposed| {
        p.event.sub_event_type == ArmedClash
            && (matches!(p.candidate.trigger_kind, TriggerKind::Storm | TriggerKind::Assault) || p.means_of_a_taking)
    };
    let won = |e: &Event| e.sub_event_type.event_type() == EventType::Battles && e.sub_event_type != ArmedClash;
    subsumed_by_outcomes(events, storm, won, |outcome, clash| {
        outcome.fatalities = outcome.fatalities.max(clash.fatalities);
    })
}

/// A raid is coded once, by what it was for: where a report tells of forces that raided a
/// place (an assault or a storming read as a clash) and, the same day, of arrests or
/// abductions there, the raid is how they arrested or took people (ACLED codes the arrest),
/// not a battle.
pub(crate) fn raids_by_detentions(events: Proposals) -> Proposals {
    let detention = |e: &Event| matches!(e.sub_event_type, Arrests | Abduction);
    subsumed_by_outcomes(events, is_raid, detention, |_, _| {})
}

/// A protest is coded once, by what happened to it: where a report tells of a protest at a
/// place and, the same day, of that protest dispersed or fired on there, the peaceful
/// reading is the same protest told before its end, and the protest with intervention
/// stands for both, with the narrower date window of the two.
pub(crate) fn protests_by_intervention(events: Proposals) -> Proposals {
    let peaceful = |p: &Proposed| p.event.sub_event_type == PeacefulProtest;
    let intervened = |e: &Event| e.sub_event_type == ProtestWithIntervention;
    subsumed_by_outcomes(events, peaceful, intervened, |outcome, peaceful| {
        narrow_window(outcome, peaceful);
        outcome.fatalities = outcome.fatalities.max(peaceful.fatalities);
    })
}

/// A bombing is coded once, by how it was set off: where a report tells of a suicide
/// bombing at a place and, the same day, of a bomb or a car bomb exploding there, the bomb
/// is the one the bomber set off (ACLED codes a suicide car bomb as a suicide bomb), and the
/// suicide bombing keeps the higher toll and the narrower date window.
pub(crate) fn bombs_by_suicide(events: Proposals) -> Proposals {
    let bomb = |p: &Proposed| p.event.sub_event_type == RemoteExplosive;
    let suicide = |e: &Event| e.sub_event_type == SuicideBomb;
    subsumed_by_outcomes(events, bomb, suicide, |outcome, bomb| {
        narrow_window(outcome, bomb);
        outcome.fatalities = outcome.fatalities.max(bomb.fatalities);
    })
}

/// A suicide bomber's assault is the suicide bombing: an attack told in the sentence of a
/// suicide bombing, at its place ("opened fire inside the church before blowing himself
/// up"), is given its type, and one per type, place and day then makes the two one.
pub(crate) fn attacks_by_suicide_bombers(events: &mut [Box<Proposed>]) {
    let bombings: Vec<(usize, PlaceKey)> = events
        .iter()
        .filter(|p| p.event.sub_event_type == SuicideBomb)
        .map(|p| (p.candidate.sentence, PlaceKey::of(&p.event)))
        .collect();
    if bombings.is_empty() {
        return;
    }
    for p in events.iter_mut().filter(|p| p.event.sub_event_type == Attack) {
        let key = PlaceKey::of(&p.event);
        if bombings.iter().any(|(sentence, bombed)| *sentence == p.candidate.sentence && bombed.same_place(&key)) {
            retype_proposed(p, SuicideBomb);
        }
    }
}

/// A protest that forces dispersed or fired on where the report names no place ("security
/// forces opened fire on the protesters"): the protest told nearest the intervention (before
/// it, else after), on a day they share, was met with intervention there.
pub(crate) fn protests_met_by_placeless_interventions(
    events: &mut [Box<Proposed>],
    interventions: &[(usize, Option<DateWindow>)],
) {
    for (sentence, window) in interventions {
        let shares_a_day =
            |e: &Event| window.as_ref().is_none_or(|w| share_a_day((w.start, w.end), (e.date_start, e.date_end)));
        let nearest = events
            .iter()
            .filter(|p| p.event.sub_event_type == PeacefulProtest && shares_a_day(&p.event))
            .min_by_key(|p| (p.candidate.sentence > *sentence, p.candidate.sentence.abs_diff(*sentence)))
            .map(|p| PlaceKey::of(&p.event));
        let Some(place) = nearest else { continue };
        for p in events.iter_mut().filter(|p| {
            p.event.sub_event_type == PeacefulProtest
                && shares_a_day(&p.event)
                && PlaceKey::of(&p.event).same_place(&place)
        }) {
            retype_proposed(p, ProtestWithIntervention);
        }
    }
}

/// Forces that raided a place, then arrested or took people the next sentence places nowhere
/// ("HTS raided the house of an activist in Saraqib. They arrested him."): the raid was the
/// arrest, there (ACLED codes the arrest, as [`raids_by_detentions`] does within a sentence).
pub(crate) fn raids_made_detentions(events: &mut [Box<Proposed>], detentions: &[(usize, SubEventType)]) {
    for &(sentence, detention) in detentions {
        // A raid that met fighting ("déclenchant des affrontements") stays a clash.
        let raid_told_before = |p: &Proposed| {
            is_raid(p)
                && !p.met_fighting
                && p.event.actor2_id.is_none()
                && (p.candidate.sentence + 1 == sentence || p.candidate.sentence == sentence)
        };
        for p in events.iter_mut().filter(|p| raid_told_before(p)) {
            retype_proposed(p, detention);
        }
    }
}

/// An assault that met no defender the report tells of and that the reading made no other
/// event of (an arrest, an abduction) is no armed clash: ACLED's clash is between two armed
/// sides.
pub(crate) fn without_unopposed_raids(events: &mut Proposals) {
    events.retain(|p| !(p.unopposed && is_raid(p)));
}

/// Events that tell part of another's story are coded once, as the other: each event that
/// is a `part` goes where an `outcome` event is at its place on a day they share (the
/// first such), and `absorb` gives the outcome what the part told.
fn subsumed_by_outcomes(
    events: Proposals,
    part: impl Fn(&Proposed) -> bool,
    outcome: impl Fn(&Event) -> bool,
    absorb: impl Fn(&mut Event, &Event),
) -> Proposals {
    // Without a part to subsume (most reports), the events stay as they are, with no key
    // folded nor event moved.
    if !events.iter().any(|p| part(p)) {
        return events;
    }
    let keys: Vec<PlaceKey> = events.iter().map(|p| PlaceKey::of(&p.event)).collect();
    let outcome_of: Vec<Option<usize>> = events
        .iter()
        .zip(&keys)
        .map(|(p, key)| {
            part(p).then_some(())?;
            events
                .iter()
                .zip(&keys)
                .position(|(o, o_key)| outcome(&o.event) && o_key.same_place(key) && overlaps(&o.event, &p.event))
        })
        .collect();
    let mut events: Vec<Option<Box<Proposed>>> = events.into_iter().map(Some).collect();
    for (part, outcome) in outcome_of.iter().enumerate() {
        let Some(outcome) = *outcome else { continue };
        let Some(part) = events[part].take() else { continue };
        if let Some(o) = events[outcome].as_mut() {
            absorb(&mut o.event, &part.event);
        }
    }
    events.into_iter().flatten().collect()
}

/// The event takes the other reading's date window when it is the narrower.
fn narrow_window(event: &mut Event, other: &Event) {
    if other.window_days() < event.window_days() {
        event.event_date = other.event_date;
        event.date_start = other.date_start;
        event.date_end = other.date_end;
        event.time_precision = other.time_precision;
        // An id is derived once the event is kept, unless a traced reading listed it already.
        if !event.event_id.is_empty() {
            event.event_id = event.derive_id();
        }
    }
}
