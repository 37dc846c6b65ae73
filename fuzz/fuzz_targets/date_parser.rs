//! Date reading on arbitrary text in every language pack, with and without a publication
//! date: windows are well ordered and nothing panics.
#![no_main]
use std::sync::OnceLock;

use frontline_lang::Packs;
use libfuzzer_sys::fuzz_target;

fn packs() -> &'static Packs {
    static PACKS: OnceLock<Packs> = OnceLock::new();
    PACKS.get_or_init(|| Packs::builtin().expect("built-in packs load"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let published = chrono::NaiveDate::from_ymd_opt(2020, 1, 28);
    for code in packs().codes() {
        let Some(pack) = packs().get(code) else { continue };
        for date in [published, None] {
            for window in frontline_extract::read_dates(&text, pack, date) {
                if let (Some(start), Some(end)) = (window.start, window.end) {
                    assert!(start <= end, "{start} after {end}");
                }
            }
        }
    }
});
