//! The HTTP API and the web map of frontline (`frontline serve`).
//!
//! This crate owns the routes under `/api` (events of one article or merged, control of
//! places on a day, place histories, articles, and their ingest by POST), the formats and
//! JSON errors they answer with, the OpenAPI document, and the single page at `/` whose
//! built assets it embeds (build.rs). It reads and writes through `frontline-store` and
//! `frontline-pipeline`, and knows nothing of how events are extracted.

mod articles;
mod assets;
mod error;
mod events;
/// The output formats, shared with the command line.
pub use frontline_formats as formats;
mod places;
mod query;
mod state;

use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{DefaultBodyLimit, State};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{middleware, Json, Router};
use frontline_extract::Extractor;
use frontline_store::Database;
use serde_json::json;
use tokio::net::TcpListener;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

pub use error::{ApiError, ServeError};
pub use query::{DEFAULT_LIMIT, MAX_LIMIT};

use state::AppState;

/// Where `frontline serve` listens unless told otherwise: this machine only.
pub const DEFAULT_ADDR: SocketAddr = SocketAddr::new(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST), 8080);

/// The OpenAPI 3 description of the routes, served at `/api/openapi.json`.
pub const OPENAPI: &str = include_str!("openapi.json");

/// Limits of one request.
#[derive(Debug, Clone)]
pub struct ApiConfig {
    /// Larger request bodies are refused with 413.
    pub max_body_bytes: usize,
    /// Reads taking longer are stopped with 408.
    pub request_timeout: Duration,
    /// An ingest (`POST /api/articles`) taking longer is stopped with 408, after the
    /// article being stored; the articles stored before stay stored.
    pub ingest_timeout: Duration,
}

impl Default for ApiConfig {
    fn default() -> Self {
        ApiConfig {
            max_body_bytes: 16 * 1024 * 1024,
            request_timeout: Duration::from_secs(30),
            ingest_timeout: Duration::from_secs(300),
        }
    }
}

/// Every route, over the store at `db`.
pub fn router(db: PathBuf, extractor: Arc<Extractor>, config: ApiConfig) -> Router {
    let limit = config.max_body_bytes;
    let reads = Router::new()
        .route("/", get(assets::index))
        .route("/assets/{name}", get(assets::file))
        .route("/healthz", get(healthz))
        .route("/api/openapi.json", get(openapi))
        .route("/api/events", get(events::list))
        .route("/api/events/{id}", get(events::one))
        .route("/api/control", get(places::control))
        .route("/api/places/{place}/history", get(places::history))
        .route("/api/articles", get(articles::list))
        .route("/api/articles/{id}", get(articles::one))
        .layer(timeout(config.request_timeout));
    let writes = Router::new().route("/api/articles", post(articles::ingest)).layer(timeout(config.ingest_timeout));
    let state = AppState::new(db, extractor, config);
    reads
        .merge(writes)
        .layer(DefaultBodyLimit::max(limit))
        .layer(RequestBodyLimitLayer::new(limit))
        .layer(middleware::map_response(move |response: Response| json_errors(response, limit)))
        .with_state(state)
}

fn timeout(duration: Duration) -> TimeoutLayer {
    TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, duration)
}

/// Serves on `addr` until Ctrl-C, with the default limits.
pub async fn serve(addr: SocketAddr, db: PathBuf, extractor: Arc<Extractor>) -> Result<(), ServeError> {
    let listener = TcpListener::bind(addr).await.map_err(|source| ServeError::Bind { addr, source })?;
    let local = listener.local_addr()?;
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    // Announced only once the address is bound and the store opened: a store that cannot
    // be opened is the one message printed.
    let shown = db.display().to_string();
    let announce = move || eprintln!("frontline: serving http://{local}/ (store {shown}); Ctrl-C stops");
    serve_announced(listener, db, extractor, ApiConfig::default(), shutdown, announce).await
}

/// Serves on a bound listener until `shutdown` completes; the store is opened first, so
/// that a store that cannot be opened is reported before anything is served.
pub async fn serve_on(
    listener: TcpListener,
    db: PathBuf,
    extractor: Arc<Extractor>,
    config: ApiConfig,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    serve_announced(listener, db, extractor, config, shutdown, || {}).await
}

async fn serve_announced(
    listener: TcpListener,
    db: PathBuf,
    extractor: Arc<Extractor>,
    config: ApiConfig,
    shutdown: impl Future<Output = ()> + Send + 'static,
    announce: impl FnOnce(),
) -> Result<(), ServeError> {
    drop(Database::open(&db)?);
    announce();
    axum::serve(listener, router(db, extractor, config)).with_graceful_shutdown(shutdown).await?;
    Ok(())
}

/// [`serve`] on a runtime of its own, for a synchronous caller such as the CLI.
pub fn run(addr: SocketAddr, db: PathBuf, extractor: Arc<Extractor>) -> Result<(), ServeError> {
    tokio::runtime::Builder::new_multi_thread().enable_all().build()?.block_on(serve(addr, db, extractor))
}

async fn healthz(State(state): State<AppState>) -> Result<Json<serde_json::Value>, ApiError> {
    state.read(|_store| Ok(())).await?;
    Ok(Json(json!({"status": "ok"})))
}

async fn openapi() -> impl IntoResponse {
    ([(CONTENT_TYPE, "application/json")], OPENAPI)
}

/// Answers that the routes did not write themselves (unknown route, wrong method, body too
/// large, timeout) get a JSON body `{"error": ...}` like the others.
async fn json_errors(response: Response, limit: usize) -> Response {
    let status = response.status();
    let is_json = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let text = axum::body::to_bytes(body, 4096).await.unwrap_or_default();
    let message = match status {
        StatusCode::NOT_FOUND => "no such route (see /api/openapi.json)".to_string(),
        StatusCode::METHOD_NOT_ALLOWED => "method not allowed on this route".to_string(),
        StatusCode::REQUEST_TIMEOUT => "the request took too long and was stopped".to_string(),
        StatusCode::PAYLOAD_TOO_LARGE => {
            format!("request body too large (the limit is {limit} bytes)")
        }
        _ if !text.trim_ascii().is_empty() => String::from_utf8_lossy(&text).trim().to_string(),
        _ => status.canonical_reason().unwrap_or("error").to_string(),
    };
    parts.headers.remove(CONTENT_TYPE);
    parts.headers.remove(CONTENT_LENGTH);
    let mut answer = (status, Json(json!({ "error": message }))).into_response();
    answer.headers_mut().extend(parts.headers);
    answer
}
