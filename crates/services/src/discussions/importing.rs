//! Bringing in a thread run elsewhere (`cohesion import discussion`): a
//! published discussion, closed and read-only for good, whose comments
//! keep the file's authors as names (not accounts), their badges from
//! the file's roles, their times, and their places in the thread. All of
//! it is saved in one transaction, or none of it.

use cohesion_domain::consultation::{Languages, MAX_BODY_CHARS, MAX_TITLE_CHARS};
use cohesion_domain::discussion::comment::State;
use cohesion_domain::discussion::details::DiscussionFields;
use cohesion_domain::discussion::import::Thread;
use cohesion_domain::discussion::moderation::PreModeration;
use cohesion_domain::discussion::thread::ThreadPath;
use cohesion_domain::text::{optional, required_line};
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::discussions::{catalogue, comments};
use cohesion_storage::{Conn, Db, Timestamp};
use time::Duration;
use uuid::Uuid;

use super::authoring::refresh_search;
use super::screening::fingerprint;
use crate::audit::{audit_log, Origin};
use crate::ServiceError;

/// What the person importing says about the discussion; the rest comes
/// from the thread.
#[derive(Debug, Clone, Default)]
pub struct ImportInput<'a> {
    pub title: &'a str,
    /// The safe Markdown subset; may be empty.
    pub introduction: &'a str,
    /// A language of the site's; empty for its first.
    pub language: &'a str,
}

/// A discussion just imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Imported {
    pub id: Uuid,
    pub comments: usize,
}

/// Saves `thread` as a new imported discussion, published at once. It
/// opens at the first comment and closes at the last; being imported, it
/// is closed whatever its dates say. Run from the command line, so the
/// audit entry has no actor.
pub async fn import(
    db: &Db,
    thread: &Thread,
    input: &ImportInput<'_>,
    languages: &Languages,
) -> Result<Imported, ServiceError> {
    let fields = fields(thread, input, languages)?;
    let mut tx = db.begin().await?;
    let id = catalogue::insert(tx.conn(), &fields, None, true).await?;
    place(tx.conn(), id, thread).await?;
    catalogue::count_visible(tx.conn(), id, thread.comments.len() as i64).await?;
    catalogue::set_published(tx.conn(), id, Some(Timestamp::now())).await?;
    refresh_search(tx.conn(), id).await?;
    audit_log(
        tx.conn(),
        Origin::default(),
        "discussion.import",
        Some(id),
        &fields.title,
    )
    .await?;
    tx.commit().await?;
    Ok(Imported {
        id,
        comments: thread.comments.len(),
    })
}

/// The discussion's details: every problem with what was given at once.
fn fields(
    thread: &Thread,
    input: &ImportInput<'_>,
    languages: &Languages,
) -> Result<DiscussionFields, ServiceError> {
    let mut problems = Vec::new();
    let title = required_line("title", input.title, MAX_TITLE_CHARS)
        .map_err(|e| problems.push(e))
        .ok();
    let introduction = optional("introduction", input.introduction, MAX_BODY_CHARS)
        .map_err(|e| problems.push(e))
        .ok();
    let language = if input.language.trim().is_empty() {
        Some(languages.first().to_owned())
    } else {
        let found = languages.find(input.language).map(str::to_owned);
        if found.is_none() {
            problems.push(ValidationError::new("language", ErrorCode::UnknownLocale));
        }
        found
    };
    let times = thread.comments.iter().map(|c| c.created_at);
    let (first, last) = match (times.clone().min(), times.max()) {
        (Some(first), Some(last)) => (Some(first), Some(last)),
        _ => {
            problems.push(ValidationError::new("input", ErrorCode::FieldRequired));
            (None, None)
        }
    };
    match (title, introduction, language, first, last) {
        (Some(title), Some(introduction), Some(language), Some(first), Some(last))
            if problems.is_empty() =>
        {
            Ok(DiscussionFields {
                title,
                introduction: introduction.unwrap_or_default(),
                questions: Vec::new(),
                topics: Vec::new(),
                area: None,
                opens_at: first,
                // A thread of one moment still closes after it opens.
                closes_at: last.max(first + Duration::SECOND),
                language,
                pre_moderation: PreModeration::Off,
                consultation_stage: None,
            })
        }
        _ => Err(ServiceError::invalid(problems)),
    }
}

/// Places the thread's comments in order (parents come first), each at
/// the next place under its parent, as posting would.
async fn place(mut conn: Conn<'_>, discussion: Uuid, thread: &Thread) -> Result<(), ServiceError> {
    // (id, path, root) of each comment placed so far, by index.
    let mut placed: Vec<(Uuid, ThreadPath, Uuid)> = Vec::with_capacity(thread.comments.len());
    for c in &thread.comments {
        let (path, parent, root) = match c.parent {
            None => {
                let seq = catalogue::place_top_level(conn.reborrow(), discussion, false).await?;
                let path = seq
                    .and_then(|s| u64::try_from(s).ok())
                    .and_then(ThreadPath::top);
                (path, None, None)
            }
            Some(p) => {
                let (pid, ppath, proot) = &placed[p];
                let seq = comments::place_reply(conn.reborrow(), *pid).await?;
                let path = seq
                    .and_then(|s| u64::try_from(s).ok())
                    .and_then(|s| ppath.child(s));
                (path, Some(*pid), Some(*proot))
            }
        };
        let path = path.ok_or_else(|| {
            ServiceError::Conflict(ValidationError::new("input", ErrorCode::OutOfRange))
        })?;
        let id = comments::insert(
            conn.reborrow(),
            &comments::NewComment {
                discussion_id: discussion,
                path: path.as_str(),
                depth: path.depth() as i64,
                parent_id: parent,
                root_id: root,
                author_id: None,
                author_name: c.author.as_deref(),
                badge: c.badge,
                body: &c.text,
                state: State::Published,
                created_at: Timestamp::from(c.created_at),
                fingerprint: fingerprint(&c.text).as_deref(),
            },
        )
        .await?;
        placed.push((id, path, root.unwrap_or(id)));
    }
    Ok(())
}
