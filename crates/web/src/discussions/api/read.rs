//! Reading discussions: the list and one discussion.

use axum::extract::{Query, State};
use axum::Json;
use cohesion_domain::consultation::Status;
use cohesion_domain::discussion::record::Discussion;
use cohesion_domain::discussion::stage_link::StageRef;
use cohesion_domain::timestamp::Timestamp;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::discussions::reading;
use cohesion_services::discussions::ListQuery;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::{AppError, CurrentUser, PathId, Problem, SharedState};

/// Discussions on a page of the list.
pub const PAGE_SIZE: i64 = 20;

/// A discussion in a list.
#[derive(Serialize, ToSchema)]
pub struct DiscussionSummary {
    pub id: Uuid,
    pub title: String,
    /// The language its texts are written in (`en`, `ar`).
    #[schema(example = "en")]
    pub language: String,
    /// `upcoming`, `open`, `closed`, or `draft` (staff only: not
    /// published, or withdrawn).
    #[schema(example = "open")]
    pub status: String,
    /// RFC 3339, UTC.
    pub opens_at: String,
    pub closes_at: String,
    pub topics: Vec<String>,
    pub area: Option<String>,
    /// Comments everyone may read.
    pub comment_count: i64,
    /// Brought in from elsewhere: closed and read-only for good.
    pub imported: bool,
}

fn rfc3339(at: time::OffsetDateTime) -> String {
    Timestamp::from(at).to_rfc3339()
}

/// `draft` until published, then as its dates make it.
pub(super) fn status_key(d: &Discussion) -> &'static str {
    match d.is_published() {
        false => "draft",
        true => d.status(Timestamp::now().as_offset()).key(),
    }
}

pub(super) fn summary(d: &Discussion) -> DiscussionSummary {
    DiscussionSummary {
        id: d.id,
        title: d.title.clone(),
        language: d.language.clone(),
        status: status_key(d).to_owned(),
        opens_at: rfc3339(d.opens_at),
        closes_at: rfc3339(d.closes_at),
        topics: d.topics.clone(),
        area: d.area.clone(),
        comment_count: d.comment_count,
        imported: d.imported,
    }
}

#[derive(Serialize, ToSchema)]
pub struct DiscussionPage {
    pub items: Vec<DiscussionSummary>,
    pub total: i64,
    pub page: u32,
    pub page_size: i64,
}

/// The list's filters as sent.
#[derive(Deserialize, Default)]
pub struct ListParams {
    /// `upcoming`, `open` or `closed`.
    #[serde(default)]
    status: String,
    #[serde(default)]
    topic: String,
    /// Words in the title, introduction or guiding questions.
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: Option<u32>,
}

/// List discussions.
///
/// Published discussions, open first, then upcoming, then closed; staff
/// also see drafts and withdrawn ones.
#[utoipa::path(get, path = "/api/v1/discussions", operation_id = "list_discussions", tag = "discussions",
    params(("status" = Option<String>, Query, description = "upcoming, open or closed"),
           ("topic" = Option<String>, Query), ("q" = Option<String>, Query), ("page" = Option<u32>, Query, description = "From 1")),
    responses((status = 200, body = DiscussionPage),
        (status = 422, description = "Unknown status (`invalid_choice`)", body = Problem, content_type = "application/problem+json")))]
pub async fn list(
    State(state): State<SharedState>,
    user: CurrentUser,
    Query(p): Query<ListParams>,
) -> Result<Json<DiscussionPage>, AppError> {
    let status = match p.status.trim() {
        "" => None,
        s => {
            Some(Status::parse(s).ok_or(ValidationError::new("status", ErrorCode::InvalidChoice))?)
        }
    };
    let page = p.page.unwrap_or(1).clamp(1, 10_000);
    // Matched against normalised text, as the discussions' search text is.
    let search = Some(p.q.trim())
        .filter(|q| !q.is_empty())
        .map(cohesion_insight::text::normalise);
    let query = ListQuery {
        drafts: true,
        status,
        topic: Some(p.topic.trim()).filter(|t| !t.is_empty()),
        search: search.as_deref(),
        offset: i64::from(page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
    };
    let (items, total) = reading::list(&state.db, user.0.as_ref(), query).await?;
    Ok(Json(DiscussionPage {
        items: items.iter().map(summary).collect(),
        total,
        page,
        page_size: PAGE_SIZE,
    }))
}

/// A discussion with its introduction and guiding questions.
#[derive(Serialize, ToSchema)]
pub struct DiscussionDetail {
    #[serde(flatten)]
    pub summary: DiscussionSummary,
    /// Markdown (raw HTML is shown as text).
    pub introduction: String,
    pub questions: Vec<String>,
    /// `off`, `all`, or `first:N` (a member's first N comments wait for
    /// a moderator).
    #[schema(example = "first:3")]
    pub pre_moderation: String,
    /// When it was published (RFC 3339), or null.
    pub published_at: Option<String>,
    /// The consultation stage it is part of, or null. To anyone but staff
    /// only while that consultation is published (`GET
    /// /api/v1/consultations/{consultation_id}` gives its timeline).
    pub consultation_stage: Option<StageLinkBody>,
}

/// A stage of a consultation's timeline.
#[derive(Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StageLinkBody {
    pub consultation_id: Uuid,
    /// Its place in the consultation's timeline, counted from 0.
    #[schema(example = 2)]
    pub stage: u32,
}

impl From<StageRef> for StageLinkBody {
    fn from(l: StageRef) -> Self {
        StageLinkBody {
            consultation_id: l.consultation_id,
            stage: l.stage,
        }
    }
}

pub(super) fn detail(d: &Discussion) -> DiscussionDetail {
    DiscussionDetail {
        summary: summary(d),
        introduction: d.introduction.clone(),
        questions: d.questions.clone(),
        pre_moderation: d.pre_moderation.code(),
        published_at: d.published_at.map(rfc3339),
        consultation_stage: d.consultation_stage.map(Into::into),
    }
}

/// Get a discussion.
///
/// Drafts and withdrawn ones exist only for staff.
#[utoipa::path(get, path = "/api/v1/discussions/{id}", operation_id = "get_discussion", tag = "discussions",
    params(("id" = Uuid, Path)),
    responses((status = 200, body = DiscussionDetail),
        (status = 404, description = "No such discussion, or not published", body = Problem, content_type = "application/problem+json")))]
pub async fn show(
    State(state): State<SharedState>,
    user: CurrentUser,
    PathId(id): PathId,
) -> Result<Json<DiscussionDetail>, AppError> {
    let d = reading::discussion(&state.db, user.0.as_ref(), id).await?;
    Ok(Json(detail(&d)))
}
