//! The `frontline` command line: argument parsing, progress and printing. The work itself
//! is done by the pipeline crates (ingest → extract → store).

mod demo;
mod eval;
mod gazetteer;
mod ingest;
mod output;

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
use frontline_store::{EventFilter, Store};

#[derive(Parser)]
#[command(
    name = "frontline",
    version,
    about = "Conflict events from news reports: ACLED-style rows with places, dates, actors and evidence.",
    after_help = "Examples:\n  frontline demo\n  frontline ingest reports/ --db war.db\n  frontline events --db war.db --since 2020-01-01 --format csv > events.csv"
)]
struct Cli {
    /// The store to use (an SQLite file, created if missing).
    #[arg(long, global = true, default_value = "frontline.db")]
    db: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Ingest the built-in sample reports and print the events found.
    #[command(after_help = "Example:\n  frontline demo --db /tmp/demo.db")]
    Demo(GazetteerArgs),
    /// Read reports (.txt, .html, .jsonl; folders recursively) and store their events.
    #[command(
        after_help = "Examples:\n  frontline ingest ../shared/corpus\n  frontline ingest report.html --published 2020-01-28 --language fr\n  frontline ingest feed.jsonl --db war.db\n\n\
A folder may hold an articles.jsonl index giving each text file's metadata by \"file\" name:\n  {\"id\": \"a1\", \"file\": \"a1.txt\", \"language\": \"fr\", \"published\": \"2020-01-28\", \"source\": \"AFP\"}\n\
A .jsonl file of articles has one article a line: {\"id\": ..., \"text\" or \"html\": ..., \"published\": ..., \"url\": ...}"
    )]
    Ingest(IngestArgs),
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
        after_help = "Examples:\n  frontline export --format acled-csv > acled.csv\n  frontline export --format geojson --since 2020-01-01 > merged.geojson\n  frontline export --format jsonl --place \"Maaret\""
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

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum EventFormat {
    Table,
    Jsonl,
    Csv,
    Geojson,
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
    /// An event type or sub-event type ("Battles", "Air/drone strike").
    #[arg(long = "type", value_name = "TYPE")]
    event_type: Option<String>,
    /// Part of a place name.
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Demo(args) => demo::run(&cli.db, &args),
        Command::Ingest(args) => {
            let options = frontline_ingest::IngestOptions {
                published: args.published,
                language: args.language.clone(),
                ..Default::default()
            };
            let extractor = extractor(&args.gazetteer)?;
            let mut store = open_store(&cli.db)?;
            let summary = ingest::run(&args.paths, &options, &extractor, &mut store)?;
            Ok(summary.exit_code())
        }
        Command::Events(args) => {
            let store = open_store(&cli.db)?;
            let events = store.events(&args.filter.into())?;
            let sources = ingest::article_sources(&store)?;
            output::print_events(&events, args.format, &sources)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export(args) => {
            let store = open_store(&cli.db)?;
            let merged = store.merged_events(&args.filter.into())?;
            let sources = ingest::article_sources(&store)?;
            output::print_merged(&merged, args.format, &sources)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Control(args) => {
            let store = open_store(&cli.db)?;
            let timelines = frontline_merge::timelines(&store.merged_events(&EventFilter::default())?);
            output::print_control(&frontline_merge::control_at(&timelines, args.at), args.format)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::History(args) => {
            let store = open_store(&cli.db)?;
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
                eprintln!("no territory events for {:?} in {}", args.place, cli.db.display());
                return Ok(ExitCode::FAILURE);
            }
            for timeline in found {
                output::print_history(timeline)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Articles(args) => {
            let store = open_store(&cli.db)?;
            output::print_articles(&store.articles()?, args.format)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval(args) => eval::run(&args, &cli.db, || extractor(&GazetteerArgs::default())),
        Command::Serve(args) => {
            let extractor = std::sync::Arc::new(extractor(&args.gazetteer)?);
            eprintln!("serving {} on http://{}/ (Ctrl-C stops)", cli.db.display(), args.addr);
            frontline_api::run(args.addr, cli.db, extractor)?;
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
                    let store = open_store(&cli.db)?;
                    vec![store
                        .article(id)?
                        .with_context(|| format!("no stored article {id:?} in {}", cli.db.display()))?]
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

impl From<FilterArgs> for EventFilter {
    fn from(args: FilterArgs) -> EventFilter {
        EventFilter {
            since: args.since,
            until: args.until,
            event_type: args.event_type,
            place: args.place,
            actor: args.actor,
            article: args.article,
        }
    }
}

pub(crate) fn open_store(path: &std::path::Path) -> Result<Store> {
    Store::open(path).with_context(|| format!("cannot open the store {}", path.display()))
}

/// The extraction engine with the built-in packs and the gazetteer: built in, imported,
/// plus any dumps given for this run.
fn extractor(args: &GazetteerArgs) -> Result<Extractor> {
    let packs = Packs::builtin().context("built-in language packs")?;
    let (gazetteer, _) = gazetteer::load(&args.gazetteer)?;
    Ok(Extractor::new(packs, gazetteer))
}
