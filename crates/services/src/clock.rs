//! The time, as the features read it.

/// Seconds since the Unix epoch, for rate-limit windows.
pub(crate) fn unix_now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}
