//! Language identification reported as ISO 639-1 codes: the languages frontline has packs
//! for are recognised by their function words, any other by whatlang.

use std::sync::OnceLock;

use frontline_lang::Packs;
use whatlang::Lang;

/// Below this many letters whatlang's guesses are close to noise.
const MIN_LETTERS: usize = 20;
/// Detection looks at the start of the text only: a paragraph or two decide the language as
/// well as the whole article would (trigram scores settle within a few hundred letters), and
/// detection costs in proportion to what it reads.
const SAMPLE_BYTES: usize = 1536;

/// The ISO 639-1 code ("en", "fr", "ar", ...) of the text's language, or `None` when the
/// text is too short or whatlang does not call its guess reliable.
pub fn detect_language(text: &str) -> Option<String> {
    let sample = prefix_at_char_boundary(text, SAMPLE_BYTES);
    // The packs' own languages first: counting function words costs a fraction of
    // whatlang's comparison of trigrams with some seventy languages.
    if let Some(code) = builtin_packs().and_then(|packs| packs.recognise(sample)) {
        return Some(code.to_owned());
    }
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    // A short item rarely gives whatlang a reliable guess: one that uses clearly more words
    // of one pack than of the others ("Russian jets struck Saraqib on Tuesday") is in its
    // language.
    let lean = || builtin_packs().and_then(|packs| packs.lean(sample)).map(str::to_owned);
    match whatlang::detect(sample) {
        Some(info) if info.is_reliable() => Some(iso_639_1(info.lang()).to_owned()),
        _ => lean(),
    }
}

fn builtin_packs() -> Option<&'static Packs> {
    static PACKS: OnceLock<Option<Packs>> = OnceLock::new();
    PACKS.get_or_init(|| Packs::builtin().ok()).as_ref()
}

fn prefix_at_char_boundary(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// whatlang speaks ISO 639-3; the rest of frontline (language packs, metadata) uses the
/// two-letter codes.
fn iso_639_1(lang: Lang) -> &'static str {
    match lang {
        Lang::Epo => "eo",
        Lang::Eng => "en",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Ben => "bn",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ukr => "uk",
        Lang::Kat => "ka",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Heb => "he",
        Lang::Yid => "yi",
        Lang::Pol => "pl",
        Lang::Amh => "am",
        Lang::Jav => "jv",
        Lang::Kor => "ko",
        Lang::Nob => "nb",
        Lang::Dan => "da",
        Lang::Swe => "sv",
        Lang::Fin => "fi",
        Lang::Tur => "tr",
        Lang::Nld => "nl",
        Lang::Hun => "hu",
        Lang::Ces => "cs",
        Lang::Ell => "el",
        Lang::Bul => "bg",
        Lang::Bel => "be",
        Lang::Mar => "mr",
        Lang::Kan => "kn",
        Lang::Ron => "ro",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Tam => "ta",
        Lang::Vie => "vi",
        Lang::Urd => "ur",
        Lang::Tha => "th",
        Lang::Guj => "gu",
        Lang::Uzb => "uz",
        Lang::Pan => "pa",
        Lang::Aze => "az",
        Lang::Ind => "id",
        Lang::Tel => "te",
        Lang::Pes => "fa",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Sin => "si",
        Lang::Khm => "km",
        Lang::Tuk => "tk",
        Lang::Aka => "ak",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Afr => "af",
        Lang::Lat => "la",
        Lang::Slk => "sk",
        Lang::Cat => "ca",
        Lang::Tgl => "tl",
        Lang::Hye => "hy",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_english_paragraphs() {
        let fr = "Les forces gouvernementales ont repris mardi le contrôle de la ville, \
                  après plusieurs jours de combats avec les groupes armés qui tenaient \
                  encore les quartiers du sud, selon une organisation de surveillance.";
        let en = "Government forces on Tuesday retook control of the town after several \
                  days of fighting with the armed groups that still held the southern \
                  districts, according to a monitoring organisation.";
        assert_eq!(detect_language(fr).as_deref(), Some("fr"));
        assert_eq!(detect_language(en).as_deref(), Some("en"));
    }

    #[test]
    fn arabic_script_is_arabic() {
        let ar = "سيطرت قوات النظام على المدينة بعد معارك عنيفة استمرت عدة أيام مع الفصائل المسلحة";
        assert_eq!(detect_language(ar).as_deref(), Some("ar"));
    }

    #[test]
    fn short_items_in_the_packs_languages_are_decided() {
        assert_eq!(
            detect_language("Russian warplanes struck Saraqib on Tuesday, killing four civilians.").as_deref(),
            Some("en")
        );
        assert_eq!(
            detect_language("Des avions russes ont frappé Saraqeb mardi, tuant quatre civils.").as_deref(),
            Some("fr")
        );
        assert_eq!(detect_language("غارات روسية على سراقب").as_deref(), Some("ar"));
    }

    #[test]
    fn too_short_is_none() {
        assert_eq!(detect_language("Idlib, 2020"), None);
        assert_eq!(detect_language(""), None);
    }

    #[test]
    fn sampling_never_splits_a_character() {
        let text = "é".repeat(SAMPLE_BYTES);
        assert!(prefix_at_char_boundary(&text, SAMPLE_BYTES + 1).len() <= SAMPLE_BYTES + 1);
        assert_eq!(prefix_at_char_boundary(&text, 3), "é");
    }
}
