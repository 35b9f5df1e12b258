//! What the site is, for API clients: its programme and its languages.

use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

use crate::kit::{AppError, PageCtx, Problem};

#[derive(Serialize, ToSchema)]
pub struct Language {
    #[schema(example = "ar")]
    pub tag: String,
    #[schema(example = "العربية")]
    pub name: String,
    #[schema(example = "rtl")]
    pub direction: String,
}

#[derive(Serialize, ToSchema)]
pub struct SiteInfo {
    /// The language of this answer (from Accept-Language, the language
    /// cookie or `?lang=`).
    pub locale: String,
    /// The programme the site runs, if one is published.
    pub programme: Option<ProgrammeInfo>,
    pub languages: Vec<Language>,
}

#[derive(Serialize, ToSchema)]
pub struct ProgrammeInfo {
    pub slug: String,
    /// The language the text is in (the default language when untranslated).
    pub locale: String,
    pub name: String,
    pub organisation: String,
    pub summary: String,
}

#[utoipa::path(get, path = "/api/v1/site", tag = "site",
    params(("lang" = Option<String>, Query, description = "Language tag, e.g. en or ar")),
    responses((status = 200, body = SiteInfo), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn site_info(ctx: PageCtx) -> Result<Json<SiteInfo>, AppError> {
    let locale = ctx.locale();
    let fallback = ctx.state.catalog.default_locale().tag();
    let programme = ctx.state.site.programme(locale.tag(), fallback).await?;
    Ok(Json(SiteInfo {
        locale: locale.tag().to_owned(),
        programme: programme.map(|p| ProgrammeInfo {
            slug: p.slug.clone(),
            locale: p.text.locale.clone(),
            name: p.text.name.clone(),
            organisation: p.text.organisation.clone(),
            summary: p.text.summary.clone(),
        }),
        languages: ctx
            .state
            .catalog
            .all()
            .iter()
            .map(|l| Language {
                tag: l.tag().to_owned(),
                name: l.name().to_owned(),
                direction: l.direction().as_str().to_owned(),
            })
            .collect(),
    }))
}
