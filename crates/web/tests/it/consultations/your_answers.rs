//! A resident reads back the answers they sent, from their account page
//! and from "your data": open or closed, in their language, theirs only.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::after_responding::tom_responds;
use super::{published, AMINA};
use crate::support::{servers_with_people, text_of};

#[tokio::test]
async fn a_resident_reads_back_the_answers_they_sent_and_nobody_else_can() {
    for s in servers_with_people().await {
        let (_, _, id) = published(&s, "no").await;
        let answers = format!("/consultations/{id}/respond/answers");
        let (amina, _) = s.sign_in(AMINA, DEMO_PASSWORD).await;
        let (tom, _) = s.sign_in(super::TOM, DEMO_PASSWORD).await;
        // Nothing sent yet: nothing to read back.
        let (status, _) = s.page(&answers, &tom).await;
        assert_eq!(status, 404);

        let (tom, _) = tom_responds(&s, &id).await;
        // Reached from the account page and from "your data".
        let (_, html) = s.page("/account", &tom).await;
        assert!(html.contains(&format!("href=\"{answers}\"")), "{html}");
        let (_, html) = s.page("/account/data", &tom).await;
        assert!(html.contains(&format!("href=\"{answers}\"")), "{html}");

        let (status, html) = s.page(&answers, &tom).await;
        assert_eq!(status, 200);
        let words = text_of(&html);
        assert!(words.contains("Your answers"), "{words}");
        assert!(
            words.contains("Graffiti on the community centre"),
            "{words}"
        );
        assert!(words.contains("What happened?"), "{words}");
        assert!(words.contains("Change your answers"), "while open: {words}");
        let (status, html) = s.page(&format!("{answers}?lang=ar"), &tom).await;
        assert_eq!(status, 200);
        assert!(text_of(&html).contains("إجاباتك"));

        // Someone else's, or signed out: nothing shown.
        let (status, html) = s.page(&answers, &amina).await;
        assert_eq!(status, 404);
        assert!(!html.contains("Graffiti"));
        let res = s.get(&answers).await;
        assert_ne!(res.status(), 200);
        assert!(!res.text().await.unwrap().contains("Graffiti"));
    }
}
