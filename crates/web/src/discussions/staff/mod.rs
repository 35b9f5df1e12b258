//! Officers' pages of discussions.

use axum::Router;

use crate::kit::SharedState;

pub(super) fn routes() -> Router<SharedState> {
    Router::new()
}
