//! Page metadata: title, canonical URL, outlet, publication date and language, from
//! `<meta>` tags, `<link rel=canonical>`, JSON-LD and `<time datetime>`.
//!
//! Read with the iterative scanner rather than from a DOM so it works on any page,
//! including those too deep or too large for the main-text extractor.

use super::scan::{Scanner, Token, attr, attributes, decode_entities};
use crate::normalise_date;

/// What the page says about itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub lang: Option<String>,
}

/// `<meta>` keys that carry the publication date, best first. Modification dates are
/// deliberately absent: an article updated a week later still happened when published.
const DATE_KEYS: [&str; 14] = [
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "publication_date",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "cxenseparse:recs:publishtime",
];

#[derive(Default)]
struct Found {
    metas: Vec<(String, String)>,
    title_tag: Option<String>,
    canonical: Option<String>,
    lang: Option<String>,
    ld: Ld,
    time_pubdate: Option<String>,
    time_first: Option<String>,
}

/// What JSON-LD blocks say about the article.
#[derive(Default)]
struct Ld {
    date: Option<String>,
    headline: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
}

/// Reads the metadata of a page.
pub fn page_meta(page: &str) -> PageMeta {
    let mut f = Found::default();
    for tok in Scanner::new(page) {
        match tok {
            Token::Start { name, attrs, .. } => match name.as_str() {
                "meta" => {
                    let a = attributes(attrs);
                    let key = attr(&a, "property").or_else(|| attr(&a, "name")).or_else(|| attr(&a, "itemprop"));
                    let value = attr(&a, "content").or_else(|| attr(&a, "datetime"));
                    if let (Some(k), Some(v)) = (key, value)
                        && f.metas.len() < 512
                    {
                        f.metas.push((k.trim().to_ascii_lowercase(), decode_entities(v).trim().to_string()));
                    }
                }
                "link" if f.canonical.is_none() => {
                    let a = attributes(attrs);
                    if attr(&a, "rel").is_some_and(|r| r.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("canonical"))) {
                        f.canonical = attr(&a, "href").map(|h| decode_entities(h).trim().to_string()).filter(|h| is_absolute_url(h));
                    }
                }
                "html" if f.lang.is_none() => {
                    f.lang = attr(&attributes(attrs), "lang").map(|l| l.trim().to_string()).filter(|l| !l.is_empty());
                }
                "time" => {
                    let a = attributes(attrs);
                    if let Some(d) = attr(&a, "datetime").and_then(normalise_date) {
                        if attr(&a, "pubdate").is_some() || attr(&a, "itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datePublished")) {
                            f.time_pubdate.get_or_insert(d);
                        } else {
                            f.time_first.get_or_insert(d);
                        }
                    }
                }
                _ => {}
            },
            Token::Raw { name, attrs, body } => match name.as_str() {
                "title" if f.title_tag.is_none() => f.title_tag = Some(clean(body)).filter(|t| !t.is_empty()),
                "script" if attr(&attributes(attrs), "type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) => {
                    read_json_ld(body, &mut f.ld);
                }
                _ => {}
            },
            _ => {}
        }
    }
    let meta = |keys: &[&str]| keys.iter().find_map(|k| f.metas.iter().find(|(mk, v)| mk == k && !v.is_empty()).map(|(_, v)| v.clone()));
    let date =
        f.ld.date
            .clone()
            .or_else(|| DATE_KEYS.iter().find_map(|k| f.metas.iter().filter(|(mk, _)| mk == k).find_map(|(_, v)| normalise_date(v))))
            .or(f.time_pubdate)
            .or(f.time_first);
    let outlet = meta(&["og:site_name", "application-name", "publisher", "dc.publisher"]).or(f.ld.publisher);
    let title = meta(&["og:title", "twitter:title"]).or(f.ld.headline).or(f.title_tag).map(|t| clean(&t));
    let url = f.canonical.or_else(|| meta(&["og:url"]).filter(|u| is_absolute_url(u))).or(f.ld.url);
    PageMeta { title, url, outlet, date, lang: f.lang.or_else(|| meta(&["og:locale", "language", "content-language"])) }
}

fn is_absolute_url(u: &str) -> bool {
    u.starts_with("http://") || u.starts_with("https://")
}

/// Collapses whitespace and decodes entities.
fn clean(s: &str) -> String {
    decode_entities(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads one JSON-LD block. News pages wrap the article in arrays and `@graph`s; the first
/// article-like object (one with a `datePublished` or a `headline`) wins.
fn read_json_ld(body: &str, ld: &mut Ld) {
    let body = body.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>");
    let Ok(value) = serde_json::from_str::<serde_json::Value>(body) else { return };
    // Iterative walk: JSON-LD from the wild can be nested deeply too.
    let mut stack = vec![&value];
    let mut visited = 0;
    while let Some(v) = stack.pop() {
        visited += 1;
        if visited > 10_000 {
            break;
        }
        match v {
            serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
            serde_json::Value::Object(obj) => {
                let s = |k: &str| obj.get(k).and_then(|v| v.as_str()).map(str::trim).filter(|s| !s.is_empty());
                let is_article = obj.contains_key("datePublished") || obj.contains_key("headline");
                if is_article {
                    if ld.date.is_none() {
                        ld.date = s("datePublished").and_then(normalise_date);
                    }
                    if ld.headline.is_none() {
                        ld.headline = s("headline").map(clean);
                    }
                    if ld.url.is_none() {
                        ld.url = s("url").filter(|u| is_absolute_url(u)).map(String::from).or_else(|| {
                            let m = obj.get("mainEntityOfPage")?;
                            m.as_str().or_else(|| m.get("@id")?.as_str()).filter(|u| is_absolute_url(u)).map(String::from)
                        });
                    }
                    if ld.publisher.is_none() {
                        ld.publisher = obj.get("publisher").and_then(|p| match p {
                            serde_json::Value::String(s) => Some(s.trim().to_string()),
                            serde_json::Value::Object(o) => o.get("name")?.as_str().map(|s| s.trim().to_string()),
                            serde_json::Value::Array(a) => a.first()?.get("name")?.as_str().map(|s| s.trim().to_string()),
                            _ => None,
                        });
                    }
                }
                if let Some(g) = obj.get("@graph") {
                    stack.push(g);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_tags_win_over_time_elements() {
        let page = r#"<html lang="en-GB"><head><title>Fallback &amp; title</title>
            <meta property="og:site_name" content="The Daily Example">
            <meta property="article:published_time" content="2022-03-28T23:10:00+02:00">
            <meta name="twitter:title" content="Ministers meet">
            <link rel="canonical" href="https://example.com/a/1">
            </head><body><time datetime="2021-01-01">old</time></body></html>"#;
        let m = page_meta(page);
        assert_eq!(m.date.as_deref(), Some("2022-03-28"));
        assert_eq!(m.outlet.as_deref(), Some("The Daily Example"));
        assert_eq!(m.title.as_deref(), Some("Ministers meet"));
        assert_eq!(m.url.as_deref(), Some("https://example.com/a/1"));
        assert_eq!(m.lang.as_deref(), Some("en-GB"));
    }

    #[test]
    fn json_ld_graph() {
        let page = r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
            {"@type":"NewsArticle","headline":"A &amp; B","datePublished":"2020-05-06T10:00:00Z","publisher":{"@type":"Organization","name":"Example News"},
             "mainEntityOfPage":{"@id":"https://example.org/story"}}]}</script><title>T</title>"#;
        let m = page_meta(page);
        assert_eq!(m.date.as_deref(), Some("2020-05-06"));
        assert_eq!(m.outlet.as_deref(), Some("Example News"));
        assert_eq!(m.title.as_deref(), Some("A & B"));
        assert_eq!(m.url.as_deref(), Some("https://example.org/story"));
    }

    #[test]
    fn time_element_last() {
        let m = page_meta("<p>By X <time datetime=\"2019-12-01T08:00\">Dec 1</time> <time pubdate datetime=\"2019-11-30\">");
        assert_eq!(m.date.as_deref(), Some("2019-11-30"));
        assert_eq!(page_meta("<p>nothing here").date, None);
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let m = page_meta("<script type='application/ld+json'>{\"datePublished\": </script><meta name=date content=2001-02-03>");
        assert_eq!(m.date.as_deref(), Some("2001-02-03"));
    }
}
