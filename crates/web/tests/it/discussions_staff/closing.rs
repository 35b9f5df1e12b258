//! An officer closes an open discussion before its closing date, from
//! its officers' page: asked first, audited, its closing date becomes
//! now and members can no longer comment; residents are refused; a
//! discussion not open cannot be closed. A consultation stage that has
//! ended is not offered, and linking to one is refused (`stage_ended`).

use cohesion_domain::consultation::Status;
use cohesion_storage::discussions::stage_links;
use cohesion_storage::Timestamp;
use reqwest::Method;
use serde_json::json;

use super::{
    audited, call, create, discussion_body, form, published, sign_in, stored, AMINA, OFFICER,
};
use crate::support::{servers_with_people, Server};

/// The discussion these tests close, created and published through the
/// API; its id.
async fn lighting(s: &Server, officer: &(String, String)) -> String {
    let body = discussion_body("Lighting the quay", json!({}));
    published(s, officer, &body).await
}

#[tokio::test]
async fn an_officer_closes_an_open_discussion_now() {
    for s in servers_with_people().await {
        let officer = sign_in(&s, OFFICER).await;
        let (cookie, csrf) = (&officer.0, &officer.1);
        let id = lighting(&s, &officer).await;
        let manage = format!("/staff/discussions/{id}");
        let (_, html) = s.page(&manage, cookie).await;
        assert!(html.contains("Close the discussion now"), "{html}");
        // A link to the asking page, not a form with nothing to send,
        // whose address would end in an empty query ("…/close?").
        assert!(html.contains(&format!("href=\"/staff/discussions/{id}/close\"")));
        assert!(!html.contains(&format!("action=\"/staff/discussions/{id}/close\"")));

        // Asked first: the page says when it was due to close, and what
        // closing changes.
        let close = format!("/staff/discussions/{id}/close");
        let (status, html) = s.page(&close, cookie).await;
        assert_eq!(status, 200);
        let text = crate::support::text_of(&html);
        assert!(text.contains("Close “Lighting the quay” now?"), "{text}");
        assert!(text.contains("It is due to close on"), "{text}");
        assert!(text.contains("Nobody will be able to comment"), "{text}");
        assert!(html.contains("Yes, close the discussion now"));
        let (_, ar) = s.page(&format!("{close}?lang=ar"), cookie).await;
        assert!(ar.contains("نعم، أغلق النقاش الآن"));
        let res = s.post(&close, cookie, &[("csrf", csrf)]).await;
        assert_eq!(res.status(), 200, "asked, not done");
        assert_eq!(audited(&s, "discussion.close", &id).await, 0);

        let before = Timestamp::now().as_offset();
        let res = s
            .post(&close, cookie, &[("csrf", csrf), ("confirm", "yes")])
            .await;
        assert_eq!(res.status(), 303);
        let to = res.headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(to, format!("{manage}?done=discussion-closed"));
        let d = stored(&s, &id).await;
        let after = Timestamp::now().as_offset();
        assert!(d.closes_at >= before && d.closes_at <= after, "closed now");
        assert_eq!(d.status(after), Status::Closed);
        assert_eq!(audited(&s, "discussion.close", &id).await, 1);
        let (_, html) = s.page(&to, cookie).await;
        assert!(html.contains("The discussion is closed."), "{html}");
        assert!(
            !html.contains("Close the discussion now"),
            "nothing to close"
        );

        // Members can no longer comment.
        let (amina, amina_csrf) = sign_in(&s, AMINA).await;
        let res = s
            .post(
                &format!("/discussions/{id}/comments"),
                &amina,
                &[("csrf", &amina_csrf), ("text", "Too late?")],
            )
            .await;
        assert_eq!(res.status(), 409);

        // Closing again: it is not open.
        let res = s
            .post(&close, cookie, &[("csrf", csrf), ("confirm", "yes")])
            .await;
        assert_eq!(res.status(), 409);
        assert_eq!(s.page(&close, cookie).await.0, 409);
        assert_eq!(audited(&s, "discussion.close", &id).await, 1);
    }
}

#[tokio::test]
async fn residents_cannot_close_a_discussion_and_drafts_cannot_be_closed() {
    for s in servers_with_people().await {
        let officer = sign_in(&s, OFFICER).await;
        let id = lighting(&s, &officer).await;
        let close = format!("/staff/discussions/{id}/close");
        let (amina, csrf) = sign_in(&s, AMINA).await;
        assert_eq!(s.page(&close, &amina).await.0, 403);
        let res = s
            .post(&close, &amina, &[("csrf", &csrf), ("confirm", "yes")])
            .await;
        assert_eq!(res.status(), 403);
        assert_eq!(
            stored(&s, &id).await.status(Timestamp::now().as_offset()),
            Status::Open
        );
        // A forged token closes nothing.
        let res = s
            .post(
                &close,
                &officer.0,
                &[("csrf", "forged"), ("confirm", "yes")],
            )
            .await;
        assert_eq!(res.status(), 403);
        assert_eq!(audited(&s, "discussion.close", &id).await, 0);
        // A draft is not open: no button, and refused.
        let r = create(&s, &officer, &discussion_body("A draft", json!({}))).await;
        let draft = r.body["id"].as_str().unwrap().to_owned();
        let (_, html) = s
            .page(&format!("/staff/discussions/{draft}"), &officer.0)
            .await;
        assert!(!html.contains("Close the discussion now"));
        let res = s
            .post(
                &format!("/staff/discussions/{draft}/close"),
                &officer.0,
                &[("csrf", &officer.1), ("confirm", "yes")],
            )
            .await;
        assert_eq!(res.status(), 409);
    }
}

#[tokio::test]
async fn the_api_closes_an_open_discussion_with_the_same_rule() {
    for s in servers_with_people().await {
        let officer = sign_in(&s, OFFICER).await;
        let id = lighting(&s, &officer).await;
        let close = format!("/api/v1/discussions/{id}/close");
        let amina = sign_in(&s, AMINA).await;
        assert_eq!(
            call(&s, Method::POST, &close, Some(&amina), None)
                .await
                .status,
            403
        );
        let r = call(&s, Method::POST, &close, Some(&officer), None).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body["status"], "closed", "{}", r.body);
        assert_eq!(audited(&s, "discussion.close", &id).await, 1);
        let r = call(&s, Method::POST, &close, Some(&officer), None).await;
        assert_eq!((r.status, r.code()), (409, "discussion_not_open"));
        assert_eq!(audited(&s, "discussion.close", &id).await, 1);
    }
}

#[tokio::test]
async fn a_stage_that_has_ended_is_not_offered_and_linking_to_it_is_refused() {
    for s in servers_with_people().await {
        cohesion_services::consultations::demo::load(s.db())
            .await
            .unwrap();
        let cid = {
            let mut c = s.db().acquire().await.unwrap();
            stage_links::titled(c.conn(), "Safer streets, stronger communities")
                .await
                .unwrap()
                .unwrap()
        };
        let officer = sign_in(&s, OFFICER).await;
        let (cookie, csrf) = (&officer.0, &officer.1);
        // Its first two stages have happened; the third is under way.
        let (_, html) = s.page("/staff/discussions/new", cookie).await;
        assert!(!html.contains(&format!("value=\"{cid}:0\"")), "ended");
        assert!(!html.contains(&format!("value=\"{cid}:1\"")), "ended");
        assert!(html.contains(&format!("value=\"{cid}:2\"")), "under way");
        assert!(html.contains("Stages that have already ended are not offered."));

        // Sent anyway (an old form): refused beside the field, nothing saved.
        let ended = format!("{cid}:1");
        let res = s
            .post(
                "/staff/discussions/new",
                cookie,
                &form(csrf, "Too late", &ended),
            )
            .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(
            html.contains("That stage of the consultation has already ended"),
            "{html}"
        );
        let res = s
            .post(
                "/staff/discussions/new?lang=ar",
                cookie,
                &form(csrf, "Too late", &ended),
            )
            .await;
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("انتهت تلك المرحلة من الاستشارة"));
        // Through the API: the stable code, at the member.
        let stage = json!({"consultation_stage": {"consultation_id": cid, "stage": 0}});
        let r = create(&s, &officer, &discussion_body("Too late", stage)).await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert_eq!(r.code(), "stage_ended", "{}", r.body);

        // A stage under way is taken.
        let res = s
            .post(
                "/staff/discussions/new",
                cookie,
                &form(csrf, "In time", &format!("{cid}:2")),
            )
            .await;
        assert_eq!(res.status(), 303);
    }
}
