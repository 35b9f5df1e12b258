//! Routing rules, checked when a survey is saved so that no respondent can
//! reach a dead end.
//!
//! A condition may only look at a choice question on an *earlier page*:
//! its answer is then known (or known to be missing) when the condition is
//! evaluated, pages are always walked forwards, and no cycle can form. A
//! condition on an unanswered question is false, so a hidden or skipped
//! question never blocks anyone; a hidden question is never required.
//!
//! The check reads the stored survey ([`SurveyDefinition`]) itself, and
//! the conditions it checks are the ones [`super::answers::holds`]
//! evaluates, so what is checked is what respondents meet.

use std::collections::HashMap;

use super::model::{QuestionDef, Rule, SurveyDefinition};

/// A question's place in its survey: (page index, question index).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QuestionRef {
    pub page: usize,
    pub question: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RoutingError {
    #[error("{at:?} depends on a question that does not exist")]
    UnknownQuestion { at: RuleSite },
    #[error("{at:?} depends on a question on the same or a later page")]
    NotEarlier { at: RuleSite },
    #[error("{at:?} depends on a question that is not a choice")]
    NotAChoice { at: RuleSite },
    #[error("{at:?} names an option the question does not have")]
    UnknownOption { at: RuleSite },
    #[error("{at:?} has a condition that names no option")]
    EmptyCondition { at: RuleSite },
}

impl RoutingError {
    /// Where the faulty rule is.
    pub fn site(&self) -> RuleSite {
        match self {
            RoutingError::UnknownQuestion { at }
            | RoutingError::NotEarlier { at }
            | RoutingError::NotAChoice { at }
            | RoutingError::UnknownOption { at }
            | RoutingError::EmptyCondition { at } => *at,
        }
    }
}

/// Where a rule is: a page's skip rule, or a question's show rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleSite {
    Page(usize),
    Question(QuestionRef),
}

/// Checks every rule of `survey`, reporting every problem.
pub fn validate_routing(survey: &SurveyDefinition) -> Result<(), Vec<RoutingError>> {
    let targets = questions_by_id(survey);
    let mut errors = Vec::new();
    for (p, page) in survey.pages.iter().enumerate() {
        if let Some(rule) = &page.skip_if {
            check(&targets, rule, p, RuleSite::Page(p), &mut errors);
        }
        for (q, question) in page.questions.iter().enumerate() {
            if let Some(rule) = &question.show_if {
                let at = RuleSite::Question(QuestionRef {
                    page: p,
                    question: q,
                });
                check(&targets, rule, p, at, &mut errors);
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Every question by its id, with where it is. Of questions sharing an id
/// (refused anyway when the survey is checked) a rule names the first.
fn questions_by_id(survey: &SurveyDefinition) -> HashMap<&str, (QuestionRef, &QuestionDef)> {
    let mut out = HashMap::new();
    for (p, page) in survey.pages.iter().enumerate() {
        for (q, question) in page.questions.iter().enumerate() {
            let place = QuestionRef {
                page: p,
                question: q,
            };
            out.entry(question.id.as_str()).or_insert((place, question));
        }
    }
    out
}

fn check(
    targets: &HashMap<&str, (QuestionRef, &QuestionDef)>,
    rule: &Rule,
    page: usize,
    at: RuleSite,
    errors: &mut Vec<RoutingError>,
) {
    let Some((place, target)) = targets.get(rule.question.as_str()) else {
        errors.push(RoutingError::UnknownQuestion { at });
        return;
    };
    if place.page >= page {
        errors.push(RoutingError::NotEarlier { at });
    } else if !target.kind.is_choice() {
        errors.push(RoutingError::NotAChoice { at });
    } else if rule.any_of.is_empty() {
        errors.push(RoutingError::EmptyCondition { at });
    } else if rule
        .any_of
        .iter()
        .any(|o| *o >= target.kind.options().len())
    {
        errors.push(RoutingError::UnknownOption { at });
    }
}

#[cfg(test)]
mod tests {
    use super::super::answers::{holds, is_shown, Answer, Answers};
    use super::super::model::tests::q;
    use super::super::model::{PageDef, QuestionKind};
    use super::*;

    fn choice(id: &str, options: usize, show_if: Option<Rule>) -> QuestionDef {
        let mut question = q(
            id,
            QuestionKind::SingleChoice {
                options: (1..=options).map(|o| format!("Option {o}")).collect(),
            },
        );
        question.required = true;
        question.show_if = show_if;
        question
    }

    fn when(question: &str, any_of: Vec<usize>) -> Option<Rule> {
        Some(Rule {
            question: question.into(),
            any_of,
        })
    }

    #[test]
    fn rules_must_look_back_at_existing_choices() {
        let survey = SurveyDefinition {
            pages: vec![
                PageDef {
                    title: String::new(),
                    questions: vec![choice("a", 3, None), q("b", QuestionKind::ShortText)],
                    skip_if: when("a", vec![1]),
                },
                PageDef {
                    title: String::new(),
                    questions: vec![
                        choice("c", 2, when("a", vec![0, 2])),
                        choice("d", 2, when("b", vec![0])),
                        choice("e", 2, when("a", vec![7])),
                        choice("f", 2, when("c", vec![0])),
                        choice("g", 2, when("nope", vec![0])),
                        choice("h", 2, when("a", vec![])),
                    ],
                    skip_if: None,
                },
            ],
        };
        let errors = validate_routing(&survey).unwrap_err();
        let kinds: Vec<&str> = errors
            .iter()
            .map(|e| match e {
                RoutingError::NotEarlier { .. } => "not earlier",
                RoutingError::NotAChoice { .. } => "not a choice",
                RoutingError::UnknownOption { .. } => "unknown option",
                RoutingError::UnknownQuestion { .. } => "unknown question",
                RoutingError::EmptyCondition { .. } => "empty",
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "not earlier",
                "not a choice",
                "unknown option",
                "not earlier",
                "unknown question",
                "empty"
            ]
        );
    }

    /// An oracle independent of the validator: every rule looks at an
    /// existing choice on an earlier page and names options it has.
    fn rules_look_back_at_choices(survey: &SurveyDefinition) -> bool {
        let fine = |rule: &Rule, p: usize| {
            survey.pages[..p]
                .iter()
                .flat_map(|page| &page.questions)
                .find(|q| q.id == rule.question)
                .is_some_and(|q| match &q.kind {
                    QuestionKind::SingleChoice { options } => {
                        rule.any_of.iter().all(|o| *o < options.len())
                    }
                    _ => false,
                })
        };
        survey.pages.iter().enumerate().all(|(p, page)| {
            page.skip_if.as_ref().is_none_or(|r| fine(r, p))
                && page
                    .questions
                    .iter()
                    .all(|q| q.show_if.as_ref().is_none_or(|r| fine(r, p)))
        })
    }

    /// Walks `survey` as a respondent who picks options with `pick`,
    /// checking that every rule met looks at an earlier page; whether
    /// every question shown could be answered.
    fn respond(survey: &SurveyDefinition, pick: &mut dyn FnMut(u64) -> u64) -> bool {
        let earlier = |rule: &Rule, p: usize| {
            survey
                .pages
                .iter()
                .position(|page| page.questions.iter().any(|q| q.id == rule.question))
                .is_some_and(|at| at < p)
        };
        let mut given = Answers::new();
        for (p, page) in survey.pages.iter().enumerate() {
            if let Some(rule) = &page.skip_if {
                // Only answers from earlier pages can be consulted.
                assert!(earlier(rule, p));
                if holds(rule, &given) {
                    continue;
                }
            }
            for question in &page.questions {
                if let Some(rule) = &question.show_if {
                    assert!(earlier(rule, p));
                }
                if is_shown(question, &given) {
                    let QuestionKind::SingleChoice { options } = &question.kind else {
                        return false;
                    };
                    let picked = pick(options.len() as u64) as usize;
                    given.insert(question.id.clone(), Answer::Choices(vec![picked]));
                }
            }
        }
        true
    }

    /// Random surveys and random respondents: every survey the validator
    /// accepts is walked to the end by every respondent, each condition
    /// finding the answer it looks at already given or known missing.
    #[test]
    fn accepted_surveys_never_leave_a_respondent_stuck() {
        let mut seed: u64 = 42;
        let mut next = move |m: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % m.max(1)
        };
        // Question q of page p is `pPqQ`, so a rule can name one that is
        // not there.
        let id = |p: u64, q: u64| format!("p{p}q{q}");
        let mut accepted = 0;
        for _ in 0..2_000 {
            let pages = 1 + next(5) as usize;
            let mut survey = SurveyDefinition::default();
            for p in 0..pages {
                let mut page = PageDef::default();
                for q in 0..1 + next(3) {
                    let options = 2 + next(3) as usize;
                    page.questions.push(choice(&id(p as u64, q), options, None));
                }
                survey.pages.push(page);
                // Rules point anywhere, sometimes wrongly.
                let rule = |next: &mut dyn FnMut(u64) -> u64| {
                    (next(3) == 0).then(|| Rule {
                        question: id(next(pages as u64), next(3)),
                        any_of: vec![next(4) as usize],
                    })
                };
                survey.pages[p].skip_if = rule(&mut next);
                for q in 0..survey.pages[p].questions.len() {
                    survey.pages[p].questions[q].show_if = rule(&mut next);
                }
            }
            let expected = rules_look_back_at_choices(&survey);
            assert_eq!(validate_routing(&survey).is_ok(), expected, "{survey:?}");
            if !expected {
                continue;
            }
            accepted += 1;
            for _ in 0..5 {
                assert!(respond(&survey, &mut next));
            }
        }
        assert!(
            accepted > 100,
            "the generator makes enough valid surveys: {accepted}"
        );
    }
}
