//! Pages in the survey builder: a question that starts a new page can
//! give that page its title in the same form, in both languages, with
//! a title's limits; nothing is saved when the title is refused.

use super::builder::{draft, stored};
use super::{location, question_ids};
use crate::support::{servers_with_people, text_of, Server};

/// Posts the add form for a date question at `place`, with `title` for
/// its page, as (cookie, token, consultation).
async fn add_dated(
    s: &Server,
    (cookie, csrf, id): (&str, &str, &str),
    place: &str,
    title: &str,
) -> reqwest::Response {
    let fields = [
        ("csrf", csrf),
        ("kind", "date"),
        ("text", "When did it happen?"),
        ("required", "no"),
        ("place", place),
        ("page_title", title),
    ];
    s.post(&format!("/staff/consultations/{id}/questions/new"), cookie, &fields)
        .await
}

#[tokio::test]
async fn a_question_on_a_new_page_gives_the_page_its_title() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = draft(&s).await;
        let new = format!("/staff/consultations/{id}/questions/new");
        let (status, html) = s.page(&new, &officer).await;
        assert_eq!(status, 200);
        assert!(html.contains(r#"name="page_title""#), "{html}");
        let text = text_of(&html);
        assert!(text.contains("Title of the new page"), "{text}");
        assert!(
            text.contains("only for a question that goes on a new page"),
            "{text}"
        );
        let (_, html) = s.page(&new, &format!("{officer}; cohesion_lang=ar")).await;
        assert!(html.contains("عنوان الصفحة الجديدة"));

        // Refused titles say why, beside the field; nothing is added.
        let who = (officer.as_str(), csrf.as_str(), id.as_str());
        let long = "x".repeat(1001);
        for (title, message) in [
            (long.as_str(), "The page title is too long: shorten it"),
            ("Two\nlines", "Write the page title on one line"),
        ] {
            let res = add_dated(&s, who, "new", title).await;
            assert_eq!(res.status(), 422);
            let html = res.text().await.unwrap();
            assert!(text_of(&html).contains(message), "{message}");
            assert!(html.contains(r##"<a href="#page_title">"##), "{html}");
            assert!(html.contains("When did it happen?"), "what was typed stays");
        }
        assert_eq!(question_ids(&s, &id).await, [vec!["q1", "q2"], vec!["q3"]]);

        // Given with a new page, it heads that page.
        let res = add_dated(&s, who, "new", "  When it happened  ").await;
        assert_eq!(res.status(), 303);
        assert!(location(&res).ends_with("?done=question-added"));
        assert_eq!(
            question_ids(&s, &id).await,
            [vec!["q1", "q2"], vec!["q3"], vec!["q4"]]
        );
        assert_eq!(stored(&s, &id).await["pages"][2]["title"], "When it happened");
        let (_, html) = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await;
        assert!(
            html.contains(r#"Page 3: <bdi lang="en">When it happened</bdi>"#),
            "{html}"
        );
        // On a page that exists, the title field is no part of it.
        let res = add_dated(&s, who, "after:q4", "Not used").await;
        assert_eq!(res.status(), 303);
        let survey = stored(&s, &id).await;
        assert_eq!(survey["pages"][2]["title"], "When it happened");
        assert_eq!(survey["pages"].as_array().unwrap().len(), 3);
    }
}
