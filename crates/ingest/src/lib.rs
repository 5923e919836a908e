//! Ingestion: every news format newsgraph reads, turned into [`RawArticle`]s.
//!
//! Reading is split in two so the costly part runs in parallel: [`read_inputs`] streams
//! raw articles from files in input order (cheap: decompression, line splitting, WARC
//! records), and [`RawArticle::prepare`] turns one into an [`Article`] with plain text
//! (HTML main-text extraction, encoding) on a worker thread.
//!
//! Nothing is dropped silently: every input that yields no article yields an
//! [`IngestError`] naming the file, the line or record, and the reason.

mod date;
mod detect;
mod error;
mod feed;
pub mod html;
mod jsonl;
mod source;
mod warc;

pub use date::normalise_date;
pub use detect::Format;
pub use error::{IngestError, Location};
pub use source::{Limits, read_inputs, read_stream};

/// The body of an article as it came in.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// Plain text: the spans of the record index into it as given.
    Text(String),
    /// An HTML page: the main text is extracted (boilerplate removed) before analysis.
    Html(String),
    /// HTML that is all article (a feed item's `content:encoded` or `description`): its
    /// text is kept whole, only the markup goes.
    HtmlFragment(String),
}

/// An article as read from its input, before HTML extraction.
#[derive(Debug, Clone, PartialEq)]
pub struct RawArticle {
    pub id: String,
    pub body: Body,
    pub meta: Meta,
    pub location: Location,
}

/// Metadata known about an article from its container (JSON fields, feed item, WARC headers).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// Publication date, ISO 8601 (`YYYY-MM-DD`).
    pub date: Option<String>,
    pub lang: Option<String>,
    /// A date to use only when neither the container nor the page states a publication
    /// date: a WARC record's capture date (news crawls fetch within a day or so).
    pub fallback_date: Option<String>,
    /// A publication date the container gave but that is not a readable calendar date
    /// between 1800 and 2200, kept so it can be reported: the date is then inferred from
    /// the text, and the user should know why.
    pub unread_date: Option<String>,
}

/// An article ready for analysis: its text and metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub id: String,
    pub text: String,
    /// True when `text` was extracted (from HTML) rather than given; the record then
    /// carries the text so its spans can be read.
    pub extracted: bool,
    pub meta: Meta,
    pub location: Location,
}

impl RawArticle {
    /// Things about this input a user should hear of although the article is analysed:
    /// each names the input and the place in it.
    pub fn warnings(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(d) = &self.meta.unread_date {
            out.push(format!(
                "{}: the date {d:?} of article {:?} is not a calendar date between 1800 and 2200; its publication date will be inferred from the text",
                self.location, self.id
            ));
        }
        out
    }

    /// Turns the raw body into analysable text. HTML is reduced to its main text, and its
    /// `<meta>`, JSON-LD and `<time>` metadata fill what the container did not give.
    pub fn prepare(self) -> Result<Article, IngestError> {
        match self.body {
            Body::Text(text) => Ok(Article { id: self.id, text, extracted: false, meta: self.meta, location: self.location }),
            Body::HtmlFragment(fragment) => {
                let text = html::plain_text(&fragment);
                if text.is_empty() {
                    return Err(IngestError::new(self.location, "the item's HTML has no text".into()));
                }
                Ok(Article { id: self.id, text, extracted: true, meta: self.meta, location: self.location })
            }
            Body::Html(page) => {
                let page_meta = html::extract(&page).map_err(|reason| IngestError::new(self.location.clone(), reason))?;
                let mut meta = self.meta;
                meta.title = meta.title.or(page_meta.title);
                meta.url = meta.url.or(page_meta.url);
                meta.outlet = meta.outlet.or(page_meta.outlet);
                meta.date = meta.date.or(page_meta.date).or(meta.fallback_date.take());
                meta.lang = meta.lang.or(page_meta.lang);
                if page_meta.text.trim().is_empty() {
                    return Err(IngestError::new(self.location, "the HTML page has no article text".into()));
                }
                Ok(Article { id: self.id, text: page_meta.text, extracted: true, meta, location: self.location })
            }
        }
    }
}
