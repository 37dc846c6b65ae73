//! Reading gold files (shared/gold/README.md) and predicted events (JSON Lines of
//! docs/event-schema.md), with errors that name the file and the line.

use std::collections::BTreeSet;
use std::fs::{self, File};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use frontline_core::Event;
use serde::{Deserialize, Deserializer, Serialize};

/// Why gold or predicted events could not be read.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}, line {line}: {message}")]
    Line { path: PathBuf, line: usize, message: String },
    #[error("{path}: no gold files (*.jsonl) in this folder")]
    NoGoldFiles { path: PathBuf },
    #[error("{path}: missing: every report of the corpus needs its gold file ({article} has none; an empty file says it reports no event)")]
    MissingGold { path: PathBuf, article: String },
    #[error("{path}: a gold event names the article {found:?}, not {expected:?}")]
    WrongArticle { path: PathBuf, found: String, expected: String },
}

/// One hand-made gold event, as a line of a gold file says it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldEvent {
    /// The article's id.
    pub article: String,
    /// The sub-event types accepted (a gold line gives one, or a list).
    #[serde(deserialize_with = "one_or_many")]
    pub sub_event_type: Vec<String>,
    /// The place as a reader would name it.
    pub location: String,
    /// The gold point; both null when the place could not be pinned.
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// How far from the gold point a prediction may lie (10 km when not given).
    #[serde(default = "default_radius")]
    pub radius_km: f64,
    #[serde(deserialize_with = "iso_date")]
    pub date_start: NaiveDate,
    #[serde(deserialize_with = "iso_date")]
    pub date_end: NaiveDate,
    /// Canonical ids accepted as actor1; `None` in the list accepts an unnamed actor.
    #[serde(deserialize_with = "one_or_many")]
    pub actor1_id: Vec<Option<String>>,
    /// Optional events are neither misses when not found nor false alarms when found.
    pub required: bool,
    #[serde(default)]
    pub extent: Option<String>,
    #[serde(default)]
    pub actor2_id: Option<serde_json::Value>,
    #[serde(default)]
    pub note: Option<String>,
    /// Gold events sharing a toll ("12 killed in Atarib and Darat Azza").
    #[serde(default)]
    pub fatalities_group: Option<String>,
    #[serde(default)]
    pub group_fatalities: Option<u32>,
    #[serde(default)]
    pub group_injuries: Option<u32>,
    /// This event's own toll (docs/annotation.md §7), checked when it has no group.
    #[serde(default)]
    pub fatalities: Option<u32>,
}

/// The gold of a set of articles: every article scored, and the events expected of them.
/// An article with no gold event (an empty gold file) is scored too: whatever is predicted
/// for it is a false alarm.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gold {
    pub articles: BTreeSet<String>,
    pub events: Vec<GoldEvent>,
}

impl Gold {
    /// The gold of the articles these events name.
    pub fn of(events: &[GoldEvent]) -> Gold {
        Gold { articles: events.iter().map(|g| g.article.clone()).collect(), events: events.to_vec() }
    }

    pub fn len(&self) -> usize {
        self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// Adds one gold file: its events, or, when it has none, the article its name gives
    /// (score.py's rule for an empty file).
    pub fn add_file(&mut self, path: &Path) -> Result<(), EvalError> {
        let before = self.events.len();
        for_each_line(path, |_, text| {
            let event: GoldEvent = serde_json::from_str(text).map_err(|e| e.to_string())?;
            event.check()?;
            self.events.push(event);
            Ok(())
        })?;
        if self.events.len() == before {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            self.articles.insert(stem.to_owned());
        } else {
            self.articles.extend(self.events[before..].iter().map(|g| g.article.clone()));
        }
        Ok(())
    }
}

fn default_radius() -> f64 {
    10.0
}

/// A single value or a list of them.
fn one_or_many<'de, D, T>(de: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany<T> {
        Many(Vec<T>),
        One(T),
    }
    Ok(match OneOrMany::deserialize(de)? {
        OneOrMany::Many(v) => v,
        OneOrMany::One(v) => vec![v],
    })
}

/// Exactly `YYYY-MM-DD`: score.py compares dates as strings, which agrees with comparing
/// them as dates only in that form.
fn iso_date<'de, D: Deserializer<'de>>(de: D) -> Result<NaiveDate, D::Error> {
    let raw = String::deserialize(de)?;
    let parsed = (raw.len() == 10).then(|| NaiveDate::parse_from_str(&raw, "%Y-%m-%d").ok()).flatten();
    parsed.ok_or_else(|| serde::de::Error::custom(format!("invalid date {raw:?} (YYYY-MM-DD)")))
}

impl GoldEvent {
    /// The gold point, when the place was pinned.
    pub fn point(&self) -> Option<(f64, f64)> {
        self.lat.zip(self.lon)
    }

    fn check(&self) -> Result<(), String> {
        if self.lat.is_some() != self.lon.is_some() {
            return Err("lat and lon must be both given or both null".into());
        }
        if !self.radius_km.is_finite() || self.radius_km < 0.0 {
            return Err(format!("invalid radius_km {}", self.radius_km));
        }
        if self.sub_event_type.is_empty() {
            return Err("sub_event_type lists no type".into());
        }
        Ok(())
    }
}

/// Reads the gold events of one file, or of every `*.jsonl` file of a folder (in name
/// order, as score.py does). Blank lines are skipped; an empty file is an article that
/// must yield no event.
pub fn load_gold(dir_or_file: &Path) -> Result<Gold, EvalError> {
    let io_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| EvalError::Io { path, source }
    };
    let files = if dir_or_file.is_dir() {
        let mut files = Vec::new();
        for entry in fs::read_dir(dir_or_file).map_err(io_error(dir_or_file))? {
            let path = entry.map_err(io_error(dir_or_file))?.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            // glob's "*.jsonl" skips hidden files.
            if name.ends_with(".jsonl") && !name.starts_with('.') && path.is_file() {
                files.push(path);
            }
        }
        if files.is_empty() {
            return Err(EvalError::NoGoldFiles { path: dir_or_file.to_path_buf() });
        }
        files.sort();
        files
    } else {
        vec![dir_or_file.to_path_buf()]
    };
    let mut gold = Gold::default();
    for file in &files {
        gold.add_file(file)?;
    }
    Ok(gold)
}

/// Reads predicted events, one JSON object a line, as `frontline events --format jsonl`
/// prints them. Blank lines are skipped.
pub fn load_predictions(file: &Path) -> Result<Vec<Event>, EvalError> {
    let mut events = Vec::new();
    for_each_line(file, |_, text| {
        events.push(serde_json::from_str(text).map_err(|e| e.to_string())?);
        Ok(())
    })?;
    Ok(events)
}

/// Calls `f` with each non-blank line and its number (from 1); its error is reported with
/// the file and line.
pub(crate) fn for_each_line(
    path: &Path,
    mut f: impl FnMut(usize, &str) -> Result<(), String>,
) -> Result<(), EvalError> {
    let io_error = |source| EvalError::Io { path: path.to_path_buf(), source };
    let reader = BufReader::new(File::open(path).map_err(io_error)?);
    for (index, line) in reader.lines().enumerate() {
        let line_number = index + 1;
        let text = line.map_err(|source| match source.kind() {
            std::io::ErrorKind::InvalidData => {
                EvalError::Line { path: path.to_path_buf(), line: line_number, message: "not UTF-8".into() }
            }
            _ => io_error(source),
        })?;
        if text.trim().is_empty() {
            continue;
        }
        f(line_number, &text).map_err(|message| EvalError::Line {
            path: path.to_path_buf(),
            line: line_number,
            message,
        })?;
    }
    Ok(())
}
