//! Population margins as the weighting page's form gives them: the
//! questions picked from a list, each with a box per option for its
//! population share, instead of lines typed in a text format
//! ([`super::weighting::parse_margins`]). The shares are read and
//! checked by the same rules; the differences are the form's own: an
//! option's box left empty leaves the option out (as `-` does when
//! typed), and every box at fault is reported, each by its option, so
//! the page can say it under that box.
//!
//! The form's margins can also be written as the typed lines
//! ([`typed_margins`]), the text that publishing weighted results keeps.

use super::weighting::{margin_question, share, totalled, MarginSpec, MAX_MARGINS};
use crate::error::{MarginFault, MarginProblem, ValidationError};
use crate::survey::model::SurveyDefinition;

/// One question of the form: its id and each option's share as typed,
/// in the options' order.
pub type FormShares<'a> = (&'a str, Vec<&'a str>);

/// Reads and checks the form's margins against the survey. A problem
/// names the question by its place in the form (as `line`, counted
/// from one) and the option by its place among the question's; a
/// question's shares are totalled only once each of them can be read.
pub fn parse_margin_form(
    questions: &[FormShares<'_>],
    survey: &SurveyDefinition,
) -> Result<Vec<MarginSpec>, Vec<ValidationError>> {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    if questions.is_empty() {
        problems.push(MarginProblem::new(0, MarginFault::Empty).error());
    }
    for (n, (id, typed)) in questions.iter().enumerate() {
        let line = u32::try_from(n + 1).unwrap_or(u32::MAX);
        let fail = |fault| MarginProblem::new(line, fault).error();
        if n == MAX_MARGINS {
            problems.push(fail(MarginFault::TooMany));
            break;
        }
        let repeated = questions[..n].iter().any(|(other, _)| other == id);
        let q = match margin_question(survey, id, repeated) {
            Ok(q) => q,
            Err(fault) => {
                problems.push(fail(fault));
                continue;
            }
        };
        let options = q.kind.options().len();
        if typed.len() > options {
            problems.push(fail(MarginFault::TooManyShares {
                options: u32::try_from(options).unwrap_or(u32::MAX),
            }));
            continue;
        }
        let mut targets = Vec::with_capacity(options);
        let mut faults = Vec::new();
        for option in 0..options {
            let part = typed.get(option).map_or("", |t| t.trim());
            match share(if part.is_empty() { "-" } else { part }, option) {
                Ok(target) => targets.push(target),
                Err(fault) => faults.push(fault),
            }
        }
        if !faults.is_empty() {
            problems.extend(faults.into_iter().map(fail));
            continue;
        }
        match totalled(targets) {
            Ok(targets) => out.push(MarginSpec {
                question_id: (*id).to_owned(),
                line,
                targets,
            }),
            Err(fault) => problems.push(fail(fault)),
        }
    }
    match problems.is_empty() {
        true => Ok(out),
        false => Err(problems),
    }
}

/// The form's margins as typed lines: `q8: 4, 14, -` (an empty box as
/// `-`).
pub fn typed_margins(questions: &[FormShares<'_>]) -> String {
    questions
        .iter()
        .map(|(id, shares)| {
            let shares: Vec<&str> = shares
                .iter()
                .map(|s| match s.trim() {
                    "" => "-",
                    s => s,
                })
                .collect();
            format!("{id}: {}", shares.join(", "))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::weighting::parse_margins;
    use crate::error::ErrorDetail;
    use crate::survey::model::tests::sample;

    fn problems(questions: &[FormShares<'_>]) -> Vec<MarginProblem> {
        parse_margin_form(questions, &sample())
            .unwrap_err()
            .into_iter()
            .map(|e| match e.detail {
                Some(ErrorDetail::Margin(p)) => p,
                other => panic!("no margin detail: {other:?}"),
            })
            .collect()
    }

    #[test]
    fn the_form_reads_as_the_typed_lines_do() {
        let s = sample();
        let form = [("q1", vec!["40", " 60.2% "])];
        let typed = typed_margins(&form);
        assert_eq!(typed, "q1: 40, 60.2%");
        assert_eq!(
            parse_margin_form(&form, &s).unwrap(),
            parse_margins(&typed, &s).unwrap()
        );
        // An empty box leaves its option out, as a dash does.
        let left_out = [("q1", vec!["100", ""])];
        assert_eq!(typed_margins(&left_out), "q1: 100, -");
        let m = parse_margin_form(&left_out, &s).unwrap();
        assert_eq!(m[0].targets, [Some(1.0), None]);
        assert_eq!(
            m,
            parse_margin_form(&[("q1", vec!["100", "-"])], &s).unwrap()
        );
    }

    #[test]
    fn every_box_at_fault_is_named_by_its_option() {
        let at = |fault| MarginProblem::new(1, fault);
        assert_eq!(
            problems(&[("q1", vec!["lots", "150"])]),
            [
                at(MarginFault::NotANumber { option: 0 }),
                at(MarginFault::OutOfRange { option: 1 }),
            ]
        );
        // Totalled once every share reads.
        assert_eq!(
            problems(&[("q1", vec!["60", "50"])]),
            [at(MarginFault::Total { tenths: 1100 })]
        );
        assert_eq!(
            problems(&[("q1", vec!["", ""])]),
            [at(MarginFault::Total { tenths: 0 })]
        );
        assert_eq!(
            problems(&[("q1", vec!["50", "50", "1"])]),
            [at(MarginFault::TooManyShares { options: 2 })]
        );
    }

    #[test]
    fn questions_not_to_weight_by_are_refused() {
        assert_eq!(problems(&[]), [MarginProblem::new(0, MarginFault::Empty)]);
        assert_eq!(
            problems(&[
                ("q9", vec!["100"]),
                ("q2", vec!["100"]),
                ("q1", vec!["50", "50"]),
                ("q1", vec!["50", "50"]),
            ]),
            [
                MarginProblem::new(1, MarginFault::UnknownQuestion),
                MarginProblem::new(2, MarginFault::NotSingleChoice),
                MarginProblem::new(4, MarginFault::Repeated),
            ]
        );
        let five: Vec<FormShares<'_>> = (0..5).map(|_| ("q9", vec![])).collect();
        assert!(problems(&five).contains(&MarginProblem::new(5, MarginFault::TooMany)));
    }
}
