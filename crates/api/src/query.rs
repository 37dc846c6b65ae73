//! Reading what a request asks for: filters, dates, pagination and the response format,
//! each refused with a message that says what was expected.

use axum::extract::rejection::QueryRejection;
use axum::extract::Query;
use axum::http::header::ACCEPT;
use axum::http::HeaderMap;
use chrono::NaiveDate;
use frontline_core::SubEventType;
use frontline_store::{EventFilter, Page};
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::error::ApiError;

/// Records returned when `limit` is not given, and the most one page may hold.
pub const DEFAULT_LIMIT: u32 = 100;
pub const MAX_LIMIT: u32 = 1000;

/// The query string, or a 400 naming the unknown or malformed parameter.
pub fn parse<T: DeserializeOwned>(query: Result<Query<T>, QueryRejection>) -> Result<T, ApiError> {
    query.map(|Query(q)| q).map_err(|rejection| ApiError::BadRequest(rejection.body_text()))
}

/// A parameter's value, with an empty one (as an HTML form sends) taken as absent.
pub fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

pub fn date(name: &str, value: &Option<String>) -> Result<Option<NaiveDate>, ApiError> {
    given(value)
        .map(|raw| {
            NaiveDate::parse_from_str(raw, "%Y-%m-%d")
                .map_err(|_| ApiError::BadRequest(format!("{name}: {raw:?} is not a date (expected YYYY-MM-DD)")))
        })
        .transpose()
}

pub fn flag(name: &str, value: &Option<String>) -> Result<bool, ApiError> {
    match given(value) {
        None | Some("false" | "0" | "no") => Ok(false),
        Some("true" | "1" | "yes") => Ok(true),
        Some(other) => Err(ApiError::BadRequest(format!("{name}: {other:?} is not true or false"))),
    }
}

/// The query of `GET /api/events`: the filters of `frontline events` and `export`, by the
/// same names, a page, a format, and whether to list merged events.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventsQuery {
    pub since: Option<String>,
    pub until: Option<String>,
    #[serde(rename = "type")]
    pub event_type: Option<String>,
    pub place: Option<String>,
    pub actor: Option<String>,
    pub article: Option<String>,
    pub undated: Option<String>,
    pub limit: Option<String>,
    pub offset: Option<String>,
    pub format: Option<String>,
    pub merged: Option<String>,
}

impl EventsQuery {
    pub fn to_page(&self) -> Result<Page, ApiError> {
        page(&self.limit, &self.offset)
    }

    pub fn to_filter(&self) -> Result<EventFilter, ApiError> {
        let since = date("since", &self.since)?;
        let until = date("until", &self.until)?;
        if let (Some(s), Some(u)) = (since, until) {
            if s > u {
                return Err(ApiError::BadRequest(format!("since ({s}) is after until ({u})")));
            }
        }
        let event_type = given(&self.event_type).map(known_type).transpose()?;
        Ok(EventFilter {
            since,
            until,
            event_type,
            place: given(&self.place).map(str::to_owned),
            actor: given(&self.actor).map(str::to_owned),
            article: given(&self.article).map(str::to_owned),
            undated: flag("undated", &self.undated)?,
        })
    }
}

/// An ACLED event type or sub-event type, as spelled by ACLED (case does not matter).
fn known_type(raw: &str) -> Result<String, ApiError> {
    let known = SubEventType::ALL
        .iter()
        .flat_map(|t| [t.as_str(), t.event_type().as_str()])
        .any(|name| name.eq_ignore_ascii_case(raw));
    if known {
        Ok(raw.to_owned())
    } else {
        Err(ApiError::BadRequest(format!(
            "type: {raw:?} is not an ACLED event type or sub-event type (e.g. \"Battles\", \"Air/drone strike\")"
        )))
    }
}

/// `limit` (default 100, at most 1000) and `offset` (default 0).
pub fn page(limit: &Option<String>, offset: &Option<String>) -> Result<Page, ApiError> {
    let limit = match given(limit) {
        None => DEFAULT_LIMIT,
        Some(raw) => raw.parse::<u32>().ok().filter(|n| (1..=MAX_LIMIT).contains(n)).ok_or_else(|| {
            ApiError::BadRequest(format!("limit: {raw:?} is not a whole number from 1 to {MAX_LIMIT}"))
        })?,
    };
    let offset = match given(offset) {
        None => 0,
        Some(raw) => raw
            .parse::<u64>()
            .map_err(|_| ApiError::BadRequest(format!("offset: {raw:?} is not a whole number from 0")))?,
    };
    Ok(Page { limit, offset })
}

/// How a list of events is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object with the page and its total.
    Json,
    /// JSON Lines, one record a line (docs/event-schema.md).
    Jsonl,
    /// ACLED's 31 columns, then frontline's.
    Csv,
    /// An RFC 7946 FeatureCollection.
    Geojson,
}

impl Format {
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Jsonl => "application/x-ndjson",
            Format::Csv => "text/csv; charset=utf-8",
            Format::Geojson => "application/geo+json",
        }
    }

    fn by_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            "geojson" => Some(Format::Geojson),
            _ => None,
        }
    }

    fn by_media_type(media: &str) -> Option<Format> {
        match media.to_ascii_lowercase().as_str() {
            "application/json" | "application/*" | "*/*" => Some(Format::Json),
            "application/x-ndjson" | "application/jsonl" | "application/x-jsonlines" | "application/jsonlines" => {
                Some(Format::Jsonl)
            }
            "text/csv" | "text/*" => Some(Format::Csv),
            "application/geo+json" => Some(Format::Geojson),
            _ => None,
        }
    }
}

/// The format named by `format=`, else the first one `Accept` prefers, else JSON.
pub fn negotiate(format: &Option<String>, headers: &HeaderMap) -> Result<Format, ApiError> {
    if let Some(name) = given(format) {
        return Format::by_name(name).ok_or_else(|| {
            ApiError::BadRequest(format!("format: {name:?} is not served (expected json, jsonl, csv or geojson)"))
        });
    }
    let Some(accept) = headers.get(ACCEPT) else {
        return Ok(Format::Json);
    };
    let accept = accept.to_str().unwrap_or_default();
    let mut ranges: Vec<(f32, &str)> = accept.split(',').filter_map(media_range).collect();
    if ranges.is_empty() {
        return Ok(Format::Json);
    }
    // Stable: equal weights keep the client's order.
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0));
    ranges
        .iter()
        .find_map(|(_, media)| Format::by_media_type(media))
        .ok_or_else(|| {
            ApiError::NotAcceptable(format!(
                "none of Accept: {accept} is served (application/json, application/x-ndjson, text/csv, application/geo+json)"
            ))
        })
}

/// One media range of an Accept header and its weight; `None` when its weight is 0.
fn media_range(part: &str) -> Option<(f32, &str)> {
    let mut pieces = part.split(';');
    let media = pieces.next()?.trim();
    if media.is_empty() {
        return None;
    }
    let weight =
        pieces.filter_map(|p| p.trim().strip_prefix("q=")).find_map(|q| q.trim().parse::<f32>().ok()).unwrap_or(1.0);
    (weight > 0.0).then_some((weight, media))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn accept(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT, HeaderValue::from_str(value).expect("header"));
        headers
    }

    #[test]
    fn format_parameter_wins_over_accept() {
        let csv = Some("CSV".to_string());
        assert_eq!(negotiate(&csv, &accept("application/json")).ok(), Some(Format::Csv));
        let bad = Some("xml".to_string());
        assert!(matches!(
            negotiate(&bad, &HeaderMap::new()),
            Err(ApiError::BadRequest(m)) if m.contains("xml")
        ));
    }

    #[test]
    fn accept_is_read_by_weight_then_order() {
        let none = None;
        assert_eq!(negotiate(&none, &HeaderMap::new()).ok(), Some(Format::Json));
        assert_eq!(
            negotiate(&none, &accept("text/html, application/geo+json;q=0.9, */*;q=0.1")).ok(),
            Some(Format::Geojson)
        );
        assert_eq!(negotiate(&none, &accept("text/csv;q=0.5, application/x-ndjson")).ok(), Some(Format::Jsonl));
        assert_eq!(negotiate(&none, &accept("text/html,application/xhtml+xml,*/*;q=0.8")).ok(), Some(Format::Json));
        assert!(matches!(
            negotiate(&none, &accept("image/png, application/json;q=0")),
            Err(ApiError::NotAcceptable(_))
        ));
    }

    #[test]
    fn dates_limits_and_types_are_checked() {
        assert!(date("since", &Some("2020-02-30".into())).is_err());
        assert_eq!(date("since", &Some(" 2020-02-28 ".into())).ok().flatten(), NaiveDate::from_ymd_opt(2020, 2, 28));
        assert_eq!(date("since", &Some(String::new())).ok(), Some(None));
        let page = |limit: &str| page(&Some(limit.into()), &None);
        assert_eq!(page("1000").ok().map(|p| p.limit), Some(1000));
        assert!(page("1001").is_err());
        assert!(page("0").is_err());
        assert!(page("-3").is_err());
        assert!(super::page(&None, &Some("x".into())).is_err());
        assert!(known_type("air/drone STRIKE").is_ok());
        assert!(known_type("Battles").is_ok());
        assert!(known_type("Picnic").is_err());
        let backwards = EventsQuery {
            since: Some("2020-02-02".into()),
            until: Some("2020-02-01".into()),
            ..EventsQuery::default()
        };
        assert!(backwards.to_filter().is_err());
    }
}
