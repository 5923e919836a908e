//! Reading one number expression from a sentence's tokens: digits with separators and glued
//! scales ("1,119", "1.5bn", "10k"), number words ("Twenty-six", "two hundred and five",
//! "a dozen"), digits with scale words ("10 million"), fractions ("a quarter", "two thirds",
//! "3/4"), and vague counts ("dozens", "tens of thousands"), each with its value.
//!
//! This module only reads numbers; whether a number is a quantity at all (not a year, a date,
//! an age …) is decided by `filter`, and hedges, units and heads by `scan`.

use crate::lexicon::{Glued, LEXICON, NumberWord, WordKind};
use crate::numeral::{self, Run};
use crate::tokens::{Tok, low, touching};
use newsgraph_text::TokenKind;

/// How a number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Digits,
    Words,
    /// A proper fraction ("a quarter", "3/4", "half").
    Fraction,
    /// A vague count read as its lower bound ("dozens", "tens of thousands").
    Vague,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// First token and one past the last token of the expression.
    pub start: usize,
    pub end: usize,
    /// Byte range of the expression (narrower than its tokens inside "three-judge").
    pub byte_start: usize,
    pub byte_end: usize,
    pub value: f64,
    pub form: Form,
    /// The multiplier a scale word or suffix applied ("1.5 million" → 1e6), for ranges.
    pub scale: f64,
    /// A unit glued to digits ("5km").
    pub glued_unit: Option<&'static str>,
    /// A glued "m" that means million after a currency sign and metres otherwise.
    pub money_scale: Option<f64>,
    /// The rest of a hyphenated compound after its number ("three-judge" → "judge").
    pub compound_rest: Option<(usize, usize)>,
    /// The integer was written in digits without separators and has this many digits
    /// (for year and identifier checks); 0 otherwise.
    pub bare_digits: usize,
}

/// The value of a digit string with its glued suffix: "1,119" → (1119, ""), "1.5bn" → (1.5, "bn").
/// `None` for strings that are not one number ("192.168.1.2", "22,24,26").
pub fn digits(text: &str) -> Option<(f64, &str, bool)> {
    let num_end = text.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(text.len());
    let (num, suffix) = text.split_at(num_end);
    if num.is_empty() || !num.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let mut parts = num.split('.');
    let int = parts.next()?;
    let frac = parts.next();
    if parts.next().is_some() {
        return None;
    }
    let groups: Vec<&str> = int.split(',').collect();
    let mut grouped = false;
    let clean: String = if groups.len() == 1 {
        int.to_string()
    } else if (1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3) {
        grouped = true;
        groups.concat()
    } else if groups.len() == 2 && frac.is_none() {
        // A decimal comma ("1,3", "5,00").
        let v: f64 = format!("{}.{}", groups[0], groups[1]).parse().ok()?;
        return Some((v, suffix, true));
    } else {
        return None;
    };
    let v: f64 = match frac {
        Some(f) if !f.is_empty() && !f.contains(',') => format!("{clean}.{f}").parse().ok()?,
        Some(_) => return None,
        None => clean.parse().ok()?,
    };
    Some((v, suffix, grouped || frac.is_some()))
}

/// A number word, including hyphenated compounds: "twenty-six" reads as one complete number
/// below a hundred (kind `Teen`), "two-thirds" as a fraction (kind `Denoms`, value 2/3 encoded by
/// the caller). Returns the word and, for fractions, the numerator.
pub fn word(lower: &str) -> Option<NumberWord> {
    if let Some(w) = LEXICON.numbers.get(lower) {
        return Some(*w);
    }
    let (a, b) = lower.split_once('-')?;
    let (wa, wb) = (LEXICON.numbers.get(a)?, LEXICON.numbers.get(b)?);
    if wa.kind == WordKind::Tens && wb.kind == WordKind::Unit && wb.value > 0.0 {
        return Some(NumberWord { kind: WordKind::Teen, value: wa.value + wb.value });
    }
    None
}

/// A hyphenated fraction word ("one-fourth", "two-thirds") → its value.
fn compound_fraction(lower: &str) -> Option<f64> {
    let (a, b) = lower.split_once('-')?;
    let num = word(a)?;
    let den = LEXICON.numbers.get(b)?;
    if !matches!(num.kind, WordKind::Unit | WordKind::Teen | WordKind::Tens) || num.value <= 0.0 {
        return None;
    }
    match den.kind {
        WordKind::Denom if num.value == 1.0 => Some(1.0 / den.value),
        WordKind::Denoms if num.value > 1.0 => Some(num.value / den.value),
        WordKind::Half if num.value == 1.0 => Some(0.5),
        _ => None,
    }
}

fn is_article(w: &str) -> bool {
    w == "a" || w == "an"
}

/// Words after which "a third" / "one fifth" is a fraction and not an ordinal ("a third term").
fn ends_fraction(toks: &[Tok], i: usize) -> bool {
    match toks.get(i) {
        None => true,
        Some(t) if t.kind != TokenKind::Word => true,
        Some(t) => matches!(
            t.lower,
            "of" | "from"
                | "to"
                | "in"
                | "on"
                | "and"
                | "or"
                | "than"
                | "since"
                | "by"
                | "for"
                | "at"
                | "with"
                | "over"
                | "were"
                | "was"
                | "are"
                | "is"
                | "have"
                | "had"
                | "has"
                | "will"
                | "would"
                | "percent"
                | "said"
                | "say"
                | "says"
        ),
    }
}

/// Parses the number expression starting at token `i`, if any.
pub fn parse(toks: &[Tok], text: &str, i: usize) -> Option<Parsed> {
    let t = toks.get(i)?;
    // Digits from other scripts, digits with combining marks, powers: see `numeral`.
    match numeral::run_at(toks, i) {
        Run::Reject => return None,
        Run::Ascii(digits, end) => return parse_digits(toks, text, i, end, &digits),
        Run::Plain => {}
    }
    match t.kind {
        TokenKind::Number => parse_digits(toks, text, i, i + 1, t.text),
        TokenKind::Word if vulgar(t.text).is_some() => vulgar(t.text).map(|v| base(toks, i, i + 1, v, Form::Fraction)),
        TokenKind::Word => parse_vague(toks, i).or_else(|| parse_words(toks, i)),
        TokenKind::Punct => {
            // A decimal without its leading zero: ".08".
            let digits_follow = toks.get(i + 1).is_some_and(|n| n.kind == TokenKind::Number && n.text.bytes().all(|b| b.is_ascii_digit()));
            let starts = i == 0 || !touching(toks, i - 1, i) || matches!(toks[i - 1].lower, "-" | "(" | "$");
            let plain = numeral::run_at(toks, i + 1) == Run::Plain;
            if t.text == "." && digits_follow && plain && touching(toks, i, i + 1) && starts && !(i > 0 && toks[i - 1].kind == TokenKind::Number) {
                let v: f64 = format!("0.{}", toks[i + 1].text).parse().ok()?;
                return Some(base(toks, i, i + 2, v, Form::Digits));
            }
            vulgar(t.text).map(|v| base(toks, i, i + 1, v, Form::Fraction))
        }
    }
}

/// True for a vulgar-fraction character ("½", "¾").
pub fn is_vulgar(c: char) -> bool {
    matches!(c, '¼'..='¾' | '⅐'..='⅞')
}

/// The value of a vulgar-fraction character ("½", "¾").
fn vulgar(s: &str) -> Option<f64> {
    Some(match s {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        _ => return None,
    })
}

fn base(toks: &[Tok], start: usize, end: usize, value: f64, form: Form) -> Parsed {
    Parsed {
        start,
        end,
        byte_start: toks[start].start,
        byte_end: toks[end - 1].end,
        value,
        form,
        scale: 1.0,
        glued_unit: None,
        money_scale: None,
        compound_rest: None,
        bare_digits: 0,
    }
}

/// Reads the digits `written` (ASCII; tokens `[i, end)`, which may spell them in another script)
/// with what follows them: scale words, space-grouped thousands, fractions.
fn parse_digits(toks: &[Tok], text: &str, i: usize, end: usize, written: &str) -> Option<Parsed> {
    let (mut value, suffix, separated) = digits(written)?;
    let mut p = base(toks, i, end, value, Form::Digits);
    if !separated && suffix.is_empty() {
        p.bare_digits = written.len();
    }
    let mut j = end;
    let t = &toks[end - 1];
    match suffix {
        "" => {}
        "s" if is_power_of_ten(value) && value >= 100.0 && low(toks, j) == "of" => {
            p.form = Form::Vague;
            return Some(p);
        }
        _ => match LEXICON.glued.get(suffix) {
            Some(Glued::Scale(s)) => {
                value *= s;
                p.scale = *s;
            }
            Some(Glued::ScaleMoney(s)) => p.money_scale = Some(*s),
            Some(Glued::Unit(u)) => p.glued_unit = Some(u),
            // Ordinals ("28th"), decades ("1990s"), codes ("5G", "3D").
            None => return None,
        },
    }
    // Space-grouped thousands: "1 234 567", "40 000", "40 000" (no-break spaces).
    if suffix.is_empty() && !separated && written.len() <= 3 {
        let mut k = j;
        let mut acc = written.to_string();
        let mut groups = 0;
        while let Some(n) = toks.get(k) {
            let gap = &text[toks[k - 1].end..n.start];
            let int_part = n.text.split('.').next().unwrap_or("");
            let decimal_last = n.text.len() > 4 && n.text.matches('.').count() == 1;
            let three = n.kind == TokenKind::Number
                && int_part.len() == 3
                && int_part.bytes().all(|b| b.is_ascii_digit())
                && (n.text.len() == 3 || decimal_last && n.text[4..].bytes().all(|b| b.is_ascii_digit()));
            let thin = thin_space(gap);
            if !three || !(thin || gap == " ") {
                break;
            }
            acc.push_str(n.text);
            groups += 1;
            k += 1;
            if n.text.contains('.') {
                break;
            }
        }
        let plain_ok = groups >= 2 || toks.get(j).is_some_and(|n| n.text.starts_with('0'));
        let thin_ok = groups >= 1 && toks.get(j).is_some_and(|n| thin_space(&text[t.end..n.start]));
        if groups >= 1 && (plain_ok || thin_ok) {
            value = acc.parse().ok()?;
            j = k;
            p.bare_digits = 0;
        }
    }
    // A mixed number: "2 1/4", "2½".
    if suffix.is_empty() && value.fract() == 0.0 {
        if let Some(v) = toks.get(j).and_then(|n| vulgar(n.text)).filter(|_| touching(toks, j - 1, j)) {
            return Some(Parsed { end: j + 1, byte_end: toks[j].end, value: value + v, bare_digits: 0, ..p });
        }
        if toks.get(j).is_some_and(|n| n.kind == TokenKind::Number)
            && low(toks, j + 1) == "/"
            && touching(toks, j, j + 1)
            && let Some(f) = parse(toks, text, j).filter(|f| f.form == Form::Fraction)
        {
            return Some(Parsed { end: f.end, byte_end: f.byte_end, value: value + f.value, bare_digits: 0, ..p });
        }
    }
    // A fraction "3/4", or a mixed number "2 1/4".
    if suffix.is_empty() && low(toks, j) == "/" && touching(toks, j - 1, j) && touching(toks, j, j + 1) {
        let den = toks.get(j + 1).filter(|n| n.kind == TokenKind::Number).and_then(|n| digits(n.text));
        let again = low(toks, j + 2) == "/" || low(toks, j + 2) == "-";
        if let Some((d, "", false)) = den
            && !again
            && value < d
            && [2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 16.0, 100.0, 1000.0].contains(&d)
            && value.fract() == 0.0
        {
            return Some(Parsed { end: j + 2, byte_end: toks[j + 1].end, value: value / d, form: Form::Fraction, bare_digits: 0, ..p });
        }
        return None;
    }
    // Scale words: "10 million", "1.5 billion", "322 hundred", "2.33 k", "3 dozen".
    if p.scale == 1.0 && p.money_scale.is_none() && p.glued_unit.is_none() {
        let mut last = f64::INFINITY;
        loop {
            let w = low(toks, j);
            let sep_scale = match w {
                "k" | "bn" | "mn" | "bln" | "mln" | "tn" => match LEXICON.glued.get(w) {
                    Some(Glued::Scale(s)) => Some(*s),
                    _ => None,
                },
                _ => None,
            };
            let word_scale = match LEXICON.numbers.get(w) {
                Some(NumberWord { kind: WordKind::Scale | WordKind::Hundred, value }) => Some(*value),
                // "3 millions" (not "3 millions of", which is vague).
                Some(NumberWord { kind: WordKind::Vague, value }) if *value >= 1000.0 && low(toks, j + 1) != "of" => Some(*value),
                _ => None,
            };
            let dozen = matches!(LEXICON.numbers.get(w), Some(NumberWord { kind: WordKind::Dozen, .. }));
            match sep_scale.or(word_scale) {
                Some(s) if s < last => {
                    value *= s;
                    p.scale *= s;
                    last = s;
                    j += 1;
                    if let Some(h) = and_a_fraction(toks, j) {
                        value += h * s;
                        j += 3;
                    }
                }
                None if dozen && last.is_infinite() => {
                    value *= 12.0;
                    j += 1;
                    break;
                }
                _ => break,
            }
        }
        if p.bare_digits > 0 && j > i + 1 {
            p.bare_digits = 0;
        }
        // "4 thousand 3 hundred and 21": a smaller number continues a scaled one; with "and"
        // only below a hundred ("3 hundred and 21").
        if last.is_finite() {
            let and = low(toks, j) == "and";
            let k = if and { j + 1 } else { j };
            if toks.get(k).is_some_and(|t| t.kind != TokenKind::Punct)
                && let Some(rest) = parse(toks, text, k)
            {
                let small_enough = rest.value < last && (!and || rest.value < 100.0);
                if small_enough
                    && rest.value > 0.0
                    && matches!(rest.form, Form::Digits | Form::Words)
                    && rest.glued_unit.is_none()
                    && rest.money_scale.is_none()
                {
                    value += rest.value;
                    j = rest.end;
                }
            }
        }
    }
    p.end = j;
    p.byte_end = toks[j - 1].end;
    p.value = value;
    Some(p)
}

/// A space that only separates thousands: no-break, narrow no-break, thin, figure and
/// punctuation spaces (one of them, alone).
fn thin_space(gap: &str) -> bool {
    matches!(gap, "\u{a0}" | "\u{202f}" | "\u{2009}" | "\u{2007}" | "\u{2008}")
}

fn is_power_of_ten(v: f64) -> bool {
    let mut x = v;
    while x >= 10.0 && x % 10.0 == 0.0 {
        x /= 10.0;
    }
    x == 1.0
}

/// "and a half" / "and a quarter" at `j` → the fraction it adds.
fn and_a_fraction(toks: &[Tok], j: usize) -> Option<f64> {
    if low(toks, j) != "and" || !(is_article(low(toks, j + 1)) || low(toks, j + 1) == "one") {
        return None;
    }
    match LEXICON.numbers.get(low(toks, j + 2))? {
        NumberWord { kind: WordKind::Half, .. } => Some(0.5),
        NumberWord { kind: WordKind::Denom, value } => Some(1.0 / value),
        _ => None,
    }
}

/// Vague counts: "dozens", "hundreds", "tens of thousands", "several hundred", "a few thousand",
/// "scores of".
fn parse_vague(toks: &[Tok], i: usize) -> Option<Parsed> {
    let mut j = i;
    if is_article(low(toks, j)) && low(toks, j + 1) == "few" {
        j += 1;
    }
    let w = LEXICON.numbers.get(low(toks, j))?;
    match w.kind {
        WordKind::Vague => {
            let mut value = w.value;
            let mut end = j + 1;
            // "tens of thousands", "hundreds of millions".
            if low(toks, j + 1) == "of"
                && let Some(NumberWord { kind: WordKind::Vague, value: v2 }) = LEXICON.numbers.get(low(toks, j + 2))
                && *v2 > value
                && *v2 >= 1000.0
            {
                value *= v2;
                end = j + 3;
            }
            // "tens" and "scores" only count with "of" ("tens of thousands", "scores of people").
            let needs_of = value == w.value && matches!(low(toks, j), "tens" | "scores");
            if needs_of && low(toks, end) != "of" {
                return None;
            }
            if value == w.value && low(toks, j) == "tens" {
                return None;
            }
            Some(base(toks, i, end, value, Form::Vague))
        }
        WordKind::Dozen if low(toks, j).ends_with('s') && j == i => Some(base(toks, i, j + 1, 12.0, Form::Vague)),
        WordKind::Several => {
            let mut value = w.value;
            let mut k = j + 1;
            let mut any = false;
            while let Some(NumberWord { kind: WordKind::Hundred | WordKind::Scale | WordKind::Dozen, value: s }) = LEXICON.numbers.get(low(toks, k)) {
                value *= s;
                any = true;
                k += 1;
            }
            any.then(|| base(toks, i, k, value, Form::Vague))
        }
        _ => None,
    }
}

/// Number words, fractions in words and hyphenated compounds.
fn parse_words(toks: &[Tok], i: usize) -> Option<Parsed> {
    let first = low(toks, i);
    if let Some(v) = compound_fraction(first) {
        return Some(base(toks, i, i + 1, v, Form::Fraction));
    }
    // "three-judge", "five-member": a number word joined to a noun.
    if word(first).is_none()
        && let Some((a, rest)) = first.split_once('-')
    {
        let w = word(a)?;
        if matches!(w.kind, WordKind::Unit | WordKind::Teen | WordKind::Tens) && !rest.is_empty() && word(rest).is_none() {
            let t = &toks[i];
            let mut p = base(toks, i, i + 1, w.value, Form::Words);
            p.byte_end = t.start + a.len();
            p.compound_rest = Some((t.start + a.len() + 1, t.end));
            return Some(p);
        }
    }
    let mut j = i;
    let mut total = 0.0;
    let mut cur = 0.0;
    let mut last: Option<WordKind> = None;
    let mut last_scale = f64::INFINITY;
    let mut article = false;
    let mut scale_applied = 1.0;
    // "hundred thousand dollars": a bare scale word before a larger one counts one.
    let bare_scale = |w: &str| matches!(LEXICON.numbers.get(w), Some(NumberWord { kind: WordKind::Hundred | WordKind::Scale, .. }));
    let next_is_scale = matches!(LEXICON.numbers.get(low(toks, i + 1)), Some(NumberWord { kind: WordKind::Scale, .. }));
    let prev_free = i == 0 || (!toks[i - 1].is_number() && word(toks[i - 1].lower).is_none() && !is_article(toks[i - 1].lower));
    if bare_scale(first) && next_is_scale && prev_free {
        article = true;
        cur = 1.0;
    }
    if is_article(first) {
        // "a hundred", "a dozen", "a half", "a quarter", "a third of".
        let next = LEXICON.numbers.get(low(toks, i + 1))?;
        if !matches!(next.kind, WordKind::Hundred | WordKind::Scale | WordKind::Dozen | WordKind::Half | WordKind::Denom) {
            return None;
        }
        article = true;
        cur = 1.0;
        j += 1;
    }
    if first == "quarter"
        && let Some(NumberWord { kind: WordKind::Scale, value }) = LEXICON.numbers.get(low(toks, i + 1))
    {
        let mut p = base(toks, i, i + 2, 0.25 * value, Form::Words);
        p.scale = *value;
        return Some(p);
    }
    if first == "half" {
        // "half", "half a dozen", "half a million", "half million".
        let k = if is_article(low(toks, i + 1)) { i + 2 } else { i + 1 };
        if let Some(NumberWord { kind: WordKind::Scale | WordKind::Dozen | WordKind::Hundred, value }) = LEXICON.numbers.get(low(toks, k)) {
            let mut p = base(toks, i, k + 1, 0.5 * value, Form::Words);
            p.scale = *value;
            return Some(p);
        }
        if toks[i].kind == TokenKind::Word {
            return Some(base(toks, i, i + 1, 0.5, Form::Fraction));
        }
    }
    loop {
        let w = low(toks, j);
        // "one - fourth", "five - eighths": a fraction written with a spaced hyphen.
        if w == "-"
            && matches!(last, Some(WordKind::Unit | WordKind::Teen))
            && total == 0.0
            && let Some(d) = LEXICON.numbers.get(low(toks, j + 1))
        {
            let v = match d.kind {
                WordKind::Denom if cur == 1.0 => Some(1.0 / d.value),
                WordKind::Denoms if cur > 1.0 => Some(cur / d.value),
                _ => None,
            };
            if let Some(v) = v {
                return Some(base(toks, i, j + 2, v, Form::Fraction));
            }
        }
        // Connectors inside a number: "hundred and five", "fifty - two".
        if (w == "and" && matches!(last, Some(WordKind::Hundred | WordKind::Scale))) || (w == "-" && last == Some(WordKind::Tens)) {
            let next = word(low(toks, j + 1));
            if next.is_some_and(|n| matches!(n.kind, WordKind::Unit | WordKind::Teen | WordKind::Tens) && n.value > 0.0) {
                j += 1;
                continue;
            }
            break;
        }
        let Some(nw) = word(w) else { break };
        match nw.kind {
            WordKind::Unit | WordKind::Teen => {
                let ok = match last {
                    None | Some(WordKind::Hundred) | Some(WordKind::Scale) => true,
                    Some(WordKind::Tens) => nw.kind == WordKind::Unit && nw.value > 0.0 && cur % 10.0 == 0.0,
                    _ => false,
                };
                if !ok || article {
                    break;
                }
                cur += nw.value;
            }
            WordKind::Tens => {
                if !matches!(last, None | Some(WordKind::Hundred) | Some(WordKind::Scale)) || article {
                    break;
                }
                cur += nw.value;
            }
            WordKind::Hundred => {
                if !(article || matches!(last, Some(WordKind::Unit | WordKind::Teen | WordKind::Tens))) || cur <= 0.0 || cur >= 100.0 || 100.0 >= last_scale {
                    break;
                }
                cur *= 100.0;
                article = false;
            }
            WordKind::Scale => {
                if cur <= 0.0 || nw.value >= last_scale {
                    break;
                }
                total += cur * nw.value;
                scale_applied = nw.value;
                cur = 0.0;
                last_scale = nw.value;
                article = false;
            }
            WordKind::Dozen => {
                if cur <= 0.0 || low(toks, j).ends_with('s') && article {
                    break;
                }
                cur *= 12.0;
                article = false;
                last = Some(WordKind::Dozen);
                j += 1;
                break;
            }
            WordKind::Half | WordKind::Denom | WordKind::Denoms => {
                // A fraction: "a quarter", "two thirds", "one fifth", "a half".
                let numerator = cur;
                let plural = nw.kind == WordKind::Denoms;
                let single = numerator == 1.0 && total == 0.0;
                let fits = (single && !plural) || (numerator > 1.0 && plural && total == 0.0 && numerator < 100.0);
                if !fits || !matches!(last, None | Some(WordKind::Unit | WordKind::Teen | WordKind::Tens)) {
                    break;
                }
                if !plural && nw.kind == WordKind::Denom && !ends_fraction(toks, j + 1) && !is_quarter_or_half(w) {
                    return None;
                }
                let v = numerator / nw.value;
                // "a quarter million" / "two thirds of a million".
                let k = if low(toks, j + 1) == "of" && is_article(low(toks, j + 2)) { j + 3 } else { j + 1 };
                if let Some(NumberWord { kind: WordKind::Scale, value: s }) = LEXICON.numbers.get(low(toks, k)) {
                    let mut p = base(toks, i, k + 1, v * s, Form::Words);
                    p.scale = *s;
                    return Some(p);
                }
                return Some(base(toks, i, j + 1, v, Form::Fraction));
            }
            // "three billions", "three thousand millions".
            WordKind::Vague if nw.value >= 1000.0 && (cur > 0.0 || total > 0.0) && low(toks, j + 1) != "of" => {
                let base_value = if cur > 0.0 { cur } else { total };
                if cur > 0.0 {
                    total += cur * nw.value;
                } else {
                    total = base_value * nw.value;
                }
                scale_applied = nw.value;
                cur = 0.0;
                last = Some(WordKind::Scale);
                j += 1;
                break;
            }
            WordKind::Vague | WordKind::Several => break,
        }
        last = Some(nw.kind);
        j += 1;
        // "one and a half", "five and a half million".
        if matches!(last, Some(WordKind::Unit | WordKind::Teen | WordKind::Tens | WordKind::Scale))
            && let Some(h) = and_a_fraction(toks, j)
        {
            if last == Some(WordKind::Scale) {
                total += h * last_scale;
            } else {
                cur += h;
            }
            j += 3;
        }
        // "two hundred point zero three".
        if low(toks, j) == "point" && matches!(last, Some(WordKind::Unit | WordKind::Teen | WordKind::Tens | WordKind::Hundred)) {
            let (frac, k) = decimal_words(toks, j + 1);
            if k > j + 1 {
                cur += frac;
                j = k;
                last = Some(WordKind::Teen);
            }
        }
    }
    if last.is_none() || article {
        return None;
    }
    let value = total + cur;
    let mut p = base(toks, i, j, value, Form::Words);
    p.scale = scale_applied;
    Some(p)
}

fn is_quarter_or_half(w: &str) -> bool {
    matches!(w, "quarter" | "half")
}

/// Digits after "point": "zero three" → 0.03, "seventy-one" → 0.71.
fn decimal_words(toks: &[Tok], mut j: usize) -> (f64, usize) {
    let mut digits = String::new();
    while let Some(w) = word(low(toks, j)) {
        match w.kind {
            WordKind::Unit => digits.push_str(&format!("{}", w.value as u64)),
            WordKind::Teen | WordKind::Tens => {
                digits.push_str(&format!("{}", w.value as u64));
                j += 1;
                break;
            }
            _ => break,
        }
        j += 1;
    }
    if digits.is_empty() {
        return (0.0, j);
    }
    (format!("0.{digits}").parse().unwrap_or(0.0), j)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::sentence_tokens;
    use newsgraph_text::Document;

    /// Every number found left to right, as (text, value).
    fn nums(text: &str) -> Vec<(String, f64)> {
        let doc = Document::new(text);
        let lower = doc.text.to_ascii_lowercase();
        let mut out = Vec::new();
        for s in &doc.sentences {
            let toks = sentence_tokens(&doc, &lower, s);
            let mut i = 0;
            while i < toks.len() {
                if let Some(p) = parse(&toks, &doc.text, i) {
                    out.push((doc.text[p.byte_start..p.byte_end].to_string(), p.value));
                    i = p.end;
                } else {
                    i += 1;
                }
            }
        }
        out
    }

    fn one(text: &str) -> f64 {
        let n = nums(text);
        assert_eq!(n.len(), 1, "{text}: {n:?}");
        n[0].1
    }

    #[test]
    fn digits_with_separators_and_suffixes() {
        assert_eq!(digits("1,119"), Some((1119.0, "", true)));
        assert_eq!(digits("10,000,000"), Some((1e7, "", true)));
        assert_eq!(digits("1.5bn"), Some((1.5, "bn", true)));
        assert_eq!(digits("192.168.1.2"), None);
        assert_eq!(digits("22,24,26,31"), None);
        assert_eq!(one("1.5bn"), 1.5e9);
        assert_eq!(one("10k"), 10000.0);
        assert_eq!(one("10 million"), 1e7);
        assert_eq!(one("1.5 billion"), 1.5e9);
        assert_eq!(one("322 hundred"), 32200.0);
        assert_eq!(one("3 dozens"), 36.0);
        assert_eq!(one("1 234 567"), 1234567.0);
        assert_eq!(one("40 000"), 40000.0);
        assert!(nums("the 28th").is_empty());
        assert!(nums("the 1990s").is_empty());
    }

    #[test]
    fn unicode_digits_are_read_right_or_not_at_all() {
        // Combining marks on digits: no value rather than "1" and "000" → 0.
        assert!(nums("Officials said 1\u{301},000\u{308} people died.").is_empty());
        assert!(nums("1\u{301}000 and 5\u{336} and 2\u{20e3}").is_empty());
        // A power or footnote glued on: no value rather than 10.
        assert!(nums("10² km").is_empty());
        // Digits of other scripts, with their own separators.
        assert_eq!(one("\u{661}\u{662}\u{663} people"), 123.0);
        assert_eq!(one("\u{661}\u{66C}\u{662}\u{660}\u{660} people"), 1200.0);
        assert_eq!(one("\u{6F4}\u{6F5}\u{66B}\u{6F5} percent"), 45.5);
        assert_eq!(one("\u{ff11}\u{ff12} cars"), 12.0);
        let f = crate::scan::tests_support::find("Turnout was \u{664}\u{665}\u{66A} and \u{ff15}\u{ff10}\u{ff05}.");
        assert_eq!(f.iter().map(|f| (f.value, f.unit)).collect::<Vec<_>>(), vec![(45.0, Some("percent")), (50.0, Some("percent"))]);
        assert_eq!(one("\u{967}\u{968} million"), 12e6);
        assert!(nums("1\u{662}3 people").is_empty());
        // Space-like thousands separators.
        for sep in ["\u{a0}", "\u{202f}", "\u{2009}", "\u{2007}"] {
            assert_eq!(one(&format!("1{sep}000 people")), 1000.0, "{sep:?}");
        }
        assert_eq!(one("2½ miles"), 2.5);
    }

    #[test]
    fn words() {
        assert_eq!(one("Twenty-six buses"), 26.0);
        assert_eq!(one("two hundred and five"), 205.0);
        assert_eq!(one("one hundred and sixty-one"), 161.0);
        assert_eq!(one("a dozen"), 12.0);
        assert_eq!(one("half a dozen"), 6.0);
        assert_eq!(one("twenty-one trillion and three hundred"), 21e12 + 300.0);
        assert_eq!(one("two hundred and two thousand"), 202000.0);
        assert_eq!(one("fifty - two"), 52.0);
        assert_eq!(one("five and a half million"), 5.5e6);
        assert_eq!(one("one and a half"), 1.5);
        assert_eq!(one("two hundred point zero three"), 200.03);
        assert_eq!(nums("six seven").len(), 2);
        assert!(nums("a man").is_empty());
    }

    #[test]
    fn fractions_and_vague() {
        assert_eq!(one("nearly a quarter of"), 0.25);
        assert!((one("two thirds") - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(one("3/4"), 0.75);
        assert_eq!(one("half the money"), 0.5);
        assert_eq!(one("half a million"), 500000.0);
        assert!(nums("a third term").is_empty());
        assert_eq!(one("tens of thousands of civilians"), 10000.0);
        assert_eq!(one("hundreds of thousands"), 100000.0);
        assert_eq!(one("dozens of people"), 12.0);
        assert_eq!(one("several hundred"), 300.0);
        assert!(nums("tens").is_empty());
    }
}
