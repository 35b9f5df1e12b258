//! Cohesion over HTTP: HTML pages and the JSON API, both thin layers over
//! the services crate.
//!
//! Request flow, outermost first: request id → tracing span → security
//! headers → presentation (language in, error pages out) → guard (UTF-8,
//! cross-site) → panic catcher → timeout → body limit → routes.

mod accounts;
mod admin;
mod api;
mod api_accounts;
mod api_consultations;
mod api_themes;
mod assets;
mod consultations;
mod context;
mod error;
mod exports;
mod findings;
mod form;
mod letters;
mod ops;
mod organisations;
mod page_cache;
mod pages;
mod profile;
mod security;
mod session;
mod shown;
mod staff_consultations;
mod state;
mod themes;
mod translations;

use std::sync::{Arc, OnceLock};

use axum::extract::Request;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{middleware, Router};
use cohesion_i18n::Catalog;
use cohesion_storage::Db;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

pub use api::openapi_json;
pub use context::LANG_COOKIE;
pub use ops::upkeep as metrics_upkeep;
pub use state::{AppState, SharedState, WebConfig};

/// The process-wide metrics recorder (installed once, shared by every
/// router built in this process).
pub fn metrics_handle() -> PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            // Buckets make durations a Prometheus histogram, aggregated as
            // they arrive instead of kept sample by sample.
            let recorder = PrometheusBuilder::new()
                .set_buckets(&[
                    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
                ])
                .expect("bucket list is not empty")
                .build_recorder();
            let handle = recorder.handle();
            if metrics::set_global_recorder(recorder).is_err() {
                tracing::warn!("a metrics recorder was already installed");
            }
            handle
        })
        .clone()
}

/// Builds the state shared by all handlers.
pub fn state(db: Db, catalog: Catalog, config: WebConfig) -> SharedState {
    Arc::new(AppState {
        site: cohesion_services::site::SiteContent::new(db.clone(), config.content_cache),
        pages: page_cache::PageCache::new(config.content_cache),
        // One hash at a time per core: sign-in floods queue here.
        passwords: cohesion_services::accounts::Passwords::new(
            std::thread::available_parallelism().map_or(1, |n| n.get()),
        ),
        db,
        catalog,
        config,
        assets: assets::urls(),
        metrics: metrics_handle(),
        openapi_json: api::openapi_json(),
    })
}

/// The whole site.
pub fn router(state: SharedState) -> Router {
    let x_request_id = axum::http::HeaderName::from_static("x-request-id");
    // A line per request costs a tenth of the throughput; most sites have
    // their proxy's access log, so ours is opt-in. Failures (5xx) are
    // always logged, with the request id, by the trace layer.
    let access_log_level = if state.config.access_log {
        Level::INFO
    } else {
        Level::DEBUG
    };
    let routes = Router::new()
        .route("/", get(pages::home))
        .route("/get-involved", get(pages::get_involved))
        .route("/about", get(pages::about))
        .route("/accessibility", get(pages::accessibility))
        .route("/privacy", get(pages::privacy))
        .route("/cookies", get(pages::cookies))
        .route("/feedback", post(pages::post_feedback))
        .route(
            "/sign-up",
            get(accounts::sign_up_form).post(accounts::sign_up),
        )
        .route("/sign-up/check-email", get(accounts::check_email))
        .route("/verify-email", get(accounts::verify_email))
        .route(
            "/sign-in",
            get(accounts::sign_in_form).post(accounts::sign_in),
        )
        .route("/sign-out", post(accounts::sign_out))
        .route(
            "/password-reset",
            get(accounts::reset_request_form).post(accounts::reset_request),
        )
        .route("/password-reset/sent", get(accounts::reset_sent))
        .route(
            "/password-reset/new",
            get(accounts::reset_form).post(accounts::reset),
        )
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
        .route("/account/sessions/{id}/end", post(profile::end_session))
        .route(
            "/account/sign-out-everywhere",
            post(profile::sign_out_everywhere),
        )
        .route("/account/data", get(profile::data_page))
        .route("/account/data.json", get(profile::data_json))
        .route(
            "/account/delete",
            get(profile::delete_form).post(profile::delete_account),
        )
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
        .route("/consultations", get(consultations::index))
        .route("/consultations/{id}", get(consultations::show))
        .route("/consultations/{id}/respond", get(consultations::start))
        .route(
            "/consultations/{id}/respond/check",
            get(consultations::check),
        )
        .route(
            "/consultations/{id}/respond/submit",
            post(consultations::submit),
        )
        .route("/consultations/{id}/respond/done", get(consultations::done))
        .route(
            "/consultations/{id}/respond/{page}",
            get(consultations::page_form).post(consultations::save_page),
        )
        .route(
            "/consultations/{id}/results",
            get(consultations::results_page),
        )
        .route("/consultations/{id}/results.csv", get(exports::results_csv))
        .route(
            "/staff/consultations/{id}/responses.csv",
            get(exports::responses_csv),
        )
        .route(
            "/staff/consultations/{id}/responses.xlsx",
            get(exports::responses_xlsx),
        )
        .route(
            "/staff/consultations/new",
            get(staff_consultations::new_form).post(staff_consultations::create),
        )
        .route(
            "/staff/consultations/{id}",
            get(staff_consultations::manage),
        )
        .route(
            "/staff/consultations/{id}/edit",
            get(staff_consultations::edit_form).post(staff_consultations::update),
        )
        .route(
            "/staff/consultations/{id}/publication",
            post(staff_consultations::publication),
        )
        .route(
            "/staff/consultations/{id}/results/publish",
            get(staff_consultations::publish_results_form)
                .post(staff_consultations::publish_results),
        )
        .route(
            "/staff/consultations/{id}/questions/new",
            get(staff_consultations::question_form).post(staff_consultations::add_question),
        )
        .route(
            "/staff/consultations/{id}/questions/{qid}/edit",
            get(staff_consultations::edit_question_form).post(staff_consultations::edit_question),
        )
        .route(
            "/staff/consultations/{id}/questions/{qid}/remove",
            get(staff_consultations::remove_question_form)
                .post(staff_consultations::remove_question),
        )
        .route(
            "/staff/consultations/{id}/stages/new",
            get(staff_consultations::stage_form).post(staff_consultations::add_stage),
        )
        .route(
            "/staff/consultations/{id}/stages/{n}/remove",
            get(staff_consultations::remove_stage_form).post(staff_consultations::remove_stage),
        )
        .route(
            "/staff/consultations/{id}/analysis",
            get(staff_consultations::analysis),
        )
        .route(
            "/staff/consultations/{id}/answers",
            get(staff_consultations::answers),
        )
        .route(
            "/staff/consultations/{id}/weighting",
            get(staff_consultations::weighting),
        )
        .route(
            "/staff/consultations/{id}/translations/{lang}",
            get(translations::form).post(translations::save),
        )
        .route(
            "/staff/consultations/{id}/themes/{question}",
            get(themes::page).post(themes::post),
        )
        .route(
            "/staff/consultations/{id}/themes/{question}/edit",
            post(themes::edit),
        )
        .route(
            "/staff/consultations/{id}/themes/{question}/review",
            get(themes::review_page).post(themes::review),
        )
        .route(
            "/staff/consultations/{id}/themes/{question}/{theme}",
            get(themes::theme_page),
        )
        .route(
            "/staff/consultations/{id}/responses/{response}",
            get(themes::response),
        )
        .route("/consultations/{id}/findings", get(findings::page))
        .route(
            "/staff/consultations/{id}/findings/new",
            get(findings::new_form).post(findings::add),
        )
        .route(
            "/staff/consultations/{id}/findings/{finding}",
            post(findings::change),
        )
        .route("/admin/people", get(admin::people_list))
        .route("/admin/people/{id}", get(admin::person))
        .route("/admin/people/{id}/roles", post(admin::set_role))
        .route("/admin/people/{id}/suspension", post(admin::set_suspension))
        .route("/admin/audit", get(admin::audit_log))
        .route("/admin/outbox", get(admin::outbox_page))
        .route("/assets/{*name}", get(assets::serve))
        .route("/healthz", get(ops::healthz))
        .route("/metrics", get(ops::metrics))
        .route("/api/v1/openapi.json", get(api::openapi))
        .route("/api/v1/site", get(api::site_info))
        .route("/api/v1/feedback", post(api::post_feedback))
        .route("/api/v1/feedback/{page}", get(api::get_feedback))
        .merge(api_accounts::routes())
        .merge(api_consultations::routes())
        .merge(api_themes::routes())
        .route_layer(middleware::from_fn(ops::record))
        .fallback(|| async { StatusCode::NOT_FOUND });

    // Router::layer wraps what is already there, so the last layer added
    // is the outermost: read this list from the bottom up.
    routes
        .layer(RequestBodyLimitLayer::new(state.config.body_limit))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, state.config.request_timeout))
        .layer(CatchPanicLayer::new())
        .layer(middleware::from_fn(security::guard))
        .layer(middleware::from_fn_with_state(state.clone(), context::presentation))
        .layer(middleware::from_fn_with_state(state.clone(), security::headers))
        .layer(PropagateRequestIdLayer::new(x_request_id.clone()))
        .layer(TraceLayer::new_for_http().make_span_with(|req: &Request| {
            let id = req.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
            tracing::info_span!("request", request_id = %id, method = %req.method(), path = %req.uri().path())
        })
        .on_response(DefaultOnResponse::new().level(access_log_level)))
        .layer(SetRequestIdLayer::new(x_request_id, MakeRequestUuid))
        .layer(middleware::map_request(security::drop_odd_request_id))
        .with_state(state)
}
