//! Organisations: registered, private to their members, joined by
//! invitation.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::{newest_link, TOM};
use crate::support::servers_with_people;

#[tokio::test]
async fn organisations_are_registered_and_private_to_members() {
    for s in servers_with_people().await {
        let (priya, _) = s.sign_in("priya@brightwater.example", DEMO_PASSWORD).await;
        assert!(s
            .page("/account", &priya)
            .await
            .1
            .contains("Riverside Youth Forum"));

        let (cookie, csrf) = s.sign_in("helen@brightwater.example", DEMO_PASSWORD).await;
        let (status, html) = s.page("/organisations/new", &cookie).await;
        assert_eq!(status, 200);
        assert!(html.contains("Community group"));
        let bad = [
            ("csrf", csrf.as_str()),
            ("name", ""),
            ("kind", "cult"),
            ("address", "1 Road"),
            ("contact_name", "H"),
            ("contact_email", "h@example.org"),
            ("org_identifier", "GB-CHC-12"),
        ];
        let res = s.post("/organisations/new", &cookie, &bad).await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        for href in ["#name", "#kind", "#org_identifier"] {
            assert!(html.contains(&format!("href=\"{href}\"")), "{href}");
        }
        let good = [
            ("csrf", csrf.as_str()),
            ("name", "Eastside Women's Network"),
            ("kind", "community_group"),
            ("address", "3 Canal St"),
            ("contact_name", "Helen Park"),
            ("contact_email", "hello@eastside.example"),
            ("org_identifier", "gb-coh-01234567"),
        ];
        let res = s.post("/organisations/new", &cookie, &good).await;
        assert_eq!(res.status(), 303);
        let location = res.headers()["location"].to_str().unwrap().to_owned();
        let html = s.page(&location, &cookie).await.1;
        assert!(html.contains("GB-COH-01234567") && html.contains("Send invitation"));
        assert!(
            html.contains("app-role-badge\">Officer</strong>"),
            "staff are badged by role beside their name"
        );
        let path = location.split('?').next().unwrap();
        assert_eq!(s.page(path, &priya).await.0, 404, "only members see it");
        let res = s
            .post(
                &format!("{path}/invitations"),
                &cookie,
                &[("csrf", &csrf), ("email", "nope")],
            )
            .await;
        assert_eq!(res.status(), 422);
        let res = s
            .post(
                &format!("{path}/invitations"),
                &cookie,
                &[("csrf", &csrf), ("email", "tom@brightwater.example")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let link = newest_link(&s, TOM, "/organisations/join?token=").await;
        let res = s.client.get(s.url(&link)).send().await.unwrap();
        let to = res.headers()["location"].to_str().unwrap().to_owned();
        assert!(
            to.starts_with("/sign-in?next=%2Forganisations%2Fjoin%3Ftoken%3D"),
            "the invitation is kept through signing in: {to}"
        );
        let html = s.page(&to, "").await.1;
        assert!(html.contains("name=\"next\" value=\"/organisations/join?token="));
        let (tom, tom_csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        assert_eq!(s.page(&link, &tom).await.0, 200);
        let token = link.split("token=").nth(1).unwrap();
        let res = s
            .post(
                "/organisations/join",
                &tom,
                &[("csrf", &tom_csrf), ("token", token)],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(s.page(path, &tom).await.0, 200, "now a member");
    }
}
