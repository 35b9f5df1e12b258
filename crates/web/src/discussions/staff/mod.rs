//! Officers' pages of discussions: writing one (`details`), its own page
//! with where it stands (`manage`), publishing and withdrawing it, each
//! asked first (`publication`), translating it (`translations`), its
//! statements stage with the
//! moderators' decisions and the Pol.is export (`statements`), and the
//! discussions' part of the staff's dashboard (`panel`).

mod closing;
mod details;
mod manage;
pub(super) mod panel;
mod publication;
mod statements;
mod translations;

use axum::routing::get;
use axum::Router;
use cohesion_domain::consultation::Status;
use cohesion_domain::discussion::record::Discussion;
use cohesion_domain::timestamp::Timestamp;
use cohesion_ui::{Phrase, SummaryRow};

use crate::kit::{PageCtx, SharedState};

pub(super) fn routes() -> Router<SharedState> {
    let base = "/staff/discussions/{id}";
    Router::new()
        .route(
            "/staff/discussions/new",
            get(details::new_form).post(details::create),
        )
        .route(base, get(manage::manage))
        .route(
            &format!("{base}/edit"),
            get(details::edit_form).post(details::update),
        )
        .route(
            &format!("{base}/translations/{{lang}}"),
            get(translations::form).post(translations::save),
        )
        .route(
            &format!("{base}/publication"),
            get(publication::ask_publication).post(publication::publication),
        )
        .route(
            &format!("{base}/close"),
            get(closing::ask_close).post(closing::close),
        )
        .route(&format!("{base}/statements"), get(statements::list))
        .route(
            &format!("{base}/statements/stage"),
            get(statements::ask_stage).post(statements::stage),
        )
        .route(
            &format!("{base}/statements/seed"),
            axum::routing::post(statements::seed),
        )
        .route(
            &format!("{base}/statements/{{sid}}/decision"),
            axum::routing::post(statements::decide),
        )
        .route(
            &format!("{base}/statements/comments.csv"),
            get(statements::export_comments),
        )
        .route(
            &format!("{base}/statements/votes.csv"),
            get(statements::export_votes),
        )
}

/// Whether it takes comments now, so that closing it early means
/// something: published, not imported, and open by its dates.
pub(super) fn open_now(d: &Discussion) -> bool {
    d.is_published() && !d.imported && d.status(Timestamp::now().as_offset()) == Status::Open
}

/// A discussion's status key (`draft` until published, then as its
/// dates make it) and its label.
pub(super) fn status_label(ctx: &PageCtx, d: &Discussion) -> (&'static str, String) {
    let key = match d.is_published() {
        false => "draft",
        true => d.status(Timestamp::now().as_offset()).key(),
    };
    (key, ctx.t(&format!("discussion-staff-status-{key}")))
}

/// When it opens and closes, in a list: as its status makes it matter.
/// A draft always gives both of its planned dates, whatever they are
/// (they may have passed while it waited): nothing opens before it is
/// published.
pub(super) fn dates(ctx: &PageCtx, d: &Discussion) -> Phrase {
    let dt = ctx.dates();
    if !d.is_published() && !d.imported {
        return dt.range("discussion-staff-dates-draft", d.opens_at, d.closes_at);
    }
    let closes = dt.instant(d.closes_at);
    match d.status(Timestamp::now().as_offset()) {
        Status::Upcoming => dt.range("discussion-staff-dates-upcoming", d.opens_at, d.closes_at),
        Status::Open => dt.with("discussion-staff-dates-open", "closes", closes),
        Status::Closed => dt.with("discussion-staff-dates-closed", "closes", closes),
    }
}

/// When it opens and closes as summary rows, worded for where it stands:
/// "Opens" and "Closes" before it opens (and while a draft), "Opened"
/// and "Closes" while open, and once closed "Ran from … to …".
pub(super) fn date_rows(ctx: &PageCtx, d: &Discussion) -> Vec<SummaryRow> {
    let dt = ctx.dates();
    let (opens, closes) = (dt.instant(d.opens_at), dt.instant(d.closes_at));
    let status = match d.status(Timestamp::now().as_offset()) {
        _ if !d.is_published() && !d.imported => Status::Upcoming,
        status => status,
    };
    let closes_row = |closes| SummaryRow::when(ctx.t("discussion-staff-closes"), closes);
    match status {
        Status::Upcoming => vec![
            SummaryRow::when(ctx.t("discussion-staff-opens"), opens),
            closes_row(closes),
        ],
        Status::Open => vec![
            SummaryRow::when(ctx.t("discussion-staff-opened"), opens),
            closes_row(closes),
        ],
        Status::Closed => vec![SummaryRow::new(
            ctx.t("discussion-staff-ran"),
            dt.range("discussion-staff-ran-dates", d.opens_at, d.closes_at),
        )],
    }
}
