//! What the JSON API says of translations, for every translatable thing
//! (consultations, discussions): a language's texts, each with its
//! original, its translation and where that stands (ADR 14), the body
//! that replaces them, the `{lang}` of the path, and the two answers
//! every area's endpoints give ([`show`] and [`replace`]) over the
//! area's own service ([`Translatable`]). Each area keeps only its
//! routes' descriptions and a call.

use std::collections::BTreeMap;
use std::future::Future;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::Json;
use cohesion_domain::translation::{TextStatus, Texts};
use cohesion_services::accounts::SignedIn;
use cohesion_services::Db;
use cohesion_services::ServiceError;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::{path_param, AppError, SharedState};

/// One text and its translation.
#[derive(Serialize, ToSchema)]
pub struct TranslatedText {
    /// Names the text: `title`, `summary`, `body`, `topic.N`, `area`,
    /// `stage.N.name`, `question.N` (a discussion's guiding questions),
    /// a survey question's `q1.text`, … (lists counted from 0).
    #[schema(example = "title")]
    pub key: String,
    /// As the officer wrote it, in the original's language.
    pub source: String,
    /// As saved, or null.
    pub translation: Option<String>,
    /// `current` (readers see it), `stale` (made from an earlier
    /// original: readers see the original until it is saved again) or
    /// `missing`.
    #[schema(example = "current")]
    pub state: String,
}

/// A thing's texts in one language.
#[derive(Serialize, ToSchema)]
pub struct TranslationBody {
    /// The language it is written in.
    #[schema(example = "en")]
    pub source_language: String,
    /// The language of the translations.
    #[schema(example = "ar")]
    pub language: String,
    pub texts: Vec<TranslatedText>,
}

impl TranslationBody {
    pub fn new(source_language: String, language: &str, texts: Vec<TextStatus>) -> Self {
        TranslationBody {
            source_language,
            language: language.to_owned(),
            texts: texts
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

impl TranslationRequest {
    pub fn texts(self) -> Texts {
        self.texts.into_iter().collect()
    }
}

super::api::api_bodies!(TranslationRequest);

/// The `{lang}` of the path: one of the site's languages, as the site
/// spells its tag; any other names nothing (404).
pub struct Lang(pub String);

impl FromRequestParts<SharedState> for Lang {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &SharedState) -> Result<Self, AppError> {
        path_param(parts, "lang")
            .await
            .and_then(|l| state.catalog.get(&l).map(|l| Lang(l.tag().to_owned())))
            .ok_or_else(|| ServiceError::NotFound.into())
    }
}

/// One area's translations service, as the API's endpoints ask it.
pub trait Translatable {
    /// The language the thing is written in, and each of its texts with
    /// where its translation into `lang` stands (officers only; its own
    /// language and unknown things are not found).
    fn statuses<'a>(
        db: &'a Db,
        me: &'a SignedIn,
        id: Uuid,
        lang: &'a str,
    ) -> impl Future<Output = Result<(String, Vec<TextStatus>), ServiceError>> + Send + 'a;

    /// Replaces its translations into `lang`, checked and recorded in the
    /// audit log as its translations page's changes are.
    fn save<'a>(
        db: &'a Db,
        me: &'a SignedIn,
        id: Uuid,
        lang: &'a str,
        texts: &'a Texts,
        client: Option<&'a str>,
    ) -> impl Future<Output = Result<usize, ServiceError>> + Send + 'a;
}

/// `GET …/{id}/translations/{lang}`: the texts in `lang`.
pub async fn show<T: Translatable>(
    state: &SharedState,
    me: &SignedIn,
    id: Uuid,
    lang: &str,
) -> Result<Json<TranslationBody>, AppError> {
    let (language, texts) = T::statuses(&state.db, me, id, lang).await?;
    Ok(Json(TranslationBody::new(language, lang, texts)))
}

/// `PUT …/{id}/translations/{lang}`: replaces them, then answers with
/// the texts as they now stand.
pub async fn replace<T: Translatable>(
    state: &SharedState,
    me: &SignedIn,
    client: &str,
    id: Uuid,
    lang: &str,
    req: TranslationRequest,
) -> Result<Json<TranslationBody>, AppError> {
    let texts = req.texts();
    T::save(&state.db, me, id, lang, &texts, Some(client)).await?;
    show::<T>(state, me, id, lang).await
}
