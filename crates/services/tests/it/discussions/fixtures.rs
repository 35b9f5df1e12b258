//! What the discussions' tests share: the people of a moderated
//! discussion (Sam the second member, moderators Grace and Karim, senior
//! moderator Joan) and the discussion itself ([`Cast`]), the whole
//! queue, and comments held, reported, decided and read back as stored.
//! One place, so that a change to how a comment is reported or decided
//! is made once for every test.

use cohesion_domain::discussion::decision::Decision;
use cohesion_domain::discussion::record::Comment;
use cohesion_domain::identity::Role;
use cohesion_services::accounts::{Passwords, SignedIn};
use cohesion_services::discussions::{commenting, moderating, reactions};
use cohesion_storage::discussions::comments;
use cohesion_storage::discussions::moderation::QueueQuery;
use cohesion_storage::Db;
use uuid::Uuid;

use super::opened;
use crate::consultations::{officer, person, resident};

/// Someone called `first` (their address `first@example.org`, their
/// name `first` and its initial) holding `role`.
async fn named(db: &Db, pw: &Passwords, first: &str, role: Option<Role>) -> SignedIn {
    let email = format!("{}@example.org", first.to_lowercase());
    let name = format!("{first} {}", &first[..1]);
    person(db, pw, &email, &name, role).await
}

/// Sam, a second member: reports, replies and reads as the public.
pub(super) async fn sam(db: &Db, pw: &Passwords) -> SignedIn {
    named(db, pw, "Sam", None).await
}

/// Grace, the moderator who decides first.
pub(super) async fn grace(db: &Db, pw: &Passwords) -> SignedIn {
    named(db, pw, "Grace", Some(Role::Moderator)).await
}

/// Karim, a second moderator: decides appeals against Grace.
pub(super) async fn karim(db: &Db, pw: &Passwords) -> SignedIn {
    named(db, pw, "Karim", Some(Role::Moderator)).await
}

/// Joan, a senior moderator: decides escalated comments.
pub(super) async fn joan(db: &Db, pw: &Passwords) -> SignedIn {
    named(db, pw, "Joan", Some(Role::SeniorModerator)).await
}

/// The people most discussion tests start with, and the discussion they
/// meet in: the officer who opened it, Rita and Sam who write in it, and
/// Grace and Karim who moderate it.
pub(super) struct Cast {
    pub officer: SignedIn,
    pub rita: SignedIn,
    pub sam: SignedIn,
    pub grace: SignedIn,
    pub karim: SignedIn,
    /// Opened a day ago, called as the test says.
    pub d: Uuid,
}

impl Cast {
    /// Rita posts `text` in the discussion and Sam reports it for
    /// `reason`: its id (see [`reported`]).
    pub(super) async fn reported(&self, db: &Db, text: &str, reason: &str) -> Uuid {
        reported(db, &self.rita, &self.sam, self.d, text, reason).await
    }
}

/// Everyone of a [`Cast`], made in that order, then the officer's
/// discussion `title`, open since yesterday, its pre-moderation
/// `pre_moderation` (`off`, `first` or `all`).
pub(super) async fn cast(db: &Db, pw: &Passwords, title: &str, pre_moderation: &str) -> Cast {
    let officer = officer(db, pw).await;
    let rita = resident(db, pw).await;
    let sam = sam(db, pw).await;
    let grace = grace(db, pw).await;
    let karim = karim(db, pw).await;
    let d = opened(db, &officer, title, -1, pre_moderation).await;
    Cast {
        officer,
        rita,
        sam,
        grace,
        karim,
        d,
    }
}

/// The whole queue, a page of 50.
pub(super) fn all() -> QueueQuery<'static> {
    QueueQuery {
        limit: 50,
        ..Default::default()
    }
}

/// `author` posts `text` as a new comment in `d`: its id, and whether it
/// was held for a moderator.
pub(super) async fn posted(db: &Db, author: &SignedIn, d: Uuid, text: &str) -> (Uuid, bool) {
    let c = commenting::post(db, author, d, None, text).await.unwrap();
    (c.id, c.held)
}

/// `author` posts `text` in `d`, and the discussion's pre-moderation or
/// screening holds it for a moderator: its id.
pub(super) async fn held(db: &Db, author: &SignedIn, d: Uuid, text: &str) -> Uuid {
    let (id, held) = posted(db, author, d, text).await;
    assert!(held, "{text:?} is held");
    id
}

/// `author` posts `text` in `d` and `reporter` reports it for `reason`
/// (a report reason's code), which puts it in the queue: its id.
pub(super) async fn reported(
    db: &Db,
    author: &SignedIn,
    reporter: &SignedIn,
    d: Uuid,
    text: &str,
    reason: &str,
) -> Uuid {
    let (id, _) = posted(db, author, d, text).await;
    reactions::report(db, reporter, id, reason, "")
        .await
        .unwrap();
    id
}

/// `moderator` takes `decision` on comment `id`, with `note`.
pub(super) async fn decided(
    db: &Db,
    moderator: &SignedIn,
    id: Uuid,
    decision: &Decision,
    note: &str,
) {
    moderating::decide(db, moderator, id, decision, note, None)
        .await
        .unwrap();
}

/// Comment `id` as stored.
pub(super) async fn stored(db: &Db, id: Uuid) -> Comment {
    let mut c = db.acquire().await.unwrap();
    comments::find(c.conn(), id)
        .await
        .unwrap()
        .expect("the comment is stored")
}
