//! An author's appeal against a moderator's decision on their comment:
//! `GET/POST /discussions/{id}/comments/{cid}/appeal`, once per comment;
//! another moderator decides it (ADR 33).

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::discussion::comment::State;
use cohesion_domain::ErrorCode;
use cohesion_services::accounts::SignedIn;
use cohesion_services::discussions::reading::{self, CommentView};
use cohesion_services::discussions::{moderating, Appeal, AppealMark};
use cohesion_services::ServiceError;
use cohesion_ui::{Field, FieldError, FormPage, Phrase, ReportPage, Value};
use serde::Deserialize;

use super::page::find;
use super::wording::appeal_standing;
use crate::kit::{
    check_session_csrf, field_messages, path_id, respond, see_other, AppError, Me, PageCtx,
    StrictForm,
};

#[derive(Deserialize, Default)]
pub(super) struct AppealInput {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    text: String,
}

/// One's own hidden comment, or one whose appeal was made (an overturned
/// appeal's comment is shown again, and its page says how it went); any
/// other is not found here.
async fn own_hidden(
    ctx: &PageCtx,
    me: &SignedIn,
    id: &str,
    cid: &str,
) -> Result<CommentView, AppError> {
    let d = find(ctx, id).await?;
    let cid = path_id(cid)?;
    let v = reading::comment(&ctx.state.db, Some(me), &d, cid).await?;
    match v.mine && (v.comment.state == State::Hidden || v.appealed.is_some()) {
        true => Ok(v),
        false => Err(ServiceError::NotFound.into()),
    }
}

async fn form<'a>(
    ctx: &'a PageCtx,
    me: &SignedIn,
    v: &CommentView,
    sent: &AppealInput,
    errors: Vec<FieldError>,
) -> Result<FormPage<'a>, AppError> {
    let d = v.comment.discussion_id;
    let action = format!("/discussions/{d}/comments/{}/appeal", v.comment.id);
    let ui = match ctx.posted() {
        true => ctx.chrome_switching_at(&action, "appeal-title").await?,
        false => ctx.chrome_for(&action, "appeal-title").await?,
    };
    let mut page = FormPage::new(
        ui.with_nav("discussions"),
        me.csrf.clone(),
        &action,
        ctx.t("appeal-button"),
    );
    page.back = Some((
        format!("/discussions/{d}#comment-{}", v.comment.id),
        ctx.t("discussion-thread-back"),
    ));
    page.lead = vec![ctx.t("appeal-lead").into()];
    page.lead.extend(appealed(ctx, me, v).await?);
    page.fields = vec![
        Field::new("text", "textarea", "off", ctx.t("appeal-text-label"))
            .hint(ctx.t("appeal-text-hint"))
            .value(&sent.text)
            .errors_from(&errors),
    ];
    page.errors = errors;
    // The house rules say what moderators act on, and how appeals work.
    page.links = vec![super::list::house_rules_link(ctx)];
    Ok(page)
}

/// What is appealed, so the author need not remember it: their comment
/// as they wrote it, and every decision the appeal covers, with when it
/// was taken and its public reason.
async fn appealed(ctx: &PageCtx, me: &SignedIn, v: &CommentView) -> Result<Vec<Phrase>, AppError> {
    let mut said = vec![
        ctx.t("appeal-your-comment").into(),
        Phrase::isolated(&v.comment.body),
    ];
    let db = &ctx.state.db;
    let sanctions = moderating::sanctions_for(db, me, v.comment.id).await?;
    for d in moderating::appealable(db, me, v.comment.id).await? {
        let when = ctx.dates().instant(d.created_at.as_offset());
        let reason = d
            .reason
            .as_deref()
            .map(|r| ctx.t(&format!("report-reason-{r}")))
            .unwrap_or_default();
        // A suspension says until when (its sanction was written at the
        // instant of its decision), or that it has no end.
        let until = sanctions
            .iter()
            .find(|(given, _)| *given == d.created_at)
            .and_then(|(_, until)| *until)
            .map(|at| ctx.dates().day_of(at.as_offset()).text);
        let id = match (d.action.as_str(), &until) {
            ("suspend", None) => "appeal-decision-suspend-open".to_owned(),
            (action, _) => format!("appeal-decision-{action}"),
        };
        let until = until.unwrap_or_default();
        said.push(ctx.phrase(
            &id,
            &[
                ("when", Value::When(&when)),
                ("reason", Value::Text(&reason)),
                ("until", Value::Text(&until)),
            ],
        ));
        // What the moderator wrote to the author with a warning or a
        // suspension, as typed.
        let note = d.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
        if let (Some(note), "warn" | "suspend") = (note, d.action.as_str()) {
            said.push(ctx.phrase(
                "notification-moderation-note",
                &[("note", Value::Text(note))],
            ));
        }
    }
    Ok(said)
}

/// `GET /discussions/{id}/comments/{cid}/appeal`.
pub(super) async fn appeal_form(
    ctx: PageCtx,
    Me(me): Me,
    Path((id, cid)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let v = own_hidden(&ctx, &me, &id, &cid).await?;
    if let Some(sent) = moderating::my_appeal(&ctx.state.db, &me, v.comment.id).await? {
        return appeal_sent(&ctx, &me, &v, &sent).await;
    }
    let page = form(&ctx, &me, &v, &AppealInput::default(), Vec::new()).await?;
    respond(StatusCode::OK, page, None)
}

/// Where an appeal already made stands: waiting for a moderator who did
/// not take the decision, or decided (when, upheld or overturned, and
/// the deciding moderator's note); with what was appealed.
async fn appeal_sent(
    ctx: &PageCtx,
    me: &SignedIn,
    v: &CommentView,
    sent: &Appeal,
) -> Result<Response, AppError> {
    let d = v.comment.discussion_id;
    let here = format!("/discussions/{d}/comments/{}/appeal", v.comment.id);
    let ui = ctx.chrome_for(&here, "appeal-title").await?;
    let mut page = ReportPage::new(ui.with_nav("discussions"));
    page.back = Some((
        format!("/discussions/{d}#comment-{}", v.comment.id),
        ctx.t("discussion-thread-back"),
    ));
    page.lead = match sent.outcome {
        // Decided: how, on which day, and what the moderator wrote.
        Some(_) => {
            let mark = AppealMark {
                at: sent.created_at,
                outcome: sent.outcome.clone(),
                decided_at: sent.decided_at,
            };
            let mut said = vec![Phrase::plain(appeal_standing(ctx, &mark, v.comment.state))];
            let note = sent.decision_note.as_deref().map(str::trim);
            if let Some(note) = note.filter(|n| !n.is_empty()) {
                said.push(ctx.phrase("appeal-status-note", &[("note", Value::Text(note))]));
            }
            said
        }
        None => {
            let when = ctx.dates().instant(sent.created_at.as_offset());
            vec![ctx.phrase("appeal-status-waiting", &[("when", Value::When(&when))])]
        }
    };
    page.lead.extend(appealed(ctx, me, v).await?);
    let (href, label) = super::list::house_rules_link(ctx);
    page.links = vec![(href, label.into())];
    respond(StatusCode::OK, page, None)
}

/// `POST /discussions/{id}/comments/{cid}/appeal`.
pub(super) async fn appeal(
    ctx: PageCtx,
    Me(me): Me,
    Path((id, cid)): Path<(String, String)>,
    StrictForm(f): StrictForm<AppealInput>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &f.csrf)?;
    let v = own_hidden(&ctx, &me, &id, &cid).await?;
    let (status, errors) = match moderating::appeal(&ctx.state.db, &me, v.comment.id, &f.text).await
    {
        // Said inside the comment, where the page opens.
        Ok(()) => {
            return Ok(see_other(&super::forms::shown_at(
                v.comment.discussion_id,
                "appeal-sent",
                v.comment.id,
            )))
        }
        Err(ServiceError::Invalid(e)) => (StatusCode::UNPROCESSABLE_ENTITY, vec![e]),
        Err(ServiceError::InvalidFields(list)) => (StatusCode::UNPROCESSABLE_ENTITY, list),
        Err(ServiceError::Conflict(e)) => (StatusCode::CONFLICT, vec![e]),
        Err(other) => return Err(other.into()),
    };
    let kit = field_messages(&ctx, &errors);
    let problems = errors
        .iter()
        .zip(kit)
        .map(|(e, said)| match e.code {
            ErrorCode::FieldRequired => FieldError {
                field: "text",
                message: ctx.t("appeal-error-text"),
            },
            ErrorCode::AlreadyResponded => FieldError {
                field: "text",
                message: ctx.t("appeal-error-again"),
            },
            ErrorCode::InvalidChoice => FieldError {
                field: "text",
                message: ctx.t("appeal-error-nothing"),
            },
            _ => said,
        })
        .collect();
    let page = form(&ctx, &me, &v, &f, problems).await?;
    respond(status, page, None)
}
