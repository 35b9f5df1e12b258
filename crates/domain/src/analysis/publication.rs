//! Which results an officer publishes: the public sees only the questions
//! chosen here, never a special-category one, and, when the officer asks
//! for it, figures weighted to population margins beside the counts.

use crate::error::{ErrorCode, ValidationError};
use crate::survey::model::{QuestionDef, SurveyDefinition};

/// Whether a question's results may be made public at all.
pub fn publishable(q: &QuestionDef) -> bool {
    !q.kind.is_special_category()
}

/// The questions to publish, checked against `survey`: at least one, each
/// a publishable question of this survey. Returned in the survey's order,
/// each once, so a replayed or reordered form publishes the same thing.
pub fn questions_to_publish(
    survey: &SurveyDefinition,
    chosen: &[String],
) -> Result<Vec<String>, ValidationError> {
    if chosen.is_empty() {
        return Err(ValidationError::new("questions", ErrorCode::FieldRequired));
    }
    for id in chosen {
        if !survey.question(id).is_some_and(publishable) {
            return Err(ValidationError::new("questions", ErrorCode::InvalidChoice));
        }
    }
    Ok(survey
        .questions()
        .filter(|q| chosen.contains(&q.id))
        .map(|q| q.id.clone())
        .collect())
}

/// Every publishable question: what "publish the results" without a
/// choice means, and what results published before the choice existed
/// show.
pub fn all_publishable(survey: &SurveyDefinition) -> Vec<String> {
    survey
        .questions()
        .filter(|q| publishable(q))
        .map(|q| q.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::model::{Demographic, QuestionKind};

    fn survey() -> SurveyDefinition {
        let q = |id: &str, kind| QuestionDef {
            id: id.into(),
            text: id.into(),
            hint: String::new(),
            required: false,
            kind,
            show_if: None,
            purpose: "Equality monitoring".into(),
        };
        let mut s = SurveyDefinition::default();
        s.pages.push(Default::default());
        s.pages[0].questions = vec![
            q("q1", QuestionKind::Agreement),
            q("q2", QuestionKind::ShortText),
            q(
                "q3",
                QuestionKind::Demographic {
                    of: Demographic::Religion,
                    areas: Vec::new(),
                },
            ),
            q("q4", QuestionKind::Effectiveness),
        ];
        s
    }

    #[test]
    fn chosen_questions_come_back_in_survey_order_once() {
        let s = survey();
        let chosen = ["q4", "q1", "q4"].map(String::from);
        assert_eq!(questions_to_publish(&s, &chosen).unwrap(), ["q1", "q4"]);
        assert_eq!(all_publishable(&s), ["q1", "q2", "q4"]);
    }

    #[test]
    fn nothing_unknown_or_special_can_be_published() {
        let s = survey();
        let code = |chosen: &[&str]| {
            let chosen: Vec<String> = chosen.iter().map(|c| c.to_string()).collect();
            questions_to_publish(&s, &chosen).unwrap_err().code
        };
        assert_eq!(code(&[]), ErrorCode::FieldRequired);
        assert_eq!(code(&["q1", "q9"]), ErrorCode::InvalidChoice);
        assert_eq!(code(&["q3"]), ErrorCode::InvalidChoice);
    }
}
