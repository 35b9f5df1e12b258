//! Confirming the theme set answers are then mapped to.

use cohesion_domain::identity::Action;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::consultations::themes::{definitions, runs};
use cohesion_storage::Db;
use uuid::Uuid;

use super::{latest, other_labels};
use crate::accounts::SignedIn;
use crate::audit::audit_log;
use crate::permissions::require;
use crate::ServiceError;

/// Confirms the latest run's live themes as the set answers are mapped to.
pub async fn confirm(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    question_id: &str,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::Analyse)?;
    let mut tx = db.begin().await?;
    let (q, run, themes) = latest(tx.conn(), id, question_id).await?;
    let labels: Vec<&str> = other_labels(&themes, None);
    if labels.is_empty() {
        return Err(ValidationError::new("label", ErrorCode::FieldRequired).into());
    }
    definitions::set_live_status(tx.conn(), run.id, "confirmed").await?;
    runs::set_step(
        tx.conn(),
        run.id,
        runs::RunStep::Confirmed,
        Some(cohesion_storage::Timestamp::now()),
    )
    .await?;
    audit_log(
        tx.conn(),
        me.origin(client),
        "themes.confirm",
        Some(id),
        &format!(
            "question {} run {}: {} themes confirmed ({})",
            q.id,
            run.id,
            labels.len(),
            labels.join("; ")
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
