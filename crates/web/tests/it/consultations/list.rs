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

/// The area filter says "Any area", and names areas in the reader's
/// language where a consultation naming it has them translated.
#[tokio::test]
async fn the_area_filter_names_areas_in_the_readers_language() {
    for s in servers_with_people().await {
        super::demo_consultation(&s).await;
        let (_, html) = s.page("/consultations", "").await;
        assert!(html.contains(">Any area</option>"), "{html}");
        // Searches and filters take no more than the address may carry.
        for name in ["q", "topic"] {
            let input = &html[html.find(&format!("name=\"{name}\"")).unwrap()..];
            let input = &input[..input.find('>').unwrap()];
            assert!(input.contains("maxlength=\"1000\""), "{input}");
        }
        assert!(
            html.contains(r#"<option value="Citywide">Citywide</option>"#),
            "{html}"
        );
        let (_, html) = s.page("/consultations?lang=ar", "").await;
        assert!(html.contains(">أي منطقة</option>"), "{html}");
        assert!(
            html.contains(r#"<option value="Citywide">المدينة كلها</option>"#),
            "{html}"
        );
        // Filtering still matches the original.
        let (_, html) = s.page("/consultations?lang=ar&area=Citywide", "").await;
        assert!(!html.contains("لا توجد استشارات مطابقة"), "{html}");
    }
}
