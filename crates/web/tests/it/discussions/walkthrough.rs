//! What an outside reviewer tripped on, through the pages: a comment form
//! sent twice makes one comment (ADR 40); what was done is said inside
//! the comment the page opens at; invisible direction controls typed
//! into a comment are not kept; the comment and statement boxes count
//! characters; an expired form token says so, not who may do what.

use super::{comment_with, open_id, saved_by, servers, sign_in, AMINA, TOM};
use crate::support::Server;

/// The value of the hidden `key` field of the form on `html`.
fn form_key(html: &str) -> String {
    let marker = "name=\"key\" value=\"";
    let at = html.find(marker).expect("a form key") + marker.len();
    html[at..at + html[at..].find('"').unwrap()].to_owned()
}

/// Posts `text` to `path` with `key`; where it leads.
async fn send(
    s: &Server,
    path: &str,
    (cookie, csrf): (&str, &str),
    text: &str,
    key: &str,
) -> String {
    let res = s
        .post(
            path,
            cookie,
            &[("csrf", csrf), ("text", text), ("key", key)],
        )
        .await;
    assert_eq!(res.status(), 303, "{path}");
    res.headers()["location"].to_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_comment_or_reply_form_sent_twice_makes_one_comment() {
    for s in servers().await {
        let id = open_id(&s).await;
        let (cookie, csrf) = sign_in(&s, AMINA).await;
        let me = (cookie.as_str(), csrf.as_str());
        let (_, page) = s.page(&format!("/discussions/{id}"), &cookie).await;
        let key = form_key(&page);
        assert_eq!(key.len(), 64);
        let comments = format!("/discussions/{id}/comments");
        let text = "The bus shelter on Quay Street needs a light.";
        let first = send(&s, &comments, me, text, &key).await;
        // The button pressed twice, or the form sent again after going back.
        let again = send(&s, &comments, me, text, &key).await;
        assert_eq!(first, again, "to the same comment");
        assert_eq!(saved_by(&s, AMINA, "Quay Street").await, 1);
        // Even with the text changed in between: it is the same form.
        let changed = send(&s, &comments, me, "The bus shelter, again", &key).await;
        assert_eq!(changed, first);
        assert_eq!(saved_by(&s, AMINA, "bus shelter").await, 1);
        // The page's next showing has a fresh key: a new comment.
        let (_, page) = s.page(&first, &cookie).await;
        let fresh = form_key(&page);
        assert_ne!(fresh, key);
        send(&s, &comments, me, text, &fresh).await;
        assert_eq!(saved_by(&s, AMINA, "Quay Street").await, 2);
        // Another member's post with the same key is theirs alone.
        let (tom, tom_csrf) = sign_in(&s, TOM).await;
        let toms = send(&s, &comments, (&tom, &tom_csrf), "Quay Street, yes", &key).await;
        assert_ne!(toms, first);
        assert_eq!(saved_by(&s, TOM, "Quay Street, yes").await, 1);

        // A reply form, likewise.
        let mine = comment_with(&page, "Quay Street needs a light");
        let reply_path = format!("/discussions/{id}/comments/{mine}/reply");
        let (status, form) = s.page(&reply_path, &tom).await;
        assert_eq!(status, 200);
        let key = form_key(&form);
        let me = (tom.as_str(), tom_csrf.as_str());
        let first = send(&s, &reply_path, me, "Which end of it?", &key).await;
        let again = send(&s, &reply_path, me, "Which end of it?", &key).await;
        assert_eq!(first, again);
        assert_eq!(saved_by(&s, TOM, "Which end of it?").await, 1);

        // A form refused for its text keeps its key, so that the corrected
        // text sent with it is still taken once.
        let (_, form) = s.page(&reply_path, &tom).await;
        let key = form_key(&form);
        let res = s
            .post(
                &reply_path,
                &tom,
                &[("csrf", &tom_csrf), ("text", "  "), ("key", &key)],
            )
            .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert_eq!(form_key(&html), key);
        send(&s, &reply_path, me, "The harbour end.", &key).await;
        send(&s, &reply_path, me, "The harbour end.", &key).await;
        assert_eq!(saved_by(&s, TOM, "The harbour end.").await, 1);
    }
}

#[tokio::test]
async fn what_was_done_is_said_inside_the_comment_the_page_opens_at() {
    for s in servers().await {
        let id = open_id(&s).await;
        let (cookie, csrf) = sign_in(&s, AMINA).await;
        let (_, page) = s.page(&format!("/discussions/{id}"), &cookie).await;
        let to = send(
            &s,
            &format!("/discussions/{id}/comments"),
            (&cookie, &csrf),
            "Benches by the war memorial.",
            &form_key(&page),
        )
        .await;
        let (_, page) = s.page(&to, &cookie).await;
        let mine = comment_with(&page, "Benches by the war memorial.");
        assert!(to.ends_with(&format!("#comment-{mine}")), "{to}");
        let article = format!("id=\"comment-{mine}\"");
        let start = page.find(&article).unwrap();
        let end = start + page[start..].find("</article>").unwrap();
        let inside = &page[start..end];
        assert!(inside.contains("role=\"status\""), "{inside}");
        assert!(inside.contains("Your comment has been posted."), "{inside}");
        assert_eq!(
            page.matches("Your comment has been posted.").count(),
            1,
            "not at the top as well"
        );
        // In Arabic too.
        let (address, _) = to.split_once('#').unwrap();
        let (_, page) = s.page(&format!("{address}&lang=ar"), &cookie).await;
        let start = page.find(&article).unwrap();
        assert!(page[start..].contains("نُشر تعليقك."), "{page}");
        // A comment not on the page: the banner at the top says it.
        let (_, page) = s
            .page(
                &format!(
                    "/discussions/{id}?done=comment-posted&comment=00000000-0000-4000-8000-000000000000"
                ),
                &cookie,
            )
            .await;
        assert!(page.contains("govuk-notification-banner__title"));
        assert!(page.contains("Your comment has been posted."));
    }
}

#[tokio::test]
async fn direction_controls_typed_into_a_comment_are_not_kept() {
    for s in servers().await {
        let id = open_id(&s).await;
        let (cookie, csrf) = sign_in(&s, AMINA).await;
        let (_, page) = s.page(&format!("/discussions/{id}"), &cookie).await;
        send(
            &s,
            &format!("/discussions/{id}/comments"),
            (&cookie, &csrf),
            "See \u{202E}gpj.exe\u{202C} and\u{200B} \u{2066}more\u{2069}\u{FEFF}",
            &form_key(&page),
        )
        .await;
        assert_eq!(saved_by(&s, AMINA, "See gpj.exe and more").await, 1);
        for c in ['\u{202E}', '\u{200B}', '\u{2066}', '\u{FEFF}'] {
            assert_eq!(
                saved_by(&s, AMINA, &c.to_string()).await,
                0,
                "U+{:04X}",
                c as u32
            );
        }
    }
}

#[tokio::test]
async fn the_comment_and_statement_boxes_count_characters_in_both_languages() {
    for s in servers().await {
        let id = open_id(&s).await;
        let (cookie, _) = sign_in(&s, AMINA).await;
        let (_, page) = s.page(&format!("/discussions/{id}"), &cookie).await;
        assert!(page.contains("data-module=\"govuk-character-count\" data-maxlength=\"10000\""));
        assert!(page.contains("aria-describedby=\"text-info text-hint\""));
        assert!(page.contains("id=\"text-info\""));
        // Without scripts the hint still states the limit.
        assert!(page.contains("Up to 10,000 characters."));
        assert!(page.contains(
            " data-i18n.characters-under-limit.other=\"You have %{count} characters remaining\""
        ));
        let (_, ar) = s.page(&format!("/discussions/{id}?lang=ar"), &cookie).await;
        assert!(ar.contains("data-maxlength=\"10000\""));
        assert!(
            ar.contains(" data-i18n.characters-under-limit.few=\""),
            "six Arabic forms"
        );
        let (_, vote) = s.page(&format!("/discussions/{id}/vote"), &cookie).await;
        assert!(
            vote.contains("data-module=\"govuk-character-count\" data-maxlength=\"280\""),
            "{vote}"
        );
    }
}

#[tokio::test]
async fn an_expired_form_token_says_the_form_expired_and_leads_back() {
    for s in servers().await {
        let id = open_id(&s).await;
        let (cookie, _) = sign_in(&s, AMINA).await;
        let res = s
            .client
            .post(s.url(&format!("/discussions/{id}/comments")))
            .header("cookie", &cookie)
            .header("referer", s.url(&format!("/discussions/{id}")))
            .form(&[("csrf", "stale"), ("text", "Sent from an old page")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403);
        let html = res.text().await.unwrap();
        assert!(html.contains("This form has expired"), "{html}");
        assert!(html.contains("sent twice"));
        assert!(html.contains(&format!(
            "href=\"/discussions/{id}\">Go back to the page you were on"
        )));
        // Nothing about roles or Manage to a resident whose form expired.
        assert!(!html.contains("administrator"), "{html}");
        assert!(!html.contains("href=\"/manage\""));
        assert_eq!(saved_by(&s, AMINA, "Sent from an old page").await, 0);
        // In Arabic.
        let res = s
            .client
            .post(s.url(&format!("/discussions/{id}/comments?lang=ar")))
            .header("cookie", &cookie)
            .form(&[("csrf", "stale"), ("text", "x")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("انتهت صلاحية هذا النموذج"));
    }
}
