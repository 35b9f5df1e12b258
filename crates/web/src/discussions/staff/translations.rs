//! Translating a discussion: officers fill in its title, introduction,
//! guiding questions, topics and area in another language on the page
//! consultations use (`kit::translating`); residents then read the
//! translation where there is one and the original elsewhere.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::discussion::record::Discussion;
use cohesion_domain::translation::Texts;
use cohesion_services::discussions::translations;
use cohesion_services::ServiceError;
use cohesion_ui::{ErrorLink, SummaryRow};

use crate::kit::translating::{coverage_row, read_form, refused, targets, Translating};
use crate::kit::{
    check_session_csrf, confirmation, path_id, see_other, AppError, ClientKey, DoneQuery, May,
    PageCtx, RunEngagement, StrictForm,
};

fn path(id: uuid::Uuid, lang: &str) -> String {
    format!("/staff/discussions/{id}/translations/{lang}")
}

/// A row per other language on the discussion's own page: how many texts
/// it lacks, and the way to translate them. An imported discussion is
/// not translated (it is kept as it was brought in).
pub(super) async fn rows(ctx: &PageCtx, d: &Discussion) -> Result<Vec<SummaryRow>, AppError> {
    if d.imported {
        return Ok(Vec::new());
    }
    let saved = translations::coverage(&ctx.state.db, d).await?;
    let all = cohesion_domain::discussion::texts::source_texts(d).len();
    Ok(targets(ctx, &d.language)
        .map(|l| {
            // A language with nothing saved lacks every text.
            let counts =
                saved
                    .get(l.tag())
                    .copied()
                    .unwrap_or(cohesion_domain::translation::Counts {
                        all,
                        missing: all,
                        stale: 0,
                    });
            coverage_row(ctx, l, &counts, &path(d.id, l.tag()))
        })
        .collect())
}

#[allow(clippy::too_many_arguments)] // one per part of the page
async fn page(
    ctx: &PageCtx,
    me: &cohesion_services::accounts::SignedIn,
    id: uuid::Uuid,
    lang: &str,
    values: Option<&Texts>,
    errors: Vec<ErrorLink>,
    done: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let (d, texts) = translations::texts_of(&ctx.state.db, me, id).await?;
    // No page for the language it is written in, nor for an imported one.
    let target = targets(ctx, &d.language)
        .find(|l| l.tag().eq_ignore_ascii_case(lang))
        .filter(|_| !d.imported)
        .ok_or(ServiceError::NotFound)?;
    let saved;
    let values = match values {
        Some(v) => v,
        None => {
            saved = translations::translation(&ctx.state.db, id, target.tag()).await?;
            &saved
        }
    };
    Translating {
        path: path(id, target.tag()),
        back: format!("/staff/discussions/{id}"),
        source: &d.language,
        target,
        texts,
        values,
        errors,
        done,
    }
    .render(ctx, &me.csrf, status)
    .await
}

pub async fn form(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path((id, lang)): Path<(String, String)>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let done = confirmation(&ctx, q.done.as_deref());
    page(&ctx, &me, id, &lang, None, Vec::new(), done, StatusCode::OK).await
}

pub async fn save(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    client: ClientKey,
    Path((id, lang)): Path<(String, String)>,
    StrictForm(pairs): StrictForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (csrf, values) = read_form(pairs);
    check_session_csrf(&me, &csrf)?;
    let id = path_id(&id)?;
    let target = ctx
        .state
        .catalog
        .get(&lang)
        .map(|l| l.tag().to_owned())
        .ok_or(ServiceError::NotFound)?;
    match translations::set_translation(&ctx.state.db, &me, id, &target, &values, Some(&client.0))
        .await
    {
        Ok(_) => Ok(see_other(&format!(
            "{}?done=translation",
            path(id, &target)
        ))),
        Err(ServiceError::Invalid(e)) => {
            let errors = refused(&ctx, &e);
            page(
                &ctx,
                &me,
                id,
                &target,
                Some(&values),
                errors,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
