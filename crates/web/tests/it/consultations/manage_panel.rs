//! The consultations' panel of Manage as an analyst reads it: each
//! consultation leads to its results as well as to the tools that go
//! further, in English and Arabic.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::{demo_consultation, ANALYST};
use crate::support::servers_with_people;

/// The panel's item for consultation `id` (its first, if listed twice).
pub(super) fn item<'a>(html: &'a str, id: &str) -> &'a str {
    html.split("<li class=\"app-consultation\">")
        .skip(1)
        .map(|item| {
            let end = ["<h3", "</section>"].iter().filter_map(|m| item.find(m)).min();
            &item[..end.unwrap_or(item.len())]
        })
        .find(|item| item.contains(id))
        .unwrap_or_else(|| panic!("no item for {id} in {html}"))
}

#[tokio::test]
async fn an_analyst_reaches_each_consultations_results_from_manage() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let (li, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let results = format!("/consultations/{id}/results");
        for (lang, label) in [("en", "Results"), ("ar", "النتائج")] {
            let (status, html) = s
                .page("/manage", &format!("{li}; cohesion_lang={lang}"))
                .await;
            assert_eq!(status, 200);
            let item = item(&html, &id);
            assert!(
                item.contains(&format!("<a class=\"govuk-link\" href=\"{results}\">{label}</a>")),
                "{item}"
            );
        }
        // It leads to the results, every question's figures.
        let (status, html) = s.page(&results, &li).await;
        assert_eq!(status, 200);
        assert!(html.contains("Strong, connected communities"), "{html}");
    }
}
