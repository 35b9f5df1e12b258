//! Results: per-question counts from the running totals, with 95 %
//! Wilson intervals and small counts suppressed (insight crate), and
//! crosstabs counted from the stored answers. The public sees results
//! only once an officer publishes them, never special-category
//! questions, and, while the consultation is open, as of a snapshot
//! (see [`public`]); staff who may see special-category results do so
//! under audit.

pub mod crosstab;
pub mod public;
pub mod publication;
pub mod texts;
pub mod totals_check;
pub mod weighting;

use std::collections::HashMap;

use cohesion_domain::analysis::publication::{all_publishable, publishable};
use cohesion_domain::consultation::Consultation;
use cohesion_domain::identity::Action;
use cohesion_domain::survey::model::{QuestionDef, QuestionKind, SurveyDefinition};
use cohesion_insight::disclosure::{suppress, Margins, SmallBaseRules};
use cohesion_insight::proportion::Proportion;
use cohesion_storage::consultations::result_publications;
use cohesion_storage::Db;
use uuid::Uuid;

use self::public::{live_totals, public_as_of, public_totals, AsOf};
use crate::accounts::SignedIn;
use crate::audit::audit_log;
use crate::consultations::{load, ConsultationError};
use crate::ServiceError;

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
    pub consultation: Consultation,
    pub survey: SurveyDefinition,
    pub questions: Vec<QuestionResult>,
    pub rules: SmallBaseRules,
    /// The questions the public sees, while results are published.
    pub published: Option<Vec<String>>,
    /// Weighted figures published with them, if the officer chose so.
    pub weighting: Option<WeightedSnapshot>,
    /// The respondents the figures count: as of the snapshot, or now.
    pub respondents: i64,
    /// The snapshot the viewer's figures are from (the public's, while
    /// the consultation is open); `None`: the figures as they stand.
    pub as_of: Option<AsOf>,
    /// For analysts, who see the figures as they stand: the snapshot the
    /// public sees meanwhile, if one was taken.
    pub public_as_of: Option<AsOf>,
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
    /// For each, how many who answered it were left out of the weighting
    /// (snapshots from before it was kept have none).
    #[serde(default)]
    pub left_out: Vec<(String, u64)>,
}

impl WeightedSnapshot {
    pub fn question(&self, id: &str) -> Option<&cohesion_insight::weighted::WeightedTally> {
        self.questions.iter().find(|(q, _)| q == id).map(|(_, t)| t)
    }

    /// Whether the respondents weighted are counted exactly, as on the
    /// weighting page ([`weighting::Weighted::counts_shown`]): how many in
    /// all, and (with `id`) how many answered that question.
    pub fn counts_shown(&self, id: Option<&str>, rules: SmallBaseRules) -> bool {
        let all = self.excluded as u64;
        // A snapshot without the question's count: at most all of those
        // left out answered it.
        let question = id.map(|id| {
            self.left_out
                .iter()
                .find(|(q, _)| q == id)
                .map_or(all, |(_, n)| *n)
        });
        weighting::weighted_counts_shown(all, rules)
            && question.is_none_or(|n| weighting::weighted_counts_shown(n, rules))
    }
}

/// What the public sees of consultation `c`'s results: the published
/// questions and weighted figures, or `None` while unpublished.
async fn publication(
    conn: cohesion_storage::Conn<'_>,
    c: &Consultation,
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
        .cells
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

/// Each line's counts and base, as counted (before any small-count
/// rule): one line per matrix row, one otherwise; none for questions
/// without options.
fn line_counts(q: &QuestionDef, totals: &HashMap<(i64, i64), u64>) -> Vec<(Vec<u64>, u64)> {
    let n = q.kind.options().len();
    let get = |item: i64, choice: i64| totals.get(&(item, choice)).copied().unwrap_or(0);
    match &q.kind {
        QuestionKind::Matrix { rows } => (0..rows.len())
            .map(|r| {
                let counts: Vec<u64> = (0..n).map(|c| get(r as i64, c as i64)).collect();
                (counts, get(r as i64, -1))
            })
            .collect(),
        QuestionKind::Ranking { options } => {
            let counts: Vec<u64> = (0..options.len()).map(|c| get(0, c as i64)).collect();
            vec![(counts, get(-1, -1))]
        }
        k if k.is_choice() => {
            let counts: Vec<u64> = (0..n).map(|c| get(0, c as i64)).collect();
            vec![(counts, get(-1, -1))]
        }
        _ => Vec::new(),
    }
}

fn question_lines(
    q: &QuestionDef,
    totals: &HashMap<(i64, i64), u64>,
    rules: SmallBaseRules,
) -> Vec<Line> {
    line_counts(q, totals)
        .into_iter()
        .map(|(counts, base)| line(&counts, base, rules))
        .collect()
}

/// One line as counted and as the small-count rules let it be shown.
/// The raw counts never leave the services: a finding that combines
/// options works its figure out from them, then suppresses it.
#[derive(Debug, Clone)]
pub struct CountedLine {
    pub counts: Vec<u64>,
    pub line: Line,
}

/// The lines of every question that is not special-category: what
/// findings draw their figures from. From the running totals for
/// analysts (`live`), and as the public sees them otherwise (see
/// [`public`]).
pub(crate) async fn public_lines(
    db: &Db,
    c: &Consultation,
    survey: &SurveyDefinition,
    rules: SmallBaseRules,
    live: bool,
) -> Result<HashMap<String, Vec<CountedLine>>, ServiceError> {
    let by_question = if live {
        let mut conn = db.acquire().await?;
        live_totals(conn.conn(), c.id).await?
    } else {
        public_totals(db, c, rules.min_count).await?.0
    };
    let empty = HashMap::new();
    Ok(survey
        .questions()
        .filter(|q| !q.kind.is_special_category())
        .map(|q| {
            let counted = line_counts(q, by_question.get(&q.id).unwrap_or(&empty))
                .into_iter()
                .map(|(counts, base)| CountedLine {
                    line: line(&counts, base, rules),
                    counts,
                })
                .collect();
            (q.id.clone(), counted)
        })
        .collect())
}

/// Whether `viewer` sees results of this consultation now, and whether
/// as staff (everything, before publication) or as the public.
fn may_see(viewer: Option<&SignedIn>, c: &Consultation) -> Result<bool, ServiceError> {
    if viewer.is_some_and(|v| v.roles.allows(Action::Analyse)) {
        return Ok(true);
    }
    match (c.published_at, c.results_published_at, c.withdrawn_at) {
        (Some(_), Some(_), _) => Ok(false),
        (Some(_), None, _) => Err(ConsultationError::ResultsNotPublished.into()),
        (None, _, Some(at)) => Err(ConsultationError::Withdrawn { at }.into()),
        (None, _, None) => Err(ServiceError::NotFound),
    }
}

/// Records, in its own transaction, that `me` saw special-category data
/// of consultation `id` (what: `detail`).
pub(super) async fn log_special_view(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    client: Option<&str>,
    detail: &str,
) -> Result<(), ServiceError> {
    let mut tx = db.begin().await?;
    let origin = me.origin(client);
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
    let (consultation, survey) = load(c.conn(), id).await?;
    // One read decides it all: staff who analyse see everything; anyone
    // else learns whether the results are out, or the consultation gone.
    let staff = may_see(viewer, &consultation)?;
    let special_allowed = viewer.is_some_and(|v| v.roles.allows(Action::ViewSpecialCategory));
    let (published, weighting) = match publication(c.conn(), &consultation, &survey).await? {
        Some((q, w)) => (Some(q), w),
        None => (None, None),
    };
    // Analysts see the totals as they stand, and when the public's are
    // from; everyone else sees the public's (a snapshot while it is open).
    let (by_question, as_of, public_as_of) = if staff {
        let live = live_totals(c.conn(), id).await?;
        let public = public_as_of(c.conn(), &consultation).await?;
        drop(c);
        (live, None, public)
    } else {
        drop(c);
        let (totals, as_of) = public_totals(db, &consultation, rules.min_count).await?;
        (totals, as_of, None)
    };
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
    if let Some(me) = viewer.filter(|_| special_shown) {
        log_special_view(db, me, id, client, "survey results").await?;
    }
    let respondents = as_of.map_or(consultation.response_count, |a| a.responses);
    Ok(Results {
        consultation,
        survey,
        questions,
        rules,
        published,
        weighting,
        respondents,
        as_of,
        public_as_of,
    })
}
