//! "Your data": everything the platform holds about the person, as a
//! page and as a JSON download. Thin handlers over
//! `services::accounts::your_data`.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use cohesion_services::accounts::your_data::{self, YourData};
use cohesion_ui::{Cell, ReportPage, SummaryRow, Table};

use crate::kit::page::respond;
use crate::kit::{AppError, ClientKey, Me, PageCtx};

/// The person's data as a readable page.
pub async fn data_page(ctx: PageCtx, Me(me): Me, client: ClientKey) -> Result<Response, AppError> {
    let data = your_data::export(&ctx.state.db, &me, Some(&client.0)).await?;
    let page = data_report(&ctx, &data).await?;
    respond(StatusCode::OK, page, None)
}

async fn data_report<'a>(ctx: &'a PageCtx, d: &YourData) -> Result<ReportPage<'a>, AppError> {
    let l = ctx.locale();
    let t = |id: &str| l.t(id).into_owned();
    let none = || t("none");
    let mut page = ReportPage::new(ctx.chrome_for("/account/data", "data-title").await?);
    page.back = Some(("/account".to_owned(), t("back")));
    page.lead = vec![l.t_args("data-lead", &[("time", d.generated_at.as_str().into())])];
    let a = &d.account;
    page.rows = vec![
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
    ];
    page.tables = vec![
        Table {
            caption: t("account-sessions"),
            head: vec![
                t("session-started"),
                t("session-last-seen"),
                t("session-device"),
            ],
            rows: d
                .sessions
                .iter()
                .map(|s| {
                    vec![
                        Cell::from(s.started_at.clone()),
                        s.last_seen_at.clone().into(),
                        s.device.clone().unwrap_or_else(none).into(),
                    ]
                })
                .collect(),
            empty: none(),
        },
        Table {
            caption: t("account-organisations"),
            head: vec![t("organisation-name"), t("organisation-owner")],
            rows: d
                .organisations
                .iter()
                .map(|o| {
                    vec![
                        Cell::from(o.name.clone()),
                        t(if o.owner { "yes" } else { "no" }).into(),
                    ]
                })
                .collect(),
            empty: t("account-no-organisations"),
        },
        Table {
            caption: t("data-responses"),
            head: vec![
                t("data-consultation"),
                t("export-reference"),
                t("export-submitted"),
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
                            .unwrap_or_else(|| t("data-not-submitted"))
                            .into(),
                    ]
                })
                .collect(),
            empty: none(),
        },
        Table {
            caption: t("data-emails"),
            head: vec![t("data-when"), t("data-subject"), t("data-sent")],
            rows: d
                .emails
                .iter()
                .map(|m| {
                    vec![
                        Cell::from(m.created_at.clone()),
                        m.subject.clone().into(),
                        t(if m.sent { "yes" } else { "no" }).into(),
                    ]
                })
                .collect(),
            empty: none(),
        },
        Table {
            caption: t("data-activity"),
            head: vec![
                t("data-when"),
                t("audit-action"),
                t("audit-detail"),
                t("audit-client"),
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
            empty: none(),
        },
    ];
    Ok(page)
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
