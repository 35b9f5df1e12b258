//! Rate-limit counters per bucket and window, on both engines.

use cohesion_domain::rate_limit::RateLimit;
use cohesion_storage::rate_limits;
use cohesion_testkit as testkit;

#[tokio::test]
async fn rate_limit_counts_per_bucket_and_window_and_purges() {
    for t in testkit::engines().await {
        let limit = RateLimit::new(2, 60);
        let mut c = t.db.acquire().await.unwrap();
        let now = 1_800_000_030;
        assert_eq!(
            rate_limits::hit(c.conn(), "a", limit, now).await.unwrap(),
            1
        );
        assert_eq!(
            rate_limits::hit(c.conn(), "a", limit, now + 1)
                .await
                .unwrap(),
            2
        );
        assert_eq!(
            rate_limits::hit(c.conn(), "b", limit, now).await.unwrap(),
            1
        );
        // The next window starts afresh.
        assert_eq!(
            rate_limits::hit(c.conn(), "a", limit, now + 60)
                .await
                .unwrap(),
            1
        );
        let purged = rate_limits::purge_before(c.conn(), now + 30).await.unwrap();
        assert_eq!(purged, 2, "the two first-window buckets go");
    }
}

#[tokio::test]
async fn concurrent_rate_limit_hits_are_all_counted() {
    for t in testkit::engines().await {
        let limit = RateLimit::new(1000, 60);
        let mut tasks = Vec::new();
        for _ in 0..20 {
            let db = t.db.clone();
            tasks.push(tokio::spawn(async move {
                let mut c = db.acquire().await.unwrap();
                rate_limits::hit(c.conn(), "shared", limit, 1_800_000_000)
                    .await
                    .unwrap()
            }));
        }
        let mut seen = Vec::new();
        for task in tasks {
            seen.push(task.await.unwrap());
        }
        seen.sort();
        assert_eq!(seen, (1..=20).collect::<Vec<u32>>(), "{:?}", t.engine());
    }
}
