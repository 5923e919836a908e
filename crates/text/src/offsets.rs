//! Byte offsets ↔ Unicode code point offsets.
//!
//! The record contract counts code points (Python `str` indices). The engine works in bytes;
//! this is the single place where one becomes the other.

/// A lookup from byte offsets to code-point offsets for one text.
///
/// Built in one pass; each lookup is a binary search over the positions of non-ASCII
/// characters, so an ASCII-only article costs no memory beyond the struct.
#[derive(Debug, Clone)]
pub struct OffsetMap {
    /// Byte offset of every multi-byte character, in order, with the count of extra bytes
    /// seen before and including it.
    wide: Vec<(usize, usize)>,
    len_bytes: usize,
}

impl OffsetMap {
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut extra = 0usize;
        for (i, c) in text.char_indices() {
            let l = c.len_utf8();
            if l > 1 {
                extra += l - 1;
                wide.push((i, extra));
            }
        }
        OffsetMap { wide, len_bytes: text.len() }
    }

    /// The code-point index of byte offset `byte`. A byte offset inside a character (never
    /// produced by the engine) maps to that character's index; past the end maps to the end.
    pub fn to_char(&self, byte: usize) -> usize {
        let byte = byte.min(self.len_bytes);
        // Extra bytes contributed by characters that start strictly before `byte`.
        let n = self.wide.partition_point(|&(pos, _)| pos < byte);
        let extra = if n == 0 { 0 } else { self.wide[n - 1].1 };
        // If `byte` falls inside the last wide character, don't count its trailing bytes.
        if n > 0 {
            let (pos, cum) = self.wide[n - 1];
            let prev = if n >= 2 { self.wide[n - 2].1 } else { 0 };
            let width = cum - prev + 1;
            if byte < pos + width {
                return pos - prev;
            }
        }
        byte - extra
    }

    /// Converts a `[start, end)` byte span into code points.
    pub fn span_to_chars(&self, start: usize, end: usize) -> [usize; 2] {
        [self.to_char(start), self.to_char(end)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) {
        let map = OffsetMap::new(text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(map.to_char(bi), ci, "text {text:?} byte {bi}");
        }
        assert_eq!(map.to_char(text.len()), text.chars().count());
    }

    #[test]
    fn ascii_emoji_combining_cjk() {
        check("plain ascii");
        check("Zelensky’s “talks” — 🇺🇦 flag");
        check("e\u{301}te\u{301} café 北京市 😀x");
        check("");
    }

    #[test]
    fn inside_a_character_maps_to_it() {
        let t = "a😀b";
        let map = OffsetMap::new(t);
        assert_eq!(map.to_char(2), 1);
        assert_eq!(map.to_char(5), 2);
        assert_eq!(map.to_char(99), 3);
    }
}
