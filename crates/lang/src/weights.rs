//! The weights a language's trained models give the features of a candidate event
//! (`data/<code>/weights.tsv`, written by `frontline train`): one model that tells which
//! sub-event type a candidate is, and one that tells whether it is a real event. This crate
//! only keeps and reads them; what the features are is the extractor's business.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::PackError;

/// Two models over named binary features. Whether a candidate is real is logistic:
/// `p = σ(bias + Σ weight[f])`, and candidates whose `p` falls below `threshold` are not
/// kept. Which type it is is multinomial: the type whose `Σ by_type[type][f]` is largest
/// (with the feature `bias` always on).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Weights {
    pub bias: f64,
    pub threshold: f64,
    pub by_feature: HashMap<String, f64>,
    pub by_type: HashMap<String, HashMap<String, f64>>,
}

/// The feature every candidate has in the type model.
pub const TYPE_BIAS: &str = "bias";

/// Lines starting with this name the model's settings rather than a feature.
const SETTING: char = '#';

impl Weights {
    /// Reads `feature<TAB>weight` lines (the real-event model) and `type<TAB>feature<TAB>weight`
    /// lines (the type model); `#bias` and `#threshold` set the real-event model's constants,
    /// other lines starting with `#` are comments.
    pub fn from_tsv(source: &str, origin: &str) -> Result<Weights, PackError> {
        let mut weights = Weights::default();
        for (index, line) in source.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() {
                continue;
            }
            let invalid = |message: String| PackError::Invalid { origin: format!("{origin}:{}", index + 1), message };
            let Some((name, value)) = line.rsplit_once('\t') else {
                if line.starts_with(SETTING) {
                    continue;
                }
                return Err(invalid(format!("expected `feature<TAB>weight`, found {line:?}")));
            };
            let (sub_event_type, name) = match name.split_once('\t') {
                Some((t, f)) => (Some(t), f),
                None => (None, name),
            };
            let value: f64 = value
                .trim()
                .parse()
                .map_err(|_| invalid(format!("the weight of {name:?} is not a number: {value:?}")))?;
            if let Some(t) = sub_event_type {
                weights.by_type.entry(t.to_string()).or_default().insert(name.to_string(), value);
                continue;
            }
            match name {
                "#bias" => weights.bias = value,
                "#threshold" => weights.threshold = value,
                _ if name.starts_with(SETTING) => {}
                _ => {
                    weights.by_feature.insert(name.to_string(), value);
                }
            }
        }
        Ok(weights)
    }

    /// Whether a model was trained for this language.
    pub fn is_empty(&self) -> bool {
        self.by_feature.is_empty()
    }

    /// The model's probability that the features describe a real event.
    pub fn probability<'f>(&self, features: impl IntoIterator<Item = &'f str>) -> f64 {
        let sum: f64 = features.into_iter().filter_map(|f| self.by_feature.get(f)).sum();
        1.0 / (1.0 + (-(self.bias + sum)).exp())
    }

    /// The type the type model gives the features, with its probability; `None` when no
    /// type model was trained.
    pub fn best_type<'f>(&self, features: impl IntoIterator<Item = &'f str> + Clone) -> Option<(&str, f64)> {
        let scores: Vec<(&str, f64)> = self
            .by_type
            .iter()
            .map(|(t, w)| {
                let on = features.clone().into_iter().chain([TYPE_BIAS]);
                (t.as_str(), on.filter_map(|f| w.get(f)).sum::<f64>())
            })
            .collect();
        let top = scores.iter().map(|s| s.1).fold(f64::NEG_INFINITY, f64::max);
        let total: f64 = scores.iter().map(|s| (s.1 - top).exp()).sum();
        // Ties go to the type named first, so that a reading never depends on hash order.
        let best = scores.iter().filter(|s| s.1 == top).min_by(|a, b| a.0.cmp(b.0))?;
        Some((best.0, 1.0 / total))
    }

    /// The TSV form, features sorted by name so that retraining gives readable diffs.
    pub fn to_tsv(&self, header: &str) -> String {
        let mut out = String::new();
        for line in header.lines() {
            let _ = writeln!(out, "# {line}");
        }
        let _ = writeln!(out, "#bias\t{:.6}", self.bias);
        let _ = writeln!(out, "#threshold\t{:.3}", self.threshold);
        let mut names: Vec<(&String, &f64)> = self.by_feature.iter().collect();
        names.sort_by(|a, b| a.0.cmp(b.0));
        for (name, weight) in names {
            let name = one_line(name);
            let _ = writeln!(out, "{name}\t{weight:.6}");
        }
        let mut typed: Vec<(&String, &String, &f64)> =
            self.by_type.iter().flat_map(|(t, w)| w.iter().map(move |(f, v)| (t, f, v))).collect();
        typed.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        for (t, name, weight) in typed {
            let name = one_line(name);
            let _ = writeln!(out, "{t}\t{name}\t{weight:.6}");
        }
        out
    }
}

/// A feature's name as one field of one line: tabs and line breaks become spaces.
fn one_line(name: &str) -> String {
    name.replace(['\t', '\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_round_trip_and_score() {
        let mut w = Weights { bias: -0.5, threshold: 0.4, ..Weights::default() };
        w.by_feature.insert("type=Armed clash".into(), 1.5);
        w.by_type.entry("Armed clash".into()).or_default().insert("sk=Clash".into(), 2.0);
        w.by_type.entry("Attack".into()).or_default().insert(TYPE_BIAS.into(), 0.5);
        let read = Weights::from_tsv(&w.to_tsv("trained on nothing"), "w.tsv").expect("valid");
        assert_eq!(read, w);
        let p = read.probability(["type=Armed clash", "unknown"]);
        assert!((p - 1.0 / (1.0 + (-1.0f64).exp())).abs() < 1e-9, "{p}");
        assert_eq!(read.best_type(["sk=Clash"]).map(|t| t.0), Some("Armed clash"));
        assert_eq!(read.best_type(["other"]).map(|t| t.0), Some("Attack"));
    }

    #[test]
    fn a_bad_weight_names_its_line() {
        let err = Weights::from_tsv("#bias\t0\nx\tabc\n", "data/xx/weights.tsv").unwrap_err();
        assert!(err.to_string().contains("weights.tsv:2"), "{err}");
    }
}
