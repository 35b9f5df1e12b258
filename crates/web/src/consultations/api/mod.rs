//! The JSON API for consultations: reading them, officers writing them
//! (details, survey, timeline, publication), answering the survey in one
//! call, the results, the findings, the theme analysis of long-text
//! questions, and officers' translations (`translations`).
//! Thin handlers over the services the pages use.

mod findings;
mod read;
mod respond;
mod results;
pub(crate) mod survey_schema;
mod themes;
mod translations;
mod write;

use axum::routing::{delete, get, post, put};
use axum::Router;
use utoipa::{OpenApi, ToSchema};

use crate::kit::SharedState;

pub(super) fn routes() -> Router<SharedState> {
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
            "/api/v1/consultations/{id}/translations/{lang}",
            get(translations::show).put(translations::replace),
        )
        .route(
            "/api/v1/consultations/{id}/findings",
            get(findings::findings_json).post(findings::add),
        )
        .route(
            "/api/v1/consultations/{id}/findings/{finding}",
            delete(findings::remove),
        )
        .route(
            "/api/v1/consultations/{id}/findings/{finding}/publication",
            put(findings::publish).delete(findings::withdraw),
        )
        .route(
            "/api/v1/consultations/{id}/questions/{question}/themes",
            get(themes::show).post(themes::run),
        )
        .route(
            "/api/v1/consultations/{id}/questions/{question}/themes/edits",
            post(themes::edit),
        )
        .route(
            "/api/v1/consultations/{id}/questions/{question}/themes/confirmation",
            post(themes::confirm),
        )
        .route(
            "/api/v1/consultations/{id}/questions/{question}/themes/mapping",
            post(themes::map),
        )
}

/// This part of the OpenAPI document: consultations, then themes, with
/// every part of the survey's schema.
pub(super) fn openapi() -> utoipa::openapi::OpenApi {
    let mut doc = ConsultationsApi::openapi().merge_from(themes::ThemesApi::openapi());
    let components = doc.components.get_or_insert_with(Default::default);
    let mut parts = Vec::new();
    <survey_schema::SurveySchema as ToSchema>::schemas(&mut parts);
    for (name, schema) in parts {
        components.schemas.insert(name, schema);
    }
    doc
}

#[derive(OpenApi)]
#[openapi(
    paths(read::list, read::show, write::create, write::update, write::set_survey, write::set_stages, write::publish,
        write::withdraw, write::publish_results, write::withdraw_results, respond::respond, respond::my_response,
        results::results_json, findings::findings_json, findings::add, findings::publish, findings::withdraw,
        findings::remove, translations::show, translations::replace),
    components(schemas(crate::kit::translations_api::TranslationBody,
        crate::kit::translations_api::TranslatedText, crate::kit::translations_api::TranslationRequest,
        read::ConsultationSummary, read::ConsultationPage, read::ConsultationDetail, write::ConsultationRequest,
        read::StageBody, write::Created, read::DocumentBody, respond::ResponseRequest, respond::OneOrMany, respond::Submitted,
        respond::MyResponse, write::PublishResultsRequest, results::ResultsBody, results::WeightedBody,
        results::WeightedQuestionBody, results::WeightedCellBody, results::QuestionResultBody, results::LineBody,
        results::CellBody, results::AsOfBody, findings::FindingsBody, findings::FindingBody, findings::FindingFigureBody, findings::FindingRequest,
        survey_schema::SurveySchema)),
    tags((name = "consultations", description = "Consultations, their surveys, responses and results."))
)]
struct ConsultationsApi;
