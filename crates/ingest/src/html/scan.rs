//! A small, iterative, forgiving HTML tag scanner.
//!
//! The DOM-building extractors recurse over the tree and html5ever's tree builder does
//! work proportional to the depth of open elements for each tag, so a page nested
//! 100,000 levels deep would overflow the stack or take hours. This scanner never builds a
//! tree: it walks the bytes once, yielding tags and text runs. It serves three needs —
//! measuring nesting depth before a DOM is built, reading metadata (`<meta>`, `<link>`,
//! `<title>`, JSON-LD, `<time>`), and the plain fallback extraction — in linear time and
//! constant stack.

/// One piece of an HTML page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    /// A start tag: lower-cased name, the raw attribute text, and whether it is self-closed (`<br/>`).
    Start { name: String, attrs: &'a str, self_closing: bool },
    /// An end tag, lower-cased name.
    End { name: String },
    /// Text between tags (entities not yet decoded).
    Text(&'a str),
    /// The contents of a raw-text element (`<script>`, `<style>`, …), without its tags.
    Raw { name: String, attrs: &'a str, body: &'a str },
}

/// Elements whose content is not markup: it runs to the matching end tag.
const RAW_TEXT: [&str; 6] = ["script", "style", "textarea", "title", "xmp", "noscript"];

/// Elements that never have content, so they do not deepen the nesting.
pub(crate) const VOID: [&str; 16] =
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen", "command"];

/// Iterates over the tokens of a page.
pub(crate) struct Scanner<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(s: &'a str) -> Self {
        Scanner { s, pos: 0 }
    }
}

impl<'a> Iterator for Scanner<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let s = self.s;
        let b = s.as_bytes();
        loop {
            if self.pos >= b.len() {
                return None;
            }
            let start = self.pos;
            if b[start] != b'<' {
                let end = memchr(b'<', &b[start..]).map_or(b.len(), |i| start + i);
                self.pos = end;
                return Some(Token::Text(&s[start..end]));
            }
            let rest = &s[start..];
            // Comments, doctype, CDATA, processing instructions: skipped.
            if let Some(comment) = rest.strip_prefix("<!--") {
                self.pos = comment.find("-->").map_or(b.len(), |i| start + 4 + i + 3);
                continue;
            }
            if rest.starts_with("<!") || rest.starts_with("<?") {
                self.pos = memchr(b'>', &b[start..]).map_or(b.len(), |i| start + i + 1);
                continue;
            }
            let is_end = rest.starts_with("</");
            let name_start = start + if is_end { 2 } else { 1 };
            let name_len = b[name_start..].iter().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b':' | b'_')).count();
            if name_len == 0 || !b[name_start].is_ascii_alphabetic() {
                // A lone '<' is text.
                let end = memchr(b'<', &b[start + 1..]).map_or(b.len(), |i| start + 1 + i);
                self.pos = end;
                return Some(Token::Text(&s[start..end]));
            }
            let name = s[name_start..name_start + name_len].to_ascii_lowercase();
            let attrs_start = name_start + name_len;
            let tag_end = find_tag_end(b, attrs_start);
            self.pos = tag_end.map_or(b.len(), |i| i + 1);
            let inner_end = tag_end.unwrap_or(b.len());
            if is_end {
                return Some(Token::End { name });
            }
            let mut attrs = &s[attrs_start..inner_end];
            let self_closing = attrs.ends_with('/');
            if self_closing {
                attrs = &attrs[..attrs.len() - 1];
            }
            if !self_closing && RAW_TEXT.contains(&name.as_str()) {
                let body_start = self.pos;
                let close = find_close(&s[body_start..], &name);
                let (body_end, next) = match close {
                    Some((i, j)) => (body_start + i, body_start + j),
                    None => (s.len(), s.len()),
                };
                self.pos = next;
                return Some(Token::Raw { name, attrs, body: &s[body_start..body_end] });
            }
            return Some(Token::Start { name, attrs, self_closing });
        }
    }
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == needle)
}

/// The `>` that ends a tag, skipping quoted attribute values.
fn find_tag_end(b: &[u8], mut i: usize) -> Option<usize> {
    let mut quote = 0u8;
    while i < b.len() {
        let c = b[i];
        if quote != 0 {
            if c == quote {
                quote = 0;
            }
        } else if c == b'"' || c == b'\'' {
            // Only a quote that opens a value (after '=') starts a quoted run.
            let prev = b[..i].iter().rev().find(|c| !c.is_ascii_whitespace());
            if prev == Some(&b'=') {
                quote = c;
            }
        } else if c == b'>' {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Finds `</name` (case-insensitive) in `s`; returns (start of the end tag, just past its `>`).
fn find_close(s: &str, name: &str) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr(b'<', &b[from..]).map(|i| from + i) {
        let after = i + 2 + name.len();
        if b.get(i + 1) == Some(&b'/') && after <= b.len() && b[i + 2..after].eq_ignore_ascii_case(name.as_bytes()) {
            let end = memchr(b'>', &b[after..]).map_or(b.len(), |j| after + j + 1);
            return Some((i, end));
        }
        from = i + 1;
    }
    None
}

/// The attributes of a tag as (lower-cased name, raw value) pairs.
pub(crate) fn attributes(attrs: &str) -> Vec<(String, &str)> {
    let b = attrs.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let ns = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'/') {
            i += 1;
        }
        if ns == i {
            i += 1;
            continue;
        }
        let name = attrs[ns..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let value = if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                let ve = memchr(q, &b[vs..]).map_or(b.len(), |j| vs + j);
                i = (ve + 1).min(b.len());
                &attrs[vs..ve]
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                &attrs[vs..i]
            };
            out.push((name, value));
        } else {
            out.push((name, ""));
        }
    }
    out
}

/// The value of one attribute.
pub(crate) fn attr<'a>(attrs: &'a [(String, &'a str)], name: &str) -> Option<&'a str> {
    attrs.iter().find(|(n, _)| n == name).map(|(_, v)| *v)
}

/// Decodes the common character references (named ones news pages use, and numeric ones).
pub(crate) fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '#')).map(|j| j + 1);
        let (name, consumed) = match end {
            Some(e) if e > 1 => (&rest[1..e], e + usize::from(rest[e..].starts_with(';'))),
            None if rest.len() > 1 => (&rest[1..], rest.len()),
            _ => ("", 0),
        };
        match (name.is_empty(), entity(name)) {
            (false, Some(c)) => {
                out.push(c);
                rest = &rest[consumed..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let v = match num.strip_prefix(['x', 'X']) {
            Some(h) => u32::from_str_radix(h, 16).ok()?,
            None => num.parse().ok()?,
        };
        return Some(char::from_u32(v).filter(|&c| c != '\0').unwrap_or('\u{FFFD}'));
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "copy" => '©',
        "reg" => '®',
        "euro" => '€',
        "pound" => '£',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "agrave" => 'à',
        "oacute" => 'ó',
        "iacute" => 'í',
        "uacute" => 'ú',
        "ntilde" => 'ñ',
        "ccedil" => 'ç',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "auml" => 'ä',
        "szlig" => 'ß',
        _ => return None,
    })
}

/// The deepest nesting of (non-void) elements, counted without building a tree. End tags
/// close the innermost open element of that name when there is one, as browsers do
/// roughly; stray end tags are ignored. The count stops once it passes `cap`.
pub(crate) fn max_depth(page: &str, cap: usize) -> usize {
    let mut stack: Vec<String> = Vec::new();
    let mut deepest = 0;
    for tok in Scanner::new(page) {
        match tok {
            Token::Start { name, self_closing, .. } => {
                if self_closing || VOID.contains(&name.as_str()) || name == "p" && stack.last().is_some_and(|t| t == "p") {
                    continue;
                }
                stack.push(name);
                deepest = deepest.max(stack.len());
                if deepest > cap {
                    return deepest;
                }
            }
            Token::End { name } => {
                // Look back a bounded distance: unclosed inline tags are common.
                if let Some(i) = stack.iter().rev().take(64).position(|t| *t == name) {
                    let keep = stack.len() - 1 - i;
                    stack.truncate(keep);
                }
            }
            _ => {}
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens() {
        let toks: Vec<_> = Scanner::new("<p class=\"a>b\">Hi &amp; <b>x</b><!-- c --><script>if (a<b) {}</script>").collect();
        assert_eq!(toks[0], Token::Start { name: "p".into(), attrs: " class=\"a>b\"", self_closing: false });
        assert_eq!(toks[1], Token::Text("Hi &amp; "));
        assert_eq!(toks[4], Token::End { name: "b".into() });
        assert_eq!(toks[5], Token::Raw { name: "script".into(), attrs: "", body: "if (a<b) {}" });
        assert_eq!(toks.len(), 6);
    }

    #[test]
    fn attrs_and_entities() {
        let a = attributes(" property=\"og:title\" content='Don&#39;t' data-x=1 hidden");
        assert_eq!(attr(&a, "property"), Some("og:title"));
        assert_eq!(decode_entities(attr(&a, "content").unwrap()), "Don't");
        assert_eq!(attr(&a, "data-x"), Some("1"));
        assert_eq!(attr(&a, "hidden"), Some(""));
        assert_eq!(decode_entities("a &amp b &unknown; &#x41;&#0;"), "a & b &unknown; A\u{FFFD}");
        assert_eq!(decode_entities("&"), "&");
    }

    #[test]
    fn depth() {
        assert_eq!(max_depth("<html><body><div><p>a<p>b<br></div></body></html>", 100), 4);
        let deep = "<div>".repeat(100_000);
        assert!(max_depth(&deep, 500) > 500);
        assert_eq!(max_depth("<a><b></a></b><i></i>", 10), 2);
    }

    #[test]
    fn garbage_does_not_panic() {
        for s in ["<", "</", "<a", "<a b='", "<!--", "<script>", "<<<>>>", "< p>", "<é>", "&#xFFFFFFFF;", "&#99999999999;"] {
            let _ = Scanner::new(s).count();
            let _ = decode_entities(s);
            let _ = max_depth(s, 10);
        }
    }
}
