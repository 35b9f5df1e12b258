//! Far-reaching actions ask first (ADR 22). An action that takes
//! something away or gives power (withdrawing a consultation or its
//! results, removing a finding, granting or withdrawing a role,
//! suspending an account) answers at one address:
//!
//! - `GET` shows the question: what will happen, in words and numbers,
//!   a "Yes, …" button and "Cancel" back. The button that leads here is
//!   a GET form ([`cohesion_ui::ActionForm::ask`]) carrying what to do
//!   but never the token.
//! - `POST` with the session's token and `confirm=yes` does it and
//!   redirects; a `POST` without `confirm=yes` shows the same question
//!   and does nothing. Its language links lead to the page the action
//!   was started from, since its address answers POSTs only.
//!
//! Each action's question is built by one function that reads how things
//! stand, so it also refuses what no longer makes sense (a role already
//! held, a consultation already withdrawn) with a 409; the services
//! refuse a replayed or raced confirmation the same way, in the same
//! transaction as the change, so nothing is ever half-done.

use axum::http::StatusCode;
use axum::response::Response;
use cohesion_ui::{ConfirmNote, ConfirmPage, Phrase};

use super::error::AppError;
use super::page::{respond, see_other, PageCtx};

/// What the asking page says and what its form sends.
pub struct Ask {
    /// The question, as the page's heading ("Make Tom Fletcher an
    /// administrator?").
    pub title: Phrase,
    /// What will happen, a paragraph each.
    pub lead: Vec<Phrase>,
    /// What it gives or takes away, as a list; empty for none.
    pub points: Vec<Phrase>,
    /// Said after the list, a paragraph each, so that the list follows
    /// its lead-in ("They keep whatever their other roles allow").
    pub after: Vec<Phrase>,
    /// What cannot be undone, said beside a warning sign.
    pub warning: Option<String>,
    /// What to do, sent back with the confirmation.
    pub hidden: Vec<(&'static str, String)>,
    /// "Yes, …".
    pub button: String,
    /// A red button, for taking away.
    pub danger: bool,
    /// Where "Cancel" goes: the page the action was started from.
    pub cancel: String,
}

/// A title as the object of the page's question, without a question
/// mark of its own, so that "Withdraw What stops people reporting?"
/// does not end in two.
pub fn asked_about(title: &str) -> &str {
    title.trim_end().trim_end_matches(['?', '؟'])
}

/// The value of the `confirm` field that only the asking page's form
/// sends.
pub const CONFIRMED: &str = "yes";

/// Whether a posted form carries the confirmation.
pub fn confirmed(field: &str) -> bool {
    field == CONFIRMED
}

/// The asking page for the action at `action` (where its form posts).
pub async fn ask(ctx: &PageCtx, csrf: &str, action: &str, ask: Ask) -> Result<Response, AppError> {
    ask_noting(ctx, csrf, action, ask, Vec::new()).await
}

/// [`ask`], with `notes`: what is worth knowing before saying yes but
/// does not stop the action (a consultation's texts not yet translated).
pub async fn ask_noting(
    ctx: &PageCtx,
    csrf: &str,
    action: &str,
    ask: Ask,
    notes: Vec<ConfirmNote>,
) -> Result<Response, AppError> {
    // The rule for switching language on a question: a question asked
    // by GET switches at its own address (its query says what is asked);
    // one rendered in answer to a POST (a merge or delete sent from a
    // theme's form) has no GET at its address, so its language links
    // lead to where "Cancel" goes, the page the action was started from,
    // one click from the same step in the other language.
    let mut ui = match ctx.posted() {
        true => {
            ctx.chrome_switching_at(&ask.cancel, "confirm-title")
                .await?
        }
        false => ctx.chrome_for(action, "confirm-title").await?,
    };
    ui.title = ask.title;
    let page = ConfirmPage {
        ui,
        lead: ask.lead,
        points: ask.points,
        after: ask.after,
        warning: ask.warning,
        notes,
        csrf: csrf.to_owned(),
        action: action.to_owned(),
        hidden: ask.hidden,
        button: ask.button,
        danger: ask.danger,
        cancel: (ask.cancel, ctx.t("cancel")),
    };
    respond(StatusCode::OK, page, None)
}

/// The POST of a far-reaching action, its token already checked: with
/// `confirm=yes`, `act` does it and the answer is a 303 to the address it
/// returns; without, the question `question` builds, and nothing done.
pub async fn act_or_ask(
    ctx: &PageCtx,
    csrf: &str,
    action: &str,
    confirm: &str,
    question: impl AsyncFnOnce() -> Result<Ask, AppError>,
    act: impl AsyncFnOnce() -> Result<String, AppError>,
) -> Result<Response, AppError> {
    if confirmed(confirm) {
        Ok(see_other(&act().await?))
    } else {
        ask(ctx, csrf, action, question().await?).await
    }
}

/// A 409 saying how things stand (`reason-<code>`): the question no
/// longer makes sense, or the action was done already.
pub fn stale(field: &'static str, code: cohesion_domain::ErrorCode) -> AppError {
    cohesion_services::ServiceError::Conflict(cohesion_domain::ValidationError::new(field, code))
        .into()
}

#[cfg(test)]
mod tests {
    use super::asked_about;

    #[test]
    fn a_title_asked_about_loses_its_own_question_mark() {
        assert_eq!(
            asked_about("Reporting hate crime: what stops people?"),
            "Reporting hate crime: what stops people"
        );
        assert_eq!(asked_about("ما الذي يمنع الناس؟ "), "ما الذي يمنع الناس");
        assert_eq!(asked_about("Parks after dark"), "Parks after dark");
    }
}
