//! `frontline demo`: the sample reports that ship with frontline, ingested through the
//! normal path into the store, then the events printed as a table.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use frontline_store::EventFilter;

use crate::{extractor, ingest, open_store, output, EventFormat, GazetteerArgs};

/// The samples (written for frontline, fictional), with their metadata index.
const SAMPLES: &[(&str, &str)] = &[
    ("articles.jsonl", include_str!("../samples/articles.jsonl")),
    ("sample-ariha-en.txt", include_str!("../samples/sample-ariha-en.txt")),
    ("sample-ariha-fr.txt", include_str!("../samples/sample-ariha-fr.txt")),
    ("sample-sarmin-fr.txt", include_str!("../samples/sample-sarmin-fr.txt")),
    ("sample-jisr-en.txt", include_str!("../samples/sample-jisr-en.txt")),
];

pub fn run(db: &Path, gazetteer: &GazetteerArgs) -> Result<ExitCode> {
    let folder = std::env::temp_dir().join(format!("frontline-samples-{}", std::process::id()));
    std::fs::create_dir_all(&folder).with_context(|| format!("cannot create {}", folder.display()))?;
    for (name, text) in SAMPLES {
        std::fs::write(folder.join(name), text).with_context(|| format!("cannot write sample {name}"))?;
    }
    let extractor = extractor(gazetteer)?;
    let mut store = open_store(db)?;
    let result = ingest::run(std::slice::from_ref(&folder), &Default::default(), &extractor, &mut store);
    let _ = std::fs::remove_dir_all(&folder);
    let summary = result?;
    let articles: Vec<String> =
        SAMPLES.iter().filter_map(|(name, _)| name.strip_suffix(".txt")).map(str::to_string).collect();
    let events: Vec<_> =
        store.events(&EventFilter::default())?.into_iter().filter(|e| articles.contains(&e.article_id)).collect();
    output::print_events(&events, EventFormat::Table, &Default::default())?;
    eprintln!("stored in {}; try: frontline events --db {} --format jsonl", db.display(), db.display());
    Ok(summary.exit_code())
}
