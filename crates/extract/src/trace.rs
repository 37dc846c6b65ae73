//! How each sentence was read, for `frontline explain`: its mentions, the events it gave
//! and why its triggers gave none. Written only when a reading is explained, since the
//! strings cost a good part of the reading.

use frontline_lang::{Token, TokenKind};

use crate::reader::SentenceReader;
use crate::segment::{Sentence, SentenceKind};
use crate::spot::span_text;

/// How one sentence was read.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceTrace {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: SentenceKind,
    pub mentions: Vec<String>,
    /// Ids of the events this sentence gave (before merging within the article).
    pub events: Vec<String>,
    /// Why triggers gave no event, and other decisions.
    pub notes: Vec<String>,
    /// Whether mentions and notes were written: only when a reading is explained, since
    /// writing them costs a good part of the reading.
    pub recording: bool,
}

impl SentenceTrace {
    /// The trace of a sentence before it is read: its text only when the reading is
    /// explained.
    pub(crate) fn new(sentence: &Sentence<'_>, recording: bool) -> SentenceTrace {
        SentenceTrace {
            start: sentence.start,
            end: sentence.end,
            text: if recording { sentence.text.to_string() } else { String::new() },
            kind: sentence.kind,
            mentions: Vec::new(),
            events: Vec::new(),
            notes: Vec::new(),
            recording,
        }
    }

    pub(crate) fn note(&mut self, note: impl FnOnce() -> String) {
        if self.recording {
            self.notes.push(note());
        }
    }
}

/// Words written joined that the tokenizer split (clitics, elisions): each as its pieces,
/// the form each piece was matched in after the arrow where it differs from the text.
fn joined_words(tokens: &[Token]) -> Vec<Vec<String>> {
    let mut words: Vec<Vec<String>> = Vec::new();
    let mut previous_end = None;
    for token in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        let piece = if frontline_core::fold_word(token.text) == token.norm.as_str() {
            token.text.to_string()
        } else {
            format!("{} ({})", token.text, token.norm)
        };
        match words.last_mut() {
            Some(word) if previous_end == Some(token.start) => word.push(piece),
            _ => words.push(vec![piece]),
        }
        previous_end = Some(token.end);
    }
    words.retain(|pieces| pieces.len() > 1);
    words
}

impl SentenceReader<'_, '_> {
    /// The sentence's mentions, written into its trace.
    pub(crate) fn describe(&self, trace: &mut SentenceTrace) {
        if !trace.recording {
            return;
        }
        let s = self.spotted;
        let text = |a: usize, b: usize| span_text(self.text, &s.tokens, a, b);
        trace
            .mentions
            .extend(joined_words(&s.tokens).into_iter().map(|pieces| format!("split {}", pieces.join(" + "))));
        trace.mentions.extend(s.triggers.iter().map(|t| format!("trigger {:?} ({:?})", t.text, t.trigger.kind)));
        trace.mentions.extend(s.actors.iter().map(|a| match a.joint {
            Some(j) => format!("actor {:?} = {} with {}", a.text, a.id, j),
            None => format!("actor {:?} = {}", a.text, a.id),
        }));
        trace.mentions.extend(s.places.iter().map(|p| {
            if p.referent.is_some() && p.start == p.end {
                format!("place {:?} as {:?}, unnamed: the one town the report has named", p.text, p.role)
            } else if p.referent.is_some() {
                format!("place {:?} as {:?}, referred to as {:?}", p.text, p.role, text(p.start, p.end))
            } else {
                format!("place {:?} as {:?}", p.text, p.role)
            }
        }));
        trace.mentions.extend(s.dates.iter().map(|d| format!("date {:?}: {}", text(d.start, d.end), d.window.rule)));
        trace.mentions.extend(s.numbers.iter().map(|n| format!("number {:?} = {}", text(n.start, n.end), n.value)));
        trace.mentions.extend(s.sources.iter().map(|&(a, b)| format!("source {:?}", text(a, b))));
        for &(a, b) in s.hypothetical.iter().chain(&s.purposes) {
            trace.mentions.push(format!("marker: hypothetical {:?}", text(a, b)));
        }
        if s.aggregate {
            trace.mentions.push("marker: aggregate over a period".into());
        }
    }
}
