//! Closing an open discussion now, before its closing date: asked first
//! (ADR 22), saying what changes for residents and how to open it again.

use axum::extract::{Path, Query};
use axum::response::Response;
use cohesion_domain::ErrorCode;
use cohesion_services::accounts::SignedIn;
use cohesion_services::discussions::{authoring, reading};
use cohesion_ui::Value;
use serde::Deserialize;
use uuid::Uuid;

use crate::kit::confirm::{act_or_ask, ask, asked_about, stale, Ask};
use crate::kit::{
    check_session_csrf, path_id, AppError, ClientKey, Langs, May, PageCtx, RunEngagement,
    StrictForm,
};

/// The asking page's query, and the form it sends.
#[derive(Deserialize)]
pub struct CloseForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    confirm: String,
}

/// "Close … now?": when it was due to close, and what closing changes.
/// A discussion not open is refused with a 409, as closing it would be.
async fn question(ctx: &PageCtx, me: &SignedIn, id: Uuid) -> Result<Ask, AppError> {
    let d = reading::discussion(&ctx.state.db, Some(me), id).await?;
    if !super::open_now(&d) {
        return Err(stale("discussion", ErrorCode::DiscussionNotOpen));
    }
    let title = Langs::as_written(ctx, &d.language).original(asked_about(&d.title));
    let dt = ctx.dates();
    Ok(Ask {
        title: ctx.phrase(
            "confirm-close-discussion-title",
            &[("title", Value::Shown(&title))],
        ),
        lead: vec![
            dt.with(
                "confirm-close-discussion-lead",
                "closes",
                dt.instant(d.closes_at),
            ),
            ctx.t("confirm-close-discussion-after").into(),
        ],
        points: Vec::new(),
        after: Vec::new(),
        warning: None,
        hidden: Vec::new(),
        button: ctx.t("confirm-close-discussion-button"),
        danger: true,
        cancel: format!("/staff/discussions/{id}"),
    })
}

/// `GET /staff/discussions/{id}/close`: asks first.
pub async fn ask_close(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path(id): Path<String>,
    Query(_): Query<CloseForm>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let action = format!("/staff/discussions/{id}/close");
    ask(&ctx, &me.csrf, &action, question(&ctx, &me, id).await?).await
}

/// `POST /staff/discussions/{id}/close`: closes it, once confirmed.
pub async fn close(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    client: ClientKey,
    Path(id): Path<String>,
    StrictForm(form): StrictForm<CloseForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let id = path_id(&id)?;
    let action = format!("/staff/discussions/{id}/close");
    let act = async || {
        authoring::close_now(&ctx.state.db, &me, id, Some(&client.0)).await?;
        Ok(format!("/staff/discussions/{id}?done=discussion-closed"))
    };
    let asking = async || question(&ctx, &me, id).await;
    act_or_ask(&ctx, &me.csrf, &action, &form.confirm, asking, act).await
}
