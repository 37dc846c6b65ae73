//! The `frontline` command line: argument parsing, progress and printing. The work itself
//! is done by the pipeline crates (ingest → extract → store).

mod demo;
mod eval;
mod extract;
mod gazetteer;
mod ingest;
mod output;
mod train;

/// Reading an article allocates thousands of small strings (tokens, names); mimalloc serves
/// them in a fraction of the time the system allocator takes.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use frontline_extract::Extractor;
use frontline_lang::Packs;
use frontline_store::{Database, EventFilter};

#[derive(Parser)]
#[command(
    name = "frontline",
    version,
    about = "Conflict events from news reports: ACLED-style rows with places, dates, actors and evidence.",
    after_help = "Examples:\n  frontline demo\n  frontline ingest reports/ --db war.db\n  frontline events --db war.db --since 2020-01-01 --format csv > events.csv\n  frontline ingest feed.jsonl --db postgres://frontline@db.example/war"
)]
struct Cli {
    /// The store to use: an SQLite file, created by `ingest` if missing (default
    /// ./frontline.db; ./frontline-demo.db for `demo`), or a PostgreSQL database
    /// (postgres://user@host/dbname), whose tables `ingest` creates; many ingests may write
    /// one PostgreSQL store at once. Commands that only read it refuse a missing store or
    /// one that is not a frontline store.
    #[arg(long, global = true, value_name = "PATH|URL", env = "FRONTLINE_DB")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Ingest the built-in sample reports into their own store (./frontline-demo.db unless
    /// --db says otherwise) and print the events found.
    #[command(after_help = "Example:\n  frontline demo --db /tmp/demo.db")]
    Demo(GazetteerArgs),
    /// Read reports (.txt, .html, .jsonl; folders recursively) and store their events.
    #[command(
        after_help = "Examples:\n  frontline ingest ../shared/corpus\n  frontline ingest report.html --published 2020-01-28 --language fr\n  frontline ingest feed.jsonl --db war.db\n\n\
A folder may hold an articles.jsonl index giving each text file's metadata by \"file\" name:\n  {\"id\": \"a1\", \"file\": \"a1.txt\", \"language\": \"fr\", \"published\": \"2020-01-28\", \"source\": \"AFP\"}\n\
A .jsonl file of articles has one article a line: {\"id\": ..., \"text\" or \"html\": ..., \"published\": ..., \"url\": ...}\n\
A .jsonl file of 64 MiB or more is read day by day (its lines ordered by \"published\", undated ones first; messages\n\
still name each line's number): the store then writes each day's events beside the last ones, whatever the file's order."
    )]
    Ingest(IngestArgs),
    /// Read articles and write their events as JSON Lines on standard output, storing
    /// nothing: one stage of a pipe, for running over a large corpus in parallel (see
    /// docs/scale.md).
    #[command(
        after_help = "Examples:\n  frontline extract < feed.jsonl > events.jsonl\n  frontline extract feed.jsonl reports/ --threads 2\n  split -n l/8 --filter='frontline extract > $FILE.events.jsonl' corpus.jsonl part-\n\n\
Standard input (none or `-` among the paths) is read as JSON Lines, one article a line, as `ingest feed.jsonl` reads it:\n  {\"id\": ..., \"text\" or \"html\": ..., \"published\": ..., \"language\": ..., \"url\": ...}\n\
Each event is written as `events --format jsonl` writes it (docs/event-schema.md), in input order, each article's flushed\n\
before the next is read. Nothing is deduplicated or merged: that is the store's work. A bad line is reported on standard\n\
error with its line number (\"rejected: stdin:3: ...\") and skipped; the exit status is then 2. Ctrl-C: 130."
    )]
    Extract(ExtractArgs),
    /// Read stored articles again, with new metadata or this version's extractor, and
    /// store what they give now in place of their old events.
    #[command(
        after_help = "Examples:\n  frontline reread --all\n  frontline reread short-note-3f2a9c1b7d04 --language fr --published 2020-01-28"
    )]
    Reread(RereadArgs),
    /// Delete stored articles, their events and earlier versions; merged events they were
    /// part of are merged again without them.
    #[command(after_help = "Example:\n  frontline forget index-3f2a9c1b7d04 --db war.db")]
    Forget {
        /// Ids of the articles (as `frontline articles` lists them).
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },
    /// Merge every stored event again from scratch: after an upgrade whose merge rules
    /// changed, or to check that a store's merged events are what a full merge gives.
    #[command(after_help = "Example:\n  frontline remerge --db war.db")]
    Remerge,
    /// List stored events.
    #[command(
        after_help = "Examples:\n  frontline events\n  frontline events --format jsonl > events.jsonl\n  frontline events --since 2020-01-01 --until 2020-01-31 --type \"Air/drone strike\"\n  frontline events --place Idlib --actor SYR_GOV --format geojson > map.geojson"
    )]
    Events(EventsArgs),
    /// List stored articles with their language, date and number of events.
    #[command(after_help = "Example:\n  frontline articles --db war.db")]
    Articles(ArticlesArgs),
    /// Export merged events (one per real event, citing every source).
    #[command(
        after_help = "Examples:\n  frontline export --format acled-csv > acled.csv\n  frontline export --format geojson --since 2020-01-01 > merged.geojson\n  frontline export --format jsonl --place \"Maaret\"\n  frontline export --format parquet > merged.parquet"
    )]
    Export(ExportArgs),
    /// Who held each place on a day, from the territory events.
    #[command(
        after_help = "Examples:\n  frontline control --at 2020-01-29\n  frontline control --at 2024-11-29 --format geojson > control.geojson"
    )]
    Control(ControlArgs),
    /// The control timeline of one place.
    #[command(
        after_help = "Examples:\n  frontline history \"Maaret al-Numan\"\n  frontline history Saraqib --db war.db"
    )]
    History(HistoryArgs),
    /// Score events against hand-made gold: the annotated corpus read afresh (per language
    /// and sub-event type: precision, recall, F1, actor1, strict date and fatality accuracy),
    /// or gold files (the format of ../shared/gold) against the store's events.
    #[command(
        after_help = "Examples:\n  frontline eval --corpus corpus --split test\n  frontline eval --corpus corpus --split dev --details --write-events dev.jsonl\n  frontline eval --gold ../shared/gold\n  frontline eval --gold my-gold/ --pred events.jsonl --format json"
    )]
    Eval(eval::EvalArgs),
    /// Learn from the annotated corpus's dev split which events the rules propose are real:
    /// cross-validated figures, then each language's weights.tsv.
    #[command(
        after_help = "Examples:\n  frontline train --corpus corpus --split dev\n  frontline train --dry-run\n  frontline train --out /tmp/weights && frontline eval --corpus corpus --weights /tmp/weights"
    )]
    Train(train::TrainArgs),
    /// Serve the store over HTTP: a JSON API and the web map (see docs/api.md).
    #[command(
        after_help = "Examples:\n  frontline serve\n  frontline serve --addr 127.0.0.1:9000 --db war.db\n  curl 'http://127.0.0.1:8080/api/events?since=2020-01-01&format=geojson'"
    )]
    Serve(ServeArgs),
    /// Manage the gazetteer: import GeoNames dumps, fetch a country's, list, resolve a name.
    #[command(
        subcommand,
        after_help = "Examples:\n  frontline gazetteer fetch SY\n  frontline gazetteer resolve Idleb"
    )]
    Gazetteer(GazetteerCommand),
    /// Show, sentence by sentence, how a report is read: mentions, triggers, dates, events.
    #[command(
        after_help = "Examples:\n  frontline explain report.txt --published 2020-01-28\n  frontline explain --article maaret-al-numan-2020-en"
    )]
    Explain(ExplainArgs),
}

#[derive(Args)]
struct ServeArgs {
    /// Address to listen on; loopback unless told otherwise.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: std::net::SocketAddr,
    #[command(flatten)]
    gazetteer: GazetteerArgs,
}

#[derive(Subcommand)]
enum GazetteerCommand {
    /// Import gazetteer files for every later run: GeoNames dumps (country files such as
    /// SY.txt, cities tables, allCountries, alternateNamesV2), OCHA's communities CSV or the
    /// Syrian Archive's locations JSON; the format is told by the content.
    #[command(
        after_help = "Examples:\n  frontline gazetteer add SY.txt\n  frontline gazetteer add ../shared/data/geonames/SY-cities500.txt alternateNamesV2.txt\n  frontline gazetteer add ../shared/data/ocha-syria/syr_communities.csv ../shared/data/syrian-archive/locations.json"
    )]
    Add {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Download a country's dump from GeoNames and import it.
    #[command(
        after_help = "Examples:\n  frontline gazetteer fetch SY\n  frontline gazetteer fetch SY --url http://127.0.0.1:8000/dump"
    )]
    Fetch {
        /// ISO 3166-1 alpha-2 country code.
        country: String,
        /// Where the dumps are published (default: GeoNames' export/dump).
        #[arg(long)]
        url: Option<String>,
    },
    /// What the gazetteer holds and how fast its index loads.
    #[command(after_help = "Example:\n  frontline gazetteer list")]
    List,
    /// Resolve place names as an article about Syria would, showing every candidate (or, with
    /// --json, one JSON object a line: name, latitude, longitude, geonameid, pcode, admin1-3, why).
    #[command(
        after_help = "Examples:\n  frontline gazetteer resolve \"Maarat al-Nouman\"\n  frontline gazetteer resolve Halle --admin1 09\n  frontline gazetteer resolve --json \"Ras al-Ain\" Talmenes \"كفر نبل\" --admin1 Idlib"
    )]
    Resolve {
        #[arg(required = true)]
        names: Vec<String>,
        /// The governorate the text names: a GeoNames admin1 code (12) or a name (Idlib).
        #[arg(long)]
        admin1: Option<String>,
        /// One JSON object a line, for scripts.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        gazetteer: GazetteerArgs,
    },
}

#[derive(Args, Clone, Default)]
struct GazetteerArgs {
    /// A gazetteer file (GeoNames dump such as SY.txt, OCHA communities CSV, Syrian Archive
    /// JSON) to use for this run, besides the built-in gazetteer.
    #[arg(long, value_name = "FILE")]
    gazetteer: Vec<PathBuf>,
}

#[derive(Args)]
struct IngestArgs {
    /// Files or folders to read.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Publication date for every article read (overrides metadata).
    #[arg(long, value_name = "YYYY-MM-DD")]
    published: Option<NaiveDate>,
    /// Language (ISO 639-1) for every article read (overrides metadata and detection).
    #[arg(long, value_name = "CODE")]
    language: Option<String>,
    #[command(flatten)]
    gazetteer: GazetteerArgs,
}

#[derive(Args)]
struct ExtractArgs {
    /// Files or folders to read, as `ingest` reads them; `-`, or none, for standard input.
    paths: Vec<PathBuf>,
    /// Threads extracting at once (0: one per core). Events keep the input's order.
    #[arg(long, default_value_t = 1, value_name = "N")]
    threads: usize,
    /// Publication date for every article read (overrides metadata).
    #[arg(long, value_name = "YYYY-MM-DD")]
    published: Option<NaiveDate>,
    /// Language (ISO 639-1) for every article read (overrides metadata and detection).
    #[arg(long, value_name = "CODE")]
    language: Option<String>,
    #[command(flatten)]
    gazetteer: GazetteerArgs,
}

#[derive(Args)]
struct RereadArgs {
    /// Ids of the articles to read again.
    #[arg(value_name = "ID", required_unless_present = "all", conflicts_with = "all")]
    ids: Vec<String>,
    /// Every stored article.
    #[arg(long)]
    all: bool,
    /// A new publication date for these articles.
    #[arg(long, value_name = "YYYY-MM-DD")]
    published: Option<NaiveDate>,
    /// A new language (ISO 639-1) for these articles.
    #[arg(long, value_name = "CODE")]
    language: Option<String>,
    #[command(flatten)]
    gazetteer: GazetteerArgs,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum EventFormat {
    Table,
    Jsonl,
    Csv,
    Geojson,
    /// Apache Parquet (binary: redirect it to a file).
    Parquet,
}

#[derive(Args)]
struct EventsArgs {
    #[arg(long, value_enum, default_value = "table")]
    format: EventFormat,
    #[command(flatten)]
    filter: FilterArgs,
}

#[derive(Args)]
struct FilterArgs {
    /// Events whose date window ends on or after this day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    since: Option<NaiveDate>,
    /// Events whose date window starts on or before this day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    until: Option<NaiveDate>,
    /// With --since or --until, list undated events too (left out by default: they are not
    /// known to fall in the range).
    #[arg(long)]
    undated: bool,
    /// An ACLED event type or sub-event type ("Battles", "Air/drone strike").
    #[arg(long = "type", value_name = "TYPE")]
    event_type: Option<String>,
    /// A place: part of its name, or any spelling the gazetteer folds to it (Idleb, Idlib).
    #[arg(long)]
    place: Option<String>,
    /// An actor id (SYR_GOV, RUS, ...) or part of an actor's name.
    #[arg(long)]
    actor: Option<String>,
    /// Events of one article.
    #[arg(long, value_name = "ID")]
    article: Option<String>,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ArticleFormat {
    Table,
    Jsonl,
}

#[derive(Args)]
struct ArticlesArgs {
    #[arg(long, value_enum, default_value = "table")]
    format: ArticleFormat,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ExportFormat {
    AcledCsv,
    Geojson,
    Jsonl,
    /// Apache Parquet (binary: redirect it to a file).
    Parquet,
}

#[derive(Args)]
struct ExportArgs {
    #[arg(long, value_enum, default_value = "jsonl")]
    format: ExportFormat,
    #[command(flatten)]
    filter: FilterArgs,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ControlFormat {
    Table,
    Csv,
    Geojson,
}

#[derive(Args)]
struct ControlArgs {
    /// The day to show.
    #[arg(long, value_name = "YYYY-MM-DD")]
    at: NaiveDate,
    #[arg(long, value_enum, default_value = "table")]
    format: ControlFormat,
}

#[derive(Args)]
struct HistoryArgs {
    /// The place, as the gazetteer or an article names it (folded: case and accents do not matter).
    place: String,
}

#[derive(Args)]
struct ExplainArgs {
    /// A report to read (.txt, .html or .jsonl); nothing is stored.
    #[arg(required_unless_present = "article")]
    file: Option<PathBuf>,
    /// A stored article to read again, by id.
    #[arg(long, value_name = "ID", conflicts_with = "file")]
    article: Option<String>,
    #[arg(long, value_name = "YYYY-MM-DD")]
    published: Option<NaiveDate>,
    #[arg(long, value_name = "CODE")]
    language: Option<String>,
    #[command(flatten)]
    gazetteer: GazetteerArgs,
}

/// A request that cannot be answered as given (a filter that matches nothing by
/// construction): exit status 2, as for a malformed argument.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(crate) struct UsageError(String);

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // `frontline events | head`: the reader has what it wanted.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {}", message(&error));
            if error.downcast_ref::<UsageError>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

/// The error and its causes in one line, each said once: a library's message often
/// quotes its cause already ("cannot listen on ...: Address already in use"), and the
/// chain would say it again.
fn message(error: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if message.contains(&text) {
            continue;
        }
        if !message.is_empty() {
            message.push_str(": ");
        }
        message.push_str(&text);
    }
    message
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .any(|cause| cause.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe))
}

/// The store's path: --db, else the command's default.
fn db_path(db: Option<PathBuf>, command: &Command) -> PathBuf {
    db.unwrap_or_else(|| {
        PathBuf::from(if matches!(command, Command::Demo(_)) { "frontline-demo.db" } else { "frontline.db" })
    })
}

fn run(cli: Cli) -> Result<ExitCode> {
    let db = db_path(cli.db, &cli.command);
    match cli.command {
        Command::Demo(args) => demo::run(&db, &args),
        Command::Ingest(args) => {
            let options = frontline_ingest::IngestOptions {
                published: args.published,
                language: args.language.clone(),
                day_order_from_bytes: frontline_ingest::INGEST_DAY_ORDER_FROM_BYTES,
                ..Default::default()
            };
            let extractor = extractor(&args.gazetteer)?;
            let mut store = open_store(&db)?;
            let summary = ingest::run(&args.paths, &options, &extractor, &mut store)?;
            Ok(summary.exit_code())
        }
        Command::Extract(args) => {
            let options = frontline_ingest::IngestOptions {
                published: args.published,
                language: args.language.clone(),
                ..Default::default()
            };
            let threads = match args.threads {
                0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
                n => n,
            };
            let extractor = extractor(&args.gazetteer)?;
            extract::run(extract::Request { inputs: args.paths, options, threads }, extractor)
        }
        Command::Reread(args) => {
            let mut store = open_store(&db)?;
            let ids = if args.all { store.article_ids()? } else { args.ids.clone() };
            let extractor = extractor(&args.gazetteer)?;
            ingest::reread(&ids, args.published, args.language.as_deref(), &extractor, &mut store)
        }
        Command::Forget { ids } => {
            let mut store = open_store(&db)?;
            let mut missing = 0;
            for id in &ids {
                if frontline_pipeline::forget_article(id, &mut store)? {
                    eprintln!("forgot {id:?}");
                } else {
                    eprintln!("no stored article {id:?} in {}", db.display());
                    missing += 1;
                }
            }
            Ok(if missing > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
        }
        Command::Remerge => {
            let mut store = open_store(&db)?;
            let blocks = frontline_pipeline::remerge_store(&mut store)?;
            eprintln!("merged the events of {blocks} blocks (type and place) again");
            Ok(ExitCode::SUCCESS)
        }
        Command::Events(args) => {
            let place = args.filter.place.clone();
            let filter = args.filter.into_filter()?;
            let store = read_store(&db)?;
            let events = store.events(&filter)?;
            let events = by_place(events, place.as_deref(), |e| [&e.location, &e.mention]);
            let sources = ingest::article_sources(&store)?;
            output::print_events(&events, args.format, &sources)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export(args) => {
            let place = args.filter.place.clone();
            let filter = args.filter.into_filter()?;
            let store = read_store(&db)?;
            let merged = store.merged_events(&filter)?;
            let merged = by_place(merged, place.as_deref(), |m| [&m.event.location, &m.event.mention]);
            let sources = ingest::article_sources(&store)?;
            output::print_merged(&merged, args.format, &sources)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Control(args) => {
            let store = read_store(&db)?;
            let timelines = frontline_merge::timelines(&store.merged_events(&EventFilter::default())?);
            output::print_control(&frontline_merge::control_at(&timelines, args.at), args.format)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::History(args) => {
            let store = read_store(&db)?;
            let timelines = frontline_merge::timelines(&store.merged_events(&EventFilter::default())?);
            let wanted = frontline_gazetteer::fold_name(&args.place);
            let found: Vec<_> = timelines
                .iter()
                .filter(|t| {
                    frontline_gazetteer::fold_name(&t.location) == wanted
                        || frontline_gazetteer::fold_name(&t.mention) == wanted
                })
                .collect();
            if found.is_empty() {
                eprintln!("no territory events for {:?} in {}", args.place, db.display());
                return Ok(ExitCode::FAILURE);
            }
            for timeline in found {
                output::print_history(timeline)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Articles(args) => {
            let store = read_store(&db)?;
            output::print_articles(&store.articles()?, args.format)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval(args) => eval::run(&args, &db, |packs| extractor_with(packs, &GazetteerArgs::default())),
        Command::Train(args) => train::run(&args, || {
            let packs = Packs::builtin().context("built-in language packs")?.without_weights();
            extractor_with(packs, &GazetteerArgs::default())
        }),
        Command::Serve(args) => {
            let extractor = std::sync::Arc::new(extractor(&args.gazetteer)?);
            // The server says it serves once it listens, not before.
            frontline_api::run(args.addr, db, extractor)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Gazetteer(command) => match command {
            GazetteerCommand::Add { files } => gazetteer::add(&files),
            GazetteerCommand::Fetch { country, url } => gazetteer::fetch(&country, url.as_deref()),
            GazetteerCommand::List => gazetteer::list(),
            GazetteerCommand::Resolve { names, admin1, json, gazetteer: args } => {
                gazetteer::resolve(&names, admin1, json, &args.gazetteer)
            }
        },
        Command::Explain(args) => {
            let extractor = extractor(&args.gazetteer)?;
            let articles = match (&args.file, &args.article) {
                (_, Some(id)) => {
                    let store = read_store(&db)?;
                    vec![store.article(id)?.with_context(|| format!("no stored article {id:?} in {}", db.display()))?]
                }
                (Some(file), None) => {
                    let options = frontline_ingest::IngestOptions {
                        published: args.published,
                        language: args.language.clone(),
                        ..Default::default()
                    };
                    ingest::read_one(file, &options)?
                }
                (None, None) => anyhow::bail!("give a FILE or --article ID"),
            };
            for article in &articles {
                output::print_explanation(article, &extractor.explain(article))?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

impl FilterArgs {
    /// The store's filter, refusing what the API refuses: a range that ends before it
    /// starts, a type ACLED does not have. The place is matched afterwards ([`by_place`]),
    /// through the gazetteer's folding.
    fn into_filter(self) -> Result<EventFilter> {
        if let (Some(since), Some(until)) = (self.since, self.until) {
            if since > until {
                return Err(UsageError(format!("--since {since} is after --until {until}: the range is empty")).into());
            }
        }
        if let Some(kind) = &self.event_type {
            let known = frontline_core::SubEventType::ALL
                .iter()
                .flat_map(|t| [t.as_str(), t.event_type().as_str()])
                .any(|name| name.eq_ignore_ascii_case(kind.trim()));
            if !known {
                return Err(UsageError(format!(
                    "--type {kind:?} is not an ACLED event type or sub-event type (e.g. \"Battles\", \"Air/drone strike\", \"Shelling/artillery/missile attack\")"
                ))
                .into());
            }
        }
        Ok(EventFilter {
            since: self.since,
            until: self.until,
            event_type: self.event_type.map(|t| t.trim().to_owned()),
            place: None,
            actor: self.actor,
            article: self.article,
            undated: self.undated,
        })
    }
}

/// The records whose place matches `place`: part of a name as written (case aside), or the
/// same place under the gazetteer's folding, as `history` matches (Idleb finds Idlib).
fn by_place<T>(records: Vec<T>, place: Option<&str>, names: impl Fn(&T) -> [&String; 2]) -> Vec<T> {
    let Some(place) = place.map(str::trim).filter(|p| !p.is_empty()) else {
        return records;
    };
    let lower = place.to_lowercase();
    let folded = frontline_gazetteer::fold_name(place);
    let skeleton = frontline_gazetteer::skeleton(&folded);
    let matches = |name: &str| {
        if name.to_lowercase().contains(&lower) {
            return true;
        }
        let name = frontline_gazetteer::fold_name(name);
        // The gazetteer's own first two tests: the folded name, then its consonants
        // (Idleb and Idlib, Sarmine and Sarmin, Choghour and Shughur).
        !folded.is_empty() && (name.contains(&folded) || frontline_gazetteer::skeleton(&name) == skeleton)
    };
    records.into_iter().filter(|record| names(record).iter().any(|name| matches(name))).collect()
}

/// The store, to write: created if missing. Its errors name the path already.
pub(crate) fn open_store(path: &std::path::Path) -> Result<Database> {
    Ok(Database::open(path)?)
}

/// The store, only to read: never created, never written, refused if not a store.
pub(crate) fn read_store(path: &std::path::Path) -> Result<Database> {
    Ok(Database::open_read_only(path)?)
}

/// The extraction engine with the built-in packs and the gazetteer: built in, imported,
/// plus any dumps given for this run.
fn extractor(args: &GazetteerArgs) -> Result<Extractor> {
    extractor_with(Packs::builtin().context("built-in language packs")?, args)
}

fn extractor_with(packs: Packs, args: &GazetteerArgs) -> Result<Extractor> {
    let (gazetteer, _) = gazetteer::load(&args.gazetteer)?;
    Ok(Extractor::new(packs, gazetteer))
}
