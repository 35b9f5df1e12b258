//! Reading discussions: the list, one discussion, and its comments a page
//! of threads at a time, each comment as its reader may see it (ADR 33).

use std::collections::{HashMap, HashSet};

use cohesion_domain::consultation::Status;
use cohesion_domain::discussion::comment::{self, Reader, Shown, State};
use cohesion_domain::discussion::record::{Comment, Discussion};
use cohesion_domain::discussion::thread::ThreadPath;
use cohesion_domain::identity::Action;
use cohesion_storage::discussions::catalogue::{self, ListQuery};
use cohesion_storage::discussions::comments::{self, Cursor, Order, Seen};
use cohesion_storage::discussions::{moderation, reactions};
use cohesion_storage::{Conn, Db, Timestamp};
use uuid::Uuid;

use crate::accounts::SignedIn;
use crate::permissions::{is_staff, may};
use crate::ServiceError;

// What the pages and the API pass in: a list's filters, a page's order
// and where the last page ended.

/// Top-level comments on a page.
pub const THREADS_PER_PAGE: i64 = 20;
/// Replies shown under each top-level comment on a discussion's page;
/// the rest are on the thread's own page.
pub const REPLIES_SHOWN: i64 = 10;
/// Replies on a thread's own page.
pub const REPLIES_PER_PAGE: i64 = 100;

/// A published discussion (staff see drafts too); its link to a
/// consultation's stage only where the reader may see the consultation.
pub async fn discussion(
    db: &Db,
    me: Option<&SignedIn>,
    id: Uuid,
) -> Result<Discussion, ServiceError> {
    let mut c = db.acquire().await?;
    let mut d = catalogue::find(c.conn(), id)
        .await?
        .filter(|d| d.is_published() || is_staff(me))
        .ok_or(ServiceError::NotFound)?;
    super::linking::visible_to(c.conn(), me, &mut d).await?;
    Ok(d)
}

/// A page of discussions and how many match in all; drafts only for staff.
/// Open ones come first, closing soonest first; then upcoming ones,
/// opening soonest first; then closed ones, most recently closed first:
/// the order [`shortlist`] keeps too.
pub async fn list(
    db: &Db,
    me: Option<&SignedIn>,
    mut q: ListQuery<'_>,
) -> Result<(Vec<Discussion>, i64), ServiceError> {
    q.drafts = q.drafts && is_staff(me);
    // Searched as the search text was kept: normalised the same way
    // (Arabic letters unified, marks dropped, lower case).
    let search = q.search.map(cohesion_insight::text::normalise);
    q.search = search.as_deref();
    let mut c = db.acquire().await?;
    Ok(catalogue::list(c.conn(), &q, Timestamp::now()).await?)
}

/// Published discussions' ids and titles (in `locale` where translated),
/// in the list's order, at most `limit`: for a filter that names them, in
/// two light queries (no counts, no texts).
pub async fn titles(
    db: &Db,
    locale: &str,
    limit: i64,
) -> Result<Vec<(Uuid, String)>, ServiceError> {
    let mut c = db.acquire().await?;
    let found = catalogue::titles(c.conn(), Timestamp::now(), limit).await?;
    in_language(c.conn(), found, locale).await
}

/// The titles of the published discussions among `ids` (in `locale`
/// where translated): for a page that names the few it refers to.
pub async fn titles_of(
    db: &Db,
    locale: &str,
    ids: &[Uuid],
) -> Result<Vec<(Uuid, String)>, ServiceError> {
    let mut c = db.acquire().await?;
    let found = catalogue::titles_of(c.conn(), ids).await?;
    in_language(c.conn(), found, locale).await
}

/// `found` (id, title, language) with each title in `locale` where
/// translated.
async fn in_language(
    conn: Conn<'_>,
    found: Vec<(Uuid, String, String)>,
    locale: &str,
) -> Result<Vec<(Uuid, String)>, ServiceError> {
    let wanted: Vec<(Uuid, &str, &str)> = found
        .iter()
        .map(|(id, title, language)| (*id, title.as_str(), language.as_str()))
        .collect();
    let mut shown = super::translations::titles_in_language(conn, &wanted, locale).await?;
    Ok(found
        .into_iter()
        .map(|(id, title, _)| (id, shown.remove(&id).unwrap_or(title)))
        .collect())
}

/// The most published discussions whose topics the list's filter offers.
const TOPICS_FROM: i64 = 5_000;

/// The topics published discussions use, each once (whatever its case),
/// for the list's filter: (the topic as written, which the filter
/// matches, and its label in `locale` where a discussion using it has it
/// translated), in the labels' order.
pub async fn topics(db: &Db, locale: &str) -> Result<Vec<(String, String)>, ServiceError> {
    let q = ListQuery {
        limit: TOPICS_FROM,
        ..ListQuery::default()
    };
    let mut c = db.acquire().await?;
    let (list, _) = catalogue::list(c.conn(), &q, Timestamp::now()).await?;
    drop(c);
    let originals: Vec<Vec<String>> = list.iter().map(|d| d.topics.clone()).collect();
    let shown = super::translations::list_in_language(db, list, locale).await?;
    let mut seen: HashMap<String, (String, String)> = HashMap::new();
    for (written, (d, _)) in originals.iter().zip(&shown) {
        for (i, topic) in written.iter().enumerate() {
            let label = d.topics.get(i).unwrap_or(topic);
            let entry = seen
                .entry(topic.to_lowercase())
                .or_insert_with(|| (topic.clone(), label.clone()));
            // A translated label wins over one left as written.
            if entry.1 == entry.0 && label != topic {
                entry.1 = label.clone();
            }
        }
    }
    let mut out: Vec<(String, String)> = seen.into_values().collect();
    out.sort_by(|a, b| {
        a.1.to_lowercase()
            .cmp(&b.1.to_lowercase())
            .then(a.0.cmp(&b.0))
    });
    Ok(out)
}

/// Published discussions in one state, at most `limit`, for the home
/// page and *Get involved*, in the list's own order restricted to that
/// state (`catalogue`'s one order: open ones closing soonest first,
/// upcoming ones opening soonest first, closed ones most recently closed
/// first), so the home page and the list never disagree.
pub async fn shortlist(
    db: &Db,
    status: Status,
    limit: i64,
) -> Result<Vec<Discussion>, ServiceError> {
    let mut c = db.acquire().await?;
    Ok(catalogue::shortlist(c.conn(), status, Timestamp::now(), limit).await?)
}

/// The most comments a discussion's feed carries.
pub const FEED_ENTRIES: i64 = 50;

/// A published discussion's newest published comments, for its feed:
/// only what everyone may read.
pub async fn feed(db: &Db, d: &Discussion) -> Result<Vec<Comment>, ServiceError> {
    if !d.is_published() {
        return Err(ServiceError::NotFound);
    }
    let mut c = db.acquire().await?;
    Ok(comments::newest_published(c.conn(), d.id, FEED_ENTRIES).await?)
}

/// One comment as one reader sees it.
#[derive(Debug, Clone)]
pub struct CommentView {
    pub comment: Comment,
    pub shown: Shown,
    /// How far it is indented (0 to `SHOWN_LEVELS`).
    pub level: usize,
    /// For a reply deeper than the page shows: whom it answers (`None`
    /// inside when that comment's author is not named).
    pub in_reply_to: Option<Option<String>>,
    /// The reader wrote it.
    pub mine: bool,
    /// The reader agrees with it.
    pub agreed: bool,
    /// The reader has reported it (once is all a report counts).
    pub reported: bool,
    /// The reader may still change it.
    pub editable: bool,
    /// The reader wrote it and appealed a decision on it: when, and how
    /// the appeal was decided. Their comment then says so rather than
    /// invite another appeal.
    pub appealed: Option<moderation::AppealMark>,
}

/// A top-level comment and the replies shown under it.
#[derive(Debug, Clone)]
pub struct Thread {
    pub top: CommentView,
    pub replies: Vec<CommentView>,
    /// Replies in the thread not shown here (on the thread's own page).
    pub more_replies: i64,
}

/// A page of a discussion's threads, and where the next page starts.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub threads: Vec<Thread>,
    pub next: Option<Cursor>,
}

/// Who reads, as the queries and the domain's rule need it.
struct Viewer {
    id: Option<Uuid>,
    moderator: bool,
}

impl Viewer {
    fn of(me: Option<&SignedIn>) -> Viewer {
        Viewer {
            id: me.map(|m| m.user_id),
            moderator: may(me, Action::Moderate),
        }
    }

    fn seen(&self) -> Seen {
        if self.moderator {
            Seen::Moderator
        } else {
            Seen::Reader(self.id)
        }
    }

    fn reader(&self, c: &Comment) -> Reader {
        if self.moderator {
            Reader::Moderator
        } else if self.id.is_some() && c.author_id == self.id {
            Reader::Author
        } else {
            Reader::Public
        }
    }
}

/// A page of `d`'s threads in `order`, after `cursor`.
pub async fn page(
    db: &Db,
    me: Option<&SignedIn>,
    d: &Discussion,
    order: Order,
    cursor: Option<Cursor>,
) -> Result<Page, ServiceError> {
    let viewer = Viewer::of(me);
    let mut c = db.acquire().await?;
    let mut tops = comments::top_level(
        c.conn(),
        d.id,
        order,
        cursor,
        THREADS_PER_PAGE + 1,
        viewer.seen(),
    )
    .await?;
    let more = tops.len() as i64 > THREADS_PER_PAGE;
    tops.truncate(THREADS_PER_PAGE as usize);
    let next = more.then(|| tops.last().map(Cursor::after)).flatten();
    let roots: Vec<Uuid> = tops.iter().map(|t| t.id).collect();
    let replies = comments::replies_of(c.conn(), &roots, REPLIES_SHOWN, viewer.seen()).await?;
    let mut in_thread: HashMap<Uuid, i64> = HashMap::new();
    let mut by_root: HashMap<Uuid, Vec<Comment>> = HashMap::new();
    for (r, n) in replies {
        in_thread.insert(r.root_id, n);
        by_root.entry(r.root_id).or_default().push(r);
    }
    let marks = marks(db, &viewer, tops.iter().chain(by_root.values().flatten())).await?;
    let threads = tops
        .into_iter()
        .filter_map(|top| {
            let replies = by_root.remove(&top.id).unwrap_or_default();
            let shown = replies.len() as i64;
            let more_replies = in_thread.get(&top.id).copied().unwrap_or(0) - shown;
            let mut list = views(
                &viewer,
                &marks,
                std::iter::once(top).chain(replies).collect(),
            );
            if list.first().is_none_or(|v| v.comment.depth != 0) {
                return None;
            }
            let top = list.remove(0);
            Some(Thread {
                top,
                replies: list,
                more_replies,
            })
        })
        .collect();
    Ok(Page { threads, next })
}

/// One thread on its own page: its top-level comment and up to
/// `REPLIES_PER_PAGE` replies after the path `after` (keyset), and where
/// the next page starts.
pub async fn thread(
    db: &Db,
    me: Option<&SignedIn>,
    d: &Discussion,
    root: Uuid,
    after: Option<&str>,
) -> Result<(Thread, Option<String>), ServiceError> {
    let viewer = Viewer::of(me);
    let mut c = db.acquire().await?;
    let top = comments::find(c.conn(), root)
        .await?
        .filter(|t| t.discussion_id == d.id && t.depth == 0)
        .ok_or(ServiceError::NotFound)?;
    let after = after
        .and_then(ThreadPath::parse)
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| top.path.clone());
    let mut replies =
        comments::thread(c.conn(), root, &after, REPLIES_PER_PAGE + 1, viewer.seen()).await?;
    let more = replies.len() as i64 > REPLIES_PER_PAGE;
    replies.truncate(REPLIES_PER_PAGE as usize);
    let next = more
        .then(|| replies.last().map(|r| r.path.clone()))
        .flatten();
    let marks = marks(db, &viewer, std::iter::once(&top).chain(replies.iter())).await?;
    let mut list = views(
        &viewer,
        &marks,
        std::iter::once(top).chain(replies).collect(),
    );
    if list.first().is_none_or(|v| v.comment.depth != 0) {
        return Err(ServiceError::NotFound);
    }
    let top = list.remove(0);
    Ok((
        Thread {
            top,
            replies: list,
            more_replies: 0,
        },
        next,
    ))
}

/// One comment of `d` as `me` sees it, for the pages that act on it
/// (replying, editing, deleting, reporting): not found when it is in
/// another discussion or is not there for this reader.
pub async fn comment(
    db: &Db,
    me: Option<&SignedIn>,
    d: &Discussion,
    id: Uuid,
) -> Result<CommentView, ServiceError> {
    let viewer = Viewer::of(me);
    let found = {
        let mut c = db.acquire().await?;
        comments::find(c.conn(), id)
            .await?
            .filter(|c| c.discussion_id == d.id)
            .ok_or(ServiceError::NotFound)?
    };
    let marks = marks(db, &viewer, std::iter::once(&found)).await?;
    views(&viewer, &marks, vec![found])
        .pop()
        .ok_or(ServiceError::NotFound)
}

/// What the reader has done to the comments of a page: agreed with
/// them, reported them. One query for each, whatever the page's length.
#[derive(Default)]
struct Marks {
    agreed: HashSet<Uuid>,
    reported: HashSet<Uuid>,
    appealed: HashMap<Uuid, moderation::AppealMark>,
}

/// What the reader did to `list`: agreed, reported, and (on their own
/// comments, when there are any) appealed, and how that went.
async fn marks<'a>(
    db: &Db,
    viewer: &Viewer,
    list: impl Iterator<Item = &'a Comment>,
) -> Result<Marks, ServiceError> {
    let Some(me) = viewer.id else {
        return Ok(Marks::default());
    };
    let mut ids = Vec::new();
    let mut own = Vec::new();
    for c in list {
        ids.push(c.id);
        // An overturned appeal's comment is shown again, and says so.
        if c.author_id == Some(me) && matches!(c.state, State::Hidden | State::Published) {
            own.push(c.id);
        }
    }
    let mut c = db.acquire().await?;
    let agreed = reactions::agreed_among(c.conn(), me, &ids).await?;
    let reported = reactions::reported_among(c.conn(), me, &ids).await?;
    let appealed = moderation::appealed_among(c.conn(), me, &own).await?;
    Ok(Marks {
        agreed: agreed.into_iter().collect(),
        reported: reported.into_iter().collect(),
        appealed: appealed.into_iter().collect(),
    })
}

/// A thread's comments (in path order) as `viewer` sees them: each
/// decided by `comment::shown`, those shown nothing dropped, deeper
/// replies saying whom they answer.
fn views(viewer: &Viewer, marks: &Marks, list: Vec<Comment>) -> Vec<CommentView> {
    let now = Timestamp::now();
    let names: HashMap<Uuid, Option<String>> =
        list.iter().map(|c| (c.id, c.author_name.clone())).collect();
    let paths: Vec<String> = list.iter().map(|c| c.path.clone()).collect();
    list.into_iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let has_replies = paths
                .get(i + 1)
                .is_some_and(|next| next.starts_with(&c.path));
            let reader = viewer.reader(&c);
            let shown = comment::shown(c.state, reader, has_replies);
            if shown == Shown::Nothing {
                return None;
            }
            let placement = ThreadPath::parse(&c.path)?.placement();
            let in_reply_to = placement
                .says_in_reply_to
                .then(|| c.parent_id.and_then(|p| names.get(&p).cloned().flatten()));
            let mine = viewer.id.is_some() && c.author_id == viewer.id;
            Some(CommentView {
                shown,
                level: placement.level,
                in_reply_to,
                mine,
                agreed: marks.agreed.contains(&c.id),
                reported: marks.reported.contains(&c.id),
                appealed: marks.appealed.get(&c.id).cloned().filter(|_| mine),
                editable: mine
                    && matches!(shown, Shown::Text { .. })
                    && comment::editable(c.created_at.into(), now.as_offset().into()),
                comment: c,
            })
        })
        .collect()
}
