//! The embedded store: articles and their events in one SQLite file. Each article is saved
//! with its events in one transaction, so a run that stops half way loses nothing already
//! stored and leaves nothing half-written. Queries take their values as SQL parameters.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::time::Duration;

use chrono::NaiveDate;
use frontline_core::{Article, Event, MergedEvent};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store {path}: {source}")]
    Open { path: String, source: rusqlite::Error },
    #[error("store: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("store: a stored record is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("store {path} was written by a newer frontline (schema {found}, this one knows {known})")]
    TooNew { path: String, found: i64, known: i64 },
    #[error("no store at {path} (ingest reports into it first, or give --db the path of one)")]
    Missing { path: String },
    #[error("{path} is not a frontline store ({why})")]
    NotAStore { path: String, why: String },
}

/// What saving an article did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    Inserted,
    /// The same text is already stored, under this id.
    Duplicate {
        existing_id: String,
    },
    /// A new version of an article of this id (or URL) with another text: it took the
    /// article's place, with its events; the old text is kept in `article_versions`.
    Replaced,
}

/// Filters of `frontline events`; every field narrows the result.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// An event type or sub-event type, as ACLED spells it (case-insensitive).
    pub event_type: Option<String>,
    /// Part of the place's name, as stored or as the article spelled it.
    pub place: Option<String>,
    /// A canonical actor id or part of an actor's name.
    pub actor: Option<String>,
    pub article: Option<String>,
    /// With `since` or `until`: keep undated events too (by default a date filter keeps only
    /// events known to fall in its range).
    pub undated: bool,
}

/// A page of a query's results: at most `limit` records after skipping `offset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub limit: u32,
    pub offset: u64,
}

/// An article as `frontline articles` lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleSummary {
    pub id: String,
    pub language: String,
    pub published: Option<NaiveDate>,
    pub source: Option<String>,
    pub title: Option<String>,
    pub origin: String,
    pub events: usize,
    /// Figures the article gives over a period, as JSON.
    pub figures: String,
}

pub struct Store {
    conn: Connection,
}

const SCHEMA_VERSION: i64 = 3;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    language TEXT NOT NULL,
    published TEXT,
    source TEXT,
    url TEXT,
    title TEXT,
    origin TEXT NOT NULL,
    text TEXT NOT NULL,
    figures TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE IF NOT EXISTS events (
    event_id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    date_start TEXT,
    date_end TEXT,
    location TEXT NOT NULL,
    mention TEXT NOT NULL,
    place_key TEXT NOT NULL,
    actor1_id TEXT,
    actor2_id TEXT,
    actors TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_by_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_by_date ON events(date_start, date_end);
-- A block's events by their windows: a save merges again only the days it reaches, and
-- the index answers which those are without reading the rows.
DROP INDEX IF EXISTS events_by_block;
CREATE INDEX IF NOT EXISTS events_by_block_days ON events(sub_event_type, place_key, date_start, date_end);
CREATE TABLE IF NOT EXISTS merged_events (
    event_id TEXT PRIMARY KEY,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    date_start TEXT,
    date_end TEXT,
    location TEXT NOT NULL,
    mention TEXT NOT NULL,
    place_key TEXT NOT NULL,
    actor1_id TEXT,
    actor2_id TEXT,
    actors TEXT NOT NULL,
    articles TEXT NOT NULL,
    record TEXT NOT NULL
);
DROP INDEX IF EXISTS merged_by_block;
CREATE INDEX IF NOT EXISTS merged_by_block_days ON merged_events(sub_event_type, place_key, date_start, date_end);
CREATE INDEX IF NOT EXISTS merged_by_date ON merged_events(date_start, date_end);
-- The longest date window of each block's events (never lowered): an event that overlaps a
-- day starts at most that many days before it, which bounds what a save reads.
CREATE TABLE IF NOT EXISTS block_windows (
    sub_event_type TEXT NOT NULL,
    place_key TEXT NOT NULL,
    longest_days INTEGER NOT NULL,
    PRIMARY KEY (sub_event_type, place_key)
) WITHOUT ROWID;
-- Earlier texts of articles: a report corrected under the same id or URL is a new version,
-- and the one it replaced is kept here (its events are not: they were read from the old text).
CREATE TABLE IF NOT EXISTS article_versions (
    id TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    language TEXT NOT NULL,
    published TEXT,
    source TEXT,
    url TEXT,
    title TEXT,
    origin TEXT NOT NULL,
    text TEXT NOT NULL,
    replaced_by TEXT NOT NULL,
    replaced_at TEXT NOT NULL DEFAULT (datetime('now')),
    PRIMARY KEY (id, content_hash)
);
";

/// Brings a store of an earlier schema version up to this one.
const MIGRATIONS: &[(i64, &str)] = &[(
    2,
    "INSERT OR REPLACE INTO block_windows
     SELECT sub_event_type, place_key, CAST(max(julianday(date_end) - julianday(date_start)) AS INTEGER)
     FROM events WHERE date_start IS NOT NULL AND date_end IS NOT NULL GROUP BY sub_event_type, place_key;",
)];

/// Merges the events of one block (type and place) given the publication dates of their
/// articles; supplied by the merge stage.
pub type MergeFn<'a> = &'a dyn Fn(&[Event], &HashMap<String, NaiveDate>) -> Vec<MergedEvent>;

fn actor_names(event: &Event) -> String {
    [&event.actor1, &event.assoc_actor_1, &event.actor2, &event.assoc_actor_2]
        .into_iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Refuses a file that SQLite cannot read or that holds other tables than a store's: a
/// mistyped `--db` must not turn someone's database into a frontline store.
/// An empty database passes when `allow_empty` (a store about to be created in it).
fn check_is_store(conn: &Connection, shown: &str, allow_empty: bool) -> Result<(), StoreError> {
    let not_a_store = |why: String| StoreError::NotAStore { path: shown.to_owned(), why };
    let tables: Result<(i64, i64), rusqlite::Error> = conn.query_row(
        "SELECT count(*), count(*) FILTER (WHERE name = 'articles') FROM sqlite_master WHERE type = 'table'",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    );
    match tables {
        Ok((0, _)) if allow_empty => Ok(()),
        Ok((0, _)) => Err(not_a_store("an empty database".into())),
        Ok((_, 0)) => Err(not_a_store("a database without frontline's tables".into())),
        Ok(_) => Ok(()),
        Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == rusqlite::ErrorCode::NotADatabase => {
            Err(not_a_store("not an SQLite database".into()))
        }
        Err(source) => Err(StoreError::Open { path: shown.to_owned(), source }),
    }
}

impl Store {
    /// Opens the store at `path` to read it, never writing: not its schema, not its journal
    /// mode. A missing file is an error (not a new empty store), and so is a file that is
    /// not a frontline store. A store in a folder that cannot be written (where SQLite
    /// cannot create the WAL's shared-memory file) is opened as immutable.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        let shown = path.display().to_string();
        if !path.is_file() {
            return Err(if path.exists() {
                StoreError::NotAStore { path: shown, why: "not a file".into() }
            } else {
                StoreError::Missing { path: shown }
            });
        }
        let open_error = |source| StoreError::Open { path: shown.clone(), source };
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(open_error)?;
        conn.busy_timeout(Duration::from_secs(30)).map_err(open_error)?;
        let conn = match check_is_store(&conn, &shown, false) {
            Err(StoreError::Open { source: rusqlite::Error::SqliteFailure(e, _), .. })
                if matches!(e.code, rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly) =>
            {
                // Nothing can write where this process cannot create a file beside the
                // store, so reading it as immutable sees all there is.
                let conn = Connection::open_with_flags(immutable_uri(path), flags).map_err(open_error)?;
                check_is_store(&conn, &shown, false)?;
                conn
            }
            other => other.map(|()| conn)?,
        };
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(open_error)?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew { path: shown, found: version, known: SCHEMA_VERSION });
        }
        conn.pragma_update(None, "cache_size", -16_384).map_err(open_error)?;
        Ok(Store { conn })
    }

    /// Opens (creating if needed) the store at `path` to write it.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let shown = path.display().to_string();
        let open_error = |source| StoreError::Open { path: shown.clone(), source };
        let existed = path.metadata().is_ok_and(|m| m.len() > 0);
        let conn = Connection::open(path).map_err(open_error)?;
        conn.busy_timeout(Duration::from_secs(30)).map_err(open_error)?;
        if existed {
            check_is_store(&conn, &shown, true)?;
        }
        // WAL lets readers work while an ingest writes.
        conn.pragma_update(None, "journal_mode", "WAL").map_err(open_error)?;
        conn.pragma_update(None, "foreign_keys", true).map_err(open_error)?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(open_error)?;
        // 16 MiB of pages kept in memory (SQLite's default is 2 MiB): a save reads the
        // indexes of the blocks it merges, which a growing store would otherwise read from
        // the file again and again.
        conn.pragma_update(None, "cache_size", -16_384).map_err(open_error)?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(open_error)?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew { path: shown, found: version, known: SCHEMA_VERSION });
        }
        conn.execute_batch(SCHEMA).map_err(open_error)?;
        for (to, migration) in MIGRATIONS.iter().filter(|(to, _)| version < *to) {
            conn.execute_batch(migration).map_err(open_error)?;
            conn.pragma_update(None, "user_version", to).map_err(open_error)?;
        }
        if version < SCHEMA_VERSION {
            // Only then: opening an up-to-date store writes nothing, and so never waits for
            // an ingest's write lock.
            conn.pragma_update(None, "user_version", SCHEMA_VERSION).map_err(open_error)?;
        }
        Ok(Store { conn })
    }

    /// The id of the article stored with this text, if any.
    /// (Also true of [`Store::open_read_only`]: every query below reads only.)
    pub fn id_of_hash(&self, content_hash: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT id FROM articles WHERE content_hash = ?1", [content_hash], |r| r.get(0))
            .optional()?)
    }

    /// Saves an article with its events and figures, and merges again the blocks its events
    /// (and those of the version it replaces) belong to, all in one transaction. The
    /// transaction takes the write lock at once, so that two writers wait for each other
    /// (up to the busy timeout) instead of failing on a read turned write.
    pub fn save(
        &mut self,
        article: &Article,
        events: &[Event],
        figures_json: &str,
        merge: MergeFn<'_>,
    ) -> Result<Saved, StoreError> {
        if let Some(existing_id) = self.id_of_hash(&article.content_hash)? {
            return Ok(Saved::Duplicate { existing_id });
        }
        self.write(article, events, figures_json, merge)
    }

    /// Saves an article again, with events read anew (new metadata, a newer extractor),
    /// whether or not its text is already stored: `frontline reread`.
    pub fn resave(
        &mut self,
        article: &Article,
        events: &[Event],
        figures_json: &str,
        merge: MergeFn<'_>,
    ) -> Result<Saved, StoreError> {
        self.write(article, events, figures_json, merge)
    }

    /// Deletes an article, its events and its earlier versions, and merges again what its
    /// events were part of. False when there was no such article.
    pub fn forget(&mut self, id: &str, merge: MergeFn<'_>) -> Result<bool, StoreError> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let blocks = blocks_of(&tx, &[id])?;
        let deleted = tx.execute("DELETE FROM articles WHERE id = ?1", [id])? > 0;
        tx.execute("DELETE FROM article_versions WHERE id = ?1", [id])?;
        for (block, windows) in &blocks {
            remerge_around(&tx, block, windows, merge)?;
        }
        tx.commit()?;
        Ok(deleted)
    }

    /// The earlier texts of an article, oldest first: (content hash, text).
    pub fn versions(&self, id: &str) -> Result<Vec<(String, String)>, StoreError> {
        let mut statement =
            self.conn.prepare("SELECT content_hash, text FROM article_versions WHERE id = ?1 ORDER BY rowid")?;
        let rows = statement.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Ids of every stored article, in order.
    pub fn article_ids(&self) -> Result<Vec<String>, StoreError> {
        let mut statement = self.conn.prepare("SELECT id FROM articles ORDER BY id")?;
        let rows = statement.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn write(
        &mut self,
        article: &Article,
        events: &[Event],
        figures_json: &str,
        merge: MergeFn<'_>,
    ) -> Result<Saved, StoreError> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // The article this one is a new version of: the same id, or the same URL under
        // another id (a feed that numbers its items afresh).
        let mut previous: Vec<String> = vec![article.id.clone()];
        if let Some(url) = article.url.as_deref().filter(|u| !u.trim().is_empty()) {
            let mut same_url = tx.prepare("SELECT id FROM articles WHERE url = ?1 AND id <> ?2")?;
            for id in same_url.query_map(params![url, article.id], |r| r.get::<_, String>(0))? {
                previous.push(id?);
            }
        }
        let previous_refs: Vec<&str> = previous.iter().map(String::as_str).collect();
        // Each block the article touches, with the windows of its events there, old and new:
        // only the events those windows reach are merged again.
        let mut blocks = blocks_of(&tx, &previous_refs)?;
        // An earlier text is kept as a version; the same text read again (reread) is not.
        let kept = tx.execute(
            "INSERT OR IGNORE INTO article_versions
               (id, content_hash, language, published, source, url, title, origin, text, replaced_by)
             SELECT id, content_hash, language, published, source, url, title, origin, text, ?2
             FROM articles WHERE id = ?1 AND content_hash <> ?3",
            params![article.id, article.id, article.content_hash],
        )?;
        let mut replaced = kept > 0;
        for old in &previous[1..] {
            tx.execute(
                "INSERT OR IGNORE INTO article_versions
                   (id, content_hash, language, published, source, url, title, origin, text, replaced_by)
                 SELECT id, content_hash, language, published, source, url, title, origin, text, ?2
                 FROM articles WHERE id = ?1",
                params![old, article.id],
            )?;
            replaced |= tx.execute("DELETE FROM articles WHERE id = ?1", [old])? > 0;
        }
        tx.execute("DELETE FROM articles WHERE id = ?1", [&article.id])?;
        tx.execute(
            "INSERT INTO articles (id, content_hash, language, published, source, url, title, origin, text, figures)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                article.id,
                article.content_hash,
                article.language,
                article.published.map(|d| d.to_string()),
                article.source,
                article.url,
                article.title,
                article.origin,
                article.text,
                figures_json,
            ],
        )?;
        {
            let mut insert = tx.prepare(
                "INSERT OR REPLACE INTO events (event_id, article_id, event_type, sub_event_type, date_start, date_end,
                 location, mention, place_key, actor1_id, actor2_id, actors, record)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?;
            let mut longest = tx.prepare(
                "INSERT INTO block_windows (sub_event_type, place_key, longest_days) VALUES (?1, ?2, ?3)
                 ON CONFLICT (sub_event_type, place_key) DO UPDATE SET longest_days = max(longest_days, excluded.longest_days)",
            )?;
            for event in events {
                insert.execute(params![
                    event.event_id,
                    event.article_id,
                    event.event_type.as_str(),
                    event.sub_event_type.as_str(),
                    event.date_start.map(|d| d.to_string()),
                    event.date_end.map(|d| d.to_string()),
                    event.location,
                    event.mention,
                    event.place_key(),
                    event.actor1_id.map(|a| a.as_str()),
                    event.actor2_id.map(|a| a.as_str()),
                    actor_names(event),
                    serde_json::to_string(event)?,
                ])?;
                if let (Some(start), Some(end)) = (event.date_start, event.date_end) {
                    longest.execute(params![
                        event.sub_event_type.as_str(),
                        event.place_key(),
                        (end - start).num_days()
                    ])?;
                }
                let window = (event.date_start.map(|d| d.to_string()), event.date_end.map(|d| d.to_string()));
                blocks.entry((event.sub_event_type.as_str().to_string(), event.place_key())).or_default().push(window);
            }
        }
        for (block, windows) in &blocks {
            remerge_around(&tx, block, windows, merge)?;
        }
        tx.commit()?;
        Ok(if replaced { Saved::Replaced } else { Saved::Inserted })
    }

    /// Merges every block again (after a change of merge rules).
    pub fn remerge_all(&mut self, merge: MergeFn<'_>) -> Result<usize, StoreError> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute("DELETE FROM merged_events", [])?;
        let blocks: Vec<(String, String)> = {
            let mut statement = tx.prepare("SELECT DISTINCT sub_event_type, place_key FROM events")?;
            let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        for block in &blocks {
            remerge_slice(&tx, block, &Slice::All, merge)?;
        }
        tx.commit()?;
        Ok(blocks.len())
    }

    /// Merged events matching the filter, by date then id.
    pub fn merged_events(&self, filter: &EventFilter) -> Result<Vec<MergedEvent>, StoreError> {
        self.query_records("merged_events", filter)
    }

    /// Events matching the filter, by date then id.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<Event>, StoreError> {
        self.query_records("events", filter)
    }

    /// A page of the events matching the filter, in the order of [`Store::events`].
    pub fn events_page(&self, filter: &EventFilter, page: Page) -> Result<Vec<Event>, StoreError> {
        self.query_page("events", filter, Some(page))
    }

    /// A page of the merged events matching the filter, in the order of [`Store::merged_events`].
    pub fn merged_events_page(&self, filter: &EventFilter, page: Page) -> Result<Vec<MergedEvent>, StoreError> {
        self.query_page("merged_events", filter, Some(page))
    }

    /// How many events match the filter.
    pub fn count_events(&self, filter: &EventFilter) -> Result<u64, StoreError> {
        self.count("events", filter)
    }

    /// How many merged events match the filter.
    pub fn count_merged_events(&self, filter: &EventFilter) -> Result<u64, StoreError> {
        self.count("merged_events", filter)
    }

    /// One event of one article, by id.
    pub fn event(&self, event_id: &str) -> Result<Option<Event>, StoreError> {
        self.record_by_id("events", event_id)
    }

    /// One merged event, by id.
    pub fn merged_event(&self, event_id: &str) -> Result<Option<MergedEvent>, StoreError> {
        self.record_by_id("merged_events", event_id)
    }

    /// The merged event that an event of one article is a source of.
    pub fn merged_event_of(&self, event: &Event) -> Result<Option<MergedEvent>, StoreError> {
        let mut statement =
            self.conn.prepare("SELECT record FROM merged_events WHERE sub_event_type = ?1 AND place_key = ?2")?;
        let rows = statement
            .query_map(params![event.sub_event_type.as_str(), event.place_key()], |r| r.get::<_, String>(0))?;
        for row in rows {
            let merged: MergedEvent = serde_json::from_str(&row?)?;
            if merged.sources.iter().any(|s| s.event_id == event.event_id) {
                return Ok(Some(merged));
            }
        }
        Ok(None)
    }

    /// Merged events that change who holds a place: what control timelines are made of.
    pub fn territory_events(&self) -> Result<Vec<MergedEvent>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT record FROM merged_events WHERE json_extract(record, '$.control') IS NOT NULL
             ORDER BY date_start, event_id",
        )?;
        let rows = statement.query_map([], |r| r.get::<_, String>(0))?;
        let mut records = Vec::new();
        for row in rows {
            records.push(serde_json::from_str(&row?)?);
        }
        Ok(records)
    }

    fn record_by_id<T: serde::de::DeserializeOwned>(
        &self,
        table: &str,
        event_id: &str,
    ) -> Result<Option<T>, StoreError> {
        let record: Option<String> = self
            .conn
            .query_row(&format!("SELECT record FROM {table} WHERE event_id = ?1"), [event_id], |r| r.get(0))
            .optional()?;
        Ok(record.map(|r| serde_json::from_str(&r)).transpose()?)
    }

    fn count(&self, table: &str, filter: &EventFilter) -> Result<u64, StoreError> {
        let (clause, values) = filter_clause(table, filter);
        let sql = format!("SELECT count(*) FROM {table} WHERE 1=1{clause}");
        let count: i64 = self.conn.query_row(&sql, rusqlite::params_from_iter(values.iter()), |r| r.get(0))?;
        Ok(u64::try_from(count).unwrap_or(0))
    }

    fn query_records<T: serde::de::DeserializeOwned>(
        &self,
        table: &str,
        filter: &EventFilter,
    ) -> Result<Vec<T>, StoreError> {
        self.query_page(table, filter, None)
    }

    fn query_page<T: serde::de::DeserializeOwned>(
        &self,
        table: &str,
        filter: &EventFilter,
        page: Option<Page>,
    ) -> Result<Vec<T>, StoreError> {
        let (clause, values) = filter_clause(table, filter);
        // By the last day an event may have happened, the most precisely dated first: an
        // event of one day comes before the week-long windows that end on it.
        let mut sql =
            format!("SELECT record FROM {table} WHERE 1=1{clause} ORDER BY date_end, date_start DESC, event_id");
        let mut bound: Vec<&dyn rusqlite::ToSql> = values.iter().map(|v| v as &dyn rusqlite::ToSql).collect();
        let limits = page.map(|p| (i64::from(p.limit), i64::try_from(p.offset).unwrap_or(i64::MAX)));
        if let Some((limit, offset)) = &limits {
            sql.push_str(&format!(" LIMIT ?{} OFFSET ?{}", bound.len() + 1, bound.len() + 2));
            bound.push(limit);
            bound.push(offset);
        }
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map(bound.as_slice(), |r| r.get::<_, String>(0))?;
        let mut records = Vec::new();
        for row in rows {
            records.push(serde_json::from_str(&row?)?);
        }
        Ok(records)
    }

    pub fn articles(&self) -> Result<Vec<ArticleSummary>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT a.id, a.language, a.published, a.source, a.title, a.origin, a.figures,
                    (SELECT count(*) FROM events e WHERE e.article_id = a.id)
             FROM articles a ORDER BY a.published, a.id",
        )?;
        let rows = statement.query_map([], |r| {
            Ok(ArticleSummary {
                id: r.get(0)?,
                language: r.get(1)?,
                published: r.get::<_, Option<String>>(2)?.and_then(|d| d.parse().ok()),
                source: r.get(3)?,
                title: r.get(4)?,
                origin: r.get(5)?,
                figures: r.get(6)?,
                events: r.get::<_, i64>(7)? as usize,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A stored article, for re-reading it (`frontline explain --article`).
    pub fn article(&self, id: &str) -> Result<Option<Article>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, text, language, published, source, url, title, origin, content_hash FROM articles WHERE id = ?1",
                [id],
                |r| {
                    Ok(Article {
                        id: r.get(0)?,
                        text: r.get(1)?,
                        language: r.get(2)?,
                        published: r.get::<_, Option<String>>(3)?.and_then(|d| d.parse().ok()),
                        source: r.get(4)?,
                        url: r.get(5)?,
                        title: r.get(6)?,
                        origin: r.get(7)?,
                        content_hash: r.get(8)?,
                    })
                },
            )
            .optional()?)
    }
}

/// An event's date window as stored: ISO days, which order as the days do.
type Window = (Option<String>, Option<String>);

/// The blocks the events of these articles belong to, with their windows there.
fn blocks_of(
    tx: &rusqlite::Transaction<'_>,
    articles: &[&str],
) -> Result<BTreeMap<(String, String), Vec<Window>>, StoreError> {
    let mut blocks: BTreeMap<(String, String), Vec<Window>> = BTreeMap::new();
    let mut old =
        tx.prepare("SELECT sub_event_type, place_key, date_start, date_end FROM events WHERE article_id = ?1")?;
    for article in articles {
        for row in old.query_map([article], |r| Ok(((r.get(0)?, r.get(1)?), (r.get(2)?, r.get(3)?))))? {
            let (block, window) = row?;
            blocks.entry(block).or_default().push(window);
        }
    }
    Ok(blocks)
}

/// `path` as an SQLite URI that opens it immutable (no locks, no WAL files).
fn immutable_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for byte in path.as_os_str().as_encoded_bytes().iter().copied() {
        if byte.is_ascii() && !matches!(byte, b'?' | b'#' | b'%') {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// The part of a block merged again.
enum Slice {
    /// The whole block.
    All,
    /// Undated events (they merge only with each other).
    Undated,
    /// Dated events whose windows meet the days from `first` to `last`; none of them starts
    /// before `floor` (empty when unknown).
    Days { floor: String, first: String, last: String },
}

impl Slice {
    /// The condition selecting the slice's rows, their date columns named with `table`'s
    /// prefix ("" or "e."), its parameters numbered from ?3 as [`Slice::days`] binds them.
    fn condition(&self, table: &str) -> String {
        match self {
            Slice::All => String::new(),
            Slice::Undated => format!(" AND {table}date_start IS NULL AND {table}date_end IS NULL"),
            Slice::Days { .. } => {
                format!(" AND {table}date_start >= ?5 AND {table}date_start <= ?4 AND {table}date_end >= ?3")
            }
        }
    }

    fn days(&self) -> Vec<&str> {
        match self {
            Slice::Days { floor, first, last } => vec![first, last, floor],
            _ => Vec::new(),
        }
    }
}

/// Merges again the events of a block that the given windows can reach. Events merge only
/// when their windows overlap, so the events linked to these windows lie in the smallest
/// span of days closed under "overlaps": found by widening the span until no event of the
/// block overlaps it without lying in it. Every merged event's window lies within one of
/// its members', so those of the span are exactly the merged events to replace.
fn remerge_around(
    tx: &rusqlite::Transaction<'_>,
    block: &(String, String),
    windows: &[Window],
    merge: MergeFn<'_>,
) -> Result<(), StoreError> {
    if windows.iter().any(|w| w.0.is_some() != w.1.is_some()) {
        return remerge_slice(tx, block, &Slice::All, merge);
    }
    if windows.iter().any(|w| w.0.is_none()) {
        remerge_slice(tx, block, &Slice::Undated, merge)?;
    }
    let first = windows.iter().filter_map(|w| w.0.clone()).min();
    let last = windows.iter().filter_map(|w| w.1.clone()).max();
    let (Some(mut first), Some(mut last)) = (first, last) else {
        return Ok(());
    };
    let longest: Option<i64> = tx
        .query_row(
            "SELECT longest_days FROM block_windows WHERE sub_event_type = ?1 AND place_key = ?2",
            params![block.0, block.1],
            |r| r.get(0),
        )
        .optional()?;
    let slice = |first: String, last: String| {
        let floor = longest.and_then(|days| days_before(&first, days)).unwrap_or_default();
        Slice::Days { floor, first, last }
    };
    // The slice's own condition, prepared once; its days change from round to round.
    let mut span = tx.prepare(&format!(
        "SELECT min(date_start), max(date_end) FROM events WHERE sub_event_type = ?1 AND place_key = ?2{}",
        slice(String::new(), String::new()).condition("")
    ))?;
    loop {
        let days = slice(first.clone(), last.clone());
        let mut bound: Vec<&str> = vec![&block.0, &block.1];
        bound.extend(days.days());
        let (low, high): (Option<String>, Option<String>) =
            span.query_row(rusqlite::params_from_iter(&bound), |r| Ok((r.get(0)?, r.get(1)?)))?;
        let wider_first = low.filter(|low| *low < first);
        let wider_last = high.filter(|high| *high > last);
        if wider_first.is_none() && wider_last.is_none() {
            break;
        }
        first = wider_first.unwrap_or(first);
        last = wider_last.unwrap_or(last);
    }
    remerge_slice(tx, block, &slice(first, last), merge)
}

/// The ISO day `days` days before `day`.
fn days_before(day: &str, days: i64) -> Option<String> {
    let day: NaiveDate = day.parse().ok()?;
    day.checked_sub_signed(chrono::TimeDelta::try_days(days)?).map(|d| d.to_string())
}

/// Replaces the merged events of a slice of a block by a fresh merge of its events.
fn remerge_slice(
    tx: &rusqlite::Transaction<'_>,
    block: &(String, String),
    slice: &Slice,
    merge: MergeFn<'_>,
) -> Result<(), StoreError> {
    let (sub_event_type, place_key) = block;
    let mut bound: Vec<&str> = vec![sub_event_type, place_key];
    bound.extend(slice.days());
    let mut events: Vec<Event> = Vec::new();
    let mut published: HashMap<String, NaiveDate> = HashMap::new();
    {
        let sql = format!(
            "SELECT e.record, a.id, a.published FROM events e JOIN articles a ON a.id = e.article_id
             WHERE e.sub_event_type = ?1 AND e.place_key = ?2{}",
            slice.condition("e.")
        );
        let mut statement = tx.prepare(&sql)?;
        let rows = statement.query_map(rusqlite::params_from_iter(&bound), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?))
        })?;
        for row in rows {
            let (record, article, date) = row?;
            events.push(serde_json::from_str(&record)?);
            if let Some(date) = date.and_then(|d| d.parse().ok()) {
                published.insert(article, date);
            }
        }
    }
    tx.execute(
        &format!("DELETE FROM merged_events WHERE sub_event_type = ?1 AND place_key = ?2{}", slice.condition("")),
        rusqlite::params_from_iter(&bound),
    )?;
    let mut insert = tx.prepare(
        "INSERT OR REPLACE INTO merged_events (event_id, event_type, sub_event_type, date_start, date_end, location,
         mention, place_key, actor1_id, actor2_id, actors, articles, record)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for merged in merge(&events, &published) {
        let event = &merged.event;
        let articles: BTreeSet<&str> = merged.sources.iter().map(|s| s.article_id.as_str()).collect();
        let articles = format!("|{}|", articles.into_iter().collect::<Vec<_>>().join("|"));
        insert.execute(params![
            event.event_id,
            event.event_type.as_str(),
            event.sub_event_type.as_str(),
            event.date_start.map(|d| d.to_string()),
            event.date_end.map(|d| d.to_string()),
            event.location,
            event.mention,
            place_key,
            event.actor1_id.map(|a| a.as_str()),
            event.actor2_id.map(|a| a.as_str()),
            actor_names(event),
            articles,
            serde_json::to_string(&merged)?,
        ])?;
    }
    Ok(())
}

/// The conditions of a filter over `table` ("events" or "merged_events"), each starting with
/// " AND ", and the values they bind, in order.
fn filter_clause(table: &str, filter: &EventFilter) -> (String, Vec<String>) {
    let mut sql = String::new();
    let mut values: Vec<String> = Vec::new();
    let mut bind = |clause: &str, value: String, sql: &mut String| {
        values.push(value);
        sql.push_str(&clause.replace('?', &format!("?{}", values.len())));
    };
    // An undated event is not known to fall in a date range: kept only when asked.
    let undated = if filter.undated { "(date_start IS NULL AND date_end IS NULL) OR " } else { "" };
    if let Some(since) = filter.since {
        bind(&format!(" AND ({undated}coalesce(date_end, date_start) >= ?)"), since.to_string(), &mut sql);
    }
    if let Some(until) = filter.until {
        bind(&format!(" AND ({undated}coalesce(date_start, date_end) <= ?)"), until.to_string(), &mut sql);
    }
    if let Some(kind) = &filter.event_type {
        bind(" AND (lower(event_type) = lower(?) OR lower(sub_event_type) = lower(?))", kind.clone(), &mut sql);
    }
    if let Some(place) = &filter.place {
        bind(" AND (location LIKE ? ESCAPE '\\' OR mention LIKE ? ESCAPE '\\')", like_pattern(place), &mut sql);
    }
    if let Some(actor) = &filter.actor {
        bind(
            " AND (actor1_id = upper(?) OR actor2_id = upper(?) OR actors LIKE '%' || ? || '%')",
            actor.clone(),
            &mut sql,
        );
    }
    if let Some(article) = &filter.article {
        let column = if table == "events" { "article_id = ?" } else { "articles LIKE '%|' || ? || '|%'" };
        bind(&format!(" AND {column}"), article.clone(), &mut sql);
    }
    (sql, values)
}

/// A LIKE pattern matching `text` anywhere, with LIKE's wildcards taken literally.
fn like_pattern(text: &str) -> String {
    let escaped = text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
}

#[cfg(test)]
mod tests {
    use super::*;
    use frontline_core::{content_hash, SubEventType};

    fn article(id: &str, text: &str) -> Article {
        Article {
            id: id.into(),
            text: text.into(),
            language: "en".into(),
            published: NaiveDate::from_ymd_opt(2021, 3, 10),
            source: Some("test".into()),
            url: None,
            title: None,
            origin: format!("{id}.txt"),
            content_hash: content_hash(text.as_bytes()),
        }
    }

    fn event(article_id: &str, place: &str) -> Event {
        let json = serde_json::json!({
            "event_id": format!("{article_id}-{place}"), "event_date": "2021-03-09", "date_start": "2021-03-09",
            "date_end": "2021-03-09", "time_precision": 1, "event_type": "Explosions/Remote violence",
            "sub_event_type": SubEventType::AirDroneStrike, "actor1": "Military Forces of Russia", "actor1_id": "RUS",
            "assoc_actor_1": null, "actor2": null, "actor2_id": null, "assoc_actor_2": null, "location": place,
            "mention": place, "geonameid": null, "latitude": 35.8, "longitude": 36.6, "geo_precision": 1,
            "admin1": "Idlib", "country": "Syria", "iso": 760, "fatalities": 2, "civilian_fatalities": null,
            "child_fatalities": null, "injuries": null, "control": null, "article_id": article_id, "language": "en",
            "evidence": "Jets struck it.", "evidence_start": 0, "evidence_end": 15, "confidence": 0.8,
            "trigger": "struck", "claimed_by": null
        });
        serde_json::from_value(json).expect("a valid event")
    }

    /// Every event alone, with its one source: enough to see what the store does with merges.
    fn each_alone(events: &[Event], _: &HashMap<String, NaiveDate>) -> Vec<MergedEvent> {
        events.iter().map(MergedEvent::single).collect()
    }

    /// An event at Ariha over days `first..=last` of March 2021.
    fn event_on(article_id: &str, first: u32, last: u32) -> Event {
        let mut e = event(article_id, "Ariha");
        e.date_start = NaiveDate::from_ymd_opt(2021, 3, first);
        e.date_end = NaiveDate::from_ymd_opt(2021, 3, last);
        e
    }

    /// Merges the events whose windows overlap, directly or through others: the rule the
    /// merge stage applies within a block, without its other conditions.
    fn overlapping_together(events: &[Event], _: &HashMap<String, NaiveDate>) -> Vec<MergedEvent> {
        let mut sorted: Vec<&Event> = events.iter().collect();
        sorted.sort_by_key(|e| (e.date_start, e.event_id.clone()));
        let mut groups: Vec<Vec<&Event>> = Vec::new();
        for event in sorted {
            match groups.last_mut() {
                Some(group) if group.iter().filter_map(|e| e.date_end).max() >= event.date_start => group.push(event),
                _ => groups.push(vec![event]),
            }
        }
        groups
            .into_iter()
            .map(|group| {
                let mut merged = MergedEvent::single(group[0]);
                merged.sources = group.iter().map(|e| frontline_core::Source::of(e, None)).collect();
                merged.event.event_id = group.iter().map(|e| e.event_id.as_str()).collect::<Vec<_>>().join("+");
                merged
            })
            .collect()
    }

    fn merged_ids(store: &Store) -> Vec<String> {
        let mut ids: Vec<String> = store
            .merged_events(&EventFilter::default())
            .expect("query")
            .into_iter()
            .map(|m| m.event.event_id)
            .collect();
        ids.sort();
        ids
    }

    #[test]
    fn a_save_merges_again_only_what_its_windows_reach_and_agrees_with_a_full_merge() {
        let (_dir, mut store) = store();
        let merge = &overlapping_together;
        store.save(&article("a", "a"), &[event_on("a", 1, 2)], "[]", merge).expect("saved");
        store.save(&article("c", "c"), &[event_on("c", 5, 6)], "[]", merge).expect("saved");
        store.save(&article("far", "far"), &[event_on("far", 20, 25)], "[]", merge).expect("saved");
        assert_eq!(merged_ids(&store), ["a-Ariha", "c-Ariha", "far-Ariha"]);
        // A report over days 2-5 links the two earlier ones.
        store.save(&article("b", "b"), &[event_on("b", 2, 5)], "[]", merge).expect("saved");
        assert_eq!(merged_ids(&store), ["a-Ariha+b-Ariha+c-Ariha", "far-Ariha"]);
        // Its new version moves to day 9: the chain breaks where it stood.
        store.save(&article("b", "b, corrected"), &[event_on("b", 9, 9)], "[]", merge).expect("saved");
        let incremental = merged_ids(&store);
        assert_eq!(incremental, ["a-Ariha", "b-Ariha", "c-Ariha", "far-Ariha"]);
        store.remerge_all(merge).expect("full merge");
        assert_eq!(merged_ids(&store), incremental, "a full merge finds the same");
    }

    #[test]
    fn a_long_window_far_back_is_still_reached() {
        let (_dir, mut store) = store();
        let merge = &overlapping_together;
        store.save(&article("month", "month"), &[event_on("month", 1, 28)], "[]", merge).expect("saved");
        store.save(&article("early", "early"), &[event_on("early", 2, 2)], "[]", merge).expect("saved");
        // Day 27 is 26 days after the long report's start: it must still be found.
        store.save(&article("late", "late"), &[event_on("late", 27, 27)], "[]", merge).expect("saved");
        assert_eq!(merged_ids(&store), ["month-Ariha+early-Ariha+late-Ariha"]);
    }

    #[test]
    fn a_store_of_the_first_schema_learns_its_blocks_windows() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("old.db");
        {
            let mut store = Store::open(&path).expect("store opens");
            store
                .save(&article("month", "month"), &[event_on("month", 1, 28)], "[]", &overlapping_together)
                .expect("saved");
            // As a store written before the table existed.
            store.conn.execute_batch("DELETE FROM block_windows; PRAGMA user_version = 1;").expect("made old");
        }
        let mut store = Store::open(&path).expect("store opens again");
        let longest: i64 = store
            .conn
            .query_row("SELECT longest_days FROM block_windows", [], |r| r.get(0))
            .expect("the block's longest window, from its events");
        assert_eq!(longest, 27);
        store.save(&article("late", "late"), &[event_on("late", 27, 27)], "[]", &overlapping_together).expect("saved");
        assert_eq!(merged_ids(&store), ["month-Ariha+late-Ariha"]);
    }

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("test.db")).expect("store opens");
        (dir, store)
    }

    #[test]
    fn saves_dedupes_and_replaces() {
        let (_dir, mut store) = store();
        let a = article("a", "first text");
        assert_eq!(store.save(&a, &[event("a", "Ariha")], "[]", &each_alone).expect("saved"), Saved::Inserted);
        let same_text = article("b", "first text");
        assert_eq!(
            store.save(&same_text, &[], "[]", &each_alone).expect("saved"),
            Saved::Duplicate { existing_id: "a".into() }
        );
        let new_version = article("a", "second text");
        assert_eq!(
            store.save(&new_version, &[event("a", "Sarmin")], "[]", &each_alone).expect("saved"),
            Saved::Replaced
        );
        let events = store.events(&EventFilter::default()).expect("query");
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].mention, "Sarmin", "the old version's events went with it");
        let merged = store.merged_events(&EventFilter::default()).expect("query");
        assert_eq!(merged.len(), 1, "merged events of the replaced version are gone too");
        assert_eq!(store.article("a").expect("query").map(|a| a.text), Some("second text".into()));
    }

    #[test]
    fn a_new_text_under_an_id_or_url_is_a_new_version_and_the_old_one_is_kept() {
        let (_dir, mut store) = store();
        store.save(&article("a", "first text"), &[event("a", "Ariha")], "[]", &each_alone).expect("saved");
        let second = article("a", "second text");
        assert_eq!(store.save(&second, &[event("a", "Sarmin")], "[]", &each_alone).expect("saved"), Saved::Replaced);
        assert_eq!(store.versions("a").expect("query"), [(content_hash(b"first text"), "first text".to_owned())]);
        // The same URL under another id: the feed's new version of the same report.
        let mut with_url = article("b", "third text");
        with_url.url = Some("https://example.org/r/1".into());
        store.save(&with_url, &[event("b", "Binnish")], "[]", &each_alone).expect("saved");
        let mut renumbered = article("c", "fourth text");
        renumbered.url = with_url.url.clone();
        assert_eq!(store.save(&renumbered, &[], "[]", &each_alone).expect("saved"), Saved::Replaced);
        assert!(store.article("b").expect("query").is_none());
        assert_eq!(store.versions("b").expect("query")[0].1, "third text");
        let mentions: Vec<String> =
            store.events(&EventFilter::default()).expect("query").into_iter().map(|e| e.mention).collect();
        assert_eq!(mentions, ["Sarmin"], "the old versions' events went with them");
        // Reread with the same text: no new version.
        store.resave(&second, &[event("a", "Sarmin")], "[]", &each_alone).expect("saved");
        assert_eq!(store.versions("a").expect("query").len(), 1);
    }

    #[test]
    fn forgetting_an_article_deletes_it_its_events_and_its_merged_events() {
        let (_dir, mut store) = store();
        let merge = &overlapping_together;
        store.save(&article("a", "a"), &[event_on("a", 1, 2)], "[]", merge).expect("saved");
        store.save(&article("b", "b"), &[event_on("b", 2, 3)], "[]", merge).expect("saved");
        assert_eq!(merged_ids(&store), ["a-Ariha+b-Ariha"]);
        assert!(store.forget("a", merge).expect("forget"));
        assert!(store.article("a").expect("query").is_none());
        assert_eq!(store.events(&EventFilter::default()).expect("query").len(), 1);
        assert_eq!(merged_ids(&store), ["b-Ariha"], "the merged event no longer cites a");
        assert!(!store.forget("a", merge).expect("forget"), "nothing left to forget");
        assert_eq!(store.article_ids().expect("query"), ["b"]);
    }

    #[test]
    fn date_filters_leave_out_undated_events_unless_asked() {
        let (_dir, mut store) = store();
        let mut undated = event("a", "Sarmin");
        undated.date_start = None;
        undated.date_end = None;
        undated.event_date = None;
        store.save(&article("a", "x"), &[event("a", "Ariha"), undated], "[]", &each_alone).expect("saved");
        let since = NaiveDate::from_ymd_opt(2021, 3, 1);
        let mentions = |filter: EventFilter| -> Vec<String> {
            store.events(&filter).expect("query").into_iter().map(|e| e.mention).collect()
        };
        assert_eq!(mentions(EventFilter { since, ..EventFilter::default() }), ["Ariha"]);
        assert_eq!(mentions(EventFilter { until: since, ..EventFilter::default() }), Vec::<String>::new());
        let mut both = mentions(EventFilter { since, undated: true, ..EventFilter::default() });
        both.sort();
        assert_eq!(both, ["Ariha", "Sarmin"]);
        assert_eq!(mentions(EventFilter::default()).len(), 2, "without a date filter every event is listed");
    }

    #[test]
    fn reading_a_store_writes_nothing_and_refuses_what_is_not_a_store() {
        let dir = tempfile::tempdir().expect("temp dir");
        let missing = dir.path().join("typo.db");
        assert!(matches!(Store::open_read_only(&missing), Err(StoreError::Missing { .. })));
        assert!(!missing.exists(), "a missing store is not created by reading");

        let other = dir.path().join("other.sqlite");
        Connection::open(&other).expect("sqlite").execute_batch("CREATE TABLE t (x);").expect("table");
        let before = std::fs::read(&other).expect("read");
        let err = Store::open_read_only(&other).err().expect("refused");
        assert!(err.to_string().contains("not a frontline store"), "{err}");
        assert!(matches!(Store::open(&other), Err(StoreError::NotAStore { .. })), "nor written into");
        assert_eq!(std::fs::read(&other).expect("read"), before, "the other database is untouched");
        let text = dir.path().join("notes.txt");
        std::fs::write(&text, "not a database at all, just some notes of more than a hundred bytes ".repeat(3))
            .expect("write");
        assert!(matches!(Store::open_read_only(&text), Err(StoreError::NotAStore { .. })));

        let path = dir.path().join("store.db");
        Store::open(&path).expect("created").save(&article("a", "x"), &[], "[]", &each_alone).expect("saved");
        let before = std::fs::read(&path).expect("read");
        let reader = Store::open_read_only(&path).expect("opens");
        assert_eq!(reader.article_ids().expect("query"), ["a"]);
        assert!(reader.conn.execute("DELETE FROM articles", []).is_err(), "a read-only connection cannot write");
        drop(reader);
        assert_eq!(std::fs::read(&path).expect("read"), before);
        // As it is opened where nothing can be created beside it.
        let immutable = Connection::open_with_flags(
            immutable_uri(&path),
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
        )
        .expect("opens");
        let count: i64 = immutable.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)).expect("query");
        assert_eq!(count, 1);
    }

    #[test]
    fn a_store_whose_shared_memory_file_cannot_be_created_is_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("shelf.db");
        Store::open(&path).expect("created").save(&article("a", "x"), &[], "[]", &each_alone).expect("saved");
        // As in a folder this process cannot write (which root could): the shared-memory
        // file cannot be made.
        std::fs::create_dir(dir.path().join("shelf.db-shm")).expect("mkdir");
        let store = Store::open_read_only(&path).expect("read as immutable");
        assert_eq!(store.article_ids().expect("query"), ["a"]);
    }

    #[test]
    fn filters_are_parameters_not_sql() {
        let (_dir, mut store) = store();
        store
            .save(&article("a", "x"), &[event("a", "Ariha"), event("a", "O'Brien%_")], "[]", &each_alone)
            .expect("saved");
        let by_place = |place: &str| {
            store.events(&EventFilter { place: Some(place.into()), ..EventFilter::default() }).expect("query").len()
        };
        assert_eq!(by_place("ari"), 1);
        assert_eq!(by_place("'; DROP TABLE events; --"), 0);
        assert_eq!(by_place("%"), 1, "a % is taken literally");
        assert_eq!(store.events(&EventFilter::default()).expect("query").len(), 2);
        let by_actor =
            store.events(&EventFilter { actor: Some("rus".into()), ..EventFilter::default() }).expect("query");
        assert_eq!(by_actor.len(), 2);
        let later = store
            .events(&EventFilter { since: NaiveDate::from_ymd_opt(2021, 3, 10), ..EventFilter::default() })
            .expect("query");
        assert!(later.is_empty());
    }

    #[test]
    fn a_failed_save_leaves_the_store_as_it_was() {
        let (_dir, mut store) = store();
        store.save(&article("a", "one"), &[event("a", "Ariha")], "[]", &each_alone).expect("saved");
        // Two events with one id in one article violate nothing, but an event pointing to
        // another article's id violates the foreign key: the whole article is rolled back.
        let mut stray = event("b", "Sarmin");
        stray.article_id = "missing".into();
        let result = store.save(&article("b", "two"), &[event("b", "Binnish"), stray], "[]", &each_alone);
        assert!(result.is_err());
        assert!(store.article("b").expect("query").is_none());
        assert_eq!(store.events(&EventFilter::default()).expect("query").len(), 1);
    }

    #[test]
    fn a_store_opens_while_another_connection_writes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("busy.db");
        let writer = Store::open(&path).expect("store opens");
        writer.conn.execute_batch("BEGIN IMMEDIATE").expect("the write lock");
        // Opening an up-to-date store writes nothing, so it needs no lock to open.
        let started = std::time::Instant::now();
        let reader = Store::open(&path).expect("opens while the writer holds the lock");
        assert!(started.elapsed() < Duration::from_secs(5));
        assert!(reader.article("none").expect("query").is_none());
    }

    #[test]
    fn pages_counts_and_lookups_by_id() {
        let (_dir, mut store) = store();
        let places = ["Ariha", "Binnish", "Sarmin", "Taftanaz"];
        let mut events: Vec<Event> = places.iter().map(|p| event("a", p)).collect();
        events[3].control = Some(frontline_core::Control {
            gained_by: frontline_core::ActorId::parse("SYR_GOV").expect("known id"),
            lost_by: None,
            extent: frontline_core::Extent::Full,
        });
        store.save(&article("a", "one"), &events, "[]", &each_alone).expect("saved");
        let all = EventFilter::default();
        let page = |limit, offset| Page { limit, offset };
        let ids = |events: Vec<Event>| events.into_iter().map(|e| e.mention).collect::<Vec<_>>();
        assert_eq!(ids(store.events_page(&all, page(2, 1)).expect("query")), ["Binnish", "Sarmin"]);
        assert_eq!(ids(store.events_page(&all, page(10, 3)).expect("query")), ["Taftanaz"]);
        assert!(store.events_page(&all, page(10, 9)).expect("query").is_empty());
        let by_place = EventFilter { place: Some("in".into()), ..EventFilter::default() };
        assert_eq!(store.count_events(&by_place).expect("query"), 2);
        assert_eq!(ids(store.events_page(&by_place, page(1, 1)).expect("query")), ["Sarmin"]);
        assert_eq!(store.count_merged_events(&all).expect("query"), 4);
        assert_eq!(store.merged_events_page(&all, page(1, 0)).expect("query").len(), 1);

        let one = store.event("a-Sarmin").expect("query").expect("found");
        assert_eq!(one.mention, "Sarmin");
        assert!(store.event("nope").expect("query").is_none());
        let merged = store.merged_event_of(&one).expect("query").expect("merged");
        assert_eq!(merged.sources[0].event_id, "a-Sarmin");
        assert_eq!(store.merged_event(&merged.event.event_id).expect("query"), Some(merged));
        let territory = store.territory_events().expect("query");
        assert_eq!(territory.len(), 1);
        assert_eq!(territory[0].event.mention, "Taftanaz");
    }

    #[test]
    fn articles_list_counts_events() {
        let (_dir, mut store) = store();
        store
            .save(&article("a", "one"), &[event("a", "Ariha"), event("a", "Sarmin")], "[{\"killed\": 3}]", &each_alone)
            .expect("saved");
        let list = store.articles().expect("query");
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].events, 2);
        assert!(list[0].figures.contains("killed"));
    }
}
