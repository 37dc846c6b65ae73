//! Splitting text into word, number and punctuation tokens with byte offsets. The rules are
//! the same for every language; what differs (French elisions such as "d'", English clitics
//! such as "'s") comes from the pack.

use std::hash::BuildHasher;

use compact_str::CompactString;
use frontline_core::chars::{is_alphabetic, is_alphanumeric};
use frontline_core::{fold_word, fold_word_with};
use rustc_hash::{FxBuildHasher, FxHashMap as HashMap};
use unicode_normalization::char::is_combining_mark;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token<'t> {
    /// Byte offsets in the text given to [`tokenize`].
    pub start: usize,
    pub end: usize,
    /// The token as written: borrowed from the text it was read in (`&text[start..end]`
    /// there), not copied, since every token is written somewhere in it.
    pub text: &'t str,
    /// The token folded for lexicon matching (see [`fold_word`]).
    pub norm: Folded<'t>,
    /// A hash of `norm`, computed once so that the many lexicons a token is looked up in
    /// compare numbers first.
    pub key: u64,
    /// The lexicons of the pack that tokenized it with a phrase starting with this word, one
    /// bit each; all bits set when no pack has looked (every lexicon then looks itself).
    pub first_of: crate::lexicon::LexiconBits,
    pub kind: TokenKind,
    /// Number tokens carry their value ("100 000" → 100000), read by [`Token::value`]. Kept
    /// as a number and a flag rather than an `Option<u64>`, whose tag took 8 bytes of its
    /// own: a token is 96 bytes, not 112, and a sentence's tokens are copied and walked
    /// many times.
    number: u64,
    valued: bool,
    /// A word the pack reads as a number ("deux", "ثلاث"): a lexicon's `#` stands for it as
    /// for digits.
    pub number_word: bool,
}

/// A token's folded form. Most words of a text in a Latin script are written folded already
/// (lower-case ASCII): those borrow the text they were read in, as the token's `text` does,
/// where copying each into a string of its own cost a call and a reload of what it wrote.
#[derive(Debug, Clone)]
pub enum Folded<'t> {
    /// The word as written, which folding leaves as it is.
    Written(&'t str),
    /// A folded form that differs from the text.
    Own(CompactString),
}

impl Folded<'_> {
    #[inline]
    pub fn as_str(&self) -> &str {
        match self {
            Folded::Written(text) => text,
            Folded::Own(folded) => folded.as_str(),
        }
    }
}

impl std::ops::Deref for Folded<'_> {
    type Target = str;

    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Folded<'_> {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Folded<'_> {
    /// The same folded word, borrowed or not.
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<str> for Folded<'_> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Folded<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<Folded<'_>> for String {
    fn eq(&self, other: &Folded<'_>) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<String> for Folded<'_> {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl std::fmt::Display for Folded<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<CompactString> for Folded<'_> {
    fn from(folded: CompactString) -> Self {
        Folded::Own(folded)
    }
}

impl Token<'_> {
    /// The value of a number token ("100 000" → 100000); `None` for words and marks, and for
    /// digits too many for a `u64`.
    #[inline]
    pub fn value(&self) -> Option<u64> {
        self.valued.then_some(self.number)
    }

    #[inline]
    pub fn set_value(&mut self, value: Option<u64>) {
        self.number = value.unwrap_or(0);
        self.valued = value.is_some();
    }

    /// Starts with an upper-case letter, after the ayn or hamza mark a transliteration may
    /// write before it ("ʿAmudah", "ʾIdlib"): a candidate for a name.
    #[inline]
    pub fn is_capitalized(&self) -> bool {
        self.kind == TokenKind::Word && starts_with_capital(self.text)
    }

    #[inline]
    pub fn is_punct(&self, chars: &str) -> bool {
        if self.kind != TokenKind::Punct {
            return false;
        }
        let mut text = self.text.chars();
        match (text.next(), text.next()) {
            // A mark of one character, as the tokenizer makes them: looked for as a char,
            // without setting up a search for a substring.
            (Some(mark), None) => chars.contains(mark),
            _ => chars.contains(self.text),
        }
    }
}

/// What a language says about word boundaries and spelling.
#[derive(Debug, Clone, Default)]
pub struct WordRules {
    /// Folded prefixes split off a word: "d'", "l'", "qu'".
    pub elisions: Vec<String>,
    /// Folded suffixes split off a word: "'s".
    pub clitics: Vec<String>,
    /// Every elision and clitic carries an apostrophe, so a word without one is not split.
    marked: bool,
    /// Letters written in several forms that the language reads as one (Arabic alef with or
    /// without hamza, taa marbuta and haa), each mapped to its one form, or to nothing for
    /// letters that only stretch or decorate a word (tatweel).
    letters: HashMap<char, Option<char>>,
    /// Digits of other scripts and their values (Arabic-Indic, Persian).
    digits: HashMap<char, char>,
}

impl WordRules {
    pub fn new(elisions: Vec<String>, clitics: Vec<String>) -> WordRules {
        let marked = elisions.iter().chain(&clitics).all(|a| a.contains('\''));
        WordRules { elisions, clitics, marked, letters: HashMap::default(), digits: HashMap::default() }
    }

    /// The same rules, with letter variants unified and other scripts' digits read.
    pub fn with_spelling(mut self, letters: HashMap<char, Option<char>>, digits: HashMap<char, char>) -> WordRules {
        self.letters = letters;
        self.digits = digits;
        self
    }

    /// The ASCII digit a character stands for, in any script the rules read.
    fn digit(&self, c: char) -> Option<char> {
        if c.is_ascii_digit() {
            Some(c)
        } else {
            self.digits.get(&c).copied()
        }
    }

    /// [`fold_word`] with the language's letter variants unified and its digits written as
    /// ASCII digits.
    pub fn fold(&self, text: &str) -> CompactString {
        let folded = fold(text);
        if (self.letters.is_empty() && self.digits.is_empty()) || folded.is_ascii() {
            return folded;
        }
        folded
            .chars()
            .filter_map(|c| match self.digits.get(&c) {
                Some(&digit) => Some(digit),
                None => self.letters.get(&c).copied().unwrap_or(Some(c)),
            })
            .collect()
    }

    /// Whether a folded word may carry an elision or a clitic.
    fn may_split(&self, norm: &str) -> bool {
        // Words are short: a plain loop over their bytes costs less than a search.
        !self.marked || norm.bytes().any(|b| b == b'\'')
    }
}

/// An apostrophe as texts write it, or a transliteration's ayn or hamza mark ("Raʾs").
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{02bf}' | '\u{02be}' | '\u{02bc}')
}

/// Whether a word begins with a capital, after the ayn or hamza mark a transliteration may
/// write before it ("ʿAyn", "ʾIdlib").
pub fn starts_with_capital(word: &str) -> bool {
    // Most words start with an ASCII letter: told by the byte, without decoding chars or
    // trimming marks (the ASCII apostrophe and backtick are the only ASCII marks trimmed).
    match word.as_bytes().first() {
        Some(&b) if b.is_ascii() && b != b'\'' && b != b'`' => b.is_ascii_uppercase(),
        _ => word.trim_start_matches(is_apostrophe).chars().next().is_some_and(char::is_uppercase),
    }
}

/// A hyphen as texts write it: the ASCII one, the typographic one and the non-breaking one.
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_joiner(c: char) -> bool {
    is_hyphen(c) || is_apostrophe(c)
}

/// Separators allowed inside a number written in groups of three: "100 000", "400.000",
/// "1,500", and the narrow spaces French typography uses.
fn is_group_separator(c: char) -> bool {
    matches!(c, ' ' | '.' | ',' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// [`ASCII_WORD_BYTES`]: a letter or digit, and a capital.
const LETTER_OR_DIGIT: u8 = 1;
const CAPITAL: u8 = 2;

/// For each byte, [`LETTER_OR_DIGIT`] for ASCII letters and digits, with [`CAPITAL`] for
/// capitals; 0 for any other byte.
const ASCII_WORD_BYTES: [u8; 256] = {
    let mut table = [0; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        if b.is_ascii_alphanumeric() {
            table[byte] = LETTER_OR_DIGIT;
        }
        if b.is_ascii_uppercase() {
            table[byte] |= CAPITAL;
        }
        byte += 1;
    }
    table
};

pub fn tokenize<'t>(text: &'t str, rules: &WordRules) -> Vec<Token<'t>> {
    let char_at = |at: usize| text.get(at..).and_then(|rest| rest.chars().next());
    // A text has about one token per five bytes.
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut at = 0;
    loop {
        // A space, the most common character, needs no decoding.
        if text.as_bytes().get(at) == Some(&b' ') {
            at += 1;
            continue;
        }
        let Some(c) = char_at(at) else { break };
        let next = at + c.len_utf8();
        if c.is_whitespace() {
            at = next;
        } else if rules.digit(c).is_some() {
            let end = scan_number(text, at, rules);
            let raw = &text[at..end];
            // Most numbers are ASCII digits alone ("2020", "12"): written as they fold.
            let digits = if raw.bytes().all(|b| b.is_ascii_digit()) {
                Folded::Written(raw)
            } else {
                Folded::Own(raw.chars().filter_map(|c| rules.digit(c)).collect())
            };
            let value: Option<u64> = digits.parse().ok();
            let mut number = Token {
                start: at,
                end,
                text: raw,
                key: word_key(&digits),
                first_of: crate::lexicon::LexiconBits::MAX,
                number: 0,
                valued: false,
                norm: digits,
                kind: TokenKind::Number,
                number_word: false,
            };
            number.set_value(value);
            tokens.push(number);
            at = end;
        } else if is_alphanumeric(c) || (!c.is_ascii() && opens_a_word(text, next, c)) {
            let mut end = next;
            // Most words are ASCII letters and digits up to an ASCII space or mark that
            // neither joins words ("-", apostrophes) nor is a letter: such a word ends there,
            // with no char decoded and no elided article to look for.
            // The run's bytes are told by a table, which also says whether any is a capital.
            let mut classes = 0;
            end += text.as_bytes()[end..]
                .iter()
                .take_while(|&&b| {
                    let class = ASCII_WORD_BYTES[usize::from(b)];
                    classes |= class;
                    class != 0
                })
                .count();
            if text.as_bytes().get(end).is_none_or(|&b| b.is_ascii() && !matches!(b, b'-' | b'\'' | b'`')) {
                if c.is_ascii() && rules.marked {
                    // ASCII letters and digits only: what push_word makes of a word without
                    // an apostrophe, with nothing left to check.
                    let upper = c.is_ascii_uppercase() || classes & CAPITAL != 0;
                    push_ascii_word(at, end, &text[at..end], upper, &mut tokens);
                } else {
                    push_word(text, at, end, rules, &mut tokens);
                }
                at = end;
                continue;
            }
            loop {
                // ASCII letters and digits, most of most words, continue it without being
                // decoded as chars.
                end += text.as_bytes()[end..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
                let Some(c) = char_at(end) else { break };
                let after = end + c.len_utf8();
                // Where the part a joiner joins starts: the char after it, or after the mark of
                // an ayn that follows a hyphen ("Ras Al-‘Ayn"); none without a letter there.
                let joined_at = is_joiner(c)
                    .then(|| match char_at(after) {
                        Some(mark) if is_hyphen(c) && is_apostrophe(mark) => after + mark.len_utf8(),
                        _ => after,
                    })
                    .filter(|&part| char_at(part).is_some_and(is_alphanumeric));
                // Combining marks (accents typed apart, Arabic short vowels) belong to their word;
                // none is ASCII, and most words end at an ASCII space or mark.
                if !(is_alphanumeric(c) || joined_at.is_some() || (!c.is_ascii() && is_combining_mark(c))) {
                    break;
                }
                end = joined_at.unwrap_or(after);
            }
            // A bare elided article ("d'" in a pack phrase, or "d' Idlib") keeps its apostrophe.
            if let Some(mark) = char_at(end).filter(|&c| is_apostrophe(c)) {
                let with_mark = fold_word(&text[at..end + mark.len_utf8()]);
                if rules.elisions.contains(&with_mark) {
                    end += mark.len_utf8();
                }
            }
            push_word(text, at, end, rules, &mut tokens);
            at = end;
        } else if is_hashtag_mark(text, at, c) {
            // "#سراقب", "#معرة_النعمان": outlets tag places as hashtags; the words are the
            // name, the marks are not punctuation between them.
            at = next;
        } else {
            let raw = &text[at..next];
            // A mark of ASCII folds to itself (it has no case), but for the backquote,
            // which folds to an apostrophe.
            let norm = if raw.len() == 1 && raw != "`" { Folded::Written(raw) } else { Folded::Own(fold(raw)) };
            tokens.push(Token {
                start: at,
                end: next,
                text: raw,
                key: word_key(&norm),
                first_of: crate::lexicon::LexiconBits::MAX,
                norm,
                kind: TokenKind::Punct,
                number: 0,
                valued: false,
                number_word: false,
            });
            at = next;
        }
    }
    tokens
}

/// Whether the mark `c`, ending at byte `next`, is the ayn or hamza a transliteration writes
/// at the start of a word ("ʿAyn", "‘Ayn ‘Issa") rather than punctuation. The modifier
/// letters are always so; a turned comma before a capital is, unless a closing quote
/// (a right one after a word, not within it) follows on its line: then it opens a quote
/// ("‘Almost complete control’").
fn opens_a_word(text: &str, next: usize, c: char) -> bool {
    match c {
        '\u{02bf}' | '\u{02be}' => text[next..].chars().next().is_some_and(is_alphabetic),
        '\u{2018}' => {
            let rest = &text[next..];
            let line = rest.split('\n').next().unwrap_or(rest);
            let closing = line
                .match_indices('\u{2019}')
                .any(|(i, mark)| !line[i + mark.len()..].chars().next().is_some_and(is_alphanumeric));
            rest.chars().next().is_some_and(char::is_uppercase) && !closing
        }
        _ => false,
    }
}

/// A hashtag's "#" before a word, or the "_" that joins the words of a hashtag.
fn is_hashtag_mark(text: &str, at: usize, c: char) -> bool {
    // Every other mark is told without decoding the chars around it.
    if c != '#' && c != '_' {
        return false;
    }
    let letter_after = text[at + c.len_utf8()..].chars().next().is_some_and(is_alphabetic);
    let letter_before = text[..at].chars().next_back().is_some_and(is_alphanumeric);
    match c {
        // Arabic joins "و" to the tag: "و#سراقب".
        '#' => letter_after,
        '_' => letter_after && letter_before,
        _ => false,
    }
}

/// The end of the number starting at byte `at`: its digits, then any "␣000" groups (a
/// separator then exactly three digits).
fn scan_number(text: &str, at: usize, rules: &WordRules) -> usize {
    let char_at = |i: usize| text.get(i..).and_then(|rest| rest.chars().next());
    // The byte length of the digit at `i`, if one is there.
    let digit_at = |i: usize| char_at(i).filter(|&c| rules.digit(c).is_some()).map(char::len_utf8);
    let mut end = at;
    while let Some(len) = digit_at(end) {
        end += len;
    }
    loop {
        let Some(separator) = char_at(end).filter(|&c| is_group_separator(c)) else {
            return end;
        };
        let mut group_end = end + separator.len_utf8();
        let mut digits = 0;
        while let Some(len) = digit_at(group_end) {
            group_end += len;
            digits += 1;
        }
        if digits != 3 {
            return end;
        }
        end = group_end;
    }
}

fn push_word<'t>(text: &'t str, start: usize, end: usize, rules: &WordRules, out: &mut Vec<Token<'t>>) {
    let word = &text[start..end];
    // An ASCII word without an apostrophe-like mark folds to its lower case (and is split
    // only by rules with an elision or clitic that has no apostrophe): written as it is, and
    // folded from that copy, in one pass over its bytes.
    let (mut ascii, mut upper, mut apostrophe, mut backquote) = (true, false, false, false);
    for &b in word.as_bytes() {
        ascii &= b.is_ascii();
        upper |= b.is_ascii_uppercase();
        apostrophe |= b == b'\'';
        backquote |= b == b'`';
    }
    if ascii && !apostrophe && !backquote && rules.marked {
        return push_ascii_word(start, end, word, upper, out);
    }
    // What folding leaves as written (ASCII in lower case, without a backquote, which folds
    // to an apostrophe) is borrowed: "qu'il".
    let norm = if ascii && !upper && !backquote { Folded::Written(word) } else { Folded::Own(rules.fold(word)) };
    if !rules.may_split(&norm) {
        return push_folded(start, end, word, norm, out);
    }
    for prefix in &rules.elisions {
        if norm.len() > prefix.len() && norm.starts_with(prefix.as_str()) && !norm.ends_with('\'') {
            // Folding keeps one char per char of the prefix, so its byte length in the
            // original is found by walking as many chars.
            let cut = byte_len_of_chars(word, prefix.chars().count());
            push_plain(text, start, start + cut, rules, out);
            return push_word(text, start + cut, end, rules, out);
        }
    }
    for suffix in &rules.clitics {
        if norm.len() > suffix.len() && norm.ends_with(suffix.as_str()) {
            let keep = word.chars().count() - suffix.chars().count();
            let cut = byte_len_of_chars(word, keep);
            push_plain(text, start, start + cut, rules, out);
            push_plain(text, start + cut, end, rules, out);
            return;
        }
    }
    push_folded(start, end, word, norm, out);
}

/// A word of ASCII chars without an apostrophe, under rules whose elisions and clitics all
/// have one: written as it is, folded by lowering it (`upper`: it has capitals to lower).
// Always in line, as `push_token`: called for most tokens, from few places; a call
// saved and restored more registers than the body uses.
#[inline(always)]
fn push_ascii_word<'t>(start: usize, end: usize, word: &'t str, upper: bool, out: &mut Vec<Token<'t>>) {
    let norm = if upper {
        let mut lowered = CompactString::from(word);
        lowered.make_ascii_lowercase();
        Folded::Own(lowered)
    } else {
        Folded::Written(word)
    };
    push_token(start, end, word, norm, out);
}

fn byte_len_of_chars(word: &str, n: usize) -> usize {
    word.char_indices().nth(n).map_or(word.len(), |(b, _)| b)
}

fn push_plain<'t>(text: &'t str, start: usize, end: usize, rules: &WordRules, out: &mut Vec<Token<'t>>) {
    let raw = &text[start..end];
    // An elided article or a clitic ("l'", "'s") is most often written folded.
    let norm = if raw.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'`') {
        Folded::Written(raw)
    } else {
        Folded::Own(rules.fold(raw))
    };
    push_folded(start, end, raw, norm, out);
}

pub(crate) fn push_folded<'t>(start: usize, end: usize, raw: &'t str, norm: Folded<'t>, out: &mut Vec<Token<'t>>) {
    push_token(start, end, raw, norm, out);
}

#[inline(always)]
fn push_token<'t>(start: usize, end: usize, text: &'t str, norm: Folded<'t>, out: &mut Vec<Token<'t>>) {
    out.push(Token {
        start,
        end,
        text,
        key: word_key(&norm),
        first_of: crate::lexicon::LexiconBits::MAX,
        norm,
        kind: TokenKind::Word,
        number: 0,
        valued: false,
        number_word: false,
    });
}

/// [`fold_word`] into a small string: case and marks, without a language's letter variants.
pub(crate) fn fold(text: &str) -> CompactString {
    // One pass over the bytes of a word (a few): cheaper than two searches.
    if text.bytes().all(|b| b.is_ascii() && b != b'`') {
        let mut norm = CompactString::from(text);
        norm.make_ascii_lowercase();
        return norm;
    }
    // Pushing chars one by one is cheaper on a String, reused by the thread, than on a
    // small string; the result is copied once.
    thread_local! {
        static FOLDED: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    FOLDED.with_borrow_mut(|folded| {
        folded.clear();
        fold_word_with(text, |c| folded.push(c));
        CompactString::from(folded.as_str())
    })
}

/// The hash stored in [`Token::key`]: the same for the same folded word, in texts and packs.
pub fn word_key(norm: &str) -> u64 {
    FxBuildHasher.hash_one(norm)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> WordRules {
        WordRules::new(vec!["d'".into(), "l'".into()], vec!["'s".into()])
    }

    fn texts(s: &str) -> Vec<String> {
        tokenize(s, &rules()).into_iter().map(|t| t.text.into()).collect()
    }

    #[test]
    fn splits_elisions_and_clitics_but_keeps_names_whole() {
        assert_eq!(texts("d’Azaz et l'armée"), ["d’", "Azaz", "et", "l'", "armée"]);
        assert_eq!(texts("Hama's old city"), ["Hama", "'s", "old", "city"]);
        assert_eq!(texts("Ma'arrat al-Nu`man"), ["Ma'arrat", "al-Nu`man"]);
    }

    #[test]
    fn the_mark_of_an_ayn_starts_a_word_but_a_quote_does_not() {
        assert_eq!(
            texts("the town of ‘Ayn ‘Issa, Ras Al-‘Ayn"),
            ["the", "town", "of", "‘Ayn", "‘Issa", ",", "Ras", "Al-‘Ayn"]
        );
        assert_eq!(texts("near ʿAyn al-ʿArab"), ["near", "ʿAyn", "al-ʿArab"]);
        // A quote closed on its line is no part of the words it holds.
        assert_eq!(
            texts("‘Almost complete control’ for rebels"),
            ["‘", "Almost", "complete", "control", "’", "for", "rebels"]
        );
        assert_eq!(texts("the so-called ‘caliphate’."), ["the", "so-called", "‘", "caliphate", "’", "."]);
    }

    #[test]
    fn a_hashtag_is_read_as_its_words() {
        assert_eq!(texts("قصف #معرة_النعمان و#سراقب"), ["قصف", "معرة", "النعمان", "و", "سراقب"]);
        assert_eq!(texts("shelling on #Kafr_Nabl, #1"), ["shelling", "on", "Kafr", "Nabl", ",", "#", "1"]);
    }

    #[test]
    fn reads_grouped_numbers() {
        let toks = tokenize("près de 250 000 réfugiés, 300.000 habitants, 12 quartiers.", &rules());
        let values: Vec<u64> = toks.iter().filter_map(|t| t.value()).collect();
        assert_eq!(values, [250_000, 300_000, 12]);
    }

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_token_is_96_bytes() {
        // The size a value and its flag apart bought (see `Token::number`): a change that
        // grows it again should be weighed, not slip in.
        assert_eq!(std::mem::size_of::<Token>(), 96);
    }

    #[test]
    fn a_number_keeps_its_value_and_a_word_has_none() {
        let toks = tokenize("12 morts", &rules());
        assert_eq!((toks[0].value(), toks[1].value()), (Some(12), None));
        let mut word = toks[1].clone();
        word.set_value(Some(7));
        assert_eq!(word.value(), Some(7));
        word.set_value(None);
        assert_eq!(word, toks[1]);
    }

    #[test]
    fn offsets_point_into_the_text() {
        let s = "« Commandement » à Alep.";
        for t in tokenize(s, &rules()) {
            assert_eq!(&s[t.start..t.end], t.text);
        }
    }
}
