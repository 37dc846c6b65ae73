//! Cutting an article's text into sentences with byte offsets, and setting aside what is not
//! the article's own prose: headings, photo captions, repeated blocks, widget lines.

use frontline_lang::{LanguagePack, Token, TokenKind};

/// Why a block of text yields no events, or that it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SentenceKind {
    Body,
    /// A line without final punctuation: a title, a section heading, a menu or widget line.
    Heading,
    /// A photo caption or credit.
    Caption,
    /// A paragraph the page repeats (captions and teasers often appear twice).
    Repeated,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sentence<'a> {
    pub text: &'a str,
    /// Byte offsets in the article's text.
    pub start: usize,
    pub end: usize,
    pub kind: SentenceKind,
    /// The sentence's tokens, offsets in `text`; the paragraph is tokenized once for both
    /// telling its kind and reading its sentences.
    pub tokens: Vec<Token<'a>>,
}

const CLOSING_QUOTES: &[char] = &['"', '»', '”', '\'', ')'];
/// Closing quotation marks (not brackets, which close captions too).
const QUOTE_MARKS: &[char] = &['"', '»', '”'];

/// Splits a text into paragraphs and those into sentences. A paragraph is a line, or the
/// lines a hard-wrapped text broke it into (see [`paragraphs`]).
pub fn sentences<'a>(text: &'a str, pack: &LanguagePack) -> Vec<Sentence<'a>> {
    let mut out = Vec::new();
    let mut seen_paragraphs: Vec<&str> = Vec::new();
    for (start, end) in paragraphs(text) {
        let trimmed = &text[start..end];
        let (kind, tokens) = paragraph_kind(trimmed, pack, &seen_paragraphs);
        seen_paragraphs.push(trimmed);
        if kind != SentenceKind::Body {
            out.push(Sentence { text: trimmed, start, end, kind, tokens });
            continue;
        }
        let ranges = split_sentences(trimmed, pack);
        // The tokens up to each sentence's end are its own (less any that straddle a
        // boundary). They are handed out from the last sentence back: each sentence's are cut
        // off the paragraph's in one copy (the first sentence keeps the paragraph's vector),
        // not moved one by one. The tokens run in the order of the text: those before an end
        // are a prefix, found by a binary search without a vector of counts.
        debug_assert!(tokens.windows(2).all(|pair| pair[0].start <= pair[1].start));
        let upto = |tokens: &[Token], end: usize| tokens.partition_point(|t| t.start < end);
        let mut tokens = tokens;
        // Past the last sentence's end no token is any sentence's; each sentence then leaves
        // the paragraph's vector ending where the one before it ends.
        if let Some(&(_, last_end)) = ranges.last() {
            tokens.truncate(upto(&tokens, last_end));
        }
        let first = out.len();
        for (k, &(s, e)) in ranges.iter().enumerate().rev() {
            let from = if k == 0 { 0 } else { upto(&tokens, ranges[k - 1].1) };
            let mut own = if from == 0 { std::mem::take(&mut tokens) } else { tokens.split_off(from) };
            if own.iter().any(|t| t.start < s || t.end > e) {
                own.retain(|t| t.start >= s && t.end <= e);
            }
            for token in &mut own {
                token.start -= s;
                token.end -= s;
            }
            out.push(Sentence {
                text: &text[start + s..start + e],
                start: start + s,
                end: start + e,
                kind,
                tokens: own,
            });
        }
        out[first..].reverse();
    }
    out
}

/// Lines at most this long may be a hard-wrapped text's (feeds wrap at 60 to 80 columns).
const MAX_WRAP_WIDTH: usize = 100;
/// A wrapped line fills at least this share of the text's width; a shorter one ends its
/// paragraph (or is a headline).
const FULL_LINE_SHARE: f64 = 0.75;

/// Byte ranges of the paragraphs, trimmed. A line continues into the next when it does not
/// end like a sentence and either the next starts in lower case, or the text is
/// hard-wrapped (three lines or more, none longer than a feed's width) and the line fills
/// it: a line without final punctuation that is as long as the text's lines is text cut by
/// the wrap, not a heading.
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let start = offset + (line.len() - line.trim_start().len());
            lines.push((start, start + trimmed.len()));
        } else {
            lines.push((offset, offset));
        }
        offset += line.len();
    }
    let width = |&(s, e): &(usize, usize)| text[s..e].chars().count();
    // The text's width is that of its lines of words: a link or a file name alone on its
    // line is no wrapped prose, however long.
    let of_words = |&(s, e): &(usize, usize)| text[s..e].contains(char::is_whitespace);
    let widest = lines.iter().filter(|l| of_words(l)).map(width).max().unwrap_or(0);
    let wrapped = widest <= MAX_WRAP_WIDTH && lines.iter().filter(|l| width(l) > 0).count() >= 3;
    let continues = |line: (usize, usize), next: (usize, usize)| {
        let this = &text[line.0..line.1];
        let next_text = &text[next.0..next.1];
        // A wrap cuts between words: the line ends in a word, a number or a mark inside a
        // sentence, not in a bracket that closes a caption.
        let last = this.chars().last();
        let cut_inside = last.is_some_and(|c| c.is_alphanumeric() || ",;:-–(«،؛".contains(c));
        // A comma or a semicolon never ends a paragraph: the line goes on, whatever the next
        // starts with (a name's capital, or a script without capitals).
        let cut_at_pause = last.is_some_and(|c| ",;،؛".contains(c));
        let lower_start = next_text.chars().next().is_some_and(char::is_lowercase);
        // A quotation closed inside its sentence ("la « zone autonome » kurde") may be cut
        // after its closing mark: with no final stop before the mark and the next line in
        // lower case, the sentence goes on.
        let quote_inside = this.trim_end_matches(QUOTE_MARKS).len() < this.len()
            && !this.trim_end_matches(QUOTE_MARKS).trim_end().ends_with(is_final_mark);
        if next_text.is_empty() {
            return false;
        }
        if !cut_inside {
            return quote_inside && lower_start;
        }
        cut_at_pause || lower_start || (wrapped && width(&line) as f64 >= FULL_LINE_SHARE * widest as f64)
    };
    let mut paragraphs: Vec<(usize, usize)> = Vec::new();
    let mut previous: Option<(usize, usize)> = None;
    for &line in &lines {
        match (previous, paragraphs.last_mut()) {
            (Some(before), Some(last)) if continues(before, line) => last.1 = line.1,
            _ if line.0 < line.1 => paragraphs.push(line),
            _ => {}
        }
        previous = Some(line);
    }
    paragraphs
}

/// The most words a headline has: a paragraph without final punctuation that is longer is
/// prose.
const HEADLINE_WORDS: usize = 20;

/// The paragraph's kind, and its tokens when it is prose (others are not read further).
fn paragraph_kind<'p>(paragraph: &'p str, pack: &LanguagePack, seen: &[&str]) -> (SentenceKind, Vec<Token<'p>>) {
    if seen.contains(&paragraph) {
        return (SentenceKind::Repeated, Vec::new());
    }
    let tokens = pack.tokenize(paragraph);
    if !pack.caption_markers.find_all(&tokens).is_empty() {
        return (SentenceKind::Caption, Vec::new());
    }
    let words = tokens.iter().filter(|t| t.kind == TokenKind::Word).count();
    // A line longer than any headline is prose even when its final stop was lost (a feed
    // that drops it, a quote that ends the paragraph).
    let ends_like_prose =
        paragraph.trim_end().ends_with(|c| is_final_mark(c) || CLOSING_QUOTES.contains(&c)) || words > HEADLINE_WORDS;
    if !ends_like_prose || words < 4 {
        return (SentenceKind::Heading, Vec::new());
    }
    (SentenceKind::Body, tokens)
}

/// Byte ranges of the sentences of one paragraph. A sentence ends at a final mark (with the
/// closing quotes and brackets after it) followed by a space and by what may start a
/// sentence, unless the mark ends an abbreviation.
fn split_sentences(paragraph: &str, pack: &LanguagePack) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut start = 0;
    // Marks are looked for from here on: the text is walked once, without a copy.
    let mut from = 0;
    while let Some((at, mark)) = next_final_mark(paragraph, from) {
        let after_mark = at + mark.len_utf8();
        // Take closing quotes and brackets with the sentence.
        let quoted = &paragraph[after_mark..];
        let end = after_mark + (quoted.len() - quoted.trim_start_matches(CLOSING_QUOTES).len());
        let rest = &paragraph[end..];
        let followed_by_space = rest.chars().next().is_some_and(char::is_whitespace);
        // A script that has no capitals and no abbreviation stops of the Latin kind ("M.",
        // "Gen.") may write a full stop straight against the next sentence's first word
        // ("...البلدة.وقال"): a stop between two words of its own letters ends a sentence.
        let glued = !pack.cased
            && mark == '.'
            && end == after_mark
            && own_word_before(paragraph, start, at, pack)
            && own_word_after(rest, pack);
        let next_starts_sentence = rest
            .chars()
            .find(|c| !c.is_whitespace())
            // Without capitals, any letter may start the next sentence.
            .is_some_and(|c| {
                c.is_uppercase() || c.is_ascii_digit() || "\"«“'(".contains(c) || (!pack.cased && c.is_alphabetic())
            });
        if (followed_by_space && next_starts_sentence || glued) && !is_abbreviation(paragraph, start, at, mark, pack) {
            ranges.push((start, end));
            start = end + (rest.len() - rest.trim_start().len());
            from = end;
        } else {
            from = after_mark;
        }
    }
    if start < paragraph.len() {
        let rest = paragraph[start..].trim_end();
        if !rest.is_empty() {
            ranges.push((start, start + rest.len()));
        }
    }
    ranges
}

/// The letters of a script only the pack writes (no script listed: none).
fn in_script(c: char, pack: &LanguagePack) -> bool {
    pack.script.iter().any(|&(low, high)| (low..=high).contains(&c))
}

/// The word before a stop at `at` is one of the pack's own words: not an initial ("أ.ف.ب"),
/// a number or a Latin word.
fn own_word_before(paragraph: &str, sentence_start: usize, at: usize, pack: &LanguagePack) -> bool {
    is_own_word(paragraph[sentence_start..at].rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or(""), pack)
}

/// The text after a stop starts with one of the pack's own words.
fn own_word_after(rest: &str, pack: &LanguagePack) -> bool {
    is_own_word(rest.split(|c: char| !c.is_alphabetic()).next().unwrap_or(""), pack)
}

/// A word of at least two letters, all of the pack's script.
fn is_own_word(word: &str, pack: &LanguagePack) -> bool {
    word.chars().count() >= 2 && word.chars().all(|c| in_script(c, pack))
}

/// A mark that may end a sentence.
fn is_final_mark(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '…')
}

/// The first final mark at byte `from` or after, with its offset. The ASCII marks are
/// looked for as bytes, the others by the first byte of their UTF-8 form (the char there is
/// then read): the text is not decoded.
fn next_final_mark(text: &str, from: usize) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let ascii = memchr::memchr3(b'.', b'!', b'?', &bytes[from..]).map(|i| from + i);
    let (question, ellipsis) = (first_utf8_byte('؟'), first_utf8_byte('…'));
    let mut lead_from = from;
    loop {
        // Only what comes before the next ASCII mark is looked at for the others.
        let before = ascii.unwrap_or(bytes.len());
        let lead = memchr::memchr2(question, ellipsis, &bytes[lead_from..before]).map(|i| lead_from + i);
        match lead {
            Some(at) => match text[at..].chars().next().filter(|&c| is_final_mark(c)) {
                Some(mark) => return Some((at, mark)),
                None => lead_from = at + 1,
            },
            None => return ascii.map(|at| (at, char::from(bytes[at]))),
        }
    }
}

/// The first byte of a char's UTF-8 form.
const fn first_utf8_byte(c: char) -> u8 {
    let mut buffer = [0u8; 4];
    c.encode_utf8(&mut buffer);
    buffer[0]
}

/// A period after an abbreviation of the pack ("M.", "Gen.") or a lone initial ("J.") does
/// not end a sentence.
fn is_abbreviation(paragraph: &str, sentence_start: usize, dot_at: usize, mark: char, pack: &LanguagePack) -> bool {
    if mark != '.' {
        return false;
    }
    let before = &paragraph[sentence_start..dot_at];
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    pack.abbreviates(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use frontline_lang::Packs;

    fn pack(code: &str) -> LanguagePack {
        Packs::builtin().expect("packs load").get(code).expect("pack exists").clone()
    }

    #[test]
    fn splits_sentences_and_keeps_offsets() {
        let text =
            "Les forces ont avancé mardi. M. Dupont a parlé à la presse. \"Rien ne change.\" Fin du texte ici.\n";
        let got = sentences(text, &pack("fr"));
        let texts: Vec<&str> = got.iter().map(|s| s.text).collect();
        assert_eq!(
            texts,
            [
                "Les forces ont avancé mardi.",
                "M. Dupont a parlé à la presse.",
                "\"Rien ne change.\"",
                "Fin du texte ici."
            ]
        );
        for s in &got {
            assert_eq!(&text[s.start..s.end], s.text);
            assert_eq!(s.tokens, pack("fr").tokenize(s.text), "{}", s.text);
        }
    }

    #[test]
    fn a_stop_glued_to_the_next_arabic_word_ends_the_sentence() {
        let text = "قصفت الطائرات بلدة كفرنبل صباح اليوم.وقال ناشطون إن الغارات أوقعت قتلى في البلدة.\n";
        let got: Vec<&str> = sentences(text, &pack("ar")).iter().map(|s| s.text).collect();
        assert_eq!(got, ["قصفت الطائرات بلدة كفرنبل صباح اليوم.", "وقال ناشطون إن الغارات أوقعت قتلى في البلدة."]);
        // Initials and numbers keep their stops.
        let text = "نقلت وكالة أ.ف.ب عن مصدر أن 2.5 طن من المساعدات وصلت إلى المدينة أمس.\n";
        assert_eq!(sentences(text, &pack("ar")).len(), 1);
        // A cased script keeps needing the space.
        let text = "Troops entered the town of Nowhere on Monday.Officials confirmed it later that day.\n";
        assert_eq!(sentences(text, &pack("en")).len(), 1);
    }

    #[test]
    fn hard_wrapped_lines_are_joined_into_their_sentences() {
        let text = "Army retakes town\n\nGovernment forces recaptured the town on Tuesday after\nthree days of fighting with rebel groups, a monitor said on\nWednesday. Residents fled north towards the Turkish border\nand the camps there.\n";
        let got = sentences(text, &pack("en"));
        let body: Vec<&str> = got.iter().filter(|s| s.kind == SentenceKind::Body).map(|s| s.text).collect();
        assert_eq!(body.len(), 2, "{body:?}");
        assert!(body[0].starts_with("Government forces") && body[0].ends_with("on\nWednesday."), "{body:?}");
        assert_eq!(got[0].kind, SentenceKind::Heading);
        // A link alone on its line, longer than the feed's width, does not make the text
        // unwrapped.
        let linked = format!(
            "{text}https://example.org/media/2020/06/a-video-of-the-town-after-the-fighting-{}.mp4\n",
            "0".repeat(40)
        );
        let got = sentences(&linked, &pack("en"));
        assert!(got.iter().any(|s| s.kind == SentenceKind::Body
            && s.text.starts_with("Government forces")
            && s.text.ends_with("on\nWednesday.")));
        // A line cut before a word in lower case continues, whatever the text's width.
        let french = "Les forces du régime ont repris la ville de Saraqeb mardi, après de violents combats avec les\nrebelles, selon l'OSDH.\n";
        let got = sentences(french, &pack("fr"));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].kind, SentenceKind::Body);
        // So does a line cut after a quotation closed inside its sentence; one closed after
        // its stop ends it.
        let quoted = "Un camion a explosé devant les bureaux de la « zone autonome »\nkurde dans la ville, selon une source locale.\n";
        assert_eq!(sentences(quoted, &pack("fr")).len(), 1);
        // A line cut after a comma goes on, in a script without capitals as in one with them.
        let arabic = "وقصفت طائرات حربية ومدفعية أمس مناطق حول بلدة كفرنبل،\nوهي واحدة من بلدتين يتركز فيهما الهجوم.\n";
        let got = sentences(arabic, &pack("ar"));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].kind, SentenceKind::Body);
        let english = "Warplanes struck the town of Kafranbel,\nSaraqib and Maarat al-Numan on Tuesday.\n";
        assert_eq!(sentences(english, &pack("en")).len(), 1);
        let ended =
            "« Nous avons quitté la ville hier soir. »\nles habitants sont partis vers le nord selon une source.\n";
        assert_eq!(sentences(ended, &pack("fr")).len(), 2);
    }

    #[test]
    fn headings_captions_and_repeats_are_set_aside() {
        let text = "World News\nA boy walks past a ruined house in the old city. [Photo by a reporter]\nTroops entered the town of Nowhere on Monday, officials said.\nA boy walks past a ruined house in the old city. [Photo by a reporter]\n";
        let kinds: Vec<SentenceKind> = sentences(text, &pack("en")).iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [SentenceKind::Heading, SentenceKind::Caption, SentenceKind::Body, SentenceKind::Repeated]);
    }

    #[test]
    fn a_line_longer_than_a_headline_is_prose_without_its_final_stop() {
        let text = "Army retakes town in the north
Government forces entered the town of Nowhere on Monday after rebels withdrew overnight toward the hills to the north, residents and a local official told reporters by telephone
";
        let kinds: Vec<SentenceKind> = sentences(text, &pack("en")).iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [SentenceKind::Heading, SentenceKind::Body]);
    }
}
