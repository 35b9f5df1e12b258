//! Answers and rules made of several texts read the right way round in
//! both directions: a matrix answer's lines, statement then answer, and
//! a rule's options told apart even when a label holds a comma.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::{
    add_question, create, demo_consultation, location, OFFICER, OPEN_FROM, OPEN_UNTIL, TOM,
};
use crate::support::{servers_with_people, text_of};

#[tokio::test]
async fn a_matrix_answer_reads_statement_then_answer_in_either_direction() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let (tom, csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        let respond = format!("/consultations/{id}/respond");
        // Page 1 answered "No" to q2, so page 2 asks no q3.
        for (page, fields) in [
            ("1", vec![("q1", "1"), ("q2", "1")]),
            ("2", vec![("q6-0", "0"), ("q6-1", "3")]),
            ("3", vec![]),
        ] {
            let mut form = vec![("csrf", csrf.as_str())];
            form.extend(fields);
            let res = s.post(&format!("{respond}/{page}"), &tom, &form).await;
            assert_eq!(res.status(), 303, "page {page}");
        }
        let check = format!("{respond}/check");
        let (status, html) = s.page(&check, &tom).await;
        assert_eq!(status, 200);
        assert!(
            html.contains(r#"<span dir="ltr"><bdi lang="en">I would know how to report a concern</bdi>: <bdi lang="en">Strongly agree</bdi></span>"#),
            "{html}"
        );
        // In Arabic, each line right to left: the statement first.
        let (status, html) = s.page(&check, &format!("{tom}; cohesion_lang=ar")).await;
        assert_eq!(status, 200);
        let lines: Vec<&str> = html
            .split(r#"<span dir="rtl"><bdi lang=""#)
            .skip(1)
            .collect();
        assert_eq!(lines.len(), 2, "{html}");
        assert!(
            lines[0].contains(">أوافق بشدة</bdi></span>"),
            "{}",
            lines[0]
        );

        // "Your answers" reads them back the same way.
        let res = s
            .post(&format!("{respond}/submit"), &tom, &[("csrf", &csrf)])
            .await;
        assert_eq!(location(&res), format!("{respond}/done"));
        let (status, html) = s
            .page(
                &format!("{respond}/answers"),
                &format!("{tom}; cohesion_lang=ar"),
            )
            .await;
        assert_eq!(status, 200);
        assert_eq!(
            html.matches(r#"<span dir="rtl"><bdi lang=""#).count(),
            2,
            "{html}"
        );
    }
}

#[tokio::test]
async fn a_rules_options_are_told_apart_though_a_label_holds_a_comma() {
    for s in servers_with_people().await {
        let (cookie, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let id = create(&s, &cookie, &csrf, "Parks", (OPEN_FROM, OPEN_UNTIL), "no").await;
        let res = add_question(
            &s,
            &cookie,
            &id,
            &[
                ("csrf", &csrf),
                ("page", "1"),
                ("kind", "single_choice"),
                ("text", "هل تزور الحديقة؟"),
                ("required", "yes"),
                ("options", "نعم، كل يوم\nأحيانًا\nلا"),
            ],
        )
        .await;
        assert_eq!(res.status(), 303);
        let res = add_question(
            &s,
            &cookie,
            &id,
            &[
                ("csrf", &csrf),
                ("page", "2"),
                ("kind", "long_text"),
                ("text", "What do you do there?"),
                ("required", "no"),
                ("max", "500"),
                ("show_if_question", "q1"),
                ("show_if_options", "q1:1, q1:2"),
            ],
        )
        .await;
        assert_eq!(res.status(), 303, "the rule");
        let (_, html) = s.page(&format!("/staff/consultations/{id}"), &cookie).await;
        let text = text_of(&html);
        assert!(
            text.contains("If “هل تزور الحديقة؟” is “نعم، كل يوم” or “أحيانًا”"),
            "{text}"
        );
        let (_, html) = s
            .page(
                &format!("/staff/consultations/{id}"),
                &format!("{cookie}; cohesion_lang=ar"),
            )
            .await;
        let text = text_of(&html);
        assert!(text.contains("«نعم، كل يوم» أو «أحيانًا»"), "{text}");
    }
}
