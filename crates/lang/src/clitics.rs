//! Words that carry clitics written joined to them (Arabic "وبريف" = و + ب + ريف, "قواتها" =
//! قوات + ها): split off when what remains is a word the pack knows, so that lexicons find
//! their words; and every reading without clitics, for looking names up. Which clitics exist
//! is the pack's data; this code knows no language.

use compact_str::CompactString;
use rustc_hash::FxHashSet as HashSet;

use crate::tokens::{fold as fold_plain, push_folded, word_key, Token, TokenKind, WordRules};

/// A stem must keep at least this many letters: shorter remainders are too often the word's
/// own letters ("ولد" is not و + "لد").
const MIN_STEM_CHARS: usize = 2;
/// At most this many proclitics are stacked on one word (و + ب + ...).
const MAX_PROCLITICS: usize = 2;

/// Every word of a pack's lexicons: exact folded words, and stems that match by prefix.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    words: HashSet<u64>,
    stems: Vec<String>,
}

impl Vocabulary {
    pub(crate) fn add_word(&mut self, word: &str) {
        self.words.insert(word_key(word));
    }

    pub(crate) fn add_stem(&mut self, stem: &str) {
        if !self.stems.iter().any(|s| s == stem) {
            self.stems.push(stem.to_owned());
        }
    }

    /// Whether a folded word is one of the pack's.
    pub fn knows(&self, norm: &str) -> bool {
        self.words.contains(&word_key(norm)) || self.stems.iter().any(|s| norm.starts_with(s.as_str()))
    }
}

/// A language's joined clitics, folded.
#[derive(Debug, Clone, Default)]
pub struct Clitics {
    /// (form, what the stem gets back), longest form first.
    proclitics: Vec<(String, String)>,
    /// Longest first.
    enclitics: Vec<String>,
    /// (final letter before an enclitic, the same letter written alone).
    bound_forms: Vec<(String, String)>,
    /// Affixes of person and number on verbs, each (before, after) the stem ("" where
    /// none): a word the pack does not know, that is a word it knows with one of these
    /// around it, is read as that word ("سيطروا" they took, "يتظاهرون" they demonstrate).
    /// Longest first.
    inflections: Vec<(String, String)>,
    /// Proclitics that seldom stand before a word of two letters: after them a stem keeps
    /// one letter more than [`MIN_STEM_CHARS`] ("كتل" blocks is not ك + "تل" hill).
    before_longer_stems: Vec<String>,
    /// Proclitics that lead a pair of proclitics before a short name ("وبحلب": and in Aleppo);
    /// a short name after any other pair is a word of its own.
    pairs_before_short_names: Vec<String>,
    /// The enclitics as the pack writes them, folded without unifying letter variants: a
    /// word ends in one only if it is written with that letter (see
    /// [`Clitics::with_written_enclitics`]).
    written_enclitics: Vec<String>,
}

/// One way of reading a word: the clitics before, the stem, the clitic after.
struct Reading {
    /// The proclitics, folded, in the order they are written.
    before: Vec<String>,
    stem: String,
    after: Option<String>,
    /// The stem is the word without an inflection ending, which stays part of its token.
    inflected: bool,
}

/// A stem left by removing an inflection must keep at least this many letters: shorter
/// verbs ("قال") are listed whole.
const MIN_INFLECTED_STEM_CHARS: usize = 3;

impl Clitics {
    pub fn new(
        mut proclitics: Vec<(String, String)>,
        mut enclitics: Vec<String>,
        bound_forms: Vec<(String, String)>,
        mut inflections: Vec<(String, String)>,
    ) -> Clitics {
        proclitics.sort_by_key(|(form, _)| std::cmp::Reverse(form.chars().count()));
        enclitics.sort_by_key(|form| std::cmp::Reverse(form.chars().count()));
        inflections.sort_by_key(|(before, after)| std::cmp::Reverse(before.chars().count() + after.chars().count()));
        Clitics {
            proclitics,
            enclitics,
            bound_forms,
            inflections,
            before_longer_stems: Vec::new(),
            pairs_before_short_names: Vec::new(),
            written_enclitics: Vec::new(),
        }
    }

    /// The same clitics, with the proclitics after which a stem keeps three letters or more.
    pub fn with_longer_stems_after(mut self, proclitics: Vec<String>) -> Clitics {
        self.before_longer_stems = proclitics;
        self
    }

    /// The same clitics, with the proclitics that may lead a pair of proclitics before a
    /// short name.
    pub fn with_pairs_before_short_names(mut self, leading: Vec<String>) -> Clitics {
        self.pairs_before_short_names = leading;
        self
    }

    /// The same clitics, with the enclitics as written. Folding makes one letter of two that
    /// writing keeps apart (Arabic taa marbuta "ة" and haa "ه"): a word written with the
    /// other letter ("جبلة", a town) does not end in the pronoun ("ه": not "جبل" + "ه").
    pub fn with_written_enclitics(mut self, written: Vec<String>) -> Clitics {
        self.written_enclitics = written;
        self
    }

    /// Whether a word as written (`raw`) ends in the enclitic `after` (folded) as the pack
    /// writes it; always, for a pack that gives no written forms.
    fn written_with_enclitic(&self, raw: &str, after: &str, rules: &WordRules) -> bool {
        if self.written_enclitics.is_empty() {
            return true;
        }
        let plain = fold_plain(raw);
        self.written_enclitics.iter().any(|w| rules.fold(w) == after && plain.ends_with(w.as_str()))
    }

    /// Each way of reading a folded word as one proclitic and what follows it: (the
    /// proclitic, what the stem gets back, the rest). The rest keeps enough letters to be a
    /// word, or is a number ("و3").
    pub fn proclitic_splits<'a>(&'a self, norm: &'a str) -> impl Iterator<Item = (&'a str, &'a str, &'a str)> + 'a {
        self.proclitics.iter().filter_map(move |(form, restore)| {
            let rest = norm.strip_prefix(form.as_str())?;
            let number = !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit());
            let shortest = MIN_STEM_CHARS + usize::from(self.before_longer_stems.contains(form));
            (rest.chars().count() >= shortest || number).then_some((form.as_str(), restore.as_str(), rest))
        })
    }

    /// Whether a folded word is one of the attached pronouns.
    pub fn is_enclitic(&self, norm: &str) -> bool {
        self.enclitics.iter().any(|e| e == norm)
    }

    pub fn is_empty(&self) -> bool {
        self.proclitics.is_empty() && self.enclitics.is_empty() && self.inflections.is_empty()
    }

    /// The word as is, then each reading without proclitics and without an enclitic.
    pub fn readings(&self, norm: &str) -> Vec<String> {
        let mut out = vec![norm.to_owned()];
        for reading in self.all_readings(norm).into_iter().filter(|r| !r.inflected) {
            if !out.contains(&reading.stem) {
                out.push(reading.stem);
            }
        }
        out
    }

    /// What remains of a word once an ending is cut off: itself, and itself with a final
    /// letter written bound before the ending restored ("بلدت" of "بلدته": بلدة).
    fn stems_of(&self, kept: &str) -> Vec<String> {
        let restored = self
            .bound_forms
            .iter()
            .filter_map(|(bound, free)| kept.strip_suffix(bound.as_str()).map(|root| format!("{root}{free}")));
        std::iter::once(kept.to_owned()).chain(restored).collect()
    }

    /// Every split the clitics allow, fewest clitics first.
    fn all_readings(&self, norm: &str) -> Vec<Reading> {
        let mut readings = Vec::new();
        let mut bare = vec![(Vec::new(), norm.to_owned())];
        for _ in 0..MAX_PROCLITICS {
            let mut next = Vec::new();
            for (before, rest) in &bare {
                for (form, restore, stem) in self.proclitic_splits(rest) {
                    let mut before = before.clone();
                    before.push(form.to_owned());
                    next.push((before, format!("{restore}{stem}")));
                }
            }
            bare.extend(next.iter().cloned());
            if next.is_empty() {
                break;
            }
        }
        for (before, stem) in bare {
            if !before.is_empty() {
                readings.push(Reading { before: before.clone(), stem: stem.clone(), after: None, inflected: false });
            }
            for (prefix, ending) in &self.inflections {
                let Some(kept) = stem.strip_prefix(prefix.as_str()).and_then(|s| s.strip_suffix(ending.as_str()))
                else {
                    continue;
                };
                if kept.chars().count() >= MIN_INFLECTED_STEM_CHARS {
                    // A final letter bound before the ending too ("عبوتين": two bombs, عبوة).
                    for stem in self.stems_of(kept) {
                        readings.push(Reading { before: before.clone(), stem, after: None, inflected: true });
                    }
                }
            }
            for form in &self.enclitics {
                let Some(kept) = stem.strip_suffix(form.as_str()) else { continue };
                if kept.chars().count() < MIN_STEM_CHARS {
                    continue;
                }
                for stem in self.stems_of(kept) {
                    readings.push(Reading {
                        before: before.clone(),
                        stem,
                        after: Some(form.clone()),
                        inflected: false,
                    });
                }
            }
        }
        // Fewest pieces first; of as many, a clitic before an inflection ("لقوات" is ل + قوات,
        // not "لقوا" conjugated).
        readings.sort_by_key(|r| (r.before.len() + usize::from(r.after.is_some() || r.inflected), r.inflected));
        readings
    }

    /// The tokens with each unknown word that a known word carries clitics on split into the
    /// clitics and that word. The stem token's `norm` is the word as the pack writes it (an
    /// elided article restored), its offsets those of its letters in the text.
    pub fn segment<'t>(
        &self,
        text: &'t str,
        tokens: Vec<Token<'t>>,
        rules: &WordRules,
        vocabulary: &Vocabulary,
    ) -> Vec<Token<'t>> {
        let knows = |word: &str| vocabulary.knows(word);
        self.split(text, tokens, rules, knows, knows, Split::Words)
    }

    /// [`Clitics::segment`], with `keep_whole` telling which words are not split and
    /// `stem_known` which stems a split may leave (a gazetteer's names, say). Neither
    /// inflection endings nor attached pronouns are taken off here: a name is not conjugated
    /// and takes no possessive ("حياتهم": their lives, not a village حيات and "their").
    pub fn segment_where<'t>(
        &self,
        text: &'t str,
        tokens: Vec<Token<'t>>,
        rules: &WordRules,
        keep_whole: impl Fn(&str) -> bool,
        stem_known: impl Fn(&str) -> bool,
    ) -> Vec<Token<'t>> {
        self.split(text, tokens, rules, keep_whole, stem_known, Split::Names)
    }

    fn split<'t>(
        &self,
        text: &'t str,
        tokens: Vec<Token<'t>>,
        rules: &WordRules,
        keep_whole: impl Fn(&str) -> bool,
        stem_known: impl Fn(&str) -> bool,
        split: Split,
    ) -> Vec<Token<'t>> {
        let mut out = Vec::with_capacity(tokens.len());
        for token in tokens {
            let splittable = token.kind == TokenKind::Word && !token.norm.is_ascii() && !keep_whole(&token.norm);
            // A number written joined to a conjunction ("و3") comes off it too.
            let is_number = |stem: &str| stem.bytes().all(|b| b.is_ascii_digit());
            let raw = &text[token.start..token.end];
            let reading = splittable
                .then(|| {
                    self.all_readings(&token.norm)
                        .into_iter()
                        .filter(|r| split == Split::Words || (!r.inflected && r.after.is_none()))
                        // A short name behind a pair of proclitics the pack does not let lead
                        // one ("وبحلب": and in Aleppo) is more often a word or a surname of its
                        // own ("فلحوط" is not ف + ل + the village of Hot).
                        .filter(|r| {
                            split == Split::Words
                                || r.before.len() < MAX_PROCLITICS
                                || r.before.first().is_some_and(|first| self.pairs_before_short_names.contains(first))
                                || r.stem.chars().count() > MIN_INFLECTED_STEM_CHARS
                        })
                        .filter(|r| r.after.as_ref().is_none_or(|after| self.written_with_enclitic(raw, after, rules)))
                        .find(|r| r.after.is_none() && is_number(&r.stem) || stem_known(&r.stem))
                })
                .flatten();
            let Some(reading) = reading else {
                out.push(token);
                continue;
            };
            let mut at = token.start;
            let mut folded_chars = 0;
            for clitic in &reading.before {
                folded_chars += clitic.chars().count();
                let end = token.start + byte_len_of_folded(raw, folded_chars, rules);
                push_folded(at, end, &text[at..end], CompactString::from(clitic.as_str()).into(), &mut out);
                at = end;
            }
            let stem_end = match &reading.after {
                Some(after) => {
                    let folded_len = token.norm.chars().count() - after.chars().count();
                    token.start + byte_len_of_folded(raw, folded_len, rules)
                }
                None => token.end,
            };
            push_folded(at, stem_end, &text[at..stem_end], CompactString::from(reading.stem.as_str()).into(), &mut out);
            if is_number(&reading.stem) {
                if let Some(number) = out.last_mut() {
                    number.kind = TokenKind::Number;
                    number.set_value(reading.stem.parse().ok());
                }
            }
            if let Some(after) = &reading.after {
                push_folded(
                    stem_end,
                    token.end,
                    &text[stem_end..token.end],
                    CompactString::from(after.as_str()).into(),
                    &mut out,
                );
            }
        }
        out
    }
}

/// What a split may leave: a word of the pack's lexicons, conjugated or with an attached
/// pronoun, or a name, which has neither.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Split {
    Words,
    Names,
}

/// The byte length of the shortest prefix of `raw` that folds to `folded_chars` characters,
/// with the marks that follow it (short vowels written on its last letter).
fn byte_len_of_folded(raw: &str, folded_chars: usize, rules: &WordRules) -> usize {
    let mut count = 0;
    let mut buffer = [0u8; 4];
    for (at, c) in raw.char_indices() {
        if count >= folded_chars && !rules.fold(c.encode_utf8(&mut buffer)).is_empty() {
            return at;
        }
        count += rules.fold(c.encode_utf8(&mut buffer)).chars().count();
    }
    raw.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn arabic_rules() -> WordRules {
        let letters = [('ة', Some('ه')), ('ى', Some('ي')), ('ـ', None)].into_iter().collect();
        WordRules::new(vec![], vec![]).with_spelling(letters, Default::default())
    }

    fn clitics() -> Clitics {
        Clitics::new(
            vec![
                ("و".into(), "".into()),
                ("ف".into(), "".into()),
                ("ب".into(), "".into()),
                ("ل".into(), "".into()),
                ("لل".into(), "ال".into()),
            ],
            vec!["ها".into(), "ه".into()],
            vec![("ت".into(), "ه".into())],
            vec![
                ("".into(), "وا".into()),
                ("".into(), "ت".into()),
                ("ي".into(), "ون".into()),
                ("".into(), "ين".into()),
            ],
        )
    }

    fn vocabulary(words: &[&str]) -> Vocabulary {
        let mut v = Vocabulary::default();
        for w in words {
            v.add_word(&arabic_rules().fold(w));
        }
        v
    }

    fn segmented(text: &str, known: &[&str]) -> Vec<(String, String)> {
        let rules = arabic_rules();
        let tokens = tokenize(text, &rules);
        clitics()
            .segment(text, tokens, &rules, &vocabulary(known))
            .into_iter()
            .map(|t| (t.text.to_string(), t.norm.to_string()))
            .collect()
    }

    #[test]
    fn known_words_lose_their_clitics_and_unknown_words_keep_them() {
        let pairs = segmented("وبريف لقوات ولد", &["ريف", "قوات"]);
        let texts: Vec<&str> = pairs.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["و", "ب", "ريف", "ل", "قوات", "ولد"]);
    }

    #[test]
    fn a_short_name_behind_two_proclitics_is_split_only_after_wa() {
        let rules = arabic_rules();
        let names = |text: &str| -> Vec<String> {
            let known = vocabulary(&["حلب", "حوط"]);
            clitics()
                .with_pairs_before_short_names(vec!["و".into()])
                .segment_where(text, tokenize(text, &rules), &rules, |_| false, |stem| known.knows(stem))
                .into_iter()
                .map(|t| t.norm.to_string())
                .collect()
        };
        // "وبحلب": and in Aleppo. "فلحوط" is a surname, not ف + ل + the village of Hot.
        assert_eq!(names("وبحلب"), ["و", "ب", "حلب"]);
        assert_eq!(names("فلحوط"), ["فلحوط"]);
    }

    #[test]
    fn an_elided_article_is_restored_and_offsets_keep_the_short_vowels() {
        let text = "لِلنِّظام";
        let pairs = segmented(text, &["النظام"]);
        assert_eq!(pairs.len(), 2, "{pairs:?}");
        assert_eq!(pairs[0].1, "لل");
        assert_eq!(pairs[1].1, "النظام");
        assert_eq!(format!("{}{}", pairs[0].0, pairs[1].0), text);
    }

    #[test]
    fn an_enclitic_comes_off_with_the_final_letter_restored() {
        let pairs = segmented("بلدته", &["بلدة"]);
        let norms: Vec<&str> = pairs.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(norms, ["بلده", "ه"]);
    }

    #[test]
    fn a_dual_is_read_as_its_noun_with_the_final_letter_restored() {
        // "بعبوتين": with two bombs; the taa marbuta is written ت before the dual ending.
        let pairs = segmented("بعبوتين", &["عبوة"]);
        let norms: Vec<&str> = pairs.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(norms, ["ب", "عبوه"]);
    }

    #[test]
    fn readings_strip_every_combination_for_name_lookup() {
        let readings = clitics().readings("وبسراقب");
        assert_eq!(readings[0], "وبسراقب");
        assert!(readings.contains(&"بسراقب".to_owned()) && readings.contains(&"سراقب".to_owned()), "{readings:?}");
    }

    #[test]
    fn a_verb_with_a_person_ending_is_read_as_the_verb_the_pack_knows() {
        // "وانسحبوا": و + "they withdrew", read as the listed "انسحب" in one token.
        let pairs = segmented("وانسحبوا سيطرت يتظاهرون", &["انسحب", "سيطر", "تظاهر"]);
        let norms: Vec<&str> = pairs.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(norms, ["و", "انسحب", "سيطر", "تظاهر"]);
        assert_eq!(pairs[1].0, "انسحبوا");
        // A name is not conjugated: readings for lookup keep the ending.
        assert!(!clitics().readings("سيطروا").contains(&"سيطر".to_owned()));
    }
}
