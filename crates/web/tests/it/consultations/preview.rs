//! "Preview the survey" over HTTP: the officer sees the respondents'
//! pages in English and Arabic, routing followed as answers are picked,
//! each page checked as a respondent's would be, and nothing saved;
//! drafts too; nobody else may preview.

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use uuid::Uuid;

use super::{build_survey, create, location, OFFICER, OPEN_FROM, OPEN_UNTIL, TOM};
use crate::support::{servers_with_people, text_of, Server};

/// The demo's open consultation: three pages, page 2's first question
/// shown only after "Yes" to q2, translated into Arabic.
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

async fn responses(s: &Server, id: Uuid) -> i64 {
    let mut c = s.db().acquire().await.unwrap();
    cohesion_storage::consultations::catalogue::find(c.conn(), id)
        .await
        .unwrap()
        .unwrap()
        .0
        .response_count
}

/// Whether the person with `email` has a response (a draft included).
async fn has_draft(s: &Server, id: Uuid, email: &str) -> bool {
    use cohesion_storage::consultations::responses::{self, Owner};
    let mut c = s.db().acquire().await.unwrap();
    let email = cohesion_domain::identity::Email::parse(email).unwrap();
    let user = cohesion_storage::accounts::users::find_by_email(c.conn(), &email)
        .await
        .unwrap()
        .unwrap();
    responses::find_for(c.conn(), id, Owner::Account(user.id))
        .await
        .unwrap()
        .is_some()
}

fn words(html: &str) -> String {
    text_of(html).replace(['\u{2068}', '\u{2069}'], "")
}

/// The hidden fields a preview page carries: (name, value).
fn carried(html: &str) -> Vec<(String, String)> {
    html.split("<input type=\"hidden\" name=\"")
        .skip(1)
        .filter_map(|rest| {
            let (name, rest) = rest.split_once('"')?;
            let value = rest.split("value=\"").nth(1)?.split('"').next()?;
            (name != "csrf").then(|| (name.to_owned(), value.to_owned()))
        })
        .collect()
}

#[tokio::test]
async fn an_officer_previews_the_survey_page_by_page_and_nothing_is_saved() {
    for s in servers_with_people().await {
        let id = demo_open(&s).await;
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let before = responses(&s, id).await;
        let manage = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await
            .1;
        let start = format!("/staff/consultations/{id}/preview");
        assert!(manage.contains(&format!("href=\"{start}\"")), "linked");
        assert!(words(&manage).contains("Preview the survey"));

        let (status, html) = s.page(&start, &officer).await;
        assert_eq!(status, 200);
        let text = words(&html);
        assert!(text.contains("Preview: answers are not saved"), "{text}");
        assert!(text.contains("Your community") && text.contains("Page 1 of"));
        assert!(html.contains(&format!("action=\"{start}/1?in=en\"")));
        assert!(carried(&html).is_empty());
        // The respondents' own page: the same controls, names and hint.
        assert!(html.contains(r#"name="q2" type="radio" value="0""#));
        assert!(text.contains("Online or in person."));

        // A page sent without its required answers: as a respondent would
        // be told, 422.
        let page1 = format!("{start}/1");
        let res = s.post(&page1, &officer, &[("csrf", &csrf)]).await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("govuk-error-summary"));
        assert!(words(&html).contains("Preview: answers are not saved"));

        // "Yes": the routed question follows, the answers carried along.
        let yes = [("csrf", csrf.as_str()), ("q1", "0"), ("q2", "0")];
        let res = s.post(&page1, &officer, &yes).await;
        assert_eq!(res.status(), 200);
        let html = res.text().await.unwrap();
        assert!(words(&html).contains("Where did you see or hear them?"));
        assert_eq!(
            carried(&html),
            [("q1".into(), "0".into()), ("q2".into(), "0".into())]
        );
        assert!(html.contains(&format!("action=\"{start}/2?in=en\"")));
        // "No": page 2 without it.
        let no = [("csrf", csrf.as_str()), ("q1", "0"), ("q2", "1")];
        let html = s.post(&page1, &officer, &no).await.text().await.unwrap();
        assert!(!words(&html).contains("Where did you see or hear them?"));
        assert!(words(&html).contains("How effective would small grants"));

        // On through pages 2 and 3 to "check your answers".
        let page2 = [
            ("csrf", csrf.as_str()),
            ("q1", "0"),
            ("q2", "0"),
            ("q3", "1"),
            ("q7", "More youth clubs"),
        ];
        let html = s
            .post(&format!("{start}/2"), &officer, &page2)
            .await
            .text()
            .await
            .unwrap();
        assert!(words(&html).contains("What is your age?"));
        assert_eq!(carried(&html).len(), 4);
        let mut page3 = page2.to_vec();
        page3.push(("q8", "2"));
        let res = s.post(&format!("{start}/3"), &officer, &page3).await;
        assert_eq!(res.status(), 200);
        let html = res.text().await.unwrap();
        let text = words(&html);
        assert!(text.contains("Check your answers"), "{text}");
        assert!(text.contains("Strongly agree") && text.contains("More youth clubs"));
        assert!(text.contains("End the preview"));
        assert!(html.contains(&format!("action=\"{start}/end\"")));
        let res = s
            .post(&format!("{start}/end"), &officer, &[("csrf", &csrf)])
            .await;
        assert_eq!(res.status(), 303);
        assert!(location(&res).ends_with("?done=preview-ended"));

        // Nothing was saved: no response, no draft for the officer.
        assert_eq!(responses(&s, id).await, before);
        assert!(!has_draft(&s, id, OFFICER).await, "no draft");
    }
}

#[tokio::test]
async fn the_preview_is_in_each_language_and_for_drafts() {
    for s in servers_with_people().await {
        let id = demo_open(&s).await;
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let start = format!("/staff/consultations/{id}/preview");
        let html = s.page(&start, &officer).await.1;
        assert!(
            html.contains(&format!("formaction=\"{start}/1?in=ar\"")),
            "a language choice"
        );
        let (status, html) = s.page(&format!("{start}?in=ar"), &officer).await;
        assert_eq!(status, 200);
        assert!(html.contains("<html lang=\"ar\" dir=\"rtl\""));
        let text = words(&html);
        assert!(text.contains("مجتمعك"), "the page's title translated");
        assert!(
            text.contains("in the survey") && text.contains("of the consultation’s"),
            "how much is translated: {text}"
        );
        // The next page in Arabic too: the preview's language travels
        // with its form.
        let yes = [("csrf", csrf.as_str()), ("q1", "0"), ("q2", "0")];
        let html = s
            .post(&format!("{start}/1?in=ar"), &officer, &yes)
            .await
            .text()
            .await
            .unwrap();
        assert!(html.contains("<html lang=\"ar\""));
        assert!(words(&html).contains("ما الذي سينجح"));

        // A draft, never published: the preview works; the public sees
        // nothing.
        let draft = create(
            &s,
            &officer,
            &csrf,
            "Draft to preview",
            (OPEN_FROM, OPEN_UNTIL),
            "yes",
        )
        .await;
        let path = format!("/staff/consultations/{draft}/preview");
        let (status, html) = s.page(&path, &officer).await;
        assert_eq!(status, 200);
        assert!(words(&html).contains("There are no questions to preview yet"));
        build_survey(&s, &officer, &csrf, &draft).await;
        let (status, html) = s.page(&path, &officer).await;
        assert_eq!(status, 200);
        assert!(words(&html).contains("Have you seen hate incidents locally?"));
        assert_eq!(s.page(&format!("/consultations/{draft}"), "").await.0, 404);
    }
}

#[tokio::test]
async fn only_officers_preview_and_bad_pages_name_nothing() {
    for s in servers_with_people().await {
        let id = demo_open(&s).await;
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let start = format!("/staff/consultations/{id}/preview");
        for page in ["9", "0", "x", "99999999999999999999"] {
            let res = s
                .post(&format!("{start}/{page}"), &officer, &[("csrf", &csrf)])
                .await;
            assert_eq!(res.status(), 404, "page {page}");
        }
        let forged = Uuid::now_v7();
        let path = format!("/staff/consultations/{forged}/preview");
        assert_eq!(s.page(&path, &officer).await.0, 404);
        // Without the session's form token: refused.
        let res = s
            .post(&format!("{start}/1"), &officer, &[("q1", "0")])
            .await;
        assert!(res.status().is_client_error(), "{}", res.status());
        // A resident may not; a visitor is asked to sign in.
        let (tom, tom_csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        assert_eq!(s.page(&start, &tom).await.0, 403);
        let res = s
            .post(&format!("{start}/1"), &tom, &[("csrf", &tom_csrf)])
            .await;
        assert_eq!(res.status(), 403);
        let res = s.get(&start).await;
        assert_eq!(res.status(), 303);
        assert!(location(&res).starts_with("/sign-in"));
    }
}

/// Previewing another language shows the respondents' page in it, framed
/// by the banner in the officer's own language; it leaves the officer's
/// language as it was, and switching keeps the page and the answers.
#[tokio::test]
async fn switching_the_preview_language_keeps_the_page_and_the_officers_language() {
    for s in servers_with_people().await {
        let id = demo_open(&s).await;
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let start = format!("/staff/consultations/{id}/preview");

        // Started in Arabic: no language cookie, the banner in English.
        let res = s.get_with(&format!("{start}?in=ar"), &officer).await;
        assert_eq!(res.status(), 200);
        let cookies: Vec<String> = res
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .collect();
        assert!(
            !cookies.iter().any(|c| c.starts_with("cohesion_lang")),
            "{cookies:?}"
        );
        let html = res.text().await.unwrap();
        assert!(html.contains("<html lang=\"ar\" dir=\"rtl\""));
        assert!(html.contains(r#"data-module="govuk-notification-banner" lang="en" dir="ltr""#));
        assert!(words(&html).contains("Preview: answers are not saved"));

        // Its count of the survey's texts says how many the whole
        // consultation has, as the officers' page counts them.
        let text = words(&html);
        let total: usize = text
            .split("of the consultation’s ")
            .nth(1)
            .and_then(|rest| rest.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{text}"));
        let manage = words(
            &s.page(&format!("/staff/consultations/{id}"), &officer)
                .await
                .1,
        );
        assert!(
            manage.contains(&format!("of {total} texts"))
                || manage.contains(&format!("All {total} texts")),
            "{total} in {manage}"
        );

        // On page 2 in English, switched to Arabic: page 2 still, the
        // answers given kept, typed ones included.
        let yes = [("csrf", csrf.as_str()), ("q1", "0"), ("q2", "0")];
        let html = s
            .post(&format!("{start}/1?in=en"), &officer, &yes)
            .await
            .text()
            .await
            .unwrap();
        assert!(words(&html).contains("Where did you see or hear them?"));
        let switch = format!("formaction=\"{start}/2?in=ar\" name=\"preview_show\"");
        assert!(html.contains(&switch), "{html}");
        assert!(
            html.contains(r#"<form method="post" action=""#)
                && html.contains(r#"id="preview-form""#)
        );
        let sent = [
            ("csrf", csrf.as_str()),
            ("q1", "0"),
            ("q2", "0"),
            ("q3", "1"),
            ("q7", "More youth clubs"),
            ("preview_show", "yes"),
        ];
        let res = s.post(&format!("{start}/2?in=ar"), &officer, &sent).await;
        assert_eq!(res.status(), 200);
        let html = res.text().await.unwrap();
        assert!(html.contains("<html lang=\"ar\""));
        assert!(words(&html).contains("ما الذي سينجح"), "page 2, in Arabic");
        assert!(html.contains(&format!("action=\"{start}/2?in=ar\"")));
        assert!(html.contains(r#"name="q3" type="checkbox" value="1" checked"#));
        assert!(html.contains("More youth clubs"));
        assert_eq!(
            carried(&html),
            [("q1".into(), "0".into()), ("q2".into(), "0".into())]
        );
        assert!(!html.contains("govuk-error-summary"), "not checked");
        assert!(words(&html).contains("Preview: answers are not saved"));

        // And back to English from there.
        let mut back = sent.to_vec();
        back.retain(|(k, _)| *k != "preview_show");
        back.push(("preview_show", "yes"));
        let res = s.post(&format!("{start}/2?in=en"), &officer, &back).await;
        let html = res.text().await.unwrap();
        assert!(html.contains("<html lang=\"en\""));
        assert!(words(&html).contains("Where did you see or hear them?"));
    }
}
