//! Publishing results: the questions an officer chooses and, weighted to
//! population margins, the figures computed when they publish.

use cohesion_domain::analysis::publication::{all_publishable, publishable, questions_to_publish};
use cohesion_domain::consultation::Consultation;
use cohesion_domain::identity::Action;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::consultations::result_publications;
use cohesion_storage::{Db, Timestamp};
use uuid::Uuid;

use super::weighting::{weighted, Margins, Weighted};
use super::WeightedSnapshot;
use crate::accounts::SignedIn;
use crate::audit::audit_log;
use crate::consultations::load;
use crate::permissions::require;
use crate::ServiceError;

/// The weighted figures kept for the public: those of the published
/// questions, with how many who answered each were left out.
fn snapshot(w: Weighted, margins: &str, questions: &[String]) -> WeightedSnapshot {
    let r = &w.report;
    WeightedSnapshot {
        margins: margins.to_owned(),
        computed_at: cohesion_domain::timestamp::Timestamp::now().to_rfc3339(),
        included: w.included,
        excluded: w.excluded,
        converged: r.converged,
        iterations: r.iterations,
        effective_sample_size: r.effective_sample_size,
        min_weight: r.min_weight,
        max_weight: r.max_weight,
        trimmed: r.trimmed,
        left_out: w
            .questions
            .iter()
            .filter(|q| questions.contains(&q.question.id))
            .map(|q| (q.question.id.clone(), q.left_out))
            .collect(),
        questions: w
            .questions
            .into_iter()
            .filter(|q| questions.contains(&q.question.id) && publishable(&q.question))
            .map(|q| (q.question.id, q.tally))
            .collect(),
    }
}

/// Publishes the results of consultation `id`: the `questions` chosen
/// (`None`: every one that may be published) and, with `margins`, the
/// figures weighted to those population margins, computed now and kept,
/// with a fresh snapshot of the totals for the public (ADR 30).
/// One transaction; audit-logged with what was published. Refused (a
/// conflict) for a consultation not published itself
/// (`consultation_draft`) or that nobody has answered (`no_responses`):
/// there are no results to show.
pub async fn publish(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    questions: Option<&[String]>,
    margins: Option<&str>,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::RunEngagement)?;
    let (consultation, survey) = {
        let mut c = db.acquire().await?;
        load(c.conn(), id).await?
    };
    refuse_unpublishable(&consultation)?;
    let questions = match questions {
        Some(chosen) => questions_to_publish(&survey, chosen)?,
        None => all_publishable(&survey),
    };
    let weighting = match margins.map(str::trim).filter(|m| !m.is_empty()) {
        None => None,
        Some(margins) => {
            let w = weighted(db, me, id, Margins::Typed(margins), client).await?;
            Some(snapshot(w, margins, &questions))
        }
    };
    let detail = format!(
        "{}{}",
        questions.join(","),
        if weighting.is_some() {
            "; weighted"
        } else {
            ""
        }
    );
    let record = result_publications::ResultPublication {
        // Strings and numbers only: serialising them cannot fail.
        questions: serde_json::to_string(&questions).unwrap_or_default(),
        weighting: weighting
            .as_ref()
            .and_then(|w| serde_json::to_string(w).ok()),
        published_by: Some(me.user_id),
        published_at: Timestamp::now(),
    };
    let mut tx = db.begin().await?;
    if !result_publications::set_result_publication(tx.conn(), id, &record).await? {
        return Err(ServiceError::NotFound);
    }
    // What the public sees while it is open: the totals as of now.
    super::public::take_fresh(tx.conn(), id).await?;
    let origin = me.origin(client);
    audit_log(
        tx.conn(),
        origin,
        "consultation.results.publish",
        Some(id),
        &detail,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Why the results of `c` cannot be published, if they cannot: it is a
/// draft (or withdrawn), or nobody has responded. The officers' page
/// asks the same before offering "Publish the results".
pub fn results_unpublishable(c: &Consultation) -> Option<ErrorCode> {
    if c.published_at.is_none() {
        Some(ErrorCode::ConsultationDraft)
    } else if c.response_count <= 0 {
        Some(ErrorCode::NoResponses)
    } else {
        None
    }
}

/// [`results_unpublishable`] as a refusal: a conflict with how things
/// stand.
fn refuse_unpublishable(c: &Consultation) -> Result<(), ServiceError> {
    match results_unpublishable(c) {
        Some(code) => Err(ServiceError::Conflict(ValidationError::new(
            "results", code,
        ))),
        None => Ok(()),
    }
}

/// What is set to be published: the questions chosen last time (or all)
/// and the margins last used, to start the publication form from;
/// refused like [`publish`] when there are no results to publish.
pub async fn publication_choice(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
) -> Result<(Vec<String>, String), ServiceError> {
    require(me, Action::RunEngagement)?;
    let mut c = db.acquire().await?;
    let (consultation, survey) = load(c.conn(), id).await?;
    refuse_unpublishable(&consultation)?;
    Ok(
        match result_publications::result_publication(c.conn(), id).await? {
            Some(p) => (
                serde_json::from_str(&p.questions).unwrap_or_default(),
                p.weighting
                    .and_then(|w| serde_json::from_str::<WeightedSnapshot>(&w).ok())
                    .map(|w| w.margins)
                    .unwrap_or_default(),
            ),
            None => (all_publishable(&survey), String::new()),
        },
    )
}
