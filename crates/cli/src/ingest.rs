//! `frontline ingest`: files → articles → events → store, with a progress bar on a
//! terminal, Ctrl-C honoured between articles, and a one-line summary.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use frontline_core::Article;
use frontline_extract::Extractor;
use frontline_ingest::{discover, read_file, read_file_until, IngestOptions, Outcome};
use frontline_store::{Database, Saved};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

#[derive(Debug, Default)]
pub struct Summary {
    pub read: usize,
    pub stored: usize,
    /// Of those stored, the reprints of stored articles (not read again).
    pub reprints: usize,
    pub duplicates: usize,
    pub rejected: usize,
    pub events: usize,
    pub interrupted: bool,
}

impl Summary {
    /// Non-zero when anything was rejected or the run was interrupted.
    pub fn exit_code(&self) -> ExitCode {
        if self.interrupted {
            ExitCode::from(130)
        } else if self.rejected > 0 {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        }
    }
}

fn interrupt_flag() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    let handler_flag = flag.clone();
    // A second handler cannot be installed (the demo may ingest after another command);
    // then Ctrl-C keeps its default effect, which loses nothing committed either.
    let _ = ctrlc::set_handler(move || handler_flag.store(true, Ordering::SeqCst));
    flag
}

/// How many articles between two updates of the progress bar's count.
const PROGRESS_EVERY: usize = 500;

fn progress_bar(files: usize) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::stderr());
    if !std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} files {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

pub fn run(paths: &[PathBuf], options: &IngestOptions, extractor: &Extractor, store: &mut Database) -> Result<Summary> {
    let interrupted = interrupt_flag();
    // Many articles a transaction (a second's worth): committing each costs more than
    // storing it.
    store.batch(frontline_store::INGEST_BATCH);
    let (files, missing) = discover(paths);
    let mut summary = Summary::default();
    let bar = progress_bar(files.len());
    for rejection in missing {
        bar.suspend(|| eprintln!("rejected: {rejection}"));
        summary.rejected += 1;
    }
    for file in &files {
        if interrupted.load(Ordering::SeqCst) {
            summary.interrupted = true;
            break;
        }
        let mut failure = None;
        let stop = || interrupted.load(Ordering::SeqCst);
        read_file_until(file, options, &stop, &mut |outcome| match outcome {
            // Ctrl-C while this file was read: what was read before it is stored whole,
            // nothing after it is.
            Outcome::Article(_) if stop() => {}
            Outcome::Article(article) => {
                summary.read += 1;
                if let Err(error) = store_article(&article, extractor, store, &mut summary, &bar) {
                    failure.get_or_insert(error);
                }
                // A JSON Lines file holds thousands of articles: the count of files alone
                // would stand still for minutes.
                if summary.read % PROGRESS_EVERY == 0 {
                    bar.set_message(format!("{} articles, {} events", summary.read, summary.events));
                }
            }
            Outcome::Rejected(rejection) => {
                summary.rejected += 1;
                bar.suspend(|| eprintln!("rejected: {rejection}"));
            }
            Outcome::Warning(warning) => bar.suspend(|| eprintln!("warning: {warning}")),
        });
        if let Some(error) = failure {
            bar.finish_and_clear();
            store.flush()?;
            return Err(error);
        }
        if stop() {
            summary.interrupted = true;
            break;
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    store.flush()?;
    eprintln!(
        "{} articles read, {} stored ({} as reprints of stored articles, not read again), {} skipped as duplicates, {} rejected, {} events{}",
        summary.read,
        summary.stored,
        summary.reprints,
        summary.duplicates,
        summary.rejected,
        summary.events,
        if summary.interrupted { " (interrupted: the rest was not read)" } else { "" }
    );
    Ok(summary)
}

fn store_article(
    article: &Article,
    extractor: &Extractor,
    store: &mut Database,
    summary: &mut Summary,
    bar: &ProgressBar,
) -> Result<()> {
    let stored = frontline_pipeline::store_article(article, extractor, store)?;
    if let Some(note) = &stored.note {
        bar.suspend(|| eprintln!("note: {}: {note}", article.origin));
    }
    match stored.saved {
        Saved::Duplicate { existing_id } => {
            summary.duplicates += 1;
            bar.suspend(|| {
                eprintln!(
                    "duplicate: {} has the same text as stored article {existing_id:?} \
                     (to read it again with new metadata: frontline reread {existing_id})",
                    article.origin
                )
            });
        }
        Saved::Reprint { .. } => {
            summary.stored += 1;
            summary.reprints += 1;
            summary.events += stored.events;
        }
        Saved::Inserted | Saved::Replaced => {
            if stored.saved == Saved::Replaced {
                bar.suspend(|| {
                    eprintln!(
                        "updated: {} is a new version of a stored article (same id or URL); \
                         its earlier text is kept, its events replaced",
                        article.id
                    )
                });
            }
            summary.stored += 1;
            summary.events += stored.events;
        }
    }
    Ok(())
}

/// `frontline reread`: each stored article read again, with the metadata given, by this
/// version's extractor; its events replaced. Exit status 2 when an id is not stored, 130 on
/// Ctrl-C (the articles reread so far stay reread).
pub fn reread(
    ids: &[String],
    published: Option<NaiveDate>,
    language: Option<&str>,
    extractor: &Extractor,
    store: &mut Database,
) -> Result<ExitCode> {
    let interrupted = interrupt_flag();
    let language = match language.map(str::trim) {
        Some("") => anyhow::bail!("--language: give a language code (fr, en, ar...)"),
        Some(code) => Some(frontline_ingest::normalise_language(code).unwrap_or_else(|| code.to_owned())),
        None => None,
    };
    let (mut reread, mut events, mut missing) = (0, 0, 0);
    for id in ids {
        if interrupted.load(Ordering::SeqCst) {
            eprintln!("{reread} articles read again, {events} events (interrupted: the rest was not read)");
            return Ok(ExitCode::from(130));
        }
        let Some(mut article) = store.article(id)? else {
            eprintln!("no stored article {id:?}");
            missing += 1;
            continue;
        };
        if let Some(day) = published {
            article.published = Some(day);
        }
        if let Some(code) = &language {
            article.language = code.clone();
        }
        let stored = frontline_pipeline::reread_article(&article, extractor, store)
            .with_context(|| format!("reading {id:?} again"))?;
        if let Some(note) = &stored.note {
            eprintln!("note: {id}: {note}");
        }
        reread += 1;
        events += stored.events;
    }
    eprintln!("{reread} articles read again, {events} events{}", if missing > 0 { ", some ids not found" } else { "" });
    Ok(if missing > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

/// Reads one file for `explain`, failing on anything rejected.
pub fn read_one(path: &Path, options: &IngestOptions) -> Result<Vec<Article>> {
    let (files, missing) = discover(&[path.to_path_buf()]);
    if let Some(rejection) = missing.into_iter().next() {
        anyhow::bail!("{rejection}");
    }
    let mut articles = Vec::new();
    let mut problems = Vec::new();
    for file in &files {
        read_file(file, options, &mut |outcome| match outcome {
            Outcome::Article(a) => articles.push(a),
            Outcome::Rejected(r) => problems.push(r.to_string()),
            Outcome::Warning(w) => eprintln!("warning: {w}"),
        });
    }
    if articles.is_empty() {
        anyhow::bail!("no article read from {}: {}", path.display(), problems.join("; "));
    }
    Ok(articles)
}

/// Article id → source name, for the ACLED "source" column.
pub fn article_sources(store: &Database) -> Result<HashMap<String, String>> {
    Ok(store.articles()?.into_iter().map(|a| (a.id, a.source.unwrap_or_default())).collect())
}
