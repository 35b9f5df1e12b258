//! What findings and translations read of the themes: the confirmed
//! themes of each question's latest mapped analysis, with their figures
//! or labels.

use std::collections::HashMap;

use cohesion_domain::survey::model::QuestionKind;
use cohesion_storage::consultations::themes::{answers, assignments, definitions, runs};
use cohesion_storage::Db;
use uuid::Uuid;

use super::Figure;
use crate::consultations::load;
use crate::ServiceError;

/// The figures of the confirmed themes in the latest mapped analysis of
/// `question`, by theme id with their labels: four queries however many
/// themes or findings citing them (themes of older analyses are absent).
pub async fn figures_of_question(
    conn: &mut cohesion_storage::PoolConn,
    consultation: Uuid,
    question: &str,
) -> Result<HashMap<Uuid, (String, Figure)>, ServiceError> {
    let Some(run) = runs::latest_run(conn.conn(), consultation, question).await? else {
        return Ok(HashMap::new());
    };
    if run.mapped_at.is_none() {
        return Ok(HashMap::new());
    }
    let themes = definitions::themes(conn.conn(), run.id).await?;
    let counts: HashMap<Uuid, i64> = assignments::theme_counts(conn.conn(), run.id)
        .await?
        .into_iter()
        .collect();
    let base = answers::answer_count(conn.conn(), consultation, question).await?;
    Ok(themes
        .into_iter()
        .filter(|t| t.status == "confirmed")
        .map(|t| {
            let count = counts.get(&t.id).copied().unwrap_or(0);
            (t.id, (t.label, Figure::of(count, base)))
        })
        .collect())
}

/// The labels of the confirmed themes of `question`'s latest mapped
/// analysis, by theme id: the themes a finding's figure can name (the
/// same rule as [`figures_of_question`]), in two queries.
pub async fn labels_of_question(
    conn: &mut cohesion_storage::PoolConn,
    consultation: Uuid,
    question: &str,
) -> Result<HashMap<Uuid, String>, ServiceError> {
    let Some(run) = runs::latest_run(conn.conn(), consultation, question).await? else {
        return Ok(HashMap::new());
    };
    if run.mapped_at.is_none() {
        return Ok(HashMap::new());
    }
    Ok(definitions::themes(conn.conn(), run.id)
        .await?
        .into_iter()
        .filter(|t| t.status == "confirmed")
        .map(|t| (t.id, t.label))
        .collect())
}

/// The confirmed themes of every long-text question of a consultation,
/// for findings to rest on: (theme id, question id, label).
pub async fn citable(db: &Db, id: Uuid) -> Result<Vec<(Uuid, String, String)>, ServiceError> {
    let mut c = db.acquire().await?;
    let (_, survey) = load(c.conn(), id).await?;
    let mut out = Vec::new();
    for q in survey
        .questions()
        .filter(|q| matches!(q.kind, QuestionKind::LongText { .. }))
    {
        if let Some(run) = runs::latest_run(c.conn(), id, &q.id).await? {
            if run.mapped_at.is_none() {
                continue;
            }
            for t in definitions::themes(c.conn(), run.id).await? {
                if t.status == "confirmed" {
                    out.push((t.id, q.id.clone(), t.label));
                }
            }
        }
    }
    Ok(out)
}
