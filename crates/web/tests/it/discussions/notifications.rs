//! Notifications over HTTP with the demo: Amina's page and the header's
//! unread count, marking read, choices, following; a moderator's decision
//! emailed to its author in their language through the real loopback
//! SMTP server, with one-click unsubscribe headers and a link that works
//! without signing in.

use cohesion_domain::discussion::decision::Decision;
use cohesion_domain::discussion::moderation::ReportReason;
use cohesion_domain::discussion::notification::Kind;
use cohesion_domain::local_time::SiteZone;
use cohesion_i18n::Catalog;
use cohesion_services::accounts;
use cohesion_services::discussions::{moderating, notifying};
use cohesion_services::mail::{deliver_pending, Mailer};
use cohesion_testkit::smtp::SmtpServer;
use cohesion_web::WebConfig;

use super::{comment_with, open_id, servers, sign_in, AMINA, TOM};
use crate::support::text_of;

const GRACE: &str = "grace@brightwater.example";
const SAMIR: &str = "samir@brightwater.example";
/// The open demo discussion's title as the demo translated it.
const ARABIC_TITLE: &str = "الشعور بالأمان في برايتووتر: كيف يتم التعامل مع حوادث الكراهية؟";

/// The signed-in person a Cookie header is for, to act through services.
async fn me(s: &crate::support::Server, cookie: &str) -> accounts::SignedIn {
    let value = cookie.trim_start_matches("cohesion_session=");
    accounts::session(s.db(), value).await.unwrap().unwrap()
}

#[tokio::test]
async fn amina_reads_her_notifications_and_marks_them_read() {
    for s in servers().await {
        let (amina, csrf) = sign_in(&s, AMINA).await;
        let (status, html) = s.page("/notifications", &amina).await;
        assert_eq!(status, 200);
        let text = text_of(&html);
        // Who replied is named, as the thread names them.
        assert!(
            text.contains("Tom Fletcher") && text.contains(" replied to your comment in"),
            "{text}"
        );
        assert!(!text.contains("Someone replied"), "{text}");
        assert!(text.contains("Feeling safe in Brightwater"));
        assert!(
            html.contains("href=\"/notifications\""),
            "the header links it"
        );
        assert!(text.contains("unread)"), "the header counts: {text}");
        assert!(
            !html.contains("#comment-"),
            "through the step that marks read"
        );

        // In Arabic, the same notifications in Arabic words.
        // The discussion is named by its Arabic title, which the demo
        // translated, marked as Arabic rather than isolated as English.
        let (_, ar) = s.page("/notifications?lang=ar", &amina).await;
        let ar_text = text_of(&ar);
        assert!(ar_text.contains("على تعليقك في"), "{ar_text}");
        assert!(!ar_text.contains("ردّ أحدهم"), "{ar_text}");
        assert!(ar_text.contains(ARABIC_TITLE), "{ar_text}");
        assert!(
            !ar_text.contains("Feeling safe in Brightwater"),
            "{ar_text}"
        );

        let res = s
            .post("/notifications/read", &amina, &[("csrf", &csrf)])
            .await;
        assert_eq!(res.status(), 303);
        let (_, html) = s.page("/notifications", &amina).await;
        let text = text_of(&html);
        assert!(text.contains("No unread notifications"), "{text}");
        assert!(!text.contains("Mark all as read"));

        // A forged form token changes nothing.
        let res = s
            .post("/notifications/read", &amina, &[("csrf", "forged")])
            .await;
        assert!(res.status().is_client_error());

        // Someone without notifications sees the empty state.
        let (grace, _) = sign_in(&s, GRACE).await;
        let (_, html) = s.page("/notifications", &grace).await;
        assert!(text_of(&html).contains("You have no notifications yet."));
        // Signed out, the page asks to sign in.
        let res = s.get("/notifications").await;
        assert_ne!(res.status(), 200);
    }
}

/// The unread count the notifications page says, in words.
async fn unread_line(s: &crate::support::Server, cookie: &str) -> String {
    let (_, html) = s.page("/notifications", cookie).await;
    let at = html.find("role=\"status\">").expect("the count") + 14;
    html[at..at + html[at..].find("</p>").unwrap()].to_owned()
}

#[tokio::test]
async fn following_a_notifications_link_marks_it_read_and_leads_only_to_its_comment() {
    for s in servers().await {
        let (amina, _) = sign_in(&s, AMINA).await;
        let (_, html) = s.page("/notifications", &amina).await;
        let before = unread_line(&s, &amina).await;
        let end = html.find("/open\"").expect("a notification's link") + 5;
        let start = html[..end].rfind("href=\"").unwrap() + 6;
        let href = &html[start..end];
        assert!(href.starts_with("/notifications/"), "{href}");

        // Someone else following Amina's link is told it is not there,
        // and it stays unread.
        let (tom, _) = sign_in(&s, TOM).await;
        assert_eq!(s.get_with(href, &tom).await.status(), 404);
        assert_eq!(unread_line(&s, &amina).await, before);

        // Amina is sent on to the comment, and it is read.
        let res = s.get_with(href, &amina).await;
        assert_eq!(res.status(), 303);
        let to = res.headers()["location"].to_str().unwrap().to_owned();
        assert!(
            to.starts_with("/discussions/") && to.contains("#comment-"),
            "{to}"
        );
        assert_ne!(unread_line(&s, &amina).await, before);
        let (_, html) = s.page("/notifications", &amina).await;
        let li = &html[..html.find(href).unwrap()];
        let item = &li[li.rfind("<li").unwrap()..];
        assert!(!item.contains("--unread"), "{item}");
        // Following it again goes to the same place.
        let again = s.get_with(href, &amina).await;
        assert_eq!(again.headers()["location"].to_str().unwrap(), to);

        // Signed out, sign-in comes first and returns to the link.
        let res = s.get(href).await;
        assert_eq!(res.status(), 303);
        let sign_in_at = res.headers()["location"].to_str().unwrap();
        assert!(sign_in_at.starts_with("/sign-in?next="), "{sign_in_at}");
        // A link made up, or to no notification, goes nowhere.
        for bad in [
            "/notifications/not-an-id/open",
            "/notifications/00000000-0000-0000-0000-000000000000/open",
        ] {
            assert!(
                s.get_with(bad, &amina).await.status().is_client_error(),
                "{bad}"
            );
        }
    }
}

#[tokio::test]
async fn choices_are_saved_and_following_is_a_button() {
    for s in servers().await {
        let (tom, csrf) = sign_in(&s, TOM).await;
        let (status, html) = s.page("/notifications/settings", &tom).await;
        assert_eq!(status, 200);
        assert!(html.contains("Replies to my comments"));
        let res = s
            .post(
                "/notifications/settings",
                &tom,
                &[
                    ("csrf", &csrf),
                    ("site", "reply"),
                    ("email", "reply"),
                    ("email", "closing"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let who = me(&s, &tom).await;
        let choices = notifying::preferences(s.db(), &who).await.unwrap();
        assert!(choices.contains(&(Kind::Reply, true, true)));
        assert!(choices.contains(&(Kind::Moderation, false, false)));
        assert!(choices.contains(&(Kind::Closing, false, true)));
        let res = s
            .post(
                "/notifications/settings",
                &tom,
                &[("csrf", &csrf), ("site", "everything")],
            )
            .await;
        assert_eq!(res.status(), 422);

        let id = open_id(&s).await;
        let (_, page) = s.page(&format!("/discussions/{id}"), &tom).await;
        assert!(page.contains("Tell me when this discussion closes"));
        // The feed is named for what it is, not "follow" as well.
        assert!(page.contains("Subscribe to new comments in a feed reader"));
        assert!(!page.contains("Follow new comments"));
        let follow = format!("/discussions/{id}/follow");
        let res = s
            .post(&follow, &tom, &[("csrf", &csrf), ("follow", "yes")])
            .await;
        assert_eq!(res.status(), 303);
        let (_, page) = s
            .page(&format!("/discussions/{id}?done=discussion-followed"), &tom)
            .await;
        assert!(text_of(&page).contains("Saved: you will be told when this discussion closes."));
        assert!(page.contains("Stop telling me when it closes"));
        assert!(notifying::following(s.db(), &who, id.parse().unwrap())
            .await
            .unwrap());
        let res = s
            .post(&follow, &tom, &[("csrf", &csrf), ("follow", "maybe")])
            .await;
        assert_eq!(res.status(), 422);

        // "Your data" lists the choices and the discussion followed, by
        // its title, in either language.
        let (_, data) = s.page("/account/data", &tom).await;
        let text = text_of(&data)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let choices = text
            .split("What you chose to be told")
            .nth(1)
            .unwrap_or_else(|| panic!("{text}"));
        assert!(
            choices.contains("Replies to my comments Yes Yes"),
            "{choices}"
        );
        assert!(choices.contains("Moderators’ decisions about my comments No No"));
        let following = text
            .split("Discussions you asked to hear about closing")
            .nth(1)
            .unwrap();
        assert!(
            following.contains("Feeling safe in Brightwater"),
            "{following}"
        );
        let (_, ar) = s.page("/account/data?lang=ar", &tom).await;
        let ar = text_of(&ar);
        assert!(ar.contains("النقاشات التي طلبت أن تُبلَّغ بإغلاقها"), "{ar}");
        assert!(ar.contains("ما اخترت أن تُبلَّغ به"));
    }
}

#[tokio::test]
async fn a_hidden_comment_is_emailed_in_its_authors_language_with_one_click_unsubscribe() {
    for s in servers().await {
        let id = open_id(&s).await;
        let page = s.html(&format!("/discussions/{id}")).await;
        let samirs = comment_with(&page, "أتفق مع أمينة").parse().unwrap();
        let (grace, _) = sign_in(&s, GRACE).await;
        let grace = me(&s, &grace).await;
        let off_topic = Decision::Hide(ReportReason::from_code("off_topic").unwrap());
        moderating::decide(s.db(), &grace, samirs, &off_topic, "", None)
            .await
            .unwrap();

        // Samir reads it on his page in his language…
        let (samir, _) = sign_in(&s, SAMIR).await;
        let (_, html) = s.page("/notifications?lang=ar", &samir).await;
        let text = text_of(&html);
        assert!(text.contains("أخفى مشرف تعليقك في"), "{text}");
        assert!(text.contains("السبب: خارج الموضوع"), "{text}");

        // …and by email, written by the server's step and sent over SMTP.
        let state = cohesion_web::state(
            s.db().clone(),
            Catalog::load().unwrap(),
            WebConfig::default(),
        );
        let (_, written) = cohesion_web::notification_round(&state).await.unwrap();
        assert!(written >= 1);
        let smtp = SmtpServer::start().await;
        let mailer = Mailer::new(&smtp.url(), "no-reply@council.example").unwrap();
        deliver_pending(s.db(), &mailer, 50).await.unwrap();
        let got = smtp.received();
        let mail = got
            .iter()
            .find(|m| m.rcpt_to == [SAMIR])
            .expect("an email to Samir");
        assert_eq!(mail.decoded_subject(), "قرار بشأن تعليقك");
        let body = mail.decoded_body();
        assert!(body.contains("أخفى مشرف تعليقك في"), "{body}");
        assert!(body.contains(ARABIC_TITLE), "in his language: {body}");
        assert!(!body.contains("Feeling safe"), "{body}");
        // It says when, as people write dates, in Arabic and the site's
        // zone: "حدث ذلك في 7 ديسمبر 2026 الساعة …".
        let today = SiteZone::default()
            .civil(time::OffsetDateTime::now_utc())
            .date();
        let catalog = Catalog::load().unwrap();
        let month = catalog
            .get("ar")
            .unwrap()
            .t(&format!("date-month-{}", u8::from(today.month())))
            .into_owned();
        let date = format!("{} {month} {}", today.day(), today.year());
        assert!(body.contains(&format!("حدث ذلك في {date}")), "{body}");
        assert!(
            !body.contains('\u{2068}'),
            "no isolation marks in plain text"
        );
        assert_eq!(
            mail.header("List-Unsubscribe-Post").as_deref(),
            Some("List-Unsubscribe=One-Click")
        );
        let header = mail.header("List-Unsubscribe").expect("List-Unsubscribe");
        let link = header.trim_start_matches('<').trim_end_matches('>');
        assert!(body.contains(link), "the link is in the text too");
        let path = &link[link.find("/notifications/unsubscribe").unwrap()..];

        // Opening the link asks first (mail scanners follow links)…
        let res = s.get(path).await;
        assert_eq!(res.status(), 200);
        assert_eq!(res.headers().get("referrer-policy").unwrap(), "no-referrer");
        let samir_me = me(&s, &samir).await;
        assert!(notifying::preferences(s.db(), &samir_me)
            .await
            .unwrap()
            .contains(&(Kind::Moderation, true, true)));
        // …and the mail program's one-click POST stops them, signed out.
        let res = s
            .client
            .post(s.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("List-Unsubscribe=One-Click")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        assert!(text_of(&res.text().await.unwrap()).contains("You will no longer get emails about"));
        assert!(notifying::preferences(s.db(), &samir_me)
            .await
            .unwrap()
            .contains(&(Kind::Moderation, true, false)));

        // A forged link is refused with a clear error, never a 500.
        let forged = "/notifications/unsubscribe?token=0123.moderation.abcdef";
        let res = s.client.post(s.url(forged)).send().await.unwrap();
        assert_eq!(res.status(), 422);
        let res = s
            .client
            .post(s.url("/notifications/unsubscribe"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422);
    }
}

/// The unread count stops at 100: a count that reached it is said as
/// "99+" in the header and "more than 99" on the page, never as an exact
/// "100", in English and Arabic.
#[tokio::test]
async fn a_capped_unread_count_says_more_than_99() {
    use cohesion_storage::discussions::notifications::{insert, NewNotification};
    for s in servers().await {
        let (grace, _) = sign_in(&s, GRACE).await;
        let who = me(&s, &grace).await;
        let id = open_id(&s).await.parse().unwrap();
        let (_, html) = s.page("/notifications", &grace).await;
        assert!(text_of(&html).contains("You have no notifications yet."));
        let mut c = s.db().acquire().await.unwrap();
        for n in 0..99 {
            let at = cohesion_storage::Timestamp::now();
            let new = NewNotification {
                user_id: who.user_id,
                kind: "closing",
                discussion_id: id,
                comment_id: None,
                detail: "",
                in_site: true,
                by_email: false,
                at,
            };
            insert(c.conn(), &new).await.unwrap();
            if n == 98 {
                drop(c);
                // 99 are said as they are.
                let (_, html) = s.page("/notifications", &grace).await;
                let text = text_of(&html);
                assert!(text.contains("Notifications (99 unread)"), "{text}");
                assert!(text.contains("99 unread notifications"), "{text}");
                c = s.db().acquire().await.unwrap();
                insert(c.conn(), &new).await.unwrap();
                insert(c.conn(), &new).await.unwrap();
            }
        }
        drop(c);
        let (_, html) = s.page("/notifications", &grace).await;
        let text = text_of(&html);
        assert!(text.contains("Notifications (99+ unread)"), "{text}");
        assert!(text.contains("More than 99 unread notifications"), "{text}");
        assert!(!text.contains("100"), "{text}");
        let (_, ar) = s.page("/notifications?lang=ar", &grace).await;
        let ar = text_of(&ar);
        assert!(ar.contains("أكثر من"), "{ar}");
        assert!(!ar.contains("100") && !ar.contains("١٠٠"), "{ar}");
    }
}
