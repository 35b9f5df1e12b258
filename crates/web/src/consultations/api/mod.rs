//! The JSON API for consultations: reading them, officers writing them
//! (details, survey, timeline, publication), answering the survey in one
//! call, the results, the findings, and the theme analysis of long-text questions.
//! Thin handlers over the services the pages use.

mod findings;
mod read;
mod respond;
mod results;
mod themes;
mod write;

use axum::routing::{get, post, put};
use axum::Router;
use utoipa::OpenApi;

use crate::kit::SharedState;

pub(super) fn routes() -> Router<SharedState> {
    let themes = "/api/v1/consultations/{id}/questions/{question}/themes";
    Router::new()
        .route("/api/v1/consultations", get(read::list).post(write::create))
        .route(
            "/api/v1/consultations/{id}",
            get(read::show).put(write::update),
        )
        .route("/api/v1/consultations/{id}/survey", put(write::set_survey))
        .route("/api/v1/consultations/{id}/stages", put(write::set_stages))
        .route(
            "/api/v1/consultations/{id}/publication",
            put(write::publish).delete(write::withdraw),
        )
        .route(
            "/api/v1/consultations/{id}/results/publication",
            put(write::publish_results).delete(write::withdraw_results),
        )
        .route(
            "/api/v1/consultations/{id}/response",
            post(respond::respond).get(respond::my_response),
        )
        .route(
            "/api/v1/consultations/{id}/results",
            get(results::results_json),
        )
        .route(
            "/api/v1/consultations/{id}/findings",
            get(findings::findings_json),
        )
        .route(themes, get(themes::show).post(themes::run))
        .route(&format!("{themes}/edits"), post(themes::edit))
        .route(&format!("{themes}/confirmation"), post(themes::confirm))
        .route(&format!("{themes}/mapping"), post(themes::map))
}

/// This part of the OpenAPI document: consultations, then themes.
pub(super) fn openapi() -> utoipa::openapi::OpenApi {
    ConsultationsApi::openapi().merge_from(themes::ThemesApi::openapi())
}

#[derive(OpenApi)]
#[openapi(
    paths(read::list, read::show, write::create, write::update, write::set_survey, write::set_stages, write::publish,
        write::withdraw, write::publish_results, write::withdraw_results, respond::respond, respond::my_response,
        results::results_json, findings::findings_json),
    components(schemas(read::ConsultationSummary, read::ConsultationPage, read::ConsultationDetail, write::ConsultationRequest,
        read::StageBody, write::Created, read::DocumentBody, respond::ResponseRequest, respond::OneOrMany, respond::Submitted,
        respond::MyResponse, write::PublishResultsRequest, results::ResultsBody, results::WeightedBody,
        results::WeightedQuestionBody, results::WeightedCellBody, results::QuestionResultBody, results::LineBody,
        results::CellBody, findings::FindingsBody, findings::FindingBody, findings::FindingFigureBody)),
    tags((name = "consultations", description = "Consultations, their surveys, responses and results."))
)]
struct ConsultationsApi;
