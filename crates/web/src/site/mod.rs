//! The site itself: the home page, "get involved", the information pages
//! (about, accessibility, privacy, cookies), "Is this page useful?",
//! what the site is, for API clients, and the staff's dashboard, made
//! of the features' panels.

mod feedback;
mod info;
mod manage;
mod pages;

use axum::routing::{get, post};
use axum::Router;
use utoipa::OpenApi;

use cohesion_ui::NavLink;

use crate::kit::{Feature, NavEntry, SharedState};

pub(crate) const FEATURE: Feature = Feature {
    name: "site",
    routes,
    confirmations: &[],
    openapi: SiteApi::openapi,
    nav: &[
        entry("home", "/", "nav-home", 0, false),
        entry(
            "get-involved",
            "/get-involved",
            "nav-get-involved",
            20,
            false,
        ),
        entry("about", "/about", "nav-about", 80, false),
        entry("manage", "/manage", "nav-manage", 90, true),
    ],
    home: None,
    get_involved: None,
    staff_panel: None,
    public_changes: None,
};

const fn entry(
    key: &'static str,
    href: &'static str,
    label: &'static str,
    rank: u8,
    staff_only: bool,
) -> NavEntry {
    NavEntry {
        link: NavLink { key, href, label },
        rank,
        staff_only,
        for_action: None,
    }
}

fn routes() -> Router<SharedState> {
    Router::new()
        .route("/", get(pages::home))
        .route("/get-involved", get(pages::get_involved))
        .route("/about", get(pages::about))
        .route("/accessibility", get(pages::accessibility))
        .route("/privacy", get(pages::privacy))
        .route("/cookies", get(pages::cookies))
        .route("/manage", get(manage::dashboard))
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
