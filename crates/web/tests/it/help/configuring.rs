//! Administrators change the help routes and services in the browser:
//! refused input is named and nothing is saved; every change audited.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use crate::support::{servers_with_people, Server};

async fn audit_count(s: &Server, action: &str) -> i64 {
    let pool = s.db();
    let mut conn = pool.acquire().await.unwrap();
    let q = cohesion_storage::audit::AuditQuery {
        action: Some(action),
        actor: None,
        subject: None,
        before: None,
        limit: 100,
    };
    cohesion_storage::audit::page(conn.conn(), &q)
        .await
        .unwrap()
        .len() as i64
}

fn service_form<'a>(csrf: &'a str, value: &'a str, hours: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("name_en", "Seaview Advice Centre"),
        ("description_en", "Drop in for advice."),
        ("languages_en", "English"),
        ("name_ar", "مركز سيفيو للاستشارات"),
        ("description_ar", ""),
        ("languages_ar", ""),
        ("routes", "talk"),
        ("anonymous", "yes"),
        ("contact_kind_0", "phone"),
        ("contact_value_0", value),
        ("contact_hours_0", hours),
    ]
}

#[tokio::test]
async fn only_administrators_configure_help() {
    for s in servers_with_people().await {
        let (tom, csrf) = s.sign_in(super::TOM, DEMO_PASSWORD).await;
        assert_eq!(s.page("/manage/help", &tom).await.0, 403);
        let res = s
            .post(
                "/manage/help/exit",
                &tom,
                &[("csrf", &csrf), ("exit_url", "https://example.org/")],
            )
            .await;
        assert_eq!(res.status(), 403);
        assert_eq!(
            s.page("/manage/help", "").await.0 / 100,
            3,
            "signed out: asked to sign in"
        );
    }
}

#[tokio::test]
async fn invalid_phone_url_or_hours_are_refused_with_the_field_named() {
    for s in servers_with_people().await {
        let (admin, csrf) = s.sign_in(super::NADIA, DEMO_PASSWORD).await;
        assert_eq!(s.page("/manage/help", &admin).await.0, 200);
        for (value, hours, said) in [
            (
                "call us",
                "24/7",
                "Number, web address or place: Enter a telephone number",
            ),
            (
                "01632 960999",
                "Mon-Fri 25:00-26:00",
                "Opening hours: Enter opening hours",
            ),
            (
                "01632 960999",
                "Mon-Fri 17:00-09:00",
                "Opening hours: Enter opening hours",
            ),
            (
                "01632 960999",
                "Someday 09:00-17:00",
                "Opening hours: Enter opening hours",
            ),
        ] {
            let res = s
                .post(
                    "/manage/help/services/new",
                    &admin,
                    &service_form(&csrf, value, hours),
                )
                .await;
            assert_eq!(res.status(), 422, "{value} {hours}");
            let html = res.text().await.unwrap();
            assert!(html.contains(said), "{said}");
            assert!(html.contains("govuk-error-summary"));
        }
        let mut url = service_form(&csrf, "javascript:alert(1)", "");
        url[9] = ("contact_kind_0", "online");
        let res = s.post("/manage/help/services/new", &admin, &url).await;
        assert_eq!(res.status(), 422);
        assert!(res.text().await.unwrap().contains("Enter a web address"));
        let res = s
            .post(
                "/manage/help/exit",
                &admin,
                &[
                    ("csrf", &csrf),
                    ("exit_url", "https://user:pw@example.org/"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("Where “Exit this page” goes: Enter a web address"));
        assert!(
            !s.html("/help/talk").await.contains("Seaview"),
            "nothing saved"
        );
        assert_eq!(audit_count(&s, "help.service_save").await, 0);
        assert_eq!(audit_count(&s, "help.exit_change").await, 0);

        let res = s
            .post(
                "/manage/help/services/new",
                &admin,
                &service_form(&csrf, "01632 960999", "Mon-Fri 09:00-17:00"),
            )
            .await;
        assert_eq!(res.status(), 303);
        let html = s.html("/help/talk").await;
        assert!(
            html.contains("Seaview Advice Centre") && html.contains("href=\"tel:01632960999\"")
        );
        assert!(s
            .html("/help/talk?lang=ar")
            .await
            .contains("مركز سيفيو للاستشارات"));
        assert_eq!(audit_count(&s, "help.service_save").await, 1);

        let res = s
            .post(
                "/manage/help/exit",
                &admin,
                &[("csrf", &csrf), ("exit_url", "https://example.org/weather")],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert!(s
            .html("/help")
            .await
            .contains("href=\"https://example.org/weather\""));
        assert_eq!(audit_count(&s, "help.exit_change").await, 1);
    }
}

#[tokio::test]
async fn route_words_are_translated_and_audited() {
    for s in servers_with_people().await {
        let (admin, csrf) = s.sign_in(super::NADIA, DEMO_PASSWORD).await;
        let (status, html) = s.page("/manage/help/routes/talk", &admin).await;
        assert_eq!(status, 200);
        assert!(html.contains("name=\"title_ar\""));
        let fields = [
            ("csrf", csrf.as_str()),
            ("title_en", "Talk to someone now"),
            ("intro_en", "Someone will listen."),
            ("next_en", "A volunteer answers."),
            ("title_ar", "تحدث إلى شخص الآن"),
            ("intro_ar", ""),
            ("next_ar", ""),
        ];
        let res = s.post("/manage/help/routes/talk", &admin, &fields).await;
        assert_eq!(res.status(), 303);
        assert!(s.html("/help/talk").await.contains("Talk to someone now"));
        assert!(s
            .html("/help/talk?lang=ar")
            .await
            .contains("تحدث إلى شخص الآن"));
        assert_eq!(audit_count(&s, "help.route_edit").await, 1);

        let mut blank = fields;
        blank[1] = ("title_en", " ");
        let res = s.post("/manage/help/routes/talk", &admin, &blank).await;
        assert_eq!(res.status(), 422);
        assert!(res.text().await.unwrap().contains("Title: "));
        assert_eq!(audit_count(&s, "help.route_edit").await, 1, "nothing saved");
    }
}

#[tokio::test]
async fn administrators_add_rename_and_retire_local_areas() {
    for s in servers_with_people().await {
        let (admin, csrf) = s.sign_in(super::NADIA, DEMO_PASSWORD).await;
        let (status, html) = s.page("/manage/help/areas", &admin).await;
        assert_eq!(status, 200);
        assert!(html.contains("Harbourside"), "the demo's wards");
        let res = s
            .post(
                "/manage/help/areas",
                &admin,
                &[("csrf", &csrf), ("name_en", " "), ("name_ar", "")],
            )
            .await;
        assert_eq!(res.status(), 422);
        let res = s
            .post(
                "/manage/help/areas",
                &admin,
                &[("csrf", &csrf), ("name_en", "Seaview"), ("name_ar", "")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let area = cohesion_services::site::areas::in_use(s.db())
            .await
            .unwrap()
            .into_iter()
            .find(|a| a.name == "Seaview")
            .unwrap();
        let path = format!("/manage/help/areas/{}", area.id);
        let res = s
            .post(
                &path,
                &admin,
                &[
                    ("csrf", &csrf),
                    ("name_en", "Seaview Bay"),
                    ("name_ar", "خليج سيفيو"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let renamed = cohesion_services::site::areas::in_use(s.db())
            .await
            .unwrap()
            .into_iter()
            .find(|a| a.id == area.id)
            .unwrap();
        assert_eq!(renamed.name_in("ar"), "خليج سيفيو");
        assert_eq!(renamed.name_in("en"), "Seaview Bay");
        let res = s
            .post(&format!("{path}/retire"), &admin, &[("csrf", &csrf)])
            .await;
        assert_eq!(res.status(), 303);
        let left = cohesion_services::site::areas::in_use(s.db())
            .await
            .unwrap();
        assert!(left.iter().all(|a| a.id != area.id));
        for action in ["area.add", "area.rename", "area.retire"] {
            assert_eq!(audit_count(&s, action).await, 1, "{action}");
        }
    }
}
