//! Taking part through the forms: posting, replying, agreeing, editing,
//! deleting and reporting, and a held comment seen by its author only.

use super::{comment_with, open_id, saved_by, servers, sign_in, AMINA, TOM};

#[tokio::test]
async fn a_member_comments_replies_agrees_edits_deletes_and_reports() {
    for s in servers().await {
        let id = open_id(&s).await;
        let (cookie, csrf) = sign_in(&s, AMINA).await;
        let (_, page) = s.page(&format!("/discussions/{id}"), &cookie).await;
        assert!(page.contains("id=\"add-comment\""));
        assert!(page.contains("/discussions/house-rules"));

        // Post.
        let res = s
            .post(
                &format!("/discussions/{id}/comments"),
                &cookie,
                &[
                    ("csrf", &csrf),
                    ("text", "Street lights on Mill Lane would help."),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let to = res.headers()["location"].to_str().unwrap().to_owned();
        assert!(to.contains("done=comment-posted"), "{to}");
        let (_, page) = s.page(&to, &cookie).await;
        assert!(page.contains("Your comment has been posted."));
        let mine = comment_with(&page, "Street lights on Mill Lane");
        assert!(page.contains("just now</time>"), "a relative time");

        // A long comment shows its first part, and the whole on asking.
        let long = format!("{} The end of it.", "Buses after ten at night. ".repeat(30));
        let res = s
            .post(
                &format!("/discussions/{id}/comments"),
                &cookie,
                &[("csrf", &csrf), ("text", &long)],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (_, page) = s.page(&format!("/discussions/{id}"), &cookie).await;
        assert!(page.contains("<summary class=\"app-comment__toggle\">"));
        assert!(page.contains("Show full comment"));
        assert!(page.contains("The end of it."));
        assert!(page.contains(&format!("/comments/{mine}/edit")));

        // Reply to Tom's "Agree 100%".
        let (_, oldest) = s
            .page(&format!("/discussions/{id}?order=oldest"), &cookie)
            .await;
        let top = comment_with(&oldest, "I reported shouting at the bus station");
        let (_, thread) = s
            .page(&format!("/discussions/{id}/comments/{top}"), &cookie)
            .await;
        let toms = comment_with(&thread, "Agree 100%");
        let (status, form) = s
            .page(&format!("/discussions/{id}/comments/{toms}/reply"), &cookie)
            .await;
        assert_eq!(status, 200);
        assert!(form.contains("Reply to"));
        assert!(form.contains("/discussions/house-rules"));
        let res = s
            .post(
                &format!("/discussions/{id}/comments/{toms}/reply"),
                &cookie,
                &[("csrf", &csrf), ("text", "Could you say why, Tom?")],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(saved_by(&s, AMINA, "Could you say why, Tom?").await, 1);
        // A reply is confirmed as a reply, in both languages.
        let to = res.headers()["location"].to_str().unwrap().to_owned();
        assert!(to.contains("done=reply-posted"), "{to}");
        let (_, page) = s.page(&to, &cookie).await;
        assert!(page.contains("Your reply has been posted."));
        assert!(!page.contains("Your comment has been posted."));
        let (address, _) = to.split_once('#').unwrap();
        let (_, page) = s.page(&format!("{address}&lang=ar"), &cookie).await;
        assert!(page.contains("نُشر ردّك."), "{page}");

        // Agree, then withdraw.
        let res = s
            .post(
                &format!("/discussions/{id}/comments/{toms}/agree"),
                &cookie,
                &[
                    ("csrf", &csrf),
                    ("agree", "yes"),
                    ("from", &format!("/discussions/{id}/comments/{top}")),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let to = res.headers()["location"].to_str().unwrap().to_owned();
        assert!(
            to.starts_with(&format!(
                "/discussions/{id}/comments/{top}?done=comment-agreed"
            )),
            "{to}"
        );
        let (_, thread) = s.page(&to, &cookie).await;
        assert!(thread.contains("Withdraw agreement"));
        assert!(thread.contains("1 person agrees"));
        let res = s
            .post(
                &format!("/discussions/{id}/comments/{toms}/agree"),
                &cookie,
                &[
                    ("csrf", &csrf),
                    ("agree", "no"),
                    ("from", "https://elsewhere.example/"),
                ],
            )
            .await;
        let to = res.headers()["location"].to_str().unwrap().to_owned();
        assert!(
            to.starts_with(&format!("/discussions/{id}?done=agreement-withdrawn")),
            "{to}"
        );
        // The comment itself says so, where the page opens.
        assert!(
            to.contains(&format!("&comment={toms}#comment-{toms}")),
            "{to}"
        );

        // Edit within 15 minutes.
        let (status, form) = s
            .page(&format!("/discussions/{id}/comments/{mine}/edit"), &cookie)
            .await;
        assert_eq!(status, 200);
        assert!(form.contains("Street lights on Mill Lane"));
        let res = s
            .post(
                &format!("/discussions/{id}/comments/{mine}/edit"),
                &cookie,
                &[
                    ("csrf", &csrf),
                    ("text", "Brighter street lights on Mill Lane would help."),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (_, page) = s.page(&format!("/discussions/{id}"), &cookie).await;
        assert!(page.contains("Brighter street lights"));
        assert!(page.contains("· Edited"));

        // Report Tom's comment: the form, then thanks; sent twice, the
        // one report stands and the same thanks (with its way back) show.
        let (status, form) = s
            .page(
                &format!("/discussions/{id}/comments/{toms}/report"),
                &cookie,
            )
            .await;
        assert_eq!(status, 200);
        assert!(form.contains("Hate against a group"));
        assert!(form.contains("govuk-radios__hint"));
        let report = [
            ("csrf", csrf.as_str()),
            ("reason", "off_topic"),
            ("note", ""),
        ];
        let res = s
            .post(
                &format!("/discussions/{id}/comments/{toms}/report"),
                &cookie,
                &report,
            )
            .await;
        assert_eq!(res.status(), 303);
        let to = res.headers()["location"].to_str().unwrap().to_owned();
        let (_, thanks) = s.page(&to, &cookie).await;
        assert!(thanks.contains("Thank you for your report"));
        let again = s
            .post(
                &format!("/discussions/{id}/comments/{toms}/report"),
                &cookie,
                &report,
            )
            .await;
        assert_eq!(again.status(), 303);
        assert_eq!(again.headers()["location"].to_str().unwrap(), to);

        // Delete: asked first, then done; a notice keeps no place for a
        // comment without replies.
        let (status, ask) = s
            .page(
                &format!("/discussions/{id}/comments/{mine}/delete"),
                &cookie,
            )
            .await;
        assert_eq!(status, 200);
        assert!(ask.contains("Delete your comment?"));
        let res = s
            .post(
                &format!("/discussions/{id}/comments/{mine}/delete"),
                &cookie,
                &[("csrf", &csrf)],
            )
            .await;
        assert_eq!(res.status(), 200, "no confirm: asked again");
        let res = s
            .post(
                &format!("/discussions/{id}/comments/{mine}/delete"),
                &cookie,
                &[("csrf", &csrf), ("confirm", "yes")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let page = s.html(&format!("/discussions/{id}")).await;
        assert!(!page.contains("Brighter street lights"));

        // Arabic forms.
        let (_, ar) = s
            .page(
                &format!("/discussions/{id}/comments/{toms}/report?lang=ar"),
                &cookie,
            )
            .await;
        assert!(ar.contains("كراهية ضد فئة من الناس"));
    }
}

#[tokio::test]
async fn a_held_comment_is_seen_by_its_author_only() {
    for s in servers().await {
        let id = open_id(&s).await;
        let held = "know where the station is";
        let (toms, _) = sign_in(&s, TOM).await;
        let (_, page) = s.page(&format!("/discussions/{id}"), &toms).await;
        assert!(page.contains(held));
        assert!(page.contains("Awaiting moderation: only you can see this comment"));
        let (amina, _) = sign_in(&s, AMINA).await;
        let (_, page) = s.page(&format!("/discussions/{id}"), &amina).await;
        assert!(!page.contains(held));
        assert!(!s.html(&format!("/discussions/{id}")).await.contains(held));
        // "Your data" lists the comment, where it stands in words.
        let (status, data) = s.page("/account/data", &toms).await;
        assert_eq!(status, 200);
        assert!(data.contains("Your comments in discussions"));
        assert!(data.contains(held));
        assert!(data.contains("Awaiting moderation"));
        assert!(data.contains("Your agreements and reports"));
        assert!(data.contains("You agreed with a comment"));
        // Moderators are told why it waits as the rules held it: Tom has
        // published comments, so not as a member's first comment, but
        // for the demo's word list entry it contains.
        let (grace, _) = sign_in(&s, "grace@brightwater.example").await;
        let (_, queue) = s.page("/moderation?flag=held", &grace).await;
        let queue = crate::support::text_of(&queue).replace(['\u{2068}', '\u{2069}'], "");
        assert!(queue.contains(held), "{queue}");
        assert!(
            queue.contains("Contains “know where the station is” from the word list"),
            "{queue}"
        );
        assert!(
            !queue.contains("A member’s first comments are checked"),
            "{queue}"
        );
    }
}
