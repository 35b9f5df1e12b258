//! The builder's forms as an officer sends them: a routing rule on a
//! question that is not on an earlier page is said under that question,
//! in words that say what to choose instead; and a form built on a
//! survey that has changed since (sent twice, or after another change)
//! is refused with nothing saved, and shown again on the survey as it is.

use super::builder::{draft, stored, Q1, Q2};
use super::{location, question_ids};
use crate::support::{servers_with_people, text_of};

/// The revision of the survey a form was built on, from its hidden field.
fn revision_in(html: &str) -> String {
    html.split(r#"name="revision" value=""#)
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or_else(|| panic!("no revision in {html}"))
        .to_owned()
}

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
            assert!(block.contains(&format!(r#"id="{radio}-error""#)), "{block}");
            assert!(block.contains(&format!(r#"aria-describedby="{radio}-hint {radio}-error""#)));
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

#[tokio::test]
async fn a_form_sent_again_or_built_before_a_change_changes_nothing() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = draft(&s).await;
        let officer_ar = format!("{officer}; cohesion_lang=ar");
        let new = format!("/staff/consultations/{id}/questions/new");
        let (_, html) = s.page(&new, &officer).await;
        let seen = revision_in(&html);
        let add = |revision: &str| {
            [
                ("csrf", csrf.clone()),
                ("revision", revision.to_owned()),
                ("kind", "date".to_owned()),
                ("text", "When did it happen?".to_owned()),
                ("required", "no".to_owned()),
                ("place", "new".to_owned()),
            ]
        };
        // Owned, so the request outlives nothing it was given.
        let post = |path: &str, cookie: &str, fields: &[(&'static str, String)]| {
            let (s, path, cookie, fields) =
                (&s, path.to_owned(), cookie.to_owned(), fields.to_vec());
            async move {
                let fields: Vec<(&str, &str)> =
                    fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
                s.post(&path, &cookie, &fields).await
            }
        };
        let res = post(&new, &officer, &add(&seen)).await;
        assert_eq!(res.status(), 303);
        assert!(location(&res).ends_with("?done=question-added"));
        // The same form again (a double click, or back and send again):
        // refused, nothing added, the form shown with what was typed.
        let res = post(&new, &officer, &add(&seen)).await;
        assert_eq!(res.status(), 409);
        let html = res.text().await.unwrap();
        let text = text_of(&html);
        assert!(
            text.contains("The survey changed since you opened this form, so nothing was saved."),
            "{text}"
        );
        assert!(html.contains("When did it happen?"), "what was typed stays");
        assert!(html.contains(r##"<a href="#place">"##), "{html}");
        assert_eq!(
            question_ids(&s, &id).await,
            [vec!["q1", "q2"], vec!["q3"], vec!["q4"]],
            "added once"
        );
        // Shown again on the survey as it is: sent now, it is a choice.
        let now = revision_in(&html);
        assert_ne!(now, seen);
        assert!(
            text.contains("After “When did it happen?”"),
            "the survey as it is"
        );
        assert_eq!(post(&new, &officer, &add(&now)).await.status(), 303);
        assert_eq!(question_ids(&s, &id).await.len(), 4);
        for forged in ["", "0000000000000000", "not a revision"] {
            let res = post(&new, &officer, &add(forged)).await;
            assert_eq!(res.status(), 409, "{forged:?}");
        }
        let res = post(&new, &officer_ar, &add(&seen)).await;
        assert!(
            text_of(&res.text().await.unwrap()).contains("تغيّر الاستبيان منذ أن فتحت هذا النموذج")
        );
        assert_eq!(question_ids(&s, &id).await.len(), 4);

        // A question's form and a page's title form opened, then the
        // survey changed: their changes are refused, nothing saved.
        let edit = format!("/staff/consultations/{id}/questions/q1/edit");
        let seen = revision_in(&s.page(&edit, &officer).await.1);
        let title = format!("/staff/consultations/{id}/pages/1/title");
        assert_eq!(
            revision_in(&s.page(&title, &officer).await.1),
            seen,
            "one survey, one revision"
        );
        let titled = [
            ("csrf", csrf.clone()),
            ("revision", seen.clone()),
            ("title", "About you".to_owned()),
        ];
        assert_eq!(post(&title, &officer, &titled).await.status(), 303);
        let reworded = [
            ("csrf", csrf.clone()),
            ("revision", seen.clone()),
            ("kind", "single_choice".to_owned()),
            ("text", "Reworded".to_owned()),
            ("required", "yes".to_owned()),
            ("options", "Yes\nNo".to_owned()),
            ("place", "first:1".to_owned()),
        ];
        assert_eq!(post(&edit, &officer, &reworded).await.status(), 409);
        assert_eq!(
            stored(&s, &id).await["pages"][0]["questions"][0]["text"],
            Q1
        );
        // The title form sent again: refused beside its field, with what
        // was typed.
        let retitled = [
            ("csrf", csrf.clone()),
            ("revision", seen.clone()),
            ("title", "About yourself".to_owned()),
        ];
        let res = post(&title, &officer, &retitled).await;
        assert_eq!(res.status(), 409);
        let html = res.text().await.unwrap();
        assert!(html.contains(r#"id="title-error""#), "{html}");
        assert!(html.contains(r#"value="About yourself""#), "{html}");
        assert!(text_of(&html).contains("The survey changed since you opened this form"));
        assert_ne!(revision_in(&html), seen);
        assert_eq!(stored(&s, &id).await["pages"][0]["title"], "About you");
    }
}
