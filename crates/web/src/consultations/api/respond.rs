//! Answering the survey in one call, and reading one's own response.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cohesion_domain::survey::answers::RawAnswers;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::accounts::tokens::new_token;
use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::responding::Respondent;
use cohesion_services::consultations::responding::{self, writes};
use cohesion_services::ServiceError;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::kit::session::check_csrf_header;
use crate::kit::{ApiJson, AppError, ClientKey, CurrentUser, PathId, Problem, SharedState};

/// A whole response: the same fields the survey pages send, each with
/// one value or several (checkboxes).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResponseRequest {
    /// Field name to value(s): a question's id (`q1`), or `q5-0` for row
    /// or option 0 of a matrix or a ranking. Options are numbered from 0;
    /// a ranking's values are ranks from 1, a date `YYYY-MM-DD`.
    #[schema(example = json!({"q1": "0", "q3": ["1", "2"], "q7": "More youth work"}))]
    pub answers: std::collections::BTreeMap<String, OneOrMany>,
}

#[derive(Deserialize, Serialize, ToSchema)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

#[derive(Serialize, ToSchema)]
pub struct Submitted {
    /// Quote it to the council.
    #[schema(example = "K7PX-3MWA")]
    pub reference: String,
    /// Anonymous responses only, the first time: the secret that makes
    /// this response yours. Send it as `X-Respondent-Token` to change the
    /// response or read it back; it is shown once and cannot be recovered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub respondent_token: Option<String>,
}

/// The header that carries an anonymous respondent's token.
pub const RESPONDENT_HEADER: &str = "x-respondent-token";

/// Who is answering through the API: the signed-in person (whose calls
/// must carry `X-CSRF-Token`), or the holder of an anonymous respondent
/// token (`None` for someone who has none yet).
enum ApiRespondent<'a> {
    Account(&'a SignedIn),
    Anonymous(Option<&'a str>),
}

fn api_respondent<'a>(
    user: &'a CurrentUser,
    headers: &'a HeaderMap,
    changing: bool,
) -> Result<ApiRespondent<'a>, AppError> {
    if let Some(me) = &user.0 {
        if changing {
            check_csrf_header(headers, me)?;
        }
        return Ok(ApiRespondent::Account(me));
    }
    let token = headers
        .get(RESPONDENT_HEADER)
        .map(|v| v.to_str().map_err(|_| invalid_token()))
        .transpose()?;
    match token {
        Some(t) if t.is_empty() || t.len() > 128 => Err(invalid_token()),
        token => Ok(ApiRespondent::Anonymous(token)),
    }
}

fn invalid_token() -> AppError {
    token_is_a_header(ValidationError::new("respondent_token", ErrorCode::InvalidToken).into())
}

/// The respondent token is sent as `X-Respondent-Token`, not in the
/// body: a problem with it has no pointer.
fn token_is_a_header(mut e: AppError) -> AppError {
    for p in &mut e.info.problems {
        if p.field == "respondent_token" {
            p.parameter = true;
        }
    }
    e
}

/// A refusal because the consultation takes responses from accounts
/// only: as for any call that needs one, 401 `sign_in_required`.
fn unauthorised_when_sign_in_needed(e: ServiceError) -> AppError {
    match e {
        ServiceError::Invalid(v) if v.code == ErrorCode::SignInRequired => {
            AppError::status(StatusCode::UNAUTHORIZED, ErrorCode::SignInRequired)
        }
        other => other.into(),
    }
}

/// Answer the survey.
///
/// Signed in, with `X-CSRF-Token`; or, where the consultation takes
/// anonymous responses, without an account: the first response is given
/// a `respondent_token` (in the answer), which later calls send as
/// `X-Respondent-Token` to change it or read it back. A token the site
/// did not issue for this consultation is refused (`invalid_token`).
/// Anonymous responses started from one client address are throttled as
/// on the pages. Every answer is checked as on the pages, against the
/// routing too; sending it again replaces the earlier response until
/// closing.
#[utoipa::path(post, path = "/api/v1/consultations/{id}/response", operation_id = "submit_response", tag = "consultations",
    params(("id" = Uuid, Path), ("X-Respondent-Token" = Option<String>, Header, description = "An anonymous respondent's token, from an earlier answer")),
    request_body = ResponseRequest, security((), ("session" = [], "csrf" = [])),
    responses((status = 201, body = Submitted),
        (status = 401, description = "The consultation takes responses from accounts only (`sign_in_required`)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The consultation is not open (`consultation_not_open`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Answers that break the survey's rules, each in `errors` with its question id as `field` and \
            `/answers/<id>` as `pointer` (`field_required`, `invalid_choice`, `too_many_choices`, `out_of_range`, `hidden_question`, \
            `unknown_question`, `invalid_ranking`, …); a body not of the schema's shape (`bad_request`); or an unknown respondent \
            token (`invalid_token`, on `X-Respondent-Token`, with no pointer)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many anonymous responses from this client (`rate_limited`)", body = Problem, content_type = "application/problem+json")))]
pub async fn respond(
    State(state): State<SharedState>,
    user: CurrentUser,
    headers: HeaderMap,
    client: ClientKey,
    PathId(id): PathId,
    ApiJson(request): ApiJson<ResponseRequest>,
) -> Result<Response, AppError> {
    let mut raw = RawAnswers::new();
    for (k, v) in request.answers {
        let values = match v {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(list) => list,
        };
        raw.insert(k, values);
    }
    let (reference, issued) = match api_respondent(&user, &headers, true)? {
        ApiRespondent::Account(me) => {
            let who = Respondent::Account(me);
            let r = writes::respond_all_from(&state.db, who, id, &raw, &client.0, false).await?;
            (r, None)
        }
        ApiRespondent::Anonymous(given) => {
            let token = match given {
                Some(t) => t.to_owned(),
                None => new_token()?,
            };
            let who = Respondent::Anonymous(&token);
            let known_only = given.is_some();
            let r = writes::respond_all_from(&state.db, who, id, &raw, &client.0, known_only)
                .await
                .map_err(unauthorised_when_sign_in_needed)
                .map_err(token_is_a_header)?;
            (r, (!known_only).then_some(token))
        }
    };
    let body = Submitted {
        reference,
        respondent_token: issued,
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

#[derive(Serialize, ToSchema)]
pub struct MyResponse {
    pub reference: String,
    /// RFC 3339, absent until submitted.
    pub submitted_at: Option<String>,
    /// Field name to values, as they were sent.
    #[schema(value_type = std::collections::BTreeMap<String, Vec<String>>)]
    pub answers: RawAnswers,
}

/// Your response.
///
/// Signed in, or with the `X-Respondent-Token` an anonymous answer gave.
#[utoipa::path(get, path = "/api/v1/consultations/{id}/response", operation_id = "get_my_response", tag = "consultations",
    params(("id" = Uuid, Path), ("X-Respondent-Token" = Option<String>, Header, description = "An anonymous respondent's token")),
    security(("session" = []), ()),
    responses((status = 200, body = MyResponse),
        (status = 401, description = "Neither signed in nor a respondent token (`sign_in_required`)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No response yet", body = Problem, content_type = "application/problem+json")))]
pub async fn my_response(
    State(state): State<SharedState>,
    user: CurrentUser,
    headers: HeaderMap,
    PathId(id): PathId,
) -> Result<Json<MyResponse>, AppError> {
    let who = match api_respondent(&user, &headers, false)? {
        ApiRespondent::Account(me) => Respondent::Account(me),
        ApiRespondent::Anonymous(Some(token)) => Respondent::Anonymous(token),
        ApiRespondent::Anonymous(None) => {
            return Err(AppError::status(
                StatusCode::UNAUTHORIZED,
                ErrorCode::SignInRequired,
            ))
        }
    };
    let p = responding::progress(&state.db, who, id).await?;
    let r = p.response.as_ref().ok_or(ServiceError::NotFound)?;
    Ok(Json(MyResponse {
        reference: r.reference.clone(),
        submitted_at: r.submitted_at.map(|t| t.to_rfc3339()),
        answers: p.draft.clone(),
    }))
}

// Read with `ApiJson`: checked against their schemas first.
crate::kit::api::api_bodies!(ResponseRequest);
