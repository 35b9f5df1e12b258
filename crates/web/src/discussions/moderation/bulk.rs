//! `POST /moderation/bulk`: the comments ticked in the queue, approved
//! or hidden for one public reason at once. Hiding more than one asks
//! first (ADR 22); each comment becomes its own decision, all in one
//! transaction, and the queue then says what was done and what was
//! skipped and why ("3 hidden; 1 skipped: your own comment").

use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::discussion::decision::Decision;
use cohesion_services::discussions::bulk::{self, BulkOutcome, MAX_BULK};
use cohesion_services::discussions::moderating::Refusal;
use cohesion_services::ServiceError;
use cohesion_ui::{FieldError, Phrase, ReportPage, SummaryRow, Value};
use uuid::Uuid;

use super::report_reason;
use crate::kit::confirm::{self, Ask};
use crate::kit::{
    check_session_csrf, respond, see_other, AppError, ClientKey, May, Moderate, PageCtx, StrictForm,
};

/// The form's fields, read from its pairs: `items` comes once per
/// ticked card.
struct Sent<'a> {
    items: Vec<&'a str>,
    action: &'a str,
    reason: &'a str,
    note: &'a str,
    confirm: &'a str,
    /// The queue as it was narrowed when the form was sent.
    from: &'a str,
}

fn read(pairs: &[(String, String)]) -> (Sent<'_>, &str) {
    let one = |name: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    };
    let sent = Sent {
        items: pairs
            .iter()
            .filter(|(n, _)| n == "items")
            .map(|(_, v)| v.as_str())
            .collect(),
        action: one("action"),
        reason: one("reason"),
        note: one("note"),
        confirm: one("confirm"),
        from: one("from"),
    };
    (sent, one("csrf"))
}

pub(super) async fn decide(
    ctx: PageCtx,
    May(me, _): May<Moderate>,
    client: ClientKey,
    StrictForm(pairs): StrictForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let (sent, csrf) = read(&pairs);
    check_session_csrf(&me, csrf)?;
    let mut problems = Vec::new();
    let ids: Vec<Uuid> = sent
        .items
        .iter()
        .filter_map(|raw| Uuid::parse_str(raw.trim()).ok())
        .collect();
    if ids.len() != sent.items.len() {
        problems.push(("items", "moderation-error-bulk-items"));
    } else if ids.is_empty() {
        problems.push(("items", "moderation-error-bulk-none"));
    } else if ids.len() > MAX_BULK {
        problems.push(("items", "moderation-error-bulk-many"));
    }
    let decision = match bulk::bulk_decision(sent.action, sent.reason) {
        Ok(d) => Some(d),
        Err(e) => {
            problems.push(match e.field {
                "reason" => ("reason", "moderation-error-reason"),
                _ => ("action", "moderation-error-bulk-action"),
            });
            None
        }
    };
    let Some(decision) = decision.filter(|_| problems.is_empty()) else {
        return refused(&ctx, &problems).await;
    };
    if let Decision::Hide(reason) = &decision {
        if ids.len() > 1 && !confirm::confirmed(sent.confirm) {
            let mut hidden: Vec<(&'static str, String)> =
                ids.iter().map(|id| ("items", id.to_string())).collect();
            hidden.push(("action", "hide".to_owned()));
            hidden.push(("reason", reason.code().to_owned()));
            hidden.push(("note", sent.note.to_owned()));
            hidden.push(("from", back_to(sent.from)));
            let count = [("count", Value::Number(ids.len() as u64))];
            let ask = Ask {
                title: ctx.phrase("moderation-bulk-ask-title", &count),
                lead: vec![ctx.phrase(
                    "moderation-bulk-ask-lead",
                    &[("reason", Value::Text(&report_reason(&ctx, reason.code())))],
                )],
                points: Vec::new(),
                after: vec![ctx.t("moderation-bulk-ask-after").into()],
                warning: None,
                hidden,
                button: ctx.locale().t_plain(
                    "moderation-bulk-ask-button",
                    &[("count", (ids.len() as u64).into())],
                ),
                danger: true,
                cancel: back_to(sent.from),
            };
            return confirm::ask(&ctx, &me.csrf, "/moderation/bulk", ask).await;
        }
    }
    let client = Some(client.0.as_str());
    let outcome = bulk::decide_many(&ctx.state.db, &me, &ids, &decision, sent.note, client).await;
    match outcome {
        Ok(o) => Ok(see_other(&summary_href(sent.from, &decision, &o))),
        Err(ServiceError::Invalid(e)) if e.field == "note" => {
            refused(&ctx, &[("note", "moderation-error-bulk-note")]).await
        }
        Err(other) => Err(other.into()),
    }
}

/// The queue's filters a bulk decision keeps.
const FILTERS: [&str; 4] = ["reason", "discussion", "language", "flag"];

/// The queue as narrowed when the form was sent, from what the form
/// said: its filters only (a page further on, or an earlier summary, is
/// not where the moderator goes back to), and the whole queue when it
/// said anything else.
fn back_to(from: &str) -> String {
    let query = match from.split_once('?') {
        Some(("/moderation", q)) => q,
        _ => "",
    };
    let mut kept = form_urlencoded::Serializer::new(String::new());
    let mut any = false;
    for (k, v) in form_urlencoded::parse(query.as_bytes()) {
        if FILTERS.contains(&k.as_ref()) && !v.is_empty() {
            kept.append_pair(&k, &v);
            any = true;
        }
    }
    match any {
        true => format!("/moderation?{}", kept.finish()),
        false => "/moderation".to_owned(),
    }
}

/// Where the queue says what a bulk decision did: the counts and each
/// skipped comment with its reason's code travel in its address, so a
/// reload shows the same summary and changes nothing; the queue's
/// filters are kept.
fn summary_href(from: &str, decision: &Decision, o: &BulkOutcome) -> String {
    let back = back_to(from);
    let sep = if back.contains('?') { '&' } else { '?' };
    let skipped = o
        .refused
        .iter()
        .map(|(id, why)| format!("{}.{}", id.simple(), why.code()))
        .collect::<Vec<_>>()
        .join(",");
    let mut href = format!(
        "{back}{sep}done=moderation-bulk&did={}&decided={}",
        decision.code(),
        o.decided,
    );
    if !skipped.is_empty() {
        href.push_str("&skipped=");
        href.push_str(&skipped);
    }
    href
}

/// The skipped comments an address names, with why; what cannot be read
/// is left out.
pub(super) fn skipped_of(said: &str) -> Vec<(Uuid, Refusal)> {
    said.split(',')
        .filter_map(|one| {
            let (id, code) = one.split_once('.')?;
            Some((Uuid::try_parse(id).ok()?, Refusal::from_code(code)?))
        })
        .take(MAX_BULK)
        .collect()
}

/// The message counting comments skipped for `why`.
fn skipped_key(why: Refusal) -> &'static str {
    match why {
        Refusal::OwnComment => "moderation-bulk-skipped-own",
        Refusal::Escalated => "moderation-bulk-skipped-escalated",
        Refusal::Appealed => "moderation-bulk-skipped-appealed",
        Refusal::NotApplicable => "moderation-bulk-skipped-not-applicable",
        Refusal::AlreadyDecided => "moderation-bulk-skipped-decided",
        Refusal::NotFound => "moderation-bulk-skipped-not-found",
    }
}

/// What a bulk decision did, in words, from the queue's address: how
/// many were decided, and how many were skipped for each reason.
pub(super) fn summary(
    ctx: &PageCtx,
    did: &str,
    decided: u32,
    skipped: &[(Uuid, Refusal)],
) -> Phrase {
    let key = match did {
        "hide" => "moderation-bulk-hidden",
        _ => "moderation-bulk-approved",
    };
    let mut parts = vec![ctx.phrase(key, &[("count", Value::Number(decided.into()))])];
    for why in Refusal::ALL {
        let n = skipped.iter().filter(|(_, w)| *w == why).count() as u64;
        if n > 0 {
            parts.push(ctx.phrase(skipped_key(why), &[("count", Value::Number(n))]));
        }
    }
    Phrase::join(parts, &ctx.t("moderation-bulk-separator"))
}

/// Each skipped comment with its own reason, and the way to it (an
/// appealed one is decided there, as an appeal).
pub(super) fn skipped_rows(ctx: &PageCtx, skipped: &[(Uuid, Refusal)]) -> Vec<SummaryRow> {
    skipped
        .iter()
        .enumerate()
        .map(|(i, (id, why))| {
            let label = ctx.phrase(
                "moderation-bulk-skipped-item",
                &[("number", Value::Number(i as u64 + 1))],
            );
            let reason = ctx.t(&format!(
                "moderation-bulk-why-{}",
                why.code().replace('_', "-")
            ));
            let row = SummaryRow::new(label, reason);
            match why {
                Refusal::NotFound => row,
                _ => row.change(
                    &format!("/moderation/comments/{id}"),
                    ctx.t("moderation-bulk-skipped-open"),
                ),
            }
        })
        .collect()
}

/// The bulk form refused: what was wrong, and the way back to the queue;
/// nothing was decided.
async fn refused(ctx: &PageCtx, problems: &[(&'static str, &str)]) -> Result<Response, AppError> {
    let ui = ctx
        .chrome_switching_at("/moderation", "moderation-bulk-title")
        .await?;
    let mut view = ReportPage::new(ui.with_nav("moderation"));
    view.back = Some(("/moderation".to_owned(), ctx.t("moderation-back")));
    view.errors = problems
        .iter()
        .map(|(field, key)| FieldError {
            field,
            message: ctx.t(key),
        })
        .collect();
    view.lead = vec![ctx.t("moderation-bulk-nothing-done").into()];
    respond(StatusCode::UNPROCESSABLE_ENTITY, view, None)
}
