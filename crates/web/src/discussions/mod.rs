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
        "discussion-closed",
        "comment-posted",
        "comment-held",
        "reply-posted",
        "reply-held",
        "comment-edited",
        "comment-deleted",
        "comment-agreed",
        "agreement-withdrawn",
        "moderation-decided",
        "moderation-appeal-upheld",
        "moderation-appeal-overturned",
        "moderation-bulk",
        "moderation-word-added",
        "moderation-word-removed",
        "appeal-sent",
        "vote-recorded",
        "statement-submitted",
        "statement-held",
        "statements-stage-added",
        "statement-seeded",
        "statements-stage-removed",
        "statement-decided",
        "discussion-followed",
        "discussion-unfollowed",
        "notifications-read",
        "notification-read",
        "notification-settings-saved",
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
/// each discussion has); not statements or votes.
fn changes_public(path: &str) -> bool {
    // Statements and votes change no list (a burst of votes must not make
    // the home page afresh on every one).
    if path.contains("/statements") {
        return false;
    }
    path.starts_with("/staff/discussions")
        || path.starts_with("/api/v1/discussions")
        || path.starts_with("/discussions/")
        || path.starts_with("/moderation/comments/")
        || path == "/moderation/bulk"
        || path == "/api/v1/moderation/bulk"
}

fn routes() -> Router<SharedState> {
    Router::new()
        .merge(public::routes())
        .merge(staff::routes())
        .merge(moderation::routes())
        .merge(notifications::routes())
        .merge(api::routes())
}

#[cfg(test)]
mod tests {
    use super::changes_public;

    #[test]
    fn votes_and_statements_leave_the_cached_lists_alone() {
        let d = "/discussions/7d1c0f0e-0000-4000-8000-000000000000";
        assert!(changes_public(&format!("{d}/comments")));
        assert!(!changes_public(&format!("{d}/statements/x/vote")));
        assert!(!changes_public(&format!("/api/v1{d}/statements/x/votes")));
        assert!(!changes_public(&format!("/staff{d}/statements/stage")));
    }
}
