//! A consultation's details: writing a new one and changing them.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::consultation::ConsultationInput;
use cohesion_services::consultations::reading::{self, ConsultationView};
use cohesion_services::consultations::{authoring, translations};
use cohesion_ui::{Field, FieldError, FormPage};
use serde::Deserialize;

use crate::kit::{
    check_session_csrf, path_id, respond, submit_form, AppError, ClientKey, May, Me, PageCtx,
    RunEngagement, StrictForm,
};

/// A date and time, entered and refilled as the site's local time: the
/// hint names the zone and gives an example as people write it (the
/// browser's picker shows the date its own way; what it sends, and what
/// the error message spells out, is `2027-02-04T17:00`).
fn time_field(
    ctx: &PageCtx,
    name: &'static str,
    label: &str,
    value: &str,
    errors: &[FieldError],
) -> Field {
    let hint = ctx.dates().time_field_hint("consultation-field-time-hint");
    Field::new(name, "datetime-local", "off", ctx.t(label))
        .hint(hint)
        .value(value)
        .errors_from(errors)
}

/// "Which language are you writing in?": the site's languages, each by
/// its name in itself (marked so); on a new consultation the page's
/// language unless another is chosen. `locked` once translations exist:
/// the hint says why it cannot change (ADR 16).
fn language_field(ctx: &PageCtx, chosen: &str, locked: bool, errors: &[FieldError]) -> Field {
    let catalog = &ctx.state.catalog;
    let here = ctx.locale().tag();
    let choices = catalog
        .all()
        .iter()
        .map(|l| (l.tag().to_owned(), l.name().to_owned()))
        .collect();
    let langs = catalog
        .all()
        .iter()
        .map(|l| (l.tag() != here).then(|| (l.tag().to_owned(), l.direction().as_str())))
        .collect();
    let hint = match locked {
        true => "consultation-field-language-locked",
        false => "consultation-field-language-hint",
    };
    Field::choice(
        "language",
        "radios",
        ctx.t("consultation-field-language-question"),
        choices,
    )
    .option_langs(langs)
    .hint(ctx.t(hint))
    .value(match chosen.trim() {
        "" => here,
        chosen => chosen,
    })
    .errors_from(errors)
}

fn details_fields(
    ctx: &PageCtx,
    (v, locked): (&ConsultationInput, bool),
    errors: &[FieldError],
) -> Vec<Field> {
    let text = |name, id: &str| Field::new(name, "text", "off", ctx.t(id));
    vec![
        language_field(ctx, &v.language, locked, errors),
        text("title", "consultation-field-title")
            .value(&v.title)
            .errors_from(errors),
        Field::new(
            "summary",
            "textarea",
            "off",
            ctx.t("consultation-field-summary"),
        )
        .hint(ctx.t("consultation-field-summary-hint"))
        .value(&v.summary)
        .errors_from(errors),
        Field::new("body", "textarea", "off", ctx.t("consultation-field-body"))
            .hint(ctx.t("consultation-field-body-hint"))
            .value(&v.body)
            .errors_from(errors),
        text("topics", "consultation-field-topics")
            .hint(ctx.t("consultation-field-topics-hint"))
            .value(&v.topics)
            .errors_from(errors),
        text("area", "consultation-field-area")
            .hint(ctx.t("optional"))
            .value(&v.area)
            .errors_from(errors),
        time_field(
            ctx,
            "opens_at",
            "consultation-field-opens",
            &v.opens_at,
            errors,
        ),
        time_field(
            ctx,
            "closes_at",
            "consultation-field-closes",
            &v.closes_at,
            errors,
        ),
        Field::choice(
            "allow_anonymous",
            "radios",
            ctx.t("consultation-field-anonymous"),
            vec![
                ("no".into(), ctx.t("consultation-anonymous-no")),
                ("yes".into(), ctx.t("consultation-anonymous-yes")),
            ],
        )
        .value(if v.allow_anonymous.is_empty() {
            "no"
        } else {
            &v.allow_anonymous
        })
        .errors_from(errors),
        Field::new(
            "strands",
            "textarea",
            "off",
            ctx.t("consultation-field-strands"),
        )
        .hint(ctx.t("consultation-field-strands-hint"))
        .value(&v.strands)
        .errors_from(errors),
        Field::new(
            "documents",
            "textarea",
            "off",
            ctx.t("consultation-field-documents"),
        )
        .hint(ctx.t("consultation-field-documents-hint"))
        .value(&v.documents)
        .errors_from(errors),
    ]
}

/// The details form; `v.1` when the language is locked by translations.
async fn details_page<'a>(
    ctx: &'a PageCtx,
    csrf: &str,
    action: &str,
    title_id: &str,
    back: String,
    v: (&ConsultationInput, bool),
    errors: Vec<FieldError>,
) -> Result<FormPage<'a>, AppError> {
    let mut page = FormPage::new(
        ctx.chrome_for(action, title_id).await?,
        csrf.to_owned(),
        action,
        ctx.t("save"),
    );
    page.back = Some((back, ctx.t("back")));
    page.fields = details_fields(ctx, v, &errors);
    page.errors = errors;
    Ok(page)
}

pub async fn new_form(ctx: PageCtx, May(me, _): May<RunEngagement>) -> Result<Response, AppError> {
    let page = details_page(
        &ctx,
        &me.csrf,
        "/staff/consultations/new",
        "consultation-new-title",
        // Creating is staff work, reached from Manage.
        "/manage".into(),
        (&ConsultationInput::default(), false),
        Vec::new(),
    )
    .await?;
    respond(StatusCode::OK, page, None)
}

#[derive(Deserialize)]
pub struct DetailsForm {
    #[serde(default)]
    csrf: String,
    #[serde(flatten)]
    input: ConsultationInput,
}

pub async fn create(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    StrictForm(form): StrictForm<DetailsForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let zone = &ctx.state.config.time_zone;
    let languages = ctx.state.languages();
    let db = &ctx.state.db;
    let outcome = authoring::create(db, &me, &form.input, zone, &languages, Some(&client.0)).await;
    submit_form(
        &ctx,
        outcome,
        |id| format!("/staff/consultations/{id}?done=consultation-created"),
        async |errors| {
            details_page(
                &ctx,
                &me.csrf,
                "/staff/consultations/new",
                "consultation-new-title",
                "/manage".into(),
                (&form.input, false),
                errors,
            )
            .await
        },
    )
    .await
}

/// The form refilled from what is saved, its times in local time.
fn input_of(ctx: &PageCtx, v: &ConsultationView) -> ConsultationInput {
    let c = &v.consultation;
    let zone = &ctx.state.config.time_zone;
    ConsultationInput {
        title: c.title.clone(),
        summary: c.summary.clone(),
        body: c.body.clone(),
        topics: c.topics.join(", "),
        area: c.area.clone().unwrap_or_default(),
        opens_at: zone.input_value(c.opens_at.as_offset()),
        closes_at: zone.input_value(c.closes_at.as_offset()),
        allow_anonymous: if c.allow_anonymous { "yes" } else { "no" }.into(),
        strands: c.strands.join("\n"),
        documents: cohesion_domain::consultation::documents_text(&c.documents),
        language: c.language.clone(),
    }
}

pub async fn edit_form(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let v = reading::view(&ctx.state.db, Some(&me), id).await?;
    let locked = translations::language_locked(&ctx.state.db, id).await?;
    let action = format!("/staff/consultations/{id}/edit");
    let page = details_page(
        &ctx,
        &me.csrf,
        &action,
        "consultation-edit-title",
        format!("/staff/consultations/{id}"),
        (&input_of(&ctx, &v), locked),
        Vec::new(),
    )
    .await?;
    respond(StatusCode::OK, page, None)
}

pub async fn update(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path(id): Path<String>,
    StrictForm(form): StrictForm<DetailsForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let id = path_id(&id)?;
    let zone = &ctx.state.config.time_zone;
    let languages = ctx.state.languages();
    let db = &ctx.state.db;
    let input = &form.input;
    let outcome = authoring::update(db, &me, id, input, zone, &languages, Some(&client.0)).await;
    let locked = match &outcome {
        Ok(()) => false,
        Err(_) => translations::language_locked(db, id).await?,
    };
    submit_form(
        &ctx,
        outcome,
        |()| format!("/staff/consultations/{id}?done=consultation-saved"),
        async |errors| {
            let action = format!("/staff/consultations/{id}/edit");
            details_page(
                &ctx,
                &me.csrf,
                &action,
                "consultation-edit-title",
                format!("/staff/consultations/{id}"),
                (&form.input, locked),
                errors,
            )
            .await
        },
    )
    .await
}
