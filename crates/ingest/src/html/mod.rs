//! HTML pages: character decoding, main-text extraction and page metadata.
//!
//! Main text comes from rs-trafilatura (a port of trafilatura, measured best on the Zyte
//! article-extraction benchmark, see `bench/README.md`), with dom_smoothie (a port of
//! Mozilla's Readability) when trafilatura finds nothing. Both build a DOM and walk it
//! recursively, so a page whose elements nest deeper than [`MAX_DOM_DEPTH`] never reaches
//! them: it is reduced by [`plain_text`], an iterative tag stripper that cannot overflow
//! the stack. Metadata is read by the same iterative scanner, from any page.
//!
//! The text handed on has one paragraph per line (`"\n"` between paragraphs), whitespace
//! inside a paragraph collapsed to single spaces, so the sentence splitter sees paragraph
//! breaks and the record's spans index the text it carries.

mod meta;
pub(crate) mod scan;

pub use meta::{PageMeta, page_meta};

/// Pages nesting elements deeper than this skip the DOM extractors (whose tree walks
/// recurse, and whose tree builder does work proportional to depth for every tag) and
/// use the iterative [`plain_text`]. Real article pages nest well under 100 levels.
pub const MAX_DOM_DEPTH: usize = 400;

/// What a page yields: its main text and metadata.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageText {
    pub text: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub lang: Option<String>,
}

/// Decodes an HTML file's bytes: a BOM decides, then the charset the page declares in its
/// first 4 KiB (`<meta charset>`, `http-equiv="Content-Type"`), then UTF-8 if the bytes are
/// valid UTF-8, then Windows-1252 (what undeclared Western pages nearly always are).
pub fn decode_html(bytes: &[u8]) -> String {
    decode_html_with(bytes, None)
}

/// Like [`decode_html`], with the charset a transport declared (an HTTP `Content-Type`
/// header in a WARC record), which ranks after the BOM and before the page's own
/// declaration, as in browsers.
pub fn decode_html_with(bytes: &[u8], transport_charset: Option<&str>) -> String {
    if let Some((enc, n)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc.decode_without_bom_handling(&bytes[n..]).0.into_owned();
    }
    let declared =
        transport_charset.and_then(|l| encoding_rs::Encoding::for_label(l.trim().as_bytes())).or_else(|| declared_charset(&bytes[..bytes.len().min(4096)]));
    // A page cannot really be UTF-16 if it was just read as ASCII-compatible bytes.
    let declared = declared.map(|e| if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE { encoding_rs::UTF_8 } else { e });
    match declared {
        Some(enc) if enc != encoding_rs::UTF_8 => enc.decode_without_bom_handling(bytes).0.into_owned(),
        _ => match std::str::from_utf8(bytes) {
            Ok(s) => s.to_owned(),
            // Declared UTF-8 but invalid: keep what is valid, replace the rest.
            Err(_) if declared.is_some() => String::from_utf8_lossy(bytes).into_owned(),
            Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
        },
    }
}

/// The charset a page declares in its head, read from the raw bytes (ASCII-compatible).
fn declared_charset(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = String::from_utf8_lossy(head);
    for tok in scan::Scanner::new(&head) {
        if let scan::Token::Start { name, attrs, .. } = tok
            && name == "meta"
        {
            let a = scan::attributes(attrs);
            if let Some(cs) = scan::attr(&a, "charset") {
                return encoding_rs::Encoding::for_label(cs.trim().as_bytes());
            }
            if scan::attr(&a, "http-equiv").is_some_and(|h| h.eq_ignore_ascii_case("content-type"))
                && let Some(cs) = scan::attr(&a, "content").and_then(charset_param)
            {
                return encoding_rs::Encoding::for_label(cs.as_bytes());
            }
        }
    }
    None
}

/// The `charset=` parameter of a `Content-Type` value.
pub fn charset_param(content_type: &str) -> Option<&str> {
    let lower = content_type.to_ascii_lowercase();
    let i = lower.find("charset=")? + "charset=".len();
    let v = content_type[i..].trim_start().trim_start_matches(['"', '\'']);
    let end = v.find(|c: char| c == ';' || c == '"' || c == '\'' || c.is_whitespace()).unwrap_or(v.len());
    Some(&v[..end]).filter(|s| !s.is_empty())
}

/// The main-text extractor in use (chosen by measurement; see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extractor {
    /// rs-trafilatura, then dom_smoothie when trafilatura finds no text.
    Trafilatura,
    /// dom_smoothie alone.
    Readability,
    /// The iterative tag stripper alone (no boilerplate removal).
    Plain,
}

/// Extracts the main text and metadata of a page.
pub fn extract(page: &str) -> Result<PageText, String> {
    extract_with(page, Extractor::Trafilatura)
}

/// Extracts the main text and metadata of a page with a given extractor.
pub fn extract_with(page: &str, extractor: Extractor) -> Result<PageText, String> {
    let meta = page_meta(page);
    let deep = scan::max_depth(page, MAX_DOM_DEPTH) > MAX_DOM_DEPTH;
    let text = if deep || extractor == Extractor::Plain {
        plain_text(page)
    } else {
        let mut text = String::new();
        if extractor == Extractor::Trafilatura {
            // Its text, not its HTML: the text has been cleaned of the headline, dates and
            // navigation left at the edges (measured: F1 0.958 against 0.953 for the HTML).
            // No length cap of its own (it would cut at 1 MB, and inside a character):
            // the page is already bounded by `max_article_bytes`.
            let options = rs_trafilatura::Options { max_extracted_len: usize::MAX, ..Default::default() };
            text = guarded(|| rs_trafilatura::extract_with_options(page, &options).map(|r| r.content_text).unwrap_or_default());
        }
        if text.trim().is_empty() {
            text = guarded(|| readability(page));
        }
        if text.trim().is_empty() { plain_text(page) } else { paragraphs(&unglue(&text)) }
    };
    Ok(PageText { text, title: meta.title, url: meta.url, outlet: meta.outlet, date: meta.date, lang: meta.lang })
}

/// Runs an extractor, turning a panic inside it into "no text" (the fallback then runs)
/// rather than losing the batch.
fn guarded(f: impl FnOnce() -> String) -> String {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_default()
}

fn readability(page: &str) -> String {
    let cfg = dom_smoothie::Config { text_mode: dom_smoothie::TextMode::Formatted, ..Default::default() };
    match dom_smoothie::Readability::new(page, None, Some(cfg)).and_then(|mut r| r.parse()) {
        Ok(article) => article.text_content.to_string(),
        Err(_) => String::new(),
    }
}

/// Puts back paragraph breaks the extractor lost. trafilatura joins adjacent paragraphs
/// without a space when the page has none between `</p><p>` ("…the music industry.Why?
/// Because…": 66 such joins in its output on the Zyte pages, 4 in the truth), which
/// would glue two sentences into one. A break goes after a sentence end directly followed
/// by a capitalised word, when a lower-case letter precedes it (so "U.S.A" and "3.5M" stay).
fn unglue(text: &str) -> std::borrow::Cow<'_, str> {
    let b = text.as_bytes();
    let mut cuts = Vec::new();
    for i in 1..b.len() {
        if !matches!(b[i], b'.' | b'?' | b'!') || !b[i - 1].is_ascii_lowercase() {
            continue;
        }
        let mut j = i + 1;
        // A closing quote may sit between the sentence end and the next paragraph.
        for q in ["\"", "\u{201D}", "\u{2019}"] {
            if text[j..].starts_with(q) {
                j += q.len();
                break;
            }
        }
        if b.get(j).is_some_and(u8::is_ascii_uppercase) && b.get(j + 1).is_some_and(u8::is_ascii_lowercase) {
            cuts.push(j);
        }
    }
    if cuts.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + cuts.len());
    let mut last = 0;
    for c in cuts {
        out.push_str(&text[last..c]);
        out.push('\n');
        last = c;
    }
    out.push_str(&text[last..]);
    std::borrow::Cow::Owned(out)
}

/// One paragraph per line: whitespace runs inside a line collapse to one space, blank
/// lines go, and a line that is the source's line wrap inside a paragraph joins the one
/// before (trafilatura's text keeps the page's own line breaks): when the line before is
/// long (not a list item), ends mid-sentence (a lower-case letter or a comma) and this one
/// starts in lower case.
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut para_start = 0;
    for line in text.lines() {
        let mut words = line.split_whitespace().peekable();
        let Some(first) = words.peek() else { continue };
        if !out.is_empty() {
            let last = out.chars().next_back().unwrap_or(' ');
            let wrapped =
                out.len() - para_start >= 50 && (last.is_lowercase() || matches!(last, ',' | ';')) && first.chars().next().is_some_and(char::is_lowercase);
            if wrapped {
                out.push(' ');
            } else {
                out.push('\n');
                para_start = out.len();
            }
        }
        for (i, w) in words.enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

/// Elements whose text is never article text.
const SKIP: [&str; 12] = ["head", "nav", "footer", "aside", "form", "svg", "template", "button", "select", "iframe", "object", "menu"];

/// Elements that end a paragraph.
const BLOCK: [&str; 30] = [
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "pre",
    "header",
    "main",
    "dd",
    "dt",
    "dl",
    "figure",
    "figcaption",
    "hr",
    "td",
    "th",
    "body",
    "html",
];

/// The visible text of a page with block elements as paragraph breaks: linear time,
/// constant stack, whatever the nesting. No boilerplate removal beyond skipping
/// `<script>`, `<style>`, navigation, forms and the like.
pub fn plain_text(page: &str) -> String {
    let mut raw = String::with_capacity(page.len() / 2);
    let mut skip_depth = 0usize;
    for tok in scan::Scanner::new(page) {
        match tok {
            scan::Token::Start { name, self_closing, .. } => {
                if SKIP.contains(&name.as_str()) && !self_closing {
                    skip_depth += 1;
                } else if BLOCK.contains(&name.as_str()) {
                    raw.push('\n');
                }
            }
            scan::Token::End { name } => {
                if SKIP.contains(&name.as_str()) {
                    skip_depth = skip_depth.saturating_sub(1);
                } else if BLOCK.contains(&name.as_str()) {
                    raw.push('\n');
                }
            }
            // Line breaks in the source are not paragraph breaks; only block elements are.
            scan::Token::Text(t) if skip_depth == 0 => raw.extend(scan::decode_entities(t).chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c })),
            _ => {}
        }
    }
    paragraphs(&raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_from_meta_and_transport() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9</p></body></html>";
        assert!(decode_html(page).contains("Café"));
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>";
        assert!(decode_html(page).contains("Привет"));
        assert!(decode_html_with(b"<p>\xcf\xf0\xe8</p>", Some("windows-1251")).contains("При"));
        assert!(decode_html(b"\xEF\xBB\xBF<p>caf\xc3\xa9</p>").starts_with("<p>café"));
        assert!(decode_html(b"<p>caf\xe9</p>").contains("café"));
        assert_eq!(charset_param("text/html; Charset=\"UTF-8\""), Some("UTF-8"));
        assert_eq!(charset_param("text/html"), None);
    }

    #[test]
    fn article_text_with_paragraph_breaks() {
        let body = "The minister said the plan would cost more than expected, and that the work would take years.";
        let page = format!(
            "<html><head><title>T</title><meta property=\"article:published_time\" content=\"2022-03-28\"></head><body>\
             <nav><a href=/>Home</a> <a href=/w>World</a></nav><article><h1>T</h1>\
             <p>{body}</p><p>Second   paragraph of the story, which the reporter wrote at length,\n with a line break and enough words to count as text.</p>\
             <p>{body}</p></article><footer>Copyright</footer></body></html>"
        );
        let out = extract(&page).unwrap();
        assert_eq!(
            paragraphs("a list item\nanother item\n\nThe long sentence that was wrapped in the page source,\n  by its editor."),
            "a list item\nanother item\nThe long sentence that was wrapped in the page source, by its editor."
        );
        assert!(out.text.contains("Second paragraph of the story, which the reporter wrote at length, with a line break"), "{:?}", out.text);
        assert!(!out.text.contains("Copyright"), "{:?}", out.text);
        assert!(out.text.lines().count() >= 2, "{:?}", out.text);
        assert!(out.text.lines().all(|l| !l.trim().is_empty() && !l.contains("  ")));
        assert_eq!(out.date.as_deref(), Some("2022-03-28"));
    }

    #[test]
    fn glued_paragraphs_are_split() {
        assert_eq!(unglue("in the music industry.Why? Because we said so.\u{201D}Then"), "in the music industry.\nWhy? Because we said so.\u{201D}\nThen");
        assert_eq!(unglue("the U.S.A and 3.5M and e.g.Foo"), "the U.S.A and 3.5M and e.g.\nFoo");
        assert_eq!(unglue("Plain."), "Plain.");
    }

    #[test]
    fn deep_nesting_uses_the_plain_path() {
        let n = 100_000;
        let page = format!("<html><body>{}<p>Deep text.</p>{}</body></html>", "<div>".repeat(n), "</div>".repeat(n));
        let out = extract(&page).unwrap();
        assert_eq!(out.text, "Deep text.");
        // Unclosed deep nesting too.
        let out = extract(&format!("{}words", "<span><b>".repeat(n))).unwrap();
        assert_eq!(out.text, "words");
    }

    #[test]
    fn plain_text_skips_scripts_and_navigation() {
        let t = plain_text("<p>One &amp; two</p><script>var x = '<p>no</p>';</script><nav><p>menu</p></nav><div>Three<br>Four</div>");
        assert_eq!(t, "One & two\nThree\nFour");
    }

    #[test]
    fn odd_pages_do_not_panic() {
        for p in ["", "<", "<html>", "<<>>", "<p>\u{0}</p>", "<table><tr><td><table>", "<svg><p>x", "&#0;", "<script>"] {
            let _ = extract(p);
        }
    }
}
