//! "What you told us": officers write findings on a consultation's
//! results and publish them one by one; each shows its figure live from
//! the running totals, suppressed like every published figure.

use std::collections::HashMap;

use cohesion_domain::analysis::findings::{Finding, FindingInput};
use cohesion_domain::consultation::Consultation;
use cohesion_domain::identity::Action;
use cohesion_domain::survey::model::QuestionDef;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_insight::disclosure::SmallBaseRules;
use cohesion_storage::consultations::findings::{self, FindingRecord};
use cohesion_storage::{audit, Db, Timestamp};
use uuid::Uuid;

use crate::accounts::SignedIn;
use crate::audit::audit_log;
use crate::consultations::load;
use crate::consultations::results::{line, public_lines, Cell, Line};
use crate::consultations::themes::figures::figures_of_question;
use crate::consultations::themes::Figure;
use crate::permissions::{is_staff, require};
use crate::ServiceError;

/// A finding with the figure it rests on, as it stands now.
#[derive(Debug, Clone)]
pub struct ShownFinding {
    pub id: Uuid,
    pub finding: Finding,
    /// `None` while it is a draft (staff only).
    pub published_at: Option<cohesion_domain::timestamp::Timestamp>,
    pub question: String,
    /// The option's (and row's) label comes from the question.
    pub question_def: QuestionDef,
    pub base: u64,
    pub base_hidden: bool,
    pub cell: Cell,
    /// The theme's label, for a finding that rests on a theme (its
    /// figure is then `cell` out of `base` written answers).
    pub theme: Option<String>,
}

pub async fn add(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    input: &FindingInput,
    client: Option<&str>,
) -> Result<Uuid, ServiceError> {
    require(me, Action::RunEngagement)?;
    let mut tx = db.begin().await?;
    let (_, survey) = load(tx.conn(), id).await?;
    let mut finding = input
        .validate(&survey)
        .map_err(ServiceError::InvalidFields)?;
    if let Some(theme) = &finding.theme {
        // Only a confirmed theme of this consultation's latest analysis.
        let bad = || {
            ServiceError::InvalidFields(vec![cohesion_domain::ValidationError::new(
                "theme",
                cohesion_domain::ErrorCode::InvalidChoice,
            )])
        };
        let tid = Uuid::parse_str(theme).map_err(|_| bad())?;
        let (run, t) =
            cohesion_storage::consultations::themes::definitions::find_theme(tx.conn(), tid)
                .await?
                .ok_or_else(bad)?;
        let latest = cohesion_storage::consultations::themes::runs::latest_run(
            tx.conn(),
            id,
            &run.question_id,
        )
        .await?;
        if run.consultation_id != id
            || t.status != "confirmed"
            || latest.map(|l| l.id) != Some(run.id)
        {
            return Err(bad());
        }
        finding.question_id = run.question_id;
        finding.theme = Some(tid.to_string());
    }
    let fid = findings::insert(tx.conn(), id, &finding, Some(me.user_id)).await?;
    audit_log(
        tx.conn(),
        me.origin(client),
        "finding.add",
        Some(id),
        &finding.title,
    )
    .await?;
    tx.commit().await?;
    Ok(fid)
}

pub async fn set_published(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    finding: Uuid,
    publish: bool,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::RunEngagement)?;
    let mut tx = db.begin().await?;
    if !findings::set_published(tx.conn(), id, finding, publish.then(Timestamp::now)).await? {
        return Err(ServiceError::NotFound);
    }
    let action = if publish {
        "finding.publish"
    } else {
        "finding.withdraw"
    };
    audit_log(
        tx.conn(),
        me.origin(client),
        action,
        Some(id),
        &finding.to_string(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn remove(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    finding: Uuid,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::RunEngagement)?;
    let mut tx = db.begin().await?;
    if !findings::delete(tx.conn(), id, finding).await? {
        // Removed already (the audit log remembers), or never there.
        let detail = finding.to_string();
        let removed = audit::recorded(tx.conn(), "finding.remove", id, &detail).await?;
        return Err(if removed {
            ServiceError::Conflict(ValidationError::new("finding", ErrorCode::AlreadyRemoved))
        } else {
            ServiceError::NotFound
        });
    }
    audit_log(
        tx.conn(),
        me.origin(client),
        "finding.remove",
        Some(id),
        &finding.to_string(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Whether finding `finding` of consultation `id` was removed (the audit
/// log remembers), so that asking to remove it again is told so rather
/// than "not found".
pub async fn was_removed(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    finding: Uuid,
) -> Result<bool, ServiceError> {
    require(me, Action::RunEngagement)?;
    let mut c = db.acquire().await?;
    Ok(audit::recorded(c.conn(), "finding.remove", id, &finding.to_string()).await?)
}

/// The findings `viewer` may see (published ones; staff see drafts too),
/// each with its live figure.
pub async fn shown(
    db: &Db,
    viewer: Option<&SignedIn>,
    id: Uuid,
    rules: SmallBaseRules,
) -> Result<(Consultation, Vec<ShownFinding>), ServiceError> {
    let staff = is_staff(viewer);
    let mut c = db.acquire().await?;
    let (consultation, survey) = load(c.conn(), id).await?;
    if consultation.published_at.is_none() && !staff {
        return Err(ServiceError::NotFound);
    }
    let list = findings::list(c.conn(), id, staff).await?;
    drop(c);
    let lines = public_lines(db, id, &survey, rules).await?;
    let theme_figures = theme_figures(db, id, &list).await?;
    let out = list
        .into_iter()
        .filter_map(|record| {
            let q = survey.question(&record.finding.question_id)?;
            let figure = match &record.finding.theme {
                Some(theme) => theme_figure(&theme_figures, &record.finding, theme, rules),
                None => option_figure(&lines, q, &record.finding)?,
            };
            Some(shown_finding(record, q, figure))
        })
        .collect();
    Ok((consultation, out))
}

/// Theme figures by question, worked out once per question whatever the
/// number of findings citing its themes.
async fn theme_figures(
    db: &Db,
    id: Uuid,
    list: &[FindingRecord],
) -> Result<HashMap<String, HashMap<Uuid, (String, Figure)>>, ServiceError> {
    let mut theme_figures = HashMap::new();
    let mut c = db.acquire().await?;
    for record in list {
        let q = &record.finding.question_id;
        if record.finding.theme.is_some() && !theme_figures.contains_key(q) {
            let figures = figures_of_question(&mut c, id, q).await?;
            theme_figures.insert(q.clone(), figures);
        }
    }
    Ok(theme_figures)
}

/// What a finding's figure shows: a base, whether it is hidden, the
/// cell, and the theme's label for a finding on a theme.
struct Figured {
    base: u64,
    base_hidden: bool,
    cell: Cell,
    theme: Option<String>,
}

const HIDDEN: Cell = Cell {
    count: None,
    share: None,
};

/// A theme's figure: answers mapped to it, suppressed like every
/// published figure; hidden while the theme is not confirmed and mapped
/// in the latest analysis.
fn theme_figure(
    figures: &HashMap<String, HashMap<Uuid, (String, Figure)>>,
    finding: &Finding,
    theme: &str,
    rules: SmallBaseRules,
) -> Figured {
    let figure = Uuid::parse_str(theme)
        .ok()
        .and_then(|tid| figures.get(&finding.question_id).and_then(|f| f.get(&tid)));
    match figure {
        Some((label, f)) => {
            let l = line(&[f.count], f.base, rules);
            Figured {
                base: f.base,
                base_hidden: l.base_hidden,
                cell: l.cells.into_iter().next().unwrap_or(HIDDEN),
                theme: Some(label.clone()),
            }
        }
        None => Figured {
            base: 0,
            base_hidden: true,
            cell: HIDDEN,
            theme: Some(String::new()),
        },
    }
}

/// An option's figure from the question's (or matrix row's) line; `None`
/// when the question has no such line.
fn option_figure(
    lines: &HashMap<String, Vec<Line>>,
    q: &QuestionDef,
    finding: &Finding,
) -> Option<Figured> {
    let line = lines.get(&q.id)?.get(finding.row.unwrap_or(0))?;
    Some(Figured {
        base: line.base,
        base_hidden: line.base_hidden,
        cell: line.cells.get(finding.option).cloned().unwrap_or(HIDDEN),
        theme: None,
    })
}

fn shown_finding(record: FindingRecord, q: &QuestionDef, figure: Figured) -> ShownFinding {
    ShownFinding {
        id: record.id,
        finding: record.finding,
        published_at: record.published_at.map(Into::into),
        question: q.text.clone(),
        question_def: q.clone(),
        base: figure.base,
        base_hidden: figure.base_hidden,
        cell: figure.cell,
        theme: figure.theme,
    }
}
