//! Published findings are reachable from the consultation's public page,
//! whether or not its timeline has a findings stage (or any stage), and
//! their page promises daily updates only while they can happen.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::{build_survey, create, publish, OFFICER, OPEN_FROM, OPEN_UNTIL};
use crate::support::{servers_with_people, text_of, Server};

/// Adds a finding citing q1's first option and publishes it.
async fn publish_finding(s: &Server, cookie: &str, csrf: &str, id: &str) {
    let form = format!("/staff/consultations/{id}/findings/new");
    let res = s
        .post(
            &form,
            cookie,
            &[
                ("csrf", csrf),
                ("title", "Most have seen incidents"),
                ("options", "q1:1"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303, "adding the finding");
    let (_, manage) = s.page(&format!("/staff/consultations/{id}"), cookie).await;
    let finding = manage
        .split("href=\"")
        .map(|a| a.split('"').next().unwrap_or_default())
        .find(|a| a.ends_with("/what-we-did"))
        .expect("the finding on the manage page")
        .rsplit('/')
        .nth(1)
        .unwrap()
        .to_owned();
    let res = s
        .post(
            &format!("/staff/consultations/{id}/findings/{finding}"),
            cookie,
            &[("csrf", csrf), ("change", "publish")],
        )
        .await;
    assert_eq!(res.status(), 303, "publishing the finding");
}

#[tokio::test]
async fn published_findings_are_linked_from_a_consultation_without_stages() {
    for s in servers_with_people().await {
        let (cookie, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let id = create(
            &s,
            &cookie,
            &csrf,
            "Parks after dark",
            (OPEN_FROM, OPEN_UNTIL),
            "no",
        )
        .await;
        build_survey(&s, &cookie, &csrf, &id).await;
        publish(&s, &cookie, &csrf, &id, "consultation").await;
        let page = format!("/consultations/{id}");
        let link = format!("href=\"/consultations/{id}/findings\"");

        // Nothing published yet: nothing to link to.
        let (_, html) = s.page(&page, "").await;
        assert!(!html.contains(&link), "{html}");
        assert!(!html.contains("app-timeline"), "no stages: {html}");

        publish_finding(&s, &cookie, &csrf, &id).await;
        for (lang, words) in [
            ("en", "Read what you told us"),
            ("ar", "اقرأ ما قاله لنا الناس"),
        ] {
            let (status, html) = s.page(&format!("{page}?lang={lang}"), "").await;
            assert_eq!(status, 200);
            let a = html
                .split(&link)
                .nth(1)
                .unwrap_or_else(|| panic!("a link to the findings ({lang}): {html}"));
            let label = text_of(a.split("</a>").next().unwrap().trim_start_matches('>'));
            assert_eq!(label.trim(), words);
        }
        let (status, html) = s.page(&format!("/consultations/{id}/findings"), "").await;
        assert_eq!(status, 200);
        assert!(text_of(&html).contains("Most have seen incidents"));
    }
}

/// The demo's consultation titled `title`.
async fn demo_id(s: &Server, title: &str) -> String {
    let mut c = s.db().acquire().await.unwrap();
    cohesion_storage::consultations::catalogue::all_ids(c.conn())
        .await
        .unwrap()
        .into_iter()
        .find(|(_, t)| t == title)
        .unwrap()
        .0
        .to_string()
}

#[tokio::test]
async fn only_an_open_consultations_findings_speak_of_daily_updates() {
    for s in servers_with_people().await {
        cohesion_services::consultations::demo::load(s.db())
            .await
            .unwrap();
        let open = demo_id(&s, "Safer streets, stronger communities").await;
        let closed = demo_id(&s, "Reporting hate crime: what stops people?").await;
        for (lang, daily) in [
            ("en", "updated at most once a day"),
            ("ar", "مرة في اليوم على الأكثر"),
        ] {
            let (status, html) = s
                .page(&format!("/consultations/{open}/findings?lang={lang}"), "")
                .await;
            assert_eq!(status, 200);
            assert!(text_of(&html).contains(daily), "open, {lang}");
            let (status, html) = s
                .page(&format!("/consultations/{closed}/findings?lang={lang}"), "")
                .await;
            assert_eq!(status, 200);
            let text = text_of(&html);
            assert!(!text.contains(daily), "closed, {lang}: {text}");
            assert!(text.contains(if lang == "en" {
                "never typed in"
            } else {
                "يدويًا"
            }));
        }
    }
}
