//! After answering: changing one answer from "check your answers", a
//! copy of the answers by email, the account page's list of responses,
//! and anonymous responses through the JSON API.

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use cohesion_services::mail::{deliver_pending, Mailer};
use cohesion_storage::outbox;
use cohesion_testkit::smtp::SmtpServer;
use serde_json::{json, Value};

use super::{location, published, TOM};
use crate::support::{servers_with_people, text_of, Server};

/// Tom answers the survey (q1 "Yes", q2 "Agree", q3) and sends it.
pub(super) async fn tom_responds(s: &Server, id: &str) -> (String, String) {
    let (tom, csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
    let respond = format!("/consultations/{id}/respond");
    for (page, fields) in [
        ("1", vec![("q1", "0"), ("q2", "1")]),
        ("2", vec![("q3", "Graffiti on the community centre")]),
    ] {
        let mut form = vec![("csrf", csrf.as_str())];
        form.extend(fields);
        let res = s.post(&format!("{respond}/{page}"), &tom, &form).await;
        assert_eq!(res.status(), 303, "page {page}");
    }
    let res = s
        .post(&format!("{respond}/submit"), &tom, &[("csrf", &csrf)])
        .await;
    assert_eq!(location(&res), format!("{respond}/done"));
    (tom, csrf)
}

#[tokio::test]
async fn a_change_from_check_your_answers_returns_there() {
    for s in servers_with_people().await {
        let (_, _, id) = published(&s, "no").await;
        let (tom, csrf) = tom_responds(&s, &id).await;
        let respond = format!("/consultations/{id}/respond");
        let (_, html) = s.page(&format!("{respond}/check"), &tom).await;
        let change = format!("{respond}/1?return=check");
        assert!(html.contains(&format!("href=\"{change}\"")), "{html}");
        let (status, html) = s.page(&change, &tom).await;
        assert_eq!(status, 200);
        assert!(
            html.contains(&format!("action=\"{change}\"")),
            "the form keeps the marker"
        );
        assert!(
            html.contains(&format!("href=\"{respond}/check\"")),
            "back goes to check"
        );

        // Changing q2 only: straight back, not through page 2.
        let res = s
            .post(&change, &tom, &[("csrf", &csrf), ("q1", "0"), ("q2", "3")])
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(location(&res), format!("{respond}/check"));

        // Without the marker, the survey goes on as before.
        let res = s
            .post(
                &format!("{respond}/1"),
                &tom,
                &[("csrf", &csrf), ("q1", "0")],
            )
            .await;
        assert_eq!(location(&res), format!("{respond}/2"));

        // Any other value of the marker is no way off the survey.
        let res = s
            .post(
                &format!("{respond}/1?return=https://elsewhere.example/"),
                &tom,
                &[("csrf", &csrf), ("q1", "0")],
            )
            .await;
        assert_eq!(location(&res), format!("{respond}/2"));

        // "No" then back to "Yes": page 2's required question was dropped
        // with "No", so the change leads through page 2, marker kept.
        let res = s.post(&change, &tom, &[("csrf", &csrf), ("q1", "1")]).await;
        assert_eq!(location(&res), format!("{respond}/check"));
        let res = s.post(&change, &tom, &[("csrf", &csrf), ("q1", "0")]).await;
        assert_eq!(location(&res), format!("{respond}/2?return=check"));
        let res = s
            .post(
                &format!("{respond}/2?return=check"),
                &tom,
                &[("csrf", &csrf), ("q3", "Stickers at the bus stop")],
            )
            .await;
        assert_eq!(location(&res), format!("{respond}/check"));
    }
}

#[tokio::test]
async fn a_resident_has_a_copy_of_their_answers_emailed_in_their_language() {
    for s in servers_with_people().await {
        let (_, _, id) = published(&s, "no").await;
        let (tom, csrf) = tom_responds(&s, &id).await;
        let done = format!("/consultations/{id}/respond/done");
        let (_, html) = s.page(&format!("{done}?lang=ar"), &tom).await;
        assert!(
            html.contains("أرسل لي نسخة من إجاباتي"),
            "the button, in Arabic"
        );
        let receipt = format!("/consultations/{id}/respond/receipt");
        assert!(html.contains(&format!("action=\"{receipt}\"")));

        assert_eq!(
            s.post(&receipt, &tom, &[("csrf", "forged")]).await.status(),
            403
        );
        // Sent from the Arabic page: written in Arabic.
        let arabic = format!("{tom}; cohesion_lang=ar");
        let res = s.post(&receipt, &arabic, &[("csrf", &csrf)]).await;
        assert_eq!(res.status(), 303);
        // No mail server: the address claims nothing sent.
        assert_eq!(location(&res), done);
        // Kept, as this site has no mail server: said so, no success.
        let (_, html) = s.page(&format!("{done}?done=receipt-sent"), &tom).await;
        assert!(
            !html.contains("You asked for a copy of your answers by email."),
            "{html}"
        );
        assert!(text_of(&html).contains("this site has no email server set up yet"));

        let server = SmtpServer::start().await;
        let mailer = Mailer::new(&server.url(), "no-reply@council.example").unwrap();
        deliver_pending(s.db(), &mailer, 10).await.unwrap();
        let got = server.received();
        let mail = got
            .iter()
            .find(|m| m.rcpt_to == [TOM])
            .expect("a copy to Tom");
        let body = mail.decoded_body();
        assert!(
            mail.decoded_subject().contains("إجاباتك"),
            "{}",
            mail.decoded_subject()
        );
        for text in [
            "Have you seen hate incidents locally?",
            "What happened?",
            "Graffiti on the community centre",
            "يمكنك تغيير إجاباتك حتى",
            &format!("/consultations/{id}/respond/check"),
        ] {
            assert!(body.contains(text), "{text} in {body}");
        }
        assert!(
            !body.contains('\u{2068}'),
            "no isolation marks in plain text"
        );

        // Someone who has not responded gets nothing sent.
        let (amina, amina_csrf) = s.sign_in(super::AMINA, DEMO_PASSWORD).await;
        let res = s.post(&receipt, &amina, &[("csrf", &amina_csrf)]).await;
        assert_eq!(res.status(), 404);
        let mut c = s.db().acquire().await.unwrap();
        let to_amina = outbox::to_address(c.conn(), super::AMINA, 5).await.unwrap();
        assert!(to_amina.is_empty());
    }
}

#[tokio::test]
async fn the_account_page_lists_responses_with_an_empty_state() {
    for s in servers_with_people().await {
        let (tom, _) = s.sign_in(TOM, DEMO_PASSWORD).await;
        let (_, html) = s.page("/account", &tom).await;
        assert!(html.contains("Your responses"));
        assert!(html.contains("You have not responded to a consultation yet."));

        let (_, _, id) = published(&s, "no").await;
        let (tom, _) = tom_responds(&s, &id).await;
        let (_, done) = s
            .page(&format!("/consultations/{id}/respond/done"), &tom)
            .await;
        let reference = done
            .split("<strong dir=\"ltr\" class=\"app-reference\">")
            .nth(1)
            .and_then(|r| r.split('<').next())
            .expect("the reference on the confirmation page")
            .to_owned();
        let (_, html) = s.page("/account", &tom).await;
        assert!(!html.contains("You have not responded"));
        assert!(html.contains(&format!("href=\"/consultations/{id}\"")));
        assert!(html.contains("Safer streets in Harbourside"));
        assert!(html.contains("You can still change it"));
        let row = html.split("id=\"responses\"").nth(1).unwrap();
        let row = text_of(row.split("</table>").next().unwrap());
        let year = time::OffsetDateTime::now_utc().year().to_string();
        assert!(row.contains(&year), "the date sent: {row}");
        assert!(
            row.contains("Reference") && row.contains(&reference),
            "{row}"
        );
        let (_, html) = s.page("/account?lang=ar", &tom).await;
        assert!(html.contains("ردودك") && html.contains("لا يزال بإمكانك تغييره"));
        let row = html.split("id=\"responses\"").nth(1).unwrap();
        let row = text_of(row.split("</table>").next().unwrap());
        assert!(
            row.contains("الرقم المرجعي") && row.contains(&reference),
            "{row}"
        );
    }
}

/// "Your data" names each consultation as the public pages do: in the
/// reader's language where translated, as written (marked English)
/// where not; the download keeps the title as held.
#[tokio::test]
async fn your_data_shows_titles_in_the_readers_language_where_translated() {
    for s in servers_with_people().await {
        let (officer, csrf, translated) = published(&s, "no").await;
        let (_, _, untranslated) = published(&s, "no").await;
        let res = s
            .post(
                &format!("/staff/consultations/{translated}/translations/ar"),
                &officer,
                &[("csrf", &csrf), ("title", "شوارع أكثر أمانًا في هاربرسايد")],
            )
            .await;
        assert_eq!(res.status(), 303);
        tom_responds(&s, &translated).await;
        let (tom, _) = tom_responds(&s, &untranslated).await;

        let (_, ar) = s.page("/account/data?lang=ar", &tom).await;
        let link = |id: &str, title: &str, lang: &str| {
            format!("href=\"/consultations/{id}\"><bdi lang=\"{lang}\">{title}</bdi></a>")
        };
        const EN: &str = "Safer streets in Harbourside";
        assert!(
            ar.contains(&link(&translated, "شوارع أكثر أمانًا في هاربرسايد", "ar")),
            "{ar}"
        );
        assert!(ar.contains(&link(&untranslated, EN, "en")), "{ar}");
        let (_, en) = s.page("/account/data?lang=en", &tom).await;
        assert!(en.contains(&link(&translated, EN, "en")));
        let json: Value = s
            .get_with("/account/data.json", &tom)
            .await
            .json()
            .await
            .unwrap();
        assert!(json["responses"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["consultation"] == EN));
    }
}

async fn post_json(s: &Server, path: &str, token: Option<&str>, body: Value) -> (u16, Value) {
    let mut req = s.client.post(s.url(path)).json(&body);
    if let Some(t) = token {
        req = req.header("x-respondent-token", t);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn anonymous_responses_through_the_api_where_allowed() {
    for s in servers_with_people().await {
        let (_, _, open) = published(&s, "yes").await;
        let (_, _, members) = published(&s, "no").await;
        let answers = json!({"answers": {"q1": "0", "q2": "1", "q3": "Stickers at the bus stop"}});

        let path = format!("/api/v1/consultations/{members}/response");
        let (status, body) = post_json(&s, &path, None, answers.clone()).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (401, Some("sign_in_required"))
        );

        let path = format!("/api/v1/consultations/{open}/response");
        let (status, body) = post_json(&s, &path, None, json!({"answers": {"q1": "7"}})).await;
        assert_eq!(status, 422, "checked as on the pages: {body}");
        let (status, body) = post_json(&s, &path, None, answers.clone()).await;
        assert_eq!(status, 201, "{body}");
        let reference = body["reference"].as_str().unwrap().to_owned();
        let token = body["respondent_token"].as_str().unwrap().to_owned();
        assert!(token.len() >= 32);

        // The token reads it back and changes it; nothing else does.
        let get = |t: Option<&str>| {
            let mut req = s.client.get(s.url(&path));
            if let Some(t) = t {
                req = req.header("x-respondent-token", t);
            }
            req.send()
        };
        let res = get(Some(&token)).await.unwrap();
        assert_eq!(res.status(), 200);
        let mine: Value = res.json().await.unwrap();
        assert_eq!(mine["reference"], reference.as_str());
        assert_eq!(mine["answers"]["q3"][0], "Stickers at the bus stop");
        assert_eq!(get(None).await.unwrap().status(), 401);
        assert_eq!(get(Some("made-up")).await.unwrap().status(), 404);

        let changed = json!({"answers": {"q1": "1"}});
        let (status, body) = post_json(&s, &path, Some(&token), changed).await;
        assert_eq!(status, 201, "{body}");
        assert_eq!(body["reference"], reference.as_str(), "the same response");
        assert!(body.get("respondent_token").is_none(), "issued once");
        let (status, body) = post_json(&s, &path, Some("made-up"), answers.clone()).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (422, Some("invalid_token"))
        );

        let (status, body) = s.page(&format!("/consultations/{open}"), "").await;
        assert_eq!(status, 200);
        assert!(
            text_of(&body).contains("1 person has responded"),
            "counted once"
        );
    }
}
