//! Subscribing: the same answer whether or not the address is
//! subscribed, a confirmation link that opens a page with a button and
//! works once, forged and reused links refused plainly, and throttles.

use cohesion_storage::messaging::subscribers;
use cohesion_testkit::http;

use super::{areas_and_topics, link_in, mail_to, servers};
use crate::support::text_of;

/// Posts the subscription form as a fresh visitor.
async fn subscribe(s: &crate::support::Server, fields: &[(&str, &str)]) -> reqwest::Response {
    let (cookie, token) = http::open_form(&s.client, &s.url("/community-messages/subscribe")).await;
    let mut all = vec![("csrf", token.as_str())];
    all.extend_from_slice(fields);
    s.post(
        "/community-messages/subscribe",
        &format!("cohesion_csrf={cookie}"),
        &all,
    )
    .await
}

#[tokio::test]
async fn subscribing_is_confirmed_once_by_email_and_says_nothing_of_who_is_subscribed() {
    for s in servers().await {
        let (areas, topics) = areas_and_topics(s.db()).await;
        let (area, topic) = (areas[0].to_string(), topics[1].to_string());
        let html = s.html("/community-messages/subscribe").await;
        assert!(text_of(&html).contains("Get community messages by email"));
        assert!(html.contains("Online safety"), "topics are listed");

        let form = [
            ("email", "Noor@Example.org"),
            ("areas", area.as_str()),
            ("topics", topic.as_str()),
            ("language", "ar"),
        ];
        let res = subscribe(&s, &form).await;
        assert_eq!(res.status(), 303);
        let sent = res.headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(sent, "/community-messages/subscribe/sent");
        // An address subscribed already (a demo subscriber) gets the
        // same answer: nobody learns who subscribes.
        let res = subscribe(
            &s,
            &[
                ("email", "layla@example.org"),
                ("all_areas", "yes"),
                ("topics", topic.as_str()),
                ("language", "en"),
            ],
        )
        .await;
        assert_eq!(res.status(), 303);
        assert_eq!(res.headers()["location"], sent.as_str());
        assert!(text_of(&s.html(&sent).await).contains("Check your email"));

        // Not subscribed until confirmed; the email is in Arabic.
        let mut c = s.db().acquire().await.unwrap();
        assert!(subscribers::by_email(c.conn(), "noor@example.org")
            .await
            .unwrap()
            .is_none());
        drop(c);
        let mail = mail_to(s.db(), "noor@example.org").await;
        assert_eq!(mail.len(), 1);
        assert!(mail[0].private, "the link is not for the outbox page");
        assert!(mail[0].subject.contains("أكّد"), "{}", mail[0].subject);
        let link = link_in(&mail[0].body, "/community-messages/confirm?token=");

        // Opening the link uses nothing: it asks.
        let page = s.html(&link).await;
        assert!(text_of(&page).contains("Confirm your subscription"));
        assert!(text_of(&page).contains("Online safety"), "{page}");
        let res = s.client.post(s.url(&link)).send().await.unwrap();
        assert_eq!(res.status(), 200);
        assert!(text_of(&res.text().await.unwrap()).contains("You are subscribed"));
        let mut c = s.db().acquire().await.unwrap();
        let sub = subscribers::by_email(c.conn(), "noor@example.org")
            .await
            .unwrap()
            .expect("subscribed");
        assert_eq!(sub.locale, "ar");
        assert_eq!(sub.choices.topics, vec![topics[1]]);
        drop(c);

        // Used once: again, it says so plainly, and harmlessly.
        for path in [
            link.clone(),
            "/community-messages/confirm?token=forged".to_owned(),
            "/community-messages/confirm".to_owned(),
        ] {
            let res = s.client.post(s.url(&path)).send().await.unwrap();
            assert_eq!(res.status(), 400, "{path}");
            let text = text_of(&res.text().await.unwrap());
            assert!(text.contains("has expired or was already used"), "{text}");
            assert_eq!(s.get(&path).await.status(), 400);
        }
        // Forged unsubscribe links too.
        let forged = "/community-messages/unsubscribe?token=0190.abc";
        assert_eq!(
            s.client.post(s.url(forged)).send().await.unwrap().status(),
            400
        );
    }
}

#[tokio::test]
async fn bad_choices_are_named_and_nothing_is_sent() {
    for s in servers().await {
        let res = subscribe(
            &s,
            &[
                ("email", "not an address"),
                ("areas", "forged"),
                ("language", "fr"),
            ],
        )
        .await;
        assert_eq!(res.status(), 422);
        let text = text_of(&res.text().await.unwrap());
        assert!(text.contains("There is a problem"), "{text}");
        assert!(mail_to(s.db(), "not an address").await.is_empty());
    }
}

#[tokio::test]
async fn a_flood_for_one_address_is_dropped_quietly_and_a_flooding_client_is_told() {
    for s in servers().await {
        let (_, topics) = areas_and_topics(s.db()).await;
        let topic = topics[0].to_string();
        let form = |email: &'static str| {
            vec![
                ("email", email),
                ("all_areas", "yes"),
                ("topics", topic.as_str()),
                ("language", "en"),
            ]
        };
        for _ in 0..5 {
            let res = subscribe(&s, &form("flood@example.org")).await;
            assert_eq!(res.status(), 303, "the same answer every time");
        }
        assert_eq!(mail_to(s.db(), "flood@example.org").await.len(), 3);
        // One client asking again and again is told to wait.
        let mut last = 0;
        for _ in 0..20 {
            last = subscribe(&s, &form("other@example.org"))
                .await
                .status()
                .as_u16();
            if last == 429 {
                break;
            }
        }
        assert_eq!(last, 429);
    }
}
