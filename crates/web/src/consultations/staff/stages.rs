//! A consultation's timeline: adding and removing stages.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::consultation::{format_date, Stage, StageInput, StageLink, StageState};
use cohesion_domain::ErrorCode;
use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::authoring;
use cohesion_services::consultations::reading::{self, ConsultationView};
use cohesion_services::discussions::linking;
use cohesion_services::ServiceError;
use cohesion_ui::{Field, FieldError, FormPage, ReportPage, Value};
use serde::Deserialize;
use uuid::Uuid;

use super::CsrfOnly;
use crate::kit::dates::DATE_EXAMPLE;
use crate::kit::{
    check_session_csrf, path_id, respond, see_other, submit_form, AppError, ClientKey, Langs, May,
    PageCtx, RunEngagement, StrictForm,
};

fn stage_fields(ctx: &PageCtx, v: &StageInput, errors: &[FieldError]) -> Vec<Field> {
    vec![
        Field::new("name", "text", "off", ctx.t("stage-name"))
            .value(&v.name)
            .errors_from(errors),
        Field::new("description", "textarea", "off", ctx.t("stage-description"))
            .hint(ctx.t("optional"))
            .value(&v.description)
            .errors_from(errors),
        Field::new("date", "date", "off", ctx.t("stage-date"))
            .hint(ctx.dates().date_field_hint("stage-date-hint", DATE_EXAMPLE))
            .value(&v.date)
            .errors_from(errors),
        Field::choice(
            "state",
            "radios",
            ctx.t("stage-state"),
            StageState::ALL
                .iter()
                .map(|s| (s.key().to_owned(), ctx.t(&format!("stage-{}", s.key()))))
                .collect(),
        )
        .hint(ctx.t("stage-state-hint"))
        // By default the dates decide.
        .value(if v.state.is_empty() {
            StageState::Automatic.key()
        } else {
            &v.state
        })
        .errors_from(errors),
        Field::choice(
            "link",
            "select",
            ctx.t("stage-link"),
            StageLink::ALL
                .iter()
                .map(|s| {
                    (
                        s.key().to_owned(),
                        ctx.t(&format!("stage-link-{}", s.key())),
                    )
                })
                .collect(),
        )
        .value(&v.link)
        .errors_from(errors),
    ]
}

async fn stage_page<'a>(
    ctx: &'a PageCtx,
    csrf: &str,
    id: Uuid,
    v: &StageInput,
    errors: Vec<FieldError>,
) -> Result<FormPage<'a>, AppError> {
    let action = format!("/staff/consultations/{id}/stages/new");
    let mut page = FormPage::new(
        ctx.chrome_for(&action, "stage-add").await?,
        csrf.to_owned(),
        &action,
        ctx.t("stage-add"),
    );
    page.back = Some((format!("/staff/consultations/{id}"), ctx.t("back")));
    page.fields = stage_fields(ctx, v, &errors);
    page.errors = errors;
    Ok(page)
}

pub async fn stage_form(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    reading::view(&ctx.state.db, Some(&me), id).await?;
    let page = stage_page(&ctx, &me.csrf, id, &StageInput::default(), Vec::new()).await?;
    respond(StatusCode::OK, page, None)
}

#[derive(Deserialize)]
pub struct StageForm {
    #[serde(default)]
    csrf: String,
    #[serde(flatten)]
    input: StageInput,
}

fn stage_input(s: &Stage) -> StageInput {
    StageInput {
        name: s.name.clone(),
        description: s.description.clone(),
        date: s.date.map(format_date).unwrap_or_default(),
        state: s.state.key().to_owned(),
        link: s.link.key().to_owned(),
    }
}

pub async fn add_stage(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    client: ClientKey,
    Path(id): Path<String>,
    StrictForm(form): StrictForm<StageForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let id = path_id(&id)?;
    let v = reading::view(&ctx.state.db, Some(&me), id).await?;
    let mut all: Vec<StageInput> = v.stages.iter().map(stage_input).collect();
    all.push(form.input.clone());
    let outcome = authoring::set_stages(&ctx.state.db, &me, id, &all, Some(&client.0)).await;
    submit_form(
        &ctx,
        outcome,
        |()| format!("/staff/consultations/{id}?done=stage-added"),
        async |errors| stage_page(&ctx, &me.csrf, id, &form.input, errors).await,
    )
    .await
}

/// The stage numbered `n` (from 1) in the address; any other number
/// names nothing.
fn stage_number(n: &str, v: &ConsultationView) -> Result<usize, AppError> {
    n.parse::<usize>()
        .ok()
        .filter(|i| *i >= 1 && *i <= v.stages.len())
        .ok_or_else(|| ServiceError::NotFound.into())
}

/// The page that says a stage cannot be removed while discussions are
/// part of it or of a later one (their links follow the place, ADR 38),
/// naming each with a way to its officers' page to link it elsewhere;
/// `None` when none is.
async fn refusal<'a>(
    ctx: &'a PageCtx,
    me: &SignedIn,
    v: &ConsultationView,
    index: usize,
) -> Result<Option<ReportPage<'a>>, AppError> {
    let id = v.consultation.id;
    let from = u32::try_from(index - 1).unwrap_or(u32::MAX);
    let linked = linking::linked_from(&ctx.state.db, me, id, from).await?;
    if linked.is_empty() {
        return Ok(None);
    }
    let action = format!("/staff/consultations/{id}/stages/{index}/remove");
    let mut page = ReportPage::new(ctx.chrome_for(&action, "stage-remove").await?);
    page.back = Some((format!("/staff/consultations/{id}"), ctx.t("back")));
    let name = Langs::as_written(ctx, &v.consultation.language)
        .original(v.stages[index - 1].name.as_str());
    page.lead = vec![
        name.into(),
        ctx.phrase(
            "stage-remove-linked",
            &[("count", Value::Number(linked.len() as u64))],
        ),
    ];
    page.links = linked
        .iter()
        .map(|d| {
            let title = Langs::as_written(ctx, &d.language).original(d.title.as_str());
            (format!("/staff/discussions/{}/edit", d.id), title.into())
        })
        .collect();
    Ok(Some(page))
}

pub async fn remove_stage_form(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path((id, n)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let v = reading::view(&ctx.state.db, Some(&me), id).await?;
    let index = stage_number(&n, &v)?;
    // Told before the button, not after it: a form that can only be
    // refused is not offered.
    if let Some(page) = refusal(&ctx, &me, &v, index).await? {
        return respond(StatusCode::OK, page, None);
    }
    let action = format!("/staff/consultations/{id}/stages/{index}/remove");
    let mut page = FormPage::new(
        ctx.chrome_for(&action, "stage-remove").await?,
        me.csrf.clone(),
        &action,
        ctx.t("stage-remove"),
    );
    page.back = Some((format!("/staff/consultations/{id}"), ctx.t("back")));
    page.lead = vec![Langs::as_written(&ctx, &v.consultation.language)
        .original(v.stages[index - 1].name.as_str())
        .into()];
    page.danger = true;
    respond(StatusCode::OK, page, None)
}

pub async fn remove_stage(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    client: ClientKey,
    Path((id, n)): Path<(String, String)>,
    StrictForm(form): StrictForm<CsrfOnly>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let id = path_id(&id)?;
    let v = reading::view(&ctx.state.db, Some(&me), id).await?;
    let index = stage_number(&n, &v)?;
    let removed = authoring::remove_stage(&ctx.state.db, &me, id, index - 1, Some(&client.0)).await;
    match removed {
        Ok(()) => Ok(see_other(&format!(
            "/staff/consultations/{id}?done=stage-removed"
        ))),
        // Linked since the page was shown: said as the page says it.
        Err(ServiceError::Conflict(e)) if e.code == ErrorCode::StageHasDiscussions => {
            match refusal(&ctx, &me, &v, index).await? {
                Some(page) => respond(StatusCode::CONFLICT, page, None),
                None => Err(ServiceError::Conflict(e).into()),
            }
        }
        Err(e) => Err(e.into()),
    }
}
