//! Short strings (words, codes, feature names), compared byte by byte in line, without a
//! call to the C library's `memcmp`: for strings of a few bytes the call, and its checks
//! for long ones, cost more than the comparison, and the extractor makes thousands an
//! article. The answers are those of `==` and `Ord` on `str`. Keys and names are put
//! together without `format!` ([`joined`]) for the same reason.

use std::cmp::Ordering;

/// `a == b`.
#[inline]
pub fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    // Compared a few bytes a load, not byte by byte: the first and the last bytes of a
    // length cover it whole (overlapping when it is no multiple of theirs), so a word of
    // two to sixteen bytes takes two comparisons.
    match a.len() {
        0 => true,
        1 => a[0] == b[0],
        2..=3 => word::<2>(a, 0) == word::<2>(b, 0) && word::<2>(a, a.len() - 2) == word::<2>(b, b.len() - 2),
        4..=7 => word::<4>(a, 0) == word::<4>(b, 0) && word::<4>(a, a.len() - 4) == word::<4>(b, b.len() - 4),
        len => {
            let mut at = 0;
            while at + 8 < len {
                if word::<8>(a, at) != word::<8>(b, at) {
                    return false;
                }
                at += 8;
            }
            word::<8>(a, len - 8) == word::<8>(b, len - 8)
        }
    }
}

/// The `N` bytes of `bytes` at `at` (which the caller keeps within them), as one array the
/// compiler compares in one load.
#[inline(always)]
fn word<const N: usize>(bytes: &[u8], at: usize) -> [u8; N] {
    let mut word = [0; N];
    word.copy_from_slice(&bytes[at..at + N]);
    word
}

/// `prefix` then `value`, in one string of their length: what `format!("{prefix}{value}")`
/// writes, without its machinery, for keys and names made at every event or feature.
#[inline]
pub fn joined(prefix: &str, value: &str) -> String {
    let mut text = String::with_capacity(prefix.len() + value.len());
    text.push_str(prefix);
    text.push_str(value);
    text
}

/// `a.cmp(b)`: the first byte that differs, else the shorter first.
#[inline]
pub fn compare(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

#[cfg(test)]
mod tests {
    use super::{compare, same};

    #[test]
    fn answers_as_str_does() {
        let words = [
            "",
            "a",
            "b",
            "ab",
            "abc",
            "abd",
            "sw=frappe",
            "sw=frappes",
            "sk=attack",
            "é",
            "e",
            "\u{ff}",
            "z",
            "abcd",
            "abce",
            "bbcd",
            "abcdefg",
            "abcdefh",
            "xbcdefg",
            "abcdefgh",
            "abcdefgi",
            "abcdefghijklmnop",
            "abcdefghijklmnoq",
            "abcdefghijklmnopq",
            "abcdefghijklmnopr",
            "abcdefghXjklmnopq",
            "bombardements",
            "bombardementz",
        ];
        for a in words {
            for b in words {
                assert_eq!(same(a, b), a == b, "{a:?} {b:?}");
                assert_eq!(compare(a, b), a.cmp(b), "{a:?} {b:?}");
            }
        }
    }
}
