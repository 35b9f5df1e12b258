//! The JSON API for accounts, the signed-in person's own account,
//! administration and organisations: thin handlers over the services the
//! HTML pages use (`services::accounts`, `services::organisations`), so
//! the two can never disagree.
//!
//! Signing in (`POST /session`) sets the same session cookie as the
//! sign-in page. Every call that changes something for a signed-in person
//! must send the session's token (from `POST /session` or `GET /me`) in
//! `X-CSRF-Token` (see `kit/api.rs`).

mod admin;
mod auth;
mod me;
mod organisations;
mod your_data;

use axum::http::{header, HeaderMap, HeaderValue};
use axum::middleware;
use axum::response::Response;
use axum::routing::{delete, get, post, put};
use axum::Router;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_i18n::Catalog;
use utoipa::OpenApi;
use uuid::Uuid;

use crate::kit::{set_cookie, AppError, SharedState, SESSION_COOKIE};

/// Every route of this part of the API. Personal data is never cached.
pub(super) fn routes() -> Router<SharedState> {
    Router::new()
        .route("/api/v1/accounts", post(auth::sign_up))
        .route(
            "/api/v1/session",
            post(auth::sign_in).delete(auth::sign_out),
        )
        .route("/api/v1/password-reset", post(auth::reset_request))
        .route(
            "/api/v1/password-reset/complete",
            post(auth::reset_complete),
        )
        .route(
            "/api/v1/me",
            get(me::show).patch(me::update).delete(me::delete_account),
        )
        .route("/api/v1/me/password", post(me::change_password))
        .route("/api/v1/me/email", post(me::change_email))
        .route("/api/v1/me/email/confirm", post(me::confirm_email))
        .route("/api/v1/me/sessions", get(me::sessions))
        .route("/api/v1/me/sessions/{id}", delete(me::end_session))
        .route(
            "/api/v1/me/sign-out-everywhere",
            post(me::sign_out_everywhere),
        )
        .route("/api/v1/me/data", get(your_data::data))
        .route("/api/v1/people", get(admin::people))
        .route("/api/v1/people/{id}", get(admin::person))
        .route(
            "/api/v1/people/{id}/roles/{role}",
            put(admin::grant_role).delete(admin::revoke_role),
        )
        .route("/api/v1/people/{id}/suspension", post(admin::suspension))
        .route("/api/v1/audit", get(admin::audit))
        .route(
            "/api/v1/organisations",
            get(organisations::mine).post(organisations::register),
        )
        .route("/api/v1/organisations/join", post(organisations::join))
        .route("/api/v1/organisations/{id}", get(organisations::show))
        .route(
            "/api/v1/organisations/{id}/invitations",
            post(organisations::invite),
        )
        .layer(middleware::map_response(no_store))
}

async fn no_store(mut res: Response) -> Response {
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

#[derive(OpenApi)]
#[openapi(
    paths(
        auth::sign_up,
        auth::sign_in,
        auth::sign_out,
        auth::reset_request,
        auth::reset_complete,
        me::show,
        me::update,
        me::change_password,
        me::change_email,
        me::confirm_email,
        me::sessions,
        me::end_session,
        me::sign_out_everywhere,
        your_data::data,
        me::delete_account,
        admin::people,
        admin::person,
        admin::grant_role,
        admin::revoke_role,
        admin::suspension,
        admin::audit,
        organisations::mine,
        organisations::register,
        organisations::show,
        organisations::invite,
        organisations::join,
    ),
    tags(
        (name = "accounts", description = "Signing up, in and out, and resetting a password."),
        (name = "me", description = "The signed-in person's own account, sessions and data."),
        (name = "people", description = "Administrators' work on accounts, and the audit log."),
        (name = "organisations", description = "Community organisations, their members and invitations."),
    )
)]
pub(super) struct AccountsApi;

/// An id from the query string: absent, or a UUID (else 422 on `field`).
fn query_id(raw: Option<&str>, field: &'static str) -> Result<Option<Uuid>, AppError> {
    match raw.map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => Uuid::parse_str(s)
            .map(Some)
            .map_err(|_| ValidationError::new(field, ErrorCode::BadRequest).into()),
    }
}

/// The tag of a language the site has, or a problem on `locale`.
fn known_locale<'c>(catalog: &'c Catalog, tag: &str) -> Result<&'c str, ValidationError> {
    catalog
        .get(tag)
        .map(|l| l.tag())
        .ok_or(ValidationError::new("locale", ErrorCode::UnknownLocale))
}

/// Appends a `Set-Cookie` that removes the session cookie.
fn clear_session_cookie(headers: &mut HeaderMap, tls: bool) {
    headers.append(
        header::SET_COOKIE,
        set_cookie(SESSION_COOKIE, "", 0, "Lax", tls),
    );
}
