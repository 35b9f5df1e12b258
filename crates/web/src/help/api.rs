//! The public, read-only JSON API of the help routes, in the requested
//! language, with whether each contact is open now (ADR 43).

use axum::extract::Path;
use axum::Json;
use cohesion_domain::help::{text_in, ContactKind, Openness, RouteText, ServiceText};
use cohesion_services::help;
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

use super::openness_words;
use super::pages::anonymity_id;
use crate::kit::{AppError, PageCtx, Problem};

#[derive(OpenApi)]
#[openapi(
    paths(routes, route),
    components(schemas(HelpRoutes, HelpRouteSummary, HelpRoute, HelpService, HelpContact)),
    tags((name = "help", description = "Where to get help: routes, services and how to reach them"))
)]
pub struct HelpApi;

#[derive(Serialize, ToSchema)]
pub struct HelpRoutes {
    /// The language of this answer.
    pub locale: String,
    /// Where "Exit this page" goes.
    pub exit_url: String,
    pub routes: Vec<HelpRouteSummary>,
}

#[derive(Serialize, ToSchema)]
pub struct HelpRouteSummary {
    #[schema(example = "hate-crime")]
    pub key: String,
    pub title: String,
    /// The language `title` is written in.
    pub lang: String,
}

#[derive(Serialize, ToSchema)]
pub struct HelpRoute {
    pub key: String,
    pub locale: String,
    /// The language the route's words are written in.
    pub lang: String,
    pub title: String,
    pub intro: String,
    /// What happens next, in plain words.
    pub next: String,
    pub services: Vec<HelpService>,
    pub exit_url: String,
}

#[derive(Serialize, ToSchema)]
pub struct HelpService {
    pub id: String,
    pub lang: String,
    pub name: String,
    pub description: String,
    pub languages: String,
    /// Added by the council rather than shipped.
    pub local: bool,
    /// `yes`, `choice` or `no`.
    pub anonymous: String,
    /// Whether one can stay anonymous, in words.
    pub anonymous_text: String,
    pub contacts: Vec<HelpContact>,
}

#[derive(Serialize, ToSchema)]
pub struct HelpContact {
    /// `phone`, `text_relay`, `sms`, `online` or `in_person`.
    pub kind: String,
    pub value: String,
    /// A `tel:`, `sms:` or web address to follow, if any.
    pub href: Option<String>,
    /// Opening hours as written (`24/7`, `Mon-Fri 09:00-17:00`); empty
    /// when not stated.
    pub hours: String,
    /// Whether open now, in the site's time zone; null when no hours
    /// are stated.
    pub open_now: Option<bool>,
    /// "Open now", "Closed now — opens Monday at 9am", in words.
    pub openness: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/help/routes", tag = "help",
    params(("lang" = Option<String>, Query, description = "Language tag, e.g. en or ar")),
    responses((status = 200, body = HelpRoutes), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn routes(ctx: PageCtx) -> Result<Json<HelpRoutes>, AppError> {
    let (routes, exit_url) = help::guide(&ctx.state.db).await?;
    let (tag, fallback) = (ctx.locale().tag(), ctx.state.catalog.default_locale().tag());
    Ok(Json(HelpRoutes {
        locale: tag.to_owned(),
        exit_url,
        routes: routes
            .iter()
            .filter_map(|r| {
                let (lang, t) = text_in(&r.texts, tag, fallback)?;
                Some(HelpRouteSummary {
                    key: r.key.clone(),
                    title: t.title.clone(),
                    lang: lang.to_owned(),
                })
            })
            .collect(),
    }))
}

#[utoipa::path(get, path = "/api/v1/help/routes/{key}", tag = "help",
    params(("key" = String, Path, description = "The route's key, e.g. danger"),
        ("lang" = Option<String>, Query, description = "Language tag, e.g. en or ar")),
    responses((status = 200, body = HelpRoute),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn route(ctx: PageCtx, Path(key): Path<String>) -> Result<Json<HelpRoute>, AppError> {
    let page = help::route(&ctx.state.db, &key).await?;
    let (tag, fallback) = (ctx.locale().tag(), ctx.state.catalog.default_locale().tag());
    let empty = RouteText::default();
    let (lang, text) = text_in(&page.route.texts, tag, fallback).unwrap_or((tag, &empty));
    let now = time::OffsetDateTime::now_utc();
    let zone = &ctx.state.config.time_zone;
    let services = page
        .services
        .iter()
        .map(|s| {
            let blank = ServiceText::default();
            let (slang, st) = text_in(&s.texts, tag, fallback).unwrap_or((tag, &blank));
            HelpService {
                id: s.id.clone(),
                lang: slang.to_owned(),
                name: st.name.clone(),
                description: st.description.clone(),
                languages: st.languages.clone(),
                local: s.local,
                anonymous: s.anonymous.as_str().to_owned(),
                anonymous_text: ctx.t(anonymity_id(s.anonymous)),
                contacts: s
                    .contacts
                    .iter()
                    .map(|c| {
                        let o = c.hours().openness(now, zone);
                        let words = openness_words(&ctx, o);
                        HelpContact {
                            kind: c.kind.as_str().to_owned(),
                            value: c.value.clone(),
                            href: c.dial().or_else(|| {
                                (c.kind == ContactKind::Online).then(|| c.value.clone())
                            }),
                            hours: c.hours.clone(),
                            open_now: match o {
                                Openness::Unknown => None,
                                Openness::Always | Openness::Open => Some(true),
                                _ => Some(false),
                            },
                            openness: words.map(|w| w.0),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    Ok(Json(HelpRoute {
        key: page.route.key.clone(),
        locale: tag.to_owned(),
        lang: lang.to_owned(),
        title: text.title.clone(),
        intro: text.intro.clone(),
        next: text.next.clone(),
        services,
        exit_url: page.exit_url,
    }))
}
