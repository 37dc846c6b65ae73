//! The annotated corpus of `corpus/` (docs/annotation.md): its index `articles.jsonl`, which
//! gives each report's file, language, publication date, source, url and split, and its
//! gold files `gold/<id>.jsonl`, one a report (empty for a report with no event).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::gold::for_each_line;
use crate::{EvalError, Gold};

/// The share of reports, in percent, that the split's hash sends to `dev`.
const DEV_PERCENT: u32 = 70;

/// Which side of the fixed split a report is on: `dev` may be read while rules and weights
/// are made, `test` is only scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Split {
    Dev,
    Test,
}

impl Split {
    /// The split a report's id falls in: the first 8 hex digits of SHA-256 of the id, as an
    /// integer modulo 100, below 70 is `dev`. A hash, so that no one chooses.
    pub fn of(id: &str) -> Split {
        let digest = Sha256::digest(id.as_bytes());
        let head = u32::from_be_bytes([digest[0], digest[1], digest[2], digest[3]]);
        if head % 100 < DEV_PERCENT {
            Split::Dev
        } else {
            Split::Test
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Split::Dev => "dev",
            Split::Test => "test",
        }
    }
}

/// One report of the corpus, as its index line gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusArticle {
    pub id: String,
    /// The text file, relative to the corpus folder.
    pub file: String,
    pub language: String,
    pub published: NaiveDate,
    pub source: String,
    /// The page the report was taken from.
    pub url: String,
    pub split: Split,
}

/// The corpus: where it lies and its reports, in index order.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub root: PathBuf,
    pub articles: Vec<CorpusArticle>,
}

impl Corpus {
    /// Reads `ROOT/articles.jsonl`. A line that does not parse, an id given twice, or a split
    /// that is not the one the id hashes to is an error naming the line.
    pub fn load(root: &Path) -> Result<Corpus, EvalError> {
        let index = root.join("articles.jsonl");
        let mut articles: Vec<CorpusArticle> = Vec::new();
        let mut ids = HashSet::new();
        for_each_line(&index, |_, text| {
            let article: CorpusArticle = serde_json::from_str(text).map_err(|e| e.to_string())?;
            if !ids.insert(article.id.clone()) {
                return Err(format!("the id {:?} is given twice", article.id));
            }
            let expected = Split::of(&article.id);
            if article.split != expected {
                return Err(format!(
                    "{:?} is recorded in {} but its id hashes to {} (docs/annotation.md §9)",
                    article.id,
                    article.split.as_str(),
                    expected.as_str()
                ));
            }
            articles.push(article);
            Ok(())
        })?;
        Ok(Corpus { root: root.to_path_buf(), articles })
    }

    /// The reports of one split, or all of them.
    pub fn select(&self, split: Option<Split>) -> Vec<&CorpusArticle> {
        self.articles.iter().filter(|a| split.is_none_or(|s| a.split == s)).collect()
    }

    pub fn text_path(&self, article: &CorpusArticle) -> PathBuf {
        self.root.join(&article.file)
    }

    pub fn gold_path(&self, article: &CorpusArticle) -> PathBuf {
        self.root.join("gold").join(format!("{}.jsonl", article.id))
    }

    /// The gold of these reports. Every report must have its gold file (an empty one when it
    /// reports no event), and every line of it must name the report.
    pub fn gold(&self, articles: &[&CorpusArticle]) -> Result<Gold, EvalError> {
        let mut gold = Gold::default();
        for article in articles {
            let path = self.gold_path(article);
            if !path.is_file() {
                return Err(EvalError::MissingGold { path, article: article.id.clone() });
            }
            let before = gold.events.len();
            gold.add_file(&path)?;
            if let Some(stray) = gold.events[before..].iter().find(|g| g.article != article.id) {
                return Err(EvalError::WrongArticle {
                    path,
                    found: stray.article.clone(),
                    expected: article.id.clone(),
                });
            }
        }
        Ok(gold)
    }
}
