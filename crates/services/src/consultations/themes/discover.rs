//! Discovery: candidate themes found in a question's answers with a
//! seed, saved as a new run.

use cohesion_domain::analysis::themes as rules;
use cohesion_domain::identity::Action;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_insight::themes::{self as engine, Options};
use cohesion_storage::consultations::themes::definitions::NewTheme;
use cohesion_storage::consultations::themes::runs::NewRun;
use cohesion_storage::consultations::themes::{answers, assignments, definitions, runs};
use cohesion_storage::{Conn, Db};
use uuid::Uuid;

use super::{engine_input, off_thread, question, to_json, work_on, CampaignView, Work};
use crate::accounts::SignedIn;
use crate::audit::audit_log;
use crate::permissions::require;
use crate::ServiceError;

/// Whether running discovery again was confirmed, since it replaces the
/// analyst's work on the latest run (ADR 22).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// Not confirmed: refused with a 409 (`confirmation_required`) when
    /// the latest run has any work.
    Unconfirmed,
    /// Confirmed without saying what was seen (the API's flag).
    Confirmed,
    /// Confirmed on a page that named `run` and its `work`: refused with
    /// a 409 (`themes_changed`) when either is no longer so (a replay,
    /// or work done since).
    Asked { run: Uuid, work: Work },
}

/// Runs discovery on the question's submitted answers with `seed` and
/// saves the candidate themes as a new run. The same answers and seed
/// give the same themes. The latest run's work is replaced only as
/// `replace` allows, checked in the transaction that saves the new run.
pub async fn run(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    question_id: &str,
    seed: &str,
    replace: Replace,
    client: Option<&str>,
) -> Result<Uuid, ServiceError> {
    require(me, Action::Analyse)?;
    let seed = rules::seed(seed)?;
    let (q, answers) = {
        let mut c = db.acquire().await?;
        let (_, q) = question(c.conn(), id, question_id).await?;
        let answers = answers::question_texts(c.conn(), id, &q.id).await?;
        (q, answers)
    };
    if answers.is_empty() {
        return Err(ValidationError::new("seed", ErrorCode::NoAnswers).into());
    }
    let (answer_ids, texts) = engine_input(&answers);
    let options = Options {
        seed: seed as u64,
        ..Options::default()
    };
    let found = off_thread(move || {
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        engine::discover(&answer_ids, &texts, &options)
    })
    .await?;
    let mut tx = db.begin().await?;
    check_replacing(tx.conn(), id, &q.id, replace).await?;
    let new = NewRun {
        consultation_id: id,
        question_id: &q.id,
        seed,
        answers: answers.len() as i64,
        campaign_answers: found.campaigns.iter().map(|c| c.count.count as i64).sum(),
        endorsements: found.endorsements.count as i64,
        rejections: found.rejections.count as i64,
        unassigned: found.unassigned.len() as i64,
        campaigns: &to_json(&campaigns(&found)),
        run_by: Some(me.user_id),
    };
    let run = save(tx.conn(), &new, &found, me.user_id).await?;
    audit_log(
        tx.conn(),
        me.origin(client),
        "themes.run",
        Some(id),
        &format!(
            "question {} seed {seed}: {} answers, {} candidate themes (run {run})",
            q.id,
            answers.len(),
            found.themes.len()
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(run)
}

async fn check_replacing(
    mut conn: Conn<'_>,
    id: Uuid,
    question_id: &str,
    replace: Replace,
) -> Result<(), ServiceError> {
    let conflict = |field, code| ServiceError::Conflict(ValidationError::new(field, code));
    let latest = runs::latest_run(conn.reborrow(), id, question_id).await?;
    let work = match &latest {
        Some(run) => {
            let all = definitions::themes(conn.reborrow(), run.id).await?;
            work_on(conn, run, &all).await?
        }
        None => Work::default(),
    };
    match replace {
        Replace::Unconfirmed if work.any() => {
            Err(conflict("replace", ErrorCode::ConfirmationRequired))
        }
        Replace::Asked { run, work: asked }
            if latest.as_ref().map(|r| r.id) != Some(run) || asked != work =>
        {
            Err(conflict("themes", ErrorCode::ThemesChanged))
        }
        _ => Ok(()),
    }
}

fn by_id(s: &str) -> Option<Uuid> {
    Uuid::parse_str(s).ok()
}

/// The campaigns found, by the response quoted. Only the id is kept: the
/// words are read (and masked) when shown, so an answer erased later is
/// gone here too.
fn campaigns(found: &engine::Discovery) -> Vec<CampaignView> {
    found
        .campaigns
        .iter()
        .filter_map(|c| {
            Some(CampaignView {
                response_id: by_id(&c.quote.id)?,
                text: String::new(),
                count: c.count.count as i64,
            })
        })
        .collect()
}

/// Saves the run, its candidate themes in order, and which answers each
/// holds.
async fn save(
    mut conn: Conn<'_>,
    new: &NewRun<'_>,
    found: &engine::Discovery,
    by: Uuid,
) -> Result<Uuid, ServiceError> {
    let run = runs::insert_run(conn.reborrow(), new).await?;
    let mut rows = Vec::new();
    for (i, t) in found.themes.iter().enumerate() {
        let stance = serde_json::to_value(t.stance)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_else(|| "unclear".into());
        let examples: Vec<String> = t.quotes.iter().map(|q| q.id.clone()).collect();
        let theme = definitions::insert_theme(
            conn.reborrow(),
            run,
            i as i64 + 1,
            &NewTheme {
                label: &t.label,
                description: "",
                stance: &stance,
                top_terms: &to_json(&t.top_terms),
                examples: &to_json(&examples),
                status: "candidate",
            },
            Some(by),
        )
        .await?;
        rows.extend(
            t.answer_ids
                .iter()
                .filter_map(|a| by_id(a))
                .map(|rid| (theme, rid, 1.0)),
        );
    }
    assignments::insert_assignments(conn, run, "discovery", &rows).await?;
    Ok(run)
}
