//! The JSON API for consultations: reading them, officers writing them
//! (details, survey, timeline, publication), answering the survey in one
//! call, and the results. Thin handlers over the services the pages use.

use axum::extract::rejection::JsonRejection;
use axum::extract::{Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use cohesion_domain::consultation::{format_date, ConsultationInput, StageInput, Status};
use cohesion_domain::survey::answers::RawAnswers;
use cohesion_domain::survey::model::SurveyDefinition;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::consultations::{self, ConsultationView, PAGE_SIZE};
use cohesion_services::responding::{self, Respondent};
use cohesion_services::results;
use cohesion_storage::consultations::catalogue::{ConsultationRecord, ListQuery, Publication};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};
use uuid::Uuid;

use crate::api::Problem;
use crate::api_accounts::{Acting, PathId};
use crate::consultations::status_of;
use crate::error::AppError;
use crate::pages::ClientKey;
use crate::session::{CurrentUser, Me};
use crate::state::SharedState;

pub fn routes() -> Router<SharedState> {
    Router::new()
        .route("/api/v1/consultations", get(list).post(create))
        .route("/api/v1/consultations/{id}", get(show).put(update))
        .route("/api/v1/consultations/{id}/survey", put(set_survey))
        .route("/api/v1/consultations/{id}/stages", put(set_stages))
        .route(
            "/api/v1/consultations/{id}/publication",
            put(publish).delete(withdraw),
        )
        .route(
            "/api/v1/consultations/{id}/results/publication",
            put(publish_results).delete(withdraw_results),
        )
        .route(
            "/api/v1/consultations/{id}/response",
            post(respond).get(my_response),
        )
        .route("/api/v1/consultations/{id}/results", get(results_json))
}

/// A consultation in a list.
#[derive(Serialize, ToSchema)]
pub struct ConsultationSummary {
    pub id: Uuid,
    pub title: String,
    pub summary: String,
    /// `upcoming`, `open`, `closed`, or `draft` (staff only).
    #[schema(example = "open")]
    pub status: String,
    pub opens_at: String,
    pub closes_at: String,
    pub topics: Vec<String>,
    pub area: Option<String>,
    /// People who have submitted a response.
    pub respondents: i64,
    pub results_published: bool,
}

fn summary(c: &ConsultationRecord) -> ConsultationSummary {
    ConsultationSummary {
        id: c.id,
        title: c.title.clone(),
        summary: c.summary.clone(),
        status: status_of(c).0.to_owned(),
        opens_at: c.opens_at.to_rfc3339(),
        closes_at: c.closes_at.to_rfc3339(),
        topics: c.topics.clone(),
        area: c.area.clone(),
        respondents: c.response_count,
        results_published: c.results_published_at.is_some(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct ConsultationPage {
    pub items: Vec<ConsultationSummary>,
    pub total: i64,
    pub page: u32,
    pub page_size: i64,
}

#[derive(Deserialize, ToSchema)]
pub struct ListParams {
    /// `upcoming`, `open` or `closed`.
    #[serde(default)]
    status: String,
    #[serde(default)]
    topic: String,
    /// The area, as the consultation names it (any case).
    #[serde(default)]
    area: String,
    /// Words in the title or summary.
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: Option<u32>,
}

/// List consultations.
///
/// Published consultations, open first; staff also see drafts.
#[utoipa::path(get, path = "/api/v1/consultations", operation_id = "list_consultations", tag = "consultations",
    params(("status" = Option<String>, Query, description = "upcoming, open or closed"),
           ("topic" = Option<String>, Query), ("area" = Option<String>, Query), ("q" = Option<String>, Query), ("page" = Option<u32>, Query)),
    responses((status = 200, body = ConsultationPage),
        (status = 422, description = "Unknown status (`invalid_choice`)", body = Problem, content_type = "application/problem+json")))]
pub async fn list(
    State(state): State<SharedState>,
    user: CurrentUser,
    Query(p): Query<ListParams>,
) -> Result<Json<ConsultationPage>, AppError> {
    let status = match p.status.as_str() {
        "" => None,
        s => {
            Some(Status::parse(s).ok_or(ValidationError::new("status", ErrorCode::InvalidChoice))?)
        }
    };
    let page = p.page.unwrap_or(1).clamp(1, 10_000);
    let query = ListQuery {
        drafts: true,
        status,
        topic: Some(p.topic.trim()).filter(|s| !s.is_empty()),
        area: Some(p.area.trim()).filter(|s| !s.is_empty()),
        search: Some(p.q.trim()).filter(|s| !s.is_empty()),
        ..Default::default()
    };
    let (items, total) = consultations::list(&state.db, user.0.as_ref(), query, page).await?;
    Ok(Json(ConsultationPage {
        items: items.iter().map(summary).collect(),
        total,
        page,
        page_size: PAGE_SIZE,
    }))
}

/// A stage of the timeline.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct StageBody {
    #[serde(default)]
    #[schema(required = true, example = "Formal consultation")]
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// `YYYY-MM-DD`, or empty.
    #[serde(default)]
    pub date: String,
    /// `happened`, `current` or `to_come`.
    #[serde(default)]
    #[schema(required = true, example = "current")]
    pub state: String,
    /// `none`, `survey`, `results` or `findings`.
    #[serde(default)]
    pub link: String,
}

impl From<StageBody> for StageInput {
    fn from(b: StageBody) -> Self {
        StageInput {
            name: b.name,
            description: b.description,
            date: b.date,
            state: b.state,
            link: b.link,
        }
    }
}

/// A consultation with its survey and timeline.
#[derive(Serialize, ToSchema)]
pub struct ConsultationDetail {
    #[serde(flatten)]
    pub summary: ConsultationSummary,
    /// Markdown.
    pub body: String,
    pub allow_anonymous: bool,
    pub strands: Vec<String>,
    pub documents: Vec<DocumentBody>,
    /// Pages of questions: see `SurveyDefinition` in the README.
    #[schema(value_type = Object)]
    pub survey: serde_json::Value,
    pub stages: Vec<StageBody>,
}

fn detail(v: ConsultationView) -> ConsultationDetail {
    ConsultationDetail {
        summary: summary(&v.record),
        body: v.record.body.clone(),
        allow_anonymous: v.record.allow_anonymous,
        strands: v.record.strands.clone(),
        documents: v
            .record
            .documents
            .iter()
            .map(|d| DocumentBody {
                title: d.title.clone(),
                url: d.url.clone(),
            })
            .collect(),
        survey: serde_json::to_value(&v.survey).unwrap_or_default(),
        stages: v
            .stages
            .iter()
            .map(|s| StageBody {
                name: s.name.clone(),
                description: s.description.clone(),
                date: s.date.map(format_date).unwrap_or_default(),
                state: s.state.key().to_owned(),
                link: s.link.key().to_owned(),
            })
            .collect(),
    }
}

/// Get a consultation.
///
/// Drafts exist only for staff.
#[utoipa::path(get, path = "/api/v1/consultations/{id}", operation_id = "get_consultation", tag = "consultations",
    params(("id" = Uuid, Path)),
    responses((status = 200, body = ConsultationDetail),
        (status = 404, description = "No such consultation, or a draft", body = Problem, content_type = "application/problem+json")))]
pub async fn show(
    State(state): State<SharedState>,
    user: CurrentUser,
    PathId(id): PathId,
) -> Result<Json<ConsultationDetail>, AppError> {
    let v = consultations::view(&state.db, user.0.as_ref(), id).await?;
    Ok(Json(detail(v)))
}

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
    /// `YYYY-MM-DDTHH:MM[:SS][Z]`, UTC.
    #[serde(default)]
    #[schema(required = true, example = "2026-12-01T09:00Z")]
    pub opens_at: String,
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

#[derive(Serialize, Deserialize, ToSchema)]
pub struct DocumentBody {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub url: String,
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

fn json_body<T>(body: Result<Json<T>, JsonRejection>) -> Result<T, AppError> {
    body.map(|Json(b)| b).map_err(AppError::from)
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
    body: Result<Json<ConsultationRequest>, JsonRejection>,
) -> Result<Response, AppError> {
    let input: ConsultationInput = json_body(body)?.into();
    let id = consultations::create(&state.db, &me, &input, Some(&client.0)).await?;
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
    body: Result<Json<ConsultationRequest>, JsonRejection>,
) -> Result<StatusCode, AppError> {
    let input: ConsultationInput = json_body(body)?.into();
    consultations::update(&state.db, &me, id, &input, Some(&client.0)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Replace the survey.
///
/// The whole definition: pages of questions with stable ids, each with a
/// `type` (single_choice, multiple_choice, agreement, effectiveness,
/// ranking, number, date, short_text, long_text, matrix, demographic) and
/// optional `show_if` / `skip_if` rules. Every rule is checked so nobody
/// can reach a dead end; special-category questions need a `purpose`.
/// Refused (`survey_locked`) once anyone has responded.
#[utoipa::path(put, path = "/api/v1/consultations/{id}/survey", operation_id = "set_survey", tag = "consultations",
    params(("id" = Uuid, Path)), request_body(content = Object), security(("session" = [], "csrf" = [])),
    responses((status = 204, description = "Saved"),
        (status = 422, description = "`invalid_survey` and the like, each problem in `errors` with the question id or `page-N` as `field`", body = Problem, content_type = "application/problem+json")))]
pub async fn set_survey(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
    body: Result<Json<SurveyDefinition>, JsonRejection>,
) -> Result<StatusCode, AppError> {
    let survey = json_body(body)?;
    consultations::set_survey(&state.db, &me, id, &survey, Some(&client.0)).await?;
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
    body: Result<Json<Vec<StageBody>>, JsonRejection>,
) -> Result<StatusCode, AppError> {
    let stages: Vec<StageInput> = json_body(body)?.into_iter().map(Into::into).collect();
    consultations::set_stages(&state.db, &me, id, &stages, Some(&client.0)).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn publication(
    state: &SharedState,
    me: &cohesion_services::accounts::SignedIn,
    client: &ClientKey,
    id: Uuid,
    what: Publication,
    publish: bool,
) -> Result<StatusCode, AppError> {
    consultations::set_published(&state.db, me, id, what, publish, Some(&client.0)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Publish the consultation.
#[utoipa::path(put, path = "/api/v1/consultations/{id}/publication", operation_id = "publish_consultation", tag = "consultations",
    params(("id" = Uuid, Path)), security(("session" = [], "csrf" = [])),
    responses((status = 204, description = "Published"), (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn publish(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
) -> Result<StatusCode, AppError> {
    publication(&state, &me, &client, id, Publication::Consultation, true).await
}

/// Withdraw the consultation (it becomes a draft again).
#[utoipa::path(delete, path = "/api/v1/consultations/{id}/publication", operation_id = "withdraw_consultation", tag = "consultations",
    params(("id" = Uuid, Path)), security(("session" = [], "csrf" = [])),
    responses((status = 204, description = "Withdrawn"), (status = 403, body = Problem, content_type = "application/problem+json")))]
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
        (status = 422, description = "A question that does not exist or may not be published, or margins that cannot be used", body = Problem, content_type = "application/problem+json")))]
pub async fn publish_results(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
    headers: axum::http::HeaderMap,
    body: Result<Json<PublishResultsRequest>, JsonRejection>,
) -> Result<StatusCode, AppError> {
    let empty = headers
        .get(axum::http::header::CONTENT_LENGTH)
        .is_none_or(|v| v.as_bytes() == b"0")
        && !headers.contains_key(axum::http::header::CONTENT_TYPE);
    let request = if empty {
        PublishResultsRequest::default()
    } else {
        json_body(body)?
    };
    results::publish(
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
    responses((status = 204, description = "Withdrawn"), (status = 403, body = Problem, content_type = "application/problem+json")))]
pub async fn withdraw_results(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
) -> Result<StatusCode, AppError> {
    publication(&state, &me, &client, id, Publication::Results, false).await
}

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
    body: Result<Json<ResponseRequest>, JsonRejection>,
) -> Result<Response, AppError> {
    let request = json_body(body)?;
    let mut raw = RawAnswers::new();
    for (k, v) in request.answers {
        let values = match v {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(list) => list,
        };
        raw.insert(k, values);
    }
    let reference = responding::respond_all(&state.db, Respondent::Account(&me), id, &raw)
        .await
        .map_err(not_open_conflict)?;
    Ok((StatusCode::CREATED, Json(Submitted { reference })).into_response())
}

/// "Not open" is a conflict with the consultation's state, not bad input.
fn not_open_conflict(e: cohesion_services::ServiceError) -> AppError {
    match e {
        cohesion_services::ServiceError::Invalid(v) if v.code == ErrorCode::ConsultationNotOpen => {
            let mut e = AppError::from(v);
            e.status = StatusCode::CONFLICT;
            e
        }
        other => other.into(),
    }
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
    let r = p
        .response
        .as_ref()
        .ok_or(cohesion_services::ServiceError::NotFound)?;
    Ok(Json(MyResponse {
        reference: r.reference.clone(),
        submitted_at: r.submitted_at.map(|t| t.to_rfc3339()),
        answers: p.draft.clone(),
    }))
}

/// One answer's figures; `null` where small-count rules hide them.
#[derive(Serialize, ToSchema)]
pub struct CellBody {
    /// The option's index.
    pub option: usize,
    pub count: Option<u64>,
    /// Share of the base, 0 to 1, with its 95% Wilson interval.
    pub share: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
}

#[derive(Serialize, ToSchema)]
pub struct LineBody {
    /// The matrix row, if any.
    pub row: Option<usize>,
    pub base: Option<u64>,
    pub cells: Vec<CellBody>,
}

#[derive(Serialize, ToSchema)]
pub struct QuestionResultBody {
    pub id: String,
    pub text: String,
    #[schema(example = "single_choice")]
    pub r#type: String,
    pub answered: u64,
    /// Special-category results the caller may not see.
    pub withheld: bool,
    pub lines: Vec<LineBody>,
}

#[derive(Serialize, ToSchema)]
pub struct ResultsBody {
    pub consultation_id: Uuid,
    pub respondents: i64,
    pub published: bool,
    /// Counts under this are hidden.
    pub min_count: u64,
    /// Percentages need at least this base.
    pub min_base_for_percent: u64,
    pub questions: Vec<QuestionResultBody>,
    /// Weighted figures, when the officer published them.
    pub weighted: Option<WeightedBody>,
}

/// Figures weighted to population margins by raking, as worked out when
/// the results were published.
#[derive(Serialize, ToSchema)]
pub struct WeightedBody {
    pub margins: String,
    pub computed_at: String,
    pub respondents_weighted: usize,
    pub converged: bool,
    pub effective_sample_size: f64,
    pub questions: Vec<WeightedQuestionBody>,
}

#[derive(Serialize, ToSchema)]
pub struct WeightedQuestionBody {
    pub id: String,
    /// Respondents who answered, unweighted.
    pub base: u64,
    /// The base the ranges use.
    pub effective_base: f64,
    /// `null` when the base is too small for percentages.
    pub cells: Option<Vec<WeightedCellBody>>,
}

/// A weighted share; `null` fields where the small-count rules hide it.
#[derive(Serialize, ToSchema)]
pub struct WeightedCellBody {
    pub option: usize,
    pub share: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
}

/// The results.
///
/// Public once an officer publishes them (without special-category
/// questions); staff who analyse see them before. Counts under the
/// threshold are `null`, with secondary suppression.
#[utoipa::path(get, path = "/api/v1/consultations/{id}/results", operation_id = "get_results", tag = "consultations",
    params(("id" = Uuid, Path)),
    responses((status = 200, body = ResultsBody), (status = 404, description = "No such consultation, or results not published", body = Problem, content_type = "application/problem+json")))]
pub async fn results_json(
    State(state): State<SharedState>,
    user: CurrentUser,
    client: ClientKey,
    PathId(id): PathId,
) -> Result<Json<ResultsBody>, AppError> {
    let r = results::results(
        &state.db,
        user.0.as_ref(),
        id,
        state.config.small_base,
        Some(&client.0),
    )
    .await?;
    let matrix = |q: &cohesion_domain::survey::model::QuestionDef| {
        matches!(
            q.kind,
            cohesion_domain::survey::model::QuestionKind::Matrix { .. }
        )
    };
    Ok(Json(ResultsBody {
        consultation_id: id,
        respondents: r.consultation.response_count,
        published: r.consultation.results_published_at.is_some(),
        min_count: r.rules.min_count,
        min_base_for_percent: r.rules.min_base_for_percent,
        questions: r
            .questions
            .iter()
            .map(|q| QuestionResultBody {
                id: q.question.id.clone(),
                text: q.question.text.clone(),
                r#type: q.question.kind.key().to_owned(),
                answered: q.answered,
                withheld: q.withheld,
                lines: q
                    .lines
                    .iter()
                    .enumerate()
                    .map(|(i, l)| LineBody {
                        row: matrix(&q.question).then_some(i),
                        base: (!l.base_hidden).then_some(l.base),
                        cells: l
                            .cells
                            .iter()
                            .enumerate()
                            .map(|(o, c)| CellBody {
                                option: o,
                                count: c.count,
                                share: c.share.map(|p| p.share),
                                low: c.share.map(|p| p.low),
                                high: c.share.map(|p| p.high),
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
        weighted: r.weighting.as_ref().map(|w| WeightedBody {
            margins: w.margins.clone(),
            computed_at: w.computed_at.clone(),
            respondents_weighted: w.included,
            converged: w.converged,
            effective_sample_size: w.effective_sample_size,
            questions: w
                .questions
                .iter()
                .filter(|(q, _)| r.questions.iter().any(|shown| &shown.question.id == q))
                .map(|(q, tally)| WeightedQuestionBody {
                    id: q.clone(),
                    base: tally.base,
                    effective_base: tally.effective_base,
                    cells: results::weighted_cells(tally, r.rules).map(|cells| {
                        cells
                            .iter()
                            .enumerate()
                            .map(|(option, c)| WeightedCellBody {
                                option,
                                share: c.map(|c| c.share),
                                low: c.map(|c| c.low),
                                high: c.map(|c| c.high),
                            })
                            .collect()
                    }),
                })
                .collect(),
        }),
    }))
}

#[derive(OpenApi)]
#[openapi(
    paths(list, show, create, update, set_survey, set_stages, publish, withdraw, publish_results, withdraw_results, respond, my_response, results_json),
    components(schemas(ConsultationSummary, ConsultationPage, ConsultationDetail, ConsultationRequest, StageBody, Created, DocumentBody,
        ResponseRequest, OneOrMany, Submitted, MyResponse, PublishResultsRequest, ResultsBody, WeightedBody, WeightedQuestionBody, WeightedCellBody, QuestionResultBody, LineBody, CellBody)),
    tags((name = "consultations", description = "Consultations, their surveys, responses and results."))
)]
pub struct ConsultationsApi;
