//! Editing the candidate themes: rename, merge, split, delete, add.

use std::collections::HashSet;

use cohesion_domain::analysis::themes as rules;
use cohesion_domain::identity::Action;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::consultations::themes::definitions::{NewTheme, ThemeRecord};
use cohesion_storage::consultations::themes::{answers, assignments, definitions, runs};
use cohesion_storage::{Conn, Db};
use serde::Deserialize;
use uuid::Uuid;

use super::{ids, latest, list, live, other_labels, theme_of, to_json, Analysis};
use crate::accounts::SignedIn;
use crate::audit::audit_log;
use crate::permissions::require;
use crate::ServiceError;

/// A change to the theme set; structural ones (all but renaming) send
/// the set back to candidates, to be confirmed again.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Edit {
    /// rename, merge, split, delete or add.
    #[serde(default)]
    pub change: String,
    #[serde(default)]
    pub theme: String,
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub description: String,
    /// The theme to merge into.
    #[serde(default)]
    pub into: String,
    /// Example answers: response ids (split) or references (add).
    #[serde(default)]
    pub examples: Vec<String>,
}

/// Applies one edit to the latest run's themes; returns the theme it
/// made or changed.
pub async fn edit(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    question_id: &str,
    e: &Edit,
    client: Option<&str>,
) -> Result<Uuid, ServiceError> {
    Ok(edit_said(db, me, id, question_id, e, client).await?.theme)
}

/// What [`edit_said`] did: the theme it made or changed, and whether
/// anything changed (a rename to the same name and description does
/// nothing and logs nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edited {
    pub theme: Uuid,
    pub changed: bool,
}

/// [`edit`], saying whether anything changed, for the page that reports it.
pub async fn edit_said(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    question_id: &str,
    e: &Edit,
    client: Option<&str>,
) -> Result<Edited, ServiceError> {
    require(me, Action::Analyse)?;
    let mut tx = db.begin().await?;
    let (q, run, themes) = latest(tx.conn(), id, question_id).await?;
    let at = Place {
        consultation: id,
        question: &q.id,
        run: run.id,
        position: themes.iter().map(|t| t.position).max().unwrap_or(0) + 1,
        by: me.user_id,
    };
    gone(&themes, e)?;
    let change = match e.change.as_str() {
        "rename" => match rename(tx.conn(), &themes, e).await? {
            Some(change) => change,
            None => {
                let theme = theme_of(&themes, "theme", &e.theme)?.id;
                return Ok(Edited {
                    theme,
                    changed: false,
                });
            }
        },
        "delete" => delete(tx.conn(), &themes, e).await?,
        "merge" => merge(tx.conn(), &themes, e).await?,
        "split" => split(tx.conn(), &themes, e, &at).await?,
        "add" => add(tx.conn(), &themes, e, &at).await?,
        _ => return Err(ValidationError::new("change", ErrorCode::InvalidChoice).into()),
    };
    if change.structural && run.confirmed_at.is_some() {
        runs::set_step(tx.conn(), run.id, runs::RunStep::Confirmed, None).await?;
        definitions::set_live_status(tx.conn(), run.id, "candidate").await?;
    }
    audit_log(
        tx.conn(),
        me.origin(client),
        change.action,
        Some(id),
        &format!("question {} run {}: {}", q.id, run.id, change.detail),
    )
    .await?;
    tx.commit().await?;
    Ok(Edited {
        theme: change.subject,
        changed: true,
    })
}

/// Refuses an edit of a theme this run has merged or deleted since the
/// form was drawn (a replayed confirmation, a second tab) with a 409 that
/// says the themes changed: nothing is done twice.
fn gone(themes: &[ThemeRecord], e: &Edit) -> Result<(), ServiceError> {
    let retired = |raw: &str| {
        Uuid::parse_str(raw.trim())
            .ok()
            .is_some_and(|id| themes.iter().any(|t| t.id == id && !live(&t.status)))
    };
    if retired(&e.theme) || (e.change == "merge" && retired(&e.into)) {
        return Err(ServiceError::Conflict(ValidationError::new(
            "theme",
            ErrorCode::ThemesChanged,
        )));
    }
    Ok(())
}

/// What merging or deleting a theme would do, checked as [`edit`] checks
/// it, for the page that asks first (ADR 22): the analysis as it stands,
/// the theme, and for a merge the theme it would go into.
pub struct Consequence {
    pub analysis: Analysis,
    pub theme: Uuid,
    pub into: Option<Uuid>,
}

/// See [`Consequence`]; refused as [`edit`] would refuse the change.
pub async fn consequence(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    question_id: &str,
    e: &Edit,
) -> Result<Consequence, ServiceError> {
    let a = super::analysis(db, me, id, question_id).await?;
    {
        let mut c = db.acquire().await?;
        let (_, _, themes) = latest(c.conn(), id, question_id).await?;
        gone(&themes, e)?;
    }
    let find = |field: &'static str, raw: &str| -> Result<Uuid, ServiceError> {
        Uuid::parse_str(raw.trim())
            .ok()
            .filter(|u| a.themes.iter().any(|t| t.id == *u))
            .ok_or(ValidationError::new(field, ErrorCode::InvalidChoice).into())
    };
    let theme = find("theme", &e.theme)?;
    let into = match e.change.as_str() {
        "delete" => None,
        "merge" => {
            into_chosen(e)?;
            let into = find("into", &e.into)?;
            if into == theme {
                return Err(ValidationError::new("into", ErrorCode::SameTheme).into());
            }
            Some(into)
        }
        _ => return Err(ValidationError::new("change", ErrorCode::InvalidChoice).into()),
    };
    Ok(Consequence {
        analysis: a,
        theme,
        into,
    })
}

/// A merge names the theme to merge into.
fn into_chosen(e: &Edit) -> Result<(), ValidationError> {
    match e.into.trim().is_empty() {
        true => Err(ValidationError::new("into", ErrorCode::FieldRequired)),
        false => Ok(()),
    }
}

/// What an edit did, for the audit log: its action, the theme it made
/// or changed, in words, and whether the set must be confirmed again.
struct Change {
    action: &'static str,
    subject: Uuid,
    detail: String,
    structural: bool,
}

/// Where a new theme goes: the consultation's question and run, the next
/// position, and who makes it.
struct Place<'a> {
    consultation: Uuid,
    question: &'a str,
    run: Uuid,
    position: i64,
    by: Uuid,
}

/// Renames a theme (and rewrites its description): not structural.
async fn rename(
    mut conn: Conn<'_>,
    themes: &[ThemeRecord],
    e: &Edit,
) -> Result<Option<Change>, ServiceError> {
    let t = theme_of(themes, "theme", &e.theme)?;
    let label = rules::label(&e.label, &other_labels(themes, Some(t.id)))?;
    let description = rules::description(&e.description)?;
    // Saved as it was: nothing to write, and nothing for the audit log.
    if label == t.label && description == t.description {
        return Ok(None);
    }
    definitions::update_theme(conn.reborrow(), t.id, &label, &description, &t.examples).await?;
    Ok(Some(Change {
        action: "themes.rename",
        subject: t.id,
        detail: format!("{:?} renamed {label:?}", t.label),
        structural: false,
    }))
}

/// Deletes a theme; it stays, marked, for the record.
async fn delete(
    mut conn: Conn<'_>,
    themes: &[ThemeRecord],
    e: &Edit,
) -> Result<Change, ServiceError> {
    let t = theme_of(themes, "theme", &e.theme)?;
    definitions::set_status(conn.reborrow(), t.id, "deleted", None).await?;
    Ok(Change {
        action: "themes.delete",
        subject: t.id,
        detail: format!("{:?} deleted", t.label),
        structural: true,
    })
}

/// Merges a theme into another: its answers and examples move over.
async fn merge(
    mut conn: Conn<'_>,
    themes: &[ThemeRecord],
    e: &Edit,
) -> Result<Change, ServiceError> {
    let t = theme_of(themes, "theme", &e.theme)?;
    into_chosen(e)?;
    rules::merge(e.theme.trim(), e.into.trim())?;
    let into = theme_of(themes, "into", &e.into)?;
    if t.id == into.id {
        return Err(ValidationError::new("into", ErrorCode::SameTheme).into());
    }
    assignments::move_assignments(conn.reborrow(), t.id, into.id, None).await?;
    let mut examples = ids(&into.examples);
    for x in ids(&t.examples) {
        if !examples.contains(&x) && examples.len() < rules::MAX_EXAMPLES {
            examples.push(x);
        }
    }
    let mut terms = list(&into.top_terms);
    for x in list(&t.top_terms) {
        if !terms.contains(&x) {
            terms.push(x);
        }
    }
    definitions::update_theme(
        conn.reborrow(),
        into.id,
        &into.label,
        &into.description,
        &to_json(&examples),
    )
    .await?;
    definitions::set_status(conn.reborrow(), t.id, "merged", Some(into.id)).await?;
    Ok(Change {
        action: "themes.merge",
        subject: into.id,
        detail: format!(
            "{:?} ({}) merged into {:?} ({}); examples {}",
            t.label,
            t.id,
            into.label,
            into.id,
            to_json(&ids(&t.examples))
        ),
        structural: true,
    })
}

/// Splits a new theme off one, with answers it holds as examples.
async fn split(
    mut conn: Conn<'_>,
    themes: &[ThemeRecord],
    e: &Edit,
    at: &Place<'_>,
) -> Result<Change, ServiceError> {
    let t = theme_of(themes, "theme", &e.theme)?;
    let label = rules::label(&e.label, &other_labels(themes, None))?;
    let description = rules::description(&e.description)?;
    let chosen: Vec<Uuid> = e
        .examples
        .iter()
        .map(|s| {
            Uuid::parse_str(s.trim())
                .map_err(|_| ValidationError::new("examples", ErrorCode::InvalidChoice))
        })
        .collect::<Result<_, _>>()?;
    let chosen = rules::examples(&chosen)?;
    // Only answers the theme holds can leave it.
    let members: HashSet<Uuid> = assignments::members(conn.reborrow(), t.id, "discovery", i64::MAX)
        .await?
        .into_iter()
        .collect();
    if chosen.iter().any(|c| !members.contains(c)) {
        return Err(ValidationError::new("examples", ErrorCode::InvalidChoice).into());
    }
    let new = definitions::insert_theme(
        conn.reborrow(),
        at.run,
        at.position,
        &NewTheme {
            label: &label,
            description: &description,
            stance: &t.stance,
            top_terms: "[]",
            examples: &to_json(&chosen.iter().map(Uuid::to_string).collect::<Vec<_>>()),
            status: "candidate",
        },
        Some(at.by),
    )
    .await?;
    assignments::move_assignments(conn.reborrow(), t.id, new, Some(&chosen)).await?;
    let left: Vec<String> = ids(&t.examples)
        .into_iter()
        .filter(|x| !chosen.contains(x))
        .map(|x| x.to_string())
        .collect();
    definitions::update_theme(
        conn.reborrow(),
        t.id,
        &t.label,
        &t.description,
        &to_json(&left),
    )
    .await?;
    Ok(Change {
        action: "themes.split",
        subject: new,
        detail: format!(
            "{label:?} ({new}) split from {:?} ({}) with answers {}",
            t.label,
            t.id,
            to_json(&chosen)
        ),
        structural: true,
    })
}

/// Adds a theme an analyst names, with answers (by reference) as examples.
async fn add(
    mut conn: Conn<'_>,
    themes: &[ThemeRecord],
    e: &Edit,
    at: &Place<'_>,
) -> Result<Change, ServiceError> {
    let label = rules::label(&e.label, &other_labels(themes, None))?;
    let description = rules::description(&e.description)?;
    let references: Vec<String> = e
        .examples
        .iter()
        .flat_map(|s| cohesion_domain::text::list_items(s).flat_map(str::split_whitespace))
        .map(|s| s.trim().to_uppercase())
        .filter(|s| !s.is_empty())
        .collect();
    let references = rules::examples(&references)?;
    let mut chosen = Vec::new();
    for r in &references {
        let rid = answers::response_by_reference(conn.reborrow(), at.consultation, at.question, r)
            .await?
            .ok_or(ValidationError::new("examples", ErrorCode::InvalidChoice))?;
        chosen.push(rid);
    }
    let new = definitions::insert_theme(
        conn.reborrow(),
        at.run,
        at.position,
        &NewTheme {
            label: &label,
            description: &description,
            stance: "mixed",
            top_terms: "[]",
            examples: &to_json(&chosen.iter().map(Uuid::to_string).collect::<Vec<_>>()),
            status: "candidate",
        },
        Some(at.by),
    )
    .await?;
    let rows: Vec<(Uuid, Uuid, f64)> = chosen.iter().map(|r| (new, *r, 1.0)).collect();
    assignments::insert_assignments(conn.reborrow(), at.run, "discovery", &rows).await?;
    Ok(Change {
        action: "themes.add",
        subject: new,
        detail: format!("{label:?} added with answers {}", references.join(", ")),
        structural: true,
    })
}
