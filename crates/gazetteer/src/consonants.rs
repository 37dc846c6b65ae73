//! Consonant classes shared by Arabic script and its Latin transliterations
//! (data/consonants.tsv), so that an Arabic mention finds a place the gazetteer knows only
//! by Latin names: "سراقب" and "Saraqib" are both s-r-k-b. Vowels, ayn and hamza go, as
//! transliterations disagree on them most.

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../data/consonants.tsv");

/// Fewer classes than this tell too few places apart to be looked up in the whole country.
pub(crate) const MIN_CLASSES: usize = 3;
/// Within one governorate, which holds a few hundred villages, two classes tell most of them
/// apart ("الثعلة" / Thaala, "الطيرة" / Tira): a name this short is looked up only there.
pub(crate) const MIN_CLASSES_IN_GOVERNORATE: usize = 2;

struct Classes {
    /// Latin letters and digraphs, longest first, each with its class (None: dropped).
    latin: Vec<(String, Option<char>)>,
    arabic: HashMap<char, Option<char>>,
    /// Whether an ASCII char is among `arabic`'s letters: when none is, as in the table
    /// shipped, an ASCII char (most of most names) is told not Arabic without a lookup.
    arabic_has_ascii: bool,
    /// A word's last letter when it is ta marbuta (folded to ه): at the end of the name,
    /// and before another word.
    arabic_final: HashMap<char, Option<char>>,
    arabic_joined: HashMap<char, Option<char>>,
}

fn classes() -> &'static Classes {
    static CLASSES: OnceLock<Classes> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let mut classes = Classes {
            latin: Vec::new(),
            arabic: HashMap::new(),
            arabic_has_ascii: false,
            arabic_final: HashMap::new(),
            arabic_joined: HashMap::new(),
        };
        for line in TABLE.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            let fields: Vec<&str> = line.split('\t').collect();
            let class = fields.get(2).and_then(|c| c.chars().next());
            let Some(letters) = fields.get(1) else { continue };
            let letter = letters.chars().next();
            match (fields[0], letter) {
                ("latin", _) => classes.latin.push((letters.to_string(), class)),
                ("arabic", Some(l)) => {
                    classes.arabic.insert(l, class);
                }
                ("arabic-final", Some(l)) => {
                    classes.arabic_final.insert(l, class);
                }
                ("arabic-joined", Some(l)) => {
                    classes.arabic_joined.insert(l, class);
                }
                _ => {}
            }
        }
        classes.latin.sort_by_key(|(letters, _)| std::cmp::Reverse(letters.len()));
        classes.arabic_has_ascii = classes.arabic.keys().any(char::is_ascii);
        classes
    })
}

/// Whether a folded name is written in Arabic script.
pub(crate) fn is_arabic(folded: &str) -> bool {
    let table = classes();
    folded.chars().any(|c| (table.arabic_has_ascii || !c.is_ascii()) && table.arabic.contains_key(&c))
}

/// The consonant classes of a folded name; None when a letter is in neither
/// script's table, or when too few classes remain to be told apart in a whole country.
pub fn consonants(folded: &str) -> Option<String> {
    consonant_classes(folded).filter(|classes| classes.chars().count() >= MIN_CLASSES)
}

/// The mark after the consonant classes of a name whose last word ends in a nisba with ta
/// marbuta ("القاسمية", "Qasemiyeh"). Transliterations keep that ending, so an Arabic name
/// with it is not a Latin name of the same consonants without it ("الرشيدية" is not
/// Ruwaished); the other way round it may be, as Arabic spellings drop the ya at will
/// ("الزعفرانة", Zafaraniya).
pub(crate) const NISBA: char = 'Y';

/// The consonant classes with [`NISBA`] after them, when the folded name's last word ends in
/// a nisba; None when it does not.
pub(crate) fn marked_as_nisba(classes: &str, folded: &str) -> Option<String> {
    ends_in_nisba(folded).then(|| format!("{classes}{NISBA}"))
}

/// Whether the last word of a folded name ends in a nisba: a consonant, then ya and ta
/// marbuta (folded to ه) in Arabic; a consonant, then i or y, then a final vowel in Latin
/// script, whose final h folding has dropped ("qasemiye", "latakia", "rihaniya"). After a
/// long vowel the ya is a glide, not a nisba ("مدايا", "madaya").
fn ends_in_nisba(folded: &str) -> bool {
    let Some(word) = folded.rsplit(' ').find(|w| !w.is_empty()) else { return false };
    let letters: Vec<char> = word.chars().collect();
    if is_arabic(word) {
        return matches!(letters[..], [.., before, 'ي', 'ه'] if letters.len() >= 4 && !matches!(before, 'ا' | 'و' | 'ي'));
    }
    let Some((&last, rest)) = letters.split_last() else { return false };
    if !matches!(last, 'a' | 'e') {
        return false;
    }
    let stem_end = rest.iter().rposition(|c| !matches!(c, 'i' | 'y'));
    let consonant = |c: char| c.is_ascii_alphabetic() && !"aeiouwy".contains(c);
    stem_end.is_some_and(|end| end + 1 < rest.len() && end >= 1 && consonant(rest[end]))
}

/// The folded Arabic name with each ta marbuta that ends a word before another (folded to
/// ه) left out, when it has one: how transliterations that do not write it spell the name.
pub(crate) fn with_joined_ta_marbuta_silent(folded: &str) -> Option<String> {
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let last = words.len().checked_sub(1)?;
    let joined = |w: usize, word: &str| w < last && word.chars().count() > 2 && word.ends_with('ه');
    if !words.iter().enumerate().any(|(w, word)| joined(w, word)) {
        return None;
    }
    let read: Vec<&str> = words
        .iter()
        .enumerate()
        .map(|(w, word)| if joined(w, word) { &word[..word.len() - 'ه'.len_utf8()] } else { *word })
        .collect();
    Some(read.join(" "))
}

/// The consonant classes of a folded name, down to the few that tell villages apart only
/// within a governorate ([`MIN_CLASSES_IN_GOVERNORATE`]).
pub(crate) fn consonant_classes(folded: &str) -> Option<String> {
    let table = classes();
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let mut out = String::new();
    // Words run together: transliterations join and split them at will ("Kafranbel").
    for (w, word) in words.iter().enumerate() {
        let mut word_classes: Vec<char> = Vec::new();
        if word.chars().any(|c| table.arabic.contains_key(&c)) {
            let letters: Vec<char> = word.chars().collect();
            for (i, c) in letters.iter().enumerate() {
                let class = match (i + 1 == letters.len(), w + 1 == words.len()) {
                    (true, true) => table.arabic_final.get(c).or_else(|| table.arabic.get(c)),
                    (true, false) => table.arabic_joined.get(c).or_else(|| table.arabic.get(c)),
                    _ => table.arabic.get(c),
                };
                word_classes.extend(class?.iter());
            }
        } else {
            let mut rest = *word;
            while !rest.is_empty() {
                let (letters, class) = table.latin.iter().find(|(letters, _)| rest.starts_with(letters.as_str()))?;
                word_classes.extend(class.iter());
                rest = &rest[letters.len()..];
            }
        }
        word_classes.dedup();
        out.extend(word_classes);
    }
    (out.chars().count() >= MIN_CLASSES_IN_GOVERNORATE).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold_name;

    fn classes_of(name: &str) -> Option<String> {
        consonants(&fold_name(name))
    }

    #[test]
    fn arabic_and_latin_spellings_meet() {
        for (arabic, latin) in [
            ("سراقب", "Saraqib"),
            ("معرة النعمان", "Maarat al-Numan"),
            ("كفر نبل", "Kafr Nabl"),
            ("خان شيخون", "Khan Shaykhun"),
            ("كفرنبودة", "Kafr Nabudah"),
            ("تفتناز", "Taftanaz"),
            ("جسر الشغور", "Jisr ash-Shughur"),
        ] {
            assert_eq!(classes_of(arabic), classes_of(latin), "{arabic} / {latin}");
            assert!(classes_of(arabic).is_some(), "{arabic}");
        }
        assert_ne!(classes_of("سراقب"), classes_of("Sarmada"));
    }

    #[test]
    fn too_short_or_foreign_names_give_none() {
        assert_eq!(classes_of("حلب").map(|c| c.len()), Some(3));
        assert_eq!(classes_of("Ariha"), None, "two classes");
        assert_eq!(classes_of("Москва"), None);
        assert!(is_arabic(&fold_name("إدلب")) && !is_arabic("idlib"));
    }

    #[test]
    fn a_nisba_ending_is_told_in_both_scripts() {
        for name in ["القاسمية", "Qasemiyeh", "Latakia", "Rihaniyya", "Hamidieh", "Tal Hamidiyeh"] {
            assert!(ends_in_nisba(&fold_name(name)), "{name}");
        }
        // A ya after a long vowel is a glide; a name may end in i or a without a nisba.
        for name in ["مدايا", "Madaya", "Daraya", "Ruwaished", "Kharita", "السويمري", "الزعفرانة", "Ariha"]
        {
            assert!(!ends_in_nisba(&fold_name(name)), "{name}");
        }
    }

    #[test]
    fn a_ta_marbuta_before_another_word_may_go_unwritten() {
        let read = with_joined_ta_marbuta_silent(&fold_name("السيدة زينب")).expect("a joined ta marbuta");
        assert_eq!(classes_of(&read), classes_of("Sayyeda Zeinab"));
        // At the end of the name it is silent already; a name without one has no other reading.
        assert_eq!(with_joined_ta_marbuta_silent(&fold_name("حماة")), None);
        assert_eq!(with_joined_ta_marbuta_silent(&fold_name("تل أبيض")), None);
    }
}
