//! Opinion voting over HTTP with the demo's statements stage: voting
//! through plain forms (no script), one statement at a time, in English
//! and Arabic; submitting a statement; the opinion map as an SVG drawing
//! with tables; the API; the officers' and moderators' page and the
//! Pol.is export; bad input refused with a 4xx and nothing saved.

use cohesion_storage::discussions::statements;
use reqwest::Method;
use serde_json::{json, Value};
use uuid::Uuid;

use super::{open_id, servers, sign_in, AMINA, TOM};
use crate::support::Server;

/// The statement the voting page offers: its vote form's action.
fn offered(html: &str) -> Option<String> {
    let at = html.find("/statements/")?;
    let start = html[..at].rfind("action=\"")? + 8;
    let end = start + html[start..].find('"')?;
    Some(html[start..end].to_owned())
}

async fn votes_in(s: &Server, d: &str) -> usize {
    let mut c = s.db().acquire().await.unwrap();
    statements::all_votes(c.conn(), Uuid::parse_str(d).unwrap())
        .await
        .unwrap()
        .len()
}

#[tokio::test]
async fn members_vote_one_statement_at_a_time_through_forms() {
    for s in servers().await {
        let id = open_id(&s).await;
        let page = s.html(&format!("/discussions/{id}")).await;
        assert!(page.contains(&format!("href=\"/discussions/{id}/vote\"")));
        assert!(page.contains(&format!("href=\"/discussions/{id}/opinions\"")));
        // Signed out: a way to sign in, no buttons.
        let out = s.html(&format!("/discussions/{id}/vote")).await;
        assert!(out.contains("Sign in to vote"));
        assert!(!out.contains("name=\"vote\""));

        let (cookie, csrf) = sign_in(&s, AMINA).await;
        let (status, page) = s.page(&format!("/discussions/{id}/vote"), &cookie).await;
        assert_eq!(status, 200);
        // Twelve statements, one of them her own, which she is not asked about.
        assert!(page.contains("You have voted on 0 of 11 statements."));
        for v in ["agree", "disagree", "pass"] {
            assert!(page.contains(&format!("name=\"vote\" value=\"{v}\"")));
        }
        let before = votes_in(&s, &id).await;

        // Bad input: no token, an unknown vote, forged ids. Nothing saved.
        let action = offered(&page).expect("a statement to vote on");
        let res = s.post(&action, &cookie, &[("vote", "agree")]).await;
        assert_eq!(res.status(), 403);
        let res = s
            .post(&action, &cookie, &[("csrf", &csrf), ("vote", "maybe")])
            .await;
        assert_eq!(res.status(), 422);
        let forged = format!("/discussions/{id}/statements/{}/vote", Uuid::new_v4());
        let res = s
            .post(&forged, &cookie, &[("csrf", &csrf), ("vote", "agree")])
            .await;
        assert_eq!(res.status(), 404);
        let res = s
            .post(
                &format!("/discussions/{id}/statements/not-an-id/vote"),
                &cookie,
                &[("csrf", &csrf), ("vote", "agree")],
            )
            .await;
        assert_eq!(res.status(), 404);
        assert_eq!(votes_in(&s, &id).await, before);

        // Vote through every statement: each answer leads to the next.
        let mut page = page;
        for n in 0..11 {
            let action = offered(&page).unwrap_or_else(|| panic!("statement {n}"));
            let vote = ["agree", "disagree", "pass"][n % 3];
            let res = s
                .post(&action, &cookie, &[("csrf", &csrf), ("vote", vote)])
                .await;
            assert_eq!(res.status(), 303);
            let to = res.headers()["location"].to_str().unwrap().to_owned();
            assert!(to.ends_with("/vote?done=vote-recorded"), "{to}");
            page = s.page(&to, &cookie).await.1;
            assert!(page.contains("Your vote has been recorded."));
        }
        assert!(page.contains("You have voted on all statements."));
        assert!(page.contains("You have voted on 11 of 11 statements."));
        assert_eq!(votes_in(&s, &id).await, before + 11);

        // A statement of one's own; empty or too long shows the form again.
        let add = format!("/discussions/{id}/statements");
        let res = s
            .post(&add, &cookie, &[("csrf", &csrf), ("text", " ")])
            .await;
        assert_eq!(res.status(), 422);
        let again = res.text().await.unwrap();
        assert!(again.contains("Write your statement"));
        let long = "a".repeat(281);
        let res = s
            .post(&add, &cookie, &[("csrf", &csrf), ("text", &long)])
            .await;
        assert_eq!(res.status(), 422);
        let again = res.text().await.unwrap();
        assert!(again.contains("280 characters or fewer"));
        assert!(again.contains(&long), "what was typed is kept");
        let res = s
            .post(
                &add,
                &cookie,
                &[
                    ("csrf", &csrf),
                    ("text", "Night buses would help people get home safely."),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let to = res.headers()["location"].to_str().unwrap().to_owned();
        assert!(to.contains("done=statement-"), "{to}");

        // Another member is offered it: thirteen now, but his own.
        let (tom, _) = sign_in(&s, TOM).await;
        let (_, page) = s.page(&format!("/discussions/{id}/vote"), &tom).await;
        assert!(
            page.contains("of 12 statements"),
            "{}",
            crate::support::text_of(&page)
        );
    }
}

/// The "Your votes" part of a voting page, if there is one.
fn yours(html: &str) -> Option<&str> {
    let at = html.find("id=\"your-votes\"")?;
    let end = at + html[at..].find("</ol>")?;
    Some(&html[at..end])
}

#[tokio::test]
async fn votes_already_cast_are_listed_below_and_can_be_changed() {
    for s in servers().await {
        let id = open_id(&s).await;
        let here = format!("/discussions/{id}/vote");
        let (cookie, csrf) = sign_in(&s, AMINA).await;
        let (_, page) = s.page(&here, &cookie).await;
        assert!(yours(&page).is_none(), "no votes yet, no list");
        let first = offered(&page).unwrap();
        let res = s
            .post(&first, &cookie, &[("csrf", &csrf), ("vote", "agree")])
            .await;
        assert_eq!(res.status(), 303);
        let before = votes_in(&s, &id).await;

        // Below the next statement, the one voted on, the vote, and the
        // other two choices as buttons of a plain form.
        let (_, page) = s.page(&here, &cookie).await;
        assert_ne!(offered(&page).as_deref(), Some(first.as_str()));
        let list = yours(&page).expect("Your votes");
        assert!(page.find("id=\"your-votes\"") > page.find("name=\"vote\""));
        assert!(list.contains(&format!("action=\"{first}\"")), "{list}");
        assert!(list.contains("You agreed."), "{list}");
        assert!(list.contains("name=\"vote\" value=\"disagree\""));
        assert!(list.contains("name=\"vote\" value=\"pass\""));
        assert!(!list.contains("value=\"agree\""), "not what it already is");
        assert!(list.contains("Change to disagree"));

        // Changing it replaces the vote: still one, now disagreeing.
        let res = s
            .post(&first, &cookie, &[("csrf", &csrf), ("vote", "disagree")])
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(votes_in(&s, &id).await, before);
        let (_, page) = s.page(&here, &cookie).await;
        assert!(page.contains("You have voted on 1 of 11 statements."));
        let list = yours(&page).unwrap();
        assert!(list.contains("You disagreed."), "{list}");
        assert!(list.contains("value=\"agree\""));

        // In Arabic, in Arabic words.
        let (_, ar) = s.page(&format!("{here}?lang=ar"), &cookie).await;
        let list = yours(&ar).expect("أصواتك");
        assert!(ar.contains("أصواتك"));
        assert!(list.contains("صوّتّ بعدم الموافقة."), "{list}");
    }
}

#[tokio::test]
async fn voting_and_the_map_read_in_arabic() {
    for s in servers().await {
        let id = open_id(&s).await;
        let (cookie, _) = sign_in(&s, AMINA).await;
        let (status, page) = s
            .page(&format!("/discussions/{id}/vote?lang=ar"), &cookie)
            .await;
        assert_eq!(status, 200);
        assert!(page.contains("dir=\"rtl\""));
        assert!(page.contains("أوافق"));
        assert!(page.contains("صوّتّ على 0 من 11 عبارة"));
        let map = s.html(&format!("/discussions/{id}/opinions?lang=ar")).await;
        assert!(map.contains("خريطة الآراء"));
        assert!(map.contains("المجموعة أ"));
    }
}

#[tokio::test]
async fn the_map_is_a_described_drawing_with_tables() {
    for s in servers().await {
        let id = open_id(&s).await;
        let html = s.html(&format!("/discussions/{id}/opinions")).await;
        assert!(html.contains("<svg role=\"img\" aria-labelledby=\"map-title map-desc\""));
        assert!(html.contains("<title id=\"map-title\">"));
        assert!(html.contains("<desc id=\"map-desc\">"));
        assert!(html.contains("<polygon"));
        assert!(html.contains("id=\"opinion-groups\""));
        assert!(html.contains("Group A"));
        assert!(html.contains("60 people have voted"));
        assert!(html.contains("What most people agree on"));
        assert!(html.contains("only by how their members voted"));

        // A discussion without a stage has no map or voting page.
        let closed = super::closed_id(&s).await;
        assert_eq!(
            s.get(&format!("/discussions/{closed}/opinions"))
                .await
                .status(),
            404
        );
        assert_eq!(
            s.get(&format!("/discussions/{closed}/vote")).await.status(),
            404
        );
    }
}

async fn call(
    s: &Server,
    method: Method,
    path: &str,
    session: &(String, String),
    body: Option<Value>,
) -> (u16, Value) {
    let mut req = s
        .client
        .request(method, s.url(path))
        .header("cookie", &session.0)
        .header("x-csrf-token", &session.1);
    if let Some(body) = body {
        req = req.json(&body);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    let body = serde_json::from_slice(&res.bytes().await.unwrap()).unwrap_or(Value::Null);
    (status, body)
}

#[tokio::test]
async fn the_api_offers_takes_votes_and_gives_the_map() {
    for s in servers().await {
        let id = open_id(&s).await;
        let me = sign_in(&s, TOM).await;
        let base = format!("/api/v1/discussions/{id}");
        let (status, next) = call(
            &s,
            Method::GET,
            &format!("{base}/statements/next"),
            &me,
            None,
        )
        .await;
        assert_eq!(status, 200, "{next}");
        assert_eq!(next["total"], 11, "the twelve but his own");
        let sid = next["statement"]["id"].as_str().unwrap().to_owned();
        let vote = format!("{base}/statements/{sid}/votes");
        let (status, _) = call(&s, Method::POST, &vote, &me, Some(json!({"vote": "agree"}))).await;
        assert_eq!(status, 204);
        let (status, _) = call(&s, Method::POST, &vote, &me, Some(json!({"vote": "pass"}))).await;
        assert_eq!(status, 204, "a vote again replaces it");
        let (status, body) = call(&s, Method::POST, &vote, &me, Some(json!({"vote": "yes"}))).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (422, Some("invalid_choice"))
        );
        let (status, body) = call(
            &s,
            Method::POST,
            &vote,
            &me,
            Some(json!({"vote": "agree", "x": 1})),
        )
        .await;
        assert_eq!(status, 422, "an unknown member: {body}");
        let forged = format!("{base}/statements/{}/votes", Uuid::new_v4());
        let (status, _) = call(
            &s,
            Method::POST,
            &forged,
            &me,
            Some(json!({"vote": "agree"})),
        )
        .await;
        assert_eq!(status, 404);
        let (_, next) = call(
            &s,
            Method::GET,
            &format!("{base}/statements/next"),
            &me,
            None,
        )
        .await;
        assert_eq!(next["voted"], 1);

        let (status, body) = call(
            &s,
            Method::POST,
            &format!("{base}/statements"),
            &me,
            Some(json!({"text": "x".repeat(300)})),
        )
        .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (422, Some("field_too_long"))
        );

        let (status, map) = call(&s, Method::GET, &format!("{base}/opinions"), &me, None).await;
        assert_eq!(status, 200);
        assert_eq!(map["ready"], true);
        assert!(map["groups"].as_array().unwrap().len() >= 2);
        assert!(map["points"][0].get("x").is_some());
    }
}

#[tokio::test]
async fn officers_and_moderators_look_after_the_stage() {
    for s in servers().await {
        let id = open_id(&s).await;
        let helen = sign_in(&s, "helen@brightwater.example").await;
        let (status, page) = s.page(&format!("/staff/discussions/{id}"), &helen.0).await;
        assert_eq!(status, 200);
        assert!(page.contains("Remove the statements stage"));
        let (status, page) = s
            .page(&format!("/staff/discussions/{id}/statements"), &helen.0)
            .await;
        assert_eq!(status, 200);
        assert!(page.contains("id=\"statements\""));
        let res = s
            .get_with(
                &format!("/staff/discussions/{id}/statements/votes.csv"),
                &helen.0,
            )
            .await;
        assert_eq!(res.status(), 200);
        let csv = res.text().await.unwrap();
        assert!(csv.starts_with("timestamp,datetime,comment-id,voter-id,vote\n"));
        let res = s
            .get_with(
                &format!("/staff/discussions/{id}/statements/comments.csv"),
                &helen.0,
            )
            .await;
        assert!(res
            .text()
            .await
            .unwrap()
            .starts_with("timestamp,datetime,comment-id,author-id"));

        // Residents may not.
        let tom = sign_in(&s, TOM).await;
        let res = s
            .get_with(
                &format!("/staff/discussions/{id}/statements/votes.csv"),
                &tom.0,
            )
            .await;
        assert_eq!(res.status(), 403);
        let res = s
            .post(
                &format!("/staff/discussions/{id}/statements/stage"),
                &tom.0,
                &[("csrf", &tom.1), ("stage", "off")],
            )
            .await;
        assert_eq!(res.status(), 403);

        // A moderator hides a statement: it takes no more votes (409).
        let grace = sign_in(&s, "grace@brightwater.example").await;
        let (_, page) = s
            .page(&format!("/staff/discussions/{id}/statements"), &grace.0)
            .await;
        assert!(page.contains("Hide statement 2"));
        let sid = {
            let mut c = s.db().acquire().await.unwrap();
            let all = statements::list(c.conn(), Uuid::parse_str(&id).unwrap(), None, 100)
                .await
                .unwrap();
            all[1].id
        };
        let res = s
            .post(
                &format!("/staff/discussions/{id}/statements/{sid}/decision"),
                &grace.0,
                &[("csrf", &grace.1), ("decision", "hide")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (status, body) = call(
            &s,
            Method::POST,
            &format!("/api/v1/discussions/{id}/statements/{sid}/votes"),
            &tom,
            Some(json!({"vote": "agree"})),
        )
        .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (409, Some("statement_not_votable"))
        );

        // The officer takes the stage away, asked first: no voting page.
        let stage = format!("/staff/discussions/{id}/statements/stage");
        let res = s
            .post(&stage, &helen.0, &[("csrf", &helen.1), ("stage", "off")])
            .await;
        assert_eq!(res.status(), 200, "asked first");
        assert!(res.text().await.unwrap().contains("Nothing is deleted"));
        assert_eq!(
            s.get(&format!("/discussions/{id}/vote")).await.status(),
            200
        );
        let res = s
            .post(
                &stage,
                &helen.0,
                &[("csrf", &helen.1), ("stage", "off"), ("confirm", "yes")],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(
            s.get(&format!("/discussions/{id}/vote")).await.status(),
            404
        );
    }
}
