//! "What you told us": officers write findings on a consultation's
//! results and publish them one by one; each shows its figure live from
//! the running totals, suppressed like every published figure.

use std::collections::HashMap;

use cohesion_domain::analysis::findings::FindingInput;
use cohesion_domain::identity::Action;
use cohesion_insight::disclosure::SmallBaseRules;
use cohesion_storage::consultations::catalogue::{self, ConsultationRecord};
use cohesion_storage::consultations::findings::{self, FindingRecord};
use cohesion_storage::{Db, Timestamp};
use uuid::Uuid;

use crate::accounts::SignedIn;
use crate::audit::audit_log;
use crate::consultations::parse_survey;
use crate::consultations::results::{public_lines, Cell};
use crate::consultations::themes::Figure;
use crate::permissions::{is_staff, require};
use crate::ServiceError;

/// A finding with the figure it rests on, as it stands now.
#[derive(Debug, Clone)]
pub struct ShownFinding {
    pub record: FindingRecord,
    pub question: String,
    /// The option's (and row's) label comes from the question.
    pub question_def: cohesion_domain::survey::model::QuestionDef,
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
    let c = catalogue::find(tx.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let survey = parse_survey(&c.survey)?;
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
        return Err(ServiceError::NotFound);
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

/// The findings `viewer` may see (published ones; staff see drafts too),
/// each with its live figure.
pub async fn shown(
    db: &Db,
    viewer: Option<&SignedIn>,
    id: Uuid,
    rules: SmallBaseRules,
) -> Result<(ConsultationRecord, Vec<ShownFinding>), ServiceError> {
    let staff = is_staff(viewer);
    let mut c = db.acquire().await?;
    let consultation = catalogue::find(c.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if consultation.published_at.is_none() && !staff {
        return Err(ServiceError::NotFound);
    }
    let list = findings::list(c.conn(), id, staff).await?;
    drop(c);
    let survey = parse_survey(&consultation.survey)?;
    let lines = public_lines(db, id, &survey, rules).await?;
    // Theme figures, worked out once per question whatever the number of
    // findings citing its themes.
    let mut theme_figures: HashMap<String, HashMap<Uuid, (String, Figure)>> = HashMap::new();
    let mut c = db.acquire().await?;
    for record in &list {
        let q = &record.finding.question_id;
        if record.finding.theme.is_some() && !theme_figures.contains_key(q) {
            let figures =
                crate::consultations::themes::figures::figures_of_question(&mut c, id, q).await?;
            theme_figures.insert(q.clone(), figures);
        }
    }
    drop(c);
    let mut out = Vec::new();
    for record in list {
        let Some(q) = survey.question(&record.finding.question_id) else {
            continue;
        };
        if let Some(theme) = &record.finding.theme {
            // A theme's figure: answers mapped to it, suppressed like
            // every published figure; hidden while the theme is not
            // confirmed and mapped in the latest analysis.
            let figure = Uuid::parse_str(theme).ok().and_then(|tid| {
                theme_figures
                    .get(&record.finding.question_id)
                    .and_then(|f| f.get(&tid))
            });
            let (label, base, cell, hidden) = match figure {
                Some((label, f)) => {
                    let l = crate::consultations::results::line(&[f.count], f.base, rules);
                    let cell = l.cells.into_iter().next().unwrap_or(Cell {
                        count: None,
                        share: None,
                    });
                    (label.clone(), f.base, cell, l.base_hidden)
                }
                None => (
                    String::new(),
                    0,
                    Cell {
                        count: None,
                        share: None,
                    },
                    true,
                ),
            };
            out.push(ShownFinding {
                question: q.text.clone(),
                question_def: q.clone(),
                base,
                base_hidden: hidden,
                cell,
                theme: Some(label),
                record,
            });
            continue;
        }
        let line = lines
            .get(&q.id)
            .and_then(|l| l.get(record.finding.row.unwrap_or(0)))
            .cloned();
        let Some(line) = line else {
            continue;
        };
        let cell = line
            .cells
            .get(record.finding.option)
            .cloned()
            .unwrap_or(Cell {
                count: None,
                share: None,
            });
        out.push(ShownFinding {
            question: q.text.clone(),
            question_def: q.clone(),
            base: line.base,
            base_hidden: line.base_hidden,
            cell,
            theme: None,
            record,
        });
    }
    Ok((consultation, out))
}
