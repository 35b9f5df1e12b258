//! A consultation's texts in another language, for officers: every text
//! the translations page lists (its own, its timeline's, its survey's,
//! its findings'), each with its original, its saved translation and
//! whether that is current, stale or missing; and replacing a language's
//! translations through the page's service, with its checks and audit
//! entry (`consultation.translate`).

use std::future::Future;

use axum::extract::State;
use axum::Json;
use cohesion_domain::translation::{TextStatus, Texts};
use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::translations;
use cohesion_services::Db;
use cohesion_services::ServiceError;
use uuid::Uuid;

use crate::kit::translations_api::{
    self as api, Lang, Translatable, TranslationBody, TranslationRequest,
};
use crate::kit::{Acting, ApiJson, AppError, ClientKey, Me, PathId, Problem, SharedState};

/// Get a consultation's texts in another language.
///
/// Officers only. Each text with its original and where its translation
/// stands; keys as the translations page names its fields (`title`,
/// `stage.0.name`, `q1.text`, `q1.option.0`, …).
#[utoipa::path(get, path = "/api/v1/consultations/{id}/translations/{lang}", operation_id = "get_consultation_translation", tag = "consultations",
    params(("id" = Uuid, Path), ("lang" = String, Path, description = "A language of the site's other than the consultation's")),
    security(("session" = [])),
    responses((status = 200, body = TranslationBody),
        (status = 401, description = "Not signed in (`sign_in_required`)", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an officer (`forbidden`)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such consultation, or a language the site does not have or the consultation is written in", body = Problem, content_type = "application/problem+json")))]
pub async fn show(
    State(state): State<SharedState>,
    Me(me): Me,
    PathId(id): PathId,
    Lang(lang): Lang,
) -> Result<Json<TranslationBody>, AppError> {
    api::show::<TextsConsultations>(&state, &me, id, &lang).await
}

/// Replace a consultation's translations into one language.
///
/// Officers only; recorded in the audit log as the translations page's
/// changes are (`consultation.translate`).
#[utoipa::path(put, path = "/api/v1/consultations/{id}/translations/{lang}", operation_id = "put_consultation_translation", tag = "consultations",
    params(("id" = Uuid, Path), ("lang" = String, Path, description = "A language of the site's other than the consultation's")),
    request_body = TranslationRequest, security(("session" = [], "csrf" = [])),
    responses((status = 200, description = "Saved: the texts as they now stand", body = TranslationBody),
        (status = 403, description = "Not an officer (`forbidden`), or `X-CSRF-Token` missing (`csrf_token_invalid`)", body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A key the consultation's texts do not have (`unknown_text`), a text too long \
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
    api::replace::<TextsConsultations>(&state, &me, &client.0, id, &lang, req).await
}

/// The consultations translations service, as the kit's endpoints ask it.
struct TextsConsultations;

impl Translatable for TextsConsultations {
    async fn statuses<'a>(
        db: &'a Db,
        me: &'a SignedIn,
        id: Uuid,
        lang: &'a str,
    ) -> Result<(String, Vec<TextStatus>), ServiceError> {
        let (language, texts) = translations::statuses(db, me, id, lang).await?;
        Ok((language, texts))
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
