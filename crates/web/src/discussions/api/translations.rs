//! A discussion's texts in another language, for officers: each text's
//! original, its saved translation and whether that is current, stale
//! (made from an original that has changed since) or missing; and
//! replacing a language's translations, checked and recorded as the
//! translations page does (`services::discussions::translations`).

use std::collections::BTreeMap;

use axum::extract::State;
use axum::Json;
use cohesion_domain::translation::Texts;
use cohesion_services::accounts::SignedIn;
use cohesion_services::discussions::translations::{self, TextStatus};
use cohesion_services::ServiceError;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::{path_param, Acting, ApiJson, AppError, Me, PathId, Problem, SharedState};

/// One text and its translation.
#[derive(Serialize, ToSchema)]
pub struct TranslatedText {
    /// Names the text: `title`, `body` (the introduction), `question.N`,
    /// `topic.N`, `area` (lists counted from 0).
    #[schema(example = "question.0")]
    pub key: String,
    /// As the officer wrote it, in the discussion's language.
    pub source: String,
    /// As saved, or null.
    pub translation: Option<String>,
    /// `current` (readers see it), `stale` (made from an earlier
    /// original: readers see the original until it is saved again) or
    /// `missing`.
    #[schema(example = "current")]
    pub state: String,
}

/// A discussion's texts in one language.
#[derive(Serialize, ToSchema)]
pub struct DiscussionTranslation {
    pub discussion_id: Uuid,
    /// The language the discussion is written in.
    #[schema(example = "en")]
    pub source_language: String,
    /// The language of the translations.
    #[schema(example = "ar")]
    pub language: String,
    pub texts: Vec<TranslatedText>,
}

/// A language's translations, to replace those saved.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TranslationRequest {
    /// Key to translation, for the keys the texts have; a text left out
    /// or empty shows as written. The translations saved before are
    /// replaced as a whole.
    #[serde(default)]
    #[schema(required = true)]
    pub texts: BTreeMap<String, String>,
}

fn body(id: Uuid, source: String, language: &str, list: Vec<TextStatus>) -> DiscussionTranslation {
    DiscussionTranslation {
        discussion_id: id,
        source_language: source,
        language: language.to_owned(),
        texts: list
            .into_iter()
            .map(|t| TranslatedText {
                key: t.key,
                source: t.source,
                translation: t.translation,
                state: t.state.key().to_owned(),
            })
            .collect(),
    }
}

/// The site's language named `{lang}` in the path, as the site spells
/// its tag; any other is no page (404).
fn language(state: &SharedState, lang: Option<String>) -> Result<String, AppError> {
    lang.and_then(|l| state.catalog.get(&l).map(|l| l.tag().to_owned()))
        .ok_or_else(|| ServiceError::NotFound.into())
}

async fn answer(
    state: &SharedState,
    me: &SignedIn,
    id: Uuid,
    lang: &str,
) -> Result<Json<DiscussionTranslation>, AppError> {
    let (d, list) = translations::statuses(&state.db, me, id, lang).await?;
    Ok(Json(body(id, d.language, lang, list)))
}

/// `{lang}` from the path.
pub struct Lang(Option<String>);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Lang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(Lang(path_param(parts, "lang").await))
    }
}

/// Get a discussion's texts in another language.
///
/// Officers only. Each text with its original and where its translation
/// stands.
#[utoipa::path(get, path = "/api/v1/discussions/{id}/translations/{lang}", operation_id = "get_discussion_translation", tag = "discussions",
    params(("id" = Uuid, Path), ("lang" = String, Path, description = "A language of the site's other than the discussion's")),
    security(("session" = [])),
    responses((status = 200, body = DiscussionTranslation),
        (status = 401, description = "Not signed in (`sign_in_required`)", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an officer (`forbidden`)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such discussion, or a language the site does not have or the discussion is written in", body = Problem, content_type = "application/problem+json")))]
pub async fn show(
    State(state): State<SharedState>,
    Me(me): Me,
    PathId(id): PathId,
    Lang(lang): Lang,
) -> Result<Json<DiscussionTranslation>, AppError> {
    let lang = language(&state, lang)?;
    answer(&state, &me, id, &lang).await
}

/// Replace a discussion's translations into one language.
///
/// Officers only; recorded in the audit log as the translations page's
/// changes are (`discussion.translate`). Search finds the discussion by
/// the new words at once.
#[utoipa::path(put, path = "/api/v1/discussions/{id}/translations/{lang}", operation_id = "put_discussion_translation", tag = "discussions",
    params(("id" = Uuid, Path), ("lang" = String, Path, description = "A language of the site's other than the discussion's")),
    request_body = TranslationRequest, security(("session" = [], "csrf" = [])),
    responses((status = 200, description = "Saved: the texts as they now stand", body = DiscussionTranslation),
        (status = 403, description = "Not an officer (`forbidden`), or `X-CSRF-Token` missing (`csrf_token_invalid`)", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Imported from elsewhere: kept as it was brought in (`discussion_imported`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A key the discussion's texts do not have (`unknown_text`), a text too long \
            (`field_too_long`) or holding control characters (`bad_request`), all at `/texts`; or a body not of \
            the schema's shape. Nothing is saved.", body = Problem, content_type = "application/problem+json")))]
pub async fn replace(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: crate::kit::ClientKey,
    PathId(id): PathId,
    Lang(lang): Lang,
    ApiJson(req): ApiJson<TranslationRequest>,
) -> Result<Json<DiscussionTranslation>, AppError> {
    let lang = language(&state, lang)?;
    let texts: Texts = req.texts.into_iter().collect();
    translations::set_translation(&state.db, &me, id, &lang, &texts, Some(&client.0)).await?;
    answer(&state, &me, id, &lang).await
}

// Read with `ApiJson`: checked against its schema first.
crate::kit::api::api_bodies!(TranslationRequest);
