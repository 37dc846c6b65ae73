//! Language knowledge for frontline. Each language is a folder `data/<code>/` holding a
//! `pack.toml` of lexicons (actors, event triggers, markers), number words and month and
//! weekday names. This crate loads packs and applies them at the word level (tokens and
//! phrase matching); it knows no language itself, and adding one means adding a folder.

mod clitics;
mod lexicon;
mod pack;
mod recognise;
mod tokens;
mod weights;

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

pub use clitics::{Clitics, Vocabulary};
pub use lexicon::{Hit, Lexicon, LexiconBits, Starts};
pub use pack::{LanguagePack, RegionSide, Trigger, TriggerKind, UnitOfTime};
pub use tokens::{is_apostrophe, is_hyphen, starts_with_capital, tokenize, Folded, Token, TokenKind, WordRules};
pub use weights::{actor_default_key, logit, Calibration, ConfidenceModel, Weights, NO_USUAL_ACTOR, TYPE_BIAS};

include!(concat!(env!("OUT_DIR"), "/builtin_packs.rs"));

#[derive(Debug, thiserror::Error)]
pub enum PackError {
    #[error("language pack {origin}: {message}")]
    Syntax { origin: String, message: String },
    #[error("language pack {origin}: {message}")]
    Invalid { origin: String, message: String },
}

/// Every language pack, by ISO 639-1 code.
#[derive(Debug, Clone)]
pub struct Packs {
    by_code: BTreeMap<String, LanguagePack>,
    /// For each function word of any pack, the packs that list it, one bit per pack in the
    /// order of `by_code`: recognising a language then looks each word up once, not once
    /// per pack. Empty when there are more packs than bits (each pack is then asked).
    function_word_packs: FxHashMap<String, u64>,
}

impl Packs {
    /// The packs compiled into the binary from `data/`.
    pub fn builtin() -> Result<Packs, PackError> {
        let mut by_code = BTreeMap::new();
        for (code, source, weights) in BUILTIN_PACKS {
            let mut pack = LanguagePack::from_toml(source, &format!("data/{code}/pack.toml"))?;
            if let Some(weights) = weights {
                pack.weights = Weights::from_tsv(weights, &format!("data/{code}/weights.tsv"))?;
            }
            by_code.insert(pack.code.clone(), pack);
        }
        let function_word_packs = function_word_packs(&by_code);
        Ok(Packs { by_code, function_word_packs })
    }

    /// Replaces each language's trained weights by those of `<dir>/<code>/weights.tsv`
    /// where that file exists (a model just trained, before it is built in).
    pub fn with_weights_from(mut self, dir: &std::path::Path) -> Result<Packs, PackError> {
        for (code, pack) in &mut self.by_code {
            let path = dir.join(code).join("weights.tsv");
            if let Ok(source) = std::fs::read_to_string(&path) {
                pack.weights = Weights::from_tsv(&source, &path.display().to_string())?;
            }
        }
        Ok(self)
    }

    /// Every pack without its trained model: the rules alone, as `frontline train` reads.
    pub fn without_weights(mut self) -> Packs {
        for pack in self.by_code.values_mut() {
            pack.weights = Weights::default();
        }
        self
    }

    pub fn get(&self, code: &str) -> Option<&LanguagePack> {
        self.by_code.get(code)
    }

    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.by_code.keys().map(String::as_str)
    }
}

/// The packs that list each function word, one bit per pack in the order of `by_code`
/// (empty when there are more packs than bits).
fn function_word_packs(by_code: &BTreeMap<String, LanguagePack>) -> FxHashMap<String, u64> {
    let mut index: FxHashMap<String, u64> = FxHashMap::default();
    if by_code.len() > u64::BITS as usize {
        return index;
    }
    for (bit, pack) in by_code.values().enumerate() {
        for word in &pack.function_words {
            *index.entry(word.clone()).or_default() |= 1 << bit;
        }
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trigger_kind_is_named_as_debug_writes_it() {
        use TriggerKind::*;
        for kind in [
            Take,
            Fall,
            Withdraw,
            AirStrike,
            Shelling,
            Bombard,
            Assault,
            Target,
            Clash,
            Storm,
            Damage,
            Flee,
            Kill,
            Wound,
            Incident,
            Intervention,
        ] {
            assert_eq!(kind.name(), format!("{kind:?}"));
        }
    }

    #[test]
    fn builtin_packs_load() {
        let packs = Packs::builtin().expect("built-in packs are valid");
        let codes: Vec<&str> = packs.codes().collect();
        assert!(codes.contains(&"en") && codes.contains(&"fr") && codes.contains(&"ar"), "{codes:?}");
    }

    #[test]
    fn the_arabic_pack_unifies_spellings_reads_digits_and_splits_clitics() {
        let packs = Packs::builtin().expect("built-in packs are valid");
        let ar = packs.get("ar").expect("an Arabic pack");
        let norms = |text: &str| ar.tokenize(text).into_iter().map(|t| t.norm.to_string()).collect::<Vec<_>>();
        // Short vowels, shadda and tatweel dropped; hamza forms, taa marbuta and alif maqsura unified.
        assert_eq!(norms("قُوَّات"), norms("قوات"));
        assert_eq!(norms("إدلب"), norms("ادلب"));
        assert_eq!(norms("قريةٌ"), norms("قريه"));
        assert_eq!(norms("الـروسية"), norms("الروسيه"));
        // Letters of the Persian alphabet some Arabic sites type: yeh and heh.
        assert_eq!(norms("مدینة إدلب وریفھا"), norms("مدينة إدلب وريفها"));
        // Arabic-Indic and Persian digits are numbers, grouped as Latin ones are.
        let values: Vec<u64> = ar.tokenize("قتل ١٢ و۳ من أصل ١٠٠٠").iter().filter_map(|t| t.value()).collect();
        assert_eq!(values, [12, 3, 1000]);
        // Joined clitics come off a word the pack knows, and offsets still point into the text.
        let text = "وبريف لقوات";
        let tokens = ar.tokenize(text);
        assert_eq!(tokens.iter().map(|t| &text[t.start..t.end]).collect::<Vec<_>>(), ["و", "ب", "ريف", "ل", "قوات"]);
        let hits = ar.actors.find_all(&ar.tokenize("لقوات النظام"));
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].value.as_str(), "SYR_GOV");
    }

    #[test]
    fn a_number_in_words_stands_where_a_phrase_counts() {
        let packs = Packs::builtin().expect("built-in packs are valid");
        let fr = packs.get("fr").expect("a French pack");
        let counted = |text: &str| fr.tokenize(text).iter().map(|t| t.number_word).collect::<Vec<_>>();
        assert_eq!(counted("abattu deux drones"), [false, true, false]);
        let lexicon = Lexicon::new([("abattu # drones", ())], &fr.rules);
        assert_eq!(lexicon.find_all(&fr.tokenize("ont abattu trois drones")).len(), 1);
        assert_eq!(lexicon.find_all(&fr.tokenize("ont abattu les drones")).len(), 0);
    }

    #[test]
    fn a_number_in_words_may_start_a_pack_phrase() {
        // The pack's "# semaines de" may start at "deux" as at "2": the token carries the
        // lexicon's bit, which readers test before they look a phrase up.
        let packs = Packs::builtin().expect("built-in packs are valid");
        let fr = packs.get("fr").expect("a French pack");
        let bit = fr.durations.start_bit().expect("durations have a bit");
        for text in ["après deux semaines de combats", "après 2 semaines de combats"] {
            let tokens = fr.tokenize(text);
            assert_ne!(tokens[1].first_of & bit, 0, "{text}");
        }
    }

    #[test]
    fn a_pack_says_which_marks_of_its_script_do_the_work_of_latin_ones() {
        let packs = Packs::builtin().expect("built-in packs are valid");
        let ar = packs.get("ar").expect("an Arabic pack");
        let tokens = ar.tokenize("قصف؛ اشتباكات");
        let mark = tokens.iter().find(|t| t.text == "؛").expect("the semicolon is a token");
        assert!(ar.is_mark(mark, ";.") && !ar.is_mark(mark, ",") && !mark.is_punct(";"));
        // Proclitic ك keeps a stem of three letters: "كتل" (blocks) is one word, "وتل" two.
        assert_eq!(ar.tokenize("كتل").len(), 1);
        assert_eq!(ar.tokenize("وتل").len(), 2);
        assert_eq!(ar.tokenize("كقرية").len(), 2);
    }

    #[test]
    fn a_word_written_with_taa_marbuta_does_not_end_in_the_pronoun_haa() {
        let packs = Packs::builtin().expect("built-in packs are valid");
        let ar = packs.get("ar").expect("an Arabic pack");
        // "جبلة" (Jableh) folds as "جبل" (mountain) + "ه" (his), but is written with "ة".
        assert_eq!(ar.tokenize("جبلة").len(), 1);
        // "جبله" (his mountain) and "بلدته" (his town) carry the pronoun.
        assert_eq!(ar.tokenize("جبله").len(), 2);
        assert_eq!(ar.tokenize("بلدته").len(), 2);
    }

    #[test]
    fn clitics_come_off_a_name_only_where_the_whole_word_is_not_one() {
        let packs = Packs::builtin().expect("built-in packs are valid");
        let ar = packs.get("ar").expect("an Arabic pack");
        let text = "لبنان";
        let village = |word: &str| word == "بنان";
        // Read as ل + a village's name when only the village is known ...
        assert_eq!(ar.split_clitics_where(text, ar.tokenize(text), |_| false, village).len(), 2);
        // ... but whole when the whole word is a name too (a country's).
        assert_eq!(ar.split_clitics_where(text, ar.tokenize(text), |word| word == "لبنان", village).len(), 1);
        // A name takes no attached pronoun: "حياتهم" (their lives) is no village حيات + "their".
        let text = "حياتهم";
        assert_eq!(ar.split_clitics_where(text, ar.tokenize(text), |_| false, |word| word == "حيات").len(), 1);
        // With a conjunction before it, a name still comes off: "وحيات" is و + حيات.
        let text = "وحيات";
        assert_eq!(ar.split_clitics_where(text, ar.tokenize(text), |_| false, |word| word == "حيات").len(), 2);
    }

    #[test]
    fn every_lexicon_of_a_built_in_pack_has_its_bit() {
        for code in ["ar", "en", "fr"] {
            let mut pack = Packs::builtin().expect("built-in packs are valid").get(code).expect("a pack").clone();
            assert!(pack.lexicon_count() <= LexiconBits::BITS as usize, "{code}: more lexicons than bits");
        }
    }

    #[test]
    fn a_bad_pack_is_reported_with_its_origin() {
        let err = LanguagePack::from_toml("code = 3", "data/xx/pack.toml").unwrap_err();
        assert!(err.to_string().contains("data/xx/pack.toml"), "{err}");
    }

    #[test]
    fn scans_by_a_sentences_starts_find_what_scans_testing_every_token_find() {
        let packs = Packs::builtin().expect("built-in packs are valid");
        let texts = [
            ("fr", "Les forces du régime ont bombardé lundi 3 mars la ville de Saraqeb et les villages de la campagne d'Idlib ; selon l'Observatoire syrien des droits de l'homme, les factions de l'opposition ont repris le contrôle de trois localités au sud de la ville après des affrontements avec l'armée, qui a perdu 12 soldats, et des avions russes ont frappé un hôpital de Maaret al-Noomane au cours des deux derniers jours."),
            ("en", "Syrian regime forces and their Russian allies shelled the town of Saraqib on Monday, March 3, and rebels of the National Liberation Front took control of three villages south of the city after clashes with the army that killed 12 soldiers, the Syrian Observatory for Human Rights said, while warplanes struck a hospital in Maarat al-Numan over the past two days and Islamic State fighters attacked a checkpoint."),
            ("ar", "قصفت قوات النظام مدينة سراقب يوم الاثنين وسيطرت فصائل المعارضة على ثلاث قرى جنوب المدينة بعد اشتباكات مع الجيش قتل فيها 12 جنديا بحسب المرصد السوري لحقوق الإنسان"),
        ];
        for (code, text) in texts {
            let pack = packs.get(code).expect("a built-in pack");
            let tokens = pack.tokenize(text);
            // Past 64 tokens the rows take a second word.
            for tokens in [&tokens[..], &tokens[..tokens.len().min(40)]] {
                let starts = Starts::of(tokens);
                for lexicon in [&pack.organisations, &pack.not_names, &pack.claim_markers, &pack.durations] {
                    assert_eq!(lexicon.spans_at(tokens, &starts), lexicon.spans(tokens), "{code}");
                }
                for lexicon in [&pack.months, &pack.weekdays] {
                    assert_eq!(lexicon.spans_at(tokens, &starts), lexicon.spans(tokens), "{code}");
                }
                let (at, all) = (pack.triggers.find_all_at(tokens, &starts), pack.triggers.find_all(tokens));
                assert_eq!(
                    at.iter().map(|h| (h.start, h.end)).collect::<Vec<_>>(),
                    all.iter().map(|h| (h.start, h.end)).collect::<Vec<_>>(),
                    "{code}"
                );
                let (at, all) = (pack.actors.find_all_at(tokens, &starts), pack.actors.find_all(tokens));
                assert_eq!(at, all, "{code}");
                // Rows of other tokens are not read: the scan tests every token then.
                let fewer = Starts::of(&tokens[1..]);
                assert_eq!(pack.organisations.spans_at(tokens, &fewer), pack.organisations.spans(tokens), "{code}");
            }
        }
    }
}
