//! "Is this page useful?"

use cohesion_domain::pages::InfoPage;
use cohesion_domain::rate_limit::RateLimit;
use cohesion_domain::ErrorCode;
use cohesion_services::site::feedback;
use cohesion_services::ServiceError;
use cohesion_testkit as testkit;

#[tokio::test]
async fn feedback_is_recorded_and_rate_limited_per_client() {
    for t in testkit::engines().await {
        let limit = RateLimit::new(2, 3600);
        let tally = feedback::record(&t.db, "about", "yes", "192.0.2.1", limit)
            .await
            .unwrap();
        assert_eq!(tally.useful, 1);
        feedback::record(&t.db, "about", "no", "192.0.2.1", limit)
            .await
            .unwrap();
        let err = feedback::record(&t.db, "about", "yes", "192.0.2.1", limit)
            .await
            .unwrap_err();
        assert!(matches!(err, ServiceError::RateLimited { retry_after } if retry_after > 0));
        // Another client is not affected, and the refused answer was not saved.
        let tally = feedback::record(&t.db, "about", "yes", "192.0.2.2", limit)
            .await
            .unwrap();
        assert_eq!((tally.useful, tally.not_useful), (2, 1));
    }
}

#[tokio::test]
async fn invalid_feedback_saves_nothing() {
    for t in testkit::engines().await {
        let limit = RateLimit::new(10, 60);
        let err = feedback::record(&t.db, "nowhere", "yes", "x", limit)
            .await
            .unwrap_err();
        assert!(matches!(err, ServiceError::Invalid(e) if e.code == ErrorCode::UnknownPage));
        let tally = feedback::tally(&t.db, InfoPage::Home).await.unwrap();
        assert_eq!((tally.useful, tally.not_useful), (0, 0));
    }
}
