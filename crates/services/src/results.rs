//! Results: per-question counts from the running totals, with 95 %
//! Wilson intervals and small counts suppressed (insight crate), and
//! crosstabs counted from the stored answers. The public sees results
//! only once an officer publishes them, and never special-category
//! questions; staff who may see special-category results do so under
//! audit.

use std::collections::HashMap;

use cohesion_domain::analysis::publication::{all_publishable, publishable, questions_to_publish};
use cohesion_domain::identity::Action;
use cohesion_domain::survey::model::{QuestionDef, QuestionKind, SurveyDefinition};
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_insight::disclosure::{suppress, Margins, SmallBaseRules};
use cohesion_insight::proportion::Proportion;
use cohesion_storage::consultations::catalogue::{self, ConsultationRecord};
use cohesion_storage::consultations::{answers, result_publications, totals};
use cohesion_storage::{Conn, Db, Timestamp};
use uuid::Uuid;

use crate::accounts::{audit_log, Origin, SignedIn};
use crate::consultations::{is_staff, parse_survey};
use crate::{require, ServiceError};

/// One option's share, as far as the rules let it be shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// `None`: hidden (fewer than the minimum, or derivable from totals).
    pub count: Option<u64>,
    /// `None`: hidden, or the base is too small for a percentage.
    pub share: Option<Proportion>,
}

/// One line of counts: a question's options, or one row of a matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The people who answered (this row).
    pub base: u64,
    /// Whether the base itself is too small to publish.
    pub base_hidden: bool,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionResult {
    pub question: QuestionDef,
    /// Options (or the first rank, for a ranking); one line per matrix row.
    pub lines: Vec<Line>,
    /// How many answered at all.
    pub answered: u64,
    /// Special-category results the viewer may not see are withheld.
    pub withheld: bool,
}

#[derive(Debug, Clone)]
pub struct Results {
    pub consultation: ConsultationRecord,
    pub survey: SurveyDefinition,
    pub questions: Vec<QuestionResult>,
    pub rules: SmallBaseRules,
    /// The questions the public sees, while results are published.
    pub published: Option<Vec<String>>,
    /// Weighted figures published with them, if the officer chose so.
    pub weighting: Option<WeightedSnapshot>,
}

/// Weighted figures as computed when an officer published them: the
/// weighting reads every response, too slow to repeat for each visitor,
/// and the snapshot is what the public was shown.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct WeightedSnapshot {
    /// The population margins, as the officer wrote them.
    pub margins: String,
    /// RFC 3339 in UTC (snapshots from before it was kept so read
    /// "2026-11-22 09:41 UTC").
    pub computed_at: String,
    pub included: usize,
    pub excluded: usize,
    pub converged: bool,
    pub iterations: usize,
    pub effective_sample_size: f64,
    pub min_weight: f64,
    pub max_weight: f64,
    pub trimmed: usize,
    /// Published choice questions, by id.
    pub questions: Vec<(String, cohesion_insight::weighted::WeightedTally)>,
}

impl WeightedSnapshot {
    pub fn question(&self, id: &str) -> Option<&cohesion_insight::weighted::WeightedTally> {
        self.questions.iter().find(|(q, _)| q == id).map(|(_, t)| t)
    }
}

/// What the public sees of consultation `c`'s results: the published
/// questions and weighted figures, or `None` while unpublished.
async fn publication(
    conn: cohesion_storage::Conn<'_>,
    c: &ConsultationRecord,
    survey: &SurveyDefinition,
) -> Result<Option<(Vec<String>, Option<WeightedSnapshot>)>, ServiceError> {
    if c.results_published_at.is_none() {
        return Ok(None);
    }
    Ok(Some(
        match result_publications::result_publication(conn, c.id).await? {
            // Published before questions could be chosen: all of them.
            None => (all_publishable(survey), None),
            Some(p) => {
                let chosen: Vec<String> = serde_json::from_str(&p.questions).unwrap_or_default();
                // A question removed from the survey since is simply not shown.
                let questions = chosen
                    .into_iter()
                    .filter(|q| survey.question(q).is_some_and(publishable))
                    .collect();
                let weighting = p.weighting.and_then(|w| serde_json::from_str(&w).ok());
                (questions, weighting)
            }
        },
    ))
}

/// Suppresses and adds intervals to one line of counts.
pub fn line(counts: &[u64], base: u64, rules: SmallBaseRules) -> Line {
    let base_hidden = base > 0 && base < rules.min_count;
    let shown = suppress(
        &[counts.to_vec()],
        Margins {
            row_totals: counts.len() > 1,
            column_totals: false,
        },
        rules,
    );
    let cells = shown
        .into_iter()
        .next()
        .unwrap_or_default()
        .into_iter()
        .map(|count| {
            let count = if base_hidden { None } else { count };
            Cell {
                count,
                share: count
                    .filter(|_| rules.shows_percent(base))
                    .and_then(|c| Proportion::wilson(c, base)),
            }
        })
        .collect();
    Line {
        base,
        base_hidden,
        cells,
    }
}

/// A published weighted tally's shares as far as the small-base rules let
/// them be shown: the cells the unweighted line hides stay hidden (so a
/// hidden count cannot be worked out from weighted shares either). Shares
/// need a base big enough for percentages; `None` when it is not.
pub fn weighted_cells(
    tally: &cohesion_insight::weighted::WeightedTally,
    rules: SmallBaseRules,
) -> Option<Vec<Option<cohesion_insight::weighted::WeightedShare>>> {
    if !rules.shows_percent(tally.base) {
        return None;
    }
    let counts: Vec<u64> = tally.options.iter().map(|o| o.count).collect();
    let shown = line(&counts, tally.base, rules);
    Some(
        tally
            .options
            .iter()
            .zip(shown.cells)
            .map(|(o, cell)| cell.count.map(|_| *o))
            .collect(),
    )
}

fn question_lines(
    q: &QuestionDef,
    totals: &HashMap<(i64, i64), u64>,
    rules: SmallBaseRules,
) -> Vec<Line> {
    let n = q.kind.options().len();
    let get = |item: i64, choice: i64| totals.get(&(item, choice)).copied().unwrap_or(0);
    match &q.kind {
        QuestionKind::Matrix { rows } => (0..rows.len())
            .map(|r| {
                let counts: Vec<u64> = (0..n).map(|c| get(r as i64, c as i64)).collect();
                line(&counts, get(r as i64, -1), rules)
            })
            .collect(),
        QuestionKind::Ranking { options } => {
            let counts: Vec<u64> = (0..options.len()).map(|c| get(0, c as i64)).collect();
            vec![line(&counts, get(-1, -1), rules)]
        }
        k if k.is_choice() => {
            let counts: Vec<u64> = (0..n).map(|c| get(0, c as i64)).collect();
            vec![line(&counts, get(-1, -1), rules)]
        }
        _ => Vec::new(),
    }
}

/// The running totals of a consultation by question: (item, choice) → n.
type Totals = HashMap<String, HashMap<(i64, i64), u64>>;

async fn totals(conn: cohesion_storage::Conn<'_>, id: Uuid) -> Result<Totals, ServiceError> {
    let mut by_question = Totals::new();
    for (q, item, choice, n) in totals::counts(conn, id).await? {
        by_question
            .entry(q)
            .or_default()
            .insert((item, choice), n.max(0) as u64);
    }
    Ok(by_question)
}

/// The lines of every question that is not special-category, from the
/// running totals: what findings draw their figures from.
pub async fn public_lines(
    db: &Db,
    id: Uuid,
    survey: &SurveyDefinition,
    rules: SmallBaseRules,
) -> Result<HashMap<String, Vec<Line>>, ServiceError> {
    let mut c = db.acquire().await?;
    let by_question = totals(c.conn(), id).await?;
    let empty = HashMap::new();
    Ok(survey
        .questions()
        .filter(|q| !q.kind.is_special_category())
        .map(|q| {
            (
                q.id.clone(),
                question_lines(q, by_question.get(&q.id).unwrap_or(&empty), rules),
            )
        })
        .collect())
}

/// Whether `viewer` sees results of this consultation now, and whether
/// as staff (everything, before publication) or as the public.
fn may_see(viewer: Option<&SignedIn>, c: &ConsultationRecord) -> Result<bool, ServiceError> {
    if viewer.is_some_and(|v| v.roles.allows(Action::Analyse)) {
        return Ok(true);
    }
    if c.published_at.is_some() && c.results_published_at.is_some() {
        return Ok(false);
    }
    Err(ServiceError::NotFound)
}

/// Records, in its own transaction, that `me` saw special-category data
/// of consultation `id` (what: `detail`).
async fn log_special_view(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    client: Option<&str>,
    detail: &str,
) -> Result<(), ServiceError> {
    let mut tx = db.begin().await?;
    let origin = Origin {
        actor: Some(me.user_id),
        client,
    };
    audit_log(tx.conn(), origin, "special_category.view", Some(id), detail).await?;
    tx.commit().await?;
    Ok(())
}

/// The results of consultation `id` as `viewer` may see them. Reading
/// special-category results is audit-logged.
pub async fn results(
    db: &Db,
    viewer: Option<&SignedIn>,
    id: Uuid,
    rules: SmallBaseRules,
    client: Option<&str>,
) -> Result<Results, ServiceError> {
    let mut c = db.acquire().await?;
    let consultation = catalogue::find(c.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if consultation.published_at.is_none()
        && !is_staff(viewer)
        && !viewer.is_some_and(|v| v.roles.allows(Action::Analyse))
    {
        return Err(ServiceError::NotFound);
    }
    let staff = may_see(viewer, &consultation)?;
    let special_allowed = viewer.is_some_and(|v| v.roles.allows(Action::ViewSpecialCategory));
    let survey = parse_survey(&consultation.survey)?;
    let (published, weighting) = match publication(c.conn(), &consultation, &survey).await? {
        Some((q, w)) => (Some(q), w),
        None => (None, None),
    };
    let by_question = totals(c.conn(), id).await?;
    let empty = HashMap::new();
    let mut questions = Vec::new();
    let mut special_shown = false;
    for q in survey.questions() {
        let special = q.kind.is_special_category();
        if special && !staff {
            continue;
        }
        if !staff && !published.as_ref().is_some_and(|p| p.contains(&q.id)) {
            continue;
        }
        let withheld = special && !special_allowed;
        let totals = by_question.get(&q.id).unwrap_or(&empty);
        let answered = totals.get(&(-1, -1)).copied().unwrap_or(0);
        special_shown |= special && !withheld;
        questions.push(QuestionResult {
            question: q.clone(),
            lines: if withheld {
                Vec::new()
            } else {
                question_lines(q, totals, rules)
            },
            answered,
            withheld,
        });
    }
    drop(c);
    if let Some(me) = viewer.filter(|_| special_shown) {
        log_special_view(db, me, id, client, "survey results").await?;
    }
    Ok(Results {
        consultation,
        survey,
        questions,
        rules,
        published,
        weighting,
    })
}

/// Publishes the results of consultation `id`: the `questions` chosen
/// (`None`: every one that may be published) and, with `margins`, the
/// figures weighted to those population margins, computed now and kept.
/// One transaction; audit-logged with what was published.
pub async fn publish(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    questions: Option<&[String]>,
    margins: Option<&str>,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::RunEngagement)?;
    let consultation = {
        let mut c = db.acquire().await?;
        catalogue::find(c.conn(), id)
            .await?
            .ok_or(ServiceError::NotFound)?
    };
    let survey = parse_survey(&consultation.survey)?;
    let questions = match questions {
        Some(chosen) => questions_to_publish(&survey, chosen)?,
        None => all_publishable(&survey),
    };
    let weighting = match margins.map(str::trim).filter(|m| !m.is_empty()) {
        None => None,
        Some(margins) => {
            let w = weighted(db, me, id, margins, client).await?;
            let r = &w.report;
            Some(WeightedSnapshot {
                margins: margins.to_owned(),
                computed_at: Timestamp::now().to_rfc3339(),
                included: w.included,
                excluded: w.excluded,
                converged: r.converged,
                iterations: r.iterations,
                effective_sample_size: r.effective_sample_size,
                min_weight: r.min_weight,
                max_weight: r.max_weight,
                trimmed: r.trimmed,
                questions: w
                    .questions
                    .into_iter()
                    .filter(|(q, _)| questions.contains(&q.id) && publishable(q))
                    .map(|(q, t)| (q.id, t))
                    .collect(),
            })
        }
    };
    let detail = format!(
        "{}{}",
        questions.join(","),
        if weighting.is_some() {
            "; weighted"
        } else {
            ""
        }
    );
    let record = result_publications::ResultPublication {
        // Strings and numbers only: serialising them cannot fail.
        questions: serde_json::to_string(&questions).unwrap_or_default(),
        weighting: weighting
            .as_ref()
            .and_then(|w| serde_json::to_string(w).ok()),
        published_by: Some(me.user_id),
        published_at: Timestamp::now(),
    };
    let mut tx = db.begin().await?;
    if !result_publications::set_result_publication(tx.conn(), id, &record).await? {
        return Err(ServiceError::NotFound);
    }
    let origin = Origin {
        actor: Some(me.user_id),
        client,
    };
    audit_log(
        tx.conn(),
        origin,
        "consultation.results.publish",
        Some(id),
        &detail,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// What is set to be published: the questions chosen last time (or all)
/// and the margins last used, to start the publication form from.
pub async fn publication_choice(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
) -> Result<(Vec<String>, String), ServiceError> {
    require(me, Action::RunEngagement)?;
    let mut c = db.acquire().await?;
    let consultation = catalogue::find(c.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let survey = parse_survey(&consultation.survey)?;
    Ok(
        match result_publications::result_publication(c.conn(), id).await? {
            Some(p) => (
                serde_json::from_str(&p.questions).unwrap_or_default(),
                p.weighting
                    .and_then(|w| serde_json::from_str::<WeightedSnapshot>(&w).ok())
                    .map(|w| w.margins)
                    .unwrap_or_default(),
            ),
            None => (all_publishable(&survey), String::new()),
        },
    )
}

/// A crosstab: respondents by their answers to two choice questions.
#[derive(Debug, Clone)]
pub struct Crosstab {
    pub rows_by: QuestionDef,
    pub columns_by: QuestionDef,
    /// Counts by [row option][column option], suppressed.
    pub cells: Vec<Vec<Option<u64>>>,
    /// Column percentages (share of each column's base), where shown.
    pub shares: Vec<Vec<Option<Proportion>>>,
    pub row_totals: Vec<Option<u64>>,
    pub column_totals: Vec<Option<u64>>,
}

/// Crosstab of two single-answer choice questions, for staff who analyse.
/// A special-category question needs that right and is audit-logged.
pub async fn crosstab(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    rows_by: &str,
    columns_by: &str,
    rules: SmallBaseRules,
    client: Option<&str>,
) -> Result<Crosstab, ServiceError> {
    require(me, Action::Analyse)?;
    let mut tx = db.begin().await?;
    let consultation = catalogue::find(tx.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let survey = parse_survey(&consultation.survey)?;
    let pick = |field: &'static str, qid: &str| -> Result<QuestionDef, ServiceError> {
        let q = survey
            .question(qid)
            .ok_or(ValidationError::new(field, ErrorCode::UnknownQuestion))?;
        if !q.kind.is_choice() {
            return Err(ValidationError::new(field, ErrorCode::InvalidChoice).into());
        }
        if q.kind.is_special_category() && !me.roles.allows(Action::ViewSpecialCategory) {
            return Err(ServiceError::Forbidden);
        }
        Ok(q.clone())
    };
    let r = pick("rows", rows_by)?;
    let col = pick("columns", columns_by)?;
    let (nr, nc) = (r.kind.options().len(), col.kind.options().len());
    let mut table = vec![vec![0u64; nc]; nr];
    let found = answers::crosstab(
        tx.conn(),
        id,
        (&r.id, r.kind.is_special_category()),
        (&col.id, col.kind.is_special_category()),
    )
    .await?;
    for (a, b, n) in found {
        if let (Ok(a), Ok(b)) = (usize::try_from(a), usize::try_from(b)) {
            if a < nr && b < nc {
                table[a][b] = n.max(0) as u64;
            }
        }
    }
    if r.kind.is_special_category() || col.kind.is_special_category() {
        let origin = Origin {
            actor: Some(me.user_id),
            client,
        };
        let detail = format!("crosstab {} by {}", r.id, col.id);
        audit_log(
            tx.conn(),
            origin,
            "special_category.view",
            Some(id),
            &detail,
        )
        .await?;
    }
    tx.commit().await?;
    let cells = suppress(
        &table,
        Margins {
            row_totals: true,
            column_totals: true,
        },
        rules,
    );
    let hide = |n: u64| (n >= rules.min_count).then_some(n);
    let row_totals: Vec<Option<u64>> = table.iter().map(|row| hide(row.iter().sum())).collect();
    let col_sums: Vec<u64> = (0..nc)
        .map(|j| table.iter().map(|row| row[j]).sum())
        .collect();
    let column_totals = col_sums.iter().map(|n| hide(*n)).collect();
    let shares = cells
        .iter()
        .map(|row| {
            row.iter()
                .enumerate()
                .map(|(j, c)| {
                    c.filter(|_| rules.shows_percent(col_sums[j]))
                        .and_then(|c| Proportion::wilson(c, col_sums[j]))
                })
                .collect()
        })
        .collect();
    Ok(Crosstab {
        rows_by: r,
        columns_by: col,
        cells,
        shares,
        row_totals,
        column_totals,
    })
}

/// Checks the running totals against a full recount from the answers:
/// the differences, empty when they agree.
pub async fn verify_totals(
    db: &Db,
    id: Uuid,
) -> Result<Vec<(String, i64, i64, i64, i64)>, ServiceError> {
    let mut snapshot = db.snapshot().await?;
    Ok(differences(snapshot.conn(), id).await?.1)
}

/// The number of running totals, and how they differ from a recount.
async fn differences(
    mut conn: Conn<'_>,
    id: Uuid,
) -> Result<(usize, Vec<(String, i64, i64, i64, i64)>), ServiceError> {
    let running: HashMap<(String, i64, i64), i64> = totals::counts(conn.reborrow(), id)
        .await?
        .into_iter()
        .map(|(q, i, ch, n)| ((q, i, ch), n))
        .collect();
    let recount: HashMap<(String, i64, i64), i64> = totals::recount(conn, id)
        .await?
        .into_iter()
        .map(|(q, i, ch, n)| ((q, i, ch), n))
        .collect();
    let mut diffs = Vec::new();
    for (k, n) in &recount {
        let r = running.get(k).copied().unwrap_or(0);
        if r != *n {
            diffs.push((k.0.clone(), k.1, k.2, r, *n));
        }
    }
    for (k, r) in &running {
        // Matrix row bases are running-only; skip them here.
        if k.1 >= 0 && k.2 == -1 {
            continue;
        }
        if !recount.contains_key(k) && *r != 0 {
            diffs.push((k.0.clone(), k.1, k.2, *r, 0));
        }
    }
    diffs.sort();
    Ok((running.len(), diffs))
}

/// A consultation's running figures against the same figures counted
/// afresh: what an operator runs to show the totals can be trusted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotalsCheck {
    /// "N people have responded", as kept with each submission.
    pub responses_running: i64,
    /// The same, counted from the responses.
    pub responses_counted: i64,
    /// How many running totals were checked.
    pub totals_checked: usize,
    /// As [`verify_totals`] gives them: empty when they agree.
    pub differences: Vec<(String, i64, i64, i64, i64)>,
}

impl TotalsCheck {
    pub fn agrees(&self) -> bool {
        self.responses_running == self.responses_counted && self.differences.is_empty()
    }
}

/// Checks a consultation's response count and running totals against a
/// full count from what is stored, all read at one moment, so that
/// responses arriving meanwhile cannot show as differences.
pub async fn check_totals(db: &Db, id: Uuid) -> Result<TotalsCheck, ServiceError> {
    let mut snapshot = db.snapshot().await?;
    let record = catalogue::find(snapshot.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let counted = totals::submitted_count(snapshot.conn(), id).await?;
    let (checked, differences) = differences(snapshot.conn(), id).await?;
    Ok(TotalsCheck {
        responses_running: record.response_count,
        responses_counted: counted,
        totals_checked: checked,
        differences,
    })
}

/// Written answers listed per page for staff.
pub const TEXTS_PAGE: i64 = 50;

/// A page of the written answers to one question, newest first, with the
/// reference of the response each belongs to, and how many match.
pub async fn texts(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    question: &str,
    search: &str,
    page: u32,
) -> Result<(QuestionDef, Vec<(String, String)>, i64), ServiceError> {
    require(me, Action::Analyse)?;
    let mut c = db.acquire().await?;
    let consultation = catalogue::find(c.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let survey = parse_survey(&consultation.survey)?;
    let q = survey
        .question(question)
        .filter(|q| {
            matches!(
                q.kind,
                QuestionKind::ShortText | QuestionKind::LongText { .. }
            )
        })
        .ok_or(ValidationError::new("question", ErrorCode::UnknownQuestion))?
        .clone();
    let offset = i64::from(page.saturating_sub(1)) * TEXTS_PAGE;
    let (list, total) = answers::texts(c.conn(), id, &q.id, search, offset, TEXTS_PAGE).await?;
    Ok((q, list, total))
}

/// Results weighted to population margins, with how the weighting went.
#[derive(Debug, Clone)]
pub struct Weighted {
    pub consultation: ConsultationRecord,
    /// Respondents weighted (those in a category with a target on every
    /// margin) and those left out.
    pub included: usize,
    pub excluded: usize,
    pub report: cohesion_insight::raking::Raked,
    pub questions: Vec<(QuestionDef, cohesion_insight::weighted::WeightedTally)>,
}

/// Weights respondents to the population `margins` (see
/// `analysis::weighting`) by raking and tallies every choice question with
/// the weights. For staff who analyse; a special-category question, as a
/// margin or in the tallies, needs that right and is audit-logged.
pub async fn weighted(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    margins: &str,
    client: Option<&str>,
) -> Result<Weighted, ServiceError> {
    use cohesion_insight::raking::{rake, Margin, RakingSettings};
    require(me, Action::Analyse)?;
    let special_allowed = me.roles.allows(Action::ViewSpecialCategory);
    let mut c = db.acquire().await?;
    let consultation = catalogue::find(c.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let survey = parse_survey(&consultation.survey)?;
    let specs = cohesion_domain::analysis::weighting::parse_margins(margins, &survey)?;
    let uses_special = specs.iter().any(|m| {
        survey
            .question(&m.question_id)
            .is_some_and(|q| q.kind.is_special_category())
    });
    if uses_special && !special_allowed {
        return Err(ServiceError::Forbidden);
    }
    let mut rows = answers::choices(c.conn(), id, false).await?;
    if special_allowed {
        rows.extend(answers::choices(c.conn(), id, true).await?);
        rows.sort_by_key(|r| r.0);
    }
    drop(c);
    // Respondents side by side: question -> picked options.
    let mut people: Vec<(Uuid, HashMap<String, Vec<usize>>)> = Vec::new();
    for (rid, q, choice) in rows {
        if people.last().is_none_or(|p| p.0 != rid) {
            people.push((rid, HashMap::new()));
        }
        if let (Some(p), Ok(choice)) = (people.last_mut(), usize::try_from(choice)) {
            p.1.entry(q).or_default().push(choice);
        }
    }
    // Each margin's categories are its options that have a target.
    let category = |spec: &cohesion_domain::analysis::weighting::MarginSpec,
                    answers: &HashMap<String, Vec<usize>>| {
        let picked = answers.get(&spec.question_id)?.first().copied()?;
        spec.targets.get(picked).copied().flatten()?;
        Some(
            spec.targets[..picked]
                .iter()
                .filter(|t| t.is_some())
                .count(),
        )
    };
    let mut included = Vec::new();
    let mut categories = Vec::new();
    for (_, answers) in &people {
        let cats: Option<Vec<usize>> = specs.iter().map(|s| category(s, answers)).collect();
        if let Some(cats) = cats {
            categories.push(cats);
            included.push(answers);
        }
    }
    let rake_margins: Vec<Margin> = specs
        .iter()
        .map(|s| Margin {
            name: s.question_id.clone(),
            targets: s.targets.iter().flatten().copied().collect(),
        })
        .collect();
    let report = rake(&categories, &rake_margins, RakingSettings::default())
        .map_err(|e| ServiceError::Invalid(ValidationError::new("margins", weighting_code(&e))))?;
    let mut questions = Vec::new();
    let mut special_shown = uses_special;
    for q in survey.questions() {
        if !q.kind.is_choice() || (q.kind.is_special_category() && !special_allowed) {
            continue;
        }
        special_shown |= q.kind.is_special_category();
        let answers: Vec<Vec<usize>> = included
            .iter()
            .map(|a| a.get(&q.id).cloned().unwrap_or_default())
            .collect();
        questions.push((
            q.clone(),
            cohesion_insight::weighted::tally(&report.weights, &answers, q.kind.options().len()),
        ));
    }
    if special_shown {
        log_special_view(db, me, id, client, "weighted results").await?;
    }
    Ok(Weighted {
        consultation,
        included: categories.len(),
        excluded: people.len() - categories.len(),
        report,
        questions,
    })
}

fn weighting_code(e: &cohesion_insight::raking::RakingError) -> ErrorCode {
    use cohesion_insight::raking::RakingError;
    match e {
        RakingError::NoRespondents => ErrorCode::FieldRequired,
        RakingError::EmptyCategory { .. } => ErrorCode::WeightingEmptyCategory,
        RakingError::WrongShape(_) | RakingError::TargetsNotWhole(_) => ErrorCode::OutOfRange,
    }
}
