//! The totals of a [`Report`] broken down by the articles' language and by sub-event type,
//! and the table `frontline eval` prints of them.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::{Counts, Report, Scores};

impl Report {
    /// The counts of the articles of each group (a language, say); articles `group_of`
    /// does not know fall under "?".
    pub fn by_article_group(&self, group_of: impl Fn(&str) -> Option<String>) -> BTreeMap<String, Counts> {
        let mut groups: BTreeMap<String, Counts> = BTreeMap::new();
        for (article, report) in &self.articles {
            let group = group_of(article).unwrap_or_else(|| "?".to_owned());
            groups.entry(group).or_default().add(&report.counts);
        }
        groups
    }

    /// The counts of each sub-event type: a gold event found counts under the type
    /// predicted for it, a miss under the gold's first type, a false alarm under its own.
    pub fn by_sub_event_type(&self) -> BTreeMap<String, Counts> {
        let mut types: BTreeMap<String, Counts> = BTreeMap::new();
        for report in self.articles.values() {
            for found in &report.found_events {
                let c = types.entry(found.sub_event_type.clone()).or_default();
                c.predicted += 1;
                c.found += 1;
                if found.required {
                    c.tp += 1;
                    c.gold_required += 1;
                } else {
                    c.optional_found += 1;
                    c.gold_optional += 1;
                }
                c.actor1_ok += usize::from(found.actor1_ok);
                c.place_ok += usize::from(found.place_ok);
                c.date_ok += usize::from(found.date_ok);
                if let Some(ok) = found.fatalities_ok {
                    c.fatality_groups += 1;
                    c.fatality_groups_ok += usize::from(ok);
                }
            }
            for miss in &report.missed {
                let c = types.entry(miss.sub_event_type.first().cloned().unwrap_or_default()).or_default();
                c.fn_ += 1;
                c.gold_required += 1;
            }
            for alarm in &report.false_alarms {
                let c = types.entry(alarm.sub_event_type.clone()).or_default();
                c.fp += 1;
                c.predicted += 1;
            }
        }
        types
    }

    /// Two tables: one row per language and a total, then one row per sub-event type.
    pub fn breakdown_table(&self, language_of: impl Fn(&str) -> Option<String>) -> String {
        let mut out = String::new();
        let mut languages = self.by_article_group(language_of);
        languages.insert("all".to_owned(), self.summary.counts.clone());
        write_table(&mut out, "language", &languages, true);
        out.push('\n');
        write_table(&mut out, "sub-event type", &self.by_sub_event_type(), false);
        out
    }
}

fn ratio_cell(n: usize, d: usize) -> String {
    if d == 0 {
        "-".to_owned()
    } else {
        format!("{:.3}", n as f64 / d as f64)
    }
}

fn write_table(out: &mut String, title: &str, rows: &BTreeMap<String, Counts>, with_articles: bool) {
    let _ = writeln!(
        out,
        "{title:<36} {:>8} {:>5} {:>5} {:>5} {:>5} {:>9} {:>7} {:>6} {:>7} {:>6} {:>10}",
        if with_articles { "articles" } else { "" },
        "gold",
        "tp",
        "fp",
        "fn",
        "precision",
        "recall",
        "f1",
        "actor1",
        "date",
        "fatalities"
    );
    for (name, c) in rows {
        let s = Scores::of(c);
        let n = if with_articles { c.articles.to_string() } else { String::new() };
        let _ = writeln!(
            out,
            "{name:<36} {n:>8} {:>5} {:>5} {:>5} {:>5} {:>9.3} {:>7.3} {:>6.3} {:>7} {:>6} {:>10}",
            c.gold_required,
            c.tp,
            c.fp,
            c.fn_,
            s.precision,
            s.recall,
            s.f1,
            ratio_cell(c.actor1_ok, c.found),
            ratio_cell(c.date_ok, c.found),
            ratio_cell(c.fatality_groups_ok, c.fatality_groups),
        );
    }
}
