//! The API as a client sees it: a real server on a loopback port, real HTTP requests.
//! One server holds the sample reports of crates/cli/samples (ingested through POST) for the
//! read-only tests; tests that write or need other limits start servers of their own.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use frontline_api::{serve_on, ApiConfig};
use frontline_extract::Extractor;
use frontline_gazetteer::Gazetteer;
use frontline_lang::Packs;
use serde_json::{json, Value};

// ---------------------------------------------------------------- servers and client

fn extractor() -> Arc<Extractor> {
    static EXTRACTOR: OnceLock<Arc<Extractor>> = OnceLock::new();
    EXTRACTOR
        .get_or_init(|| {
            let packs = Packs::builtin().expect("built-in packs");
            Arc::new(Extractor::new(packs, Gazetteer::builtin()))
        })
        .clone()
}

struct Server {
    base: String,
    _dir: tempfile::TempDir,
}

impl Server {
    /// A server on 127.0.0.1, port chosen by the system, over a new store.
    fn start(config: ApiConfig) -> Server {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("test.db");
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        let addr: SocketAddr = listener.local_addr().expect("bound");
        listener.set_nonblocking(true).expect("non-blocking");
        let extractor = extractor();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Runtime::new().expect("runtime");
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
                serve_on(listener, db, extractor, config, std::future::pending()).await.expect("the server runs");
            });
        });
        Server { base: format!("http://{addr}"), _dir: dir }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn get(&self, path: &str) -> Reply {
        self.get_with(path, &[])
    }

    fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Reply {
        let mut request = agent().get(self.url(path));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        Reply::from(request.call())
    }

    fn post(&self, path: &str, content_type: &str, body: &[u8]) -> Reply {
        self.post_with(path, &[("Content-Type", content_type)], body)
    }

    fn post_with(&self, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
        let mut request = agent().post(self.url(path));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        Reply::from(request.send(body))
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(120)))
        .build()
        .into()
}

#[derive(Debug)]
struct Reply {
    status: u16,
    content_type: String,
    total: Option<u64>,
    body: String,
}

impl Reply {
    fn from(result: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
        let mut response = result.expect("the server answers");
        let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
        let content_type = header("content-type").unwrap_or_default();
        let total = header("x-total-count").and_then(|t| t.parse().ok());
        let status = response.status().as_u16();
        let body = response.body_mut().read_to_string().expect("a text body");
        Reply { status, content_type, total, body }
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// Asserts a JSON error of this status and returns its message.
    fn error(&self, status: u16) -> String {
        assert_eq!(self.status, status, "{}", self.body);
        assert!(self.content_type.starts_with("application/json"), "{self:?}");
        self.json()["error"].as_str().unwrap_or_else(|| panic!("no error message: {}", self.body)).to_owned()
    }
}

/// The sample reports as one JSON Lines body, with their index's metadata.
fn samples_body() -> String {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../cli/samples");
    let index = std::fs::read_to_string(folder.join("articles.jsonl")).expect("samples index");
    let mut body = String::new();
    for line in index.lines().filter(|l| !l.trim().is_empty()) {
        let meta: Value = serde_json::from_str(line).expect("index line");
        let file = meta["file"].as_str().expect("file name");
        let text = std::fs::read_to_string(folder.join(file)).expect("sample text");
        let article = json!({
            "id": meta["id"], "text": text, "language": meta["language"],
            "published": meta["published"], "source": meta["source"],
        });
        body.push_str(&article.to_string());
        body.push('\n');
    }
    body
}

/// The read-only server: the four samples, ten events, seven merged.
fn samples() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| {
        let server = Server::start(ApiConfig::default());
        let reply = server.post("/api/articles", "application/x-ndjson", samples_body().as_bytes());
        assert_eq!(reply.status, 201, "{}", reply.body);
        assert_eq!(reply.json()["stored"], 4, "{}", reply.body);
        server
    })
}

fn ids(page: &Value) -> Vec<String> {
    page["events"].as_array().expect("events").iter().map(|e| e["event_id"].as_str().expect("id").to_owned()).collect()
}

fn count(server: &Server, query: &str) -> u64 {
    let reply = server.get(&format!("/api/events?{query}"));
    assert_eq!(reply.status, 200, "{query}: {}", reply.body);
    reply.json()["total"].as_u64().expect("total")
}

// ---------------------------------------------------------------- health and description

#[test]
fn healthz_answers_ok() {
    let reply = samples().get("/healthz");
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json(), json!({"status": "ok"}));
}

#[test]
fn openapi_describes_every_route() {
    let reply = samples().get("/api/openapi.json");
    assert_eq!(reply.status, 200);
    assert!(reply.content_type.starts_with("application/json"));
    let doc = reply.json();
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
    let routes = [
        ("/healthz", "get"),
        ("/api/openapi.json", "get"),
        ("/api/events", "get"),
        ("/api/events/{id}", "get"),
        ("/api/control", "get"),
        ("/api/places/{place}/history", "get"),
        ("/api/articles", "get"),
        ("/api/articles", "post"),
        ("/api/articles/{id}", "get"),
    ];
    for (path, method) in routes {
        let operation = &doc["paths"][path][method];
        assert!(operation["responses"].is_object(), "{method} {path} is not described");
    }
    // Every $ref points to a schema that exists.
    let text = reply.body;
    for reference in text.split("\"#/components/schemas/").skip(1) {
        let name = reference.split('"').next().expect("a name");
        assert!(doc["components"]["schemas"][name].is_object(), "missing schema {name}");
    }
}

// ---------------------------------------------------------------- events

#[test]
fn events_list_pages_with_totals() {
    let server = samples();
    let reply = server.get("/api/events");
    assert_eq!(reply.status, 200);
    assert_eq!(reply.content_type, "application/json");
    assert_eq!(reply.total, Some(10));
    let page = reply.json();
    assert_eq!(
        (&page["total"], &page["limit"], &page["offset"], &page["merged"]),
        (&json!(10), &json!(100), &json!(0), &json!(false))
    );
    assert_eq!(ids(&page).len(), 10);
    assert!(page["events"][0]["evidence"].is_string());

    let merged = server.get("/api/events?merged=true").json();
    assert_eq!(merged["total"], 7);
    for event in merged["events"].as_array().expect("events") {
        assert!(!event["sources"].as_array().expect("sources").is_empty());
    }
}

#[test]
fn pages_cover_the_list_in_order_without_overlap() {
    let server = samples();
    let all = ids(&server.get("/api/events?limit=1000").json());
    let mut paged = Vec::new();
    for offset in (0..12).step_by(3) {
        let reply = server.get(&format!("/api/events?limit=3&offset={offset}"));
        assert_eq!(reply.total, Some(10));
        let page = ids(&reply.json());
        assert!(page.len() <= 3);
        paged.extend(page);
    }
    assert_eq!(paged, all);
    assert!(ids(&server.get("/api/events?offset=50").json()).is_empty());
}

#[test]
fn filters_narrow_like_the_cli() {
    let server = samples();
    assert_eq!(count(server, "since=2023-05-01"), 4);
    assert_eq!(count(server, "until=2023-03-13"), 6);
    assert_eq!(count(server, "since=2023-03-13&until=2023-03-13"), 6);
    assert_eq!(count(server, "merged=true&type=Air%2Fdrone%20strike"), 2);
    assert_eq!(count(server, "merged=true&type=battles"), 3);
    assert_eq!(count(server, "merged=true&place=sarm"), 1);
    assert_eq!(count(server, "merged=true&place=%25"), 0, "% is literal");
    assert_eq!(count(server, "merged=true&actor=RUS"), 2);
    assert_eq!(count(server, "merged=true&actor=syr_gov"), 2);
    assert_eq!(count(server, "article=sample-jisr-en"), 1);
    assert_eq!(count(server, "merged=true&article=sample-ariha-fr"), 3);
    assert_eq!(count(server, "place=&actor=&type="), 10, "empty means any");
    assert_eq!(count(server, "place=%27%3B%20DROP%20TABLE%20events%3B--"), 0);
    assert_eq!(count(server, ""), 10, "the store is intact");
}

#[test]
fn formats_by_parameter_and_accept() {
    let server = samples();
    let jsonl = server.get("/api/events?format=jsonl");
    assert_eq!(jsonl.content_type, "application/x-ndjson");
    assert_eq!(jsonl.total, Some(10));
    let lines: Vec<Value> = jsonl.body.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    assert_eq!(lines.len(), 10);
    assert!(lines.iter().all(|e| e["event_id"].is_string()));

    let csv = server.get_with("/api/events?merged=true", &[("Accept", "text/csv")]);
    assert_eq!(csv.content_type, "text/csv; charset=utf-8");
    let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
    let headers = reader.headers().expect("a header").clone();
    assert_eq!(&headers[0], "event_id_cnty");
    assert_eq!(&headers[30], "timestamp");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), 7);
    let source = headers.iter().position(|h| h == "source").expect("source");
    assert!(rows.iter().any(|r| r[source].contains("frontline sample")));

    let geo = server.get_with("/api/events?merged=true", &[("Accept", "application/geo+json")]);
    assert_eq!(geo.content_type, "application/geo+json");
    let collection = geo.json();
    assert_eq!(collection["type"], "FeatureCollection");
    let features = collection["features"].as_array().expect("features");
    assert_eq!(features.len(), 7);
    assert!(features.iter().all(|f| f["geometry"]["type"] == "Point"));
    assert!(features[0]["properties"]["sources"].is_array());

    let browser = server.get_with("/api/events?limit=1", &[("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")]);
    assert_eq!(browser.content_type, "application/json");
    let forced = server.get_with("/api/events?format=json", &[("Accept", "text/csv")]);
    assert_eq!(forced.content_type, "application/json");
}

#[test]
fn bad_queries_are_400_with_a_json_error() {
    let server = samples();
    let cases = [
        ("/api/events?since=2023-13-01", "since"),
        ("/api/events?until=yesterday", "until"),
        ("/api/events?since=2023-05-01&until=2023-04-01", "after"),
        ("/api/events?limit=1001", "limit"),
        ("/api/events?limit=0", "limit"),
        ("/api/events?limit=ten", "limit"),
        ("/api/events?offset=-1", "offset"),
        ("/api/events?format=xml", "format"),
        ("/api/events?merged=perhaps", "merged"),
        ("/api/events?type=Picnic", "type"),
        ("/api/events?sinse=2023-01-01", "sinse"),
        ("/api/control", "at"),
        ("/api/control?at=2023-02-30", "at"),
        ("/api/articles?limit=5000", "limit"),
    ];
    for (path, named) in cases {
        let message = server.get(path).error(400);
        assert!(message.contains(named), "{path}: {message}");
    }
    let message = server.get_with("/api/events", &[("Accept", "image/png")]).error(406);
    assert!(message.contains("Accept"), "{message}");
}

#[test]
fn unknown_things_are_json_errors_too() {
    let server = samples();
    for path in [
        "/api/events/0000000000000000",
        "/api/articles/nope",
        "/api/places/geonames:1/history",
        "/api/nothing-here",
        "/assets/missing.js",
    ] {
        server.get(path).error(404);
    }
    let reply = Reply::from(agent().delete(server.url("/api/events")).call());
    reply.error(405);
}

#[test]
fn an_event_comes_with_its_sources_and_articles() {
    let server = samples();
    let strikes = server.get("/api/events?merged=true&type=Air%2Fdrone%20strike&place=ari").json();
    let merged_id = ids(&strikes)[0].clone();
    let merged = server.get(&format!("/api/events/{merged_id}")).json();
    assert_eq!(merged["merged"], true);
    assert_eq!(merged["fatalities"], 4);
    let sources = merged["sources"].as_array().expect("sources");
    assert_eq!(sources.len(), 2, "the English and French reports");
    let languages: Vec<&str> = sources.iter().filter_map(|s| s["language"].as_str()).collect();
    assert_eq!(languages, ["en", "fr"]);
    assert!(sources[1]["evidence"].as_str().is_some_and(|e| e.contains("frappes")));
    let cited = merged["articles"].as_array().expect("articles");
    assert_eq!(cited.len(), 2);
    assert!(cited.iter().all(|a| a["source"].is_string()));

    let one_id = sources[0]["event_id"].as_str().expect("event id");
    let one = server.get(&format!("/api/events/{one_id}")).json();
    assert_eq!(one["merged"], false);
    assert_eq!(one["merged_event_id"], merged_id.as_str());
    assert_eq!(one["article_id"], "sample-ariha-en");

    // The evidence offsets are byte offsets into the stored text.
    let article = server.get("/api/articles/sample-ariha-en").json();
    let text = article["text"].as_str().expect("text");
    let (start, end) =
        (one["evidence_start"].as_u64().expect("start") as usize, one["evidence_end"].as_u64().expect("end") as usize);
    assert_eq!(text.get(start..end), one["evidence"].as_str());
}

#[test]
fn control_on_a_day_and_place_histories() {
    let server = samples();
    let holders = |day: &str| -> BTreeMap<String, String> {
        let reply = server.get(&format!("/api/control?at={day}"));
        assert_eq!(reply.content_type, "application/geo+json");
        reply.json()["features"]
            .as_array()
            .expect("features")
            .iter()
            .map(|f| {
                let p = &f["properties"];
                (
                    p["place"].as_str().expect("place").to_owned(),
                    p["held_by"].as_str().unwrap_or("contested").to_owned(),
                )
            })
            .collect()
    };
    // Before the first report of a change, who held a place is unknown: nothing is
    // projected back from it.
    let before = holders("2023-03-01");
    assert!(before.is_empty(), "{before:?}");
    let between = holders("2023-04-01");
    assert_eq!(between.get("Kafranbel").map(String::as_str), Some("SYR_GOV"));
    assert_eq!(between.get("Sarmin"), None, "Sarmin's first report is of May");
    let after = holders("2023-06-30");
    assert_eq!(after.get("Kafranbel").map(String::as_str), Some("SYR_GOV"));
    assert_eq!(after.get("Sarmin").map(String::as_str), Some("OPP"));
    assert_eq!(after.len(), 3);

    let by_key = server.get("/api/places/geonames:168661/history").json();
    let by_name = server.get("/api/places/KAFRANBEL/history").json();
    assert_eq!(by_key, by_name);
    let states = by_key["states"].as_array().expect("states");
    assert_eq!(states.len(), 2);
    assert_eq!((&states[0]["held_by"], &states[0]["until"]), (&json!("OPP"), &json!("2023-03-13")));
    assert_eq!(states[0]["since"], json!("2023-03-13"), "the loser's period starts with the report, not before");
    assert_eq!((&states[1]["held_by"], &states[1]["since"]), (&json!("SYR_GOV"), &json!("2023-03-13")));
}

#[test]
fn articles_are_listed_and_paged() {
    let server = samples();
    let list = server.get("/api/articles").json();
    assert_eq!(list["total"], 4);
    let first = &list["articles"][0];
    assert_eq!(first["id"], "sample-ariha-en");
    assert_eq!(first["events"], 3);
    assert_eq!(first["published"], "2023-03-14");
    let page = server.get("/api/articles?limit=1&offset=3").json();
    assert_eq!(page["articles"].as_array().map(Vec::len), Some(1));
    assert_eq!(page["articles"][0]["id"], "sample-jisr-en");
}

// ---------------------------------------------------------------- ingest

const REPORT: &str =
    "Russian warplanes struck the town of Binnish in Idlib on Monday, killing two civilians, the White Helmets said.";

#[test]
fn posted_articles_are_stored_then_served() {
    let server = Server::start(ApiConfig::default());
    let article = json!({
        "id": "binnish-1", "text": REPORT, "published": "2023-04-11", "language": "en",
        "source": "test wire", "url": "https://example.org/binnish",
    });
    let pretty = serde_json::to_string_pretty(&article).expect("json");
    let reply = server.post("/api/articles", "application/json", pretty.as_bytes());
    assert_eq!(reply.status, 201, "{}", reply.body);
    let report = reply.json();
    assert_eq!(report["stored"], 1);
    assert_eq!(report["results"][0]["status"], "stored");
    assert_eq!(report["results"][0]["id"], "binnish-1");
    let events = report["events"].as_u64().expect("events");
    assert!(events >= 1, "{report}");

    let listed = server.get("/api/events?article=binnish-1&merged=true").json();
    assert_eq!(listed["total"].as_u64(), Some(events));
    let places: Vec<&str> =
        listed["events"].as_array().expect("events").iter().filter_map(|e| e["location"].as_str()).collect();
    assert!(places.contains(&"Binnish"), "{places:?}");
    let stored = server.get("/api/articles/binnish-1").json();
    assert_eq!(stored["url"], "https://example.org/binnish");

    // The same text again: nothing new, and it says which article has it.
    let again = json!({"id": "binnish-copy", "text": REPORT});
    let reply = server.post("/api/articles", "application/json", again.to_string().as_bytes());
    assert_eq!(reply.status, 200, "{}", reply.body);
    let result = &reply.json()["results"][0];
    assert_eq!((&result["status"], &result["existing_id"]), (&json!("duplicate"), &json!("binnish-1")));
    assert_eq!(server.get("/api/articles").json()["total"], 1);
}

#[test]
fn a_batch_reports_each_article() {
    let server = Server::start(ApiConfig::default());
    let batch = json!([
        {"id": "ok", "text": REPORT, "published": "2023-04-11"},
        {"id": "no-body", "title": "nothing to read"},
        {"id": "bad-date", "text": "Clashes near Saraqib.", "published": "11/04/2023"},
        {"id": "page", "html": "<html><body><article><p>Regime forces shelled Saraqib on Sunday.</p></article></body></html>", "published": "2023-04-10"},
    ]);
    let reply = server.post("/api/articles", "application/json", batch.to_string().as_bytes());
    assert_eq!(reply.status, 201, "{}", reply.body);
    let report = reply.json();
    assert_eq!((&report["stored"], &report["rejected"]), (&json!(2), &json!(2)));
    let results = report["results"].as_array().expect("results");
    let reason = |i: usize| results[i]["reason"].as_str().unwrap_or_default().to_owned();
    assert_eq!(results[1]["status"], "rejected");
    assert_eq!(reason(1), "neither \"text\" nor \"html\" given");
    assert!(results[1]["origin"].as_str().is_some_and(|o| o.ends_with(":2")));
    assert!(reason(2).starts_with("invalid JSON: invalid published date"), "{}", reason(2));
    assert_eq!(results[3]["id"], "page");
}

#[test]
fn json_lines_with_nothing_storable_is_422() {
    let server = Server::start(ApiConfig::default());
    let body = "{\"id\": \"a\", \"text\": oops}\n{\"id\": \"b\"}\n";
    let reply = server.post("/api/articles", "application/x-ndjson", body.as_bytes());
    let message = reply.error(422);
    assert!(message.starts_with("no article could be stored"), "{message}");
    assert!(message.contains(":1: invalid JSON"), "{message}");
    let report = reply.json();
    assert_eq!(report["rejected"], 2);
    assert_eq!(report["results"].as_array().map(Vec::len), Some(2));
    assert_eq!(server.get("/api/articles").json()["total"], 0);
}

#[test]
fn bad_bodies_are_400() {
    let server = Server::start(ApiConfig::default());
    let cases: [(&str, &str); 4] = [
        ("", "empty body"),
        ("{\"id\": \"a\", \"text\": oops}", "invalid JSON"),
        ("42", "expected a JSON object"),
        ("[]", "empty array"),
    ];
    for (body, expected) in cases {
        let message = server.post("/api/articles", "application/json", body.as_bytes()).error(400);
        assert!(message.contains(expected), "{body:?}: {message}");
    }
    let message = server.post("/api/articles?published=soon", "application/json", b"{\"text\": \"x\"}").error(400);
    assert!(message.contains("published"), "{message}");
}

#[test]
fn plain_text_and_html_bodies_take_metadata_from_the_query() {
    let server = Server::start(ApiConfig::default());
    let reply = server.post(
        "/api/articles?id=plain-1&published=2023-04-11&language=en&source=wire",
        "text/plain; charset=utf-8",
        REPORT.as_bytes(),
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
    let article = server.get("/api/articles/plain-1").json();
    assert_eq!(
        (&article["published"], &article["source"], &article["text"]),
        (&json!("2023-04-11"), &json!("wire"), &json!(REPORT))
    );
    let html =
        "<html><head><title>Shelling</title></head><body><p>Regime forces shelled Saraqib on Sunday.</p></body></html>";
    let reply = server.post("/api/articles?published=2023-04-10", "text/html", html.as_bytes());
    assert_eq!(reply.status, 201, "{}", reply.body);
    let id = reply.json()["results"][0]["id"].as_str().expect("an id").to_owned();
    assert!(id.starts_with("post-"), "{id}");
    assert_eq!(server.get(&format!("/api/articles/{id}")).json()["title"], "Shelling");
}

#[test]
fn cross_site_posts_are_refused() {
    let server = Server::start(ApiConfig::default());
    let body = json!({"text": REPORT}).to_string();
    let message = server
        .post_with(
            "/api/articles",
            &[("Content-Type", "text/plain"), ("Origin", "https://elsewhere.example")],
            body.as_bytes(),
        )
        .error(403);
    assert!(message.contains("elsewhere.example"), "{message}");
    let host = server.base.trim_start_matches("http://").to_owned();
    let same = server.post_with(
        "/api/articles",
        &[("Content-Type", "application/json"), ("Origin", &format!("http://{host}"))],
        body.as_bytes(),
    );
    assert_eq!(same.status, 201, "{}", same.body);
}

#[test]
fn limits_answer_413_and_408_in_json() {
    let small = Server::start(ApiConfig { max_body_bytes: 1024, ..ApiConfig::default() });
    let big = json!({"text": "x".repeat(4096)}).to_string();
    let message = small.post("/api/articles", "application/json", big.as_bytes()).error(413);
    assert!(message.contains("1024 bytes"), "{message}");
    assert_eq!(small.get("/api/articles").json()["total"], 0);

    let hurried = Server::start(ApiConfig { ingest_timeout: Duration::ZERO, ..ApiConfig::default() });
    let body = json!({"text": REPORT}).to_string();
    let message = hurried.post("/api/articles", "application/json", body.as_bytes()).error(408);
    assert!(message.contains("too long"), "{message}");
    assert_eq!(hurried.get("/healthz").status, 200, "reads keep their own limit");
}

#[test]
fn the_page_and_its_assets_are_served() {
    let server = samples();
    let page = server.get("/");
    assert_eq!(page.status, 200);
    assert_eq!(page.content_type, "text/html; charset=utf-8");
    assert!(page.body.contains("assets/app.js"));
    for (asset, kind) in [
        ("app.js", "text/javascript"),
        ("style.css", "text/css"),
        ("leaflet.js", "text/javascript"),
        ("leaflet.css", "text/css"),
        ("boundaries.json", "application/json"),
    ] {
        let reply = server.get(&format!("/assets/{asset}"));
        assert_eq!(reply.status, 200, "{asset}");
        assert!(reply.content_type.starts_with(kind), "{asset}: {}", reply.content_type);
    }
    let boundaries = server.get("/assets/boundaries.json").json();
    let governorates = boundaries["governorates"]["features"].as_array().expect("features");
    assert!(governorates.iter().any(|g| g["properties"]["name"] == "Idlib"));
    let countries = boundaries["countries"]["features"].as_array().expect("features");
    assert!(countries.iter().any(|c| c["properties"]["iso"] == 760));
}
