//! Theme analyses of one long-text question: runs, themes, which answers
//! each theme holds, and the review list. Themes are never deleted: their
//! status says deleted or merged.

use uuid::Uuid;

use crate::rows::{self, Param};
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

#[derive(Debug, Clone, PartialEq)]
pub struct ThemeRecord {
    pub id: Uuid,
    pub run_id: Uuid,
    pub position: i64,
    pub label: String,
    pub description: String,
    pub stance: String,
    /// JSON list of strings.
    pub top_terms: String,
    /// JSON list of response ids.
    pub examples: String,
    pub status: String,
    pub merged_into: Option<Uuid>,
}

pub struct NewTheme<'a> {
    pub label: &'a str,
    pub description: &'a str,
    pub stance: &'a str,
    pub top_terms: &'a str,
    pub examples: &'a str,
    pub status: &'a str,
}

const RUN_COLUMNS: &str =
    "id, consultation_id, question_id, seed, answers, campaign_answers, endorsements, \
     rejections, unassigned, campaigns, run_by, run_at, confirmed_at, mapped_at";

type RunRow = (
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

fn run_of(r: RunRow) -> RunRecord {
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

/// Every submitted written answer to one question, in response order:
/// (response id, text). One query, whatever the number.
pub async fn question_texts(
    conn: Conn<'_>,
    consultation_id: Uuid,
    question_id: &str,
) -> Result<Vec<(Uuid, String)>, StorageError> {
    let rows = rows::fetch_all(conn, "SELECT a.response_id, a.text_value FROM response_answers a JOIN responses r ON r.id = a.response_id \
             WHERE a.consultation_id = $1 AND a.question_id = $2 AND a.text_value IS NOT NULL \
             AND r.submitted_at IS NOT NULL AND r.removed_at IS NULL ORDER BY a.response_id", &[&consultation_id, &question_id], rows::tuple).await?;
    Ok(rows)
}

/// How many submitted written answers a question has now.
pub async fn answer_count(
    conn: Conn<'_>,
    consultation_id: Uuid,
    question_id: &str,
) -> Result<i64, StorageError> {
    let n = rows::fetch_one(
        conn,
        "SELECT COUNT(*) FROM response_answers a JOIN responses r ON r.id = a.response_id \
         WHERE a.consultation_id = $1 AND a.question_id = $2 AND a.text_value IS NOT NULL \
         AND r.submitted_at IS NOT NULL AND r.removed_at IS NULL",
        &[&consultation_id, &question_id],
        rows::scalar,
    )
    .await?;
    Ok(n)
}

/// Some answers to a question by response id: (id, reference, text).
pub async fn answers_of(
    conn: Conn<'_>,
    consultation_id: Uuid,
    question_id: &str,
    ids: &[Uuid],
) -> Result<Vec<(Uuid, String, String)>, StorageError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list: Vec<String> = (0..ids.len()).map(|i| format!("${}", i + 3)).collect();
    let sql = format!(
        "SELECT a.response_id, r.reference, a.text_value FROM response_answers a \
         JOIN responses r ON r.id = a.response_id \
         WHERE a.consultation_id = $1 AND a.question_id = $2 AND a.text_value IS NOT NULL \
         AND r.removed_at IS NULL AND a.response_id IN ({}) ORDER BY a.response_id",
        list.join(", ")
    );
    let mut params: Vec<&dyn Param> = vec![&consultation_id, &question_id];
    params.extend(ids.iter().map(|id| id as &dyn Param));
    let rows = rows::fetch_all(conn, &sql, &params, rows::tuple).await?;
    Ok(rows)
}

/// The response with this reference, if it answered the question.
pub async fn response_by_reference(
    conn: Conn<'_>,
    consultation_id: Uuid,
    question_id: &str,
    reference: &str,
) -> Result<Option<Uuid>, StorageError> {
    let id = rows::fetch_optional(
        conn,
        "SELECT r.id FROM responses r JOIN response_answers a ON a.response_id = r.id \
         WHERE r.consultation_id = $1 AND a.question_id = $2 AND r.reference = $3 \
         AND a.text_value IS NOT NULL AND r.removed_at IS NULL",
        &[&consultation_id, &question_id, &reference],
        rows::scalar,
    )
    .await?;
    Ok(id)
}

pub async fn insert_run(conn: Conn<'_>, r: &NewRun<'_>) -> Result<Uuid, StorageError> {
    let id = new_id();
    rows::execute(conn, "INSERT INTO theme_runs (id, consultation_id, question_id, seed, answers, campaign_answers, endorsements, \
             rejections, unassigned, campaigns, run_by, run_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)", &[&id, &r.consultation_id, &r.question_id, &r.seed, &r.answers, &r.campaign_answers, &r.endorsements, &r.rejections, &r.unassigned, &r.campaigns, &r.run_by, &Timestamp::now()]).await?;
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

pub async fn insert_theme(
    conn: Conn<'_>,
    run: Uuid,
    position: i64,
    t: &NewTheme<'_>,
    by: Option<Uuid>,
) -> Result<Uuid, StorageError> {
    let id = new_id();
    rows::execute(conn, "INSERT INTO themes (id, run_id, position, label, description, stance, top_terms, examples, status, \
             created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)", &[&id, &run, &position, &t.label, &t.description, &t.stance, &t.top_terms, &t.examples, &t.status, &by, &Timestamp::now()]).await?;
    Ok(id)
}

/// Every theme of a run, deleted and merged ones included, in order.
pub async fn themes(conn: Conn<'_>, run: Uuid) -> Result<Vec<ThemeRecord>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT id, run_id, position, label, description, stance, top_terms, examples, status, merged_into \
         FROM themes WHERE run_id = $1 ORDER BY position, id",
        &[&run],
        |r| {
            Ok(ThemeRecord {
                id: r.get("id")?,
                run_id: r.get("run_id")?,
                position: r.get("position")?,
                label: r.get("label")?,
                description: r.get("description")?,
                stance: r.get("stance")?,
                top_terms: r.get("top_terms")?,
                examples: r.get("examples")?,
                status: r.get("status")?,
                merged_into: r.get("merged_into")?,
            })
        },
    )
    .await
}

/// A theme by id with its run, if it exists.
pub async fn find_theme(
    mut conn: Conn<'_>,
    id: Uuid,
) -> Result<Option<(RunRecord, ThemeRecord)>, StorageError> {
    let run: Option<Uuid> = rows::fetch_optional(
        conn.reborrow(),
        "SELECT run_id FROM themes WHERE id = $1",
        &[&id],
        rows::scalar,
    )
    .await?;
    let Some(run) = run else {
        return Ok(None);
    };
    let sql = format!("SELECT {RUN_COLUMNS} FROM theme_runs WHERE id = $1");
    let r = rows::fetch_one(conn.reborrow(), &sql, &[&run], rows::tuple).await?;
    let theme = themes(conn, run).await?.into_iter().find(|t| t.id == id);
    Ok(theme.map(|t| (run_of(r), t)))
}

pub async fn update_theme(
    conn: Conn<'_>,
    id: Uuid,
    label: &str,
    description: &str,
    examples: &str,
) -> Result<(), StorageError> {
    rows::execute(conn, "UPDATE themes SET label = $1, description = $2, examples = $3, updated_at = $4 WHERE id = $5", &[&label, &description, &examples, &Timestamp::now(), &id]).await?;
    Ok(())
}

/// Sets the status of every live theme of a run (confirming the set).
pub async fn set_live_status(conn: Conn<'_>, run: Uuid, status: &str) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE themes SET status = $1, updated_at = $2 WHERE run_id = $3 \
         AND status IN ('candidate', 'confirmed')",
        &[&status, &Timestamp::now(), &run],
    )
    .await?;
    Ok(())
}

pub async fn set_status(
    conn: Conn<'_>,
    id: Uuid,
    status: &str,
    merged_into: Option<Uuid>,
) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE themes SET status = $1, merged_into = $2, updated_at = $3 WHERE id = $4",
        &[&status, &merged_into, &Timestamp::now(), &id],
    )
    .await?;
    Ok(())
}

/// Rows per multi-row insert.
const CHUNK: usize = 400;

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
    let rows = rows::fetch_all(conn, &sql, &[&run], rows::tuple).await?;
    Ok(rows)
}

/// Answers one theme holds after mapping (responses since removed left out).
pub async fn theme_count(conn: Conn<'_>, theme: Uuid) -> Result<i64, StorageError> {
    let n = rows::fetch_one(conn, "SELECT COUNT(DISTINCT a.response_id) FROM theme_assignments a JOIN responses r ON r.id = a.response_id \
             WHERE a.theme_id = $1 AND a.source IN ('mapping', 'analyst') AND r.removed_at IS NULL", &[&theme], rows::scalar).await?;
    Ok(n)
}

/// Every theme of run `run` with its count of answers (mapped or placed
/// by an analyst, responses not removed), in one query.
pub async fn theme_counts(conn: Conn<'_>, run: Uuid) -> Result<Vec<(Uuid, i64)>, StorageError> {
    let rows = rows::fetch_all(
        conn,
        "SELECT a.theme_id, COUNT(DISTINCT a.response_id) FROM theme_assignments a \
         JOIN responses r ON r.id = a.response_id \
         WHERE a.run_id = $1 AND a.source IN ('mapping', 'analyst') AND r.removed_at IS NULL \
         GROUP BY a.theme_id",
        &[&run],
        rows::tuple,
    )
    .await?;
    Ok(rows)
}

/// The answers a theme holds from `source`, first `limit` by response.
pub async fn members(
    conn: Conn<'_>,
    theme: Uuid,
    source: &str,
    limit: i64,
) -> Result<Vec<Uuid>, StorageError> {
    let rows = rows::fetch_all(
        conn,
        "SELECT response_id FROM theme_assignments WHERE theme_id = $1 AND source = $2 \
         ORDER BY confidence DESC, response_id LIMIT $3",
        &[&theme, &source, &limit],
        rows::scalar,
    )
    .await?;
    Ok(rows)
}

/// Puts unsure answers on the review list: (response, stance, best).
pub async fn insert_reviews(
    mut conn: Conn<'_>,
    run: Uuid,
    rows: &[(Uuid, &str, f64)],
) -> Result<(), StorageError> {
    for chunk in rows.chunks(CHUNK) {
        let mut values = Vec::with_capacity(chunk.len());
        for i in 0..chunk.len() {
            let n = 2 + i * 3;
            values.push(format!("($1, ${}, ${}, ${})", n, n + 1, n + 2));
        }
        let sql = format!(
            "INSERT INTO theme_reviews (run_id, response_id, stance, best_confidence) VALUES {}",
            values.join(", ")
        );
        let mut params: Vec<&dyn Param> = vec![&run];
        for (response, stance, best) in chunk {
            params.extend([response as &dyn Param, stance, best]);
        }
        rows::execute(conn.reborrow(), &sql, &params).await?;
    }
    Ok(())
}

/// One answer waiting for review.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewRow {
    pub response_id: Uuid,
    pub reference: String,
    pub text: String,
    pub stance: String,
    pub best: f64,
}

/// A page of the answers still waiting for review, and how many wait.
pub async fn reviews(
    mut conn: Conn<'_>,
    run: &RunRecord,
    offset: i64,
    limit: i64,
) -> Result<(Vec<ReviewRow>, i64), StorageError> {
    let page = rows::fetch_all(
        conn.reborrow(),
        "SELECT v.response_id, r.reference, a.text_value, v.stance, v.best_confidence FROM theme_reviews v \
         JOIN responses r ON r.id = v.response_id \
         JOIN response_answers a ON a.response_id = v.response_id AND a.question_id = $2 \
         WHERE v.run_id = $1 AND v.reviewed_at IS NULL AND r.removed_at IS NULL AND a.text_value IS NOT NULL \
         ORDER BY v.best_confidence, v.response_id LIMIT $3 OFFSET $4",
        &[&run.id, &run.question_id, &limit, &offset],
        |r| {
            Ok(ReviewRow {
                response_id: r.get("response_id")?,
                reference: r.get("reference")?,
                text: r.get("text_value")?,
                stance: r.get("stance")?,
                best: r.get("best_confidence")?,
            })
        },
    )
    .await?;
    let total = rows::fetch_one(
        conn,
        "SELECT COUNT(*) FROM theme_reviews v JOIN responses r ON r.id = v.response_id \
         WHERE v.run_id = $1 AND v.reviewed_at IS NULL AND r.removed_at IS NULL",
        &[&run.id],
        rows::scalar,
    )
    .await?;
    Ok((page, total))
}

/// Settles one answer on the review list; `false` if it was not waiting.
pub async fn settle_review(
    conn: Conn<'_>,
    run: Uuid,
    response: Uuid,
    by: Uuid,
) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "UPDATE theme_reviews SET reviewed_by = $1, reviewed_at = $2 \
         WHERE run_id = $3 AND response_id = $4 AND reviewed_at IS NULL",
        &[&by, &Timestamp::now(), &run, &response],
    )
    .await?;
    Ok(n == 1)
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

/// The answers of a run an analyst has settled on the review list.
pub async fn settled(conn: Conn<'_>, run: Uuid) -> Result<Vec<Uuid>, StorageError> {
    let rows = rows::fetch_all(
        conn,
        "SELECT response_id FROM theme_reviews WHERE run_id = $1 AND reviewed_at IS NOT NULL",
        &[&run],
        rows::scalar,
    )
    .await?;
    Ok(rows)
}

/// The reference of a submitted response of the consultation, if it is one.
pub async fn response_reference(
    conn: Conn<'_>,
    consultation_id: Uuid,
    response: Uuid,
) -> Result<Option<String>, StorageError> {
    let r = rows::fetch_optional(
        conn,
        "SELECT reference FROM responses WHERE id = $1 AND consultation_id = $2 \
         AND submitted_at IS NOT NULL AND removed_at IS NULL",
        &[&response, &consultation_id],
        rows::scalar,
    )
    .await?;
    Ok(r)
}
