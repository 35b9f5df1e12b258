//! Statistical disclosure control: published counts must not let anyone
//! pick out a person. Counts under a threshold are hidden (primary
//! suppression), totals included, and more figures are hidden wherever a
//! hidden one could be worked out from those shown (secondary
//! suppression).
//!
//! A table and its totals are one grid: each row's total is a cell at
//! the end of its row, each column's total one at the foot of its
//! column, and the grand total sits in the corner. Every row and every
//! column of that grid is a line whose cells add up to its total, the
//! row of column totals and the column of row totals included (both add
//! up to the grand total). The grand total is taken as known: the number
//! of people who answered is published beside most tables, so a table
//! must be safe even beside it.
//!
//! A line with exactly one figure unknown gives that figure away (it is
//! its total less the others). So does a chain of lines: a hidden figure
//! whose line has one other unknown figure, whose own line has no other,
//! and so on. Put as a graph (a node per line of the grid, an edge per
//! unknown figure, joining its row and its column), the line sums fix a
//! figure exactly when its edge is on no cycle, a bridge; on a cycle,
//! adding to the figures around it in turn and taking away in turn
//! changes no sum. So secondary suppression hides, at the least cost in
//! people, figures that close a cycle through every hidden figure that
//! is a bridge, until none is. What a published table then allows is
//! each hidden figure's range, never its value.

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
    /// Whether a count of people may be shown on its own: none at all
    /// picks nobody out, and neither does the smallest count or more.
    pub fn shows_count(&self, n: u64) -> bool {
        n == 0 || n >= self.min_count
    }

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

/// A table as it may be published: `None` marks a hidden figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppressed {
    /// Counts by [row][column].
    pub cells: Vec<Vec<Option<u64>>>,
    /// Each row's total, when row totals are published (else empty).
    pub row_totals: Vec<Option<u64>>,
    /// Each column's total, when column totals are published (else empty).
    pub column_totals: Vec<Option<u64>>,
    /// The grand total, unless it is under the smallest count (then
    /// everything else is hidden too).
    pub grand_total: Option<u64>,
}

/// Hides what must be hidden in `table` (rows of counts, all the same
/// length) and in the totals `margins` publishes beside it: every count
/// and total under the smallest count, and whatever else would let one
/// of those be worked out from the figures shown and the grand total.
pub fn suppress(table: &[Vec<u64>], margins: Margins, rules: SmallBaseRules) -> Suppressed {
    suppress_knowing(table, margins, rules, &[])
}

/// [`suppress`], where the cells marked in `known` (`[row][column]`,
/// missing rows and columns unmarked) are zeros everyone knows already:
/// cells the survey's routing never asked about, empty by design. They
/// give nothing away, so they are shown, and never count as hidden: the
/// figures they would have covered find other partners.
pub fn suppress_knowing(
    table: &[Vec<u64>],
    margins: Margins,
    rules: SmallBaseRules,
    known: &[Vec<bool>],
) -> Suppressed {
    let mut grid = Grid::new(table, margins, rules);
    for (i, row) in known.iter().enumerate().take(grid.rows) {
        for (j, &k) in row.iter().enumerate().take(grid.columns) {
            let at = grid.index(i, j);
            if k && grid.value[at] == 0 {
                grid.state[at] = State::Known;
            }
        }
    }
    grid.know_empty_lines();
    grid.protect();
    grid.published(margins)
}

/// What a reader knows of one figure of the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Published and shown.
    Shown,
    /// Published as hidden.
    Hidden,
    /// A total this table does not publish.
    Unpublished,
    /// The grand total, known from elsewhere: never hidden here.
    Given,
    /// A cell known to be empty by design (routing never asked it): shown,
    /// never hidden.
    Known,
}

/// The table with its totals: `rows` + 1 grid rows (the last holds the
/// column totals) of `columns` + 1 figures (the last is the row's total),
/// row by row.
struct Grid {
    rows: usize,
    columns: usize,
    value: Vec<u64>,
    state: Vec<State>,
}

impl Grid {
    fn new(table: &[Vec<u64>], margins: Margins, rules: SmallBaseRules) -> Grid {
        let rows = table.len();
        let columns = table.first().map_or(0, Vec::len);
        let width = columns + 1;
        let mut value = vec![0u64; (rows + 1) * width];
        for (i, row) in table.iter().enumerate() {
            for (j, &n) in row.iter().enumerate().take(columns) {
                value[i * width + j] = n;
                value[i * width + columns] += n;
                value[rows * width + j] += n;
                value[rows * width + columns] += n;
            }
        }
        let small = |n: u64| n < rules.min_count;
        let state = (0..value.len())
            .map(|k| {
                let (i, j) = (k / width, k % width);
                let published = match (i == rows, j == columns) {
                    (false, false) => true,
                    (false, true) => margins.row_totals,
                    (true, false) => margins.column_totals,
                    // A grand total under the smallest count is hidden:
                    // then so is everything else, being no larger.
                    (true, true) if small(value[k]) => return State::Hidden,
                    (true, true) => return State::Given,
                };
                match (published, small(value[k])) {
                    (false, _) => State::Unpublished,
                    (true, true) => State::Hidden,
                    (true, false) => State::Shown,
                }
            })
            .collect();
        Grid {
            rows,
            columns,
            value,
            state,
        }
    }

    /// A total whose cells are all known zeros is itself a known zero
    /// (it is their sum), shown rather than hidden.
    fn know_empty_lines(&mut self) {
        let (rows, columns) = (self.rows, self.columns);
        for i in 0..rows {
            let at = self.index(i, columns);
            if columns > 0
                && (0..columns).all(|j| self.state[self.index(i, j)] == State::Known)
                && self.state[at] == State::Hidden
            {
                self.state[at] = State::Known;
            }
        }
        for j in 0..columns {
            let at = self.index(rows, j);
            if rows > 0
                && (0..rows).all(|i| self.state[self.index(i, j)] == State::Known)
                && self.state[at] == State::Hidden
            {
                self.state[at] = State::Known;
            }
        }
    }

    fn width(&self) -> usize {
        self.columns + 1
    }

    fn index(&self, i: usize, j: usize) -> usize {
        i * self.width() + j
    }

    /// Figure `k`'s two lines, as nodes: its grid row, and its grid
    /// column numbered after the rows.
    fn ends(&self, k: usize) -> (usize, usize) {
        (k / self.width(), self.rows + 1 + k % self.width())
    }

    fn nodes(&self) -> usize {
        self.rows + 1 + self.width()
    }

    fn unknown(&self, k: usize) -> bool {
        matches!(self.state[k], State::Hidden | State::Unpublished)
    }

    /// Hides more until no hidden figure can be worked out. Each round
    /// puts one exposed figure on a cycle for good (hiding more never
    /// breaks a cycle), so the rounds are at most the figures.
    fn protect(&mut self) {
        if self.rows == 0 || self.columns == 0 {
            return;
        }
        while let Some(exposed) = self.first_exposed() {
            let Some(more) = self.cheapest_cover(exposed) else {
                // Only where the table is one figure and the grand total:
                // nothing can be hidden that the grand total does not say.
                break;
            };
            for k in more {
                self.state[k] = State::Hidden;
            }
        }
    }

    /// The unknown figures beside each node: (the other node, figure).
    fn adjacency(&self) -> Vec<Vec<(usize, usize)>> {
        let mut adjacent = vec![Vec::new(); self.nodes()];
        for k in (0..self.value.len()).filter(|&k| self.unknown(k)) {
            let (r, c) = self.ends(k);
            adjacent[r].push((c, k));
            adjacent[c].push((r, k));
        }
        adjacent
    }

    /// The first hidden figure the line sums fix: a bridge of the graph
    /// of unknown figures (Tarjan's lowest-reachable numbering).
    fn first_exposed(&self) -> Option<usize> {
        let adjacent = self.adjacency();
        let mut walk = Walk {
            adjacent: &adjacent,
            order: vec![usize::MAX; self.nodes()],
            low: vec![0; self.nodes()],
            next: 0,
            bridge: vec![false; self.value.len()],
        };
        for node in 0..self.nodes() {
            if walk.order[node] == usize::MAX {
                walk.visit(node, usize::MAX);
            }
        }
        (0..self.value.len()).find(|&k| self.state[k] == State::Hidden && walk.bridge[k])
    }

    /// The nodes reached from `from` through unknown figures, figure
    /// `skip` left out.
    fn reach(&self, adjacent: &[Vec<(usize, usize)>], from: usize, skip: usize) -> Vec<bool> {
        let mut seen = vec![false; self.nodes()];
        let mut stack = vec![from];
        seen[from] = true;
        while let Some(u) = stack.pop() {
            for &(w, k) in &adjacent[u] {
                if k != skip && !seen[w] {
                    seen[w] = true;
                    stack.push(w);
                }
            }
        }
        seen
    }

    /// The shown figures to hide, fewest people first, that close a cycle
    /// through figure `k`: one that joins the two sides `k` bridges, or
    /// the other three corners of a rectangle with `k` at one corner.
    fn cheapest_cover(&self, k: usize) -> Option<Vec<usize>> {
        let adjacent = self.adjacency();
        let (row, column) = self.ends(k);
        let near = self.reach(&adjacent, row, k);
        let far = self.reach(&adjacent, column, k);
        let mut best: Option<(u64, Vec<usize>)> = None;
        let mut consider = |cover: Vec<usize>| {
            if cover.is_empty() {
                return;
            }
            let cost: u64 = cover.iter().map(|&c| self.value[c]).sum();
            let better = best
                .as_ref()
                .is_none_or(|(b, bc)| (cost, cover.len()) < (*b, bc.len()));
            if better {
                best = Some((cost, cover));
            }
        };
        for c in (0..self.value.len()).filter(|&c| self.state[c] == State::Shown) {
            let (r, col) = self.ends(c);
            if (near[r] && far[col]) || (far[r] && near[col]) {
                consider(vec![c]);
            }
        }
        let (i, j) = (k / self.width(), k % self.width());
        for r in (0..=self.rows).filter(|&r| r != i) {
            for c in (0..self.width()).filter(|&c| c != j) {
                let corners = [self.index(i, c), self.index(r, c), self.index(r, j)];
                if corners
                    .iter()
                    .any(|&x| matches!(self.state[x], State::Given | State::Known))
                {
                    continue;
                }
                consider(
                    corners
                        .into_iter()
                        .filter(|&x| self.state[x] == State::Shown)
                        .collect(),
                );
            }
        }
        best.map(|(_, cover)| cover)
    }

    fn published(&self, margins: Margins) -> Suppressed {
        let shown = |k: usize| {
            matches!(self.state[k], State::Shown | State::Known | State::Given)
                .then_some(self.value[k])
        };
        let (rows, columns) = (self.rows, self.columns);
        Suppressed {
            grand_total: shown(self.index(rows, columns)),
            cells: (0..rows)
                .map(|i| (0..columns).map(|j| shown(self.index(i, j))).collect())
                .collect(),
            row_totals: match margins.row_totals {
                true => (0..rows).map(|i| shown(self.index(i, columns))).collect(),
                false => Vec::new(),
            },
            column_totals: match margins.column_totals {
                true => (0..columns).map(|j| shown(self.index(rows, j))).collect(),
                false => Vec::new(),
            },
        }
    }
}

/// A depth-first walk that numbers nodes and finds bridges.
struct Walk<'a> {
    adjacent: &'a [Vec<(usize, usize)>],
    order: Vec<usize>,
    /// The lowest number reachable from a node's subtree by one edge
    /// that is not the one it was entered by.
    low: Vec<usize>,
    next: usize,
    bridge: Vec<bool>,
}

impl Walk<'_> {
    /// A table's grid has a few dozen nodes: recursion is shallow.
    fn visit(&mut self, u: usize, entered_by: usize) {
        self.order[u] = self.next;
        self.low[u] = self.next;
        self.next += 1;
        for &(w, k) in &self.adjacent[u] {
            if k == entered_by {
                continue;
            }
            if self.order[w] == usize::MAX {
                self.visit(w, k);
                self.low[u] = self.low[u].min(self.low[w]);
                if self.low[w] > self.order[u] {
                    self.bridge[k] = true;
                }
            } else {
                self.low[u] = self.low[u].min(self.order[w]);
            }
        }
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

    #[test]
    fn small_counts_are_hidden_with_a_partner() {
        let out = suppress(&[vec![120, 45, 3, 60]], ONE_WAY, rules());
        assert_eq!(
            out.cells,
            [vec![Some(120), None, None, Some(60)]],
            "45 goes with 3"
        );
        assert_eq!(out.row_totals, [Some(228)]);
        assert!(out.column_totals.is_empty(), "not published");
    }

    #[test]
    fn zeros_routing_never_asked_are_shown_and_others_find_partners() {
        // Row 1 was never asked the column question: its cells are known
        // zeros. The 3 in row 0 must still be hidden with a partner of its
        // own row, not "covered" by a known zero.
        let table = [vec![3, 40, 50], vec![0, 0, 0], vec![20, 30, 60]];
        let known = [vec![false; 3], vec![true; 3], vec![false; 3]];
        let out = suppress_knowing(&table, TWO_WAY, rules(), &known);
        assert_eq!(out.cells[1], [Some(0), Some(0), Some(0)]);
        assert_eq!(out.row_totals[1], Some(0), "the sum of known zeros");
        assert_eq!(out.cells[0][0], None);
        let hidden_in_row0 = out.cells[0].iter().filter(|c| c.is_none()).count();
        assert!(hidden_in_row0 >= 2, "{out:?}");
        assert_eq!(out.grand_total, Some(203));
        // Without the knowledge, the zeros are hidden like any small count.
        let plain = suppress(&table, TWO_WAY, rules());
        assert_eq!(plain.cells[1], [None, None, None]);
    }

    #[test]
    fn nothing_is_hidden_when_every_count_is_large() {
        let out = suppress(&[vec![12, 30], vec![40, 11]], TWO_WAY, rules());
        assert!(out.cells.iter().flatten().all(Option::is_some));
        assert_eq!(out.row_totals, [Some(42), Some(51)]);
        assert_eq!(out.column_totals, [Some(52), Some(41)]);
    }

    /// The walkthrough's leak, worked by hand: a column total of 9 hidden
    /// alone is the grand total less the others (300 − 291), and its
    /// cells then follow. Another column total goes with it, the smallest
    /// (40), and cells of its column so that neither column's hidden
    /// cells are the only unknowns of their column.
    #[test]
    fn a_small_total_is_hidden_with_another_total() {
        let table = vec![vec![100, 30, 5], vec![151, 10, 4]];
        let out = suppress(&table, TWO_WAY, rules());
        assert_eq!(out.column_totals, [Some(251), None, None]);
        assert_eq!(out.row_totals, [Some(135), Some(165)]);
        assert_eq!(out.cells[0][2], None);
        assert_eq!(out.cells[1][2], None);
        // Each row has two hidden cells; each hidden column two unknowns.
        assert_eq!(out.cells[0][1], None);
        assert_eq!(out.cells[1][1], None);
        assert_eq!(out.cells[0][0], Some(100));
    }

    /// Every line with a hidden cell holds two or more of them, yet one
    /// is given away: rows 0 and 1 less columns 0 and 1 leave the cell
    /// joining their block of four to the block of rows 2 and 3. It stays
    /// hidden, and another figure goes with it.
    #[test]
    fn a_hidden_cell_fixed_by_a_chain_of_lines_is_covered() {
        let table = vec![
            vec![5, 6, 50, 50, 50],
            vec![7, 8, 4, 50, 50],
            vec![50, 50, 3, 2, 50],
            vec![50, 50, 1, 9, 50],
            vec![50, 50, 50, 50, 50],
        ];
        let out = suppress(&table, TWO_WAY, rules());
        assert_eq!(out.cells[1][2], None);
        let hidden = out.cells.iter().flatten().filter(|c| c.is_none()).count();
        assert!(hidden > 9, "{out:?}");
    }

    #[test]
    fn a_table_of_nothing_hides_everything() {
        let out = suppress(&[vec![0, 0], vec![0, 0]], TWO_WAY, rules());
        assert!(out.cells.iter().flatten().all(Option::is_none));
        assert_eq!(out.row_totals, [None, None]);
        let out = suppress(&[], TWO_WAY, rules());
        assert!(out.cells.is_empty() && out.row_totals.is_empty());
    }

    #[test]
    fn a_count_is_shown_when_none_or_at_least_ten() {
        assert!(rules().shows_count(0));
        assert!(!rules().shows_count(1) && !rules().shows_count(9));
        assert!(rules().shows_count(10));
    }

    #[test]
    fn percentages_need_a_base_of_thirty() {
        assert!(!rules().shows_percent(29));
        assert!(rules().shows_percent(30));
    }
}
