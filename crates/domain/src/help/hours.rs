//! Opening hours as administrators write them, and whether a service is
//! open at an instant on the site's clocks (ADR 43).
//!
//! The format: `24/7`, or rules separated by `;`, each a set of days and
//! one or more times, such as `Mon-Fri 09:00-17:00; Sat 10:00-13:00` or
//! `Mon,Wed 09:00-12:00,13:00-17:00`. Days are `Mon` … `Sun` (a range
//! wraps, `Sat-Mon`); times are 24-hour `HH:MM`, the end after the
//! start, `24:00` for midnight at the end of a day. Blank means the
//! hours are not stated: no "open now" is shown.

use time::{OffsetDateTime, Time, Weekday};

use crate::error::{ErrorCode, ValidationError};
use crate::local_time::SiteZone;

/// The longest hours text, in characters.
pub const MAX_HOURS_CHARS: usize = 200;

const DAYS: [(&str, Weekday); 7] = [
    ("mon", Weekday::Monday),
    ("tue", Weekday::Tuesday),
    ("wed", Weekday::Wednesday),
    ("thu", Weekday::Thursday),
    ("fri", Weekday::Friday),
    ("sat", Weekday::Saturday),
    ("sun", Weekday::Sunday),
];

/// Opening hours, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hours {
    /// Not stated.
    Unstated,
    /// Always open.
    Always,
    /// Open in these spans, each a day of the week and minutes from its
    /// midnight (start inclusive, end exclusive; the end at most 1440).
    Weekly(Vec<Span>),
}

/// A span of opening on one day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub day: Weekday,
    pub start: u16,
    pub end: u16,
}

/// Whether a service is open at an instant, and if not when it opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Openness {
    /// No hours stated: nothing is said.
    Unknown,
    /// Open all day, every day.
    Always,
    /// Open now.
    Open,
    /// Closed now; opens on `day` at `at` (site time), `days_ahead`
    /// days from today (0 for later today, 1 for tomorrow).
    Closed {
        day: Weekday,
        at: Time,
        days_ahead: u8,
    },
    /// Closed now with no opening in the week (hours with no spans).
    ClosedNoOpening,
}

impl Hours {
    /// `raw` checked as opening hours, refused with `field` named.
    pub fn parse(field: &'static str, raw: &str) -> Result<Hours, ValidationError> {
        let bad = || ValidationError::new(field, ErrorCode::InvalidHours);
        let text = raw.trim();
        if text.is_empty() {
            return Ok(Hours::Unstated);
        }
        if text.chars().count() > MAX_HOURS_CHARS {
            return Err(bad());
        }
        if text == "24/7" {
            return Ok(Hours::Always);
        }
        let mut spans = Vec::new();
        for rule in text.split(';').map(str::trim) {
            let (days, times) = rule.split_once(char::is_whitespace).ok_or_else(bad)?;
            let days = parse_days(days).ok_or_else(bad)?;
            for range in times.trim().split(',').map(str::trim) {
                let (start, end) = range.split_once('-').ok_or_else(bad)?;
                let (start, end) = (
                    minutes(start).ok_or_else(bad)?,
                    minutes(end).ok_or_else(bad)?,
                );
                if start >= end || start >= 1440 {
                    return Err(bad());
                }
                spans.extend(days.iter().map(|&day| Span { day, start, end }));
            }
        }
        Ok(Hours::Weekly(spans))
    }

    /// Whether open at `at`, on the clocks of `zone`.
    pub fn openness(&self, at: OffsetDateTime, zone: &SiteZone) -> Openness {
        let spans = match self {
            Hours::Unstated => return Openness::Unknown,
            Hours::Always => return Openness::Always,
            Hours::Weekly(spans) => spans,
        };
        let civil = zone.civil(at);
        let today = civil.weekday();
        let now = civil.hour() as u16 * 60 + civil.minute() as u16;
        if spans
            .iter()
            .any(|s| s.day == today && s.start <= now && now < s.end)
        {
            return Openness::Open;
        }
        let mut day = today;
        for ahead in 0..8u8 {
            let first = spans
                .iter()
                .filter(|s| s.day == day && (ahead > 0 || s.start > now))
                .map(|s| s.start)
                .min();
            if let Some(start) = first {
                let at = Time::from_hms((start / 60) as u8, (start % 60) as u8, 0)
                    .unwrap_or(Time::MIDNIGHT);
                return Openness::Closed {
                    day,
                    at,
                    days_ahead: ahead,
                };
            }
            day = day.next();
        }
        Openness::ClosedNoOpening
    }
}

fn day_named(raw: &str) -> Option<Weekday> {
    let raw = raw.trim().to_ascii_lowercase();
    DAYS.iter().find(|(n, _)| *n == raw).map(|(_, d)| *d)
}

/// `Mon-Fri`, `Sat`, `Mon,Wed,Fri-Sun`: the days named, or `None`.
fn parse_days(raw: &str) -> Option<Vec<Weekday>> {
    let mut out = Vec::new();
    for part in raw.split(',') {
        match part.split_once('-') {
            Some((a, b)) => {
                let (mut d, last) = (day_named(a)?, day_named(b)?);
                out.push(d);
                while d != last {
                    d = d.next();
                    out.push(d);
                }
            }
            None => out.push(day_named(part)?),
        }
    }
    Some(out)
}

/// `HH:MM` as minutes from midnight; `24:00` is 1440.
fn minutes(raw: &str) -> Option<u16> {
    let (h, m) = raw.trim().split_once(':')?;
    if h.len() != 2 || m.len() != 2 || !(h.bytes().chain(m.bytes())).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    match (h, m) {
        (24, 0) => Some(1440),
        (0..=23, 0..=59) => Some(h * 60 + m),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn london() -> SiteZone {
        SiteZone::named("Europe/London").unwrap()
    }

    fn office() -> Hours {
        Hours::parse("hours", "Mon-Fri 09:00-17:00; Sat 10:00-13:00").unwrap()
    }

    #[test]
    fn the_format_is_read() {
        assert_eq!(Hours::parse("hours", " ").unwrap(), Hours::Unstated);
        assert_eq!(Hours::parse("hours", "24/7").unwrap(), Hours::Always);
        let Hours::Weekly(spans) = office() else {
            panic!()
        };
        assert_eq!(spans.len(), 6);
        let Hours::Weekly(spans) = Hours::parse("h", "Sat-Mon 09:00-12:00,13:00-24:00").unwrap()
        else {
            panic!()
        };
        assert_eq!(spans.len(), 6);
        assert!(spans.contains(&Span {
            day: Weekday::Sunday,
            start: 780,
            end: 1440
        }));
    }

    #[test]
    fn bad_hours_are_refused_with_the_field_named() {
        for bad in [
            "Mon-Fri 25:00-26:00",
            "Mon-Fri 17:00-09:00",
            "Mon-Fri 09:00-09:00",
            "Funday 09:00-17:00",
            "Mon-Fri",
            "Mon 9:00-17:00",
            "Mon 09:60-17:00",
            "always",
            "Mon 24:00-24:00",
        ] {
            let e = Hours::parse("contact_hours", bad).unwrap_err();
            assert_eq!(e.field, "contact_hours", "{bad}");
            assert_eq!(e.code, ErrorCode::InvalidHours, "{bad}");
        }
    }

    #[test]
    fn open_now_in_the_sites_zone() {
        let z = london();
        // Wednesday 10 June 2026, 08:30 UTC is 09:30 in London (BST).
        assert_eq!(
            office().openness(datetime!(2026-06-10 08:30 UTC), &z),
            Openness::Open
        );
        // The same instant read in UTC would be before opening.
        assert_eq!(
            office().openness(datetime!(2026-06-10 08:30 UTC), &SiteZone::utc()),
            Openness::Closed {
                day: Weekday::Wednesday,
                at: Time::from_hms(9, 0, 0).unwrap(),
                days_ahead: 0
            }
        );
        // Saturday 13:30 London: closed until Monday at 9am.
        assert_eq!(
            office().openness(datetime!(2026-06-13 12:30 UTC), &z),
            Openness::Closed {
                day: Weekday::Monday,
                at: Time::from_hms(9, 0, 0).unwrap(),
                days_ahead: 2
            }
        );
        // Friday 17:00 exactly: closed, opens Saturday at 10am.
        assert_eq!(
            office().openness(datetime!(2026-06-12 16:00 UTC), &z),
            Openness::Closed {
                day: Weekday::Saturday,
                at: Time::from_hms(10, 0, 0).unwrap(),
                days_ahead: 1
            }
        );
        assert_eq!(
            Hours::Always.openness(datetime!(2026-06-12 03:00 UTC), &z),
            Openness::Always
        );
        assert_eq!(
            Hours::Unstated.openness(datetime!(2026-06-12 03:00 UTC), &z),
            Openness::Unknown
        );
    }

    #[test]
    fn open_now_across_a_clock_change() {
        let z = london();
        let sunday = Hours::parse("h", "Sun 09:00-10:00").unwrap();
        // Sunday 29 March 2026: the clocks go forward at 01:00 UTC.
        // 08:30 UTC is 09:30 BST: open, though it is 08:30 in GMT.
        assert_eq!(
            sunday.openness(datetime!(2026-03-29 08:30 UTC), &z),
            Openness::Open
        );
        // A week before (GMT), 08:30 UTC is 08:30 on the clocks: closed.
        assert!(matches!(
            sunday.openness(datetime!(2026-03-22 08:30 UTC), &z),
            Openness::Closed { days_ahead: 0, .. }
        ));
        // Sunday 25 October 2026: back at 01:00 UTC; 09:30 UTC is 09:30 GMT.
        assert_eq!(
            sunday.openness(datetime!(2026-10-25 09:30 UTC), &z),
            Openness::Open
        );
        // 09:30 UTC the Sunday before is 10:30 BST: closed for a week.
        assert!(matches!(
            sunday.openness(datetime!(2026-10-18 09:30 UTC), &z),
            Openness::Closed {
                days_ahead: 7,
                day: Weekday::Sunday,
                ..
            }
        ));
    }
}
