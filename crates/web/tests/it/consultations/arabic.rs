//! The survey in Arabic, right to left.

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use cohesion_testkit::http;

use super::{published, ANALYST, TOM};
use crate::support::servers_with_people;

#[tokio::test]
async fn the_survey_speaks_arabic_right_to_left() {
    for s in servers_with_people().await {
        let (_, _, id) = published(&s, "yes").await;
        let res = s
            .get(&format!("/consultations/{id}/respond/1?lang=ar"))
            .await;
        assert_eq!(res.status(), 200);
        assert_eq!(
            http::cookie_set_by(&res, "cohesion_lang").as_deref(),
            Some("ar")
        );
        let html = res.text().await.unwrap();
        assert!(html.contains("dir=\"rtl\"") && html.contains("lang=\"ar\""));
        for label in [
            "أوافق بشدة",
            "أوافق",
            "لا أوافق ولا أعارض",
            "أعارض",
            "أعارض بشدة",
        ] {
            assert!(html.contains(label), "{label}");
        }
        assert!(!html.contains("Strongly agree"));
        // What the officer wrote keeps its own direction inside the
        // page's, and, not translated, is marked as English.
        assert!(html
            .contains(r#"<bdi lang="en">Brightwater is a place where people get on well.</bdi>"#));
        assert!(html.contains(r#"<bdi lang="en">Safer streets in Harbourside</bdi>"#));
        // The error summary is Arabic too.
        let (tom, tom_csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        let res = s
            .post(
                &format!("/consultations/{id}/respond/1"),
                &format!("{tom}; cohesion_lang=ar"),
                &[("csrf", &tom_csrf)],
            )
            .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("dir=\"rtl\"") && html.contains("govuk-error-summary"));
        assert!(!html.contains("There is a problem"));
    }
}

/// The isolation characters Fluent puts around placed values, and their
/// left-to-right and right-to-left siblings.
const MARKS: [char; 4] = ['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'];

/// The markup inside the first `<tag …>…</tag>` of `html`.
fn inside<'a>(html: &'a str, tag: &str) -> &'a str {
    let open = html
        .find(&format!("<{tag}"))
        .unwrap_or_else(|| panic!("<{tag}> in {html}"));
    let start = open + html[open..].find('>').unwrap() + 1;
    let end = start + html[start..].find(&format!("</{tag}>")).unwrap();
    &html[start..end]
}

/// A page as `cookie` sees it in Arabic, checked for what copying takes
/// with it: its `<title>` and `<h1>` hold no isolation characters, and
/// the `<title>` no markup.
async fn arabic_page(s: &crate::support::Server, path: &str, cookie: &str) -> String {
    let (status, html) = s.page(path, &format!("{cookie}; cohesion_lang=ar")).await;
    assert_eq!(status, 200, "{path}");
    assert!(html.contains(r#"<html lang="ar" dir="rtl""#), "{path}");
    for tag in ["title", "h1"] {
        let text = inside(&html, tag);
        assert!(!text.contains(MARKS), "{path} <{tag}>: {text:?}");
    }
    assert!(!inside(&html, "title").contains('<'), "{path}");
    html
}

/// English the officer wrote, inside an Arabic page: marked as English
/// and isolated, in headings, captions, table cells and summary rows; the
/// platform's own words are Arabic; what residents wrote is isolated
/// with no language claimed.
#[tokio::test]
async fn english_inside_arabic_pages_is_marked_and_isolated() {
    for s in servers_with_people().await {
        let (officer, _, id) = published(&s, "no").await;
        let (tom, token) = s.sign_in(TOM, DEMO_PASSWORD).await;
        let respond = format!("/consultations/{id}/respond");
        for (page, answers) in [
            ("1", vec![("q1", "0"), ("q2", "1")]),
            ("2", vec![("q3", "Bins were set alight, again.")]),
        ] {
            let mut form = vec![("csrf", token.as_str())];
            form.extend(answers);
            let res = s.post(&format!("{respond}/{page}"), &tom, &form).await;
            assert_eq!(res.status(), 303);
        }
        let en = |text: &str| format!(r#"<bdi lang="en">{text}</bdi>"#);
        let title = en("Safer streets in Harbourside");
        let q1 = en("Have you seen hate incidents locally?");

        // Check your answers: the question and the option as written,
        // the resident's words isolated.
        let html = arabic_page(&s, &format!("{respond}/check"), &tom).await;
        assert!(html.contains(&q1), "{html}");
        assert!(
            html.contains(&format!("<bdi>{}</bdi>", en("Yes"))),
            "{html}"
        );
        assert!(html.contains("<bdi>Bins were set alight, again.</bdi>"));
        let res = s
            .post(&format!("{respond}/submit"), &tom, &[("csrf", &token)])
            .await;
        assert_eq!(res.status(), 303);

        // Results: the heading names the title in its language, and each
        // question's heading is the question as written (its figures are
        // withheld: one response is too few to show).
        let html = arabic_page(&s, &format!("/consultations/{id}/results"), &officer).await;
        assert_eq!(inside(&html, "h1"), format!("النتائج: {title}"));
        assert_eq!(inside(&html, "h2"), q1);

        // The officer's page: the title, and each question in the table.
        let html = arabic_page(&s, &format!("/staff/consultations/{id}"), &officer).await;
        assert_eq!(inside(&html, "h1"), title);
        assert!(html.contains(&q1));
        // Its summary rows place their values as markup too.
        let rows = inside(&html, "dl");
        assert!(!rows.contains(MARKS), "{rows:?}");
        assert!(rows.contains(r#"<bdi lang="ar">العربية</bdi>"#), "{rows}");

        // The analyst's crosstab: caption, column heads and row labels.
        let (analyst, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let path = format!("/staff/consultations/{id}/analysis?rows=q1&columns=q2");
        let html = arabic_page(&s, &path, &analyst).await;
        assert_eq!(inside(&html, "h1"), format!("التحليل: {title}"));
        let caption = inside(&html, "caption");
        assert!(caption.contains(&q1), "{caption}");
        assert!(caption.contains(&en("Brightwater is a place where people get on well.")));
        assert!(!caption.contains(MARKS), "{caption:?}");
        assert!(inside(&html, "thead")
            .contains(r#"<bdi lang="ar"><span class="app-line">أوافق</span></bdi>"#));
        assert!(inside(&html, "tbody").contains(&en("No")));

        // Written answers: the question in the caption, answers isolated.
        let path = format!("/staff/consultations/{id}/answers");
        let html = arabic_page(&s, &path, &analyst).await;
        assert!(inside(&html, "caption").contains(&en("What happened?")));
        assert!(html.contains("<bdi>Bins were set alight, again.</bdi>"));

        // The same markup in English: language is always marked.
        let (_, html) = s
            .page(&format!("/consultations/{id}/results?lang=en"), &officer)
            .await;
        assert_eq!(inside(&html, "h1"), format!("Results: {title}"));
    }
}

/// The character count speaks the page's language as people type: GOV.UK
/// Frontend's script reads every text, in each of Arabic's six plural
/// forms, from the component's attributes.
#[tokio::test]
async fn the_character_count_is_given_its_texts_in_arabic() {
    for s in servers_with_people().await {
        let (_, _, id) = published(&s, "no").await;
        let (tom, token) = s.sign_in(TOM, DEMO_PASSWORD).await;
        let respond = format!("/consultations/{id}/respond");
        let res = s
            .post(
                &format!("{respond}/1"),
                &tom,
                &[("csrf", &token), ("q1", "0")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let html = arabic_page(&s, &format!("{respond}/2"), &tom).await;
        let root = html
            .split("<div class=\"govuk-character-count\"")
            .nth(1)
            .and_then(|r| r.split('>').next())
            .expect("a character count");
        for form in ["zero", "one", "two", "few", "many", "other"] {
            for key in ["characters-under-limit", "characters-over-limit"] {
                assert!(
                    root.contains(&format!(" data-i18n.{key}.{form}=\"")),
                    "{key}.{form}: {root}"
                );
            }
        }
        assert!(root.contains(r#"data-i18n.characters-under-limit.few="بقي لديك %{count} أحرف""#));
        assert!(root.contains(r#"data-i18n.characters-at-limit="لم يبقَ لديك أي حرف""#));
        assert!(!root.contains("You have"), "{root}");
        // Without the script, the same limit is said in words.
        assert!(html
            .replace(MARKS, "")
            .contains("يمكنك كتابة 500 حرف على الأكثر"));
    }
}
