//! `GET /moderation/screening`: how well screening is doing, so that
//! nobody trusts it blindly: per kind of reason and overall, precision
//! and recall of "held" against moderators' decisions that the classifier
//! did not train on, the classifier's version and date, and what the
//! figures mean.

use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::discussion::screening::FEWEST_FOR_A_FIGURE;
use cohesion_services::discussions::classifier::MIN_PER_CLASS;
use cohesion_services::discussions::quality::{self, Line};
use cohesion_ui::{Cell, Phrase, ReportPage, Table, Value};

use crate::kit::{respond, whole_percent, AppError, May, Moderate, PageCtx};

pub(super) async fn page(ctx: PageCtx, May(me, _): May<Moderate>) -> Result<Response, AppError> {
    let q = quality::quality(&ctx.state.db, &me).await?;
    let ui = ctx
        .chrome_for("/moderation/screening", "screening-quality-title")
        .await?;
    let mut view = ReportPage::new(ui.with_nav("manage"));
    view.back = Some(("/moderation".to_owned(), ctx.t("moderation-back")));
    view.lead = vec![
        ctx.t("screening-quality-lead").into(),
        ctx.phrase(
            "screening-quality-measures",
            &[("fewest", Value::Number(FEWEST_FOR_A_FIGURE as u64))],
        ),
    ];
    view.lead.push(match &q.model {
        Some(m) => {
            let when = ctx.dates().instant(m.trained_at.as_offset());
            let precision = figure(&ctx, Some(m.precision_tested));
            let recall = figure(&ctx, Some(m.recall_tested));
            ctx.phrase(
                "screening-quality-model",
                &[
                    ("version", Value::Number(m.version.max(0) as u64)),
                    ("when", Value::When(&when)),
                    ("hidden", Value::Number(m.hidden_trained.max(0) as u64)),
                    ("kept", Value::Number(m.kept_trained.max(0) as u64)),
                    (
                        "tested",
                        Value::Number((m.hidden_tested + m.kept_tested).max(0) as u64),
                    ),
                    ("precision", Value::Phrase(&precision)),
                    ("recall", Value::Phrase(&recall)),
                ],
            )
        }
        None => ctx.phrase(
            "screening-quality-no-model",
            &[("fewest", Value::Number(MIN_PER_CLASS as u64))],
        ),
    });
    view.lead.push(match q.since {
        Some(since) => {
            let when = ctx.dates().instant(since.as_offset());
            ctx.phrase(
                "screening-quality-counted-since",
                &[
                    ("decided", Value::Number(q.decided.max(0) as u64)),
                    ("hidden", Value::Number(q.hidden.max(0) as u64)),
                    ("when", Value::When(&when)),
                ],
            )
        }
        None => ctx.phrase(
            "screening-quality-counted",
            &[
                ("decided", Value::Number(q.decided.max(0) as u64)),
                ("hidden", Value::Number(q.hidden.max(0) as u64)),
            ],
        ),
    });
    view.tables.push(Table {
        caption: ctx.t("screening-quality-caption").into(),
        head: [
            "screening-quality-reason",
            "screening-quality-held",
            "screening-quality-held-hidden",
            "screening-quality-precision",
            "screening-quality-recall",
        ]
        .iter()
        .map(|k| ctx.t(k).into())
        .collect(),
        rows: q.lines.iter().map(|l| row(&ctx, l)).collect(),
        empty: ctx.t("screening-quality-empty"),
    });
    view.links = vec![
        (
            "/moderation".to_owned(),
            ctx.t("moderation-open-queue").into(),
        ),
        (
            "/moderation/words".to_owned(),
            ctx.t("moderation-words-link").into(),
        ),
    ];
    respond(StatusCode::OK, view, None)
}

fn row(ctx: &PageCtx, l: &Line) -> Vec<Cell> {
    let name: Phrase = match l.kind {
        Some(kind) => ctx.t(&format!("screening-kind-{kind}")).into(),
        None => ctx.t("screening-kind-all").into(),
    };
    vec![
        name.into(),
        Phrase::plain(l.held.max(0).to_string()).into(),
        Phrase::plain(l.held_hidden.max(0).to_string()).into(),
        figure(ctx, l.precision).into(),
        figure(ctx, l.recall).into(),
    ]
}

/// A share as a whole percentage, or "too few decisions".
fn figure(ctx: &PageCtx, share: Option<f64>) -> Phrase {
    match share {
        Some(s) => ctx.phrase(
            "figure-percent",
            &[("percent", Value::Number(whole_percent(s)))],
        ),
        None => ctx.t("screening-quality-too-few").into(),
    }
}
