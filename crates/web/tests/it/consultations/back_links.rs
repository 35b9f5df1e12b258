//! Staff pages go Back to Manage, where they are reached from: creating
//! a consultation, and the administrators' people, outbox and audit log.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::OFFICER;
use crate::support::servers_with_people;

const ADMINISTRATOR: &str = "nadia@brightwater.example";
const BACK_TO_MANAGE: &str = "<a href=\"/manage\" class=\"govuk-back-link\">";

#[tokio::test]
async fn staff_pages_go_back_to_manage() {
    for s in servers_with_people().await {
        let (officer, _) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let (status, html) = s.page("/staff/consultations/new", &officer).await;
        assert_eq!(status, 200);
        assert!(html.contains(BACK_TO_MANAGE), "{html}");

        let (admin, _) = s.sign_in(ADMINISTRATOR, DEMO_PASSWORD).await;
        for path in ["/admin/people", "/admin/outbox", "/admin/audit"] {
            let (status, html) = s.page(path, &admin).await;
            assert_eq!(status, 200, "{path}");
            assert!(html.contains(BACK_TO_MANAGE), "{path}: {html}");
        }
    }
}
