//! Word normalisation shared by the features and the gazetteers, so that news text and
//! CoNLL text look alike: lower case, one apostrophe (’ → '), digits folded to 0, and the
//! possessive "’s" that the tokenizer keeps on a word ("Obama’s") set aside.

use crate::hash;

/// Appends the normalised characters of `word` to `buf`.
pub fn normalise(word: &str, buf: &mut Vec<char>) {
    for c in word.chars() {
        match c {
            '’' | '‘' | '`' | '´' => buf.push('\''),
            '–' | '—' | '‐' | '‑' => buf.push('-'),
            c if c.is_ascii_digit() => buf.push('0'),
            c if c.is_ascii() => buf.push(c.to_ascii_lowercase()),
            c => buf.extend(c.to_lowercase()),
        }
    }
}

/// Hash of a normalised character sequence.
#[inline]
pub fn chars_hash(chars: &[char]) -> u64 {
    let mut h: u64 = 0x2545_f491_4f6c_dd1d;
    for &c in chars {
        h = hash::mix(h, c as u64);
    }
    hash::mix(h, chars.len() as u64)
}

/// Length in bytes of `word` without a possessive ending ("Obama’s" → "Obama"), or the
/// whole length when it has none. CoNLL writes the possessive as its own token; news text
/// glues it on, and the tagger must see the same name in both.
pub fn without_possessive(word: &str) -> usize {
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = word.strip_suffix(suffix)
            && stem.chars().count() >= 2
        {
            return stem.len();
        }
    }
    word.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(w: &str) -> String {
        let mut b = Vec::new();
        normalise(w, &mut b);
        b.into_iter().collect()
    }

    #[test]
    fn normalises() {
        assert_eq!(n("O’Neill"), "o'neill");
        assert_eq!(n("1996-08-22"), "0000-00-00");
        assert_eq!(n("ÉCOLE"), "école");
        assert_eq!(chars_hash(&['a']), chars_hash(&['a']));
        assert_ne!(chars_hash(&['a']), chars_hash(&['a', 'a']));
    }

    #[test]
    fn possessive() {
        assert_eq!(without_possessive("Obama’s"), "Obama".len());
        assert_eq!(without_possessive("Obama's"), 5);
        assert_eq!(without_possessive("it's"), 4 - 2);
        assert_eq!(without_possessive("s's"), 3);
        assert_eq!(without_possessive("Paris"), 5);
    }
}
