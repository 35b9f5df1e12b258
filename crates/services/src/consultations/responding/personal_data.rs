//! A respondent's part of their "your data" download (their responses,
//! with the answers as sent) and of their account's deletion: what they
//! submitted leaves the totals (or stays, anonymously, as they choose),
//! and drafts never sent are discarded.

use cohesion_domain::survey::model::SurveyDefinition;
use cohesion_storage::consultations::responses::{self, ResponseRecord};
use cohesion_storage::consultations::{answers, totals};
use cohesion_storage::Conn;
use uuid::Uuid;

use super::submission::take_out_answers;
use crate::accounts::your_data::{iso, ResponseData, YourData};
use crate::consultations::load;
use crate::erasure::{Contributions, Names, Person, PersonalData, Step};
use crate::ServiceError;

/// The survey responses' hook (see `erasure`).
pub struct ResponsesHook;

impl PersonalData<YourData> for ResponsesHook {
    fn names(&self) -> &'static [Names] {
        const NAMES: &[Names] = &[Names::chosen("responses.respondent_id")];
        NAMES
    }

    fn export<'a>(
        &'a self,
        conn: Conn<'a>,
        person: &'a Person,
        into: &'a mut YourData,
    ) -> Step<'a> {
        Box::pin(async move {
            // Special-category answers included: they are the person's own.
            into.responses = responses::mine_with_titles(conn, person.id)
                .await?
                .into_iter()
                .map(|(r, title)| ResponseData {
                    consultation_id: r.consultation_id,
                    consultation: title,
                    reference: r.reference,
                    started_at: iso(r.created_at),
                    submitted_at: r.submitted_at.map(iso),
                    removed: r.removed_at.is_some(),
                    answers: serde_json::from_str(&r.draft).unwrap_or_default(),
                })
                .collect();
            Ok(())
        })
    }

    /// Unfinished drafts are never kept; with `Remove`, submitted answers
    /// leave the totals and are deleted.
    fn erase<'a>(&'a self, conn: Conn<'a>, person: &'a Person, choice: Contributions) -> Step<'a> {
        Box::pin(async move {
            match choice {
                Contributions::Keep => discard_drafts_of(conn, person.id).await,
                Contributions::Remove => remove_all_for(conn, person.id).await.map(|_| ()),
            }
        })
    }
}

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
            let (_, survey) = load(conn.reborrow(), r.consultation_id).await?;
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
