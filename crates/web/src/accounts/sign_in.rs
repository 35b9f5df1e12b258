//! Signing in and out. Thin handlers: the rules live in
//! `services::accounts`.

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use cohesion_domain::ValidationError;
use cohesion_services::accounts::{self, AccountError};
use cohesion_services::ServiceError;
use cohesion_ui::accounts::SignInPage;
use cohesion_ui::{Field, FieldError};
use serde::Deserialize;

use crate::kit::{
    anon_csrf, check_csrf, cookie, field_messages, respond, respond_throttled, safe_next,
    set_cookie, too_many, AppError, ClientKey, CurrentUser, PageCtx, SharedState, StrictForm,
    CSRF_COOKIE, SESSION_COOKIE,
};

fn sign_in_fields(ctx: &PageCtx, email: &str, errors: &[FieldError]) -> Vec<Field> {
    let l = ctx.locale();
    vec![
        Field::new("email", "email", "email", l.t("field-email").into_owned())
            .value(email)
            .errors_from(errors),
        Field::new(
            "password",
            "password",
            "current-password",
            l.t("field-password").into_owned(),
        )
        .errors_from(errors),
    ]
}

#[derive(Deserialize)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
}

pub async fn sign_in_form(
    ctx: PageCtx,
    user: CurrentUser,
    headers: HeaderMap,
    Query(q): Query<NextQuery>,
) -> Result<Response, AppError> {
    let next = safe_next(&q.next).unwrap_or_default().to_owned();
    if user.0.is_some() {
        return Ok(Redirect::to(if next.is_empty() { "/" } else { &next }).into_response());
    }
    let (csrf, set) = anon_csrf(&ctx, &headers).await?;
    let page = SignInPage {
        ui: ctx.chrome_for("/sign-in", "sign-in-title").await?,
        csrf,
        next,
        fields: sign_in_fields(&ctx, "", &[]),
        errors: vec![],
    };
    respond(StatusCode::OK, page, set)
}

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    next: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

pub async fn sign_in(
    ctx: PageCtx,
    user: CurrentUser,
    client: ClientKey,
    headers: HeaderMap,
    StrictForm(form): StrictForm<SignInForm>,
) -> Result<Response, AppError> {
    check_csrf(&ctx.state, &headers, &user, &form.csrf).await?;
    let state = &ctx.state;
    let agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok());
    match accounts::sign_in(
        &state.db,
        &state.passwords,
        &form.email,
        &form.password,
        agent,
        Some(&client.0),
    )
    .await
    {
        Ok(tokens) => {
            let to = safe_next(&form.next).unwrap_or("/");
            let mut res = Redirect::to(to).into_response();
            let max_age = accounts::ABSOLUTE_TIMEOUT.whole_seconds();
            let tls = state.config.tls;
            res.headers_mut().append(
                header::SET_COOKIE,
                set_cookie(SESSION_COOKIE, &tokens.cookie, max_age, "Lax", tls),
            );
            // The pre-sign-in token has done its job.
            res.headers_mut().append(
                header::SET_COOKIE,
                set_cookie(CSRF_COOKIE, "", 0, "Strict", tls),
            );
            Ok(res)
        }
        Err(ServiceError::Account(
            e @ (AccountError::InvalidCredentials | AccountError::Suspended),
        )) => {
            let (status, code) = match e {
                AccountError::Suspended => (
                    StatusCode::FORBIDDEN,
                    cohesion_domain::ErrorCode::AccountSuspended,
                ),
                _ => (
                    StatusCode::UNAUTHORIZED,
                    cohesion_domain::ErrorCode::InvalidCredentials,
                ),
            };
            let errors = field_messages(&ctx, &[ValidationError::new("email", code)]);
            respond(status, sign_in_again(&ctx, form, errors).await?, None)
        }
        // A field left empty: asked for by name.
        Err(ServiceError::Invalid(e)) => missing(&ctx, form, &[e]).await,
        Err(ServiceError::InvalidFields(es)) => missing(&ctx, form, &es).await,
        // Kept: what they typed, but the password; said: when to retry.
        Err(ServiceError::RateLimited { retry_after }) => {
            let errors = vec![too_many(&ctx, "email", "sign-in-too-many", retry_after)];
            respond_throttled(sign_in_again(&ctx, form, errors).await?, retry_after)
        }
        Err(e) => Err(e.into()),
    }
}

/// The sign-in form again, saying which fields are `empty`.
async fn missing(
    ctx: &PageCtx,
    form: SignInForm,
    empty: &[ValidationError],
) -> Result<Response, AppError> {
    let errors = field_messages(ctx, empty);
    let page = sign_in_again(ctx, form, errors).await?;
    respond(StatusCode::UNPROCESSABLE_ENTITY, page, None)
}

/// The sign-in form again with `errors`, the email address as typed.
async fn sign_in_again(
    ctx: &PageCtx,
    form: SignInForm,
    errors: Vec<FieldError>,
) -> Result<SignInPage<'_>, AppError> {
    Ok(SignInPage {
        ui: ctx.chrome_for("/sign-in", "sign-in-title").await?,
        next: safe_next(&form.next).unwrap_or_default().to_owned(),
        csrf: form.csrf,
        fields: sign_in_fields(ctx, &form.email, &errors),
        errors,
    })
}

#[derive(Deserialize)]
pub struct SignOutForm {
    #[serde(default)]
    csrf: String,
}

pub async fn sign_out(
    State(state): State<SharedState>,
    user: CurrentUser,
    headers: HeaderMap,
    StrictForm(form): StrictForm<SignOutForm>,
) -> Result<Response, AppError> {
    if user.0.is_none() {
        return Ok(Redirect::to("/").into_response());
    }
    check_csrf(&state, &headers, &user, &form.csrf).await?;
    if let Some(token) = cookie(&headers, SESSION_COOKIE) {
        accounts::sign_out(&state.db, token).await?;
    }
    let mut res = Redirect::to("/").into_response();
    res.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(SESSION_COOKIE, "", 0, "Lax", state.config.tls),
    );
    Ok(res)
}
