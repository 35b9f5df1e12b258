//! Which figures the public sees of a consultation's results (ADR 30):
//! while it is open, a stored copy of the running totals taken at a
//! moment, refreshed only after a day *and* enough new responses, so that
//! reading the figures before and after one person responds never gives
//! their answers away by difference. Once it has closed the figures no
//! longer move with responses, and the public sees them as they stand.

use time::Duration;

use crate::consultation::Status;
use crate::timestamp::Timestamp;

/// The least time between two snapshots the public sees.
pub const REFRESH_INTERVAL: Duration = Duration::hours(24);

/// A snapshot's moment and the respondents it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Taken {
    pub at: Timestamp,
    pub responses: i64,
}

/// Where the public's figures come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublicFigures {
    /// The running totals as they stand: nothing changes them any more
    /// but erasure (closed), or nobody can have answered yet (upcoming).
    Live,
    /// A snapshot of the running totals, while responses still arrive.
    Snapshot,
}

impl PublicFigures {
    /// For a consultation in `status` (from its dates).
    pub fn of(status: Status) -> PublicFigures {
        match status {
            Status::Open => PublicFigures::Snapshot,
            Status::Upcoming | Status::Closed => PublicFigures::Live,
        }
    }
}

/// Whether a new snapshot is due at `now`, with `responses` counted now:
/// when there is none yet, or when at least `interval` has passed since
/// the last one *and* at least `min_new` more responses have been counted
/// since it (the smallest count shown, so one new response is never the
/// only difference between two snapshots the public sees). Erasures make
/// the count go down; the responses needed are counted from the last
/// snapshot's count all the same.
pub fn refresh_due(
    last: Option<Taken>,
    now: Timestamp,
    responses: i64,
    min_new: u64,
    interval: Duration,
) -> bool {
    let Some(last) = last else {
        return true;
    };
    let elapsed = now.as_offset() - last.at.as_offset();
    let new = responses.saturating_sub(last.responses);
    elapsed >= interval && new >= 0 && new as u64 >= min_new
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn taken(responses: i64) -> Taken {
        Taken {
            at: Timestamp::from(datetime!(2026-12-06 09:00 UTC)),
            responses,
        }
    }

    fn after(d: Duration) -> Timestamp {
        Timestamp::from(datetime!(2026-12-06 09:00 UTC) + d)
    }

    #[test]
    fn the_first_snapshot_is_always_due() {
        assert!(refresh_due(
            None,
            after(Duration::ZERO),
            0,
            10,
            REFRESH_INTERVAL
        ));
        assert!(refresh_due(
            None,
            after(Duration::ZERO),
            280,
            10,
            REFRESH_INTERVAL
        ));
    }

    #[test]
    fn a_refresh_needs_the_interval_and_the_minimum_of_new_responses_both() {
        let last = Some(taken(280));
        let day = REFRESH_INTERVAL;
        // Enough responses, too soon.
        assert!(!refresh_due(
            last,
            after(day - Duration::seconds(1)),
            400,
            10,
            day
        ));
        // Long enough, too few responses: nine new ones are not enough.
        assert!(!refresh_due(last, after(day * 30), 289, 10, day));
        assert!(!refresh_due(last, after(day * 30), 281, 10, day));
        assert!(!refresh_due(last, after(day * 30), 280, 10, day));
        // Both, exactly at the thresholds.
        assert!(refresh_due(last, after(day), 290, 10, day));
        assert!(refresh_due(last, after(day * 2), 1_000, 10, day));
    }

    #[test]
    fn erasures_do_not_count_as_new_responses() {
        let last = Some(taken(280));
        let later = after(REFRESH_INTERVAL * 2);
        assert!(!refresh_due(last, later, 250, 10, REFRESH_INTERVAL));
        assert!(!refresh_due(last, later, 285, 10, REFRESH_INTERVAL));
        assert!(refresh_due(last, later, 290, 10, REFRESH_INTERVAL));
    }

    #[test]
    fn a_clock_that_went_back_refreshes_nothing() {
        let last = Some(taken(0));
        let before = Timestamp::from(datetime!(2026-12-05 09:00 UTC));
        assert!(!refresh_due(last, before, 100, 10, REFRESH_INTERVAL));
    }

    #[test]
    fn only_an_open_consultation_shows_a_snapshot() {
        assert_eq!(PublicFigures::of(Status::Open), PublicFigures::Snapshot);
        assert_eq!(PublicFigures::of(Status::Closed), PublicFigures::Live);
        assert_eq!(PublicFigures::of(Status::Upcoming), PublicFigures::Live);
    }
}
