//! The email outbox, for sites without a mail server.

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_ui::{Cell, ReportPage, Table};
use serde::Deserialize;

use super::parse_id;
use crate::kit::{respond, AppError, ClientKey, Me, PageCtx};

#[derive(Deserialize, Default)]
pub struct OutboxQuery {
    before: Option<String>,
}

pub const OUTBOX_PAGE: i64 = 20;

/// The email the platform wrote, so that a site without a mail server
/// still works: administrators can read (and pass on) every message.
pub async fn outbox_page(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Query(q): Query<OutboxQuery>,
) -> Result<Response, AppError> {
    let l = ctx.locale();
    let t = |id: &str| l.t(id).into_owned();
    let before = parse_id(&q.before, "before")?;
    let mail = cohesion_services::accounts::people::read_outbox(
        &ctx.state.db,
        &me,
        before,
        OUTBOX_PAGE,
        Some(&client.0),
    )
    .await?;
    let show_bodies = !ctx.state.config.mail_configured;
    let mut page = ReportPage::new(ctx.chrome_for("/admin/outbox", "outbox-title").await?);
    // Administration is reached from Manage, not from the account.
    page.back = Some(("/manage".to_owned(), t("back")));
    page.lead = vec![t(if show_bodies {
        "outbox-lead"
    } else {
        "outbox-lead-smtp"
    })
    .into()];
    page.next = (mail.len() as i64 == OUTBOX_PAGE)
        .then(|| {
            mail.last()
                .map(|m| format!("/admin/outbox?before={}", m.id))
        })
        .flatten();
    page.tables = vec![Table {
        caption: t("outbox-messages").into(),
        head: vec![
            t("data-when").into(),
            t("outbox-to").into(),
            t("data-subject").into(),
            t("outbox-body").into(),
            t("data-sent").into(),
        ],
        rows: mail
            .into_iter()
            .map(|m| {
                vec![
                    Cell::when(ctx.dates().at(m.created_at)),
                    m.to_address.into(),
                    m.subject.into(),
                    match (show_bodies, m.private) {
                        // A copy of someone's answers is theirs alone.
                        (true, true) => t("outbox-body-private"),
                        (true, false) => m.body,
                        (false, _) => String::new(),
                    }
                    .into(),
                    t(match (m.sent_at, m.given_up_at) {
                        (Some(_), _) => "outbox-sent",
                        (None, Some(_)) => "outbox-given-up",
                        // Nothing will send it: "waiting" would say otherwise.
                        (None, None) if show_bodies => "outbox-no-server",
                        (None, None) => "outbox-waiting",
                    })
                    .into(),
                ]
            })
            .collect(),
        empty: t("outbox-none"),
    }];
    respond(StatusCode::OK, page, None)
}
