//! Acting on a comment: agreeing (or withdrawing it), reporting it with
//! a reason, and deleting one's own after being asked (ADR 22). Every
//! address names the discussion and the comment; a comment of another
//! discussion is not found there.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::discussion::moderation::ReportReason;
use cohesion_domain::{ErrorCode, ErrorDetail, ValidationError};
use cohesion_services::accounts::SignedIn;
use cohesion_services::discussions::reading::CommentView;
use cohesion_services::discussions::{commenting, reactions, reading};
use cohesion_services::ServiceError;
use cohesion_ui::discussions::{ReasonChoice, ReportFormPage};
use cohesion_ui::{Field, FieldError, NoticePage, Phrase};
use serde::Deserialize;

use super::list::house_rules_link;
use super::page::find;
use super::wording::first_part;
use crate::kit::confirm::{act_or_ask, ask, Ask};
use crate::kit::{
    check_session_csrf, field_messages, path_id, respond, safe_next, see_other, AppError, Me,
    PageCtx, StrictForm,
};

/// The comment `cid` of the discussion `id` as `me` sees it.
async fn comment_of(
    ctx: &PageCtx,
    me: &SignedIn,
    id: &str,
    cid: &str,
) -> Result<CommentView, AppError> {
    let d = find(ctx, id).await?;
    let cid = path_id(cid)?;
    Ok(reading::comment(&ctx.state.db, Some(me), &d, cid).await?)
}

#[derive(Deserialize)]
pub(super) struct AgreeInput {
    #[serde(default)]
    csrf: String,
    /// `yes` to agree, `no` to withdraw.
    #[serde(default)]
    agree: String,
    /// The page the button was on.
    #[serde(default)]
    from: String,
}

/// `POST /discussions/{id}/comments/{cid}/agree`.
pub(super) async fn agree(
    ctx: PageCtx,
    Me(me): Me,
    Path((id, cid)): Path<(String, String)>,
    StrictForm(f): StrictForm<AgreeInput>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &f.csrf)?;
    let v = comment_of(&ctx, &me, &id, &cid).await?;
    let yes = match f.agree.as_str() {
        "yes" => true,
        "no" => false,
        _ => return Err(ValidationError::new("agree", ErrorCode::InvalidChoice).into()),
    };
    let d = v.comment.discussion_id;
    reactions::agree(&ctx.state.db, &me, v.comment.id, yes).await?;
    let own = format!("/discussions/{d}");
    let back = safe_next(&f.from)
        .filter(|p| {
            *p == own || p.starts_with(&format!("{own}?")) || p.starts_with(&format!("{own}/"))
        })
        .unwrap_or(&own);
    let sep = if back.contains('?') { '&' } else { '?' };
    let done = if yes {
        "comment-agreed"
    } else {
        "agreement-withdrawn"
    };
    // `comment=` names the comment, which then says what was done where
    // the page opens (the banner at the top is out of sight there).
    Ok(see_other(&format!(
        "{back}{sep}done={done}&comment={c}#comment-{c}",
        c = v.comment.id
    )))
}

#[derive(Deserialize)]
pub(super) struct ConfirmInput {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    confirm: String,
}

/// What deleting one's comment will do.
fn delete_question(ctx: &PageCtx, v: &CommentView) -> Ask {
    let d = v.comment.discussion_id;
    Ask {
        title: ctx.t("comment-delete-title").into(),
        lead: vec![quoted(&v.comment.body), ctx.t("comment-delete-lead").into()],
        points: Vec::new(),
        after: vec![ctx.t("comment-delete-after").into()],
        warning: Some(ctx.t("comment-delete-warning")),
        hidden: Vec::new(),
        button: ctx.t("comment-delete-button"),
        danger: true,
        cancel: format!("/discussions/{d}#comment-{}", v.comment.id),
    }
}

/// A comment's text as quoted on a page that acts on it: its first part
/// when long.
fn quoted(body: &str) -> Phrase {
    match first_part(body) {
        Some(head) => Phrase::isolated(&format!("{head} …")),
        None => Phrase::isolated(body),
    }
}

/// One's own comment, still there to delete; others' are not found.
async fn own(ctx: &PageCtx, me: &SignedIn, id: &str, cid: &str) -> Result<CommentView, AppError> {
    let v = comment_of(ctx, me, id, cid).await?;
    match v.mine
        && matches!(
            v.shown,
            cohesion_domain::discussion::comment::Shown::Text { .. }
        ) {
        true => Ok(v),
        false => Err(ServiceError::NotFound.into()),
    }
}

/// `GET /discussions/{id}/comments/{cid}/delete`: the question.
pub(super) async fn delete_form(
    ctx: PageCtx,
    Me(me): Me,
    Path((id, cid)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let v = own(&ctx, &me, &id, &cid).await?;
    let action = format!(
        "/discussions/{}/comments/{}/delete",
        v.comment.discussion_id, v.comment.id
    );
    ask(&ctx, &me.csrf, &action, delete_question(&ctx, &v)).await
}

/// `POST /discussions/{id}/comments/{cid}/delete`: with `confirm=yes`,
/// deletes it.
pub(super) async fn delete(
    ctx: PageCtx,
    Me(me): Me,
    Path((id, cid)): Path<(String, String)>,
    StrictForm(f): StrictForm<ConfirmInput>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &f.csrf)?;
    let v = own(&ctx, &me, &id, &cid).await?;
    let d = v.comment.discussion_id;
    let action = format!("/discussions/{d}/comments/{}/delete", v.comment.id);
    act_or_ask(
        &ctx,
        &me.csrf,
        &action,
        &f.confirm,
        async || Ok(delete_question(&ctx, &v)),
        async || {
            commenting::delete(&ctx.state.db, &me, v.comment.id).await?;
            // A comment with replies keeps its place and says so itself;
            // one without is gone, and the page opens at its top, where
            // the confirmation then is.
            Ok(super::forms::shown_at(d, "comment-deleted", v.comment.id))
        },
    )
    .await
}

#[derive(Deserialize)]
pub(super) struct ReportInput {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    note: String,
}

/// The report form, with what was sent and its problems.
async fn report_page<'a>(
    ctx: &'a PageCtx,
    me: &SignedIn,
    v: &CommentView,
    sent: &ReportInput,
    errors: Vec<FieldError>,
) -> Result<ReportFormPage<'a>, AppError> {
    let d = v.comment.discussion_id;
    let action = format!("/discussions/{d}/comments/{}/report", v.comment.id);
    let ui = match ctx.posted() {
        true => {
            ctx.chrome_switching_at(&action, "comment-report-title")
                .await?
        }
        false => ctx.chrome_for(&action, "comment-report-title").await?,
    };
    let reasons = ReportReason::ALL
        .iter()
        .map(|r| ReasonChoice {
            code: r.code(),
            label: ctx.t(&format!("report-reason-{}", r.code())),
            hint: ctx.t(&format!("report-reason-{}-hint", r.code())),
        })
        .collect();
    let note = Field::new("note", "textarea", "off", ctx.t("report-note-label"))
        .hint(ctx.t("report-note-hint"))
        .value(&sent.note)
        .errors_from(&errors);
    Ok(ReportFormPage {
        ui: ui.with_nav("discussions"),
        back: Some((
            format!("/discussions/{d}#comment-{}", v.comment.id),
            ctx.t("discussion-thread-back"),
        )),
        lead: ctx.t("comment-report-lead"),
        comment: quoted(&v.comment.body),
        csrf: me.csrf.clone(),
        action,
        legend: ctx.t("report-reason-label"),
        reasons,
        reason: sent.reason.clone(),
        reason_error: errors
            .iter()
            .find(|e| e.field == "reason")
            .map(|e| e.message.clone()),
        note,
        button: ctx.t("comment-report-button"),
        links: vec![house_rules_link(ctx)],
        errors,
    })
}

/// Someone else's published comment, to report.
async fn reportable(
    ctx: &PageCtx,
    me: &SignedIn,
    id: &str,
    cid: &str,
) -> Result<CommentView, AppError> {
    let v = comment_of(ctx, me, id, cid).await?;
    let published = v.comment.state == cohesion_domain::discussion::comment::State::Published;
    match published && !v.mine {
        true => Ok(v),
        false => Err(ServiceError::NotFound.into()),
    }
}

/// `GET /discussions/{id}/comments/{cid}/report`.
pub(super) async fn report_form(
    ctx: PageCtx,
    Me(me): Me,
    Path((id, cid)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let v = reportable(&ctx, &me, &id, &cid).await?;
    let empty = ReportInput {
        csrf: String::new(),
        reason: String::new(),
        note: String::new(),
    };
    let page = report_page(&ctx, &me, &v, &empty, Vec::new()).await?;
    respond(StatusCode::OK, page, None)
}

/// Problems with a report in words about a report.
fn report_problems(ctx: &PageCtx, errors: &[ValidationError]) -> Vec<FieldError> {
    let kit = field_messages(ctx, errors);
    errors
        .iter()
        .zip(kit)
        .map(|(e, said)| match (e.field, e.code) {
            ("reason", ErrorCode::InvalidChoice) => FieldError {
                field: "reason",
                message: ctx.t("report-error-reason"),
            },
            ("note", ErrorCode::FieldRequired) => FieldError {
                field: "note",
                message: ctx.t("report-error-note-other"),
            },
            ("note", ErrorCode::FieldTooLong) => {
                let limit = match e.detail {
                    Some(ErrorDetail::Limit(max)) => u64::from(max),
                    _ => reactions::MAX_NOTE_CHARS as u64,
                };
                FieldError {
                    field: "note",
                    message: ctx
                        .locale()
                        .t_plain("report-error-note-too-long", &[("limit", limit.into())]),
                }
            }
            _ => said,
        })
        .collect()
}

/// `POST /discussions/{id}/comments/{cid}/report`.
pub(super) async fn report(
    ctx: PageCtx,
    Me(me): Me,
    Path((id, cid)): Path<(String, String)>,
    StrictForm(f): StrictForm<ReportInput>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &f.csrf)?;
    let v = reportable(&ctx, &me, &id, &cid).await?;
    let errors = match reactions::report(&ctx.state.db, &me, v.comment.id, &f.reason, &f.note).await
    {
        Ok(d) => {
            return Ok(see_other(&format!(
                "/discussions/{d}/comments/{}/reported",
                v.comment.id
            )))
        }
        // Reported already (the form sent twice, or the comment reported
        // earlier): the report stands, so the reader gets the same
        // thanks and way back rather than an error.
        Err(ServiceError::Conflict(e)) if e.code == ErrorCode::AlreadyReported => {
            return Ok(see_other(&format!(
                "/discussions/{}/comments/{}/reported",
                v.comment.discussion_id, v.comment.id
            )))
        }
        Err(ServiceError::Invalid(e)) => vec![e],
        Err(ServiceError::InvalidFields(list)) => list,
        Err(other) => return Err(other.into()),
    };
    let problems = report_problems(&ctx, &errors);
    let page = report_page(&ctx, &me, &v, &f, problems).await?;
    respond(StatusCode::UNPROCESSABLE_ENTITY, page, None)
}

/// `GET /discussions/{id}/comments/{cid}/reported`: thanks, and what
/// happens next.
pub(super) async fn reported(
    ctx: PageCtx,
    Path((id, cid)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let d = find(&ctx, &id).await?;
    let cid = path_id(&cid)?;
    let page = NoticePage {
        ui: ctx
            .chrome_for(
                &format!("/discussions/{}/comments/{cid}/reported", d.id),
                "reported-title",
            )
            .await?
            .with_nav("discussions"),
        text: ctx.t("reported-text").into(),
        link: Some((
            format!("/discussions/{}#comment-{cid}", d.id),
            ctx.t("reported-back").into(),
        )),
    };
    respond(StatusCode::OK, page, None)
}
