//! The survey builder's question form: raw fields in, a question and the
//! place it goes out. Every problem names the form field it is about, so
//! the form can say "Enter at least two options, one per line" beside
//! the options. Whether the survey still routes everyone to its end once
//! the question is in place is for the change that puts it there.

use serde::Deserialize;

use super::model::{
    Demographic, QuestionDef, QuestionKind, Rule, SurveyDefinition, DEFAULT_LONG_TEXT_CHARS,
    MAX_PAGE_TITLE_CHARS, MAX_TEXT_CHARS,
};
use super::placement::{current_place, last_place, Place};
pub use super::rule_form::rule_option;
use super::rule_form::{is_ticked, picked};
use crate::error::{ErrorCode, ValidationError};
use crate::text::{optional, optional_line, required};

/// The kinds an officer can pick, as the form names them.
/// The kinds of question a field of the question form is read for, where
/// it is not read for every kind: options for the kinds that list them, a
/// maximum for multiple choice, numbers and long text, a minimum for
/// numbers, the demographic and its purpose for questions about the
/// person. The form shows a field only for its kinds where scripts run.
pub fn kinds_reading(field: &str) -> Option<&'static [&'static str]> {
    match field {
        "options" => Some(&[
            "single_choice",
            "multiple_choice",
            "ranking",
            "matrix",
            "demographic",
        ]),
        "max" => Some(&["multiple_choice", "number", "long_text"]),
        "min" => Some(&["number"]),
        "demographic" | "purpose" => Some(&["demographic"]),
        _ => None,
    }
}

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
    /// Where the question goes, as [`Place::parse`] reads it
    /// (`after:q3`, `first:2`, `new`). Empty: where it is already (a
    /// change), else at the end of the survey; or, if given, where
    /// `page` and `position` say.
    #[serde(default)]
    pub place: String,
    /// The page, counted from 1 (one past the last starts a new page):
    /// how the form chose a place before it named neighbours, still read
    /// when `place` is empty so that what was written for it works.
    #[serde(default)]
    pub page: String,
    /// With `page`: the place on the page, counted from 1; empty for last.
    #[serde(default)]
    pub position: String,
    /// The title of the page the question starts when it goes on a new
    /// page; optional, and ignored when it goes on a page that exists.
    #[serde(default)]
    pub page_title: String,
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
    /// Show only when this earlier question (its id; empty: always)…
    #[serde(default)]
    pub show_if_question: String,
    /// …was answered with one of these options, separated by commas:
    /// `question:number` as the form's boxes send them (only those of
    /// the question chosen count, so a box left ticked under another is
    /// no part of the rule), or a bare number; numbers count from 1.
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
    /// The form filled in with `q`, as it is in `survey`: what the edit
    /// form starts from.
    pub fn from_question(survey: &SurveyDefinition, q: &QuestionDef) -> Self {
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
        let (show_if_question, show_if_options) = match &q.show_if {
            Some(rule) => (
                rule.question.clone(),
                rule.any_of
                    .iter()
                    .map(|o| rule_option(&rule.question, *o))
                    .collect::<Vec<_>>()
                    .join(","),
            ),
            None => Default::default(),
        };
        Self {
            place: current_place(survey, &q.id)
                .map(|p| p.value())
                .unwrap_or_default(),
            page: String::new(),
            position: String::new(),
            page_title: String::new(),
            kind: q.kind.key().to_owned(),
            text: q.text.clone(),
            hint: q.hint.clone(),
            required: if q.required { "yes" } else { "no" }.to_owned(),
            options,
            max: text(max),
            min: text(min),
            demographic: demographic.to_owned(),
            purpose: q.purpose.clone(),
            show_if_question,
            show_if_options,
        }
    }

    /// The options (or rows, or areas) as the question gets them: one a
    /// line, blank lines dropped. An error's `Repeated { item }` counts
    /// in this list.
    pub fn option_lines(&self) -> Vec<String> {
        lines(&self.options)
    }

    /// Whether the rule's box for option `option` (0-based) of question
    /// `question` is ticked, for showing the form again as it was sent.
    pub fn ticked(&self, question: &str, option: usize) -> bool {
        is_ticked(
            &self.show_if_question,
            &self.show_if_options,
            question,
            option,
        )
    }

    /// Where the question goes and the question itself, keeping `id`
    /// (the question being changed, so its answers and translations stay
    /// attached to it, or the next free id for a new one).
    pub fn build(
        &self,
        survey: &SurveyDefinition,
        id: String,
    ) -> Result<(Place, QuestionDef), Vec<ValidationError>> {
        match self.build_all(survey, id) {
            (Some(place), Some(question), errors) if errors.is_empty() => Ok((place, question)),
            (_, _, errors) => Err(errors),
        }
    }

    /// [`Self::build`], keeping what could be read beside the problems:
    /// the place and the question as far as the form gives them, so that
    /// the change can check the question's routing rule too and the
    /// officer hears of every problem at once, not one per sending.
    pub fn build_all(
        &self,
        survey: &SurveyDefinition,
        id: String,
    ) -> (Option<Place>, Option<QuestionDef>, Vec<ValidationError>) {
        let mut errors = Vec::new();
        let place = self.place(survey, &id, &mut errors);
        if let Some(Err(e)) = place.as_ref().map(|p| self.new_page_title(p)) {
            errors.push(e);
        }
        let text = required("text", &self.text, MAX_TEXT_CHARS)
            .map_err(|e| errors.push(e))
            .ok();
        let hint = optional("hint", &self.hint, MAX_TEXT_CHARS)
            .map_err(|e| errors.push(e))
            .ok()
            .flatten()
            .unwrap_or_default();
        let purpose = optional("purpose", &self.purpose, MAX_TEXT_CHARS)
            .map_err(|e| errors.push(e))
            .ok()
            .flatten()
            .unwrap_or_default();
        let kind = self.question_kind(&mut errors);
        let show_if = self.show_rule(&mut errors);
        let Some(kind) = kind else {
            return (place, None, errors);
        };
        let question = QuestionDef {
            id,
            text: text.unwrap_or_default(),
            hint,
            required: self.required == "yes",
            kind,
            show_if,
            purpose,
        };
        // The question's own rules (enough options, limits that fit, a
        // purpose where one is needed), each beside its field unless that
        // field has a problem already.
        for p in question.problems() {
            if !errors.iter().any(|e| e.field == p.field) {
                let e = ValidationError::new(p.field, p.code);
                errors.push(match p.detail {
                    Some(detail) => e.with_detail(detail),
                    None => e,
                });
            }
        }
        (place, Some(question), errors)
    }

    /// The title of the new page the question starts at `place`, checked
    /// as page titles are (one line, not too long); `None` when no title
    /// was given. A title for a question that goes on a page that exists
    /// is refused rather than dropped: the officer meant a new page.
    pub fn new_page_title(&self, place: &Place) -> Result<Option<String>, ValidationError> {
        if !place.is_new_page() {
            return match self.page_title.trim() {
                "" => Ok(None),
                _ => Err(ValidationError::new("page_title", ErrorCode::InvalidChoice)),
            };
        }
        optional_line("page_title", &self.page_title, MAX_PAGE_TITLE_CHARS)
    }

    /// Where the question goes: `place`, else `page` and `position`, else
    /// where question `id` is, else the end of the survey.
    fn place(
        &self,
        survey: &SurveyDefinition,
        id: &str,
        errors: &mut Vec<ValidationError>,
    ) -> Option<Place> {
        let invalid = || ValidationError::new("place", ErrorCode::InvalidChoice);
        if !self.place.trim().is_empty() {
            let place = Place::parse(&self.place);
            if place.is_none() {
                errors.push(invalid());
            }
            return place;
        }
        let (page, position) = (self.page.trim(), self.position.trim());
        if page.is_empty() && position.is_empty() {
            return Some(current_place(survey, id).unwrap_or_else(|| last_place(survey)));
        }
        let pages = survey.pages.len();
        let page = match page {
            "" => pages.saturating_sub(1),
            raw => match raw.parse::<usize>() {
                Ok(p) if p >= 1 && p <= pages + 1 => p - 1,
                _ => {
                    errors.push(invalid());
                    return None;
                }
            },
        };
        let position = match position {
            "" => None,
            raw => match raw.parse::<usize>() {
                Ok(n) if n >= 1 => Some(n - 1),
                _ => {
                    errors.push(invalid());
                    return None;
                }
            },
        };
        if page == pages {
            return Some(Place::NewPage);
        }
        // The place counts the page's questions without this one, as it
        // is taken from where it was before it is put back.
        let others: Vec<&QuestionDef> = survey.pages[page]
            .questions
            .iter()
            .filter(|q| q.id != id)
            .collect();
        let at = position.unwrap_or(others.len()).min(others.len());
        Some(match at {
            0 => Place::First(page),
            _ => Place::After(others[at - 1].id.clone()),
        })
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

    /// The rule the question is shown by, if a question is chosen for it;
    /// what is wrong goes to `errors`. Whether that question exists, is
    /// earlier and has those options is checked once the question is in
    /// place.
    fn show_rule(&self, errors: &mut Vec<ValidationError>) -> Option<Rule> {
        picked(
            &self.show_if_question,
            &self.show_if_options,
            ("show_if_question", "show_if_options"),
        )
        .map_err(|e| errors.push(e))
        .ok()
        .flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::model::PageDef;
    use crate::survey::placement::placed;

    fn survey_of(pages: &[&[&str]]) -> SurveyDefinition {
        SurveyDefinition {
            pages: pages
                .iter()
                .map(|ids| PageDef {
                    title: String::new(),
                    skip_if: None,
                    questions: ids
                        .iter()
                        .map(|id| QuestionDef {
                            id: (*id).into(),
                            text: format!("Question {id}"),
                            hint: String::new(),
                            required: false,
                            kind: QuestionKind::ShortText,
                            show_if: None,
                            purpose: String::new(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    fn ids(s: &SurveyDefinition) -> Vec<Vec<String>> {
        s.pages
            .iter()
            .map(|p| p.questions.iter().map(|q| q.id.clone()).collect())
            .collect()
    }

    fn fields(errors: Vec<ValidationError>) -> Vec<(&'static str, ErrorCode)> {
        errors.into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn a_question_is_built_and_placed() {
        let empty = SurveyDefinition::default();
        let input = QuestionInput {
            kind: "single_choice".into(),
            text: "Have you seen hate crime locally?".into(),
            options: "Yes\n\nNo\n".into(),
            required: "yes".into(),
            ..Default::default()
        };
        let (place, q) = input.build(&empty, empty.next_id()).unwrap();
        assert_eq!(place, Place::NewPage, "the first question starts page 1");
        assert_eq!(q.id, "q1");
        assert!(q.required);
        let s = placed(&empty, &place, q).unwrap().survey;
        s.validate().unwrap();
        let follow = QuestionInput {
            place: "new".into(),
            kind: "long_text".into(),
            text: "Tell us more".into(),
            show_if_question: "q1".into(),
            // A box ticked under another question is no part of the rule.
            show_if_options: "q1:1,q7:2".into(),
            ..Default::default()
        };
        let (place, q) = follow.build(&s, s.next_id()).unwrap();
        assert_eq!(q.show_if.as_ref().unwrap().any_of, [0]);
        let s = placed(&s, &place, q).unwrap().survey;
        assert_eq!(ids(&s), [vec!["q1"], vec!["q2"]]);
        s.validate().unwrap();
        // Nothing said about where: at the end.
        let more = QuestionInput {
            kind: "date".into(),
            text: "When?".into(),
            ..Default::default()
        };
        assert_eq!(
            more.build(&s, s.next_id()).unwrap().0,
            Place::After("q2".into())
        );
    }

    #[test]
    fn an_edited_question_keeps_its_id_and_place_unless_moved() {
        let s = survey_of(&[&["q1", "q2", "q3"], &["q4"]]);
        let mut input = QuestionInput::from_question(&s, s.question("q3").unwrap());
        assert_eq!(input.place, "after:q2");
        assert_eq!(
            QuestionInput::from_question(&s, s.question("q4").unwrap()).place,
            "first:2"
        );
        input.text = "Reworded".into();
        let (place, q) = input.build(&s, "q3".into()).unwrap();
        assert_eq!(q.id, "q3");
        let same = placed(&s, &place, q).unwrap().survey;
        assert_eq!(ids(&same), ids(&s));
        assert_eq!(same.question("q3").unwrap().text, "Reworded");
        input.place = "first:1".into();
        let (place, q) = input.build(&s, "q3".into()).unwrap();
        assert_eq!(
            ids(&placed(&s, &place, q).unwrap().survey),
            [vec!["q3", "q1", "q2"], vec!["q4"]]
        );
        input.place = "after:q9".into();
        let (place, q) = input.build(&s, "q3".into()).unwrap();
        assert!(placed(&s, &place, q).is_err(), "no such neighbour");
        input.place = "page 2".into();
        assert_eq!(
            fields(input.build(&s, "q3".into()).unwrap_err()),
            [("place", ErrorCode::InvalidChoice)]
        );
    }

    /// What the form sent before it named neighbours still puts the
    /// question where it said.
    #[test]
    fn a_page_and_position_still_place_a_question() {
        let s = survey_of(&[&["q1", "q2", "q3"], &["q4"]]);
        let at = |page: &str, position: &str, id: &str| {
            let mut input = QuestionInput::from_question(&s, s.question(id).unwrap());
            input.place.clear();
            input.page = page.into();
            input.position = position.into();
            input
                .build(&s, id.into())
                .map(|(place, q)| ids(&placed(&s, &place, q).unwrap().survey))
        };
        assert_eq!(
            at("1", "1", "q3").unwrap(),
            [vec!["q3", "q1", "q2"], vec!["q4"]]
        );
        assert_eq!(
            at("2", "9", "q3").unwrap(),
            [vec!["q1", "q2"], vec!["q4", "q3"]]
        );
        assert_eq!(at("1", "2", "q4").unwrap(), [vec!["q1", "q4", "q2", "q3"]]);
        assert_eq!(
            at("1", "", "q1").unwrap(),
            [vec!["q2", "q3", "q1"], vec!["q4"]]
        );
        assert_eq!(
            at("3", "", "q1").unwrap(),
            [vec!["q2", "q3"], vec!["q4"], vec!["q1"]]
        );
        for (page, position) in [("1", "0"), ("4", ""), ("x", "1"), ("1", "-2")] {
            assert_eq!(
                fields(at(page, position, "q2").unwrap_err()),
                [("place", ErrorCode::InvalidChoice)],
                "{page} {position}"
            );
        }
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
        let mut s = survey_of(&[&["q1"], &["q2"]]);
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
            s.pages[1].questions[0] = q.clone();
            let input = QuestionInput::from_question(&s, &q);
            assert!(input.ticked("q1", 0) && input.ticked("q1", 1));
            assert!(!input.ticked("q1", 2) && !input.ticked("q2", 0));
            let (place, back) = input.build(&s, "q2".into()).unwrap();
            assert_eq!(back, q, "{}", q.kind.key());
            assert_eq!(place, Place::First(1));
        }
    }

    #[test]
    fn every_problem_names_its_field() {
        let input = QuestionInput {
            place: "somewhere".into(),
            kind: "essay".into(),
            text: "".into(),
            show_if_question: "q1".into(),
            show_if_options: "zero".into(),
            ..Default::default()
        };
        assert_eq!(
            fields(
                input
                    .build(&SurveyDefinition::default(), "q1".into())
                    .unwrap_err()
            ),
            [
                ("place", ErrorCode::InvalidChoice),
                ("text", ErrorCode::FieldRequired),
                ("kind", ErrorCode::InvalidChoice),
                ("show_if_options", ErrorCode::InvalidChoice),
            ]
        );
        let s = survey_of(&[&["q1"]]);
        let problems = |input: QuestionInput| fields(input.build(&s, "q2".into()).unwrap_err());
        let choice = QuestionInput {
            kind: "single_choice".into(),
            text: "Pick one".into(),
            ..Default::default()
        };
        assert_eq!(
            problems(choice.clone()),
            [("options", ErrorCode::FieldRequired)],
            "a choice without options says so, not 'choose one of the options'"
        );
        assert_eq!(
            problems(QuestionInput {
                options: "Only one".into(),
                show_if_question: "q1".into(),
                ..choice.clone()
            }),
            [
                ("show_if_options", ErrorCode::FieldRequired),
                ("options", ErrorCode::FieldRequired)
            ]
        );
        assert_eq!(
            problems(QuestionInput {
                options: (0..60).map(|i| format!("O{i}\n")).collect(),
                ..choice.clone()
            }),
            [("options", ErrorCode::FieldTooLong)]
        );
        assert_eq!(
            problems(QuestionInput {
                options: format!("A\n{}", "b".repeat(301)),
                ..choice
            }),
            [("options", ErrorCode::InvalidChoice)]
        );
        assert_eq!(
            problems(QuestionInput {
                kind: "multiple_choice".into(),
                text: "Pick".into(),
                options: "A\nB".into(),
                max: "3".into(),
                ..Default::default()
            }),
            [("max", ErrorCode::TooManyChoices)]
        );
        assert_eq!(
            problems(QuestionInput {
                kind: "number".into(),
                text: "How many?".into(),
                min: "9".into(),
                max: "2".into(),
                ..Default::default()
            }),
            [("min", ErrorCode::OutOfRange)]
        );
        assert_eq!(
            problems(QuestionInput {
                kind: "long_text".into(),
                text: "Tell us".into(),
                max: "many".into(),
                ..Default::default()
            }),
            [("max", ErrorCode::OutOfRange)]
        );
        assert_eq!(
            problems(QuestionInput {
                kind: "demographic".into(),
                demographic: "religion".into(),
                text: "Your religion".into(),
                ..Default::default()
            }),
            [("purpose", ErrorCode::PurposeRequired)]
        );
    }
}
