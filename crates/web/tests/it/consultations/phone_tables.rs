//! Wide tables fit a phone: below tablet width the kit's tables, a
//! person's responses and the officers' tables stack (`.app-stack-table`),
//! each cell after its column's name, rather than scrolling sideways with
//! columns off-screen; and the names in the people list are isolated as
//! people wrote them.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::after_responding::tom_responds;
use super::{published, OFFICER};
use crate::support::servers_with_people;

const NADIA: &str = "nadia@brightwater.example";

#[tokio::test]
async fn wide_tables_stack_and_people_are_isolated() {
    for s in servers_with_people().await {
        let (_, _, id) = published(&s, "no").await;
        let (tom, _) = tom_responds(&s, &id).await;

        let (_, html) = s.page("/account", &tom).await;
        assert!(
            html.contains(
                r#"<table class="govuk-table app-stack-table" aria-labelledby="responses">"#
            ),
            "{html}"
        );
        for label in ["Consultation", "Status"] {
            assert!(
                html.contains(&format!(
                    r#"class="govuk-table__cell" data-label="{label}">"#
                )),
                "{label}: {html}"
            );
        }

        let (admin, _) = s.sign_in(NADIA, DEMO_PASSWORD).await;
        let (_, html) = s.page("/admin/people", &admin).await;
        assert!(html.contains("govuk-table app-stack-table"), "{html}");
        for label in ["Display name", "Email address", "Status"] {
            assert!(
                html.contains(&format!(
                    r#"class="govuk-table__cell" data-label="{label}">"#
                )),
                "{label}: {html}"
            );
        }
        assert!(html.contains("><bdi>Tom Fletcher</bdi></a>"), "{html}");
        assert!(
            html.contains("<bdi>tom@brightwater.example</bdi>"),
            "{html}"
        );

        let (_, html) = s.page("/admin/audit", &admin).await;
        for label in ["When", "By"] {
            assert!(
                html.contains(&format!(
                    r#"class="govuk-table__cell" data-label="{label}">"#
                )),
                "{label}: {html}"
            );
        }

        let (officer, _) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let (_, html) = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await;
        assert!(!html.contains("app-survey-table"), "{html}");
        assert!(html.contains("govuk-table app-stack-table"), "{html}");

        // The stylesheet stacks the shared class below tablet width.
        let css = s.stylesheet(&html).await;
        assert!(css.contains(".app-stack-table"), "shared class");
        assert!(
            css.contains(".app-stack-table .govuk-table__cell[data-label]:before")
                || css.contains(".app-stack-table .govuk-table__cell[data-label]::before"),
            "stacked cells"
        );
    }
}
