//! "Forgotten your password?": asking for a link by email, and choosing
//! a new password with it.

use axum::extract::Query;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use cohesion_domain::ValidationError;
use cohesion_services::accounts::{self, AccountError};
use cohesion_services::audit::Origin;
use cohesion_services::throttle::{throttle, Throttled};
use cohesion_services::ServiceError;
use cohesion_ui::{Field, FieldError};
use serde::Deserialize;

use crate::kit::{
    anon_csrf, check_csrf, field_messages, no_referrer, notice, one_field_listed, respond,
    submit_form, AppError, CatalogLetters, ClientKey, CurrentUser, PageCtx, StrictForm,
};

fn reset_request_page<'a>(
    ctx: &'a PageCtx,
    ui: cohesion_ui::Chrome<'a>,
    csrf: String,
    email: &str,
    errors: Vec<FieldError>,
) -> cohesion_ui::FormPage<'a> {
    let l = ctx.locale();
    let mut page = cohesion_ui::FormPage::new(
        ui,
        csrf,
        "/password-reset",
        l.t("reset-request-button").into_owned(),
    );
    page.back = Some(("/sign-in".to_owned(), l.t("nav-sign-in").into_owned()));
    page.lead = vec![l.t("reset-request-lead").into()];
    page.fields = vec![
        Field::new("email", "email", "email", l.t("field-email").into_owned())
            .value(email)
            .errors_from(&errors),
    ];
    page.errors = errors;
    page
}

/// "Forgotten your password?": asks for the address.
pub async fn reset_request_form(ctx: PageCtx, headers: HeaderMap) -> Result<Response, AppError> {
    let (csrf, set) = anon_csrf(&ctx, &headers).await?;
    let ui = ctx
        .chrome_for("/password-reset", "reset-request-title")
        .await?;
    let page = reset_request_page(&ctx, ui, csrf, "", vec![]);
    respond(StatusCode::OK, page, set)
}

#[derive(Deserialize)]
pub struct ResetRequestForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    email: String,
}

pub async fn reset_request(
    ctx: PageCtx,
    user: CurrentUser,
    client: ClientKey,
    headers: HeaderMap,
    StrictForm(form): StrictForm<ResetRequestForm>,
) -> Result<Response, AppError> {
    check_csrf(&ctx.state, &headers, &user, &form.csrf).await?;
    let state = &ctx.state;
    throttle(&state.db, Throttled::PasswordReset, &client.0).await?;
    let letters = CatalogLetters::for_site(state).await;
    let origin = Origin {
        actor: None,
        client: Some(&client.0),
    };
    let r = accounts::reset::request(
        &state.db,
        &letters,
        &state.config.public_url,
        &form.email,
        origin,
    )
    .await;
    submit_form(
        &ctx,
        r.map_err(one_field_listed),
        |()| "/password-reset/sent".to_owned(),
        async |errors| {
            let ui = ctx
                .chrome_for("/password-reset", "reset-request-title")
                .await?;
            Ok(reset_request_page(
                &ctx,
                ui,
                form.csrf.clone(),
                &form.email,
                errors,
            ))
        },
    )
    .await
}

pub async fn reset_sent(ctx: PageCtx) -> Result<Response, AppError> {
    let path = "/password-reset";
    let page = notice(&ctx, path, "check-email-title", "reset-sent-text", None).await?;
    respond(StatusCode::OK, page, None)
}

fn new_password_page<'a>(
    ctx: &'a PageCtx,
    ui: cohesion_ui::Chrome<'a>,
    csrf: String,
    token: String,
    errors: Vec<FieldError>,
) -> cohesion_ui::FormPage<'a> {
    let l = ctx.locale();
    let mut page = cohesion_ui::FormPage::new(
        ui,
        csrf,
        "/password-reset/new",
        l.t("reset-new-button").into_owned(),
    );
    page.hidden = vec![("token", token)];
    page.fields = vec![Field::new(
        "password",
        "password",
        "new-password",
        l.t("field-new-password").into_owned(),
    )
    .hint(l.t("field-password-hint").into_owned())
    .errors_from(&errors)];
    page.errors = errors;
    page
}

#[derive(Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

/// The emailed link: a form for the new password (the token is only
/// used when the form is sent, so opening the link spends nothing).
pub async fn reset_form(
    ctx: PageCtx,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
) -> Result<Response, AppError> {
    let (csrf, set) = anon_csrf(&ctx, &headers).await?;
    let ui = ctx.chrome_for("/password-reset", "reset-new-title").await?;
    let page = new_password_page(&ctx, ui, csrf, q.token, vec![]);
    Ok(no_referrer(respond(StatusCode::OK, page, set)?))
}

#[derive(Deserialize)]
pub struct NewPasswordForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
}

pub async fn reset(
    ctx: PageCtx,
    user: CurrentUser,
    client: ClientKey,
    headers: HeaderMap,
    StrictForm(form): StrictForm<NewPasswordForm>,
) -> Result<Response, AppError> {
    check_csrf(&ctx.state, &headers, &user, &form.csrf).await?;
    let state = &ctx.state;
    // Setting a password costs a hash, as signing in does: same bucket.
    throttle(&state.db, Throttled::SignIn, &client.0).await?;
    let origin = Origin {
        actor: None,
        client: Some(&client.0),
    };
    match accounts::reset::complete(
        &state.db,
        &state.passwords,
        &form.token,
        &form.password,
        origin,
    )
    .await
    {
        Ok(()) => {
            let link = Some(("/sign-in", "nav-sign-in"));
            let page = notice(
                &ctx,
                "/sign-in",
                "reset-done-title",
                "reset-done-text",
                link,
            )
            .await?;
            respond(StatusCode::OK, page, None)
        }
        Err(ServiceError::Invalid(e)) => {
            let errors = field_messages(&ctx, &[ValidationError::new("password", e.code)]);
            let ui = ctx.chrome_for("/password-reset", "reset-new-title").await?;
            let page = new_password_page(&ctx, ui, form.csrf, form.token, errors);
            respond(StatusCode::UNPROCESSABLE_ENTITY, page, None)
        }
        Err(ServiceError::Account(AccountError::InvalidToken)) => {
            let link = Some(("/password-reset", "reset-request-title"));
            let path = "/password-reset";
            let page = notice(&ctx, path, "verify-failed-title", "reset-failed-text", link).await?;
            respond(StatusCode::BAD_REQUEST, page, None)
        }
        Err(e) => Err(e.into()),
    }
}
