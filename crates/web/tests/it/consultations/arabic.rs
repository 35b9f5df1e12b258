//! The survey in Arabic, right to left.

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use cohesion_testkit::http;

use super::{published, TOM};
use crate::support::servers_with_people;

#[tokio::test]
async fn the_survey_speaks_arabic_right_to_left() {
    for s in servers_with_people().await {
        let (_, _, id) = published(&s, "yes").await;
        let res = s
            .get(&format!("/consultations/{id}/respond/1?lang=ar"))
            .await;
        assert_eq!(res.status(), 200);
        assert_eq!(
            http::cookie_set_by(&res, "cohesion_lang").as_deref(),
            Some("ar")
        );
        let html = res.text().await.unwrap();
        assert!(html.contains("dir=\"rtl\"") && html.contains("lang=\"ar\""));
        for label in [
            "أوافق بشدة",
            "أوافق",
            "لا أوافق ولا أعارض",
            "أعارض",
            "أعارض بشدة",
        ] {
            assert!(html.contains(label), "{label}");
        }
        assert!(!html.contains("Strongly agree"));
        // What the officer wrote keeps its own direction inside the
        // page's, and, not translated, is marked as English.
        assert!(html
            .contains(r#"<bdi lang="en">Brightwater is a place where people get on well.</bdi>"#));
        assert!(html.contains(r#"<bdi lang="en">Safer streets in Harbourside</bdi>"#));
        // The error summary is Arabic too.
        let (tom, tom_csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        let res = s
            .post(
                &format!("/consultations/{id}/respond/1"),
                &format!("{tom}; cohesion_lang=ar"),
                &[("csrf", &tom_csrf)],
            )
            .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("dir=\"rtl\"") && html.contains("govuk-error-summary"));
        assert!(!html.contains("There is a problem"));
    }
}
