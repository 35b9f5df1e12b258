//! A consultation's survey, question by question: adding, changing and
//! removing questions until anyone has answered. The form is built in
//! [`super::question_form`]; each change is the survey builder service's
//! to make whole or refuse.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::survey::builder::QuestionInput;
use cohesion_domain::survey::changes::{self, Change, Refusal, RuleConflict};
use cohesion_domain::survey::placement::position;
use cohesion_domain::ErrorCode;
use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::builder;
use cohesion_services::consultations::reading;
use cohesion_services::consultations::ConsultationError;
use cohesion_services::ServiceError;
use cohesion_ui::FormPage;
use uuid::Uuid;

use super::question_form::{field_problems, question_page, survey_problem, Filling, Problem};
use super::survey::{conflict_phrase, refused, Names};
use super::CsrfOnly;
use crate::kit::{
    check_session_csrf, path_id, respond, see_other, AppError, ClientKey, Langs, May, PageCtx,
    RunEngagement, StrictForm,
};

/// The form as sent: its token, the revision of the survey it was built
/// on (if it says), and the question. Ticked boxes repeat their name, so
/// the rule's answers are gathered, comma-separated; of any other field
/// sent twice the first counts.
fn read_form(fields: &[(String, String)]) -> (String, Option<String>, QuestionInput) {
    let first = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let ticked: Vec<&str> = fields
        .iter()
        .filter(|(k, _)| k == "show_if_options")
        .map(|(_, v)| v.as_str())
        .collect();
    let input = QuestionInput {
        place: first("place"),
        page: first("page"),
        position: first("position"),
        page_title: first("page_title"),
        kind: first("kind"),
        text: first("text"),
        hint: first("hint"),
        required: first("required"),
        options: first("options"),
        max: first("max"),
        min: first("min"),
        demographic: first("demographic"),
        purpose: first("purpose"),
        show_if_question: first("show_if_question"),
        show_if_options: ticked.join(","),
    };
    let revision = fields
        .iter()
        .find(|(k, _)| k == "revision")
        .map(|(_, v)| v.clone());
    (first("csrf"), revision, input)
}

pub async fn question_form(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let v = reading::view(&ctx.state.db, Some(&me), id).await?;
    if let Some(locked) = super::fixes::refuse_if_locked(&ctx, &v, 0).await? {
        return Ok(locked);
    }
    let filling = Filling {
        survey: &v.survey,
        language: &v.consultation.language,
        editing: None,
        input: &QuestionInput::default(),
        problems: Vec::new(),
    };
    let page = question_page(&ctx, &me.csrf, id, filling).await?;
    respond(StatusCode::OK, page, None)
}

pub async fn add_question(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    client: ClientKey,
    Path(id): Path<String>,
    StrictForm(fields): StrictForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    save_question(ctx, me, client, id, None, &fields).await
}

pub async fn edit_question_form(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path((id, qid)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let v = reading::view(&ctx.state.db, Some(&me), id).await?;
    let q = v.survey.question(&qid).ok_or(ServiceError::NotFound)?;
    let page = position(&v.survey, &qid).map_or(0, |(p, _)| p);
    if let Some(locked) = super::fixes::refuse_if_locked(&ctx, &v, page).await? {
        return Ok(locked);
    }
    let filling = Filling {
        survey: &v.survey,
        language: &v.consultation.language,
        editing: Some(&qid),
        input: &QuestionInput::from_question(&v.survey, q),
        problems: Vec::new(),
    };
    let page = question_page(&ctx, &me.csrf, id, filling).await?;
    respond(StatusCode::OK, page, None)
}

pub async fn edit_question(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    client: ClientKey,
    Path((id, qid)): Path<(String, String)>,
    StrictForm(fields): StrictForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    save_question(ctx, me, client, id, Some(qid), &fields).await
}

/// The rules a change would break, each beside the field to change.
fn conflict_problems(ctx: &PageCtx, names: &Names<'_>, conflicts: &[RuleConflict]) -> Vec<Problem> {
    conflicts
        .iter()
        .map(|c| Problem {
            field: c.field,
            message: conflict_phrase(ctx, names, c),
        })
        .collect()
}

/// Adds a question (`editing` is `None`) or changes one, keeping its id
/// so its answers' place and translations stay with it; a refusal shows
/// the form again with what was sent and every problem (422).
async fn save_question(
    ctx: PageCtx,
    me: SignedIn,
    client: ClientKey,
    id: String,
    editing: Option<String>,
    fields: &[(String, String)],
) -> Result<Response, AppError> {
    let (csrf, revision, input) = read_form(fields);
    check_session_csrf(&me, &csrf)?;
    let id = path_id(&id)?;
    let change = match &editing {
        Some(qid) => Change::Edit(qid, &input),
        None => Change::Add(&input),
    };
    let db = &ctx.state.db;
    let seen = revision.as_deref();
    let refusal = match builder::change_seen(db, &me, id, change, seen, Some(&client.0)).await {
        Ok(_) => {
            let done = match editing {
                Some(_) => "question-changed",
                None => "question-added",
            };
            return Ok(see_other(&format!("/staff/consultations/{id}?done={done}")));
        }
        Err(e) => e,
    };
    // The form again, built on the survey as it is now.
    let v = reading::view(&ctx.state.db, Some(&me), id).await?;
    let mut status = StatusCode::UNPROCESSABLE_ENTITY;
    let names = Names {
        survey: &v.survey,
        language: &v.consultation.language,
        this: Some((editing.as_deref().unwrap_or_default(), input.text.trim())),
    };
    let problems = match refusal {
        ServiceError::InvalidFields(errors) => {
            field_problems(&ctx, (&input, &v.consultation.language), &errors)
        }
        ServiceError::Consultation(ConsultationError::RuleConflicts(list)) => {
            conflict_problems(&ctx, &names, &list)
        }
        ServiceError::Consultation(ConsultationError::FieldsAndConflicts(errors, list)) => {
            let mut problems = field_problems(&ctx, (&input, &v.consultation.language), &errors);
            problems.extend(conflict_problems(&ctx, &names, &list));
            problems
        }
        ServiceError::Invalid(e) if e.code == ErrorCode::SurveyLocked => {
            survey_problem(&ctx, e.code)
        }
        ServiceError::Conflict(e) if e.code == ErrorCode::SurveyChanged => {
            status = StatusCode::CONFLICT;
            survey_problem(&ctx, e.code)
        }
        e => return Err(e.into()),
    };
    let filling = Filling {
        survey: &v.survey,
        language: &v.consultation.language,
        editing: editing.as_deref(),
        input: &input,
        problems,
    };
    let page = question_page(&ctx, &me.csrf, id, filling).await?;
    respond(status, page, None)
}

/// Asks before removing a question; a question others depend on cannot
/// be removed, and the page says which depend on it instead.
pub async fn remove_question_form(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path((id, qid)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let v = reading::view(&ctx.state.db, Some(&me), id).await?;
    let q = v.survey.question(&qid).ok_or(ServiceError::NotFound)?;
    let page = position(&v.survey, &qid).map_or(0, |(p, _)| p);
    if let Some(locked) = super::fixes::refuse_if_locked(&ctx, &v, page).await? {
        return Ok(locked);
    }
    if let Err(Refusal::Conflicts(list)) = changes::apply(&v.survey, Change::Remove(&qid)) {
        return refused(
            &ctx,
            &me,
            id,
            "question-remove-refused",
            &list,
            StatusCode::OK,
        )
        .await;
    }
    let action = format!("/staff/consultations/{id}/questions/{qid}/remove");
    let mut page = FormPage::new(
        ctx.chrome_for(&action, "question-remove").await?,
        me.csrf.clone(),
        &action,
        ctx.t("question-remove"),
    );
    page.back = Some((format!("/staff/consultations/{id}#survey"), ctx.t("back")));
    page.lead = vec![Langs::as_written(&ctx, &v.consultation.language)
        .original(q.text.as_str())
        .into()];
    page.danger = true;
    respond(StatusCode::OK, page, None)
}

pub async fn remove_question(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    client: ClientKey,
    Path((id, qid)): Path<(String, String)>,
    StrictForm(form): StrictForm<CsrfOnly>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let id: Uuid = path_id(&id)?;
    let removed = builder::change(
        &ctx.state.db,
        &me,
        id,
        Change::Remove(&qid),
        Some(&client.0),
    )
    .await;
    match removed {
        Ok(_) => Ok(see_other(&format!(
            "/staff/consultations/{id}?done=question-removed#survey"
        ))),
        Err(ServiceError::Consultation(ConsultationError::RuleConflicts(list))) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            refused(&ctx, &me, id, "question-remove-refused", &list, status).await
        }
        Err(e) => Err(e.into()),
    }
}
