//! `frontline-bench`: whole-corpus runs. `generate` writes a corpus made from the shared
//! articles, `run` streams one through ingest and extraction (and the store) and prints the
//! throughput and the peak memory, `places` prints the places frontline finds in articles
//! (for the place recall of scripts/peer-bench.sh).

/// Reading an article allocates thousands of small strings (tokens, names); mimalloc serves
/// them in a fraction of the time the system allocator takes.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use frontline_bench::{cpu_seconds, peak_rss_kib, rss_kib, Generator, Tally};
use frontline_extract::Extractor;
use frontline_ingest::{Format, IngestOptions, Outcome};
use frontline_store::Database;
use serde_json::json;

#[derive(Parser)]
#[command(name = "frontline-bench", about = "Whole-corpus benchmarks of frontline")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write a corpus of generated articles (JSON Lines), made from the shared corpus with
    /// places, numbers and dates varied.
    #[command(after_help = "Example:\n  frontline-bench generate --articles 100000 --out /tmp/corpus-100k.jsonl")]
    Generate {
        #[arg(long)]
        articles: u64,
        #[arg(long)]
        out: PathBuf,
        /// The seed of the substitutions: the same seed gives the same corpus.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Every n-th article is a web page ("html"), the others plain text (0: none).
        #[arg(long, default_value_t = 4)]
        html_every: u64,
        /// The shared folder (corpus and GeoNames rows).
        #[arg(long)]
        shared: Option<PathBuf>,
        /// Reprints: each story printed by this many outlets in a row (their datelines and
        /// credits around it; one copy in ten with a number told anew, which must be read).
        #[arg(long, default_value_t = 0)]
        reprints: u64,
    },
    /// Stream a JSON Lines corpus through ingest and extraction; print MB/s, articles/s
    /// per core and peak memory.
    #[command(
        after_help = "Examples:\n  frontline-bench run /tmp/corpus-100k.jsonl\n  frontline-bench run /tmp/corpus-100k.jsonl --threads 0\n  frontline-bench run /tmp/corpus-10k.jsonl --store /tmp/bench.db --json"
    )]
    Run {
        file: PathBuf,
        /// Worker threads; 0 for one per core. With 1 everything runs on the main thread.
        #[arg(long, default_value_t = 1)]
        threads: usize,
        /// Also store every article with its events in this SQLite file (default
        /// frontline-bench.db), as `frontline ingest` does.
        #[arg(long, num_args = 0..=1, default_missing_value = "frontline-bench.db")]
        store: Option<PathBuf>,
        /// Read the file this many times (for short files).
        #[arg(long, default_value_t = 1)]
        repeat: u32,
        /// Stop after this many articles.
        #[arg(long)]
        limit: Option<u64>,
        /// Ingest only (decode, parse, clean, detect the language): no extraction.
        #[arg(long, conflicts_with = "store")]
        ingest_only: bool,
        /// Diagnostic: frontline's own place tables only, without GeoNames' towns (fewer
        /// events; shows what the world gazetteer costs).
        #[arg(long)]
        tables_only_gazetteer: bool,
        /// Every this many articles, print progress and memory to stderr (0: never).
        #[arg(long, default_value_t = 0)]
        progress: u64,
        /// Print the figures as one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Print, one JSON object a line, each article's id, language, text as read and the
    /// places frontline finds in it (files and folders as `frontline ingest` takes them).
    Places { paths: Vec<PathBuf> },
}

fn main() -> Result<()> {
    match Cli::parse().command {
        Command::Generate { articles, out, seed, html_every, shared, reprints } => {
            generate(articles, &out, seed, html_every, shared, reprints)
        }
        Command::Run { file, threads, store, repeat, limit, ingest_only, tables_only_gazetteer, progress, json } => {
            let threads = match threads {
                0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
                n => n,
            };
            let limit = limit.unwrap_or(u64::MAX);
            let options =
                RunOptions { threads, store, repeat, limit, ingest_only, tables_only_gazetteer, progress, json };
            run(&file, &options)
        }
        Command::Places { paths } => places(&paths),
    }
}

fn load_extractor() -> Result<Extractor> {
    Ok(frontline_bench::extractor()?)
}

fn generate(
    articles: u64,
    out: &Path,
    seed: u64,
    html_every: u64,
    shared: Option<PathBuf>,
    reprints: u64,
) -> Result<()> {
    let shared = shared.unwrap_or_else(frontline_bench::default_shared_dir);
    let extractor = load_extractor()?;
    let mut generator = Generator::from_shared(&shared, &extractor, seed)?;
    generator.html_every = html_every;
    drop(extractor);
    for t in generator.templates() {
        let (places, numbers) = t.holes();
        eprintln!("template {} ({}): {places} places, {numbers} numbers varied", t.seed_id, t.language);
    }
    let file = File::create(out).with_context(|| format!("cannot create {}", out.display()))?;
    let mut writer = BufWriter::with_capacity(1 << 20, file);
    let started = Instant::now();
    let mut bytes = 0u64;
    for n in 0..articles {
        let article = if reprints > 1 { generator.reprint(n, reprints) } else { generator.article(n) };
        let line = serde_json::to_string(&article)?;
        bytes += line.len() as u64 + 1;
        writer.write_all(line.as_bytes())?;
        writer.write_all(b"\n")?;
        if (n + 1).is_multiple_of(100_000) {
            eprintln!("{} articles, {:.0} MB", n + 1, bytes as f64 / 1e6);
        }
    }
    writer.flush().with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "wrote {articles} articles ({:.1} MB) to {} in {:.1} s; peak RSS {} MB",
        bytes as f64 / 1e6,
        out.display(),
        started.elapsed().as_secs_f64(),
        peak_rss_kib().unwrap_or(0) / 1024
    );
    Ok(())
}

struct RunOptions {
    threads: usize,
    store: Option<PathBuf>,
    repeat: u32,
    limit: u64,
    ingest_only: bool,
    tables_only_gazetteer: bool,
    progress: u64,
    json: bool,
}

/// One worker's state: its store connection, if storing, and its counts.
struct Worker<'a> {
    extractor: &'a Extractor,
    store: Option<Database>,
    ingest_only: bool,
    options: IngestOptions,
    tally: Tally,
}

impl<'a> Worker<'a> {
    fn new(extractor: &'a Extractor, run: &RunOptions) -> Result<Worker<'a>> {
        let store = run.store.as_deref();
        let store = match store {
            Some(path) => {
                let mut store =
                    Database::open(path).with_context(|| format!("cannot open the store {}", path.display()))?;
                // As `frontline ingest` does.
                store.batch(frontline_store::INGEST_BATCH);
                Some(store)
            }
            None => None,
        };
        Ok(Worker {
            extractor,
            store,
            ingest_only: run.ingest_only,
            options: IngestOptions::default(),
            tally: Tally::default(),
        })
    }

    /// Ingests one JSON Lines line and extracts (and stores) its article.
    fn line(&mut self, line: &[u8]) -> Result<()> {
        let line = line.trim_ascii();
        if line.is_empty() {
            return Ok(());
        }
        self.tally.input_bytes += line.len() as u64 + 1;
        let mut article = None;
        frontline_ingest::read_bytes(line, Format::JsonLines, "corpus", None, &self.options, &mut |o| match o {
            Outcome::Article(a) => article = Some(a),
            Outcome::Rejected(_) => self.tally.rejected += 1,
            Outcome::Warning(_) => {}
        });
        let Some(article) = article else {
            return Ok(());
        };
        self.tally.articles += 1;
        self.tally.text_bytes += article.text.len() as u64;
        *self.tally.languages.entry(article.language.clone()).or_default() += 1;
        match &mut self.store {
            None if self.ingest_only => {}
            Some(store) => {
                let stored = frontline_pipeline::store_article(&article, self.extractor, store)?;
                self.tally.events += stored.events as u64;
                self.tally.stored += u64::from(matches!(
                    stored.saved,
                    frontline_store::Saved::Inserted
                        | frontline_store::Saved::Replaced
                        | frontline_store::Saved::Reprint { .. }
                ));
            }
            None => self.tally.events += self.extractor.read(&article).events.len() as u64,
        }
        Ok(())
    }
}

/// Calls `f` with each line of the file, `repeat` times, until `f` says stop.
fn for_each_line(file: &Path, repeat: u32, mut f: impl FnMut(Vec<u8>) -> Result<bool>) -> Result<()> {
    for _ in 0..repeat {
        let input = File::open(file).with_context(|| format!("cannot open {}", file.display()))?;
        let mut reader = BufReader::with_capacity(1 << 20, input);
        loop {
            let mut line = Vec::new();
            let read =
                reader.read_until(b'\n', &mut line).with_context(|| format!("cannot read {}", file.display()))?;
            if read == 0 {
                break;
            }
            if !f(line)? {
                return Ok(());
            }
        }
    }
    Ok(())
}

/// Prints progress every `every` articles read: count, rates (overall and since the last
/// report) and memory.
struct Progress {
    every: u64,
    started: Instant,
    bytes: u64,
    last: (Instant, u64),
}

impl Progress {
    fn new(every: u64) -> Progress {
        let now = Instant::now();
        Progress { every, started: now, bytes: 0, last: (now, 0) }
    }

    fn line(&mut self, lines: u64, bytes: usize) {
        self.bytes += bytes as u64;
        if self.every == 0 || !lines.is_multiple_of(self.every) {
            return;
        }
        let now = Instant::now();
        let elapsed = (now - self.started).as_secs_f64().max(1e-9);
        let interval = (now - self.last.0).as_secs_f64().max(1e-9);
        let recent = (self.bytes - self.last.1) as f64 / 1e6 / interval;
        self.last = (now, self.bytes);
        eprintln!(
            "{lines} articles read, {:.0} MB, {elapsed:.0} s, {:.3} MB/s ({recent:.3} MB/s lately); RSS {:.1} MB, peak {:.1} MB",
            self.bytes as f64 / 1e6,
            self.bytes as f64 / 1e6 / elapsed,
            rss_kib().unwrap_or(0) as f64 / 1024.0,
            peak_rss_kib().unwrap_or(0) as f64 / 1024.0,
        );
    }
}

fn run(file: &Path, options: &RunOptions) -> Result<()> {
    if !file.is_file() {
        bail!("no such file: {}", file.display());
    }
    let threads = options.threads;
    let limit = options.limit;
    let started = Instant::now();
    let (extractor, load) = if options.tables_only_gazetteer {
        let extractor = frontline_bench::extractor_tables_only()?;
        let load = frontline_gazetteer::LoadReport {
            places: extractor.gazetteer().len(),
            from_cache: false,
            elapsed: started.elapsed(),
            cache_file: None,
            cache_warning: None,
        };
        (extractor, load)
    } else {
        frontline_bench::extractor_with_report()?
    };
    let startup = started.elapsed().as_secs_f64();
    let rss_loaded = rss_kib().unwrap_or(0);
    let cpu_before = cpu_seconds().unwrap_or(0.0);
    let t0 = Instant::now();
    let mut progress = Progress::new(options.progress);
    let mut tally = Tally::default();
    if threads <= 1 {
        let mut worker = Worker::new(&extractor, options)?;
        let mut lines = 0u64;
        for_each_line(file, options.repeat, |line| {
            worker.line(&line)?;
            lines += 1;
            progress.line(lines, line.len());
            Ok(lines < limit)
        })?;
        tally = worker.tally;
    } else {
        // The main thread reads lines into a bounded channel; workers take them one by
        // one, so at most a few lines per worker are held at any time.
        let (send, receive) = sync_channel::<Vec<u8>>(threads * 8);
        let receive: Arc<Mutex<Receiver<Vec<u8>>>> = Arc::new(Mutex::new(receive));
        std::thread::scope(|scope| -> Result<()> {
            let mut handles = Vec::new();
            for _ in 0..threads {
                let receive = Arc::clone(&receive);
                let mut worker = Worker::new(&extractor, options)?;
                handles.push(scope.spawn(move || -> Result<Tally> {
                    loop {
                        let next = match receive.lock() {
                            Ok(r) => r.recv(),
                            Err(_) => bail!("a worker panicked"),
                        };
                        match next {
                            Ok(line) => worker.line(&line)?,
                            Err(_) => return Ok(worker.tally),
                        }
                    }
                }));
            }
            let mut lines = 0u64;
            let read = for_each_line(file, options.repeat, |line| {
                lines += 1;
                progress.line(lines, line.len());
                // A closed channel means every worker stopped on an error, reported below.
                Ok(send.send(line).is_ok() && lines < limit)
            });
            drop(send);
            for handle in handles {
                match handle.join() {
                    Ok(result) => tally.add(&result?),
                    Err(_) => bail!("a worker panicked"),
                }
            }
            read
        })?;
    }
    let wall = t0.elapsed().as_secs_f64();
    let cpu = cpu_seconds().unwrap_or(0.0) - cpu_before;
    let peak = peak_rss_kib().unwrap_or(0);
    let mb = tally.input_bytes as f64 / 1e6;
    let text_mb = tally.text_bytes as f64 / 1e6;
    let per_s = |x: f64| if wall > 0.0 { x / wall } else { 0.0 };
    let per_cpu_s = |x: f64| if cpu > 0.0 { x / cpu } else { 0.0 };
    let stage = match (&options.store, options.ingest_only) {
        (_, true) => "ingest",
        (Some(_), _) => "ingest+extract+store",
        (None, _) => "ingest+extract",
    };
    let figures = json!({
        "file": file.display().to_string(),
        "stage": stage,
        "threads": threads,
        "store": options.store.as_ref().map(|p| p.display().to_string()),
        "articles": tally.articles,
        "rejected": tally.rejected,
        "events": tally.events,
        "stored": tally.stored,
        "languages": tally.languages,
        "input_mb": mb,
        "text_mb": text_mb,
        "startup_s": startup,
        "gazetteer_from_cache": load.from_cache,
        "gazetteer_places": load.places,
        "wall_s": wall,
        "cpu_s": cpu,
        "mb_per_s": per_s(mb),
        "text_mb_per_s": per_s(text_mb),
        "mb_per_s_per_core": per_s(mb) / threads as f64,
        "mb_per_cpu_s": per_cpu_s(mb),
        "text_mb_per_cpu_s": per_cpu_s(text_mb),
        "articles_per_s": per_s(tally.articles as f64),
        "articles_per_s_per_core": per_s(tally.articles as f64) / threads as f64,
        "articles_per_cpu_s": per_cpu_s(tally.articles as f64),
        "rss_after_load_mb": rss_loaded as f64 / 1024.0,
        "peak_rss_mb": peak as f64 / 1024.0,
    });
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if options.json {
        writeln!(out, "{figures}")?;
        return Ok(());
    }
    let languages: Vec<String> = tally.languages.iter().map(|(k, v)| format!("{k} {v}")).collect();
    writeln!(
        out,
        "{stage}: {} articles ({}), {} rejected, {} events{}",
        tally.articles,
        languages.join(", "),
        tally.rejected,
        tally.events,
        match &options.store {
            Some(p) => format!(", {} stored in {}", tally.stored, p.display()),
            None => String::new(),
        }
    )?;
    writeln!(
        out,
        "input {mb:.1} MB (text {text_mb:.1} MB) in {wall:.2} s on {threads} thread(s), {cpu:.1} CPU s; \
         startup {startup:.2} s (gazetteer of {} places {})",
        load.places,
        if load.from_cache { "from its cache" } else { "built" }
    )?;
    writeln!(
        out,
        "throughput {:.2} MB/s (text {:.2} MB/s), {:.0} articles/s; per core {:.2} MB/s, {:.0} articles/s; \
         per CPU second {:.3} MB, {:.0} articles",
        per_s(mb),
        per_s(text_mb),
        per_s(tally.articles as f64),
        per_s(mb) / threads as f64,
        per_s(tally.articles as f64) / threads as f64,
        per_cpu_s(mb),
        per_cpu_s(tally.articles as f64),
    )?;
    writeln!(
        out,
        "peak RSS {:.1} MB (VmHWM); {:.1} MB after loading the gazetteer and packs",
        peak as f64 / 1024.0,
        rss_loaded as f64 / 1024.0
    )?;
    Ok(())
}

fn places(paths: &[PathBuf]) -> Result<()> {
    if paths.is_empty() {
        bail!("give files or folders of articles");
    }
    let extractor = load_extractor()?;
    let (files, rejections) = frontline_ingest::discover(paths);
    for r in &rejections {
        eprintln!("skipped {r}");
    }
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for file in &files {
        let mut articles = Vec::new();
        frontline_ingest::read_file(file, &IngestOptions::default(), &mut |o| match o {
            Outcome::Article(a) => articles.push(a),
            Outcome::Rejected(r) => eprintln!("skipped {r}"),
            Outcome::Warning(_) => {}
        });
        for article in articles {
            let extraction = extractor.explain(&article);
            let places = frontline_bench::found_place_names(&extraction);
            writeln!(
                out,
                "{}",
                json!({"article": article.id, "language": article.language, "places": places, "text": article.text})
            )?;
        }
    }
    Ok(())
}
