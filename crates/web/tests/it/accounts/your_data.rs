//! "Your data" and deleting the account.

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use cohesion_testkit::http;

use crate::support::servers_with_people;

#[tokio::test]
async fn a_resident_downloads_their_data_and_deletes_the_account() {
    for s in servers_with_people().await {
        let email = "amina@brightwater.example";
        let (cookie, csrf) = s.sign_in(email, DEMO_PASSWORD).await;
        let res = s
            .client
            .get(s.url("/account/data.json"))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        assert!(res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment"));
        let data: serde_json::Value = res.json().await.unwrap();
        assert_eq!(data["account"]["email"], email);
        assert_eq!(data["account"]["display_name"], "Amina Yusuf");
        let (status, html) = s.page("/account/data", &cookie).await;
        assert_eq!(status, 200);
        assert!(html.contains(email) && html.contains("account.export"));

        let res = s
            .post(
                "/account/delete",
                &cookie,
                &[
                    ("csrf", &csrf),
                    ("contributions", "keep"),
                    ("password", "not my password"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422);
        let res = s
            .post(
                "/account/delete",
                &cookie,
                &[
                    ("csrf", &csrf),
                    ("contributions", "burn"),
                    ("password", DEMO_PASSWORD),
                ],
            )
            .await;
        assert_eq!(res.status(), 422);
        assert_eq!(
            s.page("/account", &cookie).await.0,
            200,
            "nothing happened yet"
        );

        let res = s
            .post(
                "/account/delete",
                &cookie,
                &[
                    ("csrf", &csrf),
                    ("contributions", "keep"),
                    ("password", DEMO_PASSWORD),
                ],
            )
            .await;
        assert_eq!(res.status(), 200);
        assert_eq!(
            http::cookie_set_by(&res, "cohesion_session").as_deref(),
            Some("")
        );
        let html = res.text().await.unwrap();
        assert!(html.contains("Your account has been deleted") && !html.contains("Amina Yusuf"));
        assert_eq!(s.page("/account", &cookie).await.0, 303);
        let mut c = s.db().acquire().await.unwrap();
        assert!(cohesion_storage::schema::occurrences(c.conn(), email)
            .await
            .unwrap()
            .is_empty());
    }
}
