//! Population margins to weight results to, as an analyst writes them:
//! one line per weighting question, its id then the population share of
//! each option in percent, in order, `-` for an option left out (such as
//! "prefer not to say": its respondents are then not weighted and leave
//! the weighted base). For example `q8: 4, 14, 17, 17, 16, 13, 10, 9, -`.
//! Arabic digits, the Arabic comma and the Arabic percent sign are read
//! too, so an analyst typing in Arabic need not switch keyboards.
//!
//! A problem names its line and, where it has one, the option it is
//! about ([`MarginProblem`]), so the page can say "Enter a target share
//! for '65 and over'" rather than "out of range".
//!
//! And how the weighting came out, in the terms the page states it in:
//! whether the weights settled ([`settling`]) and how far they reach,
//! scaled to a mean of 1 ([`normalised_range`]).

use crate::error::ValidationError;
pub use crate::error::{MarginFault, MarginProblem};
use crate::survey::model::{QuestionDef, QuestionKind, SurveyDefinition};

pub const MAX_MARGINS: usize = 4;

/// How far shares may add up to something other than 100 (rounded
/// percentages rarely make exactly 100), in fractions of 1.
const TOTAL_SLACK: f64 = 0.005;

/// One weighting variable: a question and the share of each option.
#[derive(Debug, Clone, PartialEq)]
pub struct MarginSpec {
    pub question_id: String,
    /// The line it was written on, counted from 1.
    pub line: u32,
    /// Fractions of 1 that add up to 1; `None` leaves the option out.
    pub targets: Vec<Option<f64>>,
}

/// Parses and checks margins against the survey: single-answer choice
/// questions only, one share per option, shares adding up to 100. Every
/// line at fault is reported, in order (each as the `margins` field's
/// problem, naming its line), so the analyst mends them all at once;
/// lines past the most that weighting takes are not read.
pub fn parse_margins(
    raw: &str,
    survey: &SurveyDefinition,
) -> Result<Vec<MarginSpec>, Vec<ValidationError>> {
    let mut out: Vec<MarginSpec> = Vec::new();
    let mut problems = Vec::new();
    // The questions named so far, by good lines and bad.
    let mut named: Vec<&str> = Vec::new();
    let lines = raw
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    for (count, (n, line)) in lines.enumerate() {
        let line_no = u32::try_from(n + 1).unwrap_or(u32::MAX);
        let fail = |fault| MarginProblem::new(line_no, fault).error();
        if count == MAX_MARGINS {
            problems.push(fail(MarginFault::TooMany));
            break;
        }
        let Some((id, rest)) = line.trim().split_once(':') else {
            problems.push(fail(MarginFault::NoColon));
            continue;
        };
        let id = id.trim();
        let repeated = named.contains(&id);
        named.push(id);
        match margin_line(survey, id, rest, repeated) {
            Ok(targets) => out.push(MarginSpec {
                question_id: id.to_owned(),
                line: line_no,
                targets,
            }),
            Err(fault) => problems.push(fail(fault)),
        }
    }
    if problems.is_empty() && out.is_empty() {
        problems.push(MarginProblem::new(0, MarginFault::Empty).error());
    }
    match problems.is_empty() {
        true => Ok(out),
        false => Err(problems),
    }
}

/// Whether answers to `q` can be weighted by: a choice answered with one
/// option.
pub fn can_weight_by(q: &QuestionDef) -> bool {
    q.kind.is_choice() && !matches!(q.kind, QuestionKind::MultipleChoice { .. })
}

/// Question `id`, if it may be weighted by in a line of its own
/// (`repeated` when an earlier line named it).
pub(super) fn margin_question<'a>(
    survey: &'a SurveyDefinition,
    id: &str,
    repeated: bool,
) -> Result<&'a QuestionDef, MarginFault> {
    let q = survey.question(id).ok_or(MarginFault::UnknownQuestion)?;
    if !can_weight_by(q) {
        return Err(MarginFault::NotSingleChoice);
    }
    if repeated {
        return Err(MarginFault::Repeated);
    }
    Ok(q)
}

/// One line's targets for question `id`, or what is wrong with it (the
/// question first, then its shares).
fn margin_line(
    survey: &SurveyDefinition,
    id: &str,
    rest: &str,
    repeated: bool,
) -> Result<Vec<Option<f64>>, MarginFault> {
    let q = margin_question(survey, id, repeated)?;
    shares(rest, q.kind.options().len())
}

/// One line's shares, one per option, as fractions of 1 scaled to add up
/// to exactly 1.
fn shares(rest: &str, options: usize) -> Result<Vec<Option<f64>>, MarginFault> {
    let mut parts: Vec<&str> = crate::text::list_items(rest).collect();
    // A comma at the end of the line adds no option.
    if parts.len() > 1 && parts.last() == Some(&"") {
        parts.pop();
    }
    if parts.len() > options {
        return Err(MarginFault::TooManyShares {
            options: u32::try_from(options).unwrap_or(u32::MAX),
        });
    }
    let targets = (0..options)
        .map(|i| share(parts.get(i).copied().unwrap_or_default(), i))
        .collect::<Result<Vec<_>, _>>()?;
    totalled(targets)
}

/// Option `option`'s share as written (trimmed): a fraction of 1, `None`
/// for a dash (the option left out), or what is wrong with it.
pub(super) fn share(part: &str, option: usize) -> Result<Option<f64>, MarginFault> {
    let option = u32::try_from(option).unwrap_or(u32::MAX);
    if part.is_empty() {
        return Err(MarginFault::MissingShare { option });
    }
    if matches!(part, "-" | "\u{2013}" | "\u{2014}") {
        return Ok(None);
    }
    let v = number(part).ok_or(MarginFault::NotANumber { option })?;
    if !(0.0..=100.0).contains(&v) {
        return Err(MarginFault::OutOfRange { option });
    }
    Ok(Some(v / 100.0))
}

/// Targets checked to add up to 1 (within rounding), then scaled to add
/// up to exactly 1.
pub(super) fn totalled(mut targets: Vec<Option<f64>>) -> Result<Vec<Option<f64>>, MarginFault> {
    let sum: f64 = targets.iter().flatten().sum();
    if (sum - 1.0).abs() > TOTAL_SLACK {
        let tenths = (sum * 1000.0).round();
        return Err(MarginFault::Total {
            tenths: tenths as u32,
        });
    }
    // Rounded percentages are scaled to add up to exactly 1.
    for t in targets.iter_mut().flatten() {
        *t /= sum;
    }
    Ok(targets)
}

/// A percentage as typed: Western or Arabic digits, a point or the Arabic
/// decimal separator, perhaps a percent sign after it.
fn number(part: &str) -> Option<f64> {
    let ascii: String = part
        .trim_end_matches(['%', '\u{66A}'])
        .trim()
        .chars()
        .map(|c| match c {
            '\u{660}'..='\u{669}' => char::from(b'0' + (c as u32 - 0x660) as u8),
            '\u{6F0}'..='\u{6F9}' => char::from(b'0' + (c as u32 - 0x6F0) as u8),
            '\u{66B}' => '.',
            c => c,
        })
        .collect();
    // Only digits and one point: no "inf", "NaN" or "1e2".
    let plain = !ascii.is_empty()
        && ascii.chars().all(|c| c.is_ascii_digit() || c == '.')
        && ascii.chars().filter(|c| *c == '.').count() <= 1
        && ascii != ".";
    if !plain {
        return None;
    }
    ascii.parse().ok()
}

/// How raking ended, as the page tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settling {
    /// Every weighted share met its target after this many rounds (none
    /// when the answers already matched the targets).
    Settled { rounds: usize },
    /// The rounds ran out first; the largest gap left between a weighted
    /// share and its target, in tenths of a percentage point (0: under
    /// a tenth).
    Unsettled { rounds: usize, gap_tenths: u32 },
}

/// How raking ended, from its report: whether it `converged`, after how
/// many `rounds`, and its largest remaining gap (`max_error`, a fraction
/// of 1), rounded to a tenth of a percentage point: nobody weighting a
/// survey needs 3.05e-16.
pub fn settling(converged: bool, rounds: usize, max_error: f64) -> Settling {
    if converged {
        return Settling::Settled { rounds };
    }
    let tenths = (max_error.abs() * 1000.0).round();
    Settling::Unsettled {
        rounds,
        gap_tenths: if tenths.is_finite() { tenths as u32 } else { 0 },
    }
}

/// `weights` scaled so that their mean is 1: a respondent with weight 2
/// then speaks for two average respondents, whatever the sample's size.
/// Empty where the weights add up to nothing.
pub fn normalised(weights: &[f64]) -> Vec<f64> {
    let sum: f64 = weights.iter().sum();
    if weights.is_empty() || !(sum.is_finite() && sum > 0.0) {
        return Vec::new();
    }
    let mean = sum / weights.len() as f64;
    weights.iter().map(|w| w / mean).collect()
}

/// The smallest and the largest weight, scaled to a mean of 1.
pub fn normalised_range(weights: &[f64]) -> Option<(f64, f64)> {
    let scaled = normalised(weights);
    let smallest = scaled.iter().copied().reduce(f64::min)?;
    let largest = scaled.iter().copied().reduce(f64::max)?;
    Some((smallest, largest))
}

/// Tenths written as people write them: "104" for 1040, "0.3" for 3.
pub fn tenths_text(tenths: u32) -> String {
    match tenths % 10 {
        0 => (tenths / 10).to_string(),
        d => format!("{}.{d}", tenths / 10),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{ErrorCode, ErrorDetail};
    use crate::survey::model::tests::sample;

    fn fault(raw: &str) -> MarginProblem {
        match parse_margins(raw, &sample()).unwrap_err()[0].detail {
            Some(ErrorDetail::Margin(p)) => p,
            other => panic!("no margin detail for {raw:?}: {other:?}"),
        }
    }

    #[test]
    fn margins_are_read_and_checked() {
        let s = sample();
        let m = parse_margins("q1: 40, 60.2%\n", &s).unwrap();
        assert_eq!(m[0].question_id, "q1");
        assert_eq!(m[0].line, 1);
        assert!((m[0].targets[0].unwrap() + m[0].targets[1].unwrap() - 1.0).abs() < 1e-12);
        let code = |raw: &str| parse_margins(raw, &s).unwrap_err()[0].code;
        assert_eq!(code(""), ErrorCode::FieldRequired);
        assert_eq!(code("q9: 50, 50"), ErrorCode::UnknownQuestion);
        assert_eq!(code("q2: 50, 50"), ErrorCode::InvalidChoice);
        assert_eq!(code("q1: 50"), ErrorCode::InvalidChoice);
        assert_eq!(code("q1: 50, 40"), ErrorCode::OutOfRange);
        assert_eq!(code("q1: fifty, 50"), ErrorCode::OutOfRange);
        assert_eq!(code("q1 50 50"), ErrorCode::BadRequest);
        let with_gap = parse_margins("q1: 100, -", &s).unwrap();
        assert_eq!(with_gap[0].targets[1], None);
    }

    #[test]
    fn each_problem_names_its_line_and_option() {
        let at = |line, fault| MarginProblem::new(line, fault);
        assert_eq!(fault("  \n"), at(0, MarginFault::Empty));
        assert_eq!(fault("\nq1 50 50"), at(2, MarginFault::NoColon));
        assert_eq!(fault("q9: 50, 50"), at(1, MarginFault::UnknownQuestion));
        assert_eq!(fault("q2: 50, 50"), at(1, MarginFault::NotSingleChoice));
        assert_eq!(
            fault("q1: 50, 50\n\nq1: 40, 60"),
            at(3, MarginFault::Repeated)
        );
        assert_eq!(
            fault("q1: 50"),
            at(1, MarginFault::MissingShare { option: 1 })
        );
        assert_eq!(
            fault("q1: , 50"),
            at(1, MarginFault::MissingShare { option: 0 })
        );
        assert_eq!(
            fault("q1: 50, fifty"),
            at(1, MarginFault::NotANumber { option: 1 })
        );
        assert_eq!(
            fault("q1: inf, 50"),
            at(1, MarginFault::NotANumber { option: 0 })
        );
        assert_eq!(
            fault("q1: 150, -"),
            at(1, MarginFault::OutOfRange { option: 0 })
        );
        assert_eq!(
            fault("q1: 20, 30, 50"),
            at(1, MarginFault::TooManyShares { options: 2 })
        );
        assert_eq!(
            fault("q1: 54, 50"),
            at(1, MarginFault::Total { tenths: 1040 })
        );
        assert_eq!(
            fault("q1: 40.2, 50"),
            at(1, MarginFault::Total { tenths: 902 })
        );
        let p = fault("q1: 54, 50");
        assert_eq!(p.error().field, "margins");
        assert_eq!(p.error().code, ErrorCode::OutOfRange);
    }

    /// Three lines at fault and one good: each bad line is named, in
    /// order, and the good one is not.
    #[test]
    fn every_line_at_fault_is_reported_in_order() {
        let raw = "q9: 50, 50\nq1: 50, 50\n\nq1: 40, 60\nq2 50 50\n";
        let problems: Vec<MarginProblem> = parse_margins(raw, &sample())
            .unwrap_err()
            .into_iter()
            .map(|e| match e.detail {
                Some(ErrorDetail::Margin(p)) => p,
                other => panic!("no margin detail: {other:?}"),
            })
            .collect();
        assert_eq!(
            problems,
            [
                MarginProblem::new(1, MarginFault::UnknownQuestion),
                MarginProblem::new(4, MarginFault::Repeated),
                MarginProblem::new(5, MarginFault::NoColon),
            ]
        );
    }

    #[test]
    fn arabic_digits_and_commas_are_read_and_a_trailing_comma_is_forgiven() {
        let s = sample();
        let m = parse_margins("q1: \u{664}\u{660}\u{66A}\u{60C} \u{666}\u{660}", &s).unwrap();
        assert!((m[0].targets[0].unwrap() - 0.4).abs() < 1e-12);
        let m = parse_margins("q1: 33\u{66B}5, 66.5,", &s).unwrap();
        assert!((m[0].targets[0].unwrap() - 0.335).abs() < 1e-12);
        assert_eq!(m[0].targets.len(), 2);
    }

    #[test]
    fn no_more_than_four_questions() {
        use crate::survey::model::{PageDef, QuestionDef};
        let question = |id: &str| QuestionDef {
            id: id.into(),
            text: id.into(),
            hint: String::new(),
            required: false,
            kind: QuestionKind::SingleChoice {
                options: vec!["Yes".into(), "No".into()],
            },
            show_if: None,
            purpose: String::new(),
        };
        let survey = SurveyDefinition {
            pages: vec![PageDef {
                title: String::new(),
                skip_if: None,
                questions: ["a", "b", "c", "d", "e"].map(question).to_vec(),
            }],
        };
        let four = "a: 50, 50\nb: 50, 50\nc: 50, 50\nd: 50, 50";
        assert_eq!(parse_margins(four, &survey).unwrap().len(), 4);
        let e = parse_margins(&format!("{four}\ne: 50, 50"), &survey).unwrap_err();
        assert_eq!(e.len(), 1);
        let e = &e[0];
        assert_eq!(e.code, ErrorCode::FieldTooLong);
        assert_eq!(
            e.detail,
            Some(ErrorDetail::Margin(MarginProblem::new(
                5,
                MarginFault::TooMany
            )))
        );
    }

    #[test]
    fn convergence_is_told_in_rounds_and_tenths_of_a_point() {
        assert_eq!(settling(true, 7, 3.05e-16), Settling::Settled { rounds: 7 });
        assert_eq!(
            settling(false, 100, 0.003_04),
            Settling::Unsettled {
                rounds: 100,
                gap_tenths: 3
            }
        );
        assert_eq!(
            settling(false, 100, 0.000_01),
            Settling::Unsettled {
                rounds: 100,
                gap_tenths: 0
            }
        );
        assert_eq!(tenths_text(3), "0.3");
        assert_eq!(tenths_text(1040), "104");
        assert_eq!(tenths_text(903), "90.3");
        assert_eq!(tenths_text(0), "0");
    }

    /// Worked by hand: weights 0.5, 1, 1.5 and 3 add up to 6, a mean of
    /// 1.5; scaled, 1/3, 2/3, 1 and 2, whose mean is 1.
    #[test]
    fn weights_are_scaled_to_a_mean_of_one() {
        let scaled = normalised(&[0.5, 1.0, 1.5, 3.0]);
        let expected = [1.0 / 3.0, 2.0 / 3.0, 1.0, 2.0];
        for (w, e) in scaled.iter().zip(expected) {
            assert!((w - e).abs() < 1e-12, "{scaled:?}");
        }
        let mean = scaled.iter().sum::<f64>() / scaled.len() as f64;
        assert!((mean - 1.0).abs() < 1e-12);
        let (low, high) = normalised_range(&[0.5, 1.0, 1.5, 3.0]).unwrap();
        assert!((low - 1.0 / 3.0).abs() < 1e-12 && (high - 2.0).abs() < 1e-12);
        assert_eq!(normalised_range(&[]), None);
        assert_eq!(normalised_range(&[0.0, 0.0]), None);
        assert_eq!(normalised_range(&[7.0, 7.0]), Some((1.0, 1.0)));
    }
}
