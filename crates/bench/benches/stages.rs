//! Throughput (bytes a second) of each stage of frontline on articles generated from the
//! shared corpus: ingest (HTML main text, decoding a file, a JSON Lines line), language
//! detection, geoparsing, extraction, merging, storing, and the whole way.
//!
//! `CARGO_TARGET_DIR=/tmp/bench-target cargo bench -j 1 -p frontline-bench --bench stages`

/// The allocator of the binaries measured (see crates/cli/src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::collections::{BTreeMap, HashMap};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use frontline_bench::{spotted_places, GeneratedArticle, Generator};
use frontline_core::{Article, ContentHash, Event};
use frontline_extract::Extractor;
use frontline_gazetteer::Context;
use frontline_ingest::{Format, IngestOptions, InputFile, Metadata, Outcome};
use frontline_store::Database;

/// Articles per measured batch: four of each template.
const ARTICLES: u64 = 28;

struct Fixture {
    extractor: Extractor,
    /// The generated articles as JSON Lines lines (a quarter of them web pages).
    lines: Vec<String>,
    /// The same articles as plain text and as web pages.
    texts: Vec<String>,
    pages: Vec<String>,
    /// Read as frontline reads them.
    articles: Vec<Article>,
    events: Vec<Vec<Event>>,
    /// Place names spotted in the articles.
    place_names: Vec<String>,
    _dir: tempfile::TempDir,
    text_files: Vec<InputFile>,
}

fn article_from_line(line: &str) -> Option<Article> {
    let mut article = None;
    frontline_ingest::read_bytes(
        line.as_bytes(),
        Format::JsonLines,
        "bench",
        None,
        &IngestOptions::default(),
        &mut |o| {
            if let Outcome::Article(a) = o {
                article = Some(a);
            }
        },
    );
    article
}

fn fixture() -> Fixture {
    let extractor = frontline_bench::extractor().expect("built-in packs");
    let shared = frontline_bench::default_shared_dir();
    let mut mixed = Generator::from_shared(&shared, &extractor, 7).expect("shared corpus");
    let mut plain = mixed.clone();
    plain.html_every = 0;
    let mut paged = mixed.clone();
    paged.html_every = 1;
    let generated: Vec<GeneratedArticle> = (0..ARTICLES).map(|n| mixed.article(n)).collect();
    let lines: Vec<String> = generated.iter().map(|a| serde_json::to_string(a).expect("serialisable")).collect();
    let texts: Vec<String> = (0..ARTICLES).map(|n| plain.article(n).body().to_owned()).collect();
    let pages: Vec<String> = (0..ARTICLES).map(|n| paged.article(n).body().to_owned()).collect();
    let articles: Vec<Article> = lines.iter().map(|l| article_from_line(l).expect("a generated line reads")).collect();
    let extractions: Vec<_> = articles.iter().map(|a| extractor.explain(a)).collect();
    let events = extractions.iter().map(|x| x.events.clone()).collect();
    let mut place_names: Vec<String> =
        extractions.iter().flat_map(|x| spotted_places(x).into_iter().map(|(name, _)| name)).collect();
    place_names.sort();
    place_names.dedup();
    let dir = tempfile::tempdir().expect("temp dir");
    let text_files = texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let path: PathBuf = dir.path().join(format!("a{i}.txt"));
            std::fs::write(&path, text).expect("temp file");
            InputFile {
                path,
                format: Format::Text,
                // Language given, so that this measures decoding and cleaning only.
                metadata: Some(Metadata { language: Some(articles[i].language.clone()), ..Metadata::default() }),
            }
        })
        .collect();
    Fixture { extractor, lines, texts, pages, articles, events, place_names, _dir: dir, text_files }
}

fn bytes<S: AsRef<str>>(items: &[S]) -> u64 {
    items.iter().map(|s| s.as_ref().len() as u64).sum()
}

fn published(articles: &[Article]) -> HashMap<String, NaiveDate> {
    articles.iter().filter_map(|a| Some((a.id.clone(), a.published?))).collect()
}

/// Events grouped by merge block.
fn blocks(events: impl Iterator<Item = Event>) -> Vec<Vec<Event>> {
    let mut by_block: BTreeMap<(String, String), Vec<Event>> = BTreeMap::new();
    for e in events {
        by_block.entry(frontline_merge::block_of(&e)).or_default().push(e);
    }
    by_block.into_values().collect()
}

/// The article under a new id and hash, so that the store takes it as new.
fn renamed(article: &Article, events: &[Event], n: u64) -> (Article, Vec<Event>) {
    let mut a = article.clone();
    a.id = format!("{}-{n}", article.id);
    a.content_hash = ContentHash::known(format!("{}-{n}", article.content_hash()));
    let events = events
        .iter()
        .map(|e| {
            let mut e = e.clone();
            e.article_id = a.id.clone();
            e.event_id = e.derive_id();
            e
        })
        .collect();
    (a, events)
}

fn stages(c: &mut Criterion) {
    let f = fixture();
    let text_bytes = bytes(&f.texts);
    let article_bytes: u64 = f.articles.iter().map(|a| a.text.len() as u64).sum();

    let mut group = c.benchmark_group("ingest");
    group.throughput(Throughput::Bytes(bytes(&f.pages)));
    group.bench_function("html_main_text", |b| {
        b.iter(|| {
            for page in &f.pages {
                black_box(frontline_ingest::html_main_text(page));
            }
        })
    });
    group.throughput(Throughput::Bytes(text_bytes));
    group.bench_function("read_file_txt", |b| {
        b.iter(|| {
            for file in &f.text_files {
                frontline_ingest::read_file(file, &IngestOptions::default(), &mut |o| {
                    black_box(o);
                });
            }
        })
    });
    group.throughput(Throughput::Bytes(bytes(&f.lines)));
    group.bench_function("read_bytes_jsonl_line", |b| {
        b.iter(|| {
            for line in &f.lines {
                black_box(article_from_line(line));
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("language");
    group.throughput(Throughput::Bytes(text_bytes));
    group.bench_function("detect_language", |b| {
        b.iter(|| {
            for text in &f.texts {
                black_box(frontline_ingest::detect_language(text));
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("geoparse");
    let context = Context { country: Some("SY".into()), ..Context::default() };
    group.throughput(Throughput::Bytes(bytes(&f.place_names)));
    // The names recur from one iteration to the next, as a corpus's names recur from one
    // article to the next: after the first, candidates come from the per-thread memo.
    group.bench_function("resolve_place_names", |b| {
        b.iter(|| {
            for name in &f.place_names {
                black_box(f.extractor.gazetteer().resolve_place(name, &context));
            }
        })
    });
    group.bench_function("resolve_place_names_explained", |b| {
        b.iter(|| {
            for name in &f.place_names {
                black_box(f.extractor.gazetteer().resolve(name, &context));
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(article_bytes));
    group.bench_function("read", |b| {
        b.iter(|| {
            for article in &f.articles {
                black_box(f.extractor.read(article));
            }
        })
    });
    group.bench_function("explain", |b| {
        b.iter(|| {
            for article in &f.articles {
                black_box(f.extractor.explain(article));
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("merge");
    let published = published(&f.articles);
    let sparse = blocks(f.events.iter().flatten().cloned());
    group.throughput(Throughput::Bytes(article_bytes));
    group.bench_function("merge_block_generated", |b| {
        b.iter(|| {
            for block in &sparse {
                black_box(frontline_pipeline::merge_block(block, &published));
            }
        })
    });
    // Fifty reports of the same events (the first seven articles under new ids): blocks
    // of fifty, where merging is quadratic.
    let copies: u64 = 50;
    let mut dense_published = HashMap::new();
    let dense = blocks((0..copies).flat_map(|n| {
        let (a, events) = renamed(&f.articles[n as usize % 7], &f.events[n as usize % 7], n);
        if let Some(p) = a.published {
            dense_published.insert(a.id.clone(), p);
        }
        events
    }));
    let dense_bytes: u64 = (0..copies).map(|n| f.articles[n as usize % 7].text.len() as u64).sum();
    group.throughput(Throughput::Bytes(dense_bytes));
    group.bench_function("merge_block_50_reports", |b| {
        b.iter(|| {
            for block in &dense {
                black_box(frontline_pipeline::merge_block(block, &dense_published));
            }
        })
    });
    group.finish();

    // Each measured batch saves into a new, empty store: a store that grows from one batch
    // to the next would measure the growth (every save merges its blocks again, and the
    // same places come round each batch), not the stage. `frontline-bench run --store`
    // shows the growth.
    let fresh_store = || {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Database::open(&dir.path().join("bench.db")).expect("store");
        (dir, store)
    };
    let mut group = c.benchmark_group("store");
    group.throughput(Throughput::Bytes(article_bytes));
    group.bench_function("save", |b| {
        b.iter_batched(
            fresh_store,
            |(dir, mut store)| {
                for (article, events) in f.articles.iter().zip(&f.events) {
                    black_box(store.save(article, events, "[]", &frontline_store::MergeStage).expect("saved"));
                }
                (dir, store)
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function("store_article", |b| {
        b.iter_batched(
            fresh_store,
            |(dir, mut store)| {
                for article in &f.articles {
                    black_box(frontline_pipeline::store_article(article, &f.extractor, &mut store).expect("stored"));
                }
                (dir, store)
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();

    let mut group = c.benchmark_group("end_to_end");
    group.throughput(Throughput::Bytes(bytes(&f.lines)));
    group.bench_function("jsonl_line_to_events", |b| {
        b.iter(|| {
            for line in &f.lines {
                if let Some(article) = article_from_line(line) {
                    black_box(f.extractor.read(&article));
                }
            }
        })
    });
    group.bench_function("jsonl_line_to_store", |b| {
        b.iter_batched(
            fresh_store,
            |(dir, mut store)| {
                for line in &f.lines {
                    if let Some(article) = article_from_line(line) {
                        black_box(
                            frontline_pipeline::store_article(&article, &f.extractor, &mut store).expect("stored"),
                        );
                    }
                }
                (dir, store)
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group! {
    name = benches;
    // Small samples: the machine is shared.
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    targets = stages
}
criterion_main!(benches);
