//! Opinion voting through the API: the next statement to vote on,
//! submitting a statement, officers' starting statements, voting (the last vote on a statement counts),
//! and the opinion map as the background job last computed it. Thin
//! handlers over the services the pages use.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use cohesion_domain::discussion::statements as rules;
use cohesion_services::discussions::{opinions, statements, voting};
use cohesion_services::ServiceError;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::api::path_param;
use crate::kit::{Acting, ApiJson, AppError, ClientKey, CurrentUser, PathId, Problem, SharedState};

/// One statement to vote on.
#[derive(Serialize, ToSchema)]
pub struct StatementBody {
    pub id: Uuid,
    /// Its number in the discussion, from 0 (its `comment-id` in the
    /// Pol.is export).
    pub number: i64,
    pub text: String,
}

#[derive(Serialize, ToSchema)]
pub struct NextStatement {
    /// Null when the reader has voted on every statement.
    pub statement: Option<StatementBody>,
    /// Statements open for votes, and how many of them the reader voted on.
    pub total: u64,
    pub voted: u64,
}

async fn with_stage(
    state: &SharedState,
    me: Option<&cohesion_services::accounts::SignedIn>,
    id: Uuid,
) -> Result<(), AppError> {
    cohesion_services::discussions::reading::discussion(&state.db, me, id).await?;
    match statements::has_stage(&state.db, id).await? {
        true => Ok(()),
        false => Err(ServiceError::NotFound.into()),
    }
}

/// The next statement to vote on.
///
/// Chosen as Pol.is does: statements with few votes first, then those
/// that separate or unite the opinion groups.
#[utoipa::path(get, path = "/api/v1/discussions/{id}/statements/next", operation_id = "next_discussion_statement", tag = "discussions",
    params(("id" = Uuid, Path)), security(("session" = [])),
    responses((status = 200, body = NextStatement),
        (status = 401, description = "Not signed in (`sign_in_required`)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such discussion, not published, or without a statements stage", body = Problem, content_type = "application/problem+json")))]
pub async fn next(
    State(state): State<SharedState>,
    Acting(me): Acting,
    PathId(id): PathId,
) -> Result<Json<NextStatement>, AppError> {
    with_stage(&state, Some(&me), id).await?;
    let n = voting::next(&state.db, &me, id).await?;
    Ok(Json(NextStatement {
        statement: n.statement.map(|s| StatementBody {
            id: s.id,
            number: s.number,
            text: s.body,
        }),
        total: n.total as u64,
        voted: n.voted as u64,
    }))
}

/// A statement to submit.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatementRequest {
    /// Up to 280 characters, on one line.
    #[serde(default)]
    #[schema(required = true, example = "Street lighting makes me feel safer.")]
    pub text: String,
}

#[derive(Serialize, ToSchema)]
pub struct SubmittedStatement {
    pub id: Uuid,
    /// The text as kept.
    pub text: String,
    /// Waiting for a moderator (pre-moderation or screening): nobody
    /// votes on it until a moderator approves it.
    pub held: bool,
}

/// Submit a statement.
#[utoipa::path(post, path = "/api/v1/discussions/{id}/statements", operation_id = "submit_discussion_statement", tag = "discussions",
    params(("id" = Uuid, Path)), request_body = StatementRequest, security(("session" = [], "csrf" = [])),
    responses((status = 201, body = SubmittedStatement),
        (status = 401, description = "Not signed in (`sign_in_required`)", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`X-CSRF-Token` missing (`csrf_token_invalid`)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such discussion, or without a statements stage", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not open (`discussion_not_open`), or the member is suspended (`account_suspended`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`text` empty (`field_required`) or over 280 characters (`field_too_long`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many in a short time (`rate_limited`)", body = Problem, content_type = "application/problem+json")))]
pub async fn submit(
    State(state): State<SharedState>,
    Acting(me): Acting,
    PathId(id): PathId,
    ApiJson(req): ApiJson<StatementRequest>,
) -> Result<Response, AppError> {
    let s = statements::submit(&state.db, &me, id, &req.text).await?;
    let answer = SubmittedStatement {
        id: s.id,
        text: rules::body("text", &req.text).unwrap_or_default(),
        held: s.held,
    };
    Ok((StatusCode::CREATED, Json(answer)).into_response())
}

/// Add a starting statement (officers).
///
/// Pol.is's seed statements: an officer who runs the discussion adds a
/// statement that is published at once, so that the first voters find
/// statements to vote on. Its text is normalised and limited as a
/// resident's is; residents' statements still wait for a moderator where
/// the discussion's rules say so. Allowed before the discussion opens
/// and while it is open, not once it has closed. Audit-logged
/// (`discussion.statement_seed`).
#[utoipa::path(post, path = "/api/v1/discussions/{id}/statements/seed", operation_id = "seed_discussion_statement", tag = "discussions",
    params(("id" = Uuid, Path)), request_body = StatementRequest, security(("session" = [], "csrf" = [])),
    responses((status = 201, description = "Added and published (`held` is false)", body = SubmittedStatement),
        (status = 401, description = "Not signed in (`sign_in_required`)", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an officer (`forbidden`), or `X-CSRF-Token` missing (`csrf_token_invalid`)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such discussion, or without a statements stage", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Closed (`discussion_not_open`) or imported (`discussion_imported`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`text` empty (`field_required`) or over 280 characters (`field_too_long`)", body = Problem, content_type = "application/problem+json")))]
pub async fn seed(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
    ApiJson(req): ApiJson<StatementRequest>,
) -> Result<Response, AppError> {
    let s = statements::seed(&state.db, &me, id, &req.text, Some(&client.0)).await?;
    let answer = SubmittedStatement {
        id: s.id,
        text: rules::body("text", &req.text).unwrap_or_default(),
        held: s.held,
    };
    Ok((StatusCode::CREATED, Json(answer)).into_response())
}

/// A starting statement as its officers see it.
#[derive(Serialize, ToSchema)]
pub struct SeededStatement {
    pub id: Uuid,
    /// Its number in the discussion, from 0.
    pub number: i64,
    pub text: String,
    /// Where it stands: `published`, `awaiting_moderation`, `hidden` or
    /// `removed_with_account`.
    #[schema(example = "published")]
    pub state: String,
}

#[derive(Serialize, ToSchema)]
pub struct SeededStatements {
    /// By number.
    pub items: Vec<SeededStatement>,
}

/// The starting statements added (officers).
///
/// Every starting statement of the discussion, by number, with where it
/// stands (a moderator may have hidden one since).
#[utoipa::path(get, path = "/api/v1/discussions/{id}/statements/seed", operation_id = "list_seeded_discussion_statements", tag = "discussions",
    params(("id" = Uuid, Path)), security(("session" = [])),
    responses((status = 200, body = SeededStatements),
        (status = 401, description = "Not signed in (`sign_in_required`)", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an officer (`forbidden`)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such discussion", body = Problem, content_type = "application/problem+json")))]
pub async fn seeded(
    State(state): State<SharedState>,
    Acting(me): Acting,
    PathId(id): PathId,
) -> Result<Json<SeededStatements>, AppError> {
    let items = statements::seeded(&state.db, &me, id)
        .await?
        .into_iter()
        .map(|s| SeededStatement {
            id: s.id,
            number: s.number,
            text: s.body,
            state: s.state.code().to_owned(),
        })
        .collect();
    Ok(Json(SeededStatements { items }))
}

/// The `{sid}` in the path: anything that is not an id names nothing.
pub struct StatementId(pub Uuid);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for StatementId {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, AppError> {
        let raw = path_param(parts, "sid").await.unwrap_or_default();
        crate::kit::path_id(&raw).map(StatementId)
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VoteRequest {
    /// `agree`, `disagree` or `pass`.
    #[serde(default)]
    #[schema(required = true, example = "agree")]
    pub vote: String,
}

/// Vote on a statement.
///
/// A later vote on the same statement replaces the earlier one.
#[utoipa::path(post, path = "/api/v1/discussions/{id}/statements/{sid}/votes", operation_id = "vote_on_discussion_statement", tag = "discussions",
    params(("id" = Uuid, Path), ("sid" = Uuid, Path)), request_body = VoteRequest, security(("session" = [], "csrf" = [])),
    responses((status = 204, description = "Recorded"),
        (status = 401, description = "Not signed in (`sign_in_required`)", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`X-CSRF-Token` missing (`csrf_token_invalid`)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such statement in this discussion", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not open (`discussion_not_open`), or the statement is held or hidden (`statement_not_votable`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`vote` is not agree, disagree or pass (`invalid_choice`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many votes in a short time (`rate_limited`)", body = Problem, content_type = "application/problem+json")))]
pub async fn vote(
    State(state): State<SharedState>,
    Acting(me): Acting,
    PathId(id): PathId,
    sid: StatementId,
    ApiJson(req): ApiJson<VoteRequest>,
) -> Result<StatusCode, AppError> {
    voting::vote(&state.db, &me, id, sid.0, &req.vote).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct OpinionsBody {
    /// When the map was last computed (RFC 3339); null before the first
    /// computation.
    pub computed_at: Option<String>,
    /// Groups were found; otherwise there are not enough votes yet.
    pub ready: bool,
    pub voters: u64,
    pub votes: u64,
    pub groups: Vec<GroupBody>,
    /// Where each voter in the conversation stands (no ids).
    pub points: Vec<PointBody>,
    pub consensus: Vec<SharedBody>,
    pub bridging: Vec<SharedBody>,
}

#[derive(Serialize, ToSchema)]
pub struct GroupBody {
    pub id: u64,
    pub size: u64,
    pub centre: Vec<f64>,
    pub representative: Vec<RepresentativeBody>,
}

#[derive(Serialize, ToSchema)]
pub struct RepresentativeBody {
    pub statement_id: Uuid,
    pub text: String,
    /// The group agrees (true) or disagrees with it, distinctively.
    pub agree: bool,
    /// Each group's share agreeing, by group id; null where nobody in
    /// that group voted on it.
    pub agreement: Vec<Option<f64>>,
}

#[derive(Serialize, ToSchema)]
pub struct PointBody {
    pub x: f64,
    pub y: f64,
    pub group: Option<u64>,
}

#[derive(Serialize, ToSchema)]
pub struct SharedBody {
    pub statement_id: Uuid,
    pub text: String,
    pub agree: bool,
    pub share: f64,
}

/// The opinion map.
///
/// As the background job last computed it: groups, where voters stand,
/// each group's representative statements, consensus and bridging
/// statements.
#[utoipa::path(get, path = "/api/v1/discussions/{id}/opinions", operation_id = "discussion_opinions", tag = "discussions",
    params(("id" = Uuid, Path)),
    responses((status = 200, body = OpinionsBody),
        (status = 404, description = "No such discussion, not published, or without a statements stage", body = Problem, content_type = "application/problem+json")))]
pub async fn opinions_map(
    State(state): State<SharedState>,
    user: CurrentUser,
    PathId(id): PathId,
) -> Result<Json<OpinionsBody>, AppError> {
    let me = user.0.as_ref();
    with_stage(&state, me, id).await?;
    let r = opinions::results(&state.db, me, id).await?;
    let text = |s: Uuid| r.statement(s).map(|s| s.body.clone());
    let map = r.map.clone().unwrap_or_default();
    let shared = |list: &[opinions::Shared]| -> Vec<SharedBody> {
        list.iter()
            .filter_map(|c| {
                Some(SharedBody {
                    statement_id: c.statement,
                    text: text(c.statement)?,
                    agree: c.agree,
                    share: c.share,
                })
            })
            .collect()
    };
    Ok(Json(OpinionsBody {
        computed_at: r.computed_at.map(|t| t.to_rfc3339()),
        ready: map.ready,
        voters: map.voters as u64,
        votes: map.votes as u64,
        groups: map
            .groups
            .iter()
            .map(|g| GroupBody {
                id: g.id as u64,
                size: g.size as u64,
                centre: g.centre.to_vec(),
                representative: g
                    .representative
                    .iter()
                    .filter_map(|rep| {
                        Some(RepresentativeBody {
                            statement_id: rep.statement,
                            text: text(rep.statement)?,
                            agree: rep.agree,
                            agreement: rep.agreement.clone(),
                        })
                    })
                    .collect(),
            })
            .collect(),
        points: map
            .points
            .iter()
            .map(|p| PointBody {
                x: p.x,
                y: p.y,
                group: p.group.map(|g| g as u64),
            })
            .collect(),
        consensus: shared(&map.consensus),
        bridging: shared(&map.bridging),
    }))
}

crate::kit::api::api_bodies!(StatementRequest, VoteRequest);
