//! "Is this page useful?" answers, tallied per page.

use cohesion_domain::feedback::PageFeedback;
use cohesion_domain::pages::InfoPage;
use cohesion_storage::site::feedback;
use cohesion_testkit as testkit;

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
