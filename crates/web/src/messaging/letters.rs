//! Community messages' emails, written from the translated messages in
//! the recipient's language, and the server's step that queues due
//! messages to the outbox.

use std::time::Duration;

use cohesion_domain::community_message::Wording;
use cohesion_services::accounts::Letter;
use cohesion_services::messaging::{queuing, Links, MessagingLetters};
use cohesion_services::ServiceError;

use crate::kit::{CatalogLetters, SharedState};

/// How often the step looks for messages due.
const EVERY: Duration = Duration::from_secs(10);

/// The site's letters.
pub(super) struct Letters<'a>(pub CatalogLetters<'a>);

impl MessagingLetters for Letters<'_> {
    fn confirm(&self, locale: &str, link: &str) -> Letter {
        let l = self.0.locale(locale);
        let subject = l.t("community-confirm-email-subject").into_owned();
        let body = l.t_args("community-confirm-email-body", &[("link", link.into())]);
        self.0.written(locale, &subject, &body)
    }

    fn message(&self, locale: &str, wording: &Wording, links: &Links) -> Letter {
        let l = self.0.locale(locale);
        let footer = l.t_args(
            "community-message-email-footer",
            &[
                ("online", links.online.as_str().into()),
                ("unsubscribe", links.unsubscribe.as_str().into()),
                ("change", links.change.as_str().into()),
            ],
        );
        let body = format!("{}\n\n-- \n{footer}", wording.body);
        self.0.written(locale, &wording.subject, &body)
    }
}

/// One round: queues every message due. How many emails were written.
pub async fn round(state: &SharedState) -> Result<u64, ServiceError> {
    let letters = Letters(CatalogLetters::for_site(state).await);
    queuing::queue_due(&state.db, &letters, &state.config.public_url).await
}

/// Runs [`round`] every [`EVERY`] for as long as the server does.
pub async fn upkeep(state: SharedState) {
    let mut tick = tokio::time::interval(EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        match round(&state).await {
            Ok(n) if n > 0 => tracing::info!(queued = n, "community messages queued"),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "could not queue community messages"),
        }
    }
}
