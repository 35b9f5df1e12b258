use cohesion_domain::feedback::PageFeedback;
use cohesion_domain::pages::InfoPage;
use cohesion_domain::programme::{ProgrammeText, Slug};
use cohesion_domain::rate_limit::RateLimit;
use cohesion_storage::site::{feedback, programmes};
use cohesion_storage::{rate_limits, Timestamp};
use cohesion_testkit as testkit;

fn texts() -> Vec<ProgrammeText> {
    vec![
        ProgrammeText::new(
            "en",
            "Test Programme",
            "Test Council",
            "An English summary.",
        )
        .unwrap(),
        ProgrammeText::new("ar", "برنامج تجريبي", "مجلس تجريبي", "ملخص بالعربية.").unwrap(),
    ]
}

#[tokio::test]
async fn programme_creation_is_idempotent_and_translated() {
    for t in testkit::engines().await {
        let slug = Slug::parse("test-programme").unwrap();
        let mut tx = t.db.begin().await.unwrap();
        assert!(programmes::create_if_absent(tx.conn(), &slug, &texts())
            .await
            .unwrap());
        assert!(!programmes::create_if_absent(tx.conn(), &slug, &texts())
            .await
            .unwrap());
        tx.commit().await.unwrap();

        let mut c = t.db.acquire().await.unwrap();
        let ar = programmes::featured(c.conn(), "ar", "en")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(ar.text.name, "برنامج تجريبي", "{:?}", t.engine());
        let en = programmes::featured(c.conn(), "en", "en")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(en.text.organisation, "Test Council");
        // A language with no translation falls back.
        let fr = programmes::featured(c.conn(), "fr", "en")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(fr.text.locale, "en");
        assert_eq!(fr.id, en.id);
    }
}

#[tokio::test]
async fn no_programme_means_none() {
    for t in testkit::engines().await {
        let mut c = t.db.acquire().await.unwrap();
        assert!(programmes::featured(c.conn(), "en", "en")
            .await
            .unwrap()
            .is_none());
    }
}

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
async fn feedback_is_tallied_per_page() {
    for t in testkit::engines().await {
        let mut c = t.db.acquire().await.unwrap();
        for (page, answer) in [
            ("about", "yes"),
            ("about", "yes"),
            ("about", "no"),
            ("home", "no"),
        ] {
            feedback::record(c.conn(), PageFeedback::parse(page, answer).unwrap())
                .await
                .unwrap();
        }
        let about = feedback::tally(c.conn(), InfoPage::About).await.unwrap();
        assert_eq!((about.useful, about.not_useful), (2, 1), "{:?}", t.engine());
        let privacy = feedback::tally(c.conn(), InfoPage::Privacy).await.unwrap();
        assert_eq!((privacy.useful, privacy.not_useful), (0, 0));
    }
}

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
