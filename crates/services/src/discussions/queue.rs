//! The moderators' queue a page at a time: the comments waiting and the
//! statements held, in one order (most serious, then weightiest, then
//! longest waiting), each page read from where the last ended.

use std::collections::HashMap;

use cohesion_domain::identity::Action;
use cohesion_storage::discussions::moderation::{self as store, Kind, QueueKey, QueueQuery};
use cohesion_storage::discussions::statements::{self, Statement};
use cohesion_storage::Db;
use uuid::Uuid;

use super::moderating::{entries, Entry};
use crate::accounts::SignedIn;
use crate::permissions::require;
use crate::ServiceError;

/// A statement held for a moderator, as the queue shows it.
#[derive(Debug, Clone)]
pub struct HeldStatement {
    pub statement: Statement,
    pub discussion_title: String,
}

/// One thing waiting in the queue.
#[derive(Debug, Clone)]
pub enum Queued {
    Comment(Box<Entry>),
    Statement(HeldStatement),
}

/// A page of the queue: what waits, in order; where the next page
/// starts, if there is one; how many wait in all for its filters.
#[derive(Debug, Clone)]
pub struct QueuePage {
    pub items: Vec<Queued>,
    pub next: Option<QueueKey>,
    pub total: i64,
}

/// A page of the queue, comments and (with `with_statements` or
/// `statements`) held statements, in one order: most serious first,
/// then weightiest, then longest waiting. Each page is read from where
/// the last ended, in a fixed number of queries whatever its length.
pub async fn waiting(
    db: &Db,
    me: &SignedIn,
    q: &QueueQuery<'_>,
) -> Result<QueuePage, ServiceError> {
    require(me, Action::Moderate)?;
    let limit = q.limit.max(1);
    let mut c = db.acquire().await?;
    let asked = QueueQuery {
        limit: limit + 1,
        ..q.clone()
    };
    let (mut page, total) = store::queue(c.conn(), &asked).await?;
    let more = page.len() as i64 > limit;
    page.truncate(limit as usize);
    let next = more.then(|| page.last().map(|p| p.key)).flatten();
    let of = |kind: Kind| -> Vec<Uuid> {
        page.iter()
            .filter(|p| p.kind == kind)
            .map(|p| p.key.id)
            .collect()
    };
    let listed = store::find_listed(c.conn(), &of(Kind::Comment)).await?;
    let mut comments: HashMap<Uuid, Entry> = entries(c.conn(), listed)
        .await?
        .into_iter()
        .map(|e| (e.item.comment_id, e))
        .collect();
    let mut held: HashMap<Uuid, HeldStatement> =
        statements::find_many_titled(c.conn(), &of(Kind::Statement))
            .await?
            .into_iter()
            .map(|(statement, discussion_title)| {
                (
                    statement.id,
                    HeldStatement {
                        statement,
                        discussion_title,
                    },
                )
            })
            .collect();
    let items = page
        .iter()
        .filter_map(|p| match p.kind {
            Kind::Comment => comments
                .remove(&p.key.id)
                .map(|e| Queued::Comment(Box::new(e))),
            Kind::Statement => held.remove(&p.key.id).map(Queued::Statement),
        })
        .collect();
    Ok(QueuePage { items, next, total })
}

/// A page of the queue's comments (held statements left out) and how
/// many wait in all for its filters.
pub async fn queue(
    db: &Db,
    me: &SignedIn,
    q: &QueueQuery<'_>,
) -> Result<(Vec<Entry>, i64), ServiceError> {
    let only_comments = QueueQuery {
        statements: false,
        with_statements: false,
        ..q.clone()
    };
    let page = waiting(db, me, &only_comments).await?;
    let entries = page
        .items
        .into_iter()
        .filter_map(|i| match i {
            Queued::Comment(e) => Some(*e),
            Queued::Statement(_) => None,
        })
        .collect();
    Ok((entries, page.total))
}
