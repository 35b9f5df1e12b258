//! Accounts on every engine: signing up and in, password reset,
//! profile changes, administration, organisations, "your data" and
//! account deletion.

mod administration;
mod deletion;
mod organisations;
mod password_reset;
mod profile;
mod sign_up_and_in;

use cohesion_domain::identity::Role;
use cohesion_domain::organisation::OrganisationInput;
use cohesion_services::accounts::{self, Passwords, SignUp, SignedIn};
use cohesion_services::audit::Origin;
use cohesion_services::ServiceError;
use cohesion_storage::accounts::users;
use cohesion_storage::{outbox, Db};

use crate::support::{Plain, BASE, PASSWORD};

pub(super) const NEW_PASSWORD: &str = "seven swans over the weir";

pub(super) fn origin() -> Origin<'static> {
    Origin {
        actor: None,
        client: Some("192.0.2.7"),
    }
}

/// The token in the newest message to `to`.
pub(super) async fn token_for(db: &Db, to: &str) -> Option<String> {
    let mut c = db.acquire().await.unwrap();
    let mail = outbox::to_address(c.conn(), to, 1).await.unwrap();
    let body = &mail.first()?.body;
    Some(body.split("token=").nth(1)?.trim().to_owned())
}

pub(super) async fn mail_count(db: &Db, to: &str) -> usize {
    let mut c = db.acquire().await.unwrap();
    outbox::to_address(c.conn(), to, 100).await.unwrap().len()
}

/// Signs up, confirms and signs in `email`; returns the live session.
pub(super) async fn person(db: &Db, pw: &Passwords, email: &str, name: &str) -> (SignedIn, String) {
    let input = SignUp {
        email,
        display_name: name,
        password: PASSWORD,
        locale: "en",
    };
    accounts::sign_up(db, pw, &Plain, BASE, input, Origin::default())
        .await
        .unwrap();
    let token = token_for(db, email).await.unwrap();
    accounts::verify_email(db, &token, Origin::default())
        .await
        .unwrap();
    sign_in(db, pw, email, PASSWORD).await.unwrap()
}

pub(super) async fn sign_in(
    db: &Db,
    pw: &Passwords,
    email: &str,
    password: &str,
) -> Result<(SignedIn, String), ServiceError> {
    // The device names the person, so that the erasure check sees it too.
    let agent = format!("Firefox for {email}");
    let t = accounts::sign_in(db, pw, email, password, Some(&agent), None).await?;
    let me = accounts::session(db, &t.cookie)
        .await?
        .expect("a live session");
    Ok((me, t.cookie))
}

pub(super) async fn admin(db: &Db, pw: &Passwords, email: &str) -> SignedIn {
    let (me, cookie) = person(db, pw, email, "Nadia H").await;
    let mut c = db.acquire().await.unwrap();
    users::grant_role(c.conn(), me.user_id, Role::Administrator, None)
        .await
        .unwrap();
    drop(c);
    accounts::session(db, &cookie).await.unwrap().unwrap()
}

pub(super) fn sign_up_input<'a>(email: &'a str, locale: &'a str) -> SignUp<'a> {
    SignUp {
        email,
        display_name: "Amina K",
        password: PASSWORD,
        locale,
    }
}

pub(super) async fn mailbox(db: &cohesion_storage::Db) -> Vec<outbox::OutboxMessage> {
    let mut c = db.acquire().await.unwrap();
    outbox::recent(c.conn(), 50).await.unwrap()
}

pub(super) fn link_token(body: &str) -> String {
    body.split("token=").nth(1).unwrap().trim().to_owned()
}

pub(super) fn riverside() -> OrganisationInput {
    OrganisationInput {
        name: "Riverside Youth Forum".into(),
        kind: "charity".into(),
        registration_number: "1234567".into(),
        org_identifier: "GB-CHC-1234567".into(),
        address: "12 Mill Lane".into(),
        contact_name: "Sam Okoye".into(),
        contact_email: "hello@riverside.example".into(),
        contact_phone: String::new(),
    }
}
