//! One folding of place names, applied alike to the gazetteer's names and to the mentions in
//! articles, so that the transliterations of one Arabic name meet on one key.
//!
//! [`fold_name`] removes what never distinguishes two places: case, diacritics, the ayn and
//! hamza marks, the Arabic article in all its assimilated forms, doubled letters, a final
//! ta marbuta written -ah/-eh, and the usual French/English transliteration pairs (ch/sh,
//! dj/j, ou/u, ee/i, q/k) and generic words (Kafr/Kfar, Tal/Tell, Deir/Dayr, Jabal/Jebel).
//! [`skeleton`] goes further and drops inner vowels, which transliterations disagree on
//! most ("Maaret" / "Ma'arrat", "Idleb" / "Idlib").
//!
//! Arabic script is folded by the same function, so that Arabic mentions meet the Arabic
//! names of the gazetteer: harakat and tatweel go, the hamza and madda forms of alif
//! (أ إ آ ٱ) become ا, ة becomes ه, ى becomes ي, ؤ و and ئ ي, and the article ال is
//! dropped from the front of each word.

use std::cell::RefCell;

use unicode_normalization::UnicodeNormalization;

use crate::memo::Memo;

/// The Arabic article as transliterations write it, alone or assimilated ("an-Numan"), or
/// with its vowel alone before a sun letter ("Deir e-Zor", "a-Suwayda").
const ARTICLES: &[&str] = &[
    "al", "el", "il", "an", "ash", "as", "ad", "ar", "az", "at", "ath", "adh", "en", "er", "es", "ez", "ed", "et",
    "ul", "e", "a",
];

/// Generic words spelled several ways, each mapped to one form (after letter rules).
const GENERIC_WORDS: &[(&[&str], &str)] = &[
    (&["kafr", "kfar", "kefr", "kefer", "kfr", "kafar"], "kfr"),
    (&["tal", "tel", "til", "tul"], "tal"),
    (&["dir", "dayr", "dair", "deir", "der"], "dir"),
    (&["jabal", "jebel", "jabel", "jbal", "jibal", "jbel", "jabl"], "jbl"),
    (&["shaykh", "sheikh", "sheykh", "sheik", "shaik", "shikh", "shaikh", "shayk", "shik", "shekh"], "shykh"),
    (&["ayn", "ain", "ein", "ayin", "aayn"], "ayn"),
    (&["maarat", "maaret", "marat", "maret", "maarit", "marit", "marrat"], "marat"),
    (&["khirbat", "khirbet", "khurbat"], "khirbt"),
];

/// The Arabic article, written joined to its word.
const ARABIC_ARTICLE: &str = "\u{0627}\u{0644}";

/// Arabic letters written several ways, each mapped to one (after NFKD has split the hamza
/// and madda off أ إ آ ؤ ئ): alif wasla, ta marbuta, alif maqsura, and the Persian forms of
/// ya and kaf that Arabic text sometimes carries.
fn arabic_letter(c: char) -> char {
    match c {
        '\u{0671}' => '\u{0627}',
        '\u{0629}' => '\u{0647}',
        '\u{0649}' | '\u{06CC}' => '\u{064A}',
        '\u{06A9}' => '\u{0643}',
        other => other,
    }
}

fn is_mark(c: char) -> bool {
    matches!(c, '\'' | '`' | '\u{2018}' | '\u{2019}' | '\u{02bf}' | '\u{02be}' | '\u{02bc}' | '\u{00b4}' | '\u{02bb}')
}

/// Lower case, no diacritics or ayn/hamza marks, words split on spaces, hyphens and dots.
fn plain_words(name: &str) -> Vec<String> {
    let mut cleaned = String::with_capacity(name.len());
    for c in name.nfkd() {
        // Tatweel only stretches a word.
        if unicode_normalization::char::is_combining_mark(c) || is_mark(c) || c == '\u{0640}' {
            continue;
        }
        if c.is_alphanumeric() {
            cleaned.extend(arabic_letter(c).to_lowercase());
        } else {
            cleaned.push(' ');
        }
    }
    cleaned.split_whitespace().map(str::to_string).collect()
}

/// Applies the word rules until nothing changes, so that folding a folded name changes
/// nothing ("Ddj" → "dj" → "j"). Every rule shortens a word or moves it towards one spelling,
/// so a few rounds suffice.
fn fold_word(word: &str) -> String {
    until_stable(word.to_string(), 8, fold_word_once)
}

/// Applies `step` until it changes nothing, at most `rounds` times.
fn until_stable(mut current: String, rounds: usize, step: impl Fn(&str) -> String) -> String {
    for _ in 0..rounds {
        let next = step(&current);
        if next == current {
            break;
        }
        current = next;
    }
    current
}

fn fold_word_once(word: &str) -> String {
    let mut w = word.to_string();
    for (from, to) in [
        ("dj", "j"),
        ("tch", "ch"),
        ("ch", "sh"),
        ("ou", "u"),
        ("oo", "u"),
        ("ee", "i"),
        ("ph", "f"),
        ("q", "k"),
        ("ck", "k"),
        ("c", "k"),
    ] {
        w = w.replace(from, to);
    }
    // Doubled letters: "Maarrat" / "Marat", "Azza" / "Aza".
    let mut single = String::with_capacity(w.len());
    for c in w.chars() {
        if !single.ends_with(c) {
            single.push(c);
        }
    }
    // Final ta marbuta: "Izzah" / "Izza", "Salhiyeh" / "Salhiye".
    if single.len() > 3 && (single.ends_with("ah") || single.ends_with("eh")) {
        single.pop();
    }
    GENERIC_WORDS.iter().find(|(forms, _)| forms.contains(&single.as_str())).map_or(single, |(_, to)| to.to_string())
}

/// The key a name is indexed and looked up under.
pub fn fold_name(name: &str) -> String {
    // Folding a word may turn it into an article ("Ass" → "as"): rounds until stable.
    until_stable(fold_name_once(name), 4, fold_name_once)
}

/// How many folded mentions a thread remembers before it starts afresh.
const MENTION_MEMO_LIMIT: usize = 50_000;

thread_local! {
    /// The memo of [`fold_mention`] and [`read_folded_mention`].
    static FOLDED_MENTIONS: RefCell<Memo<String>> = RefCell::new(Memo::new(MENTION_MEMO_LIMIT));
}

/// [`fold_name`] remembered per thread, for looking names up: reports name the same few
/// hundred places over and over, and one mention is folded for several lookups (country,
/// governorate, place), while folding takes a dozen passes over the name.
pub fn fold_mention(mention: &str) -> String {
    FOLDED_MENTIONS.with(|memo| Memo::get_or_compute(memo, mention, || fold_name(mention)))
}

/// What `read` makes of [`fold_mention`]'s key, read where the memo keeps it, without a
/// copy of its own: for the lookups that only compare it. `read` must not fold mentions.
pub(crate) fn read_folded_mention<R>(mention: &str, read: impl FnOnce(&str) -> R) -> R {
    FOLDED_MENTIONS.with(|memo| Memo::read_or_compute(memo, mention, || fold_name(mention), |key| read(key)))
}

fn fold_name_once(name: &str) -> String {
    let words = plain_words(name);
    let kept: Vec<String> = words
        .iter()
        .enumerate()
        // "Al Atarib" and "Atarib" are one town; a name that is only an article stays.
        .filter(|(i, w)| !(ARTICLES.contains(&w.as_str()) && (words.len() > 1 || *i > 0)))
        .map(|(_, w)| fold_word(without_joined_article(w)))
        .collect();
    kept.join(" ")
}

/// A word without the article written joined to it: Arabic ال ("النعمان"), or Latin "el"/"al"
/// before a consonant as HNAP writes it ("Elmaarra", "Alsayer"). What remains must still
/// be a word of two letters in Arabic, four in Latin ("Alma" stays).
fn without_joined_article(word: &str) -> &str {
    if let Some(rest) = word.strip_prefix(ARABIC_ARTICLE) {
        if rest.chars().count() >= 2 {
            return rest;
        }
    }
    for article in ["el", "al"] {
        if let Some(rest) = word.strip_prefix(article) {
            let consonant = rest.chars().next().is_some_and(|c| c.is_ascii_alphabetic() && !"aeiouyl".contains(c));
            if consonant && rest.len() >= 4 {
                return rest;
            }
        }
    }
    word
}

/// The folded key without inner vowels: an initial vowel becomes "a", the others go.
pub fn skeleton(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    for word in folded.split(' ') {
        if !out.is_empty() {
            out.push(' ');
        }
        for (i, c) in word.chars().enumerate() {
            // The Arabic long vowels (alif, waw, ya) are written or left out as freely as
            // Latin vowels: a first one stays, as itself.
            if matches!(c, '\u{0627}' | '\u{0648}' | '\u{064A}') {
                if i == 0 {
                    out.push(c);
                }
                continue;
            }
            let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w');
            if i == 0 && vowel {
                out.push('a');
            } else if !vowel {
                out.push(c);
            }
        }
    }
    out
}

/// Levenshtein distance, giving up (returning `limit + 1`) once it exceeds `limit`.
pub fn bounded_distance(a: &str, b: &str, limit: usize) -> usize {
    // A fuzzy lookup compares a mention with thousands of names: ASCII names are compared
    // byte by byte, and short ones in rows kept on the stack, without allocating.
    if a.is_ascii() && b.is_ascii() {
        return edits_up_to(a.as_bytes(), b.as_bytes(), limit);
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    edits_up_to(&a, &b, limit)
}

/// Names shorter than this are compared in rows on the stack.
const STACK_ROW: usize = 64;

/// [`bounded_distance`] over letters of any kind.
fn edits_up_to<T: PartialEq>(a: &[T], b: &[T], limit: usize) -> usize {
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    if b.len() < STACK_ROW {
        let (mut previous, mut current) = ([0; STACK_ROW], [0; STACK_ROW]);
        return edit_rows(a, b, limit, &mut previous[..=b.len()], &mut current[..=b.len()]);
    }
    edit_rows(a, b, limit, &mut vec![0; b.len() + 1], &mut vec![0; b.len() + 1])
}

/// The dynamic programme of the edit distance, row by row (rows of `b.len() + 1`), given
/// up as soon as a whole row exceeds the limit.
fn edit_rows<'r, T: PartialEq>(
    a: &[T],
    b: &[T],
    limit: usize,
    mut previous: &'r mut [usize],
    mut current: &'r mut [usize],
) -> usize {
    for (j, cell) in previous.iter_mut().enumerate() {
        *cell = j;
    }
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        let mut row_min = current[0];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
            row_min = row_min.min(current[j + 1]);
        }
        if row_min > limit {
            return limit + 1;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()].min(limit + 1)
}

/// A word compared with many names at a bounded edit distance, prepared once: each byte's
/// positions in it as a bit mask, for the bit-parallel edit distance (Myers' algorithm, in
/// Hyyrö's form), a few word operations per letter of the name where the table of the
/// dynamic programme takes a row. ASCII words of at most 64 bytes only; [`bounded_distance`]
/// does the others.
pub(crate) struct NearPattern {
    masks: [u64; 128],
    len: usize,
}

impl NearPattern {
    pub(crate) fn new(word: &str) -> Option<NearPattern> {
        if !word.is_ascii() || word.is_empty() || word.len() > 64 {
            return None;
        }
        let mut masks = [0u64; 128];
        for (i, b) in word.bytes().enumerate() {
            masks[usize::from(b)] |= 1 << i;
        }
        Some(NearPattern { masks, len: word.len() })
    }

    /// [`bounded_distance`] from the word to `name`.
    pub(crate) fn distance(&self, name: &str, limit: usize) -> usize {
        if !name.is_ascii() || self.len.abs_diff(name.len()) > limit {
            return limit + 1;
        }
        let last = 1u64 << (self.len - 1);
        let (mut plus, mut minus, mut score) = (!0u64, 0u64, self.len);
        for b in name.bytes() {
            let equal = self.masks[usize::from(b)];
            let vertical = equal | minus;
            let horizontal = ((equal & plus).wrapping_add(plus) ^ plus) | equal;
            let mut up = minus | !(horizontal | plus);
            let mut down = plus & horizontal;
            if up & last != 0 {
                score += 1;
            } else if down & last != 0 {
                score -= 1;
            }
            up = (up << 1) | 1;
            down <<= 1;
            plus = down | !(vertical | up);
            minus = up & vertical;
        }
        score.min(limit + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_key(a: &str, b: &str) -> bool {
        fold_name(a) == fold_name(b)
    }

    fn same_skeleton(a: &str, b: &str) -> bool {
        skeleton(&fold_name(a)) == skeleton(&fold_name(b))
    }

    #[test]
    fn article_marks_and_case_fold_away() {
        assert!(same_key("Al Atārib", "Atarib"));
        assert!(same_key("al-Atarib", "ATARIB"));
        assert!(same_key("Ma`arrat an Nu`man", "Ma'arrat al-Nu'man"));
        assert!(same_key("Ma‘arrat an Nu‘mān", "Maarrat al-Numan"));
    }

    #[test]
    fn transliteration_pairs_fold_together() {
        assert!(same_key("Maar Chourin", "Maar Shurin"));
        assert!(same_key("Saraqeb", "Sarakeb"));
        assert!(same_key("Kafr Nabl", "Kfar Nabl"));
        assert!(same_key("Kefr Nabl", "Kafr Nabl"));
        assert!(same_key("Tell Rifaat", "Tal Rifaat"));
        assert!(same_key("Deir Hafer", "Dayr Hafer"));
        assert!(same_key("Jebel al-Zawiya", "Jabal az-Zawiyah"));
        assert!(same_key("Sheikh Maqsoud", "Shaykh Maqsud"));
        assert!(same_key("Djisr", "Jisr"));
        assert!(same_key("Darat Izzah", "Darat Izza"));
    }

    #[test]
    fn vowel_variants_meet_on_the_skeleton() {
        assert!(same_skeleton("Maaret al-Numan", "Ma‘arrat an Nu‘mān"));
        assert!(same_skeleton("Idleb", "Idlib"));
        assert!(same_skeleton("Saraqeb", "Sarāqib"));
        assert!(same_skeleton("Lattaquié", "Latakia"));
        assert!(!same_skeleton("Maarat Misrin", "Maaret al-Numan"));
    }

    #[test]
    fn arabic_letter_variants_marks_and_article_fold_away() {
        assert!(same_key("مَعَرَّة النُّعمان", "معره نعمان"));
        assert!(same_key("الأتارب", "اتارب"));
        assert!(same_key("إدلب", "ادلب"));
        assert!(same_key("آل", "ال"), "a word that is only the article stays");
        assert!(same_key("سـراقـب", "سراقب"), "tatweel");
        assert!(same_key("ٱلرقة", "رقه"));
        assert!(same_key("مؤتة", "موته"));
        assert!(same_key("رئيس", "رييس"));
        assert!(same_key("كفرى", "كفري"));
        assert!(!same_key("كفر نبل", "كفر نبودة"));
        assert!(same_skeleton("حريبل", "حربل"));
    }

    #[test]
    fn joined_latin_articles_fold_away() {
        assert!(same_key("Ras Elhisn", "Ras al-Hisn"));
        assert!(same_key("Alsayer", "al-Sayer"));
        assert!(!same_key("Aleppo", "eppo"));
        assert!(same_key("Alma", "Alma") && fold_name("Alma") == "alma");
    }

    #[test]
    fn folding_is_idempotent() {
        for name in ["Ma‘arrat an Nu‘mān", "Kafr Basin", "al-Deir al-Sharqi", "Halle", "Tall Rif‘at", "الالال", "Elelmaa"]
        {
            let once = fold_name(name);
            assert_eq!(fold_name(&once), once, "{name}");
        }
    }

    #[test]
    fn distance_is_bounded() {
        assert_eq!(bounded_distance("hale", "haleb", 2), 1);
        assert_eq!(bounded_distance("kitten", "sitting", 3), 3);
        assert_eq!(bounded_distance("a", "abcdef", 2), 3);
        // Letters beyond ASCII count one each; names longer than a row on the stack.
        assert_eq!(bounded_distance("حلب", "حلبا", 2), 1);
        assert_eq!(bounded_distance("hama", "hamâ", 2), 1);
        let long = "a".repeat(70);
        assert_eq!(bounded_distance(&long, &format!("{}b", &long[1..]), 2), 1);
        assert_eq!(bounded_distance(&long, &"b".repeat(70), 2), 3);
    }

    #[test]
    fn the_bit_parallel_distance_takes_words_of_a_whole_machine_word() {
        let word = "a".repeat(64);
        let pattern = NearPattern::new(&word).expect("64 ASCII bytes");
        assert_eq!(pattern.distance(&format!("{}b", &word[1..]), 2), 1);
        assert_eq!(pattern.distance(&format!("{word}bb"), 2), 2);
        assert_eq!(pattern.distance("saraqeb", 2), 3);
        assert!(NearPattern::new(&"a".repeat(65)).is_none());
        assert!(NearPattern::new("حلب").is_none());
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn folding_never_panics_and_is_idempotent(name in "\\PC{0,40}") {
            let once = fold_name(&name);
            prop_assert_eq!(fold_name(&once), once.clone());
            let skeleton_once = skeleton(&once);
            prop_assert!(skeleton_once.len() <= once.len());
        }

        #[test]
        fn the_bit_parallel_distance_is_the_tables(a in "[a-e ]{1,12}", b in "[a-e ]{0,14}", limit in 0usize..4) {
            let pattern = NearPattern::new(&a).expect("an ASCII word");
            prop_assert_eq!(pattern.distance(&b, limit), bounded_distance(&a, &b, limit));
        }

        #[test]
        fn transliteration_like_names_fold_idempotently(name in "(al-|el-|Kafr |Tell |Deir )?[A-Z][a-z'`ʿ]{2,10}( (al|an|ash)-[A-Z][a-z]{2,8})?") {
            let once = fold_name(&name);
            prop_assert_eq!(fold_name(&once), once);
        }
    }
}
