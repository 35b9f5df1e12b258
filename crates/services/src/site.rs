//! What the public pages show about the site itself.

use cohesion_storage::programmes::{self, ProgrammeView};
use cohesion_storage::Db;

use crate::ServiceError;

/// The site's programme in `locale`, or in `fallback` where it has not been
/// translated; `None` on a site that has no programme yet.
pub async fn programme(
    db: &Db,
    locale: &str,
    fallback: &str,
) -> Result<Option<ProgrammeView>, ServiceError> {
    let mut conn = db.acquire().await?;
    Ok(programmes::featured(conn.conn(), locale, fallback).await?)
}
