//! Routing rules, checked when a survey is saved so that no respondent can
//! reach a dead end.
//!
//! A condition may only look at a choice question on an *earlier page*:
//! its answer is then known (or known to be missing) when the condition is
//! evaluated, pages are always walked forwards, and no cycle can form. A
//! condition on an unanswered question is false, so a hidden or skipped
//! question never blocks anyone; a hidden question is never required.

use super::{Answers, QuestionRef, Survey};

/// "The answer to `question` includes one of `any_of`."
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    pub question: QuestionRef,
    pub any_of: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RoutingError {
    #[error("{at:?} depends on a question that does not exist")]
    UnknownQuestion { at: Place },
    #[error("{at:?} depends on a question on the same or a later page")]
    NotEarlier { at: Place },
    #[error("{at:?} depends on a question that is not a choice")]
    NotAChoice { at: Place },
    #[error("{at:?} names an option the question does not have")]
    UnknownOption { at: Place },
    #[error("{at:?} has a condition that names no option")]
    EmptyCondition { at: Place },
}

impl RoutingError {
    /// Where the faulty rule is.
    pub fn place(&self) -> Place {
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
pub enum Place {
    Page(usize),
    Question(QuestionRef),
}

/// Checks every rule of `survey`, reporting every problem.
pub fn validate_routing(survey: &Survey) -> Result<(), Vec<RoutingError>> {
    let mut errors = Vec::new();
    for (p, page) in survey.pages.iter().enumerate() {
        if let Some(c) = &page.skip_if {
            check(survey, c, p, Place::Page(p), &mut errors);
        }
        for (q, question) in page.questions.iter().enumerate() {
            if let Some(c) = &question.show_if {
                let at = Place::Question(QuestionRef {
                    page: p,
                    question: q,
                });
                check(survey, c, p, at, &mut errors);
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn check(survey: &Survey, c: &Condition, page: usize, at: Place, errors: &mut Vec<RoutingError>) {
    let Some(target) = survey
        .pages
        .get(c.question.page)
        .and_then(|p| p.questions.get(c.question.question))
    else {
        errors.push(RoutingError::UnknownQuestion { at });
        return;
    };
    if c.question.page >= page {
        errors.push(RoutingError::NotEarlier { at });
        return;
    }
    match target.answers {
        Answers::Other => errors.push(RoutingError::NotAChoice { at }),
        Answers::Choice { options } => {
            if c.any_of.is_empty() {
                errors.push(RoutingError::EmptyCondition { at });
            } else if c.any_of.iter().any(|o| *o >= options) {
                errors.push(RoutingError::UnknownOption { at });
            }
        }
    }
}

/// What a respondent has answered so far: chosen options per question.
pub trait AnswerLookup {
    fn chosen(&self, question: QuestionRef) -> Option<&[usize]>;
}

impl Condition {
    /// Whether the condition holds; false when the question is unanswered.
    pub fn holds(&self, answers: &dyn AnswerLookup) -> bool {
        answers
            .chosen(self.question)
            .is_some_and(|chosen| chosen.iter().any(|o| self.any_of.contains(o)))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::super::{Page, Question};
    use super::*;

    struct Given(HashMap<QuestionRef, Vec<usize>>);

    impl AnswerLookup for Given {
        fn chosen(&self, q: QuestionRef) -> Option<&[usize]> {
            self.0.get(&q).map(Vec::as_slice)
        }
    }

    fn choice(options: usize, show_if: Option<Condition>) -> Question {
        Question {
            answers: Answers::Choice { options },
            required: true,
            show_if,
        }
    }

    fn at(page: usize, question: usize) -> QuestionRef {
        QuestionRef { page, question }
    }

    #[test]
    fn rules_must_look_back_at_existing_choices() {
        let when = |p, q, any_of: Vec<usize>| {
            Some(Condition {
                question: at(p, q),
                any_of,
            })
        };
        let survey = Survey {
            pages: vec![
                Page {
                    questions: vec![
                        choice(3, None),
                        Question {
                            answers: Answers::Other,
                            required: false,
                            show_if: None,
                        },
                    ],
                    skip_if: when(0, 0, vec![1]),
                },
                Page {
                    questions: vec![
                        choice(2, when(0, 0, vec![0, 2])),
                        choice(2, when(0, 1, vec![0])),
                        choice(2, when(0, 0, vec![7])),
                        choice(2, when(1, 0, vec![0])),
                        choice(2, when(5, 0, vec![0])),
                        choice(2, when(0, 0, vec![])),
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
        let mut accepted = 0;
        for _ in 0..2_000 {
            let pages = 1 + next(5) as usize;
            let mut survey = Survey::default();
            for p in 0..pages {
                let mut page = Page {
                    questions: Vec::new(),
                    skip_if: None,
                };
                for _ in 0..1 + next(3) {
                    page.questions.push(choice(2 + next(3) as usize, None));
                }
                survey.pages.push(page);
                // Rules point anywhere, sometimes wrongly.
                let rule = |next: &mut dyn FnMut(u64) -> u64| {
                    (next(3) == 0).then(|| Condition {
                        question: at(next(pages as u64) as usize, next(3) as usize),
                        any_of: vec![next(4) as usize],
                    })
                };
                survey.pages[p].skip_if = rule(&mut next);
                for q in 0..survey.pages[p].questions.len() {
                    survey.pages[p].questions[q].show_if = rule(&mut next);
                }
            }
            // An independent oracle: every rule looks at an existing choice
            // on an earlier page and names options it has.
            let fine = |c: &Condition, p: usize| {
                c.question.page < p
                    && survey.pages[c.question.page]
                        .questions
                        .get(c.question.question)
                        .is_some_and(|q| match q.answers {
                            Answers::Choice { options } => c.any_of.iter().all(|o| *o < options),
                            Answers::Other => false,
                        })
            };
            let expected = survey.pages.iter().enumerate().all(|(p, page)| {
                page.skip_if.as_ref().is_none_or(|c| fine(c, p))
                    && page
                        .questions
                        .iter()
                        .all(|q| q.show_if.as_ref().is_none_or(|c| fine(c, p)))
            });
            assert_eq!(validate_routing(&survey).is_ok(), expected, "{survey:?}");
            if !expected {
                continue;
            }
            accepted += 1;
            for _ in 0..5 {
                let mut given = Given(HashMap::new());
                let mut reached_end = true;
                for (p, page) in survey.pages.iter().enumerate() {
                    if let Some(c) = &page.skip_if {
                        // Only answers from earlier pages can be consulted.
                        assert!(c.question.page < p);
                        if c.holds(&given) {
                            continue;
                        }
                    }
                    for (q, question) in page.questions.iter().enumerate() {
                        let shown = question.show_if.as_ref().is_none_or(|c| {
                            assert!(c.question.page < p);
                            c.holds(&given)
                        });
                        if shown {
                            let Answers::Choice { options } = question.answers else {
                                reached_end = false;
                                break;
                            };
                            given
                                .0
                                .insert(at(p, q), vec![next(options as u64) as usize]);
                        }
                    }
                }
                assert!(reached_end);
            }
        }
        assert!(
            accepted > 100,
            "the generator makes enough valid surveys: {accepted}"
        );
    }
}
