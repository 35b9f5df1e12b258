//! Get involved lists several consultations, each with a link to its
//! results once published: each link names its consultation, so that a
//! list of links (as a screen reader gives it) tells them apart.

use crate::support::{servers_with_people, text_of};

#[tokio::test]
async fn each_results_link_on_get_involved_names_its_consultation() {
    for s in servers_with_people().await {
        cohesion_services::consultations::demo::load(s.db())
            .await
            .unwrap();
        for lang in ["en", "ar"] {
            let (status, html) = s.page(&format!("/get-involved?lang={lang}"), "").await;
            assert_eq!(status, 200);
            let labels: Vec<String> = html
                .split("<a ")
                .skip(1)
                .filter(|a| a.contains("/results\""))
                .map(|a| {
                    let inner = a.split_once('>').unwrap().1;
                    text_of(inner.split("</a>").next().unwrap())
                })
                .collect();
            assert!(labels.len() >= 2, "{lang}: {labels:?}");
            let mut unique = labels.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), labels.len(), "{lang}: {labels:?}");
            if lang == "en" {
                assert!(
                    labels.contains(
                        &"See the results of Reporting hate crime: what stops people?".to_owned()
                    ),
                    "{labels:?}"
                );
            }
        }
    }
}
