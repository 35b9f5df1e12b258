//! "What you told us": a finding is a short statement an officer writes,
//! resting on one result of the survey (an option of a choice question,
//! or a scale point of a matrix row), or on a confirmed theme of a
//! long-text question's answers. The figure is pulled from the results
//! (or the theme's mapped answers) whenever the finding is shown, never
//! typed.

use serde::Deserialize;

use crate::error::{ErrorCode, ValidationError};
use crate::survey::model::{QuestionKind, SurveyDefinition};
use crate::text::{optional, required_line};

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_BODY_CHARS: usize = 5_000;

#[derive(Debug, Clone, Default, Deserialize)]
pub struct FindingInput {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub body: String,
    /// The question the figure comes from.
    #[serde(default)]
    pub question: String,
    /// The matrix row (1-based), for matrix questions only.
    #[serde(default)]
    pub row: String,
    /// The option (1-based) whose share is the figure.
    #[serde(default)]
    pub option: String,
    /// A confirmed theme's id, instead of a question and option: the
    /// figure is the share of the question's answers mapped to it.
    #[serde(default)]
    pub theme: String,
}

/// A finding that passed every check. Indexes are 0-based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub title: String,
    pub body: String,
    pub question_id: String,
    pub row: Option<usize>,
    pub option: usize,
    /// The theme the finding rests on; the services check it exists and
    /// fill in `question_id` from it (`option` is then unused).
    pub theme: Option<String>,
}

fn index(field: &'static str, raw: &str, len: usize) -> Result<usize, ValidationError> {
    raw.trim()
        .parse::<usize>()
        .ok()
        .filter(|n| *n >= 1 && *n <= len)
        .map(|n| n - 1)
        .ok_or(ValidationError::new(field, ErrorCode::InvalidChoice))
}

impl FindingInput {
    /// Checks the text and that the result exists. Findings never rest on
    /// special-category questions: they are published.
    pub fn validate(&self, survey: &SurveyDefinition) -> Result<Finding, Vec<ValidationError>> {
        let mut errors = Vec::new();
        let title = required_line("title", &self.title, MAX_TITLE_CHARS)
            .map_err(|e| errors.push(e))
            .ok();
        let body = optional("body", &self.body, MAX_BODY_CHARS)
            .map_err(|e| errors.push(e))
            .ok()
            .map(Option::unwrap_or_default);
        let theme = self.theme.trim();
        if !theme.is_empty() {
            return match (title, body) {
                (Some(title), Some(body)) if errors.is_empty() => Ok(Finding {
                    title,
                    body,
                    question_id: String::new(),
                    row: None,
                    option: 0,
                    theme: Some(theme.to_owned()),
                }),
                _ => Err(errors),
            };
        }
        let question = survey.question(self.question.trim()).filter(|q| {
            (q.kind.is_choice() || matches!(q.kind, QuestionKind::Matrix { .. }))
                && !q.kind.is_special_category()
        });
        let mut row = None;
        let mut option = None;
        match question {
            None => errors.push(ValidationError::new("question", ErrorCode::InvalidChoice)),
            Some(q) => {
                if let QuestionKind::Matrix { rows } = &q.kind {
                    row = index("row", &self.row, rows.len())
                        .map_err(|e| errors.push(e))
                        .ok();
                }
                option = index("option", &self.option, q.kind.options().len())
                    .map_err(|e| errors.push(e))
                    .ok();
            }
        }
        match (title, body, question, option) {
            (Some(title), Some(body), Some(q), Some(option)) if errors.is_empty() => Ok(Finding {
                title,
                body,
                question_id: q.id.clone(),
                row,
                option,
                theme: None,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::model::tests::sample;

    #[test]
    fn a_finding_rests_on_a_result_that_exists() {
        let s = sample();
        let ok = FindingInput {
            title: "Most people said yes".into(),
            question: "q1".into(),
            option: "1".into(),
            ..Default::default()
        }
        .validate(&s)
        .unwrap();
        assert_eq!(
            (ok.question_id.as_str(), ok.option, ok.row),
            ("q1", 0, None)
        );
        let fields = |i: FindingInput| -> Vec<&'static str> {
            i.validate(&s)
                .unwrap_err()
                .into_iter()
                .map(|e| e.field)
                .collect()
        };
        // A text question, a special-category one, a missing option.
        assert_eq!(
            fields(FindingInput {
                title: "x".into(),
                question: "q2".into(),
                option: "1".into(),
                ..Default::default()
            }),
            ["question"]
        );
        assert_eq!(
            fields(FindingInput {
                title: "x".into(),
                question: "q3".into(),
                option: "1".into(),
                ..Default::default()
            }),
            ["question"]
        );
        assert_eq!(
            fields(FindingInput {
                title: "".into(),
                question: "q1".into(),
                option: "3".into(),
                ..Default::default()
            }),
            ["title", "option"]
        );
    }
}
