//! What the site is, for API clients.

use crate::support::servers_with_demo;

#[tokio::test]
async fn site_info_follows_the_negotiated_language() {
    for s in servers_with_demo().await {
        let res = s
            .client
            .get(s.url("/api/v1/site"))
            .header("accept-language", "ar")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["locale"], "ar");
        assert_eq!(body["programme"]["name"], "برايتووتر معًا");
        let tags: Vec<&str> = body["languages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["tag"].as_str().unwrap())
            .collect();
        assert_eq!(tags, ["en", "ar"]);
        assert_eq!(body["languages"][1]["direction"], "rtl");
    }
}
