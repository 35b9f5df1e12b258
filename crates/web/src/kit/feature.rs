//! What a feature brings to the site. Each feature folder's `mod.rs`
//! holds a `FEATURE`; `lib.rs` lists them, and the router, the `?done=`
//! confirmations and the OpenAPI document are made from that list, so
//! a new feature plugs in without the kit or other features changing.

use axum::Router;

use super::state::SharedState;

/// A feature of the site (the information pages, accounts,
/// consultations, …): everything the rest of the site needs from it.
pub struct Feature {
    /// What it is called, as its folder is.
    pub name: &'static str,
    /// Every route it answers: its pages and its part of the JSON API.
    pub routes: fn() -> Router<SharedState>,
    /// The `?done=<key>` confirmations its pages redirect to after a
    /// change; each shows the message `done-<key>` (see `done.rs`).
    pub confirmations: &'static [&'static str],
    /// Its part of the OpenAPI document: paths, schemas and tags.
    pub openapi: fn() -> utoipa::openapi::OpenApi,
    // The staff dashboard (issue 16) will ask each feature for its panel
    // here, as one more field (say `staff_panel`, a function from the
    // page's context to the panel, absent for features with nothing to
    // show staff). Until then features contribute nothing to it.
}
