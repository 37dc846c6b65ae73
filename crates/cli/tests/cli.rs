//! The `frontline` binary as a user runs it: real files, a real SQLite store, the shared
//! corpus scored by the shared scorer.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn frontline(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_frontline"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("the frontline binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// ../shared beside the repository; tests that need it fail loudly without it.
fn shared() -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    assert!(
        path.join("corpus").is_dir() && path.join("gold").is_dir(),
        "../shared (corpus, gold, tools) must lie beside the repository: {}",
        path.display()
    );
    path
}

/// The shared scorer's JSON report on a file of predicted events.
fn shared_score(predictions: &Path) -> serde_json::Value {
    let shared = shared();
    let score = Command::new("python3")
        .arg(shared.join("tools/score.py"))
        .arg(predictions)
        .arg(shared.join("gold"))
        .arg("--json")
        .output()
        .expect("python3 runs the scorer");
    assert!(score.status.success(), "{}", stderr(&score));
    serde_json::from_slice(&score.stdout).expect("scorer prints JSON")
}

fn jsonl(text: &str) -> Vec<serde_json::Value> {
    text.lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

#[test]
fn corpus_scores_above_the_bar_with_the_shared_scorer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("corpus.db");
    let shared = shared();
    let ingest = frontline(&db, &["ingest", shared.join("corpus").to_str().expect("utf-8 path")]);
    assert!(ingest.status.success(), "{}", stderr(&ingest));
    let events = frontline(&db, &["events", "--format", "jsonl"]);
    assert!(events.status.success());
    let predictions = dir.path().join("events.jsonl");
    std::fs::write(&predictions, &events.stdout).expect("write events");
    let report = shared_score(&predictions);
    let f1 = report["summary"]["f1"].as_f64().expect("f1");
    let actor = report["summary"]["actor1_accuracy"].as_f64().expect("actor accuracy");
    // The three development reports are the smoke test: every event found, none false, each
    // with its actor (one event lost or added among 43 falls below 0.99).
    assert!(f1 >= 0.99, "F1 {f1} below 0.99: {}", report["articles"]);
    assert!(actor >= 0.99, "actor1 accuracy {actor} below 0.99");
}

#[test]
fn every_event_follows_the_schema() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("schema.db");
    let corpus = shared().join("corpus");
    assert!(frontline(&db, &["ingest", corpus.to_str().expect("utf-8 path")]).status.success());
    let events = jsonl(&stdout(&frontline(&db, &["events", "--format", "jsonl"])));
    assert!(events.len() > 20, "too few events: {}", events.len());
    let required = [
        "event_id",
        "event_date",
        "date_start",
        "date_end",
        "time_precision",
        "event_type",
        "sub_event_type",
        "actor1",
        "actor2",
        "actor1_id",
        "actor2_id",
        "assoc_actor_1",
        "assoc_actor_2",
        "location",
        "mention",
        "geonameid",
        "latitude",
        "longitude",
        "geo_precision",
        "admin1",
        "country",
        "iso",
        "fatalities",
        "civilian_fatalities",
        "child_fatalities",
        "injuries",
        "control",
        "article_id",
        "language",
        "evidence",
        "evidence_start",
        "evidence_end",
        "confidence",
    ];
    for event in &events {
        for field in required {
            assert!(event.get(field).is_some(), "{field} missing in {event}");
        }
        let text = std::fs::read_to_string(corpus.join(format!("{}.txt", event["article_id"].as_str().expect("id"))))
            .or_else(|_| {
                std::fs::read_to_string(
                    corpus.join("unlabeled").join(format!("{}.txt", event["article_id"].as_str().expect("id"))),
                )
            })
            .expect("the article's file");
        let (start, end) = (
            event["evidence_start"].as_u64().expect("start") as usize,
            event["evidence_end"].as_u64().expect("end") as usize,
        );
        assert_eq!(text.get(start..end), event["evidence"].as_str(), "offsets of {}", event["event_id"]);
        let confidence = event["confidence"].as_f64().expect("confidence");
        assert!((0.0..=1.0).contains(&confidence));
        assert!([1, 2, 3].contains(&event["geo_precision"].as_u64().expect("geo precision")));
    }
}

#[test]
fn ingesting_twice_stores_once_and_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("twice.db");
    let file = dir.path().join("report.txt");
    std::fs::write(&file, "Syrian government forces recaptured the town of Kafranbel on Monday, a monitor said.\n")
        .expect("write");
    let path = file.to_str().expect("utf-8 path");
    let first = frontline(&db, &["ingest", path, "--published", "2023-03-14", "--language", "en"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let second = frontline(&db, &["ingest", path, "--published", "2023-03-14", "--language", "en"]);
    assert!(second.status.success());
    assert!(stderr(&second).contains("1 skipped as duplicates"), "{}", stderr(&second));
    let articles = stdout(&frontline(&db, &["articles"]));
    assert!(articles.contains("1 articles"), "{articles}");
    let events = jsonl(&stdout(&frontline(&db, &["events", "--format", "jsonl"])));
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["sub_event_type"], "Government regains territory");
    assert_eq!(events[0]["event_date"], "2023-03-13");
}

#[test]
fn bad_inputs_are_rejected_by_name_and_the_rest_is_stored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("bad.db");
    let inputs = dir.path().join("inputs");
    std::fs::create_dir(&inputs).expect("mkdir");
    std::fs::write(
        inputs.join("good.txt"),
        "Rebel factions took control of the village of Sarmin on Friday, the Observatory said.\n",
    )
    .expect("write");
    std::fs::write(inputs.join("binary.txt"), [0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0, 7, 8]).expect("write");
    std::fs::write(inputs.join("empty.txt"), "").expect("write");
    std::fs::write(
        inputs.join("feed.jsonl"),
        "{\"id\": \"ok-1\", \"text\": \"Government forces seized the town of Ariha on Tuesday.\", \"language\": \"en\", \"published\": \"2023-03-15\"}\n{\"id\": \"broken\", \"text\": \n",
    )
    .expect("write");
    let missing = dir.path().join("no-such-file.txt");
    let output = frontline(
        &db,
        &["ingest", inputs.to_str().expect("path"), missing.to_str().expect("path"), "--published", "2023-03-15"],
    );
    let err = stderr(&output);
    assert!(!output.status.success(), "rejections make the exit status non-zero");
    assert!(err.contains("binary.txt") && err.contains("binary"), "{err}");
    assert!(err.contains("empty.txt") && err.contains("empty"), "{err}");
    assert!(err.contains("feed.jsonl:2"), "the malformed line is named: {err}");
    assert!(err.contains("no-such-file.txt"), "{err}");
    assert!(err.contains("2 stored") && err.contains("4 rejected"), "{err}");
    let articles = stdout(&frontline(&db, &["articles", "--format", "jsonl"]));
    let ids: Vec<String> = jsonl(&articles).iter().map(|a| a["id"].as_str().expect("id").to_string()).collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert!(ids.iter().any(|id| id.starts_with("good-")) && ids.contains(&"ok-1".to_string()), "{ids:?}");
}

#[test]
fn event_formats_and_filters() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("formats.db");
    let demo = frontline(&db, &["demo"]);
    assert!(demo.status.success(), "{}", stderr(&demo));
    assert!(stdout(&demo).contains("Kafranbel"), "{}", stdout(&demo));

    let csv = stdout(&frontline(&db, &["events", "--format", "csv"]));
    let header = csv.lines().next().expect("a header");
    assert!(header.starts_with("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp,"), "{header}");

    let geojson: serde_json::Value =
        serde_json::from_str(&stdout(&frontline(&db, &["events", "--format", "geojson"]))).expect("geojson parses");
    assert_eq!(geojson["type"], "FeatureCollection");
    let first = &geojson["features"][0];
    assert_eq!(first["type"], "Feature");
    let lon = first["geometry"]["coordinates"][0].as_f64().expect("lon");
    assert!((35.0..43.0).contains(&lon), "longitude first, as RFC 7946 says: {lon}");

    let strikes = jsonl(&stdout(&frontline(&db, &["events", "--format", "jsonl", "--type", "Air/drone strike"])));
    assert!(!strikes.is_empty());
    assert!(strikes.iter().all(|e| e["sub_event_type"] == "Air/drone strike"));
    let russian = jsonl(&stdout(&frontline(&db, &["events", "--format", "jsonl", "--actor", "RUS"])));
    assert!(!russian.is_empty() && russian.iter().all(|e| e["actor1_id"] == "RUS" || e["actor2_id"] == "RUS"));
    let march = jsonl(&stdout(&frontline(
        &db,
        &["events", "--format", "jsonl", "--since", "2023-03-01", "--until", "2023-03-31"],
    )));
    assert!(!march.is_empty() && march.iter().all(|e| e["date_start"].as_str().is_some_and(|d| d <= "2023-03-31")));
    let ariha = jsonl(&stdout(&frontline(&db, &["events", "--format", "jsonl", "--place", "Ari"])));
    assert!(!ariha.is_empty() && ariha.iter().all(|e| format!("{}{}", e["location"], e["mention"]).contains("Ari")));
    let one = jsonl(&stdout(&frontline(&db, &["events", "--format", "jsonl", "--article", "sample-jisr-en"])));
    assert!(!one.is_empty() && one.iter().all(|e| e["article_id"] == "sample-jisr-en"));
}

#[test]
fn help_teaches_by_example() {
    for command in
        ["ingest", "events", "articles", "explain", "demo", "export", "control", "history", "serve", "gazetteer"]
    {
        let output = Command::new(env!("CARGO_BIN_EXE_frontline")).args([command, "--help"]).output().expect("runs");
        assert!(output.status.success());
        assert!(stdout(&output).contains("Example"), "{command} --help has no example");
    }
}

#[test]
fn explain_shows_each_sentence_and_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("report.txt");
    std::fs::write(
        &file,
        "Front news\nRussian warplanes struck the town of Ariha on Monday, killing three civilians.\nThe offensive would bring the army closer to taking Idlib.\n",
    )
    .expect("write");
    let output = frontline(
        &dir.path().join("x.db"),
        &["explain", file.to_str().expect("path"), "--published", "2023-03-15", "--language", "en"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("Heading"), "{text}");
    assert!(text.contains("Air/drone strike at"), "{text}");
    assert!(text.contains("hypothetical"), "{text}");
}

fn ingest_files(db: &Path, files: &[PathBuf]) {
    for file in files {
        let output = frontline(db, &["ingest", file.to_str().expect("utf-8 path")]);
        assert!(output.status.success(), "{}", stderr(&output));
    }
}

#[test]
fn two_languages_merge_into_one_set_and_control_follows() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = shared().join("corpus");
    let files: Vec<PathBuf> =
        ["maaret-al-numan-2020-en.txt", "maaret-al-numan-2020-fr.txt", "khan-al-assal-2024-fr.txt"]
            .iter()
            .map(|f| corpus.join(f))
            .collect();
    let db = dir.path().join("merge.db");
    ingest_files(&db, &files);

    let english =
        jsonl(&stdout(&frontline(&db, &["events", "--format", "jsonl", "--article", "maaret-al-numan-2020-en"])));
    let french =
        jsonl(&stdout(&frontline(&db, &["events", "--format", "jsonl", "--article", "maaret-al-numan-2020-fr"])));
    let merged =
        jsonl(&stdout(&frontline(&db, &["export", "--format", "jsonl", "--article", "maaret-al-numan-2020-en"])));
    assert_eq!(merged.len(), english.len(), "as many merged events as one language gives");
    // What both reports tell (same type, same place) is one merged event citing both; the
    // trained model may keep an event in one language only, which then cites that one.
    let in_french = |e: &serde_json::Value| {
        french.iter().any(|f| f["sub_event_type"] == e["sub_event_type"] && f["location"] == e["location"])
    };
    let told_by_both: Vec<&serde_json::Value> = merged.iter().filter(|e| in_french(e)).collect();
    assert!(told_by_both.len() * 10 >= merged.len() * 8, "{} of {} told by both", told_by_both.len(), merged.len());
    for event in told_by_both {
        let articles: Vec<&str> = event["sources"]
            .as_array()
            .expect("sources")
            .iter()
            .map(|s| s["article_id"].as_str().expect("id"))
            .collect();
        assert!(
            articles.contains(&"maaret-al-numan-2020-en") && articles.contains(&"maaret-al-numan-2020-fr"),
            "{} cites {articles:?}",
            event["mention"]
        );
    }

    let january = stdout(&frontline(&db, &["control", "--at", "2020-01-29", "--format", "csv"]));
    let maaret =
        january.lines().find(|l| l.starts_with("Maaret al-Numan,")).expect("Maaret al-Numan in the control table");
    assert!(maaret.contains(",SYR_GOV,false,SYR_GOV,partial,"), "{maaret}");
    let november = stdout(&frontline(&db, &["control", "--at", "2024-11-29", "--format", "csv"]));
    let khan = november.lines().find(|l| l.starts_with("Khan al-Assal,")).expect("Khan al-Assal in the control table");
    assert!(khan.contains(",OPP,false,OPP,"), "{khan}");
    let history = stdout(&frontline(&db, &["history", "Maarat al-Nouman"]));
    assert!(history.contains("SYR_GOV") && history.contains("2020-01-28"), "{history}");

    // Another arrival order gives the same merged export, byte for byte.
    let reversed = dir.path().join("reversed.db");
    let mut backwards = files.clone();
    backwards.reverse();
    ingest_files(&reversed, &backwards);
    let export = |db: &Path| stdout(&frontline(db, &["export", "--format", "jsonl"]));
    assert_eq!(export(&db), export(&reversed));
}

/// Runs frontline with its data and cache folders in `home`, so tests import nothing into
/// the user's own.
fn frontline_in(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_frontline"))
        .env("FRONTLINE_DATA_DIR", home.join("data"))
        .env("FRONTLINE_CACHE_DIR", home.join("cache"))
        .args(args)
        .output()
        .expect("the frontline binary runs")
}

/// Serves one HTTP response on loopback, from a thread; returns the base URL.
fn serve_once(body: Vec<u8>) -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let address = listener.local_addr().expect("address");
    std::thread::spawn(move || {
        if let Ok((mut stream, _)) = listener.accept() {
            let mut request = [0u8; 4096];
            let _ = stream.read(&mut request);
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/zip\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    format!("http://{address}/dump")
}

/// A GeoNames country file of our own making, zipped as GeoNames publishes it.
fn zipped_country_file() -> Vec<u8> {
    use std::io::Write;
    let rows = "900101\tTall Zurayqat\tTall Zurayqat\tTell Zreiqat\t35.61\t36.56\tP\tPPL\tSY\t\t12\t\t\t\t0\t\t\tAsia/Damascus\t2020-01-01\n";
    let mut archive = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    archive.start_file("SY.txt", options).expect("zip entry");
    archive.write_all(rows.as_bytes()).expect("zip write");
    archive.finish().expect("zip finish").into_inner()
}

#[test]
fn gazetteer_fetch_add_and_resolve() {
    let home = tempfile::tempdir().expect("temp dir");
    let before = frontline_in(home.path(), &["gazetteer", "resolve", "Tal Zuraykat"]);
    assert!(!before.status.success(), "an invented village is not built in");

    let url = serve_once(zipped_country_file());
    let fetch = frontline_in(home.path(), &["gazetteer", "fetch", "SY", "--url", &url]);
    assert!(fetch.status.success(), "{}", stderr(&fetch));
    let after = frontline_in(home.path(), &["gazetteer", "resolve", "Tal Zuraykat"]);
    assert!(after.status.success(), "{}", stdout(&after));
    assert!(stdout(&after).contains("900101"), "{}", stdout(&after));

    let bad = home.path().join("bad.txt");
    std::fs::write(&bad, "900102\tNowhere\n").expect("write");
    let add = frontline_in(home.path(), &["gazetteer", "add", bad.to_str().expect("path")]);
    assert!(!add.status.success());
    assert!(stderr(&add).contains("bad.txt, line 1"), "{}", stderr(&add));

    let list = stdout(&frontline_in(home.path(), &["gazetteer", "list"]));
    assert!(list.contains("SY.txt") && list.contains("loaded from cache"), "{list}");
}

#[test]
fn villages_resolve_in_one_run_as_json_and_village_files_are_added_by_format() {
    let home = tempfile::tempdir().expect("temp dir");
    // Built in: a namesake in the governorate the text names wins over the larger town,
    // and an Arabic name resolves like an English one.
    let output = frontline_in(
        home.path(),
        &["gazetteer", "resolve", "--json", "Ras al-Ain", "كفر نبل", "Qarmudiya Sharqiya", "--admin1", "Idlib"],
    );
    let lines = jsonl(&stdout(&output));
    assert_eq!(lines.len(), 3, "one object a name");
    assert!(!output.status.success(), "an unknown name fails the run");
    let ras = &lines[0];
    assert_eq!((ras["name"].as_str(), ras["admin1"].as_str()), (Some("Ras al-Ain"), Some("Idlib")));
    assert!(ras["pcode"].is_string() && ras["admin2"].is_string() && ras["why"].is_string(), "{ras}");
    assert_eq!(lines[1]["admin1"], "Idlib", "{}", lines[1]);
    assert!(lines[1]["latitude"].is_number());
    assert!(lines[2]["latitude"].is_null() && lines[2]["why"].is_string());

    let shared = shared().join("data");
    let files = [shared.join("ocha-syria/syr_communities.csv"), shared.join("syrian-archive/locations.json")];
    let add = frontline_in(
        home.path(),
        &["gazetteer", "add", files[0].to_str().expect("path"), files[1].to_str().expect("path")],
    );
    assert!(add.status.success(), "{}", stderr(&add));
    assert!(stderr(&add).contains("OchaCommunities") && stderr(&add).contains("SyrianArchive"), "{}", stderr(&add));
    let list = stdout(&frontline_in(home.path(), &["gazetteer", "list"]));
    assert!(list.contains("syr_communities.csv") && list.contains("locations.json"), "{list}");
}

#[test]
fn with_the_shared_geonames_rows_every_gold_event_is_found_and_placed() {
    let home = tempfile::tempdir().expect("temp dir");
    let shared = shared();
    let dump = shared.join("data/geonames/SY-cities500.txt");
    let db = home.path().join("gold.db");
    let db = db.to_str().expect("path");
    let ingest = frontline_in(
        home.path(),
        &[
            "--db",
            db,
            "ingest",
            shared.join("corpus").to_str().expect("path"),
            "--gazetteer",
            dump.to_str().expect("path"),
        ],
    );
    assert!(ingest.status.success(), "{}", stderr(&ingest));
    let events = frontline_in(home.path(), &["--db", db, "events", "--format", "jsonl"]);
    let predictions = home.path().join("events.jsonl");
    std::fs::write(&predictions, &events.stdout).expect("write events");
    let report = shared_score(&predictions);
    // A gold event is found only when placed within its radius, or, without a gold point,
    // when the mention is kept and placed inside Syria. The trained model keeps most of
    // what the rules read here, and nothing false.
    let recall = report["summary"]["recall"].as_f64().expect("recall");
    assert!(recall >= 0.9, "recall {recall}: {}", report["articles"]);
    assert_eq!(report["summary"]["fp"], 0, "{}", report["articles"]);
}

/// A JSON Lines feed of `count` short reports of our own making, each on its own town.
fn feed(path: &Path, count: usize) {
    let towns = ["Ariha", "Sarmin", "Binnish", "Saraqib", "Kafranbel", "Atarib"];
    let lines: Vec<String> = (0..count)
        .map(|i| {
            let text = format!(
                "Report {i}. Russian warplanes struck the town of {} on Monday, killing {} civilians, a monitor said.",
                towns[i % towns.len()],
                i % 7 + 1
            );
            serde_json::json!({"id": format!("feed-{i}"), "text": text, "language": "en", "published": "2023-03-15"})
                .to_string()
        })
        .collect();
    std::fs::write(path, lines.join("\n") + "\n").expect("write feed");
}

fn stored_articles(db: &Path) -> usize {
    jsonl(&stdout(&frontline(db, &["articles", "--format", "jsonl"]))).len()
}

#[test]
fn killed_mid_ingest_the_store_opens_and_a_rerun_completes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("feed.jsonl");
    feed(&input, 400);
    let db = dir.path().join("killed.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .arg("--db")
        .arg(&db)
        .arg("ingest")
        .arg(&input)
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn ingest");
    // Wait until some articles are committed, then kill without warning.
    let started = std::time::Instant::now();
    while stored_articles(&db) < 5 && started.elapsed() < std::time::Duration::from_secs(60) {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.kill().expect("kill -9");
    let _ = child.wait();
    let committed = stored_articles(&db);
    assert!(committed >= 5, "some articles were committed before the kill");
    // Nothing half-written: every stored article has its events.
    let events = jsonl(&stdout(&frontline(&db, &["events", "--format", "jsonl"])));
    let with_events: std::collections::BTreeSet<&str> =
        events.iter().filter_map(|e| e["article_id"].as_str()).collect();
    assert_eq!(with_events.len(), committed, "each committed article came with its events");
    let rerun = frontline(&db, &["ingest", input.to_str().expect("path")]);
    assert!(rerun.status.success(), "{}", stderr(&rerun));
    assert!(stderr(&rerun).contains(&format!("{committed} skipped as duplicates")), "{}", stderr(&rerun));
    assert_eq!(stored_articles(&db), 400);
}

#[test]
fn two_ingests_at_once_both_complete_and_readers_still_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (first, second) = (dir.path().join("first.jsonl"), dir.path().join("second.jsonl"));
    feed(&first, 60);
    let text =
        std::fs::read_to_string(&first).expect("read").replace("feed-", "other-").replace("Report ", "Dispatch ");
    std::fs::write(&second, text).expect("write");
    let db = dir.path().join("shared.db");
    let spawn = |input: &Path| {
        Command::new(env!("CARGO_BIN_EXE_frontline")).arg("--db").arg(&db).arg("ingest").arg(input).output()
    };
    let (a, b) = std::thread::scope(|scope| {
        let a = scope.spawn(|| spawn(&first));
        let reader = scope.spawn(|| {
            // Reading needs a store: wait for the first article, then read while both write.
            let started = std::time::Instant::now();
            while stored_articles(&db) == 0 && started.elapsed() < std::time::Duration::from_secs(60) {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            (0..5).all(|_| {
                let read = frontline(&db, &["events", "--format", "jsonl"]);
                read.status.success() || panic!("{}", stderr(&read))
            })
        });
        let b = spawn(&second);
        assert!(reader.join().expect("reader thread"), "readers work while ingests write");
        (a.join().expect("ingest thread"), b)
    });
    let (a, b) = (a.expect("first ingest runs"), b.expect("second ingest runs"));
    assert!(a.status.success(), "{}", stderr(&a));
    assert!(b.status.success(), "{}", stderr(&b));
    assert_eq!(stored_articles(&db), 120);
}

#[test]
fn ingesting_the_corpus_twice_exports_the_same_bytes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = shared().join("corpus");
    let corpus = corpus.to_str().expect("path");
    let (once, twice) = (dir.path().join("once.db"), dir.path().join("twice.db"));
    assert!(frontline(&once, &["ingest", corpus]).status.success());
    assert!(frontline(&twice, &["ingest", corpus]).status.success());
    assert!(frontline(&twice, &["ingest", corpus]).status.success());
    for format in ["jsonl", "acled-csv", "geojson"] {
        let a = frontline(&once, &["export", "--format", format]).stdout;
        let b = frontline(&twice, &["export", "--format", format]).stdout;
        assert!(!a.is_empty());
        assert_eq!(a, b, "{format} export differs after a second ingest");
    }
}

#[test]
fn a_language_without_a_pack_is_stored_and_flagged_and_an_oversized_file_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("lang.db");
    let german = dir.path().join("bericht.txt");
    std::fs::write(&german, "Russische Kampfflugzeuge haben am Montag die Stadt Ariha bombardiert, wobei vier Zivilisten getötet wurden, teilte eine Beobachtungsstelle mit.\n").expect("write");
    let big = dir.path().join("huge.txt");
    std::fs::File::create(&big).and_then(|f| f.set_len(200 * 1024 * 1024)).expect("a 200 MB sparse file");
    let output = frontline(&db, &["ingest", german.to_str().expect("path"), big.to_str().expect("path")]);
    let err = stderr(&output);
    assert!(err.contains("bericht.txt") && err.contains("no language pack"), "{err}");
    assert!(err.contains("huge.txt") && err.contains("limit"), "the limit is named: {err}");
    let articles = jsonl(&stdout(&frontline(&db, &["articles", "--format", "jsonl"])));
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0]["language"], "de");
    assert_eq!(articles[0]["events"], 0);
}

#[test]
fn eval_scores_the_store_against_the_gold_as_the_shared_scorer_does() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("eval.db");
    let shared = shared();
    assert!(frontline(&db, &["ingest", shared.join("corpus").to_str().expect("path")]).status.success());
    let output = frontline(&db, &["eval", "--gold", shared.join("gold").to_str().expect("path"), "--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let ours: serde_json::Value = serde_json::from_slice(&output.stdout).expect("eval prints JSON");
    let events = dir.path().join("events.jsonl");
    std::fs::write(&events, frontline(&db, &["events", "--format", "jsonl"]).stdout).expect("write");
    let theirs = shared_score(&events);
    // score.py rounds to three decimals.
    let rounded = |v: &serde_json::Value| v.as_f64().map(|x| (x * 1000.0).round() as i64);
    for key in ["precision", "recall", "f1", "actor1_accuracy", "tp", "fp", "fn"] {
        assert_eq!(rounded(&ours["summary"][key]), rounded(&theirs["summary"][key]), "{key}");
    }
}

/// The repository's annotated corpus (corpus/README.md).
fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

#[test]
fn the_corpus_test_split_meets_its_floors_and_scores_as_score_py_scores_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let events = dir.path().join("events.jsonl");
    let corpus = corpus();
    let output = frontline(
        &dir.path().join("unused.db"),
        &[
            "eval",
            "--corpus",
            corpus.to_str().expect("utf-8 path"),
            "--split",
            "test",
            "--format",
            "json",
            "--write-events",
            events.to_str().expect("utf-8 path"),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let ours: serde_json::Value = serde_json::from_slice(&output.stdout).expect("eval prints JSON");

    let floors: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(corpus.join("floors.json")).expect("corpus/floors.json"))
            .expect("floors.json is JSON");
    assert_eq!(floors["split"], "test");
    let floors = floors["f1"].as_object().expect("floors per language");
    for language in ["ar", "en", "fr"] {
        let floor = floors[language].as_f64().expect("a floor for each language");
        let f1 = ours["by_language"][language]["f1"].as_f64().expect("F1 per language");
        assert!(f1 >= floor, "{language}: test-split F1 {f1:.3} fell below its floor {floor}");
    }

    // The shared scorer, given the same events and the test split's gold files, counts the same.
    let index = std::fs::read_to_string(corpus.join("articles.jsonl")).expect("corpus index");
    let gold_files: Vec<PathBuf> = jsonl(&index)
        .iter()
        .filter(|a| a["split"] == "test")
        .map(|a| corpus.join("gold").join(format!("{}.jsonl", a["id"].as_str().expect("an id"))))
        .collect();
    assert!(gold_files.len() >= 90, "the test split holds about 30 % of the corpus");
    let score = Command::new("python3")
        .arg(shared().join("tools/score.py"))
        .arg(&events)
        .args(&gold_files)
        .arg("--json")
        .output()
        .expect("python3 runs the scorer");
    assert!(score.status.success(), "{}", stderr(&score));
    let theirs: serde_json::Value = serde_json::from_slice(&score.stdout).expect("scorer prints JSON");
    for key in ["tp", "fp", "fn"] {
        assert_eq!(ours["summary"][key], theirs["summary"][key], "{key}");
    }
    assert_eq!(ours["articles"].as_object().map(|a| a.len()), Some(gold_files.len()));
}

#[test]
fn eval_on_the_corpus_prints_a_table_per_language_and_sub_event_type() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = corpus();
    let output = frontline(
        &dir.path().join("unused.db"),
        &["eval", "--corpus", corpus.to_str().expect("utf-8 path"), "--split", "test"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    for row in ["language", "ar ", "en ", "fr ", "all ", "sub-event type", "Air/drone strike", "Arrests"] {
        assert!(text.lines().any(|l| l.starts_with(row)), "no row {row:?} in:\n{text}");
    }
    for column in ["precision", "recall", "f1", "actor1", "date", "fatalities"] {
        assert!(text.lines().next().is_some_and(|l| l.contains(column)), "no column {column}");
    }
    // A broken index is refused with its file and line.
    let broken = dir.path().join("broken");
    std::fs::create_dir_all(&broken).expect("dir");
    std::fs::write(broken.join("articles.jsonl"), "{\"id\": \"x\"}\n").expect("write");
    let refused = frontline(&dir.path().join("unused.db"), &["eval", "--corpus", broken.to_str().expect("path")]);
    assert!(!refused.status.success());
    assert!(stderr(&refused).contains("articles.jsonl, line 1"), "{}", stderr(&refused));
}

// Issue 17: real inputs, read by a real analyst.

/// `count` occurrences of `needle` in `haystack`.
fn occurrences(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn two_files_called_index_html_are_two_articles_and_a_new_text_under_an_id_is_a_new_version() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("ids.db");
    let pages = [
        ("afp", "Russian warplanes struck the town of Ariha on Monday, killing four civilians, a monitor said."),
        ("sana", "Government forces recaptured the town of Kafranbel on Monday after heavy fighting, a monitor said."),
    ];
    for (site, text) in pages {
        std::fs::create_dir(dir.path().join(site)).expect("mkdir");
        let html = format!("<html><body><article><p>{text}</p></article></body></html>");
        std::fs::write(dir.path().join(site).join("index.html"), html).expect("write");
    }
    let output = frontline(
        &db,
        &["ingest", dir.path().to_str().expect("path"), "--published", "2023-03-14", "--language", "en"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("2 stored"), "{}", stderr(&output));
    let articles = jsonl(&stdout(&frontline(&db, &["articles", "--format", "jsonl"])));
    assert_eq!(articles.len(), 2, "neither index.html replaced the other: {articles:?}");
    let mut origins: Vec<&str> = articles.iter().map(|a| a["origin"].as_str().expect("origin")).collect();
    origins.sort();
    assert!(origins[0].ends_with("afp/index.html") && origins[1].ends_with("sana/index.html"), "{origins:?}");
    let events = jsonl(&stdout(&frontline(&db, &["events", "--format", "jsonl"])));
    let places: std::collections::BTreeSet<&str> = events.iter().filter_map(|e| e["mention"].as_str()).collect();
    assert!(places.contains("Ariha") && places.contains("Kafranbel"), "both pages' events stay: {places:?}");

    // The same id with another text: a new version, its events replace the old ones, and
    // the earlier text is kept.
    let feed = dir.path().join("feed.jsonl");
    let line = |text: &str| {
        serde_json::json!({"id": "r1", "text": text, "language": "en", "published": "2023-03-15"}).to_string() + "\n"
    };
    std::fs::write(&feed, line(pages[0].1)).expect("write");
    let first = frontline(&db, &["ingest", feed.to_str().expect("path")]);
    assert!(stderr(&first).contains("1 skipped as duplicates"), "{}", stderr(&first));
    std::fs::write(&feed, line("Russian warplanes struck the town of Sarmin on Tuesday, killing two civilians."))
        .expect("write");
    std::fs::write(dir.path().join("feed2.jsonl"), line(pages[1].1.replace("Monday", "Sunday").as_str()))
        .expect("write");
    let second = frontline(&db, &["ingest", feed.to_str().expect("path")]);
    assert!(second.status.success(), "{}", stderr(&second));
    let third = frontline(&db, &["ingest", dir.path().join("feed2.jsonl").to_str().expect("path")]);
    assert!(
        stderr(&third).contains("new version") && stderr(&third).contains("earlier text is kept"),
        "{}",
        stderr(&third)
    );
    let r1 = jsonl(&stdout(&frontline(&db, &["events", "--format", "jsonl", "--article", "r1"])));
    assert!(r1.iter().all(|e| e["mention"] == "Kafranbel"), "only the newest version's events: {r1:?}");
    let store = rusqlite::Connection::open(&db).expect("sqlite");
    let kept: i64 = store
        .query_row("SELECT count(*) FROM article_versions WHERE id = 'r1'", [], |r| r.get(0))
        .expect("versions table");
    assert_eq!(kept, 1, "the Sarmin text is kept as an earlier version");
}

#[test]
fn ctrl_c_stops_a_json_lines_ingest_between_articles_with_status_130() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("feed.jsonl");
    // Ingest commits a second's work at a time: the feed outlasts the first commits by far,
    // so that the interrupt finds it part way.
    let count = 20_000;
    feed(&input, count);
    let db = dir.path().join("interrupted.db");
    let child = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .arg("--db")
        .arg(&db)
        .arg("ingest")
        .arg(&input)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn ingest");
    let started = std::time::Instant::now();
    while stored_articles(&db) < 5 && started.elapsed() < std::time::Duration::from_secs(60) {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let interrupt = Command::new("kill").arg("-INT").arg(child.id().to_string()).status().expect("kill runs");
    assert!(interrupt.success());
    let output = child.wait_with_output().expect("ingest ends");
    assert_eq!(output.status.code(), Some(130), "{}", stderr(&output));
    assert!(stderr(&output).contains("interrupted"), "{}", stderr(&output));
    let committed = stored_articles(&db);
    assert!((5..count).contains(&committed), "stopped part way: {committed} stored");
    let events = jsonl(&stdout(&frontline(&db, &["events", "--format", "jsonl"])));
    let with_events: std::collections::BTreeSet<&str> =
        events.iter().filter_map(|e| e["article_id"].as_str()).collect();
    assert_eq!(with_events.len(), committed, "nothing half-stored: each stored article came with its events");
}

#[test]
fn reread_applies_new_metadata_and_forget_deletes_an_article_with_its_events() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("reread.db");
    let note = dir.path().join("note.txt");
    std::fs::write(
        &note,
        "Russian warplanes struck the town of Ariha on Monday, killing four civilians, a monitor said.\n",
    )
    .expect("write");
    let path = note.to_str().expect("path");
    // Stored under a language frontline has no pack for: stored, not read.
    assert!(frontline(&db, &["ingest", path, "--language", "de"]).status.success());
    let articles = jsonl(&stdout(&frontline(&db, &["articles", "--format", "jsonl"])));
    let id = articles[0]["id"].as_str().expect("id").to_owned();
    assert_eq!(articles[0]["events"], 0);
    // Ingesting again with the right metadata is a duplicate, and says what to do instead.
    let again = frontline(&db, &["ingest", path, "--language", "en"]);
    assert!(stderr(&again).contains(&format!("frontline reread {id}")), "{}", stderr(&again));

    let reread = frontline(&db, &["reread", &id, "--language", "en", "--published", "2023-03-14"]);
    assert!(reread.status.success(), "{}", stderr(&reread));
    let articles = jsonl(&stdout(&frontline(&db, &["articles", "--format", "jsonl"])));
    assert_eq!((articles[0]["language"].as_str(), articles[0]["published"].as_str()), (Some("en"), Some("2023-03-14")));
    let events = jsonl(&stdout(&frontline(&db, &["events", "--format", "jsonl"])));
    assert!(!events.is_empty(), "read again, it gives its events");
    assert!(events.iter().all(|e| e["date_start"].as_str().is_some_and(|d| d.starts_with("2023-03"))));
    assert!(!stdout(&frontline(&db, &["export", "--format", "jsonl"])).is_empty());
    let all = frontline(&db, &["reread", "--all"]);
    assert!(all.status.success() && stderr(&all).contains("1 articles read again"), "{}", stderr(&all));

    let forget = frontline(&db, &["forget", &id]);
    assert!(forget.status.success(), "{}", stderr(&forget));
    assert_eq!(stored_articles(&db), 0);
    assert!(stdout(&frontline(&db, &["events", "--format", "jsonl"])).is_empty());
    assert!(stdout(&frontline(&db, &["export", "--format", "jsonl"])).is_empty(), "merged events updated");
    let unknown = frontline(&db, &["forget", &id]);
    assert_eq!(unknown.status.code(), Some(2));
}

/// Text as Windows-1252 bytes (the characters of French reports that it has).
fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '\u{2019}' => 0x92,
            '\u{2013}' => 0x96,
            '\u{0153}' => 0x9C,
            c => u8::try_from(u32::from(c)).ok().filter(|b| !(0x80..0xA0).contains(b)).expect("a Latin-1 character"),
        })
        .collect()
}

#[test]
fn windows_1252_french_reads_as_its_utf8_original() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = include_str!("../samples/sample-ariha-fr.txt");
    let (utf8, legacy) = (dir.path().join("utf8.txt"), dir.path().join("latin1.txt"));
    std::fs::write(&utf8, sample).expect("write");
    std::fs::write(&legacy, windows_1252(sample)).expect("write");
    let events_of = |file: &Path, db: &str| {
        let db = dir.path().join(db);
        let output =
            frontline(&db, &["ingest", file.to_str().expect("path"), "--published", "2023-03-14", "--language", "fr"]);
        assert!(output.status.success(), "{}", stderr(&output));
        let events = jsonl(&stdout(&frontline(&db, &["events", "--format", "jsonl"])));
        let text = jsonl(&stdout(&frontline(&db, &["articles", "--format", "jsonl"])));
        (events, text, stderr(&output))
    };
    let (expected, _, _) = events_of(&utf8, "utf8.db");
    let (found, _, warning) = events_of(&legacy, "latin1.db");
    assert!(warning.contains("windows-1252"), "the guess is named: {warning}");
    assert!(!expected.is_empty());
    // Sorted: the two articles' ids differ (each file's own), and event ids with them.
    let summary = |events: &[serde_json::Value]| -> Vec<String> {
        let mut lines: Vec<String> = events
            .iter()
            .map(|e| format!("{} {} {} {}", e["sub_event_type"], e["mention"], e["actor1_id"], e["evidence"]))
            .collect();
        lines.sort();
        lines
    };
    assert_eq!(summary(&found), summary(&expected), "accents decoded: the same events, the same evidence");
    assert!(found.iter().all(|e| !e["evidence"].as_str().expect("evidence").contains('\u{FFFD}')));
}

#[test]
fn filters_are_checked_as_the_api_checks_them_and_place_spellings_fold() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("filters.db");
    assert!(frontline(&db, &["demo"]).status.success());
    let bombing = frontline(&db, &["events", "--type", "Bombing"]);
    assert_eq!(bombing.status.code(), Some(2));
    assert!(stderr(&bombing).contains("\"Bombing\" is not an ACLED event type"), "{}", stderr(&bombing));
    assert_eq!(occurrences(&stderr(&bombing), "error"), 1, "said once: {}", stderr(&bombing));
    let reversed = frontline(&db, &["export", "--since", "2023-03-31", "--until", "2023-03-01"]);
    assert_eq!(reversed.status.code(), Some(2));
    assert!(stderr(&reversed).contains("is after --until"), "{}", stderr(&reversed));
    let case = jsonl(&stdout(&frontline(&db, &["events", "--format", "jsonl", "--type", "air/drone STRIKE"])));
    assert!(!case.is_empty(), "case does not matter, as in the API");

    // Spellings the gazetteer folds together find the place.
    for (asked, stored) in [("Sarmine", "Sarmin"), ("Jisr al-Choghour", "Jisr al-Shughur"), ("saraqib", "Saraqeb")] {
        let found = jsonl(&stdout(&frontline(&db, &["events", "--format", "jsonl", "--place", asked])));
        assert!(!found.is_empty() && found.iter().all(|e| e["mention"] == stored), "{asked}: {found:?}");
    }

    // An undated event is not inside a date range unless asked for.
    let undated = dir.path().join("undated.txt");
    std::fs::write(
        &undated,
        "Russian warplanes struck the town of Binnish, killing three civilians, a monitor said.\n",
    )
    .expect("write");
    assert!(frontline(&db, &["ingest", undated.to_str().expect("path"), "--language", "en"]).status.success());
    let binnish = |extra: &[&str]| {
        let mut args = vec!["events", "--format", "jsonl", "--place", "Binnish"];
        args.extend_from_slice(extra);
        jsonl(&stdout(&frontline(&db, &args)))
    };
    let all = binnish(&[]);
    assert!(!all.is_empty() && all.iter().all(|e| e["date_start"].is_null()), "{all:?}");
    assert!(binnish(&["--since", "2023-01-01"]).is_empty(), "undated events left out of a date range");
    assert!(binnish(&["--until", "2023-12-31"]).is_empty());
    assert_eq!(binnish(&["--since", "2023-01-01", "--undated"]).len(), all.len());

    // Control is not projected back before the first report of a change.
    let long_ago = stdout(&frontline(&db, &["control", "--at", "1999-01-01"]));
    assert!(!long_ago.contains("Kafranbel") && !long_ago.contains("Sarmin"), "{long_ago}");
    let after = stdout(&frontline(&db, &["control", "--at", "2023-03-20"]));
    assert!(after.contains("Kafranbel"), "{after}");
}

#[test]
fn read_commands_neither_create_nor_write_a_store_and_say_each_error_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let typo = dir.path().join("frontlnie.db");
    for command in
        [&["events"][..], &["export"], &["articles"], &["control", "--at", "2020-01-01"], &["history", "Ariha"]]
    {
        let output = frontline(&typo, command);
        assert!(!output.status.success(), "{command:?} on a missing store fails");
        assert!(stderr(&output).contains("no store at"), "{}", stderr(&output));
        assert_eq!(occurrences(&stderr(&output), "frontlnie.db"), 1, "said once: {}", stderr(&output));
        assert!(!typo.exists(), "{command:?} created the store");
    }

    let other = dir.path().join("other.sqlite");
    rusqlite::Connection::open(&other).expect("sqlite").execute_batch("CREATE TABLE notes (x);").expect("table");
    let before = std::fs::read(&other).expect("read");
    for command in [&["events"][..], &["ingest", "missing.txt"]] {
        let output = frontline(&other, command);
        assert!(!output.status.success());
        assert!(stderr(&output).contains("is not a frontline store"), "{}", stderr(&output));
    }
    assert_eq!(std::fs::read(&other).expect("read"), before, "no frontline tables written into it");
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "some notes, not a database; ".repeat(20)).expect("write");
    assert!(stderr(&frontline(&notes, &["articles"])).contains("not a frontline store"));

    // A store that cannot be written is read, and left as it was.
    let shelf = dir.path().join("shelf");
    std::fs::create_dir(&shelf).expect("mkdir");
    let db = shelf.join("war.db");
    assert!(frontline(&db, &["demo"]).status.success());
    let before = std::fs::read(&db).expect("read");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    std::fs::set_permissions(&shelf, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let events = frontline(&db, &["events"]);
    let articles = frontline(&db, &["articles"]);
    std::fs::set_permissions(&shelf, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    assert!(events.status.success(), "{}", stderr(&events));
    assert!(stdout(&events).contains("Kafranbel") && articles.status.success());
    assert_eq!(std::fs::read(&db).expect("read"), before, "reading wrote nothing");

    // Permissions do not stop root: as root (CI), read as the unprivileged user instead.
    let root = Command::new("id").arg("-u").output().is_ok_and(|o| stdout(&o).trim() == "0");
    if root && Path::new("/usr/bin/setpriv").exists() {
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
        std::fs::set_permissions(&shelf, std::fs::Permissions::from_mode(0o555)).expect("chmod");
        let as_nobody = |args: &[&str]| {
            Command::new("/usr/bin/setpriv")
                .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(env!("CARGO_BIN_EXE_frontline"))
                .arg("--db")
                .arg(&db)
                .args(args)
                .output()
                .expect("setpriv runs")
        };
        // (Only where that user can reach the binary: a clone in a private folder cannot.)
        let reachable = as_nobody(&["--version"]).status.success();
        let events = if reachable { as_nobody(&["events"]) } else { frontline(&db, &["events"]) };
        let ingest = as_nobody(&["ingest", "/nonexistent.txt"]);
        std::fs::set_permissions(&shelf, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        assert!(events.status.success(), "a store in a read-only folder is read: {}", stderr(&events));
        assert!(stdout(&events).contains("Kafranbel"), "{}", stdout(&events));
        assert!(!reachable || !ingest.status.success(), "while writing there fails, as it must");
    }
}

#[test]
fn a_closed_pipe_ends_output_quietly_and_serve_announces_only_once_listening() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("pipe.db");
    assert!(frontline(&db, &["demo"]).status.success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .arg("--db")
        .arg(&db)
        .args(["events", "--format", "jsonl"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    // As `head` does once it has its lines: the reading end closes before the writing.
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("ends");
    assert!(output.status.success(), "{:?}: {}", output.status, stderr(&output));
    assert!(stderr(&output).is_empty(), "nothing said about the pipe: {}", stderr(&output));

    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = taken.local_addr().expect("address").to_string();
    let busy = frontline(&db, &["serve", "--addr", &addr]);
    assert!(!busy.status.success());
    assert!(!stderr(&busy).contains("serving"), "announced before failing: {}", stderr(&busy));
    assert_eq!(occurrences(&stderr(&busy), "Address already in use"), 1, "said once: {}", stderr(&busy));
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "not a database; ".repeat(20)).expect("write");
    let free = std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("address").to_string();
    let bad_store = frontline(&notes, &["serve", "--addr", &free]);
    assert!(!bad_store.status.success());
    assert!(!stderr(&bad_store).contains("serving"), "{}", stderr(&bad_store));
    assert_eq!(occurrences(&stderr(&bad_store), "notes.txt"), 1, "said once: {}", stderr(&bad_store));
}

#[test]
fn the_demo_writes_to_its_own_store_by_default() {
    let dir = tempfile::tempdir().expect("temp dir");
    let demo = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .arg("demo")
        .current_dir(dir.path())
        .output()
        .expect("the demo runs");
    assert!(demo.status.success(), "{}", stderr(&demo));
    assert!(dir.path().join("frontline-demo.db").is_file());
    assert!(!dir.path().join("frontline.db").exists(), "the samples stay out of the default store");
}

/// The labelled reports of ../shared/corpus as JSON Lines, with their index's metadata.
fn corpus_feed() -> Vec<String> {
    let corpus = shared().join("corpus");
    let index = std::fs::read_to_string(corpus.join("articles.jsonl")).expect("corpus index");
    index
        .lines()
        .map(|line| {
            let mut entry: serde_json::Value = serde_json::from_str(line).expect("index line is JSON");
            let file = entry["file"].as_str().expect("file name").to_owned();
            let text = std::fs::read_to_string(corpus.join(file)).expect("corpus text");
            let object = entry.as_object_mut().expect("index line is an object");
            object.remove("file");
            object.remove("note");
            object.insert("text".into(), text.into());
            entry.to_string()
        })
        .collect()
}

/// `frontline extract` with `input` on standard input.
fn extract(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .arg("extract")
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn extract");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let feeder = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().expect("extract ends");
    feeder.join().expect("feeder").expect("extract read its input");
    output
}

fn sorted_lines(bytes: &[u8]) -> Vec<String> {
    let mut lines: Vec<String> = String::from_utf8_lossy(bytes).lines().map(str::to_owned).collect();
    lines.sort();
    lines
}

#[test]
fn extract_writes_the_events_ingest_stores_and_names_a_bad_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let made = dir.path().join("made.jsonl");
    feed(&made, 12);
    let mut lines = corpus_feed();
    assert!(lines.len() >= 3, "the corpus has its labelled reports");
    lines.extend(std::fs::read_to_string(&made).expect("feed").lines().map(str::to_owned));
    // Line 3 of the stream is broken; the rest must still be read.
    lines.insert(2, "{\"id\": \"broken\", \"text\": ".to_owned());
    let input = lines.join("\n") + "\n";
    let file = dir.path().join("feed.jsonl");
    std::fs::write(&file, &input).expect("write feed");

    let db = dir.path().join("extract.db");
    let ingest = frontline(&db, &["ingest", file.to_str().expect("path")]);
    assert_eq!(ingest.status.code(), Some(2), "{}", stderr(&ingest));
    let stored = frontline(&db, &["events", "--format", "jsonl"]);
    assert!(stored.status.success(), "{}", stderr(&stored));
    assert!(jsonl(&stdout(&stored)).len() > 20, "the corpus and the feed give events");

    let one = extract(&[], input.as_bytes());
    assert_eq!(one.status.code(), Some(2), "a bad line makes the status 2: {}", stderr(&one));
    assert!(stderr(&one).contains("rejected: stdin:3: invalid JSON"), "names the line: {}", stderr(&one));
    assert!(stderr(&one).contains(&format!("{} articles read", lines.len() - 1)), "{}", stderr(&one));
    assert_eq!(sorted_lines(&one.stdout), sorted_lines(&stored.stdout), "the same events as ingest + events");

    // Workers keep the input's order: the same bytes as one thread.
    let two = extract(&["--threads", "3"], input.as_bytes());
    assert_eq!(two.status.code(), Some(2), "{}", stderr(&two));
    assert_eq!(two.stdout, one.stdout);

    // Files as ingest takes them; `-` reads standard input among them.
    let named = extract(&[file.to_str().expect("path"), "-"], b"");
    assert_eq!(named.status.code(), Some(2), "{}", stderr(&named));
    assert!(stderr(&named).contains("feed.jsonl:3: invalid JSON"), "{}", stderr(&named));
    assert!(!stderr(&named).contains("stdin"), "an empty standard input is no error: {}", stderr(&named));
    assert_eq!(named.stdout, one.stdout);

    let clean = extract(&[], lines[..2].join("\n").as_bytes());
    assert!(clean.status.success(), "{}", stderr(&clean));
    assert!(!clean.stdout.is_empty());
}

#[test]
fn extract_flushes_each_article_and_ends_quietly_on_a_closed_pipe_or_ctrl_c() {
    use std::io::{BufRead, Write};
    let dir = tempfile::tempdir().expect("temp dir");
    let made = dir.path().join("made.jsonl");
    feed(&made, 3000);
    let input = std::fs::read_to_string(&made).expect("feed");

    for threads in ["1", "2"] {
        // `| head -1`: the reader closes the pipe after its line.
        let mut child = Command::new(env!("CARGO_BIN_EXE_frontline"))
            .args(["extract", "--threads", threads, made.to_str().expect("path")])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn extract");
        let mut first = String::new();
        std::io::BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut first).expect("a line");
        assert!(first.contains("\"event_id\""), "{first}");
        let output = child.wait_with_output().expect("extract ends");
        assert!(output.status.success(), "{:?}: {}", output.status, stderr(&output));
        assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));

        // Input that stops coming: each article's events are out before the next is read,
        // and Ctrl-C ends the wait with status 130.
        let mut child = Command::new(env!("CARGO_BIN_EXE_frontline"))
            .args(["extract", "--threads", threads])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn extract");
        let mut stdin = child.stdin.take().expect("stdin");
        let first_three: Vec<&str> = input.lines().take(3).collect();
        stdin.write_all((first_three.join("\n") + "\n").as_bytes()).expect("write three articles");
        stdin.flush().expect("flush");
        let mut events = std::io::BufReader::new(child.stdout.take().expect("stdout"));
        let (sender, lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for _ in 0..3 {
                let mut line = String::new();
                if events.read_line(&mut line).is_err() || sender.send(line).is_err() {
                    break;
                }
            }
        });
        for _ in 0..3 {
            // A bound only against a hang: held back in a buffer, the lines would never come.
            let line = lines.recv_timeout(std::time::Duration::from_secs(120));
            let line = line.unwrap_or_else(|_| {
                let _ = child.kill();
                panic!("threads {threads}: the events of the articles given were not written while input was awaited")
            });
            assert!(serde_json::from_str::<serde_json::Value>(&line).is_ok(), "a whole JSON line: {line}");
        }
        let interrupt = Command::new("kill").arg("-INT").arg(child.id().to_string()).status().expect("kill runs");
        assert!(interrupt.success());
        let output = child.wait_with_output().expect("extract ends");
        drop(stdin);
        assert_eq!(output.status.code(), Some(130), "threads {threads}: {}", stderr(&output));
        assert!(stderr(&output).contains("3 articles read, 3 events written"), "{}", stderr(&output));
    }
}

/// A fresh PostgreSQL database of its own on the server of `FRONTLINE_TEST_PG` (set by
/// .ci/postgres.sh), dropped at the end; None (the test is skipped) when it is not set.
struct PgDatabase {
    admin: String,
    name: String,
    url: String,
}

impl PgDatabase {
    fn fresh(test: &str) -> Option<PgDatabase> {
        let Ok(admin) = std::env::var("FRONTLINE_TEST_PG") else {
            eprintln!("skipped {test}: FRONTLINE_TEST_PG is not set (source .ci/postgres.sh)");
            return None;
        };
        let name = format!("frontline_{test}_{}", std::process::id());
        let mut client = postgres::Client::connect(&admin, postgres::NoTls).expect("FRONTLINE_TEST_PG answers");
        client.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).expect("drop");
        client.batch_execute(&format!("CREATE DATABASE {name}")).expect("create");
        let (server, _) = admin.rsplit_once('/').expect("a URL with a database");
        let url = format!("{server}/{name}");
        Some(PgDatabase { admin, name, url })
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        if let Ok(mut client) = postgres::Client::connect(&self.admin, postgres::NoTls) {
            let _ = client.batch_execute(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name));
        }
    }
}

/// The articles of an index folder (the shared corpus, its unlabeled reports, the samples)
/// as JSON Lines with their texts.
fn feed_of(folder: &Path) -> Vec<String> {
    let index = std::fs::read_to_string(folder.join("articles.jsonl")).expect("index");
    index
        .lines()
        .map(|line| {
            let mut entry: serde_json::Value = serde_json::from_str(line).expect("index line is JSON");
            let file = entry["file"].as_str().expect("file name").to_owned();
            let text = std::fs::read_to_string(folder.join(file)).expect("text");
            let object = entry.as_object_mut().expect("an object");
            object.remove("file");
            object.remove("note");
            object.insert("text".into(), text.into());
            entry.to_string()
        })
        .collect()
}

/// Every report at hand: overlapping places and days, so that merges join reports.
fn all_reports() -> Vec<String> {
    let mut lines = feed_of(&shared().join("corpus"));
    lines.extend(feed_of(&shared().join("corpus/unlabeled")));
    lines.extend(feed_of(&Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")));
    lines
}

fn succeeded(output: Output) -> Vec<u8> {
    assert!(output.status.success(), "{}", stderr(&output));
    output.stdout
}

#[test]
fn postgres_and_sqlite_give_the_same_events_articles_and_exports() {
    let Some(pg) = PgDatabase::fresh("same") else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let feed = dir.path().join("feed.jsonl");
    std::fs::write(&feed, all_reports().join("\n") + "\n").expect("feed");
    let sqlite = dir.path().join("one.db");
    let feed = feed.to_str().expect("a UTF-8 path");
    succeeded(frontline(&sqlite, &["ingest", feed]));
    succeeded(frontline(Path::new(&pg.url), &["ingest", feed]));
    for command in [
        &["events", "--format", "jsonl"][..],
        &["events", "--format", "csv"],
        &["events", "--format", "jsonl", "--since", "2020-01-01", "--type", "Battles"],
        &["export", "--format", "acled-csv"],
        &["export", "--format", "geojson", "--actor", "SYR_GOV"],
        &["articles"],
        &["control", "--at", "2020-03-01"],
    ] {
        let (lite, post) = (succeeded(frontline(&sqlite, command)), succeeded(frontline(Path::new(&pg.url), command)));
        assert!(!lite.is_empty() || command[0] == "control", "{command:?} printed nothing");
        assert!(lite == post, "{command:?}: PostgreSQL differs from SQLite");
    }
    // FRONTLINE_DB names the store as --db does.
    let by_env = Command::new(env!("CARGO_BIN_EXE_frontline"))
        .args(["events", "--format", "jsonl"])
        .env("FRONTLINE_DB", &pg.url)
        .output()
        .expect("runs");
    assert_eq!(succeeded(by_env), succeeded(frontline(&sqlite, &["events", "--format", "jsonl"])));
    // A server that does not answer, a database without a store: errors naming them.
    let nowhere = frontline(Path::new("postgres://frontline:secret@127.0.0.1:1/nowhere"), &["events"]);
    assert!(!nowhere.status.success());
    assert!(stderr(&nowhere).contains("postgres://frontline:***@127.0.0.1:1/nowhere"), "{}", stderr(&nowhere));
    let empty = PgDatabase::fresh("empty").expect("the same server");
    let missing = frontline(Path::new(&empty.url), &["events"]);
    assert!(stderr(&missing).contains("no store at"), "{}", stderr(&missing));
}

#[test]
fn four_postgres_workers_in_different_orders_export_what_one_sqlite_writer_does() {
    let Some(pg) = PgDatabase::fresh("four") else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let reports = all_reports();
    let feed = dir.path().join("feed.jsonl");
    std::fs::write(&feed, reports.join("\n") + "\n").expect("feed");
    let sqlite = dir.path().join("one.db");
    succeeded(frontline(&sqlite, &["ingest", feed.to_str().expect("UTF-8")]));
    // Each worker gets three quarters of the reports, from its own starting point, every
    // other one backwards: each report is read by three workers, in four orders.
    let n = reports.len();
    let workers: Vec<_> = (0..4)
        .map(|k| {
            let mut mine: Vec<&String> = (0..n - n / 4).map(|i| &reports[(k * n / 4 + i) % n]).collect();
            if k % 2 == 1 {
                mine.reverse();
            }
            let path = dir.path().join(format!("worker-{k}.jsonl"));
            std::fs::write(&path, mine.iter().map(|l| format!("{l}\n")).collect::<String>()).expect("worker feed");
            Command::new(env!("CARGO_BIN_EXE_frontline"))
                .args(["ingest", path.to_str().expect("UTF-8"), "--db", &pg.url])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("a worker starts")
        })
        .collect();
    for worker in workers {
        let output = worker.wait_with_output().expect("a worker ends");
        assert!(output.status.success(), "{}", stderr(&output));
    }
    for format in ["acled-csv", "jsonl"] {
        let one = succeeded(frontline(&sqlite, &["export", "--format", format]));
        let many = succeeded(frontline(Path::new(&pg.url), &["export", "--format", format]));
        assert!(one.len() > 1000, "the export has merged events");
        assert!(one == many, "--format {format}: four PostgreSQL workers differ from one SQLite writer");
    }
}
