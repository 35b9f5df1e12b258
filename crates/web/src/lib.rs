//! Cohesion over HTTP: HTML pages and the JSON API, both thin layers over
//! the services crate.
//!
//! Each feature is a folder (its pages, its API, its `FEATURE`); `kit/`
//! holds what they all use. A feature plugs in with its `mod` line and
//! one line in [`FEATURES`].
//!
//! Request flow, outermost first: request id → tracing span → security
//! headers → presentation (language in, error pages out) → guard (UTF-8,
//! cross-site) → panic catcher → timeout → body limit → routes.

mod kit;

mod accounts;
mod consultations;
mod discussions;
mod help;
mod messaging;
mod site;
mod tensions;

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{middleware, Router};
use cohesion_i18n::Catalog;
use cohesion_services::Db;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use kit::{api, assets, context, ops, page_cache, security, Feature};

pub use discussions::{notification_round, notification_upkeep};
pub use kit::addresses::AddressRanges;
pub use kit::api::openapi_json;
pub use kit::context::LANG_COOKIE;
pub use kit::ops::{metrics_handle, upkeep as metrics_upkeep};
pub use kit::state::{AppState, SharedState, WebConfig};
pub use messaging::{round as community_message_round, upkeep as community_message_upkeep};

/// Every feature of the site, in the order their parts of the OpenAPI
/// document are merged.
pub(crate) const FEATURES: &[Feature] = &[
    site::FEATURE,          // home, information pages, "is this page useful?"
    accounts::FEATURE,      // accounts, organisations, administration
    consultations::FEATURE, // consultations, their results, findings and themes
    discussions::FEATURE,   // discussions, comments and their moderation
    help::FEATURE,          // getting help: routes, services, the exit control
    tensions::FEATURE,      // community tension reports and their counts
    messaging::FEATURE,     // community messages by email
];

/// Every way `value` differs from the schema `schema` (a component's
/// name) of the OpenAPI `document`, as (JSON Pointer, code): the check
/// request bodies meet (ADR 29), with `required` members checked too, so
/// the tests can hold the API's answers to the document it publishes.
pub fn schema_problems(
    document: &serde_json::Value,
    schema: &str,
    value: &serde_json::Value,
) -> Vec<(String, String)> {
    let reference = serde_json::json!({ "$ref": format!("#/components/schemas/{schema}") });
    kit::schema::check(document, &reference, value, kit::schema::Required::Checked)
        .into_iter()
        .map(|p| (p.pointer.unwrap_or_default(), p.code.as_str().to_owned()))
        .collect()
}

/// Builds the state shared by all handlers.
pub fn state(db: Db, catalog: Catalog, config: WebConfig) -> SharedState {
    Arc::new(AppState {
        site: cohesion_services::site::content::SiteContent::new(db.clone(), config.content_cache),
        pages: page_cache::PageCache::new(config.content_cache),
        // One hash at a time per core: sign-in floods queue here.
        passwords: cohesion_services::accounts::Passwords::new(
            std::thread::available_parallelism().map_or(1, |n| n.get()),
        ),
        db,
        features: FEATURES,
        nav: kit::feature::navigation(FEATURES),
        catalog,
        config,
        assets: assets::urls(),
        metrics: metrics_handle(),
        openapi_json: openapi_json(),
        form_key: Default::default(),
    })
}

/// The whole site.
pub fn router(state: SharedState) -> Router {
    let x_request_id = axum::http::HeaderName::from_static("x-request-id");
    // A line per request costs a tenth of the throughput; most sites have
    // their proxy's access log, so ours is opt-in. Failures (5xx) are
    // always logged, with the request id, by `context::presentation`.
    let access_log = state.config.access_log;
    let access_log_level = if access_log {
        Level::INFO
    } else {
        Level::DEBUG
    };
    let routes = FEATURES
        .iter()
        .fold(Router::new(), |routes, f| {
            tracing::debug!(feature = f.name, "serving the feature's routes");
            routes.merge((f.routes)())
        })
        .route("/assets/{*name}", get(assets::serve))
        .route("/healthz", get(ops::healthz))
        .route("/metrics", get(ops::metrics))
        .route("/api/v1/openapi.json", get(api::openapi))
        .route_layer(middleware::from_fn_with_state(state.clone(), ops::record))
        .fallback(|| async { StatusCode::NOT_FOUND });

    // One stack around the whole router, outermost first, rather than
    // `Router::layer`, which wraps every route in a box per layer that
    // each request clones and drops again: on the home page that was most
    // of the time spent outside the kernel (BENCHMARKS.md, issue 16).
    let stack = tower::ServiceBuilder::new()
        .layer(middleware::map_request::<_, (Request,)>(
            security::drop_odd_request_id,
        ))
        .layer(SetRequestIdLayer::new(
            x_request_id.clone(),
            MakeRequestUuid,
        ))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(move |req: &Request| {
                    let id = req
                        .headers()
                        .get("x-request-id")
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("-");
                    // A span per request at INFO costs a tenth of the
                    // throughput (its fields are formatted every time):
                    // it is made with the access log, or when debugging.
                    // `context::presentation` logs every failure with its
                    // request id and address.
                    if access_log {
                        tracing::info_span!("request", request_id = %id, path = %req.uri().path())
                    } else {
                        tracing::debug_span!("request", request_id = %id, path = %req.uri().path())
                    }
                })
                .on_failure(())
                .on_response(DefaultOnResponse::new().level(access_log_level)),
        )
        .layer(PropagateRequestIdLayer::new(x_request_id))
        .layer(middleware::from_fn_with_state::<
            _,
            _,
            (State<SharedState>, Request),
        >(state.clone(), context::presentation))
        .layer(CatchPanicLayer::new())
        .layer(RequestBodyLimitLayer::new(state.config.body_limit))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            state.config.request_timeout,
        ))
        .service(routes.with_state(state));
    Router::new().fallback_service(stack)
}
