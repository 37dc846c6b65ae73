//! `frontline eval`: events scored against hand-made gold. Either the corpus of `corpus/`,
//! read afresh split by split (docs/annotation.md), or a gold folder against the store's
//! events (or a file of them).

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use frontline_core::Event;
use frontline_eval::{Corpus, Reliability, Split};
use frontline_extract::{Extraction, Extractor};
use frontline_ingest::{format_of, read_file, Format, IngestOptions, InputFile, Metadata, Outcome};
use frontline_lang::Packs;
use frontline_store::EventFilter;
use serde::Serialize;

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum EvalFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
pub enum SplitArg {
    Dev,
    Test,
    All,
}

impl SplitArg {
    pub fn split(self) -> Option<Split> {
        match self {
            SplitArg::Dev => Some(Split::Dev),
            SplitArg::Test => Some(Split::Test),
            SplitArg::All => None,
        }
    }
}

#[derive(Args)]
pub struct EvalArgs {
    /// The annotated corpus (a folder with articles.jsonl and gold/): its reports are read
    /// afresh and scored.
    #[arg(long, value_name = "DIR", conflicts_with = "gold")]
    corpus: Option<PathBuf>,
    /// Which reports of the corpus: dev (rules and training may look at it), test (only
    /// scored), or all.
    #[arg(long, value_enum, default_value = "dev")]
    split: SplitArg,
    /// A gold file or a folder of them (JSON Lines, one expected event a line), scored against
    /// the store's events or --pred.
    #[arg(long, value_name = "DIR")]
    gold: Option<PathBuf>,
    /// Predicted events as `frontline events --format jsonl` writes them, instead of the
    /// store's (with --gold) or of reading the corpus afresh (with --corpus).
    #[arg(long, value_name = "FILE")]
    pred: Option<PathBuf>,
    /// Also write the events read from the corpus, one JSON object a line, for score.py.
    #[arg(long, value_name = "FILE")]
    write_events: Option<PathBuf>,
    /// Read the corpus with the trained weights of `DIR/<language>/weights.tsv` (as
    /// `frontline train --out DIR` writes them) instead of the built-in ones.
    #[arg(long, value_name = "DIR", requires = "corpus")]
    weights: Option<PathBuf>,
    /// Read the corpus with the rules alone, without the trained model.
    #[arg(long, conflicts_with = "weights")]
    rules_only: bool,
    /// With text output, list each article's misses and false alarms too.
    #[arg(long)]
    details: bool,
    #[arg(long, value_enum, default_value = "text")]
    format: EvalFormat,
}

/// The JSON layout: score.py's `summary` and `articles`, with the breakdowns.
#[derive(Serialize)]
struct JsonReport<'a> {
    summary: &'a frontline_eval::Summary,
    by_language: BTreeMap<String, frontline_eval::Scores>,
    by_language_counts: BTreeMap<String, frontline_eval::Counts>,
    by_sub_event_type: BTreeMap<String, frontline_eval::Scores>,
    articles: &'a BTreeMap<String, frontline_eval::ArticleReport>,
    reliability: &'a Reliability,
}

pub fn run(args: &EvalArgs, db: &Path, extractor: impl FnOnce(Packs) -> Result<Extractor>) -> Result<ExitCode> {
    let extractor = || -> Result<Extractor> {
        let mut packs = Packs::builtin().context("built-in language packs")?;
        if let Some(dir) = &args.weights {
            packs = packs.with_weights_from(dir)?;
        }
        if args.rules_only {
            packs = packs.without_weights();
        }
        extractor(packs)
    };
    let (gold, predicted, languages) = match (&args.corpus, &args.gold) {
        (Some(root), _) => {
            let corpus = Corpus::load(root)?;
            let articles = corpus.select(args.split.split());
            let gold = corpus.gold(&articles)?;
            let languages: BTreeMap<String, String> =
                articles.iter().map(|a| (a.id.clone(), a.language.clone())).collect();
            let predicted = match &args.pred {
                Some(file) => frontline_eval::load_predictions(file)?,
                None => read_corpus(&corpus, &articles, &extractor()?)?,
            };
            (gold, predicted, languages)
        }
        (None, Some(gold)) => {
            let gold = frontline_eval::load_gold(gold)?;
            let predicted = match &args.pred {
                Some(file) => frontline_eval::load_predictions(file)?,
                None => crate::read_store(db)?.events(&EventFilter::default())?,
            };
            let languages: BTreeMap<String, String> =
                predicted.iter().map(|e| (e.article_id.clone(), e.language.clone())).collect();
            (gold, predicted, languages)
        }
        (None, None) => anyhow::bail!("give --corpus DIR (the annotated corpus) or --gold DIR"),
    };
    if let Some(path) = &args.write_events {
        write_events(path, &predicted)?;
    }
    let report = frontline_eval::evaluate(&gold, &predicted);
    let language_of = |id: &str| languages.get(id).cloned();
    let right = report.right_events();
    let scored = predicted.iter().filter(|e| report.articles.contains_key(&e.article_id));
    let reliability = Reliability::of(scored.map(|e| (e.confidence, report.is_right(&right, e))));
    match args.format {
        EvalFormat::Text => {
            if args.details || args.corpus.is_none() {
                print!("{}", report.to_text());
                println!();
            }
            print!("{}", report.breakdown_table(language_of));
            println!("\nreliability: of the events scored, how many are right at each confidence");
            print!("{}", reliability.to_text());
        }
        EvalFormat::Json => {
            let by_language_counts = report.by_article_group(language_of);
            let json = JsonReport {
                summary: &report.summary,
                by_language: scores_of(&by_language_counts),
                by_language_counts,
                by_sub_event_type: scores_of(&report.by_sub_event_type()),
                articles: &report.articles,
                reliability: &reliability,
            };
            println!("{}", serde_json::to_string_pretty(&json)?);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn scores_of(groups: &BTreeMap<String, frontline_eval::Counts>) -> BTreeMap<String, frontline_eval::Scores> {
    groups.iter().map(|(k, c)| (k.clone(), frontline_eval::Scores::of(c))).collect()
}

/// Reads each report of the corpus as `frontline ingest` would, with the index's metadata,
/// and extracts its events. A report that cannot be read is an error naming its file.
fn read_corpus(
    corpus: &Corpus,
    articles: &[&frontline_eval::CorpusArticle],
    extractor: &Extractor,
) -> Result<Vec<Event>> {
    let extractions = read_corpus_extractions(corpus, articles, extractor)?;
    Ok(extractions.into_iter().flat_map(|(_, x)| x.events).collect())
}

/// The reading of each report of the corpus, by report id: its events and their features.
pub fn read_corpus_extractions(
    corpus: &Corpus,
    articles: &[&frontline_eval::CorpusArticle],
    extractor: &Extractor,
) -> Result<Vec<(String, Extraction)>> {
    let options = IngestOptions::default();
    let mut extractions = Vec::new();
    for article in articles {
        let path = corpus.text_path(article);
        let file = InputFile {
            format: format_of(&path).unwrap_or(Format::Text),
            metadata: Some(Metadata {
                id: Some(article.id.clone()),
                file: Some(article.file.clone()),
                url: Some(article.url.clone()),
                source: Some(article.source.clone()),
                published: Some(article.published),
                language: Some(article.language.clone()),
                title: None,
            }),
            path,
        };
        let mut problem = None;
        read_file(&file, &options, &mut |outcome| match outcome {
            Outcome::Article(a) => extractions.push((article.id.clone(), extractor.read(&a))),
            Outcome::Rejected(r) => problem = Some(r.to_string()),
            Outcome::Warning(_) => {}
        });
        if let Some(problem) = problem {
            anyhow::bail!("{problem} (corpus report {})", article.id);
        }
    }
    Ok(extractions)
}

fn write_events(path: &Path, events: &[Event]) -> Result<()> {
    let file = File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
    let mut out = BufWriter::new(file);
    for event in events {
        serde_json::to_writer(&mut out, event)?;
        out.write_all(b"\n")?;
    }
    out.flush().with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}
