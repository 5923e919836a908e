//! One sentence's quantities: numbers joined into ranges, with currency and unit, hedge,
//! the counted noun phrase (`what`) and a category.

use crate::filter::{self, Candidate, is_plural_word};
use crate::lexicon::{LEXICON, NumberWord, Phrase, Slots, WordKind};
use crate::number::{self, Form, Parsed};
use crate::tokens::{Tok, low, low_before, matches_at, matches_before, touching};
use newsgraph_record::{Approx, Category};

/// A quantity found in a sentence, before it is linked to place and claimant.
#[derive(Debug, Clone)]
pub struct Found {
    /// Byte span of the quantity: hedge, number, unit and counted head.
    pub start: usize,
    pub end: usize,
    /// Token range of the hedge-and-number part (claimant search skips it).
    pub lead: usize,
    pub tail: usize,
    pub value: f64,
    pub value_max: Option<f64>,
    pub approx: Approx,
    pub what: Option<String>,
    pub unit: Option<&'static str>,
    pub category: Category,
}

/// A number with its range partner, unit and hedge, as tokens.
struct Cand {
    p: Parsed,
    /// The upper end of a range.
    max: Option<Parsed>,
    value: f64,
    value_max: Option<f64>,
    unit: Option<&'static str>,
    lead: usize,
    tail: usize,
    approx: Approx,
}

/// Finds the quantities of one sentence. `times` are the time layer's spans (bytes).
pub fn sentence(toks: &[Tok], text: &str, times: &[[usize; 2]]) -> Vec<Found> {
    let parsed = numbers(toks, text);
    if parsed.is_empty() {
        return Vec::new();
    }
    let cands = join_ranges(toks, parsed);
    let mut out: Vec<Found> = Vec::new();
    let mut kept_tokens: Vec<(usize, usize)> = Vec::new();
    for c in cands {
        let cand = Candidate { parsed: &c.p, lead: c.lead, tail: c.tail, has_unit: c.unit.is_some(), is_range: c.max.is_some() };
        if filter::reject(toks, &cand, times) {
            continue;
        }
        if c.p.form == Form::Words && c.value == 1.0 && !one_counts(toks, &c) {
            continue;
        }
        // "forty-five (45)": a restatement in brackets is the same number.
        if let Some(last) = out.last_mut() {
            let prev_tail = kept_tokens.last().map_or(0, |k| k.1);
            let bracketed = c.lead >= 1 && c.lead == prev_tail + 1 && low(toks, c.lead - 1) == "(" && low(toks, c.tail) == ")";
            if bracketed && (last.value - c.value).abs() < 1e-9 && last.value_max.is_none() {
                last.end = last.end.max(toks[c.tail].end);
                continue;
            }
        }
        let (what, head_end, category) = head_and_category(toks, &c, text);
        let end = head_end.map_or(toks[c.tail - 1].end, |h| h.max(toks[c.tail - 1].end));
        kept_tokens.push((c.lead, c.tail));
        out.push(Found {
            start: toks[c.lead].start,
            end,
            lead: c.lead,
            tail: c.tail,
            value: c.value,
            value_max: c.value_max,
            approx: c.approx,
            what,
            unit: c.unit,
            category,
        });
    }
    inherit_heads(&mut out);
    out
}

/// Every number expression of the sentence, left to right, without phone-number chains.
fn numbers(toks: &[Tok], text: &str) -> Vec<Parsed> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some(len) = phone_chain(toks, i) {
            i += len;
            continue;
        }
        match number::parse(toks, text, i) {
            Some(p) => {
                i = p.end.max(i + 1);
                out.push(p);
            }
            None => i += 1,
        }
    }
    out
}

/// Digit groups chained by touching hyphens or dots, three or more ("800-273-8255"), or a
/// parenthesised area code ("(800) 273-8255"): the number of tokens they take.
fn phone_chain(toks: &[Tok], i: usize) -> Option<usize> {
    if !toks[i].is_number() {
        return None;
    }
    let mut k = i;
    let mut groups = 1;
    while matches!(low(toks, k + 1), "-" | "." | "/")
        && touching(toks, k, k + 1)
        && touching(toks, k + 1, k + 2)
        && toks.get(k + 2).is_some_and(|t| t.is_number())
    {
        groups += 1;
        k += 2;
    }
    let area = low_before(toks, i) == "(" && low(toks, i + 1) == ")" && toks[i].text.len() == 3 && toks.get(i + 2).is_some_and(|t| t.is_number());
    if groups >= 3 || (area && groups == 1) {
        let len = if area { k + 3 - i } else { k + 1 - i };
        if area {
            return Some(len + phone_chain(toks, i + 2).unwrap_or(1) - 1);
        }
        return Some(len);
    }
    None
}

/// The unit after token `j`: "percent", "per cent", "dollars", "km" … with its end.
fn unit_after(toks: &[Tok], j: usize) -> Option<(&'static str, usize)> {
    let (unit, end) = phrase_at(toks, j, &LEXICON.unit_after).map(|(p, end)| (p.value, end))?;
    if unit == "lb" && matches!(low(toks, j), "pound" | "pounds") {
        return Some((pound_unit(toks, j, end), end));
    }
    Some((unit, end))
}

/// "Pounds" (tokens `[j, end)`) are sterling or weight. Weight when the sentence speaks of
/// weight ("overloaded by 700 pounds (320kg)", "weighing 200 pounds") or the pounds are of a
/// thing ("2 million pounds of beef"); sterling when the amount is scaled ("a trillion pounds",
/// "several hundred million pounds") or the sentence speaks of money ("pay five pounds for a
/// ticket", "pounds of public money"); weight otherwise, as before. Both word lists are data
/// (`context.tsv`: weight_context, money_context).
fn pound_unit(toks: &[Tok], j: usize, end: usize) -> &'static str {
    let money_word = |t: &Tok| LEXICON.is("money_context", t.lower) || matches!(t.lower, "£" | "$" | "€");
    if toks.iter().any(|t| LEXICON.is("weight_context", t.lower)) {
        return "lb";
    }
    if low(toks, end) == "of" {
        return if toks[end + 1..(end + 4).min(toks.len())].iter().any(money_word) { "GBP" } else { "lb" };
    }
    // "a trillion pounds", "hundreds of millions of pounds".
    let k = if low_before(toks, j) == "of" { j - 1 } else { j };
    let scaled = matches!(LEXICON.numbers.get(low_before(toks, k)), Some(NumberWord { kind: WordKind::Scale | WordKind::Vague, .. }))
        || (j > 0 && toks[j - 1].is_number() && toks[j - 1].text.ends_with(|c: char| c.is_ascii_alphabetic()));
    if scaled || toks.iter().any(money_word) { "GBP" } else { "lb" }
}

/// The currency sign before token `i`: "$", "US$", "£" … with its first token.
fn unit_before(toks: &[Tok], i: usize) -> Option<(&'static str, usize)> {
    for p in &LEXICON.unit_prefix {
        if let Some(s) = matches_before(toks, i, &p.words) {
            // A multi-token sign must be written as one ("US$", not "us $").
            if (s..i - 1).all(|k| touching(toks, k, k + 1)) {
                if p.words.len() > 1 && !(s..i - 1).all(|k| touching(toks, k, k + 1)) {
                    continue;
                }
                return Some((p.value, s));
            }
        }
    }
    None
}

fn phrase_at<'l, T>(toks: &[Tok], j: usize, table: &'l [Phrase<T>]) -> Option<(&'l Phrase<T>, usize)> {
    table.iter().find(|p| matches_at(toks, j, &p.words)).map(|p| (p, j + p.words.len()))
}

/// Pairs numbers into ranges ("between 1,500 and 3,000", "1,500-3,000", "two or three") and
/// attaches currency, unit and hedge to each.
fn join_ranges(toks: &[Tok], parsed: Vec<Parsed>) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::new();
    let score_context = toks.iter().any(|t| LEXICON.is("score", t.lower));
    let mut k = 0;
    while k < parsed.len() {
        let p = parsed[k].clone();
        let mut c = dress(toks, p, None);
        if let Some(q) = parsed.get(k + 1) {
            let between = &toks[c.tail.min(q.start)..q.start];
            let joiner = if between.len() == 1 { between[0].lower } else { "" };
            let before = low_before(toks, c.lead);
            let dash = matches!(joiner, "-" | "–" | "—" | "~");
            let ok = match joiner {
                "and" => before == "between",
                "to" | "through" => {
                    let change = before == "from" && is_change_verb(low_before(toks, c.lead - 1));
                    let same_unit = dress(toks, q.clone(), c.unit).unit == c.unit;
                    !change && same_unit && !matches!(before, "by") && (before == "from" || before == "between" || q.value > c.value)
                }
                "or" => q.value > c.value && c.p.form == q.form && q.value <= 1000.0,
                _ => dash,
            };
            if ok && c.tail <= q.start && c.p.form != Form::Fraction {
                let score_like = dash && (q.value <= c.value || (score_context && q.value <= 200.0));
                let to_vote = joiner == "-" && low(toks, q.start) == "to";
                let years = |p: &Parsed| p.bare_digits == 4 && (1500.0..=2100.0).contains(&p.value);
                if score_like || to_vote || (years(&c.p) && years(q)) {
                    // A score or tally ("3-1", "2-to-1") or a span of years: neither is a count.
                    k += 2;
                    continue;
                }
                if q.value > c.value || (q.scale > 1.0 && c.p.scale == 1.0) {
                    let mut hi = dress(toks, q.clone(), c.unit);
                    let mut lo = c.value;
                    // "1.5-2 million", "$10-20 billion": the scale and currency of the upper end.
                    if q.scale > 1.0 && c.p.scale == 1.0 && lo * q.scale <= hi.value {
                        lo *= q.scale;
                    }
                    if c.unit.is_none() {
                        c.unit = hi.unit;
                    }
                    if hi.unit.is_none() {
                        hi.unit = c.unit;
                    }
                    c.value = lo;
                    c.value_max = Some(hi.value);
                    c.tail = hi.tail;
                    c.max = Some(q.clone());
                    if matches!(c.approx, Approx::Exact) {
                        c.approx = Approx::Range;
                    }
                    if before == "between" || before == "from" {
                        c.lead -= 1;
                        c.approx = Approx::Range;
                    }
                    out.push(c);
                    k += 2;
                    continue;
                }
            }
            // "more than 10 and less than 40": two one-sided bounds make a range.
            let dq = dress(toks, q.clone(), c.unit);
            let lower = matches!(c.approx, Approx::MoreThan | Approx::AtLeast);
            let upper = matches!(dq.approx, Approx::LessThan | Approx::AtMost);
            let link = c.tail < dq.lead && dq.lead - c.tail == 1 && matches!(toks[c.tail].lower, "and" | "but" | ",");
            let upper_first = matches!(c.approx, Approx::LessThan | Approx::AtMost) && matches!(dq.approx, Approx::MoreThan | Approx::AtLeast);
            if upper_first && link && dq.value < c.value && dq.unit == c.unit {
                // "at most 100 and at least 20".
                c.value_max = Some(c.value);
                c.value = dq.value;
                c.tail = dq.tail;
                c.max = Some(q.clone());
                c.approx = Approx::Range;
                out.push(c);
                k += 2;
                continue;
            }
            if lower && upper && link && dq.value > c.value && dq.unit == c.unit {
                c.value_max = Some(dq.value);
                c.tail = dq.tail;
                c.max = Some(q.clone());
                c.approx = Approx::Range;
                out.push(c);
                k += 2;
                continue;
            }
            // "half of 1 percent": a fraction of a measured number.
            if c.p.form == Form::Fraction && low(toks, c.tail) == "of" && q.start == c.tail + 1 {
                let d = dress(toks, q.clone(), None);
                if d.unit.is_some() {
                    c.value *= d.value;
                    c.unit = d.unit;
                    c.tail = d.tail;
                    c.p.form = Form::Digits;
                    out.push(c);
                    k += 2;
                    continue;
                }
            }
        }
        out.push(c);
        k += 1;
    }
    out
}

/// Verbs of change: "rose from 5 to 10" is two values, not a range.
fn is_change_verb(w: &str) -> bool {
    matches!(
        w,
        "rose"
            | "rise"
            | "rises"
            | "risen"
            | "fell"
            | "fall"
            | "falls"
            | "fallen"
            | "increased"
            | "increase"
            | "increases"
            | "decreased"
            | "decline"
            | "declined"
            | "grew"
            | "grow"
            | "grown"
            | "climbed"
            | "dropped"
            | "jumped"
            | "up"
            | "down"
            | "cut"
            | "raised"
            | "lowered"
            | "edged"
            | "slipped"
            | "surged"
            | "soared"
            | "plunged"
            | "revised"
            | "changed"
            | "moved"
            | "went"
            | "expanded"
            | "shrank"
            | "slowed"
    )
}

/// Currency, unit, and hedge around one number.
fn dress(toks: &[Tok], p: Parsed, inherited_unit: Option<&'static str>) -> Cand {
    let mut value = p.value;
    let mut lead = p.start;
    let mut unit = None;
    if let Some((u, s)) = unit_before(toks, p.start) {
        unit = Some(u);
        lead = s;
    }
    // Negative numbers: "-5", "minus 5".
    if lead == p.start && lead > 0 {
        let prev = toks[lead - 1].lower;
        let glued_minus = matches!(prev, "-" | "−") && touching(toks, lead - 1, lead) && (lead == 1 || !touching(toks, lead - 2, lead - 1));
        if (glued_minus && matches!(p.form, Form::Digits | Form::Fraction)) || matches!(prev, "minus" | "negative") {
            value = -value;
            lead -= 1;
        }
    }
    if let Some(s) = p.money_scale {
        // A glued "m" is million after a currency sign, before a currency word ("506m euros")
        // or a counted plural ("18m people", "1.1m of the UK's"), and metres otherwise ("60m").
        let currency_after = unit_after(toks, p.end).is_some_and(|(u, _)| u.len() == 3 && u.bytes().all(|b| b.is_ascii_uppercase()));
        // "the 60m hurdles", "women's 100m": a named distance, not a count.
        let named = matches!(low_before(toks, p.start), "the" | "a" | "’s" | "'s" | "his" | "her" | "their");
        let event = LEXICON.is("distance_event", low(toks, p.end));
        let counted = !named && !event && (filter::is_plural_word(toks, p.end) || low(toks, p.end) == "of");
        if unit.is_some() || inherited_unit.is_some() || currency_after || counted {
            value *= s;
        } else {
            unit = Some("m");
        }
    }
    if unit.is_none() {
        unit = p.glued_unit;
    }
    let mut tail = p.end;
    if (unit.is_none() || p.glued_unit.is_none() && unit_after(toks, tail).is_some_and(|(u, _)| u.len() == 3 && unit.is_some_and(|x| x == u)))
        && let Some((u, end)) = unit_after(toks, tail)
    {
        // "times" only after a number in words or a plain integer ("three times").
        unit = Some(u);
        tail = end;
    }
    // "millions of dollars", "thousands of pounds": a vague amount of money.
    if p.form == Form::Vague
        && unit.is_none()
        && low(toks, tail) == "of"
        && let Some((u, end)) = unit_after(toks, tail + 1).filter(|(u, _)| u.len() == 3 && u.bytes().all(|b| b.is_ascii_uppercase()))
    {
        unit = Some(u);
        tail = end;
    }
    // Hedge before (and the "some" that only hedges numbers).
    let mut approx = Approx::Exact;
    for h in &LEXICON.hedges_before {
        if let Some(s) = matches_before(toks, lead, &h.words) {
            approx = h.value;
            lead = s;
            break;
        }
    }
    for h in &LEXICON.hedges_after {
        if matches_at(toks, tail, &h.words) {
            if h.words == ["+"] && !touching(toks, tail - 1, tail) {
                continue;
            }
            approx = h.value;
            tail += h.words.len();
            break;
        }
    }
    if p.form == Form::Vague && approx == Approx::Exact {
        approx = Approx::AtLeast;
    }
    Cand { p, max: None, value, value_max: None, unit, lead, tail, approx }
}

/// "one" is a count only with a counted head or among other counts ("one Greek Orthodox").
fn one_counts(toks: &[Tok], c: &Cand) -> bool {
    let next = low(toks, c.tail);
    if LEXICON.is("person", next) || category_at(toks, c.tail, |s| s.head || s.pred).is_some() {
        return !LEXICON.is("determiner", low_before(toks, c.lead));
    }
    // In a list: "…, four Protestants and one Greek Orthodox".
    let before = low_before(toks, c.lead);
    (before == "and" || before == ",") && toks[..c.lead].iter().rev().take(6).any(|t| t.is_number() || number::word(t.lower).is_some_and(|w| w.value > 1.0))
}

/// The category phrase starting at token `j` whose slots satisfy `want`.
fn category_at(toks: &[Tok], j: usize, want: impl Fn(&Slots) -> bool) -> Option<(Category, usize)> {
    LEXICON.categories.iter().find(|p| want(&p.value.1) && matches_at(toks, j, &p.words)).map(|p| (p.value.0, j + p.words.len()))
}

/// The counted noun phrase after the number (`what`, with the byte end of its head) and the
/// quantity's category from the head, the predicate after it, or the verb before it.
fn head_and_category(toks: &[Tok], c: &Cand, text: &str) -> (Option<String>, Option<usize>, Category) {
    let lex = &*LEXICON;
    let mut j = c.tail;
    let mut np_start_byte = None;
    // "three-judge panel", "46-page suicide analysis".
    if let Some((a, _)) = c.p.compound_rest {
        np_start_byte = Some(a);
        j = c.p.end;
    } else if low(toks, j) == "-" && touching(toks, j - 1, j) && toks.get(j + 1).is_some_and(|t| t.is_word()) && touching(toks, j, j + 1) {
        j += 1;
    }
    // "tens of thousands of civilians", "half of the money", "139 of the victims".
    if low(toks, j) == "of" {
        j += 1;
        while matches!(low(toks, j), "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "these" | "those" | "them") {
            j += 1;
        }
    } else if c.p.form == Form::Fraction && matches!(low(toks, j), "the" | "a" | "an" | "its" | "their") {
        j += 1;
    }
    let np_from = j;
    let mut k = j;
    let mut category = None;
    // Collect up to four words of the noun phrase.
    while k < toks.len() && k < np_from + 4 {
        let t = &toks[k];
        // Digits of another script are a number, never a counted noun.
        let is_word = (t.is_word() && !crate::numeral::digit_word(t)) || (t.lower == "’s" || t.lower == "'s");
        if !is_word || lex.is("np_stop", t.lower) {
            break;
        }
        if let Some((cat, end)) = category_at(toks, k, |s| s.head) {
            category = Some(cat);
            // A participle alone is a predicate ("205 injured"), not a head.
            let pred_only = end >= toks.len() || !toks[end].is_word() || lex.is("np_stop", toks[end].lower);
            if k == np_from && pred_only && category_at(toks, k, |s| s.pred).is_some() && !is_plural_head(toks[k].lower) {
                return (None, None, cat);
            }
            k = end;
            if is_plural_word(toks, end - 1) {
                break;
            }
            continue;
        }
        if k > np_from && category_at(toks, k, |s| s.pred).is_some() {
            break;
        }
        k += 1;
        if is_plural_word(toks, k - 1) && !matches!(low(toks, k), "’s" | "'s") {
            break;
        }
    }
    let np_end = k;
    let what = if np_end > np_from {
        let s = np_start_byte.unwrap_or(toks[np_from].start).min(toks[np_from].start);
        Some((text[s..toks[np_end - 1].end].to_string(), toks[np_end - 1].end))
    } else {
        np_start_byte.map(|s| (text[s..toks[c.p.end - 1].end].to_string(), toks[c.p.end - 1].end))
    };
    if c.unit.is_some() {
        // A share or an amount ("98.33 percent of the Syrian refugees") is not a head count.
        category = None;
    } else if category.is_none() {
        category = predicate(toks, np_end).or_else(|| verb_before(toks, c.lead));
    }
    let (what, end) = match what {
        Some((w, e)) => (Some(w), Some(e)),
        None => (None, None),
    };
    let mut category = category.unwrap_or(Category::Other);
    // Victims are people (or animals): "111 of the appointed bodies had been set up" and
    // "2,000 homes were evacuated" count things.
    if is_people_category(category) && inanimate_head(toks, np_from, np_end) {
        category = Category::Other;
    }
    (what, end, category)
}

/// Categories that count people (or animals), never things.
fn is_people_category(c: Category) -> bool {
    matches!(c, Category::Killed | Category::Injured | Category::Displaced | Category::Trapped | Category::Evacuated | Category::Arrested | Category::Missing)
}

/// True when the counted noun phrase `[from, end)` ends in a head listed as inanimate.
fn inanimate_head(toks: &[Tok], from: usize, end: usize) -> bool {
    end > from && LEXICON.inanimate.iter().any(|p| matches_before(toks, end, p).is_some_and(|s| s >= from))
}

/// Plural nouns that head a phrase even though they are also in the predicate slot ("dead").
fn is_plural_head(w: &str) -> bool {
    matches!(w, "refugees" | "evacuees" | "detainees")
}

/// The category of the predicate after the noun phrase: "were trapped", "had been killed".
fn predicate(toks: &[Tok], mut k: usize) -> Option<Category> {
    let stop = k + 6;
    while k < toks.len() && k < stop {
        if let Some((cat, _)) = category_at(toks, k, |s| s.pred) {
            return Some(cat);
        }
        if !LEXICON.is("aux", toks[k].lower) && !matches!(toks[k].lower, "n’t" | "not") {
            return None;
        }
        k += 1;
    }
    None
}

/// The category of a verb whose object is the number ("killing 12", "displaced around 10
/// million") or of a toll it reports ("the death toll rose to 50").
fn verb_before(toks: &[Tok], lead: usize) -> Option<Category> {
    for p in &LEXICON.categories {
        if p.value.1.verb && matches_before(toks, lead, &p.words).is_some() {
            return Some(p.value.0);
        }
    }
    let from = lead.saturating_sub(6);
    for k in (from..lead).rev() {
        if toks[k].is_number() || matches!(toks[k].lower, "," | ";" | "and") {
            break;
        }
        if let Some((cat, _)) = category_at(toks, k, |s| s.toll) {
            return Some(cat);
        }
    }
    None
}

/// "139 children had been killed and more than 205 injured": the second count has no head of
/// its own and takes the previous one's.
fn inherit_heads(found: &mut [Found]) {
    for i in 1..found.len() {
        if found[i].what.is_some() || found[i].unit.is_some() {
            continue;
        }
        let prev = &found[i - 1];
        if prev.unit.is_some() {
            continue;
        }
        let gap_ok = found[i].lead.saturating_sub(prev.tail) <= 8;
        if gap_ok && let Some(w) = prev.what.clone() {
            // The head word alone ("civilians", "children"), not the whole phrase.
            let head = w.rsplit(' ').next().unwrap_or(&w).to_string();
            found[i].what = Some(head);
        }
    }
}

/// Helpers for the tests of this crate's modules.
#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;
    use crate::tokens::sentence_tokens;
    use newsgraph_text::Document;

    /// Every quantity of every sentence of `text`, with no time layer.
    pub fn find(text: &str) -> Vec<Found> {
        let doc = Document::new(text);
        let lower = doc.text.to_ascii_lowercase();
        doc.sentences.iter().flat_map(|s| sentence(&sentence_tokens(&doc, &lower, s), &doc.text, &[])).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::tests_support::find;
    use super::*;

    fn values(text: &str) -> Vec<f64> {
        find(text).iter().map(|f| f.value).collect()
    }

    #[test]
    fn casualty_counts() {
        let f = find("The UN has confirmed 1,119 civilian deaths and 1,790 injuries across Ukraine.");
        assert_eq!(f.len(), 2);
        assert_eq!((f[0].value, f[0].category, f[0].what.as_deref()), (1119.0, Category::Killed, Some("civilian deaths")));
        assert_eq!((f[1].value, f[1].category), (1790.0, Category::Injured));
        let f = find("Ukraine said on Sunday that 139 children had been killed and more than 205 injured so far.");
        assert_eq!(f.len(), 2);
        assert_eq!((f[0].category, f[0].what.as_deref()), (Category::Killed, Some("children")));
        assert_eq!((f[1].value, f[1].approx, f[1].category, f[1].what.as_deref()), (205.0, Approx::MoreThan, Category::Injured, Some("children")));
        let f = find("The city's mayor said 160,000 civilians were trapped there.");
        assert_eq!((f[0].value, f[0].category), (160000.0, Category::Trapped));
        let f = find("The invasion displaced around 10 million people, nearly a quarter of Ukraine’s population.");
        assert_eq!((f[0].value, f[0].approx, f[0].category), (1e7, Approx::About, Category::Displaced));
        assert_eq!((f[1].value, f[1].approx), (0.25, Approx::Nearly));
        let f = find("Twenty-six buses are waiting to take them out.");
        assert_eq!((f[0].value, f[0].category, f[0].what.as_deref()), (26.0, Category::Other, Some("buses")));
    }

    #[test]
    fn pounds_are_sterling_or_weight_by_context() {
        let unit = |t: &str| find(t).first().and_then(|f| f.unit);
        assert_eq!(unit("Fans will have to pay five pounds for a ticket."), Some("GBP"));
        assert_eq!(unit("The homes are worth more than a trillion pounds."), Some("GBP"));
        assert_eq!(unit("We will need several hundred million pounds."), Some("GBP"));
        assert_eq!(unit("It cost billions of pounds of public money."), Some("GBP"));
        assert_eq!(unit("The plane was overloaded by 700 pounds (320kg)."), Some("lb"));
        assert_eq!(unit("The firm recalled 2 million pounds of beef."), Some("lb"));
        assert_eq!(unit("He lost 25 pounds."), Some("lb"));
        assert_eq!(unit("The government could give hundreds of millions of pounds."), Some("GBP"));
    }

    #[test]
    fn people_categories_need_people() {
        // The head decides: things are not victims, whatever the verb or the head word alone.
        let f = find("Dan Lewis said at least 111 of the appointed bodies had been set up since 1997.");
        assert_eq!((f[0].value, f[0].category), (111.0, Category::Other));
        let f = find("About 2,000 homes were evacuated and 40 vehicles are missing.");
        assert_eq!(f.iter().map(|f| f.category).collect::<Vec<_>>(), vec![Category::Other, Category::Other]);
        // People, animals and unknown heads keep their category.
        let f = find("Rescuers found 50 bodies and 200 cattle were killed; 30 residents were evacuated.");
        assert_eq!(f.iter().map(|f| f.category).collect::<Vec<_>>(), vec![Category::Killed, Category::Killed, Category::Evacuated]);
    }

    #[test]
    fn ranges_and_units() {
        let f = find("Between 1,500 and 3,000 people fled.");
        assert_eq!((f[0].value, f[0].value_max, f[0].approx), (1500.0, Some(3000.0), Approx::Range));
        assert_eq!(f[0].category, Category::Displaced);
        let f = find("It cost 1,500-3,000 dollars.");
        assert_eq!((f[0].value, f[0].value_max, f[0].unit), (1500.0, Some(3000.0), Some("USD")));
        let f = find("They raised $1.5-2 billion.");
        assert_eq!((f[0].value, f[0].value_max, f[0].unit), (1.5e9, Some(2e9), Some("USD")));
        let f = find("Output grew 1.6 percent and 50% of firms, worth £3m.");
        assert_eq!(f.iter().map(|f| (f.value, f.unit)).collect::<Vec<_>>(), vec![(1.6, Some("percent")), (50.0, Some("percent")), (3e6, Some("GBP"))]);
        let f = find("A loss of 506m euros, 18m people, and the 60m hurdles.");
        assert_eq!(f.iter().map(|f| (f.value, f.unit)).collect::<Vec<_>>(), vec![(5.06e8, Some("EUR")), (1.8e7, None), (60.0, Some("m"))]);
        let f = find("less than half of 1 percent of them");
        assert_eq!((f[0].value, f[0].approx, f[0].unit), (0.5, Approx::LessThan, Some("percent")));
        let f = find("that gave $3million or more apiece");
        assert_eq!((f[0].value, f[0].approx), (3e6, Approx::AtLeast));
    }

    #[test]
    fn not_quantities() {
        assert!(values("The talks began on March 10 in 2014.").is_empty());
        assert!(values("Iraq War veteran Tom Young, 30, lay down at 8:30 p.m. in front of 131 West 23rd Street.").is_empty());
        assert!(values("Call the hotline (800-273-8255) for two weeks under Article 5.").is_empty());
        assert!(values("He won 3-1 in the 28th minute and the two sides met on Monday (28).").is_empty());
        assert!(values("It is a 24-hour service for 18- to 24-year-old veterans.").is_empty());
        assert_eq!(values("A three-judge panel ruled in a 46-page decision."), vec![3.0, 46.0]);
        assert_eq!(values("14 Catholics, six Orthodox and one Greek Orthodox"), vec![14.0, 6.0, 1.0]);
        assert!(values("No one knows which one.").is_empty());
        assert!(values("They lost the Six Nations opener and Firefox 1.0 shipped.").is_empty());
        assert!(values("As the half wore on, both sides tired.").is_empty());
        let f = find("He spent thousands of dollars as 5,000 people were dying from infections.");
        assert_eq!((f[0].value, f[0].unit, f[0].approx), (1000.0, Some("USD"), Approx::AtLeast));
        assert_eq!((f[1].value, f[1].category), (5000.0, Category::Killed));
        assert_eq!(
            find("He won the 100m and 200m events.").iter().map(|f| (f.value, f.unit)).collect::<Vec<_>>(),
            vec![(100.0, Some("m")), (200.0, Some("m"))]
        );
        assert_eq!(values("A 2014 study found 31 incidents out of more than a billion ballots."), vec![31.0, 1e9]);
    }
}
