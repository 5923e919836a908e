//! Pairs quotation marks into quoted stretches.
//!
//! News text mixes curly and straight marks, opens a quotation that runs over several
//! paragraphs with a new opening mark in each and no closing mark until the last, nests single
//! marks inside double ones, and sometimes simply forgets a mark. The pairing works paragraph
//! by paragraph and recovers locally: a stray or missing mark costs at most the quotation it
//! belongs to, never the rest of the article.

use newsgraph_text::{Document, Span};

/// One quoted stretch: the marks' positions and the text between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stretch {
    /// From the opening mark to just after the closing mark (or the recovered end).
    pub outer: Span,
    /// The quoted words, without the marks.
    pub inner: Span,
    /// False when no closing mark was found and the end was recovered.
    pub closed: bool,
    /// Marked with single quotation marks (headlines, some outlets' house style): kept only
    /// when attributed, as single marks are also apostrophes.
    pub single: bool,
}

fn is_double_open(c: char) -> bool {
    matches!(c, '“' | '„' | '«' | '‟')
}
fn is_double_close(c: char) -> bool {
    matches!(c, '”' | '»')
}

/// Where a straight `"` can only be opening or only closing, judged by its neighbours.
#[derive(PartialEq)]
enum Lean {
    Open,
    Close,
    Either,
}

fn straight_lean(prev: Option<char>, next: Option<char>) -> Lean {
    let space_before = prev.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | '/'));
    let space_after = next.is_none_or(|c| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '?' | '!' | ')' | ']' | '—' | '–'));
    match (space_before, space_after) {
        (true, false) => Lean::Open,
        (false, true) => Lean::Close,
        _ => Lean::Either,
    }
}

/// Finds the double-quoted stretches of the document, in text order.
pub fn stretches(doc: &Document) -> Vec<Stretch> {
    let mut out = Vec::new();
    let text = doc.text.as_str();
    // An open quotation carried over a paragraph break: (opening mark start).
    let mut carried: Option<usize> = None;
    for (pi, para) in doc.paragraphs.iter().enumerate() {
        let ptext = &text[para.start..para.end];
        let chars: Vec<(usize, char)> = ptext.char_indices().collect();
        let mut open: Option<usize> = None;
        let mut skip_next = false;
        for (k, &(off, c)) in chars.iter().enumerate() {
            if skip_next {
                skip_next = false;
                continue;
            }
            let pos = para.start + off;
            let prev = if k > 0 { Some(chars[k - 1].1) } else { None };
            // Two apostrophes stand for a straight double mark in some wire and NYT text.
            let doubled = c == '\'' && chars.get(k + 1).is_some_and(|&(_, n)| n == '\'');
            let next = chars.get(k + if doubled { 2 } else { 1 }).map(|&(_, c)| c);
            if doubled {
                skip_next = true;
            }
            let mark_len = if doubled { 2 } else { c.len_utf8() };
            let (opens, closes) = if c == '"' || doubled {
                match straight_lean(prev, next) {
                    Lean::Open => (true, false),
                    Lean::Close => (false, true),
                    Lean::Either => (open.is_none() && carried.is_none(), open.is_some() || carried.is_some()),
                }
            } else {
                (is_double_open(c), is_double_close(c))
            };
            if let Some(start) = carried {
                // The paragraph continues a quotation: its first mark re-opens it.
                if opens && text[para.start..pos].trim().is_empty() {
                    open = Some(start);
                    carried = None;
                    continue;
                }
                // No repeated mark: the quotation ended with the previous paragraph unclosed.
                carried = None;
                close_recovered(doc, start, pi - 1, &mut out);
            }
            if closes && open.is_some() {
                let start = open.take().unwrap_or(pos);
                push(doc, &mut out, start, pos, pos + mark_len, true);
            } else if opens {
                if let Some(start) = open {
                    // A second opening mark before any closing one: the first quotation lost
                    // its closing mark. End it at the last sentence end before this mark.
                    recover_before(doc, start, pos, &mut out);
                }
                open = Some(pos);
            }
            // A closing mark with nothing open is a stray mark: ignored.
        }
        if let Some(start) = open {
            let next_opens = doc.paragraphs.get(pi + 1).is_some_and(|np| {
                let t = text[np.start..np.end].trim_start();
                t.starts_with("''") || t.chars().next().is_some_and(|c| is_double_open(c) || c == '"')
            });
            if next_opens {
                carried = Some(start);
            } else {
                close_recovered(doc, start, pi, &mut out);
            }
        }
    }
    if let Some(start) = carried {
        let last = doc.paragraphs.len().saturating_sub(1);
        close_recovered(doc, start, last, &mut out);
    }
    out.sort_by_key(|s| s.outer.start);
    let singles = single_stretches(doc, &out);
    out.extend(singles);
    out.sort_by_key(|s| s.outer.start);
    out
}

/// Single-quoted stretches outside double-quoted ones: ‘…’ or '…' opened after a space
/// (or a colon, bracket or dash) before a letter, and closed by a mark followed by a space,
/// punctuation or the paragraph end. Within one paragraph and at most 60 words; never
/// recovered when unclosed (an unpaired single mark is an apostrophe).
/// `doubles` are sorted by start.
fn single_stretches(doc: &Document, doubles: &[Stretch]) -> Vec<Stretch> {
    let mut out = Vec::new();
    let text = doc.text.as_str();
    // Doubles are sorted and do not overlap: the one that may hold `pos` is the last starting
    // at or before it (a binary search, not a scan of all doubles for every mark).
    let inside_double = |pos: usize| {
        let k = doubles.partition_point(|d| d.outer.start <= pos);
        k > 0 && pos < doubles[k - 1].outer.end
    };
    for para in &doc.paragraphs {
        let chars: Vec<(usize, char)> = text[para.start..para.end].char_indices().collect();
        let mut open: Option<usize> = None;
        for (k, &(off, c)) in chars.iter().enumerate() {
            if !matches!(c, '‘' | '’' | '\'') {
                continue;
            }
            let pos = para.start + off;
            let prev = if k > 0 { Some(chars[k - 1].1) } else { None };
            let next = chars.get(k + 1).map(|&(_, c)| c);
            // Doubled apostrophes are a double mark, handled with the doubles.
            if c == '\'' && (prev == Some('\'') || next == Some('\'')) {
                continue;
            }
            if inside_double(pos) {
                continue;
            }
            let opens = matches!(c, '‘' | '\'')
                && prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | ':' | '—' | '–' | '['))
                && next.is_some_and(char::is_alphabetic);
            let closes = matches!(c, '’' | '\'') && prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(|n| !n.is_alphanumeric());
            if let (Some(start), true) = (open, closes) {
                let inner = Span::new(start + text[start..].chars().next().map_or(1, char::len_utf8), pos);
                if inner.start < inner.end && text[inner.start..inner.end].split_whitespace().count() <= 60 {
                    out.push(Stretch { outer: Span::new(start, pos + c.len_utf8()), inner, closed: true, single: true });
                }
                open = None;
            } else if opens {
                open = Some(pos);
            }
        }
    }
    out
}

/// Records a stretch from the opening mark at `open` to the closing mark at `close` (or the
/// recovered end), dropping empty ones and trailing white space.
fn push(doc: &Document, out: &mut Vec<Stretch>, open: usize, close: usize, end: usize, closed: bool) {
    let open_len = if doc.text[open..].starts_with("''") { 2 } else { doc.text[open..].chars().next().map_or(0, char::len_utf8) };
    let inner_start = open + open_len;
    if inner_start >= close {
        return;
    }
    let close = inner_start + doc.text[inner_start..close].trim_end().len();
    if inner_start < close {
        out.push(Stretch { outer: Span::new(open, end.max(close)), inner: Span::new(inner_start, close), closed, single: false });
    }
}

/// Ends a quotation whose closing mark never came at the end of paragraph `pi`.
fn close_recovered(doc: &Document, start: usize, pi: usize, out: &mut Vec<Stretch>) {
    let Some(para) = doc.paragraphs.get(pi) else { return };
    let end = para.end.max(start);
    push(doc, out, start, end, end, false);
}

/// Ends an unclosed quotation at the last sentence boundary before `limit`.
fn recover_before(doc: &Document, start: usize, limit: usize, out: &mut Vec<Stretch>) {
    let seg = &doc.text[start..limit];
    let end = seg.rfind(['.', '?', '!']).map(|k| start + k + 1).unwrap_or(limit);
    push(doc, out, start, end, end, false);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(t: &str) -> Vec<String> {
        let doc = Document::new(t);
        stretches(&doc).iter().map(|s| doc.slice(s.inner).to_string()).collect()
    }

    #[test]
    fn curly_straight_and_mixed_marks() {
        assert_eq!(quoted("“One,” he said. \"Two\" and “three\" and \"four”."), vec!["One,", "Two", "three", "four"]);
        assert_eq!(quoted("''Five,'' he said, ''six.'' The Russians' plan."), vec!["Five,", "six."]);
    }

    #[test]
    fn apostrophes_and_nested_single_marks_stay_inside() {
        assert_eq!(quoted("He said “I don’t call it ‘war’ at all.” Then he left."), vec!["I don’t call it ‘war’ at all."]);
    }

    #[test]
    fn single_marks_outside_double_ones() {
        assert_eq!(quoted("De Blasio says the blast was an 'intentional act.'"), vec!["intentional act."]);
        assert_eq!(quoted("Warren to CEO: ‘You Should Be Investigated.’ The voters’ choice."), vec!["You Should Be Investigated."]);
        assert!(quoted("The Russians’ plan and rock ’n’ roll, don’t.").is_empty());
    }

    #[test]
    fn multi_paragraph_quotation() {
        let t = "He said: “First part.\n\n“Second part.”\n\nAfter.";
        let q = quoted(t);
        assert_eq!(q.len(), 1);
        assert!(q[0].starts_with("First part.") && q[0].ends_with("Second part."));
    }

    #[test]
    fn unclosed_marks_recover_locally() {
        // The first quotation never closes; the second is still found whole.
        let q = quoted("“Never closed. He went on. “Closed,” she said.");
        assert_eq!(q, vec!["Never closed. He went on.", "Closed,"]);
        // Unclosed at the end of a paragraph: ends there; the next paragraph is clean.
        let q = quoted("She said “no way\n\nNext “yes” here.");
        assert_eq!(q, vec!["no way", "yes"]);
        assert!(quoted("stray ” mark").is_empty());
        assert!(quoted("").is_empty());
    }
}
