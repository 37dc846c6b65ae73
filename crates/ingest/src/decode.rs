//! Bytes to text: BOMs, UTF-16, legacy 8-bit encodings, lossy UTF-8, line endings, and
//! refusing what is not text.
//!
//! A file can be as large as the read limit (64 MiB), so decoding works on the bytes it is
//! given and avoids copies: UTF-8 becomes a `String` without one, and newlines and
//! surrounding blanks are fixed in place.

use chardetng::EncodingDetector;

/// Text decoded from a file, with a note when some bytes had to be replaced or the
/// encoding was guessed.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Decoded {
    pub text: String,
    /// Set when invalid UTF-8 was replaced by U+FFFD (the text is usable but damaged), or
    /// when the file was not UTF-8 and its encoding was guessed.
    pub warning: Option<String>,
}

/// More replaced characters than this share means the file is in another encoding (or not
/// text): reading on would feed the extractor mostly U+FFFD.
const MAX_REPLACEMENT_SHARE: f64 = 0.05;
/// Control characters beyond this share of all characters mean the file is binary data
/// that happens to contain no NUL byte.
const MAX_CONTROL_SHARE: f64 = 0.30;

/// Decodes a whole file. `Err` carries the rejection reason.
pub(crate) fn decode(mut bytes: Vec<u8>) -> Result<Decoded, String> {
    let (text, replaced, guessed) = if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
        let (text, replaced) = decode_utf8(bytes)?;
        (text, replaced, None)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let (text, replaced) = decode_utf16(rest, u16::from_le_bytes);
        (normalise_newlines(text), replaced, None)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let (text, replaced) = decode_utf16(rest, u16::from_be_bytes);
        (normalise_newlines(text), replaced, None)
    } else {
        decode_unmarked(bytes)?
    };
    let total = text.chars().count().max(1);
    if replaced as f64 > MAX_REPLACEMENT_SHARE * total as f64 {
        return Err("not UTF-8 text".into());
    }
    let text = clean_text(text)?;
    let warning = match guessed {
        Some(encoding) => Some(format!("not UTF-8: decoded as {encoding} (guessed from its bytes)")),
        None => (replaced > 0).then(|| format!("invalid UTF-8: {replaced} character(s) replaced with U+FFFD")),
    };
    Ok(Decoded { text, warning })
}

/// Checks text that is already Unicode (decoded, or from a JSON string) and trims it in
/// place. Trimming makes two copies of a report that differ only in surrounding blank
/// lines hash the same.
pub(crate) fn clean_text(mut text: String) -> Result<String, String> {
    if looks_binary(&text) {
        return Err("binary file".into());
    }
    let end = text.trim_end().len();
    text.truncate(end);
    let start = text.len() - text.trim_start().len();
    text.drain(..start);
    if text.is_empty() {
        return Err("empty".into());
    }
    Ok(text)
}

/// Bytes without a BOM: UTF-8 when they are (or nearly are, with a few damaged bytes),
/// else the legacy encoding chardetng guesses (Windows-1252 for Latin-1 French, Windows-1256
/// or ISO-8859-6 for Arabic...). Returns the text, how many characters were replaced, and
/// the guessed encoding's name when one was used.
fn decode_unmarked(mut bytes: Vec<u8>) -> Result<(String, usize, Option<&'static str>), String> {
    if bytes.contains(&0) {
        return Err("binary file".into());
    }
    normalise_newline_bytes(&mut bytes);
    let error = match String::from_utf8(bytes) {
        Ok(text) => return Ok((text, 0, None)),
        Err(error) => error,
    };
    let bytes = error.into_bytes();
    // Valid multi-byte sequences beside the invalid ones mean UTF-8 damaged in places (a
    // truncated download, one pasted Latin-1 word); none at all means another encoding.
    if !has_utf8_sequence(&bytes) {
        let mut detector = EncodingDetector::new();
        detector.feed(&bytes, true);
        let encoding = detector.guess(None, false);
        if encoding != encoding_rs::UTF_8 {
            let (text, had_errors) = encoding.decode_without_bom_handling(&bytes);
            let replaced = if had_errors { count_replacements(&text) } else { 0 };
            return Ok((text.into_owned(), replaced, Some(encoding.name())));
        }
    }
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let replaced = count_replacements(&text);
    Ok((text, replaced, None))
}

/// Whether the bytes hold at least one well-formed multi-byte UTF-8 character.
fn has_utf8_sequence(bytes: &[u8]) -> bool {
    bytes.utf8_chunks().any(|chunk| !chunk.valid().is_ascii())
}

/// UTF-8 after its BOM, lossily; returns the text and how many replacement characters
/// decoding added. NUL bytes are checked first because binary files are often valid UTF-8
/// by accident.
fn decode_utf8(mut bytes: Vec<u8>) -> Result<(String, usize), String> {
    if bytes.contains(&0) {
        return Err("binary file".into());
    }
    normalise_newline_bytes(&mut bytes);
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, 0)),
        Err(error) => {
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            let replaced = count_replacements(&text);
            Ok((text, replaced))
        }
    }
}

/// UTF-16 after its BOM; unpaired surrogates and an odd trailing byte become U+FFFD.
fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> (String, usize) {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut replaced = usize::from(bytes.len() % 2 == 1);
    let mut text: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                replaced += 1;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    if bytes.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    (text, replaced)
}

fn count_replacements(text: &str) -> usize {
    text.chars().filter(|&c| c == char::REPLACEMENT_CHARACTER).count()
}

/// CRLF and lone CR (old Mac files) both become LF, so sentence offsets and hashes do not
/// depend on the platform that saved the file.
pub(crate) fn normalise_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut bytes = text.into_bytes();
    normalise_newline_bytes(&mut bytes);
    // CR and LF are single bytes in UTF-8 and never part of another character, so
    // removing or replacing them keeps the text valid.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// [`normalise_newlines`] on bytes of an ASCII-compatible encoding, in place.
fn normalise_newline_bytes(bytes: &mut Vec<u8>) {
    let Some(first) = bytes.iter().position(|&b| b == b'\r') else {
        return;
    };
    let mut write = first;
    let mut read = first;
    while read < bytes.len() {
        let byte = bytes[read];
        read += 1;
        if byte == b'\r' {
            bytes[write] = b'\n';
            if bytes.get(read) == Some(&b'\n') {
                read += 1;
            }
        } else {
            bytes[write] = byte;
        }
        write += 1;
    }
    bytes.truncate(write);
}

/// A NUL anywhere (also after UTF-16 decoding) or a high share of control characters.
fn looks_binary(text: &str) -> bool {
    // Counted on the bytes, in one pass that tells a printable ASCII byte (most of a text)
    // by one comparison: in UTF-8 a char is a byte that does not continue one, NUL is the
    // byte 0, and the control chars are the bytes below 0x20, 0x7F, and U+0080..U+009F,
    // written 0xC2 then 0x80..0x9F. The counts are those of a pass over the chars.
    let bytes = text.as_bytes();
    let (mut total, mut control) = (0usize, 0usize);
    let mut count = |at: usize, byte: u8| -> bool {
        match byte {
            0x20..=0x7E => total += 1,
            0 => return true,
            0x01..=0x1F => {
                total += 1;
                control += usize::from(!matches!(byte, b'\n' | b'\t' | 0x0C));
            }
            0x7F => {
                total += 1;
                control += 1;
            }
            // A byte that continues a char.
            0x80..=0xBF => {}
            _ => {
                total += 1;
                control += usize::from(byte == 0xC2 && bytes.get(at + 1).is_some_and(|&next| next <= 0x9F));
            }
        }
        false
    };
    // Eight bytes a step where all are printable ASCII (most steps of a text in a Latin
    // script): eight chars, none a control char, told by three tests of the word they make.
    let (mut at, mut printable) = (0, 0);
    let mut eights = bytes.chunks_exact(8);
    for eight in eights.by_ref() {
        let mut word = [0; 8];
        word.copy_from_slice(eight);
        if all_printable_ascii(u64::from_le_bytes(word)) {
            printable += 8;
        } else {
            for (i, &byte) in eight.iter().enumerate() {
                if count(at + i, byte) {
                    return true;
                }
            }
        }
        at += 8;
    }
    for (i, &byte) in eights.remainder().iter().enumerate() {
        if count(at + i, byte) {
            return true;
        }
    }
    let total = total + printable;
    control as f64 > MAX_CONTROL_SHARE * total.max(1) as f64
}

/// Whether each of the eight bytes of `word` is printable ASCII (0x20 to 0x7E).
#[inline]
fn all_printable_ascii(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // No byte has its high bit; none is below 0x20 (a byte below it borrows into its high
    // bit when 0x20 is taken off, and had none of its own); none is 0x7F (adding one to a
    // byte without a high bit carries into it only from 0x7F, never into the next byte).
    word & HIGHS == 0 && word.wrapping_sub(0x20 * ONES) & !word & HIGHS == 0 && word.wrapping_add(ONES) & HIGHS == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`looks_binary`] as it read chars, before it counted bytes.
    fn looks_binary_by_chars(text: &str) -> bool {
        let mut total = 0usize;
        let mut control = 0usize;
        for c in text.chars() {
            if c == '\0' {
                return true;
            }
            total += 1;
            if c.is_control() && !matches!(c, '\n' | '\t' | '\x0C') {
                control += 1;
            }
        }
        control as f64 > MAX_CONTROL_SHARE * total.max(1) as f64
    }

    #[test]
    fn binary_check_counts_bytes_as_it_counted_chars() {
        let mut texts: Vec<String> = [
            "",
            "a",
            "Alep\n\tSyrie",
            "\0",
            "x\0y",
            "\x01\x02ab",
            "\x01\x02abcdef",
            "Les forces du régime ont bombardé Alep ~ et Idlib.",
            "ABCDEFGH\x7fIJKLMNOP",
            "ABCDEFG\x1fHIJKLMNOP",
            "ABCDEFGH ~~~~~~~~ !!!!!!!! \x01\x02\x03\x04\x05",
            "ABCDEFGHIJKLMNOP\0",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every char up to U+00FF and some beyond, in shares on both sides of the limit.
        for code in (0u32..0x100).chain([0x100, 0x627, 0x7FF, 0x800, 0x2028, 0xFEFF, 0x1F600]) {
            let c = char::from_u32(code).expect("a char");
            for others in 0..19 {
                let mut text = c.to_string().repeat(3);
                text.push_str(&"é".repeat(others));
                texts.push(text.clone());
                text.push_str(&"a".repeat(others));
                texts.push(text);
            }
        }
        for text in &texts {
            assert_eq!(looks_binary(text), looks_binary_by_chars(text), "{text:?}");
        }
    }

    #[test]
    fn utf8_bom_is_stripped_and_newlines_normalised() {
        let d = decode(b"\xEF\xBB\xBFone\r\ntwo\rthree\n".to_vec()).unwrap();
        assert_eq!(d.text, "one\ntwo\nthree");
        assert_eq!(d.warning, None);
    }

    #[test]
    fn utf16_with_bom_is_decoded_both_ways() {
        let text = "Alep, Syrie\r\n";
        let le: Vec<u8> = b"\xFF\xFE".iter().copied().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> = b"\xFE\xFF".iter().copied().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode(le).unwrap().text, "Alep, Syrie");
        assert_eq!(decode(be).unwrap().text, "Alep, Syrie");
    }

    #[test]
    fn a_few_invalid_bytes_warn_many_reject() {
        let mut few = "Les forces du régime ont repris la ville. ".repeat(10).into_bytes();
        few.push(0xE9);
        let d = decode(few).unwrap();
        assert!(d.text.ends_with('\u{FFFD}'));
        assert!(d.warning.unwrap().contains("1 character"));

        // Mostly UTF-8 but with many damaged bytes: neither one encoding nor the other.
        let mut damaged = "Alep, Syrie é ".repeat(3).into_bytes();
        damaged.extend_from_slice(&[0xE9; 20]);
        assert_eq!(decode(damaged).unwrap_err(), "not UTF-8 text");
    }

    #[test]
    fn windows_1252_french_is_decoded_not_replaced() {
        // "Des frappes aériennes ont tué 12 civils à Maarat al-Nouman, a indiqué l'OSDH ;
        // « l'offensive » continue" in Windows-1252: é, à, « » and the curly apostrophe
        // (0x92) exist only there, not in ISO-8859-1.
        let bytes = b"Des frappes a\xE9riennes ont tu\xE9 12 civils \xE0 Maarat al-Nouman, a indiqu\xE9 \
                      l\x92OSDH ; \xAB l\x92offensive \xBB se poursuit dans la r\xE9gion d\x92Idleb.\r\n"
            .to_vec();
        let d = decode(bytes).unwrap();
        assert_eq!(
            d.text,
            "Des frappes aériennes ont tué 12 civils à Maarat al-Nouman, a indiqué l\u{2019}OSDH ; \
             « l\u{2019}offensive » se poursuit dans la région d\u{2019}Idleb."
        );
        assert!(d.warning.unwrap().contains("windows-1252"));
        // Short Latin-1 words too.
        assert_eq!(decode(b"\xE9t\xE9 \xE0 l\xE0".to_vec()).unwrap().text, "été à là");
    }

    #[test]
    fn newlines_are_normalised_in_place() {
        let mut bytes = b"a\r\nb\rc\r\r\nd".to_vec();
        normalise_newline_bytes(&mut bytes);
        assert_eq!(bytes, b"a\nb\nc\n\nd");
        assert_eq!(clean_text("  \n x y \n\t".to_owned()).unwrap(), "x y");
    }

    #[test]
    fn nul_bytes_and_control_soup_are_binary() {
        assert_eq!(decode(b"PK\x03\x04\x00\x00abc".to_vec()).unwrap_err(), "binary file");
        assert_eq!(decode(b"\x01\x02\x03\x04ab".to_vec()).unwrap_err(), "binary file");
        // UTF-16 text full of NULs after decoding is binary too.
        assert_eq!(decode(b"\xFF\xFE\x00\x00\x00\x00".to_vec()).unwrap_err(), "binary file");
    }

    #[test]
    fn blank_is_empty() {
        assert_eq!(decode(b"".to_vec()).unwrap_err(), "empty");
        assert_eq!(decode(b" \r\n\t\n".to_vec()).unwrap_err(), "empty");
    }
}
