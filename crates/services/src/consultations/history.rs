//! A consultation's history for its officers: what staff did to it, who
//! and when, newest first, read from the audit log (ADR 7), with the
//! before and after of each reworded text, of what changed in a survey
//! (through the builder's pages or replaced whole), and of each detail
//! changed.

use std::collections::HashMap;

use cohesion_domain::consultation_changes::DetailChanges;
use cohesion_domain::identity::Action;
use cohesion_domain::stage_changes::StageChanges;
use cohesion_domain::survey::diff::Edits;
use cohesion_domain::timestamp::Timestamp;
use cohesion_storage::accounts::users;
use cohesion_storage::audit;
use cohesion_storage::{Conn, Db};
use uuid::Uuid;

use super::wording_fixes::{Reworded, ACTION};
use crate::accounts::SignedIn;
use crate::audit::RESPONDENTS_ACTIONS;
use crate::permissions::{is_staff, require};
use crate::ServiceError;

/// The audit action of a survey changed, by the builder or whole.
const SURVEY_ACTION: &str = "consultation.survey";

/// The audit action of the timeline saved.
const STAGES_ACTION: &str = "consultation.stages";

/// The audit action of a translation saved, its detail
/// `<language>: <n> of <m> texts`.
const TRANSLATE_ACTION: &str = "consultation.translate";

/// The audit action of the details saved.
const DETAILS_ACTION: &str = "consultation.update";

/// An analyst looking at special-category answers: in the audit log, not
/// in the history.
const SPECIAL_CATEGORY_VIEW: &str = "special_category.view";

/// The most entries the history shows.
pub const HISTORY_LIMIT: i64 = 50;

/// One thing done to a consultation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    pub at: Timestamp,
    /// Who did it: their display name, `None` when their account is
    /// gone (or it was no one's: the demonstration loader).
    pub who: Option<String>,
    /// The audit action (`consultation.publish`, …).
    pub action: String,
    /// For a reworded text, which one, before and after.
    pub reworded: Option<Reworded>,
    /// For a survey changed, what changed of it, before and after
    /// (entries written before the differences were kept have none).
    pub edits: Option<Edits>,
    /// For details saved, each field changed, before and after (entries
    /// written before these were kept have none).
    pub details: Option<DetailChanges>,
    /// For the timeline saved, each stage changed (entries written
    /// before these were kept have none).
    pub stages: Option<StageChanges>,
    /// For a translation saved, into which language and how many texts.
    pub translated: Option<Translated>,
}

/// A translation saved: its language's tag, how many texts it has, of
/// how many the consultation has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translated {
    pub language: String,
    pub texts: u64,
    pub of: u64,
}

impl Translated {
    /// From the audit detail `ar: 5 of 12 texts`.
    fn parse(detail: &str) -> Option<Self> {
        let (language, rest) = detail.split_once(": ")?;
        let (texts, rest) = rest.split_once(" of ")?;
        let of = rest.strip_suffix(" texts")?;
        Some(Self {
            language: language.to_owned(),
            texts: texts.parse().ok()?,
            of: of.parse().ok()?,
        })
    }
}

/// The latest `HISTORY_LIMIT` entries about consultation `id` (officers).
pub async fn history(db: &Db, me: &SignedIn, id: Uuid) -> Result<Vec<HistoryEntry>, ServiceError> {
    require(me, Action::RunEngagement)?;
    entries(db, id, None, HISTORY_LIMIT).await
}

/// When consultation `id` was last withdrawn from the public and by whom,
/// for staff (who still see it): `None` when it never was, or for anyone
/// else.
pub async fn withdrawal(
    db: &Db,
    viewer: Option<&SignedIn>,
    id: Uuid,
) -> Result<Option<HistoryEntry>, ServiceError> {
    if !is_staff(viewer) {
        return Ok(None);
    }
    Ok(entries(db, id, Some("consultation.unpublish"), 1)
        .await?
        .into_iter()
        .next())
}

async fn entries(
    db: &Db,
    id: Uuid,
    action: Option<&str>,
    limit: i64,
) -> Result<Vec<HistoryEntry>, ServiceError> {
    let mut c = db.acquire().await?;
    // What respondents did (sending answers, asking for a copy) is theirs,
    // in their own "your data": never in the staff's history, which would
    // name who took part. An analyst looking at special-category answers
    // is left out too: every look is logged (ADR 7), and so many entries
    // would bury what was done to the consultation; the administrators'
    // audit log keeps them.
    let found = audit::about_leaving_out(
        c.conn(),
        id,
        action,
        RESPONDENTS_ACTIONS,
        SPECIAL_CATEGORY_VIEW,
        limit,
    )
    .await?;
    let mut names: HashMap<Uuid, Option<String>> = HashMap::new();
    let mut out = Vec::with_capacity(found.len());
    for e in found {
        let who = match e.actor_id {
            Some(actor) => name_of(c.conn(), &mut names, actor).await?,
            None => None,
        };
        let reworded = (e.action == ACTION)
            .then(|| serde_json::from_str::<Reworded>(&e.detail).ok())
            .flatten();
        let edits = (e.action == SURVEY_ACTION)
            .then(|| serde_json::from_str::<Edits>(&e.detail).ok())
            .flatten();
        let details = (e.action == DETAILS_ACTION)
            .then(|| serde_json::from_str::<DetailChanges>(&e.detail).ok())
            .flatten();
        let stages = (e.action == STAGES_ACTION)
            .then(|| serde_json::from_str::<StageChanges>(&e.detail).ok())
            .flatten();
        let translated = (e.action == TRANSLATE_ACTION)
            .then(|| Translated::parse(&e.detail))
            .flatten();
        out.push(HistoryEntry {
            at: e.at.into(),
            who,
            action: e.action,
            reworded,
            edits,
            details,
            stages,
            translated,
        });
    }
    Ok(out)
}

/// A person's display name, looked up once however many entries name
/// them (a history has few authors).
async fn name_of(
    conn: Conn<'_>,
    names: &mut HashMap<Uuid, Option<String>>,
    id: Uuid,
) -> Result<Option<String>, ServiceError> {
    if let Some(known) = names.get(&id) {
        return Ok(known.clone());
    }
    let name = users::find_by_id(conn, id)
        .await?
        .and_then(|u| u.display_name);
    names.insert(id, name.clone());
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::Translated;

    #[test]
    fn a_translation_saved_is_read_from_its_detail() {
        assert_eq!(
            Translated::parse("ar: 5 of 12 texts"),
            Some(Translated {
                language: "ar".into(),
                texts: 5,
                of: 12
            })
        );
        assert_eq!(Translated::parse("5 texts"), None);
    }
}
