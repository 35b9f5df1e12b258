//! Accounts storage on both engines.

use cohesion_domain::identity::{DisplayName, Email, Role};
use cohesion_storage::accounts::sessions::{self, NewSession};
use cohesion_storage::accounts::{email_tokens, users};
use cohesion_storage::audit::{self, AuditQuery, NewAuditEntry};
use cohesion_storage::{outbox, Timestamp};
use cohesion_testkit as testkit;
use time::Duration;

async fn new_user(t: &testkit::TestDb, email: &str) -> uuid::Uuid {
    let mut c = t.db.acquire().await.unwrap();
    users::insert(
        c.conn(),
        &Email::parse(email).unwrap(),
        &DisplayName::parse("Amina K").unwrap(),
        "hash",
        "ar",
    )
    .await
    .unwrap()
    .expect("a new address")
}

fn at(offset_secs: i64) -> Timestamp {
    Timestamp::from(Timestamp::now().as_offset() + Duration::seconds(offset_secs))
}

#[tokio::test]
async fn one_account_per_address() {
    for t in testkit::engines().await {
        let id = new_user(&t, "amina@example.org").await;
        let mut c = t.db.acquire().await.unwrap();
        let again = users::insert(
            c.conn(),
            &Email::parse("AMINA@example.org").unwrap(),
            &DisplayName::parse("Someone").unwrap(),
            "other",
            "en",
        )
        .await
        .unwrap();
        assert_eq!(again, None, "{:?}", t.engine());
        let found = users::find_by_email(c.conn(), &Email::parse("amina@example.org").unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(found.id, id);
        assert_eq!(found.display_name.as_deref(), Some("Amina K"));
        assert_eq!(found.email_verified_at, None);
    }
}

#[tokio::test]
async fn roles_are_granted_once() {
    for t in testkit::engines().await {
        let id = new_user(&t, "officer@example.org").await;
        let mut c = t.db.acquire().await.unwrap();
        assert!(users::grant_role(c.conn(), id, Role::Officer, None)
            .await
            .unwrap());
        assert!(!users::grant_role(c.conn(), id, Role::Officer, None)
            .await
            .unwrap());
        users::grant_role(c.conn(), id, Role::Analyst, Some(id))
            .await
            .unwrap();
        assert_eq!(
            users::roles(c.conn(), id).await.unwrap(),
            vec![Role::Analyst, Role::Officer]
        );
    }
}

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

#[tokio::test]
async fn sessions_are_found_by_hash_and_ended() {
    for t in testkit::engines().await {
        let id = new_user(&t, "session@example.org").await;
        let mut c = t.db.acquire().await.unwrap();
        for hash in ["s1", "s2"] {
            let s = NewSession {
                id: cohesion_storage::new_id(),
                token_hash: hash,
                user_id: id,
                csrf_token: "csrf",
                now: Timestamp::now(),
                expires_at: at(3600),
                user_agent: Some("test"),
            };
            sessions::create(c.conn(), s).await.unwrap();
        }
        let found = sessions::find(c.conn(), "s1").await.unwrap().unwrap();
        assert_eq!(found.user_id, id);
        assert!(found.expires_at > found.created_at);
        sessions::touch(c.conn(), "s1", at(60)).await.unwrap();
        assert!(
            sessions::find(c.conn(), "s1")
                .await
                .unwrap()
                .unwrap()
                .last_seen_at
                > found.last_seen_at
        );
        assert!(sessions::delete(c.conn(), "s1").await.unwrap());
        assert!(sessions::find(c.conn(), "s1").await.unwrap().is_none());
        assert_eq!(
            sessions::delete_for_user(c.conn(), id).await.unwrap(),
            1,
            "sign out everywhere"
        );
    }
}

#[tokio::test]
async fn outbox_and_audit_log_list_newest_first() {
    for t in testkit::engines().await {
        let mut c = t.db.acquire().await.unwrap();
        for n in 0..3 {
            outbox::push(c.conn(), "a@example.org", &format!("subject {n}"), "body")
                .await
                .unwrap();
            let e = NewAuditEntry {
                actor_id: None,
                action: if n == 1 {
                    "role.grant"
                } else {
                    "account.create"
                },
                subject_id: None,
                detail: &format!("entry {n}"),
                client: Some("192.0.2.1"),
            };
            audit::append(c.conn(), e).await.unwrap();
        }
        let mail = outbox::recent(c.conn(), 2).await.unwrap();
        assert_eq!(
            mail.iter().map(|m| m.subject.as_str()).collect::<Vec<_>>(),
            ["subject 2", "subject 1"]
        );
        let first = audit::page(
            c.conn(),
            &AuditQuery {
                limit: 2,
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert_eq!(
            first.iter().map(|e| e.detail.as_str()).collect::<Vec<_>>(),
            ["entry 2", "entry 1"]
        );
        let next = audit::page(
            c.conn(),
            &AuditQuery {
                before: Some(first[1].id),
                limit: 2,
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert_eq!(
            next.iter().map(|e| e.detail.as_str()).collect::<Vec<_>>(),
            ["entry 0"]
        );
        let grants = audit::page(
            c.conn(),
            &AuditQuery {
                action: Some("role.grant"),
                limit: 10,
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert_eq!(grants.len(), 1, "{:?}", t.engine());
    }
}

#[tokio::test]
async fn outbox_messages_are_claimed_once_and_can_be_released() {
    for t in testkit::engines().await {
        let mut c = t.db.acquire().await.unwrap();
        let mut ids = vec![];
        for n in 0..3 {
            let id = outbox::push(c.conn(), "a@example.org", &format!("subject {n}"), "body")
                .await
                .unwrap();
            ids.push(id);
        }
        let pending = outbox::pending(c.conn(), 2).await.unwrap();
        assert_eq!(
            pending.iter().map(|m| m.id).collect::<Vec<_>>(),
            ids[..2],
            "oldest first, bounded: {:?}",
            t.engine()
        );

        let now = Timestamp::now();
        assert!(outbox::claim(c.conn(), ids[0], now).await.unwrap());
        assert!(
            !outbox::claim(c.conn(), ids[0], now).await.unwrap(),
            "a second claim loses"
        );
        let pending = outbox::pending(c.conn(), 10).await.unwrap();
        assert_eq!(pending.iter().map(|m| m.id).collect::<Vec<_>>(), ids[1..]);
        let sent = outbox::recent(c.conn(), 10).await.unwrap();
        let first = sent.iter().find(|m| m.id == ids[0]).unwrap();
        assert_eq!(first.sent_at, Some(now), "claimed means marked sent");

        outbox::release(c.conn(), ids[0]).await.unwrap();
        let pending = outbox::pending(c.conn(), 10).await.unwrap();
        assert_eq!(pending.len(), 3, "released, so pending again");
        assert_eq!(pending[0].id, ids[0], "and still first in line");
        assert!(outbox::claim(c.conn(), ids[0], now).await.unwrap());
    }
}
