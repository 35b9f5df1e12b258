//! Consultations: the list and each consultation's page, answering its
//! survey, the results and findings, and for staff writing, publishing,
//! translating and analysing one (themes, exports included); pages and
//! API.

mod api;
mod exports;
mod findings;
mod list;
mod listings;
mod page;
mod questions;
mod respond;
mod respondent;
mod results;
mod staff;
mod themes;
mod translated;
mod translations;
mod wording;
mod your_answers;
pub(crate) mod yours;

use axum::routing::{get, post};
use axum::Router;

use cohesion_ui::NavLink;

use crate::kit::{Feature, NavEntry, SharedState};

pub(crate) const FEATURE: Feature = Feature {
    name: "consultations",
    routes,
    confirmations: &[
        "receipt-sent",
        "consultation-created",
        "consultation-saved",
        "consultation-published",
        "consultation-unpublished",
        "results-published",
        "results-withdrawn",
        "question-added",
        "question-removed",
        "question-changed",
        "question-moved",
        "page-titled",
        "page-rule-set",
        "page-rule-cleared",
        "stage-added",
        "stage-removed",
        "finding-added",
        "finding-published",
        "finding-withdrawn",
        "finding-removed",
        "finding-what-we-did-saved",
        "translation",
        "preview-ended",
        "wording-fixed",
        "wording-unchanged",
    ],
    openapi: api::openapi,
    nav: &[NavEntry {
        link: NavLink {
            key: "consultations",
            href: "/consultations",
            label: "nav-consultations",
        },
        rank: 10,
        staff_only: false,
        for_action: None,
    }],
    home: Some(listings::home),
    get_involved: Some(listings::get_involved),
    staff_panel: Some(staff::panel::PANEL),
    public_changes: Some(changes_public),
};

/// Officers' pages and the API's changes; answering only changes counts,
/// which the public lists do not show, and a preview changes nothing.
fn changes_public(path: &str) -> bool {
    (path.starts_with("/staff/consultations/") && !path.contains("/preview"))
        || (path.starts_with("/api/v1/consultations") && !path.ends_with("/response"))
}

fn routes() -> Router<SharedState> {
    Router::new()
        .route("/consultations", get(list::index))
        .route("/consultations/{id}", get(page::show))
        .route("/consultations/{id}/respond", get(respond::start))
        .route("/consultations/{id}/respond/check", get(respond::check))
        .route("/consultations/{id}/respond/submit", post(respond::submit))
        .route("/consultations/{id}/respond/done", get(respond::done))
        .route(
            "/consultations/{id}/respond/answers",
            get(your_answers::page),
        )
        .route(
            "/consultations/{id}/respond/receipt",
            post(yours::email_copy),
        )
        .route(
            "/consultations/{id}/respond/{page}",
            get(respond::page_form).post(respond::save_page),
        )
        .route("/consultations/{id}/results", get(results::results_page))
        .route("/consultations/{id}/results.csv", get(exports::results_csv))
        .route("/consultations/{id}/findings", get(findings::page))
        .merge(staff_routes())
        .merge(builder_routes())
        .merge(analysis_routes())
        .merge(api::routes())
}

/// Officers building a survey: its questions and its pages.
fn builder_routes() -> Router<SharedState> {
    use staff::{page_rule, questions, survey};
    let base = "/staff/consultations/{id}";
    Router::new()
        .route(
            &format!("{base}/questions/new"),
            get(questions::question_form).post(questions::add_question),
        )
        .route(
            &format!("{base}/questions/{{qid}}/edit"),
            get(questions::edit_question_form).post(questions::edit_question),
        )
        .route(
            &format!("{base}/questions/{{qid}}/remove"),
            get(questions::remove_question_form).post(questions::remove_question),
        )
        .route(
            &format!("{base}/questions/{{qid}}/move"),
            post(survey::move_question),
        )
        .route(
            &format!("{base}/pages/{{n}}/title"),
            get(survey::title_form).post(survey::set_title),
        )
        .route(
            &format!("{base}/pages/{{n}}/rule"),
            get(page_rule::page_rule_form).post(page_rule::set_page_rule),
        )
}

/// Officers writing and publishing a consultation.
fn staff_routes() -> Router<SharedState> {
    use staff::{details, fixes, manage, preview, publication, stages};
    let base = "/staff/consultations/{id}";
    Router::new()
        .route(&format!("{base}/preview"), get(preview::start))
        .route(&format!("{base}/preview/end"), post(preview::end))
        .route(&format!("{base}/preview/{{page}}"), post(preview::send))
        .route(
            &format!("{base}/wording/{{page}}"),
            get(fixes::form).post(fixes::save),
        )
        .route(
            &format!("{base}/wording/{{page}}/{{lang}}"),
            get(fixes::form_in).post(fixes::save_in),
        )
        .route(
            "/staff/consultations/new",
            get(details::new_form).post(details::create),
        )
        .route(base, get(manage::manage))
        .route(
            &format!("{base}/edit"),
            get(details::edit_form).post(details::update),
        )
        .route(
            &format!("{base}/publication"),
            get(publication::ask_publication).post(publication::publication),
        )
        .route(
            &format!("{base}/results/publish"),
            get(publication::publish_results_form).post(publication::publish_results),
        )
        .route(
            &format!("{base}/stages/new"),
            get(stages::stage_form).post(stages::add_stage),
        )
        .route(
            &format!("{base}/stages/{{n}}/remove"),
            get(stages::remove_stage_form).post(stages::remove_stage),
        )
        .route(
            &format!("{base}/translations/{{lang}}"),
            get(translations::form).post(translations::save),
        )
        .route(
            &format!("{base}/findings/new"),
            get(staff::findings::new_form).post(staff::findings::add),
        )
        .route(
            &format!("{base}/findings/{{finding}}"),
            get(staff::findings::ask_change).post(staff::findings::change),
        )
        .route(
            &format!("{base}/findings/{{finding}}/what-we-did"),
            get(staff::findings::what_we_did_form).post(staff::findings::set_what_we_did),
        )
}

/// Staff who analyse: figures, answers, themes and exports.
fn analysis_routes() -> Router<SharedState> {
    use staff::{analysis, answers, weighting};
    use themes::{confirmation, edit, review};
    let base = "/staff/consultations/{id}";
    let theme = "/staff/consultations/{id}/themes/{question}";
    Router::new()
        .route(&format!("{base}/analysis"), get(analysis::analysis))
        .route(&format!("{base}/answers"), get(answers::answers))
        .route(&format!("{base}/weighting"), get(weighting::weighting))
        .route(
            &format!("{base}/responses/{{response}}"),
            get(answers::response),
        )
        .route(
            &format!("{base}/responses.csv"),
            get(exports::responses_csv),
        )
        .route(
            &format!("{base}/responses.xlsx"),
            get(exports::responses_xlsx),
        )
        .route(
            theme,
            get(themes::analysis::page).post(themes::analysis::post),
        )
        .route(&format!("{theme}/edit"), post(edit::edit))
        .route(
            &format!("{theme}/confirm"),
            get(confirmation::ask_confirm).post(confirmation::confirm),
        )
        .route(
            &format!("{theme}/review"),
            get(review::review_page).post(review::review),
        )
        .route(&format!("{theme}/{{theme}}"), get(edit::theme_page))
}
