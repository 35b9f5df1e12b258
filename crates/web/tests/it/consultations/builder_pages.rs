//! Pages in the survey builder: a question that starts a new page can
//! give that page its title in the same form, in both languages, with
//! a title's limits; nothing is saved when the title is refused. A page
//! is skipped after answers picked from lists, on its own form. A
//! question goes on a new page between two others, added or moved, and
//! the pages after it keep their titles' translations.

use super::builder::{draft, stored, Q1};
use super::{location, question_ids};
use crate::support::{servers_with_people, text_of, translation_row, Server};

/// Posts the add form for a date question at `place`, with `title` for
/// its page, as (cookie, token, consultation).
async fn add_dated(
    s: &Server,
    (cookie, csrf, id): (&str, &str, &str),
    place: &str,
    title: &str,
) -> reqwest::Response {
    let fields = [
        ("csrf", csrf),
        ("kind", "date"),
        ("text", "When did it happen?"),
        ("required", "no"),
        ("place", place),
        ("page_title", title),
    ];
    s.post(
        &format!("/staff/consultations/{id}/questions/new"),
        cookie,
        &fields,
    )
    .await
}

#[tokio::test]
async fn a_question_on_a_new_page_gives_the_page_its_title() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = draft(&s).await;
        let new = format!("/staff/consultations/{id}/questions/new");
        let (status, html) = s.page(&new, &officer).await;
        assert_eq!(status, 200);
        assert!(html.contains(r#"name="page_title""#), "{html}");
        let text = text_of(&html);
        assert!(text.contains("Title of the new page"), "{text}");
        assert!(
            text.contains("only for a question that goes on a new page"),
            "{text}"
        );
        let (_, html) = s.page(&new, &format!("{officer}; cohesion_lang=ar")).await;
        assert!(html.contains("عنوان الصفحة الجديدة"));

        // Refused titles say why, beside the field; nothing is added.
        let who = (officer.as_str(), csrf.as_str(), id.as_str());
        let long = "x".repeat(151);
        for (title, message) in [
            (
                long.as_str(),
                "The page title must be 150 characters or fewer",
            ),
            ("Two\nlines", "Write the page title on one line"),
        ] {
            let res = add_dated(&s, who, "new", title).await;
            assert_eq!(res.status(), 422);
            let html = res.text().await.unwrap();
            assert!(text_of(&html).contains(message), "{message}");
            assert!(html.contains(r##"<a href="#page_title">"##), "{html}");
            assert!(html.contains("When did it happen?"), "what was typed stays");
        }
        assert_eq!(question_ids(&s, &id).await, [vec!["q1", "q2"], vec!["q3"]]);

        // Given with a new page, it heads that page.
        let res = add_dated(&s, who, "new", "  When it happened  ").await;
        assert_eq!(res.status(), 303);
        assert!(location(&res).ends_with("?done=question-added"));
        assert_eq!(
            question_ids(&s, &id).await,
            [vec!["q1", "q2"], vec!["q3"], vec!["q4"]]
        );
        assert_eq!(
            stored(&s, &id).await["pages"][2]["title"],
            "When it happened"
        );
        let (_, html) = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await;
        assert!(
            html.contains(r#"Page 3: <bdi lang="en">When it happened</bdi>"#),
            "{html}"
        );
        // On a page that exists, a title is refused with the way out, not
        // dropped without a word (a newcomer left "Where the question
        // goes" as it was and lost the title); left empty, all is well.
        let res = add_dated(&s, who, "after:q4", "Meant for a new page").await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(
            text_of(&html).contains("A title is for a new page: choose “On a new page”"),
            "{html}"
        );
        assert!(html.contains(r##"<a href="#page_title">"##), "{html}");
        let res = add_dated(&s, who, "after:q4", "").await;
        assert_eq!(res.status(), 303);
        let survey = stored(&s, &id).await;
        assert_eq!(survey["pages"][2]["title"], "When it happened");
        assert_eq!(survey["pages"].as_array().unwrap().len(), 3);
    }
}

#[tokio::test]
async fn a_page_is_skipped_after_answers_picked_from_lists() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = draft(&s).await;
        let manage = format!("/staff/consultations/{id}");
        let rule = format!("/staff/consultations/{id}/pages/2/rule");
        let (_, html) = s.page(&manage, &officer).await;
        assert!(html.contains(&format!(r#"href="{rule}""#)), "{html}");
        assert!(text_of(&html).contains("Set when page 2 is skipped"));
        // Nothing comes before page 1 to skip it by.
        assert!(!html.contains("/pages/1/rule"));

        let (status, html) = s.page(&rule, &officer).await;
        assert_eq!(status, 200);
        let text = text_of(&html);
        assert!(text.contains("When page 2 is skipped"), "{text}");
        assert!(
            text.contains("The questions on this page: What happened?"),
            "{text}"
        );
        assert!(html.contains(
            r#"id="skip_if_question" name="skip_if_question" type="radio" value="" checked"#
        ));
        assert!(text.contains("Never: everyone sees this page"));
        // The choice questions of earlier pages, their answers by label.
        assert!(html.contains(r#"name="skip_if_question" type="radio" value="q1""#));
        assert!(html.contains(r#"name="skip_if_question" type="radio" value="q2""#));
        assert!(!html.contains(r#"type="radio" value="q3""#));
        assert!(html.contains(r#"name="skip_if_options" type="checkbox" value="q1:2""#));
        assert!(text.contains(&format!("Answers to “{Q1}” that skip this page")));
        let revision = html
            .split(r#"name="revision" value=""#)
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap()
            .to_owned();

        // Refusals name the field, and save nothing.
        for (fields, status, message) in [
            (
                vec![("skip_if_question", "q1")],
                422,
                "Choose at least one answer that skips this page",
            ),
            (
                vec![("skip_if_question", "q9"), ("skip_if_options", "q9:1")],
                422,
                "Choose the question whose answers skip this page",
            ),
            (
                vec![("skip_if_question", "q1"), ("skip_if_options", "q1:7")],
                422,
                "Choose answers from the ones listed under the question",
            ),
            (
                vec![
                    ("skip_if_question", "q1"),
                    ("skip_if_options", "q1:2"),
                    ("revision", "stale"),
                ],
                409,
                "The survey changed since you opened this form",
            ),
        ] {
            let mut sent = vec![("csrf", csrf.as_str())];
            sent.extend(fields);
            let res = s.post(&rule, &officer, &sent).await;
            assert_eq!(res.status(), status, "{sent:?}");
            assert!(
                text_of(&res.text().await.unwrap()).contains(message),
                "{message}"
            );
        }
        assert_eq!(
            stored(&s, &id).await["pages"][1]["skip_if"],
            serde_json::Value::Null
        );

        // Skipped after "No"; a box left ticked under q2 is no part of it.
        let res = s
            .post(
                &rule,
                &officer,
                &[
                    ("csrf", csrf.as_str()),
                    ("revision", &revision),
                    ("skip_if_question", "q1"),
                    ("skip_if_options", "q1:2"),
                    ("skip_if_options", "q2:1"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert!(location(&res).ends_with("?done=page-rule-set#survey-page-2"));
        assert_eq!(
            stored(&s, &id).await["pages"][1]["skip_if"],
            serde_json::json!({"question": "q1", "any_of": [1]})
        );
        let (_, html) = s
            .page(&format!("{manage}?done=page-rule-set"), &officer)
            .await;
        let text = text_of(&html);
        assert!(
            text.contains("The page’s rule was saved: it is skipped after the answers you ticked."),
            "{text}"
        );
        assert!(text.contains(&format!(
            "This page is skipped if the answer to “{Q1}” is No."
        )));
        assert!(text.contains("Change when page 2 is skipped"));
        let (_, html) = s.page(&rule, &officer).await;
        assert!(html.contains(r#"value="q1" checked"#) && html.contains(r#"value="q1:2" checked"#));
        assert!(!html.contains(r#"value="q2:1" checked"#));
        // The same form sent again is refused: the survey changed.
        let res = s
            .post(
                &rule,
                &officer,
                &[
                    ("csrf", csrf.as_str()),
                    ("revision", &revision),
                    ("skip_if_question", ""),
                ],
            )
            .await;
        assert_eq!(res.status(), 409);
        assert!(stored(&s, &id).await["pages"][1]["skip_if"].is_object());
        // "Never" without the stale revision: the words say the page is
        // always shown, not that it is skipped.
        let res = s
            .post(
                &rule,
                &officer,
                &[("csrf", csrf.as_str()), ("skip_if_question", "")],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert!(location(&res).ends_with("?done=page-rule-cleared#survey-page-2"));
        assert_eq!(
            stored(&s, &id).await["pages"][1]["skip_if"],
            serde_json::Value::Null
        );
        let (_, html) = s
            .page(&format!("{manage}?done=page-rule-cleared"), &officer)
            .await;
        let text = text_of(&html);
        assert!(
            text.contains("The page’s rule was saved: it is never skipped, everyone sees it."),
            "{text}"
        );
        assert!(!text.contains("skipped as you chose"));
        let (_, html) = s
            .page(
                &format!("{manage}?done=page-rule-cleared"),
                &format!("{officer}; cohesion_lang=ar"),
            )
            .await;
        assert!(text_of(&html).contains("لا تُتخطّى أبدًا"));
        // Set again for what follows.
        let (_, html) = s.page(&rule, &officer).await;
        let revision = html
            .split(r#"name="revision" value=""#)
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap()
            .to_owned();
        let res = s
            .post(
                &rule,
                &officer,
                &[
                    ("csrf", csrf.as_str()),
                    ("revision", &revision),
                    ("skip_if_question", "q1"),
                    ("skip_if_options", "q1:2"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);

        // Page 1 has nothing before it; no page 3.
        let (status, html) = s
            .page(&format!("/staff/consultations/{id}/pages/1/rule"), &officer)
            .await;
        assert_eq!(status, 200);
        assert!(text_of(&html).contains("There is no choice question on an earlier page"));
        let res = s
            .post(
                &format!("/staff/consultations/{id}/pages/1/rule"),
                &officer,
                &[
                    ("csrf", csrf.as_str()),
                    ("skip_if_question", "q1"),
                    ("skip_if_options", "q1:1"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422);
        assert!(text_of(&res.text().await.unwrap()).contains(&format!(
            "Page 1 is skipped after certain answers to “{Q1}”, so that question must be on an earlier page."
        )));
        for missing in ["3", "0", "x"] {
            let path = format!("/staff/consultations/{id}/pages/{missing}/rule");
            assert_eq!(s.page(&path, &officer).await.0, 404, "{missing}");
        }
        // In Arabic.
        let (_, html) = s.page(&rule, &format!("{officer}; cohesion_lang=ar")).await;
        assert!(text_of(&html).contains("متى تُتخطّى الصفحة 2"), "{html}");
    }
}

#[tokio::test]
async fn a_question_goes_on_a_new_page_between_pages() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = draft(&s).await;
        let who = (officer.as_str(), csrf.as_str(), id.as_str());
        // Page 2 titled, and its title translated.
        let title = format!("/staff/consultations/{id}/pages/2/title");
        let res = s
            .post(
                &title,
                &officer,
                &[("csrf", csrf.as_str()), ("title", "What happened")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let translations = format!("/staff/consultations/{id}/translations/ar");
        let res = s
            .post(
                &translations,
                &officer,
                &[("csrf", csrf.as_str()), ("page.1.title", "ما حدث")],
            )
            .await;
        assert_eq!(res.status(), 303);

        let new = format!("/staff/consultations/{id}/questions/new");
        let (_, html) = s.page(&new, &officer).await;
        assert!(html.contains(r#"value="new-after:1""#), "{html}");
        assert!(text_of(&html).contains("On a new page after page 1"));
        assert!(
            !html.contains(r#"value="new-after:2""#),
            "after the last is at the end"
        );
        let (_, html) = s.page(&new, &format!("{officer}; cohesion_lang=ar")).await;
        assert!(text_of(&html).contains("في صفحة جديدة بعد الصفحة 1"));
        for forged in ["new-after:0", "new-after:3", "new-after:x"] {
            let res = add_dated(&s, who, forged, "").await;
            assert_eq!(res.status(), 422, "{forged}");
            assert!(text_of(&res.text().await.unwrap()).contains("Choose where the question goes"));
        }

        // Added between pages 1 and 2, titled in the same form.
        let res = add_dated(&s, who, "new-after:1", "Dates").await;
        assert_eq!(res.status(), 303);
        assert_eq!(
            question_ids(&s, &id).await,
            [vec!["q1", "q2"], vec!["q4"], vec!["q3"]]
        );
        let survey = stored(&s, &id).await;
        assert_eq!(survey["pages"][1]["title"], "Dates");
        assert_eq!(survey["pages"][2]["title"], "What happened");
        // The translation went with its page, still current.
        let (_, html) = s.page(&translations, &officer).await;
        let row = translation_row(&html, "page.2.title");
        assert!(
            row.contains("ما حدث") && !row.contains("The original has changed"),
            "{row}"
        );
        assert!(!translation_row(&html, "page.1.title").contains("ما حدث"));

        // Moved by its form onto a new page after page 1: q2 leaves q1.
        let edit = format!("/staff/consultations/{id}/questions/q2/edit");
        let (_, html) = s.page(&edit, &officer).await;
        assert!(html.contains(r#"value="new-after:1""#));
        let res = s
            .post(
                &edit,
                &officer,
                &[
                    ("csrf", csrf.as_str()),
                    ("kind", "agreement"),
                    ("text", super::builder::Q2),
                    ("required", "no"),
                    ("place", "new-after:1"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(
            question_ids(&s, &id).await,
            [vec!["q1"], vec!["q2"], vec!["q4"], vec!["q3"]]
        );
        let (_, html) = s.page(&translations, &officer).await;
        assert!(translation_row(&html, "page.3.title").contains("ما حدث"));
        assert_eq!(stored(&s, &id).await["pages"][2]["title"], "Dates");
    }
}
