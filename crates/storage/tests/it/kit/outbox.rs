//! The outbox and the audit log list newest first; a message is claimed
//! by one sender, and released for a later try.

use cohesion_storage::audit::{self, AuditQuery, NewAuditEntry};
use cohesion_storage::{outbox, Timestamp};
use cohesion_testkit as testkit;

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
