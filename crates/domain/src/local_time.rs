//! Local time: the site's time zone, and the conversions between an
//! instant (what the database stores, in UTC) and the date and time on a
//! wall clock there (what officers type and everyone reads).
//!
//! A wall-clock time the zone skips when the clocks go forward, or lives
//! twice when they go back, is refused rather than guessed: a consultation
//! that closes an hour early or late is worse than a form that asks again.
//! The error carries the clock change, so the message can say when the
//! clocks change and which times to choose instead.

use std::fmt;

use jiff::tz::{AmbiguousOffset, Offset, TimeZone};
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{Date, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

pub use crate::error::ClockChange;
use crate::error::{ErrorCode, ErrorDetail, ValidationError};

/// The zone a site runs in unless its operator says otherwise.
pub const DEFAULT_ZONE: &str = "Europe/London";

/// What a `datetime-local` input sends and is refilled with.
const INPUT_MINUTES: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]");
const INPUT_SECONDS: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]");
const OFFSET: &[BorrowedFormatItem<'static>] =
    format_description!("[offset_hour sign:mandatory]:[offset_minute]");

/// The site's time zone, from the tz database compiled into the binary.
#[derive(Clone, PartialEq, Eq)]
pub struct SiteZone {
    name: String,
    tz: TimeZone,
}

/// A zone name the tz database does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown time zone {0:?}: use a name from the tz database, such as Europe/London or America/New_York")]
pub struct UnknownZone(pub String);

impl fmt::Debug for SiteZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SiteZone({})", self.name)
    }
}

impl Default for SiteZone {
    fn default() -> Self {
        SiteZone::named(DEFAULT_ZONE).expect("the bundled tz database has Europe/London")
    }
}

impl SiteZone {
    /// The zone called `name` in the tz database ("Europe/London"),
    /// spelled as the database spells it whatever the case given.
    pub fn named(name: &str) -> Result<SiteZone, UnknownZone> {
        let name = name.trim();
        let tz = TimeZone::get(name).map_err(|_| UnknownZone(name.to_owned()))?;
        let name = tz.iana_name().unwrap_or(name).to_owned();
        Ok(SiteZone { name, tz })
    }

    pub fn utc() -> SiteZone {
        SiteZone::named("UTC").expect("the bundled tz database has UTC")
    }

    /// The zone's name in the tz database.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The wall-clock date and time at `at` in this zone.
    pub fn civil(&self, at: OffsetDateTime) -> PrimitiveDateTime {
        let offset = self.tz.to_offset(to_jiff(at));
        let offset = UtcOffset::from_whole_seconds(offset.seconds()).unwrap_or(UtcOffset::UTC);
        let local = at.to_offset(offset);
        PrimitiveDateTime::new(local.date(), local.time())
    }

    /// The first instant of `date` on this zone's clocks: its midnight,
    /// or where the clocks skip midnight, the moment they jump to. What
    /// a day or a month counted "in the site's time" starts from.
    pub fn start_of_day(&self, date: Date) -> OffsetDateTime {
        let midnight = PrimitiveDateTime::new(date, Time::MIDNIGHT);
        let offset = civil_to_jiff(midnight).map(|dt| self.tz.to_ambiguous_timestamp(dt).offset());
        let at = match offset {
            Some(AmbiguousOffset::Unambiguous { offset })
            | Some(AmbiguousOffset::Fold { before: offset, .. }) => at_offset(midnight, offset),
            // In a gap the clocks read the later offset's time: the day
            // starts at the transition itself.
            Some(AmbiguousOffset::Gap { before, .. }) => at_offset(midnight, before),
            None => None,
        };
        at.unwrap_or_else(|| midnight.assume_utc())
    }

    /// The instant a wall-clock time in this zone names. Refused, with the
    /// clock change in the error, when the clocks skip it
    /// (`time_does_not_exist`) or show it twice (`time_is_ambiguous`).
    pub fn instant(
        &self,
        field: &'static str,
        civil: PrimitiveDateTime,
    ) -> Result<OffsetDateTime, ValidationError> {
        let dt = civil_to_jiff(civil).ok_or(ValidationError::new(field, ErrorCode::InvalidDate))?;
        let (code, before, after) = match self.tz.to_ambiguous_timestamp(dt).offset() {
            AmbiguousOffset::Unambiguous { offset } => {
                return at_offset(civil, offset)
                    .ok_or(ValidationError::new(field, ErrorCode::InvalidDate));
            }
            AmbiguousOffset::Gap { before, after } => (ErrorCode::TimeDoesNotExist, before, after),
            AmbiguousOffset::Fold { before, after } => (ErrorCode::TimeIsAmbiguous, before, after),
        };
        let error = ValidationError::new(field, code);
        Err(match self.change_around(civil, before, after) {
            Some(change) => error.with_detail(ErrorDetail::ClockChange(change)),
            None => error,
        })
    }

    /// The clock change that makes `civil` missing or doubled: the first
    /// transition after the earlier of its two readings.
    fn change_around(
        &self,
        civil: PrimitiveDateTime,
        before: Offset,
        after: Offset,
    ) -> Option<ClockChange> {
        let earlier = at_offset(civil, before)?.min(at_offset(civil, after)?);
        let transition = self.tz.following(to_jiff(earlier)).next()?;
        let at = from_jiff(transition.timestamp())?;
        let wall = |offset: Offset| {
            let local = at.to_offset(UtcOffset::from_whole_seconds(offset.seconds()).ok()?);
            Some(PrimitiveDateTime::new(local.date(), local.time()))
        };
        Some(ClockChange {
            from: wall(before)?,
            to: wall(transition.offset())?,
        })
    }

    /// A date and time as an officer or a client sends it:
    /// `YYYY-MM-DDTHH:MM[:SS]` is wall-clock time in this zone (what a
    /// `datetime-local` input sends); with `Z` or an offset (`+01:00`) it
    /// names its instant outright, and is never ambiguous.
    pub fn parse(&self, field: &'static str, raw: &str) -> Result<OffsetDateTime, ValidationError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(ValidationError::new(field, ErrorCode::FieldRequired));
        }
        let invalid = ValidationError::new(field, ErrorCode::InvalidDate);
        let (bare, offset) = split_offset(raw).ok_or(invalid.clone())?;
        let civil = PrimitiveDateTime::parse(bare, INPUT_MINUTES)
            .or_else(|_| PrimitiveDateTime::parse(bare, INPUT_SECONDS))
            .map_err(|_| invalid.clone())?;
        match offset {
            Some(offset) => Ok(civil.assume_offset(offset).to_offset(UtcOffset::UTC)),
            None => self.instant(field, civil),
        }
    }

    /// The wall-clock time of `at` as a `datetime-local` input shows it,
    /// to refill a form: the inverse of [`SiteZone::parse`].
    pub fn input_value(&self, at: OffsetDateTime) -> String {
        self.civil(at).format(INPUT_MINUTES).unwrap_or_default()
    }
}

/// `raw` without its trailing `Z` or `±HH:MM`, and the offset that was there.
fn split_offset(raw: &str) -> Option<(&str, Option<UtcOffset>)> {
    if let Some(bare) = raw.strip_suffix(['Z', 'z']) {
        return Some((bare, Some(UtcOffset::UTC)));
    }
    // An offset follows the time, so it starts after the `T`: a date's
    // own hyphens are not one.
    let time_at = raw.find(['T', 't'])?;
    match raw[time_at..].rfind(['+', '-']) {
        Some(i) => {
            let (bare, offset) = raw.split_at(time_at + i);
            // RFC 3339 allows offsets under 24 hours; `time` takes 25.
            let offset = UtcOffset::parse(offset, OFFSET).ok()?;
            (offset.whole_hours().abs() < 24).then_some((bare, Some(offset)))
        }
        None => Some((raw, None)),
    }
}

fn at_offset(civil: PrimitiveDateTime, offset: Offset) -> Option<OffsetDateTime> {
    let offset = UtcOffset::from_whole_seconds(offset.seconds()).ok()?;
    Some(civil.assume_offset(offset).to_offset(UtcOffset::UTC))
}

fn to_jiff(at: OffsetDateTime) -> jiff::Timestamp {
    // Every instant the `time` crate holds by default (years ±9999) is
    // within jiff's range.
    jiff::Timestamp::from_second(at.unix_timestamp()).unwrap_or(jiff::Timestamp::UNIX_EPOCH)
}

fn from_jiff(at: jiff::Timestamp) -> Option<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp(at.as_second()).ok()
}

fn civil_to_jiff(civil: PrimitiveDateTime) -> Option<jiff::civil::DateTime> {
    jiff::civil::DateTime::new(
        i16::try_from(civil.year()).ok()?,
        civil.month() as i8,
        civil.day() as i8,
        civil.hour() as i8,
        civil.minute() as i8,
        civil.second() as i8,
        0,
    )
    .ok()
}

/// A time of day as a 12-hour clock names it: midnight and noon by name,
/// the rest as an hour from 1 to 12 with minutes, before or after noon.
/// Languages write each as they do (GOV.UK: "midnight", "12 noon",
/// "5pm", "5:30pm").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockFace {
    Midnight,
    Noon,
    Am { hour: u8, minute: u8 },
    Pm { hour: u8, minute: u8 },
}

impl ClockFace {
    /// Seconds are dropped: pages show times to the minute.
    pub fn of(t: Time) -> ClockFace {
        let (hour, minute) = (t.hour(), t.minute());
        let twelve = if hour % 12 == 0 { 12 } else { hour % 12 };
        match (hour, minute) {
            (0, 0) => ClockFace::Midnight,
            (12, 0) => ClockFace::Noon,
            (0..=11, _) => ClockFace::Am {
                hour: twelve,
                minute,
            },
            _ => ClockFace::Pm {
                hour: twelve,
                minute,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn zone(name: &str) -> SiteZone {
        SiteZone::named(name).unwrap()
    }

    fn local(text: &str) -> PrimitiveDateTime {
        PrimitiveDateTime::parse(text, INPUT_MINUTES).unwrap()
    }

    #[test]
    fn a_day_starts_at_the_sites_midnight_or_where_the_clocks_skip_it() {
        use time::macros::date;
        let london = zone("Europe/London");
        assert_eq!(
            london.start_of_day(date!(2026 - 07 - 01)),
            datetime!(2026-06-30 23:00 UTC)
        );
        assert_eq!(
            london.start_of_day(date!(2026 - 12 - 01)),
            datetime!(2026-12-01 0:00 UTC)
        );
        assert_eq!(
            zone("Asia/Dubai").start_of_day(date!(2026 - 12 - 01)),
            datetime!(2026-11-30 20:00 UTC)
        );
        // Havana's clocks jump from midnight to 1am on 8 March 2026: the
        // day starts at the jump, 5am UTC.
        assert_eq!(
            zone("America/Havana").start_of_day(date!(2026 - 03 - 08)),
            datetime!(2026-03-08 5:00 UTC)
        );
    }

    fn change(e: &ValidationError) -> ClockChange {
        match e.detail {
            Some(ErrorDetail::ClockChange(c)) => c,
            _ => panic!("no clock change in {e:?}"),
        }
    }

    #[test]
    fn zones_are_found_by_their_tz_database_name() {
        assert_eq!(SiteZone::default().name(), "Europe/London");
        assert_eq!(zone("europe/london").name(), "Europe/London");
        assert_eq!(zone(" America/New_York ").name(), "America/New_York");
        for bad in ["", "Mars/Olympus_Mons", "London", "+01:00"] {
            assert!(SiteZone::named(bad).is_err(), "{bad:?}");
        }
        let e = SiteZone::named("Europe/Londn").unwrap_err().to_string();
        assert!(
            e.contains("\"Europe/Londn\"") && e.contains("Europe/London"),
            "{e}"
        );
    }

    #[test]
    fn london_in_winter_is_utc_and_in_summer_an_hour_ahead() {
        let london = SiteZone::default();
        let winter = london.instant("t", local("2027-02-04T17:00")).unwrap();
        assert_eq!(winter, datetime!(2027-02-04 17:00 UTC));
        let summer = london.instant("t", local("2026-07-01T09:30")).unwrap();
        assert_eq!(summer, datetime!(2026-07-01 08:30 UTC));
        assert_eq!(london.civil(summer), local("2026-07-01T09:30"));
        assert_eq!(london.input_value(summer), "2026-07-01T09:30");
        assert_eq!(london.input_value(winter), "2027-02-04T17:00");
    }

    #[test]
    fn the_spring_gap_in_london_is_refused_to_the_minute() {
        let london = SiteZone::default();
        // 29 March 2026: at 01:00 GMT the clocks go forward to 02:00 BST.
        assert_eq!(
            london
                .instant("opens_at", local("2026-03-29T00:59"))
                .unwrap(),
            datetime!(2026-03-29 00:59 UTC)
        );
        for missing in ["2026-03-29T01:00", "2026-03-29T01:30", "2026-03-29T01:59"] {
            let e = london.instant("opens_at", local(missing)).unwrap_err();
            assert_eq!((e.field, e.code), ("opens_at", ErrorCode::TimeDoesNotExist));
            let c = change(&e);
            assert!(c.forward());
            assert_eq!(
                (c.from, c.to),
                (local("2026-03-29T01:00"), local("2026-03-29T02:00"))
            );
            assert_eq!((c.first_affected(), c.first_safe()), (c.from, c.to));
        }
        assert_eq!(
            london
                .instant("opens_at", local("2026-03-29T02:00"))
                .unwrap(),
            datetime!(2026-03-29 01:00 UTC)
        );
        // Reading: the instant of the change is 02:00 on the wall.
        assert_eq!(london.civil(datetime!(2026-03-29 00:59:59 UTC)).hour(), 0);
        assert_eq!(
            london.civil(datetime!(2026-03-29 01:00 UTC)),
            local("2026-03-29T02:00")
        );
    }

    #[test]
    fn the_autumn_fold_in_london_is_refused_to_the_minute() {
        let london = SiteZone::default();
        // 25 October 2026: at 02:00 BST the clocks go back to 01:00 GMT,
        // so 01:00 to 01:59 happen twice.
        assert_eq!(
            london
                .instant("closes_at", local("2026-10-25T00:59"))
                .unwrap(),
            datetime!(2026-10-24 23:59 UTC)
        );
        for twice in ["2026-10-25T01:00", "2026-10-25T01:30", "2026-10-25T01:59"] {
            let e = london.instant("closes_at", local(twice)).unwrap_err();
            assert_eq!((e.field, e.code), ("closes_at", ErrorCode::TimeIsAmbiguous));
            let c = change(&e);
            assert!(!c.forward());
            assert_eq!(
                (c.from, c.to),
                (local("2026-10-25T02:00"), local("2026-10-25T01:00"))
            );
            assert_eq!(
                (c.first_affected(), c.first_safe()),
                (local("2026-10-25T01:00"), local("2026-10-25T02:00"))
            );
        }
        assert_eq!(
            london
                .instant("closes_at", local("2026-10-25T02:00"))
                .unwrap(),
            datetime!(2026-10-25 02:00 UTC)
        );
        // Both readings of 01:30 show as 01:30.
        assert_eq!(
            london.civil(datetime!(2026-10-25 00:30 UTC)),
            local("2026-10-25T01:30")
        );
        assert_eq!(
            london.civil(datetime!(2026-10-25 01:30 UTC)),
            local("2026-10-25T01:30")
        );
    }

    #[test]
    fn new_york_changes_at_2am_on_its_own_dates() {
        let ny = zone("America/New_York");
        // 8 March 2026: 02:00 EST becomes 03:00 EDT.
        assert_eq!(
            ny.instant("t", local("2026-03-08T01:59")).unwrap(),
            datetime!(2026-03-08 06:59 UTC)
        );
        let e = ny.instant("t", local("2026-03-08T02:30")).unwrap_err();
        assert_eq!(e.code, ErrorCode::TimeDoesNotExist);
        assert_eq!(
            (change(&e).from, change(&e).to),
            (local("2026-03-08T02:00"), local("2026-03-08T03:00"))
        );
        assert_eq!(
            ny.instant("t", local("2026-03-08T03:00")).unwrap(),
            datetime!(2026-03-08 07:00 UTC)
        );
        // 1 November 2026: 02:00 EDT becomes 01:00 EST.
        assert_eq!(
            ny.instant("t", local("2026-11-01T00:59")).unwrap(),
            datetime!(2026-11-01 04:59 UTC)
        );
        let e = ny.instant("t", local("2026-11-01T01:00")).unwrap_err();
        assert_eq!(e.code, ErrorCode::TimeIsAmbiguous);
        assert_eq!(
            (change(&e).first_affected(), change(&e).first_safe()),
            (local("2026-11-01T01:00"), local("2026-11-01T02:00"))
        );
        assert_eq!(
            ny.instant("t", local("2026-11-01T02:00")).unwrap(),
            datetime!(2026-11-01 07:00 UTC)
        );
        // London changed a week earlier: on 1 November it is plain GMT.
        assert!(SiteZone::default()
            .instant("t", local("2026-11-01T01:30"))
            .is_ok());
    }

    #[test]
    fn parsing_takes_local_time_or_an_explicit_offset() {
        let london = SiteZone::default();
        let p = |raw: &str| london.parse("opens_at", raw);
        assert_eq!(
            p("2026-07-01T09:00").unwrap(),
            datetime!(2026-07-01 08:00 UTC)
        );
        assert_eq!(
            p(" 2026-07-01T09:00:30 ").unwrap(),
            datetime!(2026-07-01 08:00:30 UTC)
        );
        assert_eq!(
            p("2026-07-01T09:00Z").unwrap(),
            datetime!(2026-07-01 09:00 UTC)
        );
        assert_eq!(
            p("2026-07-01T09:00:00Z").unwrap(),
            datetime!(2026-07-01 09:00 UTC)
        );
        assert_eq!(
            p("2026-07-01T09:00+02:00").unwrap(),
            datetime!(2026-07-01 07:00 UTC)
        );
        assert_eq!(
            p("2026-07-01T09:00-05:00").unwrap(),
            datetime!(2026-07-01 14:00 UTC)
        );
        // An explicit offset is never ambiguous, even inside a change.
        assert_eq!(
            p("2026-03-29T01:30Z").unwrap(),
            datetime!(2026-03-29 01:30 UTC)
        );
        assert_eq!(
            p("2026-10-25T01:30+01:00").unwrap(),
            datetime!(2026-10-25 00:30 UTC)
        );
        assert_eq!(p("").unwrap_err().code, ErrorCode::FieldRequired);
        for bad in [
            "tomorrow",
            "2026-07-01",
            "01/07/2026 09:00",
            "2026-13-01T09:00",
            "2026-02-30T09:00",
            "2026-07-01T25:00",
            "2026-07-01T09:00+24:00",
            "2026-07-01T09:00+",
            "2026-07-01T09:00ZZ",
        ] {
            let e = p(bad).unwrap_err();
            assert_eq!(
                (e.field, e.code),
                ("opens_at", ErrorCode::InvalidDate),
                "{bad}"
            );
        }
        assert_eq!(
            p("2026-03-29T01:30").unwrap_err().code,
            ErrorCode::TimeDoesNotExist
        );
    }

    #[test]
    fn clock_faces_name_midnight_and_noon() {
        let face = |h, m| ClockFace::of(Time::from_hms(h, m, 59).unwrap());
        assert_eq!(face(0, 0), ClockFace::Midnight);
        assert_eq!(face(12, 0), ClockFace::Noon);
        assert_eq!(
            face(0, 30),
            ClockFace::Am {
                hour: 12,
                minute: 30
            }
        );
        assert_eq!(face(9, 0), ClockFace::Am { hour: 9, minute: 0 });
        assert_eq!(
            face(11, 59),
            ClockFace::Am {
                hour: 11,
                minute: 59
            }
        );
        assert_eq!(
            face(12, 1),
            ClockFace::Pm {
                hour: 12,
                minute: 1
            }
        );
        assert_eq!(face(17, 0), ClockFace::Pm { hour: 5, minute: 0 });
        assert_eq!(
            face(17, 30),
            ClockFace::Pm {
                hour: 5,
                minute: 30
            }
        );
        assert_eq!(
            face(23, 59),
            ClockFace::Pm {
                hour: 11,
                minute: 59
            }
        );
    }
}
