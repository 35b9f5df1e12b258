//! Where in a survey's JSON each problem lies, as a JSON Pointer
//! (RFC 6901): `/pages/0/questions/2/options` rather than the builder's
//! `q3`. The builder shows problems beside a question, so
//! [`DefinitionError`] names the question; an API client needs the member
//! of the document it sent. The checks are not repeated here: each
//! problem is placed by looking again at the part of the survey it names.

use super::model::{bad_text, DefinitionError, Demographic, QuestionDef, QuestionKind, Rule};
use super::model::{SurveyDefinition, MAX_OPTION_CHARS, MAX_TEXT_CHARS};
use super::routing::{validate_routing, RoutingError, RuleSite};
use crate::error::ErrorCode;

/// `s` as one reference token of a JSON Pointer: `~` and `/` escaped.
pub fn pointer_token(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}

impl SurveyDefinition {
    /// The JSON Pointer of each problem, in order: the member at fault
    /// when it can be told, else the question, the page or the survey.
    pub fn pointers(&self, errors: &[DefinitionError]) -> Vec<String> {
        let routing = validate_routing(self).err().unwrap_or_default();
        // Several questions may share an id (itself a problem): the n-th
        // "already registered" is the (n+1)-th of them.
        let mut repeats: std::collections::HashMap<&str, usize> = Default::default();
        errors
            .iter()
            .map(|e| {
                if e.at == "survey" {
                    return "/pages".to_owned();
                }
                if let Some(p) = page_number(&e.at).filter(|p| *p < self.pages.len()) {
                    return self.page_pointer(p, e.code, &routing);
                }
                let occurrence = if e.code == ErrorCode::AlreadyRegistered {
                    let n = repeats.entry(e.at.as_str()).or_default();
                    *n += 1;
                    *n
                } else {
                    0
                };
                match self.place_of(&e.at, e.code, occurrence) {
                    Some((p, q)) => self.question_pointer(p, q, e.code, &routing),
                    None => "/pages".to_owned(),
                }
            })
            .collect()
    }

    fn page_pointer(&self, p: usize, code: ErrorCode, routing: &[RoutingError]) -> String {
        let base = format!("/pages/{p}");
        match code {
            ErrorCode::FieldTooLong => format!("{base}/title"),
            ErrorCode::InvalidSurvey => {
                let rule = self.pages[p].skip_if.as_ref();
                let error = routing.iter().find(|r| r.site() == RuleSite::Page(p));
                self.rule_pointer(&format!("{base}/skip_if"), rule, error)
            }
            _ => base,
        }
    }

    /// The page and index of the question `id` a problem with `code` is
    /// about: of questions sharing the id, the `occurrence`-th (from 0)
    /// for a repeated id, else the first whose own fields have `code`.
    fn place_of(&self, id: &str, code: ErrorCode, occurrence: usize) -> Option<(usize, usize)> {
        let places: Vec<(usize, usize)> = self
            .pages
            .iter()
            .enumerate()
            .flat_map(|(p, page)| {
                page.questions
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| q.id == id)
                    .map(move |(q, _)| (p, q))
            })
            .collect();
        if occurrence > 0 {
            return places.get(occurrence).or(places.last()).copied();
        }
        places
            .iter()
            .find(|(p, q)| {
                self.pages[*p].questions[*q]
                    .problems()
                    .iter()
                    .any(|problem| problem.survey_code == code)
            })
            .or(places.first())
            .copied()
    }

    fn question_pointer(
        &self,
        p: usize,
        q: usize,
        code: ErrorCode,
        routing: &[RoutingError],
    ) -> String {
        let question = &self.pages[p].questions[q];
        let base = format!("/pages/{p}/questions/{q}");
        let member = match code {
            ErrorCode::InvalidSlug | ErrorCode::AlreadyRegistered => "id".to_owned(),
            ErrorCode::FieldRequired => "text".to_owned(),
            ErrorCode::FieldTooLong => [
                ("text", &question.text),
                ("hint", &question.hint),
                ("purpose", &question.purpose),
            ]
            .into_iter()
            .find(|(_, text)| bad_text(text, MAX_TEXT_CHARS))
            .map_or("text", |(name, _)| name)
            .to_owned(),
            ErrorCode::InvalidChoice => choices_member(question),
            ErrorCode::DuplicateLabel => repeated_member(question),
            ErrorCode::TooManyChoices => "max".to_owned(),
            ErrorCode::OutOfRange => match question.kind {
                QuestionKind::LongText { .. } => "max_chars".to_owned(),
                _ => "max".to_owned(),
            },
            ErrorCode::PurposeRequired => "purpose".to_owned(),
            ErrorCode::InvalidSurvey => {
                let error = routing.iter().find(|r| {
                    r.site()
                        == RuleSite::Question(super::routing::QuestionRef {
                            page: p,
                            question: q,
                        })
                });
                let rule = question.show_if.as_ref();
                return self.rule_pointer(&format!("{base}/show_if"), rule, error);
            }
            _ => return base,
        };
        format!("{base}/{member}")
    }

    /// Where a faulty rule goes wrong: the question it names, its list of
    /// options, or the first option the question does not have.
    fn rule_pointer(
        &self,
        base: &str,
        rule: Option<&Rule>,
        error: Option<&RoutingError>,
    ) -> String {
        match (rule, error) {
            (Some(_), Some(RoutingError::EmptyCondition { .. })) => format!("{base}/any_of"),
            (Some(rule), Some(RoutingError::UnknownOption { .. })) => {
                // Routing checks against the first question with the id.
                let count = self
                    .question(&rule.question)
                    .map_or(0, |q| q.kind.options().len());
                match rule.any_of.iter().position(|o| *o >= count) {
                    Some(i) => format!("{base}/any_of/{i}"),
                    None => format!("{base}/any_of"),
                }
            }
            (Some(_), Some(_)) => format!("{base}/question"),
            _ => base.to_owned(),
        }
    }
}

/// `page-N` (1-based) as a page index.
fn page_number(at: &str) -> Option<usize> {
    at.strip_prefix("page-")?
        .parse::<usize>()
        .ok()?
        .checked_sub(1)
}

/// The name of the member of a question that lists what respondents
/// choose from (its options, a matrix's rows, the council's areas).
fn list_name(question: &QuestionDef) -> &'static str {
    match question.kind {
        QuestionKind::Matrix { .. } => "rows",
        QuestionKind::Demographic {
            of: Demographic::Area,
            ..
        } => "areas",
        _ => "options",
    }
}

/// The member of a question that lists what respondents choose from,
/// and the item at fault within it when the list's length is right.
fn choices_member(question: &QuestionDef) -> String {
    let name = list_name(question);
    let bad_item = question
        .kind
        .written()
        .iter()
        .position(|o| o.trim().is_empty() || bad_text(o, MAX_OPTION_CHARS));
    match bad_item {
        Some(i) => format!("{name}/{i}"),
        None => name.to_owned(),
    }
}

/// The item of the question's list that repeats an earlier one.
fn repeated_member(question: &QuestionDef) -> String {
    let name = list_name(question);
    match crate::text::repeated(question.kind.written()) {
        Some(i) => format!("{name}/{i}"),
        None => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::model::tests::{choice, q, sample};
    use super::super::model::{PageDef, QuestionKind, Rule};
    use super::*;

    fn located(s: &SurveyDefinition) -> Vec<(String, &'static str)> {
        let errors = s.validate().unwrap_err();
        s.pointers(&errors)
            .into_iter()
            .zip(errors.iter().map(|e| e.code.as_str()))
            .collect()
    }

    #[test]
    fn each_problem_points_at_the_member_at_fault() {
        let mut s = sample();
        // Page 2's first question, q2: its rule names an option q1 lacks.
        s.pages[1].questions[0].show_if = Some(Rule {
            question: "q1".into(),
            any_of: vec![7],
        });
        // q3 (special category) without a purpose; a blank option in a
        // new q4; a duplicated id; a page title too long; a skip rule on
        // a question that does not exist.
        s.pages[1].questions[1].purpose.clear();
        s.pages[1].questions.push(q("q4", choice(&["Yes", " "])));
        s.pages[1].questions.push(q("q1", QuestionKind::Date));
        s.pages[1].title = "x".repeat(MAX_TEXT_CHARS + 1);
        s.pages.push(PageDef {
            title: String::new(),
            skip_if: Some(Rule {
                question: "nope".into(),
                any_of: vec![0],
            }),
            questions: vec![q(
                "q9",
                QuestionKind::Number {
                    min: Some(5),
                    max: Some(1),
                },
            )],
        });
        let mut got = located(&s);
        got.sort();
        let mut want = vec![
            ("/pages/1/title".to_owned(), "field_too_long"),
            (
                "/pages/1/questions/0/show_if/any_of/0".to_owned(),
                "invalid_survey",
            ),
            (
                "/pages/1/questions/1/purpose".to_owned(),
                "purpose_required",
            ),
            (
                "/pages/1/questions/2/options/1".to_owned(),
                "invalid_choice",
            ),
            ("/pages/1/questions/3/id".to_owned(), "already_registered"),
            ("/pages/2/questions/0/max".to_owned(), "out_of_range"),
            ("/pages/2/skip_if/question".to_owned(), "invalid_survey"),
        ];
        want.sort();
        assert_eq!(got, want);
    }

    #[test]
    fn too_few_options_point_at_the_list_and_tokens_are_escaped() {
        let mut s = sample();
        s.pages[0].questions.push(q("solo", choice(&["only one"])));
        assert_eq!(
            located(&s),
            [("/pages/0/questions/1/options".to_owned(), "invalid_choice")]
        );
        assert_eq!(pointer_token("a/b~c"), "a~1b~0c");
        let mut s = sample();
        s.pages[0].questions.push(q(
            "twice",
            QuestionKind::Matrix {
                rows: vec!["Day".into(), "Night".into(), "day".into()],
            },
        ));
        assert_eq!(
            located(&s),
            [("/pages/0/questions/1/rows/2".to_owned(), "duplicate_label")]
        );
    }
}
