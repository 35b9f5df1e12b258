//! The consultations' panel of Manage and the officers' page of a
//! consultation: each consultation leads analysts to its results as well
//! as to the tools that go further, in English and Arabic, once anyone
//! has responded; until then they say there are no responses yet.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::{create, demo_consultation, ANALYST, OFFICER, OPEN_FROM, OPEN_UNTIL};
use crate::support::servers_with_people;

/// The panel's item for consultation `id` (its first, if listed twice).
pub(super) fn item<'a>(html: &'a str, id: &str) -> &'a str {
    html.split("<li class=\"app-consultation\">")
        .skip(1)
        .map(|item| {
            let end = ["<h3", "</section>"]
                .iter()
                .filter_map(|m| item.find(m))
                .min();
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
                item.contains(&format!(
                    "<a class=\"govuk-link\" href=\"{results}\">{label}</a>"
                )),
                "{item}"
            );
        }
        // It leads to the results, every question's figures.
        let (status, html) = s.page(&results, &li).await;
        assert_eq!(status, 200);
        assert!(html.contains("Strong, connected communities"), "{html}");
    }
}

/// The addresses that offer a consultation's results, crosstabs,
/// written answers, weighting and exports.
fn answered_tools(id: &str) -> Vec<String> {
    let mut tools = vec![format!("href=\"/consultations/{id}/results\"")];
    for page in [
        "analysis",
        "answers",
        "weighting",
        "responses.csv",
        "responses.xlsx",
    ] {
        tools.push(format!("href=\"/staff/consultations/{id}/{page}\""));
    }
    tools
}

/// The demo's upcoming consultation, which nobody has answered yet.
async fn upcoming(s: &crate::support::Server) -> String {
    let mut c = s.db().acquire().await.unwrap();
    let query = cohesion_storage::consultations::catalogue::ListQuery {
        drafts: true,
        limit: 20,
        ..Default::default()
    };
    let now = cohesion_storage::Timestamp::now();
    let (list, _) = cohesion_storage::consultations::catalogue::list(c.conn(), &query, now)
        .await
        .unwrap();
    let up = list
        .into_iter()
        .find(|c| c.title.starts_with("Youth voices"))
        .unwrap();
    assert_eq!(up.response_count, 0);
    up.id.to_string()
}

#[tokio::test]
async fn without_responses_nothing_is_offered_to_analyse_and_the_page_says_so() {
    for s in servers_with_people().await {
        let open = demo_consultation(&s).await;
        let up = upcoming(&s).await;
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let draft = create(
            &s,
            &officer,
            &csrf,
            "Draft: nobody yet",
            (OPEN_FROM, OPEN_UNTIL),
            "yes",
        )
        .await;
        let (li, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;

        // Manage, as the analyst reads it: the open consultation's tools;
        // for the upcoming one, none, and why, its title leading to its
        // page. In Arabic too.
        for (lang, none) in [("en", "No responses yet"), ("ar", "لا توجد ردود بعد")] {
            let (_, html) = s
                .page("/manage", &format!("{li}; cohesion_lang={lang}"))
                .await;
            let open_item = item(&html, &open);
            for tool in answered_tools(&open) {
                assert!(open_item.contains(&tool), "{tool} in {open_item}");
            }
            assert!(!open_item.contains(none));
            let up_item = item(&html, &up);
            for tool in answered_tools(&up) {
                assert!(!up_item.contains(&tool), "{tool} in {up_item}");
            }
            assert!(up_item.contains(none), "{up_item}");
            assert!(up_item.contains(&format!("href=\"/consultations/{up}\"")));
        }

        // Manage, as the officer reads it, and each consultation's own
        // page: the draft's and the upcoming one's offer no results,
        // crosstabs or exports, and say there are no responses yet.
        let (_, html) = s.page("/manage", &officer).await;
        for id in [&up, &draft] {
            let listed = item(&html, id);
            for tool in answered_tools(id) {
                assert!(!listed.contains(&tool), "{tool} in {listed}");
            }
            assert!(listed.contains("No responses yet"), "{listed}");
            let (status, page) = s
                .page(&format!("/staff/consultations/{id}"), &officer)
                .await;
            assert_eq!(status, 200);
            for tool in answered_tools(id) {
                assert!(!page.contains(&tool), "{tool} on the page of {id}");
            }
            assert!(page.contains("No responses yet"));
        }
        let (_, page) = s
            .page(&format!("/staff/consultations/{open}"), &officer)
            .await;
        for tool in answered_tools(&open) {
            assert!(
                page.contains(&tool),
                "{tool} on the open consultation's page"
            );
        }
        assert!(!page.contains("No responses yet"));

        // The results page of one nobody answered offers nothing further.
        let (status, page) = s.page(&format!("/consultations/{up}/results"), &li).await;
        assert_eq!(status, 200);
        for tool in answered_tools(&up).iter().skip(1) {
            assert!(!page.contains(tool), "{tool} on the results page");
        }
        assert!(!page.contains("results.csv"));
    }
}
