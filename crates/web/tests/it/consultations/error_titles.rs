//! Every staff form sent back with problems says so first in its window
//! title ("Error: " / "خطأ: "), so that a screen reader hears it at once:
//! the kit says it for every page answered 422, whichever template drew
//! it. A sweep of the officers' forms, each sent empty.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::details_problems::words;
use super::{build_survey, create, demo_consultation, OFFICER, OPEN_FROM, OPEN_UNTIL};
use crate::support::{servers_with_people, Server};

/// The page's `<title>`.
fn title(html: &str) -> &str {
    html.split("<title>")
        .nth(1)
        .and_then(|t| t.split("</title>").next())
        .unwrap_or_default()
}

/// Posts `fields` after the token to `path` in `lang`: the form back with
/// a 422 and "Error" first in its title, once.
async fn refused(
    s: &Server,
    cookie: &str,
    path: &str,
    lang: &str,
    fields: &[(&str, &str)],
) -> String {
    let res = s.post(&format!("{path}?lang={lang}"), cookie, fields).await;
    assert_eq!(res.status(), 422, "{path}");
    let html = res.text().await.unwrap();
    let prefix = if lang == "ar" { "خطأ: " } else { "Error: " };
    let t = title(&html);
    assert!(t.starts_with(prefix), "{path} in {lang}: {t}");
    assert_eq!(t.matches(prefix.trim()).count(), 1, "once: {t}");
    html
}

#[tokio::test]
async fn every_staff_form_sent_back_says_error_in_its_title() {
    for s in servers_with_people().await {
        // The demo's open consultation, which people have answered.
        let demo = demo_consultation(&s).await;
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let window = (OPEN_FROM, OPEN_UNTIL);
        let id = create(&s, &officer, &csrf, "Parks after dark", window, "no").await;
        build_survey(&s, &officer, &csrf, &id).await;
        let base = format!("/staff/consultations/{id}");
        let token = [("csrf", csrf.as_str())];
        let forms = [
            "/staff/consultations/new".to_owned(),
            format!("{base}/edit"),
            format!("{base}/questions/new"),
            format!("{base}/questions/q1/edit"),
            format!("{base}/stages/new"),
            format!("{base}/findings/new"),
        ];
        for path in &forms {
            for lang in ["en", "ar"] {
                refused(&s, &officer, path, lang, &token).await;
            }
            // Not before anything is sent.
            let (status, html) = s.page(path, &officer).await;
            assert_eq!(status, 200, "{path}");
            assert!(!title(&html).starts_with("Error"), "{path}");
        }
        let html = refused(&s, &officer, &forms[2], "en", &token).await;
        assert!(
            title(&html).starts_with("Error: Add a question"),
            "{}",
            title(&html)
        );

        // A page's title given to a page that exists: the place is wrong.
        let html = refused(
            &s,
            &officer,
            &forms[2],
            "en",
            &[
                ("csrf", &csrf),
                ("kind", "short_text"),
                ("text", "Where?"),
                ("place", "first:1"),
                ("page_title", "Walking"),
            ],
        )
        .await;
        assert!(words(&html).contains("A title is for a new page"));

        // Fixing the wording of a page people have answered.
        let wording = format!("/staff/consultations/{demo}/wording/1");
        for lang in ["en", "ar"] {
            refused(
                &s,
                &officer,
                &wording,
                lang,
                &[("csrf", &csrf), ("q2.text", " ")],
            )
            .await;
        }
        let long = "x".repeat(151);
        let html = refused(
            &s,
            &officer,
            &wording,
            "en",
            &[("csrf", &csrf), ("page.0.title", &long)],
        )
        .await;
        assert!(
            title(&html).starts_with("Error: Fix the wording of page 1"),
            "{}",
            title(&html)
        );
        assert!(
            words(&html).contains("This must be 150 characters or fewer"),
            "the limit is said"
        );
    }
}
