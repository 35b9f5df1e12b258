//! The public help API: in the requested language, with open now,
//! matching its published schemas, errors as JSON with stable codes.

use serde_json::Value;

use crate::support::servers_with_demo;

#[tokio::test]
async fn the_help_api_matches_its_schemas() {
    for s in servers_with_demo().await {
        let doc: Value = s.get("/api/v1/openapi.json").await.json().await.unwrap();
        let routes: Value = s
            .get("/api/v1/help/routes?lang=ar")
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(
            cohesion_web::schema_problems(&doc, "HelpRoutes", &routes),
            vec![]
        );
        assert_eq!(routes["locale"], "ar");
        assert_eq!(routes["routes"].as_array().unwrap().len(), 5);
        assert_eq!(routes["routes"][0]["title"], "شخص ما في خطر الآن");
        for key in ["danger", "extremism", "online", "hate-crime", "talk"] {
            let res = s.get(&format!("/api/v1/help/routes/{key}")).await;
            assert_eq!(res.status(), 200);
            let route: Value = res.json().await.unwrap();
            assert_eq!(
                cohesion_web::schema_problems(&doc, "HelpRoute", &route),
                vec![],
                "{key}"
            );
        }
        let danger: Value = s
            .get("/api/v1/help/routes/danger")
            .await
            .json()
            .await
            .unwrap();
        let first = &danger["services"][0]["contacts"][0];
        assert_eq!(first["href"], "tel:999");
        assert_eq!(first["open_now"], true);

        let res = s.get("/api/v1/help/routes/nope").await;
        assert_eq!(res.status(), 404);
        let problem: Value = res.json().await.unwrap();
        assert_eq!(problem["code"], "not_found");
        let res = s.get("/api/v1/help/routes?lang=xx").await;
        assert_eq!(res.status(), 400);
        let problem: Value = res.json().await.unwrap();
        assert_eq!(problem["code"], "unknown_locale");
    }
}
