//! Searching the demo's discussions over HTTP: the page and the API find
//! published comments in English and Arabic (however it is spelled),
//! never a held one, with an empty state, pages and a refusal for a
//! search too short to mean anything.

use super::{open_id, servers, sign_in, TOM};
use crate::support::text_of;

#[tokio::test]
async fn the_search_page_finds_comments_people_may_read() {
    for s in servers().await {
        let id = open_id(&s).await;
        let list = s.html("/discussions?q=library").await;
        assert!(list.contains("href=\"/discussions/search?q=library\""));

        let (status, html) = {
            let res = s.get("/discussions/search?q=Quay+Street").await;
            (res.status().as_u16(), res.text().await.unwrap())
        };
        assert_eq!(status, 200);
        let text = text_of(&html);
        // Each comment found is shown once: its passage is its link.
        let found = "Mostly outside the takeaways on Quay Street, late.";
        assert_eq!(text.matches(found).count(), 1, "{text}");
        let links = result_links(&html);
        assert!(links.iter().any(|l| l.contains(found)), "{links:?}");
        assert!(html.contains(&format!("href=\"/discussions/{id}/comments/")));
        assert!(html.contains("role=\"search\""));

        // Arabic, spelled without the teh marbuta or the hamza.
        let html = s
            .html("/discussions/search?q=%D9%85%D9%83%D8%AA%D8%A8%D9%87")
            .await; // مكتبه
        assert!(html.contains("أتفق مع أمينة"), "{}", text_of(&html));
        let html = s
            .html("/discussions/search?q=%D8%A7%D8%AA%D9%81%D9%82")
            .await; // اتفق
        assert!(html.contains("أتفق مع أمينة"));

        // The discussion itself is named when its title matches.
        let text = text_of(&s.html("/discussions/search?q=feeling+safe").await);
        assert!(text.contains("Feeling safe in Brightwater"));

        // Held comments are never found, not even by their author.
        let held = "know+where+the+station";
        let text = text_of(&s.html(&format!("/discussions/search?q={held}")).await);
        assert!(text.contains("No comments match these words."), "{text}");
        let (tom, _) = sign_in(&s, TOM).await;
        let (_, html) = s.page(&format!("/discussions/search?q={held}"), &tom).await;
        assert!(!html.contains("People who do not like"));
        // Nor are hidden ones, whoever asks.
        let hidden = "cheap+festival+tickets";
        let text = text_of(&s.html(&format!("/discussions/search?q={hidden}")).await);
        assert!(text.contains("No comments match these words."), "{text}");
        let (_, html) = s
            .page(&format!("/discussions/search?q={hidden}"), &tom)
            .await;
        assert!(!html.contains("message me now"), "{html}");
        let api = s
            .get(&format!("/api/v1/discussions/search?q={hidden}"))
            .await
            .json::<serde_json::Value>()
            .await
            .unwrap();
        assert_eq!(api["items"].as_array().unwrap().len(), 0, "{api}");

        // In Arabic, the page's own words are Arabic.
        let ar = text_of(&s.html("/discussions/search?q=zzzz&lang=ar").await);
        assert!(ar.contains("لا توجد تعليقات تطابق هذه الكلمات"), "{ar}");

        // Empty: just the box. Too short: said, not a 500.
        assert_eq!(s.get("/discussions/search").await.status(), 200);
        let res = s.get("/discussions/search?q=a").await;
        assert_eq!(res.status(), 422);
        assert!(text_of(&res.text().await.unwrap()).contains("Enter at least 2 letters"));
        assert_eq!(
            s.get("/discussions/search?q=ab&after=nonsense")
                .await
                .status(),
            400
        );
    }
}

/// The text of each link to a comment on a search page, in order.
fn result_links(html: &str) -> Vec<String> {
    html.split("<li class=\"app-search-result\">")
        .skip(1)
        .map(|item| {
            let a = &item[item.find("<a ").unwrap()..];
            text_of(&a[..a.find("</a>").unwrap() + 4])
        })
        .collect()
}

#[tokio::test]
async fn each_results_link_says_which_comment_it_opens() {
    for s in servers().await {
        // "library" finds several comments in the same discussion.
        let html = s.html("/discussions/search?q=library").await;
        let links = result_links(&html);
        assert!(links.len() >= 2, "{links:?}");
        let mut distinct = links.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), links.len(), "{links:?}");
        for link in &links {
            assert!(!link.contains("Feeling safe"), "{link}");
            assert!(
                link.contains(": “"),
                "who wrote it and the passage found: {link}"
            );
            assert!(
                link.to_lowercase().contains("library"),
                "the passage holds the words looked for: {link}"
            );
        }
        // Nothing of a comment is shown a second time beside its link.
        assert!(!html.contains("<blockquote"), "{html}");
        // The discussion is named beside each, outside the link.
        let text = text_of(&html);
        assert!(text.contains("In “"), "{text}");

        // In Arabic, the same in Arabic words.
        let ar = s.html("/discussions/search?q=library&lang=ar").await;
        let links = result_links(&ar);
        assert!(links.iter().all(|l| l.contains(": «")), "{links:?}");
        assert!(text_of(&ar).contains("في «"));
    }
}

#[tokio::test]
async fn the_api_searches_the_same_way() {
    for s in servers().await {
        let res = s.get("/api/v1/discussions/search?q=library").await;
        assert_eq!(res.status(), 200);
        let body: serde_json::Value = res.json().await.unwrap();
        let items = body["items"].as_array().unwrap();
        assert!(items.len() >= 2, "{body}");
        assert!(items.iter().all(|i| i["snippet"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("library")));
        assert!(body["next"].is_null());
        let held = s
            .get("/api/v1/discussions/search?q=know+where+the+station")
            .await
            .json::<serde_json::Value>()
            .await
            .unwrap();
        assert_eq!(held["items"].as_array().unwrap().len(), 0);

        let res = s.get("/api/v1/discussions/search?q=").await;
        assert_eq!(res.status(), 422);
        let problem: serde_json::Value = res.json().await.unwrap();
        assert_eq!(problem["code"], "field_required");
        let res = s.get("/api/v1/discussions/search?q=library&after=x").await;
        assert_eq!(res.status(), 422);
        let problem: serde_json::Value = res.json().await.unwrap();
        assert_eq!(problem["code"], "invalid_token");
    }
}
