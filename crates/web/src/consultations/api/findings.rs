//! The findings ("What you told us") as figures, with the options each
//! combines and "What we did", for API clients; and officers writing,
//! publishing and removing them.

use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cohesion_domain::analysis::findings::FindingInput;
use cohesion_domain::consultation::Status;
use cohesion_domain::timestamp::Timestamp;
use cohesion_services::consultations::findings::{self, ShownFinding};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::write::Created;
use crate::kit::SharedState;
use crate::kit::{path_id, Acting, ApiJson, AppError, ClientKey, CurrentUser, PathId, Problem};

/// A finding's figure; `null` fields where small-count rules hide it.
#[derive(Serialize, ToSchema)]
pub struct FindingFigureBody {
    /// The people who answered the question (or row); written answers,
    /// for a finding on a theme.
    pub base: Option<u64>,
    /// Those who chose any of the options (or whose answers the theme
    /// holds).
    pub count: Option<u64>,
    /// Share of the base, 0 to 1, with its 95% Wilson interval.
    pub share: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// Hidden only until the consultation closes: options of a
    /// multiple-choice question counted together, which the figures the
    /// public sees while it is open (as of a snapshot) do not hold.
    pub until_closed: bool,
}

#[derive(Serialize, ToSchema)]
pub struct FindingBody {
    pub id: Uuid,
    pub title: String,
    /// Safe Markdown.
    pub body: String,
    /// The question's id.
    pub question: String,
    /// The matrix row (0-based), for a matrix question.
    pub row: Option<usize>,
    /// The options combined (0-based): respondents choosing any of them
    /// are counted, each once. Empty for a finding on a theme.
    pub options: Vec<usize>,
    /// The confirmed theme the finding rests on instead, if any.
    pub theme: Option<String>,
    /// "What we did" (safe Markdown): what the council did in response;
    /// empty until an officer writes it.
    pub what_we_did: String,
    /// `null` for a draft (staff only).
    pub published_at: Option<String>,
    pub figure: FindingFigureBody,
}

#[derive(Serialize, ToSchema)]
pub struct FindingsBody {
    pub consultation_id: Uuid,
    /// Whether the consultation has closed: its pages then show the
    /// findings as "We asked, you said, we did".
    pub closed: bool,
    pub findings: Vec<FindingBody>,
}

/// The findings.
///
/// The published findings of a published consultation (staff see drafts
/// too), each with its figure worked out from the responses: as they
/// stand for analysts; for everyone else, while the consultation is
/// open, as of the snapshot its results are shown from. A finding
/// combining several options counts the respondents who chose any of
/// them; counts under the threshold, and combined counts that would give
/// away a hidden one, are `null`.
#[utoipa::path(get, path = "/api/v1/consultations/{id}/findings", operation_id = "get_findings", tag = "consultations",
    params(("id" = Uuid, Path)),
    responses((status = 200, body = FindingsBody), (status = 404, description = "No such consultation", body = Problem, content_type = "application/problem+json")))]
pub async fn findings_json(
    State(state): State<SharedState>,
    user: CurrentUser,
    PathId(id): PathId,
) -> Result<Json<FindingsBody>, AppError> {
    let (c, list) =
        findings::shown(&state.db, user.0.as_ref(), id, state.config.small_base).await?;
    Ok(Json(FindingsBody {
        consultation_id: id,
        closed: c.status(Timestamp::now()) == Status::Closed,
        findings: list.iter().map(finding_body).collect(),
    }))
}

fn finding_body(f: &ShownFinding) -> FindingBody {
    let shown = !f.base_hidden;
    let share = f.cell.share.filter(|_| shown);
    FindingBody {
        id: f.id,
        title: f.finding.title.clone(),
        body: f.finding.body.clone(),
        question: f.finding.question_id.clone(),
        row: f.finding.row,
        options: f.finding.options.clone(),
        theme: f.finding.theme.clone(),
        what_we_did: f.finding.what_we_did.clone(),
        published_at: f.published_at.map(|t| t.to_rfc3339()),
        figure: FindingFigureBody {
            base: shown.then_some(f.base),
            count: f.cell.count.filter(|_| shown),
            share: share.map(|p| p.share),
            low: share.map(|p| p.low),
            high: share.map(|p| p.high),
            until_closed: f.until_closed,
        },
    }
}

/// A finding to add: a figure from the results (a question's options,
/// combined, or a confirmed theme) with what it says.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FindingRequest {
    #[serde(default)]
    #[schema(required = true, example = "Most people want safer crossings")]
    pub title: String,
    /// Safe Markdown.
    #[serde(default)]
    pub body: String,
    /// The id of the question the figure comes from (none with `theme`).
    #[serde(default)]
    #[schema(example = "q1")]
    pub question: String,
    /// The matrix row, numbered from 0, for a matrix question.
    #[serde(default)]
    pub row: Option<usize>,
    /// The options whose combined share is the figure, numbered from 0
    /// as in the results: respondents choosing any of them count once.
    #[serde(default)]
    #[schema(example = json!([0, 1]))]
    pub options: Vec<usize>,
    /// A confirmed theme's id, instead of a question and options: the
    /// figure is the share of the question's written answers it holds.
    #[serde(default)]
    pub theme: Option<String>,
    /// "What we did" (safe Markdown), shown once the consultation closes.
    #[serde(default)]
    pub what_we_did: String,
}

impl From<FindingRequest> for FindingInput {
    fn from(r: FindingRequest) -> Self {
        // The form's way: rows and options counted from 1.
        FindingInput {
            title: r.title,
            body: r.body,
            question: r.question,
            row: r.row.map(|n| (n + 1).to_string()).unwrap_or_default(),
            options: r.options.iter().map(|o| (o + 1).to_string()).collect(),
            theme: r.theme.unwrap_or_default(),
            what_we_did: r.what_we_did,
        }
    }
}

crate::kit::api::api_bodies!(FindingRequest);

/// Add a finding, as a draft.
///
/// Officers only. Every problem is listed at once, each with its
/// `pointer`: `title` (`field_required`, `field_too_long`), `question`
/// (not a question that can be cited: `invalid_choice`), `options`
/// (`invalid_choice`, or `options_of_one_question`), `row`, `theme`
/// (not a confirmed theme of the latest analysis), `what_we_did`.
#[utoipa::path(post, path = "/api/v1/consultations/{id}/findings", operation_id = "add_finding", tag = "consultations",
    params(("id" = Uuid, Path)), request_body = FindingRequest, security(("session" = [], "csrf" = [])),
    responses((status = 201, description = "Added as a draft", body = Created),
        (status = 403, description = "Not an officer, or `X-CSRF-Token` missing", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Every problem in `errors`, each with its `pointer`; nothing is saved", body = Problem, content_type = "application/problem+json")))]
pub async fn add(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
    ApiJson(body): ApiJson<FindingRequest>,
) -> Result<Response, AppError> {
    let input = FindingInput::from(body);
    let fid = findings::add(&state.db, &me, id, &input, Some(&client.0)).await?;
    let mut res = (StatusCode::CREATED, Json(Created { id: fid })).into_response();
    if let Ok(v) = HeaderValue::from_str(&format!("/api/v1/consultations/{id}/findings")) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    Ok(res)
}

/// `{id}` and `{finding}`: anything that is not an id names nothing (404).
pub(super) struct FindingPath {
    id: Uuid,
    finding: Uuid,
}

impl<S: Send + Sync> FromRequestParts<S> for FindingPath {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Response> {
        let Path((id, finding)) = Path::<(String, String)>::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let id = path_id(&id).map_err(IntoResponse::into_response)?;
        let finding = path_id(&finding).map_err(IntoResponse::into_response)?;
        Ok(FindingPath { id, finding })
    }
}

/// Publish a finding.
#[utoipa::path(put, path = "/api/v1/consultations/{id}/findings/{finding}/publication", operation_id = "publish_finding", tag = "consultations",
    params(("id" = Uuid, Path), ("finding" = Uuid, Path)), security(("session" = [], "csrf" = [])),
    responses((status = 204, description = "Published"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such finding of this consultation", body = Problem, content_type = "application/problem+json")))]
pub async fn publish(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    FindingPath { id, finding }: FindingPath,
) -> Result<StatusCode, AppError> {
    findings::set_published(&state.db, &me, id, finding, true, Some(&client.0)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Withdraw a finding: a draft again, seen by staff only.
#[utoipa::path(delete, path = "/api/v1/consultations/{id}/findings/{finding}/publication", operation_id = "withdraw_finding", tag = "consultations",
    params(("id" = Uuid, Path), ("finding" = Uuid, Path)), security(("session" = [], "csrf" = [])),
    responses((status = 204, description = "Withdrawn"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn withdraw(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    FindingPath { id, finding }: FindingPath,
) -> Result<StatusCode, AppError> {
    findings::set_published(&state.db, &me, id, finding, false, Some(&client.0)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Remove a finding for good.
#[utoipa::path(delete, path = "/api/v1/consultations/{id}/findings/{finding}", operation_id = "remove_finding", tag = "consultations",
    params(("id" = Uuid, Path), ("finding" = Uuid, Path)), security(("session" = [], "csrf" = [])),
    responses((status = 204, description = "Removed"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Removed already (`already_removed`)", body = Problem, content_type = "application/problem+json")))]
pub async fn remove(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    FindingPath { id, finding }: FindingPath,
) -> Result<StatusCode, AppError> {
    findings::remove(&state.db, &me, id, finding, Some(&client.0)).await?;
    Ok(StatusCode::NO_CONTENT)
}
