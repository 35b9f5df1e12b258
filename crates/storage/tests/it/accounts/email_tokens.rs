//! Tokens sent by email work once, for their purpose, until they expire.

use cohesion_storage::accounts::{email_tokens, users};
use cohesion_storage::Timestamp;
use cohesion_testkit as testkit;

use super::{at, new_user};

#[tokio::test]
async fn email_tokens_work_once_and_expire() {
    for t in testkit::engines().await {
        let id = new_user(&t, "verify@example.org").await;
        let mut c = t.db.acquire().await.unwrap();
        email_tokens::create(
            c.conn(),
            "h-live",
            id,
            "verify",
            "verify@example.org",
            at(3600),
        )
        .await
        .unwrap();
        email_tokens::create(
            c.conn(),
            "h-old",
            id,
            "verify",
            "verify@example.org",
            at(-1),
        )
        .await
        .unwrap();
        let now = Timestamp::now();
        assert_eq!(
            email_tokens::consume(c.conn(), "h-live", "reset", now)
                .await
                .unwrap(),
            None,
            "wrong purpose"
        );
        let used = email_tokens::consume(c.conn(), "h-live", "verify", now)
            .await
            .unwrap();
        assert_eq!(
            used,
            Some((id, "verify@example.org".to_owned())),
            "{:?}",
            t.engine()
        );
        assert_eq!(
            email_tokens::consume(c.conn(), "h-live", "verify", now)
                .await
                .unwrap(),
            None,
            "replayed"
        );
        assert_eq!(
            email_tokens::consume(c.conn(), "h-old", "verify", now)
                .await
                .unwrap(),
            None,
            "expired"
        );
        assert!(users::mark_verified(c.conn(), id, "verify@example.org")
            .await
            .unwrap());
        assert!(
            !users::mark_verified(c.conn(), id, "old@example.org")
                .await
                .unwrap(),
            "stale address"
        );
    }
}
