//! The web page, embedded at build time (see build.rs): `/` and `/assets/{file}`.

use axum::extract::Path;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS,
};
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

include!(concat!(env!("OUT_DIR"), "/assets.rs"));

/// Only this server's own files; images also from a tile server the user configures.
const POLICY: &str = "default-src 'self'; img-src 'self' data: http: https:; \
                      style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; \
                      form-action 'self'";

pub async fn index() -> Result<Response, ApiError> {
    asset("index.html")
}

pub async fn file(Path(name): Path<String>) -> Result<Response, ApiError> {
    asset(&name)
}

fn asset(name: &str) -> Result<Response, ApiError> {
    let (_, content_type, bytes) = ASSETS
        .iter()
        .find(|(file, _, _)| *file == name)
        .ok_or_else(|| ApiError::NotFound(format!("no asset {name:?}")))?;
    let headers = [
        (CONTENT_TYPE, *content_type),
        (CACHE_CONTROL, "no-cache"),
        (X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (REFERRER_POLICY, "no-referrer"),
        (CONTENT_SECURITY_POLICY, POLICY),
    ];
    Ok((headers, *bytes).into_response())
}
