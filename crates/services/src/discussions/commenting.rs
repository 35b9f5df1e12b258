//! Members commenting: posting a comment or a reply (held for a
//! moderator where the discussion's pre-moderation says so), editing it
//! within 15 minutes (its earlier text kept for moderators), and deleting
//! it (its replies keep their place).

use cohesion_domain::discussion::comment::{self, State};
use cohesion_domain::discussion::moderation::PreModeration;
use cohesion_domain::discussion::record::{Badge, Comment, Discussion};
use cohesion_domain::discussion::thread::ThreadPath;
use cohesion_domain::identity::{Action, Role};
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::discussions::{catalogue, comments, moderation, submissions};
use cohesion_storage::{Conn, Db, Timestamp};
use uuid::Uuid;

use super::moderating;
use super::notifying;
use super::open_for_comments;
use super::screening::{self, screen, Screened};
use crate::accounts::SignedIn;
use crate::group_commit::{self, GroupedWrite};
use crate::permissions::require;
use crate::throttle::{throttle_in, Throttled};
use crate::ServiceError;

/// A comment just posted: where it is, and whether it waits for a
/// moderator (only its author sees it until then).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posted {
    pub id: Uuid,
    pub held: bool,
}

/// How long a form's key leads to the comment it made (ADR 40): long
/// enough for any going back and sending again, short enough that the
/// keys kept stay few.
pub const SUBMISSION_KEPT: time::Duration = time::Duration::days(1);

/// Posts `text` in the discussion, as a reply to `parent` if given.
pub async fn post(
    db: &Db,
    me: &SignedIn,
    discussion: Uuid,
    parent: Option<Uuid>,
    text: &str,
) -> Result<Posted, ServiceError> {
    post_once(db, me, discussion, parent, text, "").await
}

/// [`post`], from a form that carries the random `key` it was shown with
/// (ADR 40): if `me` already posted with this key within
/// [`SUBMISSION_KEPT`], nothing new is made and the comment that post
/// made is the answer (a double click, or the form sent again after
/// going back). An empty or malformed key is no key: the post is taken
/// as it comes.
pub async fn post_once(
    db: &Db,
    me: &SignedIn,
    discussion: Uuid,
    parent: Option<Uuid>,
    text: &str,
    key: &str,
) -> Result<Posted, ServiceError> {
    Ok(posting(db, me, discussion, parent, text, key).await?.0)
}

/// What [`post_keyed`] answers: the comment as kept, and whether an
/// earlier post with the same key made it (nothing new was made).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyedPost {
    pub comment: Posted,
    pub parent_id: Option<Uuid>,
    /// Its text as kept.
    pub text: String,
    pub again: bool,
}

/// [`post_once`] for the API (ADR 40, as the form): the comment as kept
/// (for a key sent before, the one the first post made, whatever this
/// one says), and whether it was made before.
pub async fn post_keyed(
    db: &Db,
    me: &SignedIn,
    discussion: Uuid,
    parent: Option<Uuid>,
    text: &str,
    key: &str,
) -> Result<KeyedPost, ServiceError> {
    let (posted, again) = posting(db, me, discussion, parent, text, key).await?;
    let mut c = db.acquire().await?;
    let kept = comments::find(c.conn(), posted.id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    Ok(KeyedPost {
        comment: posted,
        parent_id: kept.parent_id,
        text: kept.body,
        again,
    })
}

/// Posting, with whether the key had made the comment already.
async fn posting(
    db: &Db,
    me: &SignedIn,
    discussion: Uuid,
    parent: Option<Uuid>,
    text: &str,
    key: &str,
) -> Result<(Posted, bool), ServiceError> {
    require(me, Action::Participate)?;
    let key = comment::submission_key(key);
    let now = Timestamp::now();
    if let Some(key) = key {
        let mut c = db.acquire().await?;
        if let Some(first) = sent_before(c.conn(), me, key, now).await? {
            return Ok((first, true));
        }
    }
    let body = comment::body("text", text)?;
    // Read and judged before the write (ADR 39): screening's signatures
    // and classifier are CPU work that, inside the transaction, held
    // SQLite's one write turn while they ran. Two copies of one text
    // posted at the same instant may each miss the other; the next copy
    // is caught, and a moderator sees them all through it.
    let (d, held, screened) = {
        let mut c = db.acquire().await?;
        let d = open_for_comments(c.conn(), discussion, now).await?;
        let (held, screened) = hold(c.conn(), me, &d, &body, now).await?;
        (d, held, screened)
    };
    let roles: Vec<Role> = me.roles.iter().collect();
    let write = Placing {
        author: me.user_id,
        badge: Badge::of_roles(&roles),
        discussion: d.id,
        parent,
        body,
        key: key.map(str::to_owned),
        held,
        screened,
        now,
    };
    match group_commit::write(db, write).await? {
        Placed::New(posted) => Ok((posted, false)),
        Placed::SentBefore => {
            // The same form, sent again while the first was being saved:
            // that one has committed by now (the claim waited for it).
            let mut c = db.acquire().await?;
            let first = sent_before(c.conn(), me, key.unwrap_or_default(), now)
                .await?
                .ok_or(ServiceError::NotFound)?;
            Ok((first, true))
        }
    }
}

/// What posting writes, once the comment was read and screened: a
/// write that may share a SQLite transaction with others of its kind
/// (ADR 12), since posts come many to the second.
struct Placing {
    author: Uuid,
    badge: Badge,
    discussion: Uuid,
    parent: Option<Uuid>,
    body: String,
    /// The form's key (ADR 40), if it had one.
    key: Option<String>,
    /// Why it waits for a moderator; empty when it does not.
    held: Vec<String>,
    screened: Screened,
    now: Timestamp,
}

/// What [`Placing`] did.
enum Placed {
    New(Posted),
    /// Nothing: its form's key was claimed by an earlier post.
    SentBefore,
}

impl GroupedWrite for Placing {
    type Output = Placed;
    type Cache = ();

    async fn run(&self, mut conn: Conn<'_>, _: &mut ()) -> Result<Placed, ServiceError> {
        let (d, held, now) = (self.discussion, &self.held, self.now);
        if let Some(key) = &self.key {
            let before = ago(now, SUBMISSION_KEPT);
            submissions::forget_before(conn.reborrow(), self.author, before).await?;
            if !submissions::claim(conn.reborrow(), self.author, key, now).await? {
                return Ok(Placed::SentBefore);
            }
        }
        throttle_in(
            conn.reborrow(),
            Throttled::Commenting,
            &self.author.to_string(),
        )
        .await?;
        let (path, parent_comment, root_id) = match self.parent {
            None => {
                let seq = catalogue::place_top_level(conn.reborrow(), d, held.is_empty())
                    .await?
                    .ok_or(ServiceError::NotFound)?;
                (top_path(seq)?, None, None)
            }
            Some(parent) => {
                let p = repliable(conn.reborrow(), d, parent).await?;
                let seq = comments::place_reply(conn.reborrow(), p.id)
                    .await?
                    .ok_or(ServiceError::NotFound)?;
                let path = ThreadPath::parse(&p.path)
                    .and_then(|at| u64::try_from(seq).ok().and_then(|s| at.child(s)))
                    .ok_or_else(reply_refused)?;
                let root = p.root_id;
                (path, Some(p), Some(root))
            }
        };
        let state = if held.is_empty() {
            State::Published
        } else {
            State::AwaitingModeration
        };
        let id = comments::insert(
            conn.reborrow(),
            &comments::NewComment {
                discussion_id: d,
                path: path.as_str(),
                depth: path.depth() as i64,
                parent_id: parent_comment.as_ref().map(|p| p.id),
                root_id,
                author_id: Some(self.author),
                author_name: None,
                badge: self.badge,
                body: &self.body,
                state,
                created_at: now,
                fingerprint: self.screened.fingerprint.as_deref(),
            },
        )
        .await?;
        if let Some(key) = &self.key {
            submissions::made(conn.reborrow(), self.author, key, id).await?;
        }
        screening::keep(conn.reborrow(), id, d, &self.screened, now).await?;
        if held.is_empty() {
            if let Some(p) = &parent_comment {
                // (A top-level comment was counted as it was placed.)
                catalogue::count_visible(conn.reborrow(), d, 1).await?;
                notifying::replied(conn, p, id, Some(self.author), now).await?;
            }
        } else {
            moderating::held(conn, id, d, held, self.screened.severity.max(1)).await?;
        }
        Ok(Placed::New(Posted {
            id,
            held: !held.is_empty(),
        }))
    }
}

/// A fresh key for a comment or reply form (ADR 40): 256 random bits.
pub fn form_key() -> Result<String, ServiceError> {
    crate::accounts::tokens::new_token()
}

/// `at` less `span`.
fn ago(at: Timestamp, span: time::Duration) -> Timestamp {
    Timestamp::from(at.as_offset() - span)
}

/// The comment `me`'s earlier post with `key` made, within
/// [`SUBMISSION_KEPT`] of `now`, as posting it answered.
async fn sent_before(
    mut conn: Conn<'_>,
    me: &SignedIn,
    key: &str,
    now: Timestamp,
) -> Result<Option<Posted>, ServiceError> {
    let since = ago(now, SUBMISSION_KEPT);
    let Some(id) = submissions::comment_of(conn.reborrow(), me.user_id, key, since).await? else {
        return Ok(None);
    };
    Ok(comments::find(conn, id).await?.map(|c| Posted {
        id: c.id,
        held: c.state == State::AwaitingModeration,
    }))
}

/// Until when `me` may not comment (a suspension in force), if at all:
/// so that a page offers no form that posting would refuse.
pub async fn suspended_until(
    db: &Db,
    me: &SignedIn,
) -> Result<Option<time::OffsetDateTime>, ServiceError> {
    let mut c = db.acquire().await?;
    Ok(
        moderation::suspended_until(c.conn(), me.user_id, Timestamp::now())
            .await?
            .map(Timestamp::as_offset),
    )
}

/// Why a new comment waits for a moderator (nothing when it does not):
/// the discussion's pre-moderation of members' first or all comments,
/// then screening's reasons. Staff who speak for the site and
/// moderators are neither pre-moderated nor screened; a member under
/// suspension is refused.
async fn hold(
    mut conn: Conn<'_>,
    me: &SignedIn,
    d: &Discussion,
    body: &str,
    now: Timestamp,
) -> Result<(Vec<String>, Screened), ServiceError> {
    let mut screened = screen(conn.reborrow(), d.id, Some(me.user_id), body, now).await?;
    if speaks_for_the_site(me) {
        screened.overruled();
        return Ok((Vec::new(), screened));
    }
    if moderation::suspended_until(conn.reborrow(), me.user_id, now)
        .await?
        .is_some()
    {
        return Err(ServiceError::Conflict(ValidationError::new(
            "text",
            ErrorCode::AccountSuspended,
        )));
    }
    let mut reasons: Vec<String> = pre_moderated(conn, me.user_id, d)
        .await?
        .into_iter()
        .collect();
    reasons.extend(screened.reasons.iter().cloned());
    Ok((reasons, screened))
}

/// Whether `d`'s pre-moderation holds a new comment by `author`, and
/// why: `all_comments`, or `first_comments` while fewer of the author's
/// comments than it names are published anywhere on the site (a member
/// with a history of published comments is not held as a newcomer).
pub(crate) async fn pre_moderated(
    conn: Conn<'_>,
    author: Uuid,
    d: &Discussion,
) -> Result<Option<String>, ServiceError> {
    if d.pre_moderation == PreModeration::Off {
        return Ok(None);
    }
    let approved = comments::published_by(conn, author).await?;
    let held = d
        .pre_moderation
        .holds(u32::try_from(approved).unwrap_or(u32::MAX));
    Ok(held.then(|| match d.pre_moderation {
        PreModeration::All => "all_comments".to_owned(),
        _ => "first_comments".to_owned(),
    }))
}

/// Staff who speak for the site and moderators are not pre-moderated.
fn speaks_for_the_site(me: &SignedIn) -> bool {
    me.roles.allows(Action::Moderate) || me.roles.allows(Action::RunEngagement)
}

fn top_path(seq: i64) -> Result<ThreadPath, ServiceError> {
    u64::try_from(seq)
        .ok()
        .and_then(ThreadPath::top)
        .ok_or_else(|| ServiceError::Conflict(ValidationError::new("text", ErrorCode::OutOfRange)))
}

fn reply_refused() -> ServiceError {
    ServiceError::Conflict(ValidationError::new("parent", ErrorCode::ReplyNotAllowed))
}

/// The comment a reply goes under: in this discussion and shown to
/// everyone (not held, hidden or deleted).
async fn repliable(
    conn: Conn<'_>,
    discussion: Uuid,
    parent: Uuid,
) -> Result<Comment, ServiceError> {
    let p = comments::find_for_update(conn, parent)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if p.discussion_id != discussion || p.state != State::Published {
        return Err(reply_refused());
    }
    Ok(p)
}

/// Replaces the text of one's own comment within 15 minutes of posting,
/// while the discussion is open; the earlier text is kept for moderators.
pub async fn edit(db: &Db, me: &SignedIn, id: Uuid, text: &str) -> Result<(), ServiceError> {
    require(me, Action::Participate)?;
    let body = comment::body("text", text)?;
    let now = Timestamp::now();
    let mut tx = db.begin().await?;
    let c = own(tx.conn(), me, id).await?;
    open_for_comments(tx.conn(), c.discussion_id, now).await?;
    if !matches!(c.state, State::Published | State::AwaitingModeration) {
        return Err(ServiceError::Conflict(ValidationError::new(
            "text",
            ErrorCode::AlreadyRemoved,
        )));
    }
    if !comment::editable(c.created_at.into(), now.as_offset().into()) {
        return Err(ServiceError::Conflict(ValidationError::new(
            "text",
            ErrorCode::EditWindowPassed,
        )));
    }
    if c.body != body {
        comments::edit(tx.conn(), id, &body, now).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Deletes one's own comment: its text leaves the page, a notice keeps
/// its place for the replies under it, and moderators can still read it.
pub async fn delete(db: &Db, me: &SignedIn, id: Uuid) -> Result<Uuid, ServiceError> {
    require(me, Action::Participate)?;
    let mut tx = db.begin().await?;
    let c = own(tx.conn(), me, id).await?;
    if !matches!(c.state, State::Published | State::AwaitingModeration) {
        return Err(ServiceError::Conflict(ValidationError::new(
            "comment",
            ErrorCode::AlreadyRemoved,
        )));
    }
    comments::set_state(tx.conn(), id, State::DeletedByAuthor, None).await?;
    if c.state == State::Published {
        catalogue::count_visible(tx.conn(), c.discussion_id, -1).await?;
    }
    tx.commit().await?;
    Ok(c.discussion_id)
}

/// `id`, locked, if `me` wrote it; others' comments are not found.
async fn own(conn: Conn<'_>, me: &SignedIn, id: Uuid) -> Result<Comment, ServiceError> {
    comments::find_for_update(conn, id)
        .await?
        .filter(|c| c.author_id == Some(me.user_id))
        .ok_or(ServiceError::NotFound)
}
