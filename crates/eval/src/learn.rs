//! Learning from the gold: which candidate events are real. Candidates are labelled by the
//! scorer's own matching ([`Report::is_right`]); a logistic regression over their named
//! features is fitted by gradient descent with an L2 penalty ([`fit`]), cross-validated by
//! article ([`fold_of`]), and judged by how well its probabilities are calibrated
//! ([`Reliability`]).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use frontline_core::Event;
use serde::Serialize;

use crate::Report;

/// One candidate event: its features and whether the gold has it.
#[derive(Debug, Clone)]
pub struct Example {
    pub features: Vec<String>,
    pub right: bool,
}

/// How hard to fit.
#[derive(Debug, Clone, Copy)]
pub struct FitOptions {
    /// The L2 penalty on each weight, per example.
    pub l2: f64,
    pub epochs: usize,
    pub learning_rate: f64,
}

impl Default for FitOptions {
    fn default() -> FitOptions {
        FitOptions { l2: 0.01, epochs: 300, learning_rate: 0.5 }
    }
}

/// A fitted model: the bias and a weight per feature seen in training.
#[derive(Debug, Clone, Default)]
pub struct Model {
    pub bias: f64,
    pub weights: HashMap<String, f64>,
}

impl Model {
    pub fn probability(&self, features: &[String]) -> f64 {
        let sum: f64 = features.iter().filter_map(|f| self.weights.get(f)).sum();
        sigmoid(self.bias + sum)
    }
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// Fits a logistic regression by full-batch gradient descent with AdaGrad steps: the
/// examples are few (hundreds), so each epoch sees them all and the fit is deterministic.
pub fn fit(examples: &[&Example], options: FitOptions) -> Model {
    let mut index: HashMap<&str, usize> = HashMap::new();
    let rows: Vec<(Vec<usize>, f64)> = examples
        .iter()
        .map(|e| {
            let mut ids: Vec<usize> = e
                .features
                .iter()
                .map(|f| {
                    let next = index.len();
                    *index.entry(f.as_str()).or_insert(next)
                })
                .collect();
            ids.sort_unstable();
            ids.dedup();
            (ids, if e.right { 1.0 } else { 0.0 })
        })
        .collect();
    let n = rows.len().max(1) as f64;
    let mut w = vec![0.0; index.len()];
    let mut bias = 0.0;
    let mut sq = vec![1e-8; index.len()];
    let mut sq_bias = 1e-8;
    for _ in 0..options.epochs {
        let mut grad = vec![0.0; w.len()];
        let mut grad_bias = 0.0;
        for (ids, y) in &rows {
            let p = sigmoid(bias + ids.iter().map(|&i| w[i]).sum::<f64>());
            let err = p - y;
            grad_bias += err;
            for &i in ids {
                grad[i] += err;
            }
        }
        for (i, g) in grad.iter_mut().enumerate() {
            *g = *g / n + options.l2 * w[i];
            sq[i] += *g * *g;
            w[i] -= options.learning_rate * *g / sq[i].sqrt();
        }
        grad_bias /= n;
        sq_bias += grad_bias * grad_bias;
        bias -= options.learning_rate * grad_bias / sq_bias.sqrt();
    }
    let weights = index.into_iter().map(|(name, i)| (name.to_owned(), w[i])).filter(|(_, v)| *v != 0.0).collect();
    Model { bias, weights }
}

/// A multinomial logistic regression (one weight vector per class, softmax), fitted like
/// [`fit`]; each class's bias is its model's `bias` (a weights file writes it as the
/// always-on feature `bias`).
pub fn fit_classes(examples: &[(&[String], &str)], options: FitOptions) -> BTreeMap<String, Model> {
    let mut classes: Vec<&str> = examples.iter().map(|e| e.1).collect();
    classes.sort_unstable();
    classes.dedup();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let rows: Vec<(Vec<usize>, usize)> = examples
        .iter()
        .map(|(features, class)| {
            let mut ids: Vec<usize> = features
                .iter()
                .map(|f| {
                    let next = index.len();
                    *index.entry(f.as_str()).or_insert(next)
                })
                .collect();
            ids.sort_unstable();
            ids.dedup();
            (ids, classes.binary_search(class).unwrap_or(0))
        })
        .collect();
    let (k, d, n) = (classes.len(), index.len(), rows.len().max(1) as f64);
    let mut w = vec![vec![0.0; d]; k];
    let mut bias = vec![0.0; k];
    let mut sq = vec![vec![1e-8; d]; k];
    let mut sq_bias = vec![1e-8; k];
    for _ in 0..options.epochs {
        let mut grad = vec![vec![0.0; d]; k];
        let mut grad_bias = vec![0.0; k];
        for (ids, y) in &rows {
            let scores: Vec<f64> = (0..k).map(|c| bias[c] + ids.iter().map(|&i| w[c][i]).sum::<f64>()).collect();
            let top = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let total: f64 = scores.iter().map(|s| (s - top).exp()).sum();
            for c in 0..k {
                let err = (scores[c] - top).exp() / total - if c == *y { 1.0 } else { 0.0 };
                grad_bias[c] += err;
                for &i in ids {
                    grad[c][i] += err;
                }
            }
        }
        for c in 0..k {
            for i in 0..d {
                let g = grad[c][i] / n + options.l2 * w[c][i];
                sq[c][i] += g * g;
                w[c][i] -= options.learning_rate * g / sq[c][i].sqrt();
            }
            let g = grad_bias[c] / n;
            sq_bias[c] += g * g;
            bias[c] -= options.learning_rate * g / sq_bias[c].sqrt();
        }
    }
    classes
        .iter()
        .enumerate()
        .map(|(c, class)| {
            let weights = index.iter().map(|(f, &i)| ((*f).to_owned(), w[c][i])).filter(|(_, v)| *v != 0.0).collect();
            ((*class).to_owned(), Model { bias: bias[c], weights })
        })
        .collect()
}

/// The class whose model scores the features highest, with its probability.
pub fn best_class<'m>(models: &'m BTreeMap<String, Model>, features: &[String]) -> Option<(&'m str, f64)> {
    let score = |m: &Model| m.bias + features.iter().filter_map(|f| m.weights.get(f)).sum::<f64>();
    let scores: Vec<(&str, f64)> = models.iter().map(|(c, m)| (c.as_str(), score(m))).collect();
    let top = scores.iter().map(|s| s.1).fold(f64::NEG_INFINITY, f64::max);
    let total: f64 = scores.iter().map(|s| (s.1 - top).exp()).sum();
    scores.iter().find(|s| s.1 == top).map(|&(c, _)| (c, 1.0 / total))
}

/// Isotonic regression of right on score (pool adjacent violators): the knots
/// `(mean score, share right)` of the fewest blocks of events, in score order, whose shares
/// rise. A block's share is softened as Platt softened labels (`(right + 1) / (events + 2)`),
/// so that a block of a few events at either end cannot make the map certain.
pub fn fit_isotonic(scored: &[(f64, bool)]) -> Vec<(f64, f64)> {
    let mut sorted: Vec<(f64, bool)> = scored.iter().copied().filter(|s| s.0.is_finite()).collect();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Events of one score form one block before any pooling: (sum of scores, events, right).
    let mut tied: Vec<(f64, f64, f64)> = Vec::new();
    let mut previous = f64::NAN;
    for (score, right) in sorted {
        let right = if right { 1.0 } else { 0.0 };
        match tied.last_mut() {
            Some(last) if score == previous => *last = (last.0 + score, last.1 + 1.0, last.2 + right),
            _ => tied.push((score, 1.0, right)),
        }
        previous = score;
    }
    let mut blocks: Vec<(f64, f64, f64)> = Vec::new();
    let share = |b: &(f64, f64, f64)| (b.2 + 1.0) / (b.1 + 2.0);
    for mut block in tied {
        while let Some(last) = blocks.last() {
            if share(last) < share(&block) {
                break;
            }
            block = (last.0 + block.0, last.1 + block.1, last.2 + block.2);
            blocks.pop();
        }
        blocks.push(block);
    }
    blocks.iter().map(|b| (b.0 / b.1, share(b))).collect()
}

/// How well scores rank right events above wrong ones: the chance that a right event
/// scores above a wrong one (ties count half). 0.5 is chance; `None` without both kinds.
pub fn ranking_auc(scored: &[(f64, bool)]) -> Option<f64> {
    let mut sorted: Vec<(f64, bool)> = scored.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let positives = sorted.iter().filter(|s| s.1).count() as f64;
    let negatives = sorted.len() as f64 - positives;
    if positives == 0.0 || negatives == 0.0 {
        return None;
    }
    // Mann–Whitney: the sum of the right events' ranks, tied scores sharing their mean rank.
    let mut rank_sum = 0.0;
    let mut start = 0;
    while start < sorted.len() {
        let end = start + sorted[start..].iter().take_while(|s| s.0 == sorted[start].0).count();
        let mean_rank = (start + end + 1) as f64 / 2.0;
        rank_sum += mean_rank * sorted[start..end].iter().filter(|s| s.1).count() as f64;
        start = end;
    }
    Some((rank_sum - positives * (positives + 1.0) / 2.0) / (positives * negatives))
}

/// The fold of an article in k-fold cross-validation: fixed by its id (FNV-1a), so that
/// every run splits the same way.
pub fn fold_of(article_id: &str, folds: usize) -> usize {
    let hash =
        article_id.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    (hash % folds.max(1) as u64) as usize
}

impl Report {
    /// The ids of the predictions that matched a gold event (required or optional), by article.
    pub fn right_events(&self) -> HashSet<(String, String)> {
        self.articles
            .iter()
            .flat_map(|(article, r)| r.found_events.iter().map(move |f| (article.clone(), f.event_id.clone())))
            .collect()
    }

    /// Whether a prediction matched a gold event.
    pub fn is_right(&self, right: &HashSet<(String, String)>, event: &Event) -> bool {
        right.contains(&(event.article_id.clone(), event.event_id.clone()))
    }
}

/// One band of confidence: how many events fell in it and how many were right.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Band {
    pub from: f64,
    pub to: f64,
    pub events: usize,
    pub right: usize,
}

/// A reliability table: for bands of stated confidence, the share of events that are right.
/// A calibrated model's share is close to the band's confidence.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Reliability {
    pub bands: Vec<Band>,
    /// Events with confidence at least 0.8, and how many of them are right.
    pub confident: Band,
}

/// The confidence at or above which an event is called confident.
pub const CONFIDENT: f64 = 0.8;

impl Reliability {
    /// Of (confidence, right) pairs, in five bands of 0.2.
    pub fn of(scored: impl IntoIterator<Item = (f64, bool)>) -> Reliability {
        let mut bands: Vec<Band> =
            (0..5).map(|i| Band { from: f64::from(i) * 0.2, to: f64::from(i + 1) * 0.2, ..Band::default() }).collect();
        let mut confident = Band { from: CONFIDENT, to: 1.0, ..Band::default() };
        for (confidence, right) in scored {
            let band = ((confidence * 5.0).floor() as usize).min(4);
            bands[band].events += 1;
            bands[band].right += usize::from(right);
            if confidence >= CONFIDENT {
                confident.events += 1;
                confident.right += usize::from(right);
            }
        }
        Reliability { bands, confident }
    }

    pub fn to_text(&self) -> String {
        let mut out = String::from("confidence   events  right  share right\n");
        for b in self.bands.iter().chain(std::iter::once(&self.confident)) {
            let share = if b.events == 0 { "-".to_owned() } else { format!("{:.3}", b.right as f64 / b.events as f64) };
            let label = if std::ptr::eq(b, &self.confident) {
                format!(">= {:.1}", b.from)
            } else {
                format!("{:.1}-{:.1}", b.from, b.to)
            };
            let _ = writeln!(out, "{label:<10} {:>8} {:>6} {share:>12}", b.events, b.right);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(features: &[&str], right: bool) -> Example {
        Example { features: features.iter().map(|f| f.to_string()).collect(), right }
    }

    #[test]
    fn isotonic_knots_follow_the_share_right_rise_and_pool_what_reverses() {
        // Scores 0.3 are right one time in five, 0.7 four times in five; 0.5 (ten events)
        // reverses the order and pools with a neighbour.
        let mut scored = Vec::new();
        for i in 0..50 {
            scored.push((0.3, i % 5 == 0));
            scored.push((0.7, i % 5 != 0));
        }
        scored.extend((0..10).map(|_| (0.5, false)));
        let knots = fit_isotonic(&scored);
        assert_eq!(knots.len(), 2, "{knots:?}");
        assert!(knots.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1), "{knots:?}");
        assert!((knots[1].1 - 41.0 / 52.0).abs() < 1e-9, "{knots:?}");
        // A lone right event at the top is softened, not certain.
        let knots = fit_isotonic(&[(0.2, false), (0.2, true), (0.9, true)]);
        assert!(knots.last().is_some_and(|k| k.1 < 0.7), "{knots:?}");
    }

    #[test]
    fn ranking_auc_counts_right_above_wrong_and_ties_as_half() {
        assert_eq!(ranking_auc(&[(0.1, false), (0.9, true)]), Some(1.0));
        assert_eq!(ranking_auc(&[(0.5, false), (0.5, true)]), Some(0.5));
        assert_eq!(ranking_auc(&[(0.9, false), (0.1, true), (0.5, true)]), Some(0.0));
        assert_eq!(ranking_auc(&[(0.9, true)]), None);
    }

    #[test]
    fn a_fitted_model_separates_what_its_features_separate() {
        let mut examples = Vec::new();
        for i in 0..40 {
            examples.push(example(&["type=a", if i % 4 == 0 { "noise" } else { "quiet" }], true));
            examples.push(example(&["type=b", if i % 4 == 0 { "quiet" } else { "noise" }], false));
        }
        let refs: Vec<&Example> = examples.iter().collect();
        let model = fit(&refs, FitOptions::default());
        assert!(model.probability(&["type=a".into()]) > 0.8);
        assert!(model.probability(&["type=b".into()]) < 0.2);
    }

    #[test]
    fn a_fitted_class_model_names_the_class_its_features_name() {
        let features: Vec<Vec<String>> = (0..30)
            .map(|i| vec![format!("k={}", ["Clash", "AirStrike", "Shelling"][i % 3]), "common".to_string()])
            .collect();
        let classes = ["Armed clash", "Air/drone strike", "Shelling"];
        let examples: Vec<(&[String], &str)> =
            features.iter().enumerate().map(|(i, f)| (f.as_slice(), classes[i % 3])).collect();
        let models = fit_classes(&examples, FitOptions::default());
        let best = |f: &[&str]| {
            let f: Vec<String> = f.iter().map(|s| s.to_string()).collect();
            best_class(&models, &f).map(|b| b.0.to_owned())
        };
        assert_eq!(best(&["k=AirStrike"]).as_deref(), Some("Air/drone strike"));
        assert_eq!(best(&["k=Clash", "common"]).as_deref(), Some("Armed clash"));
    }

    #[test]
    fn folds_are_fixed_and_spread() {
        let folds: Vec<usize> = (0..100).map(|i| fold_of(&format!("article-{i}"), 5)).collect();
        assert_eq!(folds, (0..100).map(|i| fold_of(&format!("article-{i}"), 5)).collect::<Vec<_>>());
        assert!((0..5).all(|k| folds.iter().filter(|&&f| f == k).count() >= 10), "{folds:?}");
    }

    #[test]
    fn reliability_counts_each_band() {
        let r = Reliability::of([(0.1, false), (0.85, true), (0.9, false), (1.0, true)]);
        assert_eq!((r.bands[0].events, r.bands[0].right), (1, 0));
        assert_eq!((r.bands[4].events, r.bands[4].right), (3, 2));
        assert_eq!((r.confident.events, r.confident.right), (3, 2));
        assert!(r.to_text().contains(">= 0.8"));
    }
}
