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

/// Where an event is counted: its point, and for a village the gazetteer lacks (placed at
/// its governorate's point), its name as well.
#[derive(PartialEq)]
struct PlaceKey {
    point: Option<(i64, i64)>,
    /// The folded name of a place known by name only; `None` for a place of the gazetteer.
    name: Option<String>,
}

impl PlaceKey {
    fn of(e: &Event) -> PlaceKey {
        let point =
            e.latitude.zip(e.longitude).map(|(lat, lon)| ((lat * 1e3).round() as i64, (lon * 1e3).round() as i64));
        let gazetteer_place =
            e.geonameid.is_some() || e.pcode.is_some() || e.admin1.as_deref() == Some(e.location.as_str());
        let name = (point.is_none() || !gazetteer_place).then(|| frontline_gazetteer::fold_mention(&e.location));
        PlaceKey { point, name }
    }

    /// The same place: the same point and name; or a place known by name only and a place
    /// of the gazetteer at the same point (a town read once from the gazetteer and once by a
    /// name it lacks, or as its governorate, is one place); two names the gazetteer lacks at
    /// their governorate's point stay two villages.
    fn same_place(&self, other: &PlaceKey) -> bool {
        self == other
            || (self.point.is_some() && self.point == other.point && (self.name.is_none() != other.name.is_none()))
    }
}

/// ACLED's rule within one article: one event per type, place and day. Two readings of the
/// same event keep the narrower date window, the higher toll and the higher confidence.
pub(crate) fn one_per_type_place_and_day(events: Vec<Proposed>) -> Vec<Proposed> {
    let mut kept: Vec<Proposed> = Vec::new();
    for proposed in events {
        let event = &proposed.event;
        let same = kept.iter_mut().find(|k| {
            let k = &k.event;
            k.sub_event_type == event.sub_event_type
                && PlaceKey::of(k).same_place(&PlaceKey::of(event))
                && overlaps(k, event)
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
