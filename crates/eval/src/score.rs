//! Matching predictions to gold events exactly as shared/tools/score.py does, and the
//! figures computed on the matches.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use chrono::NaiveDate;
use frontline_core::Event;
use serde::Serialize;

use crate::{fold, Gold, GoldEvent};

/// score.py's Earth diameter in km, for the same haversine distances.
const EARTH_DIAMETER_KM: f64 = 12742.0;

/// Great-circle distance in km between two (lat, lon) points, score.py's `km`.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let p = std::f64::consts::PI / 180.0;
    let h = ((b.0 - a.0) * p / 2.0).sin().powi(2)
        + (a.0 * p).cos() * (b.0 * p).cos() * ((b.1 - a.1) * p / 2.0).sin().powi(2);
    EARTH_DIAMETER_KM * h.sqrt().asin()
}

/// Syria's bounding box as score.py draws it: a place the gold could not pin must still be
/// placed in the country.
fn in_syria((lat, lon): (f64, f64)) -> bool {
    (32.0..=37.5).contains(&lat) && (35.5..=42.5).contains(&lon)
}

/// The predicted window: date_start (else event_date) to date_end (else event_date).
fn window(p: &Event) -> Option<(NaiveDate, NaiveDate)> {
    Some((p.date_start.or(p.event_date)?, p.date_end.or(p.event_date)?))
}

fn point(p: &Event) -> Option<(f64, f64)> {
    p.latitude.zip(p.longitude)
}

/// Whether the prediction names the gold place (folded as score.py folds).
fn names_place(g: &GoldEvent, p: &Event) -> bool {
    let wanted = fold(&g.location);
    fold(&p.mention) == wanted || fold(&p.location) == wanted
}

/// score.py's `matches`: same sub-event type (one of the gold's), within radius_km of the
/// gold point (or, without one, naming the place and, when placed, placed in Syria), and
/// date windows overlapping. The article is compared by the caller.
pub fn matches(g: &GoldEvent, p: &Event) -> bool {
    g.sub_event_type.iter().any(|t| t == p.sub_event_type.as_str()) && same_place_and_time(g, p)
}

/// The place and date half of [`matches`]: the prediction is where and when the gold event
/// is, whatever its type.
pub fn same_place_and_time(g: &GoldEvent, p: &Event) -> bool {
    match g.point() {
        Some(gold_point) => match point(p) {
            Some(q) if distance_km(gold_point, q) <= g.radius_km => {}
            _ => return false,
        },
        None => {
            if !names_place(g, p) || point(p).is_some_and(|q| !in_syria(q)) {
                return false;
            }
        }
    }
    match window(p) {
        Some((ps, pt)) => !(pt < g.date_start || ps > g.date_end),
        None => false,
    }
}

/// Counts over a set of articles (one, or all).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Counts {
    /// Articles scored.
    pub articles: usize,
    /// Required gold events found.
    pub tp: usize,
    /// Predictions matching no gold event (an optional one included).
    pub fp: usize,
    /// Required gold events not found.
    #[serde(rename = "fn")]
    pub fn_: usize,
    pub predicted: usize,
    pub gold_required: usize,
    pub gold_optional: usize,
    /// Gold events found, optional ones included: the base of the accuracies below.
    pub found: usize,
    pub optional_found: usize,
    /// Found events whose actor1_id is one the gold accepts.
    pub actor1_ok: usize,
    /// Found events within radius of the gold point, or named as the gold names the place.
    pub place_ok: usize,
    /// Found events whose predicted window lies within the gold window.
    pub date_ok: usize,
    /// Fatality groups with at least one gold event found.
    pub fatality_groups: usize,
    /// Of those, groups whose matched predictions' fatalities add up to the group's toll.
    pub fatality_groups_ok: usize,
}

impl Counts {
    pub(crate) fn add(&mut self, o: &Counts) {
        self.articles += o.articles;
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
        self.predicted += o.predicted;
        self.gold_required += o.gold_required;
        self.gold_optional += o.gold_optional;
        self.found += o.found;
        self.optional_found += o.optional_found;
        self.actor1_ok += o.actor1_ok;
        self.place_ok += o.place_ok;
        self.date_ok += o.date_ok;
        self.fatality_groups += o.fatality_groups;
        self.fatality_groups_ok += o.fatality_groups_ok;
    }
}

/// Ratios from [`Counts`]; 0 when the denominator is 0, as in score.py.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub actor1_accuracy: f64,
    pub place_accuracy: f64,
    pub date_accuracy: f64,
    pub fatality_accuracy: f64,
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        n as f64 / d as f64
    }
}

impl Scores {
    /// Precision, recall, F1 and the accuracies of some counts (a total, a breakdown's row).
    pub fn of(c: &Counts) -> Scores {
        let precision = ratio(c.tp, c.tp + c.fp);
        let recall = ratio(c.tp, c.tp + c.fn_);
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        Scores {
            precision,
            recall,
            f1,
            actor1_accuracy: ratio(c.actor1_ok, c.found),
            place_accuracy: ratio(c.place_ok, c.found),
            date_accuracy: ratio(c.date_ok, c.found),
            fatality_accuracy: ratio(c.fatality_groups_ok, c.fatality_groups),
        }
    }
}

/// A required gold event no prediction matched.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Miss {
    pub sub_event_type: Vec<String>,
    pub location: String,
    pub date_start: NaiveDate,
    pub date_end: NaiveDate,
}

/// A prediction that matched no gold event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FalseAlarm {
    pub event_id: String,
    pub sub_event_type: String,
    /// The mention, else the location (as score.py lists it).
    pub place: String,
    pub event_date: Option<NaiveDate>,
    pub date_start: Option<NaiveDate>,
    pub date_end: Option<NaiveDate>,
    pub evidence: String,
}

/// A gold event and the prediction matched to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Found {
    pub location: String,
    pub sub_event_type: String,
    pub required: bool,
    pub event_id: String,
    pub actor1_ok: bool,
    pub place_ok: bool,
    pub date_ok: bool,
    /// From the gold point, when both have one.
    pub distance_km: Option<f64>,
    /// Whether the predicted toll is the gold's own (`None`: the gold states none for this
    /// event alone).
    pub fatalities_ok: Option<bool>,
}

/// One fatality group of one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FatalityGroup {
    pub group: String,
    /// The toll the gold gives the group (`None`: not stated, the group is not checked).
    pub expected: Option<u32>,
    /// The summed fatalities of the predictions matched to the group's gold events.
    pub predicted: u32,
    pub gold_events: usize,
    pub found_events: usize,
    /// Checked (some event found, toll stated) and equal.
    pub correct: bool,
}

/// The score of one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleReport {
    #[serde(flatten)]
    pub counts: Counts,
    #[serde(flatten)]
    pub scores: Scores,
    pub missed: Vec<Miss>,
    pub false_alarms: Vec<FalseAlarm>,
    pub found_events: Vec<Found>,
    pub fatality_groups_detail: Vec<FatalityGroup>,
}

/// Totals over every article that has gold.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    #[serde(flatten)]
    pub counts: Counts,
    #[serde(flatten)]
    pub scores: Scores,
    /// Predictions for articles without gold: not scored (score.py ignores them too).
    pub unscored_predictions: usize,
}

/// The whole score: `{"summary": ..., "articles": {id: ...}}`, score.py's JSON layout with
/// more fields.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub summary: Summary,
    pub articles: BTreeMap<String, ArticleReport>,
}

/// Scores predictions against gold events. Only articles that have gold are scored (an
/// article whose gold is empty too: all its predictions are false alarms); within one,
/// gold events are taken required first (otherwise in file order) and each takes the
/// first prediction not yet taken that matches it, as score.py does.
pub fn evaluate(gold: &Gold, predicted: &[Event]) -> Report {
    let articles: BTreeSet<&str> = gold.articles.iter().map(String::as_str).collect();
    let mut total = Counts::default();
    let mut reports = BTreeMap::new();
    for article in &articles {
        let g: Vec<&GoldEvent> = gold.events.iter().filter(|g| g.article == *article).collect();
        let p: Vec<&Event> = predicted.iter().filter(|p| p.article_id == *article).collect();
        let report = score_article(&g, &p);
        total.add(&report.counts);
        reports.insert((*article).to_owned(), report);
    }
    let unscored_predictions = predicted.iter().filter(|p| !articles.contains(p.article_id.as_str())).count();
    Report { summary: Summary { scores: Scores::of(&total), counts: total, unscored_predictions }, articles: reports }
}

fn score_article(gold: &[&GoldEvent], predicted: &[&Event]) -> ArticleReport {
    let mut order: Vec<usize> = (0..gold.len()).collect();
    // Stable: required first, file order otherwise (score.py's `sorted(key=not required)`).
    order.sort_by_key(|&i| !gold[i].required);
    let mut used = vec![false; predicted.len()];
    let mut matched: Vec<Option<usize>> = vec![None; gold.len()];
    for &gi in &order {
        let hit = (0..predicted.len()).find(|&pi| !used[pi] && matches(gold[gi], predicted[pi]));
        if let Some(pi) = hit {
            used[pi] = true;
            matched[gi] = Some(pi);
        }
    }

    let mut counts = Counts {
        articles: 1,
        predicted: predicted.len(),
        gold_required: gold.iter().filter(|g| g.required).count(),
        gold_optional: gold.iter().filter(|g| !g.required).count(),
        fp: used.iter().filter(|u| !**u).count(),
        ..Counts::default()
    };
    let mut found_events = Vec::new();
    let mut missed = Vec::new();
    for &gi in &order {
        let g = gold[gi];
        let Some(pi) = matched[gi] else {
            if g.required {
                missed.push(Miss {
                    sub_event_type: g.sub_event_type.clone(),
                    location: g.location.clone(),
                    date_start: g.date_start,
                    date_end: g.date_end,
                });
            }
            continue;
        };
        let p = predicted[pi];
        let distance = g.point().zip(point(p)).map(|(a, b)| distance_km(a, b));
        let found = Found {
            location: g.location.clone(),
            sub_event_type: p.sub_event_type.as_str().to_owned(),
            required: g.required,
            event_id: p.event_id.clone(),
            actor1_ok: g.actor1_id.iter().any(|a| a.as_deref() == p.actor1_id.map(|id| id.as_str())),
            place_ok: match g.point() {
                Some(_) => distance.is_some_and(|d| d <= g.radius_km),
                None => names_place(g, p),
            },
            date_ok: window(p).is_some_and(|(s, e)| g.date_start <= s && e <= g.date_end),
            distance_km: distance,
            fatalities_ok: own_toll(g).map(|toll| toll == p.fatalities),
        };
        counts.found += 1;
        counts.tp += usize::from(g.required);
        counts.optional_found += usize::from(!g.required);
        counts.actor1_ok += usize::from(found.actor1_ok);
        counts.place_ok += usize::from(found.place_ok);
        counts.date_ok += usize::from(found.date_ok);
        found_events.push(found);
    }
    counts.fn_ = counts.gold_required - counts.tp;

    let false_alarms = predicted
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|(p, _)| FalseAlarm {
            event_id: p.event_id.clone(),
            sub_event_type: p.sub_event_type.as_str().to_owned(),
            place: if p.mention.is_empty() { p.location.clone() } else { p.mention.clone() },
            event_date: p.event_date,
            date_start: p.date_start,
            date_end: p.date_end,
            evidence: p.evidence.clone(),
        })
        .collect();

    let groups = fatality_groups(gold, predicted, &matched);
    counts.fatality_groups = groups.iter().filter(|g| g.found_events > 0 && g.expected.is_some()).count();
    counts.fatality_groups_ok = groups.iter().filter(|g| g.correct).count();

    ArticleReport {
        scores: Scores::of(&counts),
        counts,
        missed,
        false_alarms,
        found_events,
        fatality_groups_detail: groups,
    }
}

/// The toll a gold event states for itself alone: its `fatalities`, when it shares no
/// group's toll.
fn own_toll(g: &GoldEvent) -> Option<u32> {
    g.fatalities.filter(|_| g.fatalities_group.is_none())
}

/// Each fatality group of the article, in order of first appearance, with the toll of the
/// predictions matched to its gold events. An event with its own toll is a group of one.
fn fatality_groups(gold: &[&GoldEvent], predicted: &[&Event], matched: &[Option<usize>]) -> Vec<FatalityGroup> {
    let mut groups: Vec<FatalityGroup> = Vec::new();
    for (index, (g, m)) in gold.iter().zip(matched).enumerate() {
        let name = match (&g.fatalities_group, own_toll(g)) {
            (Some(name), _) => name.clone(),
            (None, Some(_)) => format!("{} #{}", g.location, index + 1),
            (None, None) => continue,
        };
        let index = match groups.iter().position(|x| x.group == name) {
            Some(i) => i,
            None => {
                groups.push(FatalityGroup {
                    group: name,
                    expected: None,
                    predicted: 0,
                    gold_events: 0,
                    found_events: 0,
                    correct: false,
                });
                groups.len() - 1
            }
        };
        let group = &mut groups[index];
        group.gold_events += 1;
        group.expected = group.expected.or(g.group_fatalities).or(own_toll(g));
        if let Some(pi) = m {
            group.found_events += 1;
            group.predicted = group.predicted.saturating_add(predicted[*pi].fatalities);
        }
    }
    for group in &mut groups {
        group.correct = group.found_events > 0 && group.expected == Some(group.predicted);
    }
    groups
}

fn share(n: usize, d: usize) -> String {
    if d == 0 {
        "n/a".to_owned()
    } else {
        format!("{:.3} ({n}/{d})", n as f64 / d as f64)
    }
}

fn date_text(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_else(|| "-".into())
}

impl Report {
    /// The report for a person: per article its counts, misses and false alarms, then the
    /// totals (score.py's last line, with the same rounding) and the accuracies.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for (article, r) in &self.articles {
            let c = &r.counts;
            let _ = writeln!(
                out,
                "{article}: tp={} fp={} fn={} precision={:.3} recall={:.3} f1={:.3}",
                c.tp, c.fp, c.fn_, r.scores.precision, r.scores.recall, r.scores.f1
            );
            for m in &r.missed {
                let _ = writeln!(
                    out,
                    "   missed: {} @ {} ({}..{})",
                    m.sub_event_type.join(" | "),
                    m.location,
                    m.date_start,
                    m.date_end
                );
            }
            for f in &r.false_alarms {
                let _ = writeln!(
                    out,
                    "   false alarm: {} @ {} ({}..{})",
                    f.sub_event_type,
                    f.place,
                    date_text(f.date_start.or(f.event_date)),
                    date_text(f.date_end.or(f.event_date)),
                );
            }
            for g in &r.fatality_groups_detail {
                let expected = g.expected.map_or_else(|| "?".to_owned(), |e| e.to_string());
                let _ = writeln!(
                    out,
                    "   fatalities {}: {} predicted, {} in the gold ({}/{} events found){}",
                    g.group,
                    g.predicted,
                    expected,
                    g.found_events,
                    g.gold_events,
                    if g.correct { "" } else { " WRONG" }
                );
            }
        }
        let s = &self.summary;
        let c = &s.counts;
        let _ = writeln!(
            out,
            "precision={:.3} recall={:.3} f1={:.3} actor1_accuracy={:.3}",
            s.scores.precision, s.scores.recall, s.scores.f1, s.scores.actor1_accuracy
        );
        let _ = writeln!(
            out,
            "tp={} fp={} fn={}; found {} gold events ({} optional) of {} required and {} optional, from {} predictions",
            c.tp, c.fp, c.fn_, c.found, c.optional_found, c.gold_required, c.gold_optional, c.predicted
        );
        let _ = writeln!(out, "actor1 accuracy:    {}", share(c.actor1_ok, c.found));
        let _ = writeln!(out, "place accuracy:     {}", share(c.place_ok, c.found));
        let _ = writeln!(out, "date accuracy:      {}", share(c.date_ok, c.found));
        let _ = writeln!(out, "fatality accuracy:  {} groups", share(c.fatality_groups_ok, c.fatality_groups));
        if s.unscored_predictions > 0 {
            let _ = writeln!(out, "{} predictions for articles without gold were not scored", s.unscored_predictions);
        }
        out
    }
}
