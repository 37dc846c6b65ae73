use unicode_normalization::UnicodeNormalization;

/// The light folding used to compare words against lexicons: lower case, no diacritics,
/// every apostrophe-like mark written `'`. "Régime" and "regime" fold alike, "d’Idlib" and
/// "d'Idlib" too. Place names get a stronger folding in the gazetteer.
pub fn fold_word(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        match c {
            '\u{2019}' | '\u{2018}' | '`' | '\u{02bc}' | '\u{00b4}' => out.push('\''),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fold_word;

    #[test]
    fn folds_case_accents_and_apostrophes() {
        assert_eq!(fold_word("Régime"), "regime");
        assert_eq!(fold_word("d’Idlib"), "d'idlib");
        assert_eq!(fold_word("ÉTÉ"), "ete");
        assert_eq!(fold_word("ŒUF"), "œuf");
    }
}
