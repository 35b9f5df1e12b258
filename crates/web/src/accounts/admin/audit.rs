//! The audit log, filtered and a page at a time.

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_services::accounts::people;
use cohesion_services::accounts::people::AuditQuery;
use cohesion_ui::{Cell, Field, Filter, ReportPage, Table};
use serde::Deserialize;
use uuid::Uuid;

use super::parse_id;
use crate::kit::{respond, AppError, Me, PageCtx};

/// Entries per page of the audit log, on the page and in the API.
pub(crate) const AUDIT_PAGE: i64 = 50;

#[derive(Deserialize, Default)]
pub struct AuditFilter {
    action: Option<String>,
    actor: Option<String>,
    subject: Option<String>,
    before: Option<String>,
}

pub async fn audit_log(
    ctx: PageCtx,
    Me(me): Me,
    Query(q): Query<AuditFilter>,
) -> Result<Response, AppError> {
    let l = ctx.locale();
    let t = |id: &str| l.t(id).into_owned();
    let action = q.action.as_deref().map(str::trim).filter(|a| !a.is_empty());
    let query = AuditQuery {
        action,
        actor: parse_id(&q.actor, "actor")?,
        subject: parse_id(&q.subject, "subject")?,
        before: parse_id(&q.before, "before")?,
        limit: AUDIT_PAGE,
    };
    let entries = people::read_audit(&ctx.state.db, &me, query).await?;
    let mut page = ReportPage::new(ctx.chrome_for("/admin/audit", "audit-title").await?);
    // Administration is reached from Manage, not from the account.
    page.back = Some(("/manage".to_owned(), t("back")));
    page.lead = vec![t("audit-lead").into()];
    page.filter = Some(Filter {
        action: "/admin/audit".to_owned(),
        fields: vec![
            Field::new("action", "search", "off", t("audit-action"))
                .hint(t("audit-action-hint"))
                .value(action.unwrap_or_default())
                .errors_from(&[]),
            Field::new("actor", "search", "off", t("audit-actor"))
                .value(q.actor.as_deref().unwrap_or_default())
                .errors_from(&[]),
            Field::new("subject", "search", "off", t("audit-subject"))
                .value(q.subject.as_deref().unwrap_or_default())
                .errors_from(&[]),
        ],
        button: t("filter"),
    });
    let id_cell = |id: Option<Uuid>| match id {
        Some(id) => Cell::link(id.to_string(), format!("/admin/people/{id}")),
        None => Cell::from(""),
    };
    page.next = (entries.len() as i64 == AUDIT_PAGE).then(|| {
        let last = entries.last().map(|e| e.id.to_string()).unwrap_or_default();
        let qs = serde_urlencoded::to_string([
            ("action", action.unwrap_or_default()),
            ("actor", q.actor.as_deref().unwrap_or_default()),
            ("subject", q.subject.as_deref().unwrap_or_default()),
            ("before", &last),
        ])
        .unwrap_or_default();
        format!("/admin/audit?{qs}")
    });
    page.tables = vec![Table {
        caption: t("audit-entries").into(),
        head: vec![
            t("data-when").into(),
            t("audit-action").into(),
            t("audit-actor").into(),
            t("audit-subject").into(),
            t("audit-detail").into(),
            t("audit-client").into(),
        ],
        rows: entries
            .into_iter()
            .map(|e| {
                vec![
                    Cell::when(ctx.dates().at(e.at)),
                    e.action.into(),
                    id_cell(e.actor_id),
                    id_cell(e.subject_id),
                    e.detail.into(),
                    e.client.unwrap_or_default().into(),
                ]
            })
            .collect(),
        empty: t("audit-none"),
    }];
    respond(StatusCode::OK, page, None)
}
