//! The officers' page of a consultation names each finding (in its
//! table, on its Publish, Withdraw and Remove buttons, and on the
//! question removing asks) by its title in the reader's language where
//! it is translated, as the public findings page does, marked with the
//! language it is shown in; a title not translated stays as written,
//! marked English.

use cohesion_domain::translation::{key, Translator};
use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::{demo_consultation, OFFICER};
use crate::support::servers_with_people;

#[tokio::test]
async fn staff_act_on_findings_named_in_the_language_they_read() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let (helen, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        // A finding nobody has translated.
        let res = s
            .post(
                &format!("/staff/consultations/{id}/findings/new"),
                &helen,
                &[
                    ("csrf", &csrf),
                    ("title", "Parks matter after dark"),
                    ("options", "q1:1"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);

        // Each finding's title as an Arabic reader reads it.
        let texts = cohesion_services::consultations::reading::translation(
            s.db(),
            id.parse().unwrap(),
            "ar",
        )
        .await
        .unwrap();
        let mut c = s.db().acquire().await.unwrap();
        let found =
            cohesion_storage::consultations::findings::list(c.conn(), id.parse().unwrap(), true)
                .await
                .unwrap();
        drop(c);
        let mut translated = 0;
        let (_, page) = s
            .page(
                &format!("/staff/consultations/{id}"),
                &format!("{helen}; cohesion_lang=ar"),
            )
            .await;
        let (_, english) = s
            .page(
                &format!("/staff/consultations/{id}"),
                &format!("{helen}; cohesion_lang=en"),
            )
            .await;
        for f in &found {
            let original = f.finding.title.clone();
            let mut title = original.clone();
            Translator::new(&texts).put(&key::finding(f.id, "title"), &mut title);
            let shown = match title == original {
                true => format!("<bdi lang=\"en\">{original}</bdi>"),
                false => {
                    translated += 1;
                    format!("<bdi lang=\"ar\">{title}</bdi>")
                }
            };
            let change = if f.published_at.is_some() {
                "اسحب"
            } else {
                "انشر"
            };
            for button in [change, "احذف"] {
                let words = format!("data-module=\"govuk-button\">{button}: {shown}</button>");
                assert!(page.contains(&words), "{words} in {page}");
            }
            // A cell opens with it (after its column's name, `data-label`,
            // which the stacked table shows on a phone).
            assert!(
                page.split("<td class=\"govuk-table__cell\"")
                    .skip(1)
                    .any(|cell| cell
                        .split_once('>')
                        .is_some_and(|(_, c)| c.starts_with(&shown))),
                "{shown} in the table"
            );
            assert!(english.contains(&format!(
                ">Remove: <bdi lang=\"en\">{original}</bdi></button>"
            )));

            // The question removing it asks, in Arabic.
            let (status, question) = s
                .page(
                    &format!("/staff/consultations/{id}/findings/{}?change=remove", f.id),
                    &format!("{helen}; cohesion_lang=ar"),
                )
                .await;
            assert_eq!(status, 200);
            let heading = &question[question.find("<h1").unwrap()..];
            let heading = &heading[..heading.find("</h1>").unwrap()];
            let asked = title.trim_end_matches(['?', '؟']);
            let lang = if title == original { "en" } else { "ar" };
            assert!(
                heading.contains(&format!("<bdi lang=\"{lang}\">{asked}</bdi>")),
                "{heading}"
            );
            if title != original {
                assert!(!question.contains(&original), "the English title left out");
            }
        }
        assert!(translated > 0, "the demo translates its findings");
    }
}
