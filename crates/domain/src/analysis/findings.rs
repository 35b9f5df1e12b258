//! "What you told us": a finding is a short statement an officer writes,
//! resting on one or more options of one question (options of a choice
//! question, or scale points of a matrix row: "Strongly agree" and
//! "Agree" together), or on a confirmed theme of a long-text question's
//! answers. The figure is pulled from the results (or the theme's mapped
//! answers) whenever the finding is shown, never typed; how several
//! options combine is [`super::combined`]'s. Once the consultation closes,
//! "What we did" says what the council did in response.

use serde::Deserialize;

use crate::error::{ErrorCode, ValidationError};
use crate::survey::model::{QuestionKind, SurveyDefinition};
use crate::text::{optional, required_line};

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_BODY_CHARS: usize = 5_000;
/// A finding combines at most this many options.
pub const MAX_OPTIONS: usize = 20;

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
    /// The options whose combined share is the figure: each 1-based,
    /// alone ("2", of `question`) or with its question ("q4:2", as the
    /// officers' form sends them). All must be of one question.
    #[serde(default)]
    pub options: Vec<String>,
    /// A confirmed theme's id, instead of a question and option: the
    /// figure is the share of the question's answers mapped to it.
    #[serde(default)]
    pub theme: String,
    /// "What we did": what the council did in response (safe Markdown).
    #[serde(default)]
    pub what_we_did: String,
}

/// A finding that passed every check. Indexes are 0-based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub title: String,
    pub body: String,
    pub question_id: String,
    pub row: Option<usize>,
    /// The options combined, ascending, none twice; empty for a theme.
    pub options: Vec<usize>,
    /// The theme the finding rests on; the services check it exists and
    /// fill in `question_id` from it (`options` is then empty).
    pub theme: Option<String>,
    /// "What we did" (safe Markdown), empty until the officer writes it.
    pub what_we_did: String,
}

fn index(field: &'static str, raw: &str, len: usize) -> Result<usize, ValidationError> {
    raw.trim()
        .parse::<usize>()
        .ok()
        .filter(|n| *n >= 1 && *n <= len)
        .map(|n| n - 1)
        .ok_or(ValidationError::new(field, ErrorCode::InvalidChoice))
}

/// "What we did": optional, as long as a finding's body may be.
pub fn what_we_did(raw: &str) -> Result<String, ValidationError> {
    optional("what_we_did", raw, MAX_BODY_CHARS).map(Option::unwrap_or_default)
}

/// The question named by the options (or by `question`, for options
/// given as bare numbers) and their 1-based numbers. Options naming
/// different questions are refused as such.
fn named<'a>(
    question: &'a str,
    options: &'a [String],
) -> Result<(&'a str, Vec<&'a str>), ValidationError> {
    let mut of: Option<&str> = None;
    let mut numbers = Vec::new();
    for raw in options.iter().map(|o| o.trim()).filter(|o| !o.is_empty()) {
        let (q, n) = raw.rsplit_once(':').unwrap_or((question, raw));
        let q = q.trim();
        match of {
            Some(seen) if seen != q => {
                return Err(ValidationError::new(
                    "options",
                    ErrorCode::OptionsOfOneQuestion,
                ))
            }
            _ => of = Some(q),
        }
        numbers.push(n);
    }
    Ok((of.unwrap_or(question), numbers))
}

impl FindingInput {
    /// Checks the text and that the results exist: one or more options
    /// of one question. Findings never rest on special-category
    /// questions: they are published.
    pub fn validate(&self, survey: &SurveyDefinition) -> Result<Finding, Vec<ValidationError>> {
        let mut errors = Vec::new();
        let title = required_line("title", &self.title, MAX_TITLE_CHARS)
            .map_err(|e| errors.push(e))
            .ok();
        let body = optional("body", &self.body, MAX_BODY_CHARS)
            .map_err(|e| errors.push(e))
            .ok()
            .map(Option::unwrap_or_default);
        let did = what_we_did(&self.what_we_did)
            .map_err(|e| errors.push(e))
            .ok();
        let theme = self.theme.trim();
        if !theme.is_empty() {
            return match (title, body, did) {
                (Some(title), Some(body), Some(what_we_did)) if errors.is_empty() => Ok(Finding {
                    title,
                    body,
                    question_id: String::new(),
                    row: None,
                    options: Vec::new(),
                    theme: Some(theme.to_owned()),
                    what_we_did,
                }),
                _ => Err(errors),
            };
        }
        let options = self.checked_options(survey, &mut errors);
        match (title, body, did, options) {
            (Some(title), Some(body), Some(what_we_did), Some((question_id, row, options)))
                if errors.is_empty() =>
            {
                Ok(Finding {
                    title,
                    body,
                    question_id,
                    row,
                    options,
                    theme: None,
                    what_we_did,
                })
            }
            _ => Err(errors),
        }
    }

    /// The question, matrix row and options (0-based, ascending) the
    /// figure rests on, or `None` with the reasons pushed to `errors`.
    fn checked_options(
        &self,
        survey: &SurveyDefinition,
        errors: &mut Vec<ValidationError>,
    ) -> Option<(String, Option<usize>, Vec<usize>)> {
        let (question, numbers) = named(self.question.trim(), &self.options)
            .map_err(|e| errors.push(e))
            .ok()?;
        let q = survey.question(question).filter(|q| {
            (q.kind.is_choice() || matches!(q.kind, QuestionKind::Matrix { .. }))
                && !q.kind.is_special_category()
        });
        let Some(q) = q else {
            // Named by the options themselves, the options are at fault.
            let field = if question == self.question.trim() {
                "question"
            } else {
                "options"
            };
            errors.push(ValidationError::new(field, ErrorCode::InvalidChoice));
            return None;
        };
        let mut row = None;
        if let QuestionKind::Matrix { rows } = &q.kind {
            row = index("row", &self.row, rows.len())
                .map_err(|e| errors.push(e))
                .ok();
        }
        let len = q.kind.options().len();
        let mut options = numbers
            .iter()
            .map(|n| index("options", n, len))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| errors.push(e))
            .ok()?;
        options.sort_unstable();
        options.dedup();
        if options.is_empty() || options.len() > MAX_OPTIONS {
            errors.push(ValidationError::new("options", ErrorCode::InvalidChoice));
            return None;
        }
        Some((q.id.clone(), row, options))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::model::tests::sample;

    fn input(question: &str, options: &[&str]) -> FindingInput {
        FindingInput {
            title: "x".into(),
            question: question.into(),
            options: options.iter().map(|o| (*o).to_owned()).collect(),
            ..Default::default()
        }
    }

    fn fields(i: FindingInput) -> Vec<&'static str> {
        i.validate(&sample())
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    #[test]
    fn a_finding_rests_on_a_result_that_exists() {
        let s = sample();
        let ok = FindingInput {
            title: "Most people said yes".into(),
            question: "q1".into(),
            options: vec!["1".into()],
            what_we_did: "We *did* it".into(),
            ..Default::default()
        }
        .validate(&s)
        .unwrap();
        assert_eq!(
            (ok.question_id.as_str(), ok.options.as_slice(), ok.row),
            ("q1", &[0][..], None)
        );
        assert_eq!(ok.what_we_did, "We *did* it");
        // A text question, a special-category one, a missing option.
        assert_eq!(fields(input("q2", &["1"])), ["question"]);
        assert_eq!(fields(input("q3", &["1"])), ["question"]);
        let mut bad = input("q1", &["3"]);
        bad.title.clear();
        assert_eq!(fields(bad), ["title", "options"]);
        assert_eq!(fields(input("q1", &[])), ["options"]);
        let mut long = input("q1", &["1"]);
        long.what_we_did = "x".repeat(MAX_BODY_CHARS + 1);
        assert_eq!(fields(long), ["what_we_did"]);
    }

    #[test]
    fn several_options_of_one_question_combine() {
        let s = sample();
        // As the form sends them, with the question; repeats once.
        let ok = input("", &["q1:2", "q1:1", "q1:2"]).validate(&s).unwrap();
        assert_eq!((ok.question_id.as_str(), ok.options), ("q1", vec![0, 1]));
        let ok = input("q1", &["2", "1"]).validate(&s).unwrap();
        assert_eq!(ok.options, [0, 1]);
        // Options of two questions, and forged numbers or questions.
        let errors = input("", &["q1:1", "q3:1"]).validate(&s).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(
            (errors[0].field, errors[0].code),
            ("options", ErrorCode::OptionsOfOneQuestion)
        );
        assert_eq!(fields(input("q3", &["q1:1", "1"])), ["options"]);
        assert_eq!(fields(input("", &["q1:0"])), ["options"]);
        assert_eq!(fields(input("", &["q1:-1"])), ["options"]);
        assert_eq!(fields(input("", &["q1:x"])), ["options"]);
        assert_eq!(fields(input("", &["q9:1"])), ["options"]);
        assert_eq!(fields(input("", &["q3:1"])), ["options"]);
        assert_eq!(fields(input("q9", &["1"])), ["question"]);
    }
}
