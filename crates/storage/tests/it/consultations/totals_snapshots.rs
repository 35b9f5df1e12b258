//! The public's copy of the running totals (ADR 30): copied whole and of
//! one moment, and replaced only by the reader who finds the copy it
//! read, so two readers finding it due copy once; on both engines.

use cohesion_domain::consultation::ConsultationFields;
use cohesion_storage::consultations::{catalogue, totals, totals_snapshots};
use cohesion_storage::{Db, Timestamp};
use cohesion_testkit as testkit;
use time::macros::datetime;
use time::Duration;
use uuid::Uuid;

async fn consultation(db: &Db) -> Uuid {
    let fields = ConsultationFields {
        title: "Parks".into(),
        summary: "Parks".into(),
        body: String::new(),
        topics: Vec::new(),
        area: None,
        opens_at: datetime!(2020-01-01 09:00 UTC),
        closes_at: datetime!(2099-01-01 09:00 UTC),
        allow_anonymous: true,
        strands: Vec::new(),
        documents: Vec::new(),
        language: "en".into(),
    };
    let mut c = db.acquire().await.unwrap();
    catalogue::insert(c.conn(), &fields, r#"{"pages":[]}"#, None)
        .await
        .unwrap()
}

/// Counts `n` respondents answering q1 with `choice`.
async fn answer(db: &Db, id: Uuid, choice: i64, n: i64) {
    let keys = [("q1".to_owned(), 0, choice), ("q1".to_owned(), -1, -1)];
    let mut tx = db.begin().await.unwrap();
    totals::adjust_counts(tx.conn(), id, &keys, n, n)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

#[tokio::test]
async fn a_snapshot_copies_the_totals_once_and_is_replaced_only_from_what_was_read() {
    for t in testkit::engines().await {
        let db = &t.db;
        let id = consultation(db).await;
        let other = consultation(db).await;
        answer(db, id, 0, 12).await;
        answer(db, id, 1, 3).await;
        answer(db, other, 2, 5).await;
        let mut c = db.acquire().await.unwrap();
        assert_eq!(
            totals_snapshots::snapshot(c.conn(), id).await.unwrap(),
            None
        );
        drop(c);

        let first = Timestamp::from(datetime!(2026-12-06 09:00 UTC));
        let mut tx = db.begin().await.unwrap();
        assert!(totals_snapshots::take(tx.conn(), id, first, None)
            .await
            .unwrap());
        tx.commit().await.unwrap();
        let mut c = db.acquire().await.unwrap();
        let taken = totals_snapshots::snapshot(c.conn(), id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!((taken.taken_at, taken.response_count), (first, 15));
        let q1 = |choice: i64, n: i64| ("q1".to_owned(), 0, choice, n);
        let expected = vec![("q1".to_owned(), -1, -1, 15), q1(0, 12), q1(1, 3)];
        assert_eq!(taken.counts, expected, "this consultation's totals only");
        assert_eq!(totals::counts(c.conn(), id).await.unwrap().len(), 3);
        drop(c);

        // The totals move on; the copy does not.
        answer(db, id, 1, 10).await;
        // A second "first" snapshot (two readers found none) copies nothing.
        let mut tx = db.begin().await.unwrap();
        let again = Timestamp::from(first.as_offset() + Duration::seconds(1));
        assert!(!totals_snapshots::take(tx.conn(), id, again, None)
            .await
            .unwrap());
        tx.commit().await.unwrap();
        // Replacing the copy read: done once; the second reader, which read
        // the same copy, finds it replaced and copies nothing.
        let later = Timestamp::from(first.as_offset() + Duration::hours(25));
        for (expected, at) in [(true, later), (false, again)] {
            let mut tx = db.begin().await.unwrap();
            let took = totals_snapshots::take(tx.conn(), id, at, Some(first))
                .await
                .unwrap();
            tx.commit().await.unwrap();
            assert_eq!(took, expected);
        }
        let mut c = db.acquire().await.unwrap();
        let taken = totals_snapshots::snapshot(c.conn(), id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!((taken.taken_at, taken.response_count), (later, 25));
        let expected = vec![("q1".to_owned(), -1, -1, 25), q1(0, 12), q1(1, 13)];
        assert_eq!(taken.counts, expected);
        assert_eq!(
            totals_snapshots::taken(c.conn(), id).await.unwrap(),
            Some((later, 25))
        );
        drop(c);

        let mut tx = db.begin().await.unwrap();
        totals_snapshots::delete(tx.conn(), id).await.unwrap();
        tx.commit().await.unwrap();
        let mut c = db.acquire().await.unwrap();
        assert_eq!(
            totals_snapshots::snapshot(c.conn(), id).await.unwrap(),
            None
        );
        assert_eq!(totals_snapshots::taken(c.conn(), id).await.unwrap(), None);
    }
}
