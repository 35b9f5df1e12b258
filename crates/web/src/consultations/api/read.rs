//! Reading consultations: the list and one consultation with its survey
//! and timeline.

use axum::extract::{Query, State};
use axum::Json;
use cohesion_domain::consultation::Consultation;
use cohesion_domain::consultation::{format_date, StageInput, StageState};
use cohesion_services::consultations::reading::{self, ConsultationView, PAGE_SIZE};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::consultations::list::ListParams;
use crate::kit::{AppError, CurrentUser, PathId, Problem, SharedState};
use cohesion_domain::timestamp::Timestamp;

/// A consultation in a list.
#[derive(Serialize, ToSchema)]
pub struct ConsultationSummary {
    pub id: Uuid,
    pub title: String,
    pub summary: String,
    /// The language its texts (title, summary, survey, …) are written
    /// in: a language tag of the site's (`en`, `ar`).
    #[schema(example = "en")]
    pub language: String,
    /// `upcoming`, `open`, `closed`, or `draft` (staff only).
    #[schema(example = "open")]
    pub status: String,
    pub opens_at: String,
    pub closes_at: String,
    pub topics: Vec<String>,
    pub area: Option<String>,
    /// People who have submitted a response.
    pub respondents: i64,
    pub results_published: bool,
}

fn summary(c: &Consultation) -> ConsultationSummary {
    ConsultationSummary {
        id: c.id,
        title: c.title.clone(),
        summary: c.summary.clone(),
        language: c.language.clone(),
        status: c.status_key(Timestamp::now()).to_owned(),
        opens_at: c.opens_at.to_rfc3339(),
        closes_at: c.closes_at.to_rfc3339(),
        topics: c.topics.clone(),
        area: c.area.clone(),
        respondents: c.response_count,
        results_published: c.results_published_at.is_some(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct ConsultationPage {
    pub items: Vec<ConsultationSummary>,
    pub total: i64,
    pub page: u32,
    pub page_size: i64,
}

/// List consultations.
///
/// Published consultations, open first; staff also see drafts.
#[utoipa::path(get, path = "/api/v1/consultations", operation_id = "list_consultations", tag = "consultations",
    params(("status" = Option<String>, Query, description = "upcoming, open or closed"),
           ("topic" = Option<String>, Query), ("area" = Option<String>, Query), ("q" = Option<String>, Query), ("page" = Option<u32>, Query)),
    responses((status = 200, body = ConsultationPage),
        (status = 422, description = "Unknown status (`invalid_choice`)", body = Problem, content_type = "application/problem+json")))]
pub async fn list(
    State(state): State<SharedState>,
    user: CurrentUser,
    Query(p): Query<ListParams>,
) -> Result<Json<ConsultationPage>, AppError> {
    let (query, page) = p.query()?;
    let (items, total) = reading::list(&state.db, user.0.as_ref(), query, page).await?;
    Ok(Json(ConsultationPage {
        items: items.iter().map(summary).collect(),
        total,
        page,
        page_size: PAGE_SIZE,
    }))
}

/// A stage of the timeline.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StageBody {
    #[serde(default)]
    #[schema(required = true, example = "Formal consultation")]
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// `YYYY-MM-DD`, or empty.
    #[serde(default)]
    pub date: String,
    /// Where the stage stands: `happened`, `current` or `to_come`. Read,
    /// it is where the stage stands today, worked out from the dates for
    /// a stage that follows them. Sent, it may also be `automatic` (or
    /// empty, the default): the stage then follows its dates.
    #[serde(default)]
    #[schema(example = "current")]
    pub state: String,
    /// Whether `state` follows the dates (read); sent `true`, the stage
    /// follows them whatever `state` says, so a timeline read can be
    /// sent back as it is.
    #[serde(default)]
    pub automatic: bool,
    /// `none`, `survey`, `results` or `findings`.
    #[serde(default)]
    pub link: String,
}

impl From<StageBody> for StageInput {
    fn from(b: StageBody) -> Self {
        StageInput {
            name: b.name,
            description: b.description,
            date: b.date,
            state: if b.automatic {
                StageState::Automatic.key().to_owned()
            } else {
                b.state
            },
            link: b.link,
        }
    }
}

/// A consultation with its survey and timeline.
#[derive(Serialize, ToSchema)]
pub struct ConsultationDetail {
    #[serde(flatten)]
    pub summary: ConsultationSummary,
    /// Markdown.
    pub body: String,
    pub allow_anonymous: bool,
    pub strands: Vec<String>,
    pub documents: Vec<DocumentBody>,
    /// Pages of questions, each with its kind's members and rules.
    #[schema(value_type = super::survey_schema::SurveySchema)]
    pub survey: serde_json::Value,
    pub stages: Vec<StageBody>,
}

/// The consultation as the API gives it, its timeline as it stands on
/// `today` (the site's local date).
fn detail(v: ConsultationView, today: time::Date) -> ConsultationDetail {
    let states = cohesion_domain::timeline::states(&v.stages, today);
    ConsultationDetail {
        summary: summary(&v.consultation),
        body: v.consultation.body.clone(),
        allow_anonymous: v.consultation.allow_anonymous,
        strands: v.consultation.strands.clone(),
        documents: v
            .consultation
            .documents
            .iter()
            .map(|d| DocumentBody {
                title: d.title.clone(),
                url: d.url.clone(),
            })
            .collect(),
        survey: serde_json::to_value(&v.survey).unwrap_or_default(),
        stages: v
            .stages
            .iter()
            .zip(states)
            .map(|(s, state)| StageBody {
                name: s.name.clone(),
                description: s.description.clone(),
                date: s.date.map(format_date).unwrap_or_default(),
                state: state.key().to_owned(),
                automatic: s.state == StageState::Automatic,
                link: s.link.key().to_owned(),
            })
            .collect(),
    }
}

/// Get a consultation.
///
/// Drafts exist only for staff.
#[utoipa::path(get, path = "/api/v1/consultations/{id}", operation_id = "get_consultation", tag = "consultations",
    params(("id" = Uuid, Path)),
    responses((status = 200, body = ConsultationDetail),
        (status = 404, description = "No such consultation, or a draft", body = Problem, content_type = "application/problem+json"),
        (status = 410, description = "Withdrawn from the public (`consultation_withdrawn`)", body = Problem, content_type = "application/problem+json")))]
pub async fn show(
    State(state): State<SharedState>,
    user: CurrentUser,
    PathId(id): PathId,
) -> Result<Json<ConsultationDetail>, AppError> {
    let v = reading::view(&state.db, user.0.as_ref(), id).await?;
    let today = state
        .config
        .time_zone
        .civil(time::OffsetDateTime::now_utc())
        .date();
    Ok(Json(detail(v, today)))
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentBody {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub url: String,
}

/// The timeline, as `PUT …/stages` takes it: a list of stages.
impl crate::kit::ApiBody for Vec<StageBody> {
    fn schema() -> serde_json::Value {
        serde_json::json!({"type": "array", "items": crate::kit::api::component::<StageBody>()})
    }
}
