//! Saving articles with their events, reprints with their originals' events, forgetting
//! articles; and carrying the rows of an older store over to this schema.

use std::collections::BTreeMap;

use frontline_core::{Article, Event, MergedEvent};
use rusqlite::{params, Connection, OptionalExtension};

use crate::merging::{
    block_of, delete_orphans, insert_linked, join_copy, note_window, remerge_joined, window_of, Block, EventStatements,
    Joinable, Memo, Merged, Window,
};
use crate::near::{self, Sketch};
use crate::record::{insert_event, read_event, EVENT_COLUMNS};
use crate::{MergeFn, Saved, StoreError};

fn article_key(conn: &Connection, id: &str) -> Result<Option<i64>, StoreError> {
    Ok(conn.prepare_cached("SELECT key FROM articles WHERE id = ?1")?.query_row([id], |r| r.get(0)).optional()?)
}

/// What a save changed, block by block: the events it stored unmerged (key and window), and
/// the merged events that lost members.
#[derive(Default)]
struct Changed {
    blocks: BTreeMap<Block, BlockChange>,
}

/// In one block: the events stored unmerged (key and window), the merged events that lost members.
type BlockChange = (Vec<(i64, Window)>, Vec<i64>);

impl Changed {
    fn pending(&mut self, block: Block, event: i64, window: Window) {
        self.blocks.entry(block).or_default().0.push((event, window));
    }

    /// Merges again what changed, then deletes the merged events left without members.
    fn remerge(self, conn: &Connection, memo: &mut Memo, merge: MergeFn<'_>) -> Result<(), StoreError> {
        let mut lost_all = Vec::new();
        for (block, (pending, lost)) in &self.blocks {
            remerge_joined(conn, memo, block, pending, lost, merge)?;
            lost_all.extend_from_slice(lost);
        }
        delete_orphans(conn, &lost_all)
    }
}

/// Deletes a stored article (its events go with it) and its band keys; notes in `changed`
/// the merged events its events named (to merge again from the members they keep).
fn delete_article(conn: &Connection, key: i64, changed: &mut Changed) -> Result<bool, StoreError> {
    let old: Option<(String, String, Option<String>)> = conn
        .prepare_cached("SELECT text, language, published FROM articles WHERE key = ?1")?
        .query_row([key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let Some((text, language, published)) = old else {
        return Ok(false);
    };
    let sketch = near::sketch(&text, &language, published.and_then(|d| d.parse().ok()));
    let mut unkey = conn.prepare_cached("DELETE FROM near_keys WHERE day = ?1 AND key = ?2 AND article = ?3")?;
    for k in sketch.keys {
        unkey.execute(params![sketch.day, k, key])?;
    }
    let mut named = conn.prepare_cached(
        "SELECT DISTINCT e.merged, b.kind, b.place_key FROM events e JOIN blocks b ON b.key = e.block
         WHERE e.article = ?1 AND e.merged IS NOT NULL",
    )?;
    for row in named.query_map([key], |r| Ok((r.get::<_, i64>(0)?, (r.get(1)?, r.get(2)?))))? {
        let (merged, block) = row?;
        changed.blocks.entry(block).or_default().1.push(merged);
    }
    conn.prepare_cached("DELETE FROM events WHERE article = ?1")?.execute([key])?;
    Ok(conn.prepare_cached("DELETE FROM articles WHERE key = ?1")?.execute([key])? > 0)
}

fn insert_article(
    conn: &Connection,
    article: &Article,
    figures_json: &str,
    reprint_of: Option<i64>,
) -> Result<i64, StoreError> {
    conn.prepare_cached(
        "INSERT INTO articles (id, content_hash, language, published, source, url, title, origin, text, figures, reprint_of)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        article.id,
        article.content_hash(),
        article.language,
        article.published.map(|d| d.to_string()),
        article.source,
        article.url,
        article.title,
        article.origin,
        article.text,
        figures_json,
        reprint_of,
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Saves an article read with these events, replacing any article of its id or URL, and
/// merges again what its events (and those it replaces) reach.
pub(crate) fn write(
    conn: &Connection,
    memo: &mut Memo,
    article: &Article,
    events: &[Event],
    figures_json: &str,
    merge: MergeFn<'_>,
    sketch: &Sketch,
) -> Result<Saved, StoreError> {
    // What it merges may change the merged events of an article reprints are compared with.
    memo.reprinted = None;
    // The articles this one is a new version of: the same id, or the same URL under
    // another id (a feed that numbers its items afresh).
    let mut previous: Vec<(i64, String)> = Vec::new();
    if let Some(key) = article_key(conn, &article.id)? {
        previous.push((key, article.id.clone()));
    }
    if let Some(url) = article.url.as_deref().filter(|u| !u.trim().is_empty()) {
        let mut same_url = conn.prepare_cached("SELECT key, id FROM articles WHERE url = ?1 AND id <> ?2")?;
        for row in same_url.query_map(params![url, article.id], |r| Ok((r.get(0)?, r.get(1)?)))? {
            previous.push(row?);
        }
    }
    let mut replaced = false;
    let mut changed = Changed::default();
    for (key, id) in &previous {
        // An earlier text is kept as a version; the same text read again (reread) is not.
        let kept = conn
            .prepare_cached(
                "INSERT OR IGNORE INTO article_versions
                   (id, content_hash, language, published, source, url, title, origin, text, replaced_by)
                 SELECT id, content_hash, language, published, source, url, title, origin, text, ?2
                 FROM articles WHERE key = ?1 AND content_hash <> ?3",
            )?
            .execute(params![key, article.id, article.content_hash()])?;
        let deleted = delete_article(conn, *key, &mut changed)?;
        replaced |= kept > 0 || (deleted && *id != article.id);
    }
    let key = insert_article(conn, article, figures_json, None)?;
    let mut add_key = conn.prepare_cached("INSERT OR IGNORE INTO near_keys (day, key, article) VALUES (?1, ?2, ?3)")?;
    for k in sketch.keys {
        add_key.execute(params![sketch.day, k, key])?;
    }
    let published: std::collections::HashMap<String, chrono::NaiveDate> =
        article.published.map(|day| (article.id.clone(), day)).into_iter().collect();
    // Two events of one article under one id (one type, place and window): the later one
    // stands, as it always has.
    let last: std::collections::HashMap<&str, usize> =
        events.iter().enumerate().map(|(i, e)| (e.event_id.as_str(), i)).collect();
    let mut statements = EventStatements::new(conn)?;
    for (i, event) in events.iter().enumerate() {
        if last.get(event.event_id.as_str()) != Some(&i) {
            continue;
        }
        let (block, window) = (block_of(event), window_of(event));
        note_window(conn, memo, &block, &window)?;
        if !changed.blocks.contains_key(&block)
            && insert_linked(conn, memo, &mut statements, &block, event, (key, &article.text), (merge, &published))?
        {
            continue;
        }
        let block_key = memo.block(conn, &block)?.key;
        let event_key = memo.take_event_key(conn)?;
        statements.insert.run(event_key, event, (block_key, key, &article.text), None)?;
        changed.pending(block, event_key, window);
    }
    // Given back to the cache: merging again may run some of them.
    drop(statements);
    changed.remerge(conn, memo, merge)?;
    Ok(if replaced { Saved::Replaced } else { Saved::Inserted })
}

/// A stored article that reprints are compared with, as read once: its text cut into
/// shingles, the evidence of its figures, its events with their merged events and which
/// occurrence of its evidence each one's is.
#[derive(Debug)]
pub(crate) struct Reprinted {
    key: i64,
    id: String,
    text_shingled: near::Shingled,
    language: String,
    published: Option<String>,
    figures: String,
    figure_evidence: Vec<String>,
    /// Read when a reprint first passes the other checks.
    events: Option<Vec<(Event, Merged, near::Sought)>>,
    text: String,
    /// The merged events its reprints' copies joined (under the merged event named in
    /// `events`), as the last join left them. Valid as long as this is: any save that may
    /// merge its events otherwise than a copy's join drops it.
    joined: Vec<(Merged, Joinable)>,
}

impl Reprinted {
    /// The merged event that `merged`, named in `events`, is now, as a copy last joined it.
    pub(crate) fn joined(&self, merged: Merged) -> Option<&Joinable> {
        self.joined.iter().find(|(named, _)| *named == merged).map(|(_, now)| now)
    }

    /// Keeps what a copy's join of `merged` (named in `events`) made of it.
    pub(crate) fn remember_joined(&mut self, merged: Merged, now: Joinable) {
        // Any other name for the same row is forgotten (read again when used), so that no
        // name keeps a state the row has left.
        self.joined.retain(|(named, was)| *named != merged && was.0 != now.0);
        self.joined.push((merged, now));
    }
}

/// The article stored under `key`, to compare reprints with; None if it is itself a reprint
/// (or gone).
fn reprinted(conn: &Connection, key: i64) -> Result<Option<Reprinted>, StoreError> {
    let stored: Option<(String, String, String, Option<String>, String)> = conn
        .prepare_cached(
            "SELECT id, text, language, published, figures FROM articles WHERE key = ?1 AND reprint_of IS NULL",
        )?
        .query_row([key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .optional()?;
    let Some((id, text, language, published, figures)) = stored else {
        return Ok(None);
    };
    let figure_evidence: Vec<String> = serde_json::from_str::<Vec<serde_json::Value>>(&figures)
        .unwrap_or_default()
        .iter()
        .filter_map(|f| f.get("evidence").and_then(|e| e.as_str()).map(str::to_owned))
        .collect();
    Ok(Some(Reprinted {
        key,
        id,
        text_shingled: near::Shingled::of(&text),
        language,
        published,
        figures,
        figure_evidence,
        events: None,
        text,
        joined: Vec::new(),
    }))
}

/// A stored article that `article` reprints, with the events to store for the reprint:
/// its original's, moved to where the reprint has their evidence. None when no stored
/// article is near enough (see near.rs), or when the reprint lacks an evidence sentence.
pub(crate) fn find_original(
    conn: &Connection,
    memo: &mut Memo,
    article: &Article,
    sketch: &Sketch,
) -> Result<Option<Original>, StoreError> {
    // A new version of a stored article (its id or URL) is read: it replaces what it updates.
    let known = conn
        .prepare_cached("SELECT 1 FROM articles WHERE id = ?1 OR (?2 IS NOT NULL AND url = ?2)")?
        .query_row(params![article.id, article.url], |_| Ok(()))
        .optional()?;
    if known.is_some() {
        return Ok(None);
    }
    let mut candidates: Vec<i64> = Vec::new();
    let mut probe = conn.prepare_cached("SELECT article FROM near_keys WHERE day = ?1 AND key = ?2 LIMIT 2")?;
    for k in sketch.keys {
        for row in probe.query_map(params![sketch.day, k], |r| r.get::<_, i64>(0))? {
            let candidate = row?;
            if !candidates.contains(&candidate) {
                candidates.push(candidate);
            }
        }
    }
    let published = article.published.map(|d| d.to_string());
    // Bounded: a few candidates at most are compared in full.
    for candidate in candidates.into_iter().take(4) {
        if memo.reprinted.as_ref().map(|r| r.key) != Some(candidate) {
            match reprinted(conn, candidate)? {
                Some(stored) => memo.reprinted = Some(Box::new(stored)),
                None => continue,
            }
        }
        let Some(original) = memo.reprinted.as_deref_mut() else {
            continue;
        };
        if original.language != article.language
            || original.published != published
            || !near::confirm_shingled(sketch, &original.text_shingled)
        {
            continue;
        }
        // A toll told in words ("four killed" become "five") changes an evidence sentence,
        // as does a changed figure: each must be in the reprint word for word.
        if original.figure_evidence.iter().any(|e| !article.text.contains(e.as_str())) {
            continue;
        }
        if original.events.is_none() {
            let mut statement = conn.prepare_cached(&format!(
                "SELECT {EVENT_COLUMNS}, e.merged, e.key FROM events e JOIN articles a ON a.key = e.article WHERE e.article = ?1"
            ))?;
            let mut events = Vec::new();
            let n = crate::record::EVENT_COLUMN_COUNT;
            for row in
                statement.query_map([candidate], |r| Ok((read_event(r, 0)?, Merged::of(r.get(n + 1)?, r.get(n)?))))?
            {
                let (event, merged) = row?;
                // An evidence the original lacks at its place cannot be found in a reprint.
                let Some(nth) = near::occurrence(&original.text, event.evidence_start, &event.evidence) else {
                    return Ok(None);
                };
                let sought = near::Sought::new(&event.evidence, nth);
                events.push((event, merged, sought));
            }
            original.events = Some(events);
        }
        let originals = original.events.as_deref().unwrap_or_default();
        let blocks: Vec<Block> = originals.iter().map(|(o, _, _)| block_of(o)).collect();
        let mut copies = Vec::with_capacity(originals.len());
        for (i, (original, merged, sought)) in originals.iter().enumerate() {
            let Some(start) = sought.in_text(&article.text) else {
                return Ok(None);
            };
            let mut copy = original.clone();
            copy.article_id.clone_from(&article.id);
            copy.evidence_end = start + (original.evidence_end - original.evidence_start);
            copy.evidence_start = start;
            copy.event_id = copy.derive_id();
            // The copy links to what its original links to, and also to the original's
            // other events of its block that it reports the same event as (the original
            // did not link to them: one article). When those lie in another merged event,
            // the copy joins the two: the block is merged again.
            let joins_others = originals.iter().enumerate().any(|(j, (other, other_merged, _))| {
                j != i && blocks[j] == blocks[i] && other_merged != merged && frontline_merge::same_event(&copy, other)
            });
            copies.push((copy, Some(*merged).filter(|_| !joins_others)));
        }
        return Ok(Some(Original {
            key: candidate,
            id: original.id.clone(),
            figures: original.figures.clone(),
            copies,
        }));
    }
    Ok(None)
}

/// What a reprint is stored with: its original and the copies of its events, each with
/// the merged event it joins (None: merge its block again).
pub(crate) struct Original {
    key: i64,
    pub(crate) id: String,
    figures: String,
    copies: Vec<(Event, Option<Merged>)>,
}

/// Stores a reprint as another source of its original's events. Returns how many.
pub(crate) fn write_reprint(
    conn: &Connection,
    memo: &mut Memo,
    article: &Article,
    original: &Original,
    merge: MergeFn<'_>,
) -> Result<usize, StoreError> {
    let key = insert_article(conn, article, &original.figures, Some(original.key))?;
    let mut statements = EventStatements::new(conn)?;
    for (copy, merged) in &original.copies {
        let joined = match merged {
            Some(merged) => {
                join_copy(conn, memo, &mut statements, copy, (key, &article.text, article.published), *merged)?
            }
            None => false,
        };
        if !joined {
            // The block is merged again: its events' merged events may change.
            memo.reprinted = None;
            let block = block_of(copy);
            let block_key = memo.block(conn, &block)?.key;
            let event_key = memo.take_event_key(conn)?;
            statements.insert.run(event_key, copy, (block_key, key, &article.text), None)?;
            remerge_joined(conn, memo, &block, &[(event_key, window_of(copy))], &[], merge)?;
        }
    }
    Ok(original.copies.len())
}

/// Deletes an article, its events and its earlier versions, and merges again what its
/// events were part of. False when there was no such article.
pub(crate) fn forget(conn: &Connection, memo: &mut Memo, id: &str, merge: MergeFn<'_>) -> Result<bool, StoreError> {
    memo.reprinted = None;
    let Some(key) = article_key(conn, id)? else {
        conn.execute("DELETE FROM article_versions WHERE id = ?1", [id])?;
        return Ok(false);
    };
    let mut changed = Changed::default();
    let deleted = delete_article(conn, key, &mut changed)?;
    conn.execute("DELETE FROM article_versions WHERE id = ?1", [id])?;
    changed.remerge(conn, memo, merge)?;
    Ok(deleted)
}

/// Carries the rows of a store of schema 1 to 3 (set aside as `old_*`) into the tables of
/// this one: events from their JSON records into columns, merged events into rows that
/// name their members. Merged events keep their ids.
pub(crate) fn carry_over(conn: &Connection) -> Result<(), StoreError> {
    conn.execute_batch(
        "INSERT INTO articles (id, content_hash, language, published, source, url, title, origin, text, figures)
         SELECT id, content_hash, language, published, source, url, title, origin, text, figures FROM old_articles;",
    )?;
    let mut keys: std::collections::HashMap<String, (i64, String)> = std::collections::HashMap::new();
    {
        let mut statement = conn.prepare("SELECT key, id, text, language, published FROM articles")?;
        let mut rows = statement.query([])?;
        let mut add_key = conn.prepare("INSERT OR IGNORE INTO near_keys (day, key, article) VALUES (?1, ?2, ?3)")?;
        while let Some(r) = rows.next()? {
            let (key, id, text, language): (i64, String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
            let published = r.get::<_, Option<String>>(4)?.and_then(|d| d.parse().ok());
            let sketch = near::sketch(&text, &language, published);
            for k in sketch.keys {
                add_key.execute(params![sketch.day, k, key])?;
            }
            keys.insert(id, (key, text));
        }
    }
    let mut event_keys: std::collections::HashMap<String, i64> = std::collections::HashMap::new();
    let mut memo = Memo::default();
    {
        let mut statement = conn.prepare("SELECT record FROM old_events ORDER BY rowid")?;
        let mut rows = statement.query([])?;
        while let Some(r) = rows.next()? {
            let event: Event = serde_json::from_str(&r.get::<_, String>(0)?)?;
            let Some((article, text)) = keys.get(&event.article_id) else {
                continue;
            };
            let block = block_of(&event);
            note_window(conn, &mut memo, &block, &window_of(&event))?;
            let block_key = memo.block(conn, &block)?.key;
            let key = memo.take_event_key(conn)?;
            insert_event(conn, key, &event, block_key, *article, text, None)?;
            event_keys.insert(event.event_id.clone(), key);
        }
    }
    let mut statement = conn.prepare("SELECT record FROM old_merged_events ORDER BY rowid")?;
    let mut rows = statement.query([])?;
    let mut insert = conn.prepare(
        "INSERT OR REPLACE INTO merged_events (event_id, best, kind, date_start, date_end, event_date,
         time_precision, fatalities, confidence, share_sum, record)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    let mut link = conn.prepare("UPDATE events SET merged = ?1 WHERE key = ?2")?;
    while let Some(r) = rows.next()? {
        let merged: MergedEvent = serde_json::from_str(&r.get::<_, String>(0)?)?;
        let members: Vec<i64> = merged.sources.iter().filter_map(|s| event_keys.get(&s.event_id).copied()).collect();
        let Some(&first) = members.first() else {
            continue;
        };
        let e = &merged.event;
        let day = |d: Option<chrono::NaiveDate>| d.map(crate::record::day_number);
        let sum = merged.sources.iter().fold(0u64, |s, m| s.wrapping_add(frontline_merge::member_share(&m.event_id)));
        // The old record is kept whole: its fields need not be any member's.
        insert.execute(params![
            e.event_id,
            first,
            crate::record::kind_code(e.sub_event_type),
            day(e.date_start),
            day(e.date_end),
            day(e.event_date),
            e.time_precision,
            e.fatalities,
            e.confidence,
            sum as i64,
            serde_json::to_string(&merged)?,
        ])?;
        let key = conn.last_insert_rowid();
        for member in members {
            link.execute([key, member])?;
        }
    }
    Ok(())
}
