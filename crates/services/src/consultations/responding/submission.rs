//! Submitting a response: every answer checked again, then the answer
//! rows, the running totals and the respondent count written in one
//! transaction; a changed response's old answers leave the totals in the
//! same pass.

use cohesion_domain::survey::answers::{check_response, Answers, RawAnswers};
use cohesion_domain::survey::model::SurveyDefinition;
use cohesion_domain::survey::tally::{count_keys, rows, CountKey};
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::consultations::responses::{self, ResponseRecord};
use cohesion_storage::consultations::{answers, submission};
use cohesion_storage::{Conn, Timestamp};
use uuid::Uuid;

use super::{
    check_open, owner, parse_draft, start, turned_away, Loaded, Posted, Progress, Respondent,
    Started,
};
use crate::audit::audit_log;
use crate::consultations::ConsultationError;
use crate::throttle::{throttle_in, Throttled};
use crate::ServiceError;

/// Submits the respondent's draft inside the caller's transaction;
/// `client` is where it came from, for the audit log.
pub(super) async fn submit_in(
    mut tx: Conn<'_>,
    loaded: &mut Loaded,
    who: Respondent<'_>,
    id: Uuid,
    client: Option<&str>,
) -> Result<Posted<String>, ServiceError> {
    let (consultation, survey) = loaded.get(tx.reborrow(), id).await?;
    if let Some(admission) = turned_away(consultation, &who)? {
        return Ok(Posted::turned_away(consultation, admission));
    }
    let key = who.key(id);
    // Read under the row's lock: two tabs submitting at once queue here,
    // and the second sees the first's submission, so it takes those
    // answers out instead of counting twice.
    let response = responses::find_for_update(tx.reborrow(), id, owner(&who, &key))
        .await?
        .ok_or(ValidationError::new(
            "consultation",
            ErrorCode::FieldRequired,
        ))?;
    let answers = match check_response(survey, &parse_draft(&response)) {
        Ok(answers) => answers,
        Err(errors) => {
            let progress =
                Progress::of(consultation.clone(), survey.clone(), Some(&response), &who);
            return Ok(Posted::Refused {
                progress: Box::new(progress),
                errors,
            });
        }
    };
    submit_answers(tx.reborrow(), survey, &response, &answers).await?;
    log_sent(tx, who, &response, client).await?;
    Ok(Posted::Done(response.reference))
}

/// Writes to the audit log, in the submission's transaction, that a
/// signed-in respondent sent (or changed and sent again) their answers
/// to the consultation: so that their "Your data" page lists it. The
/// consultation is the subject and the detail fixed words, never the
/// answers or the response's reference: the log is never erased (ADR 7)
/// and must not lead from an address to what someone answered. The
/// responses table already ties the account to the consultation, in both
/// of erasure's choices, so the entry adds no link the person's deletion
/// would otherwise break. An anonymous respondent has no account, and no
/// page to show it on: nothing is written.
async fn log_sent(
    tx: Conn<'_>,
    who: Respondent<'_>,
    response: &ResponseRecord,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    let Respondent::Account(me) = who else {
        return Ok(());
    };
    let detail = if response.submitted_at.is_none() {
        "answers sent"
    } else {
        "answers changed"
    };
    audit_log(
        tx,
        me.origin(client),
        "response.submit",
        Some(response.consultation_id),
        detail,
    )
    .await
}

/// Takes a whole response inside the caller's transaction; `from` (the
/// client's address, and whether the response must exist) as
/// [`super::writes::respond_all_from`] says.
pub(super) async fn respond_all_in(
    mut tx: Conn<'_>,
    loaded: &mut Loaded,
    who: Respondent<'_>,
    id: Uuid,
    raw: &RawAnswers,
    from: Option<(&str, bool)>,
) -> Result<String, ServiceError> {
    let (consultation, survey) = loaded.get(tx.reborrow(), id).await?;
    check_open(consultation, &who)?;
    let answers = check_response(survey, raw).map_err(ConsultationError::InvalidAnswers)?;
    let key = who.key(id);
    let json = serde_json::to_string(raw).map_err(|e| {
        ServiceError::Storage(cohesion_storage::StorageError::Invalid(e.to_string()))
    })?;
    // Under the row's lock, as in `submit`; a new response is ours alone
    // until this transaction commits.
    let found = responses::find_for_update(tx.reborrow(), id, owner(&who, &key)).await?;
    let (response, draft) = match found {
        Some(r) => (r, Some(json.as_str())),
        None if from.is_some_and(|(_, known_only)| known_only) => {
            return Err(ValidationError::new("respondent_token", ErrorCode::InvalidToken).into());
        }
        None => {
            if let (Some((client, _)), Respondent::Anonymous(_)) = (from, who) {
                throttle_in(tx.reborrow(), Throttled::AnonymousResponse, client).await?;
            }
            match start(tx.reborrow(), id, owner(&who, &key), &json).await? {
                Started::New(r) => (r, None),
                Started::Existing(r) => (r, Some(json.as_str())),
            }
        }
    };
    submit_answers_with_draft(tx.reborrow(), survey, &response, &answers, draft).await?;
    log_sent(tx, who, &response, from.map(|(client, _)| client)).await?;
    Ok(response.reference)
}

/// Writes a checked response's answers and moves the totals, inside the
/// caller's transaction.
pub async fn submit_answers(
    conn: Conn<'_>,
    survey: &SurveyDefinition,
    response: &ResponseRecord,
    answers: &Answers,
) -> Result<(), ServiceError> {
    submit_answers_with_draft(conn, survey, response, answers, None).await
}

/// [`submit_answers`], storing `draft` as the response's draft in the
/// same statement that marks it submitted.
async fn submit_answers_with_draft(
    mut conn: Conn<'_>,
    survey: &SurveyDefinition,
    response: &ResponseRecord,
    answers: &Answers,
    draft: Option<&str>,
) -> Result<(), ServiceError> {
    let first = response.submitted_at.is_none();
    // A changed response: its old answers leave the totals in the same
    // pass as the new ones enter (one pass in key order; see
    // `record_submission`).
    let withdrawn = if first {
        Vec::new()
    } else {
        take_out_answers(conn.reborrow(), survey, response).await?
    };
    let new_rows = rows(survey, answers);
    let keys = count_keys(survey, &new_rows);
    submission::record_submission(
        conn,
        response.id,
        response.consultation_id,
        &new_rows,
        &keys,
        &withdrawn,
        i64::from(first),
        Timestamp::now(),
        draft,
    )
    .await?;
    Ok(())
}

/// Deletes a submitted response's answer rows and returns the running
/// totals they were counted in, for the caller to take them out of.
pub(super) async fn take_out_answers(
    mut conn: Conn<'_>,
    survey: &SurveyDefinition,
    response: &ResponseRecord,
) -> Result<Vec<CountKey>, ServiceError> {
    let mut old = answers::answers(conn.reborrow(), response.id, false).await?;
    old.extend(answers::answers(conn.reborrow(), response.id, true).await?);
    answers::delete_answers(conn, response.id).await?;
    Ok(count_keys(survey, &old))
}
