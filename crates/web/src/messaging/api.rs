//! Community messages over the JSON API: subscribing (the same answer
//! whether or not the address is subscribed), confirming and
//! unsubscribing with the emailed tokens, the archive, and officers'
//! writing, translating and sending (counts only, never addresses).

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use cohesion_domain::community_message::Message;
use cohesion_domain::timestamp::Timestamp;
use cohesion_services::messaging::unsubscribing::{self, Unsubscribed};
use cohesion_services::messaging::{authoring, reading, subscribing};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

use super::letters::Letters;
use crate::kit::{
    path_id, Acting, ApiJson, AppError, CatalogLetters, ClientKey, Problem, SharedState,
};

#[derive(OpenApi)]
#[openapi(
    paths(subscribe, confirm, unsubscribe, list, create, show, translate, send),
    components(schemas(
        SubscribeRequest,
        TokenRequest,
        Accepted,
        Unsubscribe,
        MessageSummary,
        MessageRequest,
        TranslationRequest,
        SendRequest,
        MessageDetail
    )),
    tags((name = "community-messages", description = "Community messages by email"))
)]
pub(super) struct MessagingApi;

/// A subscription asked for: confirmed by the link emailed.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubscribeRequest {
    #[serde(default)]
    #[schema(required = true, example = "resident@example.org")]
    pub email: String,
    /// Every area, or those in `areas`.
    #[serde(default)]
    pub all_areas: bool,
    /// Ids of local areas.
    #[serde(default)]
    pub areas: Vec<String>,
    /// Ids of topics; at least one.
    #[serde(default)]
    #[schema(required = true)]
    pub topics: Vec<String>,
    /// `en` or `ar`.
    #[serde(default)]
    #[schema(required = true, example = "ar")]
    pub language: String,
}

/// A token from an emailed link.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    #[serde(default)]
    #[schema(required = true)]
    pub token: String,
}

#[derive(Serialize, ToSchema)]
pub struct Accepted {
    /// Always `check_your_email`: whether the address was subscribed
    /// already is never said.
    pub status: String,
}

#[derive(Serialize, ToSchema)]
pub struct Unsubscribe {
    /// `unsubscribed`, or `already_unsubscribed` for a link used before.
    pub status: String,
}

#[derive(Serialize, ToSchema)]
pub struct MessageSummary {
    pub id: String,
    pub subject: String,
    /// The language `subject` and `body` are in: the reader's where
    /// translated, else the original's.
    pub language: String,
    pub body: String,
    /// RFC 3339, UTC.
    pub sent_at: Option<String>,
}

fn summary(m: &Message, lang: &str) -> MessageSummary {
    let (w, in_lang) = m.in_language(lang);
    MessageSummary {
        id: m.id.to_string(),
        subject: w.subject.clone(),
        language: in_lang.to_owned(),
        body: w.body.clone(),
        sent_at: m.queued_at.map(Timestamp::to_rfc3339),
    }
}

#[utoipa::path(post, path = "/api/v1/community-messages/subscriptions", tag = "community-messages",
    request_body = SubscribeRequest,
    responses(
        (status = 202, description = "A confirmation link is emailed (the same answer for an address subscribed already)", body = Accepted),
        (status = 422, description = "A field is invalid", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this client", body = Problem, content_type = "application/problem+json")))]
pub(super) async fn subscribe(
    State(state): State<SharedState>,
    client: ClientKey,
    ApiJson(req): ApiJson<SubscribeRequest>,
) -> Result<Response, AppError> {
    let letters = Letters(CatalogLetters::for_site(&state).await);
    let r = subscribing::Request {
        email: req.email,
        all_areas: req.all_areas,
        areas: req.areas,
        topics: req.topics,
        language: req.language,
    };
    subscribing::request(&state.db, &letters, &state.config.public_url, &r, &client.0).await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(Accepted {
            status: "check_your_email".into(),
        }),
    )
        .into_response())
}

#[utoipa::path(post, path = "/api/v1/community-messages/subscriptions/confirm", tag = "community-messages",
    request_body = TokenRequest,
    responses(
        (status = 204, description = "The subscription is active"),
        (status = 422, description = "`invalid_token`: not known, used or expired", body = Problem, content_type = "application/problem+json")))]
pub(super) async fn confirm(
    State(state): State<SharedState>,
    client: ClientKey,
    ApiJson(req): ApiJson<TokenRequest>,
) -> Result<StatusCode, AppError> {
    subscribing::confirm(&state.db, &req.token, Some(&client.0)).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/community-messages/subscriptions/unsubscribe", tag = "community-messages",
    request_body = TokenRequest,
    responses(
        (status = 200, description = "Unsubscribed (or was already)", body = Unsubscribe),
        (status = 422, description = "`invalid_token`: a link not made here", body = Problem, content_type = "application/problem+json")))]
pub(super) async fn unsubscribe(
    State(state): State<SharedState>,
    client: ClientKey,
    ApiJson(req): ApiJson<TokenRequest>,
) -> Result<Json<Unsubscribe>, AppError> {
    let done = unsubscribing::unsubscribe(&state.db, &req.token, Some(&client.0)).await?;
    Ok(Json(Unsubscribe {
        status: match done {
            Unsubscribed::Now => "unsubscribed",
            Unsubscribed::Already => "already_unsubscribed",
        }
        .into(),
    }))
}

#[derive(Deserialize, Default)]
pub(super) struct ListParams {
    #[serde(default)]
    page: Option<i64>,
    #[serde(default)]
    lang: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/community-messages", tag = "community-messages",
    params(("page" = Option<i64>, Query, description = "From 0, 20 a page, newest first"),
           ("lang" = Option<String>, Query, description = "`en` or `ar`: translated where it can be")),
    responses((status = 200, description = "Messages sent", body = [MessageSummary])))]
pub(super) async fn list(
    State(state): State<SharedState>,
    Query(p): Query<ListParams>,
) -> Result<Json<Vec<MessageSummary>>, AppError> {
    let (list, _) = reading::archive(&state.db, p.page.unwrap_or(0).clamp(0, 10_000)).await?;
    let lang = p.lang.unwrap_or_else(|| "en".to_owned());
    Ok(Json(list.iter().map(|m| summary(m, &lang)).collect()))
}

/// A message to write or replace.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MessageRequest {
    #[serde(default)]
    #[schema(required = true)]
    pub subject: String,
    /// Plain text or the site's safe Markdown.
    #[serde(default)]
    #[schema(required = true)]
    pub body: String,
    /// `en` or `ar`.
    #[serde(default)]
    #[schema(required = true, example = "en")]
    pub language: String,
    #[serde(default)]
    pub all_areas: bool,
    #[serde(default)]
    pub areas: Vec<String>,
    #[serde(default)]
    #[schema(required = true)]
    pub topics: Vec<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TranslationRequest {
    #[serde(default)]
    #[schema(required = true)]
    pub subject: String,
    #[serde(default)]
    #[schema(required = true)]
    pub body: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SendRequest {
    /// When to send (RFC 3339, or wall-clock time in the site's zone);
    /// left out: now.
    #[serde(default)]
    pub send_at: Option<String>,
}

/// A message with its counts: how many it reaches, never to whom.
#[derive(Serialize, ToSchema)]
pub struct MessageDetail {
    pub id: String,
    pub subject: String,
    pub body: String,
    pub language: String,
    /// Languages it is translated into.
    pub translations: Vec<String>,
    /// `draft`, `scheduled`, `sending` or `sent`.
    pub status: String,
    pub send_at: Option<String>,
    /// Confirmed subscribers it reaches.
    pub reach: i64,
    pub queued: i64,
    pub delivered: i64,
    pub failed: i64,
}

async fn detail(
    state: &SharedState,
    me: &cohesion_services::accounts::SignedIn,
    id: uuid::Uuid,
) -> Result<MessageDetail, AppError> {
    let s = authoring::get(&state.db, me, id).await?;
    let reach = authoring::reach(&state.db, me, id).await?;
    let m = &s.message;
    Ok(MessageDetail {
        id: m.id.to_string(),
        subject: m.original.subject.clone(),
        body: m.original.body.clone(),
        language: m.language.clone(),
        translations: m.translations.keys().cloned().collect(),
        status: m.status(Timestamp::now()).code().to_owned(),
        send_at: m.send_at.map(Timestamp::to_rfc3339),
        reach: reach.iter().map(|(_, n)| n).sum(),
        queued: s.queued,
        delivered: s.delivered,
        failed: s.failed,
    })
}

#[utoipa::path(post, path = "/api/v1/community-messages/messages", tag = "community-messages",
    request_body = MessageRequest,
    responses(
        (status = 201, description = "Written, as a draft", body = MessageDetail),
        (status = 403, description = "Not allowed to send community messages", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid", body = Problem, content_type = "application/problem+json")))]
pub(super) async fn create(
    State(state): State<SharedState>,
    Acting(me): Acting,
    ApiJson(req): ApiJson<MessageRequest>,
) -> Result<Response, AppError> {
    let input = authoring::Input {
        subject: req.subject,
        body: req.body,
        language: req.language,
        all_areas: req.all_areas,
        areas: req.areas,
        topics: req.topics,
    };
    let id = authoring::create(&state.db, &me, &input).await?;
    Ok((StatusCode::CREATED, Json(detail(&state, &me, id).await?)).into_response())
}

#[utoipa::path(get, path = "/api/v1/community-messages/messages/{id}", tag = "community-messages",
    params(("id" = String, Path, description = "The message's id")),
    responses(
        (status = 200, body = MessageDetail),
        (status = 404, body = Problem, content_type = "application/problem+json")))]
pub(super) async fn show(
    State(state): State<SharedState>,
    Acting(me): Acting,
    Path(id): Path<String>,
) -> Result<Json<MessageDetail>, AppError> {
    let id = path_id(&id)?;
    Ok(Json(detail(&state, &me, id).await?))
}

#[utoipa::path(put, path = "/api/v1/community-messages/messages/{id}/translations/{locale}", tag = "community-messages",
    params(("id" = String, Path), ("locale" = String, Path, description = "`en` or `ar`, not the message's own")),
    request_body = TranslationRequest,
    responses(
        (status = 200, body = MessageDetail),
        (status = 409, description = "`message_already_sent`", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub(super) async fn translate(
    State(state): State<SharedState>,
    Acting(me): Acting,
    Path((id, locale)): Path<(String, String)>,
    ApiJson(req): ApiJson<TranslationRequest>,
) -> Result<Json<MessageDetail>, AppError> {
    let id = path_id(&id)?;
    authoring::translate(&state.db, &me, id, &locale, &req.subject, &req.body).await?;
    Ok(Json(detail(&state, &me, id).await?))
}

#[utoipa::path(post, path = "/api/v1/community-messages/messages/{id}/send", tag = "community-messages",
    params(("id" = String, Path)),
    request_body = SendRequest,
    responses(
        (status = 200, description = "Sending (now, or at `send_at`)", body = MessageDetail),
        (status = 409, description = "`message_already_sent`", body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
pub(super) async fn send(
    State(state): State<SharedState>,
    Acting(me): Acting,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<SendRequest>,
) -> Result<Json<MessageDetail>, AppError> {
    let id = path_id(&id)?;
    let at = match req
        .send_at
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(raw) => Some(state.config.time_zone.parse("send_at", raw)?.into()),
        None => None,
    };
    authoring::send(&state.db, &me, id, at).await?;
    if at.is_none() {
        let s = state.clone();
        tokio::spawn(async move {
            if let Err(e) = super::letters::round(&s).await {
                tracing::warn!(error = %e, "could not queue a community message");
            }
        });
    }
    Ok(Json(detail(&state, &me, id).await?))
}

crate::kit::api::api_bodies!(
    SubscribeRequest,
    TokenRequest,
    MessageRequest,
    TranslationRequest,
    SendRequest
);
