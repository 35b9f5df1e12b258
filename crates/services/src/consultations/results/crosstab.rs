//! Crosstabs: respondents counted by their answers to two choice
//! questions, suppressed like every published figure.

use cohesion_domain::identity::Action;
use cohesion_domain::survey::model::QuestionDef;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_insight::disclosure::{suppress, Margins, SmallBaseRules};
use cohesion_insight::proportion::Proportion;
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
    /// Column percentages (share of each column's base), where shown.
    pub shares: Vec<Vec<Option<Proportion>>>,
    pub row_totals: Vec<Option<u64>>,
    pub column_totals: Vec<Option<u64>>,
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
    let r = pick("rows", rows_by)?;
    let col = pick("columns", columns_by)?;
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
    Ok(shown(r, col, &table, rules))
}

/// The counted table as staff see it: cells suppressed (row and column
/// totals shown), totals under the smallest count hidden, and column
/// percentages where the base allows.
fn shown(
    rows_by: QuestionDef,
    columns_by: QuestionDef,
    table: &[Vec<u64>],
    rules: SmallBaseRules,
) -> Crosstab {
    let nc = columns_by.kind.options().len();
    let cells = suppress(
        table,
        Margins {
            row_totals: true,
            column_totals: true,
        },
        rules,
    );
    let hide = |n: u64| (n >= rules.min_count).then_some(n);
    let row_totals: Vec<Option<u64>> = table.iter().map(|row| hide(row.iter().sum())).collect();
    let col_sums: Vec<u64> = (0..nc)
        .map(|j| table.iter().map(|row| row[j]).sum())
        .collect();
    let column_totals = col_sums.iter().map(|n| hide(*n)).collect();
    let shares = cells
        .iter()
        .map(|row| {
            row.iter()
                .enumerate()
                .map(|(j, c)| {
                    c.filter(|_| rules.shows_percent(col_sums[j]))
                        .and_then(|c| Proportion::wilson(c, col_sums[j]))
                })
                .collect()
        })
        .collect();
    Crosstab {
        rows_by,
        columns_by,
        cells,
        shares,
        row_totals,
        column_totals,
    }
}
