//! Moderating from where people read, with the demo: a moderator's
//! "Moderate" link beside each comment but their own, "You reported this"
//! in place of a second report, an appealed comment decided only as an
//! appeal, and the appeal page showing what is appealed.

use super::{GRACE, KARIM};
use crate::discussions::{comment_with, open_id, servers, sign_in, AMINA, TOM};
use crate::support::{text_of, Server};

/// The markup of the comment `cid` on `page`: its `<article>`.
fn comment_markup<'a>(page: &'a str, cid: &str) -> &'a str {
    let start = page
        .find(&format!("id=\"comment-{cid}\""))
        .unwrap_or_else(|| panic!("comment {cid}"));
    let start = page[..start].rfind("<article").unwrap();
    let end = start + page[start..].find("</article>").unwrap();
    &page[start..end]
}

/// `who` posts `text` in the discussion `id`; the comment's id.
async fn posted(s: &Server, id: &str, who: &str, text: &str) -> String {
    let (cookie, csrf) = sign_in(s, who).await;
    let res = s
        .post(
            &format!("/discussions/{id}/comments"),
            &cookie,
            &[("csrf", &csrf), ("text", text)],
        )
        .await;
    assert_eq!(res.status(), 303);
    let (_, page) = s.page(&format!("/discussions/{id}"), &cookie).await;
    comment_with(&page, text)
}

#[tokio::test]
async fn moderators_see_a_moderate_link_beside_every_comment_but_their_own() {
    for s in servers().await {
        let id = open_id(&s).await;
        let amina = posted(
            &s,
            &id,
            AMINA,
            "The underpass lights have been out for weeks.",
        )
        .await;
        let own = posted(&s, &id, GRACE, "A moderator writes as a resident too.").await;

        let (grace, _) = sign_in(&s, GRACE).await;
        let (_, page) = s.page(&format!("/discussions/{id}"), &grace).await;
        let link = format!("href=\"/moderation/comments/{amina}\"");
        let hers = comment_markup(&page, &amina);
        assert!(hers.contains(&link), "{hers}");
        assert!(text_of(hers).contains("Moderate"), "{hers}");
        let mine = comment_markup(&page, &own);
        assert!(!mine.contains("/moderation/comments/"), "{mine}");
        // In Arabic, in Arabic words.
        let (_, ar) = s.page(&format!("/discussions/{id}?lang=ar"), &grace).await;
        assert!(text_of(comment_markup(&ar, &amina)).contains("الإشراف عليه"));

        // The link leads to a page that decides, though nobody reported
        // the comment and screening let it through.
        let (status, item) = s
            .page(&format!("/moderation/comments/{amina}"), &grace)
            .await;
        assert_eq!(status, 200);
        assert!(item.contains("underpass lights"), "{item}");
        assert!(item.contains("type=\"radio\" value=\"hide\""), "{item}");

        // Residents never see it, nor does anyone signed out.
        let (tom, _) = sign_in(&s, TOM).await;
        let (_, page) = s.page(&format!("/discussions/{id}"), &tom).await;
        assert!(!page.contains("/moderation/comments/"));
        assert!(!s
            .html(&format!("/discussions/{id}"))
            .await
            .contains("/moderation/comments/"));
        // …and the page refuses them.
        let (status, _) = s.page(&format!("/moderation/comments/{amina}"), &tom).await;
        assert_eq!(status, 403);
    }
}

#[tokio::test]
async fn a_comment_already_reported_says_so_instead_of_offering_report() {
    for s in servers().await {
        let id = open_id(&s).await;
        let cid = posted(&s, &id, AMINA, "Buy cheap phones at my stall, best prices.").await;
        let other = posted(
            &s,
            &id,
            AMINA,
            "The bus shelter by the school has no light.",
        )
        .await;
        let (tom, csrf) = sign_in(&s, TOM).await;
        let report = format!("/discussions/{id}/comments/{cid}/report");
        let (_, page) = s.page(&format!("/discussions/{id}"), &tom).await;
        assert!(comment_markup(&page, &cid).contains(&format!("href=\"{report}\"")));

        let res = s
            .post(
                &report,
                &tom,
                &[("csrf", &csrf), ("reason", "spam"), ("note", "")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (_, page) = s.page(&format!("/discussions/{id}"), &tom).await;
        let reported = comment_markup(&page, &cid);
        assert!(
            !reported.contains(&format!("href=\"{report}\"")),
            "{reported}"
        );
        assert!(
            text_of(reported).contains("You reported this"),
            "{reported}"
        );
        // Only that one: the others still offer it.
        let untouched = comment_markup(&page, &other);
        assert!(untouched.contains("/report\""), "{untouched}");
        assert!(!text_of(untouched).contains("You reported this"));
        // Another reader has not reported it.
        let (grace, _) = sign_in(&s, GRACE).await;
        let (_, page) = s.page(&format!("/discussions/{id}"), &grace).await;
        assert!(comment_markup(&page, &cid).contains(&format!("href=\"{report}\"")));
        // In Arabic.
        let (_, ar) = s.page(&format!("/discussions/{id}?lang=ar"), &tom).await;
        assert!(text_of(comment_markup(&ar, &cid)).contains("أبلغت عن هذا التعليق"));
    }
}
