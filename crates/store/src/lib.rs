//! The embedded store: articles and their events in one SQLite file. Each article is saved
//! with its events in one transaction, so a run that stops half way loses nothing already
//! stored and leaves nothing half-written. Queries take their values as SQL parameters.

use std::path::Path;
use std::time::Duration;

use chrono::NaiveDate;
use frontline_core::{Article, Event};
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
    actor1_id TEXT,
    actor2_id TEXT,
    actors TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_by_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_by_date ON events(date_start, date_end);
";

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

    /// Saves an article with its events and figures, in one transaction.
    pub fn save(
        &mut self,
        article: &Article,
        events: &[Event],
        figures_json: &str,
    ) -> Result<Saved, StoreError> {
        if let Some(existing_id) = self.id_of_hash(&article.content_hash)? {
            return Ok(Saved::Duplicate { existing_id });
        }
        let tx = self.conn.transaction()?;
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
                 location, mention, actor1_id, actor2_id, actors, record)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?;
            for event in events {
                let actors = [
                    &event.actor1,
                    &event.assoc_actor_1,
                    &event.actor2,
                    &event.assoc_actor_2,
                ]
                .into_iter()
                .flatten()
                .cloned()
                .collect::<Vec<_>>()
                .join(" | ");
                insert.execute(params![
                    event.event_id,
                    event.article_id,
                    event.event_type.as_str(),
                    event.sub_event_type.as_str(),
                    event.date_start.map(|d| d.to_string()),
                    event.date_end.map(|d| d.to_string()),
                    event.location,
                    event.mention,
                    event.actor1_id.map(|a| a.as_str()),
                    event.actor2_id.map(|a| a.as_str()),
                    actors,
                    serde_json::to_string(event)?,
                ])?;
            }
        }
        tx.commit()?;
        Ok(if replaced {
            Saved::Replaced
        } else {
            Saved::Inserted
        })
    }

    /// Events matching the filter, by date then id.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<Event>, StoreError> {
        let mut sql = String::from("SELECT record FROM events WHERE 1=1");
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
            bind(" AND article_id = ?", article.clone(), &mut sql);
        }
        sql.push_str(" ORDER BY date_start, event_id");
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map(rusqlite::params_from_iter(values.iter()), |r| {
            r.get::<_, String>(0)
        })?;
        let mut events = Vec::new();
        for row in rows {
            events.push(serde_json::from_str(&row?)?);
        }
        Ok(events)
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

/// A LIKE pattern matching `text` anywhere, with LIKE's wildcards taken literally.
fn like_pattern(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}
