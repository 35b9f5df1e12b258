//! A moment in time as Cohesion keeps it: UTC, to the microsecond
//! (PostgreSQL's precision), so that a time read back equals the time
//! written. Storage keeps it on either engine; pages and the API show it.

use time::format_description::well_known::Rfc3339;
use time::format_description::FormatItem;
use time::macros::format_description;
use time::{OffsetDateTime, UtcOffset};

/// RFC 3339 in UTC with six fraction digits: fixed width, so that text
/// order is time order.
const RFC3339_MICROS: &[FormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z");

/// ISO 8601 in UTC to the second, as spreadsheets and people read it.
const ISO8601_SECONDS: &[FormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(OffsetDateTime);

impl Timestamp {
    pub fn now() -> Self {
        Self::from(OffsetDateTime::now_utc())
    }

    pub fn as_offset(self) -> OffsetDateTime {
        self.0
    }

    /// RFC 3339 in UTC with microseconds, for the API and exports.
    pub fn to_rfc3339(self) -> String {
        self.0
            .format(RFC3339_MICROS)
            .expect("a UTC timestamp always formats")
    }

    /// ISO 8601 in UTC to the second (`2026-11-22T01:59:16Z`), for the
    /// files people open in a spreadsheet: the microseconds kept for the
    /// API are noise there. The fraction is dropped, not rounded, so a
    /// time never moves into the next second.
    pub fn to_iso8601_seconds(self) -> String {
        self.0
            .format(ISO8601_SECONDS)
            .expect("a UTC timestamp always formats")
    }

    /// Reads RFC 3339 with any offset and fraction, as both engines write
    /// timestamps into JSON.
    pub fn parse_rfc3339(text: &str) -> Option<Self> {
        OffsetDateTime::parse(text, &Rfc3339).ok().map(Self::from)
    }
}

impl From<OffsetDateTime> for Timestamp {
    /// Normalises to UTC and truncates to whole microseconds.
    fn from(t: OffsetDateTime) -> Self {
        let t = t.to_offset(UtcOffset::UTC);
        let micros = t.microsecond();
        Self(
            t.replace_microsecond(micros)
                .expect("microsecond taken from a valid time"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn times_are_utc_to_the_microsecond_and_read_back_whole() {
        let t = Timestamp::from(datetime!(2026-11-22 03:59:16.1234567 +02:00));
        assert_eq!(t.to_rfc3339(), "2026-11-22T01:59:16.123456Z");
        assert_eq!(Timestamp::parse_rfc3339(&t.to_rfc3339()), Some(t));
        let whole = Timestamp::from(datetime!(2026-01-02 03:04:05 UTC));
        assert_eq!(whole.to_rfc3339().len(), t.to_rfc3339().len());
        assert_eq!(t.to_iso8601_seconds(), "2026-11-22T01:59:16Z");
        assert_eq!(whole.to_iso8601_seconds(), "2026-01-02T03:04:05Z");
    }
}
