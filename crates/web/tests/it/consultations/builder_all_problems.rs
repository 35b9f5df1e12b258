//! "Add a question" says every problem of the form at once: a Maximum
//! that does not fit and a routing rule that would break are reported
//! together, beside their fields and in the error summary, not one per
//! sending.

use super::builder::draft;
use super::question_ids;
use crate::support::{servers_with_people, text_of};

#[tokio::test]
async fn a_bad_maximum_and_a_broken_rule_are_said_together() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = draft(&s).await;
        let new = format!("/staff/consultations/{id}/questions/new");
        for (cookie, max_said, rule_said) in [
            (
                officer.clone(),
                "Enter a maximum between 1 and 2, the number of options",
                "so it must be on a later page than that question",
            ),
            (
                format!("{officer}; cohesion_lang=ar"),
                "أدخل حدًا أقصى بين 1 و2",
                "اختر سؤالًا في صفحة سابقة",
            ),
        ] {
            let res = s
                .post(
                    &new,
                    &cookie,
                    &[
                        ("csrf", csrf.as_str()),
                        ("kind", "multiple_choice"),
                        ("text", "Which parks do you use?"),
                        ("options", "Marine Park\nCastle Green"),
                        // More than the two options.
                        ("max", "5"),
                        // On q1's own page, so its rule cannot follow it.
                        ("place", "after:q1"),
                        ("show_if_question", "q1"),
                        ("show_if_options", "q1:1"),
                    ],
                )
                .await;
            assert_eq!(res.status(), 422);
            let html = res.text().await.unwrap();
            // Both in the summary, each linked to its field.
            let summary = html
                .split("govuk-error-summary__list")
                .nth(1)
                .unwrap_or_else(|| panic!("no summary in {html}"));
            let summary = summary.split("</ul>").next().unwrap();
            assert!(summary.contains(r##"href="#max""##), "{summary}");
            assert!(
                summary.contains(r##"href="#show_if_question-1""##),
                "{summary}"
            );
            let said = text_of(summary);
            assert!(said.contains(max_said), "{said}");
            assert!(said.contains(rule_said), "{said}");
            // And inline.
            assert!(html.contains(r#"id="max-error""#));
            assert!(html.contains(r#"id="show_if_question-1-error""#));
            assert_eq!(question_ids(&s, &id).await, [vec!["q1", "q2"], vec!["q3"]]);
        }
    }
}
