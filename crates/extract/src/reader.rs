//! One prose sentence as every stage sees it: its mentions, its place in the article, and
//! the tests of clauses and lists the frame readers, the discourse pass and place
//! resolution all ask.

use crate::context::ArticleContext;
use crate::place::HOME_COUNTRY;
use crate::spot::{PlaceMention, PlaceRole, Spotted};

pub(crate) struct SentenceReader<'a, 's> {
    pub ctx: &'a ArticleContext<'a>,
    pub spotted: &'s Spotted<'s>,
    pub index: usize,
    /// The index among the article's prose sentences: headings, captions and credit lines
    /// do not move a sentence's place in the report.
    pub prose_index: usize,
    /// Byte offset of the sentence in the article.
    pub start: usize,
    pub text: &'s str,
}

impl SentenceReader<'_, '_> {
    /// Whether the tokens between two positions only join items of a list: connectors,
    /// place nouns, small words, and the region a group of items lies in ("the hamlets A
    /// and B east of Homs, as well as the hamlet of C").
    pub(crate) fn only_connectors(&self, from: usize, to: usize) -> bool {
        let tokens = &self.spotted.tokens;
        let pack = self.ctx.pack;
        // A region or landmark between items situates them ("Sarmin, à l'est d'Idleb, ainsi
        // que Khan Cheikhoun").
        let aside_at = |at: usize| {
            self.spotted
                .places
                .iter()
                .find(|p| {
                    p.start == at && matches!(p.role, PlaceRole::Region { .. } | PlaceRole::Landmark | PlaceRole::Near)
                })
                .map(|p| p.end)
        };
        let mut at = from;
        while at < to {
            let small_word = pack.function_words.contains(tokens[at].norm.as_str()).then_some(at + 1);
            let hit = pack
                .list_connectors
                .match_at(tokens, at)
                .or_else(|| pack.list_introducers.match_at(tokens, at))
                .or_else(|| pack.place_nouns.match_at(tokens, at))
                .or_else(|| {
                    pack.region_words.match_at(tokens, at).map(|h| frontline_lang::Hit {
                        start: h.start,
                        end: h.end,
                        value: &(),
                    })
                })
                .or_else(|| pack.directions.match_at(tokens, at))
                .or_else(|| pack.landmark_markers.match_at(tokens, at))
                .or_else(|| pack.bearing_markers.match_at(tokens, at))
                .map(|h| h.end)
                .or_else(|| aside_at(at))
                .or(small_word);
            match hit {
                Some(end) if end <= to => at = end,
                _ => return false,
            }
        }
        true
    }

    /// No clause break between two token positions: a comma (or the mark the pack's script
    /// writes for one, as Arabic "،") is allowed only before a list ("trois localités, dont
    /// : A") or around a date set off as an aside ("ont mené, mardi 28 mai, des raids").
    pub(crate) fn same_clause(&self, from: usize, to: usize) -> bool {
        let tokens = &self.spotted.tokens;
        let pack = self.ctx.pack;
        (from..to).all(|i| {
            let t = &tokens[i];
            // Only marks break a clause: a word or a number (most tokens) is passed without
            // the three tests of marks below, each a call.
            if t.kind != frontline_lang::TokenKind::Punct {
                return true;
            }
            if pack.is_mark(t, "()") {
                return is_short_aside(tokens, i, pack);
            }
            if pack.is_mark(t, ";.!?") {
                return self.stops_an_abbreviation(i);
            }
            if pack.is_mark(t, ",") {
                return pack.list_introducers.match_at(tokens, i + 1).is_some()
                    || self.bounds_dated_aside(i)
                    || self.joins_listed_places(i)
                    || self.names_after_their_noun(i);
            }
            // "، مضيفا أن": whatever the mark (the Arabic comma ends no clause of its own).
            !self.opens_a_reported_clause(i + 1)
        })
    }

    /// Whether a reported clause opens at `at`: a mark, then a participle of saying ("،
    /// مضيفا أن", ", adding that"). It tells other deeds than the clause before it, which
    /// ends at the mark.
    pub(crate) fn opens_a_reported_clause(&self, at: usize) -> bool {
        let tokens = &self.spotted.tokens;
        at > 0
            && tokens[at - 1].kind == frontline_lang::TokenKind::Punct
            && self.ctx.pack.reported_clause_leads.match_at(tokens, at).is_some()
    }

    /// Whether the period at `i` closes an abbreviation written against it, which the
    /// sentence goes on after: a lone initial ("U.S.-backed", "U.N.") or one of the pack's
    /// abbreviations ("Gen.", "M."). The segmenter left such a period inside the sentence;
    /// it ends no clause either.
    fn stops_an_abbreviation(&self, i: usize) -> bool {
        let tokens = &self.spotted.tokens;
        let (Some(before), Some(period)) = (i.checked_sub(1).and_then(|b| tokens.get(b)), tokens.get(i)) else {
            return false;
        };
        period.text == "."
            && before.end == period.start
            && before.kind == frontline_lang::TokenKind::Word
            && self.ctx.pack.abbreviates(before.text)
    }

    /// Whether the comma at `i` stands between a place noun and the names it counts ("took
    /// two villages, A and B", "deux villages, A et B"): the names are the noun's, in
    /// apposition.
    fn names_after_their_noun(&self, i: usize) -> bool {
        let tokens = &self.spotted.tokens;
        i > 0
            && self.ctx.pack.place_nouns.match_ending_at(tokens, i, 2).is_some()
            && self.spotted.places.iter().any(|p| p.start == i + 1)
    }

    /// Whether the comma at `i` stands between two items of a list of places ("the villages of
    /// A, B, and C"): a place ends right before it and another starts right after it, or
    /// after a list connector.
    fn joins_listed_places(&self, i: usize) -> bool {
        let s = self.spotted;
        if s.places.len() < 2 {
            return false;
        }
        let after = if self.ctx.pack.list_connectors.match_at(&s.tokens, i + 1).is_some() { i + 2 } else { i + 1 };
        s.places.iter().any(|p| p.end == i) && s.places.iter().any(|p| p.start == after)
    }

    /// Whether the comma at `i` opens or closes an aside that is a date and at most a
    /// preposition before it (", mardi 28 mai,", ", on Tuesday,"): the clause goes on
    /// through it.
    fn bounds_dated_aside(&self, i: usize) -> bool {
        let tokens = &self.spotted.tokens;
        let comma = |at: usize| tokens.get(at).is_some_and(|t| self.ctx.pack.is_mark(t, ","));
        self.spotted.dates.iter().any(|d| {
            let opens = (d.start == i + 1 || d.start == i + 2) && comma(d.end);
            let closes = d.end == i && (comma(d.start.wrapping_sub(1)) || comma(d.start.wrapping_sub(2)));
            opens && (i + 1..d.start).all(|k| self.ctx.pack.is_function_token(&tokens[k])) || closes
        })
    }

    /// Whether a place is an item of a list ("A, B and C") of which another item is a named
    /// place (one a place noun announces, or a name of the country's places, as written or
    /// but for its vowels): the list tells what kind of names its items are.
    pub(crate) fn listed_with_a_known_place(&self, place: &PlaceMention) -> bool {
        let places = &self.spotted.places;
        let known =
            |p: &PlaceMention| p.after_place_noun || self.ctx.gazetteer.knows_spelling_in(&p.text, HOME_COUNTRY);
        let joined = |a: &PlaceMention, b: &PlaceMention| self.only_list_connectors(a.end, b.start);
        self.items_around(place, joined)
            .is_some_and(|(i, first, last)| (first..=last).any(|j| j != i && known(&places[j])))
    }

    /// The first and the last place of the list a place of the sentence is an item of ("حيي
    /// الكلاسة وبستان القصر": the conjunction may be joined to an item), the place itself
    /// when it stands alone.
    pub(crate) fn list_of(&self, place: &PlaceMention) -> Option<(&PlaceMention, &PlaceMention)> {
        let places = &self.spotted.places;
        let joined = |a: &PlaceMention, b: &PlaceMention| {
            self.only_list_connectors(a.end, b.start)
                || a.end == b.start
                    && self
                        .spotted
                        .tokens
                        .get(b.start)
                        .is_some_and(|t| self.ctx.pack.without_joined_connector(&t.norm).is_some())
        };
        self.items_around(place, joined).map(|(_, first, last)| (&places[first], &places[last]))
    }

    /// The place's index among the sentence's places, and those of the first and the last
    /// of the run of places around it that `joined` joins one to the next.
    fn items_around(
        &self,
        place: &PlaceMention,
        joined: impl Fn(&PlaceMention, &PlaceMention) -> bool,
    ) -> Option<(usize, usize, usize)> {
        let places = &self.spotted.places;
        let i = places.iter().position(|p| p.start == place.start)?;
        let mut first = i;
        while first > 0 && joined(&places[first - 1], &places[first]) {
            first -= 1;
        }
        let mut last = i;
        while last + 1 < places.len() && joined(&places[last], &places[last + 1]) {
            last += 1;
        }
        Some((i, first, last))
    }

    /// Whether the tokens between two positions are only the connectors of a list ("," "and"
    /// "as well as"): no other word, not even a small one.
    fn only_list_connectors(&self, from: usize, to: usize) -> bool {
        let tokens = &self.spotted.tokens;
        let mut at = from;
        while at < to {
            match self.ctx.pack.list_connectors.match_at(tokens, at) {
                Some(hit) if hit.end <= to => at = hit.end,
                _ => return false,
            }
        }
        from < to
    }

    /// The lists of two sites or more the sentence names ("A, B and C"), in order: each
    /// item a named site, joined to the next by list connectors only.
    pub(crate) fn lists_of_sites(&self) -> Vec<Vec<&PlaceMention>> {
        let mut lists: Vec<Vec<&PlaceMention>> = Vec::new();
        let mut run: Vec<&PlaceMention> = Vec::new();
        let sites = self.spotted.places.iter().filter(|p| p.role == PlaceRole::Site && p.referent.is_none());
        for place in sites {
            let joined = run.last().is_some_and(|last| self.only_list_connectors(last.end, place.start));
            if !joined && run.len() >= 2 {
                lists.push(std::mem::take(&mut run));
            } else if !joined {
                run.clear();
            }
            run.push(place);
        }
        if run.len() >= 2 {
            lists.push(run);
        }
        lists
    }

    pub(crate) fn is_named_place(&self, place: &PlaceMention) -> bool {
        self.ctx.is_named_place(place)
    }
}

/// The most tokens inside a bracketed aside that leaves its clause whole.
const MAX_ASIDE_TOKENS: usize = 8;

/// Whether the bracket at `i` opens or closes a short aside, a few words without a stop or
/// another bracket: a name in apposition ("قوات سوريا الديمقراطية (قسد)"), a side of a
/// region, a date. The clause goes on across it.
fn is_short_aside(tokens: &[frontline_lang::Token], i: usize, pack: &frontline_lang::LanguagePack) -> bool {
    let inner = |t: &frontline_lang::Token| !pack.is_mark(t, ";.!?()");
    if pack.is_mark(&tokens[i], "(") {
        let rest = &tokens[i + 1..];
        let inside = rest.iter().take(MAX_ASIDE_TOKENS + 1).take_while(|t| inner(t)).count();
        inside > 0 && inside <= MAX_ASIDE_TOKENS && rest.get(inside).is_some_and(|t| pack.is_mark(t, ")"))
    } else {
        let before = &tokens[..i];
        let inside = before.iter().rev().take(MAX_ASIDE_TOKENS + 1).take_while(|t| inner(t)).count();
        inside > 0 && inside <= MAX_ASIDE_TOKENS && i > inside && pack.is_mark(&before[i - inside - 1], "(")
    }
}
