//! UTC timestamps stored the same way in meaning on both engines:
//! `timestamptz` on PostgreSQL, fixed-width RFC 3339 text on SQLite (so that
//! text order is time order). Precision is microseconds, PostgreSQL's.

use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::{Decode, Encode, Postgres, Sqlite, Type};
use time::format_description::FormatItem;
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime, UtcOffset};

const SQLITE_FORMAT: &[FormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z");

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
        self.to_sqlite_text()
    }

    /// Reads RFC 3339 with any offset and fraction, as both engines write
    /// timestamps into JSON.
    pub fn parse_rfc3339(text: &str) -> Option<Self> {
        OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
            .ok()
            .map(Self::from)
    }

    fn to_sqlite_text(self) -> String {
        self.0
            .format(SQLITE_FORMAT)
            .expect("a UTC timestamp always formats")
    }

    fn from_sqlite_text(text: &str) -> Result<Self, BoxDynError> {
        let naive = PrimitiveDateTime::parse(text, SQLITE_FORMAT)?;
        Ok(Self(naive.assume_utc()))
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

impl Type<Sqlite> for Timestamp {
    fn type_info() -> <Sqlite as sqlx::Database>::TypeInfo {
        <String as Type<Sqlite>>::type_info()
    }
    fn compatible(ty: &<Sqlite as sqlx::Database>::TypeInfo) -> bool {
        <String as Type<Sqlite>>::compatible(ty)
    }
}

impl<'q> Encode<'q, Sqlite> for Timestamp {
    fn encode_by_ref(
        &self,
        buf: &mut <Sqlite as sqlx::Database>::ArgumentBuffer<'q>,
    ) -> Result<IsNull, BoxDynError> {
        <String as Encode<'q, Sqlite>>::encode(self.to_sqlite_text(), buf)
    }
}

impl<'r> Decode<'r, Sqlite> for Timestamp {
    fn decode(value: <Sqlite as sqlx::Database>::ValueRef<'r>) -> Result<Self, BoxDynError> {
        let text = <&str as Decode<'r, Sqlite>>::decode(value)?;
        Self::from_sqlite_text(text)
    }
}

impl Type<Postgres> for Timestamp {
    fn type_info() -> <Postgres as sqlx::Database>::TypeInfo {
        <OffsetDateTime as Type<Postgres>>::type_info()
    }
}

impl<'q> Encode<'q, Postgres> for Timestamp {
    fn encode_by_ref(
        &self,
        buf: &mut <Postgres as sqlx::Database>::ArgumentBuffer<'q>,
    ) -> Result<IsNull, BoxDynError> {
        <OffsetDateTime as Encode<'q, Postgres>>::encode_by_ref(&self.0, buf)
    }
}

impl<'r> Decode<'r, Postgres> for Timestamp {
    fn decode(value: <Postgres as sqlx::Database>::ValueRef<'r>) -> Result<Self, BoxDynError> {
        Ok(Self::from(
            <OffsetDateTime as Decode<'r, Postgres>>::decode(value)?,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn sqlite_text_is_fixed_width_and_round_trips() {
        let t = Timestamp::from(datetime!(2026-11-22 03:59:16.1234567 +02:00));
        let text = t.to_sqlite_text();
        assert_eq!(text, "2026-11-22T01:59:16.123456Z");
        assert_eq!(Timestamp::from_sqlite_text(&text).unwrap(), t);
        let whole = Timestamp::from(datetime!(2026-01-02 03:04:05 UTC));
        assert_eq!(whole.to_sqlite_text().len(), text.len());
    }
}
