//! The demo's generated responses: random draws from a deterministic
//! generator (the demo looks the same every time), submitted as a
//! respondent's would be, and marked as generated on the consultations
//! that show them.

use cohesion_domain::consultation::response_reference;
use cohesion_domain::survey::answers::{check_response, RawAnswers};
use cohesion_domain::survey::model::SurveyDefinition;
use cohesion_storage::consultations::responses::{self, Owner};
use cohesion_storage::{Db, Timestamp};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use super::draws::Draws;
use super::written::written_answer;
use crate::accounts::tokens::hash_token;
use crate::consultations::responding::submission::submit_answers;
use crate::consultations::ConsultationError;
use crate::ServiceError;

/// Age band (option index of the demographic question): under 16 to 75
/// and over, or "prefer not to say".
fn age(d: &mut Draws) -> usize {
    d.weighted(&[4, 14, 18, 17, 15, 13, 10, 6, 3])
}

/// A ranking of the three ideas: a weighted order (younger people put the
/// films first more often, older people the ambassadors), and some rank
/// only their first one or two, as people do.
fn ranking(d: &mut Draws, young: bool) -> Vec<(usize, usize)> {
    let mut weights: Vec<usize> = if young { vec![3, 5, 4] } else { vec![6, 2, 4] };
    let mut left: Vec<usize> = vec![0, 1, 2];
    let ranked = [1, 2, 3, 3, 3][d.next(5)];
    let mut out = Vec::new();
    for rank in 1..=ranked {
        let i = d.weighted(&weights);
        out.push((left.remove(i), rank));
        weights.remove(i);
    }
    out
}

fn random_answers(d: &mut Draws) -> RawAnswers {
    let mut raw = RawAnswers::new();
    let mut put = |k: &str, v: String| {
        raw.insert(k.to_owned(), vec![v]);
    };
    let age_band = age(d);
    let young = (1..=2).contains(&age_band);
    // Skewed towards agreement, as such surveys often are.
    put("q1", d.weighted(&[22, 38, 14, 10, 8, 8]).to_string());
    // Younger people meet hateful views more often, and mostly online.
    let seen = d.weighted(if young { &[6, 3, 1] } else { &[4, 4, 2] });
    put("q2", seen.to_string());
    if seen == 0 {
        let places: &[usize] = if young {
            &[8, 6, 2, 4, 1]
        } else {
            &[5, 2, 4, 3, 2]
        };
        let first = d.weighted(places);
        let mut picked = vec![first];
        if d.next(3) == 0 {
            let second = d.weighted(places);
            if second != first {
                picked.push(second);
            }
        }
        raw.insert(
            "q3".to_owned(),
            picked.iter().map(|p| p.to_string()).collect(),
        );
    }
    let mut put = |k: &str, v: String| {
        raw.insert(k.to_owned(), vec![v]);
    };
    put("q4", d.weighted(&[18, 30, 16, 8, 10]).to_string());
    if d.next(4) > 0 {
        for (option, rank) in ranking(d, young) {
            put(&format!("q5-{option}"), rank.to_string());
        }
    }
    // Knowing how to report is commoner than trusting the council to act.
    put("q6-0", d.weighted(&[14, 30, 16, 18, 10, 12]).to_string());
    put("q6-1", d.weighted(&[8, 20, 24, 22, 14, 12]).to_string());
    put("q8", age_band.to_string());
    if d.next(4) > 0 {
        put(
            "q9",
            d.weighted(&[30, 2, 26, 6, 3, 18, 4, 3, 8]).to_string(),
        );
    }
    raw
}

/// When generated responses were sent: `from` to `until`, spread evenly
/// with a little jitter, so that none is dated outside the consultation's
/// open period.
pub(super) struct Window {
    pub from: OffsetDateTime,
    pub until: OffsetDateTime,
}

impl Window {
    fn at(&self, i: usize, count: usize, d: &mut Draws) -> Timestamp {
        let span = (self.until - self.from).whole_seconds().max(1);
        let step = span / count.max(1) as i64;
        let jitter = d.next(step.max(1) as usize) as i64;
        Timestamp::from(self.from + Duration::seconds((step * i as i64 + jitter).min(span)))
    }
}

/// Submits `count` generated responses to consultation `id`, drawn from
/// `seed`, each dated within `window`.
pub(super) async fn generate_responses(
    db: &Db,
    id: Uuid,
    survey: &SurveyDefinition,
    (count, seed): (usize, u64),
    window: Window,
) -> Result<(), ServiceError> {
    let mut d = Draws(seed);
    // Written answers draw from their own stream, so adding them left
    // every other generated answer as it was.
    let mut words = Draws::for_words(seed);
    let mut tx = db.begin().await?;
    for i in 0..count {
        let mut raw = random_answers(&mut d);
        if let Some(answer) = written_answer(&mut words) {
            raw.insert("q7".to_owned(), vec![answer.text]);
        }
        let answers = check_response(survey, &raw).map_err(ConsultationError::InvalidAnswers)?;
        let key = hash_token(&format!("demo-respondent-{seed}-{i}:{id}"));
        let mut random = [0u8; 8];
        for b in &mut random {
            *b = d.next(256) as u8;
        }
        let Some(rid) = responses::create(
            tx.conn(),
            id,
            Owner::Anonymous(&key),
            &response_reference(random),
        )
        .await?
        else {
            continue;
        };
        let draft = serde_json::to_string(&raw).unwrap_or_else(|_| "{}".into());
        responses::save_draft(tx.conn(), rid, &draft).await?;
        let record = responses::find_for(tx.conn(), id, Owner::Anonymous(&key))
            .await?
            .ok_or(ServiceError::NotFound)?;
        submit_answers(tx.conn(), survey, &record, &answers).await?;
        responses::mark_submitted(tx.conn(), rid, window.at(i, count, &mut d)).await?;
    }
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consultations::demo::survey::safer_streets_survey;
    use cohesion_domain::survey::answers::Answer;

    #[test]
    fn the_demo_survey_is_valid_and_its_draws_are_accepted() {
        let survey = safer_streets_survey();
        survey.validate().unwrap();
        let mut d = Draws(5);
        let mut words = Draws(6);
        for _ in 0..500 {
            let mut raw = random_answers(&mut d);
            if let Some(a) = written_answer(&mut words) {
                raw.insert("q7".to_owned(), vec![a.text]);
            }
            check_response(&survey, &raw).unwrap();
        }
    }

    #[test]
    fn rankings_put_every_idea_first_and_last() {
        let survey = safer_streets_survey();
        let mut d = Draws(11);
        let mut first = [0usize; 3];
        let mut orders = std::collections::HashSet::new();
        for _ in 0..300 {
            let answers = check_response(&survey, &random_answers(&mut d)).unwrap();
            if let Some(Answer::Ranking(order)) = answers.get("q5") {
                first[order[0]] += 1;
                orders.insert(order.clone());
            }
        }
        assert!(first.iter().all(|&n| n >= 30), "{first:?}");
        // All six full orders occur, and shorter rankings too.
        assert!(
            orders.iter().filter(|o| o.len() == 3).count() == 6,
            "{orders:?}"
        );
        assert!(orders.iter().any(|o| o.len() < 3));
    }
}
