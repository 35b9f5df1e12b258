//! Notifications (issue 18 part 9): a person is told when someone replies
//! to their comment, when a moderator decides about it (ADR 34: what
//! happened and why, in their language), and when a discussion they
//! follow closes. Each kind goes to their notifications page and, if they
//! choose, by email, written to the outbox with a one-click unsubscribe.
//!
//! The use-cases that cause a notification (posting, deciding) write it
//! in their own transaction, as a row that says which kind, which
//! comment and which decision — never words, so the page reads it in the
//! reader's language of the day. Emails are written from those rows by
//! [`write_emails`], a step the server runs every few seconds, because
//! only the web layer knows the site's address and its translations;
//! it marks each row emailed in the same transaction as the outbox
//! message, so each is written once. [`tell_closings`] is the step that
//! notices discussions whose closing time has passed.

use cohesion_domain::discussion::comment::State;
use cohesion_domain::discussion::decision::Decision;
use cohesion_domain::discussion::notification::{tells_author, Kind};
use cohesion_domain::discussion::record::Comment;
use cohesion_domain::identity::Action;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::accounts::users;
use cohesion_storage::discussions::comments;
use cohesion_storage::discussions::notifications::{self as store, NewNotification};
use cohesion_storage::site::keys;
use cohesion_storage::{outbox, Conn, Db, Timestamp};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use uuid::Uuid;

pub use cohesion_storage::discussions::notifications::Notification;

use crate::accounts::tokens::{constant_time_eq, new_token};
use crate::accounts::{Letter, SignedIn};
use crate::permissions::require;
use crate::ServiceError;

/// Notifications on a page.
pub const PER_PAGE: i64 = 20;
/// The unread count stops here (the header shows "99+").
pub const UNREAD_CAP: i64 = 100;
/// Followers told of a closing per statement batch.
const FOLLOWERS_BATCH: i64 = 500;
/// A closing noticed later than this after it happened (a server that
/// was down for days, or a discussion followed after it closed) is not
/// news: it is marked told without telling anyone.
const CLOSING_NEWS_HOURS: i64 = 48;

/// Tells `user` about something, as their choice for `kind` says: a row
/// on their page, an email, both or nothing.
async fn tell(
    mut conn: Conn<'_>,
    user: Uuid,
    kind: Kind,
    discussion: Uuid,
    comment: Option<Uuid>,
    detail: &str,
    at: Timestamp,
) -> Result<(), ServiceError> {
    let (in_site, by_email) = choice(conn.reborrow(), user, kind).await?;
    if !in_site && !by_email {
        return Ok(());
    }
    store::insert(
        conn,
        &NewNotification {
            user_id: user,
            kind: kind.code(),
            discussion_id: discussion,
            comment_id: comment,
            detail,
            in_site,
            by_email,
            at,
        },
    )
    .await?;
    Ok(())
}

async fn choice(conn: Conn<'_>, user: Uuid, kind: Kind) -> Result<(bool, bool), ServiceError> {
    Ok(store::preferences(conn, user)
        .await?
        .into_iter()
        .find(|(k, _, _)| k == kind.code())
        .map_or(kind.default_choice(), |(_, site, email)| (site, email)))
}

/// A reply everyone may read (`reply`, by `author`) was placed under
/// `parent`: its author is told, unless they wrote the reply themselves.
pub(crate) async fn replied(
    conn: Conn<'_>,
    parent: &Comment,
    reply: Uuid,
    author: Option<Uuid>,
    at: Timestamp,
) -> Result<(), ServiceError> {
    match parent.author_id {
        Some(to) if Some(to) != author => {
            let discussion = parent.discussion_id;
            tell(conn, to, Kind::Reply, discussion, Some(reply), "", at).await
        }
        _ => Ok(()),
    }
}

/// A moderator took `decision` on `c` (as it was before): its author is
/// told what happened and why (a hide's public reason, a suspension's
/// days), when it changes something for them; a held reply let through
/// is, from now, a reply its parent's author hears of. Approving a
/// reported comment that stays as it was tells nobody: its author never
/// knew of the report.
pub(crate) async fn decided(
    mut conn: Conn<'_>,
    c: &Comment,
    decision: &Decision,
    at: Timestamp,
) -> Result<(), ServiceError> {
    let held = c.state == State::AwaitingModeration;
    if matches!(decision, Decision::Approve) {
        if !held {
            return Ok(());
        }
        if let Some(parent) = c.parent_id {
            if let Some(p) = comments::find(conn.reborrow(), parent).await? {
                replied(conn.reborrow(), &p, c.id, c.author_id, at).await?;
            }
        }
    }
    let detail = match decision {
        Decision::Hide(reason) => Some(reason.code().to_owned()),
        Decision::Suspend(days) => Some(days.to_string()),
        _ => None,
    };
    outcome(conn, c, decision.code(), detail.as_deref(), at).await
}

/// An appeal on `c` was decided: its author is told whether the decision
/// stands.
pub(crate) async fn appeal_decided(
    conn: Conn<'_>,
    c: &Comment,
    upheld: bool,
    at: Timestamp,
) -> Result<(), ServiceError> {
    let code = if upheld {
        "appeal_upheld"
    } else {
        "appeal_overturned"
    };
    outcome(conn, c, code, None, at).await
}

/// Tells `c`'s author of the decision `code` (with `detail` after a
/// colon), if it is one authors hear of.
async fn outcome(
    conn: Conn<'_>,
    c: &Comment,
    code: &str,
    detail: Option<&str>,
    at: Timestamp,
) -> Result<(), ServiceError> {
    let Some(author) = c.author_id else {
        return Ok(());
    };
    if !tells_author(code) {
        return Ok(());
    }
    let detail = match detail {
        Some(d) => format!("{code}:{d}"),
        None => code.to_owned(),
    };
    let discussion = c.discussion_id;
    tell(
        conn,
        author,
        Kind::Moderation,
        discussion,
        Some(c.id),
        &detail,
        at,
    )
    .await
}

/// A page of `me`'s notifications, newest first, before `before`, and
/// where the next page starts; each discussion named by its title in
/// `locale` where translated.
pub async fn page(
    db: &Db,
    me: &SignedIn,
    before: Option<(Timestamp, Uuid)>,
    locale: &str,
) -> Result<(Vec<Notification>, Option<(Timestamp, Uuid)>), ServiceError> {
    let mut c = db.acquire().await?;
    let mut list = store::page(c.conn(), me.user_id, before, PER_PAGE + 1).await?;
    let more = list.len() as i64 > PER_PAGE;
    list.truncate(PER_PAGE as usize);
    in_language(c.conn(), &mut list, locale).await?;
    let next = more
        .then(|| list.last().map(|n| (n.created_at, n.id)))
        .flatten();
    Ok((list, next))
}

/// Names each notification's discussion by its title in `locale` where
/// a current translation exists (one query for the list), and says so
/// by its language; the title as written elsewhere.
async fn in_language(
    conn: Conn<'_>,
    list: &mut [Notification],
    locale: &str,
) -> Result<(), ServiceError> {
    let wanted: Vec<(Uuid, &str, &str)> = list
        .iter()
        .map(|n| {
            (
                n.discussion_id,
                n.discussion_title.as_str(),
                n.discussion_language.as_str(),
            )
        })
        .collect();
    let titles = super::translations::titles_in_language(conn, &wanted, locale).await?;
    for n in list.iter_mut() {
        if let Some(title) = titles.get(&n.discussion_id) {
            n.discussion_title = title.clone();
            n.discussion_language = locale.to_owned();
        }
    }
    Ok(())
}

/// How many of `me`'s notifications are unread (up to [`UNREAD_CAP`]).
pub async fn unread(db: &Db, me: &SignedIn) -> Result<i64, ServiceError> {
    let mut c = db.acquire().await?;
    Ok(store::unread(c.conn(), me.user_id, UNREAD_CAP).await?)
}

/// Marks one of `me`'s notifications read, or all of them with `None`.
/// Someone else's is not found.
pub async fn mark_read(db: &Db, me: &SignedIn, id: Option<Uuid>) -> Result<u64, ServiceError> {
    let mut c = db.acquire().await?;
    Ok(store::mark_read(c.conn(), me.user_id, id, Timestamp::now()).await?)
}

/// Follows one of `me`'s notifications: marks it read and says where it
/// leads, which is only ever its own comment or discussion (so the link
/// cannot be made to send anyone elsewhere). Someone else's, or one that
/// does not exist, is not found.
pub async fn open(db: &Db, me: &SignedIn, id: Uuid) -> Result<String, ServiceError> {
    let mut tx = db.begin().await?;
    let n = store::find_of(tx.conn(), me.user_id, id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if n.read_at.is_none() {
        store::mark_read(tx.conn(), me.user_id, Some(id), Timestamp::now()).await?;
    }
    tx.commit().await?;
    Ok(address_of(&n))
}

/// Where following notification `n`'s link goes first: the step that
/// marks it read, then on to [`address_of`].
pub fn opening_address(n: &Notification) -> String {
    format!("/notifications/{}/open", n.id)
}

/// `me`'s choice for every kind: (kind, in the site, by email), the
/// defaults where they have not chosen.
pub async fn preferences(db: &Db, me: &SignedIn) -> Result<Vec<(Kind, bool, bool)>, ServiceError> {
    let mut c = db.acquire().await?;
    let stored = store::preferences(c.conn(), me.user_id).await?;
    Ok(Kind::ALL
        .into_iter()
        .map(|k| {
            let (site, email) = stored
                .iter()
                .find(|(code, _, _)| code == k.code())
                .map_or(k.default_choice(), |(_, s, e)| (*s, *e));
            (k, site, email)
        })
        .collect())
}

/// Saves `me`'s choices, one per kind given (in one transaction).
pub async fn set_preferences(
    db: &Db,
    me: &SignedIn,
    choices: &[(Kind, bool, bool)],
) -> Result<(), ServiceError> {
    let mut tx = db.begin().await?;
    for (kind, site, email) in choices {
        store::set_preference(tx.conn(), me.user_id, kind.code(), *site, *email).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Whether `me` follows the discussion.
pub async fn following(db: &Db, me: &SignedIn, discussion: Uuid) -> Result<bool, ServiceError> {
    let mut c = db.acquire().await?;
    Ok(store::follows(c.conn(), me.user_id, discussion).await?)
}

/// Follows (or stops following) a published discussion, to be told when
/// it closes.
pub async fn follow(
    db: &Db,
    me: &SignedIn,
    discussion: Uuid,
    follow: bool,
) -> Result<(), ServiceError> {
    require(me, Action::Participate)?;
    let mut tx = db.begin().await?;
    cohesion_storage::discussions::catalogue::find(tx.conn(), discussion)
        .await?
        .filter(|d| d.is_published())
        .ok_or(ServiceError::NotFound)?;
    store::set_following(tx.conn(), me.user_id, discussion, follow, Timestamp::now()).await?;
    tx.commit().await?;
    Ok(())
}

/// Follows a discussion inside a transaction under way (the demo).
pub(crate) async fn follow_in(
    conn: Conn<'_>,
    user: Uuid,
    discussion: Uuid,
    at: Timestamp,
) -> Result<(), ServiceError> {
    store::set_following(conn, user, discussion, true, at).await?;
    Ok(())
}

/// Tells the followers of every discussion that has closed by `now` and
/// not yet been told, at most `limit` discussions a round: the step the
/// server runs every minute. Each discussion is claimed (marked told)
/// in the transaction that tells its followers, so two servers never
/// tell anyone twice. How many people were told.
pub async fn tell_closings(db: &Db, now: Timestamp, limit: i64) -> Result<usize, ServiceError> {
    let due = {
        let mut c = db.acquire().await?;
        store::closings_untold(c.conn(), now, limit).await?
    };
    let mut told = 0;
    for (discussion, closed_at) in due {
        let mut tx = db.begin().await?;
        if !store::closing_told(tx.conn(), discussion, now).await? {
            continue;
        }
        let news =
            now.as_offset() - closed_at.as_offset() < time::Duration::hours(CLOSING_NEWS_HOURS);
        // Marked told either way; followers hear of it only while it is news.
        let mut after = None;
        while let Some(from) = news.then_some(after) {
            let batch = store::followers(tx.conn(), discussion, from, FOLLOWERS_BATCH).await?;
            for user in &batch {
                tell(tx.conn(), *user, Kind::Closing, discussion, None, "", now).await?;
            }
            told += batch.len();
            after = match batch.last() {
                Some(last) if batch.len() as i64 == FOLLOWERS_BATCH => Some(*last),
                _ => break,
            };
        }
        tx.commit().await?;
    }
    Ok(told)
}

/// The addresses an email carries.
#[derive(Debug, Clone)]
pub struct Links {
    /// What the notification is about (the comment in its thread, or the
    /// discussion), through the step that marks it read.
    pub open: String,
    /// The page where the person chooses what they are told.
    pub settings: String,
    /// Stops this kind of email, without signing in.
    pub unsubscribe: String,
}

/// Writes notification emails in the recipient's language; the web
/// layer implements it with the translated messages.
pub trait NotificationLetters: Send + Sync {
    fn write(&self, n: &Notification, locale: &str, links: &Links) -> Letter;
}

/// Writes up to `batch` waiting notification emails to the outbox, each
/// in its recipient's language with a one-click unsubscribe link, and
/// marks each written in the same transaction. How many were written.
pub async fn write_emails(
    db: &Db,
    letters: &dyn NotificationLetters,
    base_url: &str,
    batch: i64,
) -> Result<usize, ServiceError> {
    let key = unsubscribe_key(db).await?;
    let due = {
        let mut c = db.acquire().await?;
        store::email_due(c.conn(), batch).await?
    };
    let mut written = 0;
    for mut item in due {
        let locale = item.locale.clone().unwrap_or_else(|| "en".to_owned());
        let mut tx = db.begin().await?;
        if !store::emailed(tx.conn(), item.notification.id).await? {
            continue; // another server wrote it
        }
        in_language(
            tx.conn(),
            std::slice::from_mut(&mut item.notification),
            &locale,
        )
        .await?;
        let n = &item.notification;
        let Some(kind) = Kind::from_code(&n.kind) else {
            tx.commit().await?;
            continue;
        };
        let links = Links {
            open: format!("{base_url}{}", opening_address(n)),
            settings: format!("{base_url}/notifications/settings"),
            unsubscribe: format!(
                "{base_url}/notifications/unsubscribe?token={}",
                key.token(n.user_id, kind)
            ),
        };
        let letter = letters.write(n, &locale, &links);
        outbox::push_unsubscribable(
            tx.conn(),
            &item.email,
            &letter.subject,
            &letter.body,
            &links.unsubscribe,
        )
        .await?;
        tx.commit().await?;
        written += 1;
    }
    Ok(written)
}

/// Where a notification leads on the site: the comment on its thread's
/// own page, else the discussion.
pub fn address_of(n: &Notification) -> String {
    match (n.thread_id, n.comment_id) {
        (Some(t), Some(c)) => format!("/discussions/{}/comments/{t}#comment-{c}", n.discussion_id),
        _ => format!("/discussions/{}", n.discussion_id),
    }
}

/// Stops the emails of one kind for the person an unsubscribe link was
/// made for: no sign-in, as RFC 8058 asks. Their choice for the site is
/// kept. A link that was not made here is refused.
pub async fn unsubscribe(db: &Db, token: &str) -> Result<Kind, ServiceError> {
    let key = unsubscribe_key(db).await?;
    let (user, kind) = key.read(token).ok_or_else(|| {
        ServiceError::Invalid(ValidationError::new("token", ErrorCode::InvalidToken))
    })?;
    let mut tx = db.begin().await?;
    let live = users::find_by_id(tx.conn(), user)
        .await?
        .is_some_and(|u| u.deleted_at.is_none());
    if live {
        let (site, _) = choice(tx.conn(), user, kind).await?;
        store::set_preference(tx.conn(), user, kind.code(), site, false).await?;
    }
    tx.commit().await?;
    Ok(kind)
}

/// The site's key for unsubscribe links: a link is the account, the kind
/// and their signature, so it needs nothing stored per email and works
/// for as long as the site keeps its key.
struct UnsubscribeKey(Vec<u8>);

async fn unsubscribe_key(db: &Db) -> Result<UnsubscribeKey, ServiceError> {
    let mut c = db.acquire().await?;
    let secret = keys::get_or_create(c.conn(), "notification_unsubscribe", &new_token()?).await?;
    Ok(UnsubscribeKey(secret.into_bytes()))
}

impl UnsubscribeKey {
    fn mac(&self, body: &str) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes any key length");
        mac.update(b"unsubscribe\n");
        mac.update(body.as_bytes());
        mac.finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    fn token(&self, user: Uuid, kind: Kind) -> String {
        let body = format!("{}.{}", user.simple(), kind.code());
        format!("{body}.{}", self.mac(&body))
    }

    fn read(&self, token: &str) -> Option<(Uuid, Kind)> {
        let (body, mac) = token.rsplit_once('.')?;
        if !constant_time_eq(self.mac(body).as_bytes(), mac.as_bytes()) {
            return None;
        }
        let (user, kind) = body.split_once('.')?;
        Some((Uuid::try_parse(user).ok()?, Kind::from_code(kind)?))
    }
}
