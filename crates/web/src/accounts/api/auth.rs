//! Before sign-in: creating an account, signing in and out, and the
//! forgotten-password link. None of these answers reveals whether an
//! address has an account.

use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cohesion_domain::identity::{DisplayName, Email, NewPassword};
use cohesion_services::accounts::{self, SignUp};
use cohesion_services::audit::Origin;
use cohesion_services::throttle::{throttle, Throttled};
use cohesion_services::ServiceError;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::me::AccountView;
use super::{clear_session_cookie, known_locale};
use crate::kit::{
    cookie, set_cookie, Acting, ApiJson, AppError, CatalogLetters, ClientKey, PageCtx, Problem,
    SharedState, SESSION_COOKIE,
};

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignUpRequest {
    #[serde(default)]
    #[schema(required = true, format = Email, example = "amina@example.org")]
    pub email: String,
    /// Shown beside what the person writes; may not pass for staff.
    #[serde(default)]
    #[schema(required = true, example = "Amina K")]
    pub display_name: String,
    /// At least 12 characters, not a common password.
    #[serde(default)]
    #[schema(required = true, format = Password)]
    pub password: String,
    /// The language of emails and pages (`en`, `ar`); the request's
    /// negotiated language when left out.
    #[schema(example = "ar")]
    pub locale: Option<String>,
}

/// Create an account.
///
/// Emails a link to confirm the address. The answer is the same whether
/// or not the address already has an account (its owner is emailed a
/// note instead).
#[utoipa::path(post, path = "/api/v1/accounts", operation_id = "create_account", tag = "accounts", request_body = SignUpRequest,
    responses(
        (status = 202, description = "Check your email: a link to confirm the address was sent (or a note, if the address already has an account)"),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Sent by another site (`cross_site_request`)", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Every invalid field in `errors`: `invalid_email`, `display_name_reserved`, `field_too_long`, `password_too_short`, `unknown_locale`, …", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many sign-ups from this client (`rate_limited`, with Retry-After)", body = Problem, content_type = "application/problem+json")))]
pub async fn sign_up(
    ctx: PageCtx,
    client: ClientKey,
    ApiJson(req): ApiJson<SignUpRequest>,
) -> Result<Response, AppError> {
    let state = &ctx.state;
    let locale = match req.locale.as_deref() {
        None => ctx.locale().tag(),
        Some(tag) => match known_locale(&state.catalog, tag) {
            Ok(tag) => tag,
            Err(e) => {
                // Nothing is created; list this with the others' problems.
                let mut errors: Vec<_> = [
                    Email::parse(&req.email).err(),
                    DisplayName::parse(&req.display_name).err(),
                    NewPassword::parse(&req.password).err(),
                ]
                .into_iter()
                .flatten()
                .collect();
                errors.push(e);
                return Err(ServiceError::InvalidFields(errors).into());
            }
        },
    };
    let input = SignUp {
        email: &req.email,
        display_name: &req.display_name,
        password: &req.password,
        locale,
    };
    let origin = Origin {
        actor: None,
        client: Some(&client.0),
    };
    accounts::sign_up(
        &state.db,
        &state.passwords,
        &CatalogLetters::for_site(state).await,
        &state.config.public_url,
        input,
        origin,
    )
    .await?;
    Ok(StatusCode::ACCEPTED.into_response())
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignInRequest {
    #[serde(default)]
    #[schema(required = true, format = Email, example = "amina@example.org")]
    pub email: String,
    #[serde(default)]
    #[schema(required = true, format = Password)]
    pub password: String,
}

#[derive(Serialize, ToSchema)]
pub struct SessionStarted {
    pub user: AccountView,
    /// Send this in `X-CSRF-Token` on every call that changes something.
    pub csrf_token: String,
}

/// Sign in.
///
/// A new session every time, in the same cookie the sign-in page sets
/// (`cohesion_session`, HttpOnly, SameSite=Lax, Secure over TLS).
#[utoipa::path(post, path = "/api/v1/session", operation_id = "sign_in", tag = "accounts", request_body = SignInRequest,
    responses(
        (status = 200, description = "Signed in; the session cookie is set", body = SessionStarted,
            headers(("set-cookie" = String, description = "The session cookie"))),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Email or password not recognised (`invalid_credentials`)", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The account is suspended (`account_suspended`), or the request came from another site", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many attempts from this client", body = Problem, content_type = "application/problem+json")))]
pub async fn sign_in(
    State(state): State<SharedState>,
    client: ClientKey,
    headers: HeaderMap,
    ApiJson(req): ApiJson<SignInRequest>,
) -> Result<Response, AppError> {
    let agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok());
    let tokens = accounts::sign_in(
        &state.db,
        &state.passwords,
        &req.email,
        &req.password,
        agent,
        Some(&client.0),
    )
    .await?;
    let Some(me) = accounts::session(&state.db, &tokens.cookie).await? else {
        tracing::error!("a session just created was not found");
        return Err(AppError::internal());
    };
    let body = SessionStarted {
        user: AccountView::of(&me),
        csrf_token: tokens.csrf,
    };
    let mut res = Json(body).into_response();
    res.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(
            SESSION_COOKIE,
            &tokens.cookie,
            accounts::ABSOLUTE_TIMEOUT.whole_seconds(),
            "Lax",
            state.config.tls,
        ),
    );
    Ok(res)
}

/// Sign out.
///
/// This session ends and its cookie is removed.
#[utoipa::path(delete, path = "/api/v1/session", operation_id = "sign_out", tag = "accounts",
    security(("session" = [], "csrf" = [])),
    responses(
        (status = 204, description = "Signed out; the cookie is removed"),
        (status = 401, description = "Not signed in (`sign_in_required`)", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`X-CSRF-Token` missing or wrong (`csrf_token_invalid`)", body = Problem, content_type = "application/problem+json")))]
pub async fn sign_out(
    State(state): State<SharedState>,
    _me: Acting,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    if let Some(token) = cookie(&headers, SESSION_COOKIE) {
        accounts::sign_out(&state.db, token).await?;
    }
    let mut res = StatusCode::NO_CONTENT.into_response();
    clear_session_cookie(res.headers_mut(), state.config.tls);
    Ok(res)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResetRequest {
    #[serde(default)]
    #[schema(required = true, format = Email, example = "amina@example.org")]
    pub email: String,
}

/// Ask for a password reset link.
///
/// Emails a link to choose a new password, valid for an hour, if the
/// address has an account. The answer is the same either way.
#[utoipa::path(post, path = "/api/v1/password-reset", operation_id = "request_password_reset", tag = "accounts", request_body = ResetRequest,
    responses(
        (status = 202, description = "If the address has an account, a link is on its way"),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not an email address (`invalid_email`, `field_required`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this client", body = Problem, content_type = "application/problem+json")))]
pub async fn reset_request(
    State(state): State<SharedState>,
    client: ClientKey,
    ApiJson(req): ApiJson<ResetRequest>,
) -> Result<Response, AppError> {
    throttle(&state.db, Throttled::PasswordReset, &client.0).await?;
    let origin = Origin {
        actor: None,
        client: Some(&client.0),
    };
    accounts::reset::request(
        &state.db,
        &CatalogLetters::for_site(&state).await,
        &state.config.public_url,
        &req.email,
        origin,
    )
    .await?;
    Ok(StatusCode::ACCEPTED.into_response())
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResetComplete {
    /// The `token` of the emailed link.
    #[serde(default)]
    #[schema(required = true)]
    pub token: String,
    /// The new password: at least 12 characters, not a common one.
    #[serde(default)]
    #[schema(required = true, format = Password)]
    pub password: String,
}

/// Choose a new password with a reset link.
///
/// Takes the emailed link's token. Every session of the account ends.
#[utoipa::path(post, path = "/api/v1/password-reset/complete", operation_id = "complete_password_reset", tag = "accounts", request_body = ResetComplete,
    responses(
        (status = 204, description = "Password changed; sign in with it"),
        (status = 400, description = "The token is unknown, used or expired (`invalid_token`), or the JSON is malformed", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The password is refused (`password_too_short`, `password_too_common`, …); the token still works", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this client", body = Problem, content_type = "application/problem+json")))]
pub async fn reset_complete(
    State(state): State<SharedState>,
    client: ClientKey,
    ApiJson(req): ApiJson<ResetComplete>,
) -> Result<Response, AppError> {
    // Setting a password costs a hash, as signing in does: same bucket.
    throttle(&state.db, Throttled::SignIn, &client.0).await?;
    let origin = Origin {
        actor: None,
        client: Some(&client.0),
    };
    accounts::reset::complete(
        &state.db,
        &state.passwords,
        &req.token,
        &req.password,
        origin,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

// Read with `ApiJson`: checked against their schemas first.
crate::kit::api::api_bodies!(SignUpRequest, SignInRequest, ResetRequest, ResetComplete);
