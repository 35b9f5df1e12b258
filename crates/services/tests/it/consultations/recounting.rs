//! The running totals always equal a recount.

use cohesion_services::accounts::your_data;
use cohesion_services::accounts::Passwords;
use cohesion_services::consultations::responding::writes;
use cohesion_services::consultations::responding::Respondent;
use cohesion_services::consultations::results::{self, totals_check};
use cohesion_services::erasure::Contributions;
use cohesion_testkit as testkit;

use super::{
    counts, officer, person, raw, record, respond, response_of, stored_answers, totals,
    two_consultations, ALL,
};
use crate::support::PASSWORD;

#[tokio::test]
async fn running_totals_match_a_recount_through_changes_and_account_deletions() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let stayer = person(db, &pw, "stay@example.org", "Stay S", None).await;
        let leaver = person(db, &pw, "leave@example.org", "Leave L", None).await;
        let keeper = person(db, &pw, "keep@example.org", "Keep K", None).await;
        let [a, b] = two_consultations(db, &officer, [true, false]).await;

        let stay = Respondent::Account(&stayer);
        respond(
            db,
            stay,
            a,
            &[
                raw(&[("q1", "0"), ("q5", "0"), ("q5", "1")]),
                raw(&[("q2", "Brighter lamps"), ("q3", "2")]),
            ],
        )
        .await;
        writes::save_page(db, stay, a, 0, &raw(&[("q1", "2"), ("q5", "3")]))
            .await
            .unwrap();
        writes::submit(db, stay, a).await.unwrap();

        let leave = Respondent::Account(&leaver);
        respond(
            db,
            leave,
            a,
            &[
                raw(&[("q1", "0"), ("q5", "2")]),
                raw(&[("q2", "Fewer cars"), ("q3", "5")]),
            ],
        )
        .await;
        writes::save_page(db, leave, a, 1, &raw(&[("q2", "Fewer cars"), ("q3", "8")]))
            .await
            .unwrap();
        writes::submit(db, leave, a).await.unwrap();
        writes::save_page(db, leave, b, 0, &raw(&[("q1", "1")]))
            .await
            .unwrap();

        let keep = Respondent::Account(&keeper);
        respond(db, keep, a, &[raw(&[("q1", "1")]), raw(&[("q3", "3")])]).await;
        writes::save_page(db, keep, b, 0, &raw(&[("q1", "0"), ("q5", "1")]))
            .await
            .unwrap();
        writes::save_page(db, keep, b, 1, &raw(&[("q2", "Unsent thoughts")]))
            .await
            .unwrap();

        for (i, q1) in ["0", "1"].into_iter().enumerate() {
            let secret = format!("anonymous-{i}");
            respond(
                db,
                Respondent::Anonymous(&secret),
                a,
                &[raw(&[("q1", q1)]), raw(&[])],
            )
            .await;
        }
        assert_eq!(record(db, a).await.response_count, 5);
        assert_eq!(totals_check::verify_totals(db, a).await.unwrap(), []);
        let before = totals(db, a).await;
        let key = |q: &str, i: i64, c: i64| (q.to_owned(), i, c);
        assert_eq!(before[&key("q1", -1, -1)], 5);
        assert_eq!(
            before[&key("q1", 0, 0)],
            2,
            "the leaver's and one anonymous"
        );
        assert_eq!(before[&key("q3", 0, 8)], 1, "the leaver's changed answer");
        assert!(!before.contains_key(&key("q3", 0, 5)), "the old one left");

        // "Remove my contributions": the answers leave the totals.
        let left = response_of(db, a, leaver.user_id).await;
        assert_eq!(stored_answers(db, left.id).await, 4);
        your_data::delete_account(db, &pw, &leaver, PASSWORD, Contributions::Remove, None)
            .await
            .unwrap();
        assert_eq!(record(db, a).await.response_count, 4);
        let mut expected = before.clone();
        for k in [
            key("q1", 0, 0),
            key("q1", -1, -1),
            key("q5", 0, 2),
            key("q5", -1, -1),
            key("q2", -1, -1),
            key("q3", 0, 8),
            key("q3", -1, -1),
        ] {
            let n = expected.get_mut(&k).unwrap_or_else(|| panic!("{k:?}"));
            *n -= 1;
        }
        expected.retain(|_, n| *n != 0);
        assert_eq!(totals(db, a).await, expected);
        assert_eq!(totals_check::verify_totals(db, a).await.unwrap(), []);
        let removed = response_of(db, a, leaver.user_id).await;
        assert!(removed.removed_at.is_some());
        assert_eq!(removed.draft, "{}");
        assert_eq!(stored_answers(db, removed.id).await, 0);
        let draft = response_of(db, b, leaver.user_id).await;
        assert!(draft.removed_at.is_some());
        assert_eq!(draft.draft, "{}");

        // "Keep my contributions": the response stays counted, the unsent
        // draft goes.
        let before = totals(db, a).await;
        your_data::delete_account(db, &pw, &keeper, PASSWORD, Contributions::Keep, None)
            .await
            .unwrap();
        assert_eq!(record(db, a).await.response_count, 4);
        assert_eq!(totals(db, a).await, before);
        assert_eq!(totals_check::verify_totals(db, a).await.unwrap(), []);
        let kept = response_of(db, a, keeper.user_id).await;
        assert!(kept.removed_at.is_none() && kept.submitted_at.is_some());
        assert_eq!(stored_answers(db, kept.id).await, 2);
        assert_eq!(
            kept.draft, "{}",
            "the answers are kept, not the form's copy"
        );
        let draft = response_of(db, b, keeper.user_id).await;
        assert!(draft.removed_at.is_some());
        assert_eq!(draft.draft, "{}");
        assert!(draft.submitted_at.is_none());
        assert_eq!(record(db, b).await.response_count, 0);
        assert!(totals(db, b).await.is_empty());
        assert_eq!(totals_check::verify_totals(db, b).await.unwrap(), []);

        // The one who stayed can still change their answer.
        writes::save_page(db, stay, a, 0, &raw(&[("q1", "1")]))
            .await
            .unwrap();
        writes::submit(db, stay, a).await.unwrap();
        assert_eq!(record(db, a).await.response_count, 4);
        assert_eq!(totals_check::verify_totals(db, a).await.unwrap(), []);
        let r = results::results(db, Some(&officer), a, ALL, None)
            .await
            .unwrap();
        // Stayer, keeper and one anonymous said "No"; the other "Yes".
        assert_eq!(counts(&r, "q1"), [Some(1), Some(3), Some(0)]);
    }
}
