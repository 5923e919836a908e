//! RSS and Atom feeds (and JSON Feed): each item an article, with its publication date.
//!
//! Parsed with feed-rs. Two of its defaults are replaced: dates are read as the calendar
//! day the feed wrote (feed-rs converts to UTC, which moves a late-evening American
//! `pubDate` to the next day), and ids it would invent from a hash are not used — an item
//! is named by its guid, else its link, else its place in the file.

use crate::detect::stem;
use crate::html::scan;
use crate::{Body, IngestError, Location, Meta, RawArticle, normalise_date};

/// Feeds nesting elements deeper than this are refused before parsing (no feed needs it,
/// and it keeps the XML parser's work and stack bounded).
const MAX_FEED_DEPTH: usize = 200;

pub(crate) fn read(bytes: &[u8], loc: Location) -> Vec<Result<RawArticle, IngestError>> {
    let head = String::from_utf8_lossy(bytes);
    if scan::max_depth(&head, MAX_FEED_DEPTH) > MAX_FEED_DEPTH {
        return vec![Err(IngestError::new(loc, format!("the feed nests elements more than {MAX_FEED_DEPTH} deep; not a feed we can read")))];
    }
    drop(head);
    let parser = feed_rs::parser::Builder::new().timestamp_parser(written_day).id_generator(|_, _, _| String::new()).sanitize_content(false).build();
    let feed = match parser.parse(bytes) {
        Ok(f) => f,
        Err(e) => return vec![Err(IngestError::new(loc, format!("not a readable RSS/Atom feed: {e}")))],
    };
    if feed.entries.is_empty() {
        return vec![Err(IngestError::new(loc, "the feed has no items".into()))];
    }
    let outlet = feed.title.as_ref().map(|t| one_line(&t.content)).filter(|t| !t.is_empty());
    let file_stem = stem(&loc.path);
    feed.entries
        .into_iter()
        .enumerate()
        .map(|(i, entry)| {
            let n = i as u64 + 1;
            let loc = loc.at_record(n);
            let link =
                entry.links.iter().find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate")).or(entry.links.first()).map(|l| l.href.trim().to_string());
            let id =
                [Some(entry.id.trim().to_string()), link.clone()].into_iter().flatten().find(|s| !s.is_empty()).unwrap_or_else(|| format!("{file_stem}:{n}"));
            let title = entry.title.as_ref().map(|t| one_line(&crate::html::plain_text(&t.content))).filter(|t| !t.is_empty());
            let html = entry.content.and_then(|c| c.body).filter(|b| !b.trim().is_empty()).or(entry.summary.map(|s| s.content));
            let Some(html) = html.filter(|h| !h.trim().is_empty()) else {
                return Err(IngestError::new(loc, format!("feed item {id:?} has no content or description")));
            };
            let date = entry.published.or(entry.updated).map(|d| d.date_naive().to_string());
            let meta = Meta {
                url: link.filter(|l| !l.is_empty()),
                title,
                outlet: outlet.clone(),
                date,
                lang: feed.language.clone(),
                fallback_date: None,
                unread_date: None,
            };
            Ok(RawArticle { id, body: Body::HtmlFragment(html), meta, location: loc })
        })
        .collect()
}

/// The day the feed wrote, as midnight UTC, so that taking the UTC date gives it back.
fn written_day(s: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    let day = normalise_date(s)?;
    let d = chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d").ok()?;
    Some(d.and_hms_opt(0, 0, 0)?.and_utc())
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(xml: &str) -> Vec<Result<RawArticle, IngestError>> {
        read(xml.as_bytes(), Location::file("news.rss"))
    }

    #[test]
    fn rss_items() {
        let xml = r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
          <title>Example News</title><link>https://example.com</link><language>en-us</language>
          <item><title>First &amp; best</title><link>https://example.com/1</link><guid isPermaLink="false">abc-1</guid>
            <pubDate>Mon, 28 Mar 2022 23:30:00 -0500</pubDate><description>Short.</description>
            <content:encoded><![CDATA[<p>The minister said <b>yes</b>.</p><p>Then left.</p>]]></content:encoded></item>
          <item><title>Second</title><link>https://example.com/2</link><description>&lt;p&gt;Only a description.&lt;/p&gt;</description></item>
          <item><title>Empty</title></item>
        </channel></rss>"#;
        let out = items(xml);
        assert_eq!(out.len(), 3);
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.id, "abc-1");
        assert_eq!(a.meta.date.as_deref(), Some("2022-03-28"), "the written day, not UTC's");
        assert_eq!(a.meta.title.as_deref(), Some("First & best"));
        assert_eq!(a.meta.outlet.as_deref(), Some("Example News"));
        assert_eq!(a.meta.url.as_deref(), Some("https://example.com/1"));
        let art = a.clone().prepare().unwrap();
        assert_eq!(art.text, "The minister said yes.\nThen left.");
        let b = out[1].as_ref().unwrap();
        assert_eq!(b.id, "https://example.com/2");
        assert_eq!(b.clone().prepare().unwrap().text, "Only a description.");
        let e = out[2].as_ref().unwrap_err();
        assert!(e.to_string().starts_with("news.rss (record 3): "), "{e}");
    }

    #[test]
    fn atom_entries() {
        let xml = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:w</id>
          <entry><id>urn:e1</id><title>T</title><published>2021-06-01T08:00:00+02:00</published><updated>2021-06-02T00:00:00Z</updated>
          <link rel="alternate" href="https://w.example/e1"/><content type="html">&lt;p&gt;Body text.&lt;/p&gt;</content></entry></feed>"#;
        let out = items(xml);
        let a = out[0].as_ref().unwrap();
        assert_eq!((a.id.as_str(), a.meta.date.as_deref()), ("urn:e1", Some("2021-06-01")));
        assert_eq!(a.clone().prepare().unwrap().text, "Body text.");
    }

    #[test]
    fn broken_feeds_are_reported() {
        assert!(items("<rss><channel><item>").iter().all(|r| r.is_err()));
        assert!(items(&"<rss>".repeat(10_000)).iter().all(|r| r.is_err()));
        assert!(items("<rss version=\"2.0\"><channel><title>x</title></channel></rss>")[0].as_ref().unwrap_err().reason.contains("no items"));
    }
}
