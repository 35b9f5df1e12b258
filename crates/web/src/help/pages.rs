//! The guided choice and a route's page: plain HTML that works without
//! JavaScript, cookieless (see `mod.rs`).

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::help::{text_in, Anonymity, RouteText, ServiceText, ROUTE_KEYS};
use cohesion_services::help;
use cohesion_ui::help::{
    ChoiceView, ContactView, ExitLink, HelpIndexPage, HelpRoutePage, OtherLink, ServiceView,
};
use cohesion_ui::{Phrase, Shown, Value};
use serde::Deserialize;

use super::{lang_query, openness_words};
use crate::kit::{respond, see_other, AppError, PageCtx};

#[derive(Deserialize)]
pub struct Choose {
    #[serde(default)]
    route: String,
}

/// `/help`: the guided choice.
pub async fn index(ctx: PageCtx) -> Result<Response, AppError> {
    index_page(&ctx, false).await
}

/// `/help/choose?route=…`: the choice made without JavaScript.
pub async fn choose(ctx: PageCtx, Query(q): Query<Choose>) -> Result<Response, AppError> {
    if ROUTE_KEYS.contains(&q.route.as_str()) {
        return Ok(see_other(&format!(
            "/help/{}?{}",
            q.route,
            lang_query(&ctx)
        )));
    }
    index_page(&ctx, true).await
}

async fn index_page(ctx: &PageCtx, unchosen: bool) -> Result<Response, AppError> {
    let (routes, exit) = help::guide(&ctx.state.db).await?;
    let (tag, fallback) = (ctx.locale().tag(), ctx.state.catalog.default_locale().tag());
    let q = lang_query(ctx);
    let choices = routes
        .iter()
        .filter_map(|r| {
            let (lang, t) = text_in(&r.texts, tag, fallback)?;
            Some(ChoiceView {
                key: r.key.clone(),
                href: format!("/help/{}?{q}", r.key),
                title: Shown::new(t.title.clone(), lang),
            })
        })
        .collect::<Vec<_>>();
    let mut ui = ctx.chrome_for("/help", "help-title").await?;
    ui.help_href = format!("/help?{q}");
    let others = vec![
        OtherLink {
            href: format!("/tension-reports/new?{q}"),
            label: ctx.t("help-link-tension"),
        },
        OtherLink {
            href: format!("/community-messages/subscribe?{q}"),
            label: ctx.t("help-link-messages"),
        },
    ];
    let unchosen = unchosen && !choices.is_empty();
    let page = HelpIndexPage {
        ui,
        exit: ExitLink { href: exit },
        choices,
        unchosen,
        lang: ctx.locale().tag().to_owned(),
        others,
    };
    let status = if unchosen {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    respond(status, page, None)
}

/// `/help/{key}`: who to contact and how.
pub async fn route(ctx: PageCtx, Path(key): Path<String>) -> Result<Response, AppError> {
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
            ServiceView {
                name: Shown::new(st.name.clone(), slang),
                description: Shown::new(st.description.clone(), slang),
                languages: Shown::new(st.languages.clone(), slang),
                anonymous: ctx.t(anonymity_id(s.anonymous)),
                local: s.local,
                contacts: s
                    .contacts
                    .iter()
                    .map(|c| {
                        let words = openness_words(&ctx, c.hours().openness(now, zone));
                        ContactView {
                            kind: ctx.t(&format!("help-kind-{}", c.kind.as_str())),
                            value: c.value.clone(),
                            href: c.dial().or_else(|| {
                                (c.kind == cohesion_domain::help::ContactKind::Online)
                                    .then(|| c.value.clone())
                            }),
                            hours: (!c.hours.is_empty() && c.hours != "24/7")
                                .then(|| c.hours.clone()),
                            open: words.as_ref().is_some_and(|w| w.1),
                            openness: words.map(|w| w.0),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let q = lang_query(&ctx);
    let path = format!("/help/{}", page.route.key);
    let mut ui = ctx.chrome_for(&path, "help-title").await?;
    ui.help_href = format!("/help?{q}");
    let title = Shown::new(text.title.clone(), lang);
    ui.title = Phrase::message(
        ctx.locale(),
        "help-route-title",
        &[("title", Value::Shown(&title))],
    );
    let view = HelpRoutePage {
        ui,
        exit: ExitLink {
            href: page.exit_url,
        },
        intro: Shown::new(text.intro.clone(), lang),
        next: Shown::new(text.next.clone(), lang),
        services,
        back_href: format!("/help?{q}"),
    };
    respond(StatusCode::OK, view, None)
}

pub(crate) fn anonymity_id(a: Anonymity) -> &'static str {
    match a {
        Anonymity::Yes => "help-anonymous-yes",
        Anonymity::Choice => "help-anonymous-choice",
        Anonymity::No => "help-anonymous-no",
    }
}
