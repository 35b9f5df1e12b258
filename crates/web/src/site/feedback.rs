//! "Is this page useful?": the form under every information page, and
//! the same answers through the API.

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use cohesion_domain::pages::InfoPage;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::site::feedback;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::kit::{ApiJson, AppError, ClientKey, Problem, SharedState, StrictForm};

#[derive(Deserialize)]
pub struct FeedbackForm {
    #[serde(default)]
    page: String,
    #[serde(default)]
    answer: String,
}

/// Records an answer, then sends the browser back to the page it came
/// from (post/redirect/get, so a reload does not post twice).
pub async fn post_form(
    State(state): State<SharedState>,
    client: ClientKey,
    StrictForm(form): StrictForm<FeedbackForm>,
) -> Result<Response, AppError> {
    feedback::record(
        &state.db,
        &form.page,
        &form.answer,
        &client.0,
        state.config.feedback_limit,
    )
    .await?;
    let page = InfoPage::from_key(&form.page).unwrap_or(InfoPage::Home);
    let mut res =
        Redirect::to(&format!("{}?feedback=thanks#feedback", page.path())).into_response();
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FeedbackRequest {
    /// A page key: home, get_involved, about, accessibility, privacy, cookies.
    #[schema(example = "about")]
    pub page: String,
    /// "yes" or "no".
    #[schema(example = "yes")]
    pub answer: String,
}

#[derive(Serialize, ToSchema)]
pub struct FeedbackTally {
    pub page: String,
    pub useful: u64,
    pub not_useful: u64,
}

#[utoipa::path(post, path = "/api/v1/feedback", tag = "feedback", request_body = FeedbackRequest,
    responses(
        (status = 201, description = "Recorded", body = FeedbackTally),
        (status = 400, description = "Unknown page or malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Answer is not yes or no", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many answers from this client", body = Problem, content_type = "application/problem+json")))]
pub async fn post_feedback(
    State(state): State<SharedState>,
    client: ClientKey,
    ApiJson(req): ApiJson<FeedbackRequest>,
) -> Result<Response, AppError> {
    let tally = feedback::record(
        &state.db,
        &req.page,
        &req.answer,
        &client.0,
        state.config.feedback_limit,
    )
    .await?;
    let page = InfoPage::from_key(req.page.trim()).unwrap_or(InfoPage::Home);
    Ok((
        StatusCode::CREATED,
        Json(FeedbackTally {
            page: page.key().to_owned(),
            useful: tally.useful,
            not_useful: tally.not_useful,
        }),
    )
        .into_response())
}

#[utoipa::path(get, path = "/api/v1/feedback/{page}", tag = "feedback",
    params(("page" = String, Path, description = "A page key")),
    responses((status = 200, body = FeedbackTally), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_feedback(
    State(state): State<SharedState>,
    Path(page): Path<String>,
) -> Result<Json<FeedbackTally>, AppError> {
    let page = InfoPage::from_key(&page)
        .ok_or_else(|| AppError::from(ValidationError::new("page", ErrorCode::UnknownPage)))
        .map_err(|mut e| {
            e.status = StatusCode::NOT_FOUND;
            e
        })?;
    let tally = feedback::tally(&state.db, page).await?;
    Ok(Json(FeedbackTally {
        page: page.key().to_owned(),
        useful: tally.useful,
        not_useful: tally.not_useful,
    }))
}

// Read with `ApiJson`: checked against their schemas first.
crate::kit::api::api_bodies!(FeedbackRequest);
