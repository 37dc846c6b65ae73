//! `char::is_alphabetic` and `char::is_alphanumeric` for the characters the texts are
//! mostly written in, by table: outside ASCII the standard library searches Unicode's
//! tables at every call, which the tokenizer and language recognition make at nearly every
//! Arabic letter.

/// The characters below this one (Latin, Greek, Cyrillic, Hebrew, Arabic, Syriac, Thaana:
/// all of UTF-8's one and two byte chars) are told by [`classes`].
const TABLE_END: u32 = 0x0800;

const ALPHABETIC: u8 = 1;
const NUMERIC: u8 = 2;

/// For each char below [`TABLE_END`], whether the standard library calls it alphabetic and
/// numeric; computed by it when first used.
#[inline]
fn classes() -> &'static [u8; TABLE_END as usize] {
    static TABLE: std::sync::OnceLock<Box<[u8; TABLE_END as usize]>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Box::new([0; TABLE_END as usize]);
        for (code, class) in (0..TABLE_END).zip(table.iter_mut()) {
            if let Some(c) = char::from_u32(code) {
                *class = (u8::from(c.is_alphabetic()) * ALPHABETIC) | (u8::from(c.is_numeric()) * NUMERIC);
            }
        }
        table
    })
}

/// [`char::is_alphabetic`], the same answer for every char.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    match classes().get(c as usize) {
        Some(class) => class & ALPHABETIC != 0,
        None => c.is_alphabetic(),
    }
}

/// [`char::is_alphanumeric`], the same answer for every char.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match classes().get(c as usize) {
        Some(class) => class & (ALPHABETIC | NUMERIC) != 0,
        None => c.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_table_answers_as_the_standard_library_does() {
        for code in 0..super::TABLE_END + 0x100 {
            let Some(c) = char::from_u32(code) else { continue };
            assert_eq!(super::is_alphabetic(c), c.is_alphabetic(), "U+{code:04X}");
            assert_eq!(super::is_alphanumeric(c), c.is_alphanumeric(), "U+{code:04X}");
        }
    }
}
