//! The account page says each thing once: the language is the form's
//! (no summary row saying it again), and "Your responses" is a heading
//! that names its table (no caption repeating it), as is the heading of
//! the sessions' table.

use super::after_responding::tom_responds;
use super::published;
use crate::support::{servers_with_people, text_of};

#[tokio::test]
async fn the_account_page_names_the_language_and_the_responses_once() {
    for s in servers_with_people().await {
        let (_, _, id) = published(&s, "no").await;
        let (tom, _) = tom_responds(&s, &id).await;
        for (lang, language, responses, sessions) in [
            (
                "en",
                "Language",
                "Your responses",
                "Where you are signed in",
            ),
            ("ar", "اللغة", "ردودك", "الأجهزة التي سجّلت الدخول منها"),
        ] {
            let (status, html) = s.page(&format!("/account?lang={lang}"), &tom).await;
            assert_eq!(status, 200);
            let text = text_of(&html);
            let said = |words: &str| text.lines().filter(|line| line.trim() == words).count();
            assert_eq!(said(language), 1, "{lang}: {text}");
            assert_eq!(said(responses), 1, "{lang}: {text}");
            assert_eq!(html.matches(responses).count(), 1, "{lang}: {html}");
            // The table is still named, by the heading.
            assert!(html.contains(
                r#"<table class="govuk-table app-stack-table" aria-labelledby="responses">"#
            ));
            assert!(html.contains(r#"id="responses">"#));
            // So is the table of sessions, without a caption saying it again.
            assert_eq!(html.matches(sessions).count(), 1, "{lang}: {html}");
            assert!(html.contains(r#"<table class="govuk-table" aria-labelledby="sessions">"#));
            // A device is named by its browser's words, isolated from the
            // page's direction.
            assert!(
                html.contains(r#"<td class="govuk-table__cell"><bdi>"#),
                "{html}"
            );
        }
    }
}
