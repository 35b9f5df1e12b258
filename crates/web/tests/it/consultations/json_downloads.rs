//! "Download these results (JSON)" and the findings' JSON link download
//! a named file (the `download` attribute) rather than opening raw JSON
//! in the tab; the API they point at answers its clients unchanged.

use crate::support::servers_with_people;

#[tokio::test]
async fn json_links_download_a_named_file() {
    for s in servers_with_people().await {
        cohesion_services::consultations::demo::load(s.db())
            .await
            .unwrap();
        let (_, html) = s.page("/get-involved", "").await;
        let ids: Vec<String> = html
            .split("href=\"/consultations/")
            .skip(1)
            .filter_map(|a| a.split_once("/results\"").map(|(id, _)| id.to_owned()))
            .filter(|id| !id.contains('"'))
            .collect();
        assert!(!ids.is_empty(), "{html}");
        let (mut results, mut findings) = (0, 0);
        for id in &ids {
            for (page, what) in [("results", "results"), ("findings", "findings")] {
                let (_, html) = s.page(&format!("/consultations/{id}/{page}"), "").await;
                let href = format!(r#"href="/api/v1/consultations/{id}/{what}""#);
                if html.contains(&href) {
                    assert!(
                        html.contains(&format!(r#"{href} download="{what}-{id}.json">"#)),
                        "{html}"
                    );
                    if what == "results" {
                        results += 1;
                    } else {
                        findings += 1;
                    }
                }
            }
            // The API still answers with JSON.
            let res = s.get(&format!("/api/v1/consultations/{id}/results")).await;
            assert_eq!(res.status(), 200);
            assert!(res.headers()["content-type"]
                .to_str()
                .unwrap()
                .contains("json"));
        }
        assert!(results > 0 && findings > 0, "{results} {findings}");
    }
}
