//! The survey builder's question form: raw fields in, a question for a
//! place in the survey out (added, or put in place of the one edited).
//! The whole survey is checked again when it is saved, so a move that
//! breaks routing (a rule pointing at a later question) is refused there.

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
    /// 1-based place on the page; empty puts the question last.
    #[serde(default)]
    pub position: String,
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

/// Where a question goes: 0-based page and, if given, 0-based place on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub page: usize,
    pub position: Option<usize>,
}

impl QuestionInput {
    /// The form filled in with `q`, which sits on page `page` (0-based)
    /// at `position` (0-based): what the edit form starts from.
    pub fn from_question(page: usize, position: usize, q: &QuestionDef) -> Self {
        let written = |options: &[String]| options.join("\n");
        let (options, max, min, demographic) = match &q.kind {
            QuestionKind::SingleChoice { options } | QuestionKind::Ranking { options } => {
                (written(options), None, None, "")
            }
            QuestionKind::MultipleChoice { options, max } => {
                (written(options), max.map(|m| m as i64), None, "")
            }
            QuestionKind::Number { min, max } => (String::new(), *max, *min, ""),
            QuestionKind::LongText { max_chars } => {
                (String::new(), Some(*max_chars as i64), None, "")
            }
            QuestionKind::Matrix { rows } => (written(rows), None, None, ""),
            QuestionKind::Demographic { of, areas } => (written(areas), None, None, of.key()),
            QuestionKind::Agreement
            | QuestionKind::Effectiveness
            | QuestionKind::Date
            | QuestionKind::ShortText => (String::new(), None, None, ""),
        };
        let text = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
        Self {
            page: (page + 1).to_string(),
            position: (position + 1).to_string(),
            kind: q.kind.key().to_owned(),
            text: q.text.clone(),
            hint: q.hint.clone(),
            required: if q.required { "yes" } else { "no" }.to_owned(),
            options,
            max: text(max),
            min: text(min),
            demographic: demographic.to_owned(),
            purpose: q.purpose.clone(),
            show_if_question: q
                .show_if
                .as_ref()
                .map(|r| r.question.clone())
                .unwrap_or_default(),
            show_if_options: q
                .show_if
                .as_ref()
                .map(|r| {
                    r.any_of
                        .iter()
                        .map(|o| (o + 1).to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default(),
        }
    }

    /// The page index (0-based) and the question, with a fresh id.
    pub fn to_question(
        &self,
        survey: &SurveyDefinition,
    ) -> Result<(usize, QuestionDef), Vec<ValidationError>> {
        self.build(survey, survey.next_id())
            .map(|(place, q)| (place.page, q))
    }

    /// Where the question goes and the question itself, keeping `id`
    /// (the question being edited, so its answers and translations stay
    /// attached to it).
    pub fn build(
        &self,
        survey: &SurveyDefinition,
        id: String,
    ) -> Result<(Placement, QuestionDef), Vec<ValidationError>> {
        let mut errors = Vec::new();
        let position = match self.position.trim() {
            "" => None,
            raw => match raw.parse::<usize>() {
                Ok(n) if n >= 1 => Some(n - 1),
                _ => {
                    errors.push(ValidationError::new("position", ErrorCode::OutOfRange));
                    None
                }
            },
        };
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
        let kind = self.question_kind(&mut errors);
        let show_if = self.show_rule(&mut errors);
        match (text, kind) {
            (Some(text), Some(kind)) if errors.is_empty() => Ok((
                Placement { page, position },
                QuestionDef {
                    id,
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

    /// The question's kind, from the form's kind, options, limits and
    /// demographic; what is wrong goes to `errors`.
    fn question_kind(&self, errors: &mut Vec<ValidationError>) -> Option<QuestionKind> {
        let options = lines(&self.options);
        let max = number("max", &self.max)
            .map_err(|e| errors.push(e))
            .ok()
            .flatten();
        let min = number("min", &self.min)
            .map_err(|e| errors.push(e))
            .ok()
            .flatten();
        match self.kind.as_str() {
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
        }
    }

    /// The rule the question is shown by, if a question is named for it;
    /// what is wrong goes to `errors`.
    fn show_rule(&self, errors: &mut Vec<ValidationError>) -> Option<Rule> {
        if self.show_if_question.trim().is_empty() {
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

/// `survey` with `question` at `place`: on its page (a new page when one
/// past the last), at its position or last. A question already in the
/// survey with the same id (the one being edited) is taken from where it
/// was; pages left empty are dropped.
pub fn placed(
    survey: &SurveyDefinition,
    place: Placement,
    question: QuestionDef,
) -> SurveyDefinition {
    let mut next = survey.clone();
    for p in &mut next.pages {
        p.questions.retain(|q| q.id != question.id);
    }
    while next.pages.len() <= place.page {
        next.pages.push(Default::default());
    }
    let on_page = &mut next.pages[place.page].questions;
    let at = place.position.unwrap_or(on_page.len()).min(on_page.len());
    on_page.insert(at, question);
    next.pages.retain(|p| !p.questions.is_empty());
    next
}

/// Where question `id` is: its page and place on it, 0-based.
pub fn place_of(survey: &SurveyDefinition, id: &str) -> Option<Placement> {
    survey.pages.iter().enumerate().find_map(|(page, p)| {
        p.questions
            .iter()
            .position(|q| q.id == id)
            .map(|position| Placement {
                page,
                position: Some(position),
            })
    })
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

    fn survey_of(pages: &[&[&str]]) -> SurveyDefinition {
        let mut s = SurveyDefinition::default();
        for (p, ids) in pages.iter().enumerate() {
            for id in *ids {
                let q = QuestionDef {
                    id: (*id).into(),
                    text: format!("Question {id}"),
                    hint: String::new(),
                    required: false,
                    kind: QuestionKind::ShortText,
                    show_if: None,
                    purpose: String::new(),
                };
                s = with_question(&s, p, q);
            }
        }
        s
    }

    fn ids(s: &SurveyDefinition) -> Vec<Vec<String>> {
        s.pages
            .iter()
            .map(|p| p.questions.iter().map(|q| q.id.clone()).collect())
            .collect()
    }

    #[test]
    fn an_edited_question_keeps_its_id_and_moves_where_asked() {
        let s = survey_of(&[&["q1", "q2", "q3"], &["q4"]]);
        let place = place_of(&s, "q3").unwrap();
        assert_eq!(
            place,
            Placement {
                page: 0,
                position: Some(2)
            }
        );
        let mut input = QuestionInput::from_question(0, 2, s.question("q3").unwrap());
        assert_eq!((input.page.as_str(), input.position.as_str()), ("1", "3"));
        input.text = "Reworded".into();
        input.position = "1".into();
        let (place, q) = input.build(&s, "q3".into()).unwrap();
        assert_eq!(q.id, "q3");
        let moved = placed(&s, place, q);
        assert_eq!(ids(&moved), [vec!["q3", "q1", "q2"], vec!["q4"]]);
        assert_eq!(moved.question("q3").unwrap().text, "Reworded");
        // To the other page, past its end: last there; the first page
        // keeps its other questions.
        input.page = "2".into();
        input.position = "9".into();
        let (place, q) = input.build(&s, "q3".into()).unwrap();
        assert_eq!(
            ids(&placed(&s, place, q)),
            [vec!["q1", "q2"], vec!["q4", "q3"]]
        );
        // The only question of a page moved away: the page goes.
        let mut lone = QuestionInput::from_question(1, 0, s.question("q4").unwrap());
        lone.page = "1".into();
        lone.position = "2".into();
        let (place, q) = lone.build(&s, "q4".into()).unwrap();
        assert_eq!(ids(&placed(&s, place, q)), [vec!["q1", "q4", "q2", "q3"]]);
        // A bad position is a field error.
        lone.position = "0".into();
        let errors = lone.build(&s, "q4".into()).unwrap_err();
        assert_eq!(errors[0].field, "position");
    }

    #[test]
    fn the_edit_form_round_trips_every_kind() {
        let kinds = [
            QuestionKind::SingleChoice {
                options: vec!["A".into(), "B".into()],
            },
            QuestionKind::MultipleChoice {
                options: vec!["A".into(), "B".into(), "C".into()],
                max: Some(2),
            },
            QuestionKind::Agreement,
            QuestionKind::Effectiveness,
            QuestionKind::Ranking {
                options: vec!["A".into(), "B".into()],
            },
            QuestionKind::Number {
                min: Some(-3),
                max: Some(40),
            },
            QuestionKind::Date,
            QuestionKind::ShortText,
            QuestionKind::LongText { max_chars: 1200 },
            QuestionKind::Matrix {
                rows: vec!["Row".into(), "Other".into()],
            },
            QuestionKind::Demographic {
                of: Demographic::Area,
                areas: vec!["North".into(), "South".into()],
            },
            QuestionKind::Demographic {
                of: Demographic::Religion,
                areas: Vec::new(),
            },
        ];
        let mut s = survey_of(&[&["q1"]]);
        s.pages[0].questions[0].kind = QuestionKind::SingleChoice {
            options: vec!["Yes".into(), "No".into()],
        };
        for kind in kinds {
            let q = QuestionDef {
                id: "q2".into(),
                text: "Text".into(),
                hint: "Hint".into(),
                required: true,
                kind,
                show_if: Some(Rule {
                    question: "q1".into(),
                    any_of: vec![0, 1],
                }),
                purpose: "Why we ask".into(),
            };
            let input = QuestionInput::from_question(0, 1, &q);
            let (place, back) = input.build(&s, "q2".into()).unwrap();
            assert_eq!(back, q, "{}", q.kind.key());
            assert_eq!(
                place,
                Placement {
                    page: 0,
                    position: Some(1)
                }
            );
        }
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
