//! The compositional grammar: rules over one sentence's tokens that build a time expression
//! from lexicon pieces and resolve it against the publication date and the running anchor.
//!
//! Every rule is a function `token index -> Option<Hit>`; at each position the longest hit
//! wins (ties go to the earlier rule), and scanning resumes after it. Words are matched in
//! normalised form (lowercase, straight apostrophes, a possessive "'s" dropped).

use jiff::civil::Date;
use newsgraph_record::TimeType;
use newsgraph_text::Token;

use crate::cal::{self, Point};
use crate::lexicon::{Kind, LEX};

/// One recognised expression, in token indices of the sentence.
#[derive(Debug, Clone)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub kind: TimeType,
    pub value: Option<String>,
    pub modifier: Option<&'static str>,
    /// The calendar point named, for anchoring later expressions and for dating facts.
    pub point: Option<Point>,
    /// A clock time whose day is taken from the sentence once it is parsed.
    pub clock: Option<(u8, u8)>,
    /// Named fully in the text (day, month and year written out): usable as evidence of
    /// the publication date.
    pub absolute: bool,
    /// Computed from the anchor ("a year earlier"): does not become the next anchor, so
    /// chains of such expressions stay on the reference time.
    pub derived: bool,
    /// A clock time given in UTC/GMT: its value carries the ISO zone designator `Z`.
    pub utc: bool,
}

impl Hit {
    fn new(start: usize, end: usize, kind: TimeType, value: Option<String>) -> Hit {
        Hit { start, end, kind, value, modifier: None, point: None, clock: None, absolute: false, derived: false, utc: false }
    }
    fn date(start: usize, end: usize, p: Point) -> Hit {
        let kind = match p {
            Point::DayPart(..) | Point::Clock(..) => TimeType::TIME,
            _ => TimeType::DATE,
        };
        Hit { point: Some(p), ..Hit::new(start, end, kind, Some(p.value())) }
    }
    fn with_mod(mut self, m: Option<&'static str>) -> Hit {
        if self.modifier.is_none() {
            self.modifier = m;
        }
        self
    }
}

/// Which way an expression with no explicit direction points from the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Past,
    Future,
    Unknown,
}

/// The parsing state of one sentence, with the document-level anchors.
pub struct Parser<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    /// Normalised words, one per token.
    pub w: &'a [&'a str],
    pub dct: Option<Date>,
    /// The last day mentioned (initially the publication date).
    pub anchor_day: Option<Date>,
    /// The last point mentioned at any granularity.
    pub anchor: Option<Point>,
    /// True when `anchor` was written with its year ("in 2003", "March 2004"), not
    /// computed from the publication date ("last year", "a year ago").
    pub anchor_written: bool,
    /// The direction assumed when no tense cue is found: `Unknown` (the news habits:
    /// past for weekdays, nearest for dates) or `Future` (calendar assistants' convention).
    pub default_dir: Dir,
}

/// Words after which a bare four-digit number is read as a year.
const YEAR_PREPS: &[&str] = &[
    "in",
    "since",
    "of",
    "by",
    "from",
    "until",
    "till",
    "to",
    "and",
    "during",
    "before",
    "after",
    "between",
    "through",
    "fiscal",
    "early",
    "late",
    "mid",
    "the",
    "or",
    "around",
    "circa",
    "c.",
    "year",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "throughout",
];

/// Nouns that make a preceding four-digit number a count, not a year.
const COUNT_NOUNS: &[&str] = &[
    "people",
    "persons",
    "civilians",
    "troops",
    "soldiers",
    "deaths",
    "dead",
    "cases",
    "jobs",
    "votes",
    "points",
    "dollars",
    "euros",
    "pounds",
    "yuan",
    "miles",
    "km",
    "kilometres",
    "kilometers",
    "metres",
    "meters",
    "feet",
    "ft",
    "tons",
    "tonnes",
    "units",
    "times",
    "members",
    "children",
    "women",
    "men",
    "refugees",
    "migrants",
    "homes",
    "houses",
    "cars",
    "vehicles",
    "residents",
    "workers",
    "employees",
    "students",
    "patients",
    "km/h",
    "mph",
    "kg",
    "barrels",
    "shares",
    "acres",
    "hectares",
    "rounds",
    "rockets",
    "missiles",
    "tanks",
    "lives",
    "families",
    "others",
    "more",
    "of",
    "per",
    "percent",
    "%",
    "square",
    "words",
    "pages",
    "cubic",
    "degrees",
    "megawatts",
    "mw",
    "gw",
    "page",
    "signatures",
    "visitors",
    "fans",
    "prisoners",
];

/// Words before which a bare month name is read as a date even for "May"/"March".
const MONTH_CONTEXT: &[&str] = &[
    "in",
    "since",
    "of",
    "by",
    "until",
    "till",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "during",
    "from",
    "to",
    "through",
    "before",
    "after",
    "between",
    "and",
    "or",
    "on",
    "end",
    "beginning",
    "start",
    "middle",
    "throughout",
    "each",
    "every",
];

const PAST_DAYS: i64 = 7;

impl<'a> Parser<'a> {
    fn w(&self, i: usize) -> &str {
        self.w.get(i).copied().unwrap_or("")
    }
    fn orig(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.text[t.span.start..t.span.end])
    }
    fn cap(&self, i: usize) -> bool {
        self.orig(i).chars().next().is_some_and(char::is_uppercase)
    }
    /// A capitalised word inside a sentence after another word: part of a name ("Noon
    /// hardly covered himself", "the Daily Mail") rather than a time word.
    fn name_like(&self, i: usize) -> bool {
        i > 0 && self.cap(i) && !self.w(i).starts_with(|c: char| c.is_ascii_digit()) && {
            let prev = self.w(i - 1);
            prev.chars().next().is_some_and(char::is_alphanumeric) || prev == "the"
        }
    }

    fn is_num_tok(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == newsgraph_text::TokenKind::Number)
    }
    /// True when token `i + 1` follows token `i` with no space between.
    fn glued(&self, i: usize) -> bool {
        matches!((self.toks.get(i), self.toks.get(i + 1)), (Some(a), Some(b)) if a.span.end == b.span.start)
    }
    fn lex(&self, i: usize, kind: Kind) -> Option<(usize, &'static str)> {
        LEX.longest(self.w, i, kind)
    }
    /// Skips an optional comma token.
    fn comma(&self, i: usize) -> usize {
        if self.w(i) == "," { i + 1 } else { i }
    }

    /// A plain integer token (digits only, thousands separators refused).
    fn int(&self, i: usize) -> Option<u32> {
        let w = self.w(i);
        if !self.is_num_tok(i) || w.is_empty() || w.len() > 9 || !w.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        w.parse().ok()
    }

    /// A day of the month: "28", "28th", "1st", "twenty-eighth".
    fn day_num(&self, i: usize) -> Option<u8> {
        let w = self.w(i);
        let d: u32 = if let Some(n) = self.int(i) {
            if w.len() > 2 {
                return None;
            }
            n
        } else if self.is_num_tok(i) {
            let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let suffix = &w[digits.len()..];
            if !matches!(suffix, "st" | "nd" | "rd" | "th") || digits.len() > 2 {
                return None;
            }
            digits.parse().ok()?
        } else {
            let v: i32 = LEX.word(w, Kind::Ordinal)?.parse().ok()?;
            u32::try_from(v).ok()?
        };
        (1..=31).contains(&d).then_some(d as u8)
    }

    /// A four-digit year token between 1000 and 2199 (or an apostrophe year "'98").
    fn year_num(&self, i: usize) -> Option<i32> {
        let w = self.w(i);
        if w.len() == 4 {
            let y = self.int(i)?;
            return (1000..2200).contains(&y).then_some(y as i32);
        }
        None
    }

    /// A number in digits or words: its end token and value (`None` for a vague "a few").
    fn number(&self, i: usize) -> Option<(usize, Option<f64>)> {
        let w = self.w(i);
        if self.is_num_tok(i) {
            if !w.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.') {
                return None;
            }
            let v: f64 = w.replace(',', "").parse().ok()?;
            if self.w(i + 1) == "and" && self.w(i + 2) == "a" && self.w(i + 3) == "half" {
                return Some((i + 4, Some(v + 0.5)));
            }
            // "2 1/2": a whole number and a glued fraction
            if v.fract() == 0.0
                && self.w(i + 2) == "/"
                && self.glued(i + 1)
                && self.glued(i + 2)
                && let (Some(a), Some(b)) = (self.int(i + 1), self.int(i + 3).filter(|b| (2..=10).contains(b)))
                && a < b
            {
                return Some((i + 4, Some(v + a as f64 / b as f64)));
            }
            return Some((i + 1, Some(v)));
        }
        if let Some((a, b)) = w.split_once('-') {
            let (x, y) = (LEX.word(a, Kind::Number)?, LEX.word(b, Kind::Number)?);
            return Some((i + 1, Some(x.parse::<f64>().ok()? + y.parse::<f64>().ok()?)));
        }
        let (end, v) = self.lex(i, Kind::Number)?;
        if v == "X" {
            return Some((end, None));
        }
        let mut v: f64 = v.parse().ok()?;
        let mut end = end;
        // "twenty four", "one hundred"
        if (20.0..100.0).contains(&v)
            && v % 10.0 == 0.0
            && let Some(u) = LEX.word(self.w(end), Kind::Number).and_then(|u| u.parse::<f64>().ok()).filter(|u| *u < 10.0 && *u >= 1.0)
        {
            v += u;
            end += 1;
        }
        if (1.0..10.0).contains(&v) && self.w(end) == "hundred" {
            v *= 100.0;
            end += 1;
        }
        if self.w(end) == "and" && self.w(end + 1) == "a" && self.w(end + 2) == "half" {
            v += 0.5;
            end += 3;
        }
        Some((end, Some(v)))
    }

    /// Nearest tense cue around tokens `start..end`: future ("will", "due to", "next")
    /// or past ("said", "-ed" verbs); the nearer one decides.
    pub fn dir(&self, start: usize, end: usize) -> Dir {
        self.dir_within(start, end, 15)
    }

    /// [`Parser::dir`] looking at most `window` tokens back: weekdays take a short window,
    /// as their tense is the nearest verb's.
    pub fn dir_within(&self, start: usize, end: usize, window: usize) -> Dir {
        let back = (start.saturating_sub(window)..start).rev().map(|j| (start - j, j));
        // Looking forward stops at the clause's end: in "by March and suggested", the
        // verb after "and" belongs to another clause.
        // A fronted adverbial ("In January, the firm hired …") takes its tense from the
        // clause after its comma. Not for weekdays (short windows): a fronted "On Friday,"
        // is news of the past week, and the clause after it is often a plan reported.
        let from = if start <= 1 && self.w(end) == "," && window > 8 { end + 1 } else { end };
        let reach = if from > end { 6 } else { 4 };
        let stop = (from..(from + reach).min(self.w.len()))
            .find(|&j| matches!(self.w(j), "and" | "," | "but" | "while" | "which" | "as" | "." | "that"))
            .unwrap_or((from + reach).min(self.w.len()));
        let fwd = (from..stop).map(|j| (j + 1 - end, j));
        let mut best: Option<(usize, Dir)> = None;
        for (dist, j) in back.chain(fwd) {
            let w = self.w(j);
            if matches!(w, ";" | "“" | "”" | "\"") {
                continue;
            }
            let d = if LEX.word(w, Kind::FutureCue).is_some() || LEX.longest(self.w, j, Kind::FutureCue).is_some() {
                // A conditional modal far back usually governs another verb: "they would
                // look for ways to get around Wednesday's ruling"; "would be traveling ...
                // Thursday" has no other verb to govern.
                if matches!(w, "would" | "could" | "should" | "might") && dist > 5 && window <= 8 && self.w(j + 1) != "be" {
                    continue;
                }
                Dir::Future
            } else if (LEX.word(w, Kind::PastCue).is_some() && !self.modal_passive(j)) || self.past_participle(j) {
                Dir::Past
            } else {
                continue;
            };
            if best.is_none_or(|(bd, _)| dist < bd) {
                best = Some((dist, d));
            }
        }
        best.map_or(self.default_dir, |(_, d)| d)
    }

    /// [`Parser::dir`] for a date after "by", "until" or "through", which in news is a
    /// deadline ahead ("talks supposed to conclude by May", "loans through January")
    /// unless a past perfect ("had fallen by March") says it is behind.
    fn deadline_dir(&self, start: usize, end: usize) -> Dir {
        let prep = self.w(start.wrapping_sub(1));
        // "through January" is a deadline too ("loans extended through January"), unless it
        // closes a range whose start is named ("this year through August", "from May
        // through July"), which then sets the tense.
        let range_end =
            prep == "through" && (start.saturating_sub(5)..start - 1).any(|k| matches!(self.w(k), "from" | "since" | "this" | "last" | "year" | "between"));
        let deadline = matches!(prep, "by" | "until" | "till") || (prep == "through" && !range_end);
        if deadline && !(start.saturating_sub(12)..start).any(|k| self.w(k) == "had") {
            return Dir::Future;
        }
        self.dir(start, end)
    }

    /// An "-ed" verb that marks the past: not a name inside the sentence ("the United
    /// States"), and not a passive after a modal's "be", whose tense is the modal's
    /// ("should be completed in October", "will be delayed until Tuesday").
    fn past_participle(&self, j: usize) -> bool {
        let w = self.w(j);
        w.len() >= 5
            && w.ends_with("ed")
            && !w.ends_with("eed")
            && !w.starts_with("un") // "unspecified", "unexpected": adjectives
            && !self.is_num_tok(j)
            && !self.name_like(j)
            && !self.modal_passive(j)
    }

    /// A participle after a modal's "be" ("will be held", "should be completed"): its
    /// tense is the modal's, not the past.
    fn modal_passive(&self, j: usize) -> bool {
        self.w(j.wrapping_sub(1)) == "be" && self.forward_modal(j.wrapping_sub(2))
    }

    /// A modal or "to" at `k` (or just before a "not" there) that puts a following "be"
    /// in the future; "could" is left out, as it is as often the past of "can".
    fn forward_modal(&self, k: usize) -> bool {
        let k = if matches!(self.w(k), "not" | "n't") { k.wrapping_sub(1) } else { k };
        matches!(self.w(k), "will" | "'ll" | "shall" | "should" | "would" | "to" | "must" | "may" | "might" | "wo")
    }

    // ---------------------------------------------------------------- resolution

    fn resolve_weekday(&self, wd: u8, dir: Dir) -> Option<Date> {
        let dct = self.dct?;
        let cur = cal::weekday_num(dct) as i64;
        let diff = wd as i64 - cur;
        let n = match dir {
            _ if diff == 0 => 0,
            Dir::Future => diff.rem_euclid(7),
            Dir::Past | Dir::Unknown => -(-diff).rem_euclid(7),
        };
        cal::add_days(dct, n)
    }

    /// A month and day without a year: the year that puts it on the side of the
    /// publication date the tense points to (or nearest).
    fn resolve_month_day(&self, m: u8, d: u8, dir: Dir) -> Option<Date> {
        let dct = self.dct?;
        let y = dct.year() as i32;
        let cands = [cal::date(y - 1, m, d), cal::date(y, m, d), cal::date(y + 1, m, d)];
        let cost = |c: &Date| c.since(dct).ok().map_or(i64::MAX, |s| weighted(s.get_days() as i64, dir, PAST_DAYS, 3));
        cands.iter().flatten().min_by_key(|c| cost(c)).copied()
    }

    fn resolve_month(&self, m: u8, dir: Dir) -> Option<i32> {
        let dct = self.dct?;
        let y = dct.year() as i32;
        let now = y * 12 + dct.month() as i32;
        // A month named alone is more often past than future in news: the future side
        // counts double even with no tense cue, and five times against a past tense.
        (y - 1..=y + 1).min_by_key(|c| {
            let diff = (c * 12 + m as i32 - now) as i64;
            match dir {
                Dir::Unknown if diff > 0 => 2 * diff,
                Dir::Unknown => -diff,
                _ => weighted(diff, dir, 0, 5),
            }
        })
    }

    fn point_or_unknown(&self, start: usize, end: usize, p: Option<Point>, unknown: String) -> Hit {
        match p {
            Some(p) => Hit::date(start, end, p),
            None => Hit::new(start, end, TimeType::DATE, Some(unknown)),
        }
    }

    // ---------------------------------------------------------------- rules

    /// Every rule at token `i`; the longest hit.
    pub fn parse_at(&self, i: usize) -> Option<Hit> {
        let rules: [fn(&Self, usize) -> Option<Hit>; 20] = [
            Self::calendar_phrase,
            Self::hedged,
            Self::positioned,
            Self::mid_token,
            Self::anchored,
            Self::relday,
            Self::relpart,
            Self::weekday_expr,
            Self::month_expr,
            Self::day_month,
            Self::numeric_date,
            Self::quarter,
            Self::rel_unit,
            Self::duration,
            Self::set_expr,
            Self::season_expr,
            Self::holiday_expr,
            Self::decade,
            Self::clock,
            Self::misc,
        ];
        let mut best: Option<Hit> = None;
        for rule in rules {
            if let Some(h) = rule(self, i)
                && h.end > i
                && best.as_ref().is_none_or(|b| h.end > b.end)
            {
                best = Some(h);
            }
        }
        best
    }

    /// Year and reference words, which need the most context to be trusted.
    fn misc(&self, i: usize) -> Option<Hit> {
        self.year_expr(i).or_else(|| self.ref_expr(i)).or_else(|| self.the_year(i))
    }

    /// "the year ended March 31" (a fiscal year: a duration) and "for the full year" (the
    /// current year).
    fn the_year(&self, i: usize) -> Option<Hit> {
        if self.w(i) != "the" {
            return None;
        }
        let j = if matches!(self.w(i + 1), "full" | "fiscal" | "calendar" | "entire" | "whole") { i + 2 } else { i + 1 };
        if self.w(j) != "year" {
            return None;
        }
        if matches!(self.w(j + 1), "ended" | "ending" | "ends" | "to" | "through") {
            return Some(Hit::new(i, j + 1, TimeType::DURATION, Some("P1Y".into())));
        }
        if matches!(self.w(i.wrapping_sub(1)), "for" | "during" | "throughout") {
            // The year being reported: that of the quarter or month just named ("a loss in
            // the fourth quarter of 2005 and for the entire year"), else the current one.
            let y = match self.anchor {
                Some(p @ (Point::Quarter(..) | Point::Half(..) | Point::Month(..))) => p.year(),
                _ => self.dct?.year() as i32,
            };
            return Some(Hit::date(i, j + 1, Point::Year(y)));
        }
        None
    }

    /// Every rule except the hedged and positioned wrappers, for what follows a hedge.
    fn core(&self, i: usize) -> Option<Hit> {
        let rules: [fn(&Self, usize) -> Option<Hit>; 16] = [
            Self::calendar_phrase,
            Self::anchored,
            Self::relday,
            Self::weekday_expr,
            Self::month_expr,
            Self::day_month,
            Self::quarter,
            Self::rel_unit,
            Self::duration,
            Self::season_expr,
            Self::holiday_expr,
            Self::decade,
            Self::clock,
            Self::year_expr,
            Self::numeric_date,
            Self::mid_token,
        ];
        let mut best: Option<Hit> = None;
        for rule in rules {
            if let Some(h) = rule(self, i)
                && best.as_ref().is_none_or(|b| h.end > b.end)
            {
                best = Some(h);
            }
        }
        best
    }

    /// "more than two weeks", "around 8:30 p.m.", "about a year ago".
    fn hedged(&self, i: usize) -> Option<Hit> {
        let (j, m) = self.lex(i, Kind::Hedge)?;
        if self.w(j) == "the" {
            return None; // "over the last 25 years" is a span, not more than one
        }
        let h = self.core(j)?;
        // "evolved over several years", "over a three-year period": "over" spreads an action
        // across the stretch rather than bounding it ("lasted over a week" still does)
        if self.w(i) == "over" && h.kind == TimeType::DURATION {
            let prev = i.checked_sub(1);
            let spread_verb = prev.is_some_and(|p| {
                (self.past_participle(p) || matches!(self.w(p), "spread" | "paid" | "built" | "phased" | "used"))
                    && !matches!(self.w(p), "lasted" | "waited" | "stayed" | "remained" | "continued" | "delayed" | "extended" | "aged")
            });
            if spread_verb || matches!(self.w(h.end - 1), "period" | "span" | "stretch" | "term" | "interval" | "window") {
                return None;
            }
        }
        let ok = match h.kind {
            TimeType::DURATION => true,
            TimeType::TIME => h.clock.is_some(),
            TimeType::DATE => self.w(h.end - 1) == "ago",
            TimeType::SET => false,
        };
        ok.then_some(Hit { start: i, modifier: Some(m), ..h })
    }

    /// "early next year", "the end of August", "late November", "earlier this month".
    fn positioned(&self, i: usize) -> Option<Hit> {
        let (j, m) = self.lex(i, Kind::Position)?;
        let mut j = j;
        if self.w(j) == "-" && self.glued(i) {
            j += 1;
        }
        // "the end of the year"
        let h = if self.w(j) == "the" && self.lex(j + 1, Kind::Unit).is_some() { self.current_unit(j, j + 1) } else { self.core(j) }?;
        let coarse = matches!(
            h.point,
            Some(
                Point::Year(_)
                    | Point::Month(..)
                    | Point::Season(..)
                    | Point::Decade(_)
                    | Point::Century(_)
                    | Point::Quarter(..)
                    | Point::Half(..)
                    | Point::Week(..)
            )
        );
        (coarse && h.kind == TimeType::DATE).then(|| Hit { start: i, ..h }.with_mod(Some(m)))
    }

    /// "the year", "the month" after a position phrase: the current one.
    fn current_unit(&self, start: usize, u: usize) -> Option<Hit> {
        let (end, unit) = self.lex(u, Kind::Unit)?;
        let dct = self.dct?;
        let p = self.unit_point(dct, unit, 0)?;
        Some(Hit::date(start, end, p))
    }

    /// "mid-March", "mid-2014", "mid-1990s": one hyphenated token.
    fn mid_token(&self, i: usize) -> Option<Hit> {
        let rest = self.w(i).strip_prefix("mid-")?;
        let p = if let Some(m) = LEX.word(rest, Kind::Month) {
            let m: u8 = m.parse().ok()?;
            let y = match self.year_num(i + 1) {
                Some(y) => y,
                None => self.resolve_month(m, self.dir(i, i + 1))?,
            };
            let end = if self.year_num(i + 1).is_some() { i + 2 } else { i + 1 };
            return Some(Hit::date(i, end, Point::Month(y, m)).with_mod(Some("MID")));
        } else if rest.len() == 4 && rest.bytes().all(|b| b.is_ascii_digit()) {
            Point::Year(rest.parse().ok()?)
        } else if let Some(d) = decade_of(rest) {
            Point::Decade(d)
        } else {
            return None;
        };
        Some(Hit::date(i, i + 1, p).with_mod(Some("MID")))
    }

    /// "earlier in the day", "the next day", "that year", "the year-ago quarter".
    fn anchored(&self, i: usize) -> Option<Hit> {
        // "ended the day down 31 points", "for the day": the trading day being reported
        if self.w(i) == "the"
            && self.w(i + 1) == "day"
            && matches!(
                self.w(i.wrapping_sub(1)),
                "end" | "ended" | "ending" | "ends" | "finish" | "finished" | "finishing" | "close" | "closed" | "closing" | "for"
            )
            && !matches!(self.w(i + 2), "before" | "after" | "of" | "when")
        {
            return Some(Hit { derived: true, ..Hit::date(i, i + 2, Point::Day(self.anchor_day.or(self.dct)?)) });
        }
        let (end, v) = self.lex(i, Kind::Anchored)?;
        let (unit, n) = v.split_once(':')?;
        let n: i32 = n.parse().ok()?;
        let day = self.anchor_day.or(self.dct);
        let p = match unit {
            "D" => Point::Day(cal::add_days(day?, n as i64)?),
            "MO" | "AF" | "EV" | "NI" => Point::DayPart(cal::add_days(day?, n as i64)?, part_code(unit)),
            "Y" => Point::Year(self.anchor.or(day.map(Point::Day))?.year() + n),
            "M" => {
                let (y, m) = match self.anchor? {
                    Point::Month(y, m) => (y, m),
                    p => {
                        let d = p.day().or(day)?;
                        (d.year() as i32, d.month() as u8)
                    }
                };
                let (y, m) = cal::add_months(y, m, n);
                Point::Month(y, m)
            }
            "W" => {
                let d = cal::add_days(self.anchor.and_then(|p| p.day()).or(day)?, 7 * n as i64)?;
                let (y, w) = cal::iso_week(d);
                Point::Week(y, w)
            }
            "Q" => match self.anchor {
                Some(p @ Point::Quarter(..)) => p.shift_quarters(n)?,
                // "sales rose in February compared to the same period last year": the
                // reported month, a year back
                Some(Point::Month(y, m)) if n % 4 == 0 => Point::Month(y + n / 4, m),
                _ => {
                    let d = day?;
                    Point::Quarter(d.year() as i32 - 1, cal::quarter_of(d.month() as u8))
                }
            },
            _ => return None,
        };
        Some(Hit { derived: true, ..Hit::date(i, end, p) })
    }

    /// "today", "yesterday", "tomorrow afternoon".
    fn relday(&self, i: usize) -> Option<Hit> {
        let (end, n) = self.lex(i, Kind::RelDay)?;
        let o = self.orig(i).trim_end_matches("'s").trim_end_matches("’s");
        if o.len() > 2 && !o.chars().any(char::is_lowercase) && self.cap(i.wrapping_sub(1)) {
            return None; // "USA TODAY": a name
        }
        let n: i64 = n.parse().ok()?;
        let Some(dct) = self.dct else {
            return Some(Hit::new(i, end, TimeType::DATE, None));
        };
        let d = cal::add_days(dct, n)?;
        if let Some((e2, pod)) = self.lex(end, Kind::PartOfDay) {
            return Some(self.with_clock(i, e2, d, Some(pod)).unwrap_or_else(|| Hit::date(i, e2, Point::DayPart(d, pod))));
        }
        if let Some(h) = self.with_clock(i, end, d, None) {
            return Some(h);
        }
        Some(Hit::date(i, end, Point::Day(d)))
    }

    /// "tonight", "last night", "this morning".
    fn relpart(&self, i: usize) -> Option<Hit> {
        let (end, v) = self.lex(i, Kind::RelPart)?;
        let (n, pod) = v.split_once(':')?;
        let Some(dct) = self.dct else {
            return Some(Hit::new(i, end, TimeType::TIME, None));
        };
        let d = cal::add_days(dct, n.parse().ok()?)?;
        let pod = part_code(pod);
        Some(self.with_clock(i, end, d, Some(pod)).unwrap_or_else(|| Hit::date(i, end, Point::DayPart(d, pod))))
    }

    /// A weekday, possibly with a direction, a calendar date, a "(28)" day, or a part of day.
    fn weekday_expr(&self, i: usize) -> Option<Hit> {
        let (dirn, j) = match self.lex(i, Kind::Direction) {
            Some((j, n)) if self.lex(j, Kind::Weekday).is_some() => (Some(n.parse::<i32>().ok()?), j),
            // "this coming Sunday", "this past Friday"
            Some((j, "0")) if matches!(self.w(j), "coming" | "past") && self.lex(j + 1, Kind::Weekday).is_some() => {
                (Some(if self.w(j) == "coming" { 1 } else { -1 }), j + 1)
            }
            _ => (None, i),
        };
        let (mut end, wd) = self.lex(j, Kind::Weekday)?;
        let wd: u8 = wd.parse().ok()?;
        if self.w(j).ends_with('.') && !self.cap(j) || self.w(j + 1) == "." && !self.cap(j) {
            return None;
        }
        // "Monday, March 28, 2022" / "Monday 28 March": the date decides.
        let k = self.comma(end);
        if dirn.is_none()
            && let Some(h) = self.month_expr(k).or_else(|| self.day_month(k))
            && h.point.and_then(|p| p.day()).is_some()
        {
            return Some(Hit { start: i, ..h });
        }
        // "Wednesday of next week", "Sunday from last week": the weekday in that week.
        if dirn.is_none()
            && matches!(self.w(end), "of" | "from")
            && let Some((k, n)) = self.lex(end + 1, Kind::Direction)
            && self.w(k) == "week"
            && let Some(dct) = self.dct
        {
            let n: i64 = n.parse().ok()?;
            let monday = cal::add_days(dct, 7 * n - (cal::weekday_num(dct) as i64 - 1))?;
            return Some(Hit::date(i, k + 1, Point::Day(cal::add_days(monday, wd as i64 - 1)?)));
        }
        // "Monday (28)": the weekday and its day of the month, the Brazilian habit;
        // "Tuesday the 19th" likewise.
        let mut day: Option<Date> = None;
        if self.w(end) != "the" && self.w(end + 1) != "of" && self.is_num_tok(end) && self.w(end).len() > 2 {
            // "Tuesday 19th"
            if let (Some(d), Some(dct)) = (self.day_num(end), self.dct) {
                day = weekday_with_day(dct, wd, d);
                end += 1;
            }
        } else if (self.w(end) == "the" && !self.is_num_tok(end + 1) || self.w(end) == "the" && self.w(end + 1).len() > 2)
            // "announced on Tuesday the first generation": a spelled ordinal before a
            // noun is that noun's, not a day of the month
            && (self.is_num_tok(end + 1) || !self.w(end + 2).starts_with(|c: char| c.is_alphabetic()) || matches!(self.w(end + 2), "and" | "at" | "in" | "when"))
            && let (Some(d), Some(dct)) = (self.day_num(end + 1), self.dct)
        {
            day = weekday_with_day(dct, wd, d);
            end += 2;
        }
        if self.w(end) == "("
            && self.w(end + 2) == ")"
            && let (Some(d), Some(dct)) = (self.day_num(end + 1), self.dct)
        {
            day = weekday_with_day(dct, wd, d);
            end += 3;
        }
        let day = match day {
            Some(d) => Some(d),
            None => match dirn {
                Some(-1) => self.dct.and_then(|dct| {
                    let back = -((cal::weekday_num(dct) as i64 - wd as i64 - 1).rem_euclid(7) + 1);
                    cal::add_days(dct, back)
                }),
                Some(1) => self.dct.and_then(|dct| {
                    let fwd = (wd as i64 - cal::weekday_num(dct) as i64 - 1).rem_euclid(7) + 1;
                    cal::add_days(dct, fwd)
                }),
                Some(_) => self.resolve_weekday(wd, self.dir_within(i, end, 8)),
                None => {
                    let d = self.dir_within(i, end, 8);
                    self.resolve_weekday(wd, d)
                }
            },
        };
        if let Some((e2, pod)) = self.lex(end, Kind::PartOfDay).filter(|_| !self.w(end).ends_with('s')) {
            return Some(match day {
                Some(d) => self.with_clock(i, e2, d, Some(pod)).unwrap_or_else(|| Hit::date(i, e2, Point::DayPart(d, pod))),
                None => Hit::new(i, e2, TimeType::TIME, Some(format!("XXXX-WXX-{wd}T{pod}"))),
            });
        }
        if let Some(h) = day.and_then(|d| self.with_clock(i, end, d, None)) {
            return Some(h);
        }
        Some(self.point_or_unknown(i, end, day.map(Point::Day), format!("XXXX-WXX-{wd}")))
    }

    /// A day expression followed by its clock time ("Thursday at 9:30 p.m.", "tomorrow
    /// evening at 5"): one TIME on that day. A part of day makes "at 5" afternoon-or-later.
    fn with_clock(&self, start: usize, end: usize, day: Date, pod: Option<&str>) -> Option<Hit> {
        let k = if matches!(self.w(end), "at" | "@" | ",") { end + 1 } else { end };
        let late = matches!(pod, Some("AF" | "EV" | "NI"));
        let (e, mut h, m, utc) = match self.clock(k).filter(|c| c.clock.is_some() && c.point.is_none()) {
            Some(c) => {
                let (h, m) = c.clock?;
                (c.end, h, m, c.utc)
            }
            None if k > end && pod.is_some() => {
                let h = self.int(k).filter(|h| (1..=12).contains(h))? as u8;
                (k + 1, h, 0, false)
            }
            None => return None,
        };
        if late && (1..12).contains(&h) {
            h += 12;
        }
        Some(Hit { utc, ..Hit::date(start, e, Point::Clock(day, h, m)) })
    }

    /// A month name: "March 10", "Jan. 1, 2015", "July 1997", "March of 2020", "August".
    fn month_expr(&self, i: usize) -> Option<Hit> {
        let (mut end, m) = self.lex(i, Kind::Month)?;
        let m: u8 = m.parse().ok()?;
        if self.w(end) == "." && !self.w(i).ends_with('.') && self.w(i).len() <= 4 && !matches!(self.w(i), "june" | "july" | "may") {
            end += 1; // "Dec." split by the tokenizer
        }
        let ambiguous = matches!(self.w(i), "may" | "march" | "jan" | "mar." | "sun.");
        // Lowercase month names count only with a day or year after them, or a
        // preposition before ("in august"); "may" and "march" need a capital too.
        let framed = self.day_num(end).is_some() || self.year_num(self.comma(end)).is_some() || MONTH_CONTEXT.contains(&self.w(i.wrapping_sub(1)));
        let dated = self.day_num(end).is_some() && self.w(i) == "march";
        if !self.cap(i) && ((ambiguous && !dated) || !framed) {
            return None;
        }
        // Month Day [,] [Year]; "February the 15th"
        if self.w(end) == "the" && self.day_num(end + 1).is_some() && (!self.is_num_tok(end + 1) || self.w(end + 1).len() > 2) {
            end += 1;
        }
        if let Some(d) = self.day_num(end) {
            let after_day = end + 1;
            // "March 10-12": keep the first day only.
            let k = self.comma(after_day);
            if let Some(y) = self.year_num(k) {
                let hit = self.point_or_unknown(i, k + 1, cal::date(y, m, d).map(Point::Day), format!("{y:04}-{m:02}-{d:02}"));
                return Some(Hit { absolute: true, ..hit });
            }
            if self.is_num_tok(after_day) || self.w(after_day) == "%" {
                return None;
            }
            let dir = self.deadline_dir(i, after_day);
            let date = self.resolve_month_day(m, d, dir);
            return Some(self.point_or_unknown(i, after_day, date.map(Point::Day), format!("XXXX-{m:02}-{d:02}")));
        }
        // Month [of] Year
        let k = if self.w(end) == "of" || self.w(end) == "," { end + 1 } else { end };
        if let Some(y) = self.year_num(k) {
            return Some(Hit::date(i, k + 1, Point::Month(y, m)));
        }
        // "June last year", "January next year", "October of next year"
        if self.w(end) == "of" && matches!(self.w(end + 1), "last" | "this" | "next") && self.w(end + 2) == "year" {
            end += 1;
        }
        if self.w(end + 1) == "year"
            && let (Some(n), Some(dct)) = (self.lex(end, Kind::Direction).and_then(|(_, n)| n.parse::<i32>().ok()), self.dct)
            && matches!(self.w(end), "last" | "this" | "next")
        {
            return Some(Hit::date(i, end + 2, Point::Month(dct.year() as i32 + n, m)));
        }
        if ambiguous && !MONTH_CONTEXT.contains(&self.w(i.wrapping_sub(1))) {
            return None;
        }
        if i == 0 && self.lex(end, Kind::Month).is_none() && ambiguous {
            return None;
        }
        let dir = self.deadline_dir(i, end);
        let y = self.resolve_month(m, dir);
        Some(self.point_or_unknown(i, end, y.map(|y| Point::Month(y, m)), format!("XXXX-{m:02}")))
    }

    /// "28 March 2022", "the 10th of March".
    fn day_month(&self, i: usize) -> Option<Hit> {
        let start = i;
        let i = if self.w(i) == "the" { i + 1 } else { i };
        let d = self.day_num(i)?;
        let mut j = i + 1;
        if self.w(j) == "of" {
            j += 1;
        }
        let (mut end, m) = self.lex(j, Kind::Month)?;
        if !self.cap(j) && matches!(self.w(j), "may" | "jan" | "mar.") && j == i + 1 {
            return None; // "1 may", but "the first of march" is fine
        }
        if self.w(end) == "." && self.w(j).len() <= 4 && !self.w(j).ends_with('.') {
            end += 1;
        }
        let m: u8 = m.parse().ok()?;
        let k = self.comma(end);
        if let Some(y) = self.year_num(k) {
            let hit = self.point_or_unknown(start, k + 1, cal::date(y, m, d).map(Point::Day), format!("{y:04}-{m:02}-{d:02}"));
            return Some(Hit { absolute: true, ..hit });
        }
        let date = self.resolve_month_day(m, d, self.dir(start, end));
        Some(self.point_or_unknown(start, end, date.map(Point::Day), format!("XXXX-{m:02}-{d:02}")))
    }

    /// Days and weeks named through a month or a date: "the first Tuesday in October",
    /// "the last Friday of March 2014", "the week of March 6".
    fn calendar_phrase(&self, i: usize) -> Option<Hit> {
        let j = if self.w(i) == "the" { i + 1 } else { i };
        if self.w(j) == "week" && self.w(j + 1) == "of" && j > i {
            let h = self.month_expr(j + 2).or_else(|| self.day_month(j + 2))?;
            let (y, w) = cal::iso_week(h.point?.day()?);
            return Some(Hit::date(i, h.end, Point::Week(y, w)));
        }
        let n: i8 = LEX.word(self.w(j), Kind::Ordinal)?.parse().ok()?;
        // "the last week of March", "the second week of 2021"
        if self.w(j + 1) == "week" && self.w(j + 2) == "of" && j > i {
            if let Some(y) = self.year_num(j + 3).filter(|_| (1..=52).contains(&n)) {
                return Some(Hit::date(i, j + 4, Point::Week(y, n as u8)));
            }
            let h = self.month_expr(j + 3)?;
            let Some(Point::Month(y, m)) = h.point else {
                return None;
            };
            // The nth week is the one holding the month's (n·7 − 3)th day, so that a week
            // mostly inside the month counts; the last ends three days before the month.
            let first = cal::date(y, m, 1)?;
            let day = if n == -1 {
                let (ny, nm) = cal::add_months(y, m, 1);
                cal::add_days(cal::date(ny, nm, 1)?, -4)?
            } else if (1..=5).contains(&n) {
                cal::add_days(first, 7 * n as i64 - 4)?
            } else {
                return None;
            };
            let (wy, w) = cal::iso_week(day);
            return Some(Hit::date(i, h.end, Point::Week(wy, w)));
        }
        let (k, wd) = self.lex(j + 1, Kind::Weekday)?;
        if !matches!(self.w(k), "in" | "of") || !(-1..=5).contains(&n) || n == 0 {
            return None;
        }
        let h = self.month_expr(k + 1)?;
        let Some(Point::Month(y, m)) = h.point else {
            return None;
        };
        let wd = cal::weekday(wd.parse().ok()?)?;
        let d = cal::date(y, m, 1)?.nth_weekday_of_month(n, wd).ok()?;
        Some(Hit::date(i, h.end, Point::Day(d)))
    }

    /// "2016-09-17", "9/17/2016", "17/09/2016".
    fn numeric_date(&self, i: usize) -> Option<Hit> {
        let sep = self.w(i + 1);
        if !matches!(sep, "-" | "/" | ".") || self.w(i + 3) != sep || !(i..i + 4).all(|k| self.glued(k)) {
            return None;
        }
        let (a, b, c) = (self.w(i), self.w(i + 2), self.w(i + 4));
        let (ai, bi, ci) = (self.int(i)?, self.int(i + 2)?, self.int(i + 4)?);
        let (y, m, d) = if a.len() == 4 && b.len() <= 2 && c.len() <= 2 {
            (ai as i32, bi, ci)
        } else if (c.len() == 4 || c.len() == 2 && sep == "/") && a.len() <= 2 && b.len() <= 2 && sep != "-" {
            let y = if c.len() == 2 {
                // "7/8/07": the century that puts the year nearest the publication year.
                let base = self.dct.map_or(2000, |d| d.year() as i32);
                let y = (base / 100) * 100 + ci as i32;
                if y > base + 20 { y - 100 } else { y }
            } else {
                ci as i32
            };
            if ai > 12 { (y, bi, ai) } else { (y, ai, bi) }
        } else {
            return None;
        };
        let date = cal::date(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?)?;
        Some(Hit { absolute: true, ..Hit::date(i, i + 5, Point::Day(date)) })
    }

    /// A year: "in 2014", "fiscal 1989", "2012" before a noun that is not a count,
    /// "nineteen ninety-six".
    fn year_expr(&self, i: usize) -> Option<Hit> {
        if let Some(c) = LEX.word(self.w(i), Kind::Number).and_then(|v| v.parse::<i32>().ok()).filter(|c| (10..=20).contains(c))
            && let Some((end, Some(r))) = self.number(i + 1)
            && (10.0..100.0).contains(&r)
            && !self.is_num_tok(i + 1)
            && r.fract() == 0.0
        {
            return Some(Hit::date(i, end, Point::Year(c * 100 + r as i32)));
        }
        // "since '82": an apostrophe year after a preposition, in the century that puts it
        // nearest the publication date (not in the future by more than a decade)
        if matches!(self.w(i), "'" | "’")
            && self.glued(i)
            && YEAR_PREPS.contains(&self.w(i.wrapping_sub(1)))
            && self.w(i + 1).len() == 2
            && let Some(yy) = self.int(i + 1)
        {
            let base = self.dct.map_or(2000, |d| d.year() as i32);
            let y = (base / 100) * 100 + yy as i32;
            let y = if y > base + 10 { y - 100 } else { y };
            return Some(Hit::date(i, i + 2, Point::Year(y)));
        }
        let (start, j) = if self.w(i) == "fiscal" { (i, i + 1) } else { (i, i) };
        let y = self.year_num(j)?;
        let prev = self.w(start.wrapping_sub(1));
        let next = self.w(j + 1);
        if matches!(prev, "$" | "€" | "£" | "#" | "no." | "number" | "about" | "some" | "nearly" | "over" | "than" | "almost") {
            return None;
        }
        if self.glued(j) && matches!(next, "%" | "-") && !(next == "-" && self.year_num(j + 2).is_some()) {
            return None;
        }
        let trusted = start < j || YEAR_PREPS.contains(&prev) || (1900..2100).contains(&y);
        if !trusted || COUNT_NOUNS.contains(&next) {
            return None;
        }
        // "the Russell 2000 Index", "Windows 2000 Server": a number inside a name
        if start == j && self.name_like(j.wrapping_sub(1)) && self.cap(j + 1) && self.lex(j.wrapping_sub(1), Kind::Month).is_none() {
            return None;
        }
        if next == ":" || (next == "," && self.int(j + 2).is_some() && self.w(j + 2).len() == 3) {
            return None; // a clock time or "1,500"-like split
        }
        Some(Hit::date(start, j + 1, Point::Year(y)))
    }

    /// Quarters and halves: "the third quarter", "third-quarter", "the first half of 2015".
    fn quarter(&self, i: usize) -> Option<Hit> {
        let start = i;
        let mut j = if self.w(i) == "the" { i + 1 } else { i };
        let mut pre_year = if j > i { self.year_num(j) } else { None };
        if pre_year.is_some() {
            j += 1;
        } else if matches!(self.w(j), "last" | "this" | "next") && self.w(j + 1) == "year" {
            // "next year's first quarter"
            let n = match self.w(j) {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            pre_year = Some(self.dct?.year() as i32 + n);
            j += 2;
        } else if j > i && matches!(self.w(j), "year-ago" | "year-earlier") {
            // "the year-ago third quarter": a year before the quarter being reported
            pre_year = Some(self.dct?.year() as i32 - 1);
            j += 1;
        }
        if self.w(j) == "fiscal" {
            j += 1;
        }
        // "the 1988 quarter", "the 1989 period": the reported quarter in that year
        if let (Some(y), Some(Point::Quarter(_, q))) = (pre_year, self.anchor)
            && matches!(self.w(j), "quarter" | "period")
        {
            return Some(Hit::date(start, j + 1, Point::Quarter(y, q)));
        }
        // "third-quarter" as one token
        let (q, half, mut end) = if let Some((o, u)) = self.w(j).split_once('-') {
            let q: i32 = LEX.word(o, Kind::Ordinal)?.parse().ok()?;
            match u {
                "quarter" => (q, false, j + 1),
                "half" => (q, true, j + 1),
                _ => return None,
            }
        } else if let Some(q) = self.w(j).strip_prefix('q').filter(|q| q.len() == 1 && self.orig(j).starts_with('Q')) {
            // "Q3", "Q4 2012"
            (q.parse().ok()?, false, j + 1)
        } else {
            let q: i32 = LEX.word(self.w(j), Kind::Ordinal)?.parse().ok()?;
            match self.w(j + 1) {
                "quarter" | "qtr" | "qtr." => (q, false, j + 2),
                "half" => (q, true, j + 2),
                _ => return None,
            }
        };
        let max = if half { 2 } else { 4 };
        // "the last quarter of 2015" is its fourth; "last quarter" alone is the previous
        // one, which `rel_unit` reads.
        let of_year = self.w(end) == "of" && self.year_num(end + 1).is_some();
        if q == -1 && !of_year {
            return None;
        }
        let q = if q == -1 { max } else { q };
        if !(1..=max).contains(&q) {
            return None;
        }
        let k = if self.w(end) == "of" { end + 1 } else { end };
        let k = if self.w(k) == "fiscal" { k + 1 } else { k };
        let y = if let Some(y) = self.year_num(k) {
            end = k + 1;
            Some(y)
        } else if matches!(self.w(k), "this" | "last" | "next") && self.w(k + 1) == "year" {
            end = k + 2;
            let d: i32 = match self.w(k) {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            self.dct.map(|d0| d0.year() as i32 + d)
        } else if pre_year.is_some() {
            pre_year // "the 1988 second quarter"
        } else {
            self.dct.map(|d| {
                let y = d.year() as i32;
                let future = !half && q as u8 > cal::quarter_of(d.month() as u8);
                if future && self.dir(start, end) == Dir::Past { y - 1 } else { y }
            })
        };
        let p = y.map(|y| if half { Point::Half(y, q as u8) } else { Point::Quarter(y, q as u8) });
        let unknown = if half { format!("XXXX-H{q}") } else { format!("XXXX-Q{q}") };
        Some(self.point_or_unknown(start, end, p, unknown))
    }

    /// The point `n` units of `unit` away from the publication date.
    fn unit_point(&self, dct: Date, unit: &str, n: i32) -> Option<Point> {
        let y = dct.year() as i32;
        Some(match unit {
            "Y" => Point::Year(y + n),
            "M" => {
                let (y, m) = cal::add_months(y, dct.month() as u8, n);
                Point::Month(y, m)
            }
            "W" => {
                let (y, w) = cal::iso_week(cal::add_days(dct, 7 * n as i64)?);
                Point::Week(y, w)
            }
            "WE" => {
                // The weekend of the week n weeks away.
                let (y, w) = cal::iso_week(cal::add_days(dct, 7 * n as i64)?);
                Point::Weekend(y, w)
            }
            "Q" => Point::Quarter(y, cal::quarter_of(dct.month() as u8)).shift_quarters(n)?,
            "DE" => Point::Decade(y.div_euclid(10) + n),
            "CE" => Point::Century(y.div_euclid(100) + n),
            "D" => Point::Day(cal::add_days(dct, n as i64)?),
            _ => return None,
        })
    }

    /// "last week", "this year", "next month", "last April", "this fall", "the weekend".
    fn rel_unit(&self, i: usize) -> Option<Hit> {
        if self.w(i) == "the" && self.w(i + 1) == "weekend" {
            let dct = self.dct?;
            // The weekend just past (or this one, read on a Saturday or Sunday).
            let wd = cal::weekday_num(dct) as i64;
            let d = if wd >= 6 {
                dct
            } else if self.dir_within(i, i + 2, 8) == Dir::Future {
                cal::add_days(dct, 6 - wd)?
            } else {
                cal::add_days(dct, -wd)?
            };
            let (y, w) = cal::iso_week(d);
            return Some(Hit::date(i, i + 2, Point::Weekend(y, w)));
        }
        let (j, n) = self.lex(i, Kind::Direction)?;
        let mut n: i32 = n.parse().ok()?;
        // "this past weekend", "this coming week"
        let j = match self.w(j) {
            "past" if n == 0 && self.lex(j + 1, Kind::Unit).is_some() => {
                n = -1;
                j + 1
            }
            "coming" if n == 0 && self.lex(j + 1, Kind::Unit).is_some() => {
                n = 1;
                j + 1
            }
            _ => j,
        };
        // "this fiscal year", "last calendar year"
        let j = if matches!(self.w(j), "fiscal" | "calendar") && self.w(j + 1) == "year" { j + 1 } else { j };
        if let Some((end, rule)) = self.lex(j, Kind::Holiday) {
            let dct = self.dct?;
            let y = dct.year() as i32;
            let this = cal::holiday(rule, y)?;
            let d = match n {
                -1 if this >= dct => cal::holiday(rule, y - 1)?,
                1 if this <= dct => cal::holiday(rule, y + 1)?,
                _ => this,
            };
            return Some(Hit::date(i, end, Point::Day(d)));
        }
        if matches!(self.w(i), "past" | "following" | "preceding") {
            return None; // "past year" without "the" is rare; "the past year" is a duration
        }
        if let Some((end, m)) = self.lex(j, Kind::Month) {
            if !self.cap(j) && matches!(self.w(j), "may" | "march") {
                return None; // "this may help"
            }
            let m: u8 = m.parse().ok()?;
            let dct = self.dct?;
            let (y, cm) = (dct.year() as i32, dct.month() as u8);
            let mut end = end;
            if self.w(end) == "." && self.w(j).len() <= 4 && !self.w(j).ends_with('.') && !matches!(self.w(j), "june" | "july" | "may") {
                end += 1;
            }
            // "last Oct. 23": the day of the month, the year by the direction.
            if let Some(d) = self.day_num(end) {
                let this = cal::date(y, m, d)?;
                let y = match n {
                    -1 if this >= dct => y - 1,
                    1 if this <= dct => y + 1,
                    _ => y,
                };
                return Some(Hit::date(i, end + 1, Point::Day(cal::date(y, m, d)?)));
            }
            let y = match n {
                -1 if m >= cm => y - 1,
                1 if m <= cm => y + 1,
                _ => y,
            };
            return Some(Hit::date(i, end, Point::Month(y, m)));
        }
        if let Some((end, s)) = self.lex(j, Kind::Season) {
            let dct = self.dct?;
            let y = dct.year() as i32;
            let cur_start = season_start(s);
            let m = dct.month() as u8;
            let y = match n {
                -1 if m <= cur_start || s == "WI" => y - 1,
                1 if m >= cur_start => y + 1,
                _ => y,
            };
            return Some(Hit::date(i, end, Point::Season(y, s)));
        }
        let (end, unit) = self.lex(j, Kind::Unit)?;
        if self.w(j).ends_with('s') && unit != "S" {
            return None; // "last years" is not a point
        }
        let Some(dct) = self.dct else {
            return Some(Hit::new(i, end, TimeType::DATE, None));
        };
        if unit == "D" || unit == "H" || unit == "MIN" || unit == "S" || unit == "FN" || unit == "ML" {
            return None;
        }
        let p = self.unit_point(dct, unit, n)?;
        Some(Hit::date(i, end, p))
    }

    /// Durations: "two weeks", "the past two months", "10-year", "a few days", "24 hours",
    /// and their anchored forms "a year ago", "two days later".
    /// A duration, with the noun it qualifies when that noun is itself a stretch of time:
    /// "a three-year period", "its one-year term" (TimeBank marks the noun phrase).
    fn duration(&self, i: usize) -> Option<Hit> {
        let is_span_noun = |k: usize| matches!(self.w(k), "period" | "span" | "stretch" | "term" | "interval" | "window");
        // "three-year", "10-year": one hyphenated token or a number glued to "-" and a unit
        let adjectival = |h: &Hit| {
            h.kind == TimeType::DURATION
                && h.end > h.start
                && (self.w(h.end - 1).contains('-') || h.end >= h.start + 2 && self.w(h.end - 2) == "-" && self.glued(h.end - 2))
        };
        if matches!(self.w(i), "a" | "an")
            && let Some(mut h) = self.duration_phrase(i + 1)
            && h.start == i + 1
            && adjectival(&h)
            && is_span_noun(h.end)
        {
            h.start = i;
            h.end += 1;
            return Some(h);
        }
        let mut h = self.duration_phrase(i)?;
        if adjectival(&h) && is_span_noun(h.end) {
            h.end += 1;
        }
        Some(h)
    }

    fn duration_phrase(&self, i: usize) -> Option<Hit> {
        let start = i;
        let mut j = i;
        let the = self.w(j) == "the";
        if the {
            j += 1;
        }
        let mut qualified = false;
        // "the past two months", "last two weeks", "the first nine months", "recent years";
        // "last week" alone is a point, handled by `rel_unit`, which wins on length ties.
        if let Some((k, _)) = self.lex(j, Kind::Direction) {
            j = k;
            qualified = true;
        } else if (the && matches!(self.w(j), "first" | "final" | "latest" | "initial")) || self.w(j) == "recent" {
            j += 1;
            qualified = true;
        }
        // "two-year", "24-hour": one token or three glued ones, adjectives whose article
        // belongs to the noun they modify ("the eight-year plan" → "eight-year").
        let adj_start = if qualified { start } else { j };
        if let Some((a, u)) = self.w(j).split_once('-')
            && let (Some(n), Some(unit)) = (LEX.word(a, Kind::Number), LEX.word(u, Kind::Unit))
            && n != "X"
            && a != "a"
            && a != "an"
            && u != "quarters"
            && self.w(j + 1) != "old"
        {
            let n: f64 = n.parse().ok()?;
            return Some(Hit::new(adj_start, j + 1, TimeType::DURATION, Some(duration_value(Some(n), unit))));
        }
        // "twenty-five-year", "four-and-a-half-year", "half-hour", "quarter-century": a
        // compound count glued to its unit in one token
        if let Some((a, u)) = self.w(j).rsplit_once('-')
            && let Some(unit) = LEX.word(u, Kind::Unit).filter(|unit| !matches!(*unit, "S" | "WE" | "Q"))
            && !u.ends_with('s')
            && self.w(j + 1) != "old"
            && let Some(n) = compound_count(a).filter(|_| a != "quarter" || unit == "CE")
        {
            return Some(Hit::new(adj_start, j + 1, TimeType::DURATION, Some(duration_value(Some(n), unit))));
        }
        // "a seven-year-long war", "the four-month-long strike"
        if let Some(stem) = self.w(j).strip_suffix("-long")
            && let Some((a, u)) = stem.rsplit_once('-')
            && let Some(unit) = LEX.word(u, Kind::Unit).filter(|unit| !matches!(*unit, "S" | "WE" | "Q"))
            && let Some(n) = compound_count(a)
        {
            return Some(Hit::new(adj_start, j + 1, TimeType::DURATION, Some(duration_value(Some(n), unit))));
        }
        // "a day-long strike", "a decades-long dispute"
        if let Some(stem) = self.w(j).strip_suffix("-long")
            && let Some(unit) = LEX.word(stem, Kind::Unit).filter(|u| !matches!(*u, "S" | "WE" | "Q"))
        {
            let n = if stem.ends_with('s') { None } else { Some(1.0) };
            // TimeML writes vague decades in years, as the TempEval-3 and MEANTIME gold does
            let v = if n.is_none() && unit == "DE" { "PXY".to_string() } else { duration_value(n, unit) };
            return Some(Hit::new(adj_start, j + 1, TimeType::DURATION, Some(v)));
        }
        if self.w(j + 1) == "-"
            && self.glued(j)
            && self.glued(j + 1)
            && self.is_num_tok(j)
            && let (Some(n), Some(unit)) = (self.int(j), LEX.word(self.w(j + 2), Kind::Unit))
        {
            let mut end = j + 3;
            if self.w(end) == "-" && self.w(end + 1) == "old" {
                end += 2;
            }
            return Some(Hit::new(adj_start, end, TimeType::DURATION, Some(duration_value(Some(n as f64), unit))));
        }
        if (the && j == start + 2 && matches!(self.w(start + 1), "latest" | "current" | "most") || self.w(j) == "quarter" && the && j == start + 1)
            && let Some(h) = self.current_or_latest(start, j)
        {
            return Some(h);
        }
        // "for years", "within weeks", "the highest level in years", "it took decades",
        // "after months of talks": a bare plural unit is a vague duration after a word that
        // measures time out, or before "of" after a word that cannot be its determiner.
        if !qualified
            && !the
            && let Some((end, unit)) = self.lex(j, Kind::Unit).filter(|_| self.w(j).ends_with('s'))
            && !matches!(unit, "S" | "WE")
        {
            let prev = self.w(start.wrapping_sub(1));
            let measuring = matches!(
                prev,
                "for" | "within" | "over" | "in" | "took" | "take" | "takes" | "taken" | "taking" | "spent" | "spend" | "spends" | "lasted" | "lasting"
            );
            let of_after_clause_word = self.w(end) == "of"
                && (start == 0
                    || matches!(
                        prev,
                        "after" | "follows" | "followed" | "following" | "amid" | "despite" | "through" | "ending" | "ended" | "end" | "," | "and" | "with"
                    ));
            // "it could be years before", "it has been months since", "weeks away"
            let waiting =
                matches!(prev, "be" | "been" | "waited" | "wait" | "waiting") && matches!(self.w(end), "before" | "until" | "since" | "away" | "," | ".");
            // "within weeks or months": one vague stretch, named by its shorter unit
            let end = match self.lex(end + 1, Kind::Unit) {
                Some((e2, u2)) if self.w(end) == "or" && self.w(end + 1).ends_with('s') && !matches!(u2, "S" | "WE") => e2,
                _ => end,
            };
            if (measuring && self.w(end) != "ago") || of_after_clause_word || waiting {
                // TimeML writes vague decades in years ("for decades" = PXY)
                let v = if unit == "DE" { "PXY".to_string() } else { duration_value(None, unit) };
                return Some(Hit::new(start, end, TimeType::DURATION, Some(v)));
            }
        }
        // "over the years", "in the months since": the stretch of time leading up to the clause
        if the
            && !qualified
            && j == start + 1
            && matches!(self.w(start.wrapping_sub(1)), "over" | "in" | "during" | "through")
            && let Some((end, unit)) = self.lex(j, Kind::Unit).filter(|_| self.w(j).ends_with('s'))
            && !matches!(unit, "S" | "WE" | "Q")
            && (self.w(start.wrapping_sub(1)) == "over" || matches!(self.w(end), "since" | "that" | "after" | "following"))
        {
            return Some(Hit::new(start, end, TimeType::DURATION, Some(duration_value(None, unit))));
        }
        // "for a while", "for some time", "for a long time": a duration of unknown length
        if start > 0 && self.w(start - 1) == "for" && !the && !qualified {
            let end = match (self.w(start), self.w(start + 1), self.w(start + 2)) {
                ("a", "while", _) | ("some", "time", _) => Some(start + 2),
                ("a", "long", "time") | ("quite", "some", "time") | ("a", "short", "while") | ("a", "long", "while") => Some(start + 3),
                _ => None,
            };
            if let Some(end) = end {
                return Some(Hit::new(start, end, TimeType::DURATION, Some("PXX".into())));
            }
        }
        // "the weeks ahead", "the days to come": a vague stretch of the near future
        if the
            && !qualified
            && let Some((end, unit)) = self.lex(j, Kind::Unit).filter(|_| self.w(j).ends_with('s'))
            && !matches!(unit, "S" | "WE")
        {
            let e = match (self.w(end), self.w(end + 1)) {
                ("ahead", _) => end + 1,
                ("to", "come") => end + 2,
                _ => end,
            };
            if e > end {
                return Some(Hit::new(start, e, TimeType::DURATION, Some(duration_value(None, unit))));
            }
        }
        let (k, n) = match self.number(j) {
            // "half an hour", "half a day"
            None if self.w(j) == "half" && matches!(self.w(j + 1), "a" | "an") && self.lex(j + 2, Kind::Unit).is_some() => (j + 2, Some(0.5)),
            // "two to three weeks", "12 to 18 months": the range is one expression, valued by
            // its lower bound
            Some((k1, n1)) if matches!(self.w(k1), "to" | "or") => match self.number(k1 + 1) {
                Some((k2, Some(_))) if n1.is_some() && self.lex(k2, Kind::Unit).is_some() => (k2, n1),
                _ => (k1, n1),
            },
            Some(x) => x,
            None if qualified => (j, None),
            None => return None,
        };
        if self.year_num(j).is_some() && !self.w(k).ends_with('s') {
            return None; // "the 1988 quarter" is not 1988 quarters
        }
        // "an extra week", "two more days", "three consecutive years"
        let k = if matches!(
            self.w(k),
            "extra"
                | "additional"
                | "full"
                | "further"
                | "more"
                | "consecutive"
                | "straight"
                | "whole"
                | "entire"
                | "trading"
                | "business"
                | "working"
                | "calendar"
                | "school"
        ) && self.lex(k + 1, Kind::Unit).is_some()
        {
            k + 1
        } else {
            k
        };
        let (end, unit) = self.lex(k, Kind::Unit)?;
        // "a quarter century": a quarter of the next unit, not a quarter of a year
        let (n, end, unit) = match self.lex(end, Kind::Unit) {
            Some((e2, "CE")) if unit == "Q" && self.w(k) == "quarter" => (n.map(|v| v * 0.25), e2, "CE"),
            _ => (n, end, unit),
        };
        if self.w(k) == "second" && !self.is_num_tok(j) && !matches!(self.w(end), "," | "." | ")" | "”" | "\"" | "") {
            return None; // "a second device" is an ordinal
        }
        let of_follows = self.w(end) == "of" || (self.w(end) == "," && self.w(end + 1) == "of");
        if unit == "Q" && of_follows && !matches!(self.w(k.wrapping_sub(1)), "consecutive" | "straight" | "full" | "fiscal" | "calendar") {
            return None; // "a quarter of the population" is a fraction; "two consecutive quarters of growth" is not
        }
        let plural = self.w(k).ends_with('s') && unit != "S";
        // "the past year", "the last quarter", "the next year": the calendar unit before
        // or after the publication date's, as TempEval-3 and MEANTIME annotate them (all six
        // in their training text; weeks and decades are split between the readings and
        // stay durations).
        if the
            && k == j
            && n.is_none()
            && !plural
            && let Some((_, dn)) = self.lex(start + 1, Kind::Direction)
            && matches!(dn, "-1" | "1")
            && matches!(unit, "Y" | "M" | "Q")
            && let Some(dct) = self.dct
            && let Some(p) = self.unit_point(dct, unit, dn.parse().ok()?)
        {
            return Some(Hit::date(start, end, p));
        }
        let n = match n {
            None if !plural && k > j => return None, // "a few day"
            None if k == j && !plural => Some(1.0),  // "the past year"
            n => n,
        };
        // "recent years", "the past few months", "the coming weeks" stay vague durations
        // (PXY, PXM, PXW), as the TimeML guidelines annotate them.
        let is_article = k == j + 1 && matches!(self.w(j), "a" | "an");
        if !qualified
            && matches!(self.w(end), "ago" | "earlier" | "later" | "before" | "after")
            && let Some(h) = self.shifted(start, end, n, unit)
        {
            return Some(h);
        }
        // "a week" after a number, a price or a percentage is a frequency: "$5 a week".
        if is_article && !the && !qualified {
            let prev = self.w(start.wrapping_sub(1));
            let after_quantity = self.is_num_tok(start.wrapping_sub(1))
                || matches!(prev, "%" | "percent" | "times" | "once" | "twice" | "billion" | "million" | "thousand" | "hundred")
                || prev.ends_with("bn")
                || prev.ends_with('m') && self.is_num_tok(start.wrapping_sub(1));
            if after_quantity {
                return Some(Hit::new(start, end, TimeType::SET, Some(duration_value(Some(1.0), unit))));
            }
        }
        // "a minute and a half", "an hour and a half"
        let (n, end) =
            if self.w(end) == "and" && self.w(end + 1) == "a" && self.w(end + 2) == "half" && !plural { (n.map(|v| v + 0.5), end + 3) } else { (n, end) };
        if self.w(end) == "old" || self.w(end) == "-old" {
            return None; // "52 years old" is an age
        }
        let mut end = end;
        if self.w(end) == "-" && self.w(end + 1) == "long" && self.glued(end) {
            end += 2;
        }
        if !qualified
            && matches!(self.w(end), "ago" | "earlier" | "later" | "before" | "after")
            && let Some(h) = self.shifted(start, end, n, unit)
        {
            return Some(h);
        }
        if !plural && n == Some(1.0) && k == j && !the {
            return None;
        }
        Some(Hit::new(start, end, TimeType::DURATION, Some(duration_value(n, unit))))
    }

    /// "the latest quarter", "the current year", "the quarter": the period being reported
    /// (the anchored quarter when there is one).
    fn current_or_latest(&self, start: usize, j: usize) -> Option<Hit> {
        let mut u = j;
        if self.w(u) == "fiscal" || self.w(u) == "recent" {
            u += 1;
        }
        let latest = matches!(self.w(start + 1), "latest" | "most" | "quarter");
        // "the latest period": the quarter being reported, in earnings news
        let (end, unit) = if latest && self.w(u) == "period" { (u + 1, "Q") } else { self.lex(u, Kind::Unit)? };
        if self.w(u).ends_with('s') {
            return None;
        }
        let dct = self.dct?;
        let p = match (unit, self.anchor) {
            ("Q", Some(p @ Point::Quarter(..))) => p,
            ("Q", _) => self.unit_point(dct, "Q", if latest { -1 } else { 0 })?,
            ("Y" | "M" | "W", _) => self.unit_point(dct, unit, 0)?,
            _ => return None,
        };
        Some(Hit::date(start, end, p))
    }

    /// "two years ago" (from the publication date), "a year earlier" (from the anchor).
    fn shifted(&self, start: usize, end: usize, n: Option<f64>, unit: &str) -> Option<Hit> {
        let word = self.w(end);
        if matches!(word, "before" | "after") && !matches!(self.w(end + 1), "." | "," | "" | ";" | "and" | "”") {
            return None; // "two days after the vote" is a duration with a preposition
        }
        let Some(n) = n else {
            let v = if word == "later" { "FUTURE_REF" } else { "PAST_REF" };
            return Some(Hit::new(start, end + 1, TimeType::DATE, Some(v.into())));
        };
        if n.fract() != 0.0 {
            return None;
        }
        let sign: i32 = if matches!(word, "later" | "after") { 1 } else { -1 };
        let n = n as i32 * sign;
        // Shift an anchored quarter by years ("a year earlier" after "the third quarter":
        // the year-ago quarter, as financial news means it).
        if unit == "Y"
            && let Some(p @ Point::Quarter(..)) = self.anchor
        {
            return Some(Hit { derived: true, ..Hit::date(start, end + 1, p.shift_quarters(4 * n)?) });
        }
        // A coarser anchor written out counts from itself: "in 2003 … a year later" is
        // 2004, "in March 2004 … two months later" is May 2004. One computed from the
        // publication date ("a year ago … a year earlier", the comparison period of
        // earnings news) does not, unless there is no publication date to use instead.
        let coarse = self.anchor.filter(|p| word != "ago" && p.day().is_none() && (self.anchor_written || self.dct.is_none()));
        match (unit, coarse) {
            ("Y", Some(Point::Year(y) | Point::Month(y, _) | Point::Season(y, _) | Point::Half(y, _))) => {
                return Some(Hit { derived: true, ..Hit::date(start, end + 1, Point::Year(y + n)) });
            }
            ("M", Some(Point::Month(y, m))) => {
                let (y, m) = cal::add_months(y, m, n);
                return Some(Hit { derived: true, ..Hit::date(start, end + 1, Point::Month(y, m)) });
            }
            _ => {}
        }
        let base = if word == "ago" { self.dct } else { self.anchor_day.or(self.dct) };
        let Some(base) = base else {
            return Some(Hit::new(start, end + 1, TimeType::DATE, None));
        };
        let p = match unit {
            "Y" => Point::Year(base.year() as i32 + n),
            "M" => {
                let (y, m) = cal::add_months(base.year() as i32, base.month() as u8, n);
                Point::Month(y, m)
            }
            // "a week ago", "two weeks ago": the day, as annotators date them; further
            // back the week is all that is meant
            "W" if word == "ago" && n >= -2 => Point::Day(cal::add_days(base, 7 * n as i64)?),
            "W" => {
                let (y, w) = cal::iso_week(cal::add_days(base, 7 * n as i64)?);
                Point::Week(y, w)
            }
            "D" => Point::Day(cal::add_days(base, n as i64)?),
            "DE" => Point::Decade((base.year() as i32 + 10 * n).div_euclid(10)),
            "CE" => Point::Century((base.year() as i32 + 100 * n).div_euclid(100)),
            "Q" => Point::Quarter(base.year() as i32, cal::quarter_of(base.month() as u8)).shift_quarters(n)?,
            _ => return None,
        };
        Some(Hit { derived: word != "ago", ..Hit::date(start, end + 1, p) })
    }

    /// SETs: "every week", "daily", "each day", "every 72 minutes", "every Monday",
    /// "twice a week".
    fn set_expr(&self, i: usize) -> Option<Hit> {
        if let Some((end, v)) = self.lex(i, Kind::Set) {
            if self.name_like(i) {
                return None; // "The Daily Telegraph", "Weekly Standard"
            }
            return Some(Hit::new(i, end, TimeType::SET, Some(v.into())));
        }
        if matches!(self.w(i), "once" | "twice") || (self.number(i).is_some() && self.w(i + 1) == "times") {
            let j = if matches!(self.w(i), "once" | "twice") { i + 1 } else { i + 2 };
            if matches!(self.w(j), "a" | "an" | "per" | "every" | "each") {
                let (end, unit) = self.lex(j + 1, Kind::Unit)?;
                return Some(Hit::new(i, end, TimeType::SET, Some(duration_value(Some(1.0), unit))));
            }
            return None;
        }
        // "on Mondays", "Tuesday nights": a plural weekday recurs.
        let stem = self.w(i).strip_suffix('s').unwrap_or("");
        if let Some(wd) = LEX.word(stem, Kind::Weekday).filter(|_| self.cap(i)) {
            return Some(Hit::new(i, i + 1, TimeType::SET, Some(format!("XXXX-WXX-{wd}"))));
        }
        if let Some(wd) = LEX.word(self.w(i), Kind::Weekday).filter(|_| self.w(i + 1).ends_with('s'))
            && let Some((end, pod)) = self.lex(i + 1, Kind::PartOfDay)
        {
            return Some(Hit::new(i, end, TimeType::SET, Some(format!("XXXX-WXX-{wd}T{pod}"))));
        }
        if !matches!(self.w(i), "every" | "each") {
            return None;
        }
        let mut j = i + 1;
        if self.w(j) == "other" {
            j += 1;
        }
        let other = j > i + 1;
        if let Some((end, wd)) = self.lex(j, Kind::Weekday) {
            return Some(Hit::new(i, end, TimeType::SET, Some(format!("XXXX-WXX-{wd}"))));
        }
        if let Some((end, pod)) = self.lex(j, Kind::PartOfDay) {
            return Some(Hit::new(i, end, TimeType::SET, Some(format!("XXXX-XX-XXT{pod}"))));
        }
        if let Some((end, m)) = self.lex(j, Kind::Month) {
            let m: u8 = m.parse().ok()?;
            return Some(Hit::new(i, end, TimeType::SET, Some(format!("XXXX-{m:02}"))));
        }
        if let Some((end, s)) = self.lex(j, Kind::Season) {
            return Some(Hit::new(i, end, TimeType::SET, Some(format!("XXXX-{s}"))));
        }
        let (k, n) = match self.number(j) {
            Some((k, n)) if !matches!(self.w(j), "a" | "an" | "some" | "many") => (k, n),
            _ => (j, Some(1.0)),
        };
        let (end, unit) = self.lex(k, Kind::Unit)?;
        let n = n.map(|n| if other { n * 2.0 } else { n });
        Some(Hit::new(i, end, TimeType::SET, Some(duration_value(n, unit))))
    }

    /// "summer 2014", "the summer of 2014", "in the spring".
    fn season_expr(&self, i: usize) -> Option<Hit> {
        let start = i;
        let j = if self.w(i) == "the" { i + 1 } else { i };
        let (end, s) = self.lex(j, Kind::Season)?;
        let k = if self.w(end) == "of" { end + 1 } else { end };
        if let Some(y) = self.year_num(k) {
            return Some(Hit::date(start, k + 1, Point::Season(y, s)));
        }
        // "the winter of nineteen ninety-four"
        if let Some(Hit { end, point: Some(Point::Year(y)), .. }) = self.year_expr(k).filter(|_| k > end) {
            return Some(Hit::date(start, end, Point::Season(y, s)));
        }
        let prev = self.w(start.wrapping_sub(1));
        if !(j > i || matches!(prev, "in" | "during" | "since" | "by" | "until" | "this" | "early" | "late" | "mid")) {
            return None;
        }
        if s == "FA" && j == i {
            return None; // bare "fall" is usually a verb
        }
        let dct = self.dct?;
        let y = dct.year() as i32;
        let m = dct.month() as u8;
        let y = match self.dir(start, end) {
            Dir::Past if season_start(s) > m => y - 1,
            Dir::Future if season_start(s) + 2 < m => y + 1,
            _ => y,
        };
        Some(Hit::date(start, end, Point::Season(y, s)))
    }

    /// "Christmas", "Thanksgiving Day 1999", "Easter".
    fn holiday_expr(&self, i: usize) -> Option<Hit> {
        let (end, rule) = self.lex(i, Kind::Holiday)?;
        if let Some(y) = self.year_num(end) {
            let d = cal::holiday(rule, y)?;
            return Some(Hit::date(i, end + 1, Point::Day(d)));
        }
        let dct = self.dct?;
        let y = dct.year() as i32;
        let dir = self.dir(i, end);
        let this = cal::holiday(rule, y)?;
        let days = this.since(dct).ok()?.get_days() as i64;
        let d = match dir {
            Dir::Past if days > PAST_DAYS => cal::holiday(rule, y - 1)?,
            Dir::Future if days < -PAST_DAYS => cal::holiday(rule, y + 1)?,
            Dir::Unknown if days > 183 => cal::holiday(rule, y - 1)?,
            Dir::Unknown if days < -183 => cal::holiday(rule, y + 1)?,
            _ => this,
        };
        Some(Hit::date(i, end, Point::Day(d)))
    }

    /// Decades and centuries: "the 1990s", "the '90s", "the nineties", "the 20th century".
    fn decade(&self, i: usize) -> Option<Hit> {
        let start = i;
        let mut j = if self.w(i) == "the" { i + 1 } else { i };
        if matches!(self.w(j), "'" | "’") && self.glued(j) {
            j += 1;
        }
        if let Some(d) = decade_of(self.w(j)) {
            return Some(Hit::date(start, j + 1, Point::Decade(d)));
        }
        if let Some(short) = self.w(j).strip_suffix('s').filter(|s| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit())) {
            let dd: i32 = short.parse().ok()?;
            if dd % 10 != 0 {
                return None;
            }
            let cent = self.dct.map_or(19, |d| d.year() as i32 / 100);
            let cent = if dd / 10 > (self.dct.map_or(1999, |d| d.year() as i32) % 100) / 10 { cent - 1 } else { cent };
            return Some(Hit::date(start, j + 1, Point::Decade(cent * 10 + dd / 10)));
        }
        if j > i
            && let Some(dd) = LEX.word(self.w(j), Kind::Decade)
        {
            let dd: i32 = dd.parse().ok()?;
            let cur = self.dct.map_or(1999, |d| d.year() as i32);
            let mut dec = (cur / 100) * 10 + dd;
            if dec * 10 > cur {
                dec -= 10;
            }
            return Some(Hit::date(start, j + 1, Point::Decade(dec)));
        }
        // "the 20th century", "the twentieth century", "20th century"
        if self.w(j + 1) == "century" && (j > i || self.is_num_tok(j)) {
            let n: i32 = if let Some(v) = LEX.word(self.w(j), Kind::Ordinal) {
                v.parse().ok()?
            } else {
                let w = self.w(j);
                let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                if !matches!(&w[digits.len()..], "st" | "nd" | "rd" | "th") {
                    return None;
                }
                digits.parse().ok()?
            };
            if n < 1 {
                return None;
            }
            return Some(Hit::date(start, j + 2, Point::Century(n - 1)));
        }
        None
    }

    /// Clock times: "8:30 p.m.", "8 a.m. ET", "noon", "8pm".
    fn clock(&self, i: usize) -> Option<Hit> {
        let start = if self.w(i) == "at" { return None } else { i };
        let mut end;
        let (mut h, mut m);
        if let Some((e, v)) = self.lex(i, Kind::Clock).filter(|_| !self.name_like(i)) {
            let (a, b) = v.split_once(':')?;
            h = a.parse::<u8>().ok()?;
            m = b.parse::<u8>().ok()?;
            end = e;
            return Some(self.clock_hit(start, end, h, m));
        }
        let w = self.w(i);
        if !self.is_num_tok(i) || (i > 0 && self.w(i - 1) == ":" && self.glued(i - 1)) {
            return None; // not a number, or the middle of "3:07:35"
        }
        // "8pm", "8.30pm", "10am"
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w[digits.len()..];
        let mut meridiem: Option<&str> = None;
        if !suffix.is_empty() {
            meridiem = Some(match suffix {
                "am" => "am",
                "pm" => "pm",
                _ => return None,
            });
        }
        // "0800 GMT", "2130 UTC": military time, trusted only with its zone
        let military = digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) && self.cap(i + 1) && self.lex(i + 1, Kind::Zone).is_some();
        let (hs, ms) = match digits.split_once('.') {
            Some((a, b)) if b.len() == 2 => (a, b),
            Some(_) => return None,
            None if military => (&digits[..2], &digits[2..]),
            None => (digits, "00"),
        };
        h = hs.parse().ok()?;
        m = ms.parse().ok()?;
        end = i + 1;
        if meridiem.is_none() && self.w(i + 1) == ":" && self.glued(i) {
            let mw = self.w(i + 2);
            let md = mw.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            if md.len() != 2 || !self.is_num_tok(i + 2) {
                return None;
            }
            m = md.parse().ok()?;
            match &mw[md.len()..] {
                "" => {}
                "am" => meridiem = Some("am"),
                "pm" => meridiem = Some("pm"),
                _ => return None,
            }
            end = i + 3;
            if self.w(end) == ":" && self.glued(end - 1) && self.glued(end) && self.int(end + 1).is_some() {
                end += 2; // seconds: kept in the extent, dropped from the minute-grain value
            }
            if meridiem.is_none()
                && let Some((e, v)) = self.lex(end, Kind::Meridiem)
            {
                meridiem = Some(v);
                end = e;
            }
            let introduced = matches!(self.w(start.wrapping_sub(1)), "at" | "by" | "until" | "from" | "before" | "after" | "around" | "about");
            if meridiem.is_none() && !(introduced || hs.len() == 2 || self.lex(end, Kind::Zone).is_some()) {
                return None;
            }
            if let Some((e2, mer)) = self.part_of_day_after(end, h).filter(|_| meridiem.is_none()) {
                end = e2;
                meridiem = Some(mer);
            }
            // "this afternoon at 3:20", "3:15 in the afternoon"
            let near_pm = (start.saturating_sub(4)..start).chain(end..end + 3).any(|k| matches!(self.w(k), "afternoon" | "evening" | "night" | "tonight"));
            if meridiem.is_none() && near_pm && (1..12).contains(&h) {
                meridiem = Some("pm");
            }
        } else if meridiem.is_none() {
            if let Some((e, v)) = self.lex(i + 1, Kind::Meridiem) {
                meridiem = Some(v);
                end = e;
                if self.w(end) == "." && v.len() == 2 && self.w(i + 1).ends_with(".m") {
                    end += 1;
                }
            } else {
                // "4 in the morning", "3 o'clock in the afternoon", "at 8 in the evening"
                let e = if self.w(i + 1) == "o'clock" { i + 2 } else { i + 1 };
                match self.part_of_day_after(e, h) {
                    Some((e2, m)) => {
                        end = e2;
                        meridiem = Some(m);
                    }
                    None if e > i + 1 && digits.len() <= 2 => end = e,
                    None if military => end = i + 1, // "0800 GMT": the zone follows
                    None => return None,
                }
            }
        } else if self.w(i + 1) == "o'clock" {
            end = i + 2;
        }
        if h > 24 || m > 59 {
            return None;
        }
        match meridiem {
            Some("pm") if h < 12 => h += 12,
            Some("am") if h == 12 => h = 0,
            Some(_) if h > 12 || h == 0 => return None,
            _ => {}
        }
        let mut utc = false;
        if let Some((e, zone)) = self.lex(end, Kind::Zone)
            && (self.cap(end) || self.w(end) == "local")
        {
            // Local zones (EST, CET) have no designator in TempEval-3's values; UTC and
            // GMT take ISO 8601's `Z`, as MEANTIME writes them.
            end = e;
            utc = zone == "Z";
        }
        Some(Hit { utc, ..self.clock_hit(start, end, h, m) })
    }

    /// "in the morning" / "in the afternoon" / "in the evening" / "at night" after an hour
    /// `h` at token `e`: the end of the phrase and the meridiem it implies.
    fn part_of_day_after(&self, e: usize, h: u8) -> Option<(usize, &'static str)> {
        let m = match (self.w(e), self.w(e + 1), self.w(e + 2)) {
            ("in", "the", "morning") => "am",
            ("in", "the", "afternoon" | "evening") => "pm",
            ("at", "night", _) if h >= 6 => return Some((e + 2, "pm")),
            ("at", "night", _) => return Some((e + 2, "am")),
            _ => return None,
        };
        (1..=12).contains(&h).then_some((e + 3, m))
    }

    fn clock_hit(&self, start: usize, end: usize, h: u8, m: u8) -> Hit {
        // "noon Thursday", "10 p.m. Wednesday", "8 a.m. yesterday": one TIME on that day.
        let k = self.comma(end);
        let day = self.weekday_expr(k).or_else(|| self.relday(k)).or_else(|| self.month_expr(k)).or_else(|| self.day_month(k));
        if let Some(dh) = day
            && let Some(d) = dh.point.and_then(|p| p.day()).filter(|_| matches!(dh.point, Some(Point::Day(_))))
        {
            return Hit::date(start, dh.end, Point::Clock(d, h, m));
        }
        Hit { clock: Some((h, m)), ..Hit::new(start, end, TimeType::TIME, Some(format!("XXXX-XX-XXT{h:02}:{m:02}"))) }
    }

    /// Deictic references: "now", "recently", "the future", "so far".
    fn ref_expr(&self, i: usize) -> Option<Hit> {
        let (end, v) = self.lex(i, Kind::Ref)?;
        if self.w(i) == "current" && matches!(self.w(end), "of" | "account" | "accounts" | "affairs" | "events") {
            return None; // "a current of", "current account", "current affairs"
        }
        // "now" in "now-defunct" is glued; "current" as in electric current is rare in news.
        if self.w(i) == "now" && self.w(i + 1) == "that" {
            return Some(Hit::new(i, end, TimeType::DATE, Some(v.into())));
        }
        Some(Hit::new(i, end, TimeType::DATE, Some(v.into())))
    }
}

/// How far a candidate `diff` units from the publication date is, counting distance on
/// the side the tense argues against `factor` times (beyond a `slack` of units), so the nearest
/// reading wins unless the tense clearly points the other way.
fn weighted(diff: i64, dir: Dir, slack: i64, factor: i64) -> i64 {
    let against = match dir {
        Dir::Past => diff > slack,
        Dir::Future => diff < -slack,
        Dir::Unknown => false,
    };
    // On a tie the side the tense points to wins.
    if against { factor * diff.abs() + 1 } else { diff.abs() }
}

/// The TIMEX3 duration value for `n` units (`X` when vague).
/// The count in front of a hyphenated unit: "twenty-five", "four-and-a-half", "half",
/// "quarter", "18". None for "a", vague counts and anything else.
fn compound_count(a: &str) -> Option<f64> {
    if let Some(whole) = a.strip_suffix("-and-a-half") {
        return compound_count(whole).filter(|v| v.fract() == 0.0).map(|v| v + 0.5);
    }
    match a {
        "half" => return Some(0.5),
        "quarter" => return Some(0.25),
        "a" | "an" | "" => return None,
        _ => {}
    }
    if a.bytes().all(|b| b.is_ascii_digit()) {
        return a.parse().ok().filter(|v: &f64| *v > 0.0);
    }
    let word = |w: &str| LEX.word(w, Kind::Number).filter(|n| *n != "X").and_then(|n| n.parse::<f64>().ok());
    match a.split_once('-') {
        Some((x, y)) => Some(word(x)? + word(y)?),
        None => word(a),
    }
}

pub fn duration_value(n: Option<f64>, unit: &str) -> String {
    // A fractional count goes down one unit, as TIMEX3 writes it: 2.5 years = P2Y6M,
    // 5.5 hours = PT5H30M, a minute and a half = PT1M30S (TimeBank's "2 1/2 years" is
    // P2Y6M, "5 1/2 hours" PT5H30M).
    if let Some(v) = n.filter(|v| v.fract() != 0.0 && *v > 0.0 && *v < 1e6) {
        let whole = v.trunc() as i64;
        let sub = |k: f64| (v.fract() * k).round() as i64;
        let head = |u: &str, t: bool| {
            if whole > 0 {
                format!("{}{whole}{u}", if t { "PT" } else { "P" })
            } else if t {
                "PT".to_string()
            } else {
                "P".to_string()
            }
        };
        match unit {
            "Y" => return format!("{}{}M", head("Y", false), sub(12.0)),
            // No smaller unit divides a month exactly; a 30-day month makes half a month
            // 15 days, which keeps the value free of fractions.
            "M" => return format!("{}{}D", head("M", false), sub(30.0)),
            "W" => return format!("{}{}D", head("W", false), sub(7.0)),
            "D" => return format!("{}T{}H", head("D", false), sub(24.0)),
            "H" => return format!("{}{}M", head("H", true), sub(60.0)),
            "MIN" => return format!("{}{}S", head("M", true), sub(60.0)),
            _ => {}
        }
    }
    let num = |k: f64| match n {
        Some(v) => {
            let v = v * k;
            if v.fract() == 0.0 { format!("{}", v as i64) } else { format!("{v}") }
        }
        None => "X".into(),
    };
    match unit {
        "H" => format!("PT{}H", num(1.0)),
        "MIN" => format!("PT{}M", num(1.0)),
        "S" => format!("PT{}S", num(1.0)),
        "FN" => format!("P{}W", num(2.0)),
        // TimeML writes counted decades and centuries in years ("two decades" = P20Y).
        "DE" if n.is_some() => format!("P{}Y", num(10.0)),
        "CE" if n.is_some() => format!("P{}Y", num(100.0)),
        "CE" => "PXCE".into(),
        u => format!("P{}{u}", num(1.0)),
    }
}

/// "1990s" / "1990's" → 199; "1800s" → the 1800s as a decade too (TimeML uses decades).
fn decade_of(w: &str) -> Option<i32> {
    let digits = w.strip_suffix("'s").or_else(|| w.strip_suffix('s'))?;
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) || !digits.ends_with('0') {
        return None;
    }
    digits[..3].parse().ok()
}

fn part_code(s: &str) -> &'static str {
    match s {
        "MO" => "MO",
        "AF" => "AF",
        "EV" => "EV",
        "DT" => "DT",
        _ => "NI",
    }
}

fn season_start(s: &str) -> u8 {
    match s {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    }
}

/// The date near `dct` whose day of the month is `day` and whose weekday is `wd` ("Monday
/// (28)"); failing that, `day` in the publication month.
pub fn weekday_with_day(dct: Date, wd: u8, day: u8) -> Option<Date> {
    let (y, m) = (dct.year() as i32, dct.month() as u8);
    let mut best: Option<(i64, Date)> = None;
    for k in -2..=2 {
        let (yy, mm) = cal::add_months(y, m, k);
        if let Some(d) = cal::date(yy, mm, day)
            && cal::weekday_num(d) == wd
        {
            let dist = d.since(dct).ok().map_or(i64::MAX, |s| s.get_days().abs() as i64);
            if best.is_none_or(|(b, _)| dist < b) {
                best = Some((dist, d));
            }
        }
    }
    best.map(|(_, d)| d).or_else(|| cal::date(y, m, day))
}
