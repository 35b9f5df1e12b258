//! Results weighted to population margins, for staff who analyse.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::survey::model::{QuestionDef, QuestionKind};
use cohesion_insight::weighted::WeightedTally;
use cohesion_services::consultations::results::weighting::{self, staff_cells, WeightedCell};
use cohesion_services::ServiceError;
use cohesion_ui::{Cell, Field, FieldError, Filter, Phrase, SummaryRow, Table, Value};
use serde::Deserialize;

use super::analysis_frame;
use crate::consultations::questions::shown_options;
use crate::consultations::wording::option_labels;
use crate::kit::{field_messages, respond, Analyse, AppError, ClientKey, Langs, May, PageCtx};

#[derive(Deserialize, Default)]
pub struct WeightingQuery {
    #[serde(default)]
    margins: String,
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
    let path = format!("/staff/consultations/{id}/weighting");
    page.back = Some((format!("/staff/consultations/{id}"), ctx.t("back")));
    // The questions margins can name: "q1 (5): its text", the text as
    // written, in its language.
    let langs = Langs::as_written(&ctx);
    let choices = v
        .survey
        .questions()
        .filter(|q| q.kind.is_choice() && !matches!(q.kind, QuestionKind::MultipleChoice { .. }))
        .map(|q| {
            let name = format!("{} ({})", q.id, option_labels(&ctx, q).len());
            Phrase::join([name.into(), langs.original(q.text.as_str()).into()], ": ")
        });
    page.lead = vec![ctx.t("weighting-lead").into(), Phrase::join(choices, " · ")];
    let filter = |errors: &[FieldError]| Filter {
        action: path.clone(),
        fields: vec![
            Field::new("margins", "textarea", "off", ctx.t("weighting-margins"))
                .hint(ctx.t("weighting-margins-hint"))
                .value(&q.margins)
                .errors_from(errors),
        ],
        button: ctx.t("weighting-apply"),
    };
    if q.margins.trim().is_empty() {
        page.filter = Some(filter(&[]));
        return respond(StatusCode::OK, page, None);
    }
    let weighted =
        match weighting::weighted(&ctx.state.db, &me, id, &q.margins, Some(&client.0)).await {
            Ok(w) => w,
            Err(ServiceError::Invalid(e)) => {
                // Margins that cannot be used: the form again, with why.
                page.errors = field_messages(&ctx, &[e]);
                page.filter = Some(filter(&page.errors));
                return respond(StatusCode::UNPROCESSABLE_ENTITY, page, None);
            }
            Err(e) => return Err(e.into()),
        };
    page.filter = Some(filter(&[]));
    page.rows = report_rows(&ctx, &weighted);
    for (question, tally) in &weighted.questions {
        page.tables.push(weighted_table(&ctx, question, tally));
    }
    respond(StatusCode::OK, page, None)
}

/// How the raking went: who was weighted, whether it converged, and how
/// far the weights range.
fn report_rows(ctx: &PageCtx, w: &weighting::Weighted) -> Vec<SummaryRow> {
    let r = &w.report;
    let yes_no = |b: bool| ctx.t(if b { "yes" } else { "no" });
    vec![
        SummaryRow::new(ctx.t("weighting-included"), w.included.to_string()),
        SummaryRow::new(ctx.t("weighting-excluded"), w.excluded.to_string()),
        SummaryRow::new(
            ctx.t("weighting-converged"),
            format!(
                "{} ({} {})",
                yes_no(r.converged),
                r.iterations,
                ctx.t("weighting-iterations")
            ),
        ),
        SummaryRow::new(ctx.t("weighting-max-error"), format!("{:.2e}", r.max_error)),
        SummaryRow::new(
            ctx.t("weighting-effective"),
            format!("{:.0}", r.effective_sample_size),
        ),
        SummaryRow::new(
            ctx.t("weighting-range"),
            format!("{:.2} – {:.2}", r.min_weight, r.max_weight),
        ),
        SummaryRow::new(ctx.t("weighting-trimmed"), r.trimmed.to_string()),
    ]
}

/// One question's weighted shares beside its unweighted counts, as the
/// services show them to staff (small counts hidden, shares left out
/// where the base is too small).
fn weighted_table(ctx: &PageCtx, question: &QuestionDef, tally: &WeightedTally) -> Table {
    let langs = Langs::as_written(ctx);
    let labels = shown_options(ctx, &langs, question);
    let effective = format!("{:.0}", tally.effective_base);
    Table {
        caption: ctx.phrase(
            "weighting-caption",
            &[
                (
                    "question",
                    Value::Shown(&langs.original(question.text.as_str())),
                ),
                ("base", Value::Number(tally.base)),
                ("effective", Value::Text(&effective)),
            ],
        ),
        head: vec![
            ctx.t("results-option").into(),
            ctx.t("weighting-share").into(),
            ctx.t("weighting-unweighted").into(),
        ],
        rows: labels
            .iter()
            .zip(staff_cells(tally, ctx.state.config.small_base))
            .map(|(label, cell)| {
                let (share, count) = match cell {
                    WeightedCell::Hidden => (ctx.t("results-hidden"), ctx.t("results-hidden")),
                    WeightedCell::Shown { count, share } => (
                        share.map_or_else(
                            || ctx.t("weighting-base-small"),
                            |o| {
                                format!(
                                    "{:.0}% ({:.0}–{:.0}%)",
                                    o.share * 100.0,
                                    o.low * 100.0,
                                    o.high * 100.0
                                )
                            },
                        ),
                        count.to_string(),
                    ),
                };
                vec![Cell::from(label), Cell::from(share), Cell::from(count)]
            })
            .collect(),
        empty: String::new(),
    }
}
