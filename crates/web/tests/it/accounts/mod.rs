//! The signed-in pages over HTTP (`src/accounts/`): signing up and in,
//! the person's account, the forgotten password, your data and deletion,
//! organisations and administration; and the accounts API.

mod administration;
mod api;
mod confirmations;
mod organisations;
mod password_reset;
mod profile;
mod sign_up_and_in;
mod your_data;

use cohesion_storage::accounts::users;
use cohesion_storage::outbox;

use crate::support::Server;

const TOM: &str = "tom@brightwater.example";
const NADIA: &str = "nadia@brightwater.example";

async fn user_id(s: &Server, email: &str) -> uuid::Uuid {
    let mut c = s.db().acquire().await.unwrap();
    let email = cohesion_domain::identity::Email::parse(email).unwrap();
    users::find_by_email(c.conn(), &email)
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn newest_link(s: &Server, to: &str, path: &str) -> String {
    let mut c = s.db().acquire().await.unwrap();
    let mail = outbox::to_address(c.conn(), to, 1).await.unwrap();
    let body = &mail[0].body;
    let start = body.find(path).expect("a link");
    body[start..].split_whitespace().next().unwrap().to_owned()
}
