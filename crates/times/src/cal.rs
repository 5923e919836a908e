//! Calendar arithmetic and TIMEX3 value formatting for resolved points in time.

use jiff::civil::{Date, Weekday};

/// A resolved point of the calendar at some granularity: what a DATE/TIME value names, and
/// what later relative expressions ("a year earlier", "that day") are anchored on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    Century(i32),
    Decade(i32),
    Year(i32),
    Half(i32, u8),
    Quarter(i32, u8),
    Season(i32, &'static str),
    Month(i32, u8),
    Week(i32, u8),
    Weekend(i32, u8),
    Day(Date),
    /// A day and a part of day (MO, AF, EV, NI).
    DayPart(Date, &'static str),
    /// A day and a clock time (hours 0-24, minutes).
    Clock(Date, u8, u8),
}

impl Point {
    /// The TIMEX3 value string.
    pub fn value(&self) -> String {
        match *self {
            Point::Century(c) => format!("{c:02}"),
            Point::Decade(d) => format!("{d:03}"),
            Point::Year(y) => format!("{y:04}"),
            Point::Half(y, h) => format!("{y:04}-H{h}"),
            Point::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Point::Season(y, s) => format!("{y:04}-{s}"),
            Point::Month(y, m) => format!("{y:04}-{m:02}"),
            Point::Week(y, w) => format!("{y:04}-W{w:02}"),
            Point::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            Point::Day(d) => d.to_string(),
            Point::DayPart(d, p) => format!("{d}T{p}"),
            Point::Clock(d, h, m) => format!("{d}T{h:02}:{m:02}"),
        }
    }

    /// The day this point falls on, when it names one.
    pub fn day(&self) -> Option<Date> {
        match *self {
            Point::Day(d) | Point::DayPart(d, _) | Point::Clock(d, _, _) => Some(d),
            _ => None,
        }
    }

    /// The year the point lies in (its first year for decades and centuries).
    pub fn year(&self) -> i32 {
        match *self {
            Point::Century(c) => c * 100,
            Point::Decade(d) => d * 10,
            Point::Year(y) | Point::Half(y, _) | Point::Quarter(y, _) | Point::Season(y, _) | Point::Month(y, _) => y,
            Point::Week(y, _) | Point::Weekend(y, _) => y,
            Point::Day(d) | Point::DayPart(d, _) | Point::Clock(d, _, _) => d.year() as i32,
        }
    }

    /// Shifts the point by `n` units of its own granularity ("the year-ago quarter" is a
    /// quarter shifted by -4).
    pub fn shift_quarters(&self, n: i32) -> Option<Point> {
        match *self {
            Point::Quarter(y, q) => {
                let k = y * 4 + (q as i32 - 1) + n;
                Some(Point::Quarter(k.div_euclid(4), (k.rem_euclid(4) + 1) as u8))
            }
            _ => None,
        }
    }
}

pub fn date(y: i32, m: u8, d: u8) -> Option<Date> {
    Date::new(i16::try_from(y).ok()?, m as i8, d as i8).ok()
}

pub fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_days(n).ok()?).ok()
}

/// (year, month) shifted by `n` months.
pub fn add_months(y: i32, m: u8, n: i32) -> (i32, u8) {
    let k = y * 12 + (m as i32 - 1) + n;
    (k.div_euclid(12), (k.rem_euclid(12) + 1) as u8)
}

pub fn weekday_num(d: Date) -> u8 {
    d.weekday().to_monday_one_offset() as u8
}

pub fn weekday(n: u8) -> Option<Weekday> {
    Weekday::from_monday_one_offset(n as i8).ok()
}

/// The ISO week (year, week) of a date.
pub fn iso_week(d: Date) -> (i32, u8) {
    let w = d.iso_week_date();
    (w.year() as i32, w.week() as u8)
}

/// The quarter (1-4) of a month.
pub fn quarter_of(m: u8) -> u8 {
    (m - 1) / 3 + 1
}

/// The date of Easter Sunday (anonymous Gregorian algorithm).
pub fn easter(y: i32) -> Option<Date> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    date(y, month as u8, day as u8)
}

/// A holiday's date in year `y` from its lexicon rule (`fixed:MM-DD`, `nth:N:WD:MONTH`,
/// `last:WD:MONTH`, `easter:OFFSET`).
pub fn holiday(rule: &str, y: i32) -> Option<Date> {
    let mut parts = rule.split(':');
    match parts.next()? {
        "fixed" => {
            let (m, d) = parts.next()?.split_once('-')?;
            date(y, m.parse().ok()?, d.parse().ok()?)
        }
        "nth" => {
            let n: i8 = parts.next()?.parse().ok()?;
            let wd = weekday(parts.next()?.parse().ok()?)?;
            let m: u8 = parts.next()?.parse().ok()?;
            date(y, m, 1)?.nth_weekday_of_month(n, wd).ok()
        }
        "last" => {
            let wd = weekday(parts.next()?.parse().ok()?)?;
            let m: u8 = parts.next()?.parse().ok()?;
            date(y, m, 1)?.nth_weekday_of_month(-1, wd).ok()
        }
        "easter" => add_days(easter(y)?, parts.next()?.parse().ok()?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holidays_and_weeks() {
        assert_eq!(holiday("nth:4:4:11", 1999), date(1999, 11, 25));
        assert_eq!(holiday("easter:0", 2022), date(2022, 4, 17));
        assert_eq!(holiday("last:1:5", 2016), date(2016, 5, 30));
        assert_eq!(iso_week(date(2016, 9, 22).unwrap()), (2016, 38));
        assert_eq!(add_months(2016, 1, -2), (2015, 11));
        assert_eq!(Point::Quarter(1989, 3).shift_quarters(-4), Some(Point::Quarter(1988, 3)));
        assert_eq!(Point::DayPart(date(2022, 3, 27).unwrap(), "NI").value(), "2022-03-27TNI");
    }
}
