use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

/// One report as stored: its main text (boilerplate already removed) and what is known of it.
#[derive(Debug, Clone, Deserialize)]
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
    /// SHA-256 of `text`: two articles with the same hash are stored once. Read it with
    /// [`Article::content_hash`], which computes it when it is not known yet.
    pub content_hash: ContentHash,
}

impl Article {
    /// The full hex SHA-256 of `text` ([`crate::content_hash`]): the one given when the
    /// article was made, else computed at the first call. Reading an article for its events
    /// never asks for it (`frontline extract` hashed every text for nothing); storing it does.
    pub fn content_hash(&self) -> &str {
        self.content_hash.0.get_or_init(|| crate::content_hash(self.text.as_bytes()))
    }
}

/// An article's [`Article::content_hash`]: known (read from a store, or computed for an id
/// made of it), or to be computed from the text when first asked for ([`Default`]).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(from = "String")]
pub struct ContentHash(OnceLock<String>);

impl ContentHash {
    /// A hash known already: it is not computed again.
    pub fn known(hash: String) -> ContentHash {
        ContentHash(OnceLock::from(hash))
    }
}

impl From<String> for ContentHash {
    fn from(hash: String) -> ContentHash {
        ContentHash::known(hash)
    }
}

/// Field by field, the hashes as [`Article::content_hash`] gives them: an article whose hash
/// was not asked for yet equals a copy whose hash was.
impl PartialEq for Article {
    fn eq(&self, other: &Article) -> bool {
        // Taken apart so that a field added later must be compared here too.
        let Article { id, text, language, published, source, url, title, origin, content_hash: _ } = self;
        *id == other.id
            && *text == other.text
            && *language == other.language
            && *published == other.published
            && *source == other.source
            && *url == other.url
            && *title == other.title
            && *origin == other.origin
            && self.content_hash() == other.content_hash()
    }
}

/// Written as `#[derive(Serialize)]` wrote it, the hash as a string: computed from the text
/// when not known yet, which the hash alone cannot do.
impl Serialize for Article {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut article = serializer.serialize_struct("Article", 9)?;
        article.serialize_field("id", &self.id)?;
        article.serialize_field("text", &self.text)?;
        article.serialize_field("language", &self.language)?;
        article.serialize_field("published", &self.published)?;
        article.serialize_field("source", &self.source)?;
        article.serialize_field("url", &self.url)?;
        article.serialize_field("title", &self.title)?;
        article.serialize_field("origin", &self.origin)?;
        article.serialize_field("content_hash", self.content_hash())?;
        article.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(content_hash: ContentHash) -> Article {
        Article {
            id: "a".into(),
            text: "some text".into(),
            language: "en".into(),
            published: None,
            source: None,
            url: None,
            title: None,
            origin: "test".into(),
            content_hash,
        }
    }

    #[test]
    fn an_unknown_hash_is_the_texts_and_a_known_one_is_kept() {
        assert_eq!(article(ContentHash::default()).content_hash(), crate::content_hash(b"some text"));
        assert_eq!(article(ContentHash::known("given".into())).content_hash(), "given");
    }

    #[test]
    fn an_article_equals_its_copy_whether_or_not_its_hash_was_asked_for() {
        let lazy = article(ContentHash::default());
        let asked = lazy.clone();
        asked.content_hash();
        assert_eq!(lazy, asked);
        assert_ne!(lazy, article(ContentHash::known("another".into())));
    }

    #[test]
    fn serialized_with_the_hash_and_read_back() {
        let json = serde_json::to_value(article(ContentHash::default())).expect("serialize");
        assert_eq!(json["content_hash"], crate::content_hash(b"some text"));
        assert_eq!(json["origin"], "test");
        let back: Article = serde_json::from_value(json).expect("deserialize");
        assert_eq!(back.content_hash(), crate::content_hash(b"some text"));
    }
}
