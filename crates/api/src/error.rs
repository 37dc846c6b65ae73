//! What can go wrong: an [`ApiError`] becomes an HTTP status with a JSON body
//! `{"error": "..."}`; a [`ServeError`] stops the server before or while it serves.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

/// An answer other than success, with the message the client reads.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    NotAcceptable(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("request body too large (the limit is {limit} bytes)")]
    TooLarge { limit: usize },
    /// Nothing in the request could be used; `details` say why, item by item.
    #[error("{message}")]
    Unprocessable { message: String, details: Value },
    #[error("store: {0}")]
    Store(#[from] frontline_store::StoreError),
    #[error("{0}")]
    Pipeline(#[from] frontline_pipeline::PipelineError),
    #[error("cannot write the response: {0}")]
    Format(String),
    #[error("the server is shutting down or overloaded: {0}")]
    Unavailable(String),
}

impl ApiError {
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::NotAcceptable(_) => StatusCode::NOT_ACCEPTABLE,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Unprocessable { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Store(_) | ApiError::Pipeline(_) | ApiError::Format(_) => StatusCode::INTERNAL_SERVER_ERROR,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            eprintln!("frontline-api: {status}: {self}");
        }
        let mut body = json!({ "error": self.to_string() });
        if let ApiError::Unprocessable { details: Value::Object(details), .. } = self {
            for (key, value) in details {
                body[key] = value;
            }
        }
        (status, Json(body)).into_response()
    }
}

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: std::net::SocketAddr, source: std::io::Error },
    #[error("{0}")]
    Store(#[from] frontline_store::StoreError),
    #[error("the server stopped: {0}")]
    Io(#[from] std::io::Error),
}

impl From<frontline_formats::FormatError> for ApiError {
    fn from(error: frontline_formats::FormatError) -> ApiError {
        ApiError::Format(error.to_string())
    }
}
