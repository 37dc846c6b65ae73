//! Articles: `GET /api/articles`, `GET /api/articles/{id}` and `POST /api/articles`, which
//! reads a body with the rules of `frontline ingest` for JSON Lines (or, by content type,
//! one text or HTML page) and stores each article through the pipeline.

use std::borrow::Cow;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::header::{CONTENT_TYPE, HOST, ORIGIN};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use frontline_core::{content_hash, Article};
use frontline_extract::Extractor;
use frontline_ingest::{read_bytes, Format, IngestOptions, Metadata, Outcome};
use frontline_store::{ArticleSummary, Database, Saved};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::query::{self, given};
use crate::state::AppState;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    limit: Option<String>,
    offset: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    let query = query::parse(query)?;
    let page = query::page(&query.limit, &query.offset)?;
    let articles = state.read(|store| Ok(store.articles()?)).await?;
    let total = articles.len();
    let listed: Vec<Value> = articles
        .iter()
        .skip(usize::try_from(page.offset).unwrap_or(usize::MAX))
        .take(page.limit as usize)
        .map(summary_json)
        .collect();
    Ok(Json(json!({
        "total": total, "limit": page.limit, "offset": page.offset, "articles": listed,
    })))
}

fn summary_json(a: &ArticleSummary) -> Value {
    let figures: Value = serde_json::from_str(&a.figures).unwrap_or(Value::Null);
    json!({
        "id": a.id, "language": a.language, "published": a.published, "source": a.source,
        "title": a.title, "origin": a.origin, "events": a.events, "figures": figures,
    })
}

/// A stored article with its text, whose byte offsets the events' evidence spans use.
pub async fn one(State(state): State<AppState>, Path(id): Path<String>) -> Result<Json<Article>, ApiError> {
    state
        .read(move |store| {
            store.article(&id)?.map(Json).ok_or_else(|| ApiError::NotFound(format!("no article {id:?}")))
        })
        .await
}

/// Overrides, as `frontline ingest` takes them, and the metadata of a text or HTML body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IngestQuery {
    published: Option<String>,
    language: Option<String>,
    id: Option<String>,
    title: Option<String>,
    url: Option<String>,
    source: Option<String>,
}

pub async fn ingest(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<IngestQuery>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    same_origin(&headers)?;
    let limit = state.config().max_body_bytes;
    let body = body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::TooLarge { limit },
        _ => ApiError::BadRequest(rejection.body_text()),
    })?;
    let query = query::parse(query)?;
    let options = IngestOptions {
        published: query::date("published", &query.published)?,
        language: given(&query.language).map(str::to_owned),
        max_file_bytes: limit as u64,
        ..IngestOptions::default()
    };
    let format = body_format(&headers);
    let input = match format {
        Format::JsonLines => as_json_lines(&body)?.into_owned(),
        Format::Text | Format::Html => body.to_vec(),
    };
    let metadata = Metadata {
        id: given(&query.id).map(str::to_owned),
        title: given(&query.title).map(str::to_owned),
        url: given(&query.url).map(str::to_owned),
        source: given(&query.source).map(str::to_owned),
        ..Metadata::default()
    };
    let name = format!("post-{}", &content_hash(&body)[..8]);
    let cancelled = CancelOnDrop::default();
    let flag = cancelled.0.clone();
    let report = state
        .write(move |store, extractor| {
            let mut outcomes = Vec::new();
            read_bytes(&input, format, &name, Some(&metadata), &options, &mut |o| outcomes.push(o));
            store_all(outcomes, store, extractor, &flag)
        })
        .await?;
    drop(cancelled);
    report.into_response()
}

/// A cross-site page may not write into the store: a browser names the page's origin on
/// every cross-origin POST, and it must be this server's.
fn same_origin(headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(origin) = headers.get(ORIGIN) else {
        return Ok(());
    };
    let origin = origin.to_str().unwrap_or_default();
    let host = headers.get(HOST).and_then(|h| h.to_str().ok());
    let site = origin.strip_prefix("http://").or_else(|| origin.strip_prefix("https://"));
    if site.is_some() && site == host {
        Ok(())
    } else {
        Err(ApiError::Forbidden(format!("a POST from another site ({origin}) is refused")))
    }
}

/// `text/plain` and `text/html` bodies are one document; anything else is JSON.
fn body_format(headers: &HeaderMap) -> Format {
    let content_type = headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let media = content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    match media.as_str() {
        "text/plain" => Format::Text,
        "text/html" => Format::Html,
        _ => Format::JsonLines,
    }
}

/// The body as JSON Lines: a JSON object is one line, an array one line per element, and a
/// body of several lines that is not one JSON value is taken as JSON Lines already.
fn as_json_lines(body: &[u8]) -> Result<Cow<'_, [u8]>, ApiError> {
    let body = body.strip_prefix("\u{feff}".as_bytes()).unwrap_or(body);
    let trimmed = body.trim_ascii();
    if trimmed.is_empty() {
        return Err(ApiError::BadRequest("empty body: send a JSON object, an array of objects, or JSON Lines".into()));
    }
    let line = |value: &Value| serde_json::to_vec(value).map_err(|e| ApiError::Format(e.to_string()));
    match serde_json::from_slice::<Value>(trimmed) {
        Ok(value @ Value::Object(_)) => Ok(Cow::Owned(line(&value)?)),
        Ok(Value::Array(items)) if items.is_empty() => {
            Err(ApiError::BadRequest("empty array: no article to store".into()))
        }
        Ok(Value::Array(items)) => {
            let mut lines = Vec::new();
            for item in &items {
                lines.extend(line(item)?);
                lines.push(b'\n');
            }
            Ok(Cow::Owned(lines))
        }
        Ok(_) => Err(ApiError::BadRequest("expected a JSON object, an array of objects, or JSON Lines".into())),
        Err(_) if trimmed.contains(&b'\n') => Ok(Cow::Borrowed(body)),
        Err(e) => Err(ApiError::BadRequest(format!("invalid JSON: {e}"))),
    }
}

/// Sets its flag when dropped: when the request is cancelled or times out, the handler's
/// future is dropped, and the ingest stops after the article it is storing.
#[derive(Default)]
struct CancelOnDrop(Arc<AtomicBool>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

/// What one POST did, article by article.
#[derive(Debug, Default)]
struct Report {
    stored: usize,
    updated: usize,
    duplicates: usize,
    rejected: usize,
    events: usize,
    results: Vec<Value>,
    warnings: Vec<Value>,
}

fn store_all(
    outcomes: Vec<Outcome>,
    store: &mut Database,
    extractor: &Extractor,
    cancelled: &AtomicBool,
) -> Result<Report, ApiError> {
    let mut report = Report::default();
    for outcome in outcomes {
        if cancelled.load(Ordering::SeqCst) {
            break;
        }
        match outcome {
            Outcome::Article(article) => report.store(&article, store, extractor)?,
            Outcome::Rejected(r) => {
                report.rejected += 1;
                report.results.push(json!({"origin": r.origin, "status": "rejected", "reason": r.reason}));
            }
            Outcome::Warning(w) => report.warnings.push(json!({"origin": w.origin, "message": w.message})),
        }
    }
    Ok(report)
}

impl Report {
    fn store(&mut self, article: &Article, store: &mut Database, extractor: &Extractor) -> Result<(), ApiError> {
        let stored = frontline_pipeline::store_article(article, extractor, store)?;
        let mut result = json!({"origin": article.origin, "id": article.id});
        match stored.saved {
            Saved::Duplicate { existing_id } => {
                self.duplicates += 1;
                result["status"] = "duplicate".into();
                result["existing_id"] = existing_id.into();
            }
            Saved::Reprint { of } => {
                // A reprint is stored (it cites its outlet), sharing its original's events.
                self.stored += 1;
                self.events += stored.events;
                result["status"] = "reprint".into();
                result["reprint_of"] = of.into();
                result["events"] = stored.events.into();
            }
            Saved::Inserted | Saved::Replaced => {
                let replaced = stored.saved == Saved::Replaced;
                if replaced {
                    self.updated += 1;
                } else {
                    self.stored += 1;
                }
                self.events += stored.events;
                result["status"] = if replaced { "updated" } else { "stored" }.into();
                result["events"] = stored.events.into();
            }
        }
        if let Some(note) = stored.note {
            result["note"] = note.into();
        }
        self.results.push(result);
        Ok(())
    }

    fn summary(&self) -> Value {
        json!({
            "stored": self.stored, "updated": self.updated, "duplicates": self.duplicates,
            "rejected": self.rejected, "events": self.events,
            "results": self.results, "warnings": self.warnings,
        })
    }

    /// 201 when an article was stored, 200 when all were already stored, else 422 with
    /// the reasons.
    fn into_response(self) -> Result<Response, ApiError> {
        if self.stored + self.updated > 0 {
            return Ok((StatusCode::CREATED, Json(self.summary())).into_response());
        }
        if self.duplicates > 0 {
            return Ok((StatusCode::OK, Json(self.summary())).into_response());
        }
        let reasons: Vec<String> = self
            .results
            .iter()
            .take(3)
            .map(|r| format!("{}: {}", r["origin"].as_str().unwrap_or(""), r["reason"].as_str().unwrap_or("")))
            .collect();
        Err(ApiError::Unprocessable {
            message: format!("no article could be stored: {}", reasons.join("; ")),
            details: self.summary(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn lines(body: &str) -> Result<String, ApiError> {
        as_json_lines(body.as_bytes()).map(|b| String::from_utf8_lossy(&b).into_owned())
    }

    #[test]
    fn bodies_become_json_lines() {
        assert_eq!(
            lines("{\n  \"id\": \"a\",\n  \"text\": \"x\"\n}").ok().as_deref(),
            Some("{\"id\":\"a\",\"text\":\"x\"}")
        );
        assert_eq!(
            lines("[{\"text\": \"x\"}, {\"text\": \"y\"}]").ok().as_deref(),
            Some("{\"text\":\"x\"}\n{\"text\":\"y\"}\n")
        );
        let feed = "{\"text\": \"x\"}\n{\"text\": oops}\n";
        assert_eq!(lines(feed).ok().as_deref(), Some(feed));
        assert!(matches!(lines(" \n "), Err(ApiError::BadRequest(m)) if m.starts_with("empty body")));
        assert!(matches!(lines("[]"), Err(ApiError::BadRequest(_))));
        assert!(matches!(lines("42"), Err(ApiError::BadRequest(m)) if m.contains("expected a JSON object")));
        assert!(matches!(lines("{\"text\": oops}"), Err(ApiError::BadRequest(m)) if m.starts_with("invalid JSON")));
    }

    #[test]
    fn cross_site_posts_are_refused() {
        let mut headers = HeaderMap::new();
        headers.insert(HOST, HeaderValue::from_static("127.0.0.1:8080"));
        assert!(same_origin(&headers).is_ok(), "no Origin: not a browser form");
        headers.insert(ORIGIN, HeaderValue::from_static("http://127.0.0.1:8080"));
        assert!(same_origin(&headers).is_ok());
        headers.insert(ORIGIN, HeaderValue::from_static("https://evil.example"));
        assert!(matches!(same_origin(&headers), Err(ApiError::Forbidden(_))));
        headers.insert(ORIGIN, HeaderValue::from_static("null"));
        assert!(same_origin(&headers).is_err());
    }

    #[test]
    fn content_type_chooses_the_reader() {
        let with = |value: &'static str| {
            let mut headers = HeaderMap::new();
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(value));
            body_format(&headers)
        };
        assert_eq!(with("text/html; charset=utf-8"), Format::Html);
        assert_eq!(with("Text/Plain"), Format::Text);
        assert_eq!(with("application/json"), Format::JsonLines);
        assert_eq!(with("application/x-www-form-urlencoded"), Format::JsonLines);
        assert_eq!(body_format(&HeaderMap::new()), Format::JsonLines);
    }
}
