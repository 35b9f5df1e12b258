//! Officers send a message to chosen areas and topics: only matching
//! confirmed subscribers receive it, each in their language, over the
//! loopback SMTP server with one-click unsubscribe headers; officers see
//! counts, never addresses; scheduled sends go out when due; the
//! archive and feed show it; your data and erasure cover subscriptions.

use cohesion_domain::community_message::Choices;
use cohesion_i18n::Catalog;
use cohesion_services::accounts::demo::DEMO_PASSWORD;
use cohesion_services::accounts::{self, your_data};
use cohesion_services::mail::{deliver_pending, Mailer};
use cohesion_services::messaging::authoring;
use cohesion_storage::messaging::subscribers;
use cohesion_testkit::smtp::SmtpServer;
use cohesion_web::WebConfig;

use super::{areas_and_topics, link_in, servers, subscribed, AMINA, HELEN};
use crate::support::text_of;

async fn me(s: &crate::support::Server, cookie: &str) -> accounts::SignedIn {
    let value = cookie.trim_start_matches("cohesion_session=");
    accounts::session(s.db(), value).await.unwrap().unwrap()
}

fn state(s: &crate::support::Server) -> cohesion_web::SharedState {
    cohesion_web::state(
        s.db().clone(),
        Catalog::load().unwrap(),
        WebConfig::default(),
    )
}

#[tokio::test]
async fn an_officer_sends_to_chosen_areas_and_topics_in_each_subscribers_language() {
    for s in servers().await {
        let (areas, topics) = areas_and_topics(s.db()).await;
        let choice = |all: bool, a: &[usize], t: &[usize]| Choices {
            all_areas: all,
            areas: a.iter().map(|i| areas[*i]).collect(),
            topics: t.iter().map(|i| topics[*i]).collect(),
        };
        subscribed(s.db(), "ann@example.net", "en", choice(false, &[5], &[1])).await;
        subscribed(
            s.db(),
            "basma@example.net",
            "ar",
            choice(true, &[], &[1, 2]),
        )
        .await;
        subscribed(s.db(), "carl@example.net", "en", choice(false, &[4], &[1])).await;
        subscribed(s.db(), "dina@example.net", "en", choice(false, &[5], &[3])).await;

        let (helen, csrf) = s.sign_in(HELEN, DEMO_PASSWORD).await;
        let (status, html) = s.page("/manage", &helen).await;
        assert_eq!(status, 200);
        assert!(html.contains("/manage/community-messages/new"), "the panel");
        let (area, topic) = (areas[5].to_string(), topics[1].to_string());
        let res = s
            .post(
                "/manage/community-messages/new",
                &helen,
                &[
                    ("csrf", &csrf),
                    ("subject", "Scam calls about bins"),
                    (
                        "body",
                        "Nobody from the council will ask for **card details**.",
                    ),
                    ("language", "en"),
                    ("areas", &area),
                    ("topics", &topic),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let at = res.headers()["location"].to_str().unwrap().to_owned();
        let page = at.split('?').next().unwrap().to_owned();
        let id = page.rsplit('/').next().unwrap().to_owned();
        let res = s
            .post(
                &format!("{page}/translate"),
                &helen,
                &[
                    ("csrf", &csrf),
                    ("language", "ar"),
                    ("subject", "مكالمات احتيال بشأن الحاويات"),
                    ("body", "لن يطلب منك أحد من المجلس **بيانات بطاقتك**."),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);

        // Counts only: how many it reaches, never who; a preview in
        // each language.
        let (_, html) = s.page(&page, &helen).await;
        let text = text_of(&html);
        assert!(!html.contains("@example.net"), "no addresses");
        assert!(text.contains("confirmed subscriber"), "{text}");
        assert!(text.contains("As it arrives in"), "{text}");
        assert!(html.contains("مكالمات احتيال"), "the Arabic preview");
        // Asked first, then sent.
        let (status, ask) = s.page(&format!("{page}/send?send_at="), &helen).await;
        assert_eq!(status, 200);
        assert!(text_of(&ask).contains("Yes, send it"));
        let res = s
            .post(
                &format!("{page}/send"),
                &helen,
                &[("csrf", &csrf), ("send_at", ""), ("confirm", "yes")],
            )
            .await;
        assert_eq!(res.status(), 303);
        // The server queues it off the request; a round makes sure.
        cohesion_web::community_message_round(&state(&s))
            .await
            .unwrap();
        let smtp = SmtpServer::start().await;
        let mailer = Mailer::new(&smtp.url(), "no-reply@council.example").unwrap();
        for _ in 0..5 {
            deliver_pending(s.db(), &mailer, 100).await.unwrap();
        }
        let got = smtp.received();
        let to = |who: &str| got.iter().find(|m| m.rcpt_to == [who]).cloned();
        assert!(to("carl@example.net").is_none(), "another area");
        assert!(to("dina@example.net").is_none(), "another topic");
        let ann = to("ann@example.net").expect("Ann's copy");
        assert_eq!(ann.decoded_subject(), "Scam calls about bins");
        let basma = to("basma@example.net").expect("Basma's copy");
        assert_eq!(basma.decoded_subject(), "مكالمات احتيال بشأن الحاويات");
        assert!(basma.decoded_body().contains("إلغاء الاشتراك"));
        assert_eq!(
            ann.header("List-Unsubscribe-Post").as_deref(),
            Some("List-Unsubscribe=One-Click")
        );
        let header = ann.header("List-Unsubscribe").expect("List-Unsubscribe");
        let link = header.trim_start_matches('<').trim_end_matches('>');
        let body = ann.decoded_body();
        assert!(body.contains(link), "the footer has the same link");
        assert!(
            body.contains("/community-messages/subscribe"),
            "change what you receive"
        );
        let path = link_in(link, "/community-messages/unsubscribe");

        // Officers see what became of the emails.
        let (_, html) = s.page(&page, &helen).await;
        let text = text_of(&html);
        assert!(text.contains("delivered"), "{text}");
        assert!(!text.contains("0 delivered"), "{text}");
        // Sent: it can no longer be changed.
        let res = s
            .post(
                &format!("{page}/send"),
                &helen,
                &[("csrf", &csrf), ("send_at", ""), ("confirm", "yes")],
            )
            .await;
        assert_eq!(res.status(), 409);

        // The one-click POST, signed out, with what mail programs send.
        let res = s
            .client
            .post(s.url(&path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("List-Unsubscribe=One-Click")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        assert!(text_of(&res.text().await.unwrap()).contains("You have been unsubscribed"));
        let res = s.client.post(s.url(&path)).send().await.unwrap();
        assert_eq!(res.status(), 200);
        assert!(text_of(&res.text().await.unwrap()).contains("already unsubscribed"));
        let mut c = s.db().acquire().await.unwrap();
        assert!(subscribers::by_email(c.conn(), "ann@example.net")
            .await
            .unwrap()
            .is_none());
        drop(c);

        // The archive and the feed, in the reader's language.
        let archive = s.html("/community-messages").await;
        assert!(archive.contains("Scam calls about bins"));
        assert!(archive.contains("Keeping children safe"), "the demo's");
        let ar = s.html("/community-messages?lang=ar").await;
        assert!(ar.contains("مكالمات احتيال بشأن الحاويات"));
        let own = s.html(&format!("/community-messages/{id}")).await;
        assert!(
            own.contains("<strong>card details</strong>"),
            "safe Markdown"
        );
        let feed = s.get("/community-messages/feed.atom").await;
        assert_eq!(
            feed.headers()["content-type"],
            "application/atom+xml; charset=utf-8"
        );
        let feed = feed.text().await.unwrap();
        assert!(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""));
        assert!(feed.contains("Scam calls about bins"));
        // The demo's scheduled message is not public yet.
        assert!(!archive.contains("What you told us about community safety"));
    }
}

#[tokio::test]
async fn a_scheduled_message_goes_out_when_due() {
    for s in servers().await {
        let (_, topics) = areas_and_topics(s.db()).await;
        subscribed(
            s.db(),
            "eve@example.net",
            "en",
            Choices {
                all_areas: true,
                areas: vec![],
                topics: vec![topics[2]],
            },
        )
        .await;
        let (helen, _) = s.sign_in(HELEN, DEMO_PASSWORD).await;
        let officer = me(&s, &helen).await;
        let input = authoring::Input {
            subject: "Meeting moved".into(),
            body: "Now on Thursday.".into(),
            language: "en".into(),
            all_areas: true,
            areas: vec![],
            topics: vec![topics[2].to_string()],
        };
        let id = authoring::create(s.db(), &officer, &input).await.unwrap();
        let soon = cohesion_domain::timestamp::Timestamp::from(
            time::OffsetDateTime::now_utc() + time::Duration::seconds(2),
        );
        authoring::send(s.db(), &officer, id, Some(soon))
            .await
            .unwrap();
        let st = state(&s);
        assert_eq!(cohesion_web::community_message_round(&st).await.unwrap(), 0);
        tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
        let queued = cohesion_web::community_message_round(&st).await.unwrap();
        assert!(queued >= 1, "{queued}");
        assert_eq!(super::mail_to(s.db(), "eve@example.net").await.len(), 1);
        // Once only.
        assert_eq!(cohesion_web::community_message_round(&st).await.unwrap(), 0);
        let sending = authoring::get(s.db(), &officer, id).await.unwrap();
        assert_eq!(sending.queued, queued as i64);
    }
}

#[tokio::test]
async fn subscriptions_are_in_your_data_and_go_with_the_account() {
    for s in servers().await {
        let (_, topics) = areas_and_topics(s.db()).await;
        subscribed(
            s.db(),
            AMINA,
            "en",
            Choices {
                all_areas: true,
                areas: vec![],
                topics: vec![topics[0]],
            },
        )
        .await;
        let (amina, _) = s.sign_in(AMINA, DEMO_PASSWORD).await;
        let person = me(&s, &amina).await;
        let data = your_data::export(s.db(), &person, None, your_data::Access::Downloaded)
            .await
            .unwrap();
        assert_eq!(data.community_subscriptions.len(), 1);
        assert_eq!(
            data.community_subscriptions[0].topics,
            vec!["Community safety"]
        );
        let (_, json) = s.page("/api/v1/me/data", &amina).await;
        assert!(json.contains("community_subscriptions"), "{json}");
        let passwords = accounts::Passwords::new(1);
        your_data::delete_account(
            s.db(),
            &passwords,
            &person,
            DEMO_PASSWORD,
            cohesion_services::erasure::Contributions::Keep,
            None,
        )
        .await
        .unwrap();
        let mut c = s.db().acquire().await.unwrap();
        assert!(subscribers::by_email(c.conn(), AMINA)
            .await
            .unwrap()
            .is_none());
    }
}
