//! The survey builder's "add a question" form: raw fields in, a question
//! for a page out. The whole survey is checked again when it is saved.

use serde::Deserialize;

use super::model::{
    Demographic, QuestionDef, QuestionKind, Rule, SurveyDefinition, DEFAULT_LONG_TEXT_CHARS,
};
use crate::error::{ErrorCode, ValidationError};
use crate::text::{optional, required};

/// The kinds an officer can pick, as the form names them.
pub const KINDS: [&str; 11] = [
    "single_choice",
    "multiple_choice",
    "agreement",
    "effectiveness",
    "ranking",
    "number",
    "date",
    "short_text",
    "long_text",
    "matrix",
    "demographic",
];

#[derive(Debug, Clone, Default, Deserialize)]
pub struct QuestionInput {
    /// 1-based; one past the last page starts a new page.
    #[serde(default)]
    pub page: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub hint: String,
    /// "yes" for required.
    #[serde(default)]
    pub required: String,
    /// Options (or matrix rows, or areas), one per line.
    #[serde(default)]
    pub options: String,
    /// Multiple choice: at most this many; number: the largest allowed.
    #[serde(default)]
    pub max: String,
    /// Number: the smallest allowed.
    #[serde(default)]
    pub min: String,
    #[serde(default)]
    pub demographic: String,
    #[serde(default)]
    pub purpose: String,
    /// Show only when this earlier question…
    #[serde(default)]
    pub show_if_question: String,
    /// …was answered with one of these options (1-based, comma-separated).
    #[serde(default)]
    pub show_if_options: String,
}

fn lines(raw: &str) -> Vec<String> {
    raw.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

fn number(field: &'static str, raw: &str) -> Result<Option<i64>, ValidationError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    raw.parse()
        .map(Some)
        .map_err(|_| ValidationError::new(field, ErrorCode::OutOfRange))
}

impl QuestionInput {
    /// The page index (0-based) and the question, with a fresh id.
    pub fn to_question(
        &self,
        survey: &SurveyDefinition,
    ) -> Result<(usize, QuestionDef), Vec<ValidationError>> {
        let mut errors = Vec::new();
        let page = match self.page.trim().parse::<usize>() {
            Ok(p) if p >= 1 && p <= survey.pages.len() + 1 => p - 1,
            _ if self.page.trim().is_empty() => survey.pages.len().saturating_sub(1),
            _ => {
                errors.push(ValidationError::new("page", ErrorCode::InvalidChoice));
                0
            }
        };
        let text = required("text", &self.text, super::model::MAX_TEXT_CHARS)
            .map_err(|e| errors.push(e))
            .ok();
        let hint = optional("hint", &self.hint, super::model::MAX_TEXT_CHARS)
            .map_err(|e| errors.push(e))
            .ok()
            .flatten()
            .unwrap_or_default();
        let purpose = optional("purpose", &self.purpose, super::model::MAX_TEXT_CHARS)
            .map_err(|e| errors.push(e))
            .ok()
            .flatten()
            .unwrap_or_default();
        let options = lines(&self.options);
        let max = number("max", &self.max)
            .map_err(|e| errors.push(e))
            .ok()
            .flatten();
        let min = number("min", &self.min)
            .map_err(|e| errors.push(e))
            .ok()
            .flatten();
        let kind = match self.kind.as_str() {
            "single_choice" => Some(QuestionKind::SingleChoice { options }),
            "multiple_choice" => Some(QuestionKind::MultipleChoice {
                options,
                max: max.and_then(|m| usize::try_from(m).ok()),
            }),
            "agreement" => Some(QuestionKind::Agreement),
            "effectiveness" => Some(QuestionKind::Effectiveness),
            "ranking" => Some(QuestionKind::Ranking { options }),
            "number" => Some(QuestionKind::Number { min, max }),
            "date" => Some(QuestionKind::Date),
            "short_text" => Some(QuestionKind::ShortText),
            "long_text" => Some(QuestionKind::LongText {
                max_chars: max
                    .and_then(|m| usize::try_from(m).ok())
                    .unwrap_or(DEFAULT_LONG_TEXT_CHARS),
            }),
            "matrix" => Some(QuestionKind::Matrix { rows: options }),
            "demographic" => match Demographic::ALL
                .into_iter()
                .find(|d| d.key() == self.demographic)
            {
                Some(of) => Some(QuestionKind::Demographic {
                    of,
                    areas: if of == Demographic::Area {
                        options
                    } else {
                        Vec::new()
                    },
                }),
                None => {
                    errors.push(ValidationError::new(
                        "demographic",
                        ErrorCode::InvalidChoice,
                    ));
                    None
                }
            },
            _ => {
                errors.push(ValidationError::new("kind", ErrorCode::InvalidChoice));
                None
            }
        };
        let show_if = if self.show_if_question.trim().is_empty() {
            None
        } else {
            let any_of: Result<Vec<usize>, _> = self
                .show_if_options
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| {
                    s.parse::<usize>()
                        .ok()
                        .filter(|n| *n >= 1)
                        .map(|n| n - 1)
                        .ok_or(())
                })
                .collect();
            match any_of {
                Ok(any_of) if !any_of.is_empty() => Some(Rule {
                    question: self.show_if_question.trim().to_owned(),
                    any_of,
                }),
                _ => {
                    errors.push(ValidationError::new(
                        "show_if_options",
                        ErrorCode::InvalidChoice,
                    ));
                    None
                }
            }
        };
        match (text, kind) {
            (Some(text), Some(kind)) if errors.is_empty() => Ok((
                page,
                QuestionDef {
                    id: survey.next_id(),
                    text,
                    hint,
                    required: self.required == "yes",
                    kind,
                    show_if,
                    purpose,
                },
            )),
            _ => Err(errors),
        }
    }
}

/// `survey` with `question` added at the end of page `page` (a new page
/// when it is one past the last).
pub fn with_question(
    survey: &SurveyDefinition,
    page: usize,
    question: QuestionDef,
) -> SurveyDefinition {
    let mut next = survey.clone();
    while next.pages.len() <= page {
        next.pages.push(Default::default());
    }
    next.pages[page].questions.push(question);
    next
}

/// `survey` without question `id`; pages left empty are dropped.
pub fn without_question(survey: &SurveyDefinition, id: &str) -> Option<SurveyDefinition> {
    survey.question(id)?;
    let mut next = survey.clone();
    for p in &mut next.pages {
        p.questions.retain(|q| q.id != id);
    }
    next.pages.retain(|p| !p.questions.is_empty());
    Some(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_question_is_built_and_checked() {
        let empty = SurveyDefinition::default();
        let input = QuestionInput {
            kind: "single_choice".into(),
            text: "Have you seen hate crime locally?".into(),
            options: "Yes\n\nNo\n".into(),
            required: "yes".into(),
            ..Default::default()
        };
        let (page, q) = input.to_question(&empty).unwrap();
        assert_eq!(page, 0);
        assert_eq!(q.id, "q1");
        assert!(q.required);
        let s = with_question(&empty, page, q);
        s.validate().unwrap();
        let follow = QuestionInput {
            page: "2".into(),
            kind: "long_text".into(),
            text: "Tell us more".into(),
            show_if_question: "q1".into(),
            show_if_options: "1".into(),
            ..Default::default()
        };
        let (page, q) = follow.to_question(&s).unwrap();
        assert_eq!(page, 1);
        assert_eq!(q.show_if.as_ref().unwrap().any_of, [0]);
        let s = with_question(&s, page, q);
        s.validate().unwrap();
        assert!(without_question(&s, "q9").is_none());
        let fewer = without_question(&s, "q2").unwrap();
        assert_eq!(fewer.pages.len(), 1);
    }

    #[test]
    fn bad_fields_are_reported() {
        let input = QuestionInput {
            page: "7".into(),
            kind: "essay".into(),
            text: "".into(),
            show_if_question: "q1".into(),
            show_if_options: "zero".into(),
            ..Default::default()
        };
        let fields: Vec<_> = input
            .to_question(&SurveyDefinition::default())
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["page", "text", "kind", "show_if_options"]);
    }
}
