//! Who held which place: `GET /api/control?at=` and `GET /api/places/{place_key}/history`.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use axum::Json;
use frontline_merge::PlaceTimeline;
use serde::Deserialize;

use crate::error::ApiError;
use crate::formats;
use crate::query;
use crate::state::AppState;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ControlQuery {
    at: Option<String>,
}

/// Each place's state on the day `at`, as GeoJSON points.
pub async fn control(
    State(state): State<AppState>,
    query: Result<Query<ControlQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let query = query::parse(query)?;
    let day = query::date("at", &query.at)?
        .ok_or_else(|| ApiError::BadRequest("at: a day is required (YYYY-MM-DD)".into()))?;
    let collection = state
        .read(move |store| {
            let timelines = frontline_merge::timelines(&store.territory_events()?);
            Ok(formats::control_geojson(&frontline_merge::control_at(&timelines, day)))
        })
        .await?;
    let body = serde_json::to_vec(&collection).map_err(|e| ApiError::Format(e.to_string()))?;
    Ok(([(CONTENT_TYPE, "application/geo+json")], body).into_response())
}

/// The control timeline of one place, by place key ("geonames:170592", "name:sarmin") or
/// by name as the gazetteer or an article spells it (case and accents do not matter).
pub async fn history(
    State(state): State<AppState>,
    Path(place): Path<String>,
) -> Result<Json<PlaceTimeline>, ApiError> {
    state
        .read(move |store| {
            let timelines = frontline_merge::timelines(&store.territory_events()?);
            find_place(timelines, &place)
                .map(Json)
                .ok_or_else(|| ApiError::NotFound(format!("no territory events for {place:?}")))
        })
        .await
}

fn find_place(timelines: Vec<PlaceTimeline>, wanted: &str) -> Option<PlaceTimeline> {
    let folded = frontline_gazetteer::fold_name(wanted);
    let by_name = |t: &PlaceTimeline| {
        frontline_gazetteer::fold_name(&t.location) == folded || frontline_gazetteer::fold_name(&t.mention) == folded
    };
    let key = timelines.iter().position(|t| t.place_key == wanted);
    let index = key.or_else(|| timelines.iter().position(by_name))?;
    timelines.into_iter().nth(index)
}
