//! `frontline extract`: articles in, events out, and no store. Articles are read as
//! `ingest` reads them (JSON Lines on standard input, or files and folders), and each
//! article's events are written as JSON Lines, as `events --format jsonl` writes them, and
//! flushed before the next article's: the command is one stage of a pipe, which any engine
//! (`xargs -P`, Spark's `RDD.pipe`) can run over its share of a corpus.
//!
//! Memory stays flat: articles are streamed, and with `--threads N` at most a few per
//! worker are in flight between the reader and the writer, which keeps the input's order.
//! A bad line is reported on standard error by its line number and skipped (exit status 2
//! at the end, as for `ingest`); Ctrl-C stops between articles (status 130), never within
//! an article's lines, even while waiting for input; a closed pipe (`| head`) ends the run
//! quietly.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex, MutexGuard};

use anyhow::{anyhow, Context, Result};
use frontline_core::Article;
use frontline_extract::Extractor;
use frontline_ingest::{discover, read_file_until, read_json_lines, IngestOptions, Outcome};

/// The name standard input goes by: in origins ("stdin:3") and in the ids of articles
/// whose line gives none ("stdin-3f2a9c1b7d04").
const STDIN: &str = "stdin";

/// What to read and how.
pub struct Request {
    /// Files and folders, `-` for standard input; none means standard input.
    pub inputs: Vec<PathBuf>,
    pub options: IngestOptions,
    /// Threads extracting at once; 1 keeps reading, extracting and writing on one thread.
    pub threads: usize,
}

/// What the threads of a run share.
struct Shared {
    /// Set on Ctrl-C: nothing more is read or written.
    interrupted: AtomicBool,
    /// Standard output, held while one article's events are written, so that an interrupt
    /// never cuts a line.
    output: Mutex<io::BufWriter<io::Stdout>>,
    read: AtomicUsize,
    events: AtomicUsize,
    rejected: AtomicUsize,
}

impl Shared {
    fn lock_output(&self) -> MutexGuard<'_, io::BufWriter<io::Stdout>> {
        // A writer that panicked held the lock mid-article; what it wrote is flushed or not,
        // and either way the lock itself is still usable.
        self.output.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn interrupted(&self) -> bool {
        self.interrupted.load(Ordering::SeqCst)
    }
}

/// What the run thread or Ctrl-C tells the main thread.
enum Signal {
    Done(Result<()>),
    Interrupted,
}

/// Runs the extraction on its own thread while this one waits for it to end or for Ctrl-C.
/// On Ctrl-C this thread takes standard output (once the article being written is whole)
/// and ends the run: the run thread may be blocked reading a terminal or a pipe, and the
/// process does not wait for it.
pub fn run(request: Request, extractor: Extractor) -> Result<ExitCode> {
    let shared = Arc::new(Shared {
        interrupted: AtomicBool::new(false),
        output: Mutex::new(io::BufWriter::with_capacity(1 << 16, io::stdout())),
        read: AtomicUsize::new(0),
        events: AtomicUsize::new(0),
        rejected: AtomicUsize::new(0),
    });
    let (signal, signals) = mpsc::channel();
    let on_interrupt = signal.clone();
    // Installed once per process, and extract is the only command of this one.
    let _ = ctrlc::set_handler(move || {
        let _ = on_interrupt.send(Signal::Interrupted);
    });
    let run_shared = shared.clone();
    std::thread::Builder::new()
        .name("extract".into())
        .spawn(move || {
            let result = extract_all(&request, &extractor, &run_shared);
            let _ = signal.send(Signal::Done(result));
        })
        .context("cannot start the extraction thread")?;

    let interrupted = match signals.recv() {
        Ok(Signal::Done(result)) => {
            result?;
            false
        }
        Ok(Signal::Interrupted) => true,
        Err(_) => return Err(anyhow!("the extraction thread ended without a word")),
    };
    let _output = if interrupted {
        shared.interrupted.store(true, Ordering::SeqCst);
        // Held until the process ends: no writer starts another article meanwhile.
        Some(shared.lock_output())
    } else {
        None
    };
    let rejected = shared.rejected.load(Ordering::SeqCst);
    eprintln!(
        "{} articles read, {} events written, {rejected} rejected{}",
        shared.read.load(Ordering::SeqCst),
        shared.events.load(Ordering::SeqCst),
        if interrupted { " (interrupted: the rest was not read)" } else { "" }
    );
    Ok(if interrupted {
        ExitCode::from(130)
    } else if rejected > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// One article's events, ready to write.
struct Produced {
    origin: String,
    note: Option<String>,
    lines: Vec<u8>,
    events: usize,
}

fn produce(article: &Article, extractor: &Extractor) -> Result<Produced> {
    let extraction = extractor.read(article);
    let lines = frontline_api::formats::jsonl(&extraction.events)
        .with_context(|| format!("cannot write the events of {}", article.origin))?;
    Ok(Produced { origin: article.origin.clone(), note: extraction.note, lines, events: extraction.events.len() })
}

/// Writes and flushes one article's events, unless the run was interrupted.
fn write(produced: Produced, shared: &Shared) -> Result<()> {
    if let Some(note) = &produced.note {
        eprintln!("note: {}: {note}", produced.origin);
    }
    if produced.lines.is_empty() {
        return Ok(());
    }
    let mut out = shared.lock_output();
    if shared.interrupted() {
        return Ok(());
    }
    out.write_all(&produced.lines)?;
    out.flush()?;
    shared.events.fetch_add(produced.events, Ordering::SeqCst);
    Ok(())
}

fn extract_all(request: &Request, extractor: &Extractor, shared: &Shared) -> Result<()> {
    if request.threads <= 1 {
        return read_inputs(request, shared, &mut |article| write(produce(&article, extractor)?, shared));
    }
    extract_in_parallel(request, extractor, shared)
}

/// One slot of the output, in input order: an article's events once a worker has them.
enum Slot {
    Article(Receiver<Result<Produced>>),
    End,
}

type Job = (Article, SyncSender<Result<Produced>>);

/// The reader hands each article to the workers and, in the same order, the place its
/// events will come back to, to the writer. Both queues are bounded, so the reader waits
/// when the writer falls behind: memory stays flat whatever the input's size.
fn extract_in_parallel(request: &Request, extractor: &Extractor, shared: &Shared) -> Result<()> {
    let threads = request.threads;
    let (jobs, job_queue) = sync_channel::<Job>(threads * 2);
    let job_queue = Mutex::new(job_queue);
    let (slots, slot_queue) = sync_channel::<Slot>(threads * 4);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                // The lock is released as soon as a job is taken.
                let job = job_queue.lock().unwrap_or_else(std::sync::PoisonError::into_inner).recv();
                let Ok((article, reply)) = job else { break };
                // The writer may have stopped (a closed pipe): then nobody waits for this.
                let _ = reply.send(produce(&article, extractor));
            });
        }
        let writer = scope.spawn(move || -> Result<()> {
            for slot in slot_queue {
                match slot {
                    Slot::Article(events) => {
                        let produced = events.recv().map_err(|_| anyhow!("an extraction worker stopped"))??;
                        write(produced, shared)?;
                    }
                    Slot::End => break,
                }
            }
            Ok(())
        });
        let read = read_inputs(request, shared, &mut |article| {
            let (reply, events) = sync_channel(1);
            // Either fails only once the writer has stopped, on an error of its own.
            slots.send(Slot::Article(events)).map_err(|_| anyhow!("the writer stopped"))?;
            jobs.send((article, reply)).map_err(|_| anyhow!("the extraction workers stopped"))?;
            Ok(())
        });
        let _ = slots.send(Slot::End);
        drop(jobs);
        let written = writer.join().unwrap_or_else(|_| Err(anyhow!("the writer thread panicked")));
        // The writer's error is the cause; the reader's is only that the writer stopped.
        written.and(read)
    })
}

/// Reads every input in turn, handing each article to `deliver`, reporting rejections and
/// warnings on standard error. Stops at the first error `deliver` gives, or on Ctrl-C.
fn read_inputs(request: &Request, shared: &Shared, deliver: &mut dyn FnMut(Article) -> Result<()>) -> Result<()> {
    let failure: std::cell::RefCell<Option<anyhow::Error>> = std::cell::RefCell::new(None);
    let stop = || shared.interrupted() || failure.borrow().is_some();
    let mut emit = |outcome: Outcome| match outcome {
        Outcome::Article(_) if stop() => {}
        Outcome::Article(article) => {
            shared.read.fetch_add(1, Ordering::SeqCst);
            if let Err(error) = deliver(article) {
                *failure.borrow_mut() = Some(error);
            }
        }
        Outcome::Rejected(rejection) => {
            shared.rejected.fetch_add(1, Ordering::SeqCst);
            eprintln!("rejected: {rejection}");
        }
        Outcome::Warning(warning) => eprintln!("warning: {warning}"),
    };
    let stdin_only = [PathBuf::from("-")];
    let inputs = if request.inputs.is_empty() { &stdin_only[..] } else { &request.inputs[..] };
    for input in inputs {
        if stop() {
            break;
        }
        if input == Path::new("-") {
            read_json_lines(io::stdin().lock(), STDIN, &request.options, &stop, &mut emit);
            continue;
        }
        let (files, missing) = discover(std::slice::from_ref(input));
        for rejection in missing {
            emit(Outcome::Rejected(rejection));
        }
        for file in &files {
            if stop() {
                break;
            }
            read_file_until(file, &request.options, &stop, &mut emit);
        }
    }
    match failure.into_inner() {
        Some(error) => Err(error),
        None => Ok(()),
    }
}
