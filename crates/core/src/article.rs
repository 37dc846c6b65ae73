use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One report as stored: its main text (boilerplate already removed) and what is known of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// From the metadata when given, else derived from the file name.
    pub id: String,
    pub text: String,
    /// ISO 639-1 code, given or detected.
    pub language: String,
    pub published: Option<NaiveDate>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    /// Where it was read from (a path, or a path and line for JSON Lines).
    pub origin: String,
    /// SHA-256 of `text`: two articles with the same hash are stored once.
    pub content_hash: String,
}
