//! A consultation's texts in other languages (key to text, as JSON), one
//! row per language.

use uuid::Uuid;

use crate::rows;
use crate::{Conn, StorageError, Timestamp};

/// A language's translations of a consultation (key to text), if any.
pub async fn translation(
    conn: Conn<'_>,
    id: Uuid,
    locale: &str,
) -> Result<Option<String>, StorageError> {
    rows::fetch_optional(
        conn,
        "SELECT texts FROM consultation_translations WHERE consultation_id = $1 AND locale = $2",
        &[&id, &locale],
        rows::scalar,
    )
    .await
}

/// The translations of several consultations in one language at once
/// (a list page): (id, texts as JSON).
pub async fn translations_of(
    conn: Conn<'_>,
    ids: &[Uuid],
    locale: &str,
) -> Result<Vec<(Uuid, String)>, StorageError> {
    let (Some(first), Some(last)) = (ids.iter().min(), ids.iter().max()) else {
        return Ok(Vec::new());
    };
    // One range query (ids are time-ordered), filtered to the page's ids.
    let rows: Vec<(Uuid, String)> = rows::fetch_all(
        conn,
        "SELECT consultation_id, texts FROM consultation_translations \
         WHERE locale = $1 AND consultation_id >= $2 AND consultation_id <= $3",
        &[&locale, first, last],
        rows::tuple,
    )
    .await?;
    Ok(rows
        .into_iter()
        .filter(|(id, _)| ids.contains(id))
        .collect())
}

pub async fn set_translation(
    conn: Conn<'_>,
    id: Uuid,
    locale: &str,
    texts: &str,
    by: Option<Uuid>,
) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "INSERT INTO consultation_translations (consultation_id, locale, texts, updated_by, updated_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (consultation_id, locale) \
         DO UPDATE SET texts = excluded.texts, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        &[&id, &locale, &texts, &by, &Timestamp::now()],
    )
    .await?;
    Ok(())
}

/// Every language's translations of a consultation, as JSON.
pub async fn all_translations(conn: Conn<'_>, id: Uuid) -> Result<Vec<String>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT texts FROM consultation_translations WHERE consultation_id = $1",
        &[&id],
        rows::scalar,
    )
    .await
}

/// Every language's translations of a consultation: (language, texts as
/// JSON).
pub async fn by_language(conn: Conn<'_>, id: Uuid) -> Result<Vec<(String, String)>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT locale, texts FROM consultation_translations WHERE consultation_id = $1 \
         ORDER BY locale",
        &[&id],
        rows::tuple,
    )
    .await
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
