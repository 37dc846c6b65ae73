/// The light folding used to compare words against lexicons: lower case, no diacritics,
/// every apostrophe-like mark written `'`. "Régime" and "regime" fold alike, "d’Idlib" and
/// "d'Idlib" too. Place names get a stronger folding in the gazetteer.
pub fn fold_word(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_word_with(text, |c| out.push(c));
    out
}

/// [`fold_word`], handing each folded character to `push`: for building the folded form in
/// another kind of string.
pub fn fold_word_with(text: &str, mut push: impl FnMut(char)) {
    for c in text.chars() {
        if c.is_ascii() {
            // Most letters of the texts read; their decomposition is themselves.
            push(fold_char(c.to_ascii_lowercase()));
        } else {
            // Decomposing one character at a time gives what decomposing the word would,
            // since the combining marks that reordering would move are dropped.
            unicode_normalization::char::decompose_compatible(c, |d| {
                if !unicode_normalization::char::is_combining_mark(d) {
                    fold_char(d).to_lowercase().for_each(&mut push);
                }
            });
        }
    }
}

/// Every apostrophe-like mark is written `'`.
fn fold_char(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '`' | '\u{02bc}' | '\u{00b4}' => '\'',
        _ => c,
    }
}

/// A folded key for comparing names: [`fold_word`], with every run of characters that are
/// not letters or digits made one space ("al-Ghadafeh" and "Al Ghadafeh" agree).
pub fn fold_key(text: &str) -> String {
    fold_word(text).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::{fold_key, fold_word};

    #[test]
    fn folds_case_accents_and_apostrophes() {
        assert_eq!(fold_word("Régime"), "regime");
        assert_eq!(fold_word("d’Idlib"), "d'idlib");
        assert_eq!(fold_word("ÉTÉ"), "ete");
        assert_eq!(fold_word("ŒUF"), "œuf");
        assert_eq!(fold_word("Nu`man"), "nu'man");
        assert_eq!(fold_key("al-Ghadafeh"), fold_key("Al  Ghadafeh"));
        assert_eq!(fold_key("Ma’arrat"), "ma arrat");
    }
}
