//! What a respondent did stays theirs: the consultation's history shows
//! staff what staff did, never who sent answers or asked for a copy
//! (their own "your data" does), and the administrators' outbox, which
//! shows message bodies on a site without a mail server, never shows a
//! copy of someone's answers.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::after_responding::tom_responds;
use super::api_history::history_rows;
use super::{published, OFFICER};
use crate::support::servers_with_people;

const ADMIN: &str = "nadia@brightwater.example";
const ANSWER: &str = "Graffiti on the community centre";

#[tokio::test]
async fn staff_see_neither_who_responded_nor_the_copies_of_their_answers() {
    for s in servers_with_people().await {
        let (_, _, id) = published(&s, "no").await;
        let (tom, csrf) = tom_responds(&s, &id).await;
        let res = s
            .post(
                &format!("/consultations/{id}/respond/receipt"),
                &tom,
                &[("csrf", &csrf)],
            )
            .await;
        assert_eq!(res.status(), 303);

        // The officer's history: what staff did, in words; no respondent.
        let (officer, _) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let html = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await
            .1;
        let rows = history_rows(&html, "History");
        assert!(
            rows.iter()
                .any(|r| r.join(" ").contains("Published the consultation")),
            "{rows:?}"
        );
        for row in &rows {
            let row = row.join(" ");
            assert!(!row.contains("Tom") && !row.contains("response."), "{row}");
        }

        // The outbox names the message but keeps its body from the
        // administrator; the respondent's own copy is still there to send.
        let (admin, _) = s.sign_in(ADMIN, DEMO_PASSWORD).await;
        let (status, html) = s.page("/admin/outbox", &admin).await;
        assert_eq!(status, 200);
        assert!(html.contains("Not shown: a copy of someone’s own answers"));
        assert!(!html.contains(ANSWER), "the answers are Tom's alone");
        let (_, html) = s.page("/admin/outbox?lang=ar", &admin).await;
        assert!(html.contains("لا تُعرض") && !html.contains(ANSWER));
        let mut c = s.db().acquire().await.unwrap();
        let kept = cohesion_storage::outbox::to_address(c.conn(), "tom@brightwater.example", 5)
            .await
            .unwrap();
        assert!(kept.iter().any(|m| m.private && m.body.contains(ANSWER)));
    }
}
