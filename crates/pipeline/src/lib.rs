//! One article through the stages after ingest: its events are extracted, stored with it,
//! and merged with the events already stored, in one transaction. A reprint of a stored
//! article (a near duplicate, see `frontline_store::near`) is not read: it is stored as
//! another source of its original's events. The command line and the HTTP API both store
//! articles through here.

use std::collections::HashMap;

use chrono::NaiveDate;
use frontline_core::{Article, Event, MergedEvent};
use frontline_extract::{Extraction, Extractor};
use frontline_store::{Database, MergeStage, Saved, StoreError};

/// What storing one article did.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    pub saved: Saved,
    /// Events read from the article, or shared with its original for a reprint (0 for a
    /// duplicate).
    pub events: usize,
    /// Why the article was not read, when it was not (a language without a pack).
    pub note: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error("cannot store {origin}: {source}")]
    Store { origin: String, source: StoreError },
    #[error("cannot write the figures of {origin}: {source}")]
    Figures { origin: String, source: serde_json::Error },
}

/// The merge stage as the store calls it for each block an article touches. The store is
/// given [`MergeStage`], which merges alike and tells it that this is the merge stage.
pub fn merge_block(events: &[Event], published: &HashMap<String, NaiveDate>) -> Vec<MergedEvent> {
    frontline_merge::merge_block(events, &|article| published.get(article).copied())
}

/// Extracts, stores and merges one article. A text already stored is not read again, nor
/// is a reprint of one.
pub fn store_article(article: &Article, extractor: &Extractor, store: &mut Database) -> Result<Stored, PipelineError> {
    store_article_with(article, extractor, store, true)
}

/// [`store_article`], with or without recognising reprints (without: every article not
/// already stored word for word is read, as before reprints were recognised).
pub fn store_article_with(
    article: &Article,
    extractor: &Extractor,
    store: &mut Database,
    reprints: bool,
) -> Result<Stored, PipelineError> {
    let store_error = |source| PipelineError::Store { origin: article.origin.clone(), source };
    if let Some(existing_id) = store.id_of_hash(article.content_hash()).map_err(store_error)? {
        return Ok(Stored { saved: Saved::Duplicate { existing_id }, events: 0, note: None });
    }
    let sketch = frontline_store::near::sketch(&article.text, &article.language, article.published);
    if reprints {
        if let Some((saved, events)) = store.save_if_reprint(article, &sketch, &MergeStage).map_err(store_error)? {
            return Ok(Stored { saved, events, note: None });
        }
    }
    let extraction = extractor.read(article);
    let figures = figures_json(&extraction)
        .map_err(|source| PipelineError::Figures { origin: article.origin.clone(), source })?;
    let saved =
        store.save_sketched(article, &extraction.events, &figures, &MergeStage, &sketch).map_err(store_error)?;
    let events = if matches!(saved, Saved::Duplicate { .. }) { 0 } else { extraction.events.len() };
    Ok(Stored { saved, events, note: extraction.note })
}

/// Reads a stored article again (with new metadata, or a newer extractor) and stores what
/// it gives now in place of what it gave before.
pub fn reread_article(article: &Article, extractor: &Extractor, store: &mut Database) -> Result<Stored, PipelineError> {
    let store_error = |source| PipelineError::Store { origin: article.origin.clone(), source };
    let extraction = extractor.read(article);
    let figures = figures_json(&extraction)
        .map_err(|source| PipelineError::Figures { origin: article.origin.clone(), source })?;
    let saved = store.resave(article, &extraction.events, &figures, &MergeStage).map_err(store_error)?;
    Ok(Stored { saved, events: extraction.events.len(), note: extraction.note })
}

/// Deletes a stored article and its events, and merges again what they were part of.
pub fn forget_article(id: &str, store: &mut Database) -> Result<bool, PipelineError> {
    store.forget(id, &MergeStage).map_err(|source| PipelineError::Store { origin: id.to_owned(), source })
}

/// Merges every stored event again from scratch, as one save after another would have;
/// returns how many blocks (type and place) were merged.
pub fn remerge_store(store: &mut Database) -> Result<usize, PipelineError> {
    store.remerge_all(&MergeStage).map_err(|source| PipelineError::Store { origin: "the store".to_owned(), source })
}

/// The figures an article gives over a period, as stored with it.
fn figures_json(extraction: &Extraction) -> Result<String, serde_json::Error> {
    let figures: Vec<serde_json::Value> = extraction
        .figures
        .iter()
        .map(|f| serde_json::json!({"killed": f.killed, "injured": f.injured, "evidence": f.evidence}))
        .collect();
    serde_json::to_string(&figures)
}
