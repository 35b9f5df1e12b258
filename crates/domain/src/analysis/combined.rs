//! A finding's combined figure: the share of respondents who chose any
//! of several options of one question ("Strongly agree" or "Agree").
//!
//! Where each respondent picks one option (single choice, a scale, a
//! matrix row) the options' running totals add up. Where respondents may
//! tick several (multiple choice) a sum would count twice everyone who
//! ticked two of them, so the figure is the number of respondents who
//! ticked at least one, counted from the stored answers.
//!
//! The count then goes through the same small-count rules as every
//! published figure. One more rule keeps a combined figure from undoing
//! the suppression of the question's own line (where hidden cells come
//! in twos so none can be worked out from the published total): a
//! combined count that takes in some of the line's hidden cells but not
//! all of them is hidden, since it would give away a part of what the
//! line hides. Taking in all of them adds nothing: their sum is the base
//! less the shown cells. For multiple choice, where cells do not add up
//! to the base, any hidden cell hides the combined figure, and so does an
//! overlap (people counted in two of the options) under the minimum
//! count, which the combined figure and the options' own would give away.

use crate::survey::model::QuestionKind;

/// How several options' respondents are counted together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counting {
    /// One answer per respondent: the options' counts add up.
    Sum,
    /// Several answers per respondent: those who chose at least one.
    AnyOf,
}

impl Counting {
    pub fn of(kind: &QuestionKind) -> Counting {
        match kind {
            QuestionKind::MultipleChoice { .. } => Counting::AnyOf,
            _ => Counting::Sum,
        }
    }
}

/// One option's count in the question's line, and whether the line's
/// small-count rules hide it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OptionCount {
    pub count: u64,
    pub hidden: bool,
}

/// The options' counts added up (options out of range count nothing).
pub fn summed(line: &[OptionCount], options: &[usize]) -> u64 {
    options
        .iter()
        .filter_map(|&o| line.get(o))
        .map(|c| c.count)
        .sum()
}

/// The combined count of `options` of a question counted as `counting`,
/// or `None` where showing it would give away what the line hides.
/// `any_of` is the number of respondents who chose at least one of the
/// options (counted from the answers; used for [`Counting::AnyOf`]).
/// The count still has to pass the ordinary small-count rules.
pub fn combined(
    line: &[OptionCount],
    options: &[usize],
    counting: Counting,
    any_of: u64,
    min_count: u64,
) -> Option<u64> {
    let chosen_hidden = options
        .iter()
        .filter(|&&o| line.get(o).is_some_and(|c| c.hidden))
        .count();
    let all_hidden = line.iter().filter(|c| c.hidden).count();
    match counting {
        Counting::Sum => {
            (chosen_hidden == 0 || chosen_hidden == all_hidden).then(|| summed(line, options))
        }
        Counting::AnyOf => {
            let overlap = summed(line, options).saturating_sub(any_of);
            (chosen_hidden == 0 && (overlap == 0 || overlap >= min_count)).then_some(any_of)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(cells: &[(u64, bool)]) -> Vec<OptionCount> {
        cells
            .iter()
            .map(|&(count, hidden)| OptionCount { count, hidden })
            .collect()
    }

    #[test]
    fn single_answers_add_up() {
        // Strongly agree 40, agree 25, neither 12, disagree 9 and
        // strongly disagree 3 (both hidden).
        let l = line(&[(40, false), (25, false), (12, false), (9, true), (3, true)]);
        assert_eq!(summed(&l, &[0, 1]), 65);
        assert_eq!(combined(&l, &[0, 1], Counting::Sum, 0, 10), Some(65));
        // Both hidden cells together: the base less the shown cells.
        assert_eq!(combined(&l, &[3, 4], Counting::Sum, 0, 10), Some(12));
        assert_eq!(combined(&l, &[2, 3, 4], Counting::Sum, 0, 10), Some(24));
    }

    #[test]
    fn a_part_of_what_the_line_hides_stays_hidden() {
        let l = line(&[(40, false), (25, false), (12, false), (9, true), (3, true)]);
        // Agree and disagree: 34, less the published 25, gives away 9.
        assert_eq!(combined(&l, &[1, 3], Counting::Sum, 0, 10), None);
        assert_eq!(combined(&l, &[4], Counting::Sum, 0, 10), None);
    }

    #[test]
    fn multiple_choice_counts_people_not_ticks() {
        // 30 ticked "parks", 20 "lighting"; 42 ticked at least one, so 8
        // ticked both: under the minimum, and would be given away.
        let l = line(&[(30, false), (20, false), (15, false)]);
        assert_eq!(
            Counting::of(&QuestionKind::MultipleChoice {
                options: vec![],
                max: None
            }),
            Counting::AnyOf
        );
        assert_eq!(Counting::of(&QuestionKind::Agreement), Counting::Sum);
        assert_eq!(combined(&l, &[0, 1], Counting::AnyOf, 42, 10), None);
        // 35 at least one: 15 ticked both, enough to show.
        assert_eq!(combined(&l, &[0, 1], Counting::AnyOf, 35, 10), Some(35));
        // Nobody ticked both.
        assert_eq!(combined(&l, &[1, 2], Counting::AnyOf, 35, 10), Some(35));
        // A hidden option hides the figure.
        let l = line(&[(30, false), (4, true), (6, true)]);
        assert_eq!(combined(&l, &[0, 1], Counting::AnyOf, 33, 10), None);
    }
}
