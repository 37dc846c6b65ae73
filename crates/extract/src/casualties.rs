//! Casualty figures of a sentence: who was killed or wounded, how many, how many of them
//! civilians or children. A number belongs to the nearest death or injury word after it in
//! its clause; a number introduced by "including"/"dont" is a breakdown, not a new count.

use frontline_lang::{LanguagePack, TriggerKind};

use crate::spot::Spotted;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Casualties {
    pub killed: Option<u32>,
    pub civilians_killed: Option<u32>,
    pub children_killed: Option<u32>,
    pub injured: Option<u32>,
}

impl Casualties {
    pub fn is_empty(&self) -> bool {
        self.killed.is_none() && self.injured.is_none()
    }
}

/// How far before a death or injury word its number may stand.
const WINDOW: usize = 10;

pub fn read(spotted: &Spotted, pack: &LanguagePack) -> Casualties {
    let mut result = Casualties::default();
    let mut used: Vec<usize> = Vec::new();
    for trigger in &spotted.triggers {
        let kind = trigger.trigger.kind;
        if !matches!(kind, TriggerKind::Kill | TriggerKind::Wound) {
            continue;
        }
        let Some(index) = number_for(spotted, pack, trigger.start, trigger.end, &used) else {
            continue;
        };
        used.push(index);
        let number = &spotted.numbers[index];
        let value = u32::try_from(number.value).unwrap_or(u32::MAX);
        if kind == TriggerKind::Kill {
            if result.killed.is_some() {
                continue;
            }
            result.killed = Some(value);
            if word_follows(spotted, number.end, 2, |at| pack.civilians.match_at(&spotted.tokens, at).is_some()) {
                result.civilians_killed = Some(value);
            }
            result.children_killed = breakdown(spotted, pack, number.end, trigger.start);
        } else if result.injured.is_none() {
            result.injured = Some(value);
        }
    }
    result
}

/// The number a casualty word at `cue_start..cue_end` reports, in this order: one just
/// before it ("onze morts", "douze autres blessés"); the first of its clause that counts
/// people ("12 civilians ... were killed"), not a breakdown ("dont trois enfants"); one
/// just after it ("killing 12").
fn number_for(
    spotted: &Spotted,
    pack: &LanguagePack,
    cue_start: usize,
    cue_end: usize,
    used: &[usize],
) -> Option<usize> {
    let tokens = &spotted.tokens;
    let clause_start = (0..cue_start)
        .rev()
        .find(|&i| pack.is_mark(&tokens[i], ";:") || pack.claim_markers.match_at(tokens, i).is_some())
        .map_or(0, |i| i + 1)
        .max(cue_start.saturating_sub(WINDOW));
    let unused = |i: &usize| !used.contains(i);
    let numbers = || spotted.numbers.iter().enumerate().filter(|(i, _)| unused(i));
    let just_before = numbers().find(|(_, n)| n.end <= cue_start && cue_start - n.end <= 1).map(|(i, _)| i);
    let counts_people = || {
        numbers()
            .filter(|(_, n)| n.start >= clause_start && n.end <= cue_start && !is_breakdown(spotted, pack, n.start))
            .find(|(_, n)| word_follows(spotted, n.end, 2, |at| pack.victims.match_at(tokens, at).is_some()))
            .map(|(i, _)| i)
    };
    let just_after = || numbers().find(|(_, n)| n.start >= cue_end && n.start <= cue_end + 1).map(|(i, _)| i);
    just_before.or_else(counts_people).or_else(just_after)
}

fn is_breakdown(spotted: &Spotted, pack: &LanguagePack, number_start: usize) -> bool {
    (1..=2).any(|back| {
        number_start >= back
            && pack.list_introducers.match_ending_at(&spotted.tokens, number_start + 1 - back, 3).is_some()
    })
}

/// "…, dont trois enfants", "including two children": the children among the dead.
fn breakdown(spotted: &Spotted, pack: &LanguagePack, from: usize, to: usize) -> Option<u32> {
    spotted
        .numbers
        .iter()
        .filter(|n| n.start >= from && n.end <= to.max(from) + 6)
        .find(|n| {
            is_breakdown(spotted, pack, n.start)
                && word_follows(spotted, n.end, 1, |at| pack.children.match_at(&spotted.tokens, at).is_some())
        })
        .map(|n| u32::try_from(n.value).unwrap_or(u32::MAX))
}

fn word_follows(spotted: &Spotted, at: usize, within: usize, test: impl Fn(usize) -> bool) -> bool {
    (at..(at + within).min(spotted.tokens.len())).any(test)
}
