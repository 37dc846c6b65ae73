//! The embedded store: articles and their events in one SQLite file, and the merged events
//! made of them. Split by concern: `schema` (tables, version, migrations), `save` (articles,
//! reprints, forgetting), `merging` (merged events kept up to date), `query` (reading),
//! `record` (an event's columns), `near` (near-duplicate recognition).
//!
//! Each article is saved with its events in a transaction that holds a batch of articles
//! ([`Store::batch`]; one by default): a run that stops half way loses at most the open
//! batch and leaves nothing half-written. Queries take their values as SQL parameters.

mod database;
mod merging;
pub mod near;
pub mod pg;
mod query;
mod record;
mod save;
mod schema;

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use frontline_core::{Article, Event, MergedEvent};
use rusqlite::{Connection, OpenFlags};

use schema::SCHEMA_VERSION;

pub use database::Database;
pub use near::Sketch;
pub use pg::PgStore;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store {path}: {source}")]
    Open { path: String, source: rusqlite::Error },
    #[error("store: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("store {db}: {source}")]
    Postgres { db: String, source: postgres::Error },
    #[error("store: a stored record is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("store {path} was written by a newer frontline (schema {found}, this one knows {known})")]
    TooNew { path: String, found: i64, known: i64 },
    #[error("no store at {path} (ingest reports into it first, or give --db the path of one)")]
    Missing { path: String },
    #[error("{path} is not a frontline store ({why})")]
    NotAStore { path: String, why: String },
}

impl StoreError {
    /// Whether SQLite answered that another connection holds the lock.
    fn is_busy(&self) -> bool {
        match self {
            StoreError::Open { source, .. } | StoreError::Sql(source) => matches!(
                source.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
            ),
            _ => false,
        }
    }
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
    /// A near duplicate of the stored article `of` (a reprint): stored, not read, as another
    /// source of that article's events.
    Reprint {
        of: String,
    },
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

/// Merges the events of one block (type and place) given the publication dates of their
/// articles; supplied by the merge stage ([`MergeStage`]), or any function of that shape
/// (tests give others). The store relies on what the merge stage does: merged events are
/// the connected groups of a relation between two events that holds only when their windows
/// overlap (or both are undated), so that a save need merge again only the groups its
/// events touch.
pub trait MergeBlock {
    fn merge_block(&self, events: &[Event], published: &HashMap<String, NaiveDate>) -> Vec<MergedEvent>;

    /// Whether this is the merge stage's own function, [`MergeStage`]. Then the store knows
    /// what it makes of an event that links to no other (the event's fields with its own
    /// tally: what the store keeps as an event alone) and stores such an event without
    /// running the merge on it and checking what came out, which cost a tenth of a save.
    /// A function that only resembles the merge stage must say false (the default): the
    /// store then asks it, and keeps as alone only what it made so.
    fn is_merge_stage(&self) -> bool {
        false
    }
}

impl<F> MergeBlock for F
where
    F: Fn(&[Event], &HashMap<String, NaiveDate>) -> Vec<MergedEvent>,
{
    fn merge_block(&self, events: &[Event], published: &HashMap<String, NaiveDate>) -> Vec<MergedEvent> {
        self(events, published)
    }
}

/// The merge stage (`frontline_merge::merge_block`), as the store is given it: the pipeline
/// and the command line store through it.
#[derive(Debug, Clone, Copy, Default)]
pub struct MergeStage;

impl MergeBlock for MergeStage {
    fn merge_block(&self, events: &[Event], published: &HashMap<String, NaiveDate>) -> Vec<MergedEvent> {
        frontline_merge::merge_block(events, &|article| published.get(article).copied())
    }

    fn is_merge_stage(&self) -> bool {
        true
    }
}

/// How a save is given the merge: any [`MergeBlock`] (a function of its shape, or
/// [`MergeStage`]).
pub type MergeFn<'a> = &'a dyn MergeBlock;

/// How long a batch may hold the write lock before it commits. A second writer waits at
/// most this long; the longer a batch, the more of its random index inserts (event ids, band
/// keys, blocks' days) share a page, which the commit then writes once.
const BATCH_TIME: Duration = Duration::from_secs(1);

/// The articles an ingest saves a transaction ([`Store::batch`]): more than a second's
/// work on one core, so that [`BATCH_TIME`] ends a batch. A commit writes every page its
/// batch changed, and most of those are index leaves that random inserts (events by
/// block, merged events' rows, their sources) change anywhere in the store: the more
/// articles a commit covers, the more of them share a page. At 100k articles, a second's
/// batches instead of 500 articles write a third fewer bytes, spend a quarter less time in
/// the system and 5 % less CPU time in all (BENCHMARKS.md, eleventh round); a second
/// writer waits no longer than before. The count only caps the memory a batch's changed
/// pages hold, should articles come faster than this.
pub const INGEST_BATCH: usize = 20_000;

pub struct Store {
    conn: Connection,
    /// Articles per transaction (1: each commits at once).
    batch: usize,
    /// Articles saved in the open transaction, and when it began.
    pending: usize,
    began: Instant,
    /// What the open transaction knows without asking the database (boxed: a store is
    /// kept in an enum beside a PostgreSQL client's box).
    memo: Box<merging::Memo>,
    /// The database's `data_version` when the memo was last valid: while no other
    /// connection commits, what the memo mirrors stays true from one transaction to the
    /// next (None: forget it at the next begin).
    memo_version: Option<i64>,
}

/// The busy handler of every connection: waits a millisecond at a time, up to 30 s, so that
/// a writer waiting for the lock takes it within a millisecond of its release (SQLite's own
/// timeout sleeps up to 100 ms at a time, and a batching writer would take it back first).
fn wait_a_millisecond(attempt: i32) -> bool {
    if attempt >= 30_000 {
        return false;
    }
    std::thread::sleep(Duration::from_millis(1));
    true
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
    fn new(conn: Connection) -> Store {
        // Every statement a save runs stays prepared: rusqlite keeps 16 by default, fewer
        // than a save uses, and preparing them again cost more than a tenth of an ingest.
        conn.set_prepared_statement_cache_capacity(64);
        Store { conn, batch: 1, pending: 0, began: Instant::now(), memo: Box::default(), memo_version: None }
    }

    /// Keeps what the memo mirrors (blocks, the article reprints are compared with) when no
    /// other connection has committed since it was last valid, which `PRAGMA data_version`
    /// tells (it changes on another connection's commit, never on this one's); else forgets
    /// it. Blocks are looked up once per ingest instead of once per batch. The next event's
    /// key is asked again in any case: it is cheap, and a statement run on this connection
    /// outside a save may have moved it.
    fn renew_memo(&mut self) -> Result<(), StoreError> {
        let version: i64 = self.conn.prepare_cached("PRAGMA data_version")?.query_row([], |r| r.get(0))?;
        if self.memo_version == Some(version) {
            self.memo.forget_event_key();
        } else {
            self.memo.forget();
        }
        self.memo_version = Some(version);
        Ok(())
    }

    /// Forgets the memo: a rollback undoes what it mirrors.
    fn drop_memo(&mut self) {
        self.memo.forget();
        self.memo_version = None;
    }

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
        conn.busy_handler(Some(wait_a_millisecond)).map_err(open_error)?;
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
        if version < SCHEMA_VERSION {
            return Err(StoreError::NotAStore {
                path: shown,
                why: format!("schema {version} of an earlier frontline: open it once to write (frontline ingest) to bring it up to date"),
            });
        }
        conn.pragma_update(None, "cache_size", -16_384).map_err(open_error)?;
        Ok(Store::new(conn))
    }

    /// Opens (creating if needed) the store at `path` to write it; a store of an earlier
    /// schema is brought up to this one, keeping its data.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let shown = path.display().to_string();
        let open_error = |source| StoreError::Open { path: shown.clone(), source };
        let existed = path.metadata().is_ok_and(|m| m.len() > 0);
        let mut conn = Connection::open(path).map_err(open_error)?;
        conn.busy_handler(Some(wait_a_millisecond)).map_err(open_error)?;
        // Two writers creating one store at once meet where SQLite answers "busy" without
        // asking the busy handler (a journal mode being set, a schema being written): the
        // whole set-up is tried again until the other is done, as the handler would wait.
        let started = Instant::now();
        loop {
            match Store::set_up(&mut conn, &shown, existed) {
                Err(e) if e.is_busy() && started.elapsed() < Duration::from_secs(30) => {
                    std::thread::sleep(Duration::from_millis(2))
                }
                done => return done.map(|()| Store::new(conn)),
            }
        }
    }

    /// Sets a connection to write: journal mode, caches, and the schema brought up to date.
    fn set_up(conn: &mut Connection, shown: &str, existed: bool) -> Result<(), StoreError> {
        let open_error = |source| StoreError::Open { path: shown.to_owned(), source };
        if existed {
            check_is_store(conn, shown, true)?;
        }
        // WAL lets readers work while an ingest writes.
        conn.pragma_update(None, "journal_mode", "WAL").map_err(open_error)?;
        conn.pragma_update(None, "foreign_keys", true).map_err(open_error)?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(open_error)?;
        // What a statement may have to undo is kept in memory, not in a temporary file
        // written page by page.
        conn.pragma_update(None, "temp_store", "MEMORY").map_err(open_error)?;
        // 512 MiB of pages kept in memory (SQLite's default is 2 MiB): a batch writes index
        // pages all over a growing store (band keys and blocks are random), and holds every
        // page it changed until it commits; the indexes a save reads at random (blocks' days,
        // band keys, merged events) stay cached to about a million articles. At 100k
        // articles this and the checkpoint below cut the CPU time by 5 % against 128 MiB
        // and 200 MB (BENCHMARKS.md, fifth round).
        conn.pragma_update(None, "cache_size", -524_288).map_err(open_error)?;
        // A checkpoint copies each page written since the last one back into the store, and
        // waits for the disk: every 800 MB of WAL instead of every 4, a page that many
        // batches write (an index's leaves, the tables' last pages) is copied once, not two
        // hundred times. The WAL is removed when the last connection closes.
        //
        // With `synchronous = NORMAL` a commit does not wait for the disk: a transaction
        // committed survives the process's crash or kill (its pages are in the WAL, in the
        // OS's cache), and the store is never left corrupt; an OS crash or power loss can
        // lose the transactions committed since the WAL was last synced (at a checkpoint).
        conn.pragma_update(None, "wal_autocheckpoint", 200_000).map_err(open_error)?;
        // Pages read through the OS's mapping of the file, without a copy for each read.
        conn.pragma_update(None, "mmap_size", 1i64 << 30).map_err(open_error)?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(open_error)?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew { path: shown.to_owned(), found: version, known: SCHEMA_VERSION });
        }
        // Only when out of date: opening an up-to-date store writes nothing, and so never
        // waits for an ingest's write lock.
        schema::migrate(conn, version).map_err(|e| match e {
            StoreError::Sql(source) => open_error(source),
            other => other,
        })
    }

    /// Saves up to `articles` articles in one transaction (at most [`BATCH_TIME`] of
    /// holding the lock): far faster than a transaction each. Call [`Store::flush`] at the
    /// end (dropping the store commits too). With 1, the default, each save commits.
    pub fn batch(&mut self, articles: usize) {
        self.batch = articles.max(1);
    }

    /// Commits the open batch, if any.
    pub fn flush(&mut self) -> Result<(), StoreError> {
        if !self.conn.is_autocommit() {
            if let Err(error) = self.conn.execute_batch("COMMIT") {
                self.drop_memo();
                return Err(error.into());
            }
        }
        self.pending = 0;
        Ok(())
    }

    /// Runs one article's writes in the batch's transaction. Alone in its transaction (a
    /// batch of 1), a failed article leaves the store as it was; in a larger batch, a
    /// failure undoes the whole open batch (a savepoint per article would copy every page
    /// it touches, which costs more than the writes). The transaction takes the write lock
    /// at once, so that two writers wait for each other instead of failing on a read
    /// turned write.
    fn in_batch<T>(
        &mut self,
        write: impl FnOnce(&Connection, &mut merging::Memo) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        if self.conn.is_autocommit() {
            self.conn.prepare_cached("BEGIN IMMEDIATE")?.execute([])?;
            self.began = Instant::now();
            self.pending = 0;
            self.renew_memo()?;
        }
        let result = write(&self.conn, &mut self.memo);
        if result.is_err() {
            self.drop_memo();
            self.conn.execute_batch("ROLLBACK")?;
            self.pending = 0;
            return result;
        }
        self.pending += 1;
        if self.pending >= self.batch || self.began.elapsed() >= BATCH_TIME {
            self.flush()?;
            if self.batch > 1 {
                // A moment without the lock, for a second writer to take it.
                std::thread::sleep(Duration::from_millis(2));
            }
        }
        result
    }

    /// Saves an article with its events and figures, and merges again the blocks its events
    /// (and those of the version it replaces) belong to. A text already stored is not saved.
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

    /// [`Store::save`], the article's sketch already made (by [`Store::save_if_reprint`]'s caller).
    pub fn save_sketched(
        &mut self,
        article: &Article,
        events: &[Event],
        figures_json: &str,
        merge: MergeFn<'_>,
        sketch: &Sketch,
    ) -> Result<Saved, StoreError> {
        if let Some(existing_id) = self.id_of_hash(article.content_hash())? {
            return Ok(Saved::Duplicate { existing_id });
        }
        self.in_batch(|conn, memo| save::write(conn, memo, article, events, figures_json, merge, sketch))
    }

    /// When the article is a reprint of a stored article (near.rs says when), stores it as
    /// another source of that article's events, without reading it, and returns what was
    /// done and how many events it has; else stores nothing and returns None.
    pub fn save_if_reprint(
        &mut self,
        article: &Article,
        sketch: &Sketch,
        merge: MergeFn<'_>,
    ) -> Result<Option<(Saved, usize)>, StoreError> {
        if self.conn.is_autocommit() {
            // Outside a transaction, another writer may have changed what the last one read.
            self.renew_memo()?;
        }
        let Some(original) = save::find_original(&self.conn, &mut self.memo, article, sketch)? else {
            return Ok(None);
        };
        let events = self.in_batch(|conn, memo| save::write_reprint(conn, memo, article, &original, merge))?;
        Ok(Some((Saved::Reprint { of: original.id.clone() }, events)))
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
        let sketch = near::sketch(&article.text, &article.language, article.published);
        self.in_batch(|conn, memo| save::write(conn, memo, article, events, figures_json, merge, &sketch))
    }

    /// Deletes an article, its events and its earlier versions, and merges again what its
    /// events were part of. False when there was no such article.
    pub fn forget(&mut self, id: &str, merge: MergeFn<'_>) -> Result<bool, StoreError> {
        self.in_batch(|conn, memo| save::forget(conn, memo, id, merge))
    }

    /// Merges every block again (after a change of merge rules).
    pub fn remerge_all(&mut self, merge: MergeFn<'_>) -> Result<usize, StoreError> {
        self.in_batch(|conn, memo| {
            memo.reprinted = None;
            merging::remerge_all(conn, merge)
        })
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        // What was saved is kept: a batch still open commits.
        let _ = self.flush();
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use frontline_core::{content_hash, ActorId, ContentHash, SubEventType};
    use rusqlite::params;

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
            content_hash: ContentHash::known(content_hash(text.as_bytes())),
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

    #[test]
    fn many_writers_creating_one_store_at_once_all_open_it() {
        for round in 0..20 {
            let dir = tempfile::tempdir().expect("temp dir");
            let path = dir.path().join(format!("new-{round}.db"));
            let opened: Vec<Result<(), String>> = std::thread::scope(|scope| {
                let handles: Vec<_> =
                    (0..6).map(|_| scope.spawn(|| Store::open(&path).map(drop).map_err(|e| e.to_string()))).collect();
                handles.into_iter().map(|h| h.join().expect("opening thread")).collect()
            });
            for result in opened {
                assert_eq!(result, Ok(()), "round {round}");
            }
            assert_eq!(Store::open_read_only(&path).and_then(|s| s.article_ids()).map(|ids| ids.len()).ok(), Some(0));
        }
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

    /// What `of` says of each stored merged event, sorted.
    fn merged_sorted(store: &Store, of: impl Fn(&MergedEvent) -> String) -> Vec<String> {
        let mut said: Vec<String> =
            store.merged_events(&EventFilter::default()).expect("query").iter().map(of).collect();
        said.sort();
        said
    }

    fn merged_ids(store: &Store) -> Vec<String> {
        merged_sorted(store, |m| m.event.event_id.clone())
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

    /// The merge stage's own rule, as the pipeline hands it to the store.
    fn merge_stage(events: &[Event], published: &HashMap<String, NaiveDate>) -> Vec<MergedEvent> {
        frontline_merge::merge_block(events, &|id| published.get(id).copied())
    }

    /// Every merged event, with its sources, as one comparable text each.
    fn merged_records(store: &Store) -> Vec<String> {
        merged_sorted(store, |m| serde_json::to_string(m).expect("serialises"))
    }

    /// Saves, replacements and forgettings in an order drawn at random (the same each run),
    /// with undated and open-ended windows, in three crowded places.
    fn random_saves(store: &mut Store, merge: MergeFn<'_>) {
        // A small generator of its own (xorshift), so that the sequence is the same each run.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move |below: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % below
        };
        let actors = [None, ActorId::parse("RUS"), ActorId::parse("SYR_GOV")];
        for step in 0..300 {
            if step == 150 {
                // As a store of schema 6 migrated: merged events whose tallies are unknown.
                store.conn.execute("UPDATE merged_events SET toll_mixed = NULL", []).expect("tallies forgotten");
            }
            let id = format!("a{}", next(90));
            if next(10) == 0 {
                store.forget(&id, merge).expect("forgotten");
                continue;
            }
            let events: Vec<Event> = (0..1 + next(3))
                .map(|n| {
                    // Three places, crowded days, some undated and some open-ended windows.
                    let mut e = event_on(&id, 1, 1);
                    let place = ["Ariha", "Sarmin", "Binnish"][next(3) as usize];
                    (e.location, e.mention) = (place.into(), place.into());
                    e.event_id = format!("{id}-{step}-{n}");
                    let first = NaiveDate::from_ymd_opt(2021, 3, 1).map(|d| d + chrono::Days::new(next(60)));
                    e.date_start = first;
                    e.date_end = first.map(|d| d + chrono::Days::new(next(4)));
                    match next(12) {
                        0 => (e.date_start, e.date_end) = (None, None),
                        1 => e.date_end = None,
                        _ => {}
                    }
                    e.actor1_id = actors[next(3) as usize];
                    e.fatalities = next(5) as u32;
                    e
                })
                .collect();
            let text = format!("version {step} of {id}");
            // Days of publication differ, so that later tolls count.
            let mut report = article(&id, &text);
            report.published = NaiveDate::from_ymd_opt(2021, 4, 1).map(|d| d + chrono::Days::new(next(3)));
            store.save(&report, &events, "[]", merge).expect("saved");
        }
    }

    #[test]
    fn saves_replacements_and_forgetting_in_any_order_agree_with_a_full_merge() {
        let (_dir, mut store) = store();
        let merge = &merge_stage;
        random_saves(&mut store, merge);
        let incremental = merged_records(&store);
        assert!(incremental.len() > 20, "the sequence leaves many merged events: {}", incremental.len());
        assert!(incremental.iter().any(|r| r.matches("\"event_id\"").count() > 3), "and some of several sources");
        store.remerge_all(merge).expect("full merge");
        assert_eq!(merged_records(&store), incremental, "a full merge finds the same");
    }

    /// Every row of the events and merged events, as text: what two stores must agree on.
    fn rows(store: &Store) -> Vec<String> {
        let mut rows = Vec::new();
        for sql in [
            "SELECT key, event_id, merged, share FROM events ORDER BY key",
            "SELECT key, event_id, best, share_sum, record, toll_least, members FROM merged_events ORDER BY key",
        ] {
            let mut statement = store.conn.prepare(sql).expect("query");
            let count = statement.column_count();
            let found = statement
                .query_map([], |r| {
                    (0..count).map(|i| r.get::<_, rusqlite::types::Value>(i).map(|v| format!("{v:?}"))).collect()
                })
                .expect("rows");
            rows.extend(found.map(|row: rusqlite::Result<Vec<String>>| row.expect("row").join(" | ")));
        }
        rows
    }

    #[test]
    fn the_merge_stage_flagged_stores_what_it_stores_when_asked() {
        // [`MergeStage`] lets the store keep an event that links to no other alone without
        // asking the merge; the same function unflagged is asked each time.
        let (_dir, mut asked) = store();
        random_saves(&mut asked, &merge_stage);
        let (_dir2, mut flagged) = store();
        random_saves(&mut flagged, &MergeStage);
        assert_eq!(rows(&flagged), rows(&asked), "the same rows");
        assert_eq!(merged_records(&flagged), merged_records(&asked), "the same merged events");
        let alone: i64 =
            flagged.conn.query_row("SELECT count(*) FROM events WHERE merged IS NULL", [], |r| r.get(0)).expect("n");
        assert!(alone > 20, "many events are stored alone: {alone}");
        flagged.remerge_all(&MergeStage).expect("full merge");
        asked.remerge_all(&merge_stage).expect("full merge");
        assert_eq!(rows(&flagged), rows(&asked), "the same rows after a full merge");
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

    /// The tables of schema 3, as frontline wrote them before events became columns.
    const SCHEMA_3: &str = "
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

    #[test]
    fn ids_are_found_in_every_era_through_the_era_index() {
        let (_dir, mut store) = store();
        store
            .save(&article("a", "one"), &[event("a", "Ariha"), event("a", "Sarmin")], "[]", &each_alone)
            .expect("saved");
        // Ariha's event and its merged event moved two eras on, as in a store of millions.
        let far = 2i64 << schema::ERA_BITS;
        store
            .conn
            .execute_batch(&format!(
                "UPDATE merged_events SET key = key + {far}, best = best + {far}
                 WHERE key = (SELECT merged FROM events WHERE event_id = 'a-Ariha');
                 UPDATE events SET key = key + {far}, merged = merged + {far} WHERE event_id = 'a-Ariha';"
            ))
            .expect("moved");
        for id in ["a-Ariha", "a-Sarmin"] {
            let event = store.event(id).expect("query").expect("found");
            assert_eq!(event.event_id, id);
            let merged = store.merged_event_of(&event).expect("query").expect("merged");
            assert_eq!(merged.sources[0].event_id, id);
            assert_eq!(store.merged_event(&merged.event.event_id).expect("query"), Some(merged));
        }
        assert!(store.event("a-Binnish").expect("query").is_none());
        // The lookups use the era index, not a scan of the table.
        for (table, filed_by, index) in
            [("events", "share", "events_by_share"), ("merged_events", "event_id", "merged_by_id")]
        {
            let plan: String = store
                .conn
                .query_row(
                    &format!(
                        "EXPLAIN QUERY PLAN SELECT key FROM {table} WHERE key >> {} = ?1 AND {filed_by} = ?2 AND event_id = ?3",
                        schema::ERA_BITS
                    ),
                    params![0, 1, "x"],
                    |r| r.get(3),
                )
                .expect("plan");
            assert!(plan.contains(index), "{table}: {plan}");
        }
    }

    /// The tables of schema 5, as frontline wrote them before blocks had keys.
    const SCHEMA_5: &str = include_str!("testdata/schema-5.sql");

    /// Writes the store at `six` again, as a store of schema 5, at `five`.
    fn as_schema_5(six: &Path, five: &Path) {
        let conn = Connection::open(five).expect("sqlite");
        conn.execute_batch(SCHEMA_5).expect("schema 5");
        conn.execute("ATTACH ?1 AS six", [six.to_str().expect("a path")]).expect("attached");
        conn.execute_batch(
            "INSERT INTO articles SELECT * FROM six.articles;
             -- An event's block sits where its place key was; schema 5 knew no shares.
             CREATE TEMP TABLE six_events AS SELECT * FROM six.events;
             ALTER TABLE temp.six_events DROP COLUMN share;
             INSERT INTO events SELECT * FROM six_events;
             UPDATE events SET place_key = (SELECT b.place_key FROM six.blocks b WHERE b.key = CAST(events.place_key AS INTEGER));
             INSERT INTO merged_events (key, event_id, best, kind, place_key, date_start, date_end, event_date,
                time_precision, fatalities, confidence, share_sum, record)
                SELECT m.key, m.event_id, m.best, m.kind, b.place_key, m.date_start, m.date_end, m.event_date,
                m.time_precision, m.fatalities, m.confidence, m.share_sum, m.record
                FROM six.merged_events m JOIN six.events e ON e.key = m.best JOIN six.blocks b ON b.key = e.block;
             INSERT INTO block_windows SELECT kind, place_key, longest_days FROM six.blocks WHERE longest_days IS NOT NULL;
             INSERT INTO article_versions SELECT * FROM six.article_versions;
             INSERT INTO near_keys SELECT key, article FROM six.near_keys;
             PRAGMA user_version = 5;",
        )
        .expect("copied");
    }

    /// What a store gives: its events, merged events and articles.
    fn contents(store: &Store) -> (Vec<Event>, Vec<MergedEvent>, Vec<ArticleSummary>) {
        let all = EventFilter::default();
        (
            store.events(&all).expect("events"),
            store.merged_events(&all).expect("merged"),
            store.articles().expect("articles"),
        )
    }

    /// A store of schema 5 (or 4: `four`) is migrated when opened to write, gives what the
    /// store it was copied from gives, and goes on as that one does.
    fn migrates_from(four: bool) {
        let dir = tempfile::tempdir().expect("temp dir");
        let (six, old) = (dir.path().join("six.db"), dir.path().join("old.db"));
        let merge = &overlapping_together;
        let mut store = Store::open(&six).expect("created");
        store.save(&article("a", "a"), &[event_on("a", 1, 2), event("a", "Sarmin")], "[]", merge).expect("saved");
        store.save(&article("b", "b"), &[event_on("b", 2, 3)], "[]", merge).expect("saved");
        let mut undated = event("u", "Binnish");
        (undated.date_start, undated.date_end, undated.event_date) = (None, None, None);
        store.save(&article("u", "u"), &[undated], "[]", merge).expect("saved");
        store.save(&article("b", "b, corrected"), &[event_on("b", 2, 4)], "[]", merge).expect("saved");
        as_schema_5(&six, &old);
        if four {
            // Back to schema 4's indexes: ids unique, merged events indexed by block.
            Connection::open(&old)
                .expect("sqlite")
                .execute_batch(
                    "DROP INDEX events_by_id; DROP INDEX merged_by_id;
                     CREATE UNIQUE INDEX four_event_ids ON events(event_id);
                     CREATE UNIQUE INDEX four_merged_ids ON merged_events(event_id);
                     CREATE INDEX merged_by_block ON merged_events(kind, place_key, date_start, date_end);
                     PRAGMA user_version = 4;",
                )
                .expect("schema 4");
        }
        assert!(Store::open_read_only(&old).is_err(), "read-only, an old store is not migrated");
        let mut migrated = Store::open(&old).expect("an old store opens");
        let version: i64 = migrated.conn.pragma_query_value(None, "user_version", |r| r.get(0)).expect("version");
        assert_eq!(version, schema::SCHEMA_VERSION);
        assert_eq!(contents(&migrated), contents(&store));
        assert_eq!(merged_ids(&migrated), ["a-Ariha+b-Ariha", "a-Sarmin", "u-Binnish"]);
        assert_eq!(migrated.versions("b").expect("versions"), store.versions("b").expect("versions"));
        let objects: Vec<String> = {
            let mut statement = migrated
                .conn
                .prepare("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
                .expect("prepare");
            let rows = statement.query_map([], |r| r.get(0)).expect("rows");
            rows.collect::<Result<_, _>>().expect("names")
        };
        let fresh: Vec<String> = {
            let mut statement = store
                .conn
                .prepare("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
                .expect("prepare");
            let rows = statement.query_map([], |r| r.get(0)).expect("rows");
            rows.collect::<Result<_, _>>().expect("names")
        };
        assert_eq!(objects, fresh, "the tables and indexes of a new store, no others");
        for id in ["a-Sarmin", "u-Binnish"] {
            assert_eq!(migrated.event(id).expect("query"), store.event(id).expect("query"));
        }
        // Both go on alike: a report that reaches the merged event, one that reaches the
        // undated one, a duplicate, a reprint of nothing.
        for s in [&mut store, &mut migrated] {
            s.save(&article("c", "c"), &[event_on("c", 4, 5), event("c", "Sarmin")], "[]", merge).expect("saved");
            let mut undated = event("v", "Binnish");
            (undated.date_start, undated.date_end, undated.event_date) = (None, None, None);
            s.save(&article("v", "v"), &[undated], "[]", merge).expect("saved");
            assert_eq!(
                s.save(&article("w", "a"), &[], "[]", merge).expect("saved"),
                Saved::Duplicate { existing_id: "a".into() }
            );
        }
        assert_eq!(contents(&migrated), contents(&store));
        assert_eq!(merged_ids(&migrated), ["a-Ariha+b-Ariha+c-Ariha", "a-Sarmin+c-Sarmin", "u-Binnish+v-Binnish"]);
    }

    #[test]
    fn a_store_of_schema_5_opens_and_gives_what_it_gave() {
        migrates_from(false);
    }

    #[test]
    fn a_store_of_schema_4_opens_and_gives_what_it_gave() {
        migrates_from(true);
    }

    #[test]
    fn duplicates_are_found_through_the_index_of_hash_prefixes() {
        let (_dir, mut store) = store();
        store.save(&article("a", "one"), &[], "[]", &each_alone).expect("saved");
        assert_eq!(store.id_of_hash(&content_hash(b"one")).expect("query"), Some("a".into()));
        assert_eq!(store.id_of_hash(&content_hash(b"two")).expect("query"), None);
        // Another hash with the same first 16 digits is another text.
        let mut other = content_hash(b"one");
        other.replace_range(60.., "0000");
        assert_eq!(store.id_of_hash(&other).expect("query"), None);
        let plan: String = store
            .conn
            .query_row(
                "EXPLAIN QUERY PLAN SELECT id FROM articles
                 WHERE substr(content_hash, 1, 16) = substr(?1, 1, 16) AND content_hash = ?1",
                ["x"],
                |r| r.get(3),
            )
            .expect("plan");
        assert!(plan.contains("articles_by_hash"), "{plan}");
    }

    #[test]
    fn a_store_of_schema_3_opens_and_keeps_its_articles_events_and_merged_events() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("old.db");
        let a = article("a", "Jets struck Ariha.");
        let mut ev = event_on("a", 1, 28);
        ev.evidence = "Jets struck Ariha.".into();
        ev.evidence_end = ev.evidence.len();
        let mut merged = MergedEvent::single(&ev);
        merged.event.event_id = "old-merged-id".into();
        {
            let conn = Connection::open(&path).expect("sqlite");
            conn.execute_batch(SCHEMA_3).expect("schema 3");
            conn.execute(
                "INSERT INTO articles (id, content_hash, language, published, source, origin, text, figures)
                 VALUES (?1, ?2, 'en', '2021-03-10', 'test', 'a.txt', ?3, '[]')",
                params![a.id, a.content_hash(), a.text],
            )
            .expect("article");
            conn.execute(
                "INSERT INTO events (event_id, article_id, event_type, sub_event_type, date_start, date_end, location,
                 mention, place_key, actors, record) VALUES (?1, 'a', 'x', ?2, '2021-03-01', '2021-03-28', 'Ariha',
                 'Ariha', ?3, '', ?4)",
                params![
                    ev.event_id,
                    ev.sub_event_type.as_str(),
                    ev.place_key(),
                    serde_json::to_string(&ev).expect("json")
                ],
            )
            .expect("event");
            conn.execute(
                "INSERT INTO merged_events (event_id, event_type, sub_event_type, date_start, date_end, location,
                 mention, place_key, actors, articles, record) VALUES ('old-merged-id', 'x', ?1, '2021-03-01',
                 '2021-03-28', 'Ariha', 'Ariha', ?2, '', '|a|', ?3)",
                params![ev.sub_event_type.as_str(), ev.place_key(), serde_json::to_string(&merged).expect("json")],
            )
            .expect("merged event");
            conn.execute_batch("PRAGMA user_version = 3;").expect("version");
        }
        assert!(Store::open_read_only(&path).is_err(), "read-only, an old store is not migrated");
        let mut store = Store::open(&path).expect("an old store opens");
        let version: i64 = store.conn.pragma_query_value(None, "user_version", |r| r.get(0)).expect("version");
        assert_eq!(version, schema::SCHEMA_VERSION);
        assert_eq!(store.article("a").expect("query"), Some(a));
        assert_eq!(store.events(&EventFilter::default()).expect("query"), [ev.clone()]);
        assert_eq!(store.merged_events(&EventFilter::default()).expect("query"), [merged]);
        let longest: i64 = store.conn.query_row("SELECT longest_days FROM blocks", [], |r| r.get(0)).expect("learnt");
        assert_eq!(longest, 27);
        // And it goes on: a later report over day 27 reaches the month-long one.
        store.save(&article("late", "late"), &[event_on("late", 27, 27)], "[]", &overlapping_together).expect("saved");
        assert_eq!(merged_ids(&store), [format!("{}+late-Ariha", ev.event_id)]);
    }

    #[test]
    fn a_store_of_schema_6_gains_tallies_and_its_merged_events_take_new_members() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("six.db");
        let merge = &merge_stage;
        let reports = |from: u32, to: u32| (from..to).map(|n| (format!("r{n}"), event_on(&format!("r{n}"), 3, 4)));
        {
            let mut store = Store::open(&path).expect("store opens");
            for (id, mut e) in reports(0, 3) {
                e.event_id = format!("{id}-e");
                store.save(&article(&id, &id), &[e], "[]", merge).expect("saved");
            }
            back_to_schema_7(&store.conn);
            // Back to schema 6: merged events without their tallies.
            store
                .conn
                .execute_batch(
                    "CREATE TABLE v6 AS SELECT key, event_id, best, kind, date_start, date_end, event_date,
                       time_precision, fatalities, confidence, share_sum, record FROM merged_events;
                     DROP TABLE merged_events;
                     CREATE TABLE merged_events (key INTEGER PRIMARY KEY, event_id TEXT NOT NULL,
                       best INTEGER NOT NULL, kind INTEGER NOT NULL, date_start INTEGER, date_end INTEGER,
                       event_date INTEGER, time_precision INTEGER NOT NULL, fatalities INTEGER NOT NULL,
                       confidence REAL NOT NULL, share_sum INTEGER NOT NULL, record TEXT);
                     INSERT INTO merged_events SELECT * FROM v6;
                     DROP TABLE v6;
                     CREATE INDEX merged_by_id ON merged_events(key >> 16, event_id);
                     PRAGMA user_version = 6;",
                )
                .expect("schema 6");
        }
        let mut store = Store::open(&path).expect("a store of schema 6 opens");
        let version: i64 = store.conn.pragma_query_value(None, "user_version", |r| r.get(0)).expect("version");
        assert_eq!(version, schema::SCHEMA_VERSION);
        let unknown: i64 = store
            .conn
            .query_row("SELECT count(*) FROM merged_events WHERE toll_mixed IS NULL", [], |r| r.get(0))
            .expect("count");
        assert_eq!(unknown, 1, "the three reports' merged event, its tally unknown");
        for (id, mut e) in reports(3, 6) {
            e.event_id = format!("{id}-e");
            store.save(&article(&id, &id), &[e], "[]", merge).expect("saved");
        }
        let incremental = merged_records(&store);
        assert_eq!(incremental.len(), 1, "six reports of one strike: one merged event");
        assert!(incremental[0].contains("r5-e"), "the last report is among its sources");
        let known: i64 = store
            .conn
            .query_row("SELECT count(*) FROM merged_events WHERE toll_mixed IS NOT NULL", [], |r| r.get(0))
            .expect("count");
        assert_eq!(known, 1, "merged again once, it has its tally");
        store.remerge_all(merge).expect("full merge");
        assert_eq!(merged_records(&store), incremental);
    }

    /// Takes a store back to schema 8: events found by id through an index of their ids,
    /// shares only on the events alone, band keys filed without their days.
    fn back_to_schema_8(conn: &Connection) {
        conn.execute_batch(
            "DROP INDEX events_by_share;
             UPDATE events SET share = NULL WHERE merged IS NOT NULL;
             CREATE INDEX events_by_id ON events(key >> 16, event_id);
             CREATE INDEX events_alone ON events(key >> 16, share) WHERE merged IS NULL;
             CREATE TABLE v8_near_keys (key INTEGER NOT NULL, article INTEGER NOT NULL,
                 PRIMARY KEY (key, article)) WITHOUT ROWID;
             INSERT INTO v8_near_keys SELECT key, article FROM near_keys;
             DROP TABLE near_keys;
             ALTER TABLE v8_near_keys RENAME TO near_keys;
             PRAGMA user_version = 8;",
        )
        .expect("schema 8");
    }

    #[test]
    fn a_store_of_schema_8_files_events_by_share_and_band_keys_by_day_and_gives_what_it_gave() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("eight.db");
        let merge = &merge_stage;
        let story = "Jets struck it. The market of Ariha was hit twice on Tuesday morning, killing 4 people and \
            wounding many more, rescuers of the Civil Defence said. Shops along the main road burned for hours \
            while ambulances from nearby villages carried the wounded north. Residents said the strikes came \
            without warning, a day after shelling of the town's southern edge had emptied two schools.";
        let (before, ids, keys) = {
            let mut store = Store::open(&path).expect("store opens");
            // Two reports of one strike, one of another day, one undated (published on no day).
            store.save(&article("a", story), &[event_on("a", 3, 4), event("a", "Sarmin")], "[]", merge).expect("saved");
            store.save(&article("b", "b"), &[event_on("b", 3, 3)], "[]", merge).expect("saved");
            store.save(&article("c", "c"), &[event_on("c", 20, 20)], "[]", merge).expect("saved");
            let mut undated = article("u", "u");
            undated.published = None;
            store.save(&undated, &[event("u", "Binnish")], "[]", merge).expect("saved");
            let keys: Vec<(i64, i64, i64)> = {
                let mut statement =
                    store.conn.prepare("SELECT day, key, article FROM near_keys ORDER BY 1, 2, 3").expect("prepared");
                let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).expect("read");
                rows.collect::<Result<_, _>>().expect("keys")
            };
            assert!(keys.iter().any(|k| k.0 == 0), "the undated article's keys are filed under day 0");
            let before = (contents(&store), merged_ids(&store));
            back_to_schema_8(&store.conn);
            (before.0, before.1, keys)
        };
        let mut store = Store::open(&path).expect("a store of schema 8 opens");
        let version: i64 = store.conn.pragma_query_value(None, "user_version", |r| r.get(0)).expect("version");
        assert_eq!(version, schema::SCHEMA_VERSION);
        let unshared: i64 =
            store.conn.query_row("SELECT count(*) FROM events WHERE share IS NULL", [], |r| r.get(0)).expect("count");
        assert_eq!(unshared, 0, "every event has its share");
        let migrated: Vec<(i64, i64, i64)> = {
            let mut statement =
                store.conn.prepare("SELECT day, key, article FROM near_keys ORDER BY 1, 2, 3").expect("prepared");
            let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).expect("read");
            rows.collect::<Result<_, _>>().expect("keys")
        };
        assert_eq!(migrated, keys, "band keys are filed under the days a save files them under");
        assert_eq!(contents(&store), before, "nothing is lost");
        for id in &ids {
            let merged = store.merged_event(id).expect("query").expect("found by id");
            let first = store.event(&merged.sources[0].event_id).expect("query").expect("its source by id");
            assert_eq!(store.merged_event_of(&first).expect("query"), Some(merged));
        }
        // A reprint of the first report is still found through its band keys.
        let reprint = article("a2", &format!("Beirut (Wire) — {story}"));
        let sketch = near::sketch(&reprint.text, &reprint.language, reprint.published);
        let saved = store.save_if_reprint(&reprint, &sketch, merge).expect("saved");
        assert_eq!(saved.map(|s| s.0), Some(Saved::Reprint { of: "a".into() }));
        // Forgetting an article takes its band keys with it.
        assert!(store.forget("c", merge).expect("forgotten"));
        let left: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM near_keys n JOIN articles a ON a.key = n.article WHERE a.id = 'c'",
                [],
                |r| r.get(0),
            )
            .expect("count");
        let all: i64 = store.conn.query_row("SELECT count(*) FROM near_keys", [], |r| r.get(0)).expect("count");
        assert_eq!((left, all), (0, keys.len() as i64 - 6), "c's six keys are gone");
    }

    /// Takes a store back to schema 7: every event alone given the row it had then.
    fn back_to_schema_7(conn: &Connection) {
        back_to_schema_8(conn);
        let alone: Vec<i64> = {
            let mut statement = conn.prepare("SELECT key FROM events WHERE merged IS NULL").expect("prepared");
            let rows = statement.query_map([], |r| r.get(0)).expect("read");
            rows.collect::<Result<_, _>>().expect("keys")
        };
        for key in alone {
            merging::give_alone_a_row(conn, key).expect("a row");
        }
        conn.execute_batch(
            "DROP INDEX events_alone; DROP INDEX events_by_merged; ALTER TABLE events DROP COLUMN share;
             CREATE INDEX events_by_merged ON events(merged); PRAGMA user_version = 7;",
        )
        .expect("schema 7");
    }

    #[test]
    fn a_store_of_schema_7_drops_the_rows_of_events_alone_and_gives_what_it_gave() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("seven.db");
        let merge = &merge_stage;
        let (before, ids) = {
            let mut store = Store::open(&path).expect("store opens");
            // Two reports of one strike, one of another day, one elsewhere, one undated.
            store.save(&article("a", "a"), &[event_on("a", 3, 4), event("a", "Sarmin")], "[]", merge).expect("saved");
            store.save(&article("b", "b"), &[event_on("b", 3, 3)], "[]", merge).expect("saved");
            store.save(&article("c", "c"), &[event_on("c", 20, 20)], "[]", merge).expect("saved");
            let mut undated = event("u", "Binnish");
            (undated.date_start, undated.date_end, undated.event_date) = (None, None, None);
            store.save(&article("u", "u"), &[undated], "[]", merge).expect("saved");
            let alone: i64 = store
                .conn
                .query_row("SELECT count(*) FROM events WHERE merged IS NULL", [], |r| r.get(0))
                .expect("count");
            assert_eq!(alone, 3, "three events are their own merged events");
            let before = (contents(&store), merged_ids(&store));
            back_to_schema_7(&store.conn);
            let rows: i64 =
                store.conn.query_row("SELECT count(*) FROM merged_events", [], |r| r.get(0)).expect("count");
            assert_eq!(rows, 4, "schema 7 has a row for each merged event");
            before
        };
        let mut store = Store::open(&path).expect("a store of schema 7 opens");
        let version: i64 = store.conn.pragma_query_value(None, "user_version", |r| r.get(0)).expect("version");
        assert_eq!(version, schema::SCHEMA_VERSION);
        let rows: i64 = store.conn.query_row("SELECT count(*) FROM merged_events", [], |r| r.get(0)).expect("count");
        assert_eq!(rows, 1, "only the merged event of two reports keeps its row");
        assert_eq!(contents(&store), before, "nothing is lost");
        for id in &ids {
            let merged = store.merged_event(id).expect("query").expect("found by id");
            assert_eq!(&merged.event.event_id, id);
            let first = store.event(&merged.sources[0].event_id).expect("query").expect("its source");
            assert_eq!(store.merged_event_of(&first).expect("query"), Some(merged));
        }
        assert_eq!(store.count_merged_events(&EventFilter::default()).expect("count"), 4);
        let of_c = EventFilter { article: Some("c".into()), ..EventFilter::default() };
        assert_eq!(store.count_merged_events(&of_c).expect("count"), 1);
        // It goes on: a third report joins the strike, another joins the one of day 20.
        store.save(&article("d", "d"), &[event_on("d", 4, 4)], "[]", merge).expect("saved");
        store.save(&article("e", "e"), &[event_on("e", 20, 21)], "[]", merge).expect("saved");
        let incremental = merged_records(&store);
        assert_eq!(incremental.len(), 4);
        store.remerge_all(merge).expect("full merge");
        assert_eq!(merged_records(&store), incremental, "a full merge finds the same");
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
    fn a_writer_learns_what_another_committed_between_its_transactions() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("test.db");
        let (mut one, mut two) = (Store::open(&path).expect("opens"), Store::open(&path).expect("opens again"));
        let merge = &overlapping_together;
        // The first writer knows the block with a window of one day.
        one.save(&article("a", "one"), &[event_on("a", 20, 20)], "[]", merge).expect("saved");
        // The second gives it a window of 19 days, which ends before the first's day.
        two.save(&article("b", "two"), &[event_on("b", 1, 19)], "[]", merge).expect("saved");
        // A day inside that window: the first writer must look back 19 days, not one.
        one.save(&article("c", "three"), &[event_on("c", 10, 10)], "[]", merge).expect("saved");
        let incremental = merged_ids(&one);
        assert_eq!(incremental.len(), 2, "b and c together, a alone: {incremental:?}");
        one.remerge_all(merge).expect("merged again");
        assert_eq!(merged_ids(&one), incremental, "a full merge finds the same");
    }

    #[test]
    fn a_failed_save_leaves_the_store_as_it_was() {
        let (_dir, mut store) = store();
        store.save(&article("a", "one"), &[event("a", "Ariha")], "[]", &each_alone).expect("saved");
        // An event the store cannot take: the whole article is rolled back.
        let mut stray = event("b", "Sarmin");
        stray.confidence = f64::NAN; // stored as NULL, which the column refuses
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
    fn two_events_of_one_article_under_one_id_are_stored_once_the_later_standing() {
        let (_dir, mut store) = store();
        let mut later = event("a", "Ariha");
        later.fatalities = 9;
        store.save(&article("a", "x"), &[event("a", "Ariha"), later], "[]", &each_alone).expect("saved");
        let events = store.events(&EventFilter::default()).expect("query");
        assert_eq!(events.iter().map(|e| e.fatalities).collect::<Vec<_>>(), [9]);
        assert_eq!(store.count_merged_events(&EventFilter::default()).expect("query"), 1);
    }

    #[test]
    fn a_batching_writer_lets_a_second_writer_in_between_batches() {
        use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("shared.db");
        drop(Store::open(&path).expect("created"));
        let second_done = AtomicBool::new(false);
        let first_saved = AtomicUsize::new(0);
        const MOST: usize = 200_000;
        std::thread::scope(|scope| {
            scope.spawn(|| {
                let mut store = Store::open(&path).expect("opens");
                store.batch(1_000_000);
                // Saves until the second writer got in, or until it could not have.
                for n in 0..MOST {
                    if second_done.load(Ordering::SeqCst) {
                        break;
                    }
                    let id = format!("first-{n}");
                    store.save(&article(&id, &id), &[], "[]", &each_alone).expect("saved");
                    first_saved.store(n + 1, Ordering::SeqCst);
                }
                store.flush().expect("committed");
            });
            scope.spawn(|| {
                while first_saved.load(Ordering::SeqCst) == 0 {
                    std::thread::yield_now();
                }
                let mut store = Store::open(&path).expect("opens");
                store.save(&article("second", "second"), &[], "[]", &each_alone).expect("saved in between");
                second_done.store(true, Ordering::SeqCst);
            });
        });
        let saved = first_saved.load(Ordering::SeqCst);
        assert!(saved < MOST, "the second writer got the lock while the first was still saving ({saved})");
        let store = Store::open_read_only(&path).expect("opens");
        assert_eq!(store.article_ids().expect("query").len(), saved + 1);
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
