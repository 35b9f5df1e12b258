//! The list, a discussion's page, the house rules and the feed, read
//! by anyone, in English and Arabic.

use super::{closed_id, comment_with, open_id, servers, sign_in, TOM};

#[tokio::test]
async fn the_list_and_a_discussion_read_in_both_languages() {
    for s in servers().await {
        let home = s.html("/").await;
        assert!(home.contains("href=\"/discussions\""), "nav and home");
        assert!(home.contains("Discussions open now"));
        let involved = s.html("/get-involved").await;
        assert!(involved.contains("id=\"discussions\""));
        assert!(involved.contains("Feeling safe in Brightwater"));
        assert!(involved.contains("Young people and online hate"));

        let list = s.html("/discussions").await;
        assert!(list.contains("3 discussions"), "{list}");
        assert!(list.contains("/discussions/house-rules"));
        let open = s.html("/discussions?status=open").await;
        assert!(open.contains("1 discussion<"));
        assert!(open.contains("Feeling safe"));
        assert!(!open.contains("summer festival"));
        let none = s.html("/discussions?q=nothing+like+this").await;
        assert!(none.contains("No discussions match"));
        let bad = s.get("/discussions?status=forever").await;
        assert_eq!(bad.status(), 422);

        let id = open_id(&s).await;
        let page = s.html(&format!("/discussions/{id}")).await;
        assert!(page.contains("The discussion runs from <time"), "{page}");
        assert!(page.contains("<strong>community safety plan</strong>"));
        assert!(page.contains("What would make you more confident to report?"));
        assert!(page.contains("Sign in to comment"));
        assert!(page.contains("href=\"/sign-in?next=%2Fdiscussions%2F"));
        assert!(page.contains("Elected member"));
        assert!(page.contains("Anonymous – account deleted"));
        assert!(page.contains("rel=\"nofollow ugc noopener\""));
        assert!(page.contains("(example.org)"));
        assert!(page.contains("/feed.atom"));

        let ar = s.html(&format!("/discussions/{id}?lang=ar")).await;
        assert!(ar.contains("dir=\"rtl\""));
        assert!(ar.contains("التعليقات"));
        assert!(ar.contains("سجّل الدخول لتعلّق"));
        assert!(ar.contains("عضو منتخب"));
        let ar_list = s.html("/discussions?lang=ar").await;
        assert!(ar_list.contains("3 نقاشات"), "{ar_list}");
        // Every demo discussion is translated: no English title, topic
        // or area is left on the Arabic list (the filter's values stay as
        // written; its labels are Arabic).
        let ar_text = crate::support::text_of(&ar_list);
        for english in [
            "Young people",
            "summer festival",
            "Community safety",
            "Events",
        ] {
            assert!(!ar_text.contains(english), "{english}: {ar_text}");
        }
        assert!(ar_list.contains("مهرجان الصيف"));
        let ar_page = s.html(&format!("/discussions/{id}?lang=ar")).await;
        assert!(ar_page.contains("البلدة كلها"), "the area too");
        assert!(!ar_page.contains("Whole town"));

        // The topic filter offers the topics in use, as a select, and
        // keeps the address's parameter.
        let select = list.split("name=\"topic\"").nth(1).unwrap_or("");
        let select = &select[..select.find("</select>").unwrap_or(0)];
        assert!(select.contains("value=\"Events\""), "{list}");
        assert!(select.contains("value=\"Community safety\""));
        assert!(list.contains("<select") && list.contains("id=\"topic\""));
        let events = s.html("/discussions?topic=Events").await;
        assert!(events.contains("1 discussion<"), "{events}");
        assert!(events.contains("summer festival"));
        assert!(events.contains("value=\"Events\" selected"), "{events}");
        assert!(ar_list.contains(">الفعاليات<"), "labelled in Arabic");

        // The list's order: open, then upcoming, then closed.
        let items = &list[list.find("3 discussions").unwrap()..];
        let at = |t: &str| items.find(t).unwrap();
        assert!(at("Feeling safe") < at("Young people"));
        assert!(at("Young people") < at("summer festival"));

        let rules = s.html("/discussions/house-rules").await;
        assert!(rules.contains("No hate against any group"));
        let rules_ar = s.html("/discussions/house-rules?lang=ar").await;
        assert!(rules_ar.contains("قواعد المشاركة في النقاشات"));
    }
}

#[tokio::test]
async fn a_closed_discussion_stays_readable_without_a_form() {
    for s in servers().await {
        let id = closed_id(&s).await;
        let (cookie, _) = sign_in(&s, TOM).await;
        let (status, page) = s.page(&format!("/discussions/{id}"), &cookie).await;
        assert_eq!(status, 200);
        assert!(page.contains("The discussion ran from"));
        assert!(page.contains("This discussion has closed"));
        assert!(!page.contains("id=\"add-comment\""));
        assert!(!page.contains("/agree\""));
    }
}

#[tokio::test]
async fn threads_page_by_keyset_and_sort() {
    for s in servers().await {
        let id = open_id(&s).await;
        for order in ["newest", "oldest", "agreed"] {
            let res = s.get(&format!("/discussions/{id}?order={order}")).await;
            assert_eq!(res.status(), 200, "{order}");
        }
        assert_eq!(
            s.get(&format!("/discussions/{id}?order=loudest"))
                .await
                .status(),
            422
        );
        assert_eq!(
            s.get(&format!("/discussions/{id}?after=nonsense"))
                .await
                .status(),
            400
        );
        // A thread's own page shows its replies, deeper ones saying whom
        // they answer.
        let page = s.html(&format!("/discussions/{id}?order=oldest")).await;
        let top = comment_with(&page, "I reported shouting at the bus station");
        let thread = s.html(&format!("/discussions/{id}/comments/{top}")).await;
        assert!(thread.contains("Agree 100%"));
        assert!(thread.contains("In reply to"), "{thread}");
        assert!(thread.contains("app-comment--level-3"));
    }
}

#[tokio::test]
async fn the_feed_carries_what_the_public_may_read_escaped() {
    for s in servers().await {
        let id = open_id(&s).await;
        let res = s.get(&format!("/discussions/{id}/feed.atom")).await;
        assert_eq!(res.status(), 200);
        assert!(res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/atom+xml"));
        let xml = res.text().await.unwrap();
        assert!(xml.starts_with("<?xml"));
        assert!(xml.contains("<entry>"));
        assert!(xml.contains("Agree 100%"));
        assert!(!xml.contains("know where the station is"), "held stays out");
    }
}

/// The officers' and moderators' pages name the demo's discussions in
/// Arabic when read in Arabic: Manage's lists, a discussion's page, and
/// the moderation queue's filter and cards.
#[tokio::test]
async fn staff_pages_name_discussions_in_the_reader_s_language() {
    const ARABIC_TITLE: &str = "الشعور بالأمان في برايتووتر";
    for s in servers().await {
        let id = open_id(&s).await;
        let (helen, _) = sign_in(&s, "helen@brightwater.example").await;
        let (_, manage) = s.page("/manage?lang=ar", &helen).await;
        assert!(manage.contains(ARABIC_TITLE), "{manage}");
        assert!(manage.contains("مهرجان الصيف"));
        assert!(!manage.contains("Feeling safe in Brightwater"));
        let (_, one) = s
            .page(&format!("/staff/discussions/{id}?lang=ar"), &helen)
            .await;
        let title = one.split("<h1").nth(1).unwrap_or("");
        assert!(
            title[..title.find("</h1>").unwrap_or(0)].contains(ARABIC_TITLE),
            "{one}"
        );
        assert!(one.contains("البلدة كلها"), "{one}");
        assert!(one.contains("سلامة المجتمع"));
        let (_, english) = s.page(&format!("/staff/discussions/{id}"), &helen).await;
        assert!(english.contains("Feeling safe in Brightwater"));

        let (grace, _) = sign_in(&s, "grace@brightwater.example").await;
        let (_, queue) = s.page("/moderation?lang=ar", &grace).await;
        assert!(queue.contains(ARABIC_TITLE), "{queue}");
        assert!(!queue.contains("Feeling safe in Brightwater"), "{queue}");
        let item = queue
            .split("href=\"/moderation/comments/")
            .nth(1)
            .and_then(|rest| rest.split(['"', '?', '#']).next())
            .expect("a comment's own moderation page");
        let (_, page) = s
            .page(&format!("/moderation/comments/{item}?lang=ar"), &grace)
            .await;
        assert!(page.contains(ARABIC_TITLE), "{page}");
        assert!(!page.contains("Feeling safe in Brightwater"), "{page}");
    }
}
