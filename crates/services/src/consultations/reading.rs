//! What everyone reads of a consultation: one by id (drafts for staff
//! only), in the reader's language, and the list with its filters.

use cohesion_domain::consultation::{Consultation, ListFilter, Stage};
use cohesion_domain::survey::model::SurveyDefinition;
use cohesion_domain::translation::{self, SourceText, Texts, Translator, Untranslated};
pub use cohesion_storage::consultations::catalogue::Shortlist;
use cohesion_storage::consultations::catalogue::{self, ListQuery};
use cohesion_storage::consultations::translations;
use cohesion_storage::{Db, Timestamp};
use uuid::Uuid;

use super::{load, ConsultationError};
use crate::accounts::SignedIn;
use crate::permissions::is_staff;
use crate::ServiceError;

pub const PAGE_SIZE: i64 = 20;

/// A consultation with its survey and timeline, as a page shows it.
#[derive(Debug, Clone)]
pub struct ConsultationView {
    pub consultation: Consultation,
    pub survey: SurveyDefinition,
    pub stages: Vec<Stage>,
}

impl ConsultationView {
    /// Every translatable text with its key and what it is (see
    /// `domain::translation`).
    pub fn texts(&self) -> Vec<SourceText> {
        let r = &self.consultation;
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
/// to anyone else a draft does not exist, and a withdrawn one is gone
/// (`ConsultationError::Withdrawn`, with when).
pub async fn view(
    db: &Db,
    viewer: Option<&SignedIn>,
    id: Uuid,
) -> Result<ConsultationView, ServiceError> {
    let mut c = db.acquire().await?;
    let (consultation, survey) = load(c.conn(), id).await?;
    if consultation.published_at.is_none() && !is_staff(viewer) {
        return Err(match consultation.withdrawn_at {
            Some(at) => ConsultationError::Withdrawn { at }.into(),
            None => ServiceError::NotFound,
        });
    }
    let stages = catalogue::stages(c.conn(), id).await?;
    Ok(ConsultationView {
        consultation,
        survey,
        stages,
    })
}

/// The areas published consultations name, each with its name in
/// `locale` where the latest consultation naming it has a translation
/// (the filter still matches on the original).
pub async fn areas(db: &Db, locale: &str) -> Result<Vec<(String, String)>, ServiceError> {
    let areas = {
        let mut c = db.acquire().await?;
        catalogue::areas(c.conn(), locale).await?
    };
    let ids: Vec<Uuid> = areas.iter().map(|(_, id)| *id).collect();
    let all = translations_of(db, &ids, locale).await?;
    let none = Texts::new();
    Ok(areas
        .into_iter()
        .map(|(area, id)| {
            let mut shown = Some(area.clone());
            Translator::new(all.get(&id).unwrap_or(&none)).labels(&mut [], &mut shown);
            (area.clone(), shown.unwrap_or(area))
        })
        .collect())
}

/// A page of the list, with the number matching in all. Staff see drafts.
pub async fn list(
    db: &Db,
    viewer: Option<&SignedIn>,
    filter: ListFilter<'_>,
    page: u32,
) -> Result<(Vec<Consultation>, i64), ServiceError> {
    // Matched against normalised text, so Arabic spelled with or without
    // vowel marks, tatweel or hamza forms finds the same consultations.
    let search = filter.search.map(cohesion_insight::text::normalise);
    let query = ListQuery {
        drafts: filter.drafts && is_staff(viewer),
        status: filter.status,
        topic: filter.topic,
        area: filter.area,
        search: search.as_deref(),
        limit: PAGE_SIZE,
        offset: i64::from(page.saturating_sub(1)) * PAGE_SIZE,
    };
    let mut c = db.acquire().await?;
    Ok(catalogue::list(c.conn(), &query, Timestamp::now()).await?)
}

/// Short lists of consultations, one per state `which` names, each of
/// up to `limit` (at most 50), read together at one moment. Drafts and
/// withdrawn ones are for staff only: to anyone else those lists are
/// empty.
pub async fn shortlists(
    db: &Db,
    viewer: Option<&SignedIn>,
    which: &[Shortlist],
    limit: i64,
) -> Result<Vec<Vec<Consultation>>, ServiceError> {
    let now = Timestamp::now();
    let limit = limit.clamp(1, 50);
    let mut c = db.acquire().await?;
    let mut out = Vec::with_capacity(which.len());
    for w in which {
        out.push(match w {
            Shortlist::Drafts | Shortlist::Withdrawn if !is_staff(viewer) => Vec::new(),
            w => catalogue::shortlist(c.conn(), *w, now, limit).await?,
        });
    }
    Ok(out)
}

/// A language's translations of consultation `id` (empty when none).
pub async fn translation(db: &Db, id: Uuid, locale: &str) -> Result<Texts, ServiceError> {
    let mut c = db.acquire().await?;
    Ok(translations::translation(c.conn(), id, locale)
        .await?
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default())
}

/// The language each of `ids` is written in, by id (ids of no
/// consultation are left out).
pub async fn languages_of(
    db: &Db,
    ids: &[Uuid],
) -> Result<std::collections::HashMap<Uuid, String>, ServiceError> {
    let mut c = db.acquire().await?;
    Ok(catalogue::languages_of(c.conn(), ids)
        .await?
        .into_iter()
        .collect())
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
        &mut v.consultation.title,
        &mut v.consultation.summary,
        &mut v.consultation.body,
    );
    tr.stages(&mut v.stages);
    tr.lists(&mut v.consultation.strands, &mut v.consultation.documents);
    tr.labels(&mut v.consultation.topics, &mut v.consultation.area);
    tr.survey(&mut v.survey);
    Ok((v, tr.finish()))
}
