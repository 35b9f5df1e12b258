//! The discussions' part of the JSON API: reading them, officers writing,
//! publishing and withdrawing them, their comments (read as the page
//! shows them, posted, edited, deleted, agreed with, reported), opinion
//! voting on statements with the opinion map, and their moderation
//! figures by month (`transparency`), searching comments
//! (`search`), officers' translations of its texts (`translations`),
//! and moderators deciding several comments at once (`moderation`).
//! Thin handlers over the services the pages use.

mod comments;
mod moderation;
mod read;
mod search;
mod statements;
mod translations;
mod transparency;
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
        .route("/api/v1/moderation/bulk", post(moderation::decide))
        .route(
            "/api/v1/discussions/{id}",
            get(read::show).put(write::update),
        )
        .route("/api/v1/discussions/transparency", get(transparency::site))
        .route(
            "/api/v1/discussions/{id}/transparency",
            get(transparency::discussion),
        )
        .route("/api/v1/discussions/{id}/publish", post(write::publish))
        .route("/api/v1/discussions/{id}/withdraw", post(write::withdraw))
        .route("/api/v1/discussions/{id}/close", post(write::close))
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
        .route(
            "/api/v1/discussions/{id}/statements",
            post(statements::submit),
        )
        .route(
            "/api/v1/discussions/{id}/statements/seed",
            get(statements::seeded).post(statements::seed),
        )
        .route(
            "/api/v1/discussions/{id}/statements/next",
            get(statements::next),
        )
        .route(
            "/api/v1/discussions/{id}/statements/{sid}/votes",
            post(statements::vote),
        )
        .route(
            "/api/v1/discussions/{id}/opinions",
            get(statements::opinions_map),
        )
        .route(
            "/api/v1/discussions/{id}/translations/{lang}",
            get(translations::show).put(translations::replace),
        )
}

pub(super) fn openapi() -> utoipa::openapi::OpenApi {
    DiscussionsApi::openapi()
}

#[derive(OpenApi)]
#[openapi(
    paths(read::list, read::show, write::create, write::update, write::publish, write::withdraw, write::close,
        comments::list, comments::post, comments::edit, comments::delete, comments::agree,
        comments::disagree, comments::report, statements::next, statements::submit, statements::seed, statements::seeded,
        statements::vote, statements::opinions_map, transparency::site, transparency::discussion,
        search::search, moderation::decide, translations::show, translations::replace),
    components(schemas(read::DiscussionSummary, read::DiscussionPage, read::DiscussionDetail,
        write::DiscussionRequest, write::DiscussionCreated, read::StageLinkBody,
        crate::kit::translations_api::TranslationBody, crate::kit::translations_api::TranslatedText,
        crate::kit::translations_api::TranslationRequest, comments::CommentBody, comments::ThreadBody,
        comments::CommentsPage, comments::CommentRequest, comments::PostedComment, comments::CommentEditRequest,
        comments::ReportRequest, comments::CommentReported, statements::StatementBody,
        statements::NextStatement, statements::StatementRequest, statements::SubmittedStatement,
        statements::VoteRequest, statements::OpinionsBody, statements::GroupBody,
        statements::RepresentativeBody, statements::SeededStatement, statements::SeededStatements, statements::PointBody, statements::SharedBody,
        transparency::TransparencyBody, transparency::MonthFiguresBody, transparency::HiddenForReason, search::FoundComment, search::SearchResults,
        moderation::BulkRequest, moderation::BulkDecided, moderation::SkippedBody,
        moderation::SkippedItem)),
    tags((name = "discussions", description = "Discussions and their threaded comments."))
)]
struct DiscussionsApi;
