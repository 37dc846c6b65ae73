//! Place-name folding on arbitrary text: it never panics and reaches a fixed point.
#![no_main]
use frontline_gazetteer::{fold_name, skeleton};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let name = String::from_utf8_lossy(data);
    let folded = fold_name(&name);
    assert_eq!(fold_name(&folded), folded);
    let _ = skeleton(&folded);
});
