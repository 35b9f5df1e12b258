//! The question form's refusals where the officer can act on them: a
//! routing rule on a question that is not on an earlier page is said
//! under that question, in words that say what to choose instead.

use super::builder::{draft, Q1, Q2};
use super::question_ids;
use crate::support::{servers_with_people, text_of};

/// The markup from the radio with id `id` to the next radio of its list.
fn block_of<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no {id}"));
    let rest = &html[start..];
    let end = rest[1..]
        .find("class=\"govuk-radios__item\"")
        .map_or(rest.len(), |e| e + 1);
    &rest[..end]
}

#[tokio::test]
async fn a_rule_on_a_question_not_earlier_is_said_under_that_question() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = draft(&s).await;
        let new = format!("/staff/consultations/{id}/questions/new");
        let edit = format!("/staff/consultations/{id}/questions/q2/edit");
        // (form, place, the question the rule depends on, its position in
        // the list of choice questions, its text).
        for (path, place, on, listed, text) in [
            (&new, "after:q1", "q1", 1, Q1),
            (&new, "first:1", "q2", 2, Q2),
            // q2, on q1's page, changed to follow q1's answers.
            (&edit, "after:q1", "q1", 1, Q1),
        ] {
            let ticked = format!("{on}:1");
            let res = s
                .post(
                    path,
                    &officer,
                    &[
                        ("csrf", csrf.as_str()),
                        ("kind", "agreement"),
                        ("text", "Do you feel safe there?"),
                        ("required", "no"),
                        ("place", place),
                        ("show_if_question", on),
                        ("show_if_options", &ticked),
                    ],
                )
                .await;
            assert_eq!(res.status(), 422, "{path} {place} {on}");
            let html = res.text().await.unwrap();
            let radio = format!("show_if_question-{listed}");
            // The summary leads to the question depended on, not to
            // "Always" (the list's first radio).
            assert!(
                html.contains(&format!(r##"<a href="#{radio}">"##)),
                "{html}"
            );
            assert!(!html.contains(r##"<a href="#show_if_question">"##));
            assert!(!html.contains(r#"id="show_if_question-error""#));
            // Said under that question, which the error describes.
            let block = block_of(&html, &radio);
            assert!(
                block.contains(&format!(r#"id="{radio}-error""#)),
                "{block}"
            );
            assert!(block.contains(&format!(
                r#"aria-describedby="{radio}-hint {radio}-error""#
            )));
            let said = text_of(block);
            assert!(
                said.contains(&format!(
                    "is shown only after certain answers to “{text}”, so it must be on a later page than that question."
                )),
                "{said}"
            );
            assert!(
                said.contains(
                    "Choose a question on an earlier page, or put this question on a later page."
                ),
                "{said}"
            );
            assert_eq!(question_ids(&s, &id).await, [vec!["q1", "q2"], vec!["q3"]]);
        }

        // In Arabic too.
        let res = s
            .post(
                &new,
                &format!("{officer}; cohesion_lang=ar"),
                &[
                    ("csrf", csrf.as_str()),
                    ("kind", "agreement"),
                    ("text", "هل تشعر بالأمان هناك؟"),
                    ("place", "after:q1"),
                    ("show_if_question", "q1"),
                    ("show_if_options", "q1:1"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        let block = block_of(&html, "show_if_question-1");
        assert!(
            text_of(block).contains("اختر سؤالًا في صفحة سابقة"),
            "{block}"
        );
    }
}
