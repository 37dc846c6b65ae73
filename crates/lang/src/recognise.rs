//! Telling which of the packs' languages a text is written in, by the share of its words
//! that are the pack's function words: articles, prepositions, pronouns and conjunctions
//! make up close to half of any running text, and little of a text in another language.
//! Cheap enough to run on every article before a general-purpose language identifier.

use frontline_core::chars::is_alphabetic;
use frontline_core::fold_word_with;

use crate::tokens::is_apostrophe;
use crate::Packs;

/// How many words of the text's start are looked at.
const SAMPLE_WORDS: usize = 120;
/// Fewer words than this decide nothing.
const MIN_WORDS: usize = 30;
/// The share of the sample a pack's function words must make up. Running text in the pack's
/// language reaches 0.44–0.53 (the corpora at hand); a close language on the French list
/// (Catalan, Spanish, Romanian) 0.16–0.29, on the English list 0.03–0.11.
const MIN_SHARE: f64 = 0.38;
/// And how many times the next pack's share.
const MIN_LEAD: f64 = 3.0;

impl Packs {
    /// The code of the pack whose function words make up the text's start, when one clearly
    /// does; `None` leaves the question to a general identifier.
    pub fn recognise(&self, text: &str) -> Option<&str> {
        if let Some(code) = self.recognise_script(text) {
            return Some(code);
        }
        let (hits, words) = if self.function_word_packs.is_empty() {
            self.word_hits(text, |pack, word| pack.is_function_word(word))
        } else {
            self.function_word_hits(text)
        };
        if words < MIN_WORDS {
            return None;
        }
        let mut shares: Vec<(f64, &str)> = hits.iter().map(|&(hit, code)| (hit as f64 / words as f64, code)).collect();
        shares.sort_by(|a, b| b.0.total_cmp(&a.0));
        let (best, code) = *shares.first()?;
        let runner_up = shares.get(1).map_or(0.0, |s| s.0);
        (best >= MIN_SHARE && best >= MIN_LEAD * runner_up).then_some(code)
    }

    /// For each pack (with its code), how many of the text's first words `counts` accepts,
    /// and how many words were looked at.
    fn word_hits(
        &self,
        text: &str,
        counts: impl Fn(&crate::LanguagePack, &str) -> bool,
    ) -> (Vec<(usize, &str)>, usize) {
        let mut hits: Vec<(usize, &str)> = self.by_code.keys().map(|code| (0, code.as_str())).collect();
        let words = sample_words(text, |folded, _| {
            for ((hit, _), pack) in hits.iter_mut().zip(self.by_code.values()) {
                *hit += usize::from(counts(pack, folded));
            }
        });
        (hits, words)
    }

    /// [`Packs::word_hits`] counting each pack's function words, as
    /// [`LanguagePack::is_function_word`](crate::LanguagePack::is_function_word) tells them
    /// (the word, or the elided word it starts with), with one lookup of the word for all
    /// packs.
    fn function_word_hits(&self, text: &str) -> (Vec<(usize, &str)>, usize) {
        let mut hits: Vec<(usize, &str)> = self.by_code.keys().map(|code| (0, code.as_str())).collect();
        let packs_listing = |word: &str| self.function_word_packs.get(word).copied().unwrap_or(0);
        let words = sample_words(text, |folded, may_elide| {
            let elided = if may_elide { folded.find('\'').map_or(0, |at| packs_listing(&folded[..=at])) } else { 0 };
            let listed_by = packs_listing(folded) | elided;
            for (bit, (hit, _)) in hits.iter_mut().enumerate() {
                *hit += usize::from(listed_by >> bit & 1 == 1);
            }
        });
        (hits, words)
    }
}

/// Calls `each` with every word of the text's start folded (at most [`SAMPLE_WORDS`]), and
/// whether the folded word may hold an apostrophe (false when the scan saw none in an ASCII
/// word, which needs no search for one); says how many words there were.
fn sample_words(text: &str, mut each: impl FnMut(&str, bool)) -> usize {
    let mut words = 0;
    let mut folded = String::new();
    let bytes = text.as_bytes();
    // The text is cut at every char that is neither a letter nor an apostrophe; a piece
    // without a letter is no word. ASCII chars, most of the text, are told without decoding.
    let mut at = 0;
    while words < SAMPLE_WORDS && at < bytes.len() {
        let start = at;
        let (mut has_letter, mut ascii) = (false, true);
        // The marks an ASCII word may hold, seen as it is scanned.
        let (mut apostrophe, mut backtick) = (false, false);
        while let Some(&byte) = bytes.get(at) {
            if byte.is_ascii() {
                if byte.is_ascii_alphabetic() {
                    has_letter = true;
                } else if byte == b'\'' {
                    apostrophe = true;
                } else if byte == b'`' {
                    backtick = true;
                } else {
                    break;
                }
                at += 1;
            } else {
                let Some(c) = text[at..].chars().next() else { break };
                if is_alphabetic(c) {
                    has_letter = true;
                } else if !is_apostrophe(c) {
                    break;
                }
                ascii = false;
                at += c.len_utf8();
            }
        }
        let word = &text[start..at];
        // Past the char that ended the piece.
        at += text[at..].chars().next().map_or(0, char::len_utf8);
        if !has_letter {
            continue;
        }
        folded.clear();
        let may_elide = if ascii && !backtick {
            // What folding makes of ASCII letters and the straight apostrophe.
            folded.push_str(word);
            folded.make_ascii_lowercase();
            apostrophe
        } else {
            fold_word_with(word, |c| folded.push(c));
            true
        };
        words += 1;
        each(&folded, may_elide);
    }
    words
}

/// Words of a pack a short item must use for its lean to count, twice as many as of any
/// other pack's.
const MIN_LEAN_WORDS: usize = 2;

impl Packs {
    /// The pack whose words (function words and lexicon words) a text uses most, when it
    /// uses more of one pack's than of any other's: too weak a sign alone, it settles a
    /// general identifier's unsure guess on a short item.
    pub fn lean(&self, text: &str) -> Option<&str> {
        let (mut hits, _) = self.word_hits(text, |pack, word| pack.is_function_word(word) || pack.knows(word));
        hits.sort_by_key(|h| std::cmp::Reverse(h.0));
        match hits.as_slice() {
            [(best, code), rest @ ..] if *best >= MIN_LEAN_WORDS && rest.first().is_none_or(|r| 2 * r.0 <= *best) => {
                Some(code)
            }
            _ => None,
        }
    }
}

/// A text is in a pack's own script when at least this share of its letters are.
const MIN_SCRIPT_SHARE: f64 = 0.5;
/// Letters enough to tell a script: a headline of two words.
const MIN_SCRIPT_LETTERS: usize = 6;

impl Packs {
    /// The pack whose own script (one no other pack writes) most of the text's letters are
    /// in: a script decides on a few words, where function words need dozens.
    fn recognise_script(&self, text: &str) -> Option<&str> {
        let scripted: Vec<(&String, &crate::LanguagePack)> =
            self.by_code.iter().filter(|(_, p)| !p.script.is_empty()).collect();
        if scripted.is_empty() {
            return None;
        }
        // Most scripts a pack claims lie outside ASCII: then an ASCII letter is in none.
        let ascii_scripted = scripted.iter().any(|(_, p)| p.script.iter().any(|&(low, _)| low.is_ascii()));
        let mut hits = vec![0usize; scripted.len()];
        let mut letters = 0;
        let (mut at, mut one_by_one_until) = (0, 0);
        let bytes = text.as_bytes();
        while letters < SAMPLE_WORDS * 6 {
            // Where no pack's script is ASCII, eight ASCII bytes at a time (most of a text in
            // a Latin script) only count their letters: the step is taken only while all
            // eight would be read before the count is reached, as they would one by one.
            if !ascii_scripted && at >= one_by_one_until && letters + 8 <= SAMPLE_WORDS * 6 {
                let count = bytes.get(at..at + 8).and_then(|eight| {
                    let mut word = [0; 8];
                    word.copy_from_slice(eight);
                    ascii_letters(u64::from_le_bytes(word))
                });
                if let Some(count) = count {
                    letters += count;
                    at += 8;
                    continue;
                }
                // Not eight ASCII bytes (a text in another script, an accented letter): these
                // are read one by one, not tried again at each of their chars.
                one_by_one_until = at + 8;
            }
            let Some(&byte) = bytes.get(at) else { break };
            // An ASCII byte is a char of its own, told a letter or not without decoding.
            let c = if byte.is_ascii() {
                at += 1;
                if !byte.is_ascii_alphabetic() {
                    continue;
                }
                if !ascii_scripted {
                    letters += 1;
                    continue;
                }
                char::from(byte)
            } else {
                let Some(c) = text[at..].chars().next() else { break };
                at += c.len_utf8();
                if !is_alphabetic(c) {
                    continue;
                }
                c
            };
            letters += 1;
            for (hit, (_, pack)) in hits.iter_mut().zip(&scripted) {
                *hit += usize::from(pack.script.iter().any(|&(low, high)| (low..=high).contains(&c)));
            }
        }
        if letters < MIN_SCRIPT_LETTERS {
            return None;
        }
        let (best, (code, _)) = hits.iter().zip(&scripted).max_by_key(|(hit, _)| **hit)?;
        (*best as f64 >= MIN_SCRIPT_SHARE * letters as f64).then_some(code.as_str())
    }
}

/// How many of the eight bytes of `word` are ASCII letters, when all eight are ASCII.
#[inline]
fn ascii_letters(word: u64) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    if word & HIGHS != 0 {
        return None;
    }
    // A byte is a letter when, with the bit of lower case set, it lies from 'a' to 'z';
    // adding to bytes without a high bit sets it where they reach 0x80, never carrying
    // into the next byte.
    let lower = word | (0x20 * ONES);
    let from_a = lower.wrapping_add((0x80 - u64::from(b'a')) * ONES) & HIGHS;
    let past_z = lower.wrapping_add((0x80 - u64::from(b'z') - 1) * ONES) & HIGHS;
    Some((from_a & !past_z).count_ones() as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_is_the_texts_words_folded() {
        let text = "L’armée a « repris » Ma`arrat, 12 km — d'Idlib; ÉTÉ ' ’’ x";
        let mut sampled = Vec::new();
        sample_words(text, |word, may_elide| {
            assert!(may_elide || !word.contains('\''), "{word}");
            sampled.push(word.to_string());
        });
        let expected: Vec<String> = text
            .split(|c: char| !(is_alphabetic(c) || is_apostrophe(c)))
            .filter(|w| w.chars().any(is_alphabetic))
            .map(frontline_core::fold_word)
            .collect();
        assert_eq!(sampled, expected);
    }

    #[test]
    fn eight_ascii_bytes_count_the_letters_they_hold() {
        for byte in 0u8..=255 {
            for at in 0..8 {
                let mut word = *b"a1 Z@[`{";
                word[at] = byte;
                let expected = word.is_ascii().then(|| word.iter().filter(|b| b.is_ascii_alphabetic()).count());
                assert_eq!(ascii_letters(u64::from_le_bytes(word)), expected, "{word:?}");
            }
        }
    }

    fn packs() -> Packs {
        Packs::builtin().expect("built-in packs load")
    }

    #[test]
    fn recognises_the_packs_languages() {
        let fr = "Les forces du régime ont repris mardi le contrôle de la ville, après plusieurs jours de \
                  combats avec les groupes armés qui tenaient encore les quartiers du sud, selon une \
                  organisation de surveillance qui dispose d'un réseau de sources sur le terrain. Les \
                  habitants ont fui vers le nord, où ils ont trouvé refuge dans des camps.";
        let en = "Government forces on Tuesday retook control of the town after several days of fighting \
                  with the armed groups that still held the southern districts, according to a monitoring \
                  group that relies on a network of sources on the ground. The residents fled to the north, \
                  where they found shelter in camps near the border.";
        assert_eq!(packs().recognise(fr), Some("fr"));
        assert_eq!(packs().recognise(en), Some("en"));
    }

    #[test]
    fn a_script_only_one_pack_writes_decides_on_a_headline() {
        assert_eq!(packs().recognise("غارات روسية على سراقب"), Some("ar"));
        assert_eq!(packs().recognise("قُتل ثلاثة مدنيين بقصف مدفعي على ريف إدلب الجنوبي، بحسب المرصد."), Some("ar"));
        // A few Arabic words quoted in a French sentence do not make it Arabic.
        assert_ne!(packs().recognise("Les habitants de Saraqeb (سراقب) ont fui vers le nord mardi."), Some("ar"));
        assert_eq!(packs().recognise("سراقب"), None, "too few letters to tell");
    }

    #[test]
    fn leaves_other_languages_and_short_texts_undecided() {
        let others = [
            "Les forces del govern sirià han pres el control de la ciutat després de diversos dies de combats \
             amb els grups rebels, segons un observatori. Els bombardeigs van causar la mort de dotze civils \
             i van obligar milers de persones a fugir cap a la frontera amb Turquia.",
            "Las fuerzas del gobierno sirio tomaron el control de la ciudad tras varios días de combates con \
             los grupos rebeldes, según un observatorio. Los bombardeos causaron la muerte de doce civiles y \
             obligaron a miles de personas a huir hacia la frontera con Turquía.",
            "Die syrischen Regierungstruppen haben nach mehrtägigen Kämpfen mit Rebellengruppen die Kontrolle \
             über die Stadt übernommen, wie eine Beobachtungsstelle mitteilte. Die Bombardierungen töteten \
             zwölf Zivilisten und zwangen Tausende Menschen zur Flucht an die Grenze zur Türkei.",
        ];
        for text in others {
            assert_eq!(packs().recognise(text), None, "{text}");
        }
        assert_eq!(packs().recognise("Les forces du régime et de la Russie."), None);
    }
}
