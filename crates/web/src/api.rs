//! The JSON API under /api/v1, described by an OpenAPI 3.1 document.

use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cohesion_domain::pages::InfoPage;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::feedback;
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

use crate::error::AppError;
use crate::pages::{ClientKey, PageCtx};
use crate::state::SharedState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Cohesion API",
        description = "Public API of a Cohesion site. Errors are application/problem+json with a stable snake_case `code`."
    ),
    paths(site_info, post_feedback, get_feedback, crate::ops::healthz),
    components(schemas(
        SiteInfo,
        Language,
        FeedbackRequest,
        FeedbackTally,
        Problem,
        FieldProblem,
        crate::ops::Health
    ))
)]
pub struct ApiDoc;

/// The OpenAPI document, rendered once at start-up.
pub fn openapi_json() -> String {
    ApiDoc::openapi()
        .merge_from(crate::api_accounts::AccountsApi::openapi())
        .merge_from(crate::api_consultations::ConsultationsApi::openapi())
        .merge_from(crate::api_themes::ThemesApi::openapi())
        .to_pretty_json()
        .expect("the OpenAPI document serialises")
}

pub async fn openapi(State(state): State<SharedState>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        state.openapi_json.clone(),
    )
        .into_response()
}

/// An error, as RFC 9457 problem details.
#[derive(Serialize, ToSchema)]
pub struct Problem {
    #[schema(example = "about:blank")]
    pub r#type: String,
    pub title: String,
    pub status: u16,
    /// Stable, machine-readable error code.
    #[schema(example = "unknown_page")]
    pub code: String,
    /// A sentence for people, in the negotiated language.
    pub detail: String,
    /// The input field at fault, when there is one.
    pub field: Option<String>,
    /// Every input field at fault, with its code, when the input broke
    /// rules (422); `code` and `field` repeat the first.
    pub errors: Option<Vec<FieldProblem>>,
    pub request_id: Option<String>,
}

/// One input field's problem.
#[derive(Serialize, ToSchema)]
pub struct FieldProblem {
    #[schema(example = "display_name")]
    pub field: String,
    #[schema(example = "display_name_reserved")]
    pub code: String,
}

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

#[derive(Deserialize, ToSchema)]
pub struct FeedbackRequest {
    /// A page key: home, get_involved, about, accessibility, privacy, cookies.
    #[schema(example = "about")]
    pub page: String,
    /// "yes" or "no".
    #[schema(example = "yes")]
    pub answer: String,
}

#[derive(Serialize, ToSchema)]
pub struct FeedbackTally {
    pub page: String,
    pub useful: u64,
    pub not_useful: u64,
}

#[utoipa::path(post, path = "/api/v1/feedback", tag = "feedback", request_body = FeedbackRequest,
    responses(
        (status = 201, description = "Recorded", body = FeedbackTally),
        (status = 400, description = "Unknown page or malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Answer is not yes or no", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many answers from this client", body = Problem, content_type = "application/problem+json")))]
pub async fn post_feedback(
    State(state): State<SharedState>,
    client: ClientKey,
    body: Result<Json<FeedbackRequest>, JsonRejection>,
) -> Result<Response, AppError> {
    let Json(req) = body?;
    let tally = feedback::record(
        &state.db,
        &req.page,
        &req.answer,
        &client.0,
        state.config.feedback_limit,
    )
    .await?;
    let page = InfoPage::from_key(req.page.trim()).unwrap_or(InfoPage::Home);
    Ok((
        StatusCode::CREATED,
        Json(FeedbackTally {
            page: page.key().to_owned(),
            useful: tally.useful,
            not_useful: tally.not_useful,
        }),
    )
        .into_response())
}

#[utoipa::path(get, path = "/api/v1/feedback/{page}", tag = "feedback",
    params(("page" = String, Path, description = "A page key")),
    responses((status = 200, body = FeedbackTally), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_feedback(
    State(state): State<SharedState>,
    Path(page): Path<String>,
) -> Result<Json<FeedbackTally>, AppError> {
    let page = InfoPage::from_key(&page)
        .ok_or_else(|| AppError::from(ValidationError::new("page", ErrorCode::UnknownPage)))
        .map_err(|mut e| {
            e.status = StatusCode::NOT_FOUND;
            e
        })?;
    let tally = feedback::tally(&state.db, page).await?;
    Ok(Json(FeedbackTally {
        page: page.key().to_owned(),
        useful: tally.useful,
        not_useful: tally.not_useful,
    }))
}
