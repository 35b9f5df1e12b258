//! Crosstabs: respondents counted by their answers to two choice
//! questions, suppressed like every published figure, with each cell's
//! share of its row and of its column where the line is large enough.

use cohesion_domain::analysis::crosstab::{not_asked, shares, CellShare};
use cohesion_domain::identity::Action;
use cohesion_domain::survey::model::QuestionDef;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_insight::disclosure::{suppress_knowing, Margins, SmallBaseRules};
use cohesion_storage::consultations::answers;
use cohesion_storage::Db;
use uuid::Uuid;

use crate::accounts::SignedIn;
use crate::audit::audit_log;
use crate::consultations::load;
use crate::permissions::require;
use crate::ServiceError;

/// A crosstab: respondents by their answers to two choice questions.
#[derive(Debug, Clone)]
pub struct Crosstab {
    pub rows_by: QuestionDef,
    pub columns_by: QuestionDef,
    /// Counts by [row option][column option], suppressed.
    pub cells: Vec<Vec<Option<u64>>>,
    /// Each shown cell's share of its row (of every respondent in the
    /// row, hidden cells included), where the row allows percentages and
    /// its total is shown.
    pub row_shares: Vec<Vec<Option<f64>>>,
    /// The same, of its column.
    pub column_shares: Vec<Vec<Option<f64>>>,
    /// Each row's and each column's total, suppressed with the cells.
    pub row_totals: Vec<Option<u64>>,
    pub column_totals: Vec<Option<u64>>,
    /// Everyone counted in the table, unless too few to show.
    pub grand_total: Option<u64>,
    /// The cells routing never asks about (`[row][column]`): empty by
    /// design, shown as such rather than as hidden.
    pub not_asked: Vec<Vec<bool>>,
}

impl Crosstab {
    /// The shares the analyst chose to see (none for counts only).
    pub fn shares(&self, share: CellShare) -> Option<&[Vec<Option<f64>>]> {
        match share {
            CellShare::Row => Some(&self.row_shares),
            CellShare::Column => Some(&self.column_shares),
            CellShare::Counts => None,
        }
    }
}

/// Crosstab of two single-answer choice questions, for staff who analyse.
/// A special-category question needs that right and is audit-logged.
pub async fn crosstab(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    rows_by: &str,
    columns_by: &str,
    rules: SmallBaseRules,
    client: Option<&str>,
) -> Result<Crosstab, ServiceError> {
    require(me, Action::Analyse)?;
    chosen(rows_by, columns_by)?;
    let mut tx = db.begin().await?;
    let (_, survey) = load(tx.conn(), id).await?;
    let pick = |field: &'static str, qid: &str| -> Result<QuestionDef, ServiceError> {
        let q = survey
            .question(qid)
            .ok_or(ValidationError::new(field, ErrorCode::UnknownQuestion))?;
        if !q.kind.is_choice() {
            return Err(ValidationError::new(field, ErrorCode::InvalidChoice).into());
        }
        if q.kind.is_special_category() && !me.roles.allows(Action::ViewSpecialCategory) {
            return Err(ServiceError::Forbidden);
        }
        Ok(q.clone())
    };
    let r = pick("rows", rows_by.trim())?;
    let col = pick("columns", columns_by.trim())?;
    let (nr, nc) = (r.kind.options().len(), col.kind.options().len());
    let mut table = vec![vec![0u64; nc]; nr];
    let found = answers::crosstab(
        tx.conn(),
        id,
        (&r.id, r.kind.is_special_category()),
        (&col.id, col.kind.is_special_category()),
    )
    .await?;
    for (a, b, n) in found {
        if let (Ok(a), Ok(b)) = (usize::try_from(a), usize::try_from(b)) {
            if a < nr && b < nc {
                table[a][b] = n.max(0) as u64;
            }
        }
    }
    if r.kind.is_special_category() || col.kind.is_special_category() {
        let origin = me.origin(client);
        let detail = format!("crosstab {} by {}", r.id, col.id);
        audit_log(
            tx.conn(),
            origin,
            "special_category.view",
            Some(id),
            &detail,
        )
        .await?;
    }
    tx.commit().await?;
    let never = not_asked(&survey, &r, &col);
    Ok(shown(r, col, &table, &never, rules))
}

/// Both questions chosen, and not the same one twice (a question by
/// itself only repeats its own results down a diagonal): every problem at
/// once, so the form can name each field.
fn chosen(rows_by: &str, columns_by: &str) -> Result<(), ServiceError> {
    let mut problems = Vec::new();
    if rows_by.trim().is_empty() {
        problems.push(ValidationError::new("rows", ErrorCode::FieldRequired));
    }
    if columns_by.trim().is_empty() {
        problems.push(ValidationError::new("columns", ErrorCode::FieldRequired));
    } else if rows_by.trim() == columns_by.trim() {
        problems.push(ValidationError::new("columns", ErrorCode::InvalidChoice));
    }
    match problems.len() {
        0 => Ok(()),
        1 => Err(problems.remove(0).into()),
        _ => Err(ServiceError::InvalidFields(problems)),
    }
}

/// The counted table as staff see it: cells and totals suppressed
/// together (a hidden total can no more be worked out than a hidden
/// cell), and each shown cell's share of its row and of its column
/// where the line's base allows percentages and its total is shown.
fn shown(
    rows_by: QuestionDef,
    columns_by: QuestionDef,
    table: &[Vec<u64>],
    never: &[Vec<bool>],
    rules: SmallBaseRules,
) -> Crosstab {
    let published = suppress_knowing(
        table,
        Margins {
            row_totals: true,
            column_totals: true,
        },
        rules,
        never,
    );
    let base = rules.min_base_for_percent;
    let mut row_shares = shares(table, &published.cells, CellShare::Row, base);
    let mut column_shares = shares(table, &published.cells, CellShare::Column, base);
    // A share gives its line's total away (the count over the share), so
    // a line whose total is hidden shows counts only.
    for (row, total) in row_shares.iter_mut().zip(&published.row_totals) {
        if total.is_none() {
            row.fill(None);
        }
    }
    for row in &mut column_shares {
        for (share, total) in row.iter_mut().zip(&published.column_totals) {
            if total.is_none() {
                *share = None;
            }
        }
    }
    Crosstab {
        row_shares,
        column_shares,
        rows_by,
        columns_by,
        cells: published.cells,
        row_totals: published.row_totals,
        column_totals: published.column_totals,
        grand_total: published.grand_total,
        not_asked: never.to_vec(),
    }
}
