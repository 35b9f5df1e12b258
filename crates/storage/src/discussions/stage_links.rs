//! What linking a discussion to a consultation's stage asks of the
//! consultations' tables: the stages officers choose from, whether a
//! chosen one exists, and whether a consultation is public (ADR 38).
//! The link itself is kept on the discussion's row (`catalogue`).

use cohesion_domain::consultation::{parse_date, StageState};
use time::Date;
use uuid::Uuid;

use crate::rows;
use crate::{Conn, StorageError};

/// A stage an officer may link a discussion to, with its consultation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageChoice {
    pub consultation_id: Uuid,
    pub consultation_title: String,
    /// The language the consultation is written in.
    pub language: String,
    /// Its place in the timeline, from 0.
    pub stage: u32,
    pub stage_name: String,
    /// The stage's date and the state an officer set (or `Automatic`):
    /// where it stands today is the timeline's rule to work out.
    pub date: Option<Date>,
    pub state: StageState,
}

fn choice(r: &rows::Row) -> Result<StageChoice, sqlx::Error> {
    let stage: i64 = r.get("position")?;
    let date: Option<String> = r.get("stage_date")?;
    let state: String = r.get("state")?;
    let bad = |e: cohesion_domain::ValidationError| sqlx::Error::Decode(e.into());
    Ok(StageChoice {
        date: date
            .map(|d| parse_date("date", &d))
            .transpose()
            .map_err(bad)?,
        state: StageState::parse(&state).map_err(bad)?,
        consultation_id: r.get("id")?,
        consultation_title: r.get("title")?,
        language: r.get("language")?,
        stage: u32::try_from(stage).unwrap_or(u32::MAX),
        stage_name: r.get("name")?,
    })
}

/// The stages of the `limit` consultations created last, newest first,
/// each consultation's in timeline order; with `also`, that
/// consultation's stages too wherever it falls (the one a discussion is
/// linked to now, so its form still offers it).
pub async fn choices(
    conn: Conn<'_>,
    limit: i64,
    also: Option<Uuid>,
) -> Result<Vec<StageChoice>, StorageError> {
    // The newest consultations are picked first, then their stages: no
    // page loads every consultation there has ever been.
    rows::fetch_all(
        conn,
        "SELECT c.id, c.title, c.language, s.position, s.name, s.stage_date, s.state \
         FROM consultations c JOIN consultation_stages s ON s.consultation_id = c.id \
         WHERE c.id IN (SELECT id FROM consultations ORDER BY created_at DESC, id LIMIT $1) \
         OR c.id = $2 \
         ORDER BY c.created_at DESC, c.id, s.position",
        &[&limit, &also],
        choice,
    )
    .await
}

/// Whether consultation `id` exists and, if so, whether its timeline
/// has a stage at place `stage`: `None` for no such consultation.
pub async fn stage_exists(
    mut conn: Conn<'_>,
    id: Uuid,
    stage: u32,
) -> Result<Option<bool>, StorageError> {
    let found: i64 = rows::fetch_one(
        conn.reborrow(),
        "SELECT COUNT(*) FROM consultations WHERE id = $1",
        &[&id],
        rows::scalar,
    )
    .await?;
    if found == 0 {
        return Ok(None);
    }
    let stages: i64 = rows::fetch_one(
        conn,
        "SELECT COUNT(*) FROM consultation_stages WHERE consultation_id = $1 AND position = $2",
        &[&id, &i64::from(stage)],
        rows::scalar,
    )
    .await?;
    Ok(Some(stages > 0))
}

/// Consultation `id`'s timeline as [`StageChoice`]s, in order (empty
/// for no such consultation).
pub async fn timeline(conn: Conn<'_>, id: Uuid) -> Result<Vec<StageChoice>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT c.id, c.title, c.language, s.position, s.name, s.stage_date, s.state \
         FROM consultations c JOIN consultation_stages s ON s.consultation_id = c.id \
         WHERE c.id = $1 ORDER BY s.position",
        &[&id],
        choice,
    )
    .await
}

/// Whether everyone may see consultation `id` (published; a draft or a
/// withdrawn one is not).
pub async fn is_public(conn: Conn<'_>, id: Uuid) -> Result<bool, StorageError> {
    let n: i64 = rows::fetch_one(
        conn,
        "SELECT COUNT(*) FROM consultations WHERE id = $1 AND published_at IS NOT NULL",
        &[&id],
        rows::scalar,
    )
    .await?;
    Ok(n > 0)
}

/// The consultation titled exactly `title` created last, if any (the
/// demo finds its own consultations by their titles).
pub async fn titled(conn: Conn<'_>, title: &str) -> Result<Option<Uuid>, StorageError> {
    rows::fetch_optional(
        conn,
        "SELECT id FROM consultations WHERE title = $1 ORDER BY created_at DESC, id LIMIT 1",
        &[&title],
        rows::scalar,
    )
    .await
}
