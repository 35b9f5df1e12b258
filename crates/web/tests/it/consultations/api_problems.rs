//! Refused input through the consultations API (ADR 29): one 422 lists
//! every problem, each with a JSON Pointer into the body, a stable code
//! and a sentence written for API users (in Arabic when asked); bodies of
//! the wrong shape, malformed JSON and the wrong content type get their
//! own clear answers; nothing is saved.

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use reqwest::Method;
use serde_json::{json, Value};

use super::{demo_consultation, published, ANALYST, OFFICER};
use crate::support::{servers_with_people, Server};

struct Reply {
    status: u16,
    body: Value,
}

impl Reply {
    /// `errors` as (pointer, code), sorted.
    fn problems(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self.body["errors"]
            .as_array()
            .unwrap_or_else(|| panic!("errors listed: {}", self.body))
            .iter()
            .map(|e| {
                (
                    e["pointer"].as_str().unwrap_or("(none)").to_owned(),
                    e["code"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        out.sort();
        out
    }

    /// The `detail` of the problem at `pointer`.
    fn detail_at(&self, pointer: &str) -> String {
        self.body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["pointer"] == pointer)
            .unwrap_or_else(|| panic!("a problem at {pointer}: {}", self.body))["detail"]
            .as_str()
            .unwrap()
            .to_owned()
    }
}

/// Sends `body` as JSON (or `raw` text with `content_type`) with the
/// session, and reads the answer.
async fn call(
    s: &Server,
    method: Method,
    path: &str,
    session: Option<(&str, &str)>,
    body: Option<&Value>,
    lang: &str,
) -> Reply {
    let mut req = s
        .client
        .request(method, s.url(path))
        .header("accept-language", lang);
    if let Some((cookie, csrf)) = session {
        req = req.header("cookie", cookie).header("x-csrf-token", csrf);
    }
    if let Some(body) = body {
        req = req.json(body);
    }
    reply(req).await
}

async fn reply(req: reqwest::RequestBuilder) -> Reply {
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    if status >= 400 {
        assert_eq!(
            res.headers()["content-type"],
            "application/problem+json",
            "errors are problems"
        );
    }
    let bytes = res.bytes().await.unwrap();
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    Reply { status, body }
}

/// A draft consultation made through the API.
async fn draft(s: &Server, session: (&str, &str)) -> String {
    let r = call(
        s,
        Method::POST,
        "/api/v1/consultations",
        Some(session),
        Some(
            &json!({"title": "Parks after dark", "summary": "Lighting and safety in parks.",
            "opens_at": "2030-01-01T09:00Z", "closes_at": "2030-02-01T17:00Z"}),
        ),
        "en",
    )
    .await;
    assert_eq!(r.status, 201, "{}", r.body);
    r.body["id"].as_str().unwrap().to_owned()
}

/// Six problems the schema cannot see, only the survey's rules.
fn faulty_survey() -> Value {
    json!({"pages": [
        {"title": "First", "questions": [
            {"id": "q1", "type": "single_choice", "text": "Seen it?", "options": ["Yes", " "]},
            {"id": "q2", "type": "agreement", "text": "Fair?",
                "show_if": {"question": "q4", "any_of": [0]}},
            {"id": "bad id!", "type": "date", "text": "When?"}
        ]},
        {"title": "Second", "questions": [
            {"id": "q4", "type": "number", "text": "How many?", "min": 10, "max": 5},
            {"id": "q2", "type": "short_text", "text": "Where?"},
            {"id": "q5", "type": "demographic", "of": "religion", "text": "Your religion?"}
        ]}
    ]})
}

#[tokio::test]
async fn a_survey_with_several_problems_is_refused_once_with_each_place() {
    for s in servers_with_people().await {
        let (cookie, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let session = (cookie.as_str(), csrf.as_str());
        let id = draft(&s, session).await;
        let path = format!("/api/v1/consultations/{id}/survey");
        let r = call(
            &s,
            Method::PUT,
            &path,
            Some(session),
            Some(&faulty_survey()),
            "en",
        )
        .await;
        assert_eq!(
            (r.status, r.body["code"].as_str()),
            (422, Some("invalid_survey"))
        );
        let want: Vec<(String, String)> = [
            ("/pages/0/questions/0/options/1", "invalid_choice"),
            ("/pages/0/questions/1/show_if/question", "invalid_survey"),
            ("/pages/0/questions/2/id", "invalid_slug"),
            ("/pages/1/questions/0/max", "out_of_range"),
            ("/pages/1/questions/1/id", "already_registered"),
            ("/pages/1/questions/2/purpose", "purpose_required"),
        ]
        .iter()
        .map(|(p, c)| ((*p).to_owned(), (*c).to_owned()))
        .collect();
        assert_eq!(r.problems(), want, "{}", r.body);
        // `field` names the question as the builder does.
        let fields: Vec<&str> = r.body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap())
            .collect();
        for q in ["q1", "q2", "bad id!", "q4", "q5"] {
            assert!(fields.contains(&q), "{q} in {fields:?}");
        }
        // Sentences for API users, naming members, not form fields.
        assert_eq!(
            r.body["detail"],
            "The request has 6 problems, each listed in `errors` with where it is."
        );
        assert_eq!(
            r.detail_at("/pages/1/questions/2/purpose"),
            "Question `q5` asks for special-category data, so it needs a `purpose` that tells respondents why it is asked."
        );
        assert_eq!(
            r.detail_at("/pages/1/questions/1/id"),
            "Another question already has the id `q2`: each question's `id` must be unique in the survey."
        );
        assert!(r
            .detail_at("/pages/0/questions/1/show_if/question")
            .contains("a rule must name a choice question on an earlier page"));

        // In Arabic when asked: the same codes and places, other words.
        let ar = call(
            &s,
            Method::PUT,
            &path,
            Some(session),
            Some(&faulty_survey()),
            "ar",
        )
        .await;
        assert_eq!(ar.problems(), want);
        let purpose = ar.detail_at("/pages/1/questions/2/purpose");
        assert!(purpose.contains("السؤال `q5`"), "{purpose}");
        assert!(!purpose.contains('\u{2068}'), "no isolation marks in JSON");

        // Nothing was saved.
        let read = call(
            &s,
            Method::GET,
            &format!("/api/v1/consultations/{id}"),
            Some(session),
            None,
            "en",
        )
        .await;
        assert_eq!(read.body["survey"], json!({"pages": []}));
    }
}

#[tokio::test]
async fn bodies_of_the_wrong_shape_malformed_or_not_json_are_told_so() {
    for s in servers_with_people().await {
        let (cookie, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let session = (cookie.as_str(), csrf.as_str());
        let id = draft(&s, session).await;
        let path = format!("/api/v1/consultations/{id}/survey");
        // A misspelt rule is not dropped: refused, with every other
        // difference from the schema, all at once.
        let shape = json!({"pages": [{"title": 3, "questions": [
            {"id": "q1", "type": "single_choice", "text": "Seen it?", "options": ["Yes", "No"]},
            {"id": "q2", "type": "agreement", "text": "Fair?", "required": "yes",
                "show_iff": {"question": "q1", "any_of": [0]}},
            {"id": "q3", "type": "agreement", "text": "Safe?", "options": ["a", "b"]},
            {"id": "q4", "type": "poll", "text": "Which?"},
            {"id": "q5", "type": "ranking", "text": "Rank", "options": ["Only"]}
        ]}], "version": 2});
        let r = call(&s, Method::PUT, &path, Some(session), Some(&shape), "en").await;
        assert_eq!(
            (r.status, r.body["code"].as_str()),
            (422, Some("bad_request"))
        );
        let want: Vec<(String, String)> = [
            ("/pages/0/questions/1/required", "invalid_type"),
            ("/pages/0/questions/1/show_iff", "unknown_field"),
            ("/pages/0/questions/2/options", "unknown_field"),
            ("/pages/0/questions/3/type", "invalid_choice"),
            ("/pages/0/questions/4/options", "too_few_items"),
            ("/pages/0/title", "invalid_type"),
            ("/version", "unknown_field"),
        ]
        .iter()
        .map(|(p, c)| ((*p).to_owned(), (*c).to_owned()))
        .collect();
        assert_eq!(r.problems(), want, "{}", r.body);
        assert_eq!(
            r.detail_at("/pages/0/questions/1/required"),
            "`/pages/0/questions/1/required` must be of type `boolean`."
        );
        assert_eq!(
            r.detail_at("/pages/0/questions/4/options"),
            "`/pages/0/questions/4/options` must have at least 2 items."
        );
        assert!(r
            .detail_at("/pages/0/questions/1/show_iff")
            .contains("is not a member this request takes"));

        let r = call(
            &s,
            Method::PUT,
            &path,
            Some(session),
            Some(&json!([])),
            "en",
        )
        .await;
        assert_eq!(r.status, 422);
        assert_eq!(r.body["detail"], "The body must be of type `object`.");

        let malformed = s
            .client
            .put(s.url(&path))
            .header("cookie", &cookie)
            .header("x-csrf-token", &csrf)
            .header("content-type", "application/json")
            .body(r#"{"pages": [}"#);
        let r = reply(malformed).await;
        assert_eq!(
            (r.status, r.body["code"].as_str()),
            (400, Some("bad_request"))
        );
        assert_eq!(r.problems(), [(String::new(), "bad_request".to_owned())]);
        let detail = r.body["detail"].as_str().unwrap();
        assert!(
            detail.starts_with("The body is not valid JSON: "),
            "{detail}"
        );
        assert!(detail.contains("line 1 column 12"), "{detail}");

        let text = s
            .client
            .put(s.url(&path))
            .header("cookie", &cookie)
            .header("x-csrf-token", &csrf)
            .header("content-type", "text/plain")
            .body(r#"{"pages": []}"#);
        let r = reply(text).await;
        assert_eq!(
            (r.status, r.body["code"].as_str()),
            (415, Some("unsupported_media_type"))
        );
        assert_eq!(
            r.body["detail"],
            "Send the body as JSON, with the header `Content-Type: application/json`."
        );

        let read = call(
            &s,
            Method::GET,
            &format!("/api/v1/consultations/{id}"),
            Some(session),
            None,
            "en",
        )
        .await;
        assert_eq!(read.body["survey"], json!({"pages": []}), "nothing saved");
    }
}

#[tokio::test]
async fn consultation_details_name_each_member_at_fault() {
    for s in servers_with_people().await {
        let (cookie, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let session = (cookie.as_str(), csrf.as_str());
        let before = super::consultation_count(&s).await;
        let body = json!({"title": " ", "summary": "Lighting and safety in parks.",
            "opens_at": "2030-02-01T09:00Z", "closes_at": "2030-01-01T17:00Z",
            "documents": [{"title": "The plan", "url": "https://example.org/plan.pdf"},
                {"title": "Map", "url": "javascript:alert(1)"}]});
        let r = call(
            &s,
            Method::POST,
            "/api/v1/consultations",
            Some(session),
            Some(&body),
            "en",
        )
        .await;
        assert_eq!(r.status, 422);
        assert_eq!(
            r.problems(),
            [
                ("/closes_at".to_owned(), "closes_before_opens".to_owned()),
                ("/documents/1/url".to_owned(), "bad_request".to_owned()),
                ("/title".to_owned(), "field_required".to_owned()),
            ]
        );
        assert_eq!(
            r.detail_at("/closes_at"),
            "`closes_at` must be after `opens_at`."
        );
        assert_eq!(
            r.detail_at("/title"),
            "`title` is required and may not be blank."
        );
        assert!(r
            .detail_at("/documents/1/url")
            .contains("`url` starting with `https://`"));

        let body = json!({"title": "Parks", "summary": "Parks.", "opens_at": "next Tuesday",
            "closes_at": "2030-01-01T17:00Z"});
        let r = call(
            &s,
            Method::POST,
            "/api/v1/consultations",
            Some(session),
            Some(&body),
            "en",
        )
        .await;
        assert_eq!(
            r.problems(),
            [("/opens_at".to_owned(), "invalid_date".to_owned())]
        );
        assert!(
            r.body["detail"]
                .as_str()
                .unwrap()
                .starts_with("`opens_at` must be a date and time: `YYYY-MM-DDTHH:MM` in the site's time zone, or an RFC 3339 timestamp"),
            "{}",
            r.body
        );
        assert_eq!(super::consultation_count(&s).await, before, "nothing saved");

        // The timeline is a list: each problem at its stage.
        let id = draft(&s, session).await;
        let stages = json!([
            {"name": "Survey open", "state": "current", "link": "survey"},
            {"name": " ", "state": "soon", "link": "map", "date": "2030-01-01"}
        ]);
        let path = format!("/api/v1/consultations/{id}/stages");
        let r = call(&s, Method::PUT, &path, Some(session), Some(&stages), "en").await;
        assert_eq!(
            r.problems(),
            [
                ("/1/link".to_owned(), "invalid_choice".to_owned()),
                ("/1/name".to_owned(), "field_required".to_owned()),
                ("/1/state".to_owned(), "invalid_choice".to_owned()),
            ]
        );
        assert_eq!(
            r.detail_at("/1/state"),
            "`state` must be `happened`, `current` or `to_come`."
        );
        let read = call(
            &s,
            Method::GET,
            &format!("/api/v1/consultations/{id}"),
            Some(session),
            None,
            "en",
        )
        .await;
        assert_eq!(read.body["stages"], json!([]), "nothing saved");
    }
}

#[tokio::test]
async fn answers_with_several_problems_name_each_question() {
    for s in servers_with_people().await {
        let (_, _, id) = published(&s, "yes").await;
        let path = format!("/api/v1/consultations/{id}/response");
        // q2 has no option 9; q3 is hidden after "No"; zz is no question.
        let body = json!({"answers": {"q1": "1", "q2": "9", "q3": "Stickers", "zz": "x"}});
        let r = call(&s, Method::POST, &path, None, Some(&body), "en").await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert_eq!(
            r.problems(),
            [
                ("/answers/q2".to_owned(), "invalid_choice".to_owned()),
                ("/answers/q3".to_owned(), "hidden_question".to_owned()),
                ("/answers/zz".to_owned(), "unknown_question".to_owned()),
            ]
        );
        assert_eq!(
            r.detail_at("/answers/zz"),
            "`zz` is not a question of this survey."
        );
        let shape = json!({"answers": {"q1": 1, "q2": ["0", 2]}, "when": "now"});
        let r = call(&s, Method::POST, &path, None, Some(&shape), "en").await;
        assert_eq!(
            r.problems(),
            [
                ("/answers/q1".to_owned(), "invalid_type".to_owned()),
                ("/answers/q2/1".to_owned(), "invalid_type".to_owned()),
                ("/when".to_owned(), "unknown_field".to_owned()),
            ]
        );
        // A token the site did not issue is a header's problem: no pointer.
        let forged = s
            .client
            .post(s.url(&path))
            .header("x-respondent-token", "made-up")
            .json(&json!({"answers": {"q1": "0", "q2": "1", "q3": "Stickers at the bus stop"}}));
        let r = reply(forged).await;
        assert_eq!(
            r.problems(),
            [("(none)".to_owned(), "invalid_token".to_owned())]
        );
        assert_eq!(
            r.body["detail"],
            "`X-Respondent-Token` is not a token this site issued for responses to this consultation."
        );
        let read = call(
            &s,
            Method::GET,
            &format!("/api/v1/consultations/{id}"),
            None,
            None,
            "en",
        )
        .await;
        assert_eq!(read.body["respondents"], 0, "nothing saved");
    }
}

#[tokio::test]
async fn findings_are_written_through_the_api_and_their_problems_placed() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let (cookie, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let session = (cookie.as_str(), csrf.as_str());
        let path = format!("/api/v1/consultations/{id}/findings");
        let count = |r: &Reply| r.body["findings"].as_array().unwrap().len();
        let before = count(&call(&s, Method::GET, &path, Some(session), None, "en").await);

        let bad = json!({"title": "", "question": "q1", "options": [0, 40]});
        let r = call(&s, Method::POST, &path, Some(session), Some(&bad), "en").await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert_eq!(
            r.problems(),
            [
                ("/options".to_owned(), "invalid_choice".to_owned()),
                ("/title".to_owned(), "field_required".to_owned()),
            ]
        );
        let r = call(
            &s,
            Method::POST,
            &path,
            Some(session),
            Some(&json!({"title": "x", "colour": "red"})),
            "en",
        )
        .await;
        assert_eq!(
            r.problems(),
            [("/colour".to_owned(), "unknown_field".to_owned())]
        );
        assert_eq!(
            count(&call(&s, Method::GET, &path, Some(session), None, "en").await),
            before,
            "nothing saved"
        );

        let good = json!({"title": "Most people agree", "question": "q1", "options": [0, 1],
            "what_we_did": "We funded two more youth workers."});
        let r = call(&s, Method::POST, &path, Some(session), Some(&good), "en").await;
        assert_eq!(r.status, 201, "{}", r.body);
        let finding = r.body["id"].as_str().unwrap().to_owned();
        let publication = format!("{path}/{finding}/publication");
        let r = call(&s, Method::PUT, &publication, Some(session), None, "en").await;
        assert_eq!(r.status, 204);
        let public = call(&s, Method::GET, &path, None, None, "en").await;
        let shown = public.body["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == finding.as_str())
            .expect("published for everyone");
        assert_eq!(shown["options"], json!([0, 1]));
        assert!(shown["published_at"].is_string());

        let one = format!("{path}/{finding}");
        assert_eq!(
            call(&s, Method::DELETE, &one, Some(session), None, "en")
                .await
                .status,
            204
        );
        let again = call(&s, Method::DELETE, &one, Some(session), None, "en").await;
        assert_eq!(
            (again.status, again.body["code"].as_str()),
            (409, Some("already_removed"))
        );
        assert_eq!(
            again.body["detail"],
            "It has already been removed; nothing was changed."
        );
        let resident = s.sign_in(super::TOM, DEMO_PASSWORD).await;
        let r = call(
            &s,
            Method::POST,
            &path,
            Some((&resident.0, &resident.1)),
            Some(&good),
            "en",
        )
        .await;
        assert_eq!(
            (r.status, r.body["code"].as_str()),
            (403, Some("forbidden"))
        );
    }
}

#[tokio::test]
async fn theme_edits_name_the_member_at_fault() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let (cookie, csrf) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let session = (cookie.as_str(), csrf.as_str());
        let api = format!("/api/v1/consultations/{id}/questions/q7/themes");
        let run = call(
            &s,
            Method::POST,
            &api,
            Some(session),
            Some(&json!({"seed": 1})),
            "en",
        )
        .await;
        assert_eq!(run.status, 201, "{}", run.body);
        let themes = run.body["themes"].as_array().unwrap();
        assert!(themes.len() >= 2);
        let edits = format!("{api}/edits");
        let taken =
            json!({"change": "rename", "theme": themes[0]["id"], "label": themes[1]["label"]});
        let r = call(&s, Method::POST, &edits, Some(session), Some(&taken), "en").await;
        assert_eq!(
            r.problems(),
            [("/label".to_owned(), "duplicate_label".to_owned())]
        );
        assert_eq!(
            r.body["detail"],
            "`label`: another theme already has this label."
        );
        let r = call(
            &s,
            Method::POST,
            &edits,
            Some(session),
            Some(&json!({"change": "fold"})),
            "en",
        )
        .await;
        assert_eq!(
            r.problems(),
            [("/change".to_owned(), "invalid_choice".to_owned())]
        );
        assert_eq!(
            r.body["detail"],
            "`change` must be `rename`, `merge`, `split`, `delete` or `add`."
        );
        let r = call(
            &s,
            Method::POST,
            &api,
            Some(session),
            Some(&json!({"seed": -1, "size": 3})),
            "en",
        )
        .await;
        assert_eq!(
            r.problems(),
            [
                ("/seed".to_owned(), "out_of_range".to_owned()),
                ("/size".to_owned(), "unknown_field".to_owned()),
            ]
        );
    }
}
