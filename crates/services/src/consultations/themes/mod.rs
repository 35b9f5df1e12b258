//! Themes in the written answers to a long-text question, in the
//! browser: an analyst runs discovery (the insight crate's engine) with a
//! seed, edits the candidate themes (rename, merge, split, delete, add
//! with example answers), confirms the set, maps every answer to the
//! confirmed themes with a confidence, and settles the answers the
//! mapping was unsure of. Every step is one transaction and one audit
//! entry; themes are never deleted, only marked.

pub mod confirm;
pub mod discover;
pub mod edit;
pub mod figures;
pub mod map;
pub mod review;

use std::collections::HashMap;

use cohesion_domain::consultation::Consultation;
use cohesion_domain::identity::Action;
use cohesion_domain::survey::model::{QuestionDef, QuestionKind};
use cohesion_domain::timestamp::Timestamp;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_insight::proportion::Proportion;
use cohesion_insight::text::{detect_language, lexicon, pii, Language};
use cohesion_insight::themes::generated_label;
use cohesion_storage::consultations::themes::definitions::ThemeRecord;
use cohesion_storage::consultations::themes::runs::RunRecord;
use cohesion_storage::consultations::themes::{answers, assignments, definitions, reviews, runs};
use cohesion_storage::{Conn, Db};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::accounts::SignedIn;
use crate::consultations::load;
use crate::permissions::require;
use crate::ServiceError;

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
    /// The label is discovery's own (its first terms and its stance),
    /// not an analyst's: pages show it in the reader's language.
    pub generated: bool,
}

/// A term of a theme as one language shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShownTerm {
    pub text: String,
    /// The language of `text` ("en", "ar"), or empty when its letters do
    /// not say.
    pub lang: &'static str,
}

impl ShownTerm {
    /// `term` in `lang` where the bilingual lexicon knows all its words,
    /// else as discovery found it, marked with the language of its
    /// letters.
    pub fn of(term: &str, lang: &str) -> Self {
        if let Some(text) = lexicon::translate(term, lang) {
            return Self {
                text,
                lang: if lang == "ar" { "ar" } else { "en" },
            };
        }
        Self {
            text: term.to_owned(),
            lang: match detect_language(term) {
                Language::English => "en",
                Language::Arabic => "ar",
                _ => "",
            },
        }
    }
}

impl ThemeView {
    /// The theme's terms in `lang` (see [`ShownTerm::of`]).
    /// Where the theme has terms in `lang` (translated or as found),
    /// only those: a theme of English and Arabic answers would otherwise
    /// mix the two ("…أديان، different"). Each term once (two found in
    /// different languages may translate to the same word).
    pub fn terms_in(&self, lang: &str) -> Vec<ShownTerm> {
        let mut all: Vec<ShownTerm> = Vec::new();
        for t in self.top_terms.iter().map(|t| ShownTerm::of(t, lang)) {
            if !all.iter().any(|s| s.text == t.text) {
                all.push(t);
            }
        }
        match all.iter().any(|t| t.lang == lang) {
            true => all.into_iter().filter(|t| t.lang == lang).collect(),
            false => all,
        }
    }

    /// The terms a discovery label is made of, in `lang`; `None` when an
    /// analyst named the theme (their words stay as written).
    pub fn label_terms_in(&self, lang: &str) -> Option<Vec<ShownTerm>> {
        self.generated
            .then(|| self.terms_in(lang).into_iter().take(3).collect())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignView {
    pub response_id: Uuid,
    pub text: String,
    pub count: i64,
}

/// A discovery run: its seed, what it found, and how far the analysis
/// went (confirmed, mapped).
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub id: Uuid,
    pub seed: i64,
    /// Answers discovery read.
    pub answers: i64,
    pub campaign_answers: i64,
    pub endorsements: i64,
    pub rejections: i64,
    pub unassigned: i64,
    pub run_at: Timestamp,
    pub confirmed_at: Option<Timestamp>,
    pub mapped_at: Option<Timestamp>,
}

impl From<&RunRecord> for Run {
    fn from(r: &RunRecord) -> Self {
        Self {
            id: r.id,
            seed: r.seed,
            answers: r.answers,
            campaign_answers: r.campaign_answers,
            endorsements: r.endorsements,
            rejections: r.rejections,
            unassigned: r.unassigned,
            run_at: r.run_at.into(),
            confirmed_at: r.confirmed_at.map(Into::into),
            mapped_at: r.mapped_at.map(Into::into),
        }
    }
}

/// A theme deleted, or merged into another, kept for the record.
#[derive(Debug, Clone, PartialEq)]
pub struct RetiredTheme {
    pub id: Uuid,
    pub label: String,
    /// deleted or merged.
    pub status: String,
    pub merged_into: Option<Uuid>,
}

/// The theme analysis of one question as it stands.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub consultation: Consultation,
    pub question: QuestionDef,
    /// Submitted written answers now.
    pub answers: i64,
    pub run: Option<Run>,
    /// Live themes (candidate or confirmed), in order.
    pub themes: Vec<ThemeView>,
    /// Deleted and merged themes, for the record.
    pub retired: Vec<RetiredTheme>,
    pub campaigns: Vec<CampaignView>,
    pub waiting: i64,
    /// The run's answers in no live theme (discovery placed them in none,
    /// or their theme was deleted), of the run's answers: with the
    /// themes' counts, every answer is counted.
    pub no_theme: Figure,
    /// The same of the answers now, once mapped.
    pub no_theme_mapped: Option<Figure>,
    /// The analyst's work on the latest run, which running discovery
    /// again would replace.
    pub work: Work,
}

/// An analyst's work on a run: what running discovery again throws
/// away, so it asks first when there is any (ADR 22), and the question
/// names it. Also the fingerprint of what was asked about: work done
/// after the question makes a confirmation stale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Work {
    /// Live themes confirmed.
    pub confirmed: u64,
    /// Themes renamed, added, merged or deleted.
    pub changes: u64,
    /// Answers mapped to a live theme.
    pub mapped: u64,
}

impl Work {
    pub fn any(&self) -> bool {
        self.confirmed + self.changes + self.mapped > 0
    }

    /// As a form carries it: the three counts, joined by dots.
    pub fn token(&self) -> String {
        format!("{}.{}.{}", self.confirmed, self.changes, self.mapped)
    }

    pub fn from_token(s: &str) -> Option<Self> {
        let mut parts = s.trim().split('.').map(|p| p.parse::<u64>().ok());
        let w = Self {
            confirmed: parts.next()??,
            changes: parts.next()??,
            mapped: parts.next()??,
        };
        parts.next().is_none().then_some(w)
    }
}

/// The work on `run`, its themes `all` (live and retired), read in one
/// more query.
pub(super) async fn work_on(
    conn: Conn<'_>,
    run: &RunRecord,
    all: &[ThemeRecord],
) -> Result<Work, ServiceError> {
    let mapped = match run.mapped_at {
        Some(_) => assignments::answers_in_live_themes(conn, run.id, true).await?,
        None => 0,
    };
    Ok(Work {
        confirmed: all.iter().filter(|t| t.status == "confirmed").count() as u64,
        // A theme no longer as discovery left it: retired, renamed, or
        // added by an analyst (no label of discovery's own).
        changes: all
            .iter()
            .filter(|t| !live(&t.status) || !is_generated(t))
            .count() as u64,
        mapped: mapped.max(0) as u64,
    })
}

impl Analysis {
    pub fn confirmed(&self) -> bool {
        self.run.as_ref().is_some_and(|r| r.confirmed_at.is_some())
    }

    pub fn mapped(&self) -> bool {
        self.run.as_ref().is_some_and(|r| r.mapped_at.is_some())
    }
}

pub(super) fn live(status: &str) -> bool {
    matches!(status, "candidate" | "confirmed")
}

pub(super) fn list(json: &str) -> Vec<String> {
    serde_json::from_str(json).unwrap_or_default()
}

pub(super) fn ids(json: &str) -> Vec<Uuid> {
    list(json)
        .iter()
        .filter_map(|s| Uuid::parse_str(s).ok())
        .collect()
}

pub(super) fn to_json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

/// Runs CPU-bound analysis on a blocking thread, so a large question
/// never stalls the pages other people are loading.
pub(super) async fn off_thread<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, ServiceError> {
    tokio::task::spawn_blocking(work).await.map_err(|e| {
        ServiceError::Storage(cohesion_storage::StorageError::Invalid(format!(
            "theme analysis failed: {e}"
        )))
    })
}

/// Answers as the engine takes them: ids and texts, owned, so that a
/// blocking thread may have them.
pub(super) fn engine_input(answers: &[(Uuid, String)]) -> (Vec<String>, Vec<String>) {
    answers
        .iter()
        .map(|(rid, text)| (rid.to_string(), text.clone()))
        .unzip()
}

/// The consultation and its long-text question, or why not.
pub(super) async fn question(
    conn: Conn<'_>,
    id: Uuid,
    question_id: &str,
) -> Result<(Consultation, QuestionDef), ServiceError> {
    let (c, survey) = load(conn, id).await?;
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
pub(super) async fn current_run(
    conn: Conn<'_>,
    id: Uuid,
    question_id: &str,
) -> Result<RunRecord, ServiceError> {
    runs::latest_run(conn, id, question_id)
        .await?
        .ok_or(ValidationError::new("seed", ErrorCode::NoAnswers).into())
}

/// The long-text question, its latest run and the run's themes: where
/// every step on the theme set starts, in the step's transaction.
pub(super) async fn latest(
    mut conn: Conn<'_>,
    id: Uuid,
    question_id: &str,
) -> Result<(QuestionDef, RunRecord, Vec<ThemeRecord>), ServiceError> {
    let (_, q) = question(conn.reborrow(), id, question_id).await?;
    let run = current_run(conn.reborrow(), id, &q.id).await?;
    let themes = definitions::themes(conn, run.id).await?;
    Ok((q, run, themes))
}

/// A live theme of `run` named by a form or path; anything else (a
/// forged id, another run's theme, a deleted one) is refused.
pub(super) fn theme_of<'t>(
    themes: &'t [ThemeRecord],
    field: &'static str,
    raw: &str,
) -> Result<&'t ThemeRecord, ServiceError> {
    Uuid::parse_str(raw.trim())
        .ok()
        .and_then(|id| themes.iter().find(|t| t.id == id && live(&t.status)))
        .ok_or(ValidationError::new(field, ErrorCode::InvalidChoice).into())
}

pub(super) fn other_labels(themes: &[ThemeRecord], except: Option<Uuid>) -> Vec<&str> {
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
    Ok(analysis_and_run(db, me, id, question_id).await?.0)
}

/// [`analysis`], with the latest run as stored, for what reads on.
pub(super) async fn analysis_and_run(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    question_id: &str,
) -> Result<(Analysis, Option<RunRecord>), ServiceError> {
    require(me, Action::Analyse)?;
    let mut c = db.acquire().await?;
    let (consultation, q) = question(c.conn(), id, question_id).await?;
    let answers = answers::answer_count(c.conn(), id, &q.id).await?;
    let mut a = Analysis {
        consultation,
        question: q,
        answers,
        run: None,
        themes: Vec::new(),
        retired: Vec::new(),
        campaigns: Vec::new(),
        waiting: 0,
        no_theme: Figure::of(0, 0),
        no_theme_mapped: None,
        work: Work::default(),
    };
    let Some(run) = runs::latest_run(c.conn(), id, &a.question.id).await? else {
        return Ok((a, None));
    };
    let all = definitions::themes(c.conn(), run.id).await?;
    let stored: Vec<CampaignView> = serde_json::from_str(&run.campaigns).unwrap_or_default();
    let texts = quoted(c.conn(), id, &a.question.id, &all, &stored).await?;
    a.work = work_on(c.conn(), &run, &all).await?;
    let (live_themes, retired): (Vec<ThemeRecord>, Vec<ThemeRecord>) =
        all.into_iter().partition(|t| live(&t.status));
    a.themes = theme_views(c.conn(), &run, answers, live_themes, &texts).await?;
    a.retired = retired
        .into_iter()
        .map(|t| RetiredTheme {
            id: t.id,
            label: t.label,
            status: t.status,
            merged_into: t.merged_into,
        })
        .collect();
    a.campaigns = stored
        .into_iter()
        .filter_map(|c| {
            let (_, text) = texts.get(&c.response_id)?;
            Some(CampaignView {
                text: pii::mask(text).into_owned(),
                ..c
            })
        })
        .collect();
    a.waiting = reviews::reviews(c.conn(), &run, 0, 1).await?.1;
    let themed = assignments::answers_in_live_themes(c.conn(), run.id, false).await?;
    a.no_theme = Figure::of((run.answers - themed).max(0), run.answers);
    if run.mapped_at.is_some() {
        let mapped = assignments::answers_in_live_themes(c.conn(), run.id, true).await?;
        a.no_theme_mapped = Some(Figure::of((answers - mapped).max(0), answers));
    }
    a.run = Some(Run::from(&run));
    Ok((a, Some(run)))
}

/// The answers the analysis quotes (three per live theme, and each
/// campaign's), by response: (reference, text as written), in one query.
async fn quoted(
    conn: Conn<'_>,
    id: Uuid,
    question: &str,
    themes: &[ThemeRecord],
    campaigns: &[CampaignView],
) -> Result<HashMap<Uuid, (String, String)>, ServiceError> {
    let quote_ids: Vec<Uuid> = themes
        .iter()
        .filter(|t| live(&t.status))
        .flat_map(|t| ids(&t.examples).into_iter().take(3))
        .chain(campaigns.iter().map(|c| c.response_id))
        .collect();
    Ok(answers::answers_of(conn, id, question, &quote_ids)
        .await?
        .into_iter()
        .map(|(rid, reference, text)| (rid, (reference, text)))
        .collect())
}

/// The live themes as the analysis shows them: quotes masked, the
/// candidate figure of the run's answers and, once mapped, the mapped
/// one of the answers now.
async fn theme_views(
    mut conn: Conn<'_>,
    run: &RunRecord,
    answers: i64,
    live_themes: Vec<ThemeRecord>,
    texts: &HashMap<Uuid, (String, String)>,
) -> Result<Vec<ThemeView>, ServiceError> {
    let candidate: HashMap<Uuid, i64> = assignments::counts(conn.reborrow(), run.id, false)
        .await?
        .into_iter()
        .collect();
    let mapped: HashMap<Uuid, i64> = assignments::counts(conn, run.id, true)
        .await?
        .into_iter()
        .collect();
    let quotes = |examples: &str| -> Vec<Quote> {
        ids(examples)
            .into_iter()
            .filter_map(|rid| {
                texts.get(&rid).map(|(reference, text)| Quote {
                    response_id: rid,
                    reference: reference.clone(),
                    text: pii::mask(text).into_owned(),
                })
            })
            .take(3)
            .collect()
    };
    Ok(live_themes
        .into_iter()
        .map(|t| ThemeView {
            generated: is_generated(&t),
            quotes: quotes(&t.examples),
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
        .collect())
}

/// Whether a theme still has the label discovery gave it.
fn is_generated(t: &ThemeRecord) -> bool {
    let terms = list(&t.top_terms);
    // Labels stored before discovery kept to one script took the first
    // three terms whatever their language: still discovery's own.
    let legacy = || {
        let first: Vec<&str> = terms.iter().take(3).map(String::as_str).collect();
        t.label == format!("{} ({})", first.join(", "), t.stance)
    };
    !terms.is_empty() && (t.label == generated_label(&terms, &t.stance) || legacy())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_themes_terms_keep_to_the_readers_language_where_it_has_any() {
        let th = ThemeView {
            id: Uuid::nil(),
            label: String::new(),
            description: String::new(),
            stance: "agree".into(),
            top_terms: vec!["zzqx".into(), "ققسس".into(), "yyqw".into()],
            quotes: Vec::new(),
            status: "candidate".into(),
            candidate: Figure::of(0, 0),
            mapped: None,
            generated: true,
        };
        let texts =
            |lang| -> Vec<String> { th.terms_in(lang).into_iter().map(|t| t.text).collect() };
        assert_eq!(texts("en"), ["zzqx", "yyqw"]);
        assert_eq!(texts("ar"), ["ققسس"]);
    }
}
