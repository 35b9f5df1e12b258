//! Saving a consultation's details is in its history field by field,
//! before and after, as wording fixes and survey changes are: what was
//! changed (by the form's label), and its value before and after, dates
//! in the site's time.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::api_history::{change, history_rows};
use super::{create, OFFICER, OPEN_FROM, OPEN_UNTIL};
use crate::support::servers_with_people;

#[tokio::test]
async fn details_saved_are_in_the_history_before_and_after() {
    for s in servers_with_people().await {
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let title = "Safer streets in Harbourside";
        let id = create(&s, &officer, &csrf, title, (OPEN_FROM, OPEN_UNTIL), "no").await;
        let res = s
            .post(
                &format!("/staff/consultations/{id}/edit"),
                &officer,
                &[
                    ("csrf", &csrf),
                    ("title", "Safer streets across Brightwater"),
                    ("summary", "Tell us what would make your street feel safer."),
                    ("body", "We will **read every answer** and reply."),
                    ("topics", "safety, youth"),
                    ("area", ""),
                    ("opens_at", OPEN_FROM),
                    ("closes_at", "2099-11-30T17:00"),
                    ("allow_anonymous", "yes"),
                    (
                        "documents",
                        "Evidence review | https://example.org/review.pdf",
                    ),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);

        let html = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await
            .1;
        let rows = history_rows(&html, "History");
        assert!(rows[0][1].contains("Helen"), "who: {:?}", rows[0]);
        assert_eq!(
            change(&rows, "Title"),
            (title, "Safer streets across Brightwater")
        );
        assert_eq!(
            change(&rows, "Introduction"),
            (
                "We will **read every answer**.",
                "We will **read every answer** and reply."
            )
        );
        assert_eq!(change(&rows, "Area"), ("Harbourside", "None"));
        assert_eq!(
            change(&rows, "Closes"),
            ("31 December 2099 at 5pm", "30 November 2099 at 5pm")
        );
        assert_eq!(
            change(&rows, "Can people respond without an account?"),
            (
                "No, they sign in first",
                "Yes, anonymous responses are allowed"
            )
        );
        assert_eq!(
            change(&rows, "Linked documents"),
            ("None", "Evidence review | https://example.org/review.pdf")
        );
        // Nothing else changed, so nothing else is said.
        let said: Vec<&str> = rows
            .iter()
            .take_while(|r| r[2] != "Created the consultation")
            .map(|r| r[2].as_str())
            .collect();
        assert_eq!(said.len(), 6, "{said:#?}");
        assert!(
            html.contains("datetime=\"2099-11-30T17:00:00Z\""),
            "a date, marked up as one"
        );

        // The same, for an officer who reads Arabic.
        let html = s
            .page(
                &format!("/staff/consultations/{id}"),
                &format!("{officer}; cohesion_lang=ar"),
            )
            .await
            .1;
        let rows = history_rows(&html, "السجل");
        assert_eq!(change(&rows, "المنطقة"), ("Harbourside", "لا شيء"));

        // Saved as it was: said, with nothing before and after.
        let res = s
            .post(
                &format!("/staff/consultations/{id}/edit"),
                &officer,
                &[
                    ("csrf", &csrf),
                    ("title", "Safer streets across Brightwater"),
                    ("summary", "Tell us what would make your street feel safer."),
                    ("body", "We will **read every answer** and reply."),
                    ("topics", "safety, youth"),
                    ("opens_at", OPEN_FROM),
                    ("closes_at", "2099-11-30T17:00"),
                    ("allow_anonymous", "yes"),
                    (
                        "documents",
                        "Evidence review | https://example.org/review.pdf",
                    ),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let html = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await
            .1;
        let rows = history_rows(&html, "History");
        assert_eq!(rows[0][2], "Changed the details");
        assert_eq!((rows[0][3].as_str(), rows[0][4].as_str()), ("", ""));
    }
}

/// Topics typed with the Arabic comma (،), as an Arabic keyboard types
/// it, are as many topics as with ",": two here, not one.
#[tokio::test]
async fn topics_split_at_the_arabic_comma() {
    for s in servers_with_people().await {
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let id = create(
            &s,
            &officer,
            &csrf,
            "Libraries",
            (OPEN_FROM, OPEN_UNTIL),
            "no",
        )
        .await;
        let res = s
            .post(
                &format!("/staff/consultations/{id}/edit"),
                &officer,
                &[
                    ("csrf", &csrf),
                    ("title", "Libraries"),
                    ("summary", "Tell us what would make your street feel safer."),
                    ("body", "We will **read every answer**."),
                    ("topics", "التماسك المجتمعي، المكتبات"),
                    ("area", "Harbourside"),
                    ("opens_at", OPEN_FROM),
                    ("closes_at", OPEN_UNTIL),
                    ("allow_anonymous", "no"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let html = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await
            .1;
        let rows = history_rows(&html, "History");
        assert_eq!(
            change(&rows, "Topics"),
            ("safety, youth", "التماسك المجتمعي, المكتبات")
        );
    }
}
