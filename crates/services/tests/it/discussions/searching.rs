//! Searching comments: only what everyone may read is found, whoever
//! asks (held, hidden, deleted and redacted text never); Arabic is found
//! however it is spelled or voweled; pages follow one another.

use cohesion_domain::discussion::decision::Decision;
use cohesion_domain::discussion::moderation::ReportReason;
use cohesion_domain::ErrorCode;
use cohesion_services::accounts::Passwords;
use cohesion_services::discussions::{commenting, moderating, searching};
use cohesion_testkit as testkit;
use uuid::Uuid;

use super::fixtures::{cast, decided};
use super::opened;
use crate::consultations::{officer, resident};
use crate::support::code;

async fn found(db: &cohesion_storage::Db, q: &str) -> Vec<Uuid> {
    let (list, _) = searching::comments(db, q, None).await.unwrap();
    list.into_iter().map(|f| f.comment.id).collect()
}

#[tokio::test]
async fn search_finds_only_what_everyone_may_read() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let people = cast(db, &pw, "Lights", "off").await;
        let open = people.d;
        let held = opened(db, &people.officer, "Held here", -1, "all").await;

        let shown = commenting::post(db, &people.rita, open, None, "The LIBRARY should open late")
            .await
            .unwrap();
        let waiting = commenting::post(
            db,
            &people.sam,
            held,
            None,
            "The library waits for a moderator",
        )
        .await
        .unwrap();
        assert!(waiting.held);
        let hidden = commenting::post(db, &people.sam, open, None, "Hide this library comment")
            .await
            .unwrap();
        let hide = Decision::Hide(ReportReason::from_code("off_topic").unwrap());
        decided(db, &people.grace, hidden.id, &hide, "").await;
        let deleted =
            commenting::post(db, &people.sam, open, None, "A library comment I take back")
                .await
                .unwrap();
        commenting::delete(db, &people.sam, deleted.id)
            .await
            .unwrap();
        let redacted = commenting::post(
            db,
            &people.rita,
            open,
            None,
            "Call me on 07700 900123 about it",
        )
        .await
        .unwrap();
        moderating::decide(
            db,
            &people.grace,
            redacted.id,
            &Decision::Redact("07700 900123".into()),
            "",
            None,
        )
        .await
        .unwrap();

        assert_eq!(
            found(db, "library").await,
            [shown.id],
            "case ignored, the rest never"
        );
        assert!(
            found(db, "07700").await.is_empty(),
            "redacted words are gone"
        );
        assert_eq!(found(db, "call me").await, [redacted.id]);

        // Approved, the held comment is found.
        decided(db, &people.grace, waiting.id, &Decision::Approve, "").await;
        assert_eq!(
            found(db, "library").await,
            [waiting.id, shown.id],
            "newest first"
        );

        let e = searching::comments(db, "l", None).await.unwrap_err();
        assert_eq!(code(e), ErrorCode::FieldRequired);
    }
}

#[tokio::test]
async fn arabic_is_found_however_it_is_spelled() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let rita = resident(db, &pw).await;
        let d = opened(db, &officer, "الأمان", -1, "off").await;
        let c = commenting::post(db, &rita, d, None, "نريد الأمانَ في المدرسة ليلًا")
            .await
            .unwrap();
        for q in ["الامان", "الأمان", "الأمانَ", "المدرسه", "مدرسة"]
        {
            assert_eq!(found(db, q).await, [c.id], "{q}");
        }
        assert!(found(db, "الأمن").await.is_empty());
    }
}

#[tokio::test]
async fn results_come_a_page_at_a_time() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let d = opened(db, &officer, "Many", -1, "off").await;
        let mut posted = Vec::new();
        for i in 0..(searching::PER_PAGE + 3) {
            // Officers are not throttled or held, so a burst is quick.
            let c = commenting::post(db, &officer, d, None, &format!("Bins number {i}"))
                .await
                .unwrap();
            posted.push(c.id);
        }
        let (first, next) = searching::comments(db, "bins", None).await.unwrap();
        assert_eq!(first.len() as i64, searching::PER_PAGE);
        let next = next.expect("a second page");
        let token = searching::after_token(next);
        let (second, last) = searching::comments(db, "bins", searching::after_from_token(&token))
            .await
            .unwrap();
        assert_eq!(second.len(), 3);
        assert!(last.is_none());
        let mut all: Vec<Uuid> = first.iter().chain(&second).map(|f| f.comment.id).collect();
        all.reverse();
        assert_eq!(all, posted);
    }
}
