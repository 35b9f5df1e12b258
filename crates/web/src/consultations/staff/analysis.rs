//! Crosstabs for staff who analyse: respondents by their answers to two
//! choice questions.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_services::consultations::results::{self, crosstab};
use cohesion_ui::{Cell, Field, Phrase, Table, Value};
use serde::Deserialize;

use super::analysis_frame;
use crate::consultations::questions::shown_options;
use crate::consultations::wording::figure;
use crate::kit::{respond, Analyse, AppError, ClientKey, Langs, May, PageCtx};

#[derive(Deserialize, Default)]
pub struct AnalysisQuery {
    #[serde(default)]
    rows: String,
    #[serde(default)]
    columns: String,
}

/// Crosstabs for analysts and officers: respondents by their answers to
/// two choice questions, suppressed like every published figure.
pub async fn analysis(
    ctx: PageCtx,
    May(me, _): May<Analyse>,
    client: ClientKey,
    Path(id): Path<String>,
    Query(q): Query<AnalysisQuery>,
) -> Result<Response, AppError> {
    let (id, v, mut page) = analysis_frame(&ctx, &me, &id, "analysis").await?;
    let path = format!("/staff/consultations/{id}/analysis");
    page.back = Some((format!("/consultations/{id}/results"), ctx.t("back")));
    let choices: Vec<(String, String)> = std::iter::once((String::new(), ctx.t("analysis-choose")))
        .chain(
            v.survey
                .questions()
                .filter(|q| q.kind.is_choice())
                .map(|q| (q.id.clone(), format!("{}: {}", q.id, q.text))),
        )
        .collect();
    page.filter = Some(cohesion_ui::Filter {
        action: path.clone(),
        fields: vec![
            Field::choice("rows", "select", ctx.t("analysis-rows"), choices.clone()).value(&q.rows),
            Field::choice("columns", "select", ctx.t("analysis-columns"), choices)
                .value(&q.columns),
        ],
        button: ctx.t("analysis-show"),
    });
    page.lead = vec![ctx.t("analysis-lead").into()];
    if !q.rows.is_empty() && !q.columns.is_empty() {
        let x = crosstab::crosstab(
            &ctx.state.db,
            &me,
            id,
            &q.rows,
            &q.columns,
            ctx.state.config.small_base,
            Some(&client.0),
        )
        .await?;
        page.tables.push(crosstab_table(&ctx, &x));
    }
    respond(StatusCode::OK, page, None)
}

/// The crosstab: a row per option of one question, a column per option of
/// the other, each cell a count with its share, and the totals.
fn crosstab_table(ctx: &PageCtx, x: &crosstab::Crosstab) -> Table {
    let langs = Langs::as_written(ctx);
    let row_labels = shown_options(ctx, &langs, &x.rows_by);
    let col_labels = shown_options(ctx, &langs, &x.columns_by);
    let mut head = vec![Phrase::default()];
    head.extend(col_labels.iter().map(Phrase::from));
    head.push(ctx.t("analysis-total").into());
    let mut rows: Vec<Vec<Cell>> = row_labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let mut row = vec![Cell::from(label)];
            for j in 0..col_labels.len() {
                let cell = results::Cell {
                    count: x.cells[i][j],
                    share: x.shares[i][j],
                };
                row.push(Cell::from(figure(ctx, &cell)));
            }
            row.push(Cell::from(
                x.row_totals[i].map_or_else(|| ctx.t("results-hidden"), |n| n.to_string()),
            ));
            row
        })
        .collect();
    let mut totals = vec![Cell::from(ctx.t("analysis-total"))];
    totals.extend(
        x.column_totals
            .iter()
            .map(|n| Cell::from(n.map_or_else(|| ctx.t("results-hidden"), |n| n.to_string()))),
    );
    totals.push(Cell::from(String::new()));
    rows.push(totals);
    Table {
        caption: ctx.phrase(
            "analysis-caption",
            &[
                (
                    "rows",
                    Value::Shown(&langs.original(x.rows_by.text.as_str())),
                ),
                (
                    "columns",
                    Value::Shown(&langs.original(x.columns_by.text.as_str())),
                ),
            ],
        ),
        head,
        rows,
        empty: String::new(),
    }
}
