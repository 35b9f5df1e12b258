//! The JSON API for the theme analysis of a long-text question: read the
//! themes and counts, run discovery, edit, confirm and map. Thin
//! handlers over the services the pages use; staff who analyse only.

use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::themes::discover;
use cohesion_services::consultations::themes::edit::{self, Edit};
use cohesion_services::consultations::themes::map;
use cohesion_services::consultations::themes::{self, confirm};
use cohesion_services::consultations::themes::{Analysis, Figure, ThemeView};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};
use uuid::Uuid;

use crate::kit::{path_id, Acting, ApiJson, AppError, ClientKey, Me, Problem, SharedState};
use cohesion_i18n::Catalog;
use cohesion_ui::unmarked;

/// The consultation and question a call is about: `{id}` and
/// `{question}`. An id that is not one names nothing (404), as in the
/// rest of the API.
pub(super) struct QuestionPath {
    id: Uuid,
    question: String,
}

impl<S: Send + Sync> FromRequestParts<S> for QuestionPath {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Response> {
        let Path((id, question)) = Path::<(String, String)>::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let id = path_id(&id).map_err(IntoResponse::into_response)?;
        Ok(QuestionPath { id, question })
    }
}

/// A count with its 95 % Wilson interval, as fractions of the base.
#[derive(Serialize, ToSchema)]
pub struct CountBody {
    pub count: u64,
    pub base: u64,
    pub share: f64,
    pub low: f64,
    pub high: f64,
}

impl From<&Figure> for CountBody {
    fn from(f: &Figure) -> Self {
        Self {
            count: f.count,
            base: f.base,
            share: f.share,
            low: f.low,
            high: f.high,
        }
    }
}

/// An example answer, personal data masked.
#[derive(Serialize, ToSchema)]
pub struct QuoteBody {
    pub response_id: Uuid,
    pub reference: String,
    pub text: String,
}

#[derive(Serialize, ToSchema)]
pub struct ThemeBody {
    pub id: Uuid,
    pub label: String,
    pub description: String,
    /// `agree`, `disagree`, `unclear`, or `mixed` (added by an analyst).
    #[schema(example = "agree")]
    pub stance: String,
    pub top_terms: Vec<String>,
    pub quotes: Vec<QuoteBody>,
    /// `candidate` or `confirmed`.
    pub status: String,
    /// Answers discovery put in the theme, of the run's answers.
    pub candidate: CountBody,
    /// Answers mapped to the theme, of the answers now; `null` before mapping.
    pub mapped: Option<CountBody>,
    /// Whether `label` is the one discovery made (its strongest terms and
    /// its stance), which `languages` gives in each language; `false`
    /// once an analyst has named the theme.
    pub generated_label: bool,
    /// The label and terms in each of the site's languages.
    pub languages: Vec<ThemeLanguageBody>,
}

/// A theme's label and terms in one of the site's languages, through the
/// bilingual lexicon (ADR 0028).
#[derive(Serialize, ToSchema)]
pub struct ThemeLanguageBody {
    /// A language tag.
    #[schema(example = "ar")]
    pub lang: String,
    /// Discovery's label with its terms in this language where the lexicon
    /// knows them; an analyst's label as written.
    pub label: String,
    /// The terms in this language where the lexicon knows them, else as
    /// found.
    pub top_terms: Vec<String>,
}

fn languages(catalog: &Catalog, t: &ThemeView) -> Vec<ThemeLanguageBody> {
    catalog
        .all()
        .iter()
        .map(|locale| {
            let lang = locale.tag();
            let terms: Vec<String> = t.terms_in(lang).into_iter().map(|s| s.text).collect();
            let label = match t.label_terms_in(lang) {
                Some(first) => {
                    let first: Vec<String> = first.into_iter().map(|s| s.text).collect();
                    let stance = locale.t(&format!("themes-label-{}", t.stance));
                    let text = locale.t_args(
                        "themes-generated-label",
                        &[
                            ("terms", locale.list(&first).into()),
                            ("stance", stance.into()),
                        ],
                    );
                    unmarked(&text)
                }
                None => t.label.clone(),
            };
            ThemeLanguageBody {
                lang: lang.to_owned(),
                label,
                top_terms: terms,
            }
        })
        .collect()
}

#[derive(Serialize, ToSchema)]
pub struct CampaignBody {
    pub response_id: Uuid,
    pub text: String,
    pub count: i64,
}

#[derive(Serialize, ToSchema)]
pub struct RunBody {
    pub id: Uuid,
    pub seed: i64,
    pub run_at: String,
    pub answers: i64,
    pub campaign_answers: i64,
    pub endorsements: i64,
    pub rejections: i64,
    pub unassigned: i64,
    pub confirmed_at: Option<String>,
    pub mapped_at: Option<String>,
}

/// A question's theme analysis as it stands.
#[derive(Serialize, ToSchema)]
pub struct ThemesBody {
    pub question: String,
    /// Submitted written answers now.
    pub answers: i64,
    /// `null` until discovery has run.
    pub run: Option<RunBody>,
    pub themes: Vec<ThemeBody>,
    pub campaigns: Vec<CampaignBody>,
    /// Answers waiting on the review list.
    pub review: i64,
    /// The answers in no live theme: placed in none, or in a theme since
    /// deleted. With the themes' counts every answer is counted; `null`
    /// until discovery has run.
    pub no_theme: Option<NoThemeBody>,
}

/// The answers in no live theme, as a theme's figures are given.
#[derive(Serialize, ToSchema)]
pub struct NoThemeBody {
    /// Of the run's answers.
    pub candidate: CountBody,
    /// Of the answers now; `null` before mapping.
    pub mapped: Option<CountBody>,
}

fn body(a: &Analysis, catalog: &Catalog) -> ThemesBody {
    ThemesBody {
        question: a.question.id.clone(),
        answers: a.answers,
        run: a.run.as_ref().map(|r| RunBody {
            id: r.id,
            seed: r.seed,
            run_at: r.run_at.to_rfc3339(),
            answers: r.answers,
            campaign_answers: r.campaign_answers,
            endorsements: r.endorsements,
            rejections: r.rejections,
            unassigned: r.unassigned,
            confirmed_at: r.confirmed_at.map(|t| t.to_rfc3339()),
            mapped_at: r.mapped_at.map(|t| t.to_rfc3339()),
        }),
        themes: a
            .themes
            .iter()
            .map(|t| ThemeBody {
                id: t.id,
                label: t.label.clone(),
                description: t.description.clone(),
                stance: t.stance.clone(),
                top_terms: t.top_terms.clone(),
                quotes: t
                    .quotes
                    .iter()
                    .map(|q| QuoteBody {
                        response_id: q.response_id,
                        reference: q.reference.clone(),
                        text: q.text.clone(),
                    })
                    .collect(),
                status: t.status.clone(),
                candidate: (&t.candidate).into(),
                mapped: t.mapped.as_ref().map(Into::into),
                generated_label: t.generated,
                languages: languages(catalog, t),
            })
            .collect(),
        campaigns: a
            .campaigns
            .iter()
            .map(|c| CampaignBody {
                response_id: c.response_id,
                text: c.text.clone(),
                count: c.count,
            })
            .collect(),
        review: a.waiting,
        no_theme: a.run.as_ref().map(|_| NoThemeBody {
            candidate: (&a.no_theme).into(),
            mapped: a.no_theme_mapped.as_ref().map(Into::into),
        }),
    }
}

async fn current(
    state: &SharedState,
    me: &SignedIn,
    id: Uuid,
    question: &str,
) -> Result<Response, AppError> {
    let a = themes::analysis(&state.db, me, id, question).await?;
    Ok(Json(body(&a, &state.catalog)).into_response())
}

/// A question's themes and counts.
///
/// Staff who analyse. The question must be a long-text question of the
/// consultation (`not_long_text`, `unknown_question` otherwise).
#[utoipa::path(get, path = "/api/v1/consultations/{id}/questions/{question}/themes", operation_id = "get_themes", tag = "themes",
    params(("id" = Uuid, Path), ("question" = String, Path)), security(("session" = [])),
    responses((status = 200, body = ThemesBody),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`unknown_question` or `not_long_text`", body = Problem, content_type = "application/problem+json")))]
pub async fn show(
    State(state): State<SharedState>,
    Me(me): Me,
    QuestionPath { id, question }: QuestionPath,
) -> Result<Response, AppError> {
    current(&state, &me, id, &question).await
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct RunRequest {
    /// A whole number; the same answers and seed give the same themes.
    #[serde(default)]
    pub seed: u64,
    /// Must be `true` when the latest run has an analyst's work (themes
    /// confirmed, renamed, added, merged or deleted, or answers mapped):
    /// a new run replaces it all. Without it such a run is refused with
    /// a 409 `confirmation_required`, nothing done.
    #[serde(default)]
    pub replace: bool,
}

/// Run discovery with a seed: a new run of candidate themes.
#[utoipa::path(post, path = "/api/v1/consultations/{id}/questions/{question}/themes", operation_id = "run_themes", tag = "themes",
    params(("id" = Uuid, Path), ("question" = String, Path)), request_body = RunRequest, security(("session" = [], "csrf" = [])),
    responses((status = 201, body = ThemesBody),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`confirmation_required`: the latest run has an analyst's work; send `replace: true`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`no_answers`, `not_long_text`, `unknown_question`, `out_of_range`", body = Problem, content_type = "application/problem+json")))]
pub async fn run(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    QuestionPath { id, question }: QuestionPath,
    ApiJson(r): ApiJson<RunRequest>,
) -> Result<Response, AppError> {
    discover::run(
        &state.db,
        &me,
        id,
        &question,
        &r.seed.to_string(),
        match r.replace {
            true => discover::Replace::Confirmed,
            false => discover::Replace::Unconfirmed,
        },
        Some(&client.0),
    )
    .await?;
    let a = themes::analysis(&state.db, &me, id, &question).await?;
    Ok((StatusCode::CREATED, Json(body(&a, &state.catalog))).into_response())
}

/// One change to the theme set.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EditRequest {
    /// `rename`, `merge`, `split`, `delete` or `add`.
    #[schema(example = "rename")]
    pub change: String,
    #[serde(default)]
    pub theme: String,
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub description: String,
    /// The theme to merge into.
    #[serde(default)]
    pub into: String,
    /// Response ids (split: answers of the theme) or references (add).
    #[serde(default)]
    pub examples: Vec<String>,
}

/// Rename, merge, split, delete or add a theme.
///
/// All but renaming send a confirmed set back to candidates. Errors:
/// `field_required`, `duplicate_label`, `same_theme`, `invalid_choice`
/// (a theme or answer that is not this analysis's).
#[utoipa::path(post, path = "/api/v1/consultations/{id}/questions/{question}/themes/edits", operation_id = "edit_themes", tag = "themes",
    params(("id" = Uuid, Path), ("question" = String, Path)), request_body = EditRequest, security(("session" = [], "csrf" = [])),
    responses((status = 200, body = ThemesBody),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn edit(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    QuestionPath { id, question }: QuestionPath,
    ApiJson(r): ApiJson<EditRequest>,
) -> Result<Response, AppError> {
    let e = Edit {
        change: r.change,
        theme: r.theme,
        label: r.label,
        description: r.description,
        into: r.into,
        examples: r.examples,
    };
    edit::edit(&state.db, &me, id, &question, &e, Some(&client.0)).await?;
    current(&state, &me, id, &question).await
}

/// Confirm the live themes as the set answers are mapped to. A set
/// confirmed already is refused (`themes_already_confirmed`), nothing
/// changed.
#[utoipa::path(post, path = "/api/v1/consultations/{id}/questions/{question}/themes/confirmation", operation_id = "confirm_themes", tag = "themes",
    params(("id" = Uuid, Path), ("question" = String, Path)), security(("session" = [], "csrf" = [])),
    responses((status = 200, body = ThemesBody),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`themes_already_confirmed`", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn confirm(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    QuestionPath { id, question }: QuestionPath,
) -> Result<Response, AppError> {
    confirm::confirm(&state.db, &me, id, &question, Some(&client.0)).await?;
    current(&state, &me, id, &question).await
}

/// Map every answer to the confirmed themes, with confidence; unsure
/// answers go on the review list.
#[utoipa::path(post, path = "/api/v1/consultations/{id}/questions/{question}/themes/mapping", operation_id = "map_themes", tag = "themes",
    params(("id" = Uuid, Path), ("question" = String, Path)), security(("session" = [], "csrf" = [])),
    responses((status = 200, body = ThemesBody),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`themes_not_confirmed`", body = Problem, content_type = "application/problem+json")))]
pub async fn map(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    QuestionPath { id, question }: QuestionPath,
) -> Result<Response, AppError> {
    map::map(&state.db, &me, id, &question, Some(&client.0)).await?;
    current(&state, &me, id, &question).await
}

#[derive(OpenApi)]
#[openapi(
    paths(show, run, edit, confirm, map),
    components(schemas(
        ThemesBody,
        ThemeBody,
        ThemeLanguageBody,
        NoThemeBody,
        RunBody,
        CampaignBody,
        QuoteBody,
        CountBody,
        RunRequest,
        EditRequest
    )),
    tags((name = "themes", description = "Themes in the written answers to a long-text question."))
)]
pub(super) struct ThemesApi;

// Read with `ApiJson`: checked against their schemas first.
crate::kit::api::api_bodies!(RunRequest, EditRequest);
