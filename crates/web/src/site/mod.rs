//! The site itself: the home page, "get involved", the information pages
//! (about, accessibility, privacy, cookies), "Is this page useful?" and
//! what the site is, for API clients.

mod feedback;
mod info;
mod pages;

use axum::routing::{get, post};
use axum::Router;
use utoipa::OpenApi;

use crate::kit::{Feature, SharedState};

pub(crate) const FEATURE: Feature = Feature {
    name: "site",
    routes,
    confirmations: &[],
    openapi: SiteApi::openapi,
};

fn routes() -> Router<SharedState> {
    Router::new()
        .route("/", get(pages::home))
        .route("/get-involved", get(pages::get_involved))
        .route("/about", get(pages::about))
        .route("/accessibility", get(pages::accessibility))
        .route("/privacy", get(pages::privacy))
        .route("/cookies", get(pages::cookies))
        .route("/feedback", post(feedback::post_form))
        .route("/api/v1/site", get(info::site_info))
        .route("/api/v1/feedback", post(feedback::post_feedback))
        .route("/api/v1/feedback/{page}", get(feedback::get_feedback))
}

#[derive(OpenApi)]
#[openapi(
    paths(info::site_info, feedback::post_feedback, feedback::get_feedback),
    components(schemas(
        info::SiteInfo,
        info::Language,
        feedback::FeedbackRequest,
        feedback::FeedbackTally
    ))
)]
struct SiteApi;
