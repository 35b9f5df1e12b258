//! Moderators' queue and decisions: reports order the queue and never
//! hide; screening holds with its reasons; decisions move a comment's
//! state, are recorded and audit-logged; one appeal, decided by another
//! moderator; suspensions stop posting; redaction keeps the words
//! nowhere.

use cohesion_domain::discussion::comment::State;
use cohesion_domain::discussion::decision::{Decision, REDACTED};
use cohesion_domain::discussion::moderation::ReportReason;
use cohesion_domain::identity::Role;
use cohesion_domain::ErrorCode;
use cohesion_services::accounts::Passwords;
use cohesion_services::discussions::{commenting, moderating, reactions, reading};
use cohesion_services::ServiceError;
use cohesion_storage::discussions::comments;
use cohesion_storage::discussions::moderation::{self, QueueQuery};
use cohesion_storage::Timestamp;
use cohesion_testkit as testkit;

use super::opened;
use crate::consultations::{officer, person, resident};
use crate::support::code;

fn all() -> QueueQuery<'static> {
    QueueQuery {
        limit: 20,
        ..Default::default()
    }
}

#[tokio::test]
async fn reports_order_the_queue_and_decisions_are_recorded() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let rita = resident(db, &pw).await;
        let sam = person(db, &pw, "sam@example.org", "Sam S", None).await;
        let grace = person(
            db,
            &pw,
            "grace@example.org",
            "Grace G",
            Some(Role::Moderator),
        )
        .await;
        let karim = person(
            db,
            &pw,
            "karim@example.org",
            "Karim K",
            Some(Role::Moderator),
        )
        .await;
        let d = opened(db, &officer, "Moderated", -1, "off").await;
        let spam = commenting::post(db, &rita, d, None, "Buy cheap things")
            .await
            .unwrap();
        let threat = commenting::post(db, &rita, d, None, "A threat, in a test")
            .await
            .unwrap();
        reactions::report(db, &sam, spam.id, "spam", "")
            .await
            .unwrap();
        reactions::report(db, &sam, threat.id, "threats", "")
            .await
            .unwrap();

        // Reports raise; they do not hide.
        let disc = reading::discussion(db, None, d).await.unwrap();
        assert_eq!(disc.comment_count, 2);
        let e = moderating::queue(db, &sam, &all()).await.unwrap_err();
        assert!(matches!(e, ServiceError::Forbidden));
        let (entries, total) = moderating::queue(db, &grace, &all()).await.unwrap();
        assert_eq!(total, 2);
        assert_eq!(entries[0].comment.id, threat.id);
        assert!(entries[0].needs_outside_action);
        assert_eq!(entries[0].reports, [("threats".to_owned(), 1)]);
        assert_eq!(entries[0].history.comments, 2);

        // Hidden with a public reason: out of the queue, out of the count,
        // recorded and audit-logged.
        let hide = Decision::Hide(ReportReason::ThreatsOrViolence);
        moderating::decide(db, &grace, threat.id, &hide, "Police told", None)
            .await
            .unwrap();
        let mut c = db.acquire().await.unwrap();
        let stored = comments::find(c.conn(), threat.id).await.unwrap().unwrap();
        assert_eq!(stored.state, State::Hidden);
        assert_eq!(stored.hidden_reason.as_deref(), Some("threats"));
        let decisions = moderation::decisions(c.conn(), threat.id).await.unwrap();
        assert_eq!(decisions.len(), 1);
        assert_eq!(decisions[0].moderator_id, Some(grace.user_id));
        drop(c);
        let disc = reading::discussion(db, None, d).await.unwrap();
        assert_eq!(disc.comment_count, 1);
        let (_, total) = moderating::queue(db, &grace, &all()).await.unwrap();
        assert_eq!(total, 1);
        // Restoring what is not hidden does not apply.
        let e = moderating::decide(db, &grace, spam.id, &Decision::Restore, "", None)
            .await
            .unwrap_err();
        assert_eq!(code(e), ErrorCode::InvalidChoice);

        // One appeal, by the author; decided by another moderator.
        let e = moderating::appeal(db, &sam, threat.id, "Not mine")
            .await
            .unwrap_err();
        assert!(matches!(e, ServiceError::NotFound));
        moderating::appeal(db, &rita, threat.id, "It was a quote from a film")
            .await
            .unwrap();
        let e = moderating::appeal(db, &rita, threat.id, "Again")
            .await
            .unwrap_err();
        assert_eq!(code(e), ErrorCode::AlreadyResponded);
        let (entries, _) = moderating::queue(
            db,
            &grace,
            &QueueQuery {
                appealed: true,
                ..all()
            },
        )
        .await
        .unwrap();
        assert_eq!(entries.len(), 1);
        let e = moderating::decide_appeal(db, &grace, threat.id, false, "", None)
            .await
            .unwrap_err();
        assert_eq!(code(e), ErrorCode::CannotTargetSelf);
        moderating::decide_appeal(db, &karim, threat.id, false, "A film quote", None)
            .await
            .unwrap();
        let mut c = db.acquire().await.unwrap();
        let stored = comments::find(c.conn(), threat.id).await.unwrap().unwrap();
        assert_eq!(stored.state, State::Published);
        drop(c);

        // Nobody decides on their own comment.
        let own = commenting::post(db, &grace, d, None, "A moderator's own comment")
            .await
            .unwrap();
        let e = moderating::decide(db, &grace, own.id, &Decision::Approve, "", None)
            .await
            .unwrap_err();
        assert_eq!(code(e), ErrorCode::CannotTargetSelf);

        // A suspension stops the member commenting.
        moderating::decide(db, &karim, spam.id, &Decision::Suspend(3), "Spam", None)
            .await
            .unwrap();
        let e = commenting::post(db, &rita, d, None, "Back again")
            .await
            .unwrap_err();
        assert_eq!(code(e), ErrorCode::AccountSuspended);
    }
}

#[tokio::test]
async fn screening_holds_with_its_reasons_and_never_hides() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let rita = resident(db, &pw).await;
        let sam = person(db, &pw, "sam@example.org", "Sam S", None).await;
        let grace = person(
            db,
            &pw,
            "grace@example.org",
            "Grace G",
            Some(Role::Moderator),
        )
        .await;
        let d = opened(db, &officer, "Screened", -1, "off").await;
        {
            let mut c = db.acquire().await.unwrap();
            moderation::add_word(c.conn(), "en", "vermin", grace.user_id, Timestamp::now())
                .await
                .unwrap();
        }
        // A disguised entry of the list is read through.
        let held = commenting::post(db, &rita, d, None, "They are v3rm\u{200B}in, all of them")
            .await
            .unwrap();
        assert!(held.held);
        let long = "The youth club on Mill Lane closed and nothing replaced it at all.";
        assert!(
            !commenting::post(db, &sam, d, None, long)
                .await
                .unwrap()
                .held
        );
        // The same long text again, however spaced, is held as a repeat;
        // a short agreement is not.
        let again = commenting::post(db, &rita, d, None, &long.replace(' ', "  "))
            .await
            .unwrap();
        assert!(again.held);
        assert!(
            !commenting::post(db, &rita, d, None, "Agree 100%")
                .await
                .unwrap()
                .held
        );
        let links = "See https://a.example https://b.example https://c.example https://d.example";
        assert!(
            commenting::post(db, &sam, d, None, links)
                .await
                .unwrap()
                .held
        );

        let (entries, total) = moderating::queue(db, &grace, &all()).await.unwrap();
        assert_eq!(total, 3);
        let reasons: Vec<Vec<String>> = entries.iter().map(|e| e.item.reasons.clone()).collect();
        assert!(
            reasons.contains(&vec!["word:vermin".to_owned()]),
            "{reasons:?}"
        );
        assert!(reasons.contains(&vec!["repeat".to_owned()]), "{reasons:?}");
        assert!(reasons.contains(&vec!["links".to_owned()]), "{reasons:?}");
        assert_eq!(entries[0].comment.id, held.id, "word-list holds come first");

        // Approving lets it through.
        moderating::decide(db, &grace, again.id, &Decision::Approve, "", None)
            .await
            .unwrap();
        let disc = reading::discussion(db, None, d).await.unwrap();
        assert_eq!(disc.comment_count, 3);
    }
}

#[tokio::test]
async fn redaction_keeps_the_words_nowhere() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let rita = resident(db, &pw).await;
        let grace = person(
            db,
            &pw,
            "grace@example.org",
            "Grace G",
            Some(Role::Moderator),
        )
        .await;
        let d = opened(db, &officer, "Redacted", -1, "off").await;
        let posted = commenting::post(db, &rita, d, None, "Ring Sam on 07700 900123")
            .await
            .unwrap();
        commenting::edit(db, &rita, posted.id, "Ring Sam on 07700 900123 after six")
            .await
            .unwrap();
        let words = Decision::Redact("07700 900123".into());
        moderating::decide(db, &grace, posted.id, &words, "", None)
            .await
            .unwrap();
        let mut c = db.acquire().await.unwrap();
        let stored = comments::find(c.conn(), posted.id).await.unwrap().unwrap();
        assert_eq!(stored.body, format!("Ring Sam on {REDACTED} after six"));
        for (_, text, _) in comments::versions(c.conn(), posted.id).await.unwrap() {
            assert!(!text.contains("900123"), "{text}");
        }
        let decisions = moderation::decisions(c.conn(), posted.id).await.unwrap();
        assert_eq!(decisions[0].action, "redact");
        assert_eq!(decisions[0].note, None);
    }
}
