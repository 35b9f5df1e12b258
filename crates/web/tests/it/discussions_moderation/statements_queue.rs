//! Held statements in the moderation queue, with the demo: a statement
//! screening holds waits in /moderation with the comments (and alone
//! under the "statements" filter), its card leads to where it is
//! decided, and the queue is read page after page from where the last
//! ended, every item once.

use std::collections::HashSet;

use cohesion_storage::discussions::{comments, moderation};

use super::GRACE;
use crate::discussions::{closed_id, open_id, servers, sign_in, TOM};
use crate::support::{text_of, Server};

/// The anchors of the cards on a queue page, and its next page's address.
fn cards(page: &str) -> (Vec<String>, Option<String>) {
    let mut out = Vec::new();
    for part in page.split("class=\"app-moderation-item").skip(1) {
        let at = part.find("id=\"").unwrap() + 4;
        out.push(part[at..at + part[at..].find('"').unwrap()].to_owned());
    }
    let next = page.find("rel=\"next\"").map(|at| {
        let start = page[..at].rfind("href=\"").unwrap() + 6;
        page[start..start + page[start..].find('"').unwrap()].replace("&amp;", "&")
    });
    (out, next)
}

/// Every card of the queue at `first`, page after page.
async fn all_cards(s: &Server, cookie: &str, first: &str) -> Vec<String> {
    let mut seen = Vec::new();
    let mut at = Some(first.to_owned());
    while let Some(href) = at {
        let (status, page) = s.page(&href, cookie).await;
        assert_eq!(status, 200, "{href}");
        let (list, next) = cards(&page);
        seen.extend(list);
        at = next;
    }
    seen
}

#[tokio::test]
async fn held_statements_wait_in_the_queue_with_the_comments() {
    for s in servers().await {
        let id = open_id(&s).await;
        let (grace, grace_csrf) = sign_in(&s, GRACE).await;
        let add = [
            ("csrf", grace_csrf.as_str()),
            ("language", "en"),
            ("entry", "lanternfish"),
        ];
        assert_eq!(
            s.post("/moderation/words", &grace, &add).await.status(),
            303
        );
        let (tom, tom_csrf) = sign_in(&s, TOM).await;
        let text = "Lanternfish lamps along the harbour would help at night.";
        let res = s
            .post(
                &format!("/discussions/{id}/statements"),
                &tom,
                &[("csrf", &tom_csrf), ("text", text)],
            )
            .await;
        assert_eq!(res.status(), 303);
        let to = res.headers()["location"].to_str().unwrap().to_owned();
        assert!(to.contains("done=statement-held"), "{to}");

        // With the comments, in the queue's order, as a card that leads
        // to the statements page where it is approved or hidden.
        let (_, queue) = s.page("/moderation", &grace).await;
        let (on_page, _) = cards(&queue);
        let statement = on_page
            .iter()
            .find(|a| a.starts_with("statement-"))
            .expect("the held statement on the first page")
            .clone();
        let sid = statement.trim_start_matches("statement-").to_owned();
        assert!(
            on_page.iter().any(|a| a.starts_with("item-")),
            "and comments"
        );
        assert!(queue.contains(text), "{queue}");
        let decide = format!("/staff/discussions/{id}/statements#statement-{sid}");
        assert!(queue.contains(&format!("href=\"{decide}\"")), "{queue}");
        assert!(text_of(&queue).contains("Held statement"));
        assert!(
            text_of(&queue).contains("Contains “lanternfish”"),
            "why it is held"
        );
        let (_, ar) = s.page("/moderation?lang=ar", &grace).await;
        assert!(text_of(&ar).contains("العبارة المحتجزة"));

        // Alone under the statements filter; never among reported ones.
        let (status, only) = s.page("/moderation?flag=statements", &grace).await;
        assert_eq!(status, 200, "{}", text_of(&only));
        let (list, _) = cards(&only);
        assert_eq!(list, vec![statement.clone()]);
        assert!(text_of(&only).contains("1 comment or statement is waiting"));
        let (_, reported) = s.page("/moderation?flag=reported", &grace).await;
        assert!(!reported.contains(text));

        // Every item once, page after page (each from where the last
        // ended): with more than a page waiting, many of them alike in
        // severity, weight and age, so that only the id tells them apart.
        let mut c = s.db().acquire().await.unwrap();
        let at = cohesion_storage::Timestamp::now();
        let mut published = Vec::new();
        for d in [&id, &closed_id(&s).await] {
            let d = uuid::Uuid::parse_str(d).unwrap();
            published.extend(comments::newest_published(c.conn(), d, 30).await.unwrap());
        }
        for (n, comment) in published.iter().enumerate() {
            let w = moderation::Waiting {
                comment_id: comment.id,
                discussion_id: comment.discussion_id,
                severity: 1 + (n % 2) as i64,
                weight: 1,
                held: false,
                reported: true,
                appealed: false,
                reasons: "",
                at,
            };
            moderation::wait(c.conn(), &w).await.unwrap();
        }
        drop(c);
        let (_, first) = s.page("/moderation", &grace).await;
        let said = text_of(&first);
        let count: usize = said[..said.find(" comments and statements are waiting").unwrap()]
            .rsplit(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let seen = all_cards(&s, &grace, "/moderation").await;
        assert_eq!(seen.len(), count, "{seen:?}");
        assert_eq!(seen.iter().collect::<HashSet<_>>().len(), count);
        assert!(count > 20, "more than a page: {count}");
        // A page's end that is not one is refused, not a 500.
        for bad in [
            "nonsense",
            "1.2.3",
            "1.0.x.y",
            "1.0.5.00000000000000000000000000000000.9",
        ] {
            let (status, _) = s.page(&format!("/moderation?after={bad}"), &grace).await;
            assert_eq!(status, 400, "{bad}");
        }

        // Approved on its page, it leaves the queue.
        let (_, staff) = s
            .page(&format!("/staff/discussions/{id}/statements"), &grace)
            .await;
        assert!(
            staff.contains(&format!("id=\"statement-{sid}\"")),
            "{staff}"
        );
        let res = s
            .post(
                &format!("/staff/discussions/{id}/statements/{sid}/decision"),
                &grace,
                &[("csrf", &grace_csrf), ("decision", "approve")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (_, only) = s.page("/moderation?flag=statements", &grace).await;
        assert!(cards(&only).0.is_empty());
        assert!(text_of(&only).contains("Nothing is waiting."));
    }
}
