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
use std::sync::OnceLock;

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Path, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use cohesion_domain::survey::pointers::pointer_token;
use cohesion_domain::ErrorCode;
use cohesion_services::accounts::SignedIn;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::openapi::{Content, Ref, RefOr, ResponseBuilder};
use utoipa::{Modify, OpenApi, ToSchema};
use uuid::Uuid;

use super::error::{AppError, InputProblem};
use super::guards::Me;
use super::ops;
use super::page::path_id;
use super::problem::is_json;
use super::schema::{self, Required};
use super::session::{check_csrf_header, SESSION_COOKIE};
use super::state::SharedState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Cohesion API",
        description = "Public API of a Cohesion site.\n\n\
            Errors are `application/problem+json` (RFC 9457) with a stable snake_case `code` and a `detail` sentence. \
            When input is refused (422; 400 for malformed JSON), `errors` lists every problem found, each with \
            `pointer` (a JSON Pointer into the request body), `field`, `code` and `detail`. Request bodies are \
            checked against the schemas below first: a member of the wrong type is `invalid_type`, a member the schema \
            does not name is `unknown_field` (unknown members are refused, never ignored), all listed at once with code \
            `bad_request`; a body that is not JSON is 400 `bad_request`, and one sent without a JSON content type is 415 \
            `unsupported_media_type`. The rules checked after that (a closing date after the opening one, a survey \
            whose routing leads somewhere) are listed together in the same way, the first problem's code as `code`.\n\n\
            Sentences (`detail`) are written for API users and are in English unless the request asks for another \
            language the site has: `?lang=ar`, the `cohesion_lang` cookie, or `Accept-Language`, as for pages. Codes and \
            pointers never change with the language."
    ),
    paths(ops::healthz, openapi),
    components(schemas(Problem, FieldProblem, ops::Health)),
    modifiers(&SecuritySchemes)
)]
struct KitApi;

/// The OpenAPI document, rendered once at start-up: the kit's own part,
/// then each feature's.
pub fn openapi_json() -> String {
    let mut doc = crate::FEATURES
        .iter()
        .fold(KitApi::openapi(), |doc, f| doc.merge_from((f.openapi)()));
    document_body_problems(&mut doc);
    doc.to_pretty_json()
        .expect("the OpenAPI document serialises")
}

/// Every operation that takes a body answers its body's own problems
/// ([`ApiJson`]): says so where the operation does not already.
fn document_body_problems(doc: &mut utoipa::openapi::OpenApi) {
    let answers = [
        ("400", "Malformed JSON (`bad_request`), or U+0000 in a string (`nul_character`)"),
        ("415", "The body is not sent as JSON (`unsupported_media_type`)"),
        (
            "422",
            "Refused input: every problem in `errors`, each with its `pointer`; `bad_request` for a body \
             not of its schema's shape (`unknown_field`, `invalid_type`, …)",
        ),
    ];
    for item in doc.paths.paths.values_mut() {
        let operations = [
            &mut item.post,
            &mut item.put,
            &mut item.patch,
            &mut item.delete,
        ];
        for op in operations.into_iter().flatten() {
            if op.request_body.is_none() {
                continue;
            }
            for (status, words) in answers {
                op.responses
                    .responses
                    .entry(status.to_owned())
                    .or_insert_with(|| problem_response(words));
            }
        }
    }
}

fn problem_response(description: &str) -> RefOr<utoipa::openapi::Response> {
    let content = Content::new(Some(Ref::from_schema_name("Problem")));
    RefOr::T(
        ResponseBuilder::new()
            .description(description)
            .content("application/problem+json", content)
            .build(),
    )
}

/// This document.
///
/// The OpenAPI 3.1 description of the whole API: every path, and the
/// schema of every body it takes and gives.
#[utoipa::path(get, path = "/api/v1/openapi.json", operation_id = "get_openapi", tag = "site",
    responses((status = 200, description = "The OpenAPI document", content_type = "application/json", body = Object)))]
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
    /// Every problem with the input, when it was refused as a whole
    /// (422, and 400 for malformed JSON): for a body checked member by
    /// member `code` is `bad_request`; for rules the services check it
    /// and `field` repeat the first problem's.
    pub errors: Option<Vec<FieldProblem>>,
    pub request_id: Option<String>,
}

/// One problem with the input (ADR 29).
#[derive(Serialize, ToSchema)]
pub struct FieldProblem {
    /// Where in the JSON body, as a JSON Pointer (RFC 6901): `""` for the
    /// whole body. Absent for a query, path or header parameter.
    #[schema(example = "/pages/0/questions/2/options")]
    pub pointer: Option<String>,
    /// What the pages call it: a member's name, a query parameter, or
    /// for a survey a question's id (`q3`) or a page (`page-2`).
    #[schema(example = "q3")]
    pub field: String,
    /// Stable, machine-readable: `unknown_field`, `invalid_type`,
    /// `field_required`, `invalid_choice`, `field_too_long`,
    /// `too_few_items`, `out_of_range`, or a rule's own code.
    #[schema(example = "invalid_choice")]
    pub code: String,
    /// A sentence for the API's user, in the negotiated language.
    #[schema(example = "`options` must list between 2 and 50 options, none of them blank.")]
    pub detail: String,
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

/// A request body the API reads, checked first against the schema the
/// OpenAPI document publishes for it (ADR 29).
pub trait ApiBody: DeserializeOwned {
    /// Its schema: `{"$ref": "#/components/schemas/<name>"}` for a type
    /// with its own component ([`component`]).
    fn schema() -> Value;
}

/// The schema of a type that is a component of the document.
pub fn component<T: ToSchema>() -> Value {
    json!({ "$ref": format!("#/components/schemas/{}", T::name()) })
}

/// [`ApiBody`] for request types whose schema is their component.
macro_rules! api_bodies {
    ($($t:ty),* $(,)?) => {
        $(impl $crate::kit::ApiBody for $t {
            fn schema() -> serde_json::Value {
                $crate::kit::api::component::<$t>()
            }
        })*
    };
}
pub(crate) use api_bodies;

/// The OpenAPI document as JSON, which request bodies are checked
/// against: made once, from the same parts as the one served.
pub fn document() -> &'static Value {
    static DOCUMENT: OnceLock<Value> = OnceLock::new();
    DOCUMENT.get_or_init(|| {
        serde_json::from_str(&openapi_json()).expect("the OpenAPI document is JSON")
    })
}

/// A JSON body. Too large: 413; a string holding U+0000: 400
/// `nul_character`; not JSON by its content type: 415
/// `unsupported_media_type`; malformed: 400 `bad_request`; not of its
/// schema's shape (a member of the wrong type, an unknown member): 422
/// `bad_request` with every difference in `errors` — all as
/// problem+json like every error.
pub struct ApiJson<T>(pub T);

impl<T: ApiBody, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        let json = is_json(req.headers());
        let bytes = Bytes::from_request(req, state).await.map_err(|r| {
            if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
                AppError::status(StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::PayloadTooLarge)
            } else {
                AppError::bad_request(ErrorCode::BadRequest)
            }
        })?;
        if holds_nul_escape(&bytes) {
            return Err(AppError::bad_request(ErrorCode::NulCharacter));
        }
        if !json {
            return Err(AppError::status(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ErrorCode::UnsupportedMediaType,
            ));
        }
        read_json(&bytes).map(ApiJson)
    }
}

/// A body known to be JSON by its content type, read as a `T`: checked
/// against `T`'s schema, then deserialised.
pub fn read_json<T: ApiBody>(bytes: &[u8]) -> Result<T, AppError> {
    if holds_nul_escape(bytes) {
        return Err(AppError::bad_request(ErrorCode::NulCharacter));
    }
    let value: Value = serde_json::from_slice(bytes).map_err(|e| {
        let mut err = AppError::bad_request(ErrorCode::BadRequest);
        err.info.problems = vec![InputProblem::new("", ErrorCode::BadRequest)
            .at("")
            .with("reason", e.to_string())
            .worded("api-malformed-json")];
        err
    })?;
    let schema = <T as ApiBody>::schema();
    let problems = schema::check(document(), &schema, &value, Required::Left);
    if !problems.is_empty() {
        return Err(shape_problems(problems));
    }
    // The schema took it; what serde still refuses (a rule the schema
    // does not state) is told the same way, with serde's words.
    serde_path_to_error::deserialize(value).map_err(|e| shape_problems(vec![serde_problem(&e)]))
}

/// 422 for a body of the wrong shape: `bad_request` (as before bodies
/// were checked member by member), each difference listed.
fn shape_problems(problems: Vec<InputProblem>) -> AppError {
    let mut e = AppError::problems(problems);
    e.info.code = ErrorCode::BadRequest;
    e
}

/// serde's refusal as a problem: where, and what kind, from its words
/// ("missing field `x`", "unknown field `x`, expected …", "invalid type: …").
fn serde_problem(e: &serde_path_to_error::Error<serde_json::Error>) -> InputProblem {
    use serde_path_to_error::Segment;
    let mut pointer = String::new();
    for segment in e.path().iter() {
        match segment {
            Segment::Seq { index } => pointer.push_str(&format!("/{index}")),
            Segment::Map { key } => pointer.push_str(&format!("/{}", pointer_token(key))),
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    let words = e.inner().to_string();
    let named = |prefix: &str| {
        words
            .strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
            .map(str::to_owned)
    };
    let (code, member) = if let Some(m) = named("missing field `") {
        (ErrorCode::FieldRequired, Some(m))
    } else if let Some(m) = named("unknown field `") {
        (ErrorCode::UnknownField, Some(m))
    } else if words.starts_with("unknown variant") {
        (ErrorCode::InvalidChoice, None)
    } else if words.starts_with("invalid") {
        (ErrorCode::InvalidType, None)
    } else {
        (ErrorCode::BadRequest, None)
    };
    if let Some(m) = &member {
        pointer.push_str(&format!("/{}", pointer_token(m)));
    }
    let field = member
        .or_else(|| pointer.rsplit('/').next().map(str::to_owned))
        .unwrap_or_default();
    InputProblem::new(field, code)
        .at(pointer)
        .with("reason", words)
        .worded("api-schema-serde")
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
