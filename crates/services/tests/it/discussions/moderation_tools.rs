//! Moderation tools on every engine: bulk decisions (each its own record
//! and audit entry, one transaction, the moderator's own comment and
//! escalated ones skipped), escalated comments decided by senior
//! moderators only with the step outside the platform recorded, and the
//! transparency figures by month with small counts suppressed.

use cohesion_domain::discussion::comment::State;
use cohesion_domain::discussion::decision::Decision;
use cohesion_domain::discussion::moderation::ReportReason;
use cohesion_domain::local_time::SiteZone;
use cohesion_domain::ErrorCode;
use cohesion_insight::disclosure::SmallBaseRules;
use cohesion_services::accounts::Passwords;
use cohesion_services::discussions::bulk;
use cohesion_services::discussions::moderating::{self, Refusal};
use cohesion_services::discussions::transparency;
use cohesion_services::ServiceError;
use cohesion_storage::discussions::moderation::{self, NewDecision, QueueQuery};
use cohesion_storage::Timestamp;
use cohesion_testkit as testkit;
use time::{Duration, OffsetDateTime};

use super::fixtures::{all, cast, decided, held, joan, posted, reported, stored};
use super::opened;
use crate::consultations::audit_of;
use crate::support::code;

#[tokio::test]
async fn bulk_decisions_are_one_each_and_skip_the_moderators_own() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let people = cast(db, &pw, "Bulk", "off").await;
        let d = people.d;
        let mut ids = Vec::new();
        for n in 0..3 {
            let text = format!("Cheap watches {n}");
            ids.push(people.reported(db, &text, "spam").await);
        }
        let own = reported(
            db,
            &people.grace,
            &people.rita,
            d,
            "A moderator's own words",
            "spam",
        )
        .await;
        let mut chosen = ids.clone();
        chosen.push(own);

        // Only approving and hiding, of something chosen.
        let e = bulk::decide_many(db, &people.grace, &chosen, &Decision::Warn, "", None)
            .await
            .unwrap_err();
        assert_eq!(code(e), ErrorCode::InvalidChoice);
        let e = bulk::decide_many(db, &people.grace, &[], &Decision::Approve, "", None)
            .await
            .unwrap_err();
        assert_eq!(code(e), ErrorCode::FieldRequired);
        let e = bulk::decide_many(db, &people.sam, &ids, &Decision::Approve, "", None)
            .await
            .unwrap_err();
        assert!(matches!(e, ServiceError::Forbidden));

        let hide = Decision::Hide(ReportReason::Spam);
        let out = bulk::decide_many(db, &people.grace, &chosen, &hide, "Advertising", None)
            .await
            .unwrap();
        assert_eq!(out.decided, 3);
        assert_eq!(out.skipped.get(&Refusal::OwnComment), Some(&1));
        assert_eq!(out.skipped_total(), 1);

        // Each is its own decision and audit entry, written together.
        let mut times = Vec::new();
        for id in &ids {
            let now = stored(db, *id).await;
            assert_eq!(now.state, State::Hidden);
            assert_eq!(now.hidden_reason.as_deref(), Some("spam"));
            let mut c = db.acquire().await.unwrap();
            let decisions = moderation::decisions(c.conn(), *id).await.unwrap();
            assert_eq!(decisions.len(), 1);
            assert_eq!(decisions[0].note.as_deref(), Some("Advertising"));
            times.push(decisions[0].created_at);
        }
        assert!(times.windows(2).all(|w| w[0] == w[1]), "one transaction");
        assert_eq!(stored(db, own).await.state, State::Published);
        let mut c = db.acquire().await.unwrap();
        assert!(moderation::decisions(c.conn(), own)
            .await
            .unwrap()
            .is_empty());
        drop(c);
        assert_eq!(
            audit_of(db, "moderation.hide", people.grace.user_id)
                .await
                .len(),
            3
        );
        let (_, waiting) = moderating::queue(db, &people.grace, &all()).await.unwrap();
        assert_eq!(waiting, 1, "only the moderator's own comment still waits");

        // Sent again (a reload, a second moderator): nothing decided twice.
        let again = bulk::decide_many(db, &people.grace, &chosen, &hide, "", None)
            .await
            .unwrap();
        assert_eq!(again.decided, 0);
        assert_eq!(
            again.skipped,
            [(Refusal::OwnComment, 1), (Refusal::AlreadyDecided, 3)]
                .into_iter()
                .collect()
        );
        // Each skipped comment is named with its own reason.
        assert_eq!(again.refused.len(), 4);
        assert!(again
            .refused
            .iter()
            .all(|(_, why)| matches!(why, Refusal::OwnComment | Refusal::AlreadyDecided)));
        assert_eq!(
            audit_of(db, "moderation.hide", people.grace.user_id)
                .await
                .len(),
            3
        );
    }
}

#[tokio::test]
async fn escalated_comments_are_decided_by_senior_moderators_only() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let people = cast(db, &pw, "Escalations", "off").await;
        let joan = joan(db, &pw).await;
        let threat = people.reported(db, "A threat, in a test", "threats").await;

        decided(db, &people.grace, threat, &Decision::Escalate, "Threat").await;
        // Escalated: grace may not decide it, nor escalate it again.
        let hide = Decision::Hide(ReportReason::ThreatsOrViolence);
        let e = moderating::decide(db, &people.grace, threat, &hide, "", None)
            .await
            .unwrap_err();
        assert!(matches!(e, ServiceError::Forbidden), "{e:?}");
        let e = moderating::decide(db, &people.grace, threat, &Decision::Escalate, "", None)
            .await
            .unwrap_err();
        assert_eq!(code(e), ErrorCode::InvalidChoice);
        let out = bulk::decide_many(db, &people.grace, &[threat], &hide, "", None)
            .await
            .unwrap();
        assert_eq!(out.skipped.get(&Refusal::Escalated), Some(&1));

        // The step outside: ticked and said, or refused with both reasons.
        let e = moderating::record_outside_action(db, &people.grace, threat, false, " ", None)
            .await
            .unwrap_err();
        let ServiceError::InvalidFields(list) = e else {
            panic!("both fields: {e:?}");
        };
        let fields: Vec<_> = list.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            fields,
            [
                ("done", ErrorCode::ConfirmationRequired),
                ("outside_note", ErrorCode::FieldRequired)
            ]
        );
        moderating::record_outside_action(
            db,
            &people.grace,
            threat,
            true,
            "Called 999 at 14:05, reference 4471",
            None,
        )
        .await
        .unwrap();
        assert_eq!(
            audit_of(db, "moderation.outside_action", people.grace.user_id)
                .await
                .len(),
            1
        );
        let escalated = QueueQuery {
            escalated: true,
            ..all()
        };
        let (entries, total) = moderating::queue(db, &joan, &escalated).await.unwrap();
        assert_eq!(total, 1, "still waiting for a senior moderator");
        assert!(entries[0].outside_recorded.is_some());
        let (history, _) = moderating::history(db, &joan, threat).await.unwrap();
        let outside = history
            .iter()
            .find(|d| d.record.action == "outside_action")
            .unwrap();
        assert_eq!(
            outside.record.note.as_deref(),
            Some("Called 999 at 14:05, reference 4471")
        );

        // The senior moderator decides it; it leaves the queue.
        decided(db, &joan, threat, &hide, "Police informed").await;
        assert_eq!(stored(db, threat).await.state, State::Hidden);
        let (_, total) = moderating::queue(db, &joan, &escalated).await.unwrap();
        assert_eq!(total, 0);
    }
}

#[tokio::test]
async fn transparency_counts_by_month_and_suppresses_small_figures() {
    let pw = Passwords::new(2);
    let rules = SmallBaseRules {
        min_count: 3,
        min_base_for_percent: 30,
    };
    for t in testkit::engines().await {
        let db = &t.db;
        let people = cast(db, &pw, "Held", "all").await;
        let held_all = people.d;
        let other = opened(db, &people.officer, "Other", -1, "off").await;
        let mut ids = Vec::new();
        for n in 0..5 {
            ids.push(held(db, &people.rita, held_all, &format!("Held {n}")).await);
        }
        posted(db, &people.sam, other, "Somewhere else").await;
        let spam = Decision::Hide(ReportReason::Spam);
        bulk::decide_many(db, &people.grace, &ids[..3], &spam, "", None)
            .await
            .unwrap();
        let hate = Decision::Hide(ReportReason::HateAgainstAGroup);
        decided(db, &people.grace, ids[3], &hate, "").await;
        decided(db, &people.grace, ids[4], &Decision::Approve, "").await;
        decided(db, &people.grace, ids[0], &Decision::Warn, "").await;
        // Three warnings two months ago, written with that time.
        let now = OffsetDateTime::now_utc();
        let back = now - Duration::days(62);
        let mut c = db.acquire().await.unwrap();
        for id in &ids[..3] {
            moderation::record_decision(
                c.conn(),
                &NewDecision {
                    comment: *id,
                    discussion: held_all,
                    moderator: people.grace.user_id,
                    action: "warn",
                    reason: None,
                    note: None,
                    waited_seconds: None,
                    at: Timestamp::from(back),
                },
            )
            .await
            .unwrap();
        }
        // And one comment hidden four months ago elsewhere: a small
        // figure in another month, which hides nothing in this one.
        let long_ago = now - Duration::days(120);
        moderation::record_decision(
            c.conn(),
            &NewDecision {
                comment: ids[4],
                discussion: other,
                moderator: people.grace.user_id,
                action: "hide",
                reason: Some(ReportReason::Spam.code()),
                note: None,
                waited_seconds: None,
                at: Timestamp::from(long_ago),
            },
        )
        .await
        .unwrap();
        drop(c);

        let utc = SiteZone::utc();
        // Months are listed from the first with anything in it, not a
        // whole year of empty ones.
        let site = transparency::site(db, rules, now, &utc).await.unwrap();
        let months_back = |at: OffsetDateTime| {
            (now.year() - at.year()) * 12 + now.month() as i32 - at.month() as i32
        };
        assert_eq!(
            site.months.len() as i32,
            months_back(long_ago) + 1,
            "{:?}",
            site.months
        );
        let oldest = site.months.last().unwrap();
        assert_eq!(
            (oldest.year, oldest.month),
            (long_ago.year(), long_ago.month())
        );
        assert_eq!(oldest.hidden, None, "one hidden comment is too few");
        let this = &site.months[0];
        assert_eq!((this.year, this.month), (now.year(), now.month()));
        assert_eq!(this.comments, Some(6));
        assert_eq!(this.held, Some(5));
        assert_eq!(this.warnings, None, "one warning is too few to show");
        assert_eq!(this.suspensions, Some(0), "none at all picks nobody out");
        assert_eq!(this.appeals_upheld, Some(0));
        assert!(
            this.median_wait_seconds.is_some(),
            "five decisions ended a wait"
        );
        let by_reason = |r: ReportReason| {
            this.hidden_by_reason
                .iter()
                .find(|(x, _)| *x == r)
                .unwrap()
                .1
        };
        assert_eq!(by_reason(ReportReason::HateAgainstAGroup), None);
        // The single hate comment cannot be worked out from the total
        // less the others: another figure of the month is hidden with it.
        assert_eq!(this.hidden, Some(4));
        let hidden_cells = this.hidden_by_reason.iter().filter(|(_, n)| n.is_none());
        assert!(hidden_cells.count() >= 2, "{this:?}");
        // A reason nobody's comment was hidden for is 0, not "not shown".
        assert_eq!(by_reason(ReportReason::OffTopic), Some(0), "{this:?}");
        assert!(!this.no_waits);
        let earlier = site
            .months
            .iter()
            .find(|m| (m.year, m.month) == (back.year(), back.month()))
            .unwrap();
        assert_eq!(earlier.warnings, Some(3));
        assert_eq!(earlier.comments, Some(0));
        // A month with nothing hidden says 0, for each reason too, and a
        // month in which no decision ended a wait has no median to hide.
        assert_eq!(earlier.hidden, Some(0), "{earlier:?}");
        assert!(earlier.hidden_by_reason.iter().all(|(_, n)| *n == Some(0)));
        assert_eq!(earlier.median_wait_seconds, None);
        assert!(earlier.no_waits);

        // Per discussion: only its own figures.
        let (_, one) = transparency::discussion(db, other, rules, now, &utc)
            .await
            .unwrap();
        assert_eq!(one.months[0].comments, None, "one comment is too few");
        assert_eq!(one.months[0].held, Some(0));
        let (_, held) = transparency::discussion(db, held_all, rules, now, &utc)
            .await
            .unwrap();
        assert_eq!(held.months[0].comments, Some(5));
        // Every hidden comment this month was in this discussion: both
        // pages show the same figures, by the same rule.
        assert_eq!(held.months[0].hidden, this.hidden);
        assert_eq!(held.months[0].hidden_by_reason, this.hidden_by_reason);
        // It opened yesterday: its months start with that day's month,
        // none before.
        let opened = (now - Duration::days(1)).month();
        let expected = if opened == now.month() { 1 } else { 2 };
        assert_eq!(held.months.len(), expected, "{:?}", held.months);
        assert_eq!(held.months.last().unwrap().month, opened);

        // Months are the site's: three warnings an hour before a month
        // began in UTC count in the month before on a UTC site, and in
        // the month itself at 3am in Dubai.
        let month_start = now
            .replace_day(1)
            .unwrap()
            .replace_time(time::Time::MIDNIGHT);
        let late = month_start - Duration::hours(1);
        let mut c = db.acquire().await.unwrap();
        for id in &ids[..3] {
            moderation::record_decision(
                c.conn(),
                &NewDecision {
                    comment: *id,
                    discussion: other,
                    moderator: people.grace.user_id,
                    action: "warn",
                    reason: None,
                    note: None,
                    waited_seconds: None,
                    at: Timestamp::from(late),
                },
            )
            .await
            .unwrap();
        }
        drop(c);
        let warnings_in = |f: &transparency::Figures, at: time::PrimitiveDateTime| {
            f.months
                .iter()
                .find(|m| (m.year, m.month) == (at.year(), at.month()))
                .and_then(|m| m.warnings)
        };
        let (_, in_utc) = transparency::discussion(db, other, rules, now, &utc)
            .await
            .unwrap();
        if in_utc.months.len() > 1 {
            assert_eq!(warnings_in(&in_utc, utc.civil(late)), Some(3));
        }
        let dubai = SiteZone::named("Asia/Dubai").unwrap();
        let (_, in_dubai) = transparency::discussion(db, other, rules, now, &dubai)
            .await
            .unwrap();
        let there = dubai.civil(late);
        assert_eq!(there.month(), now.month(), "3am on the 1st there");
        assert_eq!(warnings_in(&in_dubai, there), Some(3));
        let e = transparency::discussion(db, uuid::Uuid::new_v4(), rules, now, &utc)
            .await
            .unwrap_err();
        assert!(matches!(e, ServiceError::NotFound));
    }
}

#[tokio::test]
async fn bulk_decisions_name_the_real_reason_each_comment_was_skipped() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let people = cast(db, &pw, "Reasons", "off").await;
        let joan = joan(db, &pw).await;
        let appealed = people.reported(db, "Hidden, then appealed", "spam").await;
        let hide = Decision::Hide(ReportReason::Spam);
        decided(db, &people.grace, appealed, &hide, "").await;
        moderating::appeal(db, &people.rita, appealed, "It was not advertising")
            .await
            .unwrap();
        let own = reported(db, &joan, &people.sam, people.d, "Joan's own words", "spam").await;
        let missing = uuid::Uuid::new_v4();

        // The appealed comment waits as an appeal: not "already decided".
        let out = bulk::decide_many(db, &joan, &[appealed, own, missing], &hide, "", None)
            .await
            .unwrap();
        assert_eq!(out.decided, 0);
        let mut refused = out.refused.clone();
        refused.sort();
        let mut expected = vec![
            (appealed, Refusal::Appealed),
            (own, Refusal::OwnComment),
            (missing, Refusal::NotFound),
        ];
        expected.sort();
        assert_eq!(refused, expected);
        for r in Refusal::ALL {
            assert_eq!(Refusal::from_code(r.code()), Some(r));
        }
        assert_eq!(Refusal::Appealed.code(), "appealed");
    }
}
