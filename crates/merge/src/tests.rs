use chrono::NaiveDate;
use frontline_core::{ActorId, Control, Event, Extent, SubEventType};
use proptest::prelude::*;

use super::*;

fn day(d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2021, 3, d)
}

fn actor(id: &str) -> ActorId {
    ActorId::parse(id).expect("known actor")
}

fn event(article: &str, sub: SubEventType, place: &str, start: u32, end: u32, actor1: &str) -> Event {
    let mut e = Event {
        event_id: String::new(),
        event_date: (start == end).then(|| day(start)).flatten(),
        date_start: day(start),
        date_end: day(end),
        time_precision: 1,
        event_type: sub.event_type(),
        sub_event_type: sub,
        actor1: Some(actor(actor1).display_name().into()),
        actor1_id: Some(actor(actor1)),
        assoc_actor_1: None,
        actor2: None,
        actor2_id: None,
        assoc_actor_2: None,
        location: place.into(),
        mention: place.into(),
        geonameid: None,
        latitude: Some(35.9),
        longitude: Some(36.6),
        geo_precision: 1,
        admin1: Some("Idlib".into()),
        admin2: None,
        admin3: None,
        pcode: None,
        country: "Syria".into(),
        iso: 760,
        fatalities: 0,
        civilian_fatalities: None,
        child_fatalities: None,
        injuries: None,
        control: None,
        article_id: article.into(),
        language: "en".into(),
        evidence: format!("{article} says {place}"),
        evidence_start: 0,
        evidence_end: 10,
        confidence: 0.8,
        trigger: "seized".into(),
        claimed_by: None,
    };
    if sub.is_territorial() {
        e.control = Some(Control { gained_by: actor(actor1), lost_by: Some(actor("OPP")), extent: Extent::Full });
    }
    e.event_id = e.derive_id();
    e
}

fn no_dates(_: &str) -> Option<NaiveDate> {
    None
}

#[test]
fn the_same_event_in_two_languages_merges_citing_both() {
    let en = event("report-en", SubEventType::GovernmentRegainsTerritory, "Kafr Nubl", 8, 8, "SYR_GOV");
    let mut fr = event("report-fr", SubEventType::GovernmentRegainsTerritory, "Kafr-Nubl", 2, 8, "SYR_GOV");
    fr.language = "fr".into();
    let merged = merge_block(&[en, fr], &no_dates);
    assert_eq!(merged.len(), 1);
    let sources: Vec<&str> = merged[0].sources.iter().map(|s| s.article_id.as_str()).collect();
    assert_eq!(sources, ["report-en", "report-fr"]);
    assert_eq!(merged[0].event.date_start, day(8), "the narrowest window");
    assert_eq!(merged[0].event.event_date, day(8));
}

#[test]
fn different_type_place_or_days_never_merge() {
    let base = event("a", SubEventType::AirDroneStrike, "Ariha", 5, 5, "RUS");
    let other_day = event("b", SubEventType::AirDroneStrike, "Ariha", 7, 7, "RUS");
    let other_place = event("c", SubEventType::AirDroneStrike, "Sarmin", 5, 5, "RUS");
    let other_type = event("d", SubEventType::Shelling, "Ariha", 5, 5, "RUS");
    assert!(!same_event(&base, &other_day));
    assert!(!same_event(&base, &other_place));
    assert!(!same_event(&base, &other_type));
    assert_eq!(merge_block(&[base, other_day], &no_dates).len(), 2);
}

#[test]
fn actors_must_be_compatible() {
    let rus = event("a", SubEventType::AirDroneStrike, "Ariha", 5, 5, "RUS");
    let syr = event("b", SubEventType::AirDroneStrike, "Ariha", 5, 5, "SYR_GOV");
    assert!(!same_event(&rus, &syr));
    let mut joint = rus.clone();
    joint.article_id = "c".into();
    joint.assoc_actor_1 = Some(actor("SYR_GOV").display_name().into());
    assert!(same_event(&joint, &syr));
}

#[test]
fn the_toll_is_the_lower_figure_unless_a_later_report_updates_it() {
    let mut first = event("first", SubEventType::AirDroneStrike, "Ariha", 5, 5, "RUS");
    first.fatalities = 12;
    let mut second = event("second", SubEventType::AirDroneStrike, "Ariha", 5, 5, "RUS");
    second.fatalities = 9;
    let same_day = |_: &str| day(5);
    assert_eq!(merge_block(&[first.clone(), second.clone()], &same_day)[0].event.fatalities, 9);
    let second_is_later = |a: &str| if a == "second" { day(9) } else { day(5) };
    second.fatalities = 15;
    assert_eq!(merge_block(&[first, second], &second_is_later)[0].event.fatalities, 15);
}

#[test]
fn control_timeline_and_contested_claims() {
    let taken = event("a", SubEventType::GovernmentRegainsTerritory, "Kafr Nubl", 8, 8, "SYR_GOV");
    let retaken = event("b", SubEventType::NonStateActorOvertakesTerritory, "Kafr Nubl", 20, 20, "OPP");
    let mut claimed = event("c", SubEventType::GovernmentRegainsTerritory, "Kafr Nubl", 20, 21, "SYR_GOV");
    claimed.evidence = "the army says it holds the town".into();
    let merged: Vec<MergedEvent> =
        [taken, retaken, claimed].iter().flat_map(|e| merge_block(std::slice::from_ref(e), &no_dates)).collect();
    let lines = timelines(&merged);
    assert_eq!(lines.len(), 1);
    let states = &lines[0].states;
    assert_eq!(states[0].held_by, Some(actor("OPP")), "held by the loser before the first change");
    assert_eq!(states[1].held_by, Some(actor("SYR_GOV")));
    assert_eq!(states[1].since, day(8));
    assert!(states[2].contested(), "both sides claim it from the 20th");
    let on = |d: u32| control_at(&lines, day(d).expect("valid day"))[0].1.clone();
    assert!(
        control_at(&lines, day(3).expect("valid day")).is_empty(),
        "before the first report, who held it is unknown"
    );
    let long_before = NaiveDate::from_ymd_opt(1999, 1, 1).expect("valid day");
    assert!(control_at(&lines, long_before).is_empty(), "nor projected back for years");
    assert_eq!(on(10).held_by, Some(actor("SYR_GOV")));
    assert_eq!(on(25).held_by, None);
}

fn arbitrary_events() -> impl Strategy<Value = Vec<Event>> {
    let places = ["Ariha", "Sarmin", "Binnish"];
    let actors = ["RUS", "SYR_GOV"];
    prop::collection::vec((0..3usize, 1..6u32, 0..3u32, 0..2usize, 0..5usize, 0..20u32), 1..12).prop_map(move |specs| {
        specs
            .into_iter()
            .map(|(place, start, len, who, article, dead)| {
                let mut e = event(
                    &format!("article-{article}"),
                    SubEventType::AirDroneStrike,
                    places[place],
                    start,
                    start + len,
                    actors[who],
                );
                e.fatalities = dead;
                e.event_id = e.derive_id();
                e
            })
            // Event ids are unique in a store: one event per article, type, place and window.
            .fold(Vec::<Event>::new(), |mut kept, e| {
                if !kept.iter().any(|k| k.event_id == e.event_id) {
                    kept.push(e);
                }
                kept
            })
    })
}

proptest! {
    #[test]
    fn merging_does_not_depend_on_arrival_order(events in arbitrary_events(), seed in any::<u64>()) {
        let mut shuffled = events.clone();
        // A deterministic shuffle driven by the seed.
        let n = shuffled.len();
        for i in 0..n {
            let j = (seed.wrapping_mul(6364136223846793005).wrapping_add(i as u64) % n as u64) as usize;
            shuffled.swap(i, j);
        }
        let dates = |a: &str| day(1 + (a.len() as u32 % 3));
        let mut one = merge_block(&events, &dates);
        let mut two = merge_block(&shuffled, &dates);
        one.sort_by(|a, b| a.event.event_id.cmp(&b.event.event_id));
        two.sort_by(|a, b| a.event.event_id.cmp(&b.event.event_id));
        prop_assert_eq!(one, two);
    }
}

/// ACLED's toll rule, written out over the whole list of (day of publication, figure).
fn toll_by_the_rule(reports: &[(Option<NaiveDate>, u32)]) -> u32 {
    let reported: Vec<_> = reports.iter().filter(|(_, f)| *f > 0).collect();
    let latest = reported.iter().map(|(d, _)| *d).max().flatten();
    let several_days = reported.iter().any(|(d, _)| *d != latest);
    let pool = reported.iter().filter(|(d, _)| !(latest.is_some() && several_days) || *d == latest);
    pool.map(|(_, f)| *f).min().unwrap_or(0)
}

proptest! {
    #[test]
    fn a_toll_kept_source_by_source_follows_the_rule_in_any_order(
        reports in prop::collection::vec((prop::option::of(1..4u32), 0..6u32), 0..8),
        seed in any::<u64>(),
    ) {
        let reports: Vec<(Option<NaiveDate>, u32)> = reports.into_iter().map(|(d, f)| (d.and_then(day), f)).collect();
        let mut shuffled = reports.clone();
        let n = shuffled.len();
        for i in 0..n {
            let j = (seed.wrapping_add(i as u64 * 7919) % n as u64) as usize;
            shuffled.swap(i, j);
        }
        let mut toll = Toll::default();
        for (published, figure) in &shuffled {
            toll.add(*published, *figure);
        }
        prop_assert_eq!(toll.value(), toll_by_the_rule(&reports));
        // Kept in two parts (two merged events an event links), then one absorbing the other.
        let (mut first, mut second) = (Toll::default(), Toll::default());
        for (i, (published, figure)) in shuffled.iter().enumerate() {
            if (seed >> (i % 64)) & 1 == 0 { first.add(*published, *figure) } else { second.add(*published, *figure) }
        }
        first.absorb(&second);
        prop_assert_eq!(first, toll, "the same figures kept, whichever way they came");
    }
}
