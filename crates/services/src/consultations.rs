//! Consultations: officers write, build the survey, publish; everyone
//! else reads what is published. Drafts exist only for staff.

use std::collections::{HashMap, HashSet};

use cohesion_domain::consultation::{ConsultationInput, Stage, StageInput};
use cohesion_domain::identity::Action;
use cohesion_domain::local_time::SiteZone;
use cohesion_domain::survey::model::SurveyDefinition;
use cohesion_domain::translation::{self, Part, SourceText, Texts, Translator, Untranslated};
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::consultations::catalogue::{
    self, ConsultationRecord, ListQuery, Publication,
};
use cohesion_storage::consultations::translations;
use cohesion_storage::{Db, Timestamp};
use uuid::Uuid;

use crate::accounts::{audit_log, Origin, SignedIn};
use crate::{require, ServiceError};

pub const PAGE_SIZE: i64 = 20;

fn origin<'a>(me: &SignedIn, client: Option<&'a str>) -> Origin<'a> {
    Origin {
        actor: Some(me.user_id),
        client,
    }
}

/// Whether `viewer` may see drafts and everything staff see.
pub fn is_staff(viewer: Option<&SignedIn>) -> bool {
    viewer.is_some_and(|v| v.roles.allows(Action::RunEngagement))
}

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

pub(crate) fn parse_survey(json: &str) -> Result<SurveyDefinition, ServiceError> {
    serde_json::from_str(json).map_err(|e| {
        ServiceError::Storage(cohesion_storage::StorageError::Invalid(format!(
            "stored survey unreadable: {e}"
        )))
    })
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

/// A page of the list, with the number matching in all. Staff see drafts.
/// The areas published consultations name (for the list's filter).
pub async fn areas(db: &Db) -> Result<Vec<String>, ServiceError> {
    let mut c = db.acquire().await?;
    Ok(catalogue::areas(c.conn()).await?)
}

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

/// Rebuilds what searches match: title and summary in every language,
/// normalised as queries are (`cohesion_insight::text::normalise`).
pub(crate) async fn refresh_search(
    mut conn: cohesion_storage::Conn<'_>,
    id: Uuid,
) -> Result<(), ServiceError> {
    let Some(c) = catalogue::find(conn.reborrow(), id).await? else {
        return Ok(());
    };
    let mut text = format!("{}\n{}", c.title, c.summary);
    for json in translations::all_translations(conn.reborrow(), id).await? {
        let t: Texts = serde_json::from_str(&json).unwrap_or_default();
        for key in ["title", "summary"] {
            if let Some(v) = t.get(key) {
                text.push('\n');
                text.push_str(v);
            }
        }
    }
    catalogue::set_search_text(conn, id, &cohesion_insight::text::normalise(&text)).await?;
    Ok(())
}

/// Creates a draft consultation with an empty survey. Its dates are read
/// as wall-clock time in `zone`, the site's.
pub async fn create(
    db: &Db,
    me: &SignedIn,
    input: &ConsultationInput,
    zone: &SiteZone,
    client: Option<&str>,
) -> Result<Uuid, ServiceError> {
    require(me, Action::RunEngagement)?;
    let fields = input.validate(zone).map_err(ServiceError::InvalidFields)?;
    let empty = serde_json::to_string(&SurveyDefinition::default())
        .unwrap_or_else(|_| "{\"pages\":[]}".into());
    let mut tx = db.begin().await?;
    let id = catalogue::insert(tx.conn(), &fields, &empty, Some(me.user_id)).await?;
    refresh_search(tx.conn(), id).await?;
    audit_log(
        tx.conn(),
        origin(me, client),
        "consultation.create",
        Some(id),
        &fields.title,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn update(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    input: &ConsultationInput,
    zone: &SiteZone,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::RunEngagement)?;
    let fields = input.validate(zone).map_err(ServiceError::InvalidFields)?;
    let mut tx = db.begin().await?;
    if !catalogue::update(tx.conn(), id, &fields).await? {
        return Err(ServiceError::NotFound);
    }
    refresh_search(tx.conn(), id).await?;
    audit_log(
        tx.conn(),
        origin(me, client),
        "consultation.update",
        Some(id),
        &fields.title,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Replaces the survey after checking every question and routing rule.
/// Refused once anyone has responded: answers name questions and options.
pub async fn set_survey(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    survey: &SurveyDefinition,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::RunEngagement)?;
    survey.validate().map_err(ServiceError::InvalidSurvey)?;
    let json = serde_json::to_string(survey).map_err(|e| {
        ServiceError::Storage(cohesion_storage::StorageError::Invalid(e.to_string()))
    })?;
    let mut tx = db.begin().await?;
    if catalogue::find(tx.conn(), id).await?.is_none() {
        return Err(ServiceError::NotFound);
    }
    if !catalogue::set_survey(tx.conn(), id, &json).await? {
        return Err(ValidationError::new("survey", ErrorCode::SurveyLocked).into());
    }
    let detail = format!("{} questions", survey.questions().count());
    audit_log(
        tx.conn(),
        origin(me, client),
        "consultation.survey",
        Some(id),
        &detail,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Replaces the timeline.
pub async fn set_stages(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    stages: &[StageInput],
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::RunEngagement)?;
    if stages.len() > cohesion_domain::consultation::MAX_STAGES {
        return Err(ValidationError::new("stages", ErrorCode::FieldTooLong).into());
    }
    let mut valid = Vec::with_capacity(stages.len());
    let mut errors = Vec::new();
    for s in stages {
        match s.validate() {
            Ok(s) => valid.push(s),
            Err(e) => errors.extend(e),
        }
    }
    if !errors.is_empty() {
        return Err(ServiceError::InvalidFields(errors));
    }
    let mut tx = db.begin().await?;
    if catalogue::find(tx.conn(), id).await?.is_none() {
        return Err(ServiceError::NotFound);
    }
    catalogue::set_stages(tx.conn(), id, &valid).await?;
    audit_log(
        tx.conn(),
        origin(me, client),
        "consultation.stages",
        Some(id),
        &format!("{} stages", valid.len()),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Publishes or withdraws the consultation itself or its results.
pub async fn set_published(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    what: Publication,
    publish: bool,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::RunEngagement)?;
    if what == Publication::Results && publish {
        // Every publishable question, unweighted.
        return crate::results::publish(db, me, id, None, None, client).await;
    }
    let mut tx = db.begin().await?;
    let at = publish.then(Timestamp::now);
    if !catalogue::set_published(tx.conn(), id, what, at).await? {
        return Err(ServiceError::NotFound);
    }
    let action = match (what, publish) {
        (Publication::Consultation, true) => "consultation.publish",
        (Publication::Consultation, false) => "consultation.unpublish",
        (Publication::Results, true) => "consultation.results.publish",
        (Publication::Results, false) => "consultation.results.withdraw",
    };
    audit_log(tx.conn(), origin(me, client), action, Some(id), "").await?;
    tx.commit().await?;
    Ok(())
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

/// Every translatable text of the consultation: its own (`texts`),
/// its findings' titles and texts, keyed by the finding's id, and the
/// label of each theme a finding cites (drafts included, like the
/// findings' own texts), keyed by the theme's id, after the first
/// finding citing it. A theme's label is listed while the finding's
/// figure can name it: confirmed in its question's latest mapped
/// analysis.
pub async fn all_text_keys(
    db: &Db,
    v: &ConsultationView,
) -> Result<Vec<(String, String)>, ServiceError> {
    Ok(all_texts(db, v)
        .await?
        .into_iter()
        .map(|t| (t.key, t.original))
        .collect())
}

/// [`all_text_keys`], each text with what it is (for the translations
/// page, which names each text in words): read in the same queries.
pub async fn all_texts(db: &Db, v: &ConsultationView) -> Result<Vec<SourceText>, ServiceError> {
    let mut texts = v.texts();
    let mut c = db.acquire().await?;
    let list = cohesion_storage::consultations::findings::list(c.conn(), v.record.id, true).await?;
    // Labels looked up once per question, however many findings cite it.
    let mut labels: HashMap<String, HashMap<Uuid, String>> = HashMap::new();
    let mut cited = HashSet::new();
    for f in list {
        let title = f.finding.title;
        texts.push(SourceText::new(
            translation::key::finding(f.id, "title"),
            title.as_str(),
            Part::FindingTitle(title.clone()),
        ));
        if !f.finding.body.is_empty() {
            texts.push(SourceText::new(
                translation::key::finding(f.id, "body"),
                f.finding.body,
                Part::FindingBody(title),
            ));
        }
        let Some(theme) = f
            .finding
            .theme
            .as_deref()
            .and_then(|t| Uuid::parse_str(t).ok())
        else {
            continue;
        };
        let q = f.finding.question_id;
        if !labels.contains_key(&q) {
            let of_question = crate::themes::labels_of_question(&mut c, v.record.id, &q).await?;
            labels.insert(q.clone(), of_question);
        }
        if let Some(label) = labels.get(&q).and_then(|l| l.get(&theme)) {
            if cited.insert(theme) {
                texts.push(SourceText::new(
                    translation::key::theme_label(theme),
                    label.as_str(),
                    Part::ThemeLabel,
                ));
            }
        }
    }
    Ok(texts)
}

/// Replaces a language's translations (officers). Keys the consultation
/// does not have are refused; empty texts fall back to the original.
pub async fn set_translation(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    locale: &str,
    input: &Texts,
    client: Option<&str>,
) -> Result<usize, ServiceError> {
    require(me, Action::RunEngagement)?;
    let v = view(db, Some(me), id).await?;
    let keys = all_text_keys(db, &v).await?;
    let texts = translation::validate(input, &keys)?;
    let json = serde_json::to_string(&texts).map_err(|e| {
        ServiceError::Storage(cohesion_storage::StorageError::Invalid(e.to_string()))
    })?;
    let mut tx = db.begin().await?;
    translations::set_translation(tx.conn(), id, locale, &json, Some(me.user_id)).await?;
    refresh_search(tx.conn(), id).await?;
    let translated = texts
        .keys()
        .filter(|k| !k.ends_with(translation::FROM))
        .count();
    let detail = format!("{locale}: {translated} of {} texts", keys.len());
    audit_log(
        tx.conn(),
        origin(me, client),
        "consultation.translate",
        Some(id),
        &detail,
    )
    .await?;
    tx.commit().await?;
    Ok(translated)
}
