//! Exporting responses: who may, what they get, and the audit entry every
//! export leaves. Special-category answers are exported only to those
//! allowed to see them, and that export is logged as such.

use cohesion_domain::identity::Action;
use cohesion_domain::survey::model::SurveyDefinition;
use cohesion_storage::consultations::{self, ConsultationRecord};
use cohesion_storage::responses::{self, Submitted};
use cohesion_storage::Db;
use uuid::Uuid;

use crate::accounts::{audit_log, Origin, SignedIn};
use crate::consultations::parse_survey;
use crate::{require, ServiceError};

/// Responses fetched per query while exporting.
pub const EXPORT_PAGE: i64 = 1_000;

/// What an export may contain, decided (and logged) once at its start.
#[derive(Debug, Clone)]
pub struct Export {
    pub consultation: ConsultationRecord,
    pub survey: SurveyDefinition,
    /// Whether special-category columns are included.
    pub special: bool,
}

/// Starts an export of consultation `id`'s responses for `me`, writing
/// the audit entry before any data leaves.
pub async fn start(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    client: Option<&str>,
) -> Result<Export, ServiceError> {
    require(me, Action::ExportResponses)?;
    let mut tx = db.begin().await?;
    let consultation = consultations::find(tx.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let survey = parse_survey(&consultation.survey)?;
    let has_special = survey.questions().any(|q| q.kind.is_special_category());
    let special = has_special && me.roles.allows(Action::ViewSpecialCategory);
    let origin = Origin {
        actor: Some(me.user_id),
        client,
    };
    let detail = format!("{} responses", consultation.response_count);
    audit_log(tx.conn(), origin, "responses.export", Some(id), &detail).await?;
    if special {
        let origin = Origin {
            actor: Some(me.user_id),
            client,
        };
        audit_log(
            tx.conn(),
            origin,
            "special_category.export",
            Some(id),
            "responses with special-category answers",
        )
        .await?;
    }
    tx.commit().await?;
    Ok(Export {
        consultation,
        survey,
        special,
    })
}

/// The next page of submitted responses after `after`.
pub async fn page(
    db: &Db,
    export: &Export,
    after: Option<Uuid>,
) -> Result<Vec<Submitted>, ServiceError> {
    let mut c = db.acquire().await?;
    Ok(responses::submitted_page(
        c.conn(),
        export.consultation.id,
        after,
        EXPORT_PAGE,
        export.special,
    )
    .await?)
}
