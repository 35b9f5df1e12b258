//! Moderators deciding several waiting comments at once through the API:
//! the queue's bulk form as JSON. The same service decides (ADR 37):
//! each comment its own decision record and audit entry, all in one
//! transaction, and what cannot be decided is skipped and counted.

use axum::extract::State;
use axum::Json;
use cohesion_services::discussions::bulk::{self, BulkOutcome};
use cohesion_services::discussions::moderating::Refusal;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::{Acting, ApiJson, AppError, ClientKey, Problem, SharedState};

/// Comments to approve, or to hide for one public reason.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BulkRequest {
    /// The comments' ids, from 1 to 30; an id given twice counts once.
    #[serde(default)]
    #[schema(required = true)]
    pub items: Vec<Uuid>,
    /// `approve` or `hide`; the other decisions need a look at each
    /// comment and are taken one at a time.
    #[serde(default)]
    #[schema(required = true, example = "hide")]
    pub action: String,
    /// With `hide`: the public reason, a report reason's code
    /// (`threats`, `extremist`, `hate`, `harassment`,
    /// `personal_information`, `spam`, `off_topic`, `other`).
    #[serde(default)]
    #[schema(example = "spam")]
    pub reason: String,
    /// For the moderators' record, up to 2,000 characters; kept with
    /// each decision, never shown to the authors.
    #[serde(default)]
    pub note: String,
}

/// Comments skipped, by why.
#[derive(Serialize, ToSchema)]
pub struct SkippedBody {
    /// The moderator's own comments: nobody decides on their own.
    pub own_comment: usize,
    /// Escalated comments, for a senior moderator to decide.
    pub escalated: usize,
    /// Comments whose author's appeal waits: decided as an appeal, one
    /// at a time, by a moderator who took none of its decisions.
    pub appealed: usize,
    /// No longer waiting: decided meanwhile, or never in the queue.
    pub already_decided: usize,
    /// The decision does not apply to the comment as it stands (deleted
    /// by its author, say).
    pub not_applicable: usize,
    /// No such comment.
    pub not_found: usize,
}

/// One comment skipped, and why.
#[derive(Serialize, ToSchema)]
pub struct SkippedItem {
    pub id: Uuid,
    /// `own_comment`, `escalated`, `appealed`, `not_applicable`,
    /// `already_decided` or `not_found`.
    #[schema(example = "own_comment")]
    pub reason: &'static str,
}

/// What a bulk decision did.
#[derive(Serialize, ToSchema)]
pub struct BulkDecided {
    /// `approve` or `hide`.
    pub action: String,
    /// How many comments were decided.
    pub decided: usize,
    /// How many were skipped in all.
    pub skipped_total: usize,
    pub skipped: SkippedBody,
    /// Each comment skipped, with why.
    pub skipped_items: Vec<SkippedItem>,
}

fn decided(action: &str, o: &BulkOutcome) -> BulkDecided {
    let n = |r: Refusal| o.skipped.get(&r).copied().unwrap_or(0);
    BulkDecided {
        action: action.to_owned(),
        decided: o.decided,
        skipped_total: o.skipped_total(),
        skipped: SkippedBody {
            own_comment: n(Refusal::OwnComment),
            escalated: n(Refusal::Escalated),
            appealed: n(Refusal::Appealed),
            already_decided: n(Refusal::AlreadyDecided),
            not_applicable: n(Refusal::NotApplicable),
            not_found: n(Refusal::NotFound),
        },
        skipped_items: o
            .refused
            .iter()
            .map(|(id, why)| SkippedItem {
                id: *id,
                reason: why.code(),
            })
            .collect(),
    }
}

/// Decide several waiting comments at once.
///
/// Moderators only. Approves the comments given, or hides them for one
/// public reason, in one transaction: each gets its own decision and
/// audit entry, and its author is told, as if decided one by one. What
/// cannot be decided is skipped and counted, never refused: sending the
/// same request again decides nothing twice.
#[utoipa::path(post, path = "/api/v1/moderation/bulk", operation_id = "decide_comments_in_bulk", tag = "discussions",
    request_body = BulkRequest, security(("session" = [], "csrf" = [])),
    responses((status = 200, body = BulkDecided),
        (status = 401, description = "Not signed in (`sign_in_required`)", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a moderator (`forbidden`), or `X-CSRF-Token` missing (`csrf_token_invalid`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`items` empty (`field_required`) or more than 30 (`out_of_range`), \
            `action` neither `approve` nor `hide` (`invalid_choice`), `reason` not a report reason with `hide` \
            (`invalid_choice`), `note` too long (`field_too_long`); or `bad_request` for a body not of the \
            schema's shape (an id that is not a UUID, an unknown member). Nothing is decided.",
            body = Problem, content_type = "application/problem+json")))]
pub async fn decide(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    ApiJson(req): ApiJson<BulkRequest>,
) -> Result<Json<BulkDecided>, AppError> {
    let decision = bulk::bulk_decision_for(&me, &req.action, &req.reason)?;
    let outcome = bulk::decide_many(
        &state.db,
        &me,
        &req.items,
        &decision,
        &req.note,
        Some(&client.0),
    )
    .await?;
    Ok(Json(decided(decision.code(), &outcome)))
}

crate::kit::api::api_bodies!(BulkRequest);
