//! A discussion's texts in other languages (key to text, as JSON), one
//! row per language, kept as a consultation's are.

use uuid::Uuid;

use crate::translations as shared;
use crate::{Conn, StorageError};

/// A language's translations of a discussion, if any.
pub async fn translation(
    conn: Conn<'_>,
    id: Uuid,
    locale: &str,
) -> Result<Option<String>, StorageError> {
    shared::translation(conn, shared::DISCUSSIONS, id, locale).await
}

/// The translations of a page of discussions in one language.
pub async fn translations_of(
    conn: Conn<'_>,
    ids: &[Uuid],
    locale: &str,
) -> Result<Vec<(Uuid, String)>, StorageError> {
    shared::translations_of(conn, shared::DISCUSSIONS, ids, locale).await
}

pub async fn set_translation(
    conn: Conn<'_>,
    id: Uuid,
    locale: &str,
    texts: &str,
    by: Option<Uuid>,
) -> Result<(), StorageError> {
    shared::set_translation(conn, shared::DISCUSSIONS, id, locale, texts, by).await
}

/// Every language's translations of a discussion: (language, texts).
pub async fn by_language(conn: Conn<'_>, id: Uuid) -> Result<Vec<(String, String)>, StorageError> {
    shared::by_language(conn, shared::DISCUSSIONS, id).await
}
