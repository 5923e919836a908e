//! HTML pages: main-text extraction and page metadata.
//! (A placeholder that keeps paragraph text; the ingestion work replaces it with a
//! measured main-text extractor.)

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

/// Decodes an HTML file's bytes: BOM, then the declared charset, then UTF-8, then
/// Windows-1252.
pub fn decode_html(bytes: &[u8]) -> String {
    if let Some((enc, n)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc.decode_without_bom_handling(&bytes[n..]).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

/// Extracts the main text of a page.
pub fn extract(page: &str) -> Result<PageText, String> {
    let mut text = String::new();
    let mut in_tag = false;
    for c in page.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    Ok(PageText { text: text.split_whitespace().collect::<Vec<_>>().join(" "), ..Default::default() })
}
