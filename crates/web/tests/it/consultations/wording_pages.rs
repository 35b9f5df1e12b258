//! Pages say each thing once and truly: a withdrawn consultation says
//! when it was withdrawn, not when it would have closed; a closed one
//! says it has closed once; Get involved's lead-in fits its lists.

use super::published;
use crate::support::{servers_with_people, text_of};

fn words(html: &str) -> String {
    text_of(html).replace(['\u{2068}', '\u{2069}'], "")
}

#[tokio::test]
async fn a_withdrawn_consultation_says_when_not_when_it_closes() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = published(&s, "no").await;
        let res = s
            .post(
                &format!("/staff/consultations/{id}/publication"),
                &officer,
                &[
                    ("csrf", csrf.as_str()),
                    ("what", "consultation"),
                    ("publish", "no"),
                    ("confirm", "yes"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        for path in [
            format!("/consultations/{id}"),
            format!("/staff/consultations/{id}"),
        ] {
            let (status, html) = s.page(&path, &officer).await;
            assert_eq!(status, 200, "{path}");
            let text = words(&html);
            assert!(text.contains("Withdrawn"), "{path}: {text}");
            assert!(!text.contains("Closes"), "{path}: {text}");
        }
    }
}

#[tokio::test]
async fn a_closed_consultation_says_so_once() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = published(&s, "no").await;
        let res = s
            .post(
                &format!("/staff/consultations/{id}/edit"),
                &officer,
                &[
                    ("csrf", &csrf),
                    ("title", "Safer streets in Harbourside"),
                    ("summary", "Tell us what would make your street feel safer."),
                    ("opens_at", "2020-01-01T09:00"),
                    ("closes_at", "2020-02-01T09:00"),
                    ("allow_anonymous", "no"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        for path in [
            format!("/consultations/{id}"),
            format!("/consultations/{id}/findings"),
        ] {
            let (status, html) = s.page(&path, "").await;
            assert_eq!(status, 200, "{path}");
            let text = words(&html);
            assert!(text.matches("has closed").count() <= 1, "{path}: {text}");
        }
        // Closed is said by the page's tag and its note; "We asked, you
        // said, we did" goes straight to what was done.
        let text = words(&s.page(&format!("/consultations/{id}/findings"), "").await.1);
        assert!(text.contains("We asked, you said, we did"), "{text}");
        assert!(!text.contains("has closed"), "{text}");
        let text = words(&s.page(&format!("/consultations/{id}"), "").await.1);
        assert_eq!(text.matches("has closed").count(), 1, "{text}");
    }
}

#[tokio::test]
async fn get_involved_says_what_its_lists_hold() {
    for s in servers_with_people().await {
        let text = words(&s.page("/get-involved", "").await.1);
        assert!(!text.contains("right now"), "{text}");
        assert!(
            text.contains("what opens soon, and what closed recently"),
            "{text}"
        );
        let arabic = words(&s.page("/get-involved?lang=ar", "").await.1);
        assert!(arabic.contains("وما أُغلق مؤخرًا"), "{arabic}");
    }
}
