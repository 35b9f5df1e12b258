//! Findings, translations, analysis and exports.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::{published, AMINA, ANALYST, TOM};
use crate::support::{servers_with_people, translation_heading, translation_row};

/// What comes after the answers: findings with live figures, the
/// officer's translation, the analysts' written answers and weighting,
/// and the exports, each refused to those without the right.
#[tokio::test]
async fn findings_translations_analysis_and_exports() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = published(&s, "no").await;
        for who in [TOM, AMINA] {
            let (cookie, token) = s.sign_in(who, DEMO_PASSWORD).await;
            let respond = format!("/consultations/{id}/respond");
            let res = s
                .post(
                    &format!("{respond}/1"),
                    &cookie,
                    &[("csrf", &token), ("q1", "0"), ("q2", "1")],
                )
                .await;
            assert_eq!(res.status(), 303);
            let res = s
                .post(
                    &format!("{respond}/2"),
                    &cookie,
                    &[
                        ("csrf", &token),
                        ("q3", "Someone wrote to me at me@example.org"),
                    ],
                )
                .await;
            assert_eq!(res.status(), 303);
            let res = s
                .post(&format!("{respond}/submit"), &cookie, &[("csrf", &token)])
                .await;
            assert_eq!(res.status(), 303, "{who} submits");
        }

        // A finding rests on a result; its figure is pulled, and hidden
        // while fewer than ten people chose the option.
        let findings = format!("/staff/consultations/{id}/findings/new");
        // Its options are named by the questions' numbers in the survey,
        // as the survey table numbers them, not by their ids.
        let form = s.page(&findings, &officer).await.1;
        assert!(
            form.contains(r#"value="q1:1""#) && form.contains(">Question 1: "),
            "{form}"
        );
        assert!(!form.contains(">q1: "), "{form}");
        let res = s
            .post(
                &findings,
                &officer,
                &[
                    ("csrf", &csrf),
                    ("title", "x"),
                    ("question", "q3"),
                    ("options", "1"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422, "no finding on a written answer");
        let res = s
            .post(
                &findings,
                &officer,
                &[
                    ("csrf", &csrf),
                    ("title", "People have seen incidents"),
                    ("question", "q1"),
                    ("options", "1"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let public = format!("/consultations/{id}/findings");
        let (_, html) = s.page(&public, "").await;
        assert!(
            !html.contains("People have seen incidents"),
            "drafts stay the staff's"
        );
        let (_, manage) = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await;
        let action = manage
            .split("action=\"")
            .map(|a| a.split('"').next().unwrap_or_default())
            .find(|a| a.contains("/findings/") && !a.ends_with("/new"))
            .expect("a form to publish the finding")
            .to_owned();
        let res = s
            .post(&action, &officer, &[("csrf", &csrf), ("change", "publish")])
            .await;
        assert_eq!(res.status(), 303);
        let (status, html) = s.page(&public, "").await;
        assert_eq!(status, 200);
        assert!(html.contains("People have seen incidents"));
        assert!(
            html.contains("Too few people chose"),
            "two is too few to show"
        );

        // Translation: unknown keys refused; the Arabic page shows it.
        let translate = format!("/staff/consultations/{id}/translations/ar");
        let (status, html) = s.page(&translate, &officer).await;
        assert_eq!(status, 200);
        assert!(html.contains("not translated yet"));
        // Every row is headed in words; the key is the field's name only.
        let finding = action.rsplit('/').next().unwrap();
        for (key, heading) in [
            ("title", "Title of the consultation".to_owned()),
            ("topic.1", "Topic 2".to_owned()),
            ("area", "Area".to_owned()),
            (
                "q1.text",
                "Question 1: Have you seen hate incidents locally? — wording".to_owned(),
            ),
            (
                "q1.option.1",
                "Question 1: Have you seen hate incidents locally? — option 2".to_owned(),
            ),
            (
                &format!("finding.{finding}.title"),
                "Finding: People have seen incidents — title".to_owned(),
            ),
        ] {
            let shown = translation_heading(translation_row(&html, key));
            assert_eq!(shown, heading, "{key}");
            assert!(!html.contains(&format!(">{key}<")), "{key} is not shown");
        }
        let res = s
            .post(&translate, &officer, &[("csrf", &csrf), ("q99.text", "x")])
            .await;
        assert_eq!(res.status(), 422);
        let res = s
            .post(
                &translate,
                &officer,
                &[
                    ("csrf", &csrf),
                    ("title", "شوارع أكثر أمانًا في الميناء"),
                    ("topic.1", "الشباب"),
                    ("area", "<i>الميناء</i>"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (_, html) = s.page(&format!("/consultations/{id}?lang=ar"), "").await;
        assert!(html.contains("شوارع أكثر أمانًا في الميناء"));
        // Topics and area too, each alone, markup shown as text; the
        // untranslated topic stays in the original.
        assert!(html.contains("safety، الشباب"), "{html}");
        assert!(html.contains("&lt;i&gt;الميناء") || html.contains("&#60;i&#62;الميناء"));
        assert!(!html.contains("<i>الميناء"));
        // Each text is marked with the language it is shown in (WCAG
        // 3.1.2): the translated ones Arabic, those left as written
        // English, so a screen reader switches voice; a list with an
        // untranslated topic is read as written.
        assert!(html.contains(r#"<bdi lang="ar">شوارع أكثر أمانًا في الميناء</bdi>"#));
        assert!(
            html.contains(r#"<bdi lang="en">Survey open</bdi>"#),
            "{html}"
        );
        assert!(html.contains(r#"<bdi lang="en">safety، الشباب</bdi>"#));
        assert!(
            html.contains(r#"<bdi lang="ar">&#60;i&#62;الميناء"#)
                || html.contains(r#"<bdi lang="ar">&lt;i&gt;الميناء"#)
        );
        let (_, list) = s.page("/consultations?lang=ar", "").await;
        assert!(list.contains(r#"<bdi lang="ar">شوارع أكثر أمانًا في الميناء</bdi>"#));
        let (status, survey) = s
            .page(&format!("/consultations/{id}/respond/1?lang=ar"), &officer)
            .await;
        assert_eq!(status, 200);
        assert!(survey.contains(r#"<bdi lang="ar">شوارع أكثر أمانًا في الميناء</bdi>"#));
        assert!(
            survey.contains(r#"<bdi lang="en">Have you seen hate incidents locally?</bdi>"#),
            "{survey}"
        );
        let (_, html) = s.page(&format!("/consultations/{id}?lang=en"), "").await;
        assert!(html.contains(r#"<bdi lang="en">Safer streets in Harbourside</bdi>"#));
        assert!(html.contains("safety, youth") && html.contains("Harbourside"));
        assert!(!html.contains("الشباب"));
        // Findings are translated too, keyed by the finding.
        let key = format!("finding.{finding}.title");
        let res = s
            .post(
                &translate,
                &officer,
                &[("csrf", csrf.as_str()), (key.as_str(), "رأى كثيرون حوادث")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (_, html) = s.page(&format!("{public}?lang=ar"), "").await;
        assert!(html.contains(r#"<bdi lang="ar">رأى كثيرون حوادث</bdi>"#));
        let (_, html) = s.page(&format!("/consultations/{id}?lang=ar"), "").await;
        assert!(
            !html.contains("شوارع أكثر أمانًا في الميناء"),
            "saving replaces the language's translations whole"
        );
        let (tom, tom_csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        let res = s
            .post(&translate, &tom, &[("csrf", &tom_csrf), ("title", "x")])
            .await;
        assert_eq!(res.status(), 403);

        // Analysts: written answers with contact details masked; weighting
        // with a report, or a clear error.
        let (analyst, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let (status, html) = s
            .page(
                &format!("/staff/consultations/{id}/answers?question=q3"),
                &analyst,
            )
            .await;
        assert_eq!(status, 200);
        assert!(html.contains("Someone wrote to me at"), "{html}");
        assert!(!html.contains("me@example.org"), "addresses are masked");
        // Results in Arabic: the question, not translated, marked English.
        let (status, html) = s
            .page(&format!("/consultations/{id}/results?lang=ar"), &analyst)
            .await;
        assert_eq!(status, 200);
        assert!(
            html.contains(r#"<bdi lang="en">Have you seen hate incidents locally?</bdi>"#),
            "{html}"
        );
        assert_eq!(
            s.page(&format!("/staff/consultations/{id}/answers"), &tom)
                .await
                .0,
            403
        );
        let weighting = format!("/staff/consultations/{id}/weighting?margins=q1%3A+40%2C+60");
        let (status, html) = s.page(&weighting, &analyst).await;
        assert_eq!(status, 422, "nobody answered No: it cannot be weighted");
        assert!(html.contains("has no respondents"));
        let weighting = format!("/staff/consultations/{id}/weighting?margins=q1%3A+100%2C+-");
        let (status, html) = s.page(&weighting, &analyst).await;
        assert_eq!(status, 200);
        assert!(html.contains("Effective sample size"));
        assert!(html.contains("Weighted: "));
        let bad = format!("/staff/consultations/{id}/weighting?margins=q3%3A+50%2C+50");
        assert_eq!(s.page(&bad, &analyst).await.0, 422);

        // Exports: analysts find them beside the results, residents do not.
        let results_page = format!("/consultations/{id}/results");
        let (status, html) = s.page(&results_page, &analyst).await;
        assert_eq!(status, 200);
        assert!(html.contains(&format!("/staff/consultations/{id}/responses.csv")));
        let (status, html) = s.page(&results_page, &tom).await;
        assert_eq!(status, 200, "results not public yet: said so (ADR 22)");
        assert!(html.contains("Results are not published yet") && !html.contains("<table"));
        assert!(!html.contains("responses.csv"));
        // Residents refused; analysts get CSV with a BOM and XLSX.
        assert_eq!(
            s.page(&format!("/staff/consultations/{id}/responses.csv"), &tom)
                .await
                .0,
            403
        );
        let res = s
            .get_with(
                &format!("/staff/consultations/{id}/responses.csv"),
                &analyst,
            )
            .await;
        assert_eq!(res.status(), 200);
        let body = res.bytes().await.unwrap();
        assert!(body.starts_with("\u{feff}".as_bytes()));
        let csv = String::from_utf8_lossy(&body);
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines.len(), 3, "header and two responses: {csv}");
        assert!(lines[0].starts_with("Reference,Submitted (UTC),q1: "));
        for row in &lines[1..] {
            assert!(
                row.ends_with(",Someone wrote to me at me@example.org"),
                "each response's written answer, as typed: {row}"
            );
        }
        assert_ne!(lines[1].split(',').next(), lines[2].split(',').next());
        let res = s
            .get_with(
                &format!("/staff/consultations/{id}/responses.xlsx"),
                &analyst,
            )
            .await;
        assert_eq!(res.status(), 200);
        assert!(
            res.bytes().await.unwrap().starts_with(b"PK"),
            "a zip, as XLSX is"
        );
        let (status, csv) = s
            .page(&format!("/consultations/{id}/results.csv"), &officer)
            .await;
        assert_eq!(status, 200);
        assert!(csv.contains("q1,"));
        // Two responses: every count is too small to show, and a hidden
        // figure is written `[c]` (the ONS convention), never left blank.
        let q1: Vec<&str> = csv.lines().filter(|l| l.starts_with("q1,")).collect();
        assert!(!q1.is_empty(), "{csv}");
        for row in q1 {
            let fields: Vec<&str> = row.split(',').collect();
            assert_eq!(fields[5], "[c]", "the count of {row}");
            assert_eq!(fields[6], "[c]", "the share of {row}");
        }
    }
}

/// The written answers' form searches: its button says so, in both
/// languages, rather than borrowing the crosstab's "Show the table".
#[tokio::test]
async fn the_written_answers_form_says_it_searches() {
    for s in servers_with_people().await {
        let id = super::demo_consultation(&s).await;
        let (analyst, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let path = format!("/staff/consultations/{id}/answers");
        for (lang, words) in [("en", "Search the answers"), ("ar", "ابحث في الإجابات")]
        {
            let (status, html) = s
                .page(&path, &format!("{analyst}; cohesion_lang={lang}"))
                .await;
            assert_eq!(status, 200);
            let form = &html[html.find("class=\"app-filter\"").unwrap()..];
            let form = &form[..form.find("</form>").unwrap()];
            assert!(
                form.contains(&format!("data-module=\"govuk-button\">{words}</button>")),
                "{form}"
            );
        }
    }
}
