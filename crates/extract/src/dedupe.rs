//! One event per type, place and day within an article (ACLED's rule): two readings of the
//! same event become one.

use frontline_core::Event;

use crate::proposed::Proposed;

/// Whether two events' date windows share a day (an event without one overlaps any).
fn overlaps(a: &Event, b: &Event) -> bool {
    match (a.date_start, a.date_end, b.date_start, b.date_end) {
        (Some(s1), Some(e1), Some(s2), Some(e2)) => s1 <= e2 && s2 <= e1,
        _ => true,
    }
}

/// The place an event is counted at: its gazetteer point, else its name as written, folded.
fn place_key(e: &Event) -> String {
    e.geonameid.map_or_else(|| frontline_gazetteer::fold_mention(&e.mention), |id| id.to_string())
}

/// ACLED's rule within one article: one event per type, place and day. Two readings of the
/// same event keep the narrower date window, the higher toll and the higher confidence.
pub(crate) fn one_per_type_place_and_day(events: Vec<Proposed>) -> Vec<Proposed> {
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
                // The first reading's features stay, marked as read twice; the narrower
                // reading's event and type features replace the first's.
                let mut candidate = existing.candidate.clone();
                candidate.read_twice = true;
                if event.window_days() < existing.event.window_days() {
                    *existing = proposed;
                }
                existing.candidate = candidate;
                existing.event.fatalities = fatalities;
                existing.event.confidence = confidence;
            }
        }
    }
    kept
}
