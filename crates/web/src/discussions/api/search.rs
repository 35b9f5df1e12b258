//! Searching comments through the API: the same search as the page, only
//! what everyone may read, newest first, a keyset page at a time.

use axum::extract::{Query, State};
use axum::Json;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::discussions::searching;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::discussions::public::search::{after_of, after_token};
use crate::kit::{AppError, Problem, SharedState};

/// How much of a comment a result carries around the words.
const SNIPPET_CHARS: usize = 200;

/// A comment that holds the words.
#[derive(Serialize, ToSchema)]
pub struct FoundComment {
    pub comment_id: Uuid,
    pub discussion_id: Uuid,
    /// The top-level comment of its thread: the thread's page is
    /// `/discussions/{discussion_id}/comments/{thread_id}`.
    pub thread_id: Uuid,
    pub discussion_title: String,
    /// The language the discussion is written in (`en`, `ar`).
    #[schema(example = "ar")]
    pub discussion_language: String,
    /// Null once its author's account was erased.
    pub author_name: Option<String>,
    /// A passage of the text around the words, "…" where it was cut.
    pub snippet: String,
    /// RFC 3339, UTC.
    pub created_at: String,
}

#[derive(Serialize, ToSchema)]
pub struct SearchResults {
    pub items: Vec<FoundComment>,
    /// Pass as `after` for the next page; null on the last.
    pub next: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct SearchParams {
    #[serde(default)]
    q: String,
    #[serde(default)]
    after: String,
}

/// Search comments.
///
/// Published comments of published discussions whose text holds `q`
/// (Arabic letter forms and marks folded, case ignored), newest first.
/// Held, hidden, deleted and removed comments are never found.
#[utoipa::path(get, path = "/api/v1/discussions/search", operation_id = "search_discussion_comments", tag = "discussions",
    params(("q" = String, Query, description = "The words, at least 2 characters"),
           ("after" = Option<String>, Query, description = "The `next` of the page before")),
    responses((status = 200, body = SearchResults),
        (status = 422, description = "`q` missing or too short (`field_required`), too long (`query_too_long`), or an `after` no page gave (`invalid_token`)", body = Problem, content_type = "application/problem+json")))]
pub async fn search(
    State(state): State<SharedState>,
    Query(p): Query<SearchParams>,
) -> Result<Json<SearchResults>, AppError> {
    let after = after_of(p.after.trim())
        .map_err(|_| ValidationError::new("after", ErrorCode::InvalidToken))?;
    let (found, next) = searching::comments(&state.db, &p.q, after).await?;
    let q = searching::query(&p.q)?;
    Ok(Json(SearchResults {
        items: found
            .into_iter()
            .map(|f| FoundComment {
                comment_id: f.comment.id,
                discussion_id: f.comment.discussion_id,
                thread_id: f.comment.root_id,
                discussion_title: f.discussion_title,
                discussion_language: f.discussion_language,
                author_name: f.comment.author_name,
                snippet: searching::snippet(&f.comment.body, &q, SNIPPET_CHARS),
                created_at: cohesion_domain::timestamp::Timestamp::from(f.comment.created_at)
                    .to_rfc3339(),
            })
            .collect(),
        next: next.map(after_token),
    }))
}
