//! Tokens with byte offsets.
//!
//! Words keep internal apostrophes and hyphens ("don’t", "face-to-face"), numbers keep
//! their separators ("1,119", "1.5"), abbreviations keep their full stops ("U.S.", "Mr."),
//! and every other non-space character is a token of its own.

use crate::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with internal apostrophes, hyphens or periods.
    Word,
    /// Digits, possibly with internal separators ("1,119", "1.5", "10-15" is three tokens).
    Number,
    /// Any other single character: punctuation, quotes, symbols.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Tokenises the text under `span` (byte offsets into `text`).
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let s = &text[span.start..span.end];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let off = |k: usize| chars.get(k).map_or(s.len(), |&(o, _)| o);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c.is_ascii_digit() {
            kind = TokenKind::Number;
            i += 1;
            while let Some(c) = at(i) {
                if c.is_ascii_digit() {
                    i += 1;
                } else if matches!(c, ',' | '.') && at(i + 1).is_some_and(|d| d.is_ascii_digit()) {
                    i += 2;
                } else {
                    break;
                }
            }
            // Ordinals and suffixes glued to a number ("28th", "1990s", "10m") stay one token.
            while at(i).is_some_and(char::is_alphabetic) {
                i += 1;
            }
        } else if c.is_alphanumeric() {
            kind = TokenKind::Word;
            i += 1;
            loop {
                match at(i) {
                    Some(c) if c.is_alphanumeric() || is_combining(c) => i += 1,
                    Some(c) if (is_apostrophe(c) || c == '-') && at(i + 1).is_some_and(char::is_alphanumeric) => i += 2,
                    // "U.S." / "e.g.": a period between single letters.
                    Some('.') if i - start == 1 || (i >= 2 && at(i - 2) == Some('.')) => {
                        if at(i + 1).is_some_and(char::is_alphabetic) && (at(i + 2) == Some('.')) {
                            i += 2;
                        } else if i >= 2 && at(i - 2) == Some('.') {
                            i += 1; // final period of "U.S."
                            break;
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            // Keep the period of a known abbreviation ("Mr.", "Gen.").
            if at(i) == Some('.') && crate::is_abbreviation(&s[off(start)..off(i)]) && !s[off(start)..off(i)].contains('.') {
                i += 1;
            }
        } else {
            kind = TokenKind::Punct;
            i += 1;
        }
        out.push(Token { span: Span::new(span.start + off(start), span.start + off(i)), kind });
    }
    out
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(t: &str) -> Vec<&str> {
        tokenize(t, Span::new(0, t.len())).into_iter().map(|k| &t[k.span.start..k.span.end]).collect()
    }

    #[test]
    fn words_numbers_punct() {
        assert_eq!(toks("The UN has confirmed 1,119 civilian deaths."), vec!["The", "UN", "has", "confirmed", "1,119", "civilian", "deaths", "."]);
        assert_eq!(toks("“I don’t think,” Mr. Smith said"), vec!["“", "I", "don’t", "think", ",", "”", "Mr.", "Smith", "said"]);
        assert_eq!(toks("U.S. face-to-face 1.5bn 28th"), vec!["U.S.", "face-to-face", "1.5bn", "28th"]);
        assert_eq!(toks("Monday (28)."), vec!["Monday", "(", "28", ")", "."]);
    }

    #[test]
    fn odd_input() {
        assert_eq!(toks(""), Vec::<&str>::new());
        assert_eq!(toks("a.b"), vec!["a", ".", "b"]);
        assert_eq!(toks("café\u{301} 😀"), vec!["café\u{301}", "😀"]);
        assert_eq!(toks("U."), vec!["U", "."]);
    }
}
