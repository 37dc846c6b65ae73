use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::short::joined;
use crate::{ActorId, EventType, SubEventType};

/// Whether a territory change covers the whole place or part of it ("most of").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Extent {
    Full,
    Partial,
}

/// Who gained and who lost a place, for territory events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Control {
    pub gained_by: ActorId,
    pub lost_by: Option<ActorId>,
    pub extent: Extent,
}

/// One event read from one article: the record of docs/event-schema.md, field for field,
/// plus the words that triggered it and who made the claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub event_id: String,
    pub event_date: Option<NaiveDate>,
    pub date_start: Option<NaiveDate>,
    pub date_end: Option<NaiveDate>,
    pub time_precision: u8,
    pub event_type: EventType,
    pub sub_event_type: SubEventType,
    pub actor1: Option<String>,
    pub actor1_id: Option<ActorId>,
    pub assoc_actor_1: Option<String>,
    pub actor2: Option<String>,
    pub actor2_id: Option<ActorId>,
    pub assoc_actor_2: Option<String>,
    pub location: String,
    pub mention: String,
    pub geonameid: Option<u32>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub geo_precision: u8,
    pub admin1: Option<String>,
    /// ACLED's admin2 and admin3: district and sub-district, from the gazetteer's hierarchy.
    /// Absent from events stored before they existed.
    #[serde(default)]
    pub admin2: Option<String>,
    #[serde(default)]
    pub admin3: Option<String>,
    /// The OCHA community P-code of the place, when it has one.
    #[serde(default)]
    pub pcode: Option<String>,
    pub country: String,
    pub iso: u16,
    pub fatalities: u32,
    pub civilian_fatalities: Option<u32>,
    pub child_fatalities: Option<u32>,
    pub injuries: Option<u32>,
    pub control: Option<Control>,
    pub article_id: String,
    pub language: String,
    pub evidence: String,
    pub evidence_start: usize,
    pub evidence_end: usize,
    pub confidence: f64,
    /// The words of the evidence that made this an event.
    pub trigger: String,
    /// Who the article says made the claim ("SANA", "l'Observatoire"), when it says.
    pub claimed_by: Option<String>,
}

/// ACLED's time precision for a date window of `days` days: 1 a day, 2 within a week,
/// 3 longer.
pub fn time_precision(days: i64) -> u8 {
    match days {
        0 => 1,
        1..=7 => 2,
        _ => 3,
    }
}

impl Event {
    /// How many days the date window spans (0 for one day); `i64::MAX` when it is open.
    pub fn window_days(&self) -> i64 {
        match (self.date_start, self.date_end) {
            (Some(s), Some(t)) => (t - s).num_days(),
            _ => i64::MAX,
        }
    }

    /// What identifies the event's place: the GeoNames id, else the P-code, else the name
    /// as written, folded (case, accents, hyphens and apostrophes do not matter).
    pub fn place_key(&self) -> String {
        // Put together by hand, as `format!` would write them: its machinery cost several
        // times the few appends (every kept event's id is derived from the key).
        match (self.geonameid, &self.pcode) {
            (Some(id), _) => {
                let mut key = String::with_capacity("geonames:".len() + 10);
                key.push_str("geonames:");
                push_decimal(&mut key, id);
                key
            }
            (None, Some(pcode)) => joined("pcode:", pcode),
            (None, None) => joined("name:", &crate::fold_key(&self.mention)),
        }
    }

    /// The id of an event is derived from what identifies it within its article, so that
    /// the same article read twice gives the same ids.
    pub fn derive_id(&self) -> String {
        let place = self.place_key();
        let start = self.date_start.map(date_text).unwrap_or_default();
        let end = self.date_end.map(date_text).unwrap_or_default();
        crate::short_hash(&[&self.article_id, self.sub_event_type.as_str(), &place, &start, &end])
    }
}

/// One source of a merged event: the article and sentence it was read from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub article_id: String,
    pub event_id: String,
    pub language: String,
    pub published: Option<NaiveDate>,
    pub evidence: String,
    pub evidence_start: usize,
    pub evidence_end: usize,
    pub fatalities: u32,
    pub confidence: f64,
    pub claimed_by: Option<String>,
}

/// One real event: the events of every article that reports it, merged. Its fields are an
/// event's (the narrowest date window, the most reliable toll), plus every source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergedEvent {
    #[serde(flatten)]
    pub event: Event,
    pub sources: Vec<Source>,
}

impl Source {
    /// The source an event of one article is, given its article's publication date.
    pub fn of(event: &Event, published: Option<NaiveDate>) -> Source {
        Source {
            article_id: event.article_id.clone(),
            event_id: event.event_id.clone(),
            language: event.language.clone(),
            published,
            evidence: event.evidence.clone(),
            evidence_start: event.evidence_start,
            evidence_end: event.evidence_end,
            fatalities: event.fatalities,
            confidence: event.confidence,
            claimed_by: event.claimed_by.clone(),
        }
    }
}

impl MergedEvent {
    /// An event of one article seen as a merged event with that one source.
    pub fn single(event: &Event) -> MergedEvent {
        MergedEvent { event: event.clone(), sources: vec![Source::of(event, None)] }
    }
}

/// A date as `NaiveDate`'s `Display` writes it ("2024-02-03"): by hand for the years of
/// four digits, every year a report gives, as the formatting machinery writes one char at
/// a time; other years as `Display` writes them.
fn date_text(date: NaiveDate) -> String {
    let year = date.year();
    if !(0..=9999).contains(&year) {
        return date.to_string();
    }
    let mut text = String::with_capacity(10);
    push_digits(&mut text, year.unsigned_abs(), 4);
    text.push('-');
    push_digits(&mut text, date.month(), 2);
    text.push('-');
    push_digits(&mut text, date.day(), 2);
    text
}

/// `value` in decimal, as `Display` writes it.
fn push_decimal(text: &mut String, value: u32) {
    let digits = value.checked_ilog10().map_or(1, |log| log + 1);
    push_digits(text, value, digits);
}

/// The last `digits` decimal digits of a number, with leading zeros.
fn push_digits(text: &mut String, value: u32, digits: u32) {
    for place in (0..digits).rev() {
        text.push(char::from(b'0' + (value / 10u32.pow(place) % 10) as u8));
    }
}

#[cfg(test)]
mod date_text_tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_display_writes_them() {
        for value in [0, 1, 9, 10, 99, 100, 170_063, 999_999_999, 1_000_000_000, u32::MAX] {
            let mut text = String::new();
            push_decimal(&mut text, value);
            assert_eq!(text, value.to_string());
        }
    }

    #[test]
    fn dates_are_written_as_display_writes_them() {
        let mut days = Vec::new();
        for year in [-1, 0, 1, 9, 10, 999, 1000, 1970, 2011, 2024, 2026, 9999, 10000] {
            for (month, day) in [(1, 1), (2, 3), (2, 28), (9, 30), (10, 9), (12, 31)] {
                days.extend(NaiveDate::from_ymd_opt(year, month, day));
            }
        }
        assert!(days.len() > 70);
        for day in days {
            assert_eq!(date_text(day), day.to_string());
        }
    }
}
