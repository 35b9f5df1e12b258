//! The details form says what is wrong in words an officer can act on:
//! which line of the linked documents and what to write there, a date
//! the browser sent empty (an impossible date typed in), a title too
//! long with its limit; each with what was typed kept and nothing saved.
//! Dates already past are accepted, with a warning on the officers' page.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::{consultation_count, create, details, id_from, OFFICER, OPEN_FROM, OPEN_UNTIL};
use crate::support::{servers_with_people, text_of, Server};

/// The words of a page, without the isolation marks Fluent puts around
/// what it places, and with the entities the templates write read back.
pub(super) fn words(html: &str) -> String {
    text_of(html)
        .replace(['\u{2068}', '\u{2069}'], "")
        .replace("&#39;", "'")
        .replace("&#34;", "\"")
        .replace("&#38;", "&")
        .replace("&#x2f;", "/")
}

/// The create form sent with `extra` replacing or adding to a valid one.
async fn create_with(
    s: &Server,
    cookie: &str,
    csrf: &str,
    lang: &str,
    extra: &[(&'static str, &str)],
) -> reqwest::Response {
    let mut fields = details(csrf);
    for (name, value) in extra {
        fields.retain(|(n, _)| n != name);
        fields.push((name, value));
    }
    s.post(
        &format!("/staff/consultations/new?lang={lang}"),
        cookie,
        &fields,
    )
    .await
}

#[tokio::test]
async fn each_bad_line_of_linked_documents_is_named_with_its_fix() {
    for s in servers_with_people().await {
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let before = consultation_count(&s).await;
        let no_bar = "Evidence review | https://example.org/review.pdf\nMinutes of the meeting";
        let script =
            "Evidence review | https://example.org/review.pdf\n\nScript | javascript:alert(1)";
        for (lang, documents, said) in [
            (
                "en",
                no_bar,
                "Line 2: write the document’s title, a bar (|), then its address",
            ),
            ("en", script, "Line 3: the address must start with https://"),
            (
                "ar",
                no_bar,
                "السطر 2: اكتب عنوان الوثيقة، ثم خطًا عموديًا (|)، ثم رابطها",
            ),
            ("ar", script, "السطر 3: يجب أن يبدأ الرابط بـ"),
        ] {
            let res = create_with(&s, &officer, &csrf, lang, &[("documents", documents)]).await;
            assert_eq!(res.status(), 422, "{documents}");
            let html = res.text().await.unwrap();
            let text = words(&html);
            assert!(text.contains(said), "{lang}: {said}\n{text}");
            assert!(
                !text.contains("The request was not in the form we expected"),
                "{text}"
            );
            assert!(
                html.contains("href=\"#documents\""),
                "linked from the summary"
            );
            assert!(
                html.contains("id=\"documents-error\""),
                "said under the field"
            );
            assert!(
                html.contains("Minutes of the meeting") || html.contains("javascript:alert(1)"),
                "what was typed is kept"
            );
        }
        assert_eq!(consultation_count(&s).await, before, "nothing was saved");

        // The same on the form that changes the details.
        let res = create_with(&s, &officer, &csrf, "en", &[]).await;
        assert_eq!(res.status(), 303);
        let id = id_from(&res);
        let mut fields = details(&csrf);
        fields.push(("documents", script));
        let res = s
            .post(
                &format!("/staff/consultations/{id}/edit"),
                &officer,
                &fields,
            )
            .await;
        assert_eq!(res.status(), 422);
        let text = words(&res.text().await.unwrap());
        assert!(
            text.contains("Line 3: the address must start with https://"),
            "{text}"
        );

        // Good lines, blank ones between them, are kept.
        let fine = "Evidence review | https://example.org/review.pdf\n\nMinutes | /about";
        let res = create_with(&s, &officer, &csrf, "en", &[("documents", fine)]).await;
        assert_eq!(res.status(), 303);
    }
}

#[tokio::test]
async fn a_date_sent_empty_asks_for_a_real_date_and_time() {
    for s in servers_with_people().await {
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        // What Chromium sends for 29 February 2027 typed into the field.
        let empty = [("opens_at", ""), ("closes_at", "")];
        let res = create_with(&s, &officer, &csrf, "en", &empty).await;
        assert_eq!(res.status(), 422);
        let text = words(&res.text().await.unwrap());
        assert!(
            text.contains("Enter when it opens, as a real date and time")
                && text.contains("Enter when it closes, as a real date and time"),
            "{text}"
        );
        let res = create_with(&s, &officer, &csrf, "ar", &empty).await;
        let text = words(&res.text().await.unwrap());
        assert!(
            text.contains("أدخل موعد الافتتاح، تاريخًا ووقتًا صحيحين"),
            "{text}"
        );
    }
}

#[tokio::test]
async fn dates_already_past_are_accepted_with_a_warning_for_staff() {
    for s in servers_with_people().await {
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let past = ("2021-03-01T09:00", "2021-04-01T17:00");
        let id = create(
            &s,
            &officer,
            &csrf,
            "A consultation run on paper",
            past,
            "no",
        )
        .await;
        let (status, html) = s
            .page(
                &format!("/staff/consultations/{id}?done=consultation-created"),
                &officer,
            )
            .await;
        assert_eq!(status, 200);
        let text = words(&html);
        assert!(
            text.contains("Its closing date, 1 April 2021 at 5pm, has passed")
                && text.contains("nobody can respond"),
            "{text}"
        );
        // One that closes later says nothing of the kind.
        let id = create(
            &s,
            &officer,
            &csrf,
            "Open for long",
            (OPEN_FROM, OPEN_UNTIL),
            "no",
        )
        .await;
        let text = words(
            &s.page(&format!("/staff/consultations/{id}"), &officer)
                .await
                .1,
        );
        assert!(!text.contains("has passed"), "{text}");
    }
}

#[tokio::test]
async fn titles_have_a_limit_that_the_message_gives_and_long_words_wrap() {
    for s in servers_with_people().await {
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let before = consultation_count(&s).await;
        let long = "x".repeat(151);
        let res = create_with(&s, &officer, &csrf, "en", &[("title", &long)]).await;
        assert_eq!(res.status(), 422);
        let text = words(&res.text().await.unwrap());
        assert!(
            text.contains("The title must be 150 characters or fewer"),
            "{text}"
        );
        let res = create_with(&s, &officer, &csrf, "ar", &[("title", &long)]).await;
        let text = words(&res.text().await.unwrap());
        assert!(
            text.contains("يجب ألا يزيد عدد أحرف العنوان على 150"),
            "{text}"
        );
        assert_eq!(consultation_count(&s).await, before, "nothing was saved");
        let res = create_with(&s, &officer, &csrf, "en", &[("title", &long[..150])]).await;
        assert_eq!(res.status(), 303, "150 characters are fine");
        let id = id_from(&res);

        // A page's title, by its own form and by the question form's.
        let res = super::add_question(
            &s,
            &officer,
            &id,
            &[
                ("csrf", &csrf),
                ("kind", "short_text"),
                ("text", "Where do you walk?"),
                ("place", "new"),
                ("page_title", &"y".repeat(600)),
            ],
        )
        .await;
        assert_eq!(res.status(), 422);
        let text = words(&res.text().await.unwrap());
        assert!(
            text.contains("The page title must be 150 characters or fewer"),
            "{text}"
        );
        let res = super::add_question(
            &s,
            &officer,
            &id,
            &[
                ("csrf", &csrf),
                ("kind", "short_text"),
                ("text", "Where do you walk?"),
            ],
        )
        .await;
        assert_eq!(res.status(), 303);
        let res = s
            .post(
                &format!("/staff/consultations/{id}/pages/1/title"),
                &officer,
                &[("csrf", &csrf), ("title", &"y".repeat(600))],
            )
            .await;
        assert_eq!(res.status(), 422);
        let text = words(&res.text().await.unwrap());
        assert!(
            text.contains("The title must be 150 characters or fewer"),
            "{text}"
        );

        // The API says the limit too, where it lies.
        let res = s
            .client
            .post(s.url("/api/v1/consultations"))
            .header("cookie", &officer)
            .header("x-csrf-token", &csrf)
            .json(&serde_json::json!({
                "title": long, "summary": "s", "opens_at": "2030-01-01T09:00Z",
                "closes_at": "2030-02-01T09:00Z",
            }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422);
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["errors"][0]["pointer"], "/title");
        assert_eq!(body["errors"][0]["code"], "field_too_long");
        assert_eq!(
            body["errors"][0]["detail"],
            "`title` must be at most 150 characters long."
        );

        // However long a word, it breaks rather than widen the page.
        let html = s.page("/", "").await.1;
        let sheet = html
            .split("<link rel=\"stylesheet\" href=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap()
            .to_owned();
        let css = s.get(&sheet).await.text().await.unwrap();
        let rule = css
            .split('}')
            .find(|r| r.contains("overflow-wrap:anywhere"))
            .expect("a rule that breaks long words");
        for selector in [
            "h1",
            "h2",
            ".govuk-summary-list__value",
            ".govuk-error-message",
        ] {
            assert!(
                rule.split('{')
                    .next()
                    .unwrap()
                    .split(',')
                    .any(|s| s.trim() == selector),
                "{selector} in {rule}"
            );
        }
    }
}
