//! What an outside view of the running demo found, as residents meet
//! it: the home page's card leads to the discussions; the voting page
//! counts progress, not statement numbers, and lays out "Your votes" one
//! block each; the list's empty message names the filters in force; the
//! Arabic "edit" link says "edit"; the closed festival's removals say
//! why; long demo comments show their first part, in both languages.

use super::{closed_id, open_id, servers, sign_in, AMINA};
use crate::support::text_of;

#[tokio::test]
async fn the_home_pages_discussions_card_leads_to_the_discussions() {
    for s in servers().await {
        for lang in ["en", "ar"] {
            let home = s.html(&format!("/?lang={lang}")).await;
            let name = match lang {
                "en" => "Discussions</a>",
                _ => "النقاشات</a>",
            };
            let card = home
                .split("<li class=\"app-card\">")
                .find(|c| c.contains(name))
                .expect("the discussions card");
            assert!(card.contains("href=\"/discussions\""), "{card}");
            assert!(!home.contains("/get-involved#discussions"), "{lang}");
        }
    }
}

/// Whether `text` has "Statement" followed by a number.
fn numbered(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        text[at + word.len()..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
    })
}

#[tokio::test]
async fn the_vote_page_counts_progress_not_statement_numbers() {
    for s in servers().await {
        let id = open_id(&s).await;
        let here = format!("/discussions/{id}/vote");
        let (cookie, csrf) = sign_in(&s, AMINA).await;
        let (_, page) = s.page(&here, &cookie).await;
        let text = text_of(&page);
        assert!(text.contains("You have voted on 0 of 11 statements."));
        assert!(text.contains("Statement to vote on"), "{text}");
        assert!(!numbered(&text, "Statement"), "{text}");
        let marker = "action=\"";
        let at = page.find("name=\"vote\" value=\"agree\"").unwrap();
        let start = page[..at].rfind(marker).unwrap() + marker.len();
        let action = page[start..start + page[start..].find('"').unwrap()].to_owned();
        let res = s
            .post(&action, &cookie, &[("csrf", &csrf), ("vote", "agree")])
            .await;
        assert_eq!(res.status(), 303);

        // "Your votes": the statement a paragraph of its own in its own
        // direction, the buttons described by it (no number).
        let (_, page) = s.page(&format!("{here}?lang=ar"), &cookie).await;
        let text = text_of(&page);
        assert!(text.contains("عبارة للتصويت عليها"), "{text}");
        assert!(!numbered(&text, "العبارة"), "{text}");
        let at = page.find("id=\"your-votes\"").expect("your votes");
        let list = &page[at..at + page[at..].find("</ol>").unwrap()];
        assert!(
            list.contains("class=\"govuk-body app-your-vote__statement\" id=\"your-vote-"),
            "{list}"
        );
        assert!(list.contains("dir=\"auto\""));
        assert!(list.contains("aria-describedby=\"your-vote-"), "{list}");
        assert!(list.contains("app-your-vote__changes"));
        // Its stylesheet lays them out, in both directions.
        let css = s.stylesheet(&page).await;
        assert!(
            css.contains(".app-your-vote__changes"),
            "the RTL stylesheet"
        );
    }
}

#[tokio::test]
async fn the_lists_empty_message_names_the_filters_in_force() {
    for s in servers().await {
        let cases = [
            ("q=nothing+like+this", "No discussions match your words."),
            ("topic=Gardening", "No discussions have this topic."),
            (
                "topic=Events&status=open",
                "No discussions have both this topic and this status.",
            ),
            (
                "q=festival&status=upcoming",
                "No discussions match your words with the topic or status you chose.",
            ),
        ];
        for (query, said) in cases {
            let text = text_of(&s.html(&format!("/discussions?{query}")).await);
            assert!(text.contains(said), "{query}: {text}");
            if !query.contains("q=") {
                assert!(!text.contains("your words"), "{query}: {text}");
            }
        }
        let ar = text_of(&s.html("/discussions?topic=Gardening&lang=ar").await);
        assert!(ar.contains("لا توجد نقاشات بهذا الموضوع."), "{ar}");
        assert!(!ar.contains("كلمات أخرى"), "{ar}");
    }
}

#[tokio::test]
async fn the_arabic_edit_link_says_edit() {
    for s in servers().await {
        let id = open_id(&s).await;
        let (cookie, csrf) = sign_in(&s, AMINA).await;
        let res = s
            .post(
                &format!("/discussions/{id}/comments"),
                &cookie,
                &[
                    ("csrf", &csrf),
                    ("text", "The ferry shelter needs a bench."),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (_, page) = s.page(&format!("/discussions/{id}?lang=ar"), &cookie).await;
        let mine = super::comment_with(&page, "The ferry shelter needs a bench.");
        let link = format!("/comments/{mine}/edit\">");
        let at = page.find(&link).expect("an edit link") + link.len();
        let words = &page[at..at + page[at..].find("</a>").unwrap()];
        assert!(words.starts_with("تعديل"), "{words}");
    }
}

#[tokio::test]
async fn the_closed_festivals_removals_say_why() {
    for s in servers().await {
        let id = closed_id(&s).await;
        let text = text_of(&s.html(&format!("/discussions/{id}")).await);
        assert!(
            text.contains("This comment was hidden by a moderator: Spam"),
            "{text}"
        );
        assert!(
            !text.contains("This comment was hidden by a moderator."),
            "every removal says why: {text}"
        );
        let ar = text_of(&s.html(&format!("/discussions/{id}?lang=ar")).await);
        assert!(ar.contains("أخفى مشرف هذا التعليق: "), "{ar}");
        assert!(!ar.contains("أخفى مشرف هذا التعليق."), "{ar}");
    }
}

#[tokio::test]
async fn long_demo_comments_show_their_first_part_in_both_languages() {
    for s in servers().await {
        let id = open_id(&s).await;
        let page = s.html(&format!("/discussions/{id}")).await;
        assert!(
            page.matches("Show full comment").count() >= 2,
            "an English and an Arabic one"
        );
        assert!(page.contains("Brightwater Women’s Forum"));
        assert!(page.contains("تعرّض والدي لإهانات في الحافلة"));
        let ar = s.html(&format!("/discussions/{id}?lang=ar")).await;
        assert!(ar.matches("اعرض التعليق كاملًا").count() >= 2);
    }
}
