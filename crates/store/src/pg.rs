//! The PostgreSQL store: the same articles, events and merged events as the SQLite store,
//! with the same SQL semantics, for many writers at once (`frontline ingest` workers on
//! one machine or several) and readers beside them.
//!
//! Events are kept as JSON records with the columns that filters, ordering and merging
//! read; merged events as in SQLite: the row of the merge (window, toll, confidence, id),
//! its most precise member, and the events that name it as their merged event.
//!
//! Every write (an article saved, a reprint, a forget) is one transaction that first takes
//! a transaction-level advisory lock ([`WRITE_LOCK`]): writers are serialised exactly as
//! SQLite's single writer is, so each save merges against everything committed before it,
//! and the merged events are the same whatever the order or the number of workers. The
//! lock is held only while writing: reading an article (the costly part) happens before,
//! in parallel. Readers never wait.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use chrono::NaiveDate;
use frontline_core::{Article, ContentHash, Event, MergedEvent, Source, SubEventType};
use postgres::types::{FromSql, ToSql};
use postgres::{Client, NoTls, Row, Statement, Transaction};

use crate::merging::carries;
use crate::near::{self, Sketch};
use crate::query::Table;
use crate::record::{day_number, day_of, kind_code};
use crate::{ArticleSummary, EventFilter, MergeFn, Page, Saved, StoreError};

/// The schema version of a PostgreSQL store.
const PG_SCHEMA_VERSION: i64 = 1;
/// The advisory lock every write transaction takes (a constant: "frontlin" in ASCII).
pub const WRITE_LOCK: i64 = 0x6672_6f6e_746c_696e;
/// The advisory lock that creating the tables takes: workers starting together on an
/// empty database create them once.
const SCHEMA_LOCK: i64 = WRITE_LOCK + 1;

const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS frontline_schema (version BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    key BIGSERIAL PRIMARY KEY,
    id TEXT COLLATE "C" NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    language TEXT NOT NULL,
    published TEXT COLLATE "C",
    source TEXT,
    url TEXT,
    title TEXT,
    origin TEXT NOT NULL,
    text TEXT NOT NULL,
    figures TEXT NOT NULL DEFAULT '[]',
    reprint_of BIGINT
);
CREATE INDEX IF NOT EXISTS articles_by_url ON articles(url) WHERE url IS NOT NULL;
CREATE TABLE IF NOT EXISTS events (
    key BIGSERIAL PRIMARY KEY,
    event_id TEXT COLLATE "C" NOT NULL UNIQUE,
    article BIGINT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    merged BIGINT,
    kind BIGINT NOT NULL,
    place_key TEXT NOT NULL,
    date_start BIGINT,
    date_end BIGINT,
    location TEXT NOT NULL,
    mention TEXT NOT NULL,
    actor1 TEXT,
    actor1_id TEXT,
    assoc_actor_1 TEXT,
    actor2 TEXT,
    actor2_id TEXT,
    assoc_actor_2 TEXT,
    control BOOLEAN NOT NULL,
    -- The whole event, as JSON.
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_by_article ON events(article);
CREATE INDEX IF NOT EXISTS events_by_block ON events(kind, place_key, date_start, date_end);
CREATE INDEX IF NOT EXISTS events_by_merged ON events(merged);
CREATE TABLE IF NOT EXISTS merged_events (
    key BIGSERIAL PRIMARY KEY,
    event_id TEXT COLLATE "C" NOT NULL UNIQUE,
    best BIGINT NOT NULL,
    kind BIGINT NOT NULL,
    place_key TEXT NOT NULL,
    date_start BIGINT,
    date_end BIGINT,
    event_date BIGINT,
    time_precision BIGINT NOT NULL,
    fatalities BIGINT NOT NULL,
    confidence DOUBLE PRECISION NOT NULL,
    share_sum BIGINT NOT NULL,
    record TEXT
);
CREATE INDEX IF NOT EXISTS merged_by_block ON merged_events(kind, place_key, date_start, date_end);
CREATE TABLE IF NOT EXISTS block_windows (
    kind BIGINT NOT NULL,
    place_key TEXT NOT NULL,
    longest_days BIGINT NOT NULL,
    PRIMARY KEY (kind, place_key)
);
CREATE TABLE IF NOT EXISTS article_versions (
    seq BIGSERIAL,
    id TEXT COLLATE "C" NOT NULL,
    content_hash TEXT NOT NULL,
    language TEXT NOT NULL,
    published TEXT,
    source TEXT,
    url TEXT,
    title TEXT,
    origin TEXT NOT NULL,
    text TEXT NOT NULL,
    replaced_by TEXT NOT NULL,
    replaced_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (id, content_hash)
);
CREATE TABLE IF NOT EXISTS near_keys (
    key BIGINT NOT NULL,
    article BIGINT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    PRIMARY KEY (key, article)
);
CREATE INDEX IF NOT EXISTS near_keys_by_article ON near_keys(article);
"#;

/// Whether a `--db` names a PostgreSQL database rather than an SQLite file.
pub fn is_postgres_url(location: &str) -> bool {
    let lower = location.trim_start().to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

/// A URL as shown in messages: its password, if any, hidden.
pub fn shown_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    match authority.rsplit_once('@') {
        Some((userinfo, host)) if userinfo.contains(':') => {
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***@{host}{path}")
        }
        _ => url.to_owned(),
    }
}

/// What fails inside: SQL, or a record that is not valid JSON.
#[derive(Debug)]
enum Fail {
    Sql(postgres::Error),
    Json(serde_json::Error),
}

impl From<postgres::Error> for Fail {
    fn from(e: postgres::Error) -> Fail {
        Fail::Sql(e)
    }
}

impl From<serde_json::Error> for Fail {
    fn from(e: serde_json::Error) -> Fail {
        Fail::Json(e)
    }
}

type R<T> = Result<T, Fail>;

/// A value to bind, of the types the store binds.
type Value = Box<dyn ToSql + Sync + Send>;

fn refs(values: &[Value]) -> Vec<&(dyn ToSql + Sync)> {
    values.iter().map(|v| v.as_ref() as &(dyn ToSql + Sync)).collect()
}

fn col<'a, T: FromSql<'a>>(row: &'a Row, i: usize) -> R<T> {
    Ok(row.try_get(i)?)
}

/// A connection and its prepared statements.
struct Conn {
    client: Client,
    statements: HashMap<String, Statement>,
}

/// What a write runs on: the open transaction and the connection's statements.
struct Tx<'a> {
    tx: Transaction<'a>,
    statements: &'a mut HashMap<String, Statement>,
}

/// Running statements, prepared once per connection.
trait Run {
    fn statement(&mut self, sql: &str) -> R<Statement>;
    fn rows(&mut self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> R<Vec<Row>>;
    fn exec(&mut self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> R<u64>;

    fn opt_row(&mut self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> R<Option<Row>> {
        Ok(self.rows(sql, params)?.into_iter().next())
    }
}

impl Run for Tx<'_> {
    fn statement(&mut self, sql: &str) -> R<Statement> {
        if let Some(s) = self.statements.get(sql) {
            return Ok(s.clone());
        }
        let s = self.tx.prepare(sql)?;
        self.statements.insert(sql.to_owned(), s.clone());
        Ok(s)
    }
    fn rows(&mut self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> R<Vec<Row>> {
        let s = self.statement(sql)?;
        Ok(self.tx.query(&s, params)?)
    }
    fn exec(&mut self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> R<u64> {
        let s = self.statement(sql)?;
        Ok(self.tx.execute(&s, params)?)
    }
}

impl Run for Conn {
    fn statement(&mut self, sql: &str) -> R<Statement> {
        if let Some(s) = self.statements.get(sql) {
            return Ok(s.clone());
        }
        let s = self.client.prepare(sql)?;
        self.statements.insert(sql.to_owned(), s.clone());
        Ok(s)
    }
    fn rows(&mut self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> R<Vec<Row>> {
        let s = self.statement(sql)?;
        Ok(self.client.query(&s, params)?)
    }
    fn exec(&mut self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> R<u64> {
        let s = self.statement(sql)?;
        Ok(self.client.execute(&s, params)?)
    }
}

/// A store in a PostgreSQL database.
pub struct PgStore {
    conn: Mutex<Conn>,
    /// The URL, its password hidden: every error names it.
    shown: String,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore").field("db", &self.shown).finish()
    }
}

fn connect(url: &str, shown: &str) -> Result<Client, StoreError> {
    let error = |source| StoreError::Postgres { db: shown.to_owned(), source };
    let mut config: postgres::Config = url.parse().map_err(error)?;
    // An unreachable server is an error within seconds, not a wait without end.
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(Duration::from_secs(10));
    }
    config.connect(NoTls).map_err(error)
}

impl PgStore {
    fn fail(&self, e: Fail) -> StoreError {
        match e {
            Fail::Sql(source) => StoreError::Postgres { db: self.shown.clone(), source },
            Fail::Json(e) => StoreError::Json(e),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Conn> {
        self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs a read on the connection.
    fn read<T>(&self, work: impl FnOnce(&mut Conn) -> R<T>) -> Result<T, StoreError> {
        let mut conn = self.lock();
        work(&mut conn).map_err(|e| self.fail(e))
    }

    /// Runs a write in one transaction that holds the write lock.
    fn write<T>(&self, work: impl FnOnce(&mut Tx<'_>) -> R<T>) -> Result<T, StoreError> {
        let mut conn = self.lock();
        let Conn { client, statements } = &mut *conn;
        let run = || -> R<T> {
            let mut tx = Tx { tx: client.transaction()?, statements };
            tx.exec("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])?;
            let out = work(&mut tx)?;
            tx.tx.commit()?;
            Ok(out)
        };
        run().map_err(|e| self.fail(e))
    }

    /// Opens (creating its tables if needed) the store in the database at `url`, to write.
    /// A database that holds other tables named like a store's is refused.
    pub fn open(url: &str) -> Result<PgStore, StoreError> {
        let shown = shown_url(url);
        let mut client = connect(url, &shown)?;
        let store_error = |source| StoreError::Postgres { db: shown.clone(), source };
        let found = {
            let mut tx = client.transaction().map_err(store_error)?;
            tx.execute("SELECT pg_advisory_xact_lock($1)", &[&SCHEMA_LOCK]).map_err(store_error)?;
            let found = schema_version(&mut tx, &shown)?;
            if found.is_none() {
                tx.batch_execute(SCHEMA).map_err(store_error)?;
                tx.execute("INSERT INTO frontline_schema (version) VALUES ($1)", &[&PG_SCHEMA_VERSION])
                    .map_err(store_error)?;
            }
            tx.commit().map_err(store_error)?;
            found
        };
        if let Some(found) = found.filter(|v| *v > PG_SCHEMA_VERSION) {
            return Err(StoreError::TooNew { path: shown, found, known: PG_SCHEMA_VERSION });
        }
        // Like SQLite's synchronous=NORMAL under WAL: a commit does not wait for the disk;
        // a crash of the server may lose the last moment's commits, never consistency.
        client.batch_execute("SET synchronous_commit TO off").map_err(store_error)?;
        Ok(PgStore { conn: Mutex::new(Conn { client, statements: HashMap::new() }), shown })
    }

    /// Opens the store in the database at `url` to read it, never writing: a database
    /// without a store is an error.
    pub fn open_read_only(url: &str) -> Result<PgStore, StoreError> {
        let shown = shown_url(url);
        let mut client = connect(url, &shown)?;
        let store_error = |source| StoreError::Postgres { db: shown.clone(), source };
        client.batch_execute("SET default_transaction_read_only TO on").map_err(store_error)?;
        let found = {
            let mut tx = client.transaction().map_err(store_error)?;
            let found = schema_version(&mut tx, &shown)?;
            tx.commit().map_err(store_error)?;
            found
        };
        match found {
            None => Err(StoreError::Missing { path: shown }),
            Some(found) if found > PG_SCHEMA_VERSION => {
                Err(StoreError::TooNew { path: shown, found, known: PG_SCHEMA_VERSION })
            }
            Some(_) => Ok(PgStore { conn: Mutex::new(Conn { client, statements: HashMap::new() }), shown }),
        }
    }

    /// Each save commits at once (the write lock is held only while writing), so there is
    /// no batch to size or flush.
    pub fn batch(&mut self, _articles: usize) {}

    pub fn flush(&mut self) -> Result<(), StoreError> {
        Ok(())
    }

    pub fn save(
        &mut self,
        article: &Article,
        events: &[Event],
        figures_json: &str,
        merge: MergeFn<'_>,
    ) -> Result<Saved, StoreError> {
        let sketch = near::sketch(&article.text, &article.language, article.published);
        self.save_sketched(article, events, figures_json, merge, &sketch)
    }

    pub fn save_sketched(
        &mut self,
        article: &Article,
        events: &[Event],
        figures_json: &str,
        merge: MergeFn<'_>,
        sketch: &Sketch,
    ) -> Result<Saved, StoreError> {
        self.write(|tx| {
            // Checked again under the lock: another worker may have stored it meanwhile.
            if let Some(existing_id) = id_of_hash(tx, article.content_hash())? {
                return Ok(Saved::Duplicate { existing_id });
            }
            write_article(tx, article, events, figures_json, merge, sketch)
        })
    }

    /// As [`crate::Store::save_if_reprint`]; also returns a duplicate (with no events) when
    /// another worker stored the same text since the caller looked.
    pub fn save_if_reprint(
        &mut self,
        article: &Article,
        sketch: &Sketch,
        merge: MergeFn<'_>,
    ) -> Result<Option<(Saved, usize)>, StoreError> {
        self.write(|tx| {
            if let Some(existing_id) = id_of_hash(tx, article.content_hash())? {
                return Ok(Some((Saved::Duplicate { existing_id }, 0)));
            }
            let Some(original) = find_original(tx, article, sketch)? else {
                return Ok(None);
            };
            let events = write_reprint(tx, article, &original, merge)?;
            Ok(Some((Saved::Reprint { of: original.id.clone() }, events)))
        })
    }

    pub fn resave(
        &mut self,
        article: &Article,
        events: &[Event],
        figures_json: &str,
        merge: MergeFn<'_>,
    ) -> Result<Saved, StoreError> {
        let sketch = near::sketch(&article.text, &article.language, article.published);
        self.write(|tx| write_article(tx, article, events, figures_json, merge, &sketch))
    }

    pub fn forget(&mut self, id: &str, merge: MergeFn<'_>) -> Result<bool, StoreError> {
        self.write(|tx| forget(tx, id, merge))
    }

    pub fn remerge_all(&mut self, merge: MergeFn<'_>) -> Result<usize, StoreError> {
        self.write(|tx| {
            let blocks: Vec<Block> = tx
                .rows("SELECT DISTINCT kind, place_key FROM events", &[])?
                .iter()
                .map(|r| Ok((col(r, 0)?, col(r, 1)?)))
                .collect::<R<_>>()?;
            for block in &blocks {
                remerge_slice(tx, block, &Slice::All, merge)?;
            }
            tx.exec(
                "DELETE FROM merged_events WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.merged = merged_events.key)",
                &[],
            )?;
            Ok(blocks.len())
        })
    }

    // Reading.

    pub fn id_of_hash(&self, content_hash: &str) -> Result<Option<String>, StoreError> {
        self.read(|c| id_of_hash(c, content_hash))
    }

    pub fn versions(&self, id: &str) -> Result<Vec<(String, String)>, StoreError> {
        self.read(|c| {
            c.rows("SELECT content_hash, text FROM article_versions WHERE id = $1 ORDER BY seq", &[&id])?
                .iter()
                .map(|r| Ok((col(r, 0)?, col(r, 1)?)))
                .collect()
        })
    }

    pub fn article_ids(&self) -> Result<Vec<String>, StoreError> {
        self.read(|c| c.rows("SELECT id FROM articles ORDER BY id", &[])?.iter().map(|r| col(r, 0)).collect())
    }

    pub fn reprint_of(&self, id: &str) -> Result<Option<String>, StoreError> {
        self.read(|c| {
            c.opt_row("SELECT o.id FROM articles a JOIN articles o ON o.key = a.reprint_of WHERE a.id = $1", &[&id])?
                .map(|r| col(&r, 0))
                .transpose()
        })
    }

    pub fn merged_events(&self, filter: &EventFilter) -> Result<Vec<MergedEvent>, StoreError> {
        self.read(|c| merged_page(c, filter, None))
    }

    pub fn events(&self, filter: &EventFilter) -> Result<Vec<Event>, StoreError> {
        self.read(|c| events_of(c, filter, None))
    }

    pub fn events_page(&self, filter: &EventFilter, page: Page) -> Result<Vec<Event>, StoreError> {
        self.read(|c| events_of(c, filter, Some(page)))
    }

    pub fn merged_events_page(&self, filter: &EventFilter, page: Page) -> Result<Vec<MergedEvent>, StoreError> {
        self.read(|c| merged_page(c, filter, Some(page)))
    }

    pub fn count_events(&self, filter: &EventFilter) -> Result<u64, StoreError> {
        self.read(|c| count(c, Table::Events, filter))
    }

    pub fn count_merged_events(&self, filter: &EventFilter) -> Result<u64, StoreError> {
        self.read(|c| count(c, Table::Merged, filter))
    }

    pub fn event(&self, event_id: &str) -> Result<Option<Event>, StoreError> {
        self.read(|c| {
            c.opt_row("SELECT record FROM events WHERE event_id = $1", &[&event_id])?
                .map(|r| Ok(serde_json::from_str(&col::<String>(&r, 0)?)?))
                .transpose()
        })
    }

    pub fn merged_event(&self, event_id: &str) -> Result<Option<MergedEvent>, StoreError> {
        self.read(|c| match c.opt_row("SELECT key FROM merged_events WHERE event_id = $1", &[&event_id])? {
            Some(r) => read_merged(c, col(&r, 0)?),
            None => Ok(None),
        })
    }

    pub fn merged_event_of(&self, event: &Event) -> Result<Option<MergedEvent>, StoreError> {
        self.read(|c| {
            let key = c.opt_row("SELECT merged FROM events WHERE event_id = $1", &[&event.event_id])?;
            match key.map(|r| col::<Option<i64>>(&r, 0)).transpose()?.flatten() {
                Some(key) => read_merged(c, key),
                None => Ok(None),
            }
        })
    }

    pub fn territory_events(&self) -> Result<Vec<MergedEvent>, StoreError> {
        self.read(|c| {
            let keys: Vec<i64> = c
                .rows(
                    "SELECT m.key FROM merged_events m JOIN events e ON e.key = m.best
                     WHERE e.control OR m.record IS NOT NULL ORDER BY m.date_start NULLS FIRST, m.event_id",
                    &[],
                )?
                .iter()
                .map(|r| col(r, 0))
                .collect::<R<_>>()?;
            let mut records = Vec::with_capacity(keys.len());
            for key in keys {
                if let Some(merged) = read_merged(c, key)? {
                    if merged.event.control.is_some() {
                        records.push(merged);
                    }
                }
            }
            Ok(records)
        })
    }

    pub fn articles(&self) -> Result<Vec<ArticleSummary>, StoreError> {
        self.read(|c| {
            c.rows(
                "SELECT a.id, a.language, a.published, a.source, a.title, a.origin, a.figures,
                        (SELECT count(*) FROM events e WHERE e.article = a.key)
                 FROM articles a ORDER BY a.published NULLS FIRST, a.id",
                &[],
            )?
            .iter()
            .map(|r| {
                Ok(ArticleSummary {
                    id: col(r, 0)?,
                    language: col(r, 1)?,
                    published: col::<Option<String>>(r, 2)?.and_then(|d| d.parse().ok()),
                    source: col(r, 3)?,
                    title: col(r, 4)?,
                    origin: col(r, 5)?,
                    figures: col(r, 6)?,
                    events: usize::try_from(col::<i64>(r, 7)?).unwrap_or(0),
                })
            })
            .collect()
        })
    }

    pub fn article(&self, id: &str) -> Result<Option<Article>, StoreError> {
        self.read(|c| {
            c.opt_row(
                "SELECT id, text, language, published, source, url, title, origin, content_hash FROM articles WHERE id = $1",
                &[&id],
            )?
            .map(|r| {
                Ok(Article {
                    id: col(&r, 0)?,
                    text: col(&r, 1)?,
                    language: col(&r, 2)?,
                    published: col::<Option<String>>(&r, 3)?.and_then(|d| d.parse().ok()),
                    source: col(&r, 4)?,
                    url: col(&r, 5)?,
                    title: col(&r, 6)?,
                    origin: col(&r, 7)?,
                    content_hash: ContentHash::known(col(&r, 8)?),
                })
            })
            .transpose()
        })
    }
}

/// The version of the store in this database; None when it has none yet. A database with
/// tables named like a store's but no version is someone else's: refused.
fn schema_version(tx: &mut Transaction<'_>, shown: &str) -> Result<Option<i64>, StoreError> {
    let store_error = |source| StoreError::Postgres { db: shown.to_owned(), source };
    let row = tx
        .query_one(
            "SELECT to_regclass('frontline_schema') IS NOT NULL, to_regclass('articles') IS NOT NULL
                    OR to_regclass('events') IS NOT NULL",
            &[],
        )
        .map_err(store_error)?;
    let (versioned, tables): (bool, bool) =
        (row.try_get(0).map_err(store_error)?, row.try_get(1).map_err(store_error)?);
    if !versioned {
        if tables {
            return Err(StoreError::NotAStore {
                path: shown.to_owned(),
                why: "a database with tables of its own named articles or events".into(),
            });
        }
        return Ok(None);
    }
    let version: Option<i64> = tx
        .query_opt("SELECT max(version) FROM frontline_schema", &[])
        .map_err(store_error)?
        .and_then(|r| r.try_get(0).ok().flatten());
    Ok(Some(version.unwrap_or(0)))
}

fn id_of_hash(c: &mut impl Run, content_hash: &str) -> R<Option<String>> {
    c.opt_row("SELECT id FROM articles WHERE content_hash = $1", &[&content_hash])?.map(|r| col(&r, 0)).transpose()
}

// Writing: a port of save.rs and merging.rs.

type Block = (i64, String);
type Window = (Option<i64>, Option<i64>);

fn block_of(event: &Event) -> Block {
    (kind_code(event.sub_event_type), event.place_key())
}

fn window_of(event: &Event) -> Window {
    (event.date_start.map(day_number), event.date_end.map(day_number))
}

fn blocks_of(tx: &mut Tx<'_>, articles: &[i64]) -> R<BTreeMap<Block, Vec<Window>>> {
    let mut blocks: BTreeMap<Block, Vec<Window>> = BTreeMap::new();
    for article in articles {
        for r in tx.rows("SELECT kind, place_key, date_start, date_end FROM events WHERE article = $1", &[article])? {
            blocks.entry((col(&r, 0)?, col(&r, 1)?)).or_default().push((col(&r, 2)?, col(&r, 3)?));
        }
    }
    Ok(blocks)
}

fn article_key(tx: &mut Tx<'_>, id: &str) -> R<Option<i64>> {
    tx.opt_row("SELECT key FROM articles WHERE id = $1", &[&id])?.map(|r| col(&r, 0)).transpose()
}

fn insert_article(tx: &mut Tx<'_>, article: &Article, figures_json: &str, reprint_of: Option<i64>) -> R<i64> {
    let row = tx.rows(
        "INSERT INTO articles (id, content_hash, language, published, source, url, title, origin, text, figures, reprint_of)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING key",
        &[
            &article.id,
            &article.content_hash(),
            &article.language,
            &article.published.map(|d| d.to_string()),
            &article.source,
            &article.url,
            &article.title,
            &article.origin,
            &article.text,
            &figures_json,
            &reprint_of,
        ],
    )?;
    row.first().map(|r| col(r, 0)).unwrap_or(Ok(0))
}

/// Inserts an event of the article stored under `article`, replacing one of its id.
fn insert_event(tx: &mut Tx<'_>, event: &Event, article: i64) -> R<i64> {
    let (kind, place_key) = block_of(event);
    let (start, end) = window_of(event);
    let rows = tx.rows(
        "INSERT INTO events (event_id, article, merged, kind, place_key, date_start, date_end, location, mention,
         actor1, actor1_id, assoc_actor_1, actor2, actor2_id, assoc_actor_2, control, record)
         VALUES ($1, $2, NULL, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
         ON CONFLICT (event_id) DO UPDATE SET article = EXCLUDED.article, merged = NULL, kind = EXCLUDED.kind,
         place_key = EXCLUDED.place_key, date_start = EXCLUDED.date_start, date_end = EXCLUDED.date_end,
         location = EXCLUDED.location, mention = EXCLUDED.mention, actor1 = EXCLUDED.actor1,
         actor1_id = EXCLUDED.actor1_id, assoc_actor_1 = EXCLUDED.assoc_actor_1, actor2 = EXCLUDED.actor2,
         actor2_id = EXCLUDED.actor2_id, assoc_actor_2 = EXCLUDED.assoc_actor_2, control = EXCLUDED.control,
         record = EXCLUDED.record
         RETURNING key",
        &[
            &event.event_id,
            &article,
            &kind,
            &place_key,
            &start,
            &end,
            &event.location,
            &event.mention,
            &event.actor1,
            &event.actor1_id.map(|a| a.as_str()),
            &event.assoc_actor_1,
            &event.actor2,
            &event.actor2_id.map(|a| a.as_str()),
            &event.assoc_actor_2,
            &event.control.is_some(),
            &serde_json::to_string(event)?,
        ],
    )?;
    rows.first().map(|r| col(r, 0)).unwrap_or(Ok(0))
}

fn note_window(tx: &mut Tx<'_>, block: &Block, window: &Window) -> R<()> {
    if let (Some(start), Some(end)) = window {
        tx.exec(
            "INSERT INTO block_windows (kind, place_key, longest_days) VALUES ($1, $2, $3)
             ON CONFLICT (kind, place_key) DO UPDATE
             SET longest_days = GREATEST(block_windows.longest_days, EXCLUDED.longest_days)",
            &[&block.0, &block.1, &(end - start)],
        )?;
    }
    Ok(())
}

fn delete_article(tx: &mut Tx<'_>, key: i64) -> R<bool> {
    // Its events and band keys go with it (ON DELETE CASCADE).
    Ok(tx.exec("DELETE FROM articles WHERE key = $1", &[&key])? > 0)
}

fn write_article(
    tx: &mut Tx<'_>,
    article: &Article,
    events: &[Event],
    figures_json: &str,
    merge: MergeFn<'_>,
    sketch: &Sketch,
) -> R<Saved> {
    let mut previous: Vec<(i64, String)> = Vec::new();
    if let Some(key) = article_key(tx, &article.id)? {
        previous.push((key, article.id.clone()));
    }
    if let Some(url) = article.url.as_deref().filter(|u| !u.trim().is_empty()) {
        for r in
            tx.rows("SELECT key, id FROM articles WHERE url = $1 AND id <> $2 ORDER BY key", &[&url, &article.id])?
        {
            previous.push((col(&r, 0)?, col(&r, 1)?));
        }
    }
    let keys: Vec<i64> = previous.iter().map(|(k, _)| *k).collect();
    let mut blocks = blocks_of(tx, &keys)?;
    let mut replaced = false;
    for (key, id) in &previous {
        let kept = tx.exec(
            "INSERT INTO article_versions
               (id, content_hash, language, published, source, url, title, origin, text, replaced_by)
             SELECT id, content_hash, language, published, source, url, title, origin, text, $2
             FROM articles WHERE key = $1 AND content_hash <> $3
             ON CONFLICT (id, content_hash) DO NOTHING",
            &[key, &article.id, &article.content_hash()],
        )?;
        let deleted = delete_article(tx, *key)?;
        replaced |= kept > 0 || (deleted && *id != article.id);
    }
    let key = insert_article(tx, article, figures_json, None)?;
    for k in sketch.keys {
        tx.exec("INSERT INTO near_keys (key, article) VALUES ($1, $2) ON CONFLICT DO NOTHING", &[&k, &key])?;
    }
    // Two events of one article under one id: the later one stands, as in SQLite.
    let last: HashMap<&str, usize> = events.iter().enumerate().map(|(i, e)| (e.event_id.as_str(), i)).collect();
    for (i, event) in events.iter().enumerate() {
        if last.get(event.event_id.as_str()) != Some(&i) {
            continue;
        }
        insert_event(tx, event, key)?;
        let (block, window) = (block_of(event), window_of(event));
        note_window(tx, &block, &window)?;
        blocks.entry(block).or_default().push(window);
    }
    for (block, windows) in &blocks {
        remerge_around(tx, block, windows, merge)?;
    }
    Ok(if replaced { Saved::Replaced } else { Saved::Inserted })
}

struct Original {
    key: i64,
    id: String,
    figures: String,
    copies: Vec<(Event, Option<i64>)>,
}

/// A stored article that `article` reprints: as save.rs's `find_original`.
fn find_original(tx: &mut Tx<'_>, article: &Article, sketch: &Sketch) -> R<Option<Original>> {
    let known = tx.opt_row(
        "SELECT 1 FROM articles WHERE id = $1 OR ($2::TEXT IS NOT NULL AND url = $2)",
        &[&article.id, &article.url],
    )?;
    if known.is_some() {
        return Ok(None);
    }
    let mut candidates: Vec<i64> = Vec::new();
    for k in sketch.keys {
        for r in tx.rows("SELECT article FROM near_keys WHERE key = $1 ORDER BY article LIMIT 2", &[&k])? {
            let candidate: i64 = col(&r, 0)?;
            if !candidates.contains(&candidate) {
                candidates.push(candidate);
            }
        }
    }
    let published = article.published.map(|d| d.to_string());
    for candidate in candidates.into_iter().take(4) {
        let Some(r) = tx.opt_row(
            "SELECT id, text, language, published, figures FROM articles WHERE key = $1 AND reprint_of IS NULL",
            &[&candidate],
        )?
        else {
            continue;
        };
        let (id, text, language, day, figures): (String, String, String, Option<String>, String) =
            (col(&r, 0)?, col(&r, 1)?, col(&r, 2)?, col(&r, 3)?, col(&r, 4)?);
        if language != article.language || day != published || !near::confirm(sketch, &text) {
            continue;
        }
        let figure_evidence: Vec<String> = serde_json::from_str::<Vec<serde_json::Value>>(&figures)
            .unwrap_or_default()
            .iter()
            .filter_map(|f| f.get("evidence").and_then(|e| e.as_str()).map(str::to_owned))
            .collect();
        if figure_evidence.iter().any(|e| !article.text.contains(e.as_str())) {
            continue;
        }
        let mut originals: Vec<(Event, Option<i64>)> = Vec::new();
        for r in tx.rows("SELECT record, merged FROM events WHERE article = $1 ORDER BY key", &[&candidate])? {
            originals.push((serde_json::from_str(&col::<String>(&r, 0)?)?, col(&r, 1)?));
        }
        let mut copies = Vec::with_capacity(originals.len());
        for (original, merged) in &originals {
            let Some(start) = near::moved(&text, original.evidence_start, &original.evidence, &article.text) else {
                return Ok(None);
            };
            let mut copy = original.clone();
            copy.article_id.clone_from(&article.id);
            copy.evidence_end = start + (original.evidence_end - original.evidence_start);
            copy.evidence_start = start;
            copy.event_id = copy.derive_id();
            let alone = originals.iter().filter(|(o, _)| block_of(o) == block_of(original)).count() == 1;
            copies.push((copy, merged.filter(|_| alone)));
        }
        return Ok(Some(Original { key: candidate, id, figures, copies }));
    }
    Ok(None)
}

fn write_reprint(tx: &mut Tx<'_>, article: &Article, original: &Original, merge: MergeFn<'_>) -> R<usize> {
    let key = insert_article(tx, article, &original.figures, Some(original.key))?;
    for (copy, merged) in &original.copies {
        let copy_key = insert_event(tx, copy, key)?;
        let joined = match merged {
            Some(merged) => join_copy(tx, copy_key, copy, *merged)?,
            None => false,
        };
        if !joined {
            remerge_around(tx, &block_of(copy), &[window_of(copy)], merge)?;
        }
    }
    Ok(original.copies.len())
}

fn forget(tx: &mut Tx<'_>, id: &str, merge: MergeFn<'_>) -> R<bool> {
    let Some(key) = article_key(tx, id)? else {
        tx.exec("DELETE FROM article_versions WHERE id = $1", &[&id])?;
        return Ok(false);
    };
    let blocks = blocks_of(tx, &[key])?;
    let deleted = delete_article(tx, key)?;
    tx.exec("DELETE FROM article_versions WHERE id = $1", &[&id])?;
    for (block, windows) in &blocks {
        remerge_around(tx, block, windows, merge)?;
    }
    Ok(deleted)
}

enum Slice {
    All,
    Undated,
    Days { floor: i64, first: i64, last: i64 },
}

impl Slice {
    /// The condition selecting the slice's rows of a table aliased `t`, binding $3 to $5.
    fn condition(&self, t: &str) -> String {
        match self {
            Slice::All => String::new(),
            Slice::Undated => format!(" AND {t}.date_start IS NULL AND {t}.date_end IS NULL"),
            Slice::Days { .. } => {
                format!(" AND {t}.date_start >= $5 AND {t}.date_start <= $4 AND {t}.date_end >= $3")
            }
        }
    }

    fn bound(&self, block: &Block) -> Vec<Value> {
        let mut values: Vec<Value> = vec![Box::new(block.0), Box::new(block.1.clone())];
        if let Slice::Days { floor, first, last } = self {
            values.extend([Box::new(*first) as Value, Box::new(*last), Box::new(*floor)]);
        }
        values
    }
}

fn longest(tx: &mut Tx<'_>, block: &Block) -> R<Option<i64>> {
    tx.opt_row("SELECT longest_days FROM block_windows WHERE kind = $1 AND place_key = $2", &[&block.0, &block.1])?
        .map(|r| col(&r, 0))
        .transpose()
}

/// As merging.rs's `remerge_around`: merges again the smallest span of days closed under
/// "overlaps" that the windows reach.
fn remerge_around(tx: &mut Tx<'_>, block: &Block, windows: &[Window], merge: MergeFn<'_>) -> R<()> {
    if windows.iter().any(|w| w.0.is_some() != w.1.is_some()) {
        return remerge_slice(tx, block, &Slice::All, merge);
    }
    if windows.iter().any(|w| w.0.is_none()) {
        remerge_slice(tx, block, &Slice::Undated, merge)?;
    }
    let first = windows.iter().filter_map(|w| w.0).min();
    let last = windows.iter().filter_map(|w| w.1).max();
    let (Some(mut first), Some(mut last)) = (first, last) else {
        return Ok(());
    };
    let longest = longest(tx, block)?;
    let floor_of = |first: i64| longest.map_or(i64::MIN, |days| first - days);
    let sql = format!(
        "SELECT min(e.date_start), max(e.date_end) FROM events e WHERE e.kind = $1 AND e.place_key = $2{}",
        Slice::Days { floor: 0, first: 0, last: 0 }.condition("e")
    );
    loop {
        let r = tx.rows(&sql, &[&block.0, &block.1, &first, &last, &floor_of(first)])?;
        let (low, high): (Option<i64>, Option<i64>) = match r.first() {
            Some(r) => (col(r, 0)?, col(r, 1)?),
            None => (None, None),
        };
        let wider_first = low.filter(|low| *low < first);
        let wider_last = high.filter(|high| *high > last);
        if wider_first.is_none() && wider_last.is_none() {
            break;
        }
        first = wider_first.unwrap_or(first);
        last = wider_last.unwrap_or(last);
    }
    remerge_slice(tx, block, &Slice::Days { floor: floor_of(first), first, last }, merge)
}

struct Member {
    key: i64,
    merged: Option<i64>,
    event: Event,
}

/// Replaces the merged events of a slice of a block by a fresh merge of its events.
fn remerge_slice(tx: &mut Tx<'_>, block: &Block, slice: &Slice, merge: MergeFn<'_>) -> R<()> {
    let bound = slice.bound(block);
    let params = refs(&bound);
    let mut members: Vec<Member> = Vec::new();
    let mut published: HashMap<String, NaiveDate> = HashMap::new();
    let sql = format!(
        "SELECT e.record, e.key, e.merged, a.published FROM events e JOIN articles a ON a.key = e.article
         WHERE e.kind = $1 AND e.place_key = $2{} ORDER BY e.key",
        slice.condition("e")
    );
    for r in tx.rows(&sql, &params)? {
        let event: Event = serde_json::from_str(&col::<String>(&r, 0)?)?;
        if let Some(day) = col::<Option<String>>(&r, 3)?.and_then(|d| d.parse().ok()) {
            published.insert(event.article_id.clone(), day);
        }
        members.push(Member { key: col(&r, 1)?, merged: col(&r, 2)?, event });
    }
    let sql =
        format!("SELECT m.key FROM merged_events m WHERE m.kind = $1 AND m.place_key = $2{}", slice.condition("m"));
    let mut stale: HashSet<i64> = tx.rows(&sql, &params)?.iter().map(|r| col(r, 0)).collect::<R<_>>()?;
    stale.extend(members.iter().filter_map(|m| m.merged));
    let stale: Vec<i64> = stale.into_iter().collect();
    tx.exec("DELETE FROM merged_events WHERE key = ANY($1)", &[&stale])?;
    let by_id: HashMap<&str, usize> = members.iter().enumerate().map(|(i, m)| (m.event.event_id.as_str(), i)).collect();
    let events: Vec<Event> = members.iter().map(|m| m.event.clone()).collect();
    for merged in merge.merge_block(&events, &published) {
        let mine: Vec<&Member> =
            merged.sources.iter().filter_map(|s| by_id.get(s.event_id.as_str())).map(|&i| &members[i]).collect();
        let key = write_merged(tx, block, &merged, &mine.iter().map(|m| (m.key, &m.event)).collect::<Vec<_>>())?;
        let keys: Vec<i64> = mine.iter().map(|m| m.key).collect();
        tx.exec("UPDATE events SET merged = $1 WHERE key = ANY($2)", &[&key, &keys])?;
    }
    Ok(())
}

fn write_merged(tx: &mut Tx<'_>, block: &Block, merged: &MergedEvent, members: &[(i64, &Event)]) -> R<i64> {
    let event = &merged.event;
    let best = members.iter().find(|(_, m)| carries(m, event));
    let record = if best.is_some() { None } else { Some(serde_json::to_string(merged)?) };
    let best = best.or(members.first()).map_or(0, |(k, _)| *k);
    let sum = members.iter().fold(0u64, |s, (_, m)| s.wrapping_add(frontline_merge::member_share(&m.event_id)));
    let rows = tx.rows(
        "INSERT INTO merged_events (event_id, best, kind, place_key, date_start, date_end, event_date,
         time_precision, fatalities, confidence, share_sum, record)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (event_id) DO UPDATE SET best = EXCLUDED.best, kind = EXCLUDED.kind,
         place_key = EXCLUDED.place_key, date_start = EXCLUDED.date_start, date_end = EXCLUDED.date_end,
         event_date = EXCLUDED.event_date, time_precision = EXCLUDED.time_precision,
         fatalities = EXCLUDED.fatalities, confidence = EXCLUDED.confidence, share_sum = EXCLUDED.share_sum,
         record = EXCLUDED.record
         RETURNING key",
        &[
            &event.event_id,
            &best,
            &block.0,
            &block.1,
            &event.date_start.map(day_number),
            &event.date_end.map(day_number),
            &event.event_date.map(day_number),
            &i64::from(event.time_precision),
            &i64::from(event.fatalities),
            &event.confidence,
            &(sum as i64),
            &record,
        ],
    )?;
    rows.first().map(|r| col(r, 0)).unwrap_or(Ok(0))
}

/// As merging.rs's `join_copy`: a reprint's copy joins its original's merged event in place.
fn join_copy(tx: &mut Tx<'_>, copy_key: i64, copy: &Event, merged: i64) -> R<bool> {
    let Some(r) =
        tx.opt_row("SELECT best, share_sum, record IS NOT NULL FROM merged_events WHERE key = $1", &[&merged])?
    else {
        return Ok(false);
    };
    let (best_key, sum, own_record): (i64, i64, bool) = (col(&r, 0)?, col(&r, 1)?, col(&r, 2)?);
    if own_record {
        return Ok(false);
    }
    let best: Option<Event> = match tx.opt_row("SELECT record FROM events WHERE key = $1", &[&best_key])? {
        Some(r) => Some(serde_json::from_str(&col::<String>(&r, 0)?)?),
        None => None,
    };
    let best_key = match best {
        Some(best) if frontline_merge::more_precise(copy, &best) != std::cmp::Ordering::Less => best_key,
        _ => copy_key,
    };
    let sum = (sum as u64).wrapping_add(frontline_merge::member_share(&copy.event_id));
    tx.exec(
        "UPDATE merged_events SET best = $1, share_sum = $2, event_id = $3 WHERE key = $4",
        &[&best_key, &(sum as i64), &frontline_merge::merged_id(sum), &merged],
    )?;
    tx.exec("UPDATE events SET merged = $1 WHERE key = $2", &[&merged, &copy_key])?;
    Ok(true)
}

/// As merging.rs's `read_merged`: the merged event under `key`, with its sources.
fn read_merged(c: &mut impl Run, key: i64) -> R<Option<MergedEvent>> {
    let Some(r) = c.opt_row(
        "SELECT m.record, m.event_id, m.date_start, m.date_end, m.event_date, m.time_precision, m.fatalities,
                m.confidence, e.record
         FROM merged_events m JOIN events e ON e.key = m.best WHERE m.key = $1",
        &[&key],
    )?
    else {
        return Ok(None);
    };
    if let Some(record) = col::<Option<String>>(&r, 0)? {
        return Ok(Some(serde_json::from_str(&record)?));
    }
    let mut event: Event = serde_json::from_str(&col::<String>(&r, 8)?)?;
    event.event_id = col(&r, 1)?;
    event.date_start = day_of(col(&r, 2)?);
    event.date_end = day_of(col(&r, 3)?);
    event.event_date = day_of(col(&r, 4)?);
    event.time_precision = u8::try_from(col::<i64>(&r, 5)?).unwrap_or(0);
    event.fatalities = u32::try_from(col::<i64>(&r, 6)?).unwrap_or(0);
    event.confidence = col(&r, 7)?;
    let mut sources: Vec<Source> = Vec::new();
    for r in c.rows(
        "SELECT e.record, a.published FROM events e JOIN articles a ON a.key = e.article WHERE e.merged = $1",
        &[&key],
    )? {
        let member: Event = serde_json::from_str(&col::<String>(&r, 0)?)?;
        let published = col::<Option<String>>(&r, 1)?.and_then(|d| d.parse().ok());
        sources.push(Source::of(&member, published));
    }
    sources.sort_by(|a, b| a.article_id.cmp(&b.article_id).then(a.event_id.cmp(&b.event_id)));
    event.article_id = sources.first().map(|s| s.article_id.clone()).unwrap_or_default();
    Ok(Some(MergedEvent { event, sources }))
}

// Queries: a port of query.rs.

fn filter_clause(table: Table, filter: &EventFilter) -> (String, Vec<Value>) {
    let t = table.alias();
    let mut sql = String::new();
    let mut values: Vec<Value> = Vec::new();
    let mut bind = |clause: &str, value: Value, sql: &mut String| {
        values.push(value);
        sql.push_str(&clause.replace('?', &format!("${}", values.len())));
    };
    let undated =
        if filter.undated { format!("({t}.date_start IS NULL AND {t}.date_end IS NULL) OR ") } else { String::new() };
    if let Some(since) = filter.since {
        bind(
            &format!(" AND ({undated}coalesce({t}.date_end, {t}.date_start) >= ?)"),
            Box::new(day_number(since)),
            &mut sql,
        );
    }
    if let Some(until) = filter.until {
        bind(
            &format!(" AND ({undated}coalesce({t}.date_start, {t}.date_end) <= ?)"),
            Box::new(day_number(until)),
            &mut sql,
        );
    }
    if let Some(kind) = &filter.event_type {
        let kind = kind.trim();
        let codes: Vec<String> = SubEventType::ALL
            .iter()
            .filter(|k| k.as_str().eq_ignore_ascii_case(kind) || k.event_type().as_str().eq_ignore_ascii_case(kind))
            .map(|k| kind_code(*k).to_string())
            .collect();
        if codes.is_empty() {
            sql.push_str(" AND false");
        } else {
            sql.push_str(&format!(" AND {t}.kind IN ({})", codes.join(",")));
        }
    }
    if let Some(place) = &filter.place {
        bind(
            " AND (e.location ILIKE ? ESCAPE '\\' OR e.mention ILIKE ? ESCAPE '\\')",
            Box::new(like_pattern(place)),
            &mut sql,
        );
    }
    if let Some(actor) = &filter.actor {
        bind(
            " AND (e.actor1_id = upper(?) OR e.actor2_id = upper(?) OR strpos(lower(coalesce(e.actor1, '') || ' | ' ||
             coalesce(e.assoc_actor_1, '') || ' | ' || coalesce(e.actor2, '') || ' | ' || coalesce(e.assoc_actor_2, '')), lower(?)) > 0)",
            Box::new(actor.clone()),
            &mut sql,
        );
    }
    if let Some(article) = &filter.article {
        let clause = match table {
            Table::Events => " AND a.id = ?",
            Table::Merged => {
                " AND EXISTS (SELECT 1 FROM events s JOIN articles sa ON sa.key = s.article WHERE s.merged = m.key AND sa.id = ?)"
            }
        };
        bind(clause, Box::new(article.clone()), &mut sql);
    }
    (sql, values)
}

fn like_pattern(text: &str) -> String {
    let escaped = text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
}

fn count(c: &mut Conn, table: Table, filter: &EventFilter) -> R<u64> {
    let (clause, values) = filter_clause(table, filter);
    let sql = format!("SELECT count(*) FROM {} WHERE true{clause}", from(table));
    let rows = c.rows(&sql, &refs(&values))?;
    let n: i64 = rows.first().map(|r| col(r, 0)).unwrap_or(Ok(0))?;
    Ok(u64::try_from(n).unwrap_or(0))
}

/// What a filter of `table` reads: events of articles (`e`), or merged events (`m`, whose
/// fields but the window and toll are those of their most precise member, `e`). Every
/// merged event has a row here.
fn from(table: Table) -> &'static str {
    match table {
        Table::Events => "events e JOIN articles a ON a.key = e.article",
        Table::Merged => "merged_events m JOIN events e ON e.key = m.best",
    }
}

/// A filtered query in SQLite's order: NULLs first going up, last going down, and ids in
/// byte order (their columns are `COLLATE "C"`).
fn select(table: Table, what: &str, filter: &EventFilter, page: Option<Page>) -> (String, Vec<Value>) {
    let (clause, mut values) = filter_clause(table, filter);
    let t = table.alias();
    let mut sql = format!(
        "SELECT {what} FROM {} WHERE true{clause}
         ORDER BY {t}.date_end NULLS FIRST, {t}.date_start DESC NULLS LAST, {t}.event_id",
        from(table)
    );
    if let Some(page) = page {
        sql.push_str(&format!(" LIMIT ${} OFFSET ${}", values.len() + 1, values.len() + 2));
        values.push(Box::new(i64::from(page.limit)));
        values.push(Box::new(i64::try_from(page.offset).unwrap_or(i64::MAX)));
    }
    (sql, values)
}

fn events_of(c: &mut Conn, filter: &EventFilter, page: Option<Page>) -> R<Vec<Event>> {
    let (sql, values) = select(Table::Events, "e.record", filter, page);
    c.rows(&sql, &refs(&values))?.iter().map(|r| Ok(serde_json::from_str(&col::<String>(r, 0)?)?)).collect()
}

fn merged_page(c: &mut Conn, filter: &EventFilter, page: Option<Page>) -> R<Vec<MergedEvent>> {
    let (sql, values) = select(Table::Merged, "m.key", filter, page);
    let keys: Vec<i64> = c.rows(&sql, &refs(&values))?.iter().map(|r| col(r, 0)).collect::<R<_>>()?;
    let mut records = Vec::with_capacity(keys.len());
    for key in keys {
        records.extend(read_merged(c, key)?);
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_recognised_and_shown_without_their_password() {
        assert!(is_postgres_url("postgres://u@h/db"));
        assert!(is_postgres_url("postgresql://u@h/db"));
        assert!(!is_postgres_url("war.db"));
        assert_eq!(shown_url("postgres://u:secret@h:5432/db"), "postgres://u:***@h:5432/db");
        assert_eq!(shown_url("postgres://u@h/db"), "postgres://u@h/db");
    }

    #[test]
    fn a_bad_url_or_an_unreachable_server_is_an_error_naming_the_database() {
        let err = PgStore::open("postgres://u:pw@127.0.0.1:1/nowhere").expect_err("nothing listens on port 1");
        let text = err.to_string();
        assert!(text.contains("postgres://u:***@127.0.0.1:1/nowhere"), "{text}");
        assert!(!text.contains("pw"), "{text}");
        let err = PgStore::open("postgres://u@h:notaport/db").expect_err("a bad port");
        assert!(err.to_string().contains("postgres://u@h:notaport/db"), "{err}");
    }
}
