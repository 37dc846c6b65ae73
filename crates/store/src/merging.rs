//! Keeping the merged events up to date as articles come and go.
//!
//! A save merges again, through the merge stage's function, only the merged events its
//! events can join or leave (see [`remerge_joined`]); merged events that keep members are
//! updated in place, and only the members whose merged event changed are touched. A reprint's events join their originals' merged events directly, in constant
//! time whatever the number of sources: see [`join_copy`].

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use frontline_core::{ActorId, Event, MergedEvent, Source};
use frontline_merge::{Tally, Toll};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, CachedStatement, Connection, OptionalExtension};

use crate::record::{day_number, day_of, kind_code, read_event, EventInsert, EVENT_COLUMNS, EVENT_COLUMN_COUNT};
use crate::{MergeFn, StoreError};

/// A block: sub-event type (as stored) and place key.
pub(crate) type Block = (i64, String);

/// A block as stored: its key in `blocks`, and the longest window of its dated events.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BlockRow {
    pub(crate) key: i64,
    longest: Option<i64>,
}
/// An event's date window as stored: day numbers.
pub(crate) type Window = (Option<i64>, Option<i64>);

/// A merged event as a save reaches it: a row of `merged_events` (its key), or an event
/// alone (its key), its own merged event without a row (schema.rs, version 8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Merged {
    Row(i64),
    Alone(i64),
}

impl Merged {
    /// The merged event of a stored event whose key and `merged` column these are.
    pub(crate) fn of(event: i64, merged: Option<i64>) -> Merged {
        merged.map_or(Merged::Alone(event), Merged::Row)
    }
}

pub(crate) fn block_of(event: &Event) -> Block {
    (kind_code(event.sub_event_type), event.place_key())
}

pub(crate) fn window_of(event: &Event) -> Window {
    (event.date_start.map(day_number), event.date_end.map(day_number))
}

/// What a writer keeps in memory instead of asking the database again and again: each
/// block's key and longest window, and the key the next event gets (so that an event can be
/// inserted already linked to its merged event, not inserted and then updated). Valid
/// while no other writer commits: another may change both between our transactions, and a
/// rollback undoes what it mirrors. [`Memo::forget`] at a rollback, and at a begin when
/// another connection has committed since (`Store::renew_memo`).
#[derive(Debug, Default)]
pub(crate) struct Memo {
    blocks: HashMap<Block, BlockRow>,
    next_event: Option<i64>,
    /// The article last found reprinted, as the reprints compare with it (they come in
    /// runs). Forgotten by any save that may merge its events anew.
    pub(crate) reprinted: Option<Box<crate::save::Reprinted>>,
}

impl Memo {
    pub(crate) fn forget(&mut self) {
        self.blocks.clear();
        self.next_event = None;
        self.reprinted = None;
    }

    /// Forgets the key of the next event only (asked again at its next use).
    pub(crate) fn forget_event_key(&mut self) {
        self.next_event = None;
    }

    /// The block's row: its key, and the longest window (in days) of its dated events, if
    /// it has any. A block not stored yet is stored (without a window).
    pub(crate) fn block(&mut self, conn: &Connection, block: &Block) -> Result<BlockRow, StoreError> {
        if let Some(known) = self.blocks.get(block) {
            return Ok(*known);
        }
        let stored: Option<BlockRow> = conn
            .prepare_cached("SELECT key, longest_days FROM blocks WHERE kind = ?1 AND place_key = ?2")?
            .query_row(params![block.0, block.1], |r| Ok(BlockRow { key: r.get(0)?, longest: r.get(1)? }))
            .optional()?;
        let row = match stored {
            Some(row) => row,
            None => {
                conn.prepare_cached("INSERT INTO blocks (kind, place_key) VALUES (?1, ?2)")?
                    .execute(params![block.0, block.1])?;
                BlockRow { key: conn.last_insert_rowid(), longest: None }
            }
        };
        self.blocks.insert(block.clone(), row);
        Ok(row)
    }

    /// The key of the next event inserted, taken: one more than the largest stored (as
    /// SQLite would choose it), counted on from there within the transaction.
    pub(crate) fn take_event_key(&mut self, conn: &Connection) -> Result<i64, StoreError> {
        let next = match self.next_event {
            Some(next) => next,
            None => conn.prepare_cached("SELECT coalesce(max(key), 0) + 1 FROM events")?.query_row([], |r| r.get(0))?,
        };
        self.next_event = Some(next + 1);
        Ok(next)
    }
}

/// The stored events of a block that a dated window overlaps ([`linked_merged`]).
const LINKED: &str = "SELECT merged, article, actor1_id, assoc_actor_1, key FROM events
    WHERE block = ?1 AND date_start >= ?2 AND date_start <= ?3 AND date_end >= ?4";

/// A merged event's row with its best member ([`joinable_row`]).
const JOINABLE_ROW: &str = "SELECT m.best, m.confidence, m.share_sum, m.latest_start, m.earliest_end, m.toll_least,
        m.toll_latest, m.toll_least_latest, m.toll_mixed, m.members,
        b.date_start, b.date_end, b.event_date, b.time_precision, b.geo_precision, b.confidence, b.event_id
    FROM merged_events m JOIN events b ON b.key = m.best
    WHERE m.key = ?1 AND m.record IS NULL AND m.toll_mixed IS NOT NULL";

/// An event alone as an event joining it needs it ([`joinable_alone`]); its article's day
/// of publication is read apart, and only when it counts.
const JOINABLE_ALONE: &str = "SELECT merged, date_start, date_end, event_date, time_precision, geo_precision,
        confidence, event_id, fatalities, article
    FROM events WHERE key = ?1";

/// A merged event's row written over ([`store_merged_row`]).
const UPDATE_MERGED: &str = "UPDATE merged_events SET event_id = ?1, best = ?2, kind = ?3, date_start = ?4,
    date_end = ?5, event_date = ?6, time_precision = ?7, fatalities = ?8, confidence = ?9, share_sum = ?10,
    record = ?11, latest_start = ?12, earliest_end = ?13, toll_least = ?14, toll_latest = ?15,
    toll_least_latest = ?16, toll_mixed = ?17, members = ?18
    WHERE key = ?19";

/// The statements a save runs for each of its events (or a reprint for each copy), taken
/// from the connection's cache once a save, not once an event (see [`EventInsert`]); those
/// that only some saves run, at their first use.
pub(crate) struct EventStatements<'c> {
    conn: &'c Connection,
    pub(crate) insert: EventInsert<'c>,
    linked: Option<CachedStatement<'c>>,
    joinable_row: Option<CachedStatement<'c>>,
    joinable_alone: Option<CachedStatement<'c>>,
    update_merged: Option<CachedStatement<'c>>,
}

impl<'c> EventStatements<'c> {
    pub(crate) fn new(conn: &'c Connection) -> Result<EventStatements<'c>, StoreError> {
        Ok(EventStatements {
            conn,
            insert: EventInsert::new(conn)?,
            linked: None,
            joinable_row: None,
            joinable_alone: None,
            update_merged: None,
        })
    }

    /// The statement of `sql` kept in `slot`, taken from the cache at its first use.
    fn prepared<'s>(
        conn: &'c Connection,
        slot: &'s mut Option<CachedStatement<'c>>,
        sql: &str,
    ) -> Result<&'s mut CachedStatement<'c>, StoreError> {
        let statement = match slot.take() {
            Some(statement) => statement,
            None => conn.prepare_cached(sql)?,
        };
        Ok(slot.insert(statement))
    }

    fn linked(&mut self) -> Result<&mut CachedStatement<'c>, StoreError> {
        Self::prepared(self.conn, &mut self.linked, LINKED)
    }

    fn joinable_row(&mut self) -> Result<&mut CachedStatement<'c>, StoreError> {
        Self::prepared(self.conn, &mut self.joinable_row, JOINABLE_ROW)
    }

    fn joinable_alone(&mut self) -> Result<&mut CachedStatement<'c>, StoreError> {
        Self::prepared(self.conn, &mut self.joinable_alone, JOINABLE_ALONE)
    }

    fn update_merged(&mut self) -> Result<&mut CachedStatement<'c>, StoreError> {
        Self::prepared(self.conn, &mut self.update_merged, UPDATE_MERGED)
    }
}

/// Records the longest window of a block, which bounds how far back a save must look.
/// Written only when it grows, which few events make it do.
pub(crate) fn note_window(
    conn: &Connection,
    memo: &mut Memo,
    block: &Block,
    window: &Window,
) -> Result<(), StoreError> {
    let row = memo.block(conn, block)?;
    if let (Some(start), Some(end)) = window {
        let days = end - start;
        if row.longest.is_some_and(|longest| longest >= days) {
            return Ok(());
        }
        conn.prepare_cached("UPDATE blocks SET longest_days = max(coalesce(longest_days, ?2), ?2) WHERE key = ?1")?
            .execute(params![row.key, days])?;
        memo.blocks.insert(block.clone(), BlockRow { key: row.key, longest: Some(days) });
    }
    Ok(())
}

/// Merges again, in a block, what changed: the events stored unmerged (`pending`: their keys
/// and windows) join the merged events of the stored events their windows overlap, and merged
/// events that lost members (`lost`) are merged again from those they keep.
///
/// The merge stage's clusters are the connected groups of the "same event" relation, and
/// only events whose windows overlap are related: a new event can link only to those, and a
/// deleted one can split only its own group. So the merged events named here, with their
/// members and the pending events, hold every group that changed, whole; no other changes.
/// (Merging again the span of days closed under "overlaps" would give the same, at a cost
/// that grows with the block: in a crowded block such spans chain into one another.)
pub(crate) fn remerge_joined(
    conn: &Connection,
    memo: &mut Memo,
    block: &Block,
    pending: &[(i64, Window)],
    lost: &[i64],
    merge: MergeFn<'_>,
) -> Result<(), StoreError> {
    let row = memo.block(conn, block)?;
    let mut joined: Vec<Merged> = lost.iter().map(|&k| Merged::Row(k)).collect();
    for (_, window) in pending {
        joined.extend(merged_overlapping(conn, row, window)?);
    }
    joined.sort_unstable();
    joined.dedup();
    let mut members = Members::default();
    for (key, _) in pending {
        read_members(conn, &mut members, "e.key = ?1", *key)?;
    }
    // (The pending events, not merged yet, are found as events alone too: read once.)
    for merged in &joined {
        match merged {
            Merged::Row(key) => read_members(conn, &mut members, "e.merged = ?1", *key)?,
            Merged::Alone(key) => read_members(conn, &mut members, "e.key = ?1", *key)?,
        }
    }
    write_merge(conn, block.0, members, merge)
}

/// The merged events of the stored events of a block whose windows overlap `window` (for
/// an undated window, of its undated events; for a window open at one end, of all of them).
fn merged_overlapping(conn: &Connection, block: BlockRow, window: &Window) -> Result<Vec<Merged>, StoreError> {
    let (days, bound): (&str, Vec<i64>) = match window {
        (Some(start), Some(end)) => (
            " AND date_start >= ?2 AND date_start <= ?3 AND date_end >= ?4",
            vec![block.longest.map_or(i64::MIN, |days| start - days), *end, *start],
        ),
        (None, None) => (" AND date_start IS NULL AND date_end IS NULL", Vec::new()),
        _ => ("", Vec::new()),
    };
    let sql = format!("SELECT key, merged FROM events WHERE block = ?1{days}");
    let mut statement = conn.prepare_cached(&sql)?;
    let values = std::iter::once(block.key).chain(bound);
    let found = statement.query_map(params_from_iter(values), |r| Ok(Merged::of(r.get(0)?, r.get(1)?)))?;
    let mut merged: Vec<Merged> = found.collect::<Result<_, _>>()?;
    merged.sort_unstable();
    merged.dedup();
    Ok(merged)
}

/// Stores an event of the article stored under `article` (whose text is `text`, published
/// on the day `published` gives) in time that does not grow with the store, and returns
/// true: merged alone when the merge stage links it to no stored event of its block (most
/// events: a new article, a place and days of their own), else joined in place to the
/// merged events it links to ([`join_event`]). Stores nothing and returns false when a
/// tally is unknown, or its window is undated or open-ended where others are: it is then
/// merged again with what it reaches ([`remerge_joined`]).
pub(crate) fn insert_linked(
    conn: &Connection,
    memo: &mut Memo,
    statements: &mut EventStatements<'_>,
    block: &Block,
    event: &Event,
    (article, text): (i64, &str),
    (merge, published): (MergeFn<'_>, &HashMap<String, NaiveDate>),
) -> Result<bool, StoreError> {
    let row = memo.block(conn, block)?;
    let Some(linked) = linked_merged(conn, statements, row, event, article)? else {
        return Ok(false);
    };
    match linked.as_slice() {
        [] if merge.is_merge_stage() => {
            // What the merge stage makes of an event alone is what the store keeps as one.
            let key = memo.take_event_key(conn)?;
            statements.insert.run(key, event, (row.key, article, text), None)?;
            Ok(true)
        }
        [] => {
            let merged = merge.merge_block(std::slice::from_ref(event), published);
            let [merged] = merged.as_slice() else {
                return Ok(false);
            };
            let key = memo.take_event_key(conn)?;
            let merged_key = if alone(merged, event, published) {
                None
            } else {
                Some(write_merged(conn, block.0, merged, &[(key, event)], published, None)?)
            };
            statements.insert.run(key, event, (row.key, article, text), merged_key)?;
            Ok(true)
        }
        linked => {
            let day = published.get(&event.article_id).copied();
            join_event(conn, memo, statements, (row.key, block.0, linked), event, (article, text, day))
        }
    }
}

/// Merges every block again (after a change of merge rules).
pub(crate) fn remerge_all(conn: &Connection, merge: MergeFn<'_>) -> Result<usize, StoreError> {
    let blocks: Vec<(i64, i64)> = {
        let mut statement =
            conn.prepare("SELECT key, kind FROM blocks WHERE key IN (SELECT DISTINCT block FROM events) ORDER BY key")?;
        let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    for (block, kind) in &blocks {
        let mut members = Members::default();
        read_members(conn, &mut members, "e.block = ?1", *block)?;
        write_merge(conn, *kind, members, merge)?;
    }
    // Merged events of blocks left without events.
    conn.execute(
        "DELETE FROM merged_events WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.merged = merged_events.key)",
        [],
    )?;
    Ok(blocks.len())
}

/// A stored member of a block: its key, its merged event, the event.
struct Member {
    key: i64,
    merged: Option<i64>,
    event: Event,
}

/// Stored events merged again together, with their articles' days of publication and
/// their merged events' rows as stored (so that one the merge leaves as it was is not
/// written again).
#[derive(Default)]
struct Members {
    list: Vec<Member>,
    /// The keys of those in `list`: an event read twice is listed once.
    keys: HashSet<i64>,
    published: HashMap<String, NaiveDate>,
    stored: HashMap<i64, Vec<Value>>,
}

/// Adds to `members` the stored events that `condition` selects (binding ?1 to `bound`).
fn read_members(conn: &Connection, members: &mut Members, condition: &str, bound: i64) -> Result<(), StoreError> {
    let sql = format!(
        "SELECT {EVENT_COLUMNS}, e.key, e.merged, a.published, {MERGED_COLUMNS}
         FROM events e JOIN articles a ON a.key = e.article LEFT JOIN merged_events m ON m.key = e.merged
         WHERE {condition}"
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let mut rows = statement.query([bound])?;
    while let Some(row) = rows.next()? {
        let n = EVENT_COLUMN_COUNT;
        let key: i64 = row.get(n)?;
        if !members.keys.insert(key) {
            continue;
        }
        let event = read_event(row, 0)?;
        if let Some(day) = row.get::<_, Option<String>>(n + 2)?.and_then(|d| d.parse().ok()) {
            members.published.insert(event.article_id.clone(), day);
        }
        let merged: Option<i64> = row.get(n + 1)?;
        if let Some(merged) = merged.filter(|k| !members.stored.contains_key(k)) {
            let values = (0..MERGED_COLUMN_COUNT).map(|i| row.get(n + 3 + i)).collect::<Result<_, _>>()?;
            members.stored.insert(merged, values);
        }
        members.list.push(Member { key, merged, event });
    }
    Ok(())
}

/// Replaces the merged events these members (of one block, of sub-event type `kind`) name
/// by a fresh merge of them, updating in place those that keep a member. The members must
/// be whole groups: every member of a merged event they name.
fn write_merge(conn: &Connection, kind: i64, members: Members, merge: MergeFn<'_>) -> Result<(), StoreError> {
    let Members { list: members, published, stored, .. } = members;
    let stale: HashSet<i64> = members.iter().filter_map(|m| m.merged).collect();
    let by_id: HashMap<&str, usize> = members.iter().enumerate().map(|(i, m)| (m.event.event_id.as_str(), i)).collect();
    let events: Vec<Event> = members.iter().map(|m| m.event.clone()).collect();
    // Which merged events are updated in place: each keeps the row of its first member
    // that had one, if no other merged event took it first.
    let mut reused: HashSet<i64> = HashSet::new();
    let mut planned = Vec::new();
    for merged in merge.merge_block(&events, &published) {
        let mine: Vec<&Member> =
            merged.sources.iter().filter_map(|s| by_id.get(s.event_id.as_str())).map(|&i| &members[i]).collect();
        if let [member] = mine.as_slice() {
            // The merge stage makes of one member what the store keeps as an event alone.
            if merge.is_merge_stage() || alone(&merged, &member.event, &published) {
                planned.push((merged, mine, None, true));
                continue;
            }
        }
        let reuse = mine.iter().filter_map(|m| m.merged).find(|k| stale.contains(k) && !reused.contains(k));
        reused.extend(reuse);
        planned.push((merged, mine, reuse, false));
    }
    // The rest go first, so that an id they held is free for the new merged events.
    let mut delete = conn.prepare_cached("DELETE FROM merged_events WHERE key = ?1")?;
    for key in stale.difference(&reused) {
        delete.execute([key])?;
    }
    let mut relink = conn.prepare_cached("UPDATE events SET merged = ?1 WHERE key = ?2")?;
    let mut unlink = conn.prepare_cached("UPDATE events SET merged = NULL WHERE key = ?1")?;
    for (merged, mine, reuse, is_alone) in planned {
        if is_alone {
            for member in mine.iter().filter(|m| m.merged.is_some()) {
                unlink.execute([member.key])?;
            }
            continue;
        }
        let members: Vec<(i64, &Event)> = mine.iter().map(|m| (m.key, &m.event)).collect();
        let key = write_merged(conn, kind, &merged, &members, &published, reuse.map(|k| (k, stored.get(&k))))?;
        for member in mine.iter().filter(|m| m.merged != Some(key)) {
            relink.execute(params![key, member.key])?;
        }
    }
    Ok(())
}

/// Deletes those of these merged events that no event names any longer: their members
/// were deleted, and merging their blocks again gave their rows to no other.
pub(crate) fn delete_orphans(conn: &Connection, keys: &[i64]) -> Result<(), StoreError> {
    let mut delete = conn.prepare_cached(
        "DELETE FROM merged_events WHERE key = ?1 AND NOT EXISTS (SELECT 1 FROM events WHERE merged = ?1)",
    )?;
    for key in keys {
        delete.execute([key])?;
    }
    Ok(())
}

/// Whether `member` carries the fields of `merged`, but for those a merge sets.
pub(crate) fn carries(member: &Event, merged: &Event) -> bool {
    let mut masked = member.clone();
    masked.event_id.clone_from(&merged.event_id);
    masked.article_id.clone_from(&merged.article_id);
    masked.date_start = merged.date_start;
    masked.date_end = merged.date_end;
    masked.event_date = merged.event_date;
    masked.time_precision = merged.time_precision;
    masked.fatalities = merged.fatalities;
    masked.confidence = merged.confidence;
    masked == *merged
}

/// The columns of a merged event's row that [`write_merged`] writes, in its order, for a
/// table aliased `m`.
const MERGED_COLUMNS: &str = "m.event_id, m.best, m.kind, m.date_start, m.date_end, m.event_date, m.time_precision,
    m.fatalities, m.confidence, m.share_sum, m.record, m.latest_start, m.earliest_end, m.toll_least, m.toll_latest,
    m.toll_least_latest, m.toll_mixed, m.members";
const MERGED_COLUMN_COUNT: usize = 18;

/// Whether `merged` is what the merge stage makes of these members, whose tally is `tally`
/// and most precise member `best`: that member's fields with what they make together. Then
/// an event can join it without its members being read ([`join_event`]).
fn made_by_merge_stage(merged: &MergedEvent, members: usize, best: &Event, tally: &Tally) -> bool {
    let mut made = best.clone();
    tally.apply(&mut made);
    made.article_id.clone_from(&merged.event.article_id);
    made == merged.event && members == merged.sources.len()
}

/// Whether `merged`, of the one member `member`, is what the merge stage makes of it
/// alone: then the event is kept as its own merged event, without a row ([`read_alone`]
/// makes it again).
fn alone(merged: &MergedEvent, member: &Event, published: &HashMap<String, NaiveDate>) -> bool {
    let day = published.get(&member.article_id).copied();
    merged.sources.len() == 1
        && merged.event.article_id == member.article_id
        && made_by_merge_stage(merged, 1, member, &Tally::of(member, day))
}

/// A tally's columns, as [`MERGED_COLUMNS`] ends with them (all NULL when unknown).
fn tally_values(tally: Option<&Tally>) -> [Value; 7] {
    let Some(tally) = tally else {
        return std::array::from_fn(|_| Value::Null);
    };
    let toll = &tally.toll;
    [
        tally.latest_start.map(day_number).into(),
        tally.earliest_end.map(day_number).into(),
        toll.least.map(i64::from).into(),
        toll.latest.map(day_number).into(),
        i64::from(toll.least_latest).into(),
        i64::from(toll.mixed).into(),
        i64::from(tally.members).into(),
    ]
}

/// Writes a merged event of these members (key, event) of a block of sub-event type `kind`,
/// as a new row or over `reuse` (its key, and its row as stored if known: one the merge
/// left as it was is not written again), and returns its key.
fn write_merged(
    conn: &Connection,
    kind: i64,
    merged: &MergedEvent,
    members: &[(i64, &Event)],
    published: &HashMap<String, NaiveDate>,
    reuse: Option<(i64, Option<&Vec<Value>>)>,
) -> Result<i64, StoreError> {
    let event = &merged.event;
    let mut tally = Tally::default();
    for (_, member) in members {
        tally.add(member, published.get(&member.article_id).copied());
    }
    // The merge stage's own: its most precise member, and the tally is known. Else, of the
    // members that carry its fields (copies of one report may all do), the most precise: an
    // event joining later is compared with it.
    let (best, known) = match most_precise(members.iter()) {
        Some((key, best)) if made_by_merge_stage(merged, members.len(), best, &tally) => (Some(*key), true),
        _ => (most_precise(members.iter().filter(|(_, m)| carries(m, event))).map(|(k, _)| *k), false),
    };
    let record = if best.is_some() { None } else { Some(serde_json::to_string(merged)?) };
    let best = best.or(members.first().map(|(k, _)| *k)).unwrap_or(0);
    let values = merged_row(event, (best, kind), record, &tally, known);
    store_merged_row(conn, values, reuse)
}

/// The most precise of these members (key, event), as the merge stage compares them.
fn most_precise<'a, 'e>(members: impl Iterator<Item = &'a (i64, &'e Event)>) -> Option<&'a (i64, &'e Event)>
where
    'e: 'a,
{
    members.min_by(|a, b| frontline_merge::more_precise(a.1, b.1))
}

/// A merged event's row as [`MERGED_COLUMNS`] names its columns: `event` its fields, `best`
/// the key of its most precise member, `kind` its sub-event type, `record` the whole
/// record when no member carries its fields, and its tally (columns NULL when not `known`,
/// but for the sum of shares, which gives the id).
fn merged_row(
    event: &Event,
    (best, kind): (i64, i64),
    record: Option<String>,
    tally: &Tally,
    known: bool,
) -> Vec<Value> {
    let mut values: Vec<Value> = vec![
        event.event_id.clone().into(),
        best.into(),
        kind.into(),
        event.date_start.map(day_number).into(),
        event.date_end.map(day_number).into(),
        event.event_date.map(day_number).into(),
        i64::from(event.time_precision).into(),
        i64::from(event.fatalities).into(),
        event.confidence.into(),
        (tally.share_sum as i64).into(),
        record.into(),
    ];
    values.extend(tally_values(known.then_some(tally)));
    values
}

/// Stores a merged event's row ([`merged_row`]): over `reuse` (its key, and its row as
/// stored if known, which is then not written again when unchanged), or as a new row.
/// Returns its key.
fn store_merged_row(
    conn: &Connection,
    mut values: Vec<Value>,
    reuse: Option<(i64, Option<&Vec<Value>>)>,
) -> Result<i64, StoreError> {
    if let Some((key, stored)) = reuse {
        if stored == Some(&values) {
            return Ok(key);
        }
        values.push(key.into());
        conn.prepare_cached(UPDATE_MERGED)?.execute(params_from_iter(&values))?;
        return Ok(key);
    }
    values.push(Value::Null);
    conn.prepare_cached(
        "INSERT INTO merged_events (event_id, best, kind, date_start, date_end, event_date, time_precision,
         fatalities, confidence, share_sum, record, latest_start, earliest_end, toll_least, toll_latest,
         toll_least_latest, toll_mixed, members, key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
    )?
    .execute(params_from_iter(&values))?;
    Ok(conn.last_insert_rowid())
}

/// The merged events an event of this block and window would join: those of the stored
/// events its window overlaps that the merge stage links it to (another article, actors
/// that agree). None when the window is not one this can answer for (undated or open-ended
/// where others are: those merge again in full).
fn linked_merged(
    conn: &Connection,
    statements: &mut EventStatements<'_>,
    block: BlockRow,
    event: &Event,
    article: i64,
) -> Result<Option<Vec<Merged>>, StoreError> {
    let (start, end) = match window_of(event) {
        (Some(start), Some(end)) => (start, end),
        (None, None) => {
            // Undated events link to any undated one of the block: only a block without
            // them is answered here.
            let any = conn
                .prepare_cached(
                    "SELECT 1 FROM events WHERE block = ?1 AND date_start IS NULL AND date_end IS NULL LIMIT 1",
                )?
                .query_row(params![block.key], |_| Ok(()))
                .optional()?;
            return Ok(any.is_none().then(Vec::new));
        }
        _ => return Ok(None),
    };
    let floor = block.longest.map_or(i64::MIN, |days| start - days);
    let mut rows = statements.linked()?.query(params![block.key, floor, end, start])?;
    let mut linked: Vec<Merged> = Vec::new();
    while let Some(row) = rows.next()? {
        // Every event of another save has a merged event: a row, or itself alone.
        let merged = Merged::of(row.get(4)?, row.get(0)?);
        if row.get::<_, i64>(1)? == article || linked.contains(&merged) {
            continue;
        }
        let actor1 = row.get::<_, Option<String>>(2)?.and_then(|id| ActorId::parse(&id));
        if frontline_merge::actors_agree(event, actor1, row.get::<_, Option<String>>(3)?.as_deref()) {
            linked.push(merged);
        }
    }
    Ok(Some(linked))
}

/// What an event joining a merged event needs of it: the merged event (an event found
/// alone may have joined a row since), its tally, and its most precise member (key, and
/// the fields by which the merge compares members and takes a window, on a copy of `like`
/// for the rest).
pub(crate) type Joinable = (Merged, Tally, i64, Event);

/// A merged event as an event joining it needs it ([`Joinable`]). None when its tally is
/// unknown.
fn joinable(
    conn: &Connection,
    statements: &mut EventStatements<'_>,
    merged: Merged,
    like: &Event,
) -> Result<Option<Joinable>, StoreError> {
    match merged {
        Merged::Row(key) => joinable_row(statements, key, like),
        Merged::Alone(key) => joinable_alone(conn, statements, key, like),
    }
}

/// An event alone as an event joining it needs it: its own tally, and itself. (A reprint
/// compared with its original may name an event that another copy has joined since: then
/// that row.)
fn joinable_alone(
    conn: &Connection,
    statements: &mut EventStatements<'_>,
    key: i64,
    like: &Event,
) -> Result<Option<Joinable>, StoreError> {
    let found = statements
        .joinable_alone()?
        .query_row([key], |r| {
            let mut best = best_at(like, r, 1)?;
            best.fatalities = r.get::<_, i64>(8)?.try_into().unwrap_or(0);
            Ok((r.get::<_, Option<i64>>(0)?, r.get::<_, i64>(9)?, best))
        })
        .optional()?;
    match found {
        None => Ok(None),
        Some((Some(row), _, _)) => joinable_row(statements, row, like),
        Some((None, article, best)) => {
            // The day of publication counts only in a toll (`Toll::of` keeps no day for a
            // source that reports none), and most events report none: their article's row,
            // at a random place of a table as large as the texts, is not read.
            let published = if best.fatalities == 0 { None } else { published_of(conn, article)? };
            Ok(Some((Merged::Alone(key), Tally::of(&best, published), key, best)))
        }
    }
}

/// The day of publication of the article stored under `article` (None when undated).
fn published_of(conn: &Connection, article: i64) -> Result<Option<NaiveDate>, StoreError> {
    let published = conn
        .prepare_cached("SELECT published FROM articles WHERE key = ?1")?
        .query_row([article], |r| r.get::<_, Option<String>>(0))
        .optional()?;
    Ok(published.flatten().and_then(|d| d.parse().ok()))
}

/// The best member of a merged event as a join needs it: an event like the joining one,
/// with the member's date_start, date_end, event_date, time_precision, geo_precision,
/// confidence and event_id, read from the row's columns starting at `first`.
fn best_at(like: &Event, r: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<Event> {
    let mut best = like.clone();
    best.date_start = day_of(r.get(first)?);
    best.date_end = day_of(r.get(first + 1)?);
    best.event_date = day_of(r.get(first + 2)?);
    best.time_precision = r.get(first + 3)?;
    best.geo_precision = r.get(first + 4)?;
    best.confidence = r.get(first + 5)?;
    best.event_id = r.get(first + 6)?;
    Ok(best)
}

/// A merged event's row as an event joining it needs it. None when its tally is unknown.
fn joinable_row(
    statements: &mut EventStatements<'_>,
    merged: i64,
    like: &Event,
) -> Result<Option<Joinable>, StoreError> {
    let found = statements
        .joinable_row()?
        .query_row([merged], |r| {
            let tally = Tally {
                latest_start: day_of(r.get(3)?),
                earliest_end: day_of(r.get(4)?),
                confidence: r.get(1)?,
                share_sum: r.get::<_, i64>(2)? as u64,
                toll: Toll {
                    least: r.get::<_, Option<i64>>(5)?.and_then(|n| u32::try_from(n).ok()),
                    latest: day_of(r.get(6)?),
                    least_latest: r.get::<_, i64>(7)?.try_into().unwrap_or(0),
                    mixed: r.get(8)?,
                },
                members: r.get::<_, Option<i64>>(9)?.and_then(|n| u32::try_from(n).ok()).unwrap_or(0),
            };
            Ok((Merged::Row(merged), tally, r.get::<_, i64>(0)?, best_at(like, r, 10)?))
        })
        .optional()?;
    Ok(found)
}

/// Stores an event that joins the merged events it links to (all of known tally), in time
/// that does not grow with their members: the tallies add up with the event's, the most
/// precise member is the most precise of theirs and the event, and the largest merged
/// event's row is updated in place (events alone only: a row is written); the members of
/// the others (an event linking several makes them one) are named to it, and their rows
/// deleted. False, storing nothing, when a tally is unknown.
fn join_event(
    conn: &Connection,
    memo: &mut Memo,
    statements: &mut EventStatements<'_>,
    (block, kind, linked): (i64, i64, &[Merged]),
    event: &Event,
    article: (i64, &str, Option<NaiveDate>),
) -> Result<bool, StoreError> {
    let mut parts: Vec<Joinable> = Vec::with_capacity(linked.len());
    for merged in linked {
        let Some(part) = joinable(conn, statements, *merged, event)? else {
            return Ok(false);
        };
        if !parts.iter().any(|p| p.0 == part.0) {
            parts.push(part);
        }
    }
    Ok(join_parts(conn, memo, statements, (block, kind), parts, event, article)?.is_some())
}

/// Stores an event that joins these merged events, as [`join_event`] tells. Returns the
/// merged event it made as the next event joining it would find it; None, storing nothing,
/// when there is none to join.
fn join_parts(
    conn: &Connection,
    memo: &mut Memo,
    statements: &mut EventStatements<'_>,
    (block, kind): (i64, i64),
    mut parts: Vec<Joinable>,
    event: &Event,
    (article, text, published): (i64, &str, Option<NaiveDate>),
) -> Result<Option<Joinable>, StoreError> {
    // The largest keeps its row: the fewest members are named anew.
    parts.sort_by_key(|(merged, tally, _, _)| (std::cmp::Reverse(tally.members), *merged));
    let Some(((kept, mut tally, mut best_key, mut best), others)) = parts.split_first().map(|(k, o)| (k.clone(), o))
    else {
        return Ok(None);
    };
    for (_, other_tally, other_best_key, other_best) in others {
        tally.absorb(other_tally);
        if frontline_merge::more_precise(other_best, &best).is_lt() {
            (best_key, best) = (*other_best_key, other_best.clone());
        }
    }
    // Its own tally holds its share, which its row keeps too: hashed once.
    let own = Tally::of(event, published);
    tally.absorb(&own);
    let key = memo.take_event_key(conn)?;
    let (best_key, mut made) =
        if frontline_merge::more_precise(event, &best).is_lt() { (key, event.clone()) } else { (best_key, best) };
    let best = made.clone();
    tally.apply(&mut made);
    let row = merged_row(&made, (best_key, kind), None, &tally, true);
    let kept = match kept {
        Merged::Row(kept) => {
            let mut values = row;
            values.push(kept.into());
            statements.update_merged()?.execute(params_from_iter(&values))?;
            kept
        }
        Merged::Alone(alone) => {
            let kept = store_merged_row(conn, row, None)?;
            name_merged(conn, kept, Merged::Alone(alone))?;
            kept
        }
    };
    for (other, ..) in others {
        name_merged(conn, kept, *other)?;
    }
    statements.insert.run_with_share(key, event, (block, article, text), Some(kept), own.share_sum as i64)?;
    Ok(Some((Merged::Row(kept), tally, best_key, best)))
}

/// Names to the merged event stored under `kept` the members of `other`, whose row (if it
/// has one) is deleted.
fn name_merged(conn: &Connection, kept: i64, other: Merged) -> Result<(), StoreError> {
    match other {
        Merged::Row(other) => {
            conn.prepare_cached("UPDATE events SET merged = ?1 WHERE merged = ?2")?.execute(params![kept, other])?;
            conn.prepare_cached("DELETE FROM merged_events WHERE key = ?1")?.execute([other])?;
        }
        Merged::Alone(other) => {
            conn.prepare_cached("UPDATE events SET merged = ?1 WHERE key = ?2")?.execute(params![kept, other])?;
        }
    }
    Ok(())
}

/// Stores a reprint's copy of an event (for the article stored under `article`, whose
/// text is `text`, published on `published`) as a source of its original's merged event,
/// which it joins in place ([`join_event`]): constant time, whatever the number of
/// sources. False, storing nothing, when that merged event's tally is unknown.
pub(crate) fn join_copy(
    conn: &Connection,
    memo: &mut Memo,
    statements: &mut EventStatements<'_>,
    copy: &Event,
    reprint: (i64, &str, Option<NaiveDate>),
    merged: Merged,
) -> Result<bool, StoreError> {
    let block = block_of(copy);
    let key = memo.block(conn, &block)?.key;
    // The copies of a story's reprints join its original's merged events in turn, each as
    // the last copy left it: what a join wrote is kept beside the original, not read again.
    let known = memo
        .reprinted
        .as_deref()
        .and_then(|original| original.joined(merged))
        .map(|(now, tally, best_key, best)| (*now, *tally, *best_key, on_like(best, copy)));
    let part = match known {
        Some(part) => part,
        None => match joinable(conn, statements, merged, copy)? {
            Some(part) => part,
            None => return Ok(false),
        },
    };
    let Some(now) = join_parts(conn, memo, statements, (key, block.0), vec![part], copy, reprint)? else {
        return Ok(false);
    };
    if let Some(original) = memo.reprinted.as_deref_mut() {
        original.remember_joined(merged, now);
    }
    Ok(true)
}

/// A merged event's best member as [`best_at`] reads it for an event `like`: its fields
/// by which the merge compares members and takes a window, on a copy of `like`.
fn on_like(best: &Event, like: &Event) -> Event {
    let mut on = like.clone();
    on.date_start = best.date_start;
    on.date_end = best.date_end;
    on.event_date = best.event_date;
    on.time_precision = best.time_precision;
    on.geo_precision = best.geo_precision;
    on.confidence = best.confidence;
    on.event_id.clone_from(&best.event_id);
    on
}

/// The merged event stored under `key` (negative: the event of key `-key`, alone), with its
/// sources (sorted by article, then event).
pub(crate) fn read_merged(conn: &Connection, key: i64) -> Result<Option<MergedEvent>, StoreError> {
    if key < 0 {
        return read_alone(conn, -key);
    }
    let head = conn
        .prepare_cached(&format!(
            "SELECT m.record, m.event_id, m.date_start, m.date_end, m.event_date, m.time_precision, m.fatalities,
                    m.confidence, {EVENT_COLUMNS}
             FROM merged_events m JOIN events e ON e.key = m.best JOIN articles a ON a.key = e.article WHERE m.key = ?1"
        ))?
        .query_row([key], |r| {
            let record: Option<String> = r.get(0)?;
            let mut event = read_event(r, 8)?;
            event.event_id = r.get(1)?;
            event.date_start = crate::record::day_of(r.get(2)?);
            event.date_end = crate::record::day_of(r.get(3)?);
            event.event_date = crate::record::day_of(r.get(4)?);
            event.time_precision = r.get(5)?;
            event.fatalities = r.get::<_, i64>(6)?.try_into().unwrap_or(0);
            event.confidence = r.get(7)?;
            Ok((record, event))
        })
        .optional()?;
    let Some((record, mut event)) = head else {
        return Ok(None);
    };
    if let Some(record) = record {
        return Ok(Some(serde_json::from_str(&record)?));
    }
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {EVENT_COLUMNS}, a.published FROM events e JOIN articles a ON a.key = e.article WHERE e.merged = ?1"
    ))?;
    let rows = statement.query_map([key], |r| {
        let member = read_event(r, 0)?;
        let published = r.get::<_, Option<String>>(EVENT_COLUMN_COUNT)?.and_then(|d| d.parse().ok());
        Ok(Source::of(&member, published))
    })?;
    let mut sources: Vec<Source> = rows.collect::<Result<_, _>>()?;
    sources.sort_by(|a, b| a.article_id.cmp(&b.article_id).then(a.event_id.cmp(&b.event_id)));
    event.article_id = sources.first().map(|s| s.article_id.clone()).unwrap_or_default();
    Ok(Some(MergedEvent { event, sources }))
}

/// The merged event that the event stored under `key` is alone: what the merge stage makes
/// of it alone ([`alone`] made sure of it when it was stored so).
fn read_alone(conn: &Connection, key: i64) -> Result<Option<MergedEvent>, StoreError> {
    let found = conn
        .prepare_cached(&format!(
            "SELECT {EVENT_COLUMNS}, a.published FROM events e JOIN articles a ON a.key = e.article
             WHERE e.key = ?1 AND e.merged IS NULL"
        ))?
        .query_row([key], |r| {
            let member = read_event(r, 0)?;
            let published = r.get::<_, Option<String>>(EVENT_COLUMN_COUNT)?.and_then(|d| d.parse().ok());
            Ok((member, published))
        })
        .optional()?;
    Ok(found.map(|(member, published)| {
        let mut event = member.clone();
        Tally::of(&member, published).apply(&mut event);
        MergedEvent { event, sources: vec![Source::of(&member, published)] }
    }))
}

/// Gives the event alone stored under `key` the row that schema 7 kept for it: what the
/// merge stage made of it alone, with its tally. (Tests of the migration to schema 8.)
#[cfg(test)]
pub(crate) fn give_alone_a_row(conn: &Connection, key: i64) -> Result<(), StoreError> {
    let (member, published): (Event, Option<NaiveDate>) = conn
        .prepare_cached(&format!(
            "SELECT {EVENT_COLUMNS}, a.published FROM events e JOIN articles a ON a.key = e.article WHERE e.key = ?1"
        ))?
        .query_row([key], |r| {
            Ok((read_event(r, 0)?, r.get::<_, Option<String>>(EVENT_COLUMN_COUNT)?.and_then(|d| d.parse().ok())))
        })?;
    let tally = Tally::of(&member, published);
    let mut made = member.clone();
    tally.apply(&mut made);
    let values = merged_row(&made, (key, kind_code(member.sub_event_type)), None, &tally, true);
    let row = store_merged_row(conn, values, None)?;
    conn.execute("UPDATE events SET merged = ?1 WHERE key = ?2", params![row, key])?;
    Ok(())
}
