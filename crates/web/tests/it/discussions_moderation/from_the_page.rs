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

#[tokio::test]
async fn an_appealed_comment_is_decided_as_an_appeal_and_the_appeal_shows_what_it_is_about() {
    for s in servers().await {
        let id = open_id(&s).await;
        let text = "The new crossing on Mill Road is badly placed.";
        let cid = posted(&s, &id, AMINA, text).await;
        let item = format!("/moderation/comments/{cid}");
        let (grace, grace_csrf) = sign_in(&s, GRACE).await;
        let res = s
            .post(
                &item,
                &grace,
                &[
                    ("csrf", &grace_csrf),
                    ("action", "hide"),
                    ("reason", "off_topic"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);

        // The appeal page shows the comment and the decision appealed.
        let (amina, amina_csrf) = sign_in(&s, AMINA).await;
        let appeal = format!("/discussions/{id}/comments/{cid}/appeal");
        let (status, form) = s.page(&appeal, &amina).await;
        assert_eq!(status, 200);
        let said = text_of(&form);
        assert!(said.contains("Your comment:"), "{said}");
        assert!(said.contains(text), "{said}");
        assert!(said.contains("a moderator hid it"), "{said}");
        assert!(said.contains("The reason: Off topic."), "{said}");
        assert!(form.contains("<time datetime=\""), "when, as a date");
        let (_, ar) = s.page(&format!("{appeal}?lang=ar"), &amina).await;
        assert!(text_of(&ar).contains("أخفاه مشرف"), "{}", text_of(&ar));

        let res = s
            .post(
                &appeal,
                &amina,
                &[("csrf", &amina_csrf), ("text", "It is on topic: safety.")],
            )
            .await;
        assert_eq!(res.status(), 303);
        // Opened again, the appeal page says where the appeal stands, with
        // no second form.
        let (status, again) = s.page(&appeal, &amina).await;
        assert_eq!(status, 200);
        let said = text_of(&again);
        assert!(said.contains("You appealed this decision on"), "{said}");
        assert!(!again.contains("name=\"text\""), "no form");
        let (_, ar) = s.page(&format!("{appeal}?lang=ar"), &amina).await;
        assert!(
            text_of(&ar).contains("لقد استأنفت هذا القرار"),
            "{}",
            text_of(&ar)
        );

        // Another moderator finds only the appeal's decision to take.
        let (karim, karim_csrf) = sign_in(&s, KARIM).await;
        let (_, page) = s.page(&item, &karim).await;
        assert!(page.contains("name=\"action\" value=\"uphold\""), "{page}");
        assert!(page.contains("name=\"action\" value=\"overturn\""));
        assert!(!page.contains("value=\"restore\""), "no decision form");
        assert!(!page.contains("value=\"approve\""));
        // A decision sent anyway is refused, and nothing changes.
        let res = s
            .post(
                &item,
                &karim,
                &[("csrf", &karim_csrf), ("action", "restore")],
            )
            .await;
        assert_eq!(res.status(), 409);
        let page = s.html(&format!("/discussions/{id}")).await;
        assert!(!page.contains(text), "still hidden");
        // Visitors see where it was and why, though nobody replied to it.
        assert!(
            text_of(&page).contains("hidden by a moderator"),
            "{}",
            text_of(&page)
        );
        // The appeal decides it.
        let res = s
            .post(
                &item,
                &karim,
                &[("csrf", &karim_csrf), ("action", "overturn")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (_, page) = s.page(&item, &karim).await;
        assert!(
            page.contains("value=\"hide\""),
            "decisions again once decided"
        );
    }
}
