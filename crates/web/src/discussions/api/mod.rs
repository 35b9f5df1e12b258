//! The discussions' part of the JSON API: reading them, officers writing,
//! publishing and withdrawing them, and their comments (read as the
//! page shows them, posted, edited, deleted, agreed with, reported) and
//! searching comments. Thin handlers over the services the pages use.

mod comments;
mod read;
mod search;
mod write;

use axum::routing::{get, patch, post};
use axum::Router;
use utoipa::OpenApi;

use crate::kit::SharedState;

pub(super) fn routes() -> Router<SharedState> {
    let comment = "/api/v1/discussions/{id}/comments/{cid}";
    Router::new()
        .route("/api/v1/discussions", get(read::list).post(write::create))
        .route("/api/v1/discussions/search", get(search::search))
        .route(
            "/api/v1/discussions/{id}",
            get(read::show).put(write::update),
        )
        .route("/api/v1/discussions/{id}/publish", post(write::publish))
        .route("/api/v1/discussions/{id}/withdraw", post(write::withdraw))
        .route(
            "/api/v1/discussions/{id}/comments",
            get(comments::list).post(comments::post),
        )
        .route(comment, patch(comments::edit).delete(comments::delete))
        .route(
            &format!("{comment}/agree"),
            post(comments::agree).delete(comments::disagree),
        )
        .route(&format!("{comment}/reports"), post(comments::report))
}

pub(super) fn openapi() -> utoipa::openapi::OpenApi {
    DiscussionsApi::openapi()
}

#[derive(OpenApi)]
#[openapi(
    paths(read::list, read::show, write::create, write::update, write::publish, write::withdraw,
        comments::list, comments::post, comments::edit, comments::delete, comments::agree,
        comments::disagree, comments::report, search::search),
    components(schemas(read::DiscussionSummary, read::DiscussionPage, read::DiscussionDetail,
        write::DiscussionRequest, write::DiscussionCreated, comments::CommentBody, comments::ThreadBody,
        comments::CommentsPage, comments::CommentRequest, comments::PostedComment, comments::CommentEditRequest,
        comments::ReportRequest, comments::CommentReported, search::FoundComment,
        search::SearchResults)),
    tags((name = "discussions", description = "Discussions and their threaded comments."))
)]
struct DiscussionsApi;
