//! Officers writing a discussion (the consultation stage it is part of
//! among its details), publishing and withdrawing it.

use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cohesion_domain::discussion::details::DiscussionInput;
use cohesion_domain::discussion::stage_link::StageRef;
use cohesion_domain::identity::Action;
use cohesion_services::accounts::SignedIn;
use cohesion_services::discussions::{authoring, reading};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::read::{detail, DiscussionDetail, StageLinkBody};
use crate::kit::{Acting, ApiJson, AppError, ClientKey, PathId, Problem, SharedState};

/// A discussion's details, to create or replace.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DiscussionRequest {
    #[serde(default)]
    #[schema(required = true, example = "Feeling safe in the town centre")]
    pub title: String,
    /// Markdown (raw HTML is shown as text).
    #[serde(default)]
    #[schema(required = true)]
    pub introduction: String,
    /// Guiding questions, up to 10, each of 300 characters or fewer.
    #[serde(default)]
    pub questions: Vec<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub area: String,
    /// When it opens for comments: `YYYY-MM-DDTHH:MM[:SS]` followed by
    /// `Z` or an offset names an instant; without either it is wall-clock
    /// time in the site's time zone, and a time the clocks skip
    /// (`time_does_not_exist`) or show twice (`time_is_ambiguous`) is
    /// refused. Responses give instants in UTC (RFC 3339).
    #[serde(default)]
    #[schema(required = true, example = "2026-12-01T09:00Z")]
    pub opens_at: String,
    /// When it closes for comments, written as `opens_at` is.
    #[serde(default)]
    #[schema(required = true, example = "2027-01-31T17:00Z")]
    pub closes_at: String,
    /// A language tag the site has (`en`, `ar`; another is
    /// `unknown_locale`). Left out, a new discussion is in the site's
    /// first language and a replaced one keeps its own.
    #[serde(default)]
    #[schema(example = "ar")]
    pub language: String,
    /// `off` (the default), `first` (a member's first `first_comments`
    /// comments wait for a moderator) or `all`; another is
    /// `invalid_choice`.
    #[serde(default)]
    #[schema(example = "first")]
    pub pre_moderation: String,
    /// With `first`: from 1 to 20 (`out_of_range` otherwise).
    #[serde(default)]
    #[schema(example = 3)]
    pub first_comments: Option<u32>,
    /// The consultation stage the discussion is part of; `null` for none.
    /// Left out, a new discussion is part of none and a replaced one
    /// keeps its own. A consultation that does not exist is
    /// `unknown_consultation`, a stage its timeline does not have
    /// `unknown_stage` (both at `/consultation_stage`).
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<StageLinkBody>)]
    pub consultation_stage: Option<Option<StageLinkBody>>,
}

/// A member sent, even as `null`: `Some(None)`; left out, `serde`'s
/// default (`None`) stands. Tells "unlink" from "keep".
fn present<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

/// The link as the form's select writes it (empty for none).
fn stage_value(link: Option<StageLinkBody>) -> String {
    link.map(|l| {
        StageRef {
            consultation_id: l.consultation_id,
            stage: l.stage,
        }
        .form_value()
    })
    .unwrap_or_default()
}

impl From<DiscussionRequest> for DiscussionInput {
    fn from(r: DiscussionRequest) -> Self {
        DiscussionInput {
            title: r.title,
            introduction: r.introduction,
            // One per line in the form's shape: a line break inside one
            // question would split it in two.
            questions: r
                .questions
                .iter()
                .map(|q| q.replace(['\n', '\r'], " "))
                .collect::<Vec<_>>()
                .join("\n"),
            topics: r
                .topics
                .iter()
                .map(|t| t.replace([',', '،'], " "))
                .collect::<Vec<_>>()
                .join(","),
            area: r.area,
            opens_at: r.opens_at,
            closes_at: r.closes_at,
            language: r.language,
            pre_moderation: r.pre_moderation,
            first_comments: r.first_comments.map(|n| n.to_string()).unwrap_or_default(),
            consultation_stage: stage_value(r.consultation_stage.flatten()),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct DiscussionCreated {
    pub id: Uuid,
}

/// Create a discussion.
///
/// Officers only. It starts as a draft.
#[utoipa::path(post, path = "/api/v1/discussions", operation_id = "create_discussion", tag = "discussions",
    request_body = DiscussionRequest, security(("session" = [], "csrf" = [])),
    responses((status = 201, body = DiscussionCreated),
        (status = 401, description = "Not signed in (`sign_in_required`)", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an officer (`forbidden`), or `X-CSRF-Token` missing (`csrf_token_invalid`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Every problem listed in `errors`, each with its `pointer`: `field_required`, \
            `field_too_long`, `invalid_date`, `closes_before_opens`, `time_does_not_exist`, `time_is_ambiguous`, \
            `unknown_locale` (`/language`), `invalid_choice` (`/pre_moderation`), `out_of_range` (`/first_comments`), \
            `unknown_consultation` or `unknown_stage` (`/consultation_stage`); or `bad_request` for a body not of the schema's shape (`unknown_field`, `invalid_type`). Nothing is saved.",
            body = Problem, content_type = "application/problem+json")))]
pub async fn create(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    ApiJson(body): ApiJson<DiscussionRequest>,
) -> Result<Response, AppError> {
    let input = DiscussionInput::from(body);
    let zone = &state.config.time_zone;
    let languages = state.languages();
    let id = authoring::create(&state.db, &me, &input, zone, &languages, Some(&client.0)).await?;
    let mut res = (StatusCode::CREATED, Json(DiscussionCreated { id })).into_response();
    if let Ok(v) = HeaderValue::from_str(&format!("/api/v1/discussions/{id}")) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    Ok(res)
}

/// Replace a discussion's details.
#[utoipa::path(put, path = "/api/v1/discussions/{id}", operation_id = "update_discussion", tag = "discussions",
    params(("id" = Uuid, Path)), request_body = DiscussionRequest, security(("session" = [], "csrf" = [])),
    responses((status = 204, description = "Saved"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Imported from elsewhere: read-only (`discussion_imported`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "As for creating; and `language_has_translations` (`/language`) for a new \
            language while translations of the discussion exist. Nothing is saved.", body = Problem, content_type = "application/problem+json")))]
pub async fn update(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
    ApiJson(body): ApiJson<DiscussionRequest>,
) -> Result<StatusCode, AppError> {
    let keep_stage = body.consultation_stage.is_none();
    let mut input = DiscussionInput::from(body);
    let keep_language = input.language.trim().is_empty();
    if (keep_language || keep_stage) && me.roles.allows(Action::RunEngagement) {
        // Left out: it keeps its own (the service refuses anyone else).
        let stored = reading::discussion(&state.db, Some(&me), id).await?;
        if keep_language {
            input.language = stored.language;
        }
        if keep_stage {
            input.consultation_stage = stage_value(stored.consultation_stage.map(Into::into));
        }
    }
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
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn publication(
    state: &SharedState,
    me: &SignedIn,
    client: &ClientKey,
    id: Uuid,
    publish: bool,
) -> Result<Json<DiscussionDetail>, AppError> {
    authoring::set_published(&state.db, me, id, publish, Some(&client.0)).await?;
    let d = reading::discussion(&state.db, Some(me), id).await?;
    Ok(Json(detail(&d)))
}

/// Publish a discussion.
///
/// Everyone can then read it; members can comment while it is open.
/// Publishing a published discussion changes nothing.
#[utoipa::path(post, path = "/api/v1/discussions/{id}/publish", operation_id = "publish_discussion", tag = "discussions",
    params(("id" = Uuid, Path)), security(("session" = [], "csrf" = [])),
    responses((status = 200, description = "Published: the discussion as it now stands", body = DiscussionDetail),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn publish(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
) -> Result<Json<DiscussionDetail>, AppError> {
    publication(&state, &me, &client, id, true).await
}

/// Withdraw a discussion from residents.
///
/// Its comments are kept, and come back if it is published again.
#[utoipa::path(post, path = "/api/v1/discussions/{id}/withdraw", operation_id = "withdraw_discussion", tag = "discussions",
    params(("id" = Uuid, Path)), security(("session" = [], "csrf" = [])),
    responses((status = 200, description = "Withdrawn: the discussion as it now stands", body = DiscussionDetail),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not published: nothing to withdraw (`not_published`)", body = Problem, content_type = "application/problem+json")))]
pub async fn withdraw(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
) -> Result<Json<DiscussionDetail>, AppError> {
    publication(&state, &me, &client, id, false).await
}

/// Close an open discussion now.
///
/// Its closing date becomes this moment: nobody can comment from now on,
/// everyone can still read it, and its followers are told it closed.
#[utoipa::path(post, path = "/api/v1/discussions/{id}/close", operation_id = "close_discussion", tag = "discussions",
    params(("id" = Uuid, Path)), security(("session" = [], "csrf" = [])),
    responses((status = 200, description = "Closed: the discussion as it now stands", body = DiscussionDetail),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not open (a draft, upcoming, closed or imported): nothing to close (`discussion_not_open`)", body = Problem, content_type = "application/problem+json")))]
pub async fn close(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
) -> Result<Json<DiscussionDetail>, AppError> {
    authoring::close_now(&state.db, &me, id, Some(&client.0)).await?;
    let d = reading::discussion(&state.db, Some(&me), id).await?;
    Ok(Json(detail(&d)))
}

// Read with `ApiJson`: checked against their schemas first.
crate::kit::api::api_bodies!(DiscussionRequest);
