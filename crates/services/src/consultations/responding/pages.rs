//! Saving one page of answers into the respondent's draft.

use cohesion_domain::survey::answers::{
    check_response, clear_page, drop_hidden, fields_of_page, is_shown, parse_page, visible_pages,
    AnswerError, RawAnswers,
};
use cohesion_domain::survey::model::SurveyDefinition;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::consultations::responses;
use cohesion_storage::Conn;
use uuid::Uuid;

use super::{
    answers_before, owner, parse_draft, start, turned_away, Loaded, Next, Posted, Progress,
    Respondent, Started,
};
use crate::throttle::{throttle_in, Throttled};
use crate::ServiceError;

/// How the survey's pages sent a page.
#[derive(Debug, Clone, Copy)]
pub struct FromPages<'a> {
    /// The client's address: an anonymous respondent's first answers
    /// count against it.
    pub client: &'a str,
    /// Sent from a "change" link of "check your answers": back there
    /// next, unless the change opened questions still to answer.
    pub returning: bool,
}

/// Saves the answers on page `page` (from 0) inside the caller's
/// transaction; `from` when the survey's pages sent it.
pub(super) async fn save_page_in(
    mut tx: Conn<'_>,
    loaded: &mut Loaded,
    who: Respondent<'_>,
    id: Uuid,
    page: usize,
    raw: &RawAnswers,
    from: Option<FromPages<'_>>,
) -> Result<Posted<Next>, ServiceError> {
    let client = from.map(|f| f.client);
    let (consultation, survey) = loaded.get(tx.reborrow(), id).await?;
    if let Some(admission) = turned_away(consultation, &who)? {
        return Ok(Posted::turned_away(consultation, admission));
    }
    if page >= survey.pages.len() {
        return Err(ServiceError::NotFound);
    }
    let key = who.key(id);
    let existing = responses::find_for(tx.reborrow(), id, owner(&who, &key)).await?;
    if let (Some(client), Respondent::Anonymous(_), None) = (client, who, &existing) {
        throttle_in(tx.reborrow(), Throttled::AnonymousResponse, client).await?;
    }
    let refused = |errors| Posted::Refused {
        progress: Box::new(Progress::of(
            consultation.clone(),
            survey.clone(),
            existing.as_ref(),
            &who,
        )),
        errors,
    };
    let mut draft = existing.as_ref().map(parse_draft).unwrap_or_default();
    let earlier = answers_before(survey, &draft, page);
    if survey.pages[page]
        .skip_if
        .as_ref()
        .is_some_and(|r| cohesion_domain::survey::answers::holds(r, &earlier))
    {
        return Err(ValidationError::new("page", ErrorCode::HiddenQuestion).into());
    }
    // Fields for other pages or other surveys are refused, not ignored.
    let own = fields_of_page(survey, page, raw);
    let unknown = unknown_fields(raw, &own);
    if !unknown.is_empty() {
        return Ok(refused(unknown));
    }
    if let Err(errors) = parse_page(survey, page, raw, &earlier) {
        return Ok(refused(errors));
    }
    let shown_before = shown_questions(survey, &draft);
    // Hidden questions' fields were refused above, so the page's raw
    // fields are exactly what the respondent answered.
    put_page(survey, page, own, &mut draft);
    let json = serde_json::to_string(&draft).map_err(|e| {
        ServiceError::Storage(cohesion_storage::StorageError::Invalid(e.to_string()))
    })?;
    match existing {
        Some(r) => responses::save_draft(tx, r.id, &json).await?,
        None => {
            if let Started::Existing(r) = start(tx.reborrow(), id, owner(&who, &key), &json).await?
            {
                responses::save_draft(tx, r.id, &json).await?;
            }
        }
    }
    let pages = visible_pages(survey, &answers_before(survey, &draft, survey.pages.len()));
    if from.is_some_and(|f| f.returning) {
        return Ok(Posted::Done(back_to_check(
            survey,
            &draft,
            &pages,
            &shown_before,
        )));
    }
    Ok(Posted::Done(match pages.into_iter().find(|p| *p > page) {
        Some(p) => Next::Page(p),
        None => Next::CheckAnswers,
    }))
}

/// Where someone who changed an answer from "check your answers" goes
/// next: straight back, or, when the change (through routing) opened
/// questions they have not seen yet, the first page holding one, whether
/// it must be answered or may be (an optional question they were never
/// shown deserves to be seen before they send).
fn back_to_check(
    survey: &SurveyDefinition,
    draft: &RawAnswers,
    pages: &[usize],
    shown_before: &[String],
) -> Next {
    let errors = check_response(survey, draft).err().unwrap_or_default();
    let shown_now = shown_questions(survey, draft);
    pages
        .iter()
        .copied()
        .find(|p| {
            survey.pages[*p].questions.iter().any(|q| {
                errors.iter().any(|e| e.question == q.id)
                    || (shown_now.contains(&q.id) && !shown_before.contains(&q.id))
            })
        })
        .map_or(Next::CheckAnswers, Next::Page)
}

/// The ids of the questions `draft` leads the respondent to be shown:
/// on the pages routing does not skip, and not hidden by their own rule.
fn shown_questions(survey: &SurveyDefinition, draft: &RawAnswers) -> Vec<String> {
    let answers = answers_before(survey, draft, survey.pages.len());
    visible_pages(survey, &answers)
        .into_iter()
        .flat_map(|p| &survey.pages[p].questions)
        .filter(|q| is_shown(q, &answers))
        .map(|q| q.id.clone())
        .collect()
}

/// The fields of `raw` that are not the page's own, each refused.
fn unknown_fields(raw: &RawAnswers, own: &RawAnswers) -> Vec<AnswerError> {
    raw.keys()
        .filter(|k| !own.contains_key(*k))
        .map(|k| AnswerError {
            question: k.clone(),
            code: ErrorCode::UnknownQuestion,
        })
        .collect()
}

/// Puts page `page`'s answered fields into `draft` in place of what it
/// held for the page, and drops the answers the routing now hides.
fn put_page(survey: &SurveyDefinition, page: usize, own: RawAnswers, draft: &mut RawAnswers) {
    clear_page(survey, page, draft);
    for (k, v) in own {
        let values: Vec<String> = v.into_iter().filter(|s| !s.trim().is_empty()).collect();
        if !values.is_empty() {
            draft.insert(k, values);
        }
    }
    let all = answers_before(survey, draft, survey.pages.len());
    drop_hidden(survey, draft, &all);
}
