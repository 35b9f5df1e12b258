//! Notification emails, written in the recipient's language from the
//! same words as their notifications page, and the step that writes
//! them (and notices closings) every few seconds.

use std::time::Duration;

use cohesion_domain::local_time::SiteZone;
use cohesion_domain::timestamp::Timestamp;
use cohesion_services::accounts::Letter;
use cohesion_services::discussions::notifying::{self, Links, Notification, NotificationLetters};
use cohesion_services::ServiceError;

use super::describe;
use crate::kit::dates::Dates;
use crate::kit::{CatalogLetters, SharedState};

/// How often the step runs, and how much it does at once.
const EVERY: Duration = Duration::from_secs(15);
const EMAILS_PER_ROUND: i64 = 50;
const CLOSINGS_PER_ROUND: i64 = 20;

/// The site's letters, and its time zone for the date each says.
struct Letters<'a>(CatalogLetters<'a>, &'a SiteZone);

impl NotificationLetters for Letters<'_> {
    fn write(&self, n: &Notification, locale: &str, links: &Links) -> Letter {
        let l = self.0.locale(locale);
        let said = describe(l, n).text().to_owned();
        // An email may be read days later: it says when it happened, as
        // the notifications page does, in the site's zone.
        let when = Dates::new(l, self.1).instant(n.created_at.as_offset()).text;
        let subject = match (n.kind.as_str(), n.replier.as_deref()) {
            ("reply", Some(name)) => l.t_args(
                "notification-email-subject-reply-by",
                &[("name", name.into())],
            ),
            (kind, _) => l
                .t(&format!("notification-email-subject-{kind}"))
                .into_owned(),
        };
        let body = l.t_args(
            "notification-email-body",
            &[
                ("what", said.as_str().into()),
                ("when", when.as_str().into()),
                ("link", links.open.as_str().into()),
                ("settings", links.settings.as_str().into()),
                ("unsubscribe", links.unsubscribe.as_str().into()),
            ],
        );
        self.0.written(locale, &subject, &body)
    }
}

/// One round: tells the followers of discussions that have closed, then
/// writes the notification emails waiting (in the recipient's language,
/// with the site's address in every link). How many closings were told
/// and emails written.
pub async fn round(state: &SharedState) -> Result<(usize, usize), ServiceError> {
    let db = &state.db;
    let told = notifying::tell_closings(db, Timestamp::now().into(), CLOSINGS_PER_ROUND).await?;
    let letters = Letters(
        CatalogLetters::for_site(state).await,
        &state.config.time_zone,
    );
    let written =
        notifying::write_emails(db, &letters, &state.config.public_url, EMAILS_PER_ROUND).await?;
    Ok((told, written))
}

/// Runs [`round`] every [`EVERY`] for as long as the server does: the
/// server spawns it beside mail delivery (which sends what it writes).
pub async fn upkeep(state: SharedState) {
    let mut tick = tokio::time::interval(EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        match round(&state).await {
            Ok((told, written)) if told + written > 0 => {
                tracing::info!(told, written, "notifications written")
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "could not write notifications"),
        }
    }
}
