//! The output formats of frontline: events, merged events and control states as JSON
//! Lines, ACLED CSV, RFC 7946 GeoJSON and control CSV. The command line and the HTTP API
//! both write through here, so that they give the same columns and properties, and so that
//! the command line needs no HTTP stack to write a CSV file.

use std::collections::HashMap;

use chrono::Datelike;
use frontline_core::{Event, Extent, MergedEvent};
use frontline_merge::{ControlState, PlaceTimeline};
use serde::Serialize;
use serde_json::{json, Value};

#[cfg(feature = "parquet")]
mod parquet_file;
#[cfg(feature = "parquet")]
pub use parquet_file::{events_parquet, merged_parquet};

/// A record that could not be written.
#[derive(Debug, thiserror::Error)]
#[error("cannot write the output: {0}")]
pub struct FormatError(String);

fn format_error(error: impl std::fmt::Display) -> FormatError {
    FormatError(error.to_string())
}

/// One JSON record a line.
pub fn jsonl<T: Serialize>(records: &[T]) -> Result<Vec<u8>, FormatError> {
    let mut out = Vec::new();
    for record in records {
        serde_json::to_writer(&mut out, record).map_err(format_error)?;
        out.push(b'\n');
    }
    Ok(out)
}

fn point(lon: Option<f64>, lat: Option<f64>) -> Value {
    match (lon, lat) {
        (Some(lon), Some(lat)) => json!({"type": "Point", "coordinates": [lon, lat]}),
        _ => Value::Null,
    }
}

fn collection(features: Vec<Value>) -> Value {
    json!({"type": "FeatureCollection", "features": features})
}

/// Events (of one article, or merged) as features with the record as properties; events
/// without coordinates have a null geometry.
pub fn geojson<T: EventRecord>(records: &[T]) -> Result<Value, FormatError> {
    let mut features = Vec::with_capacity(records.len());
    for record in records {
        let event = record.event();
        features.push(json!({
            "type": "Feature",
            "id": event.event_id,
            "geometry": point(event.longitude, event.latitude),
            "properties": serde_json::to_value(record).map_err(format_error)?,
        }));
    }
    Ok(collection(features))
}

/// What events of one article and merged events have in common here.
pub trait EventRecord: Serialize {
    fn event(&self) -> &Event;
}

impl EventRecord for Event {
    fn event(&self) -> &Event {
        self
    }
}

impl EventRecord for MergedEvent {
    fn event(&self) -> &Event {
        &self.event
    }
}

/// "full" or "partial", as the JSON records spell it.
pub fn extent_text(extent: Extent) -> &'static str {
    match extent {
        Extent::Full => "full",
        Extent::Partial => "partial",
    }
}

/// Each place's state on a day, as points.
pub fn control_geojson(rows: &[(&PlaceTimeline, &ControlState)]) -> Value {
    let features = rows
        .iter()
        .map(|(place, state)| {
            json!({
                "type": "Feature",
                "id": place.place_key,
                "geometry": point(place.longitude, place.latitude),
                "properties": {
                    "place_key": place.place_key, "place": place.mention, "location": place.location,
                    "admin1": place.admin1, "held_by": state.held_by,
                    "holder": state.held_by.map(|a| a.display_name()),
                    "contested": state.contested(), "claimants": state.claimants,
                    "extent": extent_text(state.extent), "since": state.since, "until": state.until,
                    "events": state.events, "articles": state.articles,
                }
            })
        })
        .collect();
    collection(features)
}

const ACLED_COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

const OWN_COLUMNS: [&str; 18] = [
    "date_start",
    "date_end",
    "actor1_id",
    "actor2_id",
    "mention",
    "geonameid",
    "pcode",
    "civilian_fatalities",
    "child_fatalities",
    "injuries",
    "control_gained_by",
    "control_lost_by",
    "control_extent",
    "article_id",
    "language",
    "evidence",
    "evidence_start",
    "confidence",
];

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// ACLED's interaction code: the two inter codes, the smaller first.
fn interaction(event: &Event) -> String {
    let codes: Vec<u8> = [event.actor1_id, event.actor2_id].into_iter().flatten().map(|a| a.inter_code()).collect();
    match codes.as_slice() {
        [a] => format!("{a}0"),
        [a, b] => format!("{}{}", a.min(b), a.max(b)),
        _ => String::new(),
    }
}

fn joined<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for item in items {
        if !item.is_empty() && !seen.contains(&item) {
            seen.push(item);
        }
    }
    seen.join("; ")
}

/// ACLED's columns, then frontline's; a merged event lists all its sources, articles and
/// evidence sentences, separated by "; ". `source_names` maps article ids to outlets.
pub fn acled_csv(events: &[MergedEvent], source_names: &HashMap<String, String>) -> Result<Vec<u8>, FormatError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(ACLED_COLUMNS.iter().chain(OWN_COLUMNS.iter())).map_err(format_error)?;
    for merged in events {
        writer.write_record(acled_record(merged, source_names)).map_err(format_error)?;
    }
    writer.into_inner().map_err(format_error)
}

fn acled_record(merged: &MergedEvent, source_names: &HashMap<String, String>) -> Vec<String> {
    let e = &merged.event;
    let articles = joined(merged.sources.iter().map(|s| s.article_id.as_str()));
    let evidence = joined(merged.sources.iter().map(|s| s.evidence.as_str()));
    let source = joined(merged.sources.iter().filter_map(|s| source_names.get(&s.article_id)).map(String::as_str));
    let control = e.control.as_ref();
    let day = e.event_date.or(e.date_end);
    let civilian_targeting = if e.actor2_id.is_some_and(|a| a.as_str() == "CIV") { "Civilian targeting" } else { "" };
    vec![
        e.event_id.clone(),
        opt(day),
        opt(day.map(|d| d.year())),
        e.time_precision.to_string(),
        e.event_type.disorder_type().to_string(),
        e.event_type.as_str().to_string(),
        e.sub_event_type.as_str().to_string(),
        e.actor1.clone().unwrap_or_default(),
        e.assoc_actor_1.clone().unwrap_or_default(),
        opt(e.actor1_id.map(|a| a.inter_code())),
        e.actor2.clone().unwrap_or_default(),
        e.assoc_actor_2.clone().unwrap_or_default(),
        opt(e.actor2_id.map(|a| a.inter_code())),
        interaction(e),
        civilian_targeting.to_string(),
        e.iso.to_string(),
        "Middle East".to_string(),
        e.country.clone(),
        e.admin1.clone().unwrap_or_default(),
        e.admin2.clone().unwrap_or_default(),
        e.admin3.clone().unwrap_or_default(),
        e.location.clone(),
        opt(e.latitude),
        opt(e.longitude),
        e.geo_precision.to_string(),
        source,
        String::new(),
        evidence.clone(),
        e.fatalities.to_string(),
        String::new(),
        String::new(),
        opt(e.date_start),
        opt(e.date_end),
        opt(e.actor1_id),
        opt(e.actor2_id),
        e.mention.clone(),
        opt(e.geonameid),
        e.pcode.clone().unwrap_or_default(),
        opt(e.civilian_fatalities),
        opt(e.child_fatalities),
        opt(e.injuries),
        opt(control.map(|c| c.gained_by)),
        opt(control.and_then(|c| c.lost_by)),
        control.map(|c| extent_text(c.extent).to_string()).unwrap_or_default(),
        articles,
        joined(merged.sources.iter().map(|s| s.language.as_str())),
        evidence,
        e.evidence_start.to_string(),
        e.confidence.to_string(),
    ]
}

/// Each place's state on a day, as CSV: one row a place.
pub fn control_csv(rows: &[(&PlaceTimeline, &ControlState)]) -> Result<Vec<u8>, FormatError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record([
            "place",
            "location",
            "latitude",
            "longitude",
            "admin1",
            "held_by",
            "contested",
            "claimants",
            "extent",
            "since",
            "until",
            "articles",
        ])
        .map_err(format_error)?;
    for (place, state) in rows {
        writer
            .write_record([
                place.mention.clone(),
                place.location.clone(),
                opt(place.latitude),
                opt(place.longitude),
                place.admin1.clone().unwrap_or_default(),
                opt(state.held_by),
                state.contested().to_string(),
                state.claimants.iter().map(|a| a.as_str()).collect::<Vec<_>>().join(";"),
                extent_text(state.extent).to_string(),
                opt(state.since),
                opt(state.until),
                state.articles.join(";"),
            ])
            .map_err(format_error)?;
    }
    writer.into_inner().map_err(format_error)
}
