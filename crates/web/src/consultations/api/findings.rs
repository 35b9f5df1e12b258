//! The findings ("What you told us") as figures, with the options each
//! combines and "What we did", for API clients.

use axum::extract::State;
use axum::Json;
use cohesion_domain::consultation::Status;
use cohesion_domain::timestamp::Timestamp;
use cohesion_services::consultations::findings::{self, ShownFinding};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::{AppError, CurrentUser, PathId, Problem, SharedState};

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
/// too), each with its figure worked out now from the responses. A
/// finding combining several options counts the respondents who chose
/// any of them; counts under the threshold, and combined counts that
/// would give away a hidden one, are `null`.
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
        },
    }
}
