//! What a transaction and the timestamp type promise on both engines.

use cohesion_domain::programme::Slug;
use cohesion_storage::site::programmes;
use cohesion_storage::Timestamp;
use cohesion_testkit as testkit;

use crate::site::programmes::texts;

#[tokio::test]
async fn a_rolled_back_transaction_saves_nothing() {
    for t in testkit::engines().await {
        let slug = Slug::parse("rolled-back").unwrap();
        let mut tx = t.db.begin().await.unwrap();
        programmes::create_if_absent(tx.conn(), &slug, &texts())
            .await
            .unwrap();
        drop(tx);
        let mut c = t.db.acquire().await.unwrap();
        assert!(programmes::featured(c.conn(), "en", "en")
            .await
            .unwrap()
            .is_none());
    }
}

#[tokio::test]
async fn timestamps_round_trip_on_both_engines() {
    for t in testkit::engines().await {
        let now = Timestamp::now();
        let mut c = t.db.acquire().await.unwrap();
        let back: Timestamp = cohesion_storage::on_conn!(c.conn(), c => {
            sqlx::query_scalar("SELECT $1").bind(now).fetch_one(&mut *c).await.unwrap()
        });
        assert_eq!(back, now, "{:?}", t.engine());
    }
}

#[tokio::test]
async fn an_unflushed_transaction_saves_like_any_other_and_relaxes_only_itself() {
    for t in testkit::engines().await {
        let slug = Slug::parse("unflushed").unwrap();
        let mut tx = t.db.begin_unflushed().await.unwrap();
        if let cohesion_storage::Conn::Postgres(c) = tx.conn() {
            let inside: String = sqlx::query_scalar("SHOW synchronous_commit")
                .fetch_one(&mut *c)
                .await
                .unwrap();
            assert_eq!(inside, "off");
        }
        programmes::create_if_absent(tx.conn(), &slug, &texts())
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let mut c = t.db.acquire().await.unwrap();
        assert!(programmes::featured(c.conn(), "en", "en")
            .await
            .unwrap()
            .is_some());
        // Other work still waits for the disk.
        if let cohesion_storage::Conn::Postgres(c) = c.conn() {
            let after: String = sqlx::query_scalar("SHOW synchronous_commit")
                .fetch_one(&mut *c)
                .await
                .unwrap();
            assert_eq!(after, "on");
        }
    }
}
