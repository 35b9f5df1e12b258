//! Officers writing a consultation: its details, survey and timeline,
//! and publishing it and its results.

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cohesion_domain::consultation::Publication;
use cohesion_domain::consultation::{ConsultationInput, StageInput};
use cohesion_domain::survey::model::SurveyDefinition;
use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::authoring;
use cohesion_services::consultations::results::publication;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::read::{DocumentBody, StageBody};
use crate::kit::{Acting, ApiJson, AppError, ClientKey, PathId, Problem, SharedState};

/// A consultation's details, to create or replace.
#[derive(Deserialize, ToSchema)]
pub struct ConsultationRequest {
    #[serde(default)]
    #[schema(required = true, example = "Safer streets, stronger communities")]
    pub title: String,
    #[serde(default)]
    #[schema(required = true)]
    pub summary: String,
    /// Markdown (raw HTML is shown as text).
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub area: String,
    /// When it opens: `YYYY-MM-DDTHH:MM[:SS]` followed by `Z` or an
    /// offset (`+01:00`) names an instant; without either it is
    /// wall-clock time in the site's time zone (`time_zone` in the
    /// configuration, Europe/London unless changed), and a time the clocks
    /// skip (`time_does_not_exist`) or show twice (`time_is_ambiguous`)
    /// when they change is refused with 422. Responses give instants in
    /// UTC (RFC 3339).
    #[serde(default)]
    #[schema(required = true, example = "2026-12-01T09:00Z")]
    pub opens_at: String,
    /// When it closes (responses are taken until just before), written as
    /// `opens_at` is.
    #[serde(default)]
    #[schema(required = true, example = "2027-01-31T17:00Z")]
    pub closes_at: String,
    #[serde(default)]
    pub allow_anonymous: bool,
    /// Strands of engagement, e.g. "Community-led sessions".
    #[serde(default)]
    pub strands: Vec<String>,
    /// Linked documents (https:// or a path on this site).
    #[serde(default)]
    pub documents: Vec<DocumentBody>,
}

impl From<ConsultationRequest> for ConsultationInput {
    fn from(r: ConsultationRequest) -> Self {
        ConsultationInput {
            title: r.title,
            summary: r.summary,
            body: r.body,
            topics: r.topics.join(","),
            area: r.area,
            opens_at: r.opens_at,
            closes_at: r.closes_at,
            allow_anonymous: if r.allow_anonymous { "yes" } else { "no" }.into(),
            // One per line in the form's shape; a line break inside one
            // item would split it, so those are refused by making the
            // line unreadable ("|" missing or an empty title).
            strands: r
                .strands
                .iter()
                .map(|s| s.replace(['\n', '\r'], " "))
                .collect::<Vec<_>>()
                .join("\n"),
            documents: r
                .documents
                .iter()
                .map(|d| format!("{} | {}", d.title.replace(['\n', '\r', '|'], " "), d.url))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    pub id: Uuid,
}

/// Create a consultation.
///
/// Officers only. It starts as a draft with an empty survey.
#[utoipa::path(post, path = "/api/v1/consultations", operation_id = "create_consultation", tag = "consultations",
    request_body = ConsultationRequest, security(("session" = [], "csrf" = [])),
    responses((status = 201, body = Created),
        (status = 403, description = "Not an officer, or `X-CSRF-Token` missing", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, all listed in `errors`", body = Problem, content_type = "application/problem+json")))]
pub async fn create(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    ApiJson(body): ApiJson<ConsultationRequest>,
) -> Result<Response, AppError> {
    let input = ConsultationInput::from(body);
    let zone = &state.config.time_zone;
    let id = authoring::create(&state.db, &me, &input, zone, Some(&client.0)).await?;
    let mut res = (StatusCode::CREATED, Json(Created { id })).into_response();
    if let Ok(v) = HeaderValue::from_str(&format!("/api/v1/consultations/{id}")) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    Ok(res)
}

/// Replace a consultation's details.
#[utoipa::path(put, path = "/api/v1/consultations/{id}", operation_id = "update_consultation", tag = "consultations",
    params(("id" = Uuid, Path)), request_body = ConsultationRequest, security(("session" = [], "csrf" = [])),
    responses((status = 204, description = "Saved"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn update(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
    ApiJson(body): ApiJson<ConsultationRequest>,
) -> Result<StatusCode, AppError> {
    let input = ConsultationInput::from(body);
    let zone = &state.config.time_zone;
    authoring::update(&state.db, &me, id, &input, zone, Some(&client.0)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Replace the survey.
///
/// The whole definition: pages of questions with stable ids, each with a
/// `type` (single_choice, multiple_choice, agreement, effectiveness,
/// ranking, number, date, short_text, long_text, matrix, demographic) and
/// optional `show_if` / `skip_if` rules. Every rule is checked so nobody
/// can reach a dead end; special-category questions need a `purpose`.
/// Once anyone has responded only the wording may change (question texts,
/// hints, purposes, option and row labels, page titles): such a survey is
/// kept as a typo fix, recorded in the consultation's history; any other
/// change is refused (`survey_locked`).
#[utoipa::path(put, path = "/api/v1/consultations/{id}/survey", operation_id = "set_survey", tag = "consultations",
    params(("id" = Uuid, Path)), request_body(content = Object), security(("session" = [], "csrf" = [])),
    responses((status = 204, description = "Saved"),
        (status = 422, description = "`invalid_survey` and the like, each problem in `errors` with the question id or `page-N` as `field`", body = Problem, content_type = "application/problem+json")))]
pub async fn set_survey(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
    ApiJson(survey): ApiJson<SurveyDefinition>,
) -> Result<StatusCode, AppError> {
    authoring::set_survey(&state.db, &me, id, &survey, Some(&client.0)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Replace the timeline.
#[utoipa::path(put, path = "/api/v1/consultations/{id}/stages", operation_id = "set_stages", tag = "consultations",
    params(("id" = Uuid, Path)), request_body = Vec<StageBody>, security(("session" = [], "csrf" = [])),
    responses((status = 204, description = "Saved"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn set_stages(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
    ApiJson(body): ApiJson<Vec<StageBody>>,
) -> Result<StatusCode, AppError> {
    let stages: Vec<StageInput> = body.into_iter().map(Into::into).collect();
    authoring::set_stages(&state.db, &me, id, &stages, Some(&client.0)).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn publication(
    state: &SharedState,
    me: &SignedIn,
    client: &ClientKey,
    id: Uuid,
    what: Publication,
    publish: bool,
) -> Result<StatusCode, AppError> {
    authoring::set_published(&state.db, me, id, what, publish, Some(&client.0)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Publish the consultation.
#[utoipa::path(put, path = "/api/v1/consultations/{id}/publication", operation_id = "publish_consultation", tag = "consultations",
    params(("id" = Uuid, Path)), security(("session" = [], "csrf" = [])),
    responses((status = 204, description = "Published"), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The survey has no question yet (`no_questions`)", body = Problem, content_type = "application/problem+json")))]
pub async fn publish(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
) -> Result<StatusCode, AppError> {
    publication(&state, &me, &client, id, Publication::Consultation, true).await
}

/// Withdraw the consultation: the public's address then answers 410
/// (`consultation_withdrawn`) until it is published again; its
/// responses are kept.
#[utoipa::path(delete, path = "/api/v1/consultations/{id}/publication", operation_id = "withdraw_consultation", tag = "consultations",
    params(("id" = Uuid, Path)), security(("session" = [], "csrf" = [])),
    responses((status = 204, description = "Withdrawn"), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not published: nothing to withdraw (`not_published`)", body = Problem, content_type = "application/problem+json")))]
pub async fn withdraw(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
) -> Result<StatusCode, AppError> {
    publication(&state, &me, &client, id, Publication::Consultation, false).await
}

/// What to publish of the results. Without a body: every question that
/// may be published, unweighted.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct PublishResultsRequest {
    /// Ids of the questions the public sees; special-category questions
    /// are refused. Absent: every one that may be published.
    pub questions: Option<Vec<String>>,
    /// Population margins (as on the weighted results page), to publish
    /// weighted figures beside the counts, worked out now.
    #[schema(example = "q8: 4, 14, 17, 17, 16, 13, 10, 9, -")]
    pub margins: Option<String>,
}

/// Publish the results.
///
/// Officers choose which questions the public sees and, optionally,
/// weighted figures. Publishing again replaces what was published.
#[utoipa::path(put, path = "/api/v1/consultations/{id}/results/publication", operation_id = "publish_results", tag = "consultations",
    params(("id" = Uuid, Path)), request_body(content = Option<PublishResultsRequest>), security(("session" = [], "csrf" = [])),
    responses((status = 204, description = "Published"), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The consultation is not published (`consultation_draft`) or nobody has responded (`no_responses`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A question that does not exist or may not be published, or margins that cannot be used", body = Problem, content_type = "application/problem+json")))]
pub async fn publish_results(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
    headers: HeaderMap,
    body: Result<Json<PublishResultsRequest>, JsonRejection>,
) -> Result<StatusCode, AppError> {
    let empty = headers
        .get(header::CONTENT_LENGTH)
        .is_none_or(|v| v.as_bytes() == b"0")
        && !headers.contains_key(header::CONTENT_TYPE);
    let request = if empty {
        PublishResultsRequest::default()
    } else {
        body?.0
    };
    publication::publish(
        &state.db,
        &me,
        id,
        request.questions.as_deref(),
        request.margins.as_deref(),
        Some(&client.0),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Withdraw the results.
#[utoipa::path(delete, path = "/api/v1/consultations/{id}/results/publication", operation_id = "withdraw_results", tag = "consultations",
    params(("id" = Uuid, Path)), security(("session" = [], "csrf" = [])),
    responses((status = 204, description = "Withdrawn"), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not published: nothing to withdraw (`not_published`)", body = Problem, content_type = "application/problem+json")))]
pub async fn withdraw_results(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
) -> Result<StatusCode, AppError> {
    publication(&state, &me, &client, id, Publication::Results, false).await
}
