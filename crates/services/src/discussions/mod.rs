//! Discussions (issue 18): officers open them (`authoring`), residents
//! read (`reading`), comment and reply (`commenting`), agree and report
//! (`reactions`); what a person wrote joins "your data" and account
//! erasure (`personal_data`); moderators decide (`moderating`) on what
//! `screening` held or members reported, several at once (`bulk`);
//! screening's `classifier` learns from those decisions and `quality`
//! shows how well screening does;
//! `transparency` counts what moderation did, month by month, for the
//! public; `importing` brings in a thread
//! run elsewhere; `translations` puts its texts in other languages;
//! `demo` is the demonstration's discussion. A statements
//! stage adds opinion voting: `statements` (the stage, submitting and
//! moderating), `voting` (votes and the next statement), `opinions` (the
//! opinion map, computed by a background job) and `opinion_export`
//! (Pol.is's CSV files). `searching` finds comments people may read;
//! `notifying` tells people of replies, decisions and closings;
//! `linking` makes a discussion part of a consultation's stage.

pub mod addressing;
pub mod authoring;
pub mod bulk;
pub mod classifier;
pub mod commenting;
mod deciding;
pub mod demo;
mod demo_moderation;
mod demo_opinions;
pub mod importing;
pub mod linking;
pub mod moderating;
pub mod notifying;
pub mod opinion_export;
pub mod opinions;
pub mod overview;
pub mod personal_data;
pub mod quality;
mod queue;
pub mod reactions;
pub mod reading;
mod screening;
mod screening_demo;
pub mod searching;
pub mod statements;
pub mod translations;
pub mod transparency;
pub mod voting;

/// What callers name when they list discussions and page threads.
pub use cohesion_storage::discussions::catalogue::ListQuery;
pub use cohesion_storage::discussions::comments::{Cursor, Order};
/// What moderators name when they page the queue and read its items.
pub use cohesion_storage::discussions::moderation::{
    Appeal, AppealMark, DecisionRecord, Item, QueueKey, QueueQuery, COUNTED_UP_TO,
};

use cohesion_domain::consultation::Status;
use cohesion_domain::discussion::record::Discussion;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::discussions::catalogue;
use cohesion_storage::{Conn, Timestamp};
use uuid::Uuid;

use crate::ServiceError;

/// The published discussion `id`, open for comments now; refused clearly
/// when it is not (upcoming, closed or imported). Read, not locked: a
/// post changes nothing on the discussion's row (ADR 39), and locking it
/// made every post to a discussion wait for the one before to commit. A
/// post that began just before an officer closed the discussion may
/// land just after; it was sent while the discussion was open.
pub(crate) async fn open_for_comments(
    conn: Conn<'_>,
    id: Uuid,
    now: Timestamp,
) -> Result<Discussion, ServiceError> {
    let d = catalogue::find(conn, id)
        .await?
        .filter(Discussion::is_published)
        .ok_or(ServiceError::NotFound)?;
    if d.status(now.as_offset()) != Status::Open {
        return Err(ServiceError::Conflict(ValidationError::new(
            "discussion",
            ErrorCode::DiscussionNotOpen,
        )));
    }
    Ok(d)
}

/// The discussion `id`, locked for a change that officers make to it (a
/// statements stage, a starting statement, a translation); refused for
/// an imported one, which is kept as it was brought in.
pub(crate) async fn own_for_update(conn: Conn<'_>, id: Uuid) -> Result<Discussion, ServiceError> {
    let d = catalogue::find_for_update(conn, id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if d.imported {
        return Err(ServiceError::Conflict(ValidationError::new(
            "discussion",
            ErrorCode::DiscussionImported,
        )));
    }
    Ok(d)
}
