//! The HTML main-text extractor on arbitrary bytes: never panics, never loops.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let document = frontline_ingest::html_main_text(&html);
    // The text it keeps comes from the page: it cannot be longer than the page.
    assert!(document.text.len() <= html.len() * 3 + 16);
});
