//! Notifications: a reply tells the parent's author (never oneself);
//! moderators' decisions tell the author what happened and why; a
//! followed discussion's closing is told once; each person's choices
//! are kept; emails land in the outbox with a one-click unsubscribe link
//! that works without signing in, and a forged link changes nothing.

use cohesion_domain::discussion::decision::Decision;
use cohesion_domain::discussion::moderation::ReportReason;
use cohesion_domain::discussion::notification::Kind;
use cohesion_domain::ErrorCode;
use cohesion_services::accounts::{Letter, Passwords};
use cohesion_services::discussions::notifying::{self, Links, Notification, NotificationLetters};
use cohesion_services::discussions::{commenting, moderating};
use cohesion_storage::{outbox, Timestamp};
use cohesion_testkit as testkit;
use time::Duration;

use super::fixtures::{cast, decided, posted};
use crate::support::{code, BASE};

/// Letters that say which notification they carry and its links.
struct Plain;

impl NotificationLetters for Plain {
    fn write(&self, n: &Notification, locale: &str, links: &Links) -> Letter {
        Letter {
            subject: format!("[{locale}] {} {}", n.kind, n.detail),
            body: format!(
                "Open {}\nSettings {}\nUnsubscribe {}",
                links.open, links.settings, links.unsubscribe
            ),
        }
    }
}

#[tokio::test]
async fn a_reply_tells_the_parents_author_but_not_oneself() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let people = cast(db, &pw, "Replies", "off").await;
        let d = people.d;
        let top = commenting::post(db, &people.rita, d, None, "The park needs lights")
            .await
            .unwrap();
        commenting::post(db, &people.rita, d, Some(top.id), "And benches, I add")
            .await
            .unwrap();
        assert_eq!(
            notifying::unread(db, &people.rita).await.unwrap(),
            0,
            "not oneself"
        );
        let reply = commenting::post(db, &people.sam, d, Some(top.id), "Agreed, lights")
            .await
            .unwrap();
        let (list, next) = notifying::page(db, &people.rita, None, "en").await.unwrap();
        assert_eq!(list.len(), 1);
        assert!(next.is_none());
        assert_eq!(list[0].kind, "reply");
        assert_eq!(list[0].comment_id, Some(reply.id));
        assert_eq!(list[0].thread_id, Some(top.id));
        assert_eq!(list[0].discussion_title, "Replies");
        assert_eq!(list[0].replier.as_deref(), Some("Sam S"), "who replied");
        assert_eq!(
            notifying::address_of(&list[0]),
            format!("/discussions/{d}/comments/{}#comment-{}", top.id, reply.id)
        );
        // Sam was told nothing, and cannot mark Rita's read.
        assert!(notifying::page(db, &people.sam, None, "en")
            .await
            .unwrap()
            .0
            .is_empty());
        assert_eq!(
            notifying::mark_read(db, &people.sam, Some(list[0].id))
                .await
                .unwrap(),
            0
        );
        assert_eq!(notifying::unread(db, &people.rita).await.unwrap(), 1);
        notifying::mark_read(db, &people.rita, Some(list[0].id))
            .await
            .unwrap();
        assert_eq!(notifying::unread(db, &people.rita).await.unwrap(), 0);
        // A reply only in the site by default: nothing is emailed.
        assert_eq!(
            notifying::write_emails(db, &Plain, BASE, 10).await.unwrap(),
            0
        );
    }
}

#[tokio::test]
async fn choices_are_kept_and_emails_carry_a_working_unsubscribe_link() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let people = cast(db, &pw, "Choices", "off").await;
        let d = people.d;
        let top = commenting::post(db, &people.rita, d, None, "Streetlights please")
            .await
            .unwrap();

        // Nothing in the site, replies by email.
        notifying::set_preferences(db, &people.rita, &[(Kind::Reply, false, true)])
            .await
            .unwrap();
        let choices = notifying::preferences(db, &people.rita).await.unwrap();
        assert!(choices.contains(&(Kind::Reply, false, true)));
        assert!(choices.contains(&(Kind::Moderation, true, true)), "default");
        commenting::post(db, &people.sam, d, Some(top.id), "Yes, streetlights")
            .await
            .unwrap();
        assert!(notifying::page(db, &people.rita, None, "en")
            .await
            .unwrap()
            .0
            .is_empty());
        assert_eq!(notifying::unread(db, &people.rita).await.unwrap(), 0);

        assert_eq!(
            notifying::write_emails(db, &Plain, BASE, 10).await.unwrap(),
            1
        );
        // Written once, however many rounds run.
        assert_eq!(
            notifying::write_emails(db, &Plain, BASE, 10).await.unwrap(),
            0
        );
        let mail = {
            let mut c = db.acquire().await.unwrap();
            outbox::to_address(c.conn(), "rita@example.org", 1)
                .await
                .unwrap()
        };
        let m = &mail[0];
        assert_eq!(m.subject, "[en] reply ");
        let link = m.unsubscribe.clone().expect("an unsubscribe address");
        assert!(link.starts_with(&format!("{BASE}/notifications/unsubscribe?token=")));
        assert!(m.body.contains(&link), "{}", m.body);
        assert!(m.body.contains(&format!("{BASE}/notifications/settings")));

        // A forged or altered link is refused and changes nothing.
        let token = link.split("token=").nth(1).unwrap();
        // Its last character changed (to one it is not).
        let last = if token.ends_with('0') { "1" } else { "0" };
        let forged = format!("{}{last}", &token[..token.len() - 1]);
        let e = notifying::unsubscribe(db, &forged).await.unwrap_err();
        assert_eq!(code(e), ErrorCode::InvalidToken);
        let other_kind = token.replacen(".reply.", ".closing.", 1);
        assert!(notifying::unsubscribe(db, &other_kind).await.is_err());
        assert!(notifying::preferences(db, &people.rita)
            .await
            .unwrap()
            .contains(&(Kind::Reply, false, true)));

        // The real one stops reply emails and keeps the site's choice.
        assert_eq!(
            notifying::unsubscribe(db, token).await.unwrap(),
            Kind::Reply
        );
        assert!(notifying::preferences(db, &people.rita)
            .await
            .unwrap()
            .contains(&(Kind::Reply, false, false)));
        commenting::post(db, &people.sam, d, Some(top.id), "Still streetlights")
            .await
            .unwrap();
        assert_eq!(
            notifying::write_emails(db, &Plain, BASE, 10).await.unwrap(),
            0
        );
    }
}

#[tokio::test]
async fn authors_are_told_what_moderators_decided_and_why() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let people = cast(db, &pw, "Decisions", "off").await;
        let d = people.d;
        let (c, _) = posted(db, &people.rita, d, "Buy cheap watches").await;
        let hide = Decision::Hide(ReportReason::from_code("spam").unwrap());
        decided(db, &people.grace, c, &hide, "").await;
        decided(db, &people.grace, c, &Decision::Escalate, "").await;
        moderating::appeal(db, &people.rita, c, "It was about the market stall")
            .await
            .unwrap();
        moderating::decide_appeal(db, &people.karim, c, false, "", None)
            .await
            .unwrap();
        let (list, _) = notifying::page(db, &people.rita, None, "en").await.unwrap();
        let details: Vec<&str> = list.iter().map(|n| n.detail.as_str()).collect();
        // Newest first; the escalation changed nothing Rita can see.
        assert_eq!(details, ["appeal_overturned", "hide:spam"]);
        assert!(list.iter().all(|n| n.kind == "moderation"));
        // Moderation outcomes are emailed unless the author says not.
        assert_eq!(
            notifying::write_emails(db, &Plain, BASE, 10).await.unwrap(),
            2
        );
        // Moderators hear nothing of their own decisions.
        assert!(notifying::page(db, &people.grace, None, "en")
            .await
            .unwrap()
            .0
            .is_empty());
    }
}

#[tokio::test]
async fn a_followed_discussion_closing_is_told_once() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let people = cast(db, &pw, "Closing soon", "off").await;
        let d = people.d;
        notifying::follow(db, &people.rita, d, true).await.unwrap();
        notifying::follow(db, &people.sam, d, true).await.unwrap();
        notifying::follow(db, &people.sam, d, false).await.unwrap();
        assert!(notifying::following(db, &people.rita, d).await.unwrap());
        assert!(!notifying::following(db, &people.sam, d).await.unwrap());

        // Not closed yet: nobody is told.
        assert_eq!(
            notifying::tell_closings(db, Timestamp::now(), 10)
                .await
                .unwrap(),
            0
        );
        // An hour after it closes (it runs 30 days from yesterday).
        let later =
            Timestamp::from(Timestamp::now().as_offset() + Duration::days(29) + Duration::hours(1));
        assert_eq!(notifying::tell_closings(db, later, 10).await.unwrap(), 1);
        assert_eq!(
            notifying::tell_closings(db, later, 10).await.unwrap(),
            0,
            "once"
        );
        let (list, _) = notifying::page(db, &people.rita, None, "en").await.unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].kind, "closing");
        assert_eq!(notifying::address_of(&list[0]), format!("/discussions/{d}"));
        assert!(notifying::page(db, &people.sam, None, "en")
            .await
            .unwrap()
            .0
            .is_empty());
    }
}

#[tokio::test]
async fn a_reply_by_an_erased_account_stays_anonymous() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let people = cast(db, &pw, "Replies", "off").await;
        let d = people.d;
        let top = commenting::post(db, &people.rita, d, None, "The park needs lights")
            .await
            .unwrap();
        commenting::post(db, &people.sam, d, Some(top.id), "Agreed, lights")
            .await
            .unwrap();
        let (list, _) = notifying::page(db, &people.rita, None, "en").await.unwrap();
        assert_eq!(list[0].replier.as_deref(), Some("Sam S"));
        cohesion_services::accounts::your_data::delete_account(
            db,
            &pw,
            &people.sam,
            crate::support::PASSWORD,
            cohesion_services::erasure::Contributions::Keep,
            None,
        )
        .await
        .unwrap();
        let (list, _) = notifying::page(db, &people.rita, None, "en").await.unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].replier, None, "the reply stays, its author unnamed");
    }
}
