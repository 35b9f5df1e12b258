//! The word lists: adding an entry, refusing it twice, removing it after
//! being asked; residents may not.

use super::GRACE;
use crate::discussions::{servers, sign_in, TOM};

#[tokio::test]
async fn a_moderator_adds_and_removes_an_entry() {
    for s in servers().await {
        let (tom, _) = sign_in(&s, TOM).await;
        let (status, _) = s.page("/moderation/words", &tom).await;
        assert_eq!(status, 403);

        let (grace, csrf) = sign_in(&s, GRACE).await;
        let (status, page) = s.page("/moderation/words", &grace).await;
        assert_eq!(status, 200);
        assert!(page.contains("Add to the list"));
        let add = [
            ("csrf", csrf.as_str()),
            ("language", "en"),
            ("entry", "lanternfish"),
        ];
        let res = s.post("/moderation/words", &grace, &add).await;
        assert_eq!(res.status(), 303);
        let to = res.headers()["location"].to_str().unwrap().to_owned();
        let (_, page) = s.page(&to, &grace).await;
        assert!(page.contains("lanternfish"));
        assert!(page.contains("The entry has been added"));
        let res = s.post("/moderation/words", &grace, &add).await;
        assert_eq!(res.status(), 409);
        let res = s
            .post(
                "/moderation/words",
                &grace,
                &[("csrf", &csrf), ("language", "xx"), ("entry", "eel")],
            )
            .await;
        assert_eq!(res.status(), 422);
        let res = s
            .post(
                "/moderation/words",
                &grace,
                &[("csrf", &csrf), ("language", "en"), ("entry", "  ")],
            )
            .await;
        assert_eq!(res.status(), 422);

        // Removing asks first.
        let (status, ask) = s
            .page(
                "/moderation/words/remove?language=en&entry=lanternfish",
                &grace,
            )
            .await;
        assert_eq!(status, 200);
        assert!(ask.contains("Yes, remove it"));
        let remove = [
            ("csrf", csrf.as_str()),
            ("language", "en"),
            ("entry", "lanternfish"),
            ("confirm", "yes"),
        ];
        let res = s.post("/moderation/words/remove", &grace, &remove).await;
        assert_eq!(res.status(), 303);
        let (_, page) = s.page("/moderation/words", &grace).await;
        assert!(!page.contains("lanternfish"));
        let res = s.post("/moderation/words/remove", &grace, &remove).await;
        assert_eq!(res.status(), 404);
    }
}
