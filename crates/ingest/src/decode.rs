//! Bytes to text: BOMs, UTF-16, lossy UTF-8, line endings, and refusing what is not text.

/// Text decoded from a file, with a note when some bytes had to be replaced.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Decoded {
    pub text: String,
    /// Set when invalid UTF-8 was replaced by U+FFFD: the text is usable but damaged.
    pub warning: Option<String>,
}

/// More replaced characters than this share means the file is in another encoding (or not
/// text): reading on would feed the extractor mostly U+FFFD.
const MAX_REPLACEMENT_SHARE: f64 = 0.05;
/// Control characters beyond this share of all characters mean the file is binary data
/// that happens to contain no NUL byte.
const MAX_CONTROL_SHARE: f64 = 0.30;

/// Decodes a whole file. `Err` carries the rejection reason.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    let (text, replaced) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        decode_utf8(rest)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        decode_utf16(rest, u16::from_le_bytes)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        decode_utf16(rest, u16::from_be_bytes)
    } else {
        decode_utf8(bytes)?
    };
    let total = text.chars().count().max(1);
    if replaced as f64 > MAX_REPLACEMENT_SHARE * total as f64 {
        return Err("not UTF-8 text".into());
    }
    let text = clean_text(&normalise_newlines(&text))?;
    let warning = (replaced > 0).then(|| format!("invalid UTF-8: {replaced} character(s) replaced with U+FFFD"));
    Ok(Decoded { text, warning })
}

/// Checks text that is already Unicode (decoded, or from a JSON string) and trims it.
/// Trimming makes two copies of a report that differ only in surrounding blank lines hash
/// the same.
pub(crate) fn clean_text(text: &str) -> Result<String, String> {
    if looks_binary(text) {
        return Err("binary file".into());
    }
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err("empty".into());
    }
    Ok(trimmed.to_owned())
}

/// UTF-8, lossily; returns the text and how many replacement characters decoding added.
/// NUL bytes are checked first because binary files are often valid UTF-8 by accident.
fn decode_utf8(bytes: &[u8]) -> Result<(String, usize), String> {
    if bytes.contains(&0) {
        return Err("binary file".into());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_owned(), 0)),
        Err(_) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
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
pub(crate) fn normalise_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// A NUL anywhere (also after UTF-16 decoding) or a high share of control characters.
fn looks_binary(text: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_stripped_and_newlines_normalised() {
        let d = decode(b"\xEF\xBB\xBFone\r\ntwo\rthree\n").unwrap();
        assert_eq!(d.text, "one\ntwo\nthree");
        assert_eq!(d.warning, None);
    }

    #[test]
    fn utf16_with_bom_is_decoded_both_ways() {
        let text = "Alep, Syrie\r\n";
        let le: Vec<u8> = b"\xFF\xFE".iter().copied().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> = b"\xFE\xFF".iter().copied().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode(&le).unwrap().text, "Alep, Syrie");
        assert_eq!(decode(&be).unwrap().text, "Alep, Syrie");
    }

    #[test]
    fn a_few_invalid_bytes_warn_many_reject() {
        let mut few = "Les forces du régime ont repris la ville. ".repeat(10).into_bytes();
        few.push(0xE9);
        let d = decode(&few).unwrap();
        assert!(d.text.ends_with('\u{FFFD}'));
        assert!(d.warning.unwrap().contains("1 character"));

        let latin1: Vec<u8> = b"\xE9t\xE9 \xE0 l\xE0".to_vec();
        assert_eq!(decode(&latin1).unwrap_err(), "not UTF-8 text");
    }

    #[test]
    fn nul_bytes_and_control_soup_are_binary() {
        assert_eq!(decode(b"PK\x03\x04\x00\x00abc").unwrap_err(), "binary file");
        assert_eq!(decode(b"\x01\x02\x03\x04ab").unwrap_err(), "binary file");
        // UTF-16 text full of NULs after decoding is binary too.
        assert_eq!(decode(b"\xFF\xFE\x00\x00\x00\x00").unwrap_err(), "binary file");
    }

    #[test]
    fn blank_is_empty() {
        assert_eq!(decode(b"").unwrap_err(), "empty");
        assert_eq!(decode(b" \r\n\t\n").unwrap_err(), "empty");
    }
}
