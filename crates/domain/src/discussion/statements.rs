//! Opinion voting (issue 18 part 8): short statements residents submit
//! and vote agree, disagree or pass on, one at a time, in the manner of
//! Pol.is. This module holds what needs no database: what a statement may
//! say, the votes and their Pol.is values, the states a statement moves
//! through, and which statement to offer a voter next.

use crate::text;
use crate::{ErrorCode, ValidationError};

use super::comment;

/// The most a statement may say: short enough to read and vote on at a
/// glance (Pol.is's limit too).
pub const MAX_STATEMENT_CHARS: usize = 280;

/// Whether a statement carries a web address. A statement is a short
/// claim for people to vote on, not a place for links: screening holds
/// any that carries one (comments may carry a few).
pub fn carries_links(body: &str) -> bool {
    super::links::pieces(body)
        .iter()
        .any(|p| matches!(p, super::links::Piece::Link { .. }))
}

/// A statement's text as it will be kept: the comment rules (trimmed,
/// something visible in it), then on one line with runs of spaces made
/// one, within [`MAX_STATEMENT_CHARS`].
pub fn body(field: &'static str, raw: &str) -> Result<String, ValidationError> {
    let kept = comment::body(field, raw).map_err(|e| {
        // A very long text is refused by the comment rule first; say the
        // statement's own limit either way.
        match e.code {
            ErrorCode::FieldTooLong => text::required(field, raw.trim(), MAX_STATEMENT_CHARS)
                .err()
                .unwrap_or(e),
            _ => e,
        }
    })?;
    let one_line = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    text::required(field, &one_line, MAX_STATEMENT_CHARS)
}

/// One vote on a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Vote {
    Agree,
    Disagree,
    Pass,
}

impl Vote {
    pub const ALL: [Vote; 3] = [Vote::Agree, Vote::Disagree, Vote::Pass];

    /// The code forms and the API send.
    pub const fn code(self) -> &'static str {
        match self {
            Vote::Agree => "agree",
            Vote::Disagree => "disagree",
            Vote::Pass => "pass",
        }
    }

    pub fn from_code(code: &str) -> Option<Vote> {
        Vote::ALL.into_iter().find(|v| v.code() == code)
    }

    /// As stored and exported: Pol.is's 1 agree, -1 disagree, 0 pass.
    pub const fn value(self) -> i64 {
        match self {
            Vote::Agree => 1,
            Vote::Disagree => -1,
            Vote::Pass => 0,
        }
    }

    pub fn from_value(value: i64) -> Option<Vote> {
        Vote::ALL.into_iter().find(|v| v.value() == value)
    }
}

/// What readers see of a statement. Like a comment, nothing a moderator
/// does deletes one (ADR 33): a hidden statement stays for the record
/// and takes no more votes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum State {
    Published,
    AwaitingModeration,
    Hidden,
    /// Its author's account was erased with "remove my contributions".
    RemovedWithAccount,
}

impl State {
    pub const ALL: [State; 4] = [
        State::Published,
        State::AwaitingModeration,
        State::Hidden,
        State::RemovedWithAccount,
    ];

    pub const fn code(self) -> &'static str {
        match self {
            State::Published => "published",
            State::AwaitingModeration => "awaiting_moderation",
            State::Hidden => "hidden",
            State::RemovedWithAccount => "removed_with_account",
        }
    }

    /// Reads a stored code; anything unknown reads as held, the safe side.
    pub fn from_code(code: &str) -> State {
        State::ALL
            .into_iter()
            .find(|s| s.code() == code)
            .unwrap_or(State::AwaitingModeration)
    }

    /// Whether it takes votes and counts in the analysis.
    pub fn votable(self) -> bool {
        self == State::Published
    }
}

/// What the choice of the next statement knows of one statement a voter
/// has not voted on yet, from the latest analysis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    /// Votes cast on it, and how many of them agree and pass.
    pub seen: u32,
    pub agrees: u32,
    pub passes: u32,
    /// How far from the centre of the opinion map agreeing with it alone
    /// would put someone: statements that separate groups lie far out.
    pub extremity: f64,
    /// Group-aware consensus (the product over groups of their agreement,
    /// 0 to 1): statements that unite groups score high.
    pub consensus: f64,
}

impl Candidate {
    /// Pol.is's priority of a statement: its importance (agreed with,
    /// not passed on, and separating) raised for statements with few
    /// votes so new ones get seen, squared to favour the best; plus a
    /// boost for statements every group agrees with, so what unites is
    /// tested as well as what divides.
    pub fn priority(&self) -> f64 {
        let s = f64::from(self.seen);
        let p = (f64::from(self.passes) + 1.0) / (s + 2.0);
        let a = (f64::from(self.agrees) + 1.0) / (s + 2.0);
        let importance = (1.0 - p) * (self.extremity.max(0.0) + 1.0) * a;
        let novelty = 1.0 + 8.0 * 2f64.powf(-s / 5.0);
        let unite = 1.0 + self.consensus.clamp(0.0, 1.0);
        (importance * novelty * unite).powi(2)
    }
}

/// Which of `candidates` to offer next: drawn at random weighted by
/// [`Candidate::priority`], from `roll` in `[0, 1)` (so a voter does not
/// always meet the same order, yet a given roll always gives the same
/// choice). `None` when there is nothing left to vote on.
pub fn pick(candidates: &[Candidate], roll: f64) -> Option<usize> {
    let weights: Vec<f64> = candidates
        .iter()
        .map(|c| {
            let w = c.priority();
            if w.is_finite() && w > 0.0 {
                w
            } else {
                0.0
            }
        })
        .collect();
    let total: f64 = weights.iter().sum();
    if candidates.is_empty() {
        return None;
    }
    if total <= 0.0 {
        return Some(0);
    }
    let mut target = roll.clamp(0.0, 1.0) * total;
    for (i, w) in weights.iter().enumerate() {
        if target < *w {
            return Some(i);
        }
        target -= w;
    }
    Some(weights.iter().rposition(|w| *w > 0.0).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(seen: u32, agrees: u32, passes: u32, extremity: f64) -> Candidate {
        Candidate {
            seen,
            agrees,
            passes,
            extremity,
            consensus: 0.0,
        }
    }

    #[test]
    fn statements_are_one_short_line() {
        assert_eq!(
            body("text", "  Buses \n\n  should   run late ").unwrap(),
            "Buses should run late"
        );
        assert_eq!(
            body("text", "\u{200B} ").unwrap_err().code,
            ErrorCode::FieldRequired
        );
        assert_eq!(
            body("text", &"a".repeat(281)).unwrap_err().code,
            ErrorCode::FieldTooLong
        );
        assert_eq!(body("text", &"ب".repeat(280)).unwrap().chars().count(), 280);
        assert_eq!(
            body("text", &"a".repeat(20_000)).unwrap_err().code,
            ErrorCode::FieldTooLong
        );
    }

    #[test]
    fn votes_keep_polis_values() {
        for v in Vote::ALL {
            assert_eq!(Vote::from_value(v.value()), Some(v));
            assert_eq!(Vote::from_code(v.code()), Some(v));
        }
        assert_eq!(Vote::from_code("maybe"), None);
        assert_eq!(State::from_code("nonsense"), State::AwaitingModeration);
    }

    #[test]
    fn few_votes_and_separating_statements_come_first() {
        let fresh = cand(0, 0, 0, 0.0);
        let worn = cand(200, 100, 20, 0.0);
        assert!(fresh.priority() > worn.priority());
        let divides = cand(50, 25, 2, 2.0);
        let bland = cand(50, 25, 2, 0.1);
        assert!(divides.priority() > bland.priority());
        let unites = Candidate {
            consensus: 0.9,
            ..bland
        };
        assert!(unites.priority() > bland.priority());
        let passed = cand(50, 5, 40, 0.5);
        assert!(passed.priority() < bland.priority());
    }

    #[test]
    fn pick_is_weighted_and_total() {
        assert_eq!(pick(&[], 0.5), None);
        let c = [cand(1000, 0, 1000, 0.0), cand(0, 0, 0, 3.0)];
        let hits = (0..100)
            .filter(|i| pick(&c, f64::from(*i) / 100.0) == Some(1))
            .count();
        assert!(hits > 90, "{hits}");
        assert_eq!(pick(&[cand(3, 1, 1, f64::NAN)], 0.99), Some(0));
        assert!(pick(&c, 1.0).is_some());
    }
}
