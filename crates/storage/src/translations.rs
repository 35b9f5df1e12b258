//! Officers' texts in other languages (key to text, as JSON), one row per
//! language, for every kind of thing that has them: consultations and
//! discussions keep theirs in twin tables of one shape, read and written
//! here once.

use uuid::Uuid;

use crate::rows;
use crate::{Conn, StorageError, Timestamp};

/// A table of translations and the column naming what they translate.
#[derive(Debug, Clone, Copy)]
pub struct Of {
    table: &'static str,
    id: &'static str,
}

pub const CONSULTATIONS: Of = Of {
    table: "consultation_translations",
    id: "consultation_id",
};

pub const DISCUSSIONS: Of = Of {
    table: "discussion_translations",
    id: "discussion_id",
};

/// A language's translations of one thing (key to text), if any.
pub async fn translation(
    conn: Conn<'_>,
    of: Of,
    id: Uuid,
    locale: &str,
) -> Result<Option<String>, StorageError> {
    let sql = format!(
        "SELECT texts FROM {} WHERE {} = $1 AND locale = $2",
        of.table, of.id
    );
    rows::fetch_optional(conn, &sql, &[&id, &locale], rows::scalar).await
}

/// The translations of several things in one language at once (a list
/// page): (id, texts as JSON).
pub async fn translations_of(
    conn: Conn<'_>,
    of: Of,
    ids: &[Uuid],
    locale: &str,
) -> Result<Vec<(Uuid, String)>, StorageError> {
    let (Some(first), Some(last)) = (ids.iter().min(), ids.iter().max()) else {
        return Ok(Vec::new());
    };
    // One range query (ids are time-ordered), filtered to the page's ids.
    let sql = format!(
        "SELECT {id}, texts FROM {table} WHERE locale = $1 AND {id} >= $2 AND {id} <= $3",
        id = of.id,
        table = of.table
    );
    let rows: Vec<(Uuid, String)> =
        rows::fetch_all(conn, &sql, &[&locale, first, last], rows::tuple).await?;
    Ok(rows
        .into_iter()
        .filter(|(id, _)| ids.contains(id))
        .collect())
}

/// Saves a language's translations, noting who made them.
pub async fn set_translation(
    conn: Conn<'_>,
    of: Of,
    id: Uuid,
    locale: &str,
    texts: &str,
    by: Option<Uuid>,
) -> Result<(), StorageError> {
    let sql = format!(
        "INSERT INTO {table} ({id}, locale, texts, updated_by, updated_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT ({id}, locale) \
         DO UPDATE SET texts = excluded.texts, updated_by = excluded.updated_by, \
         updated_at = excluded.updated_at",
        id = of.id,
        table = of.table
    );
    rows::execute(conn, &sql, &[&id, &locale, &texts, &by, &Timestamp::now()]).await?;
    Ok(())
}

/// Every language's translations of one thing: (language, texts as JSON).
pub async fn by_language(
    conn: Conn<'_>,
    of: Of,
    id: Uuid,
) -> Result<Vec<(String, String)>, StorageError> {
    let sql = format!(
        "SELECT locale, texts FROM {} WHERE {} = $1 ORDER BY locale",
        of.table, of.id
    );
    rows::fetch_all(conn, &sql, &[&id], rows::tuple).await
}
