//! Themes in the written answers to a long-text question, in the
//! browser: an analyst runs discovery (the insight crate's engine) with a
//! seed, edits the candidate themes (rename, merge, split, delete, add
//! with example answers), confirms the set, maps every answer to the
//! confirmed themes with a confidence, and settles the answers the
//! mapping was unsure of. Every step is one transaction and one audit
//! entry; themes are never deleted, only marked.

use std::collections::{HashMap, HashSet};

use cohesion_domain::analysis::themes as rules;
use cohesion_domain::identity::Action;
use cohesion_domain::survey::model::{QuestionDef, QuestionKind};
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_insight::proportion::Proportion;
use cohesion_insight::text::pii;
use cohesion_insight::themes::{self as engine, ConfirmedTheme, Options};
use cohesion_storage::consultations::catalogue::{self, ConsultationRecord};
use cohesion_storage::consultations::themes::definitions::{NewTheme, ThemeRecord};
use cohesion_storage::consultations::themes::reviews::ReviewRow;
use cohesion_storage::consultations::themes::runs::{NewRun, RunRecord};
use cohesion_storage::consultations::themes::{answers, assignments, definitions, reviews, runs};
use cohesion_storage::{Conn, Db};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::accounts::{audit_log, Origin, SignedIn};
use crate::consultations::parse_survey;
use crate::{require, ServiceError};

/// Review-list answers shown per page.
pub const REVIEW_PAGE: i64 = 20;
/// Answers offered as examples when splitting a theme.
pub const SPLIT_CHOICES: i64 = 30;

/// A count out of a base with its 95 % Wilson interval (all zero on an
/// empty base).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Figure {
    pub count: u64,
    pub base: u64,
    pub share: f64,
    pub low: f64,
    pub high: f64,
}

impl Figure {
    pub fn of(count: i64, base: i64) -> Self {
        let (count, base) = (count.max(0) as u64, base.max(0) as u64);
        match Proportion::wilson(count, base) {
            Some(p) => Self {
                count,
                base,
                share: p.share,
                low: p.low,
                high: p.high,
            },
            None => Self {
                count,
                base,
                share: 0.0,
                low: 0.0,
                high: 0.0,
            },
        }
    }
}

/// An answer quoted as an example, masked for personal data.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    pub response_id: Uuid,
    pub reference: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeView {
    pub id: Uuid,
    pub label: String,
    pub description: String,
    /// agree, disagree, unclear or mixed (a theme an analyst added).
    pub stance: String,
    pub top_terms: Vec<String>,
    pub quotes: Vec<Quote>,
    /// candidate or confirmed.
    pub status: String,
    /// Answers discovery put in the theme (of the run's answers).
    pub candidate: Figure,
    /// Answers mapped to it (of the answers now), once mapped.
    pub mapped: Option<Figure>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignView {
    pub response_id: Uuid,
    pub text: String,
    pub count: i64,
}

/// The theme analysis of one question as it stands.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub consultation: ConsultationRecord,
    pub question: QuestionDef,
    /// Submitted written answers now.
    pub answers: i64,
    pub run: Option<RunRecord>,
    /// Live themes (candidate or confirmed), in order.
    pub themes: Vec<ThemeView>,
    /// Deleted and merged themes, for the record.
    pub retired: Vec<ThemeRecord>,
    pub campaigns: Vec<CampaignView>,
    pub waiting: i64,
}

impl Analysis {
    pub fn confirmed(&self) -> bool {
        self.run.as_ref().is_some_and(|r| r.confirmed_at.is_some())
    }

    pub fn mapped(&self) -> bool {
        self.run.as_ref().is_some_and(|r| r.mapped_at.is_some())
    }
}

fn origin<'a>(me: &SignedIn, client: Option<&'a str>) -> Origin<'a> {
    Origin {
        actor: Some(me.user_id),
        client,
    }
}

fn live(status: &str) -> bool {
    matches!(status, "candidate" | "confirmed")
}

fn list(json: &str) -> Vec<String> {
    serde_json::from_str(json).unwrap_or_default()
}

fn ids(json: &str) -> Vec<Uuid> {
    list(json)
        .iter()
        .filter_map(|s| Uuid::parse_str(s).ok())
        .collect()
}

fn to_json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

/// Runs CPU-bound analysis on a blocking thread, so a large question
/// never stalls the pages other people are loading.
async fn off_thread<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, ServiceError> {
    tokio::task::spawn_blocking(work).await.map_err(|e| {
        ServiceError::Storage(cohesion_storage::StorageError::Invalid(format!(
            "theme analysis failed: {e}"
        )))
    })
}

/// The consultation and its long-text question, or why not.
async fn question(
    conn: Conn<'_>,
    id: Uuid,
    question_id: &str,
) -> Result<(ConsultationRecord, QuestionDef), ServiceError> {
    let c = catalogue::find(conn, id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let survey = parse_survey(&c.survey)?;
    let q = survey
        .question(question_id)
        .ok_or(ValidationError::new("question", ErrorCode::UnknownQuestion))?
        .clone();
    if !matches!(q.kind, QuestionKind::LongText { .. }) {
        return Err(ValidationError::new("question", ErrorCode::NotLongText).into());
    }
    Ok((c, q))
}

/// The latest run on the question, or a clear refusal.
async fn current_run(
    conn: Conn<'_>,
    id: Uuid,
    question_id: &str,
) -> Result<RunRecord, ServiceError> {
    runs::latest_run(conn, id, question_id)
        .await?
        .ok_or(ValidationError::new("seed", ErrorCode::NoAnswers).into())
}

/// A live theme of `run` named by a form or path; anything else (a
/// forged id, another run's theme, a deleted one) is refused.
fn theme_of<'t>(
    themes: &'t [ThemeRecord],
    field: &'static str,
    raw: &str,
) -> Result<&'t ThemeRecord, ServiceError> {
    Uuid::parse_str(raw.trim())
        .ok()
        .and_then(|id| themes.iter().find(|t| t.id == id && live(&t.status)))
        .ok_or(ValidationError::new(field, ErrorCode::InvalidChoice).into())
}

fn other_labels(themes: &[ThemeRecord], except: Option<Uuid>) -> Vec<&str> {
    themes
        .iter()
        .filter(|t| live(&t.status) && Some(t.id) != except)
        .map(|t| t.label.as_str())
        .collect()
}

/// The theme analysis of a question for staff who analyse.
pub async fn analysis(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    question_id: &str,
) -> Result<Analysis, ServiceError> {
    require(me, Action::Analyse)?;
    let mut c = db.acquire().await?;
    let (consultation, q) = question(c.conn(), id, question_id).await?;
    let answers = answers::answer_count(c.conn(), id, &q.id).await?;
    let Some(run) = runs::latest_run(c.conn(), id, &q.id).await? else {
        return Ok(Analysis {
            consultation,
            question: q,
            answers,
            run: None,
            themes: Vec::new(),
            retired: Vec::new(),
            campaigns: Vec::new(),
            waiting: 0,
        });
    };
    let all = definitions::themes(c.conn(), run.id).await?;
    let candidate: HashMap<Uuid, i64> = assignments::counts(c.conn(), run.id, false)
        .await?
        .into_iter()
        .collect();
    let mapped: HashMap<Uuid, i64> = assignments::counts(c.conn(), run.id, true)
        .await?
        .into_iter()
        .collect();
    // Every quote of every theme in one query.
    let stored: Vec<CampaignView> = serde_json::from_str(&run.campaigns).unwrap_or_default();
    let quote_ids: Vec<Uuid> = all
        .iter()
        .filter(|t| live(&t.status))
        .flat_map(|t| ids(&t.examples).into_iter().take(3))
        .chain(stored.iter().map(|c| c.response_id))
        .collect();
    let texts: HashMap<Uuid, (String, String)> =
        answers::answers_of(c.conn(), id, &q.id, &quote_ids)
            .await?
            .into_iter()
            .map(|(rid, reference, text)| (rid, (reference, text)))
            .collect();
    let waiting = reviews::reviews(c.conn(), &run, 0, 1).await?.1;
    let (live_themes, retired): (Vec<ThemeRecord>, Vec<ThemeRecord>) =
        all.into_iter().partition(|t| live(&t.status));
    let themes = live_themes
        .into_iter()
        .map(|t| ThemeView {
            quotes: ids(&t.examples)
                .into_iter()
                .filter_map(|rid| {
                    texts.get(&rid).map(|(reference, text)| Quote {
                        response_id: rid,
                        reference: reference.clone(),
                        text: pii::mask(text).into_owned(),
                    })
                })
                .take(3)
                .collect(),
            candidate: Figure::of(candidate.get(&t.id).copied().unwrap_or(0), run.answers),
            mapped: run
                .mapped_at
                .map(|_| Figure::of(mapped.get(&t.id).copied().unwrap_or(0), answers)),
            top_terms: list(&t.top_terms),
            id: t.id,
            label: t.label,
            description: t.description,
            stance: t.stance,
            status: t.status,
        })
        .collect();
    let campaigns: Vec<CampaignView> = stored
        .into_iter()
        .filter_map(|c| {
            let (_, text) = texts.get(&c.response_id)?;
            Some(CampaignView {
                text: pii::mask(text).into_owned(),
                ..c
            })
        })
        .collect();
    Ok(Analysis {
        consultation,
        question: q,
        answers,
        run: Some(run),
        themes,
        retired,
        campaigns,
        waiting,
    })
}

/// Runs discovery on the question's submitted answers with `seed` and
/// saves the candidate themes as a new run. The same answers and seed
/// give the same themes.
pub async fn run(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    question_id: &str,
    seed: &str,
    client: Option<&str>,
) -> Result<Uuid, ServiceError> {
    require(me, Action::Analyse)?;
    let seed = rules::seed(seed)?;
    let (q, answers) = {
        let mut c = db.acquire().await?;
        let (_, q) = question(c.conn(), id, question_id).await?;
        let answers = answers::question_texts(c.conn(), id, &q.id).await?;
        (q, answers)
    };
    if answers.is_empty() {
        return Err(ValidationError::new("seed", ErrorCode::NoAnswers).into());
    }
    let answer_ids: Vec<String> = answers.iter().map(|(rid, _)| rid.to_string()).collect();
    let texts: Vec<&str> = answers.iter().map(|(_, t)| t.as_str()).collect();
    let options = Options {
        seed: seed as u64,
        ..Options::default()
    };
    let found = off_thread({
        let answer_ids = answer_ids.clone();
        let texts: Vec<String> = texts.iter().map(|t| (*t).to_owned()).collect();
        move || {
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            engine::discover(&answer_ids, &texts, &options)
        }
    })
    .await?;
    let by_id = |s: &str| Uuid::parse_str(s).ok();
    let campaigns: Vec<CampaignView> = found
        .campaigns
        .iter()
        .filter_map(|c| {
            Some(CampaignView {
                response_id: by_id(&c.quote.id)?,
                // Only the id is kept: the words are read (and masked)
                // when shown, so an answer erased later is gone here too.
                text: String::new(),
                count: c.count.count as i64,
            })
        })
        .collect();
    let mut tx = db.begin().await?;
    let run = runs::insert_run(
        tx.conn(),
        &NewRun {
            consultation_id: id,
            question_id: &q.id,
            seed,
            answers: answers.len() as i64,
            campaign_answers: found.campaigns.iter().map(|c| c.count.count as i64).sum(),
            endorsements: found.endorsements.count as i64,
            rejections: found.rejections.count as i64,
            unassigned: found.unassigned.len() as i64,
            campaigns: &to_json(&campaigns),
            run_by: Some(me.user_id),
        },
    )
    .await?;
    let mut rows = Vec::new();
    for (i, t) in found.themes.iter().enumerate() {
        let stance = serde_json::to_value(t.stance)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_else(|| "unclear".into());
        let examples: Vec<String> = t.quotes.iter().map(|q| q.id.clone()).collect();
        let theme = definitions::insert_theme(
            tx.conn(),
            run,
            i as i64 + 1,
            &NewTheme {
                label: &t.label,
                description: "",
                stance: &stance,
                top_terms: &to_json(&t.top_terms),
                examples: &to_json(&examples),
                status: "candidate",
            },
            Some(me.user_id),
        )
        .await?;
        rows.extend(
            t.answer_ids
                .iter()
                .filter_map(|a| by_id(a))
                .map(|rid| (theme, rid, 1.0)),
        );
    }
    assignments::insert_assignments(tx.conn(), run, "discovery", &rows).await?;
    audit_log(
        tx.conn(),
        origin(me, client),
        "themes.run",
        Some(id),
        &format!(
            "question {} seed {seed}: {} answers, {} candidate themes (run {run})",
            q.id,
            answers.len(),
            found.themes.len()
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(run)
}

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
        origin(me, client),
        action,
        Some(id),
        &format!("question {} run {}: {detail}", q.id, run.id),
    )
    .await?;
    tx.commit().await?;
    Ok(subject)
}

/// Confirms the latest run's live themes as the set answers are mapped to.
pub async fn confirm(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    question_id: &str,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::Analyse)?;
    let mut tx = db.begin().await?;
    let (_, q) = question(tx.conn(), id, question_id).await?;
    let run = current_run(tx.conn(), id, &q.id).await?;
    let themes = definitions::themes(tx.conn(), run.id).await?;
    let labels: Vec<&str> = other_labels(&themes, None);
    if labels.is_empty() {
        return Err(ValidationError::new("label", ErrorCode::FieldRequired).into());
    }
    definitions::set_live_status(tx.conn(), run.id, "confirmed").await?;
    runs::set_step(
        tx.conn(),
        run.id,
        runs::RunStep::Confirmed,
        Some(cohesion_storage::Timestamp::now()),
    )
    .await?;
    audit_log(
        tx.conn(),
        origin(me, client),
        "themes.confirm",
        Some(id),
        &format!(
            "question {} run {}: {} themes confirmed ({})",
            q.id,
            run.id,
            labels.len(),
            labels.join("; ")
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Maps every submitted answer to the confirmed themes, with confidence;
/// unsure answers go on the review list. Answers an analyst settled keep
/// the analyst's themes. Returns how many wait for review.
pub async fn map(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    question_id: &str,
    client: Option<&str>,
) -> Result<usize, ServiceError> {
    require(me, Action::Analyse)?;
    let (q, run, themes, answers) = {
        let mut c = db.acquire().await?;
        let (_, q) = question(c.conn(), id, question_id).await?;
        let run = current_run(c.conn(), id, &q.id).await?;
        if run.confirmed_at.is_none() {
            return Err(ValidationError::new("themes", ErrorCode::ThemesNotConfirmed).into());
        }
        let themes: Vec<ThemeRecord> = definitions::themes(c.conn(), run.id)
            .await?
            .into_iter()
            .filter(|t| t.status == "confirmed")
            .collect();
        let answers = answers::question_texts(c.conn(), id, &q.id).await?;
        (q, run, themes, answers)
    };
    let text_of: HashMap<Uuid, &str> = answers.iter().map(|(r, t)| (*r, t.as_str())).collect();
    let confirmed: Vec<ConfirmedTheme> = themes
        .iter()
        .map(|t| ConfirmedTheme {
            id: t.id.to_string(),
            label: t.label.clone(),
            description: t.description.clone(),
            examples: ids(&t.examples)
                .iter()
                .filter_map(|x| text_of.get(x).map(|s| (*s).to_owned()))
                .collect(),
        })
        .collect();
    let answer_ids: Vec<String> = answers.iter().map(|(r, _)| r.to_string()).collect();
    let texts: Vec<&str> = answers.iter().map(|(_, t)| t.as_str()).collect();
    let options = Options {
        seed: run.seed as u64,
        ..Options::default()
    };
    let mapping = off_thread({
        let answer_ids = answer_ids.clone();
        let texts: Vec<String> = texts.iter().map(|t| (*t).to_owned()).collect();
        move || {
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            engine::map(&answer_ids, &texts, &confirmed, &options)
        }
    })
    .await?;
    let mut tx = db.begin().await?;
    assignments::clear_mapping(tx.conn(), run.id).await?;
    // Answers an analyst has settled are not remapped.
    let settled: HashSet<Uuid> = reviews::settled(tx.conn(), run.id)
        .await?
        .into_iter()
        .collect();
    let mut rows = Vec::new();
    let mut review = Vec::new();
    for a in &mapping.answers {
        let Ok(rid) = Uuid::parse_str(&a.id) else {
            continue;
        };
        if settled.contains(&rid) {
            continue;
        }
        for t in &a.themes {
            if let Ok(theme) = Uuid::parse_str(&t.theme) {
                rows.push((theme, rid, f64::from(t.confidence)));
            }
        }
        if a.review {
            let stance = match a.stance {
                engine::Stance::Agree => "agree",
                engine::Stance::Disagree => "disagree",
                engine::Stance::Unclear => "unclear",
            };
            let best = a.themes.first().map_or(0.0, |t| f64::from(t.confidence));
            review.push((rid, stance, best));
        }
    }
    assignments::insert_assignments(tx.conn(), run.id, "mapping", &rows).await?;
    reviews::insert_reviews(tx.conn(), run.id, &review).await?;
    runs::set_step(
        tx.conn(),
        run.id,
        runs::RunStep::Mapped,
        Some(cohesion_storage::Timestamp::now()),
    )
    .await?;
    audit_log(
        tx.conn(),
        origin(me, client),
        "themes.map",
        Some(id),
        &format!(
            "question {} run {}: {} answers mapped to {} themes, {} for review",
            q.id,
            run.id,
            answers.len(),
            themes.len(),
            review.len()
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(review.len())
}

/// One answer on the review list with the themes it holds now.
#[derive(Debug, Clone)]
pub struct ReviewItem {
    pub row: ReviewRow,
    /// Masked for personal data.
    pub text: String,
    pub themes: Vec<Uuid>,
}

/// A page of the answers waiting for review, and how many wait.
pub async fn review(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    question_id: &str,
    page: u32,
) -> Result<(Analysis, Vec<ReviewItem>, i64), ServiceError> {
    let a = analysis(db, me, id, question_id).await?;
    let Some(run) = a.run.clone() else {
        return Ok((a, Vec::new(), 0));
    };
    let mut c = db.acquire().await?;
    let offset = i64::from(page.saturating_sub(1)) * REVIEW_PAGE;
    let (rows, total) = reviews::reviews(c.conn(), &run, offset, REVIEW_PAGE).await?;
    let responses: Vec<Uuid> = rows.iter().map(|r| r.response_id).collect();
    let mut held: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for (r, t) in assignments::mapped_themes_of(c.conn(), run.id, &responses).await? {
        held.entry(r).or_default().push(t);
    }
    let items = rows
        .into_iter()
        .map(|row| ReviewItem {
            text: pii::mask(&row.text).into_owned(),
            themes: held.remove(&row.response_id).unwrap_or_default(),
            row,
        })
        .collect();
    Ok((a, items, total))
}

/// Settles one answer on the review list: it holds exactly `themes`
/// (confirmed themes of the run; none is a valid answer).
pub async fn settle(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    question_id: &str,
    response: &str,
    themes: &[String],
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::Analyse)?;
    let mut tx = db.begin().await?;
    let (_, q) = question(tx.conn(), id, question_id).await?;
    let run = current_run(tx.conn(), id, &q.id).await?;
    let all = definitions::themes(tx.conn(), run.id).await?;
    let mut chosen = Vec::new();
    for raw in themes {
        let t = Uuid::parse_str(raw.trim())
            .ok()
            .and_then(|tid| all.iter().find(|t| t.id == tid && t.status == "confirmed"))
            .ok_or(ValidationError::new("themes", ErrorCode::InvalidChoice))?;
        if !chosen.contains(&t.id) {
            chosen.push(t.id);
        }
    }
    let rid = Uuid::parse_str(response.trim())
        .map_err(|_| ValidationError::new("response", ErrorCode::InvalidChoice))?;
    if !reviews::settle_review(tx.conn(), run.id, rid, me.user_id).await? {
        return Err(ValidationError::new("response", ErrorCode::InvalidChoice).into());
    }
    assignments::set_analyst_themes(tx.conn(), run.id, rid, &chosen).await?;
    audit_log(
        tx.conn(),
        origin(me, client),
        "themes.review",
        Some(id),
        &format!(
            "question {} run {}: answer {rid} given {} themes {}",
            q.id,
            run.id,
            chosen.len(),
            to_json(&chosen)
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Answers of a theme, offered as examples when splitting it:
/// (response id, reference, masked text).
pub async fn split_choices(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    question_id: &str,
    theme: &str,
) -> Result<(Analysis, ThemeView, Vec<Quote>), ServiceError> {
    let a = analysis(db, me, id, question_id).await?;
    let view = Uuid::parse_str(theme.trim())
        .ok()
        .and_then(|tid| a.themes.iter().find(|t| t.id == tid))
        .cloned()
        .ok_or(ServiceError::NotFound)?;
    let mut c = db.acquire().await?;
    let members = assignments::members(c.conn(), view.id, "discovery", SPLIT_CHOICES).await?;
    let quotes = answers::answers_of(c.conn(), id, &a.question.id, &members)
        .await?
        .into_iter()
        .map(|(rid, reference, text)| Quote {
            response_id: rid,
            reference,
            text: pii::mask(&text).into_owned(),
        })
        .collect();
    Ok((a, view, quotes))
}

/// The figures of the confirmed themes in the latest mapped analysis of
/// `question`, by theme id with their labels: four queries however many
/// themes or findings citing them (themes of older analyses are absent).
pub async fn figures_of_question(
    conn: &mut cohesion_storage::PoolConn,
    consultation: Uuid,
    question: &str,
) -> Result<HashMap<Uuid, (String, Figure)>, ServiceError> {
    let Some(run) = runs::latest_run(conn.conn(), consultation, question).await? else {
        return Ok(HashMap::new());
    };
    if run.mapped_at.is_none() {
        return Ok(HashMap::new());
    }
    let themes = definitions::themes(conn.conn(), run.id).await?;
    let counts: HashMap<Uuid, i64> = assignments::theme_counts(conn.conn(), run.id)
        .await?
        .into_iter()
        .collect();
    let base = answers::answer_count(conn.conn(), consultation, question).await?;
    Ok(themes
        .into_iter()
        .filter(|t| t.status == "confirmed")
        .map(|t| {
            let count = counts.get(&t.id).copied().unwrap_or(0);
            (t.id, (t.label, Figure::of(count, base)))
        })
        .collect())
}

/// The labels of the confirmed themes of `question`'s latest mapped
/// analysis, by theme id: the themes a finding's figure can name (the
/// same rule as [`figures_of_question`]), in two queries.
pub async fn labels_of_question(
    conn: &mut cohesion_storage::PoolConn,
    consultation: Uuid,
    question: &str,
) -> Result<HashMap<Uuid, String>, ServiceError> {
    let Some(run) = runs::latest_run(conn.conn(), consultation, question).await? else {
        return Ok(HashMap::new());
    };
    if run.mapped_at.is_none() {
        return Ok(HashMap::new());
    }
    Ok(definitions::themes(conn.conn(), run.id)
        .await?
        .into_iter()
        .filter(|t| t.status == "confirmed")
        .map(|t| (t.id, t.label))
        .collect())
}

/// The confirmed themes of every long-text question of a consultation,
/// for findings to rest on: (theme id, question id, label).
pub async fn citable(db: &Db, id: Uuid) -> Result<Vec<(Uuid, String, String)>, ServiceError> {
    let mut c = db.acquire().await?;
    let consultation = catalogue::find(c.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let survey = parse_survey(&consultation.survey)?;
    let mut out = Vec::new();
    for q in survey
        .questions()
        .filter(|q| matches!(q.kind, QuestionKind::LongText { .. }))
    {
        if let Some(run) = runs::latest_run(c.conn(), id, &q.id).await? {
            if run.mapped_at.is_none() {
                continue;
            }
            for t in definitions::themes(c.conn(), run.id).await? {
                if t.status == "confirmed" {
                    out.push((t.id, q.id.clone(), t.label));
                }
            }
        }
    }
    Ok(out)
}

/// One submitted response's answers for staff who analyse (where quotes
/// link to): its reference and answer rows, written text masked for
/// personal data, special-category answers left out.
pub async fn response_answers(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    response: Uuid,
) -> Result<(String, Vec<cohesion_domain::survey::tally::AnswerRow>), ServiceError> {
    require(me, Action::Analyse)?;
    let mut c = db.acquire().await?;
    let reference = answers::response_reference(c.conn(), id, response)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let mut rows =
        cohesion_storage::consultations::answers::answers(c.conn(), response, false).await?;
    for r in &mut rows {
        if let Some(t) = &r.text {
            r.text = Some(pii::mask(t).into_owned());
        }
    }
    Ok((reference, rows))
}
