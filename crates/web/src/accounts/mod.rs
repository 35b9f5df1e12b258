//! People and their accounts: signing up, in and out, the forgotten
//! password, the person's own account (profile, sessions, their data,
//! deleting it), community organisations, and administration (people,
//! roles, suspension, the audit log, the outbox); pages and API.

mod admin;
mod api;
mod deletion;
mod organisations;
mod password_reset;
mod profile;
mod sessions;
mod sign_in;
mod sign_up;
mod your_data;
mod your_votes;

use axum::routing::{get, post};
use axum::Router;
use cohesion_domain::identity::Role;
use utoipa::OpenApi;

use crate::kit::{Feature, PageCtx, SharedState};

/// A person's roles in words, the same on every page that lists them:
/// "Resident" (everyone is one) first, then those granted.
fn roles_in_words(ctx: &PageCtx, roles: impl IntoIterator<Item = Role>) -> String {
    let mut roles: Vec<Role> = roles.into_iter().collect();
    roles.push(Role::Resident);
    roles.sort();
    roles.dedup();
    let names: Vec<String> = roles
        .into_iter()
        .map(|r| ctx.t(&format!("role-{}", r.key())))
        .collect();
    ctx.locale().list(&names)
}

pub(crate) const FEATURE: Feature = Feature {
    name: "accounts",
    routes,
    confirmations: &[
        "name",
        "email",
        "email-confirmed",
        "password",
        "language",
        "session",
        "everywhere",
        "organisation",
        "invited",
        "joined",
        "role",
        "suspension",
    ],
    openapi: api::AccountsApi::openapi,
    nav: &[],
    home: None,
    get_involved: None,
    staff_panel: Some(admin::panel::PANEL),
    public_changes: None,
};

fn routes() -> Router<SharedState> {
    Router::new()
        .route(
            "/sign-up",
            get(sign_up::sign_up_form).post(sign_up::sign_up),
        )
        .route("/sign-up/check-email", get(sign_up::check_email))
        .route("/verify-email", get(sign_up::verify_email))
        .route(
            "/sign-in",
            get(sign_in::sign_in_form).post(sign_in::sign_in),
        )
        .route("/sign-out", post(sign_in::sign_out))
        .route(
            "/password-reset",
            get(password_reset::reset_request_form).post(password_reset::reset_request),
        )
        .route("/password-reset/sent", get(password_reset::reset_sent))
        .route(
            "/password-reset/new",
            get(password_reset::reset_form).post(password_reset::reset),
        )
        .merge(account_routes())
        .merge(organisation_routes())
        .merge(admin_routes())
        .merge(api::routes())
}

/// The person's own account.
fn account_routes() -> Router<SharedState> {
    Router::new()
        .route("/account", get(profile::overview))
        .route(
            "/account/name",
            get(profile::name_form).post(profile::change_name),
        )
        .route(
            "/account/email",
            get(profile::email_form).post(profile::change_email),
        )
        .route("/account/email/confirm", get(profile::confirm_email))
        .route(
            "/account/password",
            get(profile::password_form).post(profile::change_password),
        )
        .route("/account/language", post(profile::set_language))
        .route("/account/sessions/{id}/end", post(sessions::end_session))
        .route(
            "/account/sign-out-everywhere",
            post(sessions::sign_out_everywhere),
        )
        .route("/account/data", get(your_data::data_page))
        .route("/account/data.json", get(your_data::data_json))
        .route(
            "/account/delete",
            get(deletion::delete_form).post(deletion::delete_account),
        )
}

fn organisation_routes() -> Router<SharedState> {
    Router::new()
        .route(
            "/organisations/new",
            get(organisations::register_form).post(organisations::register),
        )
        .route(
            "/organisations/join",
            get(organisations::join_form).post(organisations::join),
        )
        .route("/organisations/{id}", get(organisations::show))
        .route(
            "/organisations/{id}/invitations",
            post(organisations::invite),
        )
}

fn admin_routes() -> Router<SharedState> {
    Router::new()
        .route("/admin/people", get(admin::people::people_list))
        .route("/admin/people/{id}", get(admin::people::person))
        .route(
            "/admin/people/{id}/roles",
            get(admin::changes::ask_role).post(admin::changes::set_role),
        )
        .route(
            "/admin/people/{id}/suspension",
            get(admin::changes::ask_suspension).post(admin::changes::set_suspension),
        )
        .route("/admin/audit", get(admin::audit::audit_log))
        .route("/admin/outbox", get(admin::outbox::outbox_page))
}
