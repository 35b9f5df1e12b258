//! Consultations: officers write, build the survey, publish and
//! translate; everyone else reads what is published (drafts exist only
//! for staff) and answers the survey; staff who analyse read the results,
//! find themes in written answers, write findings and export responses.
//! Each room below holds one of these; what they share is here.

pub mod authoring;
pub mod builder;
pub mod demo;
pub mod exports;
pub mod findings;
pub mod history;
pub mod preview;
pub mod reading;
pub mod responding;
pub mod results;
pub mod themes;
pub mod translations;
pub mod wording_fixes;

use cohesion_domain::consultation::Consultation;
use cohesion_domain::survey::answers::AnswerError;
use cohesion_domain::survey::changes::RuleConflict;
use cohesion_domain::survey::model::{DefinitionError, SurveyDefinition};
use cohesion_storage::consultations::catalogue;
use cohesion_storage::Conn;
use uuid::Uuid;

use crate::accounts::your_data::YourData;
use crate::erasure::{Contributions, Names, Person, PersonalData, Step};
use crate::ServiceError;

/// What only the consultations feature refuses.
#[derive(Debug, thiserror::Error)]
pub enum ConsultationError {
    /// Survey answers that break the survey's rules, each with its question.
    #[error("{} answers are invalid", .0.len())]
    InvalidAnswers(Vec<AnswerError>),
    /// A survey definition with problems, each with where it is.
    #[error("the survey has {} problems", .0.len())]
    InvalidSurvey(Vec<DefinitionError>),
    /// Reworded texts that cannot be taken, each named by its key.
    #[error("{} reworded texts are invalid", .0.len())]
    InvalidWording(Vec<cohesion_domain::survey::wording::WordingError>),
    /// A change to the survey that would break routing rules, each
    /// naming the question (or page) whose rule it is and the question
    /// the rule depends on.
    #[error("the change breaks {} routing rules", .0.len())]
    RuleConflicts(Vec<RuleConflict>),
    /// A builder form with problems in its fields and routing rules its
    /// change would break, all said at once.
    #[error("{} fields are invalid and the change breaks {} routing rules", .0.len(), .1.len())]
    FieldsAndConflicts(Vec<cohesion_domain::ValidationError>, Vec<RuleConflict>),
    /// A consultation taken back from the public at `at`: to those who
    /// may not see drafts it is gone, not unknown.
    #[error("withdrawn")]
    Withdrawn {
        at: cohesion_domain::timestamp::Timestamp,
    },
    /// The results of a published consultation, asked for by someone who
    /// may see them only once they are published: the pages say "not
    /// published yet" rather than "not found".
    #[error("results not published")]
    ResultsNotPublished,
}

/// Consultation `id` with its survey, or "not found".
pub(crate) async fn load(
    conn: Conn<'_>,
    id: Uuid,
) -> Result<(Consultation, SurveyDefinition), ServiceError> {
    let (consultation, survey) = catalogue::find(conn, id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    Ok((consultation, parse_survey(&survey)?))
}

pub(crate) fn parse_survey(json: &str) -> Result<SurveyDefinition, ServiceError> {
    serde_json::from_str(json).map_err(|e| {
        ServiceError::Storage(cohesion_storage::StorageError::Invalid(format!(
            "stored survey unreadable: {e}"
        )))
    })
}

/// What staff did on consultations (see `erasure`): who wrote one, its
/// findings and translations, published its results, ran or reviewed a
/// theme analysis. Ids of staff at work, kept like the audit log's: no
/// part of the person's download, and untouched when their account goes.
/// Residents' responses are [`responding::personal_data::ResponsesHook`].
pub struct StaffWorkHook;

impl PersonalData<YourData> for StaffWorkHook {
    fn names(&self) -> &'static [Names] {
        const NAMES: &[Names] = &[
            Names::kept("consultations.created_by"),
            Names::kept("findings.created_by"),
            Names::kept("consultation_translations.updated_by"),
            Names::kept("result_publications.published_by"),
            Names::kept("theme_runs.run_by"),
            Names::kept("themes.created_by"),
            Names::kept("theme_reviews.reviewed_by"),
        ];
        NAMES
    }

    fn export<'a>(&'a self, _: Conn<'a>, _: &'a Person, _: &'a mut YourData) -> Step<'a> {
        Box::pin(async { Ok(()) })
    }

    fn erase<'a>(&'a self, _: Conn<'a>, _: &'a Person, _: Contributions) -> Step<'a> {
        Box::pin(async { Ok(()) })
    }
}
