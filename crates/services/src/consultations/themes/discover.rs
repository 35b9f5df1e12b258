//! Discovery: candidate themes found in a question's answers with a
//! seed, saved as a new run.

use cohesion_domain::analysis::themes as rules;
use cohesion_domain::identity::Action;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_insight::themes::{self as engine, Options};
use cohesion_storage::consultations::themes::definitions::NewTheme;
use cohesion_storage::consultations::themes::runs::NewRun;
use cohesion_storage::consultations::themes::{answers, assignments, definitions, runs};
use cohesion_storage::Db;
use uuid::Uuid;

use super::{off_thread, question, to_json, CampaignView};
use crate::accounts::SignedIn;
use crate::audit::audit_log;
use crate::permissions::require;
use crate::ServiceError;

/// Runs discovery on the question's submitted answers with `seed` and
/// saves the candidate themes as a new run. The same answers and seed
/// give the same themes.
pub async fn run(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    question_id: &str,
    seed: &str,
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
    let answer_ids: Vec<String> = answers.iter().map(|(rid, _)| rid.to_string()).collect();
    let texts: Vec<&str> = answers.iter().map(|(_, t)| t.as_str()).collect();
    let options = Options {
        seed: seed as u64,
        ..Options::default()
    };
    let found = off_thread({
        let answer_ids = answer_ids.clone();
        let texts: Vec<String> = texts.iter().map(|t| (*t).to_owned()).collect();
        move || {
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            engine::discover(&answer_ids, &texts, &options)
        }
    })
    .await?;
    let by_id = |s: &str| Uuid::parse_str(s).ok();
    let campaigns: Vec<CampaignView> = found
        .campaigns
        .iter()
        .filter_map(|c| {
            Some(CampaignView {
                response_id: by_id(&c.quote.id)?,
                // Only the id is kept: the words are read (and masked)
                // when shown, so an answer erased later is gone here too.
                text: String::new(),
                count: c.count.count as i64,
            })
        })
        .collect();
    let mut tx = db.begin().await?;
    let run = runs::insert_run(
        tx.conn(),
        &NewRun {
            consultation_id: id,
            question_id: &q.id,
            seed,
            answers: answers.len() as i64,
            campaign_answers: found.campaigns.iter().map(|c| c.count.count as i64).sum(),
            endorsements: found.endorsements.count as i64,
            rejections: found.rejections.count as i64,
            unassigned: found.unassigned.len() as i64,
            campaigns: &to_json(&campaigns),
            run_by: Some(me.user_id),
        },
    )
    .await?;
    let mut rows = Vec::new();
    for (i, t) in found.themes.iter().enumerate() {
        let stance = serde_json::to_value(t.stance)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_else(|| "unclear".into());
        let examples: Vec<String> = t.quotes.iter().map(|q| q.id.clone()).collect();
        let theme = definitions::insert_theme(
            tx.conn(),
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
            Some(me.user_id),
        )
        .await?;
        rows.extend(
            t.answer_ids
                .iter()
                .filter_map(|a| by_id(a))
                .map(|rid| (theme, rid, 1.0)),
        );
    }
    assignments::insert_assignments(tx.conn(), run, "discovery", &rows).await?;
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
