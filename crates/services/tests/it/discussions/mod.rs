//! Discussions on every engine: officers open them, members comment,
//! reply, edit, delete, agree and report, each reader sees what the
//! rules allow, account erasure keeps threads whole, and threads run
//! elsewhere are imported read-only.

mod commenting;
mod erasure;
mod fixtures;
mod importing;
mod listing;
mod moderating;
mod moderation_tools;
mod notifying;
mod screening;
mod searching;
mod translating;
mod voting;

use cohesion_domain::consultation::Languages;
use cohesion_domain::discussion::details::DiscussionInput;
use cohesion_domain::local_time::SiteZone;
use cohesion_services::accounts::SignedIn;
use cohesion_services::discussions::authoring;
use cohesion_storage::Db;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

pub(super) fn input(title: &str, opens_in_days: i64, pre_moderation: &str) -> DiscussionInput {
    let now = OffsetDateTime::now_utc();
    let at = |days: i64| cohesion_domain::consultation::format_datetime(now + Duration::days(days));
    DiscussionInput {
        title: title.into(),
        introduction: "What would make you feel safer?".into(),
        questions: "What happened?\nWhat would help?".into(),
        topics: "Safety".into(),
        opens_at: at(opens_in_days),
        closes_at: at(opens_in_days + 30),
        language: "en".into(),
        pre_moderation: pre_moderation.into(),
        first_comments: "1".into(),
        ..Default::default()
    }
}

/// A published discussion opened by `officer`, open now unless
/// `opens_in_days` says otherwise.
pub(super) async fn opened(
    db: &Db,
    officer: &SignedIn,
    title: &str,
    opens_in_days: i64,
    pre_moderation: &str,
) -> Uuid {
    let id = authoring::create(
        db,
        officer,
        &input(title, opens_in_days, pre_moderation),
        &SiteZone::utc(),
        &Languages::new("en", ["ar"]),
        None,
    )
    .await
    .unwrap();
    authoring::set_published(db, officer, id, true, None)
        .await
        .unwrap();
    id
}
