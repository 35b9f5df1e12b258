//! The guided choice and the routes' pages.

use crate::support::{servers_with_demo, servers_with_people};

#[tokio::test]
async fn every_kind_of_page_links_to_help_in_its_header() {
    for s in servers_with_people().await {
        for path in [
            "/",
            "/get-involved",
            "/about",
            "/sign-in",
            "/consultations",
            "/no-such-page",
        ] {
            let html = s.get(path).await.text().await.unwrap();
            assert!(html.contains("href=\"/help\""), "{path}");
            assert!(html.contains(">Get help</a>"), "{path}");
        }
        let html = s.get("/?lang=ar").await.text().await.unwrap();
        assert!(html.contains("احصل على المساعدة"));
        let (admin, _) = s
            .sign_in(
                super::NADIA,
                cohesion_services::accounts::demo::DEMO_PASSWORD,
            )
            .await;
        let (status, html) = s.page("/manage", &admin).await;
        assert_eq!(status, 200);
        assert!(html.contains("href=\"/help\""));
        assert!(
            html.contains("/manage/help"),
            "the panel leads to the configuration"
        );
    }
}

#[tokio::test]
async fn the_guided_choice_works_without_javascript() {
    for s in servers_with_demo().await {
        let html = s.html("/help").await;
        for key in ["danger", "extremism", "online", "hate-crime", "talk"] {
            assert!(html.contains(&format!("value=\"{key}\"")), "{key}");
            assert!(
                html.contains(&format!("href=\"/help/{key}?lang=en\"")),
                "{key}"
            );
        }
        assert!(html.contains("Exit this page"));
        assert!(html.contains("href=\"https://www.bbc.co.uk/weather\""));
        assert!(html.contains("/tension-reports/new"));
        assert!(html.contains("Tell the council about community tension"));
        assert!(html.contains("/community-messages/subscribe"));
        assert!(html.contains("Get community safety messages by email"));
        assert!(html.contains("does not ask for or keep any details"));

        let res = s.get("/help/choose?route=hate-crime&lang=en").await;
        assert_eq!(res.status(), 303);
        assert_eq!(res.headers()["location"], "/help/hate-crime?lang=en");
        let res = s.get("/help/choose").await;
        assert_eq!(res.status(), 422);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("Choose what you need help with"));
        assert_eq!(s.get("/help/no-such-route").await.status(), 404);
    }
}

#[tokio::test]
async fn routes_say_who_to_contact_with_tel_links() {
    for s in servers_with_demo().await {
        let html = s.html("/help/danger").await;
        assert!(html.contains("href=\"tel:999\""));
        assert!(html.contains("href=\"tel:112\""));
        assert!(html.contains("href=\"tel:18000\""));
        assert!(html.contains("emergencySMS"));
        assert!(html.contains("Open 24 hours, every day"));
        assert!(html.contains("What happens next"));
        let html = s.html("/help/extremism").await;
        assert!(html.contains("href=\"tel:08000113764\""));
        assert!(html.contains("href=\"tel:101\""));
        assert!(html.contains("Open now") || html.contains("Closed now"));
        let html = s.html("/help/online").await;
        assert!(html.contains("href=\"https://www.gov.uk/report-terrorism\""));
        let html = s.html("/help/hate-crime").await;
        assert!(html.contains("href=\"https://www.report-it.org.uk/\""));
        let html = s.html("/help/talk").await;
        assert!(html.contains("href=\"tel:116123\""));
        assert!(html.contains("You can stay anonymous"));
    }
}

#[tokio::test]
async fn routes_in_arabic_keep_the_language_in_their_links() {
    for s in servers_with_demo().await {
        let html = s.html("/help?lang=ar").await;
        assert!(html.contains("dir=\"rtl\""));
        assert!(html.contains("شخص ما في خطر الآن"));
        assert!(html.contains("href=\"/help/danger?lang=ar\""));
        let html = s.html("/help/talk?lang=ar").await;
        assert!(html.contains("أريد التحدث إلى شخص ما"));
        assert!(html.contains("href=\"tel:116123\""));
        assert!(
            html.contains("href=\"/help?lang=ar\""),
            "back and the header keep Arabic"
        );
        assert!(html.contains("اخرج من هذه الصفحة"));
    }
}

#[tokio::test]
async fn the_demo_councils_local_services_show_on_their_routes() {
    for s in servers_with_demo().await {
        cohesion_services::help::demo::load(s.db()).await.unwrap();
        let html = s.html("/help/hate-crime").await;
        assert!(html.contains("Lantern Hill Library hate crime reporting centre"));
        assert!(html.contains("href=\"tel:01632960411\""));
        assert!(html.contains("Local service"));
        let html = s.html("/help/online").await;
        assert!(!html.contains("Lantern Hill Library"));
    }
}
