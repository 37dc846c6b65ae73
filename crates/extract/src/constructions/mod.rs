//! Construction tests: one test per reporting construction and language, on sentences
//! composed for these tests (real Syrian towns, plus invented villages that no gazetteer
//! holds), run through the whole engine with the built-in packs and gazetteer.
//!
//! Unless a test says otherwise, articles are published on Thursday 30 January 2020, so
//! that "Tuesday" is the 28th, "Friday" the 24th and "yesterday" the 29th.

mod ar;
mod en;
mod fr;
mod paraphrase;

use std::sync::OnceLock;

use chrono::NaiveDate;
use frontline_core::{ActorId, Article, ContentHash, Event, Extent, SubEventType};
use frontline_gazetteer::Gazetteer;
use frontline_lang::Packs;

use crate::Extractor;

/// The built-in gazetteer takes about a second to load: one extractor for all tests. The
/// rules alone, without the trained model: these tests are of the constructions the rules
/// read; what the model keeps of them is measured on the corpus (`frontline eval`).
fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| {
        Extractor::new(Packs::builtin().expect("built-in packs load").without_weights(), Gazetteer::builtin())
    })
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid test date")
}

/// Thursday 30 January 2020.
fn published() -> Option<NaiveDate> {
    Some(day(2020, 1, 30))
}

fn article(language: &str, published: Option<NaiveDate>, text: &str) -> Article {
    Article {
        id: format!("test-{language}"),
        text: text.to_string(),
        language: language.to_string(),
        published,
        source: None,
        url: None,
        title: None,
        origin: "constructions test".to_string(),
        content_hash: ContentHash::known("not-a-real-hash".to_string()),
    }
}

/// Reads an article and checks what every event owes its reader: its evidence is the
/// text at its offsets.
fn read(language: &str, published: Option<NaiveDate>, text: &str) -> Vec<Event> {
    let article = article(language, published, text);
    let events = extractor().extract(&article);
    for e in &events {
        assert_eq!(
            article.text.get(e.evidence_start..e.evidence_end),
            Some(e.evidence.as_str()),
            "evidence offsets of the event at {:?}",
            e.mention
        );
    }
    events
}

fn actor(id: &str) -> ActorId {
    ActorId::parse(id).expect("a canonical actor id")
}

/// The only event of the list, of the given type.
fn single(events: &[Event], sub_event_type: SubEventType) -> &Event {
    assert_eq!(events.len(), 1, "expected one event, got {}", summary(events));
    assert_eq!(events[0].sub_event_type, sub_event_type, "{}", summary(events));
    &events[0]
}

/// One plain sentence for a kind of event: (sentence, type, place as written, actor1 when the
/// sentence names it).
type PlainSentence = (&'static str, SubEventType, &'static str, Option<&'static str>);

/// Each sentence of a table gives its one event, at its place, by its actor, on `expected`.
fn assert_plain_sentences(read: fn(&str) -> Vec<Event>, table: &[PlainSentence], expected: NaiveDate) {
    for &(text, sub_event_type, mention, actor1) in table {
        let events = read(text);
        let e = single(&events, sub_event_type);
        assert_eq!(e.mention, mention, "{text}");
        if let Some(id) = actor1 {
            assert_eq!(e.actor1_id, Some(actor(id)), "{text}");
        }
        assert_day(e, expected);
    }
}

/// The event at a mention (as the article spells the place).
fn at<'e>(events: &'e [Event], mention: &str) -> &'e Event {
    events
        .iter()
        .find(|e| e.mention == mention)
        .unwrap_or_else(|| panic!("no event at {mention:?} in {}", summary(events)))
}

/// The events of a type.
fn of_type(events: &[Event], sub_event_type: SubEventType) -> Vec<&Event> {
    events.iter().filter(|e| e.sub_event_type == sub_event_type).collect()
}

fn mentions(events: &[Event]) -> Vec<&str> {
    events.iter().map(|e| e.mention.as_str()).collect()
}

fn summary(events: &[Event]) -> String {
    let parts: Vec<String> = events
        .iter()
        .map(|e| format!("{} at {:?} ({:?}..{:?})", e.sub_event_type.as_str(), e.mention, e.date_start, e.date_end))
        .collect();
    format!("[{}]", parts.join("; "))
}

/// The event is dated to one day.
fn assert_day(e: &Event, expected: NaiveDate) {
    assert_eq!(
        (e.event_date, e.date_start, e.date_end, e.time_precision),
        (Some(expected), Some(expected), Some(expected), 1),
        "date of the event at {:?}",
        e.mention
    );
}

fn assert_control(e: &Event, gained_by: &str, lost_by: Option<&str>, extent: Extent) {
    let control = e.control.as_ref().unwrap_or_else(|| panic!("no control on the event at {:?}", e.mention));
    assert_eq!(control.gained_by, actor(gained_by), "gained_by at {:?}", e.mention);
    assert_eq!(control.lost_by, lost_by.map(actor), "lost_by at {:?}", e.mention);
    assert_eq!(control.extent, extent, "extent at {:?}", e.mention);
}

/// A place resolved in the gazetteer, at the town itself, in the given governorate.
fn assert_town(e: &Event, admin1: &str) {
    assert!(e.geonameid.is_some() || e.pcode.is_some(), "{:?} should be resolved in the gazetteer", e.mention);
    assert_eq!(e.geo_precision, 1, "geo precision at {:?}", e.mention);
    assert_eq!(e.admin1.as_deref(), Some(admin1), "governorate of {:?}", e.mention);
    assert_eq!((e.country.as_str(), e.iso), ("Syria", 760));
}

fn in_syria(e: &Event) -> bool {
    matches!((e.latitude, e.longitude), (Some(lat), Some(lon)) if (32.3..=37.4).contains(&lat) && (35.6..=42.5).contains(&lon))
}

/// A place the gazetteer lacks, situated by a town the text names: it keeps its own name
/// and stands at that town's point, as a region (docs/annotation.md §12), not at its
/// governorate's seat.
fn assert_situated_by(e: &Event, town: &Event) {
    assert!(e.geonameid.is_none() && e.pcode.is_none(), "{:?} should be a place the gazetteer lacks", e.mention);
    assert!(town.geonameid.is_some() || town.pcode.is_some(), "{:?} should be in the gazetteer", town.mention);
    assert_eq!(e.location, e.mention);
    assert_eq!(
        (e.latitude, e.longitude, e.geo_precision),
        (town.latitude, town.longitude, 2),
        "point of {:?}",
        e.mention
    );
    assert_eq!(e.admin1, town.admin1);
}
