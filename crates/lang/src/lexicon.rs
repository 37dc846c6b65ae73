//! Phrase lists matched on folded tokens: the one matching mechanism every lexicon of a
//! pack uses (actors, triggers, markers, date words...).

use compact_str::CompactString;
use frontline_core::short::same;
use rustc_hash::FxHashMap as HashMap;

use crate::clitics::Vocabulary;
use crate::tokens::{tokenize, Token, TokenKind, WordRules};

/// One word of a phrase: an exact folded word, a stem written with a final `*`
/// ("bombard*" matches "bombardements"), or `#` for any number ("over the last # days").
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Pattern {
    /// The word and its [`word_key`](crate::tokens::word_key).
    Exact(String, u64),
    Stem(String),
    Number,
}

impl Pattern {
    #[inline]
    pub(crate) fn matches(&self, token: &Token) -> bool {
        match self {
            Pattern::Exact(w, key) => *key == token.key && same(w, &token.norm),
            Pattern::Stem(s) => token.norm.starts_with(s.as_str()),
            Pattern::Number => token.kind == TokenKind::Number || token.number_word || reads_as_number(&token.norm),
        }
    }

    /// Whether a token whose folded word starts with `first_byte` may match: what a token
    /// must have for [`Pattern::matches`], told by one byte. A number in words ("deux") is
    /// the exception one byte cannot tell: `LanguagePack::index_token` gives it the bits of
    /// the phrases that start with a number.
    #[inline]
    pub(crate) fn may_match_first_byte(&self, first_byte: Option<u8>, kind: TokenKind) -> bool {
        match self {
            Pattern::Exact(word, _) => word.as_bytes().first().copied() == first_byte,
            Pattern::Stem(stem) => stem.as_bytes().first().is_none_or(|&b| Some(b) == first_byte),
            Pattern::Number => kind == TokenKind::Number || first_byte.is_some_and(starts_a_number),
        }
    }
}

/// One bit for each lexicon of a pack (a token's `first_of`: the lexicons a phrase of which
/// may start at it); a pack may have as many lexicons as it has bits.
pub type LexiconBits = u128;

/// How many lexicons a pack can give a bit.
pub const LEXICON_BITS: usize = LexiconBits::BITS as usize;

/// Whether a word reads as a number as `u64`'s parser reads it: a word that starts with
/// neither a digit nor a sign (most words) is not parsed at all.
fn reads_as_number(word: &str) -> bool {
    word.as_bytes().first().is_some_and(|&b| starts_a_number(b)) && word.parse::<u64>().is_ok()
}

/// Whether a byte may start what `u64`'s parser reads: a digit or a plus sign.
fn starts_a_number(byte: u8) -> bool {
    byte.is_ascii_digit() || byte == b'+'
}

/// Where a lexicon finds the phrases of a first word: kept in the hash table's slot, so that
/// a lookup reads the word and the group's place where it found the key, rather than
/// following pointers to a list of groups and to each group's word (three cache misses a
/// lookup, the most of the time lexicon lookups took).
#[derive(Debug, Clone)]
struct FirstWord {
    /// The folded word (most are short enough to be kept in line).
    word: CompactString,
    /// Its group's place in [`Lexicon::groups`].
    group: usize,
    /// One more than the place of the next group whose word has the same key, 0 for none:
    /// two words of a lexicon hashed alike are chained, never lost.
    next: usize,
}

/// Values by a word's key ([`Token::key`]), looked up with a probe or two: the tables a
/// lookup at every token reads (a lexicon's first words, a pack's index of them), where a
/// general hash table's probe of control bytes cost several times as many instructions.
#[derive(Debug, Clone)]
pub(crate) struct KeyTable<V> {
    /// Each value at the slot its key's high bits name, or the next free one after it;
    /// never more than half full, so that an empty slot ends every probe (none at all for
    /// an empty table, which every probe misses).
    slots: Box<[(u64, Option<V>)]>,
    /// How far a key is shifted right to name a slot: 64 less the bits of the table's size.
    shift: u32,
    len: usize,
}

impl<V: Clone> KeyTable<V> {
    pub(crate) fn of(values: &HashMap<u64, V>) -> KeyTable<V> {
        // No slot for no value (most groups have no second words: nothing allocated); else
        // at least twice as many slots as values, and two at least (a shift below 64).
        if values.is_empty() {
            return KeyTable { slots: Box::default(), shift: 63, len: 0 };
        }
        let size = (values.len() * 2).next_power_of_two().max(2);
        let shift = 64 - size.trailing_zeros();
        let mut slots: Box<[(u64, Option<V>)]> = (0..size).map(|_| (0, None)).collect();
        for (&key, value) in values {
            let mut at = (key >> shift) as usize;
            while slots[at].1.is_some() {
                at = (at + 1) & (size - 1);
            }
            slots[at] = (key, Some(value.clone()));
        }
        KeyTable { slots, shift, len: values.len() }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The keys of the table's values.
    pub(crate) fn keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.slots.iter().filter(|(_, value)| value.is_some()).map(|(key, _)| *key)
    }

    #[inline]
    pub(crate) fn get(&self, key: u64) -> Option<&V> {
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = (key >> self.shift) as usize;
        loop {
            let (slot_key, value) = self.slots.get(at)?;
            let value = value.as_ref()?;
            if *slot_key == key {
                return Some(value);
            }
            at = (at + 1) & mask;
        }
    }
}

impl<V: Clone> Default for KeyTable<V> {
    fn default() -> Self {
        KeyTable::of(&HashMap::default())
    }
}

/// The phrases that start with one exact word, longest first.
#[derive(Debug, Clone)]
struct WordPhrases<T> {
    word: String,
    /// As [`FirstWord::next`], for the group after this one with the same key.
    next_same_key: usize,
    phrases: Vec<(Vec<Pattern>, T)>,
    /// Where in `phrases` the phrases whose second word is an exact word are, by that
    /// word's key (in the order of `phrases`): at a token, only those whose second word is
    /// the next token's are tried.
    by_second_word: KeyTable<Vec<usize>>,
    /// Where the others are: phrases of one word, or whose second word is a stem or number.
    without_second_word: Vec<usize>,
}

impl<T> WordPhrases<T> {
    fn new(word: String) -> Self {
        WordPhrases {
            word,
            next_same_key: 0,
            phrases: Vec::new(),
            by_second_word: KeyTable::default(),
            without_second_word: Vec::new(),
        }
    }

    /// Sorts the phrases longest first and indexes them by their second word.
    fn sort(&mut self) {
        self.phrases.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        let mut by_second_word: HashMap<u64, Vec<usize>> = HashMap::default();
        self.without_second_word.clear();
        for (at, (patterns, _)) in self.phrases.iter().enumerate() {
            match patterns.get(1) {
                Some(Pattern::Exact(_, key)) => by_second_word.entry(*key).or_default().push(at),
                _ => self.without_second_word.push(at),
            }
        }
        self.by_second_word = KeyTable::of(&by_second_word);
    }

    /// The longest of the phrases that matches at token `at` (the first listed of those as
    /// long), by its place in `phrases`; the token's word is known to be the group's.
    fn longest_match(&self, tokens: &[Token], at: usize) -> Option<usize> {
        let matches_at = |place: usize| {
            let patterns = &self.phrases[place].0;
            // A phrase of the token's word alone matches: the token is known to be it.
            if patterns.len() == 1 {
                return true;
            }
            let end = at + patterns.len();
            end <= tokens.len() && phrase_matches(patterns, &tokens[at..end], true)
        };
        // Most groups have no phrase of two exact words: no lookup of the next token then,
        // and every phrase is one of the others, in order. They are read straight, not by
        // the list of their places (a cache miss fewer at most tokens a phrase starts at).
        if self.by_second_word.is_empty() {
            return (0..self.phrases.len()).find(|&place| matches_at(place));
        }
        let next_word = tokens.get(at + 1).and_then(|t| self.by_second_word.get(t.key));
        let first_match = |places: &[usize]| places.iter().copied().find(|&place| matches_at(place));
        // Each list is longest first: the first match of each is its longest, and of the
        // two, the one listed first in `phrases` is the longer, or as long and listed first.
        let with_next_word = next_word.and_then(|places| first_match(places));
        match (with_next_word, first_match(&self.without_second_word)) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

/// Whether a phrase's words match the tokens it would span, the first word aside when it is
/// known to match (the phrases were found by the token's word).
#[inline]
fn phrase_matches(patterns: &[Pattern], tokens: &[Token], first_known: bool) -> bool {
    let skip = usize::from(first_known);
    patterns.len() == tokens.len() && patterns[skip..].iter().zip(&tokens[skip..]).all(|(p, t)| p.matches(t))
}

/// The first token with one of `bits` in the low half of its [`Token::first_of`]. Kept
/// apart from its caller, which chooses the half, so that the compiler does not merge the
/// two halves' loops back into one that reads and masks both at every token.
#[inline(never)]
fn first_with_low_bits(tokens: &[Token], bits: u64) -> Option<usize> {
    first_with(tokens, |t| t.first_of as u64 & bits != 0)
}

/// [`first_with_low_bits`] for the high half.
#[inline(never)]
fn first_with_high_bits(tokens: &[Token], bits: u64) -> Option<usize> {
    first_with(tokens, |t| (t.first_of >> 64) as u64 & bits != 0)
}

/// The first token `has` holds for, four tokens tested a step: most scans pass many tokens
/// that start nothing, and a step per token spent more on the loop than on the test.
#[inline(always)]
fn first_with(tokens: &[Token], has: impl Fn(&Token) -> bool) -> Option<usize> {
    let mut fours = tokens.chunks_exact(4);
    let mut at = 0;
    for four in fours.by_ref() {
        if has(&four[0]) | has(&four[1]) | has(&four[2]) | has(&four[3]) {
            return four.iter().position(&has).map(|i| at + i);
        }
        at += 4;
    }
    fours.remainder().iter().position(&has).map(|i| at + i)
}

/// Where the phrases of each lexicon of a pack may start in a sentence's tokens: for each
/// lexicon's bit, a row of bits, one a token, set where the token's [`Token::first_of`] has
/// the lexicon's bit. Made once a sentence (a token has a few bits), it lets each scan of a
/// lexicon there go from one start to the next by its row, where a scan tested the bits of
/// every token, as many times as lexicons were scanned.
#[derive(Debug, Clone, Default)]
pub struct Starts {
    /// The tokens' bits, joined.
    present: LexiconBits,
    /// How many tokens the rows are of.
    tokens: usize,
    /// The rows, 64 tokens a block: in block `i / 64`, word `b` holds token `i`'s bit
    /// `i % 64` for the lexicon of bit `b`. Kept by block rather than by lexicon so that
    /// setting a bit indexes a block of fixed size (no multiply by the row's length, no
    /// bounds check): most sentences have one block.
    blocks: Vec<[u64; LEXICON_BITS]>,
}

impl Starts {
    pub fn of(tokens: &[Token]) -> Starts {
        let mut blocks = vec![[0; LEXICON_BITS]; tokens.len().div_ceil(64)];
        let mut present = 0;
        for (block, chunk) in blocks.iter_mut().zip(tokens.chunks(64)) {
            for (i, token) in chunk.iter().enumerate() {
                present |= token.first_of;
                set_starts(block, 1u64 << i, token.first_of);
            }
        }
        Starts { present, tokens: tokens.len(), blocks }
    }

    /// The tokens' bits, joined: a lexicon none of whose phrases starts there is
    /// [`Lexicon::absent_from`] them.
    pub fn present(&self) -> LexiconBits {
        self.present
    }

    /// The row of the lexicon of `bit`, when it has one bit and these are the rows of as
    /// many tokens as `tokens`.
    fn row(&self, bit: LexiconBits, tokens: &[Token]) -> Option<Row<'_>> {
        if bit.count_ones() != 1 || tokens.len() != self.tokens {
            return None;
        }
        Some(Row { blocks: &self.blocks, lexicon: bit.trailing_zeros() as usize })
    }
}

/// Sets `bit` (a token's) in a block's word of each lexicon of `first_of`.
#[inline(always)]
fn set_starts(block: &mut [u64; LEXICON_BITS], bit: u64, first_of: LexiconBits) {
    // Each half of the bits apart, in 64-bit words: the 128-bit operations of a loop over
    // them all cost several instructions each.
    for (half, first) in [(0, first_of as u64), (64, (first_of >> 64) as u64)] {
        let mut bits = first;
        while bits != 0 {
            // Below LEXICON_BITS by the mask, which the compiler sees: no bounds check.
            block[(half + bits.trailing_zeros() as usize) & (LEXICON_BITS - 1)] |= bit;
            bits &= bits - 1;
        }
    }
}

/// One lexicon's row of a [`Starts`]: its word in each block.
#[derive(Clone, Copy)]
struct Row<'a> {
    blocks: &'a [[u64; LEXICON_BITS]],
    lexicon: usize,
}

impl Row<'_> {
    /// The row's bits of the tokens of block `block`.
    #[inline]
    fn word(&self, block: usize) -> Option<u64> {
        self.blocks.get(block).and_then(|words| words.get(self.lexicon)).copied()
    }
}

/// The first token at `from` or after whose bit is set in `row`.
#[inline]
fn next_in_row(row: Row, from: usize) -> Option<usize> {
    let mut word = from / 64;
    let mut bits = row.word(word)? & (u64::MAX << (from % 64));
    loop {
        if bits != 0 {
            return Some(word * 64 + bits.trailing_zeros() as usize);
        }
        word += 1;
        bits = row.word(word)?;
    }
}

/// A set of phrases, each carrying a value, matched longest first at a token position.
#[derive(Debug, Clone)]
pub struct Lexicon<T> {
    /// Phrases' first words by their key ([`Token::key`]), each with the place of its group
    /// in `groups` (one group per word, chained should two words share a key), while the
    /// lexicon is built; empty after.
    by_first_word: HashMap<u64, FirstWord>,
    /// The same, once the lexicon is built, in the table a token's lookup reads: a token's
    /// word is compared with the group's once, not with each phrase's first word.
    first_slots: KeyTable<FirstWord>,
    /// The phrases starting with an exact word, one group per word.
    groups: Vec<WordPhrases<T>>,
    stem_first: Vec<(Vec<Pattern>, T)>,
    /// This lexicon's bit in its pack's index of first words (0: not indexed). A token
    /// whose [`Token::first_of`] lacks the bit starts no phrase here (by its word, nor by
    /// the stem or number a phrase of `stem_first` starts with), and costs no lookup.
    bit: LexiconBits,
    /// The most words a phrase of the lexicon has: a search back from a token for a phrase
    /// ending there starts no further back than this.
    longest: usize,
}

impl<T> Default for Lexicon<T> {
    fn default() -> Self {
        Lexicon {
            by_first_word: HashMap::default(),
            first_slots: KeyTable::default(),
            groups: Vec::new(),
            stem_first: Vec::new(),
            bit: 0,
            longest: 0,
        }
    }
}

/// What a pack needs of each of its lexicons, whatever their values, to index their
/// first words together.
pub(crate) trait FirstWords {
    fn first_word_keys(&self) -> Vec<u64>;
    /// The first word of each phrase that starts with a stem or a number: a token is
    /// matched against these once, when the pack indexes it.
    fn first_stems(&self) -> Vec<Pattern>;
    fn set_bit(&mut self, bit: LexiconBits);
    /// Adds every word of every phrase (exact words and stems) to a vocabulary.
    fn add_words(&self, vocabulary: &mut Vocabulary);
}

impl<T> FirstWords for Lexicon<T> {
    fn first_word_keys(&self) -> Vec<u64> {
        self.first_slots.keys().collect()
    }

    fn first_stems(&self) -> Vec<Pattern> {
        self.stem_first.iter().filter_map(|(patterns, _)| patterns.first().cloned()).collect()
    }

    fn add_words(&self, vocabulary: &mut Vocabulary) {
        let phrases = self.groups.iter().flat_map(|group| &group.phrases).chain(&self.stem_first);
        for pattern in phrases.flat_map(|(patterns, _)| patterns) {
            match pattern {
                Pattern::Exact(word, _) => vocabulary.add_word(word),
                Pattern::Stem(stem) => vocabulary.add_stem(stem),
                Pattern::Number => {}
            }
        }
    }

    fn set_bit(&mut self, bit: LexiconBits) {
        self.bit = bit;
    }
}

/// A match of a lexicon phrase: tokens `start..end` of the tokens searched.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit<'a, T> {
    pub start: usize,
    pub end: usize,
    pub value: &'a T,
}

impl<T: Clone> Lexicon<T> {
    /// Builds a lexicon from phrases as written in a pack; they are tokenized with the same
    /// rules as the text so that "d'Idlib" in a pack and in an article agree.
    pub fn new<'p>(entries: impl IntoIterator<Item = (&'p str, T)>, rules: &WordRules) -> Self {
        let mut lexicon = Lexicon::default();
        for (phrase, value) in entries {
            lexicon.insert(phrase, value, rules);
        }
        lexicon.sort();
        lexicon
    }

    fn insert(&mut self, phrase: &str, value: T, rules: &WordRules) {
        let patterns: Vec<Pattern> = phrase
            .split_whitespace()
            .flat_map(|word| {
                if word == "#" {
                    return vec![Pattern::Number];
                }
                let stem = word.len() > 1 && word.ends_with('*');
                let word = word.trim_end_matches('*');
                let mut toks: Vec<Pattern> =
                    tokenize(word, rules).into_iter().map(|t| Pattern::Exact(t.norm.to_string(), t.key)).collect();
                if stem {
                    if let Some(Pattern::Exact(last, _)) = toks.pop() {
                        toks.push(Pattern::Stem(last));
                    }
                }
                toks
            })
            .collect();
        match patterns.first() {
            None => {}
            Some(Pattern::Exact(word, key)) => {
                let at = match self.find_group(*key, word) {
                    Some(at) => at,
                    None => self.add_group(*key, word),
                };
                self.groups[at].phrases.push((patterns, value));
            }
            Some(_) => self.stem_first.push((patterns, value)),
        }
    }

    /// The place in `groups` of the group of a first word with its key.
    fn find_group(&self, key: u64, word: &str) -> Option<usize> {
        // While the lexicon is built, its words are in the map; then in the table only.
        let first = match self.by_first_word.get(&key) {
            Some(first) => first,
            None => self.first_slots.get(key)?,
        };
        self.group_index_from(first, word)
    }

    /// The place in `groups` of `word`'s group, starting from the first word found under
    /// its key: that word's own group, else one chained after it. Always in line: left to
    /// the compiler it stayed a call at every lookup of a token's group, a few hundred an
    /// article, for a body of a comparison or two.
    #[inline(always)]
    fn group_index_from(&self, first: &FirstWord, word: &str) -> Option<usize> {
        if same(&first.word, word) {
            return Some(first.group);
        }
        self.chained_group_index(first.next, word)
    }

    /// Adds an empty group for a first word not seen yet, chained after the groups of other
    /// words with the same key; its place in `groups`.
    fn add_group(&mut self, key: u64, word: &str) -> usize {
        let at = self.groups.len();
        self.groups.push(WordPhrases::new(word.to_string()));
        match self.by_first_word.get_mut(&key) {
            None => {
                self.by_first_word.insert(key, FirstWord { word: CompactString::from(word), group: at, next: 0 });
            }
            Some(first) => {
                // Chained right after the slot's own group.
                let after = std::mem::replace(&mut first.next, at + 1);
                self.groups[at].next_same_key = after;
            }
        }
        at
    }

    fn sort(&mut self) {
        for group in &mut self.groups {
            group.sort();
        }
        self.stem_first.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        let phrases = self.groups.iter().flat_map(|group| &group.phrases).chain(&self.stem_first);
        self.longest = phrases.map(|(patterns, _)| patterns.len()).max().unwrap_or(0);
        // The table holds the words from now on: the map is let go.
        self.first_slots = KeyTable::of(&std::mem::take(&mut self.by_first_word));
    }

    /// Whether any phrase may start with the token, by its word or by a stem or number: the
    /// pack that indexed the token set this lexicon's bit for either, so the index answers
    /// for most tokens without a lookup.
    #[inline]
    pub fn may_start_with(&self, first: &Token) -> bool {
        self.bit == 0 || first.first_of & self.bit != 0
    }

    /// The phrases whose first word is the token's.
    fn starting_with(&self, first: &Token) -> &[(Vec<Pattern>, T)] {
        self.group_of(first).map_or(&[], |group| &group.phrases)
    }

    /// Every phrase that may start at the token: those of its word, then those starting with
    /// a stem or number; each with whether its first word is known to match already.
    fn phrases_from<'a>(&'a self, first: &Token) -> impl Iterator<Item = (&'a (Vec<Pattern>, T), bool)> {
        let by_word = self.starting_with(first).iter().map(|phrase| (phrase, true));
        by_word.chain(self.stem_first.iter().map(|phrase| (phrase, false)))
    }

    /// The phrases whose first word is the token's, with their index. Always in line, as
    /// [`Lexicon::group_index_from`]: it was a call of its own from the scans.
    #[inline(always)]
    fn group_of(&self, first: &Token) -> Option<&WordPhrases<T>> {
        if !self.may_start_with(first) {
            return None;
        }
        let slot = self.first_slots.get(first.key)?;
        self.group_index_from(slot, &first.norm).and_then(|at| self.groups.get(at))
    }

    /// The place in `groups` of a word that shares its key with the word of the slot, found
    /// along the chain from `next`: the rare case, kept out of line.
    #[inline(never)]
    fn chained_group_index(&self, mut next: usize, word: &str) -> Option<usize> {
        while let Some(at) = next.checked_sub(1) {
            let group = self.groups.get(at)?;
            if same(&group.word, word) {
                return Some(at);
            }
            next = group.next_same_key;
        }
        None
    }

    /// Whether a folded word is a phrase of one word of this lexicon.
    pub fn has_word(&self, norm: &str) -> bool {
        let key = crate::tokens::word_key(norm);
        self.find_group(key, norm).is_some_and(|at| {
            self.groups[at].phrases.iter().any(|(p, _)| matches!(p.as_slice(), [Pattern::Exact(w, _)] if w == norm))
        })
    }

    /// The longest phrase starting at token `at`.
    #[inline]
    pub fn match_at<'a>(&'a self, tokens: &[Token], at: usize) -> Option<Hit<'a, T>> {
        let first = tokens.get(at)?;
        if !self.may_start_with(first) {
            return None;
        }
        self.longest_at(tokens, at, first)
    }

    fn longest_at<'a>(&'a self, tokens: &[Token], at: usize, first: &Token) -> Option<Hit<'a, T>> {
        let group = self.group_of(first);
        let mut best: Option<Hit<'a, T>> = group.and_then(|group| {
            let (patterns, value) = &group.phrases[group.longest_match(tokens, at)?];
            Some(Hit { start: at, end: at + patterns.len(), value })
        });
        // A phrase starting with a stem or number wins only when longer.
        for (patterns, value) in &self.stem_first {
            let end = at + patterns.len();
            if best.as_ref().is_some_and(|b| b.end >= end) || end > tokens.len() {
                continue;
            }
            if phrase_matches(patterns, &tokens[at..end], false) {
                best = Some(Hit { start: at, end, value });
            }
        }
        best
    }

    /// Every non-overlapping match, scanning left to right, longest first at each position.
    pub fn find_all<'a>(&'a self, tokens: &[Token]) -> Vec<Hit<'a, T>> {
        let mut hits = Vec::new();
        self.each_match(tokens, |hit| hits.push(hit));
        hits
    }

    /// Calls `each` with every match [`Lexicon::find_all`] finds, in its order.
    #[inline]
    fn each_match<'a>(&'a self, tokens: &[Token], each: impl FnMut(Hit<'a, T>)) {
        self.each_match_from(tokens, |from| self.next_start(tokens, from), each);
    }

    /// [`Lexicon::each_match`], with the token a phrase may start at next, at `from` or
    /// after, told by `next_start`.
    #[inline]
    fn each_match_from<'a>(
        &'a self,
        tokens: &[Token],
        next_start: impl Fn(usize) -> Option<usize>,
        mut each: impl FnMut(Hit<'a, T>),
    ) {
        let mut at = 0;
        while let Some(start) = next_start(at) {
            match self.longest_at(tokens, start, &tokens[start]) {
                Some(hit) => {
                    at = hit.end;
                    each(hit);
                }
                None => at = start + 1,
            }
        }
    }

    /// The first token at `from` or after that a phrase may start with
    /// ([`Lexicon::may_start_with`]). Most tokens are skipped: the lexicon's bit is one bit,
    /// so only the half of [`Token::first_of`] that holds it is read, in a loop that steps
    /// through the tokens by pointer.
    #[inline]
    fn next_start(&self, tokens: &[Token], from: usize) -> Option<usize> {
        let rest = tokens.get(from..)?;
        let (low, high) = (self.bit as u64, (self.bit >> 64) as u64);
        let found = if self.bit == 0 {
            (!rest.is_empty()).then_some(0)
        } else if high == 0 {
            first_with_low_bits(rest, low)
        } else if low == 0 {
            first_with_high_bits(rest, high)
        } else {
            rest.iter().position(|t| t.first_of & self.bit != 0)
        };
        found.map(|at| from + at)
    }

    /// The token range of every match [`Lexicon::find_all`] finds: where the text says what
    /// the lexicon lists, when what it lists does not matter.
    pub fn spans(&self, tokens: &[Token]) -> Vec<(usize, usize)> {
        // Collected straight, not through a vector of hits.
        let mut spans = Vec::new();
        self.each_match(tokens, |hit| spans.push((hit.start, hit.end)));
        spans
    }

    /// [`Lexicon::spans`] of the tokens `starts` was made of: each next token a phrase may
    /// start at read from the lexicon's row there, not found by testing every token's bits.
    pub fn spans_at(&self, tokens: &[Token], starts: &Starts) -> Vec<(usize, usize)> {
        let mut spans = Vec::new();
        self.each_match_at(tokens, starts, |hit| spans.push((hit.start, hit.end)));
        spans
    }

    /// [`Lexicon::find_all`] of the tokens `starts` was made of, as [`Lexicon::spans_at`]
    /// finds them.
    pub fn find_all_at<'a>(&'a self, tokens: &[Token], starts: &Starts) -> Vec<Hit<'a, T>> {
        let mut hits = Vec::new();
        self.each_match_at(tokens, starts, |hit| hits.push(hit));
        hits
    }

    /// [`Lexicon::each_match`] going from start to start by the lexicon's row of `starts`
    /// (testing every token's bits when `starts` holds no row of these tokens for it).
    #[inline]
    fn each_match_at<'a>(&'a self, tokens: &[Token], starts: &Starts, each: impl FnMut(Hit<'a, T>)) {
        match starts.row(self.bit, tokens) {
            Some(row) => self.each_match_from(tokens, |from| next_in_row(row, from), each),
            None => self.each_match(tokens, each),
        }
    }

    /// Whether some phrase ends exactly at token `end` (exclusive), looking back at most
    /// `max_len` tokens: used for markers that stand just before a name ("la ville de").
    pub fn match_ending_at<'a>(&'a self, tokens: &[Token], end: usize, max_len: usize) -> Option<Hit<'a, T>> {
        // No phrase is longer than the lexicon's longest: starts further back span none.
        let max_len = max_len.min(self.longest);
        (end.saturating_sub(max_len)..end).find_map(|start| self.phrase_spanning(tokens, start, end))
    }

    /// The last end, at token `end` or before but not before `end + 1 - reach`, of a phrase
    /// of at most `max_len` tokens: the end of the phrase nearest before `end`, as the
    /// first `e` (counting down from `end`) for which [`Lexicon::match_ending_at`]`(tokens,
    /// e, max_len)` finds one, each start looked up once rather than once per end.
    pub fn last_end_within(&self, tokens: &[Token], end: usize, reach: usize, max_len: usize) -> Option<usize> {
        // No phrase is longer than the lexicon's longest: one starting further back than
        // that from the lowest end ends before it, and none reaches further than that.
        let max_len = max_len.min(self.longest);
        let lowest_end = (end + 1).saturating_sub(reach).max(1);
        let ends = lowest_end..=end.min(tokens.len());
        let mut last: Option<usize> = None;
        // Starts from the nearest down; one that cannot reach past the last end found stops.
        for start in (lowest_end.saturating_sub(max_len)..end.min(tokens.len())).rev() {
            if last.is_some_and(|e| start + max_len <= e) {
                break;
            }
            let first = &tokens[start];
            if !self.may_start_with(first) {
                continue;
            }
            for ((patterns, _), first_known) in self.phrases_from(first) {
                let phrase_end = start + patterns.len();
                let further = last.is_none_or(|e| phrase_end > e);
                if further
                    && patterns.len() <= max_len
                    && ends.contains(&phrase_end)
                    && phrase_matches(patterns, &tokens[start..phrase_end], first_known)
                {
                    last = Some(phrase_end);
                }
            }
        }
        last
    }

    /// A phrase covering exactly tokens `start..end`, even where a longer one also starts
    /// at `start` ("de" before "l'armée", though the lexicon also holds "de l'").
    fn phrase_spanning<'a>(&'a self, tokens: &[Token], start: usize, end: usize) -> Option<Hit<'a, T>> {
        let first = tokens.get(start)?;
        if !self.may_start_with(first) {
            return None;
        }
        let len = end.checked_sub(start)?;
        let span = tokens.get(start..end)?;
        // The phrases of the token's word first, then those starting with a stem or a
        // number, as `phrases_from` gives them; a phrase of the word alone matches without
        // a call to compare the rest.
        let by_word = self.group_of(first).map_or(&[][..], |group| &group.phrases);
        if let Some((_, value)) = by_word
            .iter()
            .find(|(patterns, _)| patterns.len() == len && (len == 1 || phrase_matches(patterns, span, true)))
        {
            return Some(Hit { start, end, value });
        }
        self.stem_first
            .iter()
            .find(|(patterns, _)| patterns.len() == len && phrase_matches(patterns, span, false))
            .map(|(_, value)| Hit { start, end, value })
    }

    /// Whether no phrase of the lexicon starts in tokens whose [`Token::first_of`] bits,
    /// joined, are `present`: a scan of them would find nothing.
    pub fn absent_from(&self, present: LexiconBits) -> bool {
        self.bit != 0 && present & self.bit == 0
    }

    /// This lexicon's bit in its pack's index of first words, or `None` when it has none
    /// (every token must then be looked at): for a caller that asks of many lexicons at
    /// once whether a token may start one of their phrases, with one mask.
    pub fn start_bit(&self) -> Option<LexiconBits> {
        (self.bit != 0).then_some(self.bit)
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty() && self.stem_first.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> WordRules {
        WordRules::new(vec!["d'".into()], vec![])
    }

    #[test]
    fn longest_phrase_wins_and_stems_match() {
        let lex =
            Lexicon::new([("forces", 1), ("forces du régime", 2), ("bombard*", 3), ("# derniers jours", 4)], &rules());
        let toks = tokenize("Les forces du regime ont bombardé en 10 derniers jours", &rules());
        let hits: Vec<(usize, usize, i32)> =
            lex.find_all(&toks).into_iter().map(|h| (h.start, h.end, *h.value)).collect();
        assert_eq!(hits, [(1, 4, 2), (5, 6, 3), (7, 10, 4)]);
    }

    #[test]
    fn of_the_phrases_sharing_a_first_word_the_longest_that_matches_wins() {
        let lex = Lexicon::new(
            [("de", 1), ("de la", 2), ("de la ville", 3), ("de # jours", 4), ("de la ville de", 5), ("de la route", 6)],
            &rules(),
        );
        let first = |text: &str| lex.find_all(&tokenize(text, &rules())).first().map(|h| (h.end, *h.value));
        assert_eq!(first("de la ville"), Some((3, 3)));
        assert_eq!(first("de la ville de Hama"), Some((4, 5)));
        assert_eq!(first("de la route"), Some((3, 6)));
        assert_eq!(first("de la rue"), Some((2, 2)));
        assert_eq!(first("de 3 jours"), Some((3, 4)));
        assert_eq!(first("de 3 mois"), Some((1, 1)));
        assert_eq!(first("de"), Some((1, 1)));
    }

    #[test]
    fn a_shorter_phrase_ends_where_asked_though_a_longer_one_starts_with_it() {
        let rules = WordRules::new(vec!["l'".into()], vec![]);
        let lex = Lexicon::new([("de", ()), ("de l'", ())], &rules);
        let toks = tokenize("frappes de l'armée", &rules);
        assert!(lex.match_ending_at(&toks, 2, 2).is_some(), "\"de\" ends before \"l'\"");
        assert!(lex.match_ending_at(&toks, 3, 2).is_some(), "\"de l'\" ends before \"armée\"");
    }

    #[test]
    fn the_last_end_within_reach_is_the_nearest_phrase_end_match_ending_at_finds() {
        let lex = Lexicon::new([("au sud", ()), ("sud de", ()), ("près de la", ()), ("# km", ())], &rules());
        let toks = tokenize("à 5 km au sud de la ville de Hama près de la route", &rules());
        for end in 0..=toks.len() + 1 {
            for reach in 1..=5 {
                let nearest = (0..reach)
                    .map(|back| end.wrapping_sub(back))
                    .find(|&e| e >= 1 && e <= end && lex.match_ending_at(&toks, e, 3).is_some());
                assert_eq!(lex.last_end_within(&toks, end, reach, 3), nearest, "end {end}, reach {reach}");
            }
        }
    }

    #[test]
    fn phrases_are_tokenized_like_text() {
        let lex = Lexicon::new([("campagne d'", ())], &rules());
        let toks = tokenize("la campagne d’Idlib", &rules());
        assert!(lex.match_ending_at(&toks, 3, 3).is_some());
        assert!(lex.match_ending_at(&toks, 2, 3).is_none());
    }
}
