//! The site's programme, created once and read in each language.

use cohesion_domain::programme::{ProgrammeText, Slug};
use cohesion_storage::site::programmes;
use cohesion_testkit as testkit;

pub(crate) fn texts() -> Vec<ProgrammeText> {
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
