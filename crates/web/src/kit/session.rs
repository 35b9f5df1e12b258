//! Who is asking: the session cookie, read once per request, the CSRF
//! tokens that forms carry, and the client address that rate limits
//! count by.
//!
//! Signed-in forms carry the session's own token. Forms shown before
//! sign-in (sign-in, sign-up) carry a random token that must match the
//! `cohesion_csrf` cookie set with the form; together with the Origin and
//! Sec-Fetch-Site checks in `security.rs`, that stops cross-site posts,
//! including "log in as the attacker" tricks. The anonymous "Is this page
//! useful?" form relies on those header checks alone, so information
//! pages stay the same for every visitor and can be cached.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use cohesion_domain::ErrorCode;
use cohesion_services::accounts::{self, SignedIn};

use super::addresses::client_ip;
use super::error::AppError;
use super::state::{AppState, SharedState};

pub const SESSION_COOKIE: &str = "cohesion_session";
pub const CSRF_COOKIE: &str = "cohesion_csrf";

/// The signed-in person, if any. Looked up when a handler first asks, and
/// only when a session cookie came with the request, so the anonymous
/// majority of requests never touch the database for it.
#[derive(Clone, Default)]
pub struct CurrentUser(pub Option<SignedIn>);

impl FromRequestParts<SharedState> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &SharedState) -> Result<Self, AppError> {
        if let Some(known) = parts.extensions.get::<CurrentUser>() {
            return Ok(known.clone());
        }
        let user = match cookie(&parts.headers, SESSION_COOKIE) {
            Some(token) => accounts::session(&state.db, token).await?,
            None => None,
        };
        let user = CurrentUser(user);
        parts.extensions.insert(user.clone());
        Ok(user)
    }
}

/// The value of cookie `name`, if sent.
pub fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().strip_prefix(name)?.strip_prefix('='))
        .find(|v| !v.is_empty())
}

/// A `Set-Cookie` value: HttpOnly always, Secure under TLS.
pub fn set_cookie(
    name: &str,
    value: &str,
    max_age_secs: i64,
    same_site: &str,
    tls: bool,
) -> HeaderValue {
    let secure = if tls { "; Secure" } else { "" };
    let v = format!(
        "{name}={value}; Path=/; Max-Age={max_age_secs}; SameSite={same_site}; HttpOnly{secure}"
    );
    HeaderValue::from_str(&v).expect("cookie names and hex tokens are valid header text")
}

/// The `Set-Cookie` for a session cookie (as sign-in sets it).
pub fn session_cookie(value: &str, tls: bool) -> HeaderValue {
    let max_age = accounts::ABSOLUTE_TIMEOUT.whole_seconds();
    set_cookie(SESSION_COOKIE, value, max_age, "Lax", tls)
}

/// Checks a form's CSRF token against the session's, or before sign-in
/// against the token derived from the anonymous cookie, which must be one
/// this site issued and signed (a cookie the client chose is worth
/// nothing). Constant-time comparison.
pub async fn check_csrf(
    state: &AppState,
    headers: &HeaderMap,
    user: &CurrentUser,
    submitted: &str,
) -> Result<(), AppError> {
    let expected = match &user.0 {
        Some(s) => Some(s.csrf.clone()),
        None => {
            let key = state.form_key().await?;
            cookie(headers, CSRF_COOKIE)
                .filter(|c| key.issued(c, unix_now()))
                .map(|c| key.form_token(c))
        }
    };
    matches(expected.as_deref(), submitted)
}

/// Seconds since the epoch, as form cookies record their issue.
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Checks a signed-in form's or API call's token against the session's.
pub fn check_session_csrf(me: &SignedIn, submitted: &str) -> Result<(), AppError> {
    matches(Some(&me.csrf), submitted)
}

fn matches(expected: Option<&str>, submitted: &str) -> Result<(), AppError> {
    match expected {
        Some(e)
            if !submitted.is_empty()
                && accounts::tokens::constant_time_eq(e.as_bytes(), submitted.as_bytes()) =>
        {
            Ok(())
        }
        _ => Err(AppError::status(
            StatusCode::FORBIDDEN,
            ErrorCode::CsrfTokenInvalid,
        )),
    }
}

/// The header that carries the session's CSRF token on API calls.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// Checks the `X-CSRF-Token` header of an API call that changes something
/// against the session's token. Constant-time comparison.
pub fn check_csrf_header(headers: &HeaderMap, me: &SignedIn) -> Result<(), AppError> {
    let submitted = headers
        .get(CSRF_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    check_session_csrf(me, submitted)
}

/// `next` if it is a path on this site to return to after signing in, and
/// never a way off it ("//elsewhere", "/\\elsewhere", schemes, control
/// characters).
pub fn safe_next(next: &str) -> Option<&str> {
    let ok = cohesion_domain::text::is_local_path(next)
        && next.len() <= 1024
        && !next.starts_with("/sign-in");
    ok.then_some(next)
}

/// Who is asking, for rate limits: the peer address, or the last
/// X-Forwarded-For hop when the operator says a proxy sets it.
pub struct ClientKey(pub String);

impl FromRequestParts<SharedState> for ClientKey {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &SharedState) -> Result<Self, AppError> {
        let ip = client_ip(parts, &state.config);
        Ok(ClientKey(
            ip.map_or_else(|| "unknown".to_owned(), |ip| ip.to_string()),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_found_among_others() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; cohesion_session=abc; cohesion_sessionx=no"),
        );
        assert_eq!(cookie(&h, SESSION_COOKIE), Some("abc"));
        assert_eq!(cookie(&h, CSRF_COOKIE), None);
    }

    #[test]
    fn api_calls_carry_the_session_token_in_a_header() {
        let me = SignedIn {
            user_id: uuid::Uuid::nil(),
            session_id: None,
            session_hash: String::new(),
            email: String::new(),
            locale: None,
            display_name: String::new(),
            roles: Default::default(),
            csrf: "s3ss10n".to_owned(),
            email_verified: true,
        };
        let mut h = HeaderMap::new();
        assert!(check_csrf_header(&h, &me).is_err(), "no header");
        h.insert(CSRF_HEADER, HeaderValue::from_static("other"));
        assert!(check_csrf_header(&h, &me).is_err(), "a wrong token");
        h.insert(CSRF_HEADER, HeaderValue::from_static("s3ss10n"));
        assert!(check_csrf_header(&h, &me).is_ok());
    }

    #[test]
    fn only_local_paths_are_returned_to() {
        assert_eq!(
            safe_next("/organisations/join?token=ab"),
            Some("/organisations/join?token=ab")
        );
        for bad in [
            "//evil.example",
            "/\\evil.example",
            "/\\/evil.example",
            "/\t/evil.example",
            "https://evil.example",
            "",
            "/a\nb",
            "/sign-in",
        ] {
            assert_eq!(safe_next(bad), None, "{bad:?}");
        }
    }
}
