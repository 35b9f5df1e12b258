//! A consultation written in Arabic (ADR 16): its texts are marked
//! `lang="ar"` wherever they are shown as written, it is translated into
//! English (not into Arabic), and its language is locked while any
//! translation translates something. Through the officers' forms and
//! through the API.

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use reqwest::Method;
use serde_json::{json, Value};

use super::api_history::{change, history_rows};
use super::{add_question, create, id_from, publish, OFFICER, OPEN_FROM, OPEN_UNTIL};
use crate::support::{servers_with_people, text_of, Server};

const TITLE: &str = "شوارع أكثر أمانًا في الميناء";
const SUMMARY: &str = "أخبرنا بما يجعل شارعك أكثر أمانًا.";
const QUESTION: &str = "هل شاهدت حوادث كراهية في حيّك؟";
const ENGLISH_TITLE: &str = "Safer streets in the harbour";

/// `text` as pages show an officer's text written in `lang`.
fn marked(lang: &str, text: &str) -> String {
    format!(r#"<bdi lang="{lang}">{text}</bdi>"#)
}

/// The details form's fields, in `language`.
fn arabic_details<'a>(csrf: &'a str, language: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("language", language),
        ("title", TITLE),
        ("summary", SUMMARY),
        ("opens_at", OPEN_FROM),
        ("closes_at", OPEN_UNTIL),
        ("allow_anonymous", "yes"),
    ]
}

/// An officer's consultation written in Arabic through the form, with
/// one question, published, and its title translated into English.
async fn arabic_consultation(s: &Server) -> (String, String, String) {
    let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
    let res = s
        .post(
            "/staff/consultations/new",
            &officer,
            &arabic_details(&csrf, "ar"),
        )
        .await;
    assert_eq!(res.status(), 303, "created");
    let id = id_from(&res);
    let res = add_question(
        s,
        &officer,
        &id,
        &[
            ("csrf", &csrf),
            ("page", "1"),
            ("kind", "single_choice"),
            ("text", QUESTION),
            ("required", "yes"),
            ("options", "نعم\nلا"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303, "the question");
    publish(s, &officer, &csrf, &id, "consultation").await;
    let res = s
        .post(
            &format!("/staff/consultations/{id}/translations/en"),
            &officer,
            &[("csrf", csrf.as_str()), ("title", ENGLISH_TITLE)],
        )
        .await;
    assert_eq!(res.status(), 303, "translated into English");
    (officer, csrf, id)
}

#[tokio::test]
async fn an_arabic_consultation_is_marked_arabic_and_translated_into_english() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = arabic_consultation(&s).await;
        let survey = format!("/consultations/{id}/respond/1");

        // In Arabic, everything as written, marked Arabic.
        let html = s.html(&format!("{survey}?lang=ar")).await;
        assert!(html.contains(&marked("ar", TITLE)), "{html}");
        assert!(html.contains(&marked("ar", QUESTION)), "{html}");
        assert!(
            !html.contains(r#"<bdi lang="en">"#),
            "nothing English: {html}"
        );

        // In English, the translated title is English; the question,
        // untranslated, stays Arabic and says so.
        let html = s.html(&format!("{survey}?lang=en")).await;
        assert!(html.contains(&marked("en", ENGLISH_TITLE)), "{html}");
        assert!(html.contains(&marked("ar", QUESTION)), "{html}");
        assert!(
            !html.contains(TITLE),
            "the original title is not shown: {html}"
        );
        let html = s.html(&format!("/consultations/{id}?lang=en")).await;
        assert!(html.contains(ENGLISH_TITLE) && html.contains(SUMMARY));

        // Translations are asked for in English, never in Arabic.
        let staff = format!("/staff/consultations/{id}");
        let text = text_of(&s.page(&staff, &officer).await.1);
        assert!(text.contains("Translation: English"), "{text}");
        assert!(!text.contains("Translation: Arabic"), "{text}");
        let (status, html) = s.page(&format!("{staff}/translations/en"), &officer).await;
        assert_eq!(status, 200);
        assert!(text_of(&html).contains("Translate into English"));
        assert!(html.contains(&marked("ar", SUMMARY)), "{html}");
        let (status, _) = s.page(&format!("{staff}/translations/ar"), &officer).await;
        assert_eq!(status, 404, "no translating Arabic into Arabic");
        let res = s
            .post(
                &format!("{staff}/translations/ar"),
                &officer,
                &[("csrf", csrf.as_str()), ("title", "عنوان")],
            )
            .await;
        assert_eq!(res.status(), 404, "nor saving one");
        let (status, _) = s.page(&format!("{staff}/wording/1/ar"), &officer).await;
        assert_eq!(status, 404, "nor fixing one's wording");

        // Translated, its language cannot change; the form says why,
        // and nothing is saved.
        let res = s
            .post(
                &format!("{staff}/edit"),
                &officer,
                &arabic_details(&csrf, "en"),
            )
            .await;
        assert_eq!(res.status(), 422);
        let text = text_of(&res.text().await.unwrap());
        assert!(
            text.contains("The language cannot change while the consultation has translations"),
            "{text}"
        );
        let (_, html) = s.page(&format!("{staff}/edit"), &officer).await;
        assert!(
            text_of(&html).contains("so it cannot change"),
            "the hint says so"
        );
        let html = s.html(&format!("{survey}?lang=ar")).await;
        assert!(html.contains(&marked("ar", TITLE)));

        // Its translation emptied, it can: the emptied one goes with it.
        let res = s
            .post(
                &format!("{staff}/translations/en"),
                &officer,
                &[("csrf", csrf.as_str()), ("title", "")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let res = s
            .post(
                &format!("{staff}/edit"),
                &officer,
                &arabic_details(&csrf, "en"),
            )
            .await;
        assert_eq!(res.status(), 303);
        let (status, _) = s.page(&format!("{staff}/translations/en"), &officer).await;
        assert_eq!(status, 404, "English is now the original");
        let (status, _) = s.page(&format!("{staff}/translations/ar"), &officer).await;
        assert_eq!(status, 200);
        let rows = history_rows(&s.page(&staff, &officer).await.1, "History");
        assert_eq!(change(&rows, "Language"), ("Arabic", "English"));
    }
}

#[tokio::test]
async fn the_form_offers_the_sites_languages_and_refuses_others() {
    for s in servers_with_people().await {
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        // The officer's page language is the one chosen at first.
        let (_, html) = s
            .page(
                "/staff/consultations/new",
                &format!("{officer}; cohesion_lang=ar"),
            )
            .await;
        assert!(text_of(&html).contains("بأي لغة تكتب؟"), "asked in Arabic");
        assert!(
            html.contains(r#"type="radio" value="ar" checked"#),
            "{html}"
        );
        let (_, html) = s.page("/staff/consultations/new", &officer).await;
        assert!(
            html.contains(r#"type="radio" value="en" checked"#),
            "{html}"
        );
        assert!(
            html.contains(r#"lang="ar" dir="rtl">العربية</label>"#),
            "Arabic's name marked: {html}"
        );
        let before = super::consultation_count(&s).await;
        let res = s
            .post(
                "/staff/consultations/new",
                &officer,
                &arabic_details(&csrf, "fr"),
            )
            .await;
        assert_eq!(res.status(), 422);
        let text = text_of(&res.text().await.unwrap());
        assert!(
            text.contains("Choose the language you are writing in from the list"),
            "{text}"
        );
        assert_eq!(super::consultation_count(&s).await, before, "nothing saved");

        // Written in English first, changed to Arabic while nothing is
        // translated: allowed, and in the history.
        let id = create(&s, &officer, &csrf, "Parks", (OPEN_FROM, OPEN_UNTIL), "no").await;
        let staff = format!("/staff/consultations/{id}");
        let res = s
            .post(
                &format!("{staff}/edit"),
                &officer,
                &arabic_details(&csrf, "ar"),
            )
            .await;
        assert_eq!(res.status(), 303);
        let html = s.page(&staff, &officer).await.1;
        let rows = history_rows(&html, "History");
        assert_eq!(change(&rows, "Language"), ("English", "Arabic"));
        assert_eq!(change(&rows, "Title"), ("Parks", TITLE));
        assert!(html.contains(&marked("ar", TITLE)), "{html}");
    }
}

/// Sends `body` to the API as the officer, and reads the answer.
async fn call(
    s: &Server,
    (cookie, csrf): (&str, &str),
    method: Method,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let mut req = s
        .client
        .request(method, s.url(path))
        .header("cookie", cookie)
        .header("x-csrf-token", csrf);
    if let Some(body) = body {
        req = req.json(&body);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    let text = res.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

fn body(language: Option<&str>) -> Value {
    let mut b = json!({
        "title": TITLE,
        "summary": SUMMARY,
        "opens_at": "2020-01-01T09:00Z",
        "closes_at": "2099-12-31T17:00Z",
    });
    if let Some(l) = language {
        b["language"] = l.into();
    }
    b
}

/// `errors` as (pointer, code).
fn problems(v: &Value) -> Vec<(String, String)> {
    v["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("errors: {v}"))
        .iter()
        .map(|e| {
            (
                e["pointer"].as_str().unwrap_or_default().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn the_api_takes_and_gives_the_language() {
    for s in servers_with_people().await {
        let (cookie, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let me = (cookie.as_str(), csrf.as_str());
        let list = "/api/v1/consultations";
        let (status, created) = call(&s, me, Method::POST, list, Some(body(Some("ar")))).await;
        assert_eq!(status, 201, "{created}");
        let id = created["id"].as_str().unwrap().to_owned();
        let one = format!("{list}/{id}");
        let (_, read) = call(&s, me, Method::GET, &one, None).await;
        assert_eq!(read["language"], "ar", "{read}");

        let (status, english) = call(&s, me, Method::POST, list, Some(body(None))).await;
        assert_eq!(status, 201);
        let english = format!("{list}/{}", english["id"].as_str().unwrap());
        let (_, read) = call(&s, me, Method::GET, &english, None).await;
        assert_eq!(read["language"], "en", "the site's first");

        let (status, refused) = call(&s, me, Method::POST, list, Some(body(Some("fr")))).await;
        assert_eq!(status, 422);
        assert_eq!(
            problems(&refused),
            [("/language".to_owned(), "unknown_locale".to_owned())]
        );

        // Replaced without a language, it keeps its own; with another,
        // it changes while nothing is translated.
        let (status, _) = call(&s, me, Method::PUT, &one, Some(body(None))).await;
        assert_eq!(status, 204);
        let (_, read) = call(&s, me, Method::GET, &one, None).await;
        assert_eq!(read["language"], "ar");
        let (status, _) = call(&s, me, Method::PUT, &english, Some(body(Some("ar")))).await;
        assert_eq!(status, 204);
        let (_, read) = call(&s, me, Method::GET, &english, None).await;
        assert_eq!(read["language"], "ar");

        // Translated into English, it cannot change.
        let res = s
            .post(
                &format!("/staff/consultations/{id}/translations/en"),
                &cookie,
                &[
                    ("csrf", csrf.as_str()),
                    ("summary", "Tell us what would help."),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (status, refused) = call(&s, me, Method::PUT, &one, Some(body(Some("en")))).await;
        assert_eq!(status, 422, "{refused}");
        assert_eq!(
            problems(&refused),
            [(
                "/language".to_owned(),
                "language_has_translations".to_owned()
            )]
        );
        let (_, read) = call(&s, me, Method::GET, &one, None).await;
        assert_eq!(read["language"], "ar", "unchanged");
    }
}
