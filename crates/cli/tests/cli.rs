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
    assert!(f1 >= 0.85, "F1 {f1} below 0.85: {}", report["articles"]);
    assert!(actor >= 0.9, "actor1 accuracy {actor} below 0.9");
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
    assert!(ids.contains(&"good".to_string()) && ids.contains(&"ok-1".to_string()), "{ids:?}");
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
    let merged =
        jsonl(&stdout(&frontline(&db, &["export", "--format", "jsonl", "--article", "maaret-al-numan-2020-en"])));
    assert_eq!(merged.len(), english.len(), "as many merged events as one language gives");
    for event in &merged {
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
    // when the mention is kept and placed inside Syria.
    assert_eq!(report["summary"]["fn"], 0, "{}", report["articles"]);
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
        let reader = scope.spawn(|| (0..5).all(|_| frontline(&db, &["events", "--format", "jsonl"]).status.success()));
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
