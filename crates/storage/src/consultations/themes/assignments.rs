//! Which answers each theme holds: found by discovery, by mapping, or
//! placed by an analyst.

use uuid::Uuid;

use crate::rows::{self, Param};
use crate::{Conn, StorageError};

/// Rows per multi-row insert.
pub(crate) const CHUNK: usize = 400;

/// Records that answers belong to themes: (theme, response, confidence).
pub async fn insert_assignments(
    mut conn: Conn<'_>,
    run: Uuid,
    source: &str,
    rows: &[(Uuid, Uuid, f64)],
) -> Result<(), StorageError> {
    for chunk in rows.chunks(CHUNK) {
        let mut values = Vec::with_capacity(chunk.len());
        for i in 0..chunk.len() {
            let n = 3 + i * 3;
            values.push(format!("($1, $2, ${}, ${}, ${})", n, n + 1, n + 2));
        }
        let sql = format!(
            "INSERT INTO theme_assignments (run_id, source, theme_id, response_id, confidence) VALUES {}",
            values.join(", ")
        );
        let mut params: Vec<&dyn Param> = vec![&run, &source];
        for (theme, response, confidence) in chunk {
            params.extend([theme as &dyn Param, response, confidence]);
        }
        rows::execute(conn.reborrow(), &sql, &params).await?;
    }
    Ok(())
}

/// Moves answers from one theme to another (all of them when `only` is
/// `None`), keeping the higher confidence where both held an answer.
pub async fn move_assignments(
    mut conn: Conn<'_>,
    from: Uuid,
    to: Uuid,
    only: Option<&[Uuid]>,
) -> Result<(), StorageError> {
    if only.is_some_and(|ids| ids.is_empty()) {
        return Ok(());
    }
    let ids = only.unwrap_or(&[]);
    // The response filter, its parameters numbered from `first`.
    let filter = |first: usize| -> String {
        if only.is_none() {
            return String::new();
        }
        let list: Vec<String> = (0..ids.len()).map(|i| format!("${}", i + first)).collect();
        format!(" AND response_id IN ({})", list.join(", "))
    };
    let copy = format!(
        "INSERT INTO theme_assignments (run_id, source, theme_id, response_id, confidence) \
         SELECT a.run_id, a.source, $2, a.response_id, a.confidence FROM theme_assignments a \
         WHERE a.theme_id = $1{} AND NOT EXISTS (SELECT 1 FROM theme_assignments b \
         WHERE b.theme_id = $2 AND b.source = a.source AND b.response_id = a.response_id)",
        filter(3)
    );
    let remove = format!(
        "DELETE FROM theme_assignments WHERE theme_id = $1{}",
        filter(2)
    );
    let mut params: Vec<&dyn Param> = vec![&from, &to];
    params.extend(ids.iter().map(|id| id as &dyn Param));
    rows::execute(conn.reborrow(), &copy, &params).await?;
    params.remove(1);
    rows::execute(conn, &remove, &params).await?;
    Ok(())
}

/// Clears what a previous mapping of the run found (the model's rows and
/// unsettled reviews); what analysts settled stays.
pub async fn clear_mapping(mut conn: Conn<'_>, run: Uuid) -> Result<(), StorageError> {
    rows::execute(
        conn.reborrow(),
        "DELETE FROM theme_assignments WHERE run_id = $1 AND source = 'mapping'",
        &[&run],
    )
    .await?;
    rows::execute(
        conn,
        "DELETE FROM theme_reviews WHERE run_id = $1 AND reviewed_at IS NULL",
        &[&run],
    )
    .await?;
    Ok(())
}

/// Answers per theme of a run from the given sources (distinct answers,
/// responses since removed left out): theme id → count.
pub async fn counts(
    conn: Conn<'_>,
    run: Uuid,
    mapped: bool,
) -> Result<Vec<(Uuid, i64)>, StorageError> {
    let sources = if mapped {
        "('mapping', 'analyst')"
    } else {
        "('discovery')"
    };
    let sql = format!(
        "SELECT a.theme_id, COUNT(DISTINCT a.response_id) FROM theme_assignments a \
         JOIN responses r ON r.id = a.response_id \
         WHERE a.run_id = $1 AND a.source IN {sources} AND r.removed_at IS NULL GROUP BY a.theme_id"
    );
    rows::fetch_all(conn, &sql, &[&run], rows::tuple).await
}

/// How many answers of run `run` are in at least one live theme
/// (candidate or confirmed), from discovery or (`mapped`) from mapping
/// and analysts, responses since removed left out. The answers left over
/// are in no theme: never placed, or in a theme since deleted.
pub async fn answers_in_live_themes(
    conn: Conn<'_>,
    run: Uuid,
    mapped: bool,
) -> Result<i64, StorageError> {
    let sources = if mapped {
        "('mapping', 'analyst')"
    } else {
        "('discovery')"
    };
    let sql = format!(
        "SELECT COUNT(DISTINCT a.response_id) FROM theme_assignments a \
         JOIN themes t ON t.id = a.theme_id \
         JOIN responses r ON r.id = a.response_id \
         WHERE a.run_id = $1 AND a.source IN {sources} AND r.removed_at IS NULL \
         AND t.status IN ('candidate', 'confirmed')"
    );
    rows::fetch_one(conn, &sql, &[&run], rows::scalar).await
}

/// Every theme of run `run` with its count of answers (mapped or placed
/// by an analyst, responses not removed), in one query.
pub async fn theme_counts(conn: Conn<'_>, run: Uuid) -> Result<Vec<(Uuid, i64)>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT a.theme_id, COUNT(DISTINCT a.response_id) FROM theme_assignments a \
         JOIN responses r ON r.id = a.response_id \
         WHERE a.run_id = $1 AND a.source IN ('mapping', 'analyst') AND r.removed_at IS NULL \
         GROUP BY a.theme_id",
        &[&run],
        rows::tuple,
    )
    .await
}

/// The answers a theme holds from `source`, first `limit` by response.
pub async fn members(
    conn: Conn<'_>,
    theme: Uuid,
    source: &str,
    limit: i64,
) -> Result<Vec<Uuid>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT response_id FROM theme_assignments WHERE theme_id = $1 AND source = $2 \
         ORDER BY confidence DESC, response_id LIMIT $3",
        &[&theme, &source, &limit],
        rows::scalar,
    )
    .await
}

/// The themes each of these answers holds after mapping: (response, theme).
pub async fn mapped_themes_of(
    conn: Conn<'_>,
    run: Uuid,
    responses: &[Uuid],
) -> Result<Vec<(Uuid, Uuid)>, StorageError> {
    if responses.is_empty() {
        return Ok(Vec::new());
    }
    let list: Vec<String> = (0..responses.len())
        .map(|i| format!("${}", i + 2))
        .collect();
    let sql = format!(
        "SELECT DISTINCT response_id, theme_id FROM theme_assignments WHERE run_id = $1 \
         AND source IN ('mapping', 'analyst') AND response_id IN ({}) ORDER BY response_id, theme_id",
        list.join(", ")
    );
    let mut params: Vec<&dyn Param> = vec![&run];
    params.extend(responses.iter().map(|id| id as &dyn Param));
    rows::fetch_all(conn, &sql, &params, rows::tuple).await
}

/// Replaces the analyst's choice of themes for one answer.
pub async fn set_analyst_themes(
    mut conn: Conn<'_>,
    run: Uuid,
    response: Uuid,
    themes: &[Uuid],
) -> Result<(), StorageError> {
    rows::execute(
        conn.reborrow(),
        "DELETE FROM theme_assignments WHERE run_id = $1 AND response_id = $2 \
         AND source IN ('mapping', 'analyst')",
        &[&run, &response],
    )
    .await?;
    let rows: Vec<(Uuid, Uuid, f64)> = themes.iter().map(|t| (*t, response, 1.0)).collect();
    insert_assignments(conn, run, "analyst", &rows).await
}
