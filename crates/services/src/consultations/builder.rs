//! Officers building a survey one change at a time, through the pages:
//! a question added, changed, moved or removed, a page given a title or
//! a skip rule.
//! Each change is worked out on the survey as stored, read under lock in
//! the transaction that saves it, so a form sent twice or two officers
//! at work together never undo each other's changes, and a refused
//! change saves nothing. A form carries the revision of the survey it
//! was built on, and is refused once the survey has changed since. The
//! API replaces the survey whole instead
//! ([`super::authoring::set_survey`]).

use cohesion_domain::identity::Action;
use cohesion_domain::survey::changes::{self, Change, Changed, Refusal};
use cohesion_domain::survey::diff;
use cohesion_domain::survey::model::SurveyDefinition;
use cohesion_domain::translation::{fingerprint, Texts};
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::consultations::{catalogue, translations};
use cohesion_storage::Db;
use uuid::Uuid;

use super::{parse_survey, ConsultationError};
use crate::accounts::SignedIn;
use crate::audit::audit_log;
use crate::permissions::require;
use crate::ServiceError;

impl From<Refusal> for ServiceError {
    fn from(r: Refusal) -> Self {
        match r {
            Refusal::Fields(errors) => ServiceError::InvalidFields(errors),
            Refusal::Conflicts(list) => ConsultationError::RuleConflicts(list).into(),
            Refusal::Both(fields, list) => {
                ConsultationError::FieldsAndConflicts(fields, list).into()
            }
            Refusal::NotFound => ServiceError::NotFound,
            Refusal::Survey(errors) => ConsultationError::InvalidSurvey(errors).into(),
        }
    }
}

fn locked() -> ServiceError {
    ValidationError::new("survey", ErrorCode::SurveyLocked).into()
}

/// The survey's revision, as the builder's forms carry it: a fingerprint
/// of the survey as stored, so any change to it (through the pages or
/// the API) gives another, and a form built before it can be told apart
/// (ADR 25).
pub fn revision(survey: &SurveyDefinition) -> String {
    fingerprint(&serde_json::to_string(survey).unwrap_or_default())
}

/// Makes `change` to consultation `id`'s survey, all of it or nothing.
/// Refused once anyone has responded (answers name questions and
/// options), with every problem of the form's fields, or with the
/// routing rules it would break.
pub async fn change(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    change: Change<'_>,
    client: Option<&str>,
) -> Result<Changed, ServiceError> {
    change_seen(db, me, id, change, None, client).await
}

/// [`change`], asked for by a form built on the survey at revision
/// `seen` ([`revision`]): refused as a conflict (`survey_changed`),
/// nothing saved, when the survey has changed since, so a form sent
/// twice (a double click, the back button and send again) does its
/// change once, and a form built before another officer's change does
/// not overlook it. `None` (a form of before revisions, or a caller
/// that needs none) is not checked.
pub async fn change_seen(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    change: Change<'_>,
    seen: Option<&str>,
    client: Option<&str>,
) -> Result<Changed, ServiceError> {
    require(me, Action::RunEngagement)?;
    let mut tx = db.begin().await?;
    let (consultation, stored) = catalogue::find_for_update(tx.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if consultation.response_count > 0 {
        return Err(locked());
    }
    let before = parse_survey(&stored)?;
    // Checked on the survey read under lock: of two copies of one form
    // sent at once, the second sees the first's change.
    if seen.is_some_and(|seen| seen != revision(&before)) {
        return Err(ServiceError::Conflict(ValidationError::new(
            "revision",
            ErrorCode::SurveyChanged,
        )));
    }
    let changed = changes::apply(&before, change)?;
    // A move to where the question already is (a form sent twice), or a
    // form sent unchanged: nothing to save, nothing to record.
    if changed.survey == before {
        return Ok(changed);
    }
    // Someone may have started answering since the count was taken.
    if !catalogue::set_survey(tx.conn(), id, &to_json(&changed.survey)?).await? {
        return Err(locked());
    }
    let moved = changed.pages.len() != before.pages.len()
        || changed
            .pages
            .iter()
            .enumerate()
            .any(|(p, was)| *was != Some(p));
    if moved {
        follow_pages(tx.conn(), id, &changed).await?;
    }
    audit_log(
        tx.conn(),
        me.origin(client),
        "consultation.survey",
        Some(id),
        &to_json(&diff::of_change(&before, &changed))?,
    )
    .await?;
    tx.commit().await?;
    Ok(changed)
}

fn to_json(value: &impl serde::Serialize) -> Result<String, ServiceError> {
    serde_json::to_string(value)
        .map_err(|e| ServiceError::Storage(cohesion_storage::StorageError::Invalid(e.to_string())))
}

/// Keeps each language's translations of page titles with their pages,
/// whose keys count them: a page left empty went, and those after it
/// moved up.
async fn follow_pages(
    mut conn: cohesion_storage::Conn<'_>,
    id: Uuid,
    changed: &Changed,
) -> Result<(), ServiceError> {
    for (locale, json) in translations::by_language(conn.reborrow(), id).await? {
        let texts: Texts = serde_json::from_str(&json).unwrap_or_default();
        if let Some(followed) = changed.follow_pages(&texts) {
            translations::set_texts(conn.reborrow(), id, &locale, &to_json(&followed)?).await?;
        }
    }
    Ok(())
}
