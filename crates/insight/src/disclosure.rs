//! Statistical disclosure control: published counts must not let anyone
//! pick out a person. Counts under a threshold are hidden (primary
//! suppression), and more cells are hidden where a hidden count could be
//! worked out from the published totals (secondary suppression): a row or
//! column with a published total never has exactly one hidden cell.

/// The thresholds, configurable per site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SmallBaseRules {
    /// Counts under this are hidden.
    pub min_count: u64,
    /// Percentages on bases under this are not shown.
    pub min_base_for_percent: u64,
}

impl Default for SmallBaseRules {
    fn default() -> Self {
        Self {
            min_count: 10,
            min_base_for_percent: 30,
        }
    }
}

impl SmallBaseRules {
    /// Whether a percentage of `base` may be shown.
    pub fn shows_percent(&self, base: u64) -> bool {
        base >= self.min_base_for_percent
    }
}

/// Which totals are published beside the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Margins {
    pub row_totals: bool,
    pub column_totals: bool,
}

/// Hides what must be hidden in `table` (rows of counts, all the same
/// length), given which totals are published. `None` marks a hidden cell.
///
/// A line with a published total needs at least two cells: the total of a
/// one-cell line is the cell, so such totals must not be published (a
/// one-row table has no column totals).
pub fn suppress(
    table: &[Vec<u64>],
    margins: Margins,
    rules: SmallBaseRules,
) -> Vec<Vec<Option<u64>>> {
    let mut hidden: Vec<Vec<bool>> = table
        .iter()
        .map(|row| row.iter().map(|&c| c < rules.min_count).collect())
        .collect();
    let columns = table.first().map_or(0, Vec::len);
    // Each pass hides at least one more cell or stops, so this ends.
    loop {
        let mut changed = false;
        if margins.row_totals {
            for r in 0..table.len() {
                let cells: Vec<(usize, usize)> = (0..columns).map(|c| (r, c)).collect();
                changed |= protect_line(table, &mut hidden, &cells);
            }
        }
        if margins.column_totals {
            for c in 0..columns {
                let cells: Vec<(usize, usize)> = (0..table.len()).map(|r| (r, c)).collect();
                changed |= protect_line(table, &mut hidden, &cells);
            }
        }
        if !changed {
            break;
        }
    }
    table
        .iter()
        .zip(&hidden)
        .map(|(row, h)| {
            row.iter()
                .zip(h)
                .map(|(&c, &h)| (!h).then_some(c))
                .collect()
        })
        .collect()
}

/// If exactly one cell of a line with a published total is hidden, hides
/// the smallest other one too (the least information lost). Returns
/// whether it hid anything.
fn protect_line(table: &[Vec<u64>], hidden: &mut [Vec<bool>], cells: &[(usize, usize)]) -> bool {
    let hidden_here = cells.iter().filter(|&&(r, c)| hidden[r][c]).count();
    if hidden_here != 1 {
        return false;
    }
    let smallest = cells
        .iter()
        .filter(|&&(r, c)| !hidden[r][c])
        .min_by_key(|&&(r, c)| (table[r][c], r, c));
    match smallest {
        Some(&(r, c)) => {
            hidden[r][c] = true;
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE_WAY: Margins = Margins {
        row_totals: true,
        column_totals: false,
    };
    const TWO_WAY: Margins = Margins {
        row_totals: true,
        column_totals: true,
    };

    fn rules() -> SmallBaseRules {
        SmallBaseRules::default()
    }

    /// No hidden cell can be recovered from a published total: every line
    /// with a total has none or at least two hidden cells.
    fn assert_safe(out: &[Vec<Option<u64>>], margins: Margins) {
        if margins.row_totals {
            for row in out {
                assert_ne!(row.iter().filter(|c| c.is_none()).count(), 1, "{out:?}");
            }
        }
        if margins.column_totals {
            for c in 0..out[0].len() {
                assert_ne!(
                    out.iter().filter(|row| row[c].is_none()).count(),
                    1,
                    "{out:?}"
                );
            }
        }
    }

    #[test]
    fn small_counts_are_hidden_with_a_partner() {
        let out = suppress(&[vec![120, 45, 3, 60]], ONE_WAY, rules());
        assert_eq!(
            out,
            [vec![Some(120), None, None, Some(60)]],
            "45 goes with 3"
        );
        assert_safe(&out, ONE_WAY);
    }

    #[test]
    fn nothing_is_hidden_when_every_count_is_large() {
        let out = suppress(&[vec![12, 30], vec![40, 11]], TWO_WAY, rules());
        assert!(out.iter().flatten().all(Option::is_some));
    }

    #[test]
    fn two_way_tables_protect_rows_and_columns() {
        let table = vec![vec![50, 4, 30], vec![20, 25, 40], vec![35, 60, 2]];
        let out = suppress(&table, TWO_WAY, rules());
        assert_safe(&out, TWO_WAY);
        assert_eq!(out[0][1], None);
        assert_eq!(out[2][2], None);
        // Every count under 10 is hidden.
        for (row, o) in table.iter().zip(&out) {
            for (&c, o) in row.iter().zip(o) {
                if c < 10 {
                    assert_eq!(*o, None);
                }
            }
        }
    }

    #[test]
    fn many_shapes_are_always_safe() {
        // A deterministic spread of tables with small cells here and there.
        let mut seed: u64 = 7;
        for _ in 0..500 {
            let mut next = || {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                seed >> 33
            };
            let rows = 2 + (next() % 3) as usize;
            let cols = 2 + (next() % 4) as usize;
            let table: Vec<Vec<u64>> = (0..rows)
                .map(|_| {
                    (0..cols)
                        .map(|_| {
                            if next() % 3 == 0 {
                                next() % 10
                            } else {
                                10 + next() % 90
                            }
                        })
                        .collect()
                })
                .collect();
            for margins in [ONE_WAY, TWO_WAY] {
                assert_safe(&suppress(&table, margins, rules()), margins);
            }
            assert_safe(&suppress(&table[..1], ONE_WAY, rules()), ONE_WAY);
        }
    }

    #[test]
    fn percentages_need_a_base_of_thirty() {
        assert!(!rules().shows_percent(29));
        assert!(rules().shows_percent(30));
    }
}
