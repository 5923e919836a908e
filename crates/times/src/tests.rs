//! Behaviour tests: each asserts the TIMEX3 reading of a news sentence.

use super::*;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

/// (text, type, value, mod) of every expression found.
fn run(text: &str, dct: &str) -> Vec<(String, String, String, String)> {
    let doc = Document::new(text);
    recognise(&doc, Some(d(dct)))
        .into_iter()
        .map(|t| {
            let kind = format!("{:?}", t.kind);
            (t.text, kind, t.value.unwrap_or_default(), t.modifier.unwrap_or_default())
        })
        .collect()
}

fn one(text: &str, dct: &str) -> (String, String, String) {
    let v = run(text, dct);
    assert_eq!(v.len(), 1, "{text}: {v:?}");
    let (t, _, val, m) = v.into_iter().next().unwrap();
    (t, val, m)
}

fn val(text: &str, dct: &str) -> String {
    one(text, dct).1
}

#[test]
fn hedged_durations() {
    assert_eq!(one("the first talks in more than two weeks.", "2022-03-28"), ("more than two weeks".into(), "P2W".into(), "MORE_THAN".into()));
    assert_eq!(one("After more than four weeks of conflict", "2022-03-28").1, "P4W");
    assert_eq!(val("for nearly 24 hours", "2022-03-28"), "PT24H");
    assert_eq!(val("a 10-year plan", "2022-03-28"), "P10Y");
    assert_eq!(val("a two-year deal", "2022-03-28"), "P2Y");
    assert_eq!(val("over the past two months", "2022-03-28"), "P2M");
    assert_eq!(val("in recent weeks", "2022-03-28"), "PXW");
}

#[test]
fn weekdays_default_to_the_past_and_follow_tense() {
    let dct = "2022-03-28"; // a Monday
    assert_eq!(val("Russia signaled on Friday that it was reducing", dct), "2022-03-25");
    assert_eq!(val("talks, which are due to take place in Turkey from Tuesday, are", dct), "2022-03-29");
    assert_eq!(val("the Kremlin later said talks should start by Tuesday", dct), "2022-03-29");
    assert_eq!(val("The Kremlin said Monday that", dct), "2022-03-28");
    assert_eq!(val("He will meet them on Thursday.", dct), "2022-03-31");
    assert_eq!(val("They met last Monday.", dct), "2022-03-21");
    assert_eq!(val("They meet next Monday.", dct), "2022-04-04");
}

#[test]
fn weekday_with_day_and_part_of_day() {
    let dct = "2022-03-28";
    assert_eq!(one("Denisenko said on Monday (28).", dct).1, "2022-03-28");
    assert_eq!(one("Denisenko said on Monday (28).", dct).0, "Monday (28)");
    let v = run("released on Sunday night, he said", dct);
    assert_eq!(v[0].0, "Sunday night");
    assert_eq!(v[0].1, "TIME");
    assert_eq!(v[0].2, "2022-03-27TNI");
}

#[test]
fn anchor_chains() {
    let v = run("A speech was released on Sunday night. But earlier in the day, he said so.", "2022-03-28");
    assert_eq!(v[1].0, "earlier in the day");
    assert_eq!(v[1].2, "2022-03-27");
    let v = run("Profit rose in the third quarter. A year earlier it fell.", "1989-11-02");
    assert_eq!(v[0].2, "1989-Q3");
    assert_eq!(v[1].2, "1988-Q3");
}

#[test]
fn absolute_dates() {
    assert_eq!(val("a meeting on March 10, signals", "2022-03-28"), "2022-03-10");
    assert_eq!(val("since Jan. 1, 2015.", "2016-09-22"), "2015-01-01");
    assert_eq!(val("on 28 March 2022.", "2016-09-22"), "2022-03-28");
    assert_eq!(val("in July 1997 it", "2016-09-22"), "1997-07");
    assert_eq!(val("annexed by the Russians in 2014, and", "2022-03-28"), "2014");
    assert_eq!(val("dated 2016-09-17 here", "2022-03-28"), "2016-09-17");
    assert_eq!(val("on Aug. 29 the", "2016-09-12"), "2016-08-29");
    assert_eq!(val("In August, powered by", "2016-09-22"), "2016-08");
    assert_eq!(one("by the end of August", "2016-09-22"), ("the end of August".into(), "2016-08".into(), "END".into()));
    assert_eq!(one("early next year", "1989-11-02"), ("early next year".into(), "1990".into(), "START".into()));
    assert_eq!(val("in the 1990s", "2016-09-22"), "199");
    assert_eq!(val("on Thanksgiving Day", "1999-11-26"), "1999-11-25");
}

#[test]
fn relative_units() {
    assert_eq!(val("announced plans this week", "2016-09-22"), "2016-W38");
    assert_eq!(val("at a forum last week", "2016-09-16"), "2016-W36");
    assert_eq!(val("reported last month", "2016-09-16"), "2016-08");
    assert_eq!(val("died last year", "2016-09-16"), "2015");
    assert_eq!(val("six weeks ago", "1998-02-13"), "1998-W01");
    assert_eq!(val("said yesterday", "1998-02-13"), "1998-02-12");
    assert_eq!(one("said tonight", "2016-09-17").1, "2016-09-17TNI");
    assert_eq!(val("last fall", "1998-02-13"), "1997-FA");
}

#[test]
fn clock_times_and_sets() {
    assert_eq!(one("at around 8:30 p.m. the", "2016-09-17"), ("around 8:30 p.m.".into(), "2016-09-17T20:30".into(), "APPROX".into()));
    assert_eq!(one("Every 72 minutes, a veteran", "2016-09-16").1, "PT72M");
    let v = run("die each day", "2016-09-16");
    assert_eq!((v[0].1.as_str(), v[0].2.as_str()), ("SET", "P1D"));
    assert_eq!(val("earns $5 a week", "2016-09-16"), "P1W");
}

#[test]
fn references_and_noise() {
    assert_eq!(val("and injured to date in the conflict", "2022-03-28"), "PRESENT_REF");
    assert!(run("The UN confirmed 1,119 civilian deaths and 2000 people.", "2022-03-28").is_empty());
    assert!(run("You may go. March on.", "2022-03-28").is_empty());
    assert!(run("", "2022-03-28").is_empty());
    let _ = run("ß😀 (28) Monday ( 9:", "2022-03-28");
}

#[test]
fn nearest_date_for_facts() {
    let doc = Document::new("On Sunday 139 children had been killed, officials said.");
    let times = recognise(&doc, Some(d("2022-03-28")));
    let at = doc.text.find("139").unwrap();
    let t = nearest_date(&doc, &times, Span::new(at, at + 3)).unwrap();
    assert_eq!(t.value.as_deref(), Some("2022-03-27"));
    assert_eq!(value_day("2022-03-27TNI"), Some(d("2022-03-27")));
}

#[test]
fn publication_date_from_text() {
    let doc = Document::new("KYIV, March 28, 2022 — Talks resume.\n\nMore text on Sunday.");
    assert_eq!(infer_publication_date(&doc), Some(d("2022-03-28")));
    let doc = Document::new("A meeting on March 10, 2022 was tense.\n\nHe said on Monday (28) that talks go on.");
    assert_eq!(infer_publication_date(&doc), Some(d("2022-03-28")));
    assert_eq!(infer_publication_date(&Document::new("No dates here.")), None);
}

/// Random sequences of time words, numbers and punctuation never make the grammar panic.
#[test]
fn never_panics_on_word_salad() {
    let pieces = [
        "Monday",
        "(",
        "28",
        ")",
        "the",
        "end",
        "of",
        "March",
        "10",
        ",",
        "2014",
        "more",
        "than",
        "two",
        "weeks",
        "ago",
        "every",
        "a",
        "year",
        "earlier",
        ":",
        "8",
        "30",
        "p.m.",
        "mid-",
        "mid-2014",
        "1990s",
        "'",
        "90s",
        "third-quarter",
        "last",
        "next",
        "tonight",
        "-",
        "/",
        "9",
        "2016",
        "twenty",
        "four",
        "hours",
        "and",
        "half",
        "fiscal",
        "quarter",
        "Christmas",
        "’s",
        "é",
        "😀",
        "\n\n",
        ".",
        "Jan.",
        "Dec",
        "noon",
        "GMT",
        "once",
        "twice",
        "times",
        "recent",
        "century",
        "20th",
        "nineteen",
        "ninety-six",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..300 {
        let mut text = String::new();
        for _ in 0..40 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            if !(seed >> 20).is_multiple_of(3) {
                text.push(' ');
            }
        }
        let doc = Document::new(text.as_str());
        for t in recognise(&doc, Some(d("2022-03-28"))).iter().chain(recognise(&doc, None).iter()) {
            assert_eq!(&doc.text[t.span[0]..t.span[1]], t.text);
        }
        let _ = infer_publication_date(&doc);
    }
}

#[test]
fn fiscal_years_and_quarters() {
    let v = run("Net income for the year ended March 31 rose.", "1989-10-30");
    assert_eq!((v[0].0.as_str(), v[0].2.as_str()), ("the year", "P1Y"));
    assert_eq!(val("Sales for the full year were flat.", "1989-10-30"), "1989");
    assert_eq!(val("Third-quarter profit fell.", "1989-10-30"), "1989-Q3");
    assert_eq!(val("in the latest quarter", "1989-10-30"), "1989-Q3");
    assert!(run("He is 52 years old.", "1989-10-30").is_empty());
}

#[test]
fn month_with_relative_year() {
    assert_eq!(one("in June last year", "1998-02-19"), ("June last year".into(), "1997-06".into(), String::new()));
}

#[test]
fn last_quarter_is_the_previous_one() {
    assert_eq!(val("Sales for last quarter", "2019-07-11"), "2019-Q2");
    assert_eq!(val("in the last quarter of 2015", "2019-07-11"), "2015-Q4");
}

#[test]
fn fractional_durations() {
    assert_eq!(val("for 2 1/2 years", "1998-02-27"), "P2Y6M");
    assert_eq!(val("after a minute and a half", "1998-02-27"), "PT1M30S");
    assert_eq!(val("for 5.5 hours", "1998-02-27"), "PT5H30M");
}

#[test]
fn fiscal_relative_years() {
    assert_eq!(val("profits this fiscal year", "2013-03-22"), "2013");
    assert_eq!(val("losses last fiscal year", "2013-03-22"), "2012");
}

#[test]
fn plural_weekdays_recur() {
    let v = run("Flights leave on Mondays and Tuesday nights.", "1998-02-13");
    assert_eq!((v[0].1.as_str(), v[0].2.as_str()), ("SET", "XXXX-WXX-1"));
    assert_eq!((v[1].1.as_str(), v[1].2.as_str()), ("SET", "XXXX-WXX-2TNI"));
}

#[test]
fn modal_may_and_spans_with_over() {
    assert!(run("This may help.", "2005-01-01").is_empty());
    assert_eq!(one("grew over the last 25 years", "2005-01-01"), ("the last 25 years".into(), "P25Y".into(), String::new()));
    assert!(run("Album of the Year", "2005-01-01").is_empty());
}

#[test]
fn names_are_not_times() {
    assert!(run("His team-mate Noon hardly covered himself.", "2005-01-01").is_empty());
    assert!(run("It was reported by the Daily Mail.", "2005-01-01").is_empty());
    assert_eq!(val("It is published daily.", "2005-01-01"), "P1D");
    assert_eq!(val("Daily figures rose.", "2005-01-01"), "P1D");
}

#[test]
fn direction_with_month_and_day() {
    assert_eq!(one("since last Oct. 23 the", "1999-04-19"), ("last Oct. 23".into(), "1998-10-23".into(), String::new()));
    assert_eq!(val("by next April", "1999-04-19"), "2000-04");
}

#[test]
fn possessive_year_before_quarter() {
    assert_eq!(one("in next year's first quarter", "1989-11-02").1, "1990-Q1");
}

#[test]
fn year_ago_quarters() {
    let v = run("Profit rose in the third quarter, up from the year-ago third quarter and the 1988 period.", "1989-11-02");
    let vals: Vec<&str> = v.iter().map(|t| t.2.as_str()).collect();
    assert_eq!(vals, ["1989-Q3", "1988-Q3", "1988-Q3"]);
}

#[test]
fn coming_weekdays_and_word_years() {
    assert_eq!(val("on this coming Sunday", "1998-03-04"), "1998-03-08");
    assert_eq!(val("in the winter of nineteen ninety-four", "1998-03-04"), "1994-WI");
}

#[test]
fn tense_cues_skip_names_and_modal_passives() {
    // "United" is a name, not a past verb; "would be traveling" points forward.
    assert_eq!(val("the father would be traveling to the United States Thursday", "2000-04-05"), "2000-04-06");
    // "should be completed": the modal decides, not the participle.
    assert_eq!(val("The transaction should be completed in October.", "2009-06-05"), "2009-10");
    // "could" is as often past: "could be located" keeps the past reading.
    assert_eq!(val("He could not be located Wednesday in his hometown.", "2000-01-06"), "2000-01-05");
}

#[test]
fn deadlines_point_forward() {
    assert_eq!(val("talks that are supposed to conclude by May.", "1998-03-22"), "1998-05");
    assert_eq!(val("Sales had fallen by May.", "1998-08-22"), "1998-05");
    assert_eq!(val("It extended revolving loans through January.", "1989-10-30"), "1990-01");
    assert_eq!(run("little change in sales this year through August.", "1989-10-27")[1].2, "1989-08");
}

#[test]
fn the_past_unit_is_the_previous_unit() {
    assert_eq!(one("a profit for the last year of $2.7 billion", "2010-01-28"), ("the last year".into(), "2009".into(), String::new()));
    assert_eq!(val("profits rose during the last quarter", "2007-01-18"), "2006-Q4");
    assert_eq!(val("fell over the past two months", "2007-01-18"), "P2M");
}

#[test]
fn spelled_ordinal_before_a_noun_is_not_a_day() {
    assert_eq!(one("Apple announced on Tuesday the first generation of", "2006-01-11"), ("Tuesday".into(), "2006-01-10".into(), String::new()));
}

#[test]
fn utc_clock_times_carry_z() {
    assert_eq!(val("the flight left at 18:00 UTC.", "2009-12-16"), "2009-12-16T18:00Z");
    assert_eq!(val("the market closed at 4 p.m. EST.", "2009-12-16"), "2009-12-16T16:00");
}

#[test]
fn more_shapes() {
    assert_eq!(val("in the 20th century", "2013-03-22"), "19");
    assert_eq!(val("20th century art", "2013-03-22"), "19");
    assert_eq!(val("it took half an hour", "2013-03-22"), "PT30M");
    assert_eq!(val("it rained this past weekend", "2013-03-22"), "2013-W11-WE");
    assert_eq!(val("the quake hit a week ago", "2011-03-18"), "2011-03-11");
    assert_eq!(val("dealers will not be renewed after October of next year", "2009-05-15"), "2010-10");
}

#[test]
fn written_years_anchor_later_shifts() {
    let v = run("The plant opened in 2003. A year later it closed.", "2005-06-01");
    assert_eq!(v[1].2, "2004");
    // With no publication date the written year is the only anchor there is.
    let doc = Document::new("The firm was founded in 1998. Two years later it listed.");
    let t = recognise(&doc, None);
    assert_eq!(t[1].value.as_deref(), Some("2000"));
    // A year computed from the publication date is not an anchor: both are the comparison year.
    let v = run("Profit fell from a year ago. Sales were flat compared with a year earlier.", "1989-10-26");
    assert_eq!((v[0].2.as_str(), v[1].2.as_str()), ("1988", "1988"));
}

#[test]
fn days_named_through_months_and_weeks() {
    assert_eq!(val("They will vote on the first Tuesday in November", "2013-02-12"), "2013-11-05");
    assert_eq!(val("the last Friday of March 2014", "2013-02-12"), "2014-03-28");
    assert_eq!(val("in the week of March 6", "2000-02-24"), "2000-W10");
    assert_eq!(val("They meet on Wednesday of next week.", "2013-02-12"), "2013-02-20");
    assert_eq!(val("profits in the 4th qtr of 2018", "2013-02-12"), "2018-Q4");
    assert_eq!(val("Q3 profits rose", "2013-02-12"), "2012-Q3");
}

#[test]
fn hours_with_a_part_of_day() {
    assert_eq!(one("at 4 in the morning", "2000-04-05"), ("4 in the morning".into(), "2000-04-05T04:00".into(), String::new()));
    assert_eq!(val("at 3 o'clock in the afternoon", "2000-04-05"), "2000-04-05T15:00");
    assert_eq!(val("by 8:30 in the evening", "2000-04-05"), "2000-04-05T20:30");
    assert!(run("He was one of 4 in the group.", "2000-04-05").is_empty());
}

#[test]
fn movable_feasts() {
    assert_eq!(val("on Maundy Thursday", "2013-02-12"), "2013-03-28");
    assert_eq!(val("at Mardi Gras 2014", "2013-02-12"), "2014-03-04");
}

#[test]
fn market_days_and_military_time() {
    let v = run("On Monday the index fell 3 %, ending the day at 7,114.", "2009-02-24");
    assert_eq!(v[1].0, "the day");
    assert_eq!(v[1].2, "2009-02-23");
    assert_eq!(val("At 0800 UTC, the banks acted.", "2008-09-18"), "2008-09-18T08:00Z");
    assert!(run("There were 1500 people.", "2008-09-18").is_empty());
    assert!(run("Sales were 2.46 billion guilders.", "2008-09-18").is_empty());
}

#[test]
fn apostrophe_years_and_consecutive_quarters() {
    assert_eq!(one("the lowest level since '82", "2008-10-27").1, "1982");
    assert_eq!(val("after two consecutive quarters of negative growth", "2008-11-18"), "P2Q");
    assert!(run("a quarter of the population", "2008-11-18").is_empty());
}

#[test]
fn modal_passives_and_taking_effect() {
    assert_eq!(val("The election will be held in May.", "2013-03-22"), "2013-05");
    assert_eq!(val("The law takes effect in January.", "2013-03-22"), "2014-01");
    assert_eq!(val("The law took effect in January.", "2013-03-22"), "2013-01");
}

#[test]
fn fronted_months_take_the_main_clause_tense() {
    assert_eq!(val("In January, American Medical brought in a new chief executive.", "1989-10-27"), "1989-01");
    assert_eq!(val("It would be paid on a still unspecified date in January.", "1989-10-26"), "1990-01");
}

#[test]
fn names_and_fractions_are_not_times() {
    assert!(run("The Russell 2000 Index of smaller companies dropped.", "2009-02-24").is_empty());
    assert!(run("It will cut 789, or about a quarter, of its dealers.", "2009-02-24").is_empty());
    assert_eq!(val("Sales peaked in January 2000 and fell.", "2009-02-24"), "2000-01");
}

#[test]
fn the_weeks_ahead_and_right_now() {
    assert_eq!(one("in the weeks ahead", "2013-03-22"), ("the weeks ahead".into(), "PXW".into(), String::new()));
    assert_eq!(one("in the days to come", "2013-03-22").1, "PXD");
    assert_eq!(one("He spoke right now.", "2013-03-22").0, "right now");
}

#[test]
fn nth_week_of_a_month_or_year() {
    assert_eq!(one("car sales rebounded in the last week of March", "2009-04-01"), ("the last week of March".into(), "2009-W13".into(), String::new()));
    assert_eq!(val("created in the second week of 2021", "2021-06-01"), "2021-W02");
    assert_eq!(val("in the first week of May 2013", "2013-03-22"), "2013-W18");
}

#[test]
fn overnight_is_the_night_before() {
    assert_eq!(val("Rebels attacked the town overnight.", "2013-03-22"), "2013-03-21TNI");
}

#[test]
fn the_same_month_or_period_a_year_back() {
    let v = run("Sales fell 35 % in January, compared to the same month a year ago.", "2009-02-03");
    assert_eq!((v[1].0.as_str(), v[1].2.as_str()), ("the same month a year ago", "2008-01"));
    let v = run("Sales rose 43 % in February compared to the same period last year.", "2010-03-03");
    assert_eq!(v[1].2, "2009-02");
}

#[test]
fn the_entire_year_and_the_final_quarter() {
    let v = run("GM lost $4.8 billion in the fourth quarter of 2005 and $8.6 billion for the entire year.", "2006-01-27");
    assert_eq!(v[1].2, "2005");
    assert_eq!(val("For the final quarter of 2009, Ford made a profit.", "2010-01-28"), "2009-Q4");
}

#[test]
fn bare_plural_units_after_in() {
    assert_eq!(one("their highest level in years", "2007-03-13"), ("years".into(), "PXY".into(), String::new()));
    assert!(run("He believes in days of glory.", "2007-03-13").iter().all(|t| t.2 == "PXD"));
}

#[test]
fn long_compounds_are_durations() {
    assert_eq!(val("a day-long strike", "2013-03-22"), "P1D");
    assert_eq!(val("its decades-long trademark dispute", "2013-03-22"), "PXY");
    assert!(run("a mile-long queue", "2013-03-22").is_empty());
}

#[test]
fn vague_and_ranged_durations() {
    let dct = "1998-03-10";
    assert_eq!(one("The deal was struck after months of talks.", dct), ("months".into(), "PXM".into(), "".into()));
    assert_eq!(one("It took decades to build.", dct), ("decades".into(), "PXY".into(), "".into()));
    assert_eq!(one("He was jailed for a while.", dct), ("a while".into(), "PXX".into(), "".into()));
    assert_eq!(one("It stayed there for some time.", dct), ("some time".into(), "PXX".into(), "".into()));
    assert_eq!(one("Over the years, the town grew.", dct), ("the years".into(), "PXY".into(), "".into()));
    assert_eq!(one("In the years that followed, they prospered.", dct).0, "the years");
    assert_eq!(one("It will take two to three weeks.", dct), ("two to three weeks".into(), "P2W".into(), "".into()));
    assert_eq!(one("The plan covers the next 12 to 18 months.", dct).0, "the next 12 to 18 months");
    assert_eq!(one("He served a four-and-a-half-year sentence.", dct), ("four-and-a-half-year".into(), "P4Y6M".into(), "".into()));
    assert_eq!(val("He got a twenty-five-year sentence.", dct), "P25Y");
    assert_eq!(val("The half-hour show aired.", dct), "PT30M");
    assert_eq!(one("the longest strike in a quarter century", dct), ("a quarter century".into(), "P25Y".into(), "".into()));
    assert_eq!(val("A quarter-century of rule.", dct), "P25Y");
    assert_eq!(val("The second-quarter results.", dct), "1998-Q2");
    assert!(run("The 20-year-old man.", dct).is_empty());
    // "in the days before X" is dated by X in TimeBank, not a vague duration
    assert!(run("The car was seen in the days before the shooting.", dct).is_empty());
    assert_eq!(one("It could be years before they recover.", dct), ("years".into(), "PXY".into(), "".into()));
    // "taken years ago" is not a stretch of years
    assert!(!run("It should have been taken years ago.", dct).iter().any(|t| t.1 == "DURATION"));
    assert!(run("He will be weeks ahead of the others.", dct).is_empty());
    assert_eq!(one("sold over a three-year period.", dct).0, "a three-year period");
    assert_eq!(one("during its one-year term.", dct).0, "one-year term");
    assert_eq!(one("within a 90-day window.", dct).0, "a 90-day window");
    assert_eq!(one("a three-year plan.", dct).0, "three-year");
    assert_eq!(one("The system has evolved over several years.", dct), ("several years".into(), "PXY".into(), "".into()));
    assert_eq!(one("The tour is likely to last over a week.", dct), ("over a week".into(), "P1W".into(), "MORE_THAN".into()));
    assert_eq!(one("The strike lasted over a week.", dct).2, "MORE_THAN");
    assert_eq!(one("he probably died within weeks or months of his capture", dct), ("weeks or months".into(), "PXW".into(), "".into()));
    assert_eq!(one("a seven-year-long war", dct), ("seven-year-long".into(), "P7Y".into(), "".into()));
    assert_eq!(val("The four-month-long strike.", dct), "P4M");
    // a determiner before the plural makes it a noun phrase, not a stretch of time
    assert!(run("The early days of the Raj.", dct).is_empty());
    assert!(run("Those months of the year are cold.", dct).is_empty());
    assert!(run("In the years of plenty.", dct).is_empty());
}

#[test]
fn dozens_and_halves() {
    let dct = "1998-03-10";
    // "half a dozen" is six, not a dozen with a stray "half"
    assert_eq!(one("He lived there for half a dozen years.", dct), ("half a dozen years".into(), "P6Y".into(), "".into()));
    assert_eq!(val("It took a half dozen years.", dct), "P6Y");
    assert_eq!(val("It took a dozen years.", dct), "P12Y");
    assert_eq!(one("It took dozens of years.", dct), ("dozens of years".into(), "PXY".into(), "".into()));
    // TimeBank writes a half in the next smaller unit ("2 1/2 years" = P2Y6M, "5 1/2 hours"
    // = PT5H30M, "a minute and a half" = PT1M30S); half a month is 15 days.
    assert_eq!(one("The talks lasted two and a half months.", dct), ("two and a half months".into(), "P2M15D".into(), "".into()));
    assert_eq!(val("The talks lasted two and a half years.", dct), "P2Y6M");
    assert_eq!(one("The talks lasted a year and a half.", dct), ("a year and a half".into(), "P1Y6M".into(), "".into()));
    assert_eq!(one("The talks lasted an hour and a half.", dct), ("an hour and a half".into(), "PT1H30M".into(), "".into()));
    assert_eq!(val("The talks lasted half a month.", dct), "P15D");
}
