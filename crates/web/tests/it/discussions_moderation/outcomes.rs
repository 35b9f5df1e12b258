//! What a member and a moderator read of decisions and appeals (the
//! walkthrough of issue 18): the author reads their own hidden comment,
//! marked, and nobody else does; the appeal page says a suspension's
//! end; an appeal's outcome is said plainly on its page and on the
//! comment, with the deciding moderator's note; the queue's banner after
//! an appeal says what happened; the decision form names which fields
//! each decision reads and keeps the queue's filters; a suspended member
//! asking for a reply form is told until when; and "your data" lists the
//! member's appeals.

use reqwest::Method;
use serde_json::json;

use super::{GRACE, KARIM};
use crate::discussions::{comment_with, open_id, servers, sign_in, AMINA, TOM};
use crate::discussions_staff::call;
use crate::support::Server;

/// Amina posts `text` in discussion `id`: her session, its form token,
/// and the comment's id.
async fn amina_posts(s: &Server, id: &str, text: &str) -> (String, String, String) {
    let (amina, csrf) = sign_in(s, AMINA).await;
    let res = s
        .post(
            &format!("/discussions/{id}/comments"),
            &amina,
            &[("csrf", &csrf), ("text", text)],
        )
        .await;
    assert_eq!(res.status(), 303);
    let (_, page) = s.page(&format!("/discussions/{id}"), &amina).await;
    let cid = comment_with(&page, &text[text.len() - 20..]);
    (amina, csrf, cid)
}

/// Grace takes each decision of `forms` on `cid` (saying yes where a
/// decision asks first).
async fn grace_decides(s: &Server, cid: &str, forms: &[&[(&str, &str)]]) {
    let (grace, csrf) = sign_in(s, GRACE).await;
    for form in forms {
        let mut sent = vec![("csrf", csrf.as_str()), ("confirm", "yes")];
        sent.extend_from_slice(form);
        let res = s
            .post(&format!("/moderation/comments/{cid}"), &grace, &sent)
            .await;
        assert_eq!(res.status(), 303, "{sent:?}");
    }
}

/// The text of a page, without its tags and Fluent's isolation marks.
fn text_of(html: &str) -> String {
    crate::support::text_of(html).replace(['\u{2068}', '\u{2069}'], "")
}

/// A day as people write it: "7 December 2026".
fn is_a_day(day: &str) -> bool {
    let words: Vec<&str> = day.split(' ').collect();
    words.len() == 3
        && words[0].parse::<u8>().is_ok()
        && words[2].len() == 4
        && words[2].chars().all(|c| c.is_ascii_digit())
}

/// The words after `lead` up to the next full stop or colon.
fn after<'a>(text: &'a str, lead: &str) -> &'a str {
    let start = text.find(lead).unwrap_or_else(|| panic!("{lead}: {text}")) + lead.len();
    let rest = &text[start..];
    &rest[..rest.find(['.', ':', ',']).unwrap_or(rest.len())]
}

#[tokio::test]
async fn an_overturned_appeal_is_said_plainly_with_the_moderators_note() {
    for s in servers().await {
        let id = open_id(&s).await;
        let text = "The ferry timetable is never posted at the pier gate.";
        let (amina, amina_csrf, cid) = amina_posts(&s, &id, text).await;
        grace_decides(
            &s,
            &cid,
            &[
                &[("action", "hide"), ("reason", "off_topic")],
                &[("action", "suspend"), ("days", "3"), ("note", "Cool off.")],
            ],
        )
        .await;

        // Its author reads the hidden text, marked, with the reason and
        // the way to appeal; nobody else reads it, on the page or
        // through the API.
        let thread = format!("/discussions/{id}");
        let (_, mine) = s.page(&thread, &amina).await;
        let said = text_of(&mine);
        assert!(said.contains(text), "{said}");
        assert!(
            said.contains("Hidden by a moderator. The reason: Off topic. Only you"),
            "{said}"
        );
        assert!(mine.contains(&format!("/comments/{cid}/appeal\"")));
        let (_, ar) = s.page(&format!("{thread}?lang=ar"), &amina).await;
        assert!(text_of(&ar).contains("لا يقرأ هذا النص غيرك"), "{ar}");
        let (tom, _) = sign_in(&s, TOM).await;
        let (_, theirs) = s.page(&thread, &tom).await;
        assert!(!theirs.contains(text), "another member");
        assert!(theirs.contains("This comment was hidden by a moderator"));
        assert!(!s.html(&thread).await.contains(text), "the public");
        let api = format!("/api/v1/discussions/{id}/comments");
        let amina_session = (amina.clone(), amina_csrf.clone());
        let r = call(&s, Method::GET, &api, Some(&amina_session), None).await;
        assert!(r.body.to_string().contains(text), "{}", r.body);
        let r = call(&s, Method::GET, &api, None, None).await;
        assert_eq!(r.status, 200);
        assert!(!r.body.to_string().contains(text), "{}", r.body);

        // The appeal page says until when the suspension runs.
        let appeal = format!("/discussions/{id}/comments/{cid}/appeal");
        let (_, form) = s.page(&appeal, &amina).await;
        let said = text_of(&form);
        let until = after(&said, "stopped you commenting until ");
        let until = until.strip_suffix(" because of it").unwrap_or(until);
        assert!(is_a_day(until), "{until}: {said}");
        assert!(!said.contains("for a while"));
        let (_, ar) = s.page(&format!("{appeal}?lang=ar"), &amina).await;
        assert!(text_of(&ar).contains("عن التعليق حتى"), "{ar}");

        // Appealed: the comment says the appeal waits.
        let res = s
            .post(
                &appeal,
                &amina,
                &[("csrf", &amina_csrf), ("text", "It was about the pier.")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (_, mine) = s.page(&thread, &amina).await;
        assert!(
            text_of(&mine).contains("Your appeal is waiting for a moderator"),
            "{mine}"
        );

        // Karim overturns both, with a note; the queue's banner says so
        // and suggests nothing more.
        let (karim, karim_csrf) = sign_in(&s, KARIM).await;
        let item = format!("/moderation/comments/{cid}");
        let (_, page) = s.page(&item, &karim).await;
        assert!(page.contains("name=\"overturn_note\""), "{page}");
        let note = "You were right: the pier is the point.";
        let res = s
            .post(
                &item,
                &karim,
                &[
                    ("csrf", &karim_csrf),
                    ("action", "overturn"),
                    ("overturn_note", note),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let to = res.headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(to, "/moderation?done=moderation-appeal-overturned");
        let (_, queue) = s.page(&to, &karim).await;
        assert!(
            queue.contains("The appeal has been decided: the decision was overturned."),
            "{queue}"
        );
        assert!(!queue.contains("to warn its author"), "{queue}");
        let (_, ar) = s.page(&format!("{to}&lang=ar"), &karim).await;
        assert!(ar.contains("بُتّ في الطعن: أُلغي القرار"), "{ar}");

        // The author reads the outcome, the day and the note: on the
        // appeal's page, on the comment and in the notification.
        let (status, page) = s.page(&appeal, &amina).await;
        assert_eq!(status, 200, "an overturned appeal's page stays");
        let said = text_of(&page);
        let day = after(&said, "Your appeal was decided on ");
        assert!(is_a_day(day), "{day}: {said}");
        assert!(
            said.contains("the decision was overturned, and your comment is shown again"),
            "{said}"
        );
        assert!(said.contains(note), "{said}");
        let (_, ar) = s.page(&format!("{appeal}?lang=ar"), &amina).await;
        assert!(
            text_of(&ar).contains("أُلغي القرار، وعاد تعليقك ظاهرًا"),
            "{ar}"
        );
        let (_, mine) = s.page(&thread, &amina).await;
        assert!(
            text_of(&mine).contains("the decision was overturned, and your comment is shown again"),
            "{mine}"
        );
        let (_, told) = s.page("/notifications", &amina).await;
        assert!(told.contains(note), "{told}");
        // Everyone reads the comment again.
        assert!(s.html(&thread).await.contains(text));
        // The member can comment again: the suspension was lifted.
        let (_, page) = s.page(&thread, &amina).await;
        assert!(page.contains("id=\"add-comment\""));
    }
}

#[tokio::test]
async fn an_upheld_appeal_says_the_comment_stays_hidden() {
    for s in servers().await {
        let id = open_id(&s).await;
        let text = "Buy cheap watches from the stall behind the harbour office.";
        let (amina, amina_csrf, cid) = amina_posts(&s, &id, text).await;
        grace_decides(&s, &cid, &[&[("action", "hide"), ("reason", "spam")]]).await;
        let appeal = format!("/discussions/{id}/comments/{cid}/appeal");
        let res = s
            .post(
                &appeal,
                &amina,
                &[("csrf", &amina_csrf), ("text", "It is not spam.")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (karim, karim_csrf) = sign_in(&s, KARIM).await;
        let res = s
            .post(
                &format!("/moderation/comments/{cid}"),
                &karim,
                &[("csrf", &karim_csrf), ("action", "uphold")],
            )
            .await;
        assert_eq!(
            res.headers()["location"].to_str().unwrap(),
            "/moderation?done=moderation-appeal-upheld"
        );
        let said = text_of(&s.page(&appeal, &amina).await.1);
        assert!(
            said.contains("the decision was upheld, and your comment stays hidden"),
            "{said}"
        );
        let (_, mine) = s.page(&format!("/discussions/{id}"), &amina).await;
        assert!(text_of(&mine).contains("the decision was upheld"), "{mine}");
        assert!(!s.html(&format!("/discussions/{id}")).await.contains(text));

        // "Your data" lists the appeal: its text and its outcome.
        let (_, data) = s.page("/account/data", &amina).await;
        let said = text_of(&data);
        assert!(
            said.contains("Your appeals against moderators’ decisions"),
            "{said}"
        );
        assert!(said.contains("It is not spam.") && said.contains("Decision upheld"));
        let (_, ar) = s.page("/account/data?lang=ar", &amina).await;
        assert!(ar.contains("طعونك في قرارات المشرفين"), "{ar}");
        for path in ["/account/data.json", "/api/v1/me/data"] {
            let json: serde_json::Value = s.get_with(path, &amina).await.json().await.unwrap();
            let appeals = json["appeals"].as_array().expect(path);
            let this = appeals
                .iter()
                .find(|a| a["comment_id"] == cid.as_str())
                .unwrap_or_else(|| panic!("{path}: {json}"));
            assert_eq!(this["text"], "It is not spam.");
            assert_eq!(this["outcome"], "upheld");
            assert!(this["sent_at"].is_string() && this["decided_at"].is_string());
        }
    }
}

#[tokio::test]
async fn the_decision_form_says_which_fields_each_decision_reads_and_keeps_the_filters() {
    for s in servers().await {
        let id = open_id(&s).await;
        let (_, _, cid) =
            amina_posts(&s, &id, "The harbour lights flicker after ten at night.").await;
        let (tom, tom_csrf) = sign_in(&s, TOM).await;
        let res = s
            .post(
                &format!("/discussions/{id}/comments/{cid}/report"),
                &tom,
                &[("csrf", &tom_csrf), ("reason", "spam")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (grace, grace_csrf) = sign_in(&s, GRACE).await;

        // The queue narrowed to reported comments leads to the comment's
        // page with its filters, whose way back keeps them.
        let (_, queue) = s.page("/moderation?flag=reported", &grace).await;
        let item = format!("/moderation/comments/{cid}?flag=reported");
        assert!(queue.contains(&format!("href=\"{item}\"")), "{queue}");
        let (_, page) = s.page(&item, &grace).await;
        assert!(
            page.contains("href=\"/moderation?flag=reported\""),
            "{page}"
        );
        // Each field a single decision reads names it, for the script
        // that shows only those; the decision is the primary button.
        for (name, action) in [("reason", "hide"), ("words", "redact"), ("days", "suspend")] {
            let field = page
                .split("govuk-form-group")
                .find(|g| g.contains(&format!("name=\"{name}\"")))
                .unwrap_or_else(|| panic!("{name}: {page}"));
            assert!(
                field.contains(&format!("data-shown-for=\"{action}\"")),
                "{name}: {field}"
            );
        }
        let button = page
            .split("<button")
            .find(|b| b.contains("Record the decision"))
            .unwrap();
        assert!(!button.contains("govuk-button--secondary"), "{button}");
        assert!(page.contains(&format!("action=\"{item}\"")), "{page}");

        // Without scripts every field is sent: the decision reads only
        // its own, and the queue comes back as it was narrowed.
        let res = s
            .post(
                &item,
                &grace,
                &[
                    ("csrf", grace_csrf.as_str()),
                    ("action", "approve"),
                    ("reason", "spam"),
                    ("words", "nowhere in it"),
                    ("days", "not a number"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(
            res.headers()["location"].to_str().unwrap(),
            format!("/moderation?done=moderation-decided&comment={cid}&flag=reported")
        );
    }
}

#[tokio::test]
async fn a_suspended_member_asking_for_a_reply_form_is_told_until_when() {
    for s in servers().await {
        let id = open_id(&s).await;
        let (grace, grace_csrf) = sign_in(&s, GRACE).await;
        let res = s
            .post(
                &format!("/discussions/{id}/comments"),
                &grace,
                &[
                    ("csrf", &grace_csrf),
                    ("text", "The slipway needs a handrail, please."),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (_, page) = s.page(&format!("/discussions/{id}"), &grace).await;
        let parent = comment_with(&page, "needs a handrail, please.");
        let (amina, amina_csrf, cid) =
            amina_posts(&s, &id, "The pier lamps were out all of last week.").await;
        grace_decides(&s, &cid, &[&[("action", "suspend"), ("days", "2")]]).await;

        let reply = format!("/discussions/{id}/comments/{parent}/reply");
        let (status, page) = s.page(&reply, &amina).await;
        assert_eq!(status, 409);
        assert!(!page.contains("name=\"text\""), "no form: {page}");
        let said = text_of(&page);
        assert!(
            said.contains("Your account cannot comment or reply until "),
            "{said}"
        );
        let (_, ar) = s.page(&format!("{reply}?lang=ar"), &amina).await;
        assert!(
            text_of(&ar).contains("لا يمكن لحسابك التعليق أو الرد حتى"),
            "{ar}"
        );

        // Sent anyway: the 409 page and the API's problem name the end.
        let res = s
            .post(
                &reply,
                &amina,
                &[("csrf", &amina_csrf), ("text", "A reply.")],
            )
            .await;
        assert_eq!(res.status(), 409);
        let said = text_of(&res.text().await.unwrap());
        assert!(
            said.contains("Your account cannot comment or reply until "),
            "{said}"
        );
        let api = format!("/api/v1/discussions/{id}/comments");
        let r = call(
            &s,
            Method::POST,
            &api,
            Some(&(amina.clone(), amina_csrf.clone())),
            Some(&json!({"text": "A reply.", "parent_id": parent})),
        )
        .await;
        assert_eq!(
            (r.status, r.code()),
            (409, "account_suspended"),
            "{}",
            r.body
        );
        let detail = r.body["detail"].as_str().unwrap();
        assert!(
            detail.contains("cannot comment or reply until 20"),
            "{detail}"
        );
    }
}

/// A comment reported as a threat asks moderators for the step outside
/// the platform until one decides; hidden as off-topic it asks no more,
/// hidden as a threat it still does (walkthrough).
#[tokio::test]
async fn the_step_outside_is_asked_for_until_a_moderator_judges_otherwise() {
    for s in servers().await {
        let id = open_id(&s).await;
        let heading = "Reported as a threat or terrorist content";
        let mut ids = Vec::new();
        for text in [
            "The bins behind the leisure centre were not emptied again.",
            "Somebody should sort the people on the estate out for good.",
        ] {
            let (_, _, cid) = amina_posts(&s, &id, text).await;
            let (tom, tom_csrf) = sign_in(&s, TOM).await;
            let res = s
                .post(
                    &format!("/discussions/{id}/comments/{cid}/report"),
                    &tom,
                    &[("csrf", &tom_csrf), ("reason", "threats"), ("note", "")],
                )
                .await;
            assert_eq!(res.status(), 303);
            ids.push(cid);
        }
        let (karim, _) = sign_in(&s, KARIM).await;
        for cid in &ids {
            let (_, page) = s.page(&format!("/moderation/comments/{cid}"), &karim).await;
            assert!(page.contains(heading), "undecided: asked");
        }
        grace_decides(
            &s,
            &ids[0],
            &[&[("action", "hide"), ("reason", "off_topic")]],
        )
        .await;
        grace_decides(&s, &ids[1], &[&[("action", "hide"), ("reason", "threats")]]).await;
        let (_, off_topic) = s
            .page(&format!("/moderation/comments/{}", ids[0]), &karim)
            .await;
        assert!(!off_topic.contains(heading), "judged off-topic: not asked");
        let (_, threat) = s
            .page(&format!("/moderation/comments/{}", ids[1]), &karim)
            .await;
        assert!(threat.contains(heading), "judged a threat: still asked");
    }
}
