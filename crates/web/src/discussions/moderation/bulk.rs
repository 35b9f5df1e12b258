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
use cohesion_ui::{FieldError, Phrase, ReportPage, Value};
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
                cancel: "/moderation".to_owned(),
            };
            return confirm::ask(&ctx, &me.csrf, "/moderation/bulk", ask).await;
        }
    }
    let client = Some(client.0.as_str());
    let outcome = bulk::decide_many(&ctx.state.db, &me, &ids, &decision, sent.note, client).await;
    match outcome {
        Ok(o) => Ok(see_other(&summary_href(&decision, &o))),
        Err(ServiceError::Invalid(e)) if e.field == "note" => {
            refused(&ctx, &[("note", "moderation-error-bulk-note")]).await
        }
        Err(other) => Err(other.into()),
    }
}

/// Where the queue says what a bulk decision did: the counts travel in
/// its address, so a reload shows the same summary and changes nothing.
fn summary_href(decision: &Decision, o: &BulkOutcome) -> String {
    let skipped = |r: Refusal| o.skipped.get(&r).copied().unwrap_or(0);
    format!(
        "/moderation?done=moderation-bulk&did={}&decided={}&own={}&escalated={}&gone={}",
        decision.code(),
        o.decided,
        skipped(Refusal::OwnComment),
        skipped(Refusal::Escalated),
        skipped(Refusal::AlreadyDecided)
            + skipped(Refusal::NotApplicable)
            + skipped(Refusal::NotFound),
    )
}

/// What a bulk decision did, in words, from the queue's address.
pub(super) fn summary(
    ctx: &PageCtx,
    did: &str,
    decided: u32,
    own: u32,
    escalated: u32,
    gone: u32,
) -> Phrase {
    let key = match did {
        "hide" => "moderation-bulk-hidden",
        _ => "moderation-bulk-approved",
    };
    let mut parts = vec![ctx.phrase(key, &[("count", Value::Number(decided.into()))])];
    for (n, key) in [
        (own, "moderation-bulk-skipped-own"),
        (escalated, "moderation-bulk-skipped-escalated"),
        (gone, "moderation-bulk-skipped-gone"),
    ] {
        if n > 0 {
            parts.push(ctx.phrase(key, &[("count", Value::Number(n.into()))]));
        }
    }
    Phrase::join(parts, &ctx.t("moderation-bulk-separator"))
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
