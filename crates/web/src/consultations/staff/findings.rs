//! The officers' forms to write, publish and remove a consultation's
//! findings; removing asks first (ADR 22).

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::analysis::findings::FindingInput;
use cohesion_domain::survey::model::QuestionKind;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::findings;
use cohesion_services::consultations::reading::{self, ConsultationView};
use cohesion_services::ServiceError;
use cohesion_ui::{Field, FieldError, FormPage, Value};
use serde::Deserialize;
use uuid::Uuid;

use crate::consultations::wording::option_labels;
use crate::kit::confirm::{act_or_ask, ask, stale, Ask};
use crate::kit::{
    check_session_csrf, path_id, respond, see_other, submit_form, AppError, ClientKey, Langs, May,
    Me, PageCtx, RunEngagement, StrictForm,
};

fn fields(
    ctx: &PageCtx,
    choices: Vec<(String, String)>,
    themes: Vec<(String, String)>,
    v: &FindingInput,
    errors: &[FieldError],
) -> Vec<Field> {
    vec![
        Field::new("title", "text", "off", ctx.t("finding-field-title"))
            .value(&v.title)
            .errors_from(errors),
        Field::new("body", "textarea", "off", ctx.t("finding-field-body"))
            .hint(ctx.t("consultation-field-body-hint"))
            .value(&v.body)
            .errors_from(errors),
        Field::choice(
            "question",
            "select",
            ctx.t("finding-field-question"),
            choices,
        )
        .value(&v.question)
        .errors_from(errors),
        Field::new("row", "text", "off", ctx.t("finding-field-row"))
            .hint(ctx.t("finding-field-row-hint"))
            .value(&v.row)
            .errors_from(errors),
        Field::new("option", "text", "off", ctx.t("finding-field-option"))
            .hint(ctx.t("finding-field-option-hint"))
            .value(&v.option)
            .errors_from(errors),
        Field::choice("theme", "select", ctx.t("finding-field-theme"), themes)
            .hint(ctx.t("finding-field-theme-hint"))
            .value(&v.theme)
            .errors_from(errors),
    ]
}

/// The questions a finding can rest on: choice questions and matrices,
/// special categories left out, each with its numbered options.
fn question_choices(ctx: &PageCtx, view: &ConsultationView) -> Vec<(String, String)> {
    view.survey
        .questions()
        .filter(|q| {
            (q.kind.is_choice() || matches!(q.kind, QuestionKind::Matrix { .. }))
                && !q.kind.is_special_category()
        })
        .map(|q| {
            let options = option_labels(ctx, q)
                .iter()
                .enumerate()
                .map(|(i, l)| format!("{} {l}", i + 1))
                .collect::<Vec<_>>()
                .join(" · ");
            (q.id.clone(), format!("{}: {} ({options})", q.id, q.text))
        })
        .collect()
}

async fn form_page<'a>(
    ctx: &'a PageCtx,
    me_csrf: &str,
    id: Uuid,
    v: &FindingInput,
    errors: Vec<FieldError>,
) -> Result<FormPage<'a>, AppError> {
    let me = ctx.user.0.as_ref();
    let view = reading::view(&ctx.state.db, me, id).await?;
    let choices = question_choices(ctx, &view);
    let themes = std::iter::once((String::new(), ctx.t("finding-theme-none")))
        .chain(
            cohesion_services::consultations::themes::figures::citable(&ctx.state.db, id)
                .await?
                .into_iter()
                .map(|(tid, q, label)| (tid.to_string(), format!("{q}: {label}"))),
        )
        .collect();
    let action = format!("/staff/consultations/{id}/findings/new");
    let mut page = FormPage::new(
        ctx.chrome_for(&action, "finding-add").await?,
        me_csrf.to_owned(),
        &action,
        ctx.t("finding-add"),
    );
    page.back = Some((format!("/staff/consultations/{id}"), ctx.t("back")));
    page.lead = vec![ctx.t("finding-add-lead").into()];
    page.fields = fields(ctx, choices, themes, v, &errors);
    page.errors = errors;
    Ok(page)
}

pub async fn new_form(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let page = form_page(&ctx, &me.csrf, id, &FindingInput::default(), Vec::new()).await?;
    respond(StatusCode::OK, page, None)
}

#[derive(Deserialize)]
pub struct FindingForm {
    #[serde(default)]
    csrf: String,
    #[serde(flatten)]
    input: FindingInput,
}

pub async fn add(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path(id): Path<String>,
    StrictForm(form): StrictForm<FindingForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let id = path_id(&id)?;
    let outcome = findings::add(&ctx.state.db, &me, id, &form.input, Some(&client.0)).await;
    submit_form(
        &ctx,
        outcome,
        |_| format!("/staff/consultations/{id}?done=finding-added"),
        async |errors| form_page(&ctx, &me.csrf, id, &form.input, errors).await,
    )
    .await
}

/// What to do with a finding: the query of the asking page, and the
/// form.
#[derive(Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    csrf: String,
    /// `publish`, `withdraw` or `remove`.
    #[serde(default)]
    change: String,
    #[serde(default)]
    confirm: String,
}

/// "Remove the finding …?". A finding removed already is refused with a
/// 409, one that never was with a 404.
async fn removal_question(
    ctx: &PageCtx,
    me: &SignedIn,
    id: Uuid,
    finding: Uuid,
) -> Result<Ask, AppError> {
    let rules = ctx.state.config.small_base;
    let (_, found) = findings::shown(&ctx.state.db, Some(me), id, rules).await?;
    let Some(f) = found.into_iter().find(|f| f.id == finding) else {
        return Err(
            if findings::was_removed(&ctx.state.db, me, id, finding).await? {
                stale("finding", ErrorCode::AlreadyRemoved)
            } else {
                ServiceError::NotFound.into()
            },
        );
    };
    let title = Langs::as_written(ctx).original(f.finding.title.as_str());
    let args = [("title", Value::Shown(&title))];
    let lead = if f.published_at.is_some() {
        "confirm-remove-finding-published"
    } else {
        "confirm-remove-finding-draft"
    };
    Ok(Ask {
        title: ctx.phrase("confirm-remove-finding-title", &args),
        lead: vec![ctx.t(lead).into()],
        points: Vec::new(),
        warning: Some(ctx.t("confirm-cannot-undo")),
        hidden: vec![("change", "remove".to_owned())],
        button: ctx.t("confirm-remove-finding-button"),
        danger: true,
        cancel: format!("/staff/consultations/{id}"),
    })
}

pub async fn ask_change(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path((id, finding)): Path<(String, String)>,
    Query(form): Query<ChangeForm>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let finding = path_id(&finding)?;
    if form.change != "remove" {
        // Only removing asks; publishing and withdrawing post at once.
        return Err(ValidationError::new("change", ErrorCode::InvalidChoice).into());
    }
    let question = removal_question(&ctx, &me, id, finding).await?;
    let action = format!("/staff/consultations/{id}/findings/{finding}");
    ask(&ctx, &me.csrf, &action, question).await
}

pub async fn change(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path((id, finding)): Path<(String, String)>,
    StrictForm(form): StrictForm<ChangeForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let id = path_id(&id)?;
    let finding = path_id(&finding)?;
    let db = &ctx.state.db;
    let done = match form.change.as_str() {
        "publish" => findings::set_published(db, &me, id, finding, true, Some(&client.0))
            .await
            .map(|_| "finding-published"),
        "withdraw" => findings::set_published(db, &me, id, finding, false, Some(&client.0))
            .await
            .map(|_| "finding-withdrawn"),
        "remove" => {
            let action = format!("/staff/consultations/{id}/findings/{finding}");
            let question = async || removal_question(&ctx, &me, id, finding).await;
            let act = async || {
                findings::remove(db, &me, id, finding, Some(&client.0)).await?;
                Ok(format!("/staff/consultations/{id}?done=finding-removed"))
            };
            return act_or_ask(&ctx, &me.csrf, &action, &form.confirm, question, act).await;
        }
        _ => return Err(ValidationError::new("change", ErrorCode::InvalidChoice).into()),
    }?;
    Ok(see_other(&format!("/staff/consultations/{id}?done={done}")))
}
