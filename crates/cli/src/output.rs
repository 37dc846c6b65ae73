//! Printing events, articles and explanations in the formats the CLI offers.

use std::collections::HashMap;
use std::io::{self, Write};

use anyhow::Result;
use frontline_core::{Article, Event, MergedEvent};
use frontline_extract::Extraction;
use frontline_formats as formats;
use frontline_merge::{ControlState, PlaceTimeline};
use frontline_store::ArticleSummary;
use serde_json::json;

use crate::{ArticleFormat, ControlFormat, EventFormat, ExportFormat};

pub fn print_events(events: &[Event], format: EventFormat, sources: &HashMap<String, String>) -> Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match format {
        EventFormat::Table => write_table(&mut out, events)?,
        EventFormat::Jsonl => out.write_all(&formats::jsonl(events)?)?,
        EventFormat::Csv => {
            let single: Vec<MergedEvent> = events.iter().map(MergedEvent::single).collect();
            out.write_all(&formats::acled_csv(&single, sources)?)?
        }
        EventFormat::Geojson => write_json(&mut out, &formats::geojson(events)?)?,
        EventFormat::Parquet => out.write_all(&binary(formats::events_parquet(events, sources)?)?)?,
    }
    out.flush()?;
    Ok(())
}

/// A binary file's bytes, refused on a terminal, where they would only garble the screen.
fn binary(bytes: Vec<u8>) -> Result<Vec<u8>> {
    if std::io::IsTerminal::is_terminal(&io::stdout()) {
        anyhow::bail!("--format parquet writes a binary file: redirect it (> events.parquet)");
    }
    Ok(bytes)
}

fn write_json(out: &mut impl Write, value: &serde_json::Value) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
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
    writeln!(out, "{:<22} {:<36} {:<26} {:<8} {:>5} {:<24}", "date", "type", "place", "actor1", "dead", "article")?;
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

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

pub fn print_articles(articles: &[ArticleSummary], format: ArticleFormat) -> Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match format {
        ArticleFormat::Jsonl => {
            for a in articles {
                let figures: serde_json::Value = serde_json::from_str(&a.figures).unwrap_or(serde_json::Value::Null);
                let record = json!({
                    "id": a.id, "language": a.language, "published": a.published, "source": a.source,
                    "title": a.title, "origin": a.origin, "events": a.events, "figures": figures,
                });
                serde_json::to_writer(&mut out, &record)?;
                writeln!(out)?;
            }
        }
        ArticleFormat::Table => {
            writeln!(out, "{:<32} {:<4} {:<10} {:>6} {:>7}  source", "id", "lang", "published", "events", "figures")?;
            for a in articles {
                let figures = serde_json::from_str::<Vec<serde_json::Value>>(&a.figures).map_or(0, |f| f.len());
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
    writeln!(out, "article {} ({}, published {})", article.id, article.language, opt(article.published))?;
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
    writeln!(out, "\n{} events after one per type, place and day:", extraction.events.len())?;
    write_table(&mut out, &extraction.events)?;
    for f in &extraction.figures {
        writeln!(out, "figure: killed {} injured {}: {}", opt(f.killed), opt(f.injured), f.evidence)?;
    }
    out.flush()?;
    Ok(())
}

pub fn print_merged(events: &[MergedEvent], format: ExportFormat, sources: &HashMap<String, String>) -> Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match format {
        ExportFormat::Jsonl => out.write_all(&formats::jsonl(events)?)?,
        ExportFormat::AcledCsv => out.write_all(&formats::acled_csv(events, sources)?)?,
        ExportFormat::Geojson => write_json(&mut out, &formats::geojson(events)?)?,
        ExportFormat::Parquet => out.write_all(&binary(formats::merged_parquet(events, sources)?)?)?,
    }
    out.flush()?;
    Ok(())
}

fn holder_text(state: &ControlState) -> String {
    if state.contested() {
        format!("contested ({})", state.claimants.iter().map(|a| a.as_str()).collect::<Vec<_>>().join(", "))
    } else {
        state.held_by.map_or_else(|| "unknown".to_string(), |a| a.as_str().to_string())
    }
}

fn extent_text(state: &ControlState) -> &'static str {
    formats::extent_text(state.extent)
}

pub fn print_control(rows: &[(&PlaceTimeline, &ControlState)], format: ControlFormat) -> Result<()> {
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
        ControlFormat::Csv => out.write_all(&formats::control_csv(rows)?)?,
        ControlFormat::Geojson => write_json(&mut out, &formats::control_geojson(rows))?,
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
        timeline.admin1.as_ref().map(|a| format!(", {a}")).unwrap_or_default()
    )?;
    for state in &timeline.states {
        writeln!(
            out,
            "  {:<10} → {:<10} {:<24} {:<8} {}",
            state.since.map_or_else(|| "…".to_string(), |d| d.to_string()),
            state.until.map_or_else(|| "…".to_string(), |d| d.to_string()),
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
