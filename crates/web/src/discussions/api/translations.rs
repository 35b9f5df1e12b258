//! A discussion's texts in another language, for officers: each text's
//! original, its saved translation and whether that is current, stale
//! (made from an original that has changed since) or missing; and
//! replacing a language's translations, checked and recorded as the
//! translations page does (`services::discussions::translations`).

use std::future::Future;

use axum::extract::State;
use axum::Json;
use cohesion_domain::translation::{TextStatus, Texts};
use cohesion_services::accounts::SignedIn;
use cohesion_services::discussions::translations;
use cohesion_services::Db;
use cohesion_services::ServiceError;
use uuid::Uuid;

use crate::kit::translations_api::{
    self as api, Lang, Translatable, TranslationBody, TranslationRequest,
};
use crate::kit::{Acting, ApiJson, AppError, ClientKey, Me, PathId, Problem, SharedState};

/// Get a discussion's texts in another language.
///
/// Officers only. Each text (`title`, `body` for the introduction,
/// `question.N`, `topic.N`, `area`) with its original and where its
/// translation stands.
#[utoipa::path(get, path = "/api/v1/discussions/{id}/translations/{lang}", operation_id = "get_discussion_translation", tag = "discussions",
    params(("id" = Uuid, Path), ("lang" = String, Path, description = "A language of the site's other than the discussion's")),
    security(("session" = [])),
    responses((status = 200, body = TranslationBody),
        (status = 401, description = "Not signed in (`sign_in_required`)", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an officer (`forbidden`)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such discussion, or a language the site does not have or the discussion is written in", body = Problem, content_type = "application/problem+json")))]
pub async fn show(
    State(state): State<SharedState>,
    Me(me): Me,
    PathId(id): PathId,
    Lang(lang): Lang,
) -> Result<Json<TranslationBody>, AppError> {
    api::show::<TextsDiscussions>(&state, &me, id, &lang).await
}

/// Replace a discussion's translations into one language.
///
/// Officers only; recorded in the audit log as the translations page's
/// changes are (`discussion.translate`). Search finds the discussion by
/// the new words at once.
#[utoipa::path(put, path = "/api/v1/discussions/{id}/translations/{lang}", operation_id = "put_discussion_translation", tag = "discussions",
    params(("id" = Uuid, Path), ("lang" = String, Path, description = "A language of the site's other than the discussion's")),
    request_body = TranslationRequest, security(("session" = [], "csrf" = [])),
    responses((status = 200, description = "Saved: the texts as they now stand", body = TranslationBody),
        (status = 403, description = "Not an officer (`forbidden`), or `X-CSRF-Token` missing (`csrf_token_invalid`)", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Imported from elsewhere: kept as it was brought in (`discussion_imported`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A key the discussion's texts do not have (`unknown_text`), a text too long \
            (`field_too_long`) or holding control characters (`bad_request`), all at `/texts`; or a body not of \
            the schema's shape. Nothing is saved.", body = Problem, content_type = "application/problem+json")))]
pub async fn replace(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
    Lang(lang): Lang,
    ApiJson(req): ApiJson<TranslationRequest>,
) -> Result<Json<TranslationBody>, AppError> {
    api::replace::<TextsDiscussions>(&state, &me, &client.0, id, &lang, req).await
}

/// The discussions translations service, as the kit's endpoints ask it.
struct TextsDiscussions;

impl Translatable for TextsDiscussions {
    async fn statuses<'a>(
        db: &'a Db,
        me: &'a SignedIn,
        id: Uuid,
        lang: &'a str,
    ) -> Result<(String, Vec<TextStatus>), ServiceError> {
        let (d, texts) = translations::statuses(db, me, id, lang).await?;
        Ok((d.language, texts))
    }

    fn save<'a>(
        db: &'a Db,
        me: &'a SignedIn,
        id: Uuid,
        lang: &'a str,
        texts: &'a Texts,
        client: Option<&'a str>,
    ) -> impl Future<Output = Result<usize, ServiceError>> + Send + 'a {
        translations::set_translation(db, me, id, lang, texts, client)
    }
}
