//! The list of consultations, filtered.

use super::published;
use crate::support::servers_with_people;

/// The list filters by area (the areas published consultations name),
/// on the page and through the API.
#[tokio::test]
async fn the_list_filters_by_area() {
    for s in servers_with_people().await {
        let (_, _, _) = published(&s, "no").await;
        let title = "Safer streets in Harbourside";
        let (status, html) = s.page("/consultations", "").await;
        assert_eq!(status, 200);
        assert!(
            html.contains(r#"<option value="Harbourside">Harbourside</option>"#),
            "{html}"
        );
        let (_, html) = s.page("/consultations?area=harbourside", "").await;
        assert!(html.contains(title), "any case matches");
        let (status, html) = s.page("/consultations?area=Old+Town", "").await;
        assert_eq!(status, 200);
        assert!(!html.contains(title));
        let api = |area: &str| s.url(&format!("/api/v1/consultations?area={area}"));
        let body: serde_json::Value = s
            .client
            .get(api("Harbourside"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(body["total"], 1, "{body}");
        let body: serde_json::Value = s
            .client
            .get(api("Old%20Town"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(body["total"], 0, "{body}");
    }
}
