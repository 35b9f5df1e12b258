//! Endpoints for operators: health and metrics.

use std::sync::OnceLock;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use serde::Serialize;
use utoipa::ToSchema;

use super::addresses::client_ip;
use super::context::KeepBody;
use super::state::SharedState;

#[derive(Serialize, ToSchema)]
pub struct Health {
    /// "ok" or "unavailable"
    pub status: &'static str,
    /// "ok" or "error"
    pub database: &'static str,
}

/// Healthy when the database answers; load balancers use this.
// The tag is the one the document has always had (once derived from this
// module's old path): clients that group by tag see no change.
#[utoipa::path(get, path = "/healthz", tag = "crate::ops", responses(
    (status = 200, description = "Serving, database reachable", body = Health),
    (status = 503, description = "Database unreachable", body = Health)))]
pub async fn healthz(State(state): State<SharedState>) -> Response {
    match state.db.ping().await {
        Ok(()) => Json(Health {
            status: "ok",
            database: "ok",
        })
        .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            let mut res = (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(Health {
                    status: "unavailable",
                    database: "error",
                }),
            )
                .into_response();
            res.extensions_mut().insert(KeepBody);
            res
        }
    }
}

/// The Prometheus metrics, for the addresses the operator allows
/// (loopback unless configured); anyone else finds nothing here.
pub async fn metrics(State(state): State<SharedState>, req: Request) -> Response {
    let (parts, _) = req.into_parts();
    let allowed =
        client_ip(&parts, &state.config).is_some_and(|ip| state.config.metrics_allow.contains(ip));
    if !allowed {
        return StatusCode::NOT_FOUND.into_response();
    }
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4"),
        )],
        state.metrics.render(),
    )
        .into_response()
}

/// Records each request's duration by method, route and status (the route's pattern,
/// never the raw path, so the number of series stays bounded).
pub async fn record(State(state): State<SharedState>, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = method_label(req.method());
    // Only a change can make cached public pages stale.
    let change = (!matches!(*req.method(), Method::GET | Method::HEAD))
        .then(|| (req.method().clone(), req.uri().path().to_owned()));
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".to_owned());
    let res = next.run(req).await;
    if let Some((verb, path)) = &change {
        super::page_cache::forget_after(&state, verb, path, &res);
    }
    let status = res.status().as_u16().to_string();
    let labels = [
        ("method", method.to_owned()),
        ("route", route),
        ("status", status),
    ];
    // One histogram: its _count series doubles as the request counter.
    metrics::histogram!("http_request_duration_seconds", &labels)
        .record(start.elapsed().as_secs_f64());
    res
}

/// A bounded set of method labels: anything unusual is "other".
fn method_label(method: &axum::http::Method) -> &'static str {
    use axum::http::Method;
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

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

/// Drains the metrics recorder's buffers into its aggregates; without it,
/// samples pile up between scrapes.
pub async fn upkeep(handle: PrometheusHandle) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(5));
    loop {
        tick.tick().await;
        handle.run_upkeep();
    }
}
