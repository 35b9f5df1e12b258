//! Notifications (issue 18 part 9): a person's page of what they were
//! told (`/notifications`, linked from the header with the unread count),
//! marking read (one at a time, by following its link, or all), choosing what to be told and how
//! (`/notifications/settings`), the one-click unsubscribe link every
//! notification email carries (`/notifications/unsubscribe`, no sign-in),
//! and following a discussion (`POST /discussions/{id}/follow`).
//!
//! The emails are written here, in the recipient's language, by
//! [`upkeep`], which the server runs beside mail delivery.

mod letters;
mod pages;
mod settings;

use axum::routing::{get, post};
use axum::Router;
use cohesion_domain::discussion::notification::Kind;
use cohesion_i18n::Locale;
use cohesion_services::discussions::notifying::Notification;
use cohesion_ui::{Phrase, Shown, Value};

use crate::kit::SharedState;

pub use letters::{round, upkeep};

pub(super) fn routes() -> Router<SharedState> {
    Router::new()
        .route("/notifications", get(pages::list))
        .route("/notifications/read", post(pages::read_all))
        .route("/notifications/{nid}/read", post(pages::read_one))
        .route("/notifications/{nid}/open", get(pages::open))
        .route(
            "/notifications/settings",
            get(settings::form).post(settings::save),
        )
        .route(
            "/notifications/unsubscribe",
            get(settings::unsubscribe_page).post(settings::unsubscribe),
        )
        .route("/discussions/{id}/follow", post(pages::follow))
}

/// What a notification says, in `locale`, naming its discussion: the
/// same words on the page and in the email.
pub(super) fn describe(locale: &Locale, n: &Notification) -> Phrase {
    let discussion = Shown::new(n.discussion_title.clone(), n.discussion_language.clone());
    let title = ("discussion", Value::Shown(&discussion));
    match Kind::from_code(&n.kind) {
        // Named as the thread names them; an erased account stays
        // "Someone".
        Some(Kind::Reply) => match n.replier.as_deref() {
            Some(name) => Phrase::message(
                locale,
                "notification-reply-by",
                &[title, ("name", Value::Text(name))],
            ),
            None => Phrase::message(locale, "notification-reply", &[title]),
        },
        Some(Kind::Closing) => Phrase::message(locale, "notification-closing", &[title]),
        Some(Kind::Moderation) | None => {
            let said = decided(locale, n, title);
            // What the moderator wrote to the author with a warning or a
            // suspension, as they typed it, in the reader's words around.
            match n.note.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
                Some(note) => Phrase::join(
                    vec![
                        said,
                        Phrase::message(
                            locale,
                            "notification-moderation-note",
                            &[("note", Value::Text(note))],
                        ),
                    ],
                    " ",
                ),
                None => said,
            }
        }
    }
}

/// What a moderator decided, said to the comment's author as things
/// stand now: a hide invites an appeal only until one was sent.
fn decided(locale: &Locale, n: &Notification, title: (&str, Value<'_>)) -> Phrase {
    let (decision, detail) = n.detail.split_once(':').unwrap_or((&n.detail, ""));
    match decision {
        "hide" => {
            let reason = locale.t(&format!("report-reason-{detail}")).into_owned();
            let key = match n.appealed_at {
                Some(_) => "notification-moderation-hide-appealed",
                None => "notification-moderation-hide",
            };
            Phrase::message(locale, key, &[title, ("reason", Value::Text(&reason))])
        }
        "suspend" => {
            let days = detail.parse::<u64>().unwrap_or(0);
            Phrase::message(
                locale,
                "notification-moderation-suspend",
                &[title, ("days", Value::Number(days))],
            )
        }
        "approve" | "restore" | "redact" | "warn" | "appeal_upheld" | "appeal_overturned" => {
            Phrase::message(
                locale,
                &format!("notification-moderation-{decision}"),
                &[title],
            )
        }
        _ => Phrase::message(locale, "notification-moderation-other", &[title]),
    }
}
