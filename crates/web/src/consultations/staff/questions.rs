//! A consultation's survey, question by question: adding, changing and
//! removing questions until anyone has answered.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::survey::builder::{place_of, placed, without_question, QuestionInput, KINDS};
use cohesion_domain::survey::model::{DefinitionError, Demographic};
use cohesion_domain::ValidationError;
use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::authoring;
use cohesion_services::consultations::reading;
use cohesion_services::consultations::ConsultationError;
use cohesion_services::ServiceError;
use cohesion_ui::{Field, FieldError, FormPage};
use serde::Deserialize;
use uuid::Uuid;

use super::CsrfOnly;
use crate::kit::{
    check_session_csrf, field_messages, path_id, respond, see_other, AppError, ClientKey, Langs,
    May, PageCtx, RunEngagement, StrictForm,
};

fn question_fields(
    ctx: &PageCtx,
    v: &QuestionInput,
    survey_pages: usize,
    errors: &[FieldError],
) -> Vec<Field> {
    let default_page = survey_pages.max(1).to_string();
    let mut fields = vec![
        Field::choice(
            "page",
            "select",
            ctx.t("question-page"),
            page_choices(ctx, survey_pages),
        )
        .value(if v.page.is_empty() {
            &default_page
        } else {
            &v.page
        })
        .errors_from(errors),
        Field::new("position", "text", "off", ctx.t("question-position"))
            .hint(ctx.t("question-position-hint"))
            .value(&v.position)
            .errors_from(errors),
        Field::choice(
            "kind",
            "select",
            ctx.t("question-kind"),
            KINDS
                .iter()
                .map(|k| (k.to_string(), ctx.t(&format!("question-kind-{k}"))))
                .collect(),
        )
        .value(&v.kind)
        .errors_from(errors),
        Field::new("text", "textarea", "off", ctx.t("question-text"))
            .value(&v.text)
            .errors_from(errors),
        Field::new("hint", "text", "off", ctx.t("question-hint"))
            .hint(ctx.t("optional"))
            .value(&v.hint)
            .errors_from(errors),
        Field::choice(
            "required",
            "radios",
            ctx.t("question-required"),
            vec![("yes".into(), ctx.t("yes")), ("no".into(), ctx.t("no"))],
        )
        .value(if v.required.is_empty() {
            "no"
        } else {
            &v.required
        })
        .errors_from(errors),
    ];
    fields.extend(answer_fields(ctx, v, errors));
    fields
}

/// The survey's pages to put a question on, and a new page after them.
fn page_choices(ctx: &PageCtx, survey_pages: usize) -> Vec<(String, String)> {
    (1..=survey_pages + 1)
        .map(|p| {
            let label = if p == survey_pages + 1 {
                ctx.locale()
                    .t_args("question-new-page", &[("page", (p as u64).into())])
            } else {
                p.to_string()
            };
            (p.to_string(), label)
        })
        .collect()
}

/// The question form's fields about its answers: options, limits, what
/// it asks of a person, and when it is shown.
fn answer_fields(ctx: &PageCtx, v: &QuestionInput, errors: &[FieldError]) -> Vec<Field> {
    vec![
        Field::new("options", "textarea", "off", ctx.t("question-options"))
            .hint(ctx.t("question-options-hint"))
            .value(&v.options)
            .errors_from(errors),
        Field::new("max", "text", "off", ctx.t("question-max"))
            .hint(ctx.t("question-max-hint"))
            .value(&v.max)
            .errors_from(errors),
        Field::new("min", "text", "off", ctx.t("question-min"))
            .hint(ctx.t("question-min-hint"))
            .value(&v.min)
            .errors_from(errors),
        Field::choice(
            "demographic",
            "select",
            ctx.t("question-demographic"),
            std::iter::once((String::new(), ctx.t("none")))
                .chain(Demographic::ALL.iter().map(|d| {
                    (
                        d.key().to_owned(),
                        ctx.t(&format!("demographic-kind-{}", d.key())),
                    )
                }))
                .collect(),
        )
        .value(&v.demographic)
        .errors_from(errors),
        Field::new("purpose", "textarea", "off", ctx.t("question-purpose"))
            .hint(ctx.t("question-purpose-hint"))
            .value(&v.purpose)
            .errors_from(errors),
        Field::new("show_if_question", "text", "off", ctx.t("question-show-if"))
            .hint(ctx.t("question-show-if-hint"))
            .value(&v.show_if_question)
            .errors_from(errors),
        Field::new(
            "show_if_options",
            "text",
            "off",
            ctx.t("question-show-if-options"),
        )
        .hint(ctx.t("question-show-if-options-hint"))
        .value(&v.show_if_options)
        .errors_from(errors),
    ]
}

/// The question form: adding one (`editing` is `None`) or changing
/// question `editing`.
async fn question_page<'a>(
    ctx: &'a PageCtx,
    csrf: &str,
    id: Uuid,
    pages: usize,
    v: &QuestionInput,
    errors: Vec<FieldError>,
    editing: Option<&str>,
) -> Result<FormPage<'a>, AppError> {
    let (action, title, lead) = match editing {
        None => (
            format!("/staff/consultations/{id}/questions/new"),
            "question-add",
            "question-add-lead",
        ),
        Some(qid) => (
            format!("/staff/consultations/{id}/questions/{qid}/edit"),
            "question-edit",
            "question-edit-lead",
        ),
    };
    let mut page = FormPage::new(
        ctx.chrome_for(&action, title).await?,
        csrf.to_owned(),
        &action,
        ctx.t(title),
    );
    page.back = Some((format!("/staff/consultations/{id}"), ctx.t("back")));
    page.lead = vec![ctx.t(lead).into()];
    page.fields = question_fields(ctx, v, pages, &errors);
    page.errors = errors;
    Ok(page)
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
    let page = question_page(
        &ctx,
        &me.csrf,
        id,
        v.survey.pages.len(),
        &QuestionInput::default(),
        Vec::new(),
        None,
    )
    .await?;
    respond(StatusCode::OK, page, None)
}

#[derive(Deserialize)]
pub struct QuestionForm {
    #[serde(default)]
    csrf: String,
    #[serde(flatten)]
    input: QuestionInput,
}

/// Survey problems as form errors: they name a question or a page, and
/// the form shows them all against the question being added.
fn survey_messages(ctx: &PageCtx, errors: &[DefinitionError]) -> Vec<FieldError> {
    errors
        .iter()
        .map(|e| FieldError {
            field: "text",
            message: format!("{}: {}", e.at, ctx.t(&format!("reason-{}", e.code))),
        })
        .collect()
}

pub async fn add_question(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    client: ClientKey,
    Path(id): Path<String>,
    StrictForm(form): StrictForm<QuestionForm>,
) -> Result<Response, AppError> {
    save_question(ctx, me, client, id, None, form).await
}

pub async fn edit_question_form(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path((id, qid)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let v = reading::view(&ctx.state.db, Some(&me), id).await?;
    let (place, q) = place_of(&v.survey, &qid)
        .zip(v.survey.question(&qid))
        .ok_or(ServiceError::NotFound)?;
    if let Some(locked) = super::fixes::refuse_if_locked(&ctx, &v, place.page).await? {
        return Ok(locked);
    }
    let input = QuestionInput::from_question(place.page, place.position.unwrap_or(0), q);
    let page = question_page(
        &ctx,
        &me.csrf,
        id,
        v.survey.pages.len(),
        &input,
        Vec::new(),
        Some(&qid),
    )
    .await?;
    respond(StatusCode::OK, page, None)
}

pub async fn edit_question(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    client: ClientKey,
    Path((id, qid)): Path<(String, String)>,
    StrictForm(form): StrictForm<QuestionForm>,
) -> Result<Response, AppError> {
    save_question(ctx, me, client, id, Some(qid), form).await
}

/// Adds a question (`editing` is `None`) or changes one, keeping its id so
/// its translations stay with it. The survey service refuses both once
/// anyone has answered.
async fn save_question(
    ctx: PageCtx,
    me: SignedIn,
    client: ClientKey,
    id: String,
    editing: Option<String>,
    form: QuestionForm,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let id = path_id(&id)?;
    let v = reading::view(&ctx.state.db, Some(&me), id).await?;
    let pages = v.survey.pages.len();
    let refuse = |errors: Vec<FieldError>| async {
        let page = question_page(
            &ctx,
            &me.csrf,
            id,
            pages,
            &form.input,
            errors,
            editing.as_deref(),
        )
        .await?;
        respond(StatusCode::UNPROCESSABLE_ENTITY, page, None)
    };
    let question_id = match &editing {
        Some(qid) if v.survey.question(qid).is_none() => return Err(ServiceError::NotFound.into()),
        Some(qid) => qid.clone(),
        None => v.survey.next_id(),
    };
    let (place, question) = match form.input.build(&v.survey, question_id) {
        Ok(q) => q,
        Err(errors) => return refuse(field_messages(&ctx, &errors)).await,
    };
    let next = placed(&v.survey, place, question);
    let done = if editing.is_some() {
        "question-changed"
    } else {
        "question-added"
    };
    match authoring::set_survey(&ctx.state.db, &me, id, &next, Some(&client.0)).await {
        Ok(()) => Ok(see_other(&format!("/staff/consultations/{id}?done={done}"))),
        Err(ServiceError::Consultation(ConsultationError::InvalidSurvey(errors))) => {
            refuse(survey_messages(&ctx, &errors)).await
        }
        Err(ServiceError::Invalid(e)) => {
            refuse(field_messages(
                &ctx,
                &[ValidationError::new("text", e.code)],
            ))
            .await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn remove_question_form(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path((id, qid)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let v = reading::view(&ctx.state.db, Some(&me), id).await?;
    let q = v.survey.question(&qid).ok_or(ServiceError::NotFound)?;
    let page = place_of(&v.survey, &qid).map_or(0, |p| p.page);
    if let Some(locked) = super::fixes::refuse_if_locked(&ctx, &v, page).await? {
        return Ok(locked);
    }
    let action = format!("/staff/consultations/{id}/questions/{qid}/remove");
    let mut page = FormPage::new(
        ctx.chrome_for(&action, "question-remove").await?,
        me.csrf.clone(),
        &action,
        ctx.t("question-remove"),
    );
    page.back = Some((format!("/staff/consultations/{id}"), ctx.t("back")));
    page.lead = vec![Langs::as_written(&ctx).original(q.text.as_str()).into()];
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
    let id = path_id(&id)?;
    let v = reading::view(&ctx.state.db, Some(&me), id).await?;
    let next = without_question(&v.survey, &qid).ok_or(ServiceError::NotFound)?;
    authoring::set_survey(&ctx.state.db, &me, id, &next, Some(&client.0)).await?;
    Ok(see_other(&format!(
        "/staff/consultations/{id}?done=question-removed"
    )))
}
