//! The notifications page, marking read, and the Follow button.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_services::discussions::notifying::{self, opening_address};
use cohesion_ui::discussions::notify::{NotificationItem, NotificationsPage};
use serde::Deserialize;

use super::describe;
use crate::discussions::public::search::{after_of, after_token};
use crate::kit::{
    check_session_csrf, confirmation, path_id, respond, see_other, AppError, Me, PageCtx,
    StrictForm,
};

#[derive(Deserialize, Default)]
pub(super) struct ListParams {
    /// Where the last page ended (`nanoseconds.id`).
    #[serde(default)]
    before: String,
    done: Option<String>,
}

/// `GET /notifications`: newest first, a page at a time.
pub(super) async fn list(
    ctx: PageCtx,
    Me(me): Me,
    Query(p): Query<ListParams>,
) -> Result<Response, AppError> {
    let before = after_of(&p.before)?;
    let db = &ctx.state.db;
    let (list, next) = notifying::page(db, &me, before, ctx.locale().tag()).await?;
    let (unread, more) = crate::kit::unread_said(notifying::unread(db, &me).await?);
    let items = list
        .iter()
        .map(|n| NotificationItem {
            href: opening_address(n),
            text: describe(ctx.locale(), n),
            when: ctx.dates().instant(n.created_at.as_offset()),
            unread: n.read_at.is_none(),
            mark_read: n.read_at.is_none().then(|| {
                (
                    format!("/notifications/{}/read", n.id),
                    ctx.t("notification-mark-read"),
                )
            }),
        })
        .collect();
    let ui = ctx
        .chrome_for("/notifications", "notifications-title")
        .await?;
    let view = NotificationsPage {
        ui,
        done: confirmation(&ctx, p.done.as_deref()),
        csrf: me.csrf.clone(),
        unread: ctx.locale().t_args(
            match more {
                true => "notifications-unread-more",
                false => "notifications-unread",
            },
            &[("count", unread.into())],
        ),
        items,
        empty: ctx.t("notifications-empty"),
        mark_all: (unread > 0).then(|| ctx.t("notifications-mark-all")),
        settings: (
            "/notifications/settings".to_owned(),
            ctx.t("notifications-settings-link"),
        ),
        next: next.map(|n| {
            (
                format!("/notifications?before={}", after_token(n)),
                ctx.t("notifications-older"),
            )
        }),
        first: before.map(|_| ("/notifications".to_owned(), ctx.t("notifications-newest"))),
    };
    respond(StatusCode::OK, view, None)
}

#[derive(Deserialize, Default)]
pub(super) struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

/// `POST /notifications/read`: every one read.
pub(super) async fn read_all(
    ctx: PageCtx,
    Me(me): Me,
    StrictForm(f): StrictForm<CsrfOnly>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &f.csrf)?;
    notifying::mark_read(&ctx.state.db, &me, None).await?;
    Ok(see_other("/notifications?done=notifications-read"))
}

/// `POST /notifications/{nid}/read`: one read (someone else's changes
/// nothing).
pub(super) async fn read_one(
    ctx: PageCtx,
    Me(me): Me,
    Path(nid): Path<String>,
    StrictForm(f): StrictForm<CsrfOnly>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &f.csrf)?;
    let nid = path_id(&nid)?;
    notifying::mark_read(&ctx.state.db, &me, Some(nid)).await?;
    Ok(see_other("/notifications?done=notification-read"))
}

/// `GET /notifications/{nid}/open`: the link of a notification, on the
/// page and in its email. Following it is reading it, so it is marked
/// read, then the person is sent on to what it is about (never anywhere
/// the address names: the notification's own target only). Signed out,
/// sign-in comes first and brings them back here. A plain link rather
/// than a form so that it works from an email and opens in a new tab.
pub(super) async fn open(
    ctx: PageCtx,
    Me(me): Me,
    Path(nid): Path<String>,
) -> Result<Response, AppError> {
    let nid = path_id(&nid)?;
    let to = notifying::open(&ctx.state.db, &me, nid).await?;
    Ok(see_other(&to))
}

#[derive(Deserialize, Default)]
pub(super) struct FollowInput {
    #[serde(default)]
    csrf: String,
    /// `yes` to follow, `no` to stop.
    #[serde(default)]
    follow: String,
}

/// `POST /discussions/{id}/follow`.
pub(super) async fn follow(
    ctx: PageCtx,
    Me(me): Me,
    Path(id): Path<String>,
    StrictForm(f): StrictForm<FollowInput>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &f.csrf)?;
    let id = path_id(&id)?;
    let follow = match f.follow.as_str() {
        "yes" => true,
        "no" => false,
        _ => {
            return Err(cohesion_domain::ValidationError::new(
                "follow",
                cohesion_domain::ErrorCode::InvalidChoice,
            )
            .into())
        }
    };
    notifying::follow(&ctx.state.db, &me, id, follow).await?;
    let done = if follow {
        "discussion-followed"
    } else {
        "discussion-unfollowed"
    };
    Ok(see_other(&format!("/discussions/{id}?done={done}")))
}
