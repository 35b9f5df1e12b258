//! The discussions' part of the JSON API.

use axum::Router;

use crate::kit::SharedState;

pub(super) fn routes() -> Router<SharedState> {
    Router::new()
}

pub(super) fn openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApi::default()
}
