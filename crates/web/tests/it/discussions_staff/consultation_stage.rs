//! A discussion as part of a consultation's stage (ADR 38): an officer
//! links one from its details form, visitors see the link on the
//! discussion's page and the discussion at that stage of the
//! consultation's timeline, in English and Arabic; drafts never show
//! there; forged links get stable codes and save nothing; unlinking
//! works; a consultation the reader may not see is not told of.

use cohesion_domain::consultation::Publication;
use cohesion_domain::discussion::stage_link::StageRef;
use cohesion_storage::consultations::catalogue as consultations;
use cohesion_storage::discussions::stage_links;
use reqwest::Method;
use serde_json::{json, Value};
use uuid::Uuid;

use super::{audited, call, discussion_count, form, sign_in, stored, Reply, AMINA, OFFICER};
use crate::support::{servers_with_people, Server};

const TITLE: &str = "Walking home after dark";

/// The demo's open consultation ("Formal consultation" is its third
/// stage, place 2; it has four).
async fn safer_streets(s: &Server) -> Uuid {
    cohesion_services::consultations::demo::load(s.db())
        .await
        .unwrap();
    let mut c = s.db().acquire().await.unwrap();
    stage_links::titled(c.conn(), "Safer streets, stronger communities")
        .await
        .unwrap()
        .expect("the demo's consultation")
}

/// The part of `html` from `from` up to `to` (or the end).
fn between<'a>(html: &'a str, from: &str, to: &str) -> &'a str {
    let start = html
        .find(from)
        .unwrap_or_else(|| panic!("{from} on the page"));
    let rest = &html[start..];
    &rest[..rest.find(to).unwrap_or(rest.len())]
}

async fn publish(s: &Server, officer: &(String, String), id: &str) {
    let path = format!("/api/v1/discussions/{id}/publish");
    let r = call(s, Method::POST, &path, Some(officer), None).await;
    assert_eq!(r.status, 200, "{}", r.body);
}

/// A discussion written in the officers' form, part of `stage` (a form
/// value, or "" for none): its id.
async fn create(s: &Server, officer: &(String, String), stage: &str) -> String {
    let (cookie, csrf) = officer;
    let res = s
        .post("/staff/discussions/new", cookie, &form(csrf, TITLE, stage))
        .await;
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap();
    location
        .trim_start_matches("/staff/discussions/")
        .split('?')
        .next()
        .unwrap()
        .to_owned()
}

/// Saves discussion `id`'s form with "Not linked" chosen.
async fn unlink(s: &Server, officer: &(String, String), id: &str) {
    let (cookie, csrf) = officer;
    let path = format!("/staff/discussions/{id}/edit");
    let res = s.post(&path, cookie, &form(csrf, TITLE, "")).await;
    assert_eq!(res.status(), 303);
}

/// A page's words, without the isolation marks around inserted names.
fn words(html: &str) -> String {
    crate::support::text_of(html).replace(['\u{2068}', '\u{2069}'], "")
}

/// A discussion's JSON for the API, part of `stage` (`null` for none).
fn api_body(stage: Value) -> Value {
    json!({
        "title": TITLE,
        "introduction": "How safe does the walk home feel?",
        "opens_at": "2020-01-01T09:00Z",
        "closes_at": "2099-01-01T09:00Z",
        "consultation_stage": stage
    })
}

/// `body` sent to `path` with `method` by the officer.
async fn send(
    s: &Server,
    officer: &(String, String),
    method: Method,
    path: &str,
    body: &Value,
) -> Reply {
    call(s, method, path, Some(officer), Some(body)).await
}

#[tokio::test]
async fn an_officer_links_a_discussion_and_visitors_see_it_at_both_ends() {
    for s in servers_with_people().await {
        let cid = safer_streets(&s).await;
        let officer = sign_in(&s, OFFICER).await;
        let cookie = &officer.0;
        let (status, html) = s.page("/staff/discussions/new", cookie).await;
        assert_eq!(status, 200);
        assert!(html.contains("name=\"consultation_stage\""));
        assert!(html.contains("Not linked"));
        let value = format!("{cid}:2");
        assert!(
            html.contains(&format!("value=\"{value}\"")),
            "each stage is offered"
        );
        assert!(html.contains("Safer streets, stronger communities — stage 3: Formal consultation"));

        let id = create(&s, &officer, &value).await;
        let link = StageRef {
            consultation_id: cid,
            stage: 2,
        };
        assert_eq!(stored(&s, &id).await.consultation_stage, Some(link));
        // The officers' page names it; the edit form shows it chosen.
        let (_, manage) = s.page(&format!("/staff/discussions/{id}"), cookie).await;
        assert!(words(&manage)
            .contains("Safer streets, stronger communities — stage 3: Formal consultation"));
        let (_, edit) = s
            .page(&format!("/staff/discussions/{id}/edit"), cookie)
            .await;
        assert!(edit.contains(&format!("value=\"{value}\" selected")));
        // In Arabic, the consultation's title and the stage's name are its
        // Arabic translations, on the officers' page and in the form.
        let arabic = "شوارع أكثر أمنًا ومجتمعات أقوى — المرحلة 3: الاستشارة الرسمية";
        let (_, manage) = s
            .page(&format!("/staff/discussions/{id}?lang=ar"), cookie)
            .await;
        let text = words(&manage);
        assert!(text.contains(arabic), "{text}");
        assert!(!text.contains("Formal consultation"), "{text}");
        let (_, edit) = s
            .page(&format!("/staff/discussions/{id}/edit?lang=ar"), cookie)
            .await;
        assert!(edit.contains(arabic), "the form offers it in Arabic");
        // The dashboard's lists name discussions, so their headings agree
        // with each one's status (مفتوح) rather than stand beside it alone.
        let (_, panel) = s.page("/manage?lang=ar", cookie).await;
        assert!(panel.contains("نقاشات مسودة أو مسحوبة"), "{panel}");

        // A draft never shows on the consultation's page.
        let consultation = format!("/consultations/{cid}");
        let discussion = format!("/discussions/{id}");
        assert!(!s.html(&consultation).await.contains(&discussion));

        publish(&s, &officer, &id).await;
        let page = s.html(&discussion).await;
        let part_of = between(&page, "app-discussion__consultation", "</p>");
        assert!(
            part_of.contains(&format!("href=\"{consultation}\"")),
            "{part_of}"
        );
        assert!(part_of.contains("Part of the consultation"), "{part_of}");
        assert!(part_of.contains("Safer streets, stronger communities"));
        assert!(part_of.contains("Formal consultation"));

        // At its stage of the timeline, not another's.
        let timeline = s.html(&consultation).await;
        // (The strands list "Formal consultation" too: the timeline's.)
        let stages = between(&timeline, "class=\"app-timeline\"", "</ol>");
        let stage = between(stages, ">Formal consultation<", "</ul>");
        assert!(
            stage.contains(&format!("href=\"{discussion}\"")),
            "{stages}"
        );
        assert!(stage.contains(TITLE));
        assert!(stage.contains("Discussions at this stage"));
        let others = timeline.matches(&format!("href=\"{discussion}\"")).count();
        assert_eq!(others, 1, "listed once");

        // In Arabic: the words around are Arabic; the consultation's
        // title is its Arabic translation where the demo has one.
        let page = s.html(&format!("{discussion}?lang=ar")).await;
        let part_of = between(&page, "app-discussion__consultation", "</p>");
        assert!(part_of.contains("جزء من الاستشارة"), "{part_of}");
        let timeline = s.html(&format!("{consultation}?lang=ar")).await;
        assert!(timeline.contains("النقاشات في هذه المرحلة"));
        assert!(timeline.contains(&format!("href=\"{discussion}\"")));

        // Unlinking: the form's "Not linked".
        let before = audited(&s, "discussion.update", &id).await;
        unlink(&s, &officer, &id).await;
        assert_eq!(stored(&s, &id).await.consultation_stage, None);
        assert_eq!(audited(&s, "discussion.update", &id).await, before + 1);
        assert!(!s.html(&consultation).await.contains(&discussion));
        assert!(!s
            .html(&discussion)
            .await
            .contains("app-discussion__consultation"));
    }
}

#[tokio::test]
async fn forged_links_are_refused_and_nothing_is_saved() {
    for s in servers_with_people().await {
        let cid = safer_streets(&s).await;
        let officer = sign_in(&s, OFFICER).await;
        let (cookie, csrf) = (&officer.0, &officer.1);
        let before = discussion_count(&s).await;

        // The form: each forged value gets its message beside the select.
        let nobody = format!("{}:0", Uuid::new_v4());
        let no_stage = format!("{cid}:4");
        for (value, says) in [
            ("forged", "Choose a consultation stage from the list"),
            (nobody.as_str(), "That consultation no longer exists"),
            (
                no_stage.as_str(),
                "That stage is no longer in the consultation",
            ),
        ] {
            let res = s
                .post("/staff/discussions/new", cookie, &form(csrf, TITLE, value))
                .await;
            assert_eq!(res.status(), 422, "{value}");
            let html = res.text().await.unwrap();
            assert!(html.contains(says), "{value}: {says}");
            assert!(html.contains("href=\"#consultation_stage\""));
        }

        // The API: stable codes at the member's pointer.
        let list = "/api/v1/discussions";
        for (stage, code) in [
            (
                json!({"consultation_id": Uuid::new_v4(), "stage": 0}),
                "unknown_consultation",
            ),
            (json!({"consultation_id": cid, "stage": 4}), "unknown_stage"),
        ] {
            let r = send(&s, &officer, Method::POST, list, &api_body(stage)).await;
            assert_eq!(r.status, 422, "{}", r.body);
            assert_eq!(
                r.problems(),
                [("/consultation_stage".to_owned(), code.to_owned())]
            );
        }
        let forged = api_body(json!({"consultation_id": "not an id", "stage": 0}));
        let r = send(&s, &officer, Method::POST, list, &forged).await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert_eq!(r.code(), "bad_request");
        assert_eq!(discussion_count(&s).await, before, "nothing saved");

        // Linked through the API, then kept, read and unlinked.
        let linked = api_body(json!({"consultation_id": cid, "stage": 3}));
        let r = send(&s, &officer, Method::POST, list, &linked).await;
        assert_eq!(r.status, 201, "{}", r.body);
        let id = r.body["id"].as_str().unwrap().to_owned();
        let path = format!("/api/v1/discussions/{id}");
        let mut changed = api_body(Value::Null);
        changed
            .as_object_mut()
            .unwrap()
            .remove("consultation_stage");
        changed["title"] = json!("Walking home at night");
        let r = send(&s, &officer, Method::PUT, &path, &changed).await;
        assert_eq!(r.status, 204, "{}", r.body);
        let r = call(&s, Method::GET, &path, Some(&officer), None).await;
        assert_eq!(
            r.body["consultation_stage"],
            json!({"consultation_id": cid, "stage": 3}),
            "left out, the link stays"
        );
        publish(&s, &officer, &id).await;
        let r = call(&s, Method::GET, &path, None, None).await;
        assert_eq!(r.body["consultation_stage"]["stage"], 3);

        // The consultation withdrawn: nobody but staff is told of it.
        {
            let mut c = s.db().acquire().await.unwrap();
            consultations::set_published(c.conn(), cid, Publication::Consultation, None)
                .await
                .unwrap();
        }
        let r = call(&s, Method::GET, &path, None, None).await;
        assert_eq!(r.body["consultation_stage"], Value::Null);
        let resident = sign_in(&s, AMINA).await;
        let r = call(&s, Method::GET, &path, Some(&resident), None).await;
        assert_eq!(r.body["consultation_stage"], Value::Null);
        let page = s.html(&format!("/discussions/{id}")).await;
        assert!(!page.contains("app-discussion__consultation"));
        assert!(!page.contains(&cid.to_string()));
        let r = call(&s, Method::GET, &path, Some(&officer), None).await;
        assert_eq!(r.body["consultation_stage"]["stage"], 3);

        // `null` unlinks.
        let r = send(&s, &officer, Method::PUT, &path, &api_body(Value::Null)).await;
        assert_eq!(r.status, 204, "{}", r.body);
        assert_eq!(stored(&s, &id).await.consultation_stage, None);
    }
}

/// Shrinking a timeline past a stage a discussion is part of is refused
/// with `stage_has_discussions` (ADR 38), on the pages before the button
/// and after it, and through the API; the page names the discussion and
/// leads to it. Once it is linked elsewhere, the stage goes.
#[tokio::test]
async fn a_stage_with_discussions_is_not_removed_without_a_word() {
    for s in servers_with_people().await {
        let cid = safer_streets(&s).await;
        let officer = sign_in(&s, OFFICER).await;
        let (cookie, csrf) = (&officer.0, &officer.1);
        let id = create(&s, &officer, &format!("{cid}:2")).await;
        assert_eq!(stage_count(&s, cid).await, 4);

        // Its stage (3) and an earlier one (1): the page says why not,
        // names the discussion with the way to its form, and offers no
        // button; sent anyway, 409 and the same words; nothing removed.
        for n in [3, 1] {
            let path = format!("/staff/consultations/{cid}/stages/{n}/remove");
            let (status, html) = s.page(&path, cookie).await;
            assert_eq!(status, 200);
            let text = crate::support::text_of(&html);
            assert!(
                text.contains("This discussion is part of this stage or a later one"),
                "{text}"
            );
            assert!(text.contains(TITLE));
            assert!(html.contains(&format!("href=\"/staff/discussions/{id}/edit\"")));
            let button = format!("<form method=\"post\" action=\"{path}\"");
            assert!(!html.contains(&button), "no button to refuse");
            let res = s.post(&path, cookie, &[("csrf", csrf.as_str())]).await;
            assert_eq!(res.status(), 409);
            let html = res.text().await.unwrap();
            assert!(html.contains(TITLE));
            assert_eq!(stage_count(&s, cid).await, 4);
            let (_, ar) = s.page(&format!("{path}?lang=ar"), cookie).await;
            assert!(ar.contains("هذا النقاش جزء من هذه المرحلة"), "{ar}");
        }
        assert_eq!(
            stored(&s, &id).await.consultation_stage.map(|l| l.stage),
            Some(2)
        );

        // The API's timeline of two stages is refused with its code.
        let two = json!([{"name": "Listening"}, {"name": "Deciding"}]);
        let path = format!("/api/v1/consultations/{cid}/stages");
        let r = send(&s, &officer, Method::PUT, &path, &two).await;
        assert_eq!(r.status, 409, "{}", r.body);
        assert_eq!(r.code(), "stage_has_discussions");
        assert_eq!(stage_count(&s, cid).await, 4);

        // A later stage goes: nothing is linked to it.
        removed(&s, &officer, cid, 4).await;
        assert_eq!(stage_count(&s, cid).await, 3);

        // Unlinked, its stage goes too, its page offering the button.
        unlink(&s, &officer, &id).await;
        removed(&s, &officer, cid, 3).await;
        assert_eq!(stage_count(&s, cid).await, 2);
    }
}

/// Removes stage `n` (from 1) of consultation `cid`'s timeline from its
/// page, which offers the button.
async fn removed(s: &Server, officer: &(String, String), cid: Uuid, n: usize) {
    let (cookie, csrf) = officer;
    let path = format!("/staff/consultations/{cid}/stages/{n}/remove");
    let (_, html) = s.page(&path, cookie).await;
    assert!(html.contains(&format!("<form method=\"post\" action=\"{path}\"")));
    let res = s.post(&path, cookie, &[("csrf", csrf.as_str())]).await;
    assert_eq!(res.status(), 303);
}

/// How many stages consultation `cid`'s timeline has.
async fn stage_count(s: &Server, cid: Uuid) -> usize {
    let mut c = s.db().acquire().await.unwrap();
    consultations::stages(c.conn(), cid).await.unwrap().len()
}
