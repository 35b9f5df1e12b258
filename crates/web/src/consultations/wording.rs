//! How the consultations' pages word things: a consultation's status,
//! a question's options, a figure with its share, and the messages that
//! take a value.

use cohesion_domain::consultation::{Consultation, Stage, StageState};
use cohesion_domain::survey::model::{Options, QuestionDef};
use cohesion_domain::timestamp::Timestamp;
use cohesion_services::consultations::results;

use crate::kit::{whole_percent, PageCtx};
use cohesion_ui::{Phrase, Value};

pub(super) fn tn(ctx: &PageCtx, id: &str, name: &str, n: u64) -> String {
    ctx.locale().t_args(id, &[(name, n.into())])
}

pub(super) fn t1(ctx: &PageCtx, id: &str, name: &str, value: &str) -> String {
    ctx.locale().t_args(id, &[(name, value.into())])
}

pub(super) fn t2(ctx: &PageCtx, id: &str, a: (&str, &str), b: (&str, &str)) -> String {
    ctx.locale()
        .t_args(id, &[(a.0, a.1.into()), (b.0, b.1.into())])
}

/// A consultation's status key (`draft` until published) and its label.
pub(super) fn status_label(ctx: &PageCtx, c: &Consultation) -> (&'static str, String) {
    let key = c.status_key(Timestamp::now());
    (key, ctx.t(&format!("status-{key}")))
}

/// Where each stage of a timeline stands today in the site's time zone:
/// as an officer set it, or as its dates put it (`domain::timeline`).
pub(super) fn stage_states(ctx: &PageCtx, stages: &[Stage]) -> Vec<StageState> {
    let now = time::OffsetDateTime::now_utc();
    let today = ctx.state.config.time_zone.civil(now).date();
    cohesion_domain::timeline::states(stages, today)
}

/// The labels of a question's options in the page's language.
pub(super) fn option_labels(ctx: &PageCtx, q: &QuestionDef) -> Vec<String> {
    match q.kind.options() {
        Options::None => Vec::new(),
        Options::Written(list) => list.to_vec(),
        Options::Keys(prefix, keys) => keys
            .iter()
            .map(|k| ctx.t(&format!("{prefix}-{k}")))
            .collect(),
    }
}

/// "42 (35%, 27–44%)", the range on one line, or why a figure is hidden.
pub(super) fn figure(ctx: &PageCtx, cell: &results::Cell) -> Phrase {
    match (cell.count, &cell.share) {
        (None, _) => ctx.t("results-hidden").into(),
        (Some(n), None) => n.to_string().into(),
        (Some(n), Some(p)) => ctx.phrase(
            "results-figure",
            &[
                ("count", Value::Number(n)),
                ("percent", Value::Number(whole_percent(p.share))),
                ("range", Value::Unbroken(&ctx.percent_range(p.low, p.high))),
            ],
        ),
    }
}
