//! The officers' dashboard: only tension readers; small counts as "fewer
//! than 5"; every reading of a text audited.

use cohesion_domain::identity::{Email, Role};
use cohesion_services::accounts::demo::DEMO_PASSWORD;
use cohesion_storage::accounts::users;

use super::{audit_entries, report, send, stored, today};
use crate::support::{servers_with_people, Server};

async fn make_reader(s: &Server, email: &str) {
    let mut c = s.db().acquire().await.unwrap();
    let u = users::find_by_email(c.conn(), &Email::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap();
    users::grant_role(c.conn(), u.id, Role::TensionReader, None)
        .await
        .unwrap();
}

#[tokio::test]
async fn officers_without_the_role_are_refused() {
    for s in servers_with_people().await {
        let (cookie, _) = s.sign_in("helen@brightwater.example", DEMO_PASSWORD).await;
        for path in [
            "/manage/tensions",
            "/manage/tensions/export.csv",
            "/api/v1/tension-reports/counts",
        ] {
            let (status, _) = s.page(path, &cookie).await;
            assert_eq!(status, 403, "{path}");
        }
        let res = s.get("/api/v1/tension-reports/counts").await;
        assert_eq!(res.status(), 401);
        let res = s.get("/manage/tensions").await;
        assert_eq!(res.status(), 303, "visitors sent to sign in");
        // Nor do administrators read texts: only the role does.
        let (cookie, _) = s.sign_in("nadia@brightwater.example", DEMO_PASSWORD).await;
        assert_eq!(s.page("/manage/tensions", &cookie).await.0, 403);
        assert_eq!(s.page("/manage/tensions/settings", &cookie).await.0, 200);
    }
}

#[tokio::test]
async fn readers_see_suppressed_counts_and_each_text_read_is_audited() {
    for s in servers_with_people().await {
        make_reader(&s, "yusuf@brightwater.example").await;
        for i in 0..3 {
            let text = format!("Leaflets number {i} pushed through doors");
            assert_eq!(send(&s, &report(&text, &today())).await.status(), 303);
        }
        let (cookie, _) = s.sign_in("yusuf@brightwater.example", DEMO_PASSWORD).await;
        let (status, html) = s.page("/manage/tensions", &cookie).await;
        assert_eq!(status, 200);
        assert!(html.contains("fewer than 5"));
        assert!(html.contains(r#"role="img""#) && html.contains("<title id=\"trend-title\">"));
        assert!(html.contains("tension-by-week"));
        assert!(!html.contains("Leaflets number"), "no texts in the list");
        let (_, manage) = s.page("/manage", &cookie).await;
        assert!(manage.contains(r#"href="/manage/tensions""#));
        let counts: serde_json::Value = s
            .get_with("/api/v1/tension-reports/counts", &cookie)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(counts["total"]["suppressed"], "fewer_than_5");
        assert!(counts["total"]["count"].is_null());
        let csv = s
            .get_with("/manage/tensions/export.csv", &cookie)
            .await
            .text()
            .await
            .unwrap();
        assert!(csv.starts_with("breakdown,item,reports"));
        assert!(csv.contains("total,all,fewer than 5"));
        assert!(!csv.contains(",3\r\n"), "no small count exactly");
        let id = stored(&s).await[0].id;
        for n in 1..=2 {
            let (status, page) = s
                .page(&format!("/manage/tensions/reports/{id}"), &cookie)
                .await;
            assert_eq!(status, 200);
            assert!(page.contains("Leaflets number"));
            let read = audit_entries(&s, "tension_report.read").await;
            assert_eq!(read.len(), n, "one entry per view");
            assert_eq!(read[0].subject_id, Some(id));
        }
    }
}
