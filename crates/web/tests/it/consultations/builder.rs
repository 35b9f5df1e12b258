//! The survey builder as an officer meets it: questions moved up and
//! down across pages, places and routing rules picked from lists (by
//! question text and answer label, never ids), page titles shown to
//! respondents and translated, and every refusal saying which field or
//! which two questions, with nothing saved.

use cohesion_domain::survey::diff::{Aspect, At, Edits};
use cohesion_services::accounts::demo::DEMO_PASSWORD;
use cohesion_storage::audit::{self, AuditQuery};

use super::{
    build_survey, create, location, published, question_ids, OFFICER, OPEN_FROM, OPEN_UNTIL, TOM,
};
use crate::support::{servers_with_people, text_of, Server};

pub(super) const Q1: &str = "Have you seen hate incidents locally?";
pub(super) const Q2: &str = "Brightwater is a place where people get on well.";
pub(super) const Q3: &str = "What happened?";

/// The survey as stored.
pub(super) async fn stored(s: &Server, id: &str) -> serde_json::Value {
    let mut c = s.db().acquire().await.unwrap();
    let (_, json) = cohesion_storage::consultations::catalogue::find(c.conn(), id.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    serde_json::from_str(&json).unwrap()
}

/// The audit log's details of survey changes, newest first.
async fn survey_changes(s: &Server) -> Vec<String> {
    let mut c = s.db().acquire().await.unwrap();
    let q = AuditQuery {
        action: Some("consultation.survey"),
        actor: None,
        subject: None,
        before: None,
        limit: 100,
    };
    audit::page(c.conn(), &q)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.detail)
        .collect()
}

/// A survey change's detail in the audit log: what changed of it.
fn edits_of(detail: &str) -> Edits {
    serde_json::from_str(detail).unwrap_or_else(|e| panic!("{e}: {detail}"))
}

/// A draft with the usual survey: page 1 asks q1 (yes/no) and q2 (an
/// agreement); page 2 asks q3 only after "yes" to q1.
pub(super) async fn draft(s: &Server) -> (String, String, String) {
    let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
    let id = create(
        s,
        &officer,
        &csrf,
        "Parks after dark",
        (OPEN_FROM, OPEN_UNTIL),
        "yes",
    )
    .await;
    build_survey(s, &officer, &csrf, &id).await;
    (officer, csrf, id)
}

/// The `to` of question `q`'s move button `label` on the officers' page.
fn move_target(html: &str, q: &str, label: &str) -> Option<String> {
    let row = html.split(&format!("id=\"question-{q}\"")).nth(1)?;
    let row = row.split("</tr>").next()?;
    row.split("<form").skip(1).find_map(|form| {
        form.contains(&format!(">{label}<")).then(|| {
            let to = form.split("name=\"to\" value=\"").nth(1).unwrap();
            to.split('"').next().unwrap().to_owned()
        })
    })
}

/// Posts question `q`'s move form, as (cookie, token, consultation).
async fn move_to(
    s: &Server,
    (cookie, csrf, id): (&str, &str, &str),
    q: &str,
    place: String,
) -> reqwest::Response {
    let path = format!("/staff/consultations/{id}/questions/{q}/move");
    s.post(&path, cookie, &[("csrf", csrf), ("to", &place)])
        .await
}

/// Posts the add form with the token, "not required" and `fields`: it
/// must be refused (422); the page's text.
async fn refused_add(
    s: &Server,
    (cookie, csrf, id): (&str, &str, &str),
    fields: &[(&str, &str)],
) -> String {
    let mut all = vec![("csrf", csrf), ("required", "no")];
    all.extend_from_slice(fields);
    let res = s
        .post(
            &format!("/staff/consultations/{id}/questions/new"),
            cookie,
            &all,
        )
        .await;
    assert_eq!(res.status(), 422, "{all:?}");
    text_of(&res.text().await.unwrap())
}

#[tokio::test]
async fn officers_move_questions_up_and_down_across_pages() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = draft(&s).await;
        let manage = format!("/staff/consultations/{id}");
        let (status, html) = s.page(&manage, &officer).await;
        assert_eq!(status, 200);
        assert!(html.contains(">Page 1</h3>") && html.contains(">Page 2</h3>"));
        // The ends of the survey have nowhere to go.
        assert_eq!(move_target(&html, "q1", "Move up"), None);
        assert_eq!(move_target(&html, "q3", "Move down"), None);
        assert_eq!(
            move_target(&html, "q2", "Move down").as_deref(),
            Some("before:q3"),
            "the last of page 1 goes to the start of page 2"
        );
        let who = (officer.as_str(), csrf.as_str(), id.as_str());
        let to = |q: &'static str, place: &str| move_to(&s, who, q, place.to_owned());

        let res = to("q2", "before:q3").await;
        assert_eq!(res.status(), 303);
        assert_eq!(
            location(&res),
            format!("/staff/consultations/{id}?done=question-moved#question-q2")
        );
        assert_eq!(question_ids(&s, &id).await, [vec!["q1"], vec!["q2", "q3"]]);
        // The same form sent again: the question is where it says already.
        assert_eq!(to("q2", "before:q3").await.status(), 303);
        assert_eq!(question_ids(&s, &id).await, [vec!["q1"], vec!["q2", "q3"]]);
        let (_, html) = s
            .page(&format!("{manage}?done=question-moved"), &officer)
            .await;
        assert!(html.contains("The question was moved."));
        assert_eq!(
            move_target(&html, "q2", "Move up").as_deref(),
            Some("after:q1"),
            "the first of page 2 goes to the end of page 1"
        );

        // q1 down onto q3's page: q3 would no longer come after the
        // question it depends on. Refused, naming both.
        let q1_down = move_target(&html, "q1", "Move down").unwrap();
        assert_eq!(q1_down, "before:q2");
        let res = to("q1", &q1_down).await;
        assert_eq!(res.status(), 422);
        let text = text_of(&res.text().await.unwrap());
        assert!(text.contains("The question cannot move there"), "{text}");
        assert!(
            text.contains(&format!(
                "“{Q3}” is shown only after certain answers to “{Q1}”, so it must be on a later page than that question."
            )),
            "{text}"
        );
        assert_eq!(question_ids(&s, &id).await, [vec!["q1"], vec!["q2", "q3"]]);
        assert_eq!(to("q3", "after:q1").await.status(), 422);
        assert_eq!(question_ids(&s, &id).await, [vec!["q1"], vec!["q2", "q3"]]);

        // Back up: page 2 keeps q3.
        assert_eq!(to("q2", "after:q1").await.status(), 303);
        assert_eq!(question_ids(&s, &id).await, [vec!["q1", "q2"], vec!["q3"]]);
        // Each move kept as where the question was and went; the one sent
        // again moved nothing and the refused ones left no entry.
        let moves: Vec<(At, String, String)> = survey_changes(&s)
            .await
            .iter()
            .flat_map(|d| edits_of(d).edits)
            .filter(|e| e.aspect == Aspect::Place)
            .map(|e| (e.at, e.before, e.after))
            .collect();
        let q2 = || At::Question("q2".into());
        assert_eq!(
            moves,
            [
                (q2(), "2:1".into(), "1:2".into()),
                (q2(), "1:2".into(), "2:1".into()),
            ]
        );

        // Forged places and questions, other people and stale tokens.
        for (q, place, status) in [
            ("q2", "after:q9", 409),
            ("q2", "after:q2", 409),
            ("q2", "first:7", 409),
            ("q2", "up", 422),
            ("q2", "", 422),
            ("q9", "after:q1", 404),
        ] {
            assert_eq!(to(q, place).await.status(), status, "{q} {place}");
        }
        let text = text_of(&to("q2", "after:q9").await.text().await.unwrap());
        assert!(
            text.contains("The survey has changed since this page was shown"),
            "{text}"
        );
        let forged = uuid::Uuid::now_v7();
        let res = s
            .post(
                &format!("/staff/consultations/{forged}/questions/q1/move"),
                &officer,
                &[("csrf", &csrf), ("to", "after:q2")],
            )
            .await;
        assert_eq!(res.status(), 404);
        let (tom, tom_csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        let res = s
            .post(
                &format!("/staff/consultations/{id}/questions/q1/move"),
                &tom,
                &[("csrf", &tom_csrf), ("to", "after:q2")],
            )
            .await;
        assert_eq!(res.status(), 403);
        let res = s
            .post(
                &format!("/staff/consultations/{id}/questions/q1/move"),
                &officer,
                &[("csrf", "stale"), ("to", "after:q2")],
            )
            .await;
        assert_eq!(res.status(), 403);
        assert_eq!(question_ids(&s, &id).await, [vec!["q1", "q2"], vec!["q3"]]);
    }
}

#[tokio::test]
async fn places_and_rules_are_picked_from_lists_by_their_words() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = draft(&s).await;
        let new = format!("/staff/consultations/{id}/questions/new");
        let (status, html) = s.page(&new, &officer).await;
        assert_eq!(status, 200);
        // Where it goes: by the questions' text, the end of the survey
        // chosen; no number to type.
        assert!(!html.contains("name=\"position\""));
        assert!(html.contains(r#"value="after:q3" checked"#), "{html}");
        let text = text_of(&html);
        for place in [
            "First on page 1",
            &format!("After “{Q1}”"),
            &format!("After “{Q2}”"),
            "First on page 2",
            &format!("After “{Q3}”"),
            "On a new page at the end",
        ] {
            assert!(text.contains(place), "{place}");
        }
        assert!(html.contains(&format!(r#"<bdi lang="en">{Q1}</bdi>"#)));
        // When it is shown: choice questions by their text, their answers
        // by their labels; a written answer cannot decide.
        assert!(html.contains(r#"name="show_if_question" type="radio" value="q1""#));
        assert!(html.contains(r#"name="show_if_question" type="radio" value="q2""#));
        assert!(!html.contains(r#"name="show_if_question" type="radio" value="q3""#));
        assert!(html.contains(r#"type="checkbox" value="q1:2""#));
        assert!(text.contains(
            "Answers to “Have you seen hate incidents locally?” that show this question"
        ));
        assert!(text.contains("Strongly agree"), "the scale's labels");

        // Asked on a new page of those who said "No" to q1; a box left
        // ticked under q2 is no part of the rule.
        let asked = [
            ("csrf", csrf.as_str()),
            ("kind", "single_choice"),
            ("text", "Why not?"),
            ("required", "no"),
            ("options", "Never been\nNot my area"),
            ("place", "new"),
            ("show_if_question", "q1"),
            ("show_if_options", "q1:2"),
            ("show_if_options", "q2:1"),
        ];
        let res = s.post(&new, &officer, &asked).await;
        assert_eq!(res.status(), 303);
        assert!(location(&res).ends_with("?done=question-added"));
        assert_eq!(
            question_ids(&s, &id).await,
            [vec!["q1", "q2"], vec!["q3"], vec!["q4"]]
        );
        let survey = stored(&s, &id).await;
        assert_eq!(
            survey["pages"][2]["questions"][0]["show_if"],
            serde_json::json!({"question": "q1", "any_of": [1]})
        );
        let (_, html) = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await;
        assert!(
            text_of(&html).contains(&format!("If “{Q1}” is No")),
            "by text, not id"
        );

        // Its form starts from where it is and what shows it.
        let (_, html) = s
            .page(
                &format!("/staff/consultations/{id}/questions/q4/edit"),
                &officer,
            )
            .await;
        assert!(html.contains(r#"value="first:3" checked"#), "{html}");
        assert!(html.contains(r#"value="q1" checked"#));
        assert!(html.contains(r#"value="q1:2" checked"#));
        assert!(!html.contains(r#"value="q1:1" checked"#));
        assert!(!html.contains(r#"value="after:q4""#), "not after itself");

        // Every refusal names its field, keeps what was typed, saves
        // nothing.
        let who = (officer.as_str(), csrf.as_str(), id.as_str());
        let refused =
            |fields: &'static [(&'static str, &'static str)]| refused_add(&s, who, fields);
        let text = refused(&[
            ("kind", "single_choice"),
            ("text", "Which park?"),
            ("options", ""),
        ])
        .await;
        assert!(
            text.contains("Enter at least two options, one per line"),
            "{text}"
        );
        assert!(!text.contains("Choose one of the options given"), "{text}");
        assert!(text.contains("Which park?"), "what was typed stays");
        let text = refused(&[("kind", "matrix"), ("text", "Rate them"), ("options", "")]).await;
        assert!(
            text.contains("Enter at least one row, one per line"),
            "{text}"
        );
        let text = refused(&[
            ("kind", "short_text"),
            ("text", "Where?"),
            ("place", "new"),
            ("show_if_question", "q1"),
        ])
        .await;
        assert!(
            text.contains("Choose at least one answer that shows this question"),
            "{text}"
        );
        let text = refused(&[
            ("kind", "short_text"),
            ("text", "Where?"),
            ("place", "new"),
            ("show_if_question", "q3"),
            ("show_if_options", "q3:1"),
        ])
        .await;
        assert!(
            text.contains("Choose the question this rule depends on"),
            "{text}"
        );
        let text = refused(&[
            ("kind", "short_text"),
            ("text", "Where was that?"),
            ("place", "after:q1"),
            ("show_if_question", "q1"),
            ("show_if_options", "q1:1"),
        ])
        .await;
        assert!(
            text.contains(&format!(
                "“Where was that?” is shown only after certain answers to “{Q1}”, so it must be on a later page than that question."
            )),
            "{text}"
        );
        let text = refused(&[("kind", "essay"), ("text", ""), ("place", "first:9")]).await;
        for message in ["Choose the type of question", "Enter the question"] {
            assert!(text.contains(message), "{message}: {text}");
        }
        let text = refused(&[
            ("kind", "long_text"),
            ("text", "Tell us"),
            ("max", "a lot"),
            ("place", "somewhere"),
        ])
        .await;
        assert!(
            text.contains("Enter the most characters an answer may have"),
            "{text}"
        );
        assert!(text.contains("Choose where the question goes"), "{text}");
        assert_eq!(
            question_ids(&s, &id).await,
            [vec!["q1", "q2"], vec!["q3"], vec!["q4"]]
        );

        // Changing q1 to come after q3 would leave q3 before the question
        // it depends on: said beside the place, naming both.
        let edit = format!("/staff/consultations/{id}/questions/q1/edit");
        let res = s
            .post(
                &edit,
                &officer,
                &[
                    ("csrf", &csrf),
                    ("kind", "single_choice"),
                    ("text", Q1),
                    ("required", "yes"),
                    ("options", "Yes\nNo"),
                    ("place", "after:q3"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(
            html.contains(r##"<a href="#place">"##),
            "the summary leads to the place"
        );
        assert!(text_of(&html).contains(&format!(
            "“{Q3}” is shown only after certain answers to “{Q1}”"
        )));
        // Turning q1 into a written answer would leave q3's rule without
        // answers to look at.
        let res = s
            .post(
                &edit,
                &officer,
                &[
                    ("csrf", &csrf),
                    ("kind", "short_text"),
                    ("text", Q1),
                    ("place", "first:1"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains(r##"<a href="#kind">"##), "{html}");
        assert!(text_of(&html).contains("so that question must keep answers to choose from"));
        assert_eq!(
            stored(&s, &id).await["pages"][0]["questions"][0]["type"],
            "single_choice"
        );
    }
}

#[tokio::test]
async fn questions_others_depend_on_cannot_be_removed() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = draft(&s).await;
        let remove = |q: &str| format!("/staff/consultations/{id}/questions/{q}/remove");
        let (status, html) = s.page(&remove("q1"), &officer).await;
        assert_eq!(status, 200);
        let text = text_of(&html);
        assert!(
            text.contains("The question cannot be removed yet"),
            "{text}"
        );
        assert!(text.contains(&format!(
            "“{Q3}” is shown only after certain answers to “{Q1}”. Change when “{Q3}” is shown before removing “{Q1}”."
        )));
        assert!(
            !html.contains("govuk-button--warning"),
            "no button to press"
        );
        let res = s.post(&remove("q1"), &officer, &[("csrf", &csrf)]).await;
        assert_eq!(res.status(), 422);
        assert_eq!(question_ids(&s, &id).await, [vec!["q1", "q2"], vec!["q3"]]);
        let (status, html) = s.page(&remove("q2"), &officer).await;
        assert_eq!(status, 200);
        assert!(html.contains("govuk-button--warning"));
        let res = s.post(&remove("q2"), &officer, &[("csrf", &csrf)]).await;
        assert_eq!(res.status(), 303);
        assert_eq!(question_ids(&s, &id).await, [vec!["q1"], vec!["q3"]]);
        assert_eq!(
            s.post(&remove("q2"), &officer, &[("csrf", &csrf)])
                .await
                .status(),
            404
        );
        let removed = edits_of(&survey_changes(&s).await[0]).edits;
        assert_eq!(
            (&removed[0].at, removed[0].aspect, removed[0].page),
            (&At::Question("q2".into()), Aspect::Removed, Some(1))
        );
    }
}

#[tokio::test]
async fn pages_have_titles_respondents_see_in_their_language() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = published(&s, "yes").await;
        let manage = format!("/staff/consultations/{id}");
        let (_, html) = s.page(&manage, &officer).await;
        let title = format!("/staff/consultations/{id}/pages/1/title");
        assert!(html.contains(&format!(r#"href="{title}""#)));
        assert!(text_of(&html).contains("Give page 1 a title"));
        let (status, html) = s.page(&title, &officer).await;
        assert_eq!(status, 200);
        let text = text_of(&html);
        assert!(text.contains("The title of page 1"), "{text}");
        assert!(
            text.contains(&format!("The questions on this page: {Q1}")),
            "{text}"
        );

        for (bad, message) in [
            ("Two\nlines", "Write the title on one line"),
            (
                &"x".repeat(151)[..],
                "The title must be 150 characters or fewer",
            ),
        ] {
            let res = s
                .post(&title, &officer, &[("csrf", &csrf), ("title", bad)])
                .await;
            assert_eq!(res.status(), 422);
            assert!(res.text().await.unwrap().contains(message), "{message}");
        }
        let res = s
            .post(&title, &officer, &[("csrf", &csrf), ("title", "About you")])
            .await;
        assert_eq!(res.status(), 303);
        assert!(location(&res).ends_with("?done=page-titled#survey-page-1"));
        for missing in ["0", "3", "x", "99999999999999999999"] {
            let path = format!("/staff/consultations/{id}/pages/{missing}/title");
            assert_eq!(s.page(&path, &officer).await.0, 404, "{missing}");
            let res = s
                .post(&path, &officer, &[("csrf", &csrf), ("title", "x")])
                .await;
            assert_eq!(res.status(), 404, "{missing}");
        }
        let (_, html) = s.page(&manage, &officer).await;
        assert!(
            html.contains(r#"Page 1: <bdi lang="en">About you</bdi>"#),
            "{html}"
        );
        assert!(text_of(&html).contains("Change the title of page 1"));

        // Respondents see it as the page's heading; translated, in Arabic.
        let respond = format!("/consultations/{id}/respond/1");
        let (_, html) = s.page(&respond, "").await;
        assert!(
            html.contains(r#"<h1 class="govuk-heading-xl"><bdi lang="en">About you</bdi></h1>"#)
        );
        let translations = format!("/staff/consultations/{id}/translations/ar");
        let (_, html) = s.page(&translations, &officer).await;
        assert!(
            html.contains(r#"name="page.0.title""#),
            "a text to translate"
        );
        let res = s
            .post(
                &translations,
                &officer,
                &[("csrf", &csrf), ("page.0.title", "عنك")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (_, html) = s.page(&format!("{respond}?lang=ar"), "").await;
        assert!(html.contains(r#"<bdi lang="ar">عنك</bdi></h1>"#), "{html}");
        // Retitled: the translation needs doing again, and meanwhile the
        // page shows the new title as written.
        let res = s
            .post(
                &title,
                &officer,
                &[("csrf", &csrf), ("title", "About yourself")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (_, html) = s.page(&translations, &officer).await;
        assert!(html.contains("The original has changed"), "{html}");
        let (_, html) = s.page(&format!("{respond}?lang=ar"), "").await;
        assert!(html.contains(r#"<bdi lang="en">About yourself</bdi></h1>"#));

        // A page emptied by a move goes; the pages after it keep their
        // titles' translations.
        let res = s
            .post(
                &format!("/staff/consultations/{id}/questions/new"),
                &officer,
                &[
                    ("csrf", &csrf),
                    ("kind", "date"),
                    ("text", "When did it happen?"),
                    ("place", "new"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let page3 = format!("/staff/consultations/{id}/pages/3/title");
        let res = s
            .post(&page3, &officer, &[("csrf", &csrf), ("title", "When")])
            .await;
        assert_eq!(res.status(), 303);
        let res = s
            .post(
                &translations,
                &officer,
                &[("csrf", &csrf), ("page.2.title", "متى")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let res = s
            .post(
                &format!("/staff/consultations/{id}/questions/q3/move"),
                &officer,
                &[("csrf", &csrf), ("to", "before:q4")],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(
            question_ids(&s, &id).await,
            [vec!["q1", "q2"], vec!["q3", "q4"]]
        );
        let survey = stored(&s, &id).await;
        assert_eq!(survey["pages"][1]["title"], "When");
        let (_, html) = s.page(&translations, &officer).await;
        let row = crate::support::translation_row(&html, "page.1.title");
        assert!(
            row.contains("متى") && !row.contains("The original has changed"),
            "{row}"
        );
        assert!(!html.contains(r#"name="page.2.title""#));
    }
}

#[tokio::test]
async fn the_survey_stays_as_it_is_once_anyone_has_answered() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = published(&s, "no").await;
        let (tom, tom_csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        let respond = format!("/consultations/{id}/respond");
        let res = s
            .post(
                &format!("{respond}/1"),
                &tom,
                &[("csrf", &tom_csrf), ("q1", "1")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let res = s
            .post(&format!("{respond}/submit"), &tom, &[("csrf", &tom_csrf)])
            .await;
        assert_eq!(res.status(), 303);
        let (_, html) = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await;
        assert!(html
            .contains("People have responded, so the survey can no longer change its questions"));
        assert!(
            html.contains(&format!("/staff/consultations/{id}/wording/1")),
            "typos can still be fixed"
        );
        assert!(!html.contains("/move\"") && !html.contains("/pages/1/title"));
        let res = s
            .post(
                &format!("/staff/consultations/{id}/questions/q2/move"),
                &officer,
                &[("csrf", &csrf), ("to", "before:q1")],
            )
            .await;
        assert_eq!(res.status(), 422);
        let res = s
            .post(
                &format!("/staff/consultations/{id}/pages/1/title"),
                &officer,
                &[("csrf", &csrf), ("title", "Late")],
            )
            .await;
        assert_eq!(res.status(), 422);
        let res = s
            .post(
                &format!("/staff/consultations/{id}/questions/new"),
                &officer,
                &[("csrf", &csrf), ("kind", "date"), ("text", "When?")],
            )
            .await;
        assert_eq!(res.status(), 422);
        assert!(text_of(&res.text().await.unwrap()).contains("People have responded"));
        assert_eq!(question_ids(&s, &id).await, [vec!["q1", "q2"], vec!["q3"]]);
        assert_eq!(stored(&s, &id).await["pages"][0]["title"], "");
    }
}

#[tokio::test]
async fn the_builder_speaks_arabic() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = draft(&s).await;
        let officer_ar = format!("{officer}; cohesion_lang=ar");
        let new = format!("/staff/consultations/{id}/questions/new");
        let (status, html) = s.page(&new, &officer_ar).await;
        assert_eq!(status, 200);
        assert!(html.contains("dir=\"rtl\""));
        assert!(html.contains("مكان السؤال") && html.contains("متى يظهر السؤال"));
        // The officer's English stays marked as English.
        assert!(html.contains(&format!(r#"<bdi lang="en">{Q1}</bdi>"#)));
        let res = s
            .post(
                &new,
                &officer_ar,
                &[
                    ("csrf", &csrf),
                    ("kind", "single_choice"),
                    ("text", "أي حديقة؟"),
                    ("place", "new"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(
            html.contains("أدخل خيارين على الأقل، خيارًا في كل سطر"),
            "{html}"
        );
        let res = s
            .post(
                &format!("/staff/consultations/{id}/questions/q1/move"),
                &officer_ar,
                &[("csrf", &csrf), ("to", "before:q3")],
            )
            .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("لا يمكن نقل السؤال إلى هناك"));
        assert!(
            html.contains(&format!(r#"<bdi lang="en">{Q3}</bdi>"#)),
            "{html}"
        );
        let (_, html) = s
            .page(&format!("/staff/consultations/{id}"), &officer_ar)
            .await;
        assert!(html.contains("انقله إلى أسفل") && html.contains(">الصفحة 2</h3>"));
    }
}
