//! Discussions (issue 18): the list and each discussion's page with its
//! threads, commenting, replying, agreeing and reporting (`public`);
//! officers writing and publishing discussions (`staff`); moderators'
//! queue, decisions and word lists (`moderation`); and the JSON API
//! (`api`).

mod api;
mod moderation;
mod public;
mod staff;

use axum::Router;

use cohesion_domain::identity::Action;
use cohesion_ui::NavLink;

use crate::kit::{Feature, NavEntry, SharedState};

pub(crate) const FEATURE: Feature = Feature {
    name: "discussions",
    routes,
    confirmations: &[
        "discussion-created",
        "discussion-saved",
        "discussion-published",
        "discussion-unpublished",
        "comment-posted",
        "comment-held",
        "comment-edited",
        "comment-deleted",
        "comment-agreed",
        "agreement-withdrawn",
        "moderation-decided",
        "moderation-bulk",
        "moderation-word-added",
        "moderation-word-removed",
        "appeal-sent",
    ],
    openapi: api::openapi,
    nav: &[
        NavEntry {
            link: NavLink {
                key: "discussions",
                href: "/discussions",
                label: "nav-discussions",
            },
            rank: 15,
            staff_only: false,
            for_action: None,
        },
        NavEntry {
            link: NavLink {
                key: "moderation",
                href: "/moderation",
                label: "nav-moderation",
            },
            rank: 85,
            staff_only: true,
            for_action: Some(Action::Moderate),
        },
    ],
    home: Some(public::listings::home),
    get_involved: Some(public::listings::get_involved),
    staff_panel: Some(staff::panel::PANEL),
    public_changes: Some(changes_public),
};

/// Officers' pages and the API's changes to discussions, every new
/// comment and every moderator's decision (lists show how many comments
/// each discussion has).
fn changes_public(path: &str) -> bool {
    path.starts_with("/staff/discussions")
        || path.starts_with("/api/v1/discussions")
        || path.starts_with("/discussions/")
        || path.starts_with("/moderation/comments/")
        || path == "/moderation/bulk"
}

fn routes() -> Router<SharedState> {
    Router::new()
        .merge(public::routes())
        .merge(staff::routes())
        .merge(moderation::routes())
        .merge(api::routes())
}
