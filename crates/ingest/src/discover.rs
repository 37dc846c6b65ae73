//! From command-line paths to the list of files to read, with their index metadata.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::metadata::Metadata;
use crate::Rejection;

/// The name of a folder's metadata index (when its lines carry a "file" key).
pub(crate) const INDEX_FILE_NAME: &str = "articles.jsonl";
/// Index lines longer than this are refused: an index line is a few hundred bytes, and the
/// cap keeps a mistaken multi-gigabyte single-line file from being read into memory.
const MAX_INDEX_LINE_BYTES: u64 = 1024 * 1024;

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text (`.txt`, and any explicitly named file of an unknown extension).
    Text,
    /// A web page (`.html`, `.htm`).
    Html,
    /// One JSON article per line (`.jsonl`).
    JsonLines,
}

/// One file to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    pub path: PathBuf,
    pub format: Format,
    /// The line of the folder's `articles.jsonl` index whose "file" is this file's name.
    pub metadata: Option<Metadata>,
}

/// Expands files and folders into the files to read, in order: each argument in turn,
/// folders recursively with entries sorted by name. Symbolic links are followed, but a
/// folder (or file) reached twice is visited once, so link loops end. In folders only
/// `.txt`, `.html`/`.htm` and `.jsonl` files are taken, and hidden entries (".git") are
/// skipped; an explicitly named file is always taken. A metadata index is not an input:
/// in a folder it is used silently, named explicitly it is rejected with an explanation.
/// Missing paths, unreadable folders and malformed index lines become rejections.
pub fn discover(paths: &[PathBuf]) -> (Vec<InputFile>, Vec<Rejection>) {
    let mut walk = Walk::default();
    for path in paths {
        walk.add_argument(path);
    }
    (walk.files, walk.rejections)
}

/// Index lines by the file name they describe.
type Index = HashMap<String, Metadata>;

#[derive(Default)]
struct Walk {
    files: Vec<InputFile>,
    rejections: Vec<Rejection>,
    /// Canonical paths already taken, so links and repeated arguments give one visit.
    seen_dirs: HashSet<PathBuf>,
    seen_files: HashSet<PathBuf>,
    /// Each folder's index, loaded once (`None`: the folder has none).
    indexes: HashMap<PathBuf, Option<Index>>,
}

impl Walk {
    fn add_argument(&mut self, path: &Path) {
        match fs::metadata(path) {
            Err(e) => self.reject(path, describe_io(&e)),
            Ok(m) if m.is_dir() => self.walk_dir(path),
            Ok(_) => self.add_file(path, format_of(path).unwrap_or(Format::Text), true),
        }
    }

    /// Depth-first over an explicit stack of sorted entry lists, so folder depth never
    /// grows the call stack.
    fn walk_dir(&mut self, root: &Path) {
        let mut pending: Vec<std::vec::IntoIter<PathBuf>> = Vec::new();
        pending.extend(self.enter_dir(root));
        while let Some(entries) = pending.last_mut() {
            let Some(entry) = entries.next() else {
                pending.pop();
                continue;
            };
            let format = format_of(&entry);
            match fs::metadata(&entry) {
                Ok(m) if m.is_dir() => pending.extend(self.enter_dir(&entry)),
                Ok(_) => {
                    if let Some(format) = format {
                        self.add_file(&entry, format, false);
                    }
                }
                // A dangling or looping link: worth reporting only if it looks like input.
                Err(e) => {
                    if format.is_some() {
                        self.reject(&entry, describe_io(&e));
                    }
                }
            }
        }
    }

    /// The folder's visible entries sorted by name, or `None` if it was already visited
    /// (a link loop) or cannot be read.
    fn enter_dir(&mut self, dir: &Path) -> Option<std::vec::IntoIter<PathBuf>> {
        let canonical = match fs::canonicalize(dir) {
            Ok(c) => c,
            Err(e) => return self.reject_none(dir, describe_io(&e)),
        };
        if !self.seen_dirs.insert(canonical) {
            return None;
        }
        let listing = match fs::read_dir(dir) {
            Ok(l) => l,
            Err(e) => return self.reject_none(dir, describe_io(&e)),
        };
        let mut entries: Vec<PathBuf> = listing
            .filter_map(Result::ok)
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .map(|e| e.path())
            .collect();
        entries.sort();
        Some(entries.into_iter())
    }

    fn add_file(&mut self, path: &Path, format: Format, explicit: bool) {
        let dir = parent_dir(path);
        let name = file_name(path);
        if name == INDEX_FILE_NAME && self.index_for(&dir).is_some() {
            if explicit {
                self.reject(
                    path,
                    "a metadata index (its lines name files), not articles: \
                     name its folder or the files it describes",
                );
            }
            return;
        }
        if let Ok(canonical) = fs::canonicalize(path) {
            if !self.seen_files.insert(canonical) {
                return;
            }
        }
        let metadata = self.index_for(&dir).and_then(|index| index.get(&name)).cloned();
        self.files.push(InputFile { path: path.to_path_buf(), format, metadata });
    }

    /// The folder's index, loading it on first use.
    fn index_for(&mut self, dir: &Path) -> Option<&Index> {
        if !self.indexes.contains_key(dir) {
            let index = self.load_index(&dir.join(INDEX_FILE_NAME));
            self.indexes.insert(dir.to_path_buf(), index);
        }
        self.indexes.get(dir).and_then(Option::as_ref)
    }

    /// Reads `path` as an index if it is one: its first non-blank line is a JSON object
    /// with a "file" key. Otherwise it is an ordinary JSON Lines article file.
    fn load_index(&mut self, path: &Path) -> Option<Index> {
        let file = fs::File::open(path).ok()?;
        let mut lines = IndexLines::new(file);
        // Decide on the first line alone, before reporting anything: an article file's
        // problems are for the reader to report, line by line.
        let (number, first) = lines.next_line()?;
        let first = first.ok().filter(|line| names_a_file(line))?;
        let mut index = Index::new();
        let mut line = Ok(first);
        let mut number = number;
        loop {
            let origin = format!("{}:{number}", path.display());
            match line.and_then(|l| index_entry(&l)) {
                Ok((name, meta)) => {
                    index.insert(name, meta);
                }
                Err(reason) => self.rejections.push(Rejection::new(origin, reason)),
            }
            match lines.next_line() {
                Some((n, l)) => (number, line) = (n, l),
                None => return Some(index),
            }
        }
    }

    fn reject(&mut self, path: &Path, reason: impl Into<String>) {
        self.rejections.push(Rejection::new(path.display().to_string(), reason));
    }

    fn reject_none<T>(&mut self, path: &Path, reason: String) -> Option<T> {
        self.reject(path, reason);
        None
    }
}

/// Non-blank lines of an index with their 1-based numbers; over-long or non-UTF-8 lines
/// come back as errors so one bad line does not hide the rest.
struct IndexLines<R> {
    reader: BufReader<R>,
    number: usize,
    /// Set after an over-long line: the rest of the file is not read.
    stopped: bool,
}

impl<R: Read> IndexLines<R> {
    fn new(inner: R) -> Self {
        IndexLines { reader: BufReader::new(inner), number: 0, stopped: false }
    }

    fn next_line(&mut self) -> Option<(usize, Result<String, String>)> {
        if self.stopped {
            return None;
        }
        let mut buf = Vec::new();
        loop {
            self.number += 1;
            buf.clear();
            let read = (&mut self.reader).take(MAX_INDEX_LINE_BYTES).read_until(b'\n', &mut buf);
            match read {
                Ok(0) => return None,
                Ok(_) if !buf.ends_with(b"\n") && buf.len() as u64 >= MAX_INDEX_LINE_BYTES => {
                    // Give up on the rest of the file: realigning on the next line would
                    // mean reading through an arbitrarily long line.
                    self.stopped = true;
                    return Some((self.number, Err("index line too long".into())));
                }
                Ok(_) => {}
                Err(e) => return Some((self.number, Err(e.to_string()))),
            }
            let text = match std::str::from_utf8(strip_bom(&buf)) {
                Ok(t) => t.trim(),
                Err(_) => return Some((self.number, Err("not UTF-8 text".into()))),
            };
            if !text.is_empty() {
                return Some((self.number, Ok(text.to_owned())));
            }
        }
    }
}

pub(crate) fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// An index line as (file name, metadata), or why it cannot be used.
fn index_entry(line: &str) -> Result<(String, Metadata), String> {
    let meta: Metadata = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let name = meta
        .file
        .as_deref()
        .map(|f| f.trim_start_matches("./").to_owned())
        .filter(|f| !f.is_empty())
        .ok_or_else(|| "index line without a \"file\"".to_owned())?;
    Ok((name, meta))
}

/// Whether a JSON line is an object with a "file" key (an index line, not an article).
fn names_a_file(line: &str) -> bool {
    serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(line)
        .is_ok_and(|object| object.contains_key("file"))
}

/// The format a file's extension gives (`.txt`, `.html`/`.htm`, `.jsonl`), if any.
pub fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
    match ext.as_str() {
        "txt" => Some(Format::Text),
        "html" | "htm" => Some(Format::Html),
        "jsonl" => Some(Format::JsonLines),
        _ => None,
    }
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// An I/O error in words, without the "(os error 2)" suffix: "no such file or directory".
pub(crate) fn describe_io(e: &io::Error) -> String {
    let text = e.to_string();
    let words = text.split(" (os error").next().unwrap_or(&text);
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn names(files: &[InputFile]) -> Vec<String> {
        files.iter().map(|f| file_name(&f.path)).collect()
    }

    #[test]
    fn folders_are_walked_sorted_and_filtered() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("sub")).unwrap();
        fs::create_dir(root.join(".git")).unwrap();
        for name in ["b.txt", "a.html", "c.HTM", "d.jsonl", "notes.md", "sub/e.txt", ".git/f.txt"] {
            fs::write(root.join(name), "x").unwrap();
        }
        let (files, rejections) = discover(&[root.to_path_buf()]);
        assert!(rejections.is_empty(), "{rejections:?}");
        assert_eq!(names(&files), ["a.html", "b.txt", "c.HTM", "d.jsonl", "e.txt"]);
        let formats: Vec<Format> = files.iter().map(|f| f.format).collect();
        use Format::*;
        assert_eq!(formats, [Html, Text, Html, JsonLines, Text]);
    }

    #[test]
    fn missing_path_is_rejected_and_others_still_found() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.txt"), "x").unwrap();
        let missing = dir.path().join("nope.txt");
        let (files, rejections) = discover(&[missing.clone(), dir.path().join("a.txt")]);
        assert_eq!(names(&files), ["a.txt"]);
        assert_eq!(rejections.len(), 1);
        assert_eq!(rejections[0].origin, missing.display().to_string());
        assert_eq!(rejections[0].reason, "no such file or directory");
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_end() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("sub")).unwrap();
        fs::write(root.join("sub/a.txt"), "x").unwrap();
        // A link back up to the root, and a link to itself (ELOOP when followed).
        std::os::unix::fs::symlink(root, root.join("sub/up")).unwrap();
        std::os::unix::fs::symlink(root.join("self.txt"), root.join("self.txt")).unwrap();
        let (files, rejections) = discover(&[root.to_path_buf()]);
        assert_eq!(names(&files), ["a.txt"]);
        assert_eq!(rejections.len(), 1, "{rejections:?}");
        assert!(rejections[0].origin.ends_with("self.txt"));
        assert_eq!(rejections[0].reason, "too many levels of symbolic links");
    }

    #[test]
    fn index_metadata_is_applied_by_file_name() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::write(
            root.join(INDEX_FILE_NAME),
            concat!(
                "{\"id\": \"report-1\", \"file\": \"one.txt\", \"language\": \"fr\", ",
                "\"published\": \"2020-01-28\", \"source\": \"AFP\", \"note\": \"x\"}\n",
                "\n",
                "{\"file\": \"two.txt\", \"published\": \"yesterday\"}\n",
            ),
        )
        .unwrap();
        fs::write(root.join("one.txt"), "x").unwrap();
        fs::write(root.join("three.txt"), "x").unwrap();
        let (files, rejections) = discover(&[root.to_path_buf()]);
        assert_eq!(names(&files), ["one.txt", "three.txt"], "the index is not an input");
        let meta = files[0].metadata.as_ref().unwrap();
        assert_eq!(meta.id.as_deref(), Some("report-1"));
        assert_eq!(meta.source.as_deref(), Some("AFP"));
        assert_eq!(meta.published, chrono::NaiveDate::from_ymd_opt(2020, 1, 28));
        assert_eq!(files[1].metadata, None);
        // The bad date on line 3 is reported with its line number.
        assert_eq!(rejections.len(), 1);
        assert!(rejections[0].origin.ends_with("articles.jsonl:3"), "{rejections:?}");
        assert!(rejections[0].reason.contains("yesterday"));

        // An explicitly named file gets its folder's index too; the index itself does not.
        let (files, rejections) = discover(&[root.join("one.txt"), root.join(INDEX_FILE_NAME)]);
        assert_eq!(files[0].metadata.as_ref().unwrap().id.as_deref(), Some("report-1"));
        assert_eq!(files.len(), 1);
        assert!(rejections.iter().any(|r| r.reason.contains("metadata index")));
    }

    #[test]
    fn articles_jsonl_without_file_keys_is_an_input() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(INDEX_FILE_NAME), "{\"id\": \"a\", \"text\": \"t\"}\n").unwrap();
        let (files, rejections) = discover(&[dir.path().to_path_buf()]);
        assert!(rejections.is_empty());
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].format, Format::JsonLines);
    }
}
