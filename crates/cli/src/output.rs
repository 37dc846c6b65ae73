//! Printing events, articles and explanations in the formats the CLI offers.

use std::collections::HashMap;
use std::io::{self, Write};

use anyhow::Result;
use chrono::Datelike;
use frontline_core::{Article, Event, MergedEvent, Source};
use frontline_extract::Extraction;
use frontline_merge::{ControlState, PlaceTimeline};
use frontline_store::ArticleSummary;
use serde_json::json;

use crate::{ArticleFormat, ControlFormat, EventFormat, ExportFormat};

pub fn print_events(
    events: &[Event],
    format: EventFormat,
    sources: &HashMap<String, String>,
) -> Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match format {
        EventFormat::Table => write_table(&mut out, events)?,
        EventFormat::Jsonl => {
            for event in events {
                serde_json::to_writer(&mut out, event)?;
                writeln!(out)?;
            }
        }
        EventFormat::Csv => {
            let single: Vec<MergedEvent> = events.iter().map(as_single_source).collect();
            write_acled_csv(&mut out, &single, sources)?
        }
        EventFormat::Geojson => {
            serde_json::to_writer_pretty(&mut out, &geojson(events))?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(())
}

fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else {
        let cut: String = text.chars().take(width.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

fn date_text(event: &Event) -> String {
    match (event.event_date, event.date_start, event.date_end) {
        (Some(d), _, _) => d.to_string(),
        (None, Some(s), Some(e)) => format!("{s}..{e}"),
        _ => "undated".to_string(),
    }
}

pub fn write_table(out: &mut impl Write, events: &[Event]) -> Result<()> {
    writeln!(
        out,
        "{:<22} {:<36} {:<26} {:<8} {:>5} {:<24}",
        "date", "type", "place", "actor1", "dead", "article"
    )?;
    for e in events {
        writeln!(
            out,
            "{:<22} {:<36} {:<26} {:<8} {:>5} {:<24}",
            date_text(e),
            truncate(e.sub_event_type.as_str(), 36),
            truncate(&e.mention, 26),
            e.actor1_id.map_or("-", |a| a.as_str()),
            e.fatalities,
            truncate(&e.article_id, 24)
        )?;
    }
    writeln!(out, "{} events", events.len())?;
    Ok(())
}

const ACLED_COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

const OWN_COLUMNS: [&str; 17] = [
    "date_start",
    "date_end",
    "actor1_id",
    "actor2_id",
    "mention",
    "geonameid",
    "civilian_fatalities",
    "child_fatalities",
    "injuries",
    "control_gained_by",
    "control_lost_by",
    "control_extent",
    "article_id",
    "language",
    "evidence",
    "evidence_start",
    "confidence",
];

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// ACLED's interaction code: the two inter codes, the smaller first.
fn interaction(event: &Event) -> String {
    let codes: Vec<u8> = [event.actor1_id, event.actor2_id]
        .into_iter()
        .flatten()
        .map(|a| a.inter_code())
        .collect();
    match codes.as_slice() {
        [a] => format!("{a}0"),
        [a, b] => format!("{}{}", a.min(b), a.max(b)),
        _ => String::new(),
    }
}

/// An event of one article seen as a merged event with that one source.
fn as_single_source(e: &Event) -> MergedEvent {
    MergedEvent {
        event: e.clone(),
        sources: vec![Source {
            article_id: e.article_id.clone(),
            event_id: e.event_id.clone(),
            language: e.language.clone(),
            published: None,
            evidence: e.evidence.clone(),
            evidence_start: e.evidence_start,
            evidence_end: e.evidence_end,
            fatalities: e.fatalities,
            confidence: e.confidence,
            claimed_by: e.claimed_by.clone(),
        }],
    }
}

fn joined<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for item in items {
        if !item.is_empty() && !seen.contains(&item) {
            seen.push(item);
        }
    }
    seen.join("; ")
}

/// ACLED's columns, then frontline's; a merged event lists all its sources, articles and
/// evidence sentences, separated by "; ".
pub fn write_acled_csv(
    out: &mut impl Write,
    events: &[MergedEvent],
    source_names: &HashMap<String, String>,
) -> Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(ACLED_COLUMNS.iter().chain(OWN_COLUMNS.iter()))?;
    for merged in events {
        let e = &merged.event;
        let articles = joined(merged.sources.iter().map(|s| s.article_id.as_str()));
        let evidence = joined(merged.sources.iter().map(|s| s.evidence.as_str()));
        let source = joined(
            merged
                .sources
                .iter()
                .filter_map(|s| source_names.get(&s.article_id))
                .map(String::as_str),
        );
        let control = e.control.as_ref();
        let day = e.event_date.or(e.date_end);
        let civilian_targeting = if e.actor2_id.is_some_and(|a| a.as_str() == "CIV") {
            "Civilian targeting"
        } else {
            ""
        };
        let record: Vec<String> = vec![
            e.event_id.clone(),
            opt(day),
            opt(day.map(|d| d.year())),
            e.time_precision.to_string(),
            e.event_type.disorder_type().to_string(),
            e.event_type.as_str().to_string(),
            e.sub_event_type.as_str().to_string(),
            e.actor1.clone().unwrap_or_default(),
            e.assoc_actor_1.clone().unwrap_or_default(),
            opt(e.actor1_id.map(|a| a.inter_code())),
            e.actor2.clone().unwrap_or_default(),
            e.assoc_actor_2.clone().unwrap_or_default(),
            opt(e.actor2_id.map(|a| a.inter_code())),
            interaction(e),
            civilian_targeting.to_string(),
            e.iso.to_string(),
            "Middle East".to_string(),
            e.country.clone(),
            e.admin1.clone().unwrap_or_default(),
            String::new(),
            String::new(),
            e.location.clone(),
            opt(e.latitude),
            opt(e.longitude),
            e.geo_precision.to_string(),
            source,
            String::new(),
            evidence.clone(),
            e.fatalities.to_string(),
            String::new(),
            String::new(),
            opt(e.date_start),
            opt(e.date_end),
            opt(e.actor1_id),
            opt(e.actor2_id),
            e.mention.clone(),
            opt(e.geonameid),
            opt(e.civilian_fatalities),
            opt(e.child_fatalities),
            opt(e.injuries),
            opt(control.map(|c| c.gained_by)),
            opt(control.and_then(|c| c.lost_by)),
            control
                .map(|c| format!("{:?}", c.extent).to_lowercase())
                .unwrap_or_default(),
            articles,
            joined(merged.sources.iter().map(|s| s.language.as_str())),
            evidence,
            e.evidence_start.to_string(),
            e.confidence.to_string(),
        ];
        writer.write_record(&record)?;
    }
    writer.flush()?;
    Ok(())
}

/// An RFC 7946 FeatureCollection; events without coordinates have a null geometry.
pub fn geojson(events: &[Event]) -> serde_json::Value {
    let features: Vec<serde_json::Value> = events
        .iter()
        .map(|e| {
            let geometry = match (e.longitude, e.latitude) {
                (Some(lon), Some(lat)) => json!({"type": "Point", "coordinates": [lon, lat]}),
                _ => serde_json::Value::Null,
            };
            let properties = serde_json::to_value(e).unwrap_or(serde_json::Value::Null);
            json!({"type": "Feature", "id": e.event_id, "geometry": geometry, "properties": properties})
        })
        .collect();
    json!({"type": "FeatureCollection", "features": features})
}

pub fn print_articles(articles: &[ArticleSummary], format: ArticleFormat) -> Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match format {
        ArticleFormat::Jsonl => {
            for a in articles {
                let figures: serde_json::Value =
                    serde_json::from_str(&a.figures).unwrap_or(serde_json::Value::Null);
                let record = json!({
                    "id": a.id, "language": a.language, "published": a.published, "source": a.source,
                    "title": a.title, "origin": a.origin, "events": a.events, "figures": figures,
                });
                serde_json::to_writer(&mut out, &record)?;
                writeln!(out)?;
            }
        }
        ArticleFormat::Table => {
            writeln!(
                out,
                "{:<32} {:<4} {:<10} {:>6} {:>7}  source",
                "id", "lang", "published", "events", "figures"
            )?;
            for a in articles {
                let figures = serde_json::from_str::<Vec<serde_json::Value>>(&a.figures)
                    .map_or(0, |f| f.len());
                writeln!(
                    out,
                    "{:<32} {:<4} {:<10} {:>6} {:>7}  {}",
                    truncate(&a.id, 32),
                    a.language,
                    opt(a.published),
                    a.events,
                    figures,
                    a.source.clone().unwrap_or_default()
                )?;
            }
            writeln!(out, "{} articles", articles.len())?;
        }
    }
    out.flush()?;
    Ok(())
}

pub fn print_explanation(article: &Article, extraction: &Extraction) -> Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    writeln!(
        out,
        "article {} ({}, published {})",
        article.id,
        article.language,
        opt(article.published)
    )?;
    if let Some(note) = &extraction.note {
        writeln!(out, "  {note}")?;
    }
    for s in &extraction.sentences {
        writeln!(out, "\n[{}..{}] {:?}: {}", s.start, s.end, s.kind, s.text)?;
        for m in &s.mentions {
            writeln!(out, "    {m}")?;
        }
        for n in &s.notes {
            writeln!(out, "  → {n}")?;
        }
        if s.events.is_empty() && s.kind == frontline_extract::SentenceKind::Body {
            writeln!(out, "  → no event")?;
        }
    }
    writeln!(
        out,
        "\n{} events after one per type, place and day:",
        extraction.events.len()
    )?;
    write_table(&mut out, &extraction.events)?;
    for f in &extraction.figures {
        writeln!(
            out,
            "figure: killed {} injured {}: {}",
            opt(f.killed),
            opt(f.injured),
            f.evidence
        )?;
    }
    out.flush()?;
    Ok(())
}

pub fn print_merged(
    events: &[MergedEvent],
    format: ExportFormat,
    sources: &HashMap<String, String>,
) -> Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match format {
        ExportFormat::Jsonl => {
            for event in events {
                serde_json::to_writer(&mut out, event)?;
                writeln!(out)?;
            }
        }
        ExportFormat::AcledCsv => write_acled_csv(&mut out, events, sources)?,
        ExportFormat::Geojson => {
            let features: Vec<serde_json::Value> = events
                .iter()
                .map(|m| {
                    let geometry = point(m.event.longitude, m.event.latitude);
                    let properties = serde_json::to_value(m).unwrap_or(serde_json::Value::Null);
                    json!({"type": "Feature", "id": m.event.event_id, "geometry": geometry, "properties": properties})
                })
                .collect();
            serde_json::to_writer_pretty(
                &mut out,
                &json!({"type": "FeatureCollection", "features": features}),
            )?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(())
}

fn point(lon: Option<f64>, lat: Option<f64>) -> serde_json::Value {
    match (lon, lat) {
        (Some(lon), Some(lat)) => json!({"type": "Point", "coordinates": [lon, lat]}),
        _ => serde_json::Value::Null,
    }
}

fn holder_text(state: &ControlState) -> String {
    if state.contested() {
        format!(
            "contested ({})",
            state
                .claimants
                .iter()
                .map(|a| a.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    } else {
        state
            .held_by
            .map_or_else(|| "unknown".to_string(), |a| a.as_str().to_string())
    }
}

fn extent_text(state: &ControlState) -> &'static str {
    match state.extent {
        frontline_core::Extent::Full => "full",
        frontline_core::Extent::Partial => "partial",
    }
}

pub fn print_control(
    rows: &[(&PlaceTimeline, &ControlState)],
    format: ControlFormat,
) -> Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match format {
        ControlFormat::Table => {
            writeln!(
                out,
                "{:<28} {:<24} {:<8} {:<10} {:<10} articles",
                "place", "held by", "extent", "since", "until"
            )?;
            for (place, state) in rows {
                writeln!(
                    out,
                    "{:<28} {:<24} {:<8} {:<10} {:<10} {}",
                    truncate(&place.mention, 28),
                    holder_text(state),
                    extent_text(state),
                    opt(state.since),
                    opt(state.until),
                    state.articles.join(", ")
                )?;
            }
            writeln!(out, "{} places", rows.len())?;
        }
        ControlFormat::Csv => {
            let mut writer = csv::Writer::from_writer(&mut out);
            writer.write_record([
                "place",
                "location",
                "latitude",
                "longitude",
                "admin1",
                "held_by",
                "contested",
                "claimants",
                "extent",
                "since",
                "until",
                "articles",
            ])?;
            for (place, state) in rows {
                writer.write_record([
                    place.mention.clone(),
                    place.location.clone(),
                    opt(place.latitude),
                    opt(place.longitude),
                    place.admin1.clone().unwrap_or_default(),
                    opt(state.held_by),
                    state.contested().to_string(),
                    state
                        .claimants
                        .iter()
                        .map(|a| a.as_str())
                        .collect::<Vec<_>>()
                        .join(";"),
                    extent_text(state).to_string(),
                    opt(state.since),
                    opt(state.until),
                    state.articles.join(";"),
                ])?;
            }
            writer.flush()?;
        }
        ControlFormat::Geojson => {
            let features: Vec<serde_json::Value> = rows
                .iter()
                .map(|(place, state)| {
                    json!({
                        "type": "Feature",
                        "geometry": point(place.longitude, place.latitude),
                        "properties": {
                            "place": place.mention, "location": place.location, "admin1": place.admin1,
                            "held_by": state.held_by, "contested": state.contested(), "claimants": state.claimants,
                            "extent": extent_text(state), "since": state.since, "until": state.until, "articles": state.articles,
                        }
                    })
                })
                .collect();
            serde_json::to_writer_pretty(
                &mut out,
                &json!({"type": "FeatureCollection", "features": features}),
            )?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(())
}

pub fn print_history(timeline: &PlaceTimeline) -> Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    writeln!(
        out,
        "{} ({}{})",
        timeline.mention,
        timeline.location,
        timeline
            .admin1
            .as_ref()
            .map(|a| format!(", {a}"))
            .unwrap_or_default()
    )?;
    for state in &timeline.states {
        writeln!(
            out,
            "  {:<10} → {:<10} {:<24} {:<8} {}",
            state
                .since
                .map_or_else(|| "…".to_string(), |d| d.to_string()),
            state
                .until
                .map_or_else(|| "…".to_string(), |d| d.to_string()),
            holder_text(state),
            extent_text(state),
            if state.articles.is_empty() {
                "(held before the first report)".to_string()
            } else {
                state.articles.join(", ")
            }
        )?;
    }
    out.flush()?;
    Ok(())
}
