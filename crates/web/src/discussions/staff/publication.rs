//! Publishing a discussion and withdrawing it from residents: both ask
//! first (ADR 22), saying what residents will see and when they can
//! comment.

use axum::extract::{Path, Query};
use axum::response::Response;
use cohesion_domain::consultation::Status;
use cohesion_domain::discussion::record::Discussion;
use cohesion_domain::timestamp::Timestamp;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::accounts::SignedIn;
use cohesion_services::discussions::{authoring, reading};
use cohesion_ui::{Phrase, Value};
use serde::Deserialize;
use uuid::Uuid;

use crate::discussions::public::translated::translated;
use cohesion_domain::translation::key;

use crate::kit::confirm::{act_or_ask, ask, asked_about, stale, Ask};
use crate::kit::{
    check_session_csrf, path_id, AppError, ClientKey, May, PageCtx, RunEngagement, StrictForm,
};

/// What to do: the query of the asking page, and the form.
#[derive(Deserialize)]
pub struct PublicationForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    publish: String,
    #[serde(default)]
    confirm: String,
}

fn chosen(form: &PublicationForm) -> Result<bool, AppError> {
    match form.publish.as_str() {
        "yes" => Ok(true),
        "no" => Ok(false),
        _ => Err(ValidationError::new("publish", ErrorCode::InvalidChoice).into()),
    }
}

/// When residents can comment, as its dates make it.
fn when_open(ctx: &PageCtx, d: &Discussion) -> Phrase {
    let dt = ctx.dates();
    let closes = dt.instant(d.closes_at);
    match d.status(Timestamp::now().as_offset()) {
        _ if d.imported => ctx.t("confirm-publish-discussion-imported").into(),
        Status::Upcoming => dt.range(
            "confirm-publish-discussion-upcoming",
            d.opens_at,
            d.closes_at,
        ),
        Status::Open => dt.with("confirm-publish-discussion-open", "closes", closes),
        Status::Closed => dt.with("confirm-publish-discussion-closed", "closes", closes),
    }
}

/// "Publish …?" or "Withdraw …?": what it changes for residents. A
/// discussion already as asked is refused with a 409.
async fn question(ctx: &PageCtx, me: &SignedIn, id: Uuid, publish: bool) -> Result<Ask, AppError> {
    let d = reading::discussion(&ctx.state.db, Some(me), id).await?;
    if !publish && !d.is_published() {
        return Err(stale("publish", ErrorCode::NotPublished));
    }
    let (shown, langs) = translated(ctx, d.clone()).await?;
    let title = langs.shown(key::TITLE, asked_about(&shown.title));
    let args = [
        ("title", Value::Shown(&title)),
        ("count", Value::Number(d.comment_count.max(0) as u64)),
    ];
    let key = match publish {
        true => "confirm-publish-discussion",
        false => "confirm-withdraw-discussion",
    };
    let lead = match publish {
        true => vec![when_open(ctx, &d)],
        false => vec![
            ctx.phrase(&format!("{key}-lead"), &args),
            ctx.phrase(&format!("{key}-kept"), &args),
        ],
    };
    Ok(Ask {
        title: ctx.phrase(&format!("{key}-title"), &args),
        lead,
        points: Vec::new(),
        after: Vec::new(),
        warning: None,
        hidden: vec![("publish", if publish { "yes" } else { "no" }.to_owned())],
        button: ctx.t(&format!("{key}-button")),
        danger: !publish,
        cancel: format!("/staff/discussions/{id}"),
    })
}

pub async fn ask_publication(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path(id): Path<String>,
    Query(form): Query<PublicationForm>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let publish = chosen(&form)?;
    let action = format!("/staff/discussions/{id}/publication");
    ask(
        &ctx,
        &me.csrf,
        &action,
        question(&ctx, &me, id, publish).await?,
    )
    .await
}

pub async fn publication(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    client: ClientKey,
    Path(id): Path<String>,
    StrictForm(form): StrictForm<PublicationForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let id = path_id(&id)?;
    let publish = chosen(&form)?;
    let action = format!("/staff/discussions/{id}/publication");
    let act = async || {
        authoring::set_published(&ctx.state.db, &me, id, publish, Some(&client.0)).await?;
        let done = match publish {
            true => "discussion-published",
            false => "discussion-unpublished",
        };
        Ok(format!("/staff/discussions/{id}?done={done}"))
    };
    let asking = async || question(&ctx, &me, id, publish).await;
    act_or_ask(&ctx, &me.csrf, &action, &form.confirm, asking, act).await
}
