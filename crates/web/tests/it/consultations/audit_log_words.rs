//! The administrators' audit log read by people: who by name (or "The
//! system", "A deleted account"), what in plain words in both languages,
//! what it was done to by name or title, details without internal ids;
//! and what respondents did (sending answers, asking for a copy) left out,
//! since it would show who answered what (ADR 7), while each person still
//! sees their own in "Your data".

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use uuid::Uuid;

use super::after_responding::tom_responds;
use super::published;
use crate::support::{servers_with_people, text_of};

pub(super) const NADIA: &str = "nadia@brightwater.example";

/// The log's table, as text with single spaces.
pub(super) fn entries(html: &str) -> String {
    let body = html.split("<tbody").nth(1).unwrap_or("");
    let body = body.split("</tbody>").next().unwrap();
    text_of(body)
        .replace(['\u{2068}', '\u{2069}'], "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[tokio::test]
async fn the_audit_log_names_people_and_actions_and_leaves_out_respondents() {
    for s in servers_with_people().await {
        let (_, _, id) = published(&s, "no").await;
        let (tom, _) = tom_responds(&s, &id).await;
        let (admin, _) = s.sign_in(NADIA, DEMO_PASSWORD).await;

        let (status, html) = s.page("/admin/audit", &admin).await;
        assert_eq!(status, 200);
        let log = entries(&html);
        assert!(
            log.contains("Helen Park Published the consultation Safer streets in Harbourside"),
            "{log}"
        );
        assert!(
            log.contains("Helen Park Created the consultation Safer streets in Harbourside"),
            "{log}"
        );
        assert!(log.contains("Tom Fletcher Signed in"), "{log}");
        assert!(html.contains(&format!("href=\"/staff/consultations/{id}\"")));
        // No codes, and no ids but in links.
        assert!(!log.contains("consultation.publish") && !log.contains("account.sign_in"));
        for word in log.split([' ', ':', '(', ')']) {
            assert!(Uuid::parse_str(word).is_err(), "an id in {log}");
        }
        assert!(!log.contains('{'), "a survey's changes as data: {log}");

        // Tom's answers are not in the administrators' log, however asked for.
        assert!(!log.contains("answers"), "{log}");
        let html = s
            .page("/admin/audit?action=response.submit", &admin)
            .await
            .1;
        assert!(html.contains("No entries match"), "{html}");
        let html = s
            .page(&format!("/admin/audit?subject={id}"), &admin)
            .await
            .1;
        assert!(!entries(&html).contains("Tom Fletcher"));
        // They are still his, in his own data.
        let html = s.page("/account/data", &tom).await.1;
        assert!(text_of(&html).contains("You sent your answers to"));

        let html = s
            .page("/admin/audit", &format!("{admin}; cohesion_lang=ar"))
            .await
            .1;
        let log = entries(&html);
        assert!(
            log.contains("نشر الاستشارة") || log.contains("أنشأ الاستشارة"),
            "{log}"
        );
        assert!(log.contains("سجّل الدخول"), "{log}");
    }
}

#[tokio::test]
async fn a_deleted_account_is_said_to_be_one() {
    for s in servers_with_people().await {
        let (tom, csrf) = s.sign_in("tom@brightwater.example", DEMO_PASSWORD).await;
        let res = s
            .post(
                "/account/delete",
                &tom,
                &[
                    ("csrf", &csrf),
                    ("contributions", "keep"),
                    ("password", DEMO_PASSWORD),
                ],
            )
            .await;
        assert_eq!(res.status(), 200);
        let (admin, _) = s.sign_in(NADIA, DEMO_PASSWORD).await;
        let log = entries(&s.page("/admin/audit", &admin).await.1);
        assert!(log.contains("A deleted account"), "{log}");
        assert!(!log.contains("Tom Fletcher"), "{log}");
    }
}
