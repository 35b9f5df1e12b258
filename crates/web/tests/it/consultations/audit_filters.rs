//! The audit log's filters in people's terms: the action chosen from a
//! list in plain words, who did it and to whom given by name or email
//! address (an account number, as links give it, still works), and a
//! clear message when nobody matches.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::after_responding::tom_responds;
use super::audit_log_words::{entries, NADIA};
use super::published;
use crate::support::{servers_with_people, text_of};

#[tokio::test]
async fn the_audit_log_is_filtered_by_action_in_words_and_by_name_or_address() {
    for s in servers_with_people().await {
        let (_, _, id) = published(&s, "no").await;
        let _ = tom_responds(&s, &id).await;
        let (admin, _) = s.sign_in(NADIA, DEMO_PASSWORD).await;

        let (_, html) = s.page("/admin/audit", &admin).await;
        assert!(
            html.contains(r#"<option value="" selected>Any action</option>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<option value="account.sign_in">Signed in</option>"#),
            "{html}"
        );
        assert!(!html.contains("For example role.grant"), "{html}");

        for who in ["Tom+Fletcher", "tom%40brightwater.example"] {
            let (status, html) = s
                .page(
                    &format!("/admin/audit?action=account.sign_in&actor={who}"),
                    &admin,
                )
                .await;
            assert_eq!(status, 200);
            let log = entries(&html);
            assert!(log.contains("Tom Fletcher Signed in"), "{who}: {log}");
            assert!(!log.contains("Nadia"), "{who}: {log}");
            assert!(
                html.contains(r#"<option value="account.sign_in" selected>Signed in</option>"#),
                "{html}"
            );
        }

        let (status, html) = s.page("/admin/audit?actor=Nobody+Such", &admin).await;
        assert_eq!(status, 200);
        assert!(html.contains("govuk-error-summary"), "{html}");
        assert!(
            text_of(&html).contains("Nobody’s name or email address matches what you entered."),
            "{html}"
        );
        assert!(entries(&html).contains("No entries match") || !html.contains("<tbody"));

        let (_, html) = s
            .page(
                "/admin/audit?actor=Nobody+Such",
                &format!("{admin}; cohesion_lang=ar"),
            )
            .await;
        assert!(
            text_of(&html).contains("لا يطابق ما أدخلته اسم أحد أو عنوان بريده الإلكتروني."),
            "{html}"
        );
    }
}
