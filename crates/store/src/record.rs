//! Events as rows of columns, and back: the compact form of a stored event.

use chrono::NaiveDate;
use frontline_core::{ActorId, Control, Event, Extent, SubEventType};
use rusqlite::{params, CachedStatement, Connection, Row};

use crate::StoreError;

/// An event's columns as read by [`read_event`], from `events e JOIN articles a`. The
/// evidence is cut from the article's text (as bytes) unless stored.
pub(crate) const EVENT_COLUMNS: &str = "e.event_id, a.id, e.kind, e.block, e.date_start, e.date_end, e.event_date,
    e.time_precision, e.actor1, e.actor1_id, e.assoc_actor_1, e.actor2, e.actor2_id, e.assoc_actor_2, e.location,
    e.mention, e.geonameid, e.latitude, e.longitude, e.geo_precision, e.admin1, e.admin2, e.admin3, e.pcode,
    e.country, e.iso, e.fatalities, e.civilian_fatalities, e.child_fatalities, e.injuries, e.control_gained,
    e.control_lost, e.control_extent, e.language,
    coalesce(e.evidence, CAST(substr(CAST(a.text AS BLOB), e.evidence_start + 1, e.evidence_end - e.evidence_start) AS TEXT)),
    e.evidence_start, e.evidence_end, e.confidence, e.trigger, e.claimed_by";
/// How many columns [`EVENT_COLUMNS`] names.
pub(crate) const EVENT_COLUMN_COUNT: usize = 40;

/// A day as stored: days from the common era.
pub(crate) fn day_number(day: NaiveDate) -> i64 {
    i64::from(chrono::Datelike::num_days_from_ce(&day))
}

pub(crate) fn day_of(number: Option<i64>) -> Option<NaiveDate> {
    number.and_then(|n| i32::try_from(n).ok()).and_then(NaiveDate::from_num_days_from_ce_opt)
}

/// A sub-event type as stored: its place in [`SubEventType::ALL`].
pub(crate) fn kind_code(kind: SubEventType) -> i64 {
    SubEventType::ALL.iter().position(|k| *k == kind).unwrap_or(0) as i64
}

fn kind_of(code: i64) -> Option<SubEventType> {
    usize::try_from(code).ok().and_then(|i| SubEventType::ALL.get(i)).copied()
}

fn bad(column: usize, what: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        column,
        rusqlite::types::Type::Text,
        format!("not a stored event's {what}").into(),
    )
}

fn actor(row: &Row<'_>, at: usize) -> rusqlite::Result<Option<ActorId>> {
    match row.get::<_, Option<String>>(at)? {
        None => Ok(None),
        Some(id) => ActorId::parse(&id).map(Some).ok_or_else(|| bad(at, "actor")),
    }
}

fn count(row: &Row<'_>, at: usize) -> rusqlite::Result<Option<u32>> {
    Ok(row.get::<_, Option<i64>>(at)?.and_then(|n| u32::try_from(n).ok()))
}

/// The event whose [`EVENT_COLUMNS`] start at column `at`.
pub(crate) fn read_event(row: &Row<'_>, at: usize) -> rusqlite::Result<Event> {
    let c = |i: usize| at + i;
    let kind = kind_of(row.get(c(2))?).ok_or_else(|| bad(c(2), "sub-event type"))?;
    let control = match actor(row, c(30))? {
        None => None,
        Some(gained_by) => Some(Control {
            gained_by,
            lost_by: actor(row, c(31))?,
            extent: if row.get::<_, Option<String>>(c(32))?.as_deref() == Some("partial") {
                Extent::Partial
            } else {
                Extent::Full
            },
        }),
    };
    Ok(Event {
        event_id: row.get(c(0))?,
        article_id: row.get(c(1))?,
        event_type: kind.event_type(),
        sub_event_type: kind,
        date_start: day_of(row.get(c(4))?),
        date_end: day_of(row.get(c(5))?),
        event_date: day_of(row.get(c(6))?),
        time_precision: row.get(c(7))?,
        actor1: row.get(c(8))?,
        actor1_id: actor(row, c(9))?,
        assoc_actor_1: row.get(c(10))?,
        actor2: row.get(c(11))?,
        actor2_id: actor(row, c(12))?,
        assoc_actor_2: row.get(c(13))?,
        location: row.get(c(14))?,
        mention: row.get(c(15))?,
        geonameid: row.get(c(16))?,
        latitude: row.get(c(17))?,
        longitude: row.get(c(18))?,
        geo_precision: row.get(c(19))?,
        admin1: row.get(c(20))?,
        admin2: row.get(c(21))?,
        admin3: row.get(c(22))?,
        pcode: row.get(c(23))?,
        country: row.get(c(24))?,
        iso: row.get(c(25))?,
        fatalities: count(row, c(26))?.unwrap_or(0),
        civilian_fatalities: count(row, c(27))?,
        child_fatalities: count(row, c(28))?,
        injuries: count(row, c(29))?,
        control,
        language: row.get(c(33))?,
        evidence: row.get::<_, Option<String>>(c(34))?.unwrap_or_default(),
        evidence_start: row.get::<_, i64>(c(35))?.try_into().unwrap_or(0),
        evidence_end: row.get::<_, i64>(c(36))?.try_into().unwrap_or(0),
        confidence: row.get(c(37))?,
        trigger: row.get(c(38))?,
        claimed_by: row.get(c(39))?,
    })
}

/// Inserts an event under `key` (taken from [`crate::merging::Memo::take_event_key`]), of
/// the block stored under `block` and the article stored under `article` (whose text is
/// `text`), a source of the merged event stored under `merged` (None: alone, its own merged
/// event, once the save ends).
pub(crate) fn insert_event(
    tx: &Connection,
    key: i64,
    event: &Event,
    block: i64,
    article: i64,
    text: &str,
    merged: Option<i64>,
) -> Result<(), StoreError> {
    EventInsert::new(tx)?.run(key, event, (block, article, text), merged)
}

const INSERT_EVENT: &str = "INSERT INTO events (event_id, article, kind, block, date_start, date_end, event_date,
         time_precision, actor1, actor1_id, assoc_actor_1, actor2, actor2_id, assoc_actor_2, location, mention,
         geonameid, latitude, longitude, geo_precision, admin1, admin2, admin3, pcode, country, iso, fatalities,
         civilian_fatalities, child_fatalities, injuries, control_gained, control_lost, control_extent, language,
         evidence, evidence_start, evidence_end, confidence, trigger, claimed_by, merged, key, share)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21,
         ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40, ?41, ?42, ?43)";

/// The insert of an event ([`insert_event`]), taken from the connection's statement cache
/// once for all the events of a save: each taking hashes and copies the statement's text,
/// and each return hashes it again, which cost more than a tenth of the insert itself.
pub(crate) struct EventInsert<'c>(CachedStatement<'c>);

impl<'c> EventInsert<'c> {
    pub(crate) fn new(tx: &'c Connection) -> Result<EventInsert<'c>, StoreError> {
        Ok(EventInsert(tx.prepare_cached(INSERT_EVENT)?))
    }

    /// [`insert_event`]: the event stored under `key`, of the block, article and text given.
    pub(crate) fn run(
        &mut self,
        key: i64,
        event: &Event,
        place: (i64, i64, &str),
        merged: Option<i64>,
    ) -> Result<(), StoreError> {
        self.run_with_share(key, event, place, merged, share_of(&event.event_id))
    }

    /// [`EventInsert::run`], the event's share ([`share_of`]) already known.
    pub(crate) fn run_with_share(
        &mut self,
        key: i64,
        event: &Event,
        (block, article, text): (i64, i64, &str),
        merged: Option<i64>,
        share: i64,
    ) -> Result<(), StoreError> {
        // The evidence is the article's own words nearly always: then its offsets say it.
        let evidence = (text.get(event.evidence_start..event.evidence_end) != Some(event.evidence.as_str()))
            .then_some(event.evidence.as_str());
        let control = event.control.as_ref();
        self.0.execute(params![
            event.event_id,
            article,
            kind_code(event.sub_event_type),
            block,
            event.date_start.map(day_number),
            event.date_end.map(day_number),
            event.event_date.map(day_number),
            event.time_precision,
            event.actor1,
            event.actor1_id.map(|a| a.as_str()),
            event.assoc_actor_1,
            event.actor2,
            event.actor2_id.map(|a| a.as_str()),
            event.assoc_actor_2,
            event.location,
            event.mention,
            event.geonameid,
            event.latitude,
            event.longitude,
            event.geo_precision,
            event.admin1,
            event.admin2,
            event.admin3,
            event.pcode,
            event.country,
            event.iso,
            event.fatalities,
            event.civilian_fatalities,
            event.child_fatalities,
            event.injuries,
            control.map(|c| c.gained_by.as_str()),
            control.and_then(|c| c.lost_by).map(|a| a.as_str()),
            control.map(|c| if c.extent == Extent::Partial { "partial" } else { "full" }),
            event.language,
            evidence,
            event.evidence_start as i64,
            event.evidence_end as i64,
            event.confidence,
            event.trigger,
            event.claimed_by,
            merged,
            key,
            // Every event's: it files the event by id (`events_by_share`), and gives the id of
            // the merged event it is while alone.
            share,
        ])?;
        Ok(())
    }
}

/// An event's share of its merged event's id (`frontline_merge::member_share`) as stored:
/// an event alone is its own merged event, whose id is `printf('%016x', share)`; and, a
/// hash of the event's id, what events are found by id through (schema.rs, version 9).
pub(crate) fn share_of(event_id: &str) -> i64 {
    frontline_merge::member_share(event_id) as i64
}
