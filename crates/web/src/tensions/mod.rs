//! Community tension reports (issue 19): the public form at
//! `/tension-reports/new` and its acknowledgement (`form`), the officers'
//! dashboard, each report's text and the administrators' settings under
//! `/manage/tensions` (`staff`), and the JSON API (`api`).

mod api;
mod form;
mod staff;

use axum::routing::get;
use axum::Router;
use cohesion_domain::identity::Action;
use cohesion_ui::{Listing, ListingGroup, NavLink};
use time::OffsetDateTime;

use crate::kit::{Feature, NavEntry, PageCtx, Part, SharedState};

pub(crate) const FEATURE: Feature = Feature {
    name: "tensions",
    routes,
    confirmations: &["tension-settings-saved"],
    openapi: api::openapi,
    nav: &[NavEntry {
        link: NavLink {
            key: "tensions",
            href: "/manage/tensions",
            label: "nav-tensions",
        },
        rank: 87,
        staff_only: true,
        for_action: Some(Action::ReadTensionReports),
    }],
    home: None,
    get_involved: Some(get_involved),
    staff_panel: Some(staff::PANEL),
    public_changes: Some(changes_public),
};

/// Switching the form off or on changes the card on *Get involved*.
fn changes_public(path: &str) -> bool {
    path == "/manage/tensions/settings"
}

fn routes() -> Router<SharedState> {
    Router::new()
        .route("/tension-reports/new", get(form::new).post(form::send))
        .route("/tension-reports/sent", get(form::sent))
        .route("/manage/tensions", get(staff::dashboard))
        .route("/manage/tensions/export.csv", get(staff::export))
        .route("/manage/tensions/reports/{id}", get(staff::report))
        .route(
            "/manage/tensions/settings",
            get(staff::settings_form).post(staff::save_settings),
        )
        .merge(api::routes())
}

/// Today in the site's zone: reports may not be dated after it, and the
/// dashboard's weeks end with its week.
pub(crate) fn today(ctx_zone: &cohesion_domain::local_time::SiteZone) -> time::Date {
    ctx_zone.civil(OffsetDateTime::now_utc()).date()
}

/// The card on *Get involved*: "Tell us about community tension".
fn get_involved<'a>(ctx: &'a PageCtx) -> Part<'a, Listing> {
    Box::pin(async move {
        let on = cohesion_services::tensions::settings::current(&ctx.state.db)
            .await?
            .enabled;
        let group = if on {
            ListingGroup {
                heading: None,
                items: Vec::new(),
                empty: ctx.t("tension-card-text"),
                more: Some((
                    "/tension-reports/new".to_owned(),
                    ctx.t("tension-card-link"),
                )),
            }
        } else {
            ListingGroup {
                heading: None,
                items: Vec::new(),
                empty: ctx.t("tension-closed-text"),
                more: None,
            }
        };
        Ok(Listing {
            id: "tension-reports",
            heading: ctx.t("tension-card-heading"),
            links: Vec::new(),
            groups: vec![group],
        })
    })
}
