//! The signed-in person's own account: what it holds, changes to it, its
//! sessions, "your data" and deleting it.

use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cohesion_domain::identity::DisplayName;
use cohesion_domain::ErrorCode;
use cohesion_services::accounts::your_data;
use cohesion_services::accounts::{self, profile, SignedIn};
use cohesion_services::audit::Origin;
use cohesion_services::erasure::Contributions;
use cohesion_services::throttle::{password_check_allowed, throttle, Throttled};
use cohesion_services::ServiceError;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::{clear_session_cookie, known_locale};
use crate::kit::{
    cookie, session_cookie, Acting, ApiJson, AppError, CatalogLetters, ClientKey, Me, PathId,
    Problem, SharedState, SESSION_COOKIE,
};

/// A person's own account.
#[derive(Serialize, ToSchema)]
pub struct AccountView {
    pub id: Uuid,
    #[schema(format = Email, example = "amina@example.org")]
    pub email: String,
    #[schema(example = "Amina K")]
    pub display_name: String,
    /// The language of emails and pages, once chosen.
    #[schema(example = "ar")]
    pub locale: Option<String>,
    pub email_verified: bool,
    /// Role keys: `resident` (everyone), `organisation_member`,
    /// `moderator`, `officer`, `analyst`, `grant_assessor`,
    /// `grant_administrator`, `elected_member`, `administrator`,
    /// `tension_reader`.
    #[schema(example = json!(["resident"]))]
    pub roles: Vec<String>,
}

impl AccountView {
    pub fn of(me: &SignedIn) -> Self {
        Self {
            id: me.user_id,
            email: me.email.clone(),
            display_name: me.display_name.clone(),
            locale: me.locale.clone(),
            email_verified: me.email_verified,
            roles: me.roles.iter().map(|r| r.key().to_owned()).collect(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct MeView {
    #[serde(flatten)]
    pub account: AccountView,
    /// Send this in `X-CSRF-Token` on every call that changes something.
    pub csrf_token: String,
}

impl MeView {
    fn of(me: &SignedIn) -> Self {
        Self {
            account: AccountView::of(me),
            csrf_token: me.csrf.clone(),
        }
    }
}

/// The account as it is now, read again after a change.
async fn reloaded(state: &SharedState, headers: &HeaderMap) -> Result<MeView, AppError> {
    let token = cookie(headers, SESSION_COOKIE).unwrap_or_default();
    match accounts::session(&state.db, token).await? {
        Some(me) => Ok(MeView::of(&me)),
        None => Err(AppError::status(
            StatusCode::UNAUTHORIZED,
            ErrorCode::SignInRequired,
        )),
    }
}

/// The signed-in person.
///
/// With the token their changes must carry in `X-CSRF-Token`.
#[utoipa::path(get, path = "/api/v1/me", operation_id = "get_me", tag = "me", security(("session" = [])),
    responses(
        (status = 200, description = "The signed-in person", body = MeView),
        (status = 401, description = "Not signed in (`sign_in_required`)", body = Problem, content_type = "application/problem+json")))]
pub async fn show(Me(me): Me) -> Json<MeView> {
    Json(MeView::of(&me))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateMe {
    /// A new display name.
    #[schema(example = "Amina K")]
    pub display_name: Option<String>,
    /// The language of emails and pages: `en` or `ar`.
    #[schema(example = "ar")]
    pub locale: Option<String>,
}

/// Change the display name or language.
///
/// Fields left out stay as they are.
#[utoipa::path(patch, path = "/api/v1/me", operation_id = "update_me", tag = "me", request_body = UpdateMe,
    security(("session" = [], "csrf" = [])),
    responses(
        (status = 200, description = "The account after the change", body = MeView),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`X-CSRF-Token` missing or wrong (`csrf_token_invalid`)", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Every invalid field in `errors` (`display_name_reserved`, `field_too_long`, `unknown_locale`, …), or an unknown field; nothing changed", body = Problem, content_type = "application/problem+json")))]
pub async fn update(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    headers: HeaderMap,
    ApiJson(req): ApiJson<UpdateMe>,
) -> Result<Json<MeView>, AppError> {
    let locale = match req
        .locale
        .as_deref()
        .map(|t| known_locale(&state.catalog, t))
    {
        Some(Err(e)) => {
            // Nothing changes; list this with the name's problem, if any.
            let name = req.display_name.as_deref().map(DisplayName::parse);
            let errors = [name.and_then(Result::err), Some(e)];
            return Err(ServiceError::InvalidFields(errors.into_iter().flatten().collect()).into());
        }
        Some(Ok(tag)) => Some(tag),
        None => None,
    };
    if let Some(name) = &req.display_name {
        profile::change_display_name(&state.db, &me, name, Some(&client.0)).await?;
    }
    if let Some(tag) = locale {
        profile::set_language(&state.db, &me, tag).await?;
    }
    Ok(Json(reloaded(&state, &headers).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    #[serde(default)]
    #[schema(required = true, format = Password)]
    pub current_password: String,
    /// At least 12 characters, not a common password.
    #[serde(default)]
    #[schema(required = true, format = Password)]
    pub new_password: String,
}

/// Change the password.
///
/// Checks the current one first. Every other session ends; this one
/// stays, under a new session cookie (set in the answer: the old one no
/// longer works). The session's CSRF token is unchanged.
#[utoipa::path(post, path = "/api/v1/me/password", operation_id = "change_password", tag = "me", request_body = PasswordChange,
    security(("session" = [], "csrf" = [])),
    responses(
        (status = 204, description = "Changed; `Set-Cookie` carries the session's new cookie"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`X-CSRF-Token` missing or wrong", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Every problem in `errors`: `current_password` not right (`invalid_credentials`), `new_password` refused (`password_too_short`, …)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many attempts from this client", body = Problem, content_type = "application/problem+json")))]
pub async fn change_password(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    ApiJson(req): ApiJson<PasswordChange>,
) -> Result<Response, AppError> {
    // Guessing the current password is throttled like signing in.
    password_check_allowed(&state.db, me.user_id, &client.0).await?;
    let cookie = profile::change_password(
        &state.db,
        &state.passwords,
        &me,
        &req.current_password,
        &req.new_password,
        Some(&client.0),
    )
    .await?;
    let mut res = StatusCode::NO_CONTENT.into_response();
    res.headers_mut().append(
        header::SET_COOKIE,
        session_cookie(&cookie, state.config.tls),
    );
    Ok(res)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmailChange {
    #[serde(default)]
    #[schema(required = true, format = Email, example = "amina.k@example.org")]
    pub email: String,
    /// The account's password, so that an open session alone cannot move
    /// the account to another address.
    #[serde(default)]
    #[schema(required = true, format = Password)]
    pub current_password: String,
}

/// Change the email address.
///
/// Emails a confirmation link to the new address; the account moves to
/// it when the link's token is confirmed. The answer is the same whether
/// or not the address has an account.
#[utoipa::path(post, path = "/api/v1/me/email", operation_id = "change_email", tag = "me", request_body = EmailChange,
    security(("session" = [], "csrf" = [])),
    responses(
        (status = 202, description = "A confirmation link is on its way to the new address"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`X-CSRF-Token` missing or wrong", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Every problem in `errors`: `invalid_email`, the account's own address (`already_registered`), or `current_password` not right (`invalid_credentials`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many emails for this account", body = Problem, content_type = "application/problem+json")))]
pub async fn change_email(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    ApiJson(req): ApiJson<EmailChange>,
) -> Result<StatusCode, AppError> {
    throttle(&state.db, Throttled::MailSending, &me.user_id.to_string()).await?;
    // Guessing the current password is throttled like signing in.
    password_check_allowed(&state.db, me.user_id, &client.0).await?;
    profile::request_email_change(
        &state.db,
        &state.passwords,
        &CatalogLetters::for_site(&state).await,
        &state.config.public_url,
        &me,
        profile::EmailChange {
            new_email: &req.email,
            current_password: &req.current_password,
        },
        Some(&client.0),
    )
    .await?;
    Ok(StatusCode::ACCEPTED)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    /// The `token` of the emailed link.
    #[serde(default)]
    #[schema(required = true)]
    pub token: String,
}

/// Confirm a new email address.
///
/// With the token of the link sent to it.
#[utoipa::path(post, path = "/api/v1/me/email/confirm", operation_id = "confirm_email", tag = "me", request_body = TokenRequest,
    security(("session" = [], "csrf" = [])),
    responses(
        (status = 204, description = "The account now uses the new address"),
        (status = 400, description = "The token is unknown, used or expired (`invalid_token`)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`X-CSRF-Token` missing or wrong", body = Problem, content_type = "application/problem+json")))]
pub async fn confirm_email(
    State(state): State<SharedState>,
    Acting(_me): Acting,
    client: ClientKey,
    ApiJson(req): ApiJson<TokenRequest>,
) -> Result<StatusCode, AppError> {
    let origin = Origin {
        actor: None,
        client: Some(&client.0),
    };
    profile::confirm_email_change(
        &state.db,
        &CatalogLetters::for_site(&state).await,
        &state.config.public_url,
        &req.token,
        origin,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct SessionView {
    /// Absent for sessions begun before sessions had ids (they can only
    /// be ended by signing out everywhere).
    pub id: Option<Uuid>,
    /// Whether this is the session making the request.
    pub current: bool,
    #[schema(format = DateTime)]
    pub started_at: String,
    #[schema(format = DateTime)]
    pub last_seen_at: String,
    pub user_agent: Option<String>,
}

/// The person's sessions.
///
/// Live sessions only, most recently used first.
#[utoipa::path(get, path = "/api/v1/me/sessions", operation_id = "list_sessions", tag = "me", security(("session" = [])),
    responses(
        (status = 200, description = "Live sessions", body = Vec<SessionView>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json")))]
pub async fn sessions(
    State(state): State<SharedState>,
    Me(me): Me,
) -> Result<Json<Vec<SessionView>>, AppError> {
    let list = profile::sessions(&state.db, &me).await?;
    Ok(Json(
        list.into_iter()
            .map(|s| SessionView {
                current: s.id.is_some() && s.id == me.session_id,
                id: s.id,
                started_at: s.created_at.to_rfc3339(),
                last_seen_at: s.last_seen_at.to_rfc3339(),
                user_agent: s.user_agent,
            })
            .collect(),
    ))
}

/// End one session.
///
/// Any of the person's sessions, this one included.
#[utoipa::path(delete, path = "/api/v1/me/sessions/{id}", operation_id = "end_session", tag = "me",
    params(("id" = Uuid, Path, description = "A session id from GET /api/v1/me/sessions")),
    security(("session" = [], "csrf" = [])),
    responses(
        (status = 204, description = "Ended"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`X-CSRF-Token` missing or wrong", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such session of this person (`not_found`)", body = Problem, content_type = "application/problem+json")))]
pub async fn end_session(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
) -> Result<Response, AppError> {
    profile::end_session(&state.db, &me, id, Some(&client.0)).await?;
    let mut res = StatusCode::NO_CONTENT.into_response();
    if me.session_id == Some(id) {
        clear_session_cookie(res.headers_mut(), state.config.tls);
    }
    Ok(res)
}

/// Sign out everywhere.
///
/// Ends every session of the person, this one included.
#[utoipa::path(post, path = "/api/v1/me/sign-out-everywhere", operation_id = "sign_out_everywhere", tag = "me",
    security(("session" = [], "csrf" = [])),
    responses(
        (status = 204, description = "Every session ended; the cookie is removed"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`X-CSRF-Token` missing or wrong", body = Problem, content_type = "application/problem+json")))]
pub async fn sign_out_everywhere(
    State(state): State<SharedState>,
    Acting(me): Acting,
) -> Result<Response, AppError> {
    accounts::sign_out_everywhere(&state.db, me.user_id).await?;
    let mut res = StatusCode::NO_CONTENT.into_response();
    clear_session_cookie(res.headers_mut(), state.config.tls);
    Ok(res)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeleteAccount {
    /// The account's password, entered again.
    #[serde(default)]
    #[schema(required = true, format = Password)]
    pub password: String,
    /// What happens to what the person wrote: `keep` (attributed to
    /// "Anonymous – account deleted") or `remove`.
    #[serde(default)]
    #[schema(required = true, example = "keep")]
    pub contributions: String,
}

/// Delete the account.
///
/// At once: personal data, sessions and memberships go; the audit log
/// keeps its entries (ids, not names).
#[utoipa::path(delete, path = "/api/v1/me", operation_id = "delete_me", tag = "me", request_body = DeleteAccount,
    security(("session" = [], "csrf" = [])),
    responses(
        (status = 204, description = "Deleted; the cookie is removed"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`X-CSRF-Token` missing or wrong", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The password is not right (`invalid_credentials`) or `contributions` is neither keep nor remove (`invalid_choice`); nothing deleted", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many attempts from this client", body = Problem, content_type = "application/problem+json")))]
pub async fn delete_account(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    ApiJson(req): ApiJson<DeleteAccount>,
) -> Result<Response, AppError> {
    // Guessing the password is throttled like signing in.
    password_check_allowed(&state.db, me.user_id, &client.0).await?;
    let contributions = Contributions::parse(&req.contributions)?;
    your_data::delete_account(
        &state.db,
        &state.passwords,
        &me,
        &req.password,
        contributions,
        Some(&client.0),
    )
    .await?;
    let mut res = StatusCode::NO_CONTENT.into_response();
    clear_session_cookie(res.headers_mut(), state.config.tls);
    Ok(res)
}

// Read with `ApiJson`: checked against their schemas first.
crate::kit::api::api_bodies!(
    UpdateMe,
    PasswordChange,
    EmailChange,
    TokenRequest,
    DeleteAccount
);
