//! Coming back to a survey left part-way: never past a page not yet
//! reached, and a page count that does not grow as routing reveals pages.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::{location, published, TOM};
use crate::support::{servers_with_people, text_of};

#[tokio::test]
async fn coming_back_after_an_error_resumes_at_the_page_not_yet_saved() {
    for s in servers_with_people().await {
        let (_, _, id) = published(&s, "no").await;
        let (tom, csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        let respond = format!("/consultations/{id}/respond");
        // Nothing saved yet: "Answer the survey" starts at page 1.
        let res = s.get_with(&respond, &tom).await;
        assert_eq!(location(&res), format!("{respond}/1"));

        let res = s
            .post(
                &format!("{respond}/1"),
                &tom,
                &[("csrf", &csrf), ("q1", "0")],
            )
            .await;
        assert_eq!(location(&res), format!("{respond}/2"));
        // Page 2's required question left blank: refused, nothing saved.
        let res = s
            .post(
                &format!("{respond}/2"),
                &tom,
                &[("csrf", &csrf), ("q3", "")],
            )
            .await;
        assert_eq!(res.status(), 422);

        // Back later: on at page 2, not past it to "check your answers".
        let res = s.get_with(&respond, &tom).await;
        assert_eq!(location(&res), format!("{respond}/2"));

        // Page 2 saved: everything is behind them.
        let res = s
            .post(
                &format!("{respond}/2"),
                &tom,
                &[("csrf", &csrf), ("q3", "Posters torn down")],
            )
            .await;
        assert_eq!(location(&res), format!("{respond}/check"));
        let res = s.get_with(&respond, &tom).await;
        assert_eq!(location(&res), format!("{respond}/check"));
    }
}

#[tokio::test]
async fn the_page_count_says_up_to_while_routing_may_add_a_page() {
    for s in servers_with_people().await {
        let (_, _, id) = published(&s, "no").await;
        let (tom, csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        let respond = format!("/consultations/{id}/respond");
        // Page 2 shows only after "Yes" on page 1, not answered yet.
        let (_, html) = s.page(&format!("{respond}/1"), &tom).await;
        assert!(text_of(&html).contains("Page 1 of up to 2"), "{html}");
        let (_, html) = s.page(&format!("{respond}/1?lang=ar"), &tom).await;
        assert!(text_of(&html).contains("الصفحة 1 من 2 كحدٍّ أقصى"), "{html}");

        // "No": one page in all, and that is certain.
        s.post(
            &format!("{respond}/1"),
            &tom,
            &[("csrf", &csrf), ("q1", "1")],
        )
        .await;
        let (_, html) = s.page(&format!("{respond}/1"), &tom).await;
        assert!(text_of(&html).contains("Page 1 of 1"), "{html}");

        // "Yes": page 2 is certain, and counted from the start.
        s.post(
            &format!("{respond}/1"),
            &tom,
            &[("csrf", &csrf), ("q1", "0")],
        )
        .await;
        let (_, html) = s.page(&format!("{respond}/1"), &tom).await;
        assert!(text_of(&html).contains("Page 1 of 2"), "{html}");
        let (_, html) = s.page(&format!("{respond}/2"), &tom).await;
        assert!(text_of(&html).contains("Page 2 of 2"), "{html}");
    }
}
