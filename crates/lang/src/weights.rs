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
    /// The actor that most often carries out an event of a type in a year when the text
    /// names none ("Air/drone strike|2016" → "SYR_GOV"), as learned from the gold.
    pub actor_defaults: HashMap<String, String>,
    /// How much an event's stated evidence says it is right, whatever decided to keep it;
    /// `None` leaves the confidence as the keeping model or the rules gave it.
    pub confidence: Option<ConfidenceModel>,
    /// How an event's score (the confidence model's probability, else the real-event model's
    /// or the rules' confidence) becomes the share of such events that are right; `None`
    /// leaves the score as it is.
    pub calibration: Option<Calibration>,
}

/// A logistic model of whether an event is right from a few features of the evidence it
/// rests on (which features, the extractor decides when `frontline train` fits it):
/// `σ(bias + Σ weight)`. It scores an event; it does not decide whether it is kept.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConfidenceModel {
    pub bias: f64,
    pub by_feature: HashMap<String, f64>,
}

/// A score's map to the chance that the event is right, fitted on held-out scores by
/// isotonic regression: knots `(score, share right)` rising with the score, joined by
/// straight lines and flat beyond the ends. Monotone, so it never reorders events; and flat
/// where the scores stop telling right from wrong, so a few high scores cannot overshoot.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Calibration {
    pub knots: Vec<(f64, f64)>,
}

impl Calibration {
    /// The calibrated chance of a score in [0, 1].
    pub fn apply(&self, score: f64) -> f64 {
        let (Some(first), Some(last)) = (self.knots.first(), self.knots.last()) else { return score };
        if score <= first.0 {
            return first.1;
        }
        if score >= last.0 {
            return last.1;
        }
        let after = self.knots.partition_point(|k| k.0 <= score);
        let ((x0, y0), (x1, y1)) = (self.knots[after - 1], self.knots[after]);
        if x1 <= x0 {
            return y1;
        }
        y0 + (y1 - y0) * (score - x0) / (x1 - x0)
    }
}

/// The log-odds of a score, kept finite: a score of exactly 0 or 1 is as sure as 1 in 1,000.
pub fn logit(score: f64) -> f64 {
    let p = score.clamp(0.001, 0.999);
    (p / (1.0 - p)).ln()
}

/// The key of [`Weights::actor_defaults`]: a type, a year or any year (`None`), and a
/// governorate or any (`None`). The years and governorates that have no usual actor of their
/// own are served by the wider keys.
pub fn actor_default_key(sub_event_type: &str, year: Option<i32>, governorate: Option<&str>) -> String {
    let year = year.map_or_else(|| "*".to_string(), |y| y.to_string());
    // Put together by hand, as `format!` would write it: its machinery cost several times
    // the few appends (asked for each proposed event).
    let mut key = String::with_capacity(sub_event_type.len() + year.len() + governorate.map_or(0, str::len) + 2);
    key.push_str(sub_event_type);
    key.push('|');
    key.push_str(&year);
    if let Some(governorate) = governorate {
        key.push('|');
        key.push_str(governorate);
    }
    key
}

/// The actor default that says a type has no usual actor (in a year, or at all): most of its
/// events that year were told with their doer unknown, and no other year's actor stands in.
pub const NO_USUAL_ACTOR: &str = "-";

impl Weights {
    /// The usual actor of a type in a year and a governorate: who acts there that year, else
    /// anywhere that year, else there in any year, else anywhere in any year. The first of
    /// these the weights know decides; none where it is [`NO_USUAL_ACTOR`].
    pub fn usual_actor(&self, sub_event_type: &str, year: i32, governorate: Option<&str>) -> Option<&str> {
        let keys = [(Some(year), governorate), (Some(year), None), (None, governorate), (None, None)];
        // Without a governorate the wider keys are the narrower ones: each looked up once,
        // with no list built for it on every event.
        keys.iter()
            .enumerate()
            .filter(|&(i, key)| !keys[..i].contains(key))
            .find_map(|(_, &(year, place))| self.actor_defaults.get(&actor_default_key(sub_event_type, year, place)))
            .map(String::as_str)
            .filter(|actor| *actor != NO_USUAL_ACTOR)
    }
}

/// The first field of a line that gives an actor default.
const ACTOR_DEFAULT: &str = "#actor";

/// The first field of the line that gives the calibration:
/// `#calibration<TAB>score:share<TAB>score:share…`.
const CALIBRATION: &str = "#calibration";

/// The first field of a line that gives a confidence model's weight:
/// `#confidence<TAB>feature<TAB>weight` (the feature `#bias` for its bias).
const CONFIDENCE: &str = "#confidence";

/// The feature every candidate has in the type model.
pub const TYPE_BIAS: &str = "bias";

/// Lines starting with this name the model's settings rather than a feature.
const SETTING: char = '#';

impl Weights {
    /// Reads `feature<TAB>weight` lines (the real-event model) and `type<TAB>feature<TAB>weight`
    /// lines (the type model); `#bias` and `#threshold` set the real-event model's constants,
    /// `#actor` lines the usual actors, `#calibration` the calibration; other lines starting
    /// with `#` are comments.
    pub fn from_tsv(source: &str, origin: &str) -> Result<Weights, PackError> {
        let mut weights = Weights::default();
        for (index, line) in source.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() {
                continue;
            }
            let invalid = |message: String| PackError::Invalid { origin: format!("{origin}:{}", index + 1), message };
            if let Some(rest) = line.strip_prefix(ACTOR_DEFAULT).and_then(|r| r.strip_prefix('\t')) {
                let Some((key, actor)) = rest.split_once('\t') else {
                    return Err(invalid(format!("expected `{ACTOR_DEFAULT}<TAB>type|year<TAB>actor`, found {line:?}")));
                };
                weights.actor_defaults.insert(key.to_string(), actor.trim().to_string());
                continue;
            }
            if let Some(rest) = line.strip_prefix(CALIBRATION).and_then(|r| r.strip_prefix('\t')) {
                let knot = |field: &str| {
                    let (score, share) = field.split_once(':')?;
                    Some((score.trim().parse::<f64>().ok()?, share.trim().parse::<f64>().ok()?))
                };
                let knots: Option<Vec<(f64, f64)>> = rest.split('\t').map(knot).collect();
                let rising = |k: &[(f64, f64)]| k.windows(2).all(|w| w[0].0 <= w[1].0 && w[0].1 <= w[1].1);
                match knots {
                    Some(knots) if rising(&knots) => weights.calibration = Some(Calibration { knots }),
                    _ => {
                        return Err(invalid(format!(
                            "expected `{CALIBRATION}<TAB>score:share<TAB>…` with both rising, found {line:?}"
                        )))
                    }
                }
                continue;
            }
            if let Some(rest) = line.strip_prefix(CONFIDENCE).and_then(|r| r.strip_prefix('\t')) {
                let parsed = rest.rsplit_once('\t').and_then(|(name, w)| Some((name, w.trim().parse::<f64>().ok()?)));
                let Some((name, weight)) = parsed else {
                    return Err(invalid(format!("expected `{CONFIDENCE}<TAB>feature<TAB>weight`, found {line:?}")));
                };
                let model = weights.confidence.get_or_insert_with(ConfidenceModel::default);
                match name {
                    "#bias" => model.bias = weight,
                    _ => {
                        model.by_feature.insert(name.to_string(), weight);
                    }
                }
                continue;
            }
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

    /// Whether nothing at all was loaded: no model of any kind and no usual actors, as the
    /// packs `frontline train` reads the corpus with (`Packs::without_weights`). The built-in
    /// packs keep their confidence model and usual actors even when no real-event model is.
    pub fn is_blank(&self) -> bool {
        self.by_feature.is_empty()
            && self.by_type.is_empty()
            && self.actor_defaults.is_empty()
            && self.confidence.is_none()
            && self.calibration.is_none()
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
        if let Some(c) = &self.calibration {
            let knots: Vec<String> = c.knots.iter().map(|(score, share)| format!("{score:.4}:{share:.4}")).collect();
            let _ = writeln!(out, "{CALIBRATION}\t{}", knots.join("\t"));
        }
        if let Some(c) = &self.confidence {
            let _ = writeln!(out, "{CONFIDENCE}\t#bias\t{:.6}", c.bias);
            let mut names: Vec<(&String, &f64)> = c.by_feature.iter().collect();
            names.sort_by(|a, b| a.0.cmp(b.0));
            for (name, weight) in names {
                let _ = writeln!(out, "{CONFIDENCE}\t{}\t{weight:.6}", one_line(name));
            }
        }
        let mut names: Vec<(&String, &f64)> = self.by_feature.iter().collect();
        names.sort_by(|a, b| a.0.cmp(b.0));
        for (name, weight) in names {
            let name = one_line(name);
            let _ = writeln!(out, "{name}\t{weight:.6}");
        }
        let mut defaults: Vec<(&String, &String)> = self.actor_defaults.iter().collect();
        defaults.sort();
        for (key, actor) in defaults {
            let _ = writeln!(out, "{ACTOR_DEFAULT}\t{key}\t{actor}");
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
    fn an_actor_default_key_is_written_as_format_writes_it() {
        for (year, governorate) in [(None, None), (Some(2016), None), (None, Some("Idlib")), (Some(-5), Some(""))] {
            let year_text = year.map_or_else(|| "*".to_string(), |y: i32| y.to_string());
            let expected = match governorate {
                Some(g) => format!("Shelling|{year_text}|{g}"),
                None => format!("Shelling|{year_text}"),
            };
            assert_eq!(actor_default_key("Shelling", year, governorate), expected);
        }
    }

    #[test]
    fn weights_round_trip_and_score() {
        let mut w = Weights { bias: -0.5, threshold: 0.4, ..Weights::default() };
        w.by_feature.insert("type=Armed clash".into(), 1.5);
        w.by_type.entry("Armed clash".into()).or_default().insert("sk=Clash".into(), 2.0);
        w.by_type.entry("Attack".into()).or_default().insert(TYPE_BIAS.into(), 0.5);
        w.actor_defaults.insert(actor_default_key("Air/drone strike", Some(2016), None), "SYR_GOV".into());
        w.actor_defaults.insert(actor_default_key("Air/drone strike", None, None), "RUS".into());
        w.actor_defaults.insert(actor_default_key("Air/drone strike", None, Some("Al-Hasakeh")), "TUR".into());
        w.actor_defaults.insert(actor_default_key("Suicide bomb", Some(2012), None), NO_USUAL_ACTOR.into());
        w.actor_defaults.insert(actor_default_key("Suicide bomb", None, None), "ISIS".into());
        w.calibration = Some(Calibration { knots: vec![(0.4, 0.3), (0.6, 0.55), (0.9, 0.85)] });
        let mut confidence = ConfidenceModel { bias: -0.2, ..ConfidenceModel::default() };
        confidence.by_feature.insert("read_twice".into(), 0.7);
        w.confidence = Some(confidence);
        let read = Weights::from_tsv(&w.to_tsv("trained on nothing"), "w.tsv").expect("valid");
        assert_eq!(read, w);
        let p = read.probability(["type=Armed clash", "unknown"]);
        assert!((p - 1.0 / (1.0 + (-1.0f64).exp())).abs() < 1e-9, "{p}");
        assert_eq!(read.best_type(["sk=Clash"]).map(|t| t.0), Some("Armed clash"));
        assert_eq!(read.best_type(["other"]).map(|t| t.0), Some("Attack"));
        assert_eq!(read.usual_actor("Air/drone strike", 2016, None), Some("SYR_GOV"));
        assert_eq!(read.usual_actor("Air/drone strike", 2020, Some("Idlib")), Some("RUS"));
        // Who acts anywhere that year comes before who acts in the governorate in any year;
        // the governorate's actor serves a year with none of its own anywhere.
        assert_eq!(read.usual_actor("Air/drone strike", 2016, Some("Al-Hasakeh")), Some("SYR_GOV"));
        assert_eq!(read.usual_actor("Air/drone strike", 2020, Some("Al-Hasakeh")), Some("TUR"));
        // A year whose events were mostly told with no doer has none, whatever other years had.
        assert_eq!(read.usual_actor("Suicide bomb", 2012, None), None);
        assert_eq!(read.usual_actor("Suicide bomb", 2016, None), Some("ISIS"));
    }

    #[test]
    fn a_calibration_is_monotone_flat_beyond_its_knots_and_its_bad_line_is_named() {
        let c = Calibration { knots: vec![(0.4, 0.3), (0.6, 0.5), (0.9, 0.8)] };
        let scores = [0.0, 0.5, 0.7, 0.95, 1.0];
        let mapped: Vec<f64> = scores.iter().map(|&s| c.apply(s)).collect();
        assert!(mapped.windows(2).all(|w| w[0] <= w[1]), "{mapped:?}");
        assert!((c.apply(0.5) - 0.4).abs() < 1e-9, "{}", c.apply(0.5));
        assert_eq!((c.apply(0.1), c.apply(1.0)), (0.3, 0.8));
        let err = Weights::from_tsv("#bias\t0\n#calibration\t0.1:0.5\t0.2:0.4\n", "w.tsv").unwrap_err();
        assert!(err.to_string().contains("w.tsv:2"), "{err}");
        let err = Weights::from_tsv("#bias\t0\n#confidence\tread_twice\n", "w.tsv").unwrap_err();
        assert!(err.to_string().contains("w.tsv:2"), "{err}");
    }

    #[test]
    fn a_bad_weight_names_its_line() {
        let err = Weights::from_tsv("#bias\t0\nx\tabc\n", "data/xx/weights.tsv").unwrap_err();
        assert!(err.to_string().contains("weights.tsv:2"), "{err}");
    }
}
