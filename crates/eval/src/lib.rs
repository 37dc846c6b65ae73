//! Measuring frontline against the hand-made gold events of `shared/gold`.
//!
//! [`Corpus`] reads the annotated corpus of `corpus/` (its index, split and gold files),
//! [`load_gold`] reads gold files, [`evaluate`] scores predicted events against them with
//! exactly the matching of `shared/tools/score.py` (same sub-event type, within radius of the
//! gold point or naming the place when the gold has no point, overlapping date windows;
//! optional gold events neither missed nor false alarms; greedy matching, required gold
//! first, each taking the first unused prediction that matches), and the [`Report`] gives
//! precision, recall and F1 per article, per language, per sub-event type and in total, the accuracies of actor1, place, date
//! window and fatality groups on the events found, and lists the misses and false alarms.
//!
//! ```no_run
//! # fn main() -> Result<(), frontline_eval::EvalError> {
//! let gold = frontline_eval::load_gold(std::path::Path::new("../shared/gold"))?;
//! let predicted = frontline_eval::load_predictions(std::path::Path::new("out.jsonl"))?;
//! let report = frontline_eval::evaluate(&gold, &predicted);
//! print!("{}", report.to_text());
//! # Ok(()) }
//! ```

mod breakdown;
mod corpus;
mod fold;
mod gold;
mod learn;
mod score;

pub use corpus::{Corpus, CorpusArticle, Split};
pub use fold::fold;
pub use gold::{load_gold, load_predictions, EvalError, Gold, GoldEvent};
pub use learn::{
    best_class, fit, fit_classes, fit_isotonic, fold_of, ranking_auc, Band, Example, FitOptions, Model, Reliability,
    CONFIDENT,
};
pub use score::{
    distance_km, evaluate, matches, same_place_and_time, ArticleReport, Counts, FalseAlarm, FatalityGroup, Found, Miss,
    Report, Scores, Summary,
};

#[cfg(test)]
mod tests;
