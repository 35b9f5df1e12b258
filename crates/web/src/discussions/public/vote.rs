//! Opinion voting on a discussion's statements (issue 18 part 8): one
//! statement at a time with agree, disagree and pass as buttons of a
//! plain form (no script needed), then the next; the form to submit a
//! statement; and where voting ends. The next statement is the service's
//! choice (Pol.is's priorities).

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::discussion::record::Discussion;
use cohesion_domain::discussion::statements::{Vote, MAX_STATEMENT_CHARS};
use cohesion_domain::ValidationError;
use cohesion_services::accounts::SignedIn;
use cohesion_services::discussions::statements::Statement;
use cohesion_services::discussions::{statements, voting};
use cohesion_services::ServiceError;
use cohesion_ui::discussions::opinions::{StatementForm, VoteCard, VotePage, YourVote};
use cohesion_ui::{Field, FieldError, Phrase};
use serde::Deserialize;

use super::page::{find, is_open};
use super::translated::title_shown;
use super::wording::votes_closed_notice;
use crate::kit::form::{self, TextWords};
use crate::kit::{
    check_session_csrf, confirmation, path_id, respond, see_other, AppError, DoneQuery, Me,
    PageCtx, StrictForm,
};

/// The discussion `id` if it has a statements stage; others have no
/// voting page.
pub(super) async fn with_stage(ctx: &PageCtx, id: &str) -> Result<Discussion, AppError> {
    let d = find(ctx, id).await?;
    match statements::has_stage(&ctx.state.db, d.id).await? {
        true => Ok(d),
        false => Err(ServiceError::NotFound.into()),
    }
}

/// The statement box, empty or as it was sent, with its problems.
fn statement_field(ctx: &PageCtx, text: &str, errors: &[FieldError]) -> Field {
    Field::new("text", "textarea", "off", ctx.t("statement-field-text"))
        .hint(ctx.t("statement-field-hint"))
        .counted(MAX_STATEMENT_CHARS)
        .value(text)
        .errors_from(errors)
}

/// The voting page as `viewer` sees it, with what they typed in the
/// statement box and its problems.
async fn page<'a>(
    ctx: &'a PageCtx,
    d: &Discussion,
    done: Option<&str>,
    text: &str,
    errors: Vec<FieldError>,
) -> Result<VotePage<'a>, AppError> {
    let path = format!("/discussions/{}", d.id);
    let here = format!("{path}/vote");
    let mut ui = match ctx.posted() {
        true => ctx.chrome_switching_at(&here, "vote-title").await?,
        false => ctx.chrome_for(&here, "vote-title").await?,
    };
    ui.title = ctx.t("vote-title").into();
    let open = is_open(d);
    let viewer = ctx.user.0.as_ref();
    let (mut progress, mut card, mut all_done) = (None, None, None);
    let mut yours = Vec::new();
    if let (true, Some(me)) = (open, viewer) {
        let next = voting::next(&ctx.state.db, me, d.id).await?;
        progress = Some(ctx.locale().t_plain(
            "vote-progress",
            &[
                ("voted", (next.voted as u64).into()),
                ("total", (next.total as u64).into()),
            ],
        ));
        yours = next
            .mine
            .iter()
            .map(|(s, v)| your_vote(ctx, me, &path, s, *v))
            .collect();
        match next.statement {
            Some(s) => card = Some(vote_card(ctx, me, &path, &s)),
            None => {
                all_done = Some(match next.total {
                    0 => ctx.t("vote-none-yet"),
                    _ => ctx.t("vote-all-done"),
                })
            }
        }
    }
    let sign_in = (open && viewer.is_none()).then(|| {
        let next = form_urlencoded::byte_serialize(here.as_bytes()).collect::<String>();
        (format!("/sign-in?next={next}"), ctx.t("vote-sign-in"))
    });
    let form = match (open, viewer) {
        (true, Some(me)) => Some(StatementForm {
            action: format!("{path}/statements"),
            csrf: me.csrf.clone(),
            field: statement_field(ctx, text, &errors),
            button: ctx.t("statement-submit-button"),
        }),
        _ => None,
    };
    Ok(VotePage {
        back: (path.clone(), ctx.t("discussion-thread-back")),
        discussion: (path.clone(), title_shown(ctx, d).await?),
        done: confirmation(ctx, done),
        errors,
        lead: ctx.t("vote-lead"),
        progress,
        card,
        yours,
        all_done,
        closed_notice: votes_closed_notice(ctx, d),
        sign_in,
        form,
        results: (format!("{path}/opinions"), ctx.t("vote-results-link")),
        ui: ui.with_nav("discussions"),
    })
}

/// The statement to vote on, with its three buttons.
fn vote_card(ctx: &PageCtx, me: &SignedIn, path: &str, s: &Statement) -> VoteCard {
    // Not "Statement 37": its number in the discussion is no step of the
    // reader's (the progress line says how far they are).
    VoteCard {
        label: ctx.t("vote-card-caption"),
        text: Phrase::isolated(&s.body),
        action: format!("{path}/statements/{}/vote", s.id),
        csrf: me.csrf.clone(),
        agree: ctx.t("vote-agree"),
        disagree: ctx.t("vote-disagree"),
        pass: ctx.t("vote-pass"),
    }
}

/// A statement voted on, the vote, and the other two choices as buttons
/// of a plain form (the same address as voting: the last vote counts).
fn your_vote(ctx: &PageCtx, me: &SignedIn, path: &str, s: &Statement, v: Vote) -> YourVote {
    YourVote {
        id: format!("your-vote-{}", s.id),
        text: Phrase::isolated(&s.body),
        said: ctx.t(&format!("vote-yours-{}", v.code())),
        action: format!("{path}/statements/{}/vote", s.id),
        csrf: me.csrf.clone(),
        changes: Vote::ALL
            .into_iter()
            .filter(|other| *other != v)
            .map(|other| {
                (
                    other.code(),
                    ctx.t(&format!("vote-change-{}", other.code())),
                )
            })
            .collect(),
    }
}

/// `GET /discussions/{id}/vote`.
pub(super) async fn show(
    ctx: PageCtx,
    Path(id): Path<String>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, AppError> {
    let d = with_stage(&ctx, &id).await?;
    let view = page(&ctx, &d, q.done.as_deref(), "", Vec::new()).await?;
    respond(StatusCode::OK, view, None)
}

#[derive(Deserialize)]
pub(super) struct VoteInput {
    #[serde(default)]
    csrf: String,
    /// `agree`, `disagree` or `pass`: the button pressed.
    #[serde(default)]
    vote: String,
}

/// `POST /discussions/{id}/statements/{sid}/vote`: the vote, then the
/// next statement.
pub(super) async fn vote(
    ctx: PageCtx,
    Me(me): Me,
    Path((id, sid)): Path<(String, String)>,
    StrictForm(f): StrictForm<VoteInput>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &f.csrf)?;
    let d = path_id(&id)?;
    let s = path_id(&sid)?;
    voting::vote(&ctx.state.db, &me, d, s, &f.vote).await?;
    Ok(see_other(&format!(
        "/discussions/{d}/vote?done=vote-recorded"
    )))
}

#[derive(Deserialize)]
pub(super) struct StatementInput {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    text: String,
}

/// Problems with a statement's text in words about a statement.
fn text_problems(ctx: &PageCtx, errors: &[ValidationError]) -> Vec<FieldError> {
    let words = TextWords {
        empty: "statement-error-empty",
        too_long: "statement-error-too-long",
        limit: MAX_STATEMENT_CHARS,
    };
    form::text_problems(ctx, errors, &words)
}

/// `POST /discussions/{id}/statements`: a new statement; its problems
/// show the voting page again with what was typed (422).
pub(super) async fn submit(
    ctx: PageCtx,
    Me(me): Me,
    Path(id): Path<String>,
    StrictForm(f): StrictForm<StatementInput>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &f.csrf)?;
    let d = with_stage(&ctx, &id).await?;
    match statements::submit(&ctx.state.db, &me, d.id, &f.text).await {
        Ok(s) => {
            let done = match s.held {
                true => "statement-held",
                false => "statement-submitted",
            };
            Ok(see_other(&format!(
                "/discussions/{}/vote?done={done}",
                d.id
            )))
        }
        Err(e) => again(&ctx, &me, &d, &f.text, e).await,
    }
}

async fn again(
    ctx: &PageCtx,
    _me: &SignedIn,
    d: &Discussion,
    text: &str,
    e: ServiceError,
) -> Result<Response, AppError> {
    let errors = match e {
        ServiceError::Invalid(v) => vec![v],
        ServiceError::InvalidFields(list) => list,
        other => return Err(other.into()),
    };
    let problems = text_problems(ctx, &errors);
    let view = page(ctx, d, None, text, problems).await?;
    respond(StatusCode::UNPROCESSABLE_ENTITY, view, None)
}
