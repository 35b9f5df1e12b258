//! The site's programme: the demo's, in both languages, and kept a
//! moment by each server.

use cohesion_services::site::content;
use cohesion_services::site::demo;
use cohesion_testkit as testkit;

#[tokio::test]
async fn demo_loads_once_in_both_languages() {
    for t in testkit::engines().await {
        assert!(demo::load(&t.db).await.unwrap(), "first load adds the demo");
        assert!(
            !demo::load(&t.db).await.unwrap(),
            "second load adds nothing"
        );
        let en = content::programme(&t.db, "en", "en")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(en.text.name, "Brightwater Together");
        let ar = content::programme(&t.db, "ar", "en")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(ar.text.name, "برايتووتر معًا");
    }
}

#[tokio::test]
async fn site_content_is_cached_for_its_ttl_and_invalidated_on_demand() {
    use std::time::Duration;
    for t in testkit::engines().await {
        let cached = content::SiteContent::new(t.db.clone(), Duration::from_secs(3600));
        let uncached = content::SiteContent::new(t.db.clone(), Duration::ZERO);
        assert!(cached.programme("en", "en").await.unwrap().is_none());
        demo::load(&t.db).await.unwrap();
        assert!(
            cached.programme("en", "en").await.unwrap().is_none(),
            "still cached"
        );
        assert!(
            uncached.programme("en", "en").await.unwrap().is_some(),
            "no cache, fresh answer"
        );
        cached.invalidate();
        let fresh = cached.programme("en", "en").await.unwrap().unwrap();
        assert_eq!(fresh.text.name, "Brightwater Together");
    }
}
