//! Results weighted to population margins by raking.

use std::collections::HashMap;

use cohesion_domain::identity::Action;
use cohesion_domain::survey::model::QuestionDef;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::consultations::answers;
use cohesion_storage::consultations::catalogue::{self, ConsultationRecord};
use cohesion_storage::Db;
use uuid::Uuid;

use super::log_special_view;
use crate::accounts::SignedIn;
use crate::consultations::parse_survey;
use crate::permissions::require;
use crate::ServiceError;

/// Results weighted to population margins, with how the weighting went.
#[derive(Debug, Clone)]
pub struct Weighted {
    pub consultation: ConsultationRecord,
    /// Respondents weighted (those in a category with a target on every
    /// margin) and those left out.
    pub included: usize,
    pub excluded: usize,
    pub report: cohesion_insight::raking::Raked,
    pub questions: Vec<(QuestionDef, cohesion_insight::weighted::WeightedTally)>,
}

/// Weights respondents to the population `margins` (see
/// `analysis::weighting`) by raking and tallies every choice question with
/// the weights. For staff who analyse; a special-category question, as a
/// margin or in the tallies, needs that right and is audit-logged.
pub async fn weighted(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    margins: &str,
    client: Option<&str>,
) -> Result<Weighted, ServiceError> {
    use cohesion_insight::raking::{rake, Margin, RakingSettings};
    require(me, Action::Analyse)?;
    let special_allowed = me.roles.allows(Action::ViewSpecialCategory);
    let mut c = db.acquire().await?;
    let consultation = catalogue::find(c.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let survey = parse_survey(&consultation.survey)?;
    let specs = cohesion_domain::analysis::weighting::parse_margins(margins, &survey)?;
    let uses_special = specs.iter().any(|m| {
        survey
            .question(&m.question_id)
            .is_some_and(|q| q.kind.is_special_category())
    });
    if uses_special && !special_allowed {
        return Err(ServiceError::Forbidden);
    }
    let mut rows = answers::choices(c.conn(), id, false).await?;
    if special_allowed {
        rows.extend(answers::choices(c.conn(), id, true).await?);
        rows.sort_by_key(|r| r.0);
    }
    drop(c);
    // Respondents side by side: question -> picked options.
    let mut people: Vec<(Uuid, HashMap<String, Vec<usize>>)> = Vec::new();
    for (rid, q, choice) in rows {
        if people.last().is_none_or(|p| p.0 != rid) {
            people.push((rid, HashMap::new()));
        }
        if let (Some(p), Ok(choice)) = (people.last_mut(), usize::try_from(choice)) {
            p.1.entry(q).or_default().push(choice);
        }
    }
    // Each margin's categories are its options that have a target.
    let category = |spec: &cohesion_domain::analysis::weighting::MarginSpec,
                    answers: &HashMap<String, Vec<usize>>| {
        let picked = answers.get(&spec.question_id)?.first().copied()?;
        spec.targets.get(picked).copied().flatten()?;
        Some(
            spec.targets[..picked]
                .iter()
                .filter(|t| t.is_some())
                .count(),
        )
    };
    let mut included = Vec::new();
    let mut categories = Vec::new();
    for (_, answers) in &people {
        let cats: Option<Vec<usize>> = specs.iter().map(|s| category(s, answers)).collect();
        if let Some(cats) = cats {
            categories.push(cats);
            included.push(answers);
        }
    }
    let rake_margins: Vec<Margin> = specs
        .iter()
        .map(|s| Margin {
            name: s.question_id.clone(),
            targets: s.targets.iter().flatten().copied().collect(),
        })
        .collect();
    let report = rake(&categories, &rake_margins, RakingSettings::default())
        .map_err(|e| ServiceError::Invalid(ValidationError::new("margins", weighting_code(&e))))?;
    let mut questions = Vec::new();
    let mut special_shown = uses_special;
    for q in survey.questions() {
        if !q.kind.is_choice() || (q.kind.is_special_category() && !special_allowed) {
            continue;
        }
        special_shown |= q.kind.is_special_category();
        let answers: Vec<Vec<usize>> = included
            .iter()
            .map(|a| a.get(&q.id).cloned().unwrap_or_default())
            .collect();
        questions.push((
            q.clone(),
            cohesion_insight::weighted::tally(&report.weights, &answers, q.kind.options().len()),
        ));
    }
    if special_shown {
        log_special_view(db, me, id, client, "weighted results").await?;
    }
    Ok(Weighted {
        consultation,
        included: categories.len(),
        excluded: people.len() - categories.len(),
        report,
        questions,
    })
}

fn weighting_code(e: &cohesion_insight::raking::RakingError) -> ErrorCode {
    use cohesion_insight::raking::RakingError;
    match e {
        RakingError::NoRespondents => ErrorCode::FieldRequired,
        RakingError::EmptyCategory { .. } => ErrorCode::WeightingEmptyCategory,
        RakingError::WrongShape(_) | RakingError::TargetsNotWhole(_) => ErrorCode::OutOfRange,
    }
}
