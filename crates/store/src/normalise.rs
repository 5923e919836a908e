//! Text keys for matching across articles: the same name or text written by different
//! outlets differs in case, diacritics, punctuation, quote marks and spacing, and (for names
//! transliterated from Cyrillic or Arabic) in doubled letters and y/i endings.

/// Lower-case ASCII-ish words: diacritics folded (ä → a, ł → l), every run of characters
/// that are not letters or digits becomes one space, and the result is trimmed.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            match fold_char(c) {
                Some(f) => out.push_str(f),
                None => out.extend(c.to_lowercase()),
            }
        } else if c == '\'' || c == '\u{2019}' {
            // "O'Brien" and "O’Brien" are one word; "Zelensky's" is "Zelensky".
            let mut ahead = chars.clone();
            if matches!(ahead.next(), Some('s' | 'S')) && !ahead.next().is_some_and(char::is_alphanumeric) {
                chars.next();
            }
        } else {
            pending_space = true;
        }
    }
    out
}

/// A transliteration-tolerant form of one folded word: `y` is read as `i`, doubled letters
/// are single, and a final `i` is dropped, so "zelensky", "zelenskyy", "zelenskiy" and
/// "zelenskii" share one key. Used only as a lookup key; matches are confirmed by type.
pub fn loose(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut last = None;
    for c in word.chars() {
        let c = if c == 'y' { 'i' } else { c };
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    if out.len() > 3 && out.ends_with('i') {
        out.pop();
    }
    out
}

/// Words that precede a name without being part of it ("Mr Johnson", "Dr. Fauci").
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "madam", "mx"];

/// The folded words of a person's name, honorifics and possessive endings removed.
pub fn person_words(name: &str) -> Vec<String> {
    let folded = fold(name);
    let mut words: Vec<String> = folded.split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
    while words.len() > 1 && HONORIFICS.contains(&words[0].as_str()) {
        words.remove(0);
    }
    // Generational suffixes are not the surname.
    while words.len() > 1 && matches!(words.last().map(String::as_str), Some("jr" | "sr" | "ii" | "iii" | "iv")) {
        words.pop();
    }
    words
}

/// The key of a non-person name: folded, a leading "the" dropped ("The UN" = "UN").
pub fn name_key(name: &str) -> String {
    let f = fold(name);
    match f.strip_prefix("the ") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => f,
    }
}

/// Collapses whitespace and trims, for hashing text whose layout differs between copies.
pub fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The ASCII form of common accented Latin letters.
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'A'..='Z' | 'a'..='z' | '0'..='9' => return None,
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' | 'Ç' | 'Ć' | 'Ĉ' | 'Ċ' | 'Č' => "c",
        'ď' | 'đ' | 'Ď' | 'Đ' | 'ð' | 'Ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ĕ' | 'Ė' | 'Ę' | 'Ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' | 'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' => "g",
        'ĥ' | 'ħ' | 'Ĥ' | 'Ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ĩ' | 'Ī' | 'Ĭ' | 'Į' | 'İ' => "i",
        'ĵ' | 'Ĵ' => "j",
        'ķ' | 'Ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' | 'Ĺ' | 'Ļ' | 'Ľ' | 'Ŀ' | 'Ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'Ñ' | 'Ń' | 'Ņ' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ŏ' | 'Ő' => "o",
        'œ' | 'Œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' | 'Ŕ' | 'Ŗ' | 'Ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'Ś' | 'Ŝ' | 'Ş' | 'Š' | 'ș' | 'Ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'Ţ' | 'Ť' | 'Ŧ' | 'ț' | 'Ț' => "t",
        'þ' | 'Þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ũ' | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => "u",
        'ŵ' | 'Ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' | 'Ý' | 'Ÿ' | 'Ŷ' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_case_diacritics_and_punctuation() {
        assert_eq!(fold("  Volodymyr  Zelenský's "), "volodymyr zelensky");
        assert_eq!(fold("Zelensky’s aides"), "zelensky aides");
        assert_eq!(fold("Łódź—Kraków"), "lodz krakow");
        assert_eq!(fold("O’Brien"), "obrien");
        assert_eq!(fold(""), "");
        assert_eq!(fold("Путин"), "путин");
    }

    #[test]
    fn loose_joins_transliteration_variants() {
        let k = loose("zelensky");
        assert_eq!(loose("zelenskyy"), k);
        assert_eq!(loose("zelenskiy"), k);
        assert_eq!(loose("zelenskii"), k);
        assert_ne!(loose("zelensky"), loose("zelenko"));
    }

    #[test]
    fn person_words_drop_honorifics_and_suffixes() {
        assert_eq!(person_words("Mr. Boris Johnson"), vec!["boris", "johnson"]);
        assert_eq!(person_words("Martin Luther King Jr."), vec!["martin", "luther", "king"]);
        assert_eq!(person_words("Mr"), vec!["mr"]);
    }

    #[test]
    fn name_key_drops_leading_the() {
        assert_eq!(name_key("The United Nations"), "united nations");
        assert_eq!(name_key("the"), "the");
    }
}
