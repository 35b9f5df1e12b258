//! The list of discussions and the home page's shortlists: one order for
//! both, and a topic filter offering the topics published discussions
//! use, matched whole.

use cohesion_domain::consultation::{Languages, Status};
use cohesion_domain::local_time::SiteZone;
use cohesion_domain::translation::Texts;
use cohesion_services::accounts::Passwords;
use cohesion_services::discussions::{authoring, reading, translations, ListQuery};
use cohesion_testkit as testkit;
use uuid::Uuid;

use super::{input, opened};
use crate::consultations::officer;

/// The titles a list query finds, in its order.
async fn titles(db: &cohesion_storage::Db, q: ListQuery<'_>) -> Vec<String> {
    let (list, _) = reading::list(db, None, q).await.unwrap();
    list.into_iter().map(|d| d.title).collect()
}

#[tokio::test]
async fn the_list_and_the_home_page_keep_one_order() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        // Open: closing in 29 days and in 10; upcoming: opening in 5
        // days and in 2.
        opened(db, &officer, "Open, closing later", -1, "off").await;
        opened(db, &officer, "Open, closing sooner", -20, "off").await;
        opened(db, &officer, "Upcoming, opening later", 5, "off").await;
        opened(db, &officer, "Upcoming, opening sooner", 2, "off").await;
        let all = ListQuery {
            limit: 20,
            ..ListQuery::default()
        };
        assert_eq!(
            titles(db, all).await,
            [
                "Open, closing sooner",
                "Open, closing later",
                "Upcoming, opening sooner",
                "Upcoming, opening later"
            ]
        );
        let home: Vec<String> = reading::shortlist(db, Status::Open, 5)
            .await
            .unwrap()
            .into_iter()
            .map(|d| d.title)
            .collect();
        assert_eq!(home, ["Open, closing sooner", "Open, closing later"]);
        let upcoming: Vec<String> = reading::shortlist(db, Status::Upcoming, 5)
            .await
            .unwrap()
            .into_iter()
            .map(|d| d.title)
            .collect();
        assert_eq!(
            upcoming,
            ["Upcoming, opening sooner", "Upcoming, opening later"]
        );
    }
}

#[tokio::test]
async fn the_topic_filter_offers_the_topics_in_use_and_matches_them_whole() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let safety = opened(db, &officer, "Safety", -1, "off").await;
        let mut community = input("Community", -1, "off");
        community.topics = "Community safety, Safety".into();
        let id: Uuid = authoring::create(
            db,
            &officer,
            &community,
            &SiteZone::utc(),
            &Languages::new("en", ["ar"]),
            None,
        )
        .await
        .unwrap();
        authoring::set_published(db, &officer, id, true, None)
            .await
            .unwrap();
        // A draft's topics are nobody's to see.
        let mut draft = input("Draft", -1, "off");
        draft.topics = "Secret plans".into();
        authoring::create(
            db,
            &officer,
            &draft,
            &SiteZone::utc(),
            &Languages::new("en", ["ar"]),
            None,
        )
        .await
        .unwrap();

        let topics = reading::topics(db, "en").await.unwrap();
        assert_eq!(
            topics,
            [
                ("Community safety".to_owned(), "Community safety".to_owned()),
                ("Safety".to_owned(), "Safety".to_owned()),
            ]
        );
        // In Arabic, labelled as translated; the value stays as written.
        let arabic: Texts = [("topic.0".to_owned(), "السلامة".to_owned())]
            .into_iter()
            .collect();
        translations::set_translation(db, &officer, safety, "ar", &arabic, None)
            .await
            .unwrap();
        let topics = reading::topics(db, "ar").await.unwrap();
        assert!(
            topics.contains(&("Safety".to_owned(), "السلامة".to_owned())),
            "{topics:?}"
        );

        // "Safety" is a topic of both, matched whole and in any case;
        // "Community safety" only of one.
        let of = |topic| ListQuery {
            topic: Some(topic),
            limit: 20,
            ..ListQuery::default()
        };
        let mut both = titles(db, of("SAFETY")).await;
        both.sort();
        assert_eq!(both, ["Community", "Safety"]);
        assert_eq!(titles(db, of("Community safety")).await, ["Community"]);
        assert!(titles(db, of("safe")).await.is_empty());
    }
}
