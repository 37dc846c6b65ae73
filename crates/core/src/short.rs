//! Comparing short strings (words, codes, feature names) byte by byte in line, without a
//! call to the C library's `memcmp`: for strings of a few bytes the call, and its checks
//! for long ones, cost more than the comparison, and the extractor makes thousands an
//! article. The answers are those of `==` and `Ord` on `str`.

use std::cmp::Ordering;

/// `a == b`.
#[inline]
pub fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
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
        let words = ["", "a", "b", "ab", "abc", "abd", "sw=frappe", "sw=frappes", "sk=attack", "é", "e", "\u{ff}", "z"];
        for a in words {
            for b in words {
                assert_eq!(same(a, b), a == b, "{a:?} {b:?}");
                assert_eq!(compare(a, b), a.cmp(b), "{a:?} {b:?}");
            }
        }
    }
}
