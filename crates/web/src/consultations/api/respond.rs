//! Answering the survey in one call, and reading one's own response.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use cohesion_domain::survey::answers::RawAnswers;
use cohesion_services::consultations::responding::Respondent;
use cohesion_services::consultations::responding::{self, writes};
use cohesion_services::ServiceError;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::kit::{Acting, ApiJson, AppError, Me, PathId, Problem, SharedState};

/// A whole response: the same fields the survey pages send, each with
/// one value or several (checkboxes).
#[derive(Deserialize, ToSchema)]
pub struct ResponseRequest {
    /// Field name to value(s): a question's id (`q1`), or `q5-0` for row
    /// or option 0 of a matrix or a ranking. Options are numbered from 0.
    #[schema(value_type = Object, example = json!({"q1": "0", "q3": ["1", "2"], "q7": "More youth work"}))]
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
}

/// Answer the survey.
///
/// Signed-in people only (anonymous responses go through the pages).
/// Every answer is checked as on the pages, against the routing too;
/// sending it again replaces the earlier response until closing.
#[utoipa::path(post, path = "/api/v1/consultations/{id}/response", operation_id = "submit_response", tag = "consultations",
    params(("id" = Uuid, Path)), request_body = ResponseRequest, security(("session" = [], "csrf" = [])),
    responses((status = 201, body = Submitted),
        (status = 409, description = "The consultation is not open (`consultation_not_open`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Answers that break the survey's rules, each in `errors` with its question id", body = Problem, content_type = "application/problem+json")))]
pub async fn respond(
    State(state): State<SharedState>,
    Acting(me): Acting,
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
    let reference = writes::respond_all(&state.db, Respondent::Account(&me), id, &raw).await?;
    Ok((StatusCode::CREATED, Json(Submitted { reference })).into_response())
}

#[derive(Serialize, ToSchema)]
pub struct MyResponse {
    pub reference: String,
    /// RFC 3339, absent until submitted.
    pub submitted_at: Option<String>,
    #[schema(value_type = Object)]
    pub answers: RawAnswers,
}

/// Your response.
#[utoipa::path(get, path = "/api/v1/consultations/{id}/response", operation_id = "get_my_response", tag = "consultations",
    params(("id" = Uuid, Path)), security(("session" = [])),
    responses((status = 200, body = MyResponse), (status = 404, description = "No response yet", body = Problem, content_type = "application/problem+json")))]
pub async fn my_response(
    State(state): State<SharedState>,
    Me(me): Me,
    PathId(id): PathId,
) -> Result<Json<MyResponse>, AppError> {
    let p = responding::progress(&state.db, Respondent::Account(&me), id).await?;
    let r = p.response.as_ref().ok_or(ServiceError::NotFound)?;
    Ok(Json(MyResponse {
        reference: r.reference.clone(),
        submitted_at: r.submitted_at.map(|t| t.to_rfc3339()),
        answers: p.draft.clone(),
    }))
}
