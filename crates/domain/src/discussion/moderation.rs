//! The rules of moderation that need no database: why a comment may be
//! reported and how serious each reason is, when pre-moderation holds a
//! comment, how reports raise a comment in the queue without ever hiding
//! it by count alone, and who may decide what (ADR 33).

use time::Duration;

use crate::timestamp::Timestamp;

/// Why a person reports a comment, most serious first. The code is what
/// the database, the API and the translations use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReportReason {
    ThreatsOrViolence,
    ExtremistContent,
    HateAgainstAGroup,
    HarassmentOfAPerson,
    PersonalInformation,
    Spam,
    OffTopic,
    Other,
}

impl ReportReason {
    pub const ALL: [Self; 8] = [
        Self::ThreatsOrViolence,
        Self::ExtremistContent,
        Self::HateAgainstAGroup,
        Self::HarassmentOfAPerson,
        Self::PersonalInformation,
        Self::Spam,
        Self::OffTopic,
        Self::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::ThreatsOrViolence => "threats",
            Self::ExtremistContent => "extremist",
            Self::HateAgainstAGroup => "hate",
            Self::HarassmentOfAPerson => "harassment",
            Self::PersonalInformation => "personal_information",
            Self::Spam => "spam",
            Self::OffTopic => "off_topic",
            Self::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    /// How soon a moderator must look: 3 for harm to people's safety, 2
    /// for harm to people's dignity or privacy, 1 for the rest.
    pub fn severity(self) -> u8 {
        match self {
            Self::ThreatsOrViolence | Self::ExtremistContent => 3,
            Self::HateAgainstAGroup | Self::HarassmentOfAPerson | Self::PersonalInformation => 2,
            Self::Spam | Self::OffTopic | Self::Other => 1,
        }
    }

    /// Whether deciding it needs a step outside the platform (emergency
    /// services for a threat to life, the national reporting route for
    /// terrorist content), which a senior moderator must record as done.
    pub fn needs_action_outside(self) -> bool {
        matches!(self, Self::ThreatsOrViolence | Self::ExtremistContent)
    }
}

/// Pre-moderation of one discussion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PreModeration {
    Off,
    /// A member's first this-many comments on the site wait for a moderator.
    FirstComments(u32),
    All,
}

impl PreModeration {
    /// Whether a new comment waits for a moderator, given how many of the
    /// author's comments moderators have already let through.
    pub fn holds(self, approved_before: u32) -> bool {
        match self {
            Self::Off => false,
            Self::FirstComments(n) => approved_before < n,
            Self::All => true,
        }
    }
}

/// One report, as the queue weighs it.
#[derive(Debug, Clone, Copy)]
pub struct Report {
    pub at: Timestamp,
    /// How old the reporter's account was when they reported.
    pub account_age: Duration,
}

/// Reports this close together are read as possibly acting together.
pub const TOGETHER_WITHIN: Duration = Duration::minutes(10);

/// Accounts younger than this count as new.
pub const NEW_ACCOUNT: Duration = Duration::days(7);

/// How much a comment's reports count, in reports: each established
/// account's report counts one; new accounts reporting within
/// [`TOGETHER_WITHIN`] of each other count together as one, so a burst of
/// fresh accounts cannot outweigh two residents. The figure only orders
/// the queue: nothing is hidden because of it.
pub fn report_weight(reports: &[Report]) -> u32 {
    let mut established = 0;
    let mut new_at: Vec<Timestamp> = reports
        .iter()
        .filter(|r| {
            let is_new = r.account_age < NEW_ACCOUNT;
            if !is_new {
                established += 1;
            }
            is_new
        })
        .map(|r| r.at)
        .collect();
    new_at.sort();
    let mut bursts = 0;
    let mut last: Option<Timestamp> = None;
    for at in new_at {
        let joined = last.is_some_and(|l| at.as_offset() - l.as_offset() <= TOGETHER_WITHIN);
        if !joined {
            bursts += 1;
        }
        last = Some(at);
    }
    established + bursts
}

/// What orders the moderation queue: the most serious reason first, then
/// the weightier reports, then the longest waiting (sort ascending).
pub fn queue_key(severity: u8, weight: u32, waiting_since: Timestamp) -> (u8, u32, Timestamp) {
    (u8::MAX - severity, u32::MAX - weight, waiting_since)
}

/// Whether a moderator may act on a comment: never on their own.
pub fn may_act(moderator: &str, author: Option<&str>) -> bool {
    author != Some(moderator)
}

/// Whether a moderator may decide an appeal against a decision: a
/// different moderator from the one who made it, and not the author.
pub fn may_decide_appeal(moderator: &str, decided_by: &str, author: Option<&str>) -> bool {
    moderator != decided_by && may_act(moderator, author)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(minute: i64, age_days: i64) -> Report {
        let start = Timestamp::parse_rfc3339("2026-12-06T10:00:00Z").unwrap();
        Report {
            at: Timestamp::from(start.as_offset() + Duration::minutes(minute)),
            account_age: Duration::days(age_days),
        }
    }

    #[test]
    fn reasons_have_codes_and_the_safety_ones_come_first() {
        for r in ReportReason::ALL {
            assert_eq!(ReportReason::from_code(r.code()), Some(r));
        }
        assert_eq!(ReportReason::from_code("rude"), None);
        let mut sorted = ReportReason::ALL;
        sorted.sort_by_key(|r| u8::MAX - r.severity());
        assert_eq!(
            sorted[..2],
            [
                ReportReason::ThreatsOrViolence,
                ReportReason::ExtremistContent
            ]
        );
        let outside: Vec<_> = ReportReason::ALL
            .into_iter()
            .filter(|r| r.needs_action_outside())
            .collect();
        assert_eq!(
            outside,
            [
                ReportReason::ThreatsOrViolence,
                ReportReason::ExtremistContent
            ]
        );
    }

    #[test]
    fn pre_moderation_holds_first_comments_or_all() {
        assert!(!PreModeration::Off.holds(0));
        assert!(PreModeration::All.holds(100));
        let first = PreModeration::FirstComments(2);
        assert!(first.holds(0) && first.holds(1));
        assert!(!first.holds(2));
    }

    #[test]
    fn a_burst_of_new_accounts_counts_as_one_report() {
        let burst: Vec<Report> = (0..20).map(|m| report(m / 4, 1)).collect();
        assert_eq!(report_weight(&burst), 1);
        let two_residents = [report(0, 400), report(300, 90)];
        assert_eq!(report_weight(&two_residents), 2);
        let mut mixed = burst.clone();
        mixed.extend(two_residents);
        mixed.push(report(600, 2)); // a new account, hours later
        assert_eq!(report_weight(&mixed), 4);
        assert_eq!(report_weight(&[]), 0);
    }

    #[test]
    fn the_queue_puts_serious_then_weighty_then_old_first() {
        let early = report(0, 400).at;
        let late = report(60, 400).at;
        let mut items = [
            ("spam, old", queue_key(1, 9, early)),
            ("threat, late", queue_key(3, 1, late)),
            ("threat, early", queue_key(3, 1, early)),
            ("hate, weighty", queue_key(2, 5, late)),
            ("hate, light", queue_key(2, 1, early)),
        ];
        items.sort_by_key(|(_, k)| *k);
        let order: Vec<&str> = items.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            order,
            [
                "threat, early",
                "threat, late",
                "hate, weighty",
                "hate, light",
                "spam, old"
            ]
        );
    }

    #[test]
    fn nobody_decides_their_own_comment_or_their_own_appeal() {
        assert!(!may_act("m1", Some("m1")));
        assert!(may_act("m1", Some("a")) && may_act("m1", None));
        assert!(
            !may_decide_appeal("m1", "m1", Some("a")),
            "a second moderator"
        );
        assert!(may_decide_appeal("m2", "m1", Some("a")));
        assert!(!may_decide_appeal("a", "m1", Some("a")), "not the author");
    }
}
