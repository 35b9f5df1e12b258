//! The officers' forms to write, publish and remove a consultation's
//! findings, and to say what the council did in response; removing asks
//! first (ADR 22).

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use std::collections::HashMap;

use cohesion_domain::analysis::findings::FindingInput;
use cohesion_domain::consultation::Consultation;
use cohesion_domain::survey::model::QuestionKind;
use cohesion_domain::translation::{key, Translator};
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::findings::{self, ShownFinding};
use cohesion_services::consultations::reading::{self, ConsultationView};
use cohesion_services::ServiceError;
use cohesion_ui::{Field, FieldError, FormPage, Shown, Value};
use serde::Deserialize;
use uuid::Uuid;

use crate::consultations::wording::option_labels;
use crate::kit::confirm::{act_or_ask, ask, asked_about, stale, Ask};
use crate::kit::{
    check_session_csrf, path_id, respond, see_other, submit_form, AppError, ClientKey, Langs, May,
    Me, PageCtx, RunEngagement, StrictForm,
};

fn fields(
    ctx: &PageCtx,
    options: Vec<(String, String)>,
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
            "options",
            "checkboxes",
            ctx.t("finding-field-options"),
            options,
        )
        .hint(ctx.t("finding-field-options-hint"))
        .ticked(&v.options)
        .errors_from(errors),
        Field::new("row", "text", "off", ctx.t("finding-field-row"))
            .hint(ctx.t("finding-field-row-hint"))
            .value(&v.row)
            .errors_from(errors),
        Field::choice("theme", "select", ctx.t("finding-field-theme"), themes)
            .hint(ctx.t("finding-field-theme-hint"))
            .value(&v.theme)
            .errors_from(errors),
        what_we_did_field(ctx, &v.what_we_did, errors),
    ]
}

fn what_we_did_field(ctx: &PageCtx, value: &str, errors: &[FieldError]) -> Field {
    Field::new(
        "what_we_did",
        "textarea",
        "off",
        ctx.t("finding-field-what-we-did"),
    )
    .hint(ctx.t("finding-field-what-we-did-hint"))
    .value(value)
    .errors_from(errors)
}

/// The options a finding can rest on: those of choice questions and
/// matrices, special categories left out, each as "Question 4: its text
/// — option" (numbered through the survey, as the survey table and the
/// translations page number them) with the value "q4:2" (question id and
/// 1-based option).
fn option_choices(ctx: &PageCtx, view: &ConsultationView) -> Vec<(String, String)> {
    view.survey
        .questions()
        .enumerate()
        .filter(|(_, q)| {
            (q.kind.is_choice() || matches!(q.kind, QuestionKind::Matrix { .. }))
                && !q.kind.is_special_category()
        })
        .flat_map(|(n, q)| {
            option_labels(ctx, q)
                .into_iter()
                .enumerate()
                .map(|(i, l)| {
                    let label = ctx.locale().t_plain(
                        "finding-option-label",
                        &[
                            ("number", (n as u64 + 1).into()),
                            ("question", q.text.as_str().into()),
                            ("option", l.as_str().into()),
                        ],
                    );
                    (format!("{}:{}", q.id, i + 1), label)
                })
                .collect::<Vec<_>>()
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
    let choices = option_choices(ctx, &view);
    let themes = std::iter::once((String::new(), ctx.t("finding-theme-none")))
        .chain(
            cohesion_services::consultations::themes::figures::citable(&ctx.state.db, id)
                .await?
                .into_iter()
                .map(|(tid, q, label)| {
                    let number = view.survey.questions().position(|d| d.id == q);
                    let label = match number {
                        Some(n) => ctx.locale().t_plain(
                            "finding-theme-label",
                            &[
                                ("number", (n as u64 + 1).into()),
                                ("theme", label.as_str().into()),
                            ],
                        ),
                        None => label,
                    };
                    (tid.to_string(), label)
                }),
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

/// The form as sent: ticked options repeat their name.
fn finding_input(fields: &[(String, String)]) -> FindingInput {
    let value = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    FindingInput {
        title: value("title"),
        body: value("body"),
        question: value("question"),
        row: value("row"),
        options: fields
            .iter()
            .filter(|(k, _)| k == "options")
            .map(|(_, v)| v.clone())
            .collect(),
        theme: value("theme"),
        what_we_did: value("what_we_did"),
    }
}

pub async fn add(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path(id): Path<String>,
    StrictForm(fields): StrictForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let csrf = fields
        .iter()
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.as_str())
        .unwrap_or_default();
    check_session_csrf(&me, csrf)?;
    let id = path_id(&id)?;
    let input = finding_input(&fields);
    let outcome = findings::add(&ctx.state.db, &me, id, &input, Some(&client.0)).await;
    submit_form(
        &ctx,
        outcome,
        |_| format!("/staff/consultations/{id}?done=finding-added"),
        async |errors| form_page(&ctx, &me.csrf, id, &input, errors).await,
    )
    .await
}

/// The form for a finding's "What we did", with the finding's title.
async fn what_we_did_page<'a>(
    ctx: &'a PageCtx,
    me: &SignedIn,
    id: Uuid,
    finding: Uuid,
    value: Option<&str>,
    errors: Vec<FieldError>,
) -> Result<FormPage<'a>, AppError> {
    let (c, list) =
        findings::shown(&ctx.state.db, Some(me), id, ctx.state.config.small_base).await?;
    let f = list
        .into_iter()
        .find(|f| f.id == finding)
        .ok_or(AppError::from(cohesion_services::ServiceError::NotFound))?;
    let action = format!("/staff/consultations/{id}/findings/{finding}/what-we-did");
    let mut page = FormPage::new(
        ctx.chrome_for(&action, "finding-what-we-did-title").await?,
        me.csrf.clone(),
        &action,
        ctx.t("save"),
    );
    page.back = Some((format!("/staff/consultations/{id}"), ctx.t("back")));
    let title = finding_titles(ctx, &c, std::slice::from_ref(&f))
        .await?
        .remove(&f.id)
        .unwrap_or_else(|| Langs::as_written(ctx, &c.language).original(f.finding.title.as_str()));
    page.lead = vec![title.into(), ctx.t("finding-what-we-did-lead").into()];
    let value = value.unwrap_or(&f.finding.what_we_did);
    page.fields = vec![what_we_did_field(ctx, value, &errors)];
    page.errors = errors;
    Ok(page)
}

pub async fn what_we_did_form(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path((id, finding)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let (id, finding) = (path_id(&id)?, path_id(&finding)?);
    let page = what_we_did_page(&ctx, &me, id, finding, None, Vec::new()).await?;
    respond(StatusCode::OK, page, None)
}

#[derive(Deserialize)]
pub struct WhatWeDidForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    what_we_did: String,
}

pub async fn set_what_we_did(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path((id, finding)): Path<(String, String)>,
    StrictForm(form): StrictForm<WhatWeDidForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let (id, finding) = (path_id(&id)?, path_id(&finding)?);
    let outcome = findings::set_what_we_did(
        &ctx.state.db,
        &me,
        id,
        finding,
        &form.what_we_did,
        Some(&client.0),
    )
    .await;
    submit_form(
        &ctx,
        outcome,
        |()| format!("/staff/consultations/{id}?done=finding-what-we-did-saved"),
        async |errors| {
            what_we_did_page(&ctx, &me, id, finding, Some(&form.what_we_did), errors).await
        },
    )
    .await
}

/// Each finding's title in the reader's language where it is translated,
/// else as written, marked with the language it is shown in (ADR 16), as
/// the public findings page shows it: staff who read the site in Arabic
/// act on the findings they read there.
pub(super) async fn finding_titles(
    ctx: &PageCtx,
    c: &Consultation,
    found: &[ShownFinding],
) -> Result<HashMap<Uuid, Shown>, AppError> {
    let texts = reading::translation(&ctx.state.db, c.id, ctx.locale().tag()).await?;
    let mut tr = Translator::new(&texts);
    let mut titles: Vec<(Uuid, String)> = found
        .iter()
        .map(|f| (f.id, f.finding.title.clone()))
        .collect();
    for (finding, title) in &mut titles {
        tr.put(&key::finding(*finding, "title"), title);
    }
    let langs = Langs::new(ctx, &c.language, tr.finish());
    Ok(titles
        .into_iter()
        .map(|(finding, title)| {
            (
                finding,
                langs.shown(&key::finding(finding, "title"), &title),
            )
        })
        .collect())
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
    let (c, found) = findings::shown(&ctx.state.db, Some(me), id, rules).await?;
    let Some(f) = found.into_iter().find(|f| f.id == finding) else {
        return Err(
            if findings::was_removed(&ctx.state.db, me, id, finding).await? {
                stale("finding", ErrorCode::AlreadyRemoved)
            } else {
                ServiceError::NotFound.into()
            },
        );
    };
    let mut title = finding_titles(ctx, &c, std::slice::from_ref(&f))
        .await?
        .remove(&f.id)
        .unwrap_or_else(|| Langs::as_written(ctx, &c.language).original(f.finding.title.as_str()));
    title.text = asked_about(&title.text).to_owned();
    let args = [("title", Value::Shown(&title))];
    let lead = if f.published_at.is_some() {
        "confirm-remove-finding-published"
    } else {
        "confirm-remove-finding-draft"
    };
    Ok(Ask {
        after: Vec::new(),
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
