//! Confirming the theme set answers are then mapped to. Far-reaching
//! (ADR 22): every answer is then mapped to the confirmed set, so the
//! pages ask first, and the set confirmed is the one the analyst was
//! shown.

use cohesion_domain::identity::Action;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::consultations::themes::{definitions, runs};
use cohesion_storage::Db;
use uuid::Uuid;

use super::{latest, live, other_labels};
use crate::accounts::SignedIn;
use crate::audit::audit_log;
use crate::permissions::require;
use crate::ServiceError;

/// The set an analyst was asked to confirm: the discovery run and its
/// live themes, as the question listed them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AskedSet {
    pub run: Uuid,
    pub themes: Vec<Uuid>,
}

/// Confirms the latest run's live themes as the set answers are mapped
/// to (the API, which does not ask). A set confirmed already is refused
/// with a 409 (`themes_already_confirmed`), nothing written.
pub async fn confirm(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    question_id: &str,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    confirm_set(db, me, id, question_id, None, client).await
}

/// [`confirm`], for the set `asked` about: refused with a 409
/// (`themes_changed`) when discovery has run again or the live themes
/// changed since the question was put, with a 404 when `asked` names no
/// run of this question (a forged form).
pub async fn confirm_asked(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    question_id: &str,
    asked: &AskedSet,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    confirm_set(db, me, id, question_id, Some(asked), client).await
}

async fn confirm_set(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    question_id: &str,
    asked: Option<&AskedSet>,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::Analyse)?;
    let mut tx = db.begin().await?;
    let (q, run, themes) = latest(tx.conn(), id, question_id).await?;
    if let Some(asked) = asked {
        if asked.run != run.id {
            return Err(
                match runs::is_run_of(tx.conn(), id, &q.id, asked.run).await? {
                    true => changed(),
                    false => ServiceError::NotFound,
                },
            );
        }
        let mut now: Vec<Uuid> = themes
            .iter()
            .filter(|t| live(&t.status))
            .map(|t| t.id)
            .collect();
        let mut shown = asked.themes.clone();
        now.sort();
        shown.sort();
        if now != shown {
            return Err(changed());
        }
    }
    let labels: Vec<&str> = other_labels(&themes, None);
    if labels.is_empty() {
        return Err(ValidationError::new("label", ErrorCode::FieldRequired).into());
    }
    // In the same transaction as the rest: a replay, or a second tab,
    // finds it stamped and changes nothing, the audit log included.
    if !runs::confirm_once(tx.conn(), run.id, cohesion_storage::Timestamp::now()).await? {
        return Err(ServiceError::Conflict(ValidationError::new(
            "themes",
            ErrorCode::ThemesAlreadyConfirmed,
        )));
    }
    definitions::set_live_status(tx.conn(), run.id, "confirmed").await?;
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

fn changed() -> ServiceError {
    ServiceError::Conflict(ValidationError::new("themes", ErrorCode::ThemesChanged))
}
