//! The tables, their version, and the migrations that bring an older store up to it.
//!
//! Version 4 keeps events as columns (not JSON records), their evidence as offsets into
//! the article's text, the sources of a merged event as the events that name it (not a
//! list rewritten on each save), and the band keys of near-duplicate recognition.
//! Version 5 indexes the ids of events and merged events by era (see [`ERA_BITS`]), no
//! longer as unique keys: a hash id put each insert at a random leaf of a growing index,
//! which made every save slower as the store grew. Merged events are no longer indexed by
//! block: a merge finds them through the events that name them.
//! Version 6 gives each block (sub-event type and place key) an integer key in a table of
//! its own, with its longest window: events name their block by that key, and are indexed
//! by (block, days) — integers, a quarter of the text keys they replace. Articles' content
//! hashes are no longer a unique index of 64 hex digits but an index of their first 16.
//! Version 7 keeps with each merged event what its members make together (its tally), so
//! that an event joins it in constant time (rows of earlier versions get it when next
//! merged), and indexes events by block with what tells whether a new event links to them.
//! Version 8 keeps no row for a merged event of one member that the merge stage made (most
//! of them): such an event, its `merged` NULL, is its own merged event, whose id is its
//! `share` (the sum of one share) in hex. Rows of one member are deleted in the migration.
//! Version 9 gives every event its share and files events by (era, share) in one index,
//! which finds an event by id (the share is a hash of it) and an event alone by the id of
//! the merged event it is: one index an event instead of two. Band keys are filed under
//! their article's day of publication, so that an article's six keys are written side by
//! side (and, as reports come in their days' order, at the end) instead of at six random
//! places of an index as large as the store.

use rusqlite::Connection;

use crate::StoreError;

pub(crate) const SCHEMA_VERSION: i64 = 9;

/// Events are indexed by (era, share), merged events by (era, id), an era being `key >> ERA_BITS`: the
/// keys only grow, so inserts go to the latest era's subtree, a few hundred pages that a
/// batch writes once, instead of to random pages of an index as large as the store. A
/// lookup by id asks each era in turn (about 150 probes at ten million events). The
/// index expressions below and the queries of `query::key_of_id` spell it alike.
pub(crate) const ERA_BITS: u32 = 16;

pub(crate) const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS articles (
    key INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    -- Not a unique index of its 64 hex digits (each insert at a random place of an index as
    -- large as the store): its first 16 digits are indexed, and a save looks the whole hash
    -- up among the articles that share them (the query of `Store::id_of_hash` spells the
    -- expression of the index alike).
    content_hash TEXT NOT NULL,
    language TEXT NOT NULL,
    published TEXT,
    source TEXT,
    url TEXT,
    title TEXT,
    origin TEXT NOT NULL,
    text TEXT NOT NULL,
    figures TEXT NOT NULL DEFAULT '[]',
    -- The article whose events this one gives too, not read again (a reprint); NULL when read.
    reprint_of INTEGER
);
CREATE INDEX IF NOT EXISTS articles_by_hash ON articles(substr(content_hash, 1, 16));
-- A new text under a known URL replaces the article; most articles have no URL.
CREATE INDEX IF NOT EXISTS articles_by_url ON articles(url) WHERE url IS NOT NULL;
-- An event's `share` is its share of its merged event's id (frontline_merge::member_share,
-- as a signed integer, a hash of its id): the id of an event alone is printf('%016x', share).
CREATE TABLE IF NOT EXISTS events (
    key INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL,
    -- The key of its article (whose events are deleted with it, by the store: no foreign key to
    -- check on each insert).
    article INTEGER NOT NULL,
    -- The merged event this event is a source of; NULL when it is its own merged event (the
    -- merge stage's merged event of it alone, kept without a row of its own), as most are.
    merged INTEGER,
    -- The sub-event type, as its place in SubEventType::ALL.
    kind INTEGER NOT NULL,
    -- Its block (sub-event type and place key): a key of `blocks`.
    block INTEGER NOT NULL,
    -- Days as numbers (days from the common era): compact, and ordered as the days are.
    date_start INTEGER,
    date_end INTEGER,
    event_date INTEGER,
    time_precision INTEGER NOT NULL,
    actor1 TEXT,
    actor1_id TEXT,
    assoc_actor_1 TEXT,
    actor2 TEXT,
    actor2_id TEXT,
    assoc_actor_2 TEXT,
    location TEXT NOT NULL,
    mention TEXT NOT NULL,
    geonameid INTEGER,
    latitude REAL,
    longitude REAL,
    geo_precision INTEGER NOT NULL,
    admin1 TEXT,
    admin2 TEXT,
    admin3 TEXT,
    pcode TEXT,
    country TEXT NOT NULL,
    iso INTEGER NOT NULL,
    fatalities INTEGER NOT NULL,
    civilian_fatalities INTEGER,
    child_fatalities INTEGER,
    injuries INTEGER,
    control_gained TEXT,
    control_lost TEXT,
    control_extent TEXT,
    language TEXT NOT NULL,
    -- NULL when it is the text of the article between the offsets, as it nearly always is.
    evidence TEXT,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    confidence REAL NOT NULL,
    trigger TEXT NOT NULL,
    claimed_by TEXT,
    share INTEGER
);
CREATE INDEX IF NOT EXISTS events_by_article ON events(article);
-- A block's events by their windows, with what tells whether a new event links to them
-- (their merged event, article and first actor): a save finds what its events join without
-- reading those rows.
CREATE INDEX IF NOT EXISTS events_by_block ON events(block, date_start, date_end, merged, article, actor1_id, assoc_actor_1);
-- The sources of a merged event (of those with a row: an event alone is its only source).
CREATE INDEX IF NOT EXISTS events_by_merged ON events(merged) WHERE merged IS NOT NULL;
-- Events by era and share: by id (the share is a hash of it; `query::key_of_id` checks the
-- id), and events alone by the id of the merged event they are (their share in hex).
CREATE INDEX IF NOT EXISTS events_by_share ON events(key >> 16, share);
CREATE TABLE IF NOT EXISTS merged_events (
    key INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL,
    -- The member whose fields it carries (the most precise), and what the merge changed.
    best INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    date_start INTEGER,
    date_end INTEGER,
    event_date INTEGER,
    time_precision INTEGER NOT NULL,
    fatalities INTEGER NOT NULL,
    confidence REAL NOT NULL,
    -- The sum of the shares of its members (frontline_merge::member_share): its id.
    share_sum INTEGER NOT NULL,
    -- The whole record, only when a merge gave fields no member has.
    record TEXT,
    -- What its members make together (frontline_merge::Tally), so that an event can join
    -- it without its members being read: the latest start and earliest end of their
    -- windows, the figures of the toll, how many members. NULL toll_mixed: not known (a row of an older
    -- version, or of another merge than that of the merge stage), and merged again from its
    -- members when an event joins it.
    latest_start INTEGER,
    earliest_end INTEGER,
    toll_least INTEGER,
    toll_latest INTEGER,
    toll_least_latest INTEGER,
    toll_mixed INTEGER,
    members INTEGER
);
CREATE INDEX IF NOT EXISTS merged_by_id ON merged_events(key >> 16, event_id);
-- The blocks (sub-event type and place key) events merge within, under integer keys; and
-- the longest date window of each block's events (never lowered; NULL while it has no dated
-- event): an event that overlaps a day starts at most that many days before it, which
-- bounds what a save reads.
CREATE TABLE IF NOT EXISTS blocks (
    key INTEGER PRIMARY KEY,
    kind INTEGER NOT NULL,
    place_key TEXT NOT NULL,
    longest_days INTEGER,
    UNIQUE (kind, place_key)
);
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
-- Near-duplicate recognition: each read article's MinHash band keys (see near.rs), under
-- its day of publication (a day number; 0 when undated), which its reprints share.
CREATE TABLE IF NOT EXISTS near_keys (
    day INTEGER NOT NULL,
    key INTEGER NOT NULL,
    article INTEGER NOT NULL,
    PRIMARY KEY (day, key, article)
) WITHOUT ROWID;
";

/// The tables of versions 1 to 3 that version 4 (and 5) replaces, renamed aside while their rows
/// are carried over.
const SET_ASIDE: &str = "
DROP INDEX IF EXISTS articles_by_url;
DROP INDEX IF EXISTS events_by_article;
DROP INDEX IF EXISTS events_by_date;
DROP INDEX IF EXISTS events_by_block;
DROP INDEX IF EXISTS events_by_block_days;
DROP INDEX IF EXISTS merged_by_block;
DROP INDEX IF EXISTS merged_by_block_days;
DROP INDEX IF EXISTS merged_by_date;
ALTER TABLE articles RENAME TO old_articles;
ALTER TABLE events RENAME TO old_events;
ALTER TABLE merged_events RENAME TO old_merged_events;
DROP TABLE IF EXISTS block_windows;
DROP TABLE IF EXISTS blocks;
";

/// The tables of versions 4 and 5 (the same columns; 4 had other indexes) that version 6
/// makes anew, renamed aside while their rows are copied.
const SET_ASIDE_5: &str = "
DROP INDEX IF EXISTS articles_by_url;
DROP INDEX IF EXISTS events_by_article;
DROP INDEX IF EXISTS events_by_block;
DROP INDEX IF EXISTS events_by_merged;
DROP INDEX IF EXISTS events_by_id;
DROP INDEX IF EXISTS merged_by_block;
DROP INDEX IF EXISTS merged_by_id;
ALTER TABLE articles RENAME TO v5_articles;
ALTER TABLE events RENAME TO v5_events;
ALTER TABLE merged_events RENAME TO v5_merged_events;
";

/// Their rows, copied: each block that has a window or an event gets a key (those with a
/// window first, in their order), events name it.
const CARRY_5: &str = "
INSERT INTO articles (key, id, content_hash, language, published, source, url, title, origin, text, figures, reprint_of)
    SELECT key, id, content_hash, language, published, source, url, title, origin, text, figures, reprint_of
    FROM v5_articles ORDER BY key;
INSERT INTO blocks (kind, place_key, longest_days) SELECT kind, place_key, longest_days FROM block_windows;
INSERT OR IGNORE INTO blocks (kind, place_key) SELECT DISTINCT kind, place_key FROM v5_events;
INSERT INTO events (key, event_id, article, merged, kind, block, date_start, date_end, event_date, time_precision,
    actor1, actor1_id, assoc_actor_1, actor2, actor2_id, assoc_actor_2, location, mention, geonameid, latitude,
    longitude, geo_precision, admin1, admin2, admin3, pcode, country, iso, fatalities, civilian_fatalities,
    child_fatalities, injuries, control_gained, control_lost, control_extent, language, evidence, evidence_start,
    evidence_end, confidence, trigger, claimed_by)
    SELECT e.key, e.event_id, e.article, e.merged, e.kind, b.key, e.date_start, e.date_end, e.event_date,
    e.time_precision, e.actor1, e.actor1_id, e.assoc_actor_1, e.actor2, e.actor2_id, e.assoc_actor_2, e.location,
    e.mention, e.geonameid, e.latitude, e.longitude, e.geo_precision, e.admin1, e.admin2, e.admin3, e.pcode,
    e.country, e.iso, e.fatalities, e.civilian_fatalities, e.child_fatalities, e.injuries, e.control_gained,
    e.control_lost, e.control_extent, e.language, e.evidence, e.evidence_start, e.evidence_end, e.confidence,
    e.trigger, e.claimed_by
    FROM v5_events e JOIN blocks b ON b.kind = e.kind AND b.place_key = e.place_key ORDER BY e.key;
INSERT INTO merged_events (key, event_id, best, kind, date_start, date_end, event_date, time_precision, fatalities,
    confidence, share_sum, record)
    SELECT key, event_id, best, kind, date_start, date_end, event_date, time_precision, fatalities, confidence,
    share_sum, record FROM v5_merged_events ORDER BY key;
DROP TABLE v5_events;
DROP TABLE v5_merged_events;
DROP TABLE v5_articles;
DROP TABLE block_windows;
";

/// The columns version 7 adds to version 6's merged events, unknown until next merged.
const ADD_TALLY: &str = "
ALTER TABLE merged_events ADD COLUMN latest_start INTEGER;
ALTER TABLE merged_events ADD COLUMN earliest_end INTEGER;
ALTER TABLE merged_events ADD COLUMN toll_least INTEGER;
ALTER TABLE merged_events ADD COLUMN toll_latest INTEGER;
ALTER TABLE merged_events ADD COLUMN toll_least_latest INTEGER;
ALTER TABLE merged_events ADD COLUMN toll_mixed INTEGER;
ALTER TABLE merged_events ADD COLUMN members INTEGER;
DROP INDEX events_by_block;
CREATE INDEX events_by_block ON events(block, date_start, date_end, merged, article, actor1_id, assoc_actor_1);
";

/// What version 8 adds to version 7's events: their shares, and the indexes of merged
/// events without rows (made anew by [`SCHEMA`] once the rows are dropped).
const ADD_SHARE: &str = "
ALTER TABLE events ADD COLUMN share INTEGER;
DROP INDEX events_by_merged;
";

/// Makes alone the events that are their merged event's only member, where the merge stage
/// made that merged event (its tally is known and it has no record of its own): their rows
/// are deleted. The events of earlier versions that no merged event names are alone too.
/// Each event alone is given its share.
fn leave_alone(conn: &Connection) -> Result<(), StoreError> {
    conn.execute_batch(
        "CREATE TEMP TABLE lone AS SELECT e.key AS event, m.key AS merged FROM merged_events m
            JOIN events e ON e.merged = m.key
            WHERE m.members = 1 AND m.toll_mixed IS NOT NULL AND m.record IS NULL;
         DELETE FROM merged_events WHERE key IN (SELECT merged FROM lone);
         UPDATE events SET merged = NULL WHERE key IN (SELECT event FROM lone);
         DROP TABLE lone;",
    )?;
    give_shares(conn, "merged IS NULL")
}

/// Gives the events that `condition` selects their share (a hash of their id), which SQL
/// cannot compute.
fn give_shares(conn: &Connection, condition: &str) -> Result<(), StoreError> {
    let events: Vec<(i64, String)> = {
        let mut statement = conn.prepare(&format!("SELECT key, event_id FROM events WHERE {condition}"))?;
        let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    let mut share = conn.prepare("UPDATE events SET share = ?2 WHERE key = ?1")?;
    for (key, id) in events {
        share.execute(rusqlite::params![key, crate::record::share_of(&id)])?;
    }
    Ok(())
}

/// Brings the events and band keys of a store of version 8 (or of an earlier one, carried
/// over so far) to version 9: every event is given its share, the two indexes by id and by
/// share make way for one ([`SCHEMA`] makes it), band keys are filed under their articles'
/// days.
fn to_version_9(conn: &Connection) -> Result<(), StoreError> {
    give_shares(conn, "share IS NULL")?;
    conn.execute_batch("DROP INDEX IF EXISTS events_by_id; DROP INDEX IF EXISTS events_alone;")?;
    let filed_by_day =
        conn.query_row("SELECT count(*) FROM pragma_table_info('near_keys') WHERE name = 'day'", [], |r| {
            r.get::<_, i64>(0)
        })? > 0;
    if !filed_by_day {
        // A day number counts days from the common era (0001-01-01 is day 1), as
        // `record::day_number` does; julianday() counts from noon, 4714 BC.
        conn.execute_batch(
            "ALTER TABLE near_keys RENAME TO v8_near_keys;
             CREATE TABLE near_keys (day INTEGER NOT NULL, key INTEGER NOT NULL, article INTEGER NOT NULL,
                 PRIMARY KEY (day, key, article)) WITHOUT ROWID;
             INSERT OR IGNORE INTO near_keys (day, key, article)
                 SELECT coalesce(CAST(julianday(a.published) - julianday('0001-01-01') AS INTEGER) + 1, 0), n.key, n.article
                 FROM v8_near_keys n JOIN articles a ON a.key = n.article ORDER BY 1, 2, 3;
             DROP TABLE v8_near_keys;",
        )?;
    }
    Ok(())
}

/// Creates the tables of a new store, or brings one of an earlier version up to this one,
/// in one transaction: a migration that fails leaves the store as it was.
pub(crate) fn migrate(conn: &mut Connection, version: i64) -> Result<(), StoreError> {
    if version == SCHEMA_VERSION {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    // Another writer may have brought the store up to date while this one waited for the
    // lock: the version read before it is asked again.
    let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version == SCHEMA_VERSION {
        return Ok(());
    }
    let old = version > 0
        && tx.query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'events'", [], |r| {
            r.get::<_, i64>(0)
        })? > 0;
    if old && version == 8 {
        to_version_9(&tx)?;
        tx.execute_batch(SCHEMA)?;
    } else if old && (version == 6 || version == 7) {
        if version == 6 {
            tx.execute_batch(ADD_TALLY)?;
        }
        tx.execute_batch(ADD_SHARE)?;
        leave_alone(&tx)?;
        to_version_9(&tx)?;
        tx.execute_batch(SCHEMA)?;
    } else if old && (version == 4 || version == 5) {
        tx.execute_batch(SET_ASIDE_5)?;
        tx.execute_batch(SCHEMA)?;
        tx.execute_batch(CARRY_5)?;
        leave_alone(&tx)?;
        to_version_9(&tx)?;
    } else if old {
        tx.execute_batch(SET_ASIDE)?;
        tx.execute_batch(SCHEMA)?;
        crate::save::carry_over(&tx)?;
        tx.execute_batch("DROP TABLE old_merged_events; DROP TABLE old_events; DROP TABLE old_articles;")?;
        leave_alone(&tx)?;
        to_version_9(&tx)?;
    } else {
        tx.execute_batch(SCHEMA)?;
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()?;
    Ok(())
}
