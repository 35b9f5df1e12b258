//! Discussions over HTTP with the demo: the list and a discussion's page
//! in both languages, commenting, replying, agreeing, editing, deleting
//! and reporting through the forms, and bad input refused with nothing
//! saved.

mod bad_input;
mod commenting;
mod notifications;
mod outside_view;
mod pages;
mod search;
mod voting;
mod walkthrough;
mod xss;

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use crate::support::Server;

pub const AMINA: &str = "amina@brightwater.example";
pub const TOM: &str = "tom@brightwater.example";

/// A server per engine with the whole demo: accounts, consultations and
/// discussions.
pub async fn servers() -> Vec<Server> {
    let passwords = cohesion_services::accounts::Passwords::new(2);
    let mut out = Vec::new();
    for t in cohesion_testkit::engines().await {
        cohesion_services::demo::load(&t.db, &passwords)
            .await
            .unwrap();
        out.push(crate::support::start(t).await);
    }
    out
}

/// The first discussion the list finds for `words`.
pub async fn discussion_id(s: &Server, words: &str) -> String {
    let html = s.html(&format!("/discussions?q={words}")).await;
    let item = "<h2 class=\"govuk-heading-m\"><a class=\"govuk-link\" href=\"/discussions/";
    let at = html.find(item).expect("a discussion") + item.len();
    html[at..at + 36].to_owned()
}

/// The open demo discussion.
pub async fn open_id(s: &Server) -> String {
    discussion_id(s, "feeling+safe").await
}

/// The closed demo discussion.
pub async fn closed_id(s: &Server) -> String {
    discussion_id(s, "summer+festival").await
}

/// The id of the comment whose text holds `text` on the page `html`.
pub fn comment_with(html: &str, text: &str) -> String {
    let at = html.find(text).unwrap_or_else(|| panic!("no {text:?}"));
    let start = html[..at].rfind("id=\"comment-").expect("a comment") + 12;
    html[start..start + 36].to_owned()
}

/// Signs in as `email` with the demo's password.
pub async fn sign_in(s: &Server, email: &str) -> (String, String) {
    s.sign_in(email, DEMO_PASSWORD).await
}

/// How many of `email`'s comments the database holds with `text` in
/// them, in any state.
pub async fn saved_by(s: &Server, email: &str, text: &str) -> usize {
    use cohesion_domain::identity::Email;
    use cohesion_storage::accounts::users;
    use cohesion_storage::discussions::comments;
    let mut c = s.db().acquire().await.unwrap();
    let email = Email::parse(email).unwrap();
    let user = users::find_by_email(c.conn(), &email)
        .await
        .unwrap()
        .unwrap();
    comments::by_author(c.conn(), user.id, 1000)
        .await
        .unwrap()
        .iter()
        .filter(|(c, _)| c.body.contains(text))
        .count()
}
