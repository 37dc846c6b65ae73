//! Small gold and prediction fixtures, one behaviour each.

use chrono::NaiveDate;
use frontline_core::{ActorId, Event, SubEventType};

use crate::{evaluate, fold, load_gold, matches, EvalError, Gold, GoldEvent};

const STRIKE: &str = "Air/drone strike";
const TAKEN: &str = "Government regains territory";
/// Maaret al-Numan's gold point.
const MAARET: (f64, f64) = (35.6483, 36.6769);

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, d).expect("valid day")
}

fn gold(article: &str, sub: &str, location: &str, point: Option<(f64, f64)>) -> GoldEvent {
    GoldEvent {
        article: article.into(),
        sub_event_type: vec![sub.into()],
        location: location.into(),
        lat: point.map(|p| p.0),
        lon: point.map(|p| p.1),
        radius_km: 10.0,
        date_start: day(28),
        date_end: day(28),
        actor1_id: vec![Some("SYR_GOV".into())],
        required: true,
        extent: None,
        actor2_id: None,
        note: None,
        fatalities_group: None,
        group_fatalities: None,
        group_injuries: None,
        fatalities: None,
    }
}

fn optional(mut g: GoldEvent) -> GoldEvent {
    g.required = false;
    g
}

fn event(article: &str, sub: &str, mention: &str, point: Option<(f64, f64)>) -> Event {
    let sub_event_type = SubEventType::parse(sub).expect("known sub-event type");
    let mut e = Event {
        event_id: String::new(),
        event_date: Some(day(28)),
        date_start: Some(day(28)),
        date_end: Some(day(28)),
        time_precision: 1,
        event_type: sub_event_type.event_type(),
        sub_event_type,
        actor1: None,
        actor1_id: ActorId::parse("SYR_GOV"),
        assoc_actor_1: None,
        actor2: None,
        actor2_id: None,
        assoc_actor_2: None,
        location: mention.into(),
        mention: mention.into(),
        geonameid: None,
        latitude: point.map(|p| p.0),
        longitude: point.map(|p| p.1),
        geo_precision: 1,
        admin1: None,
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
        evidence: format!("{sub} in {mention}."),
        evidence_start: 0,
        evidence_end: 0,
        confidence: 0.8,
        trigger: String::new(),
        claimed_by: None,
    };
    e.event_id = e.derive_id();
    e
}

/// `km` north of a point (one degree of latitude is 111.19 km on score.py's sphere).
fn north(point: (f64, f64), km: f64) -> (f64, f64) {
    (point.0 + km / (12742.0 * std::f64::consts::PI / 360.0), point.1)
}

#[test]
fn precision_recall_and_f1_per_article_and_in_total() {
    let g = vec![
        gold("a", TAKEN, "Maaret al-Numan", Some(MAARET)),
        gold("a", TAKEN, "Maar Shurin", None),
        gold("a", TAKEN, "Maar Shamsha", None),
        gold("b", STRIKE, "Atarib", Some((36.139, 36.825))),
    ];
    let p = vec![
        event("a", TAKEN, "Maaret al-Numan", Some(MAARET)),
        event("a", TAKEN, "Maar Shurin", None),
        event("a", STRIKE, "Idlib", Some((35.93, 36.63))),
        event("b", STRIKE, "Atarib", Some((36.139, 36.825))),
    ];
    let r = evaluate(&Gold::of(&g), &p);
    let a = &r.articles["a"];
    assert_eq!((a.counts.tp, a.counts.fp, a.counts.fn_), (2, 1, 1));
    assert!((a.scores.precision - 2.0 / 3.0).abs() < 1e-12);
    assert!((a.scores.recall - 2.0 / 3.0).abs() < 1e-12);
    assert!((a.scores.f1 - 2.0 / 3.0).abs() < 1e-12);
    assert_eq!(a.missed.len(), 1);
    assert_eq!(a.missed[0].location, "Maar Shamsha");
    assert_eq!(a.false_alarms.len(), 1);
    assert_eq!(a.false_alarms[0].place, "Idlib");
    let s = &r.summary;
    assert_eq!((s.counts.tp, s.counts.fp, s.counts.fn_), (3, 1, 1));
    assert!((s.scores.precision - 0.75).abs() < 1e-12);
    assert!((s.scores.recall - 0.75).abs() < 1e-12);
    assert!((s.scores.f1 - 0.75).abs() < 1e-12);
}

#[test]
fn optional_gold_is_neither_a_miss_nor_a_false_alarm() {
    let g = vec![
        gold("a", TAKEN, "Maaret al-Numan", Some(MAARET)),
        optional(gold("a", STRIKE, "rural Idlib", Some((35.93, 36.63)))),
        optional(gold("a", TAKEN, "Bashnitra", None)),
    ];
    let p = vec![event("a", TAKEN, "Maaret al-Numan", Some(MAARET)), event("a", STRIKE, "Idlib", Some((35.93, 36.63)))];
    let r = evaluate(&Gold::of(&g), &p);
    let c = &r.summary.counts;
    assert_eq!((c.tp, c.fp, c.fn_), (1, 0, 0));
    assert_eq!((c.found, c.optional_found), (2, 1));
    assert_eq!((c.gold_required, c.gold_optional), (1, 2));
    assert!(r.articles["a"].missed.is_empty());
    assert_eq!(r.summary.scores.precision, 1.0);
    assert_eq!(r.summary.scores.recall, 1.0);
}

#[test]
fn required_gold_takes_a_prediction_before_optional_gold() {
    // The optional event comes first in the file, yet the one prediction goes to the
    // required one, as score.py's sort puts required events first.
    let g = vec![
        optional(gold("a", TAKEN, "Maaret al-Numan", Some(MAARET))),
        gold("a", TAKEN, "Maaret al-Numan (centre)", Some(MAARET)),
    ];
    let p = vec![event("a", TAKEN, "Maaret al-Numan", Some(MAARET))];
    let r = evaluate(&Gold::of(&g), &p);
    let a = &r.articles["a"];
    assert_eq!((a.counts.tp, a.counts.fp, a.counts.fn_), (1, 0, 0));
    assert_eq!(a.found_events[0].location, "Maaret al-Numan (centre)");
    assert!(a.found_events[0].required);
}

#[test]
fn each_gold_event_takes_the_first_unused_prediction_that_matches() {
    let g = vec![
        gold("a", TAKEN, "Maaret al-Numan", Some(MAARET)),
        gold("a", TAKEN, "Maar Hattat", Some(north(MAARET, 4.0))),
    ];
    // Both predictions lie within 10 km of both gold points: the first gold event takes
    // the first prediction even though the second is nearer to it, and the second takes
    // what is left (greedy, not optimal).
    let mut far = event("a", TAKEN, "x", Some(north(MAARET, 5.0)));
    far.event_id = "far".into();
    let mut near = event("a", TAKEN, "y", Some(MAARET));
    near.event_id = "near".into();
    let r = evaluate(&Gold::of(&g), &[far, near]);
    let a = &r.articles["a"];
    assert_eq!(a.found_events[0].event_id, "far");
    assert_eq!(a.found_events[1].event_id, "near");
    assert_eq!((a.counts.tp, a.counts.fp), (2, 0));
}

#[test]
fn a_prediction_of_another_type_or_outside_the_radius_does_not_match() {
    let g = gold("a", TAKEN, "Maaret al-Numan", Some(MAARET));
    assert!(matches(&g, &event("a", TAKEN, "m", Some(north(MAARET, 9.9)))));
    assert!(!matches(&g, &event("a", TAKEN, "m", Some(north(MAARET, 10.1)))));
    assert!(!matches(&g, &event("a", STRIKE, "m", Some(MAARET))));
    // A gold point needs a predicted point: the name alone does not do.
    assert!(!matches(&g, &event("a", TAKEN, "Maaret al-Numan", None)));
    let mut wide = g.clone();
    wide.radius_km = 60.0;
    assert!(matches(&wide, &event("a", TAKEN, "m", Some(north(MAARET, 50.0)))));
    // Several accepted types.
    let mut either = g;
    either.sub_event_type = vec![STRIKE.into(), TAKEN.into()];
    assert!(matches(&either, &event("a", STRIKE, "m", Some(MAARET))));
}

#[test]
fn without_a_gold_point_the_names_are_compared_folded_and_placed_in_syria() {
    let g = gold("a", TAKEN, "Ma’arrat al-Nu`man", None);
    // score.py makes ’, ` and - spaces.
    assert!(matches(&g, &event("a", TAKEN, "MA ARRAT AL NU MAN", None)));
    assert!(matches(&g, &event("a", TAKEN, "Ma'arrat  al-Nu'man", None)));
    assert!(!matches(&g, &event("a", TAKEN, "Maarrat  al-Nu'man", None)));
    assert!(!matches(&g, &event("a", TAKEN, "Maarrat al-Numan", None)));
    // The gazetteer's name counts as well as the mention.
    let mut by_location = event("a", TAKEN, "somewhere", Some(MAARET));
    by_location.location = "Ma arrat al Nu man".into();
    assert!(matches(&g, &by_location));
    // Placed abroad: no.
    let abroad = event("a", TAKEN, "Ma'arrat al-Nu man", Some((48.85, 2.35)));
    assert!(!matches(&g, &abroad));
    assert_eq!(fold("Ma’arrat al-Nu`man"), "ma arrat al nu man");
    assert_eq!(fold("Kafr  Bessin "), "kafr bessin");
    assert_eq!(fold("Jisr al-Shughur"), fold("jisr al shughur"));
    assert_eq!(fold("Saraqeb"), "saraqeb");
}

#[test]
fn date_windows_must_overlap_and_date_accuracy_wants_them_within() {
    let mut g = gold("a", TAKEN, "Maaret al-Numan", Some(MAARET));
    g.date_start = day(24);
    g.date_end = day(28);
    let within = event("a", TAKEN, "m", Some(MAARET));
    let mut overlapping = within.clone();
    overlapping.date_start = Some(day(20));
    overlapping.date_end = Some(day(25));
    overlapping.event_date = None;
    let mut before = within.clone();
    before.date_start = Some(day(20));
    before.date_end = Some(day(23));
    let mut undated = within.clone();
    undated.date_start = None;
    undated.date_end = None;
    undated.event_date = None;
    let mut day_only = within.clone();
    day_only.date_start = None;
    day_only.date_end = None;
    day_only.event_date = Some(day(26));
    assert!(matches(&g, &within));
    assert!(matches(&g, &overlapping));
    assert!(!matches(&g, &before));
    assert!(!matches(&g, &undated));
    assert!(matches(&g, &day_only));

    let g2 = {
        let mut g2 = g.clone();
        g2.location = "Kafr Basin".into();
        g2
    };
    let r = evaluate(&Gold::of(&[g, g2]), &[overlapping, within]);
    let c = &r.summary.counts;
    assert_eq!((c.found, c.date_ok), (2, 1));
    assert_eq!(r.summary.scores.date_accuracy, 0.5);
    assert_eq!(c.place_ok, 2);
    assert_eq!(r.summary.scores.place_accuracy, 1.0);
}

#[test]
fn actor1_accuracy_accepts_the_listed_ids_and_null_when_listed() {
    let mut g1 = gold("a", STRIKE, "Atarib", Some((36.139, 36.825)));
    g1.actor1_id = vec![Some("RUS".into())];
    let mut g2 = gold("a", STRIKE, "Darat Azza", Some((36.2825, 36.8522)));
    g2.actor1_id = vec![None, Some("RUS".into())];
    let mut g3 = gold("a", STRIKE, "Binnish", Some((35.9553, 36.7116)));
    g3.actor1_id = vec![Some("RUS".into())];
    let mut p1 = event("a", STRIKE, "Atarib", Some((36.139, 36.825)));
    p1.actor1_id = ActorId::parse("RUS");
    let mut p2 = event("a", STRIKE, "Darat Azza", Some((36.2825, 36.8522)));
    p2.actor1_id = None;
    let mut p3 = event("a", STRIKE, "Binnish", Some((35.9553, 36.7116)));
    p3.actor1_id = ActorId::parse("SYR_GOV");
    let r = evaluate(&Gold::of(&[g1, g2, g3]), &[p1, p2, p3]);
    assert_eq!(r.summary.counts.actor1_ok, 2);
    assert!((r.summary.scores.actor1_accuracy - 2.0 / 3.0).abs() < 1e-12);
    assert!(!r.articles["a"].found_events[2].actor1_ok);
}

fn grouped(location: &str, point: (f64, f64), toll: u32) -> GoldEvent {
    let mut g = gold("a", STRIKE, location, Some(point));
    g.fatalities_group = Some("atarib-darat-azza".into());
    g.group_fatalities = Some(toll);
    g
}

#[test]
fn fatality_accuracy_compares_the_summed_toll_of_a_group() {
    let atarib = (36.139, 36.825);
    let darat = (36.2825, 36.8522);
    let g = vec![grouped("Atarib", atarib, 12), grouped("Darat Azza", darat, 12)];
    let with = |a: u32, b: u32| {
        let mut p1 = event("a", STRIKE, "Atarib", Some(atarib));
        p1.fatalities = a;
        let mut p2 = event("a", STRIKE, "Darat Azza", Some(darat));
        p2.fatalities = b;
        vec![p1, p2]
    };
    let right = evaluate(&Gold::of(&g), &with(5, 7));
    assert_eq!(right.summary.counts.fatality_groups, 1);
    assert_eq!(right.summary.counts.fatality_groups_ok, 1);
    assert_eq!(right.summary.scores.fatality_accuracy, 1.0);
    let detail = &right.articles["a"].fatality_groups_detail[0];
    assert_eq!((detail.predicted, detail.expected), (12, Some(12)));
    assert_eq!((detail.found_events, detail.gold_events), (2, 2));

    // Each event given the whole toll counts it twice.
    let doubled = evaluate(&Gold::of(&g), &with(12, 12));
    assert_eq!(doubled.summary.counts.fatality_groups_ok, 0);
    assert_eq!(doubled.summary.scores.fatality_accuracy, 0.0);

    // Only one event found, carrying the whole toll: right.
    let one = evaluate(&Gold::of(&g), &with(12, 0)[..1]);
    assert_eq!(one.summary.counts.fatality_groups_ok, 1);

    // No event of the group found: the group is not judged.
    let none = evaluate(&Gold::of(&g), &[]);
    assert_eq!(none.summary.counts.fatality_groups, 0);
    assert_eq!(none.summary.scores.fatality_accuracy, 0.0);
}

#[test]
fn predictions_of_articles_without_gold_are_not_scored() {
    let g = vec![gold("a", TAKEN, "Maaret al-Numan", Some(MAARET))];
    let p =
        vec![event("a", TAKEN, "Maaret al-Numan", Some(MAARET)), event("z", TAKEN, "Maaret al-Numan", Some(MAARET))];
    let r = evaluate(&Gold::of(&g), &p);
    assert_eq!(r.summary.counts.fp, 0);
    assert_eq!(r.summary.unscored_predictions, 1);
    assert!(!r.articles.contains_key("z"));
}

#[test]
fn report_as_text_and_json() {
    let g = vec![gold("a", TAKEN, "Maaret al-Numan", Some(MAARET)), gold("a", TAKEN, "Maar Shamsha", None)];
    let p = vec![event("a", TAKEN, "Maaret al-Numan", Some(MAARET)), event("a", STRIKE, "Idlib", Some((35.93, 36.63)))];
    let r = evaluate(&Gold::of(&g), &p);
    let text = r.to_text();
    assert!(text.contains("a: tp=1 fp=1 fn=1"), "{text}");
    assert!(text.contains("missed: Government regains territory @ Maar Shamsha"));
    assert!(text.contains("false alarm: Air/drone strike @ Idlib (2020-01-28..2020-01-28)"));
    assert!(text.contains("precision=0.500 recall=0.500 f1=0.500 actor1_accuracy=1.000"));
    assert!(text.contains("fatality accuracy:  n/a groups"));
    let json = serde_json::to_value(&r).expect("serialisable");
    assert_eq!(json["summary"]["precision"], 0.5);
    assert_eq!(json["summary"]["fn"], 1);
    assert_eq!(json["articles"]["a"]["tp"], 1);
    assert_eq!(json["articles"]["a"]["missed"][0]["location"], "Maar Shamsha");
    assert_eq!(json["articles"]["a"]["false_alarms"][0]["sub_event_type"], "Air/drone strike");
}

fn write(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("temp file");
    path
}

#[test]
fn gold_files_are_read_from_a_folder_in_name_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let line = |article: &str, location: &str| {
        format!(
            r#"{{"article": "{article}", "sub_event_type": ["{TAKEN}", "{STRIKE}"], "location": "{location}", "lat": null, "lon": null, "date_start": "2020-01-24", "date_end": "2020-01-28", "actor1_id": [null, "SYR_GOV"], "required": false, "note": "n"}}"#
        )
    };
    write(dir.path(), "b.jsonl", &format!("{}\n\n", line("b", "B1")));
    write(dir.path(), "a.jsonl", &format!("{}\n{}\n", line("a", "A1"), line("a", "A2")));
    write(dir.path(), "notes.md", "not gold");
    write(dir.path(), ".hidden.jsonl", "not json");
    let gold = load_gold(dir.path()).expect("gold");
    let names: Vec<&str> = gold.events.iter().map(|g| g.location.as_str()).collect();
    assert_eq!(names, ["A1", "A2", "B1"]);
    assert_eq!(gold.events[0].radius_km, 10.0);
    assert_eq!(gold.events[0].sub_event_type.len(), 2);
    assert_eq!(gold.events[0].actor1_id, [None, Some("SYR_GOV".to_owned())]);
    // One file alone.
    let one = load_gold(&dir.path().join("b.jsonl")).expect("gold");
    assert_eq!(one.events.len(), 1);
    // The shared gold reads.
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/gold");
    assert!(load_gold(&shared).expect("shared gold").len() >= 50);
}

#[test]
fn gold_errors_name_the_file_and_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = r#"{"article": "a", "sub_event_type": "Attack", "location": "X", "lat": 35.0, "lon": 36.0, "radius_km": 5, "date_start": "2020-01-24", "date_end": "2020-01-28", "actor1_id": ["CIV"], "required": true}"#;
    let cases = [
        ("{not json", "line 3"),
        (&good.replace("2020-01-24", "24/01/2020"), "invalid date"),
        (&good.replace("\"lon\": 36.0", "\"lon\": null"), "lat and lon"),
        (&good.replace(", \"required\": true", ""), "missing field `required`"),
    ];
    for (bad, expected) in cases {
        let path = write(dir.path(), "g.jsonl", &format!("{good}\n\n{bad}\n"));
        let error = load_gold(&path).expect_err("bad gold");
        let message = error.to_string();
        assert!(matches!(error, EvalError::Line { line: 3, .. }), "{message}");
        assert!(message.contains("g.jsonl, line 3"), "{message}");
        assert!(message.contains(expected), "{message}");
    }
    let missing = load_gold(&dir.path().join("nope.jsonl")).expect_err("missing file");
    assert!(missing.to_string().contains("nope.jsonl"));
    let empty = tempfile::tempdir().expect("temp dir");
    assert!(matches!(load_gold(empty.path()), Err(EvalError::NoGoldFiles { .. })));
}

#[test]
fn predictions_are_read_as_frontline_prints_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let e = event("a", TAKEN, "Maaret al-Numan", Some(MAARET));
    let line = serde_json::to_string(&e).expect("serialisable");
    let path = write(dir.path(), "p.jsonl", &format!("{line}\n\n{line}\n"));
    let events = crate::load_predictions(&path).expect("predictions");
    assert_eq!(events, vec![e.clone(), e]);
    let bad = write(dir.path(), "q.jsonl", &format!("{line}\n{{\"event_id\": 1}}\n"));
    let message = crate::load_predictions(&bad).expect_err("bad line").to_string();
    assert!(message.contains("q.jsonl, line 2"), "{message}");
}

/// The repository's annotated corpus.
fn repository_corpus() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

#[test]
fn the_split_is_the_hash_of_the_id_about_seventy_thirty() {
    use crate::Split;
    assert_eq!(Split::of("en-2015-06-08-a"), Split::of("en-2015-06-08-a"));
    let dev = (0..1000).filter(|i| Split::of(&format!("report-{i}")) == Split::Dev).count();
    assert!((650..=750).contains(&dev), "{dev} of 1000 in dev");
}

#[test]
fn a_corpus_index_with_a_chosen_split_or_a_missing_gold_file_is_refused() {
    use crate::{Corpus, Split};
    let dir = tempfile::tempdir().expect("temp dir");
    let id = "fr-2020-01-28-x";
    let wrong = match Split::of(id) {
        Split::Dev => "test",
        Split::Test => "dev",
    };
    let line = |split: &str| {
        format!(
            r#"{{"id": "{id}", "file": "texts/{id}.txt", "language": "fr", "published": "2020-01-28", "source": "s", "url": "u", "split": "{split}"}}"#
        )
    };
    write(dir.path(), "articles.jsonl", &format!("{}\n", line(wrong)));
    let error = Corpus::load(dir.path()).expect_err("a split that is not the hash's");
    assert!(error.to_string().contains("articles.jsonl, line 1"), "{error}");
    write(dir.path(), "articles.jsonl", &format!("{}\n", line(Split::of(id).as_str())));
    let corpus = Corpus::load(dir.path()).expect("a valid index");
    let all = corpus.select(None);
    assert!(matches!(corpus.gold(&all), Err(EvalError::MissingGold { .. })));
    std::fs::create_dir_all(dir.path().join("gold")).expect("gold dir");
    write(&dir.path().join("gold"), &format!("{id}.jsonl"), "");
    let gold = corpus.gold(&all).expect("an empty gold file is a report with no event");
    assert!(gold.articles.contains(id) && gold.events.is_empty());
}

#[test]
fn the_corpus_has_its_reports_languages_types_and_quiet_reports() {
    use crate::Corpus;
    let corpus = Corpus::load(&repository_corpus()).expect("corpus/articles.jsonl");
    let all = corpus.select(None);
    assert!(all.len() >= 300, "{} reports", all.len());
    for language in ["ar", "fr", "en"] {
        let n = all.iter().filter(|a| a.language == language).count();
        assert!(n >= 80, "{n} reports in {language}");
    }
    for article in &all {
        assert!(corpus.text_path(article).is_file(), "{}: no text", article.id);
        assert!(article.url.starts_with("http"), "{}: no url", article.id);
    }
    let gold = corpus.gold(&all).expect("every report has its gold");
    let quiet = all.iter().filter(|a| !gold.events.iter().any(|g| g.article == a.id)).count();
    assert!(quiet >= 20, "{quiet} reports with no event");
    for sub_event_type in frontline_core::SubEventType::ALL {
        if sub_event_type == frontline_core::SubEventType::Other {
            continue;
        }
        let name = sub_event_type.as_str();
        let reports: std::collections::BTreeSet<&str> = gold
            .events
            .iter()
            .filter(|g| g.required && g.sub_event_type.iter().any(|t| t == name))
            .map(|g| g.article.as_str())
            .collect();
        assert!(reports.len() >= 10, "{name}: {} reports", reports.len());
    }
}
