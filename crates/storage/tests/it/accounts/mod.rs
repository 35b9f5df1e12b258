//! Accounts storage on both engines.

mod email_tokens;
mod people;
mod sessions;

use cohesion_domain::identity::{DisplayName, Email};
use cohesion_storage::accounts::users;
use cohesion_storage::Timestamp;
use cohesion_testkit as testkit;
use time::Duration;

pub(crate) async fn new_user(t: &testkit::TestDb, email: &str) -> uuid::Uuid {
    let mut c = t.db.acquire().await.unwrap();
    users::insert(
        c.conn(),
        &Email::parse(email).unwrap(),
        &DisplayName::parse("Amina K").unwrap(),
        "hash",
        "ar",
    )
    .await
    .unwrap()
    .expect("a new address")
}

pub(crate) fn at(offset_secs: i64) -> Timestamp {
    Timestamp::from(Timestamp::now().as_offset() + Duration::seconds(offset_secs))
}
