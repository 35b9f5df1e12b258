//! "Your data": everything the platform holds about the person, as a
//! page and as a JSON download. Thin handlers over
//! `services::accounts::your_data`.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use cohesion_services::accounts::your_data::{self, YourData};
use cohesion_ui::{Cell, ReportPage, SummaryRow, Table};

use crate::kit::{respond, AppError, ClientKey, Me, PageCtx};

/// The person's data as a readable page.
pub async fn data_page(ctx: PageCtx, Me(me): Me, client: ClientKey) -> Result<Response, AppError> {
    let data = your_data::export(&ctx.state.db, &me, Some(&client.0)).await?;
    let page = data_report(&ctx, &data).await?;
    respond(StatusCode::OK, page, None)
}

async fn data_report<'a>(ctx: &'a PageCtx, d: &YourData) -> Result<ReportPage<'a>, AppError> {
    let mut page = ReportPage::new(ctx.chrome_for("/account/data", "data-title").await?);
    page.back = Some(("/account".to_owned(), ctx.t("back")));
    page.lead = vec![ctx
        .locale()
        .t_args("data-lead", &[("time", d.generated_at.as_str().into())])
        .into()];
    page.rows = account_rows(ctx, d);
    page.tables = vec![
        sessions_table(ctx, d),
        organisations_table(ctx, d),
        responses_table(ctx, d),
        emails_table(ctx, d),
        activity_table(ctx, d),
    ];
    Ok(page)
}

/// The account itself: its id, address, name, language, dates and roles.
fn account_rows(ctx: &PageCtx, d: &YourData) -> Vec<SummaryRow> {
    let l = ctx.locale();
    let t = |id: &str| ctx.t(id);
    let none = || t("none");
    let a = &d.account;
    vec![
        SummaryRow::new(t("data-account-id"), a.id.to_string()),
        SummaryRow::new(t("field-email"), a.email.clone().unwrap_or_else(none)),
        SummaryRow::new(
            t("field-display-name"),
            a.display_name.clone().unwrap_or_else(none),
        ),
        SummaryRow::new(
            t("account-language"),
            a.language.clone().unwrap_or_else(none),
        ),
        SummaryRow::new(
            t("data-verified-at"),
            a.email_verified_at.clone().unwrap_or_else(none),
        ),
        SummaryRow::new(t("data-created-at"), a.created_at.clone()),
        SummaryRow::new(
            t("account-roles"),
            l.list(
                &d.roles
                    .iter()
                    .map(|r| t(&format!("role-{}", r.key())))
                    .collect::<Vec<_>>(),
            ),
        ),
    ]
}

/// The person's sessions.
fn sessions_table(ctx: &PageCtx, d: &YourData) -> Table {
    Table {
        caption: ctx.t("account-sessions").into(),
        head: vec![
            ctx.t("session-started").into(),
            ctx.t("session-last-seen").into(),
            ctx.t("session-device").into(),
        ],
        rows: d
            .sessions
            .iter()
            .map(|s| {
                vec![
                    Cell::from(s.started_at.clone()),
                    s.last_seen_at.clone().into(),
                    s.device.clone().unwrap_or_else(|| ctx.t("none")).into(),
                ]
            })
            .collect(),
        empty: ctx.t("none"),
    }
}

/// The organisations the person belongs to.
fn organisations_table(ctx: &PageCtx, d: &YourData) -> Table {
    Table {
        caption: ctx.t("account-organisations").into(),
        head: vec![
            ctx.t("organisation-name").into(),
            ctx.t("organisation-owner").into(),
        ],
        rows: d
            .organisations
            .iter()
            .map(|o| {
                vec![
                    Cell::from(o.name.clone()),
                    ctx.t(if o.owner { "yes" } else { "no" }).into(),
                ]
            })
            .collect(),
        empty: ctx.t("account-no-organisations"),
    }
}

/// The person's survey responses, each linking to its consultation.
fn responses_table(ctx: &PageCtx, d: &YourData) -> Table {
    Table {
        caption: ctx.t("data-responses").into(),
        head: vec![
            ctx.t("data-consultation").into(),
            ctx.t("export-reference").into(),
            ctx.t("export-submitted").into(),
        ],
        rows: d
            .responses
            .iter()
            .map(|r| {
                vec![
                    Cell::link(
                        r.consultation.clone(),
                        format!("/consultations/{}", r.consultation_id),
                    ),
                    r.reference.clone().into(),
                    r.submitted_at
                        .clone()
                        .unwrap_or_else(|| ctx.t("data-not-submitted"))
                        .into(),
                ]
            })
            .collect(),
        empty: ctx.t("none"),
    }
}

/// The emails the outbox still keeps.
fn emails_table(ctx: &PageCtx, d: &YourData) -> Table {
    Table {
        caption: ctx.t("data-emails").into(),
        head: vec![
            ctx.t("data-when").into(),
            ctx.t("data-subject").into(),
            ctx.t("data-sent").into(),
        ],
        rows: d
            .emails
            .iter()
            .map(|m| {
                vec![
                    Cell::from(m.created_at.clone()),
                    m.subject.clone().into(),
                    ctx.t(if m.sent { "yes" } else { "no" }).into(),
                ]
            })
            .collect(),
        empty: ctx.t("none"),
    }
}

/// What the audit log records of the person and their account.
fn activity_table(ctx: &PageCtx, d: &YourData) -> Table {
    Table {
        caption: ctx.t("data-activity").into(),
        head: vec![
            ctx.t("data-when").into(),
            ctx.t("audit-action").into(),
            ctx.t("audit-detail").into(),
            ctx.t("audit-client").into(),
        ],
        rows: d
            .activity
            .iter()
            .map(|e| {
                vec![
                    Cell::from(e.at.clone()),
                    e.action.clone().into(),
                    e.detail.clone().into(),
                    e.from.clone().unwrap_or_default().into(),
                ]
            })
            .collect(),
        empty: ctx.t("none"),
    }
}

/// The same data as a JSON download.
pub async fn data_json(ctx: PageCtx, Me(me): Me, client: ClientKey) -> Result<Response, AppError> {
    let data = your_data::export(&ctx.state.db, &me, Some(&client.0)).await?;
    let body = serde_json::to_vec_pretty(&data).map_err(|_| AppError::internal())?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"cohesion-your-data.json\"",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response())
}
