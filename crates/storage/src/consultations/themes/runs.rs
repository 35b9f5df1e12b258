//! Theme analysis runs: one discovery on one long-text question, and the
//! steps the analyst has taken it through.

use uuid::Uuid;

use crate::rows;
use crate::{new_id, Conn, StorageError, Timestamp};

/// One discovery run and where the analyst has taken it.
#[derive(Debug, Clone, PartialEq)]
pub struct RunRecord {
    pub id: Uuid,
    pub consultation_id: Uuid,
    pub question_id: String,
    pub seed: i64,
    pub answers: i64,
    pub campaign_answers: i64,
    pub endorsements: i64,
    pub rejections: i64,
    pub unassigned: i64,
    /// JSON written by the services crate.
    pub campaigns: String,
    pub run_by: Option<Uuid>,
    pub run_at: Timestamp,
    pub confirmed_at: Option<Timestamp>,
    pub mapped_at: Option<Timestamp>,
}

pub struct NewRun<'a> {
    pub consultation_id: Uuid,
    pub question_id: &'a str,
    pub seed: i64,
    pub answers: i64,
    pub campaign_answers: i64,
    pub endorsements: i64,
    pub rejections: i64,
    pub unassigned: i64,
    pub campaigns: &'a str,
    pub run_by: Option<Uuid>,
}

pub(crate) const RUN_COLUMNS: &str =
    "id, consultation_id, question_id, seed, answers, campaign_answers, endorsements, \
     rejections, unassigned, campaigns, run_by, run_at, confirmed_at, mapped_at";

pub(crate) type RunRow = (
    Uuid,
    Uuid,
    String,
    i64,
    i64,
    i64,
    i64,
    i64,
    i64,
    String,
    Option<Uuid>,
    Timestamp,
    Option<Timestamp>,
    Option<Timestamp>,
);

pub(crate) fn run_of(r: RunRow) -> RunRecord {
    RunRecord {
        id: r.0,
        consultation_id: r.1,
        question_id: r.2,
        seed: r.3,
        answers: r.4,
        campaign_answers: r.5,
        endorsements: r.6,
        rejections: r.7,
        unassigned: r.8,
        campaigns: r.9,
        run_by: r.10,
        run_at: r.11,
        confirmed_at: r.12,
        mapped_at: r.13,
    }
}

pub async fn insert_run(conn: Conn<'_>, r: &NewRun<'_>) -> Result<Uuid, StorageError> {
    let id = new_id();
    rows::execute(
        conn,
        "INSERT INTO theme_runs (id, consultation_id, question_id, seed, answers, campaign_answers, endorsements, \
         rejections, unassigned, campaigns, run_by, run_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        &[&id, &r.consultation_id, &r.question_id, &r.seed, &r.answers, &r.campaign_answers, &r.endorsements, &r.rejections, &r.unassigned, &r.campaigns, &r.run_by, &Timestamp::now()],
    )
    .await?;
    Ok(id)
}

/// The latest run on a question, if any.
pub async fn latest_run(
    conn: Conn<'_>,
    consultation_id: Uuid,
    question_id: &str,
) -> Result<Option<RunRecord>, StorageError> {
    let sql = format!(
        "SELECT {RUN_COLUMNS} FROM theme_runs WHERE consultation_id = $1 AND question_id = $2 \
         ORDER BY run_at DESC, id DESC LIMIT 1"
    );
    let row =
        rows::fetch_optional(conn, &sql, &[&consultation_id, &question_id], rows::tuple).await?;
    Ok(row.map(run_of))
}

/// A step of a run that is stamped when done (and cleared when undone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunStep {
    Confirmed,
    Mapped,
}

/// Stamps (or, with `None`, clears) when run `run` reached `step`.
pub async fn set_step(
    conn: Conn<'_>,
    run: Uuid,
    step: RunStep,
    at: Option<Timestamp>,
) -> Result<(), StorageError> {
    let column = match step {
        RunStep::Confirmed => "confirmed_at",
        RunStep::Mapped => "mapped_at",
    };
    let sql = format!("UPDATE theme_runs SET {column} = $1 WHERE id = $2");
    rows::execute(conn, &sql, &[&at, &run]).await?;
    Ok(())
}

/// Stamps run `run` confirmed at `at` unless it is already: whether it
/// was stamped now (a replayed or raced confirmation stamps nothing).
pub async fn confirm_once(conn: Conn<'_>, run: Uuid, at: Timestamp) -> Result<bool, StorageError> {
    let changed = rows::execute(
        conn,
        "UPDATE theme_runs SET confirmed_at = $1 WHERE id = $2 AND confirmed_at IS NULL",
        &[&at, &run],
    )
    .await?;
    Ok(changed > 0)
}

/// Whether `run` is a run on question `question_id` of consultation
/// `consultation_id` (the latest or an earlier one).
pub async fn is_run_of(
    conn: Conn<'_>,
    consultation_id: Uuid,
    question_id: &str,
    run: Uuid,
) -> Result<bool, StorageError> {
    let found: Option<(Uuid,)> = rows::fetch_optional(
        conn,
        "SELECT id FROM theme_runs WHERE id = $1 AND consultation_id = $2 AND question_id = $3",
        &[&run, &consultation_id, &question_id],
        rows::tuple,
    )
    .await?;
    Ok(found.is_some())
}
