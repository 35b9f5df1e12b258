//! Moderators' queue and decisions: reports order the queue and never
//! hide; screening holds with its reasons; decisions move a comment's
//! state, are recorded and audit-logged; one appeal, decided by another
//! moderator; suspensions stop posting; redaction keeps the words
//! nowhere.

use cohesion_domain::discussion::comment::State;
use cohesion_domain::discussion::decision::{Decision, REDACTED};
use cohesion_domain::discussion::moderation::ReportReason;
use cohesion_domain::ErrorCode;
use cohesion_services::accounts::Passwords;
use cohesion_services::discussions::{commenting, moderating, reactions, reading};
use cohesion_services::ServiceError;
use cohesion_storage::discussions::comments;
use cohesion_storage::discussions::moderation::{self, QueueQuery};
use cohesion_storage::Timestamp;
use cohesion_testkit as testkit;

use super::fixtures::{all, cast, decided, held, posted, stored};
use crate::support::code;

#[tokio::test]
async fn reports_order_the_queue_and_decisions_are_recorded() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let people = cast(db, &pw, "Moderated", "off").await;
        let d = people.d;
        let spam = people.reported(db, "Buy cheap things", "spam").await;
        let threat = people.reported(db, "A threat, in a test", "threats").await;

        // Reports raise; they do not hide.
        let disc = reading::discussion(db, None, d).await.unwrap();
        assert_eq!(disc.comment_count, 2);
        let e = moderating::queue(db, &people.sam, &all())
            .await
            .unwrap_err();
        assert!(matches!(e, ServiceError::Forbidden));
        let (entries, total) = moderating::queue(db, &people.grace, &all()).await.unwrap();
        assert_eq!(total, 2);
        assert_eq!(entries[0].comment.id, threat);
        assert!(entries[0].needs_outside_action);
        assert_eq!(entries[0].reports, [("threats".to_owned(), 1)]);
        assert_eq!(entries[0].history.comments, 2);
        // Reports counted by reason, most first; the author's record
        // the same whichever way the item is read.
        reactions::report(db, &people.officer, threat, "harassment", "")
            .await
            .unwrap();
        reactions::report(db, &people.karim, threat, "threats", "")
            .await
            .unwrap();
        let (entries, _) = moderating::queue(db, &people.grace, &all()).await.unwrap();
        let counted = [("threats".to_owned(), 2), ("harassment".to_owned(), 1)];
        assert_eq!(entries[0].reports, counted);
        let one = moderating::entry(db, &people.grace, threat).await.unwrap();
        assert_eq!(one.reports, counted);
        assert_eq!(one.history, entries[0].history);

        // Hidden with a public reason: out of the queue, out of the count,
        // recorded and audit-logged.
        let hide = Decision::Hide(ReportReason::ThreatsOrViolence);
        decided(db, &people.grace, threat, &hide, "Police told").await;
        let now = stored(db, threat).await;
        assert_eq!(now.state, State::Hidden);
        assert_eq!(now.hidden_reason.as_deref(), Some("threats"));
        let mut c = db.acquire().await.unwrap();
        let decisions = moderation::decisions(c.conn(), threat).await.unwrap();
        assert_eq!(decisions.len(), 1);
        assert_eq!(decisions[0].moderator_id, Some(people.grace.user_id));
        drop(c);
        let disc = reading::discussion(db, None, d).await.unwrap();
        assert_eq!(disc.comment_count, 1);
        let (_, total) = moderating::queue(db, &people.grace, &all()).await.unwrap();
        assert_eq!(total, 1);
        // Restoring what is not hidden does not apply.
        let e = moderating::decide(db, &people.grace, spam, &Decision::Restore, "", None)
            .await
            .unwrap_err();
        assert_eq!(code(e), ErrorCode::InvalidChoice);

        // One appeal, by the author; decided by another moderator.
        let e = moderating::appeal(db, &people.sam, threat, "Not mine")
            .await
            .unwrap_err();
        assert!(matches!(e, ServiceError::NotFound));
        moderating::appeal(db, &people.rita, threat, "It was a quote from a film")
            .await
            .unwrap();
        let e = moderating::appeal(db, &people.rita, threat, "Again")
            .await
            .unwrap_err();
        assert_eq!(code(e), ErrorCode::AlreadyResponded);
        let (entries, _) = moderating::queue(
            db,
            &people.grace,
            &QueueQuery {
                appealed: true,
                ..all()
            },
        )
        .await
        .unwrap();
        assert_eq!(entries.len(), 1);
        let e = moderating::decide_appeal(db, &people.grace, threat, false, "", None)
            .await
            .unwrap_err();
        assert_eq!(code(e), ErrorCode::CannotTargetSelf);
        moderating::decide_appeal(db, &people.karim, threat, false, "A film quote", None)
            .await
            .unwrap();
        assert_eq!(stored(db, threat).await.state, State::Published);

        // Nobody decides on their own comment.
        let own = commenting::post(db, &people.grace, d, None, "A moderator's own comment")
            .await
            .unwrap();
        let e = moderating::decide(db, &people.grace, own.id, &Decision::Approve, "", None)
            .await
            .unwrap_err();
        assert_eq!(code(e), ErrorCode::CannotTargetSelf);

        // A suspension stops the member commenting.
        decided(db, &people.karim, spam, &Decision::Suspend(3), "Spam").await;
        let e = commenting::post(db, &people.rita, d, None, "Back again")
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
        let people = cast(db, &pw, "Screened", "off").await;
        let d = people.d;
        {
            let mut c = db.acquire().await.unwrap();
            moderation::add_word(
                c.conn(),
                "en",
                "vermin",
                people.grace.user_id,
                Timestamp::now(),
            )
            .await
            .unwrap();
        }
        // A disguised entry of the list is read through.
        let vermin = held(db, &people.rita, d, "They are v3rm\u{200B}in, all of them").await;
        let long = "The youth club on Mill Lane closed and nothing replaced it at all.";
        let (first, held_first) = posted(db, &people.sam, d, long).await;
        assert!(!held_first);
        // The same long text again, however spaced, is held as a repeat;
        // a short agreement is not.
        let again = held(db, &people.rita, d, &long.replace(' ', "  ")).await;
        assert!(!posted(db, &people.rita, d, "Agree 100%").await.1);
        let links = "See https://a.example https://b.example https://c.example https://d.example";
        held(db, &people.sam, d, links).await;

        let (entries, total) = moderating::queue(db, &people.grace, &all()).await.unwrap();
        assert_eq!(total, 3);
        let reasons: Vec<Vec<String>> = entries.iter().map(|e| e.item.reasons.clone()).collect();
        assert!(
            reasons.contains(&vec!["word:vermin".to_owned()]),
            "{reasons:?}"
        );
        // A repeat names the comment it repeats, and the queue has it.
        assert!(
            reasons.contains(&vec![format!("repeat:{first}")]),
            "{reasons:?}"
        );
        let repeat = entries.iter().find(|e| e.comment.id == again).unwrap();
        assert_eq!(
            repeat.named.iter().map(|c| c.id).collect::<Vec<_>>(),
            [first]
        );
        assert!(reasons.contains(&vec!["links".to_owned()]), "{reasons:?}");
        assert_eq!(entries[0].comment.id, vermin, "word-list holds come first");

        // Approving lets it through.
        decided(db, &people.grace, again, &Decision::Approve, "").await;
        let disc = reading::discussion(db, None, d).await.unwrap();
        assert_eq!(disc.comment_count, 3);
    }
}

#[tokio::test]
async fn redaction_keeps_the_words_nowhere() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let people = cast(db, &pw, "Redacted", "off").await;
        let d = people.d;
        let (id, _) = posted(db, &people.rita, d, "Ring Sam on 07700 900123").await;
        commenting::edit(db, &people.rita, id, "Ring Sam on 07700 900123 after six")
            .await
            .unwrap();
        let words = Decision::Redact("07700 900123".into());
        decided(db, &people.grace, id, &words, "").await;
        let body = stored(db, id).await.body;
        assert_eq!(body, format!("Ring Sam on {REDACTED} after six"));
        let mut c = db.acquire().await.unwrap();
        for (_, text, _) in comments::versions(c.conn(), id).await.unwrap() {
            assert!(!text.contains("900123"), "{text}");
        }
        let decisions = moderation::decisions(c.conn(), id).await.unwrap();
        assert_eq!(decisions[0].action, "redact");
        assert_eq!(decisions[0].note, None);
    }
}

#[tokio::test]
async fn a_long_queue_is_counted_up_to_its_limit_and_paged_in_order() {
    use cohesion_domain::discussion::record::Badge;
    use cohesion_domain::discussion::thread::ThreadPath;
    use cohesion_storage::discussions::catalogue;
    use cohesion_storage::discussions::moderation::{Waiting, COUNTED_UP_TO};

    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let people = cast(db, &pw, "Long queue", "off").await;
        let d = people.d;
        // More held comments than the count counts, written as the
        // posting path writes them, severities 1 to 3.
        let n = COUNTED_UP_TO as usize + 5;
        let mut tx = db.begin().await.unwrap();
        let now = Timestamp::now();
        for i in 0..n {
            let seq = catalogue::place_top_level(tx.conn(), d, false)
                .await
                .unwrap()
                .unwrap();
            let path = ThreadPath::top(seq as u64).unwrap();
            let body = format!("Held comment {i}");
            let id = comments::insert(
                tx.conn(),
                &comments::NewComment {
                    discussion_id: d,
                    path: path.as_str(),
                    depth: 0,
                    parent_id: None,
                    root_id: None,
                    author_id: Some(people.rita.user_id),
                    author_name: None,
                    badge: Badge::CommunityMember,
                    body: &body,
                    state: State::AwaitingModeration,
                    created_at: now,
                    fingerprint: None,
                },
            )
            .await
            .unwrap();
            moderation::wait(
                tx.conn(),
                &Waiting {
                    comment_id: id,
                    discussion_id: d,
                    severity: 1 + (i % 3) as i64,
                    weight: 0,
                    held: true,
                    reported: false,
                    appealed: false,
                    reasons: "word:test",
                    at: now,
                },
            )
            .await
            .unwrap();
        }
        tx.commit().await.unwrap();

        let mut q = all();
        q.limit = 400;
        let (first, total) = moderating::queue(db, &people.grace, &q).await.unwrap();
        assert_eq!(total, COUNTED_UP_TO + 1, "counted up to one past the limit");
        assert_eq!(first.len(), 400);
        // The most serious first, and in order within the page.
        let severities: Vec<i64> = first.iter().map(|e| e.item.severity).collect();
        assert!(
            severities.windows(2).all(|w| w[0] >= w[1]),
            "{severities:?}"
        );
        assert_eq!(severities[0], 3);

        // With a filter that leaves few, the count is exact.
        q.reported = true;
        let (none, total) = moderating::queue(db, &people.grace, &q).await.unwrap();
        assert!(none.is_empty());
        assert_eq!(total, 0);
    }
}

#[tokio::test]
async fn a_report_of_something_else_must_say_what() {
    use cohesion_services::discussions::reactions;
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let people = cast(db, &pw, "Something else", "off").await;
        let d = people.d;
        let (id, _) = posted(db, &people.rita, d, "The bus shelter lights are out again").await;
        let e = reactions::report(db, &people.sam, id, "other", "  ")
            .await
            .unwrap_err();
        match e {
            ServiceError::Invalid(e) => {
                assert_eq!((e.field, e.code), ("note", ErrorCode::FieldRequired));
            }
            other => panic!("{other:?}"),
        }
        reactions::report(db, &people.sam, id, "other", "It names a neighbour's house")
            .await
            .unwrap();
        // Other reasons need no note.
        let (id2, _) = posted(db, &people.rita, d, "Buy cheap watches online today").await;
        reactions::report(db, &people.sam, id2, "spam", "")
            .await
            .unwrap();
    }
}

/// Warning or suspending the author of a held comment leaves the comment
/// in the queue: it is still held, and someone must still approve or
/// hide it.
#[tokio::test]
async fn a_sanction_on_a_held_comment_leaves_it_waiting() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let people = cast(db, &pw, "Held then sanctioned", "all").await;
        let d = people.d;
        let waiting = held(db, &people.rita, d, "Held until someone looks").await;

        decided(
            db,
            &people.karim,
            waiting,
            &Decision::Suspend(2),
            "Repeated abuse",
        )
        .await;
        assert_eq!(stored(db, waiting).await.state, State::AwaitingModeration);
        let (entries, _) = moderating::queue(db, &people.karim, &all()).await.unwrap();
        assert!(
            entries.iter().any(|e| e.item.comment_id == waiting),
            "the held comment still waits for a decision"
        );

        decided(db, &people.karim, waiting, &Decision::Approve, "").await;
        assert_eq!(stored(db, waiting).await.state, State::Published);
        let (entries, _) = moderating::queue(db, &people.karim, &all()).await.unwrap();
        assert!(entries.iter().all(|e| e.item.comment_id != waiting));
    }
}

#[tokio::test]
async fn one_appeal_covers_every_decision_and_overturning_lifts_the_sanction() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let people = cast(db, &pw, "Appealed", "off").await;
        let d = people.d;
        let threat = people.reported(db, "A line from a film", "threats").await;
        let hide = Decision::Hide(ReportReason::ThreatsOrViolence);
        decided(db, &people.grace, threat, &hide, "").await;
        decided(db, &people.grace, threat, &Decision::Suspend(3), "").await;
        let e = commenting::post(db, &people.rita, d, None, "Suspended, so refused")
            .await
            .unwrap_err();
        assert_eq!(code(e), ErrorCode::AccountSuspended);

        // The appeal covers both decisions, not only the latest.
        let appealed = moderating::appealable(db, &people.rita, threat)
            .await
            .unwrap();
        let actions: Vec<&str> = appealed.iter().map(|d| d.action.as_str()).collect();
        assert_eq!(actions, ["hide", "suspend"]);
        moderating::appeal(db, &people.rita, threat, "It was a quote from a film")
            .await
            .unwrap();
        moderating::decide_appeal(db, &people.karim, threat, false, "A film quote", None)
            .await
            .unwrap();

        // Overturned: shown again, the suspension lifted.
        assert_eq!(stored(db, threat).await.state, State::Published);
        commenting::post(db, &people.rita, d, None, "Free to write again")
            .await
            .unwrap();
        let mut c = db.acquire().await.unwrap();
        let histories = moderation::histories(c.conn(), &[people.rita.user_id])
            .await
            .unwrap();
        assert_eq!(histories[0].3, 0, "a lifted sanction no longer counts");
    }
}
