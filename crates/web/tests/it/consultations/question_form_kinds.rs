//! The question form marks each field read only for some kinds of
//! question with those kinds, so scripts can show just the fields the
//! chosen kind uses; the question's wording, hint and whether it must be
//! answered are for every kind.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::{create, OFFICER, OPEN_FROM, OPEN_UNTIL};
use crate::support::servers_with_people;

/// The kinds the form group holding field `name` is shown for.
fn shown_for<'a>(html: &'a str, name: &str) -> Option<&'a str> {
    let at = html.find(&format!(r#"name="{name}""#))?;
    let group = html[..at].rfind(r#"<div class="govuk-form-group"#)?;
    let tag = &html[group..html[group..].find('>')? + group];
    tag.split(r#"data-shown-for=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
}

#[tokio::test]
async fn fields_name_the_kinds_they_are_read_for() {
    for s in servers_with_people().await {
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let id = create(&s, &officer, &csrf, "Parks", (OPEN_FROM, OPEN_UNTIL), "no").await;
        let (status, html) = s
            .page(
                &format!("/staff/consultations/{id}/questions/new"),
                &officer,
            )
            .await;
        assert_eq!(status, 200);
        assert_eq!(shown_for(&html, "min"), Some("number"));
        assert_eq!(
            shown_for(&html, "max"),
            Some("multiple_choice number long_text")
        );
        assert_eq!(
            shown_for(&html, "options"),
            Some("single_choice multiple_choice ranking matrix demographic")
        );
        assert_eq!(shown_for(&html, "purpose"), Some("demographic"));
        for every in ["text", "hint", "required", "kind"] {
            assert_eq!(shown_for(&html, every), None, "{every} is for every kind");
        }
    }
}
