//! Administrators add, rename (with a name in each language) and retire
//! the council's local areas (`/manage/help/areas`), which tension
//! reports and community messages read.

use std::collections::BTreeMap;

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use cohesion_domain::local_area::LocalArea;
use cohesion_services::site::areas;
use cohesion_ui::help::{AreaRow, HelpAreasPage};

use super::staff::{get_field, problems, Done, Fields};
use crate::kit::{
    check_session_csrf, path_id, respond, see_other, AppError, ConfigureHelp, May, PageCtx,
    SharedState, StrictForm,
};

pub(super) fn routes() -> Router<SharedState> {
    Router::new()
        .route("/manage/help/areas", get(list).post(add))
        .route("/manage/help/areas/{id}", post(rename))
        .route("/manage/help/areas/{id}/retire", post(retire))
}

async fn list(
    ctx: PageCtx,
    May(me, _): May<ConfigureHelp>,
    Query(q): Query<Done>,
) -> Result<Response, AppError> {
    let done = q.done.filter(|d| matches!(d.as_str(), "saved" | "retired"));
    page(&ctx, &me.csrf, done.as_deref(), &Fields::new(), Vec::new()).await
}

async fn page(
    ctx: &PageCtx,
    csrf: &str,
    done: Option<&str>,
    typed: &Fields,
    errors: Vec<(String, String)>,
) -> Result<Response, AppError> {
    let all = areas::in_use(&ctx.state.db).await?;
    let langs: Vec<(String, String)> = ctx
        .state
        .catalog
        .all()
        .iter()
        .map(|l| (l.tag().to_owned(), l.name().to_owned()))
        .collect();
    let default = ctx.state.catalog.default_locale().tag();
    let name_of = |a: &LocalArea, tag: &str| match tag == default {
        true => a.name.clone(),
        false => a.translations.get(tag).cloned().unwrap_or_default(),
    };
    let rows = all
        .iter()
        .map(|a| AreaRow {
            id: a.id.to_string(),
            names: langs
                .iter()
                .map(|(t, n)| (t.clone(), n.clone(), name_of(a, t)))
                .collect(),
        })
        .collect();
    let refused = !errors.is_empty();
    let view = HelpAreasPage {
        ui: ctx
            .chrome_for("/manage/help/areas", "help-areas-title")
            .await?,
        done: done.map(|d| ctx.t(&format!("help-done-{d}"))),
        csrf: csrf.to_owned(),
        errors,
        areas: rows,
        new_names: langs
            .iter()
            .map(|(t, n)| {
                (
                    t.clone(),
                    n.clone(),
                    get_field(typed, &format!("name_{t}")).to_owned(),
                )
            })
            .collect(),
    };
    let status = match refused {
        true => StatusCode::UNPROCESSABLE_ENTITY,
        false => StatusCode::OK,
    };
    respond(status, view, None)
}

fn typed_names(ctx: &PageCtx, f: &Fields) -> BTreeMap<String, String> {
    ctx.state
        .catalog
        .all()
        .iter()
        .map(|l| {
            (
                l.tag().to_owned(),
                get_field(f, &format!("name_{}", l.tag())).to_owned(),
            )
        })
        .collect()
}

async fn add(
    ctx: PageCtx,
    May(me, _): May<ConfigureHelp>,
    StrictForm(f): StrictForm<Fields>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, get_field(&f, "csrf"))?;
    let default = ctx.state.catalog.default_locale().tag();
    match areas::add(&ctx.state.db, &me, default, &typed_names(&ctx, &f)).await {
        Ok(_) => Ok(see_other("/manage/help/areas?done=saved")),
        Err(e) => {
            let errors = problems(&ctx, e)?;
            page(&ctx, &me.csrf, None, &f, errors).await
        }
    }
}

async fn rename(
    ctx: PageCtx,
    May(me, _): May<ConfigureHelp>,
    Path(id): Path<String>,
    StrictForm(f): StrictForm<Fields>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, get_field(&f, "csrf"))?;
    let id = path_id(&id)?;
    let default = ctx.state.catalog.default_locale().tag();
    match areas::rename(&ctx.state.db, &me, id, default, &typed_names(&ctx, &f)).await {
        Ok(()) => Ok(see_other("/manage/help/areas?done=saved")),
        Err(e) => {
            let errors = problems(&ctx, e)?;
            page(&ctx, &me.csrf, None, &Fields::new(), errors).await
        }
    }
}

async fn retire(
    ctx: PageCtx,
    May(me, _): May<ConfigureHelp>,
    Path(id): Path<String>,
    StrictForm(f): StrictForm<Fields>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, get_field(&f, "csrf"))?;
    areas::retire(&ctx.state.db, &me, path_id(&id)?).await?;
    Ok(see_other("/manage/help/areas?done=retired"))
}
