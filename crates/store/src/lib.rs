//! The embedded store: articles and their events in one SQLite file. Each article is saved
//! with its events in one transaction, so a run that stops half way loses nothing already
//! stored and leaves nothing half-written. Queries take their values as SQL parameters.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::time::Duration;

use chrono::NaiveDate;
use frontline_core::{Article, Event, MergedEvent};
use rusqlite::{params, Connection, OptionalExtension};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store {path}: {source}")]
    Open {
        path: String,
        source: rusqlite::Error,
    },
    #[error("store: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("store: a stored record is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error(
        "store {path} was written by a newer frontline (schema {found}, this one knows {known})"
    )]
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
}

/// What saving an article did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    Inserted,
    /// The same text is already stored, under this id.
    Duplicate {
        existing_id: String,
    },
    /// An article of this id with another text was replaced, with its events.
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

const SCHEMA_VERSION: i64 = 1;

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
CREATE INDEX IF NOT EXISTS events_by_block ON events(sub_event_type, place_key);
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
CREATE INDEX IF NOT EXISTS merged_by_block ON merged_events(sub_event_type, place_key);
CREATE INDEX IF NOT EXISTS merged_by_date ON merged_events(date_start, date_end);
";

/// Merges the events of one block (type and place) given the publication dates of their
/// articles; supplied by the merge stage.
pub type MergeFn<'a> = &'a dyn Fn(&[Event], &HashMap<String, NaiveDate>) -> Vec<MergedEvent>;

fn actor_names(event: &Event) -> String {
    [
        &event.actor1,
        &event.assoc_actor_1,
        &event.actor2,
        &event.assoc_actor_2,
    ]
    .into_iter()
    .flatten()
    .cloned()
    .collect::<Vec<_>>()
    .join(" | ")
}

impl Store {
    /// Opens (creating if needed) the store at `path`.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let shown = path.display().to_string();
        let open_error = |source| StoreError::Open {
            path: shown.clone(),
            source,
        };
        let conn = Connection::open(path).map_err(open_error)?;
        conn.busy_timeout(Duration::from_secs(30))
            .map_err(open_error)?;
        // WAL lets readers work while an ingest writes.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(open_error)?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(open_error)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(open_error)?;
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(open_error)?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: shown,
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        conn.execute_batch(SCHEMA).map_err(open_error)?;
        conn.pragma_update(None, "user_version", SCHEMA_VERSION)
            .map_err(open_error)?;
        Ok(Store { conn })
    }

    /// The id of the article stored with this text, if any.
    pub fn id_of_hash(&self, content_hash: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM articles WHERE content_hash = ?1",
                [content_hash],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Saves an article with its events and figures, and merges again the blocks its events
    /// (and those of the version it replaces) belong to, all in one transaction.
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
        let tx = self.conn.transaction()?;
        let mut blocks: BTreeSet<(String, String)> = BTreeSet::new();
        {
            let mut old =
                tx.prepare("SELECT sub_event_type, place_key FROM events WHERE article_id = ?1")?;
            for row in old.query_map([&article.id], |r| Ok((r.get(0)?, r.get(1)?)))? {
                blocks.insert(row?);
            }
        }
        let replaced = tx.execute("DELETE FROM articles WHERE id = ?1", [&article.id])? > 0;
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
                blocks.insert((event.sub_event_type.as_str().to_string(), event.place_key()));
            }
        }
        for block in &blocks {
            remerge_block(&tx, block, merge)?;
        }
        tx.commit()?;
        Ok(if replaced {
            Saved::Replaced
        } else {
            Saved::Inserted
        })
    }

    /// Merges every block again (after a change of merge rules).
    pub fn remerge_all(&mut self, merge: MergeFn<'_>) -> Result<usize, StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM merged_events", [])?;
        let blocks: Vec<(String, String)> = {
            let mut statement =
                tx.prepare("SELECT DISTINCT sub_event_type, place_key FROM events")?;
            let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        for block in &blocks {
            remerge_block(&tx, block, merge)?;
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

    fn query_records<T: serde::de::DeserializeOwned>(
        &self,
        table: &str,
        filter: &EventFilter,
    ) -> Result<Vec<T>, StoreError> {
        let mut sql = format!("SELECT record FROM {table} WHERE 1=1");
        let mut values: Vec<String> = Vec::new();
        let mut bind = |clause: &str, value: String, sql: &mut String| {
            values.push(value);
            sql.push_str(&clause.replace('?', &format!("?{}", values.len())));
        };
        if let Some(since) = filter.since {
            bind(
                " AND (date_end IS NULL OR date_end >= ?)",
                since.to_string(),
                &mut sql,
            );
        }
        if let Some(until) = filter.until {
            bind(
                " AND (date_start IS NULL OR date_start <= ?)",
                until.to_string(),
                &mut sql,
            );
        }
        if let Some(kind) = &filter.event_type {
            bind(
                " AND (lower(event_type) = lower(?) OR lower(sub_event_type) = lower(?))",
                kind.clone(),
                &mut sql,
            );
        }
        if let Some(place) = &filter.place {
            bind(
                " AND (location LIKE ? ESCAPE '\\' OR mention LIKE ? ESCAPE '\\')",
                like_pattern(place),
                &mut sql,
            );
        }
        if let Some(actor) = &filter.actor {
            bind(" AND (actor1_id = upper(?) OR actor2_id = upper(?) OR actors LIKE '%' || ? || '%')", actor.clone(), &mut sql);
        }
        if let Some(article) = &filter.article {
            let column = if table == "events" {
                "article_id = ?"
            } else {
                "articles LIKE '%|' || ? || '|%'"
            };
            bind(&format!(" AND {column}"), article.clone(), &mut sql);
        }
        sql.push_str(" ORDER BY date_start, event_id");
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map(rusqlite::params_from_iter(values.iter()), |r| {
            r.get::<_, String>(0)
        })?;
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

/// Replaces the merged events of one block by a fresh merge of its events.
fn remerge_block(
    tx: &rusqlite::Transaction<'_>,
    block: &(String, String),
    merge: MergeFn<'_>,
) -> Result<(), StoreError> {
    let (sub_event_type, place_key) = block;
    let mut events: Vec<Event> = Vec::new();
    let mut published: HashMap<String, NaiveDate> = HashMap::new();
    {
        let mut statement = tx.prepare(
            "SELECT e.record, a.id, a.published FROM events e JOIN articles a ON a.id = e.article_id
             WHERE e.sub_event_type = ?1 AND e.place_key = ?2",
        )?;
        let rows = statement.query_map(params![sub_event_type, place_key], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
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
        "DELETE FROM merged_events WHERE sub_event_type = ?1 AND place_key = ?2",
        params![sub_event_type, place_key],
    )?;
    let mut insert = tx.prepare(
        "INSERT OR REPLACE INTO merged_events (event_id, event_type, sub_event_type, date_start, date_end, location,
         mention, place_key, actor1_id, actor2_id, actors, articles, record)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for merged in merge(&events, &published) {
        let event = &merged.event;
        let articles: BTreeSet<&str> = merged
            .sources
            .iter()
            .map(|s| s.article_id.as_str())
            .collect();
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

/// A LIKE pattern matching `text` anywhere, with LIKE's wildcards taken literally.
fn like_pattern(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

#[cfg(test)]
mod tests {
    use super::*;
    use frontline_core::{content_hash, Source, SubEventType};

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
        events
            .iter()
            .map(|e| MergedEvent {
                event: e.clone(),
                sources: vec![Source {
                    article_id: e.article_id.clone(),
                    event_id: e.event_id.clone(),
                    language: e.language.clone(),
                    published: None,
                    evidence: e.evidence.clone(),
                    evidence_start: e.evidence_start,
                    evidence_end: e.evidence_end,
                    fatalities: e.fatalities,
                    confidence: e.confidence,
                    claimed_by: None,
                }],
            })
            .collect()
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
        assert_eq!(
            store
                .save(&a, &[event("a", "Ariha")], "[]", &each_alone)
                .expect("saved"),
            Saved::Inserted
        );
        let same_text = article("b", "first text");
        assert_eq!(
            store
                .save(&same_text, &[], "[]", &each_alone)
                .expect("saved"),
            Saved::Duplicate {
                existing_id: "a".into()
            }
        );
        let new_version = article("a", "second text");
        assert_eq!(
            store
                .save(&new_version, &[event("a", "Sarmin")], "[]", &each_alone)
                .expect("saved"),
            Saved::Replaced
        );
        let events = store.events(&EventFilter::default()).expect("query");
        assert_eq!(events.len(), 1);
        assert_eq!(
            events[0].mention, "Sarmin",
            "the old version's events went with it"
        );
        let merged = store.merged_events(&EventFilter::default()).expect("query");
        assert_eq!(
            merged.len(),
            1,
            "merged events of the replaced version are gone too"
        );
        assert_eq!(
            store.article("a").expect("query").map(|a| a.text),
            Some("second text".into())
        );
    }

    #[test]
    fn filters_are_parameters_not_sql() {
        let (_dir, mut store) = store();
        store
            .save(
                &article("a", "x"),
                &[event("a", "Ariha"), event("a", "O'Brien%_")],
                "[]",
                &each_alone,
            )
            .expect("saved");
        let by_place = |place: &str| {
            store
                .events(&EventFilter {
                    place: Some(place.into()),
                    ..EventFilter::default()
                })
                .expect("query")
                .len()
        };
        assert_eq!(by_place("ari"), 1);
        assert_eq!(by_place("'; DROP TABLE events; --"), 0);
        assert_eq!(by_place("%"), 1, "a % is taken literally");
        assert_eq!(
            store.events(&EventFilter::default()).expect("query").len(),
            2
        );
        let by_actor = store
            .events(&EventFilter {
                actor: Some("rus".into()),
                ..EventFilter::default()
            })
            .expect("query");
        assert_eq!(by_actor.len(), 2);
        let later = store
            .events(&EventFilter {
                since: NaiveDate::from_ymd_opt(2021, 3, 10),
                ..EventFilter::default()
            })
            .expect("query");
        assert!(later.is_empty());
    }

    #[test]
    fn a_failed_save_leaves_the_store_as_it_was() {
        let (_dir, mut store) = store();
        store
            .save(
                &article("a", "one"),
                &[event("a", "Ariha")],
                "[]",
                &each_alone,
            )
            .expect("saved");
        // Two events with one id in one article violate nothing, but an event pointing to
        // another article's id violates the foreign key: the whole article is rolled back.
        let mut stray = event("b", "Sarmin");
        stray.article_id = "missing".into();
        let result = store.save(
            &article("b", "two"),
            &[event("b", "Binnish"), stray],
            "[]",
            &each_alone,
        );
        assert!(result.is_err());
        assert!(store.article("b").expect("query").is_none());
        assert_eq!(
            store.events(&EventFilter::default()).expect("query").len(),
            1
        );
    }

    #[test]
    fn articles_list_counts_events() {
        let (_dir, mut store) = store();
        store
            .save(
                &article("a", "one"),
                &[event("a", "Ariha"), event("a", "Sarmin")],
                "[{\"killed\": 3}]",
                &each_alone,
            )
            .expect("saved");
        let list = store.articles().expect("query");
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].events, 2);
        assert!(list[0].figures.contains("killed"));
    }
}
