//! A respondent's part when their account is deleted: what they
//! submitted leaves the totals (or stays, anonymously, as they choose),
//! and drafts never sent are discarded.

use cohesion_domain::survey::model::SurveyDefinition;
use cohesion_storage::consultations::responses::{self, ResponseRecord};
use cohesion_storage::consultations::{answers, catalogue, totals};
use cohesion_storage::Conn;
use uuid::Uuid;

use super::submission::take_out_answers;
use crate::consultations::parse_survey;
use crate::ServiceError;

/// Takes a submitted response's answers out of the totals and deletes
/// them (the respondent count is the caller's to change).
async fn withdraw_answers(
    mut conn: Conn<'_>,
    survey: &SurveyDefinition,
    response: &ResponseRecord,
) -> Result<(), ServiceError> {
    let keys = take_out_answers(conn.reborrow(), survey, response).await?;
    totals::adjust_counts(conn, response.consultation_id, &keys, -1, 0).await?;
    Ok(())
}

/// Account deletion with "remove my contributions": each submitted
/// response leaves the totals and its answers are deleted; the response
/// row stays, marked removed, so the count of removals is visible.
pub async fn remove_all_for(mut conn: Conn<'_>, user: Uuid) -> Result<usize, ServiceError> {
    let mut list = responses::for_respondent(conn.reborrow(), user).await?;
    // Each consultation's shared totals and count are locked in turn until
    // COMMIT; taking the consultations in one order for everybody (not in
    // the order the person answered them) is what lets two removals on
    // PostgreSQL queue instead of deadlocking.
    list.sort_by_key(|r| r.consultation_id);
    for r in &list {
        if r.submitted_at.is_some() && r.removed_at.is_none() {
            let c = catalogue::find(conn.reborrow(), r.consultation_id)
                .await?
                .ok_or(ServiceError::NotFound)?;
            let survey = parse_survey(&c.survey)?;
            withdraw_answers(conn.reborrow(), &survey, r).await?;
            totals::adjust_counts(conn.reborrow(), r.consultation_id, &[], 0, -1).await?;
        }
        answers::delete_answers(conn.reborrow(), r.id).await?;
        responses::mark_removed(conn.reborrow(), r.id).await?;
    }
    Ok(list.len())
}

/// Account deletion with "keep my contributions": submitted responses
/// stay (their author shown as a deleted account); drafts never sent are
/// discarded, and so are changes to a submitted response never
/// resubmitted (what was submitted stays in its answers).
pub async fn discard_drafts_of(mut conn: Conn<'_>, user: Uuid) -> Result<(), ServiceError> {
    for r in responses::for_respondent(conn.reborrow(), user).await? {
        if r.submitted_at.is_none() {
            responses::mark_removed(conn.reborrow(), r.id).await?;
        } else {
            responses::save_draft(conn.reborrow(), r.id, "{}").await?;
        }
    }
    Ok(())
}
