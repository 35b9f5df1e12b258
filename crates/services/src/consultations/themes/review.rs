//! The answers the mapping was unsure of, settled by an analyst, and the
//! answers offered as examples when splitting a theme.

use std::collections::HashMap;

use cohesion_domain::identity::Action;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_insight::text::pii;
use cohesion_storage::consultations::themes::{answers, assignments, reviews};
use cohesion_storage::Db;
use uuid::Uuid;

use super::{analysis, analysis_and_run, latest, to_json, Analysis, Quote, ThemeView};
use super::{REVIEW_PAGE, SPLIT_CHOICES};
use crate::accounts::SignedIn;
use crate::audit::audit_log;
use crate::permissions::require;
use crate::ServiceError;

/// One answer on the review list with the themes it holds now.
#[derive(Debug, Clone)]
pub struct ReviewItem {
    pub response_id: Uuid,
    pub reference: String,
    /// Masked for personal data.
    pub text: String,
    /// agree, disagree or unclear, as the mapping read it.
    pub stance: String,
    /// The mapping's best confidence in any theme.
    pub best: f64,
    pub themes: Vec<Uuid>,
}

/// A page of the answers waiting for review, and how many wait.
pub async fn review(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    question_id: &str,
    page: u32,
) -> Result<(Analysis, Vec<ReviewItem>, i64), ServiceError> {
    let (a, run) = analysis_and_run(db, me, id, question_id).await?;
    let Some(run) = run else {
        return Ok((a, Vec::new(), 0));
    };
    let mut c = db.acquire().await?;
    let offset = i64::from(page.saturating_sub(1)) * REVIEW_PAGE;
    let (rows, total) = reviews::reviews(c.conn(), &run, offset, REVIEW_PAGE).await?;
    let responses: Vec<Uuid> = rows.iter().map(|r| r.response_id).collect();
    let mut held: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for (r, t) in assignments::mapped_themes_of(c.conn(), run.id, &responses).await? {
        held.entry(r).or_default().push(t);
    }
    let items = rows
        .into_iter()
        .map(|row| ReviewItem {
            text: pii::mask(&row.text).into_owned(),
            themes: held.remove(&row.response_id).unwrap_or_default(),
            response_id: row.response_id,
            reference: row.reference,
            stance: row.stance,
            best: row.best,
        })
        .collect();
    Ok((a, items, total))
}

/// Settles one answer on the review list: it holds exactly `themes`
/// (confirmed themes of the run; none is a valid answer).
pub async fn settle(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    question_id: &str,
    response: &str,
    themes: &[String],
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::Analyse)?;
    let mut tx = db.begin().await?;
    let (q, run, all) = latest(tx.conn(), id, question_id).await?;
    let mut chosen = Vec::new();
    for raw in themes {
        let t = Uuid::parse_str(raw.trim())
            .ok()
            .and_then(|tid| all.iter().find(|t| t.id == tid && t.status == "confirmed"))
            .ok_or(ValidationError::new("themes", ErrorCode::InvalidChoice))?;
        if !chosen.contains(&t.id) {
            chosen.push(t.id);
        }
    }
    let rid = Uuid::parse_str(response.trim())
        .map_err(|_| ValidationError::new("response", ErrorCode::InvalidChoice))?;
    if !reviews::settle_review(tx.conn(), run.id, rid, me.user_id).await? {
        return Err(ValidationError::new("response", ErrorCode::InvalidChoice).into());
    }
    assignments::set_analyst_themes(tx.conn(), run.id, rid, &chosen).await?;
    audit_log(
        tx.conn(),
        me.origin(client),
        "themes.review",
        Some(id),
        &format!(
            "question {} run {}: answer {rid} given {} themes {}",
            q.id,
            run.id,
            chosen.len(),
            to_json(&chosen)
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Answers of a theme, offered as examples when splitting it:
/// (response id, reference, masked text).
pub async fn split_choices(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    question_id: &str,
    theme: &str,
) -> Result<(Analysis, ThemeView, Vec<Quote>), ServiceError> {
    let a = analysis(db, me, id, question_id).await?;
    let view = Uuid::parse_str(theme.trim())
        .ok()
        .and_then(|tid| a.themes.iter().find(|t| t.id == tid))
        .cloned()
        .ok_or(ServiceError::NotFound)?;
    let mut c = db.acquire().await?;
    let members = assignments::members(c.conn(), view.id, "discovery", SPLIT_CHOICES).await?;
    let quotes = answers::answers_of(c.conn(), id, &a.question.id, &members)
        .await?
        .into_iter()
        .map(|(rid, reference, text)| Quote {
            response_id: rid,
            reference,
            text: pii::mask(&text).into_owned(),
        })
        .collect();
    Ok((a, view, quotes))
}
