//! A store in either database: an SQLite file (the default) or PostgreSQL (`--db
//! postgres://…`), behind one interface, so that the command line and the API need not
//! know which.

use std::path::Path;

use frontline_core::{Article, Event, MergedEvent};

use crate::pg::{is_postgres_url, PgStore};
use crate::{ArticleSummary, EventFilter, MergeFn, Page, Saved, Sketch, Store, StoreError};

/// A store: SQLite or PostgreSQL.
pub enum Database {
    Sqlite(Store),
    /// Boxed: a PostgreSQL client is larger than an SQLite connection.
    Postgres(Box<PgStore>),
}

/// Calls the same method on whichever store this is.
macro_rules! either {
    ($self:ident, $store:ident => $call:expr) => {
        match $self {
            Database::Sqlite($store) => $call,
            Database::Postgres($store) => $call,
        }
    };
}

impl Database {
    /// The URL of a PostgreSQL database, if `location` is one (else it is a file's path).
    fn url(location: &Path) -> Option<&str> {
        location.to_str().filter(|l| is_postgres_url(l))
    }

    /// Opens the store at `location` to write: a `postgres://` URL, else an SQLite file
    /// (created if missing).
    pub fn open(location: &Path) -> Result<Database, StoreError> {
        Ok(match Database::url(location) {
            Some(url) => Database::Postgres(Box::new(PgStore::open(url)?)),
            None => Database::Sqlite(Store::open(location)?),
        })
    }

    /// Opens the store at `location` only to read it; a missing store is an error.
    pub fn open_read_only(location: &Path) -> Result<Database, StoreError> {
        Ok(match Database::url(location) {
            Some(url) => Database::Postgres(Box::new(PgStore::open_read_only(url)?)),
            None => Database::Sqlite(Store::open_read_only(location)?),
        })
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self, Database::Postgres(_))
    }

    pub fn batch(&mut self, articles: usize) {
        either!(self, s => s.batch(articles))
    }

    pub fn flush(&mut self) -> Result<(), StoreError> {
        either!(self, s => s.flush())
    }

    pub fn save(
        &mut self,
        article: &Article,
        events: &[Event],
        figures_json: &str,
        merge: MergeFn<'_>,
    ) -> Result<Saved, StoreError> {
        either!(self, s => s.save(article, events, figures_json, merge))
    }

    pub fn save_sketched(
        &mut self,
        article: &Article,
        events: &[Event],
        figures_json: &str,
        merge: MergeFn<'_>,
        sketch: &Sketch,
    ) -> Result<Saved, StoreError> {
        either!(self, s => s.save_sketched(article, events, figures_json, merge, sketch))
    }

    pub fn save_if_reprint(
        &mut self,
        article: &Article,
        sketch: &Sketch,
        merge: MergeFn<'_>,
    ) -> Result<Option<(Saved, usize)>, StoreError> {
        either!(self, s => s.save_if_reprint(article, sketch, merge))
    }

    pub fn resave(
        &mut self,
        article: &Article,
        events: &[Event],
        figures_json: &str,
        merge: MergeFn<'_>,
    ) -> Result<Saved, StoreError> {
        either!(self, s => s.resave(article, events, figures_json, merge))
    }

    pub fn forget(&mut self, id: &str, merge: MergeFn<'_>) -> Result<bool, StoreError> {
        either!(self, s => s.forget(id, merge))
    }

    pub fn remerge_all(&mut self, merge: MergeFn<'_>) -> Result<usize, StoreError> {
        either!(self, s => s.remerge_all(merge))
    }

    pub fn id_of_hash(&self, content_hash: &str) -> Result<Option<String>, StoreError> {
        either!(self, s => s.id_of_hash(content_hash))
    }

    pub fn versions(&self, id: &str) -> Result<Vec<(String, String)>, StoreError> {
        either!(self, s => s.versions(id))
    }

    pub fn article_ids(&self) -> Result<Vec<String>, StoreError> {
        either!(self, s => s.article_ids())
    }

    pub fn reprint_of(&self, id: &str) -> Result<Option<String>, StoreError> {
        either!(self, s => s.reprint_of(id))
    }

    pub fn merged_events(&self, filter: &EventFilter) -> Result<Vec<MergedEvent>, StoreError> {
        either!(self, s => s.merged_events(filter))
    }

    pub fn events(&self, filter: &EventFilter) -> Result<Vec<Event>, StoreError> {
        either!(self, s => s.events(filter))
    }

    pub fn events_page(&self, filter: &EventFilter, page: Page) -> Result<Vec<Event>, StoreError> {
        either!(self, s => s.events_page(filter, page))
    }

    pub fn merged_events_page(&self, filter: &EventFilter, page: Page) -> Result<Vec<MergedEvent>, StoreError> {
        either!(self, s => s.merged_events_page(filter, page))
    }

    pub fn count_events(&self, filter: &EventFilter) -> Result<u64, StoreError> {
        either!(self, s => s.count_events(filter))
    }

    pub fn count_merged_events(&self, filter: &EventFilter) -> Result<u64, StoreError> {
        either!(self, s => s.count_merged_events(filter))
    }

    pub fn event(&self, event_id: &str) -> Result<Option<Event>, StoreError> {
        either!(self, s => s.event(event_id))
    }

    pub fn merged_event(&self, event_id: &str) -> Result<Option<MergedEvent>, StoreError> {
        either!(self, s => s.merged_event(event_id))
    }

    pub fn merged_event_of(&self, event: &Event) -> Result<Option<MergedEvent>, StoreError> {
        either!(self, s => s.merged_event_of(event))
    }

    pub fn territory_events(&self) -> Result<Vec<MergedEvent>, StoreError> {
        either!(self, s => s.territory_events())
    }

    pub fn articles(&self) -> Result<Vec<ArticleSummary>, StoreError> {
        either!(self, s => s.articles())
    }

    pub fn article(&self, id: &str) -> Result<Option<Article>, StoreError> {
        either!(self, s => s.article(id))
    }
}

impl From<Store> for Database {
    fn from(store: Store) -> Database {
        Database::Sqlite(store)
    }
}
