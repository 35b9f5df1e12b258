//! An erased account's comments stay in their threads, attributed to
//! nobody, or give way to a removal notice when the person asks for
//! their contributions to go; their agreements go and their reports lose
//! their name. "Your data" lists the warnings and suspensions a member
//! was given, lifted ones with when; erasing the account leaves no row
//! naming them, the keys of the comment forms they sent and their
//! sanctions included.

use cohesion_domain::discussion::comment::{Shown, State};
use cohesion_domain::discussion::decision::Decision;
use cohesion_domain::discussion::moderation::ReportReason;
use cohesion_services::accounts::your_data::{self, Access};
use cohesion_services::accounts::Passwords;
use cohesion_services::discussions::personal_data::DiscussionsHook;
use cohesion_services::discussions::{commenting, moderating, reactions, reading};
use cohesion_services::erasure::{Contributions, OnErasure, Person, PersonalData};
use cohesion_services::PERSONAL_DATA;
use cohesion_storage::discussions::comments::{self, Order};
use cohesion_storage::{schema, Db};
use cohesion_testkit as testkit;
use uuid::Uuid;

use super::fixtures::{cast, decided};
use crate::support::PASSWORD;

#[tokio::test]
async fn erasure_keeps_threads_whole() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let people = cast(db, &pw, "Erasure", "off").await;
        let d = people.d;
        let kept = commenting::post(db, &people.rita, d, None, "Keep my words")
            .await
            .unwrap();
        let removed = commenting::post(db, &people.sam, d, None, "Remove my words")
            .await
            .unwrap();
        commenting::post(db, &people.rita, d, Some(removed.id), "A reply that stays")
            .await
            .unwrap();
        reactions::agree(db, &people.sam, kept.id, true)
            .await
            .unwrap();
        reactions::report(db, &people.sam, kept.id, "off_topic", "")
            .await
            .unwrap();

        let mut c = db.acquire().await.unwrap();
        let mut tx = db.begin().await.unwrap();
        let person_of = |id| Person {
            id,
            addresses: vec![],
        };
        DiscussionsHook
            .erase(
                tx.conn(),
                &person_of(people.sam.user_id),
                Contributions::Remove,
            )
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let gone = comments::find(c.conn(), removed.id).await.unwrap().unwrap();
        assert_eq!(
            (gone.state, gone.body.as_str(), gone.author_id),
            (State::RemovedWithAccount, "", None)
        );
        let still = comments::find(c.conn(), kept.id).await.unwrap().unwrap();
        assert_eq!(still.agree_count, 0);
        drop(c);

        let mut tx = db.begin().await.unwrap();
        DiscussionsHook
            .erase(
                tx.conn(),
                &person_of(people.rita.user_id),
                Contributions::Keep,
            )
            .await
            .unwrap();
        tx.commit().await.unwrap();

        let disc = reading::discussion(db, None, d).await.unwrap();
        assert_eq!(disc.comment_count, 2);
        let page = reading::page(db, None, &disc, Order::Oldest, None)
            .await
            .unwrap();
        assert_eq!(page.threads.len(), 2);
        let first = &page.threads[0].top;
        assert_eq!(first.comment.body, "Keep my words");
        assert_eq!(first.comment.author_name, None);
        assert_eq!(
            page.threads[1].top.shown,
            Shown::Notice(State::RemovedWithAccount)
        );
        assert_eq!(
            page.threads[1].replies[0].comment.body,
            "A reply that stays"
        );
    }
}

/// The columns that name `user` in some row, leaving out those that keep
/// a member of staff's id on erasure (what they decided or wrote stays
/// theirs, as the audit log's ids do).
async fn naming(db: &Db, user: Uuid) -> Vec<String> {
    let kept: Vec<&str> = PERSONAL_DATA
        .iter()
        .flat_map(|hook| hook.names())
        .filter(|n| n.on_erasure == OnErasure::Kept)
        .map(|n| n.column)
        .collect();
    let mut c = db.acquire().await.unwrap();
    schema::rows_naming(c.conn(), user)
        .await
        .unwrap()
        .into_iter()
        .map(|(table, column, _)| format!("{table}.{column}"))
        .filter(|column| !kept.contains(&column.as_str()))
        .collect()
}

#[tokio::test]
async fn your_data_lists_lifted_sanctions_and_erasure_leaves_no_row_naming_the_member() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let people = cast(db, &pw, "Sanctioned", "off").await;
        let (rita, sam, d) = (&people.rita, &people.sam, people.d);
        // Sent from forms, each with its key (ADR 40).
        let key = |n: u32| format!("{n:x}").repeat(32);
        let (k1, k2, k3) = (key(1), key(2), key(3));
        let threat = commenting::post_once(db, rita, d, None, "A line from a film", &k1);
        let threat = threat.await.unwrap().id;
        let rude = commenting::post_once(db, rita, d, None, "Something rude", &k2);
        let rude = rude.await.unwrap().id;
        let reply = commenting::post_once(db, sam, d, Some(threat), "Which film?", &k3);
        reply.await.unwrap();
        // Warned for one, hidden and suspended for the other, and the
        // appeal against that overturned: the suspension is lifted.
        decided(db, &people.grace, rude, &Decision::Warn, "").await;
        let hide = Decision::Hide(ReportReason::ThreatsOrViolence);
        decided(db, &people.grace, threat, &hide, "").await;
        decided(db, &people.grace, threat, &Decision::Suspend(3), "").await;
        let karim = &people.karim;
        moderating::appeal(db, rita, threat, "Only a quote")
            .await
            .unwrap();
        let overturned = moderating::decide_appeal(db, karim, threat, false, "A quote", None).await;
        overturned.unwrap();

        // Both sanctions listed, the one the appeal overturned with when
        // it was lifted.
        let data = your_data::export(db, rita, None, Access::Downloaded)
            .await
            .unwrap();
        let mut sanctions: Vec<_> = data
            .sanctions
            .iter()
            .map(|s| {
                let lifted = s.lifted_at.is_some();
                (s.comment_id, s.kind.as_str(), s.until.is_some(), lifted)
            })
            .collect();
        sanctions.sort();
        let mut expected = vec![
            (Some(threat), "suspension", true, true),
            (Some(rude), "warning", false, false),
        ];
        expected.sort();
        assert_eq!(sanctions, expected, "{:?}", t.engine());
        // Her appeal too: what she wrote, when, how it was decided and
        // the deciding moderator's note to her.
        let appeals: Vec<_> = data
            .appeals
            .iter()
            .map(|a| {
                (
                    a.comment_id,
                    a.text.as_str(),
                    a.outcome.as_deref(),
                    a.decided_at.is_some(),
                    a.note.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            appeals,
            vec![(
                threat,
                "Only a quote",
                Some("overturned"),
                true,
                Some("A quote")
            )],
            "{:?}",
            t.engine()
        );
        assert!(!data.appeals[0].sent_at.is_empty());

        // What erasure must let go of is there to begin with.
        let before = naming(db, rita.user_id).await;
        for column in [
            "comment_submissions.author_id",
            "member_sanctions.user_id",
            "moderation_appeals.author_id",
        ] {
            assert!(before.iter().any(|c| c == column), "{column}: {before:?}");
        }

        // Whichever the choice, no row names the member afterwards.
        for (who, choice) in [(rita, Contributions::Remove), (sam, Contributions::Keep)] {
            your_data::delete_account(db, &pw, who, PASSWORD, choice, None)
                .await
                .unwrap();
            let left = naming(db, who.user_id).await;
            assert!(left.is_empty(), "{:?} {choice:?}: {left:?}", t.engine());
        }
        // The appeal stays on record, by nobody and, as she chose to
        // remove her contributions, without its text.
        let mut c = db.acquire().await.unwrap();
        let kept = cohesion_storage::discussions::moderation::find_appeal(c.conn(), threat)
            .await
            .unwrap()
            .expect("the appeal stays on record");
        assert_eq!(
            (kept.text.as_str(), kept.outcome.as_deref()),
            ("", Some("overturned"))
        );
    }
}
