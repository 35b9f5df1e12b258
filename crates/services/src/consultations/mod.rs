//! Consultations: officers write, build the survey, publish and
//! translate; everyone else reads what is published (drafts exist only
//! for staff) and answers the survey; staff who analyse read the results,
//! find themes in written answers, write findings and export responses.
//! Each room below holds one of these; what they share is here.

pub mod authoring;
pub mod demo;
pub mod exports;
pub mod findings;
pub mod reading;
pub mod responding;
pub mod results;
pub mod themes;
pub mod translations;

use cohesion_domain::survey::model::SurveyDefinition;

use crate::ServiceError;

pub(crate) fn parse_survey(json: &str) -> Result<SurveyDefinition, ServiceError> {
    serde_json::from_str(json).map_err(|e| {
        ServiceError::Storage(cohesion_storage::StorageError::Invalid(format!(
            "stored survey unreadable: {e}"
        )))
    })
}
