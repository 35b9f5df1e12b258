//! Moderation figures by month, for the site and for one discussion, as
//! the transparency pages show them: `null` marks a figure suppressed
//! because it is small or would let a small one be worked out.

use axum::extract::State;
use axum::Json;
use cohesion_services::discussions::transparency::{self, Figures};
use serde::Serialize;
use time::OffsetDateTime;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::{AppError, PathId, Problem, SharedState};

/// Comments hidden for one public reason in a month.
#[derive(Serialize, ToSchema)]
pub struct HiddenForReason {
    /// A report reason's code (`threats`, `extremist`, `hate`, …).
    #[schema(example = "hate")]
    pub reason: String,
    /// `null` when suppressed.
    pub count: Option<u64>,
}

/// One calendar month's figures (UTC); `null` marks a suppressed figure.
#[derive(Serialize, ToSchema)]
pub struct MonthFiguresBody {
    /// `YYYY-MM`.
    #[schema(example = "2026-11")]
    pub month: String,
    pub comments: Option<u64>,
    /// Comments held for a moderator before anyone could read them.
    pub held: Option<u64>,
    pub hidden: Option<u64>,
    pub hidden_by_reason: Vec<HiddenForReason>,
    pub warnings: Option<u64>,
    pub suspensions: Option<u64>,
    pub appeals_upheld: Option<u64>,
    pub appeals_overturned: Option<u64>,
    /// The median wait from entering the queue to a decision, in
    /// seconds; `null` when too few decisions were taken.
    pub median_seconds_to_decision: Option<u64>,
}

/// A year of moderation figures, newest month first.
#[derive(Serialize, ToSchema)]
pub struct TransparencyBody {
    /// The discussion, or `null` for the whole site.
    pub discussion_id: Option<Uuid>,
    /// Counts under this are never shown.
    pub min_count: u64,
    pub months: Vec<MonthFiguresBody>,
}

fn body(discussion_id: Option<Uuid>, f: Figures) -> TransparencyBody {
    TransparencyBody {
        discussion_id,
        min_count: f.min_count,
        months: f
            .months
            .into_iter()
            .map(|m| MonthFiguresBody {
                month: format!("{:04}-{:02}", m.year, m.month as u8),
                comments: m.comments,
                held: m.held,
                hidden: m.hidden,
                hidden_by_reason: m
                    .hidden_by_reason
                    .into_iter()
                    .map(|(r, count)| HiddenForReason {
                        reason: r.code().to_owned(),
                        count,
                    })
                    .collect(),
                warnings: m.warnings,
                suspensions: m.suspensions,
                appeals_upheld: m.appeals_upheld,
                appeals_overturned: m.appeals_overturned,
                median_seconds_to_decision: m.median_wait_seconds,
            })
            .collect(),
    }
}

/// The site's moderation figures across every discussion.
#[utoipa::path(get, path = "/api/v1/discussions/transparency", operation_id = "get_site_transparency",
    tag = "discussions",
    responses((status = 200, body = TransparencyBody)))]
pub async fn site(State(state): State<SharedState>) -> Result<Json<TransparencyBody>, AppError> {
    let f = transparency::site(
        &state.db,
        state.config.small_base,
        OffsetDateTime::now_utc(),
        &state.config.time_zone,
    )
    .await?;
    Ok(Json(body(None, f)))
}

/// One published discussion's moderation figures.
#[utoipa::path(get, path = "/api/v1/discussions/{id}/transparency",
    operation_id = "get_discussion_transparency", tag = "discussions",
    params(("id" = Uuid, Path)),
    responses((status = 200, body = TransparencyBody),
        (status = 404, description = "No such discussion, or not published", body = Problem, content_type = "application/problem+json")))]
pub async fn discussion(
    State(state): State<SharedState>,
    PathId(id): PathId,
) -> Result<Json<TransparencyBody>, AppError> {
    let (_, f) = transparency::discussion(
        &state.db,
        id,
        state.config.small_base,
        OffsetDateTime::now_utc(),
        &state.config.time_zone,
    )
    .await?;
    Ok(Json(body(Some(id), f)))
}
