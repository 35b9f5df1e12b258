//! What the JSON API under /api/v1 shares: the OpenAPI 3.1 document made
//! from every feature's part, the problem schema every error follows,
//! the security schemes, and the extractors every feature's API uses
//! (a JSON body, a signed-in person acting, an id in the path).
//!
//! Every call that changes something for a signed-in person must send
//! the session's token in `X-CSRF-Token` ([`Acting`]). The calls made
//! before sign-in rely on the cross-site checks of `security.rs` and on
//! their JSON content type, which another site's page cannot send
//! without a CORS preflight that this site never grants.

use std::collections::HashMap;

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, FromRequestParts, Path, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cohesion_domain::ErrorCode;
use cohesion_services::accounts::SignedIn;
use serde::de::DeserializeOwned;
use serde::Serialize;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};
use uuid::Uuid;

use super::error::AppError;
use super::guards::Me;
use super::ops;
use super::page::path_id;
use super::session::{check_csrf_header, SESSION_COOKIE};
use super::state::SharedState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Cohesion API",
        description = "Public API of a Cohesion site. Errors are application/problem+json with a stable snake_case `code`."
    ),
    paths(ops::healthz),
    components(schemas(Problem, FieldProblem, ops::Health)),
    modifiers(&SecuritySchemes)
)]
struct KitApi;

/// The OpenAPI document, rendered once at start-up: the kit's own part,
/// then each feature's.
pub fn openapi_json() -> String {
    crate::FEATURES
        .iter()
        .fold(KitApi::openapi(), |doc, f| doc.merge_from((f.openapi)()))
        .to_pretty_json()
        .expect("the OpenAPI document serialises")
}

pub async fn openapi(State(state): State<SharedState>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        state.openapi_json.clone(),
    )
        .into_response()
}

/// An error, as RFC 9457 problem details.
#[derive(Serialize, ToSchema)]
pub struct Problem {
    #[schema(example = "about:blank")]
    pub r#type: String,
    pub title: String,
    pub status: u16,
    /// Stable, machine-readable error code.
    #[schema(example = "unknown_page")]
    pub code: String,
    /// A sentence for people, in the negotiated language.
    pub detail: String,
    /// The input field at fault, when there is one.
    pub field: Option<String>,
    /// Every input field at fault, with its code, when the input broke
    /// rules (422); `code` and `field` repeat the first.
    pub errors: Option<Vec<FieldProblem>>,
    pub request_id: Option<String>,
}

/// One input field's problem.
#[derive(Serialize, ToSchema)]
pub struct FieldProblem {
    #[schema(example = "display_name")]
    pub field: String,
    #[schema(example = "display_name_reserved")]
    pub code: String,
}

/// The session cookie, and the header that must echo its token on calls
/// that change something.
struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                SESSION_COOKIE,
                "Set by POST /api/v1/session (HttpOnly, SameSite=Lax).",
            ))),
        );
        components.add_security_scheme(
            "csrf",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                "X-CSRF-Token",
                "The session's csrf_token, from POST /api/v1/session or GET /api/v1/me; \
                 required on every call that changes something.",
            ))),
        );
    }
}

/// A JSON body. Not JSON: 415 `unsupported_media_type`; malformed: 400;
/// a string holding U+0000: 400 `nul_character`; the wrong shape: 422;
/// too large: 413, as problem+json like every error.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        let (parts, body) = req.into_parts();
        let bytes = Bytes::from_request(Request::from_parts(parts.clone(), body), state)
            .await
            .map_err(|r| {
                if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    AppError::status(StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::PayloadTooLarge)
                } else {
                    AppError::bad_request(ErrorCode::BadRequest)
                }
            })?;
        if holds_nul_escape(&bytes) {
            return Err(AppError::bad_request(ErrorCode::NulCharacter));
        }
        let req = Request::from_parts(parts, Body::from(bytes));
        let Json(body) = Json::<T>::from_request(req, state).await?;
        Ok(ApiJson(body))
    }
}

/// Whether JSON text holds U+0000: in valid JSON it can only be written
/// `\u0000` in a string (a raw NUL byte is refused by the parser). A
/// backslash always starts a two-character escape, so `\\u0000` (an
/// escaped backslash, then text) is not one.
fn holds_nul_escape(json: &[u8]) -> bool {
    let mut i = 0;
    while i < json.len() {
        if json[i] == b'\\' {
            if json[i + 1..].starts_with(b"u0000") {
                return true;
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    false
}

/// The signed-in person, for a call that changes something: the
/// `X-CSRF-Token` header must carry the session's token. Not signed in:
/// 401 `sign_in_required`; no or wrong token: 403 `csrf_token_invalid`.
pub struct Acting(pub SignedIn);

impl FromRequestParts<SharedState> for Acting {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &SharedState) -> Result<Self, Response> {
        let Me(me) = Me::from_request_parts(parts, state).await?;
        check_csrf_header(&parts.headers, &me).map_err(IntoResponse::into_response)?;
        Ok(Acting(me))
    }
}

/// The value of `{name}` in the request's path, if it decodes.
pub async fn path_param(parts: &mut Parts, name: &str) -> Option<String> {
    let Path(mut params) = Path::<HashMap<String, String>>::from_request_parts(parts, &())
        .await
        .ok()?;
    params.remove(name)
}

/// The `{id}` in the path. Anything that is not an id (not a UUID, not
/// even UTF-8) names nothing: 404 `not_found`.
pub struct PathId(pub Uuid);

impl<S: Send + Sync> FromRequestParts<S> for PathId {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        let raw = path_param(parts, "id").await.unwrap_or_default();
        path_id(&raw).map(PathId)
    }
}

#[cfg(test)]
mod tests {
    use super::holds_nul_escape;

    #[test]
    fn finds_nul_escapes_in_strings_only() {
        assert!(holds_nul_escape(br#"{"q":"a\u0000b"}"#));
        assert!(holds_nul_escape(br#"{"q\u0000":1}"#));
        assert!(!holds_nul_escape(br#"{"q":"a\\u0000b"}"#));
        assert!(holds_nul_escape(br#"{"q":"\u00001"}"#));
        assert!(!holds_nul_escape(br#"{"q":"\u0041 \n"}"#));
        assert!(!holds_nul_escape(b"\\"));
    }
}
