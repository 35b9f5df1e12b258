//! The JSON API: sending a report (public, throttled, the same checks and
//! masking as the form, errors with stable codes) and reading the
//! suppressed counts (tension readers only).

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use cohesion_domain::tension::{Figure, ReportInput};
use cohesion_services::tensions::{reading, reporting};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

use crate::kit::{ApiJson, AppError, ClientKey, May, Problem, ReadTensionReports, SharedState};

pub(super) fn routes() -> Router<SharedState> {
    Router::new()
        .route("/api/v1/tension-reports", post(send))
        .route("/api/v1/tension-reports/counts", get(counts))
}

pub(super) fn openapi() -> utoipa::openapi::OpenApi {
    TensionsApi::openapi()
}

#[derive(OpenApi)]
#[openapi(
    paths(send, counts),
    components(schemas(TensionReportRequest, TensionReportSent, TensionCounts, TensionCount)),
    tags((name = "tension-reports", description = "Community tension reports: anonymous, masked before storage; counts for tension readers, small counts suppressed."))
)]
struct TensionsApi;

/// A report. Names, email addresses, phone numbers and postcodes in
/// `text` are masked before it is stored.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TensionReportRequest {
    /// A local area's id (see the help pages' areas), or `elsewhere`.
    #[schema(example = "elsewhere")]
    pub area: String,
    /// hate_incident, graffiti_or_symbols, online_content,
    /// protest_or_gathering, disorder_or_damage or other.
    #[schema(example = "graffiti_or_symbols")]
    pub kind: String,
    /// The day it happened (YYYY-MM-DD, in the site's zone), not after today.
    #[schema(example = "2026-11-30")]
    pub occurred_on: String,
    /// What happened, plain text, at most 2,000 characters.
    #[schema(example = "Stickers with a hateful slogan on the bus shelter.")]
    pub text: String,
    /// yes, no or dont_know.
    #[schema(example = "dont_know")]
    pub police: String,
}

#[derive(Serialize, ToSchema)]
pub struct TensionReportSent {
    /// The reference to quote; the text is never sent back.
    pub reference: String,
    /// Working days within which the council promises to look at it.
    pub review_working_days: i64,
}

#[utoipa::path(post, path = "/api/v1/tension-reports", operation_id = "send_tension_report", tag = "tension-reports", request_body = TensionReportRequest,
    responses(
        (status = 201, description = "Received", body = TensionReportSent),
        (status = 400, description = "Malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "This site does not take tension reports", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is missing or wrong (field_required, invalid_choice, invalid_date, date_in_future, field_too_long, markup_not_allowed, nul_character)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many reports from this client", body = Problem, content_type = "application/problem+json")))]
pub async fn send(
    State(state): State<SharedState>,
    client: ClientKey,
    ApiJson(req): ApiJson<TensionReportRequest>,
) -> Result<Response, AppError> {
    let input = ReportInput {
        area: req.area,
        kind: req.kind,
        occurred_on: req.occurred_on,
        text: req.text,
        police: req.police,
    };
    let today = super::today(&state.config.time_zone);
    let sent = reporting::send(&state.db, &input, &client.0, today).await?;
    Ok((
        StatusCode::CREATED,
        Json(TensionReportSent {
            reference: sent.reference,
            review_working_days: sent.review_working_days,
        }),
    )
        .into_response())
}

/// A count as it may be shown: `count` when shown, else `suppressed`
/// says why (`fewer_than_5`, or `hidden` so that another cannot be
/// worked out).
#[derive(Serialize, ToSchema)]
pub struct TensionCount {
    /// An area's id or `elsewhere`; a kind; a week's Monday; `all`.
    pub key: String,
    pub count: Option<u64>,
    pub suppressed: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct TensionCounts {
    /// The Mondays of the period, oldest first.
    pub weeks: Vec<String>,
    pub total: TensionCount,
    pub by_area: Vec<TensionCount>,
    pub by_kind: Vec<TensionCount>,
    pub by_week: Vec<TensionCount>,
}

fn count(key: String, f: Figure) -> TensionCount {
    let (count, suppressed) = match f {
        Figure::Shown(n) => (Some(n), None),
        Figure::FewerThanSmallest => (None, Some("fewer_than_5".to_owned())),
        Figure::Hidden => (None, Some("hidden".to_owned())),
    };
    TensionCount {
        key,
        count,
        suppressed,
    }
}

#[derive(Deserialize)]
pub struct CountsQuery {
    weeks: Option<u32>,
}

#[utoipa::path(get, path = "/api/v1/tension-reports/counts", tag = "tension-reports",
    params(("weeks" = Option<u32>, Query, description = "How many weeks up to this one (1 to 52; 10 by default)")),
    responses(
        (status = 200, body = TensionCounts),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a tension reader", body = Problem, content_type = "application/problem+json")))]
pub async fn counts(
    State(state): State<SharedState>,
    May(me, _): May<ReadTensionReports>,
    Query(q): Query<CountsQuery>,
) -> Result<Json<TensionCounts>, AppError> {
    let today = super::today(&state.config.time_zone);
    let d = reading::dashboard(&state.db, &me, q.weeks.unwrap_or(10), today).await?;
    Ok(Json(TensionCounts {
        weeks: d.weeks.iter().map(|w| w.to_string()).collect(),
        total: count("all".to_owned(), d.total),
        by_area: d.by_area.iter().map(|(p, f)| count(p.key(), *f)).collect(),
        by_kind: d
            .by_kind
            .iter()
            .map(|(k, f)| count(k.key().to_owned(), *f))
            .collect(),
        by_week: d
            .by_week
            .iter()
            .map(|(w, f)| count(w.to_string(), *f))
            .collect(),
    }))
}

// Read with `ApiJson`: checked against their schemas first.
crate::kit::api::api_bodies!(TensionReportRequest);
