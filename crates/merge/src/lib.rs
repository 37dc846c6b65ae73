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
use frontline_core::{ActorId, Event, MergedEvent, Source};

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
    actors_agree(a, b.actor1_id, b.assoc_actor_1.as_deref())
}

/// [`actors_compatible`] for an event and the first actor and associates of another.
pub fn actors_agree(a: &Event, actor1: Option<ActorId>, assoc_actor_1: Option<&str>) -> bool {
    match (a.actor1_id, actor1) {
        (Some(x), Some(y)) if x != y => {
            a.assoc_actor_1.as_deref().unwrap_or_default().contains(y.display_name())
                || assoc_actor_1.unwrap_or_default().contains(x.display_name())
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
/// precisely, then most confident) gives the fields; the members together give the rest
/// (see [`Tally`]).
fn merge_cluster(members: &[&Event], published: &dyn Fn(&str) -> Option<NaiveDate>) -> MergedEvent {
    let best = members.iter().min_by(|a, b| more_precise(a, b)).copied().expect("a cluster has members");
    let mut tally = Tally::default();
    for member in members {
        tally.add(member, published(&member.article_id));
    }
    let mut event = best.clone();
    tally.apply(&mut event);
    let mut sources: Vec<Source> = members.iter().map(|e| Source::of(e, published(&e.article_id))).collect();
    sources.sort_by(|a, b| a.article_id.cmp(&b.article_id).then(a.event_id.cmp(&b.event_id)));
    event.article_id = sources.first().map(|s| s.article_id.clone()).unwrap_or_default();
    MergedEvent { event, sources }
}

/// What the members of a merged event give it together, beyond the fields of the most
/// precise one: the window they share, the highest confidence, the id (the sum of their
/// shares) and the toll. Each member adds to it in constant time, so that a store can keep
/// it and let an event join a merged event of any size without reading its members.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Tally {
    /// The latest start and the earliest end of the members' windows.
    pub latest_start: Option<NaiveDate>,
    pub earliest_end: Option<NaiveDate>,
    pub confidence: f64,
    pub share_sum: u64,
    pub toll: Toll,
    /// How many members it has.
    pub members: u32,
}

impl Tally {
    /// The tally of one member, from an article published on `published`.
    pub fn of(member: &Event, published: Option<NaiveDate>) -> Tally {
        Tally {
            latest_start: member.date_start,
            earliest_end: member.date_end,
            confidence: member.confidence,
            share_sum: member_share(&member.event_id),
            toll: Toll::of(published, member.fatalities),
            members: 1,
        }
    }

    /// Adds a member, from an article published on `published`.
    pub fn add(&mut self, member: &Event, published: Option<NaiveDate>) {
        self.absorb(&Tally::of(member, published));
    }

    /// Takes in the members of another merged event, which an event has linked to these.
    pub fn absorb(&mut self, other: &Tally) {
        self.latest_start = self.latest_start.max(other.latest_start);
        self.earliest_end = match (self.earliest_end, other.earliest_end) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.confidence = self.confidence.max(other.confidence);
        self.share_sum = self.share_sum.wrapping_add(other.share_sum);
        self.toll.absorb(&other.toll);
        self.members += other.members;
    }

    /// Gives `event` (the most precise member's fields) what the members make together: the
    /// days their windows share, if they share any (else its own window stands), the toll,
    /// the highest confidence, the id.
    pub fn apply(&self, event: &mut Event) {
        if let (Some(s), Some(t)) = (self.latest_start, self.earliest_end) {
            if s <= t {
                event.date_start = Some(s);
                event.date_end = Some(t);
                event.event_date = (s == t).then_some(s);
                event.time_precision = frontline_core::time_precision((t - s).num_days());
            }
        }
        event.fatalities = self.toll.value();
        event.confidence = self.confidence;
        event.event_id = merged_id(self.share_sum);
    }
}

/// ACLED's rule for a toll that sources disagree on: the lower figure, unless one reports a
/// later toll (an article published after the others): then the latest article's figure.
/// Kept as the few figures the rule needs, so that a source adds to it in constant time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Toll {
    /// The lowest figure reported (None while no source reports one).
    pub least: Option<u32>,
    /// The latest day of publication among the sources that report a figure (None also
    /// when that day is unknown), and the lowest figure reported that day.
    pub latest: Option<NaiveDate>,
    pub least_latest: u32,
    /// Whether some source reporting a figure was published on another day than the latest.
    pub mixed: bool,
}

impl Toll {
    /// The figure of one source (0: it reports none), published on `published`.
    pub fn of(published: Option<NaiveDate>, figure: u32) -> Toll {
        if figure == 0 {
            return Toll::default();
        }
        Toll { least: Some(figure), latest: published, least_latest: figure, mixed: false }
    }

    /// Adds a source's figure (0: it reports none).
    pub fn add(&mut self, published: Option<NaiveDate>, figure: u32) {
        self.absorb(&Toll::of(published, figure));
    }

    /// Takes in the figures of another merged event's sources.
    pub fn absorb(&mut self, other: &Toll) {
        let (Some(least), Some(other_least)) = (self.least, other.least) else {
            if self.least.is_none() {
                *self = *other;
            }
            return;
        };
        self.least = Some(least.min(other_least));
        self.mixed |= other.mixed;
        match other.latest.cmp(&self.latest) {
            std::cmp::Ordering::Greater => {
                self.latest = other.latest;
                self.least_latest = other.least_latest;
                self.mixed = true;
            }
            std::cmp::Ordering::Equal => self.least_latest = self.least_latest.min(other.least_latest),
            std::cmp::Ordering::Less => self.mixed = true,
        }
    }

    /// The toll: the latest day's lowest figure when sources of several days report one and
    /// the latest day is known, else the lowest figure (0 when none is reported).
    pub fn value(&self) -> u32 {
        match self.least {
            None => 0,
            Some(_) if self.latest.is_some() && self.mixed => self.least_latest,
            Some(least) => least,
        }
    }
}

#[cfg(test)]
mod tests;
