//! Suppression checked from the outside, on thousands of drawn tables of
//! every shape and every choice of published totals: every count and
//! total under the smallest count is hidden, what is shown is true, no
//! line of the table and its totals has exactly one hidden figure (one
//! line's sum gives none away), and no hidden figure is fixed by all the
//! line sums together, worked out here by elimination rather than by the
//! graph the module uses.

use cohesion_insight::disclosure::{suppress, Margins, SmallBaseRules, Suppressed};
use cohesion_insight::random::SplitMix64;

const RULES: SmallBaseRules = SmallBaseRules {
    min_count: 10,
    min_base_for_percent: 30,
};

/// What a reader of the published table knows of each figure of the
/// grid (the table, its row totals at the end of each row, its column
/// totals in a last row, the grand total in the corner).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Seen {
    Shown,
    Hidden,
    /// Not published by this table.
    Absent,
}

struct Read {
    rows: usize,
    columns: usize,
    truth: Vec<u64>,
    seen: Vec<Seen>,
}

impl Read {
    fn index(&self, i: usize, j: usize) -> usize {
        i * (self.columns + 1) + j
    }

    /// Every line of the grid as its figures: the cells of a row or a
    /// column, then its total.
    fn lines(&self) -> Vec<Vec<usize>> {
        let (n, m) = (self.rows, self.columns);
        let rows = (0..=n).map(|i| (0..=m).map(|j| self.index(i, j)).collect());
        let columns = (0..=m).map(|j| (0..=n).map(|i| self.index(i, j)).collect());
        rows.chain(columns).collect()
    }
}

/// The published table beside the truth. The grand total counts as
/// shown when it is not small: it is published elsewhere.
fn read(table: &[Vec<u64>], margins: Margins, out: &Suppressed) -> Read {
    let (n, m) = (table.len(), table[0].len());
    let mut r = Read {
        rows: n,
        columns: m,
        truth: vec![0; (n + 1) * (m + 1)],
        seen: vec![Seen::Absent; (n + 1) * (m + 1)],
    };
    let seen = |v: &Option<u64>| {
        if v.is_some() {
            Seen::Shown
        } else {
            Seen::Hidden
        }
    };
    for (i, row) in table.iter().enumerate() {
        for (j, &count) in row.iter().enumerate() {
            let (cell, row_total, column_total, grand) =
                (r.index(i, j), r.index(i, m), r.index(n, j), r.index(n, m));
            for k in [cell, row_total, column_total, grand] {
                r.truth[k] += count;
            }
            r.seen[cell] = seen(&out.cells[i][j]);
            if let Some(shown) = out.cells[i][j] {
                assert_eq!(shown, count, "a shown cell is true");
            }
        }
    }
    for i in (0..n).filter(|_| margins.row_totals) {
        let k = r.index(i, m);
        r.seen[k] = seen(&out.row_totals[i]);
        assert!(out.row_totals[i].is_none_or(|t| t == r.truth[k]));
    }
    for j in (0..m).filter(|_| margins.column_totals) {
        let k = r.index(n, j);
        r.seen[k] = seen(&out.column_totals[j]);
        assert!(out.column_totals[j].is_none_or(|t| t == r.truth[k]));
    }
    let grand = r.index(n, m);
    r.seen[grand] = match r.truth[grand] < RULES.min_count {
        true => Seen::Hidden,
        false => Seen::Shown,
    };
    r
}

/// The unknown figures the line sums fix, found by Gauss–Jordan
/// elimination: one equation per line (its cells less its total, the
/// shown figures moved to the other side), a column per unknown figure.
/// A figure is fixed when its column has a pivot and the pivot's row
/// holds no free column.
fn fixed(r: &Read) -> Vec<usize> {
    let unknown: Vec<usize> = (0..r.seen.len())
        .filter(|&k| r.seen[k] != Seen::Shown)
        .collect();
    let lines = r.lines();
    let mut a: Vec<Vec<f64>> = lines
        .iter()
        .map(|line| {
            let total = *line.last().unwrap();
            unknown
                .iter()
                .map(|&k| match (line.contains(&k), k == total) {
                    (true, true) => -1.0,
                    (true, false) => 1.0,
                    (false, _) => 0.0,
                })
                .collect()
        })
        .collect();
    let mut pivots: Vec<(usize, usize)> = Vec::new();
    let mut row = 0;
    for col in 0..unknown.len() {
        let Some(p) = (row..a.len()).find(|&i| a[i][col].abs() > 1e-9) else {
            continue;
        };
        a.swap(row, p);
        let pivot = a[row][col];
        for x in &mut a[row] {
            *x /= pivot;
        }
        for i in (0..a.len()).filter(|&i| i != row) {
            let f = a[i][col];
            if f.abs() > 1e-9 {
                let pivot_row = a[row].clone();
                for (x, p) in a[i].iter_mut().zip(&pivot_row).take(unknown.len()) {
                    *x -= f * p;
                }
            }
        }
        pivots.push((row, col));
        row += 1;
    }
    let pivot_columns: Vec<usize> = pivots.iter().map(|&(_, c)| c).collect();
    pivots
        .iter()
        .filter(|&&(row, _)| {
            (0..unknown.len())
                .filter(|c| !pivot_columns.contains(c))
                .all(|c| a[row][c].abs() < 1e-9)
        })
        .map(|&(_, col)| unknown[col])
        .collect()
}

fn check(table: &[Vec<u64>], margins: Margins) {
    let out = suppress(table, margins, RULES);
    let r = read(table, margins, &out);
    for k in 0..r.seen.len() {
        if r.seen[k] != Seen::Absent && r.truth[k] < RULES.min_count {
            assert_eq!(r.seen[k], Seen::Hidden, "figure {k} of {table:?}: {out:?}");
        }
    }
    for line in r.lines() {
        let unknown: Vec<&usize> = line.iter().filter(|&&k| r.seen[k] != Seen::Shown).collect();
        if let [only] = unknown[..] {
            assert_ne!(
                r.seen[*only],
                Seen::Hidden,
                "one line's sum gives figure {only} away: {table:?} {margins:?} {out:?}"
            );
        }
    }
    for k in fixed(&r) {
        assert_ne!(
            r.seen[k],
            Seen::Hidden,
            "the line sums give figure {k} away: {table:?} {margins:?} {out:?}"
        );
    }
}

const EVERY_MARGIN: [Margins; 4] = [
    Margins {
        row_totals: true,
        column_totals: true,
    },
    Margins {
        row_totals: true,
        column_totals: false,
    },
    Margins {
        row_totals: false,
        column_totals: true,
    },
    Margins {
        row_totals: false,
        column_totals: false,
    },
];

#[test]
fn no_hidden_figure_can_be_worked_out_from_the_published_ones() {
    let mut draw = SplitMix64::new(2027);
    for _ in 0..3000 {
        let rows = 1 + draw.below(6);
        let columns = 1 + draw.below(7);
        // From tables with a small cell here and there to tables of
        // little else, with counts about the threshold.
        let small = 1 + draw.below(9);
        let table: Vec<Vec<u64>> = (0..rows)
            .map(|_| {
                (0..columns)
                    .map(|_| match draw.below(10) {
                        d if d < small => draw.below(10) as u64,
                        9 => 8 + draw.below(6) as u64,
                        _ => 10 + draw.below(190) as u64,
                    })
                    .collect()
            })
            .collect();
        for margins in EVERY_MARGIN {
            check(&table, margins);
        }
    }
}

/// The demo's age bands by agreement had a column of nine people: with
/// the grand total known, its hidden total was the rest taken from it.
#[test]
fn a_small_column_is_not_the_grand_total_less_the_others() {
    let table = vec![
        vec![3, 12, 14, 11, 10, 8, 6, 4, 2],
        vec![5, 20, 22, 21, 18, 15, 11, 7, 3],
        vec![2, 6, 8, 7, 7, 6, 4, 3, 1],
        vec![1, 4, 5, 6, 5, 4, 3, 2, 2],
        vec![1, 4, 5, 4, 4, 4, 3, 1, 0],
        vec![1, 3, 5, 4, 4, 3, 3, 2, 1],
    ];
    let out = suppress(&table, EVERY_MARGIN[0], RULES);
    assert_eq!(out.column_totals[8], None, "9 people");
    let hidden_totals = out.column_totals.iter().filter(|t| t.is_none()).count();
    assert!(hidden_totals >= 2, "{out:?}");
    check(&table, EVERY_MARGIN[0]);
}
