//! What an `articles.jsonl` index line or a JSON Lines article line says about an article.

use chrono::{DateTime, NaiveDate};
use serde::{Deserialize, Deserializer};

/// Known facts about one article, from a metadata index line or a JSON Lines article line.
/// Unknown keys (such as the corpus's `note`) are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Metadata {
    pub id: Option<String>,
    /// In an index: the name of the file this line describes, relative to the index's folder.
    pub file: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    #[serde(default, deserialize_with = "published_date")]
    pub published: Option<NaiveDate>,
    pub language: Option<String>,
}

impl Metadata {
    /// Fills the fields this line leaves empty from `defaults` (an index line for the whole
    /// file). The id and file name are never inherited: they name one article only.
    pub(crate) fn inherit(mut self, defaults: Option<&Metadata>) -> Metadata {
        if let Some(d) = defaults {
            self.title = self.title.or_else(|| d.title.clone());
            self.url = self.url.or_else(|| d.url.clone());
            self.source = self.source.or_else(|| d.source.clone());
            self.published = self.published.or(d.published);
            self.language = self.language.or_else(|| d.language.clone());
        }
        self
    }
}

/// One line of a JSON Lines article file: metadata plus the text or the page itself.
#[derive(Debug, Deserialize)]
pub(crate) struct ArticleLine {
    #[serde(flatten)]
    pub meta: Metadata,
    pub text: Option<String>,
    pub html: Option<String>,
}

/// Accepts `YYYY-MM-DD`, an RFC 3339 datetime (its date in its own offset, which is the date
/// the outlet printed), or null. Anything else is an error, so a typo in an index surfaces
/// instead of silently dropping the date.
pub(crate) fn published_date<'de, D: Deserializer<'de>>(de: D) -> Result<Option<NaiveDate>, D::Error> {
    let Some(raw) = Option::<String>::deserialize(de)? else {
        return Ok(None);
    };
    parse_date(&raw).map(Some).ok_or_else(|| serde::de::Error::custom(format!("invalid published date {raw:?}")))
}

/// Parses a date as written in metadata and HTML meta tags; `None` when it is neither a
/// plain date nor an RFC 3339 datetime.
pub(crate) fn parse_date(raw: &str) -> Option<NaiveDate> {
    let raw = raw.trim();
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .ok()
        .or_else(|| DateTime::parse_from_rfc3339(raw).ok().map(|d| d.date_naive()))
}

/// Lower-cased primary subtag of a language tag ("fr-FR" -> "fr"); `None` if it does not
/// look like an ISO 639 code, so junk in a `lang` attribute cannot become a language.
pub fn normalise_language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    let plausible = (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_lowercase());
    plausible.then_some(primary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_accepts_date_datetime_and_null() {
        let m: Metadata = serde_json::from_str(r#"{"published": "2020-01-28"}"#).unwrap();
        assert_eq!(m.published, NaiveDate::from_ymd_opt(2020, 1, 28));
        let m: Metadata = serde_json::from_str(r#"{"published": "2020-01-28T23:30:00+03:00"}"#).unwrap();
        assert_eq!(m.published, NaiveDate::from_ymd_opt(2020, 1, 28));
        let m: Metadata = serde_json::from_str(r#"{"published": null, "note": "x"}"#).unwrap();
        assert_eq!(m.published, None);
        assert!(serde_json::from_str::<Metadata>(r#"{"published": "28/01/2020"}"#).is_err());
    }

    #[test]
    fn language_tags_are_normalised() {
        assert_eq!(normalise_language("fr-FR").as_deref(), Some("fr"));
        assert_eq!(normalise_language(" EN ").as_deref(), Some("en"));
        assert_eq!(normalise_language("français"), None);
        assert_eq!(normalise_language(""), None);
    }
}
