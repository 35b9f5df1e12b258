//! Writing: a comment on the discussion, a reply to a comment, and a
//! change to one's own comment within its 15 minutes. Each form carries
//! the session's token; problems with the text show the form again with
//! what was typed (422), and a discussion that takes no comments says so
//! (409).

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::discussion::comment::{State, MAX_COMMENT_CHARS};
use cohesion_domain::discussion::record::Discussion;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::accounts::SignedIn;
use cohesion_services::discussions::{commenting, reading};
use cohesion_services::ServiceError;
use cohesion_ui::{FieldError, FormPage, Phrase, ReportPage};
use serde::Deserialize;
use uuid::Uuid;

use super::list::house_rules_link;
use super::page::{find, is_open, text_field};
use super::translated::title_shown;
use super::wording::{author_name, first_part};
use crate::kit::confirm::stale;
use crate::kit::form::{self, TextWords};
use crate::kit::{
    check_session_csrf, path_id, respond, see_other, AppError, Me, PageCtx, StrictForm,
};

#[derive(Deserialize)]
pub(super) struct TextInput {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    text: String,
    /// A comment or reply form's key (ADR 40); none on the edit form.
    #[serde(default)]
    key: String,
}

/// What a form does, for its page.
enum Writing {
    Comment,
    Reply(Uuid),
    Edit(Uuid),
}

/// Problems with a comment's text in words about a comment; any other
/// field's as the kit says them.
fn text_problems(ctx: &PageCtx, errors: &[ValidationError]) -> Vec<FieldError> {
    let words = TextWords {
        empty: "comment-error-empty",
        too_long: "comment-error-too-long",
        limit: MAX_COMMENT_CHARS,
    };
    form::text_problems(ctx, errors, &words)
}

/// The form page of `writing` in `d`, with `text` and its problems; a
/// reply's form with its `key` (ADR 40), the one it was sent with when
/// it comes back, else a fresh one.
async fn form_page<'a>(
    ctx: &'a PageCtx,
    me: &SignedIn,
    d: &Discussion,
    writing: &Writing,
    (text, key): (&str, &str),
    errors: Vec<FieldError>,
) -> Result<FormPage<'a>, AppError> {
    let path = format!("/discussions/{}", d.id);
    let (action, title, label, button) = match writing {
        Writing::Comment => (
            format!("{path}/comments"),
            "discussion-add-comment",
            "comment-field-text",
            "comment-post-button",
        ),
        Writing::Reply(c) => (
            format!("{path}/comments/{c}/reply"),
            // Named once the comment replied to is read, below.
            "comment-reply-page",
            "comment-field-reply",
            "comment-reply-button",
        ),
        Writing::Edit(c) => (
            format!("{path}/comments/{c}/edit"),
            "comment-edit-title",
            "comment-field-text",
            "comment-edit-button",
        ),
    };
    let mut ui = match ctx.posted() {
        true => ctx.chrome_switching_at(&path, title).await?,
        false => ctx.chrome_for(&action, title).await?,
    };
    let mut lead = vec![Phrase::from(title_shown(ctx, d).await?)];
    match writing {
        Writing::Comment => {}
        Writing::Reply(c) => {
            let parent = reading::comment(&ctx.state.db, Some(me), d, *c).await?;
            if parent.comment.state != State::Published {
                return Err(stale("parent", ErrorCode::ReplyNotAllowed));
            }
            let name = author_name(ctx, parent.comment.author_name.as_deref());
            ui.title = ctx.phrase(
                "comment-reply-title",
                &[("name", cohesion_ui::Value::Phrase(&name))],
            );
            lead.push(ctx.t("comment-replying-to").into());
            let body = &parent.comment.body;
            let quoted = match first_part(body) {
                Some(head) => format!("{head} …"),
                None => body.clone(),
            };
            lead.push(Phrase::isolated(&quoted));
        }
        Writing::Edit(_) => lead.push(ctx.t("comment-edit-lead").into()),
    }
    let mut page = FormPage::new(
        ui.with_nav("discussions"),
        me.csrf.clone(),
        &action,
        ctx.t(button),
    );
    if !matches!(writing, Writing::Edit(_)) {
        let key = match key {
            "" => commenting::form_key()?,
            sent => sent.to_owned(),
        };
        page.hidden.push(("key", key));
    }
    page.back = Some((path, ctx.t("discussion-thread-back")));
    page.lead = lead;
    page.fields = vec![text_field(ctx, label, text, &errors)];
    page.errors = errors;
    page.links = vec![house_rules_link(ctx)];
    Ok(page)
}

/// The form again with its problems (422), or with why it cannot be
/// taken now (409: the discussion closed, the account is suspended, the
/// time to edit ran out) and the text as it was typed, so that nothing
/// written is lost; any other error as it is.
async fn again(
    ctx: &PageCtx,
    me: &SignedIn,
    d: &Discussion,
    writing: Writing,
    (text, key): (&str, &str),
    e: ServiceError,
) -> Result<Response, AppError> {
    let (status, errors) = match e {
        ServiceError::Invalid(v) => (StatusCode::UNPROCESSABLE_ENTITY, vec![v]),
        ServiceError::InvalidFields(list) => (StatusCode::UNPROCESSABLE_ENTITY, list),
        // Said beside the text box, whatever the service named; a reply
        // to a comment no longer shown has no form to go back to.
        ServiceError::Conflict(v) if v.code != ErrorCode::ReplyNotAllowed => (
            StatusCode::CONFLICT,
            vec![ValidationError { field: "text", ..v }],
        ),
        other => return Err(other.into()),
    };
    let mut problems = text_problems(ctx, &errors);
    // A suspension says until when, as the discussion's page does.
    if errors.iter().any(|e| e.code == ErrorCode::AccountSuspended) {
        if let Some(until) = suspended_words(ctx, me).await? {
            for p in problems.iter_mut().filter(|p| p.field == "text") {
                p.message = until.clone();
            }
        }
    }
    let page = form_page(ctx, me, d, &writing, (text, key), problems).await?;
    respond(status, page, None)
}

/// "Your account cannot comment or reply until …", if `me` is
/// suspended now.
async fn suspended_words(ctx: &PageCtx, me: &SignedIn) -> Result<Option<String>, AppError> {
    Ok(commenting::suspended_until(&ctx.state.db, me)
        .await?
        .map(|until| {
            let until = ctx.dates().instant(until).text;
            ctx.locale()
                .t_plain("discussion-suspended-notice", &[("until", until.into())])
        }))
}

/// A suspended member asking for a form that posting would refuse is
/// told until when they cannot comment (409, as the post would answer),
/// with the way back to the discussion, rather than shown the form.
async fn refuse_if_suspended(
    ctx: &PageCtx,
    me: &SignedIn,
    d: &Discussion,
) -> Result<Option<Response>, AppError> {
    let Some(said) = suspended_words(ctx, me).await? else {
        return Ok(None);
    };
    let path = format!("/discussions/{}", d.id);
    let ui = ctx.chrome_for(&path, "comment-suspended-title").await?;
    let mut page = ReportPage::new(ui.with_nav("discussions"));
    page.back = Some((path, ctx.t("discussion-thread-back")));
    page.lead = vec![Phrase::from(title_shown(ctx, d).await?), said.into()];
    page.links = vec![{
        let (href, label) = house_rules_link(ctx);
        (href, label.into())
    }];
    Ok(Some(respond(StatusCode::CONFLICT, page, None)?))
}

/// A form for a discussion that takes no comments now is refused as
/// sending it would be: 409, saying so.
fn refuse_unless_open(d: &Discussion) -> Result<(), AppError> {
    match is_open(d) {
        true => Ok(()),
        false => Err(stale("discussion", ErrorCode::DiscussionNotOpen)),
    }
}

/// Where a comment is shown after a change: the discussion's page, open
/// at the comment, which says what was done (`comment=` names it, as
/// the fragment never reaches the server).
pub(super) fn shown_at(d: Uuid, done: &str, comment: Uuid) -> String {
    format!("/discussions/{d}?done={done}&comment={comment}#comment-{comment}")
}

/// `POST /discussions/{id}/comments`: a new comment.
pub(super) async fn post(
    ctx: PageCtx,
    Me(me): Me,
    Path(id): Path<String>,
    StrictForm(f): StrictForm<TextInput>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &f.csrf)?;
    let d = find(&ctx, &id).await?;
    match commenting::post_once(&ctx.state.db, &me, d.id, None, &f.text, &f.key).await {
        Ok(p) => Ok(see_other(&shown_at(d.id, done_key(p.held, false), p.id))),
        Err(e) => again(&ctx, &me, &d, Writing::Comment, (&f.text, &f.key), e).await,
    }
}

/// What was done, said of a comment or of a reply.
fn done_key(held: bool, reply: bool) -> &'static str {
    match (held, reply) {
        (true, false) => "comment-held",
        (false, false) => "comment-posted",
        (true, true) => "reply-held",
        (false, true) => "reply-posted",
    }
}

/// `GET /discussions/{id}/comments/{cid}/reply`.
pub(super) async fn reply_form(
    ctx: PageCtx,
    Me(me): Me,
    Path((id, cid)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let d = find(&ctx, &id).await?;
    let cid = path_id(&cid)?;
    refuse_unless_open(&d)?;
    if let Some(refused) = refuse_if_suspended(&ctx, &me, &d).await? {
        return Ok(refused);
    }
    let page = form_page(&ctx, &me, &d, &Writing::Reply(cid), ("", ""), Vec::new()).await?;
    respond(StatusCode::OK, page, None)
}

/// `POST /discussions/{id}/comments/{cid}/reply`.
pub(super) async fn reply(
    ctx: PageCtx,
    Me(me): Me,
    Path((id, cid)): Path<(String, String)>,
    StrictForm(f): StrictForm<TextInput>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &f.csrf)?;
    let d = find(&ctx, &id).await?;
    let cid = path_id(&cid)?;
    let posted = commenting::post_once(&ctx.state.db, &me, d.id, Some(cid), &f.text, &f.key);
    match posted.await {
        Ok(p) => Ok(see_other(&shown_at(d.id, done_key(p.held, true), p.id))),
        Err(e) => again(&ctx, &me, &d, Writing::Reply(cid), (&f.text, &f.key), e).await,
    }
}

/// One's own comment in `d`, still editable: else not found (another's)
/// or refused (too late).
async fn own_editable(
    ctx: &PageCtx,
    me: &SignedIn,
    d: &Discussion,
    cid: Uuid,
) -> Result<String, AppError> {
    let v = reading::comment(&ctx.state.db, Some(me), d, cid).await?;
    if !v.mine {
        return Err(ServiceError::NotFound.into());
    }
    if !v.editable {
        return Err(stale("text", ErrorCode::EditWindowPassed));
    }
    Ok(v.comment.body)
}

/// `GET /discussions/{id}/comments/{cid}/edit`.
pub(super) async fn edit_form(
    ctx: PageCtx,
    Me(me): Me,
    Path((id, cid)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let d = find(&ctx, &id).await?;
    let cid = path_id(&cid)?;
    refuse_unless_open(&d)?;
    let text = own_editable(&ctx, &me, &d, cid).await?;
    if let Some(refused) = refuse_if_suspended(&ctx, &me, &d).await? {
        return Ok(refused);
    }
    let page = form_page(&ctx, &me, &d, &Writing::Edit(cid), (&text, ""), Vec::new()).await?;
    respond(StatusCode::OK, page, None)
}

/// `POST /discussions/{id}/comments/{cid}/edit`.
pub(super) async fn edit(
    ctx: PageCtx,
    Me(me): Me,
    Path((id, cid)): Path<(String, String)>,
    StrictForm(f): StrictForm<TextInput>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &f.csrf)?;
    let d = find(&ctx, &id).await?;
    let cid = path_id(&cid)?;
    // In this discussion and the reader's, or not found.
    let v = reading::comment(&ctx.state.db, Some(&me), &d, cid).await?;
    if !v.mine {
        return Err(ServiceError::NotFound.into());
    }
    match commenting::edit(&ctx.state.db, &me, cid, &f.text).await {
        Ok(()) => Ok(see_other(&shown_at(d.id, "comment-edited", cid))),
        Err(e) => again(&ctx, &me, &d, Writing::Edit(cid), (&f.text, ""), e).await,
    }
}
