//! Officers writing a consultation: its text and dates, its survey, its
//! timeline, and publishing it (or its results) or withdrawing it.

use cohesion_domain::consultation::Publication;
use cohesion_domain::consultation::{ConsultationInput, Languages, StageInput};
use cohesion_domain::consultation_changes::details_changed;
use cohesion_domain::identity::Action;
use cohesion_domain::survey::diff;
use cohesion_domain::survey::model::SurveyDefinition;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::consultations::catalogue;
use cohesion_storage::{Db, Timestamp};
use uuid::Uuid;

use super::translations::{refresh_search, translates_anything};
use crate::accounts::SignedIn;
use cohesion_domain::local_time::SiteZone;
use cohesion_storage::consultations::translations;

use crate::audit::audit_log;
use crate::consultations::ConsultationError;
use crate::permissions::require;
use crate::ServiceError;

/// Creates a draft consultation with an empty survey. Its dates are read
/// as wall-clock time in `zone`, the site's; it is written in one of the
/// site's `languages`, the first unless the input names another.
pub async fn create(
    db: &Db,
    me: &SignedIn,
    input: &ConsultationInput,
    zone: &SiteZone,
    languages: &Languages,
    client: Option<&str>,
) -> Result<Uuid, ServiceError> {
    require(me, Action::RunEngagement)?;
    let fields = input
        .validate(zone, languages)
        .map_err(ServiceError::InvalidFields)?;
    let empty = serde_json::to_string(&SurveyDefinition::default())
        .unwrap_or_else(|_| "{\"pages\":[]}".into());
    let mut tx = db.begin().await?;
    let id = catalogue::insert(tx.conn(), &fields, &empty, Some(me.user_id)).await?;
    refresh_search(tx.conn(), id).await?;
    audit_log(
        tx.conn(),
        me.origin(client),
        "consultation.create",
        Some(id),
        &fields.title,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Saves the details, recording in the history each field that changed,
/// before and after. Input that names no language keeps the stored one;
/// the language changes only while no translation translates anything
/// (`language_has_translations`): they were made from it (ADR 16).
#[allow(clippy::too_many_arguments)] // the request, its place and its settings
pub async fn update(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    input: &ConsultationInput,
    zone: &SiteZone,
    languages: &Languages,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::RunEngagement)?;
    let mut fields = input
        .validate(zone, languages)
        .map_err(ServiceError::InvalidFields)?;
    let mut tx = db.begin().await?;
    // Locked, so that what the history says changed is what this save
    // replaced, and no translation is saved while the language changes
    // (`translations::set_translation` takes the same lock).
    let (stored, _) = catalogue::find_for_update(tx.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !input.names_language() {
        fields.language = stored.language.clone();
    }
    if fields.language != stored.language {
        if translates_anything(tx.conn(), id).await? {
            return Err(ServiceError::InvalidFields(vec![ValidationError::new(
                "language",
                ErrorCode::LanguageHasTranslations,
            )]));
        }
        // Emptied translations only: none is left in what is now the
        // original's language.
        translations::remove_all(tx.conn(), id).await?;
    }
    if !catalogue::update(tx.conn(), id, &fields).await? {
        return Err(ServiceError::NotFound);
    }
    refresh_search(tx.conn(), id).await?;
    // Each field changed, before and after, for the history.
    let changes = details_changed(&stored, &fields);
    let detail = serde_json::to_string(&changes).map_err(|e| {
        ServiceError::Storage(cohesion_storage::StorageError::Invalid(e.to_string()))
    })?;
    audit_log(
        tx.conn(),
        me.origin(client),
        "consultation.update",
        Some(id),
        &detail,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Replaces the survey after checking every question and routing rule.
/// Once anyone has responded only its wording may change (answers name
/// questions and options): a survey that differs in wording alone is
/// kept as a typo fix, in the consultation's history; any other change
/// is refused (`survey_locked`).
pub async fn set_survey(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    survey: &SurveyDefinition,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::RunEngagement)?;
    survey
        .validate()
        .map_err(ConsultationError::InvalidSurvey)?;
    let json = serde_json::to_string(survey).map_err(|e| {
        ServiceError::Storage(cohesion_storage::StorageError::Invalid(e.to_string()))
    })?;
    let mut tx = db.begin().await?;
    // Locked, so that the differences logged are from what this change
    // replaced.
    let (_, stored) = catalogue::find_for_update(tx.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if !catalogue::set_survey(tx.conn(), id, &json).await? {
        if super::wording_fixes::reworded_whole(tx.conn(), me, client, id, survey).await? {
            tx.commit().await?;
            return Ok(());
        }
        return Err(ValidationError::new("survey", ErrorCode::SurveyLocked).into());
    }
    // What changed, difference by difference, for the history, as the
    // builder's changes keep it: a survey sent whole says it by how it
    // differs from the one it replaced, its pages compared place by place.
    let edits = diff::edits(&super::parse_survey(&stored)?, survey);
    let detail = serde_json::to_string(&edits).map_err(|e| {
        ServiceError::Storage(cohesion_storage::StorageError::Invalid(e.to_string()))
    })?;
    audit_log(
        tx.conn(),
        me.origin(client),
        "consultation.survey",
        Some(id),
        &detail,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Replaces the timeline.
pub async fn set_stages(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    stages: &[StageInput],
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::RunEngagement)?;
    if stages.len() > cohesion_domain::consultation::MAX_STAGES {
        return Err(ValidationError::new("stages", ErrorCode::FieldTooLong).into());
    }
    let mut valid = Vec::with_capacity(stages.len());
    let mut errors = Vec::new();
    for s in stages {
        match s.validate() {
            Ok(s) => valid.push(s),
            Err(e) => errors.extend(e),
        }
    }
    if !errors.is_empty() {
        return Err(ServiceError::InvalidFields(errors));
    }
    let mut tx = db.begin().await?;
    if catalogue::find(tx.conn(), id).await?.is_none() {
        return Err(ServiceError::NotFound);
    }
    // A discussion linked to a place the new timeline does not have
    // would be unlinked without a word: refused, naming no one here (the
    // pages name them).
    crate::discussions::linking::refuse_unlinking(tx.conn(), id, valid.len()).await?;
    save_stages(tx, me, id, &valid, client).await
}

/// Removes the stage at place `index` (from 0) from the timeline. Links
/// follow places (ADR 38), so every discussion linked to that stage or a
/// later one would lose its stage or be moved to another's: refused
/// while there is one (`stage_has_discussions`), and an officer links
/// them elsewhere first. No such stage is not found.
pub async fn remove_stage(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    index: usize,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::RunEngagement)?;
    let mut tx = db.begin().await?;
    if catalogue::find(tx.conn(), id).await?.is_none() {
        return Err(ServiceError::NotFound);
    }
    let mut kept = catalogue::stages(tx.conn(), id).await?;
    if index >= kept.len() {
        return Err(ServiceError::NotFound);
    }
    crate::discussions::linking::refuse_unlinking(tx.conn(), id, index).await?;
    kept.remove(index);
    save_stages(tx, me, id, &kept, client).await
}

/// Saves timeline `valid` in `tx` and records what changed.
async fn save_stages(
    mut tx: cohesion_storage::Tx,
    me: &SignedIn,
    id: Uuid,
    valid: &[cohesion_domain::consultation::Stage],
    client: Option<&str>,
) -> Result<(), ServiceError> {
    // The history says which stage changed and how, not only that the
    // timeline did: the stages as they were, compared place by place.
    let before = catalogue::stages(tx.conn(), id).await?;
    catalogue::set_stages(tx.conn(), id, valid).await?;
    let changes = cohesion_domain::stage_changes::stage_changes(&before, valid);
    let detail = serde_json::to_string(&changes).map_err(|e| {
        ServiceError::Storage(cohesion_storage::StorageError::Invalid(e.to_string()))
    })?;
    audit_log(
        tx.conn(),
        me.origin(client),
        "consultation.stages",
        Some(id),
        &detail,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Publishes or withdraws the consultation itself or its results. What
/// is not published cannot be withdrawn: a conflict, `not_published`.
/// A consultation without questions cannot be published (`no_questions`),
/// nor the results of a draft or of one nobody has answered (see
/// `results::publication::publish`).
pub async fn set_published(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    what: Publication,
    publish: bool,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::RunEngagement)?;
    if what == Publication::Results && publish {
        // Every publishable question, unweighted.
        return crate::consultations::results::publication::publish(db, me, id, None, None, client)
            .await;
    }
    let mut tx = db.begin().await?;
    if what == Publication::Consultation && publish {
        let (_, survey) = super::load(tx.conn(), id).await?;
        if survey.questions().next().is_none() {
            return Err(ServiceError::Conflict(ValidationError::new(
                "survey",
                ErrorCode::NoQuestions,
            )));
        }
    }
    let at = publish.then(Timestamp::now);
    if !catalogue::set_published(tx.conn(), id, what, at).await? {
        // Withdrawn already (a form sent twice, or by two officers at
        // once), or no such consultation.
        return Err(match catalogue::find(tx.conn(), id).await? {
            Some(_) => {
                ServiceError::Conflict(ValidationError::new("publish", ErrorCode::NotPublished))
            }
            None => ServiceError::NotFound,
        });
    }
    if what == Publication::Results {
        // Withdrawn: publishing again starts from a fresh snapshot.
        crate::consultations::results::public::forget(tx.conn(), id).await?;
    }
    let action = match (what, publish) {
        (Publication::Consultation, true) => "consultation.publish",
        (Publication::Consultation, false) => "consultation.unpublish",
        (Publication::Results, true) => "consultation.results.publish",
        (Publication::Results, false) => "consultation.results.withdraw",
    };
    audit_log(tx.conn(), me.origin(client), action, Some(id), "").await?;
    tx.commit().await?;
    Ok(())
}
