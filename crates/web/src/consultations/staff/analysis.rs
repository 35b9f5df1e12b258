//! Crosstabs for staff who analyse: respondents by their answers to two
//! choice questions, each cell as a share of its row or of its column, or
//! as a count, as the analyst chooses.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::analysis::crosstab::CellShare;
use cohesion_domain::survey::model::{QuestionKind, SurveyDefinition};
use cohesion_domain::ValidationError;
use cohesion_services::consultations::results::crosstab::{self, Crosstab};
use cohesion_services::ServiceError;
use cohesion_ui::{
    Field, FieldError, Figure, FigureRow, FigureTable, Filter, KeyLine, Phrase, Shown, Value,
};
use serde::Deserialize;

use super::figures::{
    back_to_staff, count_or_hidden, hidden_key, key_line, percent, query, withheld,
};
use super::{analysis_frame, question_lang, question_text};
use crate::consultations::questions::shown_options;
use crate::kit::{field_messages, respond, Analyse, AppError, ClientKey, Langs, May, PageCtx};

/// The crosstab form as sent: absent fields are a first visit, empty
/// ones a form sent with nothing chosen.
#[derive(Deserialize, Default)]
pub struct AnalysisQuery {
    rows: Option<String>,
    columns: Option<String>,
    #[serde(default)]
    show: String,
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
    let frame = analysis_frame(&ctx, &me, &id, "analysis").await?;
    let (id, langs, survey) = (frame.id, &frame.langs, &frame.v.survey);
    let mut page = frame.page;
    let rows = q.rows.as_deref().unwrap_or_default();
    let columns = q.columns.as_deref().unwrap_or_default();
    page.ui.keep_query(&query(&[
        ("rows", rows),
        ("columns", columns),
        ("show", &q.show),
    ]));
    page.back = Some(back_to_staff(&ctx, &me, id));
    page.lead = vec![ctx.t("analysis-lead").into()];
    page.links = vec![
        (
            format!("/staff/consultations/{id}/weighting"),
            ctx.t("weighting-title").into(),
        ),
        (
            format!("/staff/consultations/{id}/answers"),
            ctx.t("answers-title").into(),
        ),
    ];
    let mut problems: Vec<ValidationError> = Vec::new();
    let share = CellShare::parse(&q.show).unwrap_or_else(|e| {
        problems.push(e);
        CellShare::default()
    });
    if (q.rows.is_some() || q.columns.is_some()) && problems.is_empty() {
        let small_base = ctx.state.config.small_base;
        let asked = crosstab::crosstab(
            &ctx.state.db,
            &me,
            id,
            rows,
            columns,
            small_base,
            Some(&client.0),
        );
        match asked.await {
            Ok(x) => page
                .figures
                .push(crosstab_table(&ctx, (langs, survey), &x, share)),
            Err(ServiceError::Invalid(e)) => problems.push(e),
            Err(ServiceError::InvalidFields(list)) => problems.extend(list),
            Err(e) => return Err(e.into()),
        }
    }
    page.errors = field_messages(&ctx, &problems);
    let path = format!("/staff/consultations/{id}/analysis");
    let form = CrosstabForm {
        rows,
        columns,
        share,
    };
    page.filter = Some(filter(&ctx, (langs, survey), path, &form, &page.errors));
    let status = match page.errors.is_empty() {
        true => StatusCode::OK,
        // The form again, with what is wrong named above it.
        false => StatusCode::UNPROCESSABLE_ENTITY,
    };
    respond(status, page, None)
}

/// What the analyst chose, to show the form with it.
struct CrosstabForm<'a> {
    rows: &'a str,
    columns: &'a str,
    share: CellShare,
}

/// The form: the two questions, by id and text in the page's language
/// where translated (marked with their language where it is not the
/// page's), and what the cells show.
fn filter(
    ctx: &PageCtx,
    (langs, survey): (&Langs, &SurveyDefinition),
    action: String,
    chosen: &CrosstabForm<'_>,
    errors: &[FieldError],
) -> Filter {
    let questions: Vec<_> = survey.questions().filter(|q| q.kind.is_choice()).collect();
    let choices: Vec<(String, String)> = std::iter::once((String::new(), ctx.t("analysis-choose")))
        .chain(
            questions
                .iter()
                .map(|q| (q.id.clone(), format!("{}: {}", q.id, q.text))),
        )
        .collect();
    let option_langs: Vec<_> = std::iter::once(None)
        .chain(questions.iter().map(|q| question_lang(ctx, langs, q)))
        .collect();
    let select = |name: &'static str, label: &str, value: &str| {
        Field::choice(name, "select", ctx.t(label), choices.clone())
            .option_langs(option_langs.clone())
            .value(value)
            .errors_from(errors)
    };
    let shares = CellShare::ALL
        .iter()
        .map(|s| {
            (
                s.key().to_owned(),
                ctx.t(&format!("analysis-show-{}", s.key())),
            )
        })
        .collect();
    Filter {
        action,
        fields: vec![
            select("rows", "analysis-rows", chosen.rows),
            select("columns", "analysis-columns", chosen.columns),
            Field::choice("show", "radios", ctx.t("analysis-show-label"), shares)
                .value(chosen.share.key())
                .errors_from(errors),
        ],
        button: ctx.t("analysis-show"),
    }
}

/// The crosstab: a row per option of one question, a column per option
/// of the other (in the page's language where translated), each cell its
/// share (with its count under it) or its count, hidden cells as a
/// symbol, cells routing never asks as a dash, the totals with the grand
/// total, and the key.
fn crosstab_table(
    ctx: &PageCtx,
    (langs, survey): (&Langs, &SurveyDefinition),
    x: &Crosstab,
    share: CellShare,
) -> FigureTable {
    // The questions as the page's language shows them.
    let rows_by = survey.question(&x.rows_by.id).unwrap_or(&x.rows_by);
    let columns_by = survey.question(&x.columns_by.id).unwrap_or(&x.columns_by);
    let row_labels = shown_options(ctx, langs, rows_by);
    let col_labels = shown_options(ctx, langs, columns_by);
    let shares = x.shares(share);
    // A total adds up its line's cells: where someone may pick several
    // answers it counts the choices made, not the people who made them.
    let total = ctx.t(if several(x) {
        "analysis-total-choices"
    } else {
        "analysis-total"
    });
    let mut head: Vec<Phrase> = col_labels.iter().map(Shown::heading).collect();
    head.push(Phrase::heading(&total, None));
    let mut rows: Vec<FigureRow> = row_labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let mut cells: Vec<Figure> = (0..col_labels.len())
                .map(|j| match x.not_asked[i][j] {
                    true => not_asked(ctx),
                    false => cell(ctx, x.cells[i][j], shares.and_then(|s| s[i][j])),
                })
                .collect();
            cells.push(count_or_hidden(ctx, x.row_totals[i]));
            FigureRow {
                head: label.into(),
                cells,
                total: false,
            }
        })
        .collect();
    let mut totals: Vec<Figure> = x
        .column_totals
        .iter()
        .map(|n| count_or_hidden(ctx, *n))
        .collect();
    totals.push(count_or_hidden(ctx, x.grand_total));
    rows.push(FigureRow {
        head: total.into(),
        cells: totals,
        total: true,
    });
    let rows_by = question_text(langs, rows_by);
    let columns_by = question_text(langs, columns_by);
    FigureTable {
        caption: ctx.phrase(
            "analysis-caption",
            &[
                ("rows", Value::Shown(&rows_by)),
                ("columns", Value::Shown(&columns_by)),
            ],
        ),
        corner: (&rows_by).into(),
        head,
        rows,
        key: key(ctx, x, share),
    }
}

/// A cell routing never asks about: a dash for the eye, "Not asked
/// (routing)" for screen readers, unlike a hidden one.
fn not_asked(ctx: &PageCtx) -> Figure {
    Figure::Withheld {
        symbol: ctx.t("figure-not-asked-symbol"),
        words: ctx.t("figure-not-asked"),
    }
}

/// One cell: its share over its count, its count alone (counts only, or
/// a line too small for percentages), or its symbol when hidden.
fn cell(ctx: &PageCtx, count: Option<u64>, share: Option<f64>) -> Figure {
    match (count, share) {
        (None, _) => withheld(ctx),
        (Some(n), Some(s)) => Figure::with_under(
            percent(ctx, s),
            ctx.phrase("analysis-cell-count", &[("count", Value::Number(n))]),
        ),
        (Some(n), None) => Figure::shown(super::figures::count(n)),
    }
}

/// The key under the crosstab: how to read a cell, the hidden figures'
/// symbol, lines that show counts only (too small for percentages, or
/// their total hidden), and people counted more than once where a
/// question takes several answers. Only what the table
/// shows is explained.
fn key(ctx: &PageCtx, x: &Crosstab, share: CellShare) -> Vec<KeyLine> {
    let mut key = vec![key_line(ctx.t(&format!("analysis-key-{}", share.key())))];
    let asked = |i: usize, j: usize| !x.not_asked[i][j];
    let any_hidden = (x.cells.iter().enumerate())
        .any(|(i, row)| (row.iter().enumerate()).any(|(j, c)| c.is_none() && asked(i, j)))
        || x.row_totals.iter().any(Option::is_none)
        || x.column_totals.iter().any(Option::is_none)
        || x.grand_total.is_none();
    if any_hidden {
        key.push(hidden_key(ctx));
    }
    if x.not_asked.iter().flatten().any(|n| *n) {
        key.push(KeyLine {
            symbol: Some(ctx.t("figure-not-asked-symbol")),
            text: ctx.t("figure-not-asked-key").into(),
        });
    }
    let (small, hidden_total) = counts_only(x, share);
    let min = ctx.state.config.small_base.min_base_for_percent;
    if small {
        key.push(key_line(ctx.phrase(
            &format!("analysis-key-small-{}", share.key()),
            &[("count", Value::Number(min))],
        )));
    }
    if hidden_total {
        key.push(key_line(
            ctx.t(&format!("analysis-key-hidden-total-{}", share.key())),
        ));
    }
    if several(x) {
        key.push(key_line(ctx.t("analysis-key-several")));
    }
    key
}

/// Whether either question lets people pick more than one answer.
fn several(x: &Crosstab) -> bool {
    let several = |k: &QuestionKind| matches!(k, QuestionKind::MultipleChoice { .. });
    several(&x.rows_by.kind) || several(&x.columns_by.kind)
}

/// Why shown cells go without their share, if any do: a line too small
/// for percentages, and a line whose total is hidden (its shares would
/// give the total away).
fn counts_only(x: &Crosstab, share: CellShare) -> (bool, bool) {
    let Some(shares) = x.shares(share) else {
        return (false, false);
    };
    let (mut small, mut hidden_total) = (false, false);
    for (i, (cells, shares)) in x.cells.iter().zip(shares).enumerate() {
        for (j, (cell, s)) in cells.iter().zip(shares).enumerate() {
            if cell.is_none() || s.is_some() || x.not_asked[i][j] {
                continue;
            }
            let total = match share {
                CellShare::Row => x.row_totals[i],
                _ => x.column_totals[j],
            };
            match total {
                None => hidden_total = true,
                Some(_) => small = true,
            }
        }
    }
    (small, hidden_total)
}
