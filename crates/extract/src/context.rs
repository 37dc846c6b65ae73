//! What the whole article establishes before its sentences are read: the governorate it
//! names most, the side it names most against the state, and how often and where first
//! each place is named.

use rustc_hash::FxHashMap;

use frontline_core::{ActorId, Article};
use frontline_gazetteer::Gazetteer;
use frontline_lang::LanguagePack;

use crate::place::{dominant_governorate, HomeNames};
use crate::spot::{PlaceMention, Spotted};

pub(crate) struct ArticleContext<'a> {
    pub article: &'a Article,
    pub pack: &'a LanguagePack,
    pub gazetteer: &'a Gazetteer,
    pub home: HomeNames<'a>,
    /// The governorate the article names most.
    pub admin1: Option<String>,
    /// For each sentence (by index among all the article's blocks), the governorate the
    /// prose sentence just before it names as a region, if it names one.
    governorate_just_before: Vec<Option<String>>,
    /// Non-state actor named most, the usual loser of government gains.
    pub main_opposition: ActorId,
    /// For each place named (folded): how many prose sentences name it, and the first.
    pub place_sentences: FxHashMap<String, (usize, usize)>,
    /// How many sentences the article has.
    pub sentences: usize,
}

impl<'a> ArticleContext<'a> {
    pub(crate) fn new(
        article: &'a Article,
        pack: &'a LanguagePack,
        gazetteer: &'a Gazetteer,
        spotted: &[Option<Spotted>],
    ) -> ArticleContext<'a> {
        let home = HomeNames::new(gazetteer);
        let admin1 = dominant_governorate(spotted, &home);
        ArticleContext {
            article,
            pack,
            gazetteer,
            home,
            admin1,
            governorate_just_before: governorates_just_before(spotted),
            main_opposition: main_opposition(spotted),
            place_sentences: place_sentences(spotted),
            sentences: spotted.iter().flatten().count(),
        }
    }

    /// The governorate the prose sentence before sentence `index` names as a region ("...
    /// in the northern countryside of Hama. The army took the towns of A, B and C"): where
    /// a sentence that names none goes on telling of, before the article's own governorate.
    pub(crate) fn governorate_just_before(&self, index: usize) -> Option<&str> {
        self.governorate_just_before.get(index).and_then(Option::as_deref)
    }

    /// Whether a mention names a place: a place noun announced it, or the gazetteer knows it
    /// at home.
    pub(crate) fn is_named_place(&self, place: &PlaceMention) -> bool {
        place.after_place_noun || self.home.place(&place.text).is_some()
    }
}

/// For each block of the article, the governorate the prose sentence before it names as a
/// region (the first such name), if it names one.
fn governorates_just_before(spotted: &[Option<Spotted>]) -> Vec<Option<String>> {
    let mut before: Option<String> = None;
    spotted
        .iter()
        .map(|s| {
            let Some(s) = s else { return before.clone() };
            let this = s.places.iter().find_map(|p| p.role.governorate().map(str::to_string));
            std::mem::replace(&mut before, this)
        })
        .collect()
}

/// For each place named in the article's prose, folded: in how many sentences, and the first.
fn place_sentences(spotted: &[Option<Spotted>]) -> FxHashMap<String, (usize, usize)> {
    let mut seen: FxHashMap<String, (usize, usize)> = FxHashMap::default();
    // Indexed among the prose sentences, as the readers count them.
    for (index, s) in spotted.iter().flatten().enumerate() {
        let mut names: Vec<String> = s.places.iter().map(|p| frontline_gazetteer::fold_mention(&p.text)).collect();
        names.sort();
        names.dedup();
        for name in names {
            seen.entry(name).and_modify(|(count, _)| *count += 1).or_insert((1, index));
        }
    }
    seen
}

fn main_opposition(spotted: &[Option<Spotted>]) -> ActorId {
    // The most named wins, ties to the first id: the hash order does not matter.
    let mut counts: FxHashMap<ActorId, usize> = FxHashMap::default();
    for s in spotted.iter().flatten() {
        for actor in s
            .actors
            .iter()
            .filter(|a| !a.unidentified && !a.id.is_state() && matches!(a.id.as_str(), "OPP" | "HTS" | "ISIS" | "SDF"))
        {
            *counts.entry(actor.id).or_default() += 1;
        }
    }
    let fallback = ActorId::parse("OPP").expect("OPP is in the actor table");
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map_or(fallback, |(a, _)| a)
}
