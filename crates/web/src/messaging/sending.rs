//! Sending a message, asked first (ADR 22): now (queued at once, off
//! the request) or at a time in the site's zone.

use axum::extract::{Path, Query};
use axum::response::Response;
use cohesion_domain::timestamp::Timestamp;
use cohesion_services::accounts::SignedIn;
use cohesion_services::messaging::authoring;
use cohesion_ui::Shown;
use serde::Deserialize;
use uuid::Uuid;

use super::staff::{reach_said, Officer, BASE};
use crate::kit::confirm::{self, Ask};
use crate::kit::{check_session_csrf, path_id, AppError, May, PageCtx, StrictForm};

#[derive(Deserialize, Default)]
pub(super) struct SendParams {
    #[serde(default)]
    send_at: String,
}

/// When to send: now when empty, else the site's local time typed.
fn when_of(ctx: &PageCtx, raw: &str) -> Result<Option<Timestamp>, AppError> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    let at = ctx.state.config.time_zone.parse("send_at", raw)?;
    Ok(Some(authoring::going_out_at(Some(at.into()))?))
}

async fn send_question(
    ctx: &PageCtx,
    me: &SignedIn,
    id: Uuid,
    send_at: &str,
) -> Result<Ask, AppError> {
    let s = authoring::get(&ctx.state.db, me, id).await?;
    if s.message.queued_at.is_some() {
        return Err(confirm::stale(
            "message",
            cohesion_domain::ErrorCode::MessageAlreadySent,
        ));
    }
    let reach = authoring::reach(&ctx.state.db, me, id).await?;
    let when = when_of(ctx, send_at)?;
    let lead = match when {
        None => ctx.phrase("community-send-now-lead", &[]),
        Some(at) => {
            let when = ctx.dates().at(at);
            ctx.dates()
                .sentence("community-send-at-lead", &[("when", &when)])
        }
    };
    let subject = Shown::new(
        s.message.original.subject.clone(),
        s.message.language.clone(),
    );
    Ok(Ask {
        title: ctx.phrase(
            "community-send-question",
            &[("subject", cohesion_ui::Value::Shown(&subject))],
        ),
        lead: vec![lead, reach_said(ctx, &reach)],
        points: Vec::new(),
        after: Vec::new(),
        warning: Some(ctx.t("community-send-warning")),
        hidden: vec![("send_at", send_at.to_owned())],
        button: ctx.t("community-send-yes"),
        danger: false,
        cancel: format!("{BASE}/{id}"),
    })
}

/// `GET /manage/community-messages/{id}/send?send_at=…`: asks first.
pub(super) async fn send_ask(
    ctx: PageCtx,
    May(me, _): Officer,
    Path(id): Path<String>,
    Query(p): Query<SendParams>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let q = send_question(&ctx, &me, id, &p.send_at).await?;
    confirm::ask(&ctx, &me.csrf, &format!("{BASE}/{id}/send"), q).await
}

#[derive(Deserialize)]
pub(super) struct SendForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    send_at: String,
    #[serde(default)]
    confirm: String,
}

/// `POST /manage/community-messages/{id}/send` with `confirm=yes`:
/// sends now (queued at once, off the request) or at the time given.
pub(super) async fn send(
    ctx: PageCtx,
    May(me, _): Officer,
    Path(id): Path<String>,
    StrictForm(form): StrictForm<SendForm>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    check_session_csrf(&me, &form.csrf)?;
    let action = format!("{BASE}/{id}/send");
    confirm::act_or_ask(
        &ctx,
        &me.csrf,
        &action,
        &form.confirm,
        async || send_question(&ctx, &me, id, &form.send_at).await,
        async || {
            let when = when_of(&ctx, &form.send_at)?;
            authoring::send(&ctx.state.db, &me, id, when).await?;
            if when.is_none() {
                let state = ctx.state.clone();
                tokio::spawn(async move {
                    if let Err(e) = super::letters::round(&state).await {
                        tracing::warn!(error = %e, "could not queue a community message");
                    }
                });
            }
            let done = match when {
                None => "community-message-sent",
                Some(_) => "community-message-scheduled",
            };
            Ok(format!("{BASE}/{id}?done={done}"))
        },
    )
    .await
}
