//! Results weighted to population margins, for staff who analyse: how the
//! weighting went in words, and each question's weighted shares.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::analysis::weighting::{normalised_range, settling, Settling};
use cohesion_domain::survey::model::{QuestionDef, QuestionKind, SurveyDefinition};
use cohesion_insight::weighted::WeightedTally;
use cohesion_services::consultations::results::weighting::{self, staff_cells, WeightedCell};
use cohesion_services::ServiceError;
use cohesion_ui::{
    Field, FieldError, Figure, FigureRow, FigureTable, Filter, Phrase, SummaryRow, Value,
};
use serde::Deserialize;

use super::analysis_frame;
use super::figures::{count, hidden_key, key_line, percent, query, withheld};
use super::margins::margin_message;
use crate::consultations::questions::shown_options;
use crate::kit::{respond, Analyse, AppError, ClientKey, Langs, May, PageCtx};

/// The weighting form as sent: no `margins` is a first visit, an empty
/// one a form sent with nothing in it.
#[derive(Deserialize, Default)]
pub struct WeightingQuery {
    margins: Option<String>,
}

/// Results weighted to population margins, for staff who analyse, with
/// the raking report; every figure is labelled as weighted.
pub async fn weighting(
    ctx: PageCtx,
    May(me, _): May<Analyse>,
    client: ClientKey,
    Path(id): Path<String>,
    Query(q): Query<WeightingQuery>,
) -> Result<Response, AppError> {
    let (id, v, mut page) = analysis_frame(&ctx, &me, &id, "weighting").await?;
    let margins = q.margins.as_deref().unwrap_or_default();
    page.ui.keep_query(&query(&[("margins", margins)]));
    // Weighting is reached from the crosstabs and beside them on Manage.
    page.back = Some((format!("/staff/consultations/{id}/analysis"), ctx.t("back")));
    page.lead = lead(&ctx, &v.survey);
    let path = format!("/staff/consultations/{id}/weighting");
    let filter = |errors: &[FieldError]| Filter {
        action: path.clone(),
        fields: vec![
            Field::new("margins", "textarea", "off", ctx.t("weighting-margins"))
                .hint(ctx.t("weighting-margins-hint"))
                .left_to_right()
                .value(margins)
                .errors_from(errors),
        ],
        button: ctx.t("weighting-apply"),
    };
    if q.margins.is_none() {
        page.filter = Some(filter(&[]));
        return respond(StatusCode::OK, page, None);
    }
    let weighted = match weighting::weighted(&ctx.state.db, &me, id, margins, Some(&client.0)).await
    {
        Ok(w) => w,
        Err(e @ (ServiceError::Invalid(_) | ServiceError::InvalidFields(_))) => {
            // Margins that cannot be used: the form again, with why, a
            // message for each line at fault.
            let problems = match e {
                ServiceError::Invalid(e) => vec![e],
                ServiceError::InvalidFields(list) => list,
                _ => Vec::new(),
            };
            page.errors = problems
                .iter()
                .map(|e| FieldError {
                    field: e.field,
                    message: margin_message(&ctx, &v.survey, margins, e),
                })
                .collect();
            page.filter = Some(filter(&page.errors));
            return respond(StatusCode::UNPROCESSABLE_ENTITY, page, None);
        }
        Err(e) => return Err(e.into()),
    };
    page.filter = Some(filter(&[]));
    page.rows = report_rows(&ctx, &weighted);
    for (question, tally) in &weighted.questions {
        page.figures.push(weighted_table(&ctx, question, tally));
    }
    respond(StatusCode::OK, page, None)
}

/// What weighting does, then each question it can weight by with its
/// options in order (the order shares are typed in): "q8: What is your
/// age? (Under 16, 16 to 24, …)", the question as written, in its
/// language, the options as the reader reads them.
fn lead(ctx: &PageCtx, survey: &SurveyDefinition) -> Vec<Phrase> {
    let langs = Langs::as_written(ctx);
    let separator = ctx.t("list-separator");
    let questions = survey
        .questions()
        .filter(|q| q.kind.is_choice() && !matches!(q.kind, QuestionKind::MultipleChoice { .. }))
        .map(|q| {
            let text = langs.original(q.text.as_str());
            let options = Phrase::join(
                shown_options(ctx, &langs, q).iter().map(Phrase::from),
                &separator,
            );
            ctx.phrase(
                "weighting-question",
                &[
                    ("id", Value::Text(&q.id)),
                    ("question", Value::Shown(&text)),
                    ("options", Value::Phrase(&options)),
                ],
            )
        });
    std::iter::once(ctx.t("weighting-lead").into())
        .chain(questions)
        .collect()
}

/// How the raking went, in words: who was weighted, whether the weights
/// settled and after how many rounds, how far they reach (scaled to a
/// mean of 1) and what the weighting costs in effective sample size.
fn report_rows(ctx: &PageCtx, w: &weighting::Weighted) -> Vec<SummaryRow> {
    let r = &w.report;
    let mut rows = vec![
        SummaryRow::new(ctx.t("weighting-included"), w.included.to_string()),
        SummaryRow::new(ctx.t("weighting-excluded"), left_out(ctx, w.excluded)),
        SummaryRow::new(
            ctx.t("weighting-converged"),
            settled(ctx, settling(r.converged, r.iterations, r.max_error)),
        ),
        SummaryRow::new(
            ctx.t("weighting-effective"),
            format!("{:.0}", r.effective_sample_size),
        ),
    ];
    if let Some((smallest, largest)) = normalised_range(&r.weights) {
        let (smallest, largest) = (format!("{smallest:.2}"), format!("{largest:.2}"));
        rows.push(SummaryRow::new(
            ctx.t("weighting-range"),
            ctx.phrase(
                "weighting-range-value",
                &[
                    ("smallest", Value::Text(&smallest)),
                    ("largest", Value::Text(&largest)),
                ],
            ),
        ));
    }
    rows.push(SummaryRow::new(
        ctx.t("weighting-trimmed"),
        r.trimmed.to_string(),
    ));
    rows
}

/// How many respondents were left out: a count under the smallest one
/// shown is "fewer than 10", like any other small count.
fn left_out(ctx: &PageCtx, excluded: usize) -> Phrase {
    let rules = ctx.state.config.small_base;
    let n = u64::try_from(excluded).unwrap_or(u64::MAX);
    match rules.shows_count(n) {
        true => Phrase::plain(n.to_string()),
        false => ctx.phrase(
            "weighting-excluded-few",
            &[("count", Value::Number(rules.min_count))],
        ),
    }
}

/// "The weights settled after 7 rounds", or did not, and by how much.
fn settled(ctx: &PageCtx, s: Settling) -> Phrase {
    let rounds = |n: usize| Value::Number(u64::try_from(n).unwrap_or(u64::MAX));
    match s {
        Settling::Settled { rounds: 0 } => ctx.t("weighting-settled-at-once").into(),
        Settling::Settled { rounds: n } => {
            ctx.phrase("weighting-settled", &[("rounds", rounds(n))])
        }
        Settling::Unsettled {
            rounds: n,
            gap_tenths: 0,
        } => ctx.phrase("weighting-unsettled-tiny", &[("rounds", rounds(n))]),
        Settling::Unsettled {
            rounds: n,
            gap_tenths,
        } => {
            // Always one decimal ("1.0 percentage points"), so the unit
            // reads as a plural in every case.
            let gap = format!("{}.{}", gap_tenths / 10, gap_tenths % 10);
            ctx.phrase(
                "weighting-unsettled",
                &[("rounds", rounds(n)), ("gap", Value::Text(&gap))],
            )
        }
    }
}

/// One question's weighted shares beside its unweighted counts, as the
/// services show them to staff (small counts hidden, shares left out
/// where the base is too small).
fn weighted_table(ctx: &PageCtx, question: &QuestionDef, tally: &WeightedTally) -> FigureTable {
    let langs = Langs::as_written(ctx);
    let labels = shown_options(ctx, &langs, question);
    let effective = format!("{:.0}", tally.effective_base);
    let text = langs.original(question.text.as_str());
    let cells = staff_cells(tally, ctx.state.config.small_base);
    let rows = labels
        .iter()
        .zip(&cells)
        .map(|(label, cell)| {
            let cells = match cell {
                WeightedCell::Hidden => vec![withheld(ctx), withheld(ctx)],
                WeightedCell::Shown { count: n, share } => vec![
                    share.map_or_else(
                        || Figure::shown(ctx.t("weighting-base-small")),
                        |o| {
                            Figure::with_under(
                                percent(ctx, o.share),
                                ctx.phrase(
                                    "weighting-figure-range",
                                    &[(
                                        "range",
                                        Value::Unbroken(&ctx.percent_range(o.low, o.high)),
                                    )],
                                ),
                            )
                        },
                    ),
                    Figure::shown(count(*n)),
                ],
            };
            FigureRow {
                head: label.into(),
                cells,
                total: false,
            }
        })
        .collect();
    let mut key = vec![key_line(ctx.t("weighting-key"))];
    if cells.iter().any(|c| matches!(c, WeightedCell::Hidden)) {
        key.push(hidden_key(ctx));
    }
    FigureTable {
        caption: ctx.phrase(
            "weighting-caption",
            &[
                ("question", Value::Shown(&text)),
                ("base", Value::Number(tally.base)),
                ("effective", Value::Text(&effective)),
            ],
        ),
        corner: ctx.t("results-option").into(),
        head: vec![
            Phrase::heading(&ctx.t("weighting-share"), None),
            Phrase::heading(&ctx.t("weighting-unweighted"), None),
        ],
        rows,
        key,
    }
}
