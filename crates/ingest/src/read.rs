//! One input file to articles, rejections and warnings.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use chrono::NaiveDate;
use frontline_core::{content_hash, Article, ContentHash};

use crate::decode::{clean_text, decode, normalise_newlines};
use crate::discover::{describe_io, strip_bom, Format, InputFile};
use crate::html::html_main_text;
use crate::language::detect_language;
use crate::metadata::{normalise_language, ArticleLine, Metadata};
use crate::{IngestOptions, Outcome, Rejection, Warning};

/// Language code for text whose language is neither given nor recognisable (ISO 639-2).
const UNDETERMINED: &str = "und";

/// Reads one input file, calling `emit` for each article, rejection and warning. Text and
/// HTML files give one article (or a rejection); JSON Lines files are streamed line by
/// line and give one outcome per non-blank line. Never panics on bad input.
pub fn read_file(file: &InputFile, options: &IngestOptions, emit: &mut dyn FnMut(Outcome)) {
    read_file_until(file, options, &|| false, emit)
}

/// [`read_file`], checking `stop` before each article: once it answers true, nothing more
/// is read or emitted. A JSON Lines file holds thousands of articles, so a Ctrl-C must be
/// honoured between its lines, not only between files.
pub fn read_file_until(
    file: &InputFile,
    options: &IngestOptions,
    stop: &dyn Fn() -> bool,
    emit: &mut dyn FnMut(Outcome),
) {
    if stop() {
        return;
    }
    match file.format {
        Format::Text | Format::Html => read_document(file, options, emit),
        Format::JsonLines => read_json_lines_file(file, options, stop, emit),
    }
}

/// What the content itself says, before metadata and options have their say.
struct Found {
    text: String,
    title: Option<String>,
    language: Option<String>,
    published: Option<NaiveDate>,
}

impl Found {
    fn text(text: String) -> Self {
        Found { text, title: None, language: None, published: None }
    }

    /// `Err` with "empty" when the page has no readable text left.
    fn html(html: &str) -> Result<Self, String> {
        let doc = html_main_text(html);
        if doc.text.trim().is_empty() {
            return Err("empty (no readable text in the page)".into());
        }
        Ok(Found { text: doc.text, title: doc.title, language: doc.language, published: doc.published })
    }
}

/// Reads articles from bytes already in memory (an HTTP request body) as [`read_file`]
/// reads a file of that format: the same rules, limits and messages. `name` stands for the
/// file's path in origins ("name", or "name:3" for line 3) and for its stem in default ids
/// ("name", or "name-3"); `metadata` plays the part of a folder index line.
pub fn read_bytes(
    bytes: &[u8],
    format: Format,
    name: &str,
    metadata: Option<&Metadata>,
    options: &IngestOptions,
    emit: &mut dyn FnMut(Outcome),
) {
    match format {
        Format::Text | Format::Html => {
            let size = bytes.len() as u64;
            if size > options.max_file_bytes {
                let reason = too_big(size, options.max_file_bytes);
                return emit(Outcome::Rejected(Rejection::new(name, reason)));
            }
            let document = Document { format, metadata, id: name.to_owned(), origin: name.to_owned() };
            read_document_bytes(bytes.to_vec(), document, options, emit)
        }
        Format::JsonLines => {
            let source = Lines { name, stem: name, metadata, empty_rejected: true };
            read_json_lines_from(io::Cursor::new(bytes), &source, options, &|| false, emit)
        }
    }
}

fn read_document(file: &InputFile, options: &IngestOptions, emit: &mut dyn FnMut(Outcome)) {
    let origin = file.path.display().to_string();
    let bytes = match read_capped(&file.path, options.max_file_bytes) {
        Ok(b) => b,
        Err(reason) => return emit(Outcome::Rejected(Rejection::new(origin, reason))),
    };
    let document =
        Document { format: file.format, metadata: file.metadata.as_ref(), id: file_stem(&file.path), origin };
    read_document_bytes(bytes, document, options, emit);
}

/// Where a text or HTML document's bytes came from.
struct Document<'a> {
    format: Format,
    metadata: Option<&'a Metadata>,
    /// The start of the id it gets when its metadata gives none (the hash of its text
    /// follows).
    id: String,
    origin: String,
}

fn read_document_bytes(bytes: Vec<u8>, document: Document<'_>, options: &IngestOptions, emit: &mut dyn FnMut(Outcome)) {
    let Document { format, metadata, id, origin } = document;
    let reject = |reason: String| Outcome::Rejected(Rejection::new(origin.clone(), reason));
    let decoded = match decode(bytes) {
        Ok(d) => d,
        Err(reason) => return emit(reject(reason)),
    };
    if let Some(message) = decoded.warning {
        emit(Outcome::Warning(Warning { origin: origin.clone(), message }));
    }
    // The page's markup is dropped here, before the article is read and stored.
    let found = match format {
        Format::Html => match Found::html(&{ decoded.text }) {
            Ok(f) => f,
            Err(reason) => return emit(reject(reason)),
        },
        _ => Found::text(decoded.text),
    };
    emit(Outcome::Article(assemble(found, metadata, options, id, origin)));
}

/// The whole file, unless it is larger than `limit` (checked before reading, and again
/// while reading in case it grows).
fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let too_big = |size: u64| too_big(size, limit);
    let file = File::open(path).map_err(|e| describe_io(&e))?;
    let size = file.metadata().map_err(|e| describe_io(&e))?.len();
    if size > limit {
        return Err(too_big(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(|e| describe_io(&e))?;
    if bytes.len() as u64 > limit {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

fn too_big(size: u64, limit: u64) -> String {
    format!("file is {size} bytes, over the limit of {limit} bytes")
}

fn line_too_long(size: u64, limit: u64) -> String {
    format!("line is {size} bytes, over the limit of {limit} bytes")
}

fn read_json_lines_file(
    file: &InputFile,
    options: &IngestOptions,
    stop: &dyn Fn() -> bool,
    emit: &mut dyn FnMut(Outcome),
) {
    let path = file.path.display().to_string();
    let opened = File::open(&file.path).and_then(|f| f.metadata().map(|m| (f, m.len())));
    let (handle, size) = match opened {
        Ok(opened) => opened,
        Err(e) => return emit(Outcome::Rejected(Rejection::new(path, describe_io(&e)))),
    };
    let stem = file_stem(&file.path);
    let source = Lines { name: &path, stem: &stem, metadata: file.metadata.as_ref(), empty_rejected: true };
    if size >= options.day_order_from_bytes {
        if let Some(spans) = lines_by_day(&file.path, options.max_file_bytes) {
            return read_spans(handle, &spans, &source, options, stop, emit);
        }
    }
    read_json_lines_from(BufReader::new(handle), &source, options, stop, emit);
}

/// Where a non-blank line of a JSON Lines file lies, and the day it says it was published.
struct LineSpan {
    day: Option<NaiveDate>,
    number: u64,
    start: u64,
    /// Its bytes before the newline; over the cap, it is rejected unread.
    size: u64,
}

/// Just the day of publication of a line, whatever else it holds, read as an article
/// line's is.
#[derive(serde::Deserialize)]
struct DayOnly {
    #[serde(default, deserialize_with = "crate::metadata::published_date")]
    published: Option<NaiveDate>,
}

/// The file's non-blank lines, ordered by their days of publication (undated lines first,
/// the lines of one day in their order). None when the file is better streamed as it is
/// (unreadable now, binary, or blank): reading it then gives the usual rejection.
fn lines_by_day(path: &Path, limit: u64) -> Option<Vec<LineSpan>> {
    let mut reader = BufReader::with_capacity(1 << 16, File::open(path).ok()?);
    let (mut spans, mut buf, mut start) = (Vec::new(), Vec::new(), 0u64);
    for number in 1.. {
        let size = match read_line_capped(&mut reader, &mut buf, limit).ok()? {
            Line::End => break,
            Line::TooLong(size) => size,
            Line::Complete(size) => {
                if number == 1 && buf.contains(&0) {
                    return None;
                }
                size
            }
        };
        if size > limit || !buf.trim_ascii().is_empty() {
            // A line that does not parse is undated here; reading it gives its rejection.
            let bytes = if number == 1 { strip_bom(&buf) } else { &buf };
            let day = serde_json::from_slice::<DayOnly>(bytes).ok().and_then(|line| line.published);
            spans.push(LineSpan { day, number, start, size });
        }
        start += size + 1;
    }
    spans.sort_by_key(|span| span.day);
    (!spans.is_empty()).then_some(spans)
}

/// Reads the lines at `spans`, in that order, as [`read_json_lines_from`] reads a stream.
fn read_spans(
    mut file: File,
    spans: &[LineSpan],
    source: &Lines<'_>,
    options: &IngestOptions,
    stop: &dyn Fn() -> bool,
    emit: &mut dyn FnMut(Outcome),
) {
    let mut buf = Vec::new();
    for span in spans {
        if stop() {
            return;
        }
        let origin = format!("{}:{}", source.name, span.number);
        if span.size > options.max_file_bytes {
            emit(Outcome::Rejected(Rejection::new(origin, line_too_long(span.size, options.max_file_bytes))));
            continue;
        }
        buf.resize(usize::try_from(span.size).unwrap_or(usize::MAX), 0);
        let read = file.seek(SeekFrom::Start(span.start)).and_then(|_| file.read_exact(&mut buf));
        if let Err(e) = read {
            // The file changed since its lines were found.
            return emit(Outcome::Rejected(Rejection::new(origin, describe_io(&e))));
        }
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
        let bytes = if span.number == 1 { strip_bom(&buf) } else { &buf };
        emit(line_outcome(bytes, source, options, origin));
    }
}

/// Reads articles from a stream of JSON Lines (standard input) as [`read_file`] reads a
/// `.jsonl` file: one outcome per non-blank line, the same rules, limits and messages, and
/// `stop` checked before each line. `name` stands for the file's path in origins ("stdin:3"
/// for line 3) and for its stem in default ids. Unlike a file, an empty stream is no error:
/// a pipe may well carry no article (an empty partition of a larger job).
pub fn read_json_lines(
    reader: impl BufRead,
    name: &str,
    options: &IngestOptions,
    stop: &dyn Fn() -> bool,
    emit: &mut dyn FnMut(Outcome),
) {
    let source = Lines { name, stem: name, metadata: None, empty_rejected: false };
    read_json_lines_from(reader, &source, options, stop, emit)
}

/// Where a stream of JSON Lines comes from.
#[derive(Clone, Copy)]
struct Lines<'a> {
    /// Names the input in origins.
    name: &'a str,
    /// Starts the default ids.
    stem: &'a str,
    /// The folder index's line for the file, if any.
    metadata: Option<&'a Metadata>,
    /// Whether a stream without a line is rejected as empty.
    empty_rejected: bool,
}

/// Streams JSON Lines from `reader`.
fn read_json_lines_from(
    mut reader: impl BufRead,
    source: &Lines<'_>,
    options: &IngestOptions,
    stop: &dyn Fn() -> bool,
    emit: &mut dyn FnMut(Outcome),
) {
    let Lines { name: path, empty_rejected, .. } = *source;
    let mut buf = Vec::new();
    let mut any_line = false;
    for number in 1.. {
        if stop() {
            return;
        }
        let origin = format!("{path}:{number}");
        let reject = |reason: String| Outcome::Rejected(Rejection::new(origin.clone(), reason));
        match read_line_capped(&mut reader, &mut buf, options.max_file_bytes) {
            Ok(Line::End) => break,
            Ok(Line::TooLong(size)) => emit(reject(line_too_long(size, options.max_file_bytes))),
            Ok(Line::Complete(_)) => {
                let bytes = if number == 1 { strip_bom(&buf) } else { &buf };
                // A binary file renamed .jsonl would otherwise give one rejection per
                // "line" of garbage.
                if number == 1 && bytes.contains(&0) {
                    return emit(Outcome::Rejected(Rejection::new(path, "binary file")));
                }
                if bytes.trim_ascii().is_empty() {
                    continue;
                }
                any_line = true;
                emit(line_outcome(bytes, source, options, origin));
            }
            Err(e) => return emit(reject(describe_io(&e))),
        }
    }
    if !any_line && empty_rejected {
        emit(Outcome::Rejected(Rejection::new(path, "empty")));
    }
}

/// What a non-blank line gives: its article, or its rejection under `origin`.
fn line_outcome(bytes: &[u8], source: &Lines<'_>, options: &IngestOptions, origin: String) -> Outcome {
    json_line(bytes, source.metadata, options, source.stem.to_owned(), &origin)
        .unwrap_or_else(|reason| Outcome::Rejected(Rejection::new(origin, reason)))
}

/// One JSON Lines article; `Err` is the rejection reason.
fn json_line(
    bytes: &[u8],
    defaults: Option<&Metadata>,
    options: &IngestOptions,
    stem: String,
    origin: &str,
) -> Result<Outcome, String> {
    let line: ArticleLine = serde_json::from_slice(bytes).map_err(|e| format!("invalid JSON: {e}"))?;
    let found = match (line.text, line.html) {
        (Some(text), _) => Found::text(clean_text(normalise_newlines(text))?),
        (None, Some(html)) => Found::html(&html)?,
        (None, None) => return Err("neither \"text\" nor \"html\" given".into()),
    };
    let meta = line.meta.inherit(defaults);
    let article = assemble(found, Some(&meta), options, stem, origin.to_owned());
    Ok(Outcome::Article(article))
}

/// Outcome of reading one line with a length cap.
enum Line {
    /// A line was read; its size in bytes before the newline ("\r" included).
    Complete(u64),
    /// Longer than the cap (its size in bytes); it was skipped without being kept.
    TooLong(u64),
    End,
}

/// Reads one line (without its "\n", and without a "\r" before it) into `buf`, keeping at
/// most `limit` bytes in memory: a longer line is consumed and reported, not stored.
fn read_line_capped(reader: &mut impl BufRead, buf: &mut Vec<u8>, limit: u64) -> io::Result<Line> {
    buf.clear();
    let mut size: u64 = 0;
    let mut started = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            if !started {
                return Ok(Line::End);
            }
            break;
        }
        started = true;
        // A line is thousands of bytes: searched a vector at a time, not byte by byte.
        let newline = memchr::memchr(b'\n', available);
        let chunk = &available[..newline.unwrap_or(available.len())];
        size += chunk.len() as u64;
        if size <= limit {
            buf.extend_from_slice(chunk);
        }
        let used = chunk.len() + usize::from(newline.is_some());
        reader.consume(used);
        if newline.is_some() {
            break;
        }
    }
    if size > limit {
        buf.clear();
        return Ok(Line::TooLong(size));
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Line::Complete(size))
}

/// Applies the precedence: options over metadata over what the content says. Without an
/// id in the metadata, the id is `stem` and the start of the text's hash: two files called
/// index.html in two folders, or two versions of one file, never take each other's place.
fn assemble(found: Found, meta: Option<&Metadata>, options: &IngestOptions, stem: String, origin: String) -> Article {
    let meta = meta.cloned().unwrap_or_default();
    let language = choose_language(&found, &meta, options);
    // The text is hashed here only for an id made of its hash; else when the hash is first
    // asked for (storing asks, extracting does not).
    let (id, content_hash) = match meta.id.filter(|id| !id.trim().is_empty()) {
        Some(id) => (id, ContentHash::default()),
        None => {
            let hash = content_hash(found.text.as_bytes());
            (default_id(&stem, &hash), ContentHash::known(hash))
        }
    };
    Article {
        id,
        content_hash,
        language,
        published: options.published.or(meta.published).or(found.published),
        source: meta.source,
        url: meta.url,
        title: meta.title.or(found.title),
        origin,
        text: found.text,
    }
}

/// Given (options, then metadata), else detected from the text, else the page's `lang`
/// attribute, else "und". The text is trusted over `lang` because site templates often
/// carry one language for every edition.
fn choose_language(found: &Found, meta: &Metadata, options: &IngestOptions) -> String {
    let given = |code: &Option<String>| {
        code.as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(|c| normalise_language(c).unwrap_or_else(|| c.to_owned()))
    };
    given(&options.language)
        .or_else(|| given(&meta.language))
        .or_else(|| detect_language(&found.text))
        .or_else(|| found.language.clone())
        .unwrap_or_else(|| UNDETERMINED.to_owned())
}

/// `stem-` and the first 12 hex digits of the text's hash (48 bits: a collision among a
/// million articles of one stem has odds below one in 500).
fn default_id(stem: &str, hash: &str) -> String {
    let short = hash.get(..12).unwrap_or(hash);
    if stem.is_empty() {
        short.to_owned()
    } else {
        format!("{stem}-{short}")
    }
}

fn file_stem(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::path::PathBuf;

    const FR: &str = "Les forces du régime syrien ont repris mardi la ville de Maaret al-Noomane, \
                      après des semaines de combats avec les groupes rebelles et jihadistes.";
    const EN: &str = "Syrian regime forces on Tuesday recaptured the town of Maaret al-Numan \
                      after weeks of fighting with rebel and jihadist groups, a monitor said.";

    fn input(path: PathBuf, format: Format, metadata: Option<Metadata>) -> InputFile {
        InputFile { path, format, metadata }
    }

    fn read(file: &InputFile, options: &IngestOptions) -> Vec<Outcome> {
        let mut out = Vec::new();
        read_file(file, options, &mut |o| out.push(o));
        out
    }

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let path = dir.join(name);
        fs::write(&path, bytes).unwrap();
        path
    }

    fn only_article(outcomes: Vec<Outcome>) -> Article {
        match outcomes.as_slice() {
            [Outcome::Article(a)] => a.clone(),
            other => panic!("expected one article, got {other:?}"),
        }
    }

    fn only_rejection(outcomes: Vec<Outcome>) -> Rejection {
        match outcomes.as_slice() {
            [Outcome::Rejected(r)] => r.clone(),
            other => panic!("expected one rejection, got {other:?}"),
        }
    }

    #[test]
    fn text_file_becomes_an_article_with_detected_language() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "report-fr.txt", format!("\u{FEFF}{FR}\r\n\r\n").as_bytes());
        let a = only_article(read(&input(path.clone(), Format::Text, None), &IngestOptions::default()));
        assert_eq!(a.id, format!("report-fr-{}", &content_hash(FR.as_bytes())[..12]));
        assert_eq!(a.text, FR);
        assert_eq!(a.language, "fr");
        assert_eq!(a.origin, path.display().to_string());
        assert_eq!(a.content_hash(), content_hash(FR.as_bytes()));
        assert_eq!(a.published, None);
    }

    #[test]
    fn undetectable_language_is_und() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "short.txt", b"Idlib 2020");
        let a = only_article(read(&input(path, Format::Text, None), &IngestOptions::default()));
        assert_eq!(a.language, "und");
    }

    #[test]
    fn binary_file_is_rejected() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "x.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
        let r = only_rejection(read(&input(path.clone(), Format::Text, None), &IngestOptions::default()));
        assert_eq!(r.reason, "binary file");
        assert_eq!(r.origin, path.display().to_string());
    }

    #[test]
    fn invalid_utf8_warns_or_rejects() {
        let dir = tempfile::tempdir().unwrap();
        let mut damaged = FR.as_bytes().to_vec();
        damaged.extend_from_slice(b" caf\xE9");
        let path = write(dir.path(), "damaged.txt", &damaged);
        let out = read(&input(path.clone(), Format::Text, None), &IngestOptions::default());
        let [Outcome::Warning(w), Outcome::Article(a)] = out.as_slice() else {
            panic!("expected a warning then an article, got {out:?}");
        };
        assert_eq!(w.origin, path.display().to_string());
        assert!(w.message.contains("U+FFFD"));
        assert!(a.text.ends_with("caf\u{FFFD}"));

        // Without a single UTF-8 sequence, it is another encoding: Latin-1 here.
        let path = write(dir.path(), "latin1.txt", b"Le quartier a d\xE9j\xE0 \xE9t\xE9 bombard\xE9 \xE0 Alep.");
        let out = read(&input(path, Format::Text, None), &IngestOptions::default());
        let [Outcome::Warning(w), Outcome::Article(a)] = out.as_slice() else {
            panic!("expected a warning then an article, got {out:?}");
        };
        assert_eq!(a.text, "Le quartier a déjà été bombardé à Alep.");
        assert!(w.message.contains("windows-1252"), "{}", w.message);
    }

    #[test]
    fn utf16_file_is_decoded() {
        let dir = tempfile::tempdir().unwrap();
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(EN.encode_utf16().flat_map(u16::to_le_bytes));
        let path = write(dir.path(), "u16.txt", &bytes);
        let a = only_article(read(&input(path, Format::Text, None), &IngestOptions::default()));
        assert_eq!(a.text, EN);
        assert_eq!(a.language, "en");
    }

    #[test]
    fn empty_file_is_rejected() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "blank.txt", b"  \n\r\n\t");
        let r = only_rejection(read(&input(path, Format::Text, None), &IngestOptions::default()));
        assert_eq!(r.reason, "empty");
        let path = write(dir.path(), "none.jsonl", b"\n\n");
        let r = only_rejection(read(&input(path, Format::JsonLines, None), &IngestOptions::default()));
        assert_eq!(r.reason, "empty");
    }

    #[test]
    fn oversized_file_is_rejected_with_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "big.txt", EN.as_bytes());
        let options = IngestOptions { max_file_bytes: 100, ..IngestOptions::default() };
        let r = only_rejection(read(&input(path, Format::Text, None), &options));
        assert!(r.reason.contains("limit of 100 bytes"), "{}", r.reason);
    }

    #[test]
    fn jsonl_limit_is_per_line() {
        let dir = tempfile::tempdir().unwrap();
        let long = format!("{{\"text\": \"{EN}\"}}\n");
        let path = write(
            dir.path(),
            "feed.jsonl",
            format!("{{\"text\": \"short\"}}\n{long}{{\"text\": \"again\"}}\n").as_bytes(),
        );
        let options = IngestOptions { max_file_bytes: 40, ..IngestOptions::default() };
        let out = read(&input(path.clone(), Format::JsonLines, None), &options);
        assert_eq!(out.len(), 3);
        assert!(matches!(&out[0], Outcome::Article(a) if a.text == "short"));
        let Outcome::Rejected(r) = &out[1] else { panic!("{out:?}") };
        assert_eq!(r.origin, format!("{}:2", path.display()));
        assert!(r.reason.contains("limit of 40 bytes"));
        let again = format!("feed-{}", &content_hash(b"again")[..12]);
        assert!(matches!(&out[2], Outcome::Article(a) if a.text == "again" && a.id == again));
    }

    #[test]
    fn a_large_feed_is_read_in_the_order_of_its_days_with_its_line_numbers() {
        let dir = tempfile::tempdir().unwrap();
        let long = "x".repeat(400);
        let lines = [
            format!("\u{FEFF}{{\"id\": \"late\", \"text\": \"{EN}\", \"published\": \"2020-03-02\"}}"),
            format!("{{\"id\": \"early\", \"text\": \"{FR}\", \"published\": \"2019-12-31T23:00:00Z\"}}\r"),
            String::new(),
            "{\"id\": \"bad\", \"text\": oops, \"published\": \"2018-01-01\"}".to_owned(),
            "{\"id\": \"undated\", \"text\": \"short\"}".to_owned(),
            format!("{{\"id\": \"long\", \"text\": \"{long}\", \"published\": \"2017-05-05\"}}"),
            "{\"id\": \"same-day\", \"text\": \"again\", \"published\": \"2020-03-02\"}".to_owned(),
        ];
        let path = write(dir.path(), "feed.jsonl", lines.join("\n").as_bytes());
        let file = input(path.clone(), Format::JsonLines, None);
        let in_lines = IngestOptions { max_file_bytes: 300, ..IngestOptions::default() };
        let by_day = IngestOptions { day_order_from_bytes: 0, ..in_lines.clone() };
        let line_of = |outcome: &Outcome| {
            let (origin, what) = match outcome {
                Outcome::Article(a) => (a.origin.clone(), a.id.clone()),
                Outcome::Rejected(r) => (r.origin.clone(), "rejected".to_owned()),
                Outcome::Warning(w) => (w.origin.clone(), "warning".to_owned()),
            };
            let number = origin.rsplit(':').next().unwrap_or_default().to_owned();
            format!("{number} {what}")
        };
        let lines_read = |options: &IngestOptions| read(&file, options).iter().map(line_of).collect::<Vec<_>>();
        assert_eq!(lines_read(&in_lines), ["1 late", "2 early", "4 rejected", "5 undated", "6 rejected", "7 same-day"]);
        // Undated (and unreadable) lines first, then day by day; one day's lines in their order.
        assert_eq!(lines_read(&by_day), ["4 rejected", "5 undated", "6 rejected", "2 early", "1 late", "7 same-day"]);
        // The same articles either way, read whole (the BOM and the "\r" dropped as in a stream).
        let articles = |options: &IngestOptions| {
            let mut articles: Vec<Article> = read(&file, options)
                .into_iter()
                .filter_map(|o| if let Outcome::Article(a) = o { Some(a) } else { None })
                .collect();
            articles.sort_by(|a, b| a.id.cmp(&b.id));
            articles
        };
        assert_eq!(articles(&by_day), articles(&in_lines));
        let Some(early) = articles(&by_day).into_iter().find(|a| a.id == "early") else { panic!("no early") };
        assert_eq!((early.text.as_str(), early.published), (FR, NaiveDate::from_ymd_opt(2019, 12, 31)));
    }

    #[test]
    fn malformed_jsonl_line_is_rejected_with_its_line_number() {
        let dir = tempfile::tempdir().unwrap();
        let lines = [
            format!("{{\"id\": \"a\", \"text\": \"{EN}\", \"published\": \"2020-01-28T09:00:00Z\"}}"),
            "{\"id\": \"b\", \"text\": oops}".to_owned(),
            String::new(),
            format!("{{\"text\": \"{FR}\", \"source\": \"AFP\"}}\r"),
            "{\"id\": \"d\", \"title\": \"no body\"}".to_owned(),
            "{\"id\": \"e\", \"html\": \"<p>Clashes near Saraqib on Monday.</p>\", \"language\": \"en\"}".to_owned(),
        ];
        let path = write(dir.path(), "feed.jsonl", lines.join("\n").as_bytes());
        let out = read(&input(path.clone(), Format::JsonLines, None), &IngestOptions::default());
        assert_eq!(out.len(), 5, "{out:?}");
        let Outcome::Article(a) = &out[0] else { panic!("{out:?}") };
        assert_eq!((a.id.as_str(), a.language.as_str()), ("a", "en"));
        assert_eq!(a.origin, format!("{}:1", path.display()));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2020, 1, 28));
        let Outcome::Rejected(r) = &out[1] else { panic!("{out:?}") };
        assert_eq!(r.origin, format!("{}:2", path.display()));
        assert!(r.reason.starts_with("invalid JSON: expected value at line 1"), "{}", r.reason);
        let Outcome::Article(c) = &out[2] else { panic!("{out:?}") };
        assert_eq!((c.id.as_str(), c.language.as_str()), (format!("feed-{}", &c.content_hash()[..12]).as_str(), "fr"));
        assert_eq!(c.source.as_deref(), Some("AFP"));
        let Outcome::Rejected(d) = &out[3] else { panic!("{out:?}") };
        assert_eq!(d.origin, format!("{}:5", path.display()));
        assert!(d.reason.contains("neither"));
        let Outcome::Article(e) = &out[4] else { panic!("{out:?}") };
        assert_eq!(e.text, "Clashes near Saraqib on Monday.");
    }

    #[test]
    fn precedence_options_then_metadata_then_content() {
        let dir = tempfile::tempdir().unwrap();
        let html = format!(
            "<html lang=\"de\"><head><title>Page title</title>\
             <meta property=\"article:published_time\" content=\"2019-01-01\"></head>\
             <body><article><p>{EN}</p></article></body></html>"
        );
        let path = write(dir.path(), "page.html", html.as_bytes());
        let meta = Metadata {
            id: Some("meta-id".into()),
            language: Some("fr".into()),
            published: NaiveDate::from_ymd_opt(2020, 2, 2),
            source: Some("Wire".into()),
            ..Metadata::default()
        };

        // Content alone: the text's language wins over <html lang>, the page gives the rest.
        let plain = only_article(read(&input(path.clone(), Format::Html, None), &IngestOptions::default()));
        assert_eq!(plain.id, format!("page-{}", &plain.content_hash()[..12]));
        assert_eq!(plain.language, "en");
        assert_eq!(plain.title.as_deref(), Some("Page title"));
        assert_eq!(plain.published, NaiveDate::from_ymd_opt(2019, 1, 1));
        assert_eq!(plain.text, EN);

        // Metadata overrides what the page says.
        let with_meta =
            only_article(read(&input(path.clone(), Format::Html, Some(meta.clone())), &IngestOptions::default()));
        assert_eq!(with_meta.id, "meta-id");
        assert_eq!(with_meta.language, "fr");
        assert_eq!(with_meta.published, NaiveDate::from_ymd_opt(2020, 2, 2));
        assert_eq!(with_meta.source.as_deref(), Some("Wire"));
        assert_eq!(with_meta.title.as_deref(), Some("Page title"));

        // Options override metadata.
        let options = IngestOptions {
            published: NaiveDate::from_ymd_opt(2021, 3, 3),
            language: Some("ar".into()),
            ..IngestOptions::default()
        };
        let forced = only_article(read(&input(path, Format::Html, Some(meta)), &options));
        assert_eq!(forced.language, "ar");
        assert_eq!(forced.published, NaiveDate::from_ymd_opt(2021, 3, 3));
        assert_eq!(forced.id, "meta-id");
    }

    #[test]
    fn page_lang_is_used_when_text_is_too_short_to_detect() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "p.htm", b"<html lang=\"fr-FR\"><p>Alep</p></html>");
        let a = only_article(read(&input(path, Format::Html, None), &IngestOptions::default()));
        assert_eq!(a.language, "fr");
    }

    #[test]
    fn html_with_no_readable_text_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "nav.html", b"<nav><a href=/>Home</a></nav><script>x()</script>");
        let r = only_rejection(read(&input(path, Format::Html, None), &IngestOptions::default()));
        assert!(r.reason.starts_with("empty"));
    }

    #[test]
    fn missing_file_is_rejected_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        for format in [Format::Text, Format::Html, Format::JsonLines] {
            let r = only_rejection(read(&input(dir.path().join("gone"), format, None), &IngestOptions::default()));
            assert_eq!(r.reason, "no such file or directory");
        }
    }

    #[test]
    fn bytes_read_like_files_of_their_format() {
        let read_bytes_of = |bytes: &[u8], format, options: &IngestOptions| {
            let mut out = Vec::new();
            read_bytes(bytes, format, "post", None, options, &mut |o| out.push(o));
            out
        };
        let feed = format!("{{\"id\": \"a\", \"text\": \"{EN}\"}}\n{{\"text\": oops}}\n{{\"text\": \"{FR}\"}}");
        let out = read_bytes_of(feed.as_bytes(), Format::JsonLines, &IngestOptions::default());
        assert_eq!(out.len(), 3, "{out:?}");
        assert!(matches!(&out[0], Outcome::Article(a) if a.id == "a" && a.origin == "post:1"));
        let Outcome::Rejected(r) = &out[1] else { panic!("{out:?}") };
        assert_eq!(r.origin, "post:2");
        assert!(r.reason.starts_with("invalid JSON"), "{}", r.reason);
        assert!(
            matches!(&out[2], Outcome::Article(a) if a.id == format!("post-{}", &a.content_hash()[..12]) && a.language == "fr")
        );

        let meta = Metadata {
            id: Some("page".into()),
            published: NaiveDate::from_ymd_opt(2020, 1, 28),
            ..Metadata::default()
        };
        let html = format!("<html><body><article><p>{EN}</p></article></body></html>");
        let mut out = Vec::new();
        read_bytes(html.as_bytes(), Format::Html, "post", Some(&meta), &IngestOptions::default(), &mut |o| out.push(o));
        let a = only_article(out);
        assert_eq!((a.id.as_str(), a.text.as_str()), ("page", EN));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2020, 1, 28));

        let small = IngestOptions { max_file_bytes: 10, ..IngestOptions::default() };
        let r = only_rejection(read_bytes_of(EN.as_bytes(), Format::Text, &small));
        assert_eq!(r.origin, "post");
        assert!(r.reason.contains("limit of 10 bytes"), "{}", r.reason);
        let r = only_rejection(read_bytes_of(b"\n \n", Format::JsonLines, &IngestOptions::default()));
        assert_eq!(r.reason, "empty");
    }

    #[test]
    fn files_of_one_name_in_two_folders_keep_their_own_ids_and_paths() {
        let dir = tempfile::tempdir().unwrap();
        for folder in ["a", "b"] {
            fs::create_dir(dir.path().join(folder)).unwrap();
        }
        let one = write(&dir.path().join("a"), "index.html", format!("<p>{EN}</p>").as_bytes());
        let two = write(&dir.path().join("b"), "index.html", format!("<p>{FR}</p>").as_bytes());
        let a = only_article(read(&input(one.clone(), Format::Html, None), &IngestOptions::default()));
        let b = only_article(read(&input(two.clone(), Format::Html, None), &IngestOptions::default()));
        assert_ne!(a.id, b.id, "two different pages called index.html must not share an id");
        assert!(a.id.starts_with("index-") && b.id.starts_with("index-"));
        assert_eq!((a.origin, b.origin), (one.display().to_string(), two.display().to_string()));
        // The same text read again keeps its id: ids are stable across runs.
        let again = only_article(read(&input(one, Format::Html, None), &IngestOptions::default()));
        assert_eq!(again.id, a.id);
    }

    #[test]
    fn a_stop_is_honoured_between_json_lines() {
        let dir = tempfile::tempdir().unwrap();
        let lines: Vec<String> = (0..5).map(|i| format!("{{\"text\": \"{EN} {i}\"}}")).collect();
        let path = write(dir.path(), "feed.jsonl", lines.join("\n").as_bytes());
        let file = input(path, Format::JsonLines, None);
        let seen = std::cell::Cell::new(0);
        let mut out = Vec::new();
        read_file_until(&file, &IngestOptions::default(), &|| seen.get() >= 2, &mut |o| {
            seen.set(seen.get() + 1);
            out.push(o);
        });
        assert_eq!(out.len(), 2, "nothing is read after the stop: {out:?}");
        let mut none = Vec::new();
        read_file_until(&file, &IngestOptions::default(), &|| true, &mut |o| none.push(o));
        assert!(none.is_empty());
    }

    #[test]
    fn capped_line_reader_splits_and_skips() {
        let mut reader = io::Cursor::new(b"ab\r\ncdefgh\n\nlast".to_vec());
        let mut buf = Vec::new();
        assert!(matches!(read_line_capped(&mut reader, &mut buf, 4).unwrap(), Line::Complete(_)));
        assert_eq!(buf, b"ab");
        assert!(matches!(read_line_capped(&mut reader, &mut buf, 4).unwrap(), Line::TooLong(6)));
        assert!(buf.is_empty());
        assert!(matches!(read_line_capped(&mut reader, &mut buf, 4).unwrap(), Line::Complete(_)));
        assert_eq!(buf, b"");
        assert!(matches!(read_line_capped(&mut reader, &mut buf, 4).unwrap(), Line::Complete(_)));
        assert_eq!(buf, b"last");
        assert!(matches!(read_line_capped(&mut reader, &mut buf, 4).unwrap(), Line::End));
    }

    #[test]
    fn a_stream_of_json_lines_names_its_lines_and_may_be_empty() {
        let good = format!("{{\"id\": \"a\", \"text\": \"{EN}\"}}");
        let stream = format!("{good}\n\nnot json\n{{\"text\": \"{EN} again\"}}\n");
        let mut out = Vec::new();
        read_json_lines(io::Cursor::new(stream), "stdin", &IngestOptions::default(), &|| false, &mut |o| out.push(o));
        let [Outcome::Article(a), Outcome::Rejected(r), Outcome::Article(b)] = out.as_slice() else {
            panic!("expected article, rejection, article: {out:?}");
        };
        assert_eq!((a.id.as_str(), a.origin.as_str()), ("a", "stdin:1"));
        assert_eq!(r.origin, "stdin:3");
        assert!(r.reason.starts_with("invalid JSON"), "{}", r.reason);
        assert!(b.id.starts_with("stdin-"), "{}", b.id);
        assert_eq!(b.origin, "stdin:4");

        let mut none = Vec::new();
        read_json_lines(io::Cursor::new(""), "stdin", &IngestOptions::default(), &|| false, &mut |o| none.push(o));
        assert!(none.is_empty(), "an empty stream is no error: {none:?}");
    }
}
