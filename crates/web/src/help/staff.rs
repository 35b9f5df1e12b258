//! Administrators' configuration of getting help (`/manage/help`): the
//! routes' words in every language, the services (national and local)
//! with their contacts, and where "Exit this page" goes. Every change is
//! checked by the domain and audited by the services; a refused form
//! comes back with a 422, its problems named, and nothing saved.

use std::collections::BTreeMap;

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use cohesion_domain::help::{text_in, Anonymity, ContactKind, RouteText, ServiceText};
use cohesion_domain::ValidationError;
use cohesion_services::help::configuring::{self, ServiceInput};
use cohesion_services::{help, ServiceError};
use cohesion_ui::help::{
    ConfigRow, ContactRow, HelpConfigurePage, HelpEditPage, LangFields, ServiceFields,
};
use cohesion_ui::Phrase;
use serde::Deserialize;

use crate::kit::{
    check_session_csrf, respond, see_other, AppError, ConfigureHelp, May, PageCtx, SharedState,
    StrictForm,
};

pub(super) type Fields = Vec<(String, String)>;

pub(super) fn routes() -> Router<SharedState> {
    Router::new()
        .route("/manage/help", get(overview))
        .route("/manage/help/exit", post(set_exit))
        .route(
            "/manage/help/routes/{key}",
            get(edit_route).post(save_route),
        )
        .route(
            "/manage/help/services/new",
            get(new_service).post(add_service),
        )
        .route(
            "/manage/help/services/{id}",
            get(edit_service).post(save_service),
        )
        .route("/manage/help/services/{id}/retire", post(retire_service))
}

#[derive(Deserialize)]
pub struct Done {
    pub(super) done: Option<String>,
}

pub(super) fn get_field<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

async fn overview(
    ctx: PageCtx,
    May(me, _): May<ConfigureHelp>,
    Query(q): Query<Done>,
) -> Result<Response, AppError> {
    overview_page(&ctx, &me.csrf, q.done.as_deref(), None, Vec::new()).await
}

async fn overview_page(
    ctx: &PageCtx,
    csrf: &str,
    done: Option<&str>,
    exit: Option<String>,
    errors: Vec<(String, String)>,
) -> Result<Response, AppError> {
    let (routes, exit_url) = help::guide(&ctx.state.db).await?;
    let services = help::services(&ctx.state.db).await?;
    let (tag, fallback) = (ctx.locale().tag(), ctx.state.catalog.default_locale().tag());
    let routes = routes
        .iter()
        .map(|r| ConfigRow {
            name: Phrase::plain(
                text_in(&r.texts, tag, fallback).map_or(r.key.clone(), |t| t.1.title.clone()),
            ),
            detail: String::new(),
            href: format!("/manage/help/routes/{}", r.key),
        })
        .collect();
    let services = services
        .iter()
        .map(|s| ConfigRow {
            name: Phrase::plain(
                text_in(&s.texts, tag, fallback).map_or(s.id.clone(), |t| t.1.name.clone()),
            ),
            detail: ctx.t(if s.local {
                "help-detail-local"
            } else {
                "help-detail-national"
            }),
            href: format!("/manage/help/services/{}", s.id),
        })
        .collect();
    let refused = !errors.is_empty();
    let page = HelpConfigurePage {
        ui: ctx
            .chrome_for("/manage/help", "help-configure-title")
            .await?,
        done: done
            .map(|d| ctx.t(&format!("help-done-{d}")))
            .filter(|_| matches!(done, Some("saved" | "retired"))),
        routes,
        services,
        exit_url: exit.unwrap_or(exit_url),
        csrf: csrf.to_owned(),
        errors,
    };
    let status = if refused {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    respond(status, page, None)
}

async fn set_exit(
    ctx: PageCtx,
    May(me, _): May<ConfigureHelp>,
    StrictForm(f): StrictForm<Fields>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, get_field(&f, "csrf"))?;
    let typed = get_field(&f, "exit_url");
    match configuring::set_exit_url(&ctx.state.db, &me, typed).await {
        Ok(()) => Ok(see_other("/manage/help?done=saved")),
        Err(e) => {
            let errors = problems(&ctx, e)?;
            overview_page(&ctx, &me.csrf, None, Some(typed.to_owned()), errors).await
        }
    }
}

/// The problems of a refused form as the summary lists them; any other
/// error as it is.
pub(super) fn problems(ctx: &PageCtx, e: ServiceError) -> Result<Vec<(String, String)>, AppError> {
    let list: Vec<ValidationError> = match e {
        ServiceError::Invalid(v) => vec![v],
        ServiceError::InvalidFields(v) => v,
        other => return Err(other.into()),
    };
    Ok(list
        .into_iter()
        .map(|v| {
            let label = ctx.t(&format!("help-field-{}", v.field));
            let reason = ctx.t(&format!("reason-{}", v.code.as_str()));
            let anchor = if v.field.starts_with("contact_") {
                format!("{}_0", v.field)
            } else {
                v.field.to_owned()
            };
            (format!("#{anchor}"), format!("{label}: {reason}"))
        })
        .collect())
}

fn lang_fields(
    ctx: &PageCtx,
    names: &[(&str, bool)],
    values: &dyn Fn(&str, &str) -> String,
) -> Vec<LangFields> {
    ctx.state
        .catalog
        .all()
        .iter()
        .map(|l| LangFields {
            tag: l.tag().to_owned(),
            name: l.name().to_owned(),
            dir: l.direction().as_str(),
            fields: names
                .iter()
                .map(|(n, long)| {
                    let name = format!("{n}_{}", l.tag());
                    (
                        name,
                        ctx.t(&format!("help-field-{n}")),
                        values(n, l.tag()),
                        *long,
                    )
                })
                .collect(),
        })
        .collect()
}

const ROUTE_FIELDS: &[(&str, bool)] = &[("title", false), ("intro", true), ("next", true)];
const SERVICE_FIELDS: &[(&str, bool)] =
    &[("name", false), ("description", true), ("languages", false)];

async fn edit_route(
    ctx: PageCtx,
    May(me, _): May<ConfigureHelp>,
    Path(key): Path<String>,
) -> Result<Response, AppError> {
    let (routes, _) = help::guide(&ctx.state.db).await?;
    let route = routes
        .into_iter()
        .find(|r| r.key == key)
        .ok_or(AppError::from(ServiceError::NotFound))?;
    let values = |n: &str, tag: &str| {
        route.texts.get(tag).map_or(String::new(), |t| match n {
            "title" => t.title.clone(),
            "intro" => t.intro.clone(),
            _ => t.next.clone(),
        })
    };
    let langs = lang_fields(&ctx, ROUTE_FIELDS, &values);
    route_page(&ctx, &me.csrf, &key, langs, Vec::new()).await
}

async fn route_page(
    ctx: &PageCtx,
    csrf: &str,
    key: &str,
    langs: Vec<LangFields>,
    errors: Vec<(String, String)>,
) -> Result<Response, AppError> {
    let refused = !errors.is_empty();
    let page = HelpEditPage {
        ui: ctx
            .chrome_for(
                &format!("/manage/help/routes/{key}"),
                "help-edit-route-title",
            )
            .await?,
        action: format!("/manage/help/routes/{key}"),
        csrf: csrf.to_owned(),
        errors,
        langs,
        service: None,
        retire: None,
    };
    let status = if refused {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    respond(status, page, None)
}

async fn save_route(
    ctx: PageCtx,
    May(me, _): May<ConfigureHelp>,
    Path(key): Path<String>,
    StrictForm(f): StrictForm<Fields>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, get_field(&f, "csrf"))?;
    let mut typed = BTreeMap::new();
    for l in ctx.state.catalog.all() {
        let v = |n: &str| get_field(&f, &format!("{n}_{}", l.tag())).to_owned();
        typed.insert(
            l.tag().to_owned(),
            RouteText {
                title: v("title"),
                intro: v("intro"),
                next: v("next"),
            },
        );
    }
    let default = ctx.state.catalog.default_locale().tag();
    match configuring::set_route_texts(&ctx.state.db, &me, &key, default, typed).await {
        Ok(()) => Ok(see_other("/manage/help?done=saved")),
        Err(e) => {
            let errors = problems(&ctx, e)?;
            let values = |n: &str, tag: &str| get_field(&f, &format!("{n}_{tag}")).to_owned();
            let langs = lang_fields(&ctx, ROUTE_FIELDS, &values);
            route_page(&ctx, &me.csrf, &key, langs, errors).await
        }
    }
}

async fn new_service(ctx: PageCtx, May(me, _): May<ConfigureHelp>) -> Result<Response, AppError> {
    service_page(&ctx, &me.csrf, None, &ServiceInput::default(), Vec::new()).await
}

async fn edit_service(
    ctx: PageCtx,
    May(me, _): May<ConfigureHelp>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let services = help::services(&ctx.state.db).await?;
    let s = services
        .into_iter()
        .find(|s| s.id == id)
        .ok_or(AppError::from(ServiceError::NotFound))?;
    let input = ServiceInput {
        id: Some(s.id.clone()),
        routes: s.routes.clone(),
        areas: s.areas.clone(),
        anonymous: s.anonymous.as_str().to_owned(),
        contacts: s
            .contacts
            .iter()
            .map(|c| (c.kind.as_str().to_owned(), c.value.clone(), c.hours.clone()))
            .collect(),
        texts: s.texts.clone(),
    };
    service_page(&ctx, &me.csrf, Some(&id), &input, Vec::new()).await
}

async fn service_page(
    ctx: &PageCtx,
    csrf: &str,
    id: Option<&str>,
    input: &ServiceInput,
    errors: Vec<(String, String)>,
) -> Result<Response, AppError> {
    let (routes, _) = help::guide(&ctx.state.db).await?;
    let (tag, fallback) = (ctx.locale().tag(), ctx.state.catalog.default_locale().tag());
    let values = |n: &str, tag: &str| {
        input.texts.get(tag).map_or(String::new(), |t| match n {
            "name" => t.name.clone(),
            "description" => t.description.clone(),
            _ => t.languages.clone(),
        })
    };
    let langs = lang_fields(ctx, SERVICE_FIELDS, &values);
    let mut contacts: Vec<ContactRow> = input
        .contacts
        .iter()
        .enumerate()
        .map(|(index, (kind, value, hours))| ContactRow {
            index,
            kind: kind.clone(),
            value: value.clone(),
            hours: hours.clone(),
        })
        .collect();
    while contacts.len() < input.contacts.len() + 2 {
        let index = contacts.len();
        contacts.push(ContactRow {
            index,
            kind: String::new(),
            value: String::new(),
            hours: String::new(),
        });
    }
    let fields = ServiceFields {
        routes: routes
            .iter()
            .map(|r| {
                let title =
                    text_in(&r.texts, tag, fallback).map_or(r.key.clone(), |t| t.1.title.clone());
                (r.key.clone(), title, input.routes.contains(&r.key))
            })
            .collect(),
        anonymous: Anonymity::ALL
            .iter()
            .map(|a| {
                let id = super::pages::anonymity_id(*a);
                (
                    a.as_str().to_owned(),
                    ctx.t(id),
                    input.anonymous == a.as_str(),
                )
            })
            .collect(),
        kinds: ContactKind::ALL
            .iter()
            .map(|k| {
                (
                    k.as_str().to_owned(),
                    ctx.t(&format!("help-kind-{}", k.as_str())),
                )
            })
            .collect(),
        contacts,
    };
    let (path, title) = match id {
        Some(id) => (
            format!("/manage/help/services/{id}"),
            "help-edit-service-title",
        ),
        None => (
            "/manage/help/services/new".to_owned(),
            "help-new-service-title",
        ),
    };
    let refused = !errors.is_empty();
    let page = HelpEditPage {
        ui: ctx.chrome_for(&path, title).await?,
        retire: id.map(|id| format!("/manage/help/services/{id}/retire")),
        action: path,
        csrf: csrf.to_owned(),
        errors,
        langs,
        service: Some(fields),
    };
    let status = if refused {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    respond(status, page, None)
}

fn typed_service(ctx: &PageCtx, id: Option<String>, f: &Fields) -> ServiceInput {
    let mut texts = BTreeMap::new();
    for l in ctx.state.catalog.all() {
        let v = |n: &str| get_field(f, &format!("{n}_{}", l.tag())).to_owned();
        texts.insert(
            l.tag().to_owned(),
            ServiceText {
                name: v("name"),
                description: v("description"),
                languages: v("languages"),
            },
        );
    }
    let contacts = (0..cohesion_domain::help::MAX_CONTACTS + 2)
        .map(|i| {
            let v = |n: &str| get_field(f, &format!("contact_{n}_{i}")).to_owned();
            (v("kind"), v("value"), v("hours"))
        })
        .filter(|(k, v, h)| !(k.is_empty() && v.is_empty() && h.is_empty()))
        .collect();
    ServiceInput {
        id,
        routes: f
            .iter()
            .filter(|(k, _)| k == "routes")
            .map(|(_, v)| v.clone())
            .filter(|v| !v.is_empty())
            .collect(),
        areas: Vec::new(),
        anonymous: get_field(f, "anonymous").to_owned(),
        contacts,
        texts,
    }
}

async fn add_service(
    ctx: PageCtx,
    May(me, _): May<ConfigureHelp>,
    StrictForm(f): StrictForm<Fields>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, get_field(&f, "csrf"))?;
    let input = typed_service(&ctx, None, &f);
    store_service(&ctx, &me, None, input).await
}

async fn save_service(
    ctx: PageCtx,
    May(me, _): May<ConfigureHelp>,
    Path(id): Path<String>,
    StrictForm(f): StrictForm<Fields>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, get_field(&f, "csrf"))?;
    let input = typed_service(&ctx, Some(id.clone()), &f);
    store_service(&ctx, &me, Some(&id), input).await
}

async fn store_service(
    ctx: &PageCtx,
    me: &cohesion_services::accounts::SignedIn,
    id: Option<&str>,
    input: ServiceInput,
) -> Result<Response, AppError> {
    let default = ctx.state.catalog.default_locale().tag();
    match configuring::save_service(&ctx.state.db, me, &input, default).await {
        Ok(_) => Ok(see_other("/manage/help?done=saved")),
        Err(e) => {
            let errors = problems(ctx, e)?;
            service_page(ctx, &me.csrf, id, &input, errors).await
        }
    }
}

async fn retire_service(
    ctx: PageCtx,
    May(me, _): May<ConfigureHelp>,
    Path(id): Path<String>,
    StrictForm(f): StrictForm<Fields>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, get_field(&f, "csrf"))?;
    configuring::retire_service(&ctx.state.db, &me, &id).await?;
    Ok(see_other("/manage/help?done=retired"))
}
