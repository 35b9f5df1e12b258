//! Switching language on a page rendered in answer to a POST: the
//! question asked before merging a theme is at an address that takes
//! POSTs only, so its language links lead to the theme's page, where the
//! step is, in the other language (200, not 405). An error page keeps
//! the signed-in chrome (Manage, Sign out) when a session exists.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::{demo_consultation, theme_ids, ANALYST};
use crate::support::servers_with_people;

/// The `href` of the header's link to the language `tag`.
fn language_link(html: &str, tag: &str) -> String {
    let hreflang = format!("hreflang=\"{tag}\"");
    let link = html
        .split("class=\"app-language-switcher__link\" href=\"")
        .skip(1)
        .find(|rest| rest[..rest.find('>').unwrap()].contains(&hreflang))
        .expect("a language link");
    link[..link.find('"').unwrap()].replace("&amp;", "&")
}

#[tokio::test]
async fn the_language_link_of_a_posted_question_leads_to_the_step_in_the_other_language() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let base = format!("/staff/consultations/{id}/themes/q7");
        let (li, csrf) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let run = [("csrf", csrf.as_str()), ("step", "run"), ("seed", "7")];
        assert_eq!(s.post(&base, &li, &run).await.status(), 303);
        let ids = theme_ids(&s.page(&base, &li).await.1, &base);
        assert!(ids.len() >= 2, "{ids:?}");

        let merge = [
            ("csrf", csrf.as_str()),
            ("change", "merge"),
            ("theme", ids[0].as_str()),
            ("into", ids[1].as_str()),
        ];
        let res = s.post(&format!("{base}/edit"), &li, &merge).await;
        assert_eq!(res.status(), 200);
        let html = res.text().await.unwrap();
        assert!(html.contains("name=\"confirm\""), "the question is asked");

        let link = language_link(&html, "ar");
        assert_eq!(link, format!("{base}/{}?lang=ar", ids[0]));
        let (status, html) = s.page(&link, &li).await;
        assert_eq!(status, 200, "{link}");
        assert!(html.contains("lang=\"ar\""));
        assert!(html.contains("value=\"merge\""), "the merge form is there");
        assert!(html.contains("href=\"/manage\""), "still signed in");
    }
}

#[tokio::test]
async fn an_error_page_keeps_the_signed_in_chrome() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let edit = format!("/staff/consultations/{id}/themes/q7/edit");
        let (li, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;

        let (status, html) = s.page(&edit, &li).await;
        assert_eq!(status, 405);
        assert!(html.contains("href=\"/manage\""), "Manage for staff");
        assert!(html.contains("/sign-out"), "Sign out for the signed in");

        // Signed out, the same page has neither.
        let (status, html) = s.page(&edit, "").await;
        assert_eq!(status, 405);
        assert!(!html.contains("href=\"/manage\""));
        assert!(!html.contains("/sign-out"));
    }
}
