//! Residents' pages of discussions: the list, a discussion with its
//! threads, a thread's own page, the comment forms (comment, reply,
//! edit, delete, agree, report, appeal), the house rules and the Atom
//! feed; with a statements stage, voting on statements (`vote`) and the
//! opinion map (`opinions`).

mod acts;
mod appeal;
mod feed;
mod forms;
mod list;
pub(super) mod listings;
mod opinions;
mod page;
mod rules;
pub(in crate::discussions) mod search;
pub(super) mod translated;
mod transparency;
mod vote;
pub(super) mod wording;

use axum::routing::get;
use axum::Router;

use crate::kit::SharedState;

pub(super) fn routes() -> Router<SharedState> {
    let comment = "/discussions/{id}/comments/{cid}";
    Router::new()
        .route("/discussions", get(list::index))
        .route("/discussions/house-rules", get(rules::house_rules))
        .route("/discussions/transparency", get(transparency::site))
        .route(
            "/discussions/{id}/transparency",
            get(transparency::discussion),
        )
        .route("/discussions/search", get(search::search))
        .route("/discussions/{id}", get(page::show))
        .route("/discussions/{id}/feed.atom", get(feed::feed))
        .route(
            "/discussions/{id}/comments",
            axum::routing::post(forms::post),
        )
        .route(comment, get(page::thread))
        .route(
            &format!("{comment}/reply"),
            get(forms::reply_form).post(forms::reply),
        )
        .route(
            &format!("{comment}/edit"),
            get(forms::edit_form).post(forms::edit),
        )
        .route(
            &format!("{comment}/delete"),
            get(acts::delete_form).post(acts::delete),
        )
        .route(
            &format!("{comment}/agree"),
            axum::routing::post(acts::agree),
        )
        .route(
            &format!("{comment}/report"),
            get(acts::report_form).post(acts::report),
        )
        .route(&format!("{comment}/reported"), get(acts::reported))
        .route(
            &format!("{comment}/appeal"),
            get(appeal::appeal_form).post(appeal::appeal),
        )
        .route("/discussions/{id}/vote", get(vote::show))
        .route(
            "/discussions/{id}/statements",
            axum::routing::post(vote::submit),
        )
        .route(
            "/discussions/{id}/statements/{sid}/vote",
            axum::routing::post(vote::vote),
        )
        .route("/discussions/{id}/opinions", get(opinions::show))
}
