//! Bad input through the forms: a clear 4xx, the text kept, nothing
//! saved.

use super::{closed_id, comment_with, open_id, saved_by, servers, sign_in, AMINA};

#[tokio::test]
async fn empty_huge_and_marked_up_comments() {
    for s in servers().await {
        let id = open_id(&s).await;
        let (cookie, csrf) = sign_in(&s, AMINA).await;
        let path = format!("/discussions/{id}/comments");
        let res = s
            .post(&path, &cookie, &[("csrf", &csrf), ("text", " \u{200B} ")])
            .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("govuk-error-summary"));
        assert!(html.contains("Write your comment"));

        let huge = "ب".repeat(10_001);
        let res = s
            .post(&path, &cookie, &[("csrf", &csrf), ("text", &huge)])
            .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("10,000 characters or fewer"), "{html}");
        assert!(html.contains(&huge), "the text is kept");
        assert_eq!(saved_by(&s, AMINA, &huge[..20]).await, 0);

        let markup = "<script>alert(1)</script><b>bold</b> javascript:alert(2)";
        let res = s
            .post(&path, &cookie, &[("csrf", &csrf), ("text", markup)])
            .await;
        assert_eq!(res.status(), 303);
        let (_, page) = s.page(&format!("/discussions/{id}"), &cookie).await;
        assert!(!page.contains("<script>alert(1)"));
        assert!(
            page.contains("&#60;script&#62;alert(1)") || page.contains("&lt;script&gt;alert(1)")
        );
        assert!(!page.contains("href=\"javascript:"));
    }
}

#[tokio::test]
async fn forged_ids_and_replayed_tokens_save_nothing() {
    for s in servers().await {
        let id = open_id(&s).await;
        let closed = closed_id(&s).await;
        let (cookie, csrf) = sign_in(&s, AMINA).await;
        let text = "A forged comment";

        // No token, or another session's.
        let path = format!("/discussions/{id}/comments");
        let res = s.post(&path, &cookie, &[("text", text)]).await;
        assert_eq!(res.status(), 403);
        let (other, other_csrf) = sign_in(&s, super::TOM).await;
        let res = s
            .post(&path, &cookie, &[("csrf", &other_csrf), ("text", text)])
            .await;
        assert_eq!(res.status(), 403);
        // A token from a session that has ended.
        let _ = s.post("/sign-out", &other, &[("csrf", &other_csrf)]).await;
        let res = s
            .post(&path, &other, &[("csrf", &other_csrf), ("text", text)])
            .await;
        assert!(
            res.status() == 303 || res.status() == 403,
            "{}",
            res.status()
        );

        // Ids that name nothing, or a comment of another discussion.
        let res = s
            .post(
                "/discussions/not-an-id/comments",
                &cookie,
                &[("csrf", &csrf), ("text", text)],
            )
            .await;
        assert_eq!(res.status(), 404);
        let res = s
            .post(
                &format!("/discussions/{}/comments", uuid::Uuid::nil()),
                &cookie,
                &[("csrf", &csrf), ("text", text)],
            )
            .await;
        assert_eq!(res.status(), 404);
        let closed_page = s.html(&format!("/discussions/{closed}")).await;
        let elsewhere = comment_with(&closed_page, "app-comment__text");
        let res = s
            .post(
                &format!("/discussions/{id}/comments/{elsewhere}/reply"),
                &cookie,
                &[("csrf", &csrf), ("text", text)],
            )
            .await;
        assert_eq!(res.status(), 409);
        let res = s
            .post(
                &format!("/discussions/{id}/comments/{elsewhere}/agree"),
                &cookie,
                &[("csrf", &csrf), ("agree", "yes")],
            )
            .await;
        assert_eq!(res.status(), 404);
        let res = s
            .post(
                &format!("/discussions/{id}/comments/{elsewhere}/report"),
                &cookie,
                &[("csrf", &csrf), ("reason", "spam")],
            )
            .await;
        assert_eq!(res.status(), 404);

        // A closed discussion refuses, clearly.
        let res = s
            .post(
                &format!("/discussions/{closed}/comments"),
                &cookie,
                &[("csrf", &csrf), ("text", text)],
            )
            .await;
        assert_eq!(res.status(), 409);
        // Said beside the form, with what was typed still in it: nothing
        // written is lost.
        let page = res.text().await.unwrap();
        assert!(page.contains("This discussion is not taking comments now"));
        assert!(page.contains(&format!(">{text}</textarea>")), "{page}");
        assert_eq!(saved_by(&s, AMINA, text).await, 0);

        // A report without a reason, or with a note too long.
        let page = s.html(&format!("/discussions/{id}?order=oldest")).await;
        let top = comment_with(&page, "I reported shouting");
        let thread = s.html(&format!("/discussions/{id}/comments/{top}")).await;
        let toms = comment_with(&thread, "Agree 100%");
        let report = format!("/discussions/{id}/comments/{toms}/report");
        let res = s
            .post(
                &report,
                &cookie,
                &[("csrf", &csrf), ("reason", ""), ("note", "why")],
            )
            .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("Choose what is wrong with the comment"));
        assert!(html.contains(">why</textarea>"));
        let long = "n".repeat(1_001);
        let res = s
            .post(
                &report,
                &cookie,
                &[("csrf", &csrf), ("reason", "spam"), ("note", &long)],
            )
            .await;
        assert_eq!(res.status(), 422);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("1,000 characters or fewer"));
        // Her own comment is not hers to report.
        let res = s
            .post(
                &format!("/discussions/{id}/comments/{top}/report"),
                &cookie,
                &[("csrf", &csrf), ("reason", "spam")],
            )
            .await;
        assert_eq!(res.status(), 404);
    }
}
