//! frontline-eval against shared/tools/score.py itself: the same files scored by both must
//! give the same counts, precision, recall, F1 and actor1 accuracy.

use std::path::{Path, PathBuf};
use std::process::Command;

use frontline_core::Event;
use serde_json::{json, Value};

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// ../shared beside the repository; the test fails loudly without it.
fn shared() -> PathBuf {
    let path = manifest_dir().join("../../../shared");
    assert!(
        path.join("tools/score.py").is_file(),
        "these tests need ../shared (with tools/score.py) beside the repository"
    );
    path
}

/// `python3 score.py PRED GOLD --json`.
fn score_py(pred: &Path, gold: &Path) -> Value {
    let output = Command::new("python3")
        .arg(shared().join("tools/score.py"))
        .arg(pred)
        .arg(gold)
        .arg("--json")
        .output()
        .expect("python3 runs (these tests need it)");
    assert!(output.status.success(), "score.py failed: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("score.py prints JSON")
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Compares frontline-eval's report on the files with score.py's.
fn assert_same_as_score_py(pred: &Path, gold: &Path) -> frontline_eval::Report {
    let expected = score_py(pred, gold);
    let report = frontline_eval::evaluate(
        &frontline_eval::load_gold(gold).expect("gold"),
        &frontline_eval::load_predictions(pred).expect("predictions"),
    );
    let ours = serde_json::to_value(&report).expect("serialisable");
    let summary = &expected["summary"];
    for key in ["tp", "fp", "fn"] {
        assert_eq!(ours["summary"][key], summary[key], "summary {key}");
    }
    for key in ["precision", "recall", "f1", "actor1_accuracy"] {
        let ours = round3(ours["summary"][key].as_f64().expect("a number"));
        let theirs = summary[key].as_f64().expect("a number");
        assert!((ours - theirs).abs() < 1e-9, "{key}: {ours} vs {theirs}");
    }
    let articles = expected["articles"].as_object().expect("articles");
    assert_eq!(articles.len(), report.articles.len());
    for (id, theirs) in articles {
        let mine = &ours["articles"][id];
        for key in ["tp", "fp", "fn", "predicted"] {
            assert_eq!(mine[key], theirs[key], "{id} {key}");
        }
        let misses: Vec<&str> = mine["missed"]
            .as_array()
            .expect("list")
            .iter()
            .map(|m| m["location"].as_str().expect("a location"))
            .collect();
        let their_misses: Vec<&str> = theirs["missed"]
            .as_array()
            .expect("list")
            .iter()
            .map(|m| {
                let m = m.as_str().expect("a string");
                m.rsplit_once(" @ ").map_or(m, |(_, place)| place)
            })
            .collect();
        assert_eq!(misses, their_misses, "{id} missed");
        let alarms: Vec<Value> = mine["false_alarms"]
            .as_array()
            .expect("list")
            .iter()
            .map(|f| json!([f["sub_event_type"], f["place"], f["event_date"]]))
            .collect();
        assert_eq!(&Value::Array(alarms), &theirs["false_alarms"], "{id} false alarms");
    }
    report
}

#[test]
fn the_fixture_scores_as_score_py_scores_it() {
    let fixtures = manifest_dir().join("tests/fixtures");
    let report = assert_same_as_score_py(&fixtures.join("predictions.jsonl"), &fixtures.join("gold"));
    // The figures score.py does not give, checked by hand on the fixture.
    let c = &report.summary.counts;
    // p15 is for an article whose gold file is empty: a false alarm.
    assert_eq!((c.tp, c.fp, c.fn_), (7, 5, 1));
    assert_eq!(report.articles["quiet"].counts.fp, 1);
    assert_eq!((c.found, c.optional_found), (9, 2));
    assert_eq!(c.actor1_ok, 8);
    assert_eq!(c.place_ok, 9);
    // p2 (27..28 against the twin's 28), p5 (26..27 against 27..28) and p13 (29..30
    // against 28..29) overflow their gold windows.
    assert_eq!(c.date_ok, 6);
    assert_eq!((c.fatality_groups, c.fatality_groups_ok), (1, 1));
    assert_eq!(report.summary.unscored_predictions, 1);
}

/// A small deterministic generator (SplitMix64) for the randomised fixture.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// Uniform in [-1, 1].
    fn signed(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 52) as f64 - 1.0
    }
}

const TYPES: [&str; 6] = [
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Displacement",
    "Armed clash",
];
const ACTORS: [Option<&str>; 6] = [Some("SYR_GOV"), Some("RUS"), Some("HTS"), Some("OPP"), Some("TUR"), None];

/// A spelling of a gold name that score.py's folding may or may not equate with it.
fn respell(rng: &mut Rng, name: &str) -> String {
    match rng.below(7) {
        0 => name.to_uppercase(),
        1 => name.replace('-', " "),
        2 => name.replace('-', "’"),
        3 => format!("  {} ", name.replace(' ', "  ")),
        4 => name.replace('a', "á"),
        5 => format!("{name}e"),
        _ => name.to_owned(),
    }
}

fn shifted(date: &str, days: i64) -> String {
    let d = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("gold date");
    (d + chrono::Duration::days(days)).to_string()
}

/// Predictions made by perturbing the shared gold: type, place, point, window and actor
/// each sometimes wrong, some duplicated, some for articles without gold.
fn perturbed_predictions(gold: &[Value], rng: &mut Rng) -> Vec<Event> {
    let mut out = Vec::new();
    for n in 0..600 {
        let g = &gold[rng.below(gold.len() as u64) as usize];
        let sub = match &g["sub_event_type"] {
            Value::Array(types) if rng.chance(80) => types[0].clone(),
            Value::String(t) if rng.chance(80) => json!(t),
            _ => json!(TYPES[rng.below(TYPES.len() as u64) as usize]),
        };
        let name = g["location"].as_str().expect("a location");
        let mention = respell(rng, name);
        let (lat, lon) = match (g["lat"].as_f64(), g["lon"].as_f64()) {
            (Some(lat), Some(lon)) if rng.chance(85) => {
                // Up to about 0.25 degrees away: some inside the radius, some not.
                (Some(lat + rng.signed() * 0.25), Some(lon + rng.signed() * 0.25))
            }
            _ if rng.chance(30) => (None, None),
            // In Syria, or abroad.
            _ if rng.chance(80) => (Some(35.5), Some(36.6)),
            _ => (Some(41.0), Some(29.0)),
        };
        let start = g["date_start"].as_str().expect("a date");
        let end = g["date_end"].as_str().expect("a date");
        let (date_start, date_end, event_date) = match rng.below(6) {
            0 => (None, None, None),
            1 => (None, None, Some(shifted(end, rng.below(3) as i64 - 1))),
            2 => (Some(shifted(start, -(rng.below(4) as i64))), Some(shifted(start, -(rng.below(2) as i64))), None),
            3 => (Some(shifted(end, rng.below(3) as i64)), Some(shifted(end, 2 + rng.below(3) as i64)), None),
            _ => (Some(start.to_owned()), Some(end.to_owned()), Some(end.to_owned())),
        };
        let actor = ACTORS[rng.below(ACTORS.len() as u64) as usize];
        let article = if rng.chance(5) {
            "no-gold-article".to_owned()
        } else {
            g["article"].as_str().expect("an article").to_owned()
        };
        let event = json!({
            "event_id": format!("r{n}"), "event_date": event_date, "date_start": date_start,
            "date_end": date_end, "time_precision": 1, "event_type": "Battles",
            "sub_event_type": sub, "actor1_id": actor, "location": if rng.chance(20) { name.to_owned() } else { String::from("elsewhere") },
            "mention": mention, "latitude": lat, "longitude": lon, "geo_precision": 1,
            "country": "Syria", "iso": 760, "fatalities": rng.below(20), "article_id": article,
            "language": "fr", "evidence": "", "evidence_start": 0, "evidence_end": 0,
            "confidence": 0.5, "trigger": ""
        });
        // Unknown types drawn above are all frontline's, so every line is an Event.
        out.push(serde_json::from_value(event).expect("a valid event"));
    }
    out
}

#[test]
fn randomised_predictions_on_the_shared_gold_score_as_score_py_scores_them() {
    let gold_dir = shared().join("gold");
    let mut gold_lines = Vec::new();
    for entry in std::fs::read_dir(&gold_dir).expect("shared gold") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "jsonl") {
            let text = std::fs::read_to_string(&path).expect("gold file");
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                gold_lines.push(serde_json::from_str::<Value>(line).expect("gold JSON"));
            }
        }
    }
    let dir = tempfile::tempdir().expect("temp dir");
    for seed in [1u64, 2, 3] {
        let mut rng = Rng(seed);
        let events = perturbed_predictions(&gold_lines, &mut rng);
        let pred = dir.path().join(format!("pred-{seed}.jsonl"));
        let text: String = events.iter().map(|e| serde_json::to_string(e).expect("serialisable") + "\n").collect();
        std::fs::write(&pred, text).expect("temp file");
        let report = assert_same_as_score_py(&pred, &gold_dir);
        // The fixture must exercise both outcomes.
        let c = &report.summary.counts;
        assert!(c.tp > 10 && c.fp > 100 && c.fn_ > 0, "{c:?}");
    }
}

#[test]
fn names_fold_as_score_py_folds_them() {
    // Hand-picked names, then random strings from a pool of troublesome characters.
    let mut names: Vec<String> = [
        "Maaret al-Numan",
        "Ma’arrat al-Nu`man",
        "Maʿarrat an-Nuʿmān",
        "  Kafr   Bessin\t",
        "Œuvre ŒUF straße",
        "Ḥalab / حلب",
        "ﬁne ½ ² Ａｌｅｐｐｏ",
        "a\u{a0}b\u{2003}c\u{1c}d\u{85}e",
        "İdlib ı",
        "rural Idlib (south and east)",
        "",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let pool: Vec<char> =
        "أإآٱةىـَُّ٣aZé É-'`’ʿʾ\t\n\u{a0}\u{2009}\u{1f}ıİßœŒ½ﬁＡ²حلب().,ǅǈñÑ\u{301}\u{3000}ー".chars().collect();
    let mut rng = Rng(7);
    for _ in 0..2000 {
        let len = rng.below(12) as usize;
        names.push((0..len).map(|_| pool[rng.below(pool.len() as u64) as usize]).collect());
    }
    let script = "import json, sys\n\
                  sys.path.insert(0, sys.argv[1])\n\
                  from score import fold\n\
                  print(json.dumps([fold(s) for s in json.load(sys.stdin)]))";
    let mut child = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(shared().join("tools"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs (these tests need it)");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        serde_json::to_writer(&mut stdin, &names).expect("names written");
        stdin.flush().expect("flushed");
    }
    let output = child.wait_with_output().expect("python3 ends");
    assert!(output.status.success());
    let theirs: Vec<String> = serde_json::from_slice(&output.stdout).expect("JSON list");
    assert_eq!(theirs.len(), names.len());
    for (name, folded) in names.iter().zip(&theirs) {
        assert_eq!(&frontline_eval::fold(name), folded, "fold({name:?})");
    }
}
