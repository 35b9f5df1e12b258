//! A consultation's texts in other languages (key to text, as JSON), one
//! row per language.

use uuid::Uuid;

use crate::rows;
use crate::translations as shared;
use crate::{Conn, StorageError};

/// A language's translations of a consultation (key to text), if any.
pub async fn translation(
    conn: Conn<'_>,
    id: Uuid,
    locale: &str,
) -> Result<Option<String>, StorageError> {
    shared::translation(conn, shared::CONSULTATIONS, id, locale).await
}

/// The translations of several consultations in one language at once
/// (a list page): (id, texts as JSON).
pub async fn translations_of(
    conn: Conn<'_>,
    ids: &[Uuid],
    locale: &str,
) -> Result<Vec<(Uuid, String)>, StorageError> {
    shared::translations_of(conn, shared::CONSULTATIONS, ids, locale).await
}

pub async fn set_translation(
    conn: Conn<'_>,
    id: Uuid,
    locale: &str,
    texts: &str,
    by: Option<Uuid>,
) -> Result<(), StorageError> {
    shared::set_translation(conn, shared::CONSULTATIONS, id, locale, texts, by).await
}

/// Every language's translations of a consultation, as JSON.
pub async fn all_translations(conn: Conn<'_>, id: Uuid) -> Result<Vec<String>, StorageError> {
    Ok(by_language(conn, id)
        .await?
        .into_iter()
        .map(|(_, texts)| texts)
        .collect())
}

/// Every language's translations of a consultation: (language, texts as
/// JSON).
pub async fn by_language(conn: Conn<'_>, id: Uuid) -> Result<Vec<(String, String)>, StorageError> {
    shared::by_language(conn, shared::CONSULTATIONS, id).await
}

/// Replaces a language's texts without changing who last translated
/// them: for marking translations as needing review when an original
/// is reworded, and for page titles' translations to follow their pages
/// when the builder moves them (the words are still the translator's).
pub async fn set_texts(
    conn: Conn<'_>,
    id: Uuid,
    locale: &str,
    texts: &str,
) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE consultation_translations SET texts = $1 WHERE consultation_id = $2 AND locale = $3",
        &[&texts, &id, &locale],
    )
    .await?;
    Ok(())
}

/// Removes every language's translations of a consultation: when the
/// language it is written in changes, which is allowed only while they
/// translate nothing (ADR 16).
pub async fn remove_all(conn: Conn<'_>, id: Uuid) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "DELETE FROM consultation_translations WHERE consultation_id = $1",
        &[&id],
    )
    .await?;
    Ok(())
}
