//! What keeps two layouts whole: a response's reference never broken at
//! its hyphen (its own class, kept on one line by the stylesheet), and
//! the officers' survey table stacking on a phone, each cell after its
//! column's name.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::after_responding::tom_responds;
use super::{published, OFFICER};
use crate::support::servers_with_people;

#[tokio::test]
async fn references_stay_whole_and_the_survey_table_stacks() {
    for s in servers_with_people().await {
        let (_, _, id) = published(&s, "no").await;
        let (tom, _) = tom_responds(&s, &id).await;
        let (_, html) = s.page("/account", &tom).await;
        assert!(
            html.contains(r#"<bdi dir="ltr" class="app-reference">"#),
            "{html}"
        );
        let (officer, _) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let (_, html) = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await;
        // Questions are numbered through the survey, as the translations
        // page and the history name them, not by their ids.
        assert!(html.contains(r#"data-label="Number">2</td>"#), "{html}");
        assert!(!html.contains(r#"data-label="Number">q"#));
        for label in ["Number", "Type", "Must be answered?", "Shown"] {
            assert!(
                html.contains(&format!(
                    r#"class="govuk-table__cell" data-label="{label}">"#
                )),
                "{label}: {html}"
            );
        }
        // The stylesheet the page links has both rules.
        let css = s.stylesheet(&html).await;
        assert!(
            css.contains(".app-reference{white-space:nowrap}") || css.contains(".app-reference {"),
            "app-reference"
        );
        assert!(
            css.contains("[data-label]:before") || css.contains("[data-label]::before"),
            "stacked cells"
        );
    }
}

/// The themes table stacks on a phone as the survey table does: each
/// cell after its column's name, the stylesheet's stacking rules applying
/// to its class. Squeezed into five columns at 390 px it made a page
/// 9,800 px tall.
#[tokio::test]
async fn the_themes_table_stacks_on_a_phone() {
    for s in servers_with_people().await {
        let id = super::demo_consultation(&s).await;
        let base = format!("/staff/consultations/{id}/themes/q7");
        let (li, csrf) = s.sign_in(super::ANALYST, DEMO_PASSWORD).await;
        let run = [("csrf", csrf.as_str()), ("step", "run"), ("seed", "7")];
        assert_eq!(s.post(&base, &li, &run).await.status(), 303);
        let (_, html) = s.page(&base, &li).await;
        assert!(html.contains(r#"<table class="govuk-table app-stack-table">"#));
        for label in ["Stance", "Example answers", "Answers (discovery)"] {
            assert!(
                html.contains(&format!(
                    r#"class="govuk-table__cell" data-label="{label}">"#
                )),
                "{label}"
            );
        }
        let css = s.stylesheet(&html).await;
        assert!(css.contains(".app-stack-table"), "the stylesheet stacks it");
    }
}
