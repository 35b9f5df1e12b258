//! Community messages by email (issue 19, ADR 45): subscribing without
//! an account and confirming by email (`/community-messages/subscribe`),
//! the one-click unsubscribe every message carries, the public archive
//! and its Atom feed (`/community-messages`), officers' pages under
//! `/manage/community-messages`, the JSON API, and the server's step
//! that queues due messages to the outbox ([`upkeep`]).

mod api;
mod letters;
mod public;
mod sending;
mod staff;

use axum::routing::{get, post};
use axum::Router;
use cohesion_domain::identity::Action;
use cohesion_ui::NavLink;
use utoipa::OpenApi;

use crate::kit::{Feature, NavEntry, SharedState, StaffPanel};

pub use letters::{round, upkeep};

pub(crate) const FEATURE: Feature = Feature {
    name: "messaging",
    routes,
    confirmations: &[
        "community-message-saved",
        "community-message-translated",
        "community-message-sent",
        "community-message-scheduled",
    ],
    openapi: api::MessagingApi::openapi,
    nav: &[NavEntry {
        link: NavLink {
            key: "community-messages",
            href: "/community-messages",
            label: "nav-community-messages",
        },
        rank: 60,
        staff_only: false,
        for_action: None,
    }],
    home: None,
    get_involved: Some(public::get_involved),
    staff_panel: Some(StaffPanel {
        actions: &[Action::SendCommunityMessages],
        panel: staff::panel,
    }),
    public_changes: Some(changes_public),
};

/// Sending a message adds it to the archive that Get involved lists.
fn changes_public(path: &str) -> bool {
    path.starts_with("/manage/community-messages/") && path.ends_with("/send")
        || path.starts_with("/api/v1/community-messages/messages/")
}

fn routes() -> Router<SharedState> {
    Router::new()
        .route("/community-messages", get(public::archive))
        .route("/community-messages/feed.atom", get(public::feed))
        .route(
            "/community-messages/subscribe",
            get(public::subscribe_form).post(public::subscribe),
        )
        .route("/community-messages/subscribe/sent", get(public::sent))
        .route(
            "/community-messages/confirm",
            get(public::confirm_page).post(public::confirm),
        )
        .route(
            "/community-messages/unsubscribe",
            get(public::unsubscribe_page).post(public::unsubscribe),
        )
        .route("/community-messages/{id}", get(public::message))
        .route("/manage/community-messages", get(staff::list))
        .route(
            "/manage/community-messages/new",
            get(staff::new_form).post(staff::create),
        )
        .route("/manage/community-messages/{id}", get(staff::show))
        .route(
            "/manage/community-messages/{id}/edit",
            get(staff::edit_form).post(staff::update),
        )
        .route(
            "/manage/community-messages/{id}/translate",
            get(staff::translate_form).post(staff::translate),
        )
        .route(
            "/manage/community-messages/{id}/send",
            get(sending::send_ask).post(sending::send),
        )
        .route(
            "/api/v1/community-messages/subscriptions",
            post(api::subscribe),
        )
        .route(
            "/api/v1/community-messages/subscriptions/confirm",
            post(api::confirm),
        )
        .route(
            "/api/v1/community-messages/subscriptions/unsubscribe",
            post(api::unsubscribe),
        )
        .route("/api/v1/community-messages", get(api::list))
        .route("/api/v1/community-messages/messages", post(api::create))
        .route("/api/v1/community-messages/messages/{id}", get(api::show))
        .route(
            "/api/v1/community-messages/messages/{id}/translations/{locale}",
            axum::routing::put(api::translate),
        )
        .route(
            "/api/v1/community-messages/messages/{id}/send",
            post(api::send),
        )
}
