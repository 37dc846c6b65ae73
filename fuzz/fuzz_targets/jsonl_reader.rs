//! The JSON Lines reader on arbitrary bytes: every line gives an article or a rejection
//! naming its line, and nothing panics.
#![no_main]
use frontline_ingest::{read_bytes, Format, IngestOptions, Outcome};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = IngestOptions::default();
    read_bytes(data, Format::JsonLines, "fuzz.jsonl", None, &options, &mut |outcome| {
        if let Outcome::Rejected(rejection) = outcome {
            assert!(rejection.origin.starts_with("fuzz.jsonl"));
        }
    });
});
