//! Translating a consultation: officers fill in every text in another
//! language on one page that shows what is still missing; readers then
//! see the translation where there is one and the original elsewhere.
//! The page itself is the kit's (`kit::translating`), shared with
//! discussions.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::translation::Texts;
use cohesion_services::consultations::reading;
use cohesion_services::consultations::translations;
use cohesion_services::ServiceError;
use cohesion_ui::{ErrorLink, Shown};

use crate::kit::translating::{read_form, refused, targets, Translating};
use crate::kit::{
    check_session_csrf, confirmation, path_id, see_other, AppError, ClientKey, DoneQuery, May,
    PageCtx, RunEngagement, StrictForm,
};

pub(super) use crate::kit::translating::{counts_phrase, heading};

/// How far one language's translations of a consultation's texts are
/// (`translations::coverage`: one rule for every page that counts).
pub(super) struct Coverage {
    pub tag: String,
    /// The language's name in the page's language (marked so).
    pub name: Shown,
    pub counts: translations::Counts,
}

/// [`Coverage`] of every language but the consultation's own: the texts
/// read once, each language's translations once.
pub(super) async fn coverage_by_language(
    ctx: &PageCtx,
    v: &reading::ConsultationView,
) -> Result<Vec<Coverage>, AppError> {
    let texts = translations::all_texts(&ctx.state.db, v).await?;
    let mut out = Vec::new();
    for l in targets(ctx, &v.consultation.language) {
        let saved = reading::translation(&ctx.state.db, v.consultation.id, l.tag()).await?;
        out.push(Coverage {
            tag: l.tag().to_owned(),
            name: ctx.language_shown(l.tag()),
            counts: translations::coverage(&texts, &saved).consultation,
        });
    }
    Ok(out)
}

#[allow(clippy::too_many_arguments)] // one per part of the page
async fn page(
    ctx: &PageCtx,
    csrf: &str,
    id: uuid::Uuid,
    lang: &str,
    values: &Texts,
    errors: Vec<ErrorLink>,
    done: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let me = ctx.user.0.as_ref();
    let v = reading::view(&ctx.state.db, me, id).await?;
    // No page for the language the consultation is written in.
    let target = targets(ctx, &v.consultation.language)
        .find(|l| l.tag().eq_ignore_ascii_case(lang))
        .ok_or(ServiceError::NotFound)?;
    let texts = translations::all_texts(&ctx.state.db, &v).await?;
    Translating {
        path: format!("/staff/consultations/{id}/translations/{}", target.tag()),
        back: format!("/staff/consultations/{id}"),
        source: &v.consultation.language,
        target,
        texts,
        values,
        errors,
        done,
    }
    .render(ctx, csrf, status)
    .await
}

pub async fn form(
    ctx: PageCtx,
    May(me, _): May<RunEngagement>,
    Path((id, lang)): Path<(String, String)>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let values = reading::translation(&ctx.state.db, id, &lang).await?;
    let done = confirmation(&ctx, q.done.as_deref());
    page(
        &ctx,
        &me.csrf,
        id,
        &lang,
        &values,
        Vec::new(),
        done,
        StatusCode::OK,
    )
    .await
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
    // The consultation's own language is refused by the service (it is
    // read there, locked).
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
            "/staff/consultations/{id}/translations/{target}?done=translation"
        ))),
        Err(ServiceError::Invalid(e)) => {
            let errors = refused(&ctx, &e);
            page(
                &ctx,
                &me.csrf,
                id,
                &target,
                &values,
                errors,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
