//! Moderators' pages over HTTP with the demo: a report reaches the
//! queue, a moderator hides the comment, its author appeals, and only
//! another moderator decides the appeal; the word lists; and bad input
//! refused with nothing changed; and bulk decisions through the API.

mod api;
mod deciding;
mod from_the_page;
mod outcomes;
mod screening;
mod statements_queue;
mod tools;
mod words;

use crate::discussions::{comment_with, sign_in};
use crate::support::Server;

pub const GRACE: &str = "grace@brightwater.example";
pub const KARIM: &str = "karim@brightwater.example";

/// `who` posts `text` in the discussion `id` and `reporter` reports it
/// as spam, which puts it in the queue; its id.
pub async fn reported(s: &Server, id: &str, who: &str, text: &str, reporter: &str) -> String {
    let (cookie, csrf) = sign_in(s, who).await;
    let res = s
        .post(
            &format!("/discussions/{id}/comments"),
            &cookie,
            &[("csrf", &csrf), ("text", text)],
        )
        .await;
    assert_eq!(res.status(), 303);
    let (_, page) = s.page(&format!("/discussions/{id}"), &cookie).await;
    let cid = comment_with(&page, text);
    let (cookie, csrf) = sign_in(s, reporter).await;
    let res = s
        .post(
            &format!("/discussions/{id}/comments/{cid}/report"),
            &cookie,
            &[("csrf", &csrf), ("reason", "spam"), ("note", "")],
        )
        .await;
    assert_eq!(res.status(), 303);
    cid
}
