//! Population margins to weight results to, as an analyst writes them:
//! one line per weighting question, its id then the population share of
//! each option in percent, in order, `-` for an option left out (such as
//! "prefer not to say": its respondents are then not weighted and leave
//! the weighted base). For example `q8: 4, 14, 17, 17, 16, 13, 10, 9, -`.

use crate::error::{ErrorCode, ValidationError};
use crate::survey::model::{QuestionKind, SurveyDefinition};

pub const MAX_MARGINS: usize = 4;

/// One weighting variable: a question and the share of each option.
#[derive(Debug, Clone, PartialEq)]
pub struct MarginSpec {
    pub question_id: String,
    /// Fractions of 1 that add up to 1; `None` leaves the option out.
    pub targets: Vec<Option<f64>>,
}

/// Parses and checks margins against the survey: single-answer choice
/// questions only, one share per option, shares adding up to 100.
pub fn parse_margins(
    raw: &str,
    survey: &SurveyDefinition,
) -> Result<Vec<MarginSpec>, ValidationError> {
    let bad = |code| ValidationError::new("margins", code);
    let mut out: Vec<MarginSpec> = Vec::new();
    for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (id, rest) = line.split_once(':').ok_or(bad(ErrorCode::BadRequest))?;
        let id = id.trim();
        let q = survey.question(id).ok_or(bad(ErrorCode::UnknownQuestion))?;
        let single = q.kind.is_choice() && !matches!(q.kind, QuestionKind::MultipleChoice { .. });
        if !single || out.iter().any(|m| m.question_id == id) {
            return Err(bad(ErrorCode::InvalidChoice));
        }
        let mut targets = Vec::new();
        for part in rest.split(',').map(str::trim) {
            if part == "-" {
                targets.push(None);
                continue;
            }
            let v: f64 = part
                .trim_end_matches('%')
                .trim()
                .parse()
                .map_err(|_| bad(ErrorCode::OutOfRange))?;
            if !(v.is_finite() && (0.0..=100.0).contains(&v)) {
                return Err(bad(ErrorCode::OutOfRange));
            }
            targets.push(Some(v / 100.0));
        }
        if targets.len() != q.kind.options().len() {
            return Err(bad(ErrorCode::InvalidChoice));
        }
        let sum: f64 = targets.iter().flatten().sum();
        if (sum - 1.0).abs() > 0.005 {
            return Err(bad(ErrorCode::OutOfRange));
        }
        // Rounded percentages are scaled to add up to exactly 1.
        for t in targets.iter_mut().flatten() {
            *t /= sum;
        }
        out.push(MarginSpec {
            question_id: id.to_owned(),
            targets,
        });
    }
    if out.is_empty() {
        return Err(bad(ErrorCode::FieldRequired));
    }
    if out.len() > MAX_MARGINS {
        return Err(bad(ErrorCode::FieldTooLong));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::model::tests::sample;

    #[test]
    fn margins_are_read_and_checked() {
        let s = sample();
        let m = parse_margins("q1: 40, 60.2%\n", &s).unwrap();
        assert_eq!(m[0].question_id, "q1");
        assert!((m[0].targets[0].unwrap() + m[0].targets[1].unwrap() - 1.0).abs() < 1e-12);
        let code = |raw: &str| parse_margins(raw, &s).unwrap_err().code;
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
}
