//! What a crosstab's cells show: the share of each cell in its row or in
//! its column, or the counts alone, as the analyst chooses; and how a
//! share is written as a whole percentage.
//!
//! A cell's share is taken of the whole line it belongs to (every
//! respondent in the row, or in the column, hidden cells included), so
//! shares are the same whatever the suppression hides. A hidden cell has
//! no share, and neither has a cell whose line is smaller than the
//! smallest base percentages are shown on: a percentage of a handful of
//! people says more than it knows.

use crate::error::{ErrorCode, ValidationError};
use crate::survey::model::{QuestionDef, QuestionKind, SurveyDefinition};

/// What each cell of a crosstab shows beside its count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CellShare {
    /// The share of its row: how people who gave the row's answer split
    /// over the columns.
    Row,
    /// The share of its column: how people who gave the column's answer
    /// split over the rows.
    #[default]
    Column,
    /// No share: counts only.
    Counts,
}

impl CellShare {
    /// Every choice, in the order the form offers them.
    pub const ALL: [CellShare; 3] = [CellShare::Column, CellShare::Row, CellShare::Counts];

    /// The value the form sends for it.
    pub const fn key(self) -> &'static str {
        match self {
            CellShare::Row => "row",
            CellShare::Column => "column",
            CellShare::Counts => "counts",
        }
    }

    /// The choice the form sent as `show`; nothing sent is the default
    /// (column shares, as the crosstab always showed).
    pub fn parse(raw: &str) -> Result<CellShare, ValidationError> {
        match raw.trim() {
            "" => Ok(CellShare::default()),
            raw => Self::ALL
                .into_iter()
                .find(|s| s.key() == raw)
                .ok_or(ValidationError::new("show", ErrorCode::InvalidChoice)),
        }
    }
}

/// Each cell's share of its row or column (`counts[row][column]`, every
/// count, before suppression), for the cells `shown` (after it): `None`
/// where the cell is hidden, where its line has fewer than `min_base`
/// people, or where `share` is [`CellShare::Counts`].
pub fn shares(
    counts: &[Vec<u64>],
    shown: &[Vec<Option<u64>>],
    share: CellShare,
    min_base: u64,
) -> Vec<Vec<Option<f64>>> {
    let columns = counts.first().map_or(0, Vec::len);
    let row_bases: Vec<u64> = counts.iter().map(|row| row.iter().sum()).collect();
    let column_bases: Vec<u64> = (0..columns)
        .map(|j| {
            counts
                .iter()
                .map(|row| row.get(j).copied().unwrap_or(0))
                .sum()
        })
        .collect();
    shown
        .iter()
        .enumerate()
        .map(|(i, row)| {
            row.iter()
                .enumerate()
                .map(|(j, cell)| {
                    let base = match share {
                        CellShare::Row => row_bases.get(i).copied()?,
                        CellShare::Column => column_bases.get(j).copied()?,
                        CellShare::Counts => return None,
                    };
                    let count = (*cell)?;
                    (base > 0 && base >= min_base).then(|| count as f64 / base as f64)
                })
                .collect()
        })
        .collect()
}

/// A share written as a whole percentage, as people write it: a share
/// that is more than nothing never reads "0%", nor one that is less than
/// all "100%".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Percent {
    Whole(u32),
    /// More than 0 but under 0.5 %: "less than 1%".
    UnderOne,
    /// Less than all but 99.5 % or more: "more than 99%".
    OverNinetyNine,
}

impl Percent {
    /// `share` (a fraction of 1) as a percentage.
    pub fn of(share: f64) -> Percent {
        let share = share.clamp(0.0, 1.0);
        let whole = (share * 100.0).round() as u32;
        match whole {
            0 if share > 0.0 => Percent::UnderOne,
            100 if share < 1.0 => Percent::OverNinetyNine,
            n => Percent::Whole(n),
        }
    }
}

/// Which cells of a crosstab of `rows` by `columns` (`[row][column]`)
/// the survey's routing never asks: a question shown only after some
/// answers to the other (its own rule, or its page's skip rule), so the
/// respondents who gave another answer were never asked it. Such a cell
/// is empty by design, not hidden, and says nothing about anyone. Where
/// the deciding question takes several answers, a rule that shows a
/// question decides nothing about one option (the respondent may have
/// picked another that shows it); a skip rule still does.
pub fn not_asked(
    survey: &SurveyDefinition,
    rows: &QuestionDef,
    columns: &QuestionDef,
) -> Vec<Vec<bool>> {
    let (nr, nc) = (rows.kind.options().len(), columns.kind.options().len());
    let hides = |q: &QuestionDef, by: &QuestionDef, option: usize| -> bool {
        let one_answer = !matches!(by.kind, QuestionKind::MultipleChoice { .. });
        let not_shown = q
            .show_if
            .as_ref()
            .is_some_and(|r| r.question == by.id && one_answer && !r.any_of.contains(&option));
        let skipped = survey
            .pages
            .iter()
            .find(|p| p.questions.iter().any(|x| x.id == q.id))
            .and_then(|p| p.skip_if.as_ref())
            .is_some_and(|r| r.question == by.id && r.any_of.contains(&option));
        not_shown || skipped
    };
    (0..nr)
        .map(|i| {
            (0..nc)
                .map(|j| hides(columns, rows, i) || hides(rows, columns, j))
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_shown(counts: &[Vec<u64>]) -> Vec<Vec<Option<u64>>> {
        counts
            .iter()
            .map(|r| r.iter().copied().map(Some).collect())
            .collect()
    }

    /// Worked by hand: rows 40 (30 + 10) and 60 (20 + 40), columns 50
    /// and 50.
    #[test]
    fn row_and_column_shares_are_of_their_whole_line() {
        let counts = vec![vec![30, 10], vec![20, 40]];
        let shown = all_shown(&counts);
        let rows = shares(&counts, &shown, CellShare::Row, 30);
        assert_eq!(rows[0], [Some(0.75), Some(0.25)]);
        assert_eq!(rows[1], [Some(20.0 / 60.0), Some(40.0 / 60.0)]);
        let columns = shares(&counts, &shown, CellShare::Column, 30);
        assert_eq!(columns[0], [Some(0.6), Some(0.2)]);
        assert_eq!(columns[1], [Some(0.4), Some(0.8)]);
        for row in &rows {
            let total: f64 = row.iter().flatten().sum();
            assert!((total - 1.0).abs() < 1e-12, "a row's shares make a whole");
        }
        assert!(shares(&counts, &shown, CellShare::Counts, 30)
            .iter()
            .flatten()
            .all(Option::is_none));
    }

    #[test]
    fn hidden_cells_have_no_share_but_still_count_in_their_line() {
        let counts = vec![vec![30, 3, 7], vec![20, 40, 25]];
        let mut shown = all_shown(&counts);
        shown[0][1] = None;
        shown[0][2] = None;
        let rows = shares(&counts, &shown, CellShare::Row, 30);
        assert_eq!(rows[0], [Some(0.75), None, None], "of 40, not of 30");
        let columns = shares(&counts, &shown, CellShare::Column, 30);
        assert_eq!(columns[1][1], Some(40.0 / 43.0));
    }

    #[test]
    fn lines_under_the_smallest_base_show_no_percentages() {
        let counts = vec![vec![12, 10], vec![15, 40]];
        let shown = all_shown(&counts);
        let rows = shares(&counts, &shown, CellShare::Row, 30);
        assert_eq!(rows[0], [None, None], "a row of 22");
        assert!(rows[1].iter().all(Option::is_some), "a row of 55");
        let columns = shares(&counts, &shown, CellShare::Column, 30);
        assert_eq!(columns[0], [None, Some(0.2)], "a column of 27, one of 50");
        let empty = shares(&[vec![0, 0]], &[vec![Some(0), Some(0)]], CellShare::Row, 0);
        assert_eq!(empty[0], [None, None], "nothing is no share of nothing");
    }

    #[test]
    fn the_choice_is_read_from_the_form() {
        assert_eq!(CellShare::parse(""), Ok(CellShare::Column));
        assert_eq!(CellShare::parse("row"), Ok(CellShare::Row));
        assert_eq!(CellShare::parse("counts"), Ok(CellShare::Counts));
        let e = CellShare::parse("rows; drop table").unwrap_err();
        assert_eq!((e.field, e.code), ("show", ErrorCode::InvalidChoice));
        for s in CellShare::ALL {
            assert_eq!(CellShare::parse(s.key()), Ok(s));
        }
    }

    #[test]
    fn percentages_are_whole_and_never_round_to_none_or_all() {
        assert_eq!(Percent::of(0.354), Percent::Whole(35));
        assert_eq!(Percent::of(0.356), Percent::Whole(36));
        assert_eq!(Percent::of(0.0), Percent::Whole(0));
        assert_eq!(Percent::of(0.004), Percent::UnderOne);
        assert_eq!(Percent::of(0.006), Percent::Whole(1));
        assert_eq!(Percent::of(0.996), Percent::OverNinetyNine);
        assert_eq!(Percent::of(1.0), Percent::Whole(100));
        assert_eq!(Percent::of(f64::NAN), Percent::Whole(0));
    }

    #[test]
    fn cells_routing_never_asks_are_found_both_ways() {
        use crate::survey::model::{PageDef, Rule};
        let q = |id: &str, kind: QuestionKind| QuestionDef {
            id: id.into(),
            text: id.into(),
            hint: String::new(),
            required: false,
            kind,
            show_if: None,
            purpose: String::new(),
        };
        let seen = q(
            "q1",
            QuestionKind::SingleChoice {
                options: vec!["Yes".into(), "No".into(), "Not sure".into()],
            },
        );
        let mut where_seen = q(
            "q2",
            QuestionKind::MultipleChoice {
                options: vec!["Online".into(), "Street".into()],
                max: None,
            },
        );
        where_seen.show_if = Some(Rule {
            question: "q1".into(),
            any_of: vec![0],
        });
        let survey = SurveyDefinition {
            pages: vec![
                PageDef {
                    title: String::new(),
                    skip_if: None,
                    questions: vec![seen.clone()],
                },
                PageDef {
                    title: String::new(),
                    skip_if: None,
                    questions: vec![where_seen.clone()],
                },
            ],
        };
        assert_eq!(
            not_asked(&survey, &seen, &where_seen),
            [vec![false, false], vec![true, true], vec![true, true]]
        );
        assert_eq!(
            not_asked(&survey, &where_seen, &seen),
            [vec![false, true, true], vec![false, true, true]]
        );
        // A rule on a question that takes several answers decides nothing
        // about one option. (A question of its own: were it q1, q2's own
        // rule on q1 would hide cells.)
        let mut by_several = seen.clone();
        by_several.id = "q3".into();
        by_several.show_if = Some(Rule {
            question: "q2".into(),
            any_of: vec![0],
        });
        assert!(not_asked(&survey, &where_seen, &by_several)
            .iter()
            .flatten()
            .all(|c| !c));
    }
}
