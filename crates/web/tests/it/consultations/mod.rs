//! Consultations over HTTP: officers build and publish one through the
//! staff forms, residents and anonymous visitors answer it page by page,
//! results stay private until published, and bad input gets a clear 4xx
//! with nothing saved; analysts work the themes of written answers,
//! crosstabs and weighting.

mod account_said_once;
mod after_responding;
mod analysis_pages;
mod answer_limits;
mod answers_in_activity;
mod api_history;
mod api_problems;
mod api_schema;
mod api_translations;
mod arabic;
mod audit_filters;
mod audit_log_words;
mod back_links;
mod bad_input;
mod bidi_lists;
mod builder;
mod builder_all_problems;
mod builder_forms;
mod builder_history;
mod builder_pages;
mod crosstab_disclosure;
mod crosstabs;
mod details_history;
mod details_problems;
mod error_titles;
mod exports_explained;
mod findable;
mod findings_and_analysis;
mod findings_reachable;
mod history_words;
mod invisible_marks;
mod json_downloads;
mod layout_fits;
mod lifecycle;
mod list;
mod local_time;
mod manage_panel;
mod options_twice;
mod phone_tables;
mod preview;
mod publication_translations;
mod publication_words;
mod question_form_kinds;
mod questions;
mod receipts;
mod receipts_from_account;
mod respondents_kept_from_staff;
mod responding;
mod results;
mod results_links_named;
mod results_snapshot;
mod resuming;
mod search_whole_words;
mod staff_findings_languages;
mod switching_after_post;
mod themes;
mod themes_asked;
mod themes_confirmation;
mod themes_languages;
mod themes_rerun;
mod we_did;
mod weighting;
mod weighting_form;
mod weighting_left_out;
mod withdrawal;
mod wording_fixes;
mod wording_pages;
mod written_in_arabic;
mod your_answers;

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use cohesion_storage::consultations::catalogue::{self as consultations, ListQuery};
use cohesion_storage::Timestamp;

use crate::support::Server;

const OFFICER: &str = "helen@brightwater.example";
const TOM: &str = "tom@brightwater.example";
const AMINA: &str = "amina@brightwater.example";
const ANALYST: &str = "li@brightwater.example";

/// Dates that keep a consultation open for the whole run.
const OPEN_FROM: &str = "2020-01-01T09:00";
const OPEN_UNTIL: &str = "2099-12-31T17:00";

/// The consultation's id from the page the create form redirects to.
fn id_from(res: &reqwest::Response) -> String {
    let location = res.headers()["location"].to_str().unwrap();
    let rest = location
        .strip_prefix("/staff/consultations/")
        .unwrap_or_else(|| panic!("redirect to the new consultation, not {location}"));
    rest.split('?').next().unwrap().to_owned()
}

/// How many consultations exist, drafts included.
async fn consultation_count(s: &Server) -> i64 {
    let mut c = s.db().acquire().await.unwrap();
    let q = ListQuery {
        drafts: true,
        limit: 100,
        ..Default::default()
    };
    cohesion_storage::consultations::catalogue::list(c.conn(), &q, Timestamp::now())
        .await
        .unwrap()
        .1
}

/// Creates a consultation through the form and returns its id.
async fn create(
    s: &Server,
    cookie: &str,
    csrf: &str,
    title: &str,
    (opens, closes): (&str, &str),
    anonymous: &str,
) -> String {
    let res = s
        .post(
            "/staff/consultations/new",
            cookie,
            &[
                ("csrf", csrf),
                ("title", title),
                ("summary", "Tell us what would make your street feel safer."),
                ("body", "We will **read every answer**."),
                ("topics", "safety, youth"),
                ("area", "Harbourside"),
                ("opens_at", opens),
                ("closes_at", closes),
                ("allow_anonymous", anonymous),
            ],
        )
        .await;
    assert_eq!(res.status(), 303, "creating {title}");
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .ends_with("?done=consultation-created"));
    id_from(&res)
}

async fn add_question(
    s: &Server,
    cookie: &str,
    id: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    s.post(
        &format!("/staff/consultations/{id}/questions/new"),
        cookie,
        fields,
    )
    .await
}

/// The survey used throughout: page 1 asks q1 (single choice, required)
/// and q2 (agreement, optional); page 2 asks q3 (long text) only of
/// those who answered q1 with its first option.
async fn build_survey(s: &Server, cookie: &str, csrf: &str, id: &str) {
    let res = add_question(
        s,
        cookie,
        id,
        &[
            ("csrf", csrf),
            ("page", "1"),
            ("kind", "single_choice"),
            ("text", "Have you seen hate incidents locally?"),
            ("required", "yes"),
            ("options", "Yes\nNo"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303, "q1");
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .ends_with("?done=question-added"));
    let res = add_question(
        s,
        cookie,
        id,
        &[
            ("csrf", csrf),
            ("page", "1"),
            ("kind", "agreement"),
            ("text", "Brightwater is a place where people get on well."),
            ("required", "no"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303, "q2");
    let res = add_question(
        s,
        cookie,
        id,
        &[
            ("csrf", csrf),
            ("page", "2"),
            ("kind", "long_text"),
            ("text", "What happened?"),
            ("required", "yes"),
            ("max", "500"),
            ("show_if_question", "q1"),
            ("show_if_options", "1"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303, "q3, with its routing rule");
}

async fn add_stage(s: &Server, cookie: &str, csrf: &str, id: &str) {
    let res = s
        .post(
            &format!("/staff/consultations/{id}/stages/new"),
            cookie,
            &[
                ("csrf", csrf),
                ("name", "Survey open"),
                ("description", "Tell us what you think."),
                ("date", "2020-01-01"),
                ("state", "current"),
                ("link", "survey"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303, "adding a stage");
}

async fn publish(s: &Server, cookie: &str, csrf: &str, id: &str, what: &str) {
    let res = s
        .post(
            &format!("/staff/consultations/{id}/publication"),
            cookie,
            &[
                ("csrf", csrf),
                ("what", what),
                ("publish", "yes"),
                ("confirm", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303, "publishing the {what}");
}

/// An officer's published, open consultation with the survey above.
async fn published(s: &Server, anonymous: &str) -> (String, String, String) {
    let (cookie, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
    let id = create(
        s,
        &cookie,
        &csrf,
        "Safer streets in Harbourside",
        (OPEN_FROM, OPEN_UNTIL),
        anonymous,
    )
    .await;
    build_survey(s, &cookie, &csrf, &id).await;
    add_stage(s, &cookie, &csrf, &id).await;
    publish(s, &cookie, &csrf, &id, "consultation").await;
    (cookie, csrf, id)
}

/// A valid create form, with `token` first.
fn details(token: &str) -> Vec<(&'static str, &str)> {
    vec![
        ("csrf", token),
        ("title", "Parks after dark"),
        ("summary", "Lighting and safety in parks."),
        ("opens_at", OPEN_FROM),
        ("closes_at", OPEN_UNTIL),
    ]
}

/// The survey's question ids, page by page, as stored.
async fn question_ids(s: &Server, id: &str) -> Vec<Vec<String>> {
    let mut c = s.db().acquire().await.unwrap();
    let (_, stored) =
        cohesion_storage::consultations::catalogue::find(c.conn(), id.parse().unwrap())
            .await
            .unwrap()
            .unwrap();
    let survey: serde_json::Value = serde_json::from_str(&stored).unwrap();
    survey["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p["questions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|q| q["id"].as_str().unwrap().to_owned())
                .collect()
        })
        .collect()
}

fn location(res: &reqwest::Response) -> String {
    res.headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

async fn demo_consultation(s: &Server) -> String {
    cohesion_services::consultations::demo::load(s.db())
        .await
        .unwrap();
    let mut c = s.db().acquire().await.unwrap();
    let query = ListQuery {
        drafts: true,
        limit: 20,
        ..Default::default()
    };
    let (list, _) = consultations::list(c.conn(), &query, Timestamp::now())
        .await
        .unwrap();
    list.into_iter()
        .find(|c| c.title.starts_with("Safer streets"))
        .unwrap()
        .id
        .to_string()
}

/// The ids of the themes on the page, in order (from their edit links).
fn theme_ids(html: &str, base: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in html.split(&format!("href=\"{base}/")).skip(1) {
        let id: String = part.chars().take_while(|c| *c != '"').collect();
        if id.len() == 36 && !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

/// How many translations have been saved (audit entries).
async fn translations_saved(s: &Server) -> usize {
    let mut c = s.db().acquire().await.unwrap();
    let q = cohesion_storage::audit::AuditQuery {
        action: Some("consultation.translate"),
        actor: None,
        subject: None,
        before: None,
        limit: 100,
    };
    cohesion_storage::audit::page(c.conn(), &q)
        .await
        .unwrap()
        .len()
}
