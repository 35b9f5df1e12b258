//! Discussions (issue 18): the list and each discussion's page with its
//! threads, commenting, replying, agreeing and reporting (`public`);
//! officers writing and publishing discussions (`staff`); moderators'
//! queue, decisions and word lists (`moderation`); a person's
//! notifications, their choices and following (`notifications`); and
//! the JSON API (`api`).

mod api;
mod moderation;
mod notifications;
mod public;
mod staff;

pub use notifications::{round as notification_round, upkeep as notification_upkeep};

use axum::Router;

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
        "moderation-word-added",
        "moderation-word-removed",
        "appeal-sent",
        "discussion-followed",
        "discussion-unfollowed",
        "notifications-read",
        "notification-read",
        "notification-settings-saved",
    ],
    openapi: api::openapi,
    nav: &[NavEntry {
        link: NavLink {
            key: "discussions",
            href: "/discussions",
            label: "nav-discussions",
        },
        rank: 15,
        staff_only: false,
    }],
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
}

fn routes() -> Router<SharedState> {
    Router::new()
        .merge(public::routes())
        .merge(staff::routes())
        .merge(moderation::routes())
        .merge(notifications::routes())
        .merge(api::routes())
}
