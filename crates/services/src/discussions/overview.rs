//! What officers see of discussions at a glance on the staff's
//! dashboard: drafts, and the published ones open, upcoming and closed.

use cohesion_domain::consultation::Status;
use cohesion_domain::discussion::record::Discussion;
use cohesion_domain::identity::Action;
use cohesion_storage::discussions::catalogue;
use cohesion_storage::{Db, Timestamp};

use crate::accounts::SignedIn;
use crate::permissions::require;
use crate::ServiceError;

/// The dashboard's lists, each at most `limit` long.
#[derive(Debug, Clone, Default)]
pub struct Shortlists {
    pub drafts: Vec<Discussion>,
    pub open: Vec<Discussion>,
    pub upcoming: Vec<Discussion>,
    pub closed: Vec<Discussion>,
}

/// Officers only; four bounded queries on one connection.
pub async fn shortlists(db: &Db, me: &SignedIn, limit: i64) -> Result<Shortlists, ServiceError> {
    require(me, Action::RunEngagement)?;
    let now = Timestamp::now();
    let mut c = db.acquire().await?;
    Ok(Shortlists {
        drafts: catalogue::drafts(c.conn(), limit).await?,
        open: catalogue::shortlist(c.conn(), Status::Open, now, limit).await?,
        upcoming: catalogue::shortlist(c.conn(), Status::Upcoming, now, limit).await?,
        closed: catalogue::shortlist(c.conn(), Status::Closed, now, limit).await?,
    })
}
