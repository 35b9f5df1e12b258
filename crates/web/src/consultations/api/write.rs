//! Officers writing a consultation: its details, survey and timeline,
//! and publishing it and its results.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cohesion_domain::consultation::Publication;
use cohesion_domain::consultation::{
    safe_url, ConsultationInput, StageInput, MAX_STAGE_NAME_CHARS,
};
use cohesion_domain::survey::model::SurveyDefinition;
use cohesion_domain::ErrorCode;
use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::results::publication;
use cohesion_services::consultations::{authoring, ConsultationError};
use cohesion_services::ServiceError;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::read::{DocumentBody, StageBody};
use crate::kit::api::read_json;
use crate::kit::problem::is_json;
use crate::kit::{Acting, ApiJson, AppError, ClientKey, PathId, Problem, SharedState};

/// A consultation's details, to create or replace.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsultationRequest {
    #[serde(default)]
    #[schema(required = true, example = "Safer streets, stronger communities")]
    pub title: String,
    #[serde(default)]
    #[schema(required = true)]
    pub summary: String,
    /// Markdown (raw HTML is shown as text).
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub area: String,
    /// When it opens: `YYYY-MM-DDTHH:MM[:SS]` followed by `Z` or an
    /// offset (`+01:00`) names an instant; without either it is
    /// wall-clock time in the site's time zone (`time_zone` in the
    /// configuration, Europe/London unless changed), and a time the clocks
    /// skip (`time_does_not_exist`) or show twice (`time_is_ambiguous`)
    /// when they change is refused with 422. Responses give instants in
    /// UTC (RFC 3339).
    #[serde(default)]
    #[schema(required = true, example = "2026-12-01T09:00Z")]
    pub opens_at: String,
    /// When it closes (responses are taken until just before), written as
    /// `opens_at` is.
    #[serde(default)]
    #[schema(required = true, example = "2027-01-31T17:00Z")]
    pub closes_at: String,
    #[serde(default)]
    pub allow_anonymous: bool,
    /// Strands of engagement, e.g. "Community-led sessions".
    #[serde(default)]
    pub strands: Vec<String>,
    /// Linked documents (https:// or a path on this site).
    #[serde(default)]
    pub documents: Vec<DocumentBody>,
    /// The language the texts are written in: a language tag the site
    /// has (`en`, `ar`; another is refused with `unknown_locale`).
    /// Left out, a new consultation is in the site's first language and
    /// a replaced one keeps its own. It cannot change while the
    /// consultation has translations (`language_has_translations`).
    #[serde(default)]
    #[schema(example = "ar")]
    pub language: String,
}

impl From<ConsultationRequest> for ConsultationInput {
    fn from(r: ConsultationRequest) -> Self {
        ConsultationInput {
            title: r.title,
            summary: r.summary,
            body: r.body,
            topics: r.topics.join(","),
            area: r.area,
            opens_at: r.opens_at,
            closes_at: r.closes_at,
            allow_anonymous: if r.allow_anonymous { "yes" } else { "no" }.into(),
            // One per line in the form's shape; a line break inside one
            // item would split it, so those are refused by making the
            // line unreadable ("|" missing or an empty title).
            strands: r
                .strands
                .iter()
                .map(|s| s.replace(['\n', '\r'], " "))
                .collect::<Vec<_>>()
                .join("\n"),
            documents: r
                .documents
                .iter()
                .map(|d| format!("{} | {}", d.title.replace(['\n', '\r', '|'], " "), d.url))
                .collect::<Vec<_>>()
                .join("\n"),
            language: r.language,
        }
    }
}

/// Where a problem with `documents` lies: the domain checks them as the
/// form's lines and names the list; an API client sent an array, and is
/// told which item and member.
struct DocumentPlaces(Option<String>);

impl DocumentPlaces {
    fn of(body: &ConsultationRequest) -> Self {
        let bad = body.documents.iter().enumerate().find_map(|(i, d)| {
            let title = d.title.trim();
            if title.is_empty() || title.chars().count() > MAX_STAGE_NAME_CHARS {
                Some(format!("/documents/{i}/title"))
            } else if !safe_url(d.url.trim()) {
                Some(format!("/documents/{i}/url"))
            } else {
                None
            }
        });
        Self(bad)
    }

    fn place(&self, e: ServiceError) -> AppError {
        AppError::from(e).placed(|_, p| {
            let listed = p.field == "documents" && p.code != ErrorCode::FieldTooLong;
            self.0.clone().filter(|_| listed)
        })
    }
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    pub id: Uuid,
}

/// Create a consultation.
///
/// Officers only. It starts as a draft with an empty survey.
#[utoipa::path(post, path = "/api/v1/consultations", operation_id = "create_consultation", tag = "consultations",
    request_body = ConsultationRequest, security(("session" = [], "csrf" = [])),
    responses((status = 201, body = Created),
        (status = 403, description = "Not an officer, or `X-CSRF-Token` missing", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON (`unsupported_media_type`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Every problem listed in `errors`, each with its `pointer` (`/closes_at`, \
            `/documents/1/url`): `field_required`, `field_too_long`, `invalid_date`, `closes_before_opens`, \
            `time_does_not_exist`, `time_is_ambiguous`, `unknown_locale` (`/language`), …; or `bad_request` for a body \
            not of the schema's shape (`unknown_field`, `invalid_type`). Nothing is saved.", body = Problem, content_type = "application/problem+json")))]
pub async fn create(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    ApiJson(body): ApiJson<ConsultationRequest>,
) -> Result<Response, AppError> {
    let documents = DocumentPlaces::of(&body);
    let input = ConsultationInput::from(body);
    let zone = &state.config.time_zone;
    let languages = state.languages();
    let id = authoring::create(&state.db, &me, &input, zone, &languages, Some(&client.0))
        .await
        .map_err(|e| documents.place(e))?;
    let mut res = (StatusCode::CREATED, Json(Created { id })).into_response();
    if let Ok(v) = HeaderValue::from_str(&format!("/api/v1/consultations/{id}")) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    Ok(res)
}

/// Replace a consultation's details.
#[utoipa::path(put, path = "/api/v1/consultations/{id}", operation_id = "update_consultation", tag = "consultations",
    params(("id" = Uuid, Path)), request_body = ConsultationRequest, security(("session" = [], "csrf" = [])),
    responses((status = 204, description = "Saved"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "As for creating; and `language_has_translations` (`/language`) for a new \
            language while translations exist (remove them first). Nothing is saved.",
            body = Problem, content_type = "application/problem+json")))]
pub async fn update(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
    ApiJson(body): ApiJson<ConsultationRequest>,
) -> Result<StatusCode, AppError> {
    let documents = DocumentPlaces::of(&body);
    let input = ConsultationInput::from(body);
    let zone = &state.config.time_zone;
    let languages = state.languages();
    authoring::update(
        &state.db,
        &me,
        id,
        &input,
        zone,
        &languages,
        Some(&client.0),
    )
    .await
    .map_err(|e| documents.place(e))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Replace the survey.
///
/// The whole definition (`SurveyDefinition`): pages of questions with
/// stable ids, each with a `type` — `single_choice`, `multiple_choice`,
/// `agreement`, `effectiveness`, `ranking`, `number`, `date`,
/// `short_text`, `long_text`, `matrix` or `demographic` — and that
/// type's members, and optional `show_if` / `skip_if` rules. It is
/// checked against its schema first (an unknown member such as a
/// misspelt `show_if` is refused, not ignored), then as a whole: every
/// rule so nobody can reach a dead end, ids unique, special-category
/// questions with a `purpose`. Once anyone has responded only the
/// wording may change (question texts, hints, purposes, option and row
/// labels, page titles): such a survey is kept as a typo fix, recorded
/// in the consultation's history; any other change is refused
/// (`survey_locked`).
#[utoipa::path(put, path = "/api/v1/consultations/{id}/survey", operation_id = "set_survey", tag = "consultations",
    params(("id" = Uuid, Path)), request_body(content = super::survey_schema::SurveySchema), security(("session" = [], "csrf" = [])),
    responses((status = 204, description = "Saved"),
        (status = 400, description = "Malformed JSON (`bad_request`)", body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON (`unsupported_media_type`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`survey_locked` once people have responded; `bad_request` when the document is not \
            of the schema's shape (`unknown_field`, `invalid_type`, …); else `invalid_survey`: each problem in `errors` with its `pointer` \
            (`/pages/0/questions/2/options`, or `/pages/0/questions/2/options/3` for an option that repeats an \
            earlier one, `duplicate_label`) and, as `field`, the question's id or `page-N`", body = Problem, content_type = "application/problem+json")))]
pub async fn set_survey(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
    ApiJson(survey): ApiJson<SurveyDefinition>,
) -> Result<StatusCode, AppError> {
    authoring::set_survey(&state.db, &me, id, &survey, Some(&client.0))
        .await
        .map_err(|e| placed_in(&survey, e))?;
    Ok(StatusCode::NO_CONTENT)
}

/// A survey's problems, each at its place in the document sent, in the
/// words for a survey's members.
fn placed_in(survey: &SurveyDefinition, e: ServiceError) -> AppError {
    let pointers = match &e {
        ServiceError::Consultation(ConsultationError::InvalidSurvey(list)) => survey.pointers(list),
        _ => Vec::new(),
    };
    // The whole survey is refused (`survey_locked`): the whole document.
    let mut e = AppError::from(e).placed(|i, p| {
        pointers
            .get(i)
            .cloned()
            .or_else(|| (p.field == "survey").then(String::new))
    });
    if !pointers.is_empty() {
        for p in &mut e.info.problems {
            p.message = p.message.or(survey_words(p.code));
        }
    }
    e
}

fn survey_words(code: ErrorCode) -> Option<&'static str> {
    Some(match code {
        ErrorCode::InvalidChoice => "api-survey-choices",
        ErrorCode::DuplicateLabel => "api-survey-duplicate",
        ErrorCode::FieldRequired => "api-survey-text",
        ErrorCode::FieldTooLong => "api-survey-too-long",
        ErrorCode::InvalidSlug => "api-survey-id",
        ErrorCode::AlreadyRegistered => "api-survey-id-taken",
        ErrorCode::TooManyChoices => "api-survey-max",
        ErrorCode::OutOfRange => "api-survey-range",
        ErrorCode::PurposeRequired => "api-survey-purpose",
        ErrorCode::InvalidSurvey => "api-survey-rule",
        _ => return None,
    })
}

/// Replace the timeline.
#[utoipa::path(put, path = "/api/v1/consultations/{id}/stages", operation_id = "set_stages", tag = "consultations",
    params(("id" = Uuid, Path)), request_body = Vec<StageBody>, security(("session" = [], "csrf" = [])),
    responses((status = 204, description = "Saved"),
        (status = 409, description = "`stage_has_discussions`: a discussion is linked to a place the new timeline does not have (links follow places); link it elsewhere first. Nothing is saved", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Every problem in `errors`, each at its stage (`/1/state`); nothing is saved", body = Problem, content_type = "application/problem+json")))]
pub async fn set_stages(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
    ApiJson(body): ApiJson<Vec<StageBody>>,
) -> Result<StatusCode, AppError> {
    let stages: Vec<StageInput> = body.into_iter().map(Into::into).collect();
    authoring::set_stages(&state.db, &me, id, &stages, Some(&client.0))
        .await
        .map_err(|e| placed_in_stages(&stages, e))?;
    Ok(StatusCode::NO_CONTENT)
}

/// The timeline's problems at their stage: the service lists each
/// stage's problems in turn, by field name only; the body is an array.
fn placed_in_stages(stages: &[StageInput], e: ServiceError) -> AppError {
    let places: Vec<String> = stages
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            let errors = s.validate().err().unwrap_or_default();
            errors.into_iter().map(move |e| format!("/{i}/{}", e.field))
        })
        .collect();
    let listed = matches!(e, ServiceError::InvalidFields(_));
    AppError::from(e).placed(|i, p| match p.field.as_str() {
        // Too many stages: the list as a whole.
        "stages" => Some(String::new()),
        _ if listed => places.get(i).cloned(),
        _ => None,
    })
}

async fn publication(
    state: &SharedState,
    me: &SignedIn,
    client: &ClientKey,
    id: Uuid,
    what: Publication,
    publish: bool,
) -> Result<StatusCode, AppError> {
    authoring::set_published(&state.db, me, id, what, publish, Some(&client.0)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Publish the consultation.
#[utoipa::path(put, path = "/api/v1/consultations/{id}/publication", operation_id = "publish_consultation", tag = "consultations",
    params(("id" = Uuid, Path)), security(("session" = [], "csrf" = [])),
    responses((status = 204, description = "Published"), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The survey has no question yet (`no_questions`)", body = Problem, content_type = "application/problem+json")))]
pub async fn publish(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
) -> Result<StatusCode, AppError> {
    publication(&state, &me, &client, id, Publication::Consultation, true).await
}

/// Withdraw the consultation: the public's address then answers 410
/// (`consultation_withdrawn`) until it is published again; its
/// responses are kept.
#[utoipa::path(delete, path = "/api/v1/consultations/{id}/publication", operation_id = "withdraw_consultation", tag = "consultations",
    params(("id" = Uuid, Path)), security(("session" = [], "csrf" = [])),
    responses((status = 204, description = "Withdrawn"), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not published: nothing to withdraw (`not_published`)", body = Problem, content_type = "application/problem+json")))]
pub async fn withdraw(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
) -> Result<StatusCode, AppError> {
    publication(&state, &me, &client, id, Publication::Consultation, false).await
}

/// What to publish of the results. Without a body: every question that
/// may be published, unweighted.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct PublishResultsRequest {
    /// Ids of the questions the public sees; special-category questions
    /// are refused. Absent: every one that may be published.
    pub questions: Option<Vec<String>>,
    /// Population margins (as on the weighted results page), to publish
    /// weighted figures beside the counts, worked out now.
    #[schema(example = "q8: 4, 14, 17, 17, 16, 13, 10, 9, -")]
    pub margins: Option<String>,
}

/// Publish the results.
///
/// Officers choose which questions the public sees and, optionally,
/// weighted figures. Publishing again replaces what was published.
#[utoipa::path(put, path = "/api/v1/consultations/{id}/results/publication", operation_id = "publish_results", tag = "consultations",
    params(("id" = Uuid, Path)), request_body(content = Option<PublishResultsRequest>), security(("session" = [], "csrf" = [])),
    responses((status = 204, description = "Published"), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The consultation is not published (`consultation_draft`) or nobody has responded (`no_responses`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A question that does not exist or may not be published, or margins that cannot be used", body = Problem, content_type = "application/problem+json")))]
pub async fn publish_results(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
    headers: HeaderMap,
    body: Bytes,
) -> Result<StatusCode, AppError> {
    // No body at all asks for the default; a body must be JSON.
    let request = if body.is_empty() {
        PublishResultsRequest::default()
    } else if is_json(&headers) {
        read_json::<PublishResultsRequest>(&body)?
    } else {
        return Err(AppError::status(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::UnsupportedMediaType,
        ));
    };
    publication::publish(
        &state.db,
        &me,
        id,
        request.questions.as_deref(),
        request.margins.as_deref(),
        Some(&client.0),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Withdraw the results.
#[utoipa::path(delete, path = "/api/v1/consultations/{id}/results/publication", operation_id = "withdraw_results", tag = "consultations",
    params(("id" = Uuid, Path)), security(("session" = [], "csrf" = [])),
    responses((status = 204, description = "Withdrawn"), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not published: nothing to withdraw (`not_published`)", body = Problem, content_type = "application/problem+json")))]
pub async fn withdraw_results(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
) -> Result<StatusCode, AppError> {
    publication(&state, &me, &client, id, Publication::Results, false).await
}

// Read with `ApiJson`: checked against their schemas first.
crate::kit::api::api_bodies!(ConsultationRequest, PublishResultsRequest);
