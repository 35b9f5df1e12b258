//! Posting, replying, editing, deleting, agreeing and reporting, and what
//! each reader then sees.

use cohesion_domain::discussion::comment::{Shown, State};
use cohesion_domain::discussion::record::Badge;
use cohesion_domain::ErrorCode;
use cohesion_services::accounts::Passwords;
use cohesion_services::discussions::{commenting, reactions, reading};
use cohesion_services::ServiceError;
use cohesion_storage::discussions::comments::{self, Order};
use cohesion_testkit as testkit;

use super::fixtures::{cast, held, stored};
use super::opened;
use crate::consultations::{officer, person, resident};
use crate::support::code;

#[tokio::test]
async fn a_thread_is_posted_read_and_reacted_to() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let people = cast(db, &pw, "Safer streets", "off").await;
        let d = people.d;

        let top = commenting::post(db, &people.rita, d, None, "  The bus station at night.  ")
            .await
            .unwrap();
        assert!(!top.held);
        let reply = commenting::post(
            db,
            &people.officer,
            d,
            Some(top.id),
            "Thank you. What time?",
        )
        .await
        .unwrap();
        // Replies six deep: the fourth level and below say whom they answer.
        let mut parent = reply.id;
        for n in 0..5 {
            parent = commenting::post(db, &people.sam, d, Some(parent), &format!("Deeper {n}"))
                .await
                .unwrap()
                .id;
        }

        let disc = reading::discussion(db, None, d).await.unwrap();
        assert_eq!(disc.comment_count, 7);
        let page = reading::page(db, None, &disc, Order::Newest, None)
            .await
            .unwrap();
        assert_eq!(page.threads.len(), 1);
        let thread = &page.threads[0];
        assert_eq!(thread.top.comment.body, "The bus station at night.");
        assert_eq!(thread.top.comment.badge, Badge::CommunityMember);
        assert_eq!(thread.replies[0].comment.badge, Badge::Official);
        let levels: Vec<usize> = thread.replies.iter().map(|r| r.level).collect();
        assert_eq!(levels, [1, 2, 3, 3, 3, 3]);
        assert_eq!(
            thread.replies[3].in_reply_to,
            Some(Some("Sam S".to_owned()))
        );
        assert_eq!(thread.replies[2].in_reply_to, None);

        // One agreement per person, withdrawable; not with one's own.
        reactions::agree(db, &people.sam, top.id, true)
            .await
            .unwrap();
        reactions::agree(db, &people.sam, top.id, true)
            .await
            .unwrap();
        let e = reactions::agree(db, &people.rita, top.id, true)
            .await
            .unwrap_err();
        assert_eq!(code(e), ErrorCode::CannotTargetSelf);
        let seen = reading::page(db, Some(&people.sam), &disc, Order::MostAgreed, None)
            .await
            .unwrap();
        assert_eq!(seen.threads[0].top.comment.agree_count, 1);
        assert!(seen.threads[0].top.agreed);
        reactions::agree(db, &people.sam, top.id, false)
            .await
            .unwrap();
        let mut c = db.acquire().await.unwrap();
        let stored = comments::find(c.conn(), top.id).await.unwrap().unwrap();
        assert_eq!(stored.agree_count, 0);
        drop(c);

        // One report per person, with a known reason.
        let e = reactions::report(db, &people.sam, top.id, "rude", "")
            .await
            .unwrap_err();
        assert_eq!(code(e), ErrorCode::InvalidChoice);
        reactions::report(db, &people.sam, top.id, "spam", "Posted everywhere")
            .await
            .unwrap();
        let e = reactions::report(db, &people.sam, top.id, "spam", "")
            .await
            .unwrap_err();
        assert_eq!(code(e), ErrorCode::AlreadyReported);

        // Edited within the window: the earlier text is kept.
        commenting::edit(db, &people.rita, top.id, "The bus station late at night.")
            .await
            .unwrap();
        let mut c = db.acquire().await.unwrap();
        let versions = comments::versions(c.conn(), top.id).await.unwrap();
        assert_eq!(versions.len(), 1);
        assert_eq!(versions[0].1, "The bus station at night.");
        drop(c);
        // Someone else's comment is not theirs to change.
        let e = commenting::edit(db, &people.sam, top.id, "Mine now")
            .await
            .unwrap_err();
        assert!(matches!(e, ServiceError::NotFound), "{e:?}");

        // Deleted by its author: a notice keeps its place for the replies.
        commenting::delete(db, &people.rita, top.id).await.unwrap();
        let page = reading::page(db, None, &disc, Order::Newest, None)
            .await
            .unwrap();
        assert_eq!(
            page.threads[0].top.shown,
            Shown::Notice(State::DeletedByAuthor)
        );
        assert_eq!(page.threads[0].replies.len(), 6);
        // And nobody can reply to it now.
        let e = commenting::post(db, &people.sam, d, Some(top.id), "Hello?")
            .await
            .unwrap_err();
        assert_eq!(code(e), ErrorCode::ReplyNotAllowed);
    }
}

#[tokio::test]
async fn bad_posts_are_refused_and_nothing_is_saved() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let rita = resident(db, &pw).await;
        let open = opened(db, &officer, "Open", -1, "off").await;
        let other = opened(db, &officer, "Other", -1, "off").await;
        let upcoming = opened(db, &officer, "Upcoming", 5, "off").await;

        for text in ["", "   \n ", "\u{200B}\u{202E}", &"x".repeat(10_001)] {
            let e = commenting::post(db, &rita, open, None, text)
                .await
                .unwrap_err();
            assert!(
                matches!(code(e), ErrorCode::FieldRequired | ErrorCode::FieldTooLong),
                "{text:?}"
            );
        }
        let e = commenting::post(db, &rita, upcoming, None, "Early")
            .await
            .unwrap_err();
        assert_eq!(code(e), ErrorCode::DiscussionNotOpen);
        let elsewhere = commenting::post(db, &rita, other, None, "Over here")
            .await
            .unwrap();
        let e = commenting::post(db, &rita, open, Some(elsewhere.id), "Crossing")
            .await
            .unwrap_err();
        assert_eq!(code(e), ErrorCode::ReplyNotAllowed);
        let e = commenting::post(db, &rita, open, Some(uuid::Uuid::nil()), "Forged")
            .await
            .unwrap_err();
        assert!(matches!(e, ServiceError::NotFound));
        let e = commenting::post(db, &rita, uuid::Uuid::nil(), None, "Forged")
            .await
            .unwrap_err();
        assert!(matches!(e, ServiceError::NotFound));

        let disc = reading::discussion(db, None, open).await.unwrap();
        assert_eq!(disc.comment_count, 0);
        let page = reading::page(db, None, &disc, Order::Newest, None)
            .await
            .unwrap();
        assert!(page.threads.is_empty());
    }
}

#[tokio::test]
async fn held_comments_are_their_authors_and_moderators_only() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let people = cast(db, &pw, "Held", "first").await;
        let d = people.d;

        let first = held(db, &people.rita, d, "My first comment").await;
        // Officers speak for the site and are not held.
        assert!(
            !commenting::post(db, &people.officer, d, None, "Welcome")
                .await
                .unwrap()
                .held
        );

        let disc = reading::discussion(db, None, d).await.unwrap();
        assert_eq!(disc.comment_count, 1);
        let count = |p: &reading::Page| p.threads.len();
        let public = reading::page(db, Some(&people.sam), &disc, Order::Oldest, None)
            .await
            .unwrap();
        assert_eq!(count(&public), 1);
        let own = reading::page(db, Some(&people.rita), &disc, Order::Oldest, None)
            .await
            .unwrap();
        assert_eq!(count(&own), 2);
        assert_eq!(
            own.threads[0].top.shown,
            Shown::Text {
                awaiting_moderation: true
            }
        );
        let moderator = reading::page(db, Some(&people.grace), &disc, Order::Oldest, None)
            .await
            .unwrap();
        assert_eq!(count(&moderator), 2);
        // Nobody replies to a held comment.
        let e = commenting::post(db, &people.sam, d, Some(first), "Reply")
            .await
            .unwrap_err();
        assert_eq!(code(e), ErrorCode::ReplyNotAllowed);
    }
}

#[tokio::test]
async fn pages_of_threads_follow_each_other_without_gaps() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let people = cast(db, &pw, "Busy", "off").await;
        let d = people.d;
        // Three writers, each well inside the posting throttle.
        let writers = [&people.officer, &people.rita, &people.sam];
        let total = reading::THREADS_PER_PAGE as usize * 2 + 3;
        for n in 0..total {
            commenting::post(db, writers[n % 3], d, None, &format!("Comment {n}"))
                .await
                .unwrap();
        }
        let disc = reading::discussion(db, None, d).await.unwrap();
        for order in [Order::Newest, Order::Oldest, Order::MostAgreed] {
            let mut seen = Vec::new();
            let mut cursor = None;
            loop {
                let page = reading::page(db, None, &disc, order, cursor).await.unwrap();
                seen.extend(page.threads.iter().map(|t| t.top.comment.body.clone()));
                match page.next {
                    Some(next) => cursor = Some(next),
                    None => break,
                }
            }
            assert_eq!(seen.len(), total, "{order:?}");
            let unique: std::collections::BTreeSet<_> = seen.iter().collect();
            assert_eq!(unique.len(), total, "{order:?}");
            if order == Order::Oldest {
                assert_eq!(seen[0], "Comment 0");
            }
        }
    }
}

/// Once a discussion closes its agreements are a record: neither a new
/// agreement nor a withdrawn one is taken, and nothing changes.
#[tokio::test]
async fn a_closed_discussion_takes_no_agreements() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let people = cast(db, &pw, "Safer parks", "off").await;
        let d = people.d;
        let top = commenting::post(db, &people.rita, d, None, "More lights by the pond.")
            .await
            .unwrap();
        reactions::agree(db, &people.sam, top.id, true)
            .await
            .unwrap();

        // Its dates move into the past: it closed ten days ago.
        cohesion_services::discussions::authoring::update(
            db,
            &people.officer,
            d,
            &super::input("Safer parks", -40, "off"),
            &cohesion_domain::local_time::SiteZone::utc(),
            &cohesion_domain::consultation::Languages::new("en", ["ar"]),
            None,
        )
        .await
        .unwrap();

        let tom = person(db, &pw, "tom@example.org", "Tom T", None).await;
        let e = reactions::agree(db, &tom, top.id, true).await.unwrap_err();
        assert_eq!(code(e), ErrorCode::DiscussionNotOpen);
        let e = reactions::agree(db, &people.sam, top.id, false)
            .await
            .unwrap_err();
        assert_eq!(code(e), ErrorCode::DiscussionNotOpen);
        let mut c = db.acquire().await.unwrap();
        let stored = comments::find(c.conn(), top.id).await.unwrap().unwrap();
        assert_eq!(stored.agree_count, 1, "the agreement stands as it was");
    }
}

/// Posts sent at the same moment each get their own place and are all
/// counted (ADR 39): the places come from slots taken at random, not
/// from one counter on the discussion's row.
#[tokio::test]
async fn posts_sent_at_once_get_their_own_places_and_all_count() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let d = opened(db, &officer, "At once", -1, "off").await;
        let mut members = Vec::new();
        for n in 0..12 {
            let email = format!("member{n}@example.org");
            members.push(person(db, &pw, &email, &format!("Member {n}"), None).await);
        }
        let first = commenting::post(db, &members[0], d, None, "Where the thread starts")
            .await
            .unwrap();
        let texts: Vec<(String, String)> = (0..members.len())
            .map(|n| (format!("Top {n}"), format!("Reply {n}")))
            .collect();
        let sends = members.iter().zip(&texts).flat_map(|(m, (top, reply))| {
            [
                commenting::post(db, m, d, None, top),
                commenting::post(db, m, d, Some(first.id), reply),
            ]
        });
        let posted = futures_util::future::join_all(sends).await;
        let mut paths = vec![stored(db, first.id).await.path];
        for p in posted {
            paths.push(stored(db, p.unwrap().id).await.path);
        }
        let distinct: std::collections::HashSet<&String> = paths.iter().collect();
        assert_eq!(distinct.len(), 25, "every comment has its own place");
        let disc = reading::discussion(db, None, d).await.unwrap();
        assert_eq!(disc.comment_count, 25);
    }
}
