//! Comments addressed under their discussion (the API's
//! `/discussions/{id}/comments/{cid}`): a comment named under another
//! discussion, or under one its reader may not see, is not found there.

use cohesion_storage::discussions::comments;
use cohesion_storage::Db;
use uuid::Uuid;

use super::reading;
use crate::accounts::SignedIn;
use crate::ServiceError;

/// `Ok` when the comment `comment` is in the discussion `discussion` and
/// `me` may see that discussion; `NotFound` otherwise. Whether `me` may
/// act on the comment is for the action itself to decide.
pub async fn comment_in(
    db: &Db,
    me: Option<&SignedIn>,
    discussion: Uuid,
    comment: Uuid,
) -> Result<(), ServiceError> {
    reading::discussion(db, me, discussion).await?;
    let mut c = db.acquire().await?;
    comments::find(c.conn(), comment)
        .await?
        .filter(|c| c.discussion_id == discussion)
        .map(|_| ())
        .ok_or(ServiceError::NotFound)
}
