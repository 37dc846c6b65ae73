//! From an article to events. The engine knows no language: it cuts the text into
//! sentences, spots mentions with the article's language pack (triggers, actors, places,
//! numbers, dates), resolves places with the gazetteer and dates against publication, and
//! assembles ACLED-typed events, one per type, place and day. Every decision is recorded so
//! that `frontline explain` can show, sentence by sentence, why an event was or was not made.
//!
//! The extractor is a pure function of the article, the packs and the gazetteer.

mod assemble;
mod casualties;
#[cfg(test)]
mod constructions;
mod context;
mod dates;
mod dedupe;
mod discourse;
mod features;
mod frames;
mod gate;
mod place;
mod proposed;
mod reader;
mod segment;
mod spot;
mod trace;

use assemble::Detail;
pub use assemble::{Extraction, Figure};
pub use dates::{default_window, DateWindow};
pub use features::{weighs_for_confidence, EventFeatures};
pub use gate::retype_candidate;
pub use trace::SentenceTrace;

/// The date windows a text gives, read with a language pack against a publication date:
/// the date reading of the engine on its own, for tests and fuzzing.
pub fn read_dates(
    text: &str,
    pack: &frontline_lang::LanguagePack,
    published: Option<chrono::NaiveDate>,
) -> Vec<DateWindow> {
    let tokens = pack.tokenize(text);
    dates::find_dates(&tokens, pack, published).into_iter().map(|d| d.window).collect()
}
pub use segment::{sentences, Sentence, SentenceKind};

use frontline_core::{Article, Event};
use frontline_gazetteer::Gazetteer;
use frontline_lang::Packs;
use rustc_hash::FxHashMap;

use features::{LanguageModels, Model};

/// The extraction engine: language packs and a gazetteer.
pub struct Extractor {
    packs: Packs,
    /// Each pack's trained models keyed for lookups, by language code.
    models: FxHashMap<String, LanguageModels>,
    gazetteer: Gazetteer,
}

impl Extractor {
    pub fn new(packs: Packs, gazetteer: Gazetteer) -> Extractor {
        let models = packs
            .codes()
            .filter_map(|code| {
                let weights = &packs.get(code)?.weights;
                let models = LanguageModels {
                    real_event: Model::new(weights),
                    confidence: weights.confidence.as_ref().map(Model::for_confidence),
                };
                Some((code.to_string(), models))
            })
            .collect();
        Extractor { packs, models, gazetteer }
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Whether frontline reads this language.
    pub fn reads(&self, language: &str) -> bool {
        self.packs.get(language).is_some()
    }

    /// The events of an article.
    pub fn extract(&self, article: &Article) -> Vec<Event> {
        self.read(article).events
    }

    /// The events of an article, its figures and its note, without the trace of each
    /// sentence (which [`Extractor::explain`] adds, at a cost).
    pub fn read(&self, article: &Article) -> Extraction {
        self.extraction(article, Detail::Events)
    }

    /// The events of an article with the trace of how each sentence was read.
    pub fn explain(&self, article: &Article) -> Extraction {
        self.extraction(article, Detail::Trace)
    }

    fn extraction(&self, article: &Article, detail: Detail) -> Extraction {
        match self.packs.get(&article.language) {
            Some(pack) => {
                let models = self.models.get(&article.language).unwrap_or(&LanguageModels::NONE);
                assemble::extract(article, pack, models, &self.gazetteer, detail)
            }
            None => Extraction::unread(format!(
                "no language pack for {:?}: stored, not read (packs: {})",
                article.language,
                self.packs.codes().collect::<Vec<_>>().join(", ")
            )),
        }
    }
}
