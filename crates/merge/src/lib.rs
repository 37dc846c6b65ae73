//! One event per real event, and who held which place when.
//!
//! Events read from different articles (and languages) that report the same thing merge:
//! same sub-event type, same place, overlapping date windows, compatible actors. Merging is
//! done per block (type and place), and within a block the clusters are the connected
//! groups of the "same event" relation over events sorted by id, so the result does not
//! depend on the order articles arrived in. Territory events then give each place its
//! sequence of control states.

mod control;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use frontline_core::{Event, MergedEvent, Source};

pub use control::{control_at, timelines, ControlState, PlaceTimeline};

/// The block an event merges within: its sub-event type and place.
pub fn block_of(event: &Event) -> (String, String) {
    (event.sub_event_type.as_str().to_string(), event.place_key())
}

fn windows_overlap(a: &Event, b: &Event) -> bool {
    match (a.date_start, a.date_end, b.date_start, b.date_end) {
        (Some(s1), Some(e1), Some(s2), Some(e2)) => s1 <= e2 && s2 <= e1,
        // Undated events merge only with undated ones: a date may not be invented.
        (None, None, None, None) => true,
        _ => false,
    }
}

/// Actors are compatible when unnamed on one side, equal, or one names the other as its
/// associate ("Russian and Syrian warplanes" against "Syrian warplanes").
fn actors_compatible(a: &Event, b: &Event) -> bool {
    match (a.actor1_id, b.actor1_id) {
        (Some(x), Some(y)) if x != y => {
            let names = |e: &Event| e.assoc_actor_1.clone().unwrap_or_default();
            names(a).contains(y.display_name()) || names(b).contains(x.display_name())
        }
        _ => true,
    }
}

/// Whether two events of one block report the same event.
pub fn same_event(a: &Event, b: &Event) -> bool {
    block_of(a) == block_of(b) && linked(a, b)
}

/// [`same_event`] for two events already known to share a block.
fn linked(a: &Event, b: &Event) -> bool {
    a.article_id != b.article_id && windows_overlap(a, b) && actors_compatible(a, b)
}

/// Which of two events of a cluster gives the merged event its fields: the narrowest
/// window, then the place known most precisely, then the most confident, then the smaller id.
pub fn more_precise(a: &Event, b: &Event) -> std::cmp::Ordering {
    a.window_days()
        .cmp(&b.window_days())
        .then(a.geo_precision.cmp(&b.geo_precision))
        .then(b.confidence.total_cmp(&a.confidence))
        .then(a.event_id.cmp(&b.event_id))
}

/// A member's share of its merged event's id. The id is the sum of its members' shares, so
/// that a member joining a merged event of any size changes its id in constant time, and
/// the id does not depend on the order members arrived in.
pub fn member_share(event_id: &str) -> u64 {
    let hex = frontline_core::short_hash(&[event_id]);
    u64::from_str_radix(&hex, 16).unwrap_or_default()
}

/// The id of a merged event whose members' shares sum to `sum`.
pub fn merged_id(sum: u64) -> String {
    format!("{sum:016x}")
}

/// Merges the events of one block. `published` gives an article's publication date, used to
/// tell a later toll from a disagreement.
pub fn merge_block(events: &[Event], published: &dyn Fn(&str) -> Option<NaiveDate>) -> Vec<MergedEvent> {
    let mut sorted: Vec<&Event> = events.iter().collect();
    sorted.sort_by(|a, b| a.event_id.cmp(&b.event_id));
    // Each event's block, once: comparing them pair by pair must not allocate.
    let blocks: Vec<(String, String)> = sorted.iter().map(|e| block_of(e)).collect();
    let mut parent: Vec<usize> = (0..sorted.len()).collect();
    for i in 0..sorted.len() {
        for j in (i + 1)..sorted.len() {
            if blocks[i] == blocks[j] && linked(sorted[i], sorted[j]) {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                parent[ri.max(rj)] = ri.min(rj);
            }
        }
    }
    let mut clusters: BTreeMap<usize, Vec<&Event>> = BTreeMap::new();
    for (i, event) in sorted.iter().enumerate() {
        let r = root(&mut parent, i);
        clusters.entry(r).or_default().push(event);
    }
    clusters.into_values().map(|members| merge_cluster(&members, published)).collect()
}

fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Builds one merged event: the most precise member (narrowest window, then placed most
/// precisely, then most confident) gives the fields; the window is the intersection of the
/// members' windows when they share days; the toll follows ACLED's conservative rule.
fn merge_cluster(members: &[&Event], published: &dyn Fn(&str) -> Option<NaiveDate>) -> MergedEvent {
    let best = members.iter().min_by(|a, b| more_precise(a, b)).copied().expect("a cluster has members");
    let mut event = best.clone();
    let start = members.iter().filter_map(|e| e.date_start).max();
    let end = members.iter().filter_map(|e| e.date_end).min();
    if let (Some(s), Some(t)) = (start, end) {
        if s <= t {
            event.date_start = Some(s);
            event.date_end = Some(t);
            event.event_date = (s == t).then_some(s);
            let span = (t - s).num_days();
            event.time_precision = frontline_core::time_precision(span);
        }
    }
    event.fatalities = conservative_toll(members, published);
    event.confidence = members.iter().map(|e| e.confidence).fold(0.0, f64::max);
    let mut sources: Vec<Source> = members.iter().map(|e| Source::of(e, published(&e.article_id))).collect();
    sources.sort_by(|a, b| a.article_id.cmp(&b.article_id).then(a.event_id.cmp(&b.event_id)));
    event.event_id = merged_id(sources.iter().fold(0u64, |sum, s| sum.wrapping_add(member_share(&s.event_id))));
    event.article_id = sources.first().map(|s| s.article_id.clone()).unwrap_or_default();
    MergedEvent { event, sources }
}

/// ACLED's rule: when sources disagree, the lower figure, unless one reports a later toll
/// (an article published after the others): then the latest article's figure.
fn conservative_toll(members: &[&Event], published: &dyn Fn(&str) -> Option<NaiveDate>) -> u32 {
    let reported: Vec<(Option<NaiveDate>, u32)> =
        members.iter().filter(|e| e.fatalities > 0).map(|e| (published(&e.article_id), e.fatalities)).collect();
    let latest = reported.iter().map(|(d, _)| *d).max().flatten();
    let earlier_exists = reported.iter().any(|(d, _)| *d != latest);
    let pool: Vec<u32> = if latest.is_some() && earlier_exists {
        reported.iter().filter(|(d, _)| *d == latest).map(|(_, f)| *f).collect()
    } else {
        reported.iter().map(|(_, f)| *f).collect()
    };
    pool.into_iter().min().unwrap_or(0)
}

#[cfg(test)]
mod tests;
