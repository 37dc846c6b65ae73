//! `GET /api/events` (events of one article, or merged with `merged=true`) and
//! `GET /api/events/{id}`.

use std::collections::HashMap;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, HeaderName, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use frontline_core::{Event, MergedEvent};
use frontline_store::{Database, Page};
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::formats::{self, EventRecord};
use crate::query::{self, EventsQuery, Format};
use crate::state::AppState;

/// The total number of matching records, whatever the page and format.
pub const TOTAL_HEADER: HeaderName = HeaderName::from_static("x-total-count");

pub async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<EventsQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let query = query::parse(query)?;
    let filter = query.to_filter()?;
    let page = query.to_page()?;
    let format = query::negotiate(&query.format, &headers)?;
    let merged = query::flag("merged", &query.merged)?;
    state
        .read(move |store| {
            if merged {
                let total = store.count_merged_events(&filter)?;
                let events = store.merged_events_page(&filter, page)?;
                respond(store, &events, Listing { total, page, format, merged })
            } else {
                let total = store.count_events(&filter)?;
                let events = store.events_page(&filter, page)?;
                respond(store, &events, Listing { total, page, format, merged })
            }
        })
        .await
}

/// What a page of events is written with.
struct Listing {
    total: u64,
    page: Page,
    format: Format,
    merged: bool,
}

trait Csv: EventRecord + Sized {
    fn acled_csv(records: &[Self], sources: &HashMap<String, String>) -> Result<Vec<u8>, ApiError>;
}

impl Csv for Event {
    fn acled_csv(records: &[Self], sources: &HashMap<String, String>) -> Result<Vec<u8>, ApiError> {
        let single: Vec<MergedEvent> = records.iter().map(MergedEvent::single).collect();
        Ok(formats::acled_csv(&single, sources)?)
    }
}

impl Csv for MergedEvent {
    fn acled_csv(records: &[Self], sources: &HashMap<String, String>) -> Result<Vec<u8>, ApiError> {
        Ok(formats::acled_csv(records, sources)?)
    }
}

fn respond<T: Csv>(store: &Database, records: &[T], listing: Listing) -> Result<Response, ApiError> {
    let body = match listing.format {
        Format::Json => serde_json::to_vec(&json!({
            "total": listing.total,
            "limit": listing.page.limit,
            "offset": listing.page.offset,
            "merged": listing.merged,
            "events": records,
        }))
        .map_err(|e| ApiError::Format(e.to_string()))?,
        Format::Jsonl => formats::jsonl(records)?,
        Format::Geojson => {
            serde_json::to_vec(&formats::geojson(records)?).map_err(|e| ApiError::Format(e.to_string()))?
        }
        Format::Csv => T::acled_csv(records, &source_names(store, records)?)?,
    };
    let headers = [
        (CONTENT_TYPE, HeaderValue::from_static(listing.format.content_type())),
        (TOTAL_HEADER, HeaderValue::from(listing.total)),
    ];
    Ok((headers, body).into_response())
}

/// Outlet names of the articles the records cite, for ACLED's "source" column.
fn source_names<T: EventRecord>(store: &Database, records: &[T]) -> Result<HashMap<String, String>, ApiError> {
    let mut names = HashMap::new();
    for record in records {
        let id = &record.event().article_id;
        if !names.contains_key(id) {
            let source = store.article(id)?.and_then(|a| a.source).unwrap_or_default();
            names.insert(id.clone(), source);
        }
    }
    Ok(names)
}

/// A merged event with every source, or an event of one article with the id of the
/// merged event it belongs to; either way with the articles cited.
pub async fn one(State(state): State<AppState>, Path(id): Path<String>) -> Result<Json<Value>, ApiError> {
    state
        .read(move |store| {
            if let Some(merged) = store.merged_event(&id)? {
                let articles: Vec<&str> = merged.sources.iter().map(|s| s.article_id.as_str()).collect();
                let cited = cited_articles(store, &articles)?;
                return with_fields(&merged, json!({"merged": true, "articles": cited}));
            }
            let Some(event) = store.event(&id)? else {
                return Err(ApiError::NotFound(format!("no event {id:?}")));
            };
            let merged_id = store.merged_event_of(&event)?.map(|m| m.event.event_id);
            let cited = cited_articles(store, &[event.article_id.as_str()])?;
            with_fields(&event, json!({"merged": false, "merged_event_id": merged_id, "articles": cited}))
        })
        .await
        .map(Json)
}

/// A record's JSON object with more fields.
fn with_fields(record: &impl serde::Serialize, extra: Value) -> Result<Value, ApiError> {
    let mut value = serde_json::to_value(record).map_err(|e| ApiError::Format(e.to_string()))?;
    if let (Value::Object(object), Value::Object(extra)) = (&mut value, extra) {
        object.extend(extra);
    }
    Ok(value)
}

/// What the page needs to link a source to its article: title, outlet, date, address.
fn cited_articles(store: &Database, ids: &[&str]) -> Result<Vec<Value>, ApiError> {
    let mut seen: Vec<&str> = Vec::new();
    let mut cited = Vec::new();
    for id in ids {
        if seen.contains(id) {
            continue;
        }
        seen.push(id);
        if let Some(a) = store.article(id)? {
            cited.push(json!({
                "id": a.id, "title": a.title, "source": a.source, "url": a.url,
                "published": a.published, "language": a.language,
            }));
        }
    }
    Ok(cited)
}
