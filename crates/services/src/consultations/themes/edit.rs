//! Editing the candidate themes: rename, merge, split, delete, add.

use std::collections::HashSet;

use cohesion_domain::analysis::themes as rules;
use cohesion_domain::identity::Action;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::consultations::themes::definitions::NewTheme;
use cohesion_storage::consultations::themes::{answers, assignments, definitions, runs};
use cohesion_storage::Db;
use serde::Deserialize;
use uuid::Uuid;

use super::{current_run, ids, list, other_labels, question, theme_of, to_json};
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
    require(me, Action::Analyse)?;
    let mut tx = db.begin().await?;
    let (_, q) = question(tx.conn(), id, question_id).await?;
    let run = current_run(tx.conn(), id, &q.id).await?;
    let themes = definitions::themes(tx.conn(), run.id).await?;
    let next_position = themes.iter().map(|t| t.position).max().unwrap_or(0) + 1;
    let (action, subject, detail, structural) = match e.change.as_str() {
        "rename" => {
            let t = theme_of(&themes, "theme", &e.theme)?;
            let label = rules::label(&e.label, &other_labels(&themes, Some(t.id)))?;
            let description = rules::description(&e.description)?;
            definitions::update_theme(tx.conn(), t.id, &label, &description, &t.examples).await?;
            (
                "themes.rename",
                t.id,
                format!("{:?} renamed {label:?}", t.label),
                false,
            )
        }
        "delete" => {
            let t = theme_of(&themes, "theme", &e.theme)?;
            definitions::set_status(tx.conn(), t.id, "deleted", None).await?;
            (
                "themes.delete",
                t.id,
                format!("{:?} deleted", t.label),
                true,
            )
        }
        "merge" => {
            let t = theme_of(&themes, "theme", &e.theme)?;
            rules::merge(e.theme.trim(), e.into.trim())?;
            let into = theme_of(&themes, "into", &e.into)?;
            if t.id == into.id {
                return Err(ValidationError::new("into", ErrorCode::SameTheme).into());
            }
            assignments::move_assignments(tx.conn(), t.id, into.id, None).await?;
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
                tx.conn(),
                into.id,
                &into.label,
                &into.description,
                &to_json(&examples),
            )
            .await?;
            definitions::set_status(tx.conn(), t.id, "merged", Some(into.id)).await?;
            (
                "themes.merge",
                into.id,
                format!(
                    "{:?} ({}) merged into {:?} ({}); examples {}",
                    t.label,
                    t.id,
                    into.label,
                    into.id,
                    to_json(&ids(&t.examples))
                ),
                true,
            )
        }
        "split" => {
            let t = theme_of(&themes, "theme", &e.theme)?;
            let label = rules::label(&e.label, &other_labels(&themes, None))?;
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
            let members: HashSet<Uuid> =
                assignments::members(tx.conn(), t.id, "discovery", i64::MAX)
                    .await?
                    .into_iter()
                    .collect();
            if chosen.iter().any(|c| !members.contains(c)) {
                return Err(ValidationError::new("examples", ErrorCode::InvalidChoice).into());
            }
            let new = definitions::insert_theme(
                tx.conn(),
                run.id,
                next_position,
                &NewTheme {
                    label: &label,
                    description: &description,
                    stance: &t.stance,
                    top_terms: "[]",
                    examples: &to_json(&chosen.iter().map(Uuid::to_string).collect::<Vec<_>>()),
                    status: "candidate",
                },
                Some(me.user_id),
            )
            .await?;
            assignments::move_assignments(tx.conn(), t.id, new, Some(&chosen)).await?;
            let left: Vec<String> = ids(&t.examples)
                .into_iter()
                .filter(|x| !chosen.contains(x))
                .map(|x| x.to_string())
                .collect();
            definitions::update_theme(tx.conn(), t.id, &t.label, &t.description, &to_json(&left))
                .await?;
            (
                "themes.split",
                new,
                format!(
                    "{label:?} ({new}) split from {:?} ({}) with answers {}",
                    t.label,
                    t.id,
                    to_json(&chosen)
                ),
                true,
            )
        }
        "add" => {
            let label = rules::label(&e.label, &other_labels(&themes, None))?;
            let description = rules::description(&e.description)?;
            let references: Vec<String> = e
                .examples
                .iter()
                .flat_map(|s| s.split([',', ' ', '\n', '\r', '\t', '،']))
                .map(|s| s.trim().to_uppercase())
                .filter(|s| !s.is_empty())
                .collect();
            let references = rules::examples(&references)?;
            let mut chosen = Vec::new();
            for r in &references {
                let rid = answers::response_by_reference(tx.conn(), id, &q.id, r)
                    .await?
                    .ok_or(ValidationError::new("examples", ErrorCode::InvalidChoice))?;
                chosen.push(rid);
            }
            let new = definitions::insert_theme(
                tx.conn(),
                run.id,
                next_position,
                &NewTheme {
                    label: &label,
                    description: &description,
                    stance: "mixed",
                    top_terms: "[]",
                    examples: &to_json(&chosen.iter().map(Uuid::to_string).collect::<Vec<_>>()),
                    status: "candidate",
                },
                Some(me.user_id),
            )
            .await?;
            let rows: Vec<(Uuid, Uuid, f64)> = chosen.iter().map(|r| (new, *r, 1.0)).collect();
            assignments::insert_assignments(tx.conn(), run.id, "discovery", &rows).await?;
            (
                "themes.add",
                new,
                format!("{label:?} added with answers {}", references.join(", ")),
                true,
            )
        }
        _ => return Err(ValidationError::new("change", ErrorCode::InvalidChoice).into()),
    };
    if structural && run.confirmed_at.is_some() {
        runs::set_step(tx.conn(), run.id, runs::RunStep::Confirmed, None).await?;
        definitions::set_live_status(tx.conn(), run.id, "candidate").await?;
    }
    audit_log(
        tx.conn(),
        me.origin(client),
        action,
        Some(id),
        &format!("question {} run {}: {detail}", q.id, run.id),
    )
    .await?;
    tx.commit().await?;
    Ok(subject)
}
