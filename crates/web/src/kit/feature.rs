//! What a feature brings to the site. Each feature folder's `mod.rs`
//! holds a `FEATURE`; `lib.rs` lists them, and the router, the `?done=`
//! confirmations, the OpenAPI document, the navigation, the home page's
//! "open now", the sections of *Get involved* and the panels of the
//! staff's dashboard (`/manage`) are made from that list, so a new
//! feature plugs in without the kit or other features changing
//! (ADR 0021).

use std::future::Future;
use std::pin::Pin;

use axum::Router;
use cohesion_domain::identity::{Action, RoleSet};
use cohesion_services::accounts::SignedIn;
use cohesion_ui::{Listing, NavLink};

use super::error::AppError;
use super::page::PageCtx;
use super::state::SharedState;

/// What a feature's part of a shared page is worked out by.
pub type Part<'a, T> = Pin<Box<dyn Future<Output = Result<T, AppError>> + Send + 'a>>;

/// A feature's part of the home page or of *Get involved*: bounded
/// queries only (the home page is the site's busiest), and public
/// (anonymous visitors' pages are kept and shared, see `page_cache`).
pub type PublicPart = for<'a> fn(&'a PageCtx) -> Part<'a, Listing>;

/// An item of the navigation a feature brings.
pub struct NavEntry {
    pub link: NavLink,
    /// Where it goes among all features' items: lower first.
    pub rank: u8,
    /// Shown only to staff: people some feature has a panel for.
    pub staff_only: bool,
    /// Shown only to people allowed this action (moderators' queue, say),
    /// whatever else they may do.
    pub for_action: Option<Action>,
}

/// A feature's panel of the staff's dashboard.
pub struct StaffPanel {
    /// Who it is for: people allowed any of these actions.
    pub actions: &'static [Action],
    /// The panel as `me` may see it.
    pub panel: for<'a> fn(&'a PageCtx, &'a SignedIn) -> Part<'a, Listing>,
}

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
    /// Its items in the navigation.
    pub nav: &'static [NavEntry],
    /// What it has open now, for the home page.
    pub home: Option<PublicPart>,
    /// Its section of *Get involved*: open, upcoming, recently closed.
    pub get_involved: Option<PublicPart>,
    /// Its panel of the staff's dashboard, for those it names.
    pub staff_panel: Option<StaffPanel>,
    /// Whether a successful change (any method but GET and HEAD) to a
    /// path can change what its public parts show: the pages kept for
    /// anonymous visitors are then made afresh on this server. `None`
    /// when nothing it does changes them.
    pub public_changes: Option<fn(&str) -> bool>,
}

impl Feature {
    /// Whether a person with `roles` gets this feature's staff panel.
    pub fn panel_for(&self, roles: &RoleSet) -> Option<&StaffPanel> {
        self.staff_panel
            .as_ref()
            .filter(|p| p.actions.iter().any(|a| roles.allows(*a)))
    }
}

/// Whether a person with `roles` is staff: some feature has a panel of
/// the dashboard for them.
pub fn is_staff(features: &[Feature], roles: &RoleSet) -> bool {
    features.iter().any(|f| f.panel_for(roles).is_some())
}

/// The navigation every feature brings, in order of rank.
pub fn navigation(features: &[Feature]) -> Vec<&NavEntry> {
    let mut all: Vec<&NavEntry> = features.iter().flat_map(|f| f.nav).collect();
    all.sort_by_key(|e| e.rank);
    all
}

/// Whether a change to `path` can change what some feature shows the
/// public.
pub fn changes_public(features: &[Feature], path: &str) -> bool {
    features
        .iter()
        .filter_map(|f| f.public_changes)
        .any(|changes| changes(path))
}

/// Every feature's part of the home page, in the features' order.
pub async fn home_parts(ctx: &PageCtx) -> Result<Vec<Listing>, AppError> {
    let mut out = Vec::new();
    for part in ctx.state.features.iter().filter_map(|f| f.home) {
        out.push(part(ctx).await?);
    }
    Ok(out)
}

/// Every feature's section of *Get involved*, in the features' order.
pub async fn get_involved_parts(ctx: &PageCtx) -> Result<Vec<Listing>, AppError> {
    let mut out = Vec::new();
    for part in ctx.state.features.iter().filter_map(|f| f.get_involved) {
        out.push(part(ctx).await?);
    }
    Ok(out)
}

/// The panels of the dashboard `me` gets, in the features' order.
pub async fn staff_panels(ctx: &PageCtx, me: &SignedIn) -> Result<Vec<Listing>, AppError> {
    let mut out = Vec::new();
    for f in ctx.state.features {
        if let Some(p) = f.panel_for(&me.roles) {
            out.push((p.panel)(ctx, me).await?);
        }
    }
    Ok(out)
}
