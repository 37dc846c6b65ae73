//! Near-duplicate recognition: MinHash over word shingles, with locality-sensitive bands.
//!
//! A wire story reprinted by many outlets differs from copy to copy by a byline, a credit
//! line, punctuation or typography. Such a reprint gives the events its original gave, so
//! it need not be read again. A story updated with a new toll or a new paragraph gives
//! other events and must be read. The bands find candidates in constant time (a few index
//! probes); [`confirm`] then decides against the stored text, exactly, and errs towards
//! reading: a copy it refuses is read like any article, which is only slower.

use chrono::NaiveDate;

/// Words per shingle.
const SHINGLE: usize = 3;
/// MinHash values: `BANDS` bands of `ROWS` values each. Two texts of shingle similarity s
/// share a band with probability 1 − (1 − s³)⁶: 0.9996 at 0.9, 0.53 at 0.5.
const ROWS: usize = 3;
const BANDS: usize = 6;
/// The least shingle similarity (Jaccard) of a reprint to its original.
pub const SIMILARITY: f64 = 0.9;
/// The most shingles a reprint may have that its original has not: room for a byline or a
/// credit line, not for a sentence of news.
pub const MAX_NEW_SHINGLES: usize = 12;

/// What finds an article's near duplicates: its band keys. Each key also covers the
/// language, the publication day and every number of the text, so that only texts that
/// agree on all of them (a toll, a date, relative days read from the same day) meet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sketch {
    pub keys: [i64; BANDS],
    /// The day its keys are filed under in a store: the publication day as a day number
    /// (0 when undated). A reprint is published the same day as its original (its keys
    /// cover the day too), so its probes look only among that day's keys, and an article's
    /// keys are written side by side instead of at six random places of a growing index.
    pub day: i64,
    /// The text's distinct shingles, sorted, and the hash of its numbers: kept for
    /// [`confirm`], so that the text is not cut into shingles twice.
    shingles: Vec<u64>,
    numbers: u64,
}

/// FNV-1a, 64 bits: a fast, stable hash of short byte strings (stable across runs and
/// machines, as band keys are stored).
fn fnv(bytes: impl IntoIterator<Item = u8>, mut hash: u64) -> u64 {
    for b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}
const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// A strong mix of 64 bits (splitmix64's finaliser): one hash function per MinHash row.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The words of a text, lower-cased, punctuation and typography left out; and the hash of
/// its numbers, in order.
fn words_and_numbers(text: &str) -> (Vec<u64>, u64) {
    let mut words = Vec::with_capacity(text.len() / 5);
    let mut numbers = FNV_START;
    let mut word = FNV_START;
    let mut in_word = false;
    let mut number = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if c.is_ascii() {
                // Most letters: lower-cased and hashed without the general case's iterator
                // (the same hash: an ASCII letter lower-cases to one byte).
                word = fnv([c.to_ascii_lowercase() as u8], word);
            } else {
                for lower in c.to_lowercase() {
                    let mut buf = [0u8; 4];
                    word = fnv(lower.encode_utf8(&mut buf).bytes(), word);
                }
            }
            // Only ASCII digits are digits of base 10 to `to_digit`.
            if let Some(digit) = c.to_digit(10) {
                numbers = fnv([digit as u8], numbers);
                number = true;
            } else if number {
                numbers = fnv([b' '], numbers);
                number = false;
            }
            in_word = true;
        } else {
            if in_word {
                words.push(word);
                word = FNV_START;
                in_word = false;
            }
            if number {
                // Digits split by punctuation ("1,200", "12.5") stay one figure.
                numbers = fnv([if c.is_whitespace() { b' ' } else { b'.' }], numbers);
                number = c.is_ascii_punctuation() && c != '-';
            }
        }
    }
    if in_word {
        words.push(word);
    }
    (words, numbers)
}

/// The distinct shingles of a text, sorted; and the hash of its numbers.
fn shingles(text: &str) -> (Vec<u64>, u64) {
    let (words, numbers) = words_and_numbers(text);
    let mut shingles: Vec<u64> = if words.len() < SHINGLE {
        vec![words.iter().fold(FNV_START, |h, w| mix(h ^ w))]
    } else {
        words.windows(SHINGLE).map(|w| w.iter().fold(FNV_START, |h, w| mix(h ^ w))).collect()
    };
    shingles.sort_unstable();
    shingles.dedup();
    (shingles, numbers)
}

/// The sketch of an article's text, as read in `language` and published on `published`.
pub fn sketch(text: &str, language: &str, published: Option<NaiveDate>) -> Sketch {
    let (shingles, numbers) = self::shingles(text);
    // Row by row: each row's minimum is one pass of independent mixes over the shingles,
    // which the processor overlaps, without a branch or a store per shingle and row.
    let mut mins = [u64::MAX; BANDS * ROWS];
    for (row, min) in mins.iter_mut().enumerate() {
        let seed = (row as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        *min = shingles.iter().fold(u64::MAX, |least, &s| least.min(mix(s ^ seed)));
    }
    let context = fnv(language.bytes().chain(published.map(|d| d.to_string()).unwrap_or_default().bytes()), numbers);
    let mut keys = [0i64; BANDS];
    for (band, key) in keys.iter_mut().enumerate() {
        let mut h = mix(context ^ band as u64);
        for &m in &mins[band * ROWS..(band + 1) * ROWS] {
            h = mix(h ^ m);
        }
        *key = h as i64;
    }
    Sketch { keys, day: published.map_or(0, crate::record::day_number), shingles, numbers }
}

/// Whether the text sketched is a reprint of `original`: numbers the same, shingles at
/// least [`SIMILARITY`] alike, and at most [`MAX_NEW_SHINGLES`] of its own.
pub fn confirm(sketch: &Sketch, original: &str) -> bool {
    confirm_shingled(sketch, &Shingled::of(original))
}

/// A text cut into shingles once, to be compared with many texts (the reprints of one
/// story come one after another).
#[derive(Debug, Clone)]
pub struct Shingled {
    shingles: Vec<u64>,
    numbers: u64,
}

impl Shingled {
    pub fn of(text: &str) -> Shingled {
        let (shingles, numbers) = shingles(text);
        Shingled { shingles, numbers }
    }
}

/// [`confirm`] against a text already cut into shingles.
pub fn confirm_shingled(sketch: &Sketch, original: &Shingled) -> bool {
    let (new, new_numbers) = (&sketch.shingles, sketch.numbers);
    let (old, old_numbers) = (&original.shingles, original.numbers);
    if new_numbers != old_numbers {
        return false;
    }
    let common = sorted_common(new, old);
    let union = new.len() + old.len() - common;
    let own = new.len() - common;
    union > 0 && own <= MAX_NEW_SHINGLES && common as f64 / union as f64 >= SIMILARITY
}

fn sorted_common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// An evidence sentence of an original and which occurrence of it is the evidence, to be
/// found in each of its reprints: the search is prepared once (preparing it costs more than
/// searching a report).
#[derive(Debug)]
pub struct Sought {
    finder: memchr::memmem::Finder<'static>,
    nth: usize,
}

impl Sought {
    pub fn new(evidence: &str, nth: usize) -> Sought {
        Sought { finder: memchr::memmem::Finder::new(evidence.as_bytes()).into_owned(), nth }
    }

    /// Where it is in `text`, as [`find_occurrence`] finds it (for a sentence not empty).
    pub fn in_text(&self, text: &str) -> Option<usize> {
        self.finder.find_iter(text.as_bytes()).nth(self.nth)
    }
}

/// Where `evidence`, found at `start` in `original`, is in `text`: the same occurrence of
/// it (the first, second... as in the original). None when the text lacks it.
pub fn moved(original: &str, start: usize, evidence: &str, text: &str) -> Option<usize> {
    find_occurrence(evidence, occurrence(original, start, evidence)?, text)
}

/// Which occurrence of `evidence` in `original` (0 for the first) starts at `start`, or
/// before it; None for an empty evidence or a start out of the text.
pub fn occurrence(original: &str, start: usize, evidence: &str) -> Option<usize> {
    if evidence.is_empty() {
        return None;
    }
    Some(memchr::memmem::find_iter(original.get(..start)?.as_bytes(), evidence.as_bytes()).count())
}

/// Where the `nth` occurrence of `evidence` is in `text` (occurrences that do not overlap,
/// counted from the start, as `str::match_indices` counts them: a sentence of UTF-8 found
/// in UTF-8 starts at a character, so bytes find what characters would, and faster).
pub fn find_occurrence(evidence: &str, nth: usize, text: &str) -> Option<usize> {
    if evidence.is_empty() {
        return text.match_indices(evidence).nth(nth).map(|(at, _)| at);
    }
    memchr::memmem::find_iter(text.as_bytes(), evidence.as_bytes()).nth(nth)
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Russian warplanes struck the town of Ariha in the Idlib countryside on Tuesday, \
        killing 12 civilians, among them 3 children, the Syrian Observatory for Human Rights said. \
        Rescue workers of the Civil Defence pulled survivors from the rubble of two houses near \
        the main market. The strikes came a day after government forces shelled villages south \
        of the town, where fighting has intensified since the start of the month.";

    fn day() -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2021, 3, 10)
    }

    #[test]
    fn a_reprint_with_a_byline_and_other_quotes_is_recognised() {
        let reprint = format!("Beirut (Wire) — {}", STORY.replace("Tuesday,", "Tuesday ,"));
        let (a, b) = (sketch(STORY, "en", day()), sketch(&reprint, "en", day()));
        assert!(a.keys.iter().zip(&b.keys).any(|(x, y)| x == y), "they share a band");
        assert!(confirm(&b, STORY));
    }

    #[test]
    fn a_new_toll_a_new_paragraph_another_day_are_not_reprints() {
        let toll = STORY.replace("killing 12", "killing 15");
        assert!(sketch(&toll, "en", day()).keys.iter().zip(&sketch(STORY, "en", day()).keys).all(|(x, y)| x != y));
        assert!(!confirm(&sketch(&toll, "en", day()), STORY));
        let paragraph = format!(
            "{STORY} Later on Tuesday, opposition fighters shelled government positions near Saraqib, \
             the factions said in a statement."
        );
        assert!(!confirm(&sketch(&paragraph, "en", day()), STORY), "a new paragraph is read");
        let later = sketch(STORY, "en", NaiveDate::from_ymd_opt(2021, 3, 11));
        assert!(later.keys.iter().zip(&sketch(STORY, "en", day()).keys).all(|(x, y)| x != y));
    }

    /// The sketch as first written: every character lower-cased through the general
    /// iterator, every row's minimum kept shingle by shingle. Stored keys must not change.
    fn plain_sketch(text: &str, language: &str, published: Option<NaiveDate>) -> [i64; BANDS] {
        let (mut words, mut numbers, mut word, mut in_word, mut number) =
            (Vec::new(), FNV_START, FNV_START, false, false);
        for c in text.chars() {
            if c.is_alphanumeric() {
                for lower in c.to_lowercase() {
                    let mut buf = [0u8; 4];
                    word = fnv(lower.encode_utf8(&mut buf).bytes(), word);
                }
                if let Some(digit) = c.to_digit(10) {
                    numbers = fnv([digit as u8], numbers);
                    number = true;
                } else if number {
                    numbers = fnv([b' '], numbers);
                    number = false;
                }
                in_word = true;
            } else {
                if in_word {
                    words.push(word);
                    (word, in_word) = (FNV_START, false);
                }
                if number {
                    numbers = fnv([if c.is_whitespace() { b' ' } else { b'.' }], numbers);
                    number = c.is_ascii_punctuation() && c != '-';
                }
            }
        }
        if in_word {
            words.push(word);
        }
        let mut shingles: Vec<u64> = if words.len() < SHINGLE {
            vec![words.iter().fold(FNV_START, |h, w| mix(h ^ w))]
        } else {
            words.windows(SHINGLE).map(|w| w.iter().fold(FNV_START, |h, w| mix(h ^ w))).collect()
        };
        shingles.sort_unstable();
        shingles.dedup();
        let mut mins = [u64::MAX; BANDS * ROWS];
        for &s in &shingles {
            for (row, min) in mins.iter_mut().enumerate() {
                *min = (*min).min(mix(s ^ (row as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)));
            }
        }
        let context =
            fnv(language.bytes().chain(published.map(|d| d.to_string()).unwrap_or_default().bytes()), numbers);
        std::array::from_fn(|band| {
            let mut h = mix(context ^ band as u64);
            for &m in &mins[band * ROWS..(band + 1) * ROWS] {
                h = mix(h ^ m);
            }
            h as i64
        })
    }

    #[test]
    fn the_sketch_gives_the_keys_it_always_gave() {
        let texts = [
            STORY.to_owned(),
            "ÉTAT-MAJOR : 1 200 soldats, 12,5 km ; Ärger in Ḥamā — ÀÉÎ".to_owned(),
            "قصف الطيران الحربي مدينة أريحا يوم 12 آذار، ما أسفر عن مقتل 4 مدنيين".to_owned(),
            "two words".to_owned(),
            String::new(),
            "İstanbul ǅ ß 10-12 3.4 x\u{b}y".to_owned(),
        ];
        for text in &texts {
            for published in [day(), None] {
                assert_eq!(sketch(text, "en", published).keys, plain_sketch(text, "en", published), "{text}");
            }
        }
    }

    #[test]
    fn occurrences_are_counted_as_str_counts_them() {
        let text = "aaaa. Ḥamā — ḤamāḤamā aaaa, aa. قصف قصف";
        for needle in ["a", "aa", "aaa", "Ḥamā", "āḤ", "قصف", "x", ""] {
            let by_str: Vec<usize> = text.match_indices(needle).map(|(at, _)| at).collect();
            for (nth, at) in by_str.iter().enumerate() {
                assert_eq!(find_occurrence(needle, nth, text), Some(*at), "{needle} {nth}");
            }
            assert_eq!(find_occurrence(needle, by_str.len(), text), None, "{needle}");
            if !needle.is_empty() {
                for nth in 0..=by_str.len() {
                    assert_eq!(Sought::new(needle, nth).in_text(text), by_str.get(nth).copied(), "{needle} {nth}");
                }
            }
            if !needle.is_empty() {
                assert_eq!(occurrence(text, text.len(), needle), Some(by_str.len()), "{needle}");
            }
        }
    }

    #[test]
    fn evidence_is_found_at_its_place_in_the_reprint() {
        let reprint = format!("Beirut (Wire) — {STORY}");
        let start = STORY.find("Rescue").expect("in the story");
        let sentence = "Rescue workers of the Civil Defence";
        assert_eq!(moved(STORY, start, sentence, &reprint), Some(start + "Beirut (Wire) — ".len()));
        assert_eq!(moved(STORY, start, sentence, "nothing alike"), None);
    }
}
