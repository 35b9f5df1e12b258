//! Results: private until published, small counts hidden.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::{publish, published, AMINA, TOM};
use crate::support::servers_with_people;

#[tokio::test]
async fn results_stay_private_until_published_and_hide_small_counts() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = published(&s, "no").await;
        for who in [TOM, AMINA] {
            let (cookie, token) = s.sign_in(who, DEMO_PASSWORD).await;
            let respond = format!("/consultations/{id}/respond");
            let res = s
                .post(
                    &format!("{respond}/1"),
                    &cookie,
                    &[("csrf", &token), ("q1", "1")],
                )
                .await;
            assert_eq!(res.status(), 303);
            let res = s
                .post(&format!("{respond}/submit"), &cookie, &[("csrf", &token)])
                .await;
            assert_eq!(res.status(), 303, "{who} submits");
        }
        let results = format!("/consultations/{id}/results");
        // Not published: the public is told so, and shown nothing of them.
        let (tom, _) = s.sign_in(TOM, DEMO_PASSWORD).await;
        for who in ["", tom.as_str()] {
            let (status, html) = s.page(&results, who).await;
            assert_eq!(status, 200);
            assert!(html.contains("Results are not published yet"));
            assert!(!html.contains("<table") && !html.contains("results.csv"));
        }
        let (_, html) = s.page(&format!("/consultations/{id}"), "").await;
        assert!(!html.contains(&results), "no link to what is not there");
        let (status, html) = s.page(&results, &officer).await;
        assert_eq!(status, 200, "staff see them before publishing");
        assert!(html.contains("These results are not published yet"));

        publish(&s, &officer, &csrf, &id, "results").await;
        let (status, html) = s.page(&results, "").await;
        assert_eq!(status, 200);
        assert!(!html.contains("not published yet"));
        for text in [
            "from 2 responses. They are updated at most once a day",
            "Have you seen hate incidents locally?",
            "Hidden",
            "Written answers are read by staff",
        ] {
            assert!(html.contains(text), "results show {text}");
        }
        assert!(
            !html.contains(">2 (") && !html.contains(">2<"),
            "a count of two is never shown"
        );
        let (_, html) = s.page(&format!("/consultations/{id}"), "").await;
        assert!(html.contains(&results));
    }
}
