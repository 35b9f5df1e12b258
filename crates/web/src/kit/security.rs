//! Protections applied to every request and response.

use axum::extract::Request;
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use cohesion_domain::ErrorCode;

use super::error::AppError;
use super::form::check_encoded;

/// No inline script or style anywhere: the policy every page is built for.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
    font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
    form-action 'self'; frame-ancestors 'none'";

/// Adds the security headers every response carries (called by
/// `context::presentation` last, so error pages it renders carry them
/// too).
pub fn add_headers(h: &mut axum::http::HeaderMap, tls: bool) {
    // Room for them all at once, rather than growing the map as they come.
    h.reserve(8);
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // A page may ask for stricter (a page whose address holds a token).
    h.entry(header::REFERRER_POLICY)
        .or_insert(HeaderValue::from_static("same-origin"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    h.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    if tls {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
}

/// The most characters a query-string value may have. Searches become
/// SQL patterns: SQLite refuses a LIKE pattern of 50,000 bytes with an
/// error, so a bound stops long ones here, with a 422, before any query
/// runs; search fields carry it as `maxlength`, so a browser never sends
/// more.
pub use cohesion_domain::text::MAX_QUERY_VALUE_CHARS;

/// Refuses requests that cannot be trusted before any handler sees them:
/// query strings that are not UTF-8, hold U+0000 or a value longer than
/// [`MAX_QUERY_VALUE_CHARS`] (so every route's searches and filters are
/// covered, present and future), and state-changing requests sent by
/// another site (judged by Sec-Fetch-Site, else by Origin against Host).
pub fn check(req: &Request) -> Result<(), AppError> {
    if let Some(q) = req.uri().query() {
        check_query(q)?;
    }
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe && is_cross_site(req) {
        return Err(AppError::status(
            StatusCode::FORBIDDEN,
            ErrorCode::CrossSiteRequest,
        ));
    }
    Ok(())
}

fn check_query(q: &str) -> Result<(), AppError> {
    check_encoded(q.as_bytes())?;
    let too_long = form_urlencoded::parse(q.as_bytes())
        .any(|(k, v)| k.chars().count().max(v.chars().count()) > MAX_QUERY_VALUE_CHARS);
    if too_long {
        return Err(AppError::status(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::QueryTooLong,
        ));
    }
    Ok(())
}

fn is_cross_site(req: &Request) -> bool {
    let h = req.headers();
    if let Some(site) = h.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return !matches!(site, "same-origin" | "none");
    }
    match h.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        // No Origin at all: not a browser form post (curl, scripts); the
        // session-bound token guards signed-in actions.
        None => false,
        Some(origin) => {
            let host = h
                .get(header::HOST)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            let origin_host = origin.split_once("://").map(|(_, rest)| rest).unwrap_or("");
            origin == "null" || !origin_host.eq_ignore_ascii_case(host)
        }
    }
}

/// Keeps a client's (or proxy's) X-Request-Id only when it looks like an
/// id: up to 64 letters, digits, `-`, `_` or `.`. Anything else is removed
/// (and replaced by a fresh id), so it cannot forge fields in text logs.
pub async fn drop_odd_request_id(mut req: Request) -> Request {
    let odd = req.headers().get("x-request-id").is_some_and(|v| {
        let b = v.as_bytes();
        b.is_empty()
            || b.len() > 64
            || !b
                .iter()
                .all(|c| c.is_ascii_alphanumeric() || b"-_.".contains(c))
    });
    if odd {
        req.headers_mut().remove("x-request-id");
    }
    req
}
