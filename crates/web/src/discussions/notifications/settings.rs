//! Choosing what to be told and how, and the unsubscribe link of every
//! notification email.

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::discussion::notification::Kind;
use cohesion_services::discussions::notifying;
use cohesion_ui::{Field, FormPage, NoticePage};
use serde::Deserialize;

use crate::kit::{
    check_session_csrf, confirmation, no_referrer, respond, see_other, AppError, Me, PageCtx,
    StrictForm,
};

fn kinds(ctx: &PageCtx) -> Vec<(String, String)> {
    Kind::ALL
        .into_iter()
        .map(|k| {
            (
                k.code().to_owned(),
                ctx.t(&format!("notification-kind-{}", k.code())),
            )
        })
        .collect()
}

#[derive(Deserialize, Default)]
pub(super) struct DoneParams {
    done: Option<String>,
}

/// `GET /notifications/settings`: a box per kind, in the site and by
/// email.
pub(super) async fn form(
    ctx: PageCtx,
    Me(me): Me,
    Query(p): Query<DoneParams>,
) -> Result<Response, AppError> {
    let choices = notifying::preferences(&ctx.state.db, &me).await?;
    let ticked = |pick: fn(&(Kind, bool, bool)) -> bool| -> Vec<String> {
        choices
            .iter()
            .filter(|c| pick(c))
            .map(|c| c.0.code().to_owned())
            .collect()
    };
    let ui = ctx
        .chrome_for("/notifications/settings", "notification-settings-title")
        .await?;
    let mut page = FormPage::new(
        ui,
        me.csrf.clone(),
        "/notifications/settings",
        ctx.t("notification-settings-button"),
    );
    page.back = Some((
        "/notifications".to_owned(),
        ctx.t("notification-settings-back"),
    ));
    let mut lead = Vec::new();
    if let Some(done) = confirmation(&ctx, p.done.as_deref()) {
        lead.push(done.into());
    }
    lead.push(ctx.t("notification-settings-lead").into());
    page.lead = lead;
    page.fields = vec![
        Field::choice(
            "site",
            "checkboxes",
            ctx.t("notification-settings-site"),
            kinds(&ctx),
        )
        .ticked(&ticked(|c| c.1)),
        Field::choice(
            "email",
            "checkboxes",
            ctx.t("notification-settings-email"),
            kinds(&ctx),
        )
        .hint(ctx.t("notification-settings-email-hint"))
        .ticked(&ticked(|c| c.2)),
    ];
    respond(StatusCode::OK, page, None)
}

/// `POST /notifications/settings`: what is ticked is on, the rest off.
/// An unknown kind is refused rather than ignored.
pub(super) async fn save(
    ctx: PageCtx,
    Me(me): Me,
    StrictForm(fields): StrictForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let csrf = fields
        .iter()
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.as_str())
        .unwrap_or_default();
    check_session_csrf(&me, csrf)?;
    let mut site = Vec::new();
    let mut email = Vec::new();
    for (name, value) in &fields {
        let list = match name.as_str() {
            "site" => &mut site,
            "email" => &mut email,
            _ => continue,
        };
        let kind = Kind::from_code(value).ok_or_else(|| {
            cohesion_domain::ValidationError::new("site", cohesion_domain::ErrorCode::InvalidChoice)
        })?;
        list.push(kind);
    }
    let choices: Vec<(Kind, bool, bool)> = Kind::ALL
        .into_iter()
        .map(|k| (k, site.contains(&k), email.contains(&k)))
        .collect();
    notifying::set_preferences(&ctx.state.db, &me, &choices).await?;
    Ok(see_other(
        "/notifications/settings?done=notification-settings-saved",
    ))
}

#[derive(Deserialize, Default)]
pub(super) struct TokenParams {
    #[serde(default)]
    token: String,
}

/// `GET /notifications/unsubscribe?token=…`: asks first, because mail
/// scanners follow links; the button (and a mail program's one-click
/// POST to the same address) does it.
pub(super) async fn unsubscribe_page(
    ctx: PageCtx,
    Query(p): Query<TokenParams>,
) -> Result<Response, AppError> {
    let token: String = form_urlencoded::byte_serialize(p.token.as_bytes()).collect();
    let action = format!("/notifications/unsubscribe?token={token}");
    let ui = ctx
        .chrome_for("/notifications/unsubscribe", "unsubscribe-title")
        .await?;
    let mut page = FormPage::new(ui, String::new(), &action, ctx.t("unsubscribe-button"));
    page.lead = vec![ctx.t("unsubscribe-lead").into()];
    Ok(no_referrer(respond(StatusCode::OK, page, None)?))
}

/// `POST /notifications/unsubscribe?token=…`: no sign-in and no form
/// token, as RFC 8058's one-click asks; the signed link is the proof.
/// Whatever body a mail program sends is not read.
pub(super) async fn unsubscribe(
    ctx: PageCtx,
    Query(p): Query<TokenParams>,
) -> Result<Response, AppError> {
    let kind = notifying::unsubscribe(&ctx.state.db, &p.token).await?;
    let ui = ctx
        .chrome_for("/notifications/unsubscribe", "unsubscribe-done-title")
        .await?;
    let kind_name = ctx.t(&format!("notification-kind-{}", kind.code()));
    let page = NoticePage {
        ui,
        text: ctx
            .locale()
            .t_args("unsubscribe-done", &[("kind", kind_name.as_str().into())])
            .into(),
        link: Some((
            "/notifications/settings".to_owned(),
            ctx.t("unsubscribe-settings-link").into(),
        )),
    };
    Ok(no_referrer(respond(StatusCode::OK, page, None)?))
}
