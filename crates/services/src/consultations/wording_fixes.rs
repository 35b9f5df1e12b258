//! Typo fixes after responses: the wording of a survey changes while its
//! structure stays (see `domain::survey::wording`), in the original or in
//! a translation. Each reworded text is one entry in the consultation's
//! history (the audit log, before and after), and the translations of a
//! reworded original are marked as needing review: their fingerprint
//! no longer matches (ADR 14), and translations saved before
//! fingerprints existed are given the old original's, so they too read
//! as stale.

use std::collections::BTreeMap;

use cohesion_domain::identity::Action;
use cohesion_domain::survey::model::SurveyDefinition;
use cohesion_domain::survey::wording::{
    self, checked, Change, Wordable, WordingError, WordingPart,
};
use cohesion_domain::translation::{self, Texts, FROM};
use cohesion_domain::ErrorCode;
use cohesion_storage::consultations::{catalogue, translations};
use cohesion_storage::{Conn, Db};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{parse_survey, ConsultationError};
use crate::accounts::SignedIn;
use crate::audit::audit_log;
use crate::permissions::require;
use crate::ServiceError;

/// The audit action of one reworded text.
pub const ACTION: &str = "consultation.wording";

/// What the audit log keeps of a reworded text (its detail, as JSON):
/// which text, in which language (`None`: the original), before and
/// after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reworded {
    pub key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    pub before: String,
    pub after: String,
}

/// Rewords texts of page `page` (from 0) of consultation `id`: the
/// original's when `language` is `None`, else that language's
/// translations (never the original's language's: `NotFound`) (an empty text removes the translation, so readers get
/// the original). `input` maps text keys to the new texts; texts left
/// out stay. Allowed whether or not anyone has responded. One
/// transaction; returns how many texts changed (none is not an error,
/// and logs nothing).
pub async fn fix_wording(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    page: usize,
    language: Option<&str>,
    input: &BTreeMap<String, String>,
    client: Option<&str>,
) -> Result<usize, ServiceError> {
    require(me, Action::RunEngagement)?;
    let mut tx = db.begin().await?;
    let (c, json) = catalogue::find_for_update(tx.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let survey = parse_survey(&json)?;
    if page >= survey.pages.len() {
        return Err(ServiceError::NotFound);
    }
    // The original's language has no translations to fix (ADR 16).
    if language == Some(c.language.as_str()) {
        return Err(ServiceError::NotFound);
    }
    let changes = match language {
        None => {
            let next = wording::reword(&survey, page, input).map_err(invalid)?;
            let changes = wording::changes(&survey, &next).unwrap_or_default();
            if !changes.is_empty() {
                store(tx.conn(), id, &next).await?;
                mark_for_review(tx.conn(), id, &changes).await?;
            }
            changes
        }
        Some(language) => translate(tx.conn(), id, &survey, page, language, input).await?,
    };
    log(tx.conn(), me, client, id, language, &changes).await?;
    tx.commit().await?;
    Ok(changes.len())
}

/// For a survey replaced whole (the API, the builder) once people have
/// responded: if only its wording differs from the stored one (read
/// locked, in `conn`'s transaction), stores it as a typo fix and returns
/// `true`; `false` when anything else changed (nothing written).
pub(crate) async fn reworded_whole(
    mut conn: Conn<'_>,
    me: &SignedIn,
    client: Option<&str>,
    id: Uuid,
    next: &SurveyDefinition,
) -> Result<bool, ServiceError> {
    let (_, json) = catalogue::find_for_update(conn.reborrow(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let stored = parse_survey(&json)?;
    let Some(changes) = wording::changes(&stored, next) else {
        return Ok(false);
    };
    if !changes.is_empty() {
        store(conn.reborrow(), id, next).await?;
        mark_for_review(conn.reborrow(), id, &changes).await?;
        log(conn, me, client, id, None, &changes).await?;
    }
    Ok(true)
}

fn invalid(errors: Vec<WordingError>) -> ServiceError {
    ConsultationError::InvalidWording(errors).into()
}

async fn store(conn: Conn<'_>, id: Uuid, survey: &SurveyDefinition) -> Result<(), ServiceError> {
    // Rewording cannot break a survey that was sound, but a stored
    // survey is only ever one that passes every check.
    survey
        .validate()
        .map_err(ConsultationError::InvalidSurvey)?;
    let json = serde_json::to_string(survey).map_err(|e| {
        ServiceError::Storage(cohesion_storage::StorageError::Invalid(e.to_string()))
    })?;
    if !catalogue::replace_survey(conn, id, &json).await? {
        return Err(ServiceError::NotFound);
    }
    Ok(())
}

/// Translations of the reworded originals saved before fingerprints
/// existed are taken as current (ADR 14): give each the old original's
/// fingerprint, so that it reads as needing review like the others.
async fn mark_for_review(
    mut conn: Conn<'_>,
    id: Uuid,
    changes: &[Change],
) -> Result<(), ServiceError> {
    for (language, json) in translations::by_language(conn.reborrow(), id).await? {
        let mut texts: Texts = serde_json::from_str(&json).unwrap_or_default();
        let mut marked = false;
        for c in changes {
            let from = format!("{}{FROM}", c.key);
            if texts.contains_key(&c.key) && !texts.contains_key(&from) {
                texts.insert(from, translation::fingerprint(&c.before));
                marked = true;
            }
        }
        if marked {
            let json = serde_json::to_string(&texts).unwrap_or(json);
            translations::set_texts(conn.reborrow(), id, &language, &json).await?;
        }
    }
    Ok(())
}

/// Rewords page `page`'s texts in `language`'s translations; returns
/// what changed. A translation is changed when its text differs, or when
/// it needed review (its original has changed since) and is now saved
/// against the current original.
async fn translate(
    mut conn: Conn<'_>,
    id: Uuid,
    survey: &SurveyDefinition,
    page: usize,
    language: &str,
    input: &BTreeMap<String, String>,
) -> Result<Vec<Change>, ServiceError> {
    let texts = wording::wordable(survey, page).unwrap_or_default();
    let stored = translations::translation(conn.reborrow(), id, language).await?;
    let mut t: Texts = stored
        .as_deref()
        .and_then(|j| serde_json::from_str(j).ok())
        .unwrap_or_default();
    let mut errors = Vec::new();
    let mut changes = Vec::new();
    for (key, raw) in input {
        // Only what has an original can be translated.
        let found = texts.iter().find(|w| w.key == *key && !w.text.is_empty());
        let checked = found
            .ok_or(ErrorCode::UnknownText)
            .and_then(|w| translated_text(w, raw).map(|v| (w, v)));
        match checked {
            Ok((w, value)) => changes.extend(put(&mut t, w, value)),
            Err(code) => errors.push(WordingError {
                key: key.clone(),
                code,
            }),
        }
    }
    if !errors.is_empty() {
        return Err(invalid(errors));
    }
    if !changes.is_empty() {
        let json = serde_json::to_string(&t).map_err(|e| {
            ServiceError::Storage(cohesion_storage::StorageError::Invalid(e.to_string()))
        })?;
        match stored {
            Some(_) => translations::set_texts(conn, id, language, &json).await?,
            None => translations::set_translation(conn, id, language, &json, None).await?,
        }
    }
    Ok(changes)
}

/// A translation as it will be kept: it may be left empty (the original
/// shows) and may be longer than its original, but keeps to one line
/// where the original must.
fn translated_text(w: &Wordable, raw: &str) -> Result<String, ErrorCode> {
    let max = w.part.max_translated_chars();
    let value = checked(WordingPart::Hint, raw, max)?;
    if w.part.one_line() && value.contains('\n') {
        return Err(ErrorCode::BadRequest);
    }
    Ok(value)
}

/// Puts `value` as the translation of `w` in `t`, with the fingerprint of
/// its original; an empty one removes it. The change, if anything changed:
/// the text, or a translation that needed review now made current.
fn put(t: &mut Texts, w: &Wordable, value: String) -> Option<Change> {
    let key = &w.key;
    let before = t.get(key).cloned().unwrap_or_default();
    let current = translation::current(t, key, &w.text).is_some();
    let from = format!("{key}{FROM}");
    if value.is_empty() {
        t.remove(key)?;
        t.remove(&from);
    } else if value != before || !current {
        t.insert(key.clone(), value.clone());
        t.insert(from, translation::fingerprint(&w.text));
    } else {
        return None;
    }
    Some(Change {
        key: key.clone(),
        before,
        after: value,
    })
}

/// One history entry per reworded text.
async fn log(
    mut conn: Conn<'_>,
    me: &SignedIn,
    client: Option<&str>,
    id: Uuid,
    language: Option<&str>,
    changes: &[Change],
) -> Result<(), ServiceError> {
    for c in changes {
        let detail = Reworded {
            key: c.key.clone(),
            language: language.map(str::to_owned),
            before: c.before.clone(),
            after: c.after.clone(),
        };
        // Strings only: serialising cannot fail.
        let detail = serde_json::to_string(&detail).unwrap_or_default();
        audit_log(
            conn.reborrow(),
            me.origin(client),
            ACTION,
            Some(id),
            &detail,
        )
        .await?;
    }
    Ok(())
}
