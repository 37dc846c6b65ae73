//! Reprints through the whole pipeline, with the real extractor and a real store: a story
//! and its reprints by other outlets give the merged events that reading every copy gives,
//! citing every outlet; an update with a new toll is read.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use frontline_core::{content_hash, Article, ContentHash, MergedEvent};
use frontline_extract::Extractor;
use frontline_gazetteer::Gazetteer;
use frontline_pipeline::{store_article, store_article_with};
use frontline_store::{Database as Store, EventFilter, Saved};

const OUTLETS: [&str; 5] = ["Levant Wire", "Orient Daily", "Damascus Monitor", "Idlib Herald", "Aleppo Voice"];

fn extractor() -> Extractor {
    Extractor::new(frontline_lang::Packs::builtin().expect("built-in packs"), Gazetteer::builtin())
}

fn story() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../cli/samples/sample-ariha-en.txt");
    std::fs::read_to_string(path).expect("the sample report")
}

fn article(id: &str, outlet: &str, text: String) -> Article {
    Article {
        id: id.into(),
        content_hash: ContentHash::known(content_hash(text.as_bytes())),
        text,
        language: "en".into(),
        published: NaiveDate::from_ymd_opt(2023, 3, 14),
        source: Some(outlet.into()),
        url: None,
        title: None,
        origin: format!("{id}.txt"),
    }
}

/// The original (from the first outlet) and one reprint by each other outlet: its dateline
/// before the story, its credit after.
fn copies() -> Vec<Article> {
    let story = story();
    let mut all = vec![article("original", OUTLETS[0], story.clone())];
    for (i, outlet) in OUTLETS.iter().enumerate().skip(1) {
        all.push(article(&format!("reprint-{i}"), outlet, format!("({outlet}) — {story}\n\n© {outlet}")));
    }
    all
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("test.db")).expect("store");
    (dir, store)
}

fn merged(store: &Store) -> Vec<MergedEvent> {
    store.merged_events(&EventFilter::default()).expect("query")
}

#[test]
fn reprints_are_stored_unread_and_merge_as_if_read_citing_every_outlet() {
    let extractor = extractor();
    let (_a, mut recognised) = store();
    let (_b, mut read) = store();
    for (i, copy) in copies().iter().enumerate() {
        let stored = store_article(copy, &extractor, &mut recognised).expect("stored");
        if i == 0 {
            assert_eq!(stored.saved, Saved::Inserted);
            assert!(stored.events >= 2, "the story has events: {}", stored.events);
        } else {
            assert_eq!(stored.saved, Saved::Reprint { of: "original".into() }, "{}", copy.id);
        }
        let stored = store_article_with(copy, &extractor, &mut read, false).expect("stored");
        assert_eq!(stored.saved, Saved::Inserted, "read like any article");
    }
    assert_eq!(recognised.reprint_of("reprint-3").expect("query"), Some("original".into()));
    let (unread, all_read) = (merged(&recognised), merged(&read));
    assert!(!unread.is_empty());
    assert_eq!(unread, all_read, "the merged export is the one reading every copy gives");
    assert_eq!(
        recognised.events(&EventFilter::default()).expect("query"),
        read.events(&EventFilter::default()).expect("query"),
        "each reprint has its own events, as if read"
    );
    let every: BTreeSet<String> = copies().iter().map(|a| a.id.clone()).collect();
    let outlets: BTreeSet<String> =
        recognised.articles().expect("query").into_iter().filter_map(|a| a.source).collect();
    assert_eq!(outlets, OUTLETS.iter().map(|o| o.to_string()).collect());
    for event in &unread {
        let cited: BTreeSet<String> = event.sources.iter().map(|s| s.article_id.clone()).collect();
        assert_eq!(cited, every, "{} cites every outlet's copy", event.event.event_id);
    }
    // The ACLED export names every outlet in each merged event's "source" column.
    let names =
        recognised.articles().expect("query").into_iter().map(|a| (a.id, a.source.unwrap_or_default())).collect();
    let csv = String::from_utf8(frontline_formats::acled_csv(&unread, &names).expect("csv")).expect("utf-8");
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(rows.len(), unread.len());
    for row in rows {
        for outlet in OUTLETS {
            assert!(row.contains(outlet), "{outlet} is cited: {row}");
        }
    }
    assert_eq!(csv, String::from_utf8(frontline_formats::acled_csv(&all_read, &names).expect("csv")).expect("utf-8"));
}

#[test]
fn an_update_with_a_new_toll_is_read_and_merges() {
    let extractor = extractor();
    let (_dir, mut store) = store();
    let story = story();
    assert!(story.contains("killing four civilians"));
    store_article(&article("original", OUTLETS[0], story.clone()), &extractor, &mut store).expect("stored");
    let updated = format!("({}) — {}", OUTLETS[1], story.replace("killing four civilians", "killing seven civilians"));
    let stored = store_article(&article("update", OUTLETS[1], updated), &extractor, &mut store).expect("stored");
    assert_eq!(stored.saved, Saved::Inserted, "a new toll is read, not taken for a reprint");
    assert!(store.reprint_of("update").expect("query").is_none());
    let events =
        store.events(&EventFilter { article: Some("update".into()), ..EventFilter::default() }).expect("query");
    assert!(events.iter().any(|e| e.fatalities == 7), "the new toll was read: {events:?}");
    // Its events merge with the original's, as any report of the same events does.
    let strike = merged(&store).into_iter().find(|m| m.sources.iter().any(|s| s.fatalities == 7)).expect("merged");
    let cited: BTreeSet<&str> = strike.sources.iter().map(|s| s.article_id.as_str()).collect();
    assert_eq!(cited, BTreeSet::from(["original", "update"]));
}

#[test]
fn a_new_paragraph_is_read() {
    let extractor = extractor();
    let (_dir, mut store) = store();
    let story = story();
    store_article(&article("original", OUTLETS[0], story.clone()), &extractor, &mut store).expect("stored");
    let longer = format!(
        "{story}\n\nLater in the day, opposition fighters shelled government positions near the town of Saraqib, \
         the factions said in a statement posted online."
    );
    let stored = store_article(&article("longer", OUTLETS[2], longer), &extractor, &mut store).expect("stored");
    assert_eq!(stored.saved, Saved::Inserted);
    assert!(stored.events > 0);
}
