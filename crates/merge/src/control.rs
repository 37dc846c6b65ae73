//! Control timelines: from the merged territory events of each place, who held it from
//! when until when. Two sides claiming a place over overlapping days make it contested.

use chrono::NaiveDate;
use frontline_core::{ActorId, Extent, MergedEvent};
use serde::Serialize;

/// One period of a place's control.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ControlState {
    /// The holder, or None when contested or unknown.
    pub held_by: Option<ActorId>,
    /// Every side claiming the place in this period (more than one: contested).
    pub claimants: Vec<ActorId>,
    pub extent: Extent,
    /// First day of the period (None only for a period no report dates).
    pub since: Option<NaiveDate>,
    /// First day of the next period (None: still the case at the last report).
    pub until: Option<NaiveDate>,
    /// Merged events that establish the period.
    pub events: Vec<String>,
    /// Articles that report it.
    pub articles: Vec<String>,
}

impl ControlState {
    pub fn contested(&self) -> bool {
        self.claimants.len() > 1
    }
}

/// The control history of one place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceTimeline {
    pub place_key: String,
    pub location: String,
    pub mention: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub admin1: Option<String>,
    pub states: Vec<ControlState>,
}

/// The day a change is certain: the end of its window.
fn change_day(event: &MergedEvent) -> Option<NaiveDate> {
    event.event.date_end.or(event.event.event_date)
}

fn overlap(a: &MergedEvent, b: &MergedEvent) -> bool {
    match (a.event.date_start, a.event.date_end, b.event.date_start, b.event.date_end) {
        (Some(s1), Some(e1), Some(s2), Some(e2)) => s1 <= e2 && s2 <= e1,
        _ => false,
    }
}

/// Timelines of every place that has territory events, by place key.
pub fn timelines(merged: &[MergedEvent]) -> Vec<PlaceTimeline> {
    let mut territory: Vec<&MergedEvent> =
        merged.iter().filter(|m| m.event.control.is_some() && change_day(m).is_some()).collect();
    territory.sort_by(|a, b| {
        a.event
            .place_key()
            .cmp(&b.event.place_key())
            .then(change_day(a).cmp(&change_day(b)))
            .then(a.event.event_id.cmp(&b.event.event_id))
    });
    let mut result: Vec<PlaceTimeline> = Vec::new();
    for group in territory.chunk_by(|a, b| a.event.place_key() == b.event.place_key()) {
        result.push(place_timeline(group));
    }
    result
}

fn place_timeline(events: &[&MergedEvent]) -> PlaceTimeline {
    let first = &events[0].event;
    let mut states: Vec<ControlState> = Vec::new();
    // The loser held the place when the first change began, and no report says since when:
    // the period starts with that change's window, not at the beginning of time (before
    // it, who held the place is unknown).
    if let Some(lost_by) = first.control.as_ref().and_then(|c| c.lost_by) {
        states.push(ControlState {
            held_by: Some(lost_by),
            claimants: vec![lost_by],
            extent: Extent::Full,
            since: first.date_start.or(change_day(events[0])),
            until: None,
            events: vec![first.event_id.clone()],
            articles: Vec::new(),
        });
    }
    // Changes whose windows overlap are one change point; several gainers make it contested.
    let mut i = 0;
    while i < events.len() {
        let mut j = i + 1;
        while j < events.len() && overlap(events[j - 1], events[j]) {
            j += 1;
        }
        let group = &events[i..j];
        let mut claimants: Vec<ActorId> =
            group.iter().filter_map(|m| m.event.control.as_ref().map(|c| c.gained_by)).collect();
        claimants.sort();
        claimants.dedup();
        let since = group.iter().filter_map(|m| change_day(m)).max();
        let extent = if group.iter().all(|m| m.event.control.as_ref().is_some_and(|c| c.extent == Extent::Full)) {
            Extent::Full
        } else {
            Extent::Partial
        };
        let mut articles: Vec<String> =
            group.iter().flat_map(|m| m.sources.iter().map(|s| s.article_id.clone())).collect();
        articles.sort();
        articles.dedup();
        if let Some(previous) = states.last_mut() {
            previous.until = since;
        }
        states.push(ControlState {
            held_by: (claimants.len() == 1).then(|| claimants[0]),
            claimants,
            extent,
            since,
            until: None,
            events: group.iter().map(|m| m.event.event_id.clone()).collect(),
            articles,
        });
        i = j;
    }
    PlaceTimeline {
        place_key: first.place_key(),
        location: first.location.clone(),
        mention: first.mention.clone(),
        latitude: first.latitude,
        longitude: first.longitude,
        admin1: first.admin1.clone(),
        states,
    }
}

/// Each place's state on a day: the period that covers it, if any.
pub fn control_at(timelines: &[PlaceTimeline], day: NaiveDate) -> Vec<(&PlaceTimeline, &ControlState)> {
    timelines
        .iter()
        .filter_map(|t| {
            t.states
                .iter()
                .find(|s| s.since.is_none_or(|since| since <= day) && s.until.is_none_or(|until| day < until))
                .map(|s| (t, s))
        })
        .collect()
}
