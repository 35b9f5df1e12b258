//! Mapping every answer to the confirmed themes, with confidence; the
//! unsure ones go on the review list.

use std::collections::{HashMap, HashSet};

use cohesion_domain::identity::Action;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_insight::themes::{self as engine, ConfirmedTheme, Options};
use cohesion_storage::consultations::themes::definitions::ThemeRecord;
use cohesion_storage::consultations::themes::{answers, assignments, definitions, reviews, runs};
use cohesion_storage::Db;
use uuid::Uuid;

use super::{current_run, engine_input, ids, off_thread, question};
use crate::accounts::SignedIn;
use crate::audit::audit_log;
use crate::permissions::require;
use crate::ServiceError;

/// Maps every submitted answer to the confirmed themes, with confidence;
/// unsure answers go on the review list. Answers an analyst settled keep
/// the analyst's themes. Returns how many wait for review.
pub async fn map(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    question_id: &str,
    client: Option<&str>,
) -> Result<usize, ServiceError> {
    require(me, Action::Analyse)?;
    let (q, run, themes, answers) = {
        let mut c = db.acquire().await?;
        let (_, q) = question(c.conn(), id, question_id).await?;
        let run = current_run(c.conn(), id, &q.id).await?;
        if run.confirmed_at.is_none() {
            return Err(ValidationError::new("themes", ErrorCode::ThemesNotConfirmed).into());
        }
        let themes: Vec<ThemeRecord> = definitions::themes(c.conn(), run.id)
            .await?
            .into_iter()
            .filter(|t| t.status == "confirmed")
            .collect();
        let answers = answers::question_texts(c.conn(), id, &q.id).await?;
        (q, run, themes, answers)
    };
    let confirmed = confirmed_themes(&themes, &answers);
    let (answer_ids, texts) = engine_input(&answers);
    let options = Options {
        seed: run.seed as u64,
        ..Options::default()
    };
    let mapping = off_thread(move || {
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        engine::map(&answer_ids, &texts, &confirmed, &options)
    })
    .await?;
    let mut tx = db.begin().await?;
    assignments::clear_mapping(tx.conn(), run.id).await?;
    // Answers an analyst has settled are not remapped.
    let settled: HashSet<Uuid> = reviews::settled(tx.conn(), run.id)
        .await?
        .into_iter()
        .collect();
    let (rows, review) = assigned(&mapping, &settled);
    assignments::insert_assignments(tx.conn(), run.id, "mapping", &rows).await?;
    reviews::insert_reviews(tx.conn(), run.id, &review).await?;
    runs::set_step(
        tx.conn(),
        run.id,
        runs::RunStep::Mapped,
        Some(cohesion_storage::Timestamp::now()),
    )
    .await?;
    audit_log(
        tx.conn(),
        me.origin(client),
        "themes.map",
        Some(id),
        &format!(
            "question {} run {}: {} answers mapped to {} themes, {} for review",
            q.id,
            run.id,
            answers.len(),
            themes.len(),
            review.len()
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(review.len())
}

/// The confirmed themes as the engine takes them, with the text of their
/// example answers.
fn confirmed_themes(themes: &[ThemeRecord], answers: &[(Uuid, String)]) -> Vec<ConfirmedTheme> {
    let text_of: HashMap<Uuid, &str> = answers.iter().map(|(r, t)| (*r, t.as_str())).collect();
    themes
        .iter()
        .map(|t| ConfirmedTheme {
            id: t.id.to_string(),
            label: t.label.clone(),
            description: t.description.clone(),
            examples: ids(&t.examples)
                .iter()
                .filter_map(|x| text_of.get(x).map(|s| (*s).to_owned()))
                .collect(),
        })
        .collect()
}

/// The mapping's assignments (theme, response, confidence) and the
/// answers for review (response, stance, best confidence), leaving out
/// the answers an analyst has settled.
type Assigned<'a> = (Vec<(Uuid, Uuid, f64)>, Vec<(Uuid, &'a str, f64)>);

fn assigned(mapping: &engine::Mapping, settled: &HashSet<Uuid>) -> Assigned<'static> {
    let mut rows = Vec::new();
    let mut review = Vec::new();
    for a in &mapping.answers {
        let Ok(rid) = Uuid::parse_str(&a.id) else {
            continue;
        };
        if settled.contains(&rid) {
            continue;
        }
        for t in &a.themes {
            if let Ok(theme) = Uuid::parse_str(&t.theme) {
                rows.push((theme, rid, f64::from(t.confidence)));
            }
        }
        if a.review {
            let stance = match a.stance {
                engine::Stance::Agree => "agree",
                engine::Stance::Disagree => "disagree",
                engine::Stance::Unclear => "unclear",
            };
            let best = a.themes.first().map_or(0.0, |t| f64::from(t.confidence));
            review.push((rid, stance, best));
        }
    }
    (rows, review)
}
