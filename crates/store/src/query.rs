//! Reading the store: events, merged events, articles, with filters bound as parameters.

use frontline_core::{Article, ContentHash, Event, MergedEvent, SubEventType};
use rusqlite::{params_from_iter, types::Value, Connection, OptionalExtension, ToSql};

use crate::merging::read_merged;
use crate::record::{day_number, kind_code, read_event, EVENT_COLUMNS};
use crate::schema::ERA_BITS;
use crate::{ArticleSummary, EventFilter, Page, Store, StoreError};

/// Which table a filter reads: events of articles (`e`), or merged events (`m`, whose
/// fields but the window and toll are those of their most precise member, `e`).
/// In SQLite, merged events are their rows and the events alone (schema.rs, version 8),
/// these under the negated key of the event: the window, type and id that a filter and the
/// order read are the event's own, the id its share in hex.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Table {
    Events,
    Merged,
}

impl Table {
    pub(crate) fn from(self) -> &'static str {
        match self {
            Table::Events => "events e JOIN articles a ON a.key = e.article",
            Table::Merged => {
                "(SELECT key, event_id, best, kind, date_start, date_end, record FROM merged_events
                  UNION ALL
                  SELECT -key, printf('%016x', share), key, kind, date_start, date_end, NULL FROM events
                  WHERE merged IS NULL) m
                 JOIN events e ON e.key = m.best"
            }
        }
    }

    /// The alias whose window, type and id the filter and the order use.
    pub(crate) fn alias(self) -> &'static str {
        match self {
            Table::Events => "e",
            Table::Merged => "m",
        }
    }
}

/// The conditions of a filter, each starting with " AND ", and the values they bind.
fn filter_clause(table: Table, filter: &EventFilter) -> (String, Vec<Value>) {
    let t = table.alias();
    let mut sql = String::new();
    let mut values: Vec<Value> = Vec::new();
    let mut bind = |clause: &str, value: Value, sql: &mut String| {
        values.push(value);
        sql.push_str(&clause.replace('?', &format!("?{}", values.len())));
    };
    // An undated event is not known to fall in a date range: kept only when asked.
    let undated =
        if filter.undated { format!("({t}.date_start IS NULL AND {t}.date_end IS NULL) OR ") } else { String::new() };
    if let Some(since) = filter.since {
        bind(
            &format!(" AND ({undated}coalesce({t}.date_end, {t}.date_start) >= ?)"),
            day_number(since).into(),
            &mut sql,
        );
    }
    if let Some(until) = filter.until {
        bind(
            &format!(" AND ({undated}coalesce({t}.date_start, {t}.date_end) <= ?)"),
            day_number(until).into(),
            &mut sql,
        );
    }
    if let Some(kind) = &filter.event_type {
        // The codes come from the type's names, never from the text given.
        let kind = kind.trim();
        let codes: Vec<String> = SubEventType::ALL
            .iter()
            .filter(|k| k.as_str().eq_ignore_ascii_case(kind) || k.event_type().as_str().eq_ignore_ascii_case(kind))
            .map(|k| kind_code(*k).to_string())
            .collect();
        sql.push_str(&format!(" AND {t}.kind IN ({})", codes.join(",")));
    }
    if let Some(place) = &filter.place {
        bind(
            " AND (e.location LIKE ? ESCAPE '\\' OR e.mention LIKE ? ESCAPE '\\')",
            like_pattern(place).into(),
            &mut sql,
        );
    }
    if let Some(actor) = &filter.actor {
        bind(
            " AND (e.actor1_id = upper(?) OR e.actor2_id = upper(?) OR instr(lower(coalesce(e.actor1, '') || ' | ' ||
             coalesce(e.assoc_actor_1, '') || ' | ' || coalesce(e.actor2, '') || ' | ' || coalesce(e.assoc_actor_2, '')), lower(?)) > 0)",
            actor.clone().into(),
            &mut sql,
        );
    }
    if let Some(article) = &filter.article {
        let clause = match table {
            Table::Events => " AND a.id = ?",
            // The merged events of the article's events (the events themselves when alone),
            // found once.
            Table::Merged => {
                " AND m.key IN (SELECT coalesce(s.merged, -s.key) FROM events s JOIN articles sa ON sa.key = s.article
                  WHERE sa.id = ?)"
            }
        };
        bind(clause, article.clone().into(), &mut sql);
    }
    (sql, values)
}

/// The key of the row of `table` (events or merged events) with this id: each era of the
/// (era, id) index asked in turn, the latest first (see [`ERA_BITS`]). A merged event not
/// found among the rows is looked for among the events alone (by the share its id gives):
/// the negated key of the event.
pub(crate) fn key_of_id(conn: &Connection, table: Table, id: &str) -> Result<Option<i64>, StoreError> {
    let found = key_of_row(conn, table, id)?;
    if found.is_some() || table == Table::Events {
        return Ok(found);
    }
    key_of_alone(conn, id)
}

/// The key of the event alone whose merged event has this id: its share in 16 hex digits.
fn key_of_alone(conn: &Connection, id: &str) -> Result<Option<i64>, StoreError> {
    let Some(share) = u64::from_str_radix(id, 16).ok().filter(|&s| frontline_merge::merged_id(s) == id) else {
        return Ok(None);
    };
    let found = newest_by_era(conn, "events", "share = ?2 AND merged IS NULL", &[&(share as i64)])?;
    Ok(found.map(|key| -key))
}

/// [`key_of_id`] among the rows of `table`. Events are filed by their share (a hash of
/// their id: one index serves this lookup and that of the events alone), merged events by
/// their id.
fn key_of_row(conn: &Connection, table: Table, id: &str) -> Result<Option<i64>, StoreError> {
    match table {
        Table::Events => {
            newest_by_era(conn, "events", "share = ?2 AND event_id = ?3", &[&crate::record::share_of(id), &id])
        }
        Table::Merged => newest_by_era(conn, "merged_events", "event_id = ?2", &[&id]),
    }
}

/// The key of the row of `table` that `condition` finds (its parameters from ?2 on, ?1 being
/// the era), asked era by era from the newest: the indexes are ordered by era first, so
/// each probe is one seek.
fn newest_by_era(
    conn: &Connection,
    table: &str,
    condition: &str,
    values: &[&dyn ToSql],
) -> Result<Option<i64>, StoreError> {
    let last: Option<i64> =
        conn.prepare_cached(&format!("SELECT max(key) FROM {table}"))?.query_row([], |r| r.get(0))?;
    let Some(last) = last else {
        return Ok(None);
    };
    let mut probe =
        conn.prepare_cached(&format!("SELECT key FROM {table} WHERE key >> {ERA_BITS} = ?1 AND {condition}"))?;
    for era in (0..=last >> ERA_BITS).rev() {
        let params = std::iter::once(&era as &dyn ToSql).chain(values.iter().copied());
        if let Some(key) = probe.query_row(params_from_iter(params), |r| r.get(0)).optional()? {
            return Ok(Some(key));
        }
    }
    Ok(None)
}

/// A LIKE pattern matching `text` anywhere, with LIKE's wildcards taken literally.
fn like_pattern(text: &str) -> String {
    let escaped = text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
}

impl Store {
    /// The id of the article stored with this text, if any.
    /// (Also true of [`Store::open_read_only`]: every query below reads only.)
    pub fn id_of_hash(&self, content_hash: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id FROM articles WHERE substr(content_hash, 1, 16) = substr(?1, 1, 16) AND content_hash = ?1",
            )?
            .query_row([content_hash], |r| r.get(0))
            .optional()?)
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

    /// The id of the article a stored reprint shares its events with, if it is one.
    pub fn reprint_of(&self, id: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT o.id FROM articles a JOIN articles o ON o.key = a.reprint_of WHERE a.id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Merged events matching the filter, by date then id.
    pub fn merged_events(&self, filter: &EventFilter) -> Result<Vec<MergedEvent>, StoreError> {
        self.merged_page(filter, None)
    }

    /// Events matching the filter, by date then id.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<Event>, StoreError> {
        self.events_of(filter, None)
    }

    /// A page of the events matching the filter, in the order of [`Store::events`].
    pub fn events_page(&self, filter: &EventFilter, page: Page) -> Result<Vec<Event>, StoreError> {
        self.events_of(filter, Some(page))
    }

    /// A page of the merged events matching the filter, in the order of [`Store::merged_events`].
    pub fn merged_events_page(&self, filter: &EventFilter, page: Page) -> Result<Vec<MergedEvent>, StoreError> {
        self.merged_page(filter, Some(page))
    }

    /// How many events match the filter.
    pub fn count_events(&self, filter: &EventFilter) -> Result<u64, StoreError> {
        self.count(Table::Events, filter)
    }

    /// How many merged events match the filter.
    pub fn count_merged_events(&self, filter: &EventFilter) -> Result<u64, StoreError> {
        self.count(Table::Merged, filter)
    }

    /// One event of one article, by id.
    pub fn event(&self, event_id: &str) -> Result<Option<Event>, StoreError> {
        let Some(key) = key_of_id(&self.conn, Table::Events, event_id)? else {
            return Ok(None);
        };
        Ok(self
            .conn
            .prepare_cached(&format!("SELECT {EVENT_COLUMNS} FROM {} WHERE e.key = ?1", Table::Events.from()))?
            .query_row([key], |r| read_event(r, 0))
            .optional()?)
    }

    /// One merged event, by id.
    pub fn merged_event(&self, event_id: &str) -> Result<Option<MergedEvent>, StoreError> {
        match key_of_id(&self.conn, Table::Merged, event_id)? {
            Some(key) => read_merged(&self.conn, key),
            None => Ok(None),
        }
    }

    /// The merged event that an event of one article is a source of.
    pub fn merged_event_of(&self, event: &Event) -> Result<Option<MergedEvent>, StoreError> {
        let Some(key) = key_of_id(&self.conn, Table::Events, &event.event_id)? else {
            return Ok(None);
        };
        let merged: Option<i64> =
            self.conn.prepare_cached("SELECT merged FROM events WHERE key = ?1")?.query_row([key], |r| r.get(0))?;
        // NULL: the event alone is its own merged event.
        read_merged(&self.conn, merged.unwrap_or(-key))
    }

    /// Merged events that change who holds a place: what control timelines are made of.
    pub fn territory_events(&self) -> Result<Vec<MergedEvent>, StoreError> {
        let keys: Vec<i64> = {
            let mut statement = self.conn.prepare(&format!(
                "SELECT m.key FROM {} WHERE e.control_gained IS NOT NULL OR m.record IS NOT NULL
                 ORDER BY m.date_start, m.event_id",
                Table::Merged.from()
            ))?;
            let rows = statement.query_map([], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        let mut records = Vec::with_capacity(keys.len());
        for key in keys {
            if let Some(merged) = read_merged(&self.conn, key)? {
                if merged.event.control.is_some() {
                    records.push(merged);
                }
            }
        }
        Ok(records)
    }

    fn count(&self, table: Table, filter: &EventFilter) -> Result<u64, StoreError> {
        let (clause, values) = filter_clause(table, filter);
        let sql = format!("SELECT count(*) FROM {} WHERE 1=1{clause}", table.from());
        let count: i64 = self.conn.query_row(&sql, params_from_iter(values.iter()), |r| r.get(0))?;
        Ok(u64::try_from(count).unwrap_or(0))
    }

    /// The SQL and values of a filtered, ordered, perhaps paged query of `what`.
    fn select(table: Table, what: &str, filter: &EventFilter, page: Option<Page>) -> (String, Vec<Value>) {
        let (clause, mut values) = filter_clause(table, filter);
        let t = table.alias();
        // By the last day an event may have happened, the most precisely dated first: an
        // event of one day comes before the week-long windows that end on it.
        let mut sql = format!(
            "SELECT {what} FROM {} WHERE 1=1{clause} ORDER BY {t}.date_end, {t}.date_start DESC, {t}.event_id",
            table.from()
        );
        if let Some(page) = page {
            sql.push_str(&format!(" LIMIT ?{} OFFSET ?{}", values.len() + 1, values.len() + 2));
            values.push(i64::from(page.limit).into());
            values.push(i64::try_from(page.offset).unwrap_or(i64::MAX).into());
        }
        (sql, values)
    }

    fn events_of(&self, filter: &EventFilter, page: Option<Page>) -> Result<Vec<Event>, StoreError> {
        let (sql, values) = Store::select(Table::Events, EVENT_COLUMNS, filter, page);
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map(params_from_iter(values.iter()), |r| read_event(r, 0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn merged_page(&self, filter: &EventFilter, page: Option<Page>) -> Result<Vec<MergedEvent>, StoreError> {
        let (sql, values) = Store::select(Table::Merged, "m.key", filter, page);
        let keys: Vec<i64> = {
            let mut statement = self.conn.prepare(&sql)?;
            let rows = statement.query_map(params_from_iter(values.iter()), |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        let mut records = Vec::with_capacity(keys.len());
        for key in keys {
            records.extend(read_merged(&self.conn, key)?);
        }
        Ok(records)
    }

    pub fn articles(&self) -> Result<Vec<ArticleSummary>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT a.id, a.language, a.published, a.source, a.title, a.origin, a.figures,
                    (SELECT count(*) FROM events e WHERE e.article = a.key)
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
            .prepare_cached(
                "SELECT id, text, language, published, source, url, title, origin, content_hash FROM articles WHERE id = ?1",
            )?
            .query_row([id], |r| {
                Ok(Article {
                    id: r.get(0)?,
                    text: r.get(1)?,
                    language: r.get(2)?,
                    published: r.get::<_, Option<String>>(3)?.and_then(|d| d.parse().ok()),
                    source: r.get(4)?,
                    url: r.get(5)?,
                    title: r.get(6)?,
                    origin: r.get(7)?,
                    content_hash: ContentHash::known(r.get(8)?),
                })
            })
            .optional()?)
    }
}
