//! What administrators choose: whether the form is on, how long texts are
//! kept, the review promise.

use cohesion_domain::identity::Action;
use cohesion_domain::tension::Settings;
use cohesion_storage::tensions::settings;
use cohesion_storage::Db;

use crate::accounts::SignedIn;
use crate::audit::{audit_log, Origin};
use crate::permissions::may;
use crate::ServiceError;

/// The settings, for anyone (the form reads whether it is on).
pub async fn current(db: &Db) -> Result<Settings, ServiceError> {
    let mut c = db.acquire().await?;
    Ok(settings::get(c.conn()).await?)
}

/// Saves what an administrator chose, with an audit entry.
pub async fn save(
    db: &Db,
    me: &SignedIn,
    enabled: bool,
    retention_days: &str,
    review_working_days: &str,
    client: Option<&str>,
) -> Result<Settings, ServiceError> {
    if !may(Some(me), Action::ConfigureHelp) {
        return Err(ServiceError::Forbidden);
    }
    let s = Settings::parse(enabled, retention_days, review_working_days)
        .map_err(ServiceError::InvalidFields)?;
    let mut tx = db.begin().await?;
    settings::save(tx.conn(), &s).await?;
    let detail = format!(
        "form {}; texts kept {} days; looked at within {} working days",
        if s.enabled { "on" } else { "off" },
        s.retention_days,
        s.review_working_days
    );
    let origin = Origin {
        actor: Some(me.user_id),
        client,
    };
    audit_log(tx.conn(), origin, "tension_settings.save", None, &detail).await?;
    tx.commit().await?;
    Ok(s)
}
