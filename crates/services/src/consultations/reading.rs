//! What everyone reads of a consultation: one by id (drafts for staff
//! only), in the reader's language, and the list with its filters.

use cohesion_domain::consultation::Stage;
use cohesion_domain::survey::model::SurveyDefinition;
use cohesion_domain::translation::{self, SourceText, Texts, Translator, Untranslated};
use cohesion_storage::consultations::catalogue::{self, ConsultationRecord, ListQuery};
use cohesion_storage::consultations::translations;
use cohesion_storage::{Db, Timestamp};
use uuid::Uuid;

use super::parse_survey;
use crate::accounts::SignedIn;
use crate::permissions::is_staff;
use crate::ServiceError;

pub const PAGE_SIZE: i64 = 20;

/// A consultation with its survey and timeline, as a page shows it.
#[derive(Debug, Clone)]
pub struct ConsultationView {
    pub record: ConsultationRecord,
    pub survey: SurveyDefinition,
    pub stages: Vec<Stage>,
}

impl ConsultationView {
    /// Every translatable text with its key and what it is (see
    /// `domain::translation`).
    pub fn texts(&self) -> Vec<SourceText> {
        let r = &self.record;
        translation::source_texts(&translation::Written {
            title: &r.title,
            summary: &r.summary,
            body: &r.body,
            topics: &r.topics,
            area: r.area.as_deref(),
            strands: &r.strands,
            documents: &r.documents,
            stages: &self.stages,
            survey: &self.survey,
        })
    }
}

/// A consultation by id: published ones for everyone, drafts for staff;
/// to anyone else a draft does not exist.
pub async fn view(
    db: &Db,
    viewer: Option<&SignedIn>,
    id: Uuid,
) -> Result<ConsultationView, ServiceError> {
    let mut c = db.acquire().await?;
    let record = catalogue::find(c.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if record.published_at.is_none() && !is_staff(viewer) {
        return Err(ServiceError::NotFound);
    }
    let stages = catalogue::stages(c.conn(), id).await?;
    let survey = parse_survey(&record.survey)?;
    Ok(ConsultationView {
        record,
        survey,
        stages,
    })
}

/// The areas published consultations name (for the list's filter).
pub async fn areas(db: &Db) -> Result<Vec<String>, ServiceError> {
    let mut c = db.acquire().await?;
    Ok(catalogue::areas(c.conn()).await?)
}

/// A page of the list, with the number matching in all. Staff see drafts.
pub async fn list(
    db: &Db,
    viewer: Option<&SignedIn>,
    mut query: ListQuery<'_>,
    page: u32,
) -> Result<(Vec<ConsultationRecord>, i64), ServiceError> {
    query.drafts = query.drafts && is_staff(viewer);
    // Matched against normalised text, so Arabic spelled with or without
    // vowel marks, tatweel or hamza forms finds the same consultations.
    let search = query.search.map(cohesion_insight::text::normalise);
    query.search = search.as_deref();
    query.limit = PAGE_SIZE;
    query.offset = i64::from(page.saturating_sub(1)) * PAGE_SIZE;
    let mut c = db.acquire().await?;
    Ok(catalogue::list(c.conn(), &query, Timestamp::now()).await?)
}

/// A language's translations of consultation `id` (empty when none).
pub async fn translation(db: &Db, id: Uuid, locale: &str) -> Result<Texts, ServiceError> {
    let mut c = db.acquire().await?;
    Ok(translations::translation(c.conn(), id, locale)
        .await?
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default())
}

/// The translations of a page of consultations, by id.
pub async fn translations_of(
    db: &Db,
    ids: &[Uuid],
    locale: &str,
) -> Result<std::collections::HashMap<Uuid, Texts>, ServiceError> {
    let mut c = db.acquire().await?;
    Ok(translations::translations_of(c.conn(), ids, locale)
        .await?
        .into_iter()
        .filter_map(|(id, json)| serde_json::from_str(&json).ok().map(|t| (id, t)))
        .collect())
}

/// The view in `locale`: every text translated where a translation
/// exists, the original elsewhere, with the keys of the texts left as
/// written.
pub async fn view_in(
    db: &Db,
    viewer: Option<&SignedIn>,
    id: Uuid,
    locale: &str,
) -> Result<(ConsultationView, Untranslated), ServiceError> {
    let mut v = view(db, viewer, id).await?;
    let t = translation(db, id, locale).await?;
    let mut tr = Translator::new(&t);
    tr.main(
        &mut v.record.title,
        &mut v.record.summary,
        &mut v.record.body,
    );
    tr.stages(&mut v.stages);
    tr.lists(&mut v.record.strands, &mut v.record.documents);
    tr.labels(&mut v.record.topics, &mut v.record.area);
    tr.survey(&mut v.survey);
    Ok((v, tr.finish()))
}
