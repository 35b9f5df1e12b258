//! A discussion's comments through the API: its threads as the page
//! shows them to this reader (held comments only to their author and
//! moderators, notices where a removed comment's replies need them),
//! posting and replying, editing and deleting one's own, agreeing and
//! reporting.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use cohesion_domain::discussion::comment::{self, Shown};
use cohesion_domain::timestamp::Timestamp;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::discussions::reading::{self, CommentView, Thread};
use cohesion_services::discussions::{addressing, commenting, reactions, Cursor, Order};
use cohesion_services::ServiceError;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::api::path_param;
use crate::kit::error::InputProblem;
use crate::kit::{Acting, ApiJson, AppError, CurrentUser, PathId, Problem, SharedState};

/// One comment as its reader may see it.
#[derive(Serialize, ToSchema)]
pub struct CommentBody {
    pub id: Uuid,
    /// The comment it replies to; null for a top-level comment.
    pub parent_id: Option<Uuid>,
    /// How far the page indents it: 0 for a top-level comment, at most 3.
    pub level: u32,
    /// For a reply deeper than the page shows: the name of whom it
    /// answers (null when that author is not named).
    pub in_reply_to: Option<String>,
    /// Null where a notice stands in its place, or once its author's
    /// account was erased.
    pub author_name: Option<String>,
    /// `community_member`, `official`, `moderator` or `elected`; null for
    /// a notice.
    pub badge: Option<String>,
    /// Null where a notice stands in its place.
    pub text: Option<String>,
    /// `published`; `awaiting_moderation` (shown only to its author and
    /// moderators); `hidden` (with `hidden_reason`): a notice, but its
    /// text for its author (and moderators); for a notice also
    /// `deleted_by_author` or `removed_with_account`.
    #[schema(example = "published")]
    pub state: String,
    pub hidden_reason: Option<String>,
    /// Waiting for a moderator: only its author (and moderators) see it.
    pub held: bool,
    pub created_at: String,
    pub edited_at: Option<String>,
    pub agree_count: i64,
    /// The reader wrote it.
    pub mine: bool,
    /// The reader agrees with it.
    pub agreed: bool,
    /// The reader may still edit it (its author, within 15 minutes).
    pub editable: bool,
}

fn rfc3339(at: time::OffsetDateTime) -> String {
    Timestamp::from(at).to_rfc3339()
}

fn body(v: CommentView) -> CommentBody {
    let c = v.comment;
    let (text, held, notice) = match v.shown {
        Shown::Text {
            awaiting_moderation,
        } => (Some(c.body), awaiting_moderation, false),
        Shown::Notice(_) | Shown::Nothing => (None, false, true),
    };
    CommentBody {
        id: c.id,
        parent_id: c.parent_id,
        level: v.level as u32,
        in_reply_to: v.in_reply_to.flatten(),
        author_name: c.author_name.filter(|_| !notice),
        badge: (!notice).then(|| c.badge.code().to_owned()),
        text,
        state: c.state.code().to_owned(),
        hidden_reason: c.hidden_reason,
        held,
        created_at: rfc3339(c.created_at),
        edited_at: c.edited_at.map(rfc3339),
        agree_count: c.agree_count,
        mine: v.mine,
        agreed: v.agreed,
        editable: v.editable,
    }
}

/// A top-level comment and the replies shown under it.
#[derive(Serialize, ToSchema)]
pub struct ThreadBody {
    pub comment: CommentBody,
    /// In thread order (depth first, as posted), each with its `level`.
    pub replies: Vec<CommentBody>,
    /// Replies in the thread not given here.
    pub more_replies: i64,
}

fn thread(t: Thread) -> ThreadBody {
    ThreadBody {
        comment: body(t.top),
        replies: t.replies.into_iter().map(body).collect(),
        more_replies: t.more_replies,
    }
}

#[derive(Serialize, ToSchema)]
pub struct CommentsPage {
    pub threads: Vec<ThreadBody>,
    /// Pass as `after` (with the same `order`) for the next page; null on
    /// the last.
    pub next: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct CommentsParams {
    #[serde(default)]
    order: String,
    #[serde(default)]
    after: String,
}

fn order_of(raw: &str) -> Result<Order, AppError> {
    match raw.trim() {
        "" | "newest" => Ok(Order::Newest),
        "oldest" => Ok(Order::Oldest),
        "most_agreed" => Ok(Order::MostAgreed),
        _ => Err(ValidationError::new("order", ErrorCode::InvalidChoice).into()),
    }
}

/// A discussion's comments.
///
/// A page of threads (20 top-level comments, each with its first 10
/// replies), as this reader may see them.
#[utoipa::path(get, path = "/api/v1/discussions/{id}/comments", operation_id = "list_discussion_comments", tag = "discussions",
    params(("id" = Uuid, Path),
        ("order" = Option<String>, Query, description = "`newest` (the default), `oldest` or `most_agreed`"),
        ("after" = Option<String>, Query, description = "The `next` of the page before")),
    responses((status = 200, body = CommentsPage),
        (status = 404, description = "No such discussion, or not published", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An unknown `order` (`invalid_choice`) or an `after` no page gave (`invalid_token`)", body = Problem, content_type = "application/problem+json")))]
pub async fn list(
    State(state): State<SharedState>,
    user: CurrentUser,
    PathId(id): PathId,
    Query(p): Query<CommentsParams>,
) -> Result<Json<CommentsPage>, AppError> {
    let order = order_of(&p.order)?;
    let cursor = match p.after.trim() {
        "" => None,
        token => Some(
            Cursor::from_token(token)
                .ok_or(ValidationError::new("after", ErrorCode::InvalidToken))?,
        ),
    };
    let me = user.0.as_ref();
    let d = reading::discussion(&state.db, me, id).await?;
    let page = reading::page(&state.db, me, &d, order, cursor).await?;
    Ok(Json(CommentsPage {
        threads: page.threads.into_iter().map(thread).collect(),
        next: page.next.map(|c| c.token()),
    }))
}

/// A comment or a reply, to post.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CommentRequest {
    /// Up to 10,000 characters; paragraphs are kept, blank runs cut.
    #[serde(default)]
    #[schema(
        required = true,
        example = "The lighting on the high street makes a difference."
    )]
    pub text: String,
    /// The comment this replies to: a published comment of this
    /// discussion.
    #[serde(default)]
    pub parent_id: Option<Uuid>,
    /// A one-time key for this comment, as the page's form carries (ADR
    /// 40): 32 to 128 hexadecimal digits, new and random for each comment.
    /// A request sent again with the same key within a day (after a
    /// timeout, say) makes no second comment: the answer is the comment
    /// the first made, with status 200 instead of 201. Without it every
    /// request makes a comment.
    #[serde(default)]
    #[schema(example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    pub form_key: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct PostedComment {
    pub id: Uuid,
    pub parent_id: Option<Uuid>,
    /// The text as kept.
    pub text: String,
    /// Waiting for a moderator (the discussion's pre-moderation): only
    /// its author sees it until then.
    pub held: bool,
}

/// Post a comment or a reply.
#[utoipa::path(post, path = "/api/v1/discussions/{id}/comments", operation_id = "post_discussion_comment", tag = "discussions",
    params(("id" = Uuid, Path)), request_body = CommentRequest, security(("session" = [], "csrf" = [])),
    responses((status = 201, body = PostedComment),
        (status = 200, description = "Sent before with this `form_key`: the comment that request made, nothing new", body = PostedComment),
        (status = 401, description = "Not signed in (`sign_in_required`)", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`X-CSRF-Token` missing (`csrf_token_invalid`)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such discussion or parent, or not published", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not open for comments (`discussion_not_open`), the parent is in another discussion or not published (`reply_not_allowed`), or the member is suspended from commenting (`account_suspended`, its `detail` naming when the suspension ends)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`text` empty (`field_required`) or too long (`field_too_long`), or `form_key` not 32 to 128 hexadecimal digits (`invalid_type`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many comments in a short time (`rate_limited`)", body = Problem, content_type = "application/problem+json")))]
pub async fn post(
    State(state): State<SharedState>,
    Acting(me): Acting,
    PathId(id): PathId,
    ApiJson(req): ApiJson<CommentRequest>,
) -> Result<Response, AppError> {
    // The form ignores a key it cannot use; a client that sent one means
    // to be protected by it, so a key of the wrong shape is refused.
    let key = match req.form_key.as_deref() {
        None => "",
        Some(raw) => comment::submission_key(raw)
            .ok_or(ValidationError::new("form_key", ErrorCode::InvalidType))?,
    };
    let posted =
        match commenting::post_keyed(&state.db, &me, id, req.parent_id, &req.text, key).await {
            Ok(posted) => posted,
            // A suspension says until when (RFC 3339), so that a client
            // can tell its member.
            Err(ServiceError::Conflict(v)) if v.code == ErrorCode::AccountSuspended => {
                let until = commenting::suspended_until(&state.db, &me).await?;
                let mut problem = InputProblem::new("text", ErrorCode::AccountSuspended);
                if let Some(until) = until {
                    problem = problem
                        .with("until", rfc3339(until))
                        .worded("api-account_suspended-until");
                }
                let mut e = AppError::problems(vec![problem]);
                e.status = StatusCode::CONFLICT;
                return Err(e);
            }
            Err(e) => return Err(e.into()),
        };
    let answer = PostedComment {
        id: posted.comment.id,
        parent_id: posted.parent_id,
        text: posted.text,
        held: posted.comment.held,
    };
    let status = match posted.again {
        true => StatusCode::OK,
        false => StatusCode::CREATED,
    };
    Ok((status, Json(answer)).into_response())
}

/// The `{cid}` in the path, in the discussion `{id}` that `me` may see.
async fn addressed(
    state: &SharedState,
    me: &cohesion_services::accounts::SignedIn,
    id: Uuid,
    parts: CommentId,
) -> Result<Uuid, AppError> {
    addressing::comment_in(&state.db, Some(me), id, parts.0).await?;
    Ok(parts.0)
}

/// The `{cid}` in the path: anything that is not an id names nothing.
pub struct CommentId(pub Uuid);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for CommentId {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, AppError> {
        let raw = path_param(parts, "cid").await.unwrap_or_default();
        crate::kit::path_id(&raw).map(CommentId)
    }
}

/// A comment's new text.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CommentEditRequest {
    #[serde(default)]
    #[schema(required = true)]
    pub text: String,
}

/// Edit one's own comment.
///
/// Within 15 minutes of posting, while the discussion is open; it then
/// says it was edited, and moderators keep the earlier text.
#[utoipa::path(patch, path = "/api/v1/discussions/{id}/comments/{cid}", operation_id = "edit_discussion_comment", tag = "discussions",
    params(("id" = Uuid, Path), ("cid" = Uuid, Path)), request_body = CommentEditRequest, security(("session" = [], "csrf" = [])),
    responses((status = 204, description = "Saved"),
        (status = 404, description = "No such comment of yours in this discussion", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`edit_window_passed`, `already_removed` or `discussion_not_open`", body = Problem, content_type = "application/problem+json")))]
pub async fn edit(
    State(state): State<SharedState>,
    Acting(me): Acting,
    PathId(id): PathId,
    cid: CommentId,
    ApiJson(req): ApiJson<CommentEditRequest>,
) -> Result<StatusCode, AppError> {
    let cid = addressed(&state, &me, id, cid).await?;
    commenting::edit(&state.db, &me, cid, &req.text).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Delete one's own comment.
///
/// Its text leaves the page; a notice keeps its place for its replies.
#[utoipa::path(delete, path = "/api/v1/discussions/{id}/comments/{cid}", operation_id = "delete_discussion_comment", tag = "discussions",
    params(("id" = Uuid, Path), ("cid" = Uuid, Path)), security(("session" = [], "csrf" = [])),
    responses((status = 204, description = "Deleted"),
        (status = 404, description = "No such comment of yours in this discussion", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Removed already (`already_removed`)", body = Problem, content_type = "application/problem+json")))]
pub async fn delete(
    State(state): State<SharedState>,
    Acting(me): Acting,
    PathId(id): PathId,
    cid: CommentId,
) -> Result<StatusCode, AppError> {
    let cid = addressed(&state, &me, id, cid).await?;
    commenting::delete(&state.db, &me, cid).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn agreement(
    state: &SharedState,
    me: &cohesion_services::accounts::SignedIn,
    id: Uuid,
    cid: CommentId,
    agree: bool,
) -> Result<StatusCode, AppError> {
    let cid = addressed(state, me, id, cid).await?;
    reactions::agree(&state.db, me, cid, agree).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Agree with someone else's comment.
///
/// Agreeing twice changes nothing.
#[utoipa::path(post, path = "/api/v1/discussions/{id}/comments/{cid}/agree", operation_id = "agree_with_comment", tag = "discussions",
    params(("id" = Uuid, Path), ("cid" = Uuid, Path)), security(("session" = [], "csrf" = [])),
    responses((status = 204, description = "Agreed"),
        (status = 404, description = "No such published comment in this discussion", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Your own comment (`cannot_target_self`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "`rate_limited`", body = Problem, content_type = "application/problem+json")))]
pub async fn agree(
    State(state): State<SharedState>,
    Acting(me): Acting,
    PathId(id): PathId,
    cid: CommentId,
) -> Result<StatusCode, AppError> {
    agreement(&state, &me, id, cid, true).await
}

/// Withdraw an agreement.
#[utoipa::path(delete, path = "/api/v1/discussions/{id}/comments/{cid}/agree", operation_id = "withdraw_agreement", tag = "discussions",
    params(("id" = Uuid, Path), ("cid" = Uuid, Path)), security(("session" = [], "csrf" = [])),
    responses((status = 204, description = "Withdrawn (or there was none)"),
        (status = 404, description = "No such published comment in this discussion", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Your own comment (`cannot_target_self`)", body = Problem, content_type = "application/problem+json")))]
pub async fn disagree(
    State(state): State<SharedState>,
    Acting(me): Acting,
    PathId(id): PathId,
    cid: CommentId,
) -> Result<StatusCode, AppError> {
    agreement(&state, &me, id, cid, false).await
}

/// Why a comment is reported.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportRequest {
    /// `threats`, `extremist`, `hate`, `harassment`,
    /// `personal_information`, `spam`, `off_topic` or `other`.
    #[serde(default)]
    #[schema(required = true, example = "harassment")]
    pub reason: String,
    /// Up to 1,000 characters for the moderators; never shown to the
    /// comment's author.
    #[serde(default)]
    pub note: String,
}

#[derive(Serialize, ToSchema)]
pub struct CommentReported {
    pub reason: String,
}

/// Report someone else's comment to the moderators.
///
/// Once per comment; a report never hides a comment by itself.
#[utoipa::path(post, path = "/api/v1/discussions/{id}/comments/{cid}/reports", operation_id = "report_comment", tag = "discussions",
    params(("id" = Uuid, Path), ("cid" = Uuid, Path)), request_body = ReportRequest, security(("session" = [], "csrf" = [])),
    responses((status = 201, body = CommentReported),
        (status = 404, description = "No such published comment in this discussion", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "CommentReported already (`already_reported`), or your own comment (`cannot_target_self`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An unknown `reason` (`invalid_choice`) or a `note` too long (`field_too_long`)", body = Problem, content_type = "application/problem+json")))]
pub async fn report(
    State(state): State<SharedState>,
    Acting(me): Acting,
    PathId(id): PathId,
    cid: CommentId,
    ApiJson(req): ApiJson<ReportRequest>,
) -> Result<Response, AppError> {
    let cid = addressed(&state, &me, id, cid).await?;
    reactions::report(&state.db, &me, cid, &req.reason, &req.note).await?;
    let answer = CommentReported {
        reason: req.reason.trim().to_owned(),
    };
    Ok((StatusCode::CREATED, Json(answer)).into_response())
}

crate::kit::api::api_bodies!(CommentRequest, CommentEditRequest, ReportRequest);
