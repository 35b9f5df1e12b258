//! "What you told us": officers write findings on a consultation's
//! results and publish them one by one; each shows its figure from the
//! totals the viewer sees of the results (as they stand for analysts; a
//! snapshot for the public while it is open, ADR 30), suppressed like
//! every published figure. A finding
//! may combine several options of one question (see
//! [`cohesion_domain::analysis::combined`]), and carries "What we did",
//! shown in "We asked, you said, we did" once the consultation closes.

use std::collections::HashMap;

use cohesion_domain::analysis::combined::{combined, Counting, OptionCount};
use cohesion_domain::analysis::findings::{self as rules_of, Finding, FindingInput};
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
use crate::consultations::results::public::public_sees_live;
use crate::consultations::results::{line, public_lines, Cell, CountedLine};
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
    /// Hidden from the public until the consultation closes: options of
    /// a multiple-choice question counted together, which come from the
    /// answers as they stand and not from the public's snapshot (ADR 30).
    pub until_closed: bool,
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

/// Sets (or, empty, clears) a finding's "What we did".
pub async fn set_what_we_did(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    finding: Uuid,
    text: &str,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::RunEngagement)?;
    let text = rules_of::what_we_did(text).map_err(|e| ServiceError::InvalidFields(vec![e]))?;
    let mut tx = db.begin().await?;
    if !findings::set_what_we_did(tx.conn(), id, finding, &text).await? {
        return Err(ServiceError::NotFound);
    }
    audit_log(
        tx.conn(),
        me.origin(client),
        "finding.what_we_did",
        Some(id),
        &finding.to_string(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// How many findings of consultation `id` are published: the
/// consultation's timeline links to "We asked, you said, we did" once
/// there is one and the consultation has closed.
pub async fn published_count(db: &Db, id: Uuid) -> Result<i64, ServiceError> {
    let mut c = db.acquire().await?;
    Ok(findings::published_count(c.conn(), id).await?)
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
    // Analysts see the figures as they stand; everyone else as the
    // public's results are (a snapshot while it is open, ADR 30).
    let live = viewer.is_some_and(|v| v.roles.allows(Action::Analyse));
    let lines = public_lines(db, &consultation, &survey, rules, live).await?;
    let theme_figures = theme_figures(db, id, &list).await?;
    let any_of = match live || public_sees_live(&consultation) {
        true => Some(any_of_counts(db, id, &survey, &list).await?),
        false => None,
    };
    let out = list
        .into_iter()
        .enumerate()
        .filter_map(|(i, record)| {
            let q = survey.question(&record.finding.question_id)?;
            let figure = match &record.finding.theme {
                Some(theme) => theme_figure(&theme_figures, &record.finding, theme, rules),
                None => option_figure(
                    &lines,
                    q,
                    &record.finding,
                    any_of.as_ref().map(|n| n[i]),
                    rules,
                )?,
            };
            Some(shown_finding(record, q, figure))
        })
        .collect();
    Ok((consultation, out))
}

/// For each finding that combines options of a multiple-choice question,
/// the respondents who chose at least one of them (0 for the others).
async fn any_of_counts(
    db: &Db,
    id: Uuid,
    survey: &cohesion_domain::survey::model::SurveyDefinition,
    list: &[FindingRecord],
) -> Result<Vec<u64>, ServiceError> {
    let mut out = Vec::with_capacity(list.len());
    let mut c = db.acquire().await?;
    for record in list {
        let f = &record.finding;
        let multiple = survey.question(&f.question_id).is_some_and(|q| {
            Counting::of(&q.kind) == Counting::AnyOf && !q.kind.is_special_category()
        });
        let n = if f.theme.is_none() && multiple && f.options.len() > 1 {
            let options: Vec<i64> = f.options.iter().map(|&o| o as i64).collect();
            cohesion_storage::consultations::answers::respondents_choosing_any(
                c.conn(),
                id,
                &f.question_id,
                &options,
            )
            .await?
        } else {
            0
        };
        out.push(n.max(0) as u64);
    }
    Ok(out)
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
    until_closed: bool,
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
                until_closed: false,
            }
        }
        None => Figured {
            base: 0,
            base_hidden: true,
            cell: HIDDEN,
            theme: Some(String::new()),
            until_closed: false,
        },
    }
}

/// The figure of one or more options of a question (or matrix row): one
/// option's is the line's cell; several combine as
/// [`combined`] says, then go through the same small-count rules as
/// every figure. `None` when the question has no such line. `any_of`:
/// the respondents who chose any of the options, counted from the answers
/// as they stand; `None` where the viewer sees a snapshot, which holds no
/// such count, so a combination of multiple-choice options stays hidden.
fn option_figure(
    lines: &HashMap<String, Vec<CountedLine>>,
    q: &QuestionDef,
    finding: &Finding,
    any_of: Option<u64>,
    rules: SmallBaseRules,
) -> Option<Figured> {
    let counted = lines.get(&q.id)?.get(finding.row.unwrap_or(0))?;
    let l = &counted.line;
    let counting = Counting::of(&q.kind);
    let until_closed = finding.options.len() > 1 && counting == Counting::AnyOf && any_of.is_none();
    let cell = match finding.options.as_slice() {
        [] => HIDDEN,
        [one] => l.cells.get(*one).cloned().unwrap_or(HIDDEN),
        _ if until_closed => HIDDEN,
        options => {
            let cells: Vec<OptionCount> = counted
                .counts
                .iter()
                .zip(&l.cells)
                .map(|(&count, c)| OptionCount {
                    count,
                    hidden: c.count.is_none(),
                })
                .collect();
            let in_range = options.iter().all(|&o| o < cells.len());
            match combined(
                &cells,
                options,
                counting,
                any_of.unwrap_or(0),
                rules.min_count,
            ) {
                Some(n) if in_range => line(&[n], l.base, rules)
                    .cells
                    .into_iter()
                    .next()
                    .unwrap_or(HIDDEN),
                _ => HIDDEN,
            }
        }
    };
    Some(Figured {
        base: l.base,
        base_hidden: l.base_hidden,
        cell,
        theme: None,
        until_closed,
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
        until_closed: figure.until_closed,
    }
}
