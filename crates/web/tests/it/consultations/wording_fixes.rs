//! Typo fixes after responses over HTTP: the demo's open consultation
//! has 300 responses; its officer fixes the wording of a page in English
//! and in Arabic, the history shows who, when, before and after, the
//! Arabic translation of a changed text is marked for review, structural
//! changes stay refused with a message that says why, and bad input is
//! refused with the text named, nothing saved.

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use uuid::Uuid;

use super::{location, OFFICER, TOM};
use crate::support::{servers_with_people, text_of, translation_row, Server};

const SEEN: &str =
    "In the last 12 months, have you seen or heard views that promote hatred or extremism?";
const FIXED: &str =
    "In the past 12 months, have you seen or heard views that promote hatred or extremism?";

async fn demo_open(s: &Server) -> Uuid {
    cohesion_services::consultations::demo::load(s.db())
        .await
        .unwrap();
    let mut c = s.db().acquire().await.unwrap();
    cohesion_storage::consultations::catalogue::all_ids(c.conn())
        .await
        .unwrap()
        .into_iter()
        .find(|(_, t)| t == "Safer streets, stronger communities")
        .unwrap()
        .0
}

/// The survey as stored.
async fn stored(s: &Server, id: Uuid) -> serde_json::Value {
    let mut c = s.db().acquire().await.unwrap();
    let (_, survey) = cohesion_storage::consultations::catalogue::find(c.conn(), id)
        .await
        .unwrap()
        .unwrap();
    serde_json::from_str(&survey).unwrap()
}

fn words(html: &str) -> String {
    text_of(html).replace(['\u{2068}', '\u{2069}'], "")
}

/// The History table of the officers' page.
fn history(html: &str) -> String {
    let start = html.find(">History<").expect("a history");
    words(&html[start..])
}

#[tokio::test]
async fn officers_fix_typos_after_responses_and_the_history_shows_them() {
    for s in servers_with_people().await {
        let id = demo_open(&s).await;
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let manage = format!("/staff/consultations/{id}");
        let html = s.page(&manage, &officer).await.1;
        let form = format!("/staff/consultations/{id}/wording/1");
        assert!(words(&html).contains("You can still fix typos"));
        assert!(
            html.contains(&format!("href=\"{form}\"")),
            "the question leads there"
        );
        assert!(!html.contains("/questions/new"));

        // Structure stays locked, saying why and what can still be done.
        let (status, html) = s
            .page(
                &format!("/staff/consultations/{id}/questions/new"),
                &officer,
            )
            .await;
        assert_eq!(status, 409);
        let text = words(&html);
        assert!(text.contains("People have responded, so the survey can no longer change"));
        assert!(
            text.contains("You can still fix typos in the wording"),
            "{text}"
        );
        assert!(html.contains(&format!("href=\"{form}\"")));
        let (status, _) = s
            .page(
                &format!("/staff/consultations/{id}/questions/q2/edit"),
                &officer,
            )
            .await;
        assert_eq!(status, 409);

        // The page's texts, as they stand.
        let (status, html) = s.page(&form, &officer).await;
        assert_eq!(status, 200);
        assert!(
            html.contains(&format!("name=\"q2.text\" type=\"text\" value=\"{SEEN}\""))
                || html.contains(&format!(
                    "name=\"q2.text\" rows=\"3\" lang=\"en\" dir=\"ltr\">{SEEN}"
                ))
        );
        for key in ["page.0.title", "q2.hint", "q2.option.2", "q1.text"] {
            assert!(html.contains(&format!("name=\"{key}\"")), "{key}");
        }
        assert!(
            !html.contains("name=\"q1.option.0\""),
            "a fixed scale is not the council's"
        );

        let res = s
            .post(
                &form,
                &officer,
                &[
                    ("csrf", &csrf),
                    ("q2.text", FIXED),
                    ("q2.option.2", "Not sure yet"),
                    ("q2.hint", "Online or in person."),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert!(location(&res).ends_with("?done=wording-fixed"));
        let survey = stored(&s, id).await;
        let q2 = &survey["pages"][0]["questions"][1];
        assert_eq!(q2["text"], FIXED);
        assert_eq!(q2["options"][2], "Not sure yet");
        assert_eq!(q2["options"].as_array().unwrap().len(), 3, "still three");

        // The history: who, before and after; the public sees the fix.
        let html = s
            .page(&format!("{manage}?done=wording-fixed"), &officer)
            .await
            .1;
        let text = history(&html);
        assert!(text.contains(SEEN) && text.contains(FIXED), "{text}");
        assert!(
            text.contains("Not sure yet") && text.contains("Question 2"),
            "{text}"
        );
        assert!(html.contains("<time datetime="));
        let json: serde_json::Value = s
            .get(&format!("/api/v1/consultations/{id}"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(json["survey"]["pages"][0]["questions"][1]["text"], FIXED);

        // Its Arabic translation now needs review; readers get the fix.
        let translations = format!("/staff/consultations/{id}/translations/ar");
        let html = s.page(&translations, &officer).await.1;
        assert!(translation_row(&html, "q2.text").contains("The original has changed"));
        assert!(!translation_row(&html, "q2.option.0").contains("The original has changed"));
        let preview = format!("/staff/consultations/{id}/preview?lang=ar");
        let html = s.page(&preview, &officer).await.1;
        assert!(
            html.contains(&format!("lang=\"en\">{FIXED}")),
            "shown as written"
        );

        // Fixed in Arabic: current again, in the history in Arabic.
        let arabic = format!("{form}/ar");
        let (status, html) = s.page(&arabic, &officer).await;
        assert_eq!(status, 200);
        assert!(html.contains("The original has changed"));
        let res = s
            .post(
                &arabic,
                &officer,
                &[
                    ("csrf", &csrf),
                    ("q2.text", "هل رأيتم خلال العام الماضي آراء تروّج للكراهية؟"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let html = s.page(&translations, &officer).await.1;
        assert!(!translation_row(&html, "q2.text").contains("The original has changed"));
        let html = s.page(&manage, &officer).await.1;
        assert!(history(&html).contains("(Arabic)"));
        let html = s.page(&preview, &officer).await.1;
        assert!(words(&html).contains("هل رأيتم خلال العام الماضي"));
    }
}

#[tokio::test]
async fn bad_wording_is_refused_with_the_text_named_and_nothing_saved() {
    for s in servers_with_people().await {
        let id = demo_open(&s).await;
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let form = format!("/staff/consultations/{id}/wording/1");
        let before = stored(&s, id).await;
        for (fields, says) in [
            (vec![("q2.text", "  ")], "Enter the question"),
            (
                vec![("q2.option.0", "Yes\nand no")],
                "Keep this on one line",
            ),
            (
                vec![("q2.kind", "matrix")],
                "This text is no longer on this page",
            ),
            (vec![("q2.option.1", "")], "Enter the option’s label"),
        ] {
            let mut sent = vec![("csrf", csrf.as_str())];
            sent.extend(fields);
            let res = s.post(&form, &officer, &sent).await;
            assert_eq!(res.status(), 422, "{says}");
            let html = res.text().await.unwrap();
            assert!(html.contains("govuk-error-summary"));
            assert!(words(&html).contains(says), "{says}");
        }
        assert_eq!(stored(&s, id).await, before, "nothing saved");
        for path in [
            format!("/staff/consultations/{id}/wording/9"),
            format!("/staff/consultations/{id}/wording/0"),
            format!("/staff/consultations/{id}/wording/x"),
            format!("/staff/consultations/{id}/wording/1/xx"),
            format!("/staff/consultations/{id}/wording/1/en"),
            format!("/staff/consultations/{}/wording/1", Uuid::now_v7()),
        ] {
            assert_eq!(s.page(&path, &officer).await.0, 404, "{path}");
        }
        let res = s.post(&form, &officer, &[("q2.text", "No token")]).await;
        assert!(res.status().is_client_error());
        let (tom, tom_csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        assert_eq!(s.page(&form, &tom).await.0, 403);
        let res = s
            .post(&form, &tom, &[("csrf", &tom_csrf), ("q2.text", "Mine")])
            .await;
        assert_eq!(res.status(), 403);
        assert_eq!(stored(&s, id).await, before, "nothing saved");

        // The API: the survey sent back reworded is a typo fix; with
        // another option it is refused, saying the survey is locked.
        let api = s.url(&format!("/api/v1/consultations/{id}/survey"));
        let put = |body: &serde_json::Value| {
            s.client
                .put(&api)
                .header("cookie", &officer)
                .header("x-csrf-token", &csrf)
                .json(body)
                .send()
        };
        let mut reworded = before.clone();
        reworded["pages"][0]["questions"][1]["text"] = FIXED.into();
        assert_eq!(put(&reworded).await.unwrap().status(), 204);
        assert_eq!(stored(&s, id).await, reworded);
        let mut more = reworded.clone();
        more["pages"][0]["questions"][1]["options"]
            .as_array_mut()
            .unwrap()
            .push("Maybe".into());
        let res = put(&more).await.unwrap();
        assert_eq!(res.status(), 422);
        let problem: serde_json::Value = res.json().await.unwrap();
        assert_eq!(problem["code"], "survey_locked");
        assert_eq!(stored(&s, id).await, reworded);
    }
}
