//! Reading reports into [`Article`]s: the first stage of frontline.
//!
//! This crate owns everything between a path on disk and an [`Article`]: finding input
//! files in folders ([`discover`]), applying a folder's `articles.jsonl` metadata index,
//! decoding bytes (BOMs, UTF-16, damaged UTF-8, line endings), refusing what is not text,
//! extracting the main text of HTML pages ([`html_main_text`]), streaming JSON Lines, and
//! identifying the language ([`detect_language`]). It knows nothing of events.
//!
//! Nothing here aborts a run: every problem with one input becomes an [`Outcome::Rejected`]
//! or [`Outcome::Warning`] naming where it came from, and reading goes on.

mod decode;
mod discover;
mod html;
mod language;
mod metadata;
mod read;

use std::fmt;

pub use discover::{discover, format_of, Format, InputFile};
pub use frontline_core::Article;
pub use html::{html_main_text, HtmlDocument};
pub use language::detect_language;
pub use metadata::{normalise_language, Metadata};
pub use read::{read_bytes, read_file, read_file_until, read_json_lines};

/// What the command line says about every input; it overrides any metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestOptions {
    pub published: Option<chrono::NaiveDate>,
    pub language: Option<String>,
    /// Files larger than this are refused unread; for JSON Lines, the limit is per line.
    pub max_file_bytes: u64,
    /// A JSON Lines file at least this large is read in the order of its lines' days of
    /// publication (the earliest first, undated lines before them, lines of one day in their
    /// order), not in the order of its lines. A store merges events within days: taking a
    /// large file day by day, it writes each day's events beside the previous ones, where a
    /// file in no order scatters them over indexes as large as the store. `u64::MAX` (the
    /// default): always in the order of the lines.
    pub day_order_from_bytes: u64,
}

/// 64 MiB: far beyond any news report, small enough to hold in memory.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// What `frontline ingest` reads in day order (see [`IngestOptions::day_order_from_bytes`]):
/// 64 MiB, some 20,000 reports. Smaller files keep the order of their lines (and of their
/// messages); below a few hundred thousand reports the order costs a store little.
pub const INGEST_DAY_ORDER_FROM_BYTES: u64 = 64 * 1024 * 1024;

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            published: None,
            language: None,
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            day_order_from_bytes: u64::MAX,
        }
    }
}

/// An input that yields no article, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {reason}")]
pub struct Rejection {
    /// The path, or "path:line" for one line of a JSON Lines file.
    pub origin: String,
    pub reason: String,
}

/// Something wrong with an input that still yields an article (e.g. repaired UTF-8).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub origin: String,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

/// One result of reading an input file; a JSON Lines file gives many.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Article(Article),
    Rejected(Rejection),
    Warning(Warning),
}

impl Rejection {
    pub(crate) fn new(origin: impl Into<String>, reason: impl Into<String>) -> Self {
        Rejection { origin: origin.into(), reason: reason.into() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejection_and_warning_display_with_origin() {
        let r = Rejection::new("a/b.jsonl:3", "empty");
        assert_eq!(r.to_string(), "a/b.jsonl:3: empty");
        let w = Warning { origin: "c.txt".into(), message: "repaired".into() };
        assert_eq!(w.to_string(), "c.txt: repaired");
        assert_eq!(IngestOptions::default().max_file_bytes, 64 << 20);
    }
}
