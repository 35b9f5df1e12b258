//! The crosstab gives no hidden figure away, on the demo's answers: read
//! off the page with the grand total (the number who answered, published
//! elsewhere), no line of cells and totals has exactly one hidden figure,
//! no hidden figure is fixed by a chain of lines, and no percentage gives
//! a hidden total away.

use cohesion_insight::disclosure::SmallBaseRules;
use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::crosstabs::{between, body_cells};
use super::{demo_consultation, ANALYST};
use crate::support::{servers_with_people, Server};

/// Respondents by their answers to questions `rows` (of `nr` options)
/// and `columns` (of `nc`), straight from the stored answers.
async fn counted(
    s: &Server,
    id: &str,
    (rows, nr): (&str, usize),
    (columns, nc): (&str, usize),
) -> Vec<Vec<u64>> {
    let mut c = s.db().acquire().await.unwrap();
    let found = cohesion_storage::consultations::answers::crosstab(
        c.conn(),
        id.parse().unwrap(),
        (rows, false),
        (columns, false),
    )
    .await
    .unwrap();
    let mut table = vec![vec![0u64; nc]; nr];
    for (a, b, n) in found {
        table[a as usize][b as usize] = n as u64;
    }
    table
}

/// The grid as the page publishes it (counts only): each row's cells
/// then its total, and last the column totals then the grand total,
/// which the page leaves blank and everyone knows (`grand`). `None`
/// where hidden.
fn published(html: &str, grand: u64) -> Vec<Vec<Option<u64>>> {
    let mut grid: Vec<Vec<Option<u64>>> = body_cells(html)
        .iter()
        .map(|row| {
            row.iter()
                .map(|cell| match cell.as_str() {
                    "" => Some(grand),
                    c if c.contains("[c]") => None,
                    c => Some(c.parse().unwrap_or_else(|_| panic!("a count, not {c}"))),
                })
                .collect()
        })
        .collect();
    let last = grid.len() - 1;
    let corner = grid[last].len() - 1;
    grid[last][corner] = Some(grand);
    grid
}

/// Whether hidden figure (i, j) is on a cycle of hidden figures, each
/// step along a row or a column of the grid: off any cycle, the line
/// sums fix it.
fn on_a_cycle(grid: &[Vec<Option<u64>>], (i, j): (usize, usize)) -> bool {
    let width = grid[0].len();
    // Nodes: the grid's rows, then its columns; a hidden figure joins its
    // row and its column. Is row i reached from column j without (i, j)?
    let mut seen = vec![false; grid.len() + width];
    let mut stack = vec![grid.len() + j];
    seen[grid.len() + j] = true;
    while let Some(u) = stack.pop() {
        let next: Vec<usize> = if u < grid.len() {
            (0..width)
                .filter(|&c| grid[u][c].is_none() && (u, c) != (i, j))
                .map(|c| grid.len() + c)
                .collect()
        } else {
            let c = u - grid.len();
            (0..grid.len())
                .filter(|&r| grid[r][c].is_none() && (r, c) != (i, j))
                .collect()
        };
        for w in next {
            if !seen[w] {
                seen[w] = true;
                stack.push(w);
            }
        }
    }
    seen[i]
}

#[tokio::test]
async fn no_hidden_figure_can_be_worked_out_from_the_crosstab() {
    let rules = SmallBaseRules::default();
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let (li, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let path = format!("/staff/consultations/{id}/analysis");
        // Agreement by age band (whose "prefer not to say" holds a
        // handful), and by having seen hateful views.
        for (columns, nc) in [("q8", 9), ("q2", 3)] {
            let counts = counted(&s, &id, ("q1", 6), (columns, nc)).await;
            let grand: u64 = counts.iter().flatten().sum();
            let (status, html) = s
                .page(
                    &format!("{path}?rows=q1&columns={columns}&show=counts"),
                    &li,
                )
                .await;
            assert_eq!(status, 200);
            let grid = published(&html, grand);
            // The truth, with its totals, to compare with.
            let mut truth: Vec<Vec<u64>> = counts
                .iter()
                .map(|row| row.iter().copied().chain([row.iter().sum()]).collect())
                .collect();
            truth.push((0..=nc).map(|j| truth.iter().map(|r| r[j]).sum()).collect());
            for (i, row) in grid.iter().enumerate() {
                for (j, figure) in row.iter().enumerate() {
                    match figure {
                        Some(n) => assert_eq!(*n, truth[i][j], "({i}, {j}) by {columns}"),
                        None => assert!(
                            on_a_cycle(&grid, (i, j)),
                            "({i}, {j}) by {columns} can be worked out: {grid:?}"
                        ),
                    }
                    if truth[i][j] < rules.min_count {
                        assert_eq!(*figure, None, "({i}, {j}) by {columns} is small");
                    }
                }
                let hidden = row.iter().filter(|f| f.is_none()).count();
                assert_ne!(
                    hidden, 1,
                    "row {i} by {columns} gives its hidden figure away: {grid:?}"
                );
            }
            for j in 0..=nc {
                let hidden = grid.iter().filter(|row| row[j].is_none()).count();
                assert_ne!(
                    hidden, 1,
                    "column {j} of {columns} gives its hidden figure away: {grid:?}"
                );
            }

            // No share in a line whose total is hidden: it would give the
            // total away (the count over the share).
            for show in ["row", "column"] {
                let (_, html) = s
                    .page(
                        &format!("{path}?rows=q1&columns={columns}&show={show}"),
                        &li,
                    )
                    .await;
                let cells = body_cells(&html);
                for (i, row) in cells.iter().take(counts.len()).enumerate() {
                    for (j, cell) in row.iter().take(nc).enumerate() {
                        let total_hidden = match show {
                            "row" => grid[i][nc].is_none(),
                            _ => grid[counts.len()][j].is_none(),
                        };
                        if total_hidden {
                            assert!(!cell.contains('%'), "({i}, {j}) by {columns}: {cell}");
                        }
                    }
                }
                let key = between(&html, "app-figures-key", "</ul>");
                let any_hidden_total = match show {
                    "row" => (0..counts.len()).any(|i| grid[i][nc].is_none()),
                    _ => (0..nc).any(|j| grid[counts.len()][j].is_none()),
                };
                if !any_hidden_total {
                    assert!(!key.contains("whose total is hidden"), "{key}");
                }
            }
        }
    }
}
