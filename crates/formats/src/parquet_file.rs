//! Events and merged events as an Apache Parquet file (arrow-rs), for DuckDB, pandas and
//! Spark: one row per event, ACLED's columns typed (days as dates, tolls as integers,
//! coordinates as doubles), Snappy-compressed.

use std::collections::HashMap;
use std::sync::Arc;

use arrow_array::{ArrayRef, Date32Array, Float64Array, Int64Array, RecordBatch, StringArray, UInt32Array};
use chrono::NaiveDate;
use frontline_core::{Event, MergedEvent};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use crate::{format_error, FormatError};

fn days(day: Option<NaiveDate>) -> Option<i32> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    day.and_then(|d| i32::try_from((d - epoch).num_days()).ok())
}

fn text<'a>(events: &[&'a Event], f: impl Fn(&'a Event) -> Option<&'a str>) -> ArrayRef {
    Arc::new(StringArray::from(events.iter().map(|e| f(e)).collect::<Vec<_>>()))
}

fn count(events: &[&Event], f: impl Fn(&Event) -> Option<u32>) -> ArrayRef {
    Arc::new(UInt32Array::from(events.iter().map(|e| f(e)).collect::<Vec<_>>()))
}

fn float(events: &[&Event], f: impl Fn(&Event) -> Option<f64>) -> ArrayRef {
    Arc::new(Float64Array::from(events.iter().map(|e| f(e)).collect::<Vec<_>>()))
}

fn date(events: &[&Event], f: impl Fn(&Event) -> Option<NaiveDate>) -> ArrayRef {
    Arc::new(Date32Array::from(events.iter().map(|e| days(f(e))).collect::<Vec<_>>()))
}

/// The columns every row has, from its event.
fn event_columns(events: &[&Event]) -> Vec<(&'static str, ArrayRef)> {
    vec![
        ("event_id", text(events, |e| Some(e.event_id.as_str()))),
        ("event_date", date(events, |e| e.event_date)),
        ("date_start", date(events, |e| e.date_start)),
        ("date_end", date(events, |e| e.date_end)),
        ("time_precision", count(events, |e| Some(u32::from(e.time_precision)))),
        ("event_type", text(events, |e| Some(e.event_type.as_str()))),
        ("sub_event_type", text(events, |e| Some(e.sub_event_type.as_str()))),
        ("actor1", text(events, |e| e.actor1.as_deref())),
        ("actor1_id", text(events, |e| e.actor1_id.map(|a| a.as_str()))),
        ("assoc_actor_1", text(events, |e| e.assoc_actor_1.as_deref())),
        ("actor2", text(events, |e| e.actor2.as_deref())),
        ("actor2_id", text(events, |e| e.actor2_id.map(|a| a.as_str()))),
        ("assoc_actor_2", text(events, |e| e.assoc_actor_2.as_deref())),
        ("country", text(events, |e| Some(e.country.as_str()))),
        ("iso", count(events, |e| Some(u32::from(e.iso)))),
        ("admin1", text(events, |e| e.admin1.as_deref())),
        ("admin2", text(events, |e| e.admin2.as_deref())),
        ("admin3", text(events, |e| e.admin3.as_deref())),
        ("pcode", text(events, |e| e.pcode.as_deref())),
        ("location", text(events, |e| Some(e.location.as_str()))),
        ("mention", text(events, |e| Some(e.mention.as_str()))),
        (
            "geonameid",
            Arc::new(Int64Array::from(events.iter().map(|e| e.geonameid.map(i64::from)).collect::<Vec<_>>())),
        ),
        ("latitude", float(events, |e| e.latitude)),
        ("longitude", float(events, |e| e.longitude)),
        ("geo_precision", count(events, |e| Some(u32::from(e.geo_precision)))),
        ("fatalities", count(events, |e| Some(e.fatalities))),
        ("civilian_fatalities", count(events, |e| e.civilian_fatalities)),
        ("child_fatalities", count(events, |e| e.child_fatalities)),
        ("injuries", count(events, |e| e.injuries)),
        ("control_gained_by", text(events, |e| e.control.as_ref().map(|c| c.gained_by.as_str()))),
        ("control_lost_by", text(events, |e| e.control.as_ref().and_then(|c| c.lost_by).map(|a| a.as_str()))),
        ("control_extent", text(events, |e| e.control.as_ref().map(|c| crate::extent_text(c.extent)))),
        ("language", text(events, |e| Some(e.language.as_str()))),
        ("evidence", text(events, |e| Some(e.evidence.as_str()))),
        ("trigger", text(events, |e| Some(e.trigger.as_str()))),
        ("claimed_by", text(events, |e| e.claimed_by.as_deref())),
        ("confidence", float(events, |e| Some(e.confidence))),
    ]
}

fn write(columns: Vec<(&'static str, ArrayRef)>) -> Result<Vec<u8>, FormatError> {
    let batch = RecordBatch::try_from_iter(columns).map_err(format_error)?;
    let properties = WriterProperties::builder().set_compression(Compression::SNAPPY).build();
    let mut out = Vec::new();
    let mut writer = ArrowWriter::try_new(&mut out, batch.schema(), Some(properties)).map_err(format_error)?;
    writer.write(&batch).map_err(format_error)?;
    writer.close().map_err(format_error)?;
    Ok(out)
}

/// Events of articles, one row each, with the article they were read from.
pub fn events_parquet(events: &[Event], source_names: &HashMap<String, String>) -> Result<Vec<u8>, FormatError> {
    let rows: Vec<&Event> = events.iter().collect();
    let mut columns = event_columns(&rows);
    columns.insert(1, ("article_id", text(&rows, |e| Some(e.article_id.as_str()))));
    columns.push(("source", text(&rows, |e| source_names.get(&e.article_id).map(String::as_str))));
    write(columns)
}

/// Merged events, one row each, with how many reports give them, their articles and their
/// outlets (each list joined by "; ").
pub fn merged_parquet(events: &[MergedEvent], source_names: &HashMap<String, String>) -> Result<Vec<u8>, FormatError> {
    let rows: Vec<&Event> = events.iter().map(|m| &m.event).collect();
    let mut columns = event_columns(&rows);
    let joined = |f: &dyn Fn(&MergedEvent) -> Vec<String>| -> ArrayRef {
        Arc::new(StringArray::from(events.iter().map(|m| f(m).join("; ")).collect::<Vec<_>>()))
    };
    columns.push(("sources", Arc::new(UInt32Array::from_iter_values(events.iter().map(|m| m.sources.len() as u32)))));
    columns.push(("articles", joined(&|m| m.sources.iter().map(|s| s.article_id.clone()).collect())));
    columns.push((
        "outlets",
        joined(&|m| {
            let mut outlets: Vec<String> =
                m.sources.iter().filter_map(|s| source_names.get(&s.article_id).cloned()).collect();
            outlets.dedup();
            outlets
        }),
    ));
    write(columns)
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::Array;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    fn event(id: &str, article: &str, killed: u32) -> Event {
        let json = serde_json::json!({
            "event_id": id, "event_date": "2021-03-09", "date_start": "2021-03-08",
            "date_end": "2021-03-09", "time_precision": 2, "event_type": "Explosions/Remote violence",
            "sub_event_type": "Air/drone strike", "actor1": "Military Forces of Russia", "actor1_id": "RUS",
            "assoc_actor_1": null, "actor2": null, "actor2_id": null, "assoc_actor_2": null, "location": "Ariha",
            "mention": "Ariha", "geonameid": 172_893, "latitude": 35.81, "longitude": 36.61, "geo_precision": 1,
            "admin1": "Idlib", "country": "Syria", "iso": 760, "fatalities": killed, "civilian_fatalities": null,
            "child_fatalities": null, "injuries": 4, "control": null, "article_id": article, "language": "en",
            "evidence": "Jets struck Ariha.", "evidence_start": 0, "evidence_end": 18, "confidence": 0.8,
            "trigger": "struck", "claimed_by": null
        });
        serde_json::from_value(json).expect("a valid event")
    }

    fn read(bytes: Vec<u8>) -> RecordBatch {
        let mut file = tempfile::tempfile().expect("temp file");
        std::io::Write::write_all(&mut file, &bytes).expect("write");
        let mut reader =
            ParquetRecordBatchReaderBuilder::try_new(file).expect("a Parquet file").build().expect("reader");
        let batch = reader.next().expect("one batch").expect("readable");
        assert!(reader.next().is_none());
        batch
    }

    #[test]
    fn events_and_merged_events_read_back() {
        let events = vec![event("a-1", "a", 3), event("b-1", "b", 5)];
        let names = HashMap::from([("a".to_owned(), "Levant Wire".to_owned())]);
        let batch = read(events_parquet(&events, &names).expect("written"));
        assert_eq!(batch.num_rows(), 2);
        let ids = batch.column_by_name("event_id").expect("event_id");
        let ids = ids.as_any().downcast_ref::<StringArray>().expect("strings");
        assert_eq!((ids.value(0), ids.value(1)), ("a-1", "b-1"));
        let killed = batch.column_by_name("fatalities").expect("fatalities");
        assert_eq!(killed.as_any().downcast_ref::<UInt32Array>().expect("u32").value(1), 5);
        let start = batch.column_by_name("date_start").expect("date_start");
        let start = start.as_any().downcast_ref::<Date32Array>().expect("dates");
        assert_eq!(start.value_as_date(0), NaiveDate::from_ymd_opt(2021, 3, 8));
        let source = batch.column_by_name("source").expect("source");
        let source = source.as_any().downcast_ref::<StringArray>().expect("strings");
        assert_eq!(source.value(0), "Levant Wire");
        assert!(source.is_null(1), "an article of no known outlet");

        let mut merged = MergedEvent::single(&events[0]);
        merged.sources.push(frontline_core::Source::of(&events[1], None));
        let batch = read(merged_parquet(&[merged], &names).expect("written"));
        assert_eq!(batch.num_rows(), 1);
        let sources = batch.column_by_name("sources").expect("sources");
        assert_eq!(sources.as_any().downcast_ref::<UInt32Array>().expect("u32").value(0), 2);
        let articles = batch.column_by_name("articles").expect("articles");
        assert_eq!(articles.as_any().downcast_ref::<StringArray>().expect("strings").value(0), "a; b");
        let latitude = batch.column_by_name("latitude").expect("latitude");
        assert_eq!(latitude.as_any().downcast_ref::<Float64Array>().expect("f64").value(0), 35.81);
    }
}
