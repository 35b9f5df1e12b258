//! Getting help (issue 19, ADR 43): the guided choice at `/help`, a
//! page per route, the public JSON API, and administrators'
//! configuration under `/manage/help`.
//!
//! The public pages and the API are on their own router whose layer
//! marks every answer [`NoCookies`]: no cookie is set (not even the
//! language's; `?lang=` travels in the links instead), and every answer
//! is sent with `Cache-Control: no-store` and `Referrer-Policy:
//! no-referrer`. Nothing is recorded about who asked.

mod api;
mod areas;
mod pages;
mod staff;

use axum::http::{header, HeaderValue};
use axum::middleware;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use cohesion_domain::help::Openness;
use cohesion_domain::identity::Action;
use cohesion_ui::Listing;
use utoipa::OpenApi;

use crate::kit::{Feature, NoCookies, PageCtx, Part, SharedState, StaffPanel};

pub(crate) const FEATURE: Feature = Feature {
    name: "help",
    routes,
    confirmations: &[],
    openapi: api::HelpApi::openapi,
    nav: &[],
    home: None,
    get_involved: None,
    staff_panel: Some(StaffPanel {
        actions: &[Action::ConfigureHelp],
        panel,
    }),
    public_changes: None,
};

fn routes() -> Router<SharedState> {
    let public = Router::new()
        .route("/help", get(pages::index))
        .route("/help/choose", get(pages::choose))
        .route("/help/{key}", get(pages::route))
        .route("/api/v1/help/routes", get(api::routes))
        .route("/api/v1/help/routes/{key}", get(api::route))
        .layer(middleware::map_response(cookieless));
    public.merge(staff::routes()).merge(areas::routes())
}

/// Every answer of the help pages and API: no cookie, not kept, no
/// `Referer` sent on.
async fn cookieless(mut res: Response) -> Response {
    res.extensions_mut().insert(NoCookies);
    let h = res.headers_mut();
    h.remove(header::SET_COOKIE);
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    res
}

fn panel<'a>(
    ctx: &'a PageCtx,
    _me: &'a cohesion_services::accounts::SignedIn,
) -> Part<'a, Listing> {
    Box::pin(async move {
        Ok(Listing {
            id: "help",
            heading: ctx.t("help-panel-title"),
            links: vec![("/manage/help".to_owned(), ctx.t("help-panel-configure"))],
            groups: Vec::new(),
        })
    })
}

/// `?lang=<tag>` of the page's language: kept in every help link, as
/// help pages remember no language.
pub(crate) fn lang_query(ctx: &PageCtx) -> String {
    format!("lang={}", ctx.locale().tag())
}

/// What a contact's opening says now, and whether it is open.
pub(crate) fn openness_words(ctx: &PageCtx, o: Openness) -> Option<(String, bool)> {
    let l = ctx.locale();
    let time = |t| ctx.dates().time_text(t);
    Some(match o {
        Openness::Unknown => return None,
        Openness::Always => (ctx.t("help-open-always"), true),
        Openness::Open => (ctx.t("help-open-now"), true),
        Openness::ClosedNoOpening => (ctx.t("help-closed"), false),
        Openness::Closed {
            day,
            at,
            days_ahead,
        } => {
            let t = time(at);
            let text = match days_ahead {
                0 => l.t_args("help-closed-today", &[("time", t.into())]),
                1 => l.t_args("help-closed-tomorrow", &[("time", t.into())]),
                _ => {
                    let day = ctx.t(&format!("help-day-{}", day.number_from_monday()));
                    l.t_args("help-closed-on", &[("day", day.into()), ("time", t.into())])
                }
            };
            (cohesion_ui::unmarked(&text), false)
        }
    })
}
