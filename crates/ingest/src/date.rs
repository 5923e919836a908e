//! Publication dates from metadata, normalised to `YYYY-MM-DD`.

/// Normalises a date as found in metadata (ISO 8601 with or without time and zone,
/// RFC 2822 as in RSS, `YYYY/MM/DD`) to `YYYY-MM-DD`. Returns `None` when it is not a
/// recognisable date. The calendar day is the one written (no time-zone shift): that is
/// the day the outlet dated the article.
pub fn normalise_date(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    // ISO-like: 2022-03-28, 2022-03-28T10:00:00Z, 2022/03/28, 20220328
    let digits: Vec<&str> = s.split(|c: char| !c.is_ascii_digit()).filter(|p| !p.is_empty()).collect();
    if let Some(first) = digits.first() {
        if first.len() == 4 && digits.len() >= 3 && s.starts_with(first) {
            return ymd(first, digits[1], digits[2]);
        }
        if first.len() == 8 && s.starts_with(first) {
            return ymd(&first[..4], &first[4..6], &first[6..8]);
        }
    }
    // RFC 2822: "Mon, 28 Mar 2022 10:00:00 GMT" or "28 March 2022".
    let words: Vec<&str> = s.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
    for w in words.windows(3) {
        if let (Ok(d), Some(m), Ok(y)) = (w[0].parse::<u32>(), month(w[1]), w[2].parse::<u32>()) {
            return ymd(&y.to_string(), &m.to_string(), &d.to_string());
        }
        // "March 28 2022"
        if let (Some(m), Ok(d), Ok(y)) = (month(w[0]), w[1].trim_end_matches(|c: char| c.is_alphabetic()).parse::<u32>(), w[2].parse::<u32>()) {
            return ymd(&y.to_string(), &m.to_string(), &d.to_string());
        }
    }
    None
}

fn month(w: &str) -> Option<u32> {
    const M: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let l = w.to_ascii_lowercase();
    if l.len() < 3 {
        return None;
    }
    M.iter().position(|m| l.starts_with(m)).map(|i| i as u32 + 1)
}

fn ymd(y: &str, m: &str, d: &str) -> Option<String> {
    let (y, m, d): (i16, i8, i8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let date = jiff::civil::Date::new(y, m, d).ok()?;
    if !(1800..=2200).contains(&y) {
        return None;
    }
    Some(date.to_string())
}

#[cfg(test)]
mod tests {
    use super::normalise_date as n;

    #[test]
    fn formats() {
        assert_eq!(n("2022-03-28").as_deref(), Some("2022-03-28"));
        assert_eq!(n("2022-03-28T23:10:00+02:00").as_deref(), Some("2022-03-28"));
        assert_eq!(n("2022/3/8").as_deref(), Some("2022-03-08"));
        assert_eq!(n("20220328").as_deref(), Some("2022-03-28"));
        assert_eq!(n("Mon, 28 Mar 2022 10:00:00 GMT").as_deref(), Some("2022-03-28"));
        assert_eq!(n("March 28, 2022").as_deref(), Some("2022-03-28"));
        assert_eq!(n("2022-02-30"), None);
        assert_eq!(n("yesterday"), None);
        assert_eq!(n(""), None);
    }
}
